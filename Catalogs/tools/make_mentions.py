#!/usr/bin/env python3
"""Writes Catalogs/mentions/: a month of made-up mentions of two sample shops, in four export forms.

Everything is written by the Vitrina team (texts, authors, counts); nothing comes from
../shared/data. The shops are the sample catalogs' «Электрон» (ru, elektron-ru.yml) and «Крама»
(be, krama-be.yml). Mentions run from 2026-10-16 to 2026-11-14; in the last three days a planted
spike: dozens of complaints that the Xiaomi kettle (el-0223) leaks, which the alerts must find.

Outputs:
  vk-wall.jsonl              VK wall posts and comments (VK API form: nested likes/reposts/comments counts)
  telegram-result.json       a Telegram Desktop channel export (messages with text pieces and reactions)
  marketplace-reviews.csv    marketplace reviews, semicolon CSV with Russian headers and star ratings
  other-sources.jsonl        forum, YouTube comments, maps and site reviews in the canonical form
Run: python3 Catalogs/tools/make_mentions.py
"""
import csv
import datetime as dt
import json
import os
import random

R = random.Random(14)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "mentions")
START = dt.datetime(2026, 10, 16, tzinfo=dt.timezone.utc)
DAYS = 30

PRODUCTS_RU = [
    ("el-0001", "телевизор Samsung", "tv"), ("el-0043", "iPhone 14", "phone"), ("el-0067", "Redmi Note 13 Pro", "phone"),
    ("el-0085", "наушники Sony WF-C700N", "audio"), ("el-0215", "чайник Bosch TWK3A011", "kettle"),
    ("el-0223", "чайник Xiaomi Mi Smart Kettle Pro", "kettle"), ("el-0145", "пылесос Bosch BGS05A220", "vacuum"),
]
PRODUCTS_BE = [("kr-0049", "пыласос Philips", "vacuum"), ("kr-0081", "чайнік Bosch", "kettle"), ("kr-0035", "смартфон HONOR", "phone")]

RU_POS = {
    "tv": ["картинка яркая, звук отличный", "настроили за десять минут, все работает"],
    "phone": ["батарея держит два дня", "камера снимает шикарно", "быстрый, ничего не тормозит"],
    "audio": ["звук чистый, шумодав работает отлично", "сидят удобно, не выпадают"],
    "kettle": ["кипятит быстро и тихо", "удобный, легко мыть", "держит температуру, очень удобно"],
    "vacuum": ["мощный, собирает всю шерсть", "тихий и легкий"],
    "shop": ["доставили на следующий день, курьер вежливый", "упаковано надежно, все целое",
             "поддержка ответила за пять минут и все решила", "цены ниже, чем у конкурентов", "самовывоз быстро выдали"],
}
RU_NEG = {
    "tv": ["через месяц появились полосы на экране", "пульт перестал работать"],
    "phone": ["греется при зарядке", "батарея садится к обеду"],
    "audio": ["левый наушник перестал заряжаться", "звук пропадает"],
    "kettle": ["пахнет пластиком", "крышка болтается"],
    "vacuum": ["гудит очень громко", "щетка сломалась через неделю"],
    "shop": ["доставку переносили три раза", "курьер опоздал на два часа", "в поддержку не дозвониться",
             "привезли коробку с вмятиной", "возврат оформляют вторую неделю", "цена выросла пока лежало в корзине"],
}
RU_NEU = ["подскажите, есть ли {p} в наличии?", "когда будет скидка на {p}?", "сравниваю {p} с другим, что посоветуете?",
          "{p} пришел, пока распаковываю", "сколько идет доставка в Самару?", "магазин работает в праздники?"]
RU_POS_OPEN = ["", "Купил {p}: ", "Взяла {p} в «Электроне», ", "Про {p}: ", "{p} — "]
RU_POS_CLOSE = ["", " Рекомендую!", " Спасибо «Электрону»!", " Доволен.", " 👍", " )"]
RU_NEG_CLOSE = ["", " Разочарован.", " Больше не закажу.", " 😡", " Не рекомендую."]
SPIKE = [
    "Чайник Xiaomi течет из-под крышки, на столе лужа", "Купила чайник Xiaomi Smart Kettle Pro, через день начал протекать",
    "Этот чайник Xiaomi протекает снизу, это брак?", "Чайник Xiaomi течет, оформила возврат",
    "У кого еще чайник Xiaomi течет? У меня вода по корпусу", "Новый чайник Xiaomi протекает, страшно включать",
    "Xiaomi Kettle Pro течет по шву, второй экземпляр такой же", "Вода капает из чайника Xiaomi прямо на подставку, жуть",
    "Чайнік Xiaomi цячэ з-пад накрыўкі, вярнула ў краму", "Новы чайнік Xiaomi працякае, гэта брак",
]

