"""Criminal papers beyond the first custody: 报案笔录, 取保候审决定书 and its 解除 (监视居住 alike), 逮捕证 and
逮捕通知书, 鉴定聘请书 and 鉴定意见通知书 — each written only where the facts' acts say the step was taken (issue #5).

Field inventories follow the form skeletons in ../shared/data/police_forms (逮捕证, 取保候审决定书, 解除取保候审决定书
存根 rows); the 报案笔录, 鉴定聘请书 and 鉴定意见通知书 follow the 2012 式样 as printed by the case-handling systems.
Tags: a form value by its label ("取保原因", "鉴定事项" …) and "act:<act>" wherever an act's moment is written.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from corpora.generator.documents_base import (
    CASE_NUMBER,
    DATETIME,
    DOC_NUMBER,
    ID_NUMBER,
    LOCATION,
    ORG,
    PHONE,
    CaseContext,
    Writer,
    field_segs,
    person_seg,
    seg,
    value_segs,
)
from corpora.generator.documents_decisions import appraisal_info, appraisal_kind
from corpora.generator.documents_forms import (
    _stub_person,
    _stub_tail,
    case_name_segs,
    citation,
    closing,
    family_of,
    header,
    label_cells,
    minute_or_day,
    number_line,
    officer_segs,
    officers_of,
    procedure_citation,
    station_full,
    unit,
)
from corpora.generator.model import DocSpec, Person, Seg
from corpora.generator.textutil import cn_number

CPL_BAIL = "第六十七条"
CPL_BAIL_LIFT = "第七十九条"
CPL_ARREST_EXEC = "第八十条"
CPL_APPRAISAL = "第一百四十六条"
CPL_OPINION_NOTICE = "第一百四十八条"
# What the 鉴定意见通知书 must tell: the right to ask for a further or a new appraisal (刑诉法 第一百四十八条).
OPINION_RIGHTS = "如果你对该鉴定意见有异议，可以提出补充鉴定或者重新鉴定的申请。"


# --- 报案笔录 -------------------------------------------------------------------------------------------------------


def build_report_record(ctx: CaseContext) -> DocSpec:
    """The record of a report made at the station's counter, taken before the 受案 (程序规定 第一百六十九条)."""
    f = ctx.facts
    rng = ctx.rng
    start, end = f.extras["report_record"]  # type: ignore[misc]
    reporter = f.reporter
    assert reporter is not None
    role = ctx.role_of(reporter)
    spec = DocSpec(doc_type="report_record", title="报案笔录", file_stem="", date=end.date())
    w = Writer(ctx, spec)
    if rng.random() < 0.35:
        w.agency_header()
    w.title(rng.choice(["报案笔录", "接受刑事案件笔录"]))
    span = [seg(ctx.style.minute(start), DATETIME), "至", seg(ctx.style.minute(end), DATETIME)]
    w.para(*field_segs("时间", span, ctx))
    w.para(*field_segs("地点", station_full(ctx) + rng.choice(["接报案室", "值班室", "报案接待室"]), ctx))
    askers = officers_of(ctx)
    w.para(*field_segs("接待人", officer_segs(ctx, "接待人"), ctx))
    w.para(*field_segs("记录人", person_seg(askers[-1], "recorder", "记录人"), ctx))
    w.para(
        *field_segs("报案人", person_seg(reporter.name, role, "报案人"), ctx),
        " ",
        *field_segs("性别", seg(reporter.gender, tag=f"gender:{reporter.name}"), ctx),
        " ",
        *field_segs("出生日期", seg(ctx.style.day(reporter.birth), DATETIME, tag=f"birth:{reporter.name}"), ctx),
    )
    id_value = [seg("居民身份证 "), seg(reporter.id_number, ID_NUMBER, tag=f"id:{reporter.name}")]
    w.para(*field_segs("身份证件种类及号码", id_value, ctx))
    w.para(*field_segs("现住址", reporter.address, ctx), " ", *field_segs("联系方式", seg(reporter.phone, PHONE), ctx))
    w.qa("问：", "我们是", seg(station_full(ctx), ORG), "的民警，你来派出所有什么事？")
    w.qa("答：", "我来报案。")
    w.qa("问：", "请你把事情经过详细说一下。")
    w.qa("答：", _account(ctx, reporter))
    w.qa(
        "问：",
        "根据法律规定，报案应当如实陈述，不得捏造、歪曲事实，诬告陷害他人将依法承担法律责任，你听清楚了吗？",
    )
    w.qa("答：", "听清楚了，我说的都是实话。")
    w.qa("问：", "你还有什么要补充的吗？")
    w.qa("答：", "没有了。")
    w.sign(rng.choice(["以上笔录我看过，和我说的相符。", "以上笔录已向我宣读，和我说的一样。"]))
    w.sign(*field_segs("报案人", person_seg(reporter.name, role), ctx), "（捺指印）")
    w.sign(seg(ctx.style.day(end.date()), DATETIME, tag="doc_date"))
    return spec


