"""Train and evaluate the charge classifier on CAIL2018 facts (the fixed split of corpora/splits.py).

    python models/charge/train.py experiments   # every configuration: train -> dev (writes experiments.json)
    python models/charge/train.py final         # the chosen one (config.yaml `final`): train+dev -> artifact,
                                                # then ONE evaluation on test (writes metrics.json)

Gold labels: CAIL writes joint charges with brackets ("[走私、贩卖、运输、制造]毒品"); cail2018_accu.txt without
("走私、贩卖、运输、制造毒品"). Labels are mapped to the accu.txt names. A fact with several charges is trained
once per charge. Metrics (see README.md): top-1 = the predicted charge is one of the gold charges; strict = accuracy
on facts with exactly one gold charge; macro-F1 over the single-charge facts.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

from corpora.splits import CAIL2018_ACCUSATIONS, CAIL2018_CHARGES, cail2018, read_jsonl  # noqa: E402
from nlp.classify.linear import LinearTextModel, fit_temperature  # noqa: E402
from nlp.classify.training import build_featurizer, fit_model  # noqa: E402

ARTIFACT = HERE / "charge_model.npz"
COMMAND = "make charge (python models/charge/train.py final)"

# Words for amounts, injuries and typical acts: the dictionary features on top of the charge-name pieces.
EXTRA_KEYWORDS = [
    "轻伤", "重伤", "轻微伤", "死亡", "致死", "醉酒", "血液酒精", "驾驶", "机动车", "交通事故",
    "万元", "元", "克", "甲基苯丙胺", "海洛因", "吸食", "被害人", "被告人", "持刀", "殴打",
    "非法占有", "骗取", "窃取", "抢", "赌", "淫秽", "卖淫", "枪", "发票", "贷款", "受贿", "索取",
    "职务", "国家工作人员", "林木", "野生动物", "税", "印章", "信用卡", "假币", "拐卖", "猥亵",
]  # fmt: skip


def accusation_names() -> list[str]:
    return [line.strip() for line in CAIL2018_ACCUSATIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


def canonical(label: str) -> str:
    return label.replace("[", "").replace("]", "")


def charge_keywords() -> list[str]:
    """Pieces of the statute charge names (盗窃、侮辱尸体 -> 盗窃, 侮辱尸体) plus EXTRA_KEYWORDS, deduplicated."""
    words: dict[str, None] = {}
    for name in accusation_names():
        for piece in name.replace("[", "、").replace("]", "、").split("、"):
            if len(piece) >= 2:
                words[piece] = None
    for w in EXTRA_KEYWORDS:
        words[w] = None
    return list(words)


def load(split: str) -> tuple[list[str], list[list[str]]]:
    rows = cail2018(split)  # type: ignore[arg-type]
    return [r["fact"] for r in rows], [[canonical(a) for a in r["accusation"]] for r in rows]


EXTRA_SOURCES = {
    # Other CAIL-derived fact sets in ../shared (multiple-choice benchmarks); their charge answers, accu.txt names only.
    "lawbench": CAIL2018_CHARGES.parent / "lawbench_cail2018_derived.jsonl",
    "lexeval": CAIL2018_CHARGES.parent / "lexeval_cail_derived.jsonl",
}


def _fact_key(fact: str) -> str:
    return "".join(fact.split())[:60]


def load_extra() -> tuple[list[str], list[list[str]], dict[str, int]]:
    """LawBench/LexEval facts with a known charge, minus any that repeat a CAIL dev/test fact (first 60 chars)."""
    known = set(accusation_names())
    held_out = {_fact_key(r["fact"]) for split in ("dev", "test") for r in cail2018(split)}  # type: ignore[arg-type]
    texts: list[str] = []
    golds: list[list[str]] = []
    stats = {"kept": 0, "dropped_overlap": 0, "dropped_label": 0}
    seen: set[str] = set()
    for name, path in EXTRA_SOURCES.items():
        for r in read_jsonl(path):
            if name == "lawbench":
                raw = r.get("accusation_given") or str(r.get("accusation_answer", "")).removeprefix("罪名:")
                labels = [a.strip() for a in raw.replace("；", ";").split(";") if a.strip()]
            else:
                labels = list(r.get("charge_gold") or [])
            labels = [canonical(a).removesuffix("罪") for a in labels]
            key = _fact_key(r["fact"])
            if not labels or any(a not in known for a in labels):
                stats["dropped_label"] += 1
            elif key in held_out:
                stats["dropped_overlap"] += 1
            elif key not in seen:
                seen.add(key)
                texts.append(r["fact"])
                golds.append(labels)
                stats["kept"] += 1
    return texts, golds, stats


def expand(texts: list[str], golds: list[list[str]]) -> tuple[list[str], list[str]]:
    xs, ys = [], []
    for t, g in zip(texts, golds, strict=True):
        for lab in g:
            xs.append(t)
            ys.append(lab)
    return xs, ys


def evaluate(model: LinearTextModel, texts: list[str], golds: list[list[str]], frequent: int = 0) -> dict[str, Any]:
    from sklearn.metrics import classification_report, f1_score

    t0 = time.perf_counter()
    top = model.top_k(texts, 3)
    seconds = time.perf_counter() - t0
    pred = [t[0][0] for t in top]
    any_hit = [p in g for p, g in zip(pred, golds, strict=True)]
    top3 = [any(c in g for c, _ in t) for t, g in zip(top, golds, strict=True)]
    single = [i for i, g in enumerate(golds) if len(g) == 1]
    y_true = [golds[i][0] for i in single]
    y_pred = [pred[i] for i in single]
    labels = sorted(set(y_true))
    out: dict[str, Any] = {
        "n": len(texts),
        "n_single": len(single),
        "top1": round(float(np.mean(any_hit)), 4),
        "top3": round(float(np.mean(top3)), 4),
        "strict_single": round(float(np.mean([a == b for a, b in zip(y_true, y_pred, strict=True)])), 4),
        "macro_f1_single": round(float(f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0)), 4),
        "facts_per_s": round(len(texts) / seconds, 1),
    }
    if frequent:
        report = classification_report(y_true, y_pred, labels=labels, output_dict=True, zero_division=0)
        out["per_class"] = {
            lab: {k: round(float(v), 3) for k, v in report[lab].items()}
            for lab in labels
            if report[lab]["support"] >= frequent
        }
    return out


def train(
    cfg: dict[str, Any], texts: list[str], golds: list[list[str]], meta: dict[str, Any], calibrate: bool = True
) -> LinearTextModel:
    own = len(texts)
    if cfg.get("extra_data"):
        more_x, more_y, _ = load_extra()
        texts, golds = texts + more_x, golds + more_y
    xs, ys = expand(texts, golds)
    # The LawBench/LexEval facts are mostly thefts: at full weight they pull 盗窃 over other charges.
    extra_weight = float(cfg.get("extra_weight", 1.0))
    weights = [1.0 if i < own else extra_weight for i, g in enumerate(golds) for _ in g]
    featurizer = build_featurizer(
        xs,
        tuple(cfg["ngram_range"]),  # type: ignore[arg-type]
        sublinear_tf=cfg["sublinear_tf"],
        min_df=cfg["min_df"],
        max_features=cfg["max_features"],
        keywords=charge_keywords() if cfg["keyword_features"] else None,
        keyword_weight=cfg["keyword_weight"] if cfg["keyword_features"] else 0.0,
        max_chars=cfg.get("max_chars", 4000),
    )
    return fit_model(
        featurizer,
        xs,
        ys,
        kind=cfg["model"],
        c=cfg["C"],
        class_weight=cfg["class_weight"],
        seed=cfg["seed"],
        calibration_folds=3 if calibrate else 0,
        meta=meta,
        sample_weight=weights if extra_weight != 1.0 else None,
    )


# Each experiment changes a few keys of the baseline (the ECOSYSTEM.md baseline: char 1-3 TF-IDF + LinearSVC).
BASELINE: dict[str, Any] = {
    "ngram_range": [1, 3],
    "sublinear_tf": False,
    "min_df": 1,
    "max_features": None,
    "keyword_features": False,
    "keyword_weight": 0.0,
    "model": "svm",
    "C": 1.0,
    "class_weight": None,
    "extra_data": False,
}
EXPERIMENTS: dict[str, dict[str, Any]] = {
    "baseline (char 1-3, svm C=1)": {},
    "sublinear, min_df=2": {"sublinear_tf": True, "min_df": 2},
    "char 1-4": {"sublinear_tf": True, "min_df": 2, "ngram_range": [1, 4]},
    "svm C=0.3": {"sublinear_tf": True, "min_df": 2, "C": 0.3},
    "class_weight balanced": {"sublinear_tf": True, "min_df": 2, "class_weight": "balanced"},
    "+ keywords 0.5": {"sublinear_tf": True, "min_df": 2, "keyword_features": True, "keyword_weight": 0.5},
    "logistic regression C=30": {"sublinear_tf": True, "min_df": 2, "model": "lr", "C": 30.0},
    "sgd modified_huber": {"sublinear_tf": True, "min_df": 2, "model": "sgd", "C": 1.0},
    "+ lawbench/lexeval facts": {"sublinear_tf": True, "min_df": 2, "extra_data": True},
    "+ extra facts + keywords": {
        "sublinear_tf": True,
        "min_df": 2,
        "extra_data": True,
        "keyword_features": True,
        "keyword_weight": 0.5,
    },
    "+ extra, cap 60k features": {"sublinear_tf": True, "min_df": 2, "extra_data": True, "max_features": 60000},
    "+ extra, cap 60k, svm C=0.5": {
        "sublinear_tf": True,
        "min_df": 2,
        "extra_data": True,
        "max_features": 60000,
        "C": 0.5,
    },
    "+ extra x0.3": {"sublinear_tf": True, "min_df": 2, "extra_data": True, "extra_weight": 0.3, "max_features": 80000},
    "+ extra x0.3, balanced": {
        "sublinear_tf": True,
        "min_df": 2,
        "extra_data": True,
        "extra_weight": 0.3,
        "max_features": 80000,
        "class_weight": "balanced",
    },
    "+ extra, cap 60k, balanced": {
        "sublinear_tf": True,
        "min_df": 2,
        "extra_data": True,
        "max_features": 60000,
        "class_weight": "balanced",
    },
}


def load_config() -> dict[str, Any]:
    return yaml.safe_load((HERE / "config.yaml").read_text(encoding="utf-8"))


def run_experiments(names: list[str] | None = None) -> dict[str, Any]:
    import sklearn

    seed = load_config()["seed"]
    train_x, train_y = load("train")
    dev_x, dev_y = load("dev")
    path = HERE / "experiments.json"
    results: dict[str, Any] = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    for name in names or list(EXPERIMENTS):
        override = EXPERIMENTS[name]
        cfg = {**BASELINE, **override, "seed": seed}
        t0 = time.perf_counter()
        model = train(cfg, train_x, train_y, {"sklearn_version": sklearn.__version__}, calibrate=False)
        res = evaluate(model, dev_x, dev_y)
        res["train_s"] = round(time.perf_counter() - t0, 1)
        res["n_features"] = model.featurizer.n_features
        res["config"] = cfg
        results[name] = res
        line = (
            f"{name:32s} top1={res['top1']:.4f} strict={res['strict_single']:.4f} "
            f"macroF1={res['macro_f1_single']:.4f} feats={res['n_features']} {res['train_s']}s"
        )
        print(line, flush=True)  # noqa: T201
        path.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return results


def dev_report(model: LinearTextModel, dev_x: list[str], dev_y: list[list[str]]) -> dict[str, Any]:
    """Dev figures of the chosen model: accuracy, calibration (reliability) and the rule's threshold table."""
    res = evaluate(model, dev_x, dev_y)
    top = model.predict(dev_x)
    # How often the model is right at each score: a disagreement above the threshold is then rarely the model's error.
    table = []
    for thr in (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95):
        kept = [(c, g) for (c, s), g in zip(top, dev_y, strict=True) if s >= thr]
        correct = sum(c in g for c, g in kept)
        table.append({"threshold": thr, "coverage": round(len(kept) / len(dev_y), 3),
                      "precision": round(correct / max(len(kept), 1), 4)})  # fmt: skip
    res["threshold_table"] = table
    bins = np.linspace(0, 1, 11)
    scores = np.array([s for _, s in top])
    hits = np.array([c in g for (c, _), g in zip(top, dev_y, strict=True)])
    res["reliability"] = [
        {
            "bin": f"{lo:.1f}-{hi:.1f}",
            "n": int(m.sum()),
            "accuracy": round(float(hits[m].mean()), 3) if m.any() else None,
        }
        for lo, hi in itertools.pairwise(bins)
        for m in [(scores >= lo) & (scores < hi if hi < 1 else scores <= hi)]
    ]
    return res


