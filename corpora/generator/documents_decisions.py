"""Opinions, requests and decisions: 价格认定结论书, 鉴定意见 (人体损伤程度, 血液乙醇含量, 尿液), 现场检测报告书,
提请批准逮捕书, 行政处罚决定书 and its 送达回执.

Like the forms, each builder draws its layout and wording from the case's random stream; citations come from the facts
(version-correct) where the scenario gives them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from corpora.generator.documents_base import (
    DATETIME,
    DOC_NUMBER,
    ID_NUMBER,
    LOCATION,
    ORG,
    CaseContext,
    Writer,
    field_segs,
    join_articles,
    joined,
    person_seg,
    phrasing,
    seg,
    value_segs,
)
from corpora.generator.documents_forms import (
    CPL_ARREST,
    PENAL_ARTICLES,
    accepted_at,
    act_time,
    case_name_segs,
    citation,
    closing,
    doc_number,
    header,
    label_cells,
    number_line,
    officer_segs,
    procedure_citation,
    received_at,
    station_full,
    unit,
)
from corpora.generator.documents_records import evidence_list
from corpora.generator.model import DocSpec, Person, Seg

# --- 价格认定书 / 鉴定意见 ------------------------------------------------------------------------------------------


def build_price_assessment(ctx: CaseContext) -> DocSpec:
    f = ctx.facts
    rng = ctx.rng
    p = phrasing()
    appraised = act_time(ctx, "appraised", accepted_at(ctx) + timedelta(days=3))
    info = appraisal_info(ctx)
    bureau = (
        info.get("institution") or f.extras.get("price_bureau") or f"{f.agency.city}{f.agency.district}价格认证中心"
    )
    ctx.add(str(bureau), ORG)
    number = f.doc_numbers.get("price_assessment") or (
        f"{f.agency.prefix[0]}{f.agency.district[0]}价认〔{appraised.year}〕{sum(map(ord, f.case_id)) % 300 + 20}号"
    )
    ctx.add(number, DOC_NUMBER)
    spec = DocSpec(doc_type="price_assessment", title="价格认定结论书", file_stem="")
    w = Writer(ctx, spec)
    w.agency_header(str(bureau))
    w.title("价格认定结论书")
    w.sign(seg(number, DOC_NUMBER, tag="doc_number"))
    w.para(seg(f.agency.name, ORG), "：")
    subject = "、".join(i.name for i in f.items) or "涉案财物"
    w.para(*ctx.fill(p["price_intro"], case_name=case_name_segs(ctx), subject=subject))
    commissioned = info.get("commissioned")
    entrusted = commissioned if isinstance(commissioned, datetime) else appraised - timedelta(days=rng.randint(1, 3))
    inline = rng.random() < 0.5
    base_day = seg(ctx.style.day(f.incident_time.date()), DATETIME, tag="价格认定基准日")
    amount = ctx.money(f"人民币{f.amount}元")
    described = "；".join(f"{i.name}{'，' + i.description if i.description else ''}" for i in f.items) or subject
    sections: list[tuple[str, list[Seg]]] = [
        ("价格认定标的", value_segs(described + "。", ctx, "价格认定标的")),
        ("价格认定目的", value_segs(p["price_purpose"], ctx, "价格认定目的")),
        ("价格认定基准日", [base_day]),
        ("价格认定依据", value_segs(p["price_basis"], ctx, "价格认定依据")),
        ("价格认定方法", value_segs(rng.choice(p["price_methods"]), ctx, "价格认定方法")),
        (
            "价格认定过程",
            value_segs(
                ctx.fill(
                    p["price_process"],
                    inspect=seg(ctx.style.day(max(entrusted, appraised - timedelta(days=1)).date()), DATETIME),
                    method=rng.choice(p["price_methods"]),
                ),
                ctx,
                "价格认定过程",
            ),
        ),
        (
            "价格认定结论",
            value_segs(
                [
                    seg("价格认定标的在价格认定基准日的" + ("损失价值为" if _damage(ctx) else "价格为")),
                    amount,
                    seg("。"),
                ],
                ctx,
                "价格认定结论",
            ),
        ),
        ("其他说明", value_segs(p["price_note"], ctx, "其他说明")),
    ]
    numerals = "一二三四五六七八"
    for n, (label, value) in enumerate(sections):
        if inline:
            w.para(f"{numerals[n]}、{label}：", *value)
        else:
            w.para(f"{numerals[n]}、{label}")
            w.para(*value)
    closing(w, appraised.date(), tag="act:appraised", issuer=str(bureau))
    return spec


_APPRAISAL_KINDS = {
    "价格认定": "price",
    "人体损伤程度鉴定": "injury",
    "血液乙醇含量检验": "blood",
    "现场尿液检测": "field",
}


def appraisal_info(ctx: CaseContext) -> dict[str, object]:
    given = ctx.facts.extras.get("appraisal")
    return given if isinstance(given, dict) else {}


def appraisal_kind(ctx: CaseContext) -> str:
    """price / injury / blood / urine / field (现场尿液检测): what was appraised, from the facts or the case type."""
    f = ctx.facts
    given = f.extras.get("appraisal")
    if isinstance(given, dict):
        return _APPRAISAL_KINDS.get(str(given.get("kind")), "injury")
    if isinstance(given, str) and given:
        return "injury" if given == "minor_injury" else given
    if f.case_type == "dangerous_driving" or "bac" in f.extras:
        return "blood"
    if "drug" in f.case_type or "test_substance" in f.extras:
        return "urine"
    if f.items or f.amount:
        return "price"
    return "injury"


def _damage(ctx: CaseContext) -> bool:
    return "damage" in ctx.facts.case_type or "损毁" in ctx.facts.cause


def build_field_test_report(ctx: CaseContext) -> DocSpec:
    """现场检测报告书: the handling unit's own urine test of a suspected drug user (吸毒检测程序规定)."""
    f = ctx.facts
    rng = ctx.rng
    info = appraisal_info(ctx)
    tested = act_time(ctx, "appraised", accepted_at(ctx) + timedelta(hours=1))
    issuer = str(info.get("institution") or unit(ctx))
    ctx.add(issuer, ORG)
    subject = f.suspects[0]
    substance = str(f.extras.get("test_substance") or f.extras.get("drug") or "甲基苯丙胺")
    spec = DocSpec(doc_type="expert_opinion", title="现场检测报告书", file_stem="")
    w = Writer(ctx, spec)
    w.agency_header(f.agency.name)
    w.title("现场检测报告书")
    if f.doc_numbers.get("expert_opinion"):
        w.sign(seg(f.doc_numbers["expert_opinion"], DOC_NUMBER, tag="doc_number"))
    w.para(
        *field_segs("被检测人", person_seg(subject.name, "suspect"), ctx),
        " ",
        *field_segs("性别", seg(subject.gender, tag=f"gender:{subject.name}"), ctx),
        " ",
        *field_segs("出生日期", seg(ctx.style.day(subject.birth), DATETIME, tag=f"birth:{subject.name}"), ctx),
    )
    w.para(
        *field_segs(
            "身份证件种类及号码", [seg("居民身份证 "), seg(subject.id_number, ID_NUMBER, tag=f"id:{subject.name}")], ctx
        )
    )
    w.para(*field_segs("检测时间", seg(ctx.style.minute(tested), DATETIME, tag="act:appraised"), ctx))
    w.para(*field_segs("检测地点", seg(station_full(ctx), ORG), ctx))
    w.para(
        *field_segs("检测样本", "尿液", ctx),
        " ",
        *field_segs("检测方法", str(f.extras.get("test_method") or "免疫胶体金法"), ctx),
    )
    w.para(*field_segs("检测结果", f"{substance}检测呈阳性", ctx))
    w.para(*field_segs("检测人", officer_segs(ctx, "检测人"), ctx))
    w.para(rng.choice(["本人对检测结果无异议。", "被检测人对检测结果无异议。"]))
    w.sign(*field_segs("被检测人", person_seg(subject.name, "suspect"), ctx))
    closing(w, tested.date(), issuer=issuer)
    return spec


