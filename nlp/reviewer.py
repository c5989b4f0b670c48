"""The Reviewer: one orchestrator from files to findings — parse, classify, extract, link, check.

Pure library code: no web, no database. The CLI and the API both call ``Reviewer.review_*``.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from nlp import __version__, extractors, registry
from nlp import statutes as statutes_pkg
from nlp.case.linking import link_persons
from nlp.case.persons import PersonMention, find_mentions, mention_entities
from nlp.case.view import CaseView
from nlp.doctypes.classify import classify
from nlp.doctypes.fields import extract_fields
from nlp.labels import SEVERITY_RANK, FileFormat, Severity
from nlp.ner.entities import ner_scope
from nlp.ner.select import review_backend
from nlp.parsers.loader import LoadedCase, LoadedFile, load_case, load_uploads
from nlp.parsers.split import split_parsed
from nlp.rules.campaigns import select_rules
from nlp.rules.engine import load_rules, rules_version
from nlp.rules.model import Rule
from nlp.schema import CaseFile, CatalogueEntry, Document, Evidence, Finding
from nlp.settings import ReviewSettings
from nlp.statutes.db import StatuteDB

log = logging.getLogger(__name__)


@cache
def _statutes_version() -> str:
    """A digest of the bundled statute data, so a report names the exact texts its citations were checked against."""
    data = Path(statutes_pkg.__file__).parent / "data"
    digest = hashlib.sha256()
    for path in sorted(p for p in data.rglob("*") if p.is_file()):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


class Reviewer:
    def __init__(self, settings: ReviewSettings | None = None, rules: list[Rule] | None = None) -> None:
        self.settings = settings or ReviewSettings()
        self.rules = [r for r in (rules if rules is not None else load_rules()) if r.enabled]
        self.statutes = StatuteDB.load()
        extractors.load_all()
        # The NER model runs on every document: load it here, at start-up, so the first review (the API's first
        # request) does not pay for importing spaCy and reading the weights. None when these settings turn it off.
        self.ner = review_backend(self.settings)
        # Stamped on every report; the rule files are read once here, not on each review.
        self._versions = {"engine": __version__, "rules": rules_version(), "statutes": _statutes_version()}

    # --- entry points -------------------------------------------------------------------------------------
    # `campaign` names a campaign rule set (nlp/rules/campaigns); None runs every rule.
    def review_path(self, path: Path, case_id: str | None = None, campaign: str | None = None) -> CaseFile:
        loaded = load_case(Path(path))
        return self._review(loaded, case_id or Path(path).name, root=str(path), campaign=campaign)

    def review_uploads(
        self, items: list[tuple[str, bytes]], case_id: str = "upload", campaign: str | None = None
    ) -> CaseFile:
        return self._review(load_uploads(items), case_id, campaign=campaign)

    def review_texts(self, documents: Iterable[tuple[str, str]], case_id: str = "texts") -> CaseFile:
        """Review in-memory texts (name, text); used by rule examples and tests."""
        items = [(name, text.encode("utf-8")) for name, text in documents]
        return self._review(load_uploads(items), case_id)

    # --- stages -------------------------------------------------------------------------------------------
    def _review(self, loaded: LoadedCase, case_id: str, root: str = "", campaign: str | None = None) -> CaseFile:
        started = time.perf_counter()
        rules = select_rules(self.rules, campaign)  # an unknown campaign fails here, before any parsing
        case = CaseFile(case_id=case_id, root=root, errors=list(loaded.errors), campaign=campaign or None)
        persons: list[PersonMention] = []
        docs = [self._document(f"D{i + 1:02d}", f) for i, f in enumerate(_split(loaded.files))]
        with ner_scope(self.ner, (d.text for d in docs)):  # NER over all documents in one batch
            for doc in docs:
                persons.extend(self._enrich(doc))
                case.documents.append(doc)
        link_persons(persons, case.documents)  # person_id only: the rules read the mentions as before
        case.catalogue = catalogue(case.documents)
        view = CaseView(case=case, persons=persons, settings=self.settings, statutes=self.statutes)
        case.findings = flag_low_confidence(case, self._check(view, case, rules), self.settings.ocr_low_confidence)
        case.versions = self.versions()
        log.info(
            "reviewed case: %d documents, %d errors, %d findings in %.2fs",
            len(case.documents),
            len(case.errors),
            len(case.findings),
            time.perf_counter() - started,
        )
        return case

    def _document(self, doc_id: str, loaded: LoadedFile) -> Document:
        parsed = loaded.parsed
        doc = Document(
            id=doc_id,
            source=loaded.source,
            format=parsed.format,
            sha256=loaded.sha256,
            pages=parsed.pages,
            text=parsed.text,
            blocks=parsed.blocks,
            soft_breaks=parsed.soft_breaks,
            warnings=list(parsed.warnings),
            page_info=parsed.page_info,
        )
        result = classify(doc.text, loaded.source)
        doc.doc_type, doc.doc_type_zh = result.doc_type, result.name_zh
        doc.title, doc.doc_type_confidence, doc.doc_type_method = result.title, result.confidence, result.method
        return doc

    def _enrich(self, doc: Document) -> list[PersonMention]:
        doc.fields = extract_fields(doc.text, doc.doc_type)
        doc.entities = extractors.extract(doc.text, doc.soft_breaks)
        mentions = find_mentions(doc)
        doc.entities = sorted(doc.entities + mention_entities(mentions), key=lambda e: (e.start, e.end))
        return mentions

    def _check(self, view: CaseView, case: CaseFile, rules: list[Rule]) -> list[Finding]:
        findings: list[Finding] = []
        kind = view.case_kind
        for rule in rules:
            # A rule for the other kind of case does not apply; where the file does not say its kind, all run.
            if kind is not None and rule.case_type not in ("both", kind):
                continue
            try:
                findings.extend(registry.checks.get(rule.check)(view, rule))
            except Exception:  # one broken rule must not lose the others' findings
                log.exception("rule %s failed", rule.id)
                case.warnings.append(f"规则 {rule.id} 执行出错，结果中未包含该规则的检查")
        # The same rule pointing at the same text twice (two mentions of one person) is one finding.
        unique: dict[tuple[object, ...], Finding] = {}
        for f in findings:
            key = (f.rule_id, tuple((e.document, e.start, e.end) for e in f.evidence))
            unique.setdefault(key, f)
        findings = list(unique.values())
        order = {d.id: i for i, d in enumerate(case.documents)}
        findings.sort(
            key=lambda f: (
                SEVERITY_RANK[f.severity],
                order.get(f.evidence[0].document, 0) if f.evidence else 0,
                f.evidence[0].start if f.evidence else 0,
                f.rule_id,
            )
        )
        return findings

    def versions(self) -> dict[str, str]:
        return dict(self._versions)


def _split(files: list[LoadedFile]) -> Iterable[LoadedFile]:
    """The files as documents: a combined PDF (a whole 案卷 in one file) becomes one part per document, named
    "<file>#pages=a-b" (see ``nlp.parsers.split``)."""
    for loaded in files:
        if loaded.parsed.format != FileFormat.PDF:
            yield loaded
            continue
        for source, part, _ in split_parsed(loaded.parsed, loaded.source):
            yield loaded if part is loaded.parsed else loaded.model_copy(update={"source": source, "parsed": part})


def _page_range(doc: Document) -> tuple[int | None, int | None]:
    pages = [b.page for b in doc.blocks if b.page is not None] or [i.page for i in doc.page_info]
    if not pages:
        return None, None
    return min(pages), max(max(pages), min(pages) + (doc.pages or 1) - 1)


def catalogue(documents: list[Document]) -> list[CatalogueEntry]:
    """The 卷宗目录: every document in case order with its title and the pages it spans in its file."""
    entries = []
    for order, doc in enumerate(documents, start=1):
        first, last = _page_range(doc) if doc.format == FileFormat.PDF else (None, None)
        entries.append(
            CatalogueEntry(
                order=order,
                document=doc.id,
                title=doc.title or doc.doc_type_zh,
                doc_type=doc.doc_type,
                doc_type_zh=doc.doc_type_zh,
                source=doc.source,
                first_page=first,
                last_page=last,
            )
        )
    return entries


_LOWER = {Severity.HIGH: Severity.MEDIUM, Severity.MEDIUM: Severity.LOW, Severity.LOW: Severity.LOW}


def _evidence_confidence(case: CaseFile, ev: Evidence) -> float | None:
    """The lowest OCR line confidence under an evidence span; None when it rests on no OCRed text."""
    try:
        doc = case.document(ev.document)
    except KeyError:
        return None
    lowest: float | None = None
    for block in doc.blocks:
        if block.confidence is None or block.end <= ev.start or block.start >= max(ev.end, ev.start + 1):
            continue
        lowest = block.confidence if lowest is None else min(lowest, block.confidence)
    return lowest


def flag_low_confidence(case: CaseFile, findings: list[Finding], threshold: float) -> list[Finding]:
    """Findings whose evidence rests on OCR text read with less than ``threshold`` confidence: one severity step
    lower, and the message says why — the defect may be a misreading, not in the file."""
    flagged: list[Finding] = []
    for finding in findings:
        confidences = [c for ev in finding.evidence if (c := _evidence_confidence(case, ev)) is not None]
        if confidences and min(confidences) < threshold:
            note = f"（证据文字为扫描件OCR识别，置信度{min(confidences):.2f}较低，可能为识别错误，请核对原件）"
            finding = finding.model_copy(
                update={"severity": _LOWER[finding.severity], "message": finding.message + note}
            )
        flagged.append(finding)
    return flagged
