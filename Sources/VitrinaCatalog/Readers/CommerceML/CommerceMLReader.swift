import Foundation
import VitrinaModel

/// Reads a 1C CommerceML 2 exchange: the catalog (`import.xml`) merged with its offers package
/// (`offers.xml`), by product `Ид`, falling back to the barcode.
///
/// The offers package is read first and kept in memory (one small record per offer); the
/// catalog is then streamed, one `Товар` at a time. Element names are matched without namespace,
/// so schema versions 2.03–2.10 with or without `urn:1C.ru:commerceml_2` read the same.
///
/// - The category path of a product comes from the nested `Группы` of the classifier.
/// - Properties (`Свойства`, with their `ВариантыЗначений` dictionaries) turn a product's
///   `ЗначенияСвойств` into named parameters. Requisites (`ЗначенияРеквизитов`) become parameters
///   too, except the accounting ones (`ВидНоменклатуры`, `ТипНоменклатуры`, `Код`, file
///   descriptions) and any whose value is the title (`Полное наименование`, usually).
/// - The price is the one of a retail price type (named like «Розничная», «Роздріб», «Retail»);
///   when the package has only wholesale tiers, the highest of an offer's prices (the smallest
///   tier, nearest to what a shopper pays). Variants (`product#variant`) give the lowest of
///   their prices, and the product is available when any variant is in stock (`Количество`, or
///   the sum of `Склад/@КоличествоНаСкладе`).
/// - Offers that match no product are reported as skipped («offer has no product in
///   import.xml»); with no catalog at all they are price/stock updates.
/// - Products without `Ид` or `Наименование`, and prices in an unknown currency, are skipped
///   with the reason.
public struct CommerceMLReader: CatalogReader {
    private let importPath: String?
    private let offersPath: String?
    private var catalog: XMLStreamReader?
    private var offers: [CommerceMLOffer] = []
    private var offerByProduct: [String: [Int]] = [:]
    private var offerByBarcode: [String: Int] = [:]
    /// Items ready to return, in order, from `pendingStart` on (a queue without O(n) removals).
    private var pending: [CatalogItem] = []
    private var pendingStart = 0
    private var groups: [String: (parent: String?, name: String)] = [:]
    private var properties: [String: (name: String, values: [String: String])] = [:]
    private var started = false
    private var finished = false
    private var offersBytes = 0
    /// A product read while the catalog's XML reader had notices to pass on first.
    private var held: CatalogItem?
    /// Product ids of the catalog, and offer ids of the package, seen so far.
    private var productIDs = DuplicateIDs()
    private var offerIDs = DuplicateIDs()

    /// Opens a catalog and/or an offers package (at least one).
    ///
    /// - Throws: ``ImportProblem`` when neither is given or a file cannot be opened.
    public init(importPath: String?, offersPath: String?) throws {
        guard importPath != nil || offersPath != nil else {
            throw ImportProblem(location: SourceLocation(file: "", line: 0), message: "no CommerceML file given")
        }
        self.importPath = importPath
        self.offersPath = offersPath
        if let importPath { catalog = try XMLStreamReader(path: importPath) }
    }

    /// Bytes consumed so far in both files.
    public var bytesRead: Int { offersBytes + (catalog?.bytesConsumed ?? 0) }

    /// The next product (or update, or skipped record); `nil` at the end.
    ///
    /// - Throws: ``ImportProblem`` for malformed XML or a file that is not CommerceML.
    public mutating func next() throws -> CatalogItem? {
        if !started {
            started = true
            if let offersPath { try readOffers(offersPath) }
        }
        while true {
            if pendingStart < pending.count {
                defer { pendingStart += 1 }
                return pending[pendingStart]
            }
            if !pending.isEmpty {
                pending.removeAll()
                pendingStart = 0
            }
            if finished { return nil }
            if let item = try nextProduct() { return item }
            finished = true
            pending = leftoverOffers()
        }
    }

    // MARK: - Offers package

    private mutating func readOffers(_ path: String) throws {
        let xml = try XMLStreamReader(path: path)
        var priceTypes: [(id: String, name: String, currency: String?)] = []
        var rootChecked = false
        while let node = try xml.next() {
            guard case .start(let name, let isEmpty) = node else { continue }
            if !rootChecked {
                guard name == "КоммерческаяИнформация" else {
                    throw xml.problem("not a CommerceML document: the root element is <\(name)>")
                }
                rootChecked = true
                continue
            }
            defer { while let notice = xml.takeNotice() { pending.append(notice) } }
            switch name {
            case "ТипЦены":
                let element = try xml.readElement(name: name, isEmpty: isEmpty)
                if let excess = element.excess {
                    pending.append(.skipped(excess))
                } else if let id = element.value("Ид") {
                    priceTypes.append((id, element.value("Наименование") ?? "", element.value("Валюта")))
                }
            case "Предложение":
                let element = try xml.readElement(name: name, isEmpty: isEmpty)
                if let item = offer(element, priceTypes: priceTypes, path: path) { pending.append(item) }
            case "Товар", "Классификатор":
                try xml.skipElement(name: name, isEmpty: isEmpty)
            default:
                continue
            }
        }
        while let notice = xml.takeNotice() { pending.append(notice) }
        offersBytes = xml.bytesConsumed
    }

