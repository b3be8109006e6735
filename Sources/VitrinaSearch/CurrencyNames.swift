import VitrinaModel
import VitrinaText

/// How a currency is said in Russian or Belarusian: the noun for its unit and its hundredth, in the
/// form a count asks for (`PluralCategory`), and whether the noun is feminine (`одна гривна`).
///
/// Codes without a spoken name are said as the code.
struct CurrencyNames {
    private let names: (one: String, few: String, many: String)
    private let minorNames: (one: String, few: String, many: String)?
    /// Whether the unit's noun is feminine.
    let isFeminine: Bool
    /// Whether the hundredth's noun is feminine.
    let minorIsFeminine: Bool

    init(code: String, language: Language) {
        let be = language == .be
        let kopeck = be ? ("капейка", "капейкі", "капеек") : ("копейка", "копейки", "копеек")
        let cent = be ? ("цэнт", "цэнты", "цэнтаў") : ("цент", "цента", "центов")
        switch code.uppercased() {
        case "BYN", "BYR":
            names =
                be ? ("рубель", "рублі", "рублёў") : ("белорусский рубль", "белорусских рубля", "белорусских рублей")
            minorNames = kopeck
        case "RUB", "RUR":
            names = be ? ("расійскі рубель", "расійскія рублі", "расійскіх рублёў") : ("рубль", "рубля", "рублей")
            minorNames = kopeck
        case "KZT":
            names = be ? ("тэнге", "тэнге", "тэнге") : ("тенге", "тенге", "тенге")
            minorNames = be ? ("тыйын", "тыйыны", "тыйынаў") : ("тиын", "тиына", "тиынов")
        case "USD":
            names = be ? ("долар", "долары", "долараў") : ("доллар", "доллара", "долларов")
            minorNames = cent
        case "EUR":
            names = be ? ("еўра", "еўра", "еўра") : ("евро", "евро", "евро")
            minorNames = cent
        case "UAH":
            names = be ? ("грыўня", "грыўні", "грыўняў") : ("гривна", "гривны", "гривен")
            minorNames = kopeck
        default:
            names = (code, code, code)
            minorNames = nil
        }
        isFeminine = code.uppercased() == "UAH"
        minorIsFeminine = minorNames.map { $0.0 == kopeck.0 } ?? false
    }

    /// The unit's noun after `value`.
    func major(_ value: Double, _ language: Language) -> String {
        PluralCategory(value, language: language).pick(names)
    }

    /// The hundredth's noun after `value`, when the currency has a spoken one.
    func minor(_ value: Double, _ language: Language) -> String? {
        minorNames.map { PluralCategory(value, language: language).pick($0) }
    }
}
