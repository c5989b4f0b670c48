"""Which NER backend runs (``ReviewSettings.ner_backend``, ``JUANSHEN_NER_BACKEND``): ``auto`` (default), ``spacy``
or ``transformers``.

``auto`` picks per task, by the measurements in models/README.md:
- the review runs the spaCy ``case`` layer: trained on case documents for PERSON/ORG/LOCATION (every person of a
  file, officers and witnesses too), while the character BERT knows only CAIL2021's suspects and victims;
- ``juanshen extract`` (CAIL2021 labels) runs the character BERT of nlp/ner/transformer_backend.py when the
  ``[transformers]`` extra and its package are installed (CAIL test blocks strict F1 0.819 vs the spaCy layers'
  0.789), else the spaCy CAIL layers. The output names the backend that ran.

Naming ``transformers`` explicitly without the extra raises ``MissingExtraError`` at start-up, naming the extra,
rather than running silently without NER.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from nlp.ner.base import NerBackend
from nlp.settings import ReviewSettings

EXTRA = "transformers"
_EXTRA_MODULES = ("torch", "transformers", "safetensors")
_NAMES = {
    "auto": "auto",
    "spacy": "spacy",
    "transformers": "transformers",
    "transformer": "transformers",
    "bert": "transformers",
}


class MissingExtraError(RuntimeError):
    """A selected backend's optional dependencies are not installed."""


def backend_name(settings: ReviewSettings | None = None) -> str:
    """The selected backend, "auto", "spacy" or "transformers"; an unknown name is an error, not a silent fallback."""
    raw = (settings or ReviewSettings()).ner_backend.strip().lower()
    if raw not in _NAMES:
        raise ValueError(f"未知的 NER 后端 JUANSHEN_NER_BACKEND={raw!r}，可选 auto、spacy 或 transformers")
    return _NAMES[raw]


def _missing_extra() -> list[str]:
    return [m for m in _EXTRA_MODULES if importlib.util.find_spec(m) is None]


def require_extra() -> None:
    missing = _missing_extra()
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
    name = backend_name(settings)
    package = Path(settings.ner_transformer_dir)
    if name == "auto" and not _missing_extra() and (package / "model.safetensors").is_file():
        name = "transformers"
    if name == "transformers":
        return transformer_backend(package)
    return cail_backend(settings)
