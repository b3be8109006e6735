import Foundation

/// Where-to-buy facts in visible text, in Russian and Belarusian.
enum ShoppingFacts {
    /// Prices with a currency: «54 990 ₽», «689,00 руб.», «25,90 BYN», «1 150 рублёў».
    static let pricePattern = try? NSRegularExpression(
        pattern: #"(\d[\d\s\u00A0\u202F]{0,9}(?:[.,]\d{1,2})?)\s?(₽|руб|р\.|byn|бел\.?\s?руб|рубл|br\b)"#,
        options: [.caseInsensitive])

    /// Phone numbers of Russia and Belarus.
    static let phonePattern = try? NSRegularExpression(
        pattern: #"(\+7|\+375|8\s?\(?800)[\d\s\-()]{7,}"#, options: [])

    static let availability = [
        "в наличии", "нет в наличии", "под заказ", "есть на складе", "у наяўнасці", "ў наяўнасці",
        "няма ў наяўнасці", "пад заказ", "распродан", "ожидается",
    ]
    static let outOfStock = ["нет в наличии", "няма ў наяўнасці", "под заказ", "пад заказ", "распродан", "ожидается"]
    static let delivery = [
        "доставк", "доставим", "самовывоз", "курьер", "пункт выдачи", "дастаўк", "самавываз", "кур'ер",
    ]
    static let location = [
        "г. ", "ул. ", "вул. ", "пр-т", "проспект", "адрес", "адрас", "метро", "москв", "минск", "мінск",
        "санкт-петербург",
        "гомел", "брест", "гродн", "віцебск", "витебск", "могил", "магілёў", "казан", "екатеринбург", "новосибирск",
    ]
    static let returns = ["возврат", "обмен", "вяртанн", "абмен"]

    /// The prices with currency written in `text`.
    static func prices(in text: String) -> [Double] {
        guard let pattern = pricePattern else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { match in
            guard let number = Range(match.range(at: 1), in: text) else { return nil }
            let digits = text[number].filter { $0.isNumber || $0 == "," || $0 == "." }.replacingOccurrences(
                of: ",", with: ".")
            return Double(digits)
        }
    }

    /// Whether `text` holds a phone number.
    static func hasPhone(_ text: String) -> Bool {
        guard let pattern = phonePattern else { return false }
        return pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Whether lowercase `text` contains any of `cues`.
    static func mentions(_ text: String, _ cues: [String]) -> Bool {
        cues.contains { text.includes($0) }
    }
}
