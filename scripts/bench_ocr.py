"""Benchmark OCR of scanned pages (``nlp.parsers.ocr``): character accuracy, speed and memory per engine setting.

    python scripts/bench_ocr.py [--docs 20] [--seed 7] [--dpi 150] [--repeat 1] [--variants tuned,defaults,...]
                                [--show-errors] [--workers 1]

The pages are generated: document i is ``generate_case(CorpusConfig(seed=SEED), i).docs[i % len(docs)]`` (so the
documents vary in type), drawn by ``render_scanned_pdf`` as a scanner makes them (±1.5° skew, grey paper,
noise, JPEG, red seals on about a third of the documents). Each variant runs in its own process, so that its peak
memory (``ru_maxrss``) is its own.

Character accuracy = 1 − Levenshtein(OCR text, gold text) / len(gold text), both without whitespace, summed over
all documents (the gold text is the document's ``DocSpec.text()``). Pages/s counts rendering and OCR, not the
engine load; "slowest doc s/page" is the document with the most seconds per page (the densest text).

``--workers N`` (N > 1) reads the documents in N worker processes at once, each with its own engine of the
variant's settings (pair it with ``tuned+1thread``: N processes of one onnxruntime thread each). Pages/s is then
all pages over the wall time of the whole batch (engine loads included, ``--repeat`` ignored), "slowest doc" is
not measured, and peak RSS is the parent's plus N times the largest worker's.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import resource
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp.parsers.ocr import RAPIDOCR_DEFAULTS, TUNED, OcrEngine, OcrSettings, ocr_pdf_pages

# name -> settings; "rapidocr" is the library called as documented (RapidOCR()(image), its own box order).
VARIANTS: dict[str, OcrSettings | None] = {
    "rapidocr": None,
    "defaults": RAPIDOCR_DEFAULTS,
    "tuned": TUNED,
    "tuned+cls": replace(TUNED, use_cls=True),
    "tuned+deskew": replace(TUNED, deskew=True),
    "tuned-sealfilter": replace(TUNED, seal_filter=False),
    "tuned-sealerase": replace(TUNED, seal_erase=False),
    "tuned+score0.5": replace(TUNED, text_score=0.5),
    "tuned+detfull": replace(TUNED, det_max_side=0),
    "tuned+det1280": replace(TUNED, det_max_side=1280),
    "tuned+det640": replace(TUNED, det_max_side=640),
    "tuned+rec48": replace(TUNED, rec_height=48),
    "tuned+rec32": replace(TUNED, rec_height=32),
    "tuned+unclip1.6": replace(TUNED, det_unclip_ratio=1.6),
    "tuned+rec48+unclip2.4": replace(TUNED, rec_height=48, det_unclip_ratio=2.4),
    "tuned+batch6": replace(TUNED, rec_batch_num=6),
    "tuned+batch12": replace(TUNED, rec_batch_num=12),
    "tuned+1thread": replace(TUNED, threads=1),
    "tuned+ortthreads": replace(TUNED, threads=0),
}
DEFAULT_VARIANTS = "rapidocr,defaults,tuned"


def _out(line: str = "") -> None:
    sys.stdout.write(line + "\n")


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions), Myers/Hyyrö bit-parallel: one pass over ``b`` with
    ``a`` as bits of a Python int, fast enough for whole documents."""
    if not a:
        return len(b)
    if not b:
        return len(a)
    peq: dict[str, int] = {}
    for i, ch in enumerate(a):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    mask = (1 << len(a)) - 1
    high = 1 << (len(a) - 1)
    pv, mv, score = mask, 0, len(a)
    for ch in b:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
    return score


def make_documents(count: int, seed: int, dpi: int) -> list[tuple[str, str, bytes]]:
    """(doc_type, gold text, scanned PDF) for ``count`` generated documents."""
    from corpora.generator.corpus import CorpusConfig, generate_case
    from corpora.generator.render import render_scanned_pdf

    documents = []
    for index in range(count):
        docs = generate_case(CorpusConfig(seed=seed), index).docs
        doc = docs[index % len(docs)]
        pdf = render_scanned_pdf(doc, random.Random(f"bench-ocr-{seed}-{index}"), dpi=dpi)
        documents.append((doc.doc_type, doc.text(), pdf))
    return documents


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


