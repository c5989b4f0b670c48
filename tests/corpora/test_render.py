"""Rendered case files read back by our parsers give the generator's text. All names and facts are fictional."""

from __future__ import annotations

import io
import random
import re
import zipfile
from datetime import date
from typing import Literal

import pypdfium2 as pdfium
import pytest
from PIL import ImageChops, ImageStat

from corpora.generator import render
from corpora.generator.model import DocSpec, Line, Seg
from corpora.generator.render import (
    cjk_font_path,
    docx_text,
    make_zip,
    render_combined_pdf,
    render_docx,
    render_pdf,
    render_scanned_combined_pdf,
    render_scanned_pdf,
    render_txt,
)
from nlp.parsers.docx_parser import parse_docx
from nlp.parsers.loader import load_uploads
from nlp.parsers.normalize import normalize
from nlp.parsers.pdf_parser import parse_pdf
from nlp.parsers.text_parser import parse_txt

LONG = (
    "经查，2024年3月1日9时20分许，违法嫌疑人赵某某在本市某区某某路菜市场东门口，因摊位占道问题与被害人钱某某"
    "发生口角，继而用拳头击打钱某某面部数下，致钱某某鼻部出血。经现场民警制止，双方停止争执。上述事实有违法嫌疑人"
    "的陈述和申辩、被害人陈述、证人证言、现场视频监控录像等证据证实，足以认定。"
)


def _para(text: str, kind: Literal["title", "para", "qa", "sign"] = "para") -> Line:
    return Line([[Seg(text)]], kind=kind)


def _row(*cells: str) -> Line:
    return Line([[Seg(text)] for text in cells], kind="row")


def _form_doc() -> DocSpec:
    """A one-page form: title, a ruled table (an empty value, a spanning cell), Q&A, a wrapping paragraph, 落款."""
    lines = [
        _para("受 案 登 记 表", "title"),
        _para("某公（治）受案字〔2024〕0031号", "sign"),
        _row("报案人", "钱某某", "性别", "男"),
        _row("身份证号", "110101199001011234", "联系电话", "13800001111"),
        _row("工作单位", ""),
        Line(
            [[Seg("简要案情")], [Seg("2024年3月1日9时20分许，"), Seg("钱某某", type="PERSON"), Seg(LONG)]], kind="row"
        ),
        _para("问：你的基本情况？", "qa"),
        _para("答：我叫钱某某，男，1990年1月1日出生，住某市某区某某路8号。", "qa"),
        _para(LONG),
        _para("某市公安局某区分局", "sign"),
        _para("2024年3月1日", "sign"),
    ]
    return DocSpec(
        doc_type="case_acceptance", title="受案登记表", file_stem="01_受案登记表", lines=lines, date=date(2024, 3, 1)
    )


def _long_doc() -> DocSpec:
    """A 笔录 that runs over two pages."""
    lines = [_para("询 问 笔 录", "title"), _para("第1次", "sign")]
    lines += [_row("时间", "2024年3月1日10时05分至10时50分"), _row("地点", "某市公安局某区分局某某派出所询问室")]
    for number in range(1, 19):
        lines.append(_para(f"问：第{number}个问题，请你把当天的经过详细说一下？", "qa"))
        lines.append(_para(f"答：{LONG[: 40 + 3 * number]}", "qa"))
    lines += [_para("以上笔录我看过，和我说的相符。", "para"), _para("钱某某 2024年3月1日", "sign")]
    return DocSpec(doc_type="inquiry_record", title="询问笔录", file_stem="02_询问笔录", lines=lines)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", normalize(text))


def _page_texts(data: bytes) -> dict[int, str]:
    parsed = parse_pdf(data)
    pages: dict[int, str] = {}
    for block in parsed.blocks:
        assert block.page is not None
        pages[block.page] = pages.get(block.page, "") + parsed.text[block.start : block.end]
    return pages


def test_docx_round_trip_is_exact() -> None:
    doc = _form_doc()
    parsed = parse_docx(render_docx(doc))
    assert parsed.text == doc.text()
    assert "工作单位\t" in parsed.text.split("\n")  # the empty value cell stays an empty segment
    assert docx_text(doc) == doc.text()


def test_docx_text_predicts_what_the_parser_normalises() -> None:
    lines = [
        _para("　　立案决定书", "title"),
        Line([[Seg("办案民警：孙某某")], [Seg("记录人：李某某")]], kind="sign"),  # two cells on a paragraph line
        _para(""),
        _row("编号", "Ａ３２０１  0012"),
        _row("", ""),
        Line([], kind="row"),
    ]
    doc = DocSpec(doc_type="x", title="立案决定书", file_stem="x", lines=lines)
    expected = "立案决定书\n办案民警：孙某某 记录人：李某某\n编号\tA3201 0012"
    assert docx_text(doc) == expected
    assert parse_docx(render_docx(doc)).text == expected


def test_pdf_round_trip_modulo_whitespace() -> None:
    form, long = _form_doc(), _long_doc()
    form_parsed, long_parsed = parse_pdf(render_pdf(form)), parse_pdf(render_pdf(long))
    assert (form_parsed.pages, long_parsed.pages) == (1, 2)
    assert _squash(form_parsed.text) == _squash(form.text())
    assert _squash(long_parsed.text) == _squash(long.text())
    assert not form_parsed.warnings and not long_parsed.warnings
    # A row is one visual line: its cells come out on one line, separated by spaces.
    assert "报案人 钱某某 性别 男" in form_parsed.text.split("\n")


