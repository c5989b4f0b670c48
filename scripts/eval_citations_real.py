"""Runs the citation extractor and the statute DB over real court judgments (LeCaRDv2, ../shared).

    python scripts/eval_citations_real.py [--shared ../shared] [--show 30]

Judgments cite 刑法, 刑事诉讼法 and interpretations the way officers do. Every article a court cites exists, so a
citation we read that the DB calls non-existent is an extractor or DB error — or a citation of a version we do not
bundle (e.g. 刑事诉讼法 2012 numbering before 2018-10-26). The script prints the rate and lists them for reading.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from nlp.extractors.citations import extract_citations
from nlp.statutes.db import StatuteDB


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--show", type=int, default=30)
    args = parser.parse_args()
    path = args.shared / "data" / "judgments" / "lecard_v2_query_judgments.jsonl"
    if not path.exists():
        sys.stderr.write(f"not found: {path}\n")
        return 2
    db = StatuteDB.load()
    counts: Counter[str] = Counter()
    by_law: Counter[str] = Counter()
    missing: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = row["query_fulltext"]
        for ent in extract_citations(text):
            counts["citations"] += 1
            law = ent.attrs.get("law")
            if law is None:
                counts["law_unknown"] += 1
                by_law[f"(未收录) {ent.attrs.get('law_as_written')}"] += 1
                continue
            by_law[law] += 1
            counts["law_known"] += 1
            art = ent.attrs.get("article")
            if db.exists(
                law,
                art,
                suffix=ent.attrs.get("suffix"),
                paragraph=ent.attrs.get("paragraph"),
                item=ent.attrs.get("item"),
            ):
                counts["exists"] += 1
            else:
                counts["not_found"] += 1
                missing.append(f"{ent.text}  …{text[max(0, ent.start - 15) : ent.end + 10]}…")
    known = counts["law_known"] or 1
    summary = {
        "judgments": sum(1 for _ in path.open(encoding="utf-8")),
        **counts,
        "exists_rate_of_known": round(counts["exists"] / known, 4),
        "top_laws": by_law.most_common(12),
    }
    sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    for item in missing[: args.show]:
        sys.stdout.write(f"  not found: {item}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
