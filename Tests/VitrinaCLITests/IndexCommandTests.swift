import Foundation
import Testing

/// `vitrina index` on files of every format, as a user runs it.
@Suite("vitrina index")
struct IndexCommandTests {
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "vitrina-cli-index-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func importsMixedFormatsAndReportsJSON() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let yml = folder + "/feed.xml"
        try """
        <yml_catalog><shop><currencies><currency id="RUB" rate="1"/></currencies><offers>
        <offer id="y1"><name>Чайник Bosch</name><price>3000</price><vendorCode>TWK-1</vendorCode></offer>
        <offer id="y2"><name>Утюг</name><price>дорого</price></offer>
        </offers></shop></yml_catalog>
        """.write(toFile: yml, atomically: true, encoding: .utf8)
        let csv = folder + "/shop.csv"
        try "Артикул;Название;Цена\nA1;Кружка;990\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let reviews = folder + "/reviews.jsonl"
        try "{\"sku\": \"TWK-1\", \"text\": \"Кипит быстро\", \"rating\": 4}\n".write(
            toFile: reviews, atomically: true, encoding: .utf8)
        let index = folder + "/index"
        let run = try CLI.run(["index", "--index", index, "--json", yml, csv, reviews])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [String: Any])
        #expect(report["version"] as? Int == 3)
        #expect(report["added"] as? Int == 2 && report["skipped"] as? Int == 1)
        #expect(report["socialAttached"] as? Int == 1)
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.compactMap { $0["format"] as? String } == ["yml", "csv", "social"])
        let skipped = try #require((report["skippedRecords"] as? [[String: Any]])?.first)
        #expect(skipped["location"] as? String == "\(yml):3" && skipped["field"] as? String == "price")
        #expect(skipped["id"] as? String == "y2")

        // --strict: the same bad offer aborts and the index keeps its last commit (2 products).
        let strict = try CLI.run(["index", "--index", index, "--strict", yml])
        #expect(strict.status != 0 && strict.stderr.contains("feed.xml:3"))
        let stats = try CLI.run(["stats", "--index", index, "--json"])
        let counts = try #require(try JSONSerialization.jsonObject(with: stats.stdoutBytes) as? [String: Any])
        #expect(counts["documents"] as? Int == 2 && counts["generation"] as? Int == 1)
    }

    @Test func unknownInputIsAClearError() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/notes.txt"
        try "just words".write(toFile: file, atomically: true, encoding: .utf8)
        let run = try CLI.run(["index", "--index", folder + "/index", file])
        #expect(run.status != 0 && run.stderr.contains("notes.txt") && run.stderr.contains("--format"))
        let map = try CLI.run(["index", "--index", folder + "/index", "--map", "colour=Цвет", file])
        #expect(map.status != 0 && map.stderr.contains("unknown field"))
    }
}
