#!/usr/bin/env python3
"""Side-by-side benchmark of Vitrina and peer engines, in one run, on one machine.

  python3 bench/run.py [--products 100000] [--queries 300] [--catalog synthetic|21vek] [--skip-build]
                       [--engines vitrina,tantivy,...]

Creates bench/.venv and installs the peers from PyPI (tantivy; duckdb with its fts extension;
xapian-bindings-binary if it installs; SQLite FTS5 comes with Python). A peer that cannot be
installed or loaded is reported as skipped. Measures, for each engine:
  - index build on the synthetic catalog (`vitrina generate`, titles + 30–200-word descriptions,
    ru/be): docs/s with one writer thread (`vitrina index --threads 1`; tantivy num_threads=1), the
    same with two (Vitrina and tantivy), docs per CPU-second with one (on a busy machine wall time
    says little), and the index size on disk;
  - keyword query latency (p50/p90/p99 µs; OR of the words, top 10, hits fetched with their stored
    title and description — every engine stores and returns them, as Vitrina returns products) on
    queries made of title words, and on as many voice-style texts (title words inside spoken
    phrasings: "алиса, где купить …", "сколько стоит … с доставкой"), all any-word;
    peers are timed in Python around the engine call, Vitrina in-process (`vitrina bench --index`);
  - relevance on Queries/ (our judged voice queries over Catalogs/): MRR and nDCG@10. Peers get the
    raw spoken text as an OR query; Vitrina answers with query understanding (`vitrina eval`).
Writes bench/results/latest.md and latest.json and prints the table.
"""
import argparse
import json
import math
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VITRINA = os.path.join(ROOT, ".build", "release", "vitrina")


def ensure_venv():
    """Re-runs this script inside bench/.venv with the peers installed."""
    venv = os.path.join(HERE, ".venv")
    python = os.path.join(venv, "bin", "python")
    if sys.prefix == venv:
        return
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    for package in ["tantivy", "duckdb", "xapian-bindings-binary"]:
        result = subprocess.run([python, "-m", "pip", "install", "-q", package], capture_output=True, text=True)
        if result.returncode != 0:
            print(f"note: {package} did not install: {result.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
    os.execv(python, [python] + sys.argv)


def percentiles(samples):
    samples = sorted(samples)
    pick = lambda p: samples[min(len(samples) - 1, int(len(samples) * p))]
    return {"p50": pick(0.5), "p90": pick(0.9), "p99": pick(0.99), "max": samples[-1]}


def dir_size(path):
    total = 0
    for folder, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(folder, name)) for name in files)
    return total


def words(text):
    return [w for w in "".join(c.lower() if c.isalnum() else " " for c in text).split() if w]


# --- Engines -------------------------------------------------------------------------------------

class Tantivy:
    name = "tantivy"

    def __init__(self):
        import tantivy
        self.t = tantivy

    def build(self, docs, folder, threads=1):
        t = self.t
        analyzer = (t.TextAnalyzerBuilder(t.Tokenizer.simple()).filter(t.Filter.lowercase())
                    .filter(t.Filter.stemmer("russian")).build())
        builder = t.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        builder.add_text_field("title", stored=True, tokenizer_name="ru_stem")
        builder.add_text_field("description", stored=True, tokenizer_name="ru_stem")
        self.index = t.Index(builder.build(), path=folder)
        self.index.register_tokenizer("ru_stem", analyzer)
        writer = self.index.writer(heap_size=128_000_000, num_threads=threads)
        for doc in docs:
            writer.add_document(t.Document(id=doc["id"], title=doc["title"], description=doc["description"]))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()

    def search(self, text):
        terms = words(text)
        if not terms:
            return []
        query = self.index.parse_query(" OR ".join(terms), ["title", "description"])
        searcher = self.index.searcher()
        # Hits are fetched whole, as Vitrina returns whole products.
        hits = [searcher.doc(address) for _, address in searcher.search(query, 10).hits]
        return [hit["id"][0] for hit in hits if hit["title"] is not None]


class SQLiteFTS5:
    name = "sqlite-fts5"

    def build(self, docs, folder):
        self.db = sqlite3.connect(os.path.join(folder, "fts.db"))
        self.db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, description, "
                        "tokenize='unicode61 remove_diacritics 2')")
        self.db.executemany("INSERT INTO docs VALUES (?, ?, ?)", ((d["id"], d["title"], d["description"]) for d in docs))
        self.db.commit()

    def search(self, text):
        terms = words(text)
        if not terms:
            return []
        query = " OR ".join('"' + t.replace('"', "") + '"' for t in terms)
        rows = self.db.execute("SELECT id, title, description FROM docs WHERE docs MATCH ? "
                               "ORDER BY bm25(docs, 3.0, 0.5) LIMIT 10", (query,)).fetchall()
        return [row[0] for row in rows]


