import ArgumentParser
import Foundation
import VitrinaIndex

/// `vitrina synonyms`: the synonyms file of an index.
struct SynonymsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synonyms",
        abstract: "Set or show the synonyms an index's searches apply (`search`, and `ask`'s candidate search).",
        subcommands: [SynonymsSet.self, SynonymsShow.self]
    )
}

/// `vitrina synonyms set --index DIR FILE`.
struct SynonymsSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Check a synonyms file and store it next to the index (replacing the previous one).",
        discussion: """
            One group per line, words separated by commas: `телевизор, тв, телик, тэлевізар`. `#` \
            starts a comment; blank lines are skipped. Each entry is one word; a group has two or more. \
            Applied at query time: no re-import needed. An empty file (or only comments) removes the synonyms.
            """
    )

    @Option(name: .long, help: "The index directory (it must exist).")
    var index: String

    @Flag(name: .long, help: "Print JSON (shape documented in README).")
    var json = false

    @Argument(help: "The synonyms file (UTF-8).")
    var file: String

    func run() throws {
        _ = try IndexReader(path: index)  // a synonyms file belongs to an existing index
        guard let data = FileManager.default.contents(atPath: file) else {
            errno = errno == 0 ? ENOENT : errno
            throw CommandFailure.io(file, "cannot read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure.data(file, "not UTF-8 text")
        }
        let synonyms = try Synonyms(parsing: text, path: file)
        let stored = Synonyms.path(nextTo: index)
        if synonyms.groups.isEmpty {
            if FileManager.default.fileExists(atPath: stored) {
                do { try FileManager.default.removeItem(atPath: stored) } catch {
                    throw CommandFailure.io(stored, "cannot remove", error)
                }
            }
        } else {
            try synonyms.write(nextTo: index)
        }
        if json {
            try printJSON(SynonymsShow.Report(path: stored, groups: synonyms.groups))
        } else {
            let words = synonyms.groups.map(\.count).reduce(0, +)
            print("\(synonyms.groups.count) synonym groups (\(words) words) → \(stored)")
        }
    }
}

/// `vitrina synonyms show --index DIR`.
struct SynonymsShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print the synonym groups stored next to an index.")

    @Option(name: .long, help: "The index directory.")
    var index: String

    @Flag(name: .long, help: "Print JSON (shape documented in README).")
    var json = false

    /// The `--json` shape of `synonyms set` and `synonyms show` (version 1; documented in README).
    struct Report: Encodable {
        var version = 1
        /// The stored file.
        var path: String
        /// The groups, as written.
        var groups: [[String]]
    }

    func run() throws {
        let groups = try Synonyms.load(nextTo: index)?.groups ?? []
        if json {
            try printJSON(Report(path: Synonyms.path(nextTo: index), groups: groups))
        } else {
            for group in groups { print(group.joined(separator: ", ")) }
        }
    }
}
