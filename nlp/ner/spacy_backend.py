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
import logging
import re
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from threading import Lock
from typing import Any

from nlp.ner.base import Span
from nlp.settings import ReviewSettings

CAIL_LAYERS: tuple[str, ...] = ("persons", "things")
CASE_LAYERS: tuple[str, ...] = ("case",)
_MAX_CHUNK = 600  # long lines are cut after a sentence end: CNN context is a few characters, memory stays flat
_SENTENCE_END = re.compile(r"[。；！？]")

log = logging.getLogger(__name__)


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


class _PieceCache:
    """Bounded LRU of piece -> spans (offsets relative to the piece). Form lines and headings repeat within a case
    and across cases; a piece's spans do not depend on the other pieces of its batch, so a hit changes nothing."""

    def __init__(self, max_pieces: int) -> None:
        self.max_pieces = max_pieces
        self._data: OrderedDict[str, tuple[Span, ...]] = OrderedDict()
        self._lock = Lock()

    def get(self, piece: str) -> tuple[Span, ...] | None:
        with self._lock:
            hit = self._data.get(piece)
            if hit is not None:
                self._data.move_to_end(piece)
            return hit

    def put(self, piece: str, spans: tuple[Span, ...]) -> None:
        if self.max_pieces <= 0:
            return
        with self._lock:
            self._data[piece] = spans
            self._data.move_to_end(piece)
            while len(self._data) > self.max_pieces:
                self._data.popitem(last=False)

    def __len__(self) -> int:
        return len(self._data)


class SpacyNerBackend:
    """``NerBackend`` over one or more spaCy layers of the committed artifact."""

    name = "spacy-cnn"

    def __init__(
        self,
        layers: Sequence[str] = CAIL_LAYERS,
        path: Path | None = None,
        batch_size: int = 256,
        cache_pieces: int = 8192,
    ) -> None:
        import spacy  # imported here: loading the review pipeline without NER stays cheap

        self.path = path or artifact_dir()
        if not self.path.is_dir():
            raise FileNotFoundError(f"NER model not found: {self.path}")
        meta: dict[str, Any] = json.loads((self.path / "meta.json").read_text(encoding="utf-8"))
        self.version = str(meta["version"])
        self.meta = meta
        self.layers = tuple(layers)
        self.batch_size = batch_size
        self.cache = _PieceCache(cache_pieces)
        # Only the NER and its tok2vec run; the blank zh tokenizer is the char segmenter the models were trained on.
        # thinc's single-threaded blis matmul stays: numpy's OpenBLAS was ~12 % faster on one thread, but its default
        # of one thread per core made it 2x slower on the busy 2-core machine, and limiting it is process-wide.
        self._nlps = [spacy.load(self.path / layer) for layer in self.layers]

    @property
    def labels(self) -> list[str]:
        return sorted({label for nlp in self._nlps for label in nlp.get_pipe("ner").labels})

    def _run(self, pieces: list[str]) -> list[tuple[Span, ...]]:
        """Spans of each piece over every layer, each distinct piece run once, cached pieces not at all."""
        found: dict[str, tuple[Span, ...]] = {}
        todo: list[str] = []
        for piece in pieces:
            if piece in found:
                continue
            hit = self.cache.get(piece)
            if hit is None:
                found[piece] = ()
                todo.append(piece)
            else:
                found[piece] = hit
        if todo:
            fresh: dict[str, list[Span]] = {piece: [] for piece in todo}
            for nlp in self._nlps:
                for piece, doc in zip(todo, nlp.pipe(todo, batch_size=self.batch_size), strict=True):
                    fresh[piece].extend(Span(e.label_, e.start_char, e.end_char) for e in doc.ents)
            for piece, spans in fresh.items():
                found[piece] = tuple(spans)
                self.cache.put(piece, found[piece])
        return [found[piece] for piece in pieces]

    def predict(self, texts: list[str]) -> list[list[Span]]:
        where: list[tuple[int, int]] = []
        pieces: list[str] = []
        for i, t in enumerate(texts):
            for off, piece in _chunks(t):
                where.append((i, off))
                pieces.append(piece)
        out: list[list[Span]] = [[] for _ in texts]
        for (i, off), spans in zip(where, self._run(pieces), strict=True):
            out[i].extend(Span(s.label, off + s.start, off + s.end) for s in spans)
        for spans in out:
            spans.sort(key=lambda s: (s.start, s.end, s.label))
        return out


@cache
def load_layers(layers: tuple[str, ...], path: Path) -> SpacyNerBackend:
    """One loaded backend per (layers, artifact) in a process."""
    return SpacyNerBackend(layers, path)


def case_backend(settings: ReviewSettings | None = None) -> SpacyNerBackend | None:
    """The review pipeline's spaCy backend (PERSON/ORG/LOCATION) under ``settings`` (default: the environment's),
    or None when NER is disabled or the artifact is absent."""
    settings = settings or ReviewSettings()
    if not settings.ner_enabled:
        return None
    path = artifact_dir(settings)
    if not path.is_dir():
        log.warning("NER model not found at %s: reviewing without NER", path)
        return None
    return load_layers(CASE_LAYERS, path)


def cail_backend(settings: ReviewSettings | None = None) -> SpacyNerBackend:
    """Both CAIL2021 layers (``juanshen extract``, the CAIL evaluation)."""
    return load_layers(CAIL_LAYERS, artifact_dir(settings))
