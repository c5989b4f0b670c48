"""Splitting a combined PDF (the whole 案卷 scanned or printed as one file) into its documents.

A page starts a new document when

* it carries a page-number mark that restarts ("第1页" / "第 1 页 共 3 页"), or
* no page-number mark says it continues (第k页 with k > 1) and one of its first lines is a document title
  (``nlp.doctypes.classify`` finds a title there, not only body markers) printed centred on the page — a
  continuation page of a 笔录 starts with body text, the next document with its title.

The first page always starts one. Each part keeps the file's page numbers on its blocks, so evidence points at
the page of the file the reviewer holds; its source is "<file>#pages=a-b".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.doctypes.classify import classify
from nlp.parsers.base import ParsedFile
from nlp.schema import Block

HEAD_LINES = 6  # the title is looked for in this many lines at the top of a page
TITLE_CENTRE_SLACK = 0.12  # × page width: how far a title's centre may be from the page's centre
MIN_PAGES = 2

_PAGE_MARK = re.compile(r"第\s*(\d{1,4})\s*页(?:\s*[/,，]?\s*共\s*(\d{1,4})\s*页)?")
_PART_SOURCE = re.compile(r"^第(\d+)(?:-(\d+))?页")


def _pages(parsed: ParsedFile) -> dict[int, list[Block]]:
    by_page: dict[int, list[Block]] = {}
    for block in parsed.blocks:
        if block.page is not None:
            by_page.setdefault(block.page, []).append(block)
    return by_page


def _page_number_mark(parsed: ParsedFile, blocks: list[Block]) -> int | None:
    """The page's own number from a "第k页（共n页）" mark on a short line (a header or footer), or None."""
    for block in (*blocks[:2], *blocks[-2:]):
        line = parsed.text[block.start : block.end]
        if len(line) > 24:
            continue
        m = _PAGE_MARK.search(line)
        if m:
            return int(m.group(1))
    return None


def _starts_with_title(parsed: ParsedFile, blocks: list[Block], width: float | None) -> bool:
    head = blocks[:HEAD_LINES]
    if not head:
        return False
    start, end = head[0].start, head[-1].end
    found = classify(parsed.text[start:end])
    if not found.method.startswith("title"):
        return False
    if width is None:
        return True
    title_start, title_end = start + found.title_start, start + found.title_end
    boxes = [b.bbox for b in head if b.bbox is not None and b.start < title_end and title_start < b.end]
    if not boxes:
        return True
    centre = (min(b[0] for b in boxes) + max(b[2] for b in boxes)) / 2
    return abs(centre - width / 2) <= TITLE_CENTRE_SLACK * width


def split_points(parsed: ParsedFile) -> list[tuple[int, int]]:
    """The documents of a PDF as (first page, last page), 1-based and inclusive, in order; one range covering
    the whole file when it holds a single document (or is not a PDF)."""
    pages = parsed.pages or 0
    if pages < MIN_PAGES or not parsed.blocks:
        return [(1, max(pages, 1))]
    by_page = _pages(parsed)
    widths = {info.page: info.width for info in parsed.page_info}
    starts = [1]
    for page in range(2, pages + 1):
        blocks = by_page.get(page, [])
        if not blocks:
            continue  # a blank page belongs to the document before it
        mark = _page_number_mark(parsed, blocks)
        if mark is not None:
            if mark == 1:
                starts.append(page)
            continue
        if _starts_with_title(parsed, blocks, widths.get(page)):
            starts.append(page)
    ends = [s - 1 for s in starts[1:]] + [pages]
    return list(zip(starts, ends, strict=True))


def _warning_pages(warning: str) -> tuple[int, int] | None:
    m = _PART_SOURCE.match(warning)
    if not m:
        return None
    first = int(m.group(1))
    return first, int(m.group(2) or first)


def slice_pages(parsed: ParsedFile, first: int, last: int, *, keep_file_warnings: bool) -> ParsedFile:
    """The part of ``parsed`` on pages first..last (inclusive): its text, blocks and soft breaks with offsets
    rebased, its pages' info and the warnings about its pages (and the file-wide ones when
    ``keep_file_warnings``). Blocks keep the file's page numbers."""
    blocks = [b for b in parsed.blocks if b.page is not None and first <= b.page <= last]
    if blocks:
        start, end = blocks[0].start, blocks[-1].end
    else:
        start = end = 0
    text = parsed.text[start:end]
    rebased = [b.model_copy(update={"start": b.start - start, "end": b.end - start}) for b in blocks]
    warnings = []
    for warning in parsed.warnings:
        span = _warning_pages(warning)
        if span is None:
            if keep_file_warnings:
                warnings.append(warning)
        elif span[0] <= last and first <= span[1]:
            lo, hi = max(span[0], first), min(span[1], last)  # the part's own pages of a file-wide range
            pages = str(lo) if lo == hi else f"{lo}-{hi}"
            warnings.append(_PART_SOURCE.sub(f"第{pages}页", warning, count=1))
    return ParsedFile(
        format=parsed.format,
        text=text,
        blocks=rebased,
        pages=last - first + 1,
        method=parsed.method,
        warnings=warnings,
        soft_breaks=[o - start for o in parsed.soft_breaks if start <= o < end],
        page_info=[info for info in parsed.page_info if first <= info.page <= last],
    )


def split_parsed(parsed: ParsedFile, source: str) -> Iterator[tuple[str, ParsedFile, tuple[int, int]]]:
    """(source, part, page range) for each document of a combined PDF; the file itself when it is one document."""
    ranges = split_points(parsed)
    if len(ranges) == 1:
        yield source, parsed, (1, parsed.pages or 1)
        return
    for index, (first, last) in enumerate(ranges):
        part = slice_pages(parsed, first, last, keep_file_warnings=index == 0)
        yield f"{source}#pages={first}-{last}", part, (first, last)
