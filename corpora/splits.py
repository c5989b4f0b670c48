"""Fixed train/dev/test splits of the real labelled data in ../shared/data, shared by every model and evaluation.

The rules are written down here once so that no model is ever tuned or trained on another's test part:

* CAIL2021 theft NER (``ner/cail2021_xxcq_theft_ner.jsonl``): sentences are grouped in blocks of 50 consecutive
  lines (``block = seq // 50``, the grouping the data's README uses), because sentences of one 起诉意见书 are
  near-copies and a sentence-level split flatters a model by about 4 F1 points. ``block % 5 == 0`` is **test**,
  ``block % 5 == 1`` is **dev** (early stopping, thresholds), the rest is **train**.
* CAIL2018 charges (``judgment_prediction/cail2018_sample.jsonl``): the record ``id`` is a hash of the fact text;
  ``int(last 8 hex digits) % 5 == 0`` is **test**, ``== 1`` is **dev**, the rest **train**.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

Split = Literal["train", "dev", "test"]

# ../shared/data beside the checkout; JUANSHEN_SHARED_DATA points elsewhere (a copy carried to a training machine).
SHARED_DATA = Path(os.environ.get("JUANSHEN_SHARED_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data")
CAIL2021_NER = SHARED_DATA / "ner" / "cail2021_xxcq_theft_ner.jsonl"
CAIL2018_CHARGES = SHARED_DATA / "judgment_prediction" / "cail2018_sample.jsonl"
CAIL2018_ACCUSATIONS = SHARED_DATA / "labels" / "cail2018_accu.txt"


def _by_bucket(bucket: int) -> Split:
    return "test" if bucket == 0 else "dev" if bucket == 1 else "train"


def cail2021_split(record: dict[str, Any]) -> Split:
    return _by_bucket((int(record["seq"]) // 50) % 5)


def cail2018_split(record: dict[str, Any]) -> Split:
    return _by_bucket(int(str(record["id"])[-8:], 16) % 5)


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def cail2021(split: Split | None = None, path: Path = CAIL2021_NER) -> list[dict[str, Any]]:
    return [r for r in read_jsonl(path) if split is None or cail2021_split(r) == split]


def cail2018(split: Split | None = None, path: Path = CAIL2018_CHARGES) -> list[dict[str, Any]]:
    return [r for r in read_jsonl(path) if split is None or cail2018_split(r) == split]
