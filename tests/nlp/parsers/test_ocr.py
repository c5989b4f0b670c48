"""OCR of scanned pages (nlp.parsers.ocr) on pages the corpus generator draws as a scanner makes them."""

from __future__ import annotations

import io
import math
import random

import pytest
from PIL import Image, ImageDraw

from corpora.generator.corpus import CorpusConfig, generate_case
from corpora.generator.model import DocSpec
from corpora.generator.render import cjk_font_path, render_scanned_pdf
from nlp.parsers.ocr import OcrEngine, OcrPage, fix_text, get_engine, ocr_available, ocr_pdf_pages

needs_ocr = pytest.mark.skipif(
    not ocr_available(), reason="OCR packages missing: pip install rapidocr-onnxruntime==1.4.4 (onnxruntime, OpenCV)"
)
needs_font = pytest.mark.skipif(
    cjk_font_path() is None, reason="drawing scanned pages needs the CJK font (apt-get install fonts-wqy-microhei)"
)


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _accuracy(ocr: str, gold: str) -> float:
    ocr, gold = "".join(ocr.split()), "".join(gold.split())
    return 1 - _edit_distance(ocr, gold) / len(gold)


@pytest.fixture(scope="session")
def engine() -> OcrEngine:
    if not ocr_available():
        pytest.skip("OCR packages missing: pip install rapidocr-onnxruntime==1.4.4")
    return get_engine()  # loaded once for the session


@pytest.fixture(scope="module")
def form_doc() -> DocSpec:
    # 扣押决定书: a one-page ruled form with a 落款 (by type: other plans change the documents' order).
    return next(d for d in generate_case(CorpusConfig(seed=7), 1).docs if d.doc_type == "seizure_decision")


@pytest.fixture(scope="module")
def scanned_pdf(form_doc: DocSpec) -> bytes:
    if cjk_font_path() is None:
        pytest.skip("drawing scanned pages needs the CJK font (apt-get install fonts-wqy-microhei)")
    # seal_probability=1: a red seal over the date, as on most decisions.
    return render_scanned_pdf(form_doc, random.Random("test-ocr"), seal_probability=1.0)


@pytest.fixture(scope="module")
def scanned_page(engine: OcrEngine, scanned_pdf: bytes) -> OcrPage:
    return ocr_pdf_pages(scanned_pdf, [0])[0]


@needs_ocr
@needs_font
def test_scanned_form_page_reads_its_text(scanned_page: OcrPage, form_doc: DocSpec) -> None:
    accuracy = _accuracy(scanned_page.text, form_doc.text())
    assert accuracy >= 0.9, f"character accuracy {accuracy:.3f}"
    assert 0.8 <= scanned_page.confidence <= 1.0
    assert all(0.0 <= line.confidence <= 1.0 for line in scanned_page.lines)
    assert abs(scanned_page.skew) <= 2.0  # the generator skews scans by at most 1.5°


@needs_ocr
@needs_font
def test_boxes_lie_inside_the_page(scanned_page: OcrPage) -> None:
    width, height = scanned_page.width, scanned_page.height
    assert (width, height) == pytest.approx((595.28, 841.89), abs=0.5)  # A4 in points
    for line in scanned_page.lines:
        x0, top, x1, bottom = line.bbox
        assert 0 <= x0 < x1 <= width and 0 <= top < bottom <= height
        assert len(line.char_boxes) == len(line.text)
        for cx0, ctop, cx1, cbottom in line.char_boxes:
            assert x0 - 0.01 <= cx0 <= cx1 <= x1 + 0.01
            assert top - 0.01 <= ctop <= cbottom <= bottom + 0.01
        # Characters run left to right.
        lefts = [box[0] for box in line.char_boxes]
        assert lefts == sorted(lefts)


@needs_ocr
@needs_font
def test_lines_come_in_reading_order(scanned_page: OcrPage) -> None:
    # Top to bottom once the page's skew is taken out: each line's middle is below the previous one's.
    angle = math.radians(scanned_page.skew)
    middles = [
        ((top + bottom) / 2) * math.cos(angle) - ((x0 + x1) / 2) * math.sin(angle)
        for x0, top, x1, bottom in (line.bbox for line in scanned_page.lines)
    ]
    assert middles == sorted(middles)
    # A table row's cells, split by the detector, are one line (the narrow gap of 编号|名称 may read as none).
    assert any(all(w in line.text for w in ("编号", "名称", "数量", "特征")) for line in scanned_page.lines)


