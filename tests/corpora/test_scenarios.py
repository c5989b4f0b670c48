"""Case facts of the generator (corpora/generator/scenarios.py, people.py). Every person and number is fictional."""

from __future__ import annotations

import copy
import hashlib
import os
import random
import re
import subprocess
import sys
from datetime import date, timedelta

import pytest

from corpora.generator.model import CaseFacts, Person
from corpora.generator.people import (
    ID_WEIGHTS,
    PeopleFactory,
    agency_profiles,
    id_check_char,
    id_number_problems,
    make_id_number,
)
from corpora.generator.scenarios import (
    CASE_TYPES,
    PSAPL_2025_START,
    check_consistency,
    cn_number,
    generate_facts,
    psapl_version,
)

SEEDS = range(8)
CRIMINAL = [k for k, v in CASE_TYPES.items() if v.kind == "criminal"]
ADMIN = [k for k, v in CASE_TYPES.items() if v.kind == "administrative"]


def _facts(case_type: str, seed: int | str, start: date | None = None) -> CaseFacts:
    return generate_facts(case_type, random.Random(f"{case_type}-{seed}"), f"T-{seed}", start=start)


def _people(f: CaseFacts) -> list[Person]:
    out: list[Person] = []
    for p in [*f.suspects, *f.victims, *f.witnesses, f.reporter, *f.extras.get("accomplices", [])]:
        for q in (p, p.guardian if p else None):
            if q is not None and all(q is not r for r in out):
                out.append(q)
    return out


def _digest(f: CaseFacts) -> str:
    return hashlib.sha256(repr(f).encode()).hexdigest()


# --- the catalogue ----------------------------------------------------------------------------------------------------


def test_nineteen_types_eight_criminal_eleven_administrative() -> None:
    assert len(CRIMINAL) == 8 and len(ADMIN) == 11
    assert set(CRIMINAL) == {"theft", "fraud_telecom", "injury", "helping_info_crime", "dangerous_driving",
                             "provocation", "snatching", "concealing_proceeds"}  # fmt: skip
    assert CASE_TYPES["theft"].charge == "盗窃罪" and CASE_TYPES["theft_admin"].charge == "盗窃"
    assert CASE_TYPES["concealing_proceeds"].charge == "掩饰、隐瞒犯罪所得罪"


def test_at_least_twelve_agencies_across_provinces() -> None:
    profiles = agency_profiles()
    assert len(profiles) >= 12
    assert len({p.province for p in profiles}) >= 12
    assert len({p.agency.prefix for p in profiles}) == len(profiles)
    nanjing = next(p for p in profiles if p.agency.district == "玄武区")
    assert nanjing.agency.prefix == "宁公玄" and nanjing.region_code == "320102"


# --- every type, several seeds: clean, deterministic, varied ----------------------------------------------------------


@pytest.mark.parametrize("case_type", sorted(CASE_TYPES))
def test_clean_cases_are_consistent(case_type: str) -> None:
    for seed in SEEDS:
        f = _facts(case_type, seed)
        assert f.case_type == case_type and f.kind == CASE_TYPES[case_type].kind
        assert f.narrative and f.case_name and f.suspects and len(f.officers) >= 2
        assert check_consistency(f) == [], (seed, check_consistency(f))


@pytest.mark.parametrize("case_type", sorted(CASE_TYPES))
def test_same_seed_same_facts_other_seed_other_facts(case_type: str) -> None:
    a = _facts(case_type, 1)
    random.seed(12345)  # the global generator must not matter
    b = _facts(case_type, 1)
    random.seed(54321)
    c = _facts(case_type, 2)
    assert a == b and _digest(a) == _digest(b)
    assert a != c and a.narrative != c.narrative and a.suspects[0].id_number != c.suspects[0].id_number


def test_deterministic_across_processes() -> None:
    """No set or hash order leaks into the draws: PYTHONHASHSEED changes nothing."""
    code = (
        "import hashlib, random\n"
        "from corpora.generator.scenarios import generate_facts\n"
        "print(''.join(hashlib.sha256(repr(generate_facts(t, random.Random(7), 'X')).encode()).hexdigest()[:12]"
        " for t in ('theft', 'gambling_admin', 'fraud_telecom')))\n"
    )
    outs = set()
    for hash_seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        outs.add(run.stdout.strip())
    assert len(outs) == 1


# --- people -----------------------------------------------------------------------------------------------------------


