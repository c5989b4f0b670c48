"""Defect kinds for the personnel rules (PER-06 … PER-10); registered in corpora.generator.defects.CATALOGUE on import.

Who must be present or take part: a 女工作人员 when a girl is interrogated (PER-06), an interpreter for a deaf or
non-Chinese-speaking person (PER-07), two officers and a lawful witness at a 扣押 or 检查 (PER-08), a woman to
search or examine a woman's body (PER-09), and the size and the officers of a 辨认 (PER-10).
"""

from __future__ import annotations

import random
import re

from corpora.generator.defects import defect, docs_of
from corpora.generator.model import DocSpec, GeneratedCase, Line, Person, PlantedDefect, Seg

# --- changing a person's sex throughout the file --------------------------------------------------------------------


def _female_id(number: str, rng: random.Random) -> str:
    """The same birth date and region with an even 顺序码 (女), and its GB 11643 check character."""
    from corpora.generator.people import id_check_char  # the generator's own implementation

    while True:
        seq = f"{rng.randrange(0, 1000):03d}"
        if int(seq[2]) % 2 == 0:
            first17 = number[:14] + seq
            return first17 + id_check_char(first17)


_MALE_AFTER_NAME = re.compile(r"^([，,（(\s]*(?:性别[：:\s]*)?)男")


def make_female(case: GeneratedCase, person: Person, rng: random.Random) -> None:
    """Write ``person`` as a woman in every paper: the 性别 fields, the ID number (its sex digit and check character),
    ``X，男，`` after the name in statements and decisions, and 男子 where the papers describe the person unnamed."""
    old_id, new_id = person.id_number, _female_id(person.id_number, rng)
    gender_tag, id_tag = f"gender:{person.name}", f"id:{person.name}"
    for doc in case.docs:
        for line in doc.lines:
            for cell in line.cells:
                for i, s in enumerate(cell):
                    if s.tag == gender_tag:
                        s.text = "女"
                    s.text = s.text.replace(old_id, new_id)
                    if s.tag == id_tag and s.type == "ID_NUMBER":
                        s.text = new_id
                    if i and cell[i - 1].type == "PERSON" and cell[i - 1].text == person.name:
                        s.text = _MALE_AFTER_NAME.sub(r"\1女", s.text, count=1)
                    if s.type is None:
                        for he, she in (("一名男子", "一名女子"), ("该男子", "该女子"), ("个男的", "个女的")):
                            s.text = s.text.replace(he, she)
    person.gender = "女"
    person.id_number = new_id


# --- PER-06: a girl interrogated with no 女工作人员 -------------------------------------------------------------------

_FEMALE_PRESENT = ("今天讯问时有女民警{name}在场，你是否清楚？", "清楚。")


def _female_officer(case: GeneratedCase, rng: random.Random) -> str:
    from corpora.generator.defects_admin import _context

    return _context(case, rng).new_name(gender="女")


