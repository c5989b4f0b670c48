"""ID_NUMBER (公民身份号码, GB 11643) and PHONE (mobile, landline, 400/800) extractors."""

from __future__ import annotations

import re
from datetime import date

from nlp import registry
from nlp.extractors.numerals import fold_width, load_patterns, overlaps_any
from nlp.labels import EntityType
from nlp.schema import Entity

__all__ = [
    "check_id_number",
    "extract_id_numbers",
    "extract_phones",
    "id_check_char",
    "upgrade_id15",
]

_P = load_patterns("ids")
_PHONE = load_patterns("phone")

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_PROVINCES: dict[str, str] = {str(k): v for k, v in _P["provinces"].items()}

PROBLEM_CHECK = "校验码错误"
PROBLEM_BIRTH = "出生日期无效"


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# 18 digits (last may be X) or the old 15-digit form; never part of a longer run of digits or letters
# (bank cards, 案件编号). Spaced forms (6-8-4, 6-4-4-4) need a cue word or a right check digit.
_ID_RE = re.compile(
    r"(?<![0-9A-Za-z])(?:"
    r"(?P<plain>[1-9][0-9]{14}(?:[0-9]{2}[0-9Xx])?)"
    r"|(?P<spaced>[1-9][0-9]{5}[ -](?:[0-9]{8}|[0-9]{4}[ -][0-9]{4})[ -][0-9]{3}[0-9Xx])"
    r")(?![0-9A-Za-z])"
)
_NON_DIGIT = re.compile(r"[^0-9]")
_CUE_RE = re.compile(
    f"(?P<pos>{_alternation(_P['cues_positive'])})|(?P<neg>{_alternation(_P['cues_negative'])})",
)


