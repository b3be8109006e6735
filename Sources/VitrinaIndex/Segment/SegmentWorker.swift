import Dispatch
import Synchronization

/// One in-memory segment and the thread that fills it: the writer's indexing worker.
///
/// As tantivy's writer threads, each worker analyzes the products it is given into its own ``SegmentBuilder`` and,
/// when the builder holds `bufferBytes`, writes it as a segment file itself; the writer hands
/// products to its workers in turn and collects the written segments.
///
/// Products get consecutive *sequence numbers* per worker (0, 1, 2, … for the writer's
/// lifetime, failed ones included); a written segment reports the range of sequence numbers it
/// holds, so the writer can tell where each product ended up.
///
/// Without a queue the worker runs every job on the caller's thread at once (one indexing
/// thread: no synchronization, errors thrown where they happen).
final class SegmentWorker: @unchecked Sendable {
    // @unchecked Sendable: `documents`, `segment` and the counters are touched only by jobs,
    // which run one at a time in order on `queue` (or inline on the writer's thread when there
    // is no queue); `wait()` makes the writer see their effects. Results go back through
    // `results`, a mutex.

    /// A segment file the worker wrote.
    struct Written: @unchecked Sendable {
        // @unchecked Sendable: SegmentReader is immutable; handed over through the mutex.
        /// Its name (`seg-000042`).
        var name: String
        /// Its reader.
        var reader: SegmentReader
        /// The sequence number of its document 0; document `d` is sequence `firstSequence + d`.
        var firstSequence: Int
        /// Documents whose analysis failed half way (never visible).
        var broken: Set<Int>
    }

    private let queue: DispatchQueue?
    /// Jobs queued but not finished, bounded so the writer cannot run far ahead.
    private let room: DispatchSemaphore
    private let documents: DocumentBuilder
    private var segment: SegmentBuilder
    /// The sequence number of the open segment's document 0.
    private var firstSequence = 0
    /// Documents of the open segment whose analysis failed.
    private var broken: Set<Int> = []
    private let bufferBytes: Int
    /// Writes a segment file's bytes; returns its name and reader.
    private let write: @Sendable ([UInt8]) throws -> (String, SegmentReader)
    private let results = Mutex<Results>(Results())
    /// What jobs on the worker's thread hand back.
    private struct Results: @unchecked Sendable {
        // @unchecked Sendable: SegmentReader is immutable; everything here moves under the mutex.
        var written: [Written] = []
        /// Merged segments by merge number (nil: nothing was left to merge).
        var merged: [Int: (name: String, reader: SegmentReader)?] = [:]
        var error: (any Error)?
    }

    /// A segment to merge: its reader and its deleted documents.
    struct MergeSource: @unchecked Sendable {
        // @unchecked Sendable: the reader is immutable and the set is a value.
        var reader: SegmentReader
        var deleted: DeletionSet?
    }
    /// Jobs queued and not finished.
    private let queued = Atomic<Int>(0)

    /// Jobs given to the worker's thread and not finished yet (0 inline).
    var backlog: Int { queued.load(ordering: .relaxed) }

    /// Creates a worker; `threaded` gives it its own thread, else jobs run on the caller's.
    init(
        schema: Schema, bufferBytes: Int, threaded: Bool, label: String,
        write: @escaping @Sendable ([UInt8]) throws -> (String, SegmentReader)
    ) {
        documents = DocumentBuilder(schema: schema)
        segment = documents.startSegment()
        self.bufferBytes = bufferBytes
        self.write = write
        queue = threaded ? DispatchQueue(label: label, qos: .userInitiated) : nil
        room = DispatchSemaphore(value: 8)
    }

    /// Analyzes `products` into the open segment, in order, writing the segment when it is full.
    ///
    /// Inline, a failure is thrown here; on a thread, it is kept for ``collect()``, and every later
    /// job is skipped.
    func add(_ products: [Product]) throws {
        try enqueue { worker in
            for product in products { try worker.add(product) }
        }
    }

