"""People, roles and the timeline read from fictional documents."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from nlp.case.persons import find_mentions
from nlp.case.timeline import Moment, build_timeline
from nlp.labels import Role
from nlp.reviewer import Reviewer

INTERROGATION = (
    "讯问笔录\n时间：2024年3月2日14时10分至2024年3月2日15时30分\n讯问人：李明、赵刚\n记录人：赵刚\n"
    "被讯问人：王某某  性别：男  出生日期：1990年3月15日\n身份证件种类及号码：居民身份证 320102199003151239\n"
    "问：你因何事被传唤？\n答：偷电动车的事。\n"
)


def test_case_persons_roles_and_attributes(reviewer: Reviewer) -> None:
    case = reviewer.review_texts([("讯问笔录.txt", INTERROGATION)])
    mentions = find_mentions(case.documents[0])
    roles = {(p.name, p.role) for p in mentions}
    assert roles == {("李明", Role.OFFICER), ("赵刚", Role.OFFICER), ("赵刚", Role.RECORDER), ("王某某", Role.SUSPECT)}
    suspect = next(p for p in mentions if p.role == Role.SUSPECT)
    assert suspect.gender == "男"
    assert suspect.birth_date == date(1990, 3, 15)
    assert suspect.id_number == "320102199003151239" and suspect.id_valid


@pytest.mark.parametrize(
    ("text", "name", "gender", "birth"),
    [
        (
            "提请批准逮捕书\n犯罪嫌疑人周某某，女，1992年7月8日出生，公民身份号码320106199207080079。\n",
            "周某某",
            "女",
            date(1992, 7, 8),
        ),
        ("拘留证\n犯罪嫌疑人\t王某某\t性别\t男\t出生日期\t1990年3月15日\n", "王某某", "男", date(1990, 3, 15)),
    ],
)
def test_case_persons_prose_and_table(reviewer: Reviewer, text: str, name: str, gender: str, birth: date) -> None:
    case = reviewer.review_texts([("doc.txt", text)])
    suspect = next(p for p in find_mentions(case.documents[0]) if p.role == Role.SUSPECT)
    assert (suspect.name, suspect.gender, suspect.birth_date) == (name, gender, birth)


def test_case_persons_labelled_value_split() -> None:
    from nlp.case.persons import _names_in

    assert [n for n, _, _ in _names_in("李明（警号012345）、赵刚", 0)] == ["李明", "赵刚"]


def test_case_timeline_acts(reviewer: Reviewer) -> None:
    case = reviewer.review_texts(
        [
            ("受案登记表.txt", "受案登记表\n接报民警：李明\n接报时间：2024年3月1日9时20分\n"),
            (
                "立案决定书.txt",
                "立案决定书\n根据《中华人民共和国刑事诉讼法》第一百一十二条之规定，决定立案侦查。\n二〇二四年三月二日\n",
            ),
        ]
    )
    acts = {a.name: a for a in build_timeline(case.documents)}
    assert acts["report_received"].moment.earliest == datetime(2024, 3, 1, 9, 20)
    assert acts["case_filed"].moment.precision == "day"
    assert acts["case_filed"].moment.earliest == datetime(2024, 3, 2)


def test_case_timeline_pattern_reads_across_a_soft_line_wrap(reviewer: Reviewer) -> None:
    text = (
        "解除取保候审决定书\n我局于2024年3月3日对涉嫌盗窃罪的王某某决定取保候审。\n"
        "根据《中华人民共和国刑事诉讼法》第七十九条之规定，决定自2025年4月10日起\n解除对其取保候审。\n"
        "南京市公安局玄武分局\n二〇二五年四月十一日\n"
    )
    (doc,) = reviewer.review_texts([("解除取保候审决定书.txt", text)]).documents
    wrap = text.index("起\n解除") + 1
    # Without the wrap known, only the 落款 date is read; with it, the date the pattern names.
    assert {a.name: a for a in build_timeline([doc])}["bail_lifted"].moment.text == "二〇二五年四月十一日"
    doc.soft_breaks = [wrap]
    lifted = {a.name: a for a in build_timeline([doc])}["bail_lifted"]
    assert lifted.moment.text == "2025年4月10日" and text[lifted.start : lifted.end] == "2025年4月10日"


def test_case_moment_bounds_are_conservative() -> None:
    detained = Moment.from_value(datetime(2024, 3, 2, 16, 30), "minute", "")
    next_day = Moment.from_value(date(2024, 3, 3), "day", "")
    two_days = Moment.from_value(date(2024, 3, 4), "day", "")
    assert detained.min_gap(next_day) < timedelta(hours=24)  # could be 3月3日 08:00: not a certain breach
    assert detained.min_gap(two_days) > timedelta(hours=24)
    assert Moment.from_value(date(2024, 2, 1), "month", "").latest == datetime(2024, 3, 1)
