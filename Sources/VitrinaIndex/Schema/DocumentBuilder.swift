import Foundation
import VitrinaText

/// Analyzes products into a ``SegmentBuilder``: every field of a product in one pass, with the
/// analysis chains of the product's language (detected from its title and description when not
/// given).
///
/// Terms go straight from the tokenizer to the segment as interned numbers (``TermAnalysis``):
/// no String per token and no intermediate document. One builder belongs to one thread; the
/// segments it fills share its vocabulary, which it forgets between segments when it has grown
/// large (``startSegment()``).
final class DocumentBuilder {
    /// Where a field's values come from in a ``Product``.
    private enum Source {
        case title, brand, categoryText, paramsText, description, codes, reviews, sounds
        case vendor, titleBrand, category, sku, barcode, param, currency, language, url
        case price, oldPrice, discount, available, addedAt, updatedAt, rating, reviewCount
        case none
    }

    /// How one field is filled.
    private struct Plan {
        var field: Int
        var source: Source
        var kind: FieldKind
    }

    let schema: Schema
    /// The vocabulary and analysis cache shared by the segments this builder fills.
    let analysis: TermAnalysis
    private let plans: [Plan]
    private let keywordNormalizer = TextNormalizer(language: .other)
    /// Vocabulary size past which ``startSegment()`` forgets it.
    private let vocabularyLimit: Int

    /// The analysis chain numbers in ``analysis`` (ru, be, neutral; each without and with stop words).
    private static let presets: [AnalyzerPreset] = [.ru, .be, .neutral]

    /// Creates a builder for `schema`; its vocabulary is forgotten between segments once it takes
    /// more than `vocabularyLimit` bytes.
    init(schema: Schema, vocabularyLimit: Int = 256 << 20) {
        self.schema = schema
        self.vocabularyLimit = vocabularyLimit
        var chains: [AnyAnalyzer] = []
        for preset in Self.presets {
            chains.append(AnyAnalyzer(preset: preset))
            chains.append(AnyAnalyzer(preset: preset, removesStopWords: true))
        }
        analysis = TermAnalysis(chains: chains)
        plans = schema.fields.enumerated().map { Plan(field: $0, source: Self.source(of: $1.name), kind: $1.kind) }
    }

    /// A new, empty segment sharing this builder's vocabulary (which is forgotten first when it
    /// has grown past the limit: call this only when no other segment of this builder is alive).
    func startSegment() -> SegmentBuilder {
        if analysis.memoryBytes > vocabularyLimit { analysis.removeAll() }
        return SegmentBuilder(schema: schema, analysis: analysis)
    }

    /// The language a product is analyzed in.
    static func language(of product: Product) -> Language {
        if let language = product.language { return language }
        // The title and the start of the description are evidence enough.
        let sample = [product.title, product.description.map { prefix(of: $0, characters: 400) }].compactMap { $0 }
        return LanguageDetector().detect(sample.joined(separator: " "))
    }

    /// The first `count` Characters of `text`, found over bytes when none of the scalars up to
    /// there can join a neighbour into one Character (counting Characters costs more than the
    /// language detection it feeds); `String.prefix` otherwise.
    static func prefix(of text: String, characters count: Int) -> String {
        var text = text
        let end: Int? = text.withUTF8 { bytes in
            var index = 0
            var scalars = 0
            while index < bytes.count {
                let byte = bytes[index]
                var length = 1
                if byte >= 0x80 {
                    guard let (scalar, scalarLength) = decodeScalar(bytes, at: index), isSimple(scalar) else {
                        return nil
                    }
                    length = scalarLength
                } else if byte == 0x0D {
                    return nil  // CR LF is one Character
                }
                // The scalar after the last one kept is checked too: a combining mark would join it.
                if scalars == count { return index }
                scalars += 1
                index += length
            }
            return bytes.count
        }
        guard let end else { return String(text.prefix(count)) }
        return String(text.utf8.prefix(end)) ?? String(text.prefix(count))
    }

