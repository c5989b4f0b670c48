"""Bundled statute texts (刑法, 刑事诉讼法, 治安管理处罚法 2012/2025, 公安机关办理刑事/行政案件程序规定 …).

``StatuteDB.load()`` reads only this package's ``data/`` folder; ``python -m nlp.statutes.build`` regenerates it
from ../shared (see data/SOURCES.md).
"""

from __future__ import annotations

from nlp.statutes.db import (
    Article,
    Law,
    LawVersion,
    PsaplMapping,
    StatuteDB,
    TextBlock,
    normalize_quote,
    split_paragraphs,
)

__all__ = [
    "Article",
    "Law",
    "LawVersion",
    "PsaplMapping",
    "StatuteDB",
    "TextBlock",
    "normalize_quote",
    "split_paragraphs",
]
