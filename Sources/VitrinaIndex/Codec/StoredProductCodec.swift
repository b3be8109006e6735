/// The binary form of a stored product: what segments keep to return hits.
///
/// Foundation's JSON coders took a third of query time and a tenth of indexing time in
/// profiles; this form is a fixed field order with presence markers, written and read with
/// ``ByteWriter``/``ByteReader``: strings as an optional marker (0 absent, 1 present) plus
/// length-prefixed UTF-8, numbers as a marker plus a float64, `available` as 0 absent / 1 false /
/// 2 true, lists as a count then items, `language` as 0 absent or 1 + its index in
/// `Language.allCases`.
///
/// Version 4 (written now) has two parts, so segments can keep what a hit shows apart from the
/// rest: a version byte, the summary's length (varint), the **summary**, then the **rest**.
///
/// The summary holds what a result list shows and what voice ranking reads: id, title, vendor,
/// price, old price, currency, available, url, the first picture, rating, review count, the
/// *indexed* language (the product's own, else the detected one), then a marker byte 1 and
/// model, vendor code, barcode, category path and a few parameters — colour and size first,
/// then the others in order, at most ``summaryParameterLimit`` of them and
/// ``summaryParameterBytes`` bytes of names, values and units — in catalog order.
///
/// The rest starts with the byte 2, then the product's own language, description, the
/// parameter count, how many of them the summary holds and their positions, the other
/// parameters, the other pictures, added/updated dates and review texts.
///
/// Version 3 (the same two parts, the summary ending after the language — the product's own —
/// and the rest starting with model, vendor code, barcode and category path and holding every
/// parameter) and versions 1 (every field in declaration order, no reviews) and 2 (version 1
/// plus review texts) are still read; each part says which layout it has, so segments may hold
/// both.
enum StoredProductCodec {
    static let version: UInt8 = 4
    /// The most parameters a summary holds.
    static let summaryParameterLimit = 30
    /// The most bytes of parameter names, values and units a summary holds.
    static let summaryParameterBytes = 256
    /// After a summary's language: the fields of version 4 follow.
    private static let summaryFieldsMarker: UInt8 = 1
    /// The first byte of a version-4 rest (a version-3 rest starts with model's marker, 0 or 1).
    private static let restMarker: UInt8 = 2

    /// Encodes `product` (version 4: summary, then the rest); `indexedLanguage` is the language
    /// the index analyzes it in (detected when not given).
    static func encode(_ product: Product, indexedLanguage: Language? = nil) -> [UInt8] {
        let indexed = indexedLanguage ?? DocumentBuilder.language(of: product)
        let held = summaryParameters(of: product)
        var summary = ByteWriter()
        encodeSummary(product, indexedLanguage: indexed, parameters: held, into: &summary)
        var out = ByteWriter()
        out.write(version)
        out.write(varint: summary.count)
        out.write(summary.bytes)
        encodeRest(product, summaryParameters: held, into: &out)
        return out.bytes
    }

    /// The positions of the parameters a summary holds, ascending: colour and size first, then
    /// the others in order, within ``summaryParameterLimit`` and ``summaryParameterBytes``.
    static func summaryParameters(of product: Product) -> [Int] {
        guard !product.parameters.isEmpty else { return [] }
        let preferred = product.parameters.indices.filter { isColourOrSize(product.parameters[$0].name) }
        let others = product.parameters.indices.filter { !isColourOrSize(product.parameters[$0].name) }
        var held: [Int] = []
        var bytes = 0
        for index in preferred + others {
            guard held.count < summaryParameterLimit else { break }
            let parameter = product.parameters[index]
            let size = parameter.name.utf8.count + parameter.value.utf8.count + (parameter.unit?.utf8.count ?? 0)
            guard bytes + size <= summaryParameterBytes else { continue }
            bytes += size
            held.append(index)
        }
        return held.sorted()
    }

    /// Whether a parameter name is a colour or a size (what voice queries name most).
    private static func isColourOrSize(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return ["цвет", "колер", "colo", "размер", "памер", "size"].contains { lowered.contains($0) }
    }

    /// Encodes `product` in version 3 (what format-2 segments written before version 4 hold);
    /// kept for compatibility tests.
    static func encodeVersion3(_ product: Product) -> [UInt8] {
        var summary = ByteWriter()
        encodeListFields(product, language: product.language, into: &summary)
        var out = ByteWriter()
        out.write(UInt8(3))
        out.write(varint: summary.count)
        out.write(summary.bytes)
        for value in [product.model, product.vendorCode, product.barcode] { write(value, into: &out) }
        out.write(varint: product.categoryPath.count)
        for level in product.categoryPath { out.write(string: level) }
        write(product.description, into: &out)
        out.write(varint: product.parameters.count)
        for parameter in product.parameters { write(parameter, into: &out) }
        out.write(varint: max(0, product.pictures.count - 1))
        for picture in product.pictures.dropFirst() { out.write(string: picture) }
        write(product.addedAt, into: &out)
        write(product.updatedAt, into: &out)
        out.write(varint: product.reviews.count)
        for review in product.reviews { out.write(string: review) }
        return out.bytes
    }

