import Foundation
import Testing

@testable import VitrinaText

/// `../shared/data`, beside the repository root (third-party data: read, never copied).
private let sharedData = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/data")
private let catalogPath = sharedData.appendingPathComponent("21vek-by-catalog/21vek_catalog_2023-07.jsonl").path
private let feedsPath = sharedData.appendingPathComponent("yml-feeds").path

/// The byte tokenizer (byte segmentation + byte assembler) against the reference: ICU's break
/// iterator and the original String-building assembler.
@Suite("Byte tokenizer")
struct ByteTokenizerTests {
    let tokenizer = WordTokenizer()

    /// Characters of every word-break class the byte segmenter knows, and a few it refuses.
    static let alphabet: [String] = [
        "a", "Z", "я", "Ё", "ў", "і", "'", "’", "‘", ".", ",", ";", ":", "-", "‐", "‑", "_", "@", "0", "7", " ", "  ",
        "\u{00A0}", "\u{202F}", "\u{2009}", "\"", "″", "”", "«", "»", "—", "–", "№", "%", "/", "(", "\n", "\r\n", "\r",
        "\t", "\u{0301}", "\u{00AD}", "\u{200B}", "\u{2060}", "·", "é", "ß", "ʼ", "×", "€", "₽", "²", "½", "\u{2028}",
        "™", "±", "↑", "★", "\u{0483}", "҂", "μ", "中", "😀", "\u{200D}", "гб", "мАч", "л", "в", "м", "128", "2,5",
        "x96q", "s24", "\u{FEFF}", "\u{2024}", "\u{2027}", "\u{2044}", "\u{203F}",
    ]

    @Test func randomTextsGiveTheReferenceTokensAndSegments() throws {
        var generator = SeededGenerator(seed: 13)
        var fastPathTexts = 0
        for _ in 0..<10_000 {
            let length = Int.random(in: 1...10, using: &generator)
            let text = (0..<length).map { _ in Self.alphabet.randomElement(using: &generator) ?? "" }.joined()
            var utf8 = text
            let fast: [WordBreaker.Segment]? = utf8.withUTF8 { bytes in
                var segments: [WordBreaker.Segment] = []
                return ByteWordSegmenter.segment(bytes, into: &segments) ? segments : nil
            }
            if let fast {
                fastPathTexts += 1
                let icu = try utf8.withUTF8 { bytes in
                    var segments: [WordBreaker.Segment] = []
                    try WordBreaker().segments(of: bytes, into: &segments)
                    return segments
                }
                #expect(fast.map(\.range) == icu.map(\.range), "segments of \(text.debugDescription)")
                #expect(fast.map(\.status) == icu.map(\.status), "statuses of \(text.debugDescription)")
            }
            let tokens = try tokenizer.tokenize(text)
            let reference = try tokenizer.referenceTokenize(text)
            #expect(tokens == reference, "tokens of \(text.debugDescription)")
        }
        // Most random texts stay on the byte path (the alphabet has a few refused characters).
        #expect(fastPathTexts > 3_000)
    }

    @Test(arguments: [
        "Телевизор Samsung 55\" QE55Q60C 4K, 128гб, 2,5 л", "робот-пылесос x96q s24 30\u{202F}000 ₽",
        "сям'я аб’ява ул.Ленина т.д. a@b.ru", "3 в 1, 128 ГБ, 2 литра, 27″", "a_1 1_a __ _ 1.5a a1,5",
        String(repeating: "я", count: 300) + " 1", "при\u{0301}вет сл\u{00AD}ово", "",
        "Пылесосы123 экстраординарны\u{0301}й ааааа-бббббб ааааааааа_1 ёжикЁЖИКўі'я Ґанок",
    ])
    func examplesGiveTheReferenceTokens(_ text: String) throws {
        #expect(try tokenizer.tokenize(text) == tokenizer.referenceTokenize(text))
        let noParts = WordTokenizer(maximumTokenBytes: 8, emitsParts: false)
        #expect(try noParts.tokenize(text) == noParts.referenceTokenize(text))
    }

    @Test(
        "Every 21vek.by title gives the reference tokens",
        .enabled(if: FileManager.default.fileExists(atPath: catalogPath), "../shared/data is absent"))
    func catalogTitles() throws {
        let titles = try Self.catalogTitles()
        #expect(titles.count > 180_000)
        let (mismatches, fast) = try compare(titles)
        #expect(mismatches.isEmpty, "\(mismatches.count) titles differ, first: \(mismatches.prefix(5))")
        // Nearly every title is segmented without ICU.
        #expect(Double(fast) / Double(titles.count) > 0.95)
    }

    @Test(
        "Names and descriptions of the real YML feeds give the reference tokens",
        .enabled(if: FileManager.default.fileExists(atPath: feedsPath), "../shared/data is absent"))
    func feedTexts() throws {
        var texts: [String] = []
        let files = try FileManager.default.contentsOfDirectory(atPath: feedsPath).filter { $0.hasSuffix(".xml") }
        for file in files.sorted() {
            let data = try Data(contentsOf: URL(fileURLWithPath: feedsPath).appendingPathComponent(file))
            for tag in ["name", "description", "model", "vendor", "param", "category", "typePrefix"] {
                texts += Self.elementTexts(tag, in: Array(data))
            }
        }
        #expect(texts.count > 10_000)
        let (mismatches, _) = try compare(texts)
        #expect(mismatches.isEmpty, "\(mismatches.count) texts differ, first: \(mismatches.prefix(3))")
    }

