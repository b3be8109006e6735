import VitrinaIndex
import VitrinaVoice

/// An index snapshot seen as a ``Vocabulary``: its brands, and whether a word occurs in it.
public struct IndexVocabulary: Vocabulary {
    /// The brands of the catalog.
    public let vendors: [String]
    private let reader: IndexReader

    /// Reads the brands of `reader`'s snapshot.
    public init(reader: IndexReader) {
        self.reader = reader
        vendors = reader.distinctValues(of: "vendor")
    }

    /// Whether any product matches `word` exactly (no typo tolerance).
    public func knows(_ word: String) -> Bool {
        let request = SearchRequest(text: word, limit: 1, typoTolerance: false, proximityBonus: false)
        return ((try? reader.search(request))?.total ?? 0) > 0
    }
}
