/// An error of the on-disk index: the file or directory involved, where, and what is wrong.
public struct IndexError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Stable error codes.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's name.
        public let rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The name.
        public var description: String { rawValue }

        /// A file's bytes are damaged: bad checksum, bad structure.
        public static let corrupt = Code(rawValue: "corrupt")
        /// A file is not a Vitrina index file, or of an unsupported format version.
        public static let foreignFile = Code(rawValue: "foreign-file")
        /// Another writer holds the index lock.
        public static let locked = Code(rawValue: "locked")
        /// A system call failed.
        public static let io = Code(rawValue: "io")
        /// The directory holds no committed index.
        public static let noIndex = Code(rawValue: "no-index")
        /// A request names an unknown field or uses a field the wrong way.
        public static let badRequest = Code(rawValue: "bad-request")
        /// A file the index needs does not exist (a reader retries when a commit replaced it).
        public static let missingFile = Code(rawValue: "missing-file")
        /// The directory holds index files but no consistent commit to continue from: nothing is
        /// written until `vitrina check --repair` (or a writer opened with `recover`) rolls back.
        public static let needsRepair = Code(rawValue: "needs-repair")
        /// A text file given to the index (a synonyms file) does not follow its syntax.
        public static let malformed = Code(rawValue: "malformed")
    }

    /// What went wrong.
    public let code: Code
    /// The file or directory involved.
    public let path: String
    /// The byte offset in the file, when known.
    public let offset: Int?
    /// A message for people.
    public let message: String

    /// `code: path[@offset]: message`.
    public var description: String {
        "\(code): \(path)\(offset.map { " at byte \($0)" } ?? ""): \(message)"
    }

    static func corrupt(file: String, offset: Int?, _ message: String) -> IndexError {
        IndexError(code: .corrupt, path: file, offset: offset, message: message)
    }

    static func io(_ path: String, _ message: String) -> IndexError {
        IndexError(code: .io, path: path, offset: nil, message: message)
    }
}
