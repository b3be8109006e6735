import Foundation
import Testing

/// Exit statuses and error messages of the `vitrina` binary (issue 12, finding 7): 64 only for
/// usage mistakes, 65 for bad input data, 74 for files that cannot be read or written; messages
/// name the file and line, never a raw Foundation or libxml2 text, and no "Usage:" after a data error.
@Suite("vitrina exit statuses")
struct ExitStatusTests {
    /// A fresh folder, removed by the caller.
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "vitrina-cli-exit-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func usageMistakesExit64WithAUsageHint() throws {
        let missing = try CLI.run(["search", "телевизор"])
        #expect(missing.status == 64 && missing.stderr.contains("--index") && missing.stderr.contains("Usage"))
        let nan = try CLI.run(["search", "--index", "/nonexistent", "--filter", "price<nan", "x"])
        #expect(nan.status == 64 && nan.stderr.contains("price<nan"), "\(nan.stderr)")
    }

    @Test func dataErrorsExit65WithTheirPlaceAndNoUsage() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.write("<yml_catalog><shop><offers>\n<offer id=\"1\"><name>A</name></offr>\n", to: folder + "/bad.yml")
        let run = try CLI.run(["index", "--index", folder + "/index", folder + "/bad.yml"])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("bad.yml:2:") && run.stderr.contains("malformed XML"), "\(run.stderr)")
        #expect(!run.stderr.contains("Usage") && !run.stderr.contains("truncated"), "\(run.stderr)")
        let strict = try CLI.run([
            "index", "--strict", "--index", folder + "/index",
            VoiceCommandTests.repository + "/Catalogs/vk-shop-ru.csv",
            folder + "/bad.yml",
        ])
        #expect(strict.status == 65 && strict.stderr.contains("--strict: nothing was imported"), "\(strict.stderr)")
        let empty = try CLI.run(["search", "--index", folder, "телевизор"])
        #expect(empty.status == 65 && !empty.stderr.contains("Usage"), "\(empty.stderr)")
    }

    @Test func unreadableFilesExit74WithTheSystemReason() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = try CLI.run(["index", "--index", folder + "/index", "--format", "yml", "/nonexistent/feed.yml"])
        #expect(index.status == 74 && index.stderr.contains("/nonexistent/feed.yml"), "\(index.stderr)")
        #expect(index.stderr.contains("No such file") && index.stderr.contains("errno 2"), "\(index.stderr)")
        let audit = try CLI.run(["audit", "/nonexistent/page.html"])
        #expect(audit.status == 74 && audit.stderr.contains("/nonexistent/page.html"), "\(audit.stderr)")
        let eval = try CLI.run(["eval", "--index", folder, "/nonexistent/queries.jsonl"])
        #expect(eval.status == 74 && eval.stderr.contains("errno 2") && !eval.stderr.contains("NSCocoaErrorDomain"))
        let pages = VoiceCommandTests.repository + "/Catalogs/pages"
        let report = try CLI.run(["audit", "--html", "/nonexistent/dir/report.html", pages])
        #expect(report.status == 74 && report.stderr.contains("/nonexistent/dir/report.html"), "\(report.stderr)")
        #expect(!report.stderr.contains("NSCocoaErrorDomain") && !report.stderr.contains("Code="), "\(report.stderr)")
    }

    /// Issue 12, finding 5: sitemap entries that lead out of the sitemap's folder were read and
    /// their text copied into the report; they are refused, naming the sitemap, the line and the entry.
    @Test(arguments: [
        "../secret/x.html", "../../etc/passwd", "file:///etc/shadow", "file:///etc/passwd", "p/../../secret/x.html",
        "link.html", "https://shop.example/../secret/x",
    ])
    func sitemapEntriesOutsideTheFolderAreRefused(entry: String) throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/site/p", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/secret", withIntermediateDirectories: true)
        try Self.write("<html><body><p>TOP-SECRET-TEXT</p></body></html>", to: root + "/secret/x.html")
        try FileManager.default.createSymbolicLink(
            atPath: root + "/site/link.html", withDestinationPath: "../secret/x.html")
        try Self.write("<html><body><h1>Телевизор</h1></body></html>", to: root + "/site/p/tv.html")
        try Self.write(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset>
              <url><loc>https://shop.example/p/tv</loc></url>
              <url><loc>\(entry)</loc></url>
            </urlset>
            """, to: root + "/site/sitemap.xml")
        let run = try CLI.run(["audit", "--json", root + "/site/sitemap.xml"])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("sitemap.xml:4") && run.stderr.contains(entry), "\(run.stderr)")
        #expect(run.stderr.contains("outside") || run.stderr.contains("out of"), "\(run.stderr)")
        #expect(
            !run.stdout.contains("TOP-SECRET") && !run.stderr.contains("TOP-SECRET") && !run.stdout.contains("root:"))
    }
}
