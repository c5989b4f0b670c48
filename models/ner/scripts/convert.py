"""Convert the CAIL2021 theft NER data (fixed block split, corpora/splits.py) to spaCy DocBin files.

Only the train and dev parts are written for training; the test part is written separately and is read only by
models/ner/evaluate.py. Run from the repository root: ``python models/ner/scripts/convert.py OUT_DIR``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from corpora.splits import cail2021  # noqa: E402

# CAIL nests a victim inside a stolen item or a place ("被害人王某某的手机") and a suspect inside a tool; a flat
# NER cannot hold both, so persons and everything else are two layers, each a separate spaCy NER.
LAYERS: dict[str, frozenset[str]] = {
    "persons": frozenset({"NHCS", "NHVI"}),
    "things": frozenset({"NASI", "NCGV", "NCSM", "NCSP", "NATS", "NT", "NS", "NO"}),
}


def to_docbin(records: list[dict], nlp: spacy.language.Language, labels: frozenset[str]) -> tuple[DocBin, int]:
    db = DocBin(store_user_data=False)
    dropped = 0
    for rec in records:
        doc = nlp.make_doc(rec["text"])
        spans = []
        taken: set[int] = set()
        wanted = [e for e in rec["entities"] if e["label"] in labels]
        # Longest first: within a layer the few nested annotations (价值 inside 被盗物品) keep the outer span.
        for ent in sorted(wanted, key=lambda e: e["start"] - e["end"]):
            chars = set(range(ent["start"], ent["end"]))
            span = doc.char_span(ent["start"], ent["end"], label=ent["label"])
            if span is None or chars & taken:
                dropped += 1
                continue
            taken |= chars
            spans.append(span)
        doc.ents = sorted(spans, key=lambda s: s.start)
        db.add(doc)
    return db, dropped


CASE_LABELS = frozenset({"PERSON", "ORG", "LOCATION"})


def generated_records(corpus: Path) -> dict[str, list[dict]]:
    """Lines of a generated corpus (gold.json) as records, cases split train/dev by case number (``% 5 == 1`` dev).

    Lines are cut exactly as the runtime backend reads a document, so training and prediction see the same units.
    """
    from nlp.ner.spacy_backend import _chunks

    parts: dict[str, list[dict]] = {"train": [], "dev": []}
    for number, path in enumerate(sorted(corpus.glob("*.gold.json"))):
        gold = json.loads(path.read_text(encoding="utf-8"))
        split = "dev" if number % 5 == 1 else "train"
        for doc in gold["documents"]:
            ents = [e for e in doc["entities"] if e["type"] in CASE_LABELS]
            for offset, piece in _chunks(doc["text"]):
                inside = [
                    {"label": e["type"], "start": e["start"] - offset, "end": e["end"] - offset}
                    for e in ents
                    if offset <= e["start"] and e["end"] <= offset + len(piece)
                ]
                parts[split].append({"text": piece, "entities": inside})
    return parts


def main(out_dir: str, generated: str | None = None) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("zh")  # default segmenter "char": every entity boundary is a token boundary
    if generated:
        for split, records in generated_records(Path(generated)).items():
            db, dropped = to_docbin(records, nlp, CASE_LABELS)
            db.to_disk(out / f"case_{split}.spacy")
            print(f"case {split}: {len(db)} lines, {dropped} nested spans dropped")  # noqa: T201
        return
    for split in ("train", "dev"):
        records = cail2021(split)
        for layer, labels in LAYERS.items():
            db, dropped = to_docbin(records, nlp, labels)
            db.to_disk(out / f"{layer}_{split}.spacy")
            print(f"{layer} {split}: {len(db)} sentences, {dropped} nested spans dropped")  # noqa: T201


if __name__ == "__main__":
    # convert.py OUT_DIR                 -> CAIL2021 layers;  convert.py OUT_DIR GENERATED_CORPUS -> the case layer
    main(sys.argv[1] if len(sys.argv) > 1 else "models/ner/corpus", sys.argv[2] if len(sys.argv) > 2 else None)
