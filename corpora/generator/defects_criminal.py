"""Defect kinds for criminal rules; registered in corpora.generator.defects.CATALOGUE on import.

Each changes every place the moved moment is written (tags ``act:*``, ``session_start`` / ``session_end``, the
record's 落款 ``doc_date``) so that the case carries exactly the one planted mistake.
"""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta

from corpora.generator.defects import (
    _redate_doc,
    _set_moment,
    blank_field_defect,
    defect,
    docs_of,
    hard_negative,
    tagged,
)
from corpora.generator.defects_elements import _officer_names, _parse, _session_segs
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


def _double_booked(case: GeneratedCase, moved: list[tuple[DocSpec, datetime, datetime]]) -> bool:
    """A moved record would overlap another 笔录 or record (扣押、辨认、检查) of one of its officers: PER-04 would
    fire beside the planted defect."""
    moving = {id(doc) for doc, _, _ in moved}
    for other in case.docs:
        segs = _session_segs(other) if id(other) not in moving else None
        if segs is None:
            continue
        start, end = _parse(segs[0].text), _parse(segs[1].text, segs[0].text)
        if start is None or end is None:
            continue
        names = _officer_names(other)
        if any(start < e and s < end and names & _officer_names(doc) for doc, s, e in moved):
            return True
    return False


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
    arrested = case.facts.acts.get("arrested")
    # 逮捕后的讯问 stays where it is (CR-08 judges it on its own limit).
    after = [(s, d) for s, d in pairs if s.start > detained and (arrested is None or s.start < arrested)]
    if not after:
        return None
    target = datetime.combine(detained.date() + timedelta(days=1), datetime.min.time()) + timedelta(
        hours=rng.randint(9, 16), minutes=rng.choice([0, 10, 20, 30, 40, 50])
    )
    while target - detained <= timedelta(hours=25):
        target += timedelta(days=1)
    delta = target - after[0][0].start
    if _double_booked(case, [(d, s.start + delta, s.end + delta) for s, d in after]):
        return None
    admitted = case.facts.acts.get("custody_admitted")
    custody_place = next((s.place for s, _ in pairs if "看守所" in s.place), "")
    first_seg = None
    for s, d in after:
        if admitted is not None and s.start < admitted <= s.start + delta and "看守所" not in s.place:
            # Held at the station before a (planted late) 入所, questioned in the 看守所 once there (else CR-16).
            places = d.find("地点")
            if not places:
                return None
            s.place = custody_place or f"{case.facts.agency.detention_center}第{rng.randint(1, 12)}讯问室"
            places[0].text = s.place
            for extra in places[1:]:
                extra.text = ""
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
    pairs = _interrogations(case) or []
    admitted = case.facts.acts.get("custody_admitted")
    # A station 讯问 already after the arrival (a planted CR-16) would fall before the new one and so be excused.
    if admitted is not None and any(admitted < s.start < late and "看守所" not in s.place for s, _ in pairs):
        return None
    # Held at the station meanwhile: a 讯问 before the (new) arrival took place there, not in the 看守所.
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
        _redate_doc(case, doc, late.date())  # a 立案 moved into the next year takes that year's 文号 too
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
    ended = case.facts.acts.get("summons_ended")
    if ended is not None and ended < summoned:
        return None  # a planted CON-07-4 turned the window inside out: no span left to fall outside of
    session, doc = pairs[0]
    if session.start < summoned:
        return None
    delta = summoned - timedelta(minutes=rng.randint(8, 45)) - session.start
    starts = doc.find("session_start")
    if not starts:
        return None
    if _double_booked(case, [(doc, session.start + delta, session.end)]):
        return None  # e.g. the 扣押笔录 the same officers wrote on arrival, before this 讯问
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
        _redate_doc(case, doc, early.date())
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


# --- papers of documents_measures.py (报案笔录, 逮捕证, 取保候审, 鉴定) ------------------------------------------


def _drop_line(doc: DocSpec, pattern: str) -> bool:
    """Remove the lines matching ``pattern`` (a confirmation, a rights notice); True when one was removed."""
    keep = [line for line in doc.lines if not re.search(pattern, line.text)]
    removed = len(keep) < len(doc.lines)
    doc.lines = keep
    return removed


