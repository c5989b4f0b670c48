"""Defect kinds for criminal rules; registered in corpora.generator.defects.CATALOGUE on import.

Each changes every place the moved moment is written (tags ``act:*``, ``session_start`` / ``session_end``, the
record's 落款 ``doc_date``) so that the case carries exactly the one planted mistake.
"""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta

from corpora.generator.defects import _set_moment, defect, docs_of, hard_negative, tagged
from corpora.generator.model import DocSpec, GeneratedCase, Line, PlantedDefect, Seg, Session
from corpora.generator.textutil import format_like


def _rewrite(seg: Seg, when: datetime) -> None:
    """Like format_like, but a clock-only value (笔录 时间：…至15时40分) stays clock-only."""
    if "年" not in seg.text and re.fullmatch(r"\d{1,2}时\d{2}分", seg.text):
        hour = f"{when.hour:02d}" if seg.text[:2].isdigit() and len(seg.text.split("时")[0]) == 2 else str(when.hour)
        seg.text = f"{hour}时{when.minute:02d}分"
    else:
        seg.text = format_like(seg.text, when)


def _interrogations(case: GeneratedCase) -> list[tuple[Session, DocSpec]] | None:
    """Interrogation sessions paired with their 讯问笔录 (documents.py writes them in start order)."""
    sessions = sorted((s for s in case.facts.sessions if s.kind == "interrogation"), key=lambda s: s.start)
    records = docs_of(case, "interrogation_record")
    if not sessions or len(sessions) != len(records):
        return None
    pairs = list(zip(sessions, records, strict=True))
    if any(s.person.name not in d.file_stem for s, d in pairs):
        return None
    return pairs


def _move_record(session: Session, doc: DocSpec, delta: timedelta) -> Seg | None:
    starts, ends = doc.find("session_start"), doc.find("session_end")
    if not starts or not ends:
        return None
    session.start += delta
    session.end += delta
    for seg in starts:
        _rewrite(seg, session.start)
    for seg in ends:
        _rewrite(seg, session.end)
    for seg in doc.find("doc_date"):
        seg.text = format_like(seg.text, session.end.date())
    doc.date = session.end.date()
    return starts[0]


def _written(hits: list[tuple[DocSpec, Seg]]) -> bool:
    """The tagged value is there to read (a hard negative may have left a field blank)."""
    return bool(hits) and any(ch.isdigit() for ch in hits[0][1].text)


def _detention_seg(case: GeneratedCase) -> Seg | None:
    det = tagged(case, "act:detained", "detention_warrant") or tagged(case, "act:detained")
    return det[0][1] if det else None


