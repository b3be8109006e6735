import Foundation
import Testing

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

/// Kills `vitrina index` with SIGKILL at several moments and checks that the index still opens at
/// its last commit, that no committed document is lost, and that a new writer can go on.
@Suite("Crash safety", .serialized)
struct CrashTests {
    @Test(arguments: [0.05, 0.3, 0.8, 1.5])
    func killDuringIndexingKeepsTheLastCommit(after delay: Double) throws {
        let folder = NSTemporaryDirectory() + "vitrina-crash-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let small = folder + "/small.jsonl"
        let large = folder + "/large.jsonl"
        let index = folder + "/index"
        try CLI.run(["generate", "--count", "200", "--seed", "1"]).stdoutBytes.write(to: URL(fileURLWithPath: small))
        try CLI.run(["generate", "--count", "4000", "--seed", "2"]).stdoutBytes.write(to: URL(fileURLWithPath: large))
        #expect(try CLI.run(["index", "--index", index, small]).status == 0)

        let process = Process()
        process.executableURL = CLI.productsDirectory.appendingPathComponent("vitrina")
        process.arguments = ["index", "--index", index, "--buffer-mb", "1", large]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let stats = try CLI.run(["stats", "--index", index, "--json"])
        #expect(stats.status == 0, "\(stats.stderr)")
        let object = try #require(JSONSerialization.jsonObject(with: stats.stdoutBytes) as? [String: Any])
        let documents = try #require(object["documents"] as? Int)
        // Either the second import never committed (200) or it did completely (the ids differ).
        #expect(documents == 200 || documents == 4_200, "documents: \(documents)")
        let search = try CLI.run(["search", "--index", index, "--json", "--limit", "1", ""])
        #expect(search.status == 0)

        // The lock died with the process: a new writer opens, cleans up and commits.
        #expect(try CLI.run(["index", "--index", index, small]).status == 0)
        let after = try CLI.run(["stats", "--index", index, "--json"])
        let afterObject = try #require(JSONSerialization.jsonObject(with: after.stdoutBytes) as? [String: Any])
        #expect(afterObject["documents"] as? Int == documents)
    }
}
