/// Units of measure written after numbers in product text, and their canonical forms.
///
/// Canonical forms are short Latin codes so that `128гб`, `128 ГБ`, `128GB` and
/// `128 гигабайт` index the same unit term (`gb`).
enum Units {
    /// Lowercase spelling → canonical code.
    static let canonical: [String: String] = {
        let groups: [String: [String]] = [
            "gb": [
                "гб", "gb", "гиг", "гигабайт", "гигабайта", "гигабайтов", "гигабайтах", "гігабайт", "гігабайта",
                "гігабайтаў",
            ],
            "mb": ["мб", "mb", "мегабайт", "мегабайта", "мегабайтов", "мегабайтаў"],
            "tb": ["тб", "tb", "терабайт", "терабайта", "терабайтов", "тэрабайт", "тэрабайта", "тэрабайтаў"],
            "kb": ["кб", "kb", "килобайт"],
            "in": ["\"", "″", "”", "дюйм", "дюйма", "дюймов", "дюймаў", "inch", "in"],
            "l": ["л", "l", "литр", "литра", "литров", "літр", "літра", "літраў"],
            "ml": ["мл", "ml", "миллилитр", "миллилитров", "мілілітр"],
            "kg": ["кг", "kg", "килограмм", "килограмма", "килограммов", "кілаграм", "кілаграма", "кілаграмаў"],
            "g": ["г", "гр", "g", "грамм", "грамма", "граммов", "грам", "грама", "грамаў"],
            "mm": ["мм", "mm", "миллиметр", "миллиметров", "міліметр", "міліметраў"],
            "cm": ["см", "cm", "сантиметр", "сантиметра", "сантиметров", "сантыметр", "сантыметра", "сантыметраў"],
            "m": ["м", "m", "метр", "метра", "метров", "метраў"],
            "w": ["вт", "w", "ватт", "ватта", "ватт", "ват", "вата", "ватаў"],
            "kw": ["квт", "kw", "киловатт", "кілават"],
            "v": ["в", "v", "вольт", "вольта", "вольтов", "вольтаў"],
            "mah": ["мач", "мaч", "mah", "мач."],
            "hz": ["гц", "hz", "герц"],
            "ghz": ["ггц", "ghz", "гигагерц", "гігагерц"],
            "mhz": ["мгц", "mhz", "мегагерц"],
            "mp": ["мп", "mp", "мпикс", "мегапиксель", "мегапикселей", "мегапіксель", "мегапікселяў"],
            "pcs": ["шт", "pcs", "штук", "штуки", "штука", "штук", "штукі"],
            "percent": ["%"],
        ]
        var table: [String: String] = [:]
        for (code, spellings) in groups {
            for spelling in spellings { table[spelling] = code }
        }
        return table
    }()

    /// The canonical code of a unit spelling, compared case-insensitively; `nil` if not a unit.
    static func code(for spelling: Substring) -> String? {
        if let code = canonical[String(spelling)] { return code }
        return canonical[spelling.lowercased()]
    }
}
