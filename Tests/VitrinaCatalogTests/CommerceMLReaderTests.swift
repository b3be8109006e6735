import Foundation
import Testing
import VitrinaModel

@testable import VitrinaCatalog

@Suite("CommerceML reader")
struct CommerceMLReaderTests {
    static let catalog = """
        \u{FEFF}<?xml version="1.0" encoding="UTF-8"?>
        <КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_210" ВерсияСхемы="2.10">
          <Классификатор>
            <Ид>c</Ид>
            <Группы>
              <Группа><Ид>g1</Ид><Наименование>Кухня</Наименование>
                <Группы><Группа><Ид>g2</Ид><Наименование>Чайники</Наименование></Группа></Группы>
              </Группа>
            </Группы>
            <Свойства>
              <Свойство><Ид>p-colour</Ид><Наименование>Цвет</Наименование>
                <ВариантыЗначений><Справочник><ИдЗначения>v1</ИдЗначения><Значение>белый</Значение></Справочник></ВариантыЗначений>
              </Свойство>
              <Свойство><Ид>p-volume</Ид><Наименование>Объём</Наименование></Свойство>
            </Свойства>
          </Классификатор>
          <Каталог СодержитТолькоИзменения="false">
            <Ид>cat</Ид>
            <Товары>
              <Товар>
                <Ид>t1</Ид><Артикул>TWK-1</Артикул><Наименование>Чайник Bosch TWK</Наименование>
                <Группы><Ид>g2</Ид></Группы>
                <Описание>Кипит &lt;b&gt;быстро&lt;/b&gt;</Описание>
                <ШтрихКод>4600000000017</ШтрихКод>
                <Изготовитель><Наименование>Bosch</Наименование></Изготовитель>
                <ЗначенияСвойств>
                  <ЗначенияСвойства><Ид>p-colour</Ид><Значение>v1</Значение></ЗначенияСвойства>
                  <ЗначенияСвойства><Ид>p-volume</Ид><Значение>1,7 л</Значение></ЗначенияСвойства>
                </ЗначенияСвойств>
                <ЗначенияРеквизитов>
                  <ЗначениеРеквизита><Наименование>ВидНоменклатуры</Наименование><Значение>Товар</Значение></ЗначениеРеквизита>
                  <ЗначениеРеквизита><Наименование>Полное наименование</Наименование><Значение>Чайник Bosch TWK</Значение></ЗначениеРеквизита>
                  <ЗначениеРеквизита><Наименование>Вес</Наименование><Значение>1.2</Значение></ЗначениеРеквизита>
                </ЗначенияРеквизитов>
              </Товар>
              <Товар><Ид>t2</Ид><Наименование>Чайник с вариантами</Наименование><Штрихкод>111</Штрихкод></Товар>
              <Товар><Ид>other-id</Ид><Наименование>По штрихкоду</Наименование><ШтрихКод>222</ШтрихКод></Товар>
              <Товар><Ид>t4</Ид></Товар>
            </Товары>
          </Каталог>
        </КоммерческаяИнформация>
        """

