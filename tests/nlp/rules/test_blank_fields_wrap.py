"""EL-CR-01-1 reads a 受案登记表's labels after a table cell the PDF wrapped onto a second printed line."""

from __future__ import annotations

import pytest

from nlp.parsers.loader import LoadedFile
from nlp.reviewer import Reviewer
from nlp.schema import Document

# A PDF table row as the parser gives it: the 接报民警 cell wraps ("赵\n刚"), so the labels after it start the
# next printed line behind the cell's tail.
REGISTER = (
    "受 案 登 记 表\n宁公玄(刑)受案字〔2024〕0123号\n受案单位：南京市公安局玄武分局珠江路派出所\n"
    "案件来源 ☑报案 □投案 □移送 □扭送 □其他\n报案人 姓名 陈某某 性别 女 出生日期 1985年12月6日\n"
    "接报民警 李明、赵\n刚 接报时间 {time}接报地点 南京市玄武区珠江路1号\n"
    "简要案情或者报案记录：\n2024年2月29日22时许，报案人陈某某的电动自行车被盗。未接收证据。\n"
    "受案意见 □属本单位管辖的行政案件，建议及时调查处理\n☑属本单位管辖的刑事案件，建议及时立案侦查\n"
    "受案民警 李明、赵刚 受案时间 2024年03月01日10时05分\n"
)


@pytest.fixture
def wrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    """The "赵\\n刚" break is a soft wrap, as the PDF parser reports one."""
    original = Reviewer._document

    def as_pdf(self: Reviewer, doc_id: str, loaded: LoadedFile) -> Document:
        doc = original(self, doc_id, loaded)
        doc.soft_breaks = [doc.text.index("赵\n刚") + 1]
        return doc

    monkeypatch.setattr(Reviewer, "_document", as_pdf)


def _fired(reviewer: Reviewer, time: str) -> list[tuple[str, str]]:
    case = reviewer.review_texts([("受案登记表.txt", REGISTER.format(time=time))], case_id="t")
    assert not case.errors and not case.warnings
    return [(f.message, f.evidence[0].text) for f in case.findings if f.rule_id == "EL-CR-01-1"]


@pytest.mark.usefixtures("wrapped")
def test_blank_time_after_wrapped_cell_is_reported(reviewer: Reviewer) -> None:
    fired = _fired(reviewer, "")
    assert len(fired) == 1
    message, evidence = fired[0]
    assert "接报时间" in message and evidence == "接报时间"  # the label as written in the document's text


@pytest.mark.usefixtures("wrapped")
def test_filled_time_after_wrapped_cell_is_silent(reviewer: Reviewer) -> None:
    assert _fired(reviewer, "2024年03月01日9时20分 ") == []
