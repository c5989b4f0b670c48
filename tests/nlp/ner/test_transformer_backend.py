"""The optional transformers NER backend: pure helpers always; the packaged model when torch and the artifact exist."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nlp.ner.base import Span
from nlp.ner.transformer_backend import (
    UNK,
    CharVocab,
    bio_to_spans,
    normalize_char,
    selected_backend_name,
    spans_to_bio,
    windows,
)
from nlp.settings import ReviewSettings

REPO = Path(__file__).resolve().parents[3]
TRAIN = REPO / "models" / "ner_transformer" / "train.py"

# Fictional sentences in the style of a 起诉意见书; the names and places are invented.
SENTENCES = [
    "2025年3月12日14时许，犯罪嫌疑人王某某在北京市海淀区某小区地下车库内，盗窃被害人李某某的黑色电动自行车一辆。",
    "经鉴定，被盗的白色苹果手机一部价值人民币3200元。",
    "犯罪嫌疑人赵某某使用螺丝刀撬开被害人张某某停放在路边的轿车车门，窃得现金800元。",
]


def test_bio_round_trip() -> None:
    spans = [Span("NHCS", 2, 5), Span("NT", 0, 2), Span("NASI", 7, 12)]
    tags = spans_to_bio(14, spans)
    assert tags[2] == "B-NHCS" and tags[3] == "I-NHCS" and tags[5] == "O"
    assert sorted(bio_to_spans(tags)) == sorted(spans)


def test_bio_lenient_decoding_and_offset() -> None:
    # An I- tag after O, or after another type, starts a new entity.
    assert bio_to_spans(["O", "I-NS", "I-NS", "I-NT", "B-NT"], offset=10) == [
        Span("NS", 11, 13),
        Span("NT", 13, 14),
        Span("NT", 14, 15),
    ]


def test_windows_cover_text_and_prefer_punctuation() -> None:
    text = "甲" * 30 + "，" + "乙" * 30 + "。" + "丙" * 10
    parts = windows(text, 40)
    assert parts[0] == (0, 31)  # cut after the comma, not mid-run
    assert "".join(text[s:e] for s, e in parts) == text
    assert all(e - s <= 40 for s, e in parts)


def test_vocab_normalises_one_char_per_char(tmp_path: Path) -> None:
    assert normalize_char("Ａ") == "a" and normalize_char("１") == "1" and normalize_char("\u3000") == " "
    vocab = CharVocab(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", " ", "盗"])
    vocab.save(tmp_path / "vocab.txt")
    again = CharVocab.load(tmp_path / "vocab.txt")
    assert again.tokens == vocab.tokens
    assert again.encode("Ａ 盗窃") == [5, 6, 7, UNK]


def test_backend_selection(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JUANSHEN_NER_BACKEND", raising=False)
    assert selected_backend_name() == "auto"
    monkeypatch.setenv("JUANSHEN_NER_BACKEND", "transformers")
    assert selected_backend_name() == "transformers"


@pytest.fixture(scope="module")
def backend():  # type: ignore[no-untyped-def]
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from nlp.ner.transformer_backend import TransformerNerBackend

    package = ReviewSettings().ner_transformer_dir
    if not (package / "model.safetensors").is_file():
        pytest.skip(f"no transformers NER package at {package} (make -C models/ner_transformer)")
    return TransformerNerBackend(package)


def test_package_predicts_on_fictional_sentences(backend) -> None:  # type: ignore[no-untyped-def]
    results = backend.predict(SENTENCES)
    assert len(results) == len(SENTENCES)
    found = {(s.label, text[s.start : s.end]) for text, spans in zip(SENTENCES, results, strict=True) for s in spans}
    for text, spans in zip(SENTENCES, results, strict=True):
        assert spans == sorted(spans, key=lambda s: (s.start, s.end))
        assert all(0 <= s.start < s.end <= len(text) for s in spans)
    assert ("NHCS", "王某某") in found
    assert ("NHVI", "李某某") in found
    assert ("NHCS", "赵某某") in found
    assert ("NT", "2025年3月12日14时许") in found
    # Two tag layers: the victim nested inside the stolen item is found as well as the item (1.1.0).
    assert ("NASI", "李某某的黑色电动自行车一辆") in found
    assert ("NCSM", "现金800元") in found


def test_package_handles_long_and_empty_texts(backend) -> None:  # type: ignore[no-untyped-def]
    long_text = "。".join(SENTENCES * 6)  # longer than one window
    assert len(long_text) > backend.max_chars
    empty, long_spans = backend.predict(["", long_text])
    assert empty == []
    assert all(0 <= s.start < s.end <= len(long_text) for s in long_spans)
    assert sum(1 for s in long_spans if long_text[s.start : s.end] == "王某某") >= 3


@pytest.mark.slow
@pytest.mark.shared
def test_tiny_end_to_end_training(tmp_path: Path, shared_data: Path) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    work = tmp_path / "work"
    tiny = ["--layers", "1", "--hidden", "32", "--heads", "2", "--max-len", "64"]

    def run(*args: str) -> str:
        proc = subprocess.run(
            [sys.executable, str(TRAIN), "--work", str(work), *args],
            capture_output=True,
            text=True,
            check=True,
            timeout=900,
        )
        return proc.stdout

    run("corpus")
    run("vocab")
    run("pretrain", *tiny, "--steps", "3", "--seq-len", "64", "--log-every", "1")
    run("finetune", "--epochs", "1", "--limit", "40")
    run("package", "--package", str(tmp_path / "package"))
    out = run("evaluate", "--split", "dev", "--limit", "20", "--package", str(tmp_path / "package"))
    assert "ALL" in out and "chars/s" in out
    assert (work / "eval_dev.json").is_file()
    # The MLM text never contains a CAIL2021 test sentence.
    from corpora.splits import cail2021

    mlm = set((work / "mlm.txt").read_text(encoding="utf-8").split("\n"))
    assert not any(r["text"] in mlm for r in cail2021("test"))
