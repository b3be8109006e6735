/// How a score was computed: a value, what it is, and the values it was made of.
public struct Explanation: Sendable, Codable, Equatable {
    /// The value.
    public var value: Double
    /// What the value is, in words.
    public var description: String
    /// The parts.
    public var details: [Explanation]

    /// Creates an explanation.
    public init(value: Double, description: String, details: [Explanation]) {
        self.value = value
        self.description = description
        self.details = details
    }

    /// An indented text rendering.
    public func text(indent: Int = 0) -> String {
        let line = String(repeating: "  ", count: indent) + "\((value * 10_000).rounded() / 10_000) = \(description)"
        return ([line] + details.map { $0.text(indent: indent + 1) }).joined(separator: "\n")
    }
}
