"""The consistency, citation and threshold check kinds (nlp/rules/checks_consistency.py) on their edge cases,
through the whole reviewer; people and numbers are fictional."""

from __future__ import annotations

import re

import pytest

from nlp.case.view import one_edit_apart
from nlp.parsers.loader import LoadedFile
from nlp.reviewer import Reviewer
from nlp.rules.checks_consistency import penalty_table
from nlp.schema import Document
from nlp.statutes.db import StatuteDB


def fired(reviewer: Reviewer, rule_id: str, *docs: tuple[str, str]) -> list[str]:
    case = reviewer.review_texts(list(docs), case_id="t")
    assert not case.errors and not case.warnings
    return [f.message for f in case.findings if f.rule_id == rule_id]


# --- linked_name_mismatch (CON-01) ---------------------------------------------------------------------------------

RECORD = (
    "讯问笔录\n时间：2024年3月2日14时10分至2024年3月2日15时30分\n讯问人：李明、赵刚\n记录人：赵刚\n"
    "被讯问人：{name}  性别：男  出生日期：1990年3月15日\n身份证件种类及号码：居民身份证 {id}\n"
    "问：你的身份情况？\n答：如上。\n"
)
WARRANT = (
    "拘留证\n宁公玄(刑)拘字〔2024〕0045号\n犯罪嫌疑人：{name}  性别：男  出生日期：1990年3月15日\n"
    "身份证号码：{id}\n执行拘留时间：2024年3月2日16时30分\n"
)
GOOD_ID = "320102199003151239"


def test_name_mismatch_reports_both_names_and_documents(reviewer: Reviewer) -> None:
    msgs = fired(
        reviewer,
        "CON-01",
        ("讯问笔录.txt", RECORD.format(name="张伟民", id=GOOD_ID)),
        ("拘留证.txt", WARRANT.format(name="张为民", id=GOOD_ID)),
    )
    assert len(msgs) == 1
    assert "讯问笔录作“张伟民”" in msgs[0] and "拘留证作“张为民”" in msgs[0]


def test_name_mismatch_ignores_an_invalid_id_number(reviewer: Reviewer) -> None:
    # A wrong check digit is CON-02-1's finding; the number links nobody.
    bad = GOOD_ID[:-1] + "0"
    docs = [
        ("讯问笔录.txt", RECORD.format(name="张伟民", id=bad)),
        ("拘留证.txt", WARRANT.format(name="张为民", id=bad)),
    ]
    assert fired(reviewer, "CON-01", *docs) == []


def test_name_mismatch_silent_when_the_alias_is_recorded_elsewhere(reviewer: Reviewer) -> None:
    note = "询问笔录\n被询问人：刘芳\n问：张伟民有没有别的名字？\n答：他曾用名张为民。\n"
    docs = [
        ("讯问笔录.txt", RECORD.format(name="张伟民", id=GOOD_ID)),
        ("拘留证.txt", WARRANT.format(name="张为民", id=GOOD_ID)),
        ("询问笔录.txt", note),
    ]
    assert fired(reviewer, "CON-01", *docs) == []


# --- value_mismatch (CON-06, CON-12) -------------------------------------------------------------------------------

NOTICE = (
    "拘留通知书\n宁公玄(刑)拘通字〔2024〕0045号\n{name}家属：\n根据《中华人民共和国刑事诉讼法》第八十二条之规定，"
    "我局已于2024年3月2日16时30分将涉嫌{charge}的{name}刑事拘留，羁押在{center}。特此通知。\n南京市公安局玄武分局\n"
    "二〇二四年三月二日\n"
)
REQUEST = (
    "提请批准逮捕书\n宁公玄(刑)提捕字〔2024〕0012号\n犯罪嫌疑人{name}，男，1990年3月15日出生。\n"
    "犯罪嫌疑人{name}因涉嫌{charge}，于2024年3月2日被我局刑事拘留，现羁押于{center}。\n二〇二四年三月八日\n"
)


