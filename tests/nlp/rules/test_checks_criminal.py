"""Edge cases of the criminal-procedure check kinds (nlp/rules/checks_criminal.py) and the generic time params."""

from __future__ import annotations

import pytest

from nlp.reviewer import Reviewer
from nlp.rules.engine import load_rules
from nlp.rules.model import Rule
from nlp.schema import Finding

RULES = {r.id: r for r in load_rules()}


def _run(rule: Rule, *docs: tuple[str, str]) -> list[Finding]:
    case = Reviewer(rules=[rule]).review_texts(list(docs), case_id="t")
    assert not case.warnings, case.warnings
    return [f for f in case.findings if f.rule_id == rule.id]


def _warrant(name: str, when: str, admitted: str = "", number: str = "0045") -> tuple[str, str]:
    tail = f"本证副本已收到，被拘留人{name}已于{admitted}送至我所。\n" if admitted else ""
    return (
        f"拘留证_{name}.txt",
        f"拘留证\n宁公玄(刑)拘字〔2024〕{number}号\n根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对犯罪嫌疑人"
        f"{name}（性别男，出生日期1990年3月15日）执行拘留，送南京市看守所羁押。\n执行拘留时间：{when}\n"
        f"南京市公安局玄武分局\n{when.split('日')[0]}日\n本证已于{when}向我宣布。\n被拘留人：{name}\n{tail}",
    )


def _request(name: str, signed: str) -> tuple[str, str]:
    return (
        f"提请批准逮捕书_{name}.txt",
        f"南京市公安局玄武分局\n提请批准逮捕书\n宁公玄(刑)提捕字〔2024〕0019号\n犯罪嫌疑人{name}，男，1990年3月15日出生。\n"
        f"犯罪嫌疑人{name}因涉嫌盗窃罪被我局刑事拘留，现羁押于南京市看守所。\n"
        "依照《中华人民共和国刑事诉讼法》第八十一条、第八十七条之规定，特提请批准逮捕。\n此致\n"
        f"南京市玄武区人民检察院\n南京市公安局玄武分局\n{signed}\n",
    )


def _extension(name: str, approved: str, reason: str = "案情复杂，需进一步查证", days: str = "七") -> tuple[str, str]:
    return (
        f"延长拘留期限通知书_{name}.txt",
        f"南京市公安局玄武分局\n延长拘留期限通知书\n宁公玄(刑)延拘字〔2024〕0012号\n南京市看守所：\n因{reason}，根据"
        f"《中华人民共和国刑事诉讼法》第九十一条之规定，决定将犯罪嫌疑人{name}（性别男，出生日期1990年3月15日）的拘留"
        f"期限延长至{days}日。\n批准人：孙某 批准时间：{approved}\n南京市公安局玄武分局\n{approved}\n",
    )


def _record(name: str, start: str, end: str, place: str = "南京市看守所第3讯问室", n: int = 2) -> tuple[str, str]:
    return (
        f"讯问笔录_{name}(第{n}次).txt",
        f"讯问笔录（第{n}次）\n时间：{start}至{end}\n地点：{place}\n讯问人：李明、赵刚\n记录人：赵刚\n"
        f"被讯问人：{name} 性别：男 出生日期：1990年3月15日\n问：今天依法继续对你进行讯问。\n答：好的。\n",
    )


def _summons(name: str, arrived: str, ended: str, number: str = "0031") -> tuple[str, str]:
    return (
        f"传唤证_{name}_{number}.txt",
        f"传唤证\n宁公玄(刑)传字〔2024〕{number}号\n根据《中华人民共和国刑事诉讼法》第一百一十九条第一款之规定，兹传唤涉嫌"
        f"盗窃罪的犯罪嫌疑人{name}到南京市公安局玄武分局接受讯问。无正当理由拒不接受传唤的，可以依法拘传。\n"
        f"2024年3月1日\n被传唤人到达时间：{arrived}\n传唤结束时间：{ended}\n被传唤人：{name}\n",
    )


# --- act_deadline_days (CR-06) ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("signed", "fires"),
    [("二〇二四年三月五日", False), ("二〇二四年三月六日", True)],
)
def test_deadline_counts_calendar_days_without_the_first(signed: str, fires: bool) -> None:
    # 拘留 late on 3月2日: day 1 is 3月3日, so 3月5日 is the third day and 3月6日 the fourth.
    found = _run(RULES["CR-06"], _warrant("王某某", "2024年3月2日23时50分"), _request("王某某", signed))
    assert bool(found) is fires
    if fires:
        assert "已过4日" in found[0].message and "2024年3月5日" in found[0].message


