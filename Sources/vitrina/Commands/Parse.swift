import ArgumentParser
import Foundation
import VitrinaIndex
import VitrinaSearch
import VitrinaVoice

/// `vitrina parse`: shows how a spoken query is understood.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse a voice-style query into intent, filters, sort and search text.")

    @Option(name: .long, help: "An index whose brands and words the parser should know (default: common brands).")
    var index: String?

    @Flag(name: .long, help: "Print JSON (shape documented in README).")
    var json = false

    @Argument(help: "The query, as a speech recognizer would give it.")
    var query: [String]

    func run() throws {
        let vocabulary: any Vocabulary =
            try index.map { try IndexVocabulary(reader: try IndexReader(path: $0)) } ?? StaticVocabulary.commonBrands
        let parsed = try QueryParser(vocabulary: vocabulary).parse(query.joined(separator: " "))
        if json {
            try printJSON(parsed)
        } else {
            print(ParsedQueryText(parsed).text)
        }
    }
}

/// The plain-text form of a parsed query.
struct ParsedQueryText {
    let query: VoiceQuery

    init(_ query: VoiceQuery) { self.query = query }

    var text: String {
        var lines = [
            "language: \(query.language.rawValue)", "intent: \(query.intent.rawValue)", "text: \(query.text)",
            "words: " + query.words.map { "\($0.text)/\($0.role.rawValue)" }.joined(separator: " "),
            "sort: \(query.sort.rawValue)",
        ]
        let filters = query.filters
        if let price = filters.price {
            lines.append(
                "price: \(price.min.map(ParsedQueryText.number) ?? "…")–\(price.max.map(ParsedQueryText.number) ?? "…") "
                    + (price.currency ?? ""))
        }
        if !filters.vendor.isEmpty { lines.append("vendor: \(filters.vendor.joined(separator: ", "))") }
        if !filters.color.isEmpty { lines.append("color: \(filters.color.joined(separator: ", "))") }
        if let size = filters.size { lines.append("size: \(size)") }
        if !filters.units.isEmpty { lines.append("units: \(filters.units.joined(separator: ", "))") }
        if let available = filters.available { lines.append("available: \(available)") }
        if let discount = filters.discount { lines.append("discount: \(discount)") }
        return lines.joined(separator: "\n")
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int64(value)) : String(value)
    }
}
