"""CHG-01: a stated charge that a confident charge classifier contradicts (check kind charge_model_disagreement)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.reviewer import Reviewer
from nlp.rules.checks_models import _compatible
from nlp.rules.engine import load_rules
from nlp.settings import ReviewSettings

RULE = next(r for r in load_rules() if r.id == "CHG-01")
GENERATED = Path(__file__).resolve().parents[3] / "corpora" / "samples" / "generated"

WRONG_CHARGE = [
    (
        "提请批准逮捕书.txt",
        "提请批准逮捕书\n犯罪嫌疑人甲某，男，1991年2月3日出生。\n犯罪嫌疑人甲某因涉嫌诈骗罪，于2024年9月2日被我局刑事拘留。\n"
        "经依法侦查查明：2024年9月1日22时许，犯罪嫌疑人甲某醉酒后驾驶小型普通客车行驶至某县某路段时被民警查获，"
        "经检验其血液中乙醇含量为210mg/100ml。\n此致\n某县人民检察院\n",
    )
]


def _chg(reviewer: Reviewer, docs: list[tuple[str, str]]) -> list:  # type: ignore[type-arg]
    case = reviewer.review_texts(docs, case_id="chg")
    return [f for f in case.findings if f.rule_id == "CHG-01"]


def test_rule_is_low_severity_qualification_with_a_dev_chosen_threshold() -> None:
    assert RULE.severity == "low"
    assert RULE.category == "qualification"
    assert 0.5 < RULE.params["min_score"] < 1.0


def test_finding_says_it_is_a_model_suggestion_with_its_score(reviewer: Reviewer) -> None:
    findings = _chg(reviewer, WRONG_CHARGE)
    assert len(findings) == 1
    message = findings[0].message
    assert "模型" in message and "参考" in message
    assert "危险驾驶罪" in message and "诈骗罪" in message
    assert "模型分数0." in message
    stated, fact = findings[0].evidence
    assert stated.text == "诈骗"
    assert fact.text.startswith("2024年9月1日22时许")


def test_silent_without_a_model(tmp_path: Path) -> None:
    reviewer = Reviewer(settings=ReviewSettings(charge_model_path=tmp_path / "missing.npz"))
    assert _chg(reviewer, WRONG_CHARGE) == []


def test_silent_when_the_threshold_is_not_reached(reviewer: Reviewer) -> None:
    strict = RULE.model_copy(update={"params": {**RULE.params, "min_score": 1.01}})
    case = Reviewer(rules=[strict]).review_texts(WRONG_CHARGE, case_id="chg")
    assert not [f for f in case.findings if f.rule_id == "CHG-01"]


@pytest.mark.parametrize(
    ("predicted", "stated", "same"),
    [
        ("盗窃", "盗窃", True),
        ("掩饰、隐瞒犯罪所得、犯罪所得收益", "掩饰、隐瞒犯罪所得", True),
        ("走私、贩卖、运输、制造毒品", "贩卖毒品", True),
        ("诈骗", "合同诈骗", True),
        ("危险驾驶", "盗窃", False),
        ("抢劫", "抢夺", False),
        ("故意杀人", "故意伤害", False),
    ],
)
def test_compatible_names(predicted: str, stated: str, same: bool) -> None:
    assert _compatible(predicted, stated) is same


@pytest.mark.slow  # reviews 16 whole cases
def test_no_finding_on_the_committed_generated_cases(reviewer: Reviewer) -> None:
    cases = sorted(p for p in GENERATED.iterdir() if p.is_dir())
    assert cases
    for path in cases:
        case = reviewer.review_path(path)
        assert not [f for f in case.findings if f.rule_id == "CHG-01"], path.name


def test_silent_on_a_charge_the_model_over_predicts(reviewer: Reviewer) -> None:
    # 故意伤害 is right on only about 86 % of the dev facts the model gives it (寻衅滋事 with an injury reads alike),
    # so a confident 故意伤害 against a stated 寻衅滋事 must stay silent.
    from nlp.classify.charge import load

    fact = (
        "2024年5月3日22时许，犯罪嫌疑人甲某酒后在某烧烤店内因琐事与被害人乙某发生争执，持啤酒瓶击打乙某头部，"
        "致乙某头皮裂伤，经鉴定为轻伤二级。"
    )
    model = load()
    [(charge, score)] = model.predict([fact])
    precision, _ = model.meta["dev_precision"][charge]
    assert charge == "故意伤害" and score >= 0.9 and precision < 0.9  # the gate, not the score, keeps it silent
    docs = [
        (
            "提请批准逮捕书.txt",
            "提请批准逮捕书\n犯罪嫌疑人甲某因涉嫌寻衅滋事罪，于2024年5月4日被我局刑事拘留。\n"
            f"经依法侦查查明：{fact}\n此致\n某区人民检察院\n",
        )
    ]
    assert _chg(reviewer, docs) == []
