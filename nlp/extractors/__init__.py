"""Entity extraction: each module registers extractors ``(text) -> list[Entity]`` in ``registry.extractors``."""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from nlp import registry
from nlp.schema import Entity
from nlp.textview import TextView

# Modules whose import registers extractors. Order does not matter: overlaps are resolved below.
_MODULES = ("ids", "datetimes", "money", "docnumbers", "citations")
_loaded = False


def load_all() -> None:
    global _loaded
    if _loaded:
        return
    for name in _MODULES:
        importlib.import_module(f"nlp.extractors.{name}")
    _loaded = True


def resolve_overlaps(entities: list[Entity]) -> list[Entity]:
    """Keep the longest of overlapping spans (ties: higher score, then earlier start); sort by offset."""
    ranked = sorted(entities, key=lambda e: (-(e.end - e.start), -e.score, e.start))
    kept: list[Entity] = []
    for ent in ranked:
        if all(ent.end <= k.start or ent.start >= k.end for k in kept):
            kept.append(ent)
    return sorted(kept, key=lambda e: (e.start, e.end))


def _extract(text: str) -> list[Entity]:
    load_all()
    found: list[Entity] = []
    for _name, func in registry.extractors.items():
        found.extend(func(text))
    return resolve_overlaps(found)


def _with_ner(text: str, found: list[Entity]) -> list[Entity]:
    """The trained NER (nlp/ner) adds PERSON/ORG/LOCATION where no pattern entity stands. It reads ``text`` as it
    is, line by line, so soft breaks never change what it finds."""
    from nlp.ner.entities import ner_entities

    return sorted(found + ner_entities(text, found), key=lambda e: (e.start, e.end))


def extract(text: str, soft_breaks: Sequence[int] = ()) -> list[Entity]:
    """Run every registered pattern extractor over ``text``.

    ``soft_breaks`` are offsets of "\n" characters in ``text`` that only wrap a printed line (a PDF parser's
    ``ParsedFile.soft_breaks``): the extractors then read ``text`` with those newlines removed, so
    "第一百八\n十一条" or "2024年3月\n2日" is found whole. Offsets still point into ``text``: an entity across a
    soft break keeps the newline inside its span, and ``entity.text == text[entity.start:entity.end]`` always
    holds; ``value`` is what the extractor read from the joined text. Raises ValueError for an offset that is
    not a "\n" of ``text``.
    """
    if not soft_breaks:
        return _with_ner(text, _extract(text))  # no soft breaks: no offset mapping needed
    breaks = sorted(set(soft_breaks))
    for offset in breaks:
        if not 0 <= offset < len(text) or text[offset] != "\n":
            raise ValueError(f"soft break {offset} is not a line break of the text")
    view = TextView(text, breaks)

    mapped: list[Entity] = []
    for ent in _extract(view.text):
        start, end = view.span(ent.start, ent.end)  # a soft break just after the entity stays outside it
        mapped.append(
            ent
            if (start, end) == (ent.start, ent.end)
            else ent.model_copy(update={"start": start, "end": end, "text": text[start:end]})
        )
    return _with_ner(text, mapped)
