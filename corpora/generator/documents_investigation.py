"""Investigation records beside the 笔录 of questioning: 扣押笔录, 辨认笔录 and the 检查笔录 of a person.

Each is written only where a real file would have it — the 扣押笔录 where a criminal case seizes what the suspect
carries, the 辨认笔录 where a witness or victim said they could recognise the suspect (or the property), the
检查笔录 of the 人身检查 before a 吸毒 suspect's urine test — and only when two of the case's officers are free for
it: the officers of one record are never busy in another one at the same time (PER-04). Fields follow practice
(nlp/doctypes/doctypes.yaml: search_record … identification_record); the lawful ones: two officers, a witness who is
no police employee, a woman to examine a woman, a line-up of at least ten photographs, seven people or five objects.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from corpora.generator.documents_base import DATETIME, CaseContext, Writer, field_segs, person_seg, seg
from corpora.generator.documents_forms import seized_rows, split_item, station_full
from corpora.generator.model import DocSpec, Officer, Person, Seg, Session

# --- who is free when ---------------------------------------------------------------------------------------------


def _busy(ctx: CaseContext) -> list[tuple[str, datetime, datetime]]:
    """(officer name, start, end) of every 笔录 session and every record written so far."""
    out = [(o.name, s.start, s.end) for s in ctx.facts.sessions for o in [*s.officers, s.recorder]]
    out += ctx.memo.setdefault("records_busy", [])
    return out


def _free_pair(ctx: CaseContext, start: datetime, end: datetime) -> tuple[Officer, Officer] | None:
    """Two officers of the team with nothing else between ``start`` and ``end``; the second records."""
    busy = _busy(ctx)
    free = [o for o in ctx.facts.officers if not any(n == o.name and a < end and start < b for n, a, b in busy)]
    if len(free) < 2:
        return None
    pair = ctx.rng.sample(free, 2)
    ctx.memo["records_busy"] += [(o.name, start, end) for o in pair]
    return pair[0], pair[1]


def _officer_line(w: Writer, label: str, pair: tuple[Officer, Officer]) -> None:
    ctx = w.ctx
    names = [
        person_seg(pair[0].name, "officer", label),
        seg("、", tag=label),
        person_seg(pair[1].name, "officer", label),
    ]
    w.para(seg(f"{label}："), *names)
    w.para(*field_segs("记录人", person_seg(pair[1].name, "recorder", "记录人"), ctx))


def _signatures(w: Writer, label: str, pair: tuple[Officer, Officer], day: datetime) -> None:
    ctx = w.ctx
    w.sign(
        seg(f"{label}："),
        person_seg(pair[0].name, "officer", label),
        seg("、", tag=label),
        person_seg(pair[1].name, "officer", label),
    )
    w.sign(*field_segs("记录人", person_seg(pair[1].name, "recorder", "记录人"), ctx))
    w.sign(seg(ctx.style.day(day.date()), DATETIME, tag="doc_date"))


def _witness(ctx: CaseContext, key: str) -> str:
    """A 见证人 from outside the police (a resident, a shop keeper …), drawn once per record kind."""
    if key not in ctx.memo:
        ctx.memo[key] = ctx.new_name()
    return str(ctx.memo[key])


def _when(start: datetime, end: datetime, ctx: CaseContext) -> list[Seg]:
    style = ctx.style
    tail = style.clock(end) if start.date() == end.date() and ctx.rng.random() < 0.4 else style.minute(end)
    return [seg(style.minute(start), DATETIME, tag="session_start"), seg("至"), seg(tail, DATETIME, tag="session_end")]


# --- 扣押笔录 -----------------------------------------------------------------------------------------------------


def build_seizure_record(ctx: CaseContext) -> DocSpec | None:
    """The 扣押 of what the suspect carried, before the first 讯问 (公安机关办理刑事案件程序规定 第二百三十条): two
    officers, the holder and a witness present, the things listed."""
    f = ctx.facts
    rng = ctx.rng
    seized = f.acts.get("seized")
    holder = f.suspects[0] if f.suspects else None
    rows = seized_rows(ctx)
    if seized is None or holder is None or not rows:
        return None
    arrived = f.acts.get("summoned", seized - timedelta(minutes=30))
    start = max(arrived + timedelta(minutes=1), seized - timedelta(minutes=rng.randint(8, 15)))
    end = seized + timedelta(minutes=rng.randint(1, 4))
    pair = _free_pair(ctx, start, end)
    if pair is None:
        return None
    first = min((s for s in f.sessions if s.person.name == holder.name and s.start >= seized), key=_start, default=None)
    place = first.place if first is not None else station_full(ctx)
    spec = DocSpec(doc_type="seizure_record", title="扣押笔录", file_stem="", date=end.date())
    w = Writer(ctx, spec)
    if rng.random() < 0.5:
        w.agency_header()
    w.title("扣押笔录", spaced=rng.random() < 0.2)
    w.para(*field_segs("时间", _when(start, end, ctx), ctx))
    w.para(*field_segs("地点", place, ctx))
    _officer_line(w, "侦查人员", pair)
    w.para(*field_segs("持有人", person_seg(holder.name, "suspect"), ctx))
    witness = _witness(ctx, "seizure_witness")
    w.para(*field_segs("见证人", person_seg(witness, "witness"), ctx))
    things = "、".join(name + qty for name, qty, _ in rows)
    w.para(
        "侦查人员依法向持有人",
        person_seg(holder.name, "suspect"),
        "出示扣押决定书，在持有人和见证人",
        person_seg(witness, "witness"),
        f"在场的情况下，对与案件有关的{things}予以扣押，当场开列扣押清单一式三份。",
    )
    w.para("持有人对扣押的物品无异议。")
    w.sign("以上笔录我看过，和实际情况相符。")
    w.sign(*field_segs("持有人", person_seg(holder.name, "suspect"), ctx))
    w.sign(*field_segs("见证人", person_seg(witness, "witness"), ctx))
    _signatures(w, "侦查人员", pair, end)
    return spec


def _start(s: Session) -> datetime:
    return s.start


# --- 辨认笔录 -----------------------------------------------------------------------------------------------------

_CAN_TELL = re.compile(r"能(?:辨认|认出)|认出来")


def identifier(ctx: CaseContext) -> tuple[Person, Session, str] | None:
    """Who said in their 询问 that they could recognise the suspect ("person") or the seized property ("object")."""
    f = ctx.facts
    for s in sorted(f.sessions, key=_start):
        if s.kind != "inquiry" or s.person in f.suspects:
            continue
        for q, a in s.qa:
            if _CAN_TELL.search(q + a) and not re.search(r"认不出|不能|没看清", a):
                what = "object" if re.search(r"记号|特征|东西|自己的", q + a) else "person"
                if what == "person" or ("seized" in f.acts and f.items):
                    return s.person, s, what
    return None


def build_identification_record(ctx: CaseContext) -> DocSpec | None:
    """辨认 by a witness (the suspect's photograph among at least ten) or by the victim (the property among at least
    five like it), after the suspect was first interrogated (程序规定 第二百五十八条至第二百六十条)."""
    f = ctx.facts
    rng = ctx.rng
    who = identifier(ctx)
    suspect = f.suspects[0] if f.suspects else None
    first = min((s for s in f.sessions if s.kind == "interrogation"), key=_start, default=None)
    if who is None or suspect is None or first is None:
        return None
    person, heard, what = who
    start = max(first.end, heard.end) + timedelta(minutes=rng.randint(30, 150))
    if not 8 <= start.hour < 20:
        start = datetime.combine(start.date() + timedelta(days=start.hour >= 20), datetime.min.time())
        start += timedelta(hours=rng.randint(9, 15), minutes=rng.randint(0, 59))
    end = start + timedelta(minutes=rng.randint(12, 25))
    pair = None
    for _ in range(6):  # the next free slot of two officers
        pair = _free_pair(ctx, start, end)
        if pair is not None:
            break
        start, end = start + timedelta(hours=1), end + timedelta(hours=1)
    if pair is None:
        return None
    role = ctx.role_of(person)
    spec = DocSpec(doc_type="identification_record", title="辨认笔录", file_stem="", date=end.date())
    w = Writer(ctx, spec)
    if rng.random() < 0.4:
        w.agency_header()
    w.title("辨认笔录", spaced=rng.random() < 0.2)
    w.para(*field_segs("时间", _when(start, end, ctx), ctx))
    w.para(*field_segs("地点", first.place if rng.random() < 0.5 else station_full(ctx) + "办案区", ctx))
    _officer_line(w, "主持人", pair)
    w.para(
        *field_segs("辨认人", person_seg(person.name, role), ctx),
        " ",
        *field_segs("性别", seg(person.gender, tag=f"gender:{person.name}"), ctx),
    )
    if what == "person":
        n = rng.choice([10, 10, 12, 12, 15])
        mark = rng.randint(1, n)
        w.para(*field_segs("辨认对象", "犯罪嫌疑人照片", ctx))
        w.para(
            "辨认前，主持人告知辨认人应当如实辨认，有意作虚假辨认应负的法律责任；辨认人未见过辨认对象的照片。",
        )
        w.para(
            "主持人将犯罪嫌疑人",
            person_seg(suspect.name, "suspect"),
            "的照片与其他年龄、体貌特征相近人员的照片混杂，共",
            seg(f"{n}张照片", tag="lineup_count"),
            f"，编为1至{n}号，交由辨认人",
            person_seg(person.name, role),
            "逐一辨认。",
        )
        w.para(
            f"辨认结果：辨认人指认{mark}号照片上的人即为其所见的人。经核实，{mark}号照片上的人为犯罪嫌疑人",
            person_seg(suspect.name, "suspect"),
            "。",
        )
    else:
        name, _qty = split_item(f.items[0])
        unit = _unit(f.items[0].name)
        n = rng.choice([5, 5, 6, 7])
        w.para(*field_segs("辨认对象", f"扣押的{name}", ctx))
        w.para("辨认前，主持人告知辨认人应当如实辨认，有意作虚假辨认应负的法律责任。")
        w.para(
            f"主持人将扣押的{name}混杂在",
            seg(f"{n}{unit}", tag="lineup_count"),
            "同类物品中，编为1至" + f"{n}号，交由辨认人",
            person_seg(person.name, role),
            "逐一辨认。",
        )
        mark = rng.randint(1, n)
        w.para(f"辨认结果：辨认人指认{mark}号物品即为其被盗（骗）的{name}。")
    w.sign("以上笔录我看过，和实际情况相符。")
    w.sign(*field_segs("辨认人", person_seg(person.name, role), ctx))
    _signatures(w, "主持人", pair, end)
    return spec


def _unit(item_name: str) -> str:
    """The measure word of a line-up of things like ``item_name`` (电动自行车一辆 -> 辆)."""
    m = re.search(r"(辆|部|台|只|块|把)$", item_name)
    return m.group(1) if m else "件"


# --- 检查笔录 (人身检查) -----------------------------------------------------------------------------------------


def build_inspection_record(ctx: CaseContext) -> DocSpec | None:
    """The 人身检查 of a 吸毒 suspect brought to the station, before the urine test (治安管理处罚法 2012 第八十七条 /
    2025 第一百零三条): two officers; a woman examined by a woman."""
    f = ctx.facts
    rng = ctx.rng
    suspect = f.suspects[0] if f.suspects else None
    summoned, tested = f.acts.get("summoned"), f.acts.get("appraised")
    if f.case_type != "drug_use_admin" or suspect is None or summoned is None or tested is None:
        return None
    start = summoned + timedelta(minutes=rng.randint(1, 3))
    end = min(start + timedelta(minutes=rng.randint(6, 12)), tested - timedelta(minutes=1))
    if end - start < timedelta(minutes=4):
        return None
    pair = _free_pair(ctx, start, end)
    if pair is None:
        return None
    first = min((s for s in f.sessions if s.person.name == suspect.name), key=_start, default=None)
    spec = DocSpec(doc_type="inspection_record", title="检查笔录", file_stem="", date=end.date())
    w = Writer(ctx, spec)
    if rng.random() < 0.4:
        w.agency_header()
    w.title("检查笔录", spaced=rng.random() < 0.2)
    w.para(*field_segs("时间", _when(start, end, ctx), ctx))
    w.para(*field_segs("地点", first.place if first is not None else station_full(ctx), ctx))
    _officer_line(w, "检查人", pair)
    w.para(
        *field_segs("被检查人", person_seg(suspect.name, "suspect"), ctx),
        " ",
        *field_segs("性别", seg(suspect.gender, tag=f"gender:{suspect.name}"), ctx),
        " ",
        *field_segs("出生日期", seg(ctx.style.day(suspect.birth), DATETIME, tag=f"birth:{suspect.name}"), ctx),
    )
    w.para(*field_segs("见证人", person_seg(_witness(ctx, "inspection_witness"), "witness"), ctx))
    w.para("检查事由：违法嫌疑人涉嫌吸毒，依法对其进行人身检查。")
    if suspect.gender == "女":
        woman = ctx.memo.setdefault("female_examiner", ctx.new_name(gender="女"))
        examiner = [seg(f"由{rng.choice(['女民警', '女辅警'])}"), person_seg(str(woman), "officer", "female_examiner")]
    else:
        examiner = [seg("由检查人")]
    w.para(*examiner, "对", person_seg(suspect.name, "suspect"), "进行人身检查，未发现毒品及吸毒工具。")
    w.sign("以上笔录我看过，和实际情况相符。")
    w.sign(*field_segs("被检查人", person_seg(suspect.name, "suspect"), ctx))
    _signatures(w, "检查人", pair, end)
    return spec


__all__ = ["build_identification_record", "build_inspection_record", "build_seizure_record", "identifier"]