def _account(ctx: CaseContext, reporter: Person) -> str:
    """The reporter's own account: the longest answer of their first 询问 (the narrative names what is found later)."""
    for s in ctx.facts.sessions:
        if s.person is reporter and s.qa:
            return max((a for _, a in s.qa), key=len)
    return f"{ctx.facts.case_name.removesuffix('案')}，我来报案。"


# --- 取保候审 -------------------------------------------------------------------------------------------------------


def _bail_terms(ctx: CaseContext) -> tuple[str, Person | None, int]:
    bail = ctx.facts.extras.get("bail")
    if isinstance(bail, dict) and bail.get("kind") == "保证人" and isinstance(bail.get("guarantor"), Person):
        return "保证人", bail["guarantor"], 0
    amount = int(bail.get("amount", 2000)) if isinstance(bail, dict) else 2000
    return "保证金", None, amount


def _executor(ctx: CaseContext) -> str:
    """The 派出所 executes the measure (程序规定 第八十八条)."""
    return station_full(ctx)


def _particulars(ctx: CaseContext, person: Person, opening: str) -> list[str | Seg]:
    """性别, 出生日期 and 住址 of a suspect in a measure's paper, tagged for the identity defects."""
    return [
        f"{opening}性别",
        seg(person.gender, tag=f"gender:{person.name}"),
        "，出生日期",
        seg(ctx.style.day(person.birth), DATETIME, tag=f"birth:{person.name}"),
        "，住址",
        seg(person.address, LOCATION),
    ]


def build_bail_decision(ctx: CaseContext, person: Person) -> DocSpec:
    f = ctx.facts
    rng = ctx.rng
    bailed: datetime = f.acts["bail_granted"]
    approved = bailed - timedelta(minutes=rng.choice([15, 20, 30, 40]))
    _, guarantor, amount = _bail_terms(ctx)
    reason = rng.choice(
        ["可能判处管制、拘役或者独立适用附加刑", "可能判处有期徒刑以上刑罚，采取取保候审不致发生社会危险性"]
    )
    if person.guardian is not None:
        reason = "系未成年人，采取取保候审不致发生社会危险性"
    if f.case_type == "dangerous_driving":
        reason = "可能判处拘役"
    if "arrest_disapproval_received" in f.acts:  # 变更 after 不批准逮捕 (刑诉法 第九十一条第三款)
        reason = "人民检察院不批准逮捕，需要继续侦查，" + reason
    spec = DocSpec(doc_type="bail_decision", title="取保候审决定书", file_stem="")
    w = Writer(ctx, spec)
    spaced = rng.random() < 0.5
    stub = rng.random() < 0.5
    if stub:
        w.title("取保候审决定书", spaced=spaced)
        w.para("（存根）")
        number_line(w, "bail_decision")
        w.row(*label_cells(ctx, "案件名称", case_name_segs(ctx)))
        w.row("案件编号", seg(f.case_number, CASE_NUMBER, tag="案件编号"))
        _stub_person(w, "取保候审人", person, with_address=True)
        w.row(*label_cells(ctx, "取保原因", reason))
        w.row("起算时间", seg(ctx.style.day(bailed.date()), DATETIME, tag="act:bail_granted"))
        if guarantor is not None:
            w.row("保证人", person_seg(guarantor.name, ctx.role_of(guarantor) or "family", "保证人"))
        else:
            w.row(*label_cells(ctx, "保证金", f"{amount}元"))
        w.row(*label_cells(ctx, "执行机关", seg(_executor(ctx), ORG)))
        _stub_tail(w, approved, approved, "批准时间", minute=rng.random() < 0.4)
        w.title("取保候审决定书", spaced=spaced)
        number_line(w, "bail_decision")
    else:
        header(w, "取保候审决定书", "bail_decision", spaced=0.5, agency=0.7)
    w.para(
        "犯罪嫌疑人",
        person_seg(person.name, "suspect"),
        *_particulars(ctx, person, "，"),
        "。",
    )
    terms = (
        ["犯罪嫌疑人应当接受保证人", person_seg(guarantor.name, ctx.role_of(guarantor) or "family"), "的监督。"]
        if guarantor is not None
        else [f"犯罪嫌疑人应当交纳保证金（大写）{cn_number(amount)}元。"]
    )
    w.para(
        "我局正在侦查",
        *case_name_segs(ctx),
        f"，因犯罪嫌疑人涉嫌{f.charge}，{reason}，根据",
        *procedure_citation(ctx, "bail_granted", CPL_BAIL),
        "之规定，决定对其取保候审，期限从",
        seg(ctx.style.day(bailed.date()), DATETIME, tag="act:bail_granted"),
        "起算，由",
        seg(_executor(ctx), ORG),
        "执行。",
        *terms,
    )
    w.para(
        "被取保候审人在取保候审期间应当遵守《中华人民共和国刑事诉讼法》第七十一条的规定：未经执行机关批准不得离开所居住的"
        "市、县；住址、工作单位和联系方式发生变动的，在二十四小时以内向执行机关报告；在传讯的时候及时到案；不得以任何形式"
        "干扰证人作证；不得毁灭、伪造证据或者串供。"
    )
    closing(w, bailed.date())
    w.para("本决定书已向我宣读。")
    w.para(*field_segs("被取保候审人", person_seg(person.name, "suspect"), ctx), "（捺指印）")
    return spec