def build_expert_opinion(ctx: CaseContext) -> DocSpec:
    f = ctx.facts
    rng = ctx.rng
    p = phrasing()
    mode = appraisal_kind(ctx)
    info = appraisal_info(ctx)
    appraised = act_time(ctx, "appraised", accepted_at(ctx) + timedelta(days=5))
    lab = str(info.get("institution") or f.extras.get("forensic_center") or f"{f.agency.city}公安局物证鉴定所")
    ctx.add(lab, ORG)
    titles = {
        "blood": ["血液酒精含量检验鉴定书", "血液中乙醇含量检验报告"],
        "urine": ["尿液毒品检验报告", "尿液检验报告书"],
        "injury": ["法医学人体损伤程度鉴定书", "人体损伤程度鉴定意见书"],
    }
    title = rng.choice(titles.get(mode, titles["injury"]))
    word = {"blood": "理化", "urine": "毒检"}.get(mode, "法临")
    serial = sum(map(ord, f.case_id)) % 400 + 30
    number = f.doc_numbers.get("expert_opinion") or f"{f.agency.prefix}物鉴({word})字〔{appraised.year}〕{serial}号"
    ctx.add(number, DOC_NUMBER)
    spec = DocSpec(doc_type="expert_opinion", title=title, file_stem="")
    w = Writer(ctx, spec)
    w.agency_header(lab)
    w.title(title)
    w.sign(seg(number, DOC_NUMBER, tag="doc_number"))
    commissioned = info.get("commissioned")
    if isinstance(commissioned, datetime):
        entrusted = commissioned
    elif mode in ("blood", "urine"):
        entrusted = min(appraised, f.incident_time + timedelta(hours=rng.randint(2, 20)))
    else:
        entrusted = appraised - timedelta(days=rng.randint(1, 4))
    w.para(*field_segs("委托单位", seg(unit(ctx), ORG), ctx))
    w.para(*field_segs("委托日期", seg(ctx.style.day(entrusted.date()), DATETIME), ctx))
    subject = f.suspects[0]
    if mode == "blood":
        bac = f.extras.get("bac") or f.extras.get("blood_alcohol") or rng.randint(95, 230) + rng.randint(0, 9) / 10
        w.para(*field_segs("鉴定事项", ctx.fill(p["blood_matter"], suspect=person_seg(subject.name, "suspect")), ctx))
        sample = ctx.fill("{name}的静脉血样两管，密封完好。", name=person_seg(subject.name, "suspect"))
        w.para(*field_segs("检材", sample, ctx))
        w.para(*field_segs("检验方法", p["blood_method"], ctx))
        opinion = ctx.fill(p["blood_opinion"], suspect=person_seg(subject.name, "suspect"), bac=str(bac))
        label = "鉴定意见"
    elif mode == "urine":
        substance = str(f.extras.get("test_substance") or f.extras.get("drug") or "甲基苯丙胺")
        w.para(*field_segs("鉴定事项", ctx.fill(p["urine_matter"], suspect=person_seg(subject.name, "suspect")), ctx))
        sample = ctx.fill("{name}的尿液样本一份，密封完好。", name=person_seg(subject.name, "suspect"))
        w.para(*field_segs("检材", sample, ctx))
        w.para(*field_segs("检验方法", rng.choice(p["urine_methods"]), ctx))
        opinion = ctx.fill(p["urine_opinion"], suspect=person_seg(subject.name, "suspect"), substance=substance)
        label = rng.choice(["鉴定意见", "检验结论"])
    else:
        victim = f.victims[0] if f.victims else subject
        vrole = ctx.role_of(victim)
        grade = str(f.extras.get("injury_grade") or "轻伤二级")
        desc = str(f.extras.get("injury_desc") or f.extras.get("injury") or "")
        w.para(*field_segs("鉴定事项", ctx.fill(p["injury_matter"], victim=person_seg(victim.name, vrole)), ctx))
        w.para(
            *field_segs("被鉴定人", person_seg(victim.name, vrole), ctx),
            " ",
            *field_segs("性别", seg(victim.gender, tag=f"gender:{victim.name}"), ctx),
            " ",
            *field_segs("年龄", f"{victim.age_on(appraised.date())}岁", ctx),
        )
        w.para(*field_segs("鉴定材料", "被鉴定人的病历资料、影像学资料，被鉴定人本人", ctx))
        w.para(*field_segs("基本案情", f.narrative, ctx))
        if desc:
            w.para(*field_segs("检验所见", f"据病历资料记载，被鉴定人{desc}。", ctx))
        w.para(*field_segs("分析说明", p["injury_analysis"].format(grade=grade), ctx))
        opinion = ctx.fill(p["injury_opinion"], victim=person_seg(victim.name, vrole), grade=grade)
        label = "鉴定意见"
    w.para(*field_segs(label, opinion, ctx))
    experts = [ctx.new_name(), ctx.new_name()]
    first_title = "主检法医师" if mode == "injury" else "主检人"
    w.sign(
        *field_segs(
            "鉴定人",
            [seg(first_title + " "), person_seg(experts[0], None), seg(" 鉴定人 "), person_seg(experts[1], None)],
            ctx,
        )
    )
    closing(w, appraised.date(), tag="act:appraised", issuer=lab)
    return spec


