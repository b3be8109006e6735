import ArgumentParser
import Foundation
import VitrinaIndex

/// `vitrina delete`: deletes products by id in one commit.
struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Delete products by id from an index, in one commit.",
        discussion: """
            Ids the index does not have are listed (exit status 0); when none of the ids is there, \
            nothing is committed. To delete every product missing from a full feed, use \
            `vitrina index --full` instead.
            """
    )

    @Option(name: .long, help: "The index directory (it must exist).")
    var index: String

    @Flag(name: .long, help: "Print JSON (shape documented in README).")
    var json = false

    @Argument(help: "Product ids.")
    var ids: [String]

    /// The `--json` shape (version 1; documented in README).
    struct Report: Encodable {
        var version = 1
        /// Ids deleted, in the order given.
        var deleted: [String]
        /// Ids the index did not have.
        var missing: [String]
        /// The generation committed, absent when nothing was deleted.
        var generation: Int?
        /// Live products after the commit.
        var documents: Int
    }

    func run() throws {
        let documents = try IndexReader(path: index).documentCount  // a missing index is an error, not a new one
        let writer = try IndexWriter(path: index)
        var report = Report(deleted: [], missing: [], documents: documents)
        var seen: Set<String> = []
        for id in ids where seen.insert(id).inserted {
            if try writer.delete(id: id) { report.deleted.append(id) } else { report.missing.append(id) }
        }
        if !report.deleted.isEmpty {
            let summary = try writer.commit()
            report.generation = summary.generation
            report.documents = summary.documents
        }
        if json {
            try printJSON(report)
            return
        }
        print("deleted \(report.deleted.count) of \(ids.count) ids; \(report.documents) products in the index")
        if !report.missing.isEmpty { print("not in the index: \(report.missing.joined(separator: ", "))") }
    }
}