def _notice(name: str = "王建军", charge: str = "盗窃罪", center: str = "南京市看守所") -> tuple[str, str]:
    return "拘留通知书.txt", NOTICE.format(name=name, charge=charge, center=center)


def _request(name: str = "王建军", charge: str = "盗窃罪", center: str = "南京市看守所") -> tuple[str, str]:
    return "提请批准逮捕书.txt", REQUEST.format(name=name, charge=charge, center=center)


def test_charge_mismatch_names_the_suspect_and_both_charges(reviewer: Reviewer) -> None:
    msgs = fired(reviewer, "CON-06", _notice(), _request(charge="抢夺罪"))
    assert len(msgs) == 1
    assert "王建军" in msgs[0] and "“盗窃罪”" in msgs[0] and "“抢夺罪”" in msgs[0]


def test_charge_mismatch_reads_a_charge_containing_fan_zui(reviewer: Reviewer) -> None:
    charge = "掩饰、隐瞒犯罪所得罪"
    assert fired(reviewer, "CON-06", _notice(charge=charge), _request(charge=charge)) == []
    assert fired(reviewer, "CON-06", _notice(charge=charge), _request(charge="盗窃罪"))


def test_charge_mismatch_ignores_a_generic_description(reviewer: Reviewer) -> None:
    # 涉嫌违法犯罪 names no 罪名, so there is nothing to compare.
    request = ("提请批准逮捕书.txt", REQUEST.format(name="王建军", charge="违法犯罪", center="南京市看守所"))
    assert fired(reviewer, "CON-06", _notice(), request) == []


def test_charge_mismatch_compares_only_the_same_suspect(reviewer: Reviewer) -> None:
    assert fired(reviewer, "CON-06", _notice(), _request(name="李德胜", charge="抢夺罪")) == []


