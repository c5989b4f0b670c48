"""NER spans as document entities: the trained ``case`` layer gives PERSON, ORG and LOCATION in running text.

The pattern extractors stay authoritative for what they find (dates, amounts, ID numbers, 文号 …): an NER span that
overlaps one of theirs is dropped. PERSON spans also meet the form-label persons of nlp/case/persons.py, which keep
precedence and lend their role to NER mentions of the same name (see ``merge_persons``).

A review runs the NER once over all its documents (``ner_scope``: one batch, so repeated lines run once) under the
Reviewer's settings; ``ner_entities`` then reads those spans. Outside a scope it runs the environment's backend on
the one text. Nothing is cached per whole text beyond the scope, so memory does not grow with the texts seen.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from nlp.labels import EntityType, Role
from nlp.ner.base import NerBackend, Span
from nlp.schema import Entity

SOURCE = "ner:spacy"
_TYPES = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORG,
    "LOCATION": EntityType.LOCATION,
    # CAIL2021 labels, for a backend trained on them (the optional transformers one): parties, organisations, places.
    "NHCS": EntityType.PERSON,
    "NHVI": EntityType.PERSON,
    "NO": EntityType.ORG,
    "NS": EntityType.LOCATION,
}


@dataclass
class _Scope:
    backend: NerBackend | None
    spans: dict[str, tuple[Span, ...]] = field(default_factory=dict)


_scope: ContextVar[_Scope | None] = ContextVar("ner_scope", default=None)


def source_of(backend: NerBackend) -> str:
    return SOURCE if backend.name.startswith("spacy") else f"ner:{backend.name}"


@contextmanager
def ner_scope(backend: NerBackend | None, texts: Iterable[str]) -> Iterator[None]:
    """Within the block, ``ner_entities`` uses ``backend`` (None: no NER) and the spans of ``texts`` found here in
    one batch; they are dropped when the block ends."""
    scope = _Scope(backend)
    if backend is not None:
        unique = list(dict.fromkeys(t for t in texts if t))
        scope.spans = {t: tuple(s) for t, s in zip(unique, backend.predict(unique), strict=True)}
    token = _scope.set(scope)
    try:
        yield
    finally:
        _scope.reset(token)


def _backend() -> NerBackend | None:
    scope = _scope.get()
    if scope is not None:
        return scope.backend
    from nlp.ner.select import review_backend

    return review_backend()


def _spans(text: str, backend: NerBackend | None) -> tuple[Span, ...]:
    if backend is None or not text:
        return ()
    scope = _scope.get()
    hit = scope.spans.get(text) if scope is not None else None
    return hit if hit is not None else tuple(backend.predict([text])[0])


def ner_entities(text: str, taken: list[Entity]) -> list[Entity]:
    """PERSON/ORG/LOCATION entities of ``text`` that overlap none of ``taken`` (the pattern extractors' entities)."""
    backend = _backend()
    if backend is None:
        return []
    source = source_of(backend)
    out: list[Entity] = []
    for span in _spans(text, backend):
        etype = _TYPES.get(span.label)
        if etype is None or any(span.start < e.end and e.start < span.end for e in taken):
            continue
        value = text[span.start : span.end]
        out.append(Entity(type=etype, start=span.start, end=span.end, text=value, value=value, source=source))
    return out


def _cue_role(text: str, start: int, cues: dict[str, Role]) -> tuple[str, Role] | None:
    """The role word written right before a name on its line (被害人 / 民警 / 证人 …), if any."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 12) : start]
    for cue in sorted(cues, key=len, reverse=True):
        if before.endswith(cue):
            return cue, cues[cue]
    return None


def merge_persons(
    entities: list[Entity],
    named: list[tuple[str, Role | None, int, int]],
    text: str = "",
    cues: dict[str, Role] | None = None,
) -> list[Entity]:
    """Drop NER PERSON entities where a form-label person already stands; give the rest a role: the role word
    right before the name (``cues``: label -> role, read in ``text``), else the role of a same-named person.

    ``named`` holds (name, role, start, end) of the rule-found persons of the same document.
    """
    roles: dict[str, Role] = {}
    for name, role, _s, _e in named:
        if role is not None:
            roles.setdefault(name, role)
    out: list[Entity] = []
    for ent in entities:
        if ent.source.startswith("ner:") and ent.type == EntityType.PERSON:
            if any(ent.start < e and s < ent.end for _n, _r, s, e in named):
                continue
            cue = _cue_role(text, ent.start, cues) if text and cues else None
            if cue is not None:
                ent = ent.model_copy(update={"role": cue[1], "label": cue[0]})
            elif ent.text in roles:
                ent = ent.model_copy(update={"role": roles[ent.text], "label": "同名人员"})
        out.append(ent)
    return out
