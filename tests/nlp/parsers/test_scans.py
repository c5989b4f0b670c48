"""Scanned and combined case files: OCR wired into the PDF parser, garbled text layers, seals, splitting a
combined PDF into its documents, the 卷宗目录, and findings that rest on low-confidence OCR text."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from corpora.generator.corpus import CorpusConfig, generate_case
from corpora.generator.render import cjk_font_path, render_combined_pdf
from nlp.labels import BlockKind, Category, FileFormat, Gate, Severity
from nlp.parsers.base import ParsedFile
from nlp.parsers.ocr import find_seals, ocr_available
from nlp.parsers.pdf_parser import parse_pdf
from nlp.parsers.quality import garbled_share, is_garbled
from nlp.parsers.split import slice_pages, split_points
from nlp.reviewer import catalogue, flag_low_confidence
from nlp.schema import Block, CaseFile, Document, Evidence, Finding

needs_ocr = pytest.mark.skipif(
    not ocr_available(), reason="OCR packages missing: pip install rapidocr-onnxruntime==1.4.4 (onnxruntime, OpenCV)"
)
needs_font = pytest.mark.skipif(
    cjk_font_path() is None, reason="drawing scanned pages needs the CJK font (apt-get install fonts-wqy-microhei)"
)

DPI = 150
SCALE = DPI / 72
ROWS = ["受案登记表", "报案人：张某某", "简要案情：报案人称其电动自行车被盗。"]


def _page_image(rows: list[str], seal_at: int | None = None) -> Image.Image:
    """A clean 150 dpi A4 page: ``rows`` at 14 pt from (72, 100) pt, 36 pt apart; with ``seal_at`` a red seal
    (ring and text) stamped over that row, as a 公章 over a 落款 date."""
    font_path = cjk_font_path()
    assert font_path is not None
    image = Image.new("RGB", (round(A4[0] * SCALE), round(A4[1] * SCALE)), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(font_path), round(14 * SCALE), index=0)
    for number, row in enumerate(rows):
        draw.text((72 * SCALE, (100 + 36 * number) * SCALE), row, font=font, fill=(0, 0, 0))
    if seal_at is not None:
        cx, cy, r = 130 * SCALE, (107 + 36 * seal_at) * SCALE, 55 * SCALE
        seal = Image.new("RGB", image.size, "white")
        pen = ImageDraw.Draw(seal)
        pen.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(220, 30, 30), width=round(3 * SCALE))
        small = ImageFont.truetype(str(font_path), round(11 * SCALE), index=0)
        pen.text((cx - 40 * SCALE, cy - 40 * SCALE), "某某市公安局", font=small, fill=(220, 30, 30))
        pen.text((cx - 8 * SCALE, cy - 8 * SCALE), "★", font=small, fill=(220, 30, 30))
        # Multiplied like ink on paper: black text under the seal stays black.
        image = ImageChops.multiply(image, seal)
    return image


def _image_pdf(pages: list[Image.Image], text_layers: list[str] | None = None) -> bytes:
    """A PDF with one full-page picture a page; ``text_layers`` puts that text, invisible, over each picture."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for number, image in enumerate(pages):
        pdf.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
        if text_layers:  # invisible (render mode 3), as the text layer of a scanned-and-OCRed file
            layer = pdf.beginText(72, 700)
            layer.setFont("Helvetica", 12)
            layer.setTextRenderMode(3)
            layer.textOut(text_layers[number])
            pdf.drawText(layer)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_garbled_share_tells_mojibake_from_chinese() -> None:
    mojibake = "受案登记表".encode().decode("latin-1")  # UTF-8 bytes read as Latin-1
    assert garbled_share(mojibake) > 0.9
    assert is_garbled(mojibake * 3)
    assert is_garbled("\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008")  # private-use glyph ids
    assert not is_garbled("报案人：张某某，性别：男，身份证号码11010119900101001X")
    assert not is_garbled("ÃÂ")  # too short to judge
    assert is_garbled("受案登记表", unmapped_share=0.8)


