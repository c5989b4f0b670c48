"""NER spans as document entities: the trained ``case`` layer gives PERSON, ORG and LOCATION in running text.

The pattern extractors stay authoritative for what they find (dates, amounts, ID numbers, 文号 …): an NER span that
overlaps one of theirs is dropped. PERSON spans also meet the form-label persons of nlp/case/persons.py, which keep
precedence and lend their role to NER mentions of the same name (see ``merge_persons``).
"""

from __future__ import annotations

from functools import lru_cache

from nlp.labels import EntityType, Role
from nlp.ner.base import Span
from nlp.schema import Entity

SOURCE = "ner:spacy"
_TYPES = {"PERSON": EntityType.PERSON, "ORG": EntityType.ORG, "LOCATION": EntityType.LOCATION}


@lru_cache(maxsize=32)
def _spans(text: str) -> tuple[Span, ...]:
    from nlp.ner.spacy_backend import case_backend

    backend = case_backend()
    if backend is None or not text:
        return ()
    return tuple(backend.predict([text])[0])


def ner_entities(text: str, taken: list[Entity]) -> list[Entity]:
    """PERSON/ORG/LOCATION entities of ``text`` that overlap none of ``taken`` (the pattern extractors' entities)."""
    out: list[Entity] = []
    for span in _spans(text):
        etype = _TYPES.get(span.label)
        if etype is None or any(span.start < e.end and e.start < span.end for e in taken):
            continue
        value = text[span.start : span.end]
        out.append(Entity(type=etype, start=span.start, end=span.end, text=value, value=value, source=SOURCE))
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
        if ent.source == SOURCE and ent.type == EntityType.PERSON:
            if any(ent.start < e and s < ent.end for _n, _r, s, e in named):
                continue
            cue = _cue_role(text, ent.start, cues) if text and cues else None
            if cue is not None:
                ent = ent.model_copy(update={"role": cue[1], "label": cue[0]})
            elif ent.text in roles:
                ent = ent.model_copy(update={"role": roles[ent.text], "label": "同名人员"})
        out.append(ent)
    return out
