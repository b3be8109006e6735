import ArgumentParser
import Foundation
import VitrinaCatalog
import VitrinaIndex
import VitrinaSearch

/// `vitrina eval`: parse accuracy and ranking quality of voice search on judged queries, per class.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate voice search on judged queries: ask and search --any side by side, per class.",
        discussion: """
            Query files are JSONL (format in README): our Queries/*.jsonl (class "all") or the real-data \
            sets of Queries/tools/make_real_sets.py (classes known_item, category_price, cheapest, dearest, \
            brand_kind, attribute; splits dev and test). Reports MRR@10, P@10, top-1, nDCG@10 and recall@10 \
            for `ask` and for a plain any-word BM25F search of the same text, and parse accuracy for the \
            fields a set labels.
            """)

    @Option(name: .long, help: "The index directory.")
    var index: String

    @Option(name: .customLong("class"), help: "Only queries of this class (repeatable).")
    var classes: [String] = []

    @Option(name: .long, help: "Only queries of this split (dev or test).")
    var split: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Exit with status 1 when ask is below search --any on this class's headline metric (repeatable).",
            valueName: "class"))
    var failBelowKeyword: [String] = []

    @Flag(name: .long, help: "Print JSON (shape documented in README).")
    var json = false

    @Argument(help: "Query files (JSONL, format in README).")
    var files: [String]

    func run() throws {
        var queries: [JudgedQuery] = []
        let decoder = JSONDecoder()
        for file in files {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CommandFailure.io(file, "cannot read", error)
            }
            let text = String(decoding: data, as: UTF8.self)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.allSatisfy(\.isWhitespace) {
                let judged: JudgedQuery
                do {
                    judged = try decoder.decode(JudgedQuery.self, from: Data(line.utf8))
                } catch let error as DecodingError {
                    let reason = JSONLProductReader.describe(error, line: Array(line.utf8))
                    throw CommandFailure.data(
                        "\(file):\(number + 1)",
                        "not a judged query: \(reason.field.map { "\($0): " } ?? "")\(reason.message)")
                }
                if (classes.isEmpty || classes.contains(judged.queryClass)) && (split == nil || judged.split == split) {
                    queries.append(judged)
                }
            }
        }
        if queries.isEmpty {
            throw ValidationError("no judged queries left after the --class/--split filters")
        }
        let reader = try IndexReader(path: index)
        let report = try Evaluation.run(queries, search: try VoiceSearch(reader: reader), reader: reader)
        if json {
            try printJSON(report)
        } else {
            printText(report)
        }
        let failing = report.classes.filter { group in
            failBelowKeyword.contains(group.queryClass)
                && group.voice.value(group.metric) < group.keyword.value(group.metric)
        }
        for group in failing {
            let name = group.queryClass + (group.split.map { " (\($0))" } ?? "")
            FileHandle.standardError.write(
                Data(
                    ("ask is below search --any on \(name): \(group.metric) "
                        + "\(format(group.voice.value(group.metric))) < \(format(group.keyword.value(group.metric)))\n")
                        .utf8))
        }
        if !failing.isEmpty { throw ExitCode(1) }
    }

    private func format(_ value: Double) -> String { String(format: "%.3f", value) }

    private func printText(_ report: EvaluationReport) {
        print("queries: \(report.queries)")
        print(
            "parse accuracy: "
                + Evaluation.parseFields.compactMap { field in
                    report.parseAccuracy[field].map { "\(field) \(format($0)) (\(report.parseLabelled[field] ?? 0))" }
                }.joined(separator: ", "))
        for (name, metrics) in [("ask", report.voice), ("search --any", report.keyword)] {
            print(
                "\(name): MRR@10 \(format(metrics.mrr)), P@10 \(format(metrics.precision10)), "
                    + "top-1 \(format(metrics.top1)), nDCG@10 \(format(metrics.ndcg10)), "
                    + "recall@10 \(format(metrics.recall10))")
        }
        print("")
        let header = ["class", "split", "queries", "metric", "ask", "any", "ask MRR", "any MRR", "parse all"]
        var rows = [header]
        for group in report.classes {
            rows.append([
                group.queryClass, group.split ?? "-", String(group.queries), group.metric,
                format(group.voice.value(group.metric)), format(group.keyword.value(group.metric)),
                format(group.voice.mrr), format(group.keyword.mrr), group.parseAccuracy["all"].map(format) ?? "-",
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            print(
                row.enumerated().map { column, cell in
                    column < 2 || column == 3
                        ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                        : String(repeating: " ", count: widths[column] - cell.count) + cell
                }.joined(separator: "  "))
        }
        print("worst:")
        for row in report.worst {
            print(
                "  \(format(row.ndcg10)) (keyword \(format(row.keywordNdcg10)))  [\(row.queryClass)] \(row.query)"
                    + "  → \(row.text)"
                    + (row.relaxed.isEmpty ? "" : "  relaxed: \(row.relaxed.joined(separator: ", "))"))
        }
    }
}
