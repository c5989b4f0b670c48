"""The procedural timeline: acts (接报, 受案, 立案, 拘留, 通知家属 …) with the moment each happened.

A moment written to the day covers that whole day; gaps and orders are judged on the bounds, so a rule flags only
what is certain from the text (a 拘留 at 5月3日 and a 通知 dated 5月4日 is not proof of a 24-hour breach).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from nlp.labels import EntityType
from nlp.schema import Document, Entity
from nlp.textview import TextView

_DATA = Path(__file__).with_name("acts.yaml")

_PRECISION_SPAN = {
    "year": None,
    "month": None,
    "day": timedelta(days=1),
    "hour": timedelta(hours=1),
    "minute": timedelta(minutes=1),
    "second": timedelta(seconds=1),
}


@dataclass(frozen=True)
class Moment:
    """A moment known to lie in [earliest, latest)."""

    earliest: datetime
    latest: datetime
    precision: str
    text: str

    @staticmethod
    def from_value(value: date | datetime, precision: str, text: str) -> Moment:
        start = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
        if precision == "year":
            end = datetime(start.year + 1, 1, 1)
        elif precision == "month":
            end = datetime(start.year + (start.month == 12), start.month % 12 + 1, 1)
        else:
            end = start + (_PRECISION_SPAN.get(precision) or timedelta(days=1))
        return Moment(start, end, precision, text)

    def surely_before(self, other: Moment) -> bool:
        return self.latest <= other.earliest

    def min_gap(self, later: Moment) -> timedelta:
        """The least time that can have passed from self to ``later``."""
        return later.earliest - self.latest

    def max_gap(self, later: Moment) -> timedelta:
        return later.latest - self.earliest


@dataclass(frozen=True)
class Act:
    name: str
    zh: str
    doc_id: str
    start: int
    end: int
    moment: Moment
    source_kind: str


@dataclass(frozen=True)
class _Source:
    doc_types: tuple[str, ...]
    kind: str
    labels: tuple[str, ...] = ()
    regex: re.Pattern[str] | None = None
    # last_date: the 落款 is read before this marker (a 决定书's own 送达 section carries a later signing date)
    before: re.Pattern[str] | None = None


@cache
def _acts() -> dict[str, tuple[str, tuple[_Source, ...]]]:
    raw = yaml.safe_load(_DATA.read_text(encoding="utf-8"))["acts"]
    out: dict[str, tuple[str, tuple[_Source, ...]]] = {}
    for name, spec in raw.items():
        sources = tuple(
            _Source(
                tuple(s["doc_types"]),
                s["kind"],
                tuple(s.get("labels", ())),
                re.compile(s["regex"]) if s.get("regex") else None,
                re.compile(s["before"]) if s.get("before") else None,
            )
            for s in spec["sources"]
        )
        out[name] = (spec["zh"], sources)
    return out


def act_names() -> dict[str, str]:
    return {name: zh for name, (zh, _) in _acts().items()}


def moment_of(entity: Entity) -> Moment | None:
    if entity.type != EntityType.DATETIME or not entity.value or entity.valid is False:
        return None
    value = _parse_iso(entity.value)
    if value is None:
        return None
    return Moment.from_value(value, str(entity.attrs.get("precision", "day")), entity.text)


def _parse_iso(value: str) -> date | datetime | None:
    """ISO values as the extractors write them: 2022, 2022-05, 2022-05-03, 2022-05-03T14:30."""
    try:
        if "T" in value:
            return datetime.fromisoformat(value)
        parts = value.split("-")
        if len(parts) == 1:
            return date(int(parts[0]), 1, 1)
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1)
        return date.fromisoformat(value)
    except ValueError:
        return None


def _datetimes(doc: Document) -> list[Entity]:
    return [e for e in doc.entities if e.type == EntityType.DATETIME and e.valid is not False and e.value]


def labelled_datetime(doc: Document, labels: tuple[str, ...]) -> tuple[Entity, int] | None:
    """The DATETIME written as the value of the first of ``labels`` that has one (受案时间 before 接报时间)."""
    for label in labels:
        for m in re.finditer(rf"{re.escape(label)}\s*(?:[：:]|\t)?[ \t]*", doc.text):
            line_end = doc.text.find("\n", m.end())
            line_end = len(doc.text) if line_end < 0 else line_end
            cell_end = doc.text.find("\t", m.end())
            stop = min(line_end, cell_end) if cell_end >= 0 else line_end
            for ent in _datetimes(doc):
                if m.end() <= ent.start < stop and ent.start - m.end() <= 4:
                    return ent, m.start()
    return None


def _find(doc: Document, source: _Source) -> tuple[Entity, int, int] | None:
    ents = _datetimes(doc)
    if source.kind == "field":
        hit = labelled_datetime(doc, source.labels)
        return (hit[0], hit[0].start, hit[0].end) if hit else None
    if source.kind == "pattern" and source.regex is not None:
        # Read across a PDF's printed line wraps (决定自2024年8月17日起\n解除), mapping offsets back to doc.text.
        view = TextView.unwrapped(doc)
        for m in source.regex.finditer(view.text):
            s, e = view.original(m.start("dt")), view.original(max(m.start("dt"), m.end("dt") - 1)) + 1
            for ent in ents:
                if s <= ent.start < e:
                    return ent, ent.start, ent.end
        return None
    if source.kind == "last_date":
        # The 落款 date: the last date in the final fifth of the document (before a 送达 section, if asked).
        end = len(doc.text)
        if source.before is not None:
            cut = source.before.search(doc.text)
            end = cut.start() if cut else end
        tail_from = int(end * 0.8)
        tail = [e for e in ents if tail_from <= e.start < end and not e.attrs.get("range_end")]
        return (tail[-1], tail[-1].start, tail[-1].end) if tail else None
    if source.kind in ("range_start", "range_end"):
        want_end = source.kind == "range_end"
        for i, ent in enumerate(ents):
            if want_end and ent.attrs.get("range_end"):
                return ent, ent.start, ent.end
            if not want_end and i + 1 < len(ents) and ents[i + 1].attrs.get("range_end"):
                return ent, ent.start, ent.end
        return None
    raise ValueError(f"unknown act source kind {source.kind!r}")


def closing_date(doc: Document, before: re.Pattern[str] | None = None) -> tuple[Moment, int, int] | None:
    """The 落款 date alone, with its span (no fallback to other dates); ``before``: where the document's own 送达
    section begins, whose later signing date is not the 落款."""
    hit = _find(doc, _Source((), "last_date", before=before))
    moment = moment_of(hit[0]) if hit else None
    return (moment, hit[1], hit[2]) if hit and moment else None


def build_timeline(documents: list[Document]) -> list[Act]:
    acts: list[Act] = []
    for name, (zh, sources) in _acts().items():
        for doc in documents:
            for source in sources:
                if doc.doc_type not in source.doc_types:
                    continue
                hit = _find(doc, source)
                if hit is None:
                    continue
                ent, s, e = hit
                moment = moment_of(ent)
                if moment is None:
                    continue
                acts.append(Act(name, zh, doc.id, s, e, moment, source.kind))
                break
    acts.sort(key=lambda a: a.moment.earliest)
    return acts


def document_date(doc: Document) -> Moment | None:
    """The date a document was made: its 落款 date, else the latest date written in it."""
    hit = _find(doc, _Source((), "last_date"))
    ents = _datetimes(doc)
    ent = hit[0] if hit else (max(ents, key=lambda e: e.value or "") if ents else None)
    return moment_of(ent) if ent else None


def as_dict(act: Act) -> dict[str, Any]:
    return {
        "act": act.name,
        "zh": act.zh,
        "document": act.doc_id,
        "start": act.start,
        "end": act.end,
        "earliest": act.moment.earliest.isoformat(),
        "precision": act.moment.precision,
    }


# --- prose acts (judgments, narratives) ---------------------------------------------------------------------------

_PROSE_DATE = re.compile(
    r"(?P<rel>次日|翌日|当日|同日|当天)|(?:(?P<y>\d{4})年|(?P<sy>同年))?(?:(?P<m>\d{1,2})月|(?P<sm>同月))(?P<d>\d{1,2})日"
)
_CLAUSE_END = re.compile(r"[，,；;。\n]")


@dataclass(frozen=True)
class ProseAct:
    """An act read from running text; ``sentence`` groups the acts of one sentence (one defendant)."""

    sentence: int
    act: Act


@cache
def _prose_specs() -> dict[str, tuple[str, re.Pattern[str], re.Pattern[str] | None]]:
    raw = yaml.safe_load(_DATA.read_text(encoding="utf-8")).get("prose", {})
    return {
        name: (spec["zh"], re.compile(spec["regex"]), re.compile(spec["exclude"]) if spec.get("exclude") else None)
        for name, spec in raw.items()
    }


def _prose_dates(sentence: str, offset: int) -> list[tuple[int, int, date]]:
    """Every readable date of a sentence with its span; 同年/同月/次日/当日 resolved against the previous one."""
    out: list[tuple[int, int, date]] = []
    last: date | None = None
    for m in _PROSE_DATE.finditer(sentence):
        try:
            if m.group("rel"):
                if last is None:
                    continue
                value = last + timedelta(days=1) if m.group("rel") in ("次日", "翌日") else last
            else:
                if m.group("y"):
                    year = int(m.group("y"))
                elif last is not None:
                    year = last.year  # 同年 written or implied ("2015年12月9日……12月11日")
                else:
                    continue  # a bare 3月1日 with no year in sight: unreadable, not guessed
                month = last.month if m.group("sm") and last is not None else int(m.group("m") or 0)
                value = date(year, month, int(m.group("d")))
                if not (m.group("y") or m.group("sy")) and last is not None and value < last:
                    continue  # 12月30日……1月2日: the year turned or the text is out of order; do not guess
        except ValueError:
            continue
        out.append((offset + m.start(), offset + m.end(), value))
        last = value
    return out


def prose_acts(text: str, doc_id: str = "") -> list[ProseAct]:
    """Coercive measures written in prose, each with the day it happened (day precision: no time is written)."""
    specs = _prose_specs()
    out: list[ProseAct] = []
    pos = 0
    for n, sentence in enumerate(re.split(r"(?<=。)", text)):
        dates = _prose_dates(sentence, pos)
        clause_starts = [0] + [m.end() for m in _CLAUSE_END.finditer(sentence)]
        for name, (zh, regex, exclude) in specs.items():
            for m in regex.finditer(sentence):
                c0 = max(c for c in clause_starts if c <= m.start())
                c1 = min((c for c in clause_starts if c > m.start()), default=len(sentence))
                clause = sentence[c0:c1]
                if exclude and exclude.search(clause):
                    continue
                before = [d for d in dates if pos + c0 <= d[0] and d[1] <= pos + m.start()]
                if not before:
                    continue
                s, e, day = before[-1]
                moment = Moment.from_value(day, "day", text[s:e])
                out.append(ProseAct(n, Act(name, zh, doc_id, s, e, moment, "prose")))
        pos += len(sentence)
    return out
