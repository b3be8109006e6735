import Foundation
import Testing

@testable import VitrinaText

/// `../shared/data/snowball-russian`, beside the repository root.
private let snowballFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/data/snowball-russian")

private let vocabularyPresent = FileManager.default.fileExists(
    atPath: snowballFolder.appendingPathComponent("voc.txt").path)

@Suite("Russian stemmer (Snowball)")
struct RussianStemmerTests {
    let stemmer = RussianStemmer()

    @Test("Every word of Snowball's test vocabulary", .enabled(if: vocabularyPresent, "../shared/data is absent"))
    func fullVocabulary() throws {
        let words = try String(contentsOf: snowballFolder.appendingPathComponent("voc.txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        let stems = try String(contentsOf: snowballFolder.appendingPathComponent("output.txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(words.count == 49_785)
        try #require(words.count == stems.count)
        var mismatches: [String] = []
        for (word, expected) in zip(words, stems) {
            let stem = stemmer.stem(word)
            if stem != expected { mismatches.append("\(word) → \(stem), Snowball: \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(10))")
    }

    @Test(arguments: [
        ("бывшими", "бывш"),
        ("красивейшего", "красив"),
        ("противоестественном", "противоестествен"),
        ("спасибо", "спасиб"),
        ("вышедший", "вышедш"),
        ("актёр", "актер"),
        ("телевизоров", "телевизор"),
        ("пылесосами", "пылесос"),
        ("прочитавшись", "прочита"),
        ("кошка", "кошк"),
    ])
    func workedExamples(_ word: String, _ stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test func formsOfOneWordShareAStem() {
        let forms = [
            "смартфон", "смартфона", "смартфону", "смартфоном", "смартфоне", "смартфоны", "смартфонов",
            "смартфонам", "смартфонами", "смартфонах",
        ]
        #expect(Set(forms.map(stemmer.stem)).count == 1)
    }

    @Test func wordsItDoesNotApplyToComeBackUnchanged() {
        #expect(stemmer.stem("") == "")
        #expect(stemmer.stem("samsung") == "samsung")
        #expect(stemmer.stem("4070") == "4070")
        #expect(stemmer.stem("вск") == "вск")  // no vowel: RV is empty
        #expect(stemmer.stem("ёж") == "еж")  // ё is folded even when nothing else applies
    }

    @Test func mixedScriptOnlyTouchesCyrillicSuffixes() {
        // Latin letters are non-vowels: RV starts after the first Cyrillic vowel (`а`), so only
        // the noun ending `и` inside RV goes, as in Snowball.
        #expect(stemmer.stem("wi-fiами") == "wi-fiам")
        #expect(stemmer.stem("galaxyами") == "galaxyам")
    }

    @Test func megabyteWordDoesNotCrash() {
        let word = String(repeating: "а", count: 500_000) + "ами"
        let stem = stemmer.stem(word)
        #expect(stem.utf8.count <= word.utf8.count)
        #expect(stem.hasPrefix("ааа"))
    }
}