    /// Encodes `product` in version 2 (what format-1 segments hold); kept for compatibility tests.
    static func encodeVersion2(_ product: Product) -> [UInt8] {
        var out = ByteWriter()
        out.write(UInt8(2))
        out.write(string: product.id)
        for value in [product.title, product.vendor, product.model, product.vendorCode, product.barcode] {
            write(value, into: &out)
        }
        out.write(varint: product.categoryPath.count)
        for level in product.categoryPath { out.write(string: level) }
        write(product.description, into: &out)
        out.write(varint: product.parameters.count)
        for parameter in product.parameters {
            out.write(string: parameter.name)
            out.write(string: parameter.value)
            write(parameter.unit, into: &out)
        }
        write(product.price, into: &out)
        write(product.oldPrice, into: &out)
        write(product.currency, into: &out)
        out.write(product.available.map { $0 ? 2 : 1 } ?? 0)
        write(product.url, into: &out)
        out.write(varint: product.pictures.count)
        for picture in product.pictures { out.write(string: picture) }
        write(product.addedAt, into: &out)
        write(product.updatedAt, into: &out)
        write(product.rating, into: &out)
        write(product.reviewCount.map(Double.init), into: &out)
        let language = product.language.flatMap { Language.allCases.firstIndex(of: $0) }
        out.write(language.map { UInt8($0 + 1) } ?? 0)
        out.write(varint: product.reviews.count)
        for review in product.reviews { out.write(string: review) }
        return out.bytes
    }

    /// The summary and rest parts of bytes written by ``encode(_:)``.
    ///
    /// - Throws: ``IndexError`` `corrupt` for bytes of another version or a bad length.
    static func parts(_ bytes: UnsafeRawBufferPointer, file: String) throws -> (
        summary: UnsafeRawBufferPointer, rest: UnsafeRawBufferPointer
    ) {
        var reader = ByteReader(bytes, file: file)
        guard (3...version).contains(try reader.readByte()) else {
            throw IndexError.corrupt(file: file, offset: nil, "stored product is not of version 3 or \(version)")
        }
        let length = try reader.readInt()
        let summary = try reader.readBytes(length)
        return (summary, UnsafeRawBufferPointer(rebasing: bytes[reader.offset...]))
    }

    /// Writes the summary fields (what a hit shows) with the parameters at `parameters`
    /// (``summaryParameters(of:)`` when not given).
    static func encodeSummary(
        _ product: Product, indexedLanguage: Language? = nil, parameters: [Int]? = nil, into out: inout ByteWriter
    ) {
        encodeListFields(product, language: indexedLanguage ?? DocumentBuilder.language(of: product), into: &out)
        out.write(summaryFieldsMarker)
        for value in [product.model, product.vendorCode, product.barcode] { write(value, into: &out) }
        out.write(varint: product.categoryPath.count)
        for level in product.categoryPath { out.write(string: level) }
        let held = parameters ?? summaryParameters(of: product)
        out.write(varint: held.count)
        for index in held { write(product.parameters[index], into: &out) }
    }

    /// Writes what version 3's summary held: the fields a result list shows.
    private static func encodeListFields(_ product: Product, language: Language?, into out: inout ByteWriter) {
        out.write(string: product.id)
        write(product.title, into: &out)
        write(product.vendor, into: &out)
        write(product.price, into: &out)
        write(product.oldPrice, into: &out)
        write(product.currency, into: &out)
        out.write(product.available.map { $0 ? 2 : 1 } ?? 0)
        write(product.url, into: &out)
        write(product.pictures.first, into: &out)
        write(product.rating, into: &out)
        write(product.reviewCount.map(Double.init), into: &out)
        write(language, into: &out)
    }

    /// Writes the fields that are not in the summary (version 4), `summaryParameters` being
    /// the positions of the parameters the summary holds.
    static func encodeRest(_ product: Product, summaryParameters: [Int], into out: inout ByteWriter) {
        out.write(restMarker)
        write(product.language, into: &out)
        write(product.description, into: &out)
        out.write(varint: product.parameters.count)
        out.write(varint: summaryParameters.count)
        for index in summaryParameters { out.write(varint: index) }
        let held = Set(summaryParameters)
        for (index, parameter) in product.parameters.enumerated() where !held.contains(index) {
            write(parameter, into: &out)
        }
        out.write(varint: max(0, product.pictures.count - 1))
        for picture in product.pictures.dropFirst() { out.write(string: picture) }
        write(product.addedAt, into: &out)
        write(product.updatedAt, into: &out)
        out.write(varint: product.reviews.count)
        for review in product.reviews { out.write(string: review) }
    }

