import Foundation
import VitrinaModel

/// Learns a ``TonalityModel`` from labelled texts, such as a shop's star-rated reviews.
///
/// Multinomial logistic regression with AdaGrad and L2 regularization over the analyzer's
/// features (stems, negated stems, stem bigrams, lexicon features); classes are weighted so
/// that a rare class counts as much as a common one. Deterministic: the same examples give the
/// same model.
///
/// ```swift
/// let examples = [TonalityTrainer.Example(text: "Отличный чайник", label: .positive)]
/// let model = TonalityTrainer().train(examples)
/// ```
public struct TonalityTrainer: Sendable {
    /// A labelled text.
    public struct Example: Sendable {
        /// The text.
        public var text: String
        /// Its label.
        public var label: TonalityResult.Label
        /// Its language, when known.
        public var language: Language?

        /// Creates an example.
        public init(text: String, label: TonalityResult.Label, language: Language? = nil) {
            self.text = text
            self.label = label
            self.language = language
        }

        /// The label a star rating implies: 1–2 negative, 3 neutral, 4–5 positive; `nil` outside 1–5.
        public static func label(forRating rating: Double) -> TonalityResult.Label? {
            switch rating {
            case 0.5..<2.5: return .negative
            case 2.5..<3.5: return .neutral
            case 3.5...5: return .positive
            default: return nil
            }
        }
    }

    /// Passes over the examples.
    public var epochs = 15
    /// L2 regularization strength per update.
    public var l2: Float = 1e-3
    /// AdaGrad's base learning rate.
    public var learningRate: Float = 0.3
    /// Word and bigram features seen in fewer examples than this are left out.
    public var minimumCount = 2
    /// Whether stems and bigrams are features too; when false, only the lexicon features (`x:`) are.
    public var wordFeatures = true
    /// Share of lexicon hits hidden at random in each copy of an example (0 = none): texts
    /// written for training are covered by the lexicon far better than real ones.
    public var lexiconDropout: Float = 0
    /// Copies of each example, each with its own random dropout (1 when there is no dropout).
    public var copies = 1
    /// The lexicon whose features the model uses.
    public var lexicon: Lexicon

    /// Creates a trainer.
    public init(lexicon: Lexicon = .standard) {
        self.lexicon = lexicon
    }

    /// Trains a model.
    ///
    /// - Parameters:
    ///   - examples: Labelled texts; blank ones are ignored.
    ///   - metadata: Lines for the model file's header (where the examples came from).
    /// - Returns: The model, with the number of examples per class in its metadata.
    public func train(_ examples: [Example], metadata: [(key: String, value: String)] = []) -> TonalityModel {
        let analyzer = TonalityAnalyzer(lexicon: lexicon, model: nil)
        analyzer.dropout = lexiconDropout
        var featureRow: [String: Int] = [:]
        var names: [String] = []
        var documentFrequency: [Int] = []
        var encoded: [(rows: [Int], values: [Float], label: Int)] = []
        var classCounts = [0, 0, 0]
        let copies = lexiconDropout > 0 ? max(1, copies) : 1
        for example in examples where example.text.contains(where: { !$0.isWhitespace }) {
            for _ in 0..<copies {
                let extraction = analyzer.features(of: example.text, language: example.language)
                var rows: [Int] = []
                var values: [Float] = []
                var seen = Set<Int>()
                for (index, name) in (extraction.names ?? []).enumerated() where wordFeatures || name.hasPrefix("x:") {
                    let row: Int
                    if let known = featureRow[name] {
                        row = known
                    } else {
                        row = names.count
                        featureRow[name] = row
                        names.append(name)
                        documentFrequency.append(0)
                    }
                    if seen.insert(row).inserted { documentFrequency[row] += 1 }
                    rows.append(row)
                    values.append(extraction.values[index])
                }
                let label = TonalityModel.labels.firstIndex(of: example.label) ?? 1
                classCounts[label] += 1
                encoded.append((rows, values, label))
            }
        }
        let kept = names.indices.map { names[$0].hasPrefix("x:") || documentFrequency[$0] >= minimumCount }
        let total = Float(encoded.count)
        let classWeight = classCounts.map { $0 == 0 ? Float(0) : total / (3 * Float($0)) }
        var weights = [Float](repeating: 0, count: names.count * 3)
        var squared = [Float](repeating: 1e-6, count: names.count * 3)
        var generator = SplitMix(seed: 20_261_130)
        var order = Array(encoded.indices)
        for _ in 0..<epochs {
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(index, Int(generator.next() % UInt64(index + 1)))
            }
            for number in order {
                let example = encoded[number]
                var logits: [Float] = [0, 0, 0]
                for (position, row) in example.rows.enumerated() where kept[row] {
                    for label in 0..<3 { logits[label] += weights[row * 3 + label] * example.values[position] }
                }
                let top = logits.max() ?? 0
                let exps = logits.map { exp($0 - top) }
                let sum = exps.reduce(0, +)
                let weight = classWeight[example.label]
                for (position, row) in example.rows.enumerated() where kept[row] {
                    for label in 0..<3 {
                        let cell = row * 3 + label
                        let target: Float = label == example.label ? 1 : 0
                        let gradient =
                            weight * (exps[label] / sum - target) * example.values[position] + l2 * weights[cell]
                        squared[cell] += gradient * gradient
                        weights[cell] -= learningRate * gradient / squared[cell].squareRoot()
                    }
                }
            }
        }
        var keptNames: [String] = []
        var keptWeights: [Float] = []
        for row in names.indices where kept[row] {
            let cells = weights[row * 3..<row * 3 + 3]
            guard names[row].hasPrefix("x:") || cells.contains(where: { abs($0) >= 0.01 }) else { continue }
            keptNames.append(names[row])
            keptWeights.append(contentsOf: cells)
        }
        var header = metadata
        header.append(
            (
                "examples",
                "\(encoded.count) (negative \(classCounts[0]), neutral \(classCounts[1]), positive \(classCounts[2]))"
            ))
        header.append(
            (
                "trainer",
                "multinomial logistic regression, AdaGrad, \(epochs) epochs, l2 \(l2), min count \(minimumCount), "
                    + (wordFeatures ? "lexicon, stem and bigram features" : "lexicon features only")
                    + (lexiconDropout > 0 ? ", lexicon dropout \(lexiconDropout) × \(copies) copies" : "")
            ))
        return TonalityModel(names: keptNames, weights: keptWeights, metadata: header)
    }
}

/// A small deterministic random generator (splitmix64).
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return FeatureHash.mix(state)
    }
}
