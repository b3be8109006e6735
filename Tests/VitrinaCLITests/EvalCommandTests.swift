import Foundation
import Testing

/// `vitrina eval` on classed, split query files: the per-class report, the filters and the CI gate.
@Suite("vitrina eval with classes and splits")
struct EvalCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test func reportsClassesAndFiltersThem() throws {
        let folder = NSTemporaryDirectory() + "vitrina-cli-eval-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = folder + "/index"
        let imported = try CLI.run(["index", "--index", index, Self.repository + "/Catalogs/elektron-ru.yml"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let lines = [
            #"{"id": "q1", "class": "known_item", "split": "dev", "query": "телевизор ксяоми", "#
                + #""language": "ru", "expected": {"price": null}, "relevant": {"el-0021": 2}}"#,
            #"{"id": "q2", "class": "known_item", "split": "test", "query": "вертолёт на пульте", "#
                + #""relevant": {"no-such-product": 2}}"#,
            #"{"id": "q3", "class": "cheapest", "split": "dev", "query": "самый дешёвый телевизор", "#
                + #""expected": {"sort": "price_asc"}, "relevant": {"el-0021": 2}}"#,
        ]
        let file = folder + "/set.jsonl"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)

        let all = try CLI.run(["eval", "--index", index, "--json", file])
        #expect(all.status == 0, "\(all.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: all.stdoutBytes) as? [String: Any])
        #expect(report["version"] as? Int == 2 && report["queries"] as? Int == 3)
        let classes = try #require(report["classes"] as? [[String: Any]])
        #expect(
            classes.map { "\($0["class"] ?? "")/\($0["split"] ?? "")" } == [
                "known_item/dev", "known_item/test", "cheapest/dev",
            ])
        #expect(classes.map { $0["metric"] as? String } == ["mrr", "mrr", "top1"])
        let keyword = try #require(classes[1]["keyword"] as? [String: Double])
        #expect(keyword["mrr"] == 0 && keyword["precision10"] == 0)  // nothing relevant exists

        let dev = try CLI.run(["eval", "--index", index, "--json", "--split", "dev", "--class", "known_item", file])
        let devReport = try #require(try JSONSerialization.jsonObject(with: dev.stdoutBytes) as? [String: Any])
        #expect(devReport["queries"] as? Int == 1)

        // Both engines score 0 on q2: not below, so the gate passes.
        let gate = try CLI.run(
            ["eval", "--index", index, "--split", "test", "--fail-below-keyword", "known_item", file])
        #expect(gate.status == 0, "\(gate.stderr)")
        #expect(gate.stdout.contains("known_item") && gate.stdout.contains("MRR@10"))

        let none = try CLI.run(["eval", "--index", index, "--class", "attribute", file])
        #expect(none.status != 0 && none.stderr.contains("no judged queries"))
    }
}
