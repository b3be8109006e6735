#!/usr/bin/env python3
"""Spoken-query evaluation on real catalogs: `ask`, `search --any` and tantivy, per class, dev and test.

  python3 bench/voice_eval.py [--eval-dir DIR] [--catalogs 21vek,feeds,synthetic] [--slice N]
                              [--skip-build] [--regenerate] [--reindex] [--no-tantivy] [--gate]

1. Release build of `vitrina` (unless --skip-build).
2. The judged sets: Queries/tools/make_real_sets.py writes them to --eval-dir (.build/eval, or
   .build/eval-slice with --slice; once, --regenerate makes them again). They come from ../shared/data, which may not be redistributed:
   a catalog whose data is absent is skipped, and nothing derived from it is written to the repository.
3. One index per catalog with `vitrina index` (the converted 21vek JSONL, the real YML feeds in the
   manifest's order, the synthetic catalog), reused while the manifest's entry is unchanged (--reindex).
4. `vitrina eval --json --split dev|test` (ask and search --any side by side).
5. tantivy (bench/.venv, from PyPI) over the fields Vitrina indexes as text for these catalogs — title,
   vendor, category, description — with bench/run.py's chain (simple tokenizer, lowercase, Russian
   Snowball stemmer) and an OR query of the query's words; the same metrics computed here.
6. One table per catalog: class × {ask, search --any, tantivy} on the class's metric (MRR@10 for
   known_item, P@10 for category_price, brand_kind and attribute, top-1 for cheapest and dearest),
   dev and test. Written to bench/results/voice-<catalog>[-slice].md and .json: figures only, no
   catalog text or queries.

--gate exits with status 1 when ask is below search --any on known_item in any catalog and split (what
CI should check on a --slice run once ask is redesigned; issue 11).
"""
import argparse
import json
import math
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VITRINA = os.path.join(ROOT, ".build", "release", "vitrina")
GENERATOR = os.path.join(ROOT, "Queries", "tools", "make_real_sets.py")
CLASSES = ["known_item", "category_price", "cheapest", "dearest", "brand_kind", "attribute"]
METRIC = {"known_item": "mrr", "category_price": "precision10", "cheapest": "top1", "dearest": "top1",
          "brand_kind": "precision10", "attribute": "precision10"}
METRIC_NAME = {"mrr": "MRR@10", "precision10": "P@10", "top1": "top-1", "ndcg10": "nDCG@10"}


def ensure_venv():
    """Re-runs this script inside bench/.venv with tantivy installed (the venv bench/run.py uses)."""
    venv = os.path.join(HERE, ".venv")
    python = os.path.join(venv, "bin", "python")
    if sys.prefix == venv:
        return
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    check = subprocess.run([python, "-c", "import tantivy"], capture_output=True)
    if check.returncode != 0:
        result = subprocess.run([python, "-m", "pip", "install", "-q", "tantivy"], capture_output=True, text=True)
        if result.returncode != 0:
            print(f"note: tantivy did not install: {result.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
    os.execv(python, [python] + sys.argv)


def words(text):
    return [w for w in "".join(c.lower() if c.isalnum() else " " for c in text).split() if w]


def scores(ranking, relevant):
    """The metrics of Sources/VitrinaSearch/Evaluation.swift, for one ranking."""
    top = ranking[:10]
    hit = [relevant.get(pid, 0) > 0 for pid in top]
    count = sum(1 for g in relevant.values() if g > 0)
    possible = min(10, count)
    dcg = sum((2 ** relevant.get(pid, 0) - 1) / math.log2(i + 2) for i, pid in enumerate(top))
    ideal = sum((2 ** g - 1) / math.log2(i + 2)
                for i, g in enumerate(sorted((g for g in relevant.values() if g > 0), reverse=True)[:10]))
    return {"mrr": next((1 / (i + 1) for i, h in enumerate(hit) if h), 0.0), "ndcg10": dcg / ideal if ideal else 0.0,
            "recall10": sum(hit) / count if count else 0.0, "precision10": sum(hit) / possible if possible else 0.0,
            "top1": 1.0 if hit[:1] == [True] else 0.0}


def mean(rows):
    keys = ["mrr", "ndcg10", "recall10", "precision10", "top1"]
    return {k: sum(r[k] for r in rows) / len(rows) if rows else 0.0 for k in keys}


class Tantivy:
    """tantivy with bench/run.py's analysis chain over title, vendor, category and description."""

    FIELDS = ["title", "vendor", "category", "description"]

    def __init__(self, facts_path, folder):
        import tantivy
        analyzer = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.lowercase())
                    .filter(tantivy.Filter.stemmer("russian")).build())
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        for field in self.FIELDS:
            builder.add_text_field(field, stored=False, tokenizer_name="ru_stem")
        self.index = tantivy.Index(builder.build(), path=folder)
        self.index.register_tokenizer("ru_stem", analyzer)
        writer = self.index.writer(heap_size=256_000_000, num_threads=1)
        with open(facts_path, encoding="utf-8") as file:
            for line in file:
                fact = json.loads(line)
                writer.add_document(tantivy.Document(id=fact["id"], **{f: fact.get(f) or "" for f in self.FIELDS}))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self.searcher = self.index.searcher()

    def search(self, text):
        terms = words(text)
        if not terms:
            return []
        query = self.index.parse_query(" OR ".join(terms), self.FIELDS)
        return [self.searcher.doc(address)["id"][0] for _, address in self.searcher.search(query, 10).hits]


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, check=True, **kwargs)


