"""Forms of the procedure: 受案登记表/回执, 立案决定书, 传唤证 (刑事/行政), 拘留证/通知书, 扣押决定书/清单, and the
pieces every 文书 shares (文号, 落款, citations, 存根 rows).

Field inventories follow the form skeletons in ../shared/data/police_forms (存根 fields, 正本/附卷 wording); documents
without a skeleton follow the 2012 式样 as printed by the case-handling systems. Each builder draws its layout (form
table or label：value paragraphs, 存根 or not, letter-spaced title, agency header, Chinese or Arabic 落款) from the
case's random stream.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from corpora.generator.documents_base import (
    CASE_NUMBER,
    DATETIME,
    DOC_NUMBER,
    ID_NUMBER,
    LAW_CITATION,
    LOCATION,
    ORG,
    PHONE,
    CaseContext,
    Writer,
    cn_date,
    field_segs,
    joined,
    person_seg,
    phrasing,
    seg,
    value_segs,
)
from corpora.generator.model import DocSpec, Item, Person, Seg, Session
from corpora.generator.textutil import cn_number

# 刑事诉讼法 (2018) articles the criminal forms cite.
CPL = "《中华人民共和国刑事诉讼法》"
CPL_FILING = "第一百一十二条"
CPL_SUMMONS = "第一百一十九条"
CPL_DETENTION = "第八十二条"
CPL_SEIZURE = "第一百四十一条"
CPL_ARREST = ("第八十一条", "第八十七条")
# 刑法 articles by charge, for the 提请批准逮捕书 when the facts do not cite one.
PENAL_ARTICLES = {
    "盗窃罪": "第二百六十四条",
    "诈骗罪": "第二百六十六条",
    "抢夺罪": "第二百六十七条第一款",
    "抢劫罪": "第二百六十三条",
    "故意伤害罪": "第二百三十四条第一款",
    "危险驾驶罪": "第一百三十三条之一第一款第二项",
    "掩饰、隐瞒犯罪所得罪": "第三百一十二条第一款",
    "寻衅滋事罪": "第二百九十三条",
    "开设赌场罪": "第三百零三条第二款",
    "赌博罪": "第三百零三条第一款",
    "敲诈勒索罪": "第二百七十四条",
    "非法拘禁罪": "第二百三十八条",
    "故意毁坏财物罪": "第二百七十五条",
    "容留他人吸毒罪": "第三百五十四条",
    "妨害公务罪": "第二百七十七条第一款",
    "袭警罪": "第二百七十七条第五款",
    "帮助信息网络犯罪活动罪": "第二百八十七条之二第一款",
}
_WORDS = {  # 文书字 by doc type, for a 文号 the facts do not carry
    "case_acceptance_register": "受案",
    "case_acceptance_receipt": "受案",
    "case_filing_decision": "立",
    "criminal_summons": "传",
    "administrative_summons": "传",
    "detention_warrant": "拘",
    "detention_notice": "拘通",
    "seizure_decision": "扣",
    "arrest_request": "提捕",
    "administrative_penalty_decision": "决",
}


# --- shared pieces -----------------------------------------------------------------------------------------------


def doc_number(ctx: CaseContext, doc_type: str) -> str:
    f = ctx.facts
    number = f.doc_numbers.get(doc_type)
    if number:
        return number
    if doc_type == "case_acceptance_receipt" and f.doc_numbers.get("case_acceptance_register"):
        return f.doc_numbers["case_acceptance_register"]  # the 回执 carries the register's number
    kind = "刑" if f.kind == "criminal" else "行"
    year = (f.acts.get("case_accepted") or f.incident_time).year
    serial = sum(map(ord, f.case_id + doc_type)) % 900 + 10
    number = f"{f.agency.prefix}({kind}){_WORDS.get(doc_type, '字')}字〔{year}〕{serial:04d}号"
    ctx.add(number, DOC_NUMBER)
    return number


def number_line(w: Writer, doc_type: str) -> None:
    w.sign(seg(doc_number(w.ctx, doc_type), DOC_NUMBER, tag="doc_number"))


def header(w: Writer, title: str, doc_type: str, *, spaced: float = 0.4, agency: float = 0.7) -> None:
    """Agency line (or not), the title (letter-spaced or not), the 文号."""
    rng = w.rng
    if rng.random() < agency:
        w.agency_header()
    w.title(title, spaced=rng.random() < spaced)
    number_line(w, doc_type)


def date_seg(ctx: CaseContext, day: date, tag: str, chinese: bool | None = None) -> Seg:
    if chinese is None:
        chinese = ctx.rng.random() < 0.55
    return seg(cn_date(day) if chinese else ctx.style.day(day), DATETIME, tag=tag)


def closing(w: Writer, day: date, tag: str = "doc_date", issuer: str | None = None) -> Seg:
    """The 落款: issuing body (with its seal note) and the date; returns the date segment."""
    name = issuer or w.ctx.facts.agency.name
    seal = w.rng.choice(["（印）", "（公安局印）", ""]) if issuer is None else "（印）"
    w.sign(seg(name, ORG), seal)
    day_seg = date_seg(w.ctx, day, tag)
    w.sign(day_seg)
    w.spec.date = day
    return day_seg


def citation(*articles: str, law: str = CPL) -> list[Seg]:
    """《law》第X条、第Y条: every article its own LAW_CITATION segment."""
    out: list[Seg] = []
    for i, art in enumerate(articles):
        if i:
            out.append(seg("、"))
        out.append(seg((law if i == 0 else "") + art, LAW_CITATION, tag="citation"))
    return out


def officers_of(ctx: CaseContext, n: int = 2) -> list[str]:
    return list(dict.fromkeys(o.name for o in ctx.facts.officers))[:n]


def officer_segs(ctx: CaseContext, tag: str, n: int = 2) -> list[Seg]:
    return joined([person_seg(name, "officer", tag) for name in officers_of(ctx, n)])


def unit(ctx: CaseContext) -> str:
    return ctx.facts.officers[0].unit if ctx.facts.officers else ctx.facts.agency.name


def station_full(ctx: CaseContext) -> str:
    a = ctx.facts.agency
    return a.name + a.station


def minute_or_day(ctx: CaseContext, when: datetime, tag: str, minute: bool) -> Seg:
    return seg(ctx.style.minute(when) if minute else ctx.style.day(when.date()), DATETIME, tag=tag)


def first_session(ctx: CaseContext, person: Person, kinds: tuple[str, ...]) -> Session | None:
    for s in ctx.facts.sessions:
        if s.kind in kinds and s.person.name == person.name:
            return s
    return None


def case_name_segs(ctx: CaseContext, tag: str | None = None, bare: bool = False) -> list[Seg]:
    """The 案件名称; ``bare`` drops its final 案 for "…被盗一案" / "…被盗案件中"."""
    name = ctx.facts.case_name
    if bare and name.endswith("案"):
        name = name[:-1]
    segs = ctx.segment(name)
    return [Seg(s.text, s.type, s.role, tag) if tag and s.tag is None else s for s in segs]


def label_cells(ctx: CaseContext, label: str, value: object) -> list[object]:
    """Two table cells: the label and its tagged value."""
    return [label, value_segs(value, ctx, label)]  # type: ignore[arg-type]


def act_time(ctx: CaseContext, name: str, fallback: datetime) -> datetime:
    return ctx.facts.acts.get(name) or fallback


def accepted_at(ctx: CaseContext) -> datetime:
    f = ctx.facts
    return f.acts.get("case_accepted") or f.acts.get("report_received") or f.incident_time + timedelta(hours=1)


def received_at(ctx: CaseContext) -> datetime:
    f = ctx.facts
    return f.acts.get("report_received") or accepted_at(ctx) - timedelta(minutes=20)


# --- 受案登记表 ------------------------------------------------------------------------------------------------------

_SOURCES = ["110指令", "工作中发现", "报案", "投案", "移送", "扭送", "其他"]
_OPINIONS = [
    "属本单位管辖的行政案件，建议及时调查处理",
    "属本单位管辖的刑事案件，建议及时立案侦查",
    "不属于本单位管辖，建议移送其他单位处理",
    "不属于公安机关职责范围，不予调查处理并当场书面告知当事人",
    "其他",
]


def _source(ctx: CaseContext) -> str:
    """The checked 案件来源 from the facts' report source and method (110 calls come as 110指令)."""
    f = ctx.facts
    source = str(f.extras.get("report_source") or f.extras.get("source") or "")
    method = str(f.extras.get("report_method") or "")
    if source in _SOURCES and source != "报案":
        return source
    if "110" in method:
        return "110指令"
    if source in ("报案", "群众举报", "控告", "举报"):
        return "报案"
    if "移交" in source or "移送" in source:
        return "移送"
    if source:
        return "工作中发现"
    if f.reporter is None:
        return "工作中发现"
    return "110指令" if ctx.rng.random() < 0.4 else "报案"


