import Foundation
import VitrinaCatalog

/// The schema.org facts of a page: JSON-LD blocks (with `@graph` and arrays) and microdata.
struct StructuredData {
    /// A JSON-LD node: its types and properties.
    typealias Node = [String: Any]

    /// Every node with an `@type`, flattened out of graphs, arrays and nesting.
    var nodes: [Node] = []
    /// JSON-LD blocks that did not parse, with the parser's reason.
    var invalidBlocks: [String] = []
    /// Microdata item types seen (`https://schema.org/Product` → `Product`).
    var microdataTypes: [String] = []
    /// Microdata properties.
    var microdata: [String: String] = [:]

    init(page: HTMLPage) {
        for block in page.jsonLD {
            if let reason = StrictJSON.error(in: block) {
                invalidBlocks.append(reason)
                continue
            }
            guard let data = block.data(using: .utf8) else { continue }
            do {
                let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
                collect(value)
            } catch {
                invalidBlocks.append((error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)")
            }
        }
        microdataTypes = page.itemTypes.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        microdata = page.itemProps
    }

    private mutating func collect(_ value: Any) {
        if let array = value as? [Any] {
            for item in array { collect(item) }
        } else if let object = value as? Node {
            if object["@type"] != nil { nodes.append(object) }
            for (key, child) in object where key != "@context" {
                if child is [Any] || child is Node { collect(child) }
            }
        }
    }

    /// The types of a node (`@type` may be a string or a list).
    static func types(_ node: Node) -> [String] {
        if let type = node["@type"] as? String { return [type] }
        return (node["@type"] as? [String]) ?? []
    }

    /// Nodes of `type`.
    func nodes(_ type: String) -> [Node] { nodes.filter { Self.types($0).contains(type) } }

    /// The first product (JSON-LD), if any.
    var product: Node? { nodes("Product").first }

    /// Whether the page has a Product in JSON-LD or microdata.
    var hasProduct: Bool { product != nil || microdataTypes.contains("Product") }

    /// The offer of the product: `offers` (an Offer, AggregateOffer or a list) or a microdata offer.
    var offer: Node? {
        guard let product else { return nil }
        if let offer = product["offers"] as? Node { return offer }
        return (product["offers"] as? [Node])?.first
    }

    /// A property as text (numbers and nested `name`s included).
    static func string(_ node: Node?, _ key: String) -> String? {
        guard let value = node?[key] else { return nil }
        if let text = value as? String { return text.isEmpty ? nil : text }
        if let number = value as? NSNumber { return number.stringValue }
        if let object = value as? Node { return string(object, "name") ?? string(object, "@id") }
        if let list = value as? [Any], let first = list.first {
            return string(["value": first], "value")
        }
        return nil
    }

    /// The offer's price (`price` or `lowPrice`), from JSON-LD or microdata.
    var price: Double? {
        let text = Self.string(offer, "price") ?? Self.string(offer, "lowPrice") ?? microdata["price"]
        return text.flatMap { Double($0.replacingOccurrences(of: ",", with: ".").filter { !$0.isWhitespace }) }
    }

    /// The offer's currency.
    var currency: String? { Self.string(offer, "priceCurrency") ?? microdata["priceCurrency"] }

    /// The offer's availability (`InStock`, `OutOfStock`, …) without the schema.org prefix.
    var availability: String? {
        (Self.string(offer, "availability") ?? microdata["availability"]).map {
            $0.split(separator: "/").last.map(String.init) ?? $0
        }
    }
}
