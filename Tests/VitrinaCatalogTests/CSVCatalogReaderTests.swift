import Foundation
import Testing
import VitrinaModel

@testable import VitrinaCatalog

@Suite("CSV catalog reader")
struct CSVCatalogReaderTests {
    static func read(
        _ bytes: [UInt8], preset: CSVPreset? = nil, map: CSVColumnMap = CSVColumnMap(), chunkSize: Int = 1 << 20
    ) throws -> (items: [CatalogItem], preset: CSVPreset) {
        let file = try TemporaryFile(bytes, name: "export.csv")
        var reader = try CSVCatalogReader(path: file.path, preset: preset, map: map)
        var items: [CatalogItem] = []
        while let item = try reader.next() { items.append(item) }
        return (items, reader.preset)
    }

    static func read(_ text: String, preset: CSVPreset? = nil, map: CSVColumnMap = CSVColumnMap()) throws -> (
        items: [CatalogItem], preset: CSVPreset
    ) {
        try read(Array(text.utf8), preset: preset, map: map)
    }

    @Test func parsesQuotedFieldsNewlinesAndCRLFAcrossChunks() throws {
        let text = "a,b,c\r\n1,\"two, \"\"quoted\"\"\nlines\",3\r\n\r\n4,5,\"\"\n"
        for chunkSize in [16, 17, 1 << 20] {
            let file = try TemporaryFile(text, name: "x.csv")
            var parser = CSVParser(
                stream: try ByteStream(path: file.path, chunkSize: chunkSize), delimiter: 0x2C, encoding: .utf8)
            var records: [CSVParser.Record] = []
            while let record = try parser.next() { records.append(record) }
            #expect(
                records.map(\.fields) == [["a", "b", "c"], ["1", "two, \"quoted\"\nlines", "3"], ["4", "5", ""]])
            #expect(records.map(\.line) == [1, 2, 5])
        }
    }

    /// Issue 12, finding 6: each row of a file that mixes encodings reads in its own.
    ///
    /// One Windows-1251 row at the end of a UTF-8 export turned the whole file into Windows-1251
    /// (every title garbled, no warning).
    @Test func aWindows1251RowAmongUTF8RowsReadsEveryRowRight() throws {
        let utf8 = Array("id,title,price\n1,Телевизор Samsung,100\n2,Чайник,5\n3,".utf8)
        let kettle: [UInt8] = [0xD7, 0xE0, 0xE9, 0xED, 0xB3, 0xEA]  // «Чайнік» in Windows-1251
        let items = try Self.read(utf8 + kettle + Array(",7\n".utf8)).items
        let titles = items.compactMap { if case .entry(.product(let product), _) = $0 { product.title } else { nil } }
        #expect(titles == ["Телевизор Samsung", "Чайник", "Чайнік"])
        let warnings = items.compactMap { if case .warning(let problem) = $0 { problem } else { nil } }
        #expect(warnings.count == 1 && warnings.first?.location.line == 4 && warnings.first?.code == .encoding)
        #expect(warnings.first?.message.contains("mixes UTF-8") == true)
    }

    /// A Windows-1251 export stays Windows-1251, without a warning.
    @Test func aWindows1251FileHasNoWarning() throws {
        let kettle: [UInt8] = [0xD7, 0xE0, 0xE9, 0xED, 0xB3, 0xEA]
        let items = try Self.read(Array("id,title\n1,".utf8) + kettle + Array("\n2,".utf8) + kettle + [0x0A]).items
        #expect(items.count == 2)
        #expect(
            items.allSatisfy {
                if case .entry(.product(let product), _) = $0 { product.title == "Чайнік" } else { false }
            })
    }

    /// Issue 12, finding 6: a repeated id is reported with both lines; negative and absurd prices are refused.
    @Test func repeatedIDsAndBadPricesAreReported() throws {
        let items = try Self.read("id,title,price\n1,A,5\n2,B,-1\n1,C,6\n3,D,1e13\n4,E,99999999999999\n").items
        let problems = items.compactMap { if case .skipped(let problem) = $0 { problem } else { nil } }
        #expect(problems.map(\.location.line) == [3, 4, 5, 6])
        #expect(problems.map(\.code) == [.invalidRecord, .duplicateID, .invalidRecord, .invalidRecord])
        #expect(problems[1].message.contains("line 2") && problems[1].recordID == "1")
    }

    @Test func anUnclosedQuoteIsAnError() throws {
        #expect(throws: ImportProblem.self) { try Self.read("id,title\n1,\"open\n2,x\n") }
    }

    @Test func sniffsDelimiters() {
        #expect(CSVParser.sniffDelimiter(Array("id;\"a,b\";c\n".utf8)) == 0x3B)
        #expect(CSVParser.sniffDelimiter(Array("id\ttitle\tprice".utf8)) == 0x09)
        #expect(CSVParser.sniffDelimiter(Array("id,title".utf8)) == 0x2C)
    }

    @Test func googleMerchantExportAsVKAdsTakesIt() throws {
        let text = """
            # ref_application_id 123
            id,title,description,availability,price,sale_price,link,image_link,brand,gtin,product_type,color,size,custom_label_0
            vk-1,Свитшот «Минск»,<b>Тёплый</b> свитшот,in stock,2490.00 RUB,1990.00 RUB,https://vk.com/p1,https://img/1.jpg,Kvetka,4600000000017,Одежда > Свитшоты,серый,M,x
            vk-2,Шапка,,out of stock,1 590 руб.,,,,,,,,,
            """
        let (items, preset) = try Self.read(text)
        #expect(preset == .google)
        let products = YMLReaderTests.products(items)
        #expect(products.count == 2)
        let sweatshirt = products[0]
        #expect(sweatshirt.price == 1_990 && sweatshirt.oldPrice == 2_490 && sweatshirt.currency == "RUB")
        #expect(sweatshirt.available == true && sweatshirt.vendor == "Kvetka" && sweatshirt.barcode == "4600000000017")
        #expect(sweatshirt.categoryPath == ["Одежда", "Свитшоты"] && sweatshirt.description == "Тёплый свитшот")
        #expect(sweatshirt.parameters == [.init(name: "Цвет", value: "серый"), .init(name: "Размер", value: "M")])
        #expect(sweatshirt.url == "https://vk.com/p1" && sweatshirt.pictures == ["https://img/1.jpg"])
        #expect(products[1].price == 1_590 && products[1].currency == "RUB" && products[1].available == false)
    }

    @Test func onlinerPriceListInWindows1251() throws {
        // "Раздел;Производитель;Товар;Артикул;id-предложения;Цена;Валюта;Гарантия" + one row, in Windows-1251.
        let header = "Раздел;Производитель;Товар;Артикул;id-предложения;Цена;Валюта;Гарантия\r\n"
        let row = "Холодильники;ATLANT;ХМ 4621-101;A-1;off-1;\"1 299,00\";BYN;36\r\n"
        let bytes = Self.windows1251(header + row)
        let (items, preset) = try Self.read(bytes)
        #expect(preset == .onliner)
        let product = try #require(YMLReaderTests.products(items).first)
        #expect(product.id == "off-1" && product.title == "ATLANT ХМ 4621-101" && product.vendorCode == "A-1")
        #expect(product.price == 1_299 && product.currency == "BYN" && product.categoryPath == ["Холодильники"])
        #expect(product.parameters == [.init(name: "Гарантия", value: "36")])
    }

    @Test func vkMarketAddNamesAndAnExplicitMap() throws {
        let (items, preset) = try Self.read(
            "item_id\tname\tprice\told_price\tsku\trating\n7\tКружка\t990\t1200\tMUG-1\t4.8\n", preset: nil)
        #expect(preset == .vk)
        let mug = try #require(YMLReaderTests.products(items).first)
        #expect(mug.id == "7" && mug.oldPrice == 1_200 && mug.vendorCode == "MUG-1" && mug.rating == 4.8)

        let map = try CSVColumnMap(parsing: "title=Наименование товара,price=Стоимость")
        let custom = try Self.read("Код;Наименование товара;Стоимость\n1;Чайник;100\n", map: map)
        #expect(YMLReaderTests.products(custom.items).map(\.title) == ["Чайник"])
        #expect(YMLReaderTests.products(custom.items).first?.price == 100)
        #expect(throws: ImportProblem.self) { try CSVColumnMap(parsing: "colour=Цвет") }
        #expect(throws: ImportProblem.self) { try Self.read("a,b\n", map: try CSVColumnMap(parsing: "title=Нет")) }
    }

    @Test func badRecordsAreSkippedWithLineColumnAndID() throws {
        let text = """
            Артикул,Название,Цена,Наличие
            A1,Чайник,100,да
            ,Без артикула,5,да
            A1,Повтор,7,да
            A2,Дорогой,сто,да
            A3,Лишнее,1,да,лишнее
            A4,,,
            A5,,50,нет
            """
        let items = try Self.read(text).items
        #expect(YMLReaderTests.products(items).map(\.id) == ["A1"])
        let problems = YMLReaderTests.skipped(items)
        #expect(problems.map(\.location.line) == [3, 4, 5, 6, 7])
        #expect(problems.map(\.recordID) == [nil, "A1", "A2", "A3", "A4"])
        #expect(problems[2].field == "Цена" && problems[0].field == "Артикул")
        let updates = items.compactMap { if case .entry(.offerUpdate(let update), _) = $0 { update } else { nil } }
        #expect(updates == [OfferUpdate(id: "A5", price: 50, available: false)])
    }

    @Test func availabilityAndPrices() {
        #expect(CSVCatalogReader.availability("In_Stock") == true)
        #expect(CSVCatalogReader.availability("ёсць") == true)
        #expect(CSVCatalogReader.availability("12") == true)
        #expect(CSVCatalogReader.availability("0") == false)
        #expect(CSVCatalogReader.availability("под заказ") == nil)
        #expect(PriceText.number("1 299,00 руб.") == 1_299)
        #expect(PriceText.number("25.90 BYN") == 25.9)
        #expect(PriceText.number("1990 ₽") == 1_990)
        #expect(PriceText.number("12,3,4") == nil)
        #expect(PriceText.number("цена") == nil)
        #expect(PriceText.currency("бел. руб.") == "BYN")
    }

    /// Windows-1251 bytes of `text` (Cyrillic letters and ASCII only).
    static func windows1251(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0..<0x80: UInt8(scalar.value)
            case 0x0410...0x044F: UInt8(scalar.value - 0x0410 + 0xC0)
            case 0x0401: 0xA8
            case 0x0451: 0xB8
            default: 0x3F
            }
        }
    }
}