    /// Adds `product` to `segment` (which must share this builder's vocabulary); returns its
    /// document number there.
    ///
    /// - Throws: ``VitrinaText/ICUError`` if ICU cannot open a word break iterator.
    @discardableResult
    func add(_ product: Product, to segment: SegmentBuilder) throws -> Int {
        let language = Self.language(of: product)
        let document = segment.addDocument(
            id: product.id, stored: StoredProductCodec.encode(product, indexedLanguage: language))
        for plan in plans {
            switch plan.kind {
            case .text(_, let stopWords, let neutral):
                let preset = neutral ? AnalyzerPreset.neutral : AnalyzerPreset(language: language)
                let chain = (Self.presets.firstIndex(of: preset) ?? 2) * 2 + (stopWords ? 1 : 0)
                try addText(of: plan.source, in: product, chain: chain, field: plan.field, to: segment)
            case .keyword:
                let values = Self.keywords(of: plan.source, in: product, language: language)
                if !values.isEmpty { segment.setKeywords(values, field: plan.field) }
            case .numeric:
                if let value = Self.number(of: plan.source, in: product) { segment.setNumber(value, field: plan.field) }
            }
        }
        return document
    }

    /// Analyzes the values of one text field into `segment`.
    private func addText(
        of source: Source, in product: Product, chain: Int, field: Int, to segment: SegmentBuilder
    ) throws {
        var length = 0
        var base = 0
        var any = false
        func add(_ value: String) throws {
            any = true
            try analysis.analyze(value, chain: chain)
            let occurrences = analysis.occurrences
            let last = segment.add(occurrences, base: base, field: field)
            length += occurrences.count
            // A gap between values, so a phrase cannot span two of them.
            base += last + 1 + 100
        }
        switch source {
        case .title: if let title = product.title { try add(title) }
        case .brand:
            if let vendor = product.vendor { try add(vendor) }
            if let model = product.model { try add(model) }
        case .categoryText: for part in product.categoryPath { try add(part) }
        case .paramsText: for parameter in product.parameters { try add(parameter.value) }
        case .description: if let description = product.description { try add(description) }
        case .codes:
            if let code = product.vendorCode { try add(code) }
            if let barcode = product.barcode { try add(barcode) }
        case .reviews: for review in product.reviews { try add(review) }
        case .sounds:
            // Sound keys are terms already (marked, so they never meet a word of another field).
            for (position, key) in Self.soundKeys(of: product).enumerated() {
                let term = Array(SoundKey.term(key).utf8)
                segment.add(
                    term: term.withUnsafeBufferPointer { analysis.intern($0) }, position: position, field: field)
                length += 1
                any = true
            }
        default: break
        }
        if any { segment.finishTextField(field, length: length) }
    }

    /// The normalized form used to compare keyword values.
    func normalizeKeyword(_ value: String) -> String { keywordNormalizer.normalize(value) }

    private static func source(of field: String) -> Source {
        switch field {
        case "title": return .title
        case "brand": return .brand
        case "category_text": return .categoryText
        case "params_text": return .paramsText
        case "description": return .description
        case "codes": return .codes
        case "reviews": return .reviews
        case "sounds": return .sounds
        case "vendor": return .vendor
        case "title_brand": return .titleBrand
        case "category": return .category
        case "sku": return .sku
        case "barcode": return .barcode
        case "param": return .param
        case "currency": return .currency
        case "language": return .language
        case "url": return .url
        case "price": return .price
        case "old_price": return .oldPrice
        case "discount": return .discount
        case "available": return .available
        case "added_at": return .addedAt
        case "updated_at": return .updatedAt
        case "rating": return .rating
        case "review_count": return .reviewCount
        default: return .none
        }
    }

