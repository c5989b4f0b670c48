from __future__ import annotations

from typing import Any

import pytest

from nlp import registry
from nlp.extractors.docnumbers import extract_case_numbers, extract_doc_numbers, parse_doc_number
from nlp.labels import EntityType
from nlp.schema import Entity


def _at(found: list[Entity], text: str, surface: str) -> Entity:
    start = text.index(surface)
    hits = [e for e in found if (e.start, e.end) == (start, start + len(surface))]
    assert hits, f"no entity at {surface!r} in {text!r}: {[(e.text, e.value) for e in found]}"
    ent = hits[0]
    assert text[ent.start : ent.end] == ent.text == surface
    return ent


# text, surface, value, attrs (exactly: agency, kind when present, word, year, serial)
DOC_ROWS: list[tuple[str, str, str, dict[str, Any]]] = [
    (
        "东公(刑)立字〔2022〕123号",
        "东公(刑)立字〔2022〕123号",
        "东公(刑)立字〔2022〕123号",
        {"agency": "东公", "kind": "刑", "word": "立", "year": 2022, "serial": 123},
    ),
    (
        "东公（刑）立字[2022]123号",
        "东公（刑）立字[2022]123号",
        "东公(刑)立字〔2022〕123号",
        {"agency": "东公", "kind": "刑", "word": "立", "year": 2022, "serial": 123},
    ),
    (
        "京公海行罚决字〔2023〕000123号",
        "京公海行罚决字〔2023〕000123号",
        "京公海行罚决字〔2023〕000123号",
        {"agency": "京公海", "word": "行罚决", "year": 2023, "serial": 123},
    ),
    (
        "沪公(治)受字[2024]45号",
        "沪公(治)受字[2024]45号",
        "沪公(治)受字〔2024〕45号",
        {"agency": "沪公", "kind": "治", "word": "受", "year": 2024, "serial": 45},
    ),
    (
        "东公（刑）拘字〔2022〕88号",
        "东公（刑）拘字〔2022〕88号",
        "东公(刑)拘字〔2022〕88号",
        {"agency": "东公", "kind": "刑", "word": "拘", "year": 2022, "serial": 88},
    ),
    (
        "根据东公（刑）立字〔2022〕123号立案决定书，",
        "东公（刑）立字〔2022〕123号",
        "东公(刑)立字〔2022〕123号",
        {"agency": "东公", "kind": "刑", "word": "立", "year": 2022, "serial": 123},
    ),
    (
        "依据京公海行罚决字〔2023〕000123号行政处罚决定书",
        "京公海行罚决字〔2023〕000123号",
        "京公海行罚决字〔2023〕000123号",
        {"agency": "京公海", "word": "行罚决", "year": 2023, "serial": 123},
    ),
    (
        "我局于2022年5月4日作出东公(刑)拘字〔2022〕88号拘留证",
        "东公(刑)拘字〔2022〕88号",
        "东公(刑)拘字〔2022〕88号",
        {"agency": "东公", "kind": "刑", "word": "拘", "year": 2022, "serial": 88},
    ),
    (
        "民警出示了东公（刑）立字〔2022〕123号",
        "东公（刑）立字〔2022〕123号",
        "东公(刑)立字〔2022〕123号",
        {"agency": "东公", "kind": "刑", "word": "立", "year": 2022, "serial": 123},
    ),
    (
        "北京市公安局京公海行罚决字〔2023〕12号",
        "京公海行罚决字〔2023〕12号",
        "京公海行罚决字〔2023〕12号",
        {"agency": "京公海", "word": "行罚决", "year": 2023, "serial": 12},
    ),
    (
        "粤深公（刑）立字〔2022〕1号",
        "粤深公（刑）立字〔2022〕1号",
        "粤深公(刑)立字〔2022〕1号",
        {"agency": "粤深公", "kind": "刑", "word": "立", "year": 2022, "serial": 1},
    ),
    (
        "深公南（刑）立字【2021】第56号",
        "深公南（刑）立字【2021】第56号",
        "深公南(刑)立字〔2021〕56号",
        {"agency": "深公南", "kind": "刑", "word": "立", "year": 2021, "serial": 56},
    ),
    (
        "东公(刑)立字(2022)123号",
        "东公(刑)立字(2022)123号",
        "东公(刑)立字〔2022〕123号",
        {"agency": "东公", "kind": "刑", "word": "立", "year": 2022, "serial": 123},
    ),
    (
        "东公（刑）立字 〔2022〕 123 号",
        "东公（刑）立字 〔2022〕 123 号",
        "东公(刑)立字〔2022〕123号",
        {"agency": "东公", "kind": "刑", "word": "立", "year": 2022, "serial": 123},
    ),
    (
        "杭公西行罚决字〔2023〕12号",
        "杭公西行罚决字〔2023〕12号",
        "杭公西行罚决字〔2023〕12号",
        {"agency": "杭公西", "word": "行罚决", "year": 2023, "serial": 12},
    ),
    (
        "东公（刑）提捕字〔2022〕7号",
        "东公（刑）提捕字〔2022〕7号",
        "东公(刑)提捕字〔2022〕7号",
        {"agency": "东公", "kind": "刑", "word": "提捕", "year": 2022, "serial": 7},
    ),
    (
        "东公刑立字〔2022〕5号",
        "东公刑立字〔2022〕5号",
        "东公刑立字〔2022〕5号",
        {"agency": "东公", "word": "刑立", "year": 2022, "serial": 5},
    ),
]