def test_plain_extension_allows_seven_days_not_thirty() -> None:
    docs = [_warrant("王某某", "2024年3月2日16时30分"), _extension("王某某", "2024年3月4日")]
    assert not _run(RULES["CR-06"], *docs, _request("王某某", "二〇二四年三月九日"))
    found = _run(RULES["CR-06"], *docs, _request("王某某", "二〇二四年三月十二日"))
    assert found and "7日以内" in found[0].message and len(found[0].evidence) == 3


def test_thirty_days_need_the_stated_ground() -> None:
    ext = _extension("王某某", "2024年3月4日", reason="犯罪嫌疑人系多次作案的重大嫌疑分子", days="三十")
    docs = [_warrant("王某某", "2024年3月2日16时30分"), ext]
    assert not _run(RULES["CR-06"], *docs, _request("王某某", "二〇二四年三月二十八日"))


def test_extension_dated_after_the_request_does_not_count() -> None:
    docs = [_warrant("王某某", "2024年3月2日16时30分"), _extension("王某某", "2024年3月10日")]
    assert _run(RULES["CR-06"], *docs, _request("王某某", "二〇二四年三月八日"))


def test_another_suspects_extension_does_not_lift_the_limit() -> None:
    docs = [
        _warrant("王某某", "2024年3月2日16时30分"),
        _warrant("李某", "2024年3月2日17时00分", number="0046"),
        _extension("李某", "2024年3月4日"),
        _request("王某某", "二〇二四年三月八日"),
    ]
    found = _run(RULES["CR-06"], *docs)
    assert len(found) == 1 and "卷内未见延长审批" in found[0].message


# --- act_followed_within (CR-05) --------------------------------------------------------------------------------


def test_first_interrogation_counted_per_suspect() -> None:
    docs = [
        _warrant("王某某", "2024年3月2日16时30分"),
        _warrant("李某", "2024年3月2日17时00分", number="0046"),
        _record("王某某", "2024年3月2日20时00分", "2024年3月2日21时00分"),
        _record("李某", "2024年3月4日9时00分", "2024年3月4日10时00分"),
    ]
    found = _run(RULES["CR-05"], *docs)
    assert len(found) == 1 and "2024年3月4日9时00分" in found[0].message


def test_interrogation_before_detention_does_not_count() -> None:
    docs = [
        _warrant("王某某", "2024年3月2日16时30分"),
        _record("王某某", "2024年3月2日14时00分", "2024年3月2日15时00分", place="玄武门派出所办案区", n=1),
        _record("王某某", "2024年3月3日18时00分", "2024年3月3日19时00分"),
    ]
    assert len(_run(RULES["CR-05"], *docs)) == 1


# --- record_place_after_act (CR-16) -----------------------------------------------------------------------------


def test_place_only_judged_after_admission() -> None:
    warrant = _warrant("王某某", "2024年3月2日16时30分", admitted="2024年3月2日18时10分")
    before = _record("王某某", "2024年3月2日17时00分", "2024年3月2日17时40分", place="玄武门派出所办案区第2讯问室")
    assert not _run(RULES["CR-16"], warrant, before)
    after = _record("王某某", "2024年3月2日19时00分", "2024年3月2日19时40分", place="玄武门派出所办案区第2讯问室")
    found = _run(RULES["CR-16"], warrant, after)
    assert len(found) == 1 and "玄武门派出所办案区第2讯问室" in found[0].message


# --- record_within_window (CON-08) ------------------------------------------------------------------------------


def test_record_is_compared_with_its_own_summons_only() -> None:
    docs = [
        _summons("王某某", "2024年3月2日8时10分", "2024年3月2日11时50分"),
        _summons("王某某", "2024年3月9日9时05分", "2024年3月9日12时00分", number="0040"),
        _record("王某某", "2024年3月9日9时20分", "2024年3月9日11时00分", place="玄武门派出所办案区", n=2),
    ]
    assert not _run(RULES["CON-08"], *docs)
    late = _record("王某某", "2024年3月9日10时00分", "2024年3月9日12时30分", place="玄武门派出所办案区", n=2)
    found = _run(RULES["CON-08"], *docs[:2], late)
    assert len(found) == 1 and "晚于传唤结束时间" in found[0].message


