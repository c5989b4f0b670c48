"""DOC_NUMBER (文号: 东公(刑)立字〔2022〕123号) and CASE_NUMBER (案件编号: A3201020500002022050012) extractors."""

from __future__ import annotations

import re
from typing import Any

from nlp import registry
from nlp.extractors.numerals import fold_width, load_patterns, overlaps_any
from nlp.labels import EntityType
from nlp.schema import Entity

__all__ = ["extract_case_numbers", "extract_doc_numbers", "parse_doc_number"]

_P = load_patterns("docnumbers")
_PC = load_patterns("case_number")
_WORDS: list[str] = sorted(_P["words"], key=len, reverse=True)
_ANCHORS: str = _P["anchors"]
_STOP: str = _P["stop_chars"]
_PROVINCE_CHARS: str = _P["province_chars"]
_OPEN = re.escape(_P["brackets_open"])
_CLOSE = re.escape(_P["brackets_close"])
_CJK = r"\u4e00-\u9fff"

# Everything before 字 is taken greedily (a run of CJK and the kind's parentheses) and trimmed from the left in
# Python: a regex cannot tell where running text ends and the agency abbreviation begins.
_DOC_RE = re.compile(
    rf"(?P<pre>[{_CJK}()]{{1,20}})字[ ]?[{_OPEN}][ ]?(?P<year>(?:19|20)[0-9]{{2}})[ ]?[{_CLOSE}]"
    r"[ ]?第?[ ]?(?P<serial>[0-9]{1,8})[ ]?号"
)
_KIND_RE = re.compile(rf"\((?P<kind>[{_CJK}]{{1,3}})\)(?P<word>[{_CJK}]{{1,5}})$")


def _agency(left: str) -> str:
    """The agency abbreviation at the end of ``left``: 京公海 from 根据京公海, 东公 from 出示了东公, 粤深公."""
    anchor = max(left.rfind(ch) for ch in _ANCHORS)
    if anchor < 0:
        # No 公/检: keep up to three characters, stopping at a function word.
        take = 0
        while take < min(3, len(left)) and left[len(left) - 1 - take] not in _STOP + "()":
            take += 1
        return left[len(left) - take :]
    head, tail = left[:anchor], left[anchor:]
    if "(" in tail or ")" in tail or not head or head[-1] in _STOP + "()":
        return ""
    if len(head) >= 2 and head[-2] in _PROVINCE_CHARS:
        return head[-2:] + tail
    return head[-1] + tail


def _split(pre: str) -> tuple[str, str | None, str] | None:
    """(agency, kind, word) from the text before 字, or None when it does not look like a 文号."""
    m = _KIND_RE.search(pre)
    if m:
        left, kind, word = pre[: m.start()], m.group("kind"), m.group("word")
    else:
        if "(" in pre or ")" in pre:
            pre = re.split(r"[()]", pre)[-1]
        word = next((w for w in _WORDS if pre.endswith(w) and len(pre) > len(w)), pre[-1:])
        left, kind = pre[: len(pre) - len(word)], None
    agency = _agency(left)
    if not agency or not word:
        return None
    return agency, kind, word


def _doc_attrs(m: re.Match[str]) -> tuple[int, str, dict[str, Any]] | None:
    parts = _split(m.group("pre"))
    if parts is None:
        return None
    agency, kind, word = parts
    prefix = agency + (f"({kind})" if kind else "") + word
    start = m.end("pre") - len(prefix)
    year, serial = m.group("year"), m.group("serial")
    attrs: dict[str, Any] = {"agency": agency, "word": word, "year": int(year), "serial": int(serial)}
    if kind:
        attrs["kind"] = kind
    return start, f"{prefix}字〔{year}〕{serial}号", attrs


def parse_doc_number(s: str) -> dict[str, Any] | None:
    """The parts of one 文号: {"value", "agency", "kind"?, "word", "year", "serial"}; None when ``s`` is not one."""
    m = _DOC_RE.search(fold_width(s).strip())
    parsed = _doc_attrs(m) if m else None
    if parsed is None:
        return None
    _, value, attrs = parsed
    return {"value": value, **attrs}


@registry.extractors.register("doc_number")
def extract_doc_numbers(text: str) -> list[Entity]:
    """文号 such as 东公(刑)立字〔2022〕123号 / 京公海行罚决字[2023]000123号; value with () and 〔〕 normalised."""
    folded = fold_width(text)
    found: list[Entity] = []
    for m in _DOC_RE.finditer(folded):
        parsed = _doc_attrs(m)
        if parsed is None:
            continue
        start, value, attrs = parsed
        found.append(
            Entity(
                type=EntityType.DOC_NUMBER,
                start=start,
                end=m.end(),
                text=text[start : m.end()],
                value=value,
                source="pattern:doc_number",
                attrs=attrs,
            )
        )
    return found


_KINDS: dict[str, str] = dict(_PC["prefixes"])
_LETTERS = "".join(_KINDS) + "".join(_KINDS).lower()
_CASE_RE = re.compile(rf"(?<![0-9A-Za-z])[{_LETTERS}][0-9]{{20,25}}(?![0-9A-Za-z])")
_LABEL_ALT = "|".join(re.escape(w) for w in sorted(_PC["labels"], key=len, reverse=True))
_LABELLED_RE = re.compile(
    rf"(?P<label>{_LABEL_ALT})[ ]?[:：]?[ ]?"
    r"(?P<value>[A-Za-z0-9](?:[A-Za-z0-9\-]|[ ](?=[A-Za-z0-9]))*[A-Za-z0-9]|[A-Za-z0-9])(?![A-Za-z0-9])"
)


def _case_entity(text: str, start: int, end: int, raw: str, label: str | None) -> Entity | None:
    value = raw.replace(" ", "").upper()
    if len(value) < 6 or not any(ch.isdigit() for ch in value):
        return None  # 案件编号：无 / a stray word
    attrs: dict[str, Any] = {}
    if value[0] in _KINDS and value[1:].isdigit():
        attrs["kind"] = _KINDS[value[0]]
        digits = value[1:]
        if len(digits) == 22 and 1990 <= int(digits[12:16]) <= 2099 and 1 <= int(digits[16:18]) <= 12:
            # A + 12-digit agency code + yyyymm + 4-digit serial (公安执法办案信息系统)
            attrs |= {"agency_code": digits[:12], "year": int(digits[12:16]), "month": int(digits[16:18])}
            attrs["serial"] = int(digits[18:])
    return Entity(
        type=EntityType.CASE_NUMBER,
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        label=label,
        source="pattern:case_number",
        attrs=attrs,
    )


@registry.extractors.register("case_number")
def extract_case_numbers(text: str) -> list[Entity]:
    """案件编号: A/J/X + 20-25 digits anywhere, and any code after a label such as 案件编号：."""
    folded = fold_width(text)
    found: dict[tuple[int, int], Entity] = {}
    for m in _LABELLED_RE.finditer(folded):
        s, e = m.span("value")
        ent = _case_entity(text, s, e, m.group("value"), m.group("label"))
        if ent is not None:
            found[(s, e)] = ent
    starts, ends = [s for s, _ in found], [e for _, e in found]
    for m in _CASE_RE.finditer(folded):
        if overlaps_any(starts, ends, m.start(), m.end()):
            continue
        ent = _case_entity(text, m.start(), m.end(), m.group(), None)
        if ent is not None:
            found[(m.start(), m.end())] = ent
    return sorted(found.values(), key=lambda ent: ent.start)
