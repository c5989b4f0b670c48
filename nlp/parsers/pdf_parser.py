"""Text-layer PDF parser on pypdfium2: one LINE block per visual text line, with page, bbox and char boxes.

Why pypdfium2 (see docs/PERFORMANCE.md, "Parsing"): on a dense 20-page Chinese PDF this parser, boxes included,
is about seven times faster than pdfplumber's plain ``extract_text`` and yields the same characters.
pdfplumber's extras (table and ruling-line detection) are not needed because a form row comes out as one line
with its cells separated by spaces. pdfplumber only reads the rare page where PDFium drops text (``_scan_objects``).

Characters are taken from PDFium's text page with their loose boxes (the font's full height, so all glyphs of a
line share a band even when the font is not embedded and tight boxes collapse), then:

* grouped into lines by vertical overlap (at least half the smaller height), lines ordered top to bottom and
  characters left to right — content-stream order is not trusted, generators emit tables column by column;
* a space is put between two neighbours when the PDF had a space between them in stream order, or when the
  gap is wider than 0.6 × the line height (separate form cells, tab stops); the space gets the gap as its box;
* a glyph drawn twice at almost the same place (fake bold) is kept once.

Each line break the parser emits is also judged a soft wrap or a real line end (``ParsedFile.soft_breaks``, see
``_soft_breaks``): a paragraph or table cell that runs over several printed lines is still one "\n" per printed
line in the text, but extractors may read across its soft breaks.

Coordinates are PDF points with the origin at the top-left of the page as displayed (crop box, /Rotate
applied), clamped to the page.
"""

from __future__ import annotations

import ctypes
import io
import logging
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from operator import attrgetter
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from nlp import registry
from nlp.labels import BlockKind, FileFormat
from nlp.parsers.base import ParsedFile, ParseError
from nlp.parsers.normalize import TextBuilder, normalize_map
from nlp.parsers.ocr import OcrPage, OcrUnavailableError, ocr_available, ocr_pdf_pages
from nlp.parsers.quality import is_garbled, is_short, space_glued_labels
from nlp.schema import BBox, Block, PageInfo

SPACE_GAP = 0.6  # a gap wider than this × line height is a space even without a space character
MIN_LINE_OVERLAP = 0.5  # share of the smaller glyph height two glyphs must overlap to be on one line
SCAN_MAX_CHARS = 20  # a page with fewer characters than this …
SCAN_MIN_IMAGE_AREA = 0.5  # … and an image covering at least this share of it is treated as a scan
LOW_PAGE_CONFIDENCE = 0.85  # an OCRed page read with a lower mean confidence gets a warning
INK_DPI = 72  # resolution at which a scan-backed page's printed lines are counted (``_ink_lines``)

# Soft wraps (see ``_soft_breaks``). "em" is the wrapped line's character width.
WRAP_END_SLACK = 0.5  # em: a wrapped line's free space at the right edge is under (next line's first unit + this)
WRAP_ALIGN = 0.5  # em: a continuation line starts this close to where the wrapped text started
WRAP_MAX_INDENT = 2.5  # em: a paragraph's first line may be indented up to this much (two characters)
WRAP_MAX_LEADING = 1.2  # × line height: a wider blank between two lines is a paragraph or row gap
WRAP_MAX_SIZE_RATIO = 1.2  # line heights differing more than this are different paragraphs (title, body)
WRAP_RIGHT_MARGIN_SLACK = 0.1  # × page width: how much wider the right margin may be than the left one
RULE_MIN_LENGTH = 2.0  # points: an axis-parallel path segment at least this long is a ruling line
RULE_MAX_SKEW = 0.5  # points: … and at most this far from level (or plumb)

# A line ending with one of these (closing quotes and brackets aside) ends a sentence or a form label.
_HARD_END = frozenset("。！？；：…!?;:")
_CLOSERS = "”’」』）)】〕》〉]\"'"
# Chinese typesetting moves these with their neighbour when wrapping: a line never starts with the first set
# (避头) nor ends with the second (避尾), so the first unit of a wrapped line may be two or three characters.
_NO_LINE_START = frozenset("，。、；：？！）》」』”’〕】〉…%‰·,.;:?!)]}")
_NO_LINE_END = frozenset("（《「『“‘〔【〈([{")
_WORD_CHAR = re.compile(r"[0-9A-Za-z]")
_WORD_INNER = frozenset(".-_/@:")
_QA_TURN = re.compile(r"(?:问|答)[：:]")
# A form label ("地点：", "被询问人："); 条/款/项 would make it a citation's tail ("十一条：").
_LABEL = re.compile(r"[\u4e00-\u9fff（）()]{1,10}[：:]")

log = logging.getLogger(__name__)

# PDFium is not thread-safe; the API may parse from several worker threads.
_PDFIUM_LOCK = threading.Lock()


