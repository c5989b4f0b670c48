"""A planted criminal defect must not plant a second, unrecorded one on its way (issue #5, blind seeds 781/782):
each case below is one where the plant used to make another rule fire beside its own — a 提请批捕 moved past the
arrest (CON-07-7), a 讯问 moved onto the same officers' 扣押笔录 (PER-04), a 讯问 moved past a late 入所 while still
placed at the station (CR-16), a 立案决定书 moved into the previous year under this year's 文号 (CON-05-1) — nor
undo one planted before it (a 受案登记表 dropped while it shows a planted CON-07-1)."""

from __future__ import annotations

from datetime import datetime

import pytest

from corpora.generator.corpus import CorpusConfig, generate_case
from corpora.generator.model import GeneratedCase
from corpora.generator.scenarios import CASE_TYPES
from nlp.reviewer import Reviewer

_CRIMINAL = sorted(k for k, v in CASE_TYPES.items() if v.kind == "criminal")


def _case(kinds: list[str], seed: int, index: int, hard_negatives: float = 0.0) -> GeneratedCase:
    cfg = CorpusConfig(
        seed=seed,
        clean_share=0.0,
        hard_negative_share=hard_negatives,
        defect_kinds=kinds,
        case_types=_CRIMINAL,
    )
    return generate_case(cfg, index)


def _rules(reviewer: Reviewer, case: GeneratedCase) -> set[str]:
    report = reviewer.review_texts([(d.file_stem + ".txt", d.text()) for d in case.docs], case_id=case.facts.case_id)
    return {f.rule_id for f in report.findings}


# (kinds planted, seed, index, hard-negative share, the rule the plant used to make fire too)
COLLIDED = [
    (["late_arrest_request"], 5900, 2, 0.0, "CON-07-7"),
    (["late_arrest_request"], 5900, 5, 0.0, "CON-07-7"),
    (["record_before_arrival"], 5901, 0, 0.0, "PER-04"),
    (["record_before_arrival"], 5901, 2, 0.0, "PER-04"),
    (["record_before_arrival"], 5901, 3, 0.0, "PER-04"),
    (["late_custody_admission", "late_first_interrogation"], 5902, 2, 0.0, "CR-16"),
    (["late_custody_admission", "late_first_interrogation"], 5902, 4, 0.0, "CR-16"),
    (["late_custody_admission", "late_first_interrogation"], 5902, 12, 0.0, "CR-16"),
    (["filing_before_acceptance"], 5805, 23, 0.3, "CON-05-1"),
]


@pytest.mark.parametrize(("kinds", "seed", "index", "hard", "other"), COLLIDED)
def test_plant_makes_no_other_rule_fire(
    reviewer: Reviewer, kinds: list[str], seed: int, index: int, hard: float, other: str
) -> None:
    case = _case(kinds, seed, index, hard)
    found = _rules(reviewer, case)
    assert other not in found, (other, [d.kind for d in case.defects])
    # where the plant kept its defect (it may give up instead), its own rule still reports it
    assert {d.rule_id for d in case.defects} <= found


def test_late_arrest_request_stays_before_the_answer() -> None:
    """提请批捕 late (more than 3 days after 拘留) but still before the 检察院's 批准 / 不批准 (刑诉法 第九十一条)."""
    kept = 0
    for index in range(12):
        case = _case(["late_arrest_request"], 5900, index)
        if not case.defects:
            continue
        kept += 1
        acts, extras = case.facts.acts, case.facts.extras
        requested = acts["arrest_requested"]
        answered = acts.get("arrest_approved") or extras.get("arrest_disapproval_decided")
        assert (requested.date() - acts["detained"].date()).days > 3
        if isinstance(answered, datetime):
            assert requested.date() < answered.date()
    assert kept >= 2  # the fix pulls the request back where it can rather than giving up


def test_interrogation_moved_past_a_late_admission_is_held_in_the_detention_centre() -> None:
    case = _case(["late_custody_admission", "late_first_interrogation"], 5902, 2)
    admitted = case.facts.acts["custody_admitted"]
    held = [s for s in case.facts.sessions if s.kind == "interrogation" and s.start > admitted]
    assert held and all("看守所" in s.place for s in held)


@pytest.mark.parametrize("index", [1, 4])
def test_dropped_paper_never_holds_an_earlier_plant(reviewer: Reviewer, index: int) -> None:
    case = _case(["filing_before_acceptance", "missing_acceptance_register"], 5903, index)
    assert [d.kind for d in case.defects] == ["filing_before_acceptance"]  # the register stays: its drop gives up
    for defect in case.defects:
        assert any(defect.doc is d for d in case.docs)
    assert {d.rule_id for d in case.defects} <= _rules(reviewer, case)


def test_filing_after_detention_keeps_the_doc_number_year() -> None:
    """Seed 784: a 立案 moved past a 31 December 拘留 into January kept last year's 文号 (CON-05-1 beside ACC-06)."""
    import random

    from corpora.generator.defects_criminal import filing_after_detention

    checked = 0
    for index in range(30):
        case = _case([], 5910, index)  # no plant: the defect is applied below
        detained = case.facts.acts.get("detained")
        if detained is None:
            continue
        case.facts.acts["detained"] = datetime(detained.year, 12, 31, 20, 0)
        case.facts.acts.pop("arrest_requested", None)
        planted = filing_after_detention(case, random.Random(index))
        if planted is None:
            continue
        numbers = [s.text for s in planted.doc.find("doc_number")]
        assert planted.doc.date.year == detained.year + 1
        assert numbers and all(f"〔{detained.year + 1}〕" in n for n in numbers), (index, numbers)
        checked += 1
    assert checked >= 3


def test_gender_flip_never_turns_a_questioned_or_examined_man_into_a_woman() -> None:
    """Seed 784: a man's 讯问笔录 written 女 also read as a girl questioned without a female officer (PER-06)."""
    planted = 0
    for index in range(40):
        case = _case(["gender_mismatch"], 5911, index)
        for d in case.defects:
            planted += 1
            if d.doc.doc_type in ("interrogation_record", "inspection_record"):
                assert d.evidence[0].text == "男"  # a woman written as a man; the reverse would add PER-06/PER-09
    assert planted >= 10
