#!/usr/bin/env python3
"""Writes Vitrina's sample catalogs (deterministic: the same script gives the same files).

Everything here is made up by the Vitrina team: shop names, models, prices and texts. Brand
names appear only as they do in real shop titles. Nothing comes from ../shared/data.

Outputs (next to this script's parent folder, Catalogs/):
  elektron-ru.yml          Russian electronics and appliances shop, YML, UTF-8, RUB
  krama-be.yml             Belarusian-language shop, YML, windows-1251, BYN
  krama-be-1c/import.xml   the same Belarusian shop as a 1C CommerceML 2.08 catalog
  krama-be-1c/offers.xml   ... and its offers package (prices, stock)
  vk-shop-ru.csv           a small VK community shop, CSV with Google Merchant columns
  reviews.jsonl            reviews and posts about products of the three shops
Run: python3 Catalogs/tools/make_samples.py
"""
import csv
import hashlib
import io
import os
import random
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

# --- The Russian shop -------------------------------------------------------------------------

RU_CATEGORIES = [
    # id, parent, name
    (1, None, "Электроника"),
    (2, 1, "Телевизоры"),
    (3, 1, "Смартфоны"),
    (4, 1, "Наушники"),
    (5, 1, "Ноутбуки"),
    (6, None, "Бытовая техника"),
    (7, 6, "Пылесосы"),
    (8, 6, "Роботы-пылесосы"),
    (9, 6, "Холодильники"),
    (10, 6, "Стиральные машины"),
    (11, None, "Техника для кухни"),
    (12, 11, "Чайники"),
    (13, 11, "Микроволновые печи"),
    (14, 11, "Кофемашины"),
    (15, 11, "Блендеры"),
]

RU_COLOURS = ["чёрный", "белый", "серебристый", "серый", "синий", "красный", "зелёный", "бежевый"]