@dataclass(slots=True)
class _Char:
    ch: str
    x0: float
    top: float
    x1: float
    bottom: float
    order: int  # position among the page's kept characters in content-stream order
    space_before: bool  # a space (real or PDFium-generated) preceded it in the content stream
    middle: float = 0.0  # top + bottom: the sort key for line grouping


def _display_transform(page: pdfium.PdfPage) -> tuple[float, float, tuple[float, ...]]:
    """Width and height of the page as displayed and the affine (a, b, c, d, e, f) taking PDF space (x, y) to
    top-left display space (a·x + b·y + c, d·x + e·y + f), crop box origin and /Rotate included."""
    left, bottom, right, top = page.get_cropbox()
    width, height = right - left, top - bottom
    rotation = page.get_rotation() % 360
    if rotation == 90:
        return height, width, (0.0, 1.0, height - top, 1.0, 0.0, -left)
    if rotation == 180:
        return width, height, (-1.0, 0.0, width + left, 0.0, 1.0, height - top)
    if rotation == 270:
        return height, width, (0.0, -1.0, top, -1.0, 0.0, width + left)
    return width, height, (1.0, 0.0, -left, 0.0, -1.0, top)


def _page_chars(textpage: pdfium.PdfTextPage, page: pdfium.PdfPage) -> tuple[list[_Char], float, float, float]:
    """The page's visible characters in display coordinates, the page size, and the share of sampled
    characters whose font has no Unicode mapping (their text is a guess)."""
    width, height, (a, b, c, d, e, f) = _display_transform(page)
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    get_unicode = pdfium_c.FPDFText_GetUnicode
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    has_map_error = pdfium_c.FPDFText_HasUnicodeMapError
    chars: list[_Char] = []
    space_before = False
    sampled = unmapped = 0
    # This loop runs once per character of every page: plain comparisons instead of min()/max(), no helpers.
    for index in range(textpage.count_chars()):
        code = get_unicode(raw, index)
        # PDFium reports a '-' at a line end as a soft hyphen (U+0002); it is a real hyphen in what was printed.
        ch = "-" if code == 2 else chr(code) if 0 < code < 0x110000 else "\ufffd"
        if ch.isspace():  # real spaces and PDFium's generated spaces / line breaks
            space_before = space_before or ch in " \u3000\xa0\t"
            continue
        if not get_box(raw, index, rect_ref):
            continue
        if len(chars) % 16 == 0:
            sampled += 1
            unmapped += has_map_error(raw, index) == 1
        pl, pt, pr, pb = rect.left, rect.top, rect.right, rect.bottom
        x0, top = a * pl + b * pt + c, d * pl + e * pt + f
        x1, bottom = a * pr + b * pb + c, d * pr + e * pb + f
        if x0 > x1:
            x0, x1 = x1, x0
        if top > bottom:
            top, bottom = bottom, top
        if x0 < 0.0 or x1 > width or top < 0.0 or bottom > height:
            if x1 <= 0.0 or x0 >= width or bottom <= 0.0 or top >= height:
                continue  # outside the crop box: nobody sees it
            x0, x1 = max(x0, 0.0), min(x1, width)  # a glyph box poking out of the page
            top, bottom = max(top, 0.0), min(bottom, height)
        chars.append(_Char(ch, x0, top, x1, bottom, len(chars), space_before, top + bottom))
        space_before = False
    return chars, width, height, unmapped / sampled if sampled else 0.0


def _group_lines(chars: list[_Char]) -> list[list[_Char]]:
    lines: list[list[_Char]] = []
    band_top = band_bottom = 0.0
    for char in sorted(chars, key=attrgetter("middle", "x0")):
        if lines:
            overlap = (char.bottom if char.bottom < band_bottom else band_bottom) - (
                char.top if char.top > band_top else band_top
            )
            smaller = char.bottom - char.top
            if band_bottom - band_top < smaller:
                smaller = band_bottom - band_top
            if (overlap > 0 and overlap >= MIN_LINE_OVERLAP * smaller) or (smaller <= 0 and overlap >= 0):
                lines[-1].append(char)
                if char.top < band_top:
                    band_top = char.top
                if char.bottom > band_bottom:
                    band_bottom = char.bottom
                continue
        lines.append([char])
        band_top, band_bottom = char.top, char.bottom
    for line in lines:
        line.sort(key=attrgetter("x0", "order"))
    lines.sort(key=lambda line: (min(c.top for c in line), line[0].x0))
    return lines


