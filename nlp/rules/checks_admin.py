"""Check kinds for administrative (治安) procedure rules (AD-*, ACC-03, ACC-11).

The limits of the 治安管理处罚法 changed on 2026-01-01 (2012 text → 2025 revision): a rule's params may give a limit
per version (``{"2012": 500, "2025": 1000}``), and the version in force on the act's or the document's date is used.
As everywhere, a check flags only what the text makes certain and stays silent where a value could not be read.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any, NamedTuple

from nlp import registry
from nlp.case.timeline import Act, Moment
from nlp.case.view import CaseView
from nlp.labels import EntityType, Role
from nlp.rules.checks import _PRECISION_RANK, _paired, _same_id_names, _suspects, make_finding
from nlp.rules.model import Rule
from nlp.schema import Document, Evidence, Finding
from nlp.textview import TextView

PSAPL = "中华人民共和国治安管理处罚法"

_ZH_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


def is_administrative(case: CaseView) -> bool:
    """Whether the case file is an administrative (治安) one: its own documents say so, not a guess from dates."""
    return case.case_kind == "administrative"


def psapl_label(case: CaseView, day: date) -> str | None:
    version = case.statutes.version_in_force(PSAPL, day)
    return version.label if version else None


def by_version(value: Any, label: str | None) -> Any:
    """A param given per 治安管理处罚法 version ({"2012": 8, "2025": 8}) or once for all versions."""
    if isinstance(value, dict):
        return value.get(label) if label else None
    return value


def zh_number(text: str) -> int | None:
    """'1500' / '一千五百' / '二十' / '两千' -> int; None when unreadable."""
    text = text.replace(",", "").replace("，", "").replace("两", "二").strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if len(text) > 1 and all(c in _ZH_DIGIT for c in text):  # 二〇二六: digit by digit
        return int("".join(str(_ZH_DIGIT[c]) for c in text))
    units = {"十": 10, "百": 100, "千": 1000, "万": 10000}
    total, section, digit = 0, 0, 0
    for ch in text:
        if ch in _ZH_DIGIT:
            digit = _ZH_DIGIT[ch]
        elif ch in units:
            if units[ch] == 10000:
                total += (section + digit) * 10000
                section, digit = 0, 0
            else:
                section += (digit or 1) * units[ch]
                digit = 0
        else:
            return None
    return total + section + digit


def _zh_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _add_months(d: date, months: int) -> date:
    month = d.month - 1 + months
    year, month = d.year + month // 12, month % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _case_text_matches(case: CaseView, pattern: str | None) -> bool:
    if not pattern:
        return False
    rx = re.compile(pattern)
    # A PDF may wrap the words mid-line ("听\n证"): the text without its soft breaks is read too.
    return any(rx.search(d.text) or rx.search(TextView.unwrapped(d).text) for d in case.case.documents)


# --- periods between acts ---------------------------------------------------------------------------------------------


def _pairs(case: CaseView, rule: Rule) -> list[tuple[Act, Act]]:
    firsts, seconds = case.acts(rule.params["from"]), case.acts(rule.params["to"])
    pairing = rule.params.get("pairing", "person")
    out: list[tuple[Act, Act]] = []
    if pairing == "case":  # a period of the whole case (办案期限 from the case's 受理): the earliest start
        if firsts:
            first = min(firsts, key=lambda a: a.moment.earliest)
            out = [(first, b) for b in seconds if (b.doc_id, b.start) != (first.doc_id, first.start)]
        return out
    if pairing in ("same_doc", "ref"):
        for b in seconds:
            same = [a for a in firsts if a.doc_id == b.doc_id and a.start != b.start]
            if not same and pairing == "ref":
                # the later document names the earlier one by its 文号 (送达回执 of 行罚决字〔2025〕0120号)
                same = [a for a in firsts if any(n in case.doc(b.doc_id).text for n in _doc_numbers(case, a.doc_id))]
            if same:
                out.append((min(same, key=lambda a: a.moment.earliest), b))
        if pairing == "ref":
            done = {(b.doc_id, b.start) for _, b in out}
            out += [(a, b) for a, b in _paired(case, firsts, seconds) if (b.doc_id, b.start) not in done]
        return out
    return _paired(case, firsts, seconds)


def _doc_numbers(case: CaseView, doc_id: str) -> list[str]:
    return [e.text for e in case.doc(doc_id).entities if e.type == EntityType.DOC_NUMBER and len(e.text) >= 6]


def _certain_excess(a: Moment, b: Moment, unit: str, limit: float) -> tuple[bool, str]:
    """Whether ``b`` is surely more than ``limit`` units after ``a``, and the elapsed time as the text makes it certain.

    Days and months follow the counting of periods (the first day is not counted: from 5月1日, thirty days end on
    5月31日), so only the dates matter; hours need both moments to the minute or a lower bound that already exceeds.
    """
    if unit == "hours":
        if a.precision in ("year", "month") or b.precision in ("year", "month"):
            return False, ""
        gap = a.min_gap(b)
        if gap <= timedelta(hours=limit):
            return False, ""
        exact = {a.precision, b.precision} <= {"minute", "second"}
        return True, ("" if exact else "至少") + _fmt_hours(b.earliest - a.earliest if exact else gap)
    if a.precision in ("year", "month") or b.precision in ("year", "month"):
        return False, ""
    start, end = a.earliest.date(), b.earliest.date()
    if unit == "days":
        days = (end - start).days
        return days > limit, f"{days}日"
    if unit == "months":
        return end > _add_months(start, int(limit)), f"{_zh_date(start)}至{_zh_date(end)}"
    raise ValueError(f"unknown unit {unit!r}")


def _fmt_hours(gap: timedelta) -> str:
    minutes = int(gap.total_seconds() // 60)
    hours, mins = divmod(minutes, 60)
    return f"{hours}小时" + (f"{mins}分" if mins else "")


@registry.checks.register("act_period")
def act_period(case: CaseView, rule: Rule) -> list[Finding]:
    """Act ``to`` came more than ``limit`` hours/days/months after act ``from``, with no lawful reason on file.

    params: from, to (act names); unit (hours|days|months); limit (a number or per 治安管理处罚法 version, picked
    by the date of ``from``); pairing (person: same suspect; same_doc; ref: the later document cites the earlier's
    文号, else person; case: from the case's earliest ``from``); admin_only; extension_regex + extended_limit (a
    recorded extension raises the limit); limits_if (list of {regex, limit}: a circumstance written anywhere in the
    case raises the limit, e.g. 身份不明 → 12 hours); skip_if_case_regex (the rule does not apply);
    require_case_regex; exempt_regex (a reason written in either document); upper_limit (beyond it another rule
    reports); restart_at (an act, e.g. 鉴定意见, after which the period is counted again: the law leaves that time
    out and the file does not always date its start); one_per_from (one finding per ``from`` act: a 受案回执
    repeating the 受案登记表's 受案 is the same lapse; the earliest, most precise ``to`` is kept).
    """
    p = rule.params
    if p.get("admin_only") and not is_administrative(case):
        return []
    if _case_text_matches(case, p.get("skip_if_case_regex")):
        return []
    if p.get("require_case_regex") and not _case_text_matches(case, p["require_case_regex"]):
        return []
    exempt = re.compile(p["exempt_regex"]) if p.get("exempt_regex") else None
    extended = _case_text_matches(case, p.get("extension_regex"))
    restarts = case.acts(p["restart_at"]) if p.get("restart_at") else []
    unit = p.get("unit", "hours")
    pairs = _pairs(case, rule)
    if p.get("one_per_from"):
        pairs.sort(key=lambda ab: (ab[1].moment.earliest.date(), _PRECISION_RANK.get(ab[1].moment.precision, 9)))
    reported: set[tuple[str, int]] = set()
    out = []
    for a, b in pairs:
        if (a.doc_id, a.start) in reported:
            continue
        label = psapl_label(case, a.moment.earliest.date())
        limit = by_version(p["extended_limit"] if extended and "extended_limit" in p else p["limit"], label)
        if limit is None:
            continue
        for cond in p.get("limits_if", []):
            if _case_text_matches(case, cond["regex"]):
                raised = by_version(cond["limit"], label)
                limit = max(limit, raised) if raised is not None else limit
        start = a
        for r in restarts:
            if a.moment.earliest <= r.moment.earliest and r.moment.latest <= b.moment.latest:
                start = r if r.moment.earliest > start.moment.earliest else start
        over, elapsed = _certain_excess(start.moment, b.moment, unit, float(limit))
        if not over:
            continue
        if "upper_limit" in p and _certain_excess(start.moment, b.moment, unit, float(p["upper_limit"]))[0]:
            continue  # past the outer limit: the rule for that limit reports it
        if exempt and (exempt.search(case.doc(b.doc_id).text) or exempt.search(case.doc(a.doc_id).text)):
            continue
        evidence = case.evidence_of(a, b)
        if start is not a:
            evidence[1:1] = case.evidence_of(start)
        if p.get("one_per_from"):
            reported.add((a.doc_id, a.start))
        out.append(
            make_finding(
                rule,
                evidence,
                from_act=a.zh,
                to_act=b.zh,
                from_time=a.moment.text,
                to_time=b.moment.text,
                from_doc=case.doc(a.doc_id).doc_type_zh,
                to_doc=case.doc(b.doc_id).doc_type_zh,
                elapsed=elapsed,
                limit=f"{limit:g}" if isinstance(limit, float) else limit,
                version=label or "",
                restart=f"（自{start.zh}{start.moment.text}起算）" if start is not a else "",
                extension="虽有延长的批准，仍超过延长后的期限" if extended else "卷内未见批准延长的材料",
            )
        )
    return out


# --- amounts and numbers written in a document ------------------------------------------------------------------------


def _doc_day(case: CaseView, doc: Document) -> date | None:
    moment = case.doc_date(doc)
    return moment.earliest.date() if moment else None


class _Capped(NamedTuple):
    doc: Document
    text: str
    number: int
    limit: Any
    evidence: list[Evidence]
    issuer: str


@registry.checks.register("number_cap")
def number_cap(case: CaseView, rule: Rule) -> list[Finding]:
    """A number written in a document (罚款金额, 拘留天数 …) passes the limit of the law in force on its date.

    params: doc_types; regex (a named group ``n`` holds the number, Arabic or Chinese); limit (number or per
    治安管理处罚法 version); op (">" default, or ">="); doc_regex (the document must also match, e.g. its issuer is a
    派出所); unless_case_regex (what the law then requires is on file, e.g. 听证 was offered); skip_doc_regex;
    per_person (one finding per person: the 告知笔录 and the 决定书 stating the same fine are one omission, both
    pointed at). Patterns read the text without a PDF's soft line breaks; evidence points at the original text.
    """
    p = rule.params
    rx = re.compile(p["regex"])
    doc_rx = re.compile(p["doc_regex"]) if p.get("doc_regex") else None
    skip_rx = re.compile(p["skip_doc_regex"]) if p.get("skip_doc_regex") else None
    if _case_text_matches(case, p.get("unless_case_regex")):
        return []
    strict = p.get("op", ">") == ">"
    hits: list[_Capped] = []
    for doc in case.of_type(*p["doc_types"]):
        view = TextView.unwrapped(doc)  # "合并执\n行行政拘留二十三日" is one phrase
        if skip_rx and (skip_rx.search(doc.text) or skip_rx.search(view.text)):
            continue
        doc_hit = doc_rx.search(view.text) if doc_rx else None
        if doc_rx and not doc_hit:
            continue
        day = _doc_day(case, doc)
        label = psapl_label(case, day) if day else None
        limit = by_version(p["limit"], label)
        if limit is None:
            continue
        for m in rx.finditer(view.text):
            n = zh_number(m.group("n"))
            if n is None or not (n > limit if strict else n >= limit):
                continue
            evidence = [case.evidence(doc, *view.span(m.start(), m.end()))]
            if doc_hit is not None:
                evidence.append(case.evidence(doc, *view.span(doc_hit.start(), doc_hit.end())))
            hits.append(_Capped(doc, m.group(0), n, limit, evidence, doc_hit.group(0) if doc_hit is not None else ""))
            break  # one finding per document: the same amount is usually written twice (决定 and 执行)
    out = []
    groups = _by_person(case, [h.doc for h in hits]) if p.get("per_person") else [[i] for i in range(len(hits))]
    for group in groups:
        first = hits[group[0]]
        day = _doc_day(case, first.doc)
        label = psapl_label(case, day) if day else None
        out.append(
            make_finding(
                rule,
                [ev for i in group for ev in hits[i].evidence],
                doc="、".join(dict.fromkeys(hits[i].doc.doc_type_zh for i in group)),
                text="、".join(dict.fromkeys(hits[i].text for i in group)),
                number=first.number,
                limit=first.limit,
                version=label or "",
                doc_date=_zh_date(day) if day else "",
                issuer=first.issuer,
            )
        )
    return out


def _by_person(case: CaseView, docs: list[Document]) -> list[list[int]]:
    """Indices of ``docs`` grouped by the suspect each names (as ``_paired`` pairs acts): documents naming a common
    suspect, or naming none in a case of at most one suspect, are about one person."""
    same = _same_id_names(case)
    every = {same.get(p.name, p.name) for p in case.persons if p.role == Role.SUSPECT}
    groups: list[tuple[set[str], list[int]]] = []
    for i, doc in enumerate(docs):
        names = _suspects(case, doc.id)
        for seen, members in groups:
            if (names and seen and names & seen) or ((not names or not seen) and len(every) <= 1):
                members.append(i)
                seen |= names
                break
        else:
            groups.append((set(names), [i]))
    return [members for _, members in groups]


# --- what the file must record when something else is on file ---------------------------------------------------------


@registry.checks.register("required_mention")
def required_mention(case: CaseView, rule: Rule) -> list[Finding]:
    """A document shows that a step happened (传唤, 行政拘留 执行 …) but no document records what the law requires
    with it (通知家属, or why it was impossible).

    params: when_doc_types + when_regex (the trigger: a document of these types whose text matches; the match is the
    evidence, or its group ``ev``; a document of title_evidence_types is pointed at by its title); require_regex
    (searched in every document of the case, or of require_doc_types); admin_only; per_doc + require_all (every
    regex must match in the triggering document itself).
    """
    p = rule.params
    if p.get("admin_only") and not is_administrative(case):
        return []
    when_rx = re.compile(p["when_regex"]) if p.get("when_regex") else None
    if p.get("per_doc"):
        return _required_in_same_doc(case, rule)
    need_rx = re.compile(p["require_regex"])
    pool = case.of_type(*p["require_doc_types"]) if p.get("require_doc_types") else case.case.documents
    if any(need_rx.search(d.text) or need_rx.search(TextView.unwrapped(d).text) for d in pool):
        return []
    titled = set(p.get("title_evidence_types", []))
    for doc in case.of_type(*p["when_doc_types"]):
        if when_rx is None or doc.doc_type in titled:
            found = f"{doc.doc_type_zh}在卷"
            return [make_finding(rule, [case.title_evidence(doc)], doc=doc.doc_type_zh, found=found)]
        view = TextView.unwrapped(doc)
        m = when_rx.search(view.text)
        if m:
            # A named group ``ev`` narrows the evidence to the value that shows the step (the 到达 time).
            s, e = view.span(*(m.span("ev") if "ev" in when_rx.groupindex and m.group("ev") else m.span()))
            return [make_finding(rule, [case.evidence(doc, s, e)], doc=doc.doc_type_zh, found=m.group(0))]
    return []


def _required_in_same_doc(case: CaseView, rule: Rule) -> list[Finding]:
    """per_doc: each triggering document must itself hold every one of ``require_all`` (e.g. 到达 and 离开 times)."""
    when_rx = re.compile(rule.params["when_regex"])
    needs = [re.compile(r) for r in rule.params["require_all"]]
    out = []
    for doc in case.of_type(*rule.params["when_doc_types"]):
        view = TextView.unwrapped(doc)
        m = when_rx.search(view.text)
        if m and not all(n.search(view.text) or n.search(doc.text) for n in needs):
            s, e = view.span(*m.span())
            out.append(make_finding(rule, [case.evidence(doc, s, e)], doc=doc.doc_type_zh, found=m.group(0)))
    return out


@registry.checks.register("forbidden_mention")
def forbidden_mention(case: CaseView, rule: Rule) -> list[Finding]:
    """A document of a kind the law does not allow for this matter names it (当场处罚 of 赌博, 卖淫 …).

    params: doc_types; regex (the matter; its match is the evidence); unless_doc_regex (the document itself says
    why it is lawful).
    """
    rx = re.compile(rule.params["regex"])
    unless = re.compile(rule.params["unless_doc_regex"]) if rule.params.get("unless_doc_regex") else None
    out = []
    for doc in case.of_type(*rule.params["doc_types"]):
        view = TextView.unwrapped(doc)  # a PDF wraps the matter anywhere (寻衅滋\n事)
        m = rx.search(view.text)
        if m and not (unless and unless.search(view.text)):
            evidence = case.evidence(doc, *view.span(m.start(), m.end()))
            out.append(make_finding(rule, [evidence], doc=doc.doc_type_zh, found=m.group(0)))
    return out


# --- who decided ------------------------------------------------------------------------------------------------------

_STATION_ISSUER = re.compile(r"^[^\n（(]{2,40}派出所(?=[（(][^)）\n]{0,6}[印章][)）]|\s*$)", re.M)
_DETENTION = re.compile(r"行政拘留[一二三四五六七八九十两〇零\d]+日")
_FINE = re.compile(r"罚款(?:人民币)?(?P<n>[\d,，]+|[一二三四五六七八九十百千万两〇零]+)元")
_DECIDES = re.compile(r"(?:现决定|决定对|决定给予)[^。\n]*")


@registry.checks.register("decision_authority")
def decision_authority(case: CaseView, rule: Rule) -> list[Finding]:
    """A 公安派出所 signs a 处罚决定 beyond its power: 行政拘留, or a fine above its cap (500元; 1000元 from 2026).

    params: doc_types; fine_cap (per 治安管理处罚法 version). The issuer is read from the 落款 (the last lines): a
    decision in a 分局's name prepared by a 派出所 is lawful and is not flagged.
    """
    out = []
    for doc in case.of_type(*rule.params["doc_types"]):
        view = TextView.unwrapped(doc)  # the 决定 sentence may wrap mid-word in a PDF
        tail_from = int(len(view.text) * 0.6)
        issuers = [m for m in _STATION_ISSUER.finditer(view.text) if m.start() >= tail_from]
        if not issuers:
            continue
        issuer = issuers[-1]
        decides = _DECIDES.search(view.text)
        if not decides:
            continue
        day = _doc_day(case, doc)
        label = psapl_label(case, day) if day else None
        cap = by_version(rule.params["fine_cap"], label)
        sentence = decides.group(0)
        problem = ""
        det = _DETENTION.search(sentence)
        hit_start, hit_end = decides.start(), decides.end()
        if det:
            problem = f"决定{det.group(0)}（行政拘留只能由县级以上公安机关决定）"
            hit_start, hit_end = decides.start() + det.start(), decides.start() + det.end()
        else:
            fine = _FINE.search(sentence)
            amount = zh_number(fine.group("n")) if fine else None
            if fine and amount is not None and cap is not None and amount > cap:
                problem = f"决定罚款{amount}元（公安派出所只能决定警告、{cap}元以下罚款）"
                hit_start, hit_end = decides.start() + fine.start(), decides.start() + fine.end()
        if not problem:
            continue
        out.append(
            make_finding(
                rule,
                [case.evidence(doc, *view.span(*issuer.span())), case.evidence(doc, *view.span(hit_start, hit_end))],
                doc=doc.doc_type_zh,
                issuer=issuer.group(0).strip(),
                problem=problem,
                version=label or "",
            )
        )
    return out


# --- who may not be detained ------------------------------------------------------------------------------------------

_NOT_EXECUTED = re.compile(r"不执行行政拘留|不予执行|暂缓执行|不送[^。\n]{0,6}执行")
_BIRTH = re.compile(r"(?:出生日期[：:\s]*|，)(?P<d>\d{4}年\d{1,2}月\d{1,2}日)(?:出生)?")
_FACT_DATE = re.compile(r"(?:现查明|经查)[：:，,]?\s*(?P<d>\d{4}年\d{1,2}月\d{1,2}日)")
_FIRST_TIME = re.compile(r"违法(?:犯罪)?经历[：:\s]*无|初次违反")
_ZH_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def _parse_day(text: str) -> date | None:
    m = _ZH_DATE.fullmatch(text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


@registry.checks.register("detention_exempt_person")
def detention_exempt_person(case: CaseView, rule: Rule) -> list[Finding]:
    """行政拘留 decided for execution against a person the law exempts (已满十四不满十六周岁, 初次违法的十六至十八
    周岁, 七十周岁以上), the age taken on the date of the conduct as the decision states it.

    params: doc_types; exception_regex (2025 text: 情节严重、影响恶劣 / 一年以内二次以上 lift the exemption).
    Pregnancy and nursing are not judged: a decision seldom says so.
    """
    exception = re.compile(rule.params["exception_regex"]) if rule.params.get("exception_regex") else None
    out = []
    for doc in case.of_type(*rule.params["doc_types"]):
        view = TextView.unwrapped(doc)  # the 决定 sentence may wrap mid-word in a PDF
        decides = _DECIDES.search(view.text)
        det = _DETENTION.search(decides.group(0)) if decides else None
        if not decides or not det or _NOT_EXECUTED.search(view.text) or _NOT_EXECUTED.search(doc.text):
            continue
        birth_m, fact_m = _BIRTH.search(doc.text), _FACT_DATE.search(doc.text)
        if not birth_m or not fact_m:
            continue
        birth, acted = _parse_day(birth_m.group("d")), _parse_day(fact_m.group("d"))
        if birth is None or acted is None or birth >= acted:
            continue
        age = _age(birth, acted)
        first = bool(_FIRST_TIME.search(doc.text))
        if 14 <= age < 16:
            reason = "已满十四周岁不满十六周岁"
        elif 16 <= age < 18 and first:
            reason = "已满十六周岁不满十八周岁，初次违反治安管理"
        elif age >= 70:
            reason = "七十周岁以上"
        else:
            continue
        day = _doc_day(case, doc)
        excepted = exception and (exception.search(doc.text) or exception.search(view.text))
        if excepted and day and psapl_label(case, day) == "2025":
            continue
        start = decides.start() + det.start()
        out.append(
            make_finding(
                rule,
                [
                    case.evidence(doc, birth_m.start("d"), birth_m.end("d")),
                    case.evidence(doc, fact_m.start("d"), fact_m.end("d")),
                    case.evidence(doc, *view.span(start, start + len(det.group(0)))),
                ],
                doc=doc.doc_type_zh,
                age=age,
                reason=reason,
                birth=birth_m.group("d"),
                acted=fact_m.group("d"),
                detention=det.group(0),
            )
        )
    return out


# --- the look-back window of an aggravating circumstance ----------------------------------------------------

_PRIOR = re.compile(r"违法(?:犯罪)?经历[：:\s]*(?P<d>(?P<y>\d{4})年(?P<m>\d{1,2})月(?:(?P<day>\d{1,2})日)?)")


@registry.checks.register("aggravation_window")
def aggravation_window(case: CaseView, rule: Rule) -> list[Finding]:
    """A decision aggravates for 曾受过治安管理处罚 although the earlier penalty lies outside the window of the law
    in force (六个月内 in the 2012 text, 一年以内 from 2026), counted back from the date of the conduct.

    params: doc_types; aggravation_regex (the decision relies on the circumstance); months (per version). An earlier
    penalty dated only to the month is taken at the month's last day, so only a certain lapse is flagged.
    """
    aggravation = re.compile(rule.params["aggravation_regex"])
    out = []
    for doc in case.of_type(*rule.params["doc_types"]):
        relied = aggravation.search(doc.text)
        prior, fact = _PRIOR.search(doc.text), _FACT_DATE.search(doc.text)
        if not relied or not prior or not fact:
            continue
        acted = _parse_day(fact.group("d"))
        try:
            year, month = int(prior.group("y")), int(prior.group("m"))
            day = int(prior.group("day")) if prior.group("day") else calendar.monthrange(year, month)[1]
            earlier = date(year, month, day)
        except ValueError:
            continue
        if acted is None or earlier >= acted:
            continue
        label = psapl_label(case, acted)
        months = by_version(rule.params["months"], label)
        if months is None or _add_months(earlier, int(months)) >= acted:
            continue
        out.append(
            make_finding(
                rule,
                [
                    case.evidence(doc, prior.start("d"), prior.end("d")),
                    case.evidence(doc, fact.start("d"), fact.end("d")),
                    case.evidence(doc, relied.start(), relied.end()),
                ],
                doc=doc.doc_type_zh,
                prior=prior.group("d"),
                acted=fact.group("d"),
                months=months,
                version=label or "",
            )
        )
    return out