@needs_ocr
@needs_font
def test_image_only_page_is_ocred_into_line_blocks() -> None:
    parsed = parse_pdf(_image_pdf([_page_image(ROWS)]))
    assert parsed.text.split("\n") == ROWS
    assert "rapidocr" in parsed.method
    (info,) = parsed.page_info
    assert (info.page, info.method, info.reason) == (1, "ocr", "no_text")
    assert info.confidence is not None and info.confidence > 0.9
    assert parsed.warnings == ["第1页为扫描件或文字层不可用，已OCR识别"]
    first = parsed.blocks[0]
    assert first.kind == BlockKind.LINE and first.page == 1 and first.confidence is not None
    assert first.char_boxes is not None and len(first.char_boxes) == first.end - first.start
    x0, top, x1, bottom = first.bbox  # type: ignore[misc]
    # 5 characters of 14 pt drawn from (72, 100) pt.
    assert x0 == pytest.approx(72, abs=8) and x1 == pytest.approx(142, abs=8)
    assert top == pytest.approx(102, abs=8) and bottom == pytest.approx(116, abs=8)


@needs_ocr
@needs_font
def test_garbled_text_layer_falls_back_to_ocr() -> None:
    # A text layer whose Chinese was saved in the wrong encoding: the page's characters are mojibake.
    mojibake = "受案登记表 报案人：张某某".encode().decode("latin-1")
    mojibake = "".join(ch for ch in mojibake if ch.isprintable())
    data = _image_pdf([_page_image(ROWS)], text_layers=[mojibake])
    parsed = parse_pdf(data)
    assert parsed.text.split("\n") == ROWS
    assert [(i.method, i.reason) for i in parsed.page_info] == [("ocr", "garbled")]


@needs_ocr
@needs_font
def test_text_layer_much_shorter_than_the_scan_falls_back_to_ocr() -> None:
    rows = [*ROWS, "接报民警：李某某", "接报时间：2024年3月1日9时20分", "是否立案：是"]
    # An earlier OCR left one line in the text layer; the image shows six.
    layer = "Case registration form, page 1 of 1"
    data = _image_pdf([_page_image(rows)], text_layers=[layer])
    parsed = parse_pdf(data)
    assert parsed.text.split("\n") == rows
    assert [(i.method, i.reason) for i in parsed.page_info] == [("ocr", "short")]
    # A layer as long as what the image shows is trusted as it is (no OCR).
    full = _image_pdf([_page_image(ROWS[:2])], text_layers=[layer])
    assert [(i.method, i.reason) for i in parse_pdf(full).page_info] == [("text", "")]


@needs_ocr
@needs_font
def test_text_under_a_red_seal_is_read_and_the_seal_found() -> None:
    rows = ["询问笔录", "被询问人：张某某", "2024年3月1日"]
    parsed = parse_pdf(_image_pdf([_page_image(rows, seal_at=2)]))
    assert parsed.text.split("\n") == rows  # the seal's own text does not come out, the date under it does
    (seal,) = parsed.page_info[0].seals
    x0, top, x1, bottom = seal
    assert x0 == pytest.approx(75, abs=6) and x1 == pytest.approx(185, abs=6)  # a 110 pt seal centred at 130
    assert top == pytest.approx(179 - 55, abs=6) and bottom == pytest.approx(179 + 55, abs=6)


@needs_font
def test_seal_ink_is_erased_and_black_text_under_it_kept() -> None:
    import numpy as np

    from nlp.parsers.ocr import _erase_red

    page = np.asarray(_page_image(ROWS, seal_at=1))[:, :, ::-1].copy()  # BGR, as PDFium renders
    red = page[:, :, 2]
    grey = _erase_red(page, red)
    redness = red.astype(int) - np.maximum(page[:, :, 1], page[:, :, 0]).astype(int)
    seal_ink = (redness > 60) & (red > 200)
    assert seal_ink.sum() > 1000 and (grey[seal_ink] == 255).all()  # the seal's strokes become paper
    text = red < 100  # black strokes, under the seal too
    assert (grey[text] == red[text]).all()
    assert (grey[redness <= 60] == red[redness <= 60]).all()  # nothing else changes


