#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

/// Sizes and counts of an index snapshot, for `vitrina stats`.
public struct IndexStats: Sendable, Codable, Equatable {
    /// One segment.
    public struct Segment: Sendable, Codable, Equatable {
        /// The segment's name.
        public var name: String
        /// Documents in it, deleted ones included.
        public var documents: Int
        /// Deleted documents.
        public var deleted: Int
        /// The file's size in bytes.
        public var bytes: Int
    }

    /// The commit generation.
    public var generation: Int
    /// Live documents.
    public var documents: Int
    /// Deleted documents still in segments.
    public var deleted: Int
    /// Distinct terms per text field, summed over segments.
    public var terms: [String: Int]
    /// Bytes on disk per kind of file: `segments` (this snapshot's), `deletions` and `manifest`
    /// (every file of the directory, commit points included).
    public var bytes: [String: Int]
    /// The segments.
    public var segments: [Segment]
}

extension IndexReader {
    /// Counts and sizes of this snapshot.
    public func stats() -> IndexStats {
        var terms: [String: Int] = [:]
        for field in schema.textFields {
            terms[schema.fields[field].name] = segments.reduce(0) { $0 + $1.reader.termCount(field: field) }
        }
        let segmentStats = segments.map {
            IndexStats.Segment(
                name: $0.reader.name, documents: $0.reader.documentCount, deleted: $0.deletions?.count ?? 0,
                bytes: $0.reader.file.bytes.count)
        }
        var bytes = ["segments": segmentStats.reduce(0) { $0 + $1.bytes }, "deletions": 0, "manifest": 0]
        for name in (try? directory.list()) ?? [] {
            var status = stat()
            guard stat(directory.file(name), &status) == 0 else { continue }
            if name.contains(".del-") { bytes["deletions", default: 0] += Int(status.st_size) }
            if name == Manifest.fileName || Manifest.commitPointGeneration(name) != nil {
                bytes["manifest", default: 0] += Int(status.st_size)
            }
        }
        return IndexStats(
            generation: generation, documents: documentCount, deleted: segmentStats.reduce(0) { $0 + $1.deleted },
            terms: terms, bytes: bytes, segments: segmentStats)
    }
}