    static let offers = """
        <?xml version="1.0" encoding="UTF-8"?>
        <КоммерческаяИнформация ВерсияСхемы="2.08">
          <ПакетПредложений>
            <ТипыЦен>
              <ТипЦены><Ид>opt</Ид><Наименование>Оптовая</Наименование><Валюта>BYN</Валюта></ТипЦены>
              <ТипЦены><Ид>ret</Ид><Наименование>Розничная</Наименование><Валюта>BYN</Валюта></ТипЦены>
            </ТипыЦен>
            <Предложения>
              <Предложение><Ид>t1</Ид><Цены>
                <Цена><ИдТипаЦены>opt</ИдТипаЦены><ЦенаЗаЕдиницу>80</ЦенаЗаЕдиницу></Цена>
                <Цена><ИдТипаЦены>ret</ИдТипаЦены><ЦенаЗаЕдиницу>99.90</ЦенаЗаЕдиницу></Цена>
              </Цены><Количество>3</Количество></Предложение>
              <Предложение><Ид>t2#red</Ид><Цены><Цена><ИдТипаЦены>ret</ИдТипаЦены><ЦенаЗаЕдиницу>120</ЦенаЗаЕдиницу></Цена></Цены><Количество>0</Количество></Предложение>
              <Предложение><Ид>t2#blue</Ид><Цены><Цена><ИдТипаЦены>ret</ИдТипаЦены><ЦенаЗаЕдиницу>110</ЦенаЗаЕдиницу></Цена></Цены><Количество>2</Количество></Предложение>
              <Предложение><Ид>zzz</Ид><ШтрихКод>222</ШтрихКод><Цены><Цена><ИдТипаЦены>ret</ИдТипаЦены><ЦенаЗаЕдиницу>5</ЦенаЗаЕдиницу></Цена></Цены></Предложение>
              <Предложение><Ид>lost</Ид><Цены><Цена><ИдТипаЦены>ret</ИдТипаЦены><ЦенаЗаЕдиницу>1</ЦенаЗаЕдиницу></Цена></Цены></Предложение>
              <Предложение><Ид>odd</Ид><Цены><Цена><ЦенаЗаЕдиницу>1</ЦенаЗаЕдиницу><Валюта>тугрик</Валюта></Цена></Цены></Предложение>
            </Предложения>
          </ПакетПредложений>
        </КоммерческаяИнформация>
        """

    static func read(importText: String?, offersText: String?) throws -> [CatalogItem] {
        let importFile = try importText.map { try TemporaryFile($0, name: "import.xml") }
        let offersFile = try offersText.map { try TemporaryFile($0, name: "offers.xml") }
        var reader = try CommerceMLReader(importPath: importFile?.path, offersPath: offersFile?.path)
        var items: [CatalogItem] = []
        while let item = try reader.next() { items.append(item) }
        return items
    }

