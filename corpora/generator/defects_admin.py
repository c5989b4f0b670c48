"""Defect kinds for admin rules; registered in corpora.generator.defects.CATALOGUE on import.

Administrative (治安) procedure: 询问查证 over time (AD-01), no record of telling the family (AD-02), 办案期限 (AD-05),
告知 after the 决定 (AD-08-2), late service of the 决定书 (AD-10), a 派出所 deciding beyond its power (AD-13), 行政拘留
executed against an exempt minor (AD-14), late 受案 (ACC-03); and the lawful look-alikes a reviewer must not flag.
"""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta

from corpora.generator.defects import _blank_field, _set_moment, defect, docs_of, drop_lines, hard_negative, tagged
from corpora.generator.model import DocSpec, GeneratedCase, PlantedDefect, Seg
from corpora.generator.textutil import format_like

_ADMIN = ("administrative",)


def _detention_on_file(case: GeneratedCase) -> bool:
    """Whether 拘留 is written anywhere: the rule then allows 24 hours of 询问查证 (可能适用行政拘留)."""
    return any("拘留" in d.text() for d in case.docs)


def _first_window(case: GeneratedCase) -> tuple[datetime, datetime] | None:
    summoned, ended = case.facts.acts.get("summoned"), case.facts.acts.get("summons_ended")
    if summoned is None or ended is None or not tagged(case, "act:summons_ended"):
        return None
    return summoned, ended


def _retime_release(case: GeneratedCase, left: datetime) -> list[tuple[DocSpec, Seg]]:
    hits = _set_moment(case, "act:summons_ended", left)
    case.facts.acts["summons_ended"] = left
    windows = case.facts.extras.get("summons_windows")
    if isinstance(windows, list) and windows:
        windows[0] = (windows[0][0], left)
    return hits


# --- AD-01: 询问查证 over its limit --------------------


