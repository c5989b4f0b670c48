"""ID_NUMBER and PHONE tables.

Every ID number here is made up: a plausible region, a birth date and a sequence, with the check character
computed (see test_table_check_characters_are_right). 11010519491231002X is the worked example of GB 11643.
"""

from __future__ import annotations

from typing import Any

import pytest

from nlp import registry
from nlp.extractors.ids import check_id_number, extract_id_numbers, extract_phones, id_check_char, upgrade_id15
from nlp.labels import EntityType
from nlp.schema import Entity

VALID_IDS = [
    "11010519900307451X",
    "320102198511201226",
    "440305200002290360",
    "330106197806152874",
    "510104199304120039",
    "44030520000229007X",
    "11010519491231002X",
]


def _reference_check(first17: str) -> str:
    # Written out independently of the code under test: ISO 7064 MOD 11-2.
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(first17))
    return "10X98765432"[total % 11]


@pytest.mark.parametrize("number", VALID_IDS)
def test_table_check_characters_are_right(number: str) -> None:
    assert _reference_check(number[:17]) == number[17]
    assert id_check_char(number[:17]) == number[17]
    assert check_id_number(number) == (True, [])


def _at(found: list[Entity], text: str, surface: str) -> Entity:
    start = text.index(surface)
    hits = [e for e in found if (e.start, e.end) == (start, start + len(surface))]
    assert hits, f"no entity at {surface!r} in {text!r}: {[(e.text, e.value) for e in found]}"
    assert len(hits) == 1
    ent = hits[0]
    assert text[ent.start : ent.end] == ent.text == surface
    return ent


# text, surface, value, valid, attrs that must be present
ID_ROWS: list[tuple[str, str, str, bool | None, dict[str, Any]]] = [
    (
        "犯罪嫌疑人张某，身份证号码11010519900307451X，住北京市朝阳区",
        "11010519900307451X",
        "11010519900307451X",
        True,
        {"birth_date": "1990-03-07", "gender": "男", "region_code": "110105", "province": "北京市"},
    ),
    ("公民身份号码：320102198511201226", "320102198511201226", "320102198511201226", True, {"gender": "女"}),
    ("身份证号44030520000229007x。", "44030520000229007x", "44030520000229007X", True, {"birth_date": "2000-02-29"}),
    ("被害人李某（330106197806152874）称", "330106197806152874", "330106197806152874", True, {"gender": "男"}),
    ("证件号码:510104199304120039", "510104199304120039", "510104199304120039", True, {"province": "四川省"}),
    ("身份证号：440305200002290360", "440305200002290360", "440305200002290360", True, {"gender": "女"}),
    (
        "身份证号：４４０３０５２００００２２９０３６０",
        "４４０３０５２００００２２９０３６０",
        "440305200002290360",
        True,
        {},
    ),
    # no cue word at all: a valid number is still an ID
    ("张某 11010519900307451X 男 汉族", "11010519900307451X", "11010519900307451X", True, {}),
    # spaced forms, as typed into forms
    ("身份证号码110105 19900307 451X", "110105 19900307 451X", "11010519900307451X", True, {}),
    ("身份证号码 1101 0519 9003 0745 1X", None, None, None, {}),  # 4-4-4 grouping is not an ID layout
    # invalid ones are kept, with the problem in Chinese
    ("身份证号码330106197806152875", "330106197806152875", "330106197806152875", False, {"problem": "校验码错误"}),
    ("身份证号码320102199002304512", "320102199002304512", "320102199002304512", False, {"problem": "出生日期无效"}),
    ("身份证号码110105209912310029", "110105209912310029", "110105209912310029", False, {"problem": "出生日期无效"}),
    (
        "身份证：320102199002304513",
        "320102199002304513",
        "320102199002304513",
        False,
        {"problem": "出生日期无效；校验码错误"},
    ),
    ("张某（330106197806152875）", "330106197806152875", "330106197806152875", False, {"problem": "校验码错误"}),
    # old 15-digit numbers: upgraded to 18, no check digit to verify
    ("身份证号：320102851120122", "320102851120122", "320102198511201226", None, {"legacy_15": True, "gender": "女"}),
    ("身份证号：320102851320122", "320102851320122", "32010219851320122X", False, {"problem": "出生日期无效"}),
]


@pytest.mark.parametrize(("text", "surface", "value", "valid", "attrs"), ID_ROWS)
def test_id_numbers(text: str, surface: str | None, value: str | None, valid: bool | None, attrs: dict) -> None:
    found = extract_id_numbers(text)
    if surface is None:
        assert found == []
        return
    ent = _at(found, text, surface)
    assert ent.type == EntityType.ID_NUMBER
    assert ent.source == "pattern:id_number"
    assert ent.value == value
    assert ent.valid is valid
    for key, expected in attrs.items():
        assert ent.attrs.get(key) == expected, key
    if valid:
        assert "problem" not in ent.attrs


ID_NEGATIVES = [
    "银行卡号6222021234567890123",  # 19 digits
    "银行卡号62220212345678901234",
    "卡号622202199003074518",  # 18 digits after a card cue, even if it looks like one
    "订单号：110105199003074510",
    "IMEI：861234567890123",
    "统一社会信用代码91110105MA01ABCD2X",
    "案件编号A3201020500002022050012",
    "编号11010519900307451X1",  # a longer run
    "X11010519900307451X",
    "12345678901234567",  # 17 digits
    "金额123456789012345678元",  # no cue, fails the check digit and the birth date
    "990101199003074512",  # unknown province code, no cue
    "东公(刑)立字〔2022〕123号",
]


