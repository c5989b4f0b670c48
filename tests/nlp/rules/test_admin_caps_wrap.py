"""number_cap (AD-09, AD-12, AD-18) and penalty_range (CIT-03) across a PDF's printed line wrap, and one finding per
person for AD-09 and ACC-11 (a 告知笔录 beside its 决定书, a 受案回执 beside its 受案登记表)."""

from __future__ import annotations

import pytest

from nlp.parsers.loader import LoadedFile
from nlp.reviewer import Reviewer
from nlp.schema import CaseFile, Document

# Where a test document wraps: the "\n" inside each of these is a soft break, as the PDF parser reports one.
SOFT = ("合并执\n行", "罚\n款", "听\n证")


@pytest.fixture
def wrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    original = Reviewer._document

    def as_pdf(self: Reviewer, doc_id: str, loaded: LoadedFile) -> Document:
        doc = original(self, doc_id, loaded)
        doc.soft_breaks = sorted(doc.text.index(w) + w.index("\n") for w in SOFT if w in doc.text and "\n" in w)
        return doc

    monkeypatch.setattr(Reviewer, "_document", as_pdf)


def _review(reviewer: Reviewer, *docs: tuple[str, str]) -> CaseFile:
    case = reviewer.review_texts(list(docs), case_id="t")
    assert not case.errors and not case.warnings
    return case


def _fired(case: CaseFile, rule_id: str) -> list[list[tuple[str, str]]]:
    """Each finding of the rule as (document type, evidence text) pairs."""
    return [
        [(case.document(e.document).doc_type, e.text) for e in f.evidence]
        for f in case.findings
        if f.rule_id == rule_id
    ]


MERGED = (
    "行政处罚决定书\n宁公玄(治)行罚决字〔2025〕0141号\n违法行为人：韩某\n现查明：2025年5月1日，违法行为人韩某殴打他人并"
    "故意损毁财物。\n根据《中华人民共和国治安管理处罚法》第四十三条第一款、第四十九条之规定，现决定对韩某殴打他人行政拘留"
    "十日，故意损毁财物行政拘留十五日，合并执\n行行政拘留{days}日。\n南京市公安局玄武分局（印）\n2025年5月5日\n"
)


@pytest.mark.usefixtures("wrapped")
def test_merged_detention_wrapped_is_capped(reviewer: Reviewer) -> None:
    case = _review(reviewer, ("行政处罚决定书.txt", MERGED.format(days="二十五")))
    assert _fired(case, "AD-18") == [[("administrative_penalty_decision", "合并执\n行行政拘留二十五日")]]
    # 合并执行 lawfully exceeds each article's own range: CIT-03 stays silent though the words wrap
    assert _fired(case, "CIT-03") == []


@pytest.mark.usefixtures("wrapped")
def test_merged_detention_wrapped_within_cap_is_silent(reviewer: Reviewer) -> None:
    case = _review(reviewer, ("行政处罚决定书.txt", MERGED.format(days="二十")))
    assert _fired(case, "AD-18") == [] and _fired(case, "CIT-03") == []


ON_THE_SPOT = (
    "当场处罚决定书\n宁公玄(治)当罚决字〔2026〕0008号\n违法行为人：冯某\n现查明：2026年5月6日14时许，冯某在玄武区中山路"
    "公共场所酗酒滋事。\n根据《中华人民共和国治安管理处罚法》第三十条之规定，决定给予冯某罚\n款{fine}的处罚。\n"
    "办案民警：李明\n2026年5月6日\n"
)


@pytest.mark.usefixtures("wrapped")
@pytest.mark.parametrize(("fine", "fires"), [("九百五十元", True), ("五百元", False)])
def test_on_the_spot_fine_wrapped(reviewer: Reviewer, fine: str, fires: bool) -> None:
    case = _review(reviewer, ("当场处罚决定书.txt", ON_THE_SPOT.format(fine=fine)))
    expected = [[("on_the_spot_penalty_decision", f"罚\n款{fine}")]] if fires else []
    assert _fired(case, "AD-12") == expected


