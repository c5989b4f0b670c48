"""Train and evaluate the document-type fallback classifier on generated case files (gold doc types in gold.json).

    python models/doctype/train.py train --corpus DIR            # -> doctype_model.npz (+ train part of metrics.json)
    python models/doctype/train.py evaluate --corpus DIR [--forms DIR]   # a held-out corpus (another seed) and the
                                                                 # real form skeletons -> metrics.json

The model reads the body, so it is trained on each document three times: as written, with its title removed, and
with the head damaged (characters dropped or replaced, as a bad scan reads). Titles stay the rules' job: the model
is only asked when the title rules are unsure (nlp/doctypes/classify.py).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

from nlp.classify.linear import LinearTextModel  # noqa: E402
from nlp.classify.training import build_featurizer, fit_model  # noqa: E402

ARTIFACT = HERE / "doctype_model.npz"
COMMAND = "make doctype-model"
SEED = 31
MAX_CHARS = 800  # the head of a document says what it is (and keeps the fallback at about a millisecond)
CONFIG: dict[str, Any] = {
    "ngram_range": [1, 3],
    "sublinear_tf": True,
    "min_df": 3,
    "max_features": 40000,
    "model": "svm",
    "C": 0.5,
    "class_weight": None,
    "max_chars": MAX_CHARS,
}
NOISE = "口日曰目田己已巳土士十干千人入八乂一二丨丶"


def load_corpus(corpus: Path) -> list[dict[str, Any]]:
    docs = []
    for gold in sorted(corpus.glob("*.gold.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        for d in data["documents"]:
            if d.get("doc_type") and d.get("text"):
                docs.append({"text": d["text"], "title": d.get("title", ""), "doc_type": d["doc_type"]})
    return docs


def strip_title(text: str, title: str) -> str:
    """The document without its title (the first occurrence of the gold title, spaces ignored, in the head)."""
    if title:
        at = text.find(title, 0, 400)
        if at >= 0:
            return text[:at] + text[at + len(title) :]
    lines = text.split("\n", 1)  # no gold title: drop the first line
    return lines[1] if len(lines) > 1 else ""


def damage(text: str, rng: random.Random, head: int = 200, rate: float = 0.4) -> str:
    """A bad scan's head: characters dropped or misread at ``rate``, the rest untouched."""
    out = []
    for ch in text[:head]:
        r = rng.random()
        if ch == "\n" or r >= rate:
            out.append(ch)
        elif r < rate / 2:
            out.append(rng.choice(NOISE))
    return "".join(out) + text[head:]


def variants(doc: dict[str, Any], rng: random.Random) -> list[str]:
    return [doc["text"], strip_title(doc["text"], doc["title"]), damage(doc["text"], rng)]


def train(corpus: Path) -> dict[str, Any]:
    import sklearn

    rng = random.Random(SEED)
    docs = load_corpus(corpus)
    texts, labels = [], []
    for d in docs:
        for v in variants(d, rng):
            texts.append(v)
            labels.append(d["doc_type"])
    t0 = time.perf_counter()
    featurizer = build_featurizer(
        texts,
        tuple(CONFIG["ngram_range"]),  # type: ignore[arg-type]
        sublinear_tf=CONFIG["sublinear_tf"],
        min_df=CONFIG["min_df"],
        max_features=CONFIG["max_features"],
        max_chars=MAX_CHARS,
    )
    meta = {
        "task": "doctype",
        "sklearn_version": sklearn.__version__,
        "trained": datetime.now(UTC).strftime("%Y-%m-%d"),
        "data": f"generated corpus {corpus.name}: {len(docs)} documents x 3 variants",
        "config": CONFIG,
        "command": COMMAND,
    }
    model = fit_model(
        featurizer, texts, labels, kind=CONFIG["model"], c=CONFIG["C"], class_weight=None, seed=SEED, meta=meta
    )
    model.save(ARTIFACT)
    info = {
        "date": meta["trained"],
        "sklearn_version": sklearn.__version__,
        "train_corpus": str(corpus),
        "train_documents": len(docs),
        "train_s": round(time.perf_counter() - t0, 1),
        "n_classes": len(model.classes),
        "n_features": featurizer.n_features,
        "temperature": round(model.temperature, 4),
        "artifact_bytes": ARTIFACT.stat().st_size,
        "class_counts": Counter(d["doc_type"] for d in docs).most_common(),
    }
    _write_metrics({"train": info})
    return info