@needs_font
def test_find_seals_ignores_black_ink() -> None:
    import numpy as np

    page = np.asarray(_page_image(ROWS))[:, :, ::-1]  # BGR, as PDFium renders
    assert find_seals(page, 72 / DPI) == []


@pytest.fixture(scope="module")
def combined() -> tuple[bytes, list[tuple[int, int]], list[str]]:
    docs = generate_case(CorpusConfig(seed=11), 2).docs
    data, ranges = render_combined_pdf(docs)
    return data, ranges, [d.doc_type for d in docs]


def test_combined_pdf_splits_at_each_document(combined: tuple[bytes, list[tuple[int, int]], list[str]]) -> None:
    data, ranges, _ = combined
    parsed = parse_pdf(data)
    assert len(ranges) > 3 and any(last > first for first, last in ranges)  # several documents, some multi-page
    assert split_points(parsed) == ranges


def test_split_part_rebases_offsets(combined: tuple[bytes, list[tuple[int, int]], list[str]]) -> None:
    data, ranges, _ = combined
    parsed = parse_pdf(data)
    first, last = next(r for r in ranges if r[1] > r[0])
    part = slice_pages(parsed, first, last, keep_file_warnings=False)
    assert part.pages == last - first + 1
    assert {b.page for b in part.blocks} == set(range(first, last + 1))  # the file's page numbers
    assert part.blocks[0].start == 0 and part.blocks[-1].end == len(part.text)
    whole = {parsed.text[b.start : b.end] for b in parsed.blocks if first <= (b.page or 0) <= last}
    assert {part.text[b.start : b.end] for b in part.blocks} == whole
    assert all(part.text[o] == "\n" for o in part.soft_breaks)


def test_page_number_marks_restart_documents() -> None:
    lines = [(1, "询问笔录"), (1, "第1页 共2页"), (2, "答：是的。"), (2, "第2页 共2页"), (3, "第1页 共1页")]
    text = "\n".join(t for _, t in lines)
    blocks, offset = [], 0
    for page, line in lines:
        blocks.append(Block(start=offset, end=offset + len(line), kind=BlockKind.LINE, page=page))
        offset += len(line) + 1
    parsed = ParsedFile(format=FileFormat.PDF, text=text, blocks=blocks, pages=3)
    assert split_points(parsed) == [(1, 2), (3, 3)]


def test_review_of_a_combined_pdf_gives_parts_and_catalogue(
    tmp_path: Path, combined: tuple[bytes, list[tuple[int, int]], list[str]]
) -> None:
    from nlp.reviewer import Reviewer

    data, ranges, doc_types = combined
    (tmp_path / "案卷.pdf").write_bytes(data)
    case = Reviewer().review_path(tmp_path)
    assert [d.source for d in case.documents] == [f"案卷.pdf#pages={a}-{b}" for a, b in ranges]
    assert [(e.first_page, e.last_page) for e in case.catalogue] == ranges
    assert [e.doc_type for e in case.catalogue] == [d.doc_type for d in case.documents]
    assert sum(d.doc_type == t for d, t in zip(case.documents, doc_types, strict=True)) >= 0.9 * len(doc_types)
    for finding in case.findings:
        for ev in finding.evidence:
            if ev.text.strip():
                assert ev.page is not None and ev.bbox is not None


