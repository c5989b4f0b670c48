"""Check kinds for criminal procedure: acceptance, filing, coercive-measure limits, act order (ACC-*, CR-*, CON-08).

All of them read the timeline (nlp/case/timeline.py) and flag only what the written moments make certain: a date
without a time covers its whole day, and a measure is compared only with papers about the same suspect.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from nlp import registry
from nlp.case.timeline import Act
from nlp.case.view import CaseView
from nlp.labels import Role
from nlp.rules.checks import _fmt_gap, _paired, _suspects, make_finding
from nlp.rules.model import Rule
from nlp.schema import Finding

_DATED = {"day", "hour", "minute", "second"}


def _same_person(case: CaseView, a: Act, b: Act) -> bool:
    """Both acts are about one suspect, or either names none while the case has at most one."""
    return _doc_about(case, a.doc_id, b.doc_id)


def _doc_about(case: CaseView, doc_a: str, doc_b: str) -> bool:
    """Two documents name a common suspect, or either names none while the case has at most one."""
    names_a, names_b = _suspects(case, doc_a), _suspects(case, doc_b)
    if names_a and names_b:
        return bool(names_a & names_b)
    return len({p.name for p in case.persons if p.role == Role.SUSPECT}) <= 1


def _day(act: Act) -> date | None:
    return act.moment.earliest.date() if act.moment.precision in _DATED else None


def _zh_day(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


# --- limits counted in days ----------------------------------------------------------------------------------


def _allowed_days(case: CaseView, rule: Rule, a: Act, b: Act) -> tuple[int, Act | None]:
    """The longest limit a written extension allows (and the extension act), else the plain ``days``.

    ``extensions``: [{act, days, regex?}] — the act must be about the same suspect and written no later than the
    later act; with ``regex`` its document (or the later act's document) must also state the ground (流窜作案 …).
    ``{in_doc: regex, days}`` accepts an extension stated in the later act's own document.
    """
    best, by = int(rule.params["days"]), None
    for ext in rule.params.get("extensions", []):
        days = int(ext["days"])
        if days <= best:
            continue
        ground = re.compile(ext["regex"]) if ext.get("regex") else None
        if "in_doc" in ext:
            if re.search(ext["in_doc"], case.doc(b.doc_id).text):
                best, by = days, None
            continue
        for e in case.acts(ext["act"]):
            if not _same_person(case, e, b) or b.moment.surely_before(e.moment):
                continue
            if ground and not (ground.search(case.doc(e.doc_id).text) or ground.search(case.doc(b.doc_id).text)):
                continue
            best, by = days, e
            break
    return best, by


@registry.checks.register("act_deadline_days")
def act_deadline_days(case: CaseView, rule: Rule) -> list[Finding]:
    """Act ``to`` is dated later than ``days`` days after act ``from`` (the first day not counted, 刑诉法 第一百零五条).

    Counted on calendar days, so a date without a time is enough: 拘留 on 5月3日 and 提请批捕 on 5月7日 is four days.
    A written extension (``extensions``) lifts the limit; ``exempt_regex`` in the later document silences it.
    """
    exempt = re.compile(rule.params["exempt_regex"]) if rule.params.get("exempt_regex") else None
    out = []
    for a, b in _paired(case, case.acts(rule.params["from"]), case.acts(rule.params["to"])):
        start, end = _day(a), _day(b)
        if start is None or end is None:
            continue
        elapsed = (end - start).days
        allowed, extension = _allowed_days(case, rule, a, b)
        if elapsed <= allowed:
            continue
        if exempt and exempt.search(case.doc(b.doc_id).text):
            continue
        evidence = case.evidence_of(a, b)
        if extension is not None:
            evidence += case.evidence_of(extension)
        out.append(
            make_finding(
                rule,
                evidence,
                from_act=a.zh,
                to_act=b.zh,
                from_time=a.moment.text,
                to_time=b.moment.text,
                days=elapsed,
                limit=allowed,
                extension="已有延长审批，" if extension is not None else "卷内未见延长审批，",
                deadline=_zh_day(start + timedelta(days=allowed)),
            )
        )
    return out


# --- the first act after another ------------------------------------------------------------------------------


@registry.checks.register("act_followed_within")
def act_followed_within(case: CaseView, rule: Rule) -> list[Finding]:
    """After act ``from`` the next act ``next`` about the same person came later than ``hours`` (拘留后讯问).

    Silent when no ``next`` act follows at all (the record may simply not be in the file) and whenever any act
    that may lie after ``from`` may also lie within the limit. ``next`` may list several acts, any of which counts
    (不批准逮捕 is followed by 释放 or by a 取保候审 / 监视居住).
    """
    limit = timedelta(hours=float(rule.params["hours"]))
    names = rule.params["next"]
    nexts = [n for name in ([names] if isinstance(names, str) else names) for n in case.acts(name)]
    out = []
    reported: set[tuple[str, int]] = set()
    # The most precise record of ``from`` first: the 拘留证 to the minute before the 通知书 repeating it.
    froms = sorted(case.acts(rule.params["from"]), key=lambda a: (a.moment.latest - a.moment.earliest, a.doc_id))
    for a in froms:
        after = [n for n in nexts if _same_person(case, a, n) and not n.moment.surely_before(a.moment)]
        if not after or any(a.moment.min_gap(n.moment) <= limit for n in after):
            continue
        first = min(after, key=lambda n: n.moment.earliest)
        if (first.doc_id, first.start) in reported:  # the same late 讯问, seen from a second copy of ``from``
            continue
        reported.add((first.doc_id, first.start))
        exact = {a.moment.precision, first.moment.precision} <= {"minute", "second"}
        gap = first.moment.earliest - a.moment.earliest if exact else a.moment.min_gap(first.moment)
        out.append(
            make_finding(
                rule,
                case.evidence_of(a, first),
                from_act=a.zh,
                next_act=first.zh,
                from_time=a.moment.text,
                next_time=first.moment.text,
                gap=_fmt_gap(gap) if exact else "至少" + _fmt_gap(gap),
                doc=case.doc(first.doc_id).doc_type_zh,
            )
        )
    return out


# --- where a record was made --------------------------------------------------------------------------------


def _field(case: CaseView, doc_id: str, labels: list[str]) -> Any:
    for f in case.doc(doc_id).fields:
        if f.label in labels and f.value.strip():
            return f
    return None


@registry.checks.register("record_place_after_act")
def record_place_after_act(case: CaseView, rule: Rule) -> list[Finding]:
    """A record (act ``record``) made surely after act ``after`` (入所) at a place not matching ``place_regex``.

    ``exempt_regex`` in the record (提解, 辨认, 就医 …) silences it; a record without a readable place is left to the
    missing-element rules.
    """
    place_ok = re.compile(rule.params["place_regex"])
    exempt = re.compile(rule.params["exempt_regex"]) if rule.params.get("exempt_regex") else None
    labels = list(rule.params.get("place_labels", ["地点"]))
    out = []
    reported: set[str] = set()
    for r in case.acts(rule.params["record"]):
        if r.doc_id in reported:
            continue
        earlier = [a for a in case.acts(rule.params["after"]) if a.moment.surely_before(r.moment)]
        earlier = [a for a in earlier if _same_person(case, a, r)]
        if not earlier:
            continue
        place = _field(case, r.doc_id, labels)
        if place is None or place_ok.search(place.value):
            continue
        if exempt and exempt.search(case.doc(r.doc_id).text):
            continue
        a = min(earlier, key=lambda x: x.moment.earliest)
        reported.add(r.doc_id)
        out.append(
            make_finding(
                rule,
                [
                    case.evidence(a.doc_id, a.start, a.end),
                    case.evidence(r.doc_id, r.start, r.end),
                    case.evidence(r.doc_id, place.start, place.end),
                ],
                after_act=a.zh,
                after_time=a.moment.text,
                record_time=r.moment.text,
                place=place.value.strip(),
                doc=case.doc(r.doc_id).doc_type_zh,
            )
        )
    return out


# --- a record inside its summons window -----------------------------------------------------------------------


def _windows(case: CaseView, start_act: str, end_act: str, open_end: bool = False) -> list[tuple[Act, Act | None]]:
    """(start, end) pairs written in one document (传唤证: 到达时间, 传唤结束时间), in order; with ``open_end`` a
    start whose document leaves the end blank comes with None."""
    ends = case.acts(end_act)
    out: list[tuple[Act, Act | None]] = []
    for s in case.acts(start_act):
        e = next((e for e in ends if e.doc_id == s.doc_id), None)
        if e is None:
            if open_end:
                out.append((s, None))
        elif not e.moment.surely_before(s.moment):
            out.append((s, e))
    return out


@registry.checks.register("record_within_window")
def record_within_window(case: CaseView, rule: Rule) -> list[Finding]:
    """A record's time span overlaps a summons window about the same person but runs outside it.

    Only records that share time with a window are judged (a record on another day belongs to another summons or
    to custody); start before 到达时间 or end after 传唤结束时间 is then a contradiction between the two papers.
    """
    # A 传唤证 whose 传唤结束时间 is blank (the suspect refused to write it) still dates the arrival: a record begun
    # before it is as certain a contradiction; only the end side cannot be judged.
    windows = _windows(case, rule.params["window_start"], rule.params["window_end"], open_end=True)
    spans = _windows(case, rule.params["record_start"], rule.params["record_end"])
    out = []
    for rs, re_ in spans:
        if re_ is None:
            continue
        for ws, we in windows:
            if not _same_person(case, ws, rs):
                continue
            # overlap: the record does not lie wholly before or after the window
            if re_.moment.surely_before(ws.moment) or (we is not None and we.moment.surely_before(rs.moment)):
                continue
            if rs.moment.surely_before(ws.moment):
                side = f"讯问开始时间{rs.moment.text}早于到案时间{ws.moment.text}"
                rec, win = rs, ws
            elif we is not None and we.moment.surely_before(re_.moment):
                side = f"讯问结束时间{re_.moment.text}晚于传唤结束时间{we.moment.text}"
                rec, win = re_, we
            else:
                continue
            out.append(
                make_finding(
                    rule,
                    case.evidence_of(win, rec),
                    detail=side,
                    doc=case.doc(rec.doc_id).doc_type_zh,
                    window_doc=case.doc(win.doc_id).doc_type_zh,
                )
            )
            break
    return out


# --- measures before the act that allows them ---------------------------------------------------------------


@registry.checks.register("measures_before_act")
def measures_before_act(case: CaseView, rule: Rule) -> list[Finding]:
    """Measures (acts ``measures``) dated surely before act ``act`` (立案): one finding per ``act`` document."""
    out = []
    for f in case.acts(rule.params["act"]):
        early: list[Act] = []
        for name in rule.params["measures"]:
            early.extend(m for m in case.acts(name) if m.moment.surely_before(f.moment))
        if not early:
            continue
        early.sort(key=lambda m: m.moment.earliest)
        seen: set[str] = set()
        listed = []
        for m in early:
            if m.zh not in seen:
                seen.add(m.zh)
                listed.append(f"{m.zh}（{m.moment.text}，{case.doc(m.doc_id).doc_type_zh}）")
        evidence = case.evidence_of(f, *early)
        out.append(
            make_finding(
                rule,
                evidence,
                act=f.zh,
                act_time=f.moment.text,
                measures="、".join(listed),
            )
        )
    return out


# --- what the first record must say ---------------------------------------------------------------------------


@registry.checks.register("first_record_lacks")
def first_record_lacks(case: CaseView, rule: Rule) -> list[Finding]:
    """The record that declares itself the first (``first_regex`` in its name or heading) lacks ``required_regex``.

    Only a record marked 第1次 is judged (a later one need not repeat the notice), and a separate notice document
    (``exempt_doc_types``, e.g. the 诉讼权利义务告知书) about the same person counts as the notice given.
    """
    first = re.compile(rule.params["first_regex"])
    required = re.compile(rule.params["required_regex"])
    exempt_docs = case.of_type(*rule.params.get("exempt_doc_types", []))
    out = []
    seen: set[str] = set()
    for r in case.acts(rule.params["record"]):
        doc = case.doc(r.doc_id)
        if r.doc_id in seen or not (first.search(doc.source) or first.search(doc.text[:60])):
            continue
        seen.add(r.doc_id)
        if required.search(doc.text):
            continue
        names = _suspects(case, r.doc_id)
        if any(not names or not _suspects(case, d.id) or names & _suspects(case, d.id) for d in exempt_docs):
            continue
        out.append(
            make_finding(
                rule,
                [case.title_evidence(doc), case.evidence(r.doc_id, r.start, r.end)],
                doc=doc.doc_type_zh,
                record_time=r.moment.text,
            )
        )
    return out


# --- a measure kept past its statutory months -----------------------------------------------------------------


def add_months(d: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day where it has none (8月31日 + 6个月 = 2月28/29日)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in range(d.day, min(d.day, 28) - 1, -1):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return date(year, month, 28)


@registry.checks.register("measure_over_months")
def measure_over_months(case: CaseView, rule: Rule) -> list[Finding]:
    """A measure (act ``from``: 取保候审 起算) lifted (act ``to``) later than ``months`` after it began.

    Compared on dates, and only past the same calendar day ``months`` later, so that a count from either the day of
    the decision or the next day never turns a lawful 12 months into a finding. Acts pair by suspect.
    """
    months = int(rule.params["months"])
    out = []
    for a, b in _paired(case, case.acts(rule.params["from"]), case.acts(rule.params["to"])):
        start, end = _day(a), _day(b)
        if start is None or end is None:
            continue
        limit = add_months(start, months)
        if end <= limit:
            continue
        out.append(
            make_finding(
                rule,
                case.evidence_of(b, a),
                from_act=a.zh,
                to_act=b.zh,
                from_time=a.moment.text,
                to_time=b.moment.text,
                months=months,
                days=(end - limit).days,
                deadline=_zh_day(limit),
            )
        )
    return out


# --- a document that must follow another -----------------------------------------------------------------------


@registry.checks.register("document_not_followed")
def document_not_followed(case: CaseView, rule: Rule) -> list[Finding]:
    """A criminal file holds ``when_any`` (鉴定意见) but no ``require_any`` (鉴定意见通知书) and no record says the
    step was taken (``exempt_regex`` in any document of ``exempt_doc_types``, e.g. a 讯问笔录 reading the opinion out).

    Only where the file is surely criminal (``case_kind``), since an administrative file follows other papers.
    ``when_regex`` / ``require_regex`` narrow a generic type to the paper meant (a 呈请报告书 about 不予立案, a 送达回执
    of the 不予立案通知书); ``when_act`` keeps only triggers about a person the file shows under that act (a
    不批准逮捕决定书 about a suspect 已被拘留).
    """
    wanted = rule.params.get("case_kind")
    if wanted and case.case_kind != wanted:
        return []
    when_re = re.compile(rule.params["when_regex"]) if rule.params.get("when_regex") else None
    require_re = re.compile(rule.params["require_regex"]) if rule.params.get("require_regex") else None
    triggers = [d for d in case.of_type(*rule.params["when_any"]) if when_re is None or when_re.search(d.text)]
    if rule.params.get("when_act"):  # only papers about a person the file shows under that act (已被拘留)
        held = case.acts(rule.params["when_act"])
        triggers = [d for d in triggers if any(_doc_about(case, d.id, a.doc_id) for a in held)]
    required = [d for d in case.of_type(*rule.params["require_any"]) if require_re is None or require_re.search(d.text)]
    if not triggers or required:
        return []
    exempt = re.compile(rule.params["exempt_regex"]) if rule.params.get("exempt_regex") else None
    if exempt and any(exempt.search(d.text) for d in case.of_type(*rule.params.get("exempt_doc_types", []))):
        return []
    trigger = triggers[0]
    return [
        make_finding(
            rule, [case.title_evidence(trigger)], trigger=trigger.doc_type_zh, required=rule.params["require_zh"]
        )
    ]