def _boxes(options: list[str], checked: str, tag: str, sep: str = " ") -> list[Seg]:
    out: list[Seg] = []
    for i, option in enumerate(options):
        if i:
            out.append(seg(sep))
        if option == checked:
            out += [seg("☑"), seg(option, tag=tag)]
        else:
            out.append(seg("□" + option))
    return out


def build_register(ctx: CaseContext) -> DocSpec:
    f = ctx.facts
    rng = ctx.rng
    spec = DocSpec(doc_type="case_acceptance_register", title="受案登记表", file_stem="")
    w = Writer(ctx, spec)
    if rng.random() < 0.6:
        w.agency_header()
    w.title("受案登记表", spaced=rng.random() < 0.3)
    number_line(w, "case_acceptance_register")
    w.para(*field_segs("受案单位", seg(station_full(ctx), ORG), ctx))

    source = _source(ctx)
    opinion = _OPINIONS[1] if f.kind == "criminal" else _OPINIONS[0]
    reporter = f.reporter
    received = received_at(ctx)
    accepted = accepted_at(ctx)
    place: Seg = seg(f.incident_place, LOCATION) if source == "110指令" else seg(station_full(ctx), ORG)
    table = rng.random() < 0.55
    narrative = ctx.segment(report_summary(ctx))
    evidence = rng.choice(["未接收证据。", "是否接收证据：否。"])
    if reporter is not None and rng.random() < 0.3:
        evidence = "接收报案人提供的购物凭证复印件一份。" if f.items else "未接收报案人提供的证据。"

    if table:
        w.row("案件来源", _boxes(_SOURCES, source, "案件来源"))
        if reporter is not None:
            r = reporter
            w.row(
                "报案人",
                "姓名",
                person_seg(r.name, "reporter", "姓名"),
                "性别",
                seg(r.gender, tag=f"gender:{r.name}"),
                "出生日期",
                seg(ctx.style.day(r.birth), DATETIME, tag=f"birth:{r.name}"),
            )
            w.row(
                *label_cells(ctx, "身份证件种类", "居民身份证"),
                "证件号码",
                seg(r.id_number, ID_NUMBER, tag=f"id:{r.name}"),
            )
            w.row(
                *label_cells(ctx, "工作单位", r.workplace or "无"),
                *label_cells(ctx, "联系方式", seg(r.phone, PHONE)),
            )
            w.row(*label_cells(ctx, "现住址", r.address))
        if rng.random() < 0.5:
            w.row(*label_cells(ctx, "移送单位", "/"), *label_cells(ctx, "移送人", "/"))
        w.row(
            "接报民警",
            officer_segs(ctx, "接报民警"),
            "接报时间",
            seg(ctx.style.minute(received), DATETIME, tag="接报时间"),
            "接报地点",
            value_segs(place, ctx, "接报地点"),
        )
        w.line(
            "简要案情或者报案记录（发案时间、地点、简要过程、涉案人基本情况、受害情况等）以及是否接收证据：",
            kind="row",
        )
        w.line(*[*narrative, evidence], kind="row")
        first, *rest = _OPINIONS
        w.row("受案意见", _boxes([first], opinion, "受案意见"))
        for option in rest:
            w.line(*_boxes([option], opinion, "受案意见"), kind="row")
        w.row(
            "受案民警",
            officer_segs(ctx, "受案民警"),
            "受案时间",
            seg(ctx.style.minute(accepted), DATETIME, tag="act:case_accepted"),
        )
        w.row("受案审批", value_segs("同意", ctx, "受案审批"), "受案部门负责人", _unit_head(ctx))
    else:
        w.para("案件来源：", *_boxes(_SOURCES, source, "案件来源"))
        if reporter is not None:
            r = reporter
            w.para(
                *field_segs("报案人", person_seg(r.name, "reporter"), ctx),
                " ",
                *field_segs("性别", seg(r.gender, tag=f"gender:{r.name}"), ctx),
                " ",
                *field_segs("出生日期", seg(ctx.style.day(r.birth), DATETIME, tag=f"birth:{r.name}"), ctx),
            )
            w.para(
                *field_segs("身份证件种类", "居民身份证", ctx),
                " ",
                *field_segs("证件号码", seg(r.id_number, ID_NUMBER, tag=f"id:{r.name}"), ctx),
            )
            w.para(
                *field_segs("工作单位", r.workplace or "无", ctx),
                " ",
                *field_segs("联系方式", seg(r.phone, PHONE), ctx),
            )
            w.para(*field_segs("现住址", r.address, ctx))
        w.para(*field_segs("接报民警", officer_segs(ctx, "接报民警"), ctx))
        w.para(*field_segs("接报时间", seg(ctx.style.minute(received), DATETIME), ctx))
        w.para(*field_segs("接报地点", place, ctx))
        w.para(*field_segs("简要案情", [*narrative, seg(evidence)], ctx))
        w.para("受案意见：☑", seg(opinion, tag="受案意见"))
        w.para(
            *field_segs("受案民警", officer_segs(ctx, "受案民警"), ctx),
            " ",
            *field_segs("受案时间", seg(ctx.style.minute(accepted), DATETIME, tag="act:case_accepted"), ctx),
        )
        w.para(*field_segs("受案审批", "同意", ctx), " ", *field_segs("受案部门负责人", _unit_head(ctx), ctx))
    if rng.random() < 0.4:
        w.para("一式两份，一份附卷，一份存根。")
    spec.date = accepted.date()
    return spec


