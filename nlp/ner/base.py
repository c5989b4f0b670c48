"""The interface every NER backend implements (spaCy default, transformers optional), so both are scored the same way.

Labels are the CAIL2021 names for the theft types (NHCS 犯罪嫌疑人, NHVI 受害人, NASI 被盗物品, NCGV 物品价值,
NCSM 被盗货币, NCSP 盗窃获利, NATS 作案工具, NT 时间, NS 地点, NO 组织机构) and our own names for the rest
(PERSON, ORG, LOCATION …). Offsets are character offsets into the text, end exclusive.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol


class Span(NamedTuple):
    label: str
    start: int
    end: int


class NerBackend(Protocol):
    name: str  # e.g. "spacy-cnn", "transformers-bert-small"
    version: str  # the packaged artifact's version

    def predict(self, texts: list[str]) -> list[list[Span]]:
        """Entities of each text, in order of start offset."""
        ...