@defect("girl_interrogated_no_woman", "procedure", "PER-06", "讯问女性未成年犯罪嫌疑人无女工作人员在场", ("criminal",))
def girl_interrogated_no_woman(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The minor suspect is a girl (刑诉法 第二百八十一条第三款: 应当有女工作人员在场); one of her 讯问笔录 records no
    woman present while any other one does (a 女民警 named in its 问/答)."""
    f = case.facts
    suspect = f.suspects[0] if f.suspects else None
    if suspect is None or suspect.guardian is None or suspect.gender != "男":
        return None
    records = [d for d in docs_of(case, "interrogation_record") if suspect.name in d.text()]
    if not records:
        return None
    make_female(case, suspect, rng)
    planted = records[0]
    woman = _female_officer(case, rng)
    for doc in records[1:]:
        opening = next((i for i, line in enumerate(doc.lines) if line.text.startswith("答：")), None)
        if opening is None:
            return None
        q, a = _FEMALE_PRESENT
        before, after = q.split("{name}")
        doc.lines[opening + 1 : opening + 1] = [
            Line([[Seg("问：" + before), Seg(woman, "PERSON", "officer"), Seg(after)]], "qa"),
            Line([[Seg("答：" + a)]], "qa"),
        ]
    subject = [s for s in planted.find("被讯问人") if s.type == "PERSON"]
    if not subject:
        return None
    return PlantedDefect(
        "girl_interrogated_no_woman", "procedure", "PER-06", planted, subject[:1], note="女性未成年人，无女工作人员在场"
    )


# --- PER-07: a deaf or non-Chinese-speaking person questioned without an interpreter --------------------------------

_CONDITIONS = (
    "身体状况：聋哑人（持有残疾人证）",
    "身体状况：聋哑人",
    "身体状况：听力残疾，不能正常交流",
    "语言情况：不通晓汉语",
)


@defect("no_interpreter", "procedure", "PER-07", "聋哑人或不通晓当地语言者无翻译人员")
def no_interpreter(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 笔录 of someone questioned once notes that the person is deaf and mute (or speaks no Chinese), and names
    no interpreter; the person's other papers say nothing of it."""
    counts: dict[str, int] = {}
    records: list[tuple[DocSpec, str]] = []
    for doc in docs_of(case, "interrogation_record", "interview_record"):
        subject = next(
            (s for _, _, s in doc.segments() if s.tag in ("被讯问人", "被询问人") and s.type == "PERSON"), None
        )
        if subject is not None:
            counts[subject.text] = counts.get(subject.text, 0) + 1
            records.append((doc, subject.text))
    once = [(d, n) for d, n in records if counts[n] == 1]
    if not once:
        return None
    doc, _ = rng.choice(once)
    first_qa = next((i for i, line in enumerate(doc.lines) if line.kind == "qa"), None)
    if first_qa is None:
        return None
    label, _, value = rng.choice(_CONDITIONS).partition("：")
    stated = Seg(value, tag="condition")
    doc.lines.insert(first_qa, Line([[Seg(label + "："), stated]]))
    return PlantedDefect("no_interpreter", "procedure", "PER-07", doc, [stated], note=f"{value}，无翻译人员")


# --- PER-08 / PER-10-2: one officer where two must act -------------------------------------------------------------


def _one_officer(doc: DocSpec, label: str) -> Seg | None:
    """Keep only the first officer in every ``label`` value of ``doc`` (header and signature) and make them the
    记录人 too; returns the header's name segment."""
    named = [s for s in doc.find(label) if s.type == "PERSON"]
    if len(named) < 2:
        return None
    first = named[0]
    for line in doc.lines:
        for cell in line.cells:
            if any(s.tag == label for s in cell):
                kept, seen = [], False
                for s in cell:
                    if s.tag != label:
                        kept.append(s)
                    elif s.type == "PERSON" and not seen:
                        s.text, seen = first.text, True
                        kept.append(s)
                cell[:] = kept
    for s in doc.find("记录人"):
        if s.type == "PERSON":
            s.text = first.text
    return first


def _others_named(doc: DocSpec, label: str) -> bool:
    """Whether ``doc`` names an officer outside its ``label`` and 记录人 values (a 女民警 who examined …)."""
    return any(s.role == "officer" and s.tag not in (label, "记录人") for _, _, s in doc.segments())


@defect("lone_officer_record", "procedure", "PER-08-1", "扣押、检查少于二名侦查人员")
def lone_officer_record(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """A 扣押笔录 or 检查笔录 made by one officer who also records it."""
    options = [(d, "侦查人员") for d in docs_of(case, "seizure_record")]
    options += [(d, "检查人") for d in docs_of(case, "inspection_record")]
    options = [(d, label) for d, label in options if not _others_named(d, label)]
    if not options:
        return None
    doc, label = rng.choice(options)
    first = _one_officer(doc, label)
    if first is None:
        return None
    return PlantedDefect("lone_officer_record", "procedure", "PER-08-1", doc, [first], note=f"{label}仅一人")


@defect("lone_identification_officer", "procedure", "PER-10-2", "主持辨认的侦查人员少于二人")
def lone_identification_officer(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    for doc in docs_of(case, "identification_record"):
        first = _one_officer(doc, "主持人")
        if first is not None:
            return PlantedDefect(
                "lone_identification_officer", "procedure", "PER-10-2", doc, [first], note="主持辨认仅一人"
            )
    return None


# --- PER-08-2 / PER-08-3: the witness of a 扣押 or 检查 ---------------------------------------------------------------


def _witness_segments(doc: DocSpec) -> list[Seg]:
    return [s for _, _, s in doc.segments() if s.type == "PERSON" and s.role == "witness"]


@defect("seizure_without_witness", "procedure", "PER-08-2", "扣押无见证人")
def seizure_without_witness(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 扣押笔录 names no witness — the 见证人 lines left blank — and gives no reason (程序规定 第二百三十条)."""
    for doc in docs_of(case, "seizure_record"):
        witnesses = _witness_segments(doc)
        labels = [line.cells[0][0] for line in doc.lines if line.text.startswith("见证人：")]
        if not witnesses or not labels:
            continue
        for line in doc.lines:
            if line.text.startswith("见证人："):
                line.cells[0][1:] = []
            else:
                for cell in line.cells:
                    for i, s in enumerate(cell):
                        if s in witnesses and i and cell[i - 1].text.endswith("和见证人"):
                            cell[i - 1].text = cell[i - 1].text.removesuffix("和见证人")
                            s.text = ""
        return PlantedDefect("seizure_without_witness", "procedure", "PER-08-2", doc, labels[:1], note="见证人空白")
    return None


@defect("police_witness", "procedure", "PER-08-3", "见证人为公安机关工作人员")
def police_witness(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 见证人 of a 扣押 or 检查 works for the station handling the case (刑事程序规定 第一百九十四条: 公安机关的
    工作人员或者其聘用的人员 may not witness)."""
    options = [d for d in docs_of(case, "seizure_record", "inspection_record") if _witness_segments(d)]
    if not options:
        return None
    doc = rng.choice(options)
    station = case.facts.agency.station
    job = rng.choice(["辅警", "协警", "民警"])
    for line in doc.lines:
        if line.text.startswith("见证人：") and line.kind != "sign":
            named = [s for s in line.cells[0] if s.type == "PERSON"]
            if not named:
                return None
            note = Seg(f"（{station}{job}）")
            line.cells[0].insert(line.cells[0].index(named[0]) + 1, note)
            return PlantedDefect(
                "police_witness", "procedure", "PER-08-3", doc, [named[0], note], note=f"见证人系{station}{job}"
            )
    return None


# --- PER-09: a woman's body examined by men ------------------------------------------------------------------------


@defect("woman_examined_by_men", "procedure", "PER-09", "检查妇女身体非由女性工作人员进行", ("administrative",))
def woman_examined_by_men(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 人身检查 of a woman made by the (male) officers who sign the 检查笔录: the 女民警 who examined her is gone
    from it, or the person examined becomes a woman and none took part (治安管理处罚法 2012 第八十七条第二款)."""
    records = docs_of(case, "inspection_record")
    suspect = case.facts.suspects[0] if case.facts.suspects else None
    if len(records) != 1 or suspect is None:
        return None
    doc = records[0]
    if suspect.gender == "男":
        make_female(case, suspect, rng)
    for line in doc.lines:
        for cell in line.cells:
            if any(s.tag == "female_examiner" for s in cell):
                at = next(i for i, s in enumerate(cell) if s.tag == "female_examiner")
                cell[at - 1 : at + 1] = [Seg("由检查人")]
    hits = [s for _, _, s in doc.segments() if "人身检查" in s.text]
    if not hits or re.search(r"女(?:民警|辅警|警察|工作人员)|医师|医生", doc.text()):
        return None
    return PlantedDefect("woman_examined_by_men", "procedure", "PER-09", doc, hits, note="女性被检查人，无女性检查人员")


# --- PER-10-1: too few to choose from ------------------------------------------------------------------------------


@defect("small_lineup", "procedure", "PER-10-1", "辨认陪衬数量不足")
def small_lineup(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """Five to eight photographs (not ten), or three or four things (not five), put before the 辨认人."""
    for doc in docs_of(case, "identification_record"):
        counted = doc.find("lineup_count")
        if not counted:
            continue
        seg = counted[0]
        m = re.match(r"(\d+)(.+)$", seg.text)
        if m is None:
            return None
        old, unit = int(m.group(1)), m.group(2)
        n = rng.randint(5, 8) if "照片" in unit else rng.randint(3, 4)
        seg.text = f"{n}{unit}"
        for _, _, s in doc.segments():
            s.text = s.text.replace(f"编为1至{old}号", f"编为1至{n}号")
            mark = re.search(r"指认(\d+)号", s.text)
            if mark and int(mark.group(1)) > n:
                s.text = s.text.replace(f"{mark.group(1)}号", f"{rng.randint(1, n)}号")
        return PlantedDefect("small_lineup", "procedure", "PER-10-1", doc, [seg], note=f"仅{n}{unit}")
    return None
