import VitrinaIndex

/// Filter text in a request, read with the CLI's syntax (``FilterSyntax``); its mistakes are `bad_request`.
enum RequestFilter {
    /// Parses one filter.
    ///
    /// - Throws: ``APIError`` `bad_request` naming the filter and what was expected.
    static func parse(_ text: String, schema: Schema = .products) throws -> SearchRequest.Filter {
        do {
            return try FilterSyntax.parse(text, schema: schema)
        } catch let error as FilterSyntax.Malformed {
            throw APIError.badRequest(error.description)
        }
    }
}