# Per category: type prefix, brands with model stems, parameters, price range, description lines.
RU_LINES = {
    2: dict(
        prefix="Телевизор",
        brands={"Samsung": ["UE43CU7100", "UE50CU8000", "UE55CU8500", "QE55Q60C", "QE65QN90C"],
                "LG": ["43UR78006LK", "50NANO776", "55UR91006LA", "65QNED816", "OLED55C3"],
                "Xiaomi": ["TV A2 43", "TV A Pro 55", "TV Q2 50", "TV A Pro 65"],
                "Sony": ["KD-50X75WL", "KD-55X80L", "XR-65X90L"],
                "Haier": ["43 Smart TV S1", "55 Smart TV S3", "65 Smart TV S4"]},
        params=lambda r, m: [("Диагональ", str(int("".join(c for c in m if c.isdigit())[:2] or 55)), "дюйм"),
                             ("Разрешение", r.choice(["3840x2160", "3840x2160", "1920x1080"]), None),
                             ("Smart TV", "да", None),
                             ("Частота обновления", r.choice(["50", "60", "100", "120"]), "Гц")],
        price=(19990, 189990),
        lines=["Телевизор {vendor} {model} с экраном {Диагональ}\" и разрешением {Разрешение}.",
               "Встроенный Smart TV: онлайн-кинотеатры, голосовой поиск и управление со смартфона.",
               "Тонкая рамка, настенное крепление VESA, три порта HDMI.",
               "Подходит для гостиной и спальни, поддерживает HDR."]),
    3: dict(
        prefix="Смартфон",
        brands={"Apple": ["iPhone 13 128 ГБ", "iPhone 14 128 ГБ", "iPhone 15 128 ГБ", "iPhone 15 Pro 256 ГБ",
                          "iPhone 15 Pro Max 256 ГБ"],
                "Samsung": ["Galaxy A15 128 ГБ", "Galaxy A35 256 ГБ", "Galaxy A55 256 ГБ", "Galaxy S23 256 ГБ",
                            "Galaxy S24 256 ГБ", "Galaxy S24 Ultra 512 ГБ"],
                "Xiaomi": ["Redmi 13C 128 ГБ", "Redmi Note 13 256 ГБ", "Redmi Note 13 Pro 512 ГБ", "Xiaomi 14 512 ГБ"],
                "realme": ["C55 128 ГБ", "11 Pro 256 ГБ"],
                "HONOR": ["X8b 128 ГБ", "90 256 ГБ", "Magic6 Pro 512 ГБ"]},
        params=lambda r, m: [("Встроенная память", m.split()[-2], "ГБ"),
                             ("Оперативная память", r.choice(["4", "6", "8", "12"]), "ГБ"),
                             ("Диагональ экрана", r.choice(["6.1", "6.6", "6.7", "6.8"]), "дюйм"),
                             ("Цвет", r.choice(RU_COLOURS[:5]), None)],
        price=(8990, 159990),
        lines=["Смартфон {vendor} {model}: экран {Диагональ экрана}\", {Оперативная память} ГБ оперативной памяти.",
               "Камера с ночным режимом снимает чёткие фото даже вечером.",
               "Аккумулятор держит целый день, есть быстрая зарядка.",
               "Поддержка NFC для оплаты покупок и двух SIM-карт."]),
    4: dict(
        prefix="Наушники",
        brands={"Sony": ["WH-1000XM5", "WH-CH520", "WF-C700N"], "JBL": ["Tune 520BT", "Tune 770NC", "Wave Beam"],
                "Apple": ["AirPods 3", "AirPods Pro 2"], "Xiaomi": ["Redmi Buds 5", "Redmi Buds 5 Pro"],
                "Sennheiser": ["Momentum 4", "Accentum"]},
        params=lambda r, m: [("Тип", r.choice(["полноразмерные", "вкладыши", "внутриканальные"]), None),
                             ("Шумоподавление", r.choice(["да", "нет"]), None),
                             ("Время работы", str(r.choice([6, 8, 20, 30, 40])), "ч"),
                             ("Цвет", r.choice(RU_COLOURS[:4]), None)],
        price=(1990, 39990),
        lines=["Беспроводные наушники {vendor} {model}, {Тип}.",
               "До {Время работы} часов музыки без подзарядки.",
               "Микрофон для звонков и удобное управление касанием."]),
    5: dict(
        prefix="Ноутбук",
        brands={"ASUS": ["VivoBook 15 X1504", "ZenBook 14 UX3405", "TUF Gaming F15"],
                "Lenovo": ["IdeaPad Slim 3 15", "ThinkPad E14", "Legion 5 15"],
                "HUAWEI": ["MateBook D 16", "MateBook 14"], "Apple": ["MacBook Air 13 M2", "MacBook Air 15 M3"],
                "HP": ["Pavilion 15", "Victus 16"]},
        params=lambda r, m: [("Оперативная память", r.choice(["8", "16", "32"]), "ГБ"),
                             ("SSD", r.choice(["256", "512", "1024"]), "ГБ"),
                             ("Диагональ экрана", r.choice(["14", "15.6", "16"]), "дюйм"),
                             ("Процессор", r.choice(["Intel Core i5", "Intel Core i7", "AMD Ryzen 5", "AMD Ryzen 7"]), None)],
        price=(39990, 219990),
        lines=["Ноутбук {vendor} {model} для работы и учёбы.",
               "Процессор {Процессор}, {Оперативная память} ГБ оперативной памяти и SSD на {SSD} ГБ.",
               "Экран {Диагональ экрана}\" с антибликовым покрытием."]),
    7: dict(
        prefix="Пылесос",
        brands={"Philips": ["FC9332/09 PowerPro Compact", "XC3131/01", "XB2122/09"],
                "Dyson": ["V8 Absolute", "V12 Detect Slim", "V15 Detect"],
                "Samsung": ["VC18M21A0SB", "VS20T7536T5"], "Bosch": ["BGS05A220", "BCS611AM"],
                "Xiaomi": ["Vacuum Cleaner G10", "Vacuum Cleaner G11"]},
        params=lambda r, m: [("Тип", r.choice(["с контейнером", "вертикальный беспроводной", "с мешком"]), None),
                             ("Мощность всасывания", str(r.choice([150, 200, 250, 350, 420])), "Вт"),
                             ("Объём пылесборника", r.choice(["0.5", "0.8", "1.5", "2"]), "л"),
                             ("Цвет", r.choice(RU_COLOURS), None)],
        price=(5990, 69990),
        lines=["Пылесос {vendor} {model} — {Тип}.",
               "Мощность всасывания {Мощность всасывания} Вт, пылесборник на {Объём пылесборника} л.",
               "Лёгкий и тихий, в комплекте насадки для мебели и щелей."]),
    8: dict(
        prefix="Робот-пылесос",
        brands={"Xiaomi": ["Robot Vacuum S10", "Robot Vacuum X10+", "Robot Vacuum E10"],
                "Roborock": ["Q7 Max", "S8", "S8 Pro Ultra"], "Dreame": ["D10 Plus", "L10s Ultra"],
                "iRobot": ["Roomba 694", "Roomba Combo j7+"], "Polaris": ["PVCR 3200 IQ Home Aqua"]},
        params=lambda r, m: [("Влажная уборка", r.choice(["да", "да", "нет"]), None),
                             ("Время работы", str(r.choice([90, 120, 150, 180])), "мин"),
                             ("Управление со смартфона", "да", None),
                             ("Цвет", r.choice(["белый", "чёрный"]), None)],
        price=(12990, 119990),
        lines=["Робот-пылесос {vendor} {model} сам убирает квартиру по расписанию.",
               "Влажная уборка: {Влажная уборка}. Работает до {Время работы} минут.",
               "Строит карту комнат, управляется из приложения и голосом."]),
    9: dict(
        prefix="Холодильник",
        brands={"Samsung": ["RB33A3440WW", "RB38T7762SA"], "LG": ["GA-B459SQCL", "GC-B569PBCM"],
                "ATLANT": ["ХМ 4621-101", "ХМ 4626-181"], "Bosch": ["KGN39VW24R", "KGN39XI28R"],
                "Haier": ["C2F637CWRG", "HTF-508DGS7RU"]},
        params=lambda r, m: [("Общий объём", str(r.choice([315, 341, 367, 384, 419])), "л"),
                             ("No Frost", r.choice(["да", "нет"]), None),
                             ("Высота", str(r.choice([185, 196, 201, 203])), "см"),
                             ("Цвет", r.choice(["белый", "серебристый", "чёрный", "бежевый"]), None)],
        price=(29990, 149990),
        lines=["Двухкамерный холодильник {vendor} {model}, общий объём {Общий объём} л.",
               "Система No Frost: {No Frost}. Высота {Высота} см.",
               "Тихий инверторный компрессор и класс энергопотребления A+."]),
    10: dict(
        prefix="Стиральная машина",
        brands={"LG": ["F2J3NS0W", "F4V5VS0W"], "Samsung": ["WW60J32G0PW", "WW80AG6L28BB"],
                "Bosch": ["WAN2410ERU", "WGA242X0ME"], "ATLANT": ["60С1010", "70С1010"],
                "Haier": ["HW60-BP10919B", "HW80-B14979"]},
        params=lambda r, m: [("Загрузка", str(r.choice([6, 7, 8, 9, 10])), "кг"),
                             ("Скорость отжима", str(r.choice([1000, 1200, 1400])), "об/мин"),
                             ("Глубина", str(r.choice([40, 45, 47, 55])), "см")],
        price=(22990, 99990),
        lines=["Стиральная машина {vendor} {model} с загрузкой до {Загрузка} кг.",
               "Отжим {Скорость отжима} об/мин, глубина {Глубина} см — встанет в небольшую ванную.",
               "Программы для шерсти, детских вещей и быстрая стирка за 15 минут."]),
    12: dict(
        prefix="Чайник электрический",
        brands={"Bosch": ["TWK3A011", "TWK7L460"], "Philips": ["HD9350/90", "HD9318/00"],
                "Xiaomi": ["Mi Smart Kettle Pro", "Electric Kettle 2"], "Redmond": ["RK-G178", "SkyKettle RK-M216S"],
                "Tefal": ["KI 270930", "KO 150F30"]},
        params=lambda r, m: [("Объём", r.choice(["1.5", "1.7", "1.8"]), "л"),
                             ("Мощность", str(r.choice([1800, 2000, 2200, 2400])), "Вт"),
                             ("Материал корпуса", r.choice(["сталь", "стекло", "пластик"]), None),
                             ("Цвет", r.choice(RU_COLOURS), None)],
        price=(1490, 9990),
        lines=["Электрический чайник {vendor} {model} на {Объём} л.",
               "Мощность {Мощность} Вт: вода закипает за три минуты.",
               "Корпус — {Материал корпуса}, автоотключение и защита от включения без воды."]),
    13: dict(
        prefix="Микроволновая печь",
        brands={"Samsung": ["ME88SUG", "MS23K3513AW"], "LG": ["MS2042DB", "MH6336GIB"],
                "Midea": ["MM720CY6-W", "AM820CUK-B"], "BBK": ["20MWS-728S/W"]},
        params=lambda r, m: [("Объём", str(r.choice([20, 23, 25, 32])), "л"),
                             ("Гриль", r.choice(["да", "нет"]), None),
                             ("Мощность", str(r.choice([700, 800, 1000])), "Вт")],
        price=(5490, 24990),
        lines=["Микроволновая печь {vendor} {model}, объём камеры {Объём} л.",
               "Гриль: {Гриль}. Мощность микроволн {Мощность} Вт.",
               "Автоматические программы разморозки и подогрева."]),
    14: dict(
        prefix="Кофемашина",
        brands={"De'Longhi": ["Magnifica S ECAM22.110.B", "Dinamica ECAM350.55.B"],
                "Philips": ["EP1220/00", "EP2231/40"], "Krups": ["EA810B70"], "Saeco": ["New Royal"]},
        params=lambda r, m: [("Тип", "автоматическая", None),
                             ("Капучинатор", r.choice(["ручной", "автоматический"]), None),
                             ("Объём резервуара", r.choice(["1.7", "1.8", "2"]), "л")],
        price=(29990, 119990),
        lines=["Автоматическая кофемашина {vendor} {model} мелет зёрна прямо перед приготовлением.",
               "Капучинатор {Капучинатор}, резервуар для воды {Объём резервуара} л.",
               "Эспрессо, американо и капучино одним нажатием."]),
    15: dict(
        prefix="Блендер",
        brands={"Braun": ["MQ 5235", "JB 3060"], "Philips": ["HR2600/90", "HR3573/90"],
                "Bosch": ["MSM4W210", "MMB6141B"], "Kitfort": ["КТ-1365"]},
        params=lambda r, m: [("Тип", r.choice(["погружной", "стационарный"]), None),
                             ("Мощность", str(r.choice([600, 800, 1000, 1200])), "Вт")],
        price=(2490, 19990),
        lines=["{Тип} блендер {vendor} {model} мощностью {Мощность} Вт.",
               "Измельчает лёд, готовит смузи, супы-пюре и детское питание."]),
}

