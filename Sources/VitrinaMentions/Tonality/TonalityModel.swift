import Foundation

/// A linear (multinomial logistic) tonality model over stems, stem bigrams and lexicon features.
///
/// A model file is UTF-8 text: the line `vitrina-tonality-model 1`, `# key: value` metadata
/// lines, then one feature per line: the feature (`x:pos`, `u:стем`, `n:стем`, `b:стем|стем`),
/// a tab, and its weights for negative, neutral and positive separated by tabs. ``standard`` is
/// the shipped model (how it was trained is in its metadata and in README); `vitrina tonality
/// train` writes new ones.
public struct TonalityModel: Sendable {
    /// The classes in weight order.
    static let labels: [TonalityResult.Label] = [.negative, .neutral, .positive]
    /// The first line of a model file.
    static let magic = "vitrina-tonality-model 1"

    /// Row of each feature hash.
    var rows: HashSlots
    /// Three weights per row.
    var weights: [Float]
    /// The feature of each row, as written in the file.
    var names: [String]
    /// Metadata (`trained-on`, `examples`, …).
    public var metadata: [(key: String, value: String)]

    /// Features with a weight.
    public var featureCount: Int { names.count }

    /// Creates a model from features and their weights.
    init(names: [String], weights: [Float], metadata: [(key: String, value: String)]) {
        self.names = names
        self.weights = weights
        self.metadata = metadata
        var rows = HashSlots(capacity: names.count)
        for (row, name) in names.enumerated() {
            if let hash = FeatureHash.of(feature: name) { rows.set(hash, Int32(row)) }
        }
        self.rows = rows
    }

    /// Parses a model file's text.
    ///
    /// - Parameters:
    ///   - text: The file's text.
    ///   - name: The file name used in error locations.
    /// - Throws: ``MentionsError`` `bad-model` with the line of anything unexpected.
    public init(text: String, name: String) throws {
        var names: [String] = []
        var weights: [Float] = []
        var metadata: [(key: String, value: String)] = []
        var sawMagic = false
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let location = "\(name):\(number + 1)"
            if !sawMagic {
                guard line == Self.magic else {
                    throw MentionsError(
                        .badModel, location: location, message: "expected the first line \"\(Self.magic)\"")
                }
                sawMagic = true
                continue
            }
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                let body = line.dropFirst().drop { $0 == " " }
                if let colon = body.firstIndex(of: ":") {
                    metadata.append(
                        (String(body[..<colon]), String(body[body.index(after: colon)...].drop { $0 == " " })))
                }
                continue
            }
            let fields = line.split(separator: "\t")
            guard fields.count == 4, FeatureHash.of(feature: String(fields[0])) != nil,
                let negative = Float(fields[1]), let neutral = Float(fields[2]), let positive = Float(fields[3]),
                negative.isFinite, neutral.isFinite, positive.isFinite
            else {
                throw MentionsError(
                    .badModel, location: location,
                    message: "expected a feature (x:, u:, n: or b:) and three numbers separated by tabs")
            }
            names.append(String(fields[0]))
            weights.append(contentsOf: [negative, neutral, positive])
        }
        guard sawMagic else { throw MentionsError(.badModel, location: name, message: "empty model file") }
        self.init(names: names, weights: weights, metadata: metadata)
    }

    /// Reads a model file.
    ///
    /// - Throws: ``MentionsError`` `io` or `bad-model`.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MentionsError(.io, location: path, message: "cannot read the model file")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw MentionsError(.badModel, location: path, message: "the model file is not UTF-8 text")
        }
        try self.init(text: text, name: path)
    }

    /// The model file's text; features in name order so files diff well.
    public func serialized() -> String {
        var text = Self.magic + "\n"
        for (key, value) in metadata { text += "# \(key): \(value)\n" }
        for row in names.indices.sorted(by: { names[$0] < names[$1] }) {
            let base = row * 3
            text += names[row]
            for offset in 0..<3 { text += "\t" + Self.format(weights[base + offset]) }
            text += "\n"
        }
        return text
    }

    static func format(_ value: Float) -> String {
        let rounded = (Double(value) * 10_000).rounded() / 10_000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Class probabilities (negative, neutral, positive) of a feature vector.
    @inline(__always)
    func probabilities(hashes: [UInt64], values: [Float]) -> (Float, Float, Float) {
        var negative: Float = 0
        var neutral: Float = 0
        var positive: Float = 0
        weights.withUnsafeBufferPointer { weights in
            for index in hashes.indices {
                guard let row = rows.row(hashes[index]) else { continue }
                let base = Int(row) * 3
                let value = values[index]
                negative += weights[base] * value
                neutral += weights[base + 1] * value
                positive += weights[base + 2] * value
            }
        }
        let top = max(negative, neutral, positive)
        let a = exp(negative - top)
        let b = exp(neutral - top)
        let c = exp(positive - top)
        let sum = a + b + c
        return (a / sum, b / sum, c / sum)
    }

    /// The shipped model (``DefaultModel``), trained only on texts the Vitrina team wrote.
    public static let standard: TonalityModel = {
        do {
            return try TonalityModel(text: DefaultModel.text, name: "DefaultModel.swift")
        } catch {
            // The shipped model is checked by a unit test; this cannot happen in a released build.
            preconditionFailure("the default tonality model does not parse: \(error)")
        }
    }()
}