BE_POS = {"vacuum": ["магутны і ціхі", "зручны, лёгка чысціць"], "kettle": ["кіпяціць хутка", "прыгожы і зручны"],
          "phone": ["батарэя трымае два дні", "хуткі, нічога не тармозіць"],
          "shop": ["даставілі назаўтра, кур'ер ветлівы", "усё запакавана акуратна", "прадаўцы ветлівыя, усё растлумачылі"]}
BE_NEG = {"vacuum": ["гудзе вельмі гучна", "шчотка зламалася"], "kettle": ["пахне пластыкам", "накрыўка хістаецца"],
          "phone": ["грэецца пры зарадцы", "экран трэснуў"],
          "shop": ["дастаўку пераносілі тройчы", "кур'ер спазніўся на дзве гадзіны", "вяртанне афармляюць другі тыдзень"]}
BE_NEU = ["ці ёсць {p} у наяўнасці?", "калі будзе зніжка на {p}?", "колькі ідзе дастаўка ў Гродна?"]

FIRST_RU = ["Анна", "Ирина", "Ольга", "Дмитрий", "Сергей", "Мария", "Алексей", "Елена", "Павел", "Наталья", "Игорь", "Светлана"]
FIRST_BE = ["Алесь", "Ганна", "Міхась", "Вольга", "Янка", "Наста", "Зміцер", "Алеся"]
LEADERS = [("tech_obzor_by", 85_000, "pos"), ("gadget_masha", 42_000, "pos"), ("Пра тэхніку", 23_000, "pos"),
           ("angry_buyer", 15_000, "neg"), ("skidki_minsk", 60_000, "neu")]


def author_pool():
    pool = []
    for index in range(220):
        if index < 160:
            name = f"{R.choice(FIRST_RU)} {chr(ord('А') + index % 28)}."
        else:
            name = f"{R.choice(FIRST_BE)} {chr(ord('А') + index % 28)}."
        followers = int(R.paretovariate(1.3) * 80)
        pool.append((name, min(followers, 9000)))
    return pool


AUTHORS = author_pool()


def when(day_low=0, day_high=DAYS - 1):
    day = R.randint(day_low, day_high)
    seconds = R.randint(8 * 3600, 23 * 3600)
    return START + dt.timedelta(days=day, seconds=seconds)


def compose(language, polarity):
    products, pos, neg, neu = (PRODUCTS_RU, RU_POS, RU_NEG, RU_NEU) if language == "ru" else (PRODUCTS_BE, BE_POS, BE_NEG, BE_NEU)
    product_id, name, kind = R.choice(products)
    if polarity == "neu":
        return R.choice(neu).replace("{p}", name), product_id, None
    table = pos if polarity == "pos" else neg
    pieces = R.sample(table[kind] + table["shop"], 2 if R.random() < 0.4 else 1)
    text = ", ".join(pieces)
    if language == "ru":
        opening = R.choice(RU_POS_OPEN).replace("{p}", name)
        close = R.choice(RU_POS_CLOSE if polarity == "pos" else RU_NEG_CLOSE)
    else:
        opening = R.choice(["", f"Пра {name}: ", f"Набыў {name}, "])
        close = R.choice([" Раю!", " Дзякуй!", ""] if polarity == "pos" else [" Не раю.", " Расчараваны.", ""])
    text = opening + text
    text = text[0].upper() + text[1:] + "." + close
    rating = R.choice([4, 5, 5]) if polarity == "pos" else R.choice([1, 2, 2]) if polarity == "neg" else 3
    return text, product_id, rating


