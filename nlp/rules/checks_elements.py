"""Check kinds for document elements, signatures and personnel rules (EL-*, PER-*).

Like the generic kinds, these flag only what the text makes certain: an age that cannot be computed, a 笔录 whose
times cannot be read or a case whose kind (刑事/行政) is unclear leaves them silent.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import combinations, pairwise

from nlp import registry
from nlp.case.persons import PersonMention
from nlp.case.timeline import Moment, moment_of
from nlp.case.view import CaseView
from nlp.labels import EntityType, Role
from nlp.rules.checks import make_finding, min_officers, required_fields
from nlp.rules.model import Rule
from nlp.schema import Document, Finding


def case_kind(case: CaseView) -> str | None:
    """'criminal', 'administrative', or None where the file does not say unambiguously (CaseView.case_kind)."""
    return case.case_kind


def _kind_applies(case: CaseView, rule: Rule) -> bool:
    wanted = rule.params.get("case_kind")
    return not wanted or case_kind(case) == wanted


def _search(pattern: str | None, text: str) -> re.Match[str] | None:
    return re.search(pattern, text) if pattern else None


# --- elements -------------------------------------------------------------------------------------------------


@registry.checks.register("blank_fields")
def blank_fields(case: CaseView, rule: Rule) -> list[Finding]:
    """``required_fields`` for one kind of case only (``case_kind``: criminal / administrative)."""
    return required_fields(case, rule) if _kind_applies(case, rule) else []


@registry.checks.register("required_text")
def required_text(case: CaseView, rule: Rule) -> list[Finding]:
    """A statement the document must contain (末页“以上笔录我看过……”) is nowhere in it, and no refusal is noted."""
    if not _kind_applies(case, rule):
        return []
    out = []
    for doc in case.of_type(*rule.params["doc_types"]):
        # A fragment (a page split off a combined PDF, a first page only) cannot show what its end lacks.
        if len(doc.text) < int(rule.params.get("min_chars", 200)):
            continue
        text = doc.text
        if rule.params.get("skip_line_regex"):
            # 问：以上笔录你看一下 is the officer's question, not the person's confirmation.
            skip = re.compile(rule.params["skip_line_regex"])
            text = "\n".join(line for line in text.split("\n") if not skip.search(line))
        if re.search(rule.params["any_regex"], text) or _search(rule.params.get("exempt_regex"), text):
            continue
        out.append(make_finding(rule, [case.title_evidence(doc)], doc=doc.doc_type_zh))
    return out


# --- personnel --------------------------------------------------------------------------------------------------


@registry.checks.register("min_officers_if")
def min_officers_if(case: CaseView, rule: Rule) -> list[Finding]:
    """``min_officers`` for one kind of case, silent where the document notes a lawful exception.

    ``exempt_regex`` (e.g. 全程同步录音录像) counts only for documents dated on or after ``exempt_from`` when given
    (治安管理处罚法 2025 第一百零八条 allows one officer with full recording from 2026-01-01).
    """
    if not _kind_applies(case, rule):
        return []
    exempt = rule.params.get("exempt_regex")
    exempt_from = rule.params.get("exempt_from")
    out = []
    for finding in min_officers(case, rule):
        doc = case.doc(finding.evidence[0].document)
        if exempt and re.search(exempt, doc.text):
            day = _session_day(case, doc)
            if not exempt_from or (day is not None and day >= date.fromisoformat(str(exempt_from))):
                continue
        out.append(finding)
    return out


def _session(doc: Document) -> tuple[Moment, Moment, tuple[int, int], tuple[int, int]] | None:
    """The 起止时间 of a 笔录 header: the first DATETIME pair whose second is a range end, both to the minute."""
    head_end = doc.text.find("问：")
    head_end = len(doc.text) if head_end < 0 else head_end
    ents = [e for e in doc.entities if e.type == EntityType.DATETIME and e.value and e.valid is not False]
    for a, b in pairwise(ents):
        if a.start >= head_end:
            break
        if not b.attrs.get("range_end"):
            continue
        start, end = moment_of(a), moment_of(b)
        if start is None or end is None or {start.precision, end.precision} - {"minute", "second"}:
            return None
        if end.earliest <= start.earliest:
            return None  # a misread range: say nothing
        return start, end, (a.start, a.end), (b.start, b.end)
    return None


def _session_day(case: CaseView, doc: Document) -> date | None:
    session = _session(doc)
    if session is not None:
        return session[0].earliest.date()
    moment = case.doc_date(doc)
    return moment.earliest.date() if moment else None


@registry.checks.register("officer_overlap")
def officer_overlap(case: CaseView, rule: Rule) -> list[Finding]:
    """The same officer named in two 笔录 whose stated 起止时间 overlap (one person cannot question two at once)."""
    roles = {Role(r) for r in rule.params.get("roles", ["officer", "recorder"])}
    min_overlap = int(rule.params.get("min_overlap_minutes", 1))
    records = []
    for doc in case.of_type(*rule.params["doc_types"]):
        session = _session(doc)
        if session is None:
            continue
        names = {p.name for p in case.persons_in(doc.id) if p.role in roles}
        if names:
            records.append((doc, session, names))
    out = []
    for (d1, s1, n1), (d2, s2, n2) in combinations(records, 2):
        shared = sorted(n1 & n2)
        if not shared:
            continue
        overlap = min(s1[1].earliest, s2[1].earliest) - max(s1[0].earliest, s2[0].earliest)
        if overlap.total_seconds() < 60 * min_overlap:
            continue
        evidence = [
            case.evidence(d1, s1[2][0], s1[3][1]),
            case.evidence(d2, s2[2][0], s2[3][1]),
        ]
        out.append(
            make_finding(
                rule,
                evidence,
                names="、".join(shared),
                doc1=d1.doc_type_zh,
                doc2=d2.doc_type_zh,
                time1=d1.text[s1[2][0] : s1[3][1]],
                time2=d2.text[s2[2][0] : s2[3][1]],
                minutes=int(overlap.total_seconds() // 60),
            )
        )
    return out


def _age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _subject(case: CaseView, doc: Document, labels: list[str]) -> PersonMention | None:
    """The person the 笔录 is about: the first one named after a subject label (被讯问人 / 被询问人 …)."""
    return next((p for p in case.persons_in(doc.id) if p.label in labels), None)


def _birth(case: CaseView, doc: Document, subject: PersonMention) -> tuple[date, tuple[int, int]] | None:
    """The subject's birth date, from this document or, failing that, from another naming the same person."""
    for p in [subject] + [q for q in case.persons if q.name == subject.name and q is not subject]:
        if p.birth_date and p.birth_date_span and p.doc_id == doc.id:
            return p.birth_date, p.birth_date_span
        if p.id_birth and p.id_valid and p.id_span and p.doc_id == doc.id:
            return p.id_birth, p.id_span
    # Elsewhere in the file only when the name is unambiguous there (one birth date for it).
    others = {q.birth_date or q.id_birth for q in case.persons if q.name == subject.name and q.doc_id != doc.id}
    others.discard(None)
    if len(others) == 1:
        return others.pop(), (subject.start, subject.end)  # type: ignore[return-value]
    return None


