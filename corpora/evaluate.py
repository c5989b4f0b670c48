"""Score the reviewer against a generated corpus (issue #3): findings vs planted defects, entities, document types.

Corpus layout: ``ROOT/<case_id>/`` holds the case's files (what the reviewer reads) and ``ROOT/<case_id>.gold.json``
beside it holds the ``GoldCase`` labels. Every case folder with a gold file is reviewed once and scored:

* Alignment. Each gold document is paired with the reviewed document of the same source; a gold part
  ``X.pdf#pages=a-b`` falls back to the reviewed ``X.pdf`` (or its other parts) when the reviewer split it
  differently or not at all. Gold offsets are carried over by non-whitespace character index: whitespace (and
  invisible format characters) is dropped from both texts and compatibility forms are folded (full-width ASCII,
  Kangxi radicals), so texts that differ only in layout map one to one. Otherwise the gold text is located inside
  the reviewed text (a part of a combined PDF), and failing that aligned with difflib (OCR'd scans). A gold document
  that cannot be aligned is counted with its reason, never silently dropped.
* Defects. A finding matches a gold defect when the category is equal and any evidence span of the finding
  overlaps any (mapped) evidence span of the defect in the same reviewed document. Matching is one-to-one and
  greedy: same rule_id first, then the larger overlap.
* Entities: strict span match per gold entity type on aligned documents; PERSON also role accuracy.
* Document types, throughput, file errors, and breakdowns by gold document format and by case kind.

Run: ``python -m corpora.evaluate ROOT [--limit N] [--json OUT]`` (``juanshen eval`` calls ``evaluate_corpus``).
"""

from __future__ import annotations

import argparse
import bisect
import difflib
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field, ValidationError, computed_field

from corpora.generator.model import GoldCase, GoldDefect, GoldDocument
from nlp.labels import CATEGORY_ZH, Category
from nlp.parsers.loader import natural_key
from nlp.schema import CaseFile, Document, Finding

if TYPE_CHECKING:
    from nlp.reviewer import Reviewer

GOLD_SUFFIX = ".gold.json"
MIN_COVERAGE = 0.5  # a fuzzy alignment must match at least this share of the gold's visible characters
MIN_BLOCK = 3  # shorter difflib blocks are likely coincidences; they map offsets but do not count as coverage
MIN_MAPPED_SHARE = 0.5  # a gold evidence span counts as readable when at least this share of it maps
MISSING_DOC_TYPE = "(missing)"  # predicted type of a gold document the reviewer produced nothing for
MAX_LISTED = 200  # cap on the example lists (unaligned documents) kept in the result
CATEGORIES = [c.value for c in Category]
_CATEGORY_ZH = {c.value: zh for c, zh in CATEGORY_ZH.items()}

# --- text alignment ---------------------------------------------------------------------------------------------

# Runs of characters that count: everything but whitespace, C0/C1 controls and invisible format characters.
_VISIBLE_RUN = re.compile(r"[^\s\x00-\x1f\x7f-\x9f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]+")


def _fold_table() -> dict[int, str]:
    """Length-keeping NFKC folds: full-width ASCII, CJK radicals, compatibility ideographs.

    PDF text layers and OCR produce these forms for the same printed glyph, so both sides are folded alike.
    """
    table: dict[int, str] = {}
    for lo, hi in ((0xFF01, 0xFF5F), (0x2E80, 0x2FE0), (0xF900, 0xFB00)):
        for code in range(lo, hi):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code):
                table[code] = folded
    return table


_FOLD = _fold_table()


@dataclass(frozen=True)
class VisibleText:
    """The folded non-whitespace characters of a text and the offset of each in the original."""

    chars: str
    pos: list[int]

    @classmethod
    def of(cls, text: str) -> VisibleText:
        parts: list[str] = []
        pos: list[int] = []
        for m in _VISIBLE_RUN.finditer(text):
            parts.append(m.group())
            pos.extend(range(m.start(), m.end()))
        return cls("".join(parts).translate(_FOLD), pos)

    def k_range(self, start: int, end: int) -> tuple[int, int]:
        """Text offsets -> visible-index range [ks, ke) of the visible characters inside [start, end)."""
        return bisect.bisect_left(self.pos, start), bisect.bisect_left(self.pos, end)


