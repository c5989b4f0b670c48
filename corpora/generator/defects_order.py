"""Defect kinds for the order of procedural acts (CON-07-*) and the limits after an arrest (CR-08, CR-09);
registered in corpora.generator.defects.CATALOGUE on import.

Each writes one paper's moment (or one block of papers' moments) the way a real slip would — a 受案时间 an hour
early, a 提请批准逮捕书 dated before the 拘留, a 受案登记表 made up after the 处罚决定 — and moves nothing else, so
that no second rule has reason to speak. Where a moved moment would also break a time limit, the kind gives up.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from corpora.generator.defects import _redate_doc, _set_moment, defect, docs_of, tagged
from corpora.generator.defects_criminal import (
    _detention_seg,
    _interrogations,
    _move_record,
    _rewrite,
    _written,
)
from corpora.generator.model import DocSpec, GeneratedCase, PlantedDefect, Seg


def _at(day: date, rng: random.Random, lo: float, hi: float) -> datetime:
    """A minute between ``lo`` and ``hi`` o'clock on ``day``."""
    return datetime.combine(day, time()) + timedelta(minutes=rng.randint(int(lo * 60), int(hi * 60)))


def _only_in(doc: DocSpec, hits: list[tuple[DocSpec, Seg]]) -> list[Seg]:
    return [s for d, s in hits if d is doc]


# --- criminal: custody and arrest out of order (CON-07-2, -3, -4, -7) ------------------------------------------------


