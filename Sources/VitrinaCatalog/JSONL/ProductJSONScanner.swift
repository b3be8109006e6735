import Foundation
import VitrinaModel

/// A fast path for one line of canonical product JSON: reads the common shape straight from the
/// bytes, without Foundation's `JSONDecoder` (which dominated profiles of JSONL imports, and each
/// line was decoded twice: once as a deletion marker, once as a product).
///
/// It gives up (`nil`) on anything it is not sure to read exactly as `Product.init(from:)` and
/// the deletion-marker check do — invalid JSON or UTF-8, a repeated key, a value of an unexpected
/// type, a number that is not a plain finite decimal, an integer review count written as a
/// fraction, a key the canonical form does not have — and the reader then decodes the line with
/// `JSONDecoder`, which names the problem (or skips the unknown key).
struct ProductJSONScanner {
    /// What a line holds.
    enum Record {
        case product(Product)
        case deletion(id: String)
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Reads `line`; `nil` when the line needs the full decoder.
    static func scan(_ line: UnsafeBufferPointer<UInt8>) -> Record? {
        var scanner = ProductJSONScanner(line)
        return scanner.record()
    }

    /// The keys a product may have, plus `deleted`.
    private enum Key: Int, CaseIterable {
        case id, title, vendor, model, vendorCode, barcode, category, categoryPath, description, parameters, price
        case oldPrice, currency, available, url, pictures, addedAt, updatedAt, rating, reviewCount, reviews, language
        case deleted
    }

    /// The keys' spellings, by byte length.
    private static let keysByLength: [[([UInt8], Key)]] = {
        var table = [[([UInt8], Key)]](repeating: [], count: 16)
        for key in Key.allCases {
            let bytes = Array("\(key)".utf8)
            table[bytes.count].append((bytes, key))
        }
        return table
    }()

    /// The product key spelled by `bytes`.
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key? {
        guard bytes.count < keysByLength.count else { return nil }
        for (spelling, key) in keysByLength[bytes.count] where spelling.elementsEqual(bytes) { return key }
        return nil
    }

