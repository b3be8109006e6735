/// Every check the audit runs: id, severity, and its message and fix in ru, be and en.
///
/// Ids and thresholds follow `../shared/notes/voice-readiness.md` §3 (sources cited in README).
enum CheckCatalog {
    struct Text {
        var message: String
        var fix: String
    }

    struct Definition {
        var severity: Finding.Severity
        var texts: [ReportLanguage: Text]
    }

    static func finding(_ id: String, _ language: ReportLanguage, _ detail: String = "") -> Finding {
        let definition = all[id] ?? Definition(severity: .notice, texts: [:])
        let text = definition.texts[language] ?? definition.texts[.en] ?? Text(message: id, fix: "")
        return Finding(
            check: id, severity: definition.severity, message: text.message + (detail.isEmpty ? "" : " (\(detail))"),
            fix: text.fix)
    }

    private static func define(
        _ severity: Finding.Severity, ru: (String, String), be: (String, String), en: (String, String)
    ) -> Definition {
        Definition(
            severity: severity,
            texts: [
                .ru: Text(message: ru.0, fix: ru.1), .be: Text(message: be.0, fix: be.1),
                .en: Text(message: en.0, fix: en.1),
            ])
    }

    static let all: [String: Definition] = [
        "crawl.noindex": define(
            .error, ru: ("Страница закрыта от индексации (noindex)", "Уберите noindex из meta robots"),
            be: ("Старонка закрыта ад індэксацыі (noindex)", "Прыберыце noindex з meta robots"),
            en: ("The page is noindex", "Remove noindex from meta robots")),
        "meta.title.missing": define(
            .error, ru: ("Нет заголовка <title>", "Добавьте <title> с названием товара"),
            be: ("Няма загалоўка <title>", "Дадайце <title> з назвай тавару"),
            en: ("No <title>", "Add a <title> naming the product")),
        "meta.title.length": define(
            .warning, ru: ("Длина <title> вне 10–70 символов", "Сократите или дополните заголовок"),
            be: ("Даўжыня <title> па-за 10–70 знакаў", "Скараціце або дапоўніце загаловак"),
            en: ("<title> length outside 10–70 characters", "Shorten or extend the title")),
        "meta.description.missing": define(
            .warning, ru: ("Нет meta description", "Добавьте описание 70–160 символов"),
            be: ("Няма meta description", "Дадайце апісанне 70–160 знакаў"),
            en: ("No meta description", "Add a 70–160 character description")),
        "meta.description.length": define(
            .notice, ru: ("Длина meta description вне 70–160 символов", "Приведите описание к 70–160 символам"),
            be: ("Даўжыня meta description па-за 70–160 знакаў", "Зрабіце апісанне 70–160 знакаў"),
            en: ("Meta description outside 70–160 characters", "Make it 70–160 characters")),
        "html.h1": define(
            .warning, ru: ("На странице не один заголовок h1", "Оставьте ровно один h1 с названием товара"),
            be: ("На старонцы не адзін загаловак h1", "Пакіньце роўна адзін h1 з назвай тавару"),
            en: ("Not exactly one h1", "Keep exactly one h1 naming the product")),
        "html.lang.missing": define(
            .warning, ru: ("Не указан атрибут lang", "Добавьте <html lang=\"ru\"> или lang=\"be\""),
            be: ("Не пазначаны атрыбут lang", "Дадайце <html lang=\"be\"> або lang=\"ru\""),
            en: ("No lang attribute", "Add <html lang=\"ru\"> or lang=\"be\"")),
        "html.lang.mismatch": define(
            .warning, ru: ("Атрибут lang не совпадает с языком текста", "Укажите язык, на котором написан текст"),
            be: ("Атрыбут lang не супадае з мовай тэксту", "Пазначце мову, якой напісаны тэкст"),
            en: ("lang does not match the text's language", "Declare the language the text is written in")),
        "crawl.canonical.missing": define(
            .notice, ru: ("Нет rel=canonical", "Добавьте канонический адрес страницы"),
            be: ("Няма rel=canonical", "Дадайце кананічны адрас старонкі"),
            en: ("No rel=canonical", "Add the page's canonical URL")),
        "html.viewport": define(
            .warning, ru: ("Нет meta viewport", "Добавьте <meta name=\"viewport\" content=\"width=device-width\">"),
            be: ("Няма meta viewport", "Дадайце <meta name=\"viewport\" content=\"width=device-width\">"),
            en: ("No meta viewport", "Add <meta name=\"viewport\" content=\"width=device-width\">")),
        "img.alt": define(
            .warning, ru: ("Есть изображения без alt", "Опишите каждое изображение в alt"),
            be: ("Ёсць выявы без alt", "Апішыце кожную выяву ў alt"),
            en: ("Images without alt", "Describe every image in alt")),
        "https": define(
            .notice, ru: ("Канонический адрес не HTTPS", "Переведите страницу на HTTPS"),
            be: ("Кананічны адрас не HTTPS", "Перавядзіце старонку на HTTPS"),
            en: ("Canonical URL is not HTTPS", "Serve the page over HTTPS")),
        "og.product": define(
            .notice,
            ru: (
                "Нет OpenGraph-тегов товара (og:title, og:image)", "Добавьте og:title, og:image и product:price:amount"
            ),
            be: (
                "Няма OpenGraph-тэгаў тавару (og:title, og:image)", "Дадайце og:title, og:image і product:price:amount"
            ),
            en: ("No OpenGraph product tags (og:title, og:image)", "Add og:title, og:image and product:price:amount")),
        "og.price": define(
            .warning,
            ru: ("Цена в product:price:amount не совпадает с ценой товара", "Выводите одну цену во всех тегах"),
            be: ("Цана ў product:price:amount не супадае з цаной тавару", "Выводзьце адну цану ва ўсіх тэгах"),
            en: ("product:price:amount differs from the product price", "Use one price in every tag")),
        "sd.organization": define(
            .notice,
            ru: (
                "Нет разметки магазина (Organization/LocalBusiness с адресом и телефоном)",
                "Добавьте Organization или Store с address и telephone"
            ),
            be: (
                "Няма разметкі крамы (Organization/LocalBusiness з адрасам і тэлефонам)",
                "Дадайце Organization або Store з address і telephone"
            ),
            en: (
                "No shop markup (Organization/LocalBusiness with address and phone)",
                "Add an Organization or Store with address and telephone"
            )),
        "page.truncated": define(
            .error,
            ru: (
                "HTML страницы слишком велик: проверена только его начальная часть",
                "Уменьшите HTML: поисковые системы читают ограниченный объём (Google — первые 15 МБ)"
            ),
            be: (
                "HTML старонкі завялікі: праверана толькі яго пачатковая частка",
                "Паменшыце HTML: пошукавыя сістэмы чытаюць абмежаваны аб'ём (Google — першыя 15 МБ)"
            ),
            en: (
                "The page's HTML is too large: only its beginning was audited",
                "Slim the HTML: search engines read a limited amount (Google: the first 15 MB)"
            )),
        "html.attributes.excess": define(
            .error,
            ru: (
                "У элемента слишком много атрибутов; лишние не прочитаны",
                "Исправьте шаблон: столько атрибутов у одного элемента — ошибка разметки"
            ),
            be: (
                "У элемента занадта шмат атрыбутаў; лішнія не прачытаныя",
                "Выпраўце шаблон: столькі атрыбутаў у аднаго элемента — памылка разметкі"
            ),
            en: (
                "An element has too many attributes; the rest were not read",
                "Fix the template: that many attributes on one element is a markup error"
            )),
        "page.weight": define(
            .warning, ru: ("HTML страницы больше 1 МБ", "Уменьшите страницу: вынесите скрипты и стили"),
            be: ("HTML старонкі больш за 1 МБ", "Паменшыце старонку: вынесіце скрыпты і стылі"),
            en: ("The page's HTML exceeds 1 MB", "Slim the page: move scripts and styles out")),
        "sd.product.multiple": define(
            .warning, ru: ("На странице несколько разных Product", "Оставьте один Product на странице товара"),
            be: ("На старонцы некалькі розных Product", "Пакіньце адзін Product на старонцы тавару"),
            en: ("Several different Products on one page", "Keep one Product per product page")),
        "sd.offer.priceValidUntil.past": define(
            .warning, ru: ("Срок цены (priceValidUntil) истёк", "Обновите priceValidUntil или уберите его"),
            be: ("Тэрмін цаны (priceValidUntil) скончыўся", "Абнавіце priceValidUntil або прыберыце яго"),
            en: ("priceValidUntil is in the past", "Update or remove priceValidUntil")),
        "link.text.generic": define(
            .notice, ru: ("Ссылки с текстом «подробнее», «здесь»", "Пишите в ссылке, куда она ведёт"),
            be: ("Спасылкі з тэкстам «падрабязней», «тут»", "Пішыце ў спасылцы, куды яна вядзе"),
            en: ("Links with generic text («подробнее», «здесь»)", "Say in the link where it leads")),
        "html.charset": define(
            .notice, ru: ("Кодировка не объявлена", "Добавьте <meta charset=\"utf-8\">"),
            be: ("Кадзіроўка не абвешчана", "Дадайце <meta charset=\"utf-8\">"),
            en: ("No declared charset", "Add <meta charset=\"utf-8\">")),
        "html.charset.mismatch": define(
            .warning,
            ru: (
                "Байты страницы не в объявленной кодировке или в двух кодировках; каждое слово прочитано в своей",
                "Сохраните всю страницу в одной кодировке (UTF-8) и объявите её в <meta charset>"
            ),
            be: (
                "Байты старонкі не ў абвешчанай кадзіроўцы або ў дзвюх кадзіроўках; кожнае слова прачытана ў сваёй",
                "Захавайце ўсю старонку ў адной кадзіроўцы (UTF-8) і абвясціце яе ў <meta charset>"
            ),
            en: (
                "The page's bytes contradict its declared charset or mix two encodings; each word was read in its own",
                "Save the whole page in one encoding (UTF-8) and declare it in <meta charset>"
            )),
        "sd.jsonld.invalid": define(
            .error, ru: ("Блок JSON-LD не разбирается", "Исправьте синтаксис JSON (запятые, кавычки)"),
            be: ("Блок JSON-LD не разбіраецца", "Выпраўце сінтаксіс JSON (коскі, двукоссі)"),
            en: ("A JSON-LD block does not parse", "Fix the JSON syntax (commas, quotes)")),
        "sd.product.missing": define(
            .error, ru: ("Нет разметки schema.org Product", "Добавьте JSON-LD Product с name, image, offers"),
            be: ("Няма разметкі schema.org Product", "Дадайце JSON-LD Product з name, image, offers"),
            en: ("No schema.org Product", "Add a JSON-LD Product with name, image, offers")),
        "sd.product.fields": define(
            .warning, ru: ("В Product нет полей", "Заполните name, image и description"),
            be: ("У Product няма палёў", "Запоўніце name, image і description"),
            en: ("Product lacks fields", "Fill in name, image and description")),
        "sd.offer.missing": define(
            .error, ru: ("В Product нет offers", "Добавьте Offer с price, priceCurrency, availability"),
            be: ("У Product няма offers", "Дадайце Offer з price, priceCurrency, availability"),
            en: ("Product has no offers", "Add an Offer with price, priceCurrency, availability")),
        "sd.offer.price": define(
            .error, ru: ("В Offer нет корректной цены", "Укажите price числом больше нуля, через точку"),
            be: ("У Offer няма карэктнай цаны", "Пазначце price лікам большым за нуль, праз кропку"),
            en: ("Offer has no valid price", "Give price as a number above zero, with a dot")),
        "sd.offer.currency": define(
            .error, ru: ("В Offer нет priceCurrency", "Укажите код валюты: RUB или BYN"),
            be: ("У Offer няма priceCurrency", "Пазначце код валюты: BYN або RUB"),
            en: ("Offer has no priceCurrency", "Give the ISO currency code: RUB or BYN")),
        "sd.offer.availability": define(
            .warning, ru: ("В Offer нет availability", "Укажите https://schema.org/InStock или OutOfStock"),
            be: ("У Offer няма availability", "Пазначце https://schema.org/InStock або OutOfStock"),
            en: ("Offer has no availability", "Give https://schema.org/InStock or OutOfStock")),
        "sd.product.identifiers": define(
            .notice, ru: ("Нет бренда или артикула (sku/gtin/mpn)", "Добавьте brand и sku или gtin"),
            be: ("Няма брэнда або артыкула (sku/gtin/mpn)", "Дадайце brand і sku або gtin"),
            en: ("No brand or identifier (sku/gtin/mpn)", "Add brand and sku or gtin")),
        "sd.rating": define(
            .notice, ru: ("Отзывы на странице есть, а AggregateRating нет", "Разметьте рейтинг и число отзывов"),
            be: ("Водгукі на старонцы ёсць, а AggregateRating няма", "Размецьце рэйтынг і колькасць водгукаў"),
            en: ("Reviews are shown but there is no AggregateRating", "Mark up the rating and review count")),
        "consistency.price": define(
            .error,
            ru: ("Цена в разметке не совпадает с ценой на странице", "Выводите одну и ту же цену в тексте и разметке"),
            be: ("Цана ў разметцы не супадае з цаной на старонцы", "Выводзьце адну і тую ж цану ў тэксце і разметцы"),
            en: ("The markup price differs from the visible price", "Show the same price in text and markup")),
        "consistency.availability": define(
            .error, ru: ("Наличие в разметке противоречит тексту", "Согласуйте availability с текстом страницы"),
            be: ("Наяўнасць у разметцы супярэчыць тэксту", "Узгадніце availability з тэкстам старонкі"),
            en: ("Markup availability contradicts the text", "Make availability agree with the page text")),
        "sd.faq.not-visible": define(
            .warning, ru: ("Вопросы FAQPage не видны на странице", "Покажите те же вопросы и ответы в тексте"),
            be: ("Пытанні FAQPage не бачныя на старонцы", "Пакажыце тыя ж пытанні і адказы ў тэксце"),
            en: ("FAQPage questions are not visible", "Show the same questions and answers in the text")),
        "sd.speakable.selector": define(
            .warning, ru: ("Селектор speakable не находит элемент", "Исправьте cssSelector в speakable"),
            be: ("Селектар speakable не знаходзіць элемент", "Выпраўце cssSelector у speakable"),
            en: ("A speakable selector matches nothing", "Fix the speakable cssSelector")),
        "facts.price": define(
            .error, ru: ("В тексте нет цены с валютой", "Покажите цену словами «54 990 ₽» или «689 руб.»"),
            be: ("У тэксце няма цаны з валютай", "Пакажыце цану: «689 руб.» або «25,90 BYN»"),
            en: ("No price with a currency in the text", "Show the price with its currency")),
        "facts.availability": define(
            .warning, ru: ("В тексте не сказано о наличии", "Напишите «в наличии» или «под заказ»"),
            be: ("У тэксце не сказана пра наяўнасць", "Напішыце «ёсць у наяўнасці» або «пад заказ»"),
            en: ("The text does not say whether it is in stock", "Say «в наличии» or «под заказ»")),
        "facts.delivery": define(
            .warning, ru: ("Нет условий доставки или самовывоза", "Опишите доставку, сроки и самовывоз"),
            be: ("Няма ўмоў дастаўкі або самавывазу", "Апішыце дастаўку, тэрміны і самавываз"),
            en: ("No delivery or pickup terms", "Describe delivery, timing and pickup")),
        "facts.location": define(
            .warning, ru: ("Нет адреса или города магазина", "Укажите город и адрес пункта выдачи"),
            be: ("Няма адраса або горада крамы", "Пазначце горад і адрас пункта выдачы"),
            en: ("No store address or city", "Give the city and pickup address")),
        "facts.phone": define(
            .notice, ru: ("Нет телефона магазина", "Укажите телефон в формате +7 или +375"),
            be: ("Няма тэлефона крамы", "Пазначце тэлефон у фармаце +375 або +7"),
            en: ("No store phone", "Give a +7 or +375 phone number")),
        "facts.returns": define(
            .notice, ru: ("Не сказано о возврате и обмене", "Опишите условия возврата"),
            be: ("Не сказана пра вяртанне і абмен", "Апішыце ўмовы вяртання"),
            en: ("Nothing on returns", "Describe the return terms")),
        "qa.headings": define(
            .warning, ru: ("Мало заголовков-вопросов", "Добавьте заголовки «Где купить…?», «Сколько стоит…?»"),
            be: ("Мала загалоўкаў-пытанняў", "Дадайце загалоўкі «Дзе купіць…?», «Колькі каштуе…?»"),
            en: ("Few question headings", "Add headings such as «Где купить…?», «Сколько стоит…?»")),
        "qa.answer.length": define(
            .warning, ru: ("Ответы после вопросов не в 20–60 слов", "Отвечайте сразу, 1–3 предложения, около 30 слов"),
            be: ("Адказы пасля пытанняў не ў 20–60 слоў", "Адказвайце адразу, 1–3 сказы, каля 30 слоў"),
            en: ("Answers after questions are not 20–60 words", "Answer at once in 1–3 sentences, about 30 words")),
        "voice.summary": define(
            .notice,
            ru: ("Нет короткого абзаца-сводки о товаре", "Добавьте абзац до 50 слов: товар, цена, наличие, где купить"),
            be: (
                "Няма кароткага абзаца-зводкі пра тавар", "Дадайце абзац да 50 слоў: тавар, цана, наяўнасць, дзе купіць"
            ),
            en: ("No short summary paragraph", "Add a ≤50-word paragraph: product, price, stock, where to buy")),
        "read.fre": define(
            .warning, ru: ("Текст трудно читать (индекс Флеша ниже 50)", "Короче предложения, проще слова"),
            be: ("Тэкст цяжка чытаць (індэкс Флеша ніжэй за 50)", "Карацейшыя сказы, прасцейшыя словы"),
            en: ("Hard to read (Flesch below 50)", "Shorter sentences, simpler words")),
        "read.sentences": define(
            .warning, ru: ("Больше 25% предложений длиннее 15 слов", "Разбейте длинные предложения"),
            be: ("Больш за 25% сказаў даўжэйшыя за 15 слоў", "Разбіце доўгія сказы"),
            en: ("Over 25% of sentences exceed 15 words", "Split long sentences")),
        "read.paragraph": define(
            .warning, ru: ("Абзац длиннее 150 слов", "Разбейте длинные абзацы"),
            be: ("Абзац даўжэйшы за 150 слоў", "Разбіце доўгія абзацы"),
            en: ("A paragraph exceeds 150 words", "Split long paragraphs")),
        "answer.where_to_buy": define(
            .warning,
            ru: ("Страница не отвечает на «где купить»", "Напишите город, адрес, самовывоз рядом с названием"),
            be: ("Старонка не адказвае на «дзе купіць»", "Напішыце горад, адрас, самавываз побач з назвай"),
            en: ("The page cannot answer «where to buy»", "State city, address, pickup near the product name")),
        "answer.price": define(
            .warning, ru: ("Страница не отвечает на «сколько стоит»", "Напишите цену с валютой рядом с названием"),
            be: ("Старонка не адказвае на «колькі каштуе»", "Напішыце цану з валютай побач з назвай"),
            en: ("The page cannot answer «how much»", "State the price with currency near the name")),
        "answer.availability": define(
            .warning, ru: ("Страница не отвечает на «есть ли в наличии»", "Напишите, есть ли товар в наличии"),
            be: ("Старонка не адказвае на «ці ёсць у наяўнасці»", "Напішыце, ці ёсць тавар у наяўнасці"),
            en: ("The page cannot answer «is it in stock»", "Say whether it is in stock")),
        "answer.delivery": define(
            .warning, ru: ("Страница не отвечает на «сколько стоит доставка»", "Опишите стоимость и сроки доставки"),
            be: ("Старонка не адказвае на «колькі каштуе дастаўка»", "Апішыце кошт і тэрміны дастаўкі"),
            en: ("The page cannot answer «delivery cost»", "Describe delivery cost and timing")),
        "answer.specs": define(
            .warning, ru: ("Страница не отвечает на «какие характеристики»", "Добавьте таблицу характеристик"),
            be: ("Старонка не адказвае на «якія характарыстыкі»", "Дадайце табліцу характарыстык"),
            en: ("The page cannot answer «what are the specs»", "Add a specification table")),
    ]
}
