#!/usr/bin/env python3
"""Writes Vitrina's voice query sets with expected parses and graded relevant products.

Queries are built from templates over the sample catalogs in Catalogs/ (our own data). The
expected parse is known by construction (the template says which intent, price, brand, colour
and order it speaks), and relevance is computed from the catalog's facts — category, brand, price,
colour, stock — never from Vitrina's own search, so the sets can judge it:
  grade 2: the product satisfies every constraint the query states;
  grade 1: right kind of product and brand, but it misses the price or colour (a near miss);
  sorted queries ("самый дешёвый X"): the three best by that order get 2, 1, 1.
Deterministic: the same catalogs give the same files.
Run: python3 Queries/tools/make_queries.py
"""
import csv
import json
import os
import random
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.dirname(HERE)


def read_yml(path, encoding):
    with open(path, encoding=encoding) as file:
        text = file.read()
    root = ET.fromstring(text.split("?>", 1)[1])
    categories = {c.get("id"): c.text for c in root.iter("category")}
    products = []
    for offer in root.iter("offer"):
        params = {p.get("name"): p.text for p in offer.iter("param")}
        products.append(dict(
            id=offer.get("id"), category=categories[offer.find("categoryId").text],
            vendor=offer.find("vendor").text, price=float(offer.find("price").text),
            available=offer.get("available") == "true",
            colour=params.get("Цвет") or params.get("Колер"), discount=offer.find("oldprice") is not None))
    return products


# Category → (nominative sg, accusative sg, genitive sg, nominative pl, genitive pl)
RU_FORMS = {
    "Телевизоры": ("телевизор", "телевизор", "телевизора", "телевизоры", "телевизоров"),
    "Смартфоны": ("смартфон", "смартфон", "смартфона", "смартфоны", "смартфонов"),
    "Наушники": ("наушники", "наушники", "наушников", "наушники", "наушников"),
    "Ноутбуки": ("ноутбук", "ноутбук", "ноутбука", "ноутбуки", "ноутбуков"),
    "Пылесосы": ("пылесос", "пылесос", "пылесоса", "пылесосы", "пылесосов"),
    "Роботы-пылесосы": ("робот пылесос", "робот пылесос", "робота пылесоса", "роботы пылесосы", "роботов пылесосов"),
    "Холодильники": ("холодильник", "холодильник", "холодильника", "холодильники", "холодильников"),
    "Стиральные машины": ("стиральная машина", "стиральную машину", "стиральной машины", "стиральные машины",
                          "стиральных машин"),
    "Чайники": ("чайник", "чайник", "чайника", "чайники", "чайников"),
    "Микроволновые печи": ("микроволновая печь", "микроволновую печь", "микроволновой печи", "микроволновые печи",
                           "микроволновых печей"),
    "Кофемашины": ("кофемашина", "кофемашину", "кофемашины", "кофемашины", "кофемашин"),
    "Блендеры": ("блендер", "блендер", "блендера", "блендеры", "блендеров"),
}
BE_FORMS = {
    "Тэлевізары": ("тэлевізар", "тэлевізар", "тэлевізара", "тэлевізары", "тэлевізараў"),
    "Смартфоны": ("смартфон", "смартфон", "смартфона", "смартфоны", "смартфонаў"),
    "Навушнікі": ("навушнікі", "навушнікі", "навушнікаў", "навушнікі", "навушнікаў"),
    "Пыласосы": ("пыласос", "пыласос", "пыласоса", "пыласосы", "пыласосаў"),
    "Халадзільнікі": ("халадзільнік", "халадзільнік", "халадзільніка", "халадзільнікі", "халадзільнікаў"),
    "Пральныя машыны": ("пральная машына", "пральную машыну", "пральнай машыны", "пральныя машыны", "пральных машын"),
    "Чайнікі": ("чайнік", "чайнік", "чайніка", "чайнікі", "чайнікаў"),
    "Мікрахвалевыя печы": ("мікрахвалевая печ", "мікрахвалевую печ", "мікрахвалевай печы", "мікрахвалевыя печы",
                           "мікрахвалевых печаў"),
    "Кававаркі і кавамашыны": ("кавамашына", "кавамашыну", "кавамашыны", "кавамашыны", "кавамашын"),
}
SPOKEN_BRANDS = {
    "Samsung": "самсунг", "LG": "элджи", "Xiaomi": "ксяоми", "Apple": "эпл", "Philips": "филипс", "Bosch": "бош",
    "Sony": "сони", "Dyson": "дайсон", "ATLANT": "атлант", "Haier": "хайер", "HONOR": "хонор", "Lenovo": "леново",
    "ASUS": "асус", "Tefal": "тефаль", "Redmond": "редмонд", "De'Longhi": "делонги", "Braun": "браун",
    "Midea": "мидея", "JBL": "джибиэль", "Roborock": "роборок", "Dreame": "дриме", "HP": "hp", "HUAWEI": "хуавей",
    "Horizont": "гарызонт", "Sennheiser": "сенхайзер", "iRobot": "айробот", "Krups": "крупс", "Saeco": "саеко",
    "realme": "реалми", "Kitfort": "китфорт", "Polaris": "поларис", "BBK": "ббк",
}
RU_THOUSANDS_GEN = {3: "трёх", 5: "пяти", 10: "десяти", 15: "пятнадцати", 20: "двадцати", 30: "тридцати",
                    40: "сорока", 50: "пятидесяти", 60: "шестидесяти", 70: "семидесяти", 80: "восьмидесяти",
                    100: "ста", 150: "ста пятидесяти"}
