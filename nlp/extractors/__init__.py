"""Entity extraction: each module registers extractors ``(text) -> list[Entity]`` in ``registry.extractors``."""

from __future__ import annotations

import importlib

from nlp import registry
from nlp.schema import Entity

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


def extract(text: str) -> list[Entity]:
    """Run every registered pattern extractor over ``text``."""
    load_all()
    found: list[Entity] = []
    for _name, func in registry.extractors.items():
        found.extend(func(text))
    return resolve_overlaps(found)