class DuckDB:
    name = "duckdb-fts"

    def __init__(self):
        import duckdb
        self.duckdb = duckdb

    def build(self, docs, folder):
        self.db = self.duckdb.connect(os.path.join(folder, "fts.duckdb"))
        self.db.execute("INSTALL fts; LOAD fts;")
        self.db.execute("CREATE TABLE docs (id VARCHAR, title VARCHAR, description VARCHAR)")
        self.db.executemany("INSERT INTO docs VALUES (?, ?, ?)", [(d["id"], d["title"], d["description"]) for d in docs])
        self.db.execute("PRAGMA create_fts_index('docs', 'id', 'title', 'description', stemmer='russian', "
                        "stopwords='none', overwrite=1)")
        self.db.execute("CHECKPOINT")

    def search(self, text):
        rows = self.db.execute(
            "SELECT id, title, description FROM (SELECT *, fts_main_docs.match_bm25(id, ?) AS score FROM docs) "
            "WHERE score IS NOT NULL ORDER BY score DESC LIMIT 10", (text,)).fetchall()
        return [row[0] for row in rows]


class Xapian:
    name = "xapian"

    def __init__(self):
        import xapian
        self.x = xapian

    def build(self, docs, folder):
        x = self.x
        self.db = x.WritableDatabase(folder, x.DB_CREATE_OR_OPEN)
        generator = x.TermGenerator()
        generator.set_stemmer(x.Stem("russian"))
        for doc in docs:
            document = x.Document()
            generator.set_document(document)
            generator.index_text(doc["title"], 3)
            generator.index_text(doc["description"])
            document.set_data(json.dumps(doc, ensure_ascii=False))
            self.db.add_document(document)
        self.db.commit()
        self.parser = x.QueryParser()
        self.parser.set_stemmer(x.Stem("russian"))
        self.parser.set_stemming_strategy(x.QueryParser.STEM_SOME)
        self.parser.set_default_op(x.Query.OP_OR)

    def search(self, text):
        enquire = self.x.Enquire(self.db)
        enquire.set_query(self.parser.parse_query(" ".join(words(text))))
        return [json.loads(match.document.get_data().decode())["id"] for match in enquire.get_mset(0, 10)]


# --- Data ----------------------------------------------------------------------------------------

def synthetic(count):
    result = subprocess.run([VITRINA, "generate", "--count", str(count)], capture_output=True, text=True, check=True)
    docs = []
    for line in result.stdout.splitlines():
        product = json.loads(line)
        docs.append({"id": product["id"], "title": product.get("title", ""), "description": product.get("description", "")})
    return docs, result.stdout


def real_catalog():
    """The 21vek.by scrape (../shared/data, not redistributable): titles, category, BYN price."""
    path = os.path.join(ROOT, "..", "shared", "data", "21vek-by-catalog", "21vek_catalog_2023-07.jsonl")
    if not os.path.exists(path):
        return None, None
    docs, lines, seen = [], [], set()
    with open(path, encoding="utf-8") as file:
        for line in file:
            record = json.loads(line)
            for item in record["items"]:
                if item["url_product"] in seen:
                    continue
                seen.add(item["url_product"])
                docs.append({"id": item["url_product"], "title": item["name"], "description": record["category"]})
                product = {"id": item["url_product"], "title": item["name"], "category": record["category"],
                           "currency": "BYN", "language": "ru"}
                try:
                    product["price"] = float(item["price"])
                except (TypeError, ValueError):
                    pass
                lines.append(json.dumps(product, ensure_ascii=False))
    return docs, "\n".join(lines) + "\n"


def sample_catalog():
    docs = []
    for name, encoding in [("elektron-ru.yml", "utf-8"), ("krama-be.yml", "cp1251")]:
        with open(os.path.join(ROOT, "Catalogs", name), encoding=encoding) as file:
            root = ET.fromstring(file.read().split("?>", 1)[1])
        categories = {c.get("id"): c.text for c in root.iter("category")}
        for offer in root.iter("offer"):
            title = offer.findtext("name") or " ".join(
                x for x in [offer.findtext("typePrefix"), offer.findtext("vendor"), offer.findtext("model")] if x)
            description = " ".join([categories.get(offer.findtext("categoryId"), ""),
                                    "".join(offer.find("description").itertext())])
            docs.append({"id": offer.get("id"), "title": title, "description": description})
    return docs


