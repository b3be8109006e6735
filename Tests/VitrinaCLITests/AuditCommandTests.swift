import Foundation
import Testing

/// `vitrina audit` on the sample pages, as a user runs it.
@Suite("vitrina audit")
struct AuditCommandTests {
    @Test func auditsAFolderAsJSON() throws {
        let pages = VoiceCommandTests.repository + "/Catalogs/pages"
        let run = try CLI.run(["audit", "--json", "--lang", "be", pages])
        #expect(run.status == 0, "\(run.stderr)")
        let audits = try #require(try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [[String: Any]])
        #expect(audits.count == 3)
        let scores = Dictionary(
            uniqueKeysWithValues: audits.compactMap { audit -> (String, Int)? in
                guard let path = audit["path"] as? String, let score = audit["score"] as? Int else { return nil }
                return (URL(fileURLWithPath: path).lastPathComponent, score)
            })
        #expect((scores["elektron-ru-kettle-good.html"] ?? 0) > (scores["krama-be-fridge-average.html"] ?? 100))
        #expect((scores["krama-be-fridge-average.html"] ?? 0) > (scores["elektron-ru-tv-poor.html"] ?? 100))
        let findings = try #require(audits.first?["findings"] as? [[String: Any]])
        #expect(findings.allSatisfy { $0["check"] is String && $0["severity"] is String && $0["fix"] is String })
        let sitemap = try CLI.run(["audit", "--json", pages + "/sitemap.xml"])
        #expect(sitemap.status == 0, "\(sitemap.stderr)")
        #expect((try JSONSerialization.jsonObject(with: sitemap.stdoutBytes) as? [Any])?.count == 3)
        let missing = try CLI.run(["audit", "/nonexistent/page.html"])
        #expect(missing.status != 0 && missing.stderr.contains("/nonexistent/page.html"))
    }
}
