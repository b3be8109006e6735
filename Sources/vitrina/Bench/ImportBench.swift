import Foundation
import VitrinaCatalog
import VitrinaImport
import VitrinaSynthetic

/// Import figures for `vitrina bench`: a generated YML feed read and indexed end to end.
struct ImportBench {
    /// What was measured.
    struct Figures: Encodable {
        var offers: Int
        var feedBytes: Int
        var seconds: Double
        var offersPerSecond: Double
        var megabytesPerSecond: Double
        /// Offers read and parsed without indexing (the reader alone).
        var readSeconds: Double
        var readOffersPerSecond: Double
        /// The process's peak resident memory after the import, in MiB.
        var peakResidentMiB: Double
    }

    /// Writes `count` synthetic products (seed 2) as a YML feed to a temporary file, reads it
    /// once with the reader alone, then imports it into a fresh index (64 MiB buffer).
    static func run(count: Int) throws -> Figures {
        let folder = NSTemporaryDirectory() + "vitrina-import-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let feed = folder + "/feed.yml"
        try writeFeed(count: count, to: feed)
        let feedBytes = (try FileManager.default.attributesOfItem(atPath: feed)[.size] as? Int) ?? 0

        let readStart = ContinuousClock.now
        var reader = try YMLReader(path: feed)
        var read = 0
        while try reader.next() != nil { read += 1 }
        let readSeconds = readStart.duration(to: .now).inSeconds
        guard read == count else { throw BenchError("the reader returned \(read) of \(count) offers") }

        let start = ContinuousClock.now
        let importer = try CatalogImporter(indexPath: folder + "/index")
        try importer.importFile(feed)
        let report = try importer.finish()
        let elapsed = start.duration(to: .now).inSeconds
        guard report.added == count, report.skipped == 0 else {
            throw BenchError("the import added \(report.added) of \(count) offers, skipped \(report.skipped)")
        }
        return Figures(
            offers: count, feedBytes: feedBytes, seconds: elapsed, offersPerSecond: Double(count) / elapsed,
            megabytesPerSecond: Double(feedBytes) / 1e6 / elapsed, readSeconds: readSeconds,
            readOffersPerSecond: Double(count) / readSeconds, peakResidentMiB: peakResidentMiB())
    }

    /// Streams the feed to `path` in pieces (bounded memory whatever `count` is).
    static func writeFeed(count: Int, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw BenchError("cannot create \(path)") }
        defer { try? handle.close() }
        var generator = CatalogGenerator(seed: 2)
        let writer = YMLFeedWriter(
            shop: "Bench", currencies: ["RUB", "BYN"], categoryPaths: CatalogGenerator.categoryPaths)
        var chunk = writer.start
        for number in 0..<count {
            chunk += writer.offer(generator.product(number: number))
            if chunk.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        chunk += writer.end
        try handle.write(contentsOf: Data(chunk.utf8))
    }

}

/// A benchmark that could not check its own result.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
