/// A strict RFC 8259 syntax check: Foundation's JSON parsers accept trailing commas and other
/// JSON5 liberties that Google's and Yandex's structured-data parsers reject, so the audit checks
/// syntax itself before reading a JSON-LD block; the JSONL reader uses it to say what is wrong
/// with a line and where.
package struct StrictJSON {
    private let bytes: [UInt8]
    private var index = 0

    /// `nil` when `text` is valid JSON, else what is wrong and where (`line 3, column 12`).
    package static func error(in text: String) -> String? {
        error(in: Array(text.utf8))
    }

    /// `nil` when `bytes` are valid JSON, else what is wrong and where.
    package static func error(in bytes: [UInt8]) -> String? {
        var checker = StrictJSON(bytes: bytes)
        do {
            checker.skipSpace()
            try checker.value(depth: 0)
            checker.skipSpace()
            if checker.index < checker.bytes.count { throw checker.failure("unexpected text after the JSON value") }
            return nil
        } catch let failure as Failure {
            return failure.message
        } catch {
            return "invalid JSON"
        }
    }

    private struct Failure: Error { var message: String }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func failure(_ reason: String) -> Failure {
        var line = 1
        var column = 1
        for byte in bytes.prefix(index) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return Failure(message: "\(reason) at line \(line), column \(column)")
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws {
        guard current == byte else { throw failure("expected \(what)") }
        index += 1
    }

    private mutating func value(depth: Int) throws {
        guard depth < 512 else { throw failure("nesting too deep") }
        switch current {
        case UInt8(ascii: "{"):
            index += 1
            skipSpace()
            if current == UInt8(ascii: "}") {
                index += 1
                return
            }
            while true {
                skipSpace()
                try string()
                skipSpace()
                try expect(UInt8(ascii: ":"), "':'")
                skipSpace()
                try value(depth: depth + 1)
                skipSpace()
                if current == UInt8(ascii: ",") {
                    index += 1
                    skipSpace()
                    if current == UInt8(ascii: "}") { throw failure("trailing comma before '}'") }
                    continue
                }
                try expect(UInt8(ascii: "}"), "',' or '}'")
                return
            }
        case UInt8(ascii: "["):
            index += 1
            skipSpace()
            if current == UInt8(ascii: "]") {
                index += 1
                return
            }
            while true {
                skipSpace()
                try value(depth: depth + 1)
                skipSpace()
                if current == UInt8(ascii: ",") {
                    index += 1
                    skipSpace()
                    if current == UInt8(ascii: "]") { throw failure("trailing comma before ']'") }
                    continue
                }
                try expect(UInt8(ascii: "]"), "',' or ']'")
                return
            }
        case UInt8(ascii: "\""):
            try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case let byte? where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte):
            try number()
        default:
            throw failure("expected a value")
        }
    }

    private mutating func string() throws {
        try expect(UInt8(ascii: "\""), "a string in double quotes")
        while let byte = current {
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return
            case UInt8(ascii: "\\"):
                guard let escaped = current, Array("\"\\/bfnrtu".utf8).contains(escaped) else {
                    throw failure("bad escape in a string")
                }
                index += 1
                if escaped == UInt8(ascii: "u") {
                    for _ in 0..<4 {
                        guard let hex = current,
                            (0x30...0x39).contains(hex) || (0x41...0x46).contains(hex) || (0x61...0x66).contains(hex)
                        else { throw failure("bad \\u escape") }
                        index += 1
                    }
                }
            case 0..<0x20: throw failure("unescaped control character in a string")
            default: continue
            }
        }
        throw failure("unterminated string")
    }

    private mutating func literal(_ word: String) throws {
        for byte in word.utf8 {
            guard current == byte else { throw failure("expected \(word)") }
            index += 1
        }
    }

    private mutating func number() throws {
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, (0x30...0x39).contains(first) else { throw failure("bad number") }
        while let byte = current, (0x30...0x39).contains(byte) || ".eE+-".utf8.contains(byte) { index += 1 }
    }
}
