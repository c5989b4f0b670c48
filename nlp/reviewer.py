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
from nlp.case.persons import PersonMention, find_mentions, mention_entities
from nlp.case.view import CaseView
from nlp.doctypes.classify import classify
from nlp.doctypes.fields import extract_fields
from nlp.labels import SEVERITY_RANK
from nlp.parsers.loader import LoadedCase, LoadedFile, load_case, load_uploads
from nlp.rules.engine import load_rules, rules_version
from nlp.rules.model import Rule
from nlp.schema import CaseFile, Document, Finding
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
        # Stamped on every report; the rule files are read once here, not on each review.
        self._versions = {"engine": __version__, "rules": rules_version(), "statutes": _statutes_version()}

    # --- entry points -------------------------------------------------------------------------------------
    def review_path(self, path: Path, case_id: str | None = None) -> CaseFile:
        loaded = load_case(Path(path))
        return self._review(loaded, case_id or Path(path).name, root=str(path))

    def review_uploads(self, items: list[tuple[str, bytes]], case_id: str = "upload") -> CaseFile:
        return self._review(load_uploads(items), case_id)

    def review_texts(self, documents: Iterable[tuple[str, str]], case_id: str = "texts") -> CaseFile:
        """Review in-memory texts (name, text); used by rule examples and tests."""
        items = [(name, text.encode("utf-8")) for name, text in documents]
        return self._review(load_uploads(items), case_id)

    # --- stages -------------------------------------------------------------------------------------------
    def _review(self, loaded: LoadedCase, case_id: str, root: str = "") -> CaseFile:
        started = time.perf_counter()
        case = CaseFile(case_id=case_id, root=root, errors=list(loaded.errors))
        persons: list[PersonMention] = []
        for n, loaded_file in enumerate(loaded.files, start=1):
            doc = self._document(f"D{n:02d}", loaded_file)
            persons.extend(self._enrich(doc))
            case.documents.append(doc)
        view = CaseView(case=case, persons=persons, settings=self.settings, statutes=self.statutes)
        case.findings = self._check(view, case)
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

    def _check(self, view: CaseView, case: CaseFile) -> list[Finding]:
        findings: list[Finding] = []
        for rule in self.rules:
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
