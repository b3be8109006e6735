import VitrinaText

/// An in-memory segment being filled by the writer, then serialized into one segment file
/// (`SegmentBuilder+Serialization.swift`).
///
/// A ``DocumentBuilder`` fills it one document at a time: ``addDocument(id:stored:)``, then the
/// terms of each text field (``add(term:position:field:)`` and ``finishTextField(_:length:)``),
/// keyword values and numbers. Term numbers are those of the builder's ``VitrinaText/TermAnalysis``,
/// which must keep them until the segment is serialized.
final class SegmentBuilder {
    let schema: Schema
    /// The vocabulary the term numbers refer to.
    let analysis: TermAnalysis
    private(set) var documentCount = 0
    private(set) var ids: [String] = []
    /// Per document: the product in ``StoredProductCodec``'s form.
    private(set) var stored: [[UInt8]] = []
    /// Per field number: its inverted index so far (text fields only).
    private(set) var textFields: [TextFieldBuffer?]
    /// Per field number: the values of each document (keyword fields only).
    private(set) var keywords: [[[UInt32]]?]
    /// Keyword values, interned per field (the tag is the field number; an entry's value is its
    /// number among its field's values, in order of arrival).
    private let keywordValues = ByteStringTable()
    /// Per field number: the table entries of its values, by value number.
    private var keywordEntries: [[Int]]
    /// Per field number: the value of each document, NaN when missing (numeric fields only).
    private(set) var numbers: [[Double]?]
    /// What the keyword and numeric columns take per document.
    private let perDocumentColumnBytes: Int
    /// A rough count of the memory held, to decide when to flush.
    private(set) var estimatedBytes = 0

    init(schema: Schema, analysis: TermAnalysis) {
        self.schema = schema
        self.analysis = analysis
        textFields = schema.fields.map { field in
            if case .text = field.kind { return TextFieldBuffer() }
            return nil
        }
        keywords = schema.fields.map { $0.kind == .keyword ? [] : nil }
        keywordEntries = Array(repeating: [], count: schema.fields.count)
        numbers = schema.fields.map { $0.kind == .numeric ? [] : nil }
        perDocumentColumnBytes = keywords.count { $0 != nil } * 16 + numbers.count { $0 != nil } * 8
    }

    /// Starts a new document (every keyword field empty, every number missing); returns its
    /// number in this segment.
    func addDocument(id: String, stored product: [UInt8]) -> Int {
        let number = documentCount
        documentCount += 1
        ids.append(id)
        stored.append(product)
        estimatedBytes += product.count + id.utf8.count + 64
        for field in keywords.indices { keywords[field]?.append([]) }
        for field in numbers.indices { numbers[field]?.append(.nan) }
        estimatedBytes += perDocumentColumnBytes
        return number
    }

    /// Adds one occurrence of term `term` at `position` in text field `field` of the current document.
    func add(term: Int32, position: Int, field: Int) {
        if let bytes = textFields[field]?.add(term: term, position: position, document: documentCount - 1) {
            estimatedBytes += bytes
        }
    }

    /// Adds the terms of one value of text field `field` to the current document, their
    /// positions shifted by `base`; returns the last position they cover (-1 when none).
    func add(_ occurrences: [TermAnalysis.Occurrence], base: Int, field: Int) -> Int {
        guard let (bytes, last) = textFields[field]?.add(occurrences, base: base, document: documentCount - 1) else {
            return -1
        }
        estimatedBytes += bytes
        return last
    }

    /// Ends text field `field` of the current document, `length` tokens long.
    func finishTextField(_ field: Int, length: Int) {
        textFields[field]?.finish(document: documentCount - 1, length: length)
    }

    /// Sets the values of keyword field `field` of the current document.
    func setKeywords(_ values: [String], field: Int) {
        guard !values.isEmpty else { return }
        var numbers: [UInt32] = []
        numbers.reserveCapacity(values.count)
        for var value in values {
            value.withUTF8 { bytes in
                let tag = UInt32(truncatingIfNeeded: field)
                let hash = ByteStringTable.hash(bytes, tag: tag)
                if let entry = keywordValues.find(bytes, tag: tag, hash: hash) {
                    numbers.append(UInt32(truncatingIfNeeded: keywordValues.value(entry)))
                } else {
                    let number = keywordEntries[field].count
                    keywordEntries[field].append(
                        keywordValues.insert(bytes, tag: tag, hash: hash, value: Int32(truncatingIfNeeded: number)))
                    numbers.append(UInt32(truncatingIfNeeded: number))
                }
            }
        }
        keywords[field]?[documentCount - 1] = numbers
        estimatedBytes += values.reduce(0) { $0 + $1.utf8.count + 16 }
    }

    /// Keyword field `field` as the file stores it: its distinct values sorted by their UTF-8
    /// bytes, and each document's values as ordinals into them (ascending, each once).
    func keywordColumn(_ field: Int) -> (values: [[UInt8]], documents: [[UInt32]]) {
        let entries = keywordEntries[field]
        let order = entries.indices.sorted {
            keywordValues.key(entries[$0]).lexicographicallyPrecedes(keywordValues.key(entries[$1]))
        }
        var ordinal = [UInt32](repeating: 0, count: entries.count)
        for (rank, number) in order.enumerated() { ordinal[number] = UInt32(truncatingIfNeeded: rank) }
        let values = order.map { Array(keywordValues.key(entries[$0])) }
        let documents = (keywords[field] ?? Array(repeating: [], count: documentCount)).map { numbers -> [UInt32] in
            if numbers.count < 2 { return numbers.map { ordinal[Int($0)] } }
            var mapped = numbers.map { ordinal[Int($0)] }
            mapped.sort()
            var unique: [UInt32] = []
            for value in mapped where value != unique.last { unique.append(value) }
            return unique
        }
        return (values, documents)
    }

    /// Sets the value of numeric field `field` of the current document.
    func setNumber(_ value: Double, field: Int) {
        numbers[field]?[documentCount - 1] = value
    }
}