# Clauses a 受案 could not yet know: appraisal and laboratory results, what the investigation found.
_LATER_FINDINGS = re.compile(r"经[^，。；]{0,24}(?:鉴定|认定|检验)|供认不讳|经查|经审查")


def report_summary(ctx: CaseContext) -> str:
    """The 简要案情 as known when the case was received: no appraisal or laboratory results, and — in a case a victim
    reported — the suspect unnamed where the police identified him only later (first questioned days after)."""
    f = ctx.facts
    clauses = [x for x in re.split(r"(?<=[。；])", f.narrative.strip()) if x]
    kept = [x for x in clauses if not _LATER_FINDINGS.search(x)] or clauses[:1]
    text = "".join(kept)
    if text.endswith("；"):
        text = text[:-1] + "。"
    source = str(f.extras.get("report_source") or "报案")
    method = str(f.extras.get("report_method") or "")
    if source != "报案" or "现场" in method:
        return text
    received = received_at(ctx)
    for p in f.suspects:
        first = min((s.start for s in f.sessions if s.person.name == p.name), default=None)
        if first is not None and first - received > timedelta(hours=24):
            someone = "一名男子" if p.gender == "男" else "一名女子"
            text = re.sub(rf"(?:犯罪嫌疑人|违法嫌疑人)?{re.escape(p.name)}", someone, text, count=1)
            text = text.replace(p.name, "该" + someone[2:])
    return text


def _unit_head(ctx: CaseContext) -> Seg:
    """The 受案部门负责人: the unit head the facts name, else the case's approver."""
    head = ctx.facts.extras.get("unit_head")
    name = head if isinstance(head, str) and head else ctx.facts.approver
    ctx.add(name, "PERSON", "approver")
    return person_seg(name, "approver", "受案部门负责人")


# --- 受案回执 -------------------------------------------------------------------------------------------------------


def build_receipt(ctx: CaseContext) -> DocSpec:
    f = ctx.facts
    rng = ctx.rng
    r = f.reporter
    assert r is not None
    spec = DocSpec(doc_type="case_acceptance_receipt", title="受案回执", file_stem="")
    w = Writer(ctx, spec)
    header(w, "受案回执", "case_acceptance_receipt", spaced=0.3, agency=0.6)
    w.para(person_seg(r.name, "reporter", "报案人"), "：")
    officer = ctx.facts.officers[0].name if f.officers else ctx.new_name()
    phone = f.extras.get("station_phone")
    if not isinstance(phone, str) or not phone:
        phone = "1" + rng.choice("3589") + "".join(str(rng.randrange(10)) for _ in range(9))
    contact = rng.choice(["110或者办案民警", "电话", "办案民警联系电话"])
    received = received_at(ctx)
    body = ctx.fill(
        rng.choice(phrasing()["receipt_body"]),
        date=seg(ctx.style.day(received.date()), DATETIME, tag="act:report_received"),
        case_name=case_name_segs(ctx, bare=True),
        contact=contact,
    )
    w.para(*body)
    w.para(
        *field_segs("联系人", person_seg(officer, "officer"), ctx, tag="联系人"),
        " ",
        *field_segs("联系电话", seg(phone, PHONE), ctx),
    )
    closing(w, accepted_at(ctx).date(), tag="act:case_accepted")
    if rng.random() < 0.4:
        w.para("一式两份，一份交报案人、控告人、举报人、扭送人，一份附卷。")
    return spec


# --- 立案决定书 ------------------------------------------------------------------------------------------------------


