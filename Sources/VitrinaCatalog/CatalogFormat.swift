import Foundation

/// The kinds of input `vitrina index` reads, detected from a file's first bytes.
public enum CatalogFormat: String, Sendable, Equatable, Codable, CaseIterable {
    /// Yandex Market Language (`yml_catalog`).
    case yml
    /// 1C CommerceML 2 (`КоммерческаяИнформация`: an import.xml catalog or an offers.xml package).
    case commerceml
    /// CSV (or TSV) product export.
    case csv
    /// Vitrina's canonical JSONL products.
    case jsonl
    /// Reviews and posts (JSONL or CSV) to attach to products.
    case social

    /// How many bytes ``detect(_:)`` looks at.
    public static let sampleSize = 64 << 10

    /// The format of a file starting with `sample`, or `nil` when it is none of ours.
    ///
    /// XML by its root element (the name is searched in the sample, so a DOCTYPE or comments
    /// before it do not matter). JSON lines and CSV headers by their keys: a text column with no
    /// title column, or with a reviewer or rating column, means reviews; anything else with a
    /// delimiter in its first line is a CSV catalog.
    public static func detect(_ sample: some Collection<UInt8>) -> CatalogFormat? {
        var bytes = Array(sample.prefix(sampleSize))
        bytes.removeFirst(TextEncoding.byteOrderMarkLength(bytes))
        guard let first = bytes.firstIndex(where: { !Self.isSpace($0) }) else { return nil }
        let text = TextEncoding.detect(bytes).decode(bytes[first...])
        if bytes[first] == UInt8(ascii: "<") {
            if text.contains("<yml_catalog") { return .yml }
            if text.contains("КоммерческаяИнформация") { return .commerceml }
            return nil
        }
        let firstLine = String(text.prefix { $0 != "\n" && $0 != "\r" })
        if bytes[first] == UInt8(ascii: "{") {
            return Self.looksSocial(keys: Self.jsonKeys(firstLine)) ? .social : .jsonl
        }
        let header = text.split(whereSeparator: \.isNewline).first { !$0.hasPrefix("#") }.map(String.init) ?? ""
        guard header.contains(where: { $0 == "," || $0 == ";" || $0 == "\t" }) else { return nil }
        let columns = header.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" }).map {
            $0.trimmingCharacters(in: ["\"", " "]).lowercased()
        }
        return Self.looksSocial(keys: columns) ? .social : .csv
    }

    /// The format of the file at `path`.
    ///
    /// - Throws: ``ImportProblem`` when the file cannot be read or its format is not recognized.
    public static func detect(path: String) throws -> CatalogFormat {
        let stream = try ByteStream(path: path, chunkSize: sampleSize)
        guard let format = detect(try stream.peek(sampleSize)) else {
            throw ImportProblem(
                .unsupported, location: SourceLocation(file: path, line: 1),
                message: "not a catalog Vitrina reads (expected YML, CommerceML, CSV, JSONL or reviews); "
                    + "use --format to say which")
        }
        return format
    }

    /// Whether a CommerceML file is an offers package (`ПакетПредложений`: prices and stock)
    /// rather than a catalog, judging by its first bytes.
    ///
    /// - Throws: ``ImportProblem`` when the file cannot be read.
    public static func isCommerceMLOffersPackage(path: String) throws -> Bool {
        let stream = try ByteStream(path: path, chunkSize: sampleSize)
        let sample = try stream.peek(sampleSize)
        let text = TextEncoding.detect(sample).decode(sample)
        guard let package = text.range(of: "ПакетПредложений") else { return false }
        guard let catalog = text.range(of: "<Каталог") ?? text.range(of: "<Классификатор") else { return true }
        return package.lowerBound < catalog.lowerBound
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Top-level-looking keys of a JSON object line (`"key":`), lowercased.
    private static func jsonKeys(_ line: String) -> [String] {
        var keys: [String] = []
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "\"") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "\"") else { break }
            let afterClose = rest.index(after: close)
            if rest[afterClose...].drop(while: { $0 == " " }).first == ":" {
                keys.append(rest[afterOpen..<close].lowercased())
            }
            rest = rest[afterClose...]
        }
        return keys
    }

    /// Whether record keys describe reviews or posts rather than products.
    private static func looksSocial(keys: [String]) -> Bool {
        let set = Set(keys)
        let textKeys: Set<String> = ["text", "review", "review_text", "body", "comment", "post", "message"]
        let productKeys: Set<String> = ["title", "name", "название", "наименование", "товар"]
        let reviewKeys: Set<String> = ["mark", "stars", "rating", "author", "reviewername", "reviewer", "likes"]
        return !set.isDisjoint(with: textKeys)
            && (set.isDisjoint(with: productKeys) || !set.isDisjoint(with: reviewKeys))
    }
}
