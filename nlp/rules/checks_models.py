"""Check kinds that use trained models (charge classifier disagreement).

A model's answer is a suggestion: these checks speak only when the model is very sure (a threshold chosen on held-out
data, models/charge/README.md) and only about charges the model knows, and their findings are low severity.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass
from functools import cache

from nlp import registry
from nlp.case.view import CaseView
from nlp.rules.checks import make_finding
from nlp.rules.model import Rule
from nlp.schema import Document, Finding

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Span:
    doc: Document
    start: int
    end: int
    text: str


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.S)


def _spans(docs: list[Document], patterns: list[str], group: str) -> list[_Span]:
    out: list[_Span] = []
    for doc in docs:
        for pattern in patterns:
            for m in _compiled(pattern).finditer(doc.text):
                start, end = m.span(group)
                text = doc.text[start:end].strip()
                if text:
                    out.append(_Span(doc, start, end, text))
    return out


def _compatible(predicted: str, stated: str) -> bool:
    """The names may be the same charge: one's characters are within the other's. A selective charge written in
    part (贩卖毒品 ~ 走私、贩卖、运输、制造毒品) or a longer form (掩饰、隐瞒犯罪所得、犯罪所得收益) agrees."""
    a, b = set(predicted) - {"、"}, set(stated) - {"、"}
    return a <= b or b <= a


@registry.checks.register("charge_model_disagreement")
def charge_model_disagreement(case: CaseView, rule: Rule) -> list[Finding]:
    """The stated 涉嫌罪名 differs from the charge a classifier reads, with high confidence, from the facts."""
    from nlp.classify.charge import ModelLoadError, load, normalize_charge

    p = rule.params
    stated = _spans(case.of_type(*p["charge_doc_types"]), p["charge_patterns"], "charge")
    facts = [
        f
        for f in _spans(case.of_type(*p["fact_doc_types"]), p["fact_patterns"], "fact")
        if len(f.text) >= p["min_fact_chars"]
    ]
    if not stated or not facts:
        return []
    try:
        model = load(case.settings.charge_model_path)
    except ModelLoadError as exc:
        log.warning("%s skipped: %s", rule.id, exc)
        return []
    names = {normalize_charge(s.text) for s in stated}
    # Only charges the model was trained on can be contradicted by it (帮助信息网络犯罪活动 is not among them).
    if not any(_compatible(c, n) for n in names for c in model.classes):
        return []
    best: tuple[float, str, _Span] | None = None
    for fact, (charge, score) in zip(facts, model.predict([f.text for f in facts]), strict=True):
        if score < p["min_score"] or any(_compatible(charge, n) for n in names):
            continue
        precision, predicted = model.meta.get("dev_precision", {}).get(charge, (0.0, 0))
        if precision < p["min_class_precision"] or predicted < p["min_class_predictions"]:
            continue  # a charge the model often gives wrongly on dev
        if best is None or score > best[0]:
            best = (score, charge, fact)
    if best is None:
        return []
    score, charge, fact = best
    first = stated[0]
    return [
        make_finding(
            rule,
            [case.evidence(first.doc, first.start, first.end), case.evidence(fact.doc, fact.start, fact.end)],
            doc=fact.doc.doc_type_zh,
            stated="、".join(sorted(n + "罪" for n in names)),
            predicted=charge + "罪",
            score=f"{math.floor(min(score, 0.999) * 100) / 100:.2f}",  # floored: a model is never certain (1.00)
        )
    ]
