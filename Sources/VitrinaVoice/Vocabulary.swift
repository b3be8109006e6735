/// What the query parser may know about the catalog, without knowing the index.
///
/// The search layer makes an index snapshot conform; tests use a fixed list.
public protocol Vocabulary: Sendable {
    /// The catalog's brands as written (`Samsung`, `ATLANT`, `De'Longhi`).
    var vendors: [String] { get }
    /// Whether a normalized word (lowercase, no stress marks) occurs in the catalog's texts; used to
    /// tell a word typed in the wrong keyboard layout from a real Latin word.
    func knows(_ word: String) -> Bool
    /// The catalog's currencies (ISO 4217), the most common first; empty when unknown.
    var currencies: [String] { get }
    /// Brands guessed from titles of products without a vendor (the first Latin word of a Cyrillic
    /// title). Weaker than ``vendors``: a spoken word the catalog has as typed is never taken for one.
    var titleBrands: [String] { get }
}

extension Vocabulary {
    /// No currencies known.
    public var currencies: [String] { [] }
    /// No brands guessed from titles.
    public var titleBrands: [String] { [] }
}

/// A fixed vocabulary.
public struct StaticVocabulary: Vocabulary {
    /// The brands.
    public let vendors: [String]
    /// The currencies.
    public let currencies: [String]
    /// The brands guessed from titles.
    public let titleBrands: [String]
    private let words: Set<String>

    /// Creates a vocabulary of `vendors`, known `words`, `currencies` (most common first) and brands
    /// guessed from titles.
    public init(vendors: [String], words: Set<String> = [], currencies: [String] = [], titleBrands: [String] = []) {
        self.vendors = vendors
        self.words = words
        self.currencies = currencies
        self.titleBrands = titleBrands
    }

    /// Whether `word` is one of the known words.
    public func knows(_ word: String) -> Bool { words.contains(word) }
}

extension StaticVocabulary {
    /// Brands common in Russian and Belarusian electronics and appliance shops, for parsing
    /// without a catalog (`vitrina parse` without `--index`).
    public static let commonBrands = StaticVocabulary(vendors: [
        "Samsung", "Apple", "Xiaomi", "HUAWEI", "HONOR", "realme", "LG", "Sony", "Philips", "Bosch", "Dyson", "ATLANT",
        "Haier", "Horizont", "Redmond", "Tefal", "De'Longhi", "Saeco", "Krups", "Braun", "Midea", "BBK", "ASUS",
        "Lenovo", "HP", "JBL", "Sennheiser", "Roborock", "Dreame", "iRobot", "Polaris", "Kitfort",
    ])
}
