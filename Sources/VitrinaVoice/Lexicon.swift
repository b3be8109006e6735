/// The words and phrases the parser recognizes, in Russian and Belarusian, written lowercase
/// with `ё` as `е` (queries are folded the same way before matching).
package enum Lexicon {
    /// Assistant names and wake phrases, dropped at the start of a query.
    static let wakePhrases: [[String]] = [
        ["окей", "гугл"], ["ок", "гугл"], ["ok", "google"], ["окей", "google"], ["привет", "алиса"],
        ["алиса"], ["аліса"], ["алис"], ["маруся"], ["салют"], ["сири"], ["siri"], ["алеся"], ["яндекс"], ["гугл"],
        ["слушай", "алиса"], ["слушай", "маруся"], ["сбер"], ["джой"], ["афина"], ["окей"], ["ok"], ["эй", "гугл"],
        ["привет", "маруся"], ["hey", "siri"], ["хэй", "сири"], ["эй", "сири"], ["google"], ["олег"],
    ]

    /// Fillers, politeness and request verbs, dropped anywhere.
    static let fillers: Set<String> = [
        "пожалуйста", "плиз", "слушай", "скажи", "подскажи", "подбери", "подберите", "подобрать", "падбяры",
        "глянь", "посмотри", "выбери", "выберите", "абяры", "подскажите", "скажите", "покажи", "покажите", "найди",
        "найдите", "поищи", "ищи", "ищу", "хочу", "хотел", "хотела", "бы", "мне", "нужен", "нужна", "нужно", "нужны",
        "надо", "можно", "можешь", "можете", "ну", "вот", "а", "эй", "так", "давай", "интересует", "посмотреть",
        "есть", "какие", "какой", "какая", "какое", "хороший", "хорошую", "хорошая",
        "калі", "ласка", "скажы", "падкажы", "пакажы", "знайдзі", "шукаю", "хачу", "хацеў", "хацела", "мне",
        "трэба", "патрэбны", "патрэбна", "можна", "які", "якая", "якое", "якія",
        "есць", "для", "меня", "мяне", "please", "карацей", "марки", "фирмы", "бренда", "производителя", "маркі",
        "фірмы", "брэнда", "короче", "типа", "вообще", "блин", "ладно", "окей",
        "ммм", "эээ", "слухай", "скажыце", "пакажыце", "знайдзіце", "нам", "вас",
    ]

    /// Whether `word` is a hesitation sound as speech recognizers write it: «мм», «эм», «хм», «ээ», «ммм».
    ///
    /// `мм` after a number is millimetres, and is read as a unit before this is asked.
    static func isHesitation(_ word: String) -> Bool {
        let letters = Set(word)
        return word.count >= 2 && (letters.isSubset(of: ["э", "м"]) || letters.isSubset(of: ["х", "м"]))
    }

    /// Words that carry no content (prepositions, conjunctions, pronouns) once constraints are read.
    static let functionWords: Set<String> = [
        "в", "во", "на", "с", "со", "из", "по", "о", "об", "у", "к", "и", "или", "ли", "же", "это", "этот", "эту",
        "где", "как", "что", "чтобы", "какого", "каком", "который", "которая", "самый", "самая", "самое", "самые",
        "самую", "самого", "у", "з", "ў", "ці", "дзе", "як", "што", "гэта", "гэты", "самы", "самая", "самае", "у",
        "ад", "да", "па", "пра", "при", "при", "при", "сейчас", "зараз", "сегодня", "сення", "тут", "здесь",
        "магазин", "магазине", "магазинах", "краме", "крама", "крамах", "интернет", "онлайн", "стоит", "будет",
    ]

    /// Phrases naming the intent.
    ///
    /// The longest match wins (the first in the query on a tie); its words leave the text.
    static let intents: [(phrase: [String], intent: VoiceQuery.Intent)] = [
        (["где", "можно", "купить"], .whereToBuy), (["где", "купить"], .whereToBuy),
        (["где", "продается"], .whereToBuy),
        (["где", "продают"], .whereToBuy), (["где", "заказать"], .whereToBuy), (["где", "найти"], .whereToBuy),
        (["в", "каком", "магазине"], .whereToBuy), (["где", "взять"], .whereToBuy),
        (["дзе", "можна", "купіць"], .whereToBuy), (["дзе", "купіць"], .whereToBuy), (["дзе", "набыць"], .whereToBuy),
        (["у", "якой", "краме"], .whereToBuy), (["ў", "якой", "краме"], .whereToBuy),
        (["дзе", "прадаецца"], .whereToBuy),
        (["что", "говорят", "о"], .reviews), (["что", "говорят", "об"], .reviews),
        (["что", "говорят", "про"], .reviews),
        (["что", "пишут", "о"], .reviews), (["что", "пишут", "про"], .reviews), (["какие", "отзывы", "о"], .reviews),
        (["какие", "отзывы", "на"], .reviews), (["какие", "отзывы"], .reviews), (["отзывы", "о"], .reviews),
        (["отзывы", "об"], .reviews), (["отзывы", "на"], .reviews), (["отзывы", "про"], .reviews),
        (["отзывы"], .reviews), (["што", "кажуць", "пра"], .reviews), (["што", "пішуць", "пра"], .reviews),
        (["якія", "водгукі", "пра"], .reviews), (["якія", "водгукі", "на"], .reviews), (["якія", "водгукі"], .reviews),
        (["водгукі", "пра"], .reviews), (["водгукі", "на"], .reviews), (["водгукі"], .reviews),
        (["сколько", "стоит"], .price), (["сколько", "стоят"], .price), (["какая", "цена"], .price),
        (["почем"], .price), (["по", "чем"], .price), (["цена"], .price), (["стоимость"], .price),
        (["колькі", "каштуе"], .price), (["колькі", "каштуюць"], .price), (["якая", "цана"], .price),
        (["кошт"], .price), (["цана"], .price),
        (["есть", "ли", "в", "наличии"], .availability), (["есть", "ли"], .availability),
        (["в", "наличии", "ли"], .availability), (["имеется", "ли"], .availability),
        (["ці", "есць"], .availability), (["есць", "у", "наяўнасці"], .availability),
        (["ці", "есць", "у", "наяўнасці"], .availability), (["ці", "есць", "ў", "наяўнасці"], .availability),
        (["есть", "в", "наличии"], .availability), (["имеется", "в", "наличии"], .availability),
        (["купить"], .whereToBuy), (["купіць"], .whereToBuy), (["заказать"], .whereToBuy), (["набыць"], .whereToBuy),
        (["чем", "отличается"], .compare), (["чем", "отличаются"], .compare), (["в", "чем", "разница"], .compare),
        (["сравни"], .compare), (["сравнить"], .compare), (["что", "лучше"], .compare),
        (["чым", "адрозніваецца"], .compare), (["чым", "адрозніваюцца"], .compare), (["параўнай"], .compare),
        (["што", "лепш"], .compare),
        (["какой", "лучше"], .recommend), (["какую", "лучше"], .recommend), (["какое", "лучше"], .recommend),
        (["какой", "выбрать"], .recommend), (["какую", "выбрать"], .recommend), (["посоветуй"], .recommend),
        (["посоветуйте"], .recommend), (["порекомендуй"], .recommend), (["что", "посоветуешь"], .recommend),
        (["які", "лепш"], .recommend), (["якую", "лепш"], .recommend), (["які", "выбраць"], .recommend),
        (["парай"], .recommend), (["параю"], .recommend), (["параіць"], .recommend), (["што", "параіш"], .recommend),
    ]

    /// Phrases and word prefixes naming an order.
    ///
    /// A `*` entry matches any word starting with it.
    static let sorts: [(phrase: [String], sort: VoiceQuery.Sort)] = [
        (["самый", "дешев*"], .priceAscending), (["самый", "недорог*"], .priceAscending),
        (["самая", "дешев*"], .priceAscending), (["самое", "дешев*"], .priceAscending),
        (["самые", "дешев*"], .priceAscending),
        (["подешевле"], .priceAscending), (["недорог*"], .priceAscending), (["дешев*"], .priceAscending),
        (["бюджетн*"], .priceAscending), (["самы", "танн*"], .priceAscending), (["самая", "танн*"], .priceAscending),
        (["танней"], .priceAscending), (["танн*"], .priceAscending), (["недарог*"], .priceAscending),
        (["самый", "дорог*"], .priceDescending), (["самая", "дорог*"], .priceDescending),
        (["самы", "дарог*"], .priceDescending), (["подороже"], .priceDescending), (["дорог*"], .priceDescending),
        (["дарог*"], .priceDescending), (["дараг*"], .priceDescending), (["недараг*"], .priceAscending),
        (["самы", "дараг*"], .priceDescending), (["самая", "дараг*"], .priceDescending),
        (["самую", "дараг*"], .priceDescending), (["самыя", "дараг*"], .priceDescending),
        (["самае", "дараг*"], .priceDescending), (["самую", "дешев*"], .priceAscending),
        (["самую", "танн*"], .priceAscending), (["самыя", "танн*"], .priceAscending),
        (["самае", "танн*"], .priceAscending), (["самую", "дорог*"], .priceDescending),
        (["последн*", "модел*"], .newest), (["новая", "модель"], .newest), (["новую", "модель"], .newest),
        (["нов*", "модел*"], .newest), (["новинк*"], .newest), (["новейш*"], .newest), (["последн*"], .newest),
        (["апошн*", "мадэл*"], .newest), (["нов*", "мадэл*"], .newest), (["навінк*"], .newest), (["апошн*"], .newest),
        (["с", "хорошими", "отзывами"], .rating), (["с", "лучшими", "отзывами"], .rating),
        (["з", "добрымі", "водгукамі"], .rating), (["лучш*"], .rating), (["самый", "лучший"], .rating),
        (["популярн*"], .rating), (["топов*"], .rating), (["лепш*"], .rating), (["найлепш*"], .rating),
        (["папулярн*"], .rating),
    ]

    /// Words before a number that make it an upper price bound.
    static let maximumCues: [[String]] = [
        ["не", "дороже"], ["не", "больше"], ["не", "более"], ["в", "пределах"], ["в", "районе"], ["дешевле"],
        ["меньше"], ["ниже"], ["до"], ["максимум"], ["не", "даражэй"], ["не", "больш"], ["танней"], ["танней", "за"],
        ["менш"], ["да"], ["не", "вышэй"], ["у", "межах"], ["дешевле", "чем"], ["не", "больш", "за"],
        ["не", "даражэй", "за"], ["меньше", "чем", "за"], ["дешевле", "чем", "за"], ["не", "дороже", "чем"],
        ["менш", "чым", "за"], ["танней", "чым"], ["танней", "чым", "за"], ["меньше", "чем"], ["менш", "за"],
        ["не", "дороже", "чем", "за"], ["не", "больше", "чем"], ["ниже", "чем"], ["меньше", "за"],
    ]

    /// Words before a number that make it a lower price bound.
    static let minimumCues: [[String]] = [
        ["не", "дешевле"], ["не", "меньше"], ["дороже"], ["больше"], ["выше"], ["от"], ["свыше"], ["минимум"],
        ["ад"], ["даражэй"], ["не", "танней"], ["больш"], ["звыш"], ["дороже", "чем"],
    ]

    /// Words before a number that make it an approximate price (±20%).
    static let aroundCues: [[String]] = [
        ["около"], ["примерно"], ["порядка"], ["за"], ["каля"], ["прыкладна"], ["тысяч", "за"],
    ]

    /// Currency words after a number (folded), with their ISO code; `nil` means "roubles, by language".
    static let currencyWords: [String: String?] = [
        "руб": nil, "рубль": nil, "рубля": nil, "рублей": nil, "рублях": nil, "р": nil, "₽": "RUB",
        "рублеу": nil, "рублеў": nil, "рубель": nil, "тэнге": "KZT", "рубли": nil, "рублі": nil, "рублю": nil,
        "тенге": "KZT", "тг": "KZT", "kzt": "KZT", "гривен": "UAH", "гривны": "UAH", "долларов": "USD",
        "byn": "BYN", "бел": "BYN", "белорусских": "BYN", "беларускіх": "BYN", "rub": "RUB", "российских": "RUB",
        "расійскіх": "RUB", "доллара": "USD", "долларах": "USD", "usd": "USD", "евро": "EUR",
        "br": "BYN",
    ]

    /// Colour word stems (folded) with the colour's canonical name.
    static let colours: [(prefix: String, name: String)] = [
        ("черн", "чёрный"), ("чорн", "чёрный"), ("бел", "белый"), ("красн", "красный"), ("чырвон", "красный"),
        ("син", "синий"), ("сін", "синий"), ("голуб", "голубой"), ("блакітн", "голубой"), ("зелен", "зелёный"),
        ("зялен", "зелёный"), ("сер", "серый"), ("шэр", "серый"), ("серебрист", "серебристый"),
        ("срэбн", "серебристый"),
        ("бежев", "бежевый"), ("бэжав", "бежевый"), ("розов", "розовый"), ("ружов", "розовый"), ("желт", "жёлтый"),
        ("жовт", "жёлтый"), ("золот", "золотой"), ("залат", "золотой"), ("фиолетов", "фиолетовый"),
        ("фіялетав", "фиолетовый"), ("оранжев", "оранжевый"), ("аранжав", "оранжевый"), ("коричнев", "коричневый"),
        ("карычнев", "коричневый"), ("бирюзов", "бирюзовый"),
    ]

    /// ``colours`` by the first three letters of their prefix (every prefix has three or more), in
    /// list order: a word is compared only with the colours it could start like.
    static let coloursByStart: [String: [(prefix: String, name: String)]] = Dictionary(grouping: colours) {
        String($0.prefix.prefix(3))
    }

    /// Words that are colour-like prefixes of non-colours (excluded from colour matching).
    static let colourFalseFriends: Set<String> = [
        "сери", "серии", "серия", "серию", "сервис", "сервиса", "сертификат", "сердце", "синхрон", "белорус",
        "беларус", "беларусь", "белорусский", "белорусских", "беларускіх", "сінхрон", "черника", "бельё", "белье",
        "бельевой", "серебро",
    ]

    /// Phrases asking for products in stock.
    static let inStock: [[String]] = [
        ["в", "наличии"], ["есть", "в", "наличии"], ["у", "наяўнасці"], ["ў", "наяўнасці"], ["в", "продаже"],
    ]

    /// Phrases asking for discounted products.
    static let discounted: [[String]] = [
        ["со", "скидкой"], ["по", "скидке"], ["по", "акции"], ["со", "скидками"], ["скидк*"], ["акционн*"],
        ["са", "зніжкай"], ["па", "зніжцы"], ["па", "акцыі"], ["зніжк*"], ["распродаж*"], ["уцененн*"],
    ]

    /// Unit words after a number (folded prefixes) with the unit written as in titles.
    static let units: [(prefix: String, unit: String)] = [
        ("гигабайт", "гб"), ("гб", "гб"), ("гігабайт", "гб"), ("терабайт", "тб"), ("тб", "тб"), ("дюйм", "дюймов"),
        ("цал", "дюймов"), ("литр", "л"), ("літр", "л"), ("ватт", "вт"), ("ват", "вт"), ("вт", "вт"),
        ("килограмм", "кг"), ("кілаграм", "кг"), ("кг", "кг"), ("герц", "гц"), ("мегапиксел", "мп"),
        ("мегапіксел", "мп"), ("мин", "мин"), ("хвілін", "мин"), ("час", "ч"), ("гадзін", "ч"),
        ("квадратн", "м²"), ("метр", "м"), ("сантиметр", "см"), ("сантыметр", "см"), ("миллиметр", "мм"),
        ("міліметр", "мм"), ("грамм", "г"), ("грам", "г"), ("миллилитр", "мл"), ("мілілітр", "мл"),
    ]

    /// Unit words after a number that are whole words, too short to match as prefixes.
    static let shortUnits: Set<String> = [
        "м²", "м2", "м", "см", "мм", "мл", "л", "г", "кг", "вт", "квт", "гц", "мп", "мач", "шт", "гб", "тб", "мб",
    ]

    /// Frame words only Belarusian has (folded), for telling the query's language by its frame.
    static let belarusianMarkers: Set<String> = [
        "дзе", "колькі", "каштуе", "каштуюць", "пакажы", "пакажыце", "знайдзі", "знайдзіце", "калі", "ласка", "хачу",
        "трэба", "есць", "ці", "якая", "які", "якое", "якія", "якую", "цана", "кошт", "самы", "самыя", "самае",
        "рублеў",
        "рублеу", "ад", "слухай", "падкажы", "скажы", "купіць", "набыць", "шукаю", "патрэбны", "патрэбна", "можна",
        "наяўнасці", "зніжкай", "зніжцы", "лепш", "параіць", "чым", "што", "гэта", "калі-ласка", "з", "ў",
        "падбяры", "абяры", "хацеў", "хацела", "таксама", "вельмі", "дзякуй", "паглядзець",
    ]
    /// Prefixes of Belarusian-only frame words.
    static let belarusianMarkerPrefixes = ["танн", "дараг", "недараг", "навінк", "апошн"]
    /// Frame words only Russian has (folded).
    static let russianMarkers: Set<String> = [
        "где", "сколько", "стоит", "стоят", "покажи", "покажите", "найди", "найдите", "пожалуйста", "хочу", "нужен",
        "нужна", "нужно", "есть", "ли", "какая", "какой", "какое", "какие", "какую", "цена", "самый", "самое",
        "самые", "рублей", "от", "слушай", "подскажи", "скажи", "купить", "заказать", "ищу", "можно",
        "наличии", "скидкой", "скидке", "лучше", "посоветуй", "чем", "что", "это", "подбери", "выбери",
        "посмотреть", "хотел", "хотела", "очень", "спасибо", "интересует",
    ]
    /// Prefixes of Russian-only frame words.
    static let russianMarkerPrefixes = ["дешев", "дорог", "недорог", "новинк", "последн"]

    /// Whether `word` is a unit as the parser writes it after a number (`гб`, `дюймов`).
    package static func isUnit(_ word: String) -> Bool { units.contains { $0.unit == word } }

    /// Words after a number that make it a clothing or shoe size.
    static let sizeWords: Set<String> = ["размера", "размер", "размеру", "памеру", "памер", "памера"]

    /// Latin words titles use for features and lines, not brands, although a Cyrillic title may
    /// start its Latin part with them («Телевизор Smart TV …», «Лампа LED …»).
    static let notBrands: Set<String> = [
        "pro", "smart", "led", "usb", "new", "wifi", "wi-fi", "hd", "full", "mini", "max", "plus", "ultra", "lite",
        "set", "kit", "inverter", "dual", "super", "air", "tv", "dvd", "gps", "lcd", "oled", "qled", "nfc", "ai",
        "premium", "classic", "style", "home", "eco", "inox", "steel", "black", "white", "silver", "gold", "red",
        "blue", "green", "grey", "gray", "pink", "edition", "series", "type", "size", "art", "design", "original",
        "bluetooth", "wireless", "digital", "power", "turbo", "steam", "wash", "direct", "drive", "no", "frost",
    ]

    /// Spoken brand names in Cyrillic (folded) for brands whose transliteration does not match.
    static let brandAliases: [String: String] = [
        "ксяоми": "xiaomi", "сяоми": "xiaomi", "шаоми": "xiaomi", "шиоми": "xiaomi", "ксиоми": "xiaomi",
        "ксиаоми": "xiaomi", "редми": "xiaomi", "айфон": "apple", "айфона": "apple", "айфоны": "apple",
        "айфоне": "apple", "эпл": "apple", "эппл": "apple", "апл": "apple", "эйпл": "apple", "макбук": "apple",
        "аирподс": "apple", "эйрподс": "apple", "хуавей": "huawei", "хуавэй": "huawei", "хуавеи": "huawei",
        "хонор": "honor", "хонар": "honor", "реалми": "realme", "риалми": "realme", "филипс": "philips",
        "філіпс": "philips", "бош": "bosch", "дайсон": "dyson", "сони": "sony", "соні": "sony", "элджи": "lg",
        "элжи": "lg", "эл": "lg", "лджи": "lg", "атлант": "atlant", "хаер": "haier", "хайер": "haier",
        "делонги": "de'longhi", "делонги'": "de'longhi", "саеко": "saeco", "сэко": "saeco", "крупс": "krups",
        "браун": "braun", "тефаль": "tefal", "редмонд": "redmond", "горизонт": "horizont", "гарызонт": "horizont",
        "асус": "asus", "леново": "lenovo", "эйч": "hp", "хп": "hp", "джибиэль": "jbl", "жбл": "jbl",
        "сенхайзер": "sennheiser", "роборок": "roborock", "дриме": "dreame", "айробот": "irobot", "поларис": "polaris",
        "мидея": "midea", "мидеа": "midea", "бибика": "bbk", "ббк": "bbk", "китфорт": "kitfort",
    ]

    /// Cyrillic words that stand for a model line and must stay in the text, in Latin.
    static let modelWords: [String: String] = [
        "айфон": "iphone", "айфона": "iphone", "айфоны": "iphone", "айфоне": "iphone", "галакси": "galaxy",
        "гэлакси": "galaxy", "про": "pro", "макс": "max", "ультра": "ultra", "плюс": "plus", "мини": "mini",
        "эйр": "air", "эир": "air", "редми": "redmi", "ноут": "note", "нот": "note", "макбук": "macbook",
        "аирподс": "airpods", "эйрподс": "airpods", "лайт": "lite", "смарт": "smart",
    ]
}
