import Foundation

/// Numbers and currencies as feeds write them.
enum PriceText {
    /// The highest price accepted: 10¹² in any currency is a typo or a placeholder, not a price
    /// (the dearest things sold online cost around 10⁹ rubles).
    static let maximumPrice = 1e12

    /// Why a price was refused.
    struct Invalid: Error, Equatable {
        var message: String
    }

    /// A price as written (see ``number(_:)``), checked: a finite number from 0 to ``maximumPrice``.
    static func price(_ text: String) -> Result<Double, Invalid> {
        guard let value = number(text) else { return .failure(Invalid(message: "expected a price, found \"\(text)\"")) }
        if let problem = check(value) { return .failure(Invalid(message: "\(problem), found \"\(text)\"")) }
        return .success(value)
    }

    /// What is wrong with a price value, or `nil` when it is a finite number from 0 to ``maximumPrice``.
    static func check(_ value: Double) -> String? {
        if !value.isFinite { return "a price must be a finite number" }
        if value < 0 { return "a price cannot be negative" }
        if value > maximumPrice { return "a price above 10¹² is not a price" }
        return nil
    }

    /// A price or quantity: `1234.56`, `1234,56`, `1 234,56`, `1 234` (spaces, no-break and thin
    /// spaces as group separators), optionally followed by a currency (`₽`, `руб.`, `BYN`);
    /// `nil` when it is not one number.
    static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let numeric = trimmed.prefix { $0.isASCII && ($0.isNumber || ".,-'".contains($0)) || groupSpaces.contains($0) }
        let rest = trimmed[numeric.endIndex...].trimmingCharacters(in: .whitespaces)
        guard rest.isEmpty || currency(rest) != nil else { return nil }
        var digits = ""
        var sawSeparator = false
        for character in numeric where !groupSpaces.contains(character) && character != "'" {
            switch character {
            case ".", ",":
                guard !sawSeparator else { return nil }
                sawSeparator = true
                digits.append(".")
            case "-":
                guard digits.isEmpty else { return nil }
                digits.append("-")
            default: digits.append(character)
            }
        }
        guard digits.last?.isNumber == true else { return nil }
        return Double(digits)
    }

    /// Spaces used between digit groups.
    private static let groupSpaces: Set<Character> = [" ", "\u{00A0}", "\u{2009}", "\u{202F}"]

    /// The ISO 4217 code of a currency as written: `RUB`, `RUR`, `руб`, `руб.`, `₽`, `р.`, `BYN`,
    /// `бел. руб.`, `BYR`, `UAH`, `грн`, `KZT`, `тенге`, `USD`, `$`, `EUR`, `€`; `nil` when unknown.
    static func currency(_ text: String) -> String? {
        let key = text.lowercased().filter { !$0.isWhitespace && $0 != "." }
        switch key {
        case "rub", "rur", "руб", "рубль", "рублей", "рубля", "₽", "р", "rubles": return "RUB"
        case "byn", "белруб", "бел.руб", "бр", "byr": return key == "byr" ? "BYR" : "BYN"
        case "uah", "грн", "гривна", "гривен", "₴": return "UAH"
        case "kzt", "тенге", "тг", "₸": return "KZT"
        case "usd", "$", "долл": return "USD"
        case "eur", "€", "евро": return "EUR"
        default: return nil
        }
    }
}