@dataclass
class TextAlignment:
    """How a gold text maps onto a reviewed text.

    ``method``: "exact" (equal once whitespace is dropped), "located" (found inside the reviewed text),
    "fuzzy" (difflib), or "none" (could not be aligned; ``coverage`` below ``MIN_COVERAGE`` or an empty text).
    """

    method: str
    coverage: float
    gold: VisibleText
    reviewed: VisibleText
    offset: int = 0  # exact/located: reviewed visible index = gold visible index + offset
    k_map: list[int] | None = None  # fuzzy: gold visible index -> reviewed visible index, -1 where unmatched

    @property
    def ok(self) -> bool:
        return self.method != "none"

    def map_k(self, start: int, end: int) -> tuple[int, int, float] | None:
        """Gold text offsets -> (ks, ke, share mapped) in the reviewed visible index, or None when nothing maps."""
        if not self.ok:
            return None
        ks, ke = self.gold.k_range(start, end)
        if ke <= ks:
            return None
        if self.k_map is None:
            return ks + self.offset, ke + self.offset, 1.0
        hits = [k for k in self.k_map[ks:ke] if k >= 0]
        if not hits:
            return None
        return hits[0], hits[-1] + 1, len(hits) / (ke - ks)

    def map_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Gold text offsets -> reviewed text offsets (from the first to the last mapped visible character)."""
        mapped = self.map_k(start, end)
        if mapped is None:
            return None
        ks, ke, _ = mapped
        return self.reviewed.pos[ks], self.reviewed.pos[ke - 1] + 1

    def region(self) -> tuple[int, int] | None:
        """The reviewed visible-index range the whole gold text covers."""
        if not self.ok:
            return None
        if self.k_map is None:
            return self.offset, self.offset + len(self.gold.chars)
        hits = [k for k in self.k_map if k >= 0]
        return (hits[0], hits[-1] + 1) if hits else None


def _window(g: str, r: str, start_at: int = 0) -> tuple[int, int]:
    """Where in a much longer reviewed text the gold text probably lies, from grams that occur once in both.

    Grams are looked up after ``start_at`` (the end of the previous part) first, so repeated form text of
    earlier parts does not pull the window back.
    """
    if len(r) <= 1.5 * len(g) + 64:
        return 0, len(r)
    gram = 8
    step = max(1, len(g) // 24)
    for lo_bound in dict.fromkeys((start_at, 0)):
        estimates: list[int] = []
        for i in range(0, max(1, len(g) - gram + 1), step):
            piece = g[i : i + gram]
            p = r.find(piece, lo_bound)
            if p >= 0 and r.find(piece, p + 1) < 0 and g.find(piece, i + 1) < 0:
                estimates.append(p - i)
        if estimates:
            est = int(statistics.median(estimates))
            slack = len(g) // 4 + 32
            return max(0, est - slack), min(len(r), est + len(g) + slack)
    return 0, len(r)


def _fuzzy(g: VisibleText, r: VisibleText, lo: int, hi: int) -> TextAlignment:
    window = r.chars[lo:hi]
    # autojunk off keeps digits and common characters as anchors (IDs and dates matter); on very long texts it is
    # switched back on to bound the cost, and matches still extend across popular characters.
    autojunk = len(g.chars) * len(window) > 40_000_000
    matcher = difflib.SequenceMatcher(None, g.chars, window, autojunk=autojunk)
    k_map = [-1] * len(g.chars)
    covered = 0
    for block in matcher.get_matching_blocks():
        for i in range(block.size):
            k_map[block.a + i] = lo + block.b + i
        if block.size >= MIN_BLOCK:
            covered += block.size
    coverage = covered / len(g.chars)
    return TextAlignment("fuzzy" if coverage >= MIN_COVERAGE else "none", coverage, g, r, k_map=k_map)


def _align_visible(g: VisibleText, r: VisibleText, start_at: int = 0) -> TextAlignment:
    if not g.chars or not r.chars:
        return TextAlignment("none", 0.0, g, r)
    if g.chars == r.chars:
        return TextAlignment("exact", 1.0, g, r)
    # A part of a combined PDF: parts come in file order, so look after the previous part first.
    found = r.chars.find(g.chars, start_at)
    if found < 0 and start_at:
        found = r.chars.find(g.chars)
    if found >= 0:
        return TextAlignment("located", 1.0, g, r, offset=found)
    lo, hi = _window(g.chars, r.chars, start_at)
    best = _fuzzy(g, r, lo, hi)
    if not best.ok and (lo, hi) != (0, len(r.chars)):  # a misplaced window: try the whole text
        whole = _fuzzy(g, r, 0, len(r.chars))
        best = whole if whole.coverage > best.coverage else best
    return best


def align_texts(gold_text: str, reviewed_text: str, *, start_at: int = 0) -> TextAlignment:
    """Align a gold document's canonical text with the text the reviewer extracted."""
    return _align_visible(VisibleText.of(gold_text), VisibleText.of(reviewed_text), start_at)


# --- result model -------------------------------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


class PRF(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field
    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @computed_field
    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @computed_field
    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)


class DefectScore(PRF):
    """Findings vs gold defects. ``fn_unreadable``: misses whose gold evidence could not be mapped to reviewed text."""

    fn_unreadable: int = 0

    @computed_field
    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @computed_field
    @property
    def recall_readable(self) -> float | None:
        """Recall over the defects the reviewer could in principle see (their evidence text was read)."""
        return _ratio(self.tp, self.tp + self.fn - self.fn_unreadable)


class RuleScore(DefectScore):
    """Per rule: tp/fn by the gold defect's rule_id, fp by the finding's; ``agree``: matches with the same rule_id."""

    agree: int = 0


class Confusion(BaseModel):
    gold: str
    predicted: str
    count: int


class EntityScore(PRF):
    role_total: int = 0  # matched spans whose gold has a role
    role_correct: int = 0
    role_confusions: list[Confusion] = Field(default_factory=list)

    @computed_field
    @property
    def role_accuracy(self) -> float | None:
        return _ratio(self.role_correct, self.role_total)


class Accuracy(BaseModel):
    total: int = 0
    correct: int = 0

    @computed_field
    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.total)


class DocTypeScore(Accuracy):
    confusions: list[Confusion] = Field(default_factory=list)  # most frequent (gold, predicted) pairs first


class RuleAgreement(BaseModel):
    matched: int = 0
    agree: int = 0

    @computed_field
    @property
    def rate(self) -> float | None:
        return _ratio(self.agree, self.matched)


class FalseAlarms(BaseModel):
    clean_cases: int = 0
    findings: int = 0
    rules: dict[str, int] = Field(default_factory=dict)  # rule_id -> findings on clean cases, most first

    @computed_field
    @property
    def per_clean_case(self) -> float | None:
        return _ratio(self.findings, self.clean_cases)


class UnalignedDocument(BaseModel):
    case_id: str
    document: str
    source: str
    format: str
    reason: str  # no_reviewed_document | file_error | empty_text | low_similarity | empty_gold_text


class AlignmentSummary(BaseModel):
    gold_documents: int = 0
    aligned: int = 0
    by_method: dict[str, int] = Field(default_factory=dict)  # exact / located / fuzzy / none
    unaligned_by_reason: dict[str, int] = Field(default_factory=dict)
    unaligned_by_format: dict[str, int] = Field(default_factory=dict)
    unaligned_documents: list[UnalignedDocument] = Field(default_factory=list)  # the first MAX_LISTED
    reviewed_without_gold: int = 0  # reviewed documents no gold document was aligned to
    evidence_spans: int = 0
    evidence_mapped: int = 0

    @computed_field
    @property
    def evidence_mapped_share(self) -> float | None:
        return _ratio(self.evidence_mapped, self.evidence_spans)


class Throughput(BaseModel):
    cases: int = 0
    documents: int = 0
    pages: int = 0  # PDF pages (other formats have none)
    characters: int = 0
    seconds: float = 0.0  # time inside Reviewer.review_path only
    file_errors: dict[str, int] = Field(default_factory=dict)  # reviewer's reason -> files

    @computed_field
    @property
    def docs_per_s(self) -> float | None:
        return round(self.documents / self.seconds, 2) if self.seconds else None

    @computed_field
    @property
    def chars_per_s(self) -> float | None:
        return round(self.characters / self.seconds, 1) if self.seconds else None


