"""Defect kinds for admin rules; registered in corpora.generator.defects.CATALOGUE on import.

Administrative (治安) procedure: 询问查证 over time (AD-01), no record of telling the family (AD-02), 办案期限 (AD-05),
告知 after the 决定 (AD-08-2), late service of the 决定书 (AD-10), a 派出所 deciding beyond its power (AD-13), 行政拘留
executed against an exempt minor (AD-14), late 受案 (ACC-03); and the lawful look-alikes a reviewer must not flag.
The disposal written another way: 当场处罚 above its cap or of a 赌博/吸毒 case (AD-12, AD-12-2), 治安调解 of a
寻衅滋事 or of a 轻伤 (AD-19, ACC-10); and in the 决定书: no 听证 for a large fine (AD-09), 从重 for a stale earlier
penalty (AD-17), 合并执行 beyond twenty days (AD-18), punishment past the six months (ACC-11); the 鉴定意见 served
late (AD-15).
"""

from __future__ import annotations

import random
import re
from datetime import date, datetime, timedelta

from corpora.generator.defects import (
    _set_moment,
    blank_field_defect,
    defect,
    docs_of,
    drop_lines,
    hard_negative,
    tagged,
)
from corpora.generator.documents_admin import PSAPL, build_mediation_agreement, build_on_the_spot_decision
from corpora.generator.documents_base import CaseContext, DateStyle, build_context
from corpora.generator.model import DocSpec, GeneratedCase, Line, PlantedDefect, Seg
from corpora.generator.scenarios import _NO_ON_THE_SPOT, PENALTY_BANDS, fmt_approx, spoken
from corpora.generator.textutil import cn_number, format_like

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
    return blank_field_defect(
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


def _drop_remedy_lines(case: GeneratedCase, kind: str, rule: str, doc_type: str) -> PlantedDefect | None:
    docs = docs_of(case, doc_type)
    if len(docs) != 1:
        return None
    return drop_lines(docs[0], r"复议|行政诉讼", kind, rule, "决定书未载明救济途径")


# --- EL-AD-07: 审批表 opinions left blank ----------------------------------------------------------------------


@defect("blank_approval_opinion", "missing_element", "EL-AD-07-1", "审批表审核/审批意见空白", _ADMIN)
def blank_approval_opinion(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    return blank_field_defect(
        case, rng, "blank_approval_opinion", "EL-AD-07-1", "approval_form", ["办案部门意见", "审核意见", "领导审批意见"]
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
    return blank_field_defect(
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
    return blank_field_defect(
        case,
        rng,
        "blank_mediation_field",
        "EL-AD-06-1",
        "mediation_agreement",
        [*_MEDIATION_LABELS, "甲方签名", "乙方签名"],
    )


# --- helpers for kinds that change how a case is disposed of (当场处罚, 治安调解) -------------------------------------

# The papers of the general procedure after the questioning: 告知, 审批, 决定, 送达, 拘留家属通知.
_DISPOSAL = (
    "penalty_notice_record",
    "approval_form",
    "administrative_penalty_decision",
    "service_receipt",
    "penalty_family_notice",
    "on_the_spot_penalty_decision",
    "mediation_agreement",
)
_DISPOSAL_NEGATIVES = frozenset({"decision_served_second_day", "injury_below_light", "small_drug_amount"})
_SPOT_CAP = {"2012": 200, "2025": 500}
_EIGHT_HOURS = timedelta(hours=8)


def _padded(case: GeneratedCase) -> bool:
    """Whether the case's papers print dates zero-padded (2024年03月05日): a rebuilt paper must print them alike."""
    for doc in case.docs:
        for _, _, s in doc.segments():
            m = re.search(r"\d{4}年(\d{1,2})月(\d{1,2})日", s.text) if s.type == "DATETIME" else None
            if m is None:
                continue
            if any(len(g) == 2 and g.startswith("0") for g in m.groups()):
                return True
            if any(len(g) == 1 for g in m.groups()):
                return False
    return False


def _context(case: GeneratedCase, rng: random.Random) -> CaseContext:
    ctx = build_context(case.facts, rng)
    ctx.style = DateStyle(pad=_padded(case))
    return ctx


def _renumber(case: GeneratedCase) -> None:
    """File stems numbered again in file order (01_受案登记表 …) after papers were taken out or put in."""
    for n, doc in enumerate(case.docs, start=1):
        doc.file_stem = f"{n:02d}_{doc.file_stem.split('_', 1)[1]}"


def _decided_generally(case: GeneratedCase) -> bool:
    """One adult suspect, decided by the general procedure (a 决定书), questioned within eight hours: a case whose
    disposal can be written another way without the questioning itself becoming unlawful (AD-01-2)."""
    f = case.facts
    if len(f.suspects) < 1 or f.suspects[0].guardian is not None or f.kind != "administrative":
        return False
    if _DISPOSAL_NEGATIVES & set(case.hard_negatives):
        return False  # a lawful look-alike written in the papers this disposal would take out
    if f.extras.get("mediated") or f.extras.get("on_the_spot") or "penalty_decided" not in f.acts:
        return False
    windows = f.extras.get("summons_windows")
    if isinstance(windows, list) and any(end - start > _EIGHT_HOURS for start, end in windows):
        return False
    return len(docs_of(case, "administrative_penalty_decision")) == 1


def _drop_general_procedure(case: GeneratedCase) -> datetime:
    """Take the 告知/决定/送达 papers and their acts out of the case; returns when the 告知 was to begin (after all
    the questioning and any appraisal), the moment the new disposal is put at."""
    f = case.facts
    when = f.acts.get("penalty_notified") or f.acts["penalty_decided"]
    case.docs = [d for d in case.docs if d.doc_type not in _DISPOSAL]
    f.sessions = [s for s in f.sessions if s.kind != "penalty_notice"]
    for act in ("penalty_notified", "penalty_decided", "served", "victim_served", "penalty_family_notified"):
        f.acts.pop(act, None)
    f.extras.pop("detention_not_executed_reason", None)
    f.extras.update(detention_days=0, detention_executed=False, approval_form=False)
    return when


def _number_like(case: GeneratedCase, word: str, day: date) -> str | None:
    """A 文号 of this agency's kind (宁公玄(治)…) with another 字, numbered in the year of ``day``."""
    f = case.facts
    base = f.doc_numbers.get("administrative_penalty_decision") or f.doc_numbers.get("case_acceptance_register")
    m = re.match(r"^(?P<head>.+?\([^)]+\))[^()字]+字〔\d{4}〕(?P<serial>\d+)号$", base or "")
    if not m:
        return None
    return f"{m.group('head')}{word}字〔{day.year}〕{m.group('serial')}号"


def _fine_only_band(case: GeneratedCase, version: str) -> tuple[int, int] | None:
    """The fines the case's article allows on their own (no 拘留 beside them), as (lowest, highest)."""
    bands = [b for b in PENALTY_BANDS.get(case.facts.case_type, {}).get(version, ()) if b.admits(0, b.fine[1], False)]
    if not bands:
        return None
    return min(b.fine[0] for b in bands), max(b.fine[1] for b in bands)


def _decide_on_the_spot(case: GeneratedCase, rng: random.Random, fine: int) -> DocSpec | None:
    """The case decided by a 当场处罚决定书 imposing ``fine`` yuan instead of the general procedure's papers."""
    f = case.facts
    if f.extras.get("on_the_spot"):
        when = f.acts["penalty_decided"]
    else:
        _drop_general_procedure(case)
        # 当场: right after the last 笔录 (and the appraisal, where one was needed), as the generator's own 当场处罚
        ready = max([s.end for s in f.sessions] + [f.acts[a] for a in ("appraisal_notified", "seized") if a in f.acts])
        when = ready + timedelta(minutes=rng.randint(10, 40))
    number = _number_like(case, "当罚决", when.date())
    if number is None:
        return None
    case.docs = [d for d in case.docs if d.doc_type != "on_the_spot_penalty_decision"]
    f.doc_numbers["on_the_spot_penalty_decision"] = number
    f.acts["penalty_decided"] = f.acts["served"] = when
    f.penalty = f"罚款{cn_number(fine)}元"
    oral = f.extras.get("summons_mode") == "口头传唤"
    f.extras.update(on_the_spot=True, fine=fine, warning=False, penalty_text=f.penalty)
    f.extras["penalty_place"] = f.incident_place if oral else f.agency.name + f.agency.station
    doc = build_on_the_spot_decision(_context(case, rng))
    doc.file_stem = "00_当场处罚决定书"
    case.docs.append(doc)
    _renumber(case)
    return doc


def _penalty_money(doc: DocSpec) -> Seg | None:
    """The 罚款 amount in the line that decides the penalty."""
    for line in doc.lines:
        if "决定" in line.text and "罚款" in line.text:
            for cell in line.cells:
                for s in cell:
                    if s.type == "MONEY":
                        return s
    return None


# --- AD-12: 当场处罚 with a fine above its cap ------------------------------------------------------------------


@defect("on_the_spot_fine_over_cap", "procedure", "AD-12", "当场处罚罚款超出法定数额", _ADMIN)
def on_the_spot_fine_over_cap(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """A fine the cited article allows, but above what a 当场处罚 may impose (200元; 500元 from 2026), decided on the
    spot: a 当场处罚决定书 takes the place of the 告知/决定 papers (or the one on file gets the larger fine)."""
    f = case.facts
    version = str(f.extras.get("psapl_version") or "2012")
    band = _fine_only_band(case, version)
    on_file = docs_of(case, "on_the_spot_penalty_decision")
    if band is None or f.case_type in _NO_ON_THE_SPOT or "seized" in f.acts or f.suspects[0].guardian is not None:
        return None
    if not on_file and not _decided_generally(case):
        return None
    cap = _SPOT_CAP[version]
    options = [v for v in range(cap + 50, min(band[1], 1000) + 1, 50) if v >= band[0]]
    if not options:
        return None
    doc = _decide_on_the_spot(case, rng, rng.choice(options))
    money = _penalty_money(doc) if doc else None
    if doc is None or money is None:
        return None
    return PlantedDefect(
        "on_the_spot_fine_over_cap", "procedure", "AD-12", doc, [money], note=f"当场处罚{f.penalty}，超过{cap}元"
    )


# --- AD-12-2: 当场处罚 of a 赌博 or 吸毒 case -------------------------------------------------------------------

_BARRED_MATTER = re.compile(r"赌博|赌资|吸毒|毒品|吸食|卖淫|嫖娼")


@defect("on_the_spot_barred_matter", "procedure", "AD-12-2", "涉赌涉毒案件适用当场处罚", _ADMIN)
def on_the_spot_barred_matter(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """A 赌博 or 吸毒 case (程序规定 第三十七条: never 当场处罚) closed with a 当场处罚决定书 and a fine within the
    当场 cap, so only the choice of procedure is wrong."""
    f = case.facts
    version = str(f.extras.get("psapl_version") or "2012")
    band = _fine_only_band(case, version)
    if f.case_type not in ("gambling_admin", "drug_use_admin") or band is None or not _decided_generally(case):
        return None
    options = [v for v in range(max(50, band[0]), _SPOT_CAP[version] + 1, 50)]
    doc = _decide_on_the_spot(case, rng, rng.choice(options)) if options else None
    if doc is None:
        return None
    facts_line = next((line for line in doc.lines if line.text.startswith("现查明")), None)
    hits = [s for cell in facts_line.cells for s in cell if _BARRED_MATTER.search(s.text)] if facts_line else []
    if not hits:
        return None
    return PlantedDefect(
        "on_the_spot_barred_matter", "procedure", "AD-12-2", doc, hits[:2], note=f"{f.cause}案件当场处罚"
    )


def _mediate(case: GeneratedCase, rng: random.Random, facts_tail: str = "") -> DocSpec | None:
    """The case closed by 治安调解 instead of a penalty: the 告知/决定 papers give way to a 治安调解协议书 signed when
    the 告知 was to be made (after all the questioning and any appraisal). ``facts_tail`` ends its 主要事实."""
    f = case.facts
    if not f.victims or any(p.age_on(f.incident_time.date()) < 18 for p in (f.suspects[0], f.victims[0])):
        return None
    if not _decided_generally(case):
        return None
    mediated = _drop_general_procedure(case)
    number = _number_like(case, "调", mediated.date())
    if number is None:
        return None
    f.doc_numbers["mediation_agreement"] = number
    f.acts["mediated"] = mediated
    suspect, victim = f.suspects[0], f.victims[0]
    if f.amount:
        money, loss = f.amount, (f"{f.items[0].name}的损失" if f.items else "财物损失")
    else:
        money, loss = rng.choice([300, 500, 800, 1000, 1500, 2000]), "医疗费、误工费等各项损失"
    f.penalty = ""
    f.extras.update(
        mediated=True,
        on_the_spot=False,
        fine=0,
        warning=False,
        penalty_text="",
        mediation_end=mediated + timedelta(minutes=rng.randint(30, 90)),
        mediation_terms=f"经调解，双方自愿达成如下协议：甲方{suspect.name}一次性赔偿乙方{victim.name}{loss}共计人民币"
        f"{money}元；乙方对甲方的行为表示谅解，双方就此事不再追究。",
        mediation_performance="甲方于本协议签订时当场以现金方式一次性付清，乙方当场收讫。",
        mediation_present=f.witnesses[0].name if f.witnesses and rng.random() < 0.3 else "",
    )
    told = f.narrative
    if facts_tail:
        f.narrative = f.narrative.rstrip("。") + facts_tail
    doc = build_mediation_agreement(_context(case, rng))
    f.narrative = told
    doc.file_stem = "00_治安调解协议书"
    case.docs.append(doc)
    _renumber(case)
    return doc


def _facts_segments(doc: DocSpec, pattern: re.Pattern[str]) -> list[Seg]:
    """The segments of the 主要事实 (调解协议书) or 现查明 (决定书) that match ``pattern``."""
    for line in doc.lines:
        if line.text.startswith(("主要事实", "现查明")):
            return [s for cell in line.cells for s in cell if pattern.search(s.text)]
    return []


# --- AD-19: 治安调解 of a case the law bars from it -------------------------------------------------------------


@defect("barred_case_mediated", "procedure", "AD-19", "不得调解的治安案件以调解结案", _ADMIN)
def barred_case_mediated(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """A 寻衅滋事 case closed by 治安调解 (程序规定 第一百七十九条: 结伙斗殴或者其他寻衅滋事的 not to be mediated)."""
    if case.facts.case_type != "provocation_admin":
        return None
    doc = _mediate(case, rng, facts_tail=rng.choice(["，其行为属寻衅滋事。", "，系寻衅滋事。"]))
    hits = _facts_segments(doc, re.compile("寻衅滋事")) if doc else []
    if doc is None or not hits:
        return None
    return PlantedDefect("barred_case_mediated", "procedure", "AD-19", doc, hits[-1:], note="寻衅滋事案件调解结案")


# --- ACC-10: an injury of 轻伤 closed by 治安调解 ---------------------------------------------------------------

_LIGHT_INJURY = re.compile(r"轻伤[一二]级")


@defect("light_injury_mediated", "procedure", "ACC-10", "伤情已达轻伤却调解结案", _ADMIN)
def light_injury_mediated(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 鉴定意见 finds 轻伤 (a crime: 故意伤害罪), yet the 殴打他人 case is closed by 治安调解 — 降格处理.
    Every paper that gave the grade gives 轻伤 now; a case without a 鉴定 gets the sentence in its 主要事实."""
    f = case.facts
    if f.case_type != "assault_admin" or not f.victims:
        return None
    grade = rng.choice(["轻伤二级", "轻伤二级", "轻伤一级"])
    victim = f.victims[0].name
    graded = "轻微伤" in f.narrative
    mediations = docs_of(case, "mediation_agreement")
    if not mediations:
        tail = "" if graded else f"。经鉴定，{victim}的损伤程度为{grade}。"
        doc = _mediate(case, rng, facts_tail=tail)
        if doc is None:
            return None
    elif len(mediations) == 1 and f.suspects[0].age_on(f.incident_time.date()) >= 18:
        doc = mediations[0]
        if not graded:
            for line in doc.lines:
                if line.text.startswith("主要事实"):
                    line.cells[-1].append(Seg(f"经鉴定，{victim}的损伤程度为{grade}。", tag="主要事实"))
    else:
        return None
    if graded:
        for paper in case.docs:
            for _, _, s in paper.segments():
                s.text = s.text.replace("轻微伤", grade)
        f.narrative = f.narrative.replace("轻微伤", grade)
        f.extras["injury_grade"] = grade
    hits = _facts_segments(doc, _LIGHT_INJURY)
    if not hits:
        return None
    return PlantedDefect("light_injury_mediated", "procedure", "ACC-10", doc, hits[-1:], note=f"{grade}调解结案")


def _replace_text(doc: DocSpec, old: str, new: str) -> list[Seg]:
    """Rewrite every ``old`` inside a cell of ``doc`` as ``new`` (one plain segment carrying the tag of the text it
    replaces); returns the new segments. Plain segments are split at the edges; an occurrence that would cut an entity
    segment in two is left alone."""
    made: list[Seg] = []
    for line in doc.lines:
        for cell in line.cells:
            text = "".join(s.text for s in cell)
            for m in reversed(list(re.finditer(re.escape(old), text))):
                bounds, pos = [], 0
                for s in cell:
                    bounds.append((pos, pos + len(s.text)))
                    pos += len(s.text)
                inside = [i for i, (a, b) in enumerate(bounds) if a < m.end() and b > m.start()]
                first, last = inside[0], inside[-1]
                cut_first, cut_last = m.start() > bounds[first][0], m.end() < bounds[last][1]
                if (cut_first and cell[first].type) or (cut_last and cell[last].type):
                    continue
                tags = {cell[i].tag for i in inside}
                fresh = Seg(new, tag=tags.pop() if len(tags) == 1 else None)
                head = [Seg(cell[first].text[: m.start() - bounds[first][0]], tag=cell[first].tag)] if cut_first else []
                tail = [Seg(cell[last].text[m.end() - bounds[last][0] :], tag=cell[last].tag)] if cut_last else []
                cell[first : last + 1] = [*head, fresh, *tail]
                made.append(fresh)
    return made


def _add_article(doc: DocSpec, article: str) -> bool:
    """Cite one more article of the same law in the last 根据…之规定 of ``doc`` (the penalty's basis, after any
    procedure article a 告知 cites first): 第四十三条第一款、第二十六条第二项."""
    spots = [
        (cell, i)
        for line in doc.lines
        for cell in line.cells
        for i, s in enumerate(cell[:-1])
        if s.type == "LAW_CITATION" and cell[i + 1].text.startswith("之规定")
    ]
    if not spots:
        return False
    cell, i = spots[-1]
    cell[i + 1 : i + 1] = [Seg("、"), Seg(article, "LAW_CITATION", tag="citation")]
    return True


# --- AD-18: 行政拘留 served together beyond twenty days ----------------------------------------------------------

_PROVOCATION_ITEM = {"2012": "第二十六条第二项", "2025": "第三十条第二项"}


@defect("merged_detention_over_20", "procedure", "AD-18", "行政拘留合并执行超过二十日", _ADMIN)
def merged_detention_over_20(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """A second violation (追逐、拦截他人, 情节较重: ten to fifteen days) decided with the first, the two 拘留 served
    together for more than twenty days (治安管理处罚法 第十六条). Each term is within its article, only the sum is
    not."""
    f = case.facts
    first = int(f.extras.get("detention_days") or 0)
    decisions = docs_of(case, "administrative_penalty_decision")
    if (
        f.case_type == "provocation_admin"
        or first < 6
        or not f.extras.get("detention_executed")
        or len(decisions) != 1
        or "合并执行" in decisions[0].text()
    ):
        return None
    version = str(f.extras.get("psapl_version") or "2012")
    second = rng.randint(max(10, 21 - first), 15)
    old = f"行政拘留{cn_number(first)}日"
    merged = f"{f.cause}{old}，寻衅滋事行政拘留{cn_number(second)}日，合并执行行政拘留{cn_number(first + second)}日"
    decision = decisions[0]
    if not _replace_text(decision, old, merged) or not _add_article(decision, _PROVOCATION_ITEM[version]):
        return None
    fact = f"同日，{f.suspects[0].name}还无故追逐、拦截他人，情节较重。"
    for line in decision.lines:
        if line.text.startswith("现查明"):
            line.cells[-1].append(Seg(fact))
    # the 告知 and the 审批 named the same penalty; the family is told of the days served
    for doc in docs_of(case, "penalty_notice_record", "approval_form"):
        if _replace_text(doc, old, merged):
            _add_article(doc, _PROVOCATION_ITEM[version])
    for doc in docs_of(case, "penalty_family_notice"):
        _replace_text(doc, old, f"合并执行行政拘留{cn_number(first + second)}日")
    f.extras["detention_days"] = first + second
    hits = [s for _, _, s in decision.segments() if "合并执行" in s.text]
    return PlantedDefect(
        "merged_detention_over_20", "procedure", "AD-18", decision, hits[:1], note=f"合并执行{first + second}日"
    )


# --- AD-17: 从重 for an earlier penalty outside the look-back window ----------------------------------------------

_AGGRAVATION = {"2012": ("第二十条第四项", 6), "2025": ("第二十二条第四项", 12)}


def _months_before(day: date, months: int) -> date:
    month = day.month - 1 - months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, 28))


@defect("stale_prior_aggravation", "procedure", "AD-17", "从重处罚所依据的前次处罚已超出法定期间", _ADMIN)
def stale_prior_aggravation(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 决定书 gives a 违法经历 one to five months past the window (六个月内 in the 2012 text, 一年以内 from 2026)
    and still aggravates for 曾受过治安管理处罚. The person's own 询问笔录 answers with the same earlier penalty."""
    f = case.facts
    decisions = docs_of(case, "administrative_penalty_decision")
    if len(decisions) != 1 or f.suspects[0].guardian is not None or "从重" in decisions[0].text():
        return None
    doc = decisions[0]
    if not re.search(r"现查明[：:]\s*\d{4}年\d{1,2}月\d{1,2}日", doc.text()):
        return None
    version = str(f.extras.get("psapl_version") or "2012")
    article, months = _AGGRAVATION[version]
    prior = _months_before(f.incident_time.date(), months + rng.randint(1, 5))
    offence = f.cause  # the same kind of conduct: another matter would read as a second qualification
    penalty = rng.choice([("罚款", "二百元"), ("罚款", "五百元"), ("行政拘留五日", ""), ("警告", "")])
    name = f.suspects[0].name

    def record() -> list[Seg]:
        tail = [Seg(penalty[1], "MONEY", tag="违法经历")] if penalty[1] else []
        return [
            Seg(DateStyle(pad=_padded(case)).day(prior), "DATETIME", tag="违法经历"),
            Seg(f"因{offence}被", tag="违法经历"),
            Seg(f.agency.name, "ORG", tag="违法经历"),
            Seg(penalty[0], tag="违法经历"),
            *tail,
        ]

    value = record()
    field = [line for line in doc.lines if line.text.startswith("违法经历")]
    if field:
        field[0].cells = [[Seg("违法经历："), *value]]
    else:
        at = next((i for i, line in enumerate(doc.lines) if line.text.startswith("违法行为人")), None)
        if at is None:
            return None
        doc.lines.insert(at + 1, Line([[Seg("违法经历："), *value]]))
    basis = next((i for i, line in enumerate(doc.lines) if "现决定" in line.text), None)
    if basis is None:
        return None
    relied = Seg(f"{PSAPL}{article}", "LAW_CITATION", tag="citation")
    doc.lines.insert(basis, Line([[Seg(f"{name}曾受过治安管理处罚，依照"), relied, Seg("之规定，从重处罚。")]]))
    # what the person said when asked about earlier penalties
    for paper in docs_of(case, "interview_record"):
        for i, line in enumerate(paper.lines[:-1]):
            asked = (
                line.text.startswith("问：") and "以前" in line.text and ("处理" in line.text or "处罚" in line.text)
            )
            if asked and paper.lines[i + 1].text == "答：没有。" and name in paper.text():
                paper.lines[i + 1].cells = [[Seg("答："), *[Seg(s.text, s.type) for s in record()], Seg("。")]]
    f.extras["record"] = "".join(s.text for s in value)
    return PlantedDefect(
        "stale_prior_aggravation", "procedure", "AD-17", doc, [value[0], relied], note=f"前次处罚在{prior}，已逾期"
    )


# --- ACC-11: punished after the six months in which the police did not learn of it ----------------------------------


@defect("offence_past_limitation", "time_limit", "ACC-11", "超过追究时效仍予治安管理处罚", _ADMIN)
def offence_past_limitation(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """A 诈骗 the victim found out about (后来发现被骗了) and reported seven to eleven months after it took place,
    yet a penalty is decided (治安管理处罚法 第二十二条 / 2025 第二十五条: 六个月内没有被公安机关发现的，不再处罚).
    Every paper that dates the conduct dates it so; the 接报 and what follows keep their dates."""
    f = case.facts
    registers = docs_of(case, "case_acceptance_register")
    decisions = docs_of(case, "administrative_penalty_decision")
    if (
        f.case_type != "fraud_admin"  # the one story whose victim learns of the conduct later
        or f.extras.get("summons_mode") != "传唤证"
        or len(registers) != 1
        or len(decisions) != 1
    ):
        return None
    t = f.incident_time
    back = _months_before(t.date(), rng.randint(7, 11))
    moved = datetime.combine(back, t.time())
    if str(f.extras.get("psapl_version")) != ("2025" if back >= date(2026, 1, 1) else "2012"):
        return None  # the conduct would fall under the other 治安管理处罚法
    swaps = {fmt_approx(t): fmt_approx(moved), spoken(t): spoken(moved)}
    for doc in case.docs:
        for _, _, s in doc.segments():
            for old, new in swaps.items():
                s.text = s.text.replace(old, new)
    for old, new in swaps.items():
        f.narrative = f.narrative.replace(old, new)
    f.incident_time = moved
    stated = [s for s in _facts_segments(decisions[0], re.compile(re.escape(fmt_approx(moved))))]
    accepted = registers[0].find("act:case_accepted")
    if not stated or not accepted:
        return None
    return PlantedDefect(
        "offence_past_limitation",
        "time_limit",
        "ACC-11",
        decisions[0],
        [stated[0], accepted[0]],
        note=f"违法行为发生于{moved:%Y-%m-%d}，受案已逾六个月",
    )


# --- AD-15: the 鉴定意见 served more than five days after it came in ------------------------------------------------


@defect("late_opinion_service", "time_limit", "AD-15", "鉴定意见未在五日内送达", _ADMIN)
def late_opinion_service(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """One party's 鉴定意见通知书 served six to ten days after the 鉴定意见 is dated (程序规定 第九十七条第二款:
    五日内); the other party's stays on time."""
    f = case.facts
    appraised = tagged(case, "act:appraised", "expert_opinion")
    notices = [d for d in docs_of(case, "expert_opinion_notice") if d.find("act:appraisal_notified")]
    if not appraised or not notices or f.acts.get("appraised") is None:
        return None
    doc = rng.choice(notices)
    day = f.acts["appraised"].date() + timedelta(days=rng.randint(6, 10))
    late = datetime.combine(day, datetime.min.time()) + timedelta(hours=rng.randint(9, 16), minutes=rng.randint(0, 59))
    if late.year != f.acts["appraised"].year:
        return None  # the notice's 文号 is numbered in the year it is made
    served = doc.find("act:appraisal_notified")
    for s in served:
        s.text = format_like(s.text, late)
    for s in doc.find("doc_date"):
        s.text = format_like(s.text, late.date())
    doc.date = late.date()
    return PlantedDefect(
        "late_opinion_service",
        "time_limit",
        "AD-15",
        doc,
        [served[0], appraised[0][1]],
        note=f"鉴定意见作出后{(late.date() - f.acts['appraised'].date()).days}日送达",
    )


# --- AD-09: a fine that calls for a hearing, and no word of one --------------------------------------------------

# 情节严重 of 赌博 (2012 第七十条: 十日以上十五日以下拘留，并处五百元以上三千元以下罚款; 2025 第八十二条: 并处一千元以上
# 五千元以下) and 吸食毒品 (2012 第七十二条: 可以并处二千元以下罚款): fines at or above the hearing threshold (2000元;
# 4000元 from 2026).
_HEARING_FINES = {
    ("gambling_admin", "2012"): [2000, 2500, 3000],
    ("gambling_admin", "2025"): [4000, 4500, 5000],
    ("drug_use_admin", "2012"): [2000],
}


@defect("hearing_not_offered", "procedure", "AD-09", "拟处较大数额罚款未告知听证权利", _ADMIN)
def hearing_not_offered(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """A serious case (情节严重: ten to fifteen days and a fine at or above the hearing threshold) told, approved and
    decided without telling the person of the right to a hearing (治安管理处罚法 2012 第九十八条 / 2025
    第一百一十七条)."""
    f = case.facts
    version = str(f.extras.get("psapl_version") or "2012")
    fines = _HEARING_FINES.get((f.case_type, version))
    days = int(f.extras.get("detention_days") or 0)
    decisions = docs_of(case, "administrative_penalty_decision")
    if not fines or not days or not f.extras.get("detention_executed") or len(decisions) != 1 or not f.penalty:
        return None
    if any("听证" in d.text() for d in case.docs) or not docs_of(case, "penalty_notice_record"):
        return None
    new_days, fine = max(days, rng.randint(10, 15)), rng.choice(fines)
    penalty = f"行政拘留{cn_number(new_days)}日，并处罚款{cn_number(fine)}元"
    decision = decisions[0]
    stated = _replace_text(decision, f.penalty, penalty)
    told = [s for d in docs_of(case, "penalty_notice_record") for s in _replace_text(d, f.penalty, penalty)]
    if not stated or not told:
        return None
    for doc in docs_of(case, "approval_form"):
        _replace_text(doc, f.penalty, penalty)
    for doc in docs_of(case, "penalty_family_notice"):
        _replace_text(doc, f"行政拘留{cn_number(days)}日", f"行政拘留{cn_number(new_days)}日")
    if "罚款" not in f.penalty:  # the decision now says how the fine is paid, as one with a fine does
        for i, line in enumerate(decision.lines):
            if line.text.startswith("执行方式和期限"):
                paid = "被处罚人持本决定书在十五日内到指定银行缴纳罚款。"
                line.cells[-1].append(Seg(paid, tag="执行方式和期限"))
                late = "逾期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款本数。"
                decision.lines.insert(i + 1, Line([[Seg(late)]]))
                break
    f.penalty = penalty
    f.extras.update(detention_days=new_days, fine=fine, penalty_text=penalty)
    return PlantedDefect(
        "hearing_not_offered", "procedure", "AD-09", decision, [stated[0], told[0]], note=f"罚款{fine}元，未告知听证"
    )
