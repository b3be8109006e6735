import ArgumentParser
import Foundation
import VitrinaText

/// `vitrina bench`: throughput of the analysis chain and the stemmers (use a release build).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure analyzer and stemmer throughput (build with -c release).",
        discussion: """
            Product text: the titles of ../shared/data/21vek-by-catalog when present, else the \
            titles and descriptions of Catalogs/*.jsonl. Stemmer words: the Snowball Russian test \
            vocabulary (../shared/data/snowball-russian/voc.txt) when present, else the words of \
            the product text. Each figure is the best of --rounds runs; token and stem counts are \
            checked against each other so a broken chain cannot look fast.
            """
    )

    @Option(name: .long, help: "The shared data folder.")
    var shared = "../shared"

    @Option(name: .long, help: "Timed runs per measurement; the best is reported.")
    var rounds = 5

    @Flag(name: .long, help: "Print JSON (shape documented in README).")
    var json = false

    @Option(name: .long, help: "Synthetic products to index for the index benchmark (0 skips it).")
    var indexProducts = 100_000

    @Option(name: .long, help: "Synthetic YML offers to import for the import benchmark (0 skips it).")
    var importProducts = 100_000

    @Option(name: .long, help: "Pages to audit for the audit benchmark, made from Catalogs/pages (0 skips it).")
    var auditPages = 3_000

    @Option(name: .long, help: "Mentions to classify for the tonality benchmark (0 skips it).")
    var tonalityMentions = 200_000

    @Option(name: .long, help: "Mentions for the mentions report benchmark (0 skips it; 1000000 for the target).")
    var reportMentions = 0

    @Option(name: .long, help: "Of those, mentions written to a store to time reading it back.")
    var reportStoreMentions = 100_000

    @Option(name: .long, help: "Batch mode: an existing index to run --queries against (nothing else runs).")
    var index: String?

    @Option(name: .long, help: "Batch mode: a query file (Queries/ JSONL or one query per line).")
    var queries: String?

    @Option(name: .long, help: "Batch mode: how many times each query runs (after one warm-up).")
    var `repeat` = 5

    @Option(name: .long, help: "Batch mode: keyword, voice or both.")
    var mode = "both"

    func run() throws {
        if let index {
            guard let queries else { throw ValidationError("--index needs --queries FILE") }
            guard ["keyword", "voice", "both"].contains(mode) else {
                throw ValidationError("--mode: keyword, voice or both")
            }
            let modes: Set<String> = mode == "both" ? ["keyword", "voice"] : [mode]
            let report = try QueryBench.run(
                index: index, queries: try QueryBench.loadQueries(queries), repeat: `repeat`, modes: modes)
            if json {
                try printJSON(report)
            } else {
                print("\(report.documents) documents, peak RSS \(Int(report.peakResidentMiB)) MiB")
                for latency in report.latencies { print(Self.line(latency)) }
            }
            return
        }
        let corpus = try BenchCorpus.load(shared: shared)
        var results: [BenchResult] = []
        let bytes = corpus.texts.reduce(0) { $0 + $1.utf8.count }

        let presets: [(String, AnyAnalyzer)] = [
            ("analyzer ru (AnyAnalyzer)", AnyAnalyzer(preset: .ru)),
            ("analyzer be (AnyAnalyzer)", AnyAnalyzer(preset: .be)),
            ("analyzer neutral (AnyAnalyzer)", AnyAnalyzer(preset: .neutral)),
        ]
        var tokenCounts: [String: Int] = [:]
        for (name, analyzer) in presets {
            let (seconds, tokens) = try measure(rounds: rounds) { try countTokens(corpus.texts, analyzer.analyze) }
            tokenCounts[name] = tokens
            results.append(
                BenchResult(
                    name: name, items: corpus.texts.count, seconds: seconds, bytes: bytes,
                    tokens: tokens))
        }
        let generic = Analyzer(filter: NormalizationFilter(language: .ru).followed(by: StemFilter(RussianStemmer())))
        let (genericSeconds, genericTokens) = try measure(rounds: rounds) {
            try countTokens(corpus.texts, generic.analyze)
        }
        guard genericTokens == tokenCounts["analyzer ru (AnyAnalyzer)"] else {
            throw ValidationError("the generic and type-erased ru chains disagree on the token count")
        }
        results.append(
            BenchResult(
                name: "analyzer ru (generic)", items: corpus.texts.count, seconds: genericSeconds,
                bytes: bytes, tokens: genericTokens))

        for (name, stemmer) in [
            ("stemmer ru", RussianStemmer()) as (String, any Stemmer),
            ("stemmer be", BelarusianStemmer()),
        ] {
            let words = name == "stemmer ru" ? corpus.russianWords : corpus.belarusianWords
            var checksum = 0
            let (seconds, _) = try measure(rounds: rounds) {
                checksum = stemAll(words, with: stemmer)
                return words.count
            }
            results.append(
                BenchResult(
                    name: name, items: words.count, seconds: seconds, bytes: nil, tokens: nil,
                    checksum: checksum))
        }

        var report = BenchReport(textSource: corpus.textSource, wordSource: corpus.wordSource, results: results)
        if importProducts > 0 { report.importFigures = try ImportBench.run(count: importProducts) }
        if auditPages > 0 { report.audit = try AuditBench.run(count: auditPages) }
        if indexProducts > 0 { report.index = try IndexBench.run(count: indexProducts) }
        if tonalityMentions > 0 { report.mentions = try MentionsBench.run(count: tonalityMentions, rounds: rounds) }
        if reportMentions > 0 {
            let figures = try MentionsBench.report(count: reportMentions, storeCount: reportStoreMentions)
            if report.mentions == nil { report.mentions = try MentionsBench.run(count: 10_000, rounds: 1) }
            report.mentions?.report = figures
        }
        if json {
            try printJSON(report)
        } else {
            print(report.table())
        }
    }

    /// One line of batch-mode figures.
    private static func line(_ latency: QueryBench.Latency) -> String {
        let percentiles =
            "p50 \(Int(latency.p50Microseconds)) µs, p90 \(Int(latency.p90Microseconds)) µs, "
            + "p99 \(Int(latency.p99Microseconds)) µs, max \(Int(latency.maxMicroseconds)) µs"
        let rates =
            "\(Int(latency.queriesPerSecondOneThread)) q/s on one thread, "
            + "\(Int(latency.queriesPerSecondAllCores)) q/s on all cores"
        return "\(latency.mode): \(latency.runs) runs, \(percentiles); \(rates)"
    }

    /// Runs `body` `rounds` times (after one warm-up) and returns the best time with its count.
    private func measure(rounds: Int, _ body: () throws -> Int) throws -> (Double, Int) {
        var count = try body()
        var best = Double.infinity
        for _ in 0..<max(1, rounds) {
            let start = ContinuousClock.now
            count = try body()
            let elapsed = ContinuousClock.now - start
            best = min(best, elapsed.inSeconds)
        }
        return (best, count)
    }

    /// Stems every word, one call per word, and returns a checksum of the stems' UTF-8 lengths
    /// and first bytes (so the work cannot be optimized away and runs can be compared).
    private func stemAll(_ words: [String], with stemmer: some Stemmer) -> Int {
        var checksum = 0
        for word in words {
            let stem = stemmer.stem(word)
            checksum = checksum &* 31 &+ stem.utf8.count &+ Int(stem.utf8.first ?? 0)
        }
        return checksum
    }

    /// Analyzes every text, reusing one token array, and returns the total token count.
    private func countTokens(_ texts: [String], _ analyze: (String, inout [Token]) throws -> Void) throws -> Int {
        var tokens: [Token] = []
        tokens.reserveCapacity(64)
        var total = 0
        for text in texts {
            tokens.removeAll(keepingCapacity: true)
            try analyze(text, &tokens)
            total += tokens.count
        }
        return total
    }
}
