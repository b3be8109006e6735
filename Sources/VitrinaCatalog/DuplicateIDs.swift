/// The ids a file has given so far, to report a repeated one with both places.
///
/// A repeated id in one file is a mistake of the export (two products, one id) more often than an
/// intended update, and the later record would silently replace the earlier one; readers skip it
/// with ``ImportProblem/Code/duplicateID``, naming the line of the first.
struct DuplicateIDs {
    private var firstLine: [String: Int] = [:]

    /// `nil` the first time `id` is seen (remembering `location`), else the problem of the record at `location`.
    mutating func check(_ id: String, at location: SourceLocation, field: String?, record: String = "record")
        -> ImportProblem?
    {
        if let first = firstLine[id] {
            return ImportProblem(
                .duplicateID, location: location, recordID: id, field: field,
                message: "duplicate id: the \(record) at line \(first) has it too; this one is skipped")
        }
        firstLine[id] = location.line
        return nil
    }

    /// Forgets `id` (a deletion between two records with it makes the second one legitimate).
    mutating func forget(_ id: String) {
        firstLine[id] = nil
    }
}
