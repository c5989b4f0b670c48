"""Soft line wraps in text PDFs (``ParsedFile.soft_breaks``): found where a paragraph or table cell runs on to the
next printed line, never at a real line end. All names, numbers and facts are fictional."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Literal

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

from corpora.generator.model import DocSpec, Line, Seg
from corpora.generator.render import render_pdf
from nlp.extractors import extract
from nlp.labels import EntityType
from nlp.parsers.base import ParsedFile
from nlp.parsers.docx_parser import parse_docx
from nlp.parsers.normalize import normalize
from nlp.parsers.pdf_parser import parse_pdf
from nlp.parsers.text_parser import parse_txt

FONT = "STSong-Light"  # registered by conftest.py
PAGE_W, PAGE_H = A4
MARGIN = 72.0
BODY = PAGE_W - 2 * MARGIN
SIZE = 12.0
PITCH = SIZE * 1.6  # line pitch of a paragraph
TOP = PAGE_H - 90  # baseline of the first line, from the bottom
FILLER = "在某区某路某小区东门附近与他人发生争执后离开现场并"

Item = tuple[float, float, float, str]  # make_pdf's (x, y from the bottom, size, text)


def _width(text: str) -> float:
    return pdfmetrics.stringWidth(text, FONT, SIZE)


def _filled(head: str, tail: str, low: float, high: float, indent: float = 0.0) -> str:
    """``head`` + filler + ``tail``, leaving between ``low`` (inclusive) and ``high`` points of the body free."""
    room = BODY - indent
    for count in range(len(FILLER) * 3):
        filler = (FILLER * 3)[:count]
        for extra in ("", "3栋", "13栋", "A座", "B3栋"):  # half-width digits give a finer step than 12 pt
            text = head + filler + extra + tail
            if low <= room - _width(text) < high:
                return text
    raise AssertionError(f"cannot fill a line ending with {tail!r}")


def _wrapped(head: str, tail: str, following: str, indent: float = 0.0) -> str:
    """``head`` + filler + ``tail``, wrapped as a character-by-character line breaker would: it fits the body and
    the first character of ``following`` would not have."""
    return _filled(head, tail, 0.0, _width(following[0]), indent)


def _full(head: str, indent: float = 0.0, tail: str = "") -> str:
    """A line as full as a Chinese character allows, ending with ``tail``."""
    return _wrapped(head, tail, "某", indent)


def _column(lines: list[tuple[float, str]], top: float = TOP, pitch: float = PITCH) -> list[Item]:
    """(x, text) lines one under the other, a paragraph's pitch apart."""
    return [(x, top - number * pitch, SIZE, text) for number, (x, text) in enumerate(lines)]


def _right(text: str) -> float:
    """x of a right-aligned line (a 落款)."""
    return PAGE_W - MARGIN - _width(text)


def _sign_below(items: list[Item]) -> Item:
    """A right-aligned 落款 a few lines below ``items``: it puts the page's right margin at the body's edge."""
    sign = "某市公安局某区分局"
    return (_right(sign), min(y for _, y, _, _ in items) - 3 * PITCH, SIZE, sign)


def _soft_lines(parsed: ParsedFile) -> list[int]:
    """Indices of the lines whose following break is soft."""
    ends = {block.end: number for number, block in enumerate(parsed.blocks)}
    return [ends[offset] for offset in parsed.soft_breaks]


def _check_offsets(parsed: ParsedFile) -> None:
    assert parsed.soft_breaks == sorted(set(parsed.soft_breaks))
    assert all(parsed.text[offset] == "\n" for offset in parsed.soft_breaks)


# --- hand-placed lines (make_pdf) --------------------------------------------------------------------------------

HEADER = _full("经审查，", tail="。")  # a full first line ending a sentence: gives the page its margins, hard itself
INDENT = 2 * SIZE


