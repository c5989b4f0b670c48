"""Training helpers shared by models/charge and models/doctype (development tooling; needs scikit-learn)."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import numpy as np

from nlp.classify.linear import Featurizer, LinearTextModel, char_ngrams, fit_temperature, normalize


def build_featurizer(
    texts: list[str],
    ngram_range: tuple[int, int],
    *,
    sublinear_tf: bool,
    min_df: int,
    max_features: int | None,
    keywords: list[str] | None = None,
    keyword_weight: float = 0.0,
    max_chars: int = 4000,
) -> Featurizer:
    """Vocabulary and smoothed IDF (as scikit-learn's TfidfVectorizer computes them) from ``texts``."""
    df: Counter[str] = Counter()
    for raw in texts:
        df.update(set(char_ngrams(normalize(raw, max_chars), *ngram_range)))
    kept = [(g, c) for g, c in df.items() if c >= min_df]
    kept.sort(key=lambda gc: (-gc[1], gc[0]))  # most documents first; ties by the n-gram, so it is deterministic
    if max_features:
        kept = kept[:max_features]
    kept.sort()
    n = len(texts)
    vocab = [g for g, _ in kept]
    idf = np.array([math.log((1 + n) / (1 + c)) + 1.0 for _, c in kept])
    return Featurizer(
        vocab=vocab,
        idf=idf,
        ngram_range=ngram_range,
        sublinear_tf=sublinear_tf,
        keywords=list(keywords or []),
        keyword_weight=keyword_weight,
        max_chars=max_chars,
    )


def make_estimator(kind: str, c: float, class_weight: str | None, seed: int) -> Any:
    from sklearn.linear_model import LogisticRegression, SGDClassifier
    from sklearn.svm import LinearSVC

    if kind == "svm":
        return LinearSVC(C=c, class_weight=class_weight, random_state=seed)
    if kind == "lr":
        return LogisticRegression(C=c, class_weight=class_weight, max_iter=300)
    if kind == "sgd":
        return SGDClassifier(
            loss="modified_huber", alpha=1e-5 / max(c, 1e-6), class_weight=class_weight, random_state=seed
        )
    raise ValueError(f"unknown model kind {kind!r}")


def _fit_linear(
    x: Any, y: list[str], kind: str, c: float, class_weight: str | None, seed: int, weight: np.ndarray | None = None
) -> Any:
    est = make_estimator(kind, c, class_weight, seed)
    est.fit(x, y, sample_weight=weight)
    return est


def fit_model(
    featurizer: Featurizer,
    texts: list[str],
    labels: list[str],
    *,
    kind: str,
    c: float,
    class_weight: str | None,
    seed: int,
    calibration_folds: int = 5,
    meta: dict[str, Any] | None = None,
    sample_weight: list[float] | None = None,
) -> LinearTextModel:
    """Fit a linear model; the softmax temperature comes from out-of-fold scores on the same training texts.
    ``sample_weight`` (one per text) lets a less trusted source count less."""
    from sklearn.model_selection import StratifiedKFold

    x = featurizer.transform(texts)
    y = np.array(labels)
    weight = None if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    kinds = kind.split("+")
    coefs, intercepts = [], []
    classes: list[str] | None = None
    for k in kinds:
        est = _fit_linear(x, labels, k, c, class_weight, seed, weight)
        if classes is None:
            classes = [str(v) for v in est.classes_]
        coefs.append(_standardise(est.coef_, est.intercept_)[0])
        intercepts.append(_standardise(est.coef_, est.intercept_)[1])
    assert classes is not None
    coef = np.mean(coefs, axis=0)
    intercept = np.mean(intercepts, axis=0)
    if calibration_folds < 2:  # experiments compare accuracy only
        return LinearTextModel(
            featurizer, classes, coef.astype(np.float32), intercept.astype(np.float32), 1.0, meta or {}
        )
    # Out-of-fold decision scores for the temperature (classes with one example cannot be stratified: folds merge).
    counts = Counter(labels)
    strat = np.array([lab if counts[lab] >= calibration_folds else "_rare" for lab in labels])
    skf = StratifiedKFold(n_splits=calibration_folds, shuffle=True, random_state=seed)
    oof = np.zeros((len(labels), len(classes)))
    index = {c_: i for i, c_ in enumerate(classes)}
    for tr, te in skf.split(x, strat):
        sub = [labels[i] for i in tr]
        fold_coefs, fold_ints = [], []
        fold_classes = sorted(set(sub))
        for k in kinds:
            est = _fit_linear(x[tr], sub, k, c, class_weight, seed, None if weight is None else weight[tr])
            w, b = _standardise(est.coef_, est.intercept_)
            fold_coefs.append(w)
            fold_ints.append(b)
            fold_classes = [str(v) for v in est.classes_]
        w = np.mean(fold_coefs, axis=0)
        b = np.mean(fold_ints, axis=0)
        scores = np.full((len(te), len(classes)), -10.0)  # a class absent from the fold cannot be predicted
        fold_scores = np.asarray(x[te] @ w.T) + b
        for j, cl in enumerate(fold_classes):
            scores[:, index[cl]] = fold_scores[:, j]
        oof[te] = scores
    temperature = fit_temperature(oof, np.array([index[lab] for lab in y]))
    return LinearTextModel(
        featurizer=featurizer,
        classes=classes,
        coef=coef.astype(np.float32),
        intercept=intercept.astype(np.float32),
        temperature=temperature,
        meta=dict(meta or {}),
    )


def _standardise(coef: np.ndarray, intercept: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Two-class estimators store one row; expand so every model has one row per class."""
    coef = np.asarray(coef, dtype=np.float64)
    intercept = np.asarray(intercept, dtype=np.float64).ravel()
    if coef.shape[0] == 1:
        return np.vstack([-coef, coef]), np.array([-intercept[0], intercept[0]])
    return coef, intercept