def id_check_char(first17: str) -> str:
    """The GB 11643 check character ('0'-'9' or 'X') for the first 17 digits of an ID number."""
    total = sum(int(ch) * w for ch, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def upgrade_id15(id15: str) -> str:
    """The 18-digit form of an old 15-digit ID: insert the century 19 and append the check character."""
    body = id15[:6] + "19" + id15[6:15]
    return body + id_check_char(body)


def _birth_date(yyyymmdd: str) -> date | None:
    try:
        born = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return None
    return born if date(1900, 1, 1) <= born <= date.today() else None


def check_id_number(number: str) -> tuple[bool, list[str]]:
    """Validate an 18-character ID (GB 11643): (valid, problems in Chinese: 校验码错误 / 出生日期无效)."""
    number = number.upper()
    problems: list[str] = []
    if len(number) != 18 or not number[:17].isdigit() or number[17] not in "0123456789X":
        return False, [PROBLEM_CHECK]
    if _birth_date(number[6:14]) is None:
        problems.append(PROBLEM_BIRTH)
    if id_check_char(number[:17]) != number[17]:
        problems.append(PROBLEM_CHECK)
    return not problems, problems


def _cue(folded: str, start: int, window: int) -> str | None:
    """'pos' / 'neg' for the last ID cue (身份证 … / 卡号 …) shortly before ``start``; None without one."""
    last: str | None = None
    for m in _CUE_RE.finditer(folded, max(0, start - window), start):
        last = "pos" if m.group("pos") else "neg"
    return last


@registry.extractors.register("id_number")
def extract_id_numbers(text: str) -> list[Entity]:
    """公民身份号码: 18-digit (GB 11643 checked) and old 15-digit numbers, valid or not, with birth date and gender.

    Without a cue word (身份证号 …) before it, a number that fails both the check digit and the birth date, or has
    no known province code, is not taken for an ID (order numbers, IMEIs); after 卡号/订单号 … it never is.
    """
    folded = fold_width(text)
    window = int(_P["cue_window"])
    found: list[Entity] = []
    for m in _ID_RE.finditer(folded):
        raw = m.group()
        digits = _NON_DIGIT.sub("", raw[:-1]) + raw[-1].upper()
        cue = _cue(folded, m.start(), window)
        if cue == "neg":
            continue
        legacy = len(digits) == 15
        number = upgrade_id15(digits) if legacy else digits
        born = _birth_date(number[6:14])
        if legacy:
            problems = [] if born else [PROBLEM_BIRTH]
            valid: bool | None = None if born else False
        else:
            ok, problems = check_id_number(number)
            valid = ok
        known_region = number[:2] in _PROVINCES
        if cue is None:
            check_ok = not legacy and PROBLEM_CHECK not in problems
            if not known_region or not (born or check_ok) or (legacy and not born):
                continue
            if m.group("spaced") and not check_ok:
                continue
        attrs: dict[str, object] = {"region_code": number[:6]}
        if number[:2] in _PROVINCES:
            attrs["province"] = _PROVINCES[number[:2]]
        if born:
            attrs["birth_date"] = born.isoformat()
        attrs["gender"] = "男" if int(number[16]) % 2 else "女"
        if legacy:
            attrs["legacy_15"] = True
        if problems:
            attrs["problem"] = "；".join(problems)
        found.append(
            Entity(
                type=EntityType.ID_NUMBER,
                start=m.start(),
                end=m.end(),
                text=text[m.start() : m.end()],
                value=number,
                valid=valid,
                score=1.0 if valid else 0.9 if valid is None else 0.8,
                source="pattern:id_number",
                attrs=attrs,
            )
        )
    return found


_AREA = r"0(?:10|2[0-9]|[3-9][0-9]{2})"
_PHONE_RE = re.compile(
    r"(?<![0-9A-Za-z+])(?:"
    # mobile: 13812345678, 138-1234-5678, 138 1234 5678, +86 138…
    r"(?:(?P<cc>\+86|0086|86)[ -]?)?(?P<mobile>1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4})"
    # landline with a separated area code: 010-12345678, (0571)88886666, 0571 8888666-801
    rf"|(?:\((?P<area1>{_AREA})\)[ ]?|(?P<area2>{_AREA})[ -])(?P<local>[2-9][0-9]{{6,7}})"
    r"(?:(?:转|-|ext\.?|EXT\.?)(?P<ext>[0-9]{1,5}))?"
    # service numbers: 400-123-4567
    r"|(?P<service>[48]00[ -]?[0-9]{3}[ -]?[0-9]{4})"
    r")(?![0-9])"
)
_PHONE_CUED_RE = re.compile(
    rf"(?:{_alternation(_PHONE['cues'])})[:：]?[ ]?(?P<num>{_AREA}[2-9][0-9]{{6,7}}|[2-9][0-9]{{6,7}})(?![0-9])"
)
_HAS_SEPARATOR = re.compile(r"[0-9][ -][0-9]")
# Bank cards are written in space-separated groups of four: 6222 138 1234 5678 9 is not a phone.
_GROUP_BEFORE = re.compile(r"(?:^|[^0-9-])[0-9]{1,4} $")
_GROUP_AFTER = re.compile(r" [0-9]{1,4}(?![0-9]|-[0-9])")


def _in_digit_groups(folded: str, start: int, end: int, prev_end: int) -> bool:
    """True when a separated phone-like match is part of a longer grouped number (6222 138 1234 5678 9…)."""
    before = prev_end < start - 1 and _GROUP_BEFORE.search(folded, max(0, start - 6), start)
    return bool(before or _GROUP_AFTER.match(folded, end))


@registry.extractors.register("phone")
def extract_phones(text: str) -> list[Entity]:
    """Mobile (1[3-9]…), landline (0xx(x)-xxxxxxx(x)), 400/800 numbers; value = the national digits only."""
    folded = fold_width(text)
    found: list[Entity] = []
    taken: list[tuple[int, int]] = []
    for m in _PHONE_RE.finditer(folded):
        prev_end = taken[-1][1] if taken else -1
        if _HAS_SEPARATOR.search(m.group()) and _in_digit_groups(folded, m.start(), m.end(), prev_end):
            continue
        attrs: dict[str, object] = {}
        if m.group("mobile"):
            kind, digits = "mobile", _NON_DIGIT.sub("", m.group("mobile"))
            if m.group("cc"):
                attrs["country_code"] = "86"
        elif m.group("service"):
            kind, digits = "service", _NON_DIGIT.sub("", m.group("service"))
        else:
            kind = "landline"
            area = m.group("area1") or m.group("area2")
            digits = area + m.group("local")
            attrs["area_code"] = area
            if m.group("ext"):
                attrs["extension"] = m.group("ext")
        attrs["kind"] = kind
        found.append(_phone(text, m.start(), m.end(), digits, attrs))
        taken.append((m.start(), m.end()))
    taken_starts, taken_ends = [s for s, _ in taken], [e for _, e in taken]
    for m in _PHONE_CUED_RE.finditer(folded):
        s, e = m.span("num")
        if overlaps_any(taken_starts, taken_ends, s, e):
            continue
        num = m.group("num")
        attrs = {"kind": "landline"} if num.startswith("0") else {"kind": "landline", "local": True}
        found.append(_phone(text, s, e, num, attrs))
    found.sort(key=lambda ent: ent.start)
    return found


def _phone(text: str, start: int, end: int, digits: str, attrs: dict[str, object]) -> Entity:
    return Entity(
        type=EntityType.PHONE,
        start=start,
        end=end,
        text=text[start:end],
        value=digits,
        source="pattern:phone",
        attrs=attrs,
    )