# --- The Belarusian shop ---------------------------------------------------------------------

BE_CATEGORIES = [
    (1, None, "Электроніка"),
    (2, 1, "Тэлевізары"),
    (3, 1, "Смартфоны"),
    (4, 1, "Навушнікі"),
    (5, None, "Бытавая тэхніка"),
    (6, 5, "Пыласосы"),
    (7, 5, "Халадзільнікі"),
    (8, 5, "Пральныя машыны"),
    (9, None, "Тэхніка для кухні"),
    (10, 9, "Чайнікі"),
    (11, 9, "Мікрахвалевыя печы"),
    (12, 9, "Кававаркі і кавамашыны"),
]

BE_COLOURS = ["чорны", "белы", "срэбны", "шэры", "сіні", "чырвоны", "зялёны", "бэжавы"]

BE_LINES = {
    2: dict(prefix="Тэлевізар",
            brands={"Horizont": ["32LE7162D", "43LE7713D", "55LE7913D"], "Samsung": ["UE43CU7100", "UE55CU8500"],
                    "LG": ["43UR78006LK", "55UR91006LA"], "Xiaomi": ["TV A2 43", "TV A Pro 55"]},
            params=lambda r, m: [("Дыяганаль", "".join(c for c in m if c.isdigit())[:2], "цаля"),
                                 ("Smart TV", "так", None)],
            price=(399, 3499),
            lines=["Тэлевізар {vendor} {model} з дыяганаллю {Дыяганаль}\".",
                   "Smart TV: анлайн-кінатэатры і галасавы пошук.",
                   "Лёгка вешаецца на сцяну, тры парты HDMI."]),
    3: dict(prefix="Смартфон",
            brands={"Apple": ["iPhone 14 128 ГБ", "iPhone 15 128 ГБ", "iPhone 15 Pro 256 ГБ"],
                    "Samsung": ["Galaxy A15 128 ГБ", "Galaxy A55 256 ГБ", "Galaxy S24 256 ГБ"],
                    "Xiaomi": ["Redmi 13C 128 ГБ", "Redmi Note 13 256 ГБ"], "HONOR": ["X8b 128 ГБ", "90 256 ГБ"]},
            params=lambda r, m: [("Убудаваная памяць", m.split()[-2], "ГБ"),
                                 ("Колер", r.choice(BE_COLOURS[:5]), None)],
            price=(299, 4999),
            lines=["Смартфон {vendor} {model} з яркім экранам.",
                   "Камера з начным рэжымам, акумулятар трымае ўвесь дзень.",
                   "Падтрымка NFC для аплаты пакупак."]),
    4: dict(prefix="Навушнікі",
            brands={"JBL": ["Tune 520BT", "Tune 770NC"], "Sony": ["WH-CH520", "WH-1000XM5"],
                    "Xiaomi": ["Redmi Buds 5"]},
            params=lambda r, m: [("Шумапрыглушэнне", r.choice(["так", "не"]), None),
                                 ("Колер", r.choice(BE_COLOURS[:4]), None)],
            price=(59, 1199),
            lines=["Бесправадныя навушнікі {vendor} {model}.",
                   "Шумапрыглушэнне: {Шумапрыглушэнне}. Мікрафон для званкоў."]),
    6: dict(prefix="Пыласос",
            brands={"Philips": ["FC9332/09 PowerPro Compact", "XC3131/01"], "Dyson": ["V8 Absolute", "V15 Detect"],
                    "Xiaomi": ["Robot Vacuum S10", "Vacuum Cleaner G10"], "Bosch": ["BGS05A220"]},
            params=lambda r, m: [("Тып", r.choice(["з кантэйнерам", "вертыкальны бесправадны", "робат"]), None),
                                 ("Магутнасць", str(r.choice([1400, 1800, 1900, 2000])), "Вт"),
                                 ("Колер", r.choice(BE_COLOURS), None)],
            price=(159, 2299),
            lines=["Пыласос {vendor} {model}, {Тып}.",
                   "Магутнасць {Магутнасць} Вт, лёгка мыецца і ціха працуе.",
                   "У камплекце насадкі для мэблі і шчылін."]),
    7: dict(prefix="Халадзільнік",
            brands={"ATLANT": ["ХМ 4621-101", "ХМ 4626-181", "ХМ 4424-080 N"], "LG": ["GA-B459SQCL"],
                    "Samsung": ["RB33A3440WW"]},
            params=lambda r, m: [("Агульны аб'ём", str(r.choice([315, 341, 367, 384])), "л"),
                                 ("No Frost", r.choice(["так", "не"]), None),
                                 ("Колер", r.choice(["белы", "срэбны", "бэжавы"]), None)],
            price=(899, 3599),
            lines=["Двухкамерны халадзільнік {vendor} {model}, агульны аб'ём {Агульны аб'ём} л.",
                   "Сістэма No Frost: {No Frost}. Ціхі кампрэсар.",
                   "Вырабляецца ў Мінску, гарантыя тры гады."]),
    8: dict(prefix="Пральная машына",
            brands={"ATLANT": ["60С1010", "70С1010"], "LG": ["F2J3NS0W"], "Bosch": ["WAN2410ERU"]},
            params=lambda r, m: [("Загрузка", str(r.choice([6, 7, 8])), "кг"),
                                 ("Хуткасць адціскання", str(r.choice([1000, 1200])), "аб/мін")],
            price=(749, 2499),
            lines=["Пральная машына {vendor} {model} з загрузкай да {Загрузка} кг.",
                   "Адціск {Хуткасць адціскання} аб/мін, праграмы для шэрсці і дзіцячых рэчаў."]),
    10: dict(prefix="Чайнік электрычны",
             brands={"Bosch": ["TWK3A011"], "Philips": ["HD9350/90"], "Xiaomi": ["Electric Kettle 2"],
                     "Redmond": ["RK-G178"]},
             params=lambda r, m: [("Аб'ём", r.choice(["1.5", "1.7"]), "л"),
                                  ("Колер", r.choice(BE_COLOURS), None)],
             price=(49, 249),
             lines=["Электрычны чайнік {vendor} {model} на {Аб'ём} л.",
                    "Вада закіпае за тры хвіліны, ёсць аўтаадключэнне."]),
    11: dict(prefix="Мікрахвалевая печ",
             brands={"Samsung": ["ME88SUG"], "LG": ["MS2042DB"], "Midea": ["MM720CY6-W"]},
             params=lambda r, m: [("Аб'ём", str(r.choice([20, 23, 25])), "л")],
             price=(189, 599),
             lines=["Мікрахвалевая печ {vendor} {model}, аб'ём камеры {Аб'ём} л.",
                    "Аўтаматычныя праграмы размарожвання і падагрэву."]),
    12: dict(prefix="Кавамашына",
             brands={"De'Longhi": ["Magnifica S ECAM22.110.B"], "Philips": ["EP1220/00", "EP2231/40"]},
             params=lambda r, m: [("Капучынатар", r.choice(["ручны", "аўтаматычны"]), None)],
             price=(999, 3299),
             lines=["Аўтаматычная кавамашына {vendor} {model} меле зерне перад падрыхтоўкай.",
                    "Капучынатар {Капучынатар}; эспрэса, амерыкана і капучына адным націскам."]),
}


