import Foundation

/// The list of committed segments: the single source of truth of what an index contains.
///
/// A commit writes its manifest twice: once as the commit point `manifest-<generation>.json`
/// (created exclusively, never changed), then as `manifest.json` by write-to-temporary, fsync,
/// rename, fsync-directory. `manifest.json` is what readers open, and its rename is the moment of
/// the commit, so a crash leaves either the previous commit or the new one, never a mix. The
/// numbered commit points are the index's recent history: they keep the files of recent commits
/// alive for readers that are still opening them (see ``FileRetention``) and are what
/// `vitrina check --repair` rolls back to.
///
/// A writer opening a directory with no index writes the empty commit point
/// `manifest-0.json` first: a directory with segment files, no `manifest.json` and no commit
/// point but that one is a first import that never committed (its files are leftovers); with no
/// commit point at all, or with a later one, `manifest.json` was lost and the writer refuses to
/// go on until a repair.
///
/// A manifest is validated whenever it is read: segment and deletion file names must be local
/// names of the index's own pattern (`seg-000012`, `seg-000012.del-7`; never `../x`, `/abs` or
/// anything with a separator), no segment may be listed twice, counts must be in range, and
/// `nextSegment` must be past every listed segment.
struct Manifest: Codable, Equatable {
    /// One committed segment.
    struct Segment: Codable, Equatable {
        /// The file name without extension: `seg-000001`.
        var name: String
        /// Documents in the file.
        var documentCount: Int
        /// Deleted documents.
        var deletedCount: Int
        /// The deletion bitset file, when any document is deleted.
        var deletions: String?

        /// The segment file's name.
        var fileName: String { name + "." + SegmentFormat.fileExtension }
        /// The files this segment needs: the segment file and its deletion file.
        var files: [String] { [fileName] + (deletions.map { [$0] } ?? []) }
    }

    static let fileName = "manifest.json"
    static let temporaryFileName = "manifest.json.tmp"
    static let formatVersion = 1

    var format = Manifest.formatVersion
    var generation: Int
    var nextSegment: Int
    var schema: Schema
    var segments: [Segment]

    /// Every file this commit needs (segments and deletion files).
    var files: Set<String> { Set(segments.flatMap(\.files)) }

    /// The commit point file of `generation`: `manifest-<generation>.json`.
    static func commitPointName(_ generation: Int) -> String { "manifest-\(generation).json" }