    /// Text values of the default schema's text fields.
    static func texts(of field: String, in product: Product) -> [String] {
        switch source(of: field) {
        case .title: return [product.title].compactMap { $0 }
        case .brand: return [product.vendor, product.model].compactMap { $0 }
        case .categoryText: return product.categoryPath
        case .paramsText: return product.parameters.map(\.value)
        case .description: return [product.description].compactMap { $0 }
        case .codes: return [product.vendorCode, product.barcode].compactMap { $0 }
        case .reviews: return product.reviews
        default: return []
        }
    }

    /// The brand a title names when the product has no vendor.
    ///
    /// The first word of Latin letters only (inner hyphens and apostrophes allowed, two letters or
    /// more) in a title that also has Cyrillic words («Покрышка 270х47-203 A-1201 HOTA» → HOTA,
    /// «BENOVY Перчатки нитриловые» → BENOVY). Words with digits are model codes, not brands.
    static func titleBrand(of product: Product) -> String? {
        guard let title = product.title, title.unicodeScalars.contains(where: { (0x400...0x4FF).contains($0.value) })
        else { return nil }
        for word in title.split(whereSeparator: { !$0.isLetter && !$0.isNumber && !"-'’".contains($0) }) {
            let word = word.trimmingCharacters(in: CharacterSet(charactersIn: "-'’"))
            guard word.count >= 2, word.unicodeScalars.allSatisfy({ $0.isASCII && !("0"..."9").contains($0) }),
                word.contains(where: \.isLetter)
            else { continue }
            return word
        }
        return nil
    }

    /// The ``SoundKey`` keys that let a name said in the other script match: of every Latin word of
    /// the title and model, and of every word of the vendor; each once.
    ///
    /// The same keys as ``referenceSoundKeys(of:)``, found over scalars instead of Characters
    /// when every character of the texts is its own Character (Latin, Cyrillic, punctuation:
    /// nothing that combines); other texts go to the reference.
    static func soundKeys(of product: Product) -> [String] {
        let texts = [(product.title, true), (product.model, true), (product.vendor, false)]
        var keys: [String] = []
        for (text, latinOnly) in texts {
            guard var text else { continue }
            let simple = text.withUTF8 { appendSoundKeys(of: $0, latinOnly: latinOnly, to: &keys) }
            if !simple { return referenceSoundKeys(of: product) }
        }
        return keys
    }

