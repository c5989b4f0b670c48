"""Administrative (治安) documents beyond the 告知/决定 core: 证据保全决定书 with its 清单, 行政处罚审批表, the
行政拘留家属通知书, 当场处罚决定书, 治安调解协议书 and the 鉴定意见通知书 of an injury 鉴定.

Fields follow the 2012 式样 as the case-handling systems print them (证据保全决定书: police_forms/zjbqjds; the others:
practice, see nlp/doctypes/doctypes.yaml). Every builder draws its layout from the case's random stream and writes
only what the facts say happened.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from corpora.generator.documents_base import (
    CASE_NUMBER,
    DATETIME,
    DOC_NUMBER,
    ID_NUMBER,
    LAW_CITATION,
    ORG,
    PHONE,
    CaseContext,
    Writer,
    field_segs,
    person_seg,
    seg,
)
from corpora.generator.documents_decisions import appraisal_info, appraisal_kind
from corpora.generator.documents_forms import (
    accepted_at,
    act_time,
    case_name_segs,
    closing,
    family_of,
    header,
    label_cells,
    officer_segs,
    officers_of,
    procedure_citation,
    seized_rows,
    station_full,
)
from corpora.generator.model import DocSpec, Person, Seg
from corpora.generator.textutil import cn_number

PSAPL = "《中华人民共和国治安管理处罚法》"


# --- 证据保全决定书 (扣押) with its 清单 -------------------------------------------------------------------


def build_evidence_preservation_decision(ctx: CaseContext) -> DocSpec:
    """扣押 as a 证据保全 measure (行政案件程序规定 第一百一十一条): 当事人, 理由/依据/期限, 救济途径, 机关/印章/日期,
    and the attached 清单 signed by the officers, the 当事人 and the witness."""
    f = ctx.facts
    rng = ctx.rng
    seized = act_time(ctx, "seized", accepted_at(ctx) + timedelta(hours=1))
    holder: Person = f.suspects[0]
    spec = DocSpec(doc_type="evidence_preservation_decision", title="证据保全决定书", file_stem="")
    w = Writer(ctx, spec)
    header(w, "证据保全决定书", "evidence_preservation_decision", spaced=0.4, agency=0.7)
    w.para(*field_segs("当事人", person_seg(holder.name, "suspect"), ctx))
    w.para(
        "性别：",
        seg(holder.gender, tag=f"gender:{holder.name}"),
        " 出生日期：",
        seg(ctx.style.day(holder.birth), DATETIME, tag=f"birth:{holder.name}"),
        " 身份证件种类及号码：居民身份证",
        seg(holder.id_number, ID_NUMBER, tag=f"id:{holder.name}"),
    )
    w.para(*field_segs("现住址及联系方式", [holder.address, "，", seg(holder.phone, PHONE)], ctx), "。")
    w.para(
        "因调查",
        *case_name_segs(ctx, bare=True),
        "一案的需要，该物品系与案件有关的需要作为证据的物品，根据",
        *procedure_citation(ctx, "seized", law=PSAPL),
        "之规定，本机关决定对下列物品采取扣押的证据保全措施，期限为三十日。",
    )
    w.para(
        *ctx.fill(
            "如不服本决定，可以在收到本决定书之日起六十日内向{government}申请行政复议或者在六个月内依法向{court}"
            "提起行政诉讼。",
            government=seg(f.agency.government, ORG),
            court=seg(f.agency.court, ORG),
        )
    )
    closing(w, seized.date(), tag="doc_date")
    w.title("证据保全清单")
    w.row("编号", "名称", "数量", "特征")
    for n, (name, qty, feature) in enumerate(seized_rows(ctx), start=1):
        w.row(str(n), name, qty, feature)
    w.para(*field_segs("扣押时间", seg(ctx.style.minute(seized), DATETIME, tag="act:seized"), ctx))
    w.para(*field_segs("办案民警", officer_segs(ctx, "办案民警"), ctx))
    witness = ctx.memo.setdefault("seizure_witness", ctx.new_name())
    w.para(
        *field_segs("证据持有人", person_seg(holder.name, "suspect"), ctx),
        " ",
        *field_segs("见证人", person_seg(str(witness), "witness"), ctx),
    )
    keeper = officers_of(ctx)[-1]
    w.para(*field_segs("保管人", person_seg(keeper, "officer"), ctx))
    if rng.random() < 0.5:
        w.para("本清单一式二份，一份交当事人，一份附卷。")
    return spec


# --- 行政处罚审批表 -----------------------------------------------------------------------------------------------


def approval_time(ctx: CaseContext) -> datetime:
    """After the 告知 ended and before the 决定: the approval the decision rests on."""
    f = ctx.facts
    decided = act_time(ctx, "penalty_decided", accepted_at(ctx) + timedelta(days=1))
    notice_end = max((s.end for s in f.sessions if s.kind == "penalty_notice" and s.end <= decided), default=None)
    lo = notice_end + timedelta(minutes=5) if notice_end else decided - timedelta(hours=2)
    gap = int((decided - lo).total_seconds() // 60)
    if gap <= 6:
        return lo
    return decided - timedelta(minutes=ctx.rng.randint(5, min(gap - 1, 60)))


def build_approval_form(ctx: CaseContext) -> DocSpec:
    """行政处罚审批表: 承办人意见, 办案部门意见, 法制审核意见 and the 负责人's approval (行政程序规定 第一百七十条)."""
    f = ctx.facts
    rng = ctx.rng
    suspect = f.suspects[0]
    approved = approval_time(ctx)
    spec = DocSpec(doc_type="approval_form", title="行政处罚审批表", file_stem="")
    w = Writer(ctx, spec)
    if rng.random() < 0.6:
        w.agency_header()
    w.title("行政处罚审批表", spaced=rng.random() < 0.3)
    w.row(*label_cells(ctx, "案件名称", case_name_segs(ctx)))
    w.row("案件编号", seg(f.case_number, CASE_NUMBER, tag="案件编号"))
    w.row(
        "违法嫌疑人",
        person_seg(suspect.name, "suspect", "违法嫌疑人"),
        "性别",
        seg(suspect.gender, tag=f"gender:{suspect.name}"),
    )
    w.row("身份证件号码", seg(suspect.id_number, ID_NUMBER, tag=f"id:{suspect.name}"))
    articles = ctx.segment("、".join(f.penalty_articles) or PSAPL)
    penalty = f.penalty or "警告"
    w.row(
        "承办人意见",
        [
            "违法嫌疑人",
            person_seg(suspect.name, "suspect"),
            f"的行为已构成{f.charge}，事实清楚，证据确实充分，建议根据",
            *articles,
            "之规定，对其",
            *ctx.segment(penalty.replace("（依法不执行行政拘留处罚）", "")),
            "。",
        ],
    )
    w.row("承办人", officer_segs(ctx, "承办人"))
    w.row(*label_cells(ctx, "办案部门意见", rng.choice(["同意承办人意见。", "同意。", "拟同意，请审核。"])))
    w.row(
        *label_cells(
            ctx,
            "审核意见",
            rng.choice(
                [
                    "事实清楚，证据确实充分，定性准确，适用法律正确，程序合法，处理适当，同意。",
                    "经审核，同意办案部门意见。",
                ]
            ),
        )
    )
    w.row(*label_cells(ctx, "领导审批意见", rng.choice(["同意。", "同意，按审核意见办理。"])))
    w.row(
        "批准人",
        person_seg(f.approver, "approver", "批准人"),
        "批准时间",
        seg(ctx.style.minute(approved), DATETIME, tag="批准时间"),
    )
    spec.date = approved.date()
    return spec


