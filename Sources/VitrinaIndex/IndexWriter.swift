import Foundation
import Synchronization

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

/// Adds, replaces and deletes products in an index directory, and commits atomically.
///
/// Changes are buffered in memory and flushed as immutable segment files when the buffer holds
/// more than `bufferBytes`. With `threads` above 1, that many indexing threads each fill their
/// own buffer and write their own segments (products are handed to them in turn, in batches), as
/// tantivy's writer threads do; the same products are indexed whatever the number of threads,
/// only spread differently over segments. Nothing is visible to readers until ``commit()``, which writes and
/// fsyncs the new files, writes the commit point `manifest-<generation>.json`, then replaces
/// `manifest.json` by rename and fsyncs the directory. A crash at any point leaves the index at
/// its last commit. One writer per directory: a second one gets ``IndexError`` `locked`. If
/// `commit()` throws, discard the writer: the directory still holds the last commit, and files
/// of the failed commit are removed by the next writer. Files of replaced commits are deleted
/// by the rule of ``FileRetention``, so readers opening them meanwhile are not disturbed.
///
/// The writer verifies before it writes: it refuses a directory that holds index files but no
/// `manifest.json` (``IndexError`` `needs-repair`, unless opened with `recover`), a manifest
/// with bad or duplicate segment names or counts that disagree with the files, and it never
/// reuses a segment number present in the directory; every file is created with `O_EXCL`.
///
/// ```swift
/// let writer = try IndexWriter(path: "shop.index")
/// try writer.add(Product(id: "1", title: "Телевизор Samsung"))
/// try writer.commit()
/// ```
public final class IndexWriter {
    /// What a commit changed.
    public struct CommitSummary: Sendable, Equatable {
        /// The new generation number.
        public var generation: Int
        /// Products added (new ids).
        public var added: Int
        /// Products replaced (ids already present).
        public var updated: Int
        /// Products deleted.
        public var deleted: Int
        /// Live documents after the commit.
        public var documents: Int
        /// Segments after the commit.
        public var segments: Int
        /// Segments merged away by the merge policy in this commit.
        public var merged: Int
    }

    private let directory: IndexDirectory
    private let lockDescriptor: Int32
    /// The indexing workers, each with its own in-memory segment.
    private let workers: [SegmentWorker]
    /// The next segment number (segments are written from the workers' threads too).
    private let segmentNumbers: SegmentNumbers
    private let mergePolicy: MergePolicy
    private let retention: FileRetention
    /// The files of each commit point read so far (they never change).
    private var commitPointFiles: [String: Set<String>] = [:]
    private var manifest: Manifest
    /// Readers of committed and flushed segments, by name.
    private var readers: [String: SegmentReader] = [:]
    /// Deletions per segment (committed ones plus this session's).
    private var deletions: [String: DeletionSet] = [:]
    /// Segments whose deletions changed since the last commit.
    private var changedDeletions: Set<String> = []
    /// Segments flushed since the last commit.
    private var flushed: [Manifest.Segment] = []
    /// Where each product added since the last commit went: its worker and sequence number.
    private var sessionIds: [String: SessionEntry] = [:]
    /// Segments written since the last commit, by name (their products are in `sessionIds`).
    private var sessionSegments: Set<String> = []
    /// Per worker: the segments it wrote since the last commit (first sequence number, name).
    private var writtenRanges: [[(first: Int, name: String)]]
    /// Per worker: products sent to it so far (the next sequence number).
    private var sent: [Int]
    /// Per worker: products waiting to be sent as one batch.
    private var pending: [[Product]]
    /// Per worker: deleted sequence numbers not yet in a written segment.
    private var pendingDeletions: [Set<Int>]
    /// The worker that gets the products being batched.
    private var nextWorker = 0
    private var counts = (added: 0, updated: 0, deleted: 0)

    /// A product's place in a worker's sequence.
    private struct SessionEntry {
        var worker: Int32
        var sequence: Int32
    }