def _stub_person(w: Writer, label: str, p: Person, with_address: bool = True, work: bool = False) -> None:
    ctx = w.ctx
    w.row(label, person_seg(p.name, "suspect", label), "性别", seg(p.gender, tag=f"gender:{p.name}"))
    w.row("出生日期", seg(ctx.style.day(p.birth), DATETIME, tag=f"birth:{p.name}"))
    if with_address:
        w.row(*label_cells(ctx, "住址", p.address))
    if work:
        job = p.workplace + p.occupation if p.workplace else p.occupation or "无业"
        w.row(*label_cells(ctx, "单位及职业", job))


def _stub_tail(
    w: Writer, approved: datetime, issued: datetime, approve_tag: str, minute: bool, handlers_label: str = "办案人"
) -> None:
    ctx = w.ctx
    w.row(
        "批准人",
        person_seg(ctx.facts.approver, "approver", "批准人"),
        "批准时间",
        minute_or_day(ctx, approved, approve_tag, minute),
    )
    w.row(handlers_label, officer_segs(ctx, handlers_label))
    w.row(*label_cells(ctx, "办案单位", seg(unit(ctx), ORG)))
    w.row(
        "填发时间",
        minute_or_day(ctx, issued, "填发时间", minute),
        "填发人",
        person_seg(officers_of(ctx)[-1], "officer", "填发人"),
    )


def build_filing(ctx: CaseContext) -> DocSpec:
    f = ctx.facts
    rng = ctx.rng
    filed = act_time(ctx, "case_filed", accepted_at(ctx) + timedelta(hours=2))
    spec = DocSpec(doc_type="case_filing_decision", title="立案决定书", file_stem="")
    w = Writer(ctx, spec)
    spaced = rng.random() < 0.6
    stub = rng.random() < 0.45
    if stub:
        w.title("立案决定书", spaced=spaced)
        w.para("（存根）")
        number_line(w, "case_filing_decision")
        w.row(*label_cells(ctx, "案件名称", case_name_segs(ctx)))
        w.row("案件编号", seg(f.case_number, CASE_NUMBER, tag="案件编号"))
        for p in f.suspects[:1]:
            _stub_person(w, "犯罪嫌疑人", p, work=True)
        minute = rng.random() < 0.4
        _stub_tail(w, filed, filed, "act:case_filed", minute)
        w.title("立案决定书", spaced=spaced)
        number_line(w, "case_filing_decision")
    else:
        header(w, "立案决定书", "case_filing_decision", spaced=0.6, agency=0.7)
    body = ctx.fill(
        rng.choice(phrasing()["filing_body"]),
        citation=procedure_citation(ctx, "case_filed", CPL_FILING),
        case_name=case_name_segs(ctx),
    )
    w.para(*body)
    closing(w, filed.date(), tag="doc_date" if stub else "act:case_filed")
    if stub:
        w.para("此联附卷")
    return spec


# --- 传唤证 ---------------------------------------------------------------------------------------------------------


@dataclass
class Summons:
    """One 传唤: who, the window (到达 … 结束/离开), when the 传唤证 was issued, its 文号 key."""

    person: Person
    arrived: datetime
    ended: datetime
    issued: datetime
    key: str


def summonses(ctx: CaseContext, kinds: tuple[str, ...], doc_type: str) -> list[Summons]:
    """The 传唤证 of the case: the scenario's summons windows where it issued one, else one around the first
    session of each questioned suspect when the facts record a summons. 口头传唤 has no 传唤证."""
    f = ctx.facts
    rng = ctx.rng
    windows = f.extras.get("summons_windows")
    issued_list = f.extras.get("summons_issued")
    out: list[Summons] = []
    if isinstance(windows, list) and windows:
        issued_list = issued_list if isinstance(issued_list, list) else [None] * len(windows)
        n = 0
        for (arrived, ended), issued in zip(windows, issued_list, strict=False):
            if issued is None:
                continue  # 口头传唤
            # Only a suspect is summoned: a witness questioned during the suspect's window is not the 被传唤人.
            session = next(
                (
                    s
                    for s in f.sessions
                    if s.kind in kinds and arrived <= s.start <= ended and ctx.role_of(s.person) == "suspect"
                ),
                None,
            )
            person = session.person if session is not None else f.suspects[0]
            n += 1
            key = doc_type if n == 1 else f"{doc_type}_{n}"
            out.append(Summons(person, arrived, ended, issued, key))
        return out
    if "summoned" not in f.acts or f.extras.get("summons_mode") == "口头传唤":
        return []
    for p in f.suspects:
        s = first_session(ctx, p, kinds)
        if s is None:
            continue
        arrived = f.acts["summoned"]
        if arrived > s.start:
            arrived = s.start - timedelta(minutes=rng.choice([10, 15, 20, 30]))
        ended = f.acts.get("summons_ended") or s.end + timedelta(minutes=rng.choice([5, 10, 15, 20]))
        detained = f.acts.get("detained")
        if detained is not None and arrived < detained < ended:
            ended = detained
        issued = arrived - timedelta(minutes=rng.choice([40, 60, 90, 120]))
        out.append(Summons(p, arrived, ended, issued, doc_type if not out else f"{doc_type}_{len(out) + 1}"))
    return out


def _appointed(arrived: datetime) -> datetime:
    """The 指定时间 printed on the summons: the full hour at or after the arrival."""
    return arrived.replace(minute=0) + timedelta(hours=1 if arrived.minute else 0)


def procedure_citation(ctx: CaseContext, act: str, *default: str, law: str = CPL) -> list[Seg]:
    """The article the facts cite for ``act`` (version-correct), else ``default`` articles of ``law``."""
    given = ctx.facts.extras.get("procedure_articles")
    if isinstance(given, dict) and isinstance(given.get(act), str) and given[act]:
        segs = ctx.segment(given[act])
        if any(s.type == LAW_CITATION for s in segs):
            return segs
    return citation(*default, law=law)


