import Foundation
import VitrinaModel

/// Reads a Yandex Market Language feed (`yml_catalog/shop`), one offer at a time.
///
/// - The currencies and the category tree come first in a feed; each offer gets the path of its
///   first `categoryId` (parents followed through `parentId` or the legacy `parent_id`, cycles and
///   dangling ids cut). An unknown category id leaves the path empty.
/// - Simple offers take `name` as the title; `vendor.model` offers build it from `typePrefix`,
///   `vendor` and `model` (the vendor once when the model already starts with it).
/// - An offer with neither a name nor a vendor or model but with a price or availability is a
///   price/stock record (a marketplace "placement" feed): ``CatalogEntry/offerUpdate(_:)``.
/// - HTML in descriptions (usually in CDATA) is reduced to its text.
/// - `param` elements become parameters with their units; `sales_notes`, `delivery` and `pickup`
///   become the parameters «Условия продажи», «Доставка» and «Самовывоз» (the facts a
///   "where to buy" answer needs).
/// - Offers are skipped, with the reason, when the id is missing or repeated, a price is not a
///   number, or the currency is not declared. `RUR` is read as `RUB`.
public struct YMLReader: CatalogReader {
    private let xml: XMLStreamReader
    private var rootChecked = false
    private var currencies: [String: String] = [:]  // id → rate as written
    private var categories: [String: (parent: String?, name: String)] = [:]
    private var ids = DuplicateIDs()
    private var pathCache: [String: [String]] = [:]
    /// An item read while the XML reader had notices to pass on first.
    private var held: CatalogItem?

    /// Opens `path`.
    ///
    /// - Throws: ``ImportProblem`` when the file cannot be opened.
    public init(path: String) throws {
        xml = try XMLStreamReader(path: path)
    }

    /// Bytes of the file consumed so far.
    public var bytesRead: Int { xml.bytesConsumed }

    /// The next offer, or a skipped one; `nil` at the end of the feed.
    ///
    /// - Throws: ``ImportProblem`` for malformed XML, entities, or a root that is not `yml_catalog`.
    public mutating func next() throws -> CatalogItem? {
        if let notice = xml.takeNotice() { return notice }
        if let item = held {
            held = nil
            return item
        }
        while let node = try xml.next() {
            guard case .start(let name, let isEmpty) = node else { continue }
            if !rootChecked {
                guard name == "yml_catalog" else { throw xml.problem("not a YML feed: the root element is <\(name)>") }
                rootChecked = true
                continue
            }
            switch name {
            case "shop", "currencies", "categories", "offers":
                continue
            case "currency":
                let element = try xml.readElement(name: name, isEmpty: isEmpty)
                if let excess = element.excess { return deliver(.skipped(excess)) }
                if let id = element.attributes["id"].map(Self.currencyCode) {
                    currencies[id] = element.attributes["rate"] ?? ""
                }
            case "category":
                let element = try xml.readElement(name: name, isEmpty: isEmpty)
                if let excess = element.excess { return deliver(.skipped(excess)) }
                if let id = element.attributes["id"] {
                    let parent = element.attributes["parentId"] ?? element.attributes["parent_id"]
                    categories[id] = (parent, element.trimmedText ?? "")
                }
            case "offer":
                let element = try xml.readElement(name: name, isEmpty: isEmpty, flattening: ["description"])
                return deliver(offer(element))
            default:
                try xml.skipElement(name: name, isEmpty: isEmpty)
            }
        }
        if !rootChecked { throw xml.problem("empty document: no <yml_catalog>") }
        return xml.takeNotice()
    }

    /// `item`, after the XML reader's notices (which come first in the file).
    private mutating func deliver(_ item: CatalogItem) -> CatalogItem? {
        guard let notice = xml.takeNotice() else { return item }
        held = item
        return notice
    }

    // MARK: - Offers

