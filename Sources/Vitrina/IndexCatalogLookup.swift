import VitrinaAudit
import VitrinaIndex
import VitrinaModel

/// An index snapshot as the audit's ``CatalogLookup``: keys are keyword filters, names are
/// all-words queries without typo tolerance.
public struct IndexCatalogLookup: CatalogLookup {
    /// The snapshot products are looked up in.
    public let reader: IndexReader

    /// Looks products up in `reader`.
    public init(reader: IndexReader) {
        self.reader = reader
    }

    /// The first product whose keyword field for `key` equals `value`.
    ///
    /// - Throws: ``IndexError`` when the index cannot be read.
    public func product(where key: CatalogKey, equals value: String) throws -> Product? {
        let request = SearchRequest(text: "", filters: [.equals(field: key.rawValue, value: value)], limit: 1)
        return try reader.search(request).hits.first?.product
    }

    /// The best product for `name` as an all-words query without typo tolerance.
    ///
    /// - Throws: ``IndexError`` when the index cannot be read.
    public func product(named name: String) throws -> Product? {
        try reader.search(SearchRequest(text: name, limit: 1, typoTolerance: false)).hits.first?.product
    }
}

extension CatalogCrossCheck {
    /// Adds the cross-check's findings to `audit`, looking products up in `reader`.
    ///
    /// - Throws: ``IndexError`` when the index cannot be read.
    public static func apply(to audit: inout PageAudit, reader: IndexReader, language: ReportLanguage) throws {
        try apply(to: &audit, catalog: IndexCatalogLookup(reader: reader), language: language)
    }
}
