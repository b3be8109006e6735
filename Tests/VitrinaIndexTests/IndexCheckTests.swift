import Foundation
import Testing

@testable import VitrinaIndex

/// `IndexCheck`: every file, count and reference verified; repair rolls back to the last
/// consistent commit and keeps what it drops (issue 12, `vitrina check`).
@Suite("Index check and repair")
struct IndexCheckTests {
    /// Two commits kept as commit points: seg-000001 (three samples), then seg-000002 (two more).
    static func twoCommits() throws -> TemporaryIndex { try WriterVerificationTests.twoCommits() }

    static func quarantined(_ index: TemporaryIndex, _ report: IndexCheckReport) throws -> [String] {
        let folder = try #require(report.quarantine)
        return try FileManager.default.contentsOfDirectory(atPath: index.path + "/" + folder).sorted()
    }

    @Test func aHealthyIndexIsClean() throws {
        let index = try Self.twoCommits()
        let report = try IndexCheck.check(path: index.path)
        #expect(report.status == .clean && report.exitCode == 0, "\(report.problems)")
        #expect(report.generation == 2 && report.documents == 5)
        #expect(
            report.commits.map(\.file) == ["manifest.json", "manifest-2.json", "manifest-1.json", "manifest-0.json"])
        #expect(report.commits.allSatisfy { $0.consistent })
        #expect(
            report.segments.map(\.name) == ["seg-000001", "seg-000002"] && report.segments.allSatisfy { $0.consistent })
        #expect(report.problems.isEmpty && report.orphans.isEmpty)
        // Repair of a clean index changes nothing.
        let before = try directorySnapshot(index.path)
        let repaired = try IndexCheck.repair(path: index.path)
        #expect(repaired.actions.isEmpty && repaired.quarantine == nil && repaired.status == .clean)
        #expect(try directorySnapshot(index.path) == before)
    }

    @Test func orphanFilesAreWarningsThatRepairQuarantines() throws {
        let index = try Self.twoCommits()
        try Data("left by a crash".utf8).write(to: URL(fileURLWithPath: index.path + "/seg-000009.vseg"))
        let report = try IndexCheck.check(path: index.path)
        #expect(report.status == .clean && report.orphans == ["seg-000009.vseg"])
        #expect(report.problems.map(\.code) == ["orphan"] && report.problems[0].severity == .warning)
        let repaired = try IndexCheck.repair(path: index.path)
        #expect(try Self.quarantined(index, repaired) == ["seg-000009.vseg"])
        #expect(repaired.actions.count == 1 && repaired.actions[0].contains("seg-000009.vseg"))
        #expect(try IndexCheck.check(path: index.path).problems.isEmpty)
    }

    @Test func aDamagedSegmentRollsBackToTheLastConsistentCommit() throws {
        let index = try Self.twoCommits()
        let file = index.path + "/seg-000002.vseg"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        bytes[40] ^= 0x55
        try bytes.write(to: URL(fileURLWithPath: file))
        let report = try IndexCheck.check(path: index.path)
        #expect(report.status == .corrupt && report.exitCode == 65)
        let problem = try #require(report.problems.first { $0.severity == .error })
        #expect(problem.code == "corrupt" && problem.path.hasSuffix("seg-000002.vseg") && problem.offset != nil)
        #expect(report.commits.map(\.consistent) == [false, false, true, true])

        let repaired = try IndexCheck.repair(path: index.path)
        #expect(repaired.status == .clean, "\(repaired)")
        #expect(repaired.generation == 3 && repaired.documents == 3)
        #expect(try Self.quarantined(index, repaired) == ["manifest-2.json", "manifest.json", "seg-000002.vseg"])
        #expect(repaired.actions.contains { $0.contains("committed generation 3 = manifest-1.json") })
        let reader = try IndexReader(path: index.path)
        #expect(Set(try reader.search(SearchRequest(text: "")).hits.map(\.id)) == ["tv-1", "tv-2", "ph-1"])
        // A writer continues from there.
        let writer = try IndexWriter(path: index.path)
        try writer.add(SampleProducts.all[3])
        #expect(try writer.commit().documents == 4)
    }

    @Test func aMissingManifestIsRestoredFromItsCommitPoint() throws {
        let index = try Self.twoCommits()
        try FileManager.default.removeItem(atPath: index.path + "/manifest.json")
        let report = try IndexCheck.check(path: index.path)
        #expect(report.status == .corrupt && report.problems.contains { $0.code == "needs-repair" })
        let repaired = try IndexCheck.repair(path: index.path)
        #expect(repaired.status == .clean && repaired.documents == 5 && repaired.quarantine == nil)
        #expect(try IndexReader(path: index.path).documentCount == 5)
    }

    @Test func aDamagedDeletionFileIsFound() throws {
        let index = try Self.twoCommits()
        do {
            let writer = try IndexWriter(path: index.path, mergePolicy: MergePolicy(maximumDeletedRatio: 0.9))
            try writer.delete(id: "tv-2")
            try writer.commit()
        }
        let file = index.path + "/seg-000001.del-3"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        bytes[12] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: file))
        let report = try IndexCheck.check(path: index.path)
        #expect(report.status == .corrupt)
        #expect(report.problems.contains { $0.severity == .error && $0.path.hasSuffix("seg-000001.del-3") })
        let repaired = try IndexCheck.repair(path: index.path)
        #expect(repaired.status == .clean && repaired.documents == 5)  // back before the delete
    }

    @Test func anIdLiveInTwoSegmentsIsAnError() throws {
        let index = try Self.twoCommits()
        let other = TemporaryIndex()
        _ = try other.committed([SampleProducts.all[0]])
        try FileManager.default.copyItem(
            atPath: other.path + "/seg-000001.vseg", toPath: index.path + "/seg-000003.vseg")
        try ManifestFile.edit(index.path) { object in
            object["segments"] =
                ManifestFile.segments(object) + [["name": "seg-000003", "documentCount": 1, "deletedCount": 0]]
            object["nextSegment"] = 4
        }
        let report = try IndexCheck.check(path: index.path)
        #expect(report.status == .corrupt)
        #expect(report.problems.contains { $0.code == "duplicate-id" && $0.message.contains("tv-1") })
    }

    @Test func aNextSegmentBehindItsSegmentsIsRaisedByRepair() throws {
        let index = try Self.twoCommits()
        for file in ["manifest.json", "manifest-2.json", "manifest-1.json"] {
            try ManifestFile.edit(index.path, file: file) { $0["nextSegment"] = 1 }
        }
        let report = try IndexCheck.check(path: index.path)
        #expect(report.status == .corrupt && report.problems.contains { $0.message.contains("nextSegment") })
        let repaired = try IndexCheck.repair(path: index.path)
        #expect(repaired.status == .clean && repaired.documents == 5 && repaired.generation == 3, "\(repaired)")
        let writer = try IndexWriter(path: index.path)
        try writer.add(Product(id: "new", title: "Чайник"))
        #expect(try writer.commit().documents == 6)
    }

    @Test func withNoConsistentCommitEverythingIsQuarantined() throws {
        let index = TemporaryIndex()
        _ = try index.committed(SampleProducts.all)
        try FileManager.default.removeItem(atPath: index.path + "/manifest-0.json")
        let file = index.path + "/seg-000001.vseg"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: file))
        let repaired = try IndexCheck.repair(path: index.path)
        #expect(repaired.status == .corrupt && repaired.exitCode == 65)
        #expect(try Self.quarantined(index, repaired) == ["manifest-1.json", "manifest.json", "seg-000001.vseg"])
        #expect { try IndexReader(path: index.path) } throws: { ($0 as? IndexError)?.code == .noIndex }
    }

    @Test func aFirstImportThatNeverCommittedLeavesNoIndexAndNoRefusal() throws {
        let index = TemporaryIndex()
        do {
            // Flushed segments, then the process "dies" before commit().
            let writer = try IndexWriter(path: index.path, bufferBytes: 1)
            for number in 0..<3_000 {
                try writer.add(
                    Product(
                        id: "p\(number)", title: "Товар \(number)", description: String(repeating: "слово ", count: 60))
                )
            }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: index.path)
        #expect(
            names.contains("manifest-0.json") && names.contains { $0.hasSuffix(".vseg") }
                && !names.contains("manifest.json"))
        #expect { try IndexReader(path: index.path) } throws: { ($0 as? IndexError)?.code == .noIndex }
        let report = try IndexCheck.check(path: index.path)
        #expect(report.problems.contains { $0.code == "no-index" } && report.orphans.count >= 1)
        let writer = try IndexWriter(path: index.path)
        try writer.add(SampleProducts.all[0])
        try writer.commit()
        #expect(try IndexReader(path: index.path).documentCount == 1)
        #expect(try IndexCheck.check(path: index.path).orphans.isEmpty)
    }

    @Test func repairWaitsForNoWriter() throws {
        let index = try Self.twoCommits()
        let writer = try IndexWriter(path: index.path)
        #expect { try IndexCheck.repair(path: index.path) } throws: { ($0 as? IndexError)?.code == .locked }
        #expect(try IndexCheck.check(path: index.path).status == .clean)  // a check needs no lock
        _ = writer
    }

    @Test func anUnreadableFileIsAnIOError() throws {
        let index = try Self.twoCommits()
        try FileManager.default.removeItem(atPath: index.path + "/seg-000002.vseg")
        try FileManager.default.createDirectory(
            atPath: index.path + "/seg-000002.vseg", withIntermediateDirectories: false)
        let report = try IndexCheck.check(path: index.path)
        #expect(report.status == .ioError && report.exitCode == 74, "\(report.problems)")
    }
}
