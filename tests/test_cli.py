from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from nlp.cli import app

SAMPLE = Path(__file__).resolve().parents[1] / "corpora" / "samples" / "admin_theft"
runner = CliRunner()


def test_cli_review_json(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["review", str(SAMPLE), "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    planted = json.loads(SAMPLE.with_name("admin_theft.planted.json").read_text(encoding="utf-8"))
    assert {f["rule_id"] for f in report["findings"]} == {p["rule_id"] for p in planted}


def test_cli_review_text_groups_by_gate() -> None:
    result = runner.invoke(app, ["review", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert "【定性关】" in result.output and "【文书关】" in result.output
    assert "依据：《中华人民共和国刑法》第二百六十四条" in result.output


def test_cli_review_missing_path() -> None:
    result = runner.invoke(app, ["review", "/nonexistent/case"])
    assert result.exit_code == 2


def test_cli_rules_json() -> None:
    result = runner.invoke(app, ["rules", "--format", "json"])
    assert result.exit_code == 0
    rules = json.loads(result.output)
    assert all(r["legal_basis"] for r in rules)


def test_cli_campaigns_and_campaign_review() -> None:
    listing = runner.invoke(app, ["campaigns"])
    assert listing.exit_code == 0 and "受立案专项整治" in listing.output
    result = runner.invoke(app, ["review", str(SAMPLE), "--campaign", "以罚代刑专项", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["campaign"] == "以罚代刑专项"
    assert all(f["rule_id"].startswith(("THR-", "ACC-10", "CHG-")) for f in report["findings"])
    bad = runner.invoke(app, ["review", str(SAMPLE), "--campaign", "不存在的专项"])
    assert bad.exit_code == 2 and "可选" in bad.output
