"""Per-rule precision and recall summed over several `juanshen eval --out` JSON files (several fresh corpora read as
one): which rules fall under a bar, and which were planted too rarely to say much.

    python scripts/sum_evals.py /tmp/seed784/eval.json /tmp/seed785/eval.json /tmp/seed786/eval.json [--bar 0.95]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("evals", nargs="+", type=Path)
    parser.add_argument("--bar", type=float, default=0.95)
    parser.add_argument("--few", type=int, default=5, help="planted fewer times than this: listed as thin evidence")
    args = parser.parse_args()
    totals: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    clean = findings = 0
    for path in args.evals:
        data = json.loads(path.read_text(encoding="utf-8"))
        clean += data["false_alarms"]["clean_cases"]
        findings += data["false_alarms"]["findings"]
        for rule, r in data["by_rule"].items():
            for key in ("tp", "fp", "fn"):
                totals[rule][key] += r[key]
    under, few = [], []
    for rule, r in sorted(totals.items()):
        gold = r["tp"] + r["fn"]
        precision = r["tp"] / (r["tp"] + r["fp"]) if r["tp"] + r["fp"] else 1.0
        recall = r["tp"] / gold if gold else 1.0
        if precision < args.bar or recall < args.bar:
            under.append(f"{rule} (planted {gold}, found {r['tp']}, false {r['fp']})")
        if 0 < gold < args.few:
            few.append(f"{rule} {gold}")
    planted = sum(1 for r in totals.values() if r["tp"] + r["fn"])
    tp, fp, fn = (sum(r[k] for r in totals.values()) for k in ("tp", "fp", "fn"))
    print(f"planted {tp + fn}, found {tp}, false {fp}; findings on {clean} clean cases: {findings}")  # noqa: T201
    print(f"rules planted: {planted}; under {args.bar}: {', '.join(under) or 'none'}")  # noqa: T201
    print(f"planted fewer than {args.few} times: {', '.join(few) or 'none'}")  # noqa: T201


if __name__ == "__main__":
    main()
