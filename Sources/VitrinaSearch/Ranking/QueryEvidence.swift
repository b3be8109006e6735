import Foundation
import VitrinaIndex
import VitrinaModel
import VitrinaText
import VitrinaVoice

/// The query side of ranking: each word the shopper said about the product, analyzed with the
/// index's own chains (Russian and Belarusian stems, normalized form, sound key), weighted by how
/// rare it is in the catalog, with what the parser recognized in it.
struct QueryEvidence: Sendable {
    /// One searched term.
    struct Term: Sendable {
        /// As searched.
        var text: String
        /// What the parser recognized in its word.
        var role: VoiceQuery.Word.Role
        /// Index terms it may appear as (stems in either language, normalized form).
        var forms: Set<String>
        /// The sound key, for names said in the other script.
        var key: String?
        /// Inverse document frequency in this catalog (0 for a word the catalog does not have).
        var weight: Double
    }

    /// The terms in query order.
    let terms: [Term]
    /// Forms of the product-kind words.
    let kindForms: Set<String>
    /// The product-kind words as said, for searching the kind alone.
    let kindText: String
    /// The query's words written together, where product codes are looked for (``CodeKeys``), and
    /// whether the query holds a code (a word said with digits, or a number of three digits or more).
    let codeMaterial: [Character]
    let hasCode: Bool
    /// Canonical colours asked for.
    let colours: Set<String>
    /// Brands asked for: the catalog's spellings, lowercased, and the sound keys of the words said.
    let vendors: Set<String>
    let vendorKeys: Set<String>
    /// The query's language.
    let language: Language
    /// For each form, the terms (bits by term index; the first 64 terms) that have it: a title word is
    /// matched against the whole query with one lookup per form.
    let termsByForm: [String: UInt64]

    init(query: VoiceQuery, reader: IndexReader, analyzers: QueryAnalyzers) {
        let documents = Double(max(1, reader.documentCount))
        var terms: [Term] = []
        for word in query.words {
            for form in analyzers.terms(of: word.text) {
                let frequency = Double((try? reader.documentFrequency(ofWord: form.surface)) ?? 0)
                let weight = frequency > 0 ? log(1 + (documents - frequency + 0.5) / (frequency + 0.5)) : 0
                // As in search, a word the catalog has as typed does not match by sound.
                let typed =
                    form.key == nil ? 0 : (try? reader.documentFrequency(ofWord: form.surface, soundKey: false)) ?? 0
                terms.append(
                    Term(
                        text: form.surface, role: word.role, forms: form.forms, key: typed > 0 ? nil : form.key,
                        weight: weight))
            }
        }
        self.terms = terms
        var termsByForm: [String: UInt64] = [:]
        for (index, term) in terms.prefix(64).enumerated() {
            for form in term.forms { termsByForm[form, default: 0] |= 1 << UInt64(index) }
        }
        self.termsByForm = termsByForm
        let kinds = terms.filter { $0.role == .product }
        kindForms = kinds.reduce(into: Set<String>()) { $0.formUnion($1.forms) }
        kindText = query.words.filter { $0.role == .product }.map(\.text).joined(separator: " ")
        codeMaterial = CodeKeys.material(of: query.words.filter { $0.role != .unit }.map(\.text))
        hasCode = query.words.contains { word in
            word.role == .code || (word.role == .number && word.text.filter(\.isASCIIDigit).count >= 3)
        }
        colours = Set(query.filters.color)
        language = query.language
        vendors = Set(query.filters.vendor.map { $0.lowercased() })
        vendorKeys = Set(
            query.words.filter { $0.role == .brand || $0.role == .model }.compactMap { SoundKey.key($0.text) }
                + query.filters.vendor.compactMap { SoundKey.key($0) })
    }

    /// How many terms the catalog has at all (a search can require only these).
    var knownCount: Int { terms.filter { $0.weight > 0 }.count }

    /// Σ weights of all terms: the denominator of coverage features.
    var totalWeight: Double { terms.reduce(0) { $0 + $1.weight } }
}

/// The index's Russian and Belarusian chains, used to turn query words into the terms the index
/// holds, once per voice search.
struct QueryAnalyzers: Sendable {
    /// One token of a query word: its surface, the forms to match and its sound key.
    struct Form {
        var surface: String
        var forms: Set<String>
        var key: String?
    }

    private let chains = [AnyAnalyzer(preset: .ru), AnyAnalyzer(preset: .be)]

    /// The tokens of `text` (a word, or a quantity such as `128 гб`), each with every form it may
    /// take in the index.
    func terms(of text: String) -> [Form] {
        var byPosition: [Int: Form] = [:]
        var order: [Int] = []
        for chain in chains {
            for token in (try? chain.analyze(text)) ?? [] where !token.flags.contains(.part) {
                if byPosition[token.position] == nil {
                    order.append(token.position)
                    let key = token.kind == .word ? SoundKey.key(token.normalized) : nil
                    byPosition[token.position] = Form(surface: token.normalized, forms: [], key: key)
                }
                byPosition[token.position]?.forms.formUnion([token.term, token.normalized])
            }
        }
        return order.compactMap { byPosition[$0] }
    }

    /// Every form of every token of `text` (for product texts).
    func forms(of text: String, preset: AnalyzerPreset) -> [(position: Int, forms: [String], key: String?)] {
        let chain = preset == .be ? chains[1] : chains[0]
        var result: [(position: Int, forms: [String], key: String?)] = []
        for token in (try? chain.analyze(text)) ?? [] where !token.flags.contains(.part) {
            let isLatin = token.kind == .word && token.normalized.unicodeScalars.allSatisfy(\.isASCII)
            result.append(
                (token.position, [token.term, token.normalized], isLatin ? SoundKey.key(token.normalized) : nil))
        }
        return result
    }
}
