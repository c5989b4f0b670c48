"""警号 extraction (nlp/extractors/badges.py): the number and the officer written right before it."""

from __future__ import annotations

import pytest

from nlp.extractors.badges import extract_badges


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("讯问人：李明（警号320123）、赵刚（警号320456）", [("李明", "320123"), ("赵刚", "320456")]),
        ("民警李明(警号:320123)到场", [("李明", "320123")]),
        ("办案民警欧阳小红 警号 320999", [("欧阳小红", "320999")]),
        ("询问人（签名）：王五（警号：3201234）", [("王五", "3201234")]),
        ("警号：320123", [(None, "320123")]),
    ],
)
def test_badges_with_their_officer(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert [(m.name, m.badge) for m in extract_badges(text)] == expected


def test_badge_spans_point_at_the_name_and_the_number() -> None:
    text = "询问人：李明（警号320123）"
    (m,) = extract_badges(text)
    assert text[m.name_start : m.name_end] == "李明"
    assert text[m.start : m.end] == "320123"


@pytest.mark.parametrize(
    "text",
    [
        "身份证号码：320102199003151239",  # a longer run of digits is no 警号
        "案件编号A3201020500002024030012",
        "警号320123456",
        "接警单号：320123",
    ],
)
def test_no_badge(text: str) -> None:
    assert extract_badges(text) == []