@defect("arrest_request_before_detention", "inconsistency", "CON-07-2", "提请批准逮捕书日期早于拘留", ("criminal",))
def arrest_request_before_detention(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 提请批准逮捕书 is dated a day or more before the 拘留 it asks to turn into an arrest (a date copied from
    another case's paper); the 不批准逮捕决定书 quoting it follows it."""
    acts = case.facts.acts
    detained, requested = acts.get("detained"), acts.get("arrest_requested")
    hits = tagged(case, "act:arrest_requested", "arrest_request")
    det_seg = _detention_seg(case)
    if detained is None or requested is None or not _written(hits) or det_seg is None:
        return None
    arrested = acts.get("arrested")
    if arrested is not None and arrested < requested:
        return None  # a planted CON-07-7 stands on this 提请's date
    early_day = detained.date() - timedelta(days=rng.randint(1, 3))
    if early_day.year != requested.year:
        return None  # the 文号 quoted in other papers would have to change its year too
    early = datetime.combine(early_day, requested.time())
    for _, seg in tagged(case, "act:arrest_requested"):
        _rewrite(seg, early)
    for doc in docs_of(case, "arrest_request"):
        _redate_doc(case, doc, early_day)
    acts["arrest_requested"] = early
    return PlantedDefect(
        "arrest_request_before_detention",
        "inconsistency",
        "CON-07-2",
        hits[0][0],
        [hits[0][1], det_seg],
        note="提请批准逮捕书日期早于执行拘留",
    )


@defect("custody_before_detention", "inconsistency", "CON-07-3", "送看守所时间早于执行拘留时间", ("criminal",))
def custody_before_detention(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 看守所's note on one 拘留证 gives an arrival minutes before the 执行拘留时间 — but after the last 讯问 at the
    station, so that no 讯问 seems to be held outside the 看守所 after 入所 (CR-16)."""
    acts = case.facts.acts
    detained = acts.get("detained")
    custody = tagged(case, "act:custody_admitted", "detention_warrant")
    det_seg = _detention_seg(case)
    if detained is None or not _written(custody) or det_seg is None:
        return None
    pairs = _interrogations(case) or []
    before = [s.end for s, _ in pairs if s.start < detained]
    floor = max(before, default=detained - timedelta(hours=3))
    room = int((detained - floor).total_seconds() // 60)
    if room < 8:
        return None
    early = detained - timedelta(minutes=rng.randint(5, min(room - 2, 90)))
    warrant = custody[0][0]
    for seg in _only_in(warrant, custody):  # one paper's note; another suspect's 拘留证 keeps its own
        _rewrite(seg, early)
    acts["custody_admitted"] = early
    return PlantedDefect(
        "custody_before_detention",
        "inconsistency",
        "CON-07-3",
        warrant,
        [custody[0][1], det_seg],
        note="看守所注明的到所时间早于执行拘留时间",
    )


@defect("summons_end_before_arrival", "inconsistency", "CON-07-4", "传唤结束时间早于到达时间", ("criminal",))
def summons_end_before_arrival(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 传唤证's 传唤结束时间 is written an hour or two before the 到达时间 (a wrong hour)."""
    acts = case.facts.acts
    summoned = acts.get("summoned")
    ends = tagged(case, "act:summons_ended", "criminal_summons")
    arrivals = tagged(case, "act:summoned", "criminal_summons")
    if summoned is None or not _written(ends) or not _written(arrivals):
        return None
    if "approved_long_summons" in case.hard_negatives or any(d.rule_id == "CON-08" for d in case.defects):
        return None  # its approval note speaks of a longer 传唤; a 讯问 planted outside the window needs the window
    doc = arrivals[0][0]
    mine = _only_in(doc, ends)
    # A clock-only end (14时20分) before the arrival may read as the next day: not a certain inversion.
    if not mine or ("年" not in mine[0].text and "-" not in mine[0].text):
        return None
    early = summoned - timedelta(minutes=rng.randint(15, 150))
    for seg in mine:
        _rewrite(seg, early)
    acts["summons_ended"] = early
    return PlantedDefect(
        "summons_end_before_arrival",
        "inconsistency",
        "CON-07-4",
        doc,
        [mine[0], arrivals[0][1]],
        note="传唤结束时间早于被传唤人到达时间",
    )


def _shift_arrest(case: GeneratedCase, rng: random.Random, latest_day: date) -> datetime | None:
    """Move the whole arrest — 逮捕证, 逮捕通知书, the 讯问 after it — to a time on or before ``latest_day``, after
    every other 讯问 and the 入所; None when there is no room."""
    acts = case.facts.acts
    arrested, detained = acts["arrested"], acts["detained"]
    pairs = _interrogations(case)
    if pairs is None:
        return None
    after = [(s, d) for s, d in pairs if s.start > arrested]
    if any(not d.find("session_start") or not d.find("session_end") for _, d in after):
        return None
    others = [s.end for s, _ in pairs if s.start <= arrested]
    floor = max([detained, acts.get("custody_admitted", detained), *others]) + timedelta(hours=1)
    lo = max(floor, datetime.combine(latest_day, time(8, 30)))
    hi = datetime.combine(latest_day, time(19, 30))
    if lo >= hi:
        return None
    new = lo + timedelta(minutes=rng.randint(0, int((hi - lo).total_seconds() // 60)))
    delta = new - arrested
    moved = {
        "arrested": new,
        "arrest_family_notified": acts["arrest_family_notified"] + delta,
        "arrest_approved": acts.get("arrest_approved", arrested) + delta,
    }
    if any(moved[k].year != acts.get(k, arrested).year for k in moved):
        return None  # the 文号 of 逮捕证 and 逮捕通知书 are numbered in their year
    if moved["arrest_approved"] <= detained:
        return None
    for key, when in moved.items():
        for _, seg in tagged(case, f"act:{key}"):
            _rewrite(seg, when)
        acts[key] = when
    for doc in docs_of(case, "arrest_warrant"):
        _redate_doc(case, doc, new.date())
        for seg in doc.find("填发时间"):
            _rewrite(seg, new - timedelta(minutes=20))
    for doc in docs_of(case, "arrest_notice"):
        _redate_doc(case, doc, moved["arrest_family_notified"].date())
    for session, doc in after:
        _move_record(session, doc, delta)
    return new


def _late_request(case: GeneratedCase, rng: random.Random) -> datetime | None:
    """Date the 提请批准逮捕书 a day or two after the arrest, where that still keeps the 提请 within the days the
    拘留 (and its written extension) allow (CR-06); None when it would not."""
    acts = case.facts.acts
    arrested, detained, requested = acts["arrested"], acts["detained"], acts["arrest_requested"]
    extras = case.facts.extras
    written = extras.get("detention_limit_days") if extras.get("detention_extended") else None
    limit = written if isinstance(written, int) else 3
    day = arrested.date() + timedelta(days=rng.randint(1, 2))
    if (day - detained.date()).days > limit or day.year != requested.year:
        return None
    late = datetime.combine(day, requested.time())
    for _, seg in tagged(case, "act:arrest_requested"):
        _rewrite(seg, late)
    for doc in docs_of(case, "arrest_request"):
        _redate_doc(case, doc, day)
    acts["arrest_requested"] = late
    return late


@defect("arrest_before_request", "inconsistency", "CON-07-7", "执行逮捕早于提请批准逮捕", ("criminal",))
def arrest_before_request(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The arrest precedes the 提请批准逮捕书: either the arrest papers (逮捕证, 逮捕通知书, the 讯问 after the arrest)
    all lie on the day before it, or the 提请批准逮捕书 is dated a day or two after the arrest. The 24-hour limits
    after the arrest and the 提请 limit after the 拘留 still hold."""
    acts = case.facts.acts
    requested = acts.get("arrest_requested")
    req_hits = tagged(case, "act:arrest_requested", "arrest_request")
    if requested is None or "arrested" not in acts or "detained" not in acts or not _written(req_hits):
        return None
    if requested < acts["detained"]:
        return None  # a planted CON-07-2 stands on this 提请's date
    if any(d.rule_id == "CR-09" for d in case.defects):
        return None  # one suspect's late 逮捕通知书 would be moved like the others' and lose what marks it
    if not docs_of(case, "arrest_warrant") or not tagged(case, "act:arrest_family_notified"):
        return None
    if _shift_arrest(case, rng, requested.date() - timedelta(days=1)) is None and _late_request(case, rng) is None:
        return None
    arrested = tagged(case, "act:arrested", "arrest_warrant")
    if not arrested:
        return None
    return PlantedDefect(
        "arrest_before_request",
        "inconsistency",
        "CON-07-7",
        arrested[0][0],
        [arrested[0][1], req_hits[0][1]],
        note="执行逮捕时间早于提请批准逮捕书日期",
    )


# --- criminal: the 24 hours after an arrest (CR-08, CR-09) -------------------------------------------------------


@defect("late_post_arrest_interrogation", "time_limit", "CR-08", "逮捕后超过24小时才讯问", ("criminal",))
def late_post_arrest_interrogation(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 讯问 after the arrest took place more than a day later (刑诉法 第九十四条)."""
    arrested = case.facts.acts.get("arrested")
    pairs = _interrogations(case)
    arrest_hits = tagged(case, "act:arrested", "arrest_warrant")
    if arrested is None or pairs is None or not arrest_hits:
        return None
    after = [(s, d) for s, d in pairs if s.start > arrested]
    if not after:
        return None
    target = _at(arrested.date() + timedelta(days=1), rng, 9, 16.5)
    while target - arrested <= timedelta(hours=25):
        target += timedelta(days=1)
    delta = target - after[0][0].start
    first_seg = None
    for s, d in after:
        moved = _move_record(s, d, delta)
        if moved is None:
            return None
        first_seg = first_seg or moved
    assert first_seg is not None
    return PlantedDefect(
        "late_post_arrest_interrogation",
        "time_limit",
        "CR-08",
        after[0][1],
        [first_seg, arrest_hits[0][1]],
        note="逮捕后第一次讯问超过二十四小时",
    )


@defect("late_arrest_notice", "time_limit", "CR-09", "逮捕后超24小时通知家属", ("criminal",))
def late_arrest_notice(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """One 逮捕通知书 tells the family 30–90 hours after the arrest and gives no reason (刑诉法 第九十三条)."""
    acts = case.facts.acts
    arrested = acts.get("arrested")
    notified = tagged(case, "act:arrest_family_notified", "arrest_notice")
    arrest_hits = tagged(case, "act:arrested", "arrest_warrant")
    if arrested is None or not _written(notified) or not arrest_hits:
        return None
    late = arrested + timedelta(hours=rng.randint(30, 90), minutes=rng.choice([0, 10, 20, 30, 40, 50]))
    notice = notified[0][0]
    if notice.date is None or late.year != notice.date.year:
        return None  # the notice's 文号 shares its serial and year with the 逮捕证
    for seg in _only_in(notice, notified):  # another suspect's notice keeps its own time
        _rewrite(seg, late)
    _redate_doc(case, notice, late.date())
    acts["arrest_family_notified"] = late
    return PlantedDefect(
        "late_arrest_notice",
        "time_limit",
        "CR-09",
        notice,
        [notified[0][1], arrest_hits[0][1]],
        note="逮捕通知书通知时间超过逮捕后24小时，未注明原因",
    )


# --- 受案 against 接报 and against the 处罚决定 (CON-07-6, CON-07-9) -------------------------------------------------


@defect("acceptance_before_report", "inconsistency", "CON-07-6", "受案时间早于接报时间")
def acceptance_before_report(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 受案登记表's 受案时间 is an hour or two before its own 接报时间 (a wrong hour); the day stays the same."""
    acts = case.facts.acts
    received, accepted = acts.get("report_received"), acts.get("case_accepted")
    for doc in docs_of(case, "case_acceptance_register"):
        received_segs = [s for s in doc.find("接报时间") if any(ch.isdigit() for ch in s.text)]
        accepted_segs = doc.find("act:case_accepted")
        if received is None or accepted is None or not received_segs or not accepted_segs:
            return None
        early = accepted - timedelta(hours=rng.choice([1, 1, 2]))
        if early >= received or early.date() != accepted.date():
            return None
        for seg in accepted_segs:
            _rewrite(seg, early)
        acts["case_accepted"] = early
        return PlantedDefect(
            "acceptance_before_report",
            "inconsistency",
            "CON-07-6",
            doc,
            [accepted_segs[0], received_segs[0]],
            note="受案时间早于接报时间",
        )
    return None


@defect("decision_before_acceptance", "inconsistency", "CON-07-9", "行政处罚决定早于受案", ("administrative",))
def decision_before_acceptance(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 受案登记表 (and its 受案回执) was made out after the case was closed: 接报 and 受案 both dated a few days
    after the 行政处罚决定书, the gap between them kept (ACC-03) and within the six months of ACC-11."""
    acts = case.facts.acts
    received, accepted, decided = acts.get("report_received"), acts.get("case_accepted"), acts.get("penalty_decided")
    decision_hits = tagged(case, "act:penalty_decided", "administrative_penalty_decision")
    registers = docs_of(case, "case_acceptance_register")
    if received is None or accepted is None or decided is None or not decision_hits or not registers:
        return None
    new_accepted = _at(decided.date() + timedelta(days=rng.randint(1, 3)), rng, 8.5, 17.5)
    delta = new_accepted - accepted
    if new_accepted.year != accepted.year:
        return None  # the 受案 文号 is numbered in its year (and 2026 brings another 治安管理处罚法)
    if new_accepted - case.facts.incident_time > timedelta(days=150):
        return None
    register = registers[0]
    accepted_segs = register.find("act:case_accepted")
    received_segs = [s for s in register.find("接报时间") if any(ch.isdigit() for ch in s.text)]
    if not accepted_segs:
        return None
    for seg in received_segs:
        _rewrite(seg, received + delta)
    for _, seg in tagged(case, "act:report_received"):
        _rewrite(seg, received + delta)
    _set_moment(case, "act:case_accepted", new_accepted)
    for doc in docs_of(case, "case_acceptance_register", "case_acceptance_receipt"):
        _redate_doc(case, doc, new_accepted.date())
    acts["report_received"], acts["case_accepted"] = received + delta, new_accepted
    return PlantedDefect(
        "decision_before_acceptance",
        "inconsistency",
        "CON-07-9",
        decision_hits[0][0],
        [decision_hits[0][1], accepted_segs[0]],
        note="行政处罚决定书日期早于受案时间",
    )