def test_id_check_character() -> None:
    assert id_check_char("11010519491231002") == "X"  # the standard's own example
    number = make_id_number("320102", date(1990, 3, 15), "男", 123)
    assert number[:14] == "32010219900315" and int(number[16]) % 2 == 1
    total = sum(int(c) * w for c, w in zip(number[:17], ID_WEIGHTS, strict=True))
    assert number[17] == "10X98765432"[total % 11]
    assert id_number_problems(number, date(1990, 3, 15), "男") == []
    assert id_number_problems(number, date(1990, 3, 16), "男")
    assert id_number_problems(number, None, "女")
    assert id_number_problems(number[:17] + ("0" if number[17] != "0" else "1"))


@pytest.mark.parametrize("case_type", sorted(CASE_TYPES))
def test_people_ids_birth_gender_names(case_type: str) -> None:
    for seed in SEEDS:
        f = _facts(case_type, seed)
        people = _people(f)
        for p in people:
            assert id_number_problems(p.id_number, p.birth, p.gender) == [], p
            assert p.id_number[6:14] == f"{p.birth:%Y%m%d}"
            assert ("男" if int(p.id_number[16]) % 2 else "女") == p.gender
            assert re.fullmatch(r"1[3-9]\d{9}", p.phone)
            assert 2 <= len(p.name) <= 3
        names = [p.name for p in people] + [o.name for o in f.officers] + [f.approver]
        assert len(names) == len(set(names)), names
        assert all(re.fullmatch(r"\d{6}", o.badge) for o in f.officers)


def test_local_ids_use_the_agency_city_and_others_come_from_elsewhere() -> None:
    regions_local = regions_other = 0
    for seed in range(40):
        f = _facts("theft", seed)
        city_codes = {f.extras["region_code"][:4]}
        for p in _people(f):
            if p.id_number[:4] in city_codes:
                regions_local += 1
                assert f.agency.city in p.address
            else:
                regions_other += 1
    assert regions_local > 0 and regions_other > 0


def test_rare_and_shared_surnames_occur() -> None:
    double = ("欧阳", "司马", "钟离", "诸葛", "上官", "皇甫", "令狐", "东方", "慕容", "尉迟", "公孙", "宇文", "司徒",
              "夏侯", "澹台", "端木", "西门", "南宫", "长孙", "申屠")  # fmt: skip
    seen_double = shared = 0
    for seed in range(60):
        f = _facts("injury", seed)
        names = [p.name for p in _people(f)] + [o.name for o in f.officers]
        seen_double += sum(n.startswith(double) for n in names)
        surnames = [n[:2] if n.startswith(double) else n[0] for n in names]
        shared += len(surnames) != len(set(surnames))
    assert seen_double > 0 and shared > 0


def test_factory_keeps_names_unique() -> None:
    factory = PeopleFactory(random.Random(3), share_surname=0.9)
    people = [factory.person("witness", date(2024, 5, 1)) for _ in range(60)]
    assert len({p.name for p in people}) == 60
    assert len({p.id_number for p in people}) == 60


def test_minors_have_a_parent_as_guardian() -> None:
    found = {"criminal": 0, "administrative": 0}
    for case_type in ("theft", "snatching", "assault_admin", "theft_admin", "provocation_admin"):
        for seed in range(60):
            f = _facts(case_type, seed)
            for p in f.suspects:
                age = p.age_on(f.incident_time.date())
                if age >= 18:
                    continue
                found[f.kind] += 1
                assert (16 if f.kind == "criminal" else 14) <= age <= 17
                g = p.guardian
                assert g is not None and g.role == "guardian" and g.age_on(f.incident_time.date()) >= 30
                assert f.extras["guardian_relations"][p.name] == ("父亲" if g.gender == "男" else "母亲")
                if g.gender == "男":
                    assert g.name[0] == p.name[0]  # a father passes on his surname
                for s in f.sessions:
                    if s.person is p:
                        assert any(g.name in q for q, _ in s.qa)  # the guardian is named in every record
                if f.kind == "administrative" and f.extras["detention_days"]:
                    assert not f.extras["detention_executed"] and "不执行" in f.penalty
    assert found["criminal"] > 0 and found["administrative"] > 0


# --- amounts, thresholds, citations -----------------------------------------------------------------------------------


