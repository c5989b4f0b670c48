"""What a parser returns, and the error it raises for a file it cannot read."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from nlp.labels import FileFormat
from nlp.schema import Block, PageInfo


class ParseError(Exception):
    """A file that cannot be read. ``reason`` is Chinese, for the reviewer, and never contains case text."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ParsedFile(BaseModel):
    """The text and provenance of one file, before classification. Offsets of blocks point into ``text``."""

    model_config = ConfigDict(extra="forbid")

    format: FileFormat
    text: str
    blocks: list[Block] = Field(default_factory=list)
    pages: int | None = None
    method: str = ""  # e.g. "python-docx", "pypdfium2", "pdfplumber"
    warnings: list[str] = Field(default_factory=list)  # e.g. "第3页无文字层，已OCR识别"
    # Offsets in ``text`` of the "\n" characters that are only a printed line wrap inside one paragraph or table
    # cell (PDF only): extractors may read across them. The text itself keeps them.
    soft_breaks: list[int] = Field(default_factory=list)
    page_info: list[PageInfo] = Field(default_factory=list)  # PDF: how each page was read (text layer or OCR)