def ean13(rng):
    digits = [4, 6, 0] + [rng.randrange(10) for _ in range(9)]
    checksum = (10 - sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10) % 10
    return "".join(map(str, digits + [checksum]))


def price(rng, low, high, step, rank):
    """A price for the model at `rank` (0…1, cheap to expensive within its line), jittered by ±8%."""
    value = (low + (high - low) * rank) * rng.uniform(0.92, 1.08)
    return max(step, int(value / step) * step + (step - 10 if step >= 100 else 0))


def build(lines, categories, rng, id_prefix, count_per_model, currency, step, colours):
    offers = []
    number = 0
    for category_id, line in lines.items():
        for vendor, models in line["brands"].items():
            for model_index, model in enumerate(models):
                rank = (model_index + 0.5) / len(models)
                for _ in range(count_per_model):
                    number += 1
                    params = line["params"](rng, model)
                    values = {name: value for name, value, _ in params}
                    colour = values.get("Цвет") or values.get("Колер")
                    cost = price(rng, *line["price"], step, rank)
                    old = round(cost * rng.choice([1.1, 1.15, 1.25]), -1) if rng.random() < 0.3 else None
                    sentences = [text.format(vendor=vendor, model=model, **values) for text in line["lines"]]
                    description = " ".join(sentence[0].upper() + sentence[1:] for sentence in sentences)
                    offers.append(dict(
                        id=f"{id_prefix}-{number:04d}", category=category_id, prefix=line["prefix"],
                        vendor=vendor, model=model + (f" {colour}" if colour else ""), params=params,
                        price=cost, oldprice=old, currency=currency, available=rng.random() > 0.15,
                        vendor_code=f"{vendor[:3].upper()}-{rng.randrange(100000, 999999)}", barcode=ean13(rng),
                        description=description, pictures=rng.randrange(1, 4)))
    return offers


