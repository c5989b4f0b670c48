"""Chinese numerals -> int / Decimal, plus the small text helpers every pattern extractor shares.

Handles the forms police write: 十二, 二十三, 一百零五, 三千五百, 两万, 一万五 (= 15000), digit-by-digit years
二〇二二 / 二零二二, financial 壹贰叁肆伍陆柒捌玖拾佰仟萬, and mixed 3万5千 / 1.5万 / 一点五万.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "CN_DIGIT_CHARS",
    "CN_NUMERAL_CHARS",
    "cn_to_int",
    "fold_width",
    "load_patterns",
    "overlaps_any",
    "parse_number",
]

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3, "叄": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}

CN_DIGIT_CHARS = "".join(CN_DIGITS)
"""Every Chinese digit character (for building regex character classes)."""
CN_NUMERAL_CHARS = CN_DIGIT_CHARS + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
"""Digits and units: everything that can appear inside a Chinese numeral."""

# Full-width ASCII (！ to ～) and ideographic/no-break spaces map 1:1 to ASCII, so offsets stay valid.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0xA0: 0x20}

_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]+)?", re.ASCII)
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?", re.ASCII)
_UNIT_CHARS = "".join(SMALL_UNITS) + "".join(BIG_UNITS)
_DECIMAL_WITH_UNITS = re.compile(f"(?P<num>[^{_UNIT_CHARS}]+)(?P<units>[{_UNIT_CHARS}]+)")


def fold_width(text: str) -> str:
    """Full-width ASCII punctuation, letters and digits -> ASCII, char for char (offsets are preserved)."""
    return text.translate(_FOLD)


@cache
def load_patterns(section: str) -> dict[str, Any]:
    """One section of ``patterns.yaml`` (the vocabularies and regex fragments of the pattern extractors)."""
    data = yaml.safe_load(Path(__file__).with_name("patterns.yaml").read_text(encoding="utf-8"))
    return data[section]


def overlaps_any(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-overlapping spans (starts[i], ends[i]); O(log n)."""
    i = bisect_left(starts, end) - 1
    return i >= 0 and ends[i] > start


def _tokens(s: str) -> list[tuple[str, int, int]] | None:
    """Split into (kind, value, width) tokens: "num" (an Arabic run or one Chinese digit), "zero", "unit", "big"."""
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(s):
        ch = s[i]
        if "0" <= ch <= "9":
            j = i
            while j < len(s) and "0" <= s[j] <= "9":
                j += 1
            out.append(("num", int(s[i:j]), j - i))
            i = j
            continue
        if ch in CN_DIGITS:
            value = CN_DIGITS[ch]
            out.append(("zero", 0, 1) if value == 0 else ("num", value, 1))
        elif ch in SMALL_UNITS:
            out.append(("unit", SMALL_UNITS[ch], 1))
        elif ch in BIG_UNITS:
            out.append(("big", BIG_UNITS[ch], 1))
        else:
            return None
        i += 1
    return out


def cn_to_int(s: str) -> int | None:
    """A Chinese, financial, Arabic or mixed integer numeral -> int; None when ``s`` is not one.

    >>> cn_to_int("一百零五"), cn_to_int("二〇二二"), cn_to_int("叁仟伍佰"), cn_to_int("3万5千"), cn_to_int("一万五")
    (105, 2022, 3500, 35000, 15000)
    """
    if s.isascii() and s.isdigit():
        return int(s)
    s = fold_width(s).strip()
    if not s:
        return None
    if s.isascii() and s.isdigit():
        return int(s)
    tokens = _tokens(s)
    if not tokens:
        return None
    if all(kind in ("num", "zero") for kind, _, _ in tokens):
        # No units: read digit by digit (二〇二二 -> 2022, 一九九八 -> 1998).
        return int("".join(str(value) for _, value, _ in tokens))
    total = 0  # everything above the current 万/亿 section
    section = 0  # the part below the last big unit
    current: int | None = None  # a digit waiting for its unit
    current_width = 0
    last_unit: int | None = None  # the unit just before ``current``, for the 一万五 = 15000 shorthand
    after_zero = False
    for kind, value, width in tokens:
        if kind == "zero":
            if current is not None:
                return None
            after_zero, last_unit = True, None
        elif kind == "num":
            if current is not None:
                return None  # 二三百: a range, not a number
            current, current_width = value, width
        elif kind == "unit":
            section += (1 if current is None else current) * value
            current, last_unit, after_zero = None, value, False
        else:  # big unit
            if current is not None:
                section += current
                current = None
            if value == BIG_UNITS["亿"]:
                total = (total + section) * value
            else:
                total += (section or (0 if total else 1)) * value
            section, last_unit, after_zero = 0, value, False
    if current is not None:
        # 一万五 / 三千五 / 3万5: a lone trailing digit right after a unit counts in the next lower unit.
        if last_unit is not None and last_unit > 10 and not after_zero and current_width == 1 and current < 10:
            current *= last_unit // 10
        section += current
    return total + section


def parse_number(s: str) -> Decimal | None:
    """Any amount as police write it -> Decimal: 3000, 3,000.00, 1.5万, 3万5千, 叁仟伍佰, 一点五万, 二十三.

    Returns None when ``s`` is not a number (bad thousands grouping, stray characters, empty).
    """
    t = fold_width(s).strip().replace(" ", "")
    if not t:
        return None
    if "," in t:
        if not _GROUPED.fullmatch(t):
            return None
        t = t.replace(",", "")
    if _PLAIN.fullmatch(t):
        return Decimal(t)
    if "." in t or "点" in t:
        m = _DECIMAL_WITH_UNITS.fullmatch(t)
        head, units = (m.group("num"), m.group("units")) if m else (t, "")
        base = _parse_decimal(head)
        if base is None:
            return None
        multiplier = 1
        for ch in units:
            multiplier *= SMALL_UNITS.get(ch) or BIG_UNITS[ch]
        return base * multiplier
    value = cn_to_int(t)
    return None if value is None else Decimal(value)


def _parse_decimal(s: str) -> Decimal | None:
    """1.5 or 一点五 (integer part in any form, fraction digit by digit)."""
    if _PLAIN.fullmatch(s):
        return Decimal(s)
    whole, sep, frac = s.partition("点" if "点" in s else ".")
    if not sep or not whole or not frac:
        return None
    int_part = cn_to_int(whole)
    digits = [ch if "0" <= ch <= "9" else str(CN_DIGITS.get(ch, "")) for ch in frac]
    if int_part is None or not all(d.isdigit() and len(d) == 1 for d in digits):
        return None
    try:
        return Decimal(f"{int_part}.{''.join(digits)}")
    except InvalidOperation:
        return None
