"""Strict span-level scoring shared by every NER evaluation (spaCy and transformers projects, the notebook)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from nlp.ner.base import Span


def score(gold: list[list[Span]], pred: list[list[Span]]) -> dict[str, Any]:
    """Per-label and micro precision/recall/F1 of strict span matches (label, start and end all equal)."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(g), set(p)
        for s in gs:
            n_gold[s.label] += 1
        for s in ps:
            n_pred[s.label] += 1
            if s in gs:
                tp[s.label] += 1

    def prf(t: int, ng: int, np_: int) -> dict[str, float | int]:
        p = t / np_ if np_ else 0.0
        r = t / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold": ng, "pred": np_, "tp": t}

    labels = sorted(set(n_gold) | set(n_pred))
    return {
        "per_type": {lab: prf(tp[lab], n_gold[lab], n_pred[lab]) for lab in labels},
        "micro": prf(sum(tp.values()), sum(n_gold.values()), sum(n_pred.values())),
    }
