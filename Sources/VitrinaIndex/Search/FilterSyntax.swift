import Foundation

/// Filters as users type them (`vitrina search --filter`, the server's `filter=`): `price<=50000`,
/// `available=1` (or `true`, `да`), `vendor="LG Electronics"`, `category=Электроника > Телевизоры`,
/// `price=20000..30000`.
///
/// The first operator in the text decides (`=`, `<`, `<=`, `>`, `>=`), so a `>` inside a category
/// path is part of the value. Spaces around the field, the operator and the value, and quotes
/// around the value (`"…"`, `'…'`, `«…»`) are dropped. Whether a field is numeric comes from the
/// schema.
package enum FilterSyntax {
    /// A filter that does not follow the syntax, with a message naming it and what was expected.
    package struct Malformed: Error, CustomStringConvertible {
        /// The message, such as `filter price<abc: expected a number after <`.
        package let description: String
    }

    /// Values that mean 1 for a numeric field such as `available` or `discount`.
    package static let yes: Set<String> = ["true", "yes", "y", "да", "так", "on"]
    /// Values that mean 0.
    package static let no: Set<String> = ["false", "no", "n", "нет", "не", "off"]

    /// Parses one filter.
    ///
    /// - Throws: ``Malformed`` naming the filter and what was expected.
    package static func parse(_ text: String, schema: Schema = .products) throws -> SearchRequest.Filter {
        guard let (field, op, rawValue) = split(text) else {
            throw Malformed(description: "filter \(text): expected FIELD=VALUE, FIELD<N, FIELD>N or FIELD=N..M")
        }
        guard !field.isEmpty else {
            throw Malformed(description: "filter \(text): the field name is missing before \(op)")
        }
        let value = unquoted(rawValue)
        if op != "=" {
            guard let number = number(value) else {
                throw Malformed(
                    description: "filter \(text): expected a number after \(op) (digits, a decimal point, an exponent)")
            }
            switch op {
            case "<=": return .range(field: field, min: nil, max: number)
            case ">=": return .range(field: field, min: number, max: nil)
            case "<": return .range(field: field, min: nil, max: number.nextDown)
            default: return .range(field: field, min: number.nextUp, max: nil)
            }
        }
        let bounds = value.components(separatedBy: "..")
        if bounds.count == 2, let low = number(bounds[0].trimmed), let high = number(bounds[1].trimmed) {
            return .range(field: field, min: low, max: high)
        }
        let kind = schema.fieldNumber(field).map { schema.fields[$0].kind }
        if kind == .numeric {
            let word = value.lowercased()
            let exact = number(value) ?? (yes.contains(word) ? 1 : no.contains(word) ? 0 : nil)
            guard let exact else {
                throw Malformed(
                    description:
                        "filter \(text): \(field) is numeric: expected a number, N..M, or yes/no (1, true, да / 0, false, нет)"
                )
            }
            return .range(field: field, min: exact, max: exact)
        }
        if field == Schema.FieldName.category {
            // `Электроника>Телевизоры`, `Электроника › Телевизоры` → `Электроника > Телевизоры`, as indexed.
            let parts = value.split(whereSeparator: { $0 == ">" || $0 == "›" }).map { String($0).trimmed }
            return .equals(field: field, value: parts.joined(separator: " > "))
        }
        return .equals(field: field, value: value)
    }

    /// The field, the first operator and the value; `nil` without an operator.
    private static func split(_ text: String) -> (String, String, String)? {
        guard let index = text.firstIndex(where: { "=<>".contains($0) }) else { return nil }
        var op = String(text[index])
        var rest = text[text.index(after: index)...]
        if op != "=", rest.first == "=" {
            op += "="
            rest = rest.dropFirst()
        }
        return (String(text[..<index]).trimmed, op, String(rest).trimmed)
    }

    /// `value` without one pair of surrounding quotes.
    private static func unquoted(_ value: String) -> String {
        for (open, close) in [("\"", "\""), ("'", "'"), ("«", "»"), ("„", "“")]
        where value.count >= 2 && value.hasPrefix(open) && value.hasSuffix(close) {
            return String(value.dropFirst().dropLast()).trimmed
        }
        return value
    }

    /// Parses `FIELD`, `FIELD:asc`, `FIELD:desc`, `-FIELD` or `relevance`.
    package static func parseSort(_ text: String) -> SearchRequest.Sort {
        if text.isEmpty || text == "relevance" { return .relevance }
        if text.hasPrefix("-") { return .descending(String(text.dropFirst())) }
        if text.hasSuffix(":desc") { return .descending(String(text.dropLast(5))) }
        if text.hasSuffix(":asc") { return .ascending(String(text.dropLast(4))) }
        return .ascending(text)
    }

    /// A finite decimal number (`12`, `-1.5`, `2e3`): not `nan`, `inf` or hexadecimal, which
    /// `Double(_:)` accepts and which would make a filter let everything through.
    package static func number(_ text: some StringProtocol) -> Double? {
        let decimal = !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }
        guard decimal, let value = Double(String(text)), value.isFinite else { return nil }
        return value
    }
}

extension String {
    /// Without leading and trailing whitespace.
    fileprivate var trimmed: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
