import Foundation
import Testing

/// `vitrina parse`, `ask` and `eval` on the sample catalogs and query sets, as a user runs them.
@Suite("vitrina parse, ask and eval")
struct VoiceCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test func parsePrintsTheDocumentedShape() throws {
        let run = try CLI.run(["parse", "--json", "телевизор самсунг дешевле тридцати тысяч"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [String: Any])
        #expect(object["intent"] as? String == "search" && object["language"] as? String == "ru")
        let filters = try #require(object["filters"] as? [String: Any])
        let price = try #require(filters["price"] as? [String: Any])
        #expect(price["max"] as? Double == 30_000 && price["currency"] as? String == "RUB")
        #expect(filters["vendor"] as? [String] == ["Samsung"] && filters.keys.contains("available"))
    }

    @Test func askAndEvalOverTheSampleCatalogs() throws {
        let folder = NSTemporaryDirectory() + "vitrina-cli-voice-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = folder + "/index"
        let catalogs = Self.repository + "/Catalogs/"
        let imported = try CLI.run(
            ["index", "--index", index]
                + ["elektron-ru.yml", "krama-be.yml", "vk-shop-ru.csv", "reviews.jsonl"].map {
                    catalogs + $0
                })
        #expect(imported.status == 0, "\(imported.stderr)")
        let ask = try CLI.run(["ask", "--index", index, "--json", "колькі каштуе пыласос філіпс"])
        #expect(ask.status == 0, "\(ask.stderr)")
        let answer = try #require(try JSONSerialization.jsonObject(with: ask.stdoutBytes) as? [String: Any])
        #expect((answer["parsed"] as? [String: Any])?["intent"] as? String == "price")
        let hits = try #require(answer["hits"] as? [[String: Any]])
        #expect((hits.first?["id"] as? String)?.hasPrefix("kr-") == true && (answer["total"] as? Int ?? 0) > 0)
        #expect((answer["answer"] as? String)?.contains("каштуе") == true)

        let eval = try CLI.run(["eval", "--index", index, "--json", Self.repository + "/Queries/voice-be.jsonl"])
        #expect(eval.status == 0, "\(eval.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: eval.stdoutBytes) as? [String: Any])
        let voice = try #require(report["voice"] as? [String: Double])
        let keyword = try #require(report["keyword"] as? [String: Double])
        #expect((report["queries"] as? Int ?? 0) >= 60)
        #expect((voice["ndcg10"] ?? 0) > (keyword["ndcg10"] ?? 1))  // understanding must add something
    }
}