VOICE_LEADS = ["", "", "алиса", "слушай", "окей гугл", "скажи пожалуйста"]
VOICE_INTENTS = ["найди", "покажи", "где купить", "сколько стоит", "хочу купить", "есть ли в наличии",
                 "подскажи какой", "закажи", "посоветуй", "нужен", "дзе купіць", "колькі каштуе", "знайдзі"]
VOICE_TAILS = ["", "", "недорого", "до двадцати тысяч рублей", "с доставкой", "в наличии", "подешевле",
               "со скидкой", "черного цвета", "с хорошими отзывами", "для дома", "в минске"]


def voice_texts(titles, count, rng):
    """Voice-style any-word texts: 1–3 title words inside a spoken phrasing (wake word, intent, tail)."""
    texts = []
    while len(texts) < count:
        title_words = [w for w in words(rng.choice(titles)) if len(w) > 2]
        if not title_words:
            continue
        start = rng.randrange(len(title_words))
        picked = title_words[start:start + rng.choice([1, 2, 3])]
        parts = [rng.choice(VOICE_LEADS), rng.choice(VOICE_INTENTS)] + picked + [rng.choice(VOICE_TAILS)]
        texts.append(" ".join(p for p in parts if p))
    return texts


def judged():
    queries = []
    for name in ["voice-ru.jsonl", "voice-be.jsonl"]:
        with open(os.path.join(ROOT, "Queries", name), encoding="utf-8") as file:
            queries += [json.loads(line) for line in file if line.strip()]
    return queries


def relevance(ranking_for, queries):
    mrr = ndcg = 0.0
    for query in queries:
        relevant = query["relevant"]
        ranking = ranking_for(query["query"])[:10]
        mrr += next((1 / (i + 1) for i, d in enumerate(ranking) if relevant.get(d, 0) > 0), 0)
        dcg = sum((2 ** relevant.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranking))
        ideal = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(sorted(relevant.values(), reverse=True)[:10]))
        ndcg += dcg / ideal if ideal else 0
    return {"mrr": mrr / len(queries), "ndcg10": ndcg / len(queries)}


