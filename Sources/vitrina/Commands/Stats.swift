import ArgumentParser
import VitrinaIndex

/// `vitrina stats`: segments, documents, terms and sizes of an index.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show an index's segments, documents, terms and sizes.")

    @Option(name: .long, help: "The index directory.")
    var index: String

    @Flag(name: .long, help: "Print JSON (the IndexStats shape documented in README).")
    var json = false

    func run() throws {
        let stats = try IndexReader(path: index).stats()
        if json {
            try printJSON(stats)
            return
        }
        print(
            "generation \(stats.generation): \(stats.documents) documents, \(stats.deleted) deleted, \(stats.segments.count) segments"
        )
        for segment in stats.segments {
            print(
                "  \(segment.name): \(segment.documents) documents, \(segment.deleted) deleted, \(segment.bytes) bytes")
        }
        print(
            "terms: " + stats.terms.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print(
            "bytes: " + stats.bytes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }
}
