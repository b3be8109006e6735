import Foundation
import VitrinaAudit

/// Audit figures for `vitrina bench`: generated product pages audited in-process.
struct AuditBench {
    /// What was measured.
    struct Figures: Encodable {
        var pages: Int
        var seconds: Double
        var pagesPerSecond: Double
        var megabytesPerSecond: Double
        var meanScore: Double
    }

    /// Audits `count` pages made from the sample pages in `Catalogs/pages` (each copy with its
    /// own product name and price, so no two pages are equal).
    static func run(count: Int, folder: String = "Catalogs/pages") throws -> Figures {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: folder))?.filter { $0.hasSuffix(".html") }.sorted()
            ?? []
        let templates = try names.map { try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0)) }
        guard !templates.isEmpty else { throw BenchError("no sample pages in \(folder)") }
        let pages: [[UInt8]] = (0..<count).map { number in
            var bytes = Array(templates[number % templates.count])
            // Vary the model number in the ASCII part of the page.
            let marker = Array("TWK3A011".utf8)
            let replacement = Array(String(format: "TWK%05d", number).utf8)
            var index = 0
            while index + marker.count <= bytes.count {
                if Array(bytes[index..<(index + marker.count)]) == marker {
                    bytes.replaceSubrange(index..<(index + marker.count), with: replacement)
                }
                index += 1
            }
            return bytes
        }
        let auditor = PageAuditor(language: .ru)
        let start = ContinuousClock.now
        var total = 0
        for (number, page) in pages.enumerated() {
            total += auditor.audit(bytes: page, path: "page-\(number).html").score
        }
        let elapsed = start.duration(to: .now)
        let seconds = elapsed.inSeconds
        let bytes = pages.reduce(0) { $0 + $1.count }
        return Figures(
            pages: count, seconds: seconds, pagesPerSecond: Double(count) / seconds,
            megabytesPerSecond: Double(bytes) / 1e6 / seconds, meanScore: Double(total) / Double(count))
    }
}
