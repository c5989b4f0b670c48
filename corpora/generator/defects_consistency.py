"""Defect kinds for consistency, citation and threshold rules; registered in corpora.generator.defects.CATALOGUE on
import. Each one changes a clean case the way a real slip would (a name written by sound, a charge copied from
another case, a 2012 article number kept in an old template, a fact past the criminal threshold disposed of
administratively); the hard negatives at the end are lawful look-alikes the reviewer must pass.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

from corpora.generator.defects import (
    _id_segments,
    _raise_amount,
    defect,
    docs_of,
    hard_negative,
)
from corpora.generator.model import DocSpec, GeneratedCase, Line, PlantedDefect, Seg

# Given-name characters a clerk might write instead of the right one (同音、形近).
_NAME_CHARS = "伟为卫维明铭民敏军君俊峻华桦建健强蔷红虹宏鸿平萍文雯杰洁丽莉立利刚钢"


def _replace_in_doc(doc: DocSpec, old: str, new: str) -> list[Seg]:
    changed = []
    for _, _, s in doc.segments():
        if old in s.text:
            s.text = s.text.replace(old, new)
            changed.append(s)
    return changed


def _case_text(case: GeneratedCase) -> str:
    return "\n".join(d.text() for d in case.docs)


def _name_variant(name: str, rng: random.Random, taken: str) -> str | None:
    for _ in range(20):
        new = name[:-1] + rng.choice([c for c in _NAME_CHARS if c != name[-1]])
        if new not in taken:
            return new
    return None


def _linked_ids(case: GeneratedCase) -> dict[str, list[tuple[DocSpec, Seg]]]:
    """ID-number segments by the person they belong to (tag id:<name>), for people written in two documents."""
    by_person: dict[str, list[tuple[DocSpec, Seg]]] = {}
    for doc, s in _id_segments(case):
        if s.tag and s.tag.startswith("id:"):
            by_person.setdefault(s.tag[3:], []).append((doc, s))
    return {k: v for k, v in by_person.items() if len({id(d) for d, _ in v}) >= 2}


def _vary_name(
    case: GeneratedCase, rng: random.Random, keep: DocSpec | None = None
) -> tuple[DocSpec, DocSpec, str, str, Seg] | None:
    """Write one linked person's name another way in one document (never in ``keep``)."""
    linked = _linked_ids(case)
    if keep is not None:
        linked = {k: v for k, v in linked.items() if any(d is keep for d, _ in v)}
    if not linked:
        return None
    name = rng.choice(sorted(linked))
    hits = [(d, s) for d, s in linked[name] if d is not keep]
    doc, id_seg = hits[-1]
    first = next(d for d, _ in linked[name] if d is not doc)
    new = _name_variant(name, rng, _case_text(case))
    if new is None:
        return None
    _replace_in_doc(doc, name, new)
    # The document now speaks of "new": its particulars' tags follow, so identity defects planted later stay about
    # one written name (an ID changed there is compared with the documents that write the same name).
    for _, _, s in doc.segments():
        if s.tag and s.tag.split(":", 1) in ([p, name] for p in ("id", "gender", "birth")):
            s.tag = s.tag.split(":", 1)[0] + ":" + new
    return doc, first, name, new, id_seg


