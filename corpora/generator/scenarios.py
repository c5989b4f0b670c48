"""Fictional case facts for 8 criminal and 11 administrative (治安) case types, and their consistency check.

``generate_facts(case_type, rng, case_id, start)`` builds a ``CaseFacts``: people with valid 公民身份号码, a
police-style narrative, property in the range the offence needs (criminal theft ≥ 3000元, administrative theft
< 1000元 …), 笔录 sessions with 问/答, procedural acts and 文号. Clean cases respect every time limit of RULES.md
(B: ACC/CR/AD) and cite the article numbers in force on the decision date. ``check_consistency(facts)`` lists what
breaks those limits or the data's own invariants; it is empty for every generated case, and defects planted later
show up in it.

Only the ``random.Random`` passed in is used (never the global generator or the clock): one seed, one case.
All people, places and numbers are invented.

What the document builder can rely on (all datetimes naive, minute precision):

acts — every case: report_received, case_accepted (same day), summoned, summons_ended (first summons window).
  criminal: case_filed (≤ 3 days after case_accepted); then either detained, custody_admitted (≤ 24 h),
    family_notified (≤ 24 h), arrest_requested (≤ 3 days, or 7 / 30 with extras detention_extended) — or
    bail_granted (取保候审; always for dangerous_driving) or surveillance_started (监视居住, with surveillance_lifted
    ≤ 6 months later where it lies in the past); optional seized (扣押, after case_filed), appraised and
    appraisal_notified (鉴定意见 / 价格认定 and its notice; injury, dangerous_driving and 随意殴打 provocation get
    appraised before case_filed).
  administrative: summons_family_notified, penalty_notified (= start of the penalty_notice session, 0–2 days before),
    penalty_decided (≤ 30 days after case_accepted), served (≤ 2 days); victim_served when there is a victim;
    penalty_family_notified when 行政拘留 is executed; optional seized (证据保全/扣押), appraised, appraisal_notified.
extras — every case: region_code, province, handling_unit, unit_kind, approver_title, unit_head, unit_head_title,
  report_source, report_method, station_phone, price_bureau, forensic_center, record, accomplices (Person list,
  另案处理), guardian_relations ({minor's name: 父亲/母亲}), summons_windows ([(start, end)] — every 传唤, the first
  equal to acts summoned/summons_ended), summons_issued (传唤证 填发 time per window, None for 口头传唤),
  procedure_articles ({act: article as cited}); holder and seized_items when something is seized; pattern
  (流窜作案/多次作案/结伙作案) when the facts support a 30-day extension.
  criminal: charge_article; detention_extended, detention_extension_approved, detention_limit_days (7/30),
    detention_extension_reason; bail ({kind: 保证人, guarantor: Person, relation} or {kind: 保证金, amount});
    surveillance_reason, surveillance_basis (the 款/项 of 刑诉法 第七十四条);
    appraisal ({kind, institution, commissioned, result}).
  administrative: psapl_version (2012/2025), detention_days, fine, warning, detention_executed,
    detention_not_executed_reason (minors), summons_mode (传唤证/口头传唤), decided_by, av_recorded,
    appraisal, seizure_place (on-scene seizures).
doc_numbers — keys are doc types of nlp/doctypes/doctypes.yaml (case_acceptance_register, case_filing_decision,
  criminal_summons, criminal_summons_2, detention_warrant, detention_notice (same serial), detention_extension_notice,
  arrest_request, bail_decision, residential_surveillance_decision, seizure_decision, expert_engagement,
  administrative_summons, evidence_preservation_decision, administrative_penalty_decision) plus the issuing body's
  price_assessment / expert_opinion numbers; each 文号's year is the year of its document's date.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, ClassVar, Literal

from corpora.generator.model import CaseFacts, Item, Officer, Person, Session
from corpora.generator.people import (
    PHONE_RE,
    AgencyProfile,
    PeopleFactory,
    age_on,
    id_number_problems,
    load_data,
    pick_agency,
)
from corpora.generator.textutil import cn_number

__all__ = [
    "CASE_TYPES",
    "CPL_2018_START",
    "PSAPL_2025_START",
    "CaseTypeInfo",
    "PenaltyBand",
    "check_consistency",
    "cn_number",
    "generate_facts",
    "psapl_version",
]

Kind = Literal["criminal", "administrative"]

CRIMINAL_EARLIEST = date(2019, 1, 1)  # random criminal dates start here: 2018 刑事诉讼法 numbering throughout
ADMIN_EARLIEST = date(2019, 1, 1)
LATEST = date(2026, 6, 30)
CPL_2018_START = date(2018, 10, 26)  # 刑事诉讼法 2018修正 numbering in force
PSAPL_2025_START = date(2026, 1, 1)  # 治安管理处罚法 2025修订 in force
ADMIN_START_MIN = date(2013, 1, 1)

CL = "《中华人民共和国刑法》"
CPL = "《中华人民共和国刑事诉讼法》"
PSAPL = "《中华人民共和国治安管理处罚法》"

MIN = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


# --- case types -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseTypeInfo:
    key: str
    kind: Kind
    label: str  # how a person would name the type
    cause: str  # 案由 as documents write it
    charge: str  # 涉嫌罪名 / 违法行为名称 as documents write it
    units: tuple[str, ...]  # handling units: 刑事侦查大队 / 派出所 / 治安管理大队 / 交通警察大队
    article: str = ""  # criminal: the 刑法 article (without 款/项 where the scenario picks them)
    psapl: tuple[str, str] = ("", "")  # administrative: main 治安管理处罚法 article, 2012 and 2025 numbering
    amount: tuple[int, int] = (0, 0)  # involved sum: min inclusive, max exclusive (0, 0: no amount)
    minor_share: float = 0.0  # share of cases whose suspect is 14–17 (16–17 for criminal ones)


CASE_TYPES: dict[str, CaseTypeInfo] = {
    info.key: info
    for info in (
        CaseTypeInfo(
            "theft",
            "criminal",
            "盗窃（刑事）",
            "盗窃",
            "盗窃罪",
            ("刑事侦查大队", "派出所"),
            article="第二百六十四条",
            amount=(3000, 30000),
            minor_share=0.1,
        ),
        CaseTypeInfo(
            "fraud_telecom",
            "criminal",
            "电信网络诈骗",
            "诈骗",
            "诈骗罪",
            ("刑事侦查大队",),
            article="第二百六十六条",
            amount=(10000, 200000),
        ),
        CaseTypeInfo(
            "injury",
            "criminal",
            "故意伤害（轻伤）",
            "故意伤害",
            "故意伤害罪",
            ("刑事侦查大队", "派出所"),
            article="第二百三十四条",
            minor_share=0.08,
        ),
        CaseTypeInfo(
            "helping_info_crime",
            "criminal",
            "帮助信息网络犯罪活动",
            "帮助信息网络犯罪活动",
            "帮助信息网络犯罪活动罪",
            ("刑事侦查大队",),
            article="第二百八十七条之二",
            amount=(200000, 3000000),
            minor_share=0.1,
        ),
        CaseTypeInfo(
            "dangerous_driving",
            "criminal",
            "危险驾驶（醉驾）",
            "危险驾驶",
            "危险驾驶罪",
            ("交通警察大队",),
            article="第一百三十三条之一",
        ),
        CaseTypeInfo(
            "provocation",
            "criminal",
            "寻衅滋事（刑事）",
            "寻衅滋事",
            "寻衅滋事罪",
            ("刑事侦查大队", "派出所"),
            article="第二百九十三条",
            minor_share=0.1,
        ),
        CaseTypeInfo(
            "snatching",
            "criminal",
            "抢夺",
            "抢夺",
            "抢夺罪",
            ("刑事侦查大队", "派出所"),
            article="第二百六十七条",
            amount=(3000, 30000),
            minor_share=0.1,
        ),
        CaseTypeInfo(
            "concealing_proceeds",
            "criminal",
            "掩饰、隐瞒犯罪所得",
            "掩饰、隐瞒犯罪所得",
            "掩饰、隐瞒犯罪所得罪",
            ("刑事侦查大队", "派出所"),
            article="第三百一十二条",
            amount=(3000, 60000),
        ),
        CaseTypeInfo(
            "assault_admin",
            "administrative",
            "殴打他人",
            "殴打他人",
            "殴打他人",
            ("派出所",),
            psapl=("第四十三条", "第五十一条"),
            minor_share=0.15,
        ),
        CaseTypeInfo(
            "theft_admin",
            "administrative",
            "盗窃（治安）",
            "盗窃",
            "盗窃",
            ("派出所",),
            psapl=("第四十九条", "第五十八条"),
            amount=(50, 1000),
            minor_share=0.15,
        ),
        CaseTypeInfo(
            "fraud_admin",
            "administrative",
            "诈骗（治安）",
            "诈骗",
            "诈骗",
            ("派出所",),
            psapl=("第四十九条", "第五十八条"),
            amount=(200, 3000),
            minor_share=0.05,
        ),
        CaseTypeInfo(
            "snatching_admin",
            "administrative",
            "抢夺（治安）",
            "抢夺",
            "抢夺",
            ("派出所",),
            psapl=("第四十九条", "第五十八条"),
            amount=(50, 1000),
            minor_share=0.15,
        ),
        CaseTypeInfo(
            "extortion_admin",
            "administrative",
            "敲诈勒索（治安）",
            "敲诈勒索",
            "敲诈勒索",
            ("派出所",),
            psapl=("第四十九条", "第五十八条"),
            amount=(200, 2000),
            minor_share=0.05,
        ),
        CaseTypeInfo(
            "gambling_admin",
            "administrative",
            "赌博",
            "赌博",
            "赌博",
            ("派出所", "治安管理大队"),
            psapl=("第七十条", "第八十二条"),
            amount=(200, 8000),
        ),
        CaseTypeInfo(
            "drug_use_admin",
            "administrative",
            "吸毒",
            "吸毒",
            "吸毒",
            ("派出所", "治安管理大队"),
            psapl=("第七十二条", "第八十四条"),
            minor_share=0.05,
        ),
        CaseTypeInfo(
            "provocation_admin",
            "administrative",
            "寻衅滋事（治安）",
            "寻衅滋事",
            "寻衅滋事",
            ("派出所",),
            psapl=("第二十六条", "第三十条"),
            minor_share=0.15,
        ),
        CaseTypeInfo(
            "property_damage_admin",
            "administrative",
            "故意损毁财物",
            "故意损毁财物",
            "故意损毁财物",
            ("派出所",),
            psapl=("第四十九条", "第五十九条"),
            amount=(200, 5000),
            minor_share=0.1,
        ),
        CaseTypeInfo(
            "obstruction_admin",
            "administrative",
            "阻碍执行职务",
            "阻碍执行职务",
            "阻碍执行职务",
            ("派出所",),
            psapl=("第五十条", "第六十一条"),
        ),
        CaseTypeInfo(
            "joyriding_admin",
            "administrative",
            "偷开他人机动车",
            "偷开他人机动车",
            "偷开他人机动车",
            ("派出所",),
            psapl=("第六十四条", "第七十六条"),
            minor_share=0.08,
        ),
    )
}


def psapl_version(day: date) -> str:
    """'2012' (the 2005 numbering kept by the 2012 amendment, to 2025-12-31) or '2025' (from 2026-01-01)."""
    return "2025" if day >= PSAPL_2025_START else "2012"


# Penalty ranges of the cited 治安管理处罚法 articles (RULES.md D.1), as bands a clean penalty must fall in.
# mode: "det+fine" both required; "det+opt_fine" detention, fine optional; "det|fine" one of them; "warn|fine";
# "fine" a fine alone.
@dataclass(frozen=True)
class PenaltyBand:
    mode: Literal["det+fine", "det+opt_fine", "det|fine", "warn|fine", "fine"]
    det: tuple[int, int] = (0, 0)  # days
    fine: tuple[int, int] = (0, 0)  # yuan

    def admits(self, det: int, fine: int, warning: bool) -> bool:
        det_ok = self.det[0] <= det <= self.det[1] and det > 0
        fine_ok = self.fine[0] <= fine <= self.fine[1] and fine > 0
        if self.mode == "det+fine":
            return det_ok and fine_ok and not warning
        if self.mode == "det+opt_fine":
            return det_ok and (fine == 0 or fine_ok) and not warning
        if self.mode == "det|fine":
            return not warning and ((det_ok and fine == 0) or (fine_ok and det == 0))
        if self.mode == "fine":
            return not warning and det == 0 and fine_ok
        return det == 0 and (warning != (fine > 0)) and (fine == 0 or fine_ok)


_B = PenaltyBand
PENALTY_BANDS: dict[str, dict[str, tuple[PenaltyBand, ...]]] = {
    "assault_admin": {
        "2012": (_B("det+fine", (5, 10), (200, 500)), _B("det|fine", (1, 5), (1, 500))),
        "2025": (_B("det+fine", (5, 10), (500, 1000)), _B("det|fine", (1, 5), (1, 1000))),
    },
    "theft_admin": {"2012": (_B("det+opt_fine", (5, 10), (1, 500)),), "2025": (_B("det|fine", (5, 10), (1, 2000)),)},
    "fraud_admin": {"2012": (_B("det+opt_fine", (5, 10), (1, 500)),), "2025": (_B("det|fine", (5, 10), (1, 2000)),)},
    # 抢夺, 敲诈勒索: the same article as 盗窃, 诈骗 (2012 第四十九条, 2025 第五十八条)
    "snatching_admin": {
        "2012": (_B("det+opt_fine", (5, 10), (1, 500)),),
        "2025": (_B("det|fine", (5, 10), (1, 2000)),),
    },
    "extortion_admin": {
        "2012": (_B("det+opt_fine", (5, 10), (1, 500)),),
        "2025": (_B("det|fine", (5, 10), (1, 2000)),),
    },
    "gambling_admin": {"2012": (_B("det|fine", (1, 5), (1, 500)),), "2025": (_B("det|fine", (1, 5), (1, 1000)),)},
    "drug_use_admin": {
        "2012": (_B("det+opt_fine", (10, 15), (1, 2000)), _B("det|fine", (1, 5), (1, 500))),
        "2025": (_B("det+opt_fine", (10, 15), (1, 3000)), _B("det|fine", (1, 5), (1, 1000))),
    },
    "provocation_admin": {
        "2012": (_B("det+opt_fine", (5, 10), (1, 500)),),
        "2025": (_B("det|fine", (5, 10), (1, 1000)),),
    },
    "property_damage_admin": {
        "2012": (_B("det+opt_fine", (5, 10), (1, 500)),),
        "2025": (_B("det|fine", (1, 5), (1, 1000)),),
    },
    "obstruction_admin": {
        "2012": (_B("warn|fine", fine=(1, 200)), _B("det+opt_fine", (5, 10), (1, 500))),
        "2025": (_B("warn|fine", fine=(1, 500)), _B("det+opt_fine", (5, 10), (1, 1000))),
    },
    # 偷开他人机动车: a fine; 情节严重 detention too (2012 第六十四条, 2025 第七十六条)
    "joyriding_admin": {
        "2012": (_B("fine", fine=(500, 1000)), _B("det+fine", (10, 15), (500, 1000))),
        "2025": (_B("fine", fine=(1000, 2000)), _B("det+opt_fine", (10, 15), (1, 2000))),
    },
}

# Procedure articles (RULES.md D.2/D.3) by act; the administrative ones by 治安管理处罚法 version.
CRIMINAL_PROCEDURE_ARTICLES: dict[str, str] = {
    "case_filed": f"{CPL}第一百一十二条",
    "summoned": f"{CPL}第一百一十九条第一款",
    "detained": f"{CPL}第八十二条",
    "family_notified": f"{CPL}第八十五条第二款",
    "detention_extended_7": f"{CPL}第九十一条第一款",
    "detention_extended_30": f"{CPL}第九十一条第二款",
    "arrest_requested": f"{CPL}第八十一条、第八十七条",
    "bail_granted": f"{CPL}第六十七条",
    "surveillance_started": f"{CPL}第七十四条",
    "seized": f"{CPL}第一百四十一条",
    "appraised": f"{CPL}第一百四十六条",
    "appraisal_notified": f"{CPL}第一百四十八条",
}
ADMIN_PROCEDURE_ARTICLES: dict[str, dict[str, str]] = {
    "2012": {
        "case_accepted": f"{PSAPL}第七十七条",
        "summoned": f"{PSAPL}第八十二条第一款",
        "questioning_limit": f"{PSAPL}第八十三条第一款",
        "summons_family_notified": f"{PSAPL}第八十三条第二款",
        "seized": f"{PSAPL}第八十九条第一款",
        "appraised": f"{PSAPL}第九十条",
        "penalty_notified": f"{PSAPL}第九十四条第一款",
        "served": f"{PSAPL}第九十七条",
        "time_limit": f"{PSAPL}第九十九条第一款",
    },
    "2025": {
        "case_accepted": f"{PSAPL}第九十条",
        "summoned": f"{PSAPL}第九十六条第一款",
        "questioning_limit": f"{PSAPL}第九十七条第一款",
        "summons_family_notified": f"{PSAPL}第九十七条第二款",
        "seized": f"{PSAPL}第一百零五条第一款",
        "appraised": f"{PSAPL}第一百零六条",
        "penalty_notified": f"{PSAPL}第一百一十二条第一款",
        "served": f"{PSAPL}第一百一十六条",
        "time_limit": f"{PSAPL}第一百一十八条第一款",
    },
}
_MINOR_ARTICLES = {"2012": ("第十二条", "第二十一条"), "2025": ("第十二条", "第二十三条")}


# --- text helpers -----------------------------------------------------------------------------------------------------


def cn_count(n: int) -> str:
    """A count before a measure word: 两次, 三张 (二 only inside larger numbers)."""
    return "两" if n == 2 else cn_number(n)


def fmt_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def fmt_dt(dt: datetime) -> str:
    return f"{fmt_date(dt)}{dt.hour}时{dt.minute:02d}分"


def fmt_approx(dt: datetime) -> str:
    """2024年3月1日22时许 (police narratives round to the hour, sometimes the half hour)."""
    if dt.minute in (20, 30, 40, 50):
        return f"{fmt_date(dt)}{dt.hour}时{dt.minute}分许"
    return f"{fmt_date(dt)}{dt.hour}时许"


def spoken(dt: datetime, with_date: bool = True) -> str:
    """How a witness says a time: 3月1日晚上10点多."""
    h = dt.hour
    period = (
        "凌晨"
        if h < 6
        else "早上"
        if h < 9
        else "上午"
        if h < 12
        else "中午"
        if h < 13
        else "下午"
        if h < 18
        else "晚上"
    )
    h12 = 12 if h in (0, 12) else h if h < 12 else h - 12
    tail = "点半左右" if 25 <= dt.minute <= 35 else "点多" if dt.minute > 10 else "点左右"
    day = f"{dt.month}月{dt.day}日" if with_date else ""
    return f"{day}{period}{h12}{tail}"


def _span(first: datetime, last: datetime) -> str:
    """2024年1月至3月间 / 2023年12月至2024年1月间 / 2024年2月间."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year}年{first.month}月间"
    end = f"{last.month}月间" if first.year == last.year else f"{last.year}年{last.month}月间"
    return f"{first.year}年{first.month}月至{end}"


def _money(n: int) -> str:
    return f"人民币{n}元"


def _short(item_name: str) -> str:
    """电动自行车一辆 -> 电动自行车 (drop the trailing measure phrase)."""
    return re.sub(r"(?:一|两|二|三|四|五|六|十)(?:辆|部|台|条|块|只|瓶|个|副|批|箱|张|把)$", "", item_name)


# --- the story of a case (what happened) and the builder (how the police handled it) ---------------------------------


@dataclass
class Story:
    """What happened, as the scenario of a case type tells it; the procedure planner adds the police's handling."""

    incident_time: datetime
    place: str
    narrative: str
    case_name: str
    suspect: Person
    report_time: datetime
    report_source: str  # 报案 / 扭送 / 群众举报 / 民警巡查发现 / 线索移交 …
    report_method: str  # 拨打110报警 / 到派出所报案 / …
    victims: list[Person] = field(default_factory=list)
    witnesses: list[Person] = field(default_factory=list)
    reporter: Person | None = None
    items: list[Item] = field(default_factory=list)
    amount: int = 0
    accomplices: list[Person] = field(default_factory=list)  # 另案处理
    pattern: str = ""  # 多次作案 / 结伙作案 / 流窜作案: what justifies a 30-day detention extension
    accounts: dict[str, str] = field(default_factory=dict)  # id_number -> first-person account of the events
    extra_qa: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # id_number -> optional Q&A
    why: str = ""  # the suspect's short answer to 你知道为什么…吗: 知道，是因为<why>的事
    confession: str = ""  # the suspect's account
    suspect_qa: list[tuple[str, str]] = field(default_factory=list)
    later_victims: list[Person] = field(default_factory=list)  # identified only after the suspect's confession
    appraisal: str = ""  # price / injury / minor_injury / blood / urine
    appraisal_result: str = ""
    seize: list[str] = field(default_factory=list)  # what is seized (扣押), empty: nothing
    on_scene: bool = False  # administrative: suspect 口头传唤 at the scene
    injured_victims: bool = False  # victims are first questioned in hospital
    custody: Literal["detain", "bail"] = "detain"  # criminal
    search_days: tuple[int, int] = (0, 4)  # days from 立案 (criminal) / 受案 (administrative) to the summons
    psapl_suffix: str = ""  # administrative: 款/项 after the main article, version-specific, filled by the planner
    article_suffix: str = ""  # criminal: 款/项 of the 刑法 article
    extras: dict[str, Any] = field(default_factory=dict)


def _pick_weighted(rng: random.Random, options: list[tuple[Any, float]]) -> Any:
    total = sum(w for _, w in options)
    x = rng.random() * total
    for value, w in options:
        x -= w
        if x < 0:
            return value
    return options[-1][0]