# --- 行政拘留家属通知书 ---------------------------------------------------------------------------------------------


def build_penalty_family_notice(ctx: CaseContext) -> DocSpec:
    """The family told of the 行政拘留 and where it is served, or that by law it is not (程序规定 第一百七十六条)."""
    f = ctx.facts
    rng = ctx.rng
    suspect = f.suspects[0]
    decided = act_time(ctx, "penalty_decided", accepted_at(ctx) + timedelta(days=1))
    notified = act_time(ctx, "penalty_family_notified", decided + timedelta(hours=1))
    family, _relation = family_of(ctx, suspect)
    ctx.add(family, "PERSON", "family")
    spec = DocSpec(doc_type="penalty_family_notice", title="行政拘留家属通知书", file_stem="")
    w = Writer(ctx, spec)
    header(w, "行政拘留家属通知书", "penalty_family_notice", spaced=0.3, agency=0.6)
    w.para(person_seg(family, "family"), "：")
    days = int(f.extras.get("detention_days") or 0)
    reason = f.extras.get("detention_not_executed_reason")
    version = str(f.extras.get("psapl_version") or "2012")
    article = "第九十七条第一款" if version == "2012" else "第一百一十六条第一款"
    where = f"被处罚人系{reason}，依法不执行行政拘留处罚。" if reason else f"现在{f.agency.custody_center}执行。"
    w.para(
        "根据",
        seg(PSAPL + article, LAW_CITATION, tag="citation"),
        "之规定，现将你的家属",
        person_seg(suspect.name, "suspect"),
        f"因{f.charge}，被本机关决定行政拘留{cn_number(days)}日，",
        where,
        "特此通知。",
    )
    way = rng.choice(["电话通知", "当面通知"])
    w.para(*field_segs("通知时间", seg(ctx.style.minute(notified), DATETIME, tag="act:penalty_family_notified"), ctx))
    w.para(*field_segs("通知方式", way, ctx), " ", *field_segs("通知人", officer_segs(ctx, "通知人", 1), ctx))
    closing(w, notified.date())
    if rng.random() < 0.4:
        w.para("（本通知书一式两份，一份交被处罚人家属，一份附卷。地址：", seg(station_full(ctx), ORG), "）")
    return spec