    private mutating func offer(_ element: XMLElement) -> CatalogItem {
        let location = SourceLocation(file: xml.path, line: element.line)
        func skip(_ message: String, id: String? = nil, field: String? = nil) -> CatalogItem {
            .skipped(ImportProblem(location: location, recordID: id, field: field, message: message))
        }
        guard let id = element.attributes["id"]?.trimmingCharacters(in: .whitespaces), !id.isEmpty else {
            return skip("offer without an id attribute", field: "offer/@id")
        }
        if var excess = element.excess {
            excess.recordID = id
            excess.message = "offer skipped: " + excess.message
            return .skipped(excess)
        }
        if let duplicate = ids.check(id, at: location, field: "offer/@id", record: "offer") {
            return .skipped(duplicate)
        }

        var prices: [String: Double] = [:]
        for field in ["price", "oldprice"] {
            guard let text = element.value(field) else { continue }
            switch PriceText.price(text) {
            case .success(let value): prices[field] = value
            case .failure(let reason): return skip(reason.message, id: id, field: field)
            }
        }
        var currency = element.value("currencyId").map(Self.currencyCode)
        if let code = currency, !currencies.isEmpty, currencies[code] == nil {
            return skip("currency \(code) is not declared in <currencies>", id: id, field: "currencyId")
        }
        if currency == nil {
            currency =
                currencies.first { $0.value == "1" }?.key ?? (currencies.count == 1 ? currencies.keys.first : nil)
        }
        var available = element.attributes["available"].flatMap(Self.bool)
        if available == nil, let outlets = element.child("outlets")?.children("outlet"), !outlets.isEmpty {
            available = outlets.contains { ($0.attributes["instock"].flatMap { Double($0) } ?? 0) > 0 }
        }

        let vendor = element.value("vendor")
        let model = element.value("model")
        var title = element.value("name")
        if title == nil, vendor != nil || model != nil {
            title = Self.title(typePrefix: element.value("typePrefix"), vendor: vendor, model: model)
        }
        guard let title else {
            guard prices["price"] != nil || available != nil else {
                return skip("offer has no name, vendor or model, and no price or availability", id: id, field: "name")
            }
            return RecordCheck.checked(
                .offerUpdate(
                    OfferUpdate(
                        id: id, price: prices["price"], oldPrice: prices["oldprice"], currency: currency,
                        available: available)), location)
        }

        var parameters: [Product.Parameter] = []
        for param in element.children("param") {
            guard let name = param.attributes["name"]?.trimmingCharacters(in: .whitespaces), !name.isEmpty,
                let value = param.trimmedText
            else { continue }
            parameters.append(Product.Parameter(name: name, value: value, unit: param.attributes["unit"]))
        }
        if let notes = element.value("sales_notes") {
            parameters.append(Product.Parameter(name: "Условия продажи", value: notes))
        }
        for (field, name) in [("delivery", "Доставка"), ("pickup", "Самовывоз")] {
            if let flag = element.value(field).flatMap(Self.bool) {
                parameters.append(Product.Parameter(name: name, value: flag ? "да" : "нет"))
            }
        }
        let product = Product(
            id: id, title: title, vendor: vendor, model: model, vendorCode: element.value("vendorCode"),
            barcode: element.value("barcode"),
            categoryPath: element.value("categoryId").map { categoryPath($0) } ?? [],
            description: element.child("description").map { HTMLText.plainText($0.allText).trimmedWhitespace }
                .flatMap(Self.nonEmpty),
            parameters: parameters, price: prices["price"], oldPrice: prices["oldprice"], currency: currency,
            available: available, url: element.value("url"),
            pictures: element.children("picture").compactMap(\.trimmedText))
        return RecordCheck.checked(.product(product), location)
    }

    /// The names from the root to category `id`.
    private mutating func categoryPath(_ id: String) -> [String] {
        if let cached = pathCache[id] { return cached }
        var path: [String] = []
        var visited: Set<String> = []
        var current: String? = id
        while let key = current, !visited.contains(key), let category = categories[key] {
            visited.insert(key)
            if !category.name.isEmpty { path.append(category.name) }
            current = category.parent
        }
        path.reverse()
        pathCache[id] = path
        return path
    }

    /// `typePrefix vendor model`, without the vendor when the model already starts with it
    /// (`Bernina` + `Bernina Bernette E56` is «Bernina Bernette E56», not «Bernina Bernina …»).
    static func title(typePrefix: String?, vendor: String?, model: String?) -> String {
        var vendor = vendor
        if let brand = vendor?.lowercased(), let lowered = model?.lowercased(), lowered.hasPrefix(brand) {
            // Only a whole word: «LG» is dropped before «LG OLED55» but kept before «LGE-1».
            let next = lowered.dropFirst(brand.count).first
            if next.map({ !$0.isLetter && !$0.isNumber }) ?? true { vendor = nil }
        }
        return [typePrefix, vendor, model].compactMap { $0 }.joined(separator: " ")
    }

    private static func currencyCode(_ text: String) -> String {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        return code == "RUR" ? "RUB" : code
    }

    private static func bool(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "1", "yes", "да": return true
        case "false", "0", "no", "нет": return false
        default: return nil
        }
    }

    private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}
