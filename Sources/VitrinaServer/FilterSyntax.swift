import Foundation
import VitrinaIndex

/// Filters as `vitrina search --filter` writes them: `FIELD=VALUE`, `FIELD<N`, `FIELD<=N`,
/// `FIELD>N`, `FIELD>=N`, `FIELD=N..M`.
enum FilterSyntax {
    /// Parses one filter.
    ///
    /// - Throws: ``APIError`` `bad_request` naming the filter and what was expected.
    static func parse(_ text: String) throws -> SearchRequest.Filter {
        for op in ["<=", ">=", "<", ">"] {
            guard let range = text.range(of: op) else { continue }
            let field = String(text[..<range.lowerBound])
            guard let value = number(text[range.upperBound...]) else {
                throw APIError.badRequest(
                    "filter \(text): expected a number after \(op) (digits, a decimal point, an exponent)")
            }
            switch op {
            case "<=": return .range(field: field, min: nil, max: value)
            case ">=": return .range(field: field, min: value, max: nil)
            case "<": return .range(field: field, min: nil, max: value.nextDown)
            default: return .range(field: field, min: value.nextUp, max: nil)
            }
        }
        guard let equals = text.firstIndex(of: "=") else {
            throw APIError.badRequest("filter \(text): expected FIELD=VALUE, FIELD<N, FIELD>N or FIELD=N..M")
        }
        let field = String(text[..<equals])
        let value = String(text[text.index(after: equals)...])
        let bounds = value.components(separatedBy: "..")
        if bounds.count == 2, let low = number(bounds[0]), let high = number(bounds[1]) {
            return .range(field: field, min: low, max: high)
        }
        return .equals(field: field, value: value)
    }

    /// Parses `FIELD`, `FIELD:asc`, `FIELD:desc`, `-FIELD` or `relevance`.
    static func parseSort(_ text: String) -> SearchRequest.Sort {
        if text.isEmpty || text == "relevance" { return .relevance }
        if text.hasPrefix("-") { return .descending(String(text.dropFirst())) }
        if text.hasSuffix(":desc") { return .descending(String(text.dropLast(5))) }
        if text.hasSuffix(":asc") { return .ascending(String(text.dropLast(4))) }
        return .ascending(text)
    }

    /// A finite decimal number (not `nan`, `inf` or hexadecimal).
    static func number(_ text: some StringProtocol) -> Double? {
        let decimal = !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }
        guard decimal, let value = Double(String(text)), value.isFinite else { return nil }
        return value
    }
}
