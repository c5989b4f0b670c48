"""Every rule's own YAML examples: each positive must fire the rule, each negative must not."""

from __future__ import annotations

import pytest

from nlp.reviewer import Reviewer
from nlp.rules.engine import load_rules
from nlp.rules.model import Example, Rule

CASES = [
    pytest.param(rule, kind, i, example, id=f"{rule.id}-{kind}-{i}")
    for rule in load_rules()
    if rule.enabled  # a disabled rule keeps its examples for when it is switched back on
    for kind, examples in (("positive", rule.examples.positive), ("negative", rule.examples.negative))
    for i, example in enumerate(examples)
]


@pytest.mark.parametrize(("rule", "kind", "index", "example"), CASES)
def test_rule_examples(reviewer: Reviewer, rule: Rule, kind: str, index: int, example: Example) -> None:
    case = reviewer.review_texts([(d.name, d.text) for d in example.documents], case_id=f"{rule.id}-{kind}-{index}")
    assert not case.errors, case.errors
    assert not case.warnings, case.warnings
    fired = [f for f in case.findings if f.rule_id == rule.id]
    if kind == "positive":
        assert fired, f"{rule.id} should fire on: {example.note}"
        for finding in fired:
            assert finding.evidence, "a finding with nothing to point at is a bug"
            assert "{" not in finding.message, finding.message  # every placeholder was filled
            for ev in finding.evidence:
                doc = case.document(ev.document)
                assert doc.text[ev.start : ev.end] == ev.text
                assert ev.text.strip()
    else:
        assert not fired, f"{rule.id} should stay silent on: {example.note}; got {[f.message for f in fired]}"
