"""``juanshen extract --jsonl IN --out OUT`` on fictional sentences."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from nlp.cli import app

TEXT = "2023年5月12日3时许，犯罪嫌疑人孙某某在杭州市西湖区文三路一小区车库内，盗走被害人钱某某停放的一辆电动自行车。"
FORM = "报案人联系电话：13912345678"


def test_extract_writes_one_line_per_input(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in (("a", TEXT), ("b", FORM))) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", "--jsonl", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    first = {(e["label"], e["text"]) for e in rows[0]["entities"]}
    assert {("NHCS", "孙某某"), ("NHVI", "钱某某")} <= first
    assert ("PHONE", "13912345678") in {(e["label"], e["text"]) for e in rows[1]["entities"]}
    for row, text in zip(rows, (TEXT, FORM), strict=True):
        assert all(text[e["start"] : e["end"]] == e["text"] for e in row["entities"])


def test_extract_missing_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", "--jsonl", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
