import Testing

@testable import VitrinaCatalog

@Suite("Catalog format detection")
struct CatalogFormatTests {
    @Test(arguments: [
        (
            "<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE yml_catalog SYSTEM \"shops.dtd\">\n<yml_catalog>",
            CatalogFormat.yml
        ),
        ("\u{FEFF}<?xml version=\"1.0\"?><КоммерческаяИнформация ВерсияСхемы=\"2.08\">", .commerceml),
        ("{\"id\": \"1\", \"title\": \"Чайник\"}\n", .jsonl),
        ("{\"product_id\": \"1\", \"text\": \"Добры чайнік\", \"rating\": 5}\n", .social),
        ("id;Название;Цена\n1;Чайник;100\n", .csv),
        ("# ref_application_id 1\nid,title,price\n", .csv),
        ("sku\ttext\tstars\n", .social),
        ("Unnamed: 0,name,description,reviewerName,text,mark\n", .social),
    ])
    func detectsFromContent(sample: String, expected: CatalogFormat) {
        #expect(CatalogFormat.detect(Array(sample.utf8)) == expected)
    }

    @Test func rejectsWhatIsNotACatalog() {
        #expect(CatalogFormat.detect(Array("<html><body></body></html>".utf8)) == nil)
        #expect(CatalogFormat.detect(Array("just some words".utf8)) == nil)
        #expect(CatalogFormat.detect([]) == nil)
    }

    @Test func detectsWindows1251CommerceML() {
        // "КоммерческаяИнформация" in Windows-1251.
        let name: [UInt8] = [
            0xCA, 0xEE, 0xEC, 0xEC, 0xE5, 0xF0, 0xF7, 0xE5, 0xF1, 0xEA, 0xE0, 0xFF, 0xC8, 0xED, 0xF4, 0xEE, 0xF0, 0xEC,
            0xE0, 0xF6, 0xE8, 0xFF,
        ]
        let sample = Array("<?xml version=\"1.0\" encoding=\"windows-1251\"?><".utf8) + name + Array(">".utf8)
        #expect(CatalogFormat.detect(sample) == .commerceml)
    }
}
