"""The generator's data model: case facts, documents as lines of tagged segments, and the gold labels written out.

A document is built as lines; a line is a paragraph (one cell) or a form-table row (several cells); a cell is a
list of segments. Segments carry the gold entity type/role of their text and an optional ``tag`` (a semantic slot
such as "接报时间" or "notify_time") so that defects can find and change them after the document is built.

The canonical text of a document is ``"\\n".join("\\t".join(cell texts) for line in lines)`` — the same layout
our parsers produce for .docx and .txt (one paragraph a line, table cells joined by a tab). Gold offsets point into
that text; the evaluator maps them onto whatever text the reviewer extracted (PDF, scans).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# --- case facts ---------------------------------------------------------------------------------------------------


@dataclass
class Person:
    name: str
    gender: Literal["男", "女"]
    birth: date
    id_number: str
    address: str
    phone: str
    ethnicity: str = "汉族"
    occupation: str = "无业"
    education: str = "初中"
    workplace: str = ""
    role: str = ""  # suspect / victim / witness / reporter / guardian (labels.Role values)
    guardian: Person | None = None  # for minors: 法定代理人 or 合适成年人

    def age_on(self, day: date) -> int:
        return day.year - self.birth.year - ((day.month, day.day) < (self.birth.month, self.birth.day))


@dataclass
class Officer:
    name: str
    badge: str  # 警号, six digits
    unit: str  # 办案单位, e.g. 南京市公安局玄武分局刑事侦查大队


@dataclass
class Agency:
    """The public-security organ handling the case, and the bodies around it."""

    city: str  # 南京市
    district: str  # 玄武区
    name: str  # 南京市公安局玄武分局
    prefix: str  # 文号 prefix, e.g. 宁公玄
    station: str  # 珠江路派出所 (the 派出所 that received the case)
    detention_center: str  # 南京市看守所
    custody_center: str  # 南京市拘留所 (行政拘留)
    procuratorate: str  # 南京市玄武区人民检察院
    court: str  # 南京市玄武区人民法院
    government: str  # 南京市玄武区人民政府 (行政复议机关)
    address: str


@dataclass
class Item:
    name: str  # 电动自行车一辆
    value: int  # yuan
    description: str = ""


@dataclass
class Session:
    """One 笔录 session: 询问 (inquiry), 讯问 (interrogation) or 行政处罚告知 (penalty_notice)."""

    kind: Literal["inquiry", "interrogation", "penalty_notice"]
    person: Person
    start: datetime
    end: datetime
    place: str
    officers: list[Officer]  # who asks (two, lawfully)
    recorder: Officer
    qa: list[tuple[str, str]] = field(default_factory=list)  # (问, 答) pairs, filled by the scenario
    number: int = 1  # 第N次 for repeated sessions with the same person


@dataclass
class CaseFacts:
    case_id: str
    kind: Literal["criminal", "administrative"]
    case_type: str  # key, e.g. "theft", "fraud_telecom", "assault_admin"
    cause: str  # 案由 as written, e.g. 盗窃 / 殴打他人
    charge: str  # 涉嫌罪名 (criminal, e.g. 盗窃罪) or 违法行为名称 (administrative)
    case_name: str  # 案件名称, e.g. 陈某某电动自行车被盗案
    case_number: str  # 案件编号 A3201020500002024030012
    agency: Agency
    officers: list[Officer]  # the case officers, at least two
    approver: str  # 审批负责人
    suspects: list[Person]
    victims: list[Person]
    witnesses: list[Person]
    reporter: Person | None
    incident_time: datetime
    incident_place: str
    narrative: str  # 简要案情
    items: list[Item] = field(default_factory=list)
    amount: int = 0  # total value / sum involved (yuan), 0 when none
    sessions: list[Session] = field(default_factory=list)  # 询问/讯问/告知 笔录 in time order
    penalty: str = ""  # administrative: e.g. 行政拘留十日 / 罚款五百元; criminal: empty
    penalty_articles: list[str] = field(default_factory=list)  # cited articles as written, version-correct
    # Procedural moments by act name (report_received, case_accepted, case_filed, summoned, detained, family_notified,
    # arrest_requested, penalty_notified, penalty_decided, served …); only the acts of this procedure are present.
    acts: dict[str, datetime] = field(default_factory=dict)
    doc_numbers: dict[str, str] = field(default_factory=dict)  # doc_type -> 文号
    extras: dict[str, object] = field(default_factory=dict)  # case-type specific facts (BAC, injury grade, …)


# --- documents as tagged segments -----------------------------------------------------------------------------------


@dataclass
class Seg:
    text: str
    type: str | None = None  # gold entity type (EntityType value) or None
    role: str | None = None  # gold role of a PERSON (labels.Role value)
    tag: str | None = None  # semantic slot for defects


Cell = list[Seg]


@dataclass
class Line:
    cells: list[Cell]
    kind: Literal["title", "para", "row", "qa", "sign"] = "para"

    @property
    def text(self) -> str:
        return "\t".join("".join(s.text for s in cell) for cell in self.cells)


@dataclass
class DocSpec:
    doc_type: str  # key in nlp/doctypes/doctypes.yaml
    title: str  # as printed, e.g. "立 案 决 定 书"
    file_stem: str  # e.g. "02_立案决定书"
    lines: list[Line] = field(default_factory=list)
    layout: Literal["table", "paragraph"] = "paragraph"
    date: date | None = None  # the document's own date (落款)

    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def segments(self) -> Iterator[tuple[int, int, Seg]]:
        """Every segment with its (start, end) offsets in ``text()``."""
        pos = 0
        for li, line in enumerate(self.lines):
            if li:
                pos += 1  # "\n"
            for ci, cell in enumerate(line.cells):
                if ci:
                    pos += 1  # "\t"
                for seg in cell:
                    yield pos, pos + len(seg.text), seg
                    pos += len(seg.text)

    def span_of(self, target: Seg) -> tuple[int, int]:
        for start, end, seg in self.segments():
            if seg is target:
                return start, end
        raise KeyError("segment not in document")

    def find(self, tag: str) -> list[Seg]:
        return [seg for _, _, seg in self.segments() if seg.tag == tag]


@dataclass
class PlantedDefect:
    kind: str  # defect kind key in the catalogue
    category: str  # one of the report's seven categories
    rule_id: str  # the rule it should trigger (an id of nlp/rules or of the RULES.md catalogue)
    doc: DocSpec
    evidence: list[Seg]  # the segments a finding must point at (first = main evidence)
    note: str = ""


@dataclass
class GeneratedCase:
    facts: CaseFacts
    docs: list[DocSpec]
    defects: list[PlantedDefect] = field(default_factory=list)
    hard_negatives: list[str] = field(default_factory=list)  # kinds of legal-but-suspicious features included


# --- gold.json (the written labels) -----------------------------------------------------------------------------------


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldEntity(_Gold):
    type: str
    start: int
    end: int
    text: str
    role: str | None = None


class GoldDocument(_Gold):
    id: str  # D01 …, in file order
    source: str  # path relative to the case root; a combined PDF's part is "<file>.pdf#pages=a-b"
    format: Literal["docx", "pdf", "scanned_pdf", "txt"]
    doc_type: str
    title: str
    text: str  # the canonical text gold offsets point into
    entities: list[GoldEntity] = Field(default_factory=list)


class GoldEvidence(_Gold):
    document: str  # GoldDocument.id
    start: int
    end: int
    text: str


class GoldDefect(_Gold):
    kind: str
    category: str
    rule_id: str
    document: str
    evidence: list[GoldEvidence]
    note: str = ""


class GoldCase(_Gold):
    gold_version: str = "1.0"
    case_id: str
    seed: int
    kind: Literal["criminal", "administrative"]
    case_type: str
    clean: bool  # no defect planted
    hard_negatives: list[str] = Field(default_factory=list)
    documents: list[GoldDocument]
    defects: list[GoldDefect] = Field(default_factory=list)
