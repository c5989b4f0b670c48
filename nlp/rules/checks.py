"""The kinds of checks. Each is ``(case: CaseView, rule: Rule) -> list[Finding]`` and reads its rule's params.

Checks flag only what the text makes certain; where a value could not be read they stay silent rather than guess
(a false alarm costs a reviewer's time, and the missing-element rules report what is unreadable).
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from nlp import registry
from nlp.case.persons import PersonMention
from nlp.case.timeline import Act
from nlp.case.view import CaseView
from nlp.doctypes.fields import extract_fields
from nlp.labels import EntityType, Role
from nlp.rules.model import Rule
from nlp.schema import Document, Entity, Evidence, Finding, FormField
from nlp.textview import TextView


class _Vars(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def make_finding(rule: Rule, evidence: list[Evidence], **values: Any) -> Finding:
    return Finding(
        rule_id=rule.id,
        rule_version=rule.version,
        title=rule.title_zh,
        category=rule.category,
        gate=rule.gate,
        gates=list(rule.gates),
        severity=rule.severity,
        message=rule.message.format_map(_Vars(values)),
        legal_basis=list(rule.legal_basis),
        evidence=evidence,
    )


def _docs(case: CaseView, rule: Rule) -> list[Document]:
    return case.of_type(*rule.params["doc_types"])


def _fmt_moment(act: Act) -> str:
    return act.moment.text


# --- missing elements and documents ------------------------------------------------------------------------


_TICKS = "☑■√✓☒▣✔"


def blank_value(value: str) -> bool:
    """Empty, or a checkbox row whose boxes are all unticked (受案意见：□行政案件 □刑事案件)."""
    value = value.strip()
    if not value.strip(_TICKS + "□ \t\u3000"):
        return True  # only boxes and ticks, nothing ticked beside them
    return "□" in value and not any(t in value for t in _TICKS)


def hand_written(doc: Document, field: FormField) -> bool:
    """On a scanned page: the image has ink after this label (``PageInfo.signatures``, nlp.parsers.marks), a
    handwritten name or entry the recogniser could not read, so the blank text does not prove the place empty."""
    block = doc.block_at(field.label_start)
    if block is None or block.page is None or block.bbox is None:
        return False
    for info in doc.page_info:
        if info.page != block.page:
            continue
        for mark in info.signatures:
            # The mark's room starts right of its label, inside the label's printed line.
            on_line = mark.bbox[1] < block.bbox[3] and mark.bbox[3] > block.bbox[1]
            on_line = on_line and block.bbox[0] <= mark.bbox[0] <= block.bbox[2] + 1
            if mark.ink and mark.label == field.label and on_line:
                return True
    return False


def fields_across_wraps(doc: Document) -> list[FormField]:
    """The form fields read with a PDF's printed line wraps joined (``Document.soft_breaks``), offsets in doc.text.

    A table cell wrapped onto a second printed line (接报民警 李某、王\n某某 接报时间 接报地点 …) puts the labels
    after it on a line that starts with the cell's tail, where they do not stand as labels of a form row.
    """
    view = TextView.unwrapped(doc)
    if not view.breaks:
        return []
    out = []
    for f in extract_fields(view.text, doc.doc_type):
        start, end = view.span(f.start, f.end)
        label_start, label_end = view.span(f.label_start, f.label_end)
        out.append(
            FormField(
                label=f.label,
                value=doc.text[start:end],
                start=start,
                end=end,
                label_start=label_start,
                label_end=label_end,
            )
        )
    return out


@registry.checks.register("required_fields")
def required_fields(case: CaseView, rule: Rule) -> list[Finding]:
    """A form label is present but its value was left blank (接报时间：＿＿＿, or a checkbox row with nothing
    ticked). ``exempt_regex``: a note in the document that makes the blank lawful (拒绝填写/拒绝签名 注明)."""
    exempt = rule.params.get("exempt_regex")
    out: list[Finding] = []
    for doc in _docs(case, rule):
        if exempt and re.search(exempt, doc.text):
            continue
        unwrapped: list[FormField] | None = None
        for group in rule.params["labels"]:
            labels = [group] if isinstance(group, str) else list(group)
            present = [f for f in doc.fields if f.label in labels]
            if not present:
                unwrapped = fields_across_wraps(doc) if unwrapped is None else unwrapped
                present = [f for f in unwrapped if f.label in labels]
            if not present:
                continue
            if rule.params.get("occurrence") == "first":
                # The header's item must be filled; later repeats are signature lines, signed by hand on paper.
                if not blank_value(present[0].value) or hand_written(doc, present[0]):
                    continue
            elif not all(blank_value(f.value) and not hand_written(doc, f) for f in present):
                continue
            f = present[0]
            evidence = [case.evidence(doc, f.label_start, f.label_end)]
            out.append(make_finding(rule, evidence, doc=doc.doc_type_zh, label=labels[0]))
    return out


@registry.checks.register("required_document")
def required_document(case: CaseView, rule: Rule) -> list[Finding]:
    """A document that the procedure requires is absent while a later step's document is present."""
    triggers = case.of_type(*rule.params["when_any"])
    if not triggers or case.of_type(*rule.params["require_any"]):
        return []
    trigger = triggers[0]
    return [
        make_finding(
            rule,
            [case.title_evidence(trigger)],
            trigger=trigger.doc_type_zh,
            required=rule.params["require_zh"],
        )
    ]


