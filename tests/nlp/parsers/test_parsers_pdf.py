from __future__ import annotations

import io
from collections.abc import Callable

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4

from nlp.labels import BlockKind, FileFormat
from nlp.parsers.base import ParseError
from nlp.parsers.pdf_parser import parse_pdf

PAGE_W, PAGE_H = A4


def test_pdf_lines_text_and_pages(three_page_pdf: bytes, three_page_pdf_lines: list[tuple[int, str]]) -> None:
    parsed = parse_pdf(three_page_pdf, "询问笔录.pdf")
    assert parsed.format == FileFormat.PDF
    assert parsed.method == "pypdfium2"
    assert parsed.pages == 3
    assert parsed.warnings == []
    assert [(b.page, parsed.text[b.start : b.end]) for b in parsed.blocks] == three_page_pdf_lines
    assert parsed.text == "\n".join(text for _, text in three_page_pdf_lines)
    assert all(b.kind == BlockKind.LINE for b in parsed.blocks)


def test_pdf_boxes_inside_page_one_per_char(three_page_pdf: bytes) -> None:
    parsed = parse_pdf(three_page_pdf)
    for block in parsed.blocks:
        assert block.bbox is not None and block.char_boxes is not None
        x0, top, x1, bottom = block.bbox
        assert 0 <= x0 < x1 <= PAGE_W and 0 <= top < bottom <= PAGE_H
        assert len(block.char_boxes) == block.end - block.start
        for cx0, ctop, cx1, cbottom in block.char_boxes:
            assert x0 - 0.01 <= cx0 <= cx1 <= x1 + 0.01 and top - 0.01 <= ctop <= cbottom <= bottom + 0.01


def test_pdf_bbox_matches_drawing_position(three_page_pdf: bytes) -> None:
    # "受案登记表" is drawn at x=72, baseline y=780 (from the bottom) in 16 pt: five full-width glyphs.
    block = parse_pdf(three_page_pdf).blocks[0]
    x0, top, x1, bottom = block.bbox  # type: ignore[misc]
    assert x0 == pytest.approx(72, abs=0.5)
    assert x1 == pytest.approx(72 + 5 * 16, abs=0.5)
    assert top < PAGE_H - 780 < bottom  # the baseline lies inside the box, measured from the top
    first = block.char_boxes[0]  # type: ignore[index]
    assert first[2] - first[0] == pytest.approx(16, abs=0.5)


def test_pdf_gap_on_a_line_becomes_one_space_with_a_box(three_page_pdf: bytes) -> None:
    parsed = parse_pdf(three_page_pdf)
    block = parsed.blocks[2]
    text = parsed.text[block.start : block.end]
    space = text.index(" ")
    left, _, right, _ = block.char_boxes[space]  # type: ignore[index]
    assert left < 300 <= right + 0.5  # the space spans the gap up to the second text, drawn at x=300


def test_pdf_text_matches_pdfplumber(three_page_pdf: bytes) -> None:
    with pdfplumber.open(io.BytesIO(three_page_pdf)) as pdf:
        plumber = "".join(page.extract_text() for page in pdf.pages)
    ours = parse_pdf(three_page_pdf).text
    squeeze = str.maketrans("", "", " \n\u3000")
    # pdfplumber keeps full-width digits; the parser narrows them.
    fullwidth = str.maketrans("０１２３４５６７８９", "0123456789")
    assert ours.translate(squeeze) == plumber.translate(squeeze).translate(fullwidth)


@pytest.mark.parametrize(
    ("pages", "warnings"),
    [
        (
            [[(72, 780, 12, "第一页")], [], [(72, 780, 12, "第三页")]],
            ["第2页无文字层，OCR未识别出文字（可能为空白页）"],
        ),
        ([[], [], [(72, 780, 12, "第三页")]], ["第1-2页无文字层，OCR未识别出文字（可能为空白页）"]),
        ([[]], ["第1页无文字层，OCR未识别出文字（可能为空白页）"]),
    ],
    ids=["middle", "run", "only"],
)
def test_pdf_page_without_text_layer_warns(
    make_pdf: Callable[..., bytes], pages: list[list[tuple[float, float, float, str]]], warnings: list[str]
) -> None:
    parsed = parse_pdf(make_pdf(pages))
    assert parsed.warnings == warnings
    assert parsed.pages == len(pages)
    assert {b.page for b in parsed.blocks} == {n + 1 for n, items in enumerate(pages) if items}


def test_pdf_scanned_page_with_a_stamped_page_number_warns(make_pdf: Callable[..., bytes]) -> None:
    pages = [[(72, 780, 12, "受案登记表")], [(500, 20, 10, "第2页")]]
    parsed = parse_pdf(make_pdf(pages, image_pages=frozenset({2})))
    # The image is blank: OCR reads nothing there, so the stamped page number of the text layer is kept.
    assert parsed.warnings == ["第2页OCR未识别出文字，保留原文字层"]
    assert parsed.text == "受案登记表\n第2页"


