"""LAW_CITATION extraction: spans, normalised values and attributes, positives and negatives."""

from __future__ import annotations

import pytest

from nlp import registry
from nlp.extractors.citations import SOURCE, extract_citations
from nlp.labels import EntityType

PS = "中华人民共和国治安管理处罚法"
CL = "中华人民共和国刑法"
CPL = "中华人民共和国刑事诉讼法"
THEFT = "最高人民法院、最高人民检察院关于办理盗窃刑事案件适用法律若干问题的解释"
SPC = "最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释"

# (text, [(entity text, value), …]) — value is "law|article[suffix]|paragraph|item".
CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # --- single citations
    (
        "依据《中华人民共和国治安管理处罚法》第四十三条第一款之规定，决定给予行政拘留十日。",
        [("《中华人民共和国治安管理处罚法》第四十三条第一款", f"{PS}|43|1|")],
    ),
    ("违反《治安管理处罚法》第43条", [("《治安管理处罚法》第43条", f"{PS}|43||")]),
    ("涉嫌刑法第264条规定的盗窃罪", [("刑法第264条", f"{CL}|264||")]),
    ("依照《刑法》第二百六十四条之规定", [("《刑法》第二百六十四条", f"{CL}|264||")]),
    (
        "根据《中华人民共和国刑事诉讼法》第八十二条第（四）项之规定",
        [("《中华人民共和国刑事诉讼法》第八十二条第（四）项", f"{CPL}|82||4")],
    ),
    (
        "根据《中华人民共和国刑事诉讼法》第八十二条第四项",
        [("《中华人民共和国刑事诉讼法》第八十二条第四项", f"{CPL}|82||4")],
    ),
    ("刑诉法第八十二条第(七)项", [("刑诉法第八十二条第(七)项", f"{CPL}|82||7")]),
    ("依照《中华人民共和国刑法》第二百六十四条之一", [("《中华人民共和国刑法》第二百六十四条之一", f"{CL}|264之一||")]),
    (
        "依照《中华人民共和国刑法》第一百三十三条之一第一款第（二）项",
        [("《中华人民共和国刑法》第一百三十三条之一第一款第（二）项", f"{CL}|133之一|1|2")],
    ),
    (
        "《中华人民共和国治安管理处罚法》第 43 条第 2 款第（一）项",
        [("《中华人民共和国治安管理处罚法》第 43 条第 2 款第（一）项", f"{PS}|43|2|1")],
    ),
    (
        "《中华人民共和国治安管理处罚法》第２６条第１款",
        [("《中华人民共和国治安管理处罚法》第２６条第１款", f"{PS}|26|1|")],
    ),
    (
        "《中华人民共和国刑事诉讼法》（2018年修正）第八十二条",
        [("《中华人民共和国刑事诉讼法》（2018年修正）第八十二条", f"{CPL}|82||")],
    ),
    (
        "《公安机关办理刑事案件程序规定》第一百七十一条",
        [("《公安机关办理刑事案件程序规定》第一百七十一条", "公安机关办理刑事案件程序规定|171||")],
    ),
    (
        "最高人民法院、最高人民检察院《关于办理盗窃刑事案件适用法律若干问题的解释》第一条第一款",
        [("最高人民法院、最高人民检察院《关于办理盗窃刑事案件适用法律若干问题的解释》第一条第一款", f"{THEFT}|1|1|")],
    ),
    (
        "《最高人民法院关于适用〈中华人民共和国刑事诉讼法〉的解释》第一百二十四条",
        [("《最高人民法院关于适用〈中华人民共和国刑事诉讼法〉的解释》第一百二十四条", f"{SPC}|124||")],
    ),
    ("两高盗窃解释第二条", [("两高盗窃解释第二条", f"{THEFT}|2||")]),
    (
        "《中华人民共和国治安管理处罚法〉第四十三条",
        [("《中华人民共和国治安管理处罚法〉第四十三条", f"{PS}|43||")],
    ),  # OCR 〉
    # --- unknown laws are kept, law blank
    ("《中华人民共和国道路交通安全法》第九十一条", [("《中华人民共和国道路交通安全法》第九十一条", "|91||")]),
    ("中华人民共和国道路交通安全法第九十一条第二款", [("中华人民共和国道路交通安全法第九十一条第二款", "|91|2|")]),
    ("《程序规定》第一百七十一条", [("《程序规定》第一百七十一条", "|171||")]),  # ambiguous name
    # --- lists: one entity per article / 款 / 项, the law carried over
    (
        "根据《中华人民共和国治安管理处罚法》第二十三条第一款第二项、第四十三条之规定",
        [
            ("《中华人民共和国治安管理处罚法》第二十三条第一款第二项", f"{PS}|23|1|2"),
            ("第四十三条", f"{PS}|43||"),
        ],
    ),
    (
        "根据《中华人民共和国刑事诉讼法》第八十二条、第八十五条之规定",
        [("《中华人民共和国刑事诉讼法》第八十二条", f"{CPL}|82||"), ("第八十五条", f"{CPL}|85||")],
    ),
    (
        "根据《中华人民共和国刑事诉讼法》第六十六条、第六十七条和第七十一条的规定",
        [
            ("《中华人民共和国刑事诉讼法》第六十六条", f"{CPL}|66||"),
            ("第六十七条", f"{CPL}|67||"),
            ("第七十一条", f"{CPL}|71||"),
        ],
    ),
    (
        "依照《中华人民共和国行政处罚法》第五十一条、第五十二条，《中华人民共和国治安管理处罚法》第一百条",
        [
            ("《中华人民共和国行政处罚法》第五十一条", "中华人民共和国行政处罚法|51||"),
            ("第五十二条", "中华人民共和国行政处罚法|52||"),
            ("《中华人民共和国治安管理处罚法》第一百条", f"{PS}|100||"),
        ],
    ),
    (
        "依照《刑法》第133条之一第一款第（二）项和第二款",
        [("《刑法》第133条之一第一款第（二）项", f"{CL}|133之一|1|2"), ("第二款", f"{CL}|133之一|2|")],
    ),
    (
        "根据《中华人民共和国治安管理处罚法》第二十六条第一款第（一）项、第（二）项",
        [
            ("《中华人民共和国治安管理处罚法》第二十六条第一款第（一）项", f"{PS}|26|1|1"),
            ("第（二）项", f"{PS}|26|1|2"),
        ],
    ),
    (
        "《中华人民共和国治安管理处罚法》第二十六条第（一）、（二）项",
        [("《中华人民共和国治安管理处罚法》第二十六条第（一）", f"{PS}|26||1"), ("（二）项", f"{PS}|26||2")],
    ),
    (
        "《刑法》第一百三十三条之一、之二",
        [("《刑法》第一百三十三条之一", f"{CL}|133之一||"), ("之二", f"{CL}|133之二||")],
    ),
    (
        "《中华人民共和国刑法》第二百六十四条至第二百六十六条",
        [("《中华人民共和国刑法》第二百六十四条", f"{CL}|264||"), ("第二百六十六条", f"{CL}|266||")],
    ),
    (
        "依照《中华人民共和国刑法》第三百八十三条第一款第（三）项、第二、三款、第二十六条第一、四款",
        [
            ("《中华人民共和国刑法》第三百八十三条第一款第（三）项", f"{CL}|383|1|3"),
            ("第二", f"{CL}|383|2|"),
            ("三款", f"{CL}|383|3|"),
            ("第二十六条第一", f"{CL}|26|1|"),
            ("四款", f"{CL}|26|4|"),
        ],
    ),
    (
        "依照《中华人民共和国刑法》第二百九十三条第一款（一）、（二）、（三）项、第二百三十四条一款",
        [
            ("《中华人民共和国刑法》第二百九十三条第一款（一）", f"{CL}|293|1|1"),
            ("（二）", f"{CL}|293|1|2"),
            ("（三）项", f"{CL}|293|1|3"),
            ("第二百三十四条一款", f"{CL}|234|1|"),  # 款 without 第, as judgments write it
        ],
    ),
    (
        "根据《最高人民法院最高人民检察院关于办理寻衅滋事刑事案件适用法律若干问题的解释》第一条",
        [
            (
                "《最高人民法院最高人民检察院关于办理寻衅滋事刑事案件适用法律若干问题的解释》第一条",
                "最高人民法院、最高人民检察院关于办理寻衅滋事刑事案件适用法律若干问题的解释|1||",
            )
        ],
    ),
    # --- 同法 / 该法 / 该条
    (
        "依据《中华人民共和国刑事诉讼法》的规定，依照同法第八十二条",
        [("同法第八十二条", f"{CPL}|82||")],
    ),
    (
        "依据《中华人民共和国刑法》第二百六十四条，该法第六十七条第三款",
        [("《中华人民共和国刑法》第二百六十四条", f"{CL}|264||"), ("该法第六十七条第三款", f"{CL}|67|3|")],
    ),
    (
        "根据《中华人民共和国治安管理处罚法》第七十条、该条第二款",
        [("《中华人民共和国治安管理处罚法》第七十条", f"{PS}|70||"), ("该条第二款", f"{PS}|70|2|")],
    ),
    # --- a bare 第X条 after a law named earlier in the same sentence
    (
        "依照《中华人民共和国刑法》第二十五条第一款的规定，第六十七条第三款",
        [("《中华人民共和国刑法》第二十五条第一款", f"{CL}|25|1|"), ("第六十七条第三款", f"{CL}|67|3|")],
    ),
    # --- negatives
    ("第二条", []),
    ("本法第二条", []),  # 本法 with no law before it
    ("同法第八十二条", []),
    ("根据本规定第二条", []),
    ("他发了第一条短信。", []),
    (
        "依据《中华人民共和国刑法》第二百六十四条之规定。第二条短信内容如下",
        [("《中华人民共和国刑法》第二百六十四条", f"{CL}|264||")],
    ),
    (
        "《中华人民共和国刑法》第二百三十四条第一款；第二条",
        [("《中华人民共和国刑法》第二百三十四条第一款", f"{CL}|234|1|")],
    ),
    ("违反治安管理处罚法的规定", []),
    ("《受案登记表》第一联", []),
    ("按双方签订的《煤炭供销代发合同》第三条第（二）项", []),  # a contract, not a law
    ("根据《最高人民法院》第一条第一款", []),
    ("处罚法第四十条", []),  # not a known name, and no 《》
    ("依据《中华人民共和国道路交通安全法》的规定，依照该法第九十一条", []),  # earlier law unknown
    ("被告人第一次供述", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:24] for c in CASES])