def _write_metrics(update: dict[str, Any]) -> None:
    path = HERE / "metrics.json"
    metrics = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    metrics.update(update)
    path.write_text(json.dumps(metrics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _score(pred: list[str], gold: list[str]) -> float:
    return round(float(np.mean([p == g for p, g in zip(pred, gold, strict=True)])), 4)


def evaluate(corpus: Path, forms: Path | None) -> dict[str, Any]:
    rules = importlib.import_module("nlp.doctypes.classify")  # the package re-exports the function of that name

    model = LinearTextModel.load(ARTIFACT)
    rng = random.Random(SEED + 1)
    docs = load_corpus(corpus)
    gold = [d["doc_type"] for d in docs]
    known = set(model.classes)
    out: dict[str, Any] = {"corpus": str(corpus), "documents": len(docs), "unseen_types": sorted(set(gold) - known)}
    for name, make in (
        ("as_written", lambda d: d["text"]),
        ("title_removed", lambda d: strip_title(d["text"], d["title"])),
        ("head_damaged", lambda d: damage(d["text"], rng)),
    ):
        texts = [make(d) for d in docs]
        t0 = time.perf_counter()
        model_pred = [c for c, _ in model.predict(texts)]
        model_s = time.perf_counter() - t0
        rule_only = [rules.classify_rules(t).doc_type for t in texts]
        combined = [rules.classify(t).doc_type for t in texts]
        out[name] = {
            "model_alone": _score(model_pred, gold),
            "rules_alone": _score(rule_only, gold),
            "rules_with_fallback": _score(combined, gold),
            "model_docs_per_s": round(len(texts) / model_s, 1),
        }
        if name == "title_removed":
            errors = Counter((g, p) for g, p in zip(gold, model_pred, strict=True) if g != p)
            out[name]["model_confusions"] = [f"{g} -> {p}: {n}" for (g, p), n in errors.most_common(10)]
    if forms is not None and forms.is_dir():
        sys.path.insert(0, str(REPO / "tests" / "nlp" / "doctypes"))
        from test_classify import SKELETON_TYPES  # the hand-checked answers for the 23 skeletons

        texts = [(forms / n).read_text(encoding="utf-8") for n in SKELETON_TYPES]
        expected = list(SKELETON_TYPES.values())
        skeletons: dict[str, Any] = {"n": len(texts)}
        for name, prepared in (("as_written", texts), ("title_removed", [_drop_title_lines(t) for t in texts])):
            skeletons[name] = {
                "rules_alone": _score([rules.classify_rules(t).doc_type for t in prepared], expected),
                "rules_with_fallback": _score([rules.classify(t).doc_type for t in prepared], expected),
                "model_alone": _score([c for c, _ in model.predict(prepared)], expected),
            }
        out["police_form_skeletons"] = skeletons
    _write_metrics({"evaluation": out})
    return out


def _drop_title_lines(text: str) -> str:
    """A skeleton without its title: the leading lines up to and including the title (or 决定/通知 brace)."""
    from nlp.doctypes.classify import classify_rules

    found = classify_rules(text)
    if found.title_end:
        return text[found.title_end :]
    return text


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["train", "evaluate"])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--forms", type=Path, default=None)
    args = parser.parse_args()
    result = train(args.corpus) if args.what == "train" else evaluate(args.corpus, args.forms)
    print(json.dumps({k: v for k, v in result.items() if k != "class_counts"}, ensure_ascii=False, indent=2))  # noqa: T201