# --- measures_before_act (ACC-06) -------------------------------------------------------------------------------


def test_measures_before_filing_are_one_finding() -> None:
    filing = (
        "立案决定书.txt",
        "立案决定书\n宁公玄(刑)立字〔2024〕0088号\n根据《中华人民共和国刑事诉讼法》第一百一十二条之规定，决定对陈某某被盗案"
        "立案侦查。\n南京市公安局玄武分局\n二〇二四年三月五日\n",
    )
    seizure = (
        "扣押决定书.txt",
        "扣押决定书\n宁公玄(刑)扣字〔2024〕0020号\n根据《中华人民共和国刑事诉讼法》第一百四十一条之规定，我局决定扣押"
        "王某某持有的下列财物、文件：手机一部。\n持有人：王某某 见证人：张某\n"
        "南京市公安局玄武分局\n二〇二四年三月二日\n",
    )
    found = _run(RULES["ACC-06"], filing, seizure, _warrant("王某某", "2024年3月2日16时30分"))
    assert len(found) == 1
    assert "拘留" in found[0].message and "扣押" in found[0].message and len(found[0].evidence) == 3


# --- generic params: same_document, hard_hours, exempt_doc_types ---------------------------------------------------


def test_summons_duration_pairs_times_of_one_summons() -> None:
    docs = [
        _summons("王某某", "2024年3月2日8时10分", "2024年3月2日11时50分"),
        _summons("王某某", "2024年3月9日9时05分", "2024年3月9日12时00分", number="0040"),
    ]
    assert not _run(RULES["CR-01"], *docs)
    assert not _run(RULES["CON-07-4"], *docs)


def test_approval_in_another_document_lifts_twelve_not_twentyfour_hours() -> None:
    approval = (
        "呈请延长传唤时间报告书.txt",
        "呈请延长传唤时间报告书\n犯罪嫌疑人王某某涉嫌盗窃一案，案情重大、复杂，需要采取拘留措施，拟延长传唤持续时间至"
        "二十四小时。\n妥否，请批示。\n领导批示：同意。经办案部门负责人批准，延长传唤。\n批准人：孙某\n2024年3月2日\n",
    )
    rule = RULES["CR-01"]  # the 呈请…报告书 is a request_report, one of its exempt_doc_types
    assert not _run(rule, _summons("王某某", "2024年3月2日8时00分", "2024年3月2日23时00分"), approval)
    assert _run(rule, _summons("王某某", "2024年3月2日8时00分", "2024年3月3日9时00分"), approval)


# --- prose acts (judgments) ----------------------------------------------------------------------------------------


def test_prose_acts_resolve_same_year_and_skip_unreadable_dates() -> None:
    from nlp.case.timeline import prose_acts

    text = (
        "被告人甲某，因涉嫌盗窃罪于2018年3月1日被刑事拘留，同年3月30日被逮捕。"
        "被告人乙某，曾于2012年12月30日被行政拘留，1月2日被刑事拘留。"
        "被告人丙某，因本案于2020年6月19日被刑事拘留，次日被取保候审。"
    )
    found = [(p.sentence, p.act.name, p.act.moment.earliest.date().isoformat()) for p in prose_acts(text)]
    assert (0, "detained", "2018-03-01") in found and (0, "arrested", "2018-03-30") in found
    assert not [f for f in found if f[0] == 1]  # 行政拘留 is not a 刑事 measure; 1月2日 after 12月30日 is not guessed
    assert (2, "bailed", "2020-06-20") in found


# --- CR-11: measures kept past their months; CR-15: opinion not notified ------------------------------------------


def test_add_months_clamps_to_month_end() -> None:
    from datetime import date

    from nlp.rules.checks_criminal import add_months

    assert add_months(date(2024, 3, 3), 12) == date(2025, 3, 3)
    assert add_months(date(2024, 8, 31), 6) == date(2025, 2, 28)
    assert add_months(date(2023, 8, 31), 6) == date(2024, 2, 29)
    assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)