    /// Products per batch handed to a worker thread.
    private static let batchSize = 32

    /// The schema of the index.
    public var schema: Schema { manifest.schema }

    /// Opens (or creates) the index at `path` for writing.
    ///
    /// - Parameters:
    ///   - path: The index directory; created when missing.
    ///   - schema: The schema of a new index (an existing index keeps its own).
    ///   - bufferBytes: Flush a segment when buffered documents take about this much memory (per
    ///     indexing thread).
    ///   - mergePolicy: When commits merge segments.
    ///   - retention: How long files of replaced commits stay for readers (``FileRetention``).
    ///   - recover: Before opening, roll back to the last consistent commit as
    ///     `vitrina check --repair` does (what it drops is moved to a quarantine folder), instead of
    ///     refusing a directory that needs it.
    ///   - threads: Indexing threads (default 1: everything on the caller's thread).
    /// - Throws: ``IndexError``: `locked`; `needs-repair` for index files without a manifest;
    ///   `corrupt` for a manifest or segment that is inconsistent; `io`.
    public init(
        path: String, schema: Schema = .products, bufferBytes: Int = 64 << 20, mergePolicy: MergePolicy = MergePolicy(),
        retention: FileRetention = FileRetention(), recover: Bool = false, threads: Int = 1
    ) throws {
        directory = IndexDirectory(path: path)
        try directory.create()
        lockDescriptor = try directory.lock()
        do {
            if recover { _ = try IndexCheck.repairLocked(directory) }
            do {
                manifest = try Manifest.load(from: directory)
            } catch let error as IndexError where error.code == .noIndex {
                manifest = Manifest(generation: 0, nextSegment: 1, schema: schema, segments: [])
                // The empty commit point 0 tells a later writer that segment files without a
                // manifest.json are leftovers of a first import, not a committed index.
                if !directory.exists(Manifest.commitPointName(0)) {
                    try directory.writeDurably(Manifest.commitPointName(0), bytes: try manifest.encoded())
                    try directory.syncDirectory()
                }
            }
            // Never reuse a number of a file present, listed or not (leftovers, kept commits).
            let highest = try directory.list().compactMap(Manifest.segmentNumber(ofFile:)).max() ?? 0
            manifest.nextSegment = max(manifest.nextSegment, highest + 1)
            for segment in manifest.segments {
                let (reader, set) = try Self.open(segment, in: directory)
                readers[segment.name] = reader
                deletions[segment.name] = set
            }
        } catch {
            close(lockDescriptor)
            throw error
        }
        let threads = max(1, threads)
        let segmentNumbers = SegmentNumbers(next: manifest.nextSegment)
        let directory = directory
        let write: @Sendable ([UInt8]) throws -> (String, SegmentReader) = { bytes in
            try IndexWriter.writeSegmentFile(bytes, number: segmentNumbers.take(), in: directory)
        }
        let schema = manifest.schema
        workers = (0..<threads).map {
            SegmentWorker(
                schema: schema, bufferBytes: max(1 << 20, bufferBytes), threaded: threads > 1,
                label: "vitrina.index.worker-\($0)", write: write)
        }
        self.segmentNumbers = segmentNumbers
        writtenRanges = Array(repeating: [], count: threads)
        sent = Array(repeating: 0, count: threads)
        pending = Array(repeating: [], count: threads)
        pendingDeletions = Array(repeating: [], count: threads)
        self.mergePolicy = mergePolicy
        self.retention = retention
        try removeUnusedFiles()
    }

    /// Opens a committed segment and its deletions, checking both against the manifest's counts.
    static func open(_ segment: Manifest.Segment, in directory: IndexDirectory) throws -> (SegmentReader, DeletionSet?)
    {
        let reader = try SegmentReader(path: directory.file(segment.fileName), name: segment.name)
        guard reader.documentCount == segment.documentCount else {
            throw IndexError.corrupt(
                file: reader.file.path, offset: nil,
                "holds \(reader.documentCount) documents, the manifest says \(segment.documentCount)")
        }
        let set = try segment.deletions.map {
            try DeletionSet.load(try directory.read($0), path: directory.file($0), documentCount: reader.documentCount)
        }
        guard (set?.count ?? 0) == segment.deletedCount else {
            throw IndexError.corrupt(
                file: directory.file(segment.deletions ?? segment.fileName), offset: nil,
                "\(set?.count ?? 0) documents deleted, the manifest says \(segment.deletedCount)")
        }
        return (reader, set)
    }

