"""Fixture files for the parser tests, built at test time (python-docx, reportlab, zipfile). Content is fictional."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

# The canonical text the form document below must produce, line by line.
FORM_DOCX_LINES = [
    "某某市公安局某某分局",  # header
    "受案登记表",
    "某公（刑）受案字〔2024〕0012号",
    "报案人\t张某某\t性别\t男",
    "住址\t某省某市某区某路1号",
    "简要案情\t2024年3月1日9时20分许， 报案人称其电动自行车被盗。",  # a cell's paragraphs join with " "
    "是否立案：☑是 □否",  # the vertically merged 简要案情 is not repeated
    "内容控件里的段落",
    "接报民警：李某某 王某某",
    "第1页 共1页",  # footer
]


def _form_docx() -> bytes:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "某某市公安局某某分局"
    section.footer.paragraphs[0].text = "第1页　共1页"
    document.add_paragraph("受案登记表")
    document.add_paragraph("")  # an empty paragraph: skipped in the text, still counted by para_index
    document.add_paragraph("某公（刑）受案字〔２０２４〕００１２号")
    table = document.add_table(rows=4, cols=4)
    for col, text in enumerate(["报案人", "张某某", "性别", "男"]):
        table.cell(0, col).text = text
    table.cell(1, 0).text = "住址"
    table.cell(1, 1).merge(table.cell(1, 3)).text = "某省某市某区某路1号"  # gridSpan 3
    table.cell(2, 0).merge(table.cell(3, 0)).text = "简要案情"  # vMerge over rows 2-3
    case_cell = table.cell(2, 1).merge(table.cell(2, 3))
    case_cell.text = "2024年3月1日9时20分许，"
    case_cell.add_paragraph("报案人称其电动自行车被盗。")  # a second paragraph in the cell joins with " "
    table.cell(3, 1).merge(table.cell(3, 3)).text = "是否立案：☑是　□否"
    # A block-level content control (w:sdt), which doc.paragraphs would not list.
    sdt = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>内容控件里的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    document.element.body.insert(len(document.element.body) - 1, sdt)  # before the final sectPr
    run = document.add_paragraph().add_run("接报民警：李某某\t\t王某某")
    run.font.size = Pt(12)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="session")
def form_docx() -> bytes:
    return _form_docx()


@pytest.fixture(scope="session")
def form_docx_lines() -> list[str]:
    return list(FORM_DOCX_LINES)


@pytest.fixture(scope="session")
def make_docx() -> Callable[..., bytes]:
    """Build a .docx from paragraphs; ``build`` may add anything else to the python-docx Document."""

    def make(paragraphs: list[str], build: Callable[[docx.document.Document], None] | None = None) -> bytes:
        document = docx.Document()
        for text in paragraphs:
            document.add_paragraph(text)
        if build:
            build(document)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    return make


# Three pages of Chinese lines for the PDF tests: (x, y from the bottom, font size, text).
PDF_PAGES: list[list[tuple[float, float, float, str]]] = [
    [
        (72, 780, 16, "受案登记表"),
        (72, 740, 12, "报案人：张某某，男，1990年1月1日出生"),
        (72, 720, 12, "接报时间：2024年3月1日9时20分"),
        (300, 720, 12, "接报民警：李某某"),  # same line as the one before, far to the right: one line with a gap
    ],
    [
        (72, 780, 12, "询问笔录"),
        (72, 760, 12, "问：你把当时的情况讲一下。"),
        (72, 740, 12, "答：当天晚上我下班回家，发现电动自行车不见了。"),
    ],
    [
        (72, 780, 12, "以上笔录我看过，和我说的相符。"),
        (72, 760, 12, "被询问人：张某某　２０２４年３月１日"),
    ],
]
PDF_EXPECTED_LINES: list[tuple[int, str]] = [
    (1, "受案登记表"),
    (1, "报案人：张某某，男，1990年1月1日出生"),
    (1, "接报时间：2024年3月1日9时20分 接报民警：李某某"),
    (2, "询问笔录"),
    (2, "问：你把当时的情况讲一下。"),
    (2, "答：当天晚上我下班回家，发现电动自行车不见了。"),
    (3, "以上笔录我看过，和我说的相符。"),
    (3, "被询问人：张某某 2024年3月1日"),
]


@pytest.fixture(scope="session")
def make_pdf() -> Callable[..., bytes]:
    """Build a PDF: one list of (x, y, size, text) per page; an empty list draws only a rectangle (no text);
    pages numbered in ``image_pages`` are covered by a picture."""

    def make(
        pages: list[list[tuple[float, float, float, str]]],
        encrypt: str | None = None,
        rotate: int = 0,
        image_pages: frozenset[int] = frozenset(),
    ) -> bytes:
        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt)
        for number, items in enumerate(pages, start=1):
            if rotate:
                pdf.setPageRotation(rotate)
            if number in image_pages:  # a full-page picture, like a scanned sheet
                pdf.drawImage(ImageReader(Image.new("L", (40, 56), 200)), 0, 0, width=A4[0], height=A4[1])
            elif not items:
                pdf.rect(100, 100, 200, 200)
            for x, y, size, text in items:
                pdf.setFont(FONT, size)
                pdf.drawString(x, y, text)
            pdf.showPage()
        pdf.save()
        return buffer.getvalue()

    return make


@pytest.fixture(scope="session")
def three_page_pdf(make_pdf: Callable[..., bytes]) -> bytes:
    return make_pdf(PDF_PAGES)


@pytest.fixture(scope="session")
def three_page_pdf_lines() -> list[tuple[int, str]]:
    return list(PDF_EXPECTED_LINES)


class _RawNameInfo(zipfile.ZipInfo):
    """A member whose name is written as the given bytes with the UTF-8 flag (bit 11) cleared."""

    def __init__(self, raw_name: bytes) -> None:
        super().__init__(raw_name.decode("cp437"))
        self.raw_name = raw_name

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:  # zipfile's hook for the name bytes
        return self.raw_name, self.flag_bits & ~0x800


@pytest.fixture(scope="session")
def make_zip() -> Callable[..., bytes]:
    """Build a zip from (name, data) pairs. A bytes name is written raw, without the UTF-8 flag (as Windows'
    built-in zip and older WinRAR/360压缩 do with GBK names); a str name gets the UTF-8 flag when non-ASCII."""

    def make(members: list[tuple[str | bytes, bytes]]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members:
                info = _RawNameInfo(name) if isinstance(name, bytes) else zipfile.ZipInfo(name)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
        return buffer.getvalue()

    return make


@pytest.fixture(scope="session")
def raw_name_info() -> type[zipfile.ZipInfo]:
    return _RawNameInfo


@pytest.fixture
def write_files(tmp_path: Path) -> Callable[[dict[str, bytes]], Path]:
    """Write {relative path: bytes} under a fresh case folder and return the folder."""

    def write(files: dict[str, bytes]) -> Path:
        root = tmp_path / "案卷"
        root.mkdir(exist_ok=True)
        for name, data in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return root

    return write
