import Foundation
import VitrinaCatalog
import VitrinaModel
import VitrinaText
import VitrinaVoice

/// Audits saved product pages for voice-search readiness (scoring in README, after
/// `../shared/notes/voice-readiness.md` §4).
///
/// ```swift
/// let audit = try PageAuditor().audit(path: "page.html")
/// print(audit.score, audit.findings.map(\.check))
/// ```
public struct PageAuditor: Sendable {
    /// The language of messages and fixes.
    public var language: ReportLanguage

    /// The parser of the simulated questions (built once: ICU set-up costs milliseconds).
    private let parser: QueryParser?

    /// Creates an auditor writing its report in `language`.
    public init(language: ReportLanguage = .ru) {
        self.language = language
        parser = try? QueryParser(vocabulary: StaticVocabulary(vendors: []))
    }

    /// The most HTML audited per page: 5 MiB.
    ///
    /// Product pages weigh 0.1–1 MB; past 1 MB the audit already warns (`page.weight`). A larger
    /// page is audited on its first 5 MiB (cut after a tag) with the error `page.truncated`, so a
    /// 50 MB page costs what a 5 MB one does instead of a minute and 600 MB (Google itself reads
    /// only the first 15 MB of an HTML file).
    public static let maximumPageBytes = 5 << 20

    /// Audits the page at `path`, reading at most ``maximumPageBytes`` of it.
    ///
    /// - Throws: ``AuditError`` (`io`) when the file cannot be read, with the system's reason.
    public func audit(path: String) throws -> PageAudit {
        let (bytes, size) = try PageFile.read(path, limit: Self.maximumPageBytes + 1)
        return audit(bytes: bytes, path: path, fileSize: size)
    }

    /// Audits a page's bytes (at most ``maximumPageBytes`` of them: see there).
    ///
    /// Never fails: any input gives a report.
    public func audit(bytes: [UInt8], path: String) -> PageAudit {
        audit(bytes: bytes, path: path, fileSize: bytes.count)
    }

