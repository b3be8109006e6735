#!/usr/bin/env python3
"""Evaluates `vitrina tonality` on the third-party sets in ../shared/data (evaluation only).

Nothing here trains or tunes anything: texts go through the CLI contract exactly as other tools
use it (one text per line on stdin, `label<TAB>score` per line out) and the figures are computed
against the gold labels. Sets that are absent are skipped with a message.

    python3 bench/tonality_eval.py [--vitrina .build/release/vitrina] [--shared ../shared]
        [--model FILE] [--lexicon-only] [--json]

Metrics
- SentiRuEval-2016 (banks, telecom): the official measure, the mean of the F1 of the positive
  and of the negative class, counted over (tweet, company) pairs whose gold label is not NULL;
  each tweet's one predicted label is its label for every company it mentions.
- wb-reviews-sample: 1–2★ negative, 3★ neutral, 4–5★ positive; the same mean F1 of pos/neg,
  plus accuracy over the three classes.
- belarusian-glue-besls-sample (positive/negative only): accuracy, neutral counted as wrong
  (strict) and with a neutral answer decided by the sign of the score (sign).

Simple baselines computed in the same run from the gold labels: everything negative (pos/neg sets),
the majority class (besls).
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

ANCHORS = {
    "sentirueval2016-banks": "≥ 0.55 (2016 best 0.552; rules+lexicon 0.449; all-negative 0.19)",
    "sentirueval2016-telecom": "≥ 0.56 (2016 best 0.559; rules+lexicon 0.487; all-negative 0.31)",
    "wb-reviews-sample": "≥ 0.80",
    "besls": "accuracy ≥ 0.80",
    "vitrina-written-dev": "ours (98 hand-written ru/be texts, used to choose training settings)",
}


def classify(vitrina, texts, lang, model, lexicon_only):
    command = [vitrina, "tonality", "--lang", lang]
    if model:
        command += ["--model", model]
    if lexicon_only:
        command += ["--lexicon-only"]
    payload = "".join(re.sub(r"[\r\n]+", " ", text) + "\n" for text in texts)
    started = time.perf_counter()
    result = subprocess.run(command, input=payload.encode("utf-8"), capture_output=True, check=True)
    elapsed = time.perf_counter() - started
    lines = result.stdout.decode("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != len(texts):
        sys.exit(f"contract broken: {len(texts)} lines in, {len(lines)} out")
    out = []
    for line in lines:
        label, score = line.split("\t")
        out.append((label, float(score)))
    return out, elapsed


def f1(tp, fp, fn):
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def macro_pos_neg(pairs):
    """pairs: (gold, predicted) with labels positive/negative/neutral."""
    scores = {}
    for cls in ("positive", "negative"):
        tp = sum(1 for g, p in pairs if g == cls and p == cls)
        fp = sum(1 for g, p in pairs if g != cls and p == cls)
        fn = sum(1 for g, p in pairs if g == cls and p != cls)
        scores[cls] = f1(tp, fp, fn)
    return (scores["positive"] + scores["negative"]) / 2, scores


def all_negative(pairs):
    """The simple baseline the anchors quote: every text called negative, same metric."""
    return macro_pos_neg([(gold, "negative") for gold, _ in pairs])[0]


def sentirueval(path, vitrina, args):
    root = ET.parse(path).getroot()
    tweets = []
    for table in root.iter("table"):
        columns = {c.get("name"): (c.text or "") for c in table.findall("column")}
        if "text" not in columns:
            continue
        labels = [v for k, v in columns.items() if k not in ("id", "twitid", "date", "text") and v != "NULL"]
        if labels:
            tweets.append((columns["text"], labels))
    predictions, elapsed = classify(vitrina, [t for t, _ in tweets], "ru", args.model, args.lexicon_only)
    name = {"0": "neutral", "1": "positive", "-1": "negative"}
    pairs = []
    for (text, labels), (label, _) in zip(tweets, predictions):
        for gold in labels:
            pairs.append((name.get(gold.strip(), "neutral"), label))
    macro, per_class = macro_pos_neg(pairs)
    return {"tweets": len(tweets), "pairs": len(pairs), "macro_f1_pos_neg": round(macro, 4),
            "baseline_all_negative": round(all_negative(pairs), 4),
            "f1_positive": round(per_class["positive"], 4), "f1_negative": round(per_class["negative"], 4),
            "predicted": {k: sum(1 for _, p in pairs if p == k) for k in ("positive", "negative", "neutral")},
            "seconds": round(elapsed, 2)}


def wb_reviews(path, vitrina, args):
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts, gold = [], []
    for row in rows:
        mark = int(float(row["mark"]))
        texts.append(row["text"])
        gold.append("negative" if mark <= 2 else "neutral" if mark == 3 else "positive")
    predictions, elapsed = classify(vitrina, texts, "ru", args.model, args.lexicon_only)
    pairs = list(zip(gold, [p for p, _ in predictions]))
    macro, per_class = macro_pos_neg(pairs)
    accuracy = sum(1 for g, p in pairs if g == p) / len(pairs)
    return {"reviews": len(rows), "macro_f1_pos_neg": round(macro, 4),
            "baseline_all_negative": round(all_negative(pairs), 4), "f1_positive": round(per_class["positive"], 4),
            "f1_negative": round(per_class["negative"], 4), "accuracy_3class": round(accuracy, 4),
            "seconds": round(elapsed, 2)}


def besls(folder, vitrina, args):
    with open(os.path.join(folder, "besls_sentences.txt"), encoding="utf-8") as handle:
        sentences = handle.read().split("\n")
    with open(os.path.join(folder, "besls_labels.txt"), encoding="utf-8") as handle:
        labels = [line.strip() for line in handle if line.strip()]
    sentences = sentences[: len(labels)]
    predictions, elapsed = classify(vitrina, sentences, "be", args.model, args.lexicon_only)
    gold = ["positive" if label == "1" else "negative" for label in labels]
    strict = sum(1 for g, (p, _) in zip(gold, predictions) if g == p) / len(gold)
    sign = sum(1 for g, (p, s) in zip(gold, predictions)
               if g == (p if p != "neutral" else ("positive" if s > 0 else "negative"))) / len(gold)
    majority = max(gold.count("positive"), gold.count("negative")) / len(gold)
    return {"sentences": len(gold), "accuracy_strict": round(strict, 4), "accuracy_sign": round(sign, 4),
            "baseline_majority_class": round(majority, 4),
            "predicted_neutral": sum(1 for p, _ in predictions if p == "neutral"), "seconds": round(elapsed, 2)}


def written_dev(path, vitrina, args):
    """Our own hand-written dev set (Catalogs/tonality/dev.tsv): used to choose training settings."""
    rows = [line.rstrip("\n").split("\t", 1) for line in open(path, encoding="utf-8") if line.strip()]
    predictions, elapsed = classify(vitrina, [text for _, text in rows], "auto", args.model, args.lexicon_only)
    pairs = [(gold, label) for (gold, _), (label, _) in zip(rows, predictions)]
    macro, per_class = macro_pos_neg(pairs)
    accuracy = sum(1 for g, p in pairs if g == p) / len(pairs)
    return {"texts": len(rows), "macro_f1_pos_neg": round(macro, 4), "accuracy_3class": round(accuracy, 4),
            "seconds": round(elapsed, 2)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--vitrina", default=".build/release/vitrina")
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--model")
    parser.add_argument("--lexicon-only", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--dev-only", action="store_true", help="only our written dev set (for choosing settings)")
    args = parser.parse_args()
    data = os.path.join(args.shared, "data")
    results = {}
    sets = [
        ("sentirueval2016-banks", os.path.join(data, "sentirueval2016-brand-tweets", "banks_test_etalon.xml"), sentirueval),
        ("sentirueval2016-telecom", os.path.join(data, "sentirueval2016-brand-tweets", "tkk_test_etalon.xml"), sentirueval),
        ("wb-reviews-sample", os.path.join(data, "wb-reviews-sample", "sample_data.csv"), wb_reviews),
        ("besls", os.path.join(data, "belarusian-glue-besls-sample"), besls),
    ]
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Catalogs", "tonality", "dev.tsv")
    sets.insert(0, ("vitrina-written-dev", here, written_dev))
    if args.dev_only:
        sets = sets[:1]
    for name, path, run in sets:
        if not os.path.exists(path):
            print(f"skip {name}: {path} is absent", file=sys.stderr)
            continue
        results[name] = run(path, args.vitrina, args)
        results[name]["anchor"] = ANCHORS[name]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return
    for name, result in results.items():
        shown = {k: v for k, v in result.items() if k != "anchor"}
        print(f"{name}: {shown}\n    anchor: {result['anchor']}")


if __name__ == "__main__":
    main()