def test_pdf_rotated_page_boxes_in_display_space(make_pdf: Callable[..., bytes]) -> None:
    # reportlab lays a /Rotate 90 page out landscape (PAGE_H wide, PAGE_W tall); shown rotated 90° clockwise it
    # is PAGE_W wide and PAGE_H tall again, PDF y becomes the display x and PDF x the distance from the top.
    parsed = parse_pdf(make_pdf([[(72, 300, 12, "受")]], rotate=90))
    (block,) = parsed.blocks
    x0, top, x1, bottom = block.bbox  # type: ignore[misc]
    assert 0 <= x0 < x1 <= PAGE_W and 0 <= top < bottom <= PAGE_H
    assert x0 < 300 < x1
    assert top == pytest.approx(72, abs=0.5)


def test_pdf_encrypted_raises_parse_error(make_pdf: Callable[..., bytes]) -> None:
    data = make_pdf([[(72, 780, 12, "加密文件")]], encrypt="pw")
    with pytest.raises(ParseError) as caught:
        parse_pdf(data, "加密.pdf")
    assert caught.value.reason.startswith("PDF已加密，无法读取")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not a pdf", "无法作为PDF打开"),
        (b"%PDF-1.4\n" + b"\x00garbage" * 50, "PDF文件已损坏"),
        (b"", "无法作为PDF打开"),
    ],
    ids=["no-header", "garbage-body", "empty"],
)
def test_pdf_corrupt_raises_parse_error(data: bytes, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_pdf(data)
    assert reason in caught.value.reason


def test_pdf_truncated_raises_or_reads(three_page_pdf: bytes) -> None:
    # PDFium repairs what it can; a cut-off file either reads or fails with a ParseError, never anything else.
    try:
        parsed = parse_pdf(three_page_pdf[: len(three_page_pdf) // 2])
    except ParseError as exc:
        assert "PDF" in exc.reason
    else:
        assert parsed.pages is not None


def test_pdf_single_glyph_form_values_are_kept(make_pdf: Callable[..., bytes]) -> None:
    # One-glyph strings in a non-embedded CJK font vanish from PDFium's text when no CJK font is installed;
    # the parser then reads that page with pdfplumber. Either way the values must be there.
    row = [(72, 700, 12, "性别"), (150, 700, 12, "男"), (200, 700, 12, "民族"), (260, 700, 12, "汉")]
    parsed = parse_pdf(make_pdf([[(72, 760, 12, "受案登记表"), *row]]))
    assert parsed.text == "受案登记表\n性别 男 民族 汉"
    assert parsed.method in ("pypdfium2", "pypdfium2+pdfplumber")
    for block in parsed.blocks:
        assert len(block.char_boxes) == block.end - block.start  # type: ignore[arg-type]


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_pdf_fallback_reads_the_same_chars_and_boxes(make_pdf: Callable[..., bytes], rotate: int) -> None:
    import pypdfium2 as pdfium

    from nlp.parsers.pdf_parser import _open_plumber, _page_chars, _plumber_chars

    data = make_pdf([[(72, 300, 12, "报案人：张某某AB12")]], rotate=rotate)
    pdf = pdfium.PdfDocument(data)
    page = pdf[0]
    ours, _, _, _ = _page_chars(page.get_textpage(), page)
    plumber = _open_plumber(data)
    theirs = _plumber_chars(plumber, 0)
    plumber.close()
    assert [c.ch for c in ours] == [c.ch for c in theirs]
    for a, b in zip(ours, theirs, strict=True):
        # Glyph widths of the substituted Latin font differ a little, so compare box centres.
        assert a.x0 + a.x1 == pytest.approx(b.x0 + b.x1, abs=4)
        assert a.top + a.bottom == pytest.approx(b.top + b.bottom, abs=4)


@pytest.mark.parametrize(("font", "method"), [("Helvetica", "pypdfium2"), ("STSong-Light", "pypdfium2+pdfplumber")])
def test_pdf_fallback_only_for_fonts_that_may_lack_glyphs(font: str, method: str) -> None:
    # A lone space is a zero-width text object too; in a standard Latin font it cannot hide text.
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(72, 700, "受案登记表")
    pdf.setFont(font, 12)
    pdf.drawString(72, 680, " ")
    pdf.save()
    parsed = parse_pdf(buffer.getvalue())
    assert (parsed.text, parsed.method) == ("受案登记表", method)


def test_pdf_keeps_hyphen_at_line_end() -> None:
    """PDFium reports a line-final '-' as a soft hyphen (U+0002); it was printed, so it must stay."""
    import io as _io

    from reportlab.pdfgen import canvas as _canvas

    buf = _io.BytesIO()
    c = _canvas.Canvas(buf)
    c.drawString(100, 700, "A3201-")
    c.drawString(100, 680, "0500")
    c.showPage()
    c.save()
    assert parse_pdf(buf.getvalue()).text == "A3201-\n0500"
