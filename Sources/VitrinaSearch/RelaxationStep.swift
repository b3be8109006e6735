/// One constraint ``VoiceSearch/ask(_:limit:explain:)`` gave up to find anything.
///
/// Its text (``description``, also its JSON form) is what `vitrina ask` prints: `filter: price`,
/// `words: 1 of 3`.
public enum RelaxationStep: Sendable, Hashable {
    /// A hard filter of the query, in the order they are given up.
    public enum Filter: String, Sendable, Codable, CaseIterable {
        /// «со скидкой».
        case discount
        /// «в наличии».
        case available
        /// A price said with a cue or a currency.
        case price
    }

    /// The filter was dropped.
    case filter(Filter)
    /// Only `kept` of the query's `words` product words were required.
    case words(kept: Int, of: Int)
}

extension RelaxationStep: CustomStringConvertible {
    /// `filter: price`, `words: 1 of 3`.
    public var description: String {
        switch self {
        case .filter(let filter): "filter: \(filter.rawValue)"
        case .words(let kept, let words): "words: \(kept) of \(words)"
        }
    }
}

extension RelaxationStep: Codable {
    /// Reads the text form (``description``).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        if text.hasPrefix("filter: "), let filter = Filter(rawValue: String(text.dropFirst("filter: ".count))) {
            self = .filter(filter)
            return
        }
        let parts = text.split(separator: " ")
        if parts.count == 4, parts[0] == "words:", parts[2] == "of", let kept = Int(parts[1]), let words = Int(parts[3])
        {
            self = .words(kept: kept, of: words)
            return
        }
        throw DecodingError.dataCorruptedError(
            in: container, debugDescription: "expected \"filter: NAME\" or \"words: N of M\", found \"\(text)\"")
    }

    /// Writes the text form (``description``).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