def build_criminal_summons(ctx: CaseContext, sm: Summons) -> DocSpec:
    f = ctx.facts
    rng = ctx.rng
    person = sm.person
    appointed = _appointed(sm.arrived)
    spec = DocSpec(doc_type="criminal_summons", title="传唤证", file_stem="")
    w = Writer(ctx, spec)
    spaced = rng.random() < 0.6
    session = next((s for s in f.sessions if s.person.name == person.name and sm.arrived <= s.start), None)
    place = seg(session.place, LOCATION) if session is not None else seg(unit(ctx), ORG)
    if place.text in ctx.lexicon:
        place.type = ctx.lexicon[place.text].type
    number = seg(doc_number(ctx, sm.key), DOC_NUMBER, tag="doc_number")
    if rng.random() < 0.5:
        w.title("传唤证", spaced=spaced)
        w.para("（存根）")
        w.sign(number)
        w.row(*label_cells(ctx, "案件名称", case_name_segs(ctx)))
        w.row("案件编号", seg(f.case_number, CASE_NUMBER, tag="案件编号"))
        _stub_person(w, "犯罪嫌疑人", person, work=True)
        w.row(*label_cells(ctx, "传唤原因", f"涉嫌{f.charge}"))
        w.row("指定时间", seg(ctx.style.hour(appointed), DATETIME, tag="指定时间"))
        w.row(*label_cells(ctx, "指定地点", Seg(place.text, place.type)))
        _stub_tail(w, sm.issued, sm.issued, "批准时间", minute=rng.random() < 0.5)
        w.title("传唤证", spaced=spaced)
        w.sign(Seg(number.text, DOC_NUMBER, tag="doc_number"))
    else:
        if rng.random() < 0.7:
            w.agency_header()
        w.title("传唤证", spaced=spaced)
        w.sign(number)
    body = ctx.fill(
        phrasing()["criminal_summons_body"],
        citation=procedure_citation(ctx, "summoned", CPL_SUMMONS),
        charge=f.charge,
        name=person_seg(person.name, "suspect"),
        gender=seg(person.gender, tag=f"gender:{person.name}"),
        birth=seg(ctx.style.day(person.birth), DATETIME, tag=f"birth:{person.name}"),
        address=seg(person.address, LOCATION),
        time=seg(ctx.style.hour(appointed), DATETIME, tag="指定时间"),
        place=Seg(place.text, place.type),
    )
    w.para(*body)
    closing(w, sm.issued.date())
    received = max(sm.issued, sm.arrived - timedelta(minutes=rng.choice([5, 10, 20])))
    w.para("本证已于", seg(ctx.style.minute(received), DATETIME, tag="收到时间"), "收到。")
    w.para(*field_segs("被传唤人", person_seg(person.name, "suspect"), ctx))
    w.para(
        *field_segs(
            "被传唤人到达时间",
            seg(ctx.style.minute(sm.arrived), DATETIME, tag=_act_tag(ctx, "summoned", sm.arrived)),
            ctx,
        )
    )
    w.para(*field_segs("被传唤人", person_seg(person.name, "suspect"), ctx))
    w.para(
        *field_segs(
            "传唤结束时间", seg(ctx.style.minute(sm.ended), DATETIME, tag=_act_tag(ctx, "summons_ended", sm.ended)), ctx
        )
    )
    w.para(*field_segs("被传唤人", person_seg(person.name, "suspect"), ctx))
    return spec


def build_admin_summons(ctx: CaseContext, sm: Summons) -> DocSpec:
    f = ctx.facts
    rng = ctx.rng
    person = sm.person
    appointed = _appointed(sm.arrived)
    spec = DocSpec(doc_type="administrative_summons", title="传唤证", file_stem="")
    w = Writer(ctx, spec)
    if rng.random() < 0.7:
        w.agency_header()
    w.title("传唤证", spaced=rng.random() < 0.6)
    w.sign(seg(doc_number(ctx, sm.key), DOC_NUMBER, tag="doc_number"))
    w.para(person_seg(person.name, "suspect"), "：")
    place = seg(station_full(ctx), ORG)
    basis = (
        procedure_citation(ctx, "summoned", law="《中华人民共和国治安管理处罚法》")
        if _has_article(ctx, "summoned")
        else summons_citation(ctx, sm.issued.date())
    )
    if rng.random() < 0.5:
        body = ctx.fill(
            rng.choice(phrasing()["admin_summons_body"]),
            cause=f.cause,
            citation=basis,
            time=seg(ctx.style.hour(appointed), DATETIME, tag="指定时间"),
            place=place,
        )
        w.para(*body)
    else:  # the form's check boxes of legal bases
        w.para("因你（单位）涉嫌", *ctx.segment(f.cause), "，根据")
        w.line(seg("☑"), *basis, kind="para")
        w.line(seg("□"), *citation("第五十九条第三款", law="《中华人民共和国出境入境管理法》"), kind="para")
        w.line(seg("□"), *citation("第七十条第二款", law="《中华人民共和国消防法》"), kind="para")
        w.line(seg("□"), *citation("第六十七条", law="《公安机关办理行政案件程序规定》"), kind="para")
        w.para(
            *ctx.fill(
                "之规定，现传唤你于{time}前到{place}接受询问。",
                time=seg(ctx.style.hour(appointed), DATETIME, tag="指定时间"),
                place=place,
            )
        )
    w.para(phrasing()["admin_summons_warning"])
    closing(w, sm.issued.date())
    w.para(
        *field_segs(
            "被传唤人到达时间",
            seg(ctx.style.minute(sm.arrived), DATETIME, tag=_act_tag(ctx, "summoned", sm.arrived)),
            ctx,
        )
    )
    w.para(*field_segs("被传唤人", person_seg(person.name, "suspect"), ctx))
    w.para(
        *field_segs(
            "被传唤人离开时间",
            seg(ctx.style.minute(sm.ended), DATETIME, tag=_act_tag(ctx, "summons_ended", sm.ended)),
            ctx,
        )
    )
    w.para(*field_segs("被传唤人", person_seg(person.name, "suspect"), ctx))
    if rng.random() < 0.4:
        w.para("一式两份，一份交被传唤人，一份附卷。")
    return spec