class _Builder:
    """Holds one case under construction: agency, people, officers, sessions, acts, 文号."""

    def __init__(self, info: CaseTypeInfo, rng: random.Random, case_id: str, day: date) -> None:
        self.info = info
        self.rng = rng
        self.case_id = case_id
        self.day = day
        self.prof: AgencyProfile = pick_agency(rng)
        self.agency = self.prof.agency
        self.people = PeopleFactory(rng, self.prof)
        self.unit_kind = rng.choice(info.units)
        self.unit = self.prof.unit(self.unit_kind)
        self.team = [self.people.officer(self.unit) for _ in range(3 if rng.random() < 0.45 else 2)]
        self.busy: dict[str, datetime] = {}
        self.sessions: list[Session] = []
        self.acts: dict[str, datetime] = {}
        self.windows: list[tuple[datetime, datetime]] = []
        self.summons_issued: list[datetime | None] = []
        self.doc_numbers: dict[str, str] = {}
        self.extras: dict[str, Any] = {}
        self.criminal = info.kind == "criminal"
        self.victim_word = "被害人" if self.criminal else "被侵害人"
        self.suspect_word = "犯罪嫌疑人" if self.criminal else "违法嫌疑人"
        self.phrasings = load_data("phrasings")
        self.items_data = load_data("items")

    # --- time ---------------------------------------------------------------------------------------------------------

    def at(self, day: date, lo: float, hi: float) -> datetime:
        """A minute between ``lo`` and ``hi`` o'clock on ``day`` (hours may run past 24 into the next day)."""
        minutes = self.rng.randint(int(lo * 60), int(hi * 60))
        return datetime.combine(day, time()) + timedelta(minutes=minutes)

    def after(self, t: datetime, lo_min: int, hi_min: int) -> datetime:
        return t + timedelta(minutes=self.rng.randint(lo_min, hi_min))

    def same_day_after(self, t: datetime, lo_min: int, hi_min: int) -> datetime:
        """``t`` plus some minutes, kept on ``t``'s date (受案 on the day of 接报)."""
        end_of_day = datetime.combine(t.date(), time(23, 59))
        return min(self.after(t, lo_min, hi_min), max(end_of_day, t))

    def daytime(self, t: datetime, first: float = 8.5, last: float = 21.0) -> datetime:
        """``t``, or the next morning when ``t`` falls at night (people other than suspects are seen by day)."""
        if first <= t.hour + t.minute / 60 < last:
            return t
        day = t.date() + (DAY if t.hour >= last else timedelta())
        return max(t, self.at(day, first, first + 2))

    def report_after(self, t: datetime, lo_min: int, hi_min: int) -> datetime:
        """A report time; one falling in the last minutes of a day moves past midnight so 受案 can follow it."""
        r = self.after(t, lo_min, hi_min)
        if r.time() >= time(23, 45):
            r = datetime.combine(r.date() + DAY, time(0, self.rng.randint(5, 40)))
        return r

    def incident(self, hours: list[tuple[float, float, float]]) -> datetime:
        """The incident time on ``self.day``: (from_hour, to_hour, weight) windows, to_hour ≤ 23.5."""
        lo, hi = _pick_weighted(self.rng, [((a, b), w) for a, b, w in hours])
        return self.at(self.day, lo, hi)

    # --- people -------------------------------------------------------------------------------------------------------

    def person(self, role: str, **kw: Any) -> Person:
        return self.people.person(role, self.day, **kw)

    def suspect(self, age: tuple[int, int] = (18, 55), gender_male: float = 0.85, **kw: Any) -> Person:
        """The suspect: sometimes a minor (16–17 criminal, 14–17 administrative) with a parent as guardian."""
        rng = self.rng
        if self.info.minor_share and rng.random() < self.info.minor_share:
            # Criminal minors are boys 16–17 (full criminal responsibility; no 女工作人员 requirement to model).
            if self.criminal:
                return self.people.minor("suspect", self.day, (16, 17), gender="男")
            return self.people.minor("suspect", self.day, (14, 17))
        gender = "男" if rng.random() < gender_male else "女"
        return self.people.person("suspect", self.day, age, gender=gender, **kw)

    def victim(self, **kw: Any) -> Person:
        occ = kw.pop("occupation", None) or self.rng.choice(load_data("people")["victim_occupations"])
        if occ == "学生":
            kw["age"] = (18, 23)
        elif occ == "退休":
            kw["age"] = (60, 75)
        else:
            lo, hi = kw.get("age", (18, 62))
            kw["age"] = (lo, min(hi, 59))
        kw.setdefault("local", 0.8)
        return self.person("victim", occupation=occ, **kw)

    def witness(self, occupation: str | None = None, **kw: Any) -> Person:
        kw.setdefault("local", 0.75)
        return self.person("witness", occupation=occupation, **kw)

    def place(self, template: str) -> str:
        return self.people.place(template)

    # --- officers and sessions ----------------------------------------------------------------------------------------

    def _pairs(self) -> list[tuple[list[Officer], Officer]]:
        """Every (questioners, recorder) choice of the team, in a random order; the recorder is mostly the second."""
        team = self.team
        out: list[tuple[list[Officer], Officer]] = []
        for i in range(len(team)):
            for j in range(len(team)):
                if i == j:
                    continue
                pair = [team[i], team[j]]
                third = [o for o in team if o not in pair]
                if third and self.rng.random() < 0.35:
                    out.append((pair, third[0]))
                else:
                    out.append((pair, team[j]))
        self.rng.shuffle(out)
        return out

    def session(
        self,
        kind: Literal["inquiry", "interrogation", "penalty_notice"],
        person: Person,
        earliest: datetime,
        qa: list[tuple[str, str]],
        place: str,
        latest: datetime | None = None,
        minutes: int | None = None,
    ) -> Session:
        """Schedule a 笔录 at the first moment from ``earliest`` at which two officers and the person are free."""
        rng = self.rng
        if minutes is None:
            minutes = 8 + int(len(qa) * rng.uniform(2.2, 4.0)) + rng.randint(0, 12)
        keys_person = [person.id_number] + ([person.guardian.id_number] if person.guardian else [])
        best: tuple[datetime, list[Officer], Officer] | None = None
        for officers, recorder in self._pairs():
            start = earliest
            for key in [o.badge for o in officers] + [recorder.badge] + keys_person:
                if key in self.busy:
                    start = max(start, self.busy[key] + timedelta(minutes=rng.randint(5, 15)))
            if best is None or start < best[0]:
                best = (start, officers, recorder)
        assert best is not None
        start, officers, recorder = best
        if latest is not None and start > latest:
            raise _Replan("no free officers in the window")
        end = start + timedelta(minutes=minutes)
        for key in [o.badge for o in officers] + [recorder.badge] + keys_person:
            self.busy[key] = end
        s = Session(
            kind=kind, person=person, start=start, end=end, place=place, officers=officers, recorder=recorder, qa=qa
        )
        self.sessions.append(s)
        return s

    # --- places of sessions ------------------------------------------------------------------------------------------

    def station_room(self, room: str = "询问室", numbered: bool = False) -> str:
        """询问室 of the 派出所, or a numbered 询问室/讯问室 of its 办案区 or of the 执法办案中心."""
        n = self.rng.randint(1, 6)
        if self.unit_kind == "派出所" or not self.criminal:
            if not numbered and room == "询问室":
                return f"{self.agency.name}{self.agency.station}{room}"
            return f"{self.agency.name}{self.agency.station}办案区第{n}{room}"
        return f"{self.agency.name}执法办案中心第{n}{room}"

    def custody_room(self) -> str:
        return f"{self.agency.detention_center}第{self.rng.randint(1, 12)}讯问室"

    # --- 文号 ---------------------------------------------------------------------------------------------------------

    _RATES: ClassVar[dict[str, float]] = {
        "受案": 3.0,
        "立": 1.3,
        "传": 1.1,
        "拘": 0.7,
        "延拘": 0.15,
        "提捕": 0.4,
        "取保": 0.5,
        "扣": 0.9,
        "鉴聘": 0.6,
        "证保": 0.6,
        "行罚决": 4.0,
    }

    def serial(self, word: str, when: date) -> str:
        rate = self._RATES.get(word, 1.0) * (2.5 if self.prof.serial_width >= 5 else 1.0)
        if not self.criminal and word == "受案":
            rate *= 2.0
        # grows with the day of the year, so later documents of a kind carry larger numbers
        n = int(when.timetuple().tm_yday * rate) + self.rng.randint(1, max(2, int(rate * 2)))
        return f"{min(n, 10**self.prof.serial_width - 1):0{self.prof.serial_width}d}"

    def doc_number(self, key: str, word: str, when: date, serial: str | None = None) -> str:
        kind = "刑" if self.criminal else self.prof.admin_kind
        number = f"{self.agency.prefix}({kind}){word}字〔{when.year}〕{serial or self.serial(word, when)}号"
        self.doc_numbers[key] = number
        return number

    # --- Q&A ----------------------------------------------------------------------------------------------------------

    def identity_answer(self, p: Person) -> str:
        work = f"，在{p.workplace}{'上学' if p.occupation == '学生' else '工作'}" if p.workplace else ""
        return (
            f"我叫{p.name}，{p.gender}，{p.birth.year}年{p.birth.month}月{p.birth.day}日出生，{p.ethnicity}，"
            f"{p.education}文化，{p.occupation}{work}，身份证号码{p.id_number}，住{p.address}，"
            f"联系电话{p.phone}。"
        )

    def pick_optional(self, pool: list[tuple[str, str]], lo: int, hi: int) -> list[tuple[str, str]]:
        """Some of ``pool``, in pool order (the order an officer would ask them in)."""
        k = min(len(pool), self.rng.randint(lo, hi))
        chosen = sorted(self.rng.sample(range(len(pool)), k))
        return [pool[i] for i in chosen]

    def guardian_qa(self, p: Person) -> list[tuple[str, str]]:
        if p.guardian is None:
            return []
        rel = "父亲" if p.guardian.gender == "男" else "母亲"
        return [(f"你的法定代理人{p.guardian.name}（你的{rel}）现在在场，你知道吗？", "知道。")]

    def inquiry_qa(self, p: Person, role: str, purpose: str, account: str, extra: list[tuple[str, str]]) -> list:
        """询问笔录 of a victim / witness / reporter: rights, identity, events, details, confirmation."""
        rng = self.rng
        unit = self.unit if rng.random() < 0.7 else self.prof.unit("派出所")
        qa: list[tuple[str, str]] = [
            (
                f"我们是{unit}的民警（出示工作证件），现依法向你询问有关情况。你应当如实提供证据、证言，"
                "有意作伪证或者隐匿罪证要负法律责任；对与本案无关的问题，你有拒绝回答的权利。你听清楚了吗？",
                "听清楚了。",
            )
        ]
        if rng.random() < 0.5:
            qa.append(("你是否申请办案民警回避？", "不申请。"))
        qa.append(("请讲一下你的个人基本情况。", self.identity_answer(p)))
        qa += self.guardian_qa(p)
        qa.append((rng.choice(["你今天因何事来接受询问？", "你因为什么事情接受询问？"]), purpose))
        qa.append((rng.choice(["请你把事情的详细经过讲一下。", "你把当时的情况详细讲一下。"]), account))
        qa += self.pick_optional(extra, max(0, len(extra) - 3), len(extra))
        if rng.random() < 0.6:
            qa.append(("你还有什么需要补充的吗？", "没有了。"))
        qa.append((rng.choice(["以上所说是否属实？", "你以上所讲的是否属实？"]), "属实。"))
        return qa[:25]

    def suspect_rights(self, first: bool) -> list[tuple[str, str]]:
        rng = self.rng
        if self.criminal:
            if not first:
                return [
                    (
                        f"我们是{self.unit}的侦查人员（出示工作证件），今天依法继续对你进行讯问。前次讯问时告知你的"
                        "诉讼权利和义务你是否清楚？",
                        "清楚。",
                    )
                ]
            qa = [
                (
                    f"我们是{self.unit}的侦查人员（出示工作证件），现依法对你进行讯问。你对侦查人员的提问应当如实"
                    "回答，但是对与本案无关的问题有拒绝回答的权利；如实供述自己的罪行可以依法从宽处理，认罪认罚可以"
                    "依法从宽处理。你有权委托律师作为辩护人，经济困难的可以申请法律援助。以上内容你听清楚了吗？",
                    "听清楚了。",
                ),
                ("这是《犯罪嫌疑人诉讼权利义务告知书》，你看一下，能看懂吗？", "能看懂，我已经签名捺指印了。"),
            ]
            if rng.random() < 0.6:
                qa.append(("你是否申请侦查人员回避？", "不申请。"))
            return qa
        return [
            (
                f"我们是{self.unit}的民警（出示工作证件），现依法对你进行询问。你应当如实回答我们的提问，对与本案"
                "无关的问题有拒绝回答的权利；你有陈述和申辩的权利，有申请办案民警回避的权利。你听清楚了吗？",
                "听清楚了。",
            )
        ]

    def suspect_qa(self, story: Story, p: Person, number: int, arrival: str) -> list[tuple[str, str]]:
        """讯问笔录 (criminal) or 询问笔录 of the 违法嫌疑人 (administrative)."""
        rng = self.rng
        qa = self.suspect_rights(number == 1)
        if number == 1:
            qa.append(("请讲一下你的个人基本情况。", self.identity_answer(p)))
            qa += self.guardian_qa(p)
            qa.append(
                ("你以前受过刑事处罚或者行政处罚吗？" if self.criminal else "你以前受过公安机关处理吗？", "没有。")
            )
            if arrival:
                qa.append(("你是怎么到公安机关来的？", arrival))
            if not self.criminal:
                spouse = "妻子" if p.gender == "男" else "丈夫"
                rel = (
                    rng.choice([spouse, spouse, "父亲", "母亲", "哥哥", "姐姐"])
                    if p.guardian is None
                    else ("父亲" if p.guardian.gender == "男" else "母亲")
                )
                phone = p.guardian.phone if p.guardian else self.people.phone()
                qa.append(("你家属的联系方式是什么？我们将依法通知你的家属。", f"我{rel}的电话是{phone}。"))
            qa.append((f"你知道为什么{'被传唤' if arrival else '接受讯问'}吗？", f"知道，是因为{story.why}的事。"))
            qa.append((rng.choice(["把事情的经过如实讲一下。", "你把事情的详细经过讲一下。"]), story.confession))
            qa += self.pick_optional(story.suspect_qa, max(1, len(story.suspect_qa) - 3), len(story.suspect_qa))
            if self.criminal:
                qa.append(("你是否委托律师？", rng.choice(["暂时不委托。", "我要委托律师，让家里人帮我请。"])))
                if rng.random() < 0.7:
                    qa.append(("你是否自愿认罪认罚？", "我自愿认罪认罚。"))
        else:
            qa.append(("你前次所讲的是否属实？", "属实。"))
            more = self.pick_optional(story.suspect_qa, 1, min(3, len(story.suspect_qa)))
            qa += more
            qa.append(("你还有什么要补充的吗？", rng.choice(["没有了。", "我知道错了，愿意退赔被害人的损失。"])))
        if p.guardian is not None:
            qa.append(
                (
                    f"法定代理人{p.guardian.name}，你对本次{'讯问' if self.criminal else '询问'}有什么意见？",
                    "没有意见。",
                )
            )
        qa.append((rng.choice(["以上所说是否属实？", "你以上所讲的是否属实？"]), "属实。"))
        return qa[:25]


class _Replan(Exception):
    """Raised when a draw cannot be fitted into the legal windows; the case is drawn again from the next state."""


# --- stories: helpers -------------------------------------------------------------------------------------------------


def _catalog(b: _Builder, table: str, name: str) -> dict[str, Any]:
    return next(e for e in b.items_data[table] if e["name"] == name)