@defect("blank_report_record_field", "missing_element", "EL-CR-02-1", "报案笔录首部项目空白", ("criminal",))
def blank_report_record_field(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    return blank_field_defect(
        case, rng, "blank_report_record_field", "EL-CR-02-1", "report_record", ["时间", "地点", "记录人"]
    )


@defect("report_record_unconfirmed", "missing_element", "EL-CR-02-2", "报案笔录无报案人核对确认", ("criminal",))
def report_record_unconfirmed(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 报案人's 以上笔录我看过… line is missing: the record was never read back (程序规定 第一百六十九条)."""
    docs = docs_of(case, "report_record")
    if not docs or not _drop_line(docs[0], r"^以上笔录"):
        return None
    title = docs[0].find("title")
    return PlantedDefect(
        "report_record_unconfirmed", "missing_element", "EL-CR-02-2", docs[0], title[:1], note="无核对确认"
    )


@defect("blank_arrest_warrant_field", "missing_element", "EL-CR-11-1", "逮捕证栏目空白", ("criminal",))
def blank_arrest_warrant_field(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    labels = ["逮捕原因", "批准或决定机关", "执行人"]
    return blank_field_defect(case, rng, "blank_arrest_warrant_field", "EL-CR-11-1", "arrest_warrant", labels)


@defect("blank_bail_field", "missing_element", "EL-CR-12-1", "取保候审决定书栏目空白", ("criminal",))
def blank_bail_field(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    labels = ["取保原因", "执行机关", "批准人", "批准时间"]
    return blank_field_defect(case, rng, "blank_bail_field", "EL-CR-12-1", "bail_decision", labels)


@defect("bail_not_read", "missing_element", "EL-CR-12-2", "取保候审决定书未记载宣读", ("criminal",))
def bail_not_read(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 本决定书已向我宣读 line is gone: nothing shows the decision was read to the suspect (第八十三条)."""
    docs = docs_of(case, "bail_decision")
    if not docs or not _drop_line(docs[0], "宣读"):
        return None
    title = docs[0].find("title")
    return PlantedDefect("bail_not_read", "missing_element", "EL-CR-12-2", docs[0], title[:1], note="未记载宣读")


@defect("blank_engagement_field", "missing_element", "EL-CR-15-1", "鉴定聘请书栏目空白", ("criminal",))
def blank_engagement_field(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    labels = ["鉴定事项", "批准人", "批准时间"]
    return blank_field_defect(case, rng, "blank_engagement_field", "EL-CR-15-1", "expert_engagement", labels)


@defect("notice_without_rights", "missing_element", "EL-CR-15-2", "鉴定意见通知书未告知申请权", ("criminal",))
def notice_without_rights(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """One 鉴定意见通知书 leaves out 可以申请补充鉴定或者重新鉴定 (刑诉法 第一百四十八条)."""
    docs = docs_of(case, "expert_opinion_notice")
    if not docs:
        return None
    doc = rng.choice(docs)
    if not _drop_line(doc, "补充鉴定|重新鉴定"):
        return None
    title = doc.find("title")
    return PlantedDefect("notice_without_rights", "missing_element", "EL-CR-15-2", doc, title[:1], note="未告知申请权")


# The words by which a 笔录 itself records the notice (CR-15's exempt_regex): a case saying so cannot carry the defect.
_OPINION_TOLD = re.compile(
    r"(?:鉴定意见|鉴定结论|鉴定书)[^。\n]{0,30}(?:告知|通知|宣读|送达)|(?:告知|通知|宣读|送达)[^。\n]{0,30}(?:鉴定意见|鉴定结论)"
)


@defect("missing_opinion_notice", "procedure", "CR-15", "鉴定意见未告知犯罪嫌疑人、被害人", ("criminal",))
def missing_opinion_notice(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 鉴定意见通知书 are missing, and no 笔录 says the opinion was told (刑诉法 第一百四十八条)."""
    opinions = docs_of(case, "expert_opinion")
    records = docs_of(case, "interrogation_record", "interview_record")
    if not opinions or any(_OPINION_TOLD.search(d.text()) for d in records):
        return None
    if not docs_of(case, "expert_opinion_notice"):
        return None
    case.docs = [d for d in case.docs if d.doc_type != "expert_opinion_notice"]
    case.facts.acts.pop("appraisal_notified", None)
    title = opinions[0].find("title")
    return PlantedDefect(
        "missing_opinion_notice", "procedure", "CR-15", opinions[0], title[:1], note="无鉴定意见通知书"
    )


def _lifted_late(
    case: GeneratedCase, rng: random.Random, start_act: str, lift_act: str, doc_type: str, months: int, days: int
) -> tuple[DocSpec, list[Seg]] | None:
    """Re-date the 解除 paper of a measure to ``months`` months and 8–``days`` days after its 起算 (刑诉法 第七十九条);
    returns the paper and its evidence (the 解除 date, the 起算 it restates)."""
    acts = case.facts.acts
    started = acts.get(start_act)
    lifted = tagged(case, f"act:{lift_act}", doc_type)
    begun = tagged(case, f"act:{start_act}", doc_type)
    if started is None or not lifted or not begun:
        return None
    start = started.date()
    y, m = divmod(start.month - 1 + months, 12)
    term_end = start.replace(year=start.year + y, month=m + 1, day=min(start.day, 28))
    late = datetime.combine(term_end + timedelta(days=rng.randint(8, days)), datetime.min.time()) + timedelta(
        hours=rng.randint(9, 16)
    )
    doc = lifted[0][0]
    for _, seg in lifted:
        seg.text = format_like(seg.text, late.date())
    _redate_doc(case, doc, late.date())
    acts[lift_act] = late
    return doc, [lifted[0][1], begun[0][1]]


@defect("bail_over_twelve_months", "time_limit", "CR-11", "取保候审超过十二个月", ("criminal",))
def bail_over_twelve_months(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 解除取保候审决定书 is dated 12 months and some weeks after the 起算."""
    hit = _lifted_late(case, rng, "bail_granted", "bail_lifted", "bail_release_decision", 12, 75)
    if hit is None:
        return None
    doc, evidence = hit
    return PlantedDefect(
        "bail_over_twelve_months", "time_limit", "CR-11", doc, evidence, note="取保候审超过十二个月才解除"
    )


@defect("surveillance_over_six_months", "time_limit", "CR-11-2", "监视居住超过六个月", ("criminal",))
def surveillance_over_six_months(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 解除监视居住决定书 is dated six months and some weeks after the 起算."""
    doc_type = "residential_surveillance_release_decision"
    hit = _lifted_late(case, rng, "surveillance_started", "surveillance_lifted", doc_type, 6, 60)
    if hit is None:
        return None
    doc, evidence = hit
    return PlantedDefect(
        "surveillance_over_six_months", "time_limit", "CR-11-2", doc, evidence, note="监视居住超过六个月才解除"
    )


# --- 不予立案 (documents_nonfiling.py) -------------------------------------------------------------------------------


@defect("blank_non_filing_field", "missing_element", "EL-CR-04-1", "不予立案通知书栏目空白", ("criminal",))
def blank_non_filing_field(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    labels = ["控告人", "不立案原因", "批准人"]
    return blank_field_defect(case, rng, "blank_non_filing_field", "EL-CR-04-1", "non_filing_notice", labels)


@defect("non_filing_without_review_right", "missing_element", "EL-CR-04-2", "不予立案通知书未告知复议权", ("criminal",))
def non_filing_without_review_right(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 如不服本决定…申请复议 line is gone (程序规定 第一百七十九条第一款)."""
    docs = docs_of(case, "non_filing_notice")
    if not docs or not _drop_line(docs[0], "复议"):
        return None
    title = docs[0].find("title")
    return PlantedDefect(
        "non_filing_without_review_right", "missing_element", "EL-CR-04-2", docs[0], title[:1], note="未告知复议权"
    )


@defect("late_non_filing_service", "time_limit", "ACC-05", "不予立案通知书超过3日送达", ("criminal",))
def late_non_filing_service(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 送达回执 of the 不予立案通知书 is dated 5–12 days after the decision (程序规定 第一百七十八条第二款)."""
    acts = case.facts.acts
    decided = acts.get("non_filing_decided")
    hits = tagged(case, "act:non_filing_served", "service_receipt")
    if decided is None or not _written(hits):
        return None
    late = datetime.combine(decided.date() + timedelta(days=rng.randint(5, 12)), datetime.min.time()) + timedelta(
        hours=rng.randint(9, 16), minutes=rng.choice([0, 10, 20, 30, 40, 50])
    )
    for _, seg in hits:
        _rewrite(seg, late)
    hits[0][0].date = late.date()
    acts["non_filing_served"] = late
    return PlantedDefect(
        "late_non_filing_service", "time_limit", "ACC-05", hits[0][0], [hits[0][1]], note="超过3日送达控告人"
    )


@defect("missing_non_filing_notice", "procedure", "ACC-05-2", "决定不予立案后无不予立案通知书", ("criminal",))
def missing_non_filing_notice(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 呈请不予立案报告书 is approved, but neither the notice nor its 送达回执 is in the file."""
    reports = [d for d in docs_of(case, "request_report") if "不予立案" in d.text()]
    notices = docs_of(case, "non_filing_notice")
    if not reports or not notices:
        return None
    gone = {id(d) for d in notices} | {id(d) for d in docs_of(case, "service_receipt") if "不予立案" in d.text()}
    case.docs = [d for d in case.docs if id(d) not in gone]
    case.facts.acts.pop("non_filing_served", None)
    title = reports[0].find("title")
    return PlantedDefect("missing_non_filing_notice", "procedure", "ACC-05-2", reports[0], title[:1], note="无通知书")


@defect("unserved_non_filing_notice", "procedure", "ACC-05-3", "不予立案通知书未见送达", ("criminal",))
def unserved_non_filing_notice(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The notice is in the file, its 送达回执 is not, and nothing in it says the 控告人 received it."""
    notices = docs_of(case, "non_filing_notice")
    receipts = [d for d in docs_of(case, "service_receipt") if "不予立案" in d.text()]
    if not notices or not receipts:
        return None
    case.docs = [d for d in case.docs if all(d is not r for r in receipts)]
    case.facts.acts.pop("non_filing_served", None)
    title = notices[0].find("title")
    return PlantedDefect(
        "unserved_non_filing_notice", "procedure", "ACC-05-3", notices[0], title[:1], note="无送达回执"
    )


# --- 不批准逮捕 (documents_measures.py) ------------------------------------------------------------------------------


@defect("late_release_after_disapproval", "time_limit", "CR-07", "不批准逮捕后未立即释放", ("criminal",))
def late_release_after_disapproval(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 释放证明书 gives a release 2–4 days after the 不批准逮捕决定书 was received (刑诉法 第九十一条第三款)."""
    acts = case.facts.acts
    received = acts.get("arrest_disapproval_received")
    hits = tagged(case, "act:custody_released", "release_certificate")
    receipt = tagged(case, "act:arrest_disapproval_received", "arrest_disapproval")
    if received is None or "custody_released" not in acts or not _written(hits) or not _written(receipt):
        return None
    late = datetime.combine(received.date() + timedelta(days=rng.randint(2, 4)), datetime.min.time()) + timedelta(
        hours=rng.randint(9, 16), minutes=rng.choice([0, 10, 20, 30, 40, 50])
    )
    doc = hits[0][0]
    for _, seg in hits:
        seg.text = format_like(seg.text, late)
    _redate_doc(case, doc, late.date())
    acts["custody_released"] = late
    return PlantedDefect(
        "late_release_after_disapproval",
        "time_limit",
        "CR-07",
        doc,
        [hits[0][1], receipt[0][1]],
        note="收到不批准逮捕决定书后数日才释放",
    )


@defect("missing_release_after_disapproval", "procedure", "CR-07-2", "不批准逮捕后未释放或变更强制措施", ("criminal",))
def missing_release_after_disapproval(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """Neither the 释放证明书 nor the 取保候审决定书 that should follow the 不批准逮捕 is in the file."""
    acts = case.facts.acts
    notices = docs_of(case, "arrest_disapproval")
    if "arrest_disapproval_received" not in acts or not notices or "bail_lifted" in acts:
        return None
    dropped = [d for d in case.docs if d.doc_type in ("release_certificate", "bail_decision")]
    if not dropped:
        return None
    case.docs = [d for d in case.docs if d not in dropped]
    acts.pop("custody_released", None)
    acts.pop("bail_granted", None)
    title = notices[0].find("title")
    return PlantedDefect(
        "missing_release_after_disapproval",
        "procedure",
        "CR-07-2",
        notices[0],
        title[:1],
        note="不批准逮捕后卷内无释放证明书或取保候审决定书",
    )
