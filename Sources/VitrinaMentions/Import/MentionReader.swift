import Foundation
import VitrinaModel

/// Reads mentions from JSONL, a JSON array, a Telegram Desktop export (`result.json`) or CSV.
///
/// Keys and column names are matched case-insensitively, with spaces, dots and dashes read as
/// `_` (`likes.count` = `likes_count`); nested objects such as VK's `"likes": {"count": 5}` are
/// read as `likes_count`. README ("Mentions") lists every accepted name:
///
/// | field | names |
/// |---|---|
/// | id | `id`, `mention_id`, `post_id`, `message_id`, `comment_id`, `review_id`, `feedback_id` |
/// | text | `text`, `message`, `body`, `comment`, `review`, `review_text`, `post`, `content`, `текст`, `отзыв`, `текст_отзыва`, `комментарий` |
/// | source | `source`, `network`, `platform`, `site`, `источник`, `площадка` (else from the URL, else the reader's default) |
/// | date | `date`, `created_at`, `published_at`, `time`, `timestamp`, `date_unixtime`, `дата`, `дата_отзыва` |
///
/// A record without an id gets one from its source, author, date and text, so importing the same
/// file twice replaces rather than duplicates. A record without text is skipped with its line; a
/// value that cannot be read (a date, a count, a rating outside 0–5) is dropped with a warning.
public struct MentionReader {
    /// Mentions read, in file order.
    public private(set) var mentions: [Mention] = []
    /// Every record skipped and every field dropped, with its location.
    public private(set) var problems: [MentionProblem] = []

    /// The source used when a record names none and its URL says nothing.
    public let defaultSource: String

    /// Creates a reader; `defaultSource` names the source of records that do not say it.
    public init(defaultSource: String = "other") {
        self.defaultSource = defaultSource
    }

