"""警号 (badge numbers) with the officer each is written beside: 讯问人：李明（警号320123）、赵刚（警号320456）.

Not a document entity type: the consistency check CON-11 reads them to tie officers across documents. A number
with no name right before it (a bare 警号：320123 line) is kept with ``name`` None; it links nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

__all__ = ["BadgeMention", "extract_badges"]

_DATA = Path(__file__).with_name("badges.yaml")


@dataclass(frozen=True)
class BadgeMention:
    badge: str
    start: int  # the number's span
    end: int
    name: str | None
    name_start: int = -1
    name_end: int = -1


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    raw: dict[str, Any] = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    badge = re.compile(rf"(?P<lead>{raw['lead']})(?P<badge>{raw['badge']})(?![0-9])")
    name = re.compile(rf"(?P<name>{raw['name']})$")
    prefixes = tuple(sorted(raw["name_prefixes"], key=len, reverse=True))
    return badge, name, prefixes


def extract_badges(text: str) -> list[BadgeMention]:
    """Every 警号 in ``text``, with the name written right before it where there is one."""
    badge_re, name_re, prefixes = _patterns()
    out: list[BadgeMention] = []
    for m in badge_re.finditer(text):
        lead_start = m.start("lead")
        # The name ends where the lead begins; a run of Han characters, cut at a role word (民警李明 -> 李明).
        before = text[max(0, lead_start - 12) : lead_start]
        nm = name_re.search(before)
        name, ns, ne = None, -1, -1
        if nm is not None:
            run = nm.group("name")
            offset = lead_start - len(run)
            for p in prefixes:
                cut = run.rfind(p)
                if cut >= 0:
                    offset += cut + len(p)
                    run = run[cut + len(p) :]
                    break
            if 2 <= len(run) <= 4 or (2 <= len(run) <= 6 and "·" in run):
                name, ns, ne = run, offset, offset + len(run)
        out.append(BadgeMention(m.group("badge"), m.start("badge"), m.end("badge"), name, ns, ne))
    return out
