"""``extract(text, soft_breaks)``: entities across a printed line wrap, offsets into the text as it is. All names
and numbers are fictional."""

from __future__ import annotations

import pytest

from nlp.extractors import extract
from nlp.labels import EntityType
from nlp.schema import Entity


def _breaks(text: str) -> list[int]:
    """Every "\n" of ``text``: the tests below wrap lines only where a paragraph runs on."""
    return [offset for offset, ch in enumerate(text) if ch == "\n"]


def _one(found: list[Entity], kind: EntityType, start: int, end: int) -> Entity:
    hits = [e for e in found if (e.type, e.start, e.end) == (kind, start, end)]
    assert len(hits) == 1, [(e.type, e.start, e.end, e.text) for e in found]
    return hits[0]


# text with one wrap, the entity's surface (with its "\n"), type, value
ACROSS: list[tuple[str, str, EntityType, str]] = [
    (
        "依据《中华人民共和国治安管理处罚法》第一百八\n十一条第一款之规定，决定如下",
        "《中华人民共和国治安管理处罚法》第一百八\n十一条第一款",
        EntityType.LAW_CITATION,
        "中华人民共和国治安管理处罚法|181|1|",
    ),
    (
        "违法行为人张某某于2024年3月\n2日14时许在某超市内",
        "2024年3月\n2日14时许",
        EntityType.DATETIME,
        "2024-03-02T14:00",
    ),
    ("盗窃现金人民币48\n00元后逃离现场", "人民币48\n00元", EntityType.MONEY, "4800.00"),
    (
        "张某某，身份证号码32010219900315\n1239，住某市某区",
        "32010219900315\n1239",
        EntityType.ID_NUMBER,
        "320102199003151239",
    ),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), ACROSS, ids=["citation", "datetime", "money", "id"])
def test_entity_across_a_soft_break(text: str, surface: str, kind: EntityType, value: str) -> None:
    start = text.index(surface)
    entity = _one(extract(text, _breaks(text)), kind, start, start + len(surface))
    assert entity.text == text[entity.start : entity.end] == surface
    assert entity.value == value
    # Read as hard line ends, the same text never gives an entity across the "\n".
    assert all("\n" not in e.text for e in extract(text))


def test_id_number_across_a_soft_break_is_validated_on_the_joined_digits() -> None:
    text = "公民身份号码32010219900315\n1239"
    entity = _one(extract(text, [text.index("\n")]), EntityType.ID_NUMBER, 6, len(text))
    assert entity.valid is True


def test_an_entity_across_two_soft_breaks() -> None:
    text = "身份证号码320102\n19900315\n1239，"
    entity = _one(extract(text, _breaks(text)), EntityType.ID_NUMBER, 5, len(text) - 1)
    assert entity.text == "320102\n19900315\n1239" and entity.value == "320102199003151239"


def test_offsets_after_soft_breaks_point_into_the_original_text() -> None:
    # Three wraps before the date, one of them inside a citation; one after it.
    text = (
        "经查，违法行为人张某\n某殴打他人，依据《中华人民共和国治安管理处罚法》第五十\n一条第一款，"
        "于2024年3月1日作出处罚决定，罚款\n500元。"
    )
    found = extract(text, _breaks(text))
    for entity in found:
        assert text[entity.start : entity.end] == entity.text
    date = _one(found, EntityType.DATETIME, text.index("2024年3月1日"), text.index("2024年3月1日") + 9)
    assert date.value == "2024-03-01"
    money = _one(found, EntityType.MONEY, text.index("500元"), text.index("500元") + 4)
    assert money.value == "500.00"
    citation = next(e for e in found if e.type == EntityType.LAW_CITATION)
    assert citation.text == "《中华人民共和国治安管理处罚法》第五十\n一条第一款"
    assert citation.value == "中华人民共和国治安管理处罚法|51|1|"


def test_a_soft_break_right_after_an_entity_stays_outside_it() -> None:
    text = "罚款500元\n另查明，于2024年3月1日\n到案"
    found = extract(text, _breaks(text))
    money = _one(found, EntityType.MONEY, 2, 6)
    assert money.text == "500元"
    date = _one(found, EntityType.DATETIME, text.index("2024"), text.index("\n到案"))
    assert date.text == "2024年3月1日"


TEXTS = [
    "",
    "报案人：张某某，男，1990年1月1日出生，身份证号码110101199001011237。",
    "依据《中华人民共和国治安管理处罚法》第二十六条第（四）项之规定，\n决定给予行政拘留十日，并处罚款500元。",
    "接报时间：2024年3月\n2日14时\n涉案金额：人民币48\n00元\n某公（治）决字〔2024〕12号",
]


@pytest.mark.parametrize("text", TEXTS)
def test_without_soft_breaks_nothing_changes(text: str) -> None:
    plain = [e.model_dump() for e in extract(text)]
    assert [e.model_dump() for e in extract(text, [])] == plain
    assert [e.model_dump() for e in extract(text, ())] == plain


def test_soft_breaks_away_from_entities_leave_them_as_they_were() -> None:
    text = "经查，违法行为人\n张某某于2024年3月1日盗窃人民币500元，\n依据某某规定处理"
    assert [e.model_dump() for e in extract(text, _breaks(text))] == [e.model_dump() for e in extract(text)]


def test_duplicate_and_unsorted_soft_breaks_are_accepted() -> None:
    text = "于2024年3月\n2日14时，盗窃人民币48\n00元"
    breaks = _breaks(text)
    assert extract(text, [*reversed(breaks), breaks[0]]) == extract(text, breaks)


@pytest.mark.parametrize("offset", [0, 3, -1, 100])
def test_a_soft_break_that_is_no_line_break_is_refused(offset: int) -> None:
    with pytest.raises(ValueError, match="soft break"):
        extract("2024年3月\n2日", [offset])
