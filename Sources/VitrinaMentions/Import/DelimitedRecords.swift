/// An RFC 4180 reader of delimited text (CSV, semicolon- or tab-separated) over decoded text.
///
/// Quoted fields may hold delimiters, doubled quotes and line breaks; CRLF and LF both end a
/// record. Each record carries the 1-based line it starts on.
struct DelimitedRecords {
    /// One record and the line it starts on.
    struct Record {
        var fields: [String]
        var line: Int
    }

    private let scalars: [Unicode.Scalar]
    private let delimiter: Unicode.Scalar
    private var index = 0
    private var line = 1
    let file: String

    /// Reads `text`; the delimiter is the most frequent of `,`, `;` and tab on the first line.
    init(text: String, file: String) {
        scalars = Array(text.unicodeScalars)
        self.file = file
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for scalar in scalars {
            if scalar == "\"" { quoted.toggle() }
            if !quoted && scalar == "\n" { break }
            if !quoted, counts[scalar] != nil { counts[scalar, default: 0] += 1 }
        }
        let best = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key != ",") }
        delimiter = (best?.value ?? 0) > 0 ? best?.key ?? "," : ","
    }

    /// The next record; `nil` at the end.
    ///
    /// - Throws: ``MentionsError`` `malformed` for a quoted field that is never closed.
    mutating func next() throws -> Record? {
        // Blank lines between records are not records.
        while index < scalars.count, scalars[index] == "\n" || scalars[index] == "\r" {
            if scalars[index] == "\n" { line += 1 }
            index += 1
        }
        guard index < scalars.count else { return nil }
        let start = line
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" && field.isEmpty {
                index += 1
                var closed = false
                while index < scalars.count {
                    let inner = scalars[index]
                    index += 1
                    if inner == "\"" {
                        if index < scalars.count, scalars[index] == "\"" {
                            field.append("\"")
                            index += 1
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        if inner == "\n" { line += 1 }
                        field.append(inner)
                    }
                }
                guard closed else {
                    throw MentionsError(
                        .malformed, location: "\(file):\(start)", message: "a quoted field is never closed")
                }
                continue
            }
            index += 1
            if scalar == delimiter {
                fields.append(String(field))
                field = String.UnicodeScalarView()
            } else if scalar == "\n" {
                line += 1
                break
            } else if scalar == "\r" {
                continue
            } else {
                field.append(scalar)
            }
        }
        fields.append(String(field))
        return Record(fields: fields, line: start)
    }
}
