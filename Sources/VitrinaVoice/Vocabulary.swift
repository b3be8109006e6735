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
}

extension Vocabulary {
    /// No currencies known.
    public var currencies: [String] { [] }
}

/// A fixed vocabulary.
public struct StaticVocabulary: Vocabulary {
    /// The brands.
    public let vendors: [String]
    /// The currencies.
    public let currencies: [String]
    private let words: Set<String>

    /// Creates a vocabulary of `vendors`, known `words` and `currencies` (most common first).
    public init(vendors: [String], words: Set<String> = [], currencies: [String] = []) {
        self.vendors = vendors
        self.words = words
        self.currencies = currencies
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
