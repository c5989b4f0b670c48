"""DATETIME and DURATION extractors, and ``parse_datetime`` for a single form value.

Dates and times are read in text order so that relative forms (同年6月1日, 次日, 当日8时, a bare 5月3日 or 15时许)
resolve against the previous date in the same text, and so that ranges (… 14时30分至16时10分) pair up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from nlp import registry
from nlp.extractors.numerals import CN_NUMERAL_CHARS, cn_to_int, fold_width, load_patterns, overlaps_any
from nlp.labels import EntityType
from nlp.schema import Entity

__all__ = ["extract_datetimes", "extract_durations", "parse_datetime"]

_P = load_patterns("datetime")
_PD = load_patterns("duration")

PROBLEM_DATE = "日期不存在"
PROBLEM_TIME = "时间无效"
PROBLEM_WEEKDAY = "星期与日期不符"


def _alternation(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_S = r"[ \t]{0,2}"  # PDF text often has a space between the parts of a date
_CN_YEAR_DIGITS = "〇零○一二三四五六七八九"
_YEAR4 = rf"(?:19|20)[0-9]{{2}}|[一二][{_CN_YEAR_DIGITS}]{{3}}"
_MONTH = r"[0-9]{1,2}|十[一二]?|[〇零]?[一二三四五六七八九]"
_DAY = r"[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[〇零]?[一二三四五六七八九]"
_HOUR = r"[0-9]{1,2}|[一二]?十[一二三四五六七八九]?|[〇零]?[一二三四五六七八九两]"
_MINUTE = r"[0-9]{1,2}|[一二三四五]?十[一二三四五六七八九]?|[〇零]?[一二三四五六七八九]"
_PERIODS: dict[str, str] = dict(_P["periods"])
_PERIOD_LONG = _alternation(w for w in _PERIODS if len(w) > 1)
_PERIOD_ANY = _alternation(_PERIODS)
_APPROX = _alternation(_P["approximate"])
_REL_DAYS: dict[str, int] = dict(_P["relative_days"])
_REL_DAY_PERIODS: dict[str, str] = dict(_P["relative_day_periods"])
_REL_YEARS: dict[str, int] = dict(_P["relative_years"])
_REL_MONTHS: dict[str, int] = dict(_P["relative_months"])
_WEEKDAYS: dict[str, int] = dict(_P["weekdays"])
_NOT_AFTER_NUMBER = r"(?<![0-9零〇○一二三四五六七八九十百千万两])"


def _time(k: str) -> str:
    """A clock time: 14:30[:00] | 14时[30分[15秒]] | 十四时三十分 | 2点半 | 8点30; then 许/左右 …"""
    return (
        rf"(?:(?P<ch_{k}>[0-9]{{1,2}}):(?P<cm_{k}>[0-5][0-9])(?::(?P<cs_{k}>[0-5][0-9]))?(?![0-9])"
        rf"|(?P<h_{k}>{_HOUR}){_S}(?P<hm_{k}>时|点钟|点)"
        rf"(?:{_S}(?:(?P<half_{k}>半)|(?P<m_{k}>{_MINUTE}){_S}分(?!钟)(?:{_S}(?P<s_{k}>{_MINUTE}){_S}秒)?"
        rf"|(?<=点)(?P<mb_{k}>[0-5][0-9])(?![0-9年月日号时点分秒元万千百个天])))?)"
        rf"(?P<ap_{k}>{_APPROX})?"
    )


def _after_day(k: str, weekday: bool = True) -> str:
    """What may follow a day: (星期二), a period word (下午; a lone 早/晚 only before a time), a time."""
    wd = rf"(?:{_S}\(?(?P<wd_{k}>(?:星期|周|礼拜)[一二三四五六日天])\)?)?" if weekday else ""
    return (
        rf"{wd}(?:{_S}(?P<p_{k}>{_PERIOD_LONG})|{_S}(?P<p1_{k}>[早晚])(?={_S}[0-9一二三四五六七八九十两]))?"
        rf"(?:{_S}{_time(k)})?"
    )


_ALTERNATIVES = [
    # 2022-05-03 / 2022.5.3 / 2022/5/3 [14:30:00]
    rf"(?<![0-9A-Za-z.\-/])(?P<ny_1>(?:19|20)[0-9]{{2}})(?P<sep_1>[-./])(?P<mo_1>[0-9]{{1,2}})(?P=sep_1)"
    rf"(?P<d_1>[0-9]{{1,2}})(?![0-9]|\.[0-9]){_after_day('1')}",
    # 2022年[5月[3日 …]] / 二〇二二年五月三日十四时三十分
    rf"{_NOT_AFTER_NUMBER}(?P<y_2>{_YEAR4}){_S}年(?:{_S}(?P<mo_2>{_MONTH}){_S}月"
    rf"(?:{_S}(?P<d_2>{_DAY}){_S}[日号]{_after_day('2')})?)?",
    # 22年5月3日 (two-digit year: a full date only)
    rf"(?<![0-9])(?P<yy_3>[0-9]{{2}}){_S}年{_S}(?P<mo_3>{_MONTH}){_S}月{_S}(?P<d_3>{_DAY}){_S}[日号]{_after_day('3')}",
    # 5月3日 … (year from the previous date)
    rf"{_NOT_AFTER_NUMBER}(?P<mo_4>{_MONTH}){_S}月{_S}(?P<d_4>{_DAY}){_S}[日号]{_after_day('4')}",
    # 同年6月[1日 …]
    rf"(?P<ry_5>{_alternation(_REL_YEARS)}){_S}(?P<mo_5>{_MONTH}){_S}月"
    rf"(?:{_S}(?P<d_5>{_DAY}){_S}[日号]{_after_day('5')})?",
    # 同月3日 …
    rf"(?P<rm_6>{_alternation(_REL_MONTHS)}){_S}(?P<d_6>{_DAY}){_S}[日号]{_after_day('6')}",
    # 次日 / 当日 / 同日8时 / 次日凌晨2时许 / 当晚
    rf"(?P<rd_7>{_alternation(_REL_DAYS)}){_after_day('7', weekday=False)}",
    # 3日14时许 (a day of the previous date's month, only with a time)
    rf"{_NOT_AFTER_NUMBER}(?P<dd_8>{_DAY}){_S}日{_S}(?:(?P<p_8>{_PERIOD_ANY}){_S})?{_time('8')}",
    # 14时30分许 / 下午2时 / 14:30 (no date: the previous date's day)
    rf"(?<![0-9零〇○一二三四五六七八九十两.])(?:(?P<p_9>{_PERIOD_ANY}){_S})?{_time('9')}",
]
# A cheap first-character gate: most positions of a text cannot start a date.
_FIRST_CHARS = set("0123456789一二三四五六七八九十〇零○两") | {w[0] for w in (*_REL_DAYS, *_REL_YEARS, *_REL_MONTHS)}
_FIRST_CHARS |= {w[0] for w in _PERIODS}
# Each alternative is wrapped in a group alt_N: the outermost group closes last, so m.lastgroup names the one
# that matched and only its own groups are read (groupdict() over ~150 groups is the slow part otherwise).
_DT_RE = re.compile(
    rf"(?=[{''.join(sorted(_FIRST_CHARS))}])(?:"
    + "|".join(f"(?P<alt_{i}>{alt})" for i, alt in enumerate(_ALTERNATIVES, 1))
    + ")"
)
_CONNECTOR = _alternation(_P["range_connectors"])
_CONNECTOR_RE = re.compile(rf"{_S}起?{_S}(?:{_CONNECTOR}){_S}")
# After a connector: 至3日 / 至5月10日 / 至5月 / 至16时10分 / 至下午四时 (looser than a bare time in running text).
_TAIL_RE = re.compile(
    rf"(?:(?P<mo_t>{_MONTH}){_S}月{_S})?(?P<dd_t>{_DAY}){_S}[日号](?![0-9楼栋院室房门线库车位柜街路巷弄]){_after_day('t')}"
    rf"|(?:(?P<p_u>{_PERIOD_ANY}){_S})?{_time('u')}"
    rf"|(?P<mo_v>{_MONTH}){_S}月(?![0-9一二三四五六七八九十])"
)


@dataclass
class _Raw:
    start: int
    end: int
    kind: str  # abs | md | day | rel_year | rel_month | rel_day | time
    groups: dict[str, str]
    year: int | None = None
    month: int | None = None
    day: int | None = None


@dataclass
class _Item:
    """One resolved date/time, before it becomes an Entity."""

    start: int
    end: int
    value: str | None
    valid: bool | None
    attrs: dict[str, Any]
    day: date | None = None  # the resolved calendar day, when there is one
    year: int | None = None
    month: int | None = None
    hour: int | None = None  # 24-hour clock, after the period shift
    minute: int | None = None
    second: int | None = None
    period_class: str | None = None
    precision: str = "day"


def _group_names(pattern: re.Pattern[str]) -> dict[str | None, list[tuple[str, str]]]:
    """alt_N (or None for a pattern without alternatives) -> [(group name, base name)] of that alternative."""
    names: dict[str | None, list[tuple[str, str]]] = {}
    for name in pattern.groupindex:
        if name.startswith("alt_"):
            continue
        suffix = name.rsplit("_", 1)[1]
        key = f"alt_{suffix}" if f"alt_{suffix}" in pattern.groupindex else None
        names.setdefault(key, []).append((name, name.rsplit("_", 1)[0]))
    return names


_DT_NAMES = _group_names(_DT_RE)


def _groups(m: re.Match[str]) -> dict[str, str]:
    """The matched groups of ``m`` by base name (h_9 -> h), skipping those that did not take part."""
    if m.re is _DT_RE:
        pairs = _DT_NAMES[m.lastgroup]
        values = m.group(*(name for name, _ in pairs)) if len(pairs) > 1 else (m.group(pairs[0][0]),)
        return {base: value for (_, base), value in zip(pairs, values, strict=True) if value is not None}
    return {name.rsplit("_", 1)[0]: value for name, value in m.groupdict().items() if value is not None}


def _raw(m: re.Match[str], *, strict: bool = True) -> _Raw | None:
    g = _groups(m)
    if "ny" in g or "y" in g or "yy" in g:
        if "yy" in g:
            yy = int(g["yy"])
            year = 2000 + yy if 2000 + yy <= date.today().year else 1900 + yy
        else:
            year = cn_to_int(g.get("ny") or g["y"]) or 0
            if not 1900 <= year <= 2099:
                return None
        raw = _Raw(m.start(), m.end(), "abs", g, year=year)
    elif "ry" in g:
        raw = _Raw(m.start(), m.end(), "rel_year", g)
    elif "rm" in g:
        raw = _Raw(m.start(), m.end(), "rel_month", g)
    elif "rd" in g:
        raw = _Raw(m.start(), m.end(), "rel_day", g)
    elif "mo" in g:
        raw = _Raw(m.start(), m.end(), "md", g)
    elif "dd" in g:
        raw = _Raw(m.start(), m.end(), "day", g)
        raw.day = cn_to_int(g["dd"])
        return raw
    else:
        if strict and not _plausible_bare_time(g):
            return None
        return _Raw(m.start(), m.end(), "time", g)
    raw.month = cn_to_int(g["mo"]) if "mo" in g else None
    day = g.get("d") or g.get("dd")
    raw.day = cn_to_int(day) if day else None
    return raw


def _plausible_bare_time(g: dict[str, str]) -> bool:
    """A time with no date before it: 一时 / 两点 / 三点 alone are words (一时冲动, 两点意见), not times."""
    if "p" in g or "ch" in g:
        return "ch" not in g or int(g["ch"]) <= 24
    if g.get("hm") == "时" and g["h"].isdigit():
        return True
    return any(k in g for k in ("m", "half", "mb", "ap")) or g.get("hm") == "点钟"


def _shift_hour(hour: int, period_class: str | None, word: str | None) -> int:
    """12-hour clock + period word -> 24-hour clock (下午2时 -> 14, 晚上12时 -> 24, 凌晨12时 -> 0)."""
    if period_class == "early" and hour == 12:
        return 0
    if period_class == "noon" and 1 <= hour <= 3:
        return hour + 12
    if period_class == "pm" and 1 <= hour <= 11:
        return hour + 12
    if period_class == "evening" and (5 <= hour <= 12 or (word == "傍晚" and 1 <= hour <= 11)):
        return hour + 12
    if period_class == "night" and 7 <= hour <= 12:
        return hour + 12
    return hour


def _clock(g: dict[str, str]) -> tuple[int, int | None, int | None] | None:
    """(hour, minute, second) as written, or None when there is no time."""
    if "ch" in g:
        return int(g["ch"]), int(g["cm"]), int(g["cs"]) if "cs" in g else None
    if "h" not in g:
        return None
    hour = cn_to_int(g["h"])
    if hour is None:
        return None
    minute: int | None = None
    if "half" in g:
        minute = 30
    elif "m" in g:
        minute = cn_to_int(g["m"])
    elif "mb" in g:
        minute = int(g["mb"])
    second = cn_to_int(g["s"]) if "s" in g else None
    return hour, minute, second


class _Resolver:
    """Walks the matches in text order, keeping the previous date as the anchor for relative forms."""

    def __init__(self) -> None:
        self.day: date | None = None
        self.year: int | None = None
        self.month: tuple[int, int] | None = None

    def resolve(self, raw: _Raw, prev: _Item | None) -> _Item:
        g = raw.groups
        attrs: dict[str, Any] = {}
        problems: list[str] = []
        year, month, day = raw.year, raw.month, raw.day
        resolved_day: date | None = None
        unresolved = False
        period_word = g.get("p") or g.get("p1") or _REL_DAY_PERIODS.get(g.get("rd", ""))
        if raw.kind == "md":
            if prev is not None and prev.year is not None:
                year = prev.year
            elif self.year is not None:
                year = self.year
                attrs["year_inferred"] = True
            else:
                unresolved = True
        elif raw.kind == "day":
            if prev is not None and prev.month is not None:
                year, month = prev.year, prev.month
            elif self.month is not None:
                year, month = self.month
                attrs["month_inferred"] = True
            else:
                unresolved = True
        elif raw.kind == "rel_year":
            attrs["relative"] = True
            if self.year is not None:
                year = self.year + _REL_YEARS[g["ry"]]
            else:
                unresolved = True
        elif raw.kind == "rel_month":
            attrs["relative"] = True
            if self.month is not None:
                y, mo = self.month
                mo += _REL_MONTHS[g["rm"]]
                year, month = (y + 1, 1) if mo > 12 else (y, mo)
            else:
                unresolved = True
        elif raw.kind == "rel_day":
            attrs["relative"] = True
            if self.day is not None:
                resolved_day = self.day + timedelta(days=_REL_DAYS[g["rd"]])
            else:
                unresolved = True
        elif raw.kind == "time":
            if prev is not None and prev.day is not None:
                resolved_day = prev.day
                if prev.attrs.get("date_inferred"):
                    attrs["date_inferred"] = True
            elif self.day is not None:
                resolved_day = self.day
                attrs["date_inferred"] = True

        if resolved_day is None and year is not None and month is not None and day is not None:
            try:
                resolved_day = date(year, month, day)
            except ValueError:
                problems.append(PROBLEM_DATE)
        elif resolved_day is None and year is not None and month is not None and not 1 <= month <= 12:
            problems.append(PROBLEM_DATE)
        elif unresolved and month is not None and day is not None:
            try:
                date(2000, month, day)  # a leap year: 2月29日 may still be real
            except ValueError:
                problems.append(PROBLEM_DATE)
        if resolved_day is not None:
            year, month = resolved_day.year, resolved_day.month
        written_day = resolved_day  # the anchor for what follows, before 24时 / 23时至1时 roll over

        # The clock time, shifted by its period word (or the range start's, for 下午2时至4时).
        clock = _clock(g)
        hour = minute = second = None
        period_class = _PERIODS.get(period_word) if period_word else None
        if clock is not None:
            hour, minute, second = clock
            raw_hour = hour
            hour = _shift_hour(hour, period_class, period_word)
            if (
                period_word is None
                and prev is not None
                and prev.hour is not None
                and prev.period_class in ("pm", "evening", "night")
                and raw_hour < 12
                and raw_hour + 12 >= prev.hour
            ):
                hour = raw_hour + 12
            if not (0 <= hour <= 24 and 0 <= (minute or 0) <= 59 and 0 <= (second or 0) <= 59) or (
                hour == 24 and (minute or second)
            ):
                problems.append(PROBLEM_TIME)
            elif hour == 24 and resolved_day is not None:
                hour, resolved_day = 0, resolved_day + timedelta(days=1)
                attrs["end_of_day"] = True
            if (
                not problems
                and prev is not None
                and prev.day is not None
                and raw.kind == "time"
                and resolved_day == prev.day
                and prev.hour is not None
                and (hour, minute or 0) < (prev.hour, prev.minute or 0)
            ):
                resolved_day = prev.day + timedelta(days=1)  # 23时至1时: the end is the next day
                attrs["next_day"] = True

        precision = (
            "second"
            if second is not None
            else "minute"
            if minute is not None
            else "hour"
            if hour is not None
            else "day"
            if resolved_day is not None or day is not None or raw.kind == "rel_day"
            else "month"
            if month is not None
            else "year"
        )
        attrs["precision"] = precision
        if period_word:
            attrs["period"] = period_word
        if "ap" in g:
            attrs["approximate"] = True
        if "wd" in g and resolved_day is not None and not problems:
            attrs["weekday"] = g["wd"]
            if _WEEKDAYS[g["wd"][-1]] != resolved_day.weekday():
                problems.append(PROBLEM_WEEKDAY)

        value: str | None = None
        valid: bool | None = None
        hard_problems = [p for p in problems if p != PROBLEM_WEEKDAY]
        if hard_problems:
            valid = False
        elif unresolved:
            attrs["unresolved"] = True
        else:
            valid = True
            if resolved_day is not None:
                value = resolved_day.isoformat()
            elif year is not None and month is not None:
                value = f"{year:04d}-{month:02d}"
            elif year is not None:
                value = f"{year:04d}"
            if hour is not None:
                clock_text = f"{hour:02d}:{minute or 0:02d}" + (f":{second:02d}" if second is not None else "")
                if value is None:
                    attrs["time_only"] = True
                    value = clock_text
                else:
                    value = f"{value}T{clock_text}"
        if problems:
            attrs["problem"] = "；".join(problems)
        if month is not None and value is None:
            attrs["month"] = month
            if day is not None:
                attrs["day"] = day

        item = _Item(
            start=raw.start,
            end=raw.end,
            value=value,
            valid=valid,
            attrs=attrs,
            day=resolved_day if valid else None,
            year=year if valid else None,
            month=month if valid else None,
            hour=hour if valid else None,
            minute=minute,
            second=second,
            period_class=period_class,
            precision=precision,
        )
        if valid:
            if written_day is not None and raw.kind != "time":
                self.day = written_day
            if year is not None:
                self.year = year
                if month is not None:
                    self.month = (year, month)
        return item


def _scan(folded: str) -> list[_Item]:
    raws = [raw for m in _DT_RE.finditer(folded) if (raw := _raw(m)) is not None]
    resolver = _Resolver()
    items: list[_Item] = []
    pending: _Raw | None = None  # a range end found after a connector (至3日), handled before raws[i]
    i = 0
    while pending is not None or i < len(raws):
        if pending is not None:
            raw, pending = pending, None
        else:
            raw, i = raws[i], i + 1
        prev = items[-1] if items else None
        in_range = (
            prev is not None
            and prev.valid is not False
            and prev.end < raw.start
            and _CONNECTOR_RE.fullmatch(folded, prev.end, raw.start) is not None
        )
        item = resolver.resolve(raw, prev if in_range else None)
        if in_range and prev is not None:
            prev.attrs["range_start"] = True
            item.attrs["range_end"] = True
        items.append(item)
        # 5月1日至3日 / 14时30分至四时: an end that is not a date or time on its own.
        connector = _CONNECTOR_RE.match(folded, item.end)
        next_start = raws[i].start if i < len(raws) else len(folded)
        if item.valid is not False and connector and connector.end() < next_start:
            tail = _TAIL_RE.match(folded, connector.end())
            tail_raw = _raw(tail, strict=False) if tail and tail.end() <= next_start else None
            if tail_raw is not None and (tail_raw.kind != "day" or item.day is not None):
                pending = tail_raw
    return items


@registry.extractors.register("datetime")
def extract_datetimes(text: str) -> list[Entity]:
    """Dates, times and date-times in every form police write; value = ISO 8601, attrs["precision"]."""
    return [
        Entity(
            type=EntityType.DATETIME,
            start=item.start,
            end=item.end,
            text=text[item.start : item.end],
            value=item.value,
            valid=item.valid,
            score=1.0 if item.valid else 0.9,
            source="pattern:datetime",
            attrs=item.attrs,
        )
        for item in _scan(fold_width(text))
    ]


_COMPACT_DATE_RE = re.compile(r"(?:19|20)[0-9]{6}")


def parse_datetime(s: str) -> datetime | date | None:
    """The first real date in ``s`` (a form field such as "2022年5月3日9时"): a datetime when it has a time.

    None when there is no date, it is not a real calendar date, or it is relative with nothing to resolve against.
    A compact 20220503 is read too, but only as the whole value (in running text it is just a number).
    """
    folded = fold_width(s).strip()
    if _COMPACT_DATE_RE.fullmatch(folded):
        try:
            return date(int(folded[:4]), int(folded[4:6]), int(folded[6:]))
        except ValueError:
            return None
    for item in _scan(folded):
        if item.day is None or not item.valid:
            continue
        if item.hour is None:
            return item.day
        return datetime(item.day.year, item.day.month, item.day.day, item.hour, item.minute or 0, item.second or 0)
    return None


# ---------------------------------------------------------------- durations

_CN_SMALL_NUMERAL = "".join(ch for ch in CN_NUMERAL_CHARS if ch not in "万萬亿億")
_NUM = rf"[0-9]{{1,3}}(?:\.[0-9]+)?|[{_CN_SMALL_NUMERAL}]{{1,10}}|半"
_DURATION_PARTS: list[tuple[str, str]] = [
    ("year", rf"(?P<year_n>{_NUM})(?P<year_a>余|多)?年(?![代级龄纪度初底末中份])(?P<year_h>半)?(?P<year_a2>多)?"),
    ("month", rf"(?P<month_n>{_NUM})(?P<month_a>余|多)?个(?P<month_h>半)?(?P<month_a2>多)?月(?!份)"),
    ("week", rf"(?P<week_n>{_NUM})(?P<week_a>余|多)?个?(?P<week_a2>多)?(?:星期|礼拜|周(?![岁年]))"),
    (
        "day",
        rf"(?P<day_n>{_NUM})(?P<day_a>余|多)?个?(?P<day_a2>多)?(?P<day_u>工作日|日(?![元期记报])|天)(?P<day_h>半)?",
    ),
    ("hour", rf"(?P<hour_n>{_NUM})(?P<hour_a>余|多)?个?(?P<hour_h>半)?(?P<hour_a2>多)?(?:小时|钟头)(?P<hour_h2>半)?"),
    ("minute", rf"(?P<minute_n>{_NUM})(?P<minute_a>余|多)?分钟(?P<minute_h>半)?"),
    ("second", rf"(?P<second_n>{_NUM})(?P<second_a>余|多)?秒钟?"),
]
_QUALIFIERS: dict[str, str] = dict(_PD["qualifiers"])
# The lookahead (a number, then a unit) rejects most positions before the slow part with its many groups runs.
_DURATION_RE = re.compile(
    rf"(?<![0-9.零〇○两一二三四五六七八九十百千万第月有])"
    rf"(?=(?:{_NUM})(?:余|多)?个?半?多?(?:年|月|星期|礼拜|周|工作日|日|天|小时|钟头|分钟|秒))"
    + "".join(rf"(?:零?{part})?" for _, part in _DURATION_PARTS)
    + rf"(?P<q>{_alternation(q for q in _QUALIFIERS if q != '内')}|内(?![容部外地心]))?"
)
_MEASURE_RE = re.compile(rf"(?P<m>{_alternation(_PD['measures'])})[^\s，。；、,;:：0-9]{{0,5}}$")
_DAY_THEN_TIME = re.compile(rf"{_S}(?:{_PERIOD_ANY}|(?:{_HOUR}){_S}[时点])")
# How a fraction of one unit carries into the next (一年半 -> P1Y6M, 1.5小时 -> PT1H30M).
_CARRY = {"year": ("month", 12), "month": ("day", 30), "day": ("hour", 24), "hour": ("minute", 60)}
_CARRY |= {"minute": ("second", 60)}
_ISO_LETTER = {"year": "Y", "month": "M", "day": "D", "hour": "H", "minute": "M", "second": "S"}


def _amount(num: str) -> Decimal | None:
    if num == "半":
        return Decimal("0.5")
    if num[0].isdigit():
        return Decimal(num)
    num = num.lstrip("零〇○") or num
    if len(num) > 1 and not any(ch in "十百千拾佰仟" for ch in num):
        return None  # 一九九八年 is a year, 一二天 a guess: neither is a duration
    value = cn_to_int(num)
    return None if value is None else Decimal(value)


def _iso_duration(parts: list[tuple[str, Decimal]]) -> str:
    amounts: dict[str, Decimal] = {}
    for unit, amount in parts:
        if unit == "week":
            if len(parts) == 1 and amount == amount.to_integral_value():
                return f"P{int(amount)}W"
            unit, amount = "day", amount * 7
        amounts[unit] = amounts.get(unit, Decimal(0)) + amount
    for unit in ("year", "month", "day", "hour", "minute"):
        value = amounts.get(unit)
        if value is not None and value != value.to_integral_value():
            whole = value.to_integral_value(rounding=ROUND_FLOOR)
            lower, factor = _CARRY[unit]
            amounts[unit] = whole
            amounts[lower] = amounts.get(lower, Decimal(0)) + (value - whole) * factor

    def fmt(v: Decimal) -> str:
        return str(int(v)) if v == v.to_integral_value() else format(v.normalize(), "f")

    date_part = "".join(f"{fmt(amounts[u])}{_ISO_LETTER[u]}" for u in ("year", "month", "day") if amounts.get(u))
    time_part = "".join(f"{fmt(amounts[u])}{_ISO_LETTER[u]}" for u in ("hour", "minute", "second") if amounts.get(u))
    return "P" + (date_part or ("" if time_part else "0D")) + (f"T{time_part}" if time_part else "")


def _number(v: Decimal) -> int | float:
    return int(v) if v == v.to_integral_value() else float(v)


@registry.extractors.register("duration")
def extract_durations(text: str) -> list[Entity]:
    """Periods: 24小时, 三日, 15日以内, 1个月, 两年, 一年零六个月, 拘留十日 (attrs["measure"]); value = ISO 8601."""
    folded = fold_width(text)
    dates = _scan(folded)
    date_starts, date_ends = [item.start for item in dates], [item.end for item in dates]
    found: list[Entity] = []
    for m in _DURATION_RE.finditer(folded):
        if m.end() == m.start():
            continue
        gd = m.groupdict()
        parts: list[tuple[str, Decimal]] = []
        approximate = False
        ok = True
        for unit, _ in _DURATION_PARTS:
            num = gd[f"{unit}_n"]
            if num is None:
                continue
            amount = _amount(num)
            if amount is None:
                ok = False
                break
            if any(gd.get(f"{unit}_{h}") for h in ("h", "h2")):
                amount += Decimal("0.5")
            if any(gd.get(f"{unit}_{a}") for a in ("a", "a2")):
                approximate = True
            parts.append((unit, amount))
        if not ok or not parts:
            continue
        start, end = m.start(), m.end()
        if overlaps_any(date_starts, date_ends, start, end):
            continue  # 5月3日 / 至3日 / 3日14时许: a date, not three days
        if m.group("day_u") == "日" and len(parts) == 1 and _DAY_THEN_TIME.match(folded, end):
            continue
        attrs: dict[str, Any] = {"parts": [{"amount": _number(a), "unit": u} for u, a in parts]}
        if len(parts) == 1:
            attrs["amount"], attrs["unit"] = _number(parts[0][1]), parts[0][0]
        if m.group("day_u") == "工作日":
            attrs["working_days"] = True
        if approximate or m.group("q") == "左右":
            attrs["approximate"] = True
        if m.group("q"):
            attrs["qualifier"] = _QUALIFIERS[m.group("q")]
        measure = _MEASURE_RE.search(folded, max(0, start - 14), start)
        if measure:
            attrs["measure"] = measure.group("m")
        found.append(
            Entity(
                type=EntityType.DURATION,
                start=start,
                end=end,
                text=text[start:end],
                value=_iso_duration(parts),
                source="pattern:duration",
                attrs=attrs,
            )
        )
    return found
