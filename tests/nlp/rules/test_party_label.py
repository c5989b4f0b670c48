"""当事人 (the party a 证据保全决定书 names) is read as a person, so the ID checks (CON-03 …) see that paper too."""

from __future__ import annotations

import pytest

from nlp.reviewer import Reviewer

DECISION = (
    "南京市公安局玄武分局\n证据保全决定书\n宁公玄(行)证保字〔2024〕00045号\n当事人：周某某\n"
    "性别：{gender} 出生日期：1990年3月15日 身份证件种类及号码：居民身份证 320102199003151239\n"
    "因调查周某某赌博一案的需要，本机关决定对下列物品采取扣押的证据保全措施，期限为三十日。\n"
    "南京市公安局玄武分局\n二〇二四年五月三日\n"
)


@pytest.mark.parametrize(("gender", "count"), [("女", 1), ("男", 0)])
def test_party_gender_is_checked_against_the_id_number(reviewer: Reviewer, gender: str, count: int) -> None:
    case = reviewer.review_texts([("证据保全决定书.txt", DECISION.format(gender=gender))], case_id="t")
    assert len([f for f in case.findings if f.rule_id == "CON-03"]) == count
