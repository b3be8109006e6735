import Testing

@testable import VitrinaCatalog

@Suite("Text encodings")
struct TextEncodingTests {
    /// «Ёжык з'еў ўсё» in Windows-1251, byte by byte (Ё=A8, ж=E6, ы=FB, к=EA, з=E7, '=27, е=E5, ў=A2, с=F1, ё=B8).
    static let belarusianBytes: [UInt8] = [
        0xA8, 0xE6, 0xFB, 0xEA, 0x20, 0xE7, 0x27, 0xE5, 0xA2, 0x20, 0xA2, 0xF1, 0xB8,
    ]

    @Test func decodesWindows1251IncludingBelarusianLetters() {
        #expect(TextEncoding.windows1251.decode(Self.belarusianBytes) == "Ёжык з'еў ўсё")
        #expect(TextEncoding.windows1251.decode([0xB9, 0x20, 0x31, 0x96, 0x32, 0x20, 0xAB, 0xBB]) == "№ 1–2 «»")
        #expect(TextEncoding.windows1251.decode([0xC0, 0xDF, 0xE0, 0xFF, 0xB2, 0xB3]) == "АЯаяІі")
    }

    @Test func detectsTheEncodingFromContent() {
        #expect(TextEncoding.detect(Array("цена;100".utf8)) == .utf8)
        #expect(TextEncoding.detect([0xEF, 0xBB, 0xBF] + Array("id".utf8)) == .utf8)
        #expect(TextEncoding.detect(Self.belarusianBytes) == .windows1251)
        #expect(TextEncoding.detect(Array("plain ascii".utf8)) == .utf8)
        // A UTF-8 letter cut by the end of the sample still counts as UTF-8.
        #expect(TextEncoding.detect(Array("ц".utf8).prefix(1)) == .utf8)
    }

    @Test func namesCharsetLabels() {
        #expect(TextEncoding(label: "UTF-8") == .utf8)
        #expect(TextEncoding(label: "windows-1251") == .windows1251)
        #expect(TextEncoding(label: "CP1251") == .windows1251)
        #expect(TextEncoding(label: "koi8-r") == nil)
    }

    @Test func validatesUTF8() {
        #expect(TextEncoding.isValidUTF8(Array("Мінск".utf8)))
        #expect(!TextEncoding.isValidUTF8(Self.belarusianBytes))
    }
}