def test_amounts_on_the_right_side_of_the_criminal_threshold() -> None:
    for seed in range(30):
        assert _facts("theft", seed).amount >= 3000
        assert _facts("snatching", seed).amount >= 3000
        assert _facts("fraud_telecom", seed).amount >= 10000
        assert _facts("theft_admin", seed).amount < 1000
        assert _facts("fraud_admin", seed).amount < 3000
        assert _facts("property_damage_admin", seed).amount < 5000
        assert _facts("dangerous_driving", seed).extras["bac"] >= 80
        assert _facts("injury", seed).extras["injury_grade"].startswith("轻伤")
        f = _facts("theft", seed)
        assert sum(i.value for i in f.items) == f.amount


ARTICLES = {
    "assault_admin": ("第四十三条第一款", "第五十一条第一款"),
    "theft_admin": ("第四十九条", "第五十八条"),
    "fraud_admin": ("第四十九条", "第五十八条"),
    "snatching_admin": ("第四十九条", "第五十八条"),
    "extortion_admin": ("第四十九条", "第五十八条"),
    "gambling_admin": ("第七十条", "第八十二条"),
    "drug_use_admin": ("第七十二条第三项", "第八十四条第一款第三项"),
    "provocation_admin": ("第二十六条第", "第三十条第"),
    "property_damage_admin": ("第四十九条", "第五十九条"),
    "obstruction_admin": ("第五十条第一款第二项、第二款", "第六十一条第一款第二项、第二款"),
    "joyriding_admin": ("第六十四条第一项", "第七十六条第一项"),
}


@pytest.mark.parametrize("case_type", ADMIN)
def test_admin_articles_follow_the_decision_date(case_type: str) -> None:
    old, new = ARTICLES[case_type]
    law = "《中华人民共和国治安管理处罚法》"
    for seed in range(4):
        f = _facts(case_type, seed, start=date(2025, 6, 1))
        g = _facts(case_type, seed, start=date(2026, 2, 1))
        if f.extras.get("mediated") or g.extras.get("mediated"):  # 治安调解: 第九条 in both texts, no decision
            for h in (f, g):
                assert h.penalty_articles == [law + "第九条"] and "penalty_decided" not in h.acts
            continue
        assert f.acts["penalty_decided"].date() < PSAPL_2025_START
        assert f.penalty_articles[0].startswith(law + old) and f.extras["psapl_version"] == "2012"
        assert g.penalty_articles[0].startswith(law + new) and g.extras["psapl_version"] == "2025"
        assert g.extras["procedure_articles"]["penalty_notified"] == f"{law}第一百一十二条第一款"
        assert f.extras["procedure_articles"]["penalty_notified"] == f"{law}第九十四条第一款"


@pytest.mark.parametrize("case_type", ADMIN)
def test_admin_case_never_straddles_the_2026_revision(case_type: str) -> None:
    for seed in range(6):
        f = _facts(case_type, seed, start=date(2025, 12, 31))
        moments = [f.incident_time, *f.acts.values()]
        assert len({psapl_version(t.date()) for t in moments}) == 1
        assert check_consistency(f) == []


def test_criminal_citations() -> None:
    cpl = "《中华人民共和国刑事诉讼法》"
    f = _facts("theft", 0)
    assert f.penalty_articles == ["《中华人民共和国刑法》第二百六十四条"]
    assert f.extras["procedure_articles"]["case_filed"] == f"{cpl}第一百一十二条"
    assert _facts("helping_info_crime", 0).penalty_articles[0].endswith("第二百八十七条之二第一款")
    assert _facts("dangerous_driving", 0).penalty_articles[0].endswith("第一百三十三条之一第一款第二项")
    for seed in range(20):
        g = _facts("snatching", seed)
        if "detained" in g.acts:
            assert g.extras["procedure_articles"]["detained"].startswith(f"{cpl}第八十二条")
            assert g.extras["procedure_articles"]["arrest_requested"] == f"{cpl}第八十一条、第八十七条"