def _page_image(rows: list[list[tuple[float, str]]]) -> Image.Image:
    """A clean 150 dpi A4 page with the given rows of (x in points, text), 12 pt, 30 pt apart."""
    from PIL import ImageFont

    font_path = cjk_font_path()
    assert font_path is not None
    scale = 150 / 72
    image = Image.new("L", (round(595.28 * scale), round(841.89 * scale)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(font_path), round(12 * scale), index=0)
    for number, row in enumerate(rows):
        for x, text in row:
            draw.text((x * scale, (100 + 30 * number) * scale), text, font=font, fill=0)
    return image


@needs_ocr
@needs_font
def test_reading_order_and_cell_merge_on_a_clean_page(engine: OcrEngine) -> None:
    import numpy as np

    image = _page_image([[(72, "第一行文字")], [(300, "右边"), (72, "姓名")], [(72, "第三行")]])
    page = engine.ocr_image(np.asarray(image), scale=72 / 150)
    assert [line.text for line in page.lines] == ["第一行文字", "姓名 右边", "第三行"]
    x0, top, x1, bottom = page.lines[0].bbox  # the text is drawn from (72, 100), 5 characters of 12 pt
    assert x0 == pytest.approx(72, abs=8) and x1 == pytest.approx(132, abs=8)
    assert top == pytest.approx(102, abs=8) and bottom == pytest.approx(114, abs=8)


@needs_ocr
@needs_font
def test_cells_of_a_skewed_row_stay_one_line(engine: OcrEngine) -> None:
    import numpy as np

    # Cells 433 pt apart on a page turned by 2°: their boxes are 15 pt apart vertically, most of a line height.
    first = "当天晚上我下班回家，发现停在楼下的电动自行车不见了。"
    image = _page_image([[(72, first)], [(72, "姓名"), (505, "张三")], [(72, "第三行")]])
    image = image.rotate(-2.0, resample=Image.Resampling.BILINEAR, fillcolor=255)
    page = engine.ocr_image(np.asarray(image), scale=72 / 150)
    assert [line.text for line in page.lines] == [first, "姓名 张三", "第三行"]
    assert page.skew == pytest.approx(2.0, abs=0.3)  # measured on the long line


@needs_ocr
@needs_font
def test_blank_scanned_page_gives_no_lines(engine: OcrEngine) -> None:
    blank = DocSpec(doc_type="blank", title="", file_stem="blank")
    pdf = render_scanned_pdf(blank, random.Random("blank"))  # grey paper, noise and dust, no text
    page = ocr_pdf_pages(pdf, [0])[0]
    assert page.lines == []
    assert page.confidence == 0.0
    white = io.BytesIO()
    Image.new("RGB", (100, 140), "white").save(white, "PDF", resolution=12.0)
    assert ocr_pdf_pages(white.getvalue(), [0])[0].lines == []


@needs_ocr
@needs_font
def test_ocr_is_deterministic(scanned_pdf: bytes, scanned_page: OcrPage) -> None:
    assert ocr_pdf_pages(scanned_pdf, [0]) == {0: scanned_page}


@needs_ocr
@needs_font
def test_page_indexes(scanned_pdf: bytes) -> None:
    assert ocr_pdf_pages(scanned_pdf, []) == {}
    with pytest.raises(IndexError):
        ocr_pdf_pages(scanned_pdf, [1])


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("二0二四年三月一日", "二〇二四年三月一日"),
        ("二00八年", "二〇〇八年"),
        ("某公（刑）受案字【2024】0012号", "某公（刑）受案字〔2024〕0012号"),
        ("价认(2024]123号", "价认〔2024〕123号"),
        ("（2024）京0105刑初1234号", "（2024）京0105刑初1234号"),  # a court case number keeps its brackets
        ("地点:某路;时间9:20", "地点：某路；时间9:20"),
        ("房号302", "房号302"),
    ],
)
def test_fix_text(raw: str, fixed: str) -> None:
    assert fix_text(raw) == fixed
    assert len(fix_text(raw)) == len(raw)  # one character for one: character boxes stay aligned
