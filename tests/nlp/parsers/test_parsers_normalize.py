from __future__ import annotations

import pytest

from nlp.parsers.normalize import TextBuilder, normalize, normalize_map


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＡＢＣ１２３ｘｙｚ", "ABC123xyz"),
        ("身份证号码１１０１０１１９９００１０１１２３Ｘ", "身份证号码11010119900101123X"),
        ("（一）〔2024〕第〇一号：，。", "（一）〔2024〕第〇一号：，。"),  # Chinese punctuation and 〇 are kept
        ("％－／．", "％－／．"),  # only letters and digits are narrowed
        ("☑是 □否 ■ √ ☐", "☑是 □否 ■ √ ☐"),
        ("　　经审查，", "经审查，"),  # ideographic indent dropped at the line start
        ("姓名\u3000\u3000张某某", "姓名 张某某"),
        ("姓名\xa0张某某", "姓名 张某某"),
        ("a \t  b", "a b"),
        ("张\u200b某\u200d某\ufeff", "张某某"),
        ("张某某\ue000\uf8ff", "张某某"),  # private-use glyphs
        ("第一行\r\n第二行\r第三行", "第一行\n第二行\n第三行"),
        ("行尾空格   \n  行首空格", "行尾空格\n行首空格"),
        ("空行\n\n保留", "空行\n\n保留"),
        ("控制\x07字符", "控制字符"),
        ("", ""),
    ],
)
def test_normalize_table(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("第一行\n第二行", "第一行 第二行"),
        ("单元格\r\n\r\n内容", "单元格 内容"),
        ("  \t  ", ""),
    ],
)
def test_normalize_single_line(raw: str, expected: str) -> None:
    assert normalize(raw, single_line=True) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "　　报案人：张某某，ＡＢ１２\u200b３\r\n\r\n  接报  时间\t：2024年",
        "clean text",
        "a\r\nb\rc\nd",
        "\ue000\ue001",
    ],
)
def test_normalize_map_points_each_char_to_its_source(raw: str) -> None:
    text, source = normalize_map(raw)
    assert text == normalize(raw)
    assert len(source) == len(text)
    assert source == sorted(source)
    for out_char, index in zip(text, source, strict=True):
        assert out_char == normalize(raw[index], single_line=True) or out_char in " \n"


@pytest.mark.parametrize("raw", ["　　报案人：张某某，ＡＢ１２３", "a  b \n c", "\r\n\u3000x\u3000"])
def test_normalize_is_idempotent(raw: str) -> None:
    once = normalize(raw)
    assert normalize(once) == once


def test_normalize_text_builder_offsets_are_exact() -> None:
    builder = TextBuilder()
    first = builder.add_line(["受案登记表"])
    row = builder.add_line(["报案人", "", "张某某"])
    text = builder.text
    assert text == "受案登记表\n报案人\t\t张某某"
    assert [text[s:e] for s, e in first + row] == ["受案登记表", "报案人", "", "张某某"]
    assert len(builder) == len(text)


def test_normalize_text_builder_rejects_multiline_segments() -> None:
    with pytest.raises(ValueError):
        TextBuilder().add_line(["两\n行"])