BE_GEN = {100: "ста", 200: "двухсот", 300: "трохсот", 500: "пяцісот", 1000: "тысячы", 2000: "дзвюх тысяч",
          3000: "трох тысяч"}
RU_COLOURS = {"чёрный": ("чёрный", "чёрную"), "белый": ("белый", "белую"), "серебристый": ("серебристый", "серебристую"),
              "красный": ("красный", "красную"), "синий": ("синий", "синюю"), "серый": ("серый", "серую")}
BE_COLOURS = {"чорны": ("чёрный", "чорны"), "белы": ("белый", "белы"), "чырвоны": ("красный", "чырвоны"),
              "срэбны": ("серебристый", "срэбны")}


def grade(products, category, vendor=None, low=None, high=None, colour=None, available=None, discount=None):
    """Grades per the module docstring."""
    relevant = {}
    for p in products:
        if p["category"] != category or (vendor and p["vendor"] != vendor):
            continue
        exact = True
        if low is not None and p["price"] < low: exact = False
        if high is not None and p["price"] > high: exact = False
        if colour is not None and p["colour"] != colour: exact = False
        if available and not p["available"]: exact = False
        if discount and not p["discount"]: exact = False
        relevant[p["id"]] = 2 if exact else 1
    if not any(g == 2 for g in relevant.values()):
        return None  # a query whose answer set is empty tests nothing
    return relevant


def ranked(products, category, key, vendor=None):
    pool = [p for p in products if p["category"] == category and (vendor is None or p["vendor"] == vendor)]
    pool.sort(key=key)
    return {p["id"]: (2 if i == 0 else 1) for i, p in enumerate(pool[:3])}


def entry(query, language, intent="search", sort="relevance", vendor=(), price=None, color=(), relevant=None):
    return dict(query=query, language=language,
                expected=dict(intent=intent, sort=sort, vendor=list(vendor), price=price, color=list(color)),
                relevant=relevant)