# --- 提请批准逮捕书 --------------------------------------------------------------------------------------------------


def penal_citation(ctx: CaseContext) -> list[Seg]:
    f = ctx.facts
    given = f.extras.get("charge_article") or f.extras.get("penal_article")
    if isinstance(given, str) and given:
        return ctx.segment(given) if given.startswith("《") else citation(given, law="《中华人民共和国刑法》")
    for art in f.penalty_articles:
        if "刑法" in art:
            return ctx.segment(art)
    article = PENAL_ARTICLES.get(f.charge, "第二百六十四条")
    return citation(article, law="《中华人民共和国刑法》")


def inline_person(ctx: CaseContext, p: Person, role: str, lead: str) -> list[Seg]:
    """犯罪嫌疑人王某某，男，1990年3月15日出生，公民身份号码…，汉族，初中文化，无业，住…。"""
    job = p.occupation or "无业"
    out = [
        seg(lead),
        person_seg(p.name, role),
        seg("，"),
        seg(p.gender, tag=f"gender:{p.name}"),
        seg("，"),
        seg(ctx.style.day(p.birth), DATETIME, tag=f"birth:{p.name}"),
        seg("出生，公民身份号码"),
        seg(p.id_number, ID_NUMBER, tag=f"id:{p.name}"),
        seg(f"，{p.ethnicity}，{p.education}文化，{job}，住"),
        seg(p.address, LOCATION),
        seg("。"),
    ]
    return out


