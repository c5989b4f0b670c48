"""Roles in notices: the victim who signs a 鉴定意见通知书 as 被告知人 stays the victim."""

from __future__ import annotations

from nlp.case.persons import find_mentions
from nlp.labels import Role
from nlp.reviewer import Reviewer

VICTIM_NOTICE = (
    "鉴定意见通知书\n穗公天(刑)鉴通字〔2019〕00689号\n被害人周某某：\n我局聘请物证鉴定所对周某某的人体损伤程度进行了鉴定。"
    "鉴定意见是：轻伤二级。\n如果你对该鉴定意见有异议，可以提出补充鉴定或者重新鉴定的申请。\n二〇一九年十月二日\n"
    "本通知书已收到。\n被告知人：周某某（捺指印）\n"
)
SUSPECT_NOTICE = VICTIM_NOTICE.replace("被害人周某某：", "犯罪嫌疑人周某某：")


def _roles(name: str, text: str) -> dict[str, set[Role | None]]:
    doc = Reviewer().review_texts([(name, text)]).documents[0]
    out: dict[str, set[Role | None]] = {}
    for p in find_mentions(doc):
        out.setdefault(p.name, set()).add(p.role)
    return out


def test_victim_signing_a_notice_stays_the_victim() -> None:
    assert _roles("鉴定意见通知书.txt", VICTIM_NOTICE)["周某某"] == {Role.VICTIM}


def test_suspect_signing_a_notice_stays_the_suspect() -> None:
    assert Role.SUSPECT in _roles("鉴定意见通知书.txt", SUSPECT_NOTICE)["周某某"]
