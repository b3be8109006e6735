#!/usr/bin/env python3
"""Fits the weights of Vitrina's voice-search ranker by coordinate ascent on development queries.

  vitrina ranker-data --index DIR --out DATA.jsonl DEV-QUERIES.jsonl   # once per catalog
  python3 Queries/tools/fit_ranker.py DATA.jsonl... [--write] [--rounds 4]

Each DATA line holds a judged query (class, relevant ids) with the ranking features of its
candidates (`vitrina ranker-data`, README). The objective is the mean over catalogs and classes of
each class's metric (known_item: MRR@10; category_price, attribute: P@10; brand_kind: mean of P@10
and MRR@10; all — our graded Queries/ regression set — nDCG@10). cheapest/dearest are ordered, not reranked, and are only reported.
Reports, per class, the metric of the current weights, of the fitted ones, and of the plain
any-word search on the same queries. --write rewrites Sources/VitrinaSearch/Ranking/RankerWeights.swift.

Fit on the development split only; the test split is for reporting, never for fitting.
"""
import argparse
import json
import os
import re
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WEIGHTS = os.path.join(ROOT, "Sources", "VitrinaSearch", "Ranking", "RankerWeights.swift")
ORDERED = {"cheapest", "dearest"}
GRID = [0, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 4]
# Evidence against a candidate may only lower its score; everything else may only raise it, so the
# fitted model stays readable (a feature that does not help gets 0, never a sign flip).
PENALTIES = {"codeMiss", "vendorMiss", "colourMiss"}


def reciprocal_rank(ranking, relevant):
    return next((1 / (i + 1) for i, d in enumerate(ranking[:10]) if relevant.get(d, 0) > 0), 0.0)


def precision(ranking, relevant):
    wanted = sum(1 for g in relevant.values() if g > 0)
    if not wanted:
        return 0.0
    return sum(1 for d in ranking[:10] if relevant.get(d, 0) > 0) / min(10, wanted)


def ndcg(ranking, relevant):
    import math
    dcg = sum((2 ** relevant.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranking[:10]))
    ideal = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(sorted(relevant.values(), reverse=True)[:10]))
    return dcg / ideal if ideal else 0.0


def metric(kind, ranking, relevant):
    if kind in ("category_price", "attribute"):
        return precision(ranking, relevant)
    if kind == "brand_kind":
        return (precision(ranking, relevant) + reciprocal_rank(ranking, relevant)) / 2
    if kind in ORDERED:
        return 1.0 if ranking and relevant.get(ranking[0], 0) > 0 else 0.0
    if kind == "all":
        return ndcg(ranking, relevant)
    return reciprocal_rank(ranking, relevant)


def rerank(query, weights):
    scored = [(sum(weights.get(k, 0) * v for k, v in c["features"].items()), -i, c["id"])
              for i, c in enumerate(query["candidates"])]
    return [d for _, _, d in sorted(scored, reverse=True)]


def evaluate(queries, weights):
    """Mean metric per (catalog, class) with `weights` (ordered classes: ask's own list)."""
    sums, counts = defaultdict(float), defaultdict(int)
    for q in queries:
        kind = q.get("class") or "all"
        ranking = q["ask"] if kind in ORDERED else rerank(q, weights)
        sums[(q["catalog"], kind)] += metric(kind, ranking, q["relevant"])
        counts[(q["catalog"], kind)] += 1
    return {key: sums[key] / counts[key] for key in sums}


def baseline(queries):
    sums, counts = defaultdict(float), defaultdict(int)
    for q in queries:
        kind = q.get("class") or "all"
        sums[(q["catalog"], kind)] += metric(kind, q["keyword"], q["relevant"])
        counts[(q["catalog"], kind)] += 1
    return {key: sums[key] / counts[key] for key in sums}


def objective(scores):
    """Mean over (catalog, class) of the class metric; our own Queries/ (catalog `voice`) is a
    regression set and counts as one class."""
    fitted = [v for (catalog, kind), v in scores.items() if kind not in ORDERED]
    return sum(fitted) / max(1, len(fitted))


def current_weights():
    text = open(WEIGHTS, encoding="utf-8").read()
    return {name: float(value) for name, value in re.findall(r"\.(\w+): (-?[\d.]+)", text)}


def write_weights(weights):
    names = ["bm25", "titleCoverage", "coverage", "adjacency", "codeMatch", "codeMiss", "headNoun", "category",
             "vendorMatch", "vendorMiss", "colourMatch", "colourMiss", "languageMatch", "inStock", "popularity"]
    pairs = ", ".join(f".{n}: {weights.get(n, 0):g}" for n in names)
    lines, line = [], "        "
    for piece in pairs.split(", "):
        candidate = line + piece + ", "
        if len(candidate.rstrip()) > 120:
            lines.append(line.rstrip())
            line = "        " + piece + ", "
        else:
            line = candidate
    lines.append(line.rstrip())
    body = "\n".join(lines)
    text = open(WEIGHTS, encoding="utf-8").read()
    text = re.sub(r"(fitted: \[RankingFeature: Double\] = \[\n)(.*?)(\n    \])", lambda m: m.group(1) + body + m.group(3),
                  text, flags=re.S)
    open(WEIGHTS, "w", encoding="utf-8").write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data", nargs="+")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    queries = []
    for path in args.data:
        catalog = os.path.basename(path).split(".")[0]
        with open(path, encoding="utf-8") as file:
            for line in file:
                query = json.loads(line)
                query["catalog"] = catalog
                queries.append(query)
    weights = current_weights()
    start = evaluate(queries, weights)
    best = objective(start)
    names = sorted({k for q in queries for c in q["candidates"] for k in c["features"]} | set(weights))
    for _ in range(args.rounds):
        improved = False
        for name in names:
            for value in ([-v for v in GRID] if name in PENALTIES else GRID):
                trial = dict(weights, **{name: value})
                score = objective(evaluate(queries, trial))
                if score > best + 1e-9:
                    best, weights, improved = score, trial, True
        if not improved:
            break
    fitted = evaluate(queries, weights)
    plain = baseline(queries)
    print(f"{'catalog/class':28} {'n':>4} {'plain':>7} {'before':>7} {'fitted':>7}")
    counts = defaultdict(int)
    for q in queries:
        counts[(q["catalog"], q.get("class") or "all")] += 1
    for key in sorted(fitted):
        print(f"{key[0] + '/' + key[1]:28} {counts[key]:4} {plain[key]:7.3f} {start[key]:7.3f} {fitted[key]:7.3f}")
    print(f"objective: before {objective(start):.4f}, fitted {best:.4f}")
    print("weights: " + ", ".join(f"{k} {v:g}" for k, v in sorted(weights.items())))
    if args.write:
        write_weights(weights)
        print(f"wrote {os.path.relpath(WEIGHTS, ROOT)}")


if __name__ == "__main__":
    main()
