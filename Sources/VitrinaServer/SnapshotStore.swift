import Synchronization
import VitrinaIndex

/// The server's current snapshot, swapped atomically when the index gets a new commit.
///
/// A request reads ``current`` once and keeps that snapshot to its end, so a reload never changes
/// an answer half-way; the old snapshot is released when its last request drops it.
public final class SnapshotStore: Sendable {
    private let state: Mutex<Snapshot>
    /// Serializes reloads (the poller and writes through the server may both ask for one).
    private let reloading = Mutex<Void>(())
    /// The index directory.
    public let path: String

    /// Opens the last commit of the index at `path`.
    ///
    /// - Throws: ``IndexError`` when there is no index or it cannot be read.
    public init(path: String) throws {
        self.path = path
        state = Mutex(Snapshot(reader: try IndexReader(path: path)))
    }

    /// The snapshot requests should use now.
    var current: Snapshot { state.withLock { $0 } }

    /// The generation being served.
    public var generation: Int { current.generation }

    /// Publishes the newest commit if it differs from the one being served.
    ///
    /// - Returns: Whether a new snapshot was published.
    /// - Throws: ``IndexError`` when the manifest or a new segment cannot be read (the old snapshot
    ///   stays in service).
    @discardableResult
    public func reload() throws -> Bool {
        try reloading.withLock { _ in
            let old = current
            let reader = try old.reader.reopen()
            guard reader !== old.reader else { return false }
            let snapshot = Snapshot(reader: reader)
            state.withLock { $0 = snapshot }
            return true
        }
    }
}
