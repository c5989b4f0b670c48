"""Defect kinds for order, post-arrest, citation-version and threshold rules (issue #5): each plants one real
instance that its rule reports — once, at the planted text — and no other rule speaks."""

from __future__ import annotations

import random
from datetime import datetime

import pytest

from corpora.generator.corpus import CorpusConfig, generate_case
from corpora.generator.defects import CATALOGUE, docs_of
from corpora.generator.model import GeneratedCase
from corpora.generator.scenarios import CASE_TYPES, check_consistency, generate_facts
from nlp.reviewer import Reviewer

CRIMINAL = sorted(k for k, v in CASE_TYPES.items() if v.kind == "criminal")
ADMIN = sorted(k for k, v in CASE_TYPES.items() if v.kind == "administrative")

# kind -> (rule, case types to draw from)
KINDS: dict[str, tuple[str, list[str]]] = {
    "arrest_request_before_detention": ("CON-07-2", CRIMINAL),
    "custody_before_detention": ("CON-07-3", CRIMINAL),
    "summons_end_before_arrival": ("CON-07-4", CRIMINAL),
    "acceptance_before_report": ("CON-07-6", [*CRIMINAL, *ADMIN]),
    "arrest_before_request": ("CON-07-7", CRIMINAL),
    "decision_before_acceptance": ("CON-07-9", ADMIN),
    "late_post_arrest_interrogation": ("CR-08", CRIMINAL),
    "late_arrest_notice": ("CR-09", CRIMINAL),
    "surveillance_over_six_months": ("CR-11-2", ["theft", "injury", "concealing_proceeds", "fraud_telecom"]),
    # the 决定书 of 故意损毁财物 names the conduct in the words citation_version reads (殴打 may be written 击打)
    "psapl_other_version_article": ("CIT-01", ["property_damage_admin"]),
    "snatch_over_threshold": ("THR-03", ["snatching_admin"]),
    "extortion_over_threshold": ("THR-04", ["extortion_admin"]),
    "provocation_damage_admin": ("THR-06-2", ["provocation_admin"]),
    "gambling_business_admin": ("THR-08-1", ["gambling_admin"]),
    "lost_joyride_admin": ("THR-10", ["joyriding_admin"]),
}


def _planted(kind: str, types: list[str]) -> GeneratedCase:
    cfg = CorpusConfig(seed=5400, clean_share=0.0, hard_negative_share=0.0, defect_kinds=[kind], case_types=types)
    for index in range(400):
        case = generate_case(cfg, index)
        if case.defects:
            return case
    raise AssertionError(f"{kind} planted in none of 400 cases")


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_kind_is_registered_for_its_rule(kind: str) -> None:
    assert CATALOGUE[kind].rule_id == KINDS[kind][0]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_planted_defect_is_reported_once_and_alone(reviewer: Reviewer, kind: str) -> None:
    rule, types = KINDS[kind]
    case = _planted(kind, types)
    (defect,) = case.defects
    report = reviewer.review_texts([(d.file_stem + ".txt", d.text()) for d in case.docs], case_id=case.facts.case_id)
    found = [(f.rule_id, f.message) for f in report.findings]
    assert [r for r, _ in found] == [rule], found
    # The finding points at the planted text.
    evidence = {e.text for f in report.findings for e in f.evidence}
    assert any(seg.text in text or text in seg.text for seg in defect.evidence for text in evidence), evidence


def test_new_case_types_are_clean_and_consistent(reviewer: Reviewer) -> None:
    for case_type in ("snatching_admin", "extortion_admin", "joyriding_admin"):
        for seed in range(3):
            facts = generate_facts(case_type, random.Random(f"kinds-a-{case_type}-{seed}"), f"K-{seed}")
            assert check_consistency(facts) == []
        cfg = CorpusConfig(seed=5401, clean_share=1.0, hard_negative_share=0.0, case_types=[case_type])
        case = generate_case(cfg, 0)
        report = reviewer.review_texts([(d.file_stem + ".txt", d.text()) for d in case.docs], case_id="K")
        assert report.findings == []


def test_surveillance_papers_carry_their_acts() -> None:
    """监视居住: the decision and its 解除 write the 起算 and 解除 days the timeline reads (CR-11-2)."""
    cfg = CorpusConfig(seed=5402, clean_share=1.0, hard_negative_share=0.0, case_types=["theft", "injury"])
    for index in range(300):
        case = generate_case(cfg, index)
        if "surveillance_lifted" in case.facts.acts:
            break
    else:
        raise AssertionError("no 监视居住 lifted in 300 cases")
    started: datetime = case.facts.acts["surveillance_started"]
    (decision,) = docs_of(case, "residential_surveillance_decision")
    (release,) = docs_of(case, "residential_surveillance_release_decision")
    assert "本决定书已向我宣读" in decision.text() and "第七十四条" in decision.text()
    assert decision.find("act:surveillance_started") and release.find("act:surveillance_lifted")
    assert (case.facts.acts["surveillance_lifted"] - started).days <= 184
    assert not docs_of(case, "bail_decision")
