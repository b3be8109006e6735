/// The binary form of a stored product: what segments keep to return hits.
///
/// Foundation's JSON coders took a third of query time and a tenth of indexing time in
/// profiles; this form is a fixed field order with presence markers, written and read with
/// ``ByteWriter``/``ByteReader``: strings as an optional marker (0 absent, 1 present) plus
/// length-prefixed UTF-8, numbers as a marker plus a float64, `available` as 0 absent / 1 false /
/// 2 true, lists as a count then items, `language` as 0 absent or 1 + its index in
/// `Language.allCases`.
///
/// Version 3 (written now) has two parts, so segments can keep what a hit shows apart from the
/// rest: a version byte, the summary's length (varint), the **summary** — id, title, vendor,
/// price, old price, currency, available, url, the first picture, rating, review count,
/// language — then the **rest** — model, vendor code, barcode, category path, description,
/// parameters, the other pictures, added/updated dates, review texts. Versions 1 (every field in
/// declaration order, no reviews) and 2 (version 1 plus review texts) are still read.
enum StoredProductCodec {
    static let version: UInt8 = 3

    /// Encodes `product` (version 3: summary, then the rest).
    static func encode(_ product: Product) -> [UInt8] {
        var summary = ByteWriter()
        encodeSummary(product, into: &summary)
        var out = ByteWriter()
        out.write(version)
        out.write(varint: summary.count)
        out.write(summary.bytes)
        encodeRest(product, into: &out)
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
        guard try reader.readByte() == version else {
            throw IndexError.corrupt(file: file, offset: nil, "stored product is not of version \(version)")
        }
        let length = try reader.readInt()
        let summary = try reader.readBytes(length)
        return (summary, UnsafeRawBufferPointer(rebasing: bytes[reader.offset...]))
    }

    /// Writes the summary fields (what a hit shows).
    static func encodeSummary(_ product: Product, into out: inout ByteWriter) {
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
        let language = product.language.flatMap { Language.allCases.firstIndex(of: $0) }
        out.write(language.map { UInt8($0 + 1) } ?? 0)
    }

    /// Writes the fields that are not in the summary.
    static func encodeRest(_ product: Product, into out: inout ByteWriter) {
        for value in [product.model, product.vendorCode, product.barcode] { write(value, into: &out) }
        out.write(varint: product.categoryPath.count)
        for level in product.categoryPath { out.write(string: level) }
        write(product.description, into: &out)
        out.write(varint: product.parameters.count)
        for parameter in product.parameters {
            out.write(string: parameter.name)
            out.write(string: parameter.value)
            write(parameter.unit, into: &out)
        }
        out.write(varint: max(0, product.pictures.count - 1))
        for picture in product.pictures.dropFirst() { out.write(string: picture) }
        write(product.addedAt, into: &out)
        write(product.updatedAt, into: &out)
        out.write(varint: product.reviews.count)
        for review in product.reviews { out.write(string: review) }
    }

    /// Reads a summary written by ``encodeSummary(_:into:)``: a product with only those fields.
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
        return product
    }

    /// Adds the fields written by ``encodeRest(_:into:)`` to `product`.
    static func decodeRest(_ bytes: UnsafeRawBufferPointer, into product: inout Product, file: String) throws {
        var reader = ByteReader(bytes, file: file)
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
        let pictures = try (0..<reader.readCount(elementSize: 1, limit: 100_000)).map { _ in try reader.readString() }
        product.pictures += pictures
        product.addedAt = try readNumber(&reader)
        product.updatedAt = try readNumber(&reader)
        product.reviews = try (0..<reader.readCount(elementSize: 1, limit: 1_000_000)).map { _ in
            try reader.readString()
        }
    }

    /// Decodes a product written by ``encode(_:)`` (any version).
    ///
    /// - Throws: ``IndexError`` `corrupt` for bytes that are not a stored product.
    static func decode(_ bytes: UnsafeRawBufferPointer, file: String) throws -> Product {
        var reader = ByteReader(bytes, file: file)
        let storedVersion = try reader.readByte()
        if storedVersion == version {
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
