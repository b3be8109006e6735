import VitrinaModel

/// The checks every record passes before a reader yields it, whatever its format: an id that is
/// not blank, prices that are finite numbers from 0 to 10¹², a rating and dates that are finite.
enum RecordCheck {
    /// `entry` at `location`, or the skipped record saying which value is wrong.
    static func checked(_ entry: CatalogEntry, _ location: SourceLocation) -> CatalogItem {
        if let problem = problem(entry, at: location) { return .skipped(problem) }
        return .entry(entry, location)
    }

    private static func problem(_ entry: CatalogEntry, at location: SourceLocation) -> ImportProblem? {
        func invalid(_ id: String?, _ field: String, _ message: String) -> ImportProblem {
            ImportProblem(location: location, recordID: id, field: field, message: message)
        }
        switch entry {
        case .product(let product):
            if isBlank(product.id) { return invalid(nil, "id", "the id is empty") }
            for (field, value) in [("price", product.price), ("oldPrice", product.oldPrice)] {
                if let value, let reason = PriceText.check(value) {
                    return invalid(product.id, field, "\(reason), found \(value)")
                }
            }
            if let rating = product.rating, !rating.isFinite || rating < 0 {
                return invalid(product.id, "rating", "a rating must be a finite number of 0 or more, found \(rating)")
            }
            if let count = product.reviewCount, count < 0 {
                return invalid(product.id, "reviewCount", "a count cannot be negative, found \(count)")
            }
            for (field, value) in [("addedAt", product.addedAt), ("updatedAt", product.updatedAt)] {
                if let value, !value.isFinite { return invalid(product.id, field, "a date must be a finite number") }
            }
        case .offerUpdate(let update):
            if isBlank(update.id) { return invalid(nil, "id", "the id is empty") }
            for (field, value) in [("price", update.price), ("oldPrice", update.oldPrice)] {
                if let value, let reason = PriceText.check(value) {
                    return invalid(update.id, field, "\(reason), found \(value)")
                }
            }
        case .deletion(let id):
            if isBlank(id) { return invalid(nil, "id", "the id is empty") }
        case .social(let item):
            if let rating = item.rating, !rating.isFinite || rating < 0 {
                return invalid(item.product.id, "rating", "a rating must be a finite number of 0 or more")
            }
        }
        return nil
    }

    /// Whether `id` has nothing but white space.
    static func isBlank(_ id: String) -> Bool {
        id.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0.value < 0x20 }
    }
}
