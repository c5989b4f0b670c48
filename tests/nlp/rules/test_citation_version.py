"""citation_version (CIT-01): the conduct is read in the words a 现查明 uses, and one wrong article is one finding."""

from __future__ import annotations

from nlp.reviewer import Reviewer

DECISION = (
    "行政处罚决定书\n违法行为人：孙某，男，1990年2月3日出生。\n"
    "现查明：2026年2月10日10时许，民警在某小区门口依法处置一起纠纷警情时，孙某拉扯民警衣领、推搡民警，"
    "阻碍人民警察依法执行职务。\n"
    "根据《中华人民共和国治安管理处罚法》第五十条第一款第二项、第二款之规定，现决定对孙某行政拘留五日。\n"
    "二〇二六年二月十七日\n"
)


def test_one_finding_per_wrong_article_pointing_at_the_conduct(reviewer: Reviewer) -> None:
    case = reviewer.review_texts([("行政处罚决定书.txt", DECISION)], case_id="t")
    fired = [f for f in case.findings if f.rule_id == "CIT-01"]
    assert len(fired) == 1, [f.message for f in fired]
    assert "阻碍执行职务" in fired[0].message and "2012" in fired[0].message
    assert [e.text for e in fired[0].evidence] == ["《中华人民共和国治安管理处罚法》第五十条第一款第二项", "阻碍"]


def test_conduct_in_other_words_is_read(reviewer: Reviewer) -> None:
    """击打 is 殴打: a 2024 decision citing the 2025 number 第五十一条 for it."""
    text = (
        "行政处罚决定书\n违法行为人：唐某某，女，1970年7月26日出生。\n"
        "现查明：2024年5月29日18时许，唐某某因排队与文某发生纠纷，用拳头击打文某面部。\n"
        "根据《中华人民共和国治安管理处罚法》第五十一条第一款之规定，现决定对唐某某行政拘留六日。\n"
        "二〇二四年五月三十一日\n"
    )
    case = reviewer.review_texts([("行政处罚决定书.txt", text)], case_id="t")
    fired = [f for f in case.findings if f.rule_id == "CIT-01"]
    assert len(fired) == 1 and "殴打他人" in fired[0].message
    assert fired[0].evidence[1].text == "击打"