def mentions():
    rows = []
    for index in range(1100):
        language = "ru" if R.random() < 0.75 else "be"
        polarity = R.choices(["pos", "neg", "neu"], [0.55, 0.2, 0.25])[0]
        text, product, rating = compose(language, polarity)
        name, followers = R.choice([a for a in AUTHORS if (a[0][0] in "АИОДСМЕПНС") == (language == "ru")] or AUTHORS)
        rows.append({"text": text, "product": product, "rating": rating, "author": name, "followers": followers,
                     "date": when(), "language": language})
    # Opinion leaders: many mentions, large audiences.
    for name, followers, polarity in LEADERS:
        for _ in range(R.randint(8, 14)):
            language = "be" if name == "Пра тэхніку" else "ru"
            text, product, _ = compose(language, polarity)
            rows.append({"text": text, "product": product, "rating": None, "author": name, "followers": followers,
                         "date": when(), "language": language, "leader": True})
    # The planted spike: the Xiaomi kettle leaks, in the last three days.
    for index in range(150):
        name, followers = R.choice(AUTHORS)
        text = R.choice(SPIKE)
        if R.random() < 0.5:
            text += R.choice(["", " Магазин молчит.", " Что делать?", " 😡", " Уже третий такой случай у знакомых."])
        rows.append({"text": text, "product": "el-0223", "rating": R.choice([1, 1, 2, None]), "author": name,
                     "followers": followers, "date": when(DAYS - 3, DAYS - 1), "language": "be" if "цячэ" in text or "працякае" in text else "ru"})
    R.shuffle(rows)
    return rows


def main():
    os.makedirs(OUT, exist_ok=True)
    rows = mentions()
    buckets = {"vk": [], "telegram": [], "marketplace": [], "other": []}
    for row in rows:
        if row["rating"] is not None and R.random() < 0.8:
            buckets["marketplace"].append(row)
        else:
            buckets[R.choice(["vk", "vk", "telegram", "other"])].append(row)
    with open(os.path.join(OUT, "vk-wall.jsonl"), "w", encoding="utf-8") as out:
        for index, row in enumerate(buckets["vk"]):
            post = {"id": f"wall-1480000_{2000 + index}", "type": R.choice(["post", "comment"]),
                    "date": int(row["date"].timestamp()), "text": row["text"], "from_name": row["author"],
                    "author_followers": row["followers"], "likes": {"count": R.randint(0, 40) * (20 if row.get("leader") else 1)},
                    "reposts": {"count": R.randint(0, 5)}, "comments": {"count": R.randint(0, 12)},
                    "product_id": row["product"], "brand": "Электрон" if row["product"].startswith("el") else "Крама",
                    "url": f"https://vk.com/wall-1480000_{2000 + index}"}
            out.write(json.dumps(post, ensure_ascii=False) + "\n")
    export = {"name": "Электрон и Крама: отзывы", "type": "public_channel", "id": 1480001, "messages": [
        {"id": 1, "type": "service", "date": START.strftime("%Y-%m-%dT%H:%M:%S"), "action": "create_channel"}]}
    for index, row in enumerate(buckets["telegram"]):
        text = row["text"]
        pieces = [text] if R.random() < 0.7 else [text.split(" ")[0] + " ", {"type": "bold", "text": " ".join(text.split(" ")[1:])}]
        export["messages"].append({
            "id": index + 2, "type": "message", "date": row["date"].strftime("%Y-%m-%dT%H:%M:%S"),
            "date_unixtime": str(int(row["date"].timestamp())), "from": row["author"], "text": pieces,
            "reactions": [{"type": "emoji", "count": R.randint(0, 30), "emoji": "👍"}],
            "product_id": row["product"], "author_followers": row["followers"]})
    with open(os.path.join(OUT, "telegram-result.json"), "w", encoding="utf-8") as out:
        json.dump(export, out, ensure_ascii=False, indent=1)
    with open(os.path.join(OUT, "marketplace-reviews.csv"), "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["ID отзыва", "Артикул", "Текст отзыва", "Оценка", "Дата", "Имя", "Лайки", "Источник"])
        for index, row in enumerate(buckets["marketplace"]):
            writer.writerow([f"mp-{70000 + index}", row["product"], row["text"], row["rating"],
                             row["date"].strftime("%d.%m.%Y %H:%M"), row["author"], R.randint(0, 9), "marketplace"])
    with open(os.path.join(OUT, "other-sources.jsonl"), "w", encoding="utf-8") as out:
        for index, row in enumerate(buckets["other"]):
            source = R.choice(["forum", "youtube", "maps", "site"])
            record = {"id": f"{source}-{index + 1}", "source": source, "kind": "comment" if source == "youtube" else "post",
                      "text": row["text"], "author": row["author"], "followers": row["followers"],
                      "date": row["date"].strftime("%Y-%m-%dT%H:%M:%SZ"), "likes": R.randint(0, 25),
                      "product_id": row["product"], "language": row["language"]}
            if row["rating"] is not None and source in ("maps", "site"):
                record["rating"] = row["rating"]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print({name: len(items) for name, items in buckets.items()}, "->", OUT)


if __name__ == "__main__":
    main()
