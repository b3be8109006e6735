/// The text encodings catalog files come in: UTF-8 (with or without a byte-order mark) and
/// Windows-1251, which Russian and Belarusian CMS exports still default to.
public enum TextEncoding: String, Sendable, Equatable, Codable {
    /// UTF-8.
    case utf8 = "utf-8"
    /// Windows-1251 (Cyrillic), single-byte.
    case windows1251 = "windows-1251"

    /// The encoding named by a charset label (`UTF-8`, `cp1251`, `windows-1251`), or `nil` when unsupported.
    public init?(label: String) {
        switch label.lowercased().filter({ $0 != "-" && $0 != "_" && $0 != " " }) {
        case "utf8": self = .utf8
        case "windows1251", "cp1251", "win1251", "xcp1251": self = .windows1251
        default: return nil
        }
    }

    /// The length of a UTF-8 byte-order mark at the start of `bytes` (3), or 0.
    public static func byteOrderMarkLength(_ bytes: some Collection<UInt8>) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Guesses the encoding of a file from its first bytes: a BOM or valid UTF-8 means UTF-8;
    /// bytes that are not UTF-8 mean Windows-1251 (the only single-byte encoding we accept).
    ///
    /// A UTF-8 sequence cut at the end of the sample is not counted against UTF-8.
    public static func detect(_ sample: some Collection<UInt8>) -> TextEncoding {
        if byteOrderMarkLength(sample) > 0 { return .utf8 }
        var pending = 0
        var index = 0
        let count = sample.count
        for byte in sample {
            index += 1
            if pending > 0 {
                guard byte & 0xC0 == 0x80 else { return .windows1251 }
                pending -= 1
                continue
            }
            switch byte {
            case 0..<0x80: continue
            case 0xC2...0xDF: pending = 1
            case 0xE0...0xEF: pending = 2
            case 0xF0...0xF4: pending = 3
            default: return .windows1251
            }
            if index == count { break }
        }
        return .utf8
    }

    /// Decodes `bytes`; invalid UTF-8 becomes U+FFFD (callers that must reject it check ``isValidUTF8(_:)``).
    public func decode(_ bytes: some Collection<UInt8>) -> String {
        switch self {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .windows1251:
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(Self.windows1251Scalar(byte)) }
            return String(scalars)
        }
    }

    /// Whether `bytes` are well-formed UTF-8.
    public static func isValidUTF8(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// The Unicode scalar of one Windows-1251 byte (0x98, unassigned, becomes U+FFFD).
    static func windows1251Scalar(_ byte: UInt8) -> Unicode.Scalar {
        switch byte {
        case 0..<0x80: return Unicode.Scalar(byte)
        case 0xC0...0xFF: return Unicode.Scalar(0x0410 + UInt32(byte - 0xC0)) ?? "\u{FFFD}"
        default: return Unicode.Scalar(windows1251High[Int(byte - 0x80)]) ?? "\u{FFFD}"
        }
    }

    /// Windows-1251 bytes 0x80–0xBF (the irregular part of the code page).
    private static let windows1251High: [UInt32] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    ]
}
