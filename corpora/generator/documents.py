"""The documents of a generated case file, in file order, with gold entity labels and defect tags (issue #3).

    docs = build_documents(facts, rng)

Criminal: 受案登记表, 受案回执, 立案决定书, 传唤证, 询问笔录 (victims, witnesses), 讯问笔录 (suspects), 拘留证,
拘留通知书, 扣押决定书 and 扣押清单, 价格认定结论书 or 鉴定意见, 提请批准逮捕书 — each only where the facts' acts
say the step was taken. Administrative: 受案登记表, 受案回执, 传唤证, 询问笔录 (victims, witnesses, the 违法嫌疑人),
行政处罚告知笔录, 行政处罚决定书 and its 送达回执 (or the 决定书's own 送达 section).

Gold: every entity is a ``Seg`` with ``type`` (PERSON with the ``role`` the document gives, ID_NUMBER, PHONE,
DATETIME, MONEY, DOC_NUMBER, CASE_NUMBER, LAW_CITATION, ORG, LOCATION). Tags name what defects change: a form field's
value by its label ("接报时间", "讯问人" …, every segment of the value), and, taking precedence over the label,
"id:<name>", "gender:<name>", "birth:<name>", "act:<act>" (every place an act's moment is written), "session_start" /
"session_end", "amount", "citation", "title", "doc_number" and "doc_date" (a 落款 date that is not an act's).
"""

from __future__ import annotations

import random

from corpora.generator import documents_admin as admin_docs
from corpora.generator import documents_decisions as decisions
from corpora.generator import documents_forms as forms
from corpora.generator import documents_investigation as investigation
from corpora.generator import documents_measures as measures
from corpora.generator import documents_narrative as narrative
from corpora.generator import documents_nonfiling as nonfiling
from corpora.generator.documents_base import CaseContext, build_context
from corpora.generator.documents_records import build_record
from corpora.generator.model import CaseFacts, DocSpec, Person, Session

__all__ = ["build_documents"]


def build_documents(facts: CaseFacts, rng: random.Random) -> list[DocSpec]:
    """The case's documents in file order; file stems like "01_受案登记表", "05_讯问笔录_王某某(第1次)"."""
    ctx = build_context(facts, rng)
    built: list[tuple[str, DocSpec]] = []
    if facts.kind == "criminal":
        _criminal(ctx, built)
    else:
        _administrative(ctx, built)
    docs = []
    for n, (name, doc) in enumerate(built, start=1):
        doc.file_stem = f"{n:02d}_{name}"
        docs.append(doc)
    return docs


def _sessions(ctx: CaseContext, kind: str, persons: list[Person] | None = None) -> list[Session]:
    names = None if persons is None else {p.name for p in persons}
    found = [s for s in ctx.facts.sessions if s.kind == kind and (names is None or s.person.name in names)]
    return sorted(found, key=lambda s: s.start)


def _record_name(s: Session, label: str, repeated: set[str]) -> str:
    if s.kind == "interrogation" or s.person.name in repeated:
        return f"{label}_{s.person.name}(第{s.number}次)"
    return f"{label}_{s.person.name}"


def _repeated(sessions: list[Session]) -> set[str]:
    seen: dict[str, int] = {}
    for s in sessions:
        seen[s.person.name] = seen.get(s.person.name, 0) + 1
    return {name for name, n in seen.items() if n > 1}


def _summons_name(sm: forms.Summons, all_summons: list[forms.Summons]) -> str:
    if len(all_summons) == 1:
        return "传唤证"
    same = [x for x in all_summons if x.person.name == sm.person.name]
    if len(same) == 1:
        return f"传唤证_{sm.person.name}"
    return f"传唤证_{sm.person.name}({same.index(sm) + 1})"


def _with_name(base: str, person: Person, many: bool) -> str:
    return f"{base}_{person.name}" if many else base


def _appraisal(ctx: CaseContext, out: list[tuple[str, DocSpec]]) -> None:
    """价格认定结论书 for property, 鉴定意见 for injuries, blood alcohol and drug tests."""
    if "appraised" not in ctx.facts.acts:
        return
    kind = decisions.appraisal_kind(ctx)
    if kind == "price":
        out.append(("价格认定结论书", decisions.build_price_assessment(ctx)))
    elif kind == "field":
        out.append(("现场检测报告书", decisions.build_field_test_report(ctx)))
    else:
        out.append(("鉴定意见书", decisions.build_expert_opinion(ctx)))


