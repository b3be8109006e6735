/// A deterministic generator of realistic synthetic catalogs in Russian and Belarusian.
///
/// For benchmarks and tests: titles with brands, model codes and inflected adjectives, category
/// paths, descriptions of 30–200 words built from inflected sentence templates, prices, stock,
/// dates and ratings. The same seed always gives the same products.
///
/// ```swift
/// var generator = CatalogGenerator(seed: 42)
/// let products = (0..<1_000).map { generator.product(number: $0) }
/// ```
public struct CatalogGenerator: Sendable {
    /// The share of Belarusian products (0…1).
    public var belarusianShare: Double
    private var state: UInt64

    /// Creates a generator.
    ///
    /// - Parameters:
    ///   - seed: The seed; equal seeds give equal catalogs.
    ///   - belarusianShare: The share of products written in Belarusian (default 0.2).
    public init(seed: UInt64, belarusianShare: Double = 0.2) {
        state = seed &+ 0x9E37_79B9_7F4A_7C15
        self.belarusianShare = belarusianShare
    }

    /// SplitMix64.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
    private mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    private mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }

    /// Every category path the generator uses, in ru and be.
    public static var categoryPaths: [[String]] {
        SyntheticVocabulary.kinds.flatMap { [$0.categoryRu, $0.categoryBe] }
    }

    /// The product with number `number` (its id is `syn-<number>`).
    public mutating func product(number: Int) -> Product {
        let belarusian = unit() < belarusianShare
        let kind = pick(SyntheticVocabulary.kinds)
        let words = belarusian ? kind.be : kind.ru
        let brand = pick(kind.brands)
        let colour = pick(belarusian ? SyntheticVocabulary.coloursBe : SyntheticVocabulary.coloursRu)
        let letters = ["A", "S", "X", "Pro", "M", "GT", "RX", "Neo"]
        let model = "\(pick(letters))\(10 + below(90))\(below(3) == 0 ? pick(["", "0", "00"]) : "")"
        let adjective = pick(words.adjectives)
        let size = kind.sizes.isEmpty ? "" : " " + pick(kind.sizes)
        let title = "\(words.noun.capitalizedFirst) \(adjective) \(brand) \(model)\(size) \(colour)"
        let sentences = 4 + below(22)
        var description: [String] = []
        let templates = belarusian ? SyntheticVocabulary.sentencesBe : SyntheticVocabulary.sentencesRu
        for _ in 0..<sentences {
            var sentence = pick(templates)
            sentence = sentence.replacingAll("{noun}", with: pick(words.forms))
            sentence = sentence.replacingAll("{adj}", with: pick(words.adjectives))
            sentence = sentence.replacingAll("{brand}", with: brand)
            sentence = sentence.replacingAll("{n}", with: String(2 + below(60)))
            description.append(sentence)
        }
        let base = kind.price * (0.5 + unit() * 1.5)
        let price = (base / 10).rounded() * 10 - 0.01 * Double(below(2))
        let discounted = below(5) == 0
        return Product(
            id: "syn-\(number)", title: title, vendor: brand, model: model,
            vendorCode: "\(brand.prefix(3).uppercased())-\(100_000 + below(900_000))",
            barcode: String(4_600_000_000_000 + UInt64(below(999_999_999))),
            categoryPath: belarusian ? kind.categoryBe : kind.categoryRu,
            description: description.joined(separator: " "),
            parameters: [
                Product.Parameter(name: belarusian ? "Колер" : "Цвет", value: colour),
                Product.Parameter(
                    name: belarusian ? "Гарантыя" : "Гарантия", value: "\(1 + below(3))",
                    unit: belarusian ? "гады" : "года"),
            ],
            price: belarusian ? (price / 30).rounded() : price, oldPrice: discounted ? (price * 1.2).rounded() : nil,
            currency: belarusian ? "BYN" : "RUB", available: below(4) != 0,
            url: "https://shop.example/\(number)", addedAt: Double(1_600_000_000 + below(120_000_000)),
            rating: Double(30 + below(21)) / 10, reviewCount: below(400), language: belarusian ? .be : .ru)
    }
}

extension String {
    /// The string with its first letter in upper case.
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

    /// Every occurrence of `target` replaced (Foundation-free, on UTF-8 bytes).
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        let source = Array(utf8)
        let pattern = Array(target.utf8)
        guard !pattern.isEmpty, source.count >= pattern.count else { return self }
        var output: [UInt8] = []
        output.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            if index + pattern.count <= source.count, source[index] == pattern[0],
                source[index..<(index + pattern.count)].elementsEqual(pattern)
            {
                output.append(contentsOf: replacement.utf8)
                index += pattern.count
            } else {
                output.append(source[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
