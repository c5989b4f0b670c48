"""Word (.docx) parser: body paragraphs and tables in document order, plus headers and footers.

Canonical text layout (see docs for ``TextBuilder``):

* headers first, then the body, then footers;
* a paragraph is one line; empty paragraphs are skipped but still counted by ``para_index``;
* a table row is one line, its distinct cells joined by "\\t" (an empty cell stays as an empty segment, so a
  blank form value is visible as "label\\t\\t…"); a cell's paragraphs are joined with " ";
* a merged cell is emitted once: horizontally merged cells are one ``w:tc`` with ``gridSpan`` and vertically
  merged continuations (``vMerge`` without "restart") are skipped, so ``col`` is the cell's first grid column;
* a row holding a nested table is laid out as a container: each of its cells' paragraphs is a line and the
  nested table's rows follow as their own lines (a one-cell layout table wrapping a whole form reads as if
  the wrapper were not there). Tables are numbered in document order, nested ones included.

The XML is walked directly rather than through ``doc.paragraphs``/``doc.tables`` because those lose the order
of paragraphs relative to tables, skip content controls (``w:sdt``) and repeat merged cells.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from nlp import registry
from nlp.labels import BlockKind, FileFormat
from nlp.parsers.base import ParsedFile, ParseError
from nlp.parsers.normalize import TextBuilder, normalize
from nlp.parsers.ocr import OcrPage, get_engine, ocr_available
from nlp.schema import Block

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: .doc, .wps, or a password-protected .docx
# Stream name of a password-protected OOXML file inside its OLE container (UTF-16LE, as the directory stores it).
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

# A .docx whose parts together unpack to more than this is refused before python-docx reads them all.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024

log = logging.getLogger(__name__)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

_P, _TBL, _TR, _TC = _W + "p", _W + "tbl", _W + "tr", _W + "tc"
_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
PICTURE_MIN_SIDE = 600  # pixels: a smaller embedded picture is a logo, seal or photo, not a scanned page
_T, _TAB, _PTAB, _BR, _CR, _SYM = _W + "t", _W + "tab", _W + "ptab", _W + "br", _W + "cr", _W + "sym"
_NO_BREAK_HYPHEN, _R_RUN, _RPR, _RFONTS = _W + "noBreakHyphen", _W + "r", _W + "rPr", _W + "rFonts"
# Wrappers whose children are laid out as if they stood in the wrapper's place.
_BLOCK_WRAPPERS = {_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "ins", _W + "moveTo"}
# Elements with no visible text of their own (properties, deleted text, field codes, the duplicate fallback of
# mc:AlternateContent) — walking into them would add text Word does not show.
_SKIP = {
    _W + "pPr",
    _W + "rPr",
    _W + "sdtPr",
    _W + "sdtEndPr",
    _W + "del",
    _W + "moveFrom",
    _W + "delText",
    _W + "instrText",
    _W + "tblPr",
    _W + "tblGrid",
    _W + "trPr",
    _W + "tcPr",
    _W + "sectPr",
    _MC + "Fallback",
}

# Symbol-font check boxes (w:sym, or w:t in a Wingdings run) mapped to the Unicode glyphs the rules look for.
_SYMBOL_GLYPHS: dict[tuple[str, int], str] = {
    ("wingdings", 0x6E): "■",
    ("wingdings", 0x6F): "□",
    ("wingdings", 0xA8): "□",
    ("wingdings", 0xFC): "√",
    ("wingdings", 0xFD): "☒",
    ("wingdings", 0xFE): "☑",
    ("wingdings 2", 0x50): "√",
    ("wingdings 2", 0x52): "☑",
    ("wingdings 2", 0x53): "☒",
    ("wingdings 2", 0x54): "☒",
    ("wingdings 2", 0xA3): "□",
    ("symbol", 0xD6): "√",
    ("symbol", 0xB4): "×",
}


def _symbol(font: str, code: int) -> str:
    if code >= 0xF000:  # symbol fonts are addressed through the U+F0xx private-use page
        code -= 0xF000
    return _SYMBOL_GLYPHS.get((font.strip().lower(), code), "")


def _symbol_font(run: Any) -> str | None:
    rpr = run.find(_RPR)
    fonts = rpr.find(_RFONTS) if rpr is not None else None
    if fonts is None:
        return None
    name = fonts.get(_W + "ascii") or fonts.get(_W + "hAnsi") or ""
    return name if name.strip().lower() in {"wingdings", "wingdings 2", "symbol"} else None


def _inline_text(element: Any) -> str:
    """The raw visible text of a paragraph (text boxes inside it included, separated by spaces)."""
    parts: list[str] = []

    def walk(node: Any, font: str | None) -> None:
        for child in node:
            tag = child.tag
            if tag == _T:
                text = child.text or ""
                parts.append("".join(_symbol(font, ord(ch)) or ch for ch in text) if font else text)
            elif tag in (_TAB, _PTAB):
                parts.append("\t")
            elif tag in (_BR, _CR):
                parts.append("\n")
            elif tag == _SYM:
                try:
                    code = int(child.get(_W + "char", "0"), 16)
                except ValueError:  # a malformed w:char is just an unknown symbol
                    code = 0
                parts.append(_symbol(child.get(_W + "font", ""), code))
            elif tag == _NO_BREAK_HYPHEN:
                parts.append("-")
            elif tag in _SKIP or not isinstance(tag, str):  # comments and processing instructions have no str tag
                continue
            elif tag == _R_RUN:
                walk(child, _symbol_font(child))
            elif tag == _P:  # a paragraph of a text box anchored in this one
                parts.append(" ")
                walk(child, None)
                parts.append(" ")
            else:
                walk(child, font)

    walk(element, None)
    return "".join(parts)


def _block_items(container: Any) -> Iterator[Any]:
    """The w:p and w:tbl children of a body, cell, header or footer, in order, looking through wrappers."""
    for child in container:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _block_items(child)


def _rows(tbl: Any) -> Iterator[Any]:
    for child in tbl:
        if child.tag == _TR:
            yield child
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _rows(child)


def _cells(tr: Any) -> Iterator[Any]:
    for child in tr:
        if child.tag == _TC:
            yield child
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _cells(child)


def _int_attr(parent: Any, path: str, default: int) -> int:
    node = parent.find(path)
    if node is None:
        return default
    try:
        return int(node.get(_W + "val", default))
    except ValueError:
        return default


def _is_merge_continuation(tc: Any) -> bool:
    tcpr = tc.find(_W + "tcPr")
    if tcpr is None:
        return False
    for tag in ("vMerge", "hMerge"):
        node = tcpr.find(_W + tag)
        if node is not None and node.get(_W + "val", "continue") != "restart":
            return True
    return False


@dataclass
class _Emitter:
    """Lays out paragraphs and tables as lines of the canonical text, one Block per paragraph or cell."""

    builder: TextBuilder
    blocks: list[Block]
    region: BlockKind | None = None  # HEADER / FOOTER: every block gets this kind and no body indices
    # Body only: the bytes of an embedded picture by relationship id, to OCR a pasted scan (None: no OCR).
    image_of: Callable[[str], bytes | None] | None = None
    pictures_read: int = 0
    tables: int = 0
    paragraphs: int = 0
    seen_lines: set[str] = field(default_factory=set)

    def body(self, container: Any) -> None:
        for item in _block_items(container):
            if item.tag == _P:
                para_index = None if self.region else self.paragraphs
                self.paragraphs += 1
                self._line([normalize(_inline_text(item), single_line=True)], para_index=para_index)
                if self.image_of is not None:
                    self._pictures(item, para_index)
            else:
                self.table(item)

    def table(self, tbl: Any) -> None:
        table_index = self.tables
        self.tables += 1
        for row_index, tr in enumerate(_rows(tbl)):
            col = _int_attr(tr, f"{_W}trPr/{_W}gridBefore", 0)
            cells: list[tuple[int, Any]] = []
            for tc in _cells(tr):
                cells.append((col, tc))
                col += max(1, _int_attr(tc, f"{_W}tcPr/{_W}gridSpan", 1))
            if any(tc.find(f".//{_TBL}") is not None for _, tc in cells):
                self._container_row(table_index, row_index, cells)
            else:
                self._flat_row(table_index, row_index, cells)

    def _flat_row(self, table_index: int, row_index: int, cells: list[tuple[int, Any]]) -> None:
        texts: list[str] = []
        cols: list[int] = []
        for col, tc in cells:
            raw = " ".join(_inline_text(p) for p in _block_items(tc) if p.tag == _P)
            text = normalize(raw, single_line=True)
            if not text and _is_merge_continuation(tc):
                continue  # the merged cell was already emitted where it starts
            texts.append(text)
            cols.append(col)
        if not any(texts):
            return
        spans = self.builder.add_line(texts)
        for (start, end), col in zip(spans, cols, strict=True):
            self.blocks.append(self._block(start, end, BlockKind.TABLE_CELL, table=table_index, row=row_index, col=col))

    def _container_row(self, table_index: int, row_index: int, cells: list[tuple[int, Any]]) -> None:
        for col, tc in cells:
            for item in _block_items(tc):
                if item.tag == _TBL:
                    self.table(item)
                    continue
                text = normalize(_inline_text(item), single_line=True)
                self._line([text], table=table_index, row=row_index, col=col, kind=BlockKind.TABLE_CELL)

    def _pictures(self, paragraph: Any, para_index: int | None) -> None:
        """OCR lines of the page-sized pictures in a paragraph (a scan pasted into Word), after its text."""
        assert self.image_of is not None
        for blip in paragraph.iter(_BLIP):
            data = self.image_of(blip.get(_R + "embed", ""))
            page = _ocr_picture(data) if data else None
            if page is None:
                continue
            self.pictures_read += 1
            for line in page.lines:
                text = normalize(line.text, single_line=True)
                if text:
                    ((start, end),) = self.builder.add_line([text])
                    block = Block(
                        start=start, end=end, kind=BlockKind.LINE, para_index=para_index, confidence=line.confidence
                    )
                    self.blocks.append(block)

    def _line(self, texts: list[str], kind: BlockKind = BlockKind.PARAGRAPH, **where: int | None) -> None:
        if not texts[0]:
            return
        if self.region:  # the same header line repeated by several sections is noise, not content
            if texts[0] in self.seen_lines:
                return
            self.seen_lines.add(texts[0])
        ((start, end),) = self.builder.add_line(texts)
        self.blocks.append(self._block(start, end, kind, **where))

    def _block(self, start: int, end: int, kind: BlockKind, **where: int | None) -> Block:
        if self.region:
            return Block(start=start, end=end, kind=self.region)
        return Block(start=start, end=end, kind=kind, **where)


def _ocr_picture(data: bytes) -> OcrPage | None:
    """The OCR of an embedded picture big enough to be a scanned page (None for logos, seals, small photos, or when
    OCR is off or not installed). Boxes are in the picture's pixels, so blocks get none."""
    from nlp.parsers.pdf_parser import _ocr_env_enabled  # the same JUANSHEN_OCR switch as for PDFs

    if not _ocr_env_enabled() or not ocr_available():
        return None
    try:
        import cv2
        import numpy as np

        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    except Exception:  # an undecodable picture (EMF, WMF …) is simply not read
        return None
    if image is None or min(image.shape[:2]) < PICTURE_MIN_SIDE:
        return None
    try:
        page = get_engine().ocr_image(image, 1.0)
    except Exception:  # an OCR failure must not lose the document's text
        log.warning("OCR of an embedded picture failed", exc_info=True)
        return None
    return page if page.lines else None


