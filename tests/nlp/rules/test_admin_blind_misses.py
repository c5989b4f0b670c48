"""Administrative findings lost in blind evaluation (seeds 781-783): a PDF wrap read as the end of a name
(被处罚人应当\\n自收到 taken for a second suspect, CON-09-2 silent), a wrapped matter (寻衅滋\\n事, AD-19), and a
suspect's name variant on a paper without his ID number splitting one suspect in two (ACC-11 silent)."""

from __future__ import annotations

import pytest

from nlp.case.persons import find_mentions
from nlp.labels import Role
from nlp.parsers.loader import LoadedFile
from nlp.reviewer import Reviewer
from nlp.schema import CaseFile, Document

# Where a test document wraps: the "\n" inside each of these is a soft break, as the PDF parser reports one.
SOFT = ("被处罚人应当\n自", "寻衅滋\n事")


@pytest.fixture
def wrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    original = Reviewer._document

    def as_pdf(self: Reviewer, doc_id: str, loaded: LoadedFile) -> Document:
        doc = original(self, doc_id, loaded)
        doc.soft_breaks = sorted(doc.text.index(w) + w.index("\n") for w in SOFT if w in doc.text)
        return doc

    monkeypatch.setattr(Reviewer, "_document", as_pdf)


def _fired(reviewer: Reviewer, *docs: tuple[str, str]) -> dict[str, list[list[str]]]:
    case: CaseFile = reviewer.review_texts(list(docs), case_id="t")
    assert not case.errors and not case.warnings
    out: dict[str, list[list[str]]] = {}
    for f in case.findings:
        out.setdefault(f.rule_id, []).append([e.text for e in f.evidence])
    return out


APPROVAL = (
    "行政处罚审批表\n违法嫌疑人\t梁志强\t性别\t男\n身份证件号码\t320324199801082337\n承办人意见\t违法嫌疑人梁志强的行为已构成"
    "盗窃，事实清楚，证据确实充分，建议根据《中华人民共和国治安管理处罚法》第四十九条之规定，对其行政拘留八日，并处罚款一百元。\n"
    "批准人\t陈玉东\t批准时间\t2020年7月23日11时02分\n"
)
DECISION = (
    "西安市公安局雁塔分局\n行政处罚决定书\n西公雁(行)行罚决字〔2020〕0827号\n违法行为人：梁志强，男，1998年1月8日出生，"
    "身份证件种类及号码：居民身份证320324199801082337。\n现查明：2020年7月16日4时许，违法行为人梁志强在雁塔区某小区地下车库内"
    "将被侵害人欧阳嘉的电动自行车电瓶一块盗走，价值人民币290元。\n根据《中华人民共和国治安管理处罚法》第四十九条之规定，"
    "现决定对梁志强行政拘留五日，并处罚款一百元。\n执行方式和期限：由西安市公安局雁塔分局送西安市拘留所执行。被处罚人应当\n"
    "自收到本决定书之日起十五日内到指定银行缴纳罚款。\n西安市公安局雁塔分局\n2020年7月23日\n"
)


def test_wrap_after_a_role_word_names_nobody() -> None:
    breaks = [DECISION.index("被处罚人应当\n") + 6]
    doc = Document(id="D01", source="决定书.pdf", format="pdf", sha256="", text=DECISION, soft_breaks=breaks)
    suspects = {p.name for p in find_mentions(doc) if p.role == Role.SUSPECT}
    assert suspects == {"梁志强"}


@pytest.mark.usefixtures("wrapped")
def test_decision_differing_from_approval_despite_wrapped_boilerplate(reviewer: Reviewer) -> None:
    fired = _fired(reviewer, ("行政处罚审批表.txt", APPROVAL), ("行政处罚决定书.txt", DECISION))
    assert fired.get("CON-09-2") == [["行政拘留五日，并处罚款一百元", "行政拘留八日，并处罚款一百元"]]


MEDIATION = (
    "治安调解协议书\n成公武(行)调字〔2022〕0646号\n主持人：刘小玲、刘子浩\n甲方当事人：宋健德\n乙方当事人：余新荣\n"
    "主要事实：2022年6月9日17时许，宋健德在武侯区某小吃店内无故摔砸碗碟、起哄闹事，并推搡前来劝阻的余新荣，其行为属寻衅滋\n"
    "事。\n协议内容：经调解，双方自愿达成如下协议：甲方宋健德赔偿乙方余新荣各项损失共计人民币2000元。\n二〇二二年六月九日\n"
)


@pytest.mark.usefixtures("wrapped")
def test_mediated_provocation_wrapped_by_a_pdf(reviewer: Reviewer) -> None:
    assert _fired(reviewer, ("治安调解协议书.txt", MEDIATION)).get("AD-19") == [["寻衅滋\n事"]]


# One suspect: the 传唤证 writes his name as told (徐永江, no ID number there), the 询问笔录 beside his ID number,
# the 决定书 with a miswritten name (徐永明) beside the same number.
_ID = "410105197904142235"
REGISTER = (
    "受案登记表\n郑公金(治)受案字〔2020〕00834号\n报案人\t姓名\t郭斌鸿\n接报时间\t2020年2月23日3时49分\n"
    "简要案情：一名男子骗取被侵害人郭斌鸿人民币1300元。\n受案意见\t☑属本单位管辖的行政案件，建议及时调查处理\n"
    "受案时间\t2020年2月23日3时54分\n"
)
SUMMONS = (
    "传唤证\n郑公金(治)传字〔2020〕00120号\n徐永江：\n因你涉嫌诈骗，根据《中华人民共和国治安管理处罚法》第八十二条第一款之规定，"
    "现传唤你于2020年2月26日19时前到丰产路派出所接受询问。\n郑州市公安局金水区分局\n二〇二〇年二月二十六日\n"
    "被传唤人到达时间：2020年2月26日18时30分\n被传唤人：徐永江\n"
)
RECORD = (
    "询问笔录\n时间：2020年2月26日18时41分至2020年2月26日19时23分\n询问人：林长良、肖清彪\n记录人：肖清彪\n"
    f"被询问人：徐永江 性别：男 出生日期：1979年4月14日\n身份证件种类及号码：居民身份证 {_ID}\n"
    "问：把事情的经过如实讲一下。\n答：我说能帮人代办驾照学习，从郭斌鸿那里拿了1300元。\n"
)
PENALTY = (
    "行政处罚决定书\n郑公金(治)行罚决字〔2020〕00634号\n违法行为人：徐永明\n性别：男 出生日期：1979年4月14日\n"
    f"身份证件种类及号码：居民身份证 {_ID}\n"
    "现查明：2019年4月20日17时许，违法行为人徐永明谎称能够代办驾驶证，骗取被侵害人郭斌鸿人民币1300元。\n"
    "根据《中华人民共和国治安管理处罚法》第四十九条之规定，现决定对徐永明行政拘留六日。\n郑州市公安局金水区分局\n"
    "二〇二〇年三月二日\n"
)


def test_limitation_lapse_seen_through_a_name_variant(reviewer: Reviewer) -> None:
    docs = [
        ("受案登记表.txt", REGISTER),
        ("传唤证.txt", SUMMONS),
        ("询问笔录.txt", RECORD),
        ("行政处罚决定书.txt", PENALTY),
    ]
    assert _fired(reviewer, *docs).get("ACC-11") == [["2019年4月20日17时许", "2020年2月23日3时54分"]]
