"""Campaign rule sets: named subsets of the rules, chosen per review (CLI, API, library)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.reviewer import Reviewer
from nlp.rules.campaigns import UnknownCampaignError, get_campaign, load_campaigns, select_rules
from nlp.rules.engine import load_rules

SAMPLE = Path(__file__).resolve().parents[3] / "corpora" / "samples" / "criminal_theft"


def test_every_campaign_selects_existing_rules() -> None:
    rules = load_rules()
    for name in load_campaigns():
        chosen = select_rules(rules, name)
        assert chosen, f"campaign {name} selects no rule"
        assert all(r in rules for r in chosen)


def test_full_campaign_is_every_rule_and_none_means_all() -> None:
    rules = load_rules()
    assert select_rules(rules, "执法质量考评") == rules
    assert select_rules(rules, None) == rules


def test_patterns_match_rule_and_catalog_ids() -> None:
    acceptance = get_campaign("受立案专项整治")
    by_id = {r.id: r for r in load_rules()}
    assert acceptance.selects(by_id["ACC-01"])
    assert acceptance.selects(by_id["THR-01"])
    assert acceptance.selects(by_id["CON-07-1"])  # by its catalog id CON-07
    assert not acceptance.selects(by_id["PER-01"])


def test_unknown_campaign_names_the_choices() -> None:
    with pytest.raises(UnknownCampaignError, match="受立案专项整治"):
        get_campaign("不存在的专项")


def test_review_runs_only_the_campaign_rules(reviewer: Reviewer) -> None:
    everything = reviewer.review_path(SAMPLE)
    coercive = reviewer.review_path(SAMPLE, campaign="刑事强制措施专项")
    chosen = {r.id for r in select_rules(reviewer.rules, "刑事强制措施专项")}
    assert coercive.campaign == "刑事强制措施专项"
    assert {f.rule_id for f in coercive.findings} == {f.rule_id for f in everything.findings} & chosen
    assert "CR-04" in {f.rule_id for f in coercive.findings}
    assert "PER-01" in {f.rule_id for f in everything.findings} - {f.rule_id for f in coercive.findings}
