"""The defect catalogue: what can be wrong in a case file, planted into a clean generated case.

Each defect kind is a function that looks for the documents and tagged segments it needs, changes them the way a
real mistake would, and returns the PlantedDefect (category, the rule it should trigger, the evidence segments) —
or None when this case cannot carry it. Hard negatives are features that look wrong but are lawful; a reviewer
must stay silent on them.

Categories and rule ids follow the report (docs/REPORT.md) and the rule catalogue (../shared/docs/RULES.md);
defects whose rule the reviewer does not implement yet are planted too, so the evaluation shows the gap.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from corpora.generator.model import DocSpec, GeneratedCase, Line, PlantedDefect, Seg
from corpora.generator.textutil import cn_number, format_like

DefectFn = Callable[[GeneratedCase, random.Random], PlantedDefect | None]


@dataclass(frozen=True)
class DefectKind:
    key: str
    category: str
    rule_id: str
    title: str
    apply: DefectFn
    kinds: tuple[str, ...] = ("criminal", "administrative")


CATALOGUE: dict[str, DefectKind] = {}


_BOTH = ("criminal", "administrative")


def defect(
    key: str, category: str, rule_id: str, title: str, kinds: tuple[str, ...] = _BOTH
) -> Callable[[DefectFn], DefectFn]:
    def register(fn: DefectFn) -> DefectFn:
        CATALOGUE[key] = DefectKind(key, category, rule_id, title, fn, kinds)
        return fn

    return register


# --- helpers --------------------------------------------------------------------------------------------------------


def docs_of(case: GeneratedCase, *doc_types: str) -> list[DocSpec]:
    return [d for d in case.docs if d.doc_type in doc_types]


def tagged(case: GeneratedCase, tag: str, *doc_types: str) -> list[tuple[DocSpec, Seg]]:
    out = []
    for doc in case.docs:
        if doc_types and doc.doc_type not in doc_types:
            continue
        out.extend((doc, seg) for seg in doc.find(tag))
    return out


def isolate_label(doc: DocSpec, value: Seg, label: str) -> Seg | None:
    """The segment holding exactly ``label`` nearest before ``value``; splits a longer one ('接报时间：') in place."""
    best: tuple[Line, list[Seg], int, int] | None = None
    for line in doc.lines:
        for cell in line.cells:
            for i, seg in enumerate(cell):
                if seg is value:
                    if best is None:
                        return None
                    _, cell_b, i_b, pos = best
                    seg_b = cell_b[i_b]
                    if seg_b.text == label:
                        return seg_b
                    before, after = seg_b.text[:pos], seg_b.text[pos + len(label) :]
                    parts = [Seg(before)] if before else []
                    label_seg = Seg(label)
                    parts.append(label_seg)
                    if after:
                        parts.append(Seg(after))
                    cell_b[i_b : i_b + 1] = parts
                    return label_seg
                if seg.type is None and seg.tag is None and label in seg.text:
                    best = (line, cell, i, seg.text.rfind(label))
    return None


def _set_moment(case: GeneratedCase, tag: str, when: datetime) -> list[tuple[DocSpec, Seg]]:
    """Rewrite every segment tagged ``tag`` (the act's time wherever it is written) to ``when``, keeping style."""
    hits = tagged(case, tag)
    for _, seg in hits:
        seg.text = format_like(seg.text, when)
    return hits


def _redate_doc(case: GeneratedCase, doc: DocSpec, day: date) -> None:
    """Move a paper's 落款 to ``day``; its 文号 is numbered in the year it is made, so that year follows the date."""
    doc.date = day
    for seg in doc.find("doc_date"):
        seg.text = format_like(seg.text, day)
    for seg in doc.find("doc_number"):
        seg.text = re.sub(r"〔\d{4}〕", f"〔{day.year}〕", seg.text)
        case.facts.doc_numbers[doc.doc_type] = seg.text


def _other_valid_id(number: str, rng: random.Random) -> str:
    from corpora.generator.people import id_check_char  # the generator's own GB 11643 implementation

    while True:
        seq = f"{rng.randrange(0, 1000):03d}"
        # keep the gender digit's parity so only the number, not the person, changes
        if int(seq[2]) % 2 != int(number[16]) % 2 or seq == number[14:17]:
            continue
        first17 = number[:14] + seq
        return first17 + id_check_char(first17)


_SEPARATORS = ("、", "，", ",", "；", " ")


# --- missing elements -----------------------------------------------------------------------------------------------


def drop_lines(doc: DocSpec, pattern: str, kind: str, rule_id: str, note: str) -> PlantedDefect | None:
    """A ``missing_element`` defect: the lines of ``doc`` matching ``pattern`` removed, the evidence its title.

    Nothing changes when the document has no title to point at or no line matches.
    """
    title = doc.find("title")[:1]
    if not title or not any(re.search(pattern, line.text) for line in doc.lines):
        return None
    doc.lines = [line for line in doc.lines if not re.search(pattern, line.text)]
    return PlantedDefect(kind, "missing_element", rule_id, doc, title, note=note)


def _blank_field(
    case: GeneratedCase, rng: random.Random, doc_type: str, labels: list[str]
) -> tuple[DocSpec, Seg, Seg] | None:
    docs = docs_of(case, doc_type)
    rng.shuffle(labels)
    for doc in docs:
        for label in labels:
            for value in doc.find(label):
                if not value.text or value.text == label:
                    continue
                label_seg = isolate_label(doc, value, label)
                if label_seg is None:
                    continue
                # The whole value goes blank: every segment of it in its cell ("李明" "、" "赵刚").
                for line in doc.lines:
                    for cell in line.cells:
                        if value in cell:
                            start = cell.index(value)
                            if start and cell[start - 1].text.endswith("☑"):
                                # a check box left blank is one nobody ticked, not a tick beside erased words
                                cell[start - 1].text = cell[start - 1].text[:-1] + "□"
                                value.tag = None
                                continue
                            for seg in cell[start:]:
                                if seg.tag != label and not (seg.tag is None and seg.text in _SEPARATORS):
                                    break
                                seg.text, seg.type, seg.role = "", None, None
                return doc, label_seg, value
    return None


def blank_field_defect(
    case: GeneratedCase, rng: random.Random, kind: str, rule: str, doc_type: str, labels: list[str]
) -> PlantedDefect | None:
    """A ``missing_element`` defect: one of ``labels`` of a ``doc_type`` paper left blank (``_blank_field``)."""
    hit = _blank_field(case, rng, doc_type, labels)
    if hit is None:
        return None
    doc, label, _ = hit
    return PlantedDefect(kind, "missing_element", rule, doc, [label], note=f"“{label.text}”留空")


@defect("blank_acceptance_field", "missing_element", "EL-CR-01-1", "受案登记表栏目空白")
def blank_acceptance_field(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    labels = ["接报时间", "受案意见", "接报民警", "案件来源"]
    return blank_field_defect(case, rng, "blank_acceptance_field", "EL-CR-01-1", "case_acceptance_register", labels)


@defect("blank_interrogation_field", "missing_element", "EL-CR-06-1", "讯问笔录首部项目空白", ("criminal",))
def blank_interrogation_field(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    labels = ["地点", "记录人"]
    return blank_field_defect(case, rng, "blank_interrogation_field", "EL-CR-06-1", "interrogation_record", labels)


# --- missing documents --------------------------------------------------------------------------------------------


def _drop(case: GeneratedCase, doc_type: str) -> bool:
    held = {id(seg) for d in case.defects for seg in d.evidence}
    if any(d.doc_type == doc_type and any(id(seg) in held for _, _, seg in d.segments()) for d in case.docs):
        return False  # the paper shows a defect planted before: dropping it would leave that gold pointing nowhere
    before = len(case.docs)
    case.docs = [d for d in case.docs if d.doc_type != doc_type]
    return len(case.docs) < before


@defect("missing_acceptance_register", "missing_document", "ACC-01", "缺受案登记表")
def missing_acceptance_register(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    triggers = docs_of(case, "case_filing_decision", "administrative_penalty_decision")
    if not triggers or not _drop(case, "case_acceptance_register"):
        return None
    title = triggers[0].find("title")
    if not title:
        return None
    return PlantedDefect("missing_acceptance_register", "missing_document", "ACC-01", triggers[0], title[:1])


@defect("missing_penalty_notice", "missing_document", "AD-08-1", "缺行政处罚告知笔录", ("administrative",))
def missing_penalty_notice(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    decisions = docs_of(case, "administrative_penalty_decision")
    if not decisions or not _drop(case, "penalty_notice_record"):
        return None
    title = decisions[0].find("title")
    if not title:
        return None
    return PlantedDefect("missing_penalty_notice", "missing_document", "AD-08-1", decisions[0], title[:1])


# --- time limits and order ----------------------------------------------------------------------------------------


@defect("late_family_notice", "time_limit", "CR-04", "拘留后超24小时通知家属", ("criminal",))
def late_family_notice(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    detained = case.facts.acts.get("detained")
    if detained is None or not tagged(case, "act:family_notified") or not tagged(case, "act:detained"):
        return None
    late = detained + timedelta(hours=rng.randint(30, 90), minutes=rng.choice([0, 10, 20, 30, 40, 50]))
    if not any("时" in seg.text for _, seg in tagged(case, "act:family_notified")):
        # The notice is dated to the day only: a next-day date may lie within 24 hours, so it shows no delay.
        late = max(late, datetime.combine(detained.date() + timedelta(days=2), late.time()))
    hits = _set_moment(case, "act:family_notified", late)
    for doc in docs_of(case, "detention_notice"):
        _redate_doc(case, doc, late.date())
    case.facts.acts["family_notified"] = late
    det = tagged(case, "act:detained", "detention_warrant") or tagged(case, "act:detained")
    _, notice_seg = hits[0]
    return PlantedDefect(
        "late_family_notice",
        "time_limit",
        "CR-04",
        det[0][0],
        [det[0][1], notice_seg],
        note="拘留通知书通知时间超过拘留后24小时",
    )


@defect("filing_before_acceptance", "inconsistency", "CON-07-1", "立案早于受案", ("criminal",))
def filing_before_acceptance(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    accepted = case.facts.acts.get("case_accepted")
    filed_hits = tagged(case, "act:case_filed")
    accepted_hits = tagged(case, "act:case_accepted", "case_acceptance_register") or tagged(case, "act:report_received")
    if accepted is None or not filed_hits or not accepted_hits:
        return None
    early = (accepted - timedelta(days=rng.randint(2, 6))).replace(hour=rng.randint(9, 17), minute=0)
    _set_moment(case, "act:case_filed", early)
    for doc in docs_of(case, "case_filing_decision"):
        _redate_doc(case, doc, early.date())  # its 文号 year too, where the move crosses a new year (else CON-05-1)
    case.facts.acts["case_filed"] = early
    doc, seg = filed_hits[0]
    return PlantedDefect(
        "filing_before_acceptance",
        "inconsistency",
        "CON-07-1",
        accepted_hits[0][0],
        [accepted_hits[0][1], seg],
        note="立案决定书日期早于受案",
    )


@defect("late_arrest_request", "time_limit", "CR-06", "拘留后超期提请批准逮捕", ("criminal",))
def late_arrest_request(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """提请批捕 more than 3 days after 拘留 with no extension recorded (刑诉法 第九十一条)."""
    detained = case.facts.acts.get("detained")
    if detained is None or case.facts.extras.get("detention_extended") or not tagged(case, "act:arrest_requested"):
        return None
    late = detained + timedelta(days=rng.randint(5, 9), hours=rng.randint(0, 6))
    # The 检察院's answer (批准 / 不批准逮捕) follows the 提请: a 提请 dated on or after it would also put the 逮捕
    # before its 提请 (CON-07-7). Keep it at least a day before the answer, or give up where no late day is left.
    answered = case.facts.acts.get("arrest_approved") or case.facts.extras.get("arrest_disapproval_decided")
    if isinstance(answered, datetime) and late.date() >= answered.date():
        latest = answered.date() - timedelta(days=1)
        if latest <= detained.date() + timedelta(days=3):
            return None
        late = datetime.combine(latest, late.time())
    hits = _set_moment(case, "act:arrest_requested", late)
    for doc in docs_of(case, "arrest_request"):
        doc.date = late.date()
        for seg in doc.find("doc_date"):
            seg.text = format_like(seg.text, late.date())
    case.facts.acts["arrest_requested"] = late
    det = tagged(case, "act:detained", "detention_warrant") or tagged(case, "act:detained")
    if not det:
        return None
    return PlantedDefect(
        "late_arrest_request",
        "time_limit",
        "CR-06",
        hits[0][0],
        [hits[0][1], det[0][1]],
        note="拘留后超过三日提请批准逮捕，且无延长审批",
    )


@defect("notice_after_decision", "procedure", "AD-08-2", "处罚告知晚于处罚决定", ("administrative",))
def notice_after_decision(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 行政处罚告知笔录 is dated after the 处罚决定 (行政处罚法 第六十二条)."""
    decided = case.facts.acts.get("penalty_decided")
    notified = tagged(case, "act:penalty_notified")
    decided_hits = tagged(case, "act:penalty_decided", "administrative_penalty_decision")
    if decided is None or not notified or not decided_hits:
        return None
    late = decided + timedelta(days=rng.randint(1, 3), hours=rng.randint(1, 5))
    start_seg = notified[0][1]
    start_seg.text = format_like(start_seg.text, late)
    for _, seg in tagged(case, "session_end", "penalty_notice_record"):
        seg.text = format_like(seg.text, late + timedelta(minutes=rng.randint(15, 40)))
    case.facts.acts["penalty_notified"] = late
    return PlantedDefect(
        "notice_after_decision",
        "procedure",
        "AD-08-2",
        notified[0][0],
        [start_seg, decided_hits[0][1]],
        note="告知笔录时间晚于处罚决定日期",
    )


# --- procedure ----------------------------------------------------------------------------------------------------


@defect("single_officer_interrogation", "procedure", "PER-01", "讯问仅一名侦查人员", ("criminal",))
def single_officer_interrogation(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    for doc in docs_of(case, "interrogation_record"):
        askers, recorders = doc.find("讯问人"), doc.find("记录人")
        if not askers or not recorders:
            continue
        names = [s for s in askers if s.type == "PERSON"] or askers
        first = names[0]
        # One officer asks and records: in every 讯问人 value (header and signature block) keep only that officer.
        for line in doc.lines:
            for cell in line.cells:
                if any(seg.tag == "讯问人" for seg in cell):
                    kept: list[Seg] = []
                    seen_name = False
                    for seg in cell:
                        if seg.tag != "讯问人":
                            kept.append(seg)
                        elif seg.type == "PERSON" and not seen_name:
                            if seg is not first:
                                seg.text = first.text
                            kept.append(seg)
                            seen_name = True
                    cell[:] = kept
        for rec in recorders:
            if rec.type == "PERSON" or rec.text.strip():
                rec.text = first.text
        return PlantedDefect(
            "single_officer_interrogation", "procedure", "PER-01", doc, [first], note="讯问人、记录人为同一名侦查人员"
        )
    return None


# --- inconsistency ----------------------------------------------------------------------------------------------


def _id_segments(case: GeneratedCase) -> list[tuple[DocSpec, Seg]]:
    """ID numbers written as a person's particulars — not those quoted inside a 问/答 exchange."""
    out = []
    for doc in case.docs:
        for line in doc.lines:
            if line.text.startswith(("问：", "答：")):
                continue
            out.extend((doc, s) for cell in line.cells for s in cell if s.type == "ID_NUMBER" and s.tag and s.text)
    return out


@defect("bad_id_checksum", "inconsistency", "CON-02-1", "身份证号校验码错误")
def bad_id_checksum(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    hits = _id_segments(case)
    if not hits:
        return None
    doc, seg = rng.choice(hits)
    old = seg.text
    wrong = rng.choice([c for c in "0123456789X" if c != old[-1]])
    seg.text = old[:-1] + wrong
    return PlantedDefect("bad_id_checksum", "inconsistency", "CON-02-1", doc, [seg], note="末位校验码错误")


@defect("id_mismatch", "inconsistency", "CON-02-2", "同一人身份证号前后不一致")
def id_mismatch(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    by_person: dict[str, list[tuple[DocSpec, Seg]]] = {}
    for doc, seg in _id_segments(case):
        by_person.setdefault(seg.tag or "", []).append((doc, seg))
    candidates = [v for v in by_person.values() if len({id(d) for d, _ in v}) >= 2]
    if not candidates:
        return None
    hits = rng.choice(candidates)
    doc, seg = hits[-1]
    seg.text = _other_valid_id(seg.text, rng)
    keep = next(s for d, s in hits if d is not doc)
    return PlantedDefect("id_mismatch", "inconsistency", "CON-02-2", doc, [seg, keep], note="另一文书中号码不同")


_GENDERED_RECORDS = ("interrogation_record", "inspection_record")


@defect("gender_mismatch", "inconsistency", "CON-03", "性别与身份证号不符")
def gender_mismatch(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    hits = [(d, s) for d in case.docs for s in _tagged_prefix(d, "gender:") if s.text in ("男", "女")]
    hits = [(d, s) for d, s in hits if d.find("id:" + (s.tag or "")[7:])]
    # A man written as a woman in a 讯问/检查笔录 would also make it a woman questioned or examined without a female
    # officer (PER-06, PER-09): a second, unrecorded defect. Those records only have a woman written as a man.
    hits = [(d, s) for d, s in hits if not (s.text == "男" and d.doc_type in _GENDERED_RECORDS)]
    if not hits:
        return None
    doc, seg = rng.choice(hits)
    seg.text = "女" if seg.text == "男" else "男"
    id_seg = doc.find("id:" + (seg.tag or "")[7:])[0]
    return PlantedDefect("gender_mismatch", "inconsistency", "CON-03", doc, [seg, id_seg], note="性别写反")


@defect("birth_mismatch", "inconsistency", "CON-04", "出生日期与身份证号不符")
def birth_mismatch(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    hits = [(d, s) for d in case.docs for s in _tagged_prefix(d, "birth:") if s.text]
    hits = [(d, s) for d, s in hits if d.find("id:" + (s.tag or "")[6:])]
    if not hits:
        return None
    doc, seg = rng.choice(hits)
    m = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", seg.text)
    if not m:
        return None
    born = datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    shifted = born + timedelta(days=rng.choice([-400, -31, -1, 1, 2, 30, 365]))
    seg.text = format_like(seg.text, shifted.date())
    id_seg = doc.find("id:" + (seg.tag or "")[6:])[0]
    return PlantedDefect("birth_mismatch", "inconsistency", "CON-04", doc, [seg, id_seg], note="出生日期与号码不符")


def _tagged_prefix(doc: DocSpec, prefix: str) -> list[Seg]:
    return [s for _, _, s in doc.segments() if s.tag and s.tag.startswith(prefix)]


# --- citations ----------------------------------------------------------------------------------------------------


@defect("nonexistent_article", "citation", "CON-15-1", "引用不存在的条文")
def nonexistent_article(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    hits = [(d, s) for d in case.docs for _, _, s in d.segments() if s.type == "LAW_CITATION" and "刑法" in s.text]
    hits += [
        (d, s) for d in case.docs for _, _, s in d.segments() if s.type == "LAW_CITATION" and "治安管理处罚法" in s.text
    ]
    if not hits:
        return None
    doc, seg = rng.choice(hits)
    limit = 452 if "刑法" in seg.text else 144  # beyond every bundled version
    wrong = rng.randint(limit + 3, limit + 40)
    new, count = re.subn(r"第[〇零一二三四五六七八九十百千\d]+条", f"第{cn_number(wrong)}条", seg.text, count=1)
    if not count:
        return None
    seg.text = new
    return PlantedDefect("nonexistent_article", "citation", "CON-15-1", doc, [seg], note=f"第{wrong}条不存在")


# --- qualification ----------------------------------------------------------------------------------------------


def _raise_amount(
    case: GeneratedCase, rng: random.Random, low: int, high: int, rule: str, key: str
) -> PlantedDefect | None:
    decisions = docs_of(case, "administrative_penalty_decision")
    amounts = tagged(case, "amount")
    in_decision = [(d, s) for d, s in amounts if d.doc_type == "administrative_penalty_decision"]
    if not decisions or not in_decision:
        return None
    value = rng.randrange(low, high, 10)
    for _, seg in amounts:
        seg.text = re.sub(r"\d[\d,，.]*", str(value), seg.text, count=1)
    case.facts.amount = value
    decision = in_decision[0][0]
    return PlantedDefect(
        key,
        "qualification",
        rule,
        decision,
        # every mention the decision makes of the raised amount (现金人民币X元盗走 and 被盗物品价值人民币X元 alike)
        [s for d, s in in_decision if d is decision],
        note=f"数额{value}元达到刑事立案标准却作治安处罚",
    )


@defect("theft_over_threshold", "qualification", "THR-01", "盗窃数额较大却作治安处罚", ("administrative",))
def theft_over_threshold(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    if case.facts.case_type != "theft_admin":
        return None
    return _raise_amount(case, rng, 3200, 9000, "THR-01", "theft_over_threshold")


@defect("fraud_over_threshold", "qualification", "THR-02", "诈骗数额较大却作治安处罚", ("administrative",))
def fraud_over_threshold(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    if case.facts.case_type != "fraud_admin":
        return None
    return _raise_amount(case, rng, 12000, 40000, "THR-02", "fraud_over_threshold")


def applicable(case: GeneratedCase) -> list[DefectKind]:
    return [k for k in CATALOGUE.values() if case.facts.kind in k.kinds]


# --- hard negatives: lawful features that look like defects -----------------------------------------------------

HardNegativeFn = Callable[[GeneratedCase, random.Random], bool]
HARD_NEGATIVES: dict[str, HardNegativeFn] = {}


def hard_negative(key: str) -> Callable[[HardNegativeFn], HardNegativeFn]:
    def register(fn: HardNegativeFn) -> HardNegativeFn:
        HARD_NEGATIVES[key] = fn
        return fn

    return register


@hard_negative("late_notice_with_reason")
def late_notice_with_reason(case: GeneratedCase, rng: random.Random) -> bool:
    """Family told after 24 h, with the lawful reason written in the 拘留通知书 (刑诉法 第八十五条: 无法通知)."""
    detained = case.facts.acts.get("detained")
    notices = docs_of(case, "detention_notice")
    if detained is None or not notices or not tagged(case, "act:family_notified"):
        return False
    late = detained + timedelta(hours=rng.randint(28, 60), minutes=rng.choice([0, 15, 30, 45]))
    _set_moment(case, "act:family_notified", late)
    notice = notices[0]
    _redate_doc(case, notice, late.date())
    reason = rng.choice(
        [
            "因犯罪嫌疑人拒不提供家属联系方式，经多方查找无法通知，未在拘留后二十四小时以内通知其家属。",
            "因被拘留人家属电话长时间无法接通，无法通知，故未在二十四小时以内通知。",
        ]
    )
    # the reason goes right before the 落款 (the last lines of the notice)
    notice.lines.insert(max(1, len(notice.lines) - 2), Line([[Seg("未及时通知原因：" + reason)]]))
    case.facts.acts["family_notified"] = late
    return True


@hard_negative("same_day_filing")
def same_day_filing(case: GeneratedCase, rng: random.Random) -> bool:
    """立案 on the very day of 受案, a few hours later: lawful, and a naive order check on dates might misfire."""
    accepted = case.facts.acts.get("case_accepted")
    if accepted is None or not tagged(case, "act:case_filed") or accepted.hour >= 20:
        return False
    filed = accepted + timedelta(hours=rng.randint(1, 3))
    _set_moment(case, "act:case_filed", filed)
    for doc in docs_of(case, "case_filing_decision"):
        _redate_doc(case, doc, filed.date())  # 受案 on 12月31日 evening: the 立案 文号 takes the new year
    case.facts.acts["case_filed"] = filed
    return True


@hard_negative("amount_just_below_threshold")
def amount_just_below_threshold(case: GeneratedCase, rng: random.Random) -> bool:
    """An administrative theft worth just under the 3000-yuan default threshold: lawful to handle administratively."""
    if case.facts.case_type != "theft_admin" or not tagged(case, "amount"):
        return False
    value = rng.randrange(2500, 2990, 10)
    for _, seg in tagged(case, "amount"):
        seg.text = re.sub(r"\d[\d,，.]*", str(value), seg.text, count=1)
    case.facts.amount = value
    return True


# Defect kinds kept beside the rule families they test; importing them registers them in CATALOGUE.
from corpora.generator import (  # noqa: E402, F401
    defects_admin,
    defects_consistency,
    defects_criminal,
    defects_elements,
    defects_order,
    defects_personnel,
    defects_qualification,
)
