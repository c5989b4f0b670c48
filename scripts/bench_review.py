"""End-to-end review speed: the bundled sample cases, and real long text (judgments from ../shared as .txt).

    python scripts/bench_review.py [--repeat 5] [--shared ../shared] [--details]

Prints reviewer start-up time, seconds per sample case, and characters per second through the whole pipeline
(parse → classify → fields → entities → people → rules) on the 262 LeCaRDv2 judgments reviewed as one case.
--details adds, for the judgments, how many got each document type (and by which method) and each finding's rule
with the type of the documents it points at: rule ids, document ids and types only, never case text.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--details", action="store_true", help="judgments: doc-type counts and findings by rule")
    args = parser.parse_args()

    started = time.perf_counter()
    from nlp.reviewer import Reviewer

    reviewer = Reviewer()
    result: dict[str, object] = {"startup_seconds": round(time.perf_counter() - started, 2)}

    for name in ("criminal_theft", "admin_theft"):
        path = REPO / "corpora" / "samples" / name
        best = float("inf")
        for _ in range(args.repeat):
            t = time.perf_counter()
            case = reviewer.review_path(path)
            best = min(best, time.perf_counter() - t)
        result[name] = {"documents": len(case.documents), "seconds": round(best, 3)}

    judgments = args.shared / "data" / "judgments" / "lecard_v2_query_judgments.jsonl"
    if judgments.exists():
        rows = [json.loads(line) for line in judgments.read_text(encoding="utf-8").splitlines()]
        docs = [(f"{i:03d}.txt", row["query_fulltext"]) for i, row in enumerate(rows)]
        chars = sum(len(text) for _, text in docs)
        t = time.perf_counter()
        case = reviewer.review_texts(docs, case_id="judgments")
        elapsed = time.perf_counter() - t
        result["judgments_as_one_case"] = {
            "documents": len(case.documents),
            "chars": chars,
            "seconds": round(elapsed, 2),
            "chars_per_second": round(chars / elapsed),
            "findings": len(case.findings),
        }
        if args.details:
            types = {d.id: d.doc_type for d in case.documents}
            result["judgments_doc_types"] = dict(
                Counter(f"{d.doc_type} ({d.doc_type_method})" for d in case.documents).most_common()
            )
            result["judgments_findings"] = [
                {
                    "rule": f.rule_id,
                    "documents": sorted({f"{e.document} {types.get(e.document, '?')}" for e in f.evidence}),
                }
                for f in case.findings
            ]
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