def _finding(start: int, end: int, severity: Severity = Severity.HIGH) -> Finding:
    return Finding(
        rule_id="T-1",
        title="测试",
        category=next(iter(Category)),
        gate=next(iter(Gate)),
        severity=severity,
        message="缺少签名。",
        legal_basis=[],
        evidence=[Evidence(document="D01", source="a.pdf", start=start, end=end, text="")],
    )


def test_findings_on_low_confidence_ocr_text_drop_one_severity_step() -> None:
    doc = Document(
        id="D01",
        source="a.pdf",
        format=FileFormat.PDF,
        sha256="0",
        text="被询问人：张某某\n记录人：李某",
        blocks=[
            Block(start=0, end=8, kind=BlockKind.LINE, page=1, confidence=0.97),
            Block(start=9, end=15, kind=BlockKind.LINE, page=1, confidence=0.62),
        ],
    )
    case = CaseFile(case_id="c", documents=[doc])
    sure, unsure = flag_low_confidence(case, [_finding(5, 8), _finding(13, 15)], threshold=0.85)
    assert sure.severity == Severity.HIGH and sure.message == "缺少签名。"
    assert unsure.severity == Severity.MEDIUM
    assert "置信度0.62较低" in unsure.message
    assert catalogue(case.documents)[0].first_page == 1


@needs_ocr
@needs_font
def test_scan_pasted_into_a_docx_is_ocred_after_its_paragraph(make_docx: Callable[..., bytes]) -> None:
    from docx.shared import Inches

    from nlp.parsers.docx_parser import parse_docx

    picture = io.BytesIO()
    _page_image(ROWS).save(picture, "PNG")
    small = io.BytesIO()
    Image.new("RGB", (80, 80), "red").save(small, "PNG")  # a logo: not OCRed

    def build(document: Any) -> None:
        document.add_paragraph().add_run().add_picture(small, width=Inches(0.5))
        document.add_paragraph("附：受案登记表扫描件").add_run().add_picture(picture, width=Inches(6))
        document.add_paragraph("以上材料属实。")

    parsed = parse_docx(make_docx(["材料清单"], build))
    assert parsed.text.split("\n") == ["材料清单", "附：受案登记表扫描件", *ROWS, "以上材料属实。"]
    assert parsed.warnings == ["文档内嵌扫描图片1张，已OCR识别"]
    ocr_blocks = [b for b in parsed.blocks if b.confidence is not None]
    assert len(ocr_blocks) == len(ROWS) and {b.para_index for b in ocr_blocks} == {2}


@needs_ocr
@needs_font
def test_signature_places_tell_ink_from_blank() -> None:
    import numpy as np

    from nlp.parsers.marks import signature_marks
    from nlp.parsers.ocr import get_engine

    image = _page_image(["以上笔录我看过，和我说的相符。", "被询问人：", "记录人：", "捺指印："])
    draw = ImageDraw.Draw(image)
    # A scribbled signature after 被询问人 (row 2, y 136-150 pt) the recogniser cannot read as text …
    y = 143 * SCALE
    points = [((150 + 6 * i) * SCALE, y + (-5 if i % 2 else 5) * SCALE) for i in range(12)]
    draw.line(points, fill=(20, 20, 20), width=round(1.5 * SCALE))
    # … nothing after 记录人, and a red fingerprint after 捺指印 (row 4, y 208-222 pt).
    draw.ellipse((140 * SCALE, 205 * SCALE, 160 * SCALE, 228 * SCALE), fill=(200, 40, 40))
    bgr = np.asarray(image)[:, :, ::-1].copy()
    page = get_engine().ocr_image(bgr, 72 / DPI)
    marks = {m.label: m for m in signature_marks(bgr, 72 / DPI, page.lines)}
    assert marks["被询问人"].ink and not marks["被询问人"].fingerprint
    assert not marks["记录人"].ink and not marks["记录人"].fingerprint
    assert marks["捺指印"].fingerprint


