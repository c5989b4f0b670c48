"""Small text helpers shared by the generator: writing dates the way a document already writes them."""

from __future__ import annotations

import re
from datetime import date, datetime

_CN_DIGITS = "〇一二三四五六七八九"


def cn_year(year: int) -> str:
    return "".join(_CN_DIGITS[int(c)] for c in str(year))


_CN_ZERO_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """0..99999 as a penalty writes it: 五, 十五, 五百, 一千五百, 二千, 一千零五十."""
    if n == 0:
        return "零"
    out, pending_zero, rest = "", False, n
    for value, unit in ((10000, "万"), (1000, "千"), (100, "百"), (10, "十")):
        digit, rest = divmod(rest, value)
        if digit:
            if pending_zero:
                out += "零"
                pending_zero = False
            out += ("" if value == 10 and digit == 1 and not out else _CN_ZERO_DIGITS[digit]) + unit
        elif out:
            pending_zero = True
    if rest:
        out += ("零" if pending_zero else "") + _CN_ZERO_DIGITS[rest]
    return out


def cn_small(n: int) -> str:
    """1..99 (months, days, hours) as 一 … 十二 … 三十一."""
    return cn_number(n)


def format_like(old: str, when: date | datetime) -> str:
    """Write ``when`` in the style of ``old``: Chinese or Arabic numerals, with the same precision and suffixes."""
    chinese = bool(re.search(r"[〇零一二三四五六七八九十]年", old)) or old.startswith(("二〇", "二零", "一九"))
    has_minute = "分" in old or re.search(r"\d:\d", old) is not None
    has_hour = has_minute or "时" in old
    dt = when if isinstance(when, datetime) else datetime(when.year, when.month, when.day)
    if chinese:
        out = f"{cn_year(dt.year)}年{cn_small(dt.month)}月{cn_small(dt.day)}日"
        if has_hour:
            out += f"{cn_small(dt.hour) if dt.hour else '零'}时"
        if has_minute:
            out += f"{cn_small(dt.minute)}分" if dt.minute else "整"
        return out
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", old):
        out = f"{dt:%Y-%m-%d}"
        return out + (f" {dt:%H:%M}" if has_hour else "")
    month = f"{dt.month:02d}" if re.search(r"年0\d月", old) else str(dt.month)
    day = f"{dt.day:02d}" if re.search(r"月0\d日", old) else str(dt.day)
    out = f"{dt.year}年{month}月{day}日"
    if has_hour:
        out += f"{dt.hour}时"
    if has_minute:
        out += f"{dt.minute:02d}分"
    if old.endswith("许"):
        out += "许"
    return out