# --- Main ----------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--catalog", choices=["synthetic", "21vek"], default="synthetic",
                        help="the synthetic catalog (--products) or the real 180k-product 21vek.by scrape")
    parser.add_argument("--engines", default="vitrina,tantivy,sqlite-fts5,duckdb-fts,xapian",
                        help="comma-separated engines to run (vitrina always runs)")
    parser.add_argument("--compare", action="append", default=[], metavar="BINARY",
                        help="another vitrina binary measured in the same run (repeatable), e.g. a build before a change")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (indexes, catalog, query files)")
    args = parser.parse_args()
    engines = set(args.engines.split(","))
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "vitrina"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    work = tempfile.mkdtemp(prefix="vitrina-peers-")
    rng = random.Random(7)
    if args.catalog == "21vek":
        docs, jsonl = real_catalog()
        if docs is None:
            print("skipped: ../shared/data/21vek-by-catalog is absent (not redistributable; not in the repo)")
            return
        args.products = len(docs)
    else:
        docs, jsonl = synthetic(args.products)
    catalog_path = os.path.join(work, "catalog.jsonl")
    with open(catalog_path, "w", encoding="utf-8") as file:
        file.write(jsonl)
    titles = [d["title"] for d in docs]
    queries = []
    while len(queries) < args.queries:
        title_words = [w for w in words(rng.choice(titles)) if len(w) > 3 and not w.isdigit()]
        if title_words:
            queries.append(" ".join(title_words[: rng.choice([1, 2, 3])]))
    query_path = os.path.join(work, "queries.txt")
    with open(query_path, "w", encoding="utf-8") as file:
        file.write("\n".join(queries) + "\n")
    spoken = voice_texts(titles, args.queries, rng)
    spoken_path = os.path.join(work, "voice-texts.txt")
    with open(spoken_path, "w", encoding="utf-8") as file:
        file.write("\n".join(spoken) + "\n")
    samples, judgments = sample_catalog(), judged()

    rows = [run_vitrina(VITRINA, "vitrina", work, catalog_path, query_path, spoken_path, args.products)]
    for number, binary in enumerate(args.compare):
        # Another build of vitrina (say, before a change), measured in the same run on the same data.
        rows.append(run_vitrina(os.path.abspath(binary), f"vitrina@{number + 1}", work, catalog_path, query_path,
                                spoken_path, args.products))

    for engine_class in [Tantivy, SQLiteFTS5, DuckDB, Xapian]:
        name = engine_class.name
        if name not in engines:
            continue
        try:
            engine = engine_class()
            folder = os.path.join(work, name)
            os.makedirs(folder)
            start, cpu = time.perf_counter(), time.process_time()
            engine.build(docs, folder)
            build_seconds = time.perf_counter() - start
            build_cpu = time.process_time() - cpu
            two_threads = None
            if name == "tantivy":
                # The same build with two writer threads (timing only).
                folder_2 = os.path.join(work, name + "-2")
                os.makedirs(folder_2)
                start = time.perf_counter()
                engine_class().build(docs, folder_2, threads=2)
                two_threads = args.products / (time.perf_counter() - start)
            for query in queries[:20]:
                engine.search(query)  # warm-up
            samples_us = []
            for _ in range(3):
                for query in queries:
                    begin = time.perf_counter()
                    engine.search(query)
                    samples_us.append((time.perf_counter() - begin) * 1e6)
            latency = percentiles(samples_us)
            spoken_us = []
            for _ in range(3):
                for text in spoken:
                    begin = time.perf_counter()
                    engine.search(text)
                    spoken_us.append((time.perf_counter() - begin) * 1e6)
            spoken_latency = percentiles(spoken_us)
            small = engine_class()
            small_folder = os.path.join(work, name + "-samples")
            os.makedirs(small_folder)
            small.build(samples, small_folder)
            quality = relevance(small.search, judgments)
            rows.append({"engine": name, "docs_per_s": args.products / build_seconds, "docs_per_s_2": two_threads,
                         "docs_per_cpu_s": args.products / build_cpu, "bytes": dir_size(folder),
                         "p50": latency["p50"], "p90": latency["p90"], "p99": latency["p99"], "voice_p99": None,
                         "spoken_p50": spoken_latency["p50"], "spoken_p99": spoken_latency["p99"],
                         "mrr": quality["mrr"], "ndcg10": quality["ndcg10"]})
        except Exception as error:  # a peer that cannot run is reported, not hidden
            rows.append({"engine": name, "skipped": f"{type(error).__name__}: {error}"[:160]})

    write(rows, args)
    if args.keep:
        print(f"kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


def run_vitrina(binary, name, work, catalog_path, query_path, spoken_path, products):
    """Builds the catalog with one `vitrina` binary and measures it (in-process latency, `vitrina bench`)."""
    index = os.path.join(work, name)
    build_seconds, build_cpu = vitrina_build(binary, index, catalog_path, 1)
    # The same build with two indexing threads (timing only; builds before --threads get None).
    two = vitrina_build(binary, index + "-2", catalog_path, 2, required=False)
    bench = json.loads(subprocess.run([binary, "bench", "--index", index, "--queries", query_path, "--repeat", "3",
                                       "--json"], capture_output=True, text=True, check=True).stdout)
    keyword = next(l for l in bench["latencies"] if l["mode"] == "keyword")
    voice = next(l for l in bench["latencies"] if l["mode"] == "voice")
    spoken = json.loads(subprocess.run([binary, "bench", "--index", index, "--queries", spoken_path, "--repeat", "3",
                                        "--mode", "keyword", "--json"], capture_output=True, text=True,
                                       check=True).stdout)["latencies"][0]
    sample_index = os.path.join(work, name + "-samples")
    subprocess.run([binary, "index", "--index", sample_index] + [os.path.join(ROOT, "Catalogs", n) for n in
                   ["elektron-ru.yml", "krama-be.yml"]], capture_output=True, check=True)
    evaluation = json.loads(subprocess.run([binary, "eval", "--index", sample_index, "--json"] +
                                           [os.path.join(ROOT, "Queries", n) for n in ["voice-ru.jsonl", "voice-be.jsonl"]],
                                           capture_output=True, text=True, check=True).stdout)
    return {"engine": name, "docs_per_s": products / build_seconds,
            "docs_per_s_2": products / two[0] if two else None, "docs_per_cpu_s": products / build_cpu,
            "bytes": dir_size(index),
            "p50": keyword["p50Microseconds"], "p90": keyword["p90Microseconds"],
            "p99": keyword["p99Microseconds"], "voice_p99": voice["p99Microseconds"],
            "spoken_p50": spoken["p50Microseconds"], "spoken_p99": spoken["p99Microseconds"],
            "mrr": evaluation["voice"]["mrr"], "ndcg10": evaluation["voice"]["ndcg10"]}


def vitrina_build(binary, index, catalog_path, threads, required=True):
    """Seconds (wall, CPU) of `vitrina index --threads N`; builds without --threads run with their default
    (one writer thread then) when N is 1, and give None otherwise."""
    for command in ([binary, "index", "--index", index, "--threads", str(threads), "--json", catalog_path],
                    [binary, "index", "--index", index, "--json", catalog_path]):
        shutil.rmtree(index, ignore_errors=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.returncode == 0:
            return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if "--threads" not in result.stderr or threads != 1:
            break
    if required:
        raise RuntimeError(f"vitrina index failed: {result.stderr[-300:]}")
    return None


def write(rows, args):
    ran = [r for r in rows if "skipped" not in r]
    peers = [r for r in ran if not r["engine"].startswith("vitrina")]
    tantivy = next((r for r in ran if r["engine"] == "tantivy"), None)
    vitrina = next(r for r in ran if r["engine"] == "vitrina")
    metrics = [("docs_per_s", "index build, docs/s (one writer thread)", True, "{:,.0f}"),
               ("docs_per_s_2", "index build, docs/s (two writer threads)", True, "{:,.0f}"),
               ("docs_per_cpu_s", "index build, docs per CPU-second (one writer thread)", True, "{:,.0f}"),
               ("bytes", "index size on disk, MB", False, "{:,.1f}"),
               ("p50", "keyword query p50, µs", False, "{:,.0f}"), ("p90", "keyword query p90, µs", False, "{:,.0f}"),
               ("p99", "keyword query p99, µs", False, "{:,.0f}"),
               ("spoken_p50", "voice-style text, any word, p50, µs", False, "{:,.0f}"),
               ("spoken_p99", "voice-style text, any word, p99, µs", False, "{:,.0f}"),
               ("mrr", "relevance on Queries/: MRR", True, "{:.3f}"), ("ndcg10", "relevance on Queries/: nDCG@10", True, "{:.3f}")]
    header = "| metric | " + " | ".join(r["engine"] for r in ran) + " | Vitrina vs best peer | Vitrina vs tantivy |"
    source = "real 21vek.by titles" if args.catalog == "21vek" else "synthetic (`vitrina generate`)"
    lines = [f"Products: {args.products:,} {source}; {args.queries} keyword queries and {args.queries} "
             "voice-style texts; "
             f"relevance on {sum(1 for _ in judged())} judged voice queries. Machine: {os.cpu_count()} cores.", "",
             header, "|" + "---|" * (len(ran) + 3)]
    for key, label, higher, fmt in metrics:
        values = []
        for r in ran:
            value = r.get(key)
            value = value / 1e6 if key == "bytes" and value else value
            values.append(fmt.format(value) if value is not None else "—")
        ratio = ""
        measured = [p[key] for p in peers if p.get(key) is not None]
        if measured and vitrina.get(key) is not None:
            best = max(measured) if higher else min(measured)
            ratio = f"{vitrina[key] / best:.2f}×" if best else ""
        versus = (f"{vitrina[key] / tantivy[key]:.2f}×"
                  if tantivy and tantivy.get(key) and vitrina.get(key) is not None else "")
        lines.append(f"| {label} | " + " | ".join(values) + f" | {ratio} | {versus} |")
    lines.append("| index build, two threads vs one | " +
                 " | ".join(f"{r['docs_per_s_2'] / r['docs_per_s']:.2f}×" if r.get("docs_per_s_2") else "—"
                            for r in ran) + " | | |")
    lines.append(f"| voice query (parse + search) p99, µs | " +
                 " | ".join(f"{r['voice_p99']:,.0f}" if r["voice_p99"] else "—" for r in ran) +
                 f" | {vitrina['voice_p99'] / vitrina['p99']:.2f}× own keyword p99 | |")
    for r in rows:
        if "skipped" in r:
            lines.append(f"\nSkipped: **{r['engine']}** — {r['skipped']}")
    text = "\n".join(lines)
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    stem = "latest" if args.catalog == "synthetic" else "latest-21vek"
    with open(os.path.join(HERE, "results", stem + ".md"), "w", encoding="utf-8") as file:
        file.write(text + "\n")
    with open(os.path.join(HERE, "results", stem + ".json"), "w", encoding="utf-8") as file:
        json.dump({"products": args.products, "queries": args.queries, "rows": rows}, file, ensure_ascii=False, indent=1)
    print(text)


if __name__ == "__main__":
    ensure_venv()
    main()
