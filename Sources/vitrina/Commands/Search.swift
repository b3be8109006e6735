import ArgumentParser
import Foundation
import VitrinaIndex
import VitrinaSearch

/// `vitrina search`: runs a query against an index.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search an index.",
        discussion: """
            Filters: FIELD=VALUE (keyword fields, case-insensitive), FIELD<N, FIELD<=N, FIELD>N, \
            FIELD>=N, FIELD=N..M (numeric fields). Sort: FIELD or FIELD:asc (ascending), FIELD:desc (descending). \
            Field names are those of the schema (README).
            """
    )

    @Option(name: .long, help: "The index directory.")
    var index: String

    @Option(name: .long, help: "Hits per page.")
    var limit = 10

    @Option(name: .long, help: "Hits to skip.")
    var offset = 0

    @Flag(name: .long, help: "Match any word instead of all words.")
    var any = false

    @Option(
        name: .long,
        help: """
            A filter (repeatable): FIELD=VALUE, FIELD<N, FIELD<=N, FIELD>N, FIELD>=N, FIELD=N..M; \
            available=1 (true, да), category="Электроника > Телевизоры", vendor="LG Electronics".
            """)
    var filter: [String] = []

    @Option(name: .long, help: "Sort by a numeric field: FIELD, FIELD:asc or FIELD:desc (also --sort=-FIELD).")
    var sort: String?

    @Option(name: .long, help: "Count values of a field over all matches (repeatable).")
    var facet: [String] = []

    @Flag(name: .long, help: "Count the default facets: vendor, category, price.")
    var facets = false

    @Flag(name: .long, help: "Mark matched words in titles and description snippets.")
    var highlight = false

    @Option(name: .long, help: "Explain how the score of the product with this id is made.")
    var explain: String?

    @Flag(name: .long, help: "Print JSON (shape documented in README).")
    var json = false

    @Argument(help: "The query (empty: every document).")
    var query: String = ""

    /// The largest `--limit`: a page, not a dump.
    static let maximumLimit = 10_000
    /// The largest `--offset` (offset + limit must never overflow).
    static let maximumOffset = 1_000_000_000

    func validate() throws {
        guard (0...Self.maximumLimit).contains(limit) else {
            throw ValidationError("--limit must be between 0 and \(Self.maximumLimit), not \(limit)")
        }
        guard (0...Self.maximumOffset).contains(offset) else {
            throw ValidationError("--offset must be between 0 and \(Self.maximumOffset), not \(offset)")
        }
    }

    func run() throws {
        // Usage mistakes first, before the index is opened.
        let filters = try filter.map { text in
            do {
                return try FilterSyntax.parse(text)
            } catch let error as FilterSyntax.Malformed {
                throw ValidationError(error.description)
            }
        }
        let reader = try IndexReader(path: index)
        var request = SearchRequest(text: query, mode: any ? .any : .all, limit: limit, offset: offset)
        request.wholeProducts = false  // the output shows only summary fields
        request.filters = filters
        request.synonyms = try Synonyms.load(nextTo: index)
        if let sort { request.sort = Self.parseSort(sort) }
        request.facets = facet + (facets ? ["vendor", "category", "price"] : [])
        if highlight { request.highlight = json ? ("<em>", "</em>") : ("[", "]") }
        if let explain {
            guard let explanation = try reader.explain(request, id: explain) else {
                throw ValidationError("\(explain) is not in the index or does not match \"\(query)\"")
            }
            if json { try printJSON(explanation) } else { print(explanation.text()) }
            return
        }
        let start = ContinuousClock.now
        let result = try reader.search(request)
        let elapsed = start.duration(to: .now)
        let micros =
            Int(elapsed.components.seconds) * 1_000_000 + Int(elapsed.components.attoseconds / 1_000_000_000_000)
        let report = SearchReport(result: result, tookMicroseconds: micros)
        if json {
            try printJSON(report)
        } else {
            print(report.text())
        }
    }

    /// Parses `FIELD`, `FIELD:asc`, `FIELD:desc` or `-FIELD`.
    static func parseSort(_ text: String) -> SearchRequest.Sort {
        if text.hasPrefix("-") { return .descending(String(text.dropFirst())) }
        if text.hasSuffix(":desc") { return .descending(String(text.dropLast(5))) }
        if text.hasSuffix(":asc") { return .ascending(String(text.dropLast(4))) }
        return .ascending(text)
    }
}