    /// Writes the open segment if it has documents.
    func flush() throws {
        try enqueue { worker in try worker.writeSegment() }
    }

    /// Builds merge number `number` from the live documents of `sources` into a new segment file
    /// (on the worker's thread); ``collectMerged()`` gives it after ``wait()``.
    ///
    /// ``SegmentMerger`` merges the structures directly (nothing is analyzed again); a merged
    /// segment is exactly what indexing its live products afresh would give.
    func merge(_ sources: [MergeSource], number: Int) throws {
        try enqueue { worker in
            let merger = SegmentMerger(
                schema: worker.documents.schema,
                sources: sources.map { SegmentMerger.Source(reader: $0.reader, deletions: $0.deleted) })
            let (bytes, documentCount) = try merger.merge()
            let built = documentCount > 0 ? try worker.write(bytes) : nil
            worker.results.withLock { $0.merged[number] = built.map { (name: $0.0, reader: $0.1) } }
        }
    }

    /// The merges finished since the last call, by merge number; throws a failure of the thread.
    func collectMerged() throws -> [Int: (name: String, reader: SegmentReader)?] {
        try results.withLock { results in
            if let error = results.error { throw error }
            defer { results.merged.removeAll() }
            return results.merged
        }
    }

    /// Waits until every job given so far has finished.
    func wait() {
        queue?.sync {}
    }

    /// The segments written since the last call, in order; throws the first failure of a job on
    /// the worker's thread (the worker is unusable after one).
    func collect() throws -> [Written] {
        try results.withLock { results in
            if let error = results.error { throw error }
            defer { results.written.removeAll() }
            return results.written
        }
    }

    /// The stored product of sequence number `sequence` when it is in the open segment; call
    /// ``wait()`` first.
    func storedProduct(sequence: Int) throws -> Product? {
        try perform { worker -> Product? in
            let document = sequence - worker.firstSequence
            guard document >= 0, document < worker.segment.documentCount, !worker.broken.contains(document) else {
                return nil
            }
            return try worker.segment.stored[document].withUnsafeBytes {
                try StoredProductCodec.decode($0, file: "(indexing buffer)")
            }
        }
    }

    // MARK: - Jobs (on the worker's thread)

    private func add(_ product: Product) throws {
        let before = segment.documentCount
        do {
            try documents.add(product, to: segment)
        } catch {
            // A document analysis gave up on half way is never visible, but keeps its sequence
            // number (the writer counted it).
            if segment.documentCount == before {
                _ = segment.addDocument(id: product.id, stored: StoredProductCodec.encode(product))
            }
            broken.insert(before)
            throw error
        }
        if segment.estimatedBytes >= bufferBytes { try writeSegment() }
    }

    private func writeSegment() throws {
        guard segment.documentCount > 0 else { return }
        let full = segment
        let (name, reader) = try write(try full.serialize())
        let written = Written(name: name, reader: reader, firstSequence: firstSequence, broken: broken)
        results.withLock { $0.written.append(written) }
        firstSequence += full.documentCount
        broken = []
        segment = documents.startSegment()
    }

    /// Runs `job` inline, or on the worker's thread (then returning only for synchronous jobs).
    private func enqueue(_ job: @escaping @Sendable (SegmentWorker) throws -> Void) throws {
        guard let queue else { return try job(self) }
        room.wait()
        queued.add(1, ordering: .relaxed)
        queue.async { [self] in
            defer {
                queued.subtract(1, ordering: .relaxed)
                room.signal()
            }
            guard results.withLock({ $0.error == nil }) else { return }
            do {
                try job(self)
            } catch {
                results.withLock { $0.error = error }
            }
        }
    }

    /// Runs `job` and returns its result (synchronously, on the worker's thread if it has one).
    private func perform<T>(_ job: (SegmentWorker) throws -> T) throws -> T {
        guard let queue else { return try job(self) }
        return try queue.sync { try job(self) }
    }
}
