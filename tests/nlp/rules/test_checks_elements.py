"""Edge cases of the element and personnel check kinds (nlp/rules/checks_elements.py), on small fictional files."""

from __future__ import annotations

from typing import Any

import pytest

from nlp.reviewer import Reviewer
from nlp.rules.checks import blank_value
from nlp.rules.checks_elements import _count
from nlp.rules.model import Rule
from nlp.schema import Finding

_EXAMPLE = {"documents": [{"name": "a.txt", "text": "询问笔录\n"}]}


def make_rule(check: str, params: dict[str, Any], message: str = "{doc}") -> Rule:
    return Rule.model_validate(
        {
            "id": "TST-01",
            "title_zh": "测试",
            "category": "procedure",
            "gates": ["procedure"],
            "severity": "medium",
            "check": check,
            "params": params,
            "message": message,
            "legal_basis": [{"law": "测试", "version": "测试", "article": "第一条", "quote": "测试"}],
            "examples": {"positive": [_EXAMPLE, _EXAMPLE], "negative": [_EXAMPLE, _EXAMPLE]},
        }
    )


@pytest.fixture(scope="module")
def run() -> Any:
    def _run(rule: Rule, *texts: str) -> list[Finding]:
        case = Reviewer(rules=[rule]).review_texts(
            [(f"{i:02d}_{t.split(chr(10))[0]}.txt", t) for i, t in enumerate(texts)]
        )
        assert not case.warnings, case.warnings
        return case.findings

    return _run


def _record(title: str, time: str, officers: str, recorder: str, subject: str, extra: str = "") -> str:
    label = "讯问人" if title == "讯问笔录" else "询问人"
    who = "被讯问人" if title == "讯问笔录" else "被询问人"
    return (
        f"{title}\n时间：{time}\n地点：珠江路派出所\n{label}：{officers}\n记录人：{recorder}\n{who}：{subject}\n{extra}"
        "问：你把经过讲一下。\n答：好的。\n以上笔录我看过，和我说的相符。\n"
    )


# --- helpers -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "blank"),
    [("", True), ("  ", True), ("☑", True), ("□行政 □刑事", True), ("☑刑事 □行政", False), ("李明", False)],
)
def test_blank_values(value: str, blank: bool) -> None:
    assert blank_value(value) is blank


@pytest.mark.parametrize(("text", "n"), [("7", 7), ("七", 7), ("十", 10), ("十二", 12), ("二十", 20), ("两", 2)])
def test_count_numerals(text: str, n: int) -> None:
    assert _count(text) == n


# --- blank_fields / required_text ---------------------------------------------------------------------------------


def test_blank_fields_exemption_and_case_kind(run: Any) -> None:
    rule = make_rule(
        "blank_fields",
        {"doc_types": ["administrative_summons"], "labels": [["被传唤人离开时间"]], "exempt_regex": "拒绝填写"},
    )
    blank = "传唤证\n宁公玄(行)传字〔2024〕0201号\n被传唤人到达时间：2024年5月2日14时50分\n被传唤人离开时间：\n"
    assert len(run(rule, blank)) == 1
    assert run(rule, blank + "（周某某拒绝填写离开时间）\n") == []


def test_required_text_skips_questions_and_fragments(run: Any) -> None:
    rule = make_rule(
        "required_text",
        {
            "doc_types": ["interview_record"],
            "min_chars": 60,
            "any_regex": "以上笔录[^\\n]{0,12}看过",
            "skip_line_regex": "^问[：:]",
        },
    )
    head = (
        "询问笔录\n时间：2024年3月1日10时00分至2024年3月1日10时40分\n地点：珠江路派出所\n"
        "询问人：李明、赵刚\n记录人：赵刚\n"
    )
    asked = head + "问：以上笔录你看过没有？\n答：看了。\n"
    assert len(run(rule, asked)) == 1  # the officer's question is not the person's confirmation
    assert run(rule, head + "以上笔录我看过，和我说的相符。\n") == []
    assert run(rule, "询问笔录\n询问人：李明\n") == []  # too short to judge


# --- min_officers_if -------------------------------------------------------------------------------------------


def test_min_officers_if_exemption_counts_only_from_date(run: Any) -> None:
    rule = make_rule(
        "min_officers_if",
        {
            "doc_types": ["interview_record"],
            "roles": ["officer", "recorder"],
            "min": 2,
            "case_kind": "administrative",
            "exempt_regex": "全程同步录音录像",
            "exempt_from": "2026-01-01",
        },
    )
    register = "受案登记表\n宁公玄(行)受案字〔2026〕0102号\n接报民警：孙强、钱伟\n"
    note = "本次询问全程同步录音录像。\n"
    in_2026 = _record("询问笔录", "2026年2月2日14时00分至2026年2月2日14时50分", "孙强", "孙强", "周某某", note)
    in_2025 = _record("询问笔录", "2025年2月2日14时00分至2025年2月2日14时50分", "孙强", "孙强", "周某某", note)
    assert run(rule, register, in_2026) == []
    assert len(run(rule, register, in_2025)) == 1
    criminal = "立案决定书\n宁公玄(刑)立字〔2025〕0088号\n"
    assert run(rule, criminal, in_2025) == []  # not an administrative case


# --- officer_overlap -----------------------------------------------------------------------------------------------

_OVERLAP = {"doc_types": ["interview_record", "interrogation_record"], "roles": ["officer", "recorder"]}


