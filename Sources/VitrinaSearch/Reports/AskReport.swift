import VitrinaIndex
import VitrinaVoice

/// The JSON shape of a spoken query's answer (version 1; documented in README): what
/// `vitrina ask --json` prints and, with `took_us`, what the server's `/ask` answers.
package struct AskReport: Codable, Sendable {
    package var version = 1
    package var parsed: VoiceQuery
    package var categories: [String]
    package var relaxed: [String]
    package var total: Int
    package var hits: [SearchReport.Hit]
    package var answer: String
    package var explanation: [Ranker.Contribution]?
    /// Microseconds the answer took (the server's; absent from the CLI's).
    package var tookUs: Int?

    enum CodingKeys: String, CodingKey {
        case version, parsed, categories, relaxed, total, hits, answer, explanation, tookUs = "took_us"
    }

    /// The report of `result`.
    package init(_ result: VoiceSearch.Result, tookMicroseconds: Int? = nil) {
        parsed = result.parsed
        categories = result.categories
        relaxed = result.relaxed.map(\.description)
        total = result.total
        hits = SearchReport.hits(result.hits)
        answer = result.answer
        explanation = result.explanation
        tookUs = tookMicroseconds
    }
}