@defect("name_variant", "inconsistency", "CON-01", "同一当事人姓名在不同文书中写法不一")
def name_variant(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    hit = _vary_name(case, rng)
    if hit is None:
        return None
    doc, first, name, new, id_seg = hit
    evidence = [s for _, _, s in doc.segments() if s.type == "PERSON" and s.text == new][:3]
    evidence += [id_seg, *[s for _, _, s in first.segments() if s.type == "PERSON" and s.text == name][:2]]
    return PlantedDefect("name_variant", "inconsistency", "CON-01", doc, evidence, note=f"“{name}”写作“{new}”")


_CHARGE_DOCS = ("criminal_summons", "detention_warrant", "detention_notice", "arrest_request")
_OTHER_CHARGES = ["盗窃罪", "诈骗罪", "抢夺罪", "故意伤害罪", "寻衅滋事罪", "敲诈勒索罪", "掩饰、隐瞒犯罪所得罪"]


def _single_suspect_docs(case: GeneratedCase, needle: str) -> list[DocSpec]:
    if len(case.facts.suspects) != 1:
        return []
    return [d for d in docs_of(case, *_CHARGE_DOCS) if needle in d.text()]


@defect("charge_mismatch", "inconsistency", "CON-06", "涉嫌罪名在各文书中不一致", ("criminal",))
def charge_mismatch(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    charge = case.facts.charge
    docs = _single_suspect_docs(case, f"涉嫌{charge}")
    if len(docs) < 2:
        return None
    doc = rng.choice(docs[1:])
    other = rng.choice([c for c in _OTHER_CHARGES if c != charge and charge not in c and c not in charge])
    changed = _replace_in_doc(doc, f"涉嫌{charge}", f"涉嫌{other}")
    keep = [s for _, _, s in docs[0].segments() if f"涉嫌{charge}" in s.text][:1]
    return PlantedDefect("charge_mismatch", "inconsistency", "CON-06", doc, changed + keep, note=f"罪名写作{other}")


@defect("detention_place_mismatch", "inconsistency", "CON-12", "羁押处所在各文书中不一致", ("criminal",))
def detention_place_mismatch(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    center = case.facts.agency.detention_center
    docs = [d for d in _single_suspect_docs(case, center) if d.doc_type != "criminal_summons"]
    if len(docs) < 2 or not center.endswith("看守所"):
        return None
    doc = rng.choice(docs[1:])
    district = case.facts.agency.district
    options = [center.replace("看守所", "第二看守所"), center[: -len("看守所")] + district + "看守所"]
    other = rng.choice([o for o in options if o != center and o not in _case_text(case)] or [options[0]])
    changed = _replace_in_doc(doc, center, other)
    keep = [s for _, _, s in docs[0].segments() if s.text == center][:1]
    return PlantedDefect(
        "detention_place_mismatch", "inconsistency", "CON-12", doc, changed + keep, note=f"羁押处所写作{other}"
    )


@defect("wrong_appeal_period", "inconsistency", "CON-13", "决定书救济期限表述错误", ("administrative",))
def wrong_appeal_period(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    for doc in docs_of(case, "administrative_penalty_decision"):
        for line in doc.lines:
            segs = [s for cell in line.cells for s in cell]
            if "申请行政复议" not in "".join(s.text for s in segs):
                continue
            old, new, note = rng.choice(
                [
                    ("六十日内", rng.choice(["三十日内", "十五日内", "九十日内"]), "复议期限错误"),
                    ("六个月内", "三个月内", "诉讼期限错误"),
                ]
            )
            for s in segs:
                if old in s.text:
                    s.text = s.text.replace(old, new, 1)
                    return PlantedDefect("wrong_appeal_period", "inconsistency", "CON-13", doc, [s], note=note)
    return None


# --- citations ----------------------------------------------------------------------------------------------------


def _swap_citation(
    case: GeneratedCase, doc_types: tuple[str, ...], law: str, swaps: dict[str, str]
) -> tuple[DocSpec, Seg, str] | None:
    for doc in docs_of(case, *doc_types):
        for _, _, s in doc.segments():
            if s.type != "LAW_CITATION" or law not in s.text:
                continue
            for old, new in swaps.items():
                if re.search(old + r"(?![一二三四五六七八九十百])", s.text):
                    s.text = re.sub(old + r"(?![一二三四五六七八九十百])", new, s.text, count=1)
                    return doc, s, new
    return None


def _old_cpl(
    case: GeneratedCase, key: str, rule: str, doc_types: tuple[str, ...], swaps: dict[str, str]
) -> PlantedDefect | None:
    hit = _swap_citation(case, doc_types, "刑事诉讼法", swaps)
    if hit is None:
        return None
    doc, s, new = hit
    return PlantedDefect(key, "citation", rule, doc, [s], note=f"沿用2012年条号{new}")


@defect("old_cpl_summons", "citation", "CIT-02-1", "传唤证沿用刑事诉讼法2012年条号", ("criminal",))
def old_cpl_summons(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    return _old_cpl(case, "old_cpl_summons", "CIT-02-1", ("criminal_summons",), {"第一百一十九条": "第一百一十七条"})


@defect("old_cpl_detention", "citation", "CIT-02-2", "拘留证、拘留通知书沿用刑事诉讼法2012年条号", ("criminal",))
def old_cpl_detention(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    doc_types = ("detention_warrant", "detention_notice")
    return _old_cpl(
        case, "old_cpl_detention", "CIT-02-2", doc_types, {"第八十二条(?:第[一二三四五六七]项)?": "第八十条"}
    )


@defect("old_cpl_arrest", "citation", "CIT-02-3", "提请批准逮捕书沿用刑事诉讼法2012年条号", ("criminal",))
def old_cpl_arrest(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    # 第八十一条 (逮捕条件) and 第八十七条 (提请批准逮捕) become the 2012 numbers 第七十九条, 第八十五条: both segments.
    for doc in docs_of(case, "arrest_request"):
        segs = [s for _, _, s in doc.segments() if s.type == "LAW_CITATION"]
        first = next((s for s in segs if "刑事诉讼法》第八十一条" in s.text), None)
        second = next((s for s in segs if re.fullmatch(r"(?:《中华人民共和国刑事诉讼法》)?第八十七条.*", s.text)), None)
        if first is None or second is None:
            continue
        first.text = first.text.replace("第八十一条", "第七十九条", 1)
        second.text = second.text.replace("第八十七条", "第八十五条", 1)
        return PlantedDefect("old_cpl_arrest", "citation", "CIT-02-3", doc, [first, second], note="沿用2012年条号")
    return None


@defect(
    "summons_other_version", "citation", "CIT-04", "行政传唤证引用另一版本治安管理处罚法的传唤条号", ("administrative",)
)
def summons_other_version(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    swaps = {"第八十二条": "第九十六条", "第九十六条": "第八十二条"}
    hit = _swap_citation(case, ("administrative_summons",), "治安管理处罚法", swaps)
    if hit is None:
        return None
    doc, s, new = hit
    return PlantedDefect("summons_other_version", "citation", "CIT-04", doc, [s], note=f"传唤条号写作{new}")


_DETENTION_DAYS = re.compile(r"拘留[一二三四五六七八九十]+日")


@defect("penalty_over_range", "citation", "CIT-03", "拘留天数超出所引条款幅度", ("administrative",))
def penalty_over_range(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    for doc in docs_of(case, "administrative_penalty_decision"):
        if "合并执行" in doc.text():
            continue
        for _, _, s in doc.segments():
            if _DETENTION_DAYS.search(s.text) and "决定" not in s.text:
                days = rng.choice(["十六", "十八", "二十", "二十五"])
                s.text = _DETENTION_DAYS.sub(f"拘留{days}日", s.text, count=1)
                return PlantedDefect("penalty_over_range", "citation", "CIT-03", doc, [s], note=f"拘留{days}日")
    return None


# --- qualification: facts past the criminal threshold, disposed of administratively -------------------------------


def _add_fact(case: GeneratedCase, case_type: str, text: str) -> tuple[DocSpec, Seg] | None:
    """Append a sentence to the 现查明 paragraph of the 行政处罚决定书."""
    if case.facts.case_type != case_type:
        return None
    for doc in docs_of(case, "administrative_penalty_decision"):
        for line in doc.lines:
            if line.cells and line.cells[0] and line.cells[0][0].text.startswith("现查明"):
                s = Seg(text)
                line.cells[-1].append(s)
                return doc, s
    return None


def _suspect_name(case: GeneratedCase) -> str:
    return case.facts.suspects[0].name if case.facts.suspects else "违法行为人"


@defect("light_injury_admin", "qualification", "THR-07", "伤情已达轻伤却作治安处罚", ("administrative",))
def light_injury_admin(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    if not case.facts.victims or case.facts.suspects[0].age_on(case.facts.incident_time.date()) < 16:
        return None
    victim = case.facts.victims[0].name
    grade = rng.choice(["轻伤二级", "轻伤一级"])
    hit = _add_fact(case, "assault_admin", f"经鉴定，被侵害人{victim}的损伤程度为{grade}。")
    if hit is None:
        return None
    return PlantedDefect("light_injury_admin", "qualification", "THR-07", hit[0], [hit[1]], note=grade)


@defect("repeated_theft_admin", "qualification", "THR-01-2", "多次盗窃、扒窃却作治安处罚", ("administrative",))
def repeated_theft_admin(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    if case.facts.suspects[0].age_on(case.facts.incident_time.date()) < 16:
        return None
    name = _suspect_name(case)
    text = rng.choice([f"经查，{name}二年内盗窃三次。", f"经查，{name}二年内共盗窃4次。", f"经查，{name}系入户盗窃。"])
    hit = _add_fact(case, "theft_admin", text)
    if hit is None:
        return None
    return PlantedDefect("repeated_theft_admin", "qualification", "THR-01-2", hit[0], [hit[1]], note=text)


@defect(
    "gambling_house_admin", "qualification", "THR-08-2", "组织赌博抽头渔利五千元以上却作治安处罚", ("administrative",)
)
def gambling_house_admin(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    value = rng.randrange(5200, 20000, 100)
    hit = _add_fact(case, "gambling_admin", f"经查，{_suspect_name(case)}组织他人赌博，抽头渔利共计人民币{value}元。")
    if hit is None:
        return None
    return PlantedDefect("gambling_house_admin", "qualification", "THR-08-2", hit[0], [hit[1]], note=f"抽头{value}元")


@defect("drug_possession_admin", "qualification", "THR-09-1", "持有甲基苯丙胺十克以上却作治安处罚", ("administrative",))
def drug_possession_admin(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    if case.facts.suspects[0].age_on(case.facts.incident_time.date()) < 16:
        return None
    grams = f"{rng.randint(105, 400) / 10:.1f}"
    hit = _add_fact(case, "drug_use_admin", f"民警当场从其身上查获甲基苯丙胺一包，净重{grams}克。")
    if hit is None:
        return None
    return PlantedDefect("drug_possession_admin", "qualification", "THR-09-1", hit[0], [hit[1]], note=f"{grams}克")


@defect("damage_over_threshold", "qualification", "THR-05", "毁坏财物损失五千元以上却作治安处罚", ("administrative",))
def damage_over_threshold(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    if case.facts.case_type != "property_damage_admin":
        return None
    return _raise_amount(case, rng, 5200, 12000, "THR-05", "damage_over_threshold")


@defect(
    "seizure_over_threshold", "qualification", "THR-06-1", "强拿硬要价值一千元以上却作治安处罚", ("administrative",)
)
def seizure_over_threshold(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    decisions = docs_of(case, "administrative_penalty_decision")
    if case.facts.case_type != "provocation_admin" or not any(
        re.search("强拿硬要|强行.{0,12}索要", d.text()) for d in decisions
    ):
        return None
    return _raise_amount(case, rng, 1100, 3000, "THR-06-1", "seizure_over_threshold")


# --- hard negatives -------------------------------------------------------------------------------------------------


@hard_negative("alias_noted")
def alias_noted(case: GeneratedCase, rng: random.Random) -> bool:
    """A name written two ways, the other way asked and recorded as 曾用名 in the person's 笔录: lawful, explained."""
    linked = _linked_ids(case)
    records = [
        d
        for d in docs_of(case, "interrogation_record", "interview_record")
        if any(d is doc for hits in linked.values() for doc, _ in hits)
    ]
    if not records:
        return False
    record = rng.choice(records)
    hit = _vary_name(case, rng, keep=record)
    if hit is None:
        return False
    _, _, name, new, _ = hit
    # Asked at the end of the 首部 questions: before the closing 以上笔录 lines.
    at = max(1, len(record.lines) - 2)
    record.lines[at:at] = [
        Line([[Seg("问：你有无曾用名、别名？")]]),
        Line([[Seg(f"答：我曾用名{new}，后改名为{name}。")]]),
    ]
    return True


@hard_negative("injury_below_light")
def injury_below_light(case: GeneratedCase, rng: random.Random) -> bool:
    """The decision records that the injury was appraised and fell short of 轻伤: 治安处罚 is lawful."""
    victim = case.facts.victims[0].name if case.facts.victims else "被侵害人"
    return _add_fact(case, "assault_admin", f"经鉴定，{victim}的损伤程度未达到轻伤二级，属轻微伤。") is not None


@hard_negative("small_drug_amount")
def small_drug_amount(case: GeneratedCase, rng: random.Random) -> bool:
    """A user found with a small amount (under 10 g): 治安处罚 is the lawful disposal."""
    grams = f"{rng.randint(2, 95) / 10:.1f}"
    return _add_fact(case, "drug_use_admin", f"民警当场从其身上查获甲基苯丙胺一小包，净重{grams}克。") is not None


# --- 文号 and 案件编号 (CON-05) --------------------------------------------------------------------------------------

_YEAR_IN_NUMBER = re.compile(r"〔(\d{4})〕")
_OWN_NUMBER_DOCS = (
    "case_filing_decision",
    "criminal_summons",
    "administrative_summons",
    "detention_warrant",
    "detention_notice",
    "detention_extension_notice",
    "arrest_request",
    "seizure_decision",
    "administrative_penalty_decision",
    "prosecution_recommendation",
)


@defect("doc_number_year_mismatch", "inconsistency", "CON-05-1", "文号年份与落款年份不一致")
def doc_number_year_mismatch(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    docs = [d for d in docs_of(case, *_OWN_NUMBER_DOCS) if d.date is not None and d.find("doc_number")]
    if not docs:
        return None
    doc = rng.choice(docs)
    year = doc.date.year if doc.date else 0
    other = str(year + rng.choice([-1, -1, 1]))
    # Every copy of the number in the document (存根 and 正本 print it alike): the template carried the wrong year.
    changed = []
    for s in doc.find("doc_number"):
        m = _YEAR_IN_NUMBER.search(s.text)
        if m and m.group(1) == str(year):
            s.text = s.text[: m.start(1)] + other + s.text[m.end(1) :]
            changed.append(s)
    if not changed:
        return None
    dates = [s for s in doc.find("doc_date")] or [
        s for _, _, s in doc.segments() if s.type == "DATETIME" and s.tag and s.tag.startswith("act:")
    ][-1:]
    return PlantedDefect(
        "doc_number_year_mismatch", "inconsistency", "CON-05-1", doc, changed + dates[-1:], note=f"文号年份写作{other}"
    )


@defect("case_number_mismatch", "inconsistency", "CON-05-2", "案件编号在各文书中不一致")
def case_number_mismatch(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    hits = [(d, s) for d in case.docs for _, _, s in d.segments() if s.type == "CASE_NUMBER"]
    if len({id(d) for d, _ in hits}) < 2:
        return None
    doc, s = rng.choice(hits[1:])
    keep = next(x for d, x in hits if d is not doc)
    old = s.text
    # Two digits of the serial changed: another case's number, not a one-character slip an OCR could explain.
    tail = old[-2:]
    while tail[0] == old[-2] or tail[1] == old[-1]:
        tail = f"{rng.randint(0, 99):02d}"
    new = old[:-2] + tail
    for d, x in hits:
        if d is doc and x.text == old:
            x.text = new
    return PlantedDefect("case_number_mismatch", "inconsistency", "CON-05-2", doc, [s, keep], note=f"案件编号写作{new}")


# --- 警号 (CON-11) -------------------------------------------------------------------------------------------------

_BADGE_IN_SEG = re.compile(r"（警号(\d{6,7})）")


def _badge_segs(case: GeneratedCase) -> list[tuple[DocSpec, Seg, str, str]]:
    """(document, segment, officer name, 警号) for every 警号 written after an officer's name."""
    out = []
    for doc in case.docs:
        previous: Seg | None = None
        for _, _, s in doc.segments():
            m = _BADGE_IN_SEG.match(s.text)
            if m and previous is not None and previous.type == "PERSON" and previous.role in ("officer", "recorder"):
                out.append((doc, s, previous.text, m.group(1)))
            previous = s
    return out


def _far_badge(rng: random.Random, taken: set[str], width: int) -> str:
    """A 警号 two or more digits away from every one in the case (never an OCR-sized slip)."""
    while True:
        new = "".join(rng.choice("0123456789") for _ in range(width))
        if all(sum(a != b for a, b in zip(new, t, strict=False)) >= 2 for t in taken):
            return new


def _rewrite_badge(doc: DocSpec, name: str, old: str, new: str, hits: list[tuple[DocSpec, Seg, str, str]]) -> list[Seg]:
    changed = []
    for d, s, n, b in hits:
        if d is doc and n == name and b == old:
            s.text = s.text.replace(f"警号{old}", f"警号{new}", 1)
            changed.append(s)
    return changed


def _badge_docs(hits: list[tuple[DocSpec, Seg, str, str]]) -> dict[tuple[str, str], list[DocSpec]]:
    docs: dict[tuple[str, str], list[DocSpec]] = {}
    for d, _, n, b in hits:
        docs.setdefault((n, b), [])
        if all(d is not x for x in docs[(n, b)]):
            docs[(n, b)].append(d)
    return docs


@defect("badge_mismatch", "inconsistency", "CON-11", "同一民警警号在各文书中不一致")
def badge_mismatch(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    hits = _badge_segs(case)
    linked = {k: v for k, v in _badge_docs(hits).items() if len(v) >= 2}
    if not linked:
        return None
    name, old = rng.choice(sorted(linked))
    doc = rng.choice(linked[(name, old)][1:])
    new = _far_badge(rng, {b for _, _, _, b in hits}, len(old))
    changed = _rewrite_badge(doc, name, old, new, hits)
    keep = next(s for d, s, n, b in hits if d is linked[(name, old)][0] and n == name and b == old)
    return PlantedDefect(
        "badge_mismatch", "inconsistency", "CON-11", doc, [*changed, keep], note=f"{name}警号写作{new}"
    )


@defect("badge_shared", "inconsistency", "CON-11", "两名民警警号相同")
def badge_shared(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    hits = _badge_segs(case)
    pairs = _badge_docs(hits)
    options = [
        (doc, name, old, other_badge)
        for (name, old), docs in sorted(pairs.items())
        for (other, other_badge) in sorted(pairs)
        if other != name
        for doc in docs
        if sum(a != b for a, b in zip(old, other_badge, strict=False)) >= 2
    ]
    if not options:
        return None
    doc, name, old, other_badge = rng.choice(options)
    changed = _rewrite_badge(doc, name, old, other_badge, hits)
    other_name = next(n for n, b in pairs if b == other_badge)
    keep = next(s for d, s, n, b in hits if n == other_name and b == other_badge)
    return PlantedDefect(
        "badge_shared", "inconsistency", "CON-11", doc, [*changed, keep], note=f"{name}警号写作{other_name}的警号"
    )


# --- narrative 文书: a required part left out (EL-CR-10, EL-CR-16) ---------------------------------------------------


def _drop_lines(doc: DocSpec, first: re.Pattern[str], more: re.Pattern[str] | None = None) -> bool:
    """Remove the first line matching ``first`` and the lines right after it matching ``more``."""
    for i, line in enumerate(doc.lines):
        if first.search(line.text):
            j = i + 1
            while more is not None and j < len(doc.lines) and more.search(doc.lines[j].text):
                j += 1
            del doc.lines[i:j]
            return True
    return False


def _drop_phrase(doc: DocSpec, phrase: re.Pattern[str]) -> bool:
    for _, _, s in doc.segments():
        if s.type is None and phrase.search(s.text):
            s.text = phrase.sub("", s.text, count=1)
            return True
    return False


_EVIDENCE = (re.compile(r"^认定上述(?:犯罪)?事实的证据如下"), re.compile(r"^\d+\."))
_FACTS = (re.compile(r"^经依法侦查查明"), None)
_ADDRESSEE = (re.compile(r"^此致$"), re.compile(r"人民检察院$"))
_SOURCE = (re.compile(r"一案，(?:由|系)"), None)
_ANNEX = (re.compile(r"^附：1\.本案卷宗"), re.compile(r"^[23]\."))
_MEASURE = (re.compile(r"被我局刑事拘留|被我局执行逮捕"), re.compile(r"被我局刑事拘留|被我局执行逮捕"))
_JOINT = (re.compile(r"^在共同犯罪中"), None)
_DANGER = re.compile(r"[^。]*社会危险性，(?=依照)")  # the 社会危险性 reason, up to the legal basis

_PARTS_ZH = {
    "evidence": "证据",
    "facts": "犯罪事实",
    "addressee": "此致××人民检察院",
    "source": "案件来源与侦查经过",
    "annex": "附项",
    "measure": "强制措施情况",
    "joint_roles": "共同犯罪中的地位、作用",
    "danger": "社会危险性理由",
}


def _drop_part(doc: DocSpec, part: str) -> bool:
    if part == "danger":
        return _drop_phrase(doc, _DANGER)
    first, more = {
        "evidence": _EVIDENCE,
        "facts": _FACTS,
        "addressee": _ADDRESSEE,
        "source": _SOURCE,
        "annex": _ANNEX,
        "measure": _MEASURE,
        "joint_roles": _JOINT,
    }[part]
    return _drop_lines(doc, first, more)


def _narrative_gap(
    case: GeneratedCase, rng: random.Random, doc_type: str, parts: list[str], key: str, rule: str
) -> PlantedDefect | None:
    for doc in docs_of(case, doc_type):
        title = doc.find("title")[:1]
        if not title:
            continue
        options = list(parts)
        rng.shuffle(options)
        for part in options:
            if _drop_part(doc, part):
                return PlantedDefect(key, "missing_element", rule, doc, title, note=f"缺{_PARTS_ZH[part]}")
    return None


@defect("arrest_request_part_missing", "missing_element", "EL-CR-10", "提请批准逮捕书缺少必备部分", ("criminal",))
def arrest_request_part_missing(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    parts = ["evidence", "facts", "addressee", "source", "danger"]
    return _narrative_gap(case, rng, "arrest_request", parts, "arrest_request_part_missing", "EL-CR-10")


@defect(
    "prosecution_recommendation_part_missing", "missing_element", "EL-CR-16", "起诉意见书缺少必备部分", ("criminal",)
)
def prosecution_recommendation_part_missing(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    parts = ["evidence", "facts", "addressee", "source", "annex", "measure"]
    if len(case.facts.suspects) > 1:
        parts.append("joint_roles")
    return _narrative_gap(
        case, rng, "prosecution_recommendation", parts, "prosecution_recommendation_part_missing", "EL-CR-16"
    )


# --- the penalty across 审批表, 告知笔录 and 决定书 (CON-09) ----------------------------------------------------------

_DAYS_IN = re.compile(r"拘留(?P<n>[一二三四五六七八九十]+)日")
_YUAN_IN = re.compile(r"(?P<n>[一二三四五六七八九十百千万零]+)元")


def _penalty_line(doc: DocSpec, anchor: re.Pattern[str]) -> list[Seg] | None:
    """The segments of the first line whose text matches ``anchor`` (the sentence that states the penalty)."""
    for line in doc.lines:
        if anchor.search(line.text):
            return [s for cell in line.cells for s in cell]
    return None


def _change_penalty(segs: list[Seg], rng: random.Random, lower: bool) -> Seg | None:
    """Change the days of 拘留 (else the yuan of 罚款) in ``segs``: lower, or to another value either way."""
    from corpora.generator.textutil import cn_number
    from nlp.extractors.numerals import cn_to_int

    for pattern, floor in ((_DAYS_IN, 1), (_YUAN_IN, 50)):
        for s in segs:
            m = pattern.search(s.text)
            value = cn_to_int(m.group("n")) if m else None
            if m is None or value is None:
                continue
            if pattern is _YUAN_IN and "罚款" not in "".join(x.text for x in segs):
                continue
            step = 1 if pattern is _DAYS_IN else 50
            options = [v for v in range(floor, value, step) if v != value]
            if not lower:
                options += [v for v in range(value + step, value + 3 * step + 1, step)]
                options = [v for v in options if pattern is not _DAYS_IN or v <= 10]  # within 第四十三条's range
            if not options:
                continue
            new = rng.choice(options)
            s.text = s.text[: m.start("n")] + cn_number(new) + s.text[m.end("n") :]
            return s
    return None


def _decision_penalty(case: GeneratedCase) -> list[Seg]:
    for doc in docs_of(case, "administrative_penalty_decision"):
        segs = _penalty_line(doc, re.compile(r"决定对"))
        if segs:
            return [s for s in segs if re.search("拘留|罚款|警告|元", s.text)][:2]
    return []


@defect("penalty_heavier_than_notice", "inconsistency", "CON-09-1", "处罚决定重于告知的拟处罚", ("administrative",))
def penalty_heavier_than_notice(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    decided = _decision_penalty(case)
    if not decided or len(case.facts.suspects) != 1 or "合并执行" in _case_text(case):
        return None
    name = case.facts.suspects[0].name  # the person the 决定书 is about: another party's 告知笔录 is not compared
    for doc in docs_of(case, "penalty_notice_record"):
        if not any(s.type == "PERSON" and s.role == "suspect" and s.text == name for _, _, s in doc.segments()):
            continue
        segs = _penalty_line(doc, re.compile(r"拟对你作出"))
        changed = _change_penalty(segs, rng, lower=True) if segs else None
        if changed is not None:
            return PlantedDefect(
                "penalty_heavier_than_notice",
                "inconsistency",
                "CON-09-1",
                doc,
                [changed, *decided],
                note="告知的拟处罚轻于决定",
            )
    return None


@defect("penalty_differs_from_approval", "inconsistency", "CON-09-2", "处罚决定与审批表不一致", ("administrative",))
def penalty_differs_from_approval(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    decided = _decision_penalty(case)
    if not decided or len(case.facts.suspects) != 1 or "合并执行" in _case_text(case):
        return None
    for doc in docs_of(case, "approval_form"):
        segs = _penalty_line(doc, re.compile(r"建议.*对其"))
        changed = _change_penalty(segs, rng, lower=False) if segs else None
        if changed is not None:
            return PlantedDefect(
                "penalty_differs_from_approval",
                "inconsistency",
                "CON-09-2",
                doc,
                [changed, *decided],
                note="审批表的处罚与决定不同",
            )
    return None


# --- the day of the offence (CON-14) ------------------------------------------------------------------------------

_FACTS_MARK = re.compile(r"(?:现查明|经依法侦查查明|经侦查查明|告知你)[：:，,]\s*$")
_DAY_IN = re.compile(r"^(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
_FACT_DOCS = (
    "penalty_notice_record",
    "administrative_penalty_decision",
    "arrest_request",
    "prosecution_recommendation",
)


def _fact_date_segs(case: GeneratedCase) -> list[tuple[DocSpec, Seg]]:
    """The date segment right after each document's 现查明/经依法侦查查明/告知你：."""
    out = []
    for doc in docs_of(case, *_FACT_DOCS):
        text = ""
        for _, _, s in doc.segments():
            if _FACTS_MARK.search(text[-12:]) and s.type == "DATETIME" and _DAY_IN.match(s.text):
                out.append((doc, s))
                break
            text += s.text
    return out


@defect("incident_date_mismatch", "inconsistency", "CON-14", "认定的案发日期在各文书中不一致")
def incident_date_mismatch(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    hits = _fact_date_segs(case)
    if len(hits) < 2 or re.search("多次|先后|分别于|连续|期间", "".join(d.text() for d, _ in hits)):
        return None
    doc, s = rng.choice(hits[1:])
    m = _DAY_IN.match(s.text)
    if m is None:
        return None
    day = date(int(m.group("y")), int(m.group("m")), int(m.group("d"))) - timedelta(days=rng.randint(1, 3))
    pad = len(m.group("m")) == 2 and m.group("m").startswith("0")
    new = f"{day.year}年{day.month:02d}月{day.day:02d}日" if pad else f"{day.year}年{day.month}月{day.day}日"
    s.text = new + s.text[m.end() :]
    keep = next(x for d, x in hits if d is not doc)
    return PlantedDefect("incident_date_mismatch", "inconsistency", "CON-14", doc, [s, keep], note=f"案发日期写作{new}")
