"""Defect kinds for elements rules; registered in corpora.generator.defects.CATALOGUE on import.

Blank form items (EL-*), a missing 核对确认 or 救济途径 statement, and personnel mistakes (PER-*): one officer at an
administrative 询问, one officer in two 笔录 at once, a minor questioned with no guardian. Hard negatives: a blank
传唤 time with the refusal noted, a minor whose guardian was notified and did not come (noted in the 笔录).
"""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta

from corpora.generator.defects import (
    DefectFn,
    blank_field_defect,
    defect,
    docs_of,
    drop_lines,
    hard_negative,
    tagged,
)
from corpora.generator.model import DocSpec, GeneratedCase, Line, PlantedDefect, Seg
from corpora.generator.textutil import format_like

# --- blank form items ---------------------------------------------------------------------------------------------

# (defect key, rule id, title, doc type, labels the generator tags, case kinds)
_BLANKS: list[tuple[str, str, str, str, list[str], tuple[str, ...]]] = [
    ("blank_filing_stub", "EL-CR-03-1", "立案决定书存根审批项目空白", "case_filing_decision",
     ["批准人", "批准时间", "办案人", "填发人"], ("criminal",)),
    ("blank_summons_item", "EL-CR-05-1", "传唤证（刑事）传唤事项空白", "criminal_summons",
     ["传唤原因", "指定地点", "批准人", "批准时间"], ("criminal",)),
    ("blank_interview_field", "EL-CR-07-1", "询问笔录首部项目空白", "interview_record",
     ["地点", "询问人", "记录人"], ("criminal", "administrative")),
    ("blank_detention_item", "EL-CR-08-1", "拘留证审批/执行项目空白", "detention_warrant",
     ["拘留原因", "批准人", "批准时间", "执行人"], ("criminal",)),
    ("blank_detention_notice_item", "EL-CR-09-1", "拘留通知书栏目空白", "detention_notice",
     ["羁押处所", "通知时间"], ("criminal",)),
    ("blank_seizure_signature", "EL-CR-13-1", "扣押清单签名空白", "seizure_list",
     ["持有人", "见证人"], ("criminal",)),
    ("blank_penalty_notice_field", "EL-AD-02-1", "行政处罚告知笔录首部项目空白", "penalty_notice_record",
     ["地点", "告知人"], ("administrative",)),
]  # fmt: skip