# --- time: order and limits ----------------------------------------------------------------------------------


def _same_id_names(case: CaseView) -> dict[str, str]:
    """Suspects' names written beside one valid ID number, each mapped to one of them: the same person under a
    曾用名 or a miswritten name is still one person when acts are paired (the name itself is ACC's matter)."""
    by_id: dict[str, str] = {}
    out: dict[str, str] = {}
    # A name written without the number (the 传唤证's 徐某江：) that the case's linking joined to a mention with it (the
    # 询问笔录's 被询问人 徐某江 and his number) belongs to that number too.
    linked = {p.person_id: p.id_number for p in case.persons if p.person_id and p.id_number and p.id_valid}
    for p in case.persons:
        number = p.id_number if p.id_number and p.id_valid else linked.get(p.person_id or "")
        if p.role == Role.SUSPECT and number:
            out.setdefault(p.name, by_id.setdefault(number, p.name))
    return out


def _suspects(case: CaseView, doc_id: str) -> set[str]:
    same = _same_id_names(case)
    return {same.get(p.name, p.name) for p in case.persons_in(doc_id) if p.role == Role.SUSPECT}


def _paired(case: CaseView, firsts: list[Act], seconds: list[Act]) -> list[tuple[Act, Act]]:
    """Pair each later act with the earliest earlier act about the same suspect.

    Documents name the suspect (拘留证, 拘留通知书 …); where either side names none, acts pair only when the whole case
    has at most one suspect, so that two suspects' papers are never compared with each other.
    """
    same = _same_id_names(case)
    all_suspects = {same.get(p.name, p.name) for p in case.persons if p.role == Role.SUSPECT}
    pairs: list[tuple[Act, Act]] = []
    for b in seconds:
        names_b = _suspects(case, b.doc_id)
        candidates = []
        for a in firsts:
            if a.doc_id == b.doc_id and a.start == b.start:
                continue
            names_a = _suspects(case, a.doc_id)
            if (names_a and names_b and names_a & names_b) or ((not names_a or not names_b) and len(all_suspects) <= 1):
                candidates.append(a)
        if candidates:
            pairs.append((min(candidates, key=lambda a: a.moment.earliest), b))
    return pairs


_PRECISION_RANK = {"second": 0, "minute": 1, "hour": 2, "day": 3, "month": 4, "year": 5}


