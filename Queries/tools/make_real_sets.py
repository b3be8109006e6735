#!/usr/bin/env python3
"""Judged spoken-query sets built from real third-party catalogs, for `vitrina eval`.

  python3 Queries/tools/make_real_sets.py [--out .build/eval] [--seed 11] [--per-class 200]
                                          [--slice N] [--synthetic-count 100000] [--vitrina PATH]

Why this exists: our own Queries/ sets were written with the phrasings the query parser knows, so
they measured nothing. This generator was written without reading the parser or its word lists
(Sources/VitrinaVoice, Queries/tools/make_queries.py): its frames, fillers, wake words, number
spelling and brand transliteration are its own, taken from how people talk to Alice, Marusya or
Google assistants in Russia and Belarus. Keep it that way: do not import or copy anything from
the parser here, and do not copy phrasings from here into the parser.

Catalogs (read from ../shared/data, which may not be redistributed; everything derived from it is
written to --out, by default .build/eval, which git ignores; never into the repository):
  21vek      the 21vek.by scrape (180,787 products, BYN, Russian titles) converted to canonical JSONL
             (21vek.products.jsonl; id = the product URL path, a product in several categories once,
             in its first category; no vendor field, as the source has none).
  feeds      the real shops' YML feeds in yml-feeds/ (the price/stock-only ozon feed excluded), read
             here with xml.etree for labels; the index is built from the original files, in the
             order manifest.json lists (a later file replaces an earlier one's offer with the same
             id, as `vitrina index` does, and the labels follow that).
  synthetic  `vitrina generate --count N` (synthetic.products.jsonl).

Classes (one function each below): known_item (MRR@10), category_price (P@10), cheapest and
dearest (top-1), brand_kind (P@10 and MRR@10), attribute (P@10). A "kind" is what a shopper names
(«холодильник», «мусорное ведро»): the head noun of a product title with the adjectives before
it, or, when a title has no Russian noun in front (tyres), the nearest category level that has.
Relevant products are labelled from catalog facts only (title, category, price, currency, vendor,
params), never from what an engine returns.

Split: every product and every kind belongs to the dev or the test split by a hash of its kind
(the head noun; products without one by their category), so the same product or kind is never in
both. The test split goes to separate files (<catalog>.test.jsonl). NOBODY TUNES ON THE TEST
SPLIT: fit weights, thresholds and word lists on dev only, and look at test only to report.

Output (in --out): <catalog>.products.jsonl (21vek, synthetic), <catalog>.facts.jsonl (id, title,
vendor, category, description of every indexed product, for peer engines), <catalog>.dev.jsonl,
<catalog>.test.jsonl and manifest.json (what to index, in which order, how many documents).
A line: {"id", "class", "catalog", "split", "query", "language", "expected": {...}, "relevant":
{"product-id": grade}}; expected carries only the fields that can be labelled (intent and sort
from the frame used, price from the limit said, vendor and color when the query names them).
--slice N keeps about N 21vek products from a few dozen whole categories (plus every feed and a
small synthetic catalog), for CI. Python 3 standard library only; the same --seed gives the same
files.
"""
import argparse
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "..", "shared", "data")
VEK = os.path.join(DATA, "21vek-by-catalog", "21vek_catalog_2023-07.jsonl")
FEEDS = os.path.join(DATA, "yml-feeds")
# Import order (later replaces earlier on equal ids: the shops' ids collide, see manifest.json).
FEED_FILES = [
    "mosharov-tires-2011-cdata.yml.xml", "kidrulit-ocstore.yml.xml", "kidrulit-ocstore-retail-2022-11.yml.xml",
    "barbaris66.yml.xml", "islandgift-bom.yml.xml", "karsaman-ecwid.yml.xml", "lg-kz-kzt.yml.xml",
    "shwei-ru-2012.yml.xml", "tral-diler.yml.xml",
]

# --- Speaking numbers (our own tables) --------------------------------------------------------------

NUMBER_WORDS = {
    "ru": {
        "nom": (["ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять",
                 "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать",
                 "семнадцать", "восемнадцать", "девятнадцать"],
                ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят",
                 "девяносто"],
                ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот",
                 "девятьсот"]),
        "gen": (["нуля", "одного", "двух", "трёх", "четырёх", "пяти", "шести", "семи", "восьми", "девяти", "десяти",
                 "одиннадцати", "двенадцати", "тринадцати", "четырнадцати", "пятнадцати", "шестнадцати",
                 "семнадцати", "восемнадцати", "девятнадцати"],
                ["", "", "двадцати", "тридцати", "сорока", "пятидесяти", "шестидесяти", "семидесяти",
                 "восьмидесяти", "девяноста"],
                ["", "ста", "двухсот", "трёхсот", "четырёхсот", "пятисот", "шестисот", "семисот", "восьмисот",
                 "девятисот"]),
        # (one, two) in the feminine, for thousands: nominative and genitive
        "fem": {"nom": ("одна", "две"), "gen": ("одной", "двух")},
        # thousand and million: (1, 2–4, 5+) per case
        "thousand": {"nom": ("тысяча", "тысячи", "тысяч"), "gen": ("тысячи", "тысяч", "тысяч"),
                     "acc": ("тысячу", "тысячи", "тысяч")},
        "million": {"nom": ("миллион", "миллиона", "миллионов"), "gen": ("миллиона", "миллионов", "миллионов")},
    },
    "be": {
        "nom": (["нуль", "адзін", "два", "тры", "чатыры", "пяць", "шэсць", "сем", "восем", "дзевяць", "дзесяць",
                 "адзінаццаць", "дванаццаць", "трынаццаць", "чатырнаццаць", "пятнаццаць", "шаснаццаць",
                 "сямнаццаць", "васямнаццаць", "дзевятнаццаць"],
                ["", "", "дваццаць", "трыццаць", "сорак", "пяцьдзесят", "шэсцьдзесят", "семдзесят", "восемдзесят",
                 "дзевяноста"],
                ["", "сто", "дзвесце", "трыста", "чатырыста", "пяцьсот", "шэсцьсот", "семсот", "восемсот",
                 "дзевяцьсот"]),
        "gen": (["нуля", "аднаго", "двух", "трох", "чатырох", "пяці", "шасці", "сямі", "васьмі", "дзевяці",
                 "дзесяці", "адзінаццаці", "дванаццаці", "трынаццаці", "чатырнаццаці", "пятнаццаці", "шаснаццаці",
                 "сямнаццаці", "васямнаццаці", "дзевятнаццаці"],
                ["", "", "дваццаці", "трыццаці", "сарака", "пяцідзесяці", "шасцідзесяці", "сямідзесяці",
                 "васьмідзесяці", "дзевяноста"],
                ["", "ста", "двухсот", "трохсот", "чатырохсот", "пяцісот", "шасцісот", "сямісот", "васьмісот",
                 "дзевяцісот"]),
        "fem": {"nom": ("адна", "дзве"), "gen": ("адной", "дзвюх")},
        "thousand": {"nom": ("тысяча", "тысячы", "тысяч"), "gen": ("тысячы", "тысяч", "тысяч"),
                     "acc": ("тысячу", "тысячы", "тысяч")},
        "million": {"nom": ("мільён", "мільёны", "мільёнаў"), "gen": ("мільёна", "мільёнаў", "мільёнаў")},
    },
}


def plural_slot(n):
    """0 for 1 (21, 101…), 1 for 2–4 (22…), 2 for 5–20 and the rest: the Slavic plural classes."""
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


