"""The timeline extractor and the custody time limits over real court judgments (issue #5).

Judgments write each defendant's coercive measures in prose ("因涉嫌盗窃罪于2018年3月1日被刑事拘留，同年3月30日被
逮捕"). ``nlp.case.timeline.prose_acts`` reads them (source kind ``prose``, patterns in nlp/case/acts.yaml); this
script counts the acts found and runs two checks on each defendant's sentence, on whole days only (judgments write
no times, and the first day is not counted, 刑诉法 第一百零五条):

* custody: from 刑事拘留 to the 逮捕 that follows it more than 37 days — the longest lawful 拘留 is 30 days before
  the 提请批准逮捕 plus 7 days for the 检察院 to decide (刑诉法 第九十一条); a later 取保候审/释放 is not judged,
  since a summary may skip the 逮捕 in between;
* order: the next measure dated before the 刑事拘留 it follows in the text.

Run: ``.venv/bin/python scripts/eval_judgment_timeline.py [--data ../shared/data/judgments] [--show N]``.
The data is the read-only shared set (LeCaRD v2 query judgments; CJRC criminal contexts); nothing here is needed
by the product at run time.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp.case.timeline import ProseAct, prose_acts

MAX_DETENTION_DAYS = 37  # 刑诉法 第九十一条: 30 days to the 提请 (流窜/多次/结伙) + 7 days for the 检察院
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "judgments"


def texts(data: Path) -> Iterator[tuple[str, str]]:
    with (data / "lecard_v2_query_judgments.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            yield f"lecard-{row['id']}", row.get("query_fulltext") or ""
    cjrc = data / "cjrc_cail2019_reading_comprehension.jsonl"
    if cjrc.exists():
        with cjrc.open(encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                if row.get("domain") == "criminal":
                    yield f"cjrc-{row['id']}", row.get("context") or ""


def check(acts: list[ProseAct]) -> list[tuple[str, ProseAct, ProseAct, int]]:
    """(kind, 拘留, next act, days) for each defendant sentence whose custody is too long or out of order."""
    out = []
    by_sentence: dict[int, list[ProseAct]] = {}
    for p in acts:
        by_sentence.setdefault(p.sentence, []).append(p)
    for group in by_sentence.values():
        group.sort(key=lambda p: p.act.start)
        for i, det in enumerate(group):
            if det.act.name != "detained":
                continue
            nxt = next((p for p in group[i + 1 :] if p.act.name != "detained"), None)
            if nxt is None:
                continue
            days = (nxt.act.moment.earliest.date() - det.act.moment.earliest.date()).days
            if days < 0:
                out.append(("order", det, nxt, days))
            # Only 拘留 → 逮捕 is certain: a judgment's summary may skip the 逮捕 between 拘留 and a later 取保/释放.
            elif days > MAX_DETENTION_DAYS and nxt.act.name == "arrested":
                out.append(("custody", det, nxt, days))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", type=int, default=50, help="flagged items to print with their context")
    args = parser.parse_args(argv)
    if not (args.data / "lecard_v2_query_judgments.jsonl").exists():
        sys.stderr.write(f"no judgments at {args.data}\n")
        return 2
    kinds: Counter[str] = Counter()
    docs = docs_with = 0
    flagged: list[tuple[str, str, str, int, str]] = []
    for doc_id, text in texts(args.data):
        docs += 1
        acts = prose_acts(text, doc_id)
        docs_with += bool(acts)
        kinds.update(p.act.name for p in acts)
        for kind, det, nxt, days in check(acts):
            lo, hi = max(0, det.act.start - 30), min(len(text), nxt.act.end + 30)
            context = text[lo:hi].replace("\n", " ")
            flagged.append((kind, doc_id, f"{det.act.moment.text}→{nxt.act.zh} {nxt.act.moment.text}", days, context))
    out = sys.stdout.write
    out(f"documents: {docs}; with at least one prose act: {docs_with}\n")
    out("acts found: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()) + "\n")
    by_kind = Counter(f[0] for f in flagged)
    limit = MAX_DETENTION_DAYS
    out(f"flagged: {len(flagged)} (custody > {limit} days: {by_kind['custody']}, order: {by_kind['order']})\n")
    for kind, doc_id, what, days, context in flagged[: args.show]:
        out(f"  [{kind}] {doc_id}: {what} ({days}日) …{context}…\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
