"""The administrative check kinds (nlp/rules/checks_admin.py) on their edge cases, through the whole reviewer."""

from __future__ import annotations

import pytest

from nlp import registry
from nlp.case.view import CaseView
from nlp.reviewer import Reviewer
from nlp.rules.checks_admin import zh_number

DECISION = (
    "{issuer}\n行政处罚决定书\n宁公玄(治)行罚决字〔{year}〕0120号\n违法行为人：周某\n性别：男 出生日期：{birth}\n"
    "违法经历：无\n现查明：{acted}20时许，违法行为人周某在玄武区某处违反治安管理。\n"
    "根据《中华人民共和国治安管理处罚法》之规定，现决定对周某{penalty}。\n执行方式和期限：{execution}\n"
    "{issuer}{seal}\n{day}\n"
)


def decision(**kw: str) -> str:
    values = {
        "issuer": "南京市公安局玄武分局",
        "year": "2025",
        "birth": "1980年1月1日",
        "acted": "2025年4月6日",
        "penalty": "罚款五百元",
        "execution": "到指定银行缴纳罚款。",
        "seal": "（印）",
        "day": "2025年4月8日",
    }
    values.update(kw)
    return DECISION.format(**values)


def fired(reviewer: Reviewer, rule_id: str, *docs: tuple[str, str]) -> list[str]:
    case = reviewer.review_texts(list(docs), case_id="t")
    assert not case.errors and not case.warnings
    return [f.message for f in case.findings if f.rule_id == rule_id]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("500", 500),
        ("1,500", 1500),
        ("五百", 500),
        ("一千五百", 1500),
        ("两千", 2000),
        ("十五", 15),
        ("二十", 20),
        ("一千零五十", 1050),
        ("一万二千", 12000),
        ("二〇二六", 2026),
        ("", None),
        ("若干", None),
    ],
)
def test_zh_number(text: str, value: int | None) -> None:
    assert zh_number(text) == value


# --- act_period ---------------------------------------------------------------------------------------------------


def _register(received: str, accepted: str) -> tuple[str, str]:
    return (
        "受案登记表.txt",
        f"受案登记表\n宁公玄(治)受案字〔2025〕0210号\n接报民警：李明、赵刚\n接报时间：{received}\n"
        f"受案意见：☑属本单位管辖的行政案件，建议及时调查处理\n受案时间：{accepted}\n",
    )


@pytest.mark.parametrize(
    ("day", "late"),
    [("2025年3月31日", False), ("2025年4月1日", True), ("2025年3月2日", False)],
)
def test_period_in_days_leaves_out_the_first_day(reviewer: Reviewer, day: str, late: bool) -> None:
    register = _register("2025年3月1日23时50分", "2025年3月1日23时55分")
    out = fired(reviewer, "AD-05", register, ("决定书.txt", decision(day=day)))
    assert bool(out) is late


def test_period_in_hours_needs_the_time_of_day(reviewer: Reviewer) -> None:
    # 受案 written to the day only: 接报 at 8:00 and 受案 "the next day" may be 16 hours apart — no certainty.
    assert not fired(reviewer, "ACC-03", _register("2025年3月1日8时00分", "2025年3月2日"))
    assert fired(reviewer, "ACC-03", _register("2025年3月1日8时00分", "2025年3月3日"))  # at least 40 hours


def test_upper_limit_leaves_the_outer_breach_to_its_own_rule(reviewer: Reviewer) -> None:
    summons = (
        "传唤证.txt",
        "传唤证\n宁公玄(治)传字〔2025〕0040号\n周某：\n现传唤你于2025年4月8日9时前到珠江路派出所接受询问。\n"
        "南京市公安局玄武分局（印）\n2025年4月8日\n被传唤人到达时间：2025年4月8日8时50分\n"
        "被传唤人离开时间：{left}\n",
    )
    docs = [("决定书.txt", decision())]
    over_8 = (summons[0], summons[1].format(left="2025年4月8日20时00分"))
    over_24 = (summons[0], summons[1].format(left="2025年4月9日10时00分"))
    assert fired(reviewer, "AD-01-2", over_8, *docs) and not fired(reviewer, "AD-01-1", over_8, *docs)
    assert fired(reviewer, "AD-01-1", over_24, *docs) and not fired(reviewer, "AD-01-2", over_24, *docs)


