"""The committed NER artifact on fictional police sentences (names, places and numbers made up for these tests)."""

from __future__ import annotations

import json

import pytest

from nlp.labels import EntityType, Role
from nlp.ner.base import Span
from nlp.ner.entities import SOURCE, merge_persons
from nlp.ner.spacy_backend import CAIL_LAYERS, CASE_LAYERS, SpacyNerBackend, _chunks, artifact_dir
from nlp.schema import Entity

CAIL_LABELS = {"NHCS", "NHVI", "NASI", "NCGV", "NCSM", "NCSP", "NATS", "NT", "NS", "NO"}
THEFT = "2023年5月12日3时许，犯罪嫌疑人孙某某在杭州市西湖区文三路一小区车库内，盗走被害人钱某某停放的一辆电动自行车。"
THEFT_2 = "2022年8月3日22时许，犯罪嫌疑人罗某某窜至被害人龚某某经营的五金店内，趁无人看管之机盗走现金人民币800元。"


@pytest.fixture(scope="module")
def cail() -> SpacyNerBackend:
    return SpacyNerBackend(CAIL_LAYERS)


@pytest.fixture(scope="module")
def case() -> SpacyNerBackend:
    return SpacyNerBackend(CASE_LAYERS)


def _found(text: str, spans: list[Span]) -> set[tuple[str, str]]:
    return {(s.label, text[s.start : s.end]) for s in spans}


def test_artifact_is_versioned_and_small() -> None:
    path = artifact_dir()
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    assert path.name == f"juanshen_ner-{meta['version']}"
    assert set(meta["layers"]) == {"persons", "things", "case"}
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    assert size < 20_000_000


def test_cail_layers_find_the_parties_and_the_time(cail: SpacyNerBackend) -> None:
    first, second = cail.predict([THEFT, THEFT_2])
    assert {("NHCS", "孙某某"), ("NHVI", "钱某某")} <= _found(THEFT, first)
    assert {("NHCS", "罗某某"), ("NHVI", "龚某某")} <= _found(THEFT_2, second)
    assert any(s.label == "NT" and s.start == 0 for s in first)
    assert all(s.label in CAIL_LABELS for s in first + second)
    assert cail.version == json.loads((artifact_dir() / "meta.json").read_text(encoding="utf-8"))["version"]


def test_spans_are_sorted_and_inside_the_text(cail: SpacyNerBackend) -> None:
    text = THEFT + "\n\n" + THEFT_2
    (spans,) = cail.predict([text])
    assert spans == sorted(spans, key=lambda s: (s.start, s.end, s.label))
    assert all(0 <= s.start < s.end <= len(text) and "\n" not in text[s.start : s.end] for s in spans)
    # Offsets in a multi-line text point at the same words as in the single line.
    assert {("NHCS", "罗某某"), ("NHVI", "龚某某")} <= _found(text, spans)
    assert cail.predict([]) == []
    assert cail.predict([""]) == [[]]


def test_case_layer_reads_police_prose(case: SpacyNerBackend) -> None:
    text = "2023年6月6日，民警江明远、郭文斌在西安市公安局雁塔分局大雁塔派出所询问室对证人韩丽华进行询问。"
    (spans,) = case.predict([text])
    labels = {s.label for s in spans}
    assert labels <= {"PERSON", "ORG", "LOCATION"}
    assert ("PERSON", "韩丽华") in _found(text, spans)


def test_chunks_cover_long_lines() -> None:
    text = "甲。" * 500 + "\n乙"
    pieces = list(_chunks(text))
    assert "".join(p for _o, p in pieces) == text.replace("\n", "")
    assert all(text[o : o + len(p)] == p for o, p in pieces)
    assert max(len(p) for _o, p in pieces) <= 600


def test_merge_persons_keeps_labelled_people_first() -> None:
    ner = [
        Entity(type=EntityType.PERSON, start=3, end=6, text="韩丽华", source=SOURCE),
        Entity(type=EntityType.PERSON, start=20, end=23, text="韩丽华", source=SOURCE),
        Entity(type=EntityType.PERSON, start=30, end=33, text="马国庆", source=SOURCE),
        Entity(type=EntityType.DATETIME, start=40, end=50, text="2023年6月6日"),
    ]
    merged = merge_persons(ner, [("韩丽华", Role.WITNESS, 3, 6)])
    assert [(e.start, e.role) for e in merged] == [(20, Role.WITNESS), (30, None), (40, None)]


def test_merge_persons_reads_the_role_word_before_the_name() -> None:
    text = "经查，被害人韩丽华称，民警马国庆到场。"
    ner = [
        Entity(type=EntityType.PERSON, start=6, end=9, text="韩丽华", source=SOURCE),
        Entity(type=EntityType.PERSON, start=13, end=16, text="马国庆", source=SOURCE),
    ]
    cues = {"被害人": Role.VICTIM, "民警": Role.OFFICER}
    merged = merge_persons(ner, [], text, cues)
    assert [(e.role, e.label) for e in merged] == [(Role.VICTIM, "被害人"), (Role.OFFICER, "民警")]