# --- 当场处罚决定书 ---------------------------------------------------------------------------------------------


def build_on_the_spot_decision(ctx: CaseContext) -> DocSpec:
    """简易程序: 被处罚人, 违法行为, 处罚依据, 罚款数额, 时间, 地点, 机关名称, the officer's signature (治安管理处罚法
    2012 第一百零一条 / 2025 第一百二十条), 救济途径 (行政处罚法 第五十二条) and the oral 告知 (程序规定 第三十八条)."""
    f = ctx.facts
    rng = ctx.rng
    suspect = f.suspects[0]
    decided = act_time(ctx, "penalty_decided", accepted_at(ctx) + timedelta(minutes=30))
    spec = DocSpec(doc_type="on_the_spot_penalty_decision", title="当场处罚决定书", file_stem="")
    w = Writer(ctx, spec)
    header(w, "当场处罚决定书", "on_the_spot_penalty_decision", spaced=0.3, agency=0.7)
    w.para(*field_segs("被处罚人", person_seg(suspect.name, "suspect"), ctx))
    w.para(
        "性别：",
        seg(suspect.gender, tag=f"gender:{suspect.name}"),
        " 出生日期：",
        seg(ctx.style.day(suspect.birth), DATETIME, tag=f"birth:{suspect.name}"),
    )
    w.para("身份证件种类及号码：居民身份证", seg(suspect.id_number, ID_NUMBER, tag=f"id:{suspect.name}"))
    w.para(*field_segs("现住址", suspect.address, ctx))
    narrative = f.narrative.strip().replace("违法嫌疑人", "违法行为人")
    w.para("现查明：", *ctx.segment(narrative))
    w.para(
        "处罚前已口头告知违法行为人拟作出处罚决定的事实、理由和依据，并告知其依法享有陈述权和申辩权，"
        + rng.choice(["违法行为人未提出陈述和申辩。", "违法行为人表示无异议。"])
    )
    articles = ctx.segment("、".join(f.penalty_articles) or PSAPL)
    penalty = f.penalty or "警告"
    who = person_seg(suspect.name, "suspect")
    w.para("根据", *articles, "之规定，决定给予", who, *ctx.segment(penalty), "的处罚。")
    if "罚款" in penalty:
        w.para(*field_segs("执行方式", "被处罚人于十五日内到指定银行缴纳罚款", ctx), "。")
    else:
        w.para(*field_segs("执行方式", "当场训诫", ctx), "。")
    place = str(f.extras.get("penalty_place") or f.incident_place)
    w.para(*field_segs("处罚地点", place, ctx))
    w.para("处罚时间：", seg(ctx.style.minute(decided), DATETIME, tag="处罚时间"))
    w.para(
        *ctx.fill(
            "如不服本决定，可以在收到本决定书之日起六十日内向{government}申请行政复议或者在六个月内依法向{court}"
            "提起行政诉讼。",
            government=seg(f.agency.government, ORG),
            court=seg(f.agency.court, ORG),
        )
    )
    w.para(*field_segs("办案民警", officer_segs(ctx, "办案民警", 2 if rng.random() < 0.7 else 1), ctx))
    w.para(*field_segs("被处罚人签名", person_seg(suspect.name, "suspect"), ctx))
    closing(w, decided.date(), tag="act:penalty_decided")
    return spec