def test_pdf_wrapping_keeps_order_and_hyphens() -> None:
    doc = DocSpec(
        doc_type="x",
        title="x",
        file_stem="x",
        lines=[
            _row("住址", LONG[:90], "联系电话", LONG[90:200]),
            _row("甲", "乙", "丙", "丁", "戊"),
            _para("车牌号苏A-12345，编号XS-2024-0031，甲-乙-丙-" * 12 + "完"),  # no wrapped line ends with "-"
        ],
    )
    assert _squash(parse_pdf(render_pdf(doc)).text) == _squash(doc.text())


def test_combined_pdf_page_ranges() -> None:
    docs = [_form_doc(), _long_doc(), _form_doc()]
    data, ranges = render_combined_pdf(docs)
    assert ranges == [(1, 1), (2, 3), (4, 4)]
    pages = _page_texts(data)
    assert sorted(pages) == [1, 2, 3, 4]
    for doc, (first, last) in zip(docs, ranges, strict=True):
        assert _squash("".join(pages[p] for p in range(first, last + 1))) == _squash(doc.text())


def test_renderers_are_deterministic() -> None:
    form, long = _form_doc(), _long_doc()
    assert render_docx(form) == render_docx(_form_doc())
    assert render_pdf(long) == render_pdf(_long_doc())
    assert render_combined_pdf([form, long]) == render_combined_pdf([_form_doc(), _long_doc()])
    members = [("案卷/01_受案登记表.docx", b"docx"), ("案卷/笔录/02_询问笔录.pdf", b"%PDF-")]
    assert make_zip(members, gbk_names=True) == make_zip(list(members), gbk_names=True)


def _font_or_skip() -> None:
    if cjk_font_path() is None:
        pytest.skip("the CJK font for scanned pages is absent: apt-get install -y fonts-wqy-microhei")


def test_scanned_pdf_has_no_text_layer_and_is_not_blank() -> None:
    _font_or_skip()
    doc = _long_doc()
    data = render_scanned_pdf(doc, random.Random(7), seal_probability=1.0)
    assert len(data) < 400_000
    parsed = parse_pdf(data)
    assert parsed.pages == 2
    assert all(info.method == "ocr" for info in parsed.page_info) or parsed.text == ""  # OCR'd when installed
    pdf = pdfium.PdfDocument(data)
    try:
        for index in range(len(pdf)):
            image = pdf[index].render(scale=0.5).to_pil().convert("L")
            low, high = image.getextrema()
            assert high - low > 100  # ink on paper
            assert ImageStat.Stat(image).stddev[0] > 10
        # The seal is red: the last page (the date of the 落款) holds strongly red pixels.
        red, green, _ = pdf[len(pdf) - 1].render(scale=0.5).to_pil().convert("RGB").split()
        assert ImageChops.subtract(red, green).getextrema()[1] > 60
    finally:
        pdf.close()


def test_scanned_pdf_is_deterministic_per_seed() -> None:
    _font_or_skip()
    doc = _form_doc()
    first = render_scanned_pdf(doc, random.Random(3))
    assert first == render_scanned_pdf(_form_doc(), random.Random(3))
    assert first != render_scanned_pdf(doc, random.Random(4))
    data, ranges = render_scanned_combined_pdf([doc, _long_doc()], random.Random(3))
    assert ranges == [(1, 1), (2, 3)]
    assert parse_pdf(data).pages == 3


def test_scanned_pdf_without_the_font_says_which_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "cjk_font_path", lambda: None)
    with pytest.raises(RuntimeError, match="fonts-wqy-microhei"):
        render_scanned_pdf(_form_doc(), random.Random(1))


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_txt_round_trip(encoding: str) -> None:
    doc = _form_doc()
    data = render_txt(doc, encoding=encoding)
    assert data.decode(encoding) == doc.text() + "\n"
    assert parse_txt(data).text == normalize(doc.text())


def test_zip_with_gbk_names_is_read_with_its_chinese_names() -> None:
    form = _form_doc()
    members = [
        ("某某案/01_受案登记表.docx", render_docx(form)),
        ("某某案/笔录/02_询问笔录.pdf", render_pdf(_long_doc())),
        ("某某案/03_说明.txt", render_txt(form, encoding="gb18030")),
        ("某某案/04_𠮷某某.txt", render_txt(form)),  # not in GBK: stored as flagged UTF-8, as 7-Zip does
    ]
    data = make_zip(members, gbk_names=True)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        assert [bool(info.flag_bits & 0x800) for info in infos] == [False] * 5 + [True]
        assert infos[0].filename.encode("cp437").decode("gbk") == "某某案/"
        assert {info.date_time for info in infos} == {render.ZIP_DATE_TIME}
    case = load_uploads([("某某案.zip", data)])
    assert not case.errors
    assert sorted(f.source for f in case.files) == sorted(name for name, _ in members)
    assert case.files[0].parsed.text == form.text()
    # Without gbk_names the names are UTF-8 and flagged.
    with zipfile.ZipFile(io.BytesIO(make_zip(members))) as archive:
        assert archive.namelist()[:2] == ["某某案/", "某某案/01_受案登记表.docx"]