def yml(shop, company, url, categories, offers, encoding, currency):
    out = io.StringIO()
    out.write(f'<?xml version="1.0" encoding="{encoding}"?>\n')
    out.write('<yml_catalog date="2026-11-20 10:00">\n<shop>\n')
    out.write(f"  <name>{escape(shop)}</name>\n  <company>{escape(company)}</company>\n  <url>{url}</url>\n")
    out.write(f'  <currencies>\n    <currency id="{currency}" rate="1"/>\n  </currencies>\n  <categories>\n')
    for cid, parent, name in categories:
        parent_attr = f' parentId="{parent}"' if parent else ""
        out.write(f'    <category id="{cid}"{parent_attr}>{escape(name)}</category>\n')
    out.write("  </categories>\n  <offers>\n")
    for index, offer in enumerate(offers):
        vendor_model = index % 3 == 0  # every third offer is of the vendor.model type
        type_attr = ' type="vendor.model"' if vendor_model else ""
        out.write(f'    <offer id="{offer["id"]}"{type_attr} available="{str(offer["available"]).lower()}">\n')
        out.write(f'      <url>{url}/p/{offer["id"]}</url>\n')
        out.write(f'      <price>{offer["price"]}</price>\n')
        if offer["oldprice"]:
            out.write(f'      <oldprice>{int(offer["oldprice"])}</oldprice>\n')
        out.write(f'      <currencyId>{offer["currency"]}</currencyId>\n')
        out.write(f'      <categoryId>{offer["category"]}</categoryId>\n')
        for picture in range(offer["pictures"]):
            out.write(f'      <picture>{url}/img/{offer["id"]}-{picture + 1}.jpg</picture>\n')
        if vendor_model:
            out.write(f'      <typePrefix>{escape(offer["prefix"])}</typePrefix>\n')
            out.write(f'      <vendor>{escape(offer["vendor"])}</vendor>\n')
            out.write(f'      <model>{escape(offer["model"])}</model>\n')
        else:
            out.write(f'      <name>{escape(offer["prefix"] + " " + offer["vendor"] + " " + offer["model"])}</name>\n')
            out.write(f'      <vendor>{escape(offer["vendor"])}</vendor>\n')
        out.write(f'      <vendorCode>{offer["vendor_code"]}</vendorCode>\n')
        out.write(f'      <barcode>{offer["barcode"]}</barcode>\n')
        if index % 4 == 1:  # some shops send HTML descriptions in CDATA
            html = "".join(f"<p>{escape(sentence.strip())}.</p>" for sentence in offer["description"].split(". ")
                           if sentence.strip())
            out.write(f"      <description><![CDATA[{html.replace('..', '.')}]]></description>\n")
        else:
            out.write(f'      <description>{escape(offer["description"])}</description>\n')
        for name, value, unit in offer["params"]:
            unit_attr = f" unit={quoteattr(unit)}" if unit else ""
            out.write(f"      <param name={quoteattr(name)}{unit_attr}>{escape(value)}</param>\n")
        out.write("    </offer>\n")
    out.write("  </offers>\n</shop>\n</yml_catalog>\n")
    return out.getvalue()