MAX_BYTES = 10 * 1024 * 1024
KEEP_FEATURES = (60000, 50000, 40000, 30000, 20000)


def shrink(dev_x: list[str], dev_y: list[list[str]]) -> list[dict[str, Any]]:
    """Keep the most weighted n-grams until the artifact fits MAX_BYTES; the dev figures of each size are logged."""
    log = []
    full = LinearTextModel.load(ARTIFACT)
    for k in KEEP_FEATURES:
        model = LinearTextModel.load(ARTIFACT)
        model.keep_features(k)
        tmp = ARTIFACT.with_suffix(".tmp.npz")
        model.save(tmp)
        size = tmp.stat().st_size
        res = evaluate(model, dev_x, dev_y)
        log.append({"keep_features": k, "bytes": size, "dev_top1": res["top1"], "dev_macro_f1": res["macro_f1_single"]})
        print("shrink:", log[-1], flush=True)  # noqa: T201
        if size <= MAX_BYTES:
            tmp.replace(ARTIFACT)
            return log
        tmp.unlink()
    raise RuntimeError(f"no size in {KEEP_FEATURES} fits {MAX_BYTES} bytes (full model: {full.featurizer.n_features})")


def final() -> dict[str, Any]:
    """Fit on train (+ the extra facts), calibrate the temperature on dev, save, evaluate once on test."""
    import sklearn

    cfg = load_config()
    chosen = {**cfg["final"], "seed": cfg["seed"]}
    train_x, train_y = load("train")
    dev_x, dev_y = load("dev")
    meta = {
        "task": "charge",
        "sklearn_version": sklearn.__version__,
        "trained": datetime.now(UTC).strftime("%Y-%m-%d"),
        "data": "cail2018_sample.jsonl train split (corpora/splits.py)"
        + (" + LawBench/LexEval CAIL-derived facts (dev/test facts removed)" if chosen.get("extra_data") else ""),
        "config": chosen,
        "command": COMMAND,
    }
    t0 = time.perf_counter()
    model = train(chosen, train_x, train_y, meta, calibrate=False)
    train_s = time.perf_counter() - t0
    index = {c: i for i, c in enumerate(model.classes)}
    # Temperature on dev: facts whose (first) gold charge the model knows.
    known = [i for i, g in enumerate(dev_y) if g[0] in index]
    scores = model.decision([dev_x[i] for i in known])
    model.temperature = fit_temperature(scores, np.array([index[dev_y[i][0]] for i in known]))
    model.prune(chosen.get("prune_fraction", 0.0))
    model.save(ARTIFACT)
    shrink_log = shrink(dev_x, dev_y)
    base = {
        "date": meta["trained"],
        "sklearn_version": sklearn.__version__,
        "config": chosen,
        "extra_data": load_extra()[2] if chosen.get("extra_data") else None,
        "train_s": round(train_s, 1),
        "shrink_on_dev": shrink_log,
    }
    return report(base)