def test_labels_glued_by_ocr_get_a_space() -> None:
    from nlp.parsers.quality import space_glued_labels

    text, index = space_glued_labels("被询问人：张某某性别：男出生日期：1990年1月1日")
    assert text == "被询问人：张某某 性别：男 出生日期：1990年1月1日"
    assert [i for i, source in enumerate(index) if source < 0] == [8, 13]
    # A line that starts with a long label is never cut inside it; prose stays as it is.
    assert space_glued_labels("身份证件种类及号码：居民身份证")[0] == "身份证件种类及号码：居民身份证"
    assert space_glued_labels("答：我来报案。")[0] == "答：我来报案。"


SEIZURE_ROWS = [
    "扣押清单",
    "宁公玄(刑)扣字〔2024〕0101号",
    "1 电动自行车 一辆 黑色雅迪 涉案物品",
    "扣押时间：2024年3月2日17时00分",
    "持有人：王某某",
    "见证人：",
    "侦查人员：李明、赵刚",
]


@needs_ocr
@needs_font
@pytest.mark.parametrize("signed", [True, False], ids=["ink", "blank"])
def test_blank_signature_on_a_scan_is_missing_only_without_ink(tmp_path: Path, signed: bool) -> None:
    from nlp.reviewer import Reviewer

    image = _page_image(SEIZURE_ROWS)
    if signed:  # a handwritten name after 见证人 (row 6, y 280-294 pt) that OCR does not read as text
        y = 287 * SCALE
        points = [((150 + 6 * i) * SCALE, y + (-5 if i % 2 else 5) * SCALE) for i in range(12)]
        ImageDraw.Draw(image).line(points, fill=(20, 20, 20), width=round(1.5 * SCALE))
    (tmp_path / "扣押清单.pdf").write_bytes(_image_pdf([image]))
    case = Reviewer().review_path(tmp_path)
    (doc,) = case.documents
    assert doc.doc_type == "seizure_list"
    marks = {m.label: m for info in doc.page_info for m in info.signatures}
    # The scribble may come out as a stray letter or as nothing; either way it is ink, never a blank place.
    assert marks["见证人"].ink is signed and (signed or marks["见证人"].text == "")
    assert marks["持有人"].ink  # the typed name is ink too
    missing = [f for f in case.findings if f.rule_id == "EL-CR-13-1"]
    if signed:
        assert missing == []
    else:
        assert len(missing) == 1 and "见证人" in missing[0].message


def test_blank_field_with_ink_after_its_label_counts_as_hand_written() -> None:
    from nlp.rules.checks import hand_written
    from nlp.schema import FormField, PageInfo, SignatureMark

    text = "扣押清单\n见证人：\n持有人：王某某"
    blocks = [
        Block(start=0, end=4, kind=BlockKind.LINE, page=2, bbox=(250, 60, 330, 80)),
        Block(start=5, end=9, kind=BlockKind.LINE, page=2, bbox=(72, 280, 128, 294)),
        Block(start=10, end=17, kind=BlockKind.LINE, page=2, bbox=(72, 316, 170, 330)),
    ]
    witness = FormField(label="见证人", value="", start=9, end=9, label_start=5, label_end=8)
    holder = FormField(label="持有人", value="王某某", start=14, end=17, label_start=10, label_end=13)

    def doc(ink: bool, page: int = 2) -> Document:
        mark = SignatureMark(label="见证人", bbox=(129, 276, 212, 298), ink=ink)
        return Document(
            id="D01", source="a.pdf", format=FileFormat.PDF, sha256="0", text=text, blocks=blocks,
            fields=[witness, holder], page_info=[PageInfo(page=page, method="ocr", signatures=[mark])],
        )  # fmt: skip

    assert hand_written(doc(ink=True), witness)
    assert not hand_written(doc(ink=False), witness)  # no ink, no text: missing
    assert not hand_written(doc(ink=True, page=3), witness)  # ink on another page
    assert not hand_written(doc(ink=True), holder)  # another label's ink