# --- 治安调解协议书 ---------------------------------------------------------------------------------------------


def _labelled(label: str, segs: list[Seg]) -> list[Seg]:
    """``label：value`` with every segment of the value tagged by the label, so a defect can blank it whole."""
    return [seg(label + "："), *[Seg(s.text, s.type, s.role, label) for s in segs]]


def _party_segs(ctx: CaseContext, p: Person, role: str) -> list[Seg]:
    return [
        person_seg(p.name, role),
        seg(f"，{p.gender}，"),
        seg(ctx.style.day(p.birth), DATETIME),
        seg("出生，身份证号码"),
        seg(p.id_number, ID_NUMBER),
        seg(f"，住{p.address}，联系电话"),
        seg(p.phone, PHONE),
    ]


def build_mediation_agreement(ctx: CaseContext) -> DocSpec:
    """治安调解协议书 (行政程序规定 第一百八十四条): 调解机关, 主持人, both parties and others present, the facts, the
    agreement, its term and manner of performance, both parties' signatures; the case ends without a penalty
    (治安管理处罚法 第九条)."""
    f = ctx.facts
    rng = ctx.rng
    suspect, victim = f.suspects[0], f.victims[0]
    started = act_time(ctx, "mediated", accepted_at(ctx) + timedelta(days=1))
    ended = f.extras.get("mediation_end") or started + timedelta(minutes=40)
    station = station_full(ctx)
    spec = DocSpec(doc_type="mediation_agreement", title="治安调解协议书", file_stem="")
    w = Writer(ctx, spec)
    header(w, "治安调解协议书", "mediation_agreement", spaced=0.3, agency=0.6)
    w.para(*_labelled("调解机关", [seg(station, ORG)]))
    w.para(*_labelled("主持人", officer_segs(ctx, "主持人")))
    w.para(
        *_labelled(
            "调解时间",
            [
                seg(ctx.style.minute(started), DATETIME, tag="act:mediated"),
                seg("至"),
                seg(ctx.style.clock(ended), DATETIME),
            ],
        )
    )
    w.para(*_labelled("调解地点", ctx.segment(f"{station}调解室")))
    w.para(*_labelled("甲方当事人", _party_segs(ctx, suspect, "suspect")))
    w.para(*_labelled("乙方当事人", _party_segs(ctx, victim, "victim")))
    present = f.extras.get("mediation_present")
    w.para(*_labelled("其他在场人员", ctx.segment(str(present)) if present else [seg("无")]))
    narrative = f.narrative.strip().replace("违法嫌疑人", "").replace("被侵害人", "")
    w.para(*_labelled("主要事实", ctx.segment(narrative)))  # the full stop is part of the value: blanked with it
    terms = str(f.extras.get("mediation_terms") or "")
    w.para(*_labelled("协议内容", ctx.segment(terms)))
    performance = str(f.extras.get("mediation_performance") or "").rstrip("。")
    w.para(*_labelled("履行期限和方式", ctx.segment(performance)), "。")  # the reader trims a short field's 。
    w.para(
        "经公安机关调解，当事人达成协议的，不予处罚。达成协议后不履行的，公安机关依照",
        seg(PSAPL + "第九条", LAW_CITATION, tag="citation"),
        "之规定对违反治安管理行为人给予处罚，并告知当事人可以就民事争议依法向人民法院提起民事诉讼。",
    )
    if rng.random() < 0.6:
        w.para("本协议一式三份，双方当事人各执一份，一份附卷。")
    w.para(
        *_labelled("甲方签名", [person_seg(suspect.name, "suspect")]),
        " ",
        *_labelled("乙方签名", [person_seg(victim.name, "victim")]),
    )
    w.para(*field_segs("调解民警", officer_segs(ctx, "调解民警"), ctx))
    closing(w, started.date(), issuer=station)
    return spec


