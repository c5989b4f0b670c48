"""笔录: 询问笔录, 讯问笔录 and 行政处罚告知笔录 built from a ``Session``.

The 首部 follows the 公安部 式样 (时间 … 至 …, 地点, 询问人/讯问人 and their 工作单位, 记录人, the person's particulars,
the 法定代理人 of a minor), then the 问/答 of the session with the usual opening and closing where the scenario left
them out, then the person's confirmation and the signatures.
"""

from __future__ import annotations

from datetime import datetime

from corpora.generator.documents_base import (
    DATETIME,
    ID_NUMBER,
    PHONE,
    CaseContext,
    Writer,
    amounts_in,
    cn_date,
    field_segs,
    join_articles,
    joined,
    person_seg,
    phrasing,
    seg,
    value_segs,
)
from corpora.generator.model import DocSpec, Officer, Person, Seg, Session

_CN_ORDINAL = "零一二三四五六七八九十"

# What each kind of session is called and how its people are labelled.
_KINDS = {
    "inquiry": ("interview_record", "询问笔录", "询问人", "被询问人"),
    "interrogation": ("interrogation_record", "讯问笔录", "讯问人", "被讯问人"),
    "penalty_notice": ("penalty_notice_record", "行政处罚告知笔录", "告知人", "被告知人"),
}
# Question wording that states the standing of the person questioned.
_STANDING_WORDS = {
    "victim": ("被害人诉讼权利", "被侵害人权利", "作为被害人", "作为被侵害人", "作为本案被害人"),
    "witness": ("证人诉讼权利", "证人权利义务", "作为证人", "作为本案证人"),
    "suspect": ("涉嫌", "违法嫌疑人权利", "犯罪嫌疑人诉讼权利"),
}


def ordinal(n: int, chinese: bool) -> str:
    return (_CN_ORDINAL[n] if n <= 10 else str(n)) if chinese else str(n)


def _is_minor(p: Person, on: datetime) -> bool:
    return p.age_on(on.date()) < 18


def _officer_names(officers: list[Officer], role: str, tag: str, badges: bool = False) -> list[Seg]:
    """The officers' names; with ``badges`` each followed by its 警号 (李明（警号320123）), no colon, so the form
    reader keeps it inside the 询问人 value."""
    first = {o.name: o for o in reversed(officers)}
    names: list[str] = list(dict.fromkeys(o.name for o in officers))
    if badges:
        return joined([[person_seg(n, role, tag), seg(f"（警号{first[n].badge}）")] for n in names])
    return joined([person_seg(n, role, tag) for n in names])


def _units(officers: list[Officer]) -> list[str]:
    return list(dict.fromkeys(o.unit for o in officers))


def _standing_stated(qa: list[tuple[str, str]], role: str) -> bool:
    words = _STANDING_WORDS.get(role, ())
    return any(w in q for q, _ in qa for w in words)


def build_record(ctx: CaseContext, session: Session) -> DocSpec:
    """One 笔录 document for ``session``."""
    rng = ctx.rng
    doc_type, name_zh, asker_label, subject_label = _KINDS[session.kind]
    person = session.person
    case_role = ctx.role_of(person)
    qa = _full_qa(ctx, session, case_role)
    # A 被询问人 is victim or witness only where the 笔录 says so; 讯问 and 告知 are of the suspect.
    role = "suspect"
    if session.kind == "inquiry":
        role = case_role if _standing_stated(qa, case_role) else "interviewee"

    spec = DocSpec(doc_type=doc_type, title=name_zh, file_stem="", date=session.end.date())
    w = Writer(ctx, spec)
    if rng.random() < 0.35:
        w.agency_header()
    chinese_ordinal = rng.random() < 0.5
    numbered = session.kind == "interrogation" or session.number > 1
    if numbered and rng.random() < 0.7:
        w.title(f"{name_zh}（第{ordinal(session.number, chinese_ordinal)}次）")
    else:
        w.title(name_zh, spaced=rng.random() < 0.2)
        if numbered:
            w.para(f"（第{ordinal(session.number, chinese_ordinal)}次）")

    compact = rng.random() < 0.5
    badges = rng.random() < 0.5  # many 执法办案系统 print the askers' 警号 beside their names
    _header(w, session, asker_label, subject_label, role, compact, badges)

    for q, a in qa:
        w.qa("问：", q)
        w.qa("答：", a)

    # The person's own confirmation and the signatures.
    p = phrasing()
    w.sign(p["closing_statement"])
    w.sign(*field_segs(subject_label, person_seg(person.name, role), ctx))
    if person.guardian is not None and _is_minor(person, session.start):
        w.sign(*field_segs("法定代理人", person_seg(person.guardian.name, "guardian"), ctx))
    day = session.end.date()
    day_text = cn_date(day) if rng.random() < 0.3 else ctx.style.day(day)
    w.sign(seg(day_text, DATETIME, tag="doc_date"))
    w.sign(*field_segs(asker_label, _officer_names(session.officers, "officer", asker_label, badges), ctx))
    w.sign(*field_segs("记录人", person_seg(session.recorder.name, "recorder", "记录人"), ctx))
    return spec