def russian(products, rng):
    queries = []
    by_cat = {}
    for p in products:
        by_cat.setdefault(p["category"], []).append(p)
    for category, forms in RU_FORMS.items():
        nom, acc, gen, nom_pl, gen_pl = forms
        pool = by_cat[category]
        vendors = sorted({p["vendor"] for p in pool})
        prices = sorted(p["price"] for p in pool)
        median = prices[len(prices) // 2]
        # Round a threshold to a number the templates can say.
        limit_k = min(RU_THOUSANDS_GEN, key=lambda k: abs(k * 1000 - median))
        limit = limit_k * 1000
        v1, v2 = rng.sample(vendors, 2)
        s1, s2 = SPOKEN_BRANDS[v1], SPOKEN_BRANDS[v2]
        candidates = [
            (f"где купить {acc} {s1}", dict(intent="where_to_buy", vendor=[v1]), grade(pool, category, v1)),
            (f"алиса где можно купить {acc} {s2}", dict(intent="where_to_buy", vendor=[v2]), grade(pool, category, v2)),
            (f"{nom} {s1} дешевле {RU_THOUSANDS_GEN[limit_k]} тысяч",
             dict(vendor=[v1], price=dict(min=None, max=limit, currency="RUB")), grade(pool, category, v1, high=limit)),
            (f"{nom_pl} до {RU_THOUSANDS_GEN[limit_k]} тысяч рублей",
             dict(price=dict(min=None, max=limit, currency="RUB")), grade(pool, category, high=limit)),
            (f"{nom} не дороже {limit} рублей", dict(price=dict(min=None, max=limit, currency="RUB")),
             grade(pool, category, high=limit)),
            (f"сколько стоит {nom} {s2}", dict(intent="price", vendor=[v2]), grade(pool, category, v2)),
            (f"самый дешевый {nom}", dict(sort="price_asc"), ranked(pool, category, lambda p: p["price"])),
            (f"самый дорогой {nom} {s1}", dict(sort="price_desc", vendor=[v1]),
             ranked(pool, category, lambda p: -p["price"], v1)),
            (f"есть ли в наличии {nom} {s1}", dict(intent="availability", vendor=[v1]), grade(pool, category, v1)),
            (f"какой {nom} лучше выбрать до {RU_THOUSANDS_GEN[limit_k]} тысяч",
             dict(intent="recommend", sort="rating", price=dict(min=None, max=limit, currency="RUB")),
             grade(pool, category, high=limit)),
            (f"покажи {nom_pl} от {RU_THOUSANDS_GEN[min(RU_THOUSANDS_GEN, key=lambda k: abs(k * 1000 - prices[0]))]} до "
             f"{RU_THOUSANDS_GEN[limit_k]} тысяч",
             dict(price=dict(min=min(RU_THOUSANDS_GEN, key=lambda k: abs(k * 1000 - prices[0])) * 1000, max=limit,
                             currency="RUB")),
             grade(pool, category, low=min(RU_THOUSANDS_GEN, key=lambda k: abs(k * 1000 - prices[0])) * 1000,
                   high=limit)),
            (f"мне нужен {nom} {s2} в наличии", dict(vendor=[v2]), grade(pool, category, v2, available=True)),
            (f"{nom_pl} со скидкой", dict(), grade(pool, category, discount=True)),
        ]
        colours = sorted({p["colour"] for p in pool if p["colour"] in RU_COLOURS})
        if colours:
            colour = rng.choice(colours)
            adjective = RU_COLOURS[colour][1] if acc != nom else RU_COLOURS[colour][0]
            candidates.append((f"найди {adjective} {acc}", dict(color=[colour]), grade(pool, category, colour=colour)))
        for text, expected, relevant in candidates:
            if relevant:
                queries.append(entry(text, "ru", relevant=relevant, **expected))
    return queries


def belarusian(products, rng):
    queries = []
    by_cat = {}
    for p in products:
        by_cat.setdefault(p["category"], []).append(p)
    for category, forms in BE_FORMS.items():
        nom, acc, gen, nom_pl, gen_pl = forms
        pool = by_cat[category]
        vendors = sorted({p["vendor"] for p in pool})
        prices = sorted(p["price"] for p in pool)
        median = prices[len(prices) // 2]
        limit = min(BE_GEN, key=lambda k: abs(k - median) if k >= median else 10 ** 9)
        v1 = rng.choice(vendors)
        spoken = SPOKEN_BRANDS[v1]
        candidates = [
            (f"колькі каштуе {nom} {spoken}", dict(intent="price", vendor=[v1]), grade(pool, category, v1)),
            (f"дзе купіць {acc} {spoken}", dict(intent="where_to_buy", vendor=[v1]), grade(pool, category, v1)),
            (f"{nom} да {BE_GEN[limit]} рублёў", dict(price=dict(min=None, max=limit, currency="BYN")),
             grade(pool, category, high=limit)),
            (f"самы танны {nom}", dict(sort="price_asc"), ranked(pool, category, lambda p: p["price"])),
            (f"ці ёсць у наяўнасці {nom} {spoken}", dict(intent="availability", vendor=[v1]),
             grade(pool, category, v1)),
            (f"які {nom} лепш", dict(intent="recommend", sort="rating"), grade(pool, category)),
            (f"{nom_pl} са зніжкай", dict(), grade(pool, category, discount=True)),
        ]
        colours = sorted({p["colour"] for p in pool if p["colour"] in BE_COLOURS})
        if colours:
            colour = rng.choice(colours)
            candidates.append((f"пакажы {colour} {nom}", dict(color=[BE_COLOURS[colour][0]]),
                               grade(pool, category, colour=colour)))
        for text, expected, relevant in candidates:
            if relevant:
                queries.append(entry(text, "be", relevant=relevant, **expected))
    return queries


def main():
    rng = random.Random(20261123)
    ru = read_yml(os.path.join(ROOT, "Catalogs", "elektron-ru.yml"), "utf-8")
    be = read_yml(os.path.join(ROOT, "Catalogs", "krama-be.yml"), "cp1251")
    for name, queries in [("voice-ru.jsonl", russian(ru, rng)), ("voice-be.jsonl", belarusian(be, rng))]:
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as file:
            for query in queries:
                file.write(json.dumps(query, ensure_ascii=False) + "\n")
        print(name, len(queries))


if __name__ == "__main__":
    main()
