"""The document-type fallback: a text classifier asked only when the title rules are unsure.

The rules (nlp/doctypes/classify.py) read titles; a scanned page with a damaged or missing title leaves them with
body markers or a file name at best. The model (models/doctype/README.md) reads the body. It never overrides a
title or a file name: it answers when the rules found no title and at most weak body markers, or settles a title
several types share.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from nlp.classify.linear import LinearTextModel, ModelLoadError
from nlp.settings import ReviewSettings

if TYPE_CHECKING:
    from nlp.doctypes.classify import Classification

log = logging.getLogger(__name__)

ASK_BELOW = 0.65  # rule answers below this confidence (markers, file names, unsettled title ties) ask the model
MIN_SCORE = 0.5  # the model's probability needed to answer (fixed beforehand, not tuned on the evaluation corpus)
CONFIDENCE_CAP = 0.8  # a body-only answer is weaker evidence than a title (CONF_TITLE = 0.9)
MIN_BODY = 40  # characters after a tied title before the body may settle the tie
MIN_MARGIN = 0.0  # the best raw one-vs-rest score must be positive (prose unlike any document stays below)
MIN_TEXT = 80  # non-blank characters a document needs before the model may name its type
HEAD = 2000  # … counted in its head only (the model reads 800 characters; a 100-page record costs no more)


@lru_cache(maxsize=1)
def model() -> LinearTextModel | None:
    path = ReviewSettings().doctype_model_path
    try:
        expect = version("scikit-learn")
    except PackageNotFoundError:
        expect = None
    try:
        loaded = LinearTextModel.load(path, expect_sklearn=expect)
    except ModelLoadError as exc:
        log.warning("document-type fallback disabled: %s", exc)
        return None
    return loaded


def refine(text: str, ruled: Classification) -> Classification:
    """``ruled`` as it is, or the model's answer where the rules were unsure and the model is not."""
    if ruled.confidence >= ASK_BELOW:
        return ruled
    tie = bool(ruled.title and ruled.alternatives)  # a shared title (传唤证): the body picks among its types
    if tie and len(text) - ruled.title_end < MIN_BODY:
        return ruled
    if not tie and (ruled.title or ruled.method == "filename" or len("".join(text[:HEAD].split())) < MIN_TEXT):
        return ruled  # a file name is its author's word; a few characters are too little to read a type from
    m = model()
    if m is None:
        return ruled
    scores = m.decision([text])
    if scores.max() < MIN_MARGIN:
        return ruled  # no one-vs-rest score says "this type": text unlike any training document
    probs = dict(zip(m.classes, m.calibrate(scores)[0].tolist(), strict=True))
    if tie:
        tied = [ruled.doc_type, *ruled.alternatives]
        best = max(tied, key=lambda k: probs.get(k, 0.0))
        if probs.get(best, 0.0) < MIN_SCORE or best == ruled.doc_type:
            return ruled
        others = [k for k in tied if k != best]
        return ruled.model_copy(
            update={
                "doc_type": best,
                "name_zh": _name(best),
                "confidence": round(min(CONFIDENCE_CAP, probs[best]), 3),
                "method": "title+model",
                "alternatives": others,
            }
        )
    if ruled.doc_type != "unknown" and ruled.doc_type not in probs:
        return ruled  # the model never saw this type, so it cannot tell the rules they are wrong
    best = max(probs, key=probs.__getitem__)
    score = probs[best]
    if score < MIN_SCORE or score <= ruled.confidence or best == ruled.doc_type:
        return ruled
    alternatives = [ruled.doc_type] if ruled.doc_type != "unknown" else []
    return ruled.model_copy(
        update={
            "doc_type": best,
            "name_zh": _name(best),
            "confidence": round(min(CONFIDENCE_CAP, score), 3),
            "method": "model",
            "subject": "",
            "alternatives": alternatives,
        }
    )


def _name(key: str) -> str:
    from nlp.doctypes.specs import load_specs

    spec = load_specs().doc_types.get(key)
    return spec.name_zh if spec is not None else "未识别"
