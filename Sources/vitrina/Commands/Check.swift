import ArgumentParser
import Foundation
import VitrinaIndex

/// `vitrina check`: verifies an index like Lucene's CheckIndex; `--repair` rolls it back to its
/// last consistent commit.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Verify every file, count and reference of an index; --repair rolls back to the last consistent commit.",
        discussion: """
            Reads every commit point (manifest.json and the manifest-<generation>.json history), \
            verifies each segment file (checksum, layout, dictionaries, postings, positions, \
            keyword columns, ids, stored products), each deletion file, each count against the \
            manifests, that no id is live twice, and lists files no commit names. With --repair \
            the current commit is kept when consistent, otherwise the newest consistent commit \
            is committed again; orphan files, broken commit points and files only they name are \
            moved to a quarantine-<time> folder inside the index, and every step is printed. \
            Exit status: 0 clean, 65 corrupt (after --repair: still not consistent), 74 I/O \
            error, 1 when --repair finds a writer holding the index.
            """
    )

    @Option(name: .long, help: "The index directory.")
    var index: String

    @Flag(name: .long, help: "Roll back to the last consistent commit, quarantining what is dropped.")
    var repair = false

    @Flag(name: .long, help: "Print the report as JSON (shape documented in README).")
    var json = false

    func run() throws {
        // Errors before any report (a directory that cannot be listed, a writer holding the lock
        // for --repair) exit with the status of their IndexError code (ExitStatus).
        let report = repair ? try IndexCheck.repair(path: index) : try IndexCheck.check(path: index)
        if json {
            try printJSON(report)
        } else {
            print(Self.text(report), terminator: "")
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }

    /// The report for people.
    static func text(_ report: IndexCheckReport) -> String {
        var lines: [String] = []
        let generation = report.generation.map { "generation \($0), \(report.documents ?? 0) documents" }
        lines.append("\(report.index): \(generation ?? "no current commit") — \(report.status.rawValue)")
        for commit in report.commits {
            lines.append(
                "  commit \(commit.file): "
                    + (commit.generation.map {
                        "generation \($0), \(commit.segments) segments, \(commit.documents) documents"
                    }
                        ?? "unreadable") + (commit.consistent ? "" : " — NOT consistent"))
        }
        for segment in report.segments {
            lines.append(
                "  segment \(segment.name): \(segment.documents) documents, \(segment.terms) terms, \(segment.bytes) bytes"
                    + (segment.consistent ? "" : " — damaged"))
        }
        for problem in report.problems {
            lines.append(
                "\(problem.severity.rawValue) \(problem.code): \(problem.path)"
                    + (problem.offset.map { " at byte \($0)" } ?? "") + ": \(problem.message)")
        }
        if !report.actions.isEmpty {
            lines.append("repair:")
            lines += report.actions.map { "  \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
