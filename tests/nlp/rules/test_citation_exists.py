"""CON-15-1 (citation_exists): one finding per wrong citation, not one per 款 of an article that does not exist."""

from __future__ import annotations

from nlp.reviewer import Reviewer


def _decision(basis: str) -> tuple[str, str]:
    return (
        "行政处罚决定书.txt",
        "行政处罚决定书\n违法行为人：周某某，男，1992年7月8日出生。\n"
        "现查明：2024年5月2日10时许，周某某在中山路殴打他人。\n"
        f"根据{basis}之规定，现决定对周某某行政拘留五日。\n南京市公安局玄武分局\n二〇二四年五月三日\n",
    )


def _fired(reviewer: Reviewer, basis: str) -> list[str]:
    case = reviewer.review_texts([_decision(basis)], case_id="t")
    assert not case.errors and not case.warnings
    return [f.message for f in case.findings if f.rule_id == "CON-15-1"]


def test_missing_article_with_a_second_paragraph_is_one_finding(reviewer: Reviewer) -> None:
    msgs = _fired(reviewer, "《中华人民共和国治安管理处罚法》第一百六十五条第一款第二项、第二款")
    assert len(msgs) == 1 and "第一百六十五条" in msgs[0]


def test_missing_paragraphs_of_an_existing_article_are_each_reported(reviewer: Reviewer) -> None:
    # 第四十三条 exists (2012 text) but has no 第五款 or 第六款: two wrong citations, two findings
    assert len(_fired(reviewer, "《中华人民共和国治安管理处罚法》第四十三条第五款、第六款")) == 2


def test_two_different_missing_articles_are_two_findings(reviewer: Reviewer) -> None:
    assert len(_fired(reviewer, "《中华人民共和国治安管理处罚法》第一百六十五条、第一百七十条")) == 2


def test_existing_citation_is_silent(reviewer: Reviewer) -> None:
    assert _fired(reviewer, "《中华人民共和国治安管理处罚法》第四十三条第一款") == []
