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
        ("<yml_catalog><shop><offers>\n<offer id=\"t\">\n<name>Обрыв", 3, 12, "truncated"),
        ("<yml_catalog><shop><offers>\n<offer id=\"t\"><name>x</nam></offer>", 2, 28, "mismatch"),
        ("<?xml version=\"1.0\"?>\n<html><body/></html>", 2, nil, "root element is <html>"),
        ("", 1, nil, "empty"),
    ])
    func unreadableFeedsThrowWithTheirLocation(text: String, line: Int, column: Int?, expected: String) throws {
        do {
            let items = try Self.read(text)
            Issue.record("expected an error, got \(items)")
        } catch let problem as ImportProblem {
            #expect(problem.location.file.hasSuffix("feed.yml"))
            #expect(problem.location.line == line, "\(problem)")
            if let column { #expect(problem.location.column == column, "\(problem)") }
            #expect(problem.message.localizedCaseInsensitiveContains(expected), "\(problem)")
        }
    }

    /// Offers read before a file is cut short are still returned; the cut itself is an error.
    @Test func aTruncatedFeedYieldsWhatCameBeforeTheCut() throws {
        let file = try TemporaryFile(
            "<yml_catalog><shop><offers>\n<offer id=\"a\"><name>A</name></offer>\n<offer id=\"b\"><name>B",
            name: "feed.yml")
        var reader = try YMLReader(path: file.path)
        var ids: [String] = []
        do {
            while let item = try reader.next() { ids += Self.products([item]).map(\.id) }
            Issue.record("expected an error")
        } catch let problem as ImportProblem {
            #expect(problem.location.line == 3 && problem.message.contains("truncated"))
        }
        #expect(ids == ["a"])
    }

    /// The test feed in Windows-1251 (declared so) reads exactly as in UTF-8; so does the feed on one line.
    @Test func windows1251AndOneLineCopiesReadLikeTheOriginal() throws {
        let original = try Self.read(Self.feed)
        var table: [Unicode.Scalar: UInt8] = [:]
        for byte in UInt8.min...UInt8.max { table[TextEncoding.windows1251Scalar(byte)] = byte }
        let declared = Self.feed.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"windows-1251\"")
        let bytes = declared.unicodeScalars.compactMap { table[$0] }
        #expect(bytes.count == declared.unicodeScalars.count)  // every character has a Windows-1251 byte
        #expect(bytes.contains { $0 >= 0xC0 })  // and the file really is not UTF-8
        let converted = try Self.read(bytes).items
        #expect(converted == original.map(Self.renamed(to: converted)))

        let oneLine = Self.feed.split(separator: "\n").map { $0.drop { $0 == " " } }.joined()
        let flat = try Self.read(Array(oneLine.utf8)).items
        #expect(Self.products(flat) == Self.products(original) && flat.count == original.count)
        #expect(flat.allSatisfy { if case .entry(_, let location) = $0 { location.line == 1 } else { false } })
    }

    /// Items with their locations moved to the file the other read used (temporary names differ).
    static func renamed(to other: [CatalogItem]) -> (CatalogItem) -> CatalogItem {
        let file: String? = other.lazy.compactMap {
            if case .entry(_, let location) = $0 { location.file } else { nil }
        }
        .first
        return { item in
            guard case .entry(let entry, var location) = item, let file else { return item }
            location.file = file
            return .entry(entry, location)
        }
    }

    @Test func vendorModelTitlesAndXHTMLDescriptions() throws {
        let items = try Self.read(
            """
            <yml_catalog><shop><offers>
            <offer id="1" type="vendor.model"><vendor>Bernina</vendor><model>Bernina Bernette E56</model></offer>
            <offer id="2" type="vendor.model"><typePrefix>Телевизор</typePrefix><vendor>LG</vendor><model>LGE-1</model></offer>
            <offer id="3" type="vendor.model"><model>Только модель</model>
              <description>Вступление <b>жирно</b> и<p>абзац&amp;nbsp;раз</p>&lt;p&gt;экранированный&lt;/p&gt;</description>
            </offer>
            </offers></shop></yml_catalog>
            """)
        let products = Self.products(items)
        #expect(products.map(\.title) == ["Bernina Bernette E56", "Телевизор LG LGE-1", "Только модель"])
        #expect(products.last?.description == "Вступление жирно и\nабзац раз\nэкранированный")
    }

    static func warnings(_ items: [CatalogItem]) -> [ImportProblem] {
        items.compactMap { if case .warning(let problem) = $0 { problem } else { nil } }
    }

    /// Issue 12, finding 6: declared UTF-8 but written in Windows-1251 («Чайнік»): read right, and said.
    @Test func aUTF8DeclarationOverWindows1251TextIsReadAndReported() throws {
        let bytes =
            Array(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<yml_catalog><shop><offers>\n<offer id=\"k\"><name>".utf8)
            + [0xD7, 0xE0, 0xE9, 0xED, 0xB3, 0xEA] + Array("</name></offer></offers></shop></yml_catalog>".utf8)
        let items = try Self.read(bytes).items
        #expect(Self.products(items).map(\.title) == ["Чайнік"])
        let warnings = Self.warnings(items)
        #expect(warnings.count == 1 && warnings.first?.location.line == 3 && warnings.first?.code == .encoding)
        #expect(warnings.first?.message.contains("declared UTF-8") == true)
    }

    /// Issue 12, finding 6: a feed declared windows-1251 but written in UTF-8 imported mojibake
    /// («Ð¢ÐµÐ»ÐµÐ²Ð¸Ð·Ð¾Ñ€») without a word; now it reads right, with a warning naming the line.
    @Test func aWindows1251DeclarationOverUTF8TextIsReadAndReported() throws {
        let text = """
            <?xml version="1.0" encoding="windows-1251"?>
            <yml_catalog><shop><offers>
            <offer id="1"><name>Телевизор Samsung</name><price>100</price></offer>
            <offer id="2"><name>Ці ёсць пыласос?</name><description>Сё — 5 °C</description></offer>
            </offers></shop></yml_catalog>
            """
        let items = try Self.read(text)
        #expect(Self.products(items).map(\.title) == ["Телевизор Samsung", "Ці ёсць пыласос?"])
        #expect(Self.products(items).last?.description == "Сё — 5 °C")
        let warnings = Self.warnings(items)
        #expect(warnings.map(\.location.line) == [3])
        #expect(warnings.first?.message.contains("declared windows-1251 but its text is UTF-8") == true)
    }

    /// A Windows-1251 feed whose one offer was pasted in UTF-8: every word in its own encoding.
    @Test func aFeedMixingEncodingsReadsEveryWordRight() throws {
        let head = Array("<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<yml_catalog><shop><offers>\n".utf8)
        let kettle: [UInt8] = [0xD7, 0xE0, 0xE9, 0xED, 0xB3, 0xEA]  // «Чайнік» in Windows-1251
        let bytes =
            head + Array("<offer id=\"1\"><name>".utf8) + kettle + Array("</name></offer>\n".utf8)
            + Array("<offer id=\"2\"><name>Чайнік электрычны</name></offer>\n</offers></shop></yml_catalog>".utf8)
        let items = try Self.read(bytes).items
        #expect(Self.products(items).map(\.title) == ["Чайнік", "Чайнік электрычны"])
        #expect(Self.warnings(items).first?.message.contains("mixes UTF-8") == true)
    }

    /// Issue 12, finding 4: 100,000 attributes on one offer took 19 s in libxml2's duplicate check;
    /// the offer is now skipped with the reason, and the feed reads on.
    @Test(.timeLimit(.minutes(1)))
    func anOfferWithTooManyAttributesIsSkippedQuickly() throws {
        let attributes = (0..<100_000).map { "a\($0)=\"x\"" }.joined(separator: " ")
        let items = try Self.read(
            """
            <yml_catalog><shop><offers>
            <offer id="1" \(attributes)><name>Телевизор</name><price>10</price></offer>
            <offer id="2"><name>Чайник</name><price>5</price></offer>
            </offers></shop></yml_catalog>
            """)
        #expect(Self.products(items).map(\.id) == ["2"])
        let problems = Self.skipped(items)
        #expect(problems.count == 1 && problems.first?.recordID == "1" && problems.first?.code == .limit)
        #expect(problems.first?.message.contains("100001 attributes") == true)
        #expect(problems.first?.location.line == 2)
    }

    /// An element over the limit outside any offer is reported (not silently cut), and an offer
    /// whose child is over the limit is skipped.
    @Test func attributeExcessOutsideAndInsideOffersIsReported() throws {
        let many = (0..<300).map { "b\($0)='y'" }.joined(separator: " ")
        let items = try Self.read(
            """
            <yml_catalog><shop \(many)><offers>
            <offer id="1"><name>Телевизор</name><param name="Цвет" \(many)>чёрный</param></offer>
            <offer id="2"><name>Чайник</name></offer>
            </offers></shop></yml_catalog>
            """)
        #expect(Self.products(items).map(\.id) == ["2"])
        let problems = Self.skipped(items)
        #expect(problems.map(\.field) == ["shop", "param"])
        #expect(problems.map(\.recordID) == [nil, "1"])
    }

    /// Issue 12, finding 6: negative, absurd and infinite prices, and blank ids, were accepted.
    @Test func absurdPricesAndBlankIDsAreSkipped() throws {
        let items = try Self.read(
            """
            <yml_catalog><shop><offers>
            <offer id="1"><name>Минус</name><price>-5</price></offer>
            <offer id="2"><name>Дорого</name><price>2000000000000</price></offer>
            <offer id="3"><name>Бесконечно</name><price>\(String(repeating: "9", count: 400))</price></offer>
            <offer id="  "><name>Пустой id</name><price>1</price></offer>
            <offer id="5"><name>Хорошо</name><price>1 000 000 000</price><oldprice>0</oldprice></offer>
            </offers></shop></yml_catalog>
            """)
        #expect(Self.products(items).map(\.id) == ["5"])
        let problems = Self.skipped(items)
        #expect(problems.map(\.location.line) == [2, 3, 4, 5])
        #expect(problems.map(\.field) == ["price", "price", "price", "offer/@id"])
        #expect(problems[0].message.contains("negative") && problems[1].message.contains("10¹²"))
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

    /// Every offer of the real feeds in ../shared/data/yml-feeds imports or is reported, and the
    /// only offers skipped are the repeated ids a plain byte scan finds.
    @Test(.enabled(if: SharedData.directory != nil, "needs ../shared/data"))
    func realFeedsAccountForEveryOffer() throws {
        let folder = (SharedData.directory ?? "") + "/yml-feeds"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted()
        #expect(names.count == 10)
        var total = 0
        var read: [String: [String: CatalogItem]] = [:]  // feed → offer id → item
        for name in names {
            let path = folder + "/" + name
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            let expected = Self.countOfferStarts(bytes)
            let scan = Self.scanOffers(bytes)
            var reader = try YMLReader(path: path)
            var counts = (products: 0, updates: 0, skipped: 0, unavailable: 0)
            var repeated: [String] = []
            while let item = try reader.next() {
                switch item {
                case .entry(.product(let product), _):
                    counts.products += 1
                    if product.available == false { counts.unavailable += 1 }
                    read[name, default: [:]][product.id] = item
                case .entry(.offerUpdate(let update), _):
                    counts.updates += 1
                    read[name, default: [:]][update.id] = item
                case .skipped(let problem):
                    counts.skipped += 1
                    if problem.field == "offer/@id", problem.message.hasPrefix("duplicate") {
                        repeated += [problem.recordID ?? ""]
                    }
                default: Issue.record("\(name): unexpected item \(item)")
                }
            }
            #expect(counts.products + counts.updates + counts.skipped == expected, "\(name)")
            #expect(scan.ids.count == expected, "\(name)")
            #expect(repeated == scan.repeated && counts.skipped == repeated.count, "\(name)")
            if !name.hasPrefix("ozon") {
                #expect(counts.unavailable == scan.unavailable, "\(name): available=\"false\"")
            }
            #expect(reader.bytesRead == bytes.count, "\(name)")
            total += expected
        }
        #expect(total == 9_249)
        try Self.spotCheck(read)
    }

    /// Values checked by reading the files.
    static func spotCheck(_ read: [String: [String: CatalogItem]]) throws {
        func product(_ feed: String, _ id: String) -> Product? {
            if case .entry(.product(let product), _) = read[feed + ".yml.xml"]?[id] { product } else { nil }
        }
        // vendor.model, RUR, nested categories; the model repeats the vendor.
        let sewing = try #require(product("shwei-ru-2012", "4"))
        #expect(sewing.title == "Bernina Bernette E56" && sewing.vendor == "Bernina" && sewing.currency == "RUB")
        #expect(sewing.price == 6_480 && sewing.categoryPath == ["Швейные машины", "Механические швейные машины"])
        // One 650 KB line, CDATA names, parent_id, a parent that does not exist, sales_notes.
        let tyre = try #require(product("mosharov-tires-2011-cdata", "5"))
        #expect(tyre.title == "Barum Bravuris 225/40 ZR18 92W" && tyre.price == 6_190)
        #expect(tyre.categoryPath == ["Шины", "Barum", "Bravuris"])
        #expect(
            tyre.parameters.first
                == .init(name: "Условия продажи", value: "Заказ от 4 штуки. Меньше - по согласованию."))
        // A parameter with a unit.
        let fork = try #require(product("kidrulit-ocstore-retail-2022-11", "835"))
        #expect(fork.price == 1_300 && fork.parameters.contains(.init(name: "Вес", value: "0.27000000", unit: "кг")))
        // KZT, a multi-million price.
        #expect(read["lg-kz-kzt.yml.xml"]?.values.allSatisfy { Self.currency($0) == "KZT" } == true)
        let trailer = try #require(product("tral-diler", "amur-lyr9402"))
        #expect(trailer.price == 6_300_000 && trailer.vendor == "AMUR" && trailer.model == "LYR9402TCL")
        // The byte-order mark; &apos; in a picture URL.
        let canvas = try #require(product("islandgift-bom", "226060062"))
        #expect(canvas.title == "Холст с памятными датами" && canvas.pictures.first?.contains("'") == true)
        // Price and stock only.
        guard case .entry(.offerUpdate(let update), _) = read["ozon-price-stock-only.yml.xml"]?["21111112084_1"] else {
            Issue.record("no update for 21111112084_1")
            return
        }
        #expect(update == OfferUpdate(id: "21111112084_1", price: 15_188, oldPrice: 20_504, available: true))
    }

    static func currency(_ item: CatalogItem) -> String? {
        if case .entry(.product(let product), _) = item { product.currency } else { nil }
    }

    /// The `id` of each `<offer …>` start tag, the ids seen before (in order), and the count of
    /// `available="false"` attributes, by a plain byte scan of the file.
    static func scanOffers(_ bytes: [UInt8]) -> (ids: [String], repeated: [String], unavailable: Int) {
        let text = String(decoding: bytes, as: UTF8.self)
        var ids: [String] = []
        var seen: Set<String> = []
        var repeated: [String] = []
        var unavailable = 0
        for tag in text.components(separatedBy: "<offer").dropFirst() {
            guard let first = tag.first, first == " " || first == ">" || first.isNewline,
                let end = tag.firstIndex(of: ">")
            else { continue }
            let attributes = tag[..<end]
            if attributes.contains("available=\"false\"") { unavailable += 1 }
            var id = ""
            for quote in ["\"", "'"] {
                if let start = attributes.range(of: " id=" + quote)?.upperBound,
                    let close = attributes[start...].firstIndex(of: Character(quote))
                {
                    id = String(attributes[start..<close])
                }
            }
            ids.append(id)
            if !seen.insert(id).inserted { repeated.append(id) }
        }
        return (ids, repeated, unavailable)
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