@defect("summons_over_24h", "time_limit", "AD-01-1", "传唤询问查证超过二十四小时", _ADMIN)
def summons_over_24h(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    window = _first_window(case)
    if window is None:
        return None
    summoned, _ = window
    left = summoned + timedelta(hours=rng.randint(25, 40), minutes=rng.choice([5, 15, 25, 40, 50]))
    hits = _retime_release(case, left)
    arrived = tagged(case, "act:summoned")
    doc, seg = hits[0]
    evidence = [*[s for d, s in arrived if d is doc][:1], seg]
    return PlantedDefect("summons_over_24h", "time_limit", "AD-01-1", doc, evidence, note="询问查证超过二十四小时")


@defect("summons_over_8h", "time_limit", "AD-01-2", "未涉及拘留的传唤询问查证超过八小时", _ADMIN)
def summons_over_8h(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    window = _first_window(case)
    if window is None or _detention_on_file(case):
        return None
    summoned, _ = window
    left = summoned + timedelta(hours=rng.randint(9, 20), minutes=rng.choice([5, 15, 25, 40, 50]))
    hits = _retime_release(case, left)
    arrived = tagged(case, "act:summoned")
    doc, seg = hits[0]
    evidence = [*[s for d, s in arrived if d is doc][:1], seg]
    return PlantedDefect(
        "summons_over_8h", "time_limit", "AD-01-2", doc, evidence, note="仅处罚款/警告，询问查证超过八小时"
    )


@hard_negative("summons_long_with_detention")
def summons_long_with_detention(case: GeneratedCase, rng: random.Random) -> bool:
    """Twelve to twenty-two hours of 询问查证 in a case that ends in 行政拘留: lawful (可能适用行政拘留, up to 24 h)."""
    window = _first_window(case)
    if window is None or case.facts.kind != "administrative" or not case.facts.extras.get("detention_days"):
        return False
    summoned, ended = window
    left = max(ended, summoned + timedelta(hours=rng.randint(12, 22), minutes=rng.choice([0, 20, 40])))
    _retime_release(case, left)
    return True


# --- AD-02: no record of telling the family of the 传唤 --------------------

_FAMILY = re.compile(r"通知[^。\n]{0,12}家属|家属[^。\n？?]{0,12}通知")


@defect("summons_family_not_recorded", "procedure", "AD-02", "传唤后未记载通知家属", _ADMIN)
def summons_family_not_recorded(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    if case.facts.acts.get("summoned") is None:
        return None
    removed = False
    for doc in case.docs:
        keep = []
        skip_answer = False
        for line in doc.lines:
            text = line.text
            if skip_answer and text.startswith("答"):
                skip_answer = False
                continue
            skip_answer = False
            if text.startswith("问") and _FAMILY.search(text):
                removed, skip_answer = True, True
                continue
            keep.append(line)
        doc.lines = keep
    if not removed or any(_FAMILY.search(d.text()) for d in case.docs):
        return None
    trigger = docs_of(case, "administrative_summons")
    if trigger:
        title = trigger[0].find("title")
        return PlantedDefect(
            "summons_family_not_recorded", "procedure", "AD-02", trigger[0], title[:1], note="询问笔录未记载通知家属"
        )
    oral = [(d, s) for d, s in tagged(case, "act:summoned", "interview_record")]
    if not oral:
        return None
    return PlantedDefect(
        "summons_family_not_recorded", "procedure", "AD-02", oral[0][0], [oral[0][1]], note="口头传唤，未记载通知家属"
    )


# --- AD-05: 办案期限 --------------------


def _shift(case: GeneratedCase, tags: tuple[str, ...], delta: timedelta) -> None:
    for tag in tags:
        act = tag.removeprefix("act:")
        when = case.facts.acts.get(act)
        if when is not None:
            _set_moment(case, tag, when + delta)
            case.facts.acts[act] = when + delta


@defect("decision_after_30_days", "time_limit", "AD-05", "治安案件超过三十日作出决定", _ADMIN)
def decision_after_30_days(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    f = case.facts
    accepted, decided = f.acts.get("case_accepted"), f.acts.get("penalty_decided")
    appraisal_docs = docs_of(case, "expert_opinion", "price_assessment")
    decisions = docs_of(case, "administrative_penalty_decision")
    if accepted is None or decided is None or appraisal_docs or len(decisions) != 1:
        return None
    target = datetime.combine(accepted.date() + timedelta(days=rng.randint(34, 50)), decided.time())
    if (target + timedelta(days=3)).year != accepted.year:
        return None  # the decision would fall under another 文号 year (or the other 治安管理处罚法)
    delta = target - decided
    # The 告知, the 决定 and its service move together: only the 办案期限 is wrong, not their order.
    _shift(case, ("act:penalty_notified", "act:penalty_decided", "act:served", "act:victim_served"), delta)
    for doc in docs_of(case, "penalty_notice_record", "administrative_penalty_decision", "service_receipt"):
        if doc.date is not None:
            doc.date = doc.date + timedelta(days=delta.days)
        for seg in doc.find("doc_date") + doc.find("session_end"):
            if "年" in seg.text:
                old = _parse_cn_date(seg.text)
                if old is not None:
                    seg.text = format_like(seg.text, old + delta)
    decided_seg = decisions[0].find("act:penalty_decided")
    accepted_hits = tagged(case, "act:case_accepted", "case_acceptance_register") or tagged(case, "act:case_accepted")
    if not decided_seg or not accepted_hits:
        return None
    return PlantedDefect(
        "decision_after_30_days",
        "time_limit",
        "AD-05",
        decisions[0],
        [decided_seg[0], accepted_hits[0][1]],
        note="受案后超过三十日作出处罚决定，无延长审批",
    )


_CN = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


def _cn_small(text: str) -> int:
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN[tens] if tens else 1) * 10 + (_CN[ones] if ones else 0)
    return _CN[text]


def _parse_cn_date(text: str) -> datetime | None:
    """'2025年3月5日9时10分' / '二〇二五年三月五日' -> datetime (time kept where written)."""
    m = re.match(r"(.{4})年(.{1,3})月(.{1,3})日(?:(.{1,3})时(?:(.{1,3})分)?)?", text)
    if not m:
        return None
    try:
        year = int(m.group(1)) if m.group(1).isdigit() else int("".join(str(_CN[c]) for c in m.group(1)))
        hour = _cn_small(m.group(4)) if m.group(4) else 0
        minute = _cn_small(m.group(5)) if m.group(5) else 0
        return datetime(year, _cn_small(m.group(2)), _cn_small(m.group(3)), hour, minute)
    except (KeyError, ValueError):
        return None


# --- AD-10: 决定书 served late --------------------


@defect("late_decision_service", "time_limit", "AD-10", "处罚决定书超过二日送达", _ADMIN)
def late_decision_service(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    decided = case.facts.acts.get("penalty_decided")
    options = [a for a in ("victim_served", "served") if tagged(case, f"act:{a}", "service_receipt")]
    if decided is None or not options:
        return None
    act = rng.choice(options)
    late = datetime.combine(decided.date() + timedelta(days=rng.randint(3, 7)), datetime.min.time()) + timedelta(
        hours=rng.randint(9, 16), minutes=rng.choice([0, 10, 25, 40])
    )
    hits = _set_moment(case, f"act:{act}", late)
    case.facts.acts[act] = late
    for doc, _ in hits:
        if doc.doc_type == "service_receipt":
            doc.date = late.date()
            for seg in doc.find("doc_date"):
                seg.text = format_like(seg.text, late.date())
    receipt = next((d, s) for d, s in hits if d.doc_type == "service_receipt")
    decided_seg = tagged(case, "act:penalty_decided", "administrative_penalty_decision")
    if not decided_seg:
        return None
    return PlantedDefect(
        "late_decision_service",
        "time_limit",
        "AD-10",
        receipt[0],
        [receipt[1], decided_seg[0][1]],
        note="决定书送达时间超过决定后二日",
    )


@hard_negative("decision_served_second_day")
def decision_served_second_day(case: GeneratedCase, rng: random.Random) -> bool:
    """The 被侵害人 gets the copy on the second day after the decision: lawful (二日内)."""
    decided = case.facts.acts.get("penalty_decided")
    if decided is None or not tagged(case, "act:victim_served", "service_receipt"):
        return False
    when = datetime.combine(decided.date() + timedelta(days=2), datetime.min.time()) + timedelta(hours=16, minutes=30)
    hits = _set_moment(case, "act:victim_served", when)
    case.facts.acts["victim_served"] = when
    for doc, _ in hits:
        doc.date = when.date()
        for seg in doc.find("doc_date"):
            seg.text = format_like(seg.text, when.date())
    return True


# --- AD-13: a 派出所 decides what only the 分局 may --------------------


@defect("station_beyond_power", "procedure", "AD-13", "派出所超越权限作出处罚决定", _ADMIN)
def station_beyond_power(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    f = case.facts
    cap = 1000 if f.extras.get("psapl_version") == "2025" else 500
    if not (f.extras.get("detention_days") or int(f.extras.get("fine") or 0) > cap):
        return None
    decisions = docs_of(case, "administrative_penalty_decision")
    if len(decisions) != 1:
        return None
    station = f.agency.name + f.agency.station
    issuers = [s for _, _, s in decisions[0].segments() if s.type == "ORG" and s.text == f.agency.name]
    if not issuers:
        return None
    for seg in issuers:
        seg.text = station
    f.extras["decided_by"] = station
    return PlantedDefect(
        "station_beyond_power",
        "procedure",
        "AD-13",
        decisions[0],
        [issuers[-1]],
        note="以派出所名义决定行政拘留或超额罚款",
    )


# --- AD-14: 行政拘留 executed against an exempt minor --------------------


@defect("exempt_minor_detained", "procedure", "AD-14", "对依法不执行拘留的未成年人执行拘留", _ADMIN)
def exempt_minor_detained(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    f = case.facts
    reason = str(f.extras.get("detention_not_executed_reason") or "")
    decisions = docs_of(case, "administrative_penalty_decision")
    if not reason or len(decisions) != 1:
        return None
    doc = decisions[0]
    text = doc.text()
    # The 16–18 exemption needs 初次: the decision must say 违法经历：无 for the rule to know it.
    if "不满十六周岁" not in reason and not re.search(r"违法经历[：:]\s*无", text):
        return None
    changed: list[Seg] = []
    for _, _, seg in doc.segments():
        new = seg.text.replace("（依法不执行行政拘留处罚）", "")
        new = re.sub(r"被处罚人系[^。]*依法不执行行政拘留处罚。", f"送{f.agency.custody_center}执行。", new)
        if new != seg.text:
            seg.text = new
            changed.append(seg)
    if not changed or "不执行" in doc.text():
        return None
    birth = doc.find(f"birth:{f.suspects[0].name}")
    evidence = (birth[:1] if birth else []) + changed[:1]
    f.extras["detention_executed"] = True
    return PlantedDefect(
        "exempt_minor_detained", "procedure", "AD-14", doc, evidence, note=f"被处罚人{reason}，仍执行拘留"
    )


# --- ACC-03: 受案 more than 24 hours after 接报 --------------------


@defect("late_acceptance", "time_limit", "ACC-03", "接报后超过二十四小时受案", _ADMIN)
def late_acceptance(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """接报 written one to two and a half days before the 受案 (the 接报 moved back, so later acts keep their order)."""
    f = case.facts
    accepted = f.acts.get("case_accepted")
    registers = docs_of(case, "case_acceptance_register")
    if accepted is None or len(registers) != 1:
        return None
    received_segs = registers[0].find("接报时间")
    accepted_segs = registers[0].find("act:case_accepted")
    if not received_segs or not accepted_segs:
        return None
    early = accepted - timedelta(hours=rng.randint(26, 60), minutes=rng.choice([0, 15, 35, 50]))
    if f.incident_time >= early - timedelta(hours=1):
        return None  # the report cannot come before the incident
    for seg in received_segs:
        seg.text = format_like(seg.text, early)
    for _doc, seg in tagged(case, "act:report_received"):
        seg.text = format_like(seg.text, early)
    f.acts["report_received"] = early
    return PlantedDefect(
        "late_acceptance",
        "time_limit",
        "ACC-03",
        registers[0],
        [received_segs[0], accepted_segs[0]],
        note="接报后超过二十四小时才受案",
    )


# --- AD-03: 口头传唤 without the times in the 询问笔录 --------------------------------------------------------


@defect("oral_summons_times_missing", "missing_element", "AD-03", "口头传唤未注明到案离开时间", _ADMIN)
def oral_summons_times_missing(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 询问笔录 of a suspect brought in by 口头传唤 loses its line of arrival and departure times."""
    for doc, seg in tagged(case, "act:summoned", "interview_record"):
        if not any(seg in cell for line in doc.lines for cell in line.cells):
            continue
        doc.lines = [line for line in doc.lines if not any(seg in cell for cell in line.cells)]
        said = [s for _, _, s in doc.segments() if "口头传唤" in s.text]
        if not said:
            return None
        return PlantedDefect(
            "oral_summons_times_missing", "missing_element", "AD-03", doc, said[:1], note="口头传唤未注明到案、离开时间"
        )
    return None


# --- EL-AD-05: 证据保全决定书 and its 清单 --------------------------------------------------------------------------


@defect("blank_preservation_field", "missing_element", "EL-AD-05-1", "证据保全决定书（清单）项目空白", _ADMIN)
def blank_preservation_field(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    return _blank_decision_field(
        case,
        rng,
        "blank_preservation_field",
        "EL-AD-05-1",
        "evidence_preservation_decision",
        ["当事人", "办案民警", "证据持有人"],
    )


@defect("preservation_no_remedy", "missing_element", "EL-AD-05-2", "证据保全决定书未载明复议诉讼途径", _ADMIN)
def preservation_no_remedy(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    return _drop_remedy_lines(case, "preservation_no_remedy", "EL-AD-05-2", "evidence_preservation_decision")


def _blank_decision_field(
    case: GeneratedCase, rng: random.Random, kind: str, rule: str, doc_type: str, labels: list[str]
) -> PlantedDefect | None:
    hit = _blank_field(case, rng, doc_type, labels)
    if hit is None:
        return None
    doc, label, _ = hit
    return PlantedDefect(kind, "missing_element", rule, doc, [label], note=f"“{label.text}”留空")


def _drop_remedy_lines(case: GeneratedCase, kind: str, rule: str, doc_type: str) -> PlantedDefect | None:
    docs = docs_of(case, doc_type)
    if len(docs) != 1:
        return None
    return drop_lines(docs[0], r"复议|行政诉讼", kind, rule, "决定书未载明救济途径")


# --- EL-AD-07: 审批表 opinions left blank ----------------------------------------------------------------------


@defect("blank_approval_opinion", "missing_element", "EL-AD-07-1", "审批表审核/审批意见空白", _ADMIN)
def blank_approval_opinion(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    hit = _blank_field(case, rng, "approval_form", ["办案部门意见", "审核意见", "领导审批意见"])
    if hit is None:
        return None
    doc, label, _ = hit
    return PlantedDefect(
        "blank_approval_opinion", "missing_element", "EL-AD-07-1", doc, [label], note=f"“{label.text}”留空"
    )


# --- AD-11: the family not told of the 行政拘留 -----------------------------------------------------------------

_DETENTION_DECIDED = re.compile(r"行政拘留[一二三四五六七八九十两〇零\d]+日")


@defect("penalty_family_not_notified", "procedure", "AD-11", "决定行政拘留后未通知家属", _ADMIN)
def penalty_family_not_notified(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 行政拘留家属通知书 is missing from the file (nothing else records the notice)."""
    decisions = docs_of(case, "administrative_penalty_decision")
    if len(decisions) != 1 or not docs_of(case, "penalty_family_notice"):
        return None
    case.docs = [d for d in case.docs if d.doc_type != "penalty_family_notice"]
    # the 决定 sentence: the first segment naming the 拘留 after 现决定对
    found = False
    for _, _, seg in decisions[0].segments():
        if "决定对" in seg.text:
            found = True
        if found and _DETENTION_DECIDED.search(seg.text):
            return PlantedDefect(
                "penalty_family_not_notified", "procedure", "AD-11", decisions[0], [seg], note="卷内无家属通知记录"
            )
    return None


# --- EL-AD-04: 当场处罚决定书 ------------------------------------------------------------------------------------


@defect("blank_on_the_spot_field", "missing_element", "EL-AD-04-1", "当场处罚决定书项目空白", _ADMIN)
def blank_on_the_spot_field(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    return _blank_decision_field(
        case,
        rng,
        "blank_on_the_spot_field",
        "EL-AD-04-1",
        "on_the_spot_penalty_decision",
        ["被处罚人", "处罚地点", "办案民警"],
    )


@defect("on_the_spot_no_remedy", "missing_element", "EL-AD-04-2", "当场处罚决定书未载明复议诉讼途径", _ADMIN)
def on_the_spot_no_remedy(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    return _drop_remedy_lines(case, "on_the_spot_no_remedy", "EL-AD-04-2", "on_the_spot_penalty_decision")


# --- EL-AD-06: 治安调解协议书 -----------------------------------------------------------------------------------

_MEDIATION_LABELS = ["调解机关", "主持人", "甲方当事人", "乙方当事人", "主要事实", "协议内容", "履行期限和方式"]


@defect("blank_mediation_field", "missing_element", "EL-AD-06-1", "治安调解协议书项目空白或当事人未签名", _ADMIN)
def blank_mediation_field(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    hit = _blank_field(case, rng, "mediation_agreement", [*_MEDIATION_LABELS, "甲方签名", "乙方签名"])
    if hit is None:
        return None
    doc, label, _ = hit
    return PlantedDefect(
        "blank_mediation_field", "missing_element", "EL-AD-06-1", doc, [label], note=f"“{label.text}”留空"
    )
