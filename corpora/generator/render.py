"""Renders generated documents (``DocSpec``) as the files a case arrives in: .docx, text PDF, scanned PDF, .txt, .zip.

Every renderer is deterministic: the same document (and, for scans, the same ``random.Random`` state) gives the
same bytes — no timestamps (reportlab ``invariant=1``, fixed docx core properties and zip dates).

What the parsers read back:

* .docx — ``parse_docx(render_docx(doc)).text == docx_text(doc)``, which is ``doc.text()`` whenever segment texts
  are already normal (no leading/trailing or doubled spaces, no U+3000, no full-width digits or letters) and every
  paragraph line has one cell. Paragraph lines with several cells are written with a tab between them, which the
  parser reads as a space; empty paragraphs and all-empty rows are not emitted by the parser.
* text PDF — ``parse_pdf`` yields ``normalize(doc.text())`` up to whitespace: wrapped lines, cell gaps and the
  spaces the parser puts at layout gaps change only whitespace. Table rows where more than one cell wraps are
  laid out as a staircase (a cell starts on the line where the previous cell ended) so that reading the page
  line by line still gives the cells in order. Wrapped lines never end with "-": PDFium takes a line-final
  hyphen after a letter or a CJK character for a soft hyphen (U+0002), which ``parse_pdf`` drops — so a text
  that itself ends a line with such a "-" (the end of a paragraph or of a row's last cell) loses it.
* scanned PDF — one JPEG image a page, no text layer: ``parse_pdf`` warns that the pages need OCR.

Layout (points, origin top-left): A4, 72 pt margins, body 12 pt, title 18 pt bold and centred, 落款 (sign) lines
right-aligned, paragraphs indented two characters, form rows as ruled tables whose last cell spans the rest of
the row when a row has fewer cells than the table.
"""

from __future__ import annotations

import io
import math
import random
import re
import shutil
import subprocess
import zipfile
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from corpora.generator.model import Cell, DocSpec, Line
from nlp.parsers.normalize import normalize

__all__ = [
    "WQY_FONT_PATH",
    "cjk_font_path",
    "docx_text",
    "make_zip",
    "render_combined_pdf",
    "render_docx",
    "render_pdf",
    "render_scanned_combined_pdf",
    "render_scanned_pdf",
    "render_txt",
]

PAGE_W, PAGE_H = A4
MARGIN_X = 72.0
MARGIN_TOP = 72.0
MARGIN_BOTTOM = 72.0
CONTENT_W = PAGE_W - 2 * MARGIN_X
BODY_SIZE = 12.0
TITLE_SIZE = 18.0
LEADING = 1.6  # line height / font size for paragraphs
CELL_LEADING = 1.45  # … and inside table cells
CELL_PAD_X = 4.0
CELL_PAD_Y = 3.0
TABLE_GAP = 6.0  # space above and below a table
RULE_WIDTH = 0.6
# Baseline offset below the centre of a line box: centres a CJK glyph (its box spans about 0.88 em above the
# baseline and 0.12 em below) in the line.
_BASELINE_SHIFT = 0.38

PDF_FONT = "STSong-Light"  # Adobe CID font every PDF reader has: the text PDF embeds no font
WQY_FONT_PATH = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
WQY_PACKAGE = "fonts-wqy-microhei"

DOCX_DATE = datetime(2024, 1, 1, 8, 0, 0)
ZIP_DATE_TIME = (2024, 1, 1, 8, 0, 0)
_ZIP_UTF8_FLAG = 0x800

# Characters a line must not start with (Chinese typesetting 避头): the previous character moves down with them.
_NO_LINE_START = frozenset("，。、；：？！）》」』”’〕】〉…%‰·,.;:?!)]}")
# … and must not end with (避尾): opening brackets, and "-", which PDFium takes for a soft hyphen and drops.
_NO_LINE_END = frozenset("（《「『“‘〔【〈([{-")
# Latin/digit runs (numbers, ID numbers, plate numbers) wrap as a whole when they fit on a line.
_TOKEN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.\-_/@:]*[A-Za-z0-9])?|\s+|.", re.S)
_DATE = re.compile(
    r"[0-9〇零一二三四五六七八九十○]{2,4}\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月\s*[0-9一二三四五六七八九十]{1,3}\s*日"
)

pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))

Em = Callable[[str], float]  # width of a string in em (font size 1)


# --- layout (shared by the text and the scanned PDF) ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Text:
    x: float  # left edge
    baseline: float  # from the top of the page
    text: str
    size: float
    bold: bool
    kind: str  # the source line's kind


@dataclass(frozen=True, slots=True)
class _Rule:
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class _Page:
    texts: list[_Text] = field(default_factory=list)
    rules: list[_Rule] = field(default_factory=list)


@lru_cache(maxsize=4096)
def _pdf_char_em(ch: str) -> float:
    return pdfmetrics.stringWidth(ch, PDF_FONT, 1000.0) / 1000.0


def _pdf_em(text: str) -> float:
    return sum(_pdf_char_em(ch) for ch in text)


def _wrap(text: str, first: float, rest: float, size: float, em: Em) -> list[str]:
    """Break ``text`` into lines no wider than ``first`` (first line) and ``rest`` points."""
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    limit = first
    tokens = deque(_TOKEN.findall(text))
    while tokens:
        token = tokens.popleft()
        if token.isspace() and not current and lines:
            continue  # a wrapped line does not start with the space it broke at
        width = em(token) * size
        if used + width <= limit + 1e-6:
            current.append(token)
            used += width
            continue
        # A run wider than a line breaks between characters; so does one after a "-" or an opening bracket,
        # which would otherwise be left alone on a line.
        if len(token) > 1 and not token.isspace() and (not current or width > rest or current[-1][-1] in _NO_LINE_END):
            tokens.extendleft(reversed(token))
            continue
        if not current:  # a single character wider than the line: it goes there anyway
            current.append(token)
            used += width
            continue
        # Break before ``token``; tokens a line must not start or end with move down with it.
        while len(current) > 1 and current[-1].isspace():
            current.pop()  # spaces at a break are not drawn: the rules below look at the last visible token
        carried: list[str] = []
        if token[0] in _NO_LINE_START and len(current) > 1 and not current[-1].isspace():
            carried.insert(0, current.pop())
        while len(current) > 1 and (current[-1].isspace() or current[-1][-1] in _NO_LINE_END):
            moved = current.pop()
            if not moved.isspace():
                carried.insert(0, moved)
        lines.append("".join(current))
        current, used, limit = [], 0.0, rest
        if not token.isspace():
            tokens.appendleft(token)
        tokens.extendleft(reversed(carried))
    if current or not lines:
        lines.append("".join(current))
    return lines


def _column_widths(rows: list[list[str]], columns: int, size: float, em: Em, total: float) -> list[float]:
    """Widths that fit every one-column cell on one line when the page allows; otherwise the widest columns
    shrink to a common cap (their cells wrap) and narrow label columns keep their width."""
    floor = 2 * CELL_PAD_X + 2 * size
    if floor * columns > total:
        return [total / columns] * columns
    natural = [floor] * columns
    for row in rows:
        for index, text in enumerate(row):
            if index < len(row) - 1 or len(row) == columns:  # a short row's last cell spans: not counted
                natural[index] = max(natural[index], em(text.strip()) * size + 2 * CELL_PAD_X + 1.0)
    needed = sum(natural)
    if needed <= total:
        return [width + (total - needed) * width / needed for width in natural]
    remaining, cap = total, total
    for count, width in enumerate(sorted(natural)):
        share = remaining / (columns - count)
        if width > share:
            cap = share
            break
        remaining -= width
    return [min(width, cap) for width in natural]


