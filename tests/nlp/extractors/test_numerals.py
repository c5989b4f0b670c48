from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.extractors.numerals import cn_to_int, fold_width, overlaps_any, parse_number

CN_TO_INT = [
    ("0", 0),
    ("〇", 0),
    ("零", 0),
    ("十", 10),
    ("十二", 12),
    ("二十", 20),
    ("二十三", 23),
    ("三十一", 31),
    ("一百零五", 105),
    ("一百一十", 110),
    ("一百五", 150),  # 百五: the lone digit counts in tens
    ("两千", 2000),
    ("三千五", 3500),
    ("三千五百", 3500),
    ("一千零五", 1005),
    ("一万五", 15000),
    ("十万", 100000),
    ("一亿二千万", 120000000),
    ("三万亿", 3 * 10**12),
    ("两", 2),
    ("二〇二二", 2022),  # digit by digit (years)
    ("二零二二", 2022),
    ("一九九八", 1998),
    ("叁仟伍佰", 3500),
    ("壹万零伍佰", 10500),
    ("贰拾", 20),
    ("玖佰玖拾玖", 999),
    ("萬", 10000),
    ("3万5千", 35000),
    ("3万5", 35000),
    ("3万500", 30500),
    ("2022", 2022),
    ("２０２２", 2022),  # full-width digits
]


@pytest.mark.parametrize(("text", "expected"), CN_TO_INT)
def test_cn_to_int(text: str, expected: int) -> None:
    assert cn_to_int(text) == expected


@pytest.mark.parametrize("text", ["", "  ", "abc", "二三百", "三四万", "十二点五", "第三", "1.5万"])
def test_cn_to_int_rejects(text: str) -> None:
    assert cn_to_int(text) is None


PARSE_NUMBER = [
    ("3000", Decimal("3000")),
    ("3,000", Decimal("3000")),
    ("3,000.00", Decimal("3000.00")),
    ("12,345,678.9", Decimal("12345678.9")),
    ("1.5万", Decimal("15000")),
    ("2.35亿", Decimal("235000000")),
    ("1.5千", Decimal("1500")),
    ("一点五万", Decimal("15000")),
    ("三点五", Decimal("3.5")),
    ("3万5千", Decimal("35000")),
    ("三千五百", Decimal("3500")),
    ("叁仟伍佰", Decimal("3500")),
    ("二十三", Decimal("23")),
    ("０.５", Decimal("0.5")),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_NUMBER)
def test_parse_number(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "1,2", "3,00", "30,00.5", "abc", "1.5.3", "万点", "二三百"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_fold_width_keeps_offsets() -> None:
    text = "东公（刑）立字〔２０２２〕１２３号，电话：１３８－１２３４　５６７８"
    folded = fold_width(text)
    assert len(folded) == len(text)
    assert folded == "东公(刑)立字〔2022〕123号,电话:138-1234 5678"


def test_overlaps_any() -> None:
    starts, ends = [0, 10, 20], [5, 15, 25]
    assert overlaps_any(starts, ends, 3, 4)
    assert overlaps_any(starts, ends, 14, 21)
    assert not overlaps_any(starts, ends, 5, 10)
    assert not overlaps_any(starts, ends, 25, 30)
    assert not overlaps_any([], [], 0, 1)