def spell_below_thousand(n, lang, case, feminine=False):
    units, tens, hundreds = NUMBER_WORDS[lang][case if case in ("nom", "gen") else "nom"]
    words = []
    if n >= 100:
        words.append(hundreds[n // 100])
        n %= 100
    if n >= 20:
        words.append(tens[n // 10])
        n %= 10
    if n or not words:
        if feminine and n in (1, 2):
            words.append(NUMBER_WORDS[lang]["fem"]["gen" if case == "gen" else "nom"][n - 1])
        elif n or not words:
            words.append(units[n])
    return [w for w in words if w]


def spell(n, lang="ru", case="nom"):
    """A whole number 0…999,999,999 in words: «двухсот пятидесяти», «дзве тысячы».

    case is "nom", "gen" or "acc" (accusative differs only in «тысячу»); a round thousand alone is
    said without «одна» («до тысячи», «за тысячу»).
    """
    n = int(n)
    table = NUMBER_WORDS[lang]
    words = []
    millions, rest = divmod(n, 1_000_000)
    thousands, rest = divmod(rest, 1000)
    if millions:
        if millions > 1:
            words += spell_below_thousand(millions, lang, case)
        words.append(table["million"]["gen" if case == "gen" else "nom"][plural_slot(millions)])
    if thousands:
        if thousands > 1:
            words += spell_below_thousand(thousands, lang, case, feminine=True)
        form = case if case != "acc" or thousands == 1 else "nom"  # «за тысячу», «за две тысячи»
        words.append(table["thousand"][form][plural_slot(thousands)])
    if rest or not words:
        words += spell_below_thousand(rest, lang, case)
    return " ".join(words)


CURRENCY_WORDS = {  # (after 1, after 2–4, after 5+) in the nominative, then the genitive
    ("ru", "RUB"): (("рубль", "рубля", "рублей"), ("рубля", "рублей", "рублей")),
    ("ru", "BYN"): (("рубль", "рубля", "рублей"), ("рубля", "рублей", "рублей")),
    ("be", "BYN"): (("рубель", "рублі", "рублёў"), ("рубля", "рублёў", "рублёў")),
    ("be", "RUB"): (("рубель", "рублі", "рублёў"), ("рубля", "рублёў", "рублёў")),
    ("ru", "KZT"): (("тенге", "тенге", "тенге"), ("тенге", "тенге", "тенге")),
    ("be", "KZT"): (("тэнге", "тэнге", "тэнге"), ("тэнге", "тэнге", "тэнге")),
}


def money(n, lang, currency, case, rng, digits_share=0.35):
    """«двухсот рублей», «500 рублёў», «тысячу тенге»: an amount as a shopper says it."""
    number = str(int(n)) if rng.random() < digits_share else spell(n, lang, case)
    forms = CURRENCY_WORDS[(lang, currency)][1 if case == "gen" else 0]
    return f"{number} {forms[plural_slot(int(n))]}"


# --- Brands in Cyrillic (our own rules) -------------------------------------------------------------

# How people say brands that no letter rule gets right (Latin, lowercased → what is heard).
SAID_BRANDS = {
    "samsung": ["самсунг"], "xiaomi": ["сяоми", "ксиоми", "ксяоми"], "philips": ["филипс"], "bosch": ["бош"],
    "lg": ["элджи", "эл джи"], "apple": ["эпл", "эппл"], "huawei": ["хуавей", "хуавэй"], "honor": ["хонор"],
    "sony": ["сони"], "tefal": ["тефаль"], "braun": ["браун"], "dyson": ["дайсон"], "karcher": ["керхер"],
    "grohe": ["грое"], "hansgrohe": ["хансгрое"], "atlant": ["атлант"], "indesit": ["индезит"],
    "electrolux": ["электролюкс"], "redmond": ["редмонд"], "polaris": ["поларис"], "vitek": ["витек"],
    "scarlett": ["скарлет", "скарлетт"], "janome": ["джаноме", "жаноме"], "bernina": ["бернина"],
    "husqvarna": ["хускварна"], "nokian": ["нокиан"], "michelin": ["мишлен"], "continental": ["континенталь"],
    "pirelli": ["пирелли"], "bridgestone": ["бриджстоун"], "yokohama": ["йокогама", "йокохама"],
    "hankook": ["ханкук"], "kumho": ["кумхо"], "gorenje": ["горенье"], "beko": ["беко"], "hotpoint": ["хотпоинт"],
    "asus": ["асус"], "acer": ["асер", "эйсер"], "lenovo": ["леново"], "hp": ["эйч пи", "хп"], "jbl": ["джей би эл"],
    "nike": ["найк", "найки"], "adidas": ["адидас"], "reebok": ["рибок"], "marshall": ["маршал"],
    "sennheiser": ["сеннхайзер"], "delonghi": ["делонги"], "de'longhi": ["делонги"], "krups": ["крупс"],
    "ikea": ["икеа"], "tp-link": ["тп линк", "ти пи линк"], "hoco": ["хоко"], "baseus": ["басеус", "бейсус"],
    "amur": ["амур"], "luxuda": ["люксуда"], "tongyada": ["тонгяда"], "cimc": ["симс", "си ай эм си"],
    "elna": ["эльна"], "zanussi": ["занусси"], "miele": ["миле"], "siemens": ["сименс"], "haier": ["хаер", "хайер"],
    "midea": ["мидеа", "мидея"], "gefest": ["гефест"], "maunfeld": ["маунфелд"], "kitfort": ["китфорт"],
    "luminarc": ["люминарк"], "bbk": ["би би кей", "ббк"], "iek": ["иэк", "и е к"], "aeg": ["а е гэ"], "fissman": ["фиссман"], "kukmara": ["кукмара"], "new": ["нью"], "balance": ["баланс"],
}

LATIN_CLUSTERS = [("tech", "тек"), ("ight", "айт"), ("igh", "ай"), ("gh", "г"), ("sch", "ш"), ("tch", "ч"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"), ("ph", "ф"),
                  ("th", "т"), ("ts", "ц"), ("ck", "к"), ("qu", "кв"), ("oo", "у"), ("ee", "и"), ("ea", "и"),
                  ("ou", "ау"), ("ai", "ай"), ("ei", "эй"), ("ey", "эй"), ("ay", "эй"), ("oy", "ой"), ("ya", "я"),
                  ("yu", "ю"), ("yo", "ё"), ("ye", "е"), ("ie", "и"), ("x", "кс"), ("j", "дж"), ("w", "в"),
                  ("q", "к"), ("h", "х"), ("a", "а"), ("b", "б"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"),
                  ("i", "и"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
                  ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("z", "з")]
VOWELS = set("aeiouy")


def cyrillic_brand(word, rng):
    """A Latin brand as a Russian speaker says it, by table, letter by letter (short abbreviations)
    or by English-ish letter rules."""
    lower = word.lower()
    if lower in SAID_BRANDS:
        return rng.choice(SAID_BRANDS[lower])
    if len(lower) <= 3 and lower.isalpha() and lower.isascii() and not set(lower) & VOWELS - {"y"}:
        return " ".join(LETTER_NAMES[c] for c in lower)  # «bbk» → «бэ бэ ка»
    out, i = [], 0
    while i < len(lower):
        ch = lower[i]
        if not ch.isalpha():
            out.append(" " if ch in "-'’" else ch)
            i += 1
            continue
        if i + 1 < len(lower) and lower[i + 1] == ch and ch not in "oe":
            i += 1  # double letters are heard once
            continue
        cluster = next((pair for pair in LATIN_CLUSTERS if len(pair[0]) > 1 and lower.startswith(pair[0], i)), None)
        if cluster:
            out.append(cluster[1])
            i += len(cluster[0])
            continue
        if ch == "c":
            out.append("с" if i + 1 < len(lower) and lower[i + 1] in "eiy" else "к")
            i += 1
            continue
        if ch == "y":
            out.append("и" if i and lower[i - 1] not in VOWELS else "й")
            i += 1
            continue
        if ch == "e" and i == 0:
            out.append("э")
            i += 1
            continue
        if ch == "e" and i == len(lower) - 1 and len(lower) > 3:
            i += 1  # a final silent e
            continue
        for latin, cyrillic in LATIN_CLUSTERS:
            if lower.startswith(latin, i):
                out.append(cyrillic)
                i += len(latin)
                break
        else:
            out.append(ch)
            i += 1
    return re.sub(r"\s+", " ", "".join(out)).strip()


LETTER_NAMES = {"a": "а", "b": "бэ", "c": "си", "d": "дэ", "e": "е", "f": "эф", "g": "джи", "h": "аш", "i": "ай",
                "j": "джей", "k": "ка", "l": "эл", "m": "эм", "n": "эн", "o": "о", "p": "пи", "q": "кью", "r": "эр",
                "s": "эс", "t": "тэ", "u": "ю", "v": "ви", "w": "дабл ю", "x": "икс", "y": "вай", "z": "зет"}

# --- Words of Russian titles: kinds, genders and forms (crude, ours) --------------------------------

RU_ADJECTIVE = re.compile(r"(ый|ий|ой|ая|яя|ое|ее|ые|ие)$")
BE_ADJECTIVE = re.compile(r"(ая|яя|ае|ое|ыя|ія)$")  # not -ы/-і: plural nouns end so too
PREPOSITIONS = {"для", "с", "со", "от", "на", "из", "в", "во", "под", "по", "без", "к", "и", "или", "с/", "из-под",
                "да", "з", "са", "ад", "у", "і", "без", "па"}
NEUTER_IE_NOUNS = re.compile(r"(ние|тие|лие|ение|ание|ье|ьё)$")  # «покрытие», «изделие», not adjectives
CYRILLIC_WORD = re.compile(r"^[а-яёіўʼ'-]+$")


def crude_stem(word):
    """Lowercase, ё→е, and up to two final vowels, й or ь cut: enough to tell «кофеварка» = «кофеварки»."""
    word = word.lower().replace("ё", "е")
    cut = 0
    while cut < 2 and len(word) > 3 and word[-1] in "аеиоуыэюяйьіў":
        word = word[:-1]
        cut += 1
    return word


def is_adjective(word, lang):
    if NEUTER_IE_NOUNS.search(word):
        return False
    return bool((BE_ADJECTIVE if lang == "be" else RU_ADJECTIVE).search(word)) and len(word) > 4


def title_words(title):
    return [w.strip(".,;:()«»\"'!?[]/") for w in title.split()]


def kind_in(words, lang):
    """(adjectives before the head, head) of a title's leading words, or None."""
    adjectives = []
    after_number = False
    for raw in words[:6]:
        word = raw.lower()
        if not word:
            continue
        if word in PREPOSITIONS:
            return None
        if not CYRILLIC_WORD.match(word) or len(word) < 3:
            after_number = any(ch.isdigit() for ch in word)
            if adjectives:  # «Капельная Bosch …»: an adjective, then a brand: no head
                return None
            continue
        if is_adjective(word, lang):
            if not after_number and not word.startswith("-"):
                adjectives.append(word)
            after_number = False
            continue
        if raw.upper() == raw and len(raw) <= 4:  # «ИБП», «ТВС»: an abbreviation, said the same in any number
            return tuple(adjectives), word, "abbreviation"
        return tuple(adjectives), word, "word"
    return None


def product_kind(product):
    """The kind of a product: from its title, else from the nearest category level that names one."""
    found = kind_in(title_words(product["title"]), product["language"])
    if found:
        return found
    for level in reversed(product["categoryPath"]):
        found = kind_in(title_words(level), product["language"])
        if found:
            return found
    return None


def noun_gender(noun):
    if "-" in noun:  # «веб-камера»: the last part declines
        return noun_gender(noun.split("-")[-1])
    if noun[-1] in "ыиі" and len(noun) > 3:
        return "pl"
    if noun[-1] in "ая":
        return "f"
    if noun[-1] in "оеё":
        return "n"
    if noun[-1] == "ь":  # «смеситель», «руль» are masculine; «память», «мышь», «кровать» feminine
        return "m" if noun[-2:-1] in ("л", "р", "н") else "f"
    return "m"


IRREGULAR_PLURALS = {"ковер": "ковры", "ковёр": "ковры", "стул": "стулья", "лед": "лёд", "кулер": "кулеры",
                     "котел": "котлы", "котёл": "котлы", "замок": "замки", "ремень": "ремни", "угол": "углы",
                     "брелок": "брелоки", "пень": "пни", "уголок": "уголки", "кувшин": "кувшины"}


def noun_plural(noun):
    if "-" in noun:
        head, _, last = noun.rpartition("-")
        return head + "-" + noun_plural(last)
    if noun in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[noun]
    gender = noun_gender(noun)
    if gender == "pl":
        return noun
    soft = noun[-2:-1] in ("г", "к", "х", "ж", "ш", "щ", "ч") if len(noun) > 1 else False
    if noun[-1] == "а":
        return noun[:-1] + ("и" if soft else "ы")
    if noun[-1] in "яйь":
        return noun[:-1] + "и"
    if noun[-1] == "о":
        return noun[:-1] + "а"
    if noun[-1] == "е":
        return noun[:-1] + "я"
    return noun + ("и" if noun[-1] in "гкхжшщч" else "ы")


def noun_accusative(noun):
    if "-" in noun:
        head, _, last = noun.rpartition("-")
        return head + "-" + noun_accusative(last)
    if noun_gender(noun) == "f" and noun[-1] in "ая":
        return noun[:-1] + ("у" if noun[-1] == "а" else "ю")
    return noun


def adjective_form(adjective, gender, accusative=False):
    """«чёрный» → «чёрная» / «чёрное» / «чёрные» / «чёрную»; also for «синий», «дорогой»."""
    match = RU_ADJECTIVE.search(adjective)
    if not match:
        return adjective
    stem, ending = adjective[: match.start()], match.group(1)
    soft = ending in ("яя", "ее") or (ending in ("ий", "ие") and stem[-1:] not in "гкхжшщч")
    hushing = stem[-1:] in "жшщч"
    stressed = ending == "ой"
    forms = {
        "m": "ий" if soft or (stem[-1:] in "гкхжшщч" and not stressed) else ("ой" if stressed else "ый"),
        "f": "яя" if soft else "ая",
        "n": "ее" if soft or (hushing and not stressed) else "ое",
        "pl": "ие" if soft or stem[-1:] in "гкхжшщч" else "ые",
    }
    if accusative and gender == "f":
        return stem + ("юю" if soft else "ую")
    return stem + forms.get(gender or "pl", forms["pl"])


# Belarusian names of common kinds: Russian head → (singular, plural, gender). Ours.
BE_KINDS = {
    "холодильник": ("халадзільнік", "халадзільнікі", "m"), "пылесос": ("пыласос", "пыласосы", "m"),
    "телевизор": ("тэлевізар", "тэлевізары", "m"), "чайник": ("чайнік", "чайнікі", "m"),
    "утюг": ("прас", "прасы", "m"), "кастрюля": ("каструля", "каструлі", "f"),
    "сковорода": ("патэльня", "патэльні", "f"), "зеркало": ("люстэрка", "люстэркі", "n"),
    "смеситель": ("змяшальнік", "змяшальнікі", "m"), "ванна": ("ванна", "ванны", "f"),
    "кофеварка": ("кававарка", "кававаркі", "f"), "кофемашина": ("кавамашына", "кавамашыны", "f"),
    "ноутбук": ("ноўтбук", "ноўтбукі", "m"), "телефон": ("тэлефон", "тэлефоны", "m"),
    "смартфон": ("смартфон", "смартфоны", "m"), "наушники": (None, "навушнікі", "pl"),
    "монитор": ("манітор", "маніторы", "m"), "подушка": ("падушка", "падушкі", "f"),
    "одеяло": ("коўдра", "коўдры", "f"), "светильник": ("свяцільня", "свяцільні", "f"),
    "лампа": ("лямпа", "лямпы", "f"), "люстра": ("люстра", "люстры", "f"), "миксер": ("міксер", "міксеры", "m"),
    "блендер": ("блендэр", "блендэры", "m"), "тостер": ("тостэр", "тостэры", "m"),
    "мультиварка": ("мультыварка", "мультыварк", "f"), "фен": ("фен", "фены", "m"),
    "шины": (None, "шыны", "pl"), "шина": ("шына", "шыны", "f"), "коляска": ("каляска", "каляскі", "f"),
    "колесо": ("кола", "колы", "n"), "плед": ("плед", "пледы", "m"), "полотенце": ("ручнік", "ручнікі", "m"),
    "кресло": ("крэсла", "крэслы", "n"), "стол": ("стол", "сталы", "m"), "стул": ("крэсла", "крэслы", "n"),
    "шторы": (None, "шторы", "pl"), "штора": ("штора", "шторы", "f"), "ковш": ("коўш", "каўшы", "m"),
    "тарелка": ("талерка", "талеркі", "f"), "чашка": ("кубак", "кубкі", "m"), "кружка": ("кубак", "кубкі", "m"),
    "унитаз": ("унітаз", "унітазы", "m"), "умывальник": ("умывальнік", "умывальнікі", "m"),
    "полотенцесушитель": ("ручнікасушыльнік", "ручнікасушыльнікі", "m"), "картина": ("карціна", "карціны", "f"),
    "кроссовки": (None, "красоўкі", "pl"), "часы": (None, "гадзіннік", "m"), "фильтр": ("фільтр", "фільтры", "m"),
"втулка": ("утулка", "утулкі", "f"), "перчатки": (None, "пальчаткі", "pl"),
    "набор": ("набор", "наборы", "m"), "корзина": ("кошык", "кошыкі", "m"), "контейнер": ("кантэйнер", "кантэйнеры", "m"),
    "кабель": ("кабель", "кабелі", "m"), "адаптер": ("адаптар", "адаптары", "m"), "диск": ("дыск", "дыскі", "m"),
}

# --- Colours, units and sizes (ours) ---------------------------------------------------------------

COLOURS = {  # canonical → (roots in titles, ru stem and type, be forms m/f/n/pl)
    "чёрный": (("черн", "чёрн", "чорн"), "чёрный", ("чорны", "чорная", "чорнае", "чорныя")),
    "белый": (("бел",), "белый", ("белы", "белая", "белае", "белыя")),
    "серый": (("сер", "шэр"), "серый", ("шэры", "шэрая", "шэрае", "шэрыя")),
    "красный": (("красн", "чырвон"), "красный", ("чырвоны", "чырвоная", "чырвонае", "чырвоныя")),
    "синий": (("син", "сін"), "синий", ("сіні", "сіняя", "сіняе", "сінія")),
    "зелёный": (("зелен", "зелён", "зялён"), "зелёный", ("зялёны", "зялёная", "зялёнае", "зялёныя")),
    "жёлтый": (("желт", "жёлт", "жоўт"), "жёлтый", ("жоўты", "жоўтая", "жоўтае", "жоўтыя")),
    "коричневый": (("коричнев", "карычнев"), "коричневый", ("карычневы", "карычневая", "карычневае", "карычневыя")),
    "розовый": (("розов", "ружов"), "розовый", ("ружовы", "ружовая", "ружовае", "ружовыя")),
    "серебристый": (("серебрист", "срэбн"), "серебристый", ("срэбны", "срэбная", "срэбнае", "срэбныя")),
    "бежевый": (("бежев", "бэжав"), "бежевый", ("бэжавы", "бэжавая", "бэжавае", "бэжавыя")),
    "голубой": (("голуб", "блакітн"), "голубой", ("блакітны", "блакітная", "блакітнае", "блакітныя")),
    "фиолетовый": (("фиолетов", "фіялетав"), "фиолетовый", ("фіялетавы", "фіялетавая", "фіялетавае", "фіялетавыя")),
    "оранжевый": (("оранжев", "аранжав"), "оранжевый", ("аранжавы", "аранжавая", "аранжавае", "аранжавыя")),
}
COLOUR_ENDINGS = "ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ую|юю|ых|их|ы|і|ае|ыя|ія|о"


COLOUR_WORD = re.compile(
    r"(?<![а-яёіў])(" + "|".join(sorted({root for roots, _, _ in COLOURS.values() for root in roots}, key=len, reverse=True))
    + r")(?:" + COLOUR_ENDINGS + r")(?![а-яёіў])")
COLOUR_OF_ROOT = {root: canonical for canonical, (roots, _, _) in COLOURS.items() for root in roots}


def colours_in(text):
    """Canonical colours a text names («черный», «Красно-белый», «(чорны)»)."""
    return {COLOUR_OF_ROOT[root] for root in COLOUR_WORD.findall(text.lower())}


UNITS = {  # unit in titles → (ru forms 1/2–4/5+, be forms, spoken after «на»? )
    "л": (("литр", "литра", "литров"), ("літр", "літры", "літраў")),
    "мл": (("миллилитр", "миллилитра", "миллилитров"), ("мілілітр", "мілілітры", "мілілітраў")),
    "кг": (("килограмм", "килограмма", "килограмм"), ("кілаграм", "кілаграмы", "кілаграмаў")),
    "вт": (("ватт", "ватта", "ватт"), ("ват", "ваты", "ват")),
    "см": (("сантиметр", "сантиметра", "сантиметров"), ("сантыметр", "сантыметры", "сантыметраў")),
    "мм": (("миллиметр", "миллиметра", "миллиметров"), ("міліметр", "міліметры", "міліметраў")),
    "гб": (("гигабайт", "гигабайта", "гигабайт"), ("гігабайт", "гігабайты", "гігабайт")),
    "дюйм": (("дюйм", "дюйма", "дюймов"), ("цаля", "цалі", "цаляў")),
}
UNIT_PATTERN = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d)?)\s?(л|мл|кг|вт|см|мм|гб|дюйм(?:ов|а)?|\")(?![а-яёa-z])",
                          re.IGNORECASE)
DIMENSIONS = re.compile(r"(?<![\d.,x×х])(\d{2,3})\s?[xх×]\s?(\d{2,3})(?![\d.,x×х])")
TYRE = re.compile(r"(\d{3})/(\d{2})\s?Z?R\s?(\d{2})", re.IGNORECASE)


def measures_in(product):
    """Sizes a product's title states: ("л", 5.0), ("x", "60x80"), ("tyre", (195, 65, 15))."""
    found = set()
    for number, unit in UNIT_PATTERN.findall(product["title"]):
        unit = unit.lower()
        unit = "дюйм" if unit.startswith("дюйм") or unit == '"' else unit
        found.add((unit, float(number.replace(",", "."))))
    for a, b in DIMENSIONS.findall(product["title"]):
        found.add(("x", f"{int(a)}x{int(b)}"))
    for width, profile, rim in TYRE.findall(product["title"]):
        found.add(("tyre", (int(width), int(profile), int(rim))))
    return found


# --- What shoppers say around the product (ours) -----------------------------------------------------

WAKE = {"ru": ["алиса", "алиса,", "слушай алиса", "маруся", "окей гугл", "ok google", "салют", "джой", "сбер"],
        "be": ["аліса", "алиса", "маруся", "окей гугл", "ok google"]}
FILLERS = {"ru": ["ну", "короче", "слушай", "эээ", "а", "вот", "типа", "это самое", "мм"],
           "be": ["ну", "слухай", "карацей", "эээ", "а", "во"]}
POLITE = {"ru": ["пожалуйста", "плиз"], "be": ["калі ласка"]}
# (template, intent or None when the frame is not clear-cut, grammatical case of the product)
KNOWN_FRAMES = {
    "ru": [("{x}", "search", "nom"), ("где купить {x}", "where_to_buy", "acc"),
           ("где можно купить {x}", "where_to_buy", "acc"), ("подскажи где купить {x}", "where_to_buy", "acc"),
           ("сколько стоит {x}", "price", "nom"), ("какая цена на {x}", "price", "acc"), ("почём {x}", "price", "nom"),
           ("есть ли в наличии {x}", "availability", "nom"), ("{x} есть в наличии", "availability", "nom"),
           ("найди {x}", "search", "acc"), ("покажи {x}", "search", "acc"), ("хочу заказать {x}", None, "acc"),
           ("мне нужен {x}", None, "nom")],
    "be": [("{x}", "search", "nom"), ("дзе купіць {x}", "where_to_buy", "acc"),
           ("дзе можна купіць {x}", "where_to_buy", "acc"), ("колькі каштуе {x}", "price", "nom"),
           ("якая цана {x}", "price", "nom"), ("ці ёсць у наяўнасці {x}", "availability", "nom"),
           ("ці ёсць {x}", "availability", "nom"), ("знайдзі {x}", "search", "acc"), ("пакажы {x}", "search", "acc")],
}
KIND_FRAMES = {  # frames for a kind: (template, intent, case or "pl" when only the plural fits)
    "ru": [("{x}", "search", "nom"), ("покажи {x}", "search", "acc"), ("найди {x}", "search", "acc"),
           ("какие есть {x}", None, "pl"), ("подбери {x}", None, "acc"), ("где купить {x}", "where_to_buy", "acc"),
           ("хочу посмотреть {x}", None, "pl")],
    "be": [("{x}", "search", "nom"), ("пакажы {x}", "search", "acc"), ("знайдзі {x}", "search", "acc"),
           ("якія ёсць {x}", None, "pl"), ("дзе купіць {x}", "where_to_buy", "acc")],
}


def dress(core, lang, rng, frames):
    """Wraps what the shopper names in a frame, a wake word, fillers and politeness. → (text, intent).

    core is a text, or a function from the frame's case ("nom", "acc", "pl") to a text.
    """
    template, intent, *rest = rng.choice(frames[lang])
    text = template.replace("{x}", core(rest[0] if rest else "nom") if callable(core) else core)
    if rng.random() < 0.25:
        text = rng.choice(FILLERS[lang]) + " " + text
    if rng.random() < 0.3:
        text = rng.choice(WAKE[lang]) + " " + text
    if rng.random() < 0.12:
        text = text + " " + rng.choice(POLITE[lang])
    return re.sub(r"\s+", " ", text).strip(), intent


# --- Catalogs: facts for labels ---------------------------------------------------------------------

def new_product(pid, title, path, price, currency, shop, vendor="", params=(), codes=(), description="",
                language="ru", url=""):
    return {"id": pid, "title": re.sub(r"\s+", " ", title.replace("\u00a0", " ")).strip(), "categoryPath": path,
            "category": " > ".join(path), "price": price, "currency": currency, "vendor": vendor or "",
            "params": list(params), "codes": [c for c in codes if c], "description": description,
            "language": language, "shop": shop, "url": url}


def load_21vek(slice_products, rng):
    """The 21vek.by scrape: one product per URL (its first category), id = the URL path."""
    records = []
    with open(VEK, encoding="utf-8") as file:
        for line in file:
            record = json.loads(line)
            records.append((record["category"].strip(), record["items"]))
    if slice_products:
        rng.shuffle(records)
        kept, total = [], 0
        for category, items in records:  # whole categories, skipping the very large ones
            if 10 <= len(items) <= slice_products // 10 and total < slice_products:
                kept.append((category, items))
                total += len(items)
        records = kept
    products, seen = [], set()
    for category, items in records:
        for item in items:
            url = item["url_product"]
            if url in seen:
                continue
            seen.add(url)
            pid = re.sub(r"^https?://[^/]+/", "", url).removesuffix(".html")
            products.append(new_product(pid, item["name"], [category], float(item["price"]), "BYN", "21vek", url=url))
    return products


def feed_products(path, shop):
    """A YML feed's offers as facts, the way `vitrina index` titles them (xml.etree, the declared encoding)."""
    root = ET.parse(path).getroot()
    categories = {c.get("id"): ((c.text or "").strip(), c.get("parentId") or c.get("parent_id"))
                  for c in root.iter("category")}
    currencies = {"RUR": "RUB"}

    def category_path(cid):
        path, seen = [], set()
        while cid in categories and cid not in seen:
            seen.add(cid)
            path.append(categories[cid][0])
            cid = categories[cid][1]
        return [level for level in reversed(path) if level]

    for offer in root.iter("offer"):
        text = lambda tag: (offer.findtext(tag) or "").strip()
        vendor, model = text("vendor"), text("model")
        title = text("name")
        if not title:
            said_vendor = "" if model.lower().startswith(vendor.lower()) else vendor
            title = " ".join(x for x in [text("typePrefix"), said_vendor, model] if x)
        if not title:
            continue  # a price/stock record, not a product
        try:
            price = float(text("price").replace(",", "."))
        except ValueError:
            price = None
        currency = text("currencyId")
        params = [(p.get("name") or "", (p.text or "").strip(), p.get("unit") or "") for p in offer.findall("param")]
        description = re.sub(r"<[^>]+>", " ", html_unescape(text("description")))
        yield new_product(offer.get("id"), title, category_path(text("categoryId")), price,
                          currencies.get(currency, currency), shop, vendor=vendor, params=params,
                          codes=[text("vendorCode"), text("barcode")], description=re.sub(r"\s+", " ", description),
                          url=text("url"))


def html_unescape(text):
    import html
    return html.unescape(text)


def load_feeds():
    """Every feed in import order; a later offer replaces an earlier one with the same id, as in the index."""
    products, replaced = {}, 0
    for name in FEED_FILES:
        for product in feed_products(os.path.join(FEEDS, name), name.split(".")[0]):
            replaced += product["id"] in products
            products.pop(product["id"], None)
            products[product["id"]] = product
    return list(products.values()), replaced


def load_synthetic(vitrina, count, out):
    path = os.path.join(out, "synthetic.products.jsonl")
    with open(path, "w", encoding="utf-8") as file:
        subprocess.run([vitrina, "generate", "--count", str(count)], stdout=file, check=True)
    products = []
    with open(path, encoding="utf-8") as file:
        for line in file:
            p = json.loads(line)
            params = [(x.get("name", ""), str(x.get("value", "")), x.get("unit", "")) for x in p.get("parameters", [])]
            products.append(new_product(p["id"], p.get("title", ""), p.get("categoryPath", []), p.get("price"),
                                        p.get("currency", "RUB"), "synthetic", vendor=p.get("vendor", ""),
                                        params=params, codes=[p.get("vendorCode"), p.get("barcode")],
                                        description=p.get("description", ""), language=p.get("language", "ru")))
    return products


# --- A catalog with what the classes need --------------------------------------------------------------

def normal_words(text):
    return [w for w in re.split(r"[^0-9a-zа-яёіў'’-]+", text.lower().replace("ё", "е")) if w.strip("-'’")]


NOT_BRANDS = {"оао", "ооо", "зао", "ип", "чуп", "new", "smart", "set", "mini", "pro", "max", "plus", "home", "style"}


class Catalog:
    """Products plus the lookups the query classes need: kinds, brands, duplicate titles, word postings."""

    def __init__(self, name, products, be_share, currency_for):
        self.name, self.products, self.be_share, self.currency_for = name, products, be_share, currency_for
        self.by_title = defaultdict(list)
        self.postings = defaultdict(set)
        self.heads = defaultdict(list)
        for index, p in enumerate(products):
            words = normal_words(p["title"])
            p["words"] = set(words)
            p["stems"] = {crude_stem(w) for w in words + normal_words(p["category"])}
            p["normal"] = " ".join(words)
            self.by_title[p["normal"]].append(p["id"])
            for w in set(words):
                self.postings[w].add(index)
            kind = product_kind(p)
            p["kind"] = kind
            p["head"] = crude_stem(kind[1]) if kind else None
            if p["head"]:
                self.heads[p["head"]].append(p)
            p["split"] = split_of(name, ("kind:" + p["head"]) if p["head"] else ("category:" + p["category"]))
            p["colours"] = colours_in(p["title"] + " " + " ".join(v for n, v, _ in p["params"] if "цвет" in n.lower()))
            p["measures"] = measures_in(p)
        self.brands = self.find_brands()
        self.split_by_id = {p["id"]: p["split"] for p in products}
        self.plurals = {}

    def category_plural(self, head, word):
        """A plural of the kind's word as the kind's category names spell it («Покрывала»), if they do."""
        if head not in self.plurals:
            words = Counter(w for p in self.heads[head] if p["categoryPath"]
                            for w in normal_words(p["categoryPath"][-1]))
            self.plurals[head] = [w for w, _ in words.most_common() if crude_stem(w) == head and noun_gender(w) == "pl"]
        return next((w for w in self.plurals[head] if w != word), None)

    def head_split(self, head):
        return split_of(self.name, "kind:" + head)

    def find_brands(self):
        """product id → (brand word as in the title, lowercased; how to write it in `expected.vendor`)."""
        guesses, spelled = {}, defaultdict(Counter)
        for p in self.products:
            words = p["title"].split()
            lower = [w.lower().strip(".,()«»\"") for w in words]
            vendor = p["vendor"].strip()
            if vendor and vendor.split()[0].lower() in lower:
                guesses[p["id"]] = (vendor.split()[0].lower(), vendor)
                continue
            after_head = False
            for raw, word in zip(words[:6], lower[:6]):
                clean = raw.strip(".,()«»\"")
                if p["kind"] and word == p["kind"][1]:
                    after_head = True
                    continue
                starts_latin = re.fullmatch(r"[A-Za-z][A-Za-z'&.-]+", clean) is not None
                capital = (clean[:1].isupper() and re.fullmatch(r"[^\W\d_][\w'&.-]{2,}", clean) is not None
                           and not any(ch.isdigit() for ch in clean) and not colours_in(clean)
                           and not is_adjective(word, p["language"]))
                if capital and (after_head or (starts_latin and raw is words[0])):
                    guesses[p["id"]] = (word, None)
                    spelled[word][clean] += 1
                    break
        counts = Counter(word for word, _ in guesses.values())
        lowercase = {w for p in self.products for w in p["title"].split() if w[:1].islower()} | NOT_BRANDS
        return {pid: (word, vendor or spelled[word].most_common(1)[0][0])
                for pid, (word, vendor) in guesses.items()
                if counts[word] >= 3 and (vendor or word not in lowercase)}

    def kinds(self, minimum=5):
        """Heads that name one kind: enough products, mostly in one category, all in one split."""
        result = []
        for head, members in self.heads.items():
            categories = Counter(p["category"] for p in members)
            if len(members) >= minimum and categories.most_common(1)[0][1] >= 0.6 * len(members):
                result.append(head)
        return sorted(result)

    def phrases(self, head):
        """The ways titles name a kind: (adjectives, head word, abbreviation?) with counts."""
        return Counter((p["kind"][0], p["kind"][1], p["kind"][2] == "abbreviation") for p in self.heads[head])

    def unique(self, words, product):
        """True when only products titled exactly like `product` contain every one of `words`."""
        sets = [self.postings.get(w, set()) for w in words]
        if not sets:
            return False
        matches = set.intersection(*sorted(sets, key=len))
        return all(self.products[i]["normal"] == product["normal"] for i in matches)


def split_of(catalog, unit):
    """dev or test, by a stable hash of the product's kind (or category): never both for one unit."""
    digest = hashlib.sha1(f"{catalog}|{unit}".encode()).hexdigest()
    return "test" if int(digest[:8], 16) % 2 else "dev"


# --- Saying a kind -----------------------------------------------------------------------------------

class Kind:
    """A kind as one query names it: its head, the adjectives said, singular and plural forms."""

    def __init__(self, catalog, head, adjectives, word, lang, rng, abbreviation=False):
        self.head, self.adjectives, self.lang = head, adjectives, lang
        gender = "m" if abbreviation else noun_gender(word)
        plural_word = catalog.category_plural(head, word)
        self.plural_sure = plural_word is not None or word in IRREGULAR_PLURALS or gender == "pl" or abbreviation
        plural_word = plural_word or noun_plural(word)
        if gender == "pl" or abbreviation:
            plural_word = word
        self.gender = gender
        self.singular = None if gender in ("pl", None) else " ".join(adjectives + (word,))
        self.singular_acc = None if self.singular is None else " ".join(
            [adjective_form(a, gender, accusative=True) for a in adjectives] + [noun_accusative(word)])
        self.plural = " ".join([adjective_form(a, "pl") for a in adjectives] + [plural_word])
        if lang == "be" and word in BE_KINDS and not adjectives:
            be_singular, be_plural, be_gender = BE_KINDS[word]
            self.singular, self.singular_acc, self.plural, self.gender = be_singular, be_singular, be_plural, be_gender
            if be_gender == "f" and be_singular:
                self.singular_acc = be_singular[:-1] + "у"
            if be_singular is None:
                self.singular = self.singular_acc = None

    def matches(self, product):
        return product["head"] == self.head and all(crude_stem(a) in product["stems"] for a in self.adjectives)

    def plural_said(self, rng, plural_share=0.6):
        """Whether this query names the kind in the plural (rarely when the plural is only our guess)."""
        return self.singular is None or rng.random() < (plural_share if self.plural_sure else plural_share / 4)

    def form(self, case, plural):
        """The kind in a frame's case: nominative, accusative, or "pl" where only the plural fits."""
        if plural or case == "pl" or self.singular is None:
            return self.plural
        return self.singular_acc if case == "acc" else self.singular

    def gender_in(self, case, plural):
        return "pl" if plural or case == "pl" or self.singular is None else self.gender


def pick_kind(catalog, head, rng, lang):
    phrases = catalog.phrases(head)
    (adjectives, word, abbreviation), = rng.choices(list(phrases), weights=list(phrases.values()))
    if adjectives and rng.random() < 0.4:
        adjectives = ()
    return Kind(catalog, head, adjectives, word, lang, rng, abbreviation)


def language_for(catalog, rng, product=None):
    if product is not None and catalog.name == "synthetic":
        return product["language"]
    return "be" if rng.random() < catalog.be_share else "ru"


def kind_language(catalog, head, rng):
    """Synthetic kinds are ru or be by their own words; real catalogs' kinds are said in either."""
    if catalog.name == "synthetic":
        return Counter(p["language"] for p in catalog.heads[head]).most_common(1)[0][0]
    return "be" if rng.random() < catalog.be_share else "ru"


def priced(catalog, kind, currency):
    return [p for h in [kind.head] for p in catalog.heads[h]
            if kind.matches(p) and p["price"] and p["price"] > 0 and p["currency"] == currency]


def nice_amount(value):
    """The round amount a shopper would say near `value`: 450 → 450, 437 → 400, 1234 → 1200."""
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    candidates = [m * magnitude for m in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9, 10)]
    return int(min(candidates, key=lambda c: abs(c - value)))


def expected(intent, sort="relevance", price=None, vendor=None, colour=None, lang="ru"):
    result = {"sort": sort, "price": price}
    if intent is not None:
        result["intent"] = intent
    if vendor is not None:
        result["vendor"] = vendor
    if colour is not None:
        result["color"] = colour
    return result


# --- Query classes ------------------------------------------------------------------------------------

CODE = re.compile(r"^(?=.*\d)(?=.*[a-zа-я])[a-zа-я0-9./-]+$")
MEASURE_GLUED = re.compile(r"^(\d+(?:[.,]\d+)?)(л|мл|кг|вт|см|мм|гб|тб|м|г|шт)$")


def say_code(token, rng):
    """«XMP-1400» as heard: «xmp-1400», «xmp1400», «xmp 1400», or short letter runs by their names.

    Digit groups apart stay apart («04/35/02» → «04 35 02»): joining them would say another number.
    """
    parts = re.findall(r"[a-z]+|[а-яё]+|\d+|[^a-zа-яё\d]+", token)
    runs = [p for p in parts if p.isalnum()]
    roll = rng.random()
    if roll < 0.3:
        return token
    if roll < 0.5:
        joined = runs[:1]
        for previous, run in zip(runs, runs[1:]):
            joined.append(run if previous.isdigit() != run.isdigit() else " " + run)
        return "".join(joined)
    if roll < 0.92 or len(token) > 6 or not any(r.isalpha() and r.isascii() and len(r) <= 2 for r in runs):
        return " ".join(runs)
    return " ".join(" ".join(LETTER_NAMES[c] for c in r) if r.isascii() and r.isalpha() and len(r) <= 2 else r
                    for r in runs)


def say_number(token, lang, rng):
    number = int(token)
    if token.startswith("0") or number > 9999:
        return token
    if number <= 100 and rng.random() < 0.5:
        return spell(number, lang)
    if 1000 <= number <= 9999 and number % 100 >= 10 and rng.random() < 0.15:  # «4621» → «сорок шесть двадцать один»
        return spell(number // 100, lang) + " " + spell(number % 100, lang)
    return token


def say_measure(number, unit, lang, rng):
    forms = UNITS.get(unit)
    if not forms or (unit != "дюйм" and rng.random() < 0.3):
        return number + " " + unit if rng.random() < 0.5 else number + unit
    forms = forms[0 if lang == "ru" else 1]
    if re.fullmatch(r"\d+", number):
        value = int(number)
        words = spell(value, lang) if value <= 1000 and rng.random() < 0.5 else number
        return f"{words} {forms[plural_slot(value)]}"
    return f"{number.replace('.', ',')} {forms[1]}"


def known_item(catalog, rng, count):
    """One product, named as a shopper would: its kind, brand in Cyrillic, numbers in words, a frame."""
    queries, pool = [], list(catalog.products)
    by_shop = defaultdict(list)
    for p in pool:
        by_shop[p["shop"]].append(p)
    shops = sorted(by_shop)
    attempts = 0
    while len(queries) < count and attempts < count * 20:
        attempts += 1
        product = rng.choice(by_shop[shops[attempts % len(shops)]])
        duplicates = catalog.by_title[" ".join(normal_words(product["title"]))]
        if len({catalog_split(catalog, pid) for pid in duplicates}) > 1 or len(normal_words(product["title"])) < 2:
            continue
        lang = language_for(catalog, rng, product)
        spoken = speak_title(catalog, product, lang, rng)
        if spoken is None:
            continue
        text, intent = spoken
        brand = catalog.brands.get(product["id"])
        vendor = [brand[1]] if brand and product["vendor"] and brand[1] == product["vendor"] else None
        queries.append(("known_item", product["split"], text, lang,
                        expected(intent, vendor=vendor), {pid: 2 for pid in duplicates}))
    return queries


def catalog_split(catalog, pid):
    return catalog.split_by_id[pid]


def speak_title(catalog, product, lang, rng):
    """The title as said: a long one cut to what names the product (its kind, brand, codes, first words),
    some words dropped, as long as what is left still names only this product (or its exact duplicates)."""
    brand = (catalog.brands.get(product["id"]) or (None,))[0]
    head = product["kind"][1] if product["kind"] else None
    title = html_unescape(product["title"])  # «&quot;» in a feed's name is a quote mark on the page
    split = lambda text: [t for t in re.split(r"[\s()«»\"“”,;|]+", text.lower()) if t and t not in ("-", "/", "—", "–")]
    full = split(title)
    main = split(re.split(r"\s[/|—]\s|,\s|\s\(", title)[0])
    codes = [t for t in full if sum(c.isdigit() for c in t) >= 3 and t not in main]
    short = main[:3] + [t for t in main[3:] if t == brand or any(c.isdigit() for c in t)] + codes
    candidates = [full]
    if len(full) > 4 and rng.random() < 0.7:
        candidates.insert(0, main + codes)
    if len(full) > 6 and rng.random() < 0.7:
        candidates.insert(0, short)
    tokens = None
    for candidate in candidates:
        droppable = [i for i, t in enumerate(candidate) if t not in (brand, head) and not any(c.isdigit() for c in t)]
        if droppable and len(candidate) > 2 and rng.random() < 0.3:
            dropped = list(candidate)
            dropped.pop(rng.choice(droppable))
            if catalog.unique([w for t in dropped for w in normal_words(t)], product):
                tokens = dropped
                break
        if catalog.unique([w for t in candidate for w in normal_words(t)], product):
            tokens = candidate
            break
    if tokens is None:
        return None
    template, intent, case = rng.choice(KNOWN_FRAMES[lang])
    words = []
    for i, token in enumerate(tokens):
        token = token.strip(".")
        glued = MEASURE_GLUED.match(token)
        if token == brand and re.search(r"[a-z]", token):
            words.append(cyrillic_brand(token, rng) if rng.random() < 0.75 else token)
        elif token.startswith("№"):
            words.append(("номер " if rng.random() < 0.3 else "") + token[1:])
        elif token.isdigit():
            words.append(say_number(token, lang, rng))
        elif glued:
            words.append(say_measure(glued.group(1), glued.group(2), lang, rng))
        elif CODE.match(token):
            words.append(say_code(token, rng))
        elif re.fullmatch(r"[a-z][a-z'&-]{2,}", token):
            words.append(cyrillic_brand(token, rng) if rng.random() < 0.3 else token)
        elif i < 3 and case == "acc" and CYRILLIC_WORD.match(token) and noun_gender(head or "") == "f":
            words.append(adjective_form(token, "f", accusative=True) if RU_ADJECTIVE.search(token)
                         else noun_accusative(token) if token == head else token)
        elif lang == "be" and token == head and token in BE_KINDS and BE_KINDS[token][0] and rng.random() < 0.5:
            words.append(BE_KINDS[token][0])
        else:
            words.append(token)
    core = " ".join(words)
    text, _ = dress(core, lang, rng, {lang: [(template, intent)]})
    return text, intent


def category_price(catalog, rng, count):
    """A kind and a price limit: «холодильники до тысячи рублей», «пыласосы ад ста да трохсот рублёў»."""
    queries, heads = [], catalog.kinds()
    for _ in range(count * 10):
        if len(queries) >= count or not heads:
            break
        head = rng.choice(heads)
        lang = kind_language(catalog, head, rng)
        kind = pick_kind(catalog, head, rng, lang)
        currency = catalog.currency_for(catalog, kind, lang)
        products = priced(catalog, kind, currency)
        if len(products) < 5:
            continue
        prices = sorted(p["price"] for p in products)
        high = nice_amount(prices[int(len(prices) * rng.uniform(0.2, 0.8))])
        low = None
        if rng.random() < 0.25:
            low = nice_amount(prices[int(len(prices) * rng.uniform(0.0, 0.2))])
            if low >= high:
                low = None
        relevant = {p["id"]: 1 for p in products if p["price"] <= high and (low is None or p["price"] >= low)}
        if not relevant:
            continue
        limit = say_limit(low, high, lang, currency, rng)
        plural, first = kind.plural_said(rng), rng.random() < 0.1 and not limit.split()[-1].isdigit()
        core = lambda case: f"{limit} {kind.form(case, plural)}" if first else f"{kind.form(case, plural)} {limit}"
        text, intent = dress(core, lang, rng, KIND_FRAMES)
        price = {"min": low, "max": high, "currency": currency}
        queries.append(("category_price", catalog.head_split(head), text, lang,
                        expected(intent, price=price, vendor=[], colour=[] if not colours_in(text) else None),
                        relevant))
    return queries


def say_limit(low, high, lang, currency, rng):
    unit = rng.random() >= 0.15  # the currency word is sometimes left out: «до пятисот»
    amount = lambda n, case: money(n, lang, currency, case, rng) if unit else (
        str(int(n)) if rng.random() < 0.35 else spell(n, lang, case))
    if currency == "BYN" and lang == "ru" and unit and rng.random() < 0.1:
        amount = lambda n, case: money(n, lang, currency, case, rng).replace("рубл", "белорусских рубл")
    if low is not None:
        first = str(int(low)) if rng.random() < 0.35 else spell(low, lang, "gen")
        return (f"от {first} до " if lang == "ru" else f"ад {first} да ") + amount(high, "gen")
    if lang == "ru":
        template, case = rng.choice([("до {}", "gen"), ("дешевле {}", "gen"), ("не дороже {}", "gen"),
                                     ("не больше {}", "gen"), ("в пределах {}", "gen"), ("меньше чем за {}", "acc")])
    else:
        template, case = rng.choice([("да {}", "gen"), ("танней за {}", "acc"), ("не даражэй за {}", "acc"),
                                     ("не больш за {}", "acc")])
    return template.format(amount(high, case))


SUPERLATIVES = {
    ("ru", "cheapest"): ["самый дешёвый", "самый недорогой", "самый бюджетный", "самый дешевый"],
    ("ru", "dearest"): ["самый дорогой", "самый дорогущий"],
    ("be", "cheapest"): ["самы танны"],
    ("be", "dearest"): ["самы дарагі"],
}
BE_SUPERLATIVE_FORMS = {"самы танны": {"m": "самы танны", "f": "самая танная", "n": "самае таннае",
                                       "pl": "самыя танныя", "f_acc": "самую танную"},
                        "самы дарагі": {"m": "самы дарагі", "f": "самая дарагая", "n": "самае дарагое",
                                        "pl": "самыя дарагія", "f_acc": "самую дарагую"}}


def extreme(catalog, rng, count, which):
    """«самый дешёвый X» / «самая дорогая X»: the kind's lowest or highest price (ties all relevant)."""
    queries, heads = [], catalog.kinds()
    for _ in range(count * 10):
        if len(queries) >= count or not heads:
            break
        head = rng.choice(heads)
        lang = kind_language(catalog, head, rng)
        kind = pick_kind(catalog, head, rng, lang)
        currency = catalog.currency_for(catalog, kind, lang)
        products = priced(catalog, kind, currency)
        if len(products) < 3:
            continue
        best = (min if which == "cheapest" else max)(p["price"] for p in products)
        relevant = {p["id"]: 2 for p in products if p["price"] == best}
        phrase = rng.choice(SUPERLATIVES[(lang, which)])
        plural = kind.plural_said(rng, plural_share=0.25)
        frame = rng.random()
        case = "acc" if frame < 0.3 else "nom"
        gender = kind.gender_in(case, plural)
        named = kind.form(case, plural)
        accusative = case == "acc" and gender == "f"
        if lang == "ru":
            words = [adjective_form(w, gender, accusative) if RU_ADJECTIVE.search(w) else w for w in phrase.split()]
            said = " ".join(words) + " " + named
            verb, question = "покажи", adjective_form("какой", gender)
        else:
            said = BE_SUPERLATIVE_FORMS[phrase]["f_acc" if accusative else gender] + " " + named
            verb, question = "пакажы", {"m": "які", "f": "якая", "n": "якое", "pl": "якія"}[gender]
        if frame < 0.3:
            core, intent = f"{verb} {said}", "search"
        elif frame < 0.45:
            core, intent = f"{question} {said}", None
        else:
            core, intent = said, "search"
        text, _ = dress(core, lang, rng, {lang: [("{x}", intent)]})
        sort = "price_asc" if which == "cheapest" else "price_desc"
        queries.append((which, catalog.head_split(head), text, lang,
                        expected(intent, sort=sort, vendor=[], colour=[] if not colours_in(text) else None),
                        relevant))
    return queries


def brand_kind(catalog, rng, count):
    """A brand and a kind: «пылесос самсунг», «холодильники атлант», «швейные машины фирмы джаноме»."""
    groups = defaultdict(list)
    for p in catalog.products:
        brand = catalog.brands.get(p["id"])
        if brand and p["head"]:
            groups[(p["head"], brand[0])].append(p)
    kinds = set(catalog.kinds(3))
    keys = sorted(k for k, members in groups.items() if len(members) >= 2 and k[0] in kinds)
    queries = []
    for _ in range(count * 10):
        if len(queries) >= count or not keys:
            break
        head, brand = rng.choice(keys)
        lang = kind_language(catalog, head, rng)
        kind = pick_kind(catalog, head, rng, lang)
        relevant = {p["id"]: 1 for p in groups[(head, brand)] if kind.matches(p)}
        if not relevant:
            continue
        vendor = Counter(catalog.brands[pid][1] for pid in relevant).most_common(1)[0][0]
        said_brand = cyrillic_brand(brand, rng) if re.search(r"[a-z]", brand) and rng.random() < 0.7 else brand
        plural = kind.plural_said(rng, plural_share=0.5)
        patterns = (["{k} {b}", "{b} {k}", "{k} фирмы {b}", "{k} от {b}", "{k} марки {b}"] if lang == "ru"
                    else ["{k} {b}", "{b} {k}", "{k} фірмы {b}"])
        pattern = rng.choice(patterns)
        core = lambda case: pattern.format(k=kind.form(case, plural), b=said_brand)
        text, intent = dress(core, lang, rng, KIND_FRAMES)
        queries.append(("brand_kind", catalog.head_split(head), text, lang,
                        expected(intent, vendor=[vendor], colour=[] if not colours_in(text) else None), relevant))
    return queries


def attribute(catalog, rng, count):
    """A kind with a colour, size or volume from titles: «чёрный чайник», «кастрюля 5 литров», «шины 195/65 r15»."""
    choices = []
    for head in catalog.kinds():
        members = catalog.heads[head]
        for colour, n in Counter(c for p in members for c in p["colours"]).items():
            if 2 <= n <= 0.7 * len(members):
                choices.append((head, "colour", colour))
        for measure, n in Counter(m for p in members for m in p["measures"]).items():
            if 2 <= n <= 0.7 * len(members):
                choices.append((head, "measure", measure))
    choices.sort(key=repr)
    queries = []
    for _ in range(count * 10):
        if len(queries) >= count or not choices:
            break
        head, what, value = rng.choice(choices)
        lang = kind_language(catalog, head, rng)
        kind = pick_kind(catalog, head, rng, lang)
        has = (lambda p: value in p["colours"]) if what == "colour" else (lambda p: value in p["measures"])
        relevant = {p["id"]: 1 for p in catalog.heads[head] if kind.matches(p) and has(p)}
        if not relevant:
            continue
        plural = kind.plural_said(rng, plural_share=0.5)
        if what == "colour":
            core = say_colour(kind, plural, value, lang, rng)
        else:
            size = say_size(value, lang, rng)
            core = lambda case: size.format(kind.form(case, plural))
        text, intent = dress(core, lang, rng, KIND_FRAMES)
        queries.append(("attribute", catalog.head_split(head), text, lang,
                        expected(intent, vendor=[], colour=[value] if what == "colour" else []), relevant))
    return queries


def say_colour(kind, plural, colour, lang, rng):
    """A function from the frame's case to «чёрный чайник», «кастрюлю красную», «шторы белого цвета»."""
    pattern = rng.choice(["{c} {k}", "{k} {c}", "{k} {g} цвета"] if lang == "ru" else ["{c} {k}", "{k} {c}"])

    def said(case):
        gender = kind.gender_in(case, plural)
        if lang == "ru":
            adjective = adjective_form(COLOURS[colour][1], gender, accusative=case == "acc")
            genitive = COLOURS[colour][1][:-2] + ("его" if COLOURS[colour][1].endswith("ий") else "ого")
        else:
            adjective = dict(zip(("m", "f", "n", "pl"), COLOURS[colour][2]))[gender]
            if case == "acc" and gender == "f":
                adjective = adjective[:-2] + "ую"
            genitive = adjective
        return pattern.format(c=adjective, k=kind.form(case, plural), g=genitive)

    return said


def say_size(measure, lang, rng):
    """A pattern with {} for the kind: «{} 195/65 r15», «{} на пять литров», «{} размером 60 на 80»."""
    unit, value = measure
    if unit == "tyre":
        width, profile, rim = value
        r = "р" if rng.random() < 0.3 else "r"
        return rng.choice([f"{{}} {width}/{profile} {r}{rim}", f"{{}} {width} {profile} {r}{rim}",
                           f"{{}} {width} на {profile} {r}{rim}", f"{{}} {width}/{profile} радиус {rim}"])
    if unit == "x":
        a, b = value.split("x")
        joiner = rng.choice([" на ", " х "]) if lang == "ru" else " на "
        if rng.random() < 0.5:
            a, b, joiner = spell(int(a), lang), spell(int(b), lang), " на "
        return rng.choice([f"{{}} {a}{joiner}{b}", f"{{}} размером {a}{joiner}{b}" if lang == "ru"
                           else f"{{}} памерам {a}{joiner}{b}"])
    number = str(int(value)) if value == int(value) else str(value)
    spoken = say_measure(number, unit, lang, rng)
    return rng.choice([f"{{}} {spoken}", f"{{}} на {spoken}"])


# --- Writing the sets ------------------------------------------------------------------------------------

def byn(catalog, kind, lang):
    return "BYN"


def majority_currency(catalog, kind, lang):
    return Counter(p["currency"] for p in catalog.heads[kind.head] if p["currency"]).most_common(1)[0][0]


def by_language(catalog, kind, lang):
    return "BYN" if lang == "be" else "RUB"


def make_sets(catalog, rng, per_class):
    half = max(1, per_class // 2)
    raw = (known_item(catalog, rng, per_class) + category_price(catalog, rng, per_class)
           + extreme(catalog, rng, half, "cheapest") + extreme(catalog, rng, half, "dearest")
           + brand_kind(catalog, rng, per_class) + attribute(catalog, rng, per_class))
    lines, seen, numbers = [], set(), Counter()
    for query_class, split, text, lang, wanted, relevant in raw:
        if text in seen:
            continue
        seen.add(text)
        numbers[query_class] += 1
        lines.append({"id": f"{catalog.name}-{query_class}-{numbers[query_class]:04d}", "class": query_class,
                      "catalog": catalog.name, "split": split, "query": text, "language": lang,
                      "expected": wanted, "relevant": relevant})
    return lines


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as file:
        for row in rows:
            file.write(json.dumps(row, ensure_ascii=False) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(ROOT, ".build", "eval"))
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--per-class", type=int, default=None,
                        help="queries per class and catalog (cheapest and dearest get half each); "
                             "default 200, or 40 with --slice")
    parser.add_argument("--slice", type=int, default=0, help="about N 21vek products (whole categories), for CI")
    parser.add_argument("--synthetic-count", type=int, default=None, help="default 100000, or 3000 with --slice")
    parser.add_argument("--vitrina", default=os.path.join(ROOT, ".build", "release", "vitrina"))
    parser.add_argument("--catalogs", default="21vek,feeds,synthetic")
    args = parser.parse_args()
    per_class = args.per_class or (40 if args.slice else 200)
    synthetic_count = args.synthetic_count or (3000 if args.slice else 100_000)
    out = os.path.abspath(args.out)
    if os.path.commonpath([out, ROOT]) == ROOT and not out.startswith(os.path.join(ROOT, ".build")):
        sys.exit(f"refusing to write derived third-party data into the repository: {out} (use .build/ or elsewhere)")
    os.makedirs(out, exist_ok=True)
    wanted = args.catalogs.split(",")
    manifest = {"seed": args.seed, "perClass": per_class, "slice": args.slice, "catalogs": {}}
    for name in wanted:
        rng = random.Random(f"{args.seed}-{name}")
        if name == "21vek":
            if not os.path.exists(VEK):
                print(f"skipped 21vek: {VEK} is absent", file=sys.stderr)
                continue
            products = load_21vek(args.slice, rng)
            index_files = [os.path.join(out, "21vek.products.jsonl")]
            write_jsonl(index_files[0], ({"id": p["id"], "title": p["title"], "category": p["category"],
                                          "price": p["price"], "currency": "BYN", "url": p["url"], "language": "ru"}
                                         for p in products))
            catalog, replaced = Catalog(name, products, 0.3, byn), 0
        elif name == "feeds":
            if not os.path.isdir(FEEDS):
                print(f"skipped feeds: {FEEDS} is absent", file=sys.stderr)
                continue
            products, replaced = load_feeds()
            index_files = [os.path.abspath(os.path.join(FEEDS, f)) for f in FEED_FILES]
            catalog = Catalog(name, products, 0.1, majority_currency)
        elif name == "synthetic":
            if not os.path.exists(args.vitrina):
                print(f"skipped synthetic: no {args.vitrina} (swift build -c release)", file=sys.stderr)
                continue
            products, replaced = load_synthetic(args.vitrina, synthetic_count, out), 0
            index_files = [os.path.join(out, "synthetic.products.jsonl")]
            catalog = Catalog(name, products, 0.0, by_language)
        else:
            sys.exit(f"unknown catalog {name!r} (21vek, feeds, synthetic)")
        lines = make_sets(catalog, rng, per_class)
        for split in ("dev", "test"):
            write_jsonl(os.path.join(out, f"{name}.{split}.jsonl"), (l for l in lines if l["split"] == split))
        write_jsonl(os.path.join(out, f"{name}.facts.jsonl"),
                    ({"id": p["id"], "title": p["title"], "vendor": p["vendor"], "category": p["category"],
                      "description": p["description"]} for p in products))
        counts = Counter((l["split"], l["class"]) for l in lines)
        manifest["catalogs"][name] = {
            "index": index_files, "documents": len(products), "replacedOnImport": replaced,
            "facts": os.path.join(out, f"{name}.facts.jsonl"),
            "queries": {split: {c: counts[(split, c)] for c in sorted({c for _, c in counts})} for split in ("dev", "test")},
            "files": {split: os.path.join(out, f"{name}.{split}.jsonl") for split in ("dev", "test")},
        }
        print(f"{name}: {len(products):,} products, {len(lines)} queries "
              + ", ".join(f"{c} {counts[('dev', c)]}+{counts[('test', c)]}" for c in sorted({c for _, c in counts})),
              file=sys.stderr)
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as file:
        json.dump(manifest, file, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
