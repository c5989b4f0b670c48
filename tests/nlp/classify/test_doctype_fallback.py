"""The document-type fallback (models/doctype): asked only when the title rules are unsure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.classify import doctype
from nlp.doctypes.classify import classify, classify_rules
from nlp.settings import ReviewSettings

# A fictional 提请批准逮捕书 whose title line a scan lost: the rules find no title.
ARREST_REQUEST_BODY = (
    "某市公安局某分局\n"
    "某公(刑)提捕字〔2024〕00045号\n"
    "犯罪嫌疑人乙某，男，1985年5月5日出生，公民身份号码略，汉族，初中文化，无业，住某市某区某路1号。\n"
    "犯罪嫌疑人乙某因涉嫌盗窃罪，于2024年5月4日被我局刑事拘留，现羁押于某市看守所。\n"
    "犯罪嫌疑人乙某涉嫌盗窃一案，系被害人报案至我局。我局经过审查，于2024年5月3日立案进行侦查。\n"
    "经依法侦查查明：2024年5月2日，犯罪嫌疑人乙某在某小区内盗窃电动自行车一辆，价值人民币4200元。\n"
    "认定上述事实的证据如下：\n1.犯罪嫌疑人乙某的供述和辩解；\n2.被害人丙某的陈述；\n3.价格认定结论书。\n"
    "上述犯罪事实清楚，证据确实、充分，足以认定。\n"
    "犯罪嫌疑人乙某的行为已触犯《中华人民共和国刑法》第二百六十四条之规定，涉嫌盗窃罪，可能判处徒刑以上刑罚。"
    "依照《中华人民共和国刑事诉讼法》第八十一条、第八十七条之规定，特提请批准逮捕。\n"
    "此致\n某区人民检察院\n"
)


def test_artifact_is_small_and_loads() -> None:
    assert ReviewSettings().doctype_model_path.stat().st_size <= 10 * 1024 * 1024
    model = doctype.model()
    assert model is not None
    assert model.meta["task"] == "doctype"
    assert "arrest_request" in model.classes


def test_body_without_title_is_classified_by_the_model() -> None:
    ruled = classify_rules(ARREST_REQUEST_BODY)
    assert ruled.title == ""
    result = classify(ARREST_REQUEST_BODY)
    assert result.doc_type == "arrest_request"
    assert result.method == "model"
    assert 0.5 <= result.confidence <= doctype.CONFIDENCE_CAP


def test_a_clear_title_is_never_overridden() -> None:
    text = "立案决定书\n" + ARREST_REQUEST_BODY  # title says one thing, body another: the title wins
    result = classify(text)
    assert result.doc_type == "case_filing_decision"
    assert result.method.startswith("title")


def test_empty_text_stays_unknown() -> None:
    assert classify("").doc_type == "unknown"
    assert classify("某某某").doc_type == "unknown"


@pytest.mark.shared
def test_fallback_never_makes_the_real_skeletons_worse(shared_data: Path) -> None:
    """The 23 police form skeletons, whole and with the title cut off: the fallback changes no right answer."""
    answers = json.loads((Path(__file__).parent / "skeleton_types.json").read_text(encoding="utf-8"))
    for name, doc_type in answers.items():
        text = (shared_data / "police_forms" / name).read_text(encoding="utf-8")
        ruled = classify_rules(text)
        untitled = text[ruled.title_end :]
        for version in (text, untitled):
            if classify_rules(version).doc_type == doc_type:
                assert classify(version).doc_type == doc_type, name
