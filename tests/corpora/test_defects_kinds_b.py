"""Defect kinds for 治安 procedure and personnel rules (issue #5, kinds-b): each plants one real instance that its
rule reports at the planted text, and no other rule speaks; the records they need (扣押笔录, 辨认笔录, 检查笔录, the
治安 鉴定意见通知书) are written into clean cases without drawing a finding."""

from __future__ import annotations

import pytest

from corpora.generator.corpus import CorpusConfig, generate_case
from corpora.generator.defects import CATALOGUE
from corpora.generator.model import GeneratedCase
from nlp.reviewer import Reviewer

# kind -> (rule, case types to draw from)
KINDS: dict[str, tuple[str, list[str]]] = {
    "on_the_spot_fine_over_cap": ("AD-12", ["assault_admin"]),
    "on_the_spot_barred_matter": ("AD-12-2", ["gambling_admin", "drug_use_admin"]),
    "barred_case_mediated": ("AD-19", ["provocation_admin"]),
    "light_injury_mediated": ("ACC-10", ["assault_admin"]),
    "merged_detention_over_20": ("AD-18", ["fraud_admin", "drug_use_admin"]),
    "stale_prior_aggravation": ("AD-17", ["assault_admin", "gambling_admin", "obstruction_admin"]),
    "late_opinion_service": ("AD-15", ["assault_admin"]),
    "girl_interrogated_no_woman": ("PER-06", ["theft", "injury", "snatching", "provocation"]),
    "no_interpreter": ("PER-07", ["theft", "assault_admin"]),
    "lone_officer_record": ("PER-08-1", ["theft", "concealing_proceeds"]),
    "seizure_without_witness": ("PER-08-2", ["theft", "concealing_proceeds"]),
    "police_witness": ("PER-08-3", ["theft", "drug_use_admin"]),
    "woman_examined_by_men": ("PER-09", ["drug_use_admin"]),
    "small_lineup": ("PER-10-1", ["theft", "injury", "concealing_proceeds"]),
    "lone_identification_officer": ("PER-10-2", ["theft", "injury"]),
}
# These rules may report the one defect in each paper that shows it: AD-09 in the 告知笔录 and in the 决定书 (both
# state the fine), ACC-11 against the 受案 dated by the 受案登记表 and by the 受案回执.
TWICE: dict[str, tuple[str, list[str]]] = {
    "hearing_not_offered": ("AD-09", ["gambling_admin", "drug_use_admin"]),
    "offence_past_limitation": ("ACC-11", ["fraud_admin"]),
}


def _planted(kind: str, types: list[str]) -> GeneratedCase:
    cfg = CorpusConfig(seed=5400, clean_share=0.0, hard_negative_share=0.0, defect_kinds=[kind], case_types=types)
    for index in range(400):
        case = generate_case(cfg, index)
        if case.defects:
            return case
    raise AssertionError(f"{kind} planted in none of 400 cases")


def _review(reviewer: Reviewer, case: GeneratedCase) -> list[tuple[str, set[str]]]:
    report = reviewer.review_texts([(d.file_stem + ".txt", d.text()) for d in case.docs], case_id=case.facts.case_id)
    return [(f.rule_id, {e.text for e in f.evidence}) for f in report.findings]


def _points_at_planted(case: GeneratedCase, evidence: set[str]) -> bool:
    (defect,) = case.defects
    return any(s.text and (s.text in text or text in s.text) for s in defect.evidence for text in evidence)


@pytest.mark.parametrize("kind", sorted({**KINDS, **TWICE}))
def test_kind_is_registered_for_its_rule(kind: str) -> None:
    assert CATALOGUE[kind].rule_id == {**KINDS, **TWICE}[kind][0]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_planted_defect_is_reported_once_and_alone(reviewer: Reviewer, kind: str) -> None:
    rule, types = KINDS[kind]
    case = _planted(kind, types)
    found = _review(reviewer, case)
    assert [r for r, _ in found] == [rule], found
    assert _points_at_planted(case, found[0][1]), found


@pytest.mark.parametrize("kind", sorted(TWICE))
def test_planted_defect_is_reported_by_its_rule_alone(reviewer: Reviewer, kind: str) -> None:
    rule, types = TWICE[kind]
    case = _planted(kind, types)
    found = _review(reviewer, case)
    assert found and {r for r, _ in found} == {rule}, found
    assert any(_points_at_planted(case, evidence) for _, evidence in found), found


def test_new_records_are_clean(reviewer: Reviewer) -> None:
    """扣押笔录, 辨认笔录, 检查笔录 and the 治安 鉴定意见通知书 in clean cases draw no finding — PER-04 included: no
    officer of a new record is busy in another record at the same time."""
    wanted = {"seizure_record", "identification_record", "inspection_record", "expert_opinion_notice"}
    seen: set[str] = set()
    types = ["theft", "injury", "concealing_proceeds", "drug_use_admin", "assault_admin"]
    cfg = CorpusConfig(seed=5401, clean_share=1.0, hard_negative_share=0.0, case_types=types)
    for index in range(60):
        case = generate_case(cfg, index)
        new = {d.doc_type for d in case.docs} & wanted
        if case.facts.kind == "administrative" and "expert_opinion_notice" in new:
            new |= {"admin_notice"}
        if not new - seen:
            continue
        seen |= new
        assert _review(reviewer, case) == [], case.facts.case_id
        if seen >= wanted | {"admin_notice"}:
            break
    assert seen >= wanted | {"admin_notice"}