@registry.checks.register("minor_presence")
def minor_presence(case: CaseView, rule: Rule) -> list[Finding]:
    """A minor questioned with no one present whom the law requires (法定代理人/合适成年人; 女工作人员).

    Age is taken at the 笔录's own date from the birth date or ID number; no age, no finding. A note that the
    guardian could not be notified or did not come (行政程序规定 第七十五条) is lawful.
    """
    if not _kind_applies(case, rule):
        return []
    max_age = int(rule.params.get("max_age", 18))
    gender = rule.params.get("gender")
    present_roles = {Role(r) for r in rule.params.get("present_roles", [])}
    out = []
    for doc in case.of_type(*rule.params["doc_types"]):
        subject = _subject(case, doc, rule.params["subject_labels"])
        day = _session_day(case, doc)
        if subject is None or day is None:
            continue
        if gender and subject.gender != gender:
            continue
        birth = _birth(case, doc, subject)
        if birth is None:
            continue
        age = _age_on(birth[0], day)
        if not 0 < age < max_age:
            continue
        if any(p.role in present_roles and p.name != subject.name for p in case.persons_in(doc.id)):
            continue
        if _search(rule.params.get("present_regex"), doc.text) or _search(rule.params.get("exempt_regex"), doc.text):
            continue
        evidence = [case.evidence(doc, subject.start, subject.end)]
        if birth[1] != (subject.start, subject.end):
            evidence.append(case.evidence(doc, *birth[1]))
        out.append(
            make_finding(
                rule,
                evidence,
                doc=doc.doc_type_zh,
                name=subject.name,
                age=age,
                day=f"{day.year}年{day.month}月{day.day}日",
            )
        )
    return out