class _Layout:
    """Places one document's lines on A4 pages."""

    def __init__(self, em: Em) -> None:
        self.em = em
        self.pages: list[_Page] = [_Page()]
        self.y = MARGIN_TOP

    def _new_page(self) -> None:
        self.pages.append(_Page())
        self.y = MARGIN_TOP

    def _room(self) -> float:
        return PAGE_H - MARGIN_BOTTOM - self.y

    def document(self, doc: DocSpec) -> list[_Page]:
        lines = doc.lines
        previous: str | None = None
        index = 0
        while index < len(lines):
            line = lines[index]
            if line.kind == "row":
                end = index
                while end < len(lines) and lines[end].kind == "row":
                    end += 1
                self._table(lines[index:end])
                index, previous = end, "row"
                continue
            if line.kind == "sign" and previous not in (None, "sign", "title"):
                self.y += BODY_SIZE * LEADING  # a blank line before the 落款
            self._paragraph(line)
            if line.kind == "title":
                self.y += BODY_SIZE * 0.8
            index, previous = index + 1, line.kind
        return self.pages

    def _paragraph(self, line: Line) -> None:
        text = "  ".join(_cell_text(cell) for cell in line.cells)
        title = line.kind == "title"
        size = TITLE_SIZE if title else BODY_SIZE
        height = size * LEADING
        indent = 2 * size if line.kind == "para" else 0.0
        for number, piece in enumerate(_wrap(text, CONTENT_W - indent, CONTENT_W, size, self.em)):
            if self._room() < height:
                self._new_page()
            shown = piece.rstrip()
            if shown.strip():
                width = self.em(shown) * size
                if title:
                    x = MARGIN_X + max(0.0, (CONTENT_W - width) / 2)
                elif line.kind == "sign":
                    x = max(MARGIN_X, PAGE_W - MARGIN_X - width)
                else:
                    x = MARGIN_X + (indent if number == 0 else 0.0)
                baseline = self.y + height / 2 + _BASELINE_SHIFT * size
                self.pages[-1].texts.append(_Text(x, baseline, shown, size, title, line.kind))
            self.y += height

    def _table(self, rows: list[Line]) -> None:
        texts = [[_cell_text(cell) for cell in row.cells] or [""] for row in rows]
        columns = max(len(row) for row in texts)
        widths = _column_widths(texts, columns, BODY_SIZE, self.em, CONTENT_W)
        edges = [MARGIN_X]
        for width in widths:
            edges.append(edges[-1] + width)
        edges[-1] = MARGIN_X + CONTENT_W
        self.y += TABLE_GAP
        for row in texts:
            self._row(row, edges)
        self.y += TABLE_GAP

    def _row(self, row: list[str], edges: list[float]) -> None:
        size = BODY_SIZE
        height = size * CELL_LEADING
        last = len(row) - 1
        visual: list[list[tuple[float, str]]] = []  # per line of the row: (x, text) of the cells on it
        start = 0
        for index, text in enumerate(row):
            left, right = edges[index], edges[-1] if index == last else edges[index + 1]
            inner = right - left - 2 * CELL_PAD_X
            pieces = _wrap(text.strip(), inner, inner, size, self.em) if text.strip() else []
            while len(visual) < start + len(pieces):
                visual.append([])
            for offset, piece in enumerate(pieces):
                visual[start + offset].append((left + CELL_PAD_X, piece.rstrip()))
            if pieces:
                start += len(pieces) - 1  # staircase: the next cell starts on this cell's last line
        if not visual:
            visual.append([])
        inner_edges = edges[1 : last + 1]
        usable = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
        done = 0
        while done < len(visual):
            left_over = len(visual) - done
            needed = left_over * height + 2 * CELL_PAD_Y
            # A row that does not fit moves to the next page whole, unless it is taller than a page.
            if needed > self._room() and (needed <= usable or self._room() < height + 2 * CELL_PAD_Y):
                self._new_page()
            take = min(left_over, max(1, int((self._room() - 2 * CELL_PAD_Y) // height)))
            top, bottom = self.y, self.y + take * height + 2 * CELL_PAD_Y
            page = self.pages[-1]
            page.rules.append(_Rule(edges[0], top, edges[-1], top))
            page.rules.append(_Rule(edges[0], bottom, edges[-1], bottom))
            for x in (edges[0], *inner_edges, edges[-1]):
                page.rules.append(_Rule(x, top, x, bottom))
            for offset in range(take):
                baseline = top + CELL_PAD_Y + (offset + 0.5) * height + _BASELINE_SHIFT * size
                for x, piece in visual[done + offset]:
                    if piece:
                        page.texts.append(_Text(x, baseline, piece, size, False, "row"))
            done += take
            self.y = bottom
            if done < len(visual):
                self._new_page()


def _cell_text(cell: Cell) -> str:
    return "".join(seg.text for seg in cell)


def _layout(doc: DocSpec, em: Em) -> list[_Page]:
    return _Layout(em).document(doc)


# --- .docx ----------------------------------------------------------------------------------------------------------


def docx_text(doc: DocSpec) -> str:
    """The text ``parse_docx`` reads from ``render_docx(doc)`` (see the module docstring)."""
    lines: list[str] = []
    for line in doc.lines:
        cells = [normalize(_cell_text(cell), single_line=True) for cell in line.cells]
        if line.kind == "row":
            if any(cells):
                lines.append("\t".join(cells))
        else:
            text = normalize(" ".join(cells), single_line=True)
            if text:
                lines.append(text)
    return "\n".join(lines)


def _set_east_asian_font(element: Any, name: str) -> None:
    rpr = element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def _add_runs(paragraph: Any, cell: Cell, bold: bool = False, size: float | None = None) -> None:
    for seg in cell:
        if not seg.text:
            continue
        run = paragraph.add_run(seg.text)
        if bold:
            run.bold = True
        if size is not None:
            run.font.size = Pt(size)


def _docx_table(document: Any, rows: list[Line]) -> None:
    texts = [[_cell_text(cell) for cell in row.cells] or [""] for row in rows]
    columns = max(len(row) for row in texts)
    widths = _column_widths(texts, columns, BODY_SIZE, _pdf_em, CONTENT_W)
    table = document.add_table(rows=len(rows), cols=columns)
    table.style = "Table Grid"
    for index, width in enumerate(widths):
        table.columns[index].width = Pt(width)
    for row_index, row in enumerate(rows):
        cells = row.cells or [[]]
        last = len(cells) - 1
        if last < columns - 1:  # a short row: its last cell spans the rest, as on printed forms
            table.cell(row_index, last).merge(table.cell(row_index, columns - 1))
        for index, cell in enumerate(cells):
            target = table.cell(row_index, index)
            target.width = Pt(sum(widths[index:]) if index == last else widths[index])
            _add_runs(target.paragraphs[0], cell)


def _repack(data: bytes) -> bytes:
    """The same zip with fixed member dates (python-docx stamps the current time on every part)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_DATE_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 0
            fixed.external_attr = 0
            target.writestr(fixed, source.read(info))
    return out.getvalue()


def render_docx(doc: DocSpec) -> bytes:
    """A Word file: one paragraph a line, consecutive form rows as one ruled table."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Pt(PAGE_W), Pt(PAGE_H)
    section.left_margin = section.right_margin = Pt(MARGIN_X)
    section.top_margin, section.bottom_margin = Pt(MARGIN_TOP), Pt(MARGIN_BOTTOM)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(BODY_SIZE)
    _set_east_asian_font(normal.element, "宋体")
    properties = document.core_properties
    properties.author = properties.last_modified_by = properties.title = properties.comments = ""
    properties.created = properties.modified = DOCX_DATE
    properties.revision = 1

    lines = doc.lines
    previous: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.kind == "row":
            end = index
            while end < len(lines) and lines[end].kind == "row":
                end += 1
            _docx_table(document, lines[index:end])
            index, previous = end, "row"
            continue
        paragraph = document.add_paragraph()
        layout = paragraph.paragraph_format
        if line.kind == "title":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            layout.space_after = Pt(BODY_SIZE)
        elif line.kind == "sign":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if previous not in (None, "sign", "title"):
                layout.space_before = Pt(BODY_SIZE * LEADING)
        elif line.kind == "para":
            layout.first_line_indent = Pt(2 * BODY_SIZE)
        for number, cell in enumerate(line.cells):
            if number:
                paragraph.add_run().add_tab()  # several cells on a paragraph line: tab-separated, read as a space
            if line.kind == "title":
                _add_runs(paragraph, cell, bold=True, size=TITLE_SIZE)
            else:
                _add_runs(paragraph, cell)
        index, previous = index + 1, line.kind

    buffer = io.BytesIO()
    document.save(buffer)
    return _repack(buffer.getvalue())


# --- text PDF -------------------------------------------------------------------------------------------------------


def _new_canvas(buffer: io.BytesIO, title: str) -> canvas.Canvas:
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    pdf.setTitle(title)
    pdf.setCreator("")
    pdf.setProducer("")
    return pdf


def _draw_text_page(pdf: canvas.Canvas, page: _Page) -> None:
    pdf.setLineWidth(RULE_WIDTH)
    for rule in page.rules:
        pdf.line(rule.x0, PAGE_H - rule.y0, rule.x1, PAGE_H - rule.y1)
    for text in page.texts:
        obj = pdf.beginText(text.x, PAGE_H - text.baseline)
        obj.setFont(PDF_FONT, text.size)
        if text.bold:  # fill and stroke: the usual fake bold of a font without a bold face
            pdf.setLineWidth(text.size * 0.03)
            obj.setTextRenderMode(2)
        obj.textOut(text.text)
        pdf.drawText(obj)
        if text.bold:
            pdf.setLineWidth(RULE_WIDTH)
    pdf.showPage()


def render_combined_pdf(docs: Sequence[DocSpec]) -> tuple[bytes, list[tuple[int, int]]]:
    """One text PDF holding ``docs`` in order, each starting on a new page; with each one's pages (1-based,
    inclusive)."""
    if not docs:
        raise ValueError("no documents to render")
    buffer = io.BytesIO()
    pdf = _new_canvas(buffer, docs[0].title if len(docs) == 1 else "")
    ranges: list[tuple[int, int]] = []
    page_count = 0
    for doc in docs:
        pages = _layout(doc, _pdf_em)
        for page in pages:
            _draw_text_page(pdf, page)
        ranges.append((page_count + 1, page_count + len(pages)))
        page_count += len(pages)
    pdf.save()
    return buffer.getvalue(), ranges


def render_pdf(doc: DocSpec) -> bytes:
    """A text PDF (CID font STSong-Light, not embedded), wrapped to the page, form rows as ruled cells."""
    return render_combined_pdf([doc])[0]


# --- scanned PDF ----------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _found_font_path() -> Path | None:
    if WQY_FONT_PATH.is_file():
        return WQY_FONT_PATH
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        result = subprocess.run(
            [fc_match, "-f", "%{family}\n%{file}", "WenQuanYi Micro Hei"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    family, _, file = result.stdout.partition("\n")
    # fc-match always answers with some font; only the real WenQuanYi has the CJK glyphs.
    if "WenQuanYi" in family and Path(file).is_file():
        return Path(file)
    return None


def cjk_font_path() -> Path | None:
    """The WenQuanYi Micro Hei font file (Debian package fonts-wqy-microhei), or None when it is not installed."""
    return _found_font_path()


def _require_font() -> Path:
    path = cjk_font_path()
    if path is None:
        raise RuntimeError(
            f"drawing scanned pages needs the CJK font WenQuanYi Micro Hei: install the Debian package {WQY_PACKAGE} "
            f"(apt-get install -y {WQY_PACKAGE})"
        )
    return path


@lru_cache(maxsize=64)
def _pil_font(path: Path, size: float) -> ImageFont.FreeTypeFont:
    # BASIC layout: measuring and drawing must not depend on whether libraqm is installed.
    return ImageFont.truetype(str(path), size, index=0, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=4)
def _pil_em(path: Path) -> Em:
    font = _pil_font(path, 100.0)
    widths: dict[str, float] = {}

    def em(text: str) -> float:
        total = 0.0
        for ch in text:
            width = widths.get(ch)
            if width is None:
                width = widths[ch] = font.getlength(ch) / 100.0
            total += width
        return total

    return em


def _date_anchor(pages: list[_Page]) -> tuple[int, _Text] | None:
    """The date of the 落款 (the last dated sign line, else the last dated line) and its page index."""
    found: tuple[int, _Text] | None = None
    for prefer_sign in (True, False):
        for number, page in enumerate(pages):
            for text in page.texts:
                if _DATE.search(text.text) and (text.kind == "sign" or not prefer_sign):
                    found = (number, text)
        if found:
            return found
    return None


def _seal_text(doc: DocSpec) -> str:
    for line in reversed(doc.lines):
        text = re.sub(r"[（(]\s*印\s*[)）]|\s", "", line.text)
        if line.kind == "sign" and "公安" in text and not _DATE.search(text) and len(text) <= 20:
            return text
    return "公安局印"


def _seal_mask(text: str, radius: int, font_path: Path, rng: random.Random) -> Image.Image:
    """A round official seal as an ink-coverage mask: ring, the agency's name along the top arc, a star."""
    size = 2 * radius + 8
    centre = size / 2
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    ring = max(2, round(radius * 0.06))
    draw.ellipse([centre - radius, centre - radius, centre + radius, centre + radius], outline=255, width=ring)
    star_outer, star_inner = radius * 0.3, radius * 0.3 * 0.382
    star = [
        (
            centre + (star_outer if k % 2 == 0 else star_inner) * math.sin(math.pi * k / 5),
            centre - (star_outer if k % 2 == 0 else star_inner) * math.cos(math.pi * k / 5),
        )
        for k in range(10)
    ]
    draw.polygon(star, fill=255)
    span = math.radians(min(250.0, 24.0 * len(text)))
    char_size = min(radius * 0.3, 0.7 * radius * span / max(1, len(text)))
    font = _pil_font(font_path, round(char_size, 1))
    text_radius = radius - ring - char_size * 0.62
    for number, ch in enumerate(text):
        angle = -span / 2 + span * (number + 0.5) / len(text)
        tile = Image.new("L", (round(char_size * 1.6),) * 2, 0)
        ImageDraw.Draw(tile).text((tile.width / 2, tile.height / 2), ch, font=font, fill=255, anchor="mm")
        tile = tile.rotate(-math.degrees(angle), resample=Image.Resampling.BICUBIC, expand=True)
        x = centre + text_radius * math.sin(angle) - tile.width / 2
        y = centre - text_radius * math.cos(angle) - tile.height / 2
        region = (round(x), round(y))
        mask.paste(
            ImageChops.lighter(mask.crop((*region, region[0] + tile.width, region[1] + tile.height)), tile), region
        )
    mask = mask.rotate(rng.uniform(-30.0, 30.0), resample=Image.Resampling.BICUBIC)
    # Uneven ink: a coarse random field, smoothed, scales the coverage between ~55% and ~95%.
    grain = Image.frombytes("L", (8, 8), bytes(rng.randint(140, 245) for _ in range(64)))
    grain = grain.resize((size, size), Image.Resampling.BICUBIC)
    return ImageChops.multiply(mask, grain)


def _stamp(image: Image.Image, mask: Image.Image, centre: tuple[float, float]) -> Image.Image:
    """Red ink over the page (multiplied, so the text under the seal stays readable)."""
    page = image.convert("RGB")
    left, top = round(centre[0] - mask.width / 2), round(centre[1] - mask.height / 2)
    box = (left, top, left + mask.width, top + mask.height)
    region = page.crop(box)
    inked = ImageChops.multiply(region, Image.new("RGB", region.size, (214, 38, 46)))
    page.paste(Image.composite(inked, region, mask), box[:2])
    return page


@dataclass(frozen=True, slots=True)
class _Scan:
    jpeg: bytes
    width: int  # pixels
    height: int
    colour: bool


def _scan_page(page: _Page, font_path: Path, dpi: int, rng: random.Random, seal: tuple[_Text, str] | None) -> _Scan:
    scale = dpi / 72.0
    width, height = round(PAGE_W * scale), round(PAGE_H * scale)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    rule_width = max(1, round(RULE_WIDTH * scale))
    for rule in page.rules:
        draw.line([(rule.x0 * scale, rule.y0 * scale), (rule.x1 * scale, rule.y1 * scale)], fill=0, width=rule_width)
    for text in page.texts:
        font = _pil_font(font_path, round(text.size * scale, 1))
        draw.text(
            (text.x * scale, text.baseline * scale),
            text.text,
            font=font,
            fill=0,
            anchor="ls",
            stroke_width=1 if text.bold else 0,
            stroke_fill=0,
        )
    if seal is not None:
        anchor, seal_text = seal
        radius = round(20.0 / 25.4 * dpi)  # a 40 mm seal
        mask = _seal_mask(seal_text, radius, font_path, rng)
        date_width = _pil_em(font_path)(anchor.text) * anchor.size
        centre = (
            (anchor.x + date_width / 2 + rng.uniform(-15.0, 15.0)) * scale,
            (anchor.baseline - anchor.size * 0.4 + rng.uniform(-20.0, 10.0)) * scale,
        )
        image = _stamp(image, mask, centre)
    return _scanner(image, rng)


def _soft_blur(sigma: float) -> ImageFilter.Kernel:
    """A 3×3 gaussian: for sigma under 1 pixel as good as GaussianBlur and several times faster."""
    weights = [math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
    return ImageFilter.Kernel((3, 3), weights, scale=sum(weights))


def _scanner(image: Image.Image, rng: random.Random) -> _Scan:
    """What a flatbed scanner and its JPEG encoder do to a page: skew, grey paper, noise, dust, blur."""
    white = (255,) * len(image.getbands())
    # Bilinear: at under 1.5° it looks the same as bicubic and takes half the time.
    image = image.rotate(rng.uniform(-1.5, 1.5), resample=Image.Resampling.BILINEAR, fillcolor=white)
    paper, ink = rng.randint(218, 238), rng.randint(18, 48)
    image = image.point([round(ink + (paper - ink) * value / 255) for value in range(256)] * len(white))
    # Sensor noise: uniform bytes squeezed to ±amplitude; the blur below makes it gaussian-looking.
    amplitude = rng.uniform(4.0, 9.0)
    noise = Image.frombytes("L", image.size, rng.randbytes(image.width * image.height))
    noise = noise.point([round(128 + (value - 128) * amplitude / 128) for value in range(256)])
    if image.mode == "RGB":
        noise = Image.merge("RGB", (noise, noise, noise))
    image = ImageChops.add(image, noise, scale=1.0, offset=-128)
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(30, 160)):  # dust and toner specks
        x, y = rng.uniform(0, image.width), rng.uniform(0, image.height)
        r = rng.uniform(0.4, 1.8)
        shade = rng.randint(30, 140)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(shade,) * len(white) if len(white) > 1 else shade)
    image = image.filter(_soft_blur(rng.uniform(0.65, 1.0)))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=rng.randint(45, 60), optimize=True)
    return _Scan(buffer.getvalue(), image.width, image.height, image.mode == "RGB")


def _image_pdf(scans: list[_Scan]) -> bytes:
    """A minimal PDF with one full-page JPEG a page (DCTDecode, passed through as encoded).

    Written by hand rather than with reportlab, whose drawImage ASCII85-encodes the JPEG (a quarter bigger, and
    slow without its C accelerator), or Pillow, whose page size comes from the DPI rounded to pixels.
    """
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: page tree; filled in below
    kids: list[int] = []
    media_box = f"[0 0 {PAGE_W:.4f} {PAGE_H:.4f}]".encode()
    for scan in scans:
        image_id, content_id, page_id = len(objects) + 1, len(objects) + 2, len(objects) + 3
        space = b"/DeviceRGB" if scan.colour else b"/DeviceGray"
        objects.append(
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 "
            b"/Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream"
            % (scan.width, scan.height, space, len(scan.jpeg), scan.jpeg)
        )
        content = f"q {PAGE_W:.4f} 0 0 {PAGE_H:.4f} 0 0 cm /Im0 Do Q".encode()
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources << /XObject << /Im0 %d 0 R >> >> "
            b"/Contents %d 0 R >>" % (media_box, image_id, content_id)
        )
        kids.append(page_id)
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def render_scanned_combined_pdf(
    docs: Sequence[DocSpec], rng: random.Random, dpi: int = 150, seal_probability: float = 0.35
) -> tuple[bytes, list[tuple[int, int]]]:
    """One image-only PDF of ``docs`` scanned in order (each from a new page), with each one's page range.

    A document with a dated 落款 gets a red seal over its date with ``seal_probability``.
    """
    if not docs:
        raise ValueError("no documents to render")
    font_path = _require_font()
    em = _pil_em(font_path)
    scans: list[_Scan] = []
    ranges: list[tuple[int, int]] = []
    for doc in docs:
        pages = _layout(doc, em)
        anchor = _date_anchor(pages)
        sealed = anchor is not None and rng.random() < seal_probability
        first = len(scans) + 1
        for number, page in enumerate(pages):
            seal = (anchor[1], _seal_text(doc)) if sealed and anchor is not None and anchor[0] == number else None
            scans.append(_scan_page(page, font_path, dpi, rng, seal))
        ranges.append((first, len(scans)))
    return _image_pdf(scans), ranges


def render_scanned_pdf(doc: DocSpec, rng: random.Random, dpi: int = 150, seal_probability: float = 0.35) -> bytes:
    """An image-only PDF as a scanner makes it: one skewed, noisy, JPEG-compressed page image a page."""
    return render_scanned_combined_pdf([doc], rng, dpi, seal_probability)[0]


# --- .txt and .zip --------------------------------------------------------------------------------------------------


def render_txt(doc: DocSpec, encoding: str = "utf-8", newline: str = "\n") -> bytes:
    """The canonical text as a file ending in a newline; ``encoding`` "gb18030" (or "gbk") as Windows Notepad's
    "ANSI" writes it."""
    return (doc.text() + "\n").replace("\n", newline).encode(encoding)


class _GbkZipInfo(zipfile.ZipInfo):
    """A member whose name is stored in GBK without the UTF-8 flag, as Chinese Windows archivers store it."""

    __slots__ = ()

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:  # overrides zipfile's private hook
        try:
            return self.filename.encode("gbk"), self.flag_bits & ~_ZIP_UTF8_FLAG
        except UnicodeEncodeError:  # a name GBK cannot hold: UTF-8 with the flag, as 7-Zip does
            return super()._encodeFilenameFlags()


def _folders(name: str) -> Iterator[str]:
    parts = name.split("/")[:-1]
    for depth in range(1, len(parts) + 1):
        yield "/".join(parts[:depth]) + "/"


def make_zip(members: list[tuple[str, bytes]], gbk_names: bool = False) -> bytes:
    """A .zip of (path, bytes) members, "/"-separated paths, with a folder entry before each folder's first
    member. ``gbk_names`` stores names as GBK bytes without the UTF-8 flag (Windows archivers); otherwise names
    are UTF-8 with the flag."""
    info_class = _GbkZipInfo if gbk_names else zipfile.ZipInfo
    system = 0 if gbk_names else 3  # MS-DOS or Unix "made by", fixed so the bytes do not depend on the platform
    buffer = io.BytesIO()
    seen: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            for folder in _folders(name):
                if folder in seen:
                    continue
                seen.add(folder)
                info = info_class(folder, ZIP_DATE_TIME)
                info.create_system = system
                info.external_attr = 0x10 if gbk_names else (0o40755 << 16) | 0x10
                archive.writestr(info, b"")
            info = info_class(name, ZIP_DATE_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = system
            info.external_attr = 0x20 if gbk_names else 0o100644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
