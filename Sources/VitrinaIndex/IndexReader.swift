import Foundation

/// A consistent, read-only snapshot of an index at one commit.
///
/// Segment files are memory-mapped; a writer committing meanwhile does not change what this
/// snapshot sees. Call ``reopen()`` to pick up newer commits.
///
/// ```swift
/// let reader = try IndexReader(path: "shop.index")
/// let result = try reader.search(SearchRequest(text: "телевизор самсунг"))
/// ```
public final class IndexReader: @unchecked Sendable {
    // @unchecked Sendable: immutable after init; segment readers are read-only.

    /// One segment and its deletions.
    struct Segment {
        let reader: SegmentReader
        let deletions: DeletionSet?

        func isLive(_ document: Int) -> Bool { !(deletions?.contains(document) ?? false) }
    }

    /// The index directory.
    public let path: String
    /// The commit generation this snapshot shows.
    public let generation: Int
    /// The schema.
    public let schema: Schema
    let segments: [Segment]
    let directory: IndexDirectory

    /// Opens the last commit of the index at `path`.
    ///
    /// - Throws: ``IndexError`` `no-index` when nothing was committed there, `corrupt` or
    ///   `foreign-file` for damaged files.
    public init(path: String) throws {
        self.path = path
        let directory = IndexDirectory(path: path)
        self.directory = directory
        let manifest = try Manifest.load(from: directory)
        generation = manifest.generation
        schema = manifest.schema
        segments = try manifest.segments.map { segment in
            let reader = try SegmentReader(
                path: directory.file(segment.name + "." + SegmentFormat.fileExtension), name: segment.name)
            guard reader.documentCount == segment.documentCount else {
                throw IndexError.corrupt(
                    file: reader.file.path, offset: nil,
                    "holds \(reader.documentCount) documents, manifest says \(segment.documentCount)")
            }
            let deletions = try segment.deletions.map {
                try DeletionSet.load(
                    try directory.read($0), path: directory.file($0), documentCount: reader.documentCount)
            }
            return Segment(reader: reader, deletions: deletions)
        }
    }

    /// A reader of the newest commit, or `self` when nothing changed.
    public func reopen() throws -> IndexReader {
        let manifest = try Manifest.load(from: directory)
        return manifest.generation == generation ? self : try IndexReader(path: path)
    }

    /// Live (not deleted) documents.
    public var documentCount: Int {
        segments.reduce(0) { $0 + $1.reader.documentCount - ($1.deletions?.count ?? 0) }
    }

    /// The distinct values of a keyword field in this snapshot (deleted documents' values may
    /// remain until a merge), sorted; empty for an unknown or non-keyword field.
    public func distinctValues(of field: String) -> [String] {
        guard let number = schema.fieldNumber(field), schema.fields[number].kind == .keyword else { return [] }
        var values: Set<String> = []
        for segment in segments { values.formUnion(segment.reader.keywordValues[number] ?? []) }
        return values.sorted()
    }

    /// The product with `id`, if the snapshot has it.
    public func product(id: String) throws -> Product? {
        for segment in segments.reversed() {
            if let document = try segment.reader.documents(id: id).first(where: segment.isLive) {
                return try decodeProduct(segment, document)
            }
        }
        return nil
    }

    func decodeProduct(_ segment: Segment, _ document: Int) throws -> Product {
        try segment.reader.storedProduct(document: document)
    }
}