@pytest.mark.parametrize("text", ID_NEGATIVES)
def test_id_negatives(text: str) -> None:
    assert extract_id_numbers(text) == []


def test_upgrade_id15() -> None:
    assert upgrade_id15("110105491231002") == "11010519491231002X"
    assert check_id_number("11010519491231002x") == (True, [])
    assert check_id_number("1101051949123100") == (False, ["校验码错误"])


# text, surface, value, attrs
PHONE_ROWS: list[tuple[str, str, str, dict[str, Any]]] = [
    ("联系电话：13812345678", "13812345678", "13812345678", {"kind": "mobile"}),
    ("手机138-1234-5678", "138-1234-5678", "13812345678", {"kind": "mobile"}),
    ("手机号码 138 1234 5678，", "138 1234 5678", "13812345678", {}),
    ("电话+86 13912345678", "+86 13912345678", "13912345678", {"country_code": "86"}),
    ("电话+86-139-1234-5678", "+86-139-1234-5678", "13912345678", {}),
    ("电话8615912345678", "8615912345678", "15912345678", {}),
    ("电话：１３８１２３４５６７８", "１３８１２３４５６７８", "13812345678", {}),
    ("其妻(19912345678)报警", "19912345678", "19912345678", {}),
    ("报警电话0571-88886666", "0571-88886666", "057188886666", {"kind": "landline", "area_code": "0571"}),
    ("办公室010-62345678转801", "010-62345678转801", "01062345678", {"extension": "801"}),
    ("电话（010）62345678", "（010）62345678", "01062345678", {"area_code": "010"}),
    ("传真 020 87654321", "020 87654321", "02087654321", {}),
    ("客服400-123-4567", "400-123-4567", "4001234567", {"kind": "service"}),
    ("联系电话：88886666", "88886666", "88886666", {"local": True}),
    ("联系电话：057188886666", "057188886666", "057188886666", {}),
]


@pytest.mark.parametrize(("text", "surface", "value", "attrs"), PHONE_ROWS)
def test_phones(text: str, surface: str, value: str, attrs: dict) -> None:
    ent = _at(extract_phones(text), text, surface)
    assert ent.type == EntityType.PHONE
    assert ent.source == "pattern:phone"
    assert ent.value == value
    for key, expected in attrs.items():
        assert ent.attrs.get(key) == expected, key


PHONE_NEGATIVES = [
    "身份证号码11010519900307451X",  # a phone-shaped run inside an ID
    "身份证号码320102198511201226",
    "银行卡号6222021381234567890",
    "银行卡号 6222 138 1234 5678 9",
    "编号138123456789",  # 12 digits
    "案件编号A3201020500002022050012",
    "价值3000元，共12345678件",  # no area code, no cue
    "12812345678",  # 12x is no mobile prefix
    "2022-05-03 14:30",
]


@pytest.mark.parametrize("text", PHONE_NEGATIVES)
def test_phone_negatives(text: str) -> None:
    assert extract_phones(text) == []


def test_two_numbers_side_by_side() -> None:
    text = "张某，身份证号11010519900307451X，电话13812345678/0571-88886666"
    ids = extract_id_numbers(text)
    phones = extract_phones(text)
    assert [e.value for e in ids] == ["11010519900307451X"]
    assert [e.value for e in phones] == ["13812345678", "057188886666"]


def test_registered() -> None:
    assert registry.extractors.get("id_number") is extract_id_numbers
    assert registry.extractors.get("phone") is extract_phones


def test_scales_linearly(assert_scales_linearly) -> None:
    para = "张某，身份证号11010519900307451X，电话13812345678，银行卡号6222021234567890123，共计3000元。" * 10
    for func in (extract_id_numbers, extract_phones):
        assert_scales_linearly(func, para)


def test_all_pattern_extractors_on_a_record() -> None:
    """A 笔录 header and answer through every extractor of this package, overlaps resolved the usual way."""
    from nlp.extractors import resolve_overlaps
    from nlp.extractors.datetimes import extract_datetimes, extract_durations
    from nlp.extractors.docnumbers import extract_case_numbers, extract_doc_numbers
    from nlp.extractors.money import extract_money

    text = (
        "询问笔录\n时间：2022年5月3日14时30分至2022年5月3日16时10分\n"
        "被询问人：张某，身份证号码11010519900307451X，联系电话138-1234-5678\n"
        "案件编号：A3201020500002022050012\n"
        "答：2022年5月2日晚上8时许，我的手机（价值人民币4800元）被盗，次日报警。"
        "民警出示了东公（刑）立字〔2022〕123号立案决定书，说要在24小时以内通知家属。"
    )
    found: list[Entity] = []
    for func in (
        extract_id_numbers,
        extract_phones,
        extract_datetimes,
        extract_durations,
        extract_money,
        extract_doc_numbers,
        extract_case_numbers,
    ):
        found.extend(func(text))
    resolved = resolve_overlaps(found)
    assert all(text[e.start : e.end] == e.text for e in resolved)
    assert [(e.type.value, e.value) for e in resolved] == [
        ("DATETIME", "2022-05-03T14:30"),
        ("DATETIME", "2022-05-03T16:10"),
        ("ID_NUMBER", "11010519900307451X"),
        ("PHONE", "13812345678"),
        ("CASE_NUMBER", "A3201020500002022050012"),
        ("DATETIME", "2022-05-02T20:00"),
        ("MONEY", "4800.00"),
        ("DATETIME", "2022-05-03"),
        ("DOC_NUMBER", "东公(刑)立字〔2022〕123号"),
        ("DURATION", "PT24H"),
    ]
