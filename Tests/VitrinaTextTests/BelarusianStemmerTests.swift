import Testing

@testable import VitrinaText

@Suite("Belarusian stemmer")
struct BelarusianStemmerTests {
    let stemmer = BelarusianStemmer()

    /// All forms share one stem.
    private func expectConflated(_ forms: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let stems = Set(forms.map(stemmer.stem))
        #expect(stems.count == 1, "stems: \(stems.sorted())", sourceLocation: sourceLocation)
    }

    @Test func nounParadigmConflates() {
        expectConflated([
            "тэлевізар", "тэлевізара", "тэлевізару", "тэлевізарам", "тэлевізары", "тэлевізараў",
            "тэлевізарамі", "тэлевізарах",
        ])
        expectConflated(["навушнікі", "навушнікаў", "навушнікамі", "навушніках"])
        expectConflated(["крама", "крамы", "краму", "крамай", "крамах"])
    }

    @Test func adjectiveParadigmConflates() {
        expectConflated([
            "бесправодны", "бесправодная", "бесправоднае", "бесправоднага", "бесправоднаму",
            "бесправодным", "бесправодных", "бесправодныя", "бесправоднымі",
        ])
    }

    @Test func verbFormsConflate() {
        expectConflated(["купіць", "купіў", "купіла", "купілі"])
        expectConflated(["чытаем", "чытаеш", "чытаеце"])
    }

    @Test func reflexiveFormsConflateWithEachOtherButNotWithTheBaseVerb() {
        expectConflated(["збіраецца", "збіраюцца", "збіраўся"])
        expectConflated(["збіраліся", "збіралася"])
        #expect(stemmer.stem("збіраецца") != stemmer.stem("збірае"))
    }

    @Test func alternationsAtTheStemEnd() {
        expectConflated(["горад", "горада", "горадзе"])
        expectConflated(["дарогі", "дарозе", "дарогу"])
    }

    @Test func spellingVariantsConflate() {
        expectConflated(["сям'і", "сям’і", "сямʼі"])  // apostrophes
        expectConflated(["ўвесь", "увесь"])  // word-initial ў
        expectConflated(["рэспублiкi", "рэспублікі"])  // Latin i typed for і
        expectConflated(["сьвет", "свет"])  // taraškievica soft sign
        expectConflated(["абсталяваньне", "абсталяванне"])
    }

    @Test func differentWordsKeepDifferentStems() {
        #expect(stemmer.stem("пыласос") != stemmer.stem("пылок"))
        #expect(stemmer.stem("тэлефон") != stemmer.stem("тэлевізар"))
        #expect(stemmer.stem("ёсць") != stemmer.stem("есць"))
    }

    @Test func shortAndNonWordsAreLeftAlone() {
        #expect(stemmer.stem("") == "")
        #expect(stemmer.stem("і") == "і")
        #expect(stemmer.stem("да") == "да")
        #expect(stemmer.stem("для") == "для")
        #expect(stemmer.stem("4070") == "4070")
        #expect(stemmer.stem("samsung") == "samsung")
        #expect(stemmer.stem("мгла").count >= 3)
    }

    @Test func megabyteWordDoesNotCrash() {
        let word = String(repeating: "ы", count: 500_000) + "цца"
        let stem = stemmer.stem(word)
        #expect(stem.hasSuffix("ся"))
        #expect(stem.utf8.count <= word.utf8.count)
    }
}