def _notice(name: str, fine: str = "三千元", told: str = "") -> tuple[str, str]:
    return (
        f"行政处罚告知笔录_{name}.txt",
        f"行政处罚告知笔录\n时间：2025年6月3日9时20分至2025年6月3日9时45分\n告知人：李明、赵刚\n记录人：赵刚\n"
        f"被告知人：{name}\n问：现将拟作出治安管理处罚决定的事实、理由及依据告知你：你以营利为目的为赌博提供条件。"
        f"拟对你作出罚款{fine}的处罚。你有权进行陈述和申辩{told}。\n答：不提出。\n以上笔录我看过，和我说的相符。\n"
        f"被告知人：{name}\n2025年6月3日\n",
    )


def _decision(name: str, number: str, fine: str = "三千元") -> tuple[str, str]:
    return (
        f"行政处罚决定书_{name}.txt",
        f"行政处罚决定书\n宁公玄(治)行罚决字〔2025〕{number}号\n违法行为人：{name}\n现查明：2025年5月30日，违法行为人"
        f"{name}以营利为目的，在玄武区某出租屋为赌博提供条件。\n根据《中华人民共和国治安管理处罚法》第七十条之规定，"
        f"现决定对{name}罚款{fine}。\n南京市公安局玄武分局（印）\n2025年6月5日\n",
    )


def test_hearing_not_offered_is_one_finding_per_person(reviewer: Reviewer) -> None:
    case = _review(reviewer, _notice("郑某"), _decision("郑某", "0033"))
    fired = _fired(case, "AD-09")
    assert len(fired) == 1  # the 告知 and the 决定 of one fine: one omission, both pointed at
    assert sorted(fired[0]) == [
        ("administrative_penalty_decision", "罚款三千元"),
        ("penalty_notice_record", "罚款三千元"),
    ]


def test_hearing_not_offered_to_two_people_is_two_findings(reviewer: Reviewer) -> None:
    case = _review(
        reviewer,
        _notice("郑某"),
        _decision("郑某", "0033"),
        _notice("王某", "二千五百元"),
        _decision("王某", "0034", "二千五百元"),
    )
    fired = _fired(case, "AD-09")
    assert len(fired) == 2 and all(len(evidence) == 2 for evidence in fired)
    assert {tuple(text for _, text in evidence) for evidence in fired} == {
        ("罚款三千元", "罚款三千元"),
        ("罚款二千五百元", "罚款二千五百元"),
    }


@pytest.mark.usefixtures("wrapped")
def test_hearing_offered_across_a_wrap_is_silent(reviewer: Reviewer) -> None:
    case = _review(reviewer, _notice("郑某", told="，并有权要求举行听\n证"), _decision("郑某", "0033"))
    assert _fired(case, "AD-09") == []


REGISTER = (
    "受案登记表\n宁公玄(治)受案字〔2025〕0300号\n接报民警：李明、赵刚\n接报时间：2025年9月10日10时05分\n"
    "受案意见：☑属本单位管辖的行政案件，建议及时调查处理\n受案时间：2025年9月10日10时20分\n"
)
RECEIPT = (
    "受案回执\n宁公玄(治)受案字〔2025〕0300号\n钱某某：\n你（单位）于2025年9月10日报称的何某故意损毁财物一案我单位已受理。"
    "你（单位）可通过110或者办案民警查询案件进展情况。\n联系人：李明 联系电话：025-84420000\n南京市公安局玄武分局\n"
    "2025年9月10日\n"
)
LATE_DECISION = (
    "行政处罚决定书\n宁公玄(治)行罚决字〔2025〕0301号\n违法行为人：何某\n现查明：2025年1月5日20时许，违法行为人何某在玄武区"
    "某小区故意损毁邻居电动自行车一辆。\n根据《中华人民共和国治安管理处罚法》第四十九条之规定，现决定对何某罚款三百元。\n"
    "南京市公安局玄武分局（印）\n2025年9月20日\n"
)


def test_limitation_lapse_with_receipt_is_one_finding(reviewer: Reviewer) -> None:
    case = _review(
        reviewer, ("受案登记表.txt", REGISTER), ("受案回执.txt", RECEIPT), ("行政处罚决定书.txt", LATE_DECISION)
    )
    # the 受案登记表's 受案时间 (to the minute) is pointed at, not the 回执's day
    assert _fired(case, "ACC-11") == [
        [
            ("administrative_penalty_decision", "2025年1月5日20时许"),
            ("case_acceptance_register", "2025年9月10日10时20分"),
        ]
    ]
