"""起诉意见书: the narrative 文书 that closes a criminal investigation (公安机关办理刑事案件程序规定 第二百八十九条).

Built for cases whose facts carry an arrest (``arrested``): the scenarios plan no 侦查终结 step, so the 移送审查起诉
date is drawn here, within the two months of 侦查羁押 after the arrest (刑事诉讼法 第一百五十六条) and after every
other act and 笔录 of the case. The paragraphs follow the 式样 and the habit of the 提请批准逮捕书: 基本情况 and
强制措施, 案件来源与侦查经过, 经依法侦查查明, the evidence, 共同犯罪中的地位、作用 where there are several suspects,
the legal basis and the opinion, 此致, the 落款 and the 附 lines.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from corpora.generator.documents_base import DATETIME, DOC_NUMBER, ORG, CaseContext, Writer, joined, person_seg, seg
from corpora.generator.documents_decisions import inline_person, penal_citation
from corpora.generator.documents_forms import citation, closing, received_at
from corpora.generator.documents_records import evidence_list
from corpora.generator.model import DocSpec

__all__ = ["add_prosecution_recommendation", "build_prosecution_recommendation"]

_HORIZON = date(2026, 11, 1)  # the corpus's papers are dated before this (scenarios._RECORD_HORIZON)
_SERIAL = re.compile(r"〔\d{4}〕(\d+)号$")


def _transfer_day(ctx: CaseContext) -> date | None:
    """The 移送审查起诉 day: 20 to 55 days after the arrest and after everything else the case records."""
    f = ctx.facts
    arrested = f.acts.get("arrested")
    if arrested is None:
        return None
    latest = max([*f.acts.values(), *(s.end for s in f.sessions)])
    day = max(arrested.date() + timedelta(days=ctx.rng.randint(20, 55)), latest.date() + timedelta(days=1))
    if day > _HORIZON or day > arrested.date() + timedelta(days=58):
        return None
    return day


def _number(ctx: CaseContext, day: date) -> str:
    """诉字 文号 of the transfer's year, its serial as wide as the case's other numbers."""
    f = ctx.facts
    width = 4
    for number in f.doc_numbers.values():
        m = _SERIAL.search(number)
        if m and f.agency.prefix in number:
            width = len(m.group(1))
            break
    serial = ctx.rng.randint(10, min(10**width - 1, 40 + day.timetuple().tm_yday * 2))
    number = f"{f.agency.prefix}(刑)诉字〔{day.year}〕{serial:0{width}d}号"
    f.doc_numbers["prosecution_recommendation"] = number
    ctx.add(number, DOC_NUMBER)
    return number


def build_prosecution_recommendation(ctx: CaseContext, day: date) -> DocSpec:
    f = ctx.facts
    rng = ctx.rng
    spec = DocSpec(doc_type="prosecution_recommendation", title="起诉意见书", file_stem="")
    w = Writer(ctx, spec)
    if rng.random() < 0.8:
        w.agency_header()
    w.title("起诉意见书", spaced=rng.random() < 0.4)
    w.sign(seg(_number(ctx, day), DOC_NUMBER, tag="doc_number"))
    detained, arrested = f.acts.get("detained"), f.acts["arrested"]
    for s in f.suspects:
        w.para(*inline_person(ctx, s, "suspect", "犯罪嫌疑人"))
    for s in f.suspects:
        measure: list[object] = ["犯罪嫌疑人", person_seg(s.name, "suspect"), f"因涉嫌{f.charge}，"]
        if detained is not None:
            measure += ["于", seg(ctx.style.day(detained.date()), DATETIME, tag="act:detained"), "被我局刑事拘留，"]
        measure += [
            "经",
            seg(f.agency.procuratorate, ORG),
            "批准，于",
            seg(ctx.style.day(arrested.date()), DATETIME, tag="act:arrested"),
            "被我局执行逮捕，现羁押于",
            seg(f.agency.detention_center, ORG),
            "。",
        ]
        w.para(*measure)  # type: ignore[arg-type]
    intro: list[object] = ["犯罪嫌疑人", person_seg(f.suspects[0].name, "suspect"), f"涉嫌{f.cause}一案，"]
    reporter = f.reporter
    if reporter is not None:
        rrole = "victim" if any(v.name == reporter.name for v in f.victims) else "reporter"
        intro += [
            "由被害人" if rrole == "victim" else "由报案人",
            person_seg(reporter.name, rrole),
            "于",
            seg(ctx.style.day(received_at(ctx).date()), DATETIME, tag="act:report_received"),
            "报案至我局。",
        ]
    else:
        intro += ["系我局在工作中发现。"]
    filed = f.acts.get("case_filed")
    if filed is not None:
        filed_seg = seg(ctx.style.day(filed.date()), DATETIME, tag="act:case_filed")
        intro += ["我局经过审查，于", filed_seg, "立案进行侦查。"]
    w.para(*intro)  # type: ignore[arg-type]
    w.para(rng.choice(["经依法侦查查明：", "经依法侦查查明，"]), *ctx.segment(f.narrative))
    w.para(rng.choice(["认定上述事实的证据如下：", "认定上述犯罪事实的证据如下："]))
    sources = evidence_list(ctx).split("、")
    if "seized" in f.acts and f.items:
        sources.append("扣押决定书、扣押清单")
    for n, item in enumerate(sources, start=1):
        w.para(f"{n}.", *ctx.segment(item), "；" if n < len(sources) else "。")
    w.para(rng.choice(["上述犯罪事实清楚，证据确实、充分，足以认定。", "上述事实清楚，证据确实充分，足以认定。"]))
    if len(f.suspects) > 1:
        lead, *rest = f.suspects
        roles: list[object] = ["在共同犯罪中，犯罪嫌疑人", person_seg(lead.name, "suspect"), "起主要作用，系主犯"]
        for s in rest:
            roles += ["；犯罪嫌疑人", person_seg(s.name, "suspect"), "起次要作用，系从犯"]
        w.para(*roles, "。")  # type: ignore[arg-type]
    names = joined([person_seg(s.name, "suspect") for s in f.suspects])
    w.para(
        "综上所述，犯罪嫌疑人",
        *names,
        "的行为已触犯",
        *penal_citation(ctx),
        f"之规定，涉嫌{f.charge}。依照",
        *citation("第一百六十二条"),
        "之规定，现将此案移送审查起诉。",
    )
    w.para("此致")
    w.para(seg(f.agency.procuratorate, ORG))
    closing(w, day)
    w.para("附：1.本案卷宗", f"{rng.randint(1, 3)}卷{rng.randint(60, 260)}页。")
    items = "、".join(i.name for i in f.items) if "seized" in f.acts and f.items else "无"
    w.para("2.随案移交物品：", *ctx.segment(items), "。")
    for s in f.suspects:
        w.para("3.犯罪嫌疑人", person_seg(s.name, "suspect"), "现羁押于", seg(f.agency.detention_center, ORG), "。")
    return spec


def add_prosecution_recommendation(ctx: CaseContext, out: list[tuple[str, DocSpec]]) -> None:
    """Append the 起诉意见书 where the facts reach an arrest and its day falls inside the corpus's horizon."""
    day = _transfer_day(ctx)
    if day is not None:
        out.append(("起诉意见书", build_prosecution_recommendation(ctx, day)))
