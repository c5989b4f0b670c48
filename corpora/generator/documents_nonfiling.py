"""A criminal case that ends in 不予立案 after 受案 and 调查核实 (issue #5): 呈请不予立案报告书 (not every file keeps
one), 不予立案通知书 to the 控告人, and its 送达回执 — written only where the facts' acts say the decision was taken.

The notice follows the 2012 式样 (“你于…提出控告的…一案，我局经审查认为…，决定不予立案。如不服本决定，可以在收到本
通知书之日起七日以内向…申请复议”); its 存根 rows follow the other 存根 of documents_forms.py. Tags: a form value by
its label, "act:non_filing_decided" and "act:non_filing_served" wherever those moments are written.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from corpora.generator.documents_base import (
    CASE_NUMBER,
    DATETIME,
    DOC_NUMBER,
    LOCATION,
    ORG,
    CaseContext,
    Writer,
    field_segs,
    person_seg,
    seg,
    value_segs,
)
from corpora.generator.documents_forms import (
    _stub_tail,
    case_name_segs,
    citation,
    closing,
    doc_number,
    label_cells,
    minute_or_day,
    number_line,
    officer_segs,
    received_at,
    station_full,
    unit,
)
from corpora.generator.model import DocSpec

CPL_NON_FILING = "第一百一十二条"
# The 复议 notice the 控告人 must be given (程序规定 第一百七十九条第一款).
REVIEW_RIGHT = "如不服本决定，可以在收到本通知书之日起七日以内向{agency}申请复议。"


def non_filing_reason(ctx: CaseContext) -> str:
    return str(ctx.facts.extras.get("non_filing_reason") or "没有犯罪事实")


def build_non_filing_request(ctx: CaseContext) -> DocSpec:
    """呈请不予立案报告书: the investigator's account and the approval that makes the decision."""
    f = ctx.facts
    rng = ctx.rng
    decided: datetime = f.acts["non_filing_decided"]
    written = decided - timedelta(minutes=rng.choice([40, 60, 90, 120]))
    reporter = f.reporter
    assert reporter is not None
    role = ctx.role_of(reporter)
    spec = DocSpec(doc_type="request_report", title="呈请不予立案报告书", file_stem="")
    w = Writer(ctx, spec)
    if rng.random() < 0.6:
        w.agency_header()
    w.title("呈请不予立案报告书", spaced=rng.random() < 0.3)
    w.para(
        "控告人",
        person_seg(reporter.name, role),
        "于",
        seg(ctx.style.day(received_at(ctx).date()), DATETIME),
        "到我所控告",
        *case_name_segs(ctx, bare=True),
        "一事，我所当日受案后进行了调查核实，询问了控告人及有关证人。",
    )
    w.para(
        f"经调查，认为{non_filing_reason(ctx)}。根据",
        *citation(CPL_NON_FILING),
        "之规定，拟不予立案，并制作不予立案通知书送达控告人。",
    )
    w.para("妥否，请批示。")
    w.para(*field_segs("承办人", officer_segs(ctx, "承办人"), ctx))
    w.para(*field_segs("办案部门意见", "同意不予立案。", ctx))
    w.para(*field_segs("领导批示", "同意。", ctx))
    w.para(
        *field_segs("批准人", person_seg(f.approver, "approver", "批准人"), ctx),
        " ",
        *field_segs("批准时间", seg(ctx.style.minute(decided), DATETIME, tag="act:non_filing_decided"), ctx),
    )
    spec.date = written.date()
    return spec