    /// Reads a summary written by ``encodeSummary(_:indexedLanguage:parameters:into:)``.
    ///
    /// A product with only those fields (its language the indexed one). A version-3 summary
    /// gives no model, codes, category or parameters, and the product's own language.
    static func decodeSummary(_ bytes: UnsafeRawBufferPointer, file: String) throws -> Product {
        var reader = ByteReader(bytes, file: file)
        var product = Product(id: try reader.readString())
        product.title = try readString(&reader)
        product.vendor = try readString(&reader)
        product.price = try readNumber(&reader)
        product.oldPrice = try readNumber(&reader)
        product.currency = try readString(&reader)
        let available = try reader.readByte()
        product.available = available == 0 ? nil : available == 2
        product.url = try readString(&reader)
        if let picture = try readString(&reader) { product.pictures = [picture] }
        product.rating = try readNumber(&reader)
        product.reviewCount = try readReviewCount(&reader, file: file)
        product.language = try readLanguage(&reader, file: file)
        guard reader.offset < bytes.count else { return product }  // version 3
        guard try reader.readByte() == summaryFieldsMarker else {
            throw reader.corrupt("unknown stored summary layout")
        }
        product.model = try readString(&reader)
        product.vendorCode = try readString(&reader)
        product.barcode = try readString(&reader)
        product.categoryPath = try (0..<reader.readCount(elementSize: 1, limit: 10_000)).map { _ in
            try reader.readString()
        }
        product.parameters = try (0..<reader.readCount(elementSize: 3, limit: summaryParameterLimit)).map { _ in
            try readParameter(&reader)
        }
        guard reader.offset == bytes.count else { throw reader.corrupt("bytes after a stored summary") }
        return product
    }

    /// Adds the fields written by ``encodeRest(_:summaryParameters:into:)`` (or version 3's
    /// rest) to `product`, a summary decoded by ``decodeSummary(_:file:)``: the whole product.
    static func decodeRest(_ bytes: UnsafeRawBufferPointer, into product: inout Product, file: String) throws {
        var reader = ByteReader(bytes, file: file)
        guard bytes.first == restMarker else { return try decodeVersion3Rest(&reader, into: &product) }
        _ = try reader.readByte()
        product.language = try readLanguage(&reader, file: file)
        product.description = try readString(&reader)
        let total = try reader.readCount(elementSize: 1, limit: 100_000)
        let heldCount = try reader.readCount(elementSize: 1, limit: total)
        guard heldCount == product.parameters.count else {
            throw reader.corrupt(
                "the rest counts \(heldCount) summary parameters, the summary has \(product.parameters.count)")
        }
        var held: [Int] = []
        for _ in 0..<heldCount {
            let index = try reader.readInt()
            let previous = held.last ?? -1
            guard index < total && index > previous else {
                throw reader.corrupt("summary parameter position \(index) out of order or range 0..<\(total)")
            }
            held.append(index)
        }
        var parameters: [Product.Parameter] = []
        parameters.reserveCapacity(total)
        var next = 0
        for index in 0..<total {
            if next < held.count && held[next] == index {
                parameters.append(product.parameters[next])
                next += 1
            } else {
                parameters.append(try readParameter(&reader))
            }
        }
        product.parameters = parameters
        try decodeTail(&reader, into: &product)
    }

    /// Version 3's rest: model, codes, category path, description, every parameter, then the tail.
    private static func decodeVersion3Rest(_ reader: inout ByteReader, into product: inout Product) throws {
        product.model = try readString(&reader)
        product.vendorCode = try readString(&reader)
        product.barcode = try readString(&reader)
        product.categoryPath = try (0..<reader.readCount(elementSize: 1, limit: 10_000)).map { _ in
            try reader.readString()
        }
        product.description = try readString(&reader)
        product.parameters = try (0..<reader.readCount(elementSize: 3, limit: 100_000)).map { _ in
            try readParameter(&reader)
        }
        try decodeTail(&reader, into: &product)
    }

