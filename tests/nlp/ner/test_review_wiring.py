"""How the review pipeline runs NER: one batch per case under the Reviewer's settings, a bounded line cache, and the
optional transformers backend selected through the settings (fictional names and places)."""

from __future__ import annotations

import importlib.util

import pytest

from nlp.ner import entities
from nlp.ner.entities import ner_entities, ner_scope
from nlp.ner.select import MissingExtraError, backend_name, review_backend
from nlp.ner.spacy_backend import CASE_LAYERS, SpacyNerBackend, artifact_dir
from nlp.reviewer import Reviewer
from nlp.settings import ReviewSettings

PROSE = "2023年6月6日，民警江明远、郭文斌在西安市公安局雁塔分局大雁塔派出所询问室对证人韩丽华进行询问。"
RECORD = f"询问笔录\n\n{PROSE}\n问：你把当天看到的情况讲一下。\n答：我看见韩丽华站在路边。\n"


def _ner_people(case_file) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.text for d in case_file.documents for e in d.entities if e.source.startswith("ner:")}


def test_batched_and_cached_predictions_equal_one_by_one() -> None:
    backend = SpacyNerBackend(CASE_LAYERS, artifact_dir(), cache_pieces=4)
    texts = [PROSE, RECORD, PROSE + "\n" + PROSE, ""]
    one_by_one = [backend.predict([t])[0] for t in texts]
    assert backend.predict(texts) == one_by_one  # batch, repeated lines run once, some served from the cache
    assert backend.predict(texts) == one_by_one
    assert len(backend.cache) <= 4  # bounded: the oldest lines are dropped


def test_scope_serves_the_batch_and_is_dropped_after() -> None:
    backend = SpacyNerBackend(CASE_LAYERS, artifact_dir(), cache_pieces=0)
    with ner_scope(backend, [PROSE, RECORD]):
        inside = ner_entities(PROSE, [])
        assert PROSE in entities._scope.get().spans  # type: ignore[union-attr]
    assert entities._scope.get() is None
    assert "韩丽华" in {e.text for e in inside}
    with ner_scope(None, [PROSE]):
        assert ner_entities(PROSE, []) == []


def test_reviewer_uses_its_own_settings() -> None:
    docs = [("询问笔录.txt", RECORD)]
    assert "韩丽华" in _ner_people(Reviewer().review_texts(docs))
    off = Reviewer(ReviewSettings(ner_enabled=False))
    assert off.ner is None
    assert _ner_people(off.review_texts(docs)) == set()


def test_backend_names() -> None:
    assert backend_name(ReviewSettings()) == "auto"
    assert backend_name(ReviewSettings(ner_backend="spacy")) == "spacy"
    assert backend_name(ReviewSettings(ner_backend=" Transformers ")) == "transformers"
    with pytest.raises(ValueError, match="spacy 或 transformers"):
        backend_name(ReviewSettings(ner_backend="crf"))
    assert review_backend(ReviewSettings(ner_enabled=False, ner_backend="transformers")) is None


def test_transformers_without_the_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from nlp.ner import select

    # As on an install without the extra (make setup installs it, so pretend torch is missing).
    monkeypatch.setattr(select, "_missing_extra", lambda: ["torch"])
    select.transformer_backend.cache_clear()
    assert select.extract_backend(ReviewSettings()).name != "transformers-bert-small"  # auto falls back to spaCy
    settings = ReviewSettings(ner_backend="transformers")
    with pytest.raises(MissingExtraError, match=r"juanshen\[transformers\]"):
        review_backend(settings)
    with pytest.raises(MissingExtraError, match="torch"):
        Reviewer(settings)


def test_auto_reviews_with_the_case_layer_and_extracts_with_the_best_installed() -> None:
    from nlp.ner.select import extract_backend

    auto = ReviewSettings(ner_backend="auto")
    assert review_backend(auto).name == review_backend(ReviewSettings(ner_backend="spacy")).name  # type: ignore[union-attr]
    extractor = extract_backend(auto)
    package = auto.ner_transformer_dir / "model.safetensors"
    has_bert = importlib.util.find_spec("torch") is not None and package.is_file()
    assert (extractor.name == "transformers-bert-small") == has_bert
    assert extract_backend(ReviewSettings(ner_backend="spacy")).name != "transformers-bert-small"


def test_transformers_backend_in_a_review() -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    settings = ReviewSettings(ner_backend="transformers")
    if not (settings.ner_transformer_dir / "model.safetensors").is_file():
        pytest.skip("no transformers NER package (make -C models/ner_transformer)")
    case_file = Reviewer(settings).review_texts([("询问笔录.txt", RECORD)])
    sources = {e.source for d in case_file.documents for e in d.entities if e.source.startswith("ner:")}
    assert sources <= {"ner:transformers-bert-small"}