def _line_text(line: list[_Char]) -> tuple[str, list[BBox]]:
    """The raw text of one line and one box per character, spaces inserted where the layout has gaps."""
    top = min(c.top for c in line)
    bottom = max(c.bottom for c in line)
    text: list[str] = []
    boxes: list[BBox] = []
    previous = line[0]
    text.append(previous.ch)
    boxes.append((previous.x0, previous.top, previous.x1, previous.bottom))
    for char in line[1:]:
        if char.ch == previous.ch and abs(char.x0 - previous.x0) < 0.3 * (previous.x1 - previous.x0):
            continue  # the same glyph overprinted (fake bold)
        gap = char.x0 - previous.x1
        height = char.bottom - char.top
        if previous.bottom - previous.top > height:
            height = previous.bottom - previous.top
        if (char.space_before and char.order == previous.order + 1) or gap > SPACE_GAP * height:
            text.append(" ")
            boxes.append((previous.x1, top, char.x0 if gap > 0 else previous.x1, bottom))
        text.append(char.ch)
        boxes.append((char.x0, char.top, char.x1, char.bottom))
        previous = char
    return "".join(text), boxes


def _has_page_image(page: pdfium.PdfPage, page_area: float) -> bool:
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        if page_area > 0 and (right - left) * (top - bottom) >= SCAN_MIN_IMAGE_AREA * page_area:
            return True
    return False


def _page_ranges(pages: list[int]) -> list[str]:
    """[3, 4, 5, 9] -> ["3-5", "9"]: one warning per run of pages instead of one per page of a long scan."""
    runs: list[list[int]] = []
    for page in pages:
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return [str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs]


def _round(box: BBox) -> BBox:
    return (round(box[0], 2), round(box[1], 2), round(box[2], 2), round(box[3], 2))


@dataclass(slots=True)
class _Emitted:
    """One emitted line's text and layout, as the soft-wrap decision needs them."""

    text: str
    end: int  # offset just past the line in the document text: where its "\n" goes
    boxes: list[BBox]
    x0: float
    top: float
    x1: float
    bottom: float
    # Filled by _measure, only for lines whose break is still in doubt after the cheap checks.
    measured: bool = False
    em: float = 0.0  # character width: the widest glyph near either end, at most the line height
    cell_start: int = 0  # index in ``text`` where the last cell starts (after the last layout gap); 0 for one cell
    cell_x0: float = 0.0  # … and its left edge


def _lead_width(line: _Emitted) -> float:
    """Width of the line's first unit a wrap could not have split ("中", "《中", "4800", "下，"): opening brackets,
    then a run of letters and digits or one character, then the punctuation a line may not start with."""
    text = line.text
    n = len(text)
    i = 0
    while i < n - 1 and text[i] in _NO_LINE_END:
        i += 1
    if _WORD_CHAR.match(text, i):
        i += 1
        while i < n and (_WORD_CHAR.match(text, i) or (text[i] in _WORD_INNER and _WORD_CHAR.match(text, i + 1))):
            i += 1
    else:
        i += 1
    while i < n and text[i] in _NO_LINE_START:
        i += 1
    return line.boxes[i - 1][2] - line.x0


def _measure(line: _Emitted) -> None:
    if line.measured:
        return
    text, boxes = line.text, line.boxes
    height = line.bottom - line.top
    widest = 0.0
    # The glyphs at the ends are the ones the tolerances are about; sampling them keeps this cheap.
    for index in (*range(min(8, len(text))), *range(max(8, len(text) - 8), len(text))):
        if text[index] != " " and boxes[index][2] - boxes[index][0] > widest:
            widest = boxes[index][2] - boxes[index][0]
    line.em = min(widest, height) if widest > 0 else height
    line.cell_start = 0
    space = text.rfind(" ")
    while space >= 0:  # a space as wide as a layout gap separates cells (see _line_text)
        if boxes[space][2] - boxes[space][0] > SPACE_GAP * height:
            line.cell_start = space + 1
            break
        space = text.rfind(" ", 0, space)
    line.cell_x0 = boxes[line.cell_start][0]
    line.measured = True


def _add_line(builder: TextBuilder, blocks: list[Block], line: list[_Char], page: int) -> _Emitted | None:
    raw, raw_boxes = _line_text(line)
    text, source_index = normalize_map(raw, single_line=True)
    if not text:
        return None
    boxes = [raw_boxes[i] for i in source_index]
    ((start, end),) = builder.add_line([text])
    x0s, tops, x1s, bottoms = zip(*boxes, strict=True)
    x0, top, x1, bottom = min(x0s), min(tops), max(x1s), max(bottoms)
    bbox = _round((x0, top, x1, bottom))
    blocks.append(Block(start=start, end=end, kind=BlockKind.LINE, page=page, bbox=bbox, char_boxes=boxes))
    return _Emitted(text, end, boxes, x0, top, x1, bottom)