def _act_tag(ctx: CaseContext, act: str, when: datetime) -> str | None:
    """act:<act> where this moment is the facts' act (a second 传唤's times are only field values)."""
    return f"act:{act}" if ctx.facts.acts.get(act) == when else None


def _has_article(ctx: CaseContext, act: str) -> bool:
    given = ctx.facts.extras.get("procedure_articles")
    return isinstance(given, dict) and bool(given.get(act))


def summons_citation(ctx: CaseContext, on: date) -> list[Seg]:
    """治安管理处罚法's 传唤 article in the version in force: 第八十二条 (2012 text), 第九十六条 (from 2026)."""
    article = "第九十六条" if on >= date(2026, 1, 1) else "第八十二条"
    return citation(article, law="《中华人民共和国治安管理处罚法》")


# --- 拘留证 / 拘留通知书 ---------------------------------------------------------------------------------------------


def build_detention_warrant(ctx: CaseContext, person: Person) -> DocSpec:
    f = ctx.facts
    rng = ctx.rng
    detained = act_time(ctx, "detained", accepted_at(ctx) + timedelta(days=1))
    approved = detained - timedelta(minutes=rng.choice([20, 30, 45, 60, 90]))
    center = f.agency.detention_center
    spec = DocSpec(doc_type="detention_warrant", title="拘留证", file_stem="")
    w = Writer(ctx, spec)
    spaced = rng.random() < 0.6
    reason = rng.choice(phrasing()["detention_reasons"]).format(charge=f.charge)
    if rng.random() < 0.5:
        w.title("拘留证", spaced=spaced)
        w.para("（存根）")
        number_line(w, "detention_warrant")
        w.row(*label_cells(ctx, "案件名称", case_name_segs(ctx)))
        w.row("案件编号", seg(f.case_number, CASE_NUMBER, tag="案件编号"))
        _stub_person(w, "犯罪嫌疑人", person)
        w.row(*label_cells(ctx, "拘留原因", reason))
        _stub_tail(w, approved, approved, "批准时间", minute=rng.random() < 0.5, handlers_label="执行人")
        w.title("拘留证", spaced=spaced)
        number_line(w, "detention_warrant")
    else:
        header(w, "拘留证", "detention_warrant", spaced=0.6, agency=0.7)
    body = ctx.fill(
        phrasing()["detention_body"],
        citation=procedure_citation(ctx, "detained", CPL_DETENTION),
        name=person_seg(person.name, "suspect"),
        gender=seg(person.gender, tag=f"gender:{person.name}"),
        birth=seg(ctx.style.day(person.birth), DATETIME, tag=f"birth:{person.name}"),
        address=seg(person.address, LOCATION),
        center=seg(center, ORG),
    )
    w.para(*body)
    w.para(*field_segs("执行拘留时间", seg(ctx.style.minute(detained), DATETIME, tag="act:detained"), ctx))
    if rng.random() < 0.6:
        w.para(*field_segs("属于律师会见需经许可的案件", "否", ctx))
    closing(w, approved.date())
    w.para("本证已于", seg(ctx.style.minute(detained), DATETIME, tag="act:detained"), "向我宣布。")
    w.para(*field_segs("被拘留人", person_seg(person.name, "suspect"), ctx))
    jailed = f.acts.get("custody_admitted") or detained + timedelta(minutes=rng.choice([40, 60, 90, 120, 150]))
    receiver = ctx.new_name()
    w.para(
        "本证副本已收到，被拘留人",
        person_seg(person.name, "suspect"),
        "已于",
        seg(ctx.style.minute(jailed), DATETIME, tag="act:custody_admitted"),
        "送至我所。",
    )
    w.para(*field_segs("接收民警", person_seg(receiver, "officer"), ctx), "（", seg(center, ORG), "印）")
    return spec


def family_of(ctx: CaseContext, person: Person) -> tuple[str, str]:
    """(name, relation) of the family member told of the detention: the 法定代理人 of a minor, else one drawn once."""
    if person.guardian is not None:
        return person.guardian.name, "父亲" if person.guardian.gender == "男" else "母亲"
    key = f"family:{person.name}"
    if key not in ctx.memo:
        relation = ctx.rng.choice(["父亲", "母亲", "妻子", "丈夫", "哥哥", "姐姐"])
        if relation == "妻子" and person.gender == "女":
            relation = "丈夫"
        elif relation == "丈夫" and person.gender == "男":
            relation = "妻子"
        gender = "男" if relation in ("父亲", "丈夫", "哥哥") else "女"
        surname = ctx.surname_of(person.name) if relation in ("父亲", "哥哥", "姐姐") else None
        ctx.memo[key] = (ctx.new_name(surname, gender), relation)
    return ctx.memo[key]


