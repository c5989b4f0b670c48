"""Strict span evaluation of the NER backends: CAIL2021 theft NER (fixed block split) and a generated corpus.

Importable (the notebook calls these) and a CLI, run from the repository root:

    python models/ner/evaluate.py cail [--split test] [--model-dir DIR]
    python models/ner/evaluate.py generated CORPUS_DIR [--model-dir DIR]

A predicted span counts only when label, start and end all equal a gold span (strict). CAIL gold keeps its nested
spans (a victim inside a stolen item), so a flat model's misses there are counted. ``chars_per_s`` is the backend's
own throughput over the evaluated texts in this process (one process, threads as the environment sets them);
``chars_per_cpu_s`` divides by this process's CPU time instead, which a busy shared machine does not distort.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nlp.ner.base import NerBackend, Span  # noqa: E402
from nlp.ner.scoring import score  # noqa: E402

Gold = list[list[Span]]


def _run(backend: NerBackend, texts: list[str], gold: Gold) -> dict[str, Any]:
    backend.predict(texts[:8])  # warm-up: first-call allocations are load time, not throughput
    t0, c0 = time.perf_counter(), time.process_time()
    pred = backend.predict(texts)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    result = score(gold, pred)
    chars = sum(map(len, texts))
    result.update(
        backend=backend.name,
        version=backend.version,
        texts=len(texts),
        chars=chars,
        seconds=round(seconds, 2),
        chars_per_s=round(chars / seconds) if seconds else None,
        # CPU time of this process: on a shared machine wall time measures the neighbours, this the model.
        cpu_seconds=round(cpu, 2),
        chars_per_cpu_s=round(chars / cpu) if cpu else None,
    )
    return result


_LOAD: dict[str, float] = {}


def _backend(layers: Iterable[str], model_dir: Path | None) -> NerBackend:
    c0 = time.process_time()
    from nlp.ner.spacy_backend import SpacyNerBackend

    backend = SpacyNerBackend(tuple(layers), model_dir)
    _LOAD["load_cpu_seconds"] = round(time.process_time() - c0, 2)  # the first load includes importing spaCy
    return backend


def evaluate_cail(split: str = "test", backend: NerBackend | None = None, model_dir: Path | None = None) -> dict:
    """Strict P/R/F1 per CAIL label and micro on one part of the fixed CAIL2021 split (corpora/splits.py)."""
    from corpora.splits import cail2021
    from nlp.ner.spacy_backend import CAIL_LAYERS

    records = cail2021(split)  # type: ignore[arg-type]
    texts = [r["text"] for r in records]
    gold = [[Span(e["label"], e["start"], e["end"]) for e in r["entities"]] for r in records]
    _LOAD.clear()
    result = _run(backend or _backend(CAIL_LAYERS, model_dir), texts, gold) | _LOAD
    result["data"] = f"CAIL2021 theft NER, {split} blocks (block = seq // 50; block % 5: 0 test, 1 dev, else train)"
    return result


def evaluate_generated(
    corpus: Path | str, backend: NerBackend | None = None, model_dir: Path | None = None
) -> dict[str, Any]:
    """Strict P/R/F1 for PERSON, ORG, LOCATION on the gold texts of a generated corpus (``*.gold.json``)."""
    from nlp.ner.spacy_backend import CASE_LAYERS

    labels = {"PERSON", "ORG", "LOCATION"}
    texts: list[str] = []
    gold: Gold = []
    for path in sorted(Path(corpus).glob("*.gold.json")):
        for doc in json.loads(path.read_text(encoding="utf-8"))["documents"]:
            texts.append(doc["text"])
            gold.append([Span(e["type"], e["start"], e["end"]) for e in doc["entities"] if e["type"] in labels])
    _LOAD.clear()
    result = _run(backend or _backend(CASE_LAYERS, model_dir), texts, gold) | _LOAD
    result["data"] = f"generated corpus {Path(corpus).name}: gold document texts"
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    cail = sub.add_parser("cail")
    cail.add_argument("--split", default="test", choices=["train", "dev", "test"])
    gen = sub.add_parser("generated")
    gen.add_argument("corpus", type=Path)
    for p in (cail, gen):
        p.add_argument("--model-dir", type=Path, default=None, help="artifact directory (default: settings)")
        p.add_argument("--out", type=Path, default=None, help="write the result as JSON")
    args = parser.parse_args(argv)
    if args.what == "cail":
        result = evaluate_cail(args.split, model_dir=args.model_dir)
    else:
        result = evaluate_generated(args.corpus, model_dir=args.model_dir)
    text = json.dumps(result, ensure_ascii=False, indent=1)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
