"""Document-type classification: titles (letter-spaced, under agency headers), look-alikes, markers, file names.

All names, numbers and 文号 are fictional.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from nlp.doctypes.classify import Classification, classify, classify_rules
from nlp.doctypes.specs import load_specs

REPO = Path(__file__).resolve().parents[3]


POLICE_FORMS = REPO.parent / "shared" / "data" / "police_forms"
needs_police_forms = pytest.mark.skipif(
    not (POLICE_FORMS / "index.json").is_file(),
    reason=f"{POLICE_FORMS} is absent (the shared data folder is not checked out beside the repository)",
)


def check_span(text: str, result: Classification) -> None:
    assert text[result.title_start : result.title_end] == result.title
    assert 0.0 <= result.confidence <= 1.0


# --- realistic documents, one per type --------------------------------------------------------------------------

REGISTER = (
    "东江市公安局河西分局\n"
    "受 案 登 记 表\n"
    "东公西(刑)受案字〔2022〕0123号\n"
    "案件来源\t□110指令\t□工作中发现\t☑报案\t□投案\n"
    "报案人\t姓名\t张某某\t性别\t男\t出生日期\t1990年1月1日\n"
    "接报民警\t李某、王某\t接报时间\t2022年5月3日9时20分\t接报地点\t河西派出所\n"
    "简要案情或者报案记录：2022年5月3日凌晨，报案人张某某停放在小区的电动自行车被盗。\n"
    "受案意见\t☑属本单位管辖的刑事案件，建议及时立案侦查\n"
    "受案民警：李某\n"
)
RECEIPT = (
    "东江市公安局河西分局\n"
    "受 案 回 执\n"
    "东公西(刑)受案字〔2022〕0123号\n"
    "张某某：\n"
    "你（单位）于2022年5月3日报称的电动自行车被盗一案我单位已受理，受案登记表已存档。\n"
    "你可通过电话查询案件进展情况。\n"
    "办案民警：李某 联系电话：0000-1234567\n"
)
INTERROGATION = (
    "东江市公安局河西分局\n"
    "讯 问 笔 录\n"
    "（第 1 次）\n"
    "时间：2022年5月4日9时10分至2022年5月4日10时30分\n"
    "地点：河西分局执法办案中心第2讯问室\n"
    "讯问人：李某、王某 工作单位：河西派出所\n"
    "记录人：王某\n"
    "被讯问人：赵某某\n"
    "问：我们是东江市公安局河西分局的民警，现依法对你进行讯问，你应当如实供述，可以委托辩护人。\n"
    "答：明白。\n"
)
INTERVIEW = (
    "东江市公安局河西分局\n"
    "询 问 笔 录\n"
    "时间：2022年5月3日10时00分至2022年5月3日10时40分\n"
    "地点：河西派出所\n"
    "询问人：李某、王某\n"
    "记录人：王某\n"
    "被询问人：张某某\n"
    "问：你应当如实提供证据、证言，有意作伪证要负法律责任，你听清楚了吗？\n"
    "答：听清楚了。\n"
)
FILING = (
    "东江市公安局河西分局\n"
    "立 案 决 定 书\n"
    "东公西(刑)立字〔2022〕0088号\n"
    "根据《中华人民共和国刑事诉讼法》第一百一十二条之规定，决定对张某某被盗案立案侦查。\n"
    "东江市公安局河西分局\n"
    "二〇二二年五月四日\n"
)
DETENTION = (
    "拘 留 证\n"
    "东公西(刑)拘字〔2022〕0031号\n"
    "根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对犯罪嫌疑人赵某某执行拘留，送东江市看守所羁押。\n"
    "本证已于2022年5月4日11时向我宣布。\n"
    "被拘留人：赵某某\n"
)
DETENTION_NOTICE = (
    "东江市公安局\n"
    "拘 留 通 知 书\n"
    "东公(刑)拘通字〔2022〕0031号\n"
    "赵某：\n"
    "根据《中华人民共和国刑事诉讼法》第八十二条之规定，我局已于2022年5月4日11时将涉嫌盗窃罪的赵某某刑事拘留，"
    "现羁押在东江市看守所。\n"
)
ARREST_REQUEST = (
    "东江市公安局\n"
    "提 请 批 准 逮 捕 书\n"
    "东公(刑)提捕字〔2022〕0012号\n"
    "犯罪嫌疑人赵某某，男，1992年3月4日出生。\n"
    "此致\n东江市河西区人民检察院\n"
)
BAIL = (
    "取保候审决定书\n"
    "东公西(刑)取保字〔2022〕0005号\n"
    "犯罪嫌疑人赵某某，性别男，出生日期1992年3月4日。\n"
    "我局正在侦查张某某被盗案，因犯罪嫌疑人赵某某可能判处管制，根据《中华人民共和国刑事诉讼法》第六十七条之规定，"
    "决定对其取保候审，期限从2022年5月10日起算。犯罪嫌疑人应当交纳保证金（大写）贰仟元。\n"
)
PENALTY_DECISION = (
    "东江市公安局河西分局\n"
    "行 政 处 罚 决 定 书\n"
    "东公西(行)决字〔2022〕0321号\n"
    "违法行为人：钱某某，男，1988年7月8日出生。\n"
    "现查明：2022年5月2日10时许，钱某某在河西区中山路殴打他人。以上事实有被侵害人陈述等证据证实。\n"
    "根据《中华人民共和国治安管理处罚法》第四十三条第一款之规定，现决定对钱某某行政拘留五日。\n"
)
PENALTY_NOTICE = (
    "行政处罚告知笔录\n"
    "时间：2022年5月2日15时00分至15时20分\n"
    "告知人：李某、王某\n"
    "被告知人：钱某某\n"
    "问：我们依法告知你，公安机关拟作出行政拘留五日的处罚，你有陈述和申辩的权利。\n"
    "答：我不陈述申辩。\n"
)
ON_THE_SPOT = "当场处罚决定书\n东公西(行)当罚字〔2022〕0007号\n被处罚人：孙某某\n处以警告。\n"
SEIZURE_LIST = (
    "扣押物品、文件清单\n"
    "编号\t名称\t数量\t特征\t备注\n"
    "1\t手机\t1部\t黑色\t\n"
    "持有人：赵某某 见证人：周某某 侦查人员：李某、王某\n"
)
SCENE = "现场勘验检查笔录\n勘验时间：2022年5月3日8时至9时\n勘验地点：河西区某小区\n见证人：周某某\n"
IDENTIFICATION = "辨 认 笔 录\n时间：2022年5月5日\n辨认人：张某某\n辨认对象：混杂在10张照片中的犯罪嫌疑人照片\n"
MEDIATION = "治安调解协议书\n主持人：李某\n调解地点：河西派出所\n当事人双方自愿达成如下协议：\n"
EXPERT = (
    "东江市公安司法鉴定中心\n司法鉴定意见书\n东公鉴〔2022〕15号\n委托单位：河西派出所\n检材：血样一份\n鉴定意见：……\n"
)
EXPERT_NOTICE = "鉴定意见通知书\n东公西(刑)鉴通字〔2022〕0004号\n张某某：\n我局指派有关人员对……进行了鉴定。\n"
PRICE = "东江市价格认证中心\n价格认定结论书\n东价认〔2022〕21号\n价格认定基准日：2022年5月3日\n"
REQUEST = (
    "东江市公安局河西分局\n"
    "呈 请 拘 留 报 告 书\n"
    "犯罪嫌疑人赵某某涉嫌盗窃，……根据《中华人民共和国刑事诉讼法》第八十二条之规定，拟对其刑事拘留。\n"
    "妥否，请批示。\n"
)
SERVICE = "送 达 回 执\n送达文书名称及文号\t行政处罚决定书 东公西(行)决字〔2022〕0321号\n受送达人\t钱某某\n"
ARRIVAL = "到 案 经 过\n2022年5月4日8时许，民警李某、王某在河西区将犯罪嫌疑人赵某某抓获。\n特此说明。\n"
HOUSEHOLD = "常住人口信息\n姓名\t赵某某\t性别\t男\n公民身份号码\t000000199203040000\n户主姓名\t赵某\n"
NON_FILING = (
    "不予立案通知书\n东公西(刑)不立字〔2022〕0002号\n陈某：\n"
    "你于2022年4月1日控告的……一案，我局经审查认为没有犯罪事实。\n"
)
REPORT = "报 案 笔 录\n时间：2022年5月3日\n接待人：李某\n记录人：王某\n报案人：张某某\n"

REALISTIC = [
    (REGISTER, "case_acceptance_register", "受 案 登 记 表"),
    (RECEIPT, "case_acceptance_receipt", "受 案 回 执"),
    (INTERROGATION, "interrogation_record", "讯 问 笔 录"),
    (INTERVIEW, "interview_record", "询 问 笔 录"),
    (FILING, "case_filing_decision", "立 案 决 定 书"),
    (DETENTION, "detention_warrant", "拘 留 证"),
    (DETENTION_NOTICE, "detention_notice", "拘 留 通 知 书"),
    (ARREST_REQUEST, "arrest_request", "提 请 批 准 逮 捕 书"),
    (BAIL, "bail_decision", "取保候审决定书"),
    (PENALTY_DECISION, "administrative_penalty_decision", "行 政 处 罚 决 定 书"),
    (PENALTY_NOTICE, "penalty_notice_record", "行政处罚告知笔录"),
    (ON_THE_SPOT, "on_the_spot_penalty_decision", "当场处罚决定书"),
    (SEIZURE_LIST, "seizure_list", "扣押物品、文件清单"),
    (SCENE, "scene_inspection_record", "现场勘验检查笔录"),
    (IDENTIFICATION, "identification_record", "辨 认 笔 录"),
    (MEDIATION, "mediation_agreement", "治安调解协议书"),
    (EXPERT, "expert_opinion", "司法鉴定意见书"),
    (EXPERT_NOTICE, "expert_opinion_notice", "鉴定意见通知书"),
    (PRICE, "price_assessment", "价格认定结论书"),
    (REQUEST, "request_report", "呈 请 拘 留 报 告 书"),
    (SERVICE, "service_receipt", "送 达 回 执"),
    (ARRIVAL, "arrival_account", "到 案 经 过"),
    (HOUSEHOLD, "household_registration", "常住人口信息"),
    (NON_FILING, "non_filing_notice", "不予立案通知书"),
    (REPORT, "report_record", "报 案 笔 录"),
]


@pytest.mark.parametrize(("text", "doc_type", "title"), REALISTIC, ids=[r[1] for r in REALISTIC])
def test_realistic_documents(text: str, doc_type: str, title: str) -> None:
    result = classify(text, "scan.pdf")
    check_span(text, result)
    assert result.doc_type == doc_type
    assert result.name_zh == load_specs().doc_types[doc_type].name_zh
    assert result.title == title
    assert result.method in ("title", "title+markers")
    assert result.confidence >= 0.9


# --- titles: layouts ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "doc_type", "title"),
    [
        ("立案决定书（存根）\n案件名称 张某某被盗案\n", "case_filing_decision", "立案决定书"),
        ("传 唤 证（副本）\n根据《中华人民共和国刑事诉讼法》第一百一十九条", "criminal_summons", "传 唤 证"),
        ("释 放 通 知 书\n(存 根)\n东公(刑)释字〔2022〕1号\n", "release_notice", "释 放 通 知 书"),
        ("东公(刑)立字〔2022〕123号\n立案决定书\n", "case_filing_decision", "立案决定书"),
        ("受案登记表 东公(刑)受案字〔2022〕123号\n", "case_acceptance_register", "受案登记表"),  # 文号 on the line
        ("＿＿\n\n逮 捕 证\n(存 根)\n", "arrest_warrant", "逮 捕 证"),
        ("东江市公安局拘留通知书\n", "detention_notice", "拘留通知书"),  # agency name on the title line
        ("第1页 共2页\n东江市公安局\n询问笔录（第2次）\n", "interview_record", "询问笔录"),
        ("立案\n决定书\n东公(刑)立字〔2022〕1号\n", "case_filing_decision", "立案\n决定书"),  # wrapped PDF title
        ("决 定\n取保候审\n书\n执行通知\n(存 根)\n", "bail_decision", "决 定\n取保候审\n书\n执行通知"),  # brace layout
        (
            "决 定\n解除监视居住\n书\n通 知\n",
            "residential_surveillance_release_decision",
            "决 定\n解除监视居住\n书\n通 知",
        ),
        ("受案登记表\t\n案件来源\t☑报案\n", "case_acceptance_register", "受案登记表"),  # a table's title row
    ],
)
def test_title_layouts(text: str, doc_type: str, title: str) -> None:
    result = classify(text)
    check_span(text, result)
    assert (result.doc_type, result.title) == (doc_type, title)


def test_title_offsets_point_into_the_text() -> None:
    text = "东江市公安局河西分局\n受 案 登 记 表\n东公西(刑)受案字〔2022〕0123号\n"
    result = classify(text)
    assert (result.title_start, result.title_end) == (11, 20)
    assert text[11:20] == "受 案 登 记 表"


# --- titles run into a text without line breaks (court judgments as published: one line) -------------------------

_JUDGMENT_BODY = (
    "公诉机关东江市河西区人民检察院。被告人张某某，男，1990年1月1日出生。本院认为，被告人张某某犯盗窃罪。判决如下：" * 3
)


@pytest.mark.parametrize(
    ("text", "doc_type", "title"),
    [
        ("东江市河西区人民法院刑事判决书（2022）东0102刑初123号" + _JUDGMENT_BODY, "court_judgment", "刑事判决书"),
        # a heading of its own before the court's 首部, as judgment databases print it
        (
            "张某某盗窃一审刑事判决书东江市河西区人民法院刑事判决书（2022）东0102刑初123号：" + _JUDGMENT_BODY,
            "court_judgment",
            "刑事判决书",
        ),
        (
            "东江市林区基层法院刑事附带民事判决书（2022）东7501刑初5号" + _JUDGMENT_BODY,
            "court_judgment",
            "刑事附带民事判决书",
        ),
        (
            "东江市中级人民法院刑事裁定书 （2022）东01刑终45号 上诉人（原审被告人）张某某。本裁定为终审裁定。",
            "court_ruling",
            "刑事裁定书",
        ),
        (
            "刑事裁定书（2022）东01刑终45号上诉人（原审被告人）张某某，驳回上诉，维持原判。",
            "court_ruling",
            "刑事裁定书",
        ),
        # the 文号's prefix stands between the title and the bracketed year
        (
            "东江市河西区人民检察院起诉书东西检刑诉〔2022〕88号被告人张某某，本院审查查明，提起公诉。",
            "indictment",
            "起诉书",
        ),
        ("立案决定书东公(刑)立字〔2022〕123号案件名称张某某被盗案" + "，" * 200, "case_filing_decision", "立案决定书"),
    ],
)
def test_title_run_into_the_text(text: str, doc_type: str, title: str) -> None:
    result = classify(text)
    check_span(text, result)
    assert (result.doc_type, result.title) == (doc_type, title)
    assert result.method in ("title", "title+markers")


@pytest.mark.parametrize(
    "text",
    [
        # a judgment cited once the text has begun is prose, not the document's title
        "张某某有盗窃前科。东江市河西区人民法院刑事判决书（2021）东0102刑初9号认定其犯盗窃罪，判处拘役三个月。",
        # no number after the name: a sentence about the document
        "刑事判决书是人民法院对刑事案件作出的裁判文书，2022年（见附件）另行归档。",
    ],
)
def test_a_name_in_prose_is_no_run_in_title(text: str) -> None:
    assert classify_rules(text).doc_type not in ("court_judgment", "court_ruling")


def test_court_judgment_untitled_is_no_police_form() -> None:
    # body markers of a judgment (调解, 讯问 in its prose) outvoted by its own: 判决如下, 本院认为, 审判长 …
    text = (
        "经审理查明，双方曾经调解未果。讯问中被告人供认。本院认为，被告人犯盗窃罪。判决如下：审判长李某，书记员王某。"
    )
    assert classify_rules(text).doc_type == "court_judgment"


@pytest.mark.parametrize(
    ("title", "doc_type"),
    [
        ("取保候审决定书", "bail_decision"),
        ("解除取保候审决定书", "bail_release_decision"),
        ("监视居住决定书", "residential_surveillance_decision"),
        ("指定居所监视居住决定书", "residential_surveillance_decision"),
        ("解除监视居住通知书", "residential_surveillance_release_decision"),
        ("行政处罚决定书", "administrative_penalty_decision"),
        ("公安行政处罚决定书", "administrative_penalty_decision"),
        ("不予行政处罚决定书", "non_penalty_decision"),
        ("当场处罚决定书", "on_the_spot_penalty_decision"),
        ("拘留证", "detention_warrant"),
        ("拘留通知书", "detention_notice"),
        ("延长拘留期限通知书", "detention_extension_notice"),
        ("逮捕证", "arrest_warrant"),
        ("逮捕通知书", "arrest_notice"),
        ("提请批准逮捕书", "arrest_request"),
        ("鉴定意见通知书", "expert_opinion_notice"),
        ("法医学人体损伤程度鉴定书", "expert_opinion"),
        ("理化检验报告", "expert_opinion"),
        ("鉴定聘请书", "expert_engagement"),
        ("扣押决定书", "seizure_decision"),
        ("扣押清单", "seizure_list"),
        ("扣押笔录", "seizure_record"),
        ("结案审批表", "case_closing_approval"),
        ("行政处罚审批表", "approval_form"),
        ("刑事案件破案登记表", "case_solved_register"),
        ("受案回执", "case_acceptance_receipt"),
        ("接受刑事案件笔录", "report_record"),
        ("现场勘查笔录", "scene_inspection_record"),
        ("检查笔录", "inspection_record"),
        ("搜查证", "search_warrant"),
        ("抓获经过", "arrival_account"),
        ("户籍证明", "household_registration"),
        ("常住人口登记表", "household_registration"),
        ("行政处罚决定书送达回执", "service_receipt"),
        ("卷内文件目录", "file_index"),
        ("犯罪嫌疑人诉讼权利义务告知书", "rights_obligations_notice"),
    ],
)
def test_look_alike_titles(title: str, doc_type: str) -> None:
    assert classify(title + "\n").doc_type == doc_type


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("呈请立案报告书", "立案"),
        ("呈 请 拘 留 报 告 书", "拘留"),
        ("呈请延长拘留期限报告书", "延长拘留期限"),
        ("呈请对赵某某取保候审的报告", "对赵某某取保候审"),
    ],
)
def test_request_report_captures_its_subject(title: str, subject: str) -> None:
    result = classify(f"东江市公安局\n{title}\n")
    assert (result.doc_type, result.subject) == ("request_report", subject)


# --- look-alikes settled or flagged by the body -----------------------------------------------------------------


def test_interview_record_reading_like_an_interrogation_keeps_its_title_with_lower_confidence() -> None:
    text = INTERVIEW.replace("被询问人：张某某", "被讯问人：张某某").replace("询问人：李某", "讯问人：李某")
    text = text.replace("有意作伪证要负法律责任", "应当如实供述")
    result = classify(text)
    assert result.doc_type == "interview_record"
    assert result.method == "title"
    assert result.confidence < classify(INTERVIEW).confidence
    assert result.confidence <= 0.75
    assert result.alternatives == ["interrogation_record"]


def test_interview_and_interrogation_are_confirmed_by_their_own_markers() -> None:
    for text, doc_type in ((INTERVIEW, "interview_record"), (INTERROGATION, "interrogation_record")):
        result = classify(text)
        assert (result.doc_type, result.method) == (doc_type, "title+markers")
        assert result.confidence >= 0.95


def test_penalty_notice_record_is_not_an_interview() -> None:
    result = classify(PENALTY_NOTICE)
    assert (result.doc_type, result.method) == ("penalty_notice_record", "title+markers")


CRIMINAL_SUMMONS = (
    "东江市公安局河西分局\n传 唤 证\n东公西(刑)传字〔2022〕0016号\n"
    "根据《中华人民共和国刑事诉讼法》第一百一十九条之规定，兹传唤涉嫌盗窃罪的犯罪嫌疑人赵某某"
    "于2022年5月4日9时到河西派出所接受讯问。\n"
)
ADMIN_SUMMONS = (
    "东江市公安局河西分局\n传 唤 证\n东公西(行)传字〔2022〕0044号\n钱某某：\n"
    "因你涉嫌殴打他人，根据《中华人民共和国治安管理处罚法》第八十二条之规定，现传唤你于2022年5月2日14时前"
    "到河西派出所接受询问。无正当理由拒不接受传唤或者逃避传唤的，依法强制传唤。\n"
)


@pytest.mark.parametrize(
    ("text", "doc_type"),
    [(CRIMINAL_SUMMONS, "criminal_summons"), (ADMIN_SUMMONS, "administrative_summons")],
)
def test_summons_criminal_or_administrative_from_the_body(text: str, doc_type: str) -> None:
    result = classify(text)
    check_span(text, result)
    assert (result.doc_type, result.method, result.title) == (doc_type, "title+markers", "传 唤 证")
    other = {"criminal_summons", "administrative_summons"} - {doc_type}
    assert result.alternatives == sorted(other)


def test_summons_titled_with_its_kind_needs_no_markers() -> None:
    assert classify("传唤证（行政案件）\n").doc_type == "administrative_summons"
    assert classify("传唤证(刑事)\n").doc_type == "criminal_summons"


def test_bare_summons_is_an_uncertain_guess_unless_the_file_name_says() -> None:
    bare = classify("传 唤 证\n")
    assert bare.doc_type in ("criminal_summons", "administrative_summons")
    assert bare.confidence == 0.5
    assert len(bare.alternatives) == 1
    named = classify("传 唤 证\n", "案卷/05_传唤证(行政)_钱某某.pdf")
    assert (named.doc_type, named.method) == ("administrative_summons", "title")
    assert 0.5 < named.confidence < 0.9


def test_register_and_receipt_are_told_apart() -> None:
    assert classify(REGISTER).doc_type == "case_acceptance_register"
    receipt = classify(RECEIPT)  # its body mentions 受案登记表, its title decides
    assert (receipt.doc_type, receipt.confidence) == ("case_acceptance_receipt", 0.97)
    untitled_register = REGISTER.replace("受 案 登 记 表\n", "")
    assert classify(untitled_register).doc_type == "case_acceptance_register"


# --- fall-backs ---------------------------------------------------------------------------------------------------

UNTITLED_INTERROGATION = (
    "问：我们是河西派出所的民警，依法对你进行讯问，你要如实供述，听明白了吗？\n"
    "答：明白。\n问：你可以委托辩护人。\n答：知道。\n讯问人：李某 被讯问人：赵某某\n"
)


def test_body_markers_when_there_is_no_title() -> None:
    result = classify(UNTITLED_INTERROGATION)
    assert (result.doc_type, result.method, result.title) == ("interrogation_record", "markers", "")
    assert 0.3 <= result.confidence <= 0.65


def test_markers_and_file_name_agreeing_raise_confidence() -> None:
    alone = classify(UNTITLED_INTERROGATION)
    agreed = classify(UNTITLED_INTERROGATION, "03_讯问笔录(赵某某).docx")
    assert agreed.doc_type == alone.doc_type and agreed.confidence > alone.confidence


@pytest.mark.parametrize(
    ("source_name", "doc_type"),
    [
        ("03_讯问笔录(张某某).docx", "interrogation_record"),
        ("案卷/第一卷/07_询问笔录-张某某（第2次）.pdf", "interview_record"),
        ("combined.pdf#pages=3-5", "unknown"),
        ("受案登记表.PDF#pages=1-1", "case_acceptance_register"),
        ("12 解除取保候审决定书.docx", "bail_release_decision"),
        ("不予行政处罚决定书.docx", "non_penalty_decision"),
        ("呈请拘留报告书_赵某某.docx", "request_report"),
        ("scan_0001.jpg", "unknown"),
    ],
)
def test_file_name_fallback(source_name: str, doc_type: str) -> None:
    result = classify("本页无可识别文字。", source_name)
    assert result.doc_type == doc_type
    if doc_type == "unknown":
        assert (result.method, result.confidence) == ("none", 0.0)
    else:
        assert (result.method, result.confidence, result.title) == ("filename", 0.6, "")


def test_request_report_subject_from_the_file_name() -> None:
    assert classify("本页无可识别文字。", "呈请拘留报告书_赵某某.docx").subject == "拘留"


def test_title_beats_the_file_name() -> None:
    assert classify(FILING, "03_讯问笔录.docx").doc_type == "case_filing_decision"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n  \n",
        "今天天气很好，我们去公园玩。",
        "东江市公安局河西分局\n二〇二二年五月四日\n",
        "立案决定书是公安机关决定立案侦查时制作的法律文书，本段只是介绍它。",  # a sentence, not a title
    ],
)
def test_unknown(text: str) -> None:
    result = classify(text)
    assert result == Classification()
    assert (result.doc_type, result.name_zh, result.confidence, result.method) == ("unknown", "未识别", 0.0, "none")


def test_a_title_deep_in_the_body_is_not_a_title() -> None:
    text = "正文\n" + "这是一段很长的说明文字，没有标题。\n" * 40 + "立案决定书\n"
    assert classify(text).doc_type == "unknown"


# --- determinism and speed ----------------------------------------------------------------------------------------


def test_deterministic() -> None:
    for text, _, _ in REALISTIC:
        assert classify(text) == classify(text)


def test_fifty_pages_in_under_5_ms() -> None:
    page = "问：你把经过说一下？\n答：" + "那天晚上我在家里睡觉，后来听到有人敲门，" * 30 + "\n"
    titled = INTERROGATION + page * 50 * 4
    untitled = page * 50 * 4
    assert len(titled) > 100_000
    classify(titled)  # warm the compiled specs
    for text in (titled, untitled):
        best = min(_timed(text) for _ in range(5))
        assert best < 0.005, f"{best * 1000:.2f} ms"


def _timed(text: str) -> float:
    started = time.perf_counter()
    classify(text, "卷宗.pdf")
    return time.perf_counter() - started


# --- the 23 police form skeletons (../shared/data/police_forms) ---------------------------------------------------

SKELETON_TYPES = {
    "bgjyqx_变更羁押期限通知书.txt": "custody_period_change_notice",
    "chz_传唤证(行政).txt": "administrative_summons",
    "chzxs_传唤证(刑事).txt": "criminal_summons",
    "dbz_逮捕证.txt": "arrest_warrant",
    "jaspb_结案审批表.txt": "case_closing_approval",
    "jcjsjz_解除监视居住决定书(通知书).txt": "residential_surveillance_release_decision",
    "jcqbhs_解除取保候审决定书(通知书).txt": "bail_release_decision",
    "jcz_拘传证.txt": "compelled_appearance_warrant",
    "jlz_拘留证.txt": "detention_warrant",
    "jsjz_监视居住决定书(执行通知书).txt": "residential_surveillance_decision",
    "kyjds_扣押决定书.txt": "seizure_decision",
    "lajds_立案决定书.txt": "case_filing_decision",
    "padjb_刑事案件破案登记表.txt": "case_solved_register",
    "qbhs_取保候审决定书(执行通知书).txt": "bail_decision",
    "qsyjs_起诉意见书.txt": "prosecution_recommendation",
    "qzgljd_强制隔离戒毒决定书.txt": "compulsory_isolation_rehab_decision",
    "sadjb_受案登记表.txt": "case_acceptance_register",
    "sftzs_释放通知书.txt": "release_notice",
    "tqpzdbs_提请批准逮捕书.txt": "arrest_request",
    "xzcfjds_行政处罚决定书.txt": "administrative_penalty_decision",
    "ycjlqx_延长拘留期限通知书.txt": "detention_extension_notice",
    "zjbqjds_证据保全决定书.txt": "evidence_preservation_decision",
    "zlsqjd_责令社区戒毒决定书.txt": "community_rehab_order",
}
SUMMONS = {"criminal_summons", "administrative_summons"}


def _title_lines(text: str) -> str:
    """The skeleton's first title line as-is, or the four lines of a 决定/通知 brace title."""
    lines = [line for line in text.splitlines() if line.strip() and line.strip() != "＿＿"]
    if lines[0].replace(" ", "") == "决定":
        return "\n".join(lines[:4])
    return lines[0]


