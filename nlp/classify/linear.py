"""A small linear text classifier stored as plain arrays (no pickle): character n-gram TF-IDF + dictionary words.

Both packaged classifiers (charges, document types) use it. The artifact is one ``.npz`` file: the n-gram
vocabulary and IDF weights, the keyword list, the weight matrix (float16) and a softmax temperature fitted on
held-out scores, so a score is a calibrated probability in [0, 1]. Training uses scikit-learn; prediction needs only
numpy and scipy, and the same code computes the features in both, so a model cannot drift from its training.
"""

from __future__ import annotations

import json
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

FORMAT = "juanshen-linear-text/1"
_SPACE = re.compile(r"\s+")


class ModelLoadError(RuntimeError):
    """The artifact is missing, of another format, or was trained with an incompatible scikit-learn."""


def normalize(text: str, max_chars: int) -> str:
    # Whitespace carries no meaning in Chinese text but varies with the parser (PDF wraps, docx cells).
    return _SPACE.sub(" ", text[:max_chars]).strip()


def char_ngrams(text: str, low: int, high: int) -> list[str]:
    """All character n-grams, low <= n <= high, n-gram size by size (joining shifted copies beats slicing 2x)."""
    out: list[str] = []
    grams: Iterable[str] = text
    for n in range(1, high + 1):
        if n > 1:
            grams = map(operator.add, grams, text[n - 1 :])
        if n >= low:
            grams = list(grams)
            out.extend(grams)
    return out


@dataclass
class Featurizer:
    """Sublinear/plain TF × IDF over a fixed character n-gram vocabulary, l2-normalised, plus binary keywords."""

    vocab: list[str]
    idf: np.ndarray
    ngram_range: tuple[int, int]
    sublinear_tf: bool
    keywords: list[str] = field(default_factory=list)
    keyword_weight: float = 0.0
    max_chars: int = 4000
    _index: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._index = {g: i for i, g in enumerate(self.vocab)}

    @property
    def n_features(self) -> int:
        return len(self.vocab) + len(self.keywords)

    def vector(self, raw: str) -> tuple[np.ndarray, np.ndarray]:
        """One text's non-zero features: (column indices, values)."""
        text = normalize(raw, self.max_chars)
        ids = [j for j in map(self._index.get, char_ngrams(text, *self.ngram_range)) if j is not None]
        idx, counts = np.unique(np.asarray(ids, dtype=np.int64), return_counts=True)
        tf = counts.astype(np.float64)
        if self.sublinear_tf:
            tf = 1.0 + np.log(tf)
        w = tf * self.idf[idx]
        w /= np.linalg.norm(w) or 1.0
        if self.keywords and self.keyword_weight:
            hits = [k for k, word in enumerate(self.keywords) if word in text]
            if hits:
                idx = np.concatenate([idx, len(self.vocab) + np.asarray(hits, dtype=np.int64)])
                w = np.concatenate([w, np.full(len(hits), self.keyword_weight / np.sqrt(len(hits)))])
        return idx, w

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        vectors = [self.vector(t) for t in texts]
        indptr = np.cumsum([0, *(len(i) for i, _ in vectors)])
        indices = np.concatenate([i for i, _ in vectors]) if vectors else np.zeros(0, dtype=np.int64)
        data = np.concatenate([w for _, w in vectors]) if vectors else np.zeros(0)
        return sparse.csr_matrix(
            (data.astype(np.float32), indices, indptr), shape=(len(texts), self.n_features), dtype=np.float32
        )


