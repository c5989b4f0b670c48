"""Prose phrases that name a person (将涉嫌X罪的某某逮捕) are read across a PDF's printed line wrap, so that a
逮捕通知书 from a combined PDF still names its suspect and pairs with that suspect's 逮捕证 (CR-09)."""

from __future__ import annotations

import pytest

from nlp.case.persons import find_mentions
from nlp.labels import Role
from nlp.parsers.loader import LoadedFile
from nlp.reviewer import Reviewer
from nlp.schema import Document

NOTICE = (
    "南京市公安局玄武分局\n逮捕通知书\n宁公玄(刑)捕通字〔2024〕0031号\n何福强家属：\n"
    "经南京市玄武区人民检察院批准，我局已于2024年3月9日10时00分将涉嫌寻衅滋\n事罪的何福强逮捕，现羁押在南京市看守所。\n"
    "已于2024年3月11日9时00分电话通知被逮捕人姐姐何露瑶。\n南京市公安局玄武分局\n二〇二四年三月十一日\n"
)


def _warrant(n: int, name: str, day: int, day_zh: str) -> tuple[str, str]:
    return (
        f"逮捕证_{name}.txt",
        f"南京市公安局玄武分局\n逮捕证\n宁公玄(刑)捕字〔2024〕00{n}号\n根据《中华人民共和国刑事诉讼法》第八十条之规定，"
        f"经南京市玄武区人民检察院批准，兹由我局对涉嫌寻衅滋事罪的{name}（性别男，出生日期1990年3月15日）执行逮捕，"
        f"送南京市看守所羁押。\n南京市公安局玄武分局\n二〇二四年三月{day_zh}日\n"
        f"执行逮捕时间：2024年3月{day}日10时00分\n被逮捕人：{name}\n",
    )


def _doc(soft: bool) -> Document:
    breaks = [NOTICE.index("寻衅滋\n") + 3] if soft else []
    return Document(id="D01", source="逮捕通知书.pdf", format="pdf", sha256="", text=NOTICE, soft_breaks=breaks)


def test_suspect_named_across_a_soft_wrap() -> None:
    suspects = [p for p in find_mentions(_doc(soft=True)) if p.role == Role.SUSPECT]
    assert [(p.name, NOTICE[p.start : p.end]) for p in suspects] == [("何福强", "何福强")]


def test_hard_line_end_is_not_joined() -> None:
    assert [p for p in find_mentions(_doc(soft=False)) if p.role == Role.SUSPECT] == []


@pytest.fixture
def wrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    """The notice's "寻衅滋\\n事罪" break is a soft wrap, as the PDF parser reports one."""
    original = Reviewer._document

    def as_pdf(self: Reviewer, doc_id: str, loaded: LoadedFile) -> Document:
        doc = original(self, doc_id, loaded)
        if "寻衅滋\n" in doc.text:
            doc.soft_breaks = [doc.text.index("寻衅滋\n") + 3]
        return doc

    monkeypatch.setattr(Reviewer, "_document", as_pdf)


@pytest.mark.usefixtures("wrapped")
def test_late_notice_pairs_with_its_own_suspects_warrant(reviewer: Reviewer) -> None:
    """Two suspects: the notice (about 何福强, arrested on the 9th) is paired with his warrant, not the other's."""
    docs = [_warrant(31, "何福强", 9, "九"), _warrant(32, "张建军", 11, "十一"), ("逮捕通知书.txt", NOTICE)]
    case = reviewer.review_texts(docs, case_id="t")
    assert not case.errors and not case.warnings
    fired = [f for f in case.findings if f.rule_id == "CR-09"]
    assert len(fired) == 1 and "2024年3月9日10时00分" in fired[0].message, [f.message for f in fired]