def guid(text):
    digest = hashlib.sha1(text.encode()).hexdigest()
    return f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"


def commerceml(categories, offers, rng):
    """The Belarusian shop as 1C exports it: nested groups, properties, then an offers package."""
    children = {}
    for cid, parent, name in categories:
        children.setdefault(parent, []).append((cid, name))

    def groups(parent, depth):
        pad = "  " * depth
        text = ""
        for cid, name in children.get(parent, []):
            text += f"{pad}<Группа>\n{pad}  <Ид>{guid('group' + str(cid))}</Ид>\n"
            text += f"{pad}  <Наименование>{escape(name)}</Наименование>\n"
            if cid in children:
                text += f"{pad}  <Группы>\n{groups(cid, depth + 2)}{pad}  </Группы>\n"
            text += f"{pad}</Группа>\n"
        return text

    names = sorted({name for offer in offers for name, _, _ in offer["params"]})
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_2" ВерсияСхемы="2.08" '
            'ДатаФормирования="2026-11-20T10:00:00">\n')
    catalog = head + "  <Классификатор>\n    <Ид>krama-classifier</Ид>\n    <Наименование>Крама Тэхнікі</Наименование>\n"
    catalog += "    <Группы>\n" + groups(None, 3) + "    </Группы>\n    <Свойства>\n"
    for name in names:
        catalog += (f"      <Свойство>\n        <Ид>{guid('prop' + name)}</Ид>\n"
                    f"        <Наименование>{escape(name)}</Наименование>\n"
                    "        <ТипЗначений>Строка</ТипЗначений>\n      </Свойство>\n")
    catalog += "    </Свойства>\n  </Классификатор>\n"
    catalog += ('  <Каталог СодержитТолькоИзменения="false">\n    <Ид>krama-catalog</Ид>\n'
                "    <ИдКлассификатора>krama-classifier</ИдКлассификатора>\n"
                "    <Наименование>Асноўны каталог</Наименование>\n    <Товары>\n")
    for offer in offers:
        catalog += (f"      <Товар>\n        <Ид>{offer['id']}</Ид>\n"
                    f"        <Артикул>{offer['vendor_code']}</Артикул>\n"
                    f"        <Наименование>{escape(offer['prefix'] + ' ' + offer['vendor'] + ' ' + offer['model'])}</Наименование>\n"
                    '        <БазоваяЕдиница Код="796" НаименованиеПолное="Штука">шт</БазоваяЕдиница>\n'
                    f"        <Группы>\n          <Ид>{guid('group' + str(offer['category']))}</Ид>\n        </Группы>\n"
                    f"        <Описание>{escape(offer['description'])}</Описание>\n"
                    f"        <ШтрихКод>{offer['barcode']}</ШтрихКод>\n"
                    f"        <Изготовитель>\n          <Наименование>{escape(offer['vendor'])}</Наименование>\n        </Изготовитель>\n"
                    "        <ЗначенияСвойств>\n")
        for name, value, _ in offer["params"]:
            catalog += (f"          <ЗначенияСвойства>\n            <Ид>{guid('prop' + name)}</Ид>\n"
                        f"            <Значение>{escape(value)}</Значение>\n          </ЗначенияСвойства>\n")
        catalog += "        </ЗначенияСвойств>\n      </Товар>\n"
    catalog += "    </Товары>\n  </Каталог>\n</КоммерческаяИнформация>\n"

    package = head + ('  <ПакетПредложений СодержитТолькоИзменения="false">\n    <Ид>krama-catalog#</Ид>\n'
                      "    <ИдКаталога>krama-catalog</ИдКаталога>\n    <ИдКлассификатора>krama-classifier</ИдКлассификатора>\n"
                      "    <Наименование>Пакет прапаноў</Наименование>\n    <ТипыЦен>\n")
    price_types = [("retail", "Розничная"), ("wholesale", "Оптовая")]
    for type_id, name in price_types:
        package += (f"      <ТипЦены>\n        <Ид>{type_id}</Ид>\n        <Наименование>{name}</Наименование>\n"
                    "        <Валюта>BYN</Валюта>\n      </ТипЦены>\n")
    package += "    </ТипыЦен>\n    <Предложения>\n"
    for offer in offers:
        retail = offer["price"]
        package += (f"      <Предложение>\n        <Ид>{offer['id']}</Ид>\n"
                    f"        <Наименование>{escape(offer['prefix'] + ' ' + offer['vendor'] + ' ' + offer['model'])}</Наименование>\n"
                    "        <Цены>\n")
        for type_id, _ in price_types:
            value = retail if type_id == "retail" else round(retail * 0.9, 2)
            package += (f"          <Цена>\n            <Представление>{str(value).replace('.', ',')} BYN за шт</Представление>\n"
                        f"            <ИдТипаЦены>{type_id}</ИдТипаЦены>\n            <ЦенаЗаЕдиницу>{value}</ЦенаЗаЕдиницу>\n"
                        "            <Валюта>BYN</Валюта>\n            <Единица>шт</Единица>\n"
                        "            <Коэффициент>1</Коэффициент>\n          </Цена>\n")
        stock = rng.randrange(1, 40) if offer["available"] else 0
        package += f"        </Цены>\n        <Количество>{stock}</Количество>\n      </Предложение>\n"
    package += "    </Предложения>\n  </ПакетПредложений>\n</КоммерческаяИнформация>\n"
    return catalog, package