def _header(
    w: Writer, s: Session, asker_label: str, subject_label: str, role: str, compact: bool, badges: bool = False
) -> None:
    ctx = w.ctx
    rng = ctx.rng
    style = ctx.style
    start_tag = "act:penalty_notified" if s.kind == "penalty_notice" else "session_start"
    start = seg(style.minute(s.start), DATETIME, tag=start_tag)
    if s.start.date() == s.end.date() and rng.random() < 0.3:
        end = seg(style.clock(s.end), DATETIME, tag="session_end")
    else:
        end = seg(style.minute(s.end), DATETIME, tag="session_end")
    w.para(*field_segs("时间", [start, "至", end], ctx))
    w.para(*field_segs("地点", s.place, ctx))

    askers = _officer_names(s.officers, "officer", asker_label, badges)
    asker_units = _units(s.officers)
    recorder = person_seg(s.recorder.name, "recorder", "记录人")
    unit_of_asker = value_segs(asker_units[0], ctx, "工作单位")
    # The 式样 prints 询问人(签名) / 记录人(签名): the officers sign beside the printed label.
    signed = "（签名）" if rng.random() < 0.25 else ""
    asker_field = [seg(f"{asker_label}{signed}："), *value_segs(askers, ctx, asker_label)]
    recorder_field = [seg(f"记录人{signed}："), *value_segs(recorder, ctx, "记录人")]
    if compact:
        w.para(*asker_field, " ", *field_segs("工作单位", unit_of_asker, ctx))
        w.para(*recorder_field, " ", *field_segs("工作单位", value_segs(s.recorder.unit, ctx, "工作单位"), ctx))
    else:
        w.para(*asker_field)
        if rng.random() < 0.6:
            w.para(*field_segs("工作单位", unit_of_asker, ctx))
        w.para(*recorder_field)

    _person_lines(w, s, subject_label, role, compact)
    window = _oral_summons(ctx, s)
    if window is not None:
        arrived, left = window
        w.para(
            "（口头传唤的被询问人于",
            seg(style.minute(arrived), DATETIME, tag="act:summoned"),
            "到达，于",
            seg(style.minute(left), DATETIME, tag="act:summons_ended"),
            "离开，本人签名：",
            person_seg(s.person.name, role),
            "）",
        )


def _oral_summons(ctx: CaseContext, s: Session) -> tuple[datetime, datetime] | None:
    """The 口头传唤 window of an administrative suspect's first 询问 (the 式样 records arrival and departure)."""
    f = ctx.facts
    if s.kind != "inquiry" or f.kind != "administrative" or ctx.role_of(s.person) != "suspect":
        return None
    windows = f.extras.get("summons_windows")
    issued = f.extras.get("summons_issued")
    if not isinstance(windows, list) or not isinstance(issued, list):
        return None
    for (arrived, left), paper in zip(windows, issued, strict=False):
        if paper is None and arrived <= s.start <= left:
            return arrived, left
    return None


