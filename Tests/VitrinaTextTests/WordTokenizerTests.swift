import Testing

@testable import VitrinaText

@Suite("Word tokenizer")
struct WordTokenizerTests {
    let tokenizer = WordTokenizer()

    @Test func splitsWordsAndKeepsByteOffsets() throws {
        let text = "Телевизор  Samsung, 4K!"
        let tokens = try tokenizer.tokenize(text)
        checkInvariants(tokens, text: text)
        #expect(tokens.map { source($0, in: text) } == ["Телевизор", "Samsung", "4K", "4", "K"])
        #expect(tokens[0].byteRange == 0..<18)
        #expect(tokens[1].byteRange == 20..<27)
        #expect(tokens.map(\.position) == [0, 1, 2, 2, 3])
    }

    @Test(arguments: ["сям'я", "сям’я", "сямʼя", "аб’ява", "п'еса"])
    func keepsBelarusianApostropheWordsWhole(_ word: String) throws {
        let tokens = try tokenizer.tokenize(word + " новая")
        #expect(tokens.count == 2)
        #expect(tokens[0].term == word)
        #expect(tokens[0].kind == .word)
    }

    @Test func emitsHyphenatedCompoundWholeThenParts() throws {
        let text = "робот-пылесос моющий"
        let tokens = try tokenizer.tokenize(text)
        checkInvariants(tokens, text: text)
        #expect(tokens.map(\.term) == ["робот-пылесос", "робот", "пылесос", "моющий"])
        #expect(tokens.map(\.position) == [0, 0, 1, 2])
        #expect(tokens[0].positionLength == 2)
        #expect(tokens[0].flags.contains(.compound))
        #expect(tokens[1].flags.contains(.part) && tokens[2].flags.contains(.part))
    }

    @Test func belarusianCompound() throws {
        let tokens = try tokenizer.tokenize("інтэрнэт-крама")
        #expect(tokens.map(\.term) == ["інтэрнэт-крама", "інтэрнэт", "крама"])
    }

    @Test(arguments: [
        ("s24", ["s24", "s", "24"]),
        ("rtx4070", ["rtx4070", "rtx", "4070"]),
        ("iphone15", ["iphone15", "iphone", "15"]),
        ("x96q", ["x96q", "x", "96", "q"]),
    ])
    func splitsModelCodes(_ text: String, _ expected: [String]) throws {
        let tokens = try tokenizer.tokenize(text)
        #expect(tokens.map(\.term) == expected)
        #expect(tokens[0].kind == .modelCode)
        #expect(tokens[0].flags.contains(.keyword))
        #expect(tokens[0].positionLength == expected.count - 1)
        #expect(tokens.dropFirst().allSatisfy { $0.flags.contains(.part) && $0.flags.contains(.keyword) })
    }

    @Test(arguments: [
        ("128гб", "128", "gb"), ("128ГБ", "128", "gb"), ("5л", "5", "l"), ("27\"", "27", "in"),
        ("2,5л", "2.5", "l"), ("1.5kg", "1.5", "kg"), ("5000мАч", "5000", "mah"), ("65″", "65", "in"),
    ])
    func splitsNumberFromGluedUnit(_ text: String, _ number: String, _ unit: String) throws {
        let tokens = try tokenizer.tokenize(text)
        #expect(tokens.map(\.term) == [number, unit])
        #expect(tokens.map(\.kind) == [.number, .unit])
        #expect(tokens.map(\.position) == [0, 1])
    }

    @Test func recognizesUnitWordAfterNumber() throws {
        let tokens = try tokenizer.tokenize("память 128 ГБ, объём 2 литра")
        #expect(tokens.map(\.term) == ["память", "128", "gb", "объём", "2", "l"])
        #expect(tokens[2].kind == .unit && tokens[5].kind == .unit)
    }

    @Test func singleLetterUnitNeedsNoNumberAfterIt() throws {
        let tokens = try tokenizer.tokenize("утюг 3 в 1")
        #expect(tokens.map(\.kind) == [.word, .number, .word, .number])
        #expect(tokens[2].term == "в")
    }

    @Test func joinsDigitGroupsSeparatedByNoBreakSpace() throws {
        let text = "цена 30\u{00A0}000 руб и 1\u{202F}250\u{202F}000"
        let tokens = try tokenizer.tokenize(text)
        checkInvariants(tokens, text: text)
        #expect(tokens.filter { $0.kind == .number }.map(\.term) == ["30000", "1250000"])
    }

    @Test func plainSpaceDoesNotJoinNumbers() throws {
        let tokens = try tokenizer.tokenize("3 000")
        #expect(tokens.map(\.term) == ["3", "000"])
    }

    @Test func emptyAndBlankTextGiveNoTokens() throws {
        #expect(try tokenizer.tokenize("").isEmpty)
        #expect(try tokenizer.tokenize("  \n\t , . !").isEmpty)
    }

    @Test func invalidUTF8IsReplacedNotFatal() throws {
        let bytes: [UInt8] = [0xD1, 0x82, 0xFF, 0xD0, 0xB2, 0x20, 0xC3]
        let text = String(decoding: bytes, as: UTF8.self)
        let tokens = try tokenizer.tokenize(text)
        checkInvariants(tokens, text: text)
        #expect(tokens.contains { $0.term.contains("т") })
    }

    @Test func splitsAMegabyteWordIntoBoundedChunks() throws {
        let word = String(repeating: "ж", count: 500_000)
        let tokens = try tokenizer.tokenize(word)
        checkInvariants(tokens, text: word)
        #expect(tokens.allSatisfy { $0.byteRange.count <= tokenizer.maximumTokenBytes })
        #expect(tokens.reduce(0) { $0 + $1.byteRange.count } == 1_000_000)
        #expect(tokens.map(\.position) == Array(0..<tokens.count))
    }

    @Test func partsCanBeTurnedOff() throws {
        let tokens = try WordTokenizer(emitsParts: false).tokenize("робот-пылесос s24 ok")
        #expect(tokens.map(\.term) == ["робот-пылесос", "s24", "ok"])
        #expect(tokens.map(\.position) == [0, 1, 2])
    }
}
