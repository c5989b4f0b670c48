"""Check kinds for cross-document consistency, citations and qualification thresholds (CON-*, CIT-*, THR-*).

Like the generic kinds in checks.py they flag only what the text makes certain: a value that could not be read, a
document naming several suspects, or a case that explains the difference keeps them silent.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml

from nlp import registry
from nlp.case.persons import PersonMention
from nlp.case.view import CaseView, one_edit_apart
from nlp.extractors.numerals import cn_to_int
from nlp.labels import Role
from nlp.rules.checks import _citations, _doc_day, _docs, make_finding
from nlp.rules.model import Rule
from nlp.schema import Document, Finding

T = TypeVar("T")

_PENALTIES = Path(__file__).with_name("data") / "penalties.yaml"
_NUMBER = r"[\d０-９][\d０-９,，]*(?:\.\d+)?|[〇零一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]+"


def _number(text: str) -> Decimal | None:
    text = text.strip().replace(",", "").replace("，", "")
    try:
        return Decimal(text)
    except ArithmeticError:
        value = cn_to_int(text)
        return Decimal(value) if value is not None else None


# --- people linked across documents -------------------------------------------------------------------------

_STAFF = {Role.OFFICER, Role.RECORDER, Role.APPROVER, Role.INTERPRETER}


def link_by_id(persons: list[PersonMention]) -> dict[str, list[PersonMention]]:
    """Mentions grouped by a valid ID number: the surest link of one person across documents."""
    groups: dict[str, list[PersonMention]] = defaultdict(list)
    for p in persons:
        # Officers' particulars carry no ID number: one bound to them was read past the person it belongs to.
        if p.id_number and p.id_valid and p.id_span and p.role not in _STAFF:
            groups[p.id_number].append(p)
    return groups


@registry.checks.register("linked_name_mismatch")
def linked_name_mismatch(case: CaseView, rule: Rule) -> list[Finding]:
    """The same ID number is written beside different names (同音字、漏字、曾用名未注明).

    Only names bound to the number itself count (the number follows the name in its own particulars), so a name
    read wrongly elsewhere cannot raise it; a document noting one of the names as an alias keeps it silent.
    """
    alias = re.compile(rule.params.get("alias_regex", r"曾用名|别名|绰号|又名|化名"))
    out = []
    for group in link_by_id(case.persons).values():
        first_by_name: dict[str, PersonMention] = {}
        for p in group:
            first_by_name.setdefault(p.name, p)
        _drop_ocr_misreads(case, first_by_name, lambda p: (p.doc_id, p.start, p.end))
        if len(first_by_name) < 2:
            continue
        if _alias_noted(case, alias, list(first_by_name)):
            continue
        mentions = list(first_by_name.values())
        evidence = [case.evidence(p.doc_id, p.start, p.end) for p in mentions]
        evidence += [case.evidence(p.doc_id, *p.id_span) for p in mentions[:1] if p.id_span]
        where = "；".join(f"{case.doc(p.doc_id).doc_type_zh}作“{p.name}”" for p in mentions)
        out.append(make_finding(rule, evidence, names="、".join(first_by_name), where=where, count=len(mentions)))
    return out


def _drop_ocr_misreads(case: CaseView, by_value: dict[str, T], span: Callable[[T], tuple[Any, int, int]]) -> None:
    """Remove values read by OCR that are one character away from another value: on a scan, 寻滋事罪 beside
    寻衅滋事罪 is far more often a misreading than a mistake in the file, and a reviewer cannot tell from the text."""
    for value, item in list(by_value.items()):
        if case.on_ocr(*span(item)) and any(one_edit_apart(value, other) for other in by_value if other != value):
            del by_value[value]


def _alias_noted(case: CaseView, alias: re.Pattern[str], names: list[str]) -> bool:
    """The documents record the other names as aliases (我曾用名张为民): every name but one is explained."""
    explained: set[str] = set()
    for doc in case.case.documents:
        for m in alias.finditer(doc.text):
            # The alias follows the word: 曾用名张为民, 别名：阿强 (not the name it was changed to, further on).
            named = doc.text[m.end() : m.end() + 8].lstrip("：: 是为叫")
            explained.update(n for n in names if named.startswith(n))
    return len(set(names) - explained) <= 1


# --- one value written in several documents (罪名、羁押处所) -----------------------------------------------------


@dataclass
class _Value:
    doc: Document
    value: str
    start: int
    end: int


def _suspect_key(case: CaseView, doc: Document, all_suspects: set[str]) -> str | None:
    """Whose paper this is: its one named suspect, or the case's only suspect; None when it cannot be told."""
    names = {p.name for p in case.persons_in(doc.id) if p.role == Role.SUSPECT}
    if len(names) == 1:
        return next(iter(names))
    if not names and len(all_suspects) <= 1:
        return next(iter(all_suspects), "")
    return None