def make_sets(args):
    manifest_path = os.path.join(args.eval_dir, "manifest.json")
    if os.path.exists(manifest_path) and not args.regenerate:
        with open(manifest_path, encoding="utf-8") as file:
            manifest = json.load(file)
        wanted = set(args.catalogs.split(","))
        if manifest.get("slice") == args.slice and wanted <= set(manifest["catalogs"]):
            return manifest
    print("making the judged sets (Queries/tools/make_real_sets.py)…", file=sys.stderr)
    command = [sys.executable, GENERATOR, "--out", args.eval_dir, "--catalogs", args.catalogs, "--vitrina", VITRINA]
    if args.slice:
        command += ["--slice", str(args.slice)]
    subprocess.run(command, check=True)
    with open(manifest_path, encoding="utf-8") as file:
        return json.load(file)


def build_index(name, entry, args):
    folder = os.path.join(args.eval_dir, "idx", name)
    stamp_path = folder + ".stamp.json"
    stamp = {"index": entry["index"], "documents": entry["documents"], "slice": args.slice}
    if not args.reindex and os.path.exists(stamp_path):
        with open(stamp_path, encoding="utf-8") as file:
            if json.load(file) == stamp:
                return folder
    subprocess.run(["rm", "-rf", folder], check=True)
    start = time.perf_counter()
    report = json.loads(run([VITRINA, "index", "--index", folder, "--json"] + entry["index"]).stdout)
    print(f"{name}: indexed {report['documents']:,} products in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    if report["documents"] != entry["documents"]:
        print(f"warning: {name}: the index holds {report['documents']:,} products, the labels assume "
              f"{entry['documents']:,}", file=sys.stderr)
    with open(stamp_path, "w", encoding="utf-8") as file:
        json.dump(stamp, file)
    return folder


def evaluate(name, entry, folder, args):
    """{split: {class: {"queries", "parse", "ask", "any", "tantivy"}}} for one catalog."""
    result = {}
    engine = None
    if not args.no_tantivy:
        try:
            tantivy_folder = os.path.join(args.eval_dir, "idx", name + "-tantivy")
            subprocess.run(["rm", "-rf", tantivy_folder], check=True)
            os.makedirs(tantivy_folder)
            engine = Tantivy(entry["facts"], tantivy_folder)
        except Exception as error:  # reported, not hidden
            print(f"tantivy skipped: {type(error).__name__}: {error}", file=sys.stderr)
    for split in ("dev", "test"):
        path = entry["files"][split]
        report = json.loads(run([VITRINA, "eval", "--index", folder, "--json", path]).stdout)
        groups = {g["class"]: g for g in report["classes"]}
        peer = {}
        if engine is not None:
            with open(path, encoding="utf-8") as file:
                for line in file:
                    judged = json.loads(line)
                    peer.setdefault(judged["class"], []).append(scores(engine.search(judged["query"]),
                                                                       judged["relevant"]))
        result[split] = {
            c: {"queries": groups[c]["queries"], "metric": groups[c]["metric"],
                "parse": groups[c]["parseAccuracy"].get("all"), "ask": groups[c]["voice"],
                "any": groups[c]["keyword"], "tantivy": mean(peer[c]) if c in peer else None}
            for c in CLASSES if c in groups}
    return result


def table(name, entry, result):
    f = lambda v: "—" if v is None else f"{v:.3f}"
    lines = [f"### {name}: {entry['documents']:,} products", "",
             "| class | metric | dev queries | ask | search --any | tantivy | test queries | ask | search --any | "
             "tantivy | parse (ask, dev/test) |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for c in CLASSES:
        dev, test = result["dev"].get(c), result["test"].get(c)
        if not dev and not test:
            continue
        metric = METRIC[c]
        cells = [c, METRIC_NAME[metric]]
        for group in (dev, test):
            if group:
                cells += [str(group["queries"]), f(group["ask"][metric]), f(group["any"][metric]),
                          f(group["tantivy"][metric] if group["tantivy"] else None)]
            else:
                cells += ["0", "—", "—", "—"]
        cells.append(f"{f(dev and dev['parse'])} / {f(test and test['parse'])}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval-dir", default=None, help="default .build/eval, or .build/eval-slice with --slice")
    parser.add_argument("--catalogs", default="21vek,feeds,synthetic")
    parser.add_argument("--slice", type=int, default=0)
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--reindex", action="store_true")
    parser.add_argument("--no-tantivy", action="store_true")
    parser.add_argument("--gate", action="store_true")
    parser.add_argument("--vitrina", default=None, help="the vitrina binary to run (no build); default a release build")
    parser.add_argument("--no-results", action="store_true", help="print the tables only (CI)")
    args = parser.parse_args()
    global VITRINA
    if args.vitrina:
        VITRINA = os.path.abspath(args.vitrina)
        args.skip_build = True
    args.eval_dir = os.path.abspath(args.eval_dir or os.path.join(ROOT, ".build", "eval-slice" if args.slice else "eval"))
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "vitrina"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    manifest = make_sets(args)
    failures = []
    suffix = "-slice" if args.slice else ""
    for name in args.catalogs.split(","):
        entry = manifest["catalogs"].get(name)
        if entry is None:
            print(f"skipped {name}: no judged set (its data is absent)", file=sys.stderr)
            continue
        folder = build_index(name, entry, args)
        result = evaluate(name, entry, folder, args)
        text = table(name, entry, result)
        print(text + "\n")
        for split, groups in result.items():
            known = groups.get("known_item")
            if known and known["ask"]["mrr"] < known["any"]["mrr"]:
                failures.append(f"{name} {split}: known_item MRR@10 ask {known['ask']['mrr']:.3f} < "
                                f"search --any {known['any']['mrr']:.3f}")
        if args.no_results:
            continue
        os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
        stem = os.path.join(HERE, "results", f"voice-{name}{suffix}")
        with open(stem + ".md", "w", encoding="utf-8") as file:
            file.write(f"Run {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, release build, "
                       f"`python3 bench/voice_eval.py{' --slice ' + str(args.slice) if args.slice else ''}` "
                       f"(sets: seed {manifest['seed']}, {manifest['perClass']} queries per class).\n\n{text}\n")
        with open(stem + ".json", "w", encoding="utf-8") as file:
            json.dump({"catalog": name, "documents": entry["documents"], "seed": manifest["seed"],
                       "slice": args.slice, "splits": result}, file, indent=1)
    if args.gate and failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    if "--no-tantivy" not in sys.argv:
        ensure_venv()
    main()