    private mutating func record() -> Record? {
        guard skipSpace(), next() == UInt8(ascii: "{") else { return nil }
        var product = Product(id: "")
        var hasID = false
        var seen: UInt32 = 0
        var categoryPathSeen = false
        var category: [String]?
        var deleted: Bool?
        guard skipSpace() else { return nil }
        if peek() == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                guard skipSpace(), peek() == UInt8(ascii: "\""), let name = rawString() else { return nil }
                guard skipSpace(), next() == UInt8(ascii: ":"), skipSpace() else { return nil }
                if let key = Self.key(name) {
                    // A repeated key: leave the choice of value to JSONDecoder.
                    guard seen & 1 << key.rawValue == 0 else { return nil }
                    seen |= 1 << key.rawValue
                    switch key {
                    case .id:
                        guard let value = string() else { return nil }
                        product.id = value
                        hasID = true
                    case .title: guard optionalString(&product.title) else { return nil }
                    case .vendor: guard optionalString(&product.vendor) else { return nil }
                    case .model: guard optionalString(&product.model) else { return nil }
                    case .vendorCode: guard optionalString(&product.vendorCode) else { return nil }
                    case .barcode: guard optionalString(&product.barcode) else { return nil }
                    case .description: guard optionalString(&product.description) else { return nil }
                    case .currency: guard optionalString(&product.currency) else { return nil }
                    case .url: guard optionalString(&product.url) else { return nil }
                    case .categoryPath:
                        categoryPathSeen = true
                        guard let path = optionalStrings() else { return nil }
                        product.categoryPath = path ?? []
                    case .category:
                        if peek() == UInt8(ascii: "\"") {
                            guard let path = string() else { return nil }
                            category = Product.splitCategoryPath(path)
                        } else {
                            guard let path = optionalStrings() else { return nil }
                            category = path ?? []
                        }
                    case .pictures:
                        guard let pictures = optionalStrings() else { return nil }
                        product.pictures = pictures ?? []
                    case .reviews:
                        guard let reviews = optionalStrings() else { return nil }
                        product.reviews = reviews ?? []
                    case .parameters:
                        guard let parameters = optionalParameters() else { return nil }
                        product.parameters = parameters ?? []
                    case .price: guard optionalNumber(&product.price) else { return nil }
                    case .oldPrice: guard optionalNumber(&product.oldPrice) else { return nil }
                    case .addedAt: guard optionalNumber(&product.addedAt) else { return nil }
                    case .updatedAt: guard optionalNumber(&product.updatedAt) else { return nil }
                    case .rating: guard optionalNumber(&product.rating) else { return nil }
                    case .reviewCount:
                        if literal("null") { break }
                        guard let value = integer() else { return nil }
                        product.reviewCount = value
                    case .available:
                        guard let value = optionalBool() else { return nil }
                        product.available = value
                    case .deleted:
                        guard let value = optionalBool() else { return nil }
                        deleted = value
                    case .language:
                        if literal("null") { break }
                        guard let value = string(), let language = Language(rawValue: value) else { return nil }
                        product.language = language
                    }
                } else {
                    return nil
                }
                guard skipSpace() else { return nil }
                let separator = next()
                if separator == UInt8(ascii: "}") { break }
                guard separator == UInt8(ascii: ",") else { return nil }
            }
        }
        // Nothing but spaces may follow the object.
        _ = skipSpace()
        guard index == bytes.count, hasID else { return nil }
        if deleted == true { return .deletion(id: product.id) }
        if !categoryPathSeen, let category { product.categoryPath = category }
        return .product(product)
    }

    // MARK: - Values

    /// A string or `null` into `value`; false when it is neither.
    private mutating func optionalString(_ value: inout String?) -> Bool {
        if literal("null") { return true }
        guard let string = string() else { return false }
        value = string
        return true
    }

    /// An array of strings, or `null` (`.some(nil)`); `nil` for anything else.
    private mutating func optionalStrings() -> [String]?? {
        if literal("null") { return .some(nil) }
        guard next() == UInt8(ascii: "["), skipSpace() else { return nil }
        var values: [String] = []
        if peek() == UInt8(ascii: "]") {
            index += 1
            return .some(values)
        }
        while true {
            guard skipSpace(), let value = string() else { return nil }
            values.append(value)
            guard skipSpace() else { return nil }
            let separator = next()
            if separator == UInt8(ascii: "]") { return .some(values) }
            guard separator == UInt8(ascii: ",") else { return nil }
        }
    }

    /// An array of `{"name", "value", "unit"}` objects, or `null`.
    private mutating func optionalParameters() -> [Product.Parameter]?? {
        if literal("null") { return .some(nil) }
        guard next() == UInt8(ascii: "["), skipSpace() else { return nil }
        var values: [Product.Parameter] = []
        if peek() == UInt8(ascii: "]") {
            index += 1
            return .some(values)
        }
        while true {
            guard skipSpace(), let value = parameter() else { return nil }
            values.append(value)
            guard skipSpace() else { return nil }
            let separator = next()
            if separator == UInt8(ascii: "]") { return .some(values) }
            guard separator == UInt8(ascii: ",") else { return nil }
        }
    }

    private mutating func parameter() -> Product.Parameter? {
        guard next() == UInt8(ascii: "{"), skipSpace() else { return nil }
        var name: String?
        var value: String?
        var unit: String?
        var seen = 0
        if peek() == UInt8(ascii: "}") { return nil }  // name and value are required
        while true {
            guard skipSpace(), peek() == UInt8(ascii: "\""), let key = rawString() else { return nil }
            guard skipSpace(), next() == UInt8(ascii: ":"), skipSpace() else { return nil }
            if key.elementsEqual("name".utf8) {
                guard seen & 1 == 0, let string = string() else { return nil }
                name = string
                seen |= 1
            } else if key.elementsEqual("value".utf8) {
                guard seen & 2 == 0, let string = string() else { return nil }
                value = string
                seen |= 2
            } else if key.elementsEqual("unit".utf8) {
                guard seen & 4 == 0, optionalString(&unit) else { return nil }
                seen |= 4
            } else {
                return nil
            }
            guard skipSpace() else { return nil }
            let separator = next()
            if separator == UInt8(ascii: "}") { break }
            guard separator == UInt8(ascii: ",") else { return nil }
        }
        guard let name, let value else { return nil }
        return Product.Parameter(name: name, value: value, unit: unit)
    }

    /// A number or `null` into `value`.
    private mutating func optionalNumber(_ value: inout Double?) -> Bool {
        if literal("null") { return true }
        guard let number = number() else { return false }
        value = number
        return true
    }

    /// `true`, `false` or `null` (`.some(nil)`); `nil` for anything else.
    private mutating func optionalBool() -> Bool?? {
        if literal("null") { return .some(nil) }
        if literal("true") { return .some(true) }
        if literal("false") { return .some(false) }
        return nil
    }

    /// A JSON number in plain decimal form (`-12.5`, `3e2`), finite.
    private mutating func number() -> Double? {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), isDigit(first) else { return nil }
        if first == UInt8(ascii: "0"), index + 1 < bytes.count, isDigit(bytes[index + 1]) { return nil }
        while let byte = peek(), isDigit(byte) { index += 1 }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let byte = peek(), isDigit(byte) else { return nil }
            while let byte = peek(), isDigit(byte) { index += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard let byte = peek(), isDigit(byte) else { return nil }
            while let byte = peek(), isDigit(byte) { index += 1 }
        }
        guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)),
            value.isFinite
        else { return nil }
        return value
    }

    /// A JSON integer written with digits only (and a sign), that fits an `Int`.
    private mutating func integer() -> Int? {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), isDigit(first) else { return nil }
        if first == UInt8(ascii: "0"), index + 1 < bytes.count, isDigit(bytes[index + 1]) { return nil }
        while let byte = peek(), isDigit(byte) { index += 1 }
        if let byte = peek(), byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            return nil
        }
        return Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    /// A JSON string, unescaped and checked to be valid UTF-8.
    private mutating func string() -> String? {
        guard peek() == UInt8(ascii: "\"") else { return nil }
        index += 1
        let start = index
        // The common case: no escapes. Eight bytes at a time while none of them is a quote, a
        // backslash or a control character (the byte loop below decides the rest).
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count,
                !Self.mayEndString(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            {
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let content = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return Self.validString(content)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { return nil }
            index += 1
        }
        guard index < bytes.count else { return nil }
        var unescaped = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return unescaped.withUnsafeBufferPointer(Self.validString) }
            if byte < 0x20 { return nil }
            guard byte == UInt8(ascii: "\\") else {
                unescaped.append(byte)
                continue
            }
            guard let escape = next() else { return nil }
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(escape)
            case UInt8(ascii: "b"): unescaped.append(0x08)
            case UInt8(ascii: "f"): unescaped.append(0x0C)
            case UInt8(ascii: "n"): unescaped.append(0x0A)
            case UInt8(ascii: "r"): unescaped.append(0x0D)
            case UInt8(ascii: "t"): unescaped.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4() else { return nil }
                if (0xD800..<0xDC00).contains(scalar) {
                    // A surrogate pair; a lone surrogate is left to JSONDecoder.
                    guard next() == UInt8(ascii: "\\"), next() == UInt8(ascii: "u"), let low = hex4(),
                        (0xDC00..<0xE000).contains(low)
                    else { return nil }
                    scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    return nil
                }
                guard let value = Unicode.Scalar(scalar) else { return nil }
                unescaped.append(contentsOf: String(value).utf8)
            default:
                return nil
            }
        }
        return nil
    }

    /// False when none of the eight bytes of `word` is `"`, `\\` or below 0x20 (true may be a
    /// false alarm: the caller then looks at the bytes one by one).
    @inline(__always)
    private static func mayEndString(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        // A byte below n (n <= 0x80) borrows through `x - n` and had its high bit clear.
        func hasByteBelow(_ x: UInt64, _ n: UInt64) -> Bool { (x &- ones &* n) & ~x & highs != 0 }
        return hasByteBelow(quote, 1) || hasByteBelow(backslash, 1) || hasByteBelow(word, 0x20)
    }

    /// `bytes` as a String when they are valid UTF-8; `nil` otherwise.
    ///
    /// `String(decoding:)` validates quickly but repairs invalid bytes, so the result is compared
    /// with the input: any repair changes the bytes.
    private static func validString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var string = String(decoding: bytes, as: UTF8.self)
        let same = string.withUTF8 { utf8 in
            guard utf8.count == bytes.count, let left = utf8.baseAddress, let right = bytes.baseAddress else {
                return utf8.count == bytes.count
            }
            return memcmp(left, right, bytes.count) == 0
        }
        return same ? string : nil
    }

    /// A key: the bytes of a string without escapes or non-ASCII bytes (other keys give up: no
    /// product key has them).
    private mutating func rawString() -> UnsafeBufferPointer<UInt8>? {
        guard next() == UInt8(ascii: "\"") else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                defer { index += 1 }
                return UnsafeBufferPointer(rebasing: bytes[start..<index])
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return nil }
            index += 1
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = value << 4 | UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        return value
    }

    // MARK: - Bytes

    /// Skips JSON whitespace; false at the end of the line.
    private mutating func skipSpace() -> Bool {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return true
            }
        }
        return false
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func next() -> UInt8? {
        guard index < bytes.count else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    /// Consumes `word` when the bytes continue with it.
    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let matches = word.withUTF8Buffer { word in
            (0..<count).allSatisfy { bytes[index + $0] == word[$0] }
        }
        if matches { index += count }
        return matches
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
