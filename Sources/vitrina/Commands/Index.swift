import ArgumentParser
import Foundation
import VitrinaIndex

/// `vitrina index`: imports canonical JSONL product files into an index, as one commit.
struct Index: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Index canonical JSONL product files (one commit per run).",
        discussion: """
            Each line is one product in the canonical form (README), or {"id": "...", "deleted": true} \
            to delete one. A product with an id already in the index replaces it. Bad lines are \
            skipped and counted, and the first ones are listed with file, line and reason; with \
            --strict the first bad line aborts and the index is left as it was.
            """
    )

    @Option(name: .long, help: "The index directory (created when missing).")
    var index: String

    @Flag(name: .long, help: "Abort on the first bad line, leaving the index untouched.")
    var strict = false

    @Option(name: .long, help: "Indexing buffer in MiB before a segment is flushed.")
    var bufferMb = 64

    @Flag(name: .long, help: "Print the summary as JSON (shape documented in README).")
    var json = false

    @Argument(help: "JSONL files.")
    var files: [String]

    func run() throws {
        let start = ContinuousClock.now
        let writer = try IndexWriter(path: index, bufferBytes: bufferMb << 20)
        let decoder = JSONDecoder()
        let progress = Progress(enabled: !json)
        var summary = IndexSummary()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(file)")
            }
            summary.bytes += data.count
            var lineNumber = 0
            for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                lineNumber += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                summary.records += 1
                do {
                    let record = Data(line)
                    if let marker = try? decoder.decode(DeletionMarker.self, from: record), marker.deleted == true {
                        if try writer.delete(id: marker.id) { summary.deleted += 1 } else { summary.notFound += 1 }
                    } else {
                        try writer.add(try decoder.decode(Product.self, from: record))
                    }
                } catch let error as DecodingError {
                    let problem = SkippedRecord(file: file, line: lineNumber, reason: describe(error))
                    if strict { throw ValidationError("\(problem.file):\(problem.line): \(problem.reason)") }
                    summary.skip(problem)
                }
                progress.update(records: summary.records, bytes: summary.bytes, start: start)
            }
        }
        let commit = try writer.commit()
        progress.finish()
        summary.added = commit.added
        summary.updated = commit.updated
        summary.documents = commit.documents
        summary.segments = commit.segments
        let elapsed = start.duration(to: .now)
        summary.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        if json {
            try printJSON(summary)
        } else {
            print(summary.text())
        }
    }

    /// A short reason for a JSON decoding failure, naming the field.
    private func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context):
            return "not valid JSON (\(context.underlyingError.map { "\($0)" } ?? context.debugDescription))"
        case .keyNotFound(let key, _):
            return "missing required field \"\(key.stringValue)\""
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "field \"\(path)\": expected \(type)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// `{"id": "...", "deleted": true}` in a JSONL file.
private struct DeletionMarker: Decodable {
    var id: String
    var deleted: Bool?
}
