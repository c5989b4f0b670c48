"""Throughput of the pattern extractors (single process): characters per second on 1 MB of police-style text.

    python scripts/bench_extractors.py [--repeat 3] [--size 1000000]

The texts are the fictional paragraphs the extractor tests use, repeated to the size asked; each extractor runs
``--repeat`` times and the best time counts (the least disturbed by other processes on the machine).
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp.extractors.citations import extract_citations
from nlp.extractors.datetimes import extract_datetimes, extract_durations
from nlp.extractors.docnumbers import extract_case_numbers, extract_doc_numbers
from nlp.extractors.ids import extract_id_numbers, extract_phones
from nlp.extractors.money import extract_money

_PARAS = {
    "prose": (
        "2022年5月3日14时30分许，张某在某超市盗窃手机一部，价值人民币4800元。次日凌晨2时许被抓获，"
        "当日被刑事拘留，拘留期限三十日。问：你当时为什么这么做？答：一时冲动。时间：2022年5月4日9时至10时30分。\n"
    ),
    "money": "张某盗窃手机一部，价值人民币4800元，现金叁仟伍佰元整，共3000件，住3单元，罚款500元。\n",
    "ids": "张某，身份证号11010519900307451X，电话13812345678，银行卡号6222021234567890123，共计3000元。",
    "numbers": "根据东公（刑）立字〔2022〕123号立案决定书，案件编号：A3201020500002022050012，本案由某派出所办理。\n",
    "citations": "依据《中华人民共和国治安管理处罚法》第四十九条、《刑法》第二百六十四条之规定，决定给予行政拘留十日。根据第五条处理。\n",  # noqa: E501
}
_RUNS: list[tuple[str, Callable[[str], list], str]] = [
    ("datetime", extract_datetimes, "prose"),
    ("duration", extract_durations, "prose"),
    ("money", extract_money, "money"),
    ("id_number", extract_id_numbers, "ids"),
    ("phone", extract_phones, "ids"),
    ("doc_number", extract_doc_numbers, "numbers"),
    ("case_number", extract_case_numbers, "numbers"),
    ("law_citation", extract_citations, "citations"),
]


def _out(line: str) -> None:
    sys.stdout.write(line + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--size", type=int, default=1_000_000)
    args = parser.parse_args()
    _out(f"python {platform.python_version()}, {platform.machine()}, {args.size:,} characters, best of {args.repeat}")
    _out(f"{'extractor':<14}{'entities':>10}{'seconds':>10}{'chars/s':>14}")
    for name, func, key in _RUNS:
        para = _PARAS[key]
        text = (para * (args.size // len(para) + 1))[: args.size]
        func(text[:10_000])
        best, found = float("inf"), 0
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            found = len(func(text))
            best = min(best, time.perf_counter() - t0)
        _out(f"{name:<14}{found:>10,}{best:>10.2f}{args.size / best:>14,.0f}")


if __name__ == "__main__":
    main()