@registry.checks.register("act_order")
def act_order(case: CaseView, rule: Rule) -> list[Finding]:
    """Act ``then`` is dated surely before act ``first`` (立案 before 受案)."""
    firsts, thens = case.acts(rule.params["first"]), case.acts(rule.params["then"])
    # Point at the most precise record of the earlier act (受案登记表 to the minute before a 回执 to the day).
    firsts.sort(key=lambda a: (_PRECISION_RANK.get(a.moment.precision, 9), a.moment.earliest))
    if rule.params.get("same_document"):  # both moments written in one document (笔录 时间：X至Y, 传唤证 到达/结束)
        pairs = [(a, b) for a in firsts for b in thens if a.doc_id == b.doc_id]
    elif rule.params.get("same_person"):
        pairs = _paired(case, firsts, thens)
    else:
        pairs = [(a, b) for a in firsts for b in thens]
    out = []
    reported: set[tuple[str, int]] = set()
    # ... and one per earlier act and later moment: the 逮捕通知书 repeating the 逮捕证's 执行逮捕时间 is the same
    # problem too (pairs are already about one suspect).
    repeated: set[tuple[str, int, datetime, datetime]] = set()
    for a, b in pairs:
        # One finding per later act: the 受案回执 repeating the 受案登记表's date is the same problem, not another.
        if (b.doc_id, b.start) in reported:
            continue
        if b.moment.surely_before(a.moment):
            reported.add((b.doc_id, b.start))
            same = (a.doc_id, a.start, b.moment.earliest, b.moment.latest)
            if same in repeated:
                continue
            repeated.add(same)
            out.append(
                make_finding(
                    rule,
                    case.evidence_of(a, b),
                    first=a.zh,
                    then=b.zh,
                    first_time=_fmt_moment(a),
                    then_time=_fmt_moment(b),
                )
            )
    return out


@registry.checks.register("act_time_limit")
def act_time_limit(case: CaseView, rule: Rule) -> list[Finding]:
    """Act ``to`` came later than ``hours`` after act ``from`` and the document gives no lawful reason.

    Optional: ``same_document`` pairs only acts written in one document (a 传唤证's 到达 and 结束 times);
    ``exempt_doc_types`` also looks for the reason in those documents (an approval form); beyond ``hard_hours``
    no reason lifts the limit (传唤 beyond 24 hours even with approval).
    """
    limit = timedelta(hours=float(rule.params["hours"]))
    hard = timedelta(hours=float(rule.params["hard_hours"])) if rule.params.get("hard_hours") else None
    exempt = re.compile(rule.params["exempt_regex"]) if rule.params.get("exempt_regex") else None
    froms, tos = case.acts(rule.params["from"]), case.acts(rule.params["to"])
    if rule.params.get("same_document"):
        pairs = [(a, b) for b in tos for a in froms if a.doc_id == b.doc_id]
    else:
        pairs = _paired(case, froms, tos)
    exempt_docs = case.of_type(*rule.params["exempt_doc_types"]) if rule.params.get("exempt_doc_types") else []
    out = []
    for a, b in pairs:
        gap = a.moment.min_gap(b.moment)
        if gap <= limit:
            continue
        beyond_hard = hard is not None and gap > hard
        texts = [case.doc(b.doc_id).text] + [d.text for d in exempt_docs]
        if exempt and not beyond_hard and any(exempt.search(t) for t in texts):
            continue
        exact = {a.moment.precision, b.moment.precision} <= {"minute", "second"}
        gap_text = (
            _fmt_gap(b.moment.earliest - a.moment.earliest) if exact else "至少" + _fmt_gap(a.moment.min_gap(b.moment))
        )
        out.append(
            make_finding(
                rule,
                case.evidence_of(a, b),
                from_act=a.zh,
                to_act=b.zh,
                from_time=_fmt_moment(a),
                to_time=_fmt_moment(b),
                gap=gap_text,
            )
        )
    return out


