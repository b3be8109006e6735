import Foundation
import VitrinaModel
import VitrinaText
import VitrinaVoice

/// The voice questions a shopper would ask about a page's own product, and which of them the
/// page can answer.
///
/// From the product name (JSON-LD `name`, else the h1, else the title) the typical questions are
/// written in the page's language and run through ``QueryParser``, whose intent picks the slot an
/// answer needs: where to buy → a city, address or pickup point; price → a price with currency;
/// availability → an availability phrase; delivery → delivery terms; specifications → a table
/// row or "name: value" line. The page's passages (paragraphs, list items, table rows) are ranked
/// by the question's words they share (stemmed in the page's language), and the best one that
/// holds the slot is the answer an assistant would read. A question no passage answers is a
/// finding.
enum Answerability {
    struct Result {
        /// Intent → the passage that answers it.
        var answered: [String: String] = [:]
        /// Intents the page cannot answer.
        var unanswered: [String] = []
    }

    static let intents = ["where_to_buy", "price", "availability", "delivery", "specs"]

    static func simulate(page: HTMLPage, data: StructuredData, language: Language, parser: QueryParser?) -> Result {
        let name =
            StructuredData.string(data.product, "name") ?? page.blocks.first { $0.kind == .heading(1) }?.text ?? page
            .title
            ?? ""
        let be = language == .be
        let questions: [String: String] = [
            "where_to_buy": be ? "дзе купіць \(name)" : "где купить \(name)",
            "price": be ? "колькі каштуе \(name)" : "сколько стоит \(name)",
            "availability": be ? "ці ёсць у наяўнасці \(name)" : "есть ли в наличии \(name)",
            "delivery": be ? "колькі каштуе дастаўка \(name)" : "сколько стоит доставка \(name)",
            "specs": be ? "якія характарыстыкі \(name)" : "какие характеристики у \(name)",
        ]
        let stemmer: any Stemmer = be ? BelarusianStemmer() : RussianStemmer()
        func stems(_ text: String) -> Set<String> {
            Set(
                text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { $0.count > 2 }.map {
                    stemmer.stem(String($0))
                })
        }
        // Passages with the heading they follow: a heading phrased as the question ranks its answer.
        var passages: [(text: String, context: String, isRow: Bool)] = []
        var heading = ""
        for block in page.blocks {
            if case .heading = block.kind {
                heading = block.text
                continue
            }
            let isRow = block.kind == .tableRow || (block.kind == .listItem && isSpecLine(block.text))
            passages.append((block.text, heading + " " + block.text, isRow))
        }
        let passageStems = passages.map { stems($0.context) }
        // Specifications need a table of them (at least three "name: value" rows), not one line.
        let specRows = passages.filter(\.isRow).count
        var result = Result()
        for intent in intents {
            guard let question = questions[intent] else { continue }
            let parsed = parser?.parse(question)
            let wanted = stems(question).union(stems(parsed.map { $0.text } ?? ""))
            var ranked: [(passage: Int, shared: Int)] = []
            for index in passages.indices {
                ranked.append((index, wanted.intersection(passageStems[index]).count))
            }
            ranked.sort { $0.shared != $1.shared ? $0.shared > $1.shared : $0.passage < $1.passage }
            let answer = ranked.first { candidate in
                let passage = passages[candidate.passage]
                return intent == "specs" ? passage.isRow : holdsSlot(intent, passage.text)
            }
            if intent == "specs" && specRows < 3 {
                result.unanswered.append(intent)
            } else if let answer {
                result.answered[intent] = String(passages[answer.passage].text.prefix(300))
            } else {
                result.unanswered.append(intent)
            }
        }
        return result
    }

    /// "Name: value" with a name of at most three words (a specification line, not a sentence).
    static func isSpecLine(_ passage: String) -> Bool {
        let pair = passage.split(separator: ":", maxSplits: 1)
        return pair.count == 2 && pair[0].split(separator: " ").count <= 3
            && !pair[1].trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// Whether a passage holds what an answer of `intent` needs.
    static func holdsSlot(_ intent: String, _ passage: String) -> Bool {
        let lower = passage.lowercased()
        switch intent {
        case "where_to_buy": return ShoppingFacts.mentions(lower, ShoppingFacts.location)
        case "price": return !ShoppingFacts.prices(in: passage).isEmpty
        case "availability": return ShoppingFacts.mentions(lower, ShoppingFacts.availability)
        case "delivery": return ShoppingFacts.mentions(lower, ShoppingFacts.delivery)
        case "specs": return isSpecLine(passage)
        default: return false
        }
    }
}
