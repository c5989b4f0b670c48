from __future__ import annotations

import codecs

import pytest

from nlp.labels import BlockKind, FileFormat
from nlp.parsers.base import ParseError
from nlp.parsers.text_parser import decode_text, parse_txt

CONTENT = "受案登记表\r\n报案人：张某某\r\n\r\n　　接报时间：２０２４年３月１日\r\n"
LINES = ["受案登记表", "报案人：张某某", "接报时间：2024年3月1日"]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (CONTENT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + CONTENT.encode("utf-8"), "utf-8"),
        (CONTENT.encode("gbk"), "gb18030"),
        (CONTENT.encode("gb18030"), "gb18030"),
        (CONTENT.encode("utf-16"), "utf-16"),  # with BOM
        (codecs.BOM_UTF16_BE + CONTENT.encode("utf-16-be"), "utf-16"),
        (CONTENT.encode("utf-32"), "utf-32"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gb18030", "utf16-bom", "utf16be-bom", "utf32-bom"],
)
def test_text_encodings_decode_to_the_same_lines(data: bytes, encoding: str) -> None:
    parsed = parse_txt(data, "笔录.txt")
    assert parsed.format == FileFormat.TXT
    assert parsed.method == f"text:{encoding}"
    assert parsed.text.split("\n") == LINES
    assert [parsed.text[b.start : b.end] for b in parsed.blocks] == LINES
    assert all(b.kind == BlockKind.PARAGRAPH for b in parsed.blocks)


def test_text_bomless_utf16_with_ascii_is_recognised() -> None:
    text, encoding = decode_text("Case No. A-2024-001 受案\n".encode("utf-16-le"))
    assert (text, encoding) == ("Case No. A-2024-001 受案\n", "utf-16-le")


def test_text_gbk_rare_name_characters() -> None:
    # GB18030-only characters (here from CJK Extension B) must survive.
    raw = "被询问人：张𠀀某"
    assert parse_txt(raw.encode("gb18030")).text == raw


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "无法"),
        (b"\x00\x01\x02\x03" * 100, "不是文本"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfa", "编码错误"),
    ],
    ids=["png", "binary", "bad-utf8-after-bom"],
)
def test_text_binary_raises_parse_error(data: bytes, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_txt(data)
    assert reason in caught.value.reason


def test_text_empty_file_is_empty() -> None:
    parsed = parse_txt(b"")
    assert (parsed.text, parsed.blocks) == ("", [])