def build_arrest_request(ctx: CaseContext) -> DocSpec:
    f = ctx.facts
    rng = ctx.rng
    p = phrasing()
    requested = act_time(ctx, "arrest_requested", act_time(ctx, "detained", accepted_at(ctx)) + timedelta(days=3))
    detained = f.acts.get("detained")
    spec = DocSpec(doc_type="arrest_request", title="提请批准逮捕书", file_stem="")
    w = Writer(ctx, spec)
    header(w, "提请批准逮捕书", "arrest_request", spaced=0.5, agency=0.8)
    for s in f.suspects:
        w.para(*inline_person(ctx, s, "suspect", "犯罪嫌疑人"))
        if detained is not None:
            w.para(
                "犯罪嫌疑人",
                person_seg(s.name, "suspect"),
                f"因涉嫌{f.charge}，于",
                seg(ctx.style.day(detained.date()), DATETIME, tag="act:detained"),
                "被我局刑事拘留，现羁押于",
                seg(f.agency.detention_center, ORG),
                "。",
            )
    reporter = f.reporter
    filed = f.acts.get("case_filed")
    intro: list[object] = ["犯罪嫌疑人", person_seg(f.suspects[0].name, "suspect"), f"涉嫌{f.cause}一案，"]
    if reporter is not None:
        rrole = "victim" if any(v.name == reporter.name for v in f.victims) else "reporter"
        word = "被害人" if rrole == "victim" else "报案人"
        intro += [
            f"由{word}",
            person_seg(reporter.name, rrole),
            "于",
            seg(ctx.style.day(received_at(ctx).date()), DATETIME, tag="act:report_received"),
            "报案至我局。",
        ]
    else:
        intro += ["系我局在工作中发现。"]
    if filed is not None:
        intro += [
            "我局经过审查，于",
            seg(ctx.style.day(filed.date()), DATETIME, tag="act:case_filed"),
            "立案进行侦查。",
        ]
    w.para(*intro)  # type: ignore[arg-type]
    w.para(rng.choice(p["arrest_facts_lead"]), *ctx.segment(f.narrative))
    w.para(rng.choice(p["arrest_evidence_lead"]))
    sources = evidence_list(ctx).split("、")
    if "seized" in f.acts and f.items:
        sources.append("扣押决定书、扣押清单")
    for n, item in enumerate(sources, start=1):
        w.para(f"{n}.", *ctx.segment(item), "；" if n < len(sources) else "。")
    w.para(rng.choice(p["arrest_conclusion"]))
    names = joined([person_seg(s.name, "suspect") for s in f.suspects])
    danger = rng.choice(p["arrest_dangers"])
    w.para(
        "犯罪嫌疑人",
        *names,
        "的行为已触犯",
        *penal_citation(ctx),
        f"之规定，涉嫌{f.charge}，可能判处徒刑以上刑罚。犯罪嫌疑人",
        *joined([person_seg(s.name, "suspect") for s in f.suspects]),
        f"{danger}，采取取保候审尚不足以防止发生社会危险性，依照",
        *procedure_citation(ctx, "arrest_requested", *CPL_ARREST),
        "之规定，特提请批准逮捕。",
    )
    w.para("此致")
    w.para(seg(f.agency.procuratorate, ORG))
    closing(w, requested.date(), tag="act:arrest_requested")
    w.para("附：1.本案卷宗", f"{rng.randint(1, 2)}卷{rng.randint(40, 180)}页。")
    for s in f.suspects:
        w.para("2.犯罪嫌疑人", person_seg(s.name, "suspect"), "现羁押于", seg(f.agency.detention_center, ORG), "。")
    return spec


