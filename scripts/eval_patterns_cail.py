"""Scores the pattern extractors against real police prose: CAIL2021 theft NER (起诉意见书 sentences).

    python scripts/eval_patterns_cail.py [--shared ../shared] [--json OUT]

The CAIL2021 types that our pattern extractors cover: NT (时间) ↔ DATETIME, and NCGV/NCSM/NCSP (物品价值, 被盗货币,
盗窃获利) ↔ MONEY. The annotation conventions differ (gold NT spans include 许/左右/凌晨 and vague times like
"2018年5月份期间"; gold labels only the theft's own times and amounts), so we report both strict span match and
overlap match, and precision against gold is a lower bound: an unlabelled 出生日期 we find counts as a false positive.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from nlp.extractors import extract
from nlp.labels import EntityType

PAIRS = {"DATETIME": ({"NT"}, EntityType.DATETIME), "MONEY": ({"NCGV", "NCSM", "NCSP"}, EntityType.MONEY)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    path = args.shared / "data" / "ner" / "cail2021_xxcq_theft_ner.jsonl"
    if not path.exists():
        sys.stderr.write(f"not found: {path}\n")
        return 2
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts: dict[str, Counter[str]] = {name: Counter() for name in PAIRS}
    chars = 0
    started = time.perf_counter()
    for row in rows:
        text = row["text"]
        chars += len(text)
        found = extract(text)
        for name, (gold_labels, our_type) in PAIRS.items():
            gold = [(e["start"], e["end"]) for e in row["entities"] if e["label"] in gold_labels]
            ours = [(e.start, e.end) for e in found if e.type == our_type]
            c = counts[name]
            c["gold"] += len(gold)
            c["ours"] += len(ours)
            c["strict"] += len(set(gold) & set(ours))
            c["gold_overlapped"] += sum(any(s < oe and os_ < e for os_, oe in ours) for s, e in gold)
            c["ours_overlapping"] += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in ours)
    elapsed = time.perf_counter() - started
    result: dict[str, object] = {"sentences": len(rows), "chars": chars, "seconds": round(elapsed, 2)}
    for name, c in counts.items():
        strict_p = c["strict"] / c["ours"] if c["ours"] else 0.0
        strict_r = c["strict"] / c["gold"] if c["gold"] else 0.0
        overlap_p = c["ours_overlapping"] / c["ours"] if c["ours"] else 0.0
        overlap_r = c["gold_overlapped"] / c["gold"] if c["gold"] else 0.0
        result[name] = {
            "gold": c["gold"],
            "found": c["ours"],
            "strict_precision": round(strict_p, 3),
            "strict_recall": round(strict_r, 3),
            "overlap_precision_lower_bound": round(overlap_p, 3),
            "overlap_recall": round(overlap_r, 3),
        }
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
