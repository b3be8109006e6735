import ArgumentParser
import Foundation
import VitrinaIndex
import VitrinaSearch

/// `vitrina eval`: parse accuracy and ranking quality of voice search on judged queries.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate voice search on judged queries (Queries/*.jsonl): parse accuracy, MRR, nDCG@10, recall@10.")

    @Option(name: .long, help: "The index directory.")
    var index: String

    @Flag(name: .long, help: "Print JSON (shape documented in README).")
    var json = false

    @Argument(help: "Query files (JSONL, format in README).")
    var files: [String]

    func run() throws {
        var queries: [JudgedQuery] = []
        let decoder = JSONDecoder()
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ValidationError("cannot read \(file)")
            }
            for (number, line) in text.split(separator: "\n").enumerated() where !line.allSatisfy(\.isWhitespace) {
                do {
                    queries.append(try decoder.decode(JudgedQuery.self, from: Data(line.utf8)))
                } catch {
                    throw ValidationError("\(file):\(number + 1): not a judged query (\(error))")
                }
            }
        }
        let reader = try IndexReader(path: index)
        let report = try Evaluation.run(queries, search: try VoiceSearch(reader: reader), reader: reader)
        if json {
            try printJSON(report)
            return
        }
        print("queries: \(report.queries)")
        print(
            "parse accuracy: "
                + ["language", "intent", "sort", "vendor", "price", "color", "all"].map {
                    "\($0) \(String(format: "%.3f", report.parseAccuracy[$0] ?? 0))"
                }.joined(separator: ", "))
        for (name, metrics) in [("voice (ask)", report.voice), ("keyword (any word)", report.keyword)] {
            print(
                "\(name): MRR \(String(format: "%.3f", metrics.mrr)), nDCG@10 \(String(format: "%.3f", metrics.ndcg10)), "
                    + "recall@10 \(String(format: "%.3f", metrics.recall10))")
        }
        print("worst:")
        for row in report.worst {
            print(
                "  \(String(format: "%.3f", row.ndcg10)) (keyword \(String(format: "%.3f", row.keywordNdcg10)))  "
                    + "\(row.query)  → \(row.text)"
                    + (row.relaxed.isEmpty ? "" : "  relaxed: \(row.relaxed.joined(separator: ", "))"))
        }
    }
}
