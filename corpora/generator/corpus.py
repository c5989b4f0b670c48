"""Generates a corpus: case folders of rendered files plus a ``<case_id>.gold.json`` beside each.

    juanshen corpus generate --cases 500 --seed 7 --out corpora/generated/seed7

Every case is drawn from its own random stream (seed, index), so a corpus is reproducible case by case and a
larger corpus with the same seed extends a smaller one.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from corpora.generator import defects as defect_catalogue
from corpora.generator.documents import build_documents
from corpora.generator.model import (
    DocSpec,
    GeneratedCase,
    GoldCase,
    GoldDefect,
    GoldDocument,
    GoldEntity,
    GoldEvidence,
)
from corpora.generator.render import (
    cjk_font_path,
    make_zip,
    render_combined_pdf,
    render_docx,
    render_pdf,
    render_scanned_combined_pdf,
    render_scanned_pdf,
    render_txt,
)
from corpora.generator.scenarios import CASE_TYPES, generate_facts


class CorpusConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    cases: int = Field(default=100, ge=1)
    seed: int = 0
    clean_share: float = Field(default=0.3, ge=0, le=1)  # cases with no defect planted
    max_defects: int = Field(default=2, ge=1)
    hard_negative_share: float = Field(default=0.3, ge=0, le=1)
    # How each document is written; shares are normalised.
    formats: dict[str, float] = Field(
        default_factory=lambda: {"docx": 0.55, "pdf": 0.25, "scanned_pdf": 0.1, "txt": 0.1}
    )
    combined_share: float = Field(default=0.1, ge=0, le=1)  # the whole case as one PDF (text or scanned)
    zip_share: float = Field(default=0.15, ge=0, le=1)  # part of the case's files packed in a zip
    case_types: list[str] | None = None  # default: all
    # Plant only these defect kinds (keys of defects.CATALOGUE): a rule-targeted corpus for rules that a mixed
    # corpus plants rarely. Default: every kind that applies to the case.
    defect_kinds: list[str] | None = None


_IDENTITY = {"bad_id_checksum", "id_mismatch", "gender_mismatch", "birth_mismatch"}
# Defects that would rewrite what a hard negative set up (and so make it no longer lawful, or no longer a defect).
_CONFLICTS = {
    "late_family_notice": {"late_notice_with_reason"},
    "filing_before_acceptance": {"same_day_filing"},
    "theft_over_threshold": {"amount_just_below_threshold"},
    # the 传唤证 whose 到达/离开时间 the period is read from was left blank (拒绝填写)
    "summons_over_24h": {"summons_times_refused"},
    "summons_over_8h": {"summons_times_refused"},
}


def defect_kinds_for(words: list[str]) -> list[str]:
    """Defect kind keys for a list of kind keys or rule ids (a rule id stands for every kind that plants it)."""
    catalogue = defect_catalogue.CATALOGUE
    keys: list[str] = []
    for word in words:
        found = [k.key for k in catalogue.values() if word in (k.key, k.rule_id)]
        if not found:
            raise ValueError(f"未知的缺陷类型或规则编号：{word}")
        keys += [k for k in found if k not in keys]
    return keys


def generate_case(cfg: CorpusConfig, index: int) -> GeneratedCase:
    rng = random.Random(f"juanshen-corpus-{cfg.seed}-{index}")
    types = cfg.case_types or sorted(CASE_TYPES)
    case_type = types[index % len(types)]  # balanced over types
    case_id = f"S{cfg.seed}-{index:05d}"
    facts = generate_facts(case_type, rng, case_id)
    case = GeneratedCase(facts=facts, docs=build_documents(facts, rng))
    if rng.random() < cfg.hard_negative_share:
        options = list(defect_catalogue.HARD_NEGATIVES.items())
        rng.shuffle(options)
        for key, apply in options:
            if apply(case, rng):
                case.hard_negatives.append(key)
                break
    if rng.random() >= cfg.clean_share:
        wanted = rng.randint(1, cfg.max_defects)
        kinds = defect_catalogue.applicable(case)
        if cfg.defect_kinds is not None:
            kinds = [k for k in kinds if k.key in cfg.defect_kinds]
        rng.shuffle(kinds)
        for kind in kinds:
            if len(case.defects) >= wanted:
                break
            # Two defects on the same document or the same identity would blur what each finding answers (a bad
            # check digit also hides a birth-date mismatch): keep them apart.
            if any(d.kind == kind.key for d in case.defects):
                continue
            if kind.key in _IDENTITY and any(d.kind in _IDENTITY for d in case.defects):
                continue
            if _CONFLICTS.get(kind.key, set()) & set(case.hard_negatives):
                continue  # e.g. a late notice planted over a notice that already states the lawful reason
            snapshot = copy.deepcopy(case)
            planted = kind.apply(case, rng)
            if planted is None:
                case = snapshot  # a kind that gave up may have changed text on its way
                continue
            if any(d.doc is planted.doc for d in case.defects):
                case = snapshot
                continue
            case.defects.append(planted)
    return case


def _pick(rng: random.Random, shares: dict[str, float]) -> str:
    total = sum(shares.values())
    x = rng.random() * total
    for key, share in shares.items():
        x -= share
        if x < 0:
            return key
    return next(iter(shares))


def write_case(case: GeneratedCase, cfg: CorpusConfig, out: Path, index: int) -> GoldCase:
    """Render the case into ``out/<case_id>/`` and write ``out/<case_id>.gold.json``."""
    rng = random.Random(f"juanshen-render-{cfg.seed}-{index}")
    case_id = case.facts.case_id
    root = out / case_id
    root.mkdir(parents=True, exist_ok=True)
    gold_docs: dict[int, GoldDocument] = {}
    combined = rng.random() < cfg.combined_share

    def gold_for(doc: DocSpec, source: str, fmt: str) -> GoldDocument:
        text = doc.text()
        entities = [
            GoldEntity(type=seg.type, start=s, end=e, text=seg.text, role=seg.role)
            for s, e, seg in doc.segments()
            if seg.type and seg.text
        ]
        return GoldDocument(
            id=f"D{len(gold_docs) + 1:02d}",
            source=source,
            format=fmt,
            doc_type=doc.doc_type,
            title=doc.title,
            text=text,
            entities=entities,
        )  # type: ignore[arg-type]

    if combined:
        scanned = rng.random() < cfg.formats.get("scanned_pdf", 0) / max(sum(cfg.formats.values()), 1e-9) * 2
        name = f"{case_id}_案卷.pdf"
        data, ranges = render_scanned_combined_pdf(case.docs, rng) if scanned else render_combined_pdf(case.docs)
        (root / name).write_bytes(data)
        for doc, (first, last) in zip(case.docs, ranges, strict=True):
            gold_docs[id(doc)] = gold_for(doc, f"{name}#pages={first}-{last}", "scanned_pdf" if scanned else "pdf")
    else:
        zipped: list[tuple[str, bytes]] = []
        zip_from = len(case.docs) - rng.randint(1, 3) if rng.random() < cfg.zip_share else len(case.docs)
        zip_name = rng.choice(["补充材料", "证据材料", "卷宗附件"])
        for i, doc in enumerate(case.docs):
            fmt = _pick(rng, cfg.formats)
            suffix, data = _render_one(doc, fmt, rng)
            file_name = f"{doc.file_stem}{suffix}"
            if i >= zip_from:
                zipped.append((f"{zip_name}/{file_name}", data))
                source = f"{zip_name}.zip/{zip_name}/{file_name}"
            else:
                (root / file_name).write_bytes(data)
                source = file_name
            gold_docs[id(doc)] = gold_for(doc, source, fmt)
        if zipped:
            (root / f"{zip_name}.zip").write_bytes(make_zip(zipped, gbk_names=rng.random() < 0.5))

    defects = []
    for planted in case.defects:
        if id(planted.doc) not in gold_docs:
            continue  # the document was removed by another defect
        evidence = []
        for seg in planted.evidence:
            holder = next((d for d in case.docs if any(s is seg for _, _, s in d.segments())), None)
            if holder is None:
                break
            start, end = holder.span_of(seg)
            evidence.append(GoldEvidence(document=gold_docs[id(holder)].id, start=start, end=end, text=seg.text))
        if len(evidence) < len(planted.evidence):
            # A later defect removed a document this one stands on (the other copy of an ID number): what is
            # left is no longer a defect, so it is not labelled as one.
            continue
        defects.append(
            GoldDefect(
                kind=planted.kind,
                category=planted.category,
                rule_id=planted.rule_id,
                document=gold_docs[id(planted.doc)].id,
                evidence=evidence,
                note=planted.note,
            )
        )
    gold = GoldCase(
        case_id=case_id,
        seed=cfg.seed,
        kind=case.facts.kind,
        case_type=case.facts.case_type,
        clean=not defects,
        hard_negatives=case.hard_negatives,
        documents=list(gold_docs.values()),
        defects=defects,
    )
    (out / f"{case_id}.gold.json").write_text(gold.model_dump_json(indent=1), encoding="utf-8")
    return gold


def _render_one(doc: DocSpec, fmt: str, rng: random.Random) -> tuple[str, bytes]:
    if fmt == "docx":
        return ".docx", render_docx(doc)
    if fmt == "pdf":
        return ".pdf", render_pdf(doc)
    if fmt == "scanned_pdf":
        return ".pdf", render_scanned_pdf(doc, rng)
    if fmt == "txt":
        return ".txt", render_txt(doc, encoding=rng.choice(["utf-8", "gb18030"]))
    raise ValueError(f"unknown format {fmt!r}")


def generate_corpus(
    cfg: CorpusConfig, out: Path, progress: Callable[[int, int], None] | None = None
) -> dict[str, object]:
    out.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    if cjk_font_path() is None and cfg.formats.get("scanned_pdf"):
        # Scans are drawn with a CJK font from Debian; without it the corpus has no scans, and says so.
        cfg = cfg.model_copy(update={"formats": {k: v for k, v in cfg.formats.items() if k != "scanned_pdf"}})
        notes.append("未安装 fonts-wqy-microhei，本语料不含扫描件")
    summary: dict[str, int] = {"cases": 0, "clean": 0, "defects": 0, "documents": 0}
    for index in range(cfg.cases):
        case = generate_case(cfg, index)
        gold = write_case(case, cfg, out, index)
        summary["cases"] += 1
        summary["clean"] += gold.clean
        summary["defects"] += len(gold.defects)
        summary["documents"] += len(gold.documents)
        if progress:
            progress(index + 1, cfg.cases)
    manifest = {"config": cfg.model_dump(), "summary": summary, "notes": notes}
    (out / "corpus.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return manifest
