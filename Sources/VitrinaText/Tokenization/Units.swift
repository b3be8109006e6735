/// Units of measure written after numbers in product text, and their canonical forms.
///
/// Canonical forms are short Latin codes so that `128гб`, `128 ГБ`, `128GB` and
/// `128 гигабайт` index the same unit term (`gb`).
enum Units {
    /// Lowercase spelling → canonical code.
    static let canonical: [String: String] = {
        let groups: [String: [String]] = [
            "gb": [
                "гб", "gb", "гиг", "гигабайт", "гигабайта", "гигабайтов", "гигабайтах", "гігабайт", "гігабайта",
                "гігабайтаў",
            ],
            "mb": ["мб", "mb", "мегабайт", "мегабайта", "мегабайтов", "мегабайтаў"],
            "tb": ["тб", "tb", "терабайт", "терабайта", "терабайтов", "тэрабайт", "тэрабайта", "тэрабайтаў"],
            "kb": ["кб", "kb", "килобайт"],
            "in": ["\"", "″", "”", "дюйм", "дюйма", "дюймов", "дюймаў", "inch", "in"],
            "l": ["л", "l", "литр", "литра", "литров", "літр", "літра", "літраў"],
            "ml": ["мл", "ml", "миллилитр", "миллилитров", "мілілітр"],
            "kg": ["кг", "kg", "килограмм", "килограмма", "килограммов", "кілаграм", "кілаграма", "кілаграмаў"],
            "g": ["г", "гр", "g", "грамм", "грамма", "граммов", "грам", "грама", "грамаў"],
            "mm": ["мм", "mm", "миллиметр", "миллиметров", "міліметр", "міліметраў"],
            "cm": ["см", "cm", "сантиметр", "сантиметра", "сантиметров", "сантыметр", "сантыметра", "сантыметраў"],
            "m": ["м", "m", "метр", "метра", "метров", "метраў"],
            "w": ["вт", "w", "ватт", "ватта", "ватт", "ват", "вата", "ватаў"],
            "kw": ["квт", "kw", "киловатт", "кілават"],
            "v": ["в", "v", "вольт", "вольта", "вольтов", "вольтаў"],
            "mah": ["мач", "мaч", "mah", "мач."],
            "hz": ["гц", "hz", "герц"],
            "ghz": ["ггц", "ghz", "гигагерц", "гігагерц"],
            "mhz": ["мгц", "mhz", "мегагерц"],
            "mp": ["мп", "mp", "мпикс", "мегапиксель", "мегапикселей", "мегапіксель", "мегапікселяў"],
            "pcs": ["шт", "pcs", "штук", "штуки", "штука", "штук", "штукі"],
            "percent": ["%"],
        ]
        var table: [String: String] = [:]
        for (code, spellings) in groups {
            for spelling in spellings { table[spelling] = code }
        }
        return table
    }()

    /// The canonical code of a unit spelling, compared case-insensitively; `nil` if not a unit.
    static func code(for spelling: Substring) -> String? {
        if let code = canonical[String(spelling)] { return code }
        return canonical[spelling.lowercased()]
    }

    /// The same table keyed by the spellings' bytes (every spelling fits ``UnitKey``).
    static let byBytes: [UnitKey: String] = {
        var table: [UnitKey: String] = [:]
        for (spelling, code) in canonical {
            var spelling = spelling
            spelling.withUTF8 { bytes in
                if let key = UnitKey(bytes) { table[key] = code }
            }
        }
        return table
    }()

    /// ``code(for:)`` over UTF-8 bytes, without building a String when the spelling is ASCII or
    /// basic Cyrillic (U+0400–U+045F), which is folded here byte by byte.
    static func code(for bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count <= UnitKey.capacity else {
            // No spelling is this long, but lowercasing may shorten exotic text: ask the String path.
            return bytes.allSatisfy({ $0 < 0xD2 }) ? nil : code(for: Substring(String(decoding: bytes, as: UTF8.self)))
        }
        if let key = UnitKey(bytes), let code = byBytes[key] { return code }
        var folded = UnitKey()
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                folded.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                index += 1
                continue
            }
            guard index + 1 < bytes.count, byte == 0xD0 || byte == 0xD1 else {
                return code(for: Substring(String(decoding: bytes, as: UTF8.self)))
            }
            let second = bytes[index + 1]
            if byte == 0xD0 {
                switch second {
                case 0x80...0x8F: folded.append(0xD1); folded.append(second + 0x10)
                case 0x90...0x9F: folded.append(0xD0); folded.append(second + 0x20)
                case 0xA0...0xAF: folded.append(0xD1); folded.append(second - 0x20)
                default: folded.append(byte); folded.append(second)
                }
            } else if second < 0xA0 {
                folded.append(byte)
                folded.append(second)
            } else {
                // U+0460–U+047F have case pairs: leave them to the String path.
                return code(for: Substring(String(decoding: bytes, as: UTF8.self)))
            }
            index += 2
        }
        return byBytes[folded]
    }
}

/// Up to 24 UTF-8 bytes packed into integers: a hashable key with no allocation.
struct UnitKey: Hashable {
    /// The longest spelling a key holds.
    static let capacity = 24
    private var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
    private var count: UInt8 = 0

    init() {}

    /// The key of `bytes`; `nil` when they are longer than ``capacity``.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= Self.capacity else { return nil }
        for byte in bytes { append(byte) }
    }

    /// Appends a byte (ignored past ``capacity``; callers check the length first).
    mutating func append(_ byte: UInt8) {
        let index = Int(count)
        guard index < Self.capacity else { return }
        let shift = UInt64((index & 7) * 8)
        switch index >> 3 {
        case 0: words.0 |= UInt64(byte) << shift
        case 1: words.1 |= UInt64(byte) << shift
        default: words.2 |= UInt64(byte) << shift
        }
        count += 1
    }

    static func == (lhs: UnitKey, rhs: UnitKey) -> Bool {
        lhs.count == rhs.count && lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
            && lhs.words.2 == rhs.words.2
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(count)
    }
}