class FormatBreakdown(BaseModel):
    documents: int = 0
    aligned: int = 0
    defects: DefectScore = Field(default_factory=DefectScore)  # fp: findings whose evidence lies in this format
    doc_types: Accuracy = Field(default_factory=Accuracy)
    evidence_spans: int = 0
    evidence_mapped: int = 0


class ScanScore(BaseModel):
    """Scans and combined PDFs (issue #6). ``char_accuracy``: 1 − edits / gold characters over the gold documents
    of scanned PDFs, whitespace ignored, edits ≈ max(gold, read) − matched characters (difflib's matching, a close
    upper bound of the edit distance for OCR's substitution errors); an unaligned scan counts as all wrong.
    ``split``: document boundaries inside combined PDFs (a part's first page, the file's first page excluded)."""

    scanned_documents: int = 0
    gold_chars: int = 0
    char_edits: int = 0
    split: PRF = Field(default_factory=PRF)
    combined_files: int = 0

    @computed_field
    @property
    def char_accuracy(self) -> float | None:
        return None if not self.gold_chars else round(max(0.0, 1 - self.char_edits / self.gold_chars), 4)


class KindBreakdown(BaseModel):
    cases: int = 0
    defects: DefectScore = Field(default_factory=DefectScore)
    doc_types: Accuracy = Field(default_factory=Accuracy)
    false_alarms: FalseAlarms = Field(default_factory=FalseAlarms)


class CaseProblem(BaseModel):
    case_id: str
    problem: str  # gold_invalid | gold_missing | case_folder_missing | reviewer_crashed | evaluation_failed
    detail: str = ""


class CaseResult(BaseModel):
    case_id: str
    kind: str
    clean: bool
    documents: int
    findings: int
    tp: int
    fp: int
    fn: int
    seconds: float


class EvalResult(BaseModel):
    root: str
    versions: dict[str, str] = Field(default_factory=dict)  # the reviewer's engine/rules/statutes versions
    gold_files: int = 0  # gold files found (before ``limit``)
    cases_evaluated: int = 0
    cases_failed: int = 0  # gold invalid, folder missing, reviewer or evaluation crashed
    defects: DefectScore = Field(default_factory=DefectScore)  # micro totals
    by_category: dict[str, DefectScore] = Field(default_factory=dict)
    by_rule: dict[str, RuleScore] = Field(default_factory=dict)
    rule_agreement: RuleAgreement = Field(default_factory=RuleAgreement)
    false_alarms: FalseAlarms = Field(default_factory=FalseAlarms)
    entities: dict[str, EntityScore] = Field(default_factory=dict)
    doc_types: DocTypeScore = Field(default_factory=DocTypeScore)
    alignment: AlignmentSummary = Field(default_factory=AlignmentSummary)
    throughput: Throughput = Field(default_factory=Throughput)
    by_format: dict[str, FormatBreakdown] = Field(default_factory=dict)
    by_kind: dict[str, KindBreakdown] = Field(default_factory=dict)
    scans: ScanScore = Field(default_factory=ScanScore)
    problems: list[CaseProblem] = Field(default_factory=list)
    cases: list[CaseResult] = Field(default_factory=list)


# --- per-case scoring -------------------------------------------------------------------------------------------


def _base(source: str) -> str:
    """``X.pdf#pages=1-3`` -> ``X.pdf``."""
    return source.split("#pages=", 1)[0]


@dataclass
class _Aligned:
    gold: GoldDocument
    reviewed: Document | None = None
    alignment: TextAlignment | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.alignment is not None and self.alignment.ok


@dataclass
class _Tally:
    """Counts of one case or of the whole run; ``merge`` adds another tally in."""

    n: Counter[tuple[str, ...]] = field(default_factory=Counter)
    doc_confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    role_confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    clean_rules: Counter[str] = field(default_factory=Counter)
    clean_rules_by_kind: Counter[tuple[str, str]] = field(default_factory=Counter)
    file_errors: Counter[str] = field(default_factory=Counter)
    align_methods: Counter[str] = field(default_factory=Counter)
    unaligned: list[UnalignedDocument] = field(default_factory=list)
    seconds: float = 0.0

    def merge(self, other: _Tally) -> None:
        self.n.update(other.n)
        self.doc_confusions.update(other.doc_confusions)
        self.role_confusions.update(other.role_confusions)
        self.clean_rules.update(other.clean_rules)
        self.clean_rules_by_kind.update(other.clean_rules_by_kind)
        self.file_errors.update(other.file_errors)
        self.align_methods.update(other.align_methods)
        self.unaligned.extend(other.unaligned)
        self.seconds += other.seconds


def _align_case(gold: GoldCase, case: CaseFile, visible: dict[str, VisibleText]) -> dict[str, _Aligned]:
    by_source = {d.source: d for d in case.documents}
    by_base: dict[str, list[Document]] = defaultdict(list)
    for doc in case.documents:
        by_base[_base(doc.source)].append(doc)
    error_sources = {_base(e.source) for e in case.errors}
    cursors: dict[str, int] = {}  # reviewed doc id -> visible index after the last part located in it
    out: dict[str, _Aligned] = {}
    for gd in gold.documents:
        item = _Aligned(gd)
        out[gd.id] = item
        candidates = [by_source[gd.source]] if gd.source in by_source else by_base.get(_base(gd.source), [])
        if not candidates:
            base = _base(gd.source)
            # The file itself, or the archive it sits in, could not be read.
            unreadable = any(base == e or base.startswith(e + "/") for e in error_sources)
            item.reason = "file_error" if unreadable else "no_reviewed_document"
            continue
        g = VisibleText.of(gd.text)
        for rd in candidates:
            r = visible[rd.id]
            al = _align_visible(g, r, cursors.get(rd.id, 0))
            if item.alignment is None or al.coverage > item.alignment.coverage:
                item.reviewed, item.alignment = rd, al
        assert item.reviewed is not None and item.alignment is not None
        if item.alignment.ok:
            region = item.alignment.region()
            if region:
                cursors[item.reviewed.id] = region[1]
        elif not g.chars:
            item.reason = "empty_gold_text"
        elif not item.alignment.reviewed.chars:
            item.reason = "empty_text"
        else:
            item.reason = "low_similarity"
    return out


Span = tuple[str, int, int]  # (reviewed document id, ks, ke) in that document's visible index


