#!/usr/bin/env python3
"""Writes the seed corpus of one fuzz target (scripts/fuzz) from Catalogs/ and Queries/.

Seeds are small (a few KB: libFuzzer mutates small inputs faster), cut from our own sample files,
plus a few hand-written edge cases; nothing is committed. Usage: fuzz-seeds.py TARGET FOLDER.
"""
import json
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
target, folder = sys.argv[1], pathlib.Path(sys.argv[2])
seeds = []


def add(data):
    seeds.append(data if isinstance(data, bytes) else data.encode("utf-8"))


def xml_pieces(text, record, limit=3):
    """The document up to the first record, a few records, then the closing tags."""
    first = text.find("<" + record)
    if first < 0:
        return [text[:4096]]
    pieces = []
    ends = [m.end() for m in re.finditer("</" + record + ">", text)]
    for count in (1, limit):
        if len(ends) >= count:
            body = text[: ends[count - 1]]
            closing = "".join(
                "</%s>" % name for name in reversed(re.findall(r"<([\w\u0400-\u04FF:]+)[^>/]*>(?![\s\S]*</\1>)", body))
            )
            pieces.append(body + "\n" + closing)
    return pieces


BOM = b"\xef\xbb\xbf"
if target == "yml":
    for path in sorted(root.glob("Catalogs/*.yml")):
        raw = path.read_bytes()
        encoding = "cp1251" if b"windows-1251" in raw[:200] else "utf-8"
        for piece in xml_pieces(raw.decode(encoding), "offer"):
            add(piece.encode(encoding))
    add('<?xml version="1.0" encoding="windows-1251"?><yml_catalog><shop><offers><offer id="1"><name>Чайнік</name>'
        "<price>1</price></offer></offers></shop></yml_catalog>")
    add('<yml_catalog><shop><offers><offer id="1" a="1" b="2"><name>x</name><param name="p" unit="u">v</param>'
        "<description><![CDATA[<p>a</p>]]></description></offer></offers></shop></yml_catalog>")
elif target == "commerceml":
    for name, record, prefix in (("import.xml", "Товар", b""), ("offers.xml", "Предложение", BOM)):
        text = (root / "Catalogs/krama-be-1c" / name).read_text(encoding="utf-8", errors="replace")
        for piece in xml_pieces(text, record):
            add(prefix + piece.encode("utf-8"))
elif target == "csv":
    text = (root / "Catalogs/vk-shop-ru.csv").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    add("".join(lines[:6]))
    add("".join(lines[:6]).encode("cp1251", errors="replace"))
    add("".join(lines[:4]).encode("utf-8") + lines[4].encode("cp1251", errors="replace"))
    add('Артикул;Название;Цена;Валюта\n"a-1";"Чайник ""Тефаль""\nбелый";1 299,00;руб.\n')
    add("# Meta\nid\ttitle\tprice\tsale_price\n1\tTV\t100 RUB\t90 RUB\n")
elif target == "jsonl":
    for name in ("electronics-ru.jsonl", "krama-be.jsonl"):
        lines = (root / "Catalogs" / name).read_text(encoding="utf-8").splitlines(keepends=True)
        add("".join(lines[:3]))
    add('{"id": "x", "deleted": true}\n{"id": "", "price": -1}\n{"id": "y", "category": ["a", "b"]}\n')
elif target == "social":
    lines = (root / "Catalogs/reviews.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    add("".join(lines[:3]))
    add('sku,text,rating,date\nTWK-1,"Тихий, быстрый",5,2026-09-20\n,,x,\n')
elif target == "html":
    for path in sorted(root.glob("Catalogs/pages/*.html")):
        add(path.read_bytes())
    add("<html><body><div a=1 b='2' c=\"3\" d>t</div><script>if(a<b){}</script><!-- c --></body></html>")
elif target == "json":
    for path in sorted(root.glob("Catalogs/pages/*.html")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for block in re.findall(r"<script[^>]*ld\+json[^>]*>([\s\S]*?)</script>", text):
            add(block)
    add('{"a": [1, -2.5e3, true, false, null, "\\u0041\\n"], "b": {}}')
    add('{"a": 1,}')
elif target == "query":
    for path in sorted(root.glob("Queries/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines()[:100]:
            if line.strip():
                add(json.loads(line).get("query", ""))
elif target == "sitemap":
    add((root / "Catalogs/pages/sitemap.xml").read_bytes())
    add("<urlset><url><loc>\n file:///x&amp;y </loc></url><loc>../z</loc></urlset>")
else:
    sys.exit("unknown target " + target)

for number, data in enumerate(seeds):
    (folder / ("seed-%03d" % number)).write_bytes(data)

xml_tokens = ["<", ">", "</", "/>", "=\"", "<![CDATA[", "]]>", "<!--", "-->", "<?xml", "?>", "encoding=\"windows-1251\"",
              "encoding=\"UTF-8\"", "<!DOCTYPE", "&amp;", "&#1090;", "\xef\xbb\xbf"]
dictionaries = {
    "yml": xml_tokens + ["<yml_catalog>", "<offer", "id=\"", "<price>", "<currencyId>", "<param", "name=\"",
                         "<description>", "<categoryId>", "<category", "parentId=\"", "available=\"true\"", "<outlet"],
    "commerceml": xml_tokens + ["<КоммерческаяИнформация>", "<Товар>", "<Ид>", "<Наименование>", "<Предложение>",
                                "<Цены>", "<ЦенаЗаЕдиницу>", "<ТипЦены>", "<Группа>", "<Свойство>"],
    "html": xml_tokens + ["<script type=\"application/ld+json\">", "</script>", "<meta", "itemprop=\"", "<h1>",
                          "<p>", "<table>", "<tr>", "<td>", "charset=", "\"@type\": \"Product\""],
}
if target in dictionaries:
    with open(str(folder) + ".dict", "w", encoding="utf-8") as out:
        for token in dictionaries[target]:
            escaped = "".join(
                chr(byte) if 0x20 <= byte < 0x7F and byte not in (0x22, 0x5C) else "\\x%02X" % byte
                for byte in token.encode("utf-8"))
            out.write('"%s"\n' % escaped)
