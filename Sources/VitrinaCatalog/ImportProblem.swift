/// A record that could not be imported (skipped and counted), or an input that cannot be read at all
/// (thrown): where, which field, and what was expected.
public struct ImportProblem: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// The record's id when known (an offer id, a CSV `id` column).
    public var recordID: String?
    /// The field, element or column concerned, when there is one: `price`, `offer/@id`, `Цена`.
    public var field: String?
    /// What is wrong and what was expected, for a person.
    public var message: String

    /// Creates a problem.
    public init(location: SourceLocation, recordID: String? = nil, field: String? = nil, message: String) {
        self.location = location
        self.recordID = recordID
        self.field = field
        self.message = message
    }

    /// `file:line[:column]: [id …] field: message`.
    public var description: String {
        var text = "\(location): "
        if let recordID { text += "record \(recordID): " }
        if let field { text += "\(field): " }
        return text + message
    }
}