# --- time limits ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case_type", CRIMINAL)
def test_criminal_time_limits(case_type: str) -> None:
    for seed in SEEDS:
        f = _facts(case_type, seed)
        a = f.acts
        assert a["report_received"].date() == a["case_accepted"].date()
        if "non_filing_decided" in a:  # 不予立案: decided in 3 days, served in 3 more; nothing of a filed case
            assert "case_filed" not in a and "summoned" not in a and "detained" not in a and "bail_granted" not in a
            assert 0 <= (a["non_filing_decided"].date() - a["case_accepted"].date()).days <= 3
            assert 0 <= (a["non_filing_served"].date() - a["non_filing_decided"].date()).days <= 3
            assert f.reporter is not None and not any(s.kind == "interrogation" for s in f.sessions)
            continue
        assert 0 <= (a["case_filed"].date() - a["case_accepted"].date()).days <= 3
        assert a["case_filed"] <= a["summoned"]
        for start, end in f.extras["summons_windows"]:
            assert timedelta(0) < end - start <= timedelta(hours=12)
        if "detained" in a:
            assert a["case_filed"] <= a["detained"] <= a["summoned"] + timedelta(hours=12)
            assert a["detained"] < a["family_notified"] <= a["detained"] + timedelta(hours=24)
            days = (a["arrest_requested"].date() - a["detained"].date()).days
            limit = f.extras.get("detention_limit_days", 3) if f.extras.get("detention_extended") else 3
            assert 1 <= days <= limit
        for s in f.sessions:
            if s.kind == "interrogation":
                assert s.start >= a["case_filed"]
                assert len({o.badge for o in s.officers}) >= 2


def test_thirty_day_extension_only_for_roving_repeated_or_gang_crimes() -> None:
    seen = 0
    for case_type in ("theft", "fraud_telecom", "snatching", "provocation"):
        for seed in range(80):
            f = _facts(case_type, seed)
            if f.extras.get("detention_limit_days") == 30:
                seen += 1
                assert f.extras["detention_extended"] is True
                assert f.extras["pattern"] in ("流窜作案", "多次作案", "结伙作案")
                approved = f.extras["detention_extension_approved"]
                assert f.acts["detained"] <= approved
                assert (approved.date() - f.acts["detained"].date()).days <= 3
                if f.extras["pattern"] == "结伙作案":
                    assert f.extras["accomplices"]
    assert seen > 0


@pytest.mark.parametrize("case_type", ADMIN)
def test_admin_time_limits(case_type: str) -> None:
    for seed in SEEDS:
        f = _facts(case_type, seed)
        a = f.acts
        assert "case_filed" not in a
        assert a["report_received"].date() == a["case_accepted"].date()
        if f.extras.get("on_the_spot"):  # 简易程序: oral 告知, no 传唤, decided the same day within the 当场 cap
            assert "summoned" not in a and "penalty_notified" not in a
            assert a["penalty_decided"] > a["case_accepted"]
            cap = 500 if a["penalty_decided"].year >= 2026 else 200
            assert not f.extras["detention_days"] and f.extras["fine"] <= cap
            continue
        if f.extras.get("mediated"):  # 治安调解: both parties heard, then the agreement; no 告知, no decision
            assert not {"penalty_notified", "penalty_decided", "served"} & set(a)
            assert all(s.end <= a["mediated"] for s in f.sessions)
            assert (a["mediated"].date() - a["case_accepted"].date()).days <= 30
            continue
        assert a["penalty_notified"] <= a["penalty_decided"]
        assert (a["penalty_decided"].date() - a["penalty_notified"].date()).days <= 2
        assert (a["penalty_decided"].date() - a["case_accepted"].date()).days <= 30
        assert 0 <= (a["served"].date() - a["penalty_decided"].date()).days <= 2
        limit = 24 if f.extras["detention_days"] else 8
        for start, end in f.extras["summons_windows"]:
            assert end - start <= timedelta(hours=limit)
        kinds = [s.kind for s in f.sessions if s.person is f.suspects[0]]
        assert "interrogation" not in kinds and kinds.count("penalty_notice") == 1


def test_sessions_are_well_formed() -> None:
    for case_type in CASE_TYPES:
        for seed in range(3):
            f = _facts(case_type, seed)
            for s in f.sessions:
                assert 3 <= len(s.qa) <= 25
                assert len({o.badge for o in s.officers}) == 2
                assert s.recorder in s.officers or s.recorder in f.officers
                assert s.qa[-1][1] in ("属实。", "清楚。") or s.kind == "penalty_notice"
            assert [s.start for s in f.sessions] == sorted(s.start for s in f.sessions)


# --- numbers ----------------------------------------------------------------------------------------------------------


