from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from nlp import registry
from nlp.extractors.money import extract_money, parse_amount
from nlp.labels import EntityType
from nlp.schema import Entity


def _at(found: list[Entity], text: str, surface: str) -> Entity:
    start = text.index(surface)
    hits = [e for e in found if (e.start, e.end) == (start, start + len(surface))]
    assert hits, f"no entity at {surface!r} in {text!r}: {[(e.text, e.value) for e in found]}"
    ent = hits[0]
    assert text[ent.start : ent.end] == ent.text == surface
    return ent


# text, surface, value, attrs that must be present
MONEY_ROWS: list[tuple[str, str, str, dict[str, Any]]] = [
    ("被盗人民币3000元", "人民币3000元", "3000.00", {"currency": "CNY"}),
    ("罚款3000元", "3000元", "3000.00", {"cue": "罚款"}),
    ("共计3,000.00元", "3,000.00元", "3000.00", {"cue": "共计"}),
    ("12,345,678.90元", "12,345,678.90元", "12345678.90", {}),
    ("叁仟元整", "叁仟元整", "3000.00", {"uppercase": True}),
    ("人民币叁仟伍佰元整", "人民币叁仟伍佰元整", "3500.00", {"uppercase": True}),
    ("人民币（大写）叁仟元整（￥3000.00）", "人民币（大写）叁仟元整", "3000.00", {}),
    ("人民币（大写）叁仟元整（￥3000.00）", "￥3000.00", "3000.00", {}),
    ("壹万零伍佰元整", "壹万零伍佰元整", "10500.00", {}),
    ("现金三千元", "三千元", "3000.00", {"cue": "现金"}),
    ("一百零五元", "一百零五元", "105.00", {}),
    ("两千元", "两千元", "2000.00", {}),
    ("骗取1.5万元", "1.5万元", "15000.00", {"cue": "骗取"}),
    ("损失2万余元", "2万余元", "20000.00", {"approximate": True}),
    ("3万5千元", "3万5千元", "35000.00", {}),
    ("一万五千元", "一万五千元", "15000.00", {}),
    ("价值人民币4800元", "人民币4800元", "4800.00", {"cue": "价值"}),
    ("￥3000", "￥3000", "3000.00", {"currency": "CNY"}),
    ("¥3,000.00", "¥3,000.00", "3000.00", {}),
    ("RMB 3000", "RMB 3000", "3000.00", {}),
    ("赃款3000余元", "3000余元", "3000.00", {"approximate": True}),
    ("3000多元", "3000多元", "3000.00", {"approximate": True}),
    ("约3000元", "3000元", "3000.00", {"approximate": True}),
    ("1万元左右", "1万元左右", "10000.00", {"approximate": True}),
    ("我被骗了3000块。", "3000块", "3000.00", {"cue": "被骗"}),
    ("给了他五十块钱", "五十块钱", "50.00", {}),
    ("车是花了3500块买的", "3500块", "3500.00", {}),
    ("5元5角", "5元5角", "5.50", {}),
    ("3元2角5分", "3元2角5分", "3.25", {}),
    ("3000美元", "3000美元", "3000.00", {"currency": "USD"}),
    ("港币500元", "港币500元", "500.00", {"currency": "HKD"}),
    ("500港元", "500港元", "500.00", {"currency": "HKD"}),
    ("123000元", "123000元", "123000.00", {}),  # the whole number, not its tail
    ("３０００元", "３０００元", "3000.00", {}),
    ("价值0.5元", "0.5元", "0.50", {}),
]


@pytest.mark.parametrize(("text", "surface", "value", "attrs"), MONEY_ROWS)
def test_money(text: str, surface: str, value: str, attrs: dict[str, Any]) -> None:
    ent = _at(extract_money(text), text, surface)
    assert ent.type == EntityType.MONEY
    assert ent.source == "pattern:money"
    assert ent.value == value
    for key, expected in attrs.items():
        assert ent.attrs.get(key) == expected, (key, ent.attrs)


MONEY_NEGATIVES = [
    "3000",
    "共3000件",
    "第3000号",
    "住3单元302室",
    "家住三元桥附近",
    "两块手表",
    "3000元件",
    "2022年元旦",
    "推行一元化管理",
    "A3000元",  # inside a longer token
    "被盗3,00元",  # bad grouping: no amount rather than a wrong one
    "电话13812345678",
    "东公（刑）立字〔2022〕123号",
    "第二百六十四条",
    "2022年5月3日",
    "百元",  # no digit
    "数万元",
]


@pytest.mark.parametrize("text", MONEY_NEGATIVES)
def test_money_negatives(text: str) -> None:
    assert extract_money(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("叁仟伍佰元整", Decimal("3500")),
        ("1.5万元", Decimal("15000")),
        ("5元5角", Decimal("5.5")),
        ("人民币3000元", Decimal("3000")),
        ("3000", Decimal("3000")),
        ("三千", Decimal("3000")),
        ("无", None),
    ],
)
def test_parse_amount(text: str, expected: Decimal | None) -> None:
    assert parse_amount(text) == expected


def test_several_amounts_in_one_sentence() -> None:
    text = "张某盗窃手机一部（价值人民币4800元）、现金1,200元，共计6000元。"
    assert [e.value for e in extract_money(text)] == ["4800.00", "1200.00", "6000.00"]


def test_registered() -> None:
    assert registry.extractors.get("money") is extract_money


def test_scales_linearly(assert_scales_linearly) -> None:
    para = "张某盗窃手机一部，价值人民币4800元，现金叁仟伍佰元整，共3000件，住3单元，罚款500元。\n"
    assert_scales_linearly(extract_money, para)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("盗走电动自行车电瓶四块，天能牌", []),
        ("电瓶四块、电缆两捆", []),
        ("当时花了三百块", ["三百块"]),
        ("以800块卖给了别人", ["800块"]),  # 块 before 卖 is money (kuai_before)
        ("卖了800块。", ["800块"]),
    ],
)
def test_money_colloquial_kuai_needs_a_money_context(text: str, found: list[str]) -> None:
    assert [e.text for e in extract_money(text)] == found
