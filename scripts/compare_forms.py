"""Compares generated documents with the real police form skeletons in ../shared/data/police_forms.

    python scripts/compare_forms.py [--cases 64] [--seed 5] [--shared ../shared]

For every skeleton whose document type the generator writes, lists the skeleton's field labels and how often each
appears in the generated documents of that type — a check that our forms carry the fields the real ones print.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from corpora.generator.corpus import CorpusConfig, generate_case
from nlp.doctypes.classify import classify

# Skeleton lines that are labels: short, no blanks inside, not boilerplate sentences.
_LABEL = re.compile(r"^[\u4e00-\u9fa5]{2,10}$")
_SKIP = {"存根", "副本", "此联附卷", "公安局印", "（公安局印）", "(公安局印)", "（受案单位名称和印章）"}


def skeleton_labels(path: Path) -> list[str]:
    labels = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        raw = re.sub(r"[（(][^）)]*[）)]", " ", raw)  # (存根), (公安局印), (捺指印): markers, not fields
        for part in re.split(r"[＿_\s]+", raw):
            part = part.strip("：: ")
            if _LABEL.match(part) and part not in _SKIP and not part.endswith(("书", "证", "表")):
                labels.append(part)
    return list(dict.fromkeys(labels))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=64)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args()
    forms = args.shared / "data" / "police_forms"
    if not forms.is_dir():
        sys.stderr.write(f"not found: {forms}\n")
        return 2
    texts: dict[str, list[str]] = defaultdict(list)
    cfg = CorpusConfig(seed=args.seed, clean_share=1.0, hard_negative_share=0.0)
    for i in range(args.cases):
        for doc in generate_case(cfg, i).docs:
            texts[doc.doc_type].append(doc.text())
    report = {}
    for path in sorted(forms.glob("*.txt")):
        first_title = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip("＿_ "))
        doc_type = classify(path.read_text(encoding="utf-8"), path.name).doc_type
        generated = texts.get(doc_type, [])
        labels = skeleton_labels(path)
        if not generated:
            report[path.stem] = {"doc_type": doc_type, "generated": 0, "title": first_title}
            continue
        counts = Counter(label for label in labels for text in generated if label in text)
        report[path.stem] = {
            "doc_type": doc_type,
            "generated": len(generated),
            "labels": len(labels),
            "labels_present_always": sum(counts[label] == len(generated) for label in labels),
            "labels_never_present": [label for label in labels if counts[label] == 0],
        }
    sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