def _bail(name: str, start: str) -> tuple[str, str]:
    return (
        f"取保候审决定书_{name}.txt",
        f"取保候审决定书\n宁公玄(刑)取保字〔2024〕0021号\n犯罪嫌疑人{name}，性别男，出生日期1990年3月15日。\n"
        f"我局正在侦查陈某某被盗案，因犯罪嫌疑人{name}涉嫌盗窃罪，决定对其取保候审，期限从{start}起算。\n"
        f"南京市公安局玄武分局\n{start}\n本决定书已向我宣读。\n被取保候审人：{name}\n",
    )


def _release(name: str, start: str, end: str) -> tuple[str, str]:
    return (
        f"解除取保候审决定书_{name}.txt",
        f"解除取保候审决定书\n宁公玄(刑)解保字〔2025〕0008号\n我局于{start}对涉嫌盗窃罪的犯罪嫌疑人{name}决定取保候审。\n"
        f"解除原因：案件已侦查终结\n决定自{end}起解除对其取保候审。\n南京市公安局玄武分局\n{end}\n",
    )


@pytest.mark.parametrize(
    ("end", "fires"),
    [("2025年3月3日", False), ("2025年3月4日", True), ("2025年2月28日", False), ("2026年1月1日", True)],
)
def test_bail_limit_counts_calendar_months(end: str, fires: bool) -> None:
    found = _run(RULES["CR-11"], _bail("王某某", "2024年3月3日"), _release("王某某", "2024年3月3日", end))
    assert bool(found) is fires


def test_bail_limit_pairs_by_suspect() -> None:
    """李某某's release is not compared with 王某某's bail, even when the dates would be over a year apart."""
    found = _run(
        RULES["CR-11"],
        _bail("王某某", "2024年3月3日"),
        _bail("李某某", "2024年9月1日"),
        ("解除取保候审决定书_李某某.txt", _release("李某某", "2024年9月1日", "2025年6月1日")[1]),
    )
    assert found == []


_OPINION = (
    "鉴定意见书.txt",
    "南京市公安局物证鉴定所\n法医学人体损伤程度鉴定书\n宁公物鉴(法医)字〔2024〕012号\n委托单位：南京市公安局玄武分局\n"
    "鉴定事项：陈某某的人体损伤程度\n鉴定意见：陈某某的损伤程度为轻伤二级。\n2024年3月4日\n",
)
_FILING = (
    "立案决定书.txt",
    "立案决定书\n宁公玄(刑)立字〔2024〕0088号\n根据《中华人民共和国刑事诉讼法》第一百一十二条之规定，决定对王某某故意伤害案"
    "立案侦查。\n南京市公安局玄武分局\n二〇二四年三月四日\n",
)


def test_opinion_notice_required_only_in_criminal_files() -> None:
    assert len(_run(RULES["CR-15"], _OPINION, _FILING)) == 1
    assert _run(RULES["CR-15"], _OPINION) == []  # kind of case unknown: silent


def test_opinion_told_in_a_record_counts() -> None:
    record = (
        "询问笔录.txt",
        "询问笔录\n时间：2024年3月5日9时00分至2024年3月5日9时30分\n地点：珠江路派出所\n询问人：李明、赵刚\n记录人：赵刚\n"
        "被询问人：陈某某\n问：现将鉴定意见通知你，你的损伤程度为轻伤二级，你是否申请重新鉴定？\n答：不申请。\n",
    )
    assert _run(RULES["CR-15"], _OPINION, _FILING, record) == []


# --- 不予立案 (EL-CR-04, ACC-05) ---------------------------------------------------------------------------------

_NON_FILING = (
    "不予立案通知书.txt",
    "不予立案通知书\n宁公玄(刑)不立字〔2024〕0041号\n陈某某：\n你于2024年3月1日提出控告的陈某某被盗一案，我局经审查认为"
    "没有犯罪事实，根据《中华人民共和国刑事诉讼法》第一百一十二条之规定，决定不予立案。\n如不服本决定，可以在收到本通知书"
    "之日起七日以内向南京市公安局玄武分局申请复议。\n南京市公安局玄武分局\n二〇二四年三月三日\n",
)


def _served(document: str, when: str) -> tuple[str, str]:
    return (
        "送达回执.txt",
        f"送达回执\n送达文书名称及文号\t{document}\n受送达人\t陈某某\n送达时间\t{when}\n受送达人签名\t陈某某\n送达人\t李明、赵刚\n",
    )


