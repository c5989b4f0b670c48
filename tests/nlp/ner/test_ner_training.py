"""The NER training project: the CAIL split conversion (shared data) and a tiny end-to-end training (slow)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.shared
def test_cail_evaluation_on_dev(shared_data: Path) -> None:
    from models.ner.evaluate import evaluate_cail

    result = evaluate_cail("dev")
    assert result["texts"] == 650
    assert set(result["per_type"]) >= {"NHCS", "NHVI", "NT", "NS"}
    assert result["micro"]["f1"] > 0.7  # held-out dev blocks; the test-block figure is in models/ner/README.md


@pytest.mark.slow
@pytest.mark.shared
def test_tiny_training_end_to_end(shared_data: Path, tmp_path: Path) -> None:
    import spacy

    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(REPO / "models/ner/scripts/convert.py"), str(corpus)], check=True, cwd=REPO)
    out = tmp_path / "run"
    subprocess.run(
        [sys.executable, "-m", "spacy", "train", str(REPO / "models/ner/configs/cnn.cfg"),
         "--paths.train", str(corpus / "persons_dev.spacy"), "--paths.dev", str(corpus / "persons_dev.spacy"),
         "--training.max_steps", "30", "--training.eval_frequency", "10", "--output", str(out)],
        check=True, cwd=REPO,
    )  # fmt: skip
    nlp = spacy.load(out / "model-last")
    assert set(nlp.get_pipe("ner").labels) == {"NHCS", "NHVI"}