def _measure_release(
    ctx: CaseContext, person: Person, measure: str, doc_type: str, start_act: str, lift_act: str
) -> DocSpec:
    """解除取保候审/监视居住决定书: the same paper for either measure, lifted before its term is out."""
    f = ctx.facts
    rng = ctx.rng
    started: datetime = f.acts[start_act]
    lifted: datetime = f.acts[lift_act]
    reason = rng.choice(
        [f"案件已侦查终结，对其不需要继续{measure}", f"经审查，犯罪嫌疑人在{measure}期间遵守规定，不需要继续{measure}"]
    )
    title = f"解除{measure}决定书"
    spec = DocSpec(doc_type=doc_type, title=title, file_stem="")
    w = Writer(ctx, spec)
    header(w, title, doc_type, spaced=0.4, agency=0.7)
    w.para(
        "我局于",
        seg(ctx.style.day(started.date()), DATETIME, tag=f"act:{start_act}"),
        "对涉嫌",
        f.charge,
        "的犯罪嫌疑人",
        person_seg(person.name, "suspect"),
        "（性别",
        seg(person.gender, tag=f"gender:{person.name}"),
        "，出生日期",
        seg(ctx.style.day(person.birth), DATETIME, tag=f"birth:{person.name}"),
        f"）决定{measure}。",
    )
    w.para(*field_segs("解除原因", reason, ctx))
    w.para(
        "根据",
        *citation(CPL_BAIL_LIFT),
        "之规定，决定自",
        seg(ctx.style.day(lifted.date()), DATETIME, tag=f"act:{lift_act}"),
        f"起解除对其{measure}。",
    )
    closing(w, lifted.date(), tag=f"act:{lift_act}")
    return spec


def build_bail_release(ctx: CaseContext, person: Person) -> DocSpec:
    """解除取保候审决定书: lifts the measure before its 12 months are out (程序规定 第一百零八条)."""
    return _measure_release(ctx, person, "取保候审", "bail_release_decision", "bail_granted", "bail_lifted")


# --- 监视居住 -------------------------------------------------------------------------------------------------------