def _case_lines() -> dict[str, tuple[list[tuple[float, str]], list[int]]]:
    """name -> ((x, text) lines under HEADER, indices of lines followed by a soft break)."""
    label = _full("地点：某市公安局某区分局")
    sign = "某市公安局某区分局"
    date = "二〇二四年三月一日"
    return {
        "paragraph": (
            [
                (MARGIN + INDENT, _wrapped("经查，违法行为人", "盗窃", "电", INDENT)),
                (MARGIN, _full("电动自行车一辆")),
                (MARGIN, "后被民警抓获。"),
            ],
            [0, 1],
        ),
        "unindented_qa_answer": (
            [(MARGIN, _full("答：我")), (MARGIN, "回家了。"), (MARGIN, "问：还有什么补充？")],
            [0],
        ),
        "short_line": ([(MARGIN, "报案人张某某"), (MARGIN, "男")], []),
        "almost_full_line": ([(MARGIN, _full("经查", tail="某某")[:-2]), (MARGIN, "某某离开")], []),
        "ends_with_full_stop": ([(MARGIN, _full("经查", tail="。")), (MARGIN, "张某某离开")], []),
        "ends_with_quote_after_stop": ([(MARGIN, _full("他说：“", tail="。”")), (MARGIN, "张某某离开")], []),
        "ends_with_label_colon": ([(MARGIN, _full("现场情况", tail="如下：")), (MARGIN, "张某某离开")], []),
        "label_lines": ([(MARGIN, label), (MARGIN, "时间：2024年3月1日10时05分")], []),
        "next_is_indented_paragraph": ([(MARGIN, _full("经查")), (MARGIN + INDENT, "另查明")], []),
        "next_is_question": ([(MARGIN, _full("答：我")), (MARGIN, "问：你还有什么补充？")], []),
        "blank_line_between": ([(MARGIN, _full("经查")), (MARGIN, "")], []),  # an empty line leaves a gap
        "equal_right_aligned_sign_lines": ([(_right(sign), sign), (_right(date), date)], []),
        "bigger_font_next": ([(MARGIN, _full("经查"))], []),
    }


CASES = _case_lines()


@pytest.mark.parametrize("name", list(CASES))
def test_soft_breaks_on_hand_placed_lines(make_pdf: Callable[..., bytes], name: str) -> None:
    lines, expected = CASES[name]
    items = _column([(MARGIN, HEADER), *lines])
    if name == "blank_line_between":  # the line after the empty one, one more pitch down
        items = [*items[:-1], (MARGIN, items[-1][1] - PITCH, SIZE, "张某某离开")]
    if name == "bigger_font_next":
        items.append((MARGIN, items[-1][1] - PITCH * 1.5, 18, "立案决定书"))
    items.append(_sign_below(items))
    parsed = parse_pdf(make_pdf([items]))
    _check_offsets(parsed)
    assert len(parsed.blocks) == len(items)
    assert _soft_lines(parsed) == [index + 1 for index in expected]  # the header is line 0


def test_the_text_keeps_every_line_break(make_pdf: Callable[..., bytes]) -> None:
    lines, _ = CASES["paragraph"]
    parsed = parse_pdf(make_pdf([_column([(MARGIN, HEADER), *lines])]))
    assert parsed.text == "\n".join([HEADER, *(normalize(text) for _, text in lines)])
    assert len(parsed.soft_breaks) == 2


def test_no_soft_break_across_pages(make_pdf: Callable[..., bytes]) -> None:
    first = _column([(MARGIN, HEADER), (MARGIN, _full("经查"))])
    second = _column([(MARGIN, "张某某离开现场。"), (MARGIN, _full("另查明"))])
    parsed = parse_pdf(make_pdf([first, second]))
    assert _soft_lines(parsed) == []


def test_no_soft_break_without_page_margins(make_pdf: Callable[..., bytes]) -> None:
    # Only short lines: the longest one is no right margin, so nothing on the page counts as full.
    items = _column([(MARGIN, "受案登记表"), (MARGIN, "报案人张某某"), (MARGIN, "男")])
    assert parse_pdf(make_pdf([items])).soft_breaks == []