@pytest.mark.parametrize(("text", "surface", "value", "attrs"), DOC_ROWS)
def test_doc_numbers(text: str, surface: str, value: str, attrs: dict[str, Any]) -> None:
    ent = _at(extract_doc_numbers(text), text, surface)
    assert ent.type == EntityType.DOC_NUMBER
    assert ent.source == "pattern:doc_number"
    assert ent.value == value
    assert ent.attrs == attrs


DOC_NEGATIVES = [
    "〔2022〕123号",
    "2022年123号",
    "依照《中华人民共和国刑法》第二百六十四条",
    "东公(刑)立字〔2022〕",  # no serial
    "东公(刑)立字〔22〕12号",  # no four-digit year
    "A3201020500002022050012",
    "3号楼2单元",
]


@pytest.mark.parametrize("text", DOC_NEGATIVES)
def test_doc_negatives(text: str) -> None:
    assert extract_doc_numbers(text) == []


def test_parse_doc_number() -> None:
    assert parse_doc_number("京公海行罚决字［2023］000123号") == {
        "value": "京公海行罚决字〔2023〕000123号",
        "agency": "京公海",
        "word": "行罚决",
        "year": 2023,
        "serial": 123,
    }
    assert parse_doc_number("无") is None


# text, surface, value, label, attrs
CASE_ROWS: list[tuple[str, str, str, str | None, dict[str, Any]]] = [
    (
        "A3201020500002022050012",
        "A3201020500002022050012",
        "A3201020500002022050012",
        None,
        {"kind": "刑事", "agency_code": "320102050000", "year": 2022, "month": 5, "serial": 12},
    ),
    (
        "案件编号：A3201020500002022050012",
        "A3201020500002022050012",
        "A3201020500002022050012",
        "案件编号",
        {"kind": "刑事", "year": 2022},
    ),
    (
        "本案（X1101050500002023110003）由",
        "X1101050500002023110003",
        "X1101050500002023110003",
        None,
        {"kind": "行政", "month": 11, "serial": 3},
    ),
    (
        "警情编号：J32010205000020220503001234",
        "J32010205000020220503001234",
        "J32010205000020220503001234",
        "警情编号",
        {"kind": "警情"},
    ),
    ("a3201020500002022050012", "a3201020500002022050012", "A3201020500002022050012", None, {"kind": "刑事"}),
    ("案件编号:A320102 0500002022050012", "A320102 0500002022050012", "A3201020500002022050012", "案件编号", {}),
    ("案件编号：JS-2022-0123，案由：盗窃", "JS-2022-0123", "JS-2022-0123", "案件编号", {}),
    ("受案编号：2022050012", "2022050012", "2022050012", "受案编号", {}),
]


@pytest.mark.parametrize(("text", "surface", "value", "label", "attrs"), CASE_ROWS)
def test_case_numbers(text: str, surface: str, value: str, label: str | None, attrs: dict[str, Any]) -> None:
    ent = _at(extract_case_numbers(text), text, surface)
    assert ent.type == EntityType.CASE_NUMBER
    assert ent.source == "pattern:case_number"
    assert ent.value == value
    assert ent.label == label
    for key, expected in attrs.items():
        assert ent.attrs.get(key) == expected, (key, ent.attrs)


CASE_NEGATIVES = [
    "A123456",
    "A3201020500002022050",  # 19 digits
    "A32010205000020220500123456789",  # 29 digits
    "BA3201020500002022050012",  # part of a longer token
    "案件编号：无",
    "案件编号：",
    "身份证号11010519900307451X",
    "东公(刑)立字〔2022〕123号",
]


@pytest.mark.parametrize("text", CASE_NEGATIVES)
def test_case_negatives(text: str) -> None:
    assert extract_case_numbers(text) == []


def test_registered() -> None:
    assert registry.extractors.get("doc_number") is extract_doc_numbers
    assert registry.extractors.get("case_number") is extract_case_numbers


def test_scales_linearly(assert_scales_linearly) -> None:
    para = "根据东公（刑）立字〔2022〕123号立案决定书，案件编号：A3201020500002022050012，本案由某派出所办理。\n"
    for func in (extract_doc_numbers, extract_case_numbers):
        assert_scales_linearly(func, para)