def _overlap(a: Span, b: Span) -> int | None:
    """Overlap in characters (>= 1) of two spans of the same document, None when they do not overlap."""
    if a[0] != b[0]:
        return None
    if a[1] == a[2] or b[1] == b[2]:  # an empty span is a point: it overlaps what contains it
        point, other = (a, b) if a[1] == a[2] else (b, a)
        return 1 if other[1] <= point[1] <= other[2] else None
    ov = min(a[2], b[2]) - max(a[1], b[1])
    return ov if ov > 0 else None


def _finding_spans(finding: Finding, visible: dict[str, VisibleText]) -> list[Span]:
    spans: list[Span] = []
    for ev in finding.evidence:
        if ev.document in visible:
            ks, ke = visible[ev.document].k_range(ev.start, ev.end)
            spans.append((ev.document, ks, ke))
    return spans


def _format_of_span(span: Span, aligned: dict[str, _Aligned]) -> str:
    """The gold format of the document a reviewed span lies in (a combined PDF's part by region)."""
    formats = []
    for item in aligned.values():
        if item.reviewed is None or item.reviewed.id != span[0]:
            continue
        region = item.alignment.region() if item.alignment else None
        if region and region[0] <= span[1] < max(region[1], region[0] + 1):
            return item.gold.format
        formats.append(item.gold.format)
    return formats[0] if len(set(formats)) == 1 else "unknown"


def _score_defects(
    gold: GoldCase, case: CaseFile, aligned: dict[str, _Aligned], visible: dict[str, VisibleText], t: _Tally
) -> tuple[int, int, int]:
    doc_format = {d.id: d.format for d in gold.documents}
    kind = gold.kind
    # Map every defect's evidence onto reviewed text.
    defect_spans: list[list[Span]] = []
    readable: list[bool] = []
    for defect in gold.defects:
        spans: list[Span] = []
        mapped = 0
        for ev in defect.evidence:
            item = aligned.get(ev.document)
            fmt = doc_format.get(ev.document, "unknown")
            t.n["evidence", fmt, "total"] += 1
            m = item.alignment.map_k(ev.start, ev.end) if item and item.ok and item.alignment else None
            if m is None or item is None or item.reviewed is None:
                continue
            spans.append((item.reviewed.id, m[0], m[1]))
            if m[2] >= MIN_MAPPED_SHARE:
                mapped += 1
                t.n["evidence", fmt, "mapped"] += 1
        defect_spans.append(spans)
        doc_item = aligned.get(defect.document)
        readable.append(mapped > 0 if defect.evidence else bool(doc_item and doc_item.ok))

    finding_spans = [_finding_spans(f, visible) for f in case.findings]
    pairs: list[tuple[bool, int, int, int]] = []
    for di, defect in enumerate(gold.defects):
        for fi, finding in enumerate(case.findings):
            if finding.category != defect.category:
                continue
            score = _defect_overlap(defect, defect_spans[di], finding_spans[fi], aligned)
            if score is not None:
                pairs.append((finding.rule_id != defect.rule_id, -score, di, fi))
    pairs.sort()
    match_of_defect: dict[int, int] = {}
    used_findings: set[int] = set()
    for _, _, di, fi in pairs:
        if di not in match_of_defect and fi not in used_findings:
            match_of_defect[di] = fi
            used_findings.add(fi)

    tp = fn = fp = 0
    for di, defect in enumerate(gold.defects):
        fmt = doc_format.get(defect.document, "unknown")
        keys = [("all",), ("cat", defect.category), ("rule", defect.rule_id), ("fmt", fmt), ("kind", kind)]
        if di in match_of_defect:
            tp += 1
            outcome = "tp"
            agree = case.findings[match_of_defect[di]].rule_id == defect.rule_id
            t.n["agreement", "matched"] += 1
            if agree:
                t.n["agreement", "agree"] += 1
                t.n["rule", defect.rule_id, "agree"] += 1
        else:
            fn += 1
            outcome = "fn"
        for key in keys:
            t.n[(*key, outcome)] += 1
            if outcome == "fn" and not readable[di]:
                t.n[(*key, "fn_unreadable")] += 1
    for fi, finding in enumerate(case.findings):
        if fi in used_findings:
            continue
        fp += 1
        fmt = _format_of_span(finding_spans[fi][0], aligned) if finding_spans[fi] else "unknown"
        for key in (("all",), ("cat", str(finding.category)), ("rule", finding.rule_id), ("fmt", fmt), ("kind", kind)):
            t.n[(*key, "fp")] += 1
    if gold.clean:
        t.n["clean", kind, "cases"] += 1
        t.n["clean", kind, "findings"] += len(case.findings)
        for finding in case.findings:
            t.clean_rules[finding.rule_id] += 1
            t.clean_rules_by_kind[kind, finding.rule_id] += 1
    return tp, fp, fn


def _defect_overlap(
    defect: GoldDefect, spans: list[Span], finding_spans: list[Span], aligned: dict[str, _Aligned]
) -> int | None:
    """How well a finding's evidence overlaps a defect's (None: no match). A defect without evidence spans is
    matched at document level: any finding evidence in its document, or a finding without evidence."""
    if not defect.evidence:
        item = aligned.get(defect.document)
        if not finding_spans:
            return 0
        if item and item.reviewed and any(s[0] == item.reviewed.id for s in finding_spans):
            return 0
        return None
    best: int | None = None
    for gs in spans:
        for fs in finding_spans:
            ov = _overlap(gs, fs)
            if ov is not None:
                best = ov if best is None else max(best, ov)
    if best is None and not spans:
        # None of the gold evidence could be mapped (a scan without OCR): a finding pointing into the same
        # document is the best the text allows, so it matches at document level.
        for ev in defect.evidence:
            item = aligned.get(ev.document)
            if item and item.reviewed and any(fs[0] == item.reviewed.id for fs in finding_spans):
                return 0
    return best


