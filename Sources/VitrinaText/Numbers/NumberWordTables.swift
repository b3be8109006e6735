/// Our own tables of number words: what ICU's spell-out rules do not give, abbreviations people
/// type, and the words that speech recognizers produce.
///
/// Measured on ICU 72 (lenient parse of each word alone, and ``SpellOutVocabulary``):
/// - Russian: ICU has every case of every cardinal and ordinal (`двадцати`, `двадцатью`,
///   `пятьюстами`, `сорокового`) except `нуль` and its forms, `одною` and the `восьмью-` variants.
///   `тысяча`, `тысячу`, `миллион` … parse only after a number (`пять тысяч`), not alone, so every
///   scale form is listed here. ICU knows nothing of `полтора`, `полтысячи`, `с половиной`, `тыс`,
///   `тыщ`, `к`, `млн`, `млрд`, `лям`, `косарь`.
/// - Belarusian: ICU has only the nominative (`пяць`, `дзвесце`, `пяцьсот`) and ordinals; every
///   oblique form (`пяці`, `пяцісот`, `дваццаці`), `адзін` (ICU writes it with a Latin `i`), all
///   scale words and `паўтара` are here.
///
/// Ordinary words are not numbers: `раз` (`в два раза`), `пара`, `сотня`, `десяток`, `штук`
/// stay words, and so do the collective `двое`, `трое`.
enum NumberWordTables {
    /// Russian words → meaning.
    static let russian: [String: NumberWord] = {
        var table: [String: NumberWord] = [:]
        for form in [
            "тысяча", "тысячи", "тысяч", "тысячу", "тысяче", "тысячей", "тысячею", "тысячью", "тысячам", "тысячами",
            "тысячах", "тыс", "тыщ", "тыщи", "тыщу", "тыща", "тыщам", "тыщами", "тысч", "косарь", "косаря", "косарей",
        ] {
            table[form] = .scale(1000)
        }
        for form in [
            "миллион", "миллиона", "миллионов", "миллиону", "миллионом", "миллионе", "миллионам",
            "миллионами", "миллионах", "млн", "лям", "ляма", "лямов",
        ] {
            table[form] = .scale(1_000_000)
        }
        for form in [
            "миллиард", "миллиарда", "миллиардов", "миллиарду", "миллиардом", "миллиарде", "миллиардам",
            "миллиардами", "миллиардах", "млрд",
        ] {
            table[form] = .scale(1_000_000_000)
        }
        for form in ["к", "k"] { table[form] = .scaleAfterDigits(1000) }
        for form in ["нуль", "нуля", "нулю", "нулём", "нулем", "нуле", "нолём"] {
            table[form] = .cardinal(0, rank: 1, closesGroup: false)
        }
        table["одною"] = .cardinal(1, rank: 1, closesGroup: false)
        table["восьмью"] = .cardinal(8, rank: 1, closesGroup: false)
        table["восьмьюдесятью"] = .cardinal(80, rank: 2, closesGroup: false)
        table["восьмьюстами"] = .cardinal(800, rank: 3, closesGroup: false)
        for form in ["полтора", "полторы", "полутора"] { table[form] = .cardinal(1.5, rank: 1, closesGroup: true) }
        table["полтысячи"] = .complete(500)
        table["полмиллиона"] = .complete(500_000)
        table["полмиллиарда"] = .complete(500_000_000)
        table["с"] = .halfConnector
        table["со"] = .halfConnector
        for form in ["половиной", "половина", "половиною"] { table[form] = .half }
        return table
    }()

