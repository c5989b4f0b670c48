"""The HTTP API, through FastAPI's TestClient."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import ApiSettings
from nlp.reviewer import Reviewer

SAMPLE = Path(__file__).resolve().parents[2] / "corpora" / "samples" / "criminal_theft"


@pytest.fixture(scope="module")
def client(reviewer: Reviewer) -> Iterator[TestClient]:
    app = create_app(ApiSettings(max_file_bytes=2 * 1024 * 1024, max_upload_bytes=4 * 1024 * 1024), reviewer)
    with TestClient(app) as c:
        yield c


def _sample_files() -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("files", (p.name, p.read_bytes(), "application/octet-stream")) for p in sorted(SAMPLE.iterdir())]


def _encrypted_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt="secret")
    c.drawString(100, 700, "confidential")
    c.showPage()
    c.save()
    return buf.getvalue()


def _empty_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w"):
        pass
    return buf.getvalue()


def test_api_health(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert set(body["versions"]) >= {"engine", "rules", "statutes"}


def test_api_rules_have_legal_basis(client: TestClient) -> None:
    rules = client.get("/v1/rules").json()
    assert len(rules) >= 12
    assert all(r["legal_basis"] and r["legal_basis"][0]["quote"] for r in rules)


def test_api_openapi_lists_routes(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/v1/reviews", "/v1/rules", "/health", "/v1/statutes/{law}/{article}"} <= set(paths)


def test_api_review_sample_case(client: TestClient) -> None:
    response = client.post("/v1/reviews", files=_sample_files(), params={"case_id": "样例案卷"})
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["case_id"] == "样例案卷"
    assert {f["rule_id"] for f in report["findings"]} == {
        "CON-02-1",
        "PER-01",
        "CON-02-2",
        "CR-04",
        "CR-06",
        "EL-CR-10",
    }
    assert report["errors"] == []
    assert len(report["documents"]) == 7


def test_api_bad_files_become_errors_and_the_rest_is_reviewed(client: TestClient) -> None:
    files = [
        *_sample_files(),
        ("files", ("损坏的笔录.docx", b"PK\x03\x04 this is not really a docx", "application/octet-stream")),
        ("files", ("加密.pdf", _encrypted_pdf(), "application/pdf")),
        ("files", ("空压缩包.zip", _empty_zip(), "application/zip")),
    ]
    report = client.post("/v1/reviews", files=files).json()
    errors = {e["source"]: e["reason"] for e in report["errors"]}
    assert set(errors) == {"损坏的笔录.docx", "加密.pdf", "空压缩包.zip"}
    assert all(errors.values())
    assert len(report["documents"]) == 7
    assert {f["rule_id"] for f in report["findings"]} == {
        "CON-02-1",
        "PER-01",
        "CON-02-2",
        "CR-04",
        "CR-06",
        "EL-CR-10",
    }


def test_api_review_requires_files(client: TestClient) -> None:
    assert client.post("/v1/reviews").status_code == 422


def test_api_rejects_oversized_file(client: TestClient) -> None:
    big = ("files", ("大文件.pdf", b"%PDF-1.4" + b"0" * (3 * 1024 * 1024), "application/pdf"))
    response = client.post("/v1/reviews", files=[big])
    assert response.status_code == 413
    assert "大文件.pdf" in response.json()["detail"]


def test_api_statute_text(client: TestClient) -> None:
    body = client.get("/v1/statutes/刑法/264").json()
    assert body["law"] == "中华人民共和国刑法"
    assert body["text"].startswith("盗窃公私财物")
    old = client.get("/v1/statutes/治安管理处罚法/第四十三条", params={"date": "2024-05-03"}).json()
    assert "殴打他人" in old["text"]
    new = client.get("/v1/statutes/治安管理处罚法/第五十一条", params={"date": "2026-02-01"}).json()
    assert "殴打他人" in new["text"]
    assert client.get("/v1/statutes/刑法/999").status_code == 404
    assert client.get("/v1/statutes/不存在的法/1").status_code == 404


def test_api_campaigns_and_review_with_a_campaign(client: TestClient) -> None:
    campaigns = {c["name"]: c for c in client.get("/v1/campaigns").json()}
    assert "受立案专项整治" in campaigns and campaigns["刑事强制措施专项"]["rules"]
    rules = client.get("/v1/rules", params={"campaign": "刑事强制措施专项"}).json()
    assert {r["id"] for r in rules} == set(campaigns["刑事强制措施专项"]["rules"])
    report = client.post("/v1/reviews", files=_sample_files(), params={"campaign": "刑事强制措施专项"}).json()
    assert report["campaign"] == "刑事强制措施专项"
    assert {f["rule_id"] for f in report["findings"]} <= set(campaigns["刑事强制措施专项"]["rules"])
    assert "CR-04" in {f["rule_id"] for f in report["findings"]}


def test_api_unknown_campaign_is_a_clear_error(client: TestClient) -> None:
    response = client.post("/v1/reviews", files=_sample_files(), params={"campaign": "不存在的专项"})
    assert response.status_code == 422
    assert "可选" in response.json()["detail"]
