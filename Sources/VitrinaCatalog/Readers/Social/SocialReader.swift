import Foundation

/// Reads reviews and posts about products from JSONL (one object per line) or CSV (a header row).
///
/// Keys and column names are matched case-insensitively:
///
/// | item field | keys |
/// |---|---|
/// | text | `text`, `review`, `review_text`, `body`, `comment`, `post`, `message`, `отзыв`, `текст` |
/// | rating | `rating`, `stars`, `mark`, `score`, `оценка` |
/// | author | `author`, `user`, `reviewername`, `reviewer`, `user_name`, `автор` |
/// | date | `date`, `created_at`, `published_at`, `time`, `дата` (ISO 8601 or Unix seconds) |
/// | likes, reposts | `likes`, `like_count`; `reposts`, `shares`, `repost_count` |
/// | kind | `kind` or `type`: `review` or `post` (default: `review` with a rating, else `post`) |
/// | product | `product_id`, `offer_id`, `item_id`; `sku`, `vendorcode`, `article`, `артикул`; `barcode`, `gtin`, `ean`; `url`, `link`, `product_url`; `product`, `product_name`, `product_title`, `name`, `товар` |
///
/// A record without text, or naming no product, is skipped with its line and the reason.
public struct SocialReader: CatalogReader {
    private let stream: ByteStream
    private let isJSON: Bool
    private var parser: CSVParser?
    private var headers: [String] = []
    private var line: [UInt8] = []
    /// JSON lines that are not UTF-8 are read word by word as Windows-1251.
    private var decoder = MixedEncodingDecoder(preferred: .utf8)
    private var warned = false

    /// Opens `path`: JSONL when its first character is `{`, else CSV.
    ///
    /// - Throws: ``ImportProblem`` when the file cannot be read or a CSV file has no header.
    public init(path: String) throws {
        stream = try ByteStream(path: path)
        let sample = try stream.peek(CatalogFormat.sampleSize)
        let encoding = TextEncoding.detect(sample)
        try stream.skip(TextEncoding.byteOrderMarkLength(sample))
        let first = sample.dropFirst(TextEncoding.byteOrderMarkLength(sample)).first {
            $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09
        }
        isJSON = first == UInt8(ascii: "{")
        if !isJSON {
            var csv = CSVParser(stream: stream, delimiter: CSVParser.sniffDelimiter(sample), encoding: encoding)
            guard let header = try csv.next() else {
                throw ImportProblem(
                    .malformed, location: SourceLocation(file: path, line: 1), message: "empty file: no header line")
            }
            headers = header.fields.map(CSVPreset.normalize)
            parser = csv
        }
    }

    /// Bytes consumed so far.
    public var bytesRead: Int { stream.bytesRead }

    /// The next review or post, or a skipped record; `nil` at the end.
    ///
    /// - Throws: ``ImportProblem`` for a CSV quoted field never closed.
    public mutating func next() throws -> CatalogItem? {
        if isJSON {
            while true {
                let number = stream.line
                guard try stream.readLine(into: &line) else { return encodingWarning(decoder) }
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                let location = SourceLocation(file: stream.path, line: number)
                decoder.line = number
                let data = TextEncoding.isValidUTF8(line) ? Data(line) : Data(Array(decoder.decode(line).utf8))
                guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                    return .skipped(ImportProblem(.malformed, location: location, message: "not a JSON object"))
                }
                var values: [String: String] = [:]
                for (key, value) in object {
                    switch value {
                    case let text as String: values[key.lowercased()] = text
                    case let number as NSNumber: values[key.lowercased()] = number.stringValue
                    default: continue
                    }
                }
                return item(values, at: location)
            }
        }
        guard var parser else { return nil }
        guard let record = try parser.next() else { return encodingWarning(parser.decoder) }
        self.parser = parser
        let location = SourceLocation(file: stream.path, line: record.line)
        guard record.fields.count <= headers.count else {
            return .skipped(
                ImportProblem(
                    location: location,
                    message: "the record has \(record.fields.count) fields, the header \(headers.count)"))
        }
        var values: [String: String] = [:]
        for (index, field) in record.fields.enumerated() { values[headers[index]] = field }
        return item(values, at: location)
    }

    /// The warning, once, when the file mixed encodings (`decoder` read it); else `nil`: the end.
    private mutating func encodingWarning(_ decoder: MixedEncodingDecoder) -> CatalogItem? {
        guard !warned, decoder.windows1251Runs > 0, isJSON || decoder.isMixed else { return nil }
        warned = true
        return .warning(
            ImportProblem(
                .encoding, location: SourceLocation(file: stream.path, line: decoder.firstWindows1251Line),
                field: "encoding",
                message:
                    "the file mixes UTF-8 (\(decoder.utf8Runs) words) and Windows-1251 (\(decoder.windows1251Runs) "
                    + "words, the first on this line); each word was read in its own encoding"))
    }

    private func item(_ values: [String: String], at location: SourceLocation) -> CatalogItem {
        func value(_ keys: [String]) -> String? {
            for key in keys {
                if let text = values[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
                    return text
                }
            }
            return nil
        }
        let reference = SocialItem.ProductReference(
            id: value(["product_id", "productid", "offer_id", "item_id"]),
            sku: value(["sku", "vendorcode", "vendor_code", "article", "артикул"]),
            barcode: value(["barcode", "gtin", "ean", "штрихкод"]),
            url: value(["url", "link", "product_url"]),
            title: value(["product", "product_name", "product_title", "name", "товар"]))
        guard
            let text = value(["text", "review", "review_text", "body", "comment", "post", "message", "отзыв", "текст"])
        else {
            return .skipped(
                ImportProblem(location: location, recordID: reference.id, field: "text", message: "no text"))
        }
        guard !reference.isEmpty else {
            return .skipped(
                ImportProblem(
                    location: location, field: "product_id", message: "names no product (id, sku, barcode, url or name)"
                ))
        }
        let rating = value(["rating", "stars", "mark", "score", "оценка"]).flatMap(PriceText.number)
        let kindText = value(["kind", "type"])?.lowercased()
        let kind: SocialItem.Kind = kindText == "post" ? .post : kindText == "review" || rating != nil ? .review : .post
        return RecordCheck.checked(
            .social(
                SocialItem(
                    kind: kind, product: reference, text: text, rating: rating,
                    author: value(["author", "user", "reviewername", "reviewer", "user_name", "автор"]),
                    date: value(["date", "created_at", "published_at", "time", "дата"]).flatMap(Self.date),
                    likes: value(["likes", "like_count"]).flatMap { Int($0) },
                    reposts: value(["reposts", "shares", "repost_count"]).flatMap { Int($0) })), location)
    }

    /// Unix seconds from a number or an ISO 8601 date (with or without time).
    static func date(_ text: String) -> Double? {
        if let seconds = Double(text) { return seconds }
        if let date = try? Date(text, strategy: .iso8601) { return date.timeIntervalSince1970 }
        let day = Date.ISO8601FormatStyle().year().month().day()
        return (try? Date(text, strategy: day))?.timeIntervalSince1970
    }
}
