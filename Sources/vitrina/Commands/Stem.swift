import ArgumentParser
import VitrinaText

/// `vitrina stem`: one word per line on stdin, one stem per line on stdout, same order.
struct Stem: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Stem words read one per line from standard input.",
        discussion: """
            Writes exactly one line per input line, in order; a blank line gives a blank line.
            Each word is normalized as the analysis chain does (NFKC, case folding, apostrophes, \
            homoglyphs) before stemming.
            """
    )

    @Option(name: .long, help: "Language of the words: ru or be.")
    var lang: StemLanguage

    func run() throws {
        let stemmer: any Stemmer = lang == .ru ? RussianStemmer() : BelarusianStemmer()
        let normalizer = TextNormalizer(language: lang == .ru ? .ru : .be)
        let input = Array(try readStandardInput().utf8)
        var output = OutputBuffer()
        var lines = input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // A final newline ends the last line; it does not start an empty one.
        if lines.last?.isEmpty == true { lines.removeLast() }
        for line in lines {
            let word = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            if !word.isEmpty {
                output.write(stemmer.stem(normalizer.normalize(String(decoding: word, as: UTF8.self))))
            }
            output.write("\n")
        }
        output.flush()
    }
}

/// The languages `vitrina stem` accepts.
enum StemLanguage: String, ExpressibleByArgument, CaseIterable {
    case ru, be
}
