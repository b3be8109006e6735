/// A record that could not be imported (skipped and counted), or an input that cannot be read at all
/// (thrown): a stable code, where, which field, and what was expected.
///
/// This is the one error type of the catalog layer. ``code`` tells programs what kind of problem
/// it is (the CLI exits 74 for ``Code/io``, 65 for the rest); ``description`` tells people.
public struct ImportProblem: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// Stable codes of import problems.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        /// The code's name.
        public let rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The name.
        public var description: String { rawValue }

        /// A record with a missing, malformed or out-of-range value.
        public static let invalidRecord = Code(rawValue: "invalid-record")
        /// A record whose id an earlier record of the same file has.
        public static let duplicateID = Code(rawValue: "duplicate-id")
        /// Input that breaks the syntax of its format (XML, CSV quoting), or is cut short.
        public static let malformed = Code(rawValue: "malformed")
        /// Input over a safety limit (attributes per element, nesting, a text's length).
        public static let limit = Code(rawValue: "limit")
        /// Text whose encoding contradicts its declaration, or a file that mixes encodings.
        public static let encoding = Code(rawValue: "encoding")
        /// A file of no format Vitrina reads, or a feature it refuses (entities, UTF-16).
        public static let unsupported = Code(rawValue: "unsupported")
        /// A file that cannot be opened or read (the system's reason and errno are in the message).
        public static let io = Code(rawValue: "io")
        /// A usage mistake: options that name something the input does not have.
        public static let usage = Code(rawValue: "usage")
    }

    /// What kind of problem this is.
    public var code: Code
    /// Where the problem is.
    public var location: SourceLocation
    /// The record's id when known (an offer id, a CSV `id` column).
    public var recordID: String?
    /// The field, element or column concerned, when there is one: `price`, `offer/@id`, `Цена`.
    public var field: String?
    /// What is wrong and what was expected, for a person.
    public var message: String

    /// Creates a problem.
    public init(
        _ code: Code = .invalidRecord, location: SourceLocation, recordID: String? = nil, field: String? = nil,
        message: String
    ) {
        self.code = code
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

    /// Whether this is a record whose id was already read in the same file.
    public var isDuplicateID: Bool { code == .duplicateID }
}