def test_restart_after_appraisal_is_counted_from_the_opinion(reviewer: Reviewer) -> None:
    register = _register("2025年3月1日10时05分", "2025年3月1日10时20分")
    opinion = ("鉴定意见书.txt", "鉴定意见书\n委托单位：南京市公安局玄武分局\n鉴定意见：轻微伤。\n2025年4月2日\n")
    late = decision(day="2025年5月5日", acted="2025年3月1日")
    out = fired(reviewer, "AD-05", register, opinion, ("决定书.txt", late))
    assert out and "自鉴定意见" in out[0]
    assert not fired(reviewer, "AD-05", register, opinion, ("决定书.txt", decision(day="2025年4月30日")))


def test_periods_stay_silent_on_criminal_files(reviewer: Reviewer) -> None:
    register = (
        "受案登记表.txt",
        "受案登记表\n宁公玄(刑)受案字〔2025〕0123号\n接报时间：2025年3月1日8时00分\n"
        "受案意见：☑属本单位管辖的刑事案件，建议及时立案侦查\n受案时间：2025年3月5日8时00分\n",
    )
    assert not fired(reviewer, "ACC-03", register)


# --- number_cap: the limit of the version in force on the document's date -----------------------------------------


@pytest.mark.parametrize(
    ("day", "amount", "flagged"),
    [("2025年12月31日", "三百元", True), ("2026年1月1日", "三百元", False), ("2026年1月1日", "六百元", True)],
)
def test_on_the_spot_cap_switches_on_2026_01_01(reviewer: Reviewer, day: str, amount: str, flagged: bool) -> None:
    text = (
        f"当场处罚决定书\n违法行为人：冯某\n现查明：冯某在公共场所酗酒滋事。\n决定给予罚款{amount}的处罚。\n"
        f"办案民警：李明\n{day}\n"
    )
    assert bool(fired(reviewer, "AD-12", ("当场处罚决定书.txt", text))) is flagged


def test_hearing_threshold_is_inclusive(reviewer: Reviewer) -> None:
    assert fired(reviewer, "AD-09", ("决定书.txt", decision(penalty="罚款2000元")))
    assert not fired(reviewer, "AD-09", ("决定书.txt", decision(penalty="罚款1999元")))


# --- decision_authority ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seal", ["（印）", "（公章）", "（派出所印）", ""])
def test_station_issuer_read_with_any_seal_note(reviewer: Reviewer, seal: str) -> None:
    text = decision(issuer="南京市公安局玄武分局珠江路派出所", seal=seal, penalty="行政拘留五日")
    assert fired(reviewer, "AD-13", ("决定书.txt", text))


def test_station_named_in_the_facts_is_not_the_issuer(reviewer: Reviewer) -> None:
    text = decision(penalty="行政拘留五日").replace("在玄武区某处", "在珠江路派出所门口")
    assert not fired(reviewer, "AD-13", ("决定书.txt", text))


def test_station_fine_cap_by_version(reviewer: Reviewer) -> None:
    station = "南京市公安局玄武分局珠江路派出所"
    fine_2025 = decision(issuer=station, penalty="罚款八百元")
    fine_2026 = decision(issuer=station, penalty="罚款八百元", day="2026年2月1日", acted="2026年1月20日", year="2026")
    assert fired(reviewer, "AD-13", ("决定书.txt", fine_2025))
    assert not fired(reviewer, "AD-13", ("决定书.txt", fine_2026))


# --- detention_exempt_person ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "flagged"),
    [
        ("2009年4月7日", True),  # 15 on the day of the conduct (turns 16 the next day)
        ("2009年4月6日", False),  # 16 that very day, and the file does not say 初次
        ("1955年4月7日", False),  # 69
        ("1955年4月6日", True),  # 70 that day
    ],
)
def test_exempt_age_on_the_day_of_the_conduct(reviewer: Reviewer, birth: str, flagged: bool) -> None:
    text = decision(birth=birth, penalty="行政拘留五日", execution="送南京市拘留所执行。").replace("违法经历：无\n", "")
    assert bool(fired(reviewer, "AD-14", ("决定书.txt", text))) is flagged


def test_sixteen_to_eighteen_needs_a_first_offence(reviewer: Reviewer) -> None:
    first = decision(birth="2008年1月1日", penalty="行政拘留五日", execution="送南京市拘留所执行。")
    assert fired(reviewer, "AD-14", ("决定书.txt", first))
    assert not fired(reviewer, "AD-14", ("决定书.txt", first.replace("违法经历：无", "违法经历：2024年曾受行政拘留")))


