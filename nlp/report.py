"""The report: the stable, documented output of a review (docs/REPORT.md, docs/report.schema.json).

Fields may be added in a minor version; none is renamed or removed without a major ``report_version`` bump.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field

from nlp.labels import CATEGORY_ZH, GATE_ZH, SEVERITY_ZH, Category, Gate, Severity
from nlp.schema import CaseFile, CatalogueEntry, Entity, FileError, Finding, PageInfo

REPORT_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DocumentSummary(_Model):
    id: str
    source: str
    title: str
    doc_type: str
    doc_type_zh: str
    doc_type_confidence: float
    doc_type_method: str
    pages: int | None
    chars: int
    warnings: list[str] = Field(default_factory=list)
    entities: list[Entity] | None = None  # only when asked for (--entities / ?entities=true)
    # PDFs: how each page was read ("text" layer or "ocr"), OCR confidence, red seals found on scans.
    page_info: list[PageInfo] = Field(default_factory=list)
    ocr_confidence: float | None = None  # mean OCR confidence over the document's OCRed pages; None: no OCR


class Summary(_Model):
    documents: int
    findings: int
    errors: int
    by_severity: dict[Severity, int]
    by_category: dict[Category, int]
    by_gate: dict[Gate, int]


class Report(_Model):
    report_version: str = REPORT_VERSION
    case_id: str
    reviewed_at: str
    documents: list[DocumentSummary]
    findings: list[Finding]
    errors: list[FileError]
    warnings: list[str] = Field(default_factory=list)
    summary: Summary
    versions: dict[str, str]
    campaign: str | None = None  # the campaign rule set used; None when every rule ran
    catalogue: list[CatalogueEntry] = Field(default_factory=list)  # 卷宗目录: documents in order with their pages


def build_report(case: CaseFile, include_entities: bool = False) -> Report:
    documents = [
        DocumentSummary(
            id=d.id,
            source=d.source,
            title=d.title,
            doc_type=d.doc_type,
            doc_type_zh=d.doc_type_zh,
            doc_type_confidence=round(d.doc_type_confidence, 3),
            doc_type_method=d.doc_type_method,
            pages=d.pages,
            chars=len(d.text),
            warnings=d.warnings,
            entities=d.entities if include_entities else None,
            page_info=d.page_info,
            ocr_confidence=_ocr_confidence(d.page_info),
        )
        for d in case.documents
    ]
    summary = Summary(
        documents=len(case.documents),
        findings=len(case.findings),
        errors=len(case.errors),
        by_severity=dict(Counter(f.severity for f in case.findings)),
        by_category=dict(Counter(f.category for f in case.findings)),
        by_gate=dict(Counter(f.gate for f in case.findings)),
    )
    return Report(
        case_id=case.case_id,
        reviewed_at=datetime.now(UTC).isoformat(timespec="seconds"),
        documents=documents,
        findings=case.findings,
        errors=case.errors,
        warnings=case.warnings,
        summary=summary,
        versions=case.versions,
        campaign=case.campaign,
        catalogue=case.catalogue,
    )


def _ocr_confidence(pages: list[PageInfo]) -> float | None:
    read = [p.confidence for p in pages if p.method == "ocr" and p.confidence]
    return round(sum(read) / len(read), 3) if read else None


def report_json(report: Report) -> str:
    return report.model_dump_json(indent=2, exclude_none=False)


def report_schema() -> dict[str, object]:
    return Report.model_json_schema()


def render_text(report: Report) -> str:
    """What a reviewer reads in a terminal: documents, then findings grouped by gate and severity."""
    lines: list[str] = []
    s = report.summary
    lines.append(
        f"案卷：{report.case_id}    文书 {s.documents} 份    发现问题 {s.findings} 项    无法读取 {s.errors} 个文件"
    )
    sev = "，".join(f"{SEVERITY_ZH[k]} {s.by_severity.get(k, 0)}" for k in Severity)
    lines.append(f"按严重程度：{sev}")
    if report.campaign:
        lines.append(f"规则集：{report.campaign}（只运行该专项的规则）")
    lines.append("")
    lines.append("一、文书目录")
    for d in report.documents:
        pages = f"，{d.pages}页" if d.pages else ""
        conf = f"（{d.doc_type_confidence:.2f}）" if d.doc_type != "unknown" else ""
        lines.append(f"  {d.id}  {d.doc_type_zh}{conf}  {d.source}{pages}")
        if d.ocr_confidence is not None:
            lines.append(f"        OCR识别，平均置信度 {d.ocr_confidence:.2f}")
        for w in d.warnings:
            lines.append(f"        ⚠ {w}")
    if report.errors:
        lines.append("")
        lines.append("二、无法读取的文件")
        for e in report.errors:
            lines.append(f"  ✗ {e.source}：{e.reason}")
    lines.append("")
    lines.append("三、审查发现（按六关、严重程度排列）" if report.findings else "三、审查发现：未发现问题")
    docs = {d.id: d for d in report.documents}
    n = 0
    for gate in Gate:
        in_gate = [f for f in report.findings if f.gate == gate]
        if not in_gate:
            continue
        lines.append("")
        lines.append(f"【{GATE_ZH[gate]}】{len(in_gate)} 项")
        for severity in Severity:
            for f in (f for f in in_gate if f.severity == severity):
                n += 1
                lines.append(f"  {n}. [{SEVERITY_ZH[f.severity]}] {f.rule_id} {f.title}（{CATEGORY_ZH[f.category]}）")
                lines.append(f"     {f.message}")
                for ev in f.evidence:
                    doc = docs.get(ev.document)
                    where = f"{ev.document} {doc.doc_type_zh if doc else ''} {ev.source}"
                    page = f" 第{ev.page}页" if ev.page else ""
                    lines.append(f"     证据：{where}{page} [{ev.start}-{ev.end}]「{_clip(ev.text)}」")
                for basis in f.legal_basis:
                    lines.append(f"     依据：《{basis.law}》{basis.article}：{_clip(basis.quote, 80)}")
    if report.warnings:
        lines.append("")
        for w in report.warnings:
            lines.append(f"⚠ {w}")
    lines.append("")
    versions = "，".join(f"{k} {v}" for k, v in report.versions.items())
    lines.append(f"版本：{versions}")
    return "\n".join(lines) + "\n"


def _clip(text: str, limit: int = 60) -> str:
    text = text.replace("\n", " ").replace("\t", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["Report", "build_report", "render_text", "report_json", "report_schema"]


if __name__ == "__main__":  # python -m nlp.report > docs/report.schema.json
    import json
    import sys

    sys.stdout.write(json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n")
