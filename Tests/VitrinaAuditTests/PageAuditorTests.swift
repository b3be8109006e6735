import Foundation
import Testing
import VitrinaModel

@testable import VitrinaAudit

@Suite("Page audit")
struct PageAuditorTests {
    static let pages = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Catalogs/pages").path

    static func audit(_ name: String, language: ReportLanguage = .en) throws -> PageAudit {
        try PageAuditor(language: language).audit(path: pages + "/" + name)
    }

    static func audit(html: String) -> PageAudit {
        PageAuditor(language: .en).audit(bytes: Array(html.utf8), path: "inline.html")
    }

    @Test func anExcellentPageScoresHighWithAllQuestionsAnswered() throws {
        let audit = try Self.audit("elektron-ru-kettle-good.html")
        #expect(audit.score >= 90 && audit.language == "ru" && audit.caps.isEmpty)
        #expect(!audit.findings.contains { $0.severity == .error })
        #expect(Set(audit.answers.keys) == ["where_to_buy", "price", "availability", "delivery", "specs"])
        #expect(audit.answers["where_to_buy"]?.contains("ул. Тверская") == true)
        #expect(audit.answers["price"]?.contains("3 690 ₽") == true)
    }

    @Test func anAverageBelarusianWindows1251Page() throws {
        let audit = try Self.audit("krama-be-fridge-average.html")
        #expect(audit.language == "be" && (50...85).contains(audit.score))
        let checks = Set(audit.findings.map(\.check))
        #expect(checks.isSuperset(of: ["meta.description.missing", "img.alt", "qa.headings", "answer.specs"]))
        #expect(!checks.contains("facts.price") && !checks.contains("html.lang.mismatch"))
    }

    @Test func aPoorPageIsCappedAndExplained() throws {
        let audit = try Self.audit("elektron-ru-tv-poor.html")
        #expect(audit.score <= 20 && audit.caps.contains("noindex") && audit.caps.contains("contradiction"))
        let checks = Set(audit.findings.map(\.check))
        #expect(
            checks.isSuperset(of: [
                "crawl.noindex", "sd.jsonld.invalid", "html.h1", "html.lang.missing", "img.alt", "qa.headings",
                "answer.where_to_buy",
            ]))
        #expect(audit.findings.first?.severity == .error)
        let invalid = try #require(audit.findings.first { $0.check == "sd.jsonld.invalid" })
        #expect(invalid.message.contains("trailing comma") && invalid.message.contains("line 3"))
    }

    @Test func markupContradictingTheVisiblePriceIsCappedAt60() {
        let html = """
            <html lang="ru"><head><title>Чайник Bosch TWK3A011 — Электрон</title>
            <script type="application/ld+json">{"@type": "Product", "name": "Чайник",
             "offers": {"@type": "Offer", "price": "2990", "priceCurrency": "RUB"}}</script></head>
            <body><h1>Чайник</h1><p>Цена 3 490 ₽, в наличии, доставка по Москве, г. Москва, ул. Тверская, 7.</p></body></html>
            """
        let audit = Self.audit(html: html)
        #expect(audit.findings.contains { $0.check == "consistency.price" })
        #expect(audit.caps == ["contradiction"] && audit.score <= 60)
    }

    @Test func noPriceAnywhereIsCappedAt40() {
        let audit = Self.audit(
            html: "<html lang=\"ru\"><body><h1>Чайник Bosch</h1><p>Хороший чайник.</p></body></html>")
        #expect(audit.caps.contains("no-price") && audit.score <= 40)
        #expect(audit.findings.contains { $0.check == "facts.price" && $0.severity == .error })
    }

    @Test func speakableSelectorsAndFAQVisibility() {
        let html = """
            <html lang="ru"><body><h1>Чайник</h1><p id="lead">Чайник стоит 3 490 ₽.</p>
            <script type="application/ld+json">[{"@type": "WebPage", "speakable": {"cssSelector": ["#lead", ".missing"]}},
             {"@type": "FAQPage", "mainEntity": [{"@type": "Question", "name": "Можно ли мыть в посудомойке?"}]}]</script>
            </body></html>
            """
        let checks = Self.audit(html: html).findings.map(\.check)
        #expect(checks.filter { $0 == "sd.speakable.selector" }.count == 1)  // .missing only
        #expect(checks.contains("sd.faq.not-visible"))
    }

    @Test func readabilityUsesEachLanguagesVowels() {
        // «ў» is not a vowel in Belarusian; «і» is.
        let be = Readability(paragraphs: ["Воўк і ліс."], language: .be)
        #expect(be.syllables == 3 && be.words == 3 && be.sentences == 1)
        let ru = Readability(paragraphs: ["Мама мыла раму. Рама блестела."], language: .ru)
        #expect(ru.words == 5 && ru.sentences == 2 && ru.syllables == 11)
        let expected = 206.835 - 1.3 * 2.5 - 60.1 * 11 / 5
        #expect(abs((ru.readingEase ?? 0) - expected) < 1e-9)
    }

    @Test(arguments: [
        "", "<", "<html><body><p>", "\u{0}\u{1}binary", String(repeating: "<div>", count: 5_000),
        "<?xml?><!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>",
    ])
    func anyInputGivesAReport(html: String) {
        let audit = Self.audit(html: html)
        #expect((0...100).contains(audit.score))
    }

    @Test func messagesComeInThreeLanguages() throws {
        for language in ReportLanguage.allCases {
            let audit = try Self.audit("elektron-ru-tv-poor.html", language: language)
            let noindex = try #require(audit.findings.first { $0.check == "crawl.noindex" })
            #expect(!noindex.message.isEmpty && !noindex.fix.isEmpty)
        }
        #expect(
            try Self.audit("elektron-ru-tv-poor.html", language: .be).findings.first?.message.contains("Старонка")
                == true)
    }
}

