"""Builds the hand-made sample case files in corpora/samples (fictional people, places and numbers).

    python corpora/samples/build_samples.py

Each case folder gets the documents (.docx forms as Word tables, text PDFs, a zip); ``<case>.planted.json`` beside
it lists the problems deliberately written into it: the rule each should trigger, the file, the exact evidence text.
The end-to-end test reviews every case and requires exactly these findings, nothing else.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

from docx import Document as DocxDocument
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).parent
FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

# Fictional identities; ID numbers are valid under GB 11643 unless a case plants an error.
WANG_ID = "320102199003151239"  # 王某某, 男, 1990-03-15
WANG_ID_OTHER = "320102199003151255"  # a second valid number for the same name: an inconsistency
CHEN_ID_BAD = "320102198512060024"  # 陈某某: check digit should be 3
ZHOU_ID = "320106199207080079"  # 周某某, 男, 1992-07-08
WU_ID = "32010419880101005X"  # 吴某, 男, 1988-01-01


class _GbkNameInfo(zipfile.ZipInfo):
    """A zip member whose name is stored as GBK bytes without the UTF-8 flag, as Windows archivers write it."""

    def __init__(self, name: str) -> None:
        super().__init__(name, date_time=(2024, 3, 8, 9, 0, 0))

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:  # zipfile's hook for the stored name bytes
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def _docx(paragraphs_and_tables: list[object], path: Path) -> None:
    doc = DocxDocument()
    style = doc.styles["Normal"]
    style.font.size = Pt(11)  # type: ignore[attr-defined]
    for item in paragraphs_and_tables:
        if isinstance(item, str):
            doc.add_paragraph(item)
        else:
            rows: list[list[str]] = item  # type: ignore[assignment]
            width = max(len(r) for r in rows)
            table = doc.add_table(rows=len(rows), cols=width)
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
                if len(row) < width:  # a value spanning the rest of the row, as on the printed forms
                    table.cell(r, len(row) - 1).merge(table.cell(r, width - 1))
    doc.core_properties.author = "JuanShen sample"
    doc.save(str(path))


def _pdf(lines: list[str], path: Path, lines_per_page: int = 40) -> None:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    _, height = A4
    for start in range(0, len(lines), lines_per_page):
        y = height - 60
        for line in lines[start : start + lines_per_page]:
            c.setFont(FONT, 16 if line == lines[0] and start == 0 else 11)
            c.drawString(60, y, line)
            y -= 18
        c.showPage()
    c.save()


def criminal_case(root: Path) -> list[dict[str, str]]:
    """盗窃 criminal case: 受案 → 立案 → 询问 → 讯问 → 拘留 → 拘留通知 → 提请批捕 (in a zip)."""
    root.mkdir(parents=True)
    _docx(
        [
            "南京市公安局玄武分局",
            "受案登记表",
            "宁公玄(刑)受案字〔2024〕0123号",
            [
                ["案件来源", "☑报案  □110指令  □工作中发现  □投案  □移送  □扭送  □其他"],
                ["报案人", "姓名", "陈某某", "性别", "女", "出生日期", "1985年12月6日"],
                ["身份证件种类", "居民身份证", "证件号码", "320102198512060023"],
                ["联系方式", "13912345678", "现住址", "南京市玄武区珠江路88号"],
                ["接报民警", "李明、赵刚", "接报时间", "2024年3月1日9时20分", "接报地点", "珠江路派出所"],
                [
                    "简要案情",
                    "2024年2月29日22时许，报案人陈某某停放在珠江路88号楼下的电动自行车被盗，"
                    "价值人民币4200元。未接收证据。",
                ],
                ["受案意见", "☑属本单位管辖的刑事案件，建议及时立案侦查"],
                ["受案民警", "李明"],
                ["受案审批", "同意。受案部门负责人：孙某  2024年3月1日"],
            ],
            "一式两份，一份附卷，一份存根",
        ],
        root / "01_受案登记表.docx",
    )
    _docx(
        [
            "南京市公安局玄武分局",
            "立 案 决 定 书",
            "宁公玄(刑)立字〔2024〕0088号",
            "根据《中华人民共和国刑事诉讼法》第一百一十二条之规定，决定对陈某某电动自行车被盗案立案侦查。",
            "南京市公安局玄武分局（印）",
            "二〇二四年三月一日",
        ],
        root / "02_立案决定书.docx",
    )
    _docx(
        [
            "询问笔录",
            "时间：2024年3月1日10时00分至2024年3月1日10时40分",
            "地点：南京市公安局玄武分局珠江路派出所",
            "询问人：李明、赵刚",
            "记录人：赵刚",
            "被询问人：陈某某  性别：女  出生日期：1985年12月6日",
            f"身份证件种类及号码：居民身份证 {CHEN_ID_BAD}",
            "问：我们是南京市公安局玄武分局珠江路派出所的民警，现依法向你询问，你要如实回答。听清楚了吗？",
            "答：听清楚了。",
            "问：你来派出所有什么事？",
            "答：我的电动自行车昨晚在楼下被偷了，是去年花4200元买的。",
            "问：以上所说是否属实？",
            "答：属实。以上笔录我看过，和我说的相符。",
        ],
        root / "03_询问笔录_陈某某.docx",
    )
    _pdf(
        [
            "讯问笔录",
            "时间：2024年3月2日14时10分至2024年3月2日15时30分",
            "地点：南京市公安局玄武分局执法办案中心第3讯问室",
            "讯问人：李明",
            "记录人：李明",
            "被讯问人：王某某  性别：男  出生日期：1990年3月15日",
            f"身份证件种类及号码：居民身份证 {WANG_ID}",
            "问：我们是南京市公安局玄武分局的侦查人员，现依法对你进行讯问。你有如实供述的义务。",
            "答：明白。",
            "问：你因何事被传唤？",
            "答：2月29日晚上我在珠江路88号楼下偷了一辆电动自行车。",
            "问：偷来的车在哪里？",
            "答：以800元卖给了收二手车的人。",
            "问：以上所说是否属实？",
            "答：属实。以上笔录我看过，和我说的相符。",
        ],
        root / "04_讯问笔录_王某某.pdf",
    )
    _docx(
        [
            "南京市公安局玄武分局",
            "拘 留 证",
            "宁公玄(刑)拘字〔2024〕0045号",
            [
                ["犯罪嫌疑人", "王某某", "性别", "男", "出生日期", "1990年3月15日"],
                ["身份证号码", WANG_ID_OTHER],
                ["住址", "南京市玄武区北京东路1号"],
                ["拘留原因", "涉嫌盗窃罪"],
                ["批准人", "孙某", "批准时间", "2024年3月2日"],
                ["执行人", "李明、赵刚", "执行拘留时间", "2024年3月2日16时30分"],
            ],
            "根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对犯罪嫌疑人王某某执行拘留，送南京市看守所羁押。",
            "本证已于2024年3月2日16时30分向我宣布。",
            "南京市公安局玄武分局（印）",
            "二〇二四年三月二日",
        ],
        root / "05_拘留证.docx",
    )
    _pdf(
        [
            "拘留通知书",
            "宁公玄(刑)拘通字〔2024〕0045号",
            "王某某家属：",
            "根据《中华人民共和国刑事诉讼法》第八十二条之规定，我局已于2024年3月2日16时30分",
            "将涉嫌盗窃罪的王某某刑事拘留，现羁押在南京市看守所。",
            "南京市公安局玄武分局（印）",
            "二〇二四年三月五日",
            "通知时间：2024年3月5日10时00分    通知方式：电话",
        ],
        root / "06_拘留通知书.pdf",
    )
    # The last papers arrive as a zip with GBK-encoded member names, as Windows archivers write them.
    report = (
        "南京市公安局玄武分局\n提请批准逮捕书\n宁公玄(刑)提捕字〔2024〕0012号\n"
        f"犯罪嫌疑人王某某，男，1990年3月15日出生，公民身份号码{WANG_ID}，住南京市玄武区北京东路1号。\n"
        "经依法侦查查明：2024年2月29日22时许，犯罪嫌疑人王某某在南京市玄武区珠江路88号楼下，"
        "窃取被害人陈某某电动自行车一辆，价值人民币4200元。\n"
        "犯罪嫌疑人王某某的行为已触犯《中华人民共和国刑法》第二百六十四条之规定，涉嫌盗窃罪，"
        "依照《中华人民共和国刑事诉讼法》第八十一条、第八十七条之规定，特提请批准逮捕。\n"
        "此致\n南京市玄武区人民检察院\n南京市公安局玄武分局（印）\n二〇二四年三月八日\n"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        info = _GbkNameInfo("补充材料/07_提请批准逮捕书.txt")
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, report.encode("gb18030"))
    (root / "补充材料.zip").write_bytes(buf.getvalue())
    return [
        {"rule_id": "CON-02-1", "source": "03_询问笔录_陈某某.docx", "evidence": CHEN_ID_BAD},
        {"rule_id": "PER-01", "source": "04_讯问笔录_王某某.pdf", "evidence": "讯问人：李明"},
        {"rule_id": "CON-02-2", "source": "04_讯问笔录_王某某.pdf", "evidence": WANG_ID},
        {"rule_id": "CR-04", "source": "05_拘留证.docx", "evidence": "2024年3月2日16时30分"},
        # Not planted on purpose: the 提请批准逮捕书 (3月8日) is six days after 拘留 with no extension on file;
        # the CR-06 rule found it once it existed, so it is recorded here as a real problem of this sample.
        {"rule_id": "CR-06", "source": "05_拘留证.docx", "evidence": "2024年3月2日16时30分"},
        # Also real, found once EL-CR-10 existed: this short 提请批准逮捕书 has no 案件来源与侦查经过, no evidence and
        # no 社会危险性 reasons.
        {"rule_id": "EL-CR-10", "source": "补充材料.zip/补充材料/07_提请批准逮捕书.txt", "evidence": "提请批准逮捕书"},
    ]


def admin_case(root: Path) -> list[dict[str, str]]:
    """治安 theft case handled with an administrative penalty: 受案 → 询问 → 决定书 (no 告知笔录)."""
    root.mkdir(parents=True)
    _docx(
        [
            "南京市公安局鼓楼分局",
            "受案登记表",
            "宁公鼓(治)受案字〔2024〕0456号",
            [
                ["案件来源", "☑110指令"],
                ["报案人", "姓名", "郑某某", "性别", "女"],
                ["接报民警", "孙强、钱伟", "接报时间", "", "接报地点", "湖南路派出所"],
                ["简要案情", "2024年6月1日15时许，某超市报称有人盗窃电动自行车一辆。"],
                ["受案意见", "☑属本单位管辖的行政案件，建议及时调查处理"],
                ["受案民警", "孙强"],
            ],
        ],
        root / "受案登记表.docx",
    )
    _docx(
        [
            "询问笔录",
            "时间：2024年6月1日16时00分至2024年6月1日16时50分",
            "地点：南京市公安局鼓楼分局湖南路派出所",
            "询问人：孙强、钱伟",
            "记录人：钱伟",
            "被询问人：吴某  性别：男  出生日期：1988年1月1日",
            f"身份证件种类及号码：居民身份证 {WU_ID}",
            "问：你今天下午做了什么？",
            "答：我在超市门口把一辆没锁的电动自行车骑走了。",
            "问：以上所说是否属实？",
            "答：属实。以上笔录我看过，和我说的相符。",
        ],
        root / "询问笔录_吴某.docx",
    )
    _pdf(
        [
            "行政处罚决定书",
            "宁公鼓(治)行罚决字〔2024〕0321号",
            f"违法行为人：吴某，男，1988年1月1日出生，公民身份号码{WU_ID}，住南京市鼓楼区。",
            "现查明：2024年6月1日15时许，吴某在南京市鼓楼区某超市门口盗窃电动自行车一辆，",
            "经价格认定价值人民币4800元。以上事实有吴某的陈述和申辩、监控视频等证据证实。",
            "根据《中华人民共和国治安管理处罚法》第五十八条之规定，现决定对吴某行政拘留十日。",
            "执行方式和期限：送南京市拘留所执行。",
            "如不服本决定，可以在收到本决定书之日起六十日内向南京市鼓楼区人民政府申请行政复议，",
            "或者在六个月内依法向南京市鼓楼区人民法院提起行政诉讼。",
            "南京市公安局鼓楼分局（印）",
            "二〇二四年六月三日",
        ],
        root / "行政处罚决定书.pdf",
    )
    return [
        {"rule_id": "EL-CR-01-1", "source": "受案登记表.docx", "evidence": "接报时间"},
        {"rule_id": "AD-08-1", "source": "行政处罚决定书.pdf", "evidence": "行政处罚决定书"},
        {"rule_id": "CIT-01", "source": "行政处罚决定书.pdf", "evidence": "《中华人民共和国治安管理处罚法》第五十八条"},
        {"rule_id": "THR-01", "source": "行政处罚决定书.pdf", "evidence": "人民币4800元"},
        # Real, found once AD-11 existed: 行政拘留 with no notice to the family anywhere in the file.
        {"rule_id": "AD-11", "source": "行政处罚决定书.pdf", "evidence": "行政拘留十日"},
    ]


CASES = {"criminal_theft": criminal_case, "admin_theft": admin_case}


def main() -> None:
    for name, build in CASES.items():
        root = HERE / name
        if root.exists():
            shutil.rmtree(root)
        planted = build(root)
        (HERE / f"{name}.planted.json").write_text(
            json.dumps(planted, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
