"""A paragraph-structure parser for the narrative 文书 (提请批准逮捕书, 起诉意见书).

These documents have no labelled fields: the 式样 prints a title and a 文号, and the rest is paragraphs in a fixed
order — 犯罪嫌疑人基本情况 (with 违法犯罪经历 and 强制措施), 案件来源与侦查经过, 经依法侦查查明, the evidence, the
legal basis and the opinion, 此致 ××人民检察院, the 落款, and the 附 lines. ``parse_narrative`` finds which of those
parts a text has, each by the markers in narrative.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from nlp.textview import TextView

__all__ = ["NarrativePart", "PartSpec", "parse_narrative", "part_specs"]

_DATA = Path(__file__).with_name("narrative.yaml")


@dataclass(frozen=True)
class PartSpec:
    key: str
    zh: str
    regex: re.Pattern[str]
    anchors: tuple[str, ...]
    head: float | None = None
    tail: float | None = None
    ocr_regex: re.Pattern[str] | None = None  # a looser marker for an OCR'd page (a 落款 date with a misread 日)


@dataclass(frozen=True)
class NarrativePart:
    key: str
    start: int
    end: int
    paragraph: int  # index of the line it starts in
    fuzzy: bool = False  # only an anchor word was found, one character off (an OCR'd page)


@cache
def part_specs() -> dict[str, PartSpec]:
    raw = yaml.safe_load(_DATA.read_text(encoding="utf-8"))["parts"]
    return {
        key: PartSpec(
            key,
            spec["zh"],
            re.compile(spec["regex"], re.MULTILINE),
            tuple(spec.get("anchors", ())),
            spec.get("head"),
            spec.get("tail"),
            re.compile(spec["ocr_regex"], re.MULTILINE) if spec.get("ocr_regex") else None,
        )
        for key, spec in raw.items()
    }


def _window(text: str, spec: PartSpec) -> tuple[int, int]:
    if spec.head is not None:
        return 0, max(60, int(len(text) * spec.head))
    if spec.tail is not None:
        return min(len(text), int(len(text) * (1 - spec.tail))), len(text)
    return 0, len(text)


def _one_off(a: str, b: str) -> bool:
    """Equal, or (for words of three or more characters) one character substituted: a two-character word one off
    is any other word (此致 / 此案)."""
    if len(a) != len(b):
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) <= (1 if len(b) >= 3 else 0)


def _fuzzy_anchor(text: str, anchors: tuple[str, ...], lo: int, hi: int) -> tuple[int, int] | None:
    """The first place in text[lo:hi] an anchor word (of two or more characters) is written, at most one off."""
    for anchor in anchors:
        if len(anchor) < 2:
            continue
        n = len(anchor)
        for i in range(lo, max(lo, hi - n + 1)):
            if _one_off(text[i : i + n], anchor):
                return i, i + n
    return None


def parse_narrative(
    text: str,
    keys: list[str] | None = None,
    on_ocr: Callable[[int, int], bool] | None = None,
    soft_breaks: list[int] | None = None,
) -> dict[str, NarrativePart]:
    """The parts of ``keys`` (all by default) that ``text`` has, by key, each at its first marker.

    A marker is looked for in the text with its printed line wraps (``soft_breaks``) joined, then, failing that,
    with every line joined (a wrap the parser did not tell): a part is missing only when neither reading has it.
    ``on_ocr(start, end)`` tells whether a stretch of the text was read by OCR; where a part's window was, a part
    whose marker is not found is still taken as present when an anchor word is found one character off.
    """
    specs = part_specs()
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    views = [
        TextView(text, [b for b in soft_breaks or [] if 0 <= b < len(text) and text[b] == "\n"]),
        TextView(text, [m.start() for m in re.finditer("\n", text)]),
    ]

    def part(key: str, view: TextView, start: int, end: int, fuzzy: bool = False) -> NarrativePart:
        s, e = view.original(start), view.original(max(start, end - 1)) + 1
        return NarrativePart(key, s, e, sum(1 for x in line_starts if x <= s) - 1, fuzzy)

    out: dict[str, NarrativePart] = {}
    for key in keys or list(specs):
        spec = specs[key]
        for view in views:
            lo, hi = _window(view.text, spec)
            m = spec.regex.search(view.text, lo, hi)
            if m is not None:
                out[key] = part(key, view, m.start(), m.end())
                break
        if key in out or on_ocr is None:
            continue
        flat = views[-1]
        lo, hi = _window(flat.text, spec)
        if on_ocr(flat.original(lo), flat.original(max(lo, hi - 1))):
            lines = views[0]  # the looser marker may need the real line ends
            llo, lhi = _window(lines.text, spec)
            loose = spec.ocr_regex.search(lines.text, llo, lhi) if spec.ocr_regex else None
            if loose is not None:
                out[key] = part(key, lines, loose.start(), loose.end(), fuzzy=True)
                continue
            hit = _fuzzy_anchor(flat.text, spec.anchors, lo, hi)
            if hit is not None:
                out[key] = part(key, flat, hit[0], hit[1], fuzzy=True)
    return out