_WORKER_ENGINE: OcrEngine | None = None


def _worker_read(name: str, dpi: int, pdf: bytes) -> tuple[str, int]:
    """In a worker process: the OCR text of one document with the variant's engine (loaded once per worker)."""
    global _WORKER_ENGINE
    if _WORKER_ENGINE is None:
        settings = VARIANTS[name]
        assert settings is not None, "--workers needs one of our engine variants"
        _WORKER_ENGINE = OcrEngine(settings)
    page_indexes = list(range(_page_count(pdf)))
    result = ocr_pdf_pages(pdf, page_indexes, dpi, engine=_WORKER_ENGINE)
    return "\n".join(result[i].text for i in page_indexes), len(page_indexes)


def run_workers(name: str, count: int, seed: int, dpi: int, workers: int) -> dict[str, Any]:
    """The documents read by ``workers`` processes at once; throughput over the batch's wall time."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    documents = make_documents(count, seed, dpi)
    baseline_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # Longest first, so that no worker is left alone with a long document at the end.
    order = sorted(range(len(documents)), key=lambda i: -len(documents[i][2]))
    started = time.perf_counter()
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = {i: pool.submit(_worker_read, name, dpi, documents[i][2]) for i in order}
        texts = {i: future.result() for i, future in futures.items()}
    wall = time.perf_counter() - started
    pages = errors = gold_chars = 0
    per_doc = []
    for i, (doc_type, gold, _) in enumerate(documents):
        text, doc_pages = texts[i]
        got, want = _squeeze(text), _squeeze(gold)
        distance = levenshtein(got, want)
        pages, errors, gold_chars = pages + doc_pages, errors + distance, gold_chars + len(want)
        per_doc.append((doc_type, doc_pages, len(want), distance))
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "variant": f"{name} ×{workers} processes",
        "documents": len(documents),
        "pages": pages,
        "gold_chars": gold_chars,
        "errors": errors,
        "accuracy": 1 - errors / gold_chars,
        "pages_per_s": pages / wall,
        "s_per_page": wall / pages,
        "slowest_s_per_page": math.nan,
        "chars_per_s": gold_chars / wall,
        "load_s": math.nan,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 + workers * worker_mb,
        "baseline_mb": baseline_mb,
        "per_doc": per_doc,
    }


def run_variant(name: str, count: int, seed: int, dpi: int, show_errors: bool, repeat: int = 1) -> dict[str, Any]:
    documents = make_documents(count, seed, dpi)
    baseline_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    settings = VARIANTS[name]
    started = time.perf_counter()
    if settings is None:
        from rapidocr_onnxruntime import RapidOCR

        library = RapidOCR()
    else:
        engine = OcrEngine(settings)
    load_s = time.perf_counter() - started
    pages = errors = gold_chars = 0
    ocr_s = slowest = 0.0
    per_doc = []
    for doc_type, gold, pdf in documents:
        page_indexes = list(range(_page_count(pdf)))
        best = math.inf
        for _ in range(repeat):  # the best of several runs: other work on the machine only ever adds time
            started = time.perf_counter()
            if settings is None:
                text = _library_text(library, pdf, page_indexes, dpi)
            else:
                result = ocr_pdf_pages(pdf, page_indexes, dpi, engine=engine)
                text = "\n".join(result[i].text for i in page_indexes)
            best = min(best, time.perf_counter() - started)
        ocr_s += best
        slowest = max(slowest, best / len(page_indexes))
        pages += len(page_indexes)
        got, want = _squeeze(text), _squeeze(gold)
        distance = levenshtein(got, want)
        errors += distance
        gold_chars += len(want)
        per_doc.append((doc_type, len(page_indexes), len(want), distance))
        if show_errors and distance:
            _show_errors(doc_type, got, want)
    return {
        "variant": name,
        "documents": len(documents),
        "pages": pages,
        "gold_chars": gold_chars,
        "errors": errors,
        "accuracy": 1 - errors / gold_chars,
        "pages_per_s": pages / ocr_s,
        "s_per_page": ocr_s / pages,
        "slowest_s_per_page": slowest,
        "chars_per_s": gold_chars / ocr_s,
        "load_s": load_s,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "baseline_mb": baseline_mb,
        "per_doc": per_doc,
    }


def _library_text(library: Any, pdf: bytes, page_indexes: list[int], dpi: int) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    texts = []
    try:
        for index in page_indexes:
            page = document[index]
            image = page.render(scale=dpi / 72.0).to_numpy().copy()
            page.close()
            result, _ = library(image)
            texts += [item[1] for item in result or []]
    finally:
        document.close()
    return "\n".join(texts)


def _show_errors(doc_type: str, got: str, want: str) -> None:
    import difflib

    matcher = difflib.SequenceMatcher(None, want, got, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            _out(f"  {doc_type}: {tag} gold={want[i1:i2]!r} ocr={got[j1:j2]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dpi", type=int, default=150)
    parser.add_argument("--variants", default=DEFAULT_VARIANTS, help=f"comma-separated, from: {', '.join(VARIANTS)}")
    parser.add_argument("--repeat", type=int, default=1, help="time each document this many times, keep the best")
    parser.add_argument("--show-errors", action="store_true", help="print every difference from the gold text")
    parser.add_argument("--workers", type=int, default=1, help="read the documents in this many processes at once")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one variant, print JSON
    args = parser.parse_args()
    if args.one:
        if args.workers > 1:
            result = run_workers(args.one, args.docs, args.seed, args.dpi, args.workers)
        else:
            result = run_variant(args.one, args.docs, args.seed, args.dpi, args.show_errors, args.repeat)
        _out(json.dumps(result, ensure_ascii=False))
        return

    names = [name.strip() for name in args.variants.split(",") if name.strip()]
    unknown = [name for name in names if name not in VARIANTS]
    if unknown:
        parser.error(f"unknown variants: {', '.join(unknown)}")
    _out(
        f"# OCR benchmark {date.today()}: {args.docs} generated scanned documents (seed {args.seed}), {args.dpi} dpi, "
        f"best of {args.repeat}, {os.cpu_count()} CPUs, {args.workers} worker process(es), "
        f"Python {platform.python_version()}"
    )
    results = []
    for name in names:
        command = [sys.executable, __file__, "--one", name, "--docs", str(args.docs), "--seed", str(args.seed)]
        command += ["--dpi", str(args.dpi), "--repeat", str(args.repeat), "--workers", str(args.workers)]
        command += ["--show-errors"] if args.show_errors else []
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        lines = done.stdout.rstrip().splitlines()
        if args.show_errors:
            _out(f"## {name}")
            for line in lines[:-1]:
                _out(line)
        results.append(json.loads(lines[-1]))
    first = results[0]
    _out(f"{first['pages']} pages, {first['gold_chars']} gold characters (whitespace removed)")
    _out()
    _out("| variant | char accuracy | errors | pages/s | chars/s | slowest doc s/page | peak RSS MB | engine load s |")
    _out("|---|---:|---:|---:|---:|---:|---:|---:|")
    for result in results:
        _out(
            f"| {result['variant']} | {result['accuracy']:.4f} | {result['errors']} | {result['pages_per_s']:.2f} "
            f"| {result['chars_per_s']:.0f} | {result['slowest_s_per_page']:.2f} | {result['peak_mb']:.0f} "
            f"| {result['load_s']:.2f} |"
        )
    _out()
    _out(f"Peak RSS before the engine is loaded (Python, generator, pages): {first['baseline_mb']:.0f} MB")


if __name__ == "__main__":
    main()
