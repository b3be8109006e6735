import Foundation
import Synchronization
import Testing

/// Issue 12 as a user meets it on the command line: option bounds, and (below) an index under
/// concurrent use and `vitrina check`.
@Suite("Reliability (CLI)", .serialized)
struct ReliabilityCommandTests {
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "vitrina-cli-reliability-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func limitAndOffsetOutOfRangeAreUsageErrors() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let catalog = folder + "/catalog.jsonl"
        try CLI.run(["generate", "--count", "20", "--seed", "3"]).stdoutBytes.write(to: URL(fileURLWithPath: catalog))
        let index = folder + "/index"
        #expect(try CLI.run(["index", "--index", index, catalog]).status == 0)
        let huge = String(Int.max)
        for arguments in [["--limit", huge, "--offset", huge], ["--limit=-1"], ["--offset=-3"]] {
            let run = try CLI.run(["search", "--index", index] + arguments + ["товар"])
            #expect(run.status == 64, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("--limit must be") || run.stderr.contains("--offset must be"), "\(run.stderr)")
        }
        let ask = try CLI.run(["ask", "--index", index, "--limit", huge, "чайник"])
        #expect(ask.status == 64 && ask.stderr.contains("--limit must be"), "\(ask.stderr)")
        let page = try CLI.run(["search", "--index", index, "--json", "--limit", "10000", "--offset", "1000000000", ""])
        #expect(page.status == 0, "\(page.stderr)")
    }
}

extension ReliabilityCommandTests {
    /// Writes a generated JSONL catalog of `count` products.
    static func catalog(_ folder: String, _ name: String, count: Int, seed: Int) throws -> String {
        let path = folder + "/" + name
        try CLI.run(["generate", "--count", "\(count)", "--seed", "\(seed)"]).stdoutBytes.write(
            to: URL(fileURLWithPath: path))
        return path
    }

