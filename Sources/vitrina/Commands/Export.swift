import ArgumentParser
import Foundation
import VitrinaIndex

/// `vitrina export`: writes every product of an index's current commit as canonical JSONL.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write every product of an index as canonical JSONL (what `vitrina index` reads back).",
        discussion: """
            One product per line, keys sorted, in index order (segment by segment); --sorted \
            orders lines by id. The output imports back with `vitrina index --full` into the same \
            products: a backup, a move to a new schema, or a content check of a commit.
            """
    )

    @Option(name: .long, help: "The index directory.")
    var index: String

    @Flag(name: .long, help: "Sort the lines by product id.")
    var sorted = false

    func run() throws {
        let reader = try IndexReader(path: index)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = OutputBuffer()
        if sorted {
            var lines: [(String, String)] = []
            try reader.forEachProduct { lines.append(($0.id, String(decoding: try encoder.encode($0), as: UTF8.self))) }
            for (_, line) in lines.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }) {
                output.write(line)
                output.write("\n")
            }
        } else {
            try reader.forEachProduct {
                output.write(String(decoding: try encoder.encode($0), as: UTF8.self))
                output.write("\n")
            }
        }
        output.flush()
    }
}