    deinit {
        // Indexing threads may still be writing (uncommitted) files: let them finish first.
        for worker in workers { worker.wait() }
        close(lockDescriptor)
    }

    /// Adds `product`, replacing the product with the same id if there is one.
    ///
    /// - Throws: ``IndexError`` when a segment cannot be read or written; with several threads,
    ///   a failure of an indexing thread is thrown by a later call (and the writer must be
    ///   discarded: ``commit()`` throws it too).
    public func add(_ product: Product) throws {
        try collectWritten()
        if workers.count > 1, pending[nextWorker].isEmpty {
            // A new batch goes to the worker with the least work queued (threads are not
            // scheduled evenly on a busy machine); where a product goes never changes what is found.
            nextWorker = workers.indices.min { workers[$0].backlog < workers[$1].backlog } ?? 0
        }
        let worker = nextWorker
        let sequence = sent[worker]
        if workers.count == 1 {
            // One thread: analyze now, so a failure leaves everything as it was.
            sent[worker] += 1
            try workers[worker].add([product])
        } else {
            pending[worker].append(product)
            sent[worker] += 1
        }
        let replaced: Bool
        do {
            replaced = try deleteExisting(id: product.id)
        } catch {
            markDeleted(worker: worker, sequence: sequence)
            throw error
        }
        if replaced { counts.updated += 1 } else { counts.added += 1 }
        sessionIds[product.id] = SessionEntry(
            worker: Int32(truncatingIfNeeded: worker), sequence: Int32(truncatingIfNeeded: sequence))
        if workers.count > 1, pending[worker].count >= Self.batchSize { try send(worker) }
    }

    /// Hands worker `worker` its pending batch.
    private func send(_ worker: Int) throws {
        let batch = pending[worker]
        pending[worker] = []
        if !batch.isEmpty { try workers[worker].add(batch) }
    }

    /// Deletes the product with `id`; returns false when there is none.
    @discardableResult
    public func delete(id: String) throws -> Bool {
        try collectWritten()
        let found = try deleteExisting(id: id)
        if found { counts.deleted += 1 }
        return found
    }

    /// The current product with `id`, including changes not yet committed; `nil` when there is none.
    ///
    /// - Throws: ``IndexError`` when a segment cannot be read.
    public func product(id: String) throws -> Product? {
        if let entry = sessionIds[id] {
            let worker = Int(entry.worker)
            let sequence = Int(entry.sequence)
            let firstPending = sent[worker] - pending[worker].count
            if sequence >= firstPending { return pending[worker][sequence - firstPending] }
            try collectWritten()
            if let (name, document) = location(worker: worker, sequence: sequence), let reader = readers[name] {
                return try reader.storedProduct(document: document)
            }
            workers[worker].wait()
            try collectWritten()
            if let (name, document) = location(worker: worker, sequence: sequence), let reader = readers[name] {
                return try reader.storedProduct(document: document)
            }
            return try workers[worker].storedProduct(sequence: sequence)
        }
        for (name, reader) in readers where !sessionSegments.contains(name) {
            for document in try reader.documents(id: id) where !(deletions[name]?.contains(document) ?? false) {
                return try reader.storedProduct(document: document)
            }
        }
        return nil
    }

