/// The binary form of a stored product: what segments keep to return hits.
///
/// Foundation's JSON coders took a third of query time and a tenth of indexing time in
/// profiles; this form is a fixed field order with presence markers, written and read with
/// ``ByteWriter``/``ByteReader``. Layout (version 2): a version byte, then the fields of
/// ``VitrinaModel/Product`` in declaration order — strings as an optional marker (0 absent,
/// 1 present) plus length-prefixed UTF-8, numbers as a marker plus a float64, `available` as
/// 0 absent / 1 false / 2 true, lists as a count then items, `language` as 0 absent or 1 + its
/// index in `Language.allCases`; then the review texts as a count and strings. Version 1 (before
/// reviews) is still read, with no reviews.
enum StoredProductCodec {
    static let version: UInt8 = 2

    /// Encodes `product`.
    static func encode(_ product: Product) -> [UInt8] {
        var out = ByteWriter()
        out.write(version)
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

    /// Decodes a product written by ``encode(_:)``.
    ///
    /// - Throws: ``IndexError`` `corrupt` for bytes that are not a stored product.
    static func decode(_ bytes: UnsafeRawBufferPointer, file: String) throws -> Product {
        var reader = ByteReader(bytes, file: file)
        let storedVersion = try reader.readByte()
        guard storedVersion == 1 || storedVersion == version else {
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
        if let count = try readNumber(&reader) {
            guard let exact = Int(exactly: count) else {
                throw IndexError.corrupt(file: file, offset: nil, "review count \(count) in a stored product")
            }
            product.reviewCount = exact
        }
        let language = Int(try reader.readByte())
        guard language <= Language.allCases.count else {
            throw IndexError.corrupt(file: file, offset: nil, "unknown language in a stored product")
        }
        product.language = language == 0 ? nil : Language.allCases[language - 1]
        if storedVersion >= 2 {
            product.reviews = try (0..<reader.readCount(elementSize: 1, limit: 1_000_000)).map { _ in
                try reader.readString()
            }
        }
        return product
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
