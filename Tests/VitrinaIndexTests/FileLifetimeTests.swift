import Foundation
import Synchronization
import Testing

@testable import VitrinaIndex

/// Snapshot-safe file lifetime (issue 12, finding 1): a commit deleted segment files that a
/// reader had just read in `manifest.json`, so about 1% of reads failed during commits.
@Suite("File lifetime")
struct FileLifetimeTests {
    static func exists(_ index: TemporaryIndex, _ name: String) -> Bool {
        FileManager.default.fileExists(atPath: index.path + "/" + name)
    }

    /// Commits seg-000001 with the samples, then replaces all of them (seg-000001 drops out).
    static func replaceEverything(_ writer: IndexWriter) throws {
        for product in SampleProducts.all {
            var changed = product
            changed.title = (product.title ?? "") + " новинка"
            try writer.add(changed)
        }
        try writer.commit()
    }

    @Test func filesOfAReplacedCommitStayForTheRetentionTime() throws {
        let index = TemporaryIndex()
        let writer = try IndexWriter(path: index.path, retention: FileRetention(commits: 1, seconds: 3_600))
        for product in SampleProducts.all { try writer.add(product) }
        try writer.commit()
        try Self.replaceEverything(writer)
        #expect(Self.exists(index, "seg-000001.vseg") && Self.exists(index, "manifest-1.json"))
        #expect(Self.exists(index, "manifest-2.json") && Self.exists(index, "manifest.json"))

        let eager = TemporaryIndex()
        let second = try IndexWriter(path: eager.path, retention: FileRetention(commits: 1, seconds: 0))
        for product in SampleProducts.all { try second.add(product) }
        try second.commit()
        try Self.replaceEverything(second)
        #expect(!Self.exists(eager, "seg-000001.vseg") && !Self.exists(eager, "manifest-1.json"))
        #expect(Self.exists(eager, "seg-000002.vseg") && Self.exists(eager, "manifest-2.json"))
    }

    @Test func theLastCommitsAreKeptWhateverTheirAge() throws {
        let index = TemporaryIndex()
        let writer = try IndexWriter(path: index.path, retention: FileRetention(commits: 2, seconds: 0))
        for product in SampleProducts.all { try writer.add(product) }
        try writer.commit()
        try Self.replaceEverything(writer)
        #expect(Self.exists(index, "seg-000001.vseg") && Self.exists(index, "manifest-1.json"))
        try Self.replaceEverything(writer)
        #expect(!Self.exists(index, "seg-000001.vseg") && !Self.exists(index, "manifest-1.json"))
        #expect(Self.exists(index, "seg-000002.vseg") && Self.exists(index, "seg-000003.vseg"))
    }

    @Test func snapshotsOfThisProcessPinTheirFiles() throws {
        let index = TemporaryIndex()
        let writer = try IndexWriter(path: index.path, retention: FileRetention(commits: 1, seconds: 0))
        for product in SampleProducts.all { try writer.add(product) }
        try writer.commit()
        do {
            let reader = try IndexReader(path: index.path)
            try Self.replaceEverything(writer)
            #expect(Self.exists(index, "seg-000001.vseg"))  // pinned by `reader`
            #expect(try reader.search(SearchRequest(text: "телевизор")).total == 2)
            #expect(try reader.reopen().search(SearchRequest(text: "новинка")).total == 5)
        }
        try Self.replaceEverything(writer)
        #expect(!Self.exists(index, "seg-000001.vseg"))
    }

