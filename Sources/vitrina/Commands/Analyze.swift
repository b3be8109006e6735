import ArgumentParser
import Foundation
import VitrinaText

/// `vitrina analyze`: shows what the analysis chain makes of a text.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the tokens and index terms of a text.",
        discussion: """
            Reads TEXT, or standard input when TEXT is absent. Each token is printed with its \
            position, UTF-8 byte offsets, kind, normalized form and index term. Invalid UTF-8 is \
            replaced by U+FFFD with a warning naming the first bad byte offset.
            """
    )

    @Option(name: .long, help: "Analysis chain: ru, be, auto (detect), neutral or keyword.")
    var lang: AnalyzeLanguage = .auto

    @Flag(name: .long, help: "Remove stop words, as for description fields.")
    var stopWords = false

    @Flag(name: .long, help: "Print JSON (shape documented in README).")
    var json = false

    @Argument(help: "The text to analyze (default: standard input).")
    var text: String?

    func run() throws {
        let input = try text ?? readStandardInput()
        let detected = LanguageDetector().detect(input)
        let preset: AnalyzerPreset
        switch lang {
        case .auto: preset = AnalyzerPreset(language: detected)
        case .ru: preset = .ru
        case .be: preset = .be
        case .neutral: preset = .neutral
        case .keyword: preset = .keyword
        }
        let tokens = try AnyAnalyzer(preset: preset, removesStopWords: stopWords).analyze(input)
        let report = try AnalysisReport(input: input, detected: detected, preset: preset, tokens: tokens)
        if json {
            try printJSON(report)
        } else {
            print(report.table())
        }
    }
}

/// Values of `vitrina analyze --lang`.
enum AnalyzeLanguage: String, ExpressibleByArgument, CaseIterable {
    case auto, ru, be, neutral, keyword
}

/// Reads all of standard input as UTF-8, replacing invalid bytes with a warning on stderr.
func readStandardInput() throws -> String {
    let data = FileHandle.standardInput.readDataToEndOfFile()
    let bytes = [UInt8](data)
    if let offset = firstInvalidUTF8Offset(bytes) {
        FileHandle.standardError.write(
            Data(
                "warning: standard input is not valid UTF-8 at byte offset \(offset); invalid bytes replaced with U+FFFD\n"
                    .utf8))
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// The byte offset of the first invalid UTF-8 sequence, or `nil` when `bytes` are valid.
func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): offset += UTF8.width(scalar)
        case .emptyInput: return nil
        case .error: return offset
        }
    }
}

/// Prints a Codable value as pretty, key-sorted JSON.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    print(String(decoding: data, as: UTF8.self))
}
