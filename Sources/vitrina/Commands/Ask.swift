import ArgumentParser
import Foundation
import VitrinaIndex
import VitrinaMentions
import VitrinaSearch
import VitrinaVoice

/// `vitrina ask`: answers a voice-style query from an index, with a sentence to read aloud.
struct Ask: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer a voice-style query: parse it, search with its filters and order, relax, and say the answer.")

    @Option(name: .long, help: "The index directory.")
    var index: String

    @Option(name: .long, help: "Hits to return.")
    var limit = 5

    @Option(name: .long, help: "A product id: show how each ranking feature contributed to its score.")
    var explain: String?

    @Flag(name: .long, help: "Print JSON (shape documented in README).")
    var json = false

    @Argument(help: "The query, as a speech recognizer would give it.")
    var query: [String]

    func validate() throws {
        guard (0...Search.maximumLimit).contains(limit) else {
            throw ValidationError("--limit must be between 0 and \(Search.maximumLimit), not \(limit)")
        }
    }

    func run() throws {
        let search = try VoiceSearch(
            reader: try IndexReader(path: index), mentions: try MentionSummaries.load(nextTo: index),
            synonyms: try Synonyms.load(nextTo: index))
        let result = try search.ask(query.joined(separator: " "), limit: limit, explain: explain)
        if json {
            try printJSON(AskReport(result))
        } else {
            print(ParsedQueryText(result.parsed).text)
            if !result.categories.isEmpty { print("category: \(result.categories.joined(separator: " | "))") }
            if !result.relaxed.isEmpty {
                print("relaxed: \(result.relaxed.map(\.description).joined(separator: ", "))")
            }
            print("\(result.total) found")
            for (rank, hit) in result.hits.enumerated() {
                let price =
                    hit.product.price.map { " — \(ParsedQueryText.number($0)) \(hit.product.currency ?? "")" } ?? ""
                print("\(rank + 1). [\(hit.id)] \(hit.product.title ?? "")\(price)")
            }
            print("answer: \(result.answer)")
            if let explain {
                guard let explanation = result.explanation else {
                    print("explain: \(explain) was not among the candidates")
                    return
                }
                print("explain \(explain):")
                for part in explanation where part.value != 0 {
                    print(
                        "  \(part.feature.rawValue): \(String(format: "%.3f", part.value)) × "
                            + "\(String(format: "%.2f", part.weight)) = \(String(format: "%.3f", part.contribution))")
                }
            }
        }
    }
}