def test_case_and_doc_numbers() -> None:
    f = _facts("theft", 3)
    acc = f.acts["case_accepted"]
    assert re.fullmatch(rf"A{f.extras['region_code']}\d{{4}}00{acc.year}{acc.month:02d}\d{{4}}", f.case_number)
    prefix = re.escape(f.agency.prefix)
    assert re.fullmatch(rf"{prefix}\(刑\)受案字〔{acc.year}〕\d+号", f.doc_numbers["case_acceptance_register"])
    assert re.fullmatch(rf"{prefix}\(刑\)立字〔\d{{4}}〕\d+号", f.doc_numbers["case_filing_decision"])
    g = _facts("assault_admin", 3)
    assert re.fullmatch(rf"{re.escape(g.agency.prefix)}\([治行]\)行罚决字〔\d{{4}}〕\d+号",
                        g.doc_numbers["administrative_penalty_decision"])  # fmt: skip
    detained = next(_facts("theft", s) for s in range(30) if "detained" in _facts("theft", s).acts)
    serial = detained.doc_numbers["detention_warrant"].split("〕")[1]
    assert detained.doc_numbers["detention_notice"].endswith(serial)  # 拘通字 shares the 拘字 serial


def test_cn_number() -> None:
    assert [cn_number(n) for n in (5, 10, 15, 200, 500, 1000, 1050, 2000)] == [
        "五", "十", "十五", "二百", "五百", "一千", "一千零五十", "二千",
    ]  # fmt: skip


# --- start and errors -------------------------------------------------------------------------------------------------


def test_start_fixes_the_incident_date_and_is_validated() -> None:
    f = _facts("injury", 0, start=date(2021, 4, 2))
    assert f.incident_time.date() == date(2021, 4, 2)
    with pytest.raises(ValueError):
        _facts("theft", 0, start=date(2017, 5, 1))  # before the 2018 刑事诉讼法 numbering
    with pytest.raises(ValueError):
        generate_facts("robbery", random.Random(0), "X")


def test_dates_span_2019_to_2026() -> None:
    years = {_facts(t, s).incident_time.year for t in ("theft", "assault_admin") for s in range(60)}
    assert min(years) == 2019 and max(years) == 2026


# --- the checker sees planted problems --------------------------------------------------------------------------------


def _detained_case() -> CaseFacts:
    return next(f for s in range(40) if "detained" in (f := _facts("theft", s)).acts)


def test_check_catches_time_limit_breaches() -> None:
    f = copy.deepcopy(_detained_case())
    f.acts["family_notified"] = f.acts["detained"] + timedelta(hours=30)
    assert any("通知家属" in p for p in check_consistency(f))
    f = copy.deepcopy(_detained_case())
    f.acts["case_filed"] = f.acts["case_accepted"] + timedelta(days=5)
    assert any("立案" in p for p in check_consistency(f))
    f = copy.deepcopy(_detained_case())
    f.acts["arrest_requested"] = f.acts["detained"] + timedelta(days=40)
    assert any("提请批准逮捕" in p for p in check_consistency(f))
    g = copy.deepcopy(_facts("assault_admin", 1))
    g.acts["served"] = g.acts["penalty_decided"] + timedelta(days=4)
    assert any("送达" in p for p in check_consistency(g))
    g = copy.deepcopy(_facts("gambling_admin", 1))
    g.acts["penalty_notified"] = g.acts["penalty_decided"] + timedelta(hours=1)
    assert any("告知" in p for p in check_consistency(g))


def test_check_catches_people_session_and_citation_problems() -> None:
    f = copy.deepcopy(_facts("injury", 2))
    p = f.suspects[0]
    p.id_number = p.id_number[:17] + ("0" if p.id_number[17] != "0" else "1")
    assert any("校验码" in x for x in check_consistency(f))
    f = copy.deepcopy(_facts("injury", 2))
    f.witnesses[0].name = f.victims[0].name
    assert any("姓名重复" in x for x in check_consistency(f))
    f = copy.deepcopy(_facts("injury", 2))
    f.sessions[0].officers = [f.sessions[0].officers[0]] * 2
    assert any("少于二人" in x for x in check_consistency(f))
    g = copy.deepcopy(_facts("theft_admin", 2, start=date(2024, 5, 1)))
    g.penalty_articles[0] = "《中华人民共和国治安管理处罚法》第五十八条"
    assert any("处罚依据" in x for x in check_consistency(g))
    minor = next(f for s in range(80) if (f := _facts("assault_admin", s)).suspects[0].guardian)
    minor = copy.deepcopy(minor)
    minor.suspects[0].guardian = None
    assert any("法定代理人" in x for x in check_consistency(minor))
