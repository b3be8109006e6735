import ArgumentParser
import Foundation
import VitrinaMentions
import VitrinaModel

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

/// `vitrina tonality`: positive/negative/neutral with a score, one line out per line in.
struct Tonality: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tell the tonality of texts (ru, be), or train a tonality model.",
        subcommands: [Classify.self, Train.self],
        defaultSubcommand: Classify.self
    )

    /// `vitrina tonality [--lang ru|be|auto] [--model FILE] [--json]`.
    struct Classify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "classify",
            abstract: "Read one text per line from standard input; write its tonality per line.",
            discussion: """
                Writes exactly one line per input line, in order: `positive|negative|neutral<TAB>score`, \
                where score = P(positive) − P(negative) in −1…1; a blank line gives `neutral<TAB>0`. \
                Output is flushed whenever the input pauses, so a tool may write a line and read the answer. \
                With --json each line is an object (shape in README). Bytes that are not UTF-8 are read as U+FFFD.
                """
        )

        @Option(name: .long, help: "Language of the texts: ru, be or auto (detected per line).")
        var lang = "auto"

        @Option(name: .long, help: "A model file from `vitrina tonality train` (default: the shipped model).")
        var model: String?

        @Flag(name: .long, help: "Lexicon only, no model.")
        var lexiconOnly = false

        @Flag(name: .long, help: "One JSON object per line (shape documented in README).")
        var json = false

        func validate() throws {
            guard ["ru", "be", "auto"].contains(lang) else { throw ValidationError("--lang: ru, be or auto") }
        }

        func run() throws {
            let loaded = try model.map { try TonalityModel(path: $0) }
            let analyzer = TonalityAnalyzer(model: lexiconOnly ? nil : loaded ?? .standard)
            let language: Language? = lang == "auto" ? nil : Language(rawValue: lang)
            var output = OutputBuffer()
            var pending: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            func answer(_ line: ArraySlice<UInt8>) {
                let bytes = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
                let text = String(decoding: bytes, as: UTF8.self)
                let blank = text.allSatisfy(\.isWhitespace)
                let result = blank ? TonalityResult.empty : analyzer.tonality(of: text, language: language)
                if json {
                    let detected = blank ? nil : (language ?? analyzer.detect(text))
                    output.write(
                        "{\"label\":\"\(result.label.rawValue)\",\"score\":\(Self.format(result.score))"
                            + (detected.map { ",\"language\":\"\($0.rawValue)\"" } ?? "") + "}\n")
                } else {
                    output.write(result.label.rawValue + "\t" + Self.format(result.score) + "\n")
                }
            }
            while true {
                let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw CommandFailure.io("standard input", "cannot read")
                }
                if count == 0 { break }
                pending.append(contentsOf: chunk[0..<count])
                var start = pending.startIndex
                while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                    answer(pending[start..<newline])
                    start = newline + 1
                }
                pending.removeSubrange(pending.startIndex..<start)
                output.flush()
            }
            // A last line without a newline is still a line.
            if !pending.isEmpty { answer(pending[...]) }
            output.flush()
        }

        /// `0` for zero, else up to three decimals.
        static func format(_ score: Double) -> String {
            if score == 0 { return "0" }
            return String(format: "%.3f", score)
        }
    }

    /// `vitrina tonality train`: learn a model from star-rated reviews.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Learn a tonality model from star-rated reviews (1–2★ negative, 3★ neutral, 4–5★ positive).",
            discussion: """
                Reads mention files (JSONL, JSON or CSV as `vitrina mentions import` reads them; README lists \
                the columns); records without a rating are left out and counted. Writes the model to --out.
                """
        )

        @Option(name: .long, help: "Where to write the model file.")
        var out: String

        @Option(name: .long, help: "Passes over the reviews.")
        var epochs = 15

        @Flag(name: .long, help: "Leave out 3★ reviews (learn positive and negative only).")
        var noNeutral = false

        @Flag(name: .long, help: "Learn weights of the lexicon features only (no stems or bigrams).")
        var lexiconFeaturesOnly = false

        @Option(
            name: .long, help: "Share of lexicon hits hidden at random while learning (0–0.9), for written corpora.")
        var lexiconDropout: Float = 0

        @Option(name: .long, help: "L2 regularization per update (larger: smaller word weights).")
        var l2: Float = 1e-3

        @Option(name: .long, help: "Copies of each review with --lexicon-dropout.")
        var copies = 3

        @Flag(name: .long, help: "Print a JSON summary (shape documented in README).")
        var json = false

        @Argument(help: "Review files.")
        var files: [String]

        /// The `--json` shape.
        struct Summary: Codable {
            var version = 1
            var model: String
            var examples: [String: Int]
            var unrated: Int
            var skipped: Int
            var features: Int
            var trainingAccuracy: Double
        }

        func run() throws {
            var reader = MentionReader()
            for file in files { try reader.read(path: file) }
            var examples: [TonalityTrainer.Example] = []
            var unrated = 0
            for mention in reader.mentions {
                guard let rating = mention.rating, let label = TonalityTrainer.Example.label(forRating: rating) else {
                    unrated += 1
                    continue
                }
                if noNeutral && label == .neutral { continue }
                examples.append(TonalityTrainer.Example(text: mention.text, label: label, language: mention.language))
            }
            guard !examples.isEmpty else {
                throw CommandFailure.data(files.joined(separator: ", "), "no rated reviews to learn from")
            }
            var trainer = TonalityTrainer()
            trainer.epochs = epochs
            trainer.wordFeatures = !lexiconFeaturesOnly
            guard (0...0.9).contains(lexiconDropout) else { throw ValidationError("--lexicon-dropout: 0 to 0.9") }
            trainer.lexiconDropout = lexiconDropout
            trainer.copies = copies
            trainer.l2 = l2
            let model = trainer.train(
                examples,
                metadata: [("trained-on", files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "))])
            do {
                try model.serialized().write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure.io(out, "cannot write the model", error)
            }
            let analyzer = TonalityAnalyzer(model: model)
            let correct = examples.filter { analyzer.tonality(of: $0.text, language: $0.language).label == $0.label }
                .count
            var counts: [String: Int] = [:]
            for example in examples { counts[example.label.rawValue, default: 0] += 1 }
            let summary = Summary(
                model: out, examples: counts, unrated: unrated, skipped: reader.problems.filter(\.skipped).count,
                features: model.featureCount, trainingAccuracy: Double(correct) / Double(examples.count))
            if json {
                try printJSON(summary)
            } else {
                print(
                    "learned \(model.featureCount) features from \(examples.count) reviews "
                        + "(\(counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))); "
                        + "\(unrated) without a rating left out; training accuracy "
                        + String(format: "%.3f", summary.trainingAccuracy) + "; written to \(out)")
                for problem in reader.problems.prefix(20) { print("  \(problem)") }
            }
        }
    }
}
