import Foundation
import VitrinaText

/// Turns products into ``IndexedDocument``s with the schema's fields and the analysis chains of
/// each product's language (detected from its title and description when not given).
struct DocumentBuilder {
    let schema: Schema
    private let analyzers: [AnalyzerPreset: AnyAnalyzer]
    private let stopWordAnalyzers: [AnalyzerPreset: AnyAnalyzer]
    private let keywordNormalizer = TextNormalizer(language: .other)

    init(schema: Schema) {
        self.schema = schema
        var analyzers: [AnalyzerPreset: AnyAnalyzer] = [:]
        var stopWordAnalyzers: [AnalyzerPreset: AnyAnalyzer] = [:]
        for preset in [AnalyzerPreset.ru, .be, .neutral] {
            analyzers[preset] = AnyAnalyzer(preset: preset)
            stopWordAnalyzers[preset] = AnyAnalyzer(preset: preset, removesStopWords: true)
        }
        self.analyzers = analyzers
        self.stopWordAnalyzers = stopWordAnalyzers
    }

    /// The language a product is analyzed in.
    static func language(of product: Product) -> Language {
        if let language = product.language { return language }
        // The title and the start of the description are evidence enough.
        let sample = [product.title, product.description.map { String($0.prefix(400)) }].compactMap { $0 }
        return LanguageDetector().detect(sample.joined(separator: " "))
    }

    /// Builds the document of `product`.
    func build(_ product: Product) throws -> IndexedDocument {
        let language = Self.language(of: product)
        var document = IndexedDocument(id: product.id, stored: StoredProductCodec.encode(product))
        for (number, field) in schema.fields.enumerated() {
            switch field.kind {
            case .text(_, let stopWords, let neutral):
                let values = Self.texts(of: field.name, in: product)
                guard !values.isEmpty else { continue }
                let preset = neutral ? .neutral : AnalyzerPreset(language: language)
                guard let analyzer = (stopWords ? stopWordAnalyzers : analyzers)[preset] else { continue }
                var terms: [(term: String, position: Int)] = []
                var base = 0
                for value in values {
                    let tokens = try analyzer.analyze(value)
                    var last = -1
                    for token in tokens {
                        terms.append((token.term, base + token.position))
                        last = max(last, token.position + token.positionLength - 1)
                    }
                    // A gap between values, so a phrase cannot span two of them.
                    base += last + 1 + 100
                }
                document.terms[number] = terms
                document.lengths[number] = terms.count
            case .keyword:
                let values = Self.keywords(of: field.name, in: product, language: language)
                if !values.isEmpty { document.keywords[number] = values }
            case .numeric:
                if let value = Self.number(of: field.name, in: product) { document.numbers[number] = value }
            }
        }
        return document
    }

    /// The normalized form used to compare keyword values.
    func normalizeKeyword(_ value: String) -> String { keywordNormalizer.normalize(value) }

    /// Text values of the default schema's text fields.
    static func texts(of field: String, in product: Product) -> [String] {
        switch field {
        case "title": return [product.title].compactMap { $0 }
        case "brand": return [product.vendor, product.model].compactMap { $0 }
        case "category_text": return product.categoryPath
        case "params_text": return product.parameters.map(\.value)
        case "description": return [product.description].compactMap { $0 }
        case "codes": return [product.vendorCode, product.barcode].compactMap { $0 }
        case "reviews": return product.reviews
        case "sounds": return soundKeys(of: product)
        default: return []
        }
    }

    /// The ``SoundKey`` keys that let a name said in the other script match: of every Latin word of
    /// the title, vendor and model, and of every word of the vendor.
    static func soundKeys(of product: Product) -> [String] {
        var keys: [String] = []
        for (text, latinOnly) in [(product.title, true), (product.model, true), (product.vendor, false)] {
            guard let text else { continue }
            for word in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "’" }) {
                guard !latinOnly || word.unicodeScalars.allSatisfy(\.isASCII), let key = SoundKey.key(word),
                    !keys.contains(key)
                else { continue }
                keys.append(key)
            }
        }
        return keys.isEmpty ? [] : [keys.joined(separator: " ")]
    }

    /// Keyword values of the default schema's keyword fields (as written, trimmed).
    static func keywords(of field: String, in product: Product, language: Language) -> [String] {
        switch field {
        case "vendor": return [product.vendor].compactMap(trimmed)
        case "category":
            // Every level of the path, so a filter on a parent category matches its children.
            var values: [String] = []
            for depth in product.categoryPath.indices {
                values.append(product.categoryPath[...depth].joined(separator: " > "))
            }
            return values
        case "sku": return [product.vendorCode].compactMap(trimmed)
        case "barcode": return [product.barcode].compactMap(trimmed)
        case "param": return product.parameters.map { "\($0.name)=\($0.value)" }
        case "currency": return [product.currency].compactMap(trimmed)
        case "language": return [language.rawValue]
        case "url": return [product.url].compactMap(trimmed)
        default: return []
        }
    }

    /// Numeric values of the default schema's numeric fields.
    static func number(of field: String, in product: Product) -> Double? {
        switch field {
        case "price": return product.price
        case "old_price": return product.oldPrice
        case "discount":
            guard let price = product.price, let old = product.oldPrice, old > price, old > 0 else { return nil }
            return ((old - price) / old * 100).rounded()
        case "available": return product.available.map { $0 ? 1 : 0 }
        case "added_at": return product.addedAt
        case "updated_at": return product.updatedAt
        case "rating": return product.rating
        case "review_count": return product.reviewCount.map(Double.init)
        default: return nil
        }
    }

    private static func trimmed(_ value: String?) -> String? {
        guard let value else { return nil }
        let result = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return result.isEmpty ? nil : result
    }
}