    @Test func checkReportsAndRepairsWithDocumentedExitCodes() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = folder + "/index"
        #expect(
            try CLI.run(["index", "--index", index, try Self.catalog(folder, "a.jsonl", count: 30, seed: 1)]).status
                == 0)
        #expect(
            try CLI.run(["index", "--index", index, try Self.catalog(folder, "b.jsonl", count: 20, seed: 2)]).status
                == 0)
        let clean = try CLI.run(["check", "--index", index])
        #expect(clean.status == 0 && clean.stdout.contains("clean"), "\(clean.stdout)\(clean.stderr)")
        let json = try CLI.run(["check", "--index", index, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any])
        #expect(object["version"] as? Int == 1 && object["status"] as? String == "clean")
        #expect(object["generation"] as? Int == 2 && (object["commits"] as? [Any])?.count == 4)

        // Damage the newest segment: 65, the file and offset named; --repair rolls back to generation 1.
        let segment = index + "/seg-000002.vseg"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: segment))
        bytes[bytes.count / 2] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: segment))
        let corrupt = try CLI.run(["check", "--index", index])
        #expect(corrupt.status == 65 && corrupt.stdout.contains("seg-000002.vseg at byte"), "\(corrupt.stdout)")
        let repair = try CLI.run(["check", "--index", index, "--repair"])
        #expect(repair.status == 0, "\(repair.stdout)\(repair.stderr)")
        #expect(repair.stdout.contains("moved seg-000002.vseg to quarantine-"))
        #expect(repair.stdout.contains("committed generation 3 = manifest-1.json"))
        let stats = try CLI.run(["stats", "--index", index, "--json"])
        let counts = try #require(try JSONSerialization.jsonObject(with: stats.stdoutBytes) as? [String: Any])
        #expect(counts["documents"] as? Int == 30)

        // A file that cannot be read (a directory where a segment should be): 74.
        try FileManager.default.removeItem(atPath: index + "/seg-000001.vseg")
        try FileManager.default.createDirectory(atPath: index + "/seg-000001.vseg", withIntermediateDirectories: false)
        #expect(try CLI.run(["check", "--index", index]).status == 74)
    }

    @Test func indexRefusesADirectoryWithoutManifestUnlessToldToRecover() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = folder + "/index"
        let first = try Self.catalog(folder, "a.jsonl", count: 30, seed: 1)
        #expect(try CLI.run(["index", "--index", index, first]).status == 0)
        try FileManager.default.removeItem(atPath: index + "/manifest.json")
        let names = try FileManager.default.contentsOfDirectory(atPath: index).sorted()
        let refused = try CLI.run(["index", "--index", index, try Self.catalog(folder, "b.jsonl", count: 5, seed: 9)])
        #expect(refused.status == 65 && refused.stderr.contains("--repair"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: index).sorted() == names)
        let recovered = try CLI.run(["index", "--index", index, "--recover", folder + "/b.jsonl"])
        #expect(recovered.status == 0, "\(recovered.stderr)")
        let stats = try CLI.run(["stats", "--index", index, "--json"])
        let counts = try #require(try JSONSerialization.jsonObject(with: stats.stdoutBytes) as? [String: Any])
        #expect((counts["documents"] as? Int ?? 0) >= 30)
    }

    /// `vitrina search` and `stats` processes in a loop against `vitrina index` processes doing
    /// small commits, merges and `--full` imports: no read may fail (issue 12, finding 1).
    @Test func searchProcessesNeverFailDuringCommits() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = folder + "/index"
        let catalogs = try (0..<6).map { try Self.catalog(folder, "c\($0).jsonl", count: 3 + $0 * 7, seed: $0 + 1) }
        #expect(try CLI.run(["index", "--index", index, catalogs[0]]).status == 0)
        let done = Atomic(false)
        let reads = Atomic(0)
        let failures = Mutex<[String]>([])
        let readers = (0..<2).map { number in
            Thread {
                while !done.load(ordering: .acquiring) {
                    let arguments =
                        number == 0
                        ? ["search", "--index", index, "--json", "--facets", "товар"]
                        : ["stats", "--index", index, "--json"]
                    do {
                        let run = try CLI.run(arguments)
                        if run.status != 0 { failures.withLock { $0.append(run.stderr) } }
                        reads.add(1, ordering: .relaxed)
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            }
        }
        readers.forEach { $0.start() }
        let commits = 24
        do {
            defer { done.store(true, ordering: .releasing) }
            for commit in 0..<commits {
                let full = commit % 6 == 5 ? ["--full"] : []
                let run = try CLI.run(["index", "--index", index, "--buffer-mb", "1"] + full + [catalogs[commit % 6]])
                #expect(run.status == 0, "\(run.stderr)")
            }
        }
        while readers.contains(where: { $0.isExecuting }) { Thread.sleep(forTimeInterval: 0.01) }
        let failed = failures.withLock { $0 }
        #expect(
            failed.isEmpty, "\(failed.count) of \(reads.load(ordering: .relaxed)) reads failed: \(failed.prefix(3))")
        #expect(reads.load(ordering: .relaxed) >= 10)
        print(
            "CLI stress: \(commits) index processes, \(reads.load(ordering: .relaxed)) search/stats processes, \(failed.count) failed"
        )
        #expect(try CLI.run(["check", "--index", index]).status == 0)
    }
}

extension ReliabilityCommandTests {
    @Test func exportWritesBackExactlyWhatWasImported() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let catalog = try Self.catalog(folder, "a.jsonl", count: 40, seed: 5)
        let index = folder + "/index"
        #expect(try CLI.run(["index", "--index", index, catalog]).status == 0)
        let export = try CLI.run(["export", "--index", index, "--sorted"])
        #expect(export.status == 0, "\(export.stderr)")
        func products(_ text: String) throws -> [String: NSDictionary] {
            var byID: [String: NSDictionary] = [:]
            for line in text.split(separator: "\n") {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary)
                byID[try #require(object["id"] as? String)] = object
            }
            return byID
        }
        let exported = try products(export.stdout)
        #expect(
            exported
                == (try products(String(decoding: try Data(contentsOf: URL(fileURLWithPath: catalog)), as: UTF8.self))))
        let ids = export.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } && ids.count == 40)
    }
}
