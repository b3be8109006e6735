import ArgumentParser
import Foundation
import Vitrina
import VitrinaAudit
import VitrinaIndex

/// `vitrina audit`: voice-search readiness of saved product pages.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit saved product pages for voice-search readiness: a 0–100 score and findings per page.")

    @Option(name: .long, help: "Report language: ru, be or en.")
    var lang: ReportLanguage = .ru

    @Flag(name: .long, help: "Print JSON (shape documented in README).")
    var json = false

    @Option(name: .long, help: "Also write a self-contained HTML report for the site to this file.")
    var html: String?

    @Option(name: .long, help: "An index to cross-check each page against (same product, price, availability).")
    var index: String?

    @Argument(
        help: """
            HTML files, folders (searched for *.html and *.htm) or sitemap.xml files (their entries must \
            stay inside the sitemap's folder).
            """)
    var paths: [String]

    func run() throws {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errno = ENOENT
                throw CommandFailure.io(path, "cannot open")
            }
            if path.hasSuffix(".xml") {
                files += try Sitemap.pages(at: path)
            } else if isDirectory.boolValue {
                let found = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
                files += found.filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }.sorted().map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        let auditor = PageAuditor(language: lang)
        let progress = Progress(enabled: !json && files.count > 20)
        let start = ContinuousClock.now
        var audits: [PageAudit] = []
        for (index, file) in files.enumerated() {
            audits.append(try auditor.audit(path: file))
            progress.update(records: index + 1, bytes: 0, fileBytes: index + 1, fileTotal: files.count, start: start)
        }
        progress.finish()
        if let index {
            let reader = try IndexReader(path: index)
            for position in audits.indices {
                try CatalogCrossCheck.apply(to: &audits[position], reader: reader, language: lang)
            }
        }
        if let html {
            do {
                try AuditHTMLReport.render(audits, language: lang).write(
                    toFile: html, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure.io(html, "cannot write the HTML report", error)
            }
        }
        if json {
            try printJSON(audits)
            return
        }
        for audit in audits {
            print(
                "\(audit.path): \(audit.score)/100 (\(audit.language))"
                    + (audit.caps.isEmpty ? "" : "  caps: \(audit.caps.joined(separator: ", "))"))
            let areas = ["basics", "structured_data", "facts", "answers", "readability", "answerability"]
            print("  " + areas.map { "\($0) \(Int((audit.areas[$0] ?? 0).rounded()))" }.joined(separator: "  "))
            for finding in audit.findings {
                print("  [\(finding.severity.rawValue)] \(finding.check): \(finding.message) — \(finding.fix)")
            }
        }
        if audits.count > 1 {
            var counts: [String: Int] = [:]
            for audit in audits { for check in Set(audit.findings.map(\.check)) { counts[check, default: 0] += 1 } }
            let mean = Double(audits.map(\.score).reduce(0, +)) / Double(audits.count)
            let healthy = audits.filter { !$0.findings.contains { $0.severity == .error } }.count
            print(
                "\n\(audits.count) pages, mean score \(String(format: "%.1f", mean)), pages without errors \(healthy)")
            for (check, count) in counts.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key })
                .prefix(10)
            {
                print("  \(check): \(count) pages (\(count * 100 / audits.count)%)")
            }
        }
    }
}

extension ReportLanguage: ExpressibleByArgument {}
