"""Defect kinds for an administrative disposal that the 治安管理处罚法 version or the criminal threshold contradicts
(CIT-01, THR-06-2, THR-08-1); registered in corpora.generator.defects.CATALOGUE on import.
"""

from __future__ import annotations

import random
import re
from datetime import timedelta

from corpora.generator.defects import _raise_amount, defect, docs_of
from corpora.generator.defects_consistency import _add_fact, _suspect_name, _swap_citation
from corpora.generator.model import DocSpec, GeneratedCase, PlantedDefect, Seg
from corpora.generator.scenarios import CASE_TYPES, JOYRIDE_DRIVE, JOYRIDE_FOUND, JOYRIDE_RECOVERED, psapl_version
from nlp.extractors.numerals import cn_to_int
from nlp.statutes.db import StatuteDB

# 第三章 违反治安管理的行为和处罚 of each version: a number from the other version that falls here names another
# offence in the version in force — the certain kind of mix-up (a number falling among the procedure articles
# could be a procedural citation).
_PENALTY_CHAPTER = {"2012": range(23, 77), "2025": range(26, 90)}


def _adult(case: GeneratedCase, age: int = 16) -> bool:
    """The suspect had reached the age of criminal responsibility for the offence (刑法 第十七条)."""
    suspects = case.facts.suspects
    return bool(suspects) and suspects[0].age_on(case.facts.incident_time.date()) >= age


_N = "[一二三四五六七八九十]+"
_CITED = re.compile(rf"第(?P<a>[〇零一二三四五六七八九十百]+)条(?:第(?P<p>{_N})款)?(?:第(?P<i>{_N})项)?")
_MORE = re.compile(rf"^第(?P<p>{_N})款(?:第(?P<i>{_N})项)?$")
_PSAPL = "中华人民共和国治安管理处罚法"


def _num(text: str | None) -> int | None:
    return cn_to_int(text) if text else None


def _keep_existing(doc: DocSpec, seg: Seg, version: str) -> bool:
    """Make the swapped citation otherwise valid in ``version``: a 款/项 the other article lacks is dropped (it
    would be a second, nonexistent-article defect, CON-15-1); False when a later 款 of it cannot be kept."""
    db = StatuteDB.load()
    m = _CITED.search(seg.text)
    if m is None:
        return False
    article = _num(m.group("a"))
    if article is None:
        return False
    if not db.exists(_PSAPL, article, paragraph=_num(m.group("p")), item=_num(m.group("i")), version=version):
        seg.text = seg.text[: m.start()] + f"第{m.group('a')}条" + seg.text[m.end() :]
    segs = [s for _, _, s in doc.segments()]
    for later in segs[segs.index(seg) + 1 :]:
        if later.type != "LAW_CITATION":
            continue
        more = _MORE.match(later.text)
        if more is None:
            break  # the next article cited: no longer about this one
        if not db.exists(_PSAPL, article, paragraph=_num(more.group("p")), item=_num(more.group("i")), version=version):
            return False
    return True


@defect(
    "psapl_other_version_article",
    "citation",
    "CIT-01",
    "处罚告知、决定引用另一版本治安管理处罚法的条号",
    ("administrative",),
)
def psapl_other_version_article(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 行政处罚决定书 or the 行政处罚告知笔录 cites the offence's article by the number of the other 治安管理处罚法
    version (an old template kept after 2026, a new one used for an earlier case): 第四十三条 for 殴打 becomes
    第五十一条. Only where that number is another offence's article in the version in force (the procedure
    articles of one version are never the penalty articles of the other)."""
    info = CASE_TYPES.get(case.facts.case_type)
    if info is None or not info.psapl[0]:
        return None
    docs = docs_of(case, "administrative_penalty_decision", "penalty_notice_record")
    rng.shuffle(docs)
    for doc in docs:
        if doc.date is None or psapl_version(doc.date) != psapl_version(doc.date + timedelta(days=5)):
            continue  # a service date after the 落款 could fall in the other version
        version = psapl_version(doc.date)
        own, other = info.psapl if version == "2012" else info.psapl[::-1]
        number = cn_to_int(other.removeprefix("第").removesuffix("条"))
        if number is None or number not in _PENALTY_CHAPTER[version]:
            return None
        hit = _swap_citation(case, (doc.doc_type,), "治安管理处罚法", {own: other})
        if hit is None or hit[0] is not doc:
            return None
        _, seg, _ = hit
        if not _keep_existing(doc, seg, version):
            return None
        return PlantedDefect(
            "psapl_other_version_article",
            "citation",
            "CIT-01",
            doc,
            [seg],
            note=f"{version}年版本应为{own}，写作{other}",
        )
    return None


@defect(
    "provocation_damage_admin",
    "qualification",
    "THR-06-2",
    "寻衅滋事任意损毁财物二千元以上却作治安处罚",
    ("administrative",),
)
def provocation_damage_admin(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 决定书 finds that the 寻衅滋事 damaged property worth 2000–4900 yuan: 情节严重 for the crime (两高寻衅滋事
    解释 第四条第五项), still under the 5000 of 故意毁坏财物 (THR-05)."""
    variant = case.facts.extras.get("variant")
    if case.facts.case_type != "provocation_admin" or variant not in ("起哄闹事", "追逐拦截") or not _adult(case):
        return None  # a 强拿硬要 case would also reach THR-06-1's 1000 yuan with this sum
    value = rng.randrange(2000, 4900, 100)
    name = _suspect_name(case)
    if variant == "起哄闹事":
        text = f"经查，{name}在滋事过程中任意损毁该店碗碟、桌椅、消毒柜等财物，经价格认定，价值共计人民币{value}元。"
    else:
        victim = case.facts.victims[0].name if case.facts.victims else "被侵害人"
        text = f"经查，{name}在追逐、拦截过程中任意损毁{victim}的电动自行车，经价格认定，损失价值人民币{value}元。"
    hit = _add_fact(case, "provocation_admin", text)
    if hit is None:
        return None
    return PlantedDefect(
        "provocation_damage_admin", "qualification", "THR-06-2", hit[0], [hit[1]], note=f"任意损毁财物{value}元"
    )


