from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from nlp.report import build_report, render_text, report_schema
from nlp.reviewer import Reviewer

REPO = Path(__file__).resolve().parents[2]


def test_report_schema_file_is_current() -> None:
    committed = json.loads((REPO / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    assert committed == report_schema(), "run `make schema` and review the change to docs/report.schema.json"


def test_report_validates_against_schema(reviewer: Reviewer) -> None:
    case = reviewer.review_path(REPO / "corpora" / "samples" / "criminal_theft")
    data = json.loads(build_report(case, include_entities=True).model_dump_json())
    jsonschema.validate(data, report_schema())
    assert {"documents", "findings", "errors", "versions"} <= set(data)
    for finding in data["findings"]:
        assert finding["category"] in {
            "missing_element",
            "missing_document",
            "time_limit",
            "procedure",
            "inconsistency",
            "citation",
            "qualification",
        }
        assert finding["severity"] in {"high", "medium", "low"}


def test_report_text_lists_documents_and_evidence(reviewer: Reviewer) -> None:
    case = reviewer.review_path(REPO / "corpora" / "samples" / "criminal_theft")
    text = render_text(build_report(case))
    assert "一、文书目录" in text and "拘留通知书" in text
    assert "证据：" in text and "依据：" in text
