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

    /// «двадцать четыре тысячи девятьсот девяносто рублей», «дваццаць пяць рублёў».
    func money(_ value: Double, currency: String?, _ language: Language) -> String {
        let whole = value.rounded(.down)
        let category = PluralCategory(whole, language: language)
        let noun: String
        switch (language, currency ?? (language == .be ? "BYN" : "RUB")) {
        case (.be, "BYN"): noun = category.pick(("рубель", "рублі", "рублёў"))
        case (.be, "RUB"): noun = category.pick(("расійскі рубель", "расійскія рублі", "расійскіх рублёў"))
        case (_, "BYN"): noun = category.pick(("белорусский рубль", "белорусских рубля", "белорусских рублей"))
        case (_, "RUB"): noun = category.pick(("рубль", "рубля", "рублей"))
        case (_, let code): noun = code
        }
        var text = "\(words(whole, language)) \(noun)"
        let cents = ((value - whole) * 100).rounded()
        if cents > 0 {
            let centCategory = PluralCategory(cents, language: language)
            let centNoun =
                language == .be
                ? centCategory.pick(("капейка", "капейкі", "капеек"))
                : centCategory.pick(("копейка", "копейки", "копеек"))
            text += " \(Int(cents)) \(centNoun)"
        }
        return text
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
        case .whereToBuy, .search, .recommend, .compare:
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

    /// How many products were found, in words: «Нашла двенадцать товаров.», «Знайшла дванаццаць тавараў.».
    private func found(_ total: Int, _ be: Bool) -> String {
        let language: Language = be ? .be : .ru
        let category = PluralCategory(Double(total), language: language)
        let noun = be ? category.pick(("тавар", "тавары", "тавараў")) : category.pick(("товар", "товара", "товаров"))
        return be
            ? "Знайшла \(words(Double(total), language)) \(noun)." : "Нашла \(words(Double(total), language)) \(noun)."
    }
}
