"""The corpus generator end to end: reproducible, varied, consistent, every planted defect detectable."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from corpora.evaluate import evaluate_corpus
from corpora.generator.corpus import CorpusConfig, defect_kinds_for, generate_case, generate_corpus
from corpora.generator.model import GoldCase
from corpora.generator.render import cjk_font_path
from corpora.generator.scenarios import check_consistency
from nlp.labels import Category
from nlp.reviewer import Reviewer

SAMPLE = Path(__file__).resolve().parents[2] / "corpora" / "samples" / "generated"
NO_SCANS = {"docx": 0.4, "pdf": 0.3, "txt": 0.3}


def _strip(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    formats = NO_SCANS if cjk_font_path() is None else {**NO_SCANS, "scanned_pdf": 0.1}
    # No combined PDFs here: splitting one PDF into its documents comes with issue #6; the 500-case figures show it.
    generate_corpus(CorpusConfig(cases=16, seed=11, formats=formats, combined_share=0.0), out)
    return out


def test_rule_targeted_corpus_plants_only_the_chosen_kinds() -> None:
    keys = defect_kinds_for(["CON-08", "late_family_notice"])  # a rule id stands for every kind that plants it
    assert "late_family_notice" in keys and len(keys) >= 2
    cfg = CorpusConfig(seed=5003, clean_share=0.0, defect_kinds=keys)
    planted = [d.kind for i in range(12) for d in generate_case(cfg, i).defects]
    assert planted and set(planted) <= set(keys)
    with pytest.raises(ValueError, match="NOPE"):
        defect_kinds_for(["NOPE"])


def test_corpus_same_seed_same_case_other_seed_other_case() -> None:
    a = generate_case(CorpusConfig(seed=3), 5)
    b = generate_case(CorpusConfig(seed=3), 5)
    c = generate_case(CorpusConfig(seed=4), 5)
    assert [d.text() for d in a.docs] == [d.text() for d in b.docs]
    assert [d.text() for d in a.docs] != [d.text() for d in c.docs]
    assert a.facts.case_type == c.facts.case_type  # the type is drawn by index, so the content differs, not the type


@pytest.mark.parametrize("seed", [1, 2])
def test_corpus_clean_cases_are_consistent(seed: int) -> None:
    cfg = CorpusConfig(seed=seed, clean_share=1.0, hard_negative_share=0.0)
    for index in range(16):  # one case of every type
        case = generate_case(cfg, index)
        assert not case.defects
        assert check_consistency(case.facts) == [], (case.facts.case_type, check_consistency(case.facts))


def test_corpus_gold_files_are_valid_and_exact(small_corpus: Path) -> None:
    golds = sorted(small_corpus.glob("*.gold.json"))
    assert len(golds) == 16
    kinds: set[str] = set()
    for path in golds:
        gold = GoldCase.model_validate_json(path.read_text(encoding="utf-8"))
        kinds.add(gold.kind)
        assert (small_corpus / gold.case_id).is_dir()
        docs = {d.id: d for d in gold.documents}
        for doc in gold.documents:
            for ent in doc.entities:
                assert doc.text[ent.start : ent.end] == ent.text
        for defect in gold.defects:
            assert defect.category in set(Category)
            assert defect.evidence
            for ev in defect.evidence:
                assert docs[ev.document].text[ev.start : ev.end] == ev.text
    assert kinds == {"criminal", "administrative"}


def test_corpus_defects_detectable_in_principle(small_corpus: Path) -> None:
    """Each planted defect's evidence text is in the text the reviewer extracts (scans: in what was drawn)."""
    reviewer = Reviewer()
    checked = 0
    for path in sorted(small_corpus.glob("*.gold.json")):
        gold = GoldCase.model_validate_json(path.read_text(encoding="utf-8"))
        case = reviewer.review_path(small_corpus / gold.case_id)
        reviewed = {d.source: _strip(d.text) for d in case.documents}
        docs = {d.id: d for d in gold.documents}
        for defect in gold.defects:
            for ev in defect.evidence:
                doc = docs[ev.document]
                if doc.format == "scanned_pdf" or not ev.text.strip():
                    continue  # scans: the renderer draws exactly doc.text (OCR comes with issue #6)
                source = doc.source.split("#", 1)[0]
                assert _strip(ev.text) in reviewed[source], (gold.case_id, defect.kind, ev.text)
                checked += 1
    assert checked > 5


def test_corpus_eval_runs_on_generated_corpus(small_corpus: Path) -> None:
    result = evaluate_corpus(small_corpus)
    assert result.cases_evaluated == 16 and result.cases_failed == 0
    assert result.doc_types.accuracy is not None and result.doc_types.accuracy > 0.9
    assert result.false_alarms.per_clean_case is not None and result.false_alarms.per_clean_case == 0
    assert result.defects.precision is not None and result.defects.precision >= 0.9


def test_corpus_committed_sample_evaluates() -> None:
    """The small committed sample (corpora/samples/generated) reviews and scores in the fast suite."""
    result = evaluate_corpus(SAMPLE)
    manifest = json.loads((SAMPLE / "corpus.json").read_text(encoding="utf-8"))
    assert result.cases_evaluated == manifest["summary"]["cases"]
    assert result.cases_failed == 0
    assert result.false_alarms.per_clean_case == 0