def test_2025_text_lifts_the_exemption_for_serious_cases(reviewer: Reviewer) -> None:
    kw = {"birth": "2011年1月1日", "acted": "2026年3月1日", "day": "2026年3月5日", "year": "2026"}
    text = decision(penalty="行政拘留五日", execution="送南京市拘留所执行。", **kw)
    assert fired(reviewer, "AD-14", ("决定书.txt", text))
    serious = text.replace("违反治安管理。", "违反治安管理，情节严重、影响恶劣。")
    assert not fired(reviewer, "AD-14", ("决定书.txt", serious))


# --- required_mention -----------------------------------------------------------------------------------------------


def test_oral_summons_points_at_the_arrival_time(reviewer: Reviewer) -> None:
    record = (
        "询问笔录.txt",
        "询问笔录\n时间：2026年3月1日10时00分至2026年3月1日11时00分\n询问人：李明、赵刚\n记录人：赵刚\n被询问人：吴某\n"
        "（口头传唤的被询问人于2026年3月1日9时20分到达，于2026年3月1日12时40分离开）\n问：你为什么损坏他人车辆？\n答：一时冲动。\n",
    )
    case = reviewer.review_texts([record], case_id="t")
    found = [f for f in case.findings if f.rule_id == "AD-02"]
    assert found and found[0].evidence[0].text == "2026年3月1日9时20分"


# --- forbidden_mention ----------------------------------------------------------------------------------------------


def test_on_the_spot_gambling_is_flagged_only_in_an_on_the_spot_decision(reviewer: Reviewer) -> None:
    spot = "当场处罚决定书\n违法行为人：冯某\n现查明：冯某在小区凉亭内赌博。\n决定给予警告的处罚。\n2025年5月6日\n"
    out = fired(reviewer, "AD-12-2", ("当场处罚决定书.txt", spot))
    assert out and "赌博" in out[0]
    general = decision(penalty="罚款五百元").replace("违反治安管理", "赌博")
    assert not fired(reviewer, "AD-12-2", ("决定书.txt", general))


# --- aggravation_window ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prior", "flagged"),
    [
        ("2024年9月20日", False),  # exactly six months before 2025-03-20: still inside
        ("2024年9月19日", True),
        ("2024年9月", False),  # month only: may be the 30th, inside the window
        ("2024年8月", True),  # at the latest 8月31日: surely outside
    ],
)
def test_aggravation_window_edges(reviewer: Reviewer, prior: str, flagged: bool) -> None:
    text = (
        f"行政处罚决定书\n违法行为人：韩某\n违法经历：{prior}因赌博被行政拘留五日。\n"
        "现查明：2025年3月20日21时许，违法行为人韩某殴打他人。\n韩某曾受过治安管理处罚，依法从重处罚。\n"
        "现决定对韩某行政拘留十日。\n南京市公安局玄武分局（印）\n2025年3月22日\n"
    )
    assert bool(fired(reviewer, "AD-17", ("决定书.txt", text))) is flagged


# --- required_mention per document ------------------------------------------------------------------------------------


def test_oral_summons_needs_both_times_in_the_same_record(reviewer: Reviewer) -> None:
    head = (
        "询问笔录\n时间：2025年3月1日10时00分至2025年3月1日11时00分\n询问人：李明、赵刚\n记录人：赵刚\n被询问人：吴某\n"
    )
    both = (
        head + "（口头传唤的被询问人于2025年3月1日9时20分到达，于2025年3月1日12时40分离开）\n答：民警口头传唤我来的。\n"
    )
    only_arrival = head + "（口头传唤的被询问人于2025年3月1日9时20分到达）\n"
    dec = ("决定书.txt", decision(day="2025年3月1日"))
    assert not fired(reviewer, "AD-03", ("询问笔录.txt", both), dec)
    assert fired(reviewer, "AD-03", ("询问笔录.txt", only_arrival), dec)


DETENTION = decision(penalty="行政拘留五日", execution="送南京市拘留所执行。")
FAMILY_NOTICE = (
    "行政拘留家属通知书\n宁公玄(治)拘通字〔2025〕0088号\n李某：\n现将你的家属周某因违反治安管理，被本机关决定行政拘留"
    "五日，现在南京市拘留所执行。特此通知。\n通知时间：2025年4月8日11时20分\n"
)


def test_family_notice_of_detention(reviewer: Reviewer) -> None:
    assert fired(reviewer, "AD-11", ("行政处罚决定书.txt", DETENTION))
    assert not fired(reviewer, "AD-11", ("行政处罚决定书.txt", DETENTION), ("家属通知书.txt", FAMILY_NOTICE))
    # a 询问笔录's note that the family was told of the 传唤 is not the notice of the 拘留
    record = "询问笔录\n被询问人：周某\n问：我们已将传唤的原因和处所通知你的家属。\n答：知道了。\n"
    assert fired(reviewer, "AD-11", ("行政处罚决定书.txt", DETENTION), ("询问笔录.txt", record))


