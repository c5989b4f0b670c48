"""The same person across the documents of a case: one ``person_id`` ("P1", "P2" … in order of first appearance).

Evidence, strongest first: a valid 18-digit ID number, then name + birth date, then the name alone.
- Mentions with the same valid ID number are one person, whatever the names (a variant or a typo of the name);
  two different valid ID numbers are never one person, even under one name.
- A mention without an ID joins the one person of its name whose birth date does not disagree with its own;
  where two or more such persons remain it stays unlinked (``None``): we do not guess.
- Name + birth date mentions without an ID form a person per (name, birth date); a different birth date keeps
  two same-named mentions apart.
An invalid ID number (bad check digit) is no evidence: it may be a misreading, so such a mention counts as one
without an ID.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from nlp.case.persons import PersonMention
from nlp.labels import EntityType
from nlp.schema import Document


@dataclass
class _Person:
    members: list[int] = field(default_factory=list)  # indexes into the mention list
    names: set[str] = field(default_factory=set)
    births: set[date] = field(default_factory=set)
    id_number: str | None = None


def _valid_id(m: PersonMention) -> str | None:
    if m.id_valid and m.id_number and len(m.id_number) == 18:
        return m.id_number.upper()
    return None


def _birth(m: PersonMention) -> date | None:
    return m.birth_date or m.id_birth


def assign_person_ids(mentions: list[PersonMention], doc_order: dict[str, int] | None = None) -> list[str | None]:
    """One person id per mention (``None``: ambiguous, left unlinked), in the order of ``mentions``.

    ``doc_order`` (document id -> position in the case) orders first appearances; without it, document ids sort.
    """
    persons: list[_Person] = []
    owner: list[_Person | None] = [None] * len(mentions)

    def join(person: _Person, i: int) -> None:
        m = mentions[i]
        person.members.append(i)
        person.names.add(m.name)
        if (b := _birth(m)) is not None:
            person.births.add(b)
        owner[i] = person

    # 1. A valid ID number: one person per number.
    by_id: dict[str, _Person] = {}
    for i, m in enumerate(mentions):
        if (number := _valid_id(m)) is not None:
            if number not in by_id:
                by_id[number] = _Person(id_number=number)
                persons.append(by_id[number])
            join(by_id[number], i)

    def candidates(name: str, birth: date | None) -> list[_Person]:
        return [p for p in persons if name in p.names and (birth is None or not p.births or birth in p.births)]

    # 2. Name + birth date, then 3. the name alone; each joins the single compatible person of its name.
    with_birth = [i for i, m in enumerate(mentions) if owner[i] is None and _birth(m) is not None]
    name_only = [i for i, m in enumerate(mentions) if owner[i] is None and _birth(m) is None]
    for i in with_birth:
        m = mentions[i]
        found = candidates(m.name, _birth(m))
        if len(found) == 1:
            join(found[0], i)
        elif not found:
            persons.append(_Person())
            join(persons[-1], i)
        # two or more compatible persons: ambiguous, left unlinked
    for i in name_only:
        found = candidates(mentions[i].name, None)
        if len(found) == 1:
            join(found[0], i)
        elif not found:
            persons.append(_Person())
            join(persons[-1], i)

    def position(i: int) -> tuple[int | str, int]:
        m = mentions[i]
        return (doc_order.get(m.doc_id, len(doc_order)) if doc_order else m.doc_id, m.start)

    ordered = sorted(persons, key=lambda p: min(position(i) for i in p.members))
    ids = {id(p): f"P{n}" for n, p in enumerate(ordered, start=1)}
    return [ids[id(p)] if p is not None else None for p in owner]


def link_persons(mentions: list[PersonMention], documents: list[Document]) -> None:
    """Set ``person_id`` on the mentions and on the PERSON entities of ``documents``.

    A PERSON entity takes the id of a mention of its document whose span it overlaps; one with no mention (found
    by NER alone) takes the id of its exact name only where that name belongs to one person in the whole case.
    """
    order = {d.id: n for n, d in enumerate(documents)}
    pids = assign_person_ids(mentions, order)
    for m, pid in zip(mentions, pids, strict=True):
        m.person_id = pid
    by_name: dict[str, set[str | None]] = {}
    for m in mentions:
        by_name.setdefault(m.name, set()).add(m.person_id)
    by_doc: dict[str, list[PersonMention]] = {}
    for m in mentions:
        by_doc.setdefault(m.doc_id, []).append(m)
    for doc in documents:
        own = by_doc.get(doc.id, [])
        for ent in doc.entities:
            if ent.type != EntityType.PERSON:
                continue
            hit = next((m for m in own if m.start < ent.end and ent.start < m.end), None)
            if hit is not None:
                ent.person_id = hit.person_id
                continue
            named = by_name.get(ent.text, set())
            if len(named) == 1:  # one person of that name, and no ambiguous (None) mention of it
                ent.person_id = next(iter(named))