@dataclass
class LinearTextModel:
    featurizer: Featurizer
    classes: list[str]
    coef: np.ndarray  # (n_classes, n_features)
    intercept: np.ndarray  # (n_classes,)
    temperature: float = 1.0
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._coef_t = np.ascontiguousarray(self.coef.T, dtype=np.float32)  # sparse @ C-ordered dense is fast

    def decision(self, texts: list[str]) -> np.ndarray:
        """Raw linear scores (n_texts, n_classes); one-vs-rest, so a score below 0 means "not this class"."""
        if len(texts) == 1:  # the review path: one document, no sparse matrix to build
            idx, w = self.featurizer.vector(texts[0])
            return (w.astype(np.float32) @ self._coef_t[idx] + self.intercept)[None, :]
        x = self.featurizer.transform(texts)
        return np.asarray(x @ self._coef_t) + self.intercept

    def proba(self, texts: list[str]) -> np.ndarray:
        return self.calibrate(self.decision(texts))

    def calibrate(self, scores: np.ndarray) -> np.ndarray:
        return softmax(scores / self.temperature)

    def predict(self, texts: list[str]) -> list[tuple[str, float]]:
        if not texts:
            return []
        p = self.proba(texts)
        best = p.argmax(axis=1)
        return [(self.classes[int(b)], float(p[i, b])) for i, b in enumerate(best)]

    def top_k(self, texts: list[str], k: int = 3) -> list[list[tuple[str, float]]]:
        if not texts:
            return []
        p = self.proba(texts)
        order = np.argsort(-p, axis=1)[:, :k]
        return [[(self.classes[int(j)], float(p[i, j])) for j in row] for i, row in enumerate(order)]

    def prune(self, fraction: float) -> None:
        """Zero the smallest ``fraction`` of the weights (by magnitude): zeros compress, so the artifact shrinks."""
        if fraction <= 0:
            return
        cut = np.quantile(np.abs(self.coef), fraction)
        self.coef = np.where(np.abs(self.coef) < cut, 0.0, self.coef).astype(np.float32)
        self.__post_init__()

    def keep_features(self, k: int) -> None:
        """Keep the ``k`` n-grams whose weights (across classes) matter most; keywords stay. Shrinks the artifact."""
        f = self.featurizer
        n_vocab = len(f.vocab)
        if k >= n_vocab:
            return
        weight = np.linalg.norm(self.coef[:, :n_vocab], axis=0)
        keep = np.sort(np.argsort(-weight, kind="stable")[:k])
        cols = np.concatenate([keep, np.arange(n_vocab, f.n_features)])
        self.featurizer = Featurizer(
            vocab=[f.vocab[i] for i in keep],
            idf=f.idf[keep],
            ngram_range=f.ngram_range,
            sublinear_tf=f.sublinear_tf,
            keywords=f.keywords,
            keyword_weight=f.keyword_weight,
            max_chars=f.max_chars,
        )
        self.coef = np.ascontiguousarray(self.coef[:, cols])
        self.__post_init__()

    # --- storage ----------------------------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        f = self.featurizer
        header = {
            "format": FORMAT,
            "ngram_range": list(f.ngram_range),
            "sublinear_tf": f.sublinear_tf,
            "keyword_weight": f.keyword_weight,
            "max_chars": f.max_chars,
            "temperature": self.temperature,
            "meta": self.meta,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            np.savez_compressed(
                fh,
                header=np.array(json.dumps(header, ensure_ascii=False)),
                vocab=np.array(f.vocab),
                idf=f.idf.astype(np.float32),
                keywords=np.array(f.keywords, dtype=str),
                classes=np.array(self.classes),
                coef=self.coef.astype(np.float16),
                intercept=self.intercept.astype(np.float32),
            )

    @classmethod
    def load(cls, path: Path, expect_sklearn: str | None = None) -> LinearTextModel:
        if not path.is_file():
            raise ModelLoadError(f"model artifact not found: {path}")
        try:
            with np.load(path, allow_pickle=False) as z:
                header = json.loads(str(z["header"]))
                if header.get("format") != FORMAT:
                    raise ModelLoadError(f"{path.name}: format {header.get('format')!r}, expected {FORMAT!r}")
                featurizer = Featurizer(
                    vocab=z["vocab"].tolist(),
                    idf=z["idf"].astype(np.float64),
                    ngram_range=(int(header["ngram_range"][0]), int(header["ngram_range"][1])),
                    sublinear_tf=bool(header["sublinear_tf"]),
                    keywords=z["keywords"].tolist(),
                    keyword_weight=float(header["keyword_weight"]),
                    max_chars=int(header["max_chars"]),
                )
                model = cls(
                    featurizer=featurizer,
                    classes=z["classes"].tolist(),
                    coef=z["coef"].astype(np.float32),
                    intercept=z["intercept"].astype(np.float32),
                    temperature=float(header["temperature"]),
                    meta=header.get("meta", {}),
                )
        except (OSError, ValueError, KeyError) as exc:
            raise ModelLoadError(f"{path.name}: unreadable model artifact ({exc.__class__.__name__})") from exc
        trained_with = str(model.meta.get("sklearn_version", ""))
        if expect_sklearn is not None and _minor(trained_with) != _minor(expect_sklearn):
            raise ModelLoadError(
                f"{path.name} was trained with scikit-learn {trained_with or '?'}, this environment has "
                f"{expect_sklearn}; retrain it ({model.meta.get('command', 'see its README.md')})"
            )
        return model


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_temperature(scores: np.ndarray, gold_index: np.ndarray) -> float:
    """The softmax temperature that minimises the negative log-likelihood of held-out decision scores."""
    from scipy.optimize import minimize_scalar

    rows = np.arange(len(gold_index))

    def nll(log_t: float) -> float:
        p = softmax(scores / np.exp(log_t))
        return float(-np.log(np.clip(p[rows, gold_index], 1e-12, None)).mean())

    res = minimize_scalar(nll, bounds=(-6.0, 3.0), method="bounded")
    return float(np.exp(res.x))
