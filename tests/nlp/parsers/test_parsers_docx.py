from __future__ import annotations

import io
import itertools
import zipfile
from collections.abc import Callable

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from nlp.labels import BlockKind, FileFormat
from nlp.parsers.base import ParseError
from nlp.parsers.docx_parser import parse_docx


def test_docx_form_lines_in_document_order(form_docx: bytes, form_docx_lines: list[str]) -> None:
    parsed = parse_docx(form_docx, "受案登记表.docx")
    assert parsed.format == FileFormat.DOCX
    assert parsed.method == "python-docx"
    assert parsed.text.split("\n") == form_docx_lines


def test_docx_blocks_point_at_their_text(form_docx: bytes) -> None:
    parsed = parse_docx(form_docx)
    got = [(b.kind, b.para_index, b.table, b.row, b.col, parsed.text[b.start : b.end]) for b in parsed.blocks]
    P, C = BlockKind.PARAGRAPH, BlockKind.TABLE_CELL
    assert got == [
        (BlockKind.HEADER, None, None, None, None, "某某市公安局某某分局"),
        (P, 0, None, None, None, "受案登记表"),
        (P, 2, None, None, None, "某公（刑）受案字〔2024〕0012号"),  # para 1 is empty
        (C, None, 0, 0, 0, "报案人"),
        (C, None, 0, 0, 1, "张某某"),
        (C, None, 0, 0, 2, "性别"),
        (C, None, 0, 0, 3, "男"),
        (C, None, 0, 1, 0, "住址"),
        (C, None, 0, 1, 1, "某省某市某区某路1号"),  # spans columns 1-3, emitted once
        (C, None, 0, 2, 0, "简要案情"),
        (C, None, 0, 2, 1, "2024年3月1日9时20分许， 报案人称其电动自行车被盗。"),
        (C, None, 0, 3, 1, "是否立案：☑是 □否"),  # row 3, column 0 continues 简要案情: not repeated
        (P, 3, None, None, None, "内容控件里的段落"),
        (P, 4, None, None, None, "接报民警：李某某 王某某"),
        (BlockKind.FOOTER, None, None, None, None, "第1页 共1页"),
    ]
    # Blocks are ordered and never overlap.
    ends = [(b.start, b.end) for b in parsed.blocks]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends))


def test_docx_headers_per_section_once_first_page_first(make_docx: Callable[..., bytes]) -> None:
    def build(document: docx.document.Document) -> None:
        first = document.sections[0]
        first.different_first_page_header_footer = True
        first.first_page_header.paragraphs[0].text = "首页页眉"
        first.header.paragraphs[0].text = "某某市公安局"
        first.footer.paragraphs[0].text = "页脚"
        document.add_section()  # linked to the previous section's header and footer
        document.add_paragraph("第二节正文")
        document.sections[1].even_page_header.paragraphs[0].text = "偶数页页眉（未启用）"

    parsed = parse_docx(make_docx(["第一节正文"], build))
    assert parsed.text.split("\n") == ["首页页眉", "某某市公安局", "第一节正文", "第二节正文", "页脚"]
    kinds = [b.kind for b in parsed.blocks]
    assert kinds == [BlockKind.HEADER, BlockKind.HEADER, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.FOOTER]


def test_docx_empty_cells_keep_their_place(make_docx: Callable[..., bytes]) -> None:
    def build(document: docx.document.Document) -> None:
        table = document.add_table(rows=2, cols=3)
        table.cell(0, 0).text = "姓名"
        table.cell(0, 2).text = "性别"
        # row 1 stays entirely empty: no line at all

    parsed = parse_docx(make_docx([], build))
    assert parsed.text == "姓名\t\t性别"
    assert [(b.col, parsed.text[b.start : b.end]) for b in parsed.blocks] == [(0, "姓名"), (1, ""), (2, "性别")]


def test_docx_nested_table_rows_become_lines(make_docx: Callable[..., bytes]) -> None:
    def build(document: docx.document.Document) -> None:
        outer = document.add_table(rows=1, cols=1)
        outer.cell(0, 0).text = "附件清单"
        inner = outer.cell(0, 0).add_table(rows=2, cols=2)
        for row, (name, count) in enumerate([("询问笔录", "3页"), ("受案登记表", "1页")]):
            inner.cell(row, 0).text = name
            inner.cell(row, 1).text = count
        document.add_paragraph("结束")

    parsed = parse_docx(make_docx(["开始"], build))
    assert parsed.text.split("\n") == ["开始", "附件清单", "询问笔录\t3页", "受案登记表\t1页", "结束"]
    cells = [(b.table, b.row, b.col, parsed.text[b.start : b.end]) for b in parsed.blocks if b.table is not None]
    assert cells == [
        (0, 0, 0, "附件清单"),
        (1, 0, 0, "询问笔录"),
        (1, 0, 1, "3页"),
        (1, 1, 0, "受案登记表"),
        (1, 1, 1, "1页"),
    ]


@pytest.mark.parametrize(
    ("font", "char", "glyph"),
    [
        ("Wingdings", "F0FE", "☑"),
        ("Wingdings", "F0A8", "□"),
        ("Wingdings 2", "F052", "☑"),
        ("Wingdings 2", "F0A3", "□"),
    ],
)
def test_docx_symbol_font_checkboxes_become_unicode(
    make_docx: Callable[..., bytes], font: str, char: str, glyph: str
) -> None:
    def build(document: docx.document.Document) -> None:
        paragraph = document.add_paragraph("是否羁押：")
        paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="{font}" w:char="{char}"/></w:r>'))
        paragraph.add_run("是")

    assert parse_docx(make_docx([], build)).text == f"是否羁押：{glyph}是"


def test_docx_tracked_deletions_and_field_codes_are_not_text(make_docx: Callable[..., bytes]) -> None:
    def build(document: docx.document.Document) -> None:
        paragraph = document.add_paragraph("案件编号")
        paragraph._p.append(
            parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="x"><w:r><w:delText>旧编号</w:delText></w:r></w:del>')
        )
        paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}><w:instrText> PAGE </w:instrText></w:r>"))
        paragraph._p.append(
            parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="x"><w:r><w:t>A001</w:t></w:r></w:ins>')
        )

    assert parse_docx(make_docx([], build)).text == "案件编号A001"


def _plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "不是Word")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"this is not a word file at all", "文件已损坏，无法作为Word文档打开"),
        (b"PK\x03\x04" + b"\x00" * 100, "文件已损坏，无法作为Word文档打开"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "旧版Word（.doc）"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), "已加密"),
        (_plain_zip(), "不是Word文档"),
        (b"", "文件已损坏"),
    ],
    ids=["garbage", "broken-zip", "doc-renamed", "encrypted", "plain-zip", "empty"],
)
def test_docx_unreadable_raises_parse_error(data: bytes, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_docx(data, "x.docx")
    assert reason in caught.value.reason


def test_docx_truncated_file_raises_parse_error(form_docx: bytes) -> None:
    with pytest.raises(ParseError, match="损坏"):
        parse_docx(form_docx[: len(form_docx) // 2])