def build_detention_notice(ctx: CaseContext, person: Person) -> DocSpec:
    f = ctx.facts
    rng = ctx.rng
    detained = act_time(ctx, "detained", accepted_at(ctx) + timedelta(days=1))
    notified = act_time(ctx, "family_notified", detained + timedelta(hours=rng.randint(2, 18)))
    center = f.agency.detention_center
    family, relation = family_of(ctx, person)
    ctx.add(family, "PERSON", "family")
    spec = DocSpec(doc_type="detention_notice", title="拘留通知书", file_stem="")
    w = Writer(ctx, spec)
    layout = rng.choice(["stub", "line", "plain"])
    spaced = rng.random() < 0.5
    if layout == "stub":
        w.title("拘留通知书", spaced=spaced)
        w.para("（存根）")
        number_line(w, "detention_notice")
        w.row(*label_cells(ctx, "案件名称", case_name_segs(ctx)))
        w.row("案件编号", seg(f.case_number, CASE_NUMBER, tag="案件编号"))
        w.row(
            "被拘留人",
            person_seg(person.name, "suspect", "被拘留人"),
            "性别",
            seg(person.gender, tag=f"gender:{person.name}"),
        )
        w.row("拘留时间", seg(ctx.style.minute(detained), DATETIME, tag="act:detained"))
        w.row(*label_cells(ctx, "羁押处所", seg(center, ORG)))
        w.row("家属姓名", person_seg(family, "family", "家属姓名"), *label_cells(ctx, "家属住址", person.address))
        w.row(
            "通知时间",
            seg(ctx.style.minute(notified), DATETIME, tag="act:family_notified"),
            *label_cells(ctx, "通知方式", rng.choice(["电话通知", "当面通知"])),
        )
        w.row("办案人", officer_segs(ctx, "办案人"))
        w.row(*label_cells(ctx, "办案单位", seg(unit(ctx), ORG)))
        w.row(
            "填发时间",
            seg(ctx.style.minute(notified), DATETIME, tag="填发时间"),
            "填发人",
            person_seg(officers_of(ctx)[-1], "officer", "填发人"),
        )
        w.title("拘留通知书", spaced=spaced)
        number_line(w, "detention_notice")
    else:
        header(w, "拘留通知书", "detention_notice", spaced=0.5, agency=0.7)
    w.para(person_seg(person.name, "suspect"), "家属：")
    body = ctx.fill(
        rng.choice(phrasing()["detention_notice_body"]),
        citation=procedure_citation(ctx, "detained", CPL_DETENTION),
        time=seg(ctx.style.minute(detained), DATETIME, tag="act:detained"),
        charge=f.charge,
        name=person_seg(person.name, "suspect"),
        center=seg(center, ORG),
    )
    w.para(*body)
    if layout == "line":
        way = rng.choice(["电话", "当面"])
        w.para(
            "已于",
            seg(ctx.style.minute(notified), DATETIME, tag="act:family_notified"),
            f"{way}通知被拘留人{relation}",
            person_seg(family, "family"),
            "。",
        )
    closing(w, notified.date(), tag="act:family_notified" if layout == "plain" else "doc_date")
    return spec


# --- 扣押 ----------------------------------------------------------------------------------------------------------

_QTY = re.compile(r"^(?P<name>.+?)(?P<qty>[一二两三四五六七八九十\d]+[辆部台个件只块张把条枚套台瓶批箱部副根])$")


def split_item(item: Item) -> tuple[str, str]:
    m = _QTY.match(item.name)
    return (m.group("name"), m.group("qty")) if m else (item.name, "一件")


def _holder(ctx: CaseContext) -> Person:
    f = ctx.facts
    holder = f.extras.get("holder")
    if isinstance(holder, str):
        for p in ctx.people():
            if p.name == holder:
                return p
    return f.suspects[0]


def build_seizure_decision(ctx: CaseContext) -> DocSpec:
    f = ctx.facts
    rng = ctx.rng
    seized = act_time(ctx, "seized", act_time(ctx, "detained", accepted_at(ctx) + timedelta(days=1)))
    holder = _holder(ctx)
    spec = DocSpec(doc_type="seizure_decision", title="扣押决定书", file_stem="")
    w = Writer(ctx, spec)
    spaced = rng.random() < 0.6
    if rng.random() < 0.45:
        w.title("扣押决定书", spaced=spaced)
        w.para("（存根）")
        number_line(w, "seizure_decision")
        w.row(*label_cells(ctx, "案件名称", case_name_segs(ctx)))
        w.row("案件编号", seg(f.case_number, CASE_NUMBER, tag="案件编号"))
        suspect = f.suspects[0]
        w.row(
            "犯罪嫌疑人",
            person_seg(suspect.name, "suspect", "犯罪嫌疑人"),
            "性别",
            seg(suspect.gender, tag=f"gender:{suspect.name}"),
        )
        w.row("出生日期", seg(ctx.style.day(suspect.birth), DATETIME, tag=f"birth:{suspect.name}"))
        w.row(*label_cells(ctx, "被扣押单位", "/"))
        w.row(*label_cells(ctx, "扣押原因", rng.choice(phrasing()["seizure_reasons"])))
        approved = seized - timedelta(minutes=rng.choice([10, 20, 30]))
        _stub_tail(w, approved, approved, "批准时间", minute=rng.random() < 0.5)
        w.title("扣押决定书", spaced=spaced)
        number_line(w, "seizure_decision")
    else:
        header(w, "扣押决定书", "seizure_decision", spaced=0.6, agency=0.7)
    w.para(
        "姓名",
        person_seg(holder.name, ctx.role_of(holder)),
        "，性别",
        seg(holder.gender, tag=f"gender:{holder.name}"),
        "，出生日期",
        seg(ctx.style.day(holder.birth), DATETIME, tag=f"birth:{holder.name}"),
        "，身份证件种类及号码居民身份证",
        seg(holder.id_number, ID_NUMBER, tag=f"id:{holder.name}"),
        "，住址",
        seg(holder.address, LOCATION),
        "。",
    )
    w.para(
        *ctx.fill(
            phrasing()["seizure_body"],
            case_name=case_name_segs(ctx, bare=True),
            citation=procedure_citation(ctx, "seized", CPL_SEIZURE),
        )
    )
    _item_table(w, with_note=False)
    witness = _seizure_witness(ctx)
    w.para(
        *field_segs("持有人", person_seg(holder.name, ctx.role_of(holder)), ctx),
        " ",
        *field_segs("见证人", person_seg(witness, "witness"), ctx),
    )
    closing(w, seized.date(), tag="act:seized")
    return spec


def _seizure_place(ctx: CaseContext, seized: datetime, holder: Person) -> str:
    """Where the seizure was made: the facts' place, else where the holder was being questioned, else the station."""
    f = ctx.facts
    given = f.extras.get("seizure_place")
    if isinstance(given, str) and given:
        return given
    after = [s for s in f.sessions if s.person.name == holder.name and s.start >= seized - timedelta(hours=2)]
    if after:
        return min(after, key=lambda s: s.start).place
    return station_full(ctx)


def _seizure_witness(ctx: CaseContext) -> str:
    if "seizure_witness" not in ctx.memo:
        ctx.memo["seizure_witness"] = ctx.new_name()
    return str(ctx.memo["seizure_witness"])


