"""The default NER backend: spaCy pipelines trained here (models/ner), loaded from the committed artifact.

The artifact directory (``models/ner/packages/juanshen_ner-<version>``) holds one spaCy pipeline per *layer*:

* ``persons`` and ``things``: CAIL2021 theft labels. CAIL nests a victim inside a stolen item or a place
  ("被害人王某某的手机"), which one flat NER cannot hold, so persons (NHCS, NHVI) and the rest (NASI, NCGV, NCSM,
  NCSP, NATS, NT, NS, NO) are two pipelines whose outputs may overlap.
* ``case``: PERSON, ORG, LOCATION as our generated case files label them (forms, 笔录 and 文书 prose).

Texts are read line by line (the models were trained on sentences and form lines); offsets are mapped back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from nlp.ner.base import Span
from nlp.settings import ReviewSettings

CAIL_LAYERS: tuple[str, ...] = ("persons", "things")
CASE_LAYERS: tuple[str, ...] = ("case",)
_MAX_CHUNK = 600  # long lines are cut after a sentence end: CNN context is a few characters, memory stays flat
_SENTENCE_END = re.compile(r"[。；！？]")


def artifact_dir(settings: ReviewSettings | None = None) -> Path:
    settings = settings or ReviewSettings()
    return Path(settings.ner_model_dir) / f"juanshen_ner-{settings.ner_model_version}"


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) for every non-blank line of ``text``, long lines cut at sentence ends."""
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        while len(line) > _MAX_CHUNK:
            ends = [m.end() for m in _SENTENCE_END.finditer(line, 0, _MAX_CHUNK)]
            cut = ends[-1] if ends else _MAX_CHUNK
            yield start, line[:cut]
            start, line = start + cut, line[cut:]
        if line.strip():
            yield start, line


class SpacyNerBackend:
    """``NerBackend`` over one or more spaCy layers of the committed artifact."""

    name = "spacy-cnn"

    def __init__(self, layers: Sequence[str] = CAIL_LAYERS, path: Path | None = None, batch_size: int = 256) -> None:
        import spacy  # imported here: loading the review pipeline without NER stays cheap

        self.path = path or artifact_dir()
        if not self.path.is_dir():
            raise FileNotFoundError(f"NER model not found: {self.path}")
        meta: dict[str, Any] = json.loads((self.path / "meta.json").read_text(encoding="utf-8"))
        self.version = str(meta["version"])
        self.meta = meta
        self.layers = tuple(layers)
        self.batch_size = batch_size
        # Only the NER and its tok2vec run; the blank zh tokenizer is the char segmenter the models were trained on.
        self._nlps = [spacy.load(self.path / layer) for layer in self.layers]

    @property
    def labels(self) -> list[str]:
        return sorted({label for nlp in self._nlps for label in nlp.get_pipe("ner").labels})

    def predict(self, texts: list[str]) -> list[list[Span]]:
        pieces: list[tuple[int, int, str]] = [(i, off, piece) for i, t in enumerate(texts) for off, piece in _chunks(t)]
        out: list[list[Span]] = [[] for _ in texts]
        for nlp in self._nlps:
            docs = nlp.pipe((p[2] for p in pieces), batch_size=self.batch_size)
            for (i, off, _piece), doc in zip(pieces, docs, strict=True):
                out[i].extend(Span(e.label_, off + e.start_char, off + e.end_char) for e in doc.ents)
        for spans in out:
            spans.sort(key=lambda s: (s.start, s.end, s.label))
        return out


@cache
def case_backend() -> SpacyNerBackend | None:
    """The review pipeline's backend (PERSON/ORG/LOCATION), or None when the artifact is absent or disabled."""
    settings = ReviewSettings()
    if not settings.ner_enabled:
        return None
    try:
        return SpacyNerBackend(CASE_LAYERS, artifact_dir(settings))
    except FileNotFoundError:
        return None


@cache
def cail_backend() -> SpacyNerBackend:
    return SpacyNerBackend(CAIL_LAYERS)