def test_citation_table(text: str, expected: list[tuple[str, str]]) -> None:
    found = extract_citations(text)
    assert [(e.text, e.value) for e in found] == expected
    for e in found:
        assert text[e.start : e.end] == e.text
        assert e.type == EntityType.LAW_CITATION and e.source == SOURCE


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 30
    assert sum(1 for _, expected in CASES if not expected) >= 10


def test_attrs() -> None:
    (ent,) = extract_citations("依照《中华人民共和国刑法》第一百三十三条之一第一款第（二）项")
    assert ent.attrs == {
        "law": CL,
        "law_as_written": "《中华人民共和国刑法》",
        "article": 133,
        "suffix": "之一",
        "paragraph": 1,
        "item": 2,
        "versions": ["2023"],
    }
    assert ent.score == 1.0


def test_attrs_unknown_law_and_missing_article() -> None:
    (unknown,) = extract_citations("《中华人民共和国道路交通安全法》第九十一条")
    assert unknown.attrs["law"] is None
    assert unknown.attrs["law_as_written"] == "《中华人民共和国道路交通安全法》"
    assert unknown.attrs["versions"] == []
    (missing,) = extract_citations("依照《中华人民共和国刑法》第二百六十四条之一")
    assert missing.attrs["law"] == CL and missing.attrs["versions"] == []  # no such article: a rule can flag it


