import Foundation
import Synchronization

/// A consistent, read-only snapshot of an index at one commit.
///
/// Segment files are memory-mapped; a writer committing meanwhile does not change what this
/// snapshot sees. Call ``reopen()`` to pick up newer commits. A writer of the same process never
/// deletes the files of a snapshot that is open or being opened; a writer in another process
/// keeps them for a while (``FileRetention``), and when one is gone all the same, the reader opens
/// the commit that replaced it.
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
    /// Typo corrections of query words found in this snapshot's dictionaries.
    let typoCorrections = TypoCorrections()
    /// Keeps this snapshot's files from a writer of this process.
    private let pin: SnapshotPin

    /// How many times opening starts over when commits replace the snapshot being opened.
    static let openAttempts = 8

    /// Test hook: per index path, called after the manifest is read and before its files are
    /// opened (where another process's commit can intervene).
    static let afterManifestRead = Mutex<[String: @Sendable () -> Void]>([:])

    /// Opens the last commit of the index at `path`.
    ///
    /// - Throws: ``IndexError`` `no-index` when nothing was committed there, `needs-repair` for
    ///   index files without a manifest, `corrupt` or `foreign-file` for damaged files,
    ///   `missing-file` when a file of the commit is gone and no newer commit replaced it.
    public init(path: String) throws {
        self.path = path
        let directory = IndexDirectory(path: path)
        self.directory = directory
        var attempt = 1
        while true {
            let (manifest, pin) = try SnapshotRegistry.pin(directory: directory) { try Manifest.load(from: directory) }
            Self.afterManifestRead.withLock { $0[path] }?()
            do {
                segments = try manifest.segments.map { segment in
                    let (reader, deletions) = try IndexWriter.open(segment, in: directory)
                    return Segment(reader: reader, deletions: deletions)
                }
                generation = manifest.generation
                schema = manifest.schema
                self.pin = pin
                return
            } catch let error as IndexError where error.code == .missingFile && attempt < Self.openAttempts {
                // A writer in another process replaced this commit and its retention ran out
                // before we opened every file: open the newer commit, if there is one.
                guard let newer = try? Manifest.load(from: directory), newer.generation != manifest.generation else {
                    throw error
                }
                attempt += 1
            }
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

    /// Calls `body` with every live product of this snapshot, segment by segment in document
    /// order (not sorted by id).
    ///
    /// - Throws: ``IndexError`` for a damaged stored block, or what `body` throws.
    public func forEachProduct(_ body: (Product) throws -> Void) throws {
        for segment in segments {
            for document in 0..<segment.reader.documentCount where segment.isLive(document) {
                try body(try decodeProduct(segment, document))
            }
        }
    }

    func decodeProduct(_ segment: Segment, _ document: Int) throws -> Product {
        try segment.reader.storedProduct(document: document)
    }
}
