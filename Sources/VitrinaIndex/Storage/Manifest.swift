import Foundation

/// The list of committed segments: the single source of truth of what an index contains.
///
/// Written as `manifest.json` by write-to-temporary, fsync, rename, fsync-directory, so a crash
/// leaves either the previous manifest or the new one, never a mix.
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
    }

    static let fileName = "manifest.json"
    static let formatVersion = 1

    var format = Manifest.formatVersion
    var generation: Int
    var nextSegment: Int
    var schema: Schema
    var segments: [Segment]

    /// Reads the manifest of `directory`.
    static func load(from directory: IndexDirectory) throws -> Manifest {
        guard directory.exists(fileName) else {
            throw IndexError(
                code: .noIndex, path: directory.path, offset: nil, message: "no committed index (missing \(fileName))")
        }
        let bytes = try directory.read(fileName)
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: Data(bytes))
        } catch {
            throw IndexError.corrupt(file: directory.file(fileName), offset: nil, "unreadable manifest: \(error)")
        }
        guard manifest.format == formatVersion else {
            throw IndexError(
                code: .foreignFile, path: directory.file(fileName), offset: nil,
                message: "index format \(manifest.format) is not supported")
        }
        return manifest
    }

    /// Writes this manifest durably and atomically.
    func store(in directory: IndexDirectory) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let bytes = Array(try encoder.encode(self))
        let temporary = "manifest.json.tmp"
        try directory.writeDurably(temporary, bytes: bytes)
        try directory.rename(temporary, to: Manifest.fileName)
    }
}