def _score_entities(aligned: dict[str, _Aligned], visible: dict[str, VisibleText], t: _Tally) -> None:
    gold_keys: dict[str, Counter[Span]] = defaultdict(Counter)
    gold_roles: dict[Span, list[str]] = defaultdict(list)
    regions: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for item in aligned.values():
        if not item.ok or item.reviewed is None or item.alignment is None:
            continue  # only aligned documents count
        rid = item.reviewed.id
        region = item.alignment.region()
        if region:
            regions[rid].append(region)
        for ent in item.gold.entities:
            t.n["ent", ent.type, "gold"] += 1
            m = item.alignment.map_k(ent.start, ent.end)
            if m is None:
                continue  # unmapped gold entity: stays a miss
            key: Span = (rid, m[0], m[1])
            gold_keys[ent.type][key] += 1
            if ent.type == "PERSON" and ent.role:
                gold_roles[key].append(ent.role)
    reviewed_docs = {item.reviewed.id: item.reviewed for item in aligned.values() if item.ok and item.reviewed}
    pred_keys: dict[str, set[Span]] = defaultdict(set)
    pred_roles: dict[Span, set[str]] = defaultdict(set)
    for rid, doc in reviewed_docs.items():
        vis = visible[rid]
        for ent in doc.entities:
            ks, ke = vis.k_range(ent.start, ent.end)
            if not any(lo <= ks and ke <= hi for lo, hi in regions[rid]):
                continue  # text of a part no gold document aligned to
            key = (rid, ks, ke)
            etype = str(ent.type)
            pred_keys[etype].add(key)
            if etype == "PERSON" and ent.role:
                pred_roles[key].add(str(ent.role))
    for etype in set(gold_keys) | set(pred_keys):
        t.n["ent", etype, "pred"] += len(pred_keys[etype])
        matched = [key for key in gold_keys[etype] if key in pred_keys[etype]]
        t.n["ent", etype, "tp"] += len(matched)  # a duplicated gold span matches once; the copy stays a miss
        if etype != "PERSON":
            continue
        for key in matched:
            for role in gold_roles.get(key, [])[:1]:
                t.n["ent", etype, "role_total"] += 1
                if role in pred_roles[key]:
                    t.n["ent", etype, "role_correct"] += 1
                else:
                    t.role_confusions[role, "/".join(sorted(pred_roles[key])) or "none"] += 1


def _score_case(gold: GoldCase, case: CaseFile, seconds: float) -> tuple[_Tally, CaseResult]:
    t = _Tally(seconds=seconds)
    kind = gold.kind
    visible = {d.id: VisibleText.of(d.text) for d in case.documents}
    aligned = _align_case(gold, case, visible)

    used_reviewed: set[str] = set()
    for item in aligned.values():
        gd = item.gold
        t.n["docs", gd.format, "total"] += 1
        method = item.alignment.method if item.alignment else "none"
        t.align_methods[method] += 1
        if item.ok:
            t.n["docs", gd.format, "aligned"] += 1
            assert item.reviewed is not None
            used_reviewed.add(item.reviewed.id)
        else:
            reason = item.reason or "low_similarity"
            t.n["unaligned", reason] += 1
            t.n["unaligned_fmt", gd.format] += 1
            t.unaligned.append(
                UnalignedDocument(
                    case_id=gold.case_id, document=gd.id, source=gd.source, format=gd.format, reason=reason
                )
            )
        predicted = item.reviewed.doc_type if item.reviewed else MISSING_DOC_TYPE
        correct = int(predicted == gd.doc_type)
        for key in (("doctype", "all"), ("doctype", "fmt", gd.format), ("doctype", "kind", kind)):
            t.n[(*key, "total")] += 1
            t.n[(*key, "correct")] += correct
        if not correct:
            t.doc_confusions[gd.doc_type, predicted] += 1
    t.n["reviewed_without_gold",] += sum(1 for d in case.documents if d.id not in used_reviewed)
    _score_scans(gold, case, aligned, t)

    tp, fp, fn = _score_defects(gold, case, aligned, visible, t)
    _score_entities(aligned, visible, t)

    t.n["kind", kind, "cases"] += 1
    t.n["cases",] += 1
    t.n["throughput", "documents"] += len(case.documents)
    t.n["throughput", "pages"] += sum(d.pages or 0 for d in case.documents)
    t.n["throughput", "characters"] += sum(len(d.text) for d in case.documents)
    for error in case.errors:
        t.file_errors[error.reason] += 1
    result = CaseResult(
        case_id=gold.case_id,
        kind=kind,
        clean=gold.clean,
        documents=len(case.documents),
        findings=len(case.findings),
        tp=tp,
        fp=fp,
        fn=fn,
        seconds=round(seconds, 4),
    )
    return t, result


def _char_edits(item: _Aligned) -> tuple[int, int]:
    """(gold visible characters, approximate edits) of one gold document against the text read for it."""
    g = VisibleText.of(item.gold.text).chars
    al = item.alignment
    if al is None or not al.ok:
        return len(g), len(g)
    if al.k_map is None:
        return len(g), 0
    region = al.region()
    matched = sum(1 for k in al.k_map if k >= 0)
    read = region[1] - region[0] if region else 0
    return len(g), max(len(g), read) - matched


def _score_scans(gold: GoldCase, case: CaseFile, aligned: dict[str, _Aligned], t: _Tally) -> None:
    for item in aligned.values():
        if item.gold.format == "scanned_pdf":
            chars, edits = _char_edits(item)
            t.n["scan", "docs"] += 1
            t.n["scan", "chars"] += chars
            t.n["scan", "edits"] += edits
    gold_starts: dict[str, set[int]] = defaultdict(set)
    for gd in gold.documents:
        base, _, pages = gd.source.partition("#pages=")
        if pages:
            gold_starts[base].add(int(pages.split("-")[0]))
    for base, starts in gold_starts.items():
        predicted = set()
        for doc in case.documents:
            doc_base, _, pages = doc.source.partition("#pages=")
            if doc_base == base and pages:
                predicted.add(int(pages.split("-")[0]))
        truth, found = starts - {1}, predicted - {1}
        t.n["scan", "files"] += 1
        t.n["scan", "split_tp"] += len(truth & found)
        t.n["scan", "split_fp"] += len(found - truth)
        t.n["scan", "split_fn"] += len(truth - found)


def _check_gold(gold: GoldCase) -> str:
    """Problems that make a gold file unusable ("" when none)."""
    docs = {d.id: d for d in gold.documents}
    if len(docs) != len(gold.documents):
        return "文书编号重复"
    for d in gold.documents:
        for e in d.entities:
            if not 0 <= e.start <= e.end <= len(d.text):
                return f"{d.id} 实体偏移越界（{e.start}-{e.end}）"
    for defect in gold.defects:
        if defect.document not in docs:
            return f"问题 {defect.rule_id} 指向不存在的文书 {defect.document}"
        for ev in defect.evidence:
            doc = docs.get(ev.document)
            if doc is None:
                return f"问题 {defect.rule_id} 的证据指向不存在的文书 {ev.document}"
            if not 0 <= ev.start <= ev.end <= len(doc.text):
                return f"问题 {defect.rule_id} 的证据偏移越界（{ev.start}-{ev.end}）"
    return ""