def _header_footer_elements(document: Any) -> tuple[list[Any], list[Any]]:
    """Root elements of the header and footer parts in use, per section, without duplicates."""
    headers: list[Any] = []
    footers: list[Any] = []
    seen: set[str] = set()
    even_pages = bool(document.settings.odd_and_even_pages_header_footer)
    related = document.part.related_parts
    for section in document.sections:
        sect_pr = section._sectPr
        wanted = ["default"]
        if section.different_first_page_header_footer:
            wanted.insert(0, "first")
        if even_pages:
            wanted.append("even")
        for kind, sink in (("header", headers), ("footer", footers)):
            refs = {ref.get(_W + "type", "default"): ref.get(_R + "id") for ref in sect_pr.iter(f"{_W}{kind}Reference")}
            for which in wanted:
                part = related.get(refs.get(which, ""))
                if part is None or str(part.partname) in seen or not hasattr(part, "element"):
                    continue
                seen.add(str(part.partname))
                sink.append(part.element)
    return headers, footers


def is_encrypted_ole(data: bytes) -> bool:
    """Whether an OLE compound file is a password-protected Office document rather than a legacy .doc."""
    return data[:8] == OLE_MAGIC and _ENCRYPTED_PACKAGE in data


def _open(data: bytes) -> Any:
    import docx  # imported here: python-docx costs ~80 ms to import and only this parser needs it

    if data[:8] == OLE_MAGIC:
        if is_encrypted_ole(data):
            raise ParseError("Word文档已加密，无法读取，请解除密码后重新提供")
        raise ParseError("文件为旧版Word（.doc）或WPS格式，暂不支持，请另存为.docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise ParseError("文件已损坏，无法作为Word文档打开") from None
    if "[Content_Types].xml" not in names:
        raise ParseError("文件不是Word文档，无法读取")
    if unpacked > MAX_UNPACKED_BYTES:
        raise ParseError(f"Word文档解压后超过{MAX_UNPACKED_BYTES // (1024 * 1024)}MB，疑似异常文件，已拒绝")
    try:
        return docx.Document(io.BytesIO(data))
    except ValueError as exc:
        if "macroEnabled" in str(exc):
            raise ParseError("启用宏的Word文档（.docm）暂不支持，请另存为.docx") from None
        raise ParseError("文件不是Word文档，无法读取") from None
    except Exception:  # python-docx raises KeyError, lxml errors, zip errors … for damaged packages
        raise ParseError("文件已损坏，无法作为Word文档打开") from None


@registry.parsers.register("docx")
def parse_docx(data: bytes, source: str = "") -> ParsedFile:
    """Parse a .docx file's bytes. ``source`` is only for the caller's bookkeeping; errors never quote it."""
    document = _open(data)
    builder = TextBuilder()
    blocks: list[Block] = []
    headers, footers = _header_footer_elements(document)
    header_emitter = _Emitter(builder, blocks, region=BlockKind.HEADER)
    for element in headers:
        header_emitter.body(element)
    body = _Emitter(builder, blocks, image_of=lambda rid: _related_blob(document, rid))
    body.body(document.element.body)
    footer_emitter = _Emitter(builder, blocks, region=BlockKind.FOOTER)
    for element in footers:
        footer_emitter.body(element)
    warnings = [f"文档内嵌扫描图片{body.pictures_read}张，已OCR识别"] if body.pictures_read else []
    method = "python-docx+rapidocr" if body.pictures_read else "python-docx"
    return ParsedFile(format=FileFormat.DOCX, text=builder.text, blocks=blocks, method=method, warnings=warnings)


def _related_blob(document: Any, rid: str) -> bytes | None:
    try:
        part = document.part.related_parts[rid]
    except KeyError:
        return None
    return getattr(part, "blob", None)