    /// Reads every record of the file at `path`.
    ///
    /// - Throws: ``MentionsError`` `io` when the file cannot be read, `malformed` for a file that
    ///   is neither JSON nor delimited text or a CSV quote never closed.
    public mutating func read(path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw MentionsError(.io, location: path, message: "cannot read the file (\(error.localizedDescription))")
        }
        try read(data: data, name: path)
    }

    /// Reads the records in `data`; `name` is the file name used in locations.
    ///
    /// - Throws: ``MentionsError`` `malformed` for a CSV quote never closed or an empty CSV file.
    public mutating func read(data: Data, name: String) throws {
        let text = Self.decode(data)
        let firstCharacter = text.unicodeScalars.first { !$0.properties.isWhitespace }
        if firstCharacter == "[" || (firstCharacter == "{" && Self.isTelegramExport(text)) {
            try readWholeJSON(text, name: name)
        } else if firstCharacter == "{" {
            readJSONLines(text, name: name)
        } else if firstCharacter != nil {
            try readDelimited(text, name: name)
        }
    }

    // MARK: - Formats

    private mutating func readJSONLines(_ text: String, name: String) {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            let location = "\(name):\(lineNumber)"
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                problems.append(
                    MentionProblem(location: location, message: "not a JSON object on one line", skipped: true))
                continue
            }
            add(Self.flatten(object), location: location)
        }
    }

    private mutating func readWholeJSON(_ text: String, name: String) throws {
        let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8))
        var records: [[String: Any]]
        var source: String?
        if let array = parsed as? [Any] {
            records = array.compactMap { $0 as? [String: Any] }
            if records.count != array.count {
                problems.append(
                    MentionProblem(
                        location: name, message: "\(array.count - records.count) array items are not objects",
                        skipped: true))
            }
        } else if let export = parsed as? [String: Any], let messages = export["messages"] as? [Any] {
            // Telegram Desktop: {"name": channel, "type": ..., "messages": [...]}; service messages have no text.
            records = messages.compactMap { $0 as? [String: Any] }.filter { ($0["type"] as? String) != "service" }
            source = "telegram"
            if let channel = export["name"] as? String {
                records = records.map {
                    var record = $0; record["channel"] = channel; return record
                }
            }
        } else {
            throw MentionsError(
                .malformed, location: name, message: "expected a JSON array of mentions or a Telegram export")
        }
        for (number, record) in records.enumerated() {
            var values = Self.flatten(record)
            if let source, values["source"] == nil { values["source"] = source }
            add(values, location: "\(name):item \(number + 1)")
        }
    }

    private mutating func readDelimited(_ text: String, name: String) throws {
        var records = DelimitedRecords(text: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, file: name)
        guard let header = try records.next() else {
            throw MentionsError(.malformed, location: "\(name):1", message: "empty file: expected a header line")
        }
        let names = header.fields.map(Self.normalizeKey)
        while let record = try records.next() {
            let location = "\(name):\(record.line)"
            guard record.fields.count <= names.count else {
                problems.append(
                    MentionProblem(
                        location: location,
                        message: "the record has \(record.fields.count) fields, the header \(names.count)",
                        skipped: true))
                continue
            }
            var values: [String: String] = [:]
            for (index, field) in record.fields.enumerated() where !field.isEmpty { values[names[index]] = field }
            add(values, location: location)
        }
    }

    // MARK: - Records

    static let idKeys = [
        "id", "id_отзыва", "mention_id", "post_id", "message_id", "comment_id", "review_id", "feedback_id",
    ]
    static let textKeys = [
        "text", "message", "body", "comment", "review", "review_text", "post", "content", "текст", "отзыв",
        "текст_отзыва", "комментарий",
    ]
    static let sourceKeys = ["source", "network", "platform", "site", "источник", "площадка"]
    static let dateKeys = [
        "date", "created_at", "published_at", "time", "timestamp", "date_unixtime", "дата", "дата_отзыва",
    ]

    private mutating func add(_ values: [String: String], location: String) {
        func value(_ keys: [String]) -> String? {
            for key in keys {
                if let text = values[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
                    return text
                }
            }
            return nil
        }
        let givenID = value(Self.idKeys)
        guard let text = value(Self.textKeys) else {
            problems.append(
                MentionProblem(location: location, recordID: givenID, field: "text", message: "no text", skipped: true))
            return
        }
        func warn(_ field: String, _ message: String) {
            problems.append(
                MentionProblem(location: location, recordID: givenID, field: field, message: message, skipped: false))
        }
        func count(_ field: String, _ keys: [String]) -> Int? {
            guard let raw = value(keys) else { return nil }
            let digits = raw.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
            if let number = Int(digits), number >= 0 { return number }
            if let short = Self.shortCount(digits) { return short }
            warn(field, "expected a count (a whole number ≥ 0), found \(raw.prefix(40))")
            return nil
        }
        let url = value(["url", "link", "permalink", "post_url", "mention_url", "ссылка"])
        let author = value([
            "author", "from", "from_name", "user", "user_name", "username", "reviewername", "reviewer", "автор",
            "имя", "имя_покупателя", "channel",
        ])
        var date: Double?
        if let raw = value(Self.dateKeys) {
            date = Self.date(raw)
            if date == nil { warn("date", "expected ISO 8601, dd.mm.yyyy or Unix seconds, found \(raw.prefix(40))") }
        }
        var rating: Double?
        if let raw = value(["rating", "stars", "mark", "score", "оценка", "productvaluation", "product_valuation"]) {
            if let number = Double(raw.replacingOccurrences(of: ",", with: ".")), number >= 0, number <= 5 {
                rating = number
            } else {
                warn("rating", "expected a number from 0 to 5, found \(raw.prefix(40))")
            }
        }
        var kind: Mention.Kind?
        if let raw = value(["kind", "type"])?.lowercased() {
            kind = Mention.Kind(rawValue: raw)
            if kind == nil && raw != "message" {
                warn("kind", "expected review, post or comment, found \(raw.prefix(40))")
            }
        }
        if kind == nil { kind = rating != nil ? .review : nil }
        let product = Mention.ProductReference(
            id: value(["product_id", "productid", "offer_id", "item_id", "nm_id", "nmid"]),
            sku: value([
                "sku", "vendor_code", "vendorcode", "article", "артикул", "supplierarticle", "артикул_продавца",
            ]),
            barcode: value(["barcode", "gtin", "ean", "штрихкод"]),
            url: value(["product_url"]),
            title: value(["product", "product_name", "product_title", "товар", "название_товара", "productname"]))
        let source =
            value(Self.sourceKeys).map { $0.lowercased() } ?? url.flatMap(Self.source(ofURL:)) ?? defaultSource
        var language: Language?
        if let raw = value(["language", "lang", "язык"])?.lowercased() {
            language = Language(rawValue: raw)
            if language == nil { warn("language", "expected ru, be or other, found \(raw.prefix(20))") }
        }
        let id = givenID ?? Self.contentID(source: source, author: author, date: date, text: text)
        mentions.append(
            Mention(
                id: id, text: text, kind: kind, source: source, url: url, author: author,
                followers: count(
                    "followers",
                    [
                        "followers", "author_followers", "followers_count", "subscribers", "subscribers_count",
                        "подписчики",
                    ]), date: date,
                likes: count("likes", ["likes", "likes_count", "like_count", "лайки", "reactions"]),
                reposts: count(
                    "reposts", ["reposts", "reposts_count", "repost_count", "shares", "forwards", "репосты"]),
                comments: count("comments", ["comments", "comments_count", "replies", "комментарии"]),
                rating: rating, product: product.isEmpty ? nil : product, brand: value(["brand", "бренд"]),
                category: value(["category", "категория"]), language: language))
    }

    // MARK: - Values

    /// `likes.count`, `Likes Count`, `likes-count` → `likes_count`.
    static func normalizeKey(_ key: String) -> String {
        var result = ""
        for character in key.lowercased().trimmingCharacters(in: .whitespaces) {
            result.append(character == " " || character == "." || character == "-" ? "_" : character)
        }
        return result.hasPrefix("\u{FEFF}") ? String(result.dropFirst()) : result
    }

    /// Flattens a JSON object to text values: nested objects as `parent_child`, a nested `count`
    /// also as the parent itself; Telegram's text arrays (strings and `{"text": …}` pieces) joined.
    static func flatten(_ object: [String: Any], prefix: String = "") -> [String: String] {
        var values: [String: String] = [:]
        for (rawKey, value) in object {
            let key = prefix + normalizeKey(rawKey)
            switch value {
            case let text as String: values[key] = text
            case let number as NSNumber: values[key] = number.stringValue
            case let nested as [String: Any]:
                values.merge(flatten(nested, prefix: key + "_")) { first, _ in first }
                if let count = nested["count"] as? NSNumber { values[key] = count.stringValue }
            case let pieces as [Any] where key == "text" || key == "message":
                values[key] = pieces.map { piece in
                    (piece as? String) ?? ((piece as? [String: Any])?["text"] as? String) ?? ""
                }.joined()
            case let reactions as [Any] where key == "reactions":
                values[key] = String(reactions.reduce(0) { $0 + ((($1 as? [String: Any])?["count"] as? Int) ?? 0) })
            default: continue
            }
        }
        return values
    }

    /// `1,2K`, `3К`, `1.5M` → counts as social networks abbreviate them.
    static func shortCount(_ text: String) -> Int? {
        guard let last = text.last else { return nil }
        let scale: Double
        switch last {
        case "k", "K", "к", "К": scale = 1_000
        case "m", "M", "м", "М": scale = 1_000_000
        default: return nil
        }
        guard let number = Double(text.dropLast().replacingOccurrences(of: ",", with: ".")), number >= 0 else {
            return nil
        }
        return Int(number * scale)
    }

    /// Unix seconds of a date as mention files write it; `nil` when it is none of the accepted forms.
    ///
    /// Accepted: Unix seconds (milliseconds when above 10¹²), ISO 8601 with or without time,
    /// `yyyy-MM-dd HH:mm[:ss]`, `dd.MM.yyyy[ HH:mm]` (UTC).
    public static func parseDate(_ text: String) -> Double? { date(text) }

    static func date(_ text: String) -> Double? {
        if let number = Double(text) { return number > 1e12 ? number / 1000 : number }
        if let date = try? Date(text, strategy: .iso8601) { return date.timeIntervalSince1970 }
        let scalars = Array(text.unicodeScalars)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            var value = 0
            for index in range {
                let code = scalars[index].value
                guard code >= 48, code <= 57 else { return nil }
                value = value * 10 + Int(code - 48)
            }
            return value
        }
        var components = DateComponents()
        components.timeZone = TimeZone(identifier: "UTC")
        if let year = digits(0..<4), scalars.count >= 10, scalars[4] == "-", let month = digits(5..<7),
            let day = digits(8..<10)
        {
            (components.year, components.month, components.day) = (year, month, day)
        } else if let day = digits(0..<2), scalars.count >= 10, scalars[2] == ".", let month = digits(3..<5),
            let year = digits(6..<10)
        {
            (components.year, components.month, components.day) = (year, month, day)
        } else {
            return nil
        }
        if scalars.count >= 16, scalars[10] == " " || scalars[10] == "T", let hour = digits(11..<13),
            scalars[13] == ":", let minute = digits(14..<16)
        {
            (components.hour, components.minute) = (hour, minute)
            if scalars.count >= 19, scalars[16] == ":", let second = digits(17..<19) { components.second = second }
        } else if scalars.count > 10 {
            return nil
        }
        guard (1...12).contains(components.month ?? 0), (1...31).contains(components.day ?? 0) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.date(from: components)?.timeIntervalSince1970
    }

    /// The source a URL's host implies, if any.
    static func source(ofURL url: String) -> String? {
        let lowered = url.lowercased()
        let table: [(String, String)] = [
            ("vk.com", "vk"), ("vk.ru", "vk"), ("t.me", "telegram"), ("telegram", "telegram"),
            ("youtube.com", "youtube"), ("youtu.be", "youtube"), ("wildberries", "marketplace"),
            ("ozon.", "marketplace"), ("market.yandex", "marketplace"), ("onliner.by", "marketplace"),
            ("yandex.ru/maps", "maps"), ("yandex.by/maps", "maps"), ("2gis", "maps"), ("google.com/maps", "maps"),
            ("forum", "forum"), ("otzovik", "site"), ("irecommend", "site"),
        ]
        return table.first { lowered.contains($0.0) }?.1
    }

    /// A stable id for a record that has none: FNV-1a over its source, author, date and text.
    static func contentID(source: String, author: String?, date: Double?, text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(source)|\(author ?? "")|\(date.map { String(Int($0)) } ?? "")|\(text)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return "\(source)-" + String(hash, radix: 16)
    }

    /// UTF-8 text, else Windows-1251 (Russian and Belarusian exports from older tools).
    static func decode(_ data: Data) -> String {
        if let text = String(validating: data, as: UTF8.self) { return text }
        var scalars = String.UnicodeScalarView()
        for byte in data {
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
            } else if let scalar = Unicode.Scalar(windows1251High[Int(byte - 0x80)]) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    static func isTelegramExport(_ text: String) -> Bool {
        // A JSONL file's first line is a whole object; a Telegram export's first line is `{`.
        guard let firstLine = text.split(separator: "\n", maxSplits: 1).first else { return false }
        return (try? JSONSerialization.jsonObject(with: Data(firstLine.utf8))) == nil
            && text.contains("\"messages\"")
    }

    /// Windows-1251 bytes 0x80–0xFF as Unicode code points.
    static let windows1251High: [UInt32] =
        [
            0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A,
            0x040C, 0x040B, 0x040F, 0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0xFFFD, 0x2122,
            0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, 0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6,
            0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407, 0x00B0, 0x00B1, 0x0406, 0x0456,
            0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
        ] + (0x0410...0x044F).map { UInt32($0) }
}