@dataclass(slots=True)
class _Rules:
    """A page's ruling lines (table borders, separators) in display coordinates."""

    horizontal: list[tuple[float, float, float]] = field(default_factory=list)  # (x0, x1, y)
    vertical: list[tuple[float, float, float]] = field(default_factory=list)  # (x, top, bottom)


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _compose(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    """The PDF matrix applying ``inner`` first, then ``outer`` (both as (a, b, c, d, e, f))."""
    ia, ib, ic, id_, ie, if_ = inner
    oa, ob, oc, od, oe, of = outer
    return (
        ia * oa + ib * oc,
        ia * ob + ib * od,
        ic * oa + id_ * oc,
        ic * ob + id_ * od,
        ie * oa + if_ * oc + oe,
        ie * ob + if_ * od + of,
    )


def _page_rules(paths: list[tuple[Any, tuple[float, ...]]], display: tuple[float, ...]) -> _Rules:
    """The straight level and plumb segments of the page's painted paths, in display space. ``paths`` holds each
    path object with the matrix taking its enclosing form's space to the page's (see ``_scan_objects``)."""
    da, db, dc, dd, de, df = display
    rules = _Rules()
    matrix = pdfium_c.FS_MATRIX()
    px, py = ctypes.c_float(), ctypes.c_float()
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    moveto, lineto = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO

    def add(p: tuple[float, float], q: tuple[float, float]) -> None:
        dx, dy = abs(q[0] - p[0]), abs(q[1] - p[1])
        if dy <= RULE_MAX_SKEW and dx >= RULE_MIN_LENGTH:
            rules.horizontal.append((min(p[0], q[0]), max(p[0], q[0]), (p[1] + q[1]) / 2))
        elif dx <= RULE_MAX_SKEW and dy >= RULE_MIN_LENGTH:
            rules.vertical.append(((p[0] + q[0]) / 2, min(p[1], q[1]), max(p[1], q[1])))

    for obj, outer in paths:
        if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke)) or (
            fill_mode.value == 0 and not stroke.value
        ):
            continue  # neither filled nor stroked: nothing on the page
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
            continue
        m = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
        start: tuple[float, float] | None = None
        current: tuple[float, float] | None = None
        for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
            if not segment or not pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(px), ctypes.byref(py)):
                continue
            x, y = m[0] * px.value + m[2] * py.value + m[4], m[1] * px.value + m[3] * py.value + m[5]
            point = (da * x + db * y + dc, dd * x + de * y + df)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind == moveto:
                start = point
            elif kind == lineto and current is not None:
                add(current, point)
            current = point  # a Bézier's control points pass through here too; only its end point matters
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                add(point, start)
                current = start
    return rules


def _ends_sentence(text: str) -> bool:
    tail = text.rstrip(_CLOSERS)
    return not tail or tail[-1] in _HARD_END


def _is_label(text: str) -> bool:
    m = _LABEL.match(text)
    return m is not None and not any(ch in "条款项" for ch in m.group())


def _may_continue(line: _Emitted, following: _Emitted) -> bool:
    """What the text and line boxes alone say: ``following`` could be the same paragraph's next printed line."""
    height, next_height = line.bottom - line.top, following.bottom - following.top
    if height <= 0 or next_height <= 0:
        return False
    if height > WRAP_MAX_SIZE_RATIO * next_height or next_height > WRAP_MAX_SIZE_RATIO * height:
        return False
    if following.top < line.top + height / 2 or following.top - line.bottom > WRAP_MAX_LEADING * height:
        return False
    return not _ends_sentence(line.text) and not _QA_TURN.match(following.text)


def _soft_breaks(lines: list[_Emitted], page_width: float, rules_of: Callable[[], _Rules]) -> list[int]:
    """Offsets of the "\n" after each of ``lines`` (one page, top to bottom) that is a soft wrap.

    A break is soft when all of these hold (em = the wrapped line's character width):

    * the two lines are the same size, the next one directly below (a gap of at most WRAP_MAX_LEADING × the line
      height) with no ruling line between them across the wrapped text;
    * the line does not end a sentence or a label (。！？；：… before any closing quotes or brackets) and the next
      one is no 问：/答： turn;
    * the next line starts where the wrapped text started (within WRAP_ALIGN em): at the start of the line's last
      cell — the text after its last layout gap — or, for a one-cell line indented by up to WRAP_MAX_INDENT em (a
      paragraph's first line), at the left margin. A line whose last cell starts neither at the left margin, nor
      after a gap, nor just right of a vertical rule, nor after a soft break (a right-aligned 落款, a centred
      title) is not continued, nor are two aligned "label：value" lines;
    * the line reaches the right edge of its block: it ends less than (the width of the next line's first
      unbreakable unit + WRAP_END_SLACK em) short of it — so it is within 1.5 em for a Chinese character, more
      when the next line starts with a number or with a character carried down by 避头/避尾 rules. The edge is
      the nearest vertical rule to the right spanning both lines (a table cell's border), else the page's right
      text margin: the rightmost line end on the page.

    The page's margins (leftmost line start, rightmost line end) are trusted only when they differ by at most
    WRAP_RIGHT_MARGIN_SLACK × the page width: a page of short or right-aligned lines has no known margins, and
    only ruled table cells can wrap there.

    Breaks between pages are never soft: headers, footers and page numbers sit between.
    """
    if len(lines) < 2:
        return []
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    # Text margins are trusted only when they look like a page body: about as wide on both sides. A page of
    # short or right-aligned lines (a 落款 on a page of its own) has neither margin.
    margins_known = abs(left - (page_width - right)) <= WRAP_RIGHT_MARGIN_SLACK * page_width
    rules: _Rules | None = None
    found: list[int] = []
    previous_soft = False
    for line, following in pairwise(lines):
        soft = False
        if _may_continue(line, following):
            _measure(line)
            em = line.em
            align = WRAP_ALIGN * em
            at_margin = margins_known and line.x0 <= left + align
            anchored: bool | None = None  # None: only a rule to the left could anchor the last cell
            if abs(following.x0 - line.cell_x0) <= align:
                if _is_label(line.text[line.cell_start :]) and _is_label(following.text):
                    anchored = False  # a column of "label：value" lines
                else:
                    anchored = line.cell_start > 0 or at_margin or previous_soft or None
            elif (
                margins_known
                and line.cell_start == 0
                and following.x0 <= left + align
                and line.x0 <= left + WRAP_MAX_INDENT * em
            ):
                anchored = True  # an indented first line, continued at the margin
            else:
                anchored = False
            if anchored is not False:
                if rules is None:
                    rules = rules_of()
                soft = _reaches_edge(line, following, rules, right if margins_known else None, anchored is True)
        if soft:
            found.append(line.end)
        previous_soft = soft
    return found