@pytest.mark.shared
@needs_police_forms
def test_skeleton_inventory_is_complete() -> None:
    index = json.loads((POLICE_FORMS / "index.json").read_text(encoding="utf-8"))
    assert {Path(item["file"]).name for item in index} == set(SKELETON_TYPES)


@pytest.mark.shared
@needs_police_forms
@pytest.mark.parametrize(("name", "doc_type"), sorted(SKELETON_TYPES.items()))
def test_skeleton_title_line_classifies(name: str, doc_type: str) -> None:
    title = _title_lines((POLICE_FORMS / name).read_text(encoding="utf-8"))
    result = classify(title)
    check_span(title, result)
    assert result.title == title
    if doc_type in SUMMONS:  # "传 唤 证" alone names both; the body decides (next test)
        assert result.doc_type in SUMMONS and result.confidence == 0.5
    else:
        assert result.doc_type == doc_type
        assert result.confidence >= 0.9


@pytest.mark.shared
@needs_police_forms
@pytest.mark.parametrize(("name", "doc_type"), sorted(SKELETON_TYPES.items()))
def test_skeleton_document_classifies(name: str, doc_type: str) -> None:
    text = (POLICE_FORMS / name).read_text(encoding="utf-8")
    result = classify(text)
    check_span(text, result)
    assert result.doc_type == doc_type
    assert result.method in ("title", "title+markers")
    assert result.confidence >= 0.85
