"""The generated 起诉意见书 (corpora/generator/documents_narrative.py) and the 警号 the 笔录 carry: every part the
EL-CR-16 rule requires is there, the dates keep the procedure's order, and the reviewer finds nothing in them."""

from __future__ import annotations

import random
from datetime import timedelta
from functools import cache

import pytest

from corpora.generator.documents import build_documents
from corpora.generator.model import CaseFacts, DocSpec
from corpora.generator.scenarios import CASE_TYPES, generate_facts
from nlp.doctypes.narrative import parse_narrative
from nlp.extractors.badges import extract_badges
from nlp.reviewer import Reviewer

_REQUIRED = ["doc_number", "suspect", "measure", "source", "facts", "evidence", "basis_prosecution", "addressee",
             "closing", "annex"]  # fmt: skip


@cache
def _arrest_cases() -> list[tuple[CaseFacts, list[DocSpec]]]:
    """Criminal cases of the scenarios whose facts reach an arrest (a few of each type tried)."""
    out = []
    for i, case_type in enumerate(sorted(CASE_TYPES) * 3):
        rng = random.Random(f"narrative-{i}")
        facts = generate_facts(case_type, rng, f"N-{i:03d}")
        if facts.kind == "criminal" and "arrested" in facts.acts:
            out.append((facts, build_documents(facts, rng)))
        if len(out) >= 4:
            break
    return out


def test_some_scenario_reaches_an_arrest() -> None:
    if not _arrest_cases():
        pytest.skip("no scenario plans an arrest")


def test_prosecution_recommendation_has_every_part_and_a_later_date() -> None:
    for facts, docs in _arrest_cases():
        found = [d for d in docs if d.doc_type == "prosecution_recommendation"]
        if not found:
            continue  # its day would fall past the corpus horizon
        (doc,) = found
        assert docs[-1] is doc
        text = doc.text()
        parts = parse_narrative(text, [*_REQUIRED, "joint_roles"])
        assert set(_REQUIRED) <= set(parts), set(_REQUIRED) - set(parts)
        assert ("joint_roles" in parts) == (len(facts.suspects) > 1)
        arrested = facts.acts["arrested"]
        assert doc.date is not None and arrested.date() < doc.date <= arrested.date() + timedelta(days=58)
        assert all(doc.date > s.end.date() for s in facts.sessions)
        assert f"〔{doc.date.year}〕" in facts.doc_numbers["prosecution_recommendation"]


def test_clean_arrest_cases_give_no_findings_from_these_rules(reviewer: Reviewer) -> None:
    mine = {"EL-CR-10", "EL-CR-16", "CON-05-1", "CON-05-2", "CON-11"}
    for _, docs in _arrest_cases()[:2]:
        case = reviewer.review_texts([(f"{d.file_stem or d.title}.txt", d.text()) for d in docs], case_id="t")
        assert [f.message for f in case.findings if f.rule_id in mine] == []


def test_records_write_badges_the_extractor_reads() -> None:
    badges = {}
    for facts, docs in _arrest_cases():
        known = {o.name: o.badge for o in facts.officers}
        for s in facts.sessions:
            known.update({o.name: o.badge for o in [*s.officers, s.recorder]})
        for d in docs:
            for m in extract_badges(d.text()):
                assert m.name is not None and known[m.name] == m.badge
                badges[m.name] = m.badge
    assert badges, "no 笔录 printed a 警号"
