import VitrinaIndex
import VitrinaVoice

/// An index snapshot seen as a ``Vocabulary``: its brands, its currencies, and whether a word
/// occurs in it.
public struct IndexVocabulary: Vocabulary {
    /// The brands of the catalog.
    public let vendors: [String]
    /// The catalog's currencies, the most common first.
    public let currencies: [String]
    /// Brands guessed from the titles of products without a vendor: words that lead at least a third of
    /// the titles holding them.
    public let titleBrands: [String]
    private let reader: IndexReader

    /// Reads the brands and currencies of `reader`'s snapshot.
    ///
    /// - Throws: ``IndexError`` when the index cannot be read.
    public init(reader: IndexReader) throws {
        try self.init(reader: reader, profile: CatalogProfile(reader: reader))
    }

    init(reader: IndexReader, profile: CatalogProfile) {
        self.reader = reader
        vendors = profile.vendors
        currencies = profile.currencies.map(\.code)
        titleBrands = profile.titleBrands.filter { brand in
            Self.isBrand(brand.name, leading: brand.count, reader: reader)
        }.map(\.name).sorted()
    }

    /// Whether a word that leads some titles is a brand: it leads at least a third of the titles that
    /// hold it.
    ///
    /// «HOTA» starts the titles it is in; «RTX» starts a few («Видеокарта RTX 3050 …») but
    /// follows the brand in most («Видеокарта Gigabyte RTX 4080»): a feature word, like Smart or LED.
    private static func isBrand(_ name: String, leading: Int, reader: IndexReader) -> Bool {
        let holding = (try? reader.documentFrequency(ofWord: name, soundKey: false)) ?? 0
        return leading * 3 >= holding
    }

    /// Whether any text field's dictionary holds `word`.
    ///
    /// The word is looked up as the query would look it up (stems and normalized form; no typo
    /// tolerance): a dictionary lookup, not a search.
    public func knows(_ word: String) -> Bool {
        ((try? reader.documentFrequency(ofWord: word, soundKey: false)) ?? 0) > 0
    }
}
