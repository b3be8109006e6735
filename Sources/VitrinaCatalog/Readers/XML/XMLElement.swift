import Foundation

/// One element read whole by ``XMLStreamReader/readElement(name:isEmpty:)``: a record of a feed
/// (an offer, a product), small enough to hold in memory.
struct XMLElement {
    /// The local name (namespace prefix removed).
    var name: String
    /// Attributes by local name.
    var attributes: [String: String]
    /// The line where the element starts.
    var line: Int
    /// The concatenated text directly inside the element (CDATA included).
    var text = ""
    /// Child elements in document order.
    var children: [XMLElement] = []
    /// The first element of this record (itself or a descendant) that had more attributes than the
    /// limit, as a problem; a reader skips such a record.
    var excess: ImportProblem?

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    /// The first child called `name`.
    func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    /// Every child called `name`.
    func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// The trimmed text of the first child called `name`; `nil` when absent or empty.
    func value(_ name: String) -> String? { child(name)?.trimmedText }

    /// The element's text and its descendants', trimmed; `nil` when empty.
    var trimmedText: String? {
        let trimmed = allText.trimmedWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The text of the element and all its descendants, in order.
    var allText: String {
        children.isEmpty ? text : text + children.map(\.allText).joined(separator: " ")
    }
}

extension String {
    /// The text without leading and trailing white space (a fast path for feed values, which
    /// are mostly already trimmed).
    var trimmedWhitespace: String {
        let isSpace: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return self }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
            let end = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[start...end])
    }
}
