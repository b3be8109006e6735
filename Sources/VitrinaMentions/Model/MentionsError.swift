/// An error of the mentions layer: bad input with its location, or a store problem.
///
/// `location` names the file and, for input records, the 1-based line (`file:line`); `description`
/// never contains mention texts.
public struct MentionsError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Stable error codes.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's name.
        public let rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The name.
        public var description: String { rawValue }

        /// A record or file is not in the expected format.
        public static let malformed = Code(rawValue: "malformed")
        /// A file could not be read or written.
        public static let io = Code(rawValue: "io")
        /// A model or lexicon file is wrong.
        public static let badModel = Code(rawValue: "bad-model")
        /// A request the data cannot answer (no mentions, unknown product).
        public static let badRequest = Code(rawValue: "bad-request")
    }

    /// What went wrong.
    public let code: Code
    /// `file` or `file:line`.
    public let location: String
    /// What was expected, for people.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, location: String, message: String) {
        self.code = code
        self.location = location
        self.message = message
    }

    /// `code: location: message`.
    public var description: String { "\(code): \(location): \(message)" }
}
