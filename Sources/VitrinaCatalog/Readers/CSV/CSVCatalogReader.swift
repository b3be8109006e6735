import Foundation
import VitrinaModel

/// Reads a CSV (or TSV) product export, one record at a time, through a header preset.
///
/// The encoding (UTF-8 with or without BOM, or Windows-1251) is decided word by word, so a file
/// that mixes them reads right, with a warning at its end; the delimiter (`,`, `;` or TAB) from the header line, unless given. Meta's `# …` metadata lines
/// before the header are skipped. The preset is detected from the header (the one that knows
/// most columns) unless given; ``CSVColumnMap`` overrides single fields.
///
/// A record is skipped, with its line, column and id, when it has more fields than the header,
/// no id (nor article to use as one), no title (nor vendor and model), an id seen before in the
/// file, or a price that is not a number. A record with an id and a price or availability but no
/// title is a price/stock update.
public struct CSVCatalogReader: CatalogReader {
    /// The preset in use (given or detected).
    public let preset: CSVPreset
    private let stream: ByteStream
    private var parser: CSVParser
    private let headers: [String]
    private var columns: [CSVField: [Int]] = [:]
    private var parameterColumns: [(index: Int, name: String)] = []
    private var ids = DuplicateIDs()
    private var warned = false

    /// Opens `path` and reads its header.
    ///
    /// - Throws: ``ImportProblem`` when the file cannot be read, has no header, or a `--map`
    ///   column is not in the header.
    public init(
        path: String, preset: CSVPreset? = nil, map: CSVColumnMap = CSVColumnMap(), delimiter: UInt8? = nil,
        encoding: TextEncoding? = nil
    ) throws {
        stream = try ByteStream(path: path)
        let sample = try stream.peek(CatalogFormat.sampleSize)
        let encoding = encoding ?? TextEncoding.detect(sample)
        try stream.skip(TextEncoding.byteOrderMarkLength(sample))
        var comment: [UInt8] = []
        while (try stream.peek(1).first) == UInt8(ascii: "#") { _ = try stream.readLine(into: &comment) }
        let headerSample = try stream.peek(CatalogFormat.sampleSize)
        let delimiter = delimiter ?? CSVParser.sniffDelimiter(headerSample)
        parser = CSVParser(stream: stream, delimiter: delimiter, encoding: encoding)
        guard let header = try parser.next() else {
            throw ImportProblem(
                .malformed, location: SourceLocation(file: path, line: 1), message: "empty file: no header line")
        }
        headers = header.fields
        let normalized = headers.map(CSVPreset.normalize)
        let preset = preset ?? CSVPreset.detect(normalized)
        self.preset = preset
        for (field, names) in preset.columns {
            let indices = names.flatMap { name in normalized.indices.filter { normalized[$0] == name } }
            if !indices.isEmpty { columns[field] = indices }
        }
        for (field, column) in map.columns {
            guard let index = normalized.firstIndex(of: CSVPreset.normalize(column)) else {
                throw ImportProblem(
                    .usage, location: SourceLocation(file: path, line: header.line), field: column,
                    message: "--map names a column the header does not have")
            }
            columns[field] = [index]
        }
        let mapped = Set(columns.values.joined())
        for (index, name) in normalized.enumerated() where !mapped.contains(index) && !name.isEmpty {
            if let names = preset.parameterColumns {
                if let parameter = names[name] { parameterColumns.append((index, parameter)) }
            } else if !name.hasPrefix("unnamed") {
                parameterColumns.append((index, headers[index].trimmingCharacters(in: .whitespaces)))
            }
        }
    }

    /// Bytes consumed so far.
    public var bytesRead: Int { stream.bytesRead }

    /// The next product, update or skipped record; `nil` at the end of the file.
    ///
    /// - Throws: ``ImportProblem`` for a quoted field never closed.
    public mutating func next() throws -> CatalogItem? {
        guard let record = try parser.next() else {
            guard !warned, let warning = parser.encodingWarning else { return nil }
            warned = true
            return .warning(warning)
        }
        return item(record)
    }