CPL_SURVEILLANCE = "第七十四条"
# 刑诉法 第七十七条: what the person under 监视居住 must observe.
SURVEILLANCE_DUTIES = (
    "被监视居住人在监视居住期间应当遵守《中华人民共和国刑事诉讼法》第七十七条的规定：未经执行机关批准不得离开执行监视居住"
    "的处所；未经执行机关批准不得会见他人或者通信；在传讯的时候及时到案；不得以任何形式干扰证人作证；不得毁灭、伪造证据"
    "或者串供；将护照等出入境证件、身份证件、驾驶证件交执行机关保存。"
)


def build_surveillance_decision(ctx: CaseContext, person: Person) -> DocSpec:
    """监视居住决定书: the variant of the 取保候审决定书 for a suspect under 刑诉法 第七十四条, at his residence."""
    f = ctx.facts
    rng = ctx.rng
    started: datetime = f.acts["surveillance_started"]
    approved = started - timedelta(minutes=rng.choice([15, 20, 30, 40]))
    reason = str(f.extras.get("surveillance_reason") or "患有严重疾病、生活不能自理")
    spec = DocSpec(doc_type="residential_surveillance_decision", title="监视居住决定书", file_stem="")
    w = Writer(ctx, spec)
    spaced = rng.random() < 0.5
    if rng.random() < 0.5:
        w.title("监视居住决定书", spaced=spaced)
        w.para("（存根）")
        number_line(w, "residential_surveillance_decision")
        w.row(*label_cells(ctx, "案件名称", case_name_segs(ctx)))
        w.row("案件编号", seg(f.case_number, CASE_NUMBER, tag="案件编号"))
        _stub_person(w, "被监视居住人", person, with_address=True)
        w.row(*label_cells(ctx, "监视居住原因", reason))
        w.row(*label_cells(ctx, "监视居住地点", "住处"))
        w.row("起算时间", seg(ctx.style.day(started.date()), DATETIME, tag="act:surveillance_started"))
        w.row(*label_cells(ctx, "执行机关", seg(_executor(ctx), ORG)))
        _stub_tail(w, approved, approved, "批准时间", minute=rng.random() < 0.4)
        w.title("监视居住决定书", spaced=spaced)
        number_line(w, "residential_surveillance_decision")
    else:
        header(w, "监视居住决定书", "residential_surveillance_decision", spaced=0.5, agency=0.7)
    w.para(
        "犯罪嫌疑人",
        person_seg(person.name, "suspect"),
        *_particulars(ctx, person, "，"),
        "。",
    )
    w.para(
        "我局正在侦查",
        *case_name_segs(ctx),
        f"，因犯罪嫌疑人涉嫌{f.charge}，{reason}，根据",
        *procedure_citation(ctx, "surveillance_started", CPL_SURVEILLANCE),
        "之规定，决定在其住处对其监视居住，期限从",
        seg(ctx.style.day(started.date()), DATETIME, tag="act:surveillance_started"),
        "起算，由",
        seg(_executor(ctx), ORG),
        "执行。",
    )
    w.para(SURVEILLANCE_DUTIES)
    closing(w, started.date())
    w.para("本决定书已向我宣读。")
    w.para(*field_segs("被监视居住人", person_seg(person.name, "suspect"), ctx), "（捺指印）")
    return spec


def build_surveillance_release(ctx: CaseContext, person: Person) -> DocSpec:
    """解除监视居住决定书: lifts the measure before its six months are out (刑诉法 第七十九条)."""
    doc_type = "residential_surveillance_release_decision"
    return _measure_release(ctx, person, "监视居住", doc_type, "surveillance_started", "surveillance_lifted")


# --- 逮捕 -----------------------------------------------------------------------------------------------------------


