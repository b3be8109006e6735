/// Where in an input file something was found: the file, a 1-based line and, for XML, a 1-based column.
public struct SourceLocation: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The file as given on the command line.
    public var file: String
    /// The 1-based line (for CSV: the line where the record starts).
    public var line: Int
    /// The 1-based column, when the reader knows it.
    public var column: Int?

    /// Creates a location.
    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line` or `file:line:column`.
    public var description: String {
        column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
    }
}
