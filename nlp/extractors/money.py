"""MONEY extractor: 人民币3000元, 3,000.00元, 叁仟伍佰元整, 1.5万元, 2万余元, ￥3000 …; value = yuan with 2 decimals."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from nlp import registry
from nlp.extractors.numerals import CN_DIGIT_CHARS, CN_NUMERAL_CHARS, fold_width, load_patterns, parse_number
from nlp.labels import EntityType
from nlp.schema import Entity

__all__ = ["extract_money", "parse_amount"]

_P = load_patterns("money")
_UNITS: dict[str, str] = dict(_P["units"])
_PREFIXES: dict[str, str] = dict(_P["prefixes"])


def _alternation(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _unit_pattern() -> str:
    not_after = _alternation(_P["not_after_unit"])
    alts = []
    for word in sorted(_UNITS, key=len, reverse=True):
        if word == "块":
            alts.append(rf"块(?![\u4e00-\u9fff])|块(?=[{_P['kuai_before']}])")  # 两块手表 is two watches
        elif word in ("元", "圆"):
            alts.append(rf"{word}(?!{not_after})")
        else:
            alts.append(re.escape(word))
    return "|".join(alts)


_ARABIC = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_CN_START = "".join(ch for ch in CN_DIGIT_CHARS if ch not in "零〇○") + "十拾"
_SMALL = f"[0-9{CN_DIGIT_CHARS}]"
_MONEY_RE = re.compile(
    r"(?<![0-9A-Za-z.])(?<![0-9],)"
    rf"(?:(?P<prefix>{_alternation(_PREFIXES)})[ ]?(?:\((?:大写|小写)\)|(?:大写|小写):?)?[ ]?)?"
    rf"(?P<num>{_ARABIC}(?:[{CN_NUMERAL_CHARS}]|[0-9]|\.[0-9])*|[{_CN_START}][{CN_NUMERAL_CHARS}]*)"
    rf"(?:(?P<approx>余|多)?(?P<unit>{_unit_pattern()})"
    rf"(?:(?P<jiao>{_SMALL})角)?(?:(?P<fen>{_SMALL})分)?(?P<zheng>整)?(?P<about>左右)?)?"
)
_CUE_RE = re.compile(_alternation(_P["cues"]))
_KUAI_CONTEXT = re.compile(_alternation(_P["kuai_context"]))
_APPROX_BEFORE_RE = re.compile(rf"(?:{_alternation(_P['approximate_before'])})$")
_CENT = Decimal("0.01")


def parse_amount(s: str) -> Decimal | None:
    """An amount with its unit -> yuan: "叁仟伍佰元整" -> 3500, "1.5万元" -> 15000, "5元5角" -> 5.5; None if none."""
    m = _MONEY_RE.fullmatch(fold_width(s).strip())
    if not m:
        return None
    return _value(m)


def _value(m: re.Match[str]) -> Decimal | None:
    amount = parse_number(m.group("num"))
    if amount is None:
        return None
    for part, scale in (("jiao", Decimal("0.1")), ("fen", _CENT)):
        if m.group(part):
            amount += (parse_number(m.group(part)) or 0) * scale
    return amount


@registry.extractors.register("money")
def extract_money(text: str) -> list[Entity]:
    """Sums of money with a currency cue (元/人民币/￥ …); numbers without one are never money."""
    folded = fold_width(text)
    found: list[Entity] = []
    for m in _MONEY_RE.finditer(folded):
        if not m.group("unit") and not m.group("prefix"):
            continue
        amount = _value(m)
        if amount is None:
            continue
        start, end = m.start(), m.end()
        # Colloquial 块 before punctuation is money only after a money verb (花了三百块, 卖了800块): 电瓶四块 counts
        # batteries. 3500块买的 / 200块钱 keep their own cue after 块.
        if (
            m.group("unit") == "块"
            and not m.group("prefix")
            and not _KUAI_CONTEXT.search(folded, max(0, start - 6), start)
            and (end >= len(folded) or not ("\u4e00" <= folded[end] <= "\u9fff"))
        ):
            continue
        currency = _UNITS[m.group("unit")] if m.group("unit") else "CNY"
        if m.group("prefix") and (currency == "CNY" or not m.group("unit")):
            currency = _PREFIXES[m.group("prefix")]  # 港币500元: 元 is only the unit word here
        attrs: dict[str, Any] = {"currency": currency}
        if m.group("approx") or m.group("about") or _APPROX_BEFORE_RE.search(folded, max(0, start - 2), start):
            attrs["approximate"] = True
        if any(ch in "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億" for ch in m.group("num")):
            attrs["uppercase"] = True  # 大写金额, as on receipts and decisions
        cue = None
        for c in _CUE_RE.finditer(folded, max(0, start - 8), start):
            cue = c.group()
        if cue:
            attrs["cue"] = cue
        found.append(
            Entity(
                type=EntityType.MONEY,
                start=start,
                end=end,
                text=text[start:end],
                value=str(amount.quantize(_CENT)),
                source="pattern:money",
                attrs=attrs,
            )
        )
    return found
