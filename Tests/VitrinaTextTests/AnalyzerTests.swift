import Testing

@testable import VitrinaText

@Suite("Analyzer chains")
struct AnalyzerTests {
    @Test func russianChainNormalizesAndStemsWords() throws {
        let text = "Телевизоры SAMSUNG с экраном 55\""
        let tokens = try analyze(text, .ru)
        #expect(tokens.map(\.normalized) == ["телевизоры", "samsung", "с", "экраном", "55", "in"])
        #expect(tokens[0].term == RussianStemmer().stem("телевизоры"))
        #expect(tokens[3].term == RussianStemmer().stem("экраном"))
        #expect(tokens[1].term == "samsung")  // Latin words are not stemmed
    }

    @Test func belarusianChainUsesBelarusianStemmer() throws {
        let tokens = try analyze("Пыласосы і ўвесь асартымент", .be)
        #expect(tokens.map(\.normalized) == ["пыласосы", "і", "ўвесь", "асартымент"])
        #expect(tokens[0].term == BelarusianStemmer().stem("пыласосы"))
    }

    @Test func compoundWholeIsStemmedOnItsLastPart() throws {
        let singular = try analyze("робот-пылесос", .ru)
        let plural = try analyze("Роботы-пылесосы", .ru)
        #expect(singular.map(\.term) == plural.map(\.term))
        #expect(plural[0].term == "робот-пылесос")
        let be = try analyze("інтэрнэт-крамы", .be)
        #expect(be[0].term == "інтэрнэт-" + BelarusianStemmer().stem("крамы"))
    }

    @Test func modelCodesAreNeverStemmed() throws {
        let tokens = try analyze("Смартфоны iPhone15 и Galaxy-S24", .ru)
        let codes = tokens.filter { $0.flags.contains(.keyword) }
        #expect(codes.allSatisfy { $0.term == $0.normalized })
        #expect(codes.map(\.term).contains("iphone15"))
    }

    @Test func stopWordsAreRemovedOnlyOnRequestAndLeaveGaps() throws {
        let text = "чайник для кухни и дачи"
        let all = try analyze(text, .ru)
        let filtered = try analyze(text, .ru, stopWords: true)
        #expect(all.count == 5)
        #expect(filtered.map(\.normalized) == ["чайник", "для", "кухни", "дачи"])
        #expect(filtered.map(\.position) == [0, 1, 2, 4])
    }

    @Test func neutralChainDoesNotStem() throws {
        let tokens = try analyze("Телевизоры Samsung", .neutral)
        #expect(tokens.map(\.term) == ["телевизоры", "samsung"])
    }

    @Test func keywordChainKeepsOneToken() throws {
        let text = "  Samsung Electronics "
        let tokens = try analyze(text, .keyword)
        #expect(tokens.count == 1)
        #expect(tokens[0].term == "samsung electronics")
        #expect(tokens[0].byteRange == 2..<21)
        #expect(try analyze("   ", .keyword).isEmpty)
    }

    @Test func genericChainMatchesPreset() throws {
        let chain = Analyzer(filter: NormalizationFilter(language: .ru).followed(by: StemFilter(RussianStemmer())))
        let text = "Холодильники Atlant двухкамерные, 2 метра"
        #expect(try chain.analyze(text) == AnyAnalyzer(preset: .ru).analyze(text))
    }

    @Test func ignorableOnlyTokensAreDropped() throws {
        let tokens = try analyze("\u{00AD}\u{00AD} телефон", .ru)
        #expect(tokens.map(\.normalized) == ["телефон"])
    }

    @Test(arguments: AnalyzerPreset.allCases)
    func megabyteSingleWordKeepsEveryByte(_ preset: AnalyzerPreset) throws {
        let word = String(repeating: "пылесос", count: 75_000)  // 1,050,000 bytes, no break
        let tokens = try analyze(word, preset)
        #expect(!tokens.isEmpty)
        let covered = tokens.filter { !$0.flags.contains(.part) }.reduce(0) { $0 + $1.byteRange.count }
        #expect(covered == word.utf8.count)
    }

    @Test func emptyTextGivesNoTokensInEveryChain() throws {
        for preset in AnalyzerPreset.allCases {
            #expect(try analyze("", preset).isEmpty)
        }
    }

    @Test func randomTextKeepsInvariants() throws {
        // Deterministic pseudo-random mix of letters, digits, punctuation and odd characters.
        let alphabet = Array(
            "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіўabcxyz0123456789 -'’\".,!?\u{00AD}\u{200B}\u{0301}€№\t\n")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<60 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            for preset in AnalyzerPreset.allCases {
                _ = try analyze(text, preset)
            }
        }
    }
}