def build_non_filing_notice(ctx: CaseContext) -> DocSpec:
    """不予立案通知书 to the 控告人 (刑诉法 第一百一十二条; 程序规定 第一百七十八条第二款、第一百七十九条)."""
    f = ctx.facts
    rng = ctx.rng
    decided: datetime = f.acts["non_filing_decided"]
    reporter = f.reporter
    assert reporter is not None
    role = ctx.role_of(reporter)
    reason = non_filing_reason(ctx)
    spec = DocSpec(doc_type="non_filing_notice", title="不予立案通知书", file_stem="")
    w = Writer(ctx, spec)
    spaced = rng.random() < 0.5
    stub = rng.random() < 0.5
    if stub:
        w.title("不予立案通知书", spaced=spaced)
        w.para("（存根）")
        number_line(w, "non_filing_notice")
        w.row(*label_cells(ctx, "案件名称", case_name_segs(ctx)))
        w.row("案件编号", seg(f.case_number, CASE_NUMBER, tag="案件编号"))
        w.row("控告人", person_seg(reporter.name, role, "控告人"))
        w.row(*label_cells(ctx, "不立案原因", reason))
        _stub_tail(w, decided, decided, "act:non_filing_decided", minute=rng.random() < 0.5)
        w.title("不予立案通知书", spaced=spaced)
        number_line(w, "non_filing_notice")
    else:
        if rng.random() < 0.7:
            w.agency_header()
        w.title("不予立案通知书", spaced=spaced)
        number_line(w, "non_filing_notice")
    w.para(person_seg(reporter.name, role), "：")
    w.para(
        "你于",
        seg(ctx.style.day(received_at(ctx).date()), DATETIME),
        "提出控告的",
        *case_name_segs(ctx, bare=True),
        f"一案，我局经审查认为{reason}，根据",
        *citation(CPL_NON_FILING),
        "之规定，决定不予立案。",
    )
    w.para(REVIEW_RIGHT.format(agency=f.agency.name))
    closing(w, decided.date(), tag="doc_date" if stub else "act:non_filing_decided")
    if stub:
        w.para("此联交控告人")
    return spec


def build_non_filing_receipt(ctx: CaseContext) -> DocSpec:
    """送达回执 of the 不予立案通知书, signed by the 控告人."""
    f = ctx.facts
    rng = ctx.rng
    served: datetime = f.acts["non_filing_served"]
    reporter = f.reporter
    assert reporter is not None
    role = ctx.role_of(reporter)
    spec = DocSpec(doc_type="service_receipt", title="送达回执", file_stem="")
    w = Writer(ctx, spec)
    if rng.random() < 0.6:
        w.agency_header()
    w.title("送达回执", spaced=rng.random() < 0.4)
    number = doc_number(ctx, "non_filing_notice")
    w.row(
        "送达文书名称及文号",
        value_segs([seg("不予立案通知书 "), seg(number, DOC_NUMBER)], ctx, "送达文书名称及文号"),
    )
    w.row("受送达人", person_seg(reporter.name, role, "受送达人"))
    place = seg(station_full(ctx), ORG) if rng.random() < 0.7 else seg(reporter.address, LOCATION)
    w.row(*label_cells(ctx, "送达地点", place))
    w.row("送达时间", minute_or_day(ctx, served, "act:non_filing_served", True))
    w.row(*label_cells(ctx, "送达方式", "直接送达"))
    w.row("受送达人签名", person_seg(reporter.name, role, "受送达人签名"))
    w.row("送达人", officer_segs(ctx, "送达人"))
    w.sign(seg(unit(ctx), ORG), "（印）")
    w.sign(seg(ctx.style.day(served.date()), DATETIME, tag="act:non_filing_served"))
    spec.date = served.date()
    return spec


def add_non_filing(ctx: CaseContext, out: list[tuple[str, DocSpec]]) -> None:
    """The decision's papers, in file order; the report is kept in some files only."""
    if ctx.facts.extras.get("non_filing_report"):
        out.append(("呈请不予立案报告书", build_non_filing_request(ctx)))
    out.append(("不予立案通知书", build_non_filing_notice(ctx)))
    out.append(("不予立案通知书送达回执", build_non_filing_receipt(ctx)))


__all__ = ["REVIEW_RIGHT", "add_non_filing", "build_non_filing_notice", "non_filing_reason"]