# --- 行政处罚决定书 / 送达回执 ---------------------------------------------------------------------------------------


def build_penalty_decision(ctx: CaseContext, own_service: bool) -> DocSpec:
    f = ctx.facts
    rng = ctx.rng
    p = phrasing()
    decided = act_time(ctx, "penalty_decided", act_time(ctx, "penalty_notified", accepted_at(ctx)) + timedelta(hours=2))
    suspect = f.suspects[0]
    spec = DocSpec(doc_type="administrative_penalty_decision", title="行政处罚决定书", file_stem="")
    w = Writer(ctx, spec)
    if rng.random() < 0.8:
        w.agency_header(str(f.extras.get("decided_by") or f.agency.name))
    w.title("行政处罚决定书", spaced=rng.random() < 0.3)
    number_line(w, "administrative_penalty_decision")
    workplace = suspect.workplace or "无"
    if rng.random() < 0.5:
        w.para(
            *field_segs("违法行为人", person_seg(suspect.name, "suspect"), ctx),
            "，",
            seg(suspect.gender, tag=f"gender:{suspect.name}"),
            "，",
            seg(ctx.style.day(suspect.birth), DATETIME, tag=f"birth:{suspect.name}"),
            "出生，",
            *field_segs(
                "身份证件种类及号码",
                [seg("居民身份证"), seg(suspect.id_number, ID_NUMBER, tag=f"id:{suspect.name}")],
                ctx,
            ),
            "，",
            *field_segs("现住址", suspect.address, ctx),
            "，",
            *field_segs("工作单位", workplace, ctx),
            "。",
        )
    else:
        w.para(*field_segs("违法行为人", person_seg(suspect.name, "suspect"), ctx))
        w.para(
            *field_segs("性别", seg(suspect.gender, tag=f"gender:{suspect.name}"), ctx),
            " ",
            *field_segs("出生日期", seg(ctx.style.day(suspect.birth), DATETIME, tag=f"birth:{suspect.name}"), ctx),
        )
        w.para(
            *field_segs(
                "身份证件种类及号码",
                [seg("居民身份证 "), seg(suspect.id_number, ID_NUMBER, tag=f"id:{suspect.name}")],
                ctx,
            )
        )
        w.para(*field_segs("现住址", suspect.address, ctx))
        w.para(*field_segs("工作单位", workplace, ctx))
        w.para(*field_segs("违法经历", str(f.extras.get("record") or "无"), ctx))
    # A decision names the person 违法行为人, no longer 违法嫌疑人.
    narrative = f.narrative.strip().replace("违法嫌疑人", "违法行为人")
    w.para("现查明：", *ctx.segment(narrative))
    w.para(
        rng.choice(p["decision_evidence_lead"]),
        *ctx.segment(evidence_list(ctx, suspect=suspect)),
        rng.choice(p["decision_evidence_tail"]),
    )
    articles = ctx.segment(join_articles(f.penalty_articles) or "《中华人民共和国治安管理处罚法》")
    penalty = f.penalty or "警告"
    w.para("根据", *articles, "之规定，现决定对", person_seg(suspect.name, "suspect"), *ctx.segment(penalty), "。")
    w.para(*field_segs("执行方式和期限", _execution(ctx, penalty), ctx))
    if "罚款" in penalty:
        w.para(p["decision_fine_overdue"])
    w.para(*ctx.fill(p["decision_review"], government=seg(f.agency.government, ORG), court=seg(f.agency.court, ORG)))
    if rng.random() < 0.3:
        w.para("附：/")
    decided_by = str(f.extras.get("decided_by") or f.agency.name)
    ctx.add(decided_by, ORG)
    closing(w, decided.date(), tag="act:penalty_decided", issuer=None if decided_by == f.agency.name else decided_by)
    if own_service:
        served = act_time(ctx, "served", decided + timedelta(minutes=rng.choice([10, 20, 30, 45])))
        w.para(p["decision_served_statement"])
        w.sign(*field_segs("被处罚人", person_seg(suspect.name, "suspect"), ctx))
        # The person signs with the date only (式样: 被处罚人 年 月 日).
        w.sign(seg(ctx.style.day(served.date()), DATETIME, tag="act:served"))
    return spec