@registry.checks.register("value_mismatch")
def value_mismatch(case: CaseView, rule: Rule) -> list[Finding]:
    """A value the documents about one suspect should all write alike differs between them.

    params: doc_types; patterns (regexes with a group ``v``); strip (characters removed before comparing);
    reject_regex (values that are no such value); exempt_regex (a change explained anywhere in the case:
    变更罪名, 换押 …).
    """
    exempt = rule.params.get("exempt_regex")
    if exempt and any(re.search(exempt, d.text) for d in case.case.documents):
        return []
    patterns = [re.compile(p) for p in rule.params["patterns"]]
    strip = rule.params.get("strip", " \u3000")
    reject = re.compile(rule.params["reject_regex"]) if rule.params.get("reject_regex") else None
    all_suspects = {p.name for p in case.persons if p.role == Role.SUSPECT}
    groups: dict[str, list[_Value]] = defaultdict(list)
    for doc in _docs(case, rule):
        found: list[_Value] = []
        for pattern in patterns:
            for m in pattern.finditer(doc.text):
                value = m.group("v").translate({ord(c): None for c in strip})
                if value and not (reject and reject.search(value)):
                    found.append(_Value(doc, value, m.start("v"), m.end("v")))
        # One document writing two values (two suspects, two charges) is no evidence of a mismatch.
        if not found or len({v.value for v in found}) > 1:
            continue
        key = _suspect_key(case, doc, all_suspects)
        if key is not None:
            groups[key].append(found[0])
    out = []
    for key, values in groups.items():
        first: dict[str, _Value] = {}
        for v in values:
            first.setdefault(v.value, v)
        _drop_ocr_misreads(case, first, lambda v: (v.doc, v.start, v.end))
        if len(first) < 2:
            continue
        where = "；".join(f"{v.doc.doc_type_zh}作“{v.value}”" for v in first.values())
        evidence = [case.evidence(v.doc, v.start, v.end) for v in first.values()]
        out.append(make_finding(rule, evidence, name=key or "犯罪嫌疑人", where=where))
    return out


@registry.checks.register("expected_wording")
def expected_wording(case: CaseView, rule: Rule) -> list[Finding]:
    """A fixed legal term written wrongly (复议期限“六十日”、起诉期限“六个月”).

    params: doc_types; items: [{regex with group ``v``, allowed: [...], what, expected}].
    """
    out = []
    for doc in _docs(case, rule):
        for item in rule.params["items"]:
            allowed = {str(a) for a in item["allowed"]}
            for m in re.finditer(item["regex"], doc.text):
                if m.group("v") in allowed:
                    continue
                out.append(
                    make_finding(
                        rule,
                        [case.evidence(doc, m.start("v"), m.end("v"))],
                        doc=doc.doc_type_zh,
                        what=item["what"],
                        found=m.group("v"),
                        expected=item["expected"],
                    )
                )
    return out


# --- citations -------------------------------------------------------------------------------------------------


@registry.checks.register("citation_subject")
def citation_subject(case: CaseView, rule: Rule) -> list[Finding]:
    """A document cites ``law`` for its act, yet no cited article (in the version in force then) is about that act.

    params: doc_types; law; terms (any of them in the article text makes it on topic); hints ({number: note},
    e.g. the 2012 numbering a renumbered article had). Articles that do not exist are left to CON-15-1.
    """
    law = rule.params["law"]
    terms: list[str] = rule.params["terms"]
    hints: dict[int, str] = {int(k): v for k, v in (rule.params.get("hints") or {}).items()}
    db = case.statutes
    out = []
    for doc in _docs(case, rule):
        day = _doc_day(case, doc)
        if day is None:
            continue
        version = db.version_in_force(law, day)
        if version is None:  # e.g. 刑事诉讼法 2012 is not bundled: cannot judge
            continue
        cited = [e for e in _citations(doc) if e.attrs["law"] == law and isinstance(e.attrs.get("article"), int)]
        texts = []
        for ent in cited:
            article = db.article(law, ent.attrs["article"], version=version.label)
            if article is not None:
                texts.append((ent, article.text))
        if not texts or any(t in text for _, text in texts for t in terms):
            continue
        ent = texts[0][0]
        hint = hints.get(ent.attrs["article"], "")
        out.append(
            make_finding(
                rule,
                [case.evidence(doc, e.start, e.end) for e, _ in texts],
                doc=doc.doc_type_zh,
                citation="、".join(dict.fromkeys(e.text for e, _ in texts)),
                version=version.label,
                subject="、".join(terms),
                hint=f"（{hint}）" if hint else "",
            )
        )
    return out


@cache
def penalty_table() -> dict[str, dict[str, dict[int, dict[str, Any]]]]:
    """law -> version label -> article -> {max_detention_days, max_fine_yuan}; see data/penalties.yaml."""
    raw = yaml.safe_load(_PENALTIES.read_text(encoding="utf-8"))
    return {
        law: {str(v): {int(a): dict(spec) for a, spec in arts.items()} for v, arts in versions.items()}
        for law, versions in raw["laws"].items()
    }


_DETENTION = re.compile(rf"(?<!刑事)(?<!合并执行)(?:行政)?拘留(?P<n>{_NUMBER})日")
_FINE = re.compile(rf"(?:并处|处以?|予以)?罚款(?:人民币)?(?P<n>{_NUMBER})元")