# --- the corpus run -----------------------------------------------------------------------------------------------


def _discover(root: Path) -> tuple[list[tuple[str, Path]], list[CaseProblem]]:
    gold_files = {
        p.name[: -len(GOLD_SUFFIX)]: p for p in root.iterdir() if p.name.endswith(GOLD_SUFFIX) and p.is_file()
    }
    problems = [
        CaseProblem(case_id=p.name, problem="gold_missing", detail="案件文件夹旁没有金标文件，未评测")
        for p in root.iterdir()
        if p.is_dir() and not p.name.startswith((".", "_")) and p.name not in gold_files
    ]
    entries = sorted(gold_files.items(), key=lambda item: natural_key(item[0]))
    problems.sort(key=lambda p: natural_key(p.case_id))
    return entries, problems


def evaluate_corpus(
    root: Path,
    reviewer: Reviewer | None = None,
    *,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> EvalResult:
    """Review every case folder of ``root`` that has a gold file and score the reviews.

    ``limit`` evaluates only the first N gold files (natural order); ``progress(done, total)`` is called after each.
    A broken gold file, a missing folder or a reviewer crash is recorded in ``problems`` and the run goes on.
    """
    root = Path(root)
    if not root.is_dir():
        raise NotADirectoryError(f"语料目录不存在：{root}")
    entries, problems = _discover(root)
    result = EvalResult(root=str(root), gold_files=len(entries))
    if limit is not None:
        entries = entries[: max(0, limit)]
    if reviewer is None:
        from nlp.reviewer import Reviewer

        reviewer = Reviewer()
    total = _Tally()
    cases: list[CaseResult] = []
    failed = 0
    for done, (case_id, gold_path) in enumerate(entries, start=1):
        problem = _evaluate_one(root, case_id, gold_path, reviewer, total, cases)
        if problem:
            problems.append(problem)
            failed += 1
        if progress:
            progress(done, len(entries))
    result.cases_evaluated = len(cases)
    result.cases_failed = failed
    result.problems = sorted(problems, key=lambda p: natural_key(p.case_id))
    versions = getattr(reviewer, "versions", None)
    result.versions = versions() if callable(versions) else {}
    result.cases = cases
    _fill(result, total)
    return result


def _evaluate_one(
    root: Path, case_id: str, gold_path: Path, reviewer: Reviewer, total: _Tally, cases: list[CaseResult]
) -> CaseProblem | None:
    try:
        gold = GoldCase.model_validate_json(gold_path.read_bytes())
    except (OSError, ValueError) as exc:  # pydantic's ValidationError is a ValueError
        return CaseProblem(case_id=case_id, problem="gold_invalid", detail=_short(exc))
    if gold.case_id != case_id:
        return CaseProblem(
            case_id=case_id, problem="gold_invalid", detail=f"金标 case_id 为 {gold.case_id}，与文件名不符"
        )
    issue = _check_gold(gold)
    if issue:
        return CaseProblem(case_id=case_id, problem="gold_invalid", detail=issue)
    folder = root / case_id
    if not folder.is_dir():
        return CaseProblem(case_id=case_id, problem="case_folder_missing", detail="有金标文件但没有案件文件夹")
    started = time.perf_counter()
    try:
        case = reviewer.review_path(folder)
    except Exception as exc:  # one crashing case must not stop the run
        return CaseProblem(case_id=case_id, problem="reviewer_crashed", detail=_short(exc))
    seconds = time.perf_counter() - started
    try:
        tally, case_result = _score_case(gold, case, seconds)
    except Exception as exc:  # a scoring bug on odd gold: report it, keep the totals clean
        return CaseProblem(case_id=case_id, problem="evaluation_failed", detail=_short(exc))
    total.merge(tally)
    cases.append(case_result)
    return None


def _short(exc: BaseException) -> str:
    """One line for the report: pydantic errors as "loc: msg", anything else with its type name."""
    if isinstance(exc, ValidationError):
        text = "；".join(f"{'.'.join(map(str, e['loc'])) or '(根)'}: {e['msg']}" for e in exc.errors()[:3])
    else:
        text = f"{type(exc).__name__}: {exc}"
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:297] + "..."


def _defect_score(
    n: Counter[tuple[str, ...]], key: tuple[str, ...], cls: type[DefectScore] = DefectScore
) -> DefectScore:
    return cls(tp=n[(*key, "tp")], fp=n[(*key, "fp")], fn=n[(*key, "fn")], fn_unreadable=n[(*key, "fn_unreadable")])


def _confusions(counter: Counter[tuple[str, str]], top: int = 20) -> list[Confusion]:
    return [Confusion(gold=g, predicted=p, count=c) for (g, p), c in counter.most_common(top)]