@registry.checks.register("trigger_requires")
def trigger_requires(case: CaseView, rule: Rule) -> list[Finding]:
    """The document states a circumstance (聋哑; 搜查妇女身体) that requires someone it does not name.

    ``trigger_regex`` must match (and ``subject_regex`` too when given), not right after a question word
    (是否聋哑); ``require_roles`` / ``require_regex`` name who must be there; ``exempt_regex`` notes a lawful reason.
    """
    if not _kind_applies(case, rule):
        return []
    negation = re.compile(rule.params.get("negation_regex", r"(?:是否|有无|有没有|否|不是|无|非)$"))
    require_roles = {Role(r) for r in rule.params.get("require_roles", [])}
    out = []
    for doc in case.of_type(*rule.params["doc_types"]):
        trigger = None
        for m in re.finditer(rule.params["trigger_regex"], doc.text):
            if not negation.search(doc.text[max(0, m.start() - 4) : m.start()]):
                trigger = m
                break
        if trigger is None:
            continue
        subject = _search(rule.params.get("subject_regex"), doc.text)
        if rule.params.get("subject_regex") and subject is None:
            continue
        if any(p.role in require_roles for p in case.persons_in(doc.id)):
            continue
        if _search(rule.params.get("require_regex"), doc.text) or _search(rule.params.get("exempt_regex"), doc.text):
            continue
        evidence = [case.evidence(doc, trigger.start(), trigger.end())]
        if subject is not None and (subject.start(), subject.end()) != trigger.span():
            evidence.append(case.evidence(doc, subject.start(), subject.end()))
        out.append(make_finding(rule, evidence, doc=doc.doc_type_zh, trigger=trigger.group()))
    return out


_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _count(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return _CN_DIGITS.get(text)
    if len(text) == 2 and text[0] == "十":
        return 10 + _CN_DIGITS.get(text[1], 0)
    if len(text) in (2, 3) and text[1] == "十":
        tens = _CN_DIGITS.get(text[0], 0) * 10
        return tens + (_CN_DIGITS.get(text[2], 0) if len(text) == 3 else 0)
    return None


_NUM = r"(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})"


@registry.checks.register("lineup_size")
def lineup_size(case: CaseView, rule: Rule) -> list[Finding]:
    """A 辨认 line-up smaller than the law allows (persons < 7, photographs < 10, objects < 5).

    The count is read from the record's own words (混杂在N名…中 / N张照片 / N件); where none is written, or the object
    has unique features or is a place (exempt_regex), nothing is said.
    """
    minima: dict[str, int] = rule.params["minima"]  # {"persons": 7, "photos": 10, "objects": 5}
    patterns = [
        ("photos", rf"{_NUM}张[^。\n，,]{{0,12}}照片"),
        ("photos", rf"照片{_NUM}张"),
        (
            "persons",
            rf"(?:混杂|混入|排列|站成一排|列队)[^。\n]{{0,12}}?{_NUM}(?:名|个)[^。\n]{{0,14}}?(?:人|男子|女子|男性|女性)",
        ),
        ("objects", rf"(?:混杂|混入|放置|摆放)[^。\n]{{0,12}}?{_NUM}(?:件|个|部|辆|把|只|块|台)"),
    ]
    out = []
    for doc in case.of_type(*rule.params["doc_types"]):
        if _search(rule.params.get("exempt_regex"), doc.text):
            continue
        for kind, pattern in patterns:
            m = re.search(pattern, doc.text)
            if m is None:
                continue
            n = _count(m.group("n") or "")
            if n is not None and re.search(r"其他|另外|其余|陪衬", m.group()):
                n += 1  # 混杂在其他六名陪衬人员中: the one to identify stands among them
            if n is None or n >= int(minima[kind]):
                break
            what, unit = {"photos": ("照片", "张"), "persons": ("人员", "人"), "objects": ("物品", "件")}[kind]
            out.append(
                make_finding(
                    rule,
                    [case.evidence(doc, m.start(), m.end())],
                    doc=doc.doc_type_zh,
                    count=f"{n}{unit}",
                    minimum=f"{minima[kind]}{unit}",
                    what=what,
                )
            )
            break
    return out