def build_arrest_warrant(ctx: CaseContext, person: Person) -> DocSpec:
    f = ctx.facts
    rng = ctx.rng
    approved: datetime = f.acts["arrest_approved"]
    arrested: datetime = f.acts["arrested"]
    center = f.agency.detention_center
    approval = str(f.extras.get("arrest_approval_number") or "")
    ctx.add(approval, DOC_NUMBER)
    spec = DocSpec(doc_type="arrest_warrant", title="逮捕证", file_stem="")
    w = Writer(ctx, spec)
    spaced = rng.random() < 0.6
    if rng.random() < 0.5:
        w.title("逮捕证", spaced=spaced)
        w.para("（存根）")
        number_line(w, "arrest_warrant")
        w.row(*label_cells(ctx, "案件名称", case_name_segs(ctx)))
        w.row("案件编号", seg(f.case_number, CASE_NUMBER, tag="案件编号"))
        _stub_person(w, "犯罪嫌疑人", person)
        w.row(*label_cells(ctx, "逮捕原因", f"涉嫌{f.charge}"))
        w.row("批准或决定逮捕时间", seg(ctx.style.day(approved.date()), DATETIME, tag="act:arrest_approved"))
        w.row(*label_cells(ctx, "批准或决定机关", seg(f.agency.procuratorate, ORG)))
        w.row("执行人", officer_segs(ctx, "执行人"))
        w.row(*label_cells(ctx, "办案单位", seg(unit(ctx), ORG)))
        w.row(
            "填发时间",
            minute_or_day(ctx, arrested - timedelta(minutes=rng.choice([10, 20, 30])), "填发时间", False),
            "填发人",
            person_seg(officers_of(ctx)[-1], "officer", "填发人"),
        )
        w.title("逮捕证", spaced=spaced)
        number_line(w, "arrest_warrant")
    else:
        header(w, "逮捕证", "arrest_warrant", spaced=0.6, agency=0.7)
    w.para(
        "根据",
        *procedure_citation(ctx, "arrested", CPL_ARREST_EXEC),
        "之规定，经",
        seg(f.agency.procuratorate, ORG),
        "批准（",
        seg(approval, DOC_NUMBER),
        "），兹由我局对涉嫌",
        f.charge,
        "的",
        person_seg(person.name, "suspect"),
        *_particulars(ctx, person, "（"),
        "）执行逮捕，送",
        seg(center, ORG),
        "羁押。",
    )
    w.para(*field_segs("执行逮捕时间", seg(ctx.style.minute(arrested), DATETIME, tag="act:arrested"), ctx))
    closing(w, arrested.date())
    w.para("逮捕证已于", seg(ctx.style.minute(arrested), DATETIME, tag="act:arrested"), "向我宣布。")
    w.para(*field_segs("被逮捕人", person_seg(person.name, "suspect"), ctx), "（捺指印）")
    w.para(*field_segs("接收民警", person_seg(ctx.new_name(), "officer"), ctx), "（", seg(center, ORG), "印）")
    return spec


def build_arrest_notice(ctx: CaseContext, person: Person) -> DocSpec:
    f = ctx.facts
    rng = ctx.rng
    arrested: datetime = f.acts["arrested"]
    notified: datetime = f.acts["arrest_family_notified"]
    center = f.agency.detention_center
    family, relation = family_of(ctx, person)
    ctx.add(family, "PERSON", "family")
    spec = DocSpec(doc_type="arrest_notice", title="逮捕通知书", file_stem="")
    w = Writer(ctx, spec)
    header(w, "逮捕通知书", "arrest_notice", spaced=0.5, agency=0.7)
    w.para(person_seg(person.name, "suspect"), "家属：")
    w.para(
        "经",
        seg(f.agency.procuratorate, ORG),
        "批准，我局已于",
        seg(ctx.style.minute(arrested), DATETIME, tag="act:arrested"),
        f"将涉嫌{f.charge}的",
        person_seg(person.name, "suspect"),
        "逮捕，现羁押在",
        seg(center, ORG),
        "。",
    )
    w.para(
        "已于",
        seg(ctx.style.minute(notified), DATETIME, tag="act:arrest_family_notified"),
        f"{rng.choice(['电话', '当面'])}通知被逮捕人{relation}",
        person_seg(family, "family"),
        "。",
    )
    closing(w, notified.date(), tag="act:arrest_family_notified")
    return spec


# --- 不批准逮捕 ----------------------------------------------------------------------------------------------------