def test_a_carried_down_character_or_number_still_counts_as_full(make_pdf: Callable[..., bytes]) -> None:
    # 避头: "，" may not start a line, so "下" went down with it and the line above has a character's room left;
    # a number wraps as a whole, leaving the room of its digits.
    carried = _filled("经查", "打了他几", 1.5 * SIZE, SIZE + _width("，"))  # room for "下", not for "下，"
    number = _filled("经查，被盗", "人民币", 1.5 * SIZE, _width("4800"))  # more than 1.5 em, less than "4800"
    items = _column(
        [(MARGIN, HEADER), (MARGIN, carried), (MARGIN, "下，然后离开。"), (MARGIN, number), (MARGIN, "4800元。")]
    )
    parsed = parse_pdf(make_pdf([[*items, _sign_below(items)]]))
    assert _soft_lines(parsed) == [1, 3]
    # The same lines followed by a character that would have fitted (more than 1.5 em free): real line ends.
    items = _column([(MARGIN, HEADER), (MARGIN, carried), (MARGIN, "下然后离开。"), (MARGIN, number), (MARGIN, "共计")])
    assert _soft_lines(parse_pdf(make_pdf([[*items, _sign_below(items)]]))) == []


def test_a_ruling_line_between_two_lines_is_a_hard_break() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont(FONT, SIZE)
    for x, y, _size, text in _column([(MARGIN, HEADER), (MARGIN, _full("经查")), (MARGIN, "张某某离开")]):
        pdf.drawString(x, y, text)
    y = TOP - PITCH * 1.5 + 1  # between the second and the third line
    pdf.line(MARGIN, y, PAGE_W - MARGIN, y)
    pdf.save()
    parsed = parse_pdf(buffer.getvalue())
    assert len(parsed.blocks) == 3
    assert parsed.soft_breaks == []


def _ruled_form(second_label: str, ruled: bool = True) -> bytes:
    """A two-column table: 简要案情 whose value wraps over three lines, 住址 whose value fills two lines to the
    cell's edge, then a row labelled ``second_label`` whose value starts at the same x as the others. ``ruled``:
    drawn with row and column borders."""
    left, split, right = MARGIN, MARGIN + 90, PAGE_W - MARGIN
    pad, pitch = 4.0, SIZE * 1.45
    cell = BODY - (right - split - 2 * pad)  # _filled's indent that leaves the cell's inner width
    rows = [
        (
            "简要案情",
            [
                _wrapped("2024年3月1日9时20分许，违法嫌疑人赵某某", "在", "东", cell),
                _wrapped("东门口因摊位占道问题与被害人钱某某", "发生口角，", "继", cell),
                "继而用拳头击打钱某某面部数下。",
            ],
        ),
        (
            "住址",
            [_wrapped("某省某市某区某某街道", "", "某", cell), _filled("某", "小区12栋3单元402室", 0.0, 6.0, cell)],
        ),
        (second_label, ["处理结果为依法给予行政拘留"]),
    ]
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont(FONT, SIZE)
    pdf.setLineWidth(0.6)
    top = TOP + SIZE
    for label, values in rows:
        bottom = top - len(values) * pitch - 2 * pad
        if ruled:
            pdf.line(left, top, right, top)
            pdf.line(left, bottom, right, bottom)
            for x in (left, split, right):
                pdf.line(x, top, x, bottom)
        if label:
            pdf.drawString(left + pad, top - pad - 0.75 * pitch, label)
        for number, text in enumerate(values):
            pdf.drawString(split + pad, top - pad - (number + 0.75) * pitch, text)
        top = bottom
    pdf.drawString(MARGIN, top - 2 * PITCH, HEADER)  # body text below the table: the page's margins
    pdf.save()
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("second_label", "ruled", "soft"),
    [("处理结果", True, [0, 1, 3]), ("", True, [0, 1, 3]), ("处理结果", False, [0, 1, 3]), ("", False, [0, 1, 3, 4])],
    ids=["labelled", "empty-label", "unruled-labelled", "unruled-empty-label"],
)
def test_table_cell_wraps_are_soft_row_ends_are_not(second_label: str, ruled: bool, soft: list[int]) -> None:
    parsed = parse_pdf(_ruled_form(second_label, ruled))
    texts = [parsed.text[b.start : b.end] for b in parsed.blocks]
    assert texts[0].startswith("简要案情 2024年3月1日")
    assert texts[2:6] == [
        "继而用拳头击打钱某某面部数下。",
        texts[3],
        texts[4],
        (f"{second_label} " if second_label else "") + "处理结果为依法给予行政拘留",
    ]
    assert texts[3].startswith("住址 某省某市某区某某街道") and texts[4].endswith("3单元402室")
    # Inside a cell the text wraps (the first line's value starts after the label's gap). A row whose value
    # filled its cell ends at the row border even where the next row's label cell is empty and its value lines
    # up; only without ruling lines is that indistinguishable from a wrap.
    assert _soft_lines(parsed) == soft