    /// Calls `body` with the id of every current product, including changes not yet committed,
    /// in no particular order.
    ///
    /// - Throws: ``IndexError`` when a segment cannot be read, or what `body` throws.
    public func forEachID(_ body: (String) throws -> Void) throws {
        try collectWritten()
        for (name, reader) in readers where !sessionSegments.contains(name) {
            let deleted = deletions[name]
            try reader.forEachID { id, document in
                if !(deleted?.contains(document) ?? false) { try body(id) }
            }
        }
        for id in sessionIds.keys { try body(id) }
    }

    /// Marks every current document with `id` deleted.
    ///
    /// - Throws: ``IndexError`` when a segment's id table cannot be read.
    private func deleteExisting(id: String) throws -> Bool {
        var found = false
        if let entry = sessionIds.removeValue(forKey: id) {
            markDeleted(worker: Int(entry.worker), sequence: Int(entry.sequence))
            found = true
        }
        // Products added since the last commit are all in `sessionIds`: only older segments are searched.
        for (name, reader) in readers where !sessionSegments.contains(name) {
            let documents = try reader.documents(id: id)
            guard !documents.isEmpty else { continue }
            var set = deletions[name] ?? DeletionSet(documentCount: reader.documentCount)
            for document in documents where set.insert(document) {
                found = true
                changedDeletions.insert(name)
            }
            deletions[name] = set
        }
        return found
    }

    /// Deletes the product of worker `worker` with sequence number `sequence`: in its segment when
    /// written, else when it is.
    private func markDeleted(worker: Int, sequence: Int) {
        guard let (name, document) = location(worker: worker, sequence: sequence), let reader = readers[name] else {
            pendingDeletions[worker].insert(sequence)
            return
        }
        var set = deletions[name] ?? DeletionSet(documentCount: reader.documentCount)
        if set.insert(document) { changedDeletions.insert(name) }
        deletions[name] = set
    }

    /// The written segment and document of a worker's sequence number, if written.
    private func location(worker: Int, sequence: Int) -> (String, Int)? {
        guard let range = writtenRanges[worker].last(where: { $0.first <= sequence }),
            let reader = readers[range.name], sequence - range.first < reader.documentCount
        else { return nil }
        return (range.name, sequence - range.first)
    }

    /// Registers the segments the workers wrote since the last call (readers, deletions).
    private func collectWritten() throws {
        for (worker, segmentWorker) in workers.enumerated() {
            for written in try segmentWorker.collect() {
                let name = written.name
                let reader = written.reader
                readers[name] = reader
                sessionSegments.insert(name)
                writtenRanges[worker].append((written.firstSequence, name))
                flushed.append(
                    Manifest.Segment(name: name, documentCount: reader.documentCount, deletedCount: 0, deletions: nil))
                let range = written.firstSequence..<(written.firstSequence + reader.documentCount)
                var deleted = written.broken
                for sequence in pendingDeletions[worker] where range.contains(sequence) {
                    deleted.insert(sequence - written.firstSequence)
                }
                pendingDeletions[worker] = pendingDeletions[worker].filter { !range.contains($0) }
                if !deleted.isEmpty {
                    var set = DeletionSet(documentCount: reader.documentCount)
                    for document in deleted { set.insert(document) }
                    deletions[name] = set
                    changedDeletions.insert(name)
                }
            }
        }
    }

    /// Writes every buffered document as segment files (not yet committed) and waits for them.
    private func flush() throws {
        for worker in workers.indices { try send(worker) }
        for worker in workers { try worker.flush() }
        for worker in workers { worker.wait() }
        try collectWritten()
    }

    /// Writes the bytes of a segment file as segment file number `number`; returns its name and
    /// reader.
    private static func writeSegmentFile(
        _ bytes: [UInt8], number: Int, in directory: IndexDirectory
    ) throws -> (String, SegmentReader) {
        let digits = String(number)
        let name = "seg-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        let file = name + "." + SegmentFormat.fileExtension
        try directory.writeDurably(file, bytes: bytes)
        return (name, try SegmentReader(path: directory.file(file), name: name))
    }

