"""A scanned combined PDF (the whole 案卷 as one image-only file) reviewed end to end through the API."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import ApiSettings
from corpora.generator.corpus import CorpusConfig, generate_case
from corpora.generator.render import cjk_font_path, render_scanned_combined_pdf
from nlp.parsers.ocr import ocr_available
from nlp.reviewer import Reviewer

pytestmark = pytest.mark.skipif(
    not ocr_available() or cjk_font_path() is None,
    reason="needs the OCR packages (rapidocr-onnxruntime==1.4.4) and the CJK font fonts-wqy-microhei",
)


@pytest.fixture(scope="module")
def client(reviewer: Reviewer) -> Iterator[TestClient]:
    app = create_app(ApiSettings(max_file_bytes=20 * 1024 * 1024, max_upload_bytes=40 * 1024 * 1024), reviewer)
    with TestClient(app) as c:
        yield c


def test_api_reviews_a_scanned_combined_pdf_with_catalogue_and_boxes(client: TestClient) -> None:
    docs = generate_case(CorpusConfig(seed=5), 3).docs[:3]
    data, ranges = render_scanned_combined_pdf(docs, random.Random("api-scan"), seal_probability=1.0)
    files = [("files", ("案卷.pdf", data, "application/pdf"))]
    report = client.post("/v1/reviews", files=files, params={"case_id": "扫描合并卷"}).json()
    assert report["errors"] == []
    assert [(e["first_page"], e["last_page"]) for e in report["catalogue"]] == ranges
    assert [d["source"] for d in report["documents"]] == [f"案卷.pdf#pages={a}-{b}" for a, b in ranges]
    assert [d["doc_type"] for d in report["documents"]] == [d.doc_type for d in docs]
    for document in report["documents"]:
        assert {p["method"] for p in document["page_info"]} == {"ocr"}
        assert document["ocr_confidence"] > 0.9
    for finding in report["findings"]:
        for evidence in finding["evidence"]:
            if evidence["text"].strip():
                assert evidence["page"] is not None and evidence["bbox"] is not None
