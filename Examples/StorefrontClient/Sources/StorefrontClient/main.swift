// A storefront's use of Vitrina, top to bottom: import a feed, search the index as a search box
// does, ask it as a shopper speaks, take what people write about the products into account.
// Run: `swift run StorefrontClient` (it works in a new temporary folder, which it removes).
// README's library examples and the DocC article's code (Sources/Vitrina/Vitrina.docc) are copies
// of the blocks between `// Example:` markers; a test in Tests/VitrinaTests checks they stay copies.
import Foundation
import Vitrina

let folder = NSTemporaryDirectory() + "storefront-client-" + UUID().uuidString
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
guard FileManager.default.changeCurrentDirectoryPath(folder) else { fatalError("cannot enter \(folder)") }

// A shop's feed (Yandex Market YML) and what people wrote about its products.
try """
<?xml version="1.0" encoding="UTF-8"?>
<yml_catalog date="2026-11-20 10:00"><shop><name>Электрон</name><url>https://elektron.example</url>
<currencies><currency id="RUB" rate="1"/></currencies>
<categories><category id="1">Электроника</category><category id="2" parentId="1">Телевизоры</category></categories>
<offers>
<offer id="tv-2" available="true"><name>Телевизор LG 43UR78</name><vendor>LG</vendor><price>31990</price>
<currencyId>RUB</currencyId><categoryId>2</categoryId></offer>
<offer id="tv-3" available="false"><name>Телевизор Xiaomi TV A 50</name><vendor>Xiaomi</vendor><price>27990</price>
<currencyId>RUB</currencyId><categoryId>2</categoryId></offer>
</offers></shop></yml_catalog>
""".write(toFile: "feed.yml", atomically: true, encoding: .utf8)
try """
{"id": "m-1", "source": "vk", "text": "Телевизор Samsung отличный, картинка яркая, доставили быстро", "product_id": "tv-1"}
{"id": "m-2", "source": "telegram", "text": "Samsung 55 взяли в Электроне, звук тихий, но за эти деньги хорош", "product_id": "tv-1"}

""".write(toFile: "mentions.jsonl", atomically: true, encoding: .utf8)

// Example: analysis
let analyzer = Analyzer(filter: NormalizationFilter(language: .ru)
    .followed(by: StemFilter(RussianStemmer())))
let tokens = try analyzer.analyze("Телевизоры Samsung 55\"")
// terms: телевизор, samsung, 55, in

let be = AnyAnalyzer(preset: .be, removesStopWords: true)   // chosen at run time
// Example: end
print(tokens.map(\.term), try be.analyze("Тэлевізар у наяўнасці").map(\.term))

// Example: import
let importer = try CatalogImporter(indexPath: "shop.index")   // created when missing
try importer.importFile("feed.yml")                           // YML, CommerceML, CSV or JSONL
let report = try importer.finish()                            // one import = one commit
print("\(report.added) added, \(report.skipped) skipped")     // skipped records: report.skippedRecords
// Example: end

// Example: index
let writer = try IndexWriter(path: "shop.index")
try writer.add(Product(id: "tv-1", title: "Телевизор Samsung 55\"", vendor: "Samsung", price: 24_990))
try writer.commit()
let reader = try IndexReader(path: "shop.index")
let result = try reader.search(
    SearchRequest(text: "телевизоры самсунг", filters: [.range(field: "price", min: nil, max: 50_000)],
                  facets: ["vendor", "price"]))
// Example: end
print(result.total, result.hits.map(\.id), result.keywordFacets["vendor"] ?? [])

// Example: synonyms
var request = SearchRequest(text: "телик")                  // what a shopper typed
request.synonyms = try Synonyms(groups: [["телевизор", "тв", "телик"]])
print(try reader.search(request).total)                      // 3: every «Телевизор …»
// Example: end

// Example: voice
let search = try VoiceSearch(reader: reader)
let answer = try search.ask("Алиса, где купить телевизор самсунг дешевле тридцати тысяч?")
print(answer.parsed.filters.price?.max ?? 0)   // 30000.0
print(answer.answer)                            // "Телевизор Samsung 55", цена — двадцать четыре тысячи …"
// Example: end

// Example: mentions
let mentions = try MentionImporter().run(files: ["mentions.jsonl"], store: "shop.mentions")
print("\(mentions.added) mentions added, tonality \(mentions.tonality)")
let summaries = MentionSummaries.build(
    try MentionStore.read(path: "shop.mentions"), resolve: try ProductResolver(indexPath: "shop.index").resolve)
try summaries.write(nextTo: "shop.index")                  // shop.index.mentions.json
let reviewed = try VoiceSearch(reader: reader, mentions: summaries)
print(try reviewed.ask("что говорят о телевизоре самсунг").answer)   // "О товаре … пишут 2 раза, …"
// Example: end

// Example: five lines
let shop = try IndexReader(path: "shop.index")
let hits = try shop.search(SearchRequest(text: "телевизор samsung")).hits
let spoken = try VoiceSearch(reader: shop).ask("где купить телевизор самсунг до тридцати тысяч").answer
print(hits.map(\.id), spoken)
// Example: end
