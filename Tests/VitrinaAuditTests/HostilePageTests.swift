import Foundation
import Testing

@testable import VitrinaAudit

@Suite("Audit: hostile and huge pages")
struct HostilePageTests {
    /// Issue 12, finding 4: an element with 200,000 attributes hung the audit.
    ///
    /// libxml2's duplicate check is quadratic; the attributes past the limit are dropped before
    /// parsing and reported.
    @Test(.timeLimit(.minutes(1)))
    func anElementWithTooManyAttributesIsCutAndReported() {
        let attributes = (0..<200_000).map { "data-a\($0)=\"x\"" }.joined(separator: " ")
        let html = """
            <!doctype html><html lang="ru"><head><title>Телевизор Samsung 55</title></head>
            <body><div \(attributes)>x</div><h1>Телевизор</h1><p>Цена 100 руб.</p></body></html>
            """
        let audit = PageAuditor(language: .en).audit(bytes: Array(html.utf8), path: "hostile.html")
        let excess = audit.findings.filter { $0.check == "html.attributes.excess" }
        #expect(excess.count == 1 && excess.first?.severity == .error)
        #expect(excess.first?.message.contains("<div>, line 2: 200000, 256 read") == true)
        #expect(audit.findings.contains { $0.check == "meta.title.length" } == false)
    }

    /// Issue 12, finding 4: a 50 MB page took 50 s and 600 MB; only the first
    /// ``PageAuditor/maximumPageBytes`` are read now, and the page is told it is too large.
    @Test(.timeLimit(.minutes(2)))
    func aHugePageIsAuditedOnItsBeginningAndReported() throws {
        let directory = NSTemporaryDirectory() + "vitrina-audit-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/huge.html"
        var html = Array(
            #"<!doctype html><html lang="ru"><head><title>Телевизор Samsung 55"</title></head><body>"#.utf8)
        let filler = Array("<div>\(String(repeating: "x", count: 1_000))</div>\n".utf8)
        while html.count <= PageAuditor.maximumPageBytes + 100_000 { html += filler }
        try Data(html + Array("<h1>Never read</h1></body></html>".utf8)).write(to: URL(fileURLWithPath: path))
        let audit = try PageAuditor(language: .en).audit(path: path)
        let checks = audit.findings.map(\.check)
        #expect(checks.contains("page.truncated") && checks.contains("page.weight"))
        #expect(audit.findings.first { $0.check == "page.truncated" }?.message.contains(" KB audited") == true)
    }

    @Test func aMissingPageNamesTheSystemError() {
        #expect {
            _ = try PageAuditor().audit(path: "/nonexistent/page.html")
        } throws: { error in
            guard let error = error as? AuditError else { return false }
            return error.code == .io && error.description.contains("No such file")
                && error.description.contains("errno 2")
        }
    }

    /// Windows-1251 bytes of `text` (Russian letters А–я and ASCII only).
    static func cp1251(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            (0x410...0x44F).contains(scalar.value) ? UInt8(scalar.value - 0x410 + 0xC0) : UInt8(scalar.value)
        }
    }

    /// Found by fuzzing the audit: libxml2's converter stopped at the first byte the page's encoding
    /// lacks (0x98 is unassigned in Windows-1251), dropped the rest of the page without a finding
    /// (a price after it was «no price») and printed «encoding error» to stderr.
    @Test func aByteTheEncodingLacksDoesNotCutThePage() {
        let html =
            Self.cp1251(#"<!doctype html><html lang="ru"><head><meta charset="windows-1251"><title>Телевизор</title>"#)
            + Self.cp1251("</head><body><h1>Телевизор</h1><p>bad ") + [0x98]
            + Self.cp1251(" byte</p><p>Цена 100 руб. Телевизор есть в наличии</p></body></html>")
        let page = HTMLPage(bytes: html, path: "cp1251.html")
        #expect(page.text.contains("Цена 100 руб."), "\(page.text)")
        let audit = PageAuditor(language: .en).audit(bytes: html, path: "cp1251.html")
        let checks = audit.findings.map(\.check)
        #expect(!checks.contains("facts.price") && !checks.contains("html.charset.mismatch"), "\(checks)")
    }

    /// Issue 12, finding 6 in the audit: a Windows-1251 word in a UTF-8 page (and a page declared
    /// windows-1251 but written in UTF-8) is read right and reported.
    @Test func encodingsThatContradictTheDeclarationAreReadAndReported() {
        let mixed =
            Array(#"<html lang="ru"><head><meta charset="utf-8"><title>Телевизор</title></head><body>"#.utf8)
            + Array("\n<p>Телевизор Samsung</p>\n<p>".utf8) + Self.cp1251("Чайник") + Array("</p></body></html>".utf8)
        let page = HTMLPage(bytes: mixed, path: "mixed.html")
        #expect(page.text.contains("Телевизор Samsung") && page.text.contains("Чайник"), "\(page.text)")
        let finding = PageAuditor(language: .en).audit(bytes: mixed, path: "mixed.html").findings
            .first { $0.check == "html.charset.mismatch" }
        #expect(finding?.message.contains("Windows-1251 words from line 3") == true, "\(String(describing: finding))")
        let declared = Array(
            #"<html lang="ru"><head><meta charset="windows-1251"><title>Чайник</title></head><body><p>Чайник</p>"#.utf8)
        #expect(HTMLPage(bytes: declared, path: "declared.html").title == "Чайник")
        let checks = PageAuditor(language: .en).audit(bytes: declared, path: "declared.html").findings.map(\.check)
        #expect(checks.contains("html.charset.mismatch"))
    }

    @Test func bytesIncludeMatchesContains() {
        let text = "телевизор в наличии, доставка"
        for needle in ["в наличии", "доставка", "т", "нет в наличии", "доставкаа", "ц"] {
            #expect(text.includes(needle) == text.contains(needle), "\(needle)")
        }
    }
}