def _execution(ctx: CaseContext, penalty: str) -> str:
    p = phrasing()
    rng = ctx.rng
    f = ctx.facts
    parts = []
    not_executed = f.extras.get("detention_not_executed_reason")
    if "拘留" in penalty and not_executed:
        # 治安管理处罚法: 已满十四周岁不满十六周岁 / 初次违反的未成年人 — the detention is decided but not executed.
        parts.append(f"被处罚人系{not_executed}，依法不执行行政拘留处罚。")
    elif "拘留" in penalty:
        parts.append(
            rng.choice(p["decision_detention_execution"]).format(custody=f.agency.custody_center, agency=f.agency.name)
        )
    if "罚款" in penalty:
        parts.append(rng.choice(p["decision_fine_execution"]))
    if not parts:
        parts.append(rng.choice(p["decision_warning_execution"]))
    return "".join(parts)


def build_service_receipt(ctx: CaseContext, victim: Person | None = None) -> DocSpec:
    """送达回执 of the 决定书: to the 被处罚人, or (``victim``) the copy sent to the 被侵害人."""
    f = ctx.facts
    rng = ctx.rng
    decided = act_time(ctx, "penalty_decided", accepted_at(ctx) + timedelta(days=1))
    act = "victim_served" if victim is not None else "served"
    served = act_time(ctx, act, decided + timedelta(minutes=rng.choice([10, 20, 30, 45])))
    receiver = victim or f.suspects[0]
    receiver_role = "victim" if victim is not None else "suspect"
    spec = DocSpec(doc_type="service_receipt", title="送达回执", file_stem="")
    w = Writer(ctx, spec)
    if rng.random() < 0.6:
        w.agency_header()
    w.title("送达回执", spaced=rng.random() < 0.4)
    number = doc_number(ctx, "administrative_penalty_decision")
    w.row(
        "送达文书名称及文号", value_segs([seg("行政处罚决定书 "), seg(number, DOC_NUMBER)], ctx, "送达文书名称及文号")
    )
    w.row("受送达人", person_seg(receiver.name, receiver_role, "受送达人"))
    place = seg(station_full(ctx), ORG) if victim is None or rng.random() < 0.6 else seg(victim.address, LOCATION)
    w.row(*label_cells(ctx, "送达地点", place))
    w.row("送达时间", seg(ctx.style.minute(served), DATETIME, tag=f"act:{act}"))
    w.row(*label_cells(ctx, "送达方式", "直接送达"))
    w.row("受送达人签名", person_seg(receiver.name, receiver_role, "受送达人签名"))
    w.row("送达人", officer_segs(ctx, "送达人"))
    if rng.random() < 0.5:
        w.row(*label_cells(ctx, "备注", "/"))
    closing(w, served.date())
    return spec