def test_case_kind_is_one_property_for_both_rule_families(reviewer: Reviewer) -> None:
    admin = reviewer.review_texts([("行政处罚决定书.txt", DETENTION)], case_id="a")
    both = reviewer.review_texts(
        [("行政处罚决定书.txt", DETENTION), ("立案决定书.txt", "立案决定书\n宁公玄(刑)立字〔2025〕0001号\n")],
        case_id="b",
    )
    words = reviewer.review_texts(
        [("询问笔录.txt", "询问笔录\n被询问人：周某\n问：你因涉嫌违反治安管理处罚法被传唤。\n答：是。\n")], case_id="c"
    )
    assert not any(f.rule_id == "AD-11" for f in both.findings)  # 行政 turned 刑事: unclear, silent
    assert any(f.rule_id == "AD-11" for f in admin.findings)
    kinds = [CaseView(case=c, persons=[]).case_kind for c in (admin, both, words)]
    assert kinds == ["administrative", None, "administrative"]  # the last from the 询问笔录's own words


# --- PDF line wraps -------------------------------------------------------------------------------------------------


def _wrapped_findings(reviewer: Reviewer, rule_id: str, text: str, after: str) -> list[tuple[str, str]]:
    """``rule_id`` run on ``text`` printed with a soft wrap (as a PDF parser reports it) right after ``after``."""
    from nlp.rules.engine import load_rules

    at = text.index(after) + len(after)
    case = reviewer.review_texts([("行政处罚决定书.txt", text)], case_id="w")
    doc = case.documents[0]
    doc.text, doc.soft_breaks = text[:at] + "\n" + text[at:], [at]
    rule = next(r for r in load_rules() if r.id == rule_id)
    findings = registry.checks.get(rule.check)(CaseView(case=case, persons=[]), rule)
    return [(e.document, doc.text[e.start : e.end]) for f in findings for e in f.evidence]


def test_decision_wrapped_mid_word_is_read_whole(reviewer: Reviewer) -> None:
    station = decision(issuer="南京市公安局玄武分局珠江路派出所", penalty="行政拘留五日")
    hits = _wrapped_findings(reviewer, "AD-13", station, "现决定对周某行")
    assert ("D01", "行\n政拘留五日") in hits and ("D01", "南京市公安局玄武分局珠江路派出所") in hits
    assert not _wrapped_findings(reviewer, "AD-13", decision(penalty="行政拘留五日"), "现决定对周某行")
    assert _wrapped_findings(reviewer, "AD-11", DETENTION, "决定对周某行政") == [("D01", "行政\n拘留五日")]


# --- one person under two names ---------------------------------------------------------------------------------------

NOTICE_LATE = (
    "行政处罚告知笔录\n时间：2025年4月10日9时20分至2025年4月10日9时45分\n告知人：李明、赵刚\n记录人：赵刚\n"
    "被告知人：吴振华\n身份证件种类及号码：居民身份证 {id}\n"
    "问：现将拟作出治安管理处罚决定的事实、理由及依据告知你，拟对你作出罚款三百元的处罚。\n答：听清楚了。\n"
)
DECISION_EARLY = (
    "行政处罚决定书\n宁公玄(治)行罚决字〔2025〕0020号\n违法行为人：吴振中\n"
    "身份证件种类及号码：居民身份证 320102198001011238\n"
    "现查明：2025年4月1日8时许，违法行为人吴振中在玄武区中山路故意损毁他人电动自行车一辆。\n"
    "根据《中华人民共和国治安管理处罚法》第四十九条之规定，现决定对吴振中罚款三百元。\n南京市公安局玄武分局（印）\n2025年4月8日\n"
)


def test_acts_pair_across_two_names_with_one_id_number(reviewer: Reviewer) -> None:
    decision_doc = ("行政处罚决定书.txt", DECISION_EARLY)
    same = ("告知笔录.txt", NOTICE_LATE.format(id="320102198001011238"))
    other = ("告知笔录.txt", NOTICE_LATE.format(id="320102198502023456"))
    assert fired(reviewer, "AD-08-2", same, decision_doc)  # 曾用名 or miswritten: one ID, one person
    assert not fired(reviewer, "AD-08-2", other, decision_doc)  # two people: never compared