def _reaches_edge(line: _Emitted, following: _Emitted, rules: _Rules, right: float | None, anchored: bool) -> bool:
    """The ruling-line half of ``_soft_breaks``: no rule between the lines, the line fills its cell or column."""
    em = line.em
    height = line.bottom - line.top
    low, high = line.bottom - 0.2 * height, following.top + 0.2 * height
    cell_left = min(line.cell_x0, following.x0)
    cell_right = max(line.x1, following.x1)
    for x0, x1, y in rules.horizontal:
        if low < y < high and min(x1, cell_right) - max(x0, cell_left) > WRAP_ALIGN * em:
            return False  # a row border or separator between them
    line_middle, next_middle = (line.top + line.bottom) / 2, (following.top + following.bottom) / 2
    edge = right
    for x, top, bottom in rules.vertical:
        if top <= line_middle and bottom >= next_middle:
            if line.x1 - RULE_MAX_SKEW <= x and (edge is None or x < edge):
                edge = x  # the cell's right border
            elif line.cell_x0 - em <= x <= line.cell_x0:
                anchored = True  # the cell's left border: the text is inside a ruled cell
    if edge is None or not anchored:
        return False
    return edge - line.x1 < _lead_width(following) + WRAP_END_SLACK * em


def _open(data: bytes) -> pdfium.PdfDocument:
    if b"%PDF-" not in data[:1024]:
        raise ParseError("文件已损坏或不是PDF，无法作为PDF打开")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise ParseError("PDF已加密，无法读取，请解除密码后重新提供") from None
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_SECURITY:
            raise ParseError("PDF使用了不支持的加密方式，无法读取") from None
        raise ParseError("PDF文件已损坏，无法读取") from None


# Fonts PDFium always has glyphs for (the standard 14 and their usual aliases): a zero-width object in one of
# them holds only spaces.
_LATIN_BASE_FONTS = ("helvetica", "arial", "times", "courier", "symbol", "zapfdingbats")


def _font_may_lack_glyphs(obj: Any) -> bool:
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    if not font or pdfium_c.FPDFFont_GetIsEmbedded(font):
        return False  # an embedded font has its glyphs: a zero-width object is whitespace
    buffer = ctypes.create_string_buffer(128)
    pdfium_c.FPDFFont_GetBaseFontName(font, buffer, len(buffer))
    name = buffer.value.decode("latin-1").split("+")[-1].replace(" ", "").replace("-", "").lower()
    return not name.startswith(_LATIN_BASE_FONTS)


