"""Planted defects and hard negatives must show on the paper itself: a late family notice (CR-04) is late by its
written date, and a re-dated 立案决定书 keeps its 文号 year in step (no CON-05-1 on a clean case)."""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta

import pytest

from corpora.generator.corpus import CorpusConfig, generate_case
from corpora.generator.defects import CATALOGUE, HARD_NEGATIVES, docs_of, tagged
from corpora.generator.model import GeneratedCase
from corpora.generator.textutil import format_like
from nlp.reviewer import Reviewer


def _case_with_day_only_notice() -> GeneratedCase:
    """A criminal case whose 拘留通知书 gives no 通知时间: the notice is dated by its 落款 day alone."""
    cfg = CorpusConfig(seed=5, clean_share=1.0, hard_negative_share=0.0)
    for index in range(40):
        case = generate_case(cfg, index)
        hits = tagged(case, "act:family_notified")
        if case.facts.acts.get("detained") and hits and not any("时" in seg.text for _, seg in hits):
            return case
    raise AssertionError("no case with a 拘留通知书 dated to the day only")


@pytest.mark.parametrize("rng_seed", range(8))
def test_day_only_late_notice_is_dated_two_days_on(reviewer: Reviewer, rng_seed: int) -> None:
    case = _case_with_day_only_notice()
    # a 拘留 early in the day, so that 30 hours on may still be the next day
    detained = case.facts.acts["detained"].replace(hour=6, minute=10)
    case.facts.acts["detained"] = detained
    for _, seg in tagged(case, "act:detained"):
        seg.text = format_like(seg.text, detained)
    planted = CATALOGUE["late_family_notice"].apply(case, random.Random(rng_seed))
    assert planted is not None
    notice = docs_of(case, "detention_notice")[0]
    # a next-day 落款 may lie within 24 hours of the 拘留: only two days on does the paper show the delay
    assert notice.date is not None and notice.date >= detained.date() + timedelta(days=2)
    texts = [(f"{d.file_stem}.txt", d.text()) for d in case.docs]
    found = reviewer.review_texts(texts, case_id="t").findings
    assert [f for f in found if f.rule_id == "CR-04"]


def test_same_day_filing_on_new_years_eve_takes_that_years_number() -> None:
    """A 立案 moved back to the 受案 day of 12月31日 is numbered in that year, not the next (CON-05-1 stays silent)."""
    cfg = CorpusConfig(seed=5, clean_share=1.0, hard_negative_share=0.0)
    case = next(
        c
        for c in (generate_case(cfg, i) for i in range(40))
        if c.facts.acts.get("case_accepted") and docs_of(c, "case_filing_decision")
    )
    year = case.facts.acts["case_accepted"].year
    case.facts.acts["case_accepted"] = datetime(year, 12, 31, 10, 0)
    filing = docs_of(case, "case_filing_decision")[0]
    for seg in filing.find("doc_number"):  # filed in the new year before the hard negative moves it back
        seg.text = re.sub(r"〔\d{4}〕", f"〔{year + 1}〕", seg.text)
    assert HARD_NEGATIVES["same_day_filing"](case, random.Random(1))
    assert filing.date is not None and filing.date.year == year
    assert all(f"〔{year}〕" in seg.text for seg in filing.find("doc_number"))