    /// Belarusian words → meaning.
    static let belarusian: [String: NumberWord] = {
        var table: [String: NumberWord] = [:]
        func add(_ value: Double, _ forms: [String]) {
            guard let word = NumberWord.cardinal(value) else { return }
            for form in forms { table[form] = word }
        }
        add(0, ["нуль", "нуля", "нулю", "нулём", "нулі"])
        add(
            1,
            [
                "адзін", "адна", "адно", "адны", "аднаго", "адной", "аднае", "аднаму", "адну", "адным", "адною",
                "адных", "аднымі",
            ])
        add(2, ["два", "дзве", "двух", "двум", "двума", "дзвюх", "дзвюм", "дзвюма"])
        add(3, ["тры", "трох", "тром", "трыма"])
        add(4, ["чатыры", "чатырох", "чатыром", "чатырма"])
        add(5, ["пяць", "пяці", "пяццю"])
        add(6, ["шэсць", "шасці", "шасцю"])
        add(7, ["сем", "сямі", "сямю"])
        add(8, ["восем", "васьмі", "васьмю", "васьмёх"])
        add(9, ["дзевяць", "дзевяці", "дзевяццю"])
        add(10, ["дзесяць", "дзесяці", "дзесяццю"])
        for (value, stem) in [
            (11.0, "адзінаццац"), (12, "дванаццац"), (13, "трынаццац"), (14, "чатырнаццац"), (15, "пятнаццац"),
            (16, "шаснаццац"), (17, "сямнаццац"), (18, "васямнаццац"), (19, "дзевятнаццац"), (20, "дваццац"),
            (30, "трыццац"),
        ] {
            add(value, [stem + "ь", stem + "і", stem + "цю"])
        }
        add(40, ["сорак", "сарака"])
        add(50, ["пяцьдзясят", "пяцьдзесят", "пяцідзесяці", "пяццюдзесяццю"])
        add(60, ["шэсцьдзясят", "шэсцьдзесят", "шасцідзесяці", "шасцюдзесяццю"])
        add(70, ["семдзесят", "сямідзесяці", "сямюдзесяццю"])
        add(80, ["восемдзесят", "васьмідзесяці", "васьмюдзесяццю"])
        add(90, ["дзевяноста"])
        add(100, ["сто", "ста"])
        add(200, ["дзвесце", "двухсот", "двумстам", "двумастамі", "двухстах"])
        add(300, ["трыста", "трохсот", "тромстам", "трымастамі", "трохстах"])
        add(400, ["чатырыста", "чатырохсот", "чатыромстам", "чатырмастамі", "чатырохстах"])
        add(500, ["пяцьсот", "пяцісот", "пяцістам", "пяццюстамі", "пяцістах"])
        add(600, ["шэсцьсот", "шасцісот", "шасцістам", "шасцюстамі", "шасцістах"])
        add(700, ["семсот", "сямісот", "сямістам", "сямюстамі", "сямістах"])
        add(800, ["восемсот", "васьмісот", "васьмістам", "васьмюстамі", "васьмістах"])
        add(900, ["дзевяцьсот", "дзевяцісот", "дзевяцістам", "дзевяццюстамі", "дзевяцістах"])
        for form in [
            "тысяча", "тысячы", "тысяч", "тысячу", "тысячай", "тысячаю", "тысячам", "тысячамі", "тысячах", "тыс",
            "тыш", "тыщ",
        ] {
            table[form] = .scale(1000)
        }
        for form in [
            "мільён", "мільёна", "мільёны", "мільёнаў", "мільёну", "мільёнам", "мільёне", "мільёнамі", "мільёнах",
            "млн",
        ] {
            table[form] = .scale(1_000_000)
        }
        for form in [
            "мільярд", "мільярда", "мільярды", "мільярдаў", "мільярду", "мільярдам", "мільярдзе", "мільярдамі",
            "мільярдах", "млрд",
        ] {
            table[form] = .scale(1_000_000_000)
        }
        for form in ["к", "k"] { table[form] = .scaleAfterDigits(1000) }
        for form in ["паўтара", "паўтары", "паўтарых"] { table[form] = .cardinal(1.5, rank: 1, closesGroup: true) }
        table["паўтысячы"] = .complete(500)
        table["паўмільёна"] = .complete(500_000)
        table["з"] = .halfConnector
        table["са"] = .halfConnector
        for form in ["паловай", "палавінай", "паловаю", "палова"] { table[form] = .half }
        return table
    }()

    /// Suffixes that make a number of thousands when glued to digits (`30к`, `30k`, `30тыс`).
    static let thousandSuffixes: Set<String> = ["к", "k", "тыс", "тыщ"]

    /// Screen resolutions that look like thousands (`4к`): words, unless a price is being said.
    static let resolutions: Set<String> = Set(
        ["2", "4", "5", "6", "8"].flatMap { ["\($0)k", "\($0)к"] })

    /// Words before a number that make it a price (ru and be): `до 4к` is 4,000.
    static let priceWordsBefore: Set<String> = [
        "до", "от", "за", "около", "дешевле", "дороже", "меньше", "больше", "ниже", "выше", "примерно", "под",
        "максимум", "минимум", "бюджет", "да", "ад", "каля", "танней", "даражэй", "менш", "больш", "прыкладна",
    ]

    /// Currency words after a number that make it a price: `4к рублей`.
    static let currencyWordsAfter: Set<String> = [
        "р", "руб", "рубль", "рубля", "рублей", "рублю", "рублями", "рублёў", "рублеў", "рублі", "₽", "rub", "byn",
        "бел", "долларов", "доларов", "usd", "eur", "евро", "$", "€",
    ]
}