    private mutating func offer(
        _ element: XMLElement, priceTypes: [(id: String, name: String, currency: String?)], path: String
    ) -> CatalogItem? {
        let location = SourceLocation(file: path, line: element.line)
        guard let id = element.value("Ид") else {
            return .skipped(ImportProblem(location: location, field: "Ид", message: "offer without an Ид"))
        }
        if var excess = element.excess {
            excess.recordID = id
            excess.message = "offer skipped: " + excess.message
            return .skipped(excess)
        }
        if let duplicate = offerIDs.check(id, at: location, field: "Ид", record: "offer") { return .skipped(duplicate) }
        let retail = priceTypes.first { type in
            let name = type.name.lowercased()
            return ["розн", "роздр", "retail", "отпуск"].contains { name.contains($0) }
        }
        var chosen: (price: Double, currency: String?)?
        for price in element.child("Цены")?.children("Цена") ?? [] {
            guard let text = price.value("ЦенаЗаЕдиницу") else { continue }
            let value: Double
            switch PriceText.price(text) {
            case .success(let number): value = number
            case .failure(let reason):
                return .skipped(
                    ImportProblem(location: location, recordID: id, field: "ЦенаЗаЕдиницу", message: reason.message))
            }
            let typeID = price.value("ИдТипаЦены")
            let type = priceTypes.first { $0.id == typeID }
            let written = price.value("Валюта") ?? type?.currency
            let currency = written.flatMap(PriceText.currency)
            if let written, currency == nil {
                return .skipped(
                    ImportProblem(
                        location: location, recordID: id, field: "Валюта", message: "unknown currency \"\(written)\""))
            }
            if let retail {
                if typeID == retail.id { chosen = (value, currency) }
            } else if chosen == nil || value > (chosen?.price ?? 0) {
                chosen = (value, currency)
            }
        }
        var quantity = element.value("Количество").flatMap(PriceText.number)
        if quantity == nil {
            let stores = element.children("Склад").compactMap { $0.attributes["КоличествоНаСкладе"] }
            if !stores.isEmpty { quantity = stores.compactMap(PriceText.number).reduce(0, +) }
        }
        let record = CommerceMLOffer(
            id: id, barcode: element.value("ШтрихКод") ?? element.value("Штрихкод"), price: chosen?.price,
            currency: chosen?.currency, quantity: quantity, line: element.line)
        offerByProduct[record.productID, default: []].append(offers.count)
        if let barcode = record.barcode { offerByBarcode[barcode] = offers.count }
        offers.append(record)
        return nil
    }

    /// Offers no product took: reported against the catalog, or updates when there is none.
    private func leftoverOffers() -> [CatalogItem] {
        guard let offersPath else { return [] }
        var items: [CatalogItem] = []
        if importPath == nil {
            var seen: Set<String> = []
            for offer in offers where seen.insert(offer.productID).inserted {
                let merged = merge(offerByProduct[offer.productID] ?? [])
                items.append(
                    .entry(
                        .offerUpdate(
                            OfferUpdate(
                                id: offer.productID, price: merged.price, currency: merged.currency,
                                available: merged.available)), SourceLocation(file: offersPath, line: offer.line)))
            }
            return items
        }
        for offer in offers where !offer.matched {
            items.append(
                .skipped(
                    ImportProblem(
                        location: SourceLocation(file: offersPath, line: offer.line), recordID: offer.id,
                        message: "offer has no product in import.xml (no matching Ид or barcode)")))
        }
        return items
    }

    /// The lowest price of some offers, with availability if any is in stock.
    private func merge(_ indices: [Int]) -> (price: Double?, currency: String?, available: Bool?) {
        var best: (price: Double, currency: String?)?
        var available: Bool?
        for index in indices {
            let offer = offers[index]
            if let price = offer.price, price < (best?.price ?? .infinity) { best = (price, offer.currency) }
            if let quantity = offer.quantity { available = (available ?? false) || quantity > 0 }
        }
        return (best?.price, best?.currency, available)
    }

    // MARK: - Catalog

