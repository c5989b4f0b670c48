"""Check kinds for cross-document consistency, citations and qualification thresholds (CON-*, CIT-*, THR-*).

Like the generic kinds in checks.py they flag only what the text makes certain: a value that could not be read, a
document naming several suspects, or a case that explains the difference keeps them silent.
"""

from __future__ import annotations

import bisect
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
from nlp.labels import EntityType, Role
from nlp.rules.checks import _citations, _doc_day, _docs, _same_id_names, make_finding
from nlp.rules.model import Rule
from nlp.schema import Document, Entity, Finding
from nlp.textview import TextView

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
    # Officers' particulars carry no ID number: one bound to them was read past the person it belongs to.
    bound = [(p.id_number, p) for p in persons if p.id_number and p.id_span and p.role not in _STAFF]
    valid = {number[:17]: number for number, p in bound if p.id_valid}
    for number, p in bound:
        if p.id_valid:
            groups[number].append(p)
        elif len(number) == 18 and number[:17] in valid:
            # Only the check digit is wrong (CON-02-1 reports it): the first 17 digits still name the same person.
            groups[valid[number[:17]]].append(p)
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


_ALIAS = r"曾用名|别名|绰号|又名|化名"


def _alias_owners(case: CaseView, alias: re.Pattern[str], names: set[str]) -> dict[str, str]:
    """Names the documents record as another of ``names``' alias (我曾用名张为民, 后改名为张伟民): alias -> owner,
    only where the document noting it names exactly one other of ``names``."""
    out: dict[str, str] = {}
    for doc in case.case.documents:
        for m in alias.finditer(doc.text):
            named = doc.text[m.end() : m.end() + 8].lstrip("：: 是为叫")
            for n in names:
                if not n or not named.startswith(n):
                    continue
                others = {o for o in names if o != n and o in doc.text}
                if len(others) == 1:
                    out[n] = next(iter(others))
    return out


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
        view = TextView.unwrapped(doc)  # a PDF line wrapped inside the phrase ("涉嫌\n故意伤害罪") is read whole
        for pattern in patterns:
            for m in pattern.finditer(view.text):
                value = m.group("v").translate({ord(c): None for c in strip})
                if value and not (reject and reject.search(value)):
                    found.append(_Value(doc, value, *view.span(m.start("v"), m.end("v"))))
        # One document writing two values (two suspects, two charges) is no evidence of a mismatch.
        if not found or len({v.value for v in found}) > 1:
            continue
        key = _suspect_key(case, doc, all_suspects)
        if key is not None:
            groups[key].append(found[0])
    # A paper naming the suspect by a former name the file records (我曾用名董某虹) is still his paper.
    aliases = _alias_owners(case, re.compile(rule.params.get("alias_regex", _ALIAS)), set(groups))
    for alias, owner in aliases.items():
        if alias in groups and owner in groups:
            groups[owner].extend(groups.pop(alias))
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
        view = TextView.unwrapped(doc)  # a PDF line wrapped inside the term ("申\n请行政复议") is read whole
        for item in rule.params["items"]:
            allowed = {str(a) for a in item["allowed"]}
            for m in re.finditer(item["regex"], view.text):
                if m.group("v") in allowed:
                    continue
                out.append(
                    make_finding(
                        rule,
                        [case.evidence(doc, *view.span(m.start("v"), m.end("v")))],
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


def _penalty_limits(case: CaseView, doc: Document) -> list[tuple[Any, dict[str, Any]]]:
    """The cited articles of ``doc`` with their most lawful penalty, in the version in force on its date."""
    table = penalty_table()
    day = _doc_day(case, doc)
    if day is None:
        return []
    limits: list[tuple[Any, dict[str, Any]]] = []
    for ent in _citations(doc):
        law = ent.attrs["law"]
        version = case.statutes.version_in_force(law, day) if law in table else None
        spec = table.get(law, {}).get(version.label if version else "", {}).get(ent.attrs.get("article"))
        if spec is not None:
            limits.append((ent, spec))
    return limits


@registry.checks.register("penalty_range")
def penalty_range(case: CaseView, rule: Rule) -> list[Finding]:
    """The penalty decided exceeds the most the cited articles allow, in the version in force on the decision's date.

    Only upper bounds are checked: a lighter penalty may be lawful (减轻处罚、情节较轻), a heavier one never is
    without 合并执行, which keeps the check silent.
    """
    exempt = re.compile(rule.params.get("exempt_regex", r"合并执行|分别决定"))
    out = []
    for doc in _docs(case, rule):
        view = TextView.unwrapped(doc)  # a PDF may wrap "合并执\n行" or "拘留十\n三日" mid-word
        if exempt.search(doc.text) or exempt.search(view.text):
            continue
        limits = _penalty_limits(case, doc)
        if not limits:
            continue
        # The decision part only: the facts may quote sums of money that are not the penalty (a view offset: the
        # soft breaks before the first citation are gone).
        first = min(e.start for e, _ in limits)
        basis = first - bisect.bisect_left(view.breaks, first)
        for kind, pattern, key, unit in (
            ("拘留", _DETENTION, "max_detention_days", "日"),
            ("罚款", _FINE, "max_fine_yuan", "元"),
        ):
            most = max(int(spec.get(key, 0)) for _, spec in limits)
            for m in pattern.finditer(view.text, basis):
                value = _number(m.group("n"))
                if value is None or value <= most:
                    continue
                cites = "、".join(dict.fromkeys(e.text for e, _ in limits))
                out.append(
                    make_finding(
                        rule,
                        [
                            case.evidence(doc, *view.span(m.start(), m.end())),
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
        view = TextView.unwrapped(doc)  # a PDF line wrapped inside the fact ("抽头渔\n利共计…元") is read whole
        for m in pattern.finditer(view.text):
            if negated and negated.search(view.text[max(0, m.start() - 6) : m.start()]):
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
                    [case.evidence(doc, *view.span(m.start(), m.end()))],
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


# --- 文号 and 案件编号 (CON-05) -------------------------------------------------------------------------------------


def _own_doc_number(doc: Document, head: float) -> Entity | None:
    """The document's own 文号: the first one in its head (a later one quotes another document's number)."""
    limit = max(80, int(len(doc.text) * head))
    for ent in doc.entities:
        if ent.type == EntityType.DOC_NUMBER and ent.start < limit and isinstance(ent.attrs.get("year"), int):
            return ent
    return None


def _year_written(doc: Document, year: int) -> bool:
    """Some date in the document (besides the 文号) falls in ``year``."""
    return any(
        e.type == EntityType.DATETIME and e.value and e.value[:4] == str(year) and e.valid is not False
        for e in doc.entities
    )


@registry.checks.register("doc_number_year")
def doc_number_year(case: CaseView, rule: Rule) -> list[Finding]:
    """The year in a document's own 文号 differs from the year of its 落款 date (a number carried over from an
    old template or another year's case).

    params: doc_types; head (the share of the text the own 文号 is looked for in); before_regex (where a
    决定书's own 送达 section begins: its signing date is not the 落款).
    """
    head = float(rule.params.get("head", 0.35))
    out = []
    for doc in _docs(case, rule):
        number = _own_doc_number(doc, head)
        signed = case.closing_date(doc, rule.params.get("before_regex"))
        if number is None or signed is None:
            continue
        moment, start, end = signed
        year = number.attrs["year"]
        if moment.precision == "year" or year == moment.earliest.year:
            continue
        if (case.on_ocr(doc, number.start, number.end) or case.on_ocr(doc, start, end)) and _year_written(doc, year):
            continue  # on a scan, another date of that year makes a misread digit likelier than a wrong 文号
        out.append(
            make_finding(
                rule,
                [case.evidence(doc, number.start, number.end), case.evidence(doc, start, end)],
                doc=doc.doc_type_zh,
                number=number.text,
                year=number.attrs["year"],
                date=doc.text[start:end],
            )
        )
    return out


@registry.checks.register("case_number_mismatch")
def case_number_mismatch(case: CaseView, rule: Rule) -> list[Finding]:
    """The documents of one case write different 案件编号 (one case, one number in the 执法办案系统).

    params: exempt_regex (the file explains a second number: 并案、另案、串并). An OCR'd number one character away
    from another is taken for a misreading.
    """
    exempt = rule.params.get("exempt_regex")
    if exempt and any(re.search(exempt, d.text) for d in case.case.documents):
        return []
    first: dict[str, tuple[Document, Entity]] = {}
    for doc in case.case.documents:
        for ent in doc.entities:
            if ent.type == EntityType.CASE_NUMBER:
                first.setdefault(ent.value or ent.text, (doc, ent))
    _drop_ocr_misreads(case, first, lambda v: (v[0], v[1].start, v[1].end))
    if len(first) < 2:
        return []
    where = "；".join(f"{d.doc_type_zh}作“{e.text}”" for d, e in first.values())
    evidence = [case.evidence(d, e.start, e.end) for d, e in first.values()]
    return [make_finding(rule, evidence, where=where, count=len(first))]


# --- 警号 (CON-11) -----------------------------------------------------------------------------------------------


@dataclass
class _Badge:
    doc: Document
    name: str
    badge: str
    start: int  # the number
    end: int
    name_start: int
    name_end: int


def _badge_components(items: list[_Badge]) -> list[list[_Badge]]:
    """Mentions grouped by name-badge links: one officer's mentions (or two officers tangled by a shared number)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for b in items:
        parent[find("n:" + b.name)] = find("b:" + b.badge)
    groups: dict[str, list[_Badge]] = defaultdict(list)
    for b in items:
        groups[find("n:" + b.name)].append(b)
    return list(groups.values())


@registry.checks.register("badge_mismatch")
def badge_mismatch(case: CaseView, rule: Rule) -> list[Finding]:
    """One officer written with two 警号, or two officers with one 警号, across the case's documents.

    A 警号 is tied to the name written right before it (李明（警号320123）); a number read by OCR one character away
    from another of the same officer, or a name one character away from another with the same number, is taken for
    a misreading.
    """
    from nlp.extractors.badges import extract_badges

    items: list[_Badge] = []
    for doc in case.case.documents:
        for m in extract_badges(doc.text):
            if m.name is not None:
                items.append(_Badge(doc, m.name, m.badge, m.start, m.end, m.name_start, m.name_end))
    # OCR misreadings: drop the misread value, per officer (badges) and per badge (names).
    by_name: dict[str, dict[str, _Badge]] = defaultdict(dict)
    by_badge: dict[str, dict[str, _Badge]] = defaultdict(dict)
    for b in items:
        by_name[b.name].setdefault(b.badge, b)
        by_badge[b.badge].setdefault(b.name, b)
    dropped: set[tuple[str, str]] = set()
    for badges in by_name.values():
        kept = dict(badges)
        _drop_ocr_misreads(case, kept, lambda b: (b.doc, b.start, b.end))
        dropped.update((b.name, b.badge) for v, b in badges.items() if v not in kept)
    for names in by_badge.values():
        # A name cut by a line break (王建\n军 read as 军) or misread by OCR is the same officer, not a second one.
        kept = {n: b for n, b in names.items() if not any(n != other and n in other for other in names)}
        _drop_ocr_misreads(case, kept, lambda b: (b.doc, b.name_start, b.name_end))
        dropped.update((b.name, b.badge) for v, b in names.items() if v not in kept)
    items = [b for b in items if (b.name, b.badge) not in dropped]
    out = []
    for group in _badge_components(items):
        pairs: dict[tuple[str, str], _Badge] = {}
        for b in group:
            pairs.setdefault((b.name, b.badge), b)
        names = list(dict.fromkeys(n for n, _ in pairs))
        badges = list(dict.fromkeys(v for _, v in pairs))
        if len(names) < 2 and len(badges) < 2:
            continue
        where = "；".join(f"{b.doc.doc_type_zh}作“{b.name}（警号{b.badge}）”" for b in pairs.values())
        evidence = [case.evidence(b.doc, b.name_start, b.end) for b in pairs.values()]
        what = f"民警{names[0]}的警号前后不一" if len(names) == 1 else f"{'、'.join(names)}共用同一警号{badges[0]}"
        if len(names) > 1 and len(badges) > 1:
            what = f"民警{'、'.join(names)}与警号{'、'.join(badges)}的对应关系前后不一"
        out.append(make_finding(rule, evidence, what=what, where=where))
    return out


# --- narrative 文书: required parts (EL-CR-10, EL-CR-16) -------------------------------------------------------------


@registry.checks.register("narrative_parts")
def narrative_parts(case: CaseView, rule: Rule) -> list[Finding]:
    """A narrative 文书 (提请批准逮捕书, 起诉意见书) lacks a part its 式样 and the rules require.

    params: doc_types; required (part keys of nlp/doctypes/narrative.yaml); required_if_many_suspects (parts due
    only where the document names two or more suspects: 共同犯罪中的地位、作用); title_regex (the title read in the
    first lines: a document typed from its body alone is left alone). An OCR'd page keeps a part whose marker is
    read one character off.
    """
    from nlp.doctypes.narrative import parse_narrative, part_specs

    specs = part_specs()
    title = re.compile(rule.params["title_regex"]) if rule.params.get("title_regex") else None
    out = []
    for doc in _docs(case, rule):
        head = "".join(doc.text.split("\n")[:4]).replace(" ", "").replace("\u3000", "")
        if title is not None and not title.search(head):
            continue  # typed as this 文书 from its body alone (a misread title): its parts are not sure to be its own
        required = list(rule.params["required"])
        suspects = {p.name for p in case.persons_in(doc.id) if p.role == Role.SUSPECT}
        if len(suspects) >= 2:
            required += list(rule.params.get("required_if_many_suspects", []))
        found = parse_narrative(
            doc.text, required, on_ocr=lambda s, e, d=doc: case.on_ocr(d, s, e), soft_breaks=doc.soft_breaks
        )
        missing = [k for k in required if k not in found]
        if not missing:
            continue
        out.append(
            make_finding(
                rule,
                [case.title_evidence(doc)],
                doc=doc.doc_type_zh,
                missing="、".join(specs[k].zh for k in missing),
                count=len(missing),
            )
        )
    return out


# --- the penalty across 审批表, 告知笔录 and 决定书 (CON-09) ---------------------------------------------------


@dataclass
class _Penalty:
    doc: Document
    start: int
    end: int
    days: Decimal
    fine: Decimal
    warning: bool

    def text(self) -> str:
        return self.doc.text[self.start : self.end]


def _flat(text: str) -> tuple[str, Callable[[int], int]]:
    """``text`` with its line breaks removed (a PDF wraps a sentence anywhere), and the way back to its offsets."""
    breaks = [m.start() for m in re.finditer("\n", text)]
    shifted = [offset - n for n, offset in enumerate(breaks)]
    return text.replace("\n", ""), lambda offset: offset + bisect.bisect_right(shifted, offset)


def _read_penalty(doc: Document, patterns: list[re.Pattern[str]]) -> _Penalty | None:
    """The first penalty phrase of ``doc`` matched by ``patterns`` (group ``p``), as days of 拘留 and yuan of 罚款."""
    flat, original = _flat(doc.text)
    for pattern in patterns:
        m = pattern.search(flat)
        if m is None:
            continue
        phrase = m.group("p")
        days = [_number(x.group("n")) for x in _DETENTION.finditer(phrase)]
        fines = [_number(x.group("n")) for x in _FINE.finditer(phrase)]
        if None in days or None in fines or not (days or fines or "警告" in phrase):
            return None  # a number that could not be read: say nothing
        return _Penalty(
            doc,
            original(m.start("p")),
            original(m.end("p") - 1) + 1,
            sum(days, Decimal(0)),  # type: ignore[arg-type]
            sum(fines, Decimal(0)),  # type: ignore[arg-type]
            "警告" in phrase,
        )
    return None


def _heavier(a: _Penalty, b: _Penalty) -> bool:
    """``a`` is a heavier penalty than ``b``: 拘留 outweighs 罚款, which outweighs a 警告:
    more days of 拘留, or as many and more yuan of 罚款."""
    return (a.days, a.fine) > (b.days, b.fine)


def _same(a: _Penalty, b: _Penalty) -> bool:
    return (a.days, a.fine) == (b.days, b.fine) and (a.warning == b.warning or bool(a.days or a.fine))


def _over_range(case: CaseView, doc: Document, decided: _Penalty) -> bool:
    limits = _penalty_limits(case, doc)
    if not limits:
        return False
    most_days = max(int(spec.get("max_detention_days", 0)) for _, spec in limits)
    most_fine = max(int(spec.get("max_fine_yuan", 0)) for _, spec in limits)
    return decided.days > most_days or decided.fine > most_fine


def _prior_of(case: CaseView, priors: dict[str, _Penalty], key: str | None, doc: Document) -> _Penalty | None:
    """The prior paper of the person ``key``; a name cut by a line wrap (沈\n萍 read as 沈), or one character off
    where either paper was read by OCR (厍 read as 库), is the same person when it fits one prior alone."""
    if key is None:
        return None
    if key in priors:
        return priors[key]

    def scanned(d: Document) -> bool:
        return case.on_ocr(d, 0, len(d.text))

    close = [
        k
        for k, p in priors.items()
        if key and k and (key in k or k in key or (one_edit_apart(key, k) and (scanned(doc) or scanned(p.doc))))
    ]
    return priors[close[0]] if len(close) == 1 else None


@registry.checks.register("penalty_against_prior")
def penalty_against_prior(case: CaseView, rule: Rule) -> list[Finding]:
    """The penalty decided against the one an earlier paper stated for the same person (告知笔录's 拟作出, 审批表's
    建议): ``mode: heavier`` flags a decision heavier than the prior one (lighter is lawful after 陈述申辩), ``mode:
    differs`` any difference.

    params: prior_doc_types, prior_patterns, doc_types, patterns (regexes with a group ``p``), mode, exempt_regex
    (a decision of several penalties to be served together: 合并执行, 分别决定).
    """
    exempt = re.compile(rule.params.get("exempt_regex", r"合并执行|分别决定|重新告知|再次告知"))
    prior_patterns = [re.compile(p) for p in rule.params["prior_patterns"]]
    patterns = [re.compile(p) for p in rule.params["patterns"]]
    heavier = rule.params.get("mode", "heavier") == "heavier"
    # One person under two names (a 决定书 written with the 曾用名 the file records, beside the same ID number) is
    # one person: papers are keyed by one name for each.
    same = _same_id_names(case)
    raw = {p.name for p in case.persons if p.role == Role.SUSPECT}
    owners = _alias_owners(case, re.compile(rule.params.get("alias_regex", _ALIAS)), raw)

    def person(name: str | None) -> str | None:
        name = owners.get(name, name) if name else name
        return same.get(name, name) if name else name

    all_suspects = {person(n) or "" for n in raw}
    priors: dict[str, _Penalty] = {}
    for doc in case.of_type(*rule.params["prior_doc_types"]):
        key = person(_suspect_key(case, doc, all_suspects))
        found = _read_penalty(doc, prior_patterns)
        if key is not None and found is not None:
            priors.setdefault(key, found)
    out = []
    for doc in _docs(case, rule):
        if exempt.search(doc.text):
            continue
        key = person(_suspect_key(case, doc, all_suspects))
        decided = _read_penalty(doc, patterns)
        prior = _prior_of(case, priors, key, doc)
        if decided is None or prior is None:
            continue
        if (heavier and not _heavier(decided, prior)) or (not heavier and _same(decided, prior)):
            continue
        if rule.params.get("defer_over_range") and _over_range(case, doc, decided):
            continue  # past the cited article's range: CIT-03 reports the one wrong figure
        out.append(
            make_finding(
                rule,
                [case.evidence(doc, decided.start, decided.end), case.evidence(prior.doc, prior.start, prior.end)],
                doc=doc.doc_type_zh,
                prior_doc=prior.doc.doc_type_zh,
                decided=decided.text().replace("\n", ""),
                prior=prior.text().replace("\n", ""),
                name=key or "违法行为人",
            )
        )
    return out


# --- the day of the offence in the papers that state the established facts (CON-14) ---------------------------------


@registry.checks.register("incident_date_mismatch")
def incident_date_mismatch(case: CaseView, rule: Rule) -> list[Finding]:
    """The papers that state the facts as established (告知笔录, 决定书, 提请批准逮捕书, 起诉意见书) date the offence
    on different days.

    params: doc_types; markers (a regex ending where the facts begin: 现查明：, 经依法侦查查明：); max_gap (characters
    allowed between the marker and the date); exempt_regex (several acts on several days: 多次, 先后, 分别于). The
    受案登记表's 简要案情 is what was reported, and lawfully corrected by the investigation: it is not compared. A day
    read by OCR one character away from another is taken for a misreading.
    """
    exempt = re.compile(rule.params.get("exempt_regex", r"多次|先后|分别于|连续|期间"))
    markers = re.compile(rule.params["markers"])
    gap = int(rule.params.get("max_gap", 2))
    first: dict[str, tuple[Document, Entity]] = {}
    for doc in _docs(case, rule):
        m = markers.search(doc.text)
        if m is None or exempt.search(doc.text):
            continue
        for ent in doc.entities:
            if ent.type != EntityType.DATETIME or not ent.value or ent.valid is False:
                continue
            if m.end() <= ent.start <= m.end() + gap:
                if len(ent.value) >= 10:  # a day at least
                    first.setdefault(ent.value[:10], (doc, ent))
                break
    by_text = {e.text: (d, e) for d, e in first.values()}
    _drop_ocr_misreads(case, by_text, lambda v: (v[0], v[1].start, v[1].end))
    days = {e.value[:10]: (d, e) for d, e in by_text.values() if e.value}
    if len(days) < 2:
        return []
    where = "；".join(f"{d.doc_type_zh}作“{e.text}”" for d, e in days.values())
    evidence = [case.evidence(d, e.start, e.end) for d, e in days.values()]
    return [make_finding(rule, evidence, where=where)]