def _fill(result: EvalResult, t: _Tally) -> None:
    n = t.n
    result.scans = ScanScore(
        scanned_documents=n["scan", "docs"],
        gold_chars=n["scan", "chars"],
        char_edits=n["scan", "edits"],
        split=PRF(tp=n["scan", "split_tp"], fp=n["scan", "split_fp"], fn=n["scan", "split_fn"]),
        combined_files=n["scan", "files"],
    )
    result.defects = _defect_score(n, ("all",))
    result.by_category = {c: _defect_score(n, ("cat", c)) for c in CATEGORIES}
    for extra in sorted({k[1] for k in n if k[0] == "cat"} - set(CATEGORIES)):
        result.by_category[extra] = _defect_score(n, ("cat", extra))  # a category outside the seven: keep it visible
    rules = sorted({k[1] for k in n if k[0] == "rule"}, key=natural_key)
    result.by_rule = {
        r: RuleScore(
            tp=n["rule", r, "tp"],
            fp=n["rule", r, "fp"],
            fn=n["rule", r, "fn"],
            fn_unreadable=n["rule", r, "fn_unreadable"],
            agree=n["rule", r, "agree"],
        )
        for r in rules
    }
    result.rule_agreement = RuleAgreement(matched=n["agreement", "matched"], agree=n["agreement", "agree"])
    kinds = sorted({k[1] for k in n if k[0] == "kind"})
    result.false_alarms = FalseAlarms(
        clean_cases=sum(n["clean", k, "cases"] for k in kinds),
        findings=sum(n["clean", k, "findings"] for k in kinds),
        rules=dict(t.clean_rules.most_common()),
    )
    types = sorted({k[1] for k in n if k[0] == "ent" and n["ent", k[1], "gold"]})
    result.entities = {}
    for etype in types:
        gold, pred, tp = n["ent", etype, "gold"], n["ent", etype, "pred"], n["ent", etype, "tp"]
        result.entities[etype] = EntityScore(
            tp=tp,
            fp=pred - tp,
            fn=gold - tp,
            role_total=n["ent", etype, "role_total"],
            role_correct=n["ent", etype, "role_correct"],
            role_confusions=_confusions(t.role_confusions, 10) if etype == "PERSON" else [],
        )
    result.doc_types = DocTypeScore(
        total=n["doctype", "all", "total"],
        correct=n["doctype", "all", "correct"],
        confusions=_confusions(t.doc_confusions),
    )
    formats = sorted({k[1] for k in n if k[0] == "docs"})
    result.alignment = AlignmentSummary(
        gold_documents=sum(n["docs", f, "total"] for f in formats),
        aligned=sum(n["docs", f, "aligned"] for f in formats),
        by_method=dict(t.align_methods.most_common()),
        unaligned_by_reason={k[1]: c for k, c in sorted(n.items()) if k[0] == "unaligned" and c},
        unaligned_by_format={k[1]: c for k, c in sorted(n.items()) if k[0] == "unaligned_fmt" and c},
        unaligned_documents=t.unaligned[:MAX_LISTED],
        reviewed_without_gold=n["reviewed_without_gold",],
        evidence_spans=sum(c for k, c in n.items() if k[0] == "evidence" and k[2] == "total"),
        evidence_mapped=sum(c for k, c in n.items() if k[0] == "evidence" and k[2] == "mapped"),
    )
    result.throughput = Throughput(
        cases=n["cases",],
        documents=n["throughput", "documents"],
        pages=n["throughput", "pages"],
        characters=n["throughput", "characters"],
        seconds=round(t.seconds, 3),
        file_errors=dict(t.file_errors.most_common()),
    )
    all_formats = sorted(set(formats) | {k[1] for k in n if k[0] == "fmt"})
    result.by_format = {
        f: FormatBreakdown(
            documents=n["docs", f, "total"],
            aligned=n["docs", f, "aligned"],
            defects=_defect_score(n, ("fmt", f)),
            doc_types=Accuracy(total=n["doctype", "fmt", f, "total"], correct=n["doctype", "fmt", f, "correct"]),
            evidence_spans=n["evidence", f, "total"],
            evidence_mapped=n["evidence", f, "mapped"],
        )
        for f in all_formats
    }
    result.by_kind = {
        k: KindBreakdown(
            cases=n["kind", k, "cases"],
            defects=_defect_score(n, ("kind", k)),
            doc_types=Accuracy(total=n["doctype", "kind", k, "total"], correct=n["doctype", "kind", k, "correct"]),
            false_alarms=FalseAlarms(
                clean_cases=n["clean", k, "cases"],
                findings=n["clean", k, "findings"],
                rules={r: c for (kk, r), c in t.clean_rules_by_kind.most_common() if kk == k},
            ),
        )
        for k in kinds
    }