def _item(b: _Builder, entry: dict[str, Any], lo: int = 0, hi: int | None = None) -> Item:
    """An item of the catalogue with a value in its range (raised to at least ``lo``), rounded like an appraisal."""
    top = entry["max"] if hi is None else min(hi, entry["max"])
    bottom = min(max(entry["min"], lo), top)
    step = 100 if entry["name"] == "现金" else 10
    value = b.rng.randint(bottom, top)
    value = max(bottom, min(top, (value // step) * step)) if top - bottom >= step else value
    name = f"现金{_money(value)}" if entry["name"] == "现金" else entry["name"]
    return Item(name=name, value=value, description=b.rng.choice(entry["desc"]))


def _phrase(item: Item) -> str:
    """How a narrative names an item: 白色雅迪牌电动自行车一辆."""
    return f"{item.description}{item.name}"


def _phrases(items: list[Item]) -> str:
    return "、".join(_phrase(i) for i in items)


def _local_part(b: _Builder, place: str) -> str:
    """The place without its city and district: what a witness says."""
    return place.split(b.agency.district, 1)[-1]


def _near(b: _Builder, place: str) -> str:
    """在<place>附近 without 内/门口 before 附近."""
    return re.sub(r"(内|门口|门前|附近)$", "", _local_part(b, place)) + "附近"


def _report_method(b: _Builder, weights: tuple[float, float] = (0.7, 0.3)) -> str:
    return _pick_weighted(b.rng, [("拨打110报警", weights[0]), ("到派出所报案", weights[1])])


def _report_words(method: str) -> str:
    return "打110报了警" if method == "拨打110报警" else "到派出所报案"


def _looks(b: _Builder, p: Person) -> str:
    rng = b.rng
    height = f"1米{rng.randint(60, 82)}" if p.gender == "男" else f"1米{rng.randint(52, 68)}"
    build = rng.choice(["偏瘦", "中等身材", "偏胖", "比较壮实"])
    clothes = rng.choice(["黑色外套", "灰色卫衣", "深蓝色夹克", "白色短袖", "迷彩上衣", "红色T恤"])
    return f"个子大概{height}左右，{build}，穿一件{clothes}"


def _age_words(p: Person, day: date) -> str:
    age = age_on(p.birth, day)
    return "十几岁" if age < 20 else f"{(age // 10) * 10}多岁" if age % 10 >= 3 else f"{(age // 10) * 10}岁出头"


def _motive(b: _Builder) -> str:
    return b.rng.choice(
        [
            "最近没找到工作，手头紧，想弄点钱花。",
            "打游戏欠了网贷，想弄点钱还账。",
            "一时糊涂，看到没人就起了贪心。",
            "在外面欠了别人钱，想换点钱用。",
        ]
    )


def _whereabouts(b: _Builder, items: list[Item]) -> tuple[str, bool]:
    w = b.rng.choice(b.phrasings["item_whereabouts"])
    price = max(50, int(sum(i.value for i in items) * b.rng.uniform(0.2, 0.45)) // 10 * 10)
    return w["confession"].format(price=price) + "。", bool(w["recovered"])


def _witness_seen(b: _Builder, witness: Person, suspect: Person, t: datetime, where: str, after: str) -> str:
    sex = "男子" if suspect.gender == "男" else "女子"
    return (
        f"{spoken(t)}，我在{where}，看到一个{_age_words(suspect, t.date())}的{sex}在附近来回走动，"
        f"{_looks(b, suspect)}。"
        f"{after}"
    )


# --- criminal stories -------------------------------------------------------------------------------------------------

_NIGHT = [(0, 5, 3), (20, 23.4, 4)]
_THEFT_HOURS = {
    "车库": _NIGHT,
    "楼道": _NIGHT,
    "工地": _NIGHT,
    "住宅": [(9, 22, 1)],
    "商铺": [(10, 21.5, 1)],
    "饭店": [(11, 13.5, 1), (17, 22, 2)],
}
_THEFT_REPORT_DELAY = {
    "车库": (360, 840),
    "楼道": (360, 840),
    "住宅": (60, 600),
    "商铺": (10, 180),
    "饭店": (5, 60),
    "工地": (360, 720),
}


def _story_theft(b: _Builder) -> Story:
    rng = b.rng
    scene = rng.choice([s for s in b.phrasings["theft_scenes"] if s["items"]])
    key = scene["key"]
    multi = rng.random() < 0.2
    suspect = b.suspect()
    accomplice = b.person("suspect", age=(18, 45), gender="男") if not multi and rng.random() < 0.12 else None
    last = b.incident(_THEFT_HOURS[key])
    times = [last]
    if multi:
        t2 = last - timedelta(days=rng.randint(5, 25), minutes=rng.randint(-90, 90))
        t1 = t2 - timedelta(days=rng.randint(5, 25), minutes=rng.randint(-90, 90))
        times = [t1, t2, last]
    vehicle = key in ("车库", "楼道")
    incidents: list[tuple[datetime, str, Person, list[Item]]] = []
    for t in times:
        entry = _catalog(
            b, "valuable", rng.choice([n for n in scene["items"] if _catalog(b, "valuable", n)["max"] > 3000])
        )
        items = [_item(b, entry, lo=0 if multi else 3000)]
        if key == "住宅" and rng.random() < 0.4:
            other = rng.choice([n for n in scene["items"] if n != items[0].name and not n.startswith("现金")])
            items.append(_item(b, _catalog(b, "valuable", other)))
        incidents.append((t, b.place(scene["place"]), b.victim(), items))
    all_items = [i for inc in incidents for i in inc[3]]
    total = sum(i.value for i in all_items)
    t_last, place, victim, items = incidents[-1]
    method = _report_method(b)
    report = b.report_after(t_last, *_THEFT_REPORT_DELAY[key])
    with_acc = f"伙同{accomplice.name}（另案处理）" if accomplice else ""
    parked = "停放在此的" if vehicle else "的"

    def clause(t: datetime, pl: str, v: Person, its: list[Item], who: str) -> str:
        return f"{fmt_approx(t)}，{who}在{pl}，{scene['method']}将被害人{v.name}{parked}{_phrases(its)}盗走"

    bureau = b.prof.price_bureau
    if multi:
        t1 = times[0]
        span = _span(t1, last)
        parts = [f"{n}.{clause(t, pl, v, its, suspect.name)}" for n, (t, pl, v, its) in enumerate(incidents, 1)]
        narrative = (
            f"{span}，犯罪嫌疑人{suspect.name}先后三次在{b.agency.city}{b.agency.district}等地实施盗窃：{'；'.join(parts)}。"
            f"经{bureau}认定，被盗物品共计价值{_money(total)}。"
        )
        case_name = f"{suspect.name}盗窃案"
    else:
        who = f"犯罪嫌疑人{suspect.name}{with_acc}"
        narrative = f"{clause(t_last, place, victim, items, who)}。经{bureau}认定，被盗物品价值{_money(total)}。"
        case_name = f"{victim.name}家中被盗案" if key == "住宅" else f"{victim.name}{_short(items[0].name)}被盗案"
    short = _short(items[0].name)
    accounts = {
        victim.id_number: (
            f"{spoken(t_last - timedelta(minutes=rng.randint(20, 240)))}，{scene['victim_story'].format(item=short)}。"
            f"{spoken(report - timedelta(minutes=rng.randint(5, 30)))}，我发现{short}不见了，在周围找了一圈也没找到，"
            f"就{_report_words(method)}。"
        )
    }
    extra = {
        victim.id_number: [
            (
                f"被盗的{short}是什么时候买的？花了多少钱？",
                f"是{max(t_last.year - rng.randint(0, 3), 2016)}年买的，"
                f"当时花了{int(items[0].value * rng.uniform(1.2, 1.7)) // 10 * 10}元左右。",
            ),
            (f"被盗的{short}有什么特征？", f"是{items[0].description}的，用了一段时间，我能认出来。"),
            ("现场有没有监控？", rng.choice(["附近有监控，可以调取。", "我不清楚，你们可以去问一下物业。"])),
            ("你怀疑是谁偷的吗？", "不知道，我没看见是谁。"),
            ("你有什么要求？", "希望公安机关尽快抓到人，把东西追回来。"),
        ]
    }
    later = [v for _, _, v, _ in incidents[:-1]]
    for t, _pl, v, its in incidents[:-1]:
        s = _short(its[0].name)
        accounts[v.id_number] = (
            f"{spoken(t - timedelta(minutes=rng.randint(30, 200)))}，{scene['victim_story'].format(item=s)}。"
            f"后来发现{s}不见了，"
            "当时以为找不回来了，就没有报警。前两天民警打电话联系我，说抓到了偷东西的人，让我来做笔录。"
        )
        extra[v.id_number] = [(f"被盗的{s}有什么特征？", f"是{its[0].description}的。")]
    witnesses = []
    if rng.random() < 0.55:
        occupation = {
            "车库": "保安",
            "楼道": "保安",
            "住宅": "保安",
            "商铺": "销售员",
            "饭店": "服务员",
            "工地": "工人",
        }[key]
        w = b.witness(occupation)
        where = {"保安": "小区门岗值班", "销售员": "店里上班", "服务员": "店里上班", "工人": "工地值班室"}[occupation]
        accounts[w.id_number] = _witness_seen(
            b,
            w,
            suspect,
            t_last - timedelta(minutes=rng.randint(5, 40)),
            where,
            "当时我没太在意，后来听说有人丢了东西，我才想起这个人。",
        )
        extra[w.id_number] = [("你能辨认出这个人吗？", "见到本人应该能认出来。")]
        witnesses.append(w)
    whereabouts, recovered = _whereabouts(b, all_items)
    if multi:
        steps = "；".join(
            f"第{cn_number(n)}次是{spoken(t)}，在{_local_part(b, pl)}，"
            f"{scene['confession']}把{_phrases(its)}{scene['verb']}了"
            for n, (t, pl, _v, its) in enumerate(incidents, 1)
        )
        confession = f"我一共偷了三次。{steps}。"
    else:
        company = f"和{accomplice.name}一起" if accomplice else "一个人"
        confession = (
            f"{spoken(t_last)}，我{company}到{_local_part(b, place)}，{scene['confession']}"
            f"把{_phrases(items)}{'拿走' if '电瓶' in items[0].name else scene['verb']}了。"
        )
    suspect_qa = [("你为什么要偷东西？", _motive(b))]
    if scene["tool"]:
        suspect_qa.append(("作案工具现在在哪里？", f"{scene['tool']}在我身上，已经被你们扣押了。"))
    suspect_qa += [
        ("偷来的东西现在在哪里？", whereabouts),
        ("你作案时有没有被人看见？", "应该没有人看见。"),
        ("你对自己的行为怎么认识？", "我知道偷东西是违法的，我错了，愿意退赔被害人的损失。"),
    ]
    seize = ([_phrase(i) for i in all_items] if recovered else []) + ([scene["tool"]] if scene["tool"] else [])
    return Story(
        incident_time=t_last,
        place=place,
        narrative=narrative,
        case_name=case_name,
        suspect=suspect,
        report_time=report,
        report_source="报案",
        report_method=method,
        victims=[victim, *later],
        witnesses=witnesses,
        reporter=victim,
        items=all_items,
        amount=total,
        accomplices=[accomplice] if accomplice else [],
        pattern="多次作案" if multi else "结伙作案" if accomplice else "",
        accounts=accounts,
        extra_qa=extra,
        why="偷东西",
        confession=confession + whereabouts,
        suspect_qa=suspect_qa,
        later_victims=later,
        appraisal="price",
        appraisal_result=f"被盗物品价值{_money(total)}",
        seize=seize,
        custody="bail" if rng.random() < (0.7 if suspect.guardian else 0.12) else "detain",
        extras={
            "scene": key,
            "method": scene["method"].rstrip("，"),
            "offense_count": len(incidents),
            "items_recovered": recovered,
            "tool": scene["tool"],
            "incidents": [
                {"time": t, "place": pl, "victim": v.name, "items": [i.name for i in its]}
                for t, pl, v, its in incidents
            ],
        },
    )


def _story_snatching(b: _Builder) -> Story:
    rng = b.rng
    suspect = b.suspect(age=(18, 40))
    accomplice = b.person("suspect", age=(18, 40), gender="男") if rng.random() < 0.25 else None
    victim = b.victim(gender="女" if rng.random() < 0.75 else "男")
    t = b.incident([(6, 9, 2), (17, 23, 5), (11, 14, 1)])
    street = rng.choice(b.prof.streets)
    place = b.place(
        rng.choice(
            ["{street}{no}号附近人行道上", "{street}与{street2}交叉路口附近", "{street}一{transit}附近"]
        ).replace("{street}", street)
    )
    kind = rng.choice(["手机一部", "黄金项链一条", "挎包"])
    if kind == "挎包":
        cash = _item(b, _catalog(b, "petty", "现金"), lo=200)
        phone = _item(b, _catalog(b, "valuable", "手机一部"), lo=max(2600, 3000 - cash.value))
        items = [Item("女式挎包一个", rng.randint(2, 6) * 50, "黑色皮质"), cash, phone]
        grab, how = "背在身上的挎包（内有现金及手机）", "背在肩上的包"
    else:
        items = [_item(b, _catalog(b, "valuable", kind), lo=3000)]
        grab = "手中的" + _phrase(items[0]) if kind == "手机一部" else "佩戴在颈部的" + _phrase(items[0])
        how = "手里拿着的手机" if kind == "手机一部" else "脖子上戴的金项链"
    total = sum(i.value for i in items)
    vehicle = rng.choice(["电动自行车", "无牌摩托车"])
    with_acc = f"伙同{accomplice.name}（另案处理）" if accomplice else ""
    drive = f"由{accomplice.name}驾驶{vehicle}搭载{suspect.name}" if accomplice else f"驾驶{vehicle}"
    narrative = (
        f"{fmt_approx(t)}，犯罪嫌疑人{suspect.name}{with_acc}在{place}，{drive}从被害人{victim.name}身后靠近，"
        f"趁其不备，强行夺走{victim.name}{grab}后驾车逃离现场。经{b.prof.price_bureau}认定，被抢物品价值{_money(total)}。"
    )
    method = _report_method(b, (0.9, 0.1))
    report = b.report_after(t, 3, 30)
    accounts = {
        victim.id_number: (
            f"{spoken(t)}，我走在{_local_part(b, place)}，突然有人骑着{vehicle}从我身后过来，一把抢走了我{how}，"
            f"然后加速往前跑了。我追了几步没追上，就{_report_words(method)}。"
        )
    }
    extra = {
        victim.id_number: [
            ("抢你东西的人有什么特征？", _looks(b, suspect) + "，骑的是" + vehicle + "。"),
            ("被抢的东西价值多少？", f"大概{total}元左右。"),
            ("你有没有受伤？", rng.choice(["没有受伤，就是吓了一跳。", "手被擦破了一点皮，没什么大碍。"])),
            ("你有什么要求？", "希望尽快抓到人，把东西追回来。"),
        ]
    }
    witnesses = []
    if rng.random() < 0.5:
        w = b.witness()
        accounts[w.id_number] = (
            f"{spoken(t)}，我在路边等人，听到一个{'女的' if victim.gender == '女' else '男的'}喊“抢东西了”，"
            f"看到一辆{vehicle}往前冲过去，车上的人{_looks(b, suspect)}，一下子就跑远了。"
        )
        extra[w.id_number] = [("你看清车牌了吗？", "没有看清，车开得很快。")]
        witnesses.append(w)
    whereabouts, recovered = _whereabouts(b, items)
    confession = (
        f"{spoken(t)}，我{'和' + accomplice.name + '一起' if accomplice else ''}骑着{vehicle}在{street}一带转，"
        f"看到一个{'女的' if victim.gender == '女' else '男的'}{how.replace('我', '')}，"
        "就从后面靠过去一把抢了过来，然后骑车跑了。"
    )
    suspect_qa = [
        ("你为什么要抢别人东西？", _motive(b)),
        ("作案用的车现在在哪里？", f"{vehicle}停在我租的房子楼下。"),
        ("抢来的东西在哪里？", whereabouts),
        ("你抢东西时对被害人有没有动手？", "没有打人，就是抢了东西就跑。"),
    ]
    return Story(
        incident_time=t,
        place=place,
        narrative=narrative,
        case_name=f"{victim.name}被抢夺案",
        suspect=suspect,
        report_time=report,
        report_source="报案",
        report_method=method,
        victims=[victim],
        witnesses=witnesses,
        reporter=victim,
        items=items,
        amount=total,
        accomplices=[accomplice] if accomplice else [],
        pattern="结伙作案" if accomplice else "",
        accounts=accounts,
        extra_qa=extra,
        why="抢别人东西",
        confession=confession + whereabouts,
        suspect_qa=suspect_qa,
        appraisal="price",
        appraisal_result=f"被抢物品价值{_money(total)}",
        seize=([_phrase(i) for i in items if not i.name.startswith("现金")] if recovered else []) + [vehicle + "一辆"],
        custody="bail" if rng.random() < (0.6 if suspect.guardian else 0.1) else "detain",
        extras={"vehicle_used": vehicle, "items_recovered": recovered},
    )


def _story_fraud_telecom(b: _Builder) -> Story:
    rng = b.rng
    scheme = rng.choice(b.phrasings["fraud_schemes"])
    suspect = b.suspect(age=(19, 45), local=0.4)
    victim = b.victim(age=(22, 68))
    role = rng.choice(["取现", "转账", "拨打电话"])
    alias = rng.choice(["阿杰", "老K", "小飞", "海哥", "阿明", "大龙"])
    upline = f"网名“{alias}”的男子"
    pattern = rng.choice(["结伙作案", "流窜作案"])
    partner = b.person("suspect", age=(18, 40), gender="男", local=0.3) if pattern == "结伙作案" else None
    first = b.incident([(9, 22, 1)])
    n = rng.randint(2, 5)
    total = rng.randint(10000, 180000) // 100 * 100
    cuts = sorted(rng.sample(range(1, total // 100), n - 1))
    amounts = [(b2 - a) * 100 for a, b2 in zip([0, *cuts], [*cuts, total // 100], strict=True)]
    transfers = []
    t = first + timedelta(minutes=rng.randint(20, 90))
    for amt in amounts:
        transfers.append({"time": t, "amount": amt, "channel": rng.choice(["手机银行", "微信", "支付宝"])})
        t += timedelta(minutes=rng.randint(15, 600))
    last = transfers[-1]["time"]
    report = b.report_after(last, 30, 1800)
    method = rng.choice(["拨打110报警", "到派出所报案", "拨打96110反诈专线后报警"])
    duty = {
        "取现": "按上线指令持银行卡在ATM机取现并将赃款交给上线",
        "转账": "提供本人银行卡并按上线指令转移赃款",
        "拨打电话": "按照话术剧本拨打电话与被害人联系",
    }[role]
    narrative = (
        f"{fmt_approx(first)}起，犯罪嫌疑人{suspect.name}伙同{upline}{'、' + partner.name if partner else ''}等人"
        f"（另案处理），{scheme['contact']}与被害人"
        f"{victim.name}取得联系，{scheme['lure']}，骗得{victim.name}先后{cn_count(n)}次向指定账户转账共计{_money(total)}。"
        f"经查，{suspect.name}在该诈骗团伙中负责{duty}。"
    )
    accounts = {
        victim.id_number: (
            f"{spoken(first)}，{scheme['victim_story']}。我按照对方的要求，从{spoken(transfers[0]['time'], False)}开始"
            f"先后转了{n}次钱，一共{total}元。后来对方就联系不上了，我才知道被骗了，就报了警。"
        )
    }
    extra = {
        victim.id_number: [
            (
                "你每次转账的时间、金额和方式是什么？",
                "；".join(f"{spoken(x['time'])}通过{x['channel']}转了{x['amount']}元" for x in transfers) + "。",
            ),
            ("对方是怎么联系你的？", f"是{scheme['contact'].removeprefix('通过')}联系我的。"),
            ("你有没有保存聊天记录和转账记录？", "有，我已经截图交给你们了。"),
            ("你有什么要求？", "希望公安机关追回我的钱。"),
        ]
    }
    witnesses = []
    if rng.random() < 0.4:
        w = b.witness()
        accounts[w.id_number] = (
            f"我是{victim.name}的{rng.choice(['朋友', '同事', '亲戚'])}。{spoken(report)}，{victim.name}跟我说"
            "转了好几万出去，对方联系不上了，我觉得是被骗了，就陪着去报了警。"
        )
        witnesses.append(w)
    gain = rng.randint(10, 60) * 100
    confession = (
        f"{spoken(first - timedelta(days=rng.randint(10, 60)))}，我在网上认识了{upline}，他说有个来钱快的活，"
        f"让我{duty.replace('按上线指令', '按他说的').replace('按照话术剧本', '照着他给的话术')}，每次给我提成。"
        f"我干了一段时间，一共拿了大概{gain}元好处费。我知道他们是搞诈骗的。"
    )
    suspect_qa = [
        ("你是怎么认识上线的？", f"在网上认识的，只知道他叫“{alias}”，没见过面。"),
        ("你一共获利多少？", f"大概{gain}元。"),
        ("你知道这些钱是诈骗来的吗？", "开始不清楚，后来知道了，是骗来的钱。"),
        ("你用的手机和银行卡在哪里？", "都在我身上，被你们扣押了。"),
    ]
    return Story(
        incident_time=first,
        place=victim.address,
        narrative=narrative,
        search_days=(7, 60),
        case_name=f"{victim.name}被电信网络诈骗案",
        suspect=suspect,
        report_time=report,
        report_source="报案",
        report_method=method,
        victims=[victim],
        witnesses=witnesses,
        reporter=victim,
        amount=total,
        pattern=pattern,
        accomplices=[partner] if partner else [],
        accounts=accounts,
        extra_qa=extra,
        why="帮别人骗钱",
        confession=confession,
        suspect_qa=suspect_qa,
        seize=["手机一部", "银行卡" + cn_count(rng.randint(2, 5)) + "张"],
        custody="detain" if rng.random() < 0.85 else "bail",
        extras={
            "scheme": scheme["key"],
            "suspect_role": role,
            "upline": upline,
            "transfers": transfers,
            "illegal_gain": gain,
        },
    )


_FIGHT_PLACES = {
    "street": ["{street}{no}号{compound}{b}栋楼下", "{street}{no}号一{shop}门前", "{street}{no}号附近"],
    "venue": ["{street}{no}号一{food}内", "{street}{no}号一{leisure}内", "{street}{no}号一{food}门口"],
}


def _fight(b: _Builder) -> tuple[str, str]:
    """A dispute and a place where a fight over it happens."""
    dispute = b.rng.choice(b.phrasings["disputes"])
    where = dispute["where"]
    templates = _FIGHT_PLACES["street"] + _FIGHT_PLACES["venue"] if where == "any" else _FIGHT_PLACES[where]
    return dispute["name"], b.place(b.rng.choice(templates))


def _story_injury(b: _Builder) -> Story:
    rng = b.rng
    suspect = b.suspect(age=(20, 58))
    victim = b.victim(age=(20, 65))
    t = b.incident([(11, 14, 1), (17, 23.4, 4), (0, 3, 1)])
    dispute, place = _fight(b)
    weapon = rng.choice(b.phrasings["weapons"])
    harm = rng.choice(b.phrasings["serious_injuries"])
    body = harm["body"]
    forensic = b.prof.forensic_center
    narrative = (
        f"{fmt_approx(t)}，犯罪嫌疑人{suspect.name}在{place}因{dispute}问题与被害人{victim.name}发生争执，"
        f"{suspect.name}{weapon['narrative']}殴打{victim.name}{body}，致{victim.name}受伤。经{forensic}鉴定，"
        f"{victim.name}{harm['desc']}，损伤程度为{harm['grade']}。"
    )
    method = _report_method(b, (0.85, 0.15))
    report = b.report_after(t, 5, 40)
    hit = weapon["confession"]
    accounts = {
        victim.id_number: (
            f"{spoken(t)}，我在{_local_part(b, place)}，因为{dispute}的事跟一个"
            f"{'男的' if suspect.gender == '男' else '女的'}"
            f"吵了起来，他{hit}朝我{body}打了好几下，我当时就倒在地上，后来医院诊断是{harm['desc']}。"
            f"后来旁边的人{_report_words(method)}，我被送到了医院。"
        )
    }
    extra = {
        victim.id_number: [
            ("打你的人你认识吗？", rng.choice(["不认识。", f"认识，他叫{suspect.name}，平时见过几次。"])),
            ("你当时有没有还手？", rng.choice(["没有还手。", "我推了他一下，没有打他。"])),
            ("你现在伤情怎么样？", f"医院诊断是{harm['desc']}，还在治疗。"),
            ("你有什么要求？", "要求依法处理打人的人，赔偿我的医药费。"),
        ]
    }
    witnesses = []
    for _ in range(rng.choice([1, 1, 2])):
        w = b.witness()
        accounts[w.id_number] = (
            f"{spoken(t)}，我在{_near(b, place)}，看到两个人因为{dispute}的事吵起来，后来其中一个人{hit}"
            f"朝另一个人{body}打了几下，被打的人倒在地上流了很多血。打人的{_looks(b, suspect)}，打完人就走了。"
        )
        extra[w.id_number] = [("你认识双方吗？", "都不认识。"), ("你能辨认出打人的人吗？", "能认出来。")]
        witnesses.append(w)
    confession = (
        f"{spoken(t)}，我在{_local_part(b, place)}，因为{dispute}的事跟对方吵起来了，当时我喝了点酒，一时冲动，"
        f"{hit}朝他{body}打了几下，看到他流血了我就走了。"
    )
    suspect_qa = [
        ("你为什么打人？", f"因为{dispute}的事，对方说话难听，我一时没控制住。"),
        ("你用什么打的？", weapon["item"] or "用拳头打的，没有用工具。"),
        ("你打了对方哪些部位？", f"主要是{body}。"),
        ("你愿意赔偿被害人的损失吗？", "愿意，我愿意赔偿他的医药费，争取他的谅解。"),
    ]
    return Story(
        incident_time=t,
        place=place,
        narrative=narrative,
        case_name=f"{suspect.name}故意伤害案",
        suspect=suspect,
        report_time=report,
        report_source="报案",
        report_method=method,
        victims=[victim],
        witnesses=witnesses,
        reporter=witnesses[0] if method == "拨打110报警" else victim,
        accounts=accounts,
        extra_qa=extra,
        why="打人",
        confession=confession,
        suspect_qa=suspect_qa,
        appraisal="injury",
        appraisal_result=f"{victim.name}{harm['desc']}，损伤程度为{harm['grade']}",
        injured_victims=True,
        seize=[],  # the weapon is collected at the scene (提取), not seized from the suspect
        article_suffix="第一款",
        custody="bail" if suspect.guardian or rng.random() < 0.35 else "detain",
        extras={
            "dispute": dispute,
            "weapon": weapon["item"],
            "injury_grade": harm["grade"],
            "injury_desc": harm["desc"],
        },
    )


def _story_helping(b: _Builder) -> Story:
    rng = b.rng
    suspect = b.suspect(age=(18, 35))
    banks = rng.sample(b.items_data["bank_names"], rng.randint(2, 5))
    lo, hi = b.items_data["bank_card_price"]
    items = [Item(f"{bank}借记卡一张", rng.randint(lo // 50, hi // 50) * 50, "含配套U盾及绑定手机卡") for bank in banks]
    n_phone = rng.choice([0, 0, 3, 5, 8, 12])
    if n_phone:
        plo, phi = b.items_data["phone_card_price"]
        carrier = rng.choice(b.items_data["carriers"])
        items.append(
            Item(f"{carrier}手机卡{cn_count(n_phone)}张", n_phone * rng.randint(plo // 10, phi // 10) * 10, "已实名")
        )
    gain = sum(i.value for i in items)
    flow = rng.randint(200000, 2800000) // 100 * 100
    alias = rng.choice(["老板", "阿龙", "小杰", "强哥", "阿豪"])
    buyer = f"网名“{alias}”的男子"
    t = b.incident([(10, 22, 1)])
    fraud_victim = b.person("victim", age=(25, 65), local=0.0)
    loss = rng.randint(20000, min(flow, 300000)) // 100 * 100
    place = b.place(rng.choice(["{street}{no}号一{lodging}内", "{street}{no}号一{food}内"]))
    lag = rng.randint(20, 120) * 24 * 60
    report = b.after(t, lag, lag + 600)
    if report.time() >= time(23, 45) or report.time() < time(8):
        report = datetime.combine(report.date(), time(9, rng.randint(0, 59)))
    cards = "、".join(banks)
    phone_part = f"及{items[-1].name}" if n_phone else ""
    narrative = (
        f"{fmt_approx(t)}，犯罪嫌疑人{suspect.name}明知他人利用信息网络实施犯罪，仍在{place}将其名下{cards}借记卡"
        f"{cn_count(len(banks))}张（含配套U盾）{phone_part}出售给{buyer}，非法获利{_money(gain)}。经查，上述银行卡被用于"
        f"电信网络诈骗资金结算，支付结算金额共计{_money(flow)}，其中包括被害人{fraud_victim.name}被骗的{_money(loss)}。"
    )
    confession = (
        f"{spoken(t - timedelta(days=rng.randint(3, 20)))}，我在网上看到有人收银行卡，一张给几百块钱。后来我跟{buyer}"
        f"联系上了，{spoken(t)}在{_local_part(b, place)}把我办的{cards}的卡{cn_count(len(banks))}张和U盾"
        f"{'、手机卡' if n_phone else ''}都给了他，一共拿了{gain}元。"
    )
    suspect_qa = [
        ("你知道对方买银行卡做什么吗？", "他没明说，但我猜到是用来走账的，可能是诈骗的钱。"),
        ("你办理银行卡时银行有没有提醒你？", "办卡的时候银行工作人员跟我说过不能出租出借出售银行卡。"),
        ("你卖卡的钱在哪里？", "都花了，吃饭、买衣服用掉了。"),
        ("你还有其他银行卡卖给别人吗？", "没有了，就这几张。"),
        ("你现在怎么认识？", "我知道错了，不该为了点钱卖卡。"),
    ]
    witnesses = []
    accounts: dict[str, str] = {}
    if rng.random() < 0.4:
        w = b.witness(age=(18, 35))
        accounts[w.id_number] = (
            f"我和{suspect.name}是朋友。{spoken(t - timedelta(days=rng.randint(5, 30)))}，"
            "他跟我说网上有人收银行卡，问我要不要一起卖，我没有同意。"
        )
        witnesses.append(w)
    return Story(
        incident_time=t,
        place=place,
        narrative=narrative,
        case_name=f"{suspect.name}帮助信息网络犯罪活动案",
        suspect=suspect,
        report_time=report,
        report_source="线索移交",
        report_method="反诈中心推送线索",
        victims=[fraud_victim],
        witnesses=witnesses,
        items=items,
        amount=flow,
        accounts=accounts,
        why="卖银行卡",
        confession=confession,
        suspect_qa=suspect_qa,
        search_days=(0, 10),
        seize=["手机一部"] + ([f"未售出的{b.items_data['carriers'][0]}手机卡两张"] if rng.random() < 0.2 else []),
        article_suffix="第一款",
        custody="bail" if suspect.guardian or rng.random() < 0.5 else "detain",
        extras={
            "bank_cards": banks,
            "phone_cards": n_phone,
            "settlement_amount": flow,
            "illegal_gain": gain,
            "buyer": buyer,
            "victim_loss": loss,
        },
    )


def _plate(b: _Builder) -> str:
    chars = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    return f"{b.prof.plate}{''.join(b.rng.choice(chars) for _ in range(5))}"


def _story_dangerous_driving(b: _Builder) -> Story:
    rng = b.rng
    suspect = b.suspect(age=(22, 58), gender_male=0.9, occupation=rng.choice(["个体经营", "职员", "务工", "销售员"]))
    vehicle = rng.choice(b.items_data["vehicles"])
    model = rng.choice(vehicle["models"])
    plate = _plate(b)
    t = b.incident([(20, 23.4, 4), (0, 2.5, 2), (12, 14, 1)])
    streets = rng.sample(list(b.prof.streets), 2)
    place = f"{b.prof.province_short}{b.agency.city}{b.agency.district}{streets[0]}与{streets[1]}交叉路口"
    bac = rng.randint(81, 260)
    breath = max(80, min(300, int(bac * rng.uniform(0.9, 1.08))))
    report = b.after(t, 1, 6)
    if report.time() >= time(23, 45):
        report = b.after(report, 20, 20)
    breath_time = b.after(report, 2, 8)
    blood_time = b.after(breath_time, 20, 60)
    hospital = rng.choice(b.prof.hospitals)
    forensic = b.prof.forensic_center
    narrative = (
        f"{fmt_approx(t)}，犯罪嫌疑人{suspect.name}饮酒后驾驶车牌号为{plate}的{vehicle['type']}行驶至{place}时，"
        f"被正在执勤的民警查获。经呼气式酒精检测，{suspect.name}呼气酒精含量为{breath}mg/100ml；经抽取血样送"
        f"{forensic}检验，{suspect.name}血液中乙醇含量为{bac}mg/100ml，达到醉酒驾驶机动车标准。"
    )
    drink = rng.choice(["和几个朋友吃饭，喝了大概半斤白酒", "在饭店跟同事聚餐，喝了四五瓶啤酒", "在家喝了几两白酒"])
    confession = (
        f"{spoken(t - timedelta(hours=rng.randint(2, 4)), False)}，我{drink}。吃完饭我想着路不远，就自己开车"
        f"（{model}，车牌{plate}）回家，开到{_local_part(b, place)}时被交警拦下来检查，吹气以后交警说我是醉驾，"
        f"带我去{hospital}抽了血。"
    )
    suspect_qa = [
        ("你有驾驶证吗？", f"有，是C1驾驶证，{rng.randint(2005, 2018)}年领的。"),
        ("这辆车是谁的？", rng.choice(["是我自己的车。", "是我爱人名下的车。"])),
        ("你喝酒以后为什么还要开车？", "我以为喝得不多没事，心存侥幸，我错了。"),
        ("你对血液酒精检验结果有没有异议？", "没有异议。"),
        ("你开车的时候有没有发生事故？", "没有发生事故。"),
    ]
    return Story(
        incident_time=t,
        place=place,
        narrative=narrative,
        case_name=f"{suspect.name}危险驾驶案",
        suspect=suspect,
        report_time=report,
        report_source="民警执勤查获",
        report_method="路面执勤查获",
        why="喝酒以后开车",
        confession=confession,
        suspect_qa=suspect_qa,
        appraisal="blood",
        appraisal_result=f"{suspect.name}血液中乙醇含量为{bac}mg/100ml",
        custody="bail",
        article_suffix="第一款第二项",
        search_days=(1, 8),
        extras={
            "bac": bac,
            "breath_bac": breath,
            "breath_test_time": breath_time,
            "blood_draw_time": blood_time,
            "hospital": hospital,
            "vehicle_type": vehicle["type"],
            "vehicle_model": model,
            "plate": plate,
        },
    )


def _story_provocation(b: _Builder) -> Story:
    rng = b.rng
    suspect = b.suspect(age=(18, 40))
    t = b.incident([(19, 23.4, 4), (0, 3, 2)])
    if rng.random() < 0.6:
        place = b.place(rng.choice(_FIGHT_PLACES["venue"] + _FIGHT_PLACES["street"][1:]))
        victims = [b.victim(age=(18, 55)) for _ in range(2)]
        injuries = [rng.choice(b.phrasings["minor_injuries"])["injury"] for _ in victims]
        names = "、".join(v.name for v in victims)
        pretext = rng.choice(["嫌对方“看了他一眼”", "酒后借故", "嫌对方说话声音大"])
        narrative = (
            f"{fmt_approx(t)}，犯罪嫌疑人{suspect.name}酒后在{place}，{pretext}，无故对在此的被害人{names}拳打脚踢，"
            f"致{victims[0].name}{injuries[0]}、{victims[1].name}{injuries[1]}。经{b.prof.forensic_center}鉴定，"
            f"{names}的损伤程度均为轻微伤。"
        )
        accounts, extra = {}, {}
        for v, inj in zip(victims, injuries, strict=True):
            accounts[v.id_number] = (
                f"{spoken(t)}，我和朋友在{_local_part(b, place)}，一个喝了酒的"
                f"{'男的' if suspect.gender == '男' else '女的'}"
                f"走过来，{pretext.replace('嫌对方', '说我们')}，上来就对我们拳打脚踢。我被打得{inj}。"
            )
            extra[v.id_number] = [
                ("你们之前认识打人的人吗？", "不认识，从来没见过。"),
                ("你们有没有还手？", "没有还手，一直在躲。"),
            ]
        confession = (
            f"{spoken(t)}，我喝多了酒，在{_local_part(b, place)}看那两个人不顺眼，就上去打了他们几下，现在想想很后悔。"
        )
        result = f"{names}的损伤程度均为轻微伤"
        extras: dict[str, Any] = {
            "variant": "随意殴打",
            "injuries": dict(zip([v.name for v in victims], injuries, strict=True)),
        }
        appraisal, suffix, items, total = "minor_injury", "第一款第一项", [], 0
        report = b.report_after(t, 3, 25)
        pattern = ""
    else:
        place = b.place("{street}{no}号")
        shop = rng.choice(["便利店", "烟酒店", "小超市"])
        victims = [b.victim(occupation="个体经营")]
        v = victims[0]
        visits = sorted(
            [
                t - timedelta(days=rng.randint(15, 40), minutes=rng.randint(0, 200)),
                t - timedelta(days=rng.randint(2, 12), minutes=rng.randint(0, 200)),
                t,
            ]
        )
        items = [Item("香烟" + cn_count(rng.randint(3, 8)) + "条", 0, "中华牌"), Item("现金", 0, "")]
        items[0].value = rng.randint(6, 16) * 100
        cash = rng.randint(2, 10) * 100
        items[1] = Item(f"现金{_money(cash)}", cash, "")
        total = items[0].value + cash
        if total < 1000:
            items[0].value += 1000 - total + rng.randint(0, 3) * 100
            total = items[0].value + cash
        span = _span(visits[0], t)
        narrative = (
            f"{span}，犯罪嫌疑人{suspect.name}先后三次在被害人{v.name}经营的位于{place}的{shop}内，"
            f"以“先赊着”“借点钱花”为名，强拿硬要{_phrase(items[0])}及{items[1].name}，"
            f"共计价值{_money(total)}。"
        )
        accounts = {
            v.id_number: (
                f"这个人前后来了三次，第一次是{spoken(visits[0])}，拿了烟说先赊着，一直没给钱；后来又来了两次，"
                f"最后一次是{spoken(t)}，拿了烟还让我“借”他钱，我怕他闹事就给了。前后被他拿走的烟和钱加起来有{total}元。"
            )
        }
        extra = {
            v.id_number: [
                ("他有没有威胁你？", "他说不给的话让我的店开不下去。"),
                ("你有什么要求？", "要求把钱还给我。"),
            ]
        }
        confession = (
            f"我去{v.name}的店里拿过三次东西，烟是拿了没给钱，还找他“借”了{cash}元，最后一次是{spoken(t)}。"
            "我知道他不敢不给。"
        )
        result = f"被强拿物品价值{_money(total)}"
        extras = {"variant": "强拿硬要", "visits": visits}
        appraisal, suffix = "price", "第一款第三项"
        report = b.report_after(t, 30, 600)
        pattern = "多次作案"
    method = _report_method(b, (0.8, 0.2))
    witnesses = []
    if rng.random() < 0.5:
        w = b.witness()
        accounts[w.id_number] = _witness_seen(b, w, suspect, t, _near(b, place), "后来就看到他跟人起了冲突。")
        witnesses.append(w)
    suspect_qa = [
        ("你和被害人认识吗？", "不认识。" if extras["variant"] == "随意殴打" else "认识，他在附近开店。"),
        (
            "你为什么这样做？",
            "喝了酒，一时冲动。" if extras["variant"] == "随意殴打" else "手头紧，觉得他不敢拿我怎么样。",
        ),
        ("你现在怎么认识？", "我错了，愿意赔偿被害人的损失。"),
    ]
    return Story(
        incident_time=t,
        place=place,
        narrative=narrative,
        case_name=f"{suspect.name}寻衅滋事案",
        suspect=suspect,
        report_time=report,
        report_source="报案",
        report_method=method,
        victims=victims,
        witnesses=witnesses,
        reporter=victims[0],
        items=items,
        amount=total,
        pattern=pattern,
        accounts=accounts,
        extra_qa=extra,
        why="寻衅滋事",
        confession=confession,
        suspect_qa=suspect_qa,
        appraisal=appraisal,
        appraisal_result=result,
        injured_victims=extras["variant"] == "随意殴打",
        article_suffix=suffix,
        custody="bail" if suspect.guardian and rng.random() < 0.6 else "detain",
        extras=extras,
    )


def _story_concealing(b: _Builder) -> Story:
    rng = b.rng
    suspect = b.suspect(age=(25, 58), occupation="个体经营")
    thief = b.person("suspect", age=(18, 45), gender="男")
    shop = rng.choice(["二手手机店", "废品收购站", "二手电动车行"])
    entries = {
        "二手手机店": ["手机一部", "平板电脑一台"],
        "废品收购站": ["电缆线一批", "电动自行车电瓶四块"],
        "二手电动车行": ["电动自行车一辆"],
    }[shop]
    n = rng.randint(2, 4)
    items: list[Item] = []
    while len(items) < n or sum(i.value for i in items) < 3000:
        item = _item(b, _catalog(b, "valuable", rng.choice(entries)))
        if all(_phrase(item) != _phrase(i) for i in items) or len(items) >= 6:
            items.append(item)
    total = sum(i.value for i in items)
    price = max(300, int(total * rng.uniform(0.12, 0.3)) // 10 * 10)
    victim = b.victim()
    t = b.incident([(9, 21, 1)])
    place = b.place("{street}{no}号")
    lag = rng.randint(3, 30) * 1440
    report = b.after(t, lag, lag + 480)
    if report.time() >= time(23, 45) or report.time() < time(8):
        report = datetime.combine(report.date(), time(10, rng.randint(0, 59)))
    goods = _phrases(items)
    narrative = (
        f"{fmt_approx(t)}，犯罪嫌疑人{suspect.name}在其经营的位于{place}的{shop}内，在明知是他人盗窃所得的情况下，"
        f"仍以{_money(price)}的价格从{thief.name}（另案处理）处收购{goods}。经{b.prof.price_bureau}认定，"
        f"上述物品共计价值{_money(total)}。"
    )
    confession = (
        f"{spoken(t)}，{thief.name}拿着{goods}到我店里来卖，没有发票和包装盒，价格也比市场价低很多，"
        f"我问他东西哪来的，他支支吾吾说不清楚，我估计是偷来的，还是以{price}元收下了。"
    )
    suspect_qa = [
        ("你收购时有没有登记卖货人的身份信息？", "没有登记。"),
        ("你为什么认为是偷来的？", "价格太低了，而且他拿来的东西没有任何手续。"),
        ("收来的东西现在在哪里？", "都还在店里，被你们扣押了。"),
        ("你以前有没有收过他的东西？", rng.choice(["没有，这是第一次。", "收过一两次，都是些旧手机。"])),
    ]
    accounts = {
        victim.id_number: f"{spoken(t - timedelta(days=rng.randint(2, 20)))}，我的{_short(items[0].name)}被偷了，"
        "当时报了警。前几天民警通知我说找到了，让我来辨认。"
    }
    extra = {victim.id_number: [(f"你能认出自己的{_short(items[0].name)}吗？", "能认出来，上面有我做的记号。")]}
    return Story(
        incident_time=t,
        place=place,
        narrative=narrative,
        case_name=f"{suspect.name}掩饰、隐瞒犯罪所得案",
        suspect=suspect,
        report_time=report,
        report_source="侦查中发现",
        report_method="侦办盗窃案件中发现线索",
        victims=[victim],
        later_victims=[victim],
        items=items,
        amount=total,
        accomplices=[thief],
        accounts=accounts,
        extra_qa=extra,
        why="收购来路不明的东西",
        confession=confession,
        suspect_qa=suspect_qa,
        appraisal="price",
        appraisal_result=f"涉案物品价值{_money(total)}",
        seize=[goods],
        search_days=(0, 3),
        article_suffix="第一款",
        custody="bail" if rng.random() < 0.5 else "detain",
        extras={"shop": shop, "purchase_price": price, "upstream_offender": thief.name},
    )


# --- administrative stories -------------------------------------------------------------------------------------------


def _story_assault_admin(b: _Builder) -> Story:
    rng = b.rng
    suspect = b.suspect(age=(18, 62), gender_male=0.75)
    victim = b.victim(age=(18, 68))
    t = b.incident([(8, 12, 2), (12, 18, 2), (18, 23.4, 3)])
    dispute, place = _fight(b)
    injured = rng.random() < 0.6
    harm = rng.choice(b.phrasings["minor_injuries"])
    injury, blow, body = harm["injury"], harm["blow"], harm["body"]
    outcome = (
        f"致{victim.name}{injury}。经鉴定，{victim.name}的损伤程度为轻微伤。"
        if injured
        else f"致{victim.name}{injury}。"
    )
    narrative = (
        f"{fmt_approx(t)}，违法嫌疑人{suspect.name}在{place}因{dispute}问题与被侵害人{victim.name}发生纠纷，"
        f"{suspect.name}{blow}{victim.name}{body}，{outcome}"
    )
    method = _report_method(b, (0.85, 0.15))
    report = b.report_after(t, 3, 30)
    accounts = {
        victim.id_number: (
            f"{spoken(t)}，我在{_local_part(b, place)}，因为{dispute}的事和对方吵了几句，对方就{blow}我的{body}，"
            f"我被打得{injury}。我就{_report_words(method)}。"
        )
    }
    extra = {
        victim.id_number: [
            ("你认识对方吗？", rng.choice(["不认识。", "认识，是邻居。", "见过几次，不熟。"])),
            ("你有没有还手？", "没有还手。"),
            ("你有什么要求？", rng.choice(["要求依法处理。", "要求对方赔偿医药费，依法处理。"])),
        ]
    }
    witnesses = []
    if rng.random() < 0.7:
        w = b.witness()
        accounts[w.id_number] = (
            f"{spoken(t)}，我在{_local_part(b, place)}，看到两个人因为{dispute}吵起来，"
            f"后来一个人{blow}另一个人的{body}，"
            "我就上去把他们拉开了。"
        )
        witnesses.append(w)
    confession = (
        f"{spoken(t)}，我在{_local_part(b, place)}因为{dispute}跟对方吵起来，对方说话很难听，"
        f"我一时生气就{blow}了他的{body}。"
    )
    suspect_qa = [
        ("你打了对方几下？", f"{rng.choice(['两', '三', '四'])}下。"),
        ("对方有没有打你？", rng.choice(["没有。", "他推了我一下。"])),
        ("你现在怎么认识？", "我不该动手打人，愿意赔偿对方的损失。"),
    ]
    return Story(
        incident_time=t,
        place=place,
        narrative=narrative,
        case_name=f"{suspect.name}殴打他人案",
        suspect=suspect,
        report_time=report,
        report_source="报案",
        report_method=method,
        victims=[victim],
        witnesses=witnesses,
        reporter=victim,
        accounts=accounts,
        extra_qa=extra,
        why="打人",
        confession=confession,
        suspect_qa=suspect_qa,
        appraisal="minor_injury" if injured else "",
        appraisal_result=f"{victim.name}的损伤程度为轻微伤" if injured else "",
        on_scene=rng.random() < 0.6,
        injured_victims=injured and rng.random() < 0.5,
        extras={"dispute": dispute, "injury": injury, "injury_grade": "轻微伤" if injured else ""},
    )


def _story_theft_admin(b: _Builder) -> Story:
    rng = b.rng
    scene = rng.choice([s for s in b.phrasings["theft_scenes"] if s["petty"]])
    suspect = b.suspect(age=(18, 60))
    victim = b.victim()
    t = b.incident(_THEFT_HOURS[scene["key"]])
    place = b.place(scene["place"])
    entry = _catalog(b, "petty", rng.choice(scene["petty"]))
    items = [_item(b, entry, hi=990)]
    if rng.random() < 0.3:
        extra_entry = _catalog(b, "petty", rng.choice(scene["petty"]))
        if extra_entry["name"] != entry["name"] and items[0].value + extra_entry["min"] < 1000:
            items.append(_item(b, extra_entry, hi=999 - items[0].value))
    total = sum(i.value for i in items)
    method = _report_method(b)
    report = b.report_after(t, *(_THEFT_REPORT_DELAY[scene["key"]]))
    method_text = scene.get("petty_method", scene["method"]).replace("被害人", "被侵害人")
    narrative = (
        f"{fmt_approx(t)}，违法嫌疑人{suspect.name}在{place}，{method_text}将被侵害人{victim.name}的{_phrases(items)}"
        f"盗走。经{b.prof.price_bureau}认定，被盗物品价值{_money(total)}。"
    )
    short = _short(items[0].name)
    story_text = scene.get("petty_story", scene["victim_story"]).format(item=short)
    accounts = {
        victim.id_number: (
            f"{spoken(t - timedelta(minutes=rng.randint(10, 120)))}，{story_text}。"
            f"{spoken(report - timedelta(minutes=rng.randint(5, 30)))}，我发现{short}不见了，"
            f"就{_report_words(method)}。"
        )
    }
    extra = {
        victim.id_number: [(f"被盗的{short}值多少钱？", f"大概{total}元。"), ("你有什么要求？", "希望把东西找回来。")]
    }
    whereabouts, recovered = _whereabouts(b, items)
    how = scene.get("petty_confession", scene["confession"])
    confession = f"{spoken(t)}，我在{_local_part(b, place)}，{how}把{_phrases(items)}拿走了。"
    suspect_qa = [
        ("你为什么要偷东西？", _motive(b)),
        ("偷来的东西现在在哪里？", whereabouts),
        ("你现在怎么认识？", "我错了，愿意退赔。"),
    ]
    return Story(
        incident_time=t,
        place=place,
        narrative=narrative,
        case_name=f"{victim.name}{short}被盗案",
        suspect=suspect,
        report_time=report,
        report_source="报案",
        report_method=method,
        victims=[victim],
        reporter=victim,
        items=items,
        amount=total,
        accounts=accounts,
        extra_qa=extra,
        why="偷东西",
        confession=confession + whereabouts,
        suspect_qa=suspect_qa,
        appraisal="price",
        appraisal_result=f"被盗物品价值{_money(total)}",
        seize=[_phrase(i) for i in items] if recovered else [],
        on_scene=scene["key"] in ("商铺", "饭店") and rng.random() < 0.5,
        extras={"scene": scene["key"], "method": method_text.rstrip("，"), "items_recovered": recovered},
    )


def _story_fraud_admin(b: _Builder) -> Story:
    rng = b.rng
    scheme = rng.choice(b.phrasings["admin_fraud_schemes"])
    suspect = b.suspect(age=(18, 55))
    victim = b.victim()
    amount = rng.randint(2, 29) * 100 - rng.choice([0, 0, 50])
    t = b.incident([(9, 21, 1)])
    place = b.place(rng.choice(["{street}{no}号附近", "{street}{no}号{compound}门口", "{street}一{transit}附近"]))
    report = b.report_after(t, 600, 4320)
    narrative = (
        f"{fmt_approx(t)}，违法嫌疑人{suspect.name}{scheme['lure']}，骗取被侵害人{victim.name}{_money(amount)}。"
    )
    place = victim.address if scheme["key"] != "冒充熟人借款" else place
    method = _report_method(b, (0.4, 0.6))
    accounts = {
        victim.id_number: f"{spoken(t)}，{scheme['victim_story']}。我一共给了他{amount}元，后来发现被骗了，"
        f"就{_report_words(method)}。"
    }
    extra = {
        victim.id_number: [
            ("你是怎么付钱的？", rng.choice(["微信转账。", "给的现金。", "支付宝转账。"])),
            ("你有什么要求？", "要求把钱退给我。"),
        ]
    }
    confession = f"{spoken(t)}，我{scheme['short']}，从{victim.name}那里拿了{amount}元，钱已经花了。"
    suspect_qa = [
        ("你为什么要骗钱？", _motive(b)),
        ("骗来的钱用到哪里了？", "吃饭、交房租用掉了。"),
        ("你愿意退还被侵害人的钱吗？", "愿意全部退还。"),
    ]
    return Story(
        incident_time=t,
        place=place,
        narrative=narrative,
        case_name=f"{suspect.name}诈骗案",
        suspect=suspect,
        report_time=report,
        report_source="报案",
        report_method=method,
        victims=[victim],
        reporter=victim,
        items=[Item(f"现金{_money(amount)}", amount, "")],
        amount=amount,
        accounts=accounts,
        extra_qa=extra,
        why="骗钱",
        confession=confession,
        suspect_qa=suspect_qa,
        search_days=(1, 6),
        extras={"scheme": scheme["key"]},
    )


def _story_snatching_admin(b: _Builder) -> Story:
    """抢夺 of a small sum (under the 1000元 at the bottom of the provinces' 数额较大): a phone or a bag snatched from
    the hand in the street, the snatcher caught later from the victim's description or the street cameras."""
    rng = b.rng
    suspect = b.suspect(age=(18, 45))
    victim = b.victim(gender="女" if rng.random() < 0.7 else "男")
    t = b.incident([(7, 10, 2), (17, 22.5, 5), (11, 14, 1)])
    place = b.place(
        rng.choice(["{street}{no}号附近人行道上", "{street}一{transit}附近", "{street}{no}号{compound}门口"])
    )
    entry = _catalog(b, "petty", rng.choice(["手机一部", "钱包一个", "蓝牙耳机一副", "充电宝一个"]))
    items = [_item(b, entry, hi=990)]
    total = items[0].value
    short = _short(items[0].name)
    held = "拿在手中的"
    narrative = (
        f"{fmt_approx(t)}，违法嫌疑人{suspect.name}在{place}，趁被侵害人{victim.name}不备，夺走其{held}"
        f"{_phrases(items)}后逃离。经{b.prof.price_bureau}认定，被抢物品价值{_money(total)}。"
    )
    method = _report_method(b, (0.85, 0.15))
    report = b.report_after(t, 5, 40)
    accounts = {
        victim.id_number: (
            f"{spoken(t)}，我走在{_local_part(b, place)}，一个人突然从我身边冲过来，一把夺走了我{held}{short}，"
            f"然后往前跑了。我追了几步没追上，就{_report_words(method)}。"
        )
    }
    extra = {
        victim.id_number: [
            ("夺你东西的人有什么特征？", _looks(b, suspect) + "。"),
            (f"被夺走的{short}值多少钱？", f"大概{total}元。"),
            ("你有没有受伤？", "没有受伤，就是吓了一跳。"),
        ]
    }
    whereabouts, recovered = _whereabouts(b, items)
    confession = f"{spoken(t)}，我在{_local_part(b, place)}看到一个人手里拿着{short}，就趁其不注意一把夺过来跑了。"
    suspect_qa = [
        ("你为什么要夺别人的东西？", _motive(b)),
        ("夺来的东西现在在哪里？", whereabouts),
        ("你夺东西时对被侵害人有没有动手？", "没有打人，夺了东西就跑了。"),
    ]
    return Story(
        incident_time=t,
        place=place,
        narrative=narrative,
        case_name=f"{victim.name}{short}被抢夺案",
        suspect=suspect,
        report_time=report,
        report_source="报案",
        report_method=method,
        victims=[victim],
        reporter=victim,
        items=items,
        amount=total,
        accounts=accounts,
        extra_qa=extra,
        why="抢别人东西",
        confession=confession + whereabouts,
        suspect_qa=suspect_qa,
        appraisal="price",
        appraisal_result=f"被抢物品价值{_money(total)}",
        seize=[_phrase(i) for i in items if not i.name.startswith("现金")] if recovered else [],
        search_days=(1, 5),
        extras={"items_recovered": recovered},
    )


_THREATS = [
    ("将其与他人的聊天记录发到其单位工作群", "把我和别人的聊天记录发到我单位的工作群里"),
    ("向其家人散布其个人隐私", "把我的私事告诉我家里人"),
    ("将其酒后驾车的视频发到网上", "把我喝酒开车的视频发到网上"),
    ("到其经营的店铺门口闹事、发差评", "天天到我店门口闹，给我的店发差评"),
]


def _story_extortion_admin(b: _Builder) -> Story:
    """敲诈勒索 of a small sum (under the 2000元 at the bottom of the provinces' 数额较大): an acquaintance's threat,
    the money paid by transfer and reported days later."""
    rng = b.rng
    suspect = b.suspect(age=(20, 50))
    victim = b.victim()
    t = b.incident([(9, 22, 1)])
    threat, victim_words = rng.choice(_THREATS)
    relation = rng.choice(["前同事", "朋友", "邻居", "网友"])
    amount = rng.randint(3, 19) * 100
    place = victim.address
    narrative = (
        f"{fmt_approx(t)}，违法嫌疑人{suspect.name}以{threat}相威胁，向被侵害人{victim.name}索要人民币"
        f"{amount}元，{victim.name}被迫通过微信转账支付{amount}元。"
    )
    method = _report_method(b, (0.4, 0.6))
    report = b.report_after(t, 600, 4320)
    accounts = {
        victim.id_number: (
            f"{suspect.name}是我的{relation}。{spoken(t)}，他给我发消息，说要是不给他{amount}元，就{victim_words}。"
            f"我害怕，就通过微信转给他{amount}元。后来我越想越不对，就{_report_words(method)}。"
        )
    }
    extra = {
        victim.id_number: [
            ("他是怎么跟你说的？", "发微信和打电话说的，聊天记录我都截图了。"),
            ("你有什么要求？", "要求他把钱退给我，以后不要再骚扰我。"),
        ]
    }
    confession = (
        f"{spoken(t)}，我跟{victim.name}说，不给我{amount}元就{threat.replace('其', '他')}，他就转了{amount}元给我。"
    )
    suspect_qa = [
        ("你为什么要这样做？", rng.choice(["手头紧，想弄点钱花。", "之前跟他有矛盾，想让他出点钱。"])),
        ("这笔钱现在在哪里？", "已经花掉了。"),
        ("你愿意退还被侵害人的钱吗？", "愿意全部退还。"),
    ]
    return Story(
        incident_time=t,
        place=place,
        narrative=narrative,
        case_name=f"{suspect.name}敲诈勒索案",
        suspect=suspect,
        report_time=report,
        report_source="报案",
        report_method=method,
        victims=[victim],
        reporter=victim,
        items=[Item(f"现金{_money(amount)}", amount, "")],
        amount=amount,
        accounts=accounts,
        extra_qa=extra,
        why="向别人要钱",
        confession=confession,
        suspect_qa=suspect_qa,
        search_days=(1, 6),
        extras={"threat": threat, "relation": relation},
    )


# The 偷开 narrative's words a defect may turn into a car never found (corpora/generator/defects_qualification.py).
JOYRIDE_DRIVE = "偷开该车外出兜风，后将车辆停放在"
JOYRIDE_FOUND = "经查，该车已于次日找到并发还。"
JOYRIDE_RECOVERED = "车已经找回来了，希望依法处理。"


def _story_joyriding(b: _Builder) -> Story:
    """偷开他人机动车: a car left with its key inside is driven off for a ride and left elsewhere; the police find it
    from the street cameras and give it back to its owner the next day."""
    rng = b.rng
    suspect = b.suspect(age=(18, 40))
    victim = b.victim()
    vehicle = rng.choice(b.items_data["vehicles"])
    car = f"{rng.choice(vehicle['models'])}牌{vehicle['type']}"
    plate = _plate(b)
    t = b.incident([(19, 23.4, 3), (0, 3, 1), (12, 18, 1)])
    place = b.place(
        rng.choice(["{street}{no}号{compound}门口", "{street}{no}号附近路边停车位", "{street}一{food}门前"])
    )
    left = b.place(rng.choice(["{street}{no}号附近路边", "{street}与{street2}交叉路口附近", "{street}一{transit}附近"]))
    back = b.after(t, 40, 180)
    narrative = (
        f"{fmt_approx(t)}，违法嫌疑人{suspect.name}趁被侵害人{victim.name}将其{car}（车牌号{plate}）停放在{place}"
        f"且钥匙遗留车内之机，{JOYRIDE_DRIVE}{left}。{JOYRIDE_FOUND}"
    )
    method = _report_method(b, (0.9, 0.1))
    report = b.report_after(back, 30, 600)
    accounts = {
        victim.id_number: (
            f"{spoken(t - timedelta(minutes=rng.randint(20, 90)))}，我把车停在{_local_part(b, place)}，下车时把钥匙"
            f"忘在车里了。等我回来车就不见了，我就{_report_words(method)}。"
        )
    }
    extra = {
        victim.id_number: [
            ("你的车是什么车？", f"{car}，车牌号{plate}。"),
            ("你有什么要求？", JOYRIDE_RECOVERED),
        ]
    }
    confession = (
        f"{spoken(t)}，我路过{_local_part(b, place)}，看到一辆{vehicle['type']}钥匙插在车上，就开出去兜了一圈，"
        f"{spoken(back, False)}把车停在{_local_part(b, left)}就走了。"
    )
    suspect_qa = [
        ("你有机动车驾驶证吗？", "有，C1驾驶证。"),
        ("你为什么开别人的车？", "一时好奇想开出去兜兜风，没想把车占为己有。"),
        ("车钥匙现在在哪里？", "留在车上了。"),
    ]
    return Story(
        incident_time=t,
        place=place,
        narrative=narrative,
        case_name=f"{suspect.name}偷开他人机动车案",
        suspect=suspect,
        report_time=report,
        report_source="报案",
        report_method=method,
        victims=[victim],
        reporter=victim,
        accounts=accounts,
        extra_qa=extra,
        why="开别人车",
        confession=confession,
        suspect_qa=suspect_qa,
        search_days=(1, 5),
        extras={"vehicle": car, "plate": plate},
    )


def _story_gambling(b: _Builder) -> Story:
    rng = b.rng
    game = rng.choice(b.phrasings["gambling_games"])
    suspect = b.suspect(age=(25, 65), gender_male=0.7)
    others = [b.person("suspect", age=(25, 65)) for _ in range(rng.choice([2, 3, 3]))]
    t = b.incident([(13, 17, 2), (19, 22.5, 3)])
    place = b.place(rng.choice(b.phrasings["gambling_places"]))
    unit_lo = rng.choice([10, 20, 50])
    unit_hi = unit_lo * rng.choice([5, 10])
    stake = rng.randint(4, 60) * 100
    catch = b.after(t, 40, 180)
    if catch.time() >= time(23, 30):
        catch = datetime.combine(catch.date(), time(23, rng.randint(0, 20)))
    names = "、".join(o.name for o in others)
    narrative = (
        f"{fmt_approx(t)}，违法嫌疑人{suspect.name}伙同{names}（另案处理）在{place}以{game['name']}的方式进行赌博，"
        f"{game['stake_unit']}{_money(unit_lo)}至{unit_hi}元不等。{fmt_approx(catch)}，民警接群众举报后将其当场查获，"
        f"现场查获赌资{_money(stake)}。"
    )
    confession = (
        f"{spoken(t)}，我和{names}在{_local_part(b, place)}打{game['name'].replace('扑克牌', '')}，"
        f"{game['stake_unit']}{unit_lo}到{unit_hi}块钱，打到{spoken(catch, False)}被民警抓了，我身上带了大概"
        f"{int(stake * rng.uniform(0.2, 0.5)) // 10 * 10}元。"
    )
    suspect_qa = [
        ("是谁组织的？", "没有人组织，是几个熟人约在一起玩。"),
        ("有没有人抽头？", "没有抽头。"),
        ("你们玩了多长时间？", f"从{spoken(t, False)}一直到被查获。"),
    ]
    return Story(
        incident_time=t,
        place=place,
        narrative=narrative,
        case_name=f"{suspect.name}等人赌博案",
        suspect=suspect,
        report_time=catch,
        report_source="群众举报",
        report_method="群众举报后民警现场查获",
        accomplices=others,
        items=[Item(f"赌资{_money(stake)}", stake, "现场查获"), Item("扑克牌、麻将等赌具一批", 0, "")],
        amount=stake,
        why="赌博",
        confession=confession,
        suspect_qa=suspect_qa,
        on_scene=True,
        seize=[f"赌资{_money(stake)}", "赌具一批"],
        extras={
            "game": game["name"],
            "stake_range": (unit_lo, unit_hi),
            "stake": stake,
            "participants": len(others) + 1,
        },
    )


def _story_drug_use(b: _Builder) -> Story:
    rng = b.rng
    drug = rng.choice(b.items_data["drugs"])
    suspect = b.suspect(age=(20, 52), gender_male=0.8)
    t = b.incident([(0, 4, 2), (13, 23, 3)])
    place = b.place(rng.choice(b.phrasings["drug_places"]))
    check = b.after(t, 6 * 60, 40 * 60)
    if check.time() >= time(23, 30) or check.time() < time(7):
        check = datetime.combine(check.date(), time(rng.randint(9, 21), rng.randint(0, 59)))
        if check < t + 2 * HOUR:
            check += DAY
    check_place = b.place(
        rng.choice(["{street}{no}号一{lodging}", "{street}{no}号附近路面", "{street}{no}号一{leisure}"])
    )
    narrative = (
        f"{fmt_approx(t)}，违法嫌疑人{suspect.name}在{place}吸食{drug['name']}。{fmt_approx(check)}，民警在{check_place}"
        f"对{suspect.name}进行检查时，经现场尿液检测，其{drug['test']}检测结果呈阳性。{suspect.name}对其吸食毒品的违法事实供认不讳。"
    )
    tool = rng.choice(["自制吸壶", "吸管", "锡纸"])
    confession = (
        f"{spoken(t)}，我在{_local_part(b, place)}用{tool}吸了{drug['street']}，东西是之前在网上认识的一个人那里买的，"
        "我不知道他叫什么。"
    )
    suspect_qa = [
        ("你吸食毒品多长时间了？", rng.choice(["第一次吸。", "断断续续吸了半年多。"])),
        ("毒品是从哪里来的？", "从一个不认识的人手里买的，花了几百块钱。"),
        ("你以前有没有因吸毒被处理过？", "没有。"),
    ]
    return Story(
        incident_time=t,
        place=place,
        narrative=narrative,
        case_name=f"{suspect.name}吸毒案",
        suspect=suspect,
        report_time=check,
        report_source="民警巡查发现",
        report_method="民警检查中发现",
        why="吸毒",
        confession=confession,
        suspect_qa=suspect_qa,
        appraisal="urine",
        appraisal_result=f"{drug['test']}检测结果呈阳性",
        on_scene=True,
        extras={
            "drug": drug["name"],
            "test_substance": drug["test"],
            "check_place": check_place,
            "test_method": "尿液检测",
        },
    )


def _story_provocation_admin(b: _Builder) -> Story:
    rng = b.rng
    act = rng.choice(b.phrasings["provocation_admin_acts"])
    suspect = b.suspect(age=(18, 45))
    victim = b.victim(age=(18, 60))
    t = b.incident([(12, 18, 1), (18, 23.4, 3)])
    place = b.place(act["place"])
    amount = rng.randint(1, 9) * 50 if act["key"] == "强拿硬要" else 0
    deed = act["narrative"].format(v=victim.name, amount=amount)
    narrative = f"{fmt_approx(t)}，违法嫌疑人{suspect.name}在{place}，{deed}。"
    method = _report_method(b, (0.85, 0.15))
    report = b.report_after(t, 3, 40)
    accounts = {
        victim.id_number: f"{spoken(t)}，在{_local_part(b, place)}，{act['victim_story'].format(amount=amount)}。"
        f"事后我{_report_words(method)}。"
    }
    extra = {victim.id_number: [("你认识对方吗？", "不认识。"), ("你有没有受伤？", "没有受伤。")]}
    confession = (
        f"{spoken(t)}，我喝了点酒，在{_local_part(b, place)}{act['confession'].format(amount=amount)}，是我不对。"
    )
    suspect_qa = [("你为什么这样做？", "喝了酒，心情不好，一时冲动。"), ("你现在怎么认识？", "我错了，以后不会再犯。")]
    items = [Item(f"现金{_money(amount)}", amount, "")] if amount else []
    return Story(
        incident_time=t,
        place=place,
        narrative=narrative,
        case_name=f"{suspect.name}寻衅滋事案",
        suspect=suspect,
        report_time=report,
        report_source="报案",
        report_method=method,
        victims=[victim],
        reporter=victim,
        items=items,
        amount=amount,
        accounts=accounts,
        extra_qa=extra,
        why="寻衅滋事",
        confession=confession,
        suspect_qa=suspect_qa,
        on_scene=rng.random() < 0.7,
        psapl_suffix=f"第{cn_number(int(act['item']))}项",
        extras={"variant": act["key"]},
    )


def _story_property_damage(b: _Builder) -> Story:
    rng = b.rng
    entry = rng.choice(b.items_data["damageable"])
    suspect = b.suspect(age=(18, 60))
    victim = b.victim()
    t = b.incident([(0, 4, 2), (9, 23, 3)])
    place = b.place(
        rng.choice(["{street}{no}号{compound}停车场内", "{street}{no}号一{shop}门口", "{street}{no}号附近"])
    )
    loss = rng.randint(entry["min"] // 10, entry["max"] // 10) * 10
    damage = rng.choice(entry["desc"])
    thing = _short(entry["name"].split("（")[0])
    dispute = rng.choice(b.phrasings["disputes"])["name"]
    tool = rng.choice(["钥匙", "石块", "铁棍", "脚"])
    narrative = (
        f"{fmt_approx(t)}，违法嫌疑人{suspect.name}因{dispute}问题对被侵害人{victim.name}心生不满，在{place}"
        f"用{tool}故意损毁{victim.name}的{entry['name']}，致{damage}。经{b.prof.price_bureau}认定，损失价值{_money(loss)}。"
    )
    method = _report_method(b)
    report = b.report_after(t, 20, 600)
    accounts = {
        victim.id_number: f"{spoken(report - timedelta(minutes=rng.randint(10, 60)))}，我发现我的{thing}被人弄坏了，"
        f"{damage}，就{_report_words(method)}。我怀疑是因为{dispute}的事有人报复。"
    }
    extra = {victim.id_number: [("你的损失有多少？", f"修理费大概要{loss}元。"), ("你有什么要求？", "要求赔偿损失。")]}
    confession = f"{spoken(t)}，我因为{dispute}的事对{victim.name}有意见，就用{tool}把他的{thing}弄坏了。"
    suspect_qa = [("你为什么这样做？", "一时气不过。"), ("你愿意赔偿吗？", "愿意赔偿对方的损失。")]
    return Story(
        incident_time=t,
        place=place,
        narrative=narrative,
        case_name=f"{suspect.name}故意损毁财物案",
        suspect=suspect,
        report_time=report,
        report_source="报案",
        report_method=method,
        victims=[victim],
        reporter=victim,
        items=[Item(entry["name"], loss, damage)],
        amount=loss,
        accounts=accounts,
        extra_qa=extra,
        why="弄坏别人东西",
        confession=confession,
        suspect_qa=suspect_qa,
        appraisal="price",
        appraisal_result=f"损失价值{_money(loss)}",
        extras={"damaged_object": entry["name"], "damage": damage, "dispute": dispute, "tool": tool},
    )


def _story_obstruction(b: _Builder) -> Story:
    rng = b.rng
    ctx = rng.choice(b.phrasings["obstruction_contexts"])
    suspect = b.suspect(age=(20, 60))
    station = b.prof.unit("派出所")
    officer = b.person("witness", age=(25, 50), occupation="人民警察", local=1.0)
    officer.workplace = station
    aux = b.person("witness", age=(20, 40), occupation="辅警", local=1.0) if rng.random() < 0.5 else None
    if aux:
        aux.workplace = station
    t = b.incident([(9, 22, 1)])
    place = b.place(ctx["place"])
    narrative = (
        f"{fmt_approx(t)}，{station}民警{officer.name}等人在{place}{ctx['context']}时，违法嫌疑人{suspect.name}"
        f"{ctx['act']}，阻碍人民警察依法执行职务。"
    )
    accounts = {
        officer.id_number: f"{spoken(t)}，我和同事在{_local_part(b, place)}{ctx['context']}，{suspect.name}"
        f"{ctx['act']}，我们当场对其进行了控制。"
    }
    extra = {
        officer.id_number: [
            ("当时你们是否表明了身份？", "我们都穿着制服，出示了工作证件，并告知了执法事由。"),
            ("执法记录仪是否全程记录？", "执法记录仪全程开启。"),
        ]
    }
    if aux:
        accounts[aux.id_number] = (
            f"{spoken(t)}，我跟随民警{officer.name}在{_local_part(b, place)}执行任务，看到{suspect.name}{ctx['act']}。"
        )
    confession = (
        f"{spoken(t)}，民警在{_local_part(b, place)}执法，我当时情绪激动，{ctx['act'].replace('民警', '警察')}，"
        "我知道错了。"
    )
    suspect_qa = [
        ("民警当时有没有表明身份？", "表明了，他们穿着警服。"),
        ("你为什么阻碍民警执法？", "当时喝了点酒，情绪激动。"),
    ]
    return Story(
        incident_time=t,
        place=place,
        narrative=narrative,
        case_name=f"{suspect.name}阻碍执行职务案",
        suspect=suspect,
        report_time=b.after(t, 0, 10),
        report_source="民警执法中发现",
        report_method="民警现场发现",
        witnesses=[officer] + ([aux] if aux else []),
        accounts=accounts,
        extra_qa=extra,
        why="阻碍民警执法",
        confession=confession,
        suspect_qa=suspect_qa,
        on_scene=True,
        extras={"enforcement_context": ctx["context"], "obstructed_officer": officer.name},
    )


_STORIES: dict[str, Callable[[_Builder], Story]] = {
    "theft": _story_theft,
    "fraud_telecom": _story_fraud_telecom,
    "injury": _story_injury,
    "helping_info_crime": _story_helping,
    "dangerous_driving": _story_dangerous_driving,
    "provocation": _story_provocation,
    "snatching": _story_snatching,
    "concealing_proceeds": _story_concealing,
    "assault_admin": _story_assault_admin,
    "theft_admin": _story_theft_admin,
    "fraud_admin": _story_fraud_admin,
    "snatching_admin": _story_snatching_admin,
    "extortion_admin": _story_extortion_admin,
    "gambling_admin": _story_gambling,
    "drug_use_admin": _story_drug_use,
    "provocation_admin": _story_provocation_admin,
    "property_damage_admin": _story_property_damage,
    "obstruction_admin": _story_obstruction,
    "joyriding_admin": _story_joyriding,
}


# --- procedure planners -----------------------------------------------------------------------------------------------


def _inquire_first(b: _Builder, story: Story, accepted: datetime) -> None:
    """询问 of the victims who reported and of witnesses, from the day of acceptance."""
    rng = b.rng
    for v in story.victims:
        if v in story.later_victims or v.id_number not in story.accounts:
            continue
        if story.injured_victims:
            place = f"{rng.choice(b.prof.hospitals)}{rng.choice(['急诊科', '外科病房', '住院部'])}"
            earliest = b.after(accepted, 30, 240)
        else:
            place = b.station_room() if rng.random() < 0.85 else v.address
            earliest = b.after(accepted, 5, 40)
        purpose = (
            "我来报案。" if v is story.reporter else f"民警通知我来说明{story.case_name.removesuffix('案')}的情况。"
        )
        qa = b.inquiry_qa(v, "victim", purpose, story.accounts[v.id_number], story.extra_qa.get(v.id_number, []))
        b.session("inquiry", v, earliest, qa, place)
    for w in story.witnesses:
        qa = b.inquiry_qa(
            w, "witness", "民警让我来说明看到的情况。", story.accounts[w.id_number], story.extra_qa.get(w.id_number, [])
        )
        b.session(
            "inquiry",
            w,
            b.daytime(b.after(accepted, 20, 300)),
            qa,
            b.station_room() if rng.random() < 0.7 else w.address,
        )


def _inquire_later(b: _Builder, story: Story, after: datetime, latest: datetime | None = None) -> None:
    """Victims identified from the suspect's confession are questioned afterwards."""
    for v in story.later_victims:
        if v.id_number not in story.accounts:
            continue
        qa = b.inquiry_qa(
            v,
            "victim",
            "民警通知我来做笔录，说我被盗的东西有线索了。",
            story.accounts[v.id_number],
            story.extra_qa.get(v.id_number, []),
        )
        b.session("inquiry", v, b.daytime(b.after(after, 90, 900)), qa, b.station_room(), latest=latest)


def _appraisal_docs(b: _Builder, story: Story, commissioned: datetime, appraised: datetime) -> None:
    """鉴定聘请书 (ours) and the 鉴定意见 / 价格认定 number (the issuing body's style)."""
    prefix = b.agency.prefix
    b.doc_number("expert_engagement", "鉴聘", commissioned.date())
    n = f"{b.rng.randint(1, 999):03d}"
    if story.appraisal == "price":
        b.doc_numbers["price_assessment"] = f"{prefix[0]}{prefix[-1]}价认〔{appraised.year}〕{n}号"
    else:
        lab = "理化" if story.appraisal == "blood" else "法医"
        b.doc_numbers["expert_opinion"] = f"{prefix[0]}公物鉴({lab})字〔{appraised.year}〕{n}号"
    institution = b.prof.price_bureau if story.appraisal == "price" else b.prof.forensic_center
    kind = {
        "price": "价格认定",
        "injury": "人体损伤程度鉴定",
        "minor_injury": "人体损伤程度鉴定",
        "blood": "血液乙醇含量检验",
    }[story.appraisal]
    b.extras["appraisal"] = {
        "kind": kind,
        "institution": institution,
        "commissioned": commissioned,
        "result": story.appraisal_result,
    }


_RECORD_HORIZON = date(2026, 11, 1)  # papers dated later than this would lie in the future of the corpus


def _plan_arrest(b: _Builder, story: Story, requested: datetime) -> None:
    """批准逮捕 within 7 days of the 提请 (刑诉法 第九十一条第三款), executed at once; family told and the suspect
    questioned within 24 hours (第九十三条、第九十四条)."""
    rng = b.rng
    acts = b.acts
    approved = b.at(requested.date() + timedelta(days=rng.randint(1, 7)), 9, 16.5)
    arrested = b.after(approved, 40, 180)
    acts["arrest_approved"], acts["arrested"] = approved, arrested
    acts["arrest_family_notified"] = b.after(arrested, 30, 18 * 60)
    serial = b.serial("捕", arrested.date())
    b.doc_number("arrest_warrant", "捕", arrested.date(), serial)
    b.doc_number("arrest_notice", "捕通", acts["arrest_family_notified"].date(), serial)
    b.extras["arrest_approval_number"] = f"{b.agency.district[:1]}检批捕〔{approved.year}〕{rng.randint(1, 300)}号"
    suspect = story.suspect
    number = 1 + sum(1 for s in b.sessions if s.kind == "interrogation" and s.person is suspect)
    b.session(
        "interrogation",
        suspect,
        b.daytime(b.after(arrested, 60, 240), 8.5, 21),
        b.suspect_qa(story, suspect, number, ""),
        b.custody_room(),
        latest=arrested + 22 * HOUR,
    )


def _plan_disapproval(b: _Builder, story: Story, requested: datetime) -> None:
    """不批准逮捕 within 7 days of the 提请; on receipt the suspect is released at once with a 释放证明书, or the
    measure is changed to 取保候审 (刑诉法 第九十一条第三款, 程序规定 第一百四十条)."""
    rng = b.rng
    acts = b.acts
    decided = b.at(requested.date() + timedelta(days=rng.randint(1, 7)), 9, 16.5)
    received = b.after(decided, 20, 150)
    acts["arrest_disapproval_received"] = received
    b.extras["arrest_disapproval_number"] = f"{b.agency.district[:1]}检刑不捕〔{decided.year}〕{rng.randint(1, 200)}号"
    b.extras["arrest_disapproval_decided"] = decided
    if rng.random() < 0.6:
        acts["custody_released"] = b.after(received, 20, 180)
        b.doc_number("release_certificate", "释", acts["custody_released"].date())
    else:
        acts["bail_granted"] = b.after(received, 30, 240)
        b.doc_number("bail_decision", "取保", acts["bail_granted"].date())
        b.extras["bail"] = {"kind": "保证金", "amount": rng.randint(2, 10) * 500}


def _ends_unfiled(b: _Builder, story: Story) -> bool:
    """Some cases a victim reports (控告) end in 不予立案 after 调查核实; not those an injury or blood test decides."""
    if story.reporter is None or all(story.reporter is not v for v in story.victims):
        return False
    if story.appraisal not in ("price", ""):
        return False
    return b.rng.random() < 0.12


def _plan_non_filing(b: _Builder, story: Story, accepted: datetime) -> None:
    """不予立案 within 3 days of 受案, the 不予立案通知书 served on the 控告人 within 3 days of the decision (程序规定
    第一百七十八条); no 立案, no 传唤, no measures."""
    rng = b.rng
    acts = b.acts
    last = max((s.end for s in b.sessions), default=accepted)
    decided = b.at(accepted.date() + timedelta(days=rng.choice([1, 2, 2, 3])), 9, 17)
    if decided < last + 30 * MIN:
        decided = b.daytime(b.after(last, 30, 120), 9, 17)
    if _days(accepted, decided) > 3:
        raise _Replan("non-filing decision too late")
    acts["non_filing_decided"] = decided
    acts["non_filing_served"] = b.daytime(b.after(decided, 20, rng.choice([60, 600, 2400])), 9, 18)
    b.doc_number("non_filing_notice", "不立", decided.date())
    b.extras["non_filing_reason"] = rng.choice(
        ["没有犯罪事实", "犯罪事实显著轻微，不需要追究刑事责任", "控告的事实不属实，没有犯罪事实"]
    )
    b.extras["non_filing_report"] = rng.random() < 0.6


# Grounds for 监视居住 with the 款/项 of 刑诉法 第七十四条 that gives each.
_SURVEILLANCE_REASONS = [
    ("患有严重疾病、生活不能自理", "第一款第一项"),
    ("系生活不能自理的人的唯一扶养人", "第一款第三项"),
    ("符合取保候审条件，但不能提出保证人，也不交纳保证金", "第二款"),
]


def _plan_criminal(b: _Builder, story: Story) -> None:
    rng = b.rng
    acts = b.acts
    report = story.report_time
    accepted = b.same_day_after(report, 5, 40)
    if story.reporter is not None and story.report_method == "到派出所报案" and report.hour < 23:
        # 到所报案: the 报案笔录 is taken at the counter first, the 受案 follows it (程序规定 第一百六十九条).
        recorded = b.after(report, 12, 30)
        accepted = b.after(recorded, 3, 15)
        b.extras["report_record"] = (report, recorded)
    acts["report_received"], acts["case_accepted"] = report, accepted
    b.doc_number("case_acceptance_register", "受案", accepted.date())
    _inquire_first(b, story, accepted)
    if _ends_unfiled(b, story):
        _plan_non_filing(b, story, accepted)
        return

    # 立案 within 3 days of 受案; injury and blood cases wait for the 鉴定意见 that shows the threshold is met.
    commissioned = appraised = None
    if story.appraisal in ("injury", "minor_injury", "blood"):
        base = story.extras["blood_draw_time"] if story.appraisal == "blood" else accepted
        commissioned = b.after(base, 30, 240)
        day = accepted.date() + timedelta(days=rng.choice([1, 1, 2]))
        appraised = max(b.at(day, 9, 17), b.after(commissioned, 60, 120))
        filed = b.after(appraised, 40, 300)
    else:
        k = _pick_weighted(rng, [(0, 0.35), (1, 0.35), (2, 0.2), (3, 0.1)])
        filed = b.after(accepted, 30, 240) if k == 0 else b.at(accepted.date() + timedelta(days=k), 8.5, 18)
    acts["case_filed"] = filed
    b.doc_number("case_filing_decision", "立", filed.date())

    # 传唤 after 立案; 讯问 inside the 12-hour window.
    day = filed.date() + timedelta(days=rng.randint(*story.search_days))
    summoned = b.at(day, 8, 19)
    if summoned < filed + 30 * MIN:
        summoned = b.daytime(b.after(filed, 30, 180), 8, 21)
    issued = max(filed + 5 * MIN, summoned - timedelta(minutes=rng.randint(20, 180)))
    b.summons_issued.append(issued)
    b.doc_number("criminal_summons", "传", issued.date())
    acts["summoned"] = summoned
    suspect = story.suspect
    arrival = rng.choice(["民警拿传唤证传唤我来的。", "民警给我打电话，我自己按传唤证上的时间到的。"])
    question_from = b.after(summoned, 10, 30)
    if story.seize:  # what the suspect carries, and what a search finds, is seized before the questions
        acts["seized"] = b.after(summoned, 5, 20)
        b.doc_number("seizure_decision", "扣", acts["seized"].date())
        b.extras["seized_items"] = list(story.seize)
        question_from = b.after(acts["seized"], 5, 20)
    first = b.session(
        "interrogation",
        suspect,
        question_from,
        b.suspect_qa(story, suspect, 1, arrival),
        b.station_room("讯问室", numbered=True),
        latest=summoned + 3 * HOUR,
    )
    after_first = first.end

    if story.custody == "detain":
        detained = b.after(after_first, 10, 60)
        if detained - summoned > 12 * HOUR:
            raise _Replan("summons window exceeded")
        acts["detained"] = detained
        acts["summons_ended"] = detained
        acts["custody_admitted"] = b.after(detained, 60, 360)
        acts["family_notified"] = b.after(detained, 30, 20 * 60)
        serial = b.serial("拘", detained.date())
        b.doc_number("detention_warrant", "拘", detained.date(), serial)
        b.doc_number("detention_notice", "拘通", acts["family_notified"].date(), serial)
        b.windows.append((summoned, detained))
        second_at = b.daytime(b.after(acts["custody_admitted"], 30, 180), 8.5, 22)
        second = b.session(
            "interrogation",
            suspect,
            min(second_at, detained + 20 * HOUR),
            b.suspect_qa(story, suspect, 2, ""),
            b.custody_room(),
            latest=detained + 23 * HOUR,
        )
        # 提请批准逮捕: 3 days; 7 with an extension; 30 for 流窜/多次/结伙 with an extension.
        x = rng.random()
        limit = 30 if story.pattern and x < 0.35 else 7 if x < 0.4 else 3
        if limit == 3:
            offset = _pick_weighted(rng, [(1, 0.2), (2, 0.4), (3, 0.4)])
        else:
            offset = rng.randint(4, 7) if limit == 7 else rng.randint(8, 30)
            approved = max(
                b.after(detained, 120, 600), b.at(detained.date() + timedelta(days=rng.randint(1, 3)), 9, 17)
            )
            approved = min(approved, datetime.combine(detained.date() + 3 * DAY, time(17, 30)))
            b.extras.update(
                detention_extended=True,
                detention_extension_approved=approved,
                detention_limit_days=limit,
                detention_extension_reason=story.pattern if limit == 30 else "案情复杂，需进一步查证",
            )
            b.doc_number("detention_extension_notice", "延拘", approved.date())
        requested = b.at(detained.date() + timedelta(days=offset), 9, 17.5)
        acts["arrest_requested"] = requested
        b.doc_number("arrest_request", "提捕", requested.date())
        _inquire_later(b, story, first.end, latest=requested - HOUR)
        if rng.random() < 0.55:
            third_at = b.at(second.end.date() + DAY, 9, 16)
            if third_at < requested - 3 * HOUR:
                b.session(
                    "interrogation",
                    suspect,
                    third_at,
                    b.suspect_qa(story, suspect, 3, ""),
                    b.custody_room(),
                    latest=requested - 2 * HOUR,
                )
        deadline = requested
        x = rng.random()
        if x < 0.7:
            _plan_arrest(b, story, requested)
        elif x < 0.82:
            _plan_disapproval(b, story, requested)
    else:
        bailed = b.after(after_first, 10, 60)
        ended = b.after(bailed, 5, 30)
        if ended - summoned > 12 * HOUR:
            raise _Replan("summons window exceeded")
        b.windows.append((summoned, ended))
        # 监视居住 instead (刑诉法 第七十四条): an adult who can offer neither guarantor nor deposit, or who is
        # seriously ill or the only carer of someone who cannot look after themselves; lifted within its six months,
        # only where even a late 解除 would lie in the past.
        if suspect.guardian is None and b.info.key != "dangerous_driving" and rng.random() < 0.25:
            acts["surveillance_started"], acts["summons_ended"] = bailed, ended
            b.doc_number("residential_surveillance_decision", "监居", bailed.date())
            b.extras["surveillance_reason"], b.extras["surveillance_basis"] = rng.choice(_SURVEILLANCE_REASONS)
            lifted_day = bailed.date() + timedelta(days=rng.randint(40, 170))
            if bailed.date() + timedelta(days=250) <= _RECORD_HORIZON and rng.random() < 0.7:
                acts["surveillance_lifted"] = b.at(lifted_day, 9, 17)
                b.doc_number("residential_surveillance_release_decision", "解监", lifted_day)
        else:
            acts["bail_granted"], acts["summons_ended"] = bailed, ended
            b.doc_number("bail_decision", "取保", bailed.date())
            # 解除取保候审 within the 12 months (刑诉法 第七十九条), only where even a late one would lie in the past.
            lifted_day = bailed.date() + timedelta(days=rng.randint(60, 330))
            if bailed.date() + timedelta(days=440) <= _RECORD_HORIZON and rng.random() < 0.6:
                acts["bail_lifted"] = b.at(lifted_day, 9, 17)
                b.doc_number("bail_release_decision", "解保", lifted_day)
            if suspect.guardian is not None or rng.random() < 0.4:
                if suspect.guardian is not None:
                    guarantor = suspect.guardian
                    relation = "父亲" if guarantor.gender == "男" else "母亲"
                else:  # a relative stands surety: a sibling shares the surname, a spouse is of the other sex
                    relation = rng.choice(["哥哥", "姐姐", "配偶"])
                    if relation == "配偶":
                        gender = "女" if suspect.gender == "男" else "男"
                        guarantor = b.person("family", age=(25, 60), gender=gender, local=1.0)
                        relation = "妻子" if gender == "女" else "丈夫"
                    else:
                        surname = suspect.name[:2] if len(suspect.name) == 3 and suspect.name[:2] in _DOUBLE else None
                        guarantor = b.person(
                            "family",
                            age=(25, 60),
                            gender="男" if relation == "哥哥" else "女",
                            local=1.0,
                            surname=surname or suspect.name[0],
                        )
                b.extras["bail"] = {"kind": "保证人", "guarantor": guarantor, "relation": relation}
            else:
                b.extras["bail"] = {"kind": "保证金", "amount": rng.randint(2, 10) * 500}
        _inquire_later(b, story, first.end)
        if rng.random() < 0.5:
            again = b.at(bailed.date() + timedelta(days=rng.randint(3, 20)), 9, 16)
            issued2 = again - timedelta(minutes=rng.randint(30, 240))
            b.summons_issued.append(issued2)
            b.doc_number("criminal_summons_2", "传", issued2.date())
            s2 = b.session(
                "interrogation",
                suspect,
                b.after(again, 10, 30),
                b.suspect_qa(story, suspect, 2, ""),
                b.station_room("讯问室", numbered=True),
                latest=again + 3 * HOUR,
            )
            b.windows.append((again, b.after(s2.end, 5, 30)))
        deadline = None

    # Price appraisals run alongside the investigation; the 鉴定意见 is then notified to suspect and victim.
    if story.appraisal == "price":
        commissioned = b.after(filed, 60, 600)
        if deadline is not None:
            lo, hi = commissioned + 3 * HOUR, deadline - HOUR
            appraised = lo + timedelta(minutes=rng.randint(0, max(0, int((hi - lo).total_seconds() // 60))))
        else:
            appraised = b.at(commissioned.date() + timedelta(days=rng.randint(1, 6)), 9, 17)
    if appraised is not None and commissioned is not None:
        acts["appraised"] = appraised
        acts["appraisal_notified"] = b.after(max(appraised, acts["summoned"]), 30, 1440)
        _appraisal_docs(b, story, commissioned, appraised)
        b.doc_number("expert_opinion_notice", "鉴通", acts["appraisal_notified"].date())


def _plan_admin(b: _Builder, story: Story) -> None:
    rng = b.rng
    acts = b.acts
    report = story.report_time
    accepted = b.same_day_after(report, 3, 15 if story.on_scene else 30)
    acts["report_received"], acts["case_accepted"] = report, accepted
    b.doc_number("case_acceptance_register", "受案", accepted.date())
    version = psapl_version(accepted.date())
    _inquire_first(b, story, accepted)
    if _plan_on_the_spot(b, story, accepted, version):
        return

    suspect = story.suspect
    start_after = accepted
    if story.seize and story.on_scene:
        acts["seized"] = b.after(accepted, 5, 20)
        start_after = acts["seized"]
    if story.on_scene:
        summoned = b.after(start_after, 10, 40)
        b.extras["summons_mode"] = "口头传唤"
        b.summons_issued.append(None)
        arrival = f"{spoken(summoned)}，民警在现场出示工作证件后口头传唤我到派出所接受调查的。"
    else:
        day = accepted.date() + timedelta(days=rng.randint(*story.search_days))
        summoned = b.daytime(max(b.at(day, 8.5, 19), b.after(accepted, 40, 120)), 8, 20)
        issued = max(accepted + 5 * MIN, summoned - timedelta(minutes=rng.randint(30, 300)))
        b.summons_issued.append(issued)
        b.doc_number("administrative_summons", "传", issued.date())
        b.extras["summons_mode"] = "传唤证"
        arrival = f"民警给我出示了传唤证，我{spoken(summoned)}到的派出所。"
    acts["summoned"] = summoned
    question_from = b.after(summoned, 10, 40)
    appraised = None
    if story.appraisal == "urine":
        appraised = b.after(summoned, 10, 40)
        acts["appraised"] = appraised
        acts["appraisal_notified"] = b.after(appraised, 5, 20)
        question_from = acts["appraisal_notified"] + 5 * MIN
        b.extras["appraisal"] = {
            "kind": "现场尿液检测",
            "institution": b.unit,
            "commissioned": summoned,
            "result": story.appraisal_result,
        }
    if story.seize and not story.on_scene:
        acts["seized"] = b.after(summoned, 5, 20)
        question_from = max(question_from, b.after(acts["seized"], 5, 15))
    inq = b.session(
        "inquiry",
        suspect,
        question_from,
        b.suspect_qa(story, suspect, 1, arrival),
        b.station_room("询问室", numbered=True),
        latest=summoned + 3 * HOUR,
    )
    after_inq = inq.end
    if "seized" in acts:
        b.doc_number("evidence_preservation_decision", "证保", acts["seized"].date())
        b.extras["seized_items"] = list(story.seize)

    if _plan_mediation(b, story, accepted, version, summoned, after_inq):
        return

    det, fine, warning, text, articles = _penalty(b, story, version)
    executed = det > 0 and suspect.guardian is None
    limit = (24 if det > 0 else 8) * HOUR
    slow = story.appraisal in ("price", "minor_injury") or rng.random() < 0.3
    if not slow:
        notice = b.session(
            "penalty_notice",
            suspect,
            b.after(after_inq, 10, 40),
            _notice_qa(b, story, version, text, articles),
            b.station_room("询问室"),
        )
        decided = b.after(notice.end, 20, 90)
        served = b.after(decided, 5, 30)
        ended = b.after(served, 5, 20)
        if ended - summoned > limit:
            raise _Replan("questioning window exceeded")
    else:
        ended = b.after(after_inq, 5, 30)
        if ended - summoned > 8 * HOUR:
            raise _Replan("questioning window exceeded")
        ready = _plan_later_appraisal(b, story, accepted, ended)
        decision_day = max(
            accepted.date() + timedelta(days=rng.randint(2, 12)), ready.date() + timedelta(days=rng.randint(0, 3))
        )
        decision_day = min(decision_day, accepted.date() + timedelta(days=28))
        notice_day = max(decision_day - timedelta(days=rng.randint(0, 2)), ready.date())
        notice = b.session(
            "penalty_notice",
            suspect,
            max(b.at(notice_day, 9, 16), ready + 30 * MIN),
            _notice_qa(b, story, version, text, articles),
            b.station_room("询问室"),
        )
        same_day = notice.end.date() >= decision_day
        decided = b.after(notice.end, 30, 180) if same_day else b.at(decision_day, 9, 17.5)
        if (decided.date() - accepted.date()).days > 30:
            raise _Replan("decision too late")
        same = executed or rng.random() < 0.7
        served = b.after(decided, 5, 40) if same else b.at(decided.date() + timedelta(days=rng.randint(1, 2)), 9, 17)
    acts["summons_ended"] = ended
    # 传唤后及时通知家属, while the person is still at the station
    span = int((ended - summoned).total_seconds() // 60)
    hi = max(1, min(90, span - 5))
    acts["summons_family_notified"] = b.after(summoned, min(10, hi), hi)
    b.windows.append((summoned, ended))
    acts["penalty_notified"] = notice.start
    acts["penalty_decided"] = decided
    acts["served"] = served
    b.doc_number("administrative_penalty_decision", "行罚决", decided.date())
    if story.victims:
        k = rng.choice([0, 0, 1, 2])
        victim_served = b.at(decided.date() + timedelta(days=k), 9, 17.5)
        if victim_served < served + 10 * MIN:
            victim_served = b.at(decided.date() + timedelta(days=k + 1), 9, 17.5) if k < 2 else b.after(served, 10, 40)
        acts["victim_served"] = victim_served
    if det:
        # 行政拘留: the family is told where it is served, or that by law it is not (程序规定 第一百七十六条).
        acts["penalty_family_notified"] = b.after(served, 10, 120)
        b.doc_number("penalty_family_notice", "拘通", acts["penalty_family_notified"].date())
    b.extras["approval_form"] = rng.random() < 0.6  # 行政处罚审批表 filed (else approved in the system only)
    b.extras.update(detention_days=det, fine=fine, warning=warning, detention_executed=executed)
    if det and not executed:
        b.extras["detention_not_executed_reason"] = _minor_reason(suspect, story.incident_time.date())
    b.extras["psapl_version"] = version
    b.extras["penalty_text"] = text
    b.extras["penalty_articles_drawn"] = articles
    b.extras["av_recorded"] = version == "2025"


def _plan_later_appraisal(b: _Builder, story: Story, accepted: datetime, ready: datetime) -> datetime:
    """价格认定 / 伤情鉴定 after the questioning: commissioned, concluded and notified; returns when all is ready."""
    rng, acts = b.rng, b.acts
    if story.appraisal not in ("price", "minor_injury"):
        return ready
    commissioned = b.after(accepted, 60, 1440)
    appraised = b.at(commissioned.date() + timedelta(days=rng.randint(1, 5)), 9, 17)
    acts["appraised"] = appraised
    acts["appraisal_notified"] = b.at(appraised.date() + timedelta(days=rng.randint(0, 3)), 9, 17.5)
    if acts["appraisal_notified"] <= appraised:
        acts["appraisal_notified"] = b.after(appraised, 20, 120)
    _appraisal_docs(b, story, commissioned, appraised)
    return max(ready, acts["appraisal_notified"])


# 治安调解 (治安管理处罚法 第九条): 民间纠纷 causing 殴打他人 / 故意损毁财物, 情节较轻, between adults.
_MEDIATED = frozenset({"assault_admin", "property_damage_admin"})


def _plan_mediation(
    b: _Builder, story: Story, accepted: datetime, version: str, summoned: datetime, after_inq: datetime
) -> bool:
    """Both parties heard, then 调解 at the station: a 治安调解协议书 is signed and the case ends without a penalty
    (no 告知笔录, no 决定书). False where the case does not fit or is not drawn."""
    rng, acts = b.rng, b.acts
    if b.info.key not in _MEDIATED or not story.victims or "seized" in acts:
        return False
    people = [story.suspect, story.victims[0]]
    if any(p.guardian is not None or p.age_on(accepted.date()) < 18 for p in people) or rng.random() >= 0.3:
        return False
    ended = b.after(after_inq, 5, 30)
    if ended - summoned > 8 * HOUR:
        raise _Replan("questioning window exceeded")
    acts["summons_ended"] = ended
    span = int((ended - summoned).total_seconds() // 60)
    hi = max(1, min(90, span - 5))
    acts["summons_family_notified"] = b.after(summoned, min(10, hi), hi)
    b.windows.append((summoned, ended))
    ready = _plan_later_appraisal(b, story, accepted, ended)
    day = max(accepted.date() + timedelta(days=rng.randint(1, 7)), ready.date() + timedelta(days=rng.randint(0, 2)))
    mediated = max(b.at(day, 9, 16.5), ready + 30 * MIN)
    if (mediated.date() - accepted.date()).days > 28 or psapl_version(mediated.date()) != version:
        raise _Replan("mediation too late")
    acts["mediated"] = mediated
    b.doc_number("mediation_agreement", "调", mediated.date())
    suspect, victim = story.suspect, story.victims[0]
    if story.amount:
        money = story.amount
        loss = f"{story.items[0].name}的损失" if story.items else "财物损失"
    else:
        money = rng.choice([300, 500, 800, 1000, 1500, 2000, 3000])
        loss = "医疗费、误工费等各项损失"
    apology = "当面向乙方赔礼道歉；" if rng.random() < 0.7 else ""
    b.extras.update(
        mediated=True,
        mediation_end=b.after(mediated, 30, 90),
        mediation_terms=f"经调解，双方自愿达成如下协议：甲方{suspect.name}{apology}"
        f"一次性赔偿乙方{victim.name}{loss}共计人民币{money}元；乙方对甲方的行为表示谅解，双方就此事不再追究。",
        mediation_performance=rng.choice(
            [
                "甲方于本协议签订时当场以现金方式一次性付清，乙方当场收讫。",
                "甲方于本协议签订时当场以微信转账方式一次性支付给乙方。",
                "甲方于本协议签订之日起三日内一次性付清。",
            ]
        ),
        mediation_present=story.witnesses[0].name if story.witnesses and rng.random() < 0.3 else "",
        detention_days=0,
        fine=0,
        warning=False,
        detention_executed=False,
        psapl_version=version,
        penalty_text="",
        penalty_articles_drawn=[f"{PSAPL}第九条"],
        av_recorded=version == "2025",
    )
    return True


# 当场处罚 is barred for 卖淫、嫖娼、赌博、毒品 (程序规定 第三十七条) and would not be used for 寻衅滋事.
_NO_ON_THE_SPOT = frozenset({"gambling_admin", "drug_use_admin", "provocation_admin"})


def _plan_on_the_spot(b: _Builder, story: Story, accepted: datetime, version: str) -> bool:
    """Simple procedure (简易程序): 警告 or a fine within the 当场 cap (200元, 500元 from 2026), decided and handed over
    on the spot after the evidence is taken; the 告知 is oral and the decision records it. False where it does not fit.
    """
    rng = b.rng
    key = b.info.key
    if not story.on_scene or story.seize or story.appraisal or story.suspect.guardian is not None:
        return False
    if key in _NO_ON_THE_SPOT or story.suspect.age_on(accepted.date()) < 18:
        return False
    cap = 200 if version == "2012" else 500
    bands = PENALTY_BANDS[key][version]
    fines = [v for v in range(50, cap + 1, 50) if any(bd.admits(0, v, False) for bd in bands)]
    warn = any(bd.admits(0, 0, True) for bd in bands)
    if not (fines or warn) or rng.random() >= 0.35:
        return False
    warning = warn and (not fines or rng.random() < 0.4)
    fine = 0 if warning else rng.choice(fines)
    last = max([s.end for s in b.sessions] + [accepted])
    decided = b.after(last, 10, 40)
    b.acts["penalty_decided"] = decided
    b.acts["served"] = decided  # handed to the person on the spot
    b.doc_number("on_the_spot_penalty_decision", "当罚决", decided.date())
    text = "警告" if warning else f"罚款{cn_number(fine)}元"
    b.extras.update(detention_days=0, fine=fine, warning=warning, detention_executed=False, on_the_spot=True)
    b.extras["psapl_version"] = version
    b.extras["penalty_text"] = text
    b.extras["penalty_articles_drawn"] = [_main_article(key, version, story)]
    b.extras["av_recorded"] = version == "2025"
    b.extras["penalty_place"] = story.place
    return True


def _minor_reason(p: Person, day: date) -> str:
    return "已满十四周岁不满十六周岁" if age_on(p.birth, day) < 16 else "已满十六周岁不满十八周岁，初次违反治安管理"


def _round_fine(rng: random.Random, lo: int, hi: int) -> int:
    options = [v for v in range(100, hi + 1, 100) if v >= lo] or [v for v in range(50, hi + 1, 50) if v >= lo]
    return rng.choice(options)


def _penalty(b: _Builder, story: Story, version: str) -> tuple[int, int, bool, str, list[str]]:
    """Detention days, fine, warning, the penalty as written and the cited articles, inside the article's range."""
    rng = b.rng
    key = b.info.key
    bands = PENALTY_BANDS[key][version]
    band = bands[0] if len(bands) == 1 or rng.random() < 0.7 else bands[1]
    det = fine = 0
    warning = False
    fine_cap = min(band.fine[1], 1000)  # stays under every hearing threshold (2000 / 4000元)
    if band.mode == "det+fine":
        det, fine = rng.randint(*band.det), _round_fine(rng, band.fine[0], fine_cap)
    elif band.mode == "det+opt_fine":
        det = rng.randint(*band.det)
        fine = _round_fine(rng, band.fine[0], fine_cap) if rng.random() < 0.5 else 0
    elif band.mode == "det|fine":
        if rng.random() < 0.55:
            det = rng.randint(*band.det)
        else:
            fine = _round_fine(rng, max(band.fine[0], 100), fine_cap)
    elif band.mode == "fine":
        fine = _round_fine(rng, band.fine[0], max(fine_cap, band.fine[0]))
    else:
        warning = rng.random() < 0.4
        fine = 0 if warning else _round_fine(rng, band.fine[0], band.fine[1])
    parts = []
    if warning:
        parts.append("警告")
    if det:
        parts.append(f"行政拘留{cn_number(det)}日")
    if fine:
        parts.append(("并处" if det else "") + f"罚款{cn_number(fine)}元")
    text = "，".join(parts)
    minor = story.suspect.guardian is not None
    if det and minor:
        text += "（依法不执行行政拘留处罚）"
    main = _main_article(key, version, story)
    articles = [main]
    if minor:
        art12, art_exempt = _MINOR_ARTICLES[version]
        articles.append(f"{PSAPL}{art12}")
        if det:
            item = "第一项" if age_on(story.suspect.birth, story.incident_time.date()) < 16 else "第二项"
            articles.append(f"{PSAPL}{art_exempt}{'第一款' if version == '2025' else ''}{item}")
    return det, fine, warning, text, articles


def _main_article(key: str, version: str, story: Story) -> str:
    number = CASE_TYPES[key].psapl[0 if version == "2012" else 1]
    suffix = {
        "assault_admin": "第一款",
        "drug_use_admin": "第三项" if version == "2012" else "第一款第三项",
        "provocation_admin": story.psapl_suffix,
        "obstruction_admin": "第一款第二项、第二款",
        "joyriding_admin": "第一项",
    }.get(key, "")
    return f"{PSAPL}{number}{suffix}"


def _notice_qa(b: _Builder, story: Story, version: str, penalty: str, articles: list[str]) -> list[tuple[str, str]]:
    """行政处罚告知笔录: facts, reasons, basis and the planned penalty; the right to state one's case."""
    rng = b.rng
    basis = ADMIN_PROCEDURE_ARTICLES[version]["penalty_notified"]
    facts = story.narrative.rstrip("。")
    cited = "、".join([articles[0]] + [a.removeprefix(PSAPL) for a in articles[1:]])
    qa = [
        (
            f"根据{basis}之规定，现将拟作出治安管理处罚决定的事实、理由及依据告知你：{facts}。以上事实有你的陈述和申辩、"
            f"{'被侵害人陈述、' if story.victims else ''}{'证人证言、' if story.witnesses else ''}"
            "现场执法记录等证据证实。"
            f"你的行为已构成{b.info.charge}，根据{cited}之规定，拟对你作出{penalty}的处罚。你有权进行陈述和申辩。你听清楚了吗？",
            "听清楚了。",
        ),
        (
            "你是否提出陈述和申辩？",
            rng.choice(["不提出陈述和申辩。", "我认识到错误了，希望能从轻处理。", "不提出，我接受处罚。"]),
        ),
    ]
    p = story.suspect
    if p.guardian is not None:
        rel = "父亲" if p.guardian.gender == "男" else "母亲"
        qa.append(
            (
                f"{p.guardian.name}，你作为{p.name}的{rel}（监护人），对拟作出的处罚有什么意见？",
                "没有意见，回去以后一定严加管教。",
            )
        )
    qa.append(("以上告知内容你是否清楚？", "清楚。"))
    return qa


# --- generate -----------------------------------------------------------------------------------------------------


def _random_day(rng: random.Random, kind: Kind) -> date:
    first = CRIMINAL_EARLIEST if kind == "criminal" else ADMIN_EARLIEST
    return first + timedelta(days=rng.randrange((LATEST - first).days + 1))


def _all_times(b: _Builder, story: Story) -> Iterator[datetime]:
    yield story.incident_time
    yield from b.acts.values()
    for s in b.sessions:
        yield s.start
        yield s.end


def _build(info: CaseTypeInfo, rng: random.Random, case_id: str, day: date) -> CaseFacts:
    b = _Builder(info, rng, case_id, day)
    story = _STORIES[info.key](b)
    if info.kind == "criminal":
        _plan_criminal(b, story)
    else:
        _plan_admin(b, story)
    if info.kind == "administrative":
        times = list(_all_times(b, story))
        if min(times).date() < PSAPL_2025_START <= max(times).date():
            raise _Straddle((max(times).date() - PSAPL_2025_START).days + 1)
    return _assemble(b, story)


class _Straddle(Exception):
    """An administrative case would be decided under a different 治安管理处罚法 than the one of the incident."""

    def __init__(self, days: int) -> None:
        super().__init__(days)
        self.days = days


def generate_facts(case_type: str, rng: random.Random, case_id: str, start: date | None = None) -> CaseFacts:
    """The facts of one clean case of ``case_type`` (a key of ``CASE_TYPES``).

    ``start`` fixes the incident date (criminal: on or after 2018-10-26, when the cited 刑事诉讼法 numbering took
    effect; administrative: on or after 2013-01-01). An administrative case whose procedure would run across
    2026-01-01 is moved earlier as a whole, so that one 治安管理处罚法 version governs it from incident to decision.
    """
    if case_type not in CASE_TYPES:
        raise ValueError(f"unknown case type {case_type!r}; known: {', '.join(CASE_TYPES)}")
    info = CASE_TYPES[case_type]
    if start is not None:
        floor = CPL_2018_START if info.kind == "criminal" else ADMIN_START_MIN
        if start < floor:
            raise ValueError(f"{case_type}: start {start} is before {floor}")
    day = start or _random_day(rng, info.kind)
    for _ in range(50):
        state = rng.getstate()
        try:
            return _build(info, rng, case_id, day)
        except _Replan:
            continue  # draw again from where the generator now stands (deterministic)
        except _Straddle as shift:
            rng.setstate(state)  # same draws, earlier dates: the case ends on 2025-12-31 at the latest
            day -= timedelta(days=shift.days)
    raise RuntimeError(f"could not plan a clean {case_type} case")


_DOUBLE = frozenset(load_data("names")["surnames_double"])
_UNIT_CODES = {"刑事侦查大队": "0300", "治安管理大队": "0200", "交通警察大队": "0700"}


def _assemble(b: _Builder, story: Story) -> CaseFacts:
    rng = b.rng
    info = b.info
    sessions = sorted(b.sessions, key=lambda s: s.start)
    counts: dict[tuple[str, str], int] = {}
    for s in sessions:
        key = (s.person.id_number, s.kind)
        counts[key] = counts.get(key, 0) + 1
        s.number = counts[key]
    acts = dict(sorted(b.acts.items(), key=lambda kv: kv[1]))
    accepted = acts["case_accepted"]
    if b.unit_kind == "派出所":
        unit_code = f"{50 + b.prof.stations.index(b.agency.station):02d}00"
    else:
        unit_code = _UNIT_CODES[b.unit_kind]
    serial = min(9999, accepted.day * rng.randint(2, 9) + rng.randint(1, 30))
    case_number = f"A{b.prof.region_code}{unit_code}00{accepted.year}{accepted.month:02d}{serial:04d}"
    titles = load_data("people")
    approver = b.people.official_name()
    unit_head = b.people.official_name()
    extras: dict[str, Any] = {
        "region_code": b.prof.region_code,
        "province": b.prof.province,
        "handling_unit": b.unit,
        "unit_kind": b.unit_kind,
        "approver_title": rng.choice(titles["approver_titles"][info.kind]),
        "unit_head": unit_head,
        "unit_head_title": titles["unit_head_titles"][b.unit_kind],
        "report_source": story.report_source,
        "report_method": story.report_method,
        "station_phone": f"{b.prof.area_code}-{rng.randint(5, 8)}{rng.randrange(10**6, 10**7)}",
        "price_bureau": b.prof.price_bureau,
        "forensic_center": b.prof.forensic_center,
        "record": "无",
        "summons_windows": list(b.windows),
        "summons_issued": list(b.summons_issued),
        "accomplices": list(story.accomplices),
        "guardian_relations": {
            p.name: "父亲" if p.guardian.gender == "男" else "母亲"
            for p in [story.suspect, *story.victims, *story.witnesses]
            if p.guardian is not None
        },
        **story.extras,
        **b.extras,
    }
    if story.pattern:
        extras["pattern"] = story.pattern
    if "seized" in acts:
        extras["holder"] = story.suspect.name
        if story.on_scene and info.kind != "criminal":
            extras["seizure_place"] = story.place
    if info.kind == "criminal":
        charge_article = f"{CL}{info.article}{story.article_suffix}"
        extras["charge_article"] = charge_article
        penalty_articles = [charge_article]
        penalty = ""
        proc = {k: v for k, v in CRIMINAL_PROCEDURE_ARTICLES.items() if k in acts}
        if "detained" in acts:
            item = "第七项" if story.pattern else "第三项" if story.seize else "第二项"
            proc["detained"] += item
        if "bail_granted" in acts:
            proc["bail_granted"] += "第一款第一项" if info.key == "dangerous_driving" else "第一款第二项"
        if "surveillance_started" in acts:
            proc["surveillance_started"] += str(extras.get("surveillance_basis") or "")
        if extras.get("detention_extended"):
            limit = extras["detention_limit_days"]
            proc["detention_extended"] = CRIMINAL_PROCEDURE_ARTICLES[f"detention_extended_{limit}"]
        extras["procedure_articles"] = proc
    else:
        penalty_articles = extras.pop("penalty_articles_drawn")
        penalty = extras.pop("penalty_text")
        extras["procedure_articles"] = dict(ADMIN_PROCEDURE_ARTICLES[extras["psapl_version"]])
        extras["decided_by"] = b.agency.name
    return CaseFacts(
        case_id=b.case_id,
        kind=info.kind,
        case_type=info.key,
        cause=info.cause,
        charge=info.charge,
        case_name=story.case_name,
        case_number=case_number,
        agency=b.agency,
        officers=list(b.team),
        approver=approver,
        suspects=[story.suspect],
        victims=list(story.victims),
        witnesses=list(story.witnesses),
        reporter=story.reporter,
        incident_time=story.incident_time,
        incident_place=story.place,
        narrative=story.narrative,
        items=list(story.items),
        amount=story.amount,
        sessions=sessions,
        penalty=penalty,
        penalty_articles=penalty_articles,
        acts=acts,
        doc_numbers=dict(b.doc_numbers),
        extras=extras,
    )


# --- consistency ------------------------------------------------------------------------------------------------------

_DOC_RE = re.compile(r"^(?P<prefix>.+?)\((?P<kind>[刑治行])\)(?P<word>[^()字]+)字〔(?P<year>\d{4})〕(?P<serial>\d+)号$")
_CASE_NO_RE = re.compile(r"^A(?P<region>\d{6})(?P<unit>\d{4})00(?P<year>\d{4})(?P<month>\d{2})(?P<serial>\d{4})$")
_DOC_ACT = {
    "case_acceptance_register": "case_accepted",
    "case_filing_decision": "case_filed",
    "detention_warrant": "detained",
    "detention_notice": "family_notified",
    "arrest_request": "arrest_requested",
    "bail_decision": "bail_granted",
    "release_certificate": "custody_released",
    "bail_release_decision": "bail_lifted",
    "residential_surveillance_decision": "surveillance_started",
    "residential_surveillance_release_decision": "surveillance_lifted",
    "arrest_warrant": "arrested",
    "arrest_notice": "arrest_family_notified",
    "seizure_decision": "seized",
    "evidence_preservation_decision": "seized",
    "administrative_penalty_decision": "penalty_decided",
    "mediation_agreement": "mediated",
}
_ACT_ZH = {
    "report_received": "接报",
    "case_accepted": "受案",
    "case_filed": "立案",
    "summoned": "传唤到案",
    "summons_ended": "传唤结束",
    "detained": "拘留",
    "custody_admitted": "送看守所",
    "family_notified": "通知家属",
    "arrest_requested": "提请批准逮捕",
    "bail_granted": "取保候审",
    "bail_lifted": "解除取保候审",
    "surveillance_started": "监视居住",
    "surveillance_lifted": "解除监视居住",
    "arrest_approved": "批准逮捕",
    "arrested": "逮捕",
    "arrest_family_notified": "逮捕后通知家属",
    "arrest_disapproval_received": "收到不批准逮捕决定书",
    "custody_released": "释放",
    "seized": "扣押",
    "appraised": "鉴定意见",
    "appraisal_notified": "鉴定意见告知",
    "summons_family_notified": "传唤通知家属",
    "penalty_notified": "处罚前告知",
    "penalty_decided": "处罚决定",
    "served": "送达",
    "victim_served": "送达被侵害人",
    "penalty_family_notified": "拘留通知家属",
    "mediated": "治安调解",
}
_PATTERNS = ("流窜作案", "多次作案", "结伙作案")


def _zh(act: str) -> str:
    return _ACT_ZH.get(act, act)


def _case_people(facts: CaseFacts) -> list[Person]:
    out: list[Person] = []

    def add(p: object) -> None:
        if isinstance(p, Person) and all(p is not q for q in out):
            out.append(p)
            add(p.guardian)

    for p in [*facts.suspects, *facts.victims, *facts.witnesses, facts.reporter, *facts.extras.get("accomplices", [])]:
        add(p)
    bail = facts.extras.get("bail")
    if isinstance(bail, dict):
        add(bail.get("guarantor"))
    for s in facts.sessions:
        add(s.person)
    return out


def _days(a: datetime, b: datetime) -> int:
    """Calendar days from a to b (day-based limits: the first day is not counted)."""
    return (b.date() - a.date()).days


def check_consistency(facts: CaseFacts) -> list[str]:
    """Problems with the facts: time limits and order of acts, IDs, names, sessions, minors, citations, amounts.

    Empty for every case ``generate_facts`` makes; a planted defect that touches the facts shows up here.
    """
    info = CASE_TYPES.get(facts.case_type)
    if info is None:
        return [f"未知案件类型：{facts.case_type}"]
    problems: list[str] = []
    if facts.kind != info.kind:
        problems.append(f"案件性质{facts.kind}与案件类型{facts.case_type}不符")
    problems += _check_people(facts, info)
    problems += _check_acts(facts, info)
    problems += _check_sessions(facts, info)
    problems += _check_citations(facts, info)
    problems += _check_amounts(facts, info)
    problems += _check_numbers(facts, info)
    return problems


def _check_people(facts: CaseFacts, info: CaseTypeInfo) -> list[str]:
    out: list[str] = []
    people = _case_people(facts)
    day = facts.incident_time.date()
    names: dict[str, object] = {}
    ids: dict[str, object] = {}
    phones: dict[str, object] = {}

    def claim(table: dict[str, object], key: str, owner: object, what: str) -> None:
        if key in table and table[key] is not owner:
            out.append(f"{what}重复：{key}")
        table.setdefault(key, owner)

    for p in people:
        out += [f"{p.name}：{x}" for x in id_number_problems(p.id_number, p.birth, p.gender)]
        if not PHONE_RE.match(p.phone):
            out.append(f"{p.name}：联系电话格式错误：{p.phone}")
        if not 2 <= len(p.name) <= 3:
            out.append(f"姓名长度异常：{p.name}")
        claim(names, p.name, p, "姓名")
        claim(ids, p.id_number, p, "身份证号码")
        claim(phones, p.phone, p, "联系电话")
        if p.age_on(day) < 18 and p.guardian is None:
            out.append(f"未成年人{p.name}（{p.age_on(day)}岁）没有法定代理人")
        if p.guardian is not None:
            g = p.guardian
            if g.age_on(day) < 18 + (g.age_on(day) - p.age_on(day) < 18) * 0:
                out.append(f"{p.name}的法定代理人{g.name}未成年")
            if g.age_on(day) - p.age_on(day) < 15:
                out.append(f"{p.name}的法定代理人{g.name}年龄不合理")
            if g.role != "guardian":
                out.append(f"{g.name}的角色应为guardian")
    officers: list[Officer] = list(facts.officers)
    for s in facts.sessions:
        officers += [o for o in [*s.officers, s.recorder] if all(o is not q for q in officers)]
    badges: dict[str, object] = {}
    for o in officers:
        if not re.fullmatch(r"\d{6}", o.badge):
            out.append(f"警号格式错误：{o.name} {o.badge}")
        claim(badges, o.badge, o, "警号")
        claim(names, o.name, o, "姓名")
    for label, name in (("审批人", facts.approver), ("办案部门负责人", facts.extras.get("unit_head"))):
        if isinstance(name, str) and name:
            claim(names, name, label, "姓名")
    if len(facts.officers) < 2:
        out.append("办案民警少于二人")
    for p in facts.suspects:
        age = p.age_on(day)
        floor = 16 if info.kind == "criminal" else 14
        if age < floor:
            out.append(f"嫌疑人{p.name}作案时{age}岁，未达责任年龄")
        if age < 18 and facts.extras.get("guardian_relations", {}).get(p.name) not in ("父亲", "母亲"):
            out.append(f"未成年嫌疑人{p.name}的法定代理人关系未记载")
    return out


def _check_acts(facts: CaseFacts, info: CaseTypeInfo) -> list[str]:
    out: list[str] = []
    acts = facts.acts
    ex = facts.extras
    criminal = info.kind == "criminal"
    if ex.get("on_the_spot"):  # 简易程序: no 传唤 and no 告知笔录; _check_on_the_spot judges it
        return _check_admin_acts(facts, [])
    if criminal and "non_filing_decided" in acts:
        return _check_non_filing(facts)
    need = ["report_received", "case_accepted", "summoned", "summons_ended"]
    if criminal:
        need.append("case_filed")
    else:  # 治安调解 ends the case without 告知 and 决定
        need += ["mediated"] if ex.get("mediated") else ["penalty_notified", "penalty_decided", "served"]
    out += [f"缺少{_zh(a)}时间" for a in need if a not in acts]
    if criminal:
        out += [f"刑事案件不应有{_zh(a)}" for a in ("penalty_notified", "penalty_decided", "served") if a in acts]
        if not {"detained", "bail_granted", "surveillance_started"} & set(acts):
            out.append("刑事案件既无拘留也无取保候审、监视居住")
    elif "case_filed" in acts:
        out.append("治安案件不应有刑事立案时间")
    if out:
        return out
    report, accepted, summoned = acts["report_received"], acts["case_accepted"], acts["summoned"]
    if facts.incident_time > report:
        out.append("接报时间早于案发时间")
    if accepted < report or accepted.date() != report.date():
        out.append(f"受案时间{accepted}不在接报当日（接报{report}）")
    for act, t in acts.items():
        if act != "report_received" and t < report:
            out.append(f"{_zh(act)}时间早于接报时间")
    windows: list[tuple[datetime, datetime]] = list(ex.get("summons_windows", []))
    if not windows or windows[0][0] != summoned or windows[0][1] != acts["summons_ended"]:
        out.append("传唤时间与传唤记录（summons_windows）不一致")
    issued = ex.get("summons_issued", [])
    if len(issued) != len(windows):
        out.append("传唤证填发记录与传唤次数不一致")
    for (start, _end), when in zip(windows, issued, strict=False):
        if when is not None and when > start:
            out.append("传唤证填发时间晚于到案时间")
    if criminal:
        filed = acts["case_filed"]
        if filed < accepted:
            out.append("立案时间早于受案时间")
        elif _days(accepted, filed) > 3:
            out.append(f"立案审查超过3日（受案{accepted:%Y-%m-%d}，立案{filed:%Y-%m-%d}）")
        measures = ("summoned", "detained", "custody_admitted", "seized", "bail_granted", "surveillance_started")
        for act in (*measures, "arrest_requested"):
            if act in acts and acts[act] < filed:
                out.append(f"{_zh(act)}早于立案（先采取措施后立案）")
        for w in issued:
            if w is not None and w < filed:
                out.append("传唤证填发早于立案")
        for start, end in windows:
            if end < start or end - start > 12 * HOUR:
                out.append(f"传唤持续时间超过12小时（{start:%m-%d %H:%M}至{end:%m-%d %H:%M}）")
        if "detained" in acts:
            d = acts["detained"]
            if d < summoned:
                out.append("拘留时间早于传唤到案时间")
            for act, label in (("custody_admitted", "送看守所羁押"), ("family_notified", "通知家属")):
                if act not in acts:
                    out.append(f"缺少拘留后{label}时间")
                elif not d <= acts[act] <= d + 24 * HOUR:
                    out.append(f"拘留后超过24小时{label}")
            if not any(s.kind == "interrogation" and d <= s.start <= d + 24 * HOUR for s in facts.sessions):
                out.append("拘留后24小时内未讯问")
            out += _check_arrest_request(facts, d)
            out += _check_measures(facts)
        elif "arrest_requested" in acts:
            out.append("未拘留却有提请批准逮捕时间")
        if "appraised" in acts and "appraisal_notified" not in acts:
            out.append("鉴定意见未告知犯罪嫌疑人、被害人")
        if "detained" not in acts:
            out += _check_measures(facts)
        if info.key in ("injury", "dangerous_driving") or ex.get("variant") == "随意殴打":
            if "appraised" not in acts:
                out.append("缺少鉴定意见")
            elif acts["appraised"] > filed:
                out.append("立案时尚无证明达到追诉标准的鉴定意见")
    else:
        out += _check_admin_acts(facts, windows)
    if "appraisal_notified" in acts and ("appraised" not in acts or acts["appraisal_notified"] < acts["appraised"]):
        out.append("鉴定意见告知早于鉴定意见")
    return out


def _check_non_filing(facts: CaseFacts) -> list[str]:
    """不予立案 (documents_nonfiling.py): decided within 3 days of 受案, served within 3 days, no filed-case acts."""
    acts = facts.acts
    out = [f"缺少{_zh(a)}时间" for a in ("report_received", "case_accepted", "non_filing_served") if a not in acts]
    if out:
        return out
    accepted, decided, served = acts["case_accepted"], acts["non_filing_decided"], acts["non_filing_served"]
    if facts.reporter is None:
        out.append("不予立案案件没有控告人")
    if not accepted <= decided or _days(accepted, decided) > 3:
        out.append("不予立案决定不在受案后3日内")
    if not decided <= served or _days(decided, served) > 3:
        out.append("不予立案通知书未在3日内送达控告人")
    out += [f"不予立案案件不应有{_zh(a)}" for a in ("case_filed", "summoned", "detained", "bail_granted") if a in acts]
    if any(s.kind == "interrogation" or s.end > decided for s in facts.sessions):
        out.append("不予立案后仍有笔录或有讯问笔录")
    return out


def _check_arrest_request(facts: CaseFacts, detained: datetime) -> list[str]:
    out: list[str] = []
    acts, ex = facts.acts, facts.extras
    if "arrest_requested" not in acts:
        return out
    limit = 3
    if ex.get("detention_extended"):
        limit = int(ex.get("detention_limit_days", 3))
        approved = ex.get("detention_extension_approved")
        if not isinstance(approved, datetime):
            out.append("延长拘留期限无审批时间")
        elif approved < detained or _days(detained, approved) > 3:
            out.append("延长拘留期限审批不在原拘留期限内")
        if limit == 30:
            pattern = ex.get("pattern")
            if pattern not in _PATTERNS:
                out.append("延长至30日但无流窜作案、多次作案、结伙作案情形")
            elif pattern == "结伙作案" and not ex.get("accomplices"):
                out.append("以结伙作案延长拘留期限但无同案人")
            elif pattern == "多次作案" and ex.get("offense_count", 0) < 3 and len(ex.get("visits", [])) < 3:
                out.append("以多次作案延长拘留期限但作案不足三次")
        elif limit != 7:
            out.append(f"延长拘留期限天数{limit}不合法")
    if _days(detained, acts["arrest_requested"]) > limit:
        out.append(f"拘留后{_days(detained, acts['arrest_requested'])}日才提请批准逮捕，超过{limit}日")
    if acts["arrest_requested"] < detained:
        out.append("提请批准逮捕早于拘留")
    return out


def _check_measures(facts: CaseFacts) -> list[str]:
    """报案笔录, 逮捕 and 解除取保候审 (corpora/generator/documents_measures.py) against their limits."""
    out: list[str] = []
    acts, ex = facts.acts, facts.extras
    rec = ex.get("report_record")
    if rec is not None and not (acts["report_received"] <= rec[0] < rec[1] <= acts["case_accepted"]):
        out.append("报案笔录不在接报与受案之间")
    if "arrested" in acts:
        approved, arrested = acts.get("arrest_approved"), acts["arrested"]
        requested = acts.get("arrest_requested")
        if approved is None or requested is None or not requested < approved <= arrested:
            out.append("逮捕不在提请与批准之后")
        elif _days(requested, approved) > 7:
            out.append("检察院超过7日才作出批准逮捕决定")
        notified = acts.get("arrest_family_notified")
        if notified is None or not arrested <= notified <= arrested + 24 * HOUR:
            out.append("逮捕后超过24小时通知家属")
        if not any(s.kind == "interrogation" and arrested <= s.start <= arrested + 24 * HOUR for s in facts.sessions):
            out.append("逮捕后24小时内未讯问")
    if "arrest_disapproval_received" in acts:  # 不批准逮捕: released or bailed at once, never arrested
        received = acts["arrest_disapproval_received"]
        after = [acts[a] for a in ("custody_released", "bail_granted") if a in acts]
        if "arrested" in acts or "arrest_requested" not in acts or received < acts["arrest_requested"]:
            out.append("不批准逮捕与提请、逮捕不一致")
        if not after or not all(received <= t <= received + 24 * HOUR for t in after):
            out.append("不批准逮捕后未立即释放或变更强制措施")
    if "bail_lifted" in acts:
        bailed, lifted = acts.get("bail_granted"), acts["bail_lifted"]
        if bailed is None or lifted < bailed:
            out.append("解除取保候审早于取保候审")
        elif lifted.date() > _add_months(bailed.date(), 12):
            out.append("取保候审超过12个月")
    if "surveillance_lifted" in acts:
        started, lifted = acts.get("surveillance_started"), acts["surveillance_lifted"]
        if started is None or lifted < started:
            out.append("解除监视居住早于监视居住")
        elif lifted.date() > _add_months(started.date(), 6):
            out.append("监视居住超过6个月")
    return out


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValueError(d)


def _check_admin_acts(facts: CaseFacts, windows: list[tuple[datetime, datetime]]) -> list[str]:
    out: list[str] = []
    acts, ex = facts.acts, facts.extras
    if ex.get("on_the_spot"):
        return _check_on_the_spot(facts)
    accepted, summoned = acts["case_accepted"], acts["summoned"]
    if summoned < accepted:
        out.append("传唤早于受案")
    det = int(ex.get("detention_days", 0) or 0)
    limit = 24 if det > 0 else 8
    for start, end in windows:
        if end < start or end - start > limit * HOUR:
            out.append(f"询问查证超过{limit}小时（{start:%m-%d %H:%M}至{end:%m-%d %H:%M}）")
    if "summons_family_notified" not in acts:
        out.append("传唤后未通知家属")
    if ex.get("mediated"):
        return out + _check_mediated(facts)
    notified, decided, served = acts["penalty_notified"], acts["penalty_decided"], acts["served"]
    if notified > decided:
        out.append("处罚前告知晚于处罚决定")
    elif _days(notified, decided) > 2:
        out.append("处罚前告知与处罚决定相隔超过2日")
    if not any(s.kind == "penalty_notice" and s.start == notified for s in facts.sessions):
        out.append("缺少行政处罚告知笔录")
    if _days(accepted, decided) > 30:
        out.append(f"办案期限超过30日（受案{accepted:%Y-%m-%d}，决定{decided:%Y-%m-%d}）")
    if served < decided or _days(decided, served) > 2:
        out.append("处罚决定书未在2日内送达")
    if facts.victims:
        vs = acts.get("victim_served")
        if vs is None or vs < decided or _days(decided, vs) > 2:
            out.append("处罚决定书未在2日内送达被侵害人")
    if ex.get("detention_executed"):
        if "penalty_family_notified" not in acts or acts["penalty_family_notified"] < decided:
            out.append("决定行政拘留后未通知家属")
        for p in facts.suspects:
            if p.age_on(facts.incident_time.date()) < 18:
                out.append(f"对未成年人{p.name}执行行政拘留")
    if (
        "appraised" in acts
        and "appraisal_notified" in acts
        and _days(acts["appraised"], acts["appraisal_notified"]) > 5
    ):
        out.append("鉴定意见未在5日内送达")
    if "appraised" in acts and "appraisal_notified" not in acts:
        out.append("鉴定意见未送达")
    if "seized" in acts and acts["seized"] < accepted:
        out.append("扣押早于受案")
    version = psapl_version(decided.date())
    fine = int(ex.get("fine", 0) or 0)
    if fine >= (4000 if version == "2025" else 2000) and not ex.get("hearing_notified"):
        out.append("拟罚款达到听证标准但未告知听证权")
    return out


def _check_mediated(facts: CaseFacts) -> list[str]:
    """治安调解: only 殴打他人/故意损毁财物 between adults, after all the questioning, within 30 days, no penalty."""
    out: list[str] = []
    acts, ex = facts.acts, facts.extras
    mediated = acts["mediated"]
    if facts.case_type not in _MEDIATED or not facts.victims:
        out.append("该类案件不适用治安调解")
    if any(p.age_on(mediated.date()) < 18 for p in [*facts.suspects, *facts.victims]):
        out.append("未成年当事人的调解未安排监护人到场")
    if any(s.end > mediated for s in facts.sessions) or any(s.kind == "penalty_notice" for s in facts.sessions):
        out.append("调解前未查明事实，或调解后仍有告知笔录")
    if _days(acts["case_accepted"], mediated) > 30:
        out.append("调解超过办案期限")
    if "appraisal_notified" in acts and acts["appraisal_notified"] > mediated:
        out.append("鉴定意见告知晚于调解")
    if any(a in acts for a in ("penalty_notified", "penalty_decided", "served")) or ex.get("detention_days"):
        out.append("调解结案不应有处罚")
    return out


def _check_on_the_spot(facts: CaseFacts) -> list[str]:
    out: list[str] = []
    acts, ex = facts.acts, facts.extras
    version = psapl_version(acts["penalty_decided"].date())
    if int(ex.get("fine", 0) or 0) > (500 if version == "2025" else 200) or ex.get("detention_days"):
        out.append("当场处罚超出警告或法定罚款数额")
    if acts["penalty_decided"] < acts["case_accepted"] or any(s.kind != "inquiry" for s in facts.sessions):
        out.append("当场处罚案件的程序不符")
    return out


def _check_sessions(facts: CaseFacts, info: CaseTypeInfo) -> list[str]:
    out: list[str] = []
    criminal = info.kind == "criminal"
    people = _case_people(facts)
    suspects = facts.suspects
    acts, ex = facts.acts, facts.extras
    windows: list[tuple[datetime, datetime]] = list(ex.get("summons_windows", []))
    custody = acts.get("custody_admitted")
    busy: dict[str, list[tuple[datetime, datetime, str]]] = {}
    seen: dict[tuple[int, str], int] = {}
    for s in sorted(facts.sessions, key=lambda x: x.start):
        who = s.person.name
        if all(s.person is not p for p in people):
            out.append(f"笔录对象{who}不是本案人员")
        if s.end <= s.start:
            out.append(f"{who}笔录结束时间不晚于开始时间")
        if len({o.badge for o in s.officers}) < 2:
            out.append(f"{who}笔录的询（讯）问人少于二人")
        if not 3 <= len(s.qa) <= 25:
            out.append(f"{who}笔录问答{len(s.qa)}组，超出3–25组")
        key = (id(s.person), s.kind)
        seen[key] = seen.get(key, 0) + 1
        if s.number != seen[key]:
            out.append(f"{who}第{s.number}次笔录编号与顺序不符")
        if s.person.age_on(s.start.date()) < 18 and s.person.guardian is None:
            out.append(f"询（讯）问未成年人{who}无法定代理人到场")
        for o in [*s.officers, s.recorder]:
            for a, b2, other in busy.get(o.badge, []):
                if s.start < b2 and a < s.end:
                    out.append(f"民警{o.name}同一时段出现在{other}和{who}的笔录中")
        for o in {o.badge: o for o in [*s.officers, s.recorder]}.values():
            busy.setdefault(o.badge, []).append((s.start, s.end, who))
        for a, b2, _other in busy.get("person:" + s.person.id_number, []):
            if s.start < b2 and a < s.end:
                out.append(f"{who}同一时段有两份笔录")
        busy.setdefault("person:" + s.person.id_number, []).append((s.start, s.end, who))
        is_suspect = any(s.person is p for p in suspects)
        if s.start < acts.get("report_received", s.start):
            out.append(f"{who}的笔录早于接报")
        if s.kind == "interrogation":
            if not criminal or not is_suspect:
                out.append(f"{who}：只有刑事犯罪嫌疑人适用讯问")
            if criminal and "case_filed" in acts and s.start < acts["case_filed"]:
                out.append(f"立案前讯问{who}")
        if s.kind == "penalty_notice" and (criminal or not is_suspect):
            out.append(f"{who}：行政处罚告知只对治安案件违法嫌疑人")
        if is_suspect and s.kind in ("inquiry", "interrogation"):
            in_window = any(a <= s.start and s.end <= b2 for a, b2 in windows)
            in_custody = custody is not None and s.start >= custody
            if in_custody and "看守所" not in s.place:
                out.append(f"送看守所后未在看守所内讯问{who}")
            if not in_window and not in_custody:
                out.append(f"讯（询）问{who}不在传唤时限内（{s.start:%m-%d %H:%M}）")
    if criminal and "non_filing_decided" not in acts and not any(s.kind == "interrogation" for s in facts.sessions):
        out.append("没有讯问笔录")
    on_the_spot = bool(facts.extras.get("on_the_spot"))  # 当场处罚: the 告知 is oral
    mediated = bool(facts.extras.get("mediated"))  # 治安调解: no 告知 at all
    notices = sum(s.kind == "penalty_notice" for s in facts.sessions)
    if not criminal and not on_the_spot and not mediated and notices != 1:
        out.append("行政处罚告知笔录应当有且只有一份")
    return out


def _check_citations(facts: CaseFacts, info: CaseTypeInfo) -> list[str]:
    out: list[str] = []
    ex = facts.extras
    acts = facts.acts
    if not facts.penalty_articles:
        return ["未引用法律条文"]
    proc = ex.get("procedure_articles", {})
    if info.kind == "criminal":
        if not facts.penalty_articles[0].startswith(f"{CL}{info.article}"):
            out.append(f"罪名条文引用错误：{facts.penalty_articles[0]}（应为{CL}{info.article}）")
        if acts and min(acts.values()).date() < CPL_2018_START and any(CPL in v for v in proc.values()):
            out.append("2018年10月26日前的程序行为引用了2018年刑事诉讼法条文")
        for key, value in proc.items():
            base = CRIMINAL_PROCEDURE_ARTICLES.get(key)
            if key == "detention_extended":
                base = CRIMINAL_PROCEDURE_ARTICLES[f"detention_extended_{ex.get('detention_limit_days', 7)}"]
            if base is None or not value.startswith(base):
                out.append(f"{_zh(key)}的法律依据引用错误：{value}")
        return out
    decided = acts.get("penalty_decided")
    if decided is None:
        return out
    version = psapl_version(decided.date())
    if psapl_version(facts.incident_time.date()) != version:
        out.append("违法行为发生在2026年1月1日前而决定在其后，适用法律需人工复核（从旧兼从轻）")
    idx = 0 if version == "2012" else 1
    main = f"{PSAPL}{info.psapl[idx]}"
    first = facts.penalty_articles[0]
    if not first.startswith(main) or re.match(r"之[一二三四五六七八九]", first[len(main) :]):
        out.append(f"处罚依据引用错误：{first}（{version}版应为{main}）")
    allowed = {main, f"{PSAPL}{_MINOR_ARTICLES[version][0]}", f"{PSAPL}{_MINOR_ARTICLES[version][1]}"}
    for art in facts.penalty_articles[1:]:
        if not any(art.startswith(a) for a in allowed):
            out.append(f"处罚依据引用错误：{art}")
    for key, value in ADMIN_PROCEDURE_ARTICLES[version].items():
        if key in proc and proc[key] != value:
            out.append(f"{_zh(key)}的法律依据与{version}版条文不符：{proc[key]}")
    det = int(ex.get("detention_days", 0) or 0)
    fine = int(ex.get("fine", 0) or 0)
    warning = bool(ex.get("warning"))
    if not any(band.admits(det, fine, warning) for band in PENALTY_BANDS[info.key][version]):
        out.append(f"处罚（拘留{det}日、罚款{fine}元{'、警告' if warning else ''}）超出{first}的处罚幅度")
    text = facts.penalty
    if det and f"行政拘留{cn_number(det)}日" not in text:
        out.append(f"处罚内容“{text}”与拘留{det}日不符")
    if fine and f"罚款{cn_number(fine)}元" not in text:
        out.append(f"处罚内容“{text}”与罚款{fine}元不符")
    return out


_MIN_AMOUNT = {
    "theft": 3000,
    "snatching": 3000,
    "fraud_telecom": 10000,
    "concealing_proceeds": 3000,
    "helping_info_crime": 200000,
}
_MAX_AMOUNT = {
    "theft_admin": 1000,
    "fraud_admin": 3000,
    "snatching_admin": 1000,
    "extortion_admin": 2000,
    "property_damage_admin": 5000,
}


def _check_amounts(facts: CaseFacts, info: CaseTypeInfo) -> list[str]:
    out: list[str] = []
    ex = facts.extras
    key = info.key
    if key in _MIN_AMOUNT and facts.amount < _MIN_AMOUNT[key]:
        out.append(f"涉案数额{facts.amount}元未达到刑事追诉标准（{_MIN_AMOUNT[key]}元）")
    if key in _MAX_AMOUNT and facts.amount >= _MAX_AMOUNT[key]:
        out.append(f"涉案数额{facts.amount}元已达刑事追诉标准（{_MAX_AMOUNT[key]}元），不应治安处罚")
    if key == "provocation" and ex.get("variant") == "强拿硬要" and facts.amount < 1000:
        out.append("强拿硬要价值不足1000元，未达寻衅滋事罪追诉标准")
    if key == "provocation_admin" and facts.amount >= 1000:
        out.append("强拿硬要价值达1000元，已涉嫌寻衅滋事罪")
    if key == "dangerous_driving" and int(ex.get("bac", 0)) < 80:
        out.append(f"血液酒精含量{ex.get('bac')}mg/100ml未达醉驾标准")
    if key == "injury" and not str(ex.get("injury_grade", "")).startswith(("轻伤", "重伤")):
        out.append("伤情未达轻伤，不构成故意伤害罪")
    if key == "assault_admin" and str(ex.get("injury_grade", "")).startswith(("轻伤", "重伤")):
        out.append("伤情已达轻伤，应刑事立案")
    if facts.items and key != "helping_info_crime" and sum(i.value for i in facts.items) != facts.amount:
        out.append(f"物品价值合计{sum(i.value for i in facts.items)}元与涉案数额{facts.amount}元不符")
    return out


def _check_numbers(facts: CaseFacts, info: CaseTypeInfo) -> list[str]:
    out: list[str] = []
    ex = facts.extras
    acts = facts.acts
    m = _CASE_NO_RE.match(facts.case_number)
    if not m:
        out.append(f"案件编号格式错误：{facts.case_number}")
    else:
        if m["region"] != ex.get("region_code"):
            out.append(f"案件编号行政区划代码{m['region']}与办案机关不符")
        acc = acts.get("case_accepted")
        if acc is not None and (int(m["year"]), int(m["month"])) != (acc.year, acc.month):
            out.append("案件编号年月与受案时间不符")
    kind = "刑" if info.kind == "criminal" else None
    when_of: dict[str, date] = {k: acts[a].date() for k, a in _DOC_ACT.items() if a in acts}
    issued = ex.get("summons_issued", [])
    for key, idx in (("criminal_summons", 0), ("administrative_summons", 0), ("criminal_summons_2", 1)):
        if idx < len(issued) and issued[idx] is not None:
            when_of[key] = issued[idx].date()
    if isinstance(ex.get("detention_extension_approved"), datetime):
        when_of["detention_extension_notice"] = ex["detention_extension_approved"].date()
    appraisal = ex.get("appraisal")
    if isinstance(appraisal, dict) and isinstance(appraisal.get("commissioned"), datetime):
        when_of["expert_engagement"] = appraisal["commissioned"].date()
    for key, number in facts.doc_numbers.items():
        if key in ("price_assessment", "expert_opinion"):
            continue
        d = _DOC_RE.match(number)
        if not d:
            out.append(f"文号格式错误：{number}")
            continue
        if d["prefix"] != facts.agency.prefix:
            out.append(f"文号机关代字与办案机关不符：{number}")
        if (kind and d["kind"] != kind) or (not kind and d["kind"] == "刑"):
            out.append(f"文号案件类别错误：{number}")
        if key in when_of and int(d["year"]) != when_of[key].year:
            out.append(f"文号年份与文书日期不符：{number}")
    if info.kind == "criminal" and "non_filing_decided" in acts:
        wanted = ["case_acceptance_register", "non_filing_notice"]
    elif info.kind == "criminal":
        wanted = ["case_acceptance_register", "case_filing_decision", "criminal_summons"]
        if "detained" in acts:
            wanted += ["detention_warrant", "detention_notice", "arrest_request"]
        else:
            wanted.append("residential_surveillance_decision" if "surveillance_started" in acts else "bail_decision")
    else:
        decision = "on_the_spot_penalty_decision" if ex.get("on_the_spot") else "administrative_penalty_decision"
        decision = "mediation_agreement" if ex.get("mediated") else decision
        wanted = ["case_acceptance_register", decision]
        if ex.get("summons_mode") == "传唤证":
            wanted.append("administrative_summons")
    wanted += ["seizure_decision" if info.kind == "criminal" else "evidence_preservation_decision"] * ("seized" in acts)
    out += [f"缺少{k}文号" for k in wanted if k not in facts.doc_numbers]
    return out
