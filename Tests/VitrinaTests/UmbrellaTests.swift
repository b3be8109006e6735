import Testing
import Vitrina

/// `import Vitrina` is all a client writes: the names a storefront uses resolve without a module
/// prefix (two public types with one name would make every use ambiguous).
@Suite("The Vitrina module")
struct UmbrellaTests {
    @Test func clientNamesResolveThroughOneImport() throws {
        // The tonality lexicon: the parser's word lists of the same name are the package's own.
        #expect(Lexicon.standard.entryCounts[.ru, default: 0] > 0)
        let parser = try QueryParser(vocabulary: StaticVocabulary(vendors: ["Samsung"]))
        #expect(parser.parse("где купить телевизор самсунг").intent == .whereToBuy)
        #expect(RelaxationStep.Filter.allCases.count == 3 && CatalogKey.allCases.count == 3)
        #expect(ImportOptions().strict == false && SearchRequest(text: "x").limit > 0)
    }
}
