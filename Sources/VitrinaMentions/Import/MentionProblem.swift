/// Something wrong with one input record: where, which field, and whether the record was skipped.
public struct MentionProblem: Codable, Sendable, Equatable, CustomStringConvertible {
    /// `file:line` of the record (for CSV the line where the record starts).
    public var location: String
    /// The record's id, when it has one.
    public var recordID: String?
    /// The field at fault, when one is.
    public var field: String?
    /// What was expected.
    public var message: String
    /// True when the whole record was left out; false when only the field was dropped.
    public var skipped: Bool

    /// Creates a problem.
    public init(location: String, recordID: String? = nil, field: String? = nil, message: String, skipped: Bool) {
        self.location = location
        self.recordID = recordID
        self.field = field
        self.message = message
        self.skipped = skipped
    }

    /// `file:line: [id] field: message (skipped)`.
    public var description: String {
        var text = location + ": "
        if let recordID { text += "[\(recordID)] " }
        if let field { text += "\(field): " }
        return text + message + (skipped ? " (record skipped)" : " (field ignored)")
    }
}
