"""The same person across a case's documents: ID number > name + birth date > name alone; fictional people."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from nlp.case.linking import assign_person_ids, link_persons
from nlp.case.persons import PersonMention
from nlp.labels import EntityType, FileFormat, Role
from nlp.reviewer import Reviewer
from nlp.schema import Document, Entity

SAMPLES = Path(__file__).resolve().parents[3] / "corpora" / "samples"


def _id(first17: str) -> str:
    """An 18-digit ID number with its GB 11643 check digit."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(first17, weights, strict=True))
    return first17 + "10X98765432"[total % 11]


ID_A = _id("32010219880507123")
ID_B = _id("32010219880507145")
ID_C = _id("44030519920211002")


def _m(
    doc: str, name: str, start: int = 0, number: str | None = None, birth: date | None = None, valid: bool = True
) -> PersonMention:
    m = PersonMention(doc, name, Role.SUSPECT, "犯罪嫌疑人", start, start + len(name), max(start - 5, 0))
    if number is not None:
        m.id_number, m.id_valid = number, valid
        m.id_birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14])) if valid else None
    m.birth_date = birth
    return m


def test_linking_same_id_links_name_variants() -> None:
    # One ID under a name and its variant (a typo) is one person; the ID outranks the name.
    ids = assign_person_ids([_m("D01", "周建平", 0, ID_A), _m("D02", "周建萍", 0, ID_A), _m("D02", "吴海", 40)])
    assert ids == ["P1", "P1", "P2"]


def test_linking_different_ids_never_link_even_with_one_name() -> None:
    ids = assign_person_ids([_m("D01", "周建平", 0, ID_A), _m("D02", "周建平", 0, ID_B)])
    assert ids[0] != ids[1] and None not in ids


def test_linking_name_without_id_joins_the_single_person_of_that_name() -> None:
    ids = assign_person_ids([_m("D01", "周建平", 0), _m("D02", "周建平", 10, ID_A), _m("D03", "周建平", 5)])
    assert ids == ["P1", "P1", "P1"]


def test_linking_name_shared_by_two_ids_stays_unlinked() -> None:
    mentions = [_m("D01", "周建平", 0, ID_A), _m("D02", "周建平", 0, ID_B), _m("D03", "周建平", 0)]
    ids = assign_person_ids(mentions)
    assert ids[0] != ids[1] and ids[2] is None


def test_linking_birth_date_picks_between_same_named_ids_and_keeps_apart() -> None:
    mentions = [
        _m("D01", "周建平", 0, ID_A),  # born 1988-05-07
        _m("D01", "周建平", 50, ID_C),  # born 1992-02-11
        _m("D02", "周建平", 0, birth=date(1992, 2, 11)),
        _m("D03", "周建平", 0, birth=date(1975, 1, 1)),  # agrees with neither: a person of its own
    ]
    ids = assign_person_ids(mentions)
    assert ids[2] == ids[1] != ids[0]
    assert ids[3] not in (ids[0], ids[1], None)


def test_linking_name_and_birth_without_ids() -> None:
    mentions = [
        _m("D01", "郑晓", 0, birth=date(1991, 6, 1)),
        _m("D02", "郑晓", 0, birth=date(1991, 6, 1)),
        _m("D03", "郑晓", 0, birth=date(1993, 8, 9)),  # a different birth date: another 郑晓
        _m("D04", "郑晓", 0),  # the name alone fits both: unlinked
    ]
    assert assign_person_ids(mentions) == ["P1", "P1", "P2", None]


def test_linking_invalid_id_is_no_evidence() -> None:
    bad = ID_A[:-1] + ("0" if ID_A[-1] != "0" else "1")
    ids = assign_person_ids([_m("D01", "周建平", 0, ID_A), _m("D02", "周建平", 0, bad, valid=False)])
    assert ids == ["P1", "P1"]


def test_linking_ids_follow_first_appearance_in_case_order() -> None:
    mentions = [_m("D02", "吴海", 0), _m("D01", "郑晓", 30), _m("D01", "周建平", 5)]
    assert assign_person_ids(mentions, {"D01": 0, "D02": 1}) == ["P3", "P2", "P1"]


def _doc(doc_id: str, text: str, entities: list[Entity]) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.txt", format=FileFormat.TXT, sha256="0", text=text, entities=entities)


def _person(text: str, start: int, source: str) -> Entity:
    return Entity(type=EntityType.PERSON, start=start, end=start + len(text), text=text, value=text, source=source)


def test_link_persons_sets_entity_ids_and_ner_names_only_when_unambiguous() -> None:
    d1 = _doc(
        "D01",
        "犯罪嫌疑人周建平，另周建平，吴海",
        [
            _person("周建平", 5, "rule:person_label"),
            _person("周建平", 10, "ner:spacy"),
            _person("吴海", 14, "ner:spacy"),
        ],
    )
    d2 = _doc("D02", "犯罪嫌疑人周建平", [_person("周建平", 5, "rule:person_label")])
    mentions = [_m("D01", "周建平", 5, ID_A), _m("D02", "周建平", 5)]
    link_persons(mentions, [d1, d2])
    assert [m.person_id for m in mentions] == ["P1", "P1"]
    assert [e.person_id for e in d1.entities] == ["P1", "P1", None]  # 吴海: NER only, no mention of that name
    assert d2.entities[0].person_id == "P1"

    # The same name under two ID numbers: an NER-only entity of that name is not guessed.
    d3 = _doc("D03", "周建平", [_person("周建平", 0, "ner:spacy")])
    link_persons([_m("D01", "周建平", 5, ID_A), _m("D02", "周建平", 5, ID_B)], [d1, d2, d3])
    assert d3.entities[0].person_id is None


def test_linking_sample_suspect_shares_one_person_id_across_documents(reviewer: Reviewer) -> None:
    case = reviewer.review_path(SAMPLES / "criminal_theft")
    by_number: dict[str, set[tuple[str, str | None]]] = {}
    for doc in case.documents:
        ids = [e for e in doc.entities if e.type == EntityType.ID_NUMBER and e.valid]
        for ent in doc.entities:
            if ent.type != EntityType.PERSON or ent.role != Role.SUSPECT or ent.source != "rule:person_label":
                continue
            # The ID number written right after this name (within the 300 characters where attributes bind).
            number = next((i.value for i in ids if 0 <= i.start - ent.end < 300), None)
            if number and ent.person_id:
                by_number.setdefault(number, set()).add((doc.id, ent.person_id))
    linked = [hits for hits in by_number.values() if len({d for d, _ in hits}) > 1]
    assert linked, by_number  # the suspect's ID number recurs in more than one document
    for hits in linked:
        assert len({pid for _, pid in hits}) == 1, hits
    # Two different valid ID numbers under the suspect's name (the planted CON-02-2 defect) are two persons.
    assert len({pid for hits in by_number.values() for _, pid in hits}) == len(by_number)
