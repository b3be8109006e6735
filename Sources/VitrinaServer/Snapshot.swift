import VitrinaIndex
import VitrinaMentions
import VitrinaSearch

/// One index commit as the server serves it: the reader, voice search and suggestion tables built
/// over it.
///
/// Everything is built before the snapshot is published, so a request never waits for a reload;
/// requests hold the snapshot they started with until they end, and its files stay mapped until
/// the last of them lets go.
final class Snapshot: Sendable {
    /// The index snapshot.
    let reader: IndexReader
    /// Voice search over `reader`, or why it could not be prepared.
    let voice: Result<VoiceSearch, APIError>
    /// Vendor and category completions.
    let suggestions: SuggestionTable

    /// Builds everything over `reader`.
    init(reader: IndexReader) {
        self.reader = reader
        do {
            let mentions = try? MentionSummaries.load(nextTo: reader.path)
            voice = .success(try VoiceSearch(reader: reader, mentions: mentions ?? nil))
        } catch {
            voice = .failure(.unavailable("voice search cannot be prepared over this index: \(error)"))
        }
        suggestions = SuggestionTable(reader: reader)
    }

    /// The commit generation.
    var generation: Int { reader.generation }
}

extension Snapshot {
    /// A keyword field's values and counts over the whole snapshot (with `filters`), the most
    /// frequent first.
    func facetValues(_ field: String, filters: [SearchRequest.Filter]) throws -> [SearchResult.FacetValue] {
        var request = SearchRequest(text: "", filters: filters, limit: 0, facets: [field])
        request.wholeProducts = false
        return try StorefrontServer.engine { try reader.search(request) }.keywordFacets[field] ?? []
    }
}