    /// Audits `bytes`, the start of a file of `fileSize` bytes.
    func audit(bytes: [UInt8], path: String, fileSize: Int) -> PageAudit {
        var truncated = false
        var bytes = bytes
        if bytes.count > Self.maximumPageBytes || fileSize > bytes.count {
            truncated = true
            bytes.removeLast(max(0, bytes.count - Self.maximumPageBytes))
            // Cut after the last tag of the final 64 KB, so no character or tag is split.
            if let end = bytes.suffix(65_536).lastIndex(of: UInt8(ascii: ">")) {
                bytes.removeLast(bytes.count - end - 1)
            }
        }
        let page = HTMLPage(bytes: bytes, path: path)
        let data = StructuredData(page: page)
        let text = page.text
        let lower = text.lowercased()
        var textLanguage = LanguageDetector().detect(text)
        if textLanguage == .other { textLanguage = .ru }
        var findings: [Finding] = []
        var areas: [String: Double] = [:]
        var caps: [String] = []
        func find(_ id: String, _ detail: String = "") { findings.append(CheckCatalog.finding(id, language, detail)) }

        // A. Basics (15)
        var basics = 0.0
        let robots = (page.meta["robots"] ?? "") + " " + (page.meta["yandex"] ?? "")
        if robots.lowercased().includes("noindex") || robots.lowercased().includes("none") {
            find("crawl.noindex")
            caps.append("noindex")
        } else {
            basics += 3
        }
        if let title = page.title, !title.isEmpty {
            if (10...70).contains(title.count) {
                basics += 2
            } else {
                basics += 1; find("meta.title.length", "\(title.count)")
            }
        } else {
            find("meta.title.missing")
        }
        if let description = page.meta["description"], !description.isEmpty {
            if (70...160).contains(description.count) {
                basics += 2
            } else {
                basics += 1
                find("meta.description.length", "\(description.count)")
            }
        } else {
            find("meta.description.missing")
        }
        let h1 = page.blocks.filter { $0.kind == .heading(1) }.count
        if h1 == 1 { basics += 1 } else { find("html.h1", "\(h1)") }
        if let lang = page.lang?.lowercased().prefix(2) {
            if lang == textLanguage.rawValue {
                basics += 2
            } else {
                basics += 1; find("html.lang.mismatch", "\(lang) ≠ \(textLanguage.rawValue)")
            }
        } else {
            find("html.lang.missing")
        }
        if page.canonical != nil { basics += 2 } else { find("crawl.canonical.missing") }
        if page.meta["viewport"]?.includes("width") == true { basics += 1 } else { find("html.viewport") }
        if page.images.total == 0 || Double(page.images.withAlt) >= 0.9 * Double(page.images.total) {
            basics += 1
        } else {
            find("img.alt", "\(page.images.total - page.images.withAlt)/\(page.images.total)")
        }
        let canonicalURL = page.canonical ?? page.meta["og:url"]
        if canonicalURL?.hasPrefix("https://") == true { basics += 1 } else if canonicalURL != nil { find("https") }
        areas["basics"] = basics
        if fileSize > 1 << 20 { find("page.weight", "\(fileSize / 1024) KB") }
        if truncated {
            find("page.truncated", "\(fileSize / 1024) KB; \(page.byteCount / 1024) KB audited")
        }
        for excess in page.excessAttributes.prefix(5) {
            find(
                "html.attributes.excess",
                "<\(excess.element)>, line \(excess.line): \(excess.attributes), "
                    + "\(AttributeLimiter.defaultLimit) read")
        }
        if page.excessAttributeElements > 5 {
            find("html.attributes.excess", "\(page.excessAttributeElements - 5) more elements")
        }
        if !page.declaredCharset { find("html.charset") }
        let runs = page.encodingRuns
        let declaredUTF8 = page.encoding == "UTF-8"
        if (runs.utf8 > 0 && runs.windows1251 > 0)
            || (page.declaredCharset && (declaredUTF8 ? runs.windows1251 : runs.utf8) > 0)
        {
            var parts = ["declared \(page.declaredCharset ? page.encoding : "nothing")"]
            if runs.utf8 > 0 { parts.append("\(runs.utf8) UTF-8 words from line \(runs.firstUTF8Line)") }
            if runs.windows1251 > 0 {
                parts.append("\(runs.windows1251) Windows-1251 words from line \(runs.firstWindows1251Line)")
            }
            find("html.charset.mismatch", parts.joined(separator: "; "))
        }
        let generic: Set<String> = [
            "подробнее", "здесь", "тут", "читать далее", "ещё", "еще", "далее", "падрабязней", "больш", "чытаць далей",
        ]
        let genericLinks = page.links.filter { generic.contains($0.lowercased().trimmingCharacters(in: .whitespaces)) }
            .count
        if genericLinks > 0 { find("link.text.generic", "\(genericLinks)") }

        // B. Structured data (25)
        var structured = 0.0
        for reason in data.invalidBlocks { find("sd.jsonld.invalid", String(reason.prefix(80))) }
        let visiblePrices = ShoppingFacts.prices(in: text)
        if data.hasProduct {
            structured += 5
            let product = data.product
            let missing = ["name", "image", "description"].filter {
                StructuredData.string(product, $0) == nil && data.microdata[$0] == nil
            }
            structured += Double(3 - missing.count)
            if !missing.isEmpty { find("sd.product.fields", missing.joined(separator: ", ")) }
            if data.offer == nil && data.microdata["price"] == nil {
                find("sd.offer.missing")
            } else {
                if let price = data.price, price > 0 { structured += 3 } else { find("sd.offer.price") }
                if data.currency != nil { structured += 2 } else { find("sd.offer.currency") }
                if data.availability != nil { structured += 2 } else { find("sd.offer.availability") }
                if StructuredData.string(data.offer, "url") != nil || StructuredData.string(product, "url") != nil {
                    structured += 1
                }
            }
            let brand = StructuredData.string(product, "brand") != nil || data.microdata["brand"] != nil
            let identifier = ["sku", "gtin", "gtin13", "gtin8", "mpn"].contains {
                StructuredData.string(product, $0) != nil
            }
            structured += brand ? 1 : 0
            structured += identifier ? 1 : 0
            if !brand || !identifier { find("sd.product.identifiers") }
            let showsReviews = lower.includes("отзыв") || lower.includes("водгук")
            if !data.nodes("AggregateRating").isEmpty || product?["aggregateRating"] != nil || !showsReviews {
                structured += 2
            } else {
                find("sd.rating")
            }
            // Consistency with the visible text.
            if let price = data.price, !visiblePrices.isEmpty {
                if visiblePrices.contains(where: { abs($0 - price) < 0.01 }) {
                    structured += 3
                } else {
                    find(
                        "consistency.price",
                        "\(Self.number(price)) ≠ \(visiblePrices.prefix(3).map(Self.number).joined(separator: ", "))")
                    caps.append("contradiction")
                }
            }
            if let availability = data.availability {
                let saysOut = ShoppingFacts.mentions(lower, ShoppingFacts.outOfStock)
                let saysIn =
                    lower.includes("в наличии") && !lower.includes("нет в наличии")
                    || lower.includes("ёсць у наяўнасці")
                let markupIn = availability.lowercased().includes("instock")
                if (markupIn && saysOut && !saysIn) || (!markupIn && saysIn && !saysOut) {
                    find("consistency.availability", availability)
                    caps.append("contradiction")
                } else {
                    structured += 2
                }
            }
            let names = Set(data.nodes("Product").compactMap { StructuredData.string($0, "name") })
            if names.count > 1 { find("sd.product.multiple", "\(names.count)") }
            if let until = StructuredData.string(data.offer, "priceValidUntil"),
                let date = try? Date(
                    String(until.prefix(10)), strategy: Date.ISO8601FormatStyle().year().month().day()),
                date < Date()
            {
                find("sd.offer.priceValidUntil.past", String(until.prefix(10)))
            }
        } else {
            find("sd.product.missing")
        }
        areas["structured_data"] = min(25, structured)
        // OpenGraph (social sharing) and the shop's own markup: notices, no points.
        if page.meta["og:title"] == nil || page.meta["og:image"] == nil { find("og.product") }
        if let amount = page.meta["product:price:amount"].flatMap({
            Double($0.replacingOccurrences(of: ",", with: "."))
        }),
            let price = data.price ?? visiblePrices.first, abs(amount - price) > 0.01
        {
            find("og.price", "\(Self.number(amount)) ≠ \(Self.number(price))")
        }
        let shops = data.nodes.filter { node in
            StructuredData.types(node).contains {
                ["Organization", "LocalBusiness", "Store", "ElectronicsStore"].contains($0)
            }
        }
        if !shops.contains(where: { $0["address"] != nil && $0["telephone"] != nil }) { find("sd.organization") }

        // C. Shopping facts in the text (20)
        var facts = 0.0
        if !visiblePrices.isEmpty {
            facts += 6
        } else {
            find("facts.price")
            if data.price == nil { caps.append("no-price") }
        }
        if ShoppingFacts.mentions(lower, ShoppingFacts.availability) { facts += 4 } else { find("facts.availability") }
        if ShoppingFacts.mentions(lower, ShoppingFacts.delivery) { facts += 3 } else { find("facts.delivery") }
        if ShoppingFacts.mentions(lower, ShoppingFacts.location) { facts += 4 } else { find("facts.location") }
        if ShoppingFacts.hasPhone(text) { facts += 2 } else { find("facts.phone") }
        if ShoppingFacts.mentions(lower, ShoppingFacts.returns) { facts += 1 } else { find("facts.returns") }
        areas["facts"] = facts

        // D. Question-and-answer content (15)
        var answers = 0.0
        let questions = page.blocks.indices.filter { index in
            if case .heading = page.blocks[index].kind { return Self.isQuestion(page.blocks[index].text) }
            return false
        }
        if questions.count >= 3 {
            answers += 5
        } else if !questions.isEmpty {
            answers += 3; find("qa.headings", "\(questions.count)")
        } else {
            find("qa.headings", "0")
        }
        if !questions.isEmpty {
            let good = questions.filter { index in
                let next = page.blocks.index(after: index)
                guard next < page.blocks.count, page.blocks[next].kind != .heading(1) else { return false }
                if case .heading = page.blocks[next].kind { return false }
                let words = page.blocks[next].text.split(separator: " ").count
                return (20...60).contains(words)
            }.count
            answers += 6 * Double(good) / Double(questions.count)
            if good < questions.count { find("qa.answer.length", "\(questions.count - good)/\(questions.count)") }
        }
        let summary = page.blocks.prefix(8).contains { block in
            block.kind == .paragraph && block.text.split(separator: " ").count <= 50
                && !ShoppingFacts.prices(in: block.text).isEmpty
        }
        if summary { answers += 2 } else { find("voice.summary") }
        answers += faqAndSpeakable(page: page, data: data, lowerText: lower, find: find)
        areas["answers"] = answers

        // E. Readability (10)
        let prose = page.blocks.filter { $0.kind == .paragraph || $0.kind == .listItem }.map(\.text)
        let readability = Readability(paragraphs: prose, language: textLanguage)
        var readable = 0.0
        if let ease = readability.readingEase {
            switch ease {
            case 50...: readable += 5
            case 40..<50: readable += 3
            case 30..<40: readable += 1
            default: break
            }
            if ease < 50 { find("read.fre", String(format: "%.0f", ease)) }
            if Double(readability.longSentences) <= 0.25 * Double(readability.sentences) {
                readable += 3
            } else {
                find("read.sentences", "\(readability.longSentences)/\(readability.sentences)")
            }
            if readability.longestParagraph <= 150 {
                readable += 2
            } else {
                find("read.paragraph", "\(readability.longestParagraph)")
            }
        }
        areas["readability"] = readable

        // F. Answerability (15)
        let simulation = Answerability.simulate(page: page, data: data, language: textLanguage, parser: parser)
        areas["answerability"] = 3 * Double(simulation.answered.count)
        for intent in simulation.unanswered { find("answer.\(intent)") }

        caps = caps.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        var score = areas.values.reduce(0, +)
        if caps.contains("noindex") { score = min(score, 20) }
        if caps.contains("no-price") { score = min(score, 40) }
        if caps.contains("contradiction") { score = min(score, 60) }
        let product = data.product
        let productFacts = PageAudit.ProductFacts(
            name: StructuredData.string(product, "name") ?? page.blocks.first { $0.kind == .heading(1) }?.text,
            sku: StructuredData.string(product, "sku") ?? data.microdata["sku"],
            gtin: ["gtin13", "gtin", "gtin8", "gtin12", "gtin14"].lazy.compactMap { StructuredData.string(product, $0) }
                .first,
            url: StructuredData.string(data.offer, "url") ?? StructuredData.string(product, "url") ?? page.canonical,
            price: data.price ?? visiblePrices.first, currency: data.currency,
            available: data.availability.map { $0.lowercased().includes("instock") })
        return PageAudit(
            path: path, score: Int(score.rounded()), areas: areas, caps: caps, language: textLanguage.rawValue,
            findings: findings.sorted { $0.severity < $1.severity }, answers: simulation.answered, product: productFacts
        )
    }