# --- documents from the corpus renderer (render_pdf) --------------------------------------------------------------

LONG = (
    "经查，2024年3月1日9时20分许，违法嫌疑人赵某某在本市某区某某路菜市场东门口，因摊位占道问题与被害人钱某某"
    "发生口角，继而用拳头击打钱某某面部数下，致钱某某鼻部出血。经现场民警制止，双方停止争执。上述事实有违法嫌疑人"
    "的陈述和申辩、被害人陈述、证人证言、现场视频监控录像等证据证实，足以认定"
)


def _para(text: str, kind: Literal["title", "para", "qa", "sign"] = "para") -> Line:
    return Line([[Seg(text)]], kind=kind)


def _row(*cells: str) -> Line:
    return Line([[Seg(text)] for text in cells], kind="row")


def _truly_soft(doc: DocSpec, parsed: ParsedFile) -> set[int]:
    """The parsed "\n"s that fall inside one line and one cell of the generator's text (compared by their
    non-space characters: the PDF differs from the canonical text only in whitespace)."""
    canonical = normalize(doc.text())
    separators: list[str] = []  # the whitespace before each non-space character of the canonical text
    pending = ""
    for ch in canonical:
        if ch.isspace():
            pending += ch
        else:
            separators.append(pending)
            pending = ""
    soft: set[int] = set()
    seen = 0
    for offset, ch in enumerate(parsed.text):
        if ch == "\n":
            if seen < len(separators) and not re.search("[\n\t]", separators[seen]):
                soft.add(offset)
        elif not ch.isspace():
            seen += 1
    assert seen == len(separators)
    return soft


def _form_doc() -> DocSpec:
    lines = [
        _para("受 案 登 记 表", "title"),
        _para("某公（治）受案字〔2024〕0031号", "sign"),
        _row("报案人", "钱某某", "性别", "男"),
        _row("身份证号", "110101199001011234", "联系电话", "13800001111"),
        _row("地点", "某市公安局某区分局某某派出所询问室"),
        _row("简要案情", "2024年3月1日9时20分许，报案人称：" + LONG),
        _row("住址", LONG[:90], "联系电话", LONG[90:200]),  # the middle cell wraps: a staircase row
        _para("问：你的基本情况？", "qa"),
        _para("答：我叫钱某某，男，1990年1月1日出生，住某市某区某某路8号，" + LONG[:60], "qa"),
        _para(LONG),
        _para("某市公安局某区分局", "sign"),
        _para("二〇二四年三月一日", "sign"),
    ]
    return DocSpec(doc_type="case_acceptance", title="受案登记表", file_stem="01_受案登记表", lines=lines)


