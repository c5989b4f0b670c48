"""The charge classifier: 涉嫌罪名 predicted from a fact description (案情), with a calibrated score in [0, 1].

Trained on CAIL2018 facts (models/charge/README.md); charge names are those of cail2018_accu.txt, without 罪
(盗窃, 故意伤害, 走私、贩卖、运输、制造毒品). The model suggests; it never decides.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from nlp.classify.linear import LinearTextModel, ModelLoadError
from nlp.settings import ReviewSettings

log = logging.getLogger(__name__)

__all__ = ["ModelLoadError", "load", "predict", "predict_top"]


def _sklearn_version() -> str | None:
    try:
        return version("scikit-learn")
    except PackageNotFoundError:
        return None


@lru_cache(maxsize=4)
def load(path: Path | None = None) -> LinearTextModel:
    """The charge model at ``path`` (default: settings ``charge_model_path``); ModelLoadError when unusable."""
    model = LinearTextModel.load(path or ReviewSettings().charge_model_path, expect_sklearn=_sklearn_version())
    if model.meta.get("task") != "charge":
        raise ModelLoadError(f"not a charge model: task {model.meta.get('task')!r}")
    return model


def predict(facts: list[str], path: Path | None = None) -> list[tuple[str, float]]:
    """(charge, score) for each fact: the most likely charge and its calibrated probability."""
    return load(path).predict(facts)


def predict_top(facts: list[str], k: int = 3, path: Path | None = None) -> list[list[tuple[str, float]]]:
    return load(path).top_k(facts, k)


def normalize_charge(name: str) -> str:
    """A charge as documents write it (涉嫌盗窃罪, [盗窃、侮辱]尸体) in the model's spelling (盗窃, 盗窃、侮辱尸体)."""
    name = name.strip().replace("[", "").replace("]", "").replace("〔", "").replace("〕", "")
    name = name.removeprefix("涉嫌")
    return name.removesuffix("罪")