@Suite("Audit HTML report")
struct AuditHTMLReportTests {
    @Test func theReportIsSelfContainedAndCountsProblems() throws {
        let audits = try ["elektron-ru-kettle-good.html", "krama-be-fridge-average.html", "elektron-ru-tv-poor.html"]
            .map {
                try PageAuditorTests.audit($0)
            }
        let html = AuditHTMLReport.render(audits, language: .en)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg") && html.contains("Most frequent problems"))
        #expect(!html.contains("<script") && !html.contains("src=\"http"))
        // Ten score bands, one bar each.
        #expect(html.components(separatedBy: "<rect ").count - 1 == 10)
        // qa.headings is on two pages.
        #expect(html.contains("<code>qa.headings</code>"))
        let row = html.components(separatedBy: "<code>qa.headings</code>").dropFirst().first ?? ""
        #expect(row.contains("</td><td>2</td>"))
    }
}

@Suite("Audit: markup details")
struct MarkupDetailTests {
    @Test func openGraphShopMarkupAndStaleOrDuplicateProducts() {
        let html = """
            <html lang="ru"><head><meta charset="utf-8"><meta property="og:title" content="Чайник">
            <meta property="og:image" content="https://x/1.jpg"><meta property="product:price:amount" content="2990">
            <script type="application/ld+json">[{"@type": "Product", "name": "Чайник",
              "offers": {"@type": "Offer", "price": "3490", "priceCurrency": "RUB", "priceValidUntil": "2020-01-01"}},
             {"@type": "Product", "name": "Утюг"},
             {"@type": "Store", "name": "Электрон", "telephone": "+7 495 000-00-00", "address": "Москва"}]</script>
            </head><body><h1>Чайник</h1><p>3 490 ₽ <a href="/x">подробнее</a></p></body></html>
            """
        let checks = Set(PageAuditorTests.audit(html: html).findings.map(\.check))
        #expect(
            checks.isSuperset(of: [
                "og.price", "sd.product.multiple", "sd.offer.priceValidUntil.past", "link.text.generic",
            ]))
        #expect(
            !checks.contains("og.product") && !checks.contains("sd.organization") && !checks.contains("html.charset"))
    }

    @Test func heavyPagesAreFlagged() {
        let html = "<html><body><p>" + String(repeating: "а", count: 1_100_000) + "</p></body></html>"
        #expect(PageAuditorTests.audit(html: html).findings.contains { $0.check == "page.weight" })
    }
}