@pytest.mark.parametrize(("when", "fires"), [("2024年3月6日16时00分", False), ("2024年3月7日9时00分", True)])
def test_non_filing_service_counts_days_without_the_first(when: str, fires: bool) -> None:
    found = _run(RULES["ACC-05"], _NON_FILING, _served("不予立案通知书 宁公玄(刑)不立字〔2024〕0041号", when))
    assert bool(found) is fires


def test_receipt_of_another_paper_does_not_serve_the_notice() -> None:
    other = _served("鉴定意见通知书 宁公玄(刑)鉴通字〔2024〕0013号", "2024年3月4日10时00分")
    assert _run(RULES["ACC-05"], _NON_FILING, other) == []  # nothing to time
    assert len(_run(RULES["ACC-05-3"], _NON_FILING, other)) == 1
    own = _served("不予立案通知书 宁公玄(刑)不立字〔2024〕0041号", "2024年3月4日10时00分")
    assert _run(RULES["ACC-05-3"], _NON_FILING, own) == []


def test_only_a_non_filing_request_needs_the_notice() -> None:
    request = (
        "呈请报告书.txt",
        "呈请立案报告书\n经初查，有犯罪事实需要追究刑事责任，拟立案侦查。\n妥否，请批示。\n领导批示：同意。\n",
    )
    assert _run(RULES["ACC-05-2"], request, _FILING) == []
    refused = (
        "呈请不予立案报告书.txt",
        request[1].replace("呈请立案", "呈请不予立案").replace("拟立案侦查", "拟不予立案"),
    )
    assert len(_run(RULES["ACC-05-2"], refused, _FILING)) == 1
    assert _run(RULES["ACC-05-2"], refused, _FILING, _NON_FILING) == []


# --- CR-07: 不批准逮捕 -> 立即释放 / 变更 ---------------------------------------------------------------------------


def _disapproval(name: str, received: str) -> tuple[str, str]:
    return (
        f"不批准逮捕决定书_{name}.txt",
        f"南京市玄武区人民检察院\n不批准逮捕决定书\n玄检刑不捕〔2024〕15号\n南京市公安局玄武分局：\n你局提请批准逮捕的"
        f"犯罪嫌疑人{name}，经本院审查认为，不需要逮捕，根据《中华人民共和国刑事诉讼法》第九十条之规定，决定不批准逮捕"
        f"犯罪嫌疑人{name}。\n南京市玄武区人民检察院\n二〇二四年三月八日\n本决定书已于{received}收到。\n签收人：李明\n",
    )


def _release_certificate(name: str, when: str) -> tuple[str, str]:
    return (
        f"释放证明书_{name}.txt",
        f"南京市公安局玄武分局\n释放证明书\n宁公玄(刑)释字〔2024〕0011号\n兹有犯罪嫌疑人{name}，因涉嫌盗窃罪被刑事拘留。"
        f"因人民检察院不批准逮捕，现予以释放。\n释放时间：{when}\n特此证明。\n南京市公安局玄武分局\n{when.split('日')[0]}日\n",
    )


@pytest.mark.parametrize(
    ("released", "fires"),
    [("2024年3月9日14时00分", False), ("2024年3月9日16时00分", True), ("2024年3月12日9时00分", True)],
)
def test_release_judged_from_the_receipt_not_the_decision(released: str, fires: bool) -> None:
    docs = [_warrant("王某某", "2024年3月2日16时30分"), _disapproval("王某某", "2024年3月8日15时20分")]
    assert bool(_run(RULES["CR-07"], *docs, _release_certificate("王某某", released))) is fires


def test_release_before_the_receipt_is_not_the_release_after_it() -> None:
    docs = [_warrant("王某某", "2024年3月2日16时30分"), _disapproval("王某某", "2024年3月8日15时20分")]
    earlier = _release_certificate("王某某", "2024年3月1日10时00分")
    assert not _run(RULES["CR-07"], *docs, earlier)  # nothing after the receipt: CR-07-2's concern, not a delay


def test_missing_release_only_for_a_detained_suspect() -> None:
    rule = RULES["CR-07-2"]
    held = _warrant("王某某", "2024年3月2日16时30分")
    assert _run(rule, held, _disapproval("王某某", "2024年3月8日15时20分"))
    assert not _run(rule, held, _disapproval("李某", "2024年3月8日15时20分"))