# --- text report --------------------------------------------------------------------------------------------------


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    """Columns padded by display width (CJK counts two); the first column left-aligned, numbers right-aligned."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for r, row in enumerate(cells):
        parts = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            parts.append(cell + pad if i == 0 else pad + cell)
        lines.append("  ".join(parts).rstrip())
        if r == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _defect_row(label: str, s: DefectScore) -> list[object]:
    return [
        label,
        s.gold,
        s.tp,
        s.fp,
        s.fn,
        _pct(s.precision),
        _pct(s.recall),
        _pct(s.f1),
        s.fn_unreadable,
        _pct(s.recall_readable),
    ]


_METHOD_ZH = {"exact": "去空白后一致", "located": "在合并文本中定位", "fuzzy": "模糊对齐", "none": "未对齐"}
_DEFECT_HEADERS = ["金标", "TP", "FP", "FN", "精确率", "召回率", "F1", "不可读漏报", "可读召回"]


def format_eval(result: EvalResult) -> str:
    """A plain-text report for a person: the tables of ``result`` with Chinese headings."""
    out: list[str] = [f"卷审语料评测：{result.root}"]
    fa = result.false_alarms
    out.append(
        f"金标文件 {result.gold_files} 个，已评测案件 {result.cases_evaluated} 个"
        f"（其中无问题案件 {fa.clean_cases} 个），评测失败 {result.cases_failed} 个"
    )

    out += ["", "【问题发现 · 按类别】（一条发现与一个金标问题匹配：类别相同且证据在同一文书中重叠）"]
    rows = [_defect_row(f"{_CATEGORY_ZH.get(c, '')} {c}".strip(), s) for c, s in result.by_category.items()]
    rows.append(_defect_row("合计（微平均）", result.defects))
    out += _table(["类别", *_DEFECT_HEADERS], rows)

    out += ["", "【问题发现 · 按规则】（TP/FN 按金标规则计，FP 按发现的规则计）"]
    if result.by_rule:
        rule_rows = [[*_defect_row(r, s), s.agree] for r, s in result.by_rule.items()]
        out += _table(["规则", *_DEFECT_HEADERS, "规则一致"], rule_rows)
    ra = result.rule_agreement
    out.append(f"规则编号一致率：{ra.agree}/{ra.matched}（{_pct(ra.rate)}）")

    out += ["", "【无问题案件的误报】"]
    per = "—" if fa.per_clean_case is None else f"{fa.per_clean_case:.2f}"
    out.append(f"平均每案误报 {per} 条（共 {fa.findings} 条 / {fa.clean_cases} 个无问题案件）")
    if fa.rules:
        out.append("误报规则：" + "，".join(f"{r} ×{c}" for r, c in fa.rules.items()))

    sc = result.scans
    if sc.scanned_documents or sc.combined_files:
        out += ["", "【扫描件与合并PDF】"]
        if sc.scanned_documents:
            accuracy = _pct(sc.char_accuracy)
            out.append(f"扫描件文书 {sc.scanned_documents} 份，字符准确率 {accuracy}（{sc.gold_chars} 字）")
        if sc.combined_files:
            split = sc.split
            out.append(
                f"合并PDF {sc.combined_files} 个，文书分界：精确率 {_pct(split.precision)}，"
                f"召回率 {_pct(split.recall)}，F1 {_pct(split.f1)}（TP {split.tp} / FP {split.fp} / FN {split.fn}）"
            )

    al = result.alignment
    out += ["", "【文书对齐与证据可读性】"]
    out.append(
        f"金标文书 {al.gold_documents} 份，已对齐 {al.aligned} 份；方法："
        + "，".join(f"{_METHOD_ZH.get(m, m)} {c}" for m, c in al.by_method.items())
    )
    out.append(
        f"金标证据片段 {al.evidence_spans} 个，可映射到审查文本 {al.evidence_mapped} 个"
        f"（{_pct(al.evidence_mapped_share)}）"
    )
    if al.unaligned_by_reason:
        reasons = {
            "no_reviewed_document": "审查结果中无此文书",
            "file_error": "文件无法读取",
            "empty_text": "无文字（扫描件未OCR）",
            "low_similarity": "文本差异过大",
            "empty_gold_text": "金标文本为空",
        }
        out.append(
            "未对齐："
            + "，".join(f"{reasons.get(r, r)} {c}" for r, c in al.unaligned_by_reason.items())
            + "；按格式："
            + "，".join(f"{f} {c}" for f, c in al.unaligned_by_format.items())
        )
        for u in al.unaligned_documents[:10]:
            out.append(f"  {u.case_id} {u.document} {u.source}（{u.format}）：{reasons.get(u.reason, u.reason)}")
    if al.reviewed_without_gold:
        out.append(f"审查结果中另有 {al.reviewed_without_gold} 份文书未对应任何金标文书")

    out += ["", "【实体识别】（严格边界，只计已对齐文书）"]
    ent_rows = [
        [etype, s.tp + s.fn, s.tp + s.fp, s.tp, _pct(s.precision), _pct(s.recall), _pct(s.f1), _pct(s.role_accuracy)]
        for etype, s in result.entities.items()
    ]
    out += _table(["类型", "金标", "识别", "TP", "精确率", "召回率", "F1", "角色准确率"], ent_rows)
    person = result.entities.get("PERSON")
    if person and person.role_confusions:
        out.append("人员角色混淆：" + "，".join(f"{c.gold}→{c.predicted} ×{c.count}" for c in person.role_confusions))

    dt = result.doc_types
    out += ["", "【文书类型】"]
    out.append(f"准确率 {_pct(dt.accuracy)}（{dt.correct}/{dt.total}）")
    if dt.confusions:
        out.append("主要混淆（金标 → 识别）：")
        out += [f"  {c.gold} → {c.predicted} ×{c.count}" for c in dt.confusions[:10]]

    out += ["", "【按文件格式】"]
    fmt_rows = [
        [
            f,
            b.documents,
            b.aligned,
            b.defects.gold,
            b.defects.tp,
            b.defects.fp,
            _pct(b.defects.recall),
            _pct(b.defects.recall_readable),
            _pct(b.doc_types.accuracy),
            f"{b.evidence_mapped}/{b.evidence_spans}",
        ]
        for f, b in result.by_format.items()
    ]
    out += _table(
        ["格式", "文书", "已对齐", "金标问题", "TP", "FP", "召回率", "可读召回", "类型准确率", "证据可映射"], fmt_rows
    )

    out += ["", "【按案件类型】"]
    kind_zh = {"criminal": "刑事", "administrative": "行政"}
    kind_rows = [
        [
            kind_zh.get(k, k),
            b.cases,
            b.defects.gold,
            b.defects.tp,
            b.defects.fp,
            b.defects.fn,
            _pct(b.defects.precision),
            _pct(b.defects.recall),
            _pct(b.defects.f1),
            _pct(b.doc_types.accuracy),
            "—" if b.false_alarms.per_clean_case is None else f"{b.false_alarms.per_clean_case:.2f}",
        ]
        for k, b in result.by_kind.items()
    ]
    out += _table(
        [
            "类型",
            "案件",
            "金标问题",
            "TP",
            "FP",
            "FN",
            "精确率",
            "召回率",
            "F1",
            "文书类型准确率",
            "无问题案件平均误报",
        ],
        kind_rows,
    )

    tp = result.throughput
    out += ["", "【吞吐】（只计审查耗时）"]
    out.append(
        f"案件 {tp.cases}，文书 {tp.documents}，PDF页 {tp.pages}，字符 {tp.characters}，耗时 {tp.seconds:.2f} 秒；"
        f"{tp.docs_per_s if tp.docs_per_s is not None else '—'} 份/秒，"
        f"{tp.chars_per_s if tp.chars_per_s is not None else '—'} 字/秒"
    )
    if tp.file_errors:
        out.append(f"文件读取错误 {sum(tp.file_errors.values())} 个：")
        out += [f"  {reason} ×{count}" for reason, count in tp.file_errors.items()]

    if result.problems:
        names = {
            "gold_invalid": "金标文件无效",
            "gold_missing": "缺少金标文件",
            "case_folder_missing": "缺少案件文件夹",
            "reviewer_crashed": "审查程序出错",
            "evaluation_failed": "评测出错",
        }
        out += ["", f"【评测问题】{len(result.problems)} 个"]
        out += [f"  {p.case_id}：{names.get(p.problem, p.problem)} {p.detail}".rstrip() for p in result.problems]
    return "\n".join(out) + "\n"


# --- command line -------------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpora.evaluate", description="卷审：按金标评测生成语料")
    parser.add_argument("root", type=Path, help="语料目录：每案一个文件夹，旁边是 <案件编号>.gold.json")
    parser.add_argument("--limit", type=int, default=None, help="只评测前 N 个案件")
    parser.add_argument("--json", type=Path, default=None, dest="json_out", help="把完整结果写成 JSON 文件")
    parser.add_argument("--quiet", action="store_true", help="不显示进度")
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        sys.stderr.write(f"找不到语料目录：{args.root}\n")
        return 2

    def show(done: int, total: int) -> None:
        sys.stderr.write(f"\r已评测 {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    result = evaluate_corpus(args.root, limit=args.limit, progress=None if args.quiet else show)
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(result.model_dump_json(indent=2) + "\n", encoding="utf-8")
    sys.stdout.write(format_eval(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