def _person_lines(w: Writer, s: Session, subject_label: str, role: str, compact: bool) -> None:
    ctx = w.ctx
    rng = ctx.rng
    p = s.person
    name = person_seg(p.name, role, subject_label)
    gender = seg(p.gender, tag=f"gender:{p.name}")
    birth = seg(ctx.style.day(p.birth), DATETIME, tag=f"birth:{p.name}")
    age = f"{p.age_on(s.start.date())}岁"
    id_value = [seg("居民身份证 "), seg(p.id_number, ID_NUMBER, tag=f"id:{p.name}")]
    with_age = rng.random() < 0.6
    interrogation = s.kind == "interrogation"
    workplace = p.workplace or (p.occupation if p.occupation not in ("无业", "") else "无")

    if compact:
        first: list[Seg] = [*field_segs(subject_label, name, ctx), seg(" "), *field_segs("性别", gender, ctx)]
        if with_age:
            first += [seg(" "), *field_segs("年龄", age, ctx)]
        first += [seg(" "), *field_segs("出生日期", birth, ctx)]
        w.para(*first)
        if interrogation:
            w.para(*field_segs("民族", p.ethnicity, ctx), " ", *field_segs("文化程度", p.education, ctx))
        w.para(*field_segs("身份证件种类及号码", id_value, ctx))
        w.para(
            *field_segs("现住址", p.address, ctx),
            " ",
            *field_segs("联系方式", seg(p.phone, PHONE), ctx),
        )
        if s.kind != "inquiry" or rng.random() < 0.5:
            w.para(*field_segs("工作单位", workplace, ctx))
    else:
        w.para(*field_segs(subject_label, name, ctx))
        w.para(*field_segs("性别", gender, ctx))
        if with_age:
            w.para(*field_segs("年龄", age, ctx))
        w.para(*field_segs("出生日期", birth, ctx))
        if interrogation:
            w.para(*field_segs("民族", p.ethnicity, ctx))
            w.para(*field_segs("文化程度", p.education, ctx))
        w.para(*field_segs("身份证件种类及号码", id_value, ctx))
        w.para(*field_segs("现住址", p.address, ctx))
        w.para(*field_segs("联系方式", seg(p.phone, PHONE), ctx))
        if s.kind != "inquiry" or rng.random() < 0.5:
            w.para(*field_segs("工作单位", workplace, ctx))

    g = p.guardian
    if g is not None and _is_minor(p, s.start):
        relation = "父亲" if g.gender == "男" else "母亲"
        line: list[Seg | str] = [
            *field_segs("法定代理人", [person_seg(g.name, "guardian"), seg(f"（系其{relation}）")], ctx),
            " ",
            *field_segs("性别", seg(g.gender, tag=f"gender:{g.name}"), ctx),
        ]
        w.para(*line)
        w.para(
            *field_segs(
                "身份证件种类及号码", [seg("居民身份证 "), seg(g.id_number, ID_NUMBER, tag=f"id:{g.name}")], ctx
            ),
            " ",
            *field_segs("联系方式", seg(g.phone, PHONE), ctx),
        )


# --- 问/答 ------------------------------------------------------------------------------------------------------------


def _looks_like_opening(qa: list[tuple[str, str]]) -> bool:
    if not qa:
        return False
    q = qa[0][0]
    return ("民警" in q or "侦查人员" in q or "工作证" in q) and ("依法" in q or "询问" in q or "讯问" in q)


def _looks_closed(qa: list[tuple[str, str]]) -> bool:
    if not qa:
        return False
    q, a = qa[-1]
    return "补充" in q or "属实" in q or "相符" in a or "笔录" in q or "告知内容" in q


