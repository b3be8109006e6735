/// An error of the audit: a stable code, the file (a page or a sitemap), the line when there is
/// one, and what is wrong, for a person.
///
/// The one error type of the audit layer; the CLI exits 74 for ``Code/io`` and 65 for the rest.
public struct AuditError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable codes of audit errors.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's name.
        public let rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The name.
        public var description: String { rawValue }

        /// A page or sitemap that cannot be opened or read (the system's reason and errno are in the message).
        public static let io = Code(rawValue: "io")
        /// A sitemap entry that points outside the sitemap's folder (`../`, an absolute path,
        /// `file://` elsewhere, a symbolic link out): refused, never read.
        public static let outsideFolder = Code(rawValue: "outside-folder")
        /// A sitemap entry with no saved page, or a sitemap that cannot be read as one.
        public static let sitemap = Code(rawValue: "sitemap")
    }

    /// What kind of error this is.
    public let code: Code
    /// The page or sitemap concerned.
    public let path: String
    /// The 1-based line in ``path`` (sitemap entries), when known.
    public let line: Int?
    /// What is wrong, for a person.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, path: String, line: Int? = nil, message: String) {
        self.code = code
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path[:line]: message`.
    public var description: String {
        "\(path)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