@defect("late_first_interrogation", "time_limit", "CR-05", "拘留后超过24小时才讯问", ("criminal",))
def late_first_interrogation(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The first 讯问 after 拘留 is more than a day later (刑诉法 第八十六条); later ones move with it."""
    detained = case.facts.acts.get("detained")
    pairs = _interrogations(case)
    det_seg = _detention_seg(case)
    if detained is None or pairs is None or det_seg is None:
        return None
    after = [(s, d) for s, d in pairs if s.start > detained]
    if not after:
        return None
    target = datetime.combine(detained.date() + timedelta(days=1), datetime.min.time()) + timedelta(
        hours=rng.randint(9, 16), minutes=rng.choice([0, 10, 20, 30, 40, 50])
    )
    while target - detained <= timedelta(hours=25):
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
        "late_first_interrogation",
        "time_limit",
        "CR-05",
        after[0][1],
        [first_seg, det_seg],
        note="拘留后第一次讯问超过二十四小时",
    )


@defect("interrogation_outside_custody", "procedure", "CR-16", "入所后在看守所外讯问", ("criminal",))
def interrogation_outside_custody(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """A 讯问 after the suspect reached the 看守所 is recorded at the police station (刑诉法 第一百一十八条)."""
    admitted = case.facts.acts.get("custody_admitted")
    pairs = _interrogations(case)
    custody = tagged(case, "act:custody_admitted", "detention_warrant")
    if admitted is None or pairs is None or not custody:
        return None
    if "escorted_out_for_identification" in case.hard_negatives:
        return None  # its 提解出所 note would excuse the planted station 讯问 too
    station = pairs[0][0].place
    if "看守所" in station:
        return None
    after = [(s, d) for s, d in pairs if s.start > admitted and "看守所" in s.place]
    if not after:
        return None
    session, doc = rng.choice(after)
    places = doc.find("地点")
    if not places:
        return None
    places[0].text = station
    for extra in places[1:]:
        extra.text = ""
    session.place = station
    return PlantedDefect(
        "interrogation_outside_custody",
        "procedure",
        "CR-16",
        doc,
        [places[0], custody[0][1]],
        note="入所后的讯问笔录地点为派出所办案区",
    )


@defect("late_custody_admission", "time_limit", "CR-03", "拘留后超过24小时送看守所", ("criminal",))
def late_custody_admission(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 看守所's note on the 拘留证 gives an arrival more than 24 hours after 拘留 (刑诉法 第八十五条)."""
    detained = case.facts.acts.get("detained")
    custody = tagged(case, "act:custody_admitted", "detention_warrant")
    det_seg = _detention_seg(case)
    if detained is None or not custody or det_seg is None:
        return None
    late = detained + timedelta(hours=rng.randint(26, 40), minutes=rng.choice([0, 15, 25, 40, 55]))
    # Held at the station meanwhile: a 讯问 before the (new) arrival took place there, not in the 看守所.
    pairs = _interrogations(case) or []
    station = pairs[0][0].place if pairs else ""
    for session, doc in pairs:
        if "看守所" in session.place and session.start < late:
            places = doc.find("地点")
            if "看守所" in station or not places:
                return None
            session.place = station
            places[0].text = station
            for extra in places[1:]:
                extra.text = ""
    hits = _set_moment(case, "act:custody_admitted", late)
    case.facts.acts["custody_admitted"] = late
    return PlantedDefect(
        "late_custody_admission",
        "time_limit",
        "CR-03",
        custody[0][0],
        [hits[0][1], det_seg],
        note="看守所注明的到所时间超过拘留后二十四小时",
    )


@defect("filing_after_detention", "procedure", "ACC-06", "先拘后立：立案晚于拘留", ("criminal",))
def filing_after_detention(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 立案决定书 is dated days after the 拘留 it should have preceded (程序规定 第一百七十四条)."""
    detained = case.facts.acts.get("detained")
    filed_hits = tagged(case, "act:case_filed", "case_filing_decision")
    det_seg = _detention_seg(case)
    if detained is None or not filed_hits or det_seg is None:
        return None
    late = datetime.combine(detained.date() + timedelta(days=1), datetime.min.time()) + timedelta(
        hours=rng.randint(9, 17), minutes=rng.choice([0, 20, 40])
    )
    requested = case.facts.acts.get("arrest_requested")
    if requested is not None and late.date() >= requested.date():
        return None
    _set_moment(case, "act:case_filed", late)
    for doc in docs_of(case, "case_filing_decision"):
        doc.date = late.date()
        for seg in doc.find("doc_date"):
            seg.text = format_like(seg.text, late.date())
    case.facts.acts["case_filed"] = late
    doc, seg = filed_hits[0]
    return PlantedDefect(
        "filing_after_detention",
        "procedure",
        "ACC-06",
        doc,
        [seg, det_seg],
        note="立案决定书日期晚于执行拘留",
    )


@defect("overlong_summons", "time_limit", "CR-01", "传唤持续超过12小时", ("criminal",))
def overlong_summons(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 传唤证's 结束时间 is more than 12 hours after the 到达时间, no approval (刑诉法 第一百一十九条)."""
    acts = case.facts.acts
    summoned = acts.get("summoned")
    ends = tagged(case, "act:summons_ended", "criminal_summons")
    arrivals = tagged(case, "act:summoned", "criminal_summons")
    if summoned is None or "detained" in acts or not _written(ends) or not _written(arrivals):
        return None
    if "approved_long_summons" in case.hard_negatives:
        return None  # the approval written on the 传唤证 would make a 12–24 h 传唤 lawful
    late = summoned + timedelta(hours=12, minutes=rng.randint(30, 480))
    for _, seg in ends:
        _rewrite(seg, late)
    acts["summons_ended"] = late
    return PlantedDefect(
        "overlong_summons",
        "time_limit",
        "CR-01",
        ends[0][0],
        [arrivals[0][1], ends[0][1]],
        note="传唤到达至结束超过十二小时，卷内无延长批准",
    )


@defect("record_before_arrival", "inconsistency", "CON-08", "讯问笔录开始时间早于到案时间", ("criminal",))
def record_before_arrival(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The first 讯问笔录 starts before the suspect's 到达时间 on the 传唤证 (最高法解释 第九十五条)."""
    summoned = case.facts.acts.get("summoned")
    arrivals = tagged(case, "act:summoned", "criminal_summons")
    pairs = _interrogations(case)
    if summoned is None or not _written(arrivals) or pairs is None:
        return None  # e.g. the suspect refused to write the 到达时间: nothing to contradict
    session, doc = pairs[0]
    if session.start < summoned:
        return None
    delta = summoned - timedelta(minutes=rng.randint(8, 45)) - session.start
    starts = doc.find("session_start")
    if not starts:
        return None
    session.start += delta
    for seg in starts:
        _rewrite(seg, session.start)
    return PlantedDefect(
        "record_before_arrival",
        "inconsistency",
        "CON-08",
        doc,
        [starts[0], arrivals[0][1]],
        note="讯问笔录开始时间早于传唤证记载的到达时间",
    )


@defect("record_end_before_start", "inconsistency", "CON-07-5", "讯问笔录结束时间早于开始时间", ("criminal",))
def record_end_before_start(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """A 讯问笔录's 时间 reads 14时05分至13时40分: the end written before the start (最高法解释 第九十五条)."""
    pairs = _interrogations(case)
    if pairs is None:
        return None
    session, doc = rng.choice(pairs)
    starts, ends = doc.find("session_start"), doc.find("session_end")
    # A clock-only end (至14时27分) before the start reads as running past midnight: not a certain inversion.
    if not starts or not ends or "年" not in ends[0].text:
        return None
    wrong = session.start - timedelta(minutes=rng.randint(10, 55))
    for seg in ends:
        _rewrite(seg, wrong)
    return PlantedDefect(
        "record_end_before_start",
        "inconsistency",
        "CON-07-5",
        doc,
        [ends[0], starts[0]],
        note="笔录结束时间早于开始时间",
    )


@defect("notice_before_detention", "inconsistency", "CON-07-8", "拘留通知书日期早于拘留", ("criminal",))
def notice_before_detention(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 拘留通知书 is dated the day before the 拘留 it reports (a date copied from another paper)."""
    detained = case.facts.acts.get("detained")
    notified = tagged(case, "act:family_notified", "detention_notice")
    det_seg = _detention_seg(case)
    if detained is None or not notified or det_seg is None or "late_notice_with_reason" in case.hard_negatives:
        return None
    early = detained - timedelta(days=1, hours=rng.randint(0, 3))
    for _, seg in notified:
        _rewrite(seg, early)
    for doc in docs_of(case, "detention_notice"):
        doc.date = early.date()
        for seg in doc.find("doc_date"):
            seg.text = format_like(seg.text, early.date())
        for seg in doc.find("填发时间"):
            _rewrite(seg, early)
    case.facts.acts["family_notified"] = early
    return PlantedDefect(
        "notice_before_detention",
        "inconsistency",
        "CON-07-8",
        notified[0][0],
        [notified[0][1], det_seg],
        note="拘留通知书通知时间早于执行拘留时间",
    )


_COUNSEL_SENTENCE = re.compile(r"你有权委托律师作为辩护人[^。]*。")
_COUNSEL_QUESTIONS = ("诉讼权利义务告知书", "是否委托律师")


@defect("no_counsel_notice", "procedure", "CR-13", "第一次讯问未告知委托辩护人权利", ("criminal",))
def no_counsel_notice(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The first 讯问笔录 keeps the 如实供述 notice but drops the right to counsel (刑诉法 第三十四条)."""
    pairs = _interrogations(case)
    if pairs is None or docs_of(case, "rights_obligations_notice"):
        return None
    firsts = [(s, d) for s, d in pairs if s.number == 1]
    if not firsts:
        return None
    _, doc = rng.choice(firsts)
    starts = doc.find("session_start")
    if not starts:
        return None
    removed = False
    keep = []
    skip_answer = False
    for line in doc.lines:
        text = line.text
        if line.kind == "qa" and skip_answer and text.startswith("答"):
            skip_answer = False
            continue
        skip_answer = False
        if line.kind == "qa" and text.startswith("问") and any(q in text for q in _COUNSEL_QUESTIONS):
            skip_answer = removed = True
            continue
        for cell in line.cells:
            for seg in cell:
                if _COUNSEL_SENTENCE.search(seg.text):
                    seg.text = _COUNSEL_SENTENCE.sub("", seg.text)
                    removed = True
        keep.append(line)
    doc.lines = keep
    if not removed or re.search("委托[^。\n]{0,6}(?:律师|辩护人)|辩护人|法律援助|诉讼权利义务告知书", doc.text()):
        return None
    titles = doc.find("title")
    return PlantedDefect(
        "no_counsel_notice",
        "procedure",
        "CR-13",
        doc,
        [starts[0], *titles[:1]],
        note="第一次讯问笔录未记录告知有权委托辩护人",
    )


# --- hard negatives: lawful look-alikes ---------------------------------------------------------------------------


@hard_negative("approved_long_summons")
def approved_long_summons(case: GeneratedCase, rng: random.Random) -> bool:
    """A 传唤 of 13–22 hours with the 负责人's approval written on the 传唤证 (程序规定 第二百条): lawful up to 24 h."""
    acts = case.facts.acts
    summoned = acts.get("summoned")
    ends = tagged(case, "act:summons_ended", "criminal_summons")
    arrivals = tagged(case, "act:summoned", "criminal_summons")
    if summoned is None or "detained" in acts or not _written(ends) or not _written(arrivals):
        return False
    late = summoned + timedelta(hours=rng.randint(13, 21), minutes=rng.choice([0, 15, 30, 45]))
    for _, seg in ends:
        _rewrite(seg, late)
    acts["summons_ended"] = late
    doc = ends[0][0]
    note = rng.choice(
        [
            "经办案部门负责人批准，传唤持续时间延长至二十四小时。",
            "因案情重大、复杂，需要采取拘留措施，经办案部门负责人批准，传唤持续时间延长至二十四小时。",
        ]
    )
    doc.lines.append(Line([[Seg(note)]]))
    return True


@hard_negative("escorted_out_for_identification")
def escorted_out_for_identification(case: GeneratedCase, rng: random.Random) -> bool:
    """A 讯问 after 入所 held at the scene, the suspect 经批准提解出所 to point out the scene: not a CR-16 breach."""
    admitted = case.facts.acts.get("custody_admitted")
    pairs = _interrogations(case)
    if admitted is None or pairs is None:
        return False
    after = [(s, d) for s, d in pairs if s.start > admitted and "看守所" in s.place]
    if not after:
        return False
    session, doc = after[-1]
    places = doc.find("地点")
    scene = case.facts.incident_place or "案发现场"
    if not places:
        return False
    places[0].text = f"{scene}（提解出所辨认现场）"
    for extra in places[1:]:
        extra.text = ""
    session.place = places[0].text
    at = next((i for i, line in enumerate(doc.lines) if line.kind == "qa"), len(doc.lines))
    doc.lines.insert(at, Line([[Seg("经县级以上公安机关负责人批准，将犯罪嫌疑人提解出所辨认现场，在现场进行讯问。")]]))
    return True
