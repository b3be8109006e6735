import Foundation

/// Applies ``FileRetention``: which commit points and files of a directory are kept, and
/// deleting the rest.
enum FileLifetime {
    /// What a collection decided.
    struct Plan: Equatable {
        /// Commit point generations kept.
        var keptCommits: [Int] = []
        /// Files deleted (commit points first, then segment and deletion files).
        var deleted: [String] = []
    }

    /// Deletes what no kept commit needs: expired commit points, commit points of commits that
    /// never completed (newer than `current`), then segment and deletion files named by no kept
    /// commit point, no pinned snapshot and not in `inProgress`; also a stale temporary manifest.
    ///
    /// - Parameters:
    ///   - directory: The index directory (the caller holds the writer lock).
    ///   - current: The manifest of the current commit.
    ///   - retention: The rule.
    ///   - inProgress: Files of the writer's commit being built.
    ///   - now: The time, seconds since 1970.
    ///   - cache: The files of commit points already read, by file name (commit points never change).
    /// - Returns: What was kept and deleted.
    /// - Throws: ``IndexError`` `io` when the directory cannot be listed.
    @discardableResult
    static func collect(
        directory: IndexDirectory, current: Manifest, retention: FileRetention, inProgress: Set<String> = [],
        now: Double = Date().timeIntervalSince1970, cache: inout [String: Set<String>]
    ) throws -> Plan {
        try SnapshotRegistry.withPinnedFiles(directory: directory) { pinned in
            let names = try directory.list()
            let plan = decide(
                names: names, directory: directory, current: current, retention: retention,
                keep: pinned.union(inProgress), now: now, cache: &cache)
            for name in plan.deleted {
                directory.remove(name)
                cache[name] = nil
            }
            return plan
        }
    }

    /// The decision of ``collect(directory:current:retention:inProgress:now:cache:)``, without deleting.
    static func decide(
        names: [String], directory: IndexDirectory, current: Manifest, retention: FileRetention, keep: Set<String>,
        now: Double, cache: inout [String: Set<String>]
    ) -> Plan {
        var plan = Plan()
        var keepFiles = current.files.union(keep)
        let points = names.compactMap { name in Manifest.commitPointGeneration(name).map { ($0, name) } }
            .sorted { $0.0 < $1.0 }
        let committed = points.filter { $0.0 <= current.generation }
        for (index, (generation, name)) in committed.enumerated() {
            // The commit that replaced this one: the next commit point, else manifest.json.
            let successor = index + 1 < committed.count ? committed[index + 1].1 : Manifest.fileName
            let replacedAt = directory.modificationTime(successor) ?? 0
            let recent = generation > current.generation - retention.commits
            let young = generation == current.generation || now - replacedAt < retention.seconds
            if recent || young {
                plan.keptCommits.append(generation)
                // An unreadable commit point protects nothing (and is left for `vitrina check`).
                if let files = cache[name] {
                    keepFiles.formUnion(files)
                } else if let manifest = try? Manifest.load(file: name, from: directory) {
                    cache[name] = manifest.files
                    keepFiles.formUnion(manifest.files)
                }
            } else {
                plan.deleted.append(name)
            }
        }
        // Commit points past the current commit: their rename never happened.
        plan.deleted += points.filter { $0.0 > current.generation }.map(\.1)
        if names.contains(Manifest.temporaryFileName) { plan.deleted.append(Manifest.temporaryFileName) }
        plan.deleted += names.filter { Manifest.segmentNumber(ofFile: $0) != nil && !keepFiles.contains($0) }.sorted()
        return plan
    }
}