def _register_blank(
    key: str, rule_id: str, title: str, doc_type: str, labels: list[str], kinds: tuple[str, ...]
) -> DefectFn:
    @defect(key, "missing_element", rule_id, title, kinds)
    def apply(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
        # A refusal note would make the blank lawful; the generator writes none, but stay safe.
        if any(re.search(r"拒绝填写|拒绝签名|拒签", d.text()) for d in docs_of(case, doc_type)):
            return None
        return blank_field_defect(case, rng, key, rule_id, doc_type, list(labels))

    return apply


for _spec in _BLANKS:
    _register_blank(*_spec)


def _blank_after_label(
    case: GeneratedCase, rng: random.Random, doc_type: str, labels: list[str]
) -> tuple[DocSpec, Seg] | None:
    """Blank the value written after ``label：`` on its line (values tagged by their act, not by the label)."""
    docs = docs_of(case, doc_type)
    rng.shuffle(docs)
    order = list(labels)
    rng.shuffle(order)
    for doc in docs:
        for label in order:
            for line in doc.lines:
                for cell in line.cells:
                    for i, seg in enumerate(cell):
                        if seg.text == label + "：" and i + 1 < len(cell) and "".join(x.text for x in cell[i + 1 :]):
                            for rest in cell[i + 1 :]:
                                rest.text, rest.type, rest.role = "", None, None
                            return doc, seg
    return None


_SUMMONS_TIMES = {
    "criminal_summons": ("EL-CR-05-2", "blank_summons_times", ["被传唤人到达时间", "传唤结束时间"], ("criminal",)),
    "administrative_summons": (
        "EL-AD-01-1",
        "blank_admin_summons_times",
        ["被传唤人到达时间", "被传唤人离开时间"],
        ("administrative",),
    ),
}


def _register_summons_blank(doc_type: str) -> DefectFn:
    rule_id, key, labels, kinds = _SUMMONS_TIMES[doc_type]

    @defect(key, "missing_element", rule_id, "传唤证到案/结束（离开）时间空白", kinds)
    def apply(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
        if any(re.search(r"拒绝填写|拒绝签名|拒签", d.text()) for d in docs_of(case, doc_type)):
            return None
        hit = _blank_after_label(case, rng, doc_type, labels)
        if hit is None:
            return None
        doc, label = hit
        return PlantedDefect(key, "missing_element", rule_id, doc, [label], note=f"“{label.text}”留空")

    return apply


for _doc_type in _SUMMONS_TIMES:
    _register_summons_blank(_doc_type)


# --- statements a document must contain ---------------------------------------------------------------------------


def _title(doc: DocSpec) -> list[Seg]:
    return doc.find("title")[:1]


@defect("missing_record_confirmation", "missing_element", "EL-CR-06-2", "讯问笔录无核对确认语", ("criminal",))
def missing_record_confirmation(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    docs = [d for d in docs_of(case, "interrogation_record") if _title(d)]
    if not docs:
        return None
    return drop_lines(rng.choice(docs), r"^以上笔录", "missing_record_confirmation", "EL-CR-06-2", "末页无核对确认语")


@defect("missing_interview_confirmation", "missing_element", "EL-CR-07-2", "询问笔录无核对确认语")
def missing_interview_confirmation(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    docs = [d for d in docs_of(case, "interview_record") if _title(d)]
    if not docs:
        return None
    return drop_lines(
        rng.choice(docs), r"^以上笔录", "missing_interview_confirmation", "EL-CR-07-2", "末页无核对确认语"
    )


@defect("missing_review_route", "missing_element", "EL-AD-03-1", "行政处罚决定书无复议诉讼途径", ("administrative",))
def missing_review_route(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    docs = [d for d in docs_of(case, "administrative_penalty_decision") if _title(d)]
    if not docs:
        return None
    doc = docs[0]
    route = r"行政复议|行政诉讼"
    if any(re.search(r"复议", line.text) and not re.search(route, line.text) for line in doc.lines):
        return None  # a 复议 left in another wording would still state the route
    return drop_lines(doc, route, "missing_review_route", "EL-AD-03-1", "未载明复议、诉讼途径")


# --- personnel ------------------------------------------------------------------------------------------------------


def _names(doc: DocSpec, tag: str) -> list[Seg]:
    return [s for s in doc.find(tag) if s.type == "PERSON"]


def single_officer_admin_inquiry_in(doc: DocSpec) -> Seg | None:
    """Rewrite ``doc`` so that one officer asks and records; the officer's name segment, or None if impossible."""
    askers, recorders = _names(doc, "询问人"), _names(doc, "记录人")
    if not askers or not recorders:
        return None
    first = askers[0]
    for line in doc.lines:
        for cell in line.cells:
            if any(seg.tag == "询问人" for seg in cell):
                kept: list[Seg] = []
                seen_name = False
                for seg in cell:
                    if seg.tag != "询问人":
                        kept.append(seg)
                    elif seg.type == "PERSON" and not seen_name:
                        seg.text = first.text
                        kept.append(seg)
                        seen_name = True
                cell[:] = kept
    for rec in recorders:
        rec.text = first.text
    return first


@defect("single_officer_admin_inquiry", "procedure", "PER-02", "行政询问仅一名民警", ("administrative",))
def single_officer_admin_inquiry(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    for doc in docs_of(case, "interview_record"):
        if "录音录像" in doc.text():
            continue  # 2026起一人询问并全程录音录像合法: keep the defect unambiguous
        first = single_officer_admin_inquiry_in(doc)
        if first is not None:
            return PlantedDefect(
                "single_officer_admin_inquiry", "procedure", "PER-02", doc, [first], note="询问人、记录人为同一名民警"
            )
    return None


def _session_segs(doc: DocSpec) -> tuple[Seg, Seg] | None:
    starts = doc.find("session_start") or doc.find("act:penalty_notified")
    ends = doc.find("session_end")
    return (starts[0], ends[0]) if starts and ends else None


def _officer_names(doc: DocSpec) -> set[str]:
    return {seg.text for _, _, seg in doc.segments() if seg.type == "PERSON" and seg.role in ("officer", "recorder")}


@defect("officer_double_booked", "procedure", "PER-04", "同一民警同一时段出现在两份笔录中")
def officer_double_booked(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """Move a victim's or witness's 询问 into the time of another 笔录 taken by a same officer."""
    records = [
        d
        for d in docs_of(case, "interview_record", "interrogation_record", "penalty_notice_record")
        if _session_segs(d)
    ]
    candidates = []
    for a in records:
        for b in records:
            if a is b or b.doc_type != "interview_record":
                continue
            # Only a 被询问人 who is not the suspect: moving a suspect's session could break 传唤/拘留 order rules.
            if any(seg.role == "suspect" for _, _, seg in b.segments()):
                continue
            if _officer_names(a) & _officer_names(b):
                candidates.append((a, b))
    if not candidates:
        return None
    a, b = rng.choice(candidates)
    a_start, a_end = _session_segs(a)  # type: ignore[misc]
    b_start, b_end = _session_segs(b)  # type: ignore[misc]
    start_a, end_a = _parse(a_start.text), _parse(a_end.text, a_start.text)
    start_b, end_b = _parse(b_start.text), _parse(b_end.text, b_start.text)
    if None in (start_a, end_a, start_b, end_b):
        return None
    span_a = end_a - start_a  # type: ignore[operator]
    if span_a < timedelta(minutes=20):
        return None
    new_start = start_a + span_a / 2  # type: ignore[operator]
    new_start = new_start.replace(minute=new_start.minute - new_start.minute % 5, second=0, microsecond=0)
    new_end = new_start + (end_b - start_b)  # type: ignore[operator]
    if new_start.date() != new_end.date():
        return None
    for other in records:
        if other is a or other is b or not (_officer_names(other) & _officer_names(b)):
            continue
        o_start, o_end = _session_segs(other)  # type: ignore[misc]
        so, eo = _parse(o_start.text), _parse(o_end.text, o_start.text)
        if so is None or eo is None or (so < new_end and new_start < eo):
            return None  # one planted overlap, not two
    b_start.text = format_like(b_start.text, new_start)
    b_end.text = format_like(b_end.text, new_end)
    for seg in b.find("doc_date"):
        seg.text = format_like(seg.text, new_end.date())
    b.date = new_end.date()
    return PlantedDefect(
        "officer_double_booked", "procedure", "PER-04", b, [b_start, a_start], note="两份笔录同一民警时间重叠"
    )


_DT = re.compile(r"(?:(\d{4})年(\d{1,2})月(\d{1,2})日)?\s*(\d{1,2})[时:：](\d{1,2})")


def _parse(text: str, context: str = "") -> datetime | None:
    """The moment of a generated time segment ('2024年3月1日10时00分', or '10时40分' on the day of ``context``)."""
    m = _DT.search(text)
    if not m:
        return None
    if m.group(1) is None:
        day = _DT.search(context)
        if not day or day.group(1) is None:
            return None
        y, mo, d = int(day.group(1)), int(day.group(2)), int(day.group(3))
    else:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return datetime(y, mo, d, int(m.group(4)), int(m.group(5)))


def _remove_guardian(doc: DocSpec, guardian: str, guardian_id: str) -> bool:
    """Drop every line naming the guardian (header, signature, the 问 telling the minor and its 答)."""
    kept: list[Line] = []
    skip_answer = False
    removed = False
    for line in doc.lines:
        text = line.text
        if skip_answer and text.startswith("答："):
            skip_answer = False
            continue
        skip_answer = False
        if guardian in text or (guardian_id and guardian_id in text) or text.startswith("法定代理人"):
            removed = True
            skip_answer = text.startswith("问：")
            continue
        kept.append(line)
    doc.lines = kept
    return removed


def _minor_records(case: GeneratedCase) -> list[tuple[DocSpec, str, str]]:
    out = []
    for session in case.facts.sessions:
        g = session.person.guardian
        if g is None or session.person.age_on(session.start.date()) >= 18:
            continue
        for doc in docs_of(case, "interview_record", "interrogation_record"):
            if g.name in doc.text() and session.person.name in doc.text() and doc.find("title"):
                out.append((doc, g.name, g.id_number))
    return out


@defect("minor_without_guardian", "procedure", "PER-05", "询问/讯问未成年人无法定代理人在场")
def minor_without_guardian(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    records = _minor_records(case)
    if not records:
        return None
    doc, guardian, guardian_id = rng.choice(records)
    if not _remove_guardian(doc, guardian, guardian_id):
        return None
    subject = [s for s in doc.find("被讯问人") + doc.find("被询问人") if s.type == "PERSON"]
    if not subject:
        return None
    return PlantedDefect(
        "minor_without_guardian", "procedure", "PER-05", doc, subject[:1], note="未成年人笔录无法定代理人到场记载"
    )


# --- hard negatives -------------------------------------------------------------------------------------------------


@hard_negative("summons_times_refused")
def summons_times_refused(case: GeneratedCase, rng: random.Random) -> bool:
    """到案/结束时间 blank on the 传唤证, the refusal noted by the officers: lawful (刑事程序规定 第一百九十九条)."""
    for doc_type, labels in (
        ("criminal_summons", ["被传唤人到达时间", "传唤结束时间"]),
        ("administrative_summons", ["被传唤人到达时间", "被传唤人离开时间"]),
    ):
        docs = docs_of(case, doc_type)
        if not docs:
            continue
        hit = _blank_after_label(case, rng, doc_type, labels)
        if hit is None:
            continue
        doc, label = hit
        who = "犯罪嫌疑人" if doc_type == "criminal_summons" else "违法嫌疑人"
        what = label.text.removeprefix("被传唤人").rstrip("：")
        doc.lines.append(Line([[Seg(f"（{who}拒绝填写{what}，特此注明。）")]]))
        return True
    return False


@hard_negative("guardian_not_arrived_noted")
def guardian_not_arrived_noted(case: GeneratedCase, rng: random.Random) -> bool:
    """A minor's 笔录 with no guardian present but the failed notice recorded (行政程序规定 第七十五条)."""
    records = [r for r in _minor_records(case) if r[0].doc_type == "interview_record"]
    if not records or tagged(case, "act:detained"):
        return False
    doc, guardian, guardian_id = rng.choice(records)
    if not _remove_guardian(doc, guardian, guardian_id):
        return False
    at = next((i for i, line in enumerate(doc.lines) if line.text.startswith("问：")), None)
    if at is None:
        return False
    note = "（被询问人系未成年人，已电话通知其父母到场，其父母表示无法前来，通知后未到场。）"
    doc.lines.insert(at, Line([[Seg(note)]]))
    return True


@hard_negative("single_officer_recorded_2026")
def single_officer_recorded_2026(case: GeneratedCase, rng: random.Random) -> bool:
    """From 2026-01-01 one officer may question, full recording noted (治安管理处罚法 2025 第一百零八条)."""
    if case.facts.kind != "administrative":
        return False
    for doc in docs_of(case, "interview_record"):
        segs = _session_segs(doc)
        start = _parse(segs[0].text) if segs else None
        if start is None or start < datetime(2026, 1, 1) or "录音录像" in doc.text():
            continue
        if single_officer_admin_inquiry_in(doc) is None:
            continue
        at = next((i for i, line in enumerate(doc.lines) if line.text.startswith("问：")), None)
        if at is None:
            return False
        note = "（本次询问在执法办案场所由一名民警进行，已全程同步录音录像。）"
        doc.lines.insert(at, Line([[Seg(note)]]))
        return True
    return False


@hard_negative("back_to_back_sessions")
def back_to_back_sessions(case: GeneratedCase, rng: random.Random) -> bool:
    """A witness's 询问 starting the minute the same officers' previous 笔录 ended: touching, not overlapping."""
    records = [d for d in docs_of(case, "interview_record", "interrogation_record", "penalty_notice_record")]
    records = [d for d in records if _session_segs(d)]
    for a in records:
        for b in records:
            if a is b or b.doc_type != "interview_record" or not (_officer_names(a) & _officer_names(b)):
                continue
            if any(seg.role == "suspect" for _, _, seg in b.segments()):
                continue
            a_start, a_end = _session_segs(a)  # type: ignore[misc]
            b_start, b_end = _session_segs(b)  # type: ignore[misc]
            end_a = _parse(a_end.text, a_start.text)
            start_b, end_b = _parse(b_start.text), _parse(b_end.text, b_start.text)
            if end_a is None or start_b is None or end_b is None:
                continue
            new_end = end_a + (end_b - start_b)
            if new_end.date() != end_a.date():
                continue
            clash = False
            for other in records:
                if other is a or other is b:
                    continue
                o_start, o_end = _session_segs(other)  # type: ignore[misc]
                so, eo = _parse(o_start.text), _parse(o_end.text, o_start.text)
                if so is None or eo is None or (so < new_end and end_a < eo):
                    clash = True
            if clash:
                continue
            b_start.text = format_like(b_start.text, end_a)
            b_end.text = format_like(b_end.text, new_end)
            for seg in b.find("doc_date"):
                seg.text = format_like(seg.text, new_end.date())
            b.date = new_end.date()
            return True
    return False