    /// The generation of a commit point file name, `nil` for any other name.
    static func commitPointGeneration(_ name: String) -> Int? {
        guard name.hasPrefix("manifest-"), name.hasSuffix(".json") else { return nil }
        let digits = name.dropFirst("manifest-".count).dropLast(".json".count)
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// The number of a segment name `seg-<digits>`, `nil` for any other name.
    static func segmentNumber(_ name: String) -> Int? {
        guard name.hasPrefix("seg-") else { return nil }
        let digits = name.dropFirst(4)
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// The segment number of any file the index writes for a segment (`seg-N.vseg`,
    /// `seg-N.del-G`), `nil` for other names.
    static func segmentNumber(ofFile name: String) -> Int? {
        guard let dot = name.firstIndex(of: ".") else { return nil }
        let rest = name[name.index(after: dot)...]
        guard rest == SegmentFormat.fileExtension || isDeletionSuffix(rest) else { return nil }
        return segmentNumber(String(name[..<dot]))
    }

    private static func isDeletionSuffix(_ suffix: Substring) -> Bool {
        guard suffix.hasPrefix("del-") else { return false }
        let digits = suffix.dropFirst(4)
        return !digits.isEmpty && digits.count <= 18 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Reads and validates `manifest.json` of `directory`.
    static func load(from directory: IndexDirectory) throws -> Manifest {
        guard directory.exists(fileName) else {
            let names = (try? directory.list()) ?? []
            let points = names.compactMap(commitPointGeneration)
            let segmentFiles = names.contains { segmentNumber(ofFile: $0) != nil }
            // Never committed: at most the empty commit point 0 a new writer writes (and files
            // of a first import that was interrupted). Anything else lost its manifest.json.
            let neverCommitted = !points.contains { $0 > 0 } && (points.contains(0) || !segmentFiles)
            throw IndexError(
                code: neverCommitted ? .noIndex : .needsRepair, path: directory.path, offset: nil,
                message: neverCommitted
                    ? "no committed index (missing \(fileName))"
                    : "index files but no \(fileName): run `vitrina check --index DIR --repair` to roll back to the last consistent commit"
            )
        }
        return try load(file: fileName, from: directory)
    }

    /// Reads and validates the manifest file `file` of `directory`.
    static func load(file: String, from directory: IndexDirectory) throws -> Manifest {
        let manifest = try decode(file: file, from: directory)
        try manifest.validate(path: directory.file(file))
        return manifest
    }

    /// Reads the manifest file `file` of `directory` without validating it.
    static func decode(file: String, from directory: IndexDirectory) throws -> Manifest {
        let path = directory.file(file)
        let bytes = try directory.read(file)
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: Data(bytes))
        } catch {
            throw IndexError.corrupt(file: path, offset: nil, "unreadable manifest: \(error)")
        }
        guard manifest.format == formatVersion else {
            throw IndexError(
                code: .foreignFile, path: path, offset: nil, message: "index format \(manifest.format) is not supported"
            )
        }
        return manifest
    }

    /// Checks names, counts and references (see the type's discussion).
    ///
    /// - Throws: ``IndexError`` `corrupt` naming `path` and the first problem.
    func validate(path: String) throws {
        func problem(_ message: String) -> IndexError { IndexError.corrupt(file: path, offset: nil, message) }
        guard generation >= 0, nextSegment >= 1 else {
            throw problem("generation \(generation) or nextSegment \(nextSegment) out of range")
        }
        guard schema.fields.count <= SegmentFormat.maximumFields else { throw problem("schema too large") }
        var seen: Set<String> = []
        for segment in segments {
            guard let number = Self.segmentNumber(segment.name) else {
                throw problem("segment name \"\(segment.name)\" is not a local segment name (seg-NNNNNN)")
            }
            guard seen.insert(segment.name).inserted else { throw problem("segment \(segment.name) is listed twice") }
            guard number < nextSegment else {
                throw problem("segment \(segment.name) is not below nextSegment \(nextSegment)")
            }
            guard segment.documentCount >= 1, segment.documentCount <= Int(Int32.max) else {
                throw problem("segment \(segment.name): document count \(segment.documentCount) out of range")
            }
            guard segment.deletedCount >= 0, segment.deletedCount < segment.documentCount else {
                throw problem(
                    "segment \(segment.name): \(segment.deletedCount) deleted of \(segment.documentCount) documents")
            }
            if let deletions = segment.deletions {
                guard deletions.hasPrefix(segment.name + ".del-"), Self.segmentNumber(ofFile: deletions) == number
                else {
                    throw problem("deletion file \"\(deletions)\" is not a deletion file of \(segment.name)")
                }
            } else if segment.deletedCount != 0 {
                throw problem("segment \(segment.name) has \(segment.deletedCount) deletions but no deletion file")
            }
        }
    }

    /// The manifest's bytes as stored.
    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return Array(try encoder.encode(self))
    }

    /// Commits this manifest: writes the commit point `manifest-<generation>.json` (exclusively),
    /// then replaces `manifest.json` atomically and durably.
    func store(in directory: IndexDirectory) throws {
        let bytes = try encoded()
        try directory.writeDurably(Self.commitPointName(generation), bytes: bytes)
        directory.remove(Self.temporaryFileName)
        try directory.writeDurably(Self.temporaryFileName, bytes: bytes)
        try directory.rename(Self.temporaryFileName, to: Manifest.fileName)
    }
}
