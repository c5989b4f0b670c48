"""Which NER backend runs (``ReviewSettings.ner_backend``): the spaCy layers by default, the optional character
BERT of nlp/ner/transformer_backend.py when ``JUANSHEN_NER_BACKEND=transformers``.

The transformers backend needs the ``[transformers]`` extra (torch, transformers), which the default install and CI
do not have: selecting it without them raises ``MissingExtraError`` at start-up, naming the extra, rather than
reviewing silently without NER.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from nlp.ner.base import NerBackend
from nlp.settings import ReviewSettings

EXTRA = "transformers"
_EXTRA_MODULES = ("torch", "transformers", "safetensors")
_NAMES = {"spacy": "spacy", "transformers": "transformers", "transformer": "transformers", "bert": "transformers"}


class MissingExtraError(RuntimeError):
    """A selected backend's optional dependencies are not installed."""


def backend_name(settings: ReviewSettings | None = None) -> str:
    """The selected backend, "spacy" or "transformers"; an unknown name is an error, not a silent fallback."""
    raw = (settings or ReviewSettings()).ner_backend.strip().lower()
    if raw not in _NAMES:
        raise ValueError(f"未知的 NER 后端 JUANSHEN_NER_BACKEND={raw!r}，可选 spacy 或 transformers")
    return _NAMES[raw]


def require_extra() -> None:
    missing = [m for m in _EXTRA_MODULES if importlib.util.find_spec(m) is None]
    if missing:
        raise MissingExtraError(
            f"NER 后端 transformers 需要可选依赖 [{EXTRA}]，缺少 {', '.join(missing)}："
            f"请安装 pip install 'juanshen[{EXTRA}]'，或改用默认后端 JUANSHEN_NER_BACKEND=spacy"
        )


@cache
def transformer_backend(package: Path) -> NerBackend:
    require_extra()
    from nlp.ner.transformer_backend import TransformerNerBackend

    return TransformerNerBackend(package)


def review_backend(settings: ReviewSettings | None = None) -> NerBackend | None:
    """The backend a review runs under ``settings``; None when NER is off (or the spaCy artifact is absent)."""
    from nlp.ner.spacy_backend import case_backend

    settings = settings or ReviewSettings()
    if not settings.ner_enabled:
        return None
    if backend_name(settings) == "transformers":
        return transformer_backend(Path(settings.ner_transformer_dir))
    return case_backend(settings)


def extract_backend(settings: ReviewSettings | None = None) -> NerBackend:
    """The backend of ``juanshen extract`` (CAIL2021 labels): both spaCy CAIL layers, or the transformers model."""
    from nlp.ner.spacy_backend import cail_backend

    settings = settings or ReviewSettings()
    if backend_name(settings) == "transformers":
        return transformer_backend(Path(settings.ner_transformer_dir))
    return cail_backend(settings)
