"""Loads the rule files and runs the rules over a case."""

from __future__ import annotations

import hashlib
import logging
from functools import cache
from pathlib import Path

import yaml

from nlp import registry
from nlp.rules.model import Rule, RuleFile

log = logging.getLogger(__name__)

RULES_DIR = Path(__file__).parent


class RuleSetError(ValueError):
    pass


@cache
def load_rule_files(directory: Path = RULES_DIR) -> tuple[RuleFile, ...]:
    from nlp.rules import (  # noqa: F401  (registers the check kinds)
        checks,
        checks_admin,
        checks_consistency,
        checks_criminal,
        checks_elements,
        checks_models,
    )

    files: list[RuleFile] = []
    seen: dict[str, str] = {}
    for path in sorted(directory.glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        try:
            rule_file = RuleFile.model_validate(raw)
        except ValueError as exc:
            raise RuleSetError(f"{path.name}: {exc}") from exc
        for rule in rule_file.rules:
            if rule.id in seen:
                raise RuleSetError(f"rule id {rule.id} appears in {seen[rule.id]} and {path.name}")
            if rule.check not in registry.checks:
                raise RuleSetError(f"{path.name}: rule {rule.id} uses unknown check kind '{rule.check}'")
            seen[rule.id] = path.name
        files.append(rule_file)
    return tuple(files)


def load_rules(directory: Path = RULES_DIR) -> list[Rule]:
    return [rule for f in load_rule_files(directory) for rule in f.rules]


def rules_version(directory: Path = RULES_DIR) -> str:
    """A digest of the rule files, stamped on every report so a finding can be traced to the rules that made it."""
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
