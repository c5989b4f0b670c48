"""The rule catalog as data: complete, well-formed, and every quoted legal basis really is in the statute."""

from __future__ import annotations

import pytest

from nlp import registry
from nlp.labels import Category
from nlp.rules.engine import load_rules
from nlp.statutes.db import StatuteDB

RULES = load_rules()


def test_rule_catalog_covers_every_category() -> None:
    assert len(RULES) >= 12
    assert {r.category for r in RULES} == set(Category)


def test_rule_catalog_ids_unique_and_checks_registered() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.check in registry.checks


@pytest.mark.parametrize(
    ("rule_id", "law", "article", "quote"),
    [(r.id, b.law, b.article, b.quote) for r in RULES for b in r.legal_basis],
)
def test_rule_catalog_quotes_are_in_the_statutes(rule_id: str, law: str, article: str, quote: str) -> None:
    db = StatuteDB.load()
    canonical = db.resolve_law(law)
    assert canonical is not None, f"{rule_id}: law {law} is not in the bundled statutes"
    assert db.quote_found(canonical, quote), f"{rule_id}: quote of {law} {article} not found in the statute text"