def _criminal(ctx: CaseContext, out: list[tuple[str, DocSpec]]) -> None:
    f = ctx.facts
    acts = f.acts
    if "report_record" in f.extras:
        out.append(("报案笔录", measures.build_report_record(ctx)))
    out.append(("受案登记表", forms.build_register(ctx)))
    if f.reporter is not None:
        out.append(("受案回执", forms.build_receipt(ctx)))
    if "non_filing_decided" in acts:  # 不予立案 after 调查核实: the inquiries, then the decision and its 送达
        inquiries = _sessions(ctx, "inquiry")
        repeated = _repeated(inquiries)
        out += [(_record_name(s, "询问笔录", repeated), build_record(ctx, s)) for s in inquiries]
        nonfiling.add_non_filing(ctx, out)
        return
    out.append(("立案决定书", forms.build_filing(ctx)))
    interrogations = _sessions(ctx, "interrogation")
    questioned = [p for p in f.suspects if any(s.person.name == p.name for s in interrogations)] or f.suspects[:1]
    many = len(questioned) > 1
    summons = forms.summonses(ctx, ("interrogation",), "criminal_summons")
    for sm in summons:
        out.append((_summons_name(sm, summons), forms.build_criminal_summons(ctx, sm)))
    inquiries = _sessions(ctx, "inquiry")
    repeated = _repeated(inquiries + interrogations)
    for s in inquiries:
        out.append((_record_name(s, "询问笔录", repeated), build_record(ctx, s)))
    for s in interrogations:
        out.append((_record_name(s, "讯问笔录", repeated), build_record(ctx, s)))
    if (identified := investigation.build_identification_record(ctx)) is not None:
        out.append(("辨认笔录", identified))
    if "detained" in acts:
        for p in questioned:
            out.append((_with_name("拘留证", p, many), forms.build_detention_warrant(ctx, p)))
        for p in questioned:
            out.append((_with_name("拘留通知书", p, many), forms.build_detention_notice(ctx, p)))
    if "bail_granted" in acts:
        out.append(("取保候审决定书", measures.build_bail_decision(ctx, f.suspects[0])))
    if "surveillance_started" in acts:
        out.append(("监视居住决定书", measures.build_surveillance_decision(ctx, f.suspects[0])))
    if "seized" in acts and forms.seized_rows(ctx):
        out.append(("扣押决定书", forms.build_seizure_decision(ctx)))
        out.append(("扣押清单", forms.build_seizure_list(ctx)))
        if (seizure := investigation.build_seizure_record(ctx)) is not None:
            out.append(("扣押笔录", seizure))
    if measures.has_engagement(ctx):
        out.append(("鉴定聘请书", measures.build_expert_engagement(ctx)))
    _appraisal(ctx, out)
    if measures.has_opinion(ctx):
        people = measures.notified_people(ctx)
        for p in people:
            name = _with_name("鉴定意见通知书", p, len(people) > 1)
            out.append((name, measures.build_opinion_notice(ctx, p)))
    if "detained" in acts and f.extras.get("detention_extended"):
        for p in questioned:
            out.append((_with_name("延长拘留期限通知书", p, many), forms.build_detention_extension_notice(ctx, p)))
    if "arrest_requested" in acts:
        out.append(("提请批准逮捕书", decisions.build_arrest_request(ctx)))
    if "arrested" in acts:
        for p in questioned:
            out.append((_with_name("逮捕证", p, many), measures.build_arrest_warrant(ctx, p)))
        for p in questioned:
            out.append((_with_name("逮捕通知书", p, many), measures.build_arrest_notice(ctx, p)))
    if "arrest_disapproval_received" in acts:
        out.append(("不批准逮捕决定书", measures.build_arrest_disapproval(ctx, f.suspects[0])))
    if "custody_released" in acts:
        out.append(("释放证明书", measures.build_release_certificate(ctx, f.suspects[0])))
    if "bail_lifted" in acts:
        out.append(("解除取保候审决定书", measures.build_bail_release(ctx, f.suspects[0])))
    if "surveillance_lifted" in acts:
        out.append(("解除监视居住决定书", measures.build_surveillance_release(ctx, f.suspects[0])))
    narrative.add_prosecution_recommendation(ctx, out)  # 起诉意见书 where the facts reach an arrest


def _administrative(ctx: CaseContext, out: list[tuple[str, DocSpec]]) -> None:
    f = ctx.facts
    acts = f.acts
    rng = ctx.rng
    out.append(("受案登记表", forms.build_register(ctx)))
    if f.reporter is not None:
        out.append(("受案回执", forms.build_receipt(ctx)))
    inquiries = _sessions(ctx, "inquiry")
    summons = forms.summonses(ctx, ("inquiry",), "administrative_summons")
    for sm in summons:
        out.append((_summons_name(sm, summons), forms.build_admin_summons(ctx, sm)))
    repeated = _repeated(inquiries)
    if (inspected := investigation.build_inspection_record(ctx)) is not None:
        out.append(("检查笔录", inspected))
    for s in inquiries:
        out.append((_record_name(s, "询问笔录", repeated), build_record(ctx, s)))
    if "seized" in acts and forms.seized_rows(ctx):
        out.append(("证据保全决定书", admin_docs.build_evidence_preservation_decision(ctx)))
    _appraisal(ctx, out)
    out += admin_docs.opinion_notices(ctx)
    notices = _sessions(ctx, "penalty_notice")
    for s in notices:
        out.append((f"行政处罚告知笔录_{s.person.name}", build_record(ctx, s)))
    if f.extras.get("on_the_spot"):
        out.append(("当场处罚决定书", admin_docs.build_on_the_spot_decision(ctx)))
        return
    if f.extras.get("mediated"):  # 治安调解: the case ends with the agreement, no 决定书
        out.append(("治安调解协议书", admin_docs.build_mediation_agreement(ctx)))
        return
    if "penalty_decided" in acts and f.extras.get("approval_form"):
        out.append(("行政处罚审批表", admin_docs.build_approval_form(ctx)))
    if "penalty_decided" in acts or f.penalty:
        own_service = rng.random() < 0.35
        out.append(("行政处罚决定书", decisions.build_penalty_decision(ctx, own_service)))
        if not own_service:
            out.append(("送达回执", decisions.build_service_receipt(ctx)))
        if "victim_served" in acts and f.victims:
            # 治安案件有被侵害人的，决定书副本送达被侵害人.
            for v in f.victims[:1]:
                out.append((f"送达回执_{v.name}", decisions.build_service_receipt(ctx, victim=v)))
        if "penalty_family_notified" in acts:
            out.append(("行政拘留家属通知书", admin_docs.build_penalty_family_notice(ctx)))
