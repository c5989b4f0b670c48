"""The shared linear text model: its features equal scikit-learn's TF-IDF, and training works end to end."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from nlp.classify.linear import LinearTextModel
from nlp.classify.training import build_featurizer, fit_model

REPO = Path(__file__).resolve().parents[3]
TEXTS = [
    "犯罪嫌疑人甲某盗窃电动自行车一辆，价值人民币4200元。",
    "被告人乙某醉酒驾驶机动车，血液中乙醇含量为186mg/100ml。",
    "被告人丙某持刀将被害人丁某砍伤，经鉴定为轻伤二级。",
    "犯罪嫌疑人戊某  以帮助办理贷款为名，骗取被害人人民币2万元。\n",
]


def _module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("sublinear", [False, True])
def test_features_equal_sklearn_tfidf(sublinear: bool) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    ours = build_featurizer(TEXTS, (1, 3), sublinear_tf=sublinear, min_df=1, max_features=None)
    ref = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), lowercase=False, sublinear_tf=sublinear)
    # scikit-learn's char analyzer folds whitespace runs to one space but keeps a trailing one; ours strips it.
    cleaned = [" ".join(t.split()) for t in TEXTS]
    expected = ref.fit_transform(cleaned).toarray()
    order = [ref.vocabulary_[g] for g in ours.vocab]
    assert sorted(ours.vocab) == sorted(ref.vocabulary_)
    assert np.allclose(ours.transform(TEXTS).toarray(), expected[:, order], atol=1e-6)


def test_fit_save_load_roundtrip(tmp_path: Path) -> None:
    labels = ["盗窃", "危险驾驶", "故意伤害", "诈骗"]
    texts = TEXTS * 3
    featurizer = build_featurizer(texts, (1, 2), sublinear_tf=True, min_df=1, max_features=500, keywords=["盗窃"],
                                  keyword_weight=0.5)  # fmt: skip
    model = fit_model(featurizer, texts, labels * 3, kind="svm", c=1.0, class_weight=None, seed=1,
                      calibration_folds=3, meta={"task": "test", "sklearn_version": "1.9.1"})  # fmt: skip
    path = tmp_path / "m.npz"
    model.save(path)
    loaded = LinearTextModel.load(path)
    assert [c for c, _ in loaded.predict(TEXTS)] == labels
    assert np.allclose(loaded.proba(TEXTS), model.proba(TEXTS), atol=1e-2)  # float16 weights


def test_sample_weight_lets_a_source_count_less() -> None:
    # The same text labelled two ways: the side with the larger total weight wins (how the charge model discounts
    # the LawBench/LexEval facts).
    texts = [TEXTS[0]] * 4 + TEXTS[1:3] * 2
    labels = ["盗窃", "盗窃", "诈骗", "诈骗", "危险驾驶", "故意伤害", "危险驾驶", "故意伤害"]
    featurizer = build_featurizer(texts, (1, 2), sublinear_tf=True, min_df=1, max_features=None)

    def first(weights: list[float]) -> str:
        model = fit_model(featurizer, texts, labels, kind="svm", c=1.0, class_weight=None, seed=1,
                          calibration_folds=0, sample_weight=weights)  # fmt: skip
        return model.predict([TEXTS[0]])[0][0]

    assert first([1.0, 1.0, 0.1, 0.1, 1, 1, 1, 1]) == "盗窃"
    assert first([0.1, 0.1, 1.0, 1.0, 1, 1, 1, 1]) == "诈骗"


@pytest.mark.shared
def test_charge_model_on_the_cail_test_split(shared_data: Path) -> None:
    train = _module("charge_train", REPO / "models" / "charge" / "train.py")
    from nlp.classify import charge

    texts, golds = train.load("test")
    result = train.evaluate(charge.load(), texts, golds)
    recorded = json.loads((REPO / "models" / "charge" / "metrics.json").read_text(encoding="utf-8"))["test"]
    for key in ("top1", "strict_single", "macro_f1_single"):
        assert result[key] == pytest.approx(recorded[key], abs=1e-3), key


@pytest.mark.slow
def test_doctype_training_on_the_committed_generated_cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    train = _module("doctype_train", REPO / "models" / "doctype" / "train.py")
    monkeypatch.setattr(train, "ARTIFACT", tmp_path / "doctype.npz")
    monkeypatch.setattr(train, "HERE", tmp_path)
    info = train.train(REPO / "corpora" / "samples" / "generated")
    assert info["n_classes"] >= 10
    model = LinearTextModel.load(tmp_path / "doctype.npz")
    docs = train.load_corpus(REPO / "corpora" / "samples" / "generated")
    predicted = [c for c, _ in model.predict([train.strip_title(d["text"], d["title"]) for d in docs])]
    assert np.mean([p == d["doc_type"] for p, d in zip(predicted, docs, strict=True)]) > 0.9