def seized_rows(ctx: CaseContext) -> list[tuple[str, str, str]]:
    """(名称, 数量, 特征) of what was seized: the facts' seized items, else the case's items."""
    f = ctx.facts
    given = f.extras.get("seized_items")
    if not isinstance(given, list):
        return [(*split_item(i), i.description or "/") for i in f.items]
    rows = []
    for phrase in given:
        text = str(phrase)
        item = next((i for i in f.items if text in (i.description + i.name, i.name)), None)
        if item is not None:
            name, qty = split_item(item)
            rows.append((name, qty, item.description or "/"))
            continue
        money = re.match(r"^(?P<name>.*?)(?P<qty>人民币\d+元)$", text)
        if money:
            rows.append((money.group("name") or "现金", money.group("qty"), "/"))
            continue
        name, qty = split_item(Item(text, 0))
        rows.append((name, qty, "/"))
    return rows


def _item_table(w: Writer, with_note: bool) -> None:
    ctx = w.ctx
    head = ["编号", "名称", "数量", "特征"] + (["备注"] if with_note else [])
    w.row(*head)
    for n, (name, qty, feature) in enumerate(seized_rows(ctx), start=1):
        cells: list[object] = [
            str(n),
            value_segs(name, ctx, "名称"),
            value_segs(qty, ctx, "数量"),
            value_segs(feature, ctx, "特征"),
        ]
        if with_note:
            cells.append("涉案物品")
        w.row(*cells)


def build_seizure_list(ctx: CaseContext) -> DocSpec:
    rng = ctx.rng
    seized = act_time(ctx, "seized", act_time(ctx, "detained", accepted_at(ctx) + timedelta(days=1)))
    holder = _holder(ctx)
    title = rng.choice(["扣押清单", "扣押物品、文件清单", "扣押财物、文件清单"])
    spec = DocSpec(doc_type="seizure_list", title=title, file_stem="")
    w = Writer(ctx, spec)
    if rng.random() < 0.6:
        w.agency_header()
    w.title(title)
    if rng.random() < 0.5:
        number_line(w, "seizure_decision")
    _item_table(w, with_note=rng.random() < 0.5)
    w.para(
        *field_segs("扣押时间", seg(ctx.style.minute(seized), DATETIME, tag="act:seized"), ctx),
        " ",
        *field_segs("扣押地点", _seizure_place(ctx, seized, holder), ctx),
    )
    w.para(
        *field_segs("持有人", person_seg(holder.name, ctx.role_of(holder)), ctx),
        " ",
        *field_segs("见证人", person_seg(_seizure_witness(ctx), "witness"), ctx),
    )
    w.para(*field_segs("侦查人员", officer_segs(ctx, "侦查人员"), ctx))
    keeper = ctx.new_name() if rng.random() < 0.5 else officers_of(ctx)[-1]
    w.para(*field_segs("保管人", person_seg(keeper, "officer"), ctx))
    closing(w, seized.date())
    w.para("本清单一式三份，一份交持有人，一份交保管人，一份附卷。")
    return spec


# --- 延长拘留期限 --------------------------------------------------------------------------------------------------


def build_detention_extension_notice(ctx: CaseContext, person: Person) -> DocSpec:
    """延长拘留期限通知书 (to the 看守所): the approval that lets the 提请批捕 come after day 3 (刑诉法 第九十一条)."""
    f = ctx.facts
    rng = ctx.rng
    detained = act_time(ctx, "detained", accepted_at(ctx) + timedelta(days=1))
    approved: datetime = f.extras.get("detention_extension_approved") or detained + timedelta(days=2)
    limit = int(f.extras.get("detention_limit_days") or 7)
    ground = str(f.extras.get("detention_extension_reason") or "案情复杂，需进一步查证")
    reason = f"犯罪嫌疑人系{ground}的重大嫌疑分子" if ground.endswith("作案") else ground
    center = f.agency.detention_center
    spec = DocSpec(doc_type="detention_extension_notice", title="延长拘留期限通知书", file_stem="")
    w = Writer(ctx, spec)
    spaced = rng.random() < 0.5
    stub = rng.random() < 0.5
    until = detained.date() + timedelta(days=limit)
    if stub:
        w.title("延长拘留期限通知书", spaced=spaced)
        w.para("（存根）")
        number_line(w, "detention_extension_notice")
        w.row(*label_cells(ctx, "案件名称", case_name_segs(ctx)))
        w.row("案件编号", seg(f.case_number, CASE_NUMBER, tag="案件编号"))
        _stub_person(w, "犯罪嫌疑人", person, with_address=False)
        w.row(*label_cells(ctx, "羁押处所", seg(center, ORG)))
        w.row("执行拘留时间", seg(ctx.style.minute(detained), DATETIME, tag="act:detained"))
        w.row(*label_cells(ctx, "延长拘留期限", f"延长至{cn_number(limit)}日"))
        w.row(*label_cells(ctx, "延长拘留期限原因", reason))
        _stub_tail(w, approved, approved, "act:detention_extended", minute=rng.random() < 0.5)
        w.title("延长拘留期限通知书", spaced=spaced)
        number_line(w, "detention_extension_notice")
    else:
        header(w, "延长拘留期限通知书", "detention_extension_notice", spaced=0.5, agency=0.7)
    w.para(seg(center, ORG), "：")
    w.para(
        f"因{reason}，根据",
        *procedure_citation(ctx, "detention_extended", "第九十一条第二款" if limit == 30 else "第九十一条第一款"),
        "之规定，决定将犯罪嫌疑人",
        person_seg(person.name, "suspect"),
        "（性别",
        seg(person.gender, tag=f"gender:{person.name}"),
        "，出生日期",
        seg(ctx.style.day(person.birth), DATETIME, tag=f"birth:{person.name}"),
        "）的拘留期限延长至",
        f"{cn_number(limit)}日，即至",
        seg(ctx.style.day(until), DATETIME),
        "。",
    )
    closing(w, approved.date(), tag="doc_date" if stub else "act:detention_extended")
    return spec
