/// Splits a CSV file into records (RFC 4180), one at a time, over a ``ByteStream``.
///
/// Quoted fields may hold delimiters, `""` (an escaped quote) and line breaks; CRLF and LF both
/// end records. A quote inside an unquoted field is kept as text (as spreadsheet programs
/// export it). Each word is decoded in the encoding it is in (``MixedEncodingDecoder``: a
/// Windows-1251 row among UTF-8 ones stays readable, and so do the others).
struct CSVParser {
    /// One record with the line it starts on.
    struct Record {
        var fields: [String]
        var line: Int
    }

    let stream: ByteStream
    let delimiter: UInt8
    /// Decodes fields; its counts say whether the file mixes encodings.
    private(set) var decoder: MixedEncodingDecoder
    private var field: [UInt8] = []

    /// A parser of `stream`, reading words that are valid in both encodings as `encoding` until
    /// the file shows otherwise.
    init(stream: ByteStream, delimiter: UInt8, encoding: TextEncoding) {
        self.stream = stream
        self.delimiter = delimiter
        decoder = MixedEncodingDecoder(preferred: encoding)
    }

    /// The warning for a file that mixes encodings (`nil` when it does not), once the file is read.
    var encodingWarning: ImportProblem? {
        guard decoder.isMixed else { return nil }
        let minority = decoder.majority == .utf8 ? decoder.firstWindows1251Line : decoder.firstUTF8Line
        return ImportProblem(
            .encoding, location: SourceLocation(file: stream.path, line: minority), field: "encoding",
            message:
                "the file mixes UTF-8 (\(decoder.utf8Runs) words, first at line \(decoder.firstUTF8Line)) and "
                + "Windows-1251 (\(decoder.windows1251Runs) words, first at line \(decoder.firstWindows1251Line)); "
                + "each word was read in its own encoding")
    }

    /// The next record, or `nil` at the end of the file; blank lines are skipped.
    ///
    /// - Throws: ``ImportProblem`` for a quote left open at the end of the file.
    mutating func next() throws -> Record? {
        var fields: [String] = []
        var line = stream.line
        decoder.line = line
        var inQuotes = false
        var quotedField = false
        var sawAnything = false
        field.removeAll(keepingCapacity: true)
        while true {
            guard let byte = try stream.next() else {
                if inQuotes {
                    throw ImportProblem(
                        .malformed, location: SourceLocation(file: stream.path, line: line),
                        message: "a quoted field opened in this record is never closed")
                }
                if !sawAnything { return nil }
                fields.append(decoder.decode(field))
                return Record(fields: fields, line: line)
            }
            if inQuotes {
                if byte == 0x22 {
                    if try stream.peek(1).first == 0x22 {
                        _ = try stream.next()
                        field.append(0x22)
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case 0x22 where field.isEmpty && !quotedField:
                inQuotes = true
                quotedField = true
                sawAnything = true
            case delimiter:
                fields.append(decoder.decode(field))
                field.removeAll(keepingCapacity: true)
                quotedField = false
                sawAnything = true
            case 0x0D where try stream.peek(1).first == 0x0A:
                continue
            case 0x0A:
                if !sawAnything && field.isEmpty {
                    line = stream.line
                    decoder.line = line
                    continue  // a blank line
                }
                fields.append(decoder.decode(field))
                return Record(fields: fields, line: line)
            default:
                field.append(byte)
                sawAnything = true
            }
        }
    }

    /// The delimiter of a header line: the most frequent of `,` `;` TAB outside quotes (`,` on a tie).
    static func sniffDelimiter(_ header: some Collection<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var inQuotes = false
        for byte in header {
            if byte == 0x0A { break }
            if byte == 0x22 { inQuotes.toggle() }
            if !inQuotes, counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        var best: UInt8 = 0x2C
        for candidate: UInt8 in [0x3B, 0x09] where (counts[candidate] ?? 0) > (counts[best] ?? 0) { best = candidate }
        return best
    }
}