    /// Texts whose tokens differ from the reference, and how many texts took the byte path.
    private func compare(_ texts: [String]) throws -> ([String], Int) {
        var mismatches: [String] = []
        var fast = 0
        var buffer = TokenBuffer()
        for text in texts {
            var utf8 = text
            if utf8.withUTF8({ ByteWordSegmenter.segment($0, into: &buffer.segments) }) { fast += 1 }
            buffer.reset()
            if try tokenizer.tokenize(text) != tokenizer.referenceTokenize(text) { mismatches.append(text) }
        }
        return (mismatches, fast)
    }

    /// Every product title of the 21vek.by catalog.
    static func catalogTitles() throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: catalogPath))
        var titles: [String] = []
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let items = object["items"] as? [[String: Any]]
            else { continue }
            titles += items.compactMap { $0["name"] as? String }
        }
        return titles
    }

    /// The texts of `<tag …>…</tag>` elements, CDATA unwrapped and the XML entities decoded (HTML
    /// markup inside descriptions is kept: the tokenizer must cope with it too).
    static func elementTexts(_ tag: String, in xml: [UInt8]) -> [String] {
        let open = Array(("<" + tag).utf8)
        let close = Array(("</" + tag + ">").utf8)
        var texts: [String] = []
        var index = 0
        while let start = find(open, in: xml, from: index) {
            let after = start + open.count
            guard after < xml.count, xml[after] == UInt8(ascii: ">") || xml[after] == UInt8(ascii: " "),
                let contentStart = xml[after...].firstIndex(of: UInt8(ascii: ">")),
                let end = find(close, in: xml, from: contentStart)
            else {
                index = after
                continue
            }
            var text = String(decoding: xml[(contentStart + 1)..<end], as: UTF8.self)
            text = text.replacingOccurrences(of: "<![CDATA[", with: "").replacingOccurrences(of: "]]>", with: "")
            for (entity, character) in [
                ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&"),
            ] {
                text = text.replacingOccurrences(of: entity, with: character)
            }
            texts.append(text)
            index = end + close.count
        }
        return texts
    }

    /// The first index of `needle` in `haystack` at or after `from`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = from
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

/// SplitMix64: a small deterministic generator for reproducible random texts.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The cached, interned analysis for indexing against the chains' own analysis.
@Suite("Term analysis")
struct TermAnalysisTests {
    static let chains: [AnyAnalyzer] = AnalyzerPreset.allCases.flatMap {
        [AnyAnalyzer(preset: $0), AnyAnalyzer(preset: $0, removesStopWords: true)]
    }

    /// Texts whose interned terms or positions differ from each chain's `analyze`.
    static func mismatches(_ texts: [String]) throws -> [String] {
        let analysis = TermAnalysis(chains: chains)
        var mismatches: [String] = []
        for text in texts {
            for (number, chain) in chains.enumerated() {
                try analysis.analyze(text, chain: number)
                let got = analysis.occurrences.map {
                    "\(String(decoding: analysis.term($0.term), as: UTF8.self))@\($0.position)+\($0.positionLength)"
                }
                let expected = try chain.analyze(text).map { "\($0.term)@\($0.position)+\($0.positionLength)" }
                if got != expected { mismatches.append("\(chain.preset?.rawValue ?? "?") \(text.debugDescription)") }
            }
        }
        return mismatches
    }

    @Test func randomTextsGiveEachChainsTerms() throws {
        var generator = SeededGenerator(seed: 29)
        let words =
            ByteTokenizerTests.alphabet + [
                "Телевизоры", "ТЕЛЕВИЗОР", "телевизоров", "и", "для", "без", "не", "смартфoн", "Рэспублiкi", "ёлка",
                "Ёлка",
                "роботы-пылесосы", "iPhоne", "сям'я", "ўсё", "і", "в", "на", "Samsung", "128ГБ", "5000мАч", "ru",
            ]
        var texts: [String] = []
        for _ in 0..<3_000 {
            let count = Int.random(in: 1...8, using: &generator)
            texts.append((0..<count).map { _ in words.randomElement(using: &generator) ?? "" }.joined(separator: " "))
        }
        let mismatches = try Self.mismatches(texts)
        #expect(mismatches.isEmpty, "\(mismatches.count) differ, first: \(mismatches.prefix(5))")
    }

    @Test func termNumbersAreStableAndForgottenTogether() throws {
        let analysis = TermAnalysis(chains: Self.chains)
        try analysis.analyze("Телевизоры телевизор", chain: 0)
        #expect(analysis.occurrences.map(\.term) == [0, 0])
        #expect(String(decoding: analysis.term(0), as: UTF8.self) == "телевизор")
        try analysis.analyze("samsung телевизоров", chain: 0)
        #expect(analysis.occurrences.map(\.term) == [1, 0])
        analysis.removeAll()
        #expect(analysis.termCount == 0)
        try analysis.analyze("samsung", chain: 0)
        #expect(analysis.occurrences.map(\.term) == [0])
    }

    @Test(
        "Every 21vek.by title gives each chain's terms",
        .enabled(if: FileManager.default.fileExists(atPath: catalogPath), "../shared/data is absent"))
    func catalogTitles() throws {
        let titles = try ByteTokenizerTests.catalogTitles()
        // Every 16th title keeps the test short; the tokenizer test covers all of them.
        let sample = stride(from: 0, to: titles.count, by: 16).map { titles[$0] }
        let mismatches = try Self.mismatches(sample)
        #expect(mismatches.isEmpty, "\(mismatches.count) differ, first: \(mismatches.prefix(5))")
    }
}
