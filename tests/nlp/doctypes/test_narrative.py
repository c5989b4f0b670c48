"""The paragraph-structure parser of the narrative 文书 (nlp/doctypes/narrative.py)."""

from __future__ import annotations

from nlp.doctypes.narrative import parse_narrative, part_specs

REQUEST = (
    "南京市公安局玄武分局\n提请批准逮捕书\n宁公玄(刑)提捕字〔2024〕0012号\n"
    "犯罪嫌疑人王建军，男，1990年3月15日出生，住南京市玄武区中山路1号。2019年曾因盗窃被行政拘留十日。\n"
    "犯罪嫌疑人王建军因涉嫌盗窃罪，于2024年3月2日被我局刑事拘留，现羁押于南京市看守所。\n"
    "犯罪嫌疑人王建军涉嫌盗窃一案，由被害人陈晓梅于2024年3月1日报案至我局。我局经过审查，于2024年3月1日立案进行侦查。\n"
    "经依法侦查查明：2024年2月28日22时许，犯罪嫌疑人王建军在中山路小区内盗窃电动自行车一辆。\n"
    "认定上述事实的证据如下：\n1.犯罪嫌疑人王建军的供述和辩解；\n2.被害人陈晓梅的陈述。\n"
    "犯罪嫌疑人王建军可能实施新的犯罪，采取取保候审尚不足以防止发生社会危险性，"
    "依照《中华人民共和国刑事诉讼法》第八十一条、第八十七条之规定，特提请批准逮捕。\n"
    "此致\n南京市玄武区人民检察院\n南京市公安局玄武分局（公安局印）\n二〇二四年三月八日\n附：1.本案卷宗1卷86页。\n"
)


def test_every_part_of_a_full_request_is_found() -> None:
    parts = parse_narrative(REQUEST)
    expected = {
        "doc_number", "suspect", "record", "measure", "source", "facts", "evidence", "danger", "basis_arrest",
        "addressee", "closing", "annex",
    }  # fmt: skip
    assert expected <= set(parts)
    assert "basis_prosecution" not in parts and "joint_roles" not in parts
    assert REQUEST[parts["facts"].start : parts["facts"].end] == "经依法侦查查明"
    assert parts["facts"].paragraph == 6


def test_a_missing_part_is_missing() -> None:
    text = REQUEST.replace("此致\n南京市玄武区人民检察院\n", "")
    parts = parse_narrative(text, ["addressee", "closing"])
    assert set(parts) == {"closing"}


def test_the_doc_number_is_looked_for_in_the_head_only() -> None:
    body = "犯罪嫌疑人王建军，男。\n" * 20 + "另见宁公玄(刑)拘字〔2024〕0045号拘留证。\n"
    assert "doc_number" not in parse_narrative("提请批准逮捕书\n" + body, ["doc_number"])


def test_an_ocr_misreading_of_the_marker_keeps_the_part() -> None:
    text = REQUEST.replace("此致", "此玫")
    assert "addressee" not in parse_narrative(text, ["addressee"])  # typed text: the part is missing
    found = parse_narrative(text, ["addressee"], on_ocr=lambda s, e: True)  # a scan: 此玫 is 此致 misread
    assert found["addressee"].fuzzy
    gone = REQUEST.replace("此致\n南京市玄武区人民检察院\n", "").replace("附：", "附：现将此案移送。")
    assert "addressee" not in parse_narrative(gone, ["addressee"], on_ocr=lambda s, e: True)  # 此案 is not 此致


def test_every_part_has_a_name_and_anchors() -> None:
    for spec in part_specs().values():
        assert spec.zh and spec.anchors


def test_a_marker_cut_by_a_printed_line_wrap_is_still_found() -> None:
    wrapped = REQUEST.replace("特提请批准逮捕", "特提请批\n准逮捕").replace("经依法侦查查明", "经依法侦\n查查明")
    soft = [i for i, ch in enumerate(wrapped) if ch == "\n" and wrapped[i - 1] in "批侦"]
    for breaks in (soft, None):  # told by the parser, or not
        parts = parse_narrative(wrapped, ["basis_arrest", "facts"], soft_breaks=breaks)
        assert set(parts) == {"basis_arrest", "facts"}
        assert wrapped[parts["facts"].start : parts["facts"].end] == "经依法侦\n查查明"
