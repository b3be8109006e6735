import Foundation
import VitrinaModel
import VitrinaText
import VitrinaVoice

/// Writes the one sentence an assistant reads aloud: in the query's language, numbers and prices
/// as words with the noun in the right plural form (ICU spell-out and plural rules).
struct SpokenAnswer: Sendable {
    private let spellOut: [Language: SpellOutFormat]

    init() throws {
        spellOut = [.ru: try SpellOutFormat(language: .ru), .be: try SpellOutFormat(language: .be)]
    }

    /// `value` in words (whole part), falling back to digits.
    ///
    /// ICU 72's Belarusian rules write a Latin `i` in some words («адзiн»); it is made Cyrillic
    /// `і` here, or a speech synthesizer would read it as a foreign letter.
    func words(_ value: Double, _ language: Language) -> String {
        let text = spellOut[language]?.format(value.rounded(.down)) ?? String(Int64(value))
        return language == .be ? text.replacingOccurrences(of: "i", with: "і") : text
    }

    /// «двадцать четыре тысячи девятьсот девяносто рублей», «дваццаць пяць рублёў», «сто тенге»,
    /// with the minor unit in words too («… рублей пятьдесят копеек»).
    func money(_ value: Double, currency: String?, _ language: Language) -> String {
        let whole = value.rounded(.down)
        let code = currency ?? (language == .be ? "BYN" : "RUB")
        let names = CurrencyNames(code: code, language: language)
        var text = "\(count(whole, language, feminine: names.isFeminine)) \(names.major(whole, language))"
        let cents = ((value - whole) * 100).rounded()
        if cents > 0, let minor = names.minor(cents, language) {
            text += " \(count(cents, language, feminine: names.minorIsFeminine)) \(minor)"
        }
        return text
    }

    /// `value` in words agreeing with a feminine noun when asked (`одна копейка`, `дзве грыўні`).
    private func count(_ value: Double, _ language: Language, feminine: Bool) -> String {
        var text = words(value, language)
        guard feminine else { return text }
        let forms: [(String, String)] =
            language == .be ? [("адзін", "адна"), ("два", "дзве")] : [("один", "одна"), ("два", "две")]
        for (masculine, female) in forms where text == masculine || text.hasSuffix(" " + masculine) {
            text = String(text.dropLast(masculine.count)) + female
        }
        return text
    }

    /// A count after a verb («Нашла …»): the accusative, which differs from the nominative only in
    /// «одна тысяча» → «одну тысячу» (be «адна тысяча» → «адну тысячу»).
    func accusative(_ value: Double, _ language: Language) -> String {
        let text = words(value, language)
        return language == .be
            ? text.replacingOccurrences(of: "адна тысяча", with: "адну тысячу")
            : text.replacingOccurrences(of: "одна тысяча", with: "одну тысячу")
    }

    /// The answer to `query` given its best hits.
    func answer(_ query: VoiceQuery, total: Int, best: Product?, relaxed: Bool) -> String {
        let be = query.language == .be
        guard let best, total > 0 else {
            let what = query.text.isEmpty ? query.normalized : query.text
            return be ? "На жаль, я не знайшла «\(what)» у каталогу." : "К сожалению, я не нашла «\(what)» в каталоге."
        }
        let title = best.title ?? best.id
        let price = best.price.map { money($0, currency: best.currency, query.language) }
        let shop = best.url.flatMap { URL(string: $0)?.host }
        var sentence = ""
        if relaxed {
            sentence += be ? "Дакладна такога няма, але ёсць падобнае. " : "Точно такого нет, но есть похожее. "
        }
        switch query.intent {
        case .price:
            sentence += price.map { be ? "\(title) каштуе \($0)." : "\(title) стоит \($0)." } ?? title + "."
        case .availability:
            if best.available == false {
                sentence += be ? "\(title) зараз няма ў наяўнасці." : "\(title) сейчас нет в наличии."
            } else {
                sentence += be ? "Так, \(title) ёсць у наяўнасці" : "Да, \(title) есть в наличии"
                sentence += price.map { be ? ", кошт — \($0)." : ", цена — \($0)." } ?? "."
            }
        case .whereToBuy, .search, .recommend, .compare, .reviews:
            let count = total == 1 ? "" : found(total, be)
            sentence += count
            sentence += count.isEmpty ? "" : (be ? " Лепш за ўсё падыходзіць " : " Лучше всего подходит ")
            sentence += title
            if let price { sentence += be ? ", кошт — \(price)" : ", цена — \(price)" }
            if best.available == false { sentence += be ? ", зараз няма ў наяўнасці" : ", сейчас нет в наличии" }
            if query.intent == .whereToBuy || query.intent == .search, let shop {
                sentence += be ? ". Купіць можна на \(shop)" : ". Купить можно на \(shop)"
            }
            sentence += "."
        }
        return sentence
    }

    /// «Отзывов о X пока нет.» for a product nobody has written about (or when no mentions are loaded).
    func noReviews(_ product: Product, language: Language) -> String {
        let title = product.title ?? product.id
        return language == .be ? "Водгукаў пра \(title) пакуль няма." : "Отзывов о товаре \(title) пока нет."
    }

    /// How many products were found, in words: «Нашла двенадцать товаров.», «Знайшла дванаццаць тавараў.».
    private func found(_ total: Int, _ be: Bool) -> String {
        let language: Language = be ? .be : .ru
        let category = PluralCategory(Double(total), language: language)
        let noun = be ? category.pick(("тавар", "тавары", "тавараў")) : category.pick(("товар", "товара", "товаров"))
        return be
            ? "Знайшла \(accusative(Double(total), language)) \(noun)."
            : "Нашла \(accusative(Double(total), language)) \(noun)."
    }
}