@defect("gambling_business_admin", "qualification", "THR-08-1", "开设赌场或以赌博为业却作治安处罚", ("administrative",))
def gambling_business_admin(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The 决定书 itself finds 开设赌场 or 以赌博为业 — the crime of 刑法 第三百零三条 — and still only fines."""
    if not _adult(case):
        return None
    name = _suspect_name(case)
    text = rng.choice(
        [
            f"经查，{name}以营利为目的，在该处开设赌场，提供场所和赌具招引他人参赌。",
            f"经查，{name}无正当职业，长期以赌博为业，赌博所得为其主要生活来源。",
        ]
    )
    hit = _add_fact(case, "gambling_admin", text)
    if hit is None:
        return None
    fact = re.search("开设赌场|以赌博为业", text)
    return PlantedDefect(
        "gambling_business_admin",
        "qualification",
        "THR-08-1",
        hit[0],
        [hit[1]],
        note=fact.group() if fact else "",
    )


@defect("snatch_over_threshold", "qualification", "THR-03", "抢夺数额较大却作治安处罚", ("administrative",))
def snatch_over_threshold(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The thing snatched was worth 3200–9000 yuan — 数额较大 in every province (两高抢夺解释 第一条) — and the case
    still ends in a 治安 penalty."""
    if case.facts.case_type != "snatching_admin" or not _adult(case):
        return None
    return _raise_amount(case, rng, 3200, 9000, "THR-03", "snatch_over_threshold")


@defect("extortion_over_threshold", "qualification", "THR-04", "敲诈勒索数额较大却作治安处罚", ("administrative",))
def extortion_over_threshold(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The sum extorted was 5200–20000 yuan — 数额较大 in every province (两高敲诈勒索解释 第一条) — and the case
    still ends in a 治安 penalty."""
    if case.facts.case_type != "extortion_admin" or not _adult(case):
        return None
    return _raise_amount(case, rng, 5200, 20000, "THR-04", "extortion_over_threshold")


_LOST = "，致该车丢失，至今未能找回。"


def _lose_car(segs: list[Seg]) -> tuple[Seg, Seg] | None:
    """In one paragraph's segments, turn 后将车辆停放在X。经查，该车已于次日找到并发还。 into
    后将车辆弃于X，致该车丢失，至今未能找回。; the segments holding 偷开 and 丢失 (None where told otherwise)."""
    drive = next((s for s in segs if JOYRIDE_DRIVE in s.text), None)
    if drive is None:
        return None
    at = segs.index(drive)
    head, _, tail = JOYRIDE_FOUND.partition("次日")
    found = next((s for s in segs[at:] if "。" + head in s.text), None)
    if found is None:
        return None
    drive.text = drive.text.replace("后将车辆停放在", "后将车辆弃于")
    found.text = found.text.replace("。" + head, _LOST)
    rest = segs[segs.index(found) + 1 :]
    if len(rest) >= 2 and rest[0].text == "次日" and rest[1].text.startswith(tail):
        rest[0].text, rest[0].type = "", None
        rest[1].text = rest[1].text[len(tail) :]
    elif tail not in found.text:
        return None
    else:
        found.text = found.text.replace("次日" + tail, "")
    return drive, found


@defect("lost_joyride_admin", "qualification", "THR-10", "偷开机动车致车辆丢失却作治安处罚", ("administrative",))
def lost_joyride_admin(case: GeneratedCase, rng: random.Random) -> PlantedDefect | None:
    """The car driven off was never found again: 偷开机动车导致车辆丢失 is theft (两高盗窃解释 第十条第一项), yet the
    case ends in a 治安 penalty. Every paper telling the story says so; the owner no longer says it is back."""
    if case.facts.case_type != "joyriding_admin" or not _adult(case):
        return None
    decisions = docs_of(case, "administrative_penalty_decision")
    if not decisions:
        return None
    planted: tuple[Seg, Seg] | None = None
    for doc in case.docs:
        for line in doc.lines:
            for cell in line.cells:
                if JOYRIDE_DRIVE not in "".join(s.text for s in cell):
                    continue
                hit = _lose_car(cell)
                if hit is not None and doc is decisions[0] and planted is None:
                    planted = hit
        for _, _, s in doc.segments():
            if s.text == JOYRIDE_RECOVERED:
                s.text = "车到现在还没有找到，希望尽快找回。"
    if planted is None:
        return None
    drive, lost = planted
    evidence = [drive] if drive is lost else [drive, lost]
    return PlantedDefect("lost_joyride_admin", "qualification", "THR-10", decisions[0], evidence, note="偷开致车辆丢失")
