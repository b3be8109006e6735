import Foundation

/// An explicit column mapping, `--map title=Название,price=Цена`: it overrides or extends a preset.
public struct CSVColumnMap: Sendable, Equatable {
    /// Field → column header (as written in the file, compared case-insensitively).
    public var columns: [CSVField: String]

    /// Creates a mapping.
    public init(columns: [CSVField: String] = [:]) {
        self.columns = columns
    }

    /// Parses `field=column,field=column`; field names are those of ``CSVField``.
    ///
    /// - Throws: ``ImportProblem`` naming an unknown field or a malformed pair.
    public init(parsing text: String) throws {
        var columns: [CSVField: String] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw ImportProblem(
                    .usage, location: SourceLocation(file: "--map", line: 0),
                    message: "expected field=column, found \"\(pair)\"")
            }
            guard let field = CSVField(rawValue: parts[0]) else {
                throw ImportProblem(
                    .usage, location: SourceLocation(file: "--map", line: 0),
                    message: "unknown field \"\(parts[0])\"; fields: "
                        + CSVField.allCases.map(\.rawValue).joined(separator: ", "))
            }
            columns[field] = parts[1]
        }
        self.columns = columns
    }
}