    @Test func aReaderOpensTheNewerCommitWhenItsOwnWasDeletedMeanwhile() throws {
        let index = TemporaryIndex()
        do {
            let writer = try IndexWriter(path: index.path)
            for product in SampleProducts.all { try writer.add(product) }
            try writer.commit()
        }
        // Between reading manifest.json and opening seg-000001, "another process" commits and
        // deletes seg-000001 at once (no retention, pins ignored as another process would).
        SnapshotRegistry.ignorePins(path: index.path, true)
        defer { SnapshotRegistry.ignorePins(path: index.path, false) }
        let calls = Mutex(0)
        let path = index.path
        IndexReader.afterManifestRead.withLock {
            $0[path] = {
                guard
                    calls.withLock({ count in
                        count += 1
                        return count == 1
                    })
                else { return }
                guard let writer = try? IndexWriter(path: path, retention: FileRetention(commits: 1, seconds: 0))
                else { return }
                try? Self.replaceEverything(writer)
            }
        }
        defer { _ = IndexReader.afterManifestRead.withLock { $0.removeValue(forKey: path) } }
        let reader = try IndexReader(path: index.path)
        #expect(calls.withLock { $0 } == 2)
        #expect(reader.generation == 2 && !Self.exists(index, "seg-000001.vseg"))
        #expect(try reader.search(SearchRequest(text: "новинка")).total == 5)
    }

    /// Readers in threads against a writer doing commits, merges and `--full`-style deletes.
    ///
    /// The writer does small commits, updates, deletes, merges and whole-catalog replacements,
    /// with no retention time at all: every read must succeed.
    /// `VITRINA_STRESS_COMMITS` sets the number of commits (default 60) for longer runs.
    @Test(arguments: [false, true])
    func readersNeverFailDuringCommits(asOtherProcesses: Bool) throws {
        let index = TemporaryIndex()
        let path = index.path
        do {
            let writer = try IndexWriter(path: path)
            for product in SampleProducts.all { try writer.add(product) }
            try writer.commit()
        }
        if asOtherProcesses { SnapshotRegistry.ignorePins(path: path, true) }
        defer { SnapshotRegistry.ignorePins(path: path, false) }
        let done = Atomic(false)
        let reads = Atomic(0)
        let failures = Mutex<[String]>([])
        let readers = (0..<3).map { number in
            Thread {
                var generator = SplitMix64(seed: UInt64(number))
                var reader: IndexReader?
                while !done.load(ordering: .acquiring) {
                    do {
                        let current = try reader.map { try $0.reopen() } ?? IndexReader(path: path)
                        reader = generator.next() % 3 == 0 ? nil : current
                        _ = try current.search(SearchRequest(text: "товар", facets: ["vendor", "price"]))
                        _ = try current.product(id: "p\(generator.next() % 200)")
                        _ = current.stats()
                        reads.add(1, ordering: .relaxed)
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            }
        }
        readers.forEach { $0.start() }
        var generator = SplitMix64(seed: 99)
        let commits = ProcessInfo.processInfo.environment["VITRINA_STRESS_COMMITS"].flatMap { Int($0) } ?? 60
        do {
            defer { done.store(true, ordering: .releasing) }
            let writer = try IndexWriter(
                path: path, mergePolicy: MergePolicy(mergeFactor: 3), retention: FileRetention(commits: 1, seconds: 0))
            for commit in 0..<commits {
                for _ in 0..<(1 + generator.next() % 25) {
                    let id = generator.next() % 200
                    if generator.next() % 5 == 0 {
                        try writer.delete(id: "p\(id)")
                    } else {
                        try writer.add(
                            Product(id: "p\(id)", title: "Товар \(id) версия \(commit)", vendor: "V\(id % 7)"))
                    }
                }
                if commit % 15 == 14 {
                    // A `--full` import of a small catalog: everything else goes.
                    var ids: [String] = []
                    try writer.forEachID { ids.append($0) }
                    for id in ids.dropFirst(5) { try writer.delete(id: id) }
                }
                try writer.commit()
            }
        }
        while readers.contains(where: { $0.isExecuting }) { Thread.sleep(forTimeInterval: 0.01) }
        let failed = failures.withLock { $0 }
        #expect(
            failed.isEmpty, "\(failed.count) failed reads of \(reads.load(ordering: .relaxed)): \(failed.prefix(3))")
        #expect(reads.load(ordering: .relaxed) >= 100)
        print(
            "file lifetime stress (\(asOtherProcesses ? "as other processes" : "in-process")): \(commits) commits, \(reads.load(ordering: .relaxed)) reads, \(failed.count) failed"
        )
    }
}