def test_overlap_needs_a_shared_officer_and_real_overlap(run: Any) -> None:
    rule = make_rule("officer_overlap", _OVERLAP)
    a = _record("询问笔录", "2024年3月1日10时00分至2024年3月1日10时40分", "李明、赵刚", "赵刚", "陈某某")
    touching = _record("询问笔录", "2024年3月1日10时40分至2024年3月1日11时20分", "李明、赵刚", "赵刚", "刘某某")
    overlapping = _record("询问笔录", "2024年3月1日10时30分至11时10分", "李明、孙强", "孙强", "刘某某")
    other_day = _record("询问笔录", "2024年3月2日10时00分至2024年3月2日10时40分", "李明、赵刚", "赵刚", "刘某某")
    assert run(rule, a, touching) == []
    assert run(rule, a, other_day) == []
    found = run(rule, a, overlapping)  # the end time written as a clock only takes the start's day
    assert len(found) == 1 and len(found[0].evidence) == 2


def test_overlap_silent_on_date_only_times(run: Any) -> None:
    rule = make_rule("officer_overlap", _OVERLAP)
    a = _record("询问笔录", "2024年3月1日", "李明、赵刚", "赵刚", "陈某某")
    b = _record("询问笔录", "2024年3月1日", "李明、赵刚", "赵刚", "刘某某")
    assert run(rule, a, b) == []


# --- minor_presence ----------------------------------------------------------------------------------------------

_MINOR = {
    "doc_types": ["interrogation_record", "interview_record"],
    "subject_labels": ["被讯问人", "被询问人"],
    "present_roles": ["guardian"],
    "exempt_regex": "通知后未到场",
}
_TIME = "2024年3月2日14时10分至2024年3月2日15时30分"


@pytest.mark.parametrize(
    ("birth", "fires"),
    [("2006年3月3日", True), ("2006年3月2日", False), ("2010年1月1日", True), ("1990年1月1日", False)],
)
def test_minor_age_on_the_day_of_the_record(run: Any, birth: str, fires: bool) -> None:
    rule = make_rule("minor_presence", _MINOR)
    text = _record("讯问笔录", _TIME, "李明、赵刚", "赵刚", "王某某", f"性别：男\n出生日期：{birth}\n")
    assert bool(run(rule, text)) is fires


def test_minor_guardian_present_or_absence_noted(run: Any) -> None:
    rule = make_rule("minor_presence", _MINOR)
    base = "性别：男\n出生日期：2008年1月1日\n"
    with_guardian = _record("讯问笔录", _TIME, "李明、赵刚", "赵刚", "王某某", base + "法定代理人：王某（系其父亲）\n")
    noted = _record("讯问笔录", _TIME, "李明、赵刚", "赵刚", "王某某", base + "其父亲经通知后未到场。\n")
    blank_guardian = _record("讯问笔录", _TIME, "李明、赵刚", "赵刚", "王某某", base + "法定代理人：\n")
    assert run(rule, with_guardian) == []
    assert run(rule, noted) == []
    assert len(run(rule, blank_guardian)) == 1  # a blank 法定代理人 line is no one present


def test_minor_unknown_age_is_silent(run: Any) -> None:
    rule = make_rule("minor_presence", _MINOR)
    assert run(rule, _record("讯问笔录", _TIME, "李明、赵刚", "赵刚", "王某某", "性别：男\n")) == []


def test_minor_gender_filter(run: Any) -> None:
    rule = make_rule("minor_presence", {**_MINOR, "gender": "女", "present_roles": [], "present_regex": "女民警"})
    girl = _record("讯问笔录", _TIME, "李明、赵刚", "赵刚", "王某某", "性别：女\n出生日期：2008年1月1日\n")
    boy = _record("讯问笔录", _TIME, "李明、赵刚", "赵刚", "王某某", "性别：男\n出生日期：2008年1月1日\n")
    assert len(run(rule, girl)) == 1
    assert run(rule, boy) == []
    assert run(rule, girl.replace("问：你把", "问：女民警孙某在场。你把")) == []


# --- trigger_requires / lineup_size ------------------------------------------------------------------------------


def test_trigger_negated_by_question_word(run: Any) -> None:
    rule = make_rule(
        "trigger_requires",
        {"doc_types": ["interrogation_record"], "trigger_regex": "聋哑", "require_roles": ["interpreter"]},
    )
    asked = _record("讯问笔录", _TIME, "李明、赵刚", "赵刚", "王某某", "问：你是否聋哑？\n答：不是。\n")
    stated = _record("讯问笔录", _TIME, "李明、赵刚", "赵刚", "王某某", "身体状况：聋哑\n")
    assert run(rule, asked) == []
    assert len(run(rule, stated)) == 1
    assert run(rule, stated.replace("身体状况", "翻译人：周某某\n身体状况")) == []


@pytest.mark.parametrize(
    ("sentence", "fires"),
    [
        ("将犯罪嫌疑人混杂在其他六名男子中辨认。", False),  # 6 others + the suspect = 7
        ("将犯罪嫌疑人混杂在六名男子中辨认。", True),
        ("将照片混杂在9张照片中辨认。", True),
        ("将照片混杂在十二张照片中辨认。", False),
        ("由辨认人辨认作案场所，混杂在2名", False),  # a place: no line-up minimum
    ],
)
def test_lineup_counts(run: Any, sentence: str, fires: bool) -> None:
    rule = make_rule(
        "lineup_size",
        {
            "doc_types": ["identification_record"],
            "minima": {"persons": 7, "photos": 10, "objects": 5},
            "exempt_regex": "辨认(?:场所|现场|地点|尸体)|辨认作案场所",
        },
    )
    text = f"辨认笔录\n时间：{_TIME}\n地点：珠江路派出所\n主持人：李明、赵刚\n辨认人：陈某某\n{sentence}\n"
    assert bool(run(rule, text)) is fires