def _notice_read_by_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the 拘留通知书 look like a scanned page: its blocks carry an OCR confidence, as parse_pdf gives them."""
    original = Reviewer._document

    def as_scan(self: Reviewer, doc_id: str, loaded: LoadedFile) -> Document:
        doc = original(self, doc_id, loaded)
        if loaded.source == "拘留通知书.txt":
            assert doc.blocks
            for block in doc.blocks:
                block.confidence = 0.97
        return doc

    monkeypatch.setattr(Reviewer, "_document", as_scan)


def test_charge_one_character_apart_is_reported_on_typed_text(reviewer: Reviewer) -> None:
    assert len(fired(reviewer, "CON-06", _notice(charge="寻滋事罪"), _request(charge="寻衅滋事罪"))) == 1


def test_charge_one_character_apart_on_an_ocr_page_is_taken_for_a_misreading(
    reviewer: Reviewer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _notice_read_by_ocr(monkeypatch)
    assert fired(reviewer, "CON-06", _notice(charge="寻滋事罪"), _request(charge="寻衅滋事罪")) == []
    # a different 罪名 is no misreading, scan or not
    assert len(fired(reviewer, "CON-06", _notice(charge="抢夺罪"), _request(charge="盗窃罪"))) == 1


def test_one_edit_apart() -> None:
    assert one_edit_apart("寻衅滋事罪", "寻滋事罪")  # dropped
    assert one_edit_apart("王建军", "王建君")  # substituted
    assert one_edit_apart("张伟", "张伟伟")  # added
    assert not one_edit_apart("盗窃罪", "盗窃罪")
    assert not one_edit_apart("盗窃罪", "抢夺罪")
    assert one_edit_apart("王建军", "王军")
    assert not one_edit_apart("王建军", "王")  # two dropped
    assert not one_edit_apart("寻衅滋事罪", "寻滋事")  # dropped and truncated


def test_detention_place_mismatch(reviewer: Reviewer) -> None:
    msgs = fired(reviewer, "CON-12", _notice(), _request(center="南京市第二看守所"))
    assert len(msgs) == 1 and "南京市第二看守所" in msgs[0]
    assert fired(reviewer, "CON-12", _notice(), _request()) == []


def test_detention_place_mismatch_follows_a_recorded_former_name(reviewer: Reviewer) -> None:
    # The 提请批准逮捕书 names the suspect by the former name his 讯问笔录 records: still his paper.
    record = (
        "讯问笔录.txt",
        RECORD.format(name="王建军", id=GOOD_ID) + "问：你有无曾用名？\n答：我曾用名王健君，后改名。\n",
    )
    other = _request(name="王健君", center="南京市第二看守所")
    msgs = fired(reviewer, "CON-12", _notice(), other, record)
    assert len(msgs) == 1 and "南京市第二看守所" in msgs[0] and "王建军" in msgs[0]
    assert fired(reviewer, "CON-12", _notice(), other) == []  # no alias recorded: two people, nothing to compare
    assert fired(reviewer, "CON-12", _notice(), _request(name="王健君"), record) == []


# --- expected_wording (CON-13) -------------------------------------------------------------------------------------

DECISION = (
    "行政处罚决定书\n违法行为人：周某某，男，1992年7月8日出生。\n现查明：{fact}\n"
    "根据《中华人民共和国治安管理处罚法》{article}之规定，现决定对周某某{penalty}。\n{review}\n{day}\n"
)
REVIEW = (
    "如不服本决定，可以在收到本决定书之日起{days}内向南京市玄武区人民政府申请行政复议"
    "或者在{months}内依法向南京市玄武区人民法院提起行政诉讼。"
)


def decision(**kw: str) -> tuple[str, str]:
    values = {
        "fact": "2024年5月2日10时许，周某某在中山路殴打他人。",
        "article": "第四十三条第一款",
        "penalty": "行政拘留五日",
        "review": REVIEW.format(days="六十日", months="六个月"),
        "day": "二〇二四年五月三日",
    }
    values.update(kw)
    return "行政处罚决定书.txt", DECISION.format(**values)


@pytest.mark.parametrize(
    ("days", "months", "count"),
    [
        ("六十日", "六个月", 0),
        ("60日", "6个月", 0),
        ("三十日", "六个月", 1),
        ("六十日", "三个月", 1),
        ("十五日", "3个月", 2),
    ],
)
def test_appeal_periods(reviewer: Reviewer, days: str, months: str, count: int) -> None:
    doc = decision(review=REVIEW.format(days=days, months=months))
    assert len(fired(reviewer, "CON-13", doc)) == count


# --- citation_subject (CIT-02, CIT-04) -----------------------------------------------------------------------------

SUMMONS = (
    "传唤证\n宁公玄(刑)传字〔{year}〕0033号\n根据《中华人民共和国刑事诉讼法》{article}之规定，兹传唤犯罪嫌疑人王建军"
    "于{year}年5月2日14时到南京市公安局玄武分局接受讯问。\n南京市公安局玄武分局\n{year}年5月2日\n"
)


@pytest.mark.parametrize(
    ("year", "article", "count"),
    [
        ("2023", "第一百一十七条", 1),  # 2012 numbering after 2018-10-26
        ("2023", "第一百一十九条第一款", 0),
        ("2017", "第一百一十七条", 0),  # 2012 text in force, not bundled: no judgement
        ("2023", "第三百九十条", 0),  # no such article: CON-15-1's finding, not this one's
    ],
)
def test_summons_citation_subject(reviewer: Reviewer, year: str, article: str, count: int) -> None:
    doc = ("传唤证.txt", SUMMONS.format(year=year, article=article))
    msgs = fired(reviewer, "CIT-02-1", doc)
    assert len(msgs) == count
    if count:
        assert "2012年修正文本的传唤条款为第一百一十七条" in msgs[0]


def test_arrest_request_one_on_topic_article_is_enough(reviewer: Reviewer) -> None:
    text = (
        "提请批准逮捕书\n犯罪嫌疑人王建军涉嫌盗窃罪，依照《中华人民共和国刑事诉讼法》第八十一条、第八十五条之规定，"
        "特提请批准逮捕。\n二〇二四年三月八日\n"
    )
    assert fired(reviewer, "CIT-02-3", ("提请批准逮捕书.txt", text)) == []


# --- penalty_range (CIT-03) ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "penalty", "day", "count"),
    [
        ("第四十三条第一款", "行政拘留十五日，并处罚款一千元", "二〇二四年五月三日", 0),
        ("第四十三条第一款", "行政拘留十六日", "二〇二四年五月三日", 1),
        ("第四十三条第一款", "罚款人民币1,500元", "二〇二四年五月三日", 1),
        ("第五十一条", "行政拘留十日，并处罚款二千元", "二〇二六年二月三日", 0),  # 2025 text: up to 2000
        ("第四十九条", "行政拘留十日，并处罚款二千元", "二〇二五年二月三日", 1),  # 2012 text: 1000 at most
        (
            "第五十一条",
            "行政拘留十日，并处罚款二千元",
            "二〇二五年二月三日",
            0,
        ),  # 2012 第51条 (招摇撞骗): not in the table
        ("第九条", "行政拘留二十日", "二〇二四年五月三日", 0),  # not a penalty article in the table: silent
    ],
)
def test_penalty_range(reviewer: Reviewer, article: str, penalty: str, day: str, count: int) -> None:
    assert len(fired(reviewer, "CIT-03", decision(article=article, penalty=penalty, day=day))) == count


def test_penalty_range_ignores_sums_in_the_facts(reviewer: Reviewer) -> None:
    fact = "周某某骗取他人钱款，罚款5000元的承诺未兑现。"  # money before the cited article is not the penalty
    assert fired(reviewer, "CIT-03", decision(fact=fact, penalty="罚款五百元")) == []


def test_penalty_table_agrees_with_the_statute_text() -> None:
    db = StatuteDB.load()
    zh = {5: "五", 10: "十", 15: "十五"}
    for law, versions in penalty_table().items():
        for version, articles in versions.items():
            for number, spec in articles.items():
                article = db.article(law, number, version=version)
                assert article is not None, (version, number)
                days = spec["max_detention_days"]
                assert f"{zh[days]}日以下拘留" in article.text, (version, number)
                fine = spec["max_fine_yuan"]
                fine_zh = {500: "五百", 1000: "一千", 2000: "二千", 3000: "三千", 5000: "五千"}[fine]
                assert f"{fine_zh}元以下罚款" in article.text, (version, number)
                bigger = [m for m in re.findall(r"([一二三五]千|五百)元以下罚款", article.text)]
                assert all(_zh_fine(b) <= fine for b in bigger), (version, number)


def _zh_fine(text: str) -> int:
    return {"五百": 500, "一千": 1000, "二千": 2000, "三千": 3000, "五千": 5000}[text]


# --- text_threshold (THR-*) ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fact", "count"),
    [
        ("民警查获其持有的甲基苯丙胺净重10克。", 1),  # the threshold itself counts (十克以上)
        ("民警查获其持有的甲基苯丙胺净重9.9克。", 0),
        ("民警查获其持有的冰毒0.02千克。", 1),  # 20 g
        ("民警查获其持有的海洛因十二克。", 1),
    ],
)
def test_drug_quantity(reviewer: Reviewer, fact: str, count: int) -> None:
    doc = decision(fact=fact, article="第七十二条", penalty="行政拘留十日")
    assert len(fired(reviewer, "THR-09-1", doc)) == count


@pytest.mark.parametrize(
    ("fact", "count"),
    [
        ("经鉴定，被侵害人的损伤程度为轻伤二级。", 1),
        ("经鉴定，被侵害人的损伤程度为轻微伤。", 0),
        ("被侵害人要求鉴定是否构成轻伤。", 0),
        ("经鉴定，被侵害人的损伤程度不构成轻伤。", 0),
    ],
)
def test_injury_grade(reviewer: Reviewer, fact: str, count: int) -> None:
    assert len(fired(reviewer, "THR-07", decision(fact=fact))) == count


def test_threshold_silent_for_a_suspect_under_sixteen(reviewer: Reviewer) -> None:
    text = decision(fact="经鉴定，被侵害人的损伤程度为轻伤二级。")[1].replace("1992年7月8日", "2009年7月8日")
    assert fired(reviewer, "THR-07", ("行政处罚决定书.txt", text)) == []


# --- doc_number_year / case_number_mismatch (CON-05) ---------------------------------------------------------------


def _warrant(number: str, day: str) -> tuple[str, str]:
    text = (
        f"拘留证\n{number}\n根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对涉嫌盗窃罪的犯罪嫌疑人王建军"
        f"（性别男，出生日期1990年3月15日）执行拘留，送南京市看守所羁押。\n南京市公安局玄武分局\n{day}\n"
    )
    return ("拘留证.txt", text)


@pytest.mark.parametrize(
    ("number", "day", "count"),
    [
        ("宁公玄(刑)拘字〔2023〕0045号", "二〇二四年一月三日", 1),
        ("宁公玄(刑)拘字〔2024〕0045号", "二〇二四年一月三日", 0),
        ("宁公玄(刑)拘字〔2024〕0045号", "2024年12月31日", 0),
        ("宁公玄(刑)拘字〔2025〕0045号", "2024年12月31日", 1),
    ],
)
def test_doc_number_year(reviewer: Reviewer, number: str, day: str, count: int) -> None:
    msgs = fired(reviewer, "CON-05-1", _warrant(number, day))
    assert len(msgs) == count
    if count:
        assert number in msgs[0]


def test_doc_number_year_reads_only_the_documents_own_number(reviewer: Reviewer) -> None:
    # A 文号 quoted in the body (another year's document) is not the document's own.
    own, day = "宁公玄(刑)拘字〔2024〕0045号", "二〇二四年一月三日"
    name, text = _warrant(own, day)
    body = "犯罪嫌疑人王建军曾因盗窃被行政拘留（宁公玄(行)罚决字〔2019〕0311号）。\n" * 12
    assert fired(reviewer, "CON-05-1", (name, text.replace(f"{own}\n", f"{own}\n{body}"))) == []


def _stub(title: str, number: str) -> tuple[str, str]:
    return (f"{title}.txt", f"{title}\n（存根）\n宁公玄(刑)立字〔2024〕0031号\n案件编号\t{number}\n批准人\t陈国华\n")


def test_case_number_mismatch_and_ocr_tolerance(reviewer: Reviewer, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = "A3201020500002024030012", "A3201020500002024030021"
    assert len(fired(reviewer, "CON-05-2", _stub("立案决定书", a), _stub("传唤证", b))) == 1
    assert fired(reviewer, "CON-05-2", _stub("立案决定书", a), _stub("传唤证", a)) == []
    one_off = a[:-1] + "8"
    assert len(fired(reviewer, "CON-05-2", _stub("立案决定书", a), _stub("拘留通知书", one_off))) == 1
    _notice_read_by_ocr(monkeypatch)  # on a scan, one digit off is a misreading
    assert fired(reviewer, "CON-05-2", _stub("立案决定书", a), _stub("拘留通知书", one_off)) == []


# --- badge_mismatch (CON-11) -----------------------------------------------------------------------------------------


def _record(title: str, askers: str) -> tuple[str, str]:
    return (
        f"{title}.txt",
        f"{title}\n时间：2024年3月2日14时10分至2024年3月2日15时30分\n地点：珠江路派出所\n"
        f"{title[:2]}人：{askers}\n记录人：赵刚\n被{title[:2]}人：王某某\n问：你的身份情况？\n答：如上。\n",
    )


def test_badge_mismatch_one_officer_two_numbers(reviewer: Reviewer) -> None:
    msgs = fired(
        reviewer,
        "CON-11",
        _record("讯问笔录", "李明（警号320123）、赵刚（警号320456）"),
        _record("询问笔录", "李明（警号320789）、赵刚（警号320456）"),
    )
    assert len(msgs) == 1
    assert "民警李明的警号前后不一" in msgs[0] and "320789" in msgs[0]


def test_badge_mismatch_two_officers_one_number(reviewer: Reviewer) -> None:
    msgs = fired(
        reviewer,
        "CON-11",
        _record("讯问笔录", "李明（警号320123）、赵刚（警号320456）"),
        _record("询问笔录", "孙伟（警号320123）"),
    )
    assert len(msgs) == 1 and "共用同一警号320123" in msgs[0]


def test_badge_mismatch_one_digit_misread_on_a_scan(reviewer: Reviewer, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = (
        _record("讯问笔录", "李明（警号320123）、赵刚（警号320456）"),
        ("拘留通知书.txt", "拘留通知书\n执行人：李明（警号320128）\n二〇二四年三月二日\n"),
    )
    assert len(fired(reviewer, "CON-11", *docs)) == 1
    _notice_read_by_ocr(monkeypatch)
    assert fired(reviewer, "CON-11", *docs) == []


# --- narrative_parts (EL-CR-10, EL-CR-16) -----------------------------------------------------------------------------


def test_narrative_parts_names_every_missing_part(reviewer: Reviewer) -> None:
    text = (
        "起诉意见书\n宁公玄(刑)诉字〔2024〕0031号\n犯罪嫌疑人王建军，男，1990年3月15日出生。\n"
        "犯罪嫌疑人王建军因涉嫌盗窃罪，于2024年3月2日被我局刑事拘留。\n"
        "经依法侦查查明：2024年2月28日22时许，犯罪嫌疑人王建军盗窃电动自行车一辆。\n"
        "依照《中华人民共和国刑事诉讼法》第一百六十二条之规定，现将此案移送审查起诉。\n"
        "南京市公安局玄武分局\n二〇二四年四月二十日\n"
    )
    msgs = fired(reviewer, "EL-CR-16", ("起诉意见书.txt", text))
    assert len(msgs) == 1
    for part in ("案件来源与侦查经过", "认定事实的证据", "此致××人民检察院", "附项"):
        assert part in msgs[0]
    assert "强制措施" not in msgs[0].split("。")[0]


def test_doc_number_year_on_a_scan_needs_no_other_date_of_that_year(
    reviewer: Reviewer, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = Reviewer._document

    def as_scan(self: Reviewer, doc_id: str, loaded: LoadedFile) -> Document:
        doc = original(self, doc_id, loaded)
        for block in doc.blocks:
            block.confidence = 0.97
        return doc

    monkeypatch.setattr(Reviewer, "_document", as_scan)
    name, text = _warrant("宁公玄(刑)拘字〔2024〕0045号", "二〇二三年三月二日")  # 落款 year misread?
    misread = (name, text.replace("执行拘留，", "于2024年3月2日执行拘留，"))
    assert fired(reviewer, "CON-05-1", misread) == []
    assert len(fired(reviewer, "CON-05-1", (name, text))) == 1


# --- penalty_against_prior (CON-09) ----------------------------------------------------------------------------------


def _told(penalty: str, name: str = "周某某") -> tuple[str, str]:
    return (
        "行政处罚告知笔录.txt",
        f"行政处罚告知笔录\n告知人：李明、赵刚\n记录人：赵刚\n被告知人：{name}\n"
        f"问：现将拟作出治安管理处罚决定的事实、理由及依据告知你，拟对你作出{penalty}的处罚。\n答：听清楚了。\n",
    )


def _decided(penalty: str, extra: str = "") -> tuple[str, str]:
    return (
        "行政处罚决定书.txt",
        "行政处罚决定书\n违法行为人：周某某，男，1992年7月8日出生。\n现查明：2024年5月2日10时许，周某某在中山路殴打他人。\n"
        f"根据《中华人民共和国治安管理处罚法》第四十三条第一款之规定，现决定对周某某{penalty}。{extra}\n二〇二四年五月三日\n",
    )


@pytest.mark.parametrize(
    ("told", "decided", "count"),
    [
        ("行政拘留五日", "行政拘留七日", 1),
        ("行政拘留五日", "行政拘留五日，并处罚款二百元", 1),
        ("罚款五百元", "行政拘留三日", 1),
        ("警告", "罚款二百元", 1),
        ("行政拘留五日，并处罚款五百元", "行政拘留五日", 0),
        ("行政拘留十日", "罚款一千元", 0),
        ("罚款五百元", "罚款500元", 0),
    ],
)
def test_penalty_heavier_than_notified(reviewer: Reviewer, told: str, decided: str, count: int) -> None:
    assert len(fired(reviewer, "CON-09-1", _told(told), _decided(decided))) == count


def test_penalty_heavier_silent_for_another_person_or_a_combined_decision(reviewer: Reviewer) -> None:
    assert fired(reviewer, "CON-09-1", _told("行政拘留五日", name="吴某某"), _decided("行政拘留十日")) == []
    combined = _decided("行政拘留十日", extra="两项处罚合并执行。")
    assert fired(reviewer, "CON-09-1", _told("行政拘留五日"), combined) == []


# --- incident_date_mismatch (CON-14) -----------------------------------------------------------------------------


def test_incident_date_compares_days_not_hours_and_skips_several_acts(reviewer: Reviewer) -> None:
    def decision_on(day: str, extra: str = "") -> tuple[str, str]:
        return (
            "行政处罚决定书.txt",
            f"行政处罚决定书\n违法行为人：周某某，男。\n现查明：{day}，违法行为人周某某在中山路殴打他人。{extra}\n"
            "现决定对周某某行政拘留五日。\n二〇二四年五月二十四日\n",
        )

    def notice_on(day: str) -> tuple[str, str]:
        return (
            "行政处罚告知笔录.txt",
            f"行政处罚告知笔录\n被告知人：周某某\n问：现将事实、理由及依据告知你：{day}，违法嫌疑人周某某在中山路殴打他人。\n",
        )

    assert len(fired(reviewer, "CON-14", notice_on("2024年5月21日9时许"), decision_on("2024年5月20日9时许"))) == 1
    assert fired(reviewer, "CON-14", notice_on("2024年5月21日9时许"), decision_on("2024年5月21日10时许")) == []
    several = decision_on("2024年5月20日9时许", extra="此前周某某还先后两次殴打他人。")
    assert fired(reviewer, "CON-14", notice_on("2024年5月21日9时许"), several) == []


def test_penalty_read_across_a_printed_line_wrap(reviewer: Reviewer) -> None:
    told = _told("行政拘留六日，并处罚款四百元")
    told = (told[0], told[1].replace("四百元的处罚", "四百元的处\n罚"))
    decided = _decided("行政拘留九日，并处罚款四百元")
    decided = (decided[0], decided[1].replace("决定对周某某", "决定对周\n某某"))
    msgs = fired(reviewer, "CON-09-1", told, decided)
    assert len(msgs) == 1 and "拘留九日" in msgs[0]


def test_penalty_past_the_cited_range_is_left_to_cit_03(reviewer: Reviewer) -> None:
    # 第四十三条第一款 allows at most 十日: the one wrong figure is CIT-03's finding, not also CON-09-1's.
    docs = (_told("行政拘留六日"), _decided("行政拘留十八日"))
    assert fired(reviewer, "CON-09-1", *docs) == []
    assert len(fired(reviewer, "CIT-03", *docs)) == 1
