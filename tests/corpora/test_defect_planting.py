"""Planted defects and hard negatives change a paper only as a real paper would show the change."""

from __future__ import annotations

import random
import re
from datetime import datetime

import pytest

from corpora.generator.corpus import CorpusConfig, generate_case
from corpora.generator.defects import HARD_NEGATIVES, _blank_field, docs_of
from corpora.generator.model import GeneratedCase
from nlp.reviewer import Reviewer


def _case_with_notice() -> GeneratedCase:
    cfg = CorpusConfig(seed=5, clean_share=1.0, hard_negative_share=0.0)
    for index in range(32):
        case = generate_case(cfg, index)
        if case.facts.acts.get("detained") and docs_of(case, "detention_notice"):
            return case
    raise AssertionError("no criminal case with a 拘留通知书")


def test_late_notice_across_new_year_takes_the_new_year_number() -> None:
    case = _case_with_notice()
    year = case.facts.acts["detained"].year
    case.facts.acts["detained"] = datetime(year, 12, 31, 18, 0)  # a late notice then falls in the next year
    assert HARD_NEGATIVES["late_notice_with_reason"](case, random.Random(1))
    notice = docs_of(case, "detention_notice")[0]
    assert notice.date is not None and notice.date.year == year + 1
    numbers = [seg.text for seg in notice.find("doc_number")]
    assert numbers and all(re.search(rf"〔{year + 1}〕", n) for n in numbers)
    assert f"〔{year + 1}〕" in notice.text()


@pytest.mark.parametrize("label", ["受案意见", "案件来源"])
@pytest.mark.parametrize("index", [0, 6])  # seed 5: case 0 writes the register as prose, case 6 as a table
def test_blank_check_box_field_is_left_unticked_and_reported(reviewer: Reviewer, label: str, index: int) -> None:
    case = generate_case(CorpusConfig(seed=5, clean_share=1.0, hard_negative_share=0.0), index)
    hit = _blank_field(case, random.Random(1), "case_acceptance_register", [label])
    assert hit is not None
    register = hit[0]
    # no tick is left standing beside erased words: the boxes of the field are all unticked
    rows = register.text().split("\n")
    at = next(i for i, row in enumerate(rows) if row.startswith(label))
    field = rows[at : at + 5] if label == "受案意见" else rows[at : at + 1]
    assert not any("☑" in row for row in field), field
    found = reviewer.review_texts([("受案登记表.txt", register.text())], case_id="t").findings
    assert [f for f in found if f.rule_id == "EL-CR-01-1" and label in f.message]