    /// The other pictures, dates and reviews (the end of a rest of either version).
    private static func decodeTail(_ reader: inout ByteReader, into product: inout Product) throws {
        let pictures = try (0..<reader.readCount(elementSize: 1, limit: 100_000)).map { _ in try reader.readString() }
        product.pictures += pictures
        product.addedAt = try readNumber(&reader)
        product.updatedAt = try readNumber(&reader)
        product.reviews = try (0..<reader.readCount(elementSize: 1, limit: 1_000_000)).map { _ in
            try reader.readString()
        }
    }

    /// Whether a rest part has version 4's layout (its summary holds model, codes, category and
    /// parameters).
    static func isCurrentRest(_ bytes: UnsafeRawBufferPointer) -> Bool { bytes.first == restMarker }

    /// Decodes a product written by ``encode(_:)`` (any version).
    ///
    /// - Throws: ``IndexError`` `corrupt` for bytes that are not a stored product.
    static func decode(_ bytes: UnsafeRawBufferPointer, file: String) throws -> Product {
        var reader = ByteReader(bytes, file: file)
        let storedVersion = try reader.readByte()
        if storedVersion == 3 || storedVersion == version {
            let (summary, rest) = try parts(bytes, file: file)
            var product = try decodeSummary(summary, file: file)
            try decodeRest(rest, into: &product, file: file)
            return product
        }
        guard storedVersion == 1 || storedVersion == 2 else {
            throw IndexError.corrupt(file: file, offset: nil, "unknown stored product version")
        }
        var product = Product(id: try reader.readString())
        product.title = try readString(&reader)
        product.vendor = try readString(&reader)
        product.model = try readString(&reader)
        product.vendorCode = try readString(&reader)
        product.barcode = try readString(&reader)
        product.categoryPath = try (0..<reader.readCount(elementSize: 1, limit: 10_000)).map { _ in
            try reader.readString()
        }
        product.description = try readString(&reader)
        product.parameters = try (0..<reader.readCount(elementSize: 3, limit: 100_000)).map { _ in
            Product.Parameter(
                name: try reader.readString(), value: try reader.readString(), unit: try readString(&reader))
        }
        product.price = try readNumber(&reader)
        product.oldPrice = try readNumber(&reader)
        product.currency = try readString(&reader)
        let available = try reader.readByte()
        product.available = available == 0 ? nil : available == 2
        product.url = try readString(&reader)
        product.pictures = try (0..<reader.readCount(elementSize: 1, limit: 100_000)).map { _ in try reader.readString()
        }
        product.addedAt = try readNumber(&reader)
        product.updatedAt = try readNumber(&reader)
        product.rating = try readNumber(&reader)
        product.reviewCount = try readReviewCount(&reader, file: file)
        product.language = try readLanguage(&reader, file: file)
        if storedVersion >= 2 {
            product.reviews = try (0..<reader.readCount(elementSize: 1, limit: 1_000_000)).map { _ in
                try reader.readString()
            }
        }
        return product
    }

    private static func readReviewCount(_ reader: inout ByteReader, file: String) throws -> Int? {
        guard let count = try readNumber(&reader) else { return nil }
        guard let exact = Int(exactly: count) else {
            throw IndexError.corrupt(file: file, offset: nil, "review count \(count) in a stored product")
        }
        return exact
    }

    private static func readLanguage(_ reader: inout ByteReader, file: String) throws -> Language? {
        let language = Int(try reader.readByte())
        guard language <= Language.allCases.count else {
            throw reader.corrupt("unknown language in a stored product")
        }
        return language == 0 ? nil : Language.allCases[language - 1]
    }

    private static func write(_ language: Language?, into out: inout ByteWriter) {
        let index = language.flatMap { Language.allCases.firstIndex(of: $0) }
        out.write(index.map { UInt8($0 + 1) } ?? 0)
    }

    private static func write(_ parameter: Product.Parameter, into out: inout ByteWriter) {
        out.write(string: parameter.name)
        out.write(string: parameter.value)
        write(parameter.unit, into: &out)
    }

    private static func readParameter(_ reader: inout ByteReader) throws -> Product.Parameter {
        Product.Parameter(name: try reader.readString(), value: try reader.readString(), unit: try readString(&reader))
    }

    private static func write(_ value: String?, into out: inout ByteWriter) {
        guard let value else { return out.write(UInt8(0)) }
        out.write(UInt8(1))
        out.write(string: value)
    }

    private static func write(_ value: Double?, into out: inout ByteWriter) {
        guard let value else { return out.write(UInt8(0)) }
        out.write(UInt8(1))
        out.write(f64: value)
    }

    private static func readString(_ reader: inout ByteReader) throws -> String? {
        try reader.readByte() == 0 ? nil : try reader.readString()
    }

    private static func readNumber(_ reader: inout ByteReader) throws -> Double? {
        try reader.readByte() == 0 ? nil : try reader.readF64()
    }
}