def test_attrs_versions_tell_2012_from_2025() -> None:
    old, new, both = extract_citations(
        "《治安管理处罚法》第一百一十九条第二款、第一百四十条，《治安管理处罚法》第四十三条"
    )
    assert (old.attrs["article"], old.attrs["paragraph"], old.attrs["versions"]) == (119, 2, [])
    assert (new.attrs["article"], new.attrs["versions"]) == (140, ["2025"])
    assert both.attrs["versions"] == ["2012", "2025"]


def test_attrs_carry_over_and_inference() -> None:
    _, same_law = extract_citations("依据《中华人民共和国刑法》第二百六十四条，该法第六十七条第三款")
    assert same_law.attrs["via"] == "该法" and same_law.attrs["law_as_written"] == "《中华人民共和国刑法》"
    assert same_law.score < 1.0
    _, inferred = extract_citations("依照《中华人民共和国刑法》第二十五条第一款的规定，第六十七条第三款")
    assert inferred.attrs["inferred"] is True and inferred.score < same_law.score
    (noted,) = extract_citations("《中华人民共和国刑事诉讼法》（2018年修正）第八十二条")
    assert noted.attrs["version_as_written"] == "2018年修正"
    (aliased,) = extract_citations("《中华人民共和国治安管理处罚法》（以下简称《治安管理处罚法》）第四十三条")
    assert "version_as_written" not in aliased.attrs


def test_offsets_in_longer_text() -> None:
    text = (
        "经查，2024年3月1日，违法行为人张某某在某市某区殴打他人。\n"
        "根据《中华人民共和国治安管理处罚法》第四十三条第一款之规定，现决定给予张某某行政拘留五日。\n"
        "如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议。"
    )
    (ent,) = extract_citations(text)
    assert text[ent.start : ent.end] == "《中华人民共和国治安管理处罚法》第四十三条第一款"


def test_registered_as_extractor() -> None:
    assert "law_citation" in registry.extractors
    func = registry.extractors.get("law_citation")
    assert [e.value for e in func("刑法第264条")] == [f"{CL}|264||"]


def test_scales_linearly(assert_scales_linearly) -> None:
    # Before bare-article lookups used bisect, 1 MB of citations took minutes (quadratic in the number of 第X条).
    para = (
        "依据《中华人民共和国治安管理处罚法》第四十九条、《刑法》第二百六十四条之规定，决定给予行政拘留十日。"
        "根据第五条处理。\n"
    )
    assert_scales_linearly(extract_citations, para)
