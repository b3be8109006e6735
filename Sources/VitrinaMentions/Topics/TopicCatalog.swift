import VitrinaModel
import VitrinaText

/// The recurring topics shoppers talk about, each with Russian and Belarusian stems merged under
/// one id («доставка» and «дастаўка» are one topic).
///
/// A word belongs to a topic when its stem (in the mention's language) starts with one of the
/// topic's stem prefixes. Topics the catalog does not name are found from the texts by
/// ``TopicAnalysis`` (discovered terms).
public struct TopicCatalog: Sendable {
    /// One topic.
    public struct Topic: Codable, Sendable, Equatable {
        /// A stable id such as `delivery` or `size`.
        public var id: String
        /// Its name in Russian.
        public var ru: String
        /// Its name in Belarusian.
        public var be: String
    }

    /// The topics, in catalog order.
    public let topics: [Topic]
    /// Stems of words too general to be a topic found in the texts (купить, день, магазин, …).
    let generic: Set<String>
    /// Stem prefixes and the topic number they point to, per language, longest first.
    let prefixes: [Language: [(prefix: String, topic: Int)]]

    /// Parses a catalog: lines `id | ru name | be name | ru words | be words` (words separated by
    /// spaces; each is stemmed and matched as a prefix of a word's stem).
    ///
    /// - Parameters:
    ///   - text: The catalog.
    ///   - name: The name used in error locations.
    /// - Throws: ``MentionsError`` `bad-model` naming a line without five fields.
    public init(text: String, name: String = "topics") throws {
        var topics: [Topic] = []
        var prefixes: [Language: [(prefix: String, topic: Int)]] = [.ru: [], .be: []]
        let russian = RussianStemmer()
        let belarusian = BelarusianStemmer()
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: "|", omittingEmptySubsequences: false).map {
                String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            }
            guard fields.count == 5 else {
                throw MentionsError(
                    .badModel, location: "\(name):\(number + 1)",
                    message: "expected `id | ru name | be name | ru words | be words`")
            }
            let index = topics.count
            topics.append(Topic(id: fields[0], ru: fields[1], be: fields[2]))
            for word in fields[3].split(separator: " ") {
                prefixes[.ru, default: []].append((russian.stem(Lexicon.fold(String(word))), index))
            }
            for word in fields[4].split(separator: " ") {
                prefixes[.be, default: []].append((belarusian.stem(Lexicon.fold(String(word))), index))
            }
        }
        self.topics = topics
        self.prefixes = prefixes.mapValues { $0.sorted { $0.prefix.count > $1.prefix.count } }
        generic = Set(
            Self.genericRussian.split(separator: " ").map { russian.stem(String($0)) }
                + Self.genericBelarusian.split(separator: " ").map { belarusian.stem(String($0)) })
    }

    /// The topic number of a stem in `language`, or `nil`.
    func topic(ofStem stem: String, language: Language) -> Int? {
        for (prefix, topic) in prefixes[language] ?? [] where stem.hasPrefix(prefix) { return topic }
        return nil
    }

    /// The shipped catalog (``defaultText``).
    public static let standard: TopicCatalog = {
        do {
            return try TopicCatalog(text: defaultText, name: "TopicCatalog.defaultText")
        } catch {
            // The shipped text is checked by a unit test; this cannot happen in a released build.
            preconditionFailure("the default topic catalog does not parse: \(error)")
        }
    }()

    /// Whether a stem is too general to be a discovered topic.
    func isGeneric(_ stem: String) -> Bool { generic.contains(stem) }

    /// Whether a lowercased word looks like a verb form by its ending.
    ///
    /// Topics found in the texts should be things, not actions (ru: «оформляют», «выросла»,
    /// «закажу», «сломался»; be: «працуюць», «зламалася»). Endings that nouns share often
    /// («-ли», «-ет», «-ит») are left out.
    static func looksLikeVerb(_ word: String) -> Bool {
        verbEndings.contains { word.count > $0.count + 2 && word.hasSuffix($0) }
    }

    static let verbEndings = [
        "ются", "ятся", "ется", "ится", "лся", "лась", "лось", "лись", "ться", "ешь", "ишь", "ете", "ите", "ают",
        "яют", "уют", "ят", "ют", "ла", "ать", "ять", "ить", "еть", "уть", "жу", "шу", "чу", "ую", "аюць",
        "яюць", "уюць", "юць", "яць", "уць", "ецца", "іцца", "аецца", "ліся", "лася", "ўся", "аць", "іць", "ець",
    ]

    static let genericRussian = """
        купить купил купила купили покупка покупку покупкой заказ заказала заказал заказали заказывала брала брал взяла \
        взял пришел пришла пришло день дня дней неделю неделя недели месяц месяца год года раз разу минут минуты час \
        часа первый первая второй вторую третий следующий следующую магазин магазина товар товара вещь вещи человек \
        люди сегодня вчера завтра теперь потом сначала почему который которая которые может можно нужно надо будет \
        буду были было была просто также вообще всегда никогда спасибо здравствуйте добрый вечер утро пишу писала \
        спросить подскажите знает кто-нибудь свою свой своих этот эта этого этой такой такая такие два две три \
        четыре пять десять
        """
    static let genericBelarusian = """
        купіць купіў купіла набыў набыла пакупка замова замовіла замовіў узяла узяў прыйшоў прыйшла дзень дні тыдзень \
        тыдня месяц год раз хвілін гадзіну першы другі трэці наступны крама тавар рэч чалавек людзі сёння учора заўтра \
        цяпер потым чаму які якая якія можа можна трэба будзе былі было была проста заўсёды дзякуй калі ласка свой \
        гэты гэтая гэтага такі такая такія два дзве тры чатыры пяць дзесяць
        """

    /// The shipped topics (written by the Vitrina team).
    public static let defaultText = """
        delivery | доставка | дастаўка | доставка доставили доставят курьер курьерский привезли привезти посылка посылку отправка отправили трек самовывоз пвз | дастаўка даставілі кур'ер прывезлі пасылка адпраўка трэк самавываз
        size | размер и посадка | памер і пасадка | размер размерный маломерит маломерка большемерит большемерка посадка сидит | памер памерны маламерыць вялікамерыць пасадка сядзіць
        quality | качество | якасць | качество качественный брак бракованный дефект шов швы нитки сборка материал ткань пластик | якасць якасны брак бракаваны дэфект швы ніткі зборка матэрыял тканіна пластык
        breakage | поломки | паломкі | сломался сломалась поломка отвалился треснул порвался перестал | зламаўся паламаўся адваліўся трэснуў парваўся перастаў
        leak | протекает | працякае | течет протекает протечка подтекает капает лужа | цячэ працякае працечка капае лужына
        battery | батарея и зарядка | батарэя і зарадка | батарея аккумулятор заряд зарядка зарядное садится разряжается | батарэя акумулятар зарад зарадка садзіцца разраджаецца
        noise | шум | шум | шум шумит шумный гудит гул громкий тихий тихо | шум шуміць шумны гудзе гучны ціхі ціха
        smell | запах | пах | запах пахнет воняет вонь химия | пах пахне смярдзіць смурод хімія
        packaging | упаковка | упакоўка | упаковка упакован коробка пакет пленка | упакоўка упакаваны скрынка пакет плёнка
        support | поддержка и сервис | падтрымка і сэрвіс | поддержка оператор горячая линия дозвониться консультант менеджер сервис чат | падтрымка аператар гарачая лінія датэлефанавацца кансультант менеджар сэрвіс чат
        returns | возврат и обмен | вяртанне і абмен | возврат вернуть вернула вернули обмен обменять | вяртанне вярнуць вярнула вярнулі абмен
        price | цена | кошт | цена цены стоимость дорого дорогой дешево дешевый переплата скидка акция | цана кошт дорага дарагі танна танны зніжка акцыя
        screen | экран | экран | экран дисплей матрица картинка изображение | экран дысплей карцінка выява
        sound | звук | гук | звук динамик басы громкость микрофон | гук дынамік басы гучнасць мікрафон
        heat | нагрев | нагрэў | греется нагрев перегрев горячий | грэецца нагрэў перагрэў гарачы
        app | приложение | праграма | приложение приложения обновление прошивка интерфейс | праграма дадатак абнаўленне прашыўка інтэрфейс
        payment | оплата и списания | аплата і спісанні | оплата оплатить списали списание комиссия карта счет | аплата аплаціць спісалі спісанне камісія картка рахунак
        connection | связь и интернет | сувязь і інтэрнэт | связь сеть интернет скорость роуминг сигнал | сувязь сетка інтэрнэт хуткасць роўмінг сігнал
        staff | персонал | персанал | продавец продавцы сотрудник персонал хамство нахамили вежливый | прадавец супрацоўнік персанал нагрубілі ветлівы
        """
}
