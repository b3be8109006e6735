import Synchronization

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

/// The snapshots of each index directory that readers of this process hold or are opening:
/// in-process reference counting, so a writer of the same process never deletes their files.
///
/// A reader reads `manifest.json` and registers the files it names under one lock, and a writer
/// decides what to delete and deletes it under the same lock, so no reader of this process can
/// be between "read the manifest" and "registered" while files go.
enum SnapshotRegistry {
    private struct State {
        var nextPin = 0
        /// Per directory key: the files of each pinned snapshot.
        var pins: [String: [Int: Set<String>]] = [:]
        /// Directory keys whose writers ignore pins (a test hook standing in for another process).
        var ignored: Set<String> = []
    }

    private static let state = Mutex<State>(State())

    /// A stable key for a directory path (its real path when it exists).
    static func key(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Reads a manifest with `read` and pins its files until the returned pin is released.
    static func pin(directory: IndexDirectory, read: () throws -> Manifest) throws -> (Manifest, SnapshotPin) {
        let key = key(directory.path)
        return try state.withLock { state in
            let manifest = try read()
            let id = state.nextPin
            state.nextPin += 1
            state.pins[key, default: [:]][id] = manifest.files
            return (manifest, SnapshotPin(key: key, id: id))
        }
    }

    static func unpin(key: String, id: Int) {
        state.withLock { state in
            state.pins[key]?[id] = nil
            if state.pins[key]?.isEmpty == true { state.pins[key] = nil }
        }
    }

    /// Runs `body` with the files pinned in `directory`, holding the registry lock so nothing is
    /// pinned meanwhile (the writer deletes inside `body`).
    static func withPinnedFiles<T>(directory: IndexDirectory, _ body: (Set<String>) throws -> T) throws -> T {
        let key = key(directory.path)
        return try state.withLock { state in
            let pinned =
                state.ignored.contains(key)
                ? []
                : state.pins[key]?.values.reduce(into: Set<String>()) {
                    $0.formUnion($1)
                }
            return try body(pinned ?? [])
        }
    }

    /// Test hook: writers of `path` ignore this process's pins, as a writer in another process would.
    static func ignorePins(path: String, _ ignore: Bool) {
        let key = key(path)
        state.withLock { state in
            if ignore { state.ignored.insert(key) } else { state.ignored.remove(key) }
        }
    }
}

/// One pinned snapshot; released when the value is.
final class SnapshotPin: Sendable {
    let key: String
    let id: Int

    init(key: String, id: Int) {
        self.key = key
        self.id = id
    }

    deinit { SnapshotRegistry.unpin(key: key, id: id) }
}
