"""Text-layer PDF parser on pypdfium2: one LINE block per visual text line, with page, bbox and char boxes.

Why pypdfium2 (see docs/PERFORMANCE.md, "Parsing"): on a dense 20-page Chinese PDF this parser, boxes included,
is about seven times faster than pdfplumber's plain ``extract_text`` and yields the same characters.
pdfplumber's extras (table and ruling-line detection) are not needed because a form row comes out as one line
with its cells separated by spaces. pdfplumber only reads the rare page where PDFium drops text (``_drops_text``).

Characters are taken from PDFium's text page with their loose boxes (the font's full height, so all glyphs of a
line share a band even when the font is not embedded and tight boxes collapse), then:

* grouped into lines by vertical overlap (at least half the smaller height), lines ordered top to bottom and
  characters left to right — content-stream order is not trusted, generators emit tables column by column;
* a space is put between two neighbours when the PDF had a space between them in stream order, or when the
  gap is wider than 0.6 × the line height (separate form cells, tab stops); the space gets the gap as its box;
* a glyph drawn twice at almost the same place (fake bold) is kept once.

Coordinates are PDF points with the origin at the top-left of the page as displayed (crop box, /Rotate
applied), clamped to the page.
"""

from __future__ import annotations

import ctypes
import io
import logging
import threading
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from nlp import registry
from nlp.labels import BlockKind, FileFormat
from nlp.parsers.base import ParsedFile, ParseError
from nlp.parsers.normalize import TextBuilder, normalize_map
from nlp.schema import BBox, Block

SPACE_GAP = 0.6  # a gap wider than this × line height is a space even without a space character
MIN_LINE_OVERLAP = 0.5  # share of the smaller glyph height two glyphs must overlap to be on one line
SCAN_MAX_CHARS = 20  # a page with fewer characters than this …
SCAN_MIN_IMAGE_AREA = 0.5  # … and an image covering at least this share of it is treated as a scan

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


def _add_line(builder: TextBuilder, blocks: list[Block], line: list[_Char], page: int) -> None:
    raw, raw_boxes = _line_text(line)
    text, source_index = normalize_map(raw, single_line=True)
    if not text:
        return
    boxes = [raw_boxes[i] for i in source_index]
    ((start, end),) = builder.add_line([text])
    x0s, tops, x1s, bottoms = zip(*boxes, strict=True)
    bbox = _round((min(x0s), min(tops), max(x1s), max(bottoms)))
    blocks.append(Block(start=start, end=end, kind=BlockKind.LINE, page=page, bbox=bbox, char_boxes=boxes))


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


def _drops_text(page: pdfium.PdfPage) -> bool:
    """Whether PDFium left text out of the page's text.

    PDFium skips a text object whose bounds have no width. Besides whitespace, that is what a one-glyph string (a
    form value like "男") looks like in a non-embedded CJK font (iText's or reportlab's STSong-Light) when no CJK
    font is installed to stand in for it. Whitespace in such a font looks the same and only costs a needless
    fallback; zero-width objects in embedded or standard Latin fonts are whitespace and are ignored.
    """
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    bounds = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    get_type, get_bounds = pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDFPageObj_GetBounds
    text_type, form_type = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_FORM
    raw = page.raw
    pending = [pdfium_c.FPDFPage_GetObject(raw, i) for i in range(pdfium_c.FPDFPage_CountObjects(raw))]
    while pending:
        obj = pending.pop()
        kind = get_type(obj)
        if kind == text_type:
            if get_bounds(obj, *bounds) and right.value - left.value < 0.01 and _font_may_lack_glyphs(obj):
                return True
        elif kind == form_type:  # text inside form XObjects is part of the page text too
            count = pdfium_c.FPDFFormObj_CountObjects(obj)
            pending.extend(pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(count))
    return False


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


@registry.parsers.register("pdf")
def parse_pdf(data: bytes, source: str = "") -> ParsedFile:
    """Parse a text-layer PDF's bytes. Pages without text get a warning; nothing is OCRed here.

    Pages where PDFium drops text (see ``_drops_text``) are read with pdfplumber instead; ``method`` then says
    "pypdfium2+pdfplumber".
    """
    builder = TextBuilder()
    blocks: list[Block] = []
    no_text: list[int] = []
    scanned: list[int] = []
    unmapped_pages: list[int] = []
    incomplete: list[int] = []
    plumber_pdf: Any = None
    method = "pypdfium2"
    with _PDFIUM_LOCK:
        pdf = _open(data)
        try:
            page_count = len(pdf)
            for page_index in range(page_count):
                page = pdf[page_index]
                textpage = page.get_textpage()
                try:
                    chars, width, height, unmapped_share = _page_chars(textpage, page)
                    if _drops_text(page):
                        try:
                            if plumber_pdf is None:
                                plumber_pdf = _open_plumber(data)
                            chars = _plumber_chars(plumber_pdf, page_index)
                            method = "pypdfium2+pdfplumber"
                        except Exception:  # pdfminer has many failure types on files PDFium could read
                            log.warning("pdfplumber fallback failed on page %d", page_index + 1, exc_info=True)
                            incomplete.append(page_index + 1)
                    if not chars:
                        no_text.append(page_index + 1)
                        continue
                    if len(chars) < SCAN_MAX_CHARS and _has_page_image(page, width * height):
                        scanned.append(page_index + 1)
                    if unmapped_share > 0.1:
                        unmapped_pages.append(page_index + 1)
                finally:
                    textpage.close()
                    page.close()
                for line in _group_lines(chars):
                    _add_line(builder, blocks, line, page_index + 1)
        except ParseError:
            raise
        except pdfium.PdfiumError:
            raise ParseError("PDF文件已损坏，部分页面无法读取") from None
        finally:
            pdf.close()
            if plumber_pdf is not None:
                plumber_pdf.close()
    warnings = [f"第{pages}页无文字层（疑似扫描件），需OCR" for pages in _page_ranges(no_text)]
    warnings += [f"第{pages}页文字极少且以图片为主（疑似扫描件），需OCR" for pages in _page_ranges(scanned)]
    warnings += [f"第{pages}页部分文字缺少编码映射，提取的文字可能有误" for pages in _page_ranges(unmapped_pages)]
    warnings += [f"第{pages}页可能有单字内容未能提取（字体未嵌入），请人工核对" for pages in _page_ranges(incomplete)]
    return ParsedFile(
        format=FileFormat.PDF, text=builder.text, blocks=blocks, pages=page_count, method=method, warnings=warnings
    )


def _open_plumber(data: bytes) -> Any:
    import pdfplumber  # only for the rare fallback: pdfminer costs ~0.2 s to import

    return pdfplumber.open(io.BytesIO(data))
