"""The committed charge classifier (models/charge/charge_model.npz) on fictional facts, and its command."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from nlp.classify import charge
from nlp.classify.linear import LinearTextModel, ModelLoadError
from nlp.cli import app
from nlp.settings import ReviewSettings

ARTIFACT = ReviewSettings().charge_model_path
ACCU = Path(__file__).resolve().parents[3] / "models" / "charge" / "charges.txt"

FACTS = {
    "危险驾驶": "2024年3月1日23时许，被告人甲某饮酒后驾驶小型轿车行驶至某市某路口时被执勤民警查获。经鉴定，甲某血液中"
    "乙醇含量为186mg/100ml。",
    "盗窃": "2023年5月某日凌晨，被告人乙某趁被害人丙某熟睡之机，在某小区某室内窃取丙某放在床头的手机一部、现金2000元，"
    "经鉴定手机价值人民币3500元。",
    "故意伤害": "被告人丁某因琐事与被害人戊某发生争执，持木棍击打戊某头部，致戊某颅骨骨折。"
    "经鉴定，戊某的损伤程度为轻伤一级。",
    "走私、贩卖、运输、制造毒品": "被告人己某在某宾馆房间内以人民币300元的价格向吸毒人员庚某出售甲基苯丙胺一小包，"
    "净重0.4克，后被民警抓获，从其身上查获甲基苯丙胺两包。",
}


def test_artifact_is_small_and_records_its_training() -> None:
    assert ARTIFACT.stat().st_size <= 10 * 1024 * 1024
    model = charge.load()
    assert model.meta["task"] == "charge"
    assert model.meta["sklearn_version"].startswith("1.9.")
    assert len(model.classes) >= 100
    assert model.featurizer.n_features == model.coef.shape[1]


def test_predicts_fictional_facts_with_calibrated_scores() -> None:
    predictions = charge.predict(list(FACTS.values()))
    assert [c for c, _ in predictions] == list(FACTS)
    for _, score in predictions:
        assert 0.0 <= score <= 1.0
    assert charge.predict([]) == []


def test_top_k_is_sorted_and_probabilities_sum_to_one() -> None:
    top = charge.predict_top([FACTS["盗窃"]], k=5)[0]
    scores = [s for _, s in top]
    assert scores == sorted(scores, reverse=True)
    probs = charge.load().proba([FACTS["盗窃"]])
    assert np.isclose(probs.sum(), 1.0, atol=1e-4)


def test_charge_names_are_the_cail2018_names() -> None:
    names = set(ACCU.read_text(encoding="utf-8").split())
    assert set(charge.load().classes) <= names


def test_normalize_charge() -> None:
    assert charge.normalize_charge("涉嫌盗窃罪") == "盗窃"
    assert charge.normalize_charge("[走私、贩卖、运输、制造]毒品") == "走私、贩卖、运输、制造毒品"


def test_wrong_sklearn_version_is_a_clear_error() -> None:
    with pytest.raises(ModelLoadError, match="retrain"):
        LinearTextModel.load(ARTIFACT, expect_sklearn="0.24.2")


def test_missing_or_foreign_artifact_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match="not found"):
        LinearTextModel.load(tmp_path / "none.npz")
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(ModelLoadError):
        LinearTextModel.load(bad)


def test_cli_classify_charge(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(
            json.dumps({"id": f"f{i}", "fact": f}, ensure_ascii=False) + "\n" for i, f in enumerate(FACTS.values())
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["classify-charge", "--jsonl", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["f0", "f1", "f2", "f3"]
    assert [r["charge"] for r in rows] == list(FACTS)
    assert all(0 <= r["score"] <= 1 for r in rows)


def test_cli_classify_charge_missing_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["classify-charge", "--jsonl", str(tmp_path / "x.jsonl"), "--out", "o.jsonl"])
    assert result.exit_code == 2
