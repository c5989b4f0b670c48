"""Form fields: colon and table layouts, blanks, underscores, check boxes, with exact offsets. Content is fictional."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.doctypes.classify import classify
from nlp.doctypes.fields import extract_fields
from nlp.doctypes.specs import FieldKind, load_specs
from nlp.schema import FormField

REPO = Path(__file__).resolve().parents[3]


POLICE_FORMS = REPO.parent / "shared" / "data" / "police_forms"
needs_police_forms = pytest.mark.skipif(
    not (POLICE_FORMS / "index.json").is_file(),
    reason=f"{POLICE_FORMS} is absent (the shared data folder is not checked out beside the repository)",
)

Row = tuple[str, str, int, int, int, int]  # label, value, start, end, label_start, label_end


def rows(text: str, doc_type: str) -> list[Row]:
    out = []
    for f in extract_fields(text, doc_type):
        check(text, f)
        out.append((f.label, f.value, f.start, f.end, f.label_start, f.label_end))
    return out


def check(text: str, f: FormField) -> None:
    assert text[f.start : f.end] == f.value
    assert f.label_start < f.label_end <= f.start <= f.end
    if not f.value:
        assert f.start == f.end == f.label_end  # a blank points right after its label


REG = "case_acceptance_register"
INT = "interrogation_record"

CASES: list[tuple[str, str, str, list[Row]]] = [
    # --- colon and table layouts
    ("colon", REG, "接报时间：2022年5月3日9时20分", [("接报时间", "2022年5月3日9时20分", 5, 19, 0, 4)]),
    ("table cell", REG, "接报时间\t2022年5月3日9时20分", [("接报时间", "2022年5月3日9时20分", 5, 19, 0, 4)]),
    (
        "table row of pairs",
        REG,
        "姓名\t张某某\t性别\t男\t出生日期\t1990年1月1日",
        [("姓名", "张某某", 3, 6, 0, 2), ("性别", "男", 10, 11, 7, 9), ("出生日期", "1990年1月1日", 17, 26, 12, 16)],
    ),
    (
        "several colon labels on a line",
        INT,
        "讯问人：李某、王某  记录人：王某",
        [("讯问人", "李某、王某", 4, 9, 0, 3), ("记录人", "王某", 15, 17, 11, 14)],
    ),
    (
        "comma-separated colon labels",
        INT,
        "被讯问人：赵某某，性别：男，出生日期：1992年3月4日",
        [
            ("被讯问人", "赵某某", 5, 8, 0, 4),
            ("性别", "男", 12, 13, 9, 11),
            ("出生日期", "1992年3月4日", 19, 28, 14, 18),
        ],
    ),
    (
        "space-separated PDF row",
        INT,
        "被讯问人 张某某 性别 男 出生日期 1990年1月1日",
        [
            ("被讯问人", "张某某", 5, 8, 0, 4),
            ("性别", "男", 12, 13, 9, 11),
            ("出生日期", "1990年1月1日", 19, 28, 14, 18),
        ],
    ),
    (
        "space-separated 时间 with spaced digits",
        INT,
        "时间 2022 年 5 月 3 日 9 时 20 分至 10 时 30 分",
        [("时间", "2022 年 5 月 3 日 9 时 20 分至 10 时 30 分", 3, 37, 0, 2)],
    ),
    (
        "（签名） after the label",
        INT,
        "讯问人（签名）李某、王某 工作单位 河西派出所",
        [("讯问人", "李某、王某", 7, 12, 0, 3), ("工作单位", "河西派出所", 18, 23, 13, 17)],
    ),
    ("letter-spaced label", REG, "姓 名\t张某某", [("姓名", "张某某", 4, 7, 0, 3)]),
    ("alias reported as the canonical label", INT, "讯问时间：2022年5月4日", [("时间", "2022年5月4日", 5, 14, 0, 4)]),
    (
        "enumerated section label",
        "price_assessment",
        "一、价格认定标的：黑色手机一部",
        [("价格认定标的", "黑色手机一部", 9, 15, 2, 8)],
    ),
    # --- blanks
    ("blank after colon", REG, "接报时间：", [("接报时间", "", 4, 4, 0, 4)]),
    ("blank cell", REG, "接报时间\t", [("接报时间", "", 4, 4, 0, 4)]),
    ("blank underscores after a space", REG, "接报时间 ＿＿＿＿", [("接报时间", "", 4, 4, 0, 4)]),
    ("blank ASCII underscores after colon", REG, "接报时间：______", [("接报时间", "", 4, 4, 0, 4)]),
    (
        "blank cell between filled cells",
        REG,
        "接报民警\t李某\t接报时间\t\t接报地点\t河西派出所",
        [("接报民警", "李某", 5, 7, 0, 4), ("接报时间", "", 12, 12, 8, 12), ("接报地点", "河西派出所", 19, 24, 14, 18)],
    ),
    (
        "unfilled date template",
        "criminal_summons",
        "被传唤人到达时间______年______月______日______时。",
        [("被传唤人到达时间", "", 8, 8, 0, 8)],
    ),
    (
        "blank inside a sentence",
        "detention_warrant",
        "兹决定对犯罪嫌疑人＿＿(性别＿＿，出生日期＿＿，住址",
        [("出生日期", "", 21, 21, 17, 21)],
    ),
    ("seal reminder is not a value", "detention_warrant", "接收民警: (看守所印)", [("接收民警", "", 4, 4, 0, 4)]),
    (
        "unknown label ends the value",
        "case_solved_register",
        "承办人：＿＿ 批注：＿＿",
        [("承办人", "", 3, 3, 0, 3)],
    ),
    # --- values written in blanks
    (
        "date filled into an underlined blank",
        "compelled_appearance_warrant",
        "拘传到案时间2022年5月3日9时。",
        [("拘传到案时间", "2022年5月3日9时", 6, 17, 0, 6)],
    ),
    (
        "signature reminder dropped",
        "compelled_appearance_warrant",
        "被拘传人：张某某(捺指印)",
        [("被拘传人", "张某某", 5, 8, 0, 4)],
    ),
    # --- check boxes
    ("checkbox on the line", REG, "案件来源 □110指令 ☑报案 □投案", [("案件来源", "报案", 13, 15, 0, 4)]),
    (
        "checkbox in the next cell",
        REG,
        "受案意见\t☑属本单位管辖的刑事案件，建议及时立案侦查",
        [("受案意见", "属本单位管辖的刑事案件，建议及时立案侦查", 6, 26, 0, 4)],
    ),
    ("nothing checked", REG, "案件来源\t□110指令\t□报案\t□投案", [("案件来源", "", 4, 4, 0, 4)]),
    (
        "two options checked (☑ and ☒)",
        REG,
        "案件来源：□110指令 ☑报案 ☒扭送 □其他",
        [("案件来源", "报案", 13, 15, 0, 4), ("案件来源", "扭送", 17, 19, 0, 4)],
    ),
    (
        "options one per line below the label",
        REG,
        "案件来源\n□ 110指令\n☑ 报案\n□ 投案\n接报民警：李某",
        [("案件来源", "报案", 15, 17, 0, 4), ("接报民警", "李某", 28, 30, 23, 27)],
    ),
    ("checkbox field written as text", REG, "案件来源：报案", [("案件来源", "报案", 5, 7, 0, 4)]),
    ("checkbox field left as underscores", REG, "受案意见：＿＿＿＿＿＿", [("受案意见", "", 4, 4, 0, 4)]),
    # --- narratives and group headers
    (
        "narrative below its label",
        REG,
        "简要案情：\n2022年5月3日，张某某报称其手机被盗。\n损失约3000元。\n受案意见\t☑其他",
        [
            ("简要案情", "2022年5月3日，张某某报称其手机被盗。\n损失约3000元。", 6, 37, 0, 4),
            ("受案意见", "其他", 44, 46, 38, 42),
        ],
    ),
    (
        "narrative ends at a table row that a plain-text copy joined with spaces",
        REG,
        "简要案情：\n2022年5月3日，张某某报称其手机被盗。\n受案意见 ☑\n□属本单位管辖的刑事案件，建议及时立案侦查\n"
        "受案民警 李某 受案时间 2022年5月3日",
        [
            ("简要案情", "2022年5月3日，张某某报称其手机被盗。", 6, 27, 0, 4),
            ("受案意见", "", 32, 32, 28, 32),  # a tick beside no words: nothing was chosen
            ("受案民警", "李某", 62, 64, 57, 61),
            ("受案时间", "2022年5月3日", 70, 79, 65, 69),
        ],
    ),
    (
        "long skeleton label of 简要案情",
        REG,
        "简要案情或者报案记录（发案时间、地点）以及是否接收证据：手机被盗。",
        [("简要案情", "手机被盗。", 28, 33, 0, 27)],
    ),
    ("group header row is not a field", REG, "报案人\t姓名\t张某某", [("姓名", "张某某", 7, 10, 4, 6)]),
    ("group header with its own value", REG, "报案人：周某某", [("报案人", "周某某", 4, 7, 0, 3)]),
]


@pytest.mark.parametrize(("doc_type", "text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_layouts(doc_type: str, text: str, expected: list[Row]) -> None:
    assert rows(text, doc_type) == expected


# --- precision: labels inside prose are not fields ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("doc_type", "text"),
    [
        (REG, "问：接报时间：你是什么时候报警的？"),  # a label after "问：" is a question, not a form row
        (REG, "2022年5月3日，报案人张某某称其手机被盗。"),
        (REG, "接报时间为次日上午。"),  # the label word glued to running text
        (
            "case_filing_decision",
            "现查明，犯罪嫌疑人 张某某于2022年5月3日在某小区实施盗窃，价值约3000元，案件名称 暂定。",
        ),
        (INT, "问：你的姓名、性别、出生日期？\n答：我叫赵某某，男，1992年3月4日出生。"),
        ("unknown", "接报时间：2022年5月3日"),
        ("no_such_type", "接报时间：2022年5月3日"),
        ("prosecution_recommendation", "犯罪嫌疑人：赵某某"),  # a narrative type without fields
        (REG, ""),
    ],
)
def test_no_fields(doc_type: str, text: str) -> None:
    assert extract_fields(text, doc_type) == []


def test_only_the_spec_labels_of_the_type() -> None:
    text = "接报时间：2022年5月3日\n讯问人：李某"
    assert [f.label for f in extract_fields(text, REG)] == ["接报时间"]
    assert [f.label for f in extract_fields(text, INT)] == ["讯问人"]


def test_narrative_keeps_later_labels_on_its_line_as_text() -> None:
    text = "简要案情：报案人 张某某称 接报时间：当晚"
    assert rows(text, REG) == [("简要案情", "报案人 张某某称 接报时间：当晚", 5, 21, 0, 4)]


# --- whole documents ------------------------------------------------------------------------------------------------

REGISTER = (
    "东江市公安局河西分局\n"
    "受 案 登 记 表\n"
    "东公西(刑)受案字〔2022〕0123号\n"
    "案件来源\t□110指令\t□工作中发现\t☑报案\t□投案\n"
    "报案人\t姓名\t张某某\t性别\t男\t出生日期\t1990年1月1日\n"
    "身份证件种类\t居民身份证\t证件号码\t000000199001010000\n"
    "接报民警\t李某、王某\t接报时间\t\t接报地点\t河西派出所\n"
    "简要案情或者报案记录：2022年5月3日凌晨，报案人张某某停放在小区的电动自行车被盗。\n"
    "受案意见\t☑属本单位管辖的刑事案件，建议及时立案侦查\n"
    "受案民警：李某\n"
    "受案审批\n"
    "受案部门负责人：＿＿＿＿\n"
)


def test_register_document() -> None:
    assert classify(REGISTER).doc_type == REG
    fields = {f.label: f.value for f in extract_fields(REGISTER, REG)}
    assert fields == {
        "案件来源": "报案",
        "姓名": "张某某",
        "性别": "男",
        "出生日期": "1990年1月1日",
        "身份证件种类": "居民身份证",
        "证件号码": "000000199001010000",
        "接报民警": "李某、王某",
        "接报时间": "",
        "接报地点": "河西派出所",
        "简要案情": "2022年5月3日凌晨，报案人张某某停放在小区的电动自行车被盗。",
        "受案意见": "属本单位管辖的刑事案件，建议及时立案侦查",
        "受案民警": "李某",
        "受案部门负责人": "",
    }


INTERROGATION = (
    "讯 问 笔 录\n"
    "（第 1 次）\n"
    "时间 2022 年 5 月 4 日 9 时 10 分至 2022 年 5 月 4 日 10 时 30 分\n"
    "地点 河西分局执法办案中心第2讯问室\n"
    "讯问人（签名） 李某、王某 工作单位 河西派出所\n"
    "记录人（签名） 工作单位 河西派出所\n"
    "被讯问人 赵某某 性别 男 年龄 30 出生日期 1992年3月4日\n"
    "身份证件种类及号码 居民身份证 000000199203040000\n"
    "现住址 东江市河西区某路1号 联系方式 00000000000\n"
    "户籍所在地 东江市河西区\n"
    "问：我们是东江市公安局河西分局的民警，现依法对你进行讯问。你的姓名？\n"
    "答：赵某某。\n"
)


def test_printed_interrogation_header() -> None:
    fields = [(f.label, f.value) for f in extract_fields(INTERROGATION, INT)]
    assert fields == [
        ("时间", "2022 年 5 月 4 日 9 时 10 分至 2022 年 5 月 4 日 10 时 30 分"),
        ("地点", "河西分局执法办案中心第2讯问室"),
        ("讯问人", "李某、王某"),
        ("工作单位", "河西派出所"),
        ("记录人", ""),  # the 记录人 was left unsigned
        ("工作单位", "河西派出所"),
        ("被讯问人", "赵某某"),
        ("性别", "男"),
        ("年龄", "30"),
        ("出生日期", "1992年3月4日"),
        ("身份证件种类及号码", "居民身份证 000000199203040000"),
        ("现住址", "东江市河西区某路1号"),
        ("联系方式", "00000000000"),
        ("户籍所在地", "东江市河西区"),
    ]


def test_every_type_with_fields_reads_a_colon_form_of_its_labels() -> None:
    """For each type, a form of "label：value" lines gives back exactly those values, in order."""
    for key, spec in load_specs().doc_types.items():
        labelled = [f for f in spec.fields if f.kind not in (FieldKind.CHECKBOX, FieldKind.GROUP)]
        if not labelled:
            continue
        text = "\n".join(f"{f.label}：值{n}" for n, f in enumerate(labelled))
        got = [(f.label, f.value) for f in extract_fields(text, key)]
        assert got == [(f.label, f"值{n}") for n, f in enumerate(labelled)], key


# --- the police form skeletons are blank forms -------------------------------------------------------------------


@pytest.mark.shared
@needs_police_forms
def test_skeleton_fields_are_all_blank() -> None:
    paths = sorted(POLICE_FORMS.glob("*.txt"))
    assert len(paths) == 23
    for path in paths:
        text = path.read_text(encoding="utf-8")
        doc_type = classify(text).doc_type
        spec = load_specs().doc_types[doc_type]
        fields = extract_fields(text, doc_type)
        for f in fields:
            check(text, f)
        assert [(f.label, f.value) for f in fields if f.value] == [], path.name
        # Every required label the skeleton prints on one line is found, as a blank field.
        found = {f.label for f in fields}
        printed = [
            f.label
            for f in spec.fields
            if f.required and f.source.startswith("police_forms/") and any(s in text for s in f.spellings)
        ]
        assert [label for label in printed if label not in found] == [], path.name
        assert bool(fields) == bool(spec.fields), path.name