    private mutating func item(_ record: CSVParser.Record) -> CatalogItem {
        let location = SourceLocation(file: stream.path, line: record.line)
        let fields = record.fields
        func value(_ field: CSVField) -> String? {
            for index in columns[field] ?? [] where index < fields.count {
                let text = fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { return text }
            }
            return nil
        }
        func header(_ field: CSVField) -> String {
            (columns[field]?.first).map { headers[$0] } ?? field.rawValue
        }
        let id = value(.id) ?? value(.vendorCode)
        func skip(_ message: String, field: String? = nil) -> CatalogItem {
            .skipped(ImportProblem(location: location, recordID: id, field: field, message: message))
        }
        guard fields.count <= headers.count else {
            return skip("the record has \(fields.count) fields, the header \(headers.count)")
        }
        guard let id else { return skip("no id", field: header(.id)) }
        if let duplicate = ids.check(id, at: location, field: header(.id)) { return .skipped(duplicate) }

        var prices: [CSVField: Double] = [:]
        var currency = value(.currency).map { PriceText.currency($0) ?? $0.uppercased() }
        for field in [CSVField.price, .oldPrice, .salePrice] {
            guard let text = value(field) else { continue }
            let number: Double
            switch PriceText.price(text) {
            case .success(let value): number = value
            case .failure(let reason): return skip(reason.message, field: header(field))
            }
            prices[field] = number
            if currency == nil { currency = Self.trailingCurrency(text) }
        }
        if let sale = prices[.salePrice], let regular = prices[.price], sale < regular {
            prices[.oldPrice] = regular
            prices[.price] = sale
        }
        let available = value(.available).flatMap(Self.availability)
        let vendor = value(.vendor)
        let model = value(.model)
        var title = value(.title)
        if title == nil, vendor != nil || model != nil {
            title = [vendor, model].compactMap { $0 }.joined(separator: " ")
        }
        guard let title else {
            guard prices[.price] != nil || available != nil else { return skip("no title", field: header(.title)) }
            return RecordCheck.checked(
                .offerUpdate(
                    OfferUpdate(
                        id: id, price: prices[.price], oldPrice: prices[.oldPrice], currency: currency,
                        available: available)), location)
        }
        let parameters = parameterColumns.compactMap { column -> Product.Parameter? in
            guard column.index < fields.count else { return nil }
            let text = fields[column.index].trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : Product.Parameter(name: column.name, value: text)
        }
        let pictures = (columns[.picture] ?? []).compactMap { index -> String? in
            guard index < fields.count else { return nil }
            let text = fields[index].trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        let product = Product(
            id: id, title: title, vendor: vendor, model: model, vendorCode: value(.vendorCode),
            barcode: value(.barcode), categoryPath: value(.category).map(Self.categoryPath) ?? [],
            description: value(.description).map(HTMLText.plainText), parameters: parameters,
            price: prices[.price], oldPrice: prices[.oldPrice], currency: currency, available: available,
            url: value(.url), pictures: pictures, rating: value(.rating).flatMap(PriceText.number),
            reviewCount: value(.reviewCount).flatMap(PriceText.number).map { Int($0) })
        return RecordCheck.checked(.product(product), location)
    }

    /// `in stock`, `да`, `есть`, `ёсць`, `1`, a positive count → true; `out of stock`, `нет`,
    /// `няма`, `0` → false; anything else (`preorder`, `под заказ`) → unknown.
    static func availability(_ text: String) -> Bool? {
        let key = text.lowercased().replacingOccurrences(of: "_", with: " ")
        switch key {
        case "in stock", "instock", "available", "да", "есть", "в наличии", "true", "yes", "так", "ёсць", "+":
            return true
        case "out of stock", "outofstock", "нет", "нет в наличии", "false", "no", "не", "няма", "-", "discontinued":
            return false
        default:
            if let count = Double(key) { return count > 0 }
            return nil
        }
    }

    /// The currency after a price (`1990.00 RUB`), if any.
    static func trailingCurrency(_ text: String) -> String? {
        let suffix = text.drop { $0.isNumber || $0 == "." || $0 == "," || $0 == " " || $0 == "\u{00A0}" }
        return suffix.isEmpty ? nil : PriceText.currency(String(suffix))
    }

    /// `A > B` or `A/B` split into levels.
    static func categoryPath(_ text: String) -> [String] {
        let separator: Character = text.contains(">") ? ">" : "/"
        return text.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
