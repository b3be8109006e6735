/// Writes products as a Yandex Market Language feed, piece by piece.
///
/// A feed of any size can be produced with bounded memory (for import benchmarks and tests):
/// write ``start``, then ``offer(_:)`` for each product, then ``end``. YML puts the category tree
/// before the offers, so every category path the products use is given up front.
public struct YMLFeedWriter: Sendable {
    private var categoryIDs: [[String]: Int] = [:]
    private var header = ""

    /// Creates a writer whose feed declares `currencies` (the first is the base, the others
    /// take the central bank's rate) and `categoryPaths` (every prefix becomes a category).
    public init(shop: String, currencies: [String], categoryPaths: [[String]]) {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<yml_catalog date=\"2026-11-23 10:00\">", "<shop>",
            "<name>\(Self.escape(shop))</name>", "<company>\(Self.escape(shop))</company>",
            "<url>https://shop.example</url>", "<currencies>",
        ]
        for (index, currency) in currencies.enumerated() {
            lines.append("<currency id=\"\(Self.escape(currency))\" rate=\"\(index == 0 ? "1" : "CBRF")\"/>")
        }
        lines += ["</currencies>", "<categories>"]
        for path in categoryPaths {
            for depth in path.indices {
                let prefix = Array(path[...depth])
                guard categoryIDs[prefix] == nil else { continue }
                let id = categoryIDs.count + 1
                categoryIDs[prefix] = id
                let parent = depth > 0 ? categoryIDs[Array(path[..<depth])].map { " parentId=\"\($0)\"" } ?? "" : ""
                lines.append("<category id=\"\(id)\"\(parent)>\(Self.escape(path[depth]))</category>")
            }
        }
        lines.append("</categories>")
        lines.append("<offers>")
        header = lines.joined(separator: "\n") + "\n"
    }

    /// The text before the first offer.
    public var start: String { header }

    /// The text after the last offer.
    public var end: String { "</offers>\n</shop>\n</yml_catalog>\n" }

    /// One offer: a `vendor.model` offer when the product has a vendor and a model, else a
    /// simple one with `name`.
    public func offer(_ product: Product) -> String {
        var text = "<offer id=\"\(Self.escape(product.id))\""
        let vendorModel = product.vendor != nil && product.model != nil && product.title == nil
        if vendorModel { text += " type=\"vendor.model\"" }
        if let available = product.available { text += " available=\"\(available)\"" }
        text += ">\n"
        func element(_ name: String, _ value: String?) {
            guard let value else { return }
            text += "<\(name)>\(Self.escape(value))</\(name)>\n"
        }
        element("url", product.url)
        element("price", product.price.map(Self.number))
        element("oldprice", product.oldPrice.map(Self.number))
        element("currencyId", product.currency)
        element("categoryId", categoryIDs[product.categoryPath].map(String.init))
        for picture in product.pictures { element("picture", picture) }
        if !vendorModel { element("name", product.title) }
        element("vendor", product.vendor)
        if vendorModel { element("model", product.model) }
        element("vendorCode", product.vendorCode)
        element("barcode", product.barcode)
        element("description", product.description)
        for parameter in product.parameters {
            let unit = parameter.unit.map { " unit=\"\(Self.escape($0))\"" } ?? ""
            text += "<param name=\"\(Self.escape(parameter.name))\"\(unit)>\(Self.escape(parameter.value))</param>\n"
        }
        return text + "</offer>\n"
    }

    /// A price without a trailing `.0`.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// XML text with `& < > "` escaped.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
