"""The document model: CaseFile -> Document -> Block / Entity, and Finding.

Every offset (Block, Entity, Evidence) is a character offset into ``Document.text``, the one canonical,
normalised text of a document. Parsers build that text once; nothing downstream changes it.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from nlp.labels import BlockKind, Category, EntityType, FileFormat, Gate, Role, Severity

BBox = tuple[float, float, float, float]
"""(x0, top, x1, bottom) in PDF points, origin at the page's top-left corner."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Block(_Model):
    """A unit of provenance: a paragraph, a table cell or a PDF line, as the parser found it."""

    start: int
    end: int
    kind: BlockKind
    page: int | None = None  # 1-based page number for PDFs
    bbox: BBox | None = None
    para_index: int | None = None  # docx: index among body paragraphs
    table: int | None = None  # docx: index of the table in the body
    row: int | None = None
    col: int | None = None
    # Character boxes, one per character of this block's text (PDF only); lets evidence spans get exact boxes.
    char_boxes: list[BBox] | None = Field(default=None, exclude=True, repr=False)
    confidence: float | None = None  # OCR: mean recogniser confidence (0..1) of the line; None for a text layer


class SignatureMark(_Model):
    """A signature place on a scanned page (nlp.parsers.marks): the label, the room after it, what OCR read there,
    and whether the image has writing (``ink``) or red ink (``fingerprint``: 捺印 or a seal) in it."""

    label: str  # 被询问人, 记录人, 捺指印 …
    bbox: BBox  # the room after the label
    text: str = ""
    ink: bool = False
    fingerprint: bool = False


class PageInfo(_Model):
    """How one PDF page was read: its text layer or OCR, with the OCR confidence and the red seals found."""

    page: int  # 1-based page number in the file
    method: str  # "text" (text layer), "ocr", "none" (no text and no OCR available)
    confidence: float | None = None  # OCR: mean character confidence on the page
    reason: str = ""  # why the page was OCRed: "no_text", "image", "short" (layer misses lines), "garbled"
    seals: list[BBox] = Field(default_factory=list)  # red seals (红章) found on the page image (scans only)
    signatures: list[SignatureMark] = Field(default_factory=list)  # scans: signature places and their ink
    width: float | None = None  # page size in points as displayed
    height: float | None = None


class CatalogueEntry(_Model):
    """One line of the 卷宗目录: the documents in case order with the pages they span in their file."""

    order: int
    document: str  # Document.id
    title: str
    doc_type: str
    doc_type_zh: str
    source: str
    first_page: int | None = None
    last_page: int | None = None


class Entity(_Model):
    type: EntityType
    start: int
    end: int
    text: str
    value: str | None = None  # normalised value: ISO date-time, 18-digit ID, amount in yuan, "law|article|paragraph"
    role: Role | None = None
    label: str | None = None  # the form label or cue that gave the role/field, e.g. "接报时间"
    valid: bool | None = None  # validator outcome (ID check digit, real calendar date …); None when not validated
    score: float = 1.0
    source: str = ""  # extractor name, e.g. "pattern:id_number", "field:受案登记表"
    attrs: dict[str, Any] = Field(default_factory=dict)  # kind-specific detail (law, article, paragraph, unit …)
    person_id: str | None = None  # set by linking: the same person across documents


class FormField(_Model):
    """A labelled form field: '接报时间' -> '2024年3月1日9时20分' (value empty when the form was left blank)."""

    label: str
    value: str
    start: int  # offsets of the value in Document.text (start == end for an empty value)
    end: int
    label_start: int
    label_end: int


class Document(_Model):
    id: str
    source: str  # path relative to the case root; a split combined PDF adds '#pages=a-b'
    format: FileFormat
    sha256: str
    title: str = ""
    doc_type: str = "unknown"
    doc_type_zh: str = "未识别"
    doc_type_confidence: float = 0.0
    doc_type_method: str = ""
    pages: int | None = None
    text: str
    blocks: list[Block] = Field(default_factory=list)
    soft_breaks: list[int] = Field(default_factory=list)  # offsets of "\n" that are only printed line wraps (PDF)
    fields: list[FormField] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    # PDFs: how each page was read (text layer or OCR); for a part of a split combined PDF, its pages only.
    page_info: list[PageInfo] = Field(default_factory=list)

    def block_at(self, offset: int) -> Block | None:
        for block in self.blocks:
            if block.start <= offset < block.end or (block.start == block.end == offset):
                return block
        return None

    def field(self, *labels: str) -> FormField | None:
        """The first field whose label is one of ``labels`` (in the order given)."""
        for label in labels:
            for f in self.fields:
                if f.label == label:
                    return f
        return None


class LegalBasis(_Model):
    law: str
    version: str
    article: str
    quote: str


class Evidence(_Model):
    document: str  # Document.id
    source: str
    start: int
    end: int
    text: str
    page: int | None = None
    bbox: BBox | None = None
    # .docx: where the span starts — body paragraph index, or table / row / column of its cell.
    para_index: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None


class Finding(_Model):
    rule_id: str
    rule_version: int = 1
    title: str
    category: Category
    gate: Gate
    gates: list[Gate] = Field(default_factory=list)  # every gate the rule touches; `gate` is the first
    severity: Severity
    message: str
    legal_basis: list[LegalBasis]
    evidence: list[Evidence]


class FileError(_Model):
    source: str
    reason: str


class CaseFile(_Model):
    """One case (案卷) as the reviewer sees it."""

    case_id: str
    root: str = ""
    documents: list[Document] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    errors: list[FileError] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)  # engine problems (a rule that failed), never case text
    versions: dict[str, str] = Field(default_factory=dict)
    campaign: str | None = None  # the campaign rule set used (专项规则集); None = all rules
    catalogue: list[CatalogueEntry] = Field(default_factory=list)  # 卷宗目录, in document order

    def document(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)

    def of_type(self, *doc_types: str) -> list[Document]:
        return [d for d in self.documents if d.doc_type in doc_types]