VK_ITEMS = [
    # title, description, price, brand, category, colour, size
    ("Свитшот оверсайз «Минск»", "Тёплый свитшот из хлопка с начёсом, принт «Минск» на груди.", 2490, "Kvetka",
     "Одежда > Свитшоты", "серый", "M"),
    ("Свитшот оверсайз «Минск»", "Тёплый свитшот из хлопка с начёсом, принт «Минск» на груди.", 2490, "Kvetka",
     "Одежда > Свитшоты", "чёрный", "L"),
    ("Худи с капюшоном базовое", "Плотное худи на молнии, карман-кенгуру, хлопок 80%.", 3290, "Kvetka",
     "Одежда > Худи", "зелёный", "S"),
    ("Худи с капюшоном базовое", "Плотное худи на молнии, карман-кенгуру, хлопок 80%.", 3290, "Kvetka",
     "Одежда > Худи", "бежевый", "XL"),
    ("Футболка с вышивкой «Васілёк»", "Белая футболка с ручной вышивкой васильков, лён и хлопок.", 1890, "Kvetka",
     "Одежда > Футболки", "белый", "M"),
    ("Шапка вязаная с помпоном", "Мягкая шапка из мериносовой шерсти, вяжем вручную под заказ за 5 дней.", 1590,
     "Kvetka", "Аксессуары > Шапки", "красный", None),
    ("Шарф вязаный длинный", "Длинный шарф крупной вязки, 180 см, шерсть с акрилом.", 1790, "Kvetka",
     "Аксессуары > Шарфы", "синий", None),
    ("Кружка керамическая ручной работы", "Кружка 350 мл, глазурь цвета морской волны, можно в посудомойку.", 990,
     "Гліна", "Посуда > Кружки", "бирюзовый", None),
    ("Тарелка керамическая 24 см", "Обеденная тарелка ручной формовки, каждая немного отличается.", 1290, "Гліна",
     "Посуда > Тарелки", "белый", None),
    ("Набор пиал из 4 штук", "Четыре пиалы по 250 мл для супа и салатов, матовая глазурь.", 2990, "Гліна",
     "Посуда > Пиалы", "серый", None),
    ("Свеча соевая в бетонном стакане", "Ароматическая свеча из соевого воска, аромат хвои, горит 30 часов.", 890,
     "Гліна", "Декор > Свечи", "серый", None),
    ("Сумка-шопер льняная", "Вместительный шопер из льна с внутренним карманом, выдерживает до 10 кг.", 1190,
     "Kvetka", "Аксессуары > Сумки", "бежевый", None),
    ("Носки шерстяные детские", "Тёплые носки для детей 3–5 лет, овечья шерсть.", 690, "Kvetka",
     "Одежда > Носки", "красный", "28"),
    ("Варежки с орнаментом", "Двойные варежки с белорусским орнаментом, шерсть 100%.", 1490, "Kvetka",
     "Аксессуары > Варежки", "красный", None),
    ("Подставка под горячее из дерева", "Круглая подставка из дуба, пропитана маслом.", 590, "Гліна",
     "Посуда > Подставки", "коричневый", None),
]

REVIEW_TEXTS_RU = [
    (5, "Отличный {noun}, пользуюсь месяц — никаких нареканий. Доставили на следующий день."),
    (5, "Очень доволен покупкой, {noun} работает тихо и быстро."),
    (4, "Хороший {noun} за свои деньги, но инструкция могла бы быть понятнее."),
    (4, "В целом нравится, {noun} соответствует описанию. Минус — короткий провод."),
    (3, "Нормальный {noun}, ничего особенного. Цена могла бы быть ниже."),
    (2, "{Noun} начал шуметь через две недели, пришлось везти в сервис."),
    (1, "Пришёл с царапиной на корпусе, оформил возврат."),
    (5, "Лучший {noun}, который у меня был. Рекомендую!"),
]
REVIEW_TEXTS_BE = [
    (5, "Выдатны {noun}, карыстаюся месяц — усё працуе. Даставілі назаўтра."),
    (4, "Добры {noun} за свае грошы, але інструкцыя толькі па-руску."),
    (3, "Звычайны {noun}, нічога асаблівага."),
    (5, "Вельмі задаволены пакупкай, раю ўсім!"),
    (2, "Праз месяц {noun} пачаў шумець, аддалі ў сэрвіс."),
]
RU_NOUNS = {"Телевизор": "телевизор", "Смартфон": "смартфон", "Наушники": "звук", "Ноутбук": "ноутбук",
            "Пылесос": "пылесос", "Робот-пылесос": "робот", "Холодильник": "холодильник",
            "Стиральная машина": "аппарат", "Чайник электрический": "чайник", "Микроволновая печь": "аппарат",
            "Кофемашина": "кофе", "Блендер": "блендер"}