def _scan_objects(page: pdfium.PdfPage) -> tuple[bool, list[tuple[Any, tuple[float, ...]]]]:
    """Whether PDFium left text out of the page's text, and the page's path objects, each with the matrix taking
    its enclosing form's space to the page's (for ``_page_rules``): one pass over the objects serves both.

    PDFium skips a text object whose bounds have no width. Besides whitespace, that is what a one-glyph string (a
    form value like "男") looks like in a non-embedded CJK font (iText's or reportlab's STSong-Light) when no CJK
    font is installed to stand in for it. Whitespace in such a font looks the same and only costs a needless
    fallback; zero-width objects in embedded or standard Latin fonts are whitespace and are ignored.
    """
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    bounds = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    matrix = pdfium_c.FS_MATRIX()
    get_type, get_bounds = pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDFPageObj_GetBounds
    text_type, path_type, form_type = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
    raw = page.raw
    drops = False
    paths: list[tuple[Any, tuple[float, ...]]] = []
    pending = [(pdfium_c.FPDFPage_GetObject(raw, i), _IDENTITY) for i in range(pdfium_c.FPDFPage_CountObjects(raw))]
    while pending:
        obj, outer = pending.pop()
        kind = get_type(obj)
        if kind == text_type:
            if not drops and get_bounds(obj, *bounds) and right.value - left.value < 0.01:
                drops = _font_may_lack_glyphs(obj)
        elif kind == path_type:
            paths.append((obj, outer))
        elif kind == form_type:  # text inside form XObjects is part of the page text too
            if pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
                inner = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
            else:
                inner = outer
            count = pdfium_c.FPDFFormObj_CountObjects(obj)
            pending.extend((pdfium_c.FPDFFormObj_GetObject(obj, i), inner) for i in range(count))
    return drops, paths


def _plumber_chars(plumber_pdf: Any, page_index: int) -> list[_Char]:
    """The page's characters as pdfminer (through pdfplumber) reads them, in the same display coordinates."""
    page = plumber_pdf.pages[page_index]
    width, height = float(page.width), float(page.height)
    chars: list[_Char] = []
    space_before = False
    for item in page.chars:
        text = item["text"]
        if not text or text.isspace():
            space_before = True
            continue
        if text.startswith("(cid:"):  # pdfminer's placeholder for a glyph without a Unicode mapping
            text = "\ufffd"
        x0, x1 = max(float(item["x0"]), 0.0), min(float(item["x1"]), width)
        top, bottom = max(float(item["top"]), 0.0), min(float(item["bottom"]), height)
        step = (x1 - x0) / len(text)  # a ligature ("ﬁ" read as "fi") shares its glyph's box
        for offset, ch in enumerate(text):
            start = x0 + offset * step
            chars.append(_Char(ch, start, top, start + step, bottom, len(chars), space_before, top + bottom))
            space_before = False
    return chars


def _ocr_env_enabled() -> bool:
    """OCR is on unless ``JUANSHEN_OCR`` is "0"/"false"/"no" (e.g. to parse a large batch of text PDFs quickly)."""
    return os.environ.get("JUANSHEN_OCR", "1").strip().lower() not in ("0", "false", "no", "off")


def _survey(pdf: pdfium.PdfDocument) -> tuple[dict[int, tuple[list[_Char], float, float, float]], dict[int, str]]:
    """Every page's text-layer characters (reused by the main pass) and the pages to OCR with the reason:
    "no_text" (no text layer), "image" (a page-sized image and almost no text: a scan), "short" (a scan whose text
    layer has far fewer lines than the image, ``nlp.parsers.quality.is_short``) or "garbled" (see
    ``nlp.parsers.quality``). Call with ``_PDFIUM_LOCK`` held."""
    chars_of: dict[int, tuple[list[_Char], float, float, float]] = {}
    to_ocr: dict[int, str] = {}
    for page_index in range(len(pdf)):
        page = pdf[page_index]
        textpage = page.get_textpage()
        try:
            chars, width, height, unmapped_share = _page_chars(textpage, page)
            chars_of[page_index] = (chars, width, height, unmapped_share)
            if not chars:
                to_ocr[page_index] = "no_text"
            elif len(chars) < SCAN_MAX_CHARS and _has_page_image(page, width * height):
                to_ocr[page_index] = "image"
            elif is_garbled("".join(c.ch for c in chars), unmapped_share):
                to_ocr[page_index] = "garbled"
            elif _has_page_image(page, width * height) and is_short(len(_group_lines(chars)), _ink_lines(page)):
                to_ocr[page_index] = "short"  # a scan whose text layer covers only part of what is printed
        finally:
            textpage.close()
            page.close()
    return chars_of, to_ocr


