import Foundation
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
