import Foundation
import Testing

@testable import VitrinaIndex

/// Edits `manifest.json` of an index as a careless person or a broken tool would.
enum ManifestFile {
    static func edit(_ index: String, file: String = "manifest.json", _ body: (inout [String: Any]) -> Void) throws {
        let url = URL(fileURLWithPath: index + "/" + file)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        body(&object)
        try JSONSerialization.data(withJSONObject: object).write(to: url)
    }

    static func segments(_ object: [String: Any]) -> [[String: Any]] {
        object["segments"] as? [[String: Any]] ?? []
    }
}

/// Every file of a directory with its bytes (to prove nothing was touched).
func directorySnapshot(_ path: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: path) where name != "write.lock" {
        files[name] = try Data(contentsOf: URL(fileURLWithPath: path + "/" + name))
    }
    return files
}

/// A writer that verifies before it writes (issue 12, finding 2): before, a missing manifest, a
/// `nextSegment` behind the segments or a doubled entry made `index` destroy data with exit 0.
@Suite("Writer verification")
struct WriterVerificationTests {
    /// Two commits: seg-000001 (the first three samples), then seg-000002 (the other two).
    static func twoCommits() throws -> TemporaryIndex {
        let index = TemporaryIndex()
        let writer = try IndexWriter(path: index.path)
        for product in SampleProducts.all.prefix(3) { try writer.add(product) }
        try writer.commit()
        for product in SampleProducts.all.dropFirst(3) { try writer.add(product) }
        try writer.commit()
        return index
    }

    @Test func aDirectoryWithSegmentsButNoManifestIsRefused() throws {
        let index = try Self.twoCommits()
        try FileManager.default.removeItem(atPath: index.path + "/manifest.json")
        let before = try directorySnapshot(index.path)
        #expect { try IndexWriter(path: index.path) } throws: { ($0 as? IndexError)?.code == .needsRepair }
        #expect { try IndexReader(path: index.path) } throws: { ($0 as? IndexError)?.code == .needsRepair }
        #expect(try directorySnapshot(index.path) == before)
        // Told to recover, the writer rolls back to the last commit point and goes on.
        let writer = try IndexWriter(path: index.path, recover: true)
        #expect(try writer.product(id: "vc-2") == SampleProducts.all[4])
        try writer.add(Product(id: "new", title: "Чайник"))
        try writer.commit()
        let reader = try IndexReader(path: index.path)
        #expect(reader.documentCount == 6 && reader.generation == 4)
    }

    @Test func nextSegmentBehindALiveSegmentIsRefused() throws {
        let index = try Self.twoCommits()
        try ManifestFile.edit(index.path) { $0["nextSegment"] = 2 }
        let before = try directorySnapshot(index.path)
        #expect { try IndexWriter(path: index.path) } throws: { error in
            guard let error = error as? IndexError else { return false }
            return error.code == .corrupt && error.message.contains("nextSegment")
        }
        #expect(try directorySnapshot(index.path) == before)
    }

    @Test func segmentNumbersOfFilesPresentAreNeverReused() throws {
        let index = try Self.twoCommits()
        // A file the manifest does not name, at the number the manifest would use next.
        try Data("leftover".utf8).write(to: URL(fileURLWithPath: index.path + "/seg-000003.vseg"))
        try Data("leftover".utf8).write(to: URL(fileURLWithPath: index.path + "/seg-000007.del-9"))
        let writer = try IndexWriter(path: index.path)
        try writer.add(Product(id: "new", title: "Чайник"))
        try writer.commit()
        let segments = ManifestFile.segments(
            try #require(
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: index.path + "/manifest.json")))
                    as? [String: Any]))
        #expect(segments.compactMap { $0["name"] as? String } == ["seg-000001", "seg-000002", "seg-000008"])
    }

    @Test func filesAreCreatedExclusively() throws {
        let index = TemporaryIndex()
        let directory = IndexDirectory(path: index.path)
        try directory.create()
        try directory.writeDurably("seg-000001.vseg", bytes: [1, 2, 3])
        #expect { try directory.writeDurably("seg-000001.vseg", bytes: [4]) } throws: { error in
            (error as? IndexError)?.message.contains("refusing to overwrite") == true
        }
        #expect(try directory.read("seg-000001.vseg") == [1, 2, 3])
    }

    @Test func aSegmentListedTwiceIsAnErrorNotDuplicateHits() throws {
        let index = try Self.twoCommits()
        try ManifestFile.edit(index.path) { object in
            let segments = ManifestFile.segments(object)
            object["segments"] = segments + [segments[0]]
        }
        let listedTwice: (any Error) -> Bool = { error in
            guard let error = error as? IndexError else { return false }
            return error.code == .corrupt && error.message.contains("listed twice")
        }
        #expect(performing: { try IndexReader(path: index.path) }, throws: listedTwice)
        #expect(performing: { try IndexWriter(path: index.path) }, throws: listedTwice)
    }

    @Test(arguments: ["../seg-000001", "/tmp/seg-000001", "seg-000001/x", "seg-1.vseg", "", "seg-", "seg-00x"])
    func nonLocalOrForeignSegmentNamesAreRejected(name: String) throws {
        let index = try Self.twoCommits()
        try ManifestFile.edit(index.path) { object in
            var segments = ManifestFile.segments(object)
            segments[0]["name"] = name
            object["segments"] = segments
        }
        #expect { try IndexReader(path: index.path) } throws: { ($0 as? IndexError)?.code == .corrupt }
        #expect { try IndexWriter(path: index.path) } throws: { ($0 as? IndexError)?.code == .corrupt }
    }

    @Test func deletionFileNamesMustBelongToTheirSegment() throws {
        let index = try Self.twoCommits()
        for deletions in ["../../etc/passwd", "seg-000002.del-3", "seg-000001.del-", "seg-000001.vseg"] {
            try ManifestFile.edit(index.path) { object in
                var segments = ManifestFile.segments(object)
                segments[0]["deletions"] = deletions
                segments[0]["deletedCount"] = 1
                object["segments"] = segments
            }
            #expect { try IndexReader(path: index.path) } throws: { ($0 as? IndexError)?.code == .corrupt }
        }
    }

    @Test func countsThatDisagreeWithTheFilesAreRefused() throws {
        let index = try Self.twoCommits()
        try ManifestFile.edit(index.path) { object in
            var segments = ManifestFile.segments(object)
            segments[0]["documentCount"] = 4
            object["segments"] = segments
        }
        let before = try directorySnapshot(index.path)
        #expect { try IndexWriter(path: index.path) } throws: { error in
            guard let error = error as? IndexError else { return false }
            return error.code == .corrupt && error.path.hasSuffix("seg-000001.vseg")
        }
        #expect(try directorySnapshot(index.path) == before)

        let deleted = try Self.twoCommits()
        do {
            let writer = try IndexWriter(path: deleted.path, mergePolicy: MergePolicy(maximumDeletedRatio: 0.9))
            try writer.delete(id: "tv-1")
            try writer.commit()
        }
        try ManifestFile.edit(deleted.path) { object in
            var segments = ManifestFile.segments(object)
            segments[0]["deletedCount"] = 2
            object["segments"] = segments
        }
        let deletionsDisagree: (any Error) -> Bool = { error in
            guard let error = error as? IndexError else { return false }
            return error.code == .corrupt && error.message.contains("the manifest says 2")
        }
        #expect(performing: { try IndexWriter(path: deleted.path) }, throws: deletionsDisagree)
        #expect(performing: { try IndexReader(path: deleted.path) }, throws: deletionsDisagree)
    }
}
