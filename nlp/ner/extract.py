"""``juanshen extract``: entities of plain texts, one JSON object a line in and out.

CAIL2021 theft labels (NHCS, NHVI, NASI, NCGV, NCSM, NCSP, NATS, NT, NS, NO) come from the CAIL layers; our own
types (ID_NUMBER, PHONE, DOC_NUMBER, LAW_CITATION, PERSON, ORG, LOCATION …) from the pattern extractors and the
case layer, kept only where no CAIL span stands, so one stretch of text is not labelled twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from pydantic import BaseModel

from nlp.labels import EntityType

_IDENTIFIERS = frozenset(
    {EntityType.ID_NUMBER, EntityType.PHONE, EntityType.CASE_NUMBER, EntityType.DOC_NUMBER, EntityType.LAW_CITATION}
)


class ExtractedEntity(BaseModel):
    label: str
    start: int
    end: int
    text: str


class ExtractInput(BaseModel):
    id: str | int
    text: str


class ExtractOutput(BaseModel):
    id: str | int
    entities: list[ExtractedEntity]


def extract_texts(items: list[ExtractInput], batch_size: int = 64) -> Iterator[ExtractOutput]:
    from nlp import extractors
    from nlp.ner.entities import ner_scope
    from nlp.ner.select import extract_backend, review_backend

    backend = extract_backend()
    own = review_backend()  # PERSON/ORG/LOCATION for extractors.extract, run over each batch at once
    for lo in range(0, len(items), batch_size):
        batch = items[lo : lo + batch_size]
        texts = [i.text for i in batch]
        with ner_scope(own, texts):
            found_all = [extractors.extract(t) for t in texts]
        for item, spans, found in zip(batch, backend.predict(texts), found_all, strict=True):
            # Identifiers are the pattern extractors' (check digits, formats): a CAIL span over one is a model slip
            # (a phone number read as 盗窃获利), so it gives way.
            ids = [e for e in found if e.type in _IDENTIFIERS]
            spans = [s for s in spans if not any(s.start < e.end and e.start < s.end for e in ids)]
            ents = [
                ExtractedEntity(label=s.label, start=s.start, end=s.end, text=item.text[s.start : s.end]) for s in spans
            ]
            for e in found:
                if not any(e.start < s.end and s.start < e.end for s in spans):
                    ents.append(ExtractedEntity(label=str(e.type), start=e.start, end=e.end, text=e.text))
            ents.sort(key=lambda x: (x.start, x.end, x.label))
            yield ExtractOutput(id=item.id, entities=ents)


def extract_jsonl(lines: Iterable[str]) -> Iterator[str]:
    """JSON lines {id, text} -> JSON lines {id, entities: [{label, start, end, text}]}."""
    items = [ExtractInput.model_validate_json(line) for line in lines if line.strip()]
    for out in extract_texts(items):
        yield json.dumps(out.model_dump(), ensure_ascii=False)