def _fmt_gap(gap: timedelta) -> str:
    """65.5 hours -> '2日17小时30分'; the lower bound of the gap, as the text makes it certain."""
    minutes = int(gap.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [f"{days}日" if days else "", f"{hours}小时" if hours else "", f"{mins}分" if mins else ""]
    return "".join(parts) or "0分"


# --- people ---------------------------------------------------------------------------------------------------


@registry.checks.register("min_officers")
def min_officers(case: CaseView, rule: Rule) -> list[Finding]:
    """Fewer than ``min`` distinct officers named in a 笔录 (讯问人 + 记录人)."""
    roles = {Role(r) for r in rule.params["roles"]}
    minimum = int(rule.params["min"])
    out = []
    for doc in _docs(case, rule):
        officers = [p for p in case.persons_in(doc.id) if p.role in roles]
        names = list(dict.fromkeys(p.name for p in officers))
        # None named at all is a missing element, reported by the required-field rules, not a count.
        if 0 < len(names) < minimum:
            first = officers[0]
            out.append(
                make_finding(
                    rule,
                    [case.evidence(doc, first.label_start, first.end)],
                    doc=doc.doc_type_zh,
                    count=len(names),
                    names="、".join(names),
                    min=minimum,
                )
            )
    return out


# --- identity ----------------------------------------------------------------------------------------------------


@registry.checks.register("id_checksum")
def id_checksum(case: CaseView, rule: Rule) -> list[Finding]:
    out = []
    for doc in case.case.documents:
        for ent in doc.entities:
            if ent.type == EntityType.ID_NUMBER and ent.valid is False:
                problem = str(ent.attrs.get("problem") or "号码无效")
                out.append(
                    make_finding(rule, [case.evidence(doc, ent.start, ent.end)], doc=doc.doc_type_zh, problem=problem)
                )
    return out


def _by_name(persons: list[PersonMention]) -> dict[str, list[PersonMention]]:
    groups: dict[str, list[PersonMention]] = defaultdict(list)
    for p in persons:
        groups[p.name].append(p)
    return groups


@registry.checks.register("id_mismatch")
def id_mismatch(case: CaseView, rule: Rule) -> list[Finding]:
    """The same named person carries different ID numbers in different places."""
    out = []
    for name, group in _by_name(case.persons).items():
        first_by_id: dict[str, PersonMention] = {}
        for p in group:
            # Only valid numbers: an invalid one is a typo the checksum rule already reports, once.
            if p.id_number and p.id_valid and p.id_span and p.id_number not in first_by_id:
                first_by_id[p.id_number] = p
        if len(first_by_id) < 2:
            continue
        evidence = [case.evidence(p.doc_id, *p.id_span) for p in first_by_id.values() if p.id_span]
        docs = "、".join(dict.fromkeys(case.doc(p.doc_id).doc_type_zh for p in first_by_id.values()))
        out.append(make_finding(rule, evidence, name=name, count=len(first_by_id), docs=docs))
    return out


@registry.checks.register("id_gender")
def id_gender(case: CaseView, rule: Rule) -> list[Finding]:
    out = []
    seen: set[tuple[str, str, str]] = set()
    for p in case.persons:
        if not (p.gender and p.id_gender and p.id_valid and p.gender_span and p.id_span):
            continue
        expected = p.id_gender
        if expected != p.gender and (p.doc_id, p.name, p.gender) not in seen:
            seen.add((p.doc_id, p.name, p.gender))
            evidence = [case.evidence(p.doc_id, *p.gender_span), case.evidence(p.doc_id, *p.id_span)]
            out.append(
                make_finding(
                    rule, evidence, name=p.name, gender=p.gender, id_gender=expected, doc=case.doc(p.doc_id).doc_type_zh
                )
            )
    return out


@registry.checks.register("id_birth_date")
def id_birth_date(case: CaseView, rule: Rule) -> list[Finding]:
    """A birth date that is not the one coded in the person's ID number.

    Where the particulars give a birth date but no number (a 存根's 出生日期 row), the number is the one the same
    document writes beside the same name elsewhere (its main part), when it writes exactly one valid number.
    """
    ids: dict[tuple[str, str], list[PersonMention]] = defaultdict(list)
    for p in case.persons:
        if p.id_number and p.id_valid and p.id_birth and p.id_span:
            ids[(p.doc_id, p.name)].append(p)
    out = []
    seen: set[tuple[str, str]] = set()
    for p in case.persons:
        if not (p.birth_date and p.birth_date_span):
            continue
        owner: PersonMention | None = p
        if not (p.id_birth and p.id_valid and p.id_span):
            same = ids.get((p.doc_id, p.name), [])
            owner = same[0] if len({q.id_number for q in same}) == 1 else None
        if owner is None or owner.id_span is None:
            continue
        expected = owner.id_birth
        if expected and expected != p.birth_date and (p.doc_id, p.name) not in seen:
            seen.add((p.doc_id, p.name))
            evidence = [case.evidence(p.doc_id, *p.birth_date_span), case.evidence(owner.doc_id, *owner.id_span)]
            out.append(
                make_finding(
                    rule,
                    evidence,
                    name=p.name,
                    birth=_zh_date(p.birth_date),
                    id_birth=_zh_date(expected),
                    doc=case.doc(p.doc_id).doc_type_zh,
                )
            )
    return out


def _zh_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


# --- citations ---------------------------------------------------------------------------------------------------


def _citations(doc: Document) -> list[Entity]:
    return [e for e in doc.entities if e.type == EntityType.LAW_CITATION and e.attrs.get("law")]


def _doc_day(case: CaseView, doc: Document) -> date | None:
    moment = case.doc_date(doc)
    return moment.earliest.date() if moment else None


@registry.checks.register("citation_exists")
def citation_exists(case: CaseView, rule: Rule) -> list[Finding]:
    """The cited article (or 款) does not exist in the version of the law in force on the document's date."""
    out = []
    db = case.statutes
    for doc in case.case.documents:
        day = _doc_day(case, doc)
        # a missing article is one error however many of its 款 are cited ("第一百六十五条第一款、第二款")
        missing_articles: set[tuple[str, int, str | None]] = set()
        for ent in _citations(doc):
            law, number = ent.attrs["law"], ent.attrs.get("article")
            if not isinstance(number, int):
                continue
            suffix, paragraph, item = ent.attrs.get("suffix"), ent.attrs.get("paragraph"), ent.attrs.get("item")
            if (law, number, suffix) in missing_articles:
                continue
            if day is not None:
                version = db.version_in_force(law, day)
                if version is None:  # no bundled text was in force then (e.g. 刑事诉讼法 2012): cannot judge
                    continue
                ok = db.exists(law, number, suffix=suffix, paragraph=paragraph, item=item, version=version.label)
                label = version.label
                if not ok and not db.exists(law, number, suffix=suffix, version=version.label):
                    missing_articles.add((law, number, suffix))
            else:  # undated: flag only what exists in no bundled version at all
                ok = db.exists(law, number, suffix=suffix, paragraph=paragraph, item=item)
                label = "任何版本"
                if not ok and not db.exists(law, number, suffix=suffix):
                    missing_articles.add((law, number, suffix))
            if not ok:
                out.append(
                    make_finding(
                        rule,
                        [case.evidence(doc, ent.start, ent.end)],
                        citation=ent.text,
                        law=law,
                        version=label,
                        doc=doc.doc_type_zh,
                    )
                )
    return out


class _Conduct(NamedTuple):
    name: str
    statute: tuple[str, ...]  # words of the article about it
    described: re.Pattern[str]  # how a 现查明 or 告知 words it


def _conducts(rule: Rule) -> list[_Conduct]:
    return [
        _Conduct(c["name"], tuple(c["statute"]), re.compile("|".join(f"(?:{d})" for d in c["described"])))
        for c in rule.params["conducts"]
    ]


def _conduct_mentions(doc: Document, conducts: list[_Conduct]) -> list[tuple[_Conduct, int, int]]:
    """Every place the document names a conduct, as spans of doc.text (a PDF line wrap inside the words is read
    whole)."""
    view = TextView.unwrapped(doc)
    out = []
    for conduct in conducts:
        for m in conduct.described.finditer(view.text):
            out.append((conduct, *view.span(m.start(), m.end())))
    return out


@registry.checks.register("citation_version")
def citation_version(case: CaseView, rule: Rule) -> list[Finding]:
    """A law renumbered between versions is cited by the other version's number (治安管理处罚法 2012 ↔ 2025).

    Certain only when the document names the conduct (in the words ``conducts`` lists: 击打 is 殴打): the article of
    the version in force says nothing of it, while the same number in the other version does.
    """
    law = rule.params["law"]
    conducts = _conducts(rule)
    db = case.statutes
    out = []
    for doc in case.case.documents:
        day = _doc_day(case, doc)
        if day is None:
            continue
        in_force = db.version_in_force(law, day)
        if in_force is None:
            continue
        others = [v for v in db.versions(law) if v.label != in_force.label]
        cited = [e for e in _citations(doc) if e.attrs["law"] == law and isinstance(e.attrs.get("article"), int)]
        if not cited:
            continue
        mentions = _conduct_mentions(doc, conducts)
        chapter = rule.params.get("penalty_chapter")
        penalty: dict[int, str] = {}  # penalty articles cited, as worded in the version in force
        for e in cited:
            art = db.article(law, e.attrs["article"], version=in_force.label)
            if art is not None and (not chapter or chapter in (art.chapter or "")):
                penalty[e.attrs["article"]] = art.text
        reported: set[int] = set()  # one wrong article is one error however many of its 款 are cited
        for ent in cited:
            number = ent.attrs["article"]
            # Only a penalty article cited for the wrong conduct is certain: a procedural article (传唤, 告知 …)
            # cited beside the conduct's name is normal.
            if number not in penalty or number in reported:
                continue
            # first mention of each conduct outside the citation itself, less those another penalty article cited
            # here is about (第四十条、第四十三条 for 侵入住宅 and 殴打)
            named: dict[str, tuple[_Conduct, int, int]] = {}
            for conduct, start, end in mentions:
                if conduct.name in named or not (end <= ent.start or start >= ent.end):
                    continue
                if any(n != number and any(t in text for t in conduct.statute) for n, text in penalty.items()):
                    continue
                named[conduct.name] = (conduct, start, end)
            if not named or any(t in penalty[number] for c, _, _ in named.values() for t in c.statute):
                continue
            for other in others:
                old = db.article(law, number, version=other.label)
                fits = [m for m in named.values() if old is not None and any(t in old.text for t in m[0].statute)]
                if fits:
                    reported.add(number)
                    out.append(
                        make_finding(
                            rule,
                            [case.evidence(doc, ent.start, ent.end), case.evidence(doc, fits[0][1], fits[0][2])],
                            citation=ent.text,
                            doc_date=_zh_date(day),
                            in_force=in_force.label,
                            other=other.label,
                            conduct="、".join(c.name for c, _, _ in fits),
                            doc=doc.doc_type_zh,
                        )
                    )
                    break
    return out


# --- qualification --------------------------------------------------------------------------------------------


def _amount(ent: Entity) -> Decimal | None:
    try:
        return Decimal(ent.value) if ent.value else None
    except InvalidOperation:
        return None


@registry.checks.register("amount_threshold")
def amount_threshold(case: CaseView, rule: Rule) -> list[Finding]:
    """An administrative disposal of conduct whose amount reaches the criminal threshold (以罚代刑 screening)."""
    conduct = re.compile(rule.params["conduct_regex"])
    context = re.compile(rule.params["amount_context_regex"])
    excluded = re.compile(rule.params.get("exclude_context_regex", r"罚款|处罚|缴纳|罚金"))
    # A national figure fixed by a judicial interpretation is a param; a provincial one is a setting.
    if "threshold_yuan" in rule.params:
        threshold = Decimal(str(rule.params["threshold_yuan"]))
    else:
        threshold = Decimal(getattr(case.settings, rule.params["threshold_setting"]))
    out = []
    for doc in _docs(case, rule):
        view = TextView.unwrapped(doc)  # a PDF line wrapped inside the conduct (以…相\n威胁) is read whole
        hit = conduct.search(view.text)
        if not hit:
            continue
        best: tuple[Decimal, Entity] | None = None
        for ent in doc.entities:
            if ent.type != EntityType.MONEY:
                continue
            left = doc.text[max(0, ent.start - 12) : ent.start]
            amount = _amount(ent)
            if amount is None or not context.search(left) or excluded.search(left):
                continue
            if best is None or amount > best[0]:
                best = (amount, ent)
        if best and best[0] >= threshold:
            ent = best[1]
            out.append(
                make_finding(
                    rule,
                    [case.evidence(doc, ent.start, ent.end), case.evidence(doc, *view.span(hit.start(), hit.end()))],
                    amount=f"{best[0]:,.2f}".rstrip("0").rstrip("."),
                    threshold=f"{threshold:,.0f}",
                    conduct=hit.group(),
                    doc=doc.doc_type_zh,
                )
            )
    return out
