"""CaseView: what rules read — the documents by type, the people, the timeline, and evidence builders."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, Protocol

from nlp.case.persons import PersonMention
from nlp.case.timeline import Act, Moment, build_timeline, closing_date, document_date
from nlp.schema import BBox, CaseFile, Document, Evidence
from nlp.settings import ReviewSettings
from nlp.statutes.db import StatuteDB

# Document types that occur only in one kind of case; a case holding types of both kinds (行政 turned 刑事) is unclear.
_ADMIN_TYPES = frozenset(
    {
        "administrative_summons",
        "penalty_notice_record",
        "administrative_penalty_decision",
        "on_the_spot_penalty_decision",
        "non_penalty_decision",
        "mediation_agreement",
        "evidence_preservation_decision",
        "compulsory_isolation_rehab_decision",
        "community_rehab_order",
    }
)
_CRIMINAL_TYPES = frozenset(
    {
        "case_filing_decision",
        "interrogation_record",
        "criminal_summons",
        "compelled_appearance_warrant",
        "detention_warrant",
        "detention_notice",
        "arrest_request",
        "arrest_warrant",
        "arrest_notice",
        "bail_decision",
        "residential_surveillance_decision",
        "search_warrant",
        "seizure_decision",
        "prosecution_recommendation",
    }
)
_DOC_NUMBER_KIND = re.compile(r"[(（]\s*(刑|行|治)\s*[)）]\s*[\u4e00-\u9fa5]{0,4}字")
# Words of a 受案登记表/回执 or 询问笔录 that name the kind; 口头传唤 in an 询问笔录 is the administrative form.
_ADMIN_WORDS = re.compile(r"行政案件|治安案件|治安管理处罚法|口头传唤的?被询问人")
_CRIMINAL_WORDS = re.compile(r"刑事案件|刑事诉讼法")
_WORDS_DOC_TYPES = ("case_acceptance_register", "case_acceptance_receipt", "interview_record")


class Located(Protocol):
    doc_id: str
    start: int
    end: int


@dataclass
class CaseView:
    case: CaseFile
    persons: list[PersonMention]
    settings: ReviewSettings = field(default_factory=ReviewSettings)
    statutes: StatuteDB = field(default_factory=StatuteDB.load)

    @cached_property
    def timeline(self) -> list[Act]:
        return build_timeline(self.case.documents)

    @cached_property
    def case_kind(self) -> Literal["criminal", "administrative"] | None:
        """'criminal' or 'administrative' as the file itself says, None where it does not say unambiguously.

        Document types of one kind only, or 文号 marks ((刑)/(行)/(治)…字), decide; where neither does, the words of
        the 受案登记表/回执 and 询问笔录. Signs of both kinds (行政 turned 刑事) leave it unclear: rules stay silent.
        """
        types = {d.doc_type for d in self.case.documents}
        marks = {m.group(1) for d in self.case.documents for m in _DOC_NUMBER_KIND.finditer(d.text)}
        admin = bool(types & _ADMIN_TYPES) or bool(marks & {"行", "治"})
        criminal = bool(types & _CRIMINAL_TYPES) or "刑" in marks
        if not admin and not criminal:
            for d in self.case.of_type(*_WORDS_DOC_TYPES):
                a, c = bool(_ADMIN_WORDS.search(d.text)), bool(_CRIMINAL_WORDS.search(d.text))
                admin, criminal = admin or (a and not c), criminal or (c and not a)
        if admin == criminal:
            return None
        return "administrative" if admin else "criminal"

    def acts(self, name: str) -> list[Act]:
        return [a for a in self.timeline if a.name == name]

    def of_type(self, *doc_types: str) -> list[Document]:
        return self.case.of_type(*doc_types)

    def doc(self, doc_id: str) -> Document:
        return self.case.document(doc_id)

    def persons_in(self, doc_id: str) -> list[PersonMention]:
        return [p for p in self.persons if p.doc_id == doc_id]

    def doc_date(self, doc: Document) -> Moment | None:
        return document_date(doc)

    def closing_date(self, doc: Document, before: str | None = None) -> tuple[Moment, int, int] | None:
        """The 落款 date alone, with its span (no fallback to other dates); ``before``: a regex where the document's
        own 送达 section begins, whose later signing date is not the 落款."""
        return closing_date(doc, re.compile(before) if before else None)

    def evidence(self, doc: Document | str, start: int, end: int) -> Evidence:
        d = self.doc(doc) if isinstance(doc, str) else doc
        return make_evidence(d, start, end)

    def evidence_of(self, *items: Located) -> list[Evidence]:
        """Evidence for acts or mentions (anything with ``doc_id``, ``start``, ``end``), in the order given."""
        return [self.evidence(i.doc_id, i.start, i.end) for i in items]

    def on_ocr(self, doc: Document | str, start: int, end: int) -> bool:
        """Whether the span was read by OCR (a scanned page) rather than from a text layer or a .docx."""
        d = self.doc(doc) if isinstance(doc, str) else doc
        return any(b.confidence is not None and b.start < end and start < b.end for b in d.blocks)

    def title_evidence(self, doc: Document) -> Evidence:
        """Evidence pointing at the document's title (or its first line when no title was found)."""
        if doc.title:
            idx = doc.text.find(doc.title)
            if idx >= 0:
                return make_evidence(doc, idx, idx + len(doc.title))
        first = doc.text.find("\n")
        return make_evidence(doc, 0, first if first > 0 else min(len(doc.text), 20))


def one_edit_apart(a: str, b: str) -> bool:
    """One character substituted, dropped or added: the typical OCR misreading of a name or a 罪名."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def make_evidence(doc: Document, start: int, end: int) -> Evidence:
    start = max(0, min(start, len(doc.text)))
    end = max(start, min(end, len(doc.text)))
    page, bbox = _locate(doc, start, end)
    evidence = Evidence(
        document=doc.id, source=doc.source, start=start, end=end, text=doc.text[start:end], page=page, bbox=bbox
    )
    block = doc.block_at(start) if page is None else None
    if block is not None:  # .docx: the paragraph or table cell the span starts in
        evidence.para_index, evidence.table, evidence.row, evidence.col = (
            block.para_index,
            block.table,
            block.row,
            block.col,
        )
    return evidence


def _locate(doc: Document, start: int, end: int) -> tuple[int | None, BBox | None]:
    """Page and box of a span: the union of its character boxes where the parser gave them, else its block's box."""
    boxes: list[BBox] = []
    page: int | None = None
    for block in doc.blocks:
        if block.end <= start and not (block.start == block.end == start):
            continue
        if block.start >= max(end, start + 1):
            break
        if page is None:
            page = block.page
        elif block.page != page:
            break  # evidence boxes stay on the span's first page
        if block.char_boxes and len(block.char_boxes) == block.end - block.start:
            lo, hi = max(start, block.start), min(max(end, start + 1), block.end)
            boxes.extend(block.char_boxes[lo - block.start : hi - block.start])
        elif block.bbox is not None:
            boxes.append(block.bbox)
    if not boxes:
        return page, None
    return page, (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