    /// FAQPage and speakable: 2 when consistent or absent-but-harmless (1 when absent), 0 when broken.
    private func faqAndSpeakable(
        page: HTMLPage, data: StructuredData, lowerText: String, find: (String, String) -> Void
    ) -> Double {
        var points = 1.0
        let faqs = data.nodes("FAQPage")
        var broken = false
        for faq in faqs {
            let questions =
                (faq["mainEntity"] as? [[String: Any]]) ?? ((faq["mainEntity"] as? [String: Any]).map { [$0] } ?? [])
            let hidden = questions.compactMap { StructuredData.string($0, "name") }.filter {
                !lowerText.includes($0.lowercased().prefix(40))
            }
            if !hidden.isEmpty {
                find("sd.faq.not-visible", "\(hidden.count)")
                broken = true
            }
        }
        let speakables = data.nodes.compactMap { $0["speakable"] as? [String: Any] }
        for speakable in speakables {
            let selectors =
                (speakable["cssSelector"] as? [String]) ?? ((speakable["cssSelector"] as? String).map { [$0] } ?? [])
            for selector in selectors where !Self.resolves(selector, in: page) {
                find("sd.speakable.selector", selector)
                broken = true
            }
        }
        if !faqs.isEmpty || !speakables.isEmpty { points = 2 }
        return broken ? 0 : points
    }

    /// Whether a simple CSS selector (`#id`, `.class`, `tag`, `tag.class`) matches an element.
    static func resolves(_ selector: String, in page: HTMLPage) -> Bool {
        selector.split(separator: ",").contains { part in
            let simple = part.trimmingCharacters(in: .whitespaces).split(separator: " ").last.map(String.init) ?? ""
            if simple.hasPrefix("#") { return page.ids.contains(String(simple.dropFirst())) }
            let pieces = simple.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let tag = pieces.first ?? ""
            let classes = pieces.dropFirst()
            return (tag.isEmpty || page.tags.contains(tag.lowercased())) && classes.allSatisfy(page.classes.contains)
        }
    }

    /// Whether a heading is phrased as a question.
    static func isQuestion(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.hasSuffix("?") { return true }
        let starts = [
            "где ", "сколько ", "есть ли", "как ", "какой ", "какая ", "какие ", "чем ", "когда ", "можно ли", "дзе ",
            "колькі ", "ці ", "як ", "які ", "якая ", "якія ", "чым ", "калі ",
        ]
        return starts.contains { lower.hasPrefix($0) }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int64(value)) : String(value)
    }
}