BE_NOUNS = {"Тэлевізар": "тэлевізар", "Смартфон": "смартфон", "Навушнікі": "гук", "Пыласос": "пыласос",
            "Халадзільнік": "халадзільнік", "Пральная машына": "апарат", "Чайнік электрычны": "чайнік",
            "Мікрахвалевая печ": "апарат", "Кавамашына": "апарат"}


def reviews(ru_offers, be_offers, rng):
    items = []
    day = 86400
    base = 1_790_000_000  # 2026-09
    for offer in rng.sample(ru_offers, 60):
        noun = RU_NOUNS[offer["prefix"]]
        for _ in range(rng.randrange(1, 5)):
            rating, text = rng.choice(REVIEW_TEXTS_RU)
            reference = rng.choice(["id", "sku", "barcode"])
            item = {"kind": "review", "text": text.format(noun=noun, Noun=noun.capitalize()), "rating": rating,
                    "author": rng.choice(["Анна", "Сергей", "Ольга", "Дмитрий", "Ирина", "Павел"]),
                    "date": base + rng.randrange(0, 60) * day}
            item[{"id": "product_id", "sku": "sku", "barcode": "barcode"}[reference]] = (
                offer["id"] if reference == "id" else offer["vendor_code"] if reference == "sku" else offer["barcode"])
            items.append(item)
    for offer in rng.sample(be_offers, 25):
        noun = BE_NOUNS[offer["prefix"]]
        for _ in range(rng.randrange(1, 4)):
            rating, text = rng.choice(REVIEW_TEXTS_BE)
            items.append({"kind": "review", "product_id": offer["id"],
                          "text": text.format(noun=noun), "rating": rating,
                          "author": rng.choice(["Алесь", "Ганна", "Міхась", "Вольга"]),
                          "date": base + rng.randrange(0, 60) * day})
    for offer in rng.sample(ru_offers, 8):
        items.append({"kind": "post", "url": f"https://elektron.example/p/{offer['id']}",
                      "text": f"Скидки недели: {offer['prefix'].lower()} {offer['vendor']} {offer['model']} — "
                              f"успейте купить по цене {offer['price']} ₽!",
                      "likes": rng.randrange(5, 300), "reposts": rng.randrange(0, 40),
                      "date": base + rng.randrange(0, 60) * day})
    for number in rng.sample(range(1, len(VK_ITEMS) + 1), 5):
        items.append({"kind": "review", "product_id": f"vk-{number:03d}",
                      "text": rng.choice(["Качество супер, заказала ещё подруге.", "Пришло быстро, всё как на фото.",
                                          "Размер маломерит, берите на размер больше."]),
                      "rating": rng.choice([4, 5, 5]), "author": "Покупатель ВКонтакте",
                      "date": base + rng.randrange(0, 60) * day})
    rng.shuffle(items)
    return items


def main():
    rng = random.Random(20261123)
    ru = build(RU_LINES, RU_CATEGORIES, rng, "el", 2, "RUB", 100, RU_COLOURS)
    be = build(BE_LINES, BE_CATEGORIES, rng, "kr", 2, "BYN", 10, BE_COLOURS)
    with open(os.path.join(OUT, "elektron-ru.yml"), "w", encoding="utf-8") as file:
        file.write(yml("Электрон", "ООО «Электрон»", "https://elektron.example", RU_CATEGORIES, ru, "UTF-8", "RUB"))
    with open(os.path.join(OUT, "krama-be.yml"), "w", encoding="cp1251", newline="\r\n") as file:
        file.write(yml("Крама Тэхнікі", "ТАА «Крама Тэхнікі»", "https://krama.example", BE_CATEGORIES, be,
                       "windows-1251", "BYN"))
    catalog, package = commerceml(BE_CATEGORIES, be, rng)
    os.makedirs(os.path.join(OUT, "krama-be-1c"), exist_ok=True)
    for name, text in [("import.xml", catalog), ("offers.xml", package)]:
        with open(os.path.join(OUT, "krama-be-1c", name), "w", encoding="utf-8-sig") as file:
            file.write(text)
    with open(os.path.join(OUT, "vk-shop-ru.csv"), "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["id", "title", "description", "availability", "condition", "price", "sale_price", "link",
                         "image_link", "brand", "product_type", "color", "size"])
        for number, (title, description, cost, brand, category, colour, size) in enumerate(VK_ITEMS, 1):
            sale = f"{cost - 300}.00 RUB" if number % 5 == 0 else ""
            writer.writerow([f"vk-{number:03d}", title, description,
                             "in stock" if number % 6 else "out of stock", "new", f"{cost}.00 RUB", sale,
                             f"https://vk.com/market-200000000?w=product-200000000_{1000 + number}",
                             f"https://sun9-1.userapi.example/{number}.jpg", brand, category, colour, size or ""])
    import json
    with open(os.path.join(OUT, "reviews.jsonl"), "w", encoding="utf-8") as file:
        for item in reviews(ru, be, rng):
            file.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(ru)} ru offers, {len(be)} be offers, {len(VK_ITEMS)} VK items")


if __name__ == "__main__":
    main()