    private mutating func nextProduct() throws -> CatalogItem? {
        guard let xml = catalog else { return nil }
        if let notice = xml.takeNotice() { return notice }
        if let item = held {
            held = nil
            return item
        }
        while let node = try xml.next() {
            guard case .start(let name, let isEmpty) = node else { continue }
            if xml.depth == 0 {
                guard name == "КоммерческаяИнформация" else {
                    throw xml.problem("not a CommerceML document: the root element is <\(name)>")
                }
                continue
            }
            switch name {
            case "Классификатор":
                let classifier = try xml.readElement(name: name, isEmpty: isEmpty)
                readClassifier(classifier)
                // Groups and properties are read, whatever attributes they lost; the loss is reported.
                if let excess = classifier.excess { return deliver(.skipped(excess), xml) }
            case "Товар":
                let element = try xml.readElement(name: name, isEmpty: isEmpty, flattening: ["Описание"])
                return deliver(product(element, path: xml.path), xml)
            case "Каталог", "Товары":
                continue
            default:
                if xml.depth <= 2 { try xml.skipElement(name: name, isEmpty: isEmpty) }
            }
        }
        return xml.takeNotice()
    }

    /// `item`, after the XML reader's notices (which come first in the file).
    private mutating func deliver(_ item: CatalogItem, _ xml: XMLStreamReader) -> CatalogItem? {
        guard let notice = xml.takeNotice() else { return item }
        held = item
        return notice
    }

    private mutating func readClassifier(_ classifier: XMLElement) {
        func walk(_ container: XMLElement?, parent: String?) {
            for group in container?.children("Группа") ?? [] {
                guard let id = group.value("Ид") else { continue }
                groups[id] = (parent, group.value("Наименование") ?? "")
                walk(group.child("Группы"), parent: id)
            }
        }
        walk(classifier.child("Группы"), parent: nil)
        for property in classifier.child("Свойства")?.children ?? [] {
            guard let id = property.value("Ид"), let name = property.value("Наименование") else { continue }
            var values: [String: String] = [:]
            for entry in property.child("ВариантыЗначений")?.children("Справочник") ?? [] {
                if let key = entry.value("ИдЗначения"), let value = entry.value("Значение") { values[key] = value }
            }
            properties[id] = (name, values)
        }
    }

    private mutating func product(_ element: XMLElement, path: String) -> CatalogItem {
        let location = SourceLocation(file: path, line: element.line)
        guard let id = element.value("Ид") else {
            return .skipped(ImportProblem(location: location, field: "Ид", message: "product without an Ид"))
        }
        if var excess = element.excess {
            excess.recordID = id
            excess.message = "product skipped: " + excess.message
            return .skipped(excess)
        }
        if let duplicate = productIDs.check(id, at: location, field: "Ид", record: "product") {
            return .skipped(duplicate)
        }
        guard let title = element.value("Наименование") else {
            return .skipped(
                ImportProblem(
                    location: location, recordID: id, field: "Наименование", message: "product without a name"))
        }
        let barcode = element.value("ШтрихКод") ?? element.value("Штрихкод")
        var indices = offerByProduct[id] ?? []
        if indices.isEmpty, let barcode, let index = offerByBarcode[barcode] { indices = [index] }
        for index in indices { offers[index].matched = true }
        let merged = merge(indices)

        var parameters: [Product.Parameter] = []
        for value in element.child("ЗначенияСвойств")?.children("ЗначенияСвойства") ?? [] {
            guard let propertyID = value.value("Ид"), let property = properties[propertyID],
                let written = value.value("Значение")
            else { continue }
            parameters.append(Product.Parameter(name: property.name, value: property.values[written] ?? written))
        }
        for requisite in element.child("ЗначенияРеквизитов")?.children("ЗначениеРеквизита") ?? [] {
            guard let name = requisite.value("Наименование"), let value = requisite.value("Значение"),
                !Self.bookkeepingRequisites.contains(name), value != title
            else { continue }
            parameters.append(Product.Parameter(name: name, value: value))
        }
        let groupID = element.child("Группы")?.value("Ид")
        let product = Product(
            id: id, title: title, vendor: element.child("Изготовитель")?.value("Наименование"),
            vendorCode: element.value("Артикул"), barcode: barcode,
            categoryPath: groupID.map(categoryPath) ?? [],
            description: element.value("Описание").map { HTMLText.plainText($0).trimmedWhitespace }
                .flatMap { $0.isEmpty ? nil : $0 },
            parameters: parameters, price: merged.price, currency: merged.currency, available: merged.available,
            pictures: element.children("Картинка").compactMap(\.trimmedText))
        return RecordCheck.checked(.product(product), location)
    }

    /// Requisites (`ЗначенияРеквизитов`) that describe the accounting record, not the product.
    private static let bookkeepingRequisites: Set<String> = [
        "ВидНоменклатуры", "ТипНоменклатуры", "Код", "Файл", "ОписаниеФайла", "ОписаниеВФорматеHTML",
    ]

    private func categoryPath(_ id: String) -> [String] {
        var path: [String] = []
        var visited: Set<String> = []
        var current: String? = id
        while let key = current, visited.insert(key).inserted, let group = groups[key] {
            if !group.name.isEmpty { path.append(group.name) }
            current = group.parent
        }
        return path.reversed()
    }
}
