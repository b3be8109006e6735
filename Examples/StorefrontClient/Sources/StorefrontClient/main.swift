// A storefront's use of Vitrina, top to bottom: build an index, search it as a search box does,
// ask it as a shopper speaks. Run: `swift run StorefrontClient` (it works in a new temporary
// folder, which it removes). README's library examples are copies of the blocks between
// `// README:` markers; a test in Tests/VitrinaTests checks they stay copies.
import Foundation
import Vitrina

let folder = NSTemporaryDirectory() + "storefront-client-" + UUID().uuidString
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
guard FileManager.default.changeCurrentDirectoryPath(folder) else { fatalError("cannot enter \(folder)") }

// README: analysis
let analyzer = Analyzer(filter: NormalizationFilter(language: .ru)
    .followed(by: StemFilter(RussianStemmer())))
let tokens = try analyzer.analyze("Телевизоры Samsung 55\"")
// terms: телевизор, samsung, 55, in

let be = AnyAnalyzer(preset: .be, removesStopWords: true)   // chosen at run time
// README: end
print(tokens.map(\.term), try be.analyze("Тэлевізар у наяўнасці").map(\.term))

// README: index
let writer = try IndexWriter(path: "shop.index")
try writer.add(Product(id: "tv-1", title: "Телевизор Samsung 55\"", vendor: "Samsung", price: 24_990))
try writer.commit()
let reader = try IndexReader(path: "shop.index")
let result = try reader.search(
    SearchRequest(text: "телевизоры самсунг", filters: [.range(field: "price", min: nil, max: 50_000)],
                  facets: ["vendor", "price"]))
// README: end
print(result.total, result.hits.map(\.id), result.keywordFacets["vendor"] ?? [])

// README: voice
let search = try VoiceSearch(reader: reader)
let answer = try search.ask("Алиса, где купить телевизор самсунг дешевле тридцати тысяч?")
print(answer.parsed.filters.price?.max ?? 0)   // 30000.0
print(answer.answer)                            // "Телевизор Samsung 55", цена — двадцать четыре тысячи …"
// README: end

// README: five lines
let shop = try IndexReader(path: "shop.index")
let hits = try shop.search(SearchRequest(text: "телевизор samsung")).hits
let spoken = try VoiceSearch(reader: shop).ask("где купить телевизор самсунг до тридцати тысяч").answer
print(hits.map(\.id), spoken)
// README: end