    /// Merges each group of segments into one new segment, leaving deleted documents behind.
    ///
    /// The indexing threads build the merged segments side by side (one group each at a time),
    /// each with ``SegmentMerger``: the segments' structures are merged directly, nothing is
    /// analyzed again.
    private func merge(_ segments: [Manifest.Segment]) throws -> (segments: [Manifest.Segment], merged: Int) {
        let candidates = segments.map {
            MergePolicy.Candidate(name: $0.name, documents: $0.documentCount, deleted: deletions[$0.name]?.count ?? 0)
        }
        let groups = mergePolicy.merges(candidates)
        guard !groups.isEmpty else { return (segments, 0) }
        for (number, group) in groups.enumerated() {
            let sources = group.compactMap { name in
                readers[name].map { SegmentWorker.MergeSource(reader: $0, deleted: deletions[name]) }
            }
            try workers[number % workers.count].merge(sources, number: number)
        }
        var built: [Int: (name: String, reader: SegmentReader)?] = [:]
        for worker in workers {
            worker.wait()
            built.merge(try worker.collectMerged()) { first, _ in first }
        }
        var result = segments
        var merged = 0
        for (number, group) in groups.enumerated() {
            let position = result.firstIndex { group.contains($0.name) } ?? result.count
            result.removeAll { group.contains($0.name) }
            if let segment = built[number] ?? nil {
                readers[segment.name] = segment.reader
                result.insert(
                    Manifest.Segment(
                        name: segment.name, documentCount: segment.reader.documentCount, deletedCount: 0,
                        deletions: nil), at: min(position, result.count))
            }
            merged += group.count
        }
        return (result, merged)
    }

    /// Makes every change since the last commit durable and visible, atomically.
    @discardableResult
    public func commit() throws -> CommitSummary {
        try flush()
        let generation = manifest.generation + 1
        let (candidates, merged) = try merge(manifest.segments + flushed)
        var segments: [Manifest.Segment] = []
        for var segment in candidates {
            let set = deletions[segment.name]
            segment.deletedCount = set?.count ?? 0
            if segment.deletedCount == segment.documentCount { continue }  // nothing left: drop it
            if let set, changedDeletions.contains(segment.name) {
                let file = "\(segment.name).del-\(generation)"
                try directory.writeDurably(file, bytes: set.serialize())
                segment.deletions = file
            }
            segments.append(segment)
        }
        var next = manifest
        next.generation = generation
        next.segments = segments
        next.nextSegment = max(next.nextSegment, segmentNumbers.peek())
        try next.validate(path: directory.file(Manifest.fileName))
        try directory.syncDirectory()
        try next.store(in: directory)
        manifest = next
        let summary = CommitSummary(
            generation: generation, added: counts.added, updated: counts.updated, deleted: counts.deleted,
            documents: segments.reduce(0) { $0 + $1.documentCount - $1.deletedCount }, segments: segments.count,
            merged: merged)
        flushed = []
        changedDeletions = []
        counts = (0, 0, 0)
        sessionIds = [:]
        sessionSegments = []
        writtenRanges = Array(repeating: [], count: workers.count)
        let live = Set(segments.map(\.name))
        readers = readers.filter { live.contains($0.key) }
        deletions = deletions.filter { live.contains($0.key) }
        try removeUnusedFiles()
        return summary
    }

    /// Deletes what no kept commit needs (``FileRetention``): leftovers of failed commits, replaced
    /// deletion files, segments merged away, expired commit points.
    private func removeUnusedFiles() throws {
        try FileLifetime.collect(
            directory: directory, current: manifest, retention: retention, inProgress: Set(flushed.flatMap(\.files)),
            cache: &commitPointFiles)
    }
}

/// Hands out segment numbers to the writer and its indexing threads.
final class SegmentNumbers: Sendable {
    private let next: Mutex<Int>

    init(next: Int) { self.next = Mutex(next) }

    /// A new number.
    func take() -> Int {
        next.withLock { number in
            defer { number += 1 }
            return number
        }
    }

    /// The number ``take()`` would give next.
    func peek() -> Int { next.withLock { $0 } }
}