def _ink_lines(page: pdfium.PdfPage) -> int:
    """About how many printed lines the page image shows: the page is rendered at 72 dpi and cut into four
    vertical strips (so that a skew of a few degrees does not merge neighbouring lines); in each strip, runs of
    pixel rows holding ink are counted; the page's figure is the largest count of a strip."""
    bitmap = page.render(scale=INK_DPI / 72, grayscale=True)
    try:
        grey = bitmap.to_numpy()
        if grey.ndim == 3:
            grey = grey[:, :, 0]
        dark = grey < 128
    finally:
        bitmap.close()
    best = 0
    width = dark.shape[1]
    for strip in range(4):
        rows = dark[:, strip * width // 4 : (strip + 1) * width // 4].sum(axis=1) >= 2
        # Rising edges of the row profile: one per band of ink rows.
        count = int(rows[0]) + int((rows[1:] & ~rows[:-1]).sum())
        best = max(best, count)
    return best


def _run_ocr(data: bytes, pages: list[int]) -> tuple[dict[int, OcrPage], str]:
    """OCR of ``pages`` (0-based), or nothing and the reason it was not done. Never holds ``_PDFIUM_LOCK``
    while the models run (``ocr_pdf_pages`` takes it only to render)."""
    if not pages:
        return {}, ""
    if not _ocr_env_enabled():
        return {}, "已关闭OCR"
    if not ocr_available():
        return {}, "未安装OCR组件"
    try:
        return ocr_pdf_pages(data, pages), ""
    except OcrUnavailableError:
        return {}, "未安装OCR组件"
    except ParseError:
        raise
    except Exception:  # an OCR failure must not lose the text pages
        log.warning("OCR failed on a PDF", exc_info=True)
        return {}, "OCR识别出错"


def _spaced_boxes(boxes: list[BBox], index: list[int]) -> list[BBox]:
    """Character boxes for ``space_glued_labels``' text: an added space (-1) gets the gap between its neighbours."""
    out: list[BBox] = []
    for position, source in enumerate(index):
        if source >= 0:
            out.append(boxes[source])
        else:
            left, right = boxes[index[position - 1]], boxes[index[position + 1]]
            out.append((left[2], min(left[1], right[1]), max(left[2], right[0]), max(left[3], right[3])))
    return out


def _add_ocr_lines(builder: TextBuilder, blocks: list[Block], ocr: OcrPage, page: int) -> list[_Emitted]:
    """The OCR lines of one page as LINE blocks with their boxes and confidences, like ``_add_line``."""
    emitted: list[_Emitted] = []
    for line in ocr.lines:
        spaced, added = space_glued_labels(line.text)
        raw_boxes = _spaced_boxes(line.char_boxes, added)
        text, source_index = normalize_map(spaced, single_line=True)
        if not text:
            continue
        boxes = [raw_boxes[i] for i in source_index]
        ((start, end),) = builder.add_line([text])
        x0s, tops, x1s, bottoms = zip(*boxes, strict=True)
        x0, top, x1, bottom = min(x0s), min(tops), max(x1s), max(bottoms)
        block = Block(
            start=start,
            end=end,
            kind=BlockKind.LINE,
            page=page,
            bbox=_round((x0, top, x1, bottom)),
            char_boxes=boxes,
            confidence=line.confidence,
        )
        blocks.append(block)
        emitted.append(_Emitted(text, end, boxes, x0, top, x1, bottom))
    return emitted


def _ocr_wins(ocr: OcrPage, reason: str, layer_chars: int) -> bool:
    """Whether the OCR of a page replaces its text layer: always for a page without one; for a scan-like page
    or a short layer only when OCR read more than the layer holds (a stamped page number on a blank image); for a
    garbled layer whenever OCR read anything."""
    read = sum(len(line.text) - line.text.count(" ") for line in ocr.lines)
    if reason == "no_text":
        return True
    if reason in ("image", "short"):
        return read > layer_chars
    return read > 0


@registry.parsers.register("pdf")
def parse_pdf(data: bytes, source: str = "") -> ParsedFile:
    """Parse a PDF's bytes: the text layer where it is usable, OCR (``nlp.parsers.ocr``) page by page where it is
    missing, a scan, or garbled (``nlp.parsers.quality``). ``ParsedFile.page_info`` says how each page was read.

    Pages where PDFium drops text (see ``_scan_objects``) are read with pdfplumber instead; ``method`` then says
    "pypdfium2+pdfplumber" (and "+rapidocr" when any page was OCRed).
    """
    builder = TextBuilder()
    blocks: list[Block] = []
    soft_breaks: list[int] = []
    no_text: list[int] = []
    unmapped_pages: list[int] = []
    incomplete: list[int] = []
    page_info: list[PageInfo] = []
    plumber_pdf: Any = None
    method = "pypdfium2"
    with _PDFIUM_LOCK:
        pdf = _open(data)
        try:
            chars_of, to_ocr = _survey(pdf)
        except pdfium.PdfiumError:
            raise ParseError("PDF文件已损坏，部分页面无法读取") from None
        finally:
            pdf.close()
    ocr_pages, ocr_missing = _run_ocr(data, sorted(to_ocr))
    not_ocred: dict[str, list[int]] = {"no_text": [], "image": [], "garbled": [], "short": [], "unread": []}
    with _PDFIUM_LOCK:
        pdf = _open(data)
        try:
            page_count = len(pdf)
            for page_index in range(page_count):
                number = page_index + 1
                ocr = ocr_pages.get(page_index)
                if ocr is not None and not _ocr_wins(ocr, to_ocr[page_index], len(chars_of[page_index][0])):
                    ocr_pages.pop(page_index)
                    ocr = None
                    not_ocred["unread"].append(number)
                if ocr is not None:
                    emitted = _add_ocr_lines(builder, blocks, ocr, number)
                    # No ruling lines are known on an image: only the text and line boxes judge the wraps.
                    soft_breaks += _soft_breaks(emitted, ocr.width, _Rules)
                    page_info.append(
                        PageInfo(
                            page=number,
                            method="ocr",
                            confidence=ocr.confidence,
                            reason=to_ocr[page_index],
                            seals=ocr.seals,
                            signatures=ocr.signatures,
                            width=ocr.width,
                            height=ocr.height,
                        )
                    )
                    continue
                if page_index in to_ocr and number not in not_ocred["unread"]:
                    not_ocred[to_ocr[page_index]].append(number)  # OCR was not available
                    if to_ocr[page_index] == "no_text":
                        page_info.append(PageInfo(page=number, method="none", reason="no_text"))
                        continue
                page = pdf[page_index]
                try:
                    chars, width, height, unmapped_share = chars_of[page_index]
                    drops_text, paths = _scan_objects(page)
                    if drops_text:
                        try:
                            if plumber_pdf is None:
                                plumber_pdf = _open_plumber(data)
                            chars = _plumber_chars(plumber_pdf, page_index)
                            method = "pypdfium2+pdfplumber"
                        except Exception:  # pdfminer has many failure types on files PDFium could read
                            log.warning("pdfplumber fallback failed on page %d", number, exc_info=True)
                            incomplete.append(number)
                    if not chars:
                        no_text.append(number)
                        page_info.append(PageInfo(page=number, method="none", reason="no_text"))
                        continue
                    page_info.append(
                        PageInfo(
                            page=number,
                            method="text",
                            reason=to_ocr.get(page_index, ""),
                            width=round(width, 2),
                            height=round(height, 2),
                        )
                    )
                    if unmapped_share > 0.1 and page_index not in to_ocr:
                        unmapped_pages.append(number)
                    emitted = [_add_line(builder, blocks, line, number) for line in _group_lines(chars)]
                    # The page stays open for its ruling lines, read only when a break is still in doubt.
                    soft_breaks += _soft_breaks(
                        [line for line in emitted if line is not None],
                        width,
                        lambda page=page, paths=paths: _page_rules(paths, _display_transform(page)[2]),
                    )
                finally:
                    page.close()
        except ParseError:
            raise
        except pdfium.PdfiumError:
            raise ParseError("PDF文件已损坏，部分页面无法读取") from None
        finally:
            pdf.close()
            if plumber_pdf is not None:
                plumber_pdf.close()
    if ocr_pages:
        method += "+rapidocr"
    why = f"（{ocr_missing}）" if ocr_missing else ""
    warnings = [f"第{pages}页无文字层（疑似扫描件），需OCR{why}" for pages in _page_ranges(not_ocred["no_text"])]
    warnings += [f"第{pages}页无文字层" for pages in _page_ranges(no_text)]
    warnings += [
        f"第{pages}页文字极少且以图片为主（疑似扫描件），需OCR{why}" for pages in _page_ranges(not_ocred["image"])
    ]
    warnings += [f"第{pages}页文字层疑似乱码（编码错误），需OCR{why}" for pages in _page_ranges(not_ocred["garbled"])]
    warnings += [f"第{pages}页文字层明显少于页面文字，需OCR{why}" for pages in _page_ranges(not_ocred["short"])]
    warnings += [f"第{pages}页部分文字缺少编码映射，提取的文字可能有误" for pages in _page_ranges(unmapped_pages)]
    warnings += [f"第{pages}页可能有单字内容未能提取（字体未嵌入），请人工核对" for pages in _page_ranges(incomplete)]
    warnings += [f"第{pages}页OCR未识别出文字，保留原文字层" for pages in _page_ranges(not_ocred["unread"])]
    blank = [i + 1 for i, page in sorted(ocr_pages.items()) if not page.lines]
    warnings += [f"第{pages}页无文字层，OCR未识别出文字（可能为空白页）" for pages in _page_ranges(blank)]
    ocred = [i for i, page in sorted(ocr_pages.items()) if page.lines]
    if ocred:
        warnings += [f"第{pages}页为扫描件或文字层不可用，已OCR识别" for pages in _page_ranges([i + 1 for i in ocred])]
        low = [i + 1 for i in ocred if ocr_pages[i].lines and ocr_pages[i].confidence < LOW_PAGE_CONFIDENCE]
        warnings += [f"第{pages}页OCR识别置信度较低，请人工核对原件" for pages in _page_ranges(low)]
    return ParsedFile(
        format=FileFormat.PDF,
        text=builder.text,
        blocks=blocks,
        pages=page_count,
        method=method,
        warnings=warnings,
        soft_breaks=soft_breaks,
        page_info=page_info,
    )


def _open_plumber(data: bytes) -> Any:
    import pdfplumber  # only for the rare fallback: pdfminer costs ~0.2 s to import

    return pdfplumber.open(io.BytesIO(data))
