import ArgumentParser
import Foundation
import VitrinaIndex
import VitrinaSearch

/// `vitrina ranker-data`: the ranking features of every candidate of judged queries, with the
/// judgments, for fitting the ranker's weights (`Queries/tools/fit_ranker.py`).
struct RankerData: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ranker-data",
        abstract: "Write the features of each judged query's candidates (JSONL) for fitting the ranker.")

    @Option(name: .long, help: "The index directory.")
    var index: String

    @Option(name: .long, help: "The output file (JSONL, one query per line).")
    var out: String

    @Argument(help: "Judged query files (JSONL, format in README).")
    var files: [String]

    /// One line of the output (version 1; documented in README).
    struct Line: Encodable {
        struct Candidate: Encodable {
            var id: String
            var features: [String: Double]
        }

        var id: String?
        var `class`: String?
        var query: String
        var relevant: [String: Int]
        /// The ids `ask` returns (top 10), for the ordered classes the fit cannot rerank.
        var ask: [String]
        /// The ids a plain any-word search returns (top 10): the baseline.
        var keyword: [String]
        var candidates: [Candidate]
    }

    /// What this tool reads of a judged query line.
    struct Judged: Decodable {
        var id: String?
        var `class`: String?
        var query: String
        var relevant: [String: Int]
    }

    func run() throws {
        let reader = try IndexReader(path: index)
        let search = try VoiceSearch(reader: reader)
        guard FileManager.default.createFile(atPath: out, contents: nil),
            let handle = FileHandle(forWritingAtPath: out)
        else { throw ValidationError("cannot create \(out)") }
        defer { try? handle.close() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let decoder = JSONDecoder()
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ValidationError("cannot read \(file)")
            }
            for (number, row) in text.split(separator: "\n").enumerated() where !row.allSatisfy(\.isWhitespace) {
                let judged: Judged
                do {
                    judged = try decoder.decode(Judged.self, from: Data(row.utf8))
                } catch {
                    throw ValidationError("\(file):\(number + 1): not a judged query (\(error))")
                }
                let asked = try search.ask(judged.query, limit: 10)
                let keyword = try reader.search(SearchRequest(text: judged.query, mode: .any, limit: 10))
                let candidates = try search.candidates(judged.query).map { candidate in
                    Line.Candidate(
                        id: candidate.id,
                        features: Dictionary(
                            uniqueKeysWithValues: candidate.features.map { ($0.key.rawValue, $0.value) })
                    )
                }
                let line = Line(
                    id: judged.id, class: judged.class, query: judged.query, relevant: judged.relevant,
                    ask: asked.hits.map(\.id), keyword: keyword.hits.map(\.id), candidates: candidates)
                try handle.write(contentsOf: encoder.encode(line) + Data("\n".utf8))
            }
        }
    }
}
