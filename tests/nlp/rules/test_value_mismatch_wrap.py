"""value_mismatch (CON-06) reads a value across a PDF's printed line wrap (``Document.soft_breaks``)."""

from __future__ import annotations

import pytest

from nlp.parsers.loader import LoadedFile
from nlp.reviewer import Reviewer
from nlp.schema import Document

SUMMONS = (
    "传唤证\n宁公玄(刑)传字〔2024〕00{n}号\n根据《中华人民共和国刑事诉讼法》第一百一十九条第一款之规定，兹传唤涉嫌\n"
    "{charge}的犯罪嫌疑人王建军（性别男，出生日期1990年3月15日）于2024年3月{day}日10时到南京市公安局玄武分局"
    "接受讯问。\n南京市公安局玄武分局\n2024年3月{day}日\n"
)


def _summons(n: int, charge: str, day: int) -> tuple[str, str]:
    return f"传唤证_{n}.txt", SUMMONS.format(n=n, charge=charge, day=day)


@pytest.fixture
def wrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each summons' "涉嫌\\n" break is a soft wrap, as the PDF parser reports one."""
    original = Reviewer._document

    def as_pdf(self: Reviewer, doc_id: str, loaded: LoadedFile) -> Document:
        doc = original(self, doc_id, loaded)
        doc.soft_breaks = [doc.text.index("涉嫌\n") + 2]
        return doc

    monkeypatch.setattr(Reviewer, "_document", as_pdf)


def _fired(reviewer: Reviewer, *docs: tuple[str, str]) -> list[str]:
    case = reviewer.review_texts(list(docs), case_id="t")
    assert not case.errors and not case.warnings
    return [f.message for f in case.findings if f.rule_id == "CON-06"]


@pytest.mark.usefixtures("wrapped")
def test_charge_wrapped_after_shexian_is_compared(reviewer: Reviewer) -> None:
    msgs = _fired(reviewer, _summons(11, "掩饰、隐瞒犯罪所得罪", 2), _summons(12, "故意伤害罪", 6))
    assert len(msgs) == 1 and "故意伤害罪" in msgs[0] and "掩饰、隐瞒犯罪所得罪" in msgs[0]


@pytest.mark.usefixtures("wrapped")
def test_same_charge_wrapped_is_silent(reviewer: Reviewer) -> None:
    assert _fired(reviewer, _summons(11, "故意伤害罪", 2), _summons(12, "故意伤害罪", 6)) == []


def test_hard_line_end_after_shexian_is_not_joined(reviewer: Reviewer) -> None:
    # without a soft wrap the break is a real line end: nothing is read, so nothing is compared
    assert _fired(reviewer, _summons(11, "盗窃罪", 2), _summons(12, "故意伤害罪", 6)) == []


DECISION = (
    "行政处罚决定书\n宁公玄(行)决字〔2024〕0101号\n违法行为人王建军，男，1990年3月15日出生。\n"
    "现决定给予王建军罚款五百元的处罚。\n如不服本决定，可以在收到本决定书之日起三十日内向南京市玄武区人民政府申\n"
    "请行政复议或者在六个月内依法向南京市玄武区人民法院提起行政诉讼。\n南京市公安局玄武分局\n2024年3月8日\n"
)


def test_appeal_period_wrapped_inside_the_term_is_read(reviewer: Reviewer, monkeypatch: pytest.MonkeyPatch) -> None:
    # CON-13 (expected_wording) reads "申\n请行政复议" whole when the break is a PDF soft wrap.
    original = Reviewer._document

    def as_pdf(self: Reviewer, doc_id: str, loaded: LoadedFile) -> Document:
        doc = original(self, doc_id, loaded)
        doc.soft_breaks = [doc.text.index("申\n请") + 1]
        return doc

    monkeypatch.setattr(Reviewer, "_document", as_pdf)
    case = reviewer.review_texts([("行政处罚决定书.txt", DECISION)], case_id="t")
    found = [f for f in case.findings if f.rule_id == "CON-13"]
    assert len(found) == 1 and found[0].evidence[0].text == "三十"
    right = DECISION.replace("三十日内", "六十日内")
    case = reviewer.review_texts([("行政处罚决定书.txt", right)], case_id="t")
    assert not [f for f in case.findings if f.rule_id == "CON-13"]
