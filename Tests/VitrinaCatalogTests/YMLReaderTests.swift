import Foundation
import Testing
import VitrinaModel

@testable import VitrinaCatalog

@Suite("YML reader")
struct YMLReaderTests {
    /// Reads every item of a YML text written to a file.
    static func read(_ bytes: [UInt8]) throws -> (items: [CatalogItem], path: String, file: TemporaryFile) {
        let file = try TemporaryFile(bytes, name: "feed.yml")
        var reader = try YMLReader(path: file.path)
        var items: [CatalogItem] = []
        while let item = try reader.next() { items.append(item) }
        return (items, file.path, file)
    }

    static func read(_ text: String) throws -> [CatalogItem] { try read(Array(text.utf8)).items }

    static func products(_ items: [CatalogItem]) -> [Product] {
        items.compactMap { if case .entry(.product(let product), _) = $0 { product } else { nil } }
    }

    static func skipped(_ items: [CatalogItem]) -> [ImportProblem] {
        items.compactMap { if case .skipped(let problem) = $0 { problem } else { nil } }
    }

    static let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE yml_catalog SYSTEM "shops.dtd">
        <yml_catalog date="2026-11-20 10:00">
          <shop>
            <name>Тест</name>
            <currencies><currency id="RUR" rate="1"/><currency id="USD" rate="CBRF"/></currencies>
            <categories>
              <category id="1">Бытовая техника</category>
              <category id="2" parentId="1">Пылесосы</category>
              <category id="3" parent_id="2"><![CDATA[Роботы-пылесосы]]></category>
              <category id="8" parentId="9">Цикл</category>
              <category id="9" parentId="8">Цикл 2</category>
            </categories>
            <delivery-options><option cost="300" days="1"/></delivery-options>
            <offers>
              <offer id="a1" available="true">
                <name>Пылесос Philips FC9332 &quot;PowerPro&quot;</name>
                <price>12 990</price>
                <oldprice>14990.50</oldprice>
                <currencyId>RUR</currencyId>
                <categoryId>2</categoryId>
                <picture>https://x.example/1.jpg</picture>
                <picture>https://x.example/2.jpg</picture>
                <vendor>Philips</vendor>
                <description><![CDATA[<p>Мощный&nbsp;пылесос.</p><ul><li>1900 Вт</li><li>Контейнер</li></ul>]]></description>
                <param name="Мощность" unit="Вт">1900</param>
                <param name="Цвет">красный</param>
                <param name="Пусто"></param>
                <sales_notes>Предоплата 10%</sales_notes>
                <delivery>true</delivery>
                <pickup>false</pickup>
              </offer>
              <offer id="a2" type="vendor.model" available="false">
                <typePrefix>Робот-пылесос</typePrefix>
                <vendor>Xiaomi</vendor>
                <model>Robot Vacuum S10</model>
                <price>19990</price>
                <categoryId>3</categoryId>
                <categoryId>2</categoryId>
              </offer>
              <offer id="a3"><name>Цикл</name><price>1</price><categoryId>8</categoryId><currencyId>USD</currencyId></offer>
            </offers>
          </shop>
        </yml_catalog>
        """

    @Test func readsSimpleAndVendorModelOffers() throws {
        let items = try Self.read(Self.feed)
        let products = Self.products(items)
        #expect(products.count == 3 && Self.skipped(items).isEmpty)
        let first = products[0]
        #expect(first.title == "Пылесос Philips FC9332 \"PowerPro\"")
        #expect(first.price == 12_990 && first.oldPrice == 14_990.5 && first.currency == "RUB")
        #expect(first.available == true && first.vendor == "Philips")
        #expect(first.categoryPath == ["Бытовая техника", "Пылесосы"])
        #expect(first.pictures == ["https://x.example/1.jpg", "https://x.example/2.jpg"])
        #expect(first.description == "Мощный пылесос.\n1900 Вт\nКонтейнер")
        #expect(
            first.parameters == [
                .init(name: "Мощность", value: "1900", unit: "Вт"), .init(name: "Цвет", value: "красный"),
                .init(name: "Условия продажи", value: "Предоплата 10%"), .init(name: "Доставка", value: "да"),
                .init(name: "Самовывоз", value: "нет"),
            ])
        let second = products[1]
        #expect(second.title == "Робот-пылесос Xiaomi Robot Vacuum S10" && second.model == "Robot Vacuum S10")
        #expect(second.available == false && second.currency == "RUB")  // the base currency
        #expect(second.categoryPath == ["Бытовая техника", "Пылесосы", "Роботы-пылесосы"])
        #expect(products[2].categoryPath.count <= 2 && products[2].currency == "USD")  // a parent cycle is cut
        guard case .entry(_, let location) = items[1] else { return }
        #expect(location.line == 33)
    }

    @Test func priceOnlyOffersAreUpdates() throws {
        let items = try Self.read(
            """
            <?xml version='1.0' encoding='UTF-8'?>
            <yml_catalog><shop><currencies><currency id="RUB" rate="1"/></currencies><offers>
            <offer id="p1"><price>990</price><oldprice>1200</oldprice></offer>
            <offer id="p2"><price>10</price><outlets><outlet instock="0" warehouse_name="A"/><outlet instock="3"/></outlets></offer>
            <offer id="p3"><outlets><outlet instock="0"/></outlets></offer>
            <offer id="p4"><url>https://x</url></offer>
            </offers></shop></yml_catalog>
            """)
        let updates = items.compactMap { if case .entry(.offerUpdate(let update), _) = $0 { update } else { nil } }
        #expect(
            updates == [
                OfferUpdate(id: "p1", price: 990, oldPrice: 1_200, currency: "RUB"),
                OfferUpdate(id: "p2", price: 10, currency: "RUB", available: true),
                OfferUpdate(id: "p3", currency: "RUB", available: false),
            ])
        #expect(Self.skipped(items).map(\.recordID) == ["p4"])
    }

    @Test func badOffersAreSkippedWithLineFieldAndID() throws {
        let items = try Self.read(
            """
            <yml_catalog><shop>
            <currencies><currency id="RUB" rate="1"/></currencies>
            <offers>
            <offer><name>Без id</name><price>1</price></offer>
            <offer id="x1"><name>Хороший</name><price>1</price></offer>
            <offer id="x1"><name>Повтор</name><price>2</price></offer>
            <offer id="x2"><name>Цена</name><price>12,3,4</price></offer>
            <offer id="x3"><name>Валюта</name><price>5</price><currencyId>KZT</currencyId></offer>
            </offers></shop></yml_catalog>
            """)
        #expect(Self.products(items).map(\.id) == ["x1"])
        let problems = Self.skipped(items)
        #expect(problems.map(\.location.line) == [4, 6, 7, 8])
        #expect(problems.map(\.field) == ["offer/@id", "offer/@id", "price", "currencyId"])
        #expect(problems.map(\.recordID) == [nil, "x1", "x2", "x3"])
        #expect(problems[1].message.contains("line 5"))
    }

    @Test func decodesWindows1251BOMAndOneLineFiles() throws {
        // «Чайнік» and «Кухня» in Windows-1251.
        let kettle: [UInt8] = [0xD7, 0xE0, 0xE9, 0xED, 0xB3, 0xEA]
        let kitchen: [UInt8] = [0xCA, 0xF3, 0xF5, 0xED, 0xFF]
        let bytes =
            Array(
                "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\r\n<yml_catalog><shop><categories><category id=\"1\">"
                    .utf8)
            + kitchen + Array("</category></categories><offers><offer id=\"k\"><name>".utf8) + kettle
            + Array("</name><categoryId>1</categoryId></offer></offers></shop></yml_catalog>".utf8)
        let products = Self.products(try Self.read(bytes).items)
        #expect(products.map(\.title) == ["Чайнік"] && products.first?.categoryPath == ["Кухня"])

        let withBOM =
            [0xEF, 0xBB, 0xBF]
            + Array(
                "<yml_catalog><shop><offers><offer id=\"b\"><name>Ок</name></offer></offers></shop></yml_catalog>".utf8)
        #expect(Self.products(try Self.read(withBOM).items).map(\.id) == ["b"])
    }

    @Test(arguments: [
        ("<yml_catalog><shop><offers><offer id=\"t\"><name>Обрыв", "ends"),
        ("<?xml version=\"1.0\"?><html><body/></html>", "root element is <html>"),
        ("", "empty"),
    ])
    func unreadableFeedsThrowWithTheirLocation(text: String, expected: String) throws {
        do {
            _ = try Self.read(text)
            Issue.record("expected an error")
        } catch let problem as ImportProblem {
            #expect(problem.location.file.hasSuffix("feed.yml"))
            #expect(problem.description.localizedCaseInsensitiveContains(expected) || problem.message.count > 0)
        }
    }

    @Test func aWrongEncodingDeclarationIsAnErrorWithItsLine() throws {
        // Declared UTF-8, written in Windows-1251 («Чайнік»).
        let bytes =
            Array(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<yml_catalog><shop><offers>\n<offer id=\"k\"><name>".utf8)
            + [0xD7, 0xE0, 0xE9, 0xED, 0xB3, 0xEA] + Array("</name></offer></offers></shop></yml_catalog>".utf8)
        do {
            let items = try Self.read(bytes).items
            Issue.record("expected an error, got \(items)")
        } catch let problem as ImportProblem {
            #expect(problem.location.line == 3 && problem.location.column != nil)
            #expect(problem.message.localizedCaseInsensitiveContains("utf-8"))
        }
    }

    @Test func hostileEntitiesAreRefusedNotExpanded() throws {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE yml_catalog [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            ]>
            <yml_catalog><shop><offers><offer id="x"><name>&lol3;</name></offer></offers></shop></yml_catalog>
            """
        #expect(throws: ImportProblem.self) { try Self.read(laughs) }
        let parameter = """
            <?xml version="1.0"?>
            <!DOCTYPE yml_catalog [ <!ENTITY % ext SYSTEM "file:///etc/passwd"> %ext; ]>
            <yml_catalog><shop><offers><offer id="a"><name>x</name></offer></offers></shop></yml_catalog>
            """
        #expect(throws: ImportProblem.self) { try Self.read(parameter) }
        let inAttribute = """
            <?xml version="1.0"?>
            <!DOCTYPE yml_catalog [ <!ENTITY lol "lol"> <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;"> ]>
            <yml_catalog><shop><offers><offer id="&lol1;"><name>x</name></offer></offers></shop></yml_catalog>
            """
        #expect(throws: ImportProblem.self) { try Self.read(inAttribute) }
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE yml_catalog [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <yml_catalog><shop><offers><offer id="x"><name>&secret;</name></offer></offers></shop></yml_catalog>
            """
        do {
            let items = try Self.read(external)
            Issue.record("expected an error, got \(items)")
        } catch let problem as ImportProblem {
            #expect(!problem.message.contains("root:"))
        }
    }

    /// Every offer of the real feeds in ../shared/data/yml-feeds imports or is reported.
    @Test(.enabled(if: SharedData.directory != nil, "needs ../shared/data"))
    func realFeedsAccountForEveryOffer() throws {
        let folder = (SharedData.directory ?? "") + "/yml-feeds"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted()
        #expect(names.count == 10)
        var total = 0
        for name in names {
            let path = folder + "/" + name
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let expected = Self.countOfferStarts(Array(data))
            var reader = try YMLReader(path: path)
            var counts = (products: 0, updates: 0, skipped: 0)
            while let item = try reader.next() {
                switch item {
                case .entry(.product, _): counts.products += 1
                case .entry(.offerUpdate, _): counts.updates += 1
                case .skipped: counts.skipped += 1
                default: Issue.record("\(name): unexpected item \(item)")
                }
            }
            #expect(counts.products + counts.updates + counts.skipped == expected, "\(name)")
            if name.hasPrefix("ozon") {
                #expect(counts.products == 0 && counts.updates > 2_900, "\(name): price/stock only")
            }
            total += expected
        }
        #expect(total == 9_249)
    }

    /// Counts `<offer` followed by a space or `>` in raw bytes (independent of the reader).
    static func countOfferStarts(_ bytes: [UInt8]) -> Int {
        let pattern = Array("<offer".utf8)
        var count = 0
        var index = 0
        while index + pattern.count < bytes.count {
            if bytes[index] == 0x3C, Array(bytes[index..<(index + pattern.count)]) == pattern,
                [0x20, 0x3E, 0x0A, 0x0D, 0x09].contains(bytes[index + pattern.count])
            {
                count += 1
                index += pattern.count
            } else {
                index += 1
            }
        }
        return count
    }
}