# --- 鉴定意见通知书 (治安) -----------------------------------------------------------------------------------------


def _notice_number(ctx: CaseContext, day: date) -> str | None:
    """The 鉴通 文号 of this agency's 治安 series (昆公五(治)鉴通字〔2023〕0117号), shared by the case's notices."""
    f = ctx.facts
    number = f.doc_numbers.get("expert_opinion_notice")
    if number:
        return number
    m = re.match(r"^(?P<head>.+?\([^)]+\))", f.doc_numbers.get("case_acceptance_register", ""))
    if not m:
        return None
    serial = sum(map(ord, f.case_id + "expert_opinion_notice")) % 900 + 10
    number = f"{m.group('head')}鉴通字〔{day.year}〕{serial:04d}号"
    f.doc_numbers["expert_opinion_notice"] = number
    ctx.add(number, DOC_NUMBER)
    return number


def opinion_notices(ctx: CaseContext) -> list[tuple[str, DocSpec]]:
    """The 鉴定意见通知书 to the 违法嫌疑人 and the 被侵害人 of an injury 鉴定 (程序规定 第九十七条第二款: 复印件 served
    within five days of receiving it), at the moment the facts give."""
    f = ctx.facts
    notified = f.acts.get("appraisal_notified")
    if notified is None or "appraised" not in f.acts or appraisal_kind(ctx) != "injury":
        return []
    people = [f.suspects[0], *f.victims[:1]]
    if _notice_number(ctx, notified.date()) is None:
        return []
    many = len(people) > 1
    return [
        (f"鉴定意见通知书_{p.name}" if many else "鉴定意见通知书", build_admin_opinion_notice(ctx, p, notified))
        for p in people
    ]


def build_admin_opinion_notice(ctx: CaseContext, person: Person, notified: datetime) -> DocSpec:
    f = ctx.facts
    rng = ctx.rng
    info = appraisal_info(ctx)
    role = ctx.role_of(person)
    injured = f.victims[0] if f.victims else person
    result = str(info.get("result") or "").rstrip("。")
    spec = DocSpec(doc_type="expert_opinion_notice", title="鉴定意见通知书", file_stem="")
    w = Writer(ctx, spec)
    header(w, "鉴定意见通知书", "expert_opinion_notice", spaced=0.3, agency=0.7)
    w.para("违法嫌疑人" if role == "suspect" else "被侵害人", person_seg(person.name, role), "：")
    body: list[object] = [
        "我局委托",
        seg(str(info.get("institution") or ""), ORG),
        "对",
        person_seg(injured.name, ctx.role_of(injured)),
        "的人体损伤程度进行了鉴定。",
    ]
    if result:
        body += ["鉴定意见是：", *ctx.segment(result + "。")]
    body.append("现将鉴定意见复印件送达你。")
    w.para(*body)  # type: ignore[arg-type]
    w.para(
        rng.choice(
            [
                "如果你对该鉴定意见有异议，可以在收到本通知书之日起三日内提出重新鉴定的申请。",
                "如对鉴定意见有异议，可以在收到本通知书之日起三日内向本机关提出重新鉴定申请。",
            ]
        )
    )
    closing(w, notified.date())
    w.para("本通知书及鉴定意见复印件已收到。")
    signer = "被告知人" if role == "suspect" else "被侵害人"  # 被告知人 names the 违法嫌疑人 in the 式样
    w.para(*field_segs(signer, person_seg(person.name, role, signer), ctx), "（捺指印）")
    w.para(*field_segs("送达时间", seg(ctx.style.minute(notified), DATETIME, tag="act:appraisal_notified"), ctx))
    return spec