def test_rendered_form_soft_breaks_are_exactly_the_wraps() -> None:
    doc = _form_doc()
    parsed = parse_pdf(render_pdf(doc))
    _check_offsets(parsed)
    truth = _truly_soft(doc, parsed)
    # Every soft break is a wrap; every wrap is found except after a sentence's end (。), which is never soft.
    assert set(parsed.soft_breaks) <= truth
    missed = [parsed.text[offset - 1] for offset in truth - set(parsed.soft_breaks)]
    assert set(missed) <= {"。"}
    assert len(parsed.soft_breaks) >= 15
    lines = parsed.text.split("\n")
    soft = set(_soft_lines(parsed))
    for number, line in enumerate(lines):
        if line.startswith(("报案人", "身份证号", "地点", "问：", "某市公安局")):
            assert number not in soft, line  # table rows, a label row, a question, the 落款


def test_rendered_wraps_let_entities_be_found_whole() -> None:
    text = "依据《中华人民共和国治安管理处罚法》第一百八十一条第一款之规定，" * 6
    doc = DocSpec(doc_type="x", title="x", file_stem="x", lines=[_para(text)])
    parsed = parse_pdf(render_pdf(doc))
    assert "\n" in parsed.text
    found = [e for e in extract(parsed.text, parsed.soft_breaks) if e.type == EntityType.LAW_CITATION]
    assert len(found) == 6
    assert any("\n" in e.text for e in found)  # at least one citation straddles a wrap
    for entity in found:
        assert parsed.text[entity.start : entity.end] == entity.text
        assert entity.value == "中华人民共和国治安管理处罚法|181|1|"


# --- entities straddling wraps, end to end ------------------------------------------------------------------------


def test_entities_across_wraps_in_a_pdf(make_pdf: Callable[..., bytes]) -> None:
    lines = [
        _wrapped("经查，违法行为人张某某于", "2024年3月", "2日", INDENT),
        _wrapped("2日14时许在某超市内盗窃", "人民币48", "00元"),
        _wrapped("00元，其", "身份证号码32010219900315", "1239"),
        _wrapped("1239，", "依据《中华人民共和国治安管理处罚法》第一百八", "十"),
        "十一条第一款之规定，决定对其行政拘留十日。",
    ]
    items = _column([(MARGIN + INDENT, lines[0]), *((MARGIN, text) for text in lines[1:])])
    parsed = parse_pdf(make_pdf([items]))
    text = parsed.text
    assert text == "\n".join(lines)
    assert _soft_lines(parsed) == [0, 1, 2, 3]

    def find(surface: str, kind: EntityType) -> tuple[str, str | None]:
        start = text.index(surface)
        hits = [
            e
            for e in extract(text, parsed.soft_breaks)
            if (e.start, e.end, e.type) == (start, start + len(surface), kind)
        ]
        assert len(hits) == 1, surface
        assert hits[0].text == text[hits[0].start : hits[0].end] == surface
        return hits[0].text, hits[0].value

    assert find("2024年3月\n2日14时许", EntityType.DATETIME)[1] == "2024-03-02T14:00"
    assert find("人民币48\n00元", EntityType.MONEY)[1] == "4800.00"
    assert find("32010219900315\n1239", EntityType.ID_NUMBER)[1] == "320102199003151239"
    citation = "《中华人民共和国治安管理处罚法》第一百八\n十一条第一款"
    assert find(citation, EntityType.LAW_CITATION)[1] == "中华人民共和国治安管理处罚法|181|1|"
    # Without the soft breaks the same text gives the pieces, as before.
    assert not any("\n" in e.text for e in extract(text))


# --- other formats ------------------------------------------------------------------------------------------------


def test_docx_and_txt_have_no_soft_breaks(make_docx: Callable[..., bytes]) -> None:
    long = "经查，" + LONG * 2
    assert parse_docx(make_docx([long, "另查明"])).soft_breaks == []
    assert parse_txt(f"{long}\n另查明".encode()).soft_breaks == []