@registry.checks.register("penalty_range")
def penalty_range(case: CaseView, rule: Rule) -> list[Finding]:
    """The penalty decided exceeds the most the cited articles allow, in the version in force on the decision's date.

    Only upper bounds are checked: a lighter penalty may be lawful (减轻处罚、情节较轻), a heavier one never is
    without 合并执行, which keeps the check silent.
    """
    table = penalty_table()
    exempt = re.compile(rule.params.get("exempt_regex", r"合并执行|分别决定"))
    db = case.statutes
    out = []
    for doc in _docs(case, rule):
        if exempt.search(doc.text):
            continue
        day = _doc_day(case, doc)
        if day is None:
            continue
        limits: list[tuple[Any, dict[str, Any]]] = []
        for ent in _citations(doc):
            law = ent.attrs["law"]
            version = db.version_in_force(law, day) if law in table else None
            spec = table.get(law, {}).get(version.label if version else "", {}).get(ent.attrs.get("article"))
            if spec is not None:
                limits.append((ent, spec))
        if not limits:
            continue
        # The decision part only: the facts may quote sums of money that are not the penalty.
        basis = min(e.start for e, _ in limits)
        for kind, pattern, key, unit in (
            ("拘留", _DETENTION, "max_detention_days", "日"),
            ("罚款", _FINE, "max_fine_yuan", "元"),
        ):
            most = max(int(spec.get(key, 0)) for _, spec in limits)
            for m in pattern.finditer(doc.text, basis):
                value = _number(m.group("n"))
                if value is None or value <= most:
                    continue
                cites = "、".join(dict.fromkeys(e.text for e, _ in limits))
                out.append(
                    make_finding(
                        rule,
                        [
                            case.evidence(doc, m.start(), m.end()),
                            *(case.evidence(doc, e.start, e.end) for e, _ in limits),
                        ],
                        doc=doc.doc_type_zh,
                        kind=kind,
                        found=f"{value:,.0f}{unit}",
                        most=f"{most:,}{unit}" if most else "不得适用",
                        citation=cites,
                    )
                )
                break
    return out


# --- qualification: facts past a criminal threshold ---------------------------------------------------------


@registry.checks.register("text_threshold")
def text_threshold(case: CaseView, rule: Rule) -> list[Finding]:
    """A disposal document states a fact that the law makes criminal (轻伤、入户盗窃、持有海洛因十克以上 …).

    params: doc_types; pattern (a regex; a group ``n`` holds a number to compare); min_value or threshold_setting
    (with ``n``); unit_factor ({unit group text: factor}, e.g. 千克 -> 1000); exclude_regex (document-level: the
    case was transferred); negated_before (a regex that, in the few characters before a match, denies or doubts
    it: 未达到轻伤、是否构成轻伤); min_age (the age of criminal responsibility for the offence: a younger suspect,
    by the birth date written in the document, is lawfully dealt with administratively).
    """
    pattern = re.compile(rule.params["pattern"])
    exclude = re.compile(rule.params["exclude_regex"]) if rule.params.get("exclude_regex") else None
    negated = re.compile(rule.params["negated_before"]) if rule.params.get("negated_before") else None
    min_age = rule.params.get("min_age")
    minimum: Decimal | None = None
    if "min_value" in rule.params:
        minimum = Decimal(str(rule.params["min_value"]))
    elif "threshold_setting" in rule.params:
        minimum = Decimal(getattr(case.settings, rule.params["threshold_setting"]))
    factors = {k: Decimal(str(v)) for k, v in (rule.params.get("unit_factor") or {}).items()}
    out = []
    for doc in _docs(case, rule):
        if exclude and exclude.search(doc.text):
            continue
        if min_age is not None and _younger_than(case, doc, int(min_age)):
            continue
        for m in pattern.finditer(doc.text):
            if negated and negated.search(doc.text[max(0, m.start() - 6) : m.start()]):
                continue
            value: Decimal | None = None
            if minimum is not None:
                value = _number(m.group("n"))
                if value is None:
                    continue
                unit = m.groupdict().get("unit")
                value *= factors.get(unit or "", Decimal(1))
                if value < minimum:
                    continue
            out.append(
                make_finding(
                    rule,
                    [case.evidence(doc, m.start(), m.end())],
                    doc=doc.doc_type_zh,
                    fact=m.group(),
                    value=f"{value:,.2f}".rstrip("0").rstrip(".") if value is not None else "",
                    threshold=f"{minimum:,.0f}" if minimum is not None else "",
                )
            )
            break
    return out


def _younger_than(case: CaseView, doc: Document, years: int) -> bool:
    """Some suspect named in ``doc`` had not reached ``years`` on the document's date (an upper bound on the age at
    the offence, which came earlier)."""
    day = _doc_day(case, doc)
    if day is None:
        return False
    for p in case.persons_in(doc.id):
        born = p.birth_date or (p.id_birth if p.id_valid else None)
        if p.role == Role.SUSPECT and born is not None:
            age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
            if age < years:
                return True
    return False