def _full_qa(ctx: CaseContext, s: Session, case_role: str) -> list[tuple[str, str]]:
    """The session's 问/答 with the opening, the rights notice and the closing a real 笔录 has."""
    f = ctx.facts
    rng = ctx.rng
    p = phrasing()
    qa = [(q.strip(), a.strip()) for q, a in s.qa if q.strip() or a.strip()]
    head: list[tuple[str, str]] = []
    officers = "、".join(dict.fromkeys(o.name for o in s.officers))
    unit = s.officers[0].unit if s.officers else f.agency.name
    values = {
        "unit": unit,
        "officers": officers,
        "case_name": f.case_name,
        "charge": f.charge,
        "cause": f.cause,
        "station": f.agency.name + f.agency.station,
        "number": ordinal(s.number, True),
    }
    if s.kind == "penalty_notice":
        if not any("陈述" in q or "申辩" in q for q, _ in qa):
            qa = _penalty_notice_qa(ctx, s) + qa
        return qa if _looks_closed(qa) else [*qa, tuple(rng.choice(p["closing_qa"]))]  # type: ignore[list-item]

    opening: list[tuple[str, str]] = []
    if _looks_like_opening(qa):
        opening, qa = qa[:1], qa[1:]
    else:
        if s.kind == "interrogation":
            key = "interrogation_opening_first" if s.number == 1 else "interrogation_opening_later"
        elif f.kind == "administrative" and case_role == "suspect":
            key = "inquiry_opening_admin_suspect"
        else:
            key = "inquiry_opening_criminal" if f.kind == "criminal" else "inquiry_opening_admin"
        opening.append((rng.choice(p[key]).format(**values), rng.choice(p["opening_answer"])))
    # Notices follow the opening question, before the scenario's own questions.
    has_notice = any("告知书" in q for q, _ in qa)
    if s.kind == "interrogation" and s.number == 1 and not has_notice:
        head.append(tuple(rng.choice(p["interrogation_rights"])))  # type: ignore[arg-type]
        if rng.random() < 0.6 and not any("回避" in q for q, _ in qa):
            head.append(tuple(rng.choice(p["interrogation_recusal"])))  # type: ignore[arg-type]
    elif s.kind == "inquiry" and s.number == 1 and not has_notice:
        notices = p["inquiry_rights"][f.kind]
        # Without the notice the 笔录 does not say whether the person speaks as victim or witness.
        if case_role in notices and (case_role == "suspect" or rng.random() < 0.6):
            head.append(tuple(notices[case_role]))  # type: ignore[arg-type]
    g = s.person.guardian
    if g is not None and _is_minor(s.person, s.start) and not any(g.name in q for q, _ in qa):
        q, a = rng.choice(p["minor_present"])
        relation = "父亲" if g.gender == "男" else "母亲"
        head.append((q.format(guardian=g.name, relation=relation), a))
    out = opening + head + qa
    if not _looks_closed(out):
        out.append(tuple(rng.choice(p["closing_qa"])))  # type: ignore[arg-type]
    if rng.random() < 0.4:
        out.append(tuple(rng.choice(p["closing_read"])))  # type: ignore[arg-type]
    return out


def _penalty_notice_qa(ctx: CaseContext, s: Session) -> list[tuple[str, str]]:
    """The 告知 itself when the scenario did not write it: facts, basis, the intended penalty, the right to reply."""
    f = ctx.facts
    rng = ctx.rng
    p = phrasing()
    articles = join_articles(f.penalty_articles) or "《中华人民共和国治安管理处罚法》"
    facts_text = f.narrative.strip()
    if facts_text and not facts_text.endswith("。"):
        facts_text += "。"
    question = rng.choice(p["penalty_notice_question"]).format(
        facts=facts_text,
        articles=articles,
        penalty=f.penalty or "处罚",
        evidence=evidence_list(ctx, suspect=s.person),
    )
    out = [(question, rng.choice(p["penalty_notice_answer"]))]
    if _fine_needs_hearing(f.penalty, s.start):
        out.append(tuple(p["penalty_notice_hearing"][0]))  # type: ignore[arg-type]
    return out


def _fine_needs_hearing(penalty: str, on: datetime) -> bool:
    """处二千元以上罚款 (2012 text; 四千元 from 2026) or 吊销 calls for a hearing notice."""
    if "吊销" in penalty:
        return True
    limit = 4000 if on.date().year >= 2026 else 2000
    return any((value or 0) >= limit for value in amounts_in(penalty))


def evidence_list(ctx: CaseContext, suspect: Person | None = None) -> str:
    """The evidence a 决定书 or 告知 cites: statements by the people, then the documents in the file."""
    f = ctx.facts
    items: list[str] = []
    for p in f.suspects if suspect is None else [suspect]:
        items.append(f"{p.name}的陈述和申辩" if f.kind == "administrative" else f"犯罪嫌疑人{p.name}的供述和辩解")
    victim_word = "被侵害人" if f.kind == "administrative" else "被害人"
    items += [f"{victim_word}{p.name}的陈述" for p in f.victims]
    items += [f"证人{p.name}的证言" for p in f.witnesses]
    if "appraised" in f.acts:
        kind = f.extras.get("appraisal")
        kind = str(kind.get("kind", "")) if isinstance(kind, dict) else str(kind or "")
        if "价格" in kind or (not kind and f.items):
            items.append("价格认定结论书")
        elif "尿液" in kind:
            items.append("现场检测报告书")
        else:
            items.append("鉴定意见")
    if f.extras.get("video") or ctx.rng.random() < 0.6:
        items.append(ctx.rng.choice(["现场视频监控录像", "执法记录仪视频", "现场照片"]))
    return "、".join(items)
