import Foundation
import Testing

/// `vitrina tonality` (its line contract) and `vitrina mentions`, as other tools run them.
@Suite("vitrina tonality and mentions")
struct MentionsCommandTests {
    @Test func tonalityWritesOneLinePerInputLine() throws {
        let input = "Отличный чайник, рекомендую!\n\n   \nЗаказ не пришёл, верните деньги\r\nВельмі задаволены, раю"
        let run = try CLI.run(["tonality"], input: Data(input.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 5)
        let fields = lines.map { $0.split(separator: "\t").map(String.init) }
        #expect(fields.allSatisfy { $0.count == 2 && Double($0[1]) != nil })
        #expect(fields.map { $0[0] } == ["positive", "neutral", "neutral", "negative", "positive"])
        #expect(lines[1] == "neutral\t0" && lines[2] == "neutral\t0")
        #expect((Double(fields[0][1]) ?? 0) > 0 && (Double(fields[3][1]) ?? 0) < 0)
        let invalid = try CLI.run(["tonality", "--lang", "be"], input: Data([0xFF, 0xFE, 0x0A, 0x41]))
        #expect(invalid.status == 0 && invalid.stdout.split(separator: "\n").count == 2)
    }

    @Test func tonalityJSONAndLanguageOption() throws {
        let run = try CLI.run(["tonality", "--json", "--lang", "auto"], input: Data("Дзякуй, усё выдатна\n".utf8))
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [String: Any])
        #expect(object["label"] as? String == "positive" && object["language"] as? String == "be")
        #expect(try CLI.run(["tonality", "--lang", "de"]).status == 64)
    }

    @Test func trainImportAndStoreByID() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-mentions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reviews = folder.appendingPathComponent("reviews.csv").path
        var csv = "id,text,rating\n"
        for index in 0..<30 {
            csv +=
                "r\(index)a,зюзя \(index) фырчит,1\nr\(index)b,зюзя \(index) мурлычет,5\nr\(index)c,зюзя \(index),3\n"
        }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: reviews))
        let model = folder.appendingPathComponent("shop.model").path
        let train = try CLI.run(["tonality", "train", "--json", "--out", model, reviews])
        #expect(train.status == 0, "\(train.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: train.stdoutBytes) as? [String: Any])
        #expect((summary["examples"] as? [String: Int])?["negative"] == 30)
        let classified = try CLI.run(["tonality", "--model", model], input: Data("моя зюзя фырчит\n".utf8))
        #expect(classified.stdout.hasPrefix("negative\t"))

        let store = folder.appendingPathComponent("mentions.index").path
        let mentions = VoiceCommandTests.repository + "/Catalogs/mentions"
        let files = try FileManager.default.contentsOfDirectory(atPath: mentions).sorted().map { mentions + "/" + $0 }
        let first = try CLI.run(["mentions", "import", "--json", "--store", store] + files)
        #expect(first.status == 0, "\(first.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: first.stdoutBytes) as? [String: Any])
        let read = try #require(report["read"] as? Int)
        #expect(read > 1000 && report["added"] as? Int == read && report["skipped"] as? Int == 0)
        let again = try CLI.run(["mentions", "import", "--json", "--store", store, files[0]])
        let second = try #require(try JSONSerialization.jsonObject(with: again.stdoutBytes) as? [String: Any])
        #expect(second["added"] as? Int == 0 && second["stored"] as? Int == read)
        let missing = try CLI.run(["mentions", "import", "--store", store, "/nonexistent/x.jsonl"])
        #expect(missing.status == 74 && missing.stderr.contains("/nonexistent/x.jsonl"))
    }

    @Test func alertsReportAndSummaryOfTheSampleMonth() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("mentions.index").path
        let mentions = VoiceCommandTests.repository + "/Catalogs/mentions"
        let files = try FileManager.default.contentsOfDirectory(atPath: mentions).sorted().map { mentions + "/" + $0 }
        let imported = try CLI.run(["mentions", "import", "--store", store] + files)
        #expect(imported.status == 0, "\(imported.stderr)")

        // The planted spike of the sample month: the leaking kettle.
        let alerts = try CLI.run(["mentions", "alerts", "--json", "--store", store, "--since", "2026-11-12"])
        #expect(alerts.status == 0, "\(alerts.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: alerts.stdoutBytes) as? [[String: Any]])
        #expect(list.contains { $0["kind"] as? String == "topic" && $0["subject"] as? String == "leak" })
        #expect(list.contains { $0["kind"] as? String == "product-negative" && $0["subject"] as? String == "el-0223" })
        let quiet = try CLI.run([
            "mentions", "alerts", "--json", "--store", store, "--since", "2026-11-01", "--until", "2026-11-08",
        ])
        #expect(
            (try JSONSerialization.jsonObject(with: quiet.stdoutBytes) as? [Any])?.isEmpty == true, "\(quiet.stdout)")
        let html = folder.appendingPathComponent("report.html").path
        let report = try CLI.run(["mentions", "report", "--store", store, "--html", html])
        #expect(report.status == 0 && report.stdout.contains("протекает"))
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("Инциденты"))
        #expect(try CLI.run(["mentions", "alerts", "--store", store, "--since", "12.11.2026"]).status == 64)
        let summary = try CLI.run(["mentions", "summary", "--json", "--store", store, "--product", "el-0223"])
        let answer = try #require(try JSONSerialization.jsonObject(with: summary.stdoutBytes) as? [String: Any])
        #expect((answer["answer"] as? String)?.contains("протекает") == true)
    }
}