    /// Appends the keys of the words of `bytes` (only all-ASCII words when `latinOnly`); false
    /// when the text has a character that may combine with its neighbours into one Character.
    private static func appendSoundKeys(
        of bytes: UnsafeBufferPointer<UInt8>, latinOnly: Bool, to keys: inout [String]
    ) -> Bool {
        var index = 0
        var wordStart = -1
        var wordIsASCII = true
        while index <= bytes.count {
            var isWordCharacter = false
            var isASCII = true
            var length = 1
            if index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    isWordCharacter =
                        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
                        || (byte >= 0x30 && byte <= 0x39)
                        || byte == 0x27
                } else {
                    guard let (scalar, scalarLength) = decodeScalar(bytes, at: index), isSimple(scalar) else {
                        return false
                    }
                    length = scalarLength
                    isASCII = false
                    isWordCharacter = isWordScalar(scalar)
                }
            }
            if isWordCharacter {
                if wordStart < 0 {
                    wordStart = index
                    wordIsASCII = true
                }
                wordIsASCII = wordIsASCII && isASCII
            } else if wordStart >= 0 {
                if !latinOnly || wordIsASCII {
                    let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<index]), as: UTF8.self)
                    if let key = SoundKey.key(word), !keys.contains(key) { keys.append(key) }
                }
                wordStart = -1
            }
            index += length
        }
        return true
    }

    /// The scalar starting at `index` and its length in bytes (the text is valid UTF-8).
    private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
        let lead = bytes[index]
        if lead < 0xE0, index + 1 < bytes.count {
            return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if lead < 0xF0, index + 2 < bytes.count {
            return (
                UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3
            )
        }
        return nil
    }

    /// Scalars that are always a Character of their own (no combining marks, joiners or the like).
    private static func isSimple(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x80...0x2FF, 0x400...0x482, 0x48A...0x52F, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20CF,
            0x2100...0x214F, 0x2190...0x21FF:
            return true
        default: return false
        }
    }

    /// A letter, a number or the apostrophe `’` (as `Character.isLetter`/`isNumber` see them).
    private static func isWordScalar(_ value: UInt32) -> Bool {
        if (0x400...0x481).contains(value) || (0x48A...0x52F).contains(value) || value == 0x2019 { return true }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The original, Character-based sound keys (the reference for ``soundKeys(of:)``).
    static func referenceSoundKeys(of product: Product) -> [String] {
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
        return keys
    }

    /// Keyword values of the default schema's keyword fields (as written, trimmed).
    static func keywords(of field: String, in product: Product, language: Language) -> [String] {
        keywords(of: source(of: field), in: product, language: language)
    }

    private static func keywords(of source: Source, in product: Product, language: Language) -> [String] {
        switch source {
        case .vendor: return trimmed(product.vendor).map { [$0] } ?? []
        case .titleBrand: return trimmed(product.vendor) == nil ? titleBrand(of: product).map { [$0] } ?? [] : []
        case .category:
            // Every level of the path, so a filter on a parent category matches its children.
            var values: [String] = []
            var path = ""
            for (depth, part) in product.categoryPath.enumerated() {
                if depth > 0 { path += " > " }
                path += part
                values.append(path)
            }
            return values
        case .sku: return trimmed(product.vendorCode).map { [$0] } ?? []
        case .barcode: return trimmed(product.barcode).map { [$0] } ?? []
        case .param: return product.parameters.map { $0.name + "=" + $0.value }
        case .currency: return trimmed(product.currency).map { [$0] } ?? []
        case .language: return [language.rawValue]
        case .url: return trimmed(product.url).map { [$0] } ?? []
        default: return []
        }
    }

    /// Numeric values of the default schema's numeric fields.
    static func number(of field: String, in product: Product) -> Double? {
        number(of: source(of: field), in: product)
    }

    private static func number(of source: Source, in product: Product) -> Double? {
        switch source {
        case .price: return product.price
        case .oldPrice: return product.oldPrice
        case .discount:
            guard let price = product.price, let old = product.oldPrice, old > price, old > 0 else { return nil }
            return ((old - price) / old * 100).rounded()
        case .available: return product.available.map { $0 ? 1 : 0 }
        case .addedAt: return product.addedAt
        case .updatedAt: return product.updatedAt
        case .rating: return product.rating
        case .reviewCount: return product.reviewCount.map(Double.init)
        default: return nil
        }
    }

    /// `value` without leading and trailing whitespace; `nil` when nothing is left.
    private static func trimmed(_ value: String?) -> String? {
        guard let value else { return nil }
        // The common case: nothing to trim (checked on the first and last bytes).
        if let first = value.utf8.first, let last = value.utf8.last, !isSpaceByte(first), !isSpaceByte(last) {
            return value
        }
        let result = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return result.isEmpty ? nil : result
    }

    /// Bytes that may start or end whitespace: ASCII whitespace and the lead bytes of the
    /// non-ASCII spaces (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000).
    private static func isSpaceByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09...0x0D, 0x20, 0xC2, 0xE1, 0xE2, 0xE3, 0x85, 0xA0, 0x80...0x8A, 0xA8, 0xA9, 0xAF, 0x9F: return true
        default: return false
        }
    }
}

extension Product {
    /// The language the index analyzed this product in: its own, else detected from its title and
    /// the start of its description (the `language` keyword field holds the same).
    package var indexedLanguage: Language { DocumentBuilder.language(of: self) }
}