    @Test func mergesCatalogAndOffersByIdVariantsAndBarcode() throws {
        let items = try Self.read(importText: Self.catalog, offersText: Self.offers)
        let products = YMLReaderTests.products(items)
        #expect(products.map(\.id) == ["t1", "t2", "other-id"])
        let kettle = products[0]
        #expect(kettle.title == "Чайник Bosch TWK" && kettle.vendor == "Bosch" && kettle.vendorCode == "TWK-1")
        #expect(kettle.categoryPath == ["Кухня", "Чайники"])
        #expect(kettle.description == "Кипит\nбыстро" || kettle.description == "Кипит быстро")
        #expect(
            kettle.parameters == [
                .init(name: "Цвет", value: "белый"), .init(name: "Объём", value: "1,7 л"),
                .init(name: "Вес", value: "1.2"),
            ])
        #expect(kettle.price == 99.9 && kettle.currency == "BYN" && kettle.available == true)  // the retail type
        #expect(products[1].price == 110 && products[1].available == true)  // cheapest variant, one in stock
        #expect(products[1].barcode == "111")
        #expect(products[2].price == 5)  // joined by barcode
        let problems = YMLReaderTests.skipped(items)
        #expect(Set(problems.compactMap(\.recordID)) == ["t4", "lost", "odd"])
        #expect(problems.first { $0.recordID == "t4" }?.field == "Наименование")
        #expect(problems.first { $0.recordID == "odd" }?.field == "Валюта")
        #expect(problems.first { $0.recordID == "lost" }?.location.file.hasSuffix("offers.xml") == true)
    }

    @Test func anOffersPackageAloneGivesUpdates() throws {
        let items = try Self.read(importText: nil, offersText: Self.offers)
        let updates = items.compactMap { if case .entry(.offerUpdate(let update), _) = $0 { update } else { nil } }
        #expect(updates.map(\.id) == ["t1", "t2", "zzz", "lost"])
        #expect(updates[1] == OfferUpdate(id: "t2", price: 110, currency: "BYN", available: true))
    }

    @Test func aDocumentThatIsNotCommerceMLThrows() throws {
        #expect(throws: ImportProblem.self) { try Self.read(importText: "<yml_catalog/>", offersText: nil) }
        #expect(throws: ImportProblem.self) {
            try Self.read(importText: "<КоммерческаяИнформация><Каталог><Товары><Товар>", offersText: nil)
        }
    }

    /// The two real exchanges in ../shared/data/commerceml: every product and offer is accounted for,
    /// joined as a plain scan of the files says they should be.
    @Test(.enabled(if: SharedData.directory != nil, "needs ../shared/data"))
    func realExchangesAccountForEveryRecord() throws {
        let folder = (SharedData.directory ?? "") + "/commerceml"
        var read: [String: [String: Product]] = [:]
        for name in ["denis777-household-cml203", "modx-cosmetics-cml208"] {
            let importPath = "\(folder)/\(name)/import.xml"
            let offersPath = "\(folder)/\(name)/offers.xml"
            var reader = try CommerceMLReader(importPath: importPath, offersPath: offersPath)
            var products: [Product] = []
            var unmatched: [String] = []
            while let item = try reader.next() {
                switch item {
                case .entry(.product(let product), _): products.append(product)
                case .skipped(let problem) where problem.message.hasPrefix("offer has no product"):
                    #expect(problem.location.file == offersPath && problem.location.line > 1)
                    unmatched.append(problem.recordID ?? "")
                default: Issue.record("\(name): unexpected \(item)")
                }
            }
            read[name] = Dictionary(products.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

            // The join by a plain scan: by Ид (before any `#`), then by barcode for the rest.
            let goods = try Self.records("Товар", in: importPath)
            let offers = try Self.records("Предложение", in: offersPath)
            let offerIDs = Set(offers.map { $0.id.split(separator: "#").first.map(String.init) ?? $0.id })
            let byID = goods.filter { offerIDs.contains($0.id) }
            let byBarcode = goods.filter { !offerIDs.contains($0.id) }.compactMap(\.barcode)
                .filter { barcode in offers.contains { $0.barcode == barcode } }
            let goodsIDs = Set(goods.map(\.id))
            let left = offers.filter { offer in
                !goodsIDs.contains(offer.id.split(separator: "#").first.map(String.init) ?? offer.id)
                    && !byBarcode.contains { $0 == offer.barcode }
            }
            #expect(products.count == goods.count, "\(name)")
            #expect(products.filter { $0.price != nil }.count == byID.count + byBarcode.count, "\(name)")
            #expect(unmatched == left.map(\.id), "\(name)")
            if name.hasPrefix("denis") {  // PROVENANCE.md: no Ид matches; 22 of 25 pair up by barcode
                #expect(byID.isEmpty && byBarcode.count == 22 && left.count == 5)
            } else {
                #expect(byID.count == 768 && left.isEmpty && products.allSatisfy { $0.currency == "RUB" })
            }
        }
        // Values checked by reading the files.
        let bucket = try #require(read["denis777-household-cml203"]?["1796"])
        #expect(bucket.title == "Ведро (квадратное с крышкой) \"12 л\"" && bucket.barcode == "4820082670191")
        #expect(bucket.categoryPath == ["Ведра и крышки", "Украина"])
        // Three wholesale tiers and no retail one: the highest price, in грн.
        #expect(bucket.price == 65.38 && bucket.currency == "UAH" && bucket.available == true)
        let mask = try #require(read["modx-cosmetics-cml208"]?["76972"])
        #expect(mask.vendorCode == "АН130" && mask.barcode == "2000763422215" && mask.price == 129)
        #expect(mask.available == true && mask.title?.hasPrefix("АН Original Маска альгинатная") == true)
    }

    /// The `Ид` (first in the block) and barcode of each `<name>` block of a file, by plain string search.
    static func records(_ name: String, in path: String) throws -> [(id: String, barcode: String?)] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        func value(_ tag: String, in block: Substring) -> String? {
            guard let start = block.range(of: "<\(tag)>")?.upperBound,
                let end = block[start...].range(of: "</\(tag)>")?.lowerBound
            else { return nil }
            return block[start..<end].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return text.components(separatedBy: "<\(name)>").dropFirst().map { block in
            let block = Substring(block.components(separatedBy: "</\(name)>").first ?? block)
            return (value("Ид", in: block) ?? "", value("ШтрихКод", in: block) ?? value("Штрихкод", in: block))
        }
    }
}
