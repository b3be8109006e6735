import VitrinaModel

/// One record read from a catalog file.
public enum CatalogEntry: Sendable, Equatable {
    /// A full product: added, or replacing the product with the same id.
    case product(Product)
    /// A price/stock-only record for a product that should already be in the index.
    case offerUpdate(OfferUpdate)
    /// A review or post about a product.
    case social(SocialItem)
    /// A product to delete, by id (`{"id": "…", "deleted": true}` in JSONL).
    case deletion(id: String)
}

/// What a ``CatalogReader`` yields: a record with its location, or a record it had to skip.
public enum CatalogItem: Sendable, Equatable {
    /// A record read, with where it starts.
    case entry(CatalogEntry, SourceLocation)
    /// A record skipped, with the reason (the reader continues after it).
    case skipped(ImportProblem)
    /// Something read but worth a word, nothing skipped: a file that mixes encodings, a declared
    /// encoding its bytes contradict.
    case warning(ImportProblem)
}

/// A streaming reader of one catalog file: memory stays bounded whatever the file's size.
///
/// `next()` returns items in file order and `nil` at the end. A bad record comes back as
/// ``CatalogItem/skipped(_:)`` and reading continues; an input that cannot be read any further
/// (malformed XML, an undecodable file, hostile entities) throws an ``ImportProblem``.
public protocol CatalogReader {
    /// The next item, or `nil` at the end of the file.
    mutating func next() throws -> CatalogItem?
    /// Bytes consumed so far (for progress).
    var bytesRead: Int { get }
}