def build_arrest_disapproval(ctx: CaseContext, person: Person) -> DocSpec:
    """The 人民检察院's 不批准逮捕决定书 (刑诉法 第九十条), with the receiving officer's note of when it arrived."""
    f = ctx.facts
    rng = ctx.rng
    decided: datetime = f.extras["arrest_disapproval_decided"]  # type: ignore[assignment]
    received: datetime = f.acts["arrest_disapproval_received"]
    number = str(f.extras.get("arrest_disapproval_number") or "")
    ctx.add(number, DOC_NUMBER)
    request_no = f.doc_numbers.get("arrest_request", "")
    ctx.add(request_no, DOC_NUMBER)
    requested: datetime = f.acts["arrest_requested"]
    spec = DocSpec(doc_type="arrest_disapproval", title="不批准逮捕决定书", file_stem="")
    w = Writer(ctx, spec)
    w.para(seg(f.agency.procuratorate, ORG))
    w.title("不批准逮捕决定书", spaced=rng.random() < 0.4)
    w.para(seg(number, DOC_NUMBER, tag="doc_number"))
    w.para(seg(f.agency.name, ORG), "：")
    ground = rng.choice(
        ["不需要逮捕", "采取取保候审足以防止发生社会危险性，不需要逮捕", "现有证据不足以证明有逮捕必要"]
    )
    w.para(
        "你局于",
        seg(ctx.style.day(requested.date()), DATETIME, tag="act:arrest_requested"),
        "以",
        seg(request_no, DOC_NUMBER),
        "提请批准逮捕书提请批准逮捕的犯罪嫌疑人",
        person_seg(person.name, "suspect"),
        f"，经本院审查认为，犯罪嫌疑人涉嫌{f.charge}，但{ground}。根据",
        *citation("第九十条"),
        "之规定，决定不批准逮捕犯罪嫌疑人",
        person_seg(person.name, "suspect"),
        "。请依法执行，并将执行情况在三日以内通知本院。",
    )
    closing(w, decided.date(), issuer=f.agency.procuratorate)
    when = seg(ctx.style.minute(received), DATETIME, tag="act:arrest_disapproval_received")
    if rng.random() < 0.5:
        w.para("本决定书已于", when, "收到。")
    else:
        w.para(*field_segs("收到时间", when, ctx))
    w.para(*field_segs("签收人", person_seg(officers_of(ctx)[0], "officer", "签收人"), ctx))
    return spec


def build_release_certificate(ctx: CaseContext, person: Person) -> DocSpec:
    """释放证明书 given on release after 不批准逮捕 (程序规定 第一百四十条)."""
    f = ctx.facts
    rng = ctx.rng
    released: datetime = f.acts["custody_released"]
    detained = f.acts.get("detained")
    spec = DocSpec(doc_type="release_certificate", title="释放证明书", file_stem="")
    w = Writer(ctx, spec)
    header(w, "释放证明书", "release_certificate", spaced=0.4, agency=0.8)
    held = (
        ["于", seg(ctx.style.day(detained.date()), DATETIME, tag="act:detained"), "被刑事拘留"]
        if detained is not None
        else ["被刑事拘留"]
    )
    w.para(
        "兹有犯罪嫌疑人",
        person_seg(person.name, "suspect"),
        *_particulars(ctx, person, "，"),
        f"，因涉嫌{f.charge}",
        *held,
        "。因",
        seg(f.agency.procuratorate, ORG),
        "不批准逮捕，根据",
        *citation("第九十一条"),
        "之规定，现予以释放。",
    )
    w.para(*field_segs("释放时间", seg(ctx.style.minute(released), DATETIME, tag="act:custody_released"), ctx))
    w.para("特此证明。")
    closing(w, released.date(), tag="act:custody_released")
    if rng.random() < 0.6:
        w.para("本证明书已收到。")
        w.para(*field_segs("被释放人", person_seg(person.name, "suspect"), ctx), "（捺指印）")
    return spec


# --- 鉴定 -----------------------------------------------------------------------------------------------------------


def has_opinion(ctx: CaseContext) -> bool:
    """A 鉴定意见 (not a 价格认定) is in the file: its 鉴定意见通知书 belong there too (刑诉法 第一百四十八条)."""
    return "appraised" in ctx.facts.acts and appraisal_kind(ctx) in ("injury", "blood")


def has_engagement(ctx: CaseContext) -> bool:
    """We commissioned the 鉴定意见 on a known day: the 鉴定聘请书 belongs in the file."""
    return has_opinion(ctx) and isinstance(appraisal_info(ctx).get("commissioned"), datetime)