def report(base: dict[str, Any] | None = None) -> dict[str, Any]:
    """Dev and (once) test figures of the artifact as shipped (float16, pruned, shrunk) -> metrics.json."""
    path = HERE / "metrics.json"
    metrics = base if base is not None else json.loads(path.read_text(encoding="utf-8"))
    loaded = LinearTextModel.load(ARTIFACT)
    dev_x, dev_y = load("dev")
    dev = dev_report(loaded, dev_x, dev_y)
    # Per predicted charge, how often it is right on dev: the review rule trusts only charges the model gets right.
    hits: dict[str, list[int]] = {}
    for (c, _), g in zip(loaded.predict(dev_x), dev_y, strict=True):
        hits.setdefault(c, []).append(int(c in g))
    loaded.meta["dev_precision"] = {c: [round(float(np.mean(h)), 3), len(h)] for c, h in sorted(hits.items())}
    loaded.save(ARTIFACT)
    dev["precision_by_predicted_charge"] = loaded.meta["dev_precision"]
    print("dev:", json.dumps({k: v for k, v in dev.items() if k != "per_class"}, ensure_ascii=False))  # noqa: T201
    test = evaluate(loaded, *load("test"), frequent=10)
    metrics.update(
        artifact_bytes=ARTIFACT.stat().st_size,
        n_features=loaded.featurizer.n_features,
        n_classes=len(loaded.classes),
        temperature=round(loaded.temperature, 4),
        dev=dev,
        test=test,
    )
    path.write_text(json.dumps(metrics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print("test:", json.dumps({k: v for k, v in test.items() if k != "per_class"}, ensure_ascii=False))  # noqa: T201
    print(f"artifact {ARTIFACT.stat().st_size / 1e6:.2f} MB")  # noqa: T201
    return metrics


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "final"
    if what in ("shrink", "report"):  # the last steps of `final` alone, on the saved artifact
        metrics = json.loads((HERE / "metrics.json").read_text(encoding="utf-8"))
        if what == "shrink":
            metrics["shrink_on_dev"] = shrink(*load("dev"))
        report(metrics)
    elif what == "experiments":
        run_experiments(sys.argv[2:] or None)
    elif what == "final":
        final()
    else:
        raise SystemExit(f"unknown command {what!r}: experiments | final")