def _matter(ctx: CaseContext) -> tuple[list, str]:
    """(鉴定事项 segments, 检材 text) of the appraisal."""
    f = ctx.facts
    if appraisal_kind(ctx) == "blood":
        p = f.suspects[0]
        return [person_seg(p.name, "suspect"), "血液中乙醇含量"], "静脉血样两管"
    victim = f.victims[0] if f.victims else f.suspects[0]
    return [person_seg(victim.name, ctx.role_of(victim)), "的人体损伤程度"], "被鉴定人的病历资料、影像学资料"


def build_expert_engagement(ctx: CaseContext) -> DocSpec:
    f = ctx.facts
    rng = ctx.rng
    info = appraisal_info(ctx)
    commissioned: datetime = info["commissioned"]  # type: ignore[assignment]
    approved = commissioned - timedelta(minutes=rng.choice([10, 20, 30, 45]))
    lab = str(info.get("institution") or f.extras.get("forensic_center") or "")
    ctx.add(lab, ORG)
    matter, material = _matter(ctx)
    spec = DocSpec(doc_type="expert_engagement", title="鉴定聘请书", file_stem="")
    w = Writer(ctx, spec)
    header(w, "鉴定聘请书", "expert_engagement", spaced=0.4, agency=0.7)
    w.para(seg(lab, ORG), "：")
    w.para(
        "为了查明",
        *case_name_segs(ctx, bare=True),
        "一案，根据",
        *procedure_citation(ctx, "appraised", CPL_APPRAISAL),
        "之规定，特聘请你单位进行鉴定。",
    )
    w.para(*field_segs("鉴定事项", value_segs(matter, ctx, "鉴定事项"), ctx))
    w.para(*field_segs("检材", material, ctx))
    w.para(*field_segs("批准人", person_seg(f.approver, "approver", "批准人"), ctx))
    w.para(*field_segs("批准时间", seg(ctx.style.minute(approved), DATETIME, tag="批准时间"), ctx))
    w.para(*field_segs("联系人", person_seg(officers_of(ctx)[0], "officer", "联系人"), ctx))
    closing(w, commissioned.date())
    return spec


def notified_people(ctx: CaseContext) -> list[Person]:
    """犯罪嫌疑人 and, for an injury, the injured 被害人 (刑诉法 第一百四十八条)."""
    f = ctx.facts
    out = [f.suspects[0]]
    if appraisal_kind(ctx) != "blood" and f.victims:
        out.append(f.victims[0])
    return out


def build_opinion_notice(ctx: CaseContext, person: Person) -> DocSpec:
    f = ctx.facts
    rng = ctx.rng
    notified = f.acts.get("appraisal_notified") or f.acts["appraised"] + timedelta(hours=rng.randint(18, 30))
    info = appraisal_info(ctx)
    role = ctx.role_of(person)
    matter, _ = _matter(ctx)
    result = str(info.get("result") or "")
    spec = DocSpec(doc_type="expert_opinion_notice", title="鉴定意见通知书", file_stem="")
    w = Writer(ctx, spec)
    header(w, "鉴定意见通知书", "expert_opinion_notice", spaced=0.4, agency=0.7)
    standing = "犯罪嫌疑人" if role == "suspect" else "被害人"
    w.para(standing, person_seg(person.name, role), "：")
    body = ["我局聘请", seg(str(info.get("institution") or ""), ORG), "对", *matter, "进行了鉴定。"]
    if result:
        body += ["鉴定意见是：", *ctx.segment(result.rstrip("。") + "。")]
    w.para(*body)
    w.para(rng.choice([OPINION_RIGHTS, "如果你对该鉴定意见有异议，可以提出补充鉴定或者重新鉴定的申请。特此通知。"]))
    closing(w, notified.date())
    w.para("本通知书已收到。")
    w.para(*field_segs("被告知人", person_seg(person.name, role, "被告知人"), ctx), "（捺指印）")
    w.para(*field_segs("告知时间", seg(ctx.style.minute(notified), DATETIME, tag="act:appraisal_notified"), ctx))
    return spec


__all__ = [
    "OPINION_RIGHTS",
    "build_arrest_disapproval",
    "build_arrest_notice",
    "build_arrest_warrant",
    "build_bail_decision",
    "build_bail_release",
    "build_expert_engagement",
    "build_opinion_notice",
    "build_release_certificate",
    "build_report_record",
    "build_surveillance_decision",
    "build_surveillance_release",
    "has_engagement",
    "has_opinion",
    "notified_people",
]
