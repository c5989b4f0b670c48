"""Which kind of document is this? Title first, then body markers, then the file name.

Only the head of the text is read (titles in the first lines, markers in the first few thousand characters), so a
50-page document costs about as much as a one-page one. Deterministic: the same text always gives the same answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from nlp.doctypes.specs import TITLE_BRACKETS, DocTypeSpec, load_specs, normalize_title

Method = Literal["title", "title+markers", "title+model", "markers", "filename", "model", "none"]

HEAD_CHARS = 2000  # titles are looked for only in this many leading characters
MAX_TITLE_LINES = 15  # … and only in this many non-blank, non-noise lines
MAX_TITLE_LEN = 40  # a longer line (whitespace removed) is prose, not a title
MAX_RAW_LINE = 160  # lines longer than this are not even normalised
FRAGMENT_LEN = 12  # short lines may be parts of one title (wrapped PDF titles, 决定/通知 brace layouts)
MARKER_CHARS = 4000  # body markers are counted in this many characters after the title
RUN_IN_CHARS = 240  # a title run into its text (no line break after it) is looked for in this many characters
RUN_IN_PREFIX = 16  # … ending at most this many characters before the bracketed year of its 案号/文号
RUN_IN_NUMBERS = 3  # … one of the first few such years (a heading may cite the 起诉书's 文号 before the court's)

# Confidence levels, from strongest to weakest evidence.
CONF_TITLE_CONFIRMED = 0.97  # title + markers that only this type (not its look-alikes) has
CONF_TITLE_MARKERS = 0.95  # title + some of its markers
CONF_TITLE = 0.9  # title alone
CONF_TITLE_TIE_RESOLVED = 0.85  # a title several types share (传唤证), settled by markers
CONF_TITLE_CONTRADICTED = 0.7  # title says one type, the body reads like a look-alike (询问笔录 with 被讯问人)
CONF_TITLE_TIE_FILENAME = 0.75  # a shared title the markers could not settle but the file name did
CONF_TITLE_TIE = 0.5  # a shared title neither markers nor the file name could settle
CONF_FILENAME = 0.6
CONF_FILENAME_TIE = 0.4
CONF_MARKERS_MAX = 0.65

_NUM = r"[0-9一二三四五六七八九十]"
# Copy markers and 笔录 ordinals printed after a title: 立案决定书（存根）, 询问笔录（第2次）.
_TRAILING_MARK = re.compile(
    rf"(?:\((?:存根|副本|正本|第{_NUM}{{1,2}}联[^()]{{0,12}}|此联[^()]{{0,12}}|[^()]{{0,8}}(?:附卷|留存|存档)"
    rf"|第{_NUM}{{1,3}}次)\))+$"
)
_DOCNUM = r".{0,24}字(?:\[.{0,8}\]|\(?\d{4}\)?).{0,10}号"  # 东公(刑)立字[2022]123号, 字[＿＿]＿＿号
# A 文号 printed on the title line itself: 受案登记表 东公(刑)受案字〔2022〕123号.
_DOCNUM_TAIL = re.compile(r"\S{1,16}?字(?:\[[^\]]{0,8}\]|\(?\d{4}\)?)[^号]{0,10}号")
# Lines that are never (part of) a title: rules, copy markers, 文号, page numbers.
_NOISE = re.compile(
    rf"^(?:[_＿\-—=·.。、,，:：|\[\]()]*"
    rf"|\(?(?:存根|副本|正本|第{_NUM}{{1,2}}联.{{0,12}}|此联.{{0,12}}|第{_NUM}{{1,3}}次)\)?"
    rf"|第\d+页(?:共\d+页)?|共\d+页(?:第\d+页)?|{_DOCNUM})$"
)
_AGENCY_WORDS = (
    r"(?:公安厅|公安局|公安分局|分局|派出所|支队|大队|中队|检察院|人民法院|法院|分院|看守所|司法鉴定所|鉴定所|"
    r"鉴定中心|价格认证中心|认证中心)"
)
_AGENCY_PREFIX = re.compile(rf"^.{{0,30}}{_AGENCY_WORDS}")  # greedy: "××市公安局××分局" as a whole
_AGENCY_LINE = re.compile(rf"^.{{0,30}}{_AGENCY_WORDS}(?:\(.{{0,10}}\))?$")
_BRACE_BRANCH = re.compile(r"^(?:决定|(?:执行)?通知)$")
_AGENCY_WORD = re.compile(_AGENCY_WORDS)
# The bracketed year that opens a 案号 or ends the prefix of a 文号: (2020)浙0702刑初662号, 宁鼓检诉[2018]13号.
_NUMBER_YEAR = re.compile(r"[(\[](?:19|20)\d{2}[)\]]")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")
_PATH_SPLIT = re.compile(r"[\\/]")


class Classification(BaseModel):
    model_config = ConfigDict(extra="forbid")

    doc_type: str = "unknown"
    name_zh: str = "未识别"
    title: str = ""  # as written: text[title_start:title_end], e.g. "立 案 决 定 书"
    title_start: int = 0
    title_end: int = 0
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    method: Method = "none"
    subject: str = ""  # request_report / approval_form: what is requested (立案, 拘留 …)
    alternatives: list[str] = Field(default_factory=list)  # look-alike types that were considered


# --- compiled specs ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Type:
    key: str
    order: int
    spec: DocTypeSpec
    titles: tuple[re.Pattern[str], ...]
    negatives: tuple[re.Pattern[str], ...]
    markers: frozenset[str]
    names: tuple[str, ...]  # normalised name_zh and aliases, for file names
    loose: tuple[re.Pattern[str], ...]  # title patterns without ^/$ anchors, searched in file names
    generic: bool  # its titles carry a subject (呈请…报告书, …审批表)


@lru_cache(maxsize=1)
def _types() -> tuple[_Type, ...]:
    catalog = load_specs()
    out = []
    for order, (key, spec) in enumerate(catalog.doc_types.items()):
        out.append(
            _Type(
                key=key,
                order=order,
                spec=spec,
                titles=tuple(re.compile(p) for p in spec.title_patterns),
                negatives=tuple(re.compile(p) for p in spec.negative_patterns),
                markers=frozenset(spec.body_markers),
                names=tuple(dict.fromkeys(normalize_title(n) for n in (spec.name_zh, *spec.aliases_zh))),
                loose=tuple(re.compile(p.removeprefix("^").removesuffix("$")) for p in spec.title_patterns),
                generic=any("(?P<subject>" in p for p in spec.title_patterns),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def _by_key() -> dict[str, _Type]:
    return {t.key: t for t in _types()}


# --- title matching ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    type: _Type
    length: int  # length of the pattern match: a full-title match beats a partial one
    subject: str = ""

    @property
    def rank(self) -> tuple[int, int]:
        return (self.length, self.type.spec.priority)


def _match_title(norm: str) -> list[_Hit]:
    """Every type whose title patterns match ``norm``, best first; ties keep YAML order."""
    hits: list[_Hit] = []
    for t in _types():
        best: re.Match[str] | None = None
        for pattern in t.titles:
            m = pattern.search(norm)
            if m and (best is None or len(m.group(0)) > len(best.group(0))):
                best = m
        if best is not None and not any(n.search(norm) for n in t.negatives):
            subject = best.groupdict().get("subject") or ""
            hits.append(_Hit(t, len(best.group(0)), subject))
    hits.sort(key=lambda h: (-h.rank[0], -h.rank[1], h.type.order))
    return hits


@dataclass
class _Line:
    start: int
    end: int
    norm: str  # whitespace removed, brackets folded
    index: list[int]  # norm[i] came from text[index[i]]
    noise: bool
    agency: bool


def _squeeze(text: str, start: int, end: int) -> tuple[str, list[int]]:
    chars: list[str] = []
    index: list[int] = []
    for i in range(start, end):
        ch = text[i]
        if not ch.isspace():
            chars.append(ch)
            index.append(i)
    return "".join(chars).translate(TITLE_BRACKETS), index


def _head_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    limit = min(len(text), HEAD_CHARS)
    pos = 0
    counted = 0
    while pos < limit and counted < MAX_TITLE_LINES:
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        if end - pos <= MAX_RAW_LINE:
            norm, index = _squeeze(text, pos, end)
            if norm:
                noise = bool(_NOISE.match(norm))
                lines.append(_Line(pos, end, norm, index, noise, bool(_AGENCY_LINE.match(norm))))
                counted += 0 if noise else 1
        else:
            counted += 1  # prose: uses up a line of the budget, never a title
            lines.append(_Line(pos, end, "", [], True, False))
        pos = end + 1
    return lines


@dataclass(frozen=True)
class _TitleHit:
    hits: list[_Hit]
    start: int
    end: int


def _title_of_line(line: _Line) -> _TitleHit | None:
    core = _TRAILING_MARK.sub("", line.norm)
    if not 2 <= len(core) <= MAX_TITLE_LEN:
        return None
    hits = _match_title(core)
    if hits:
        return _TitleHit(hits, line.index[0], line.index[len(core) - 1] + 1)
    if "字" in core and core.endswith("号"):
        for cut in range(2, len(core) - 4):
            if _DOCNUM_TAIL.fullmatch(core, cut):
                hits = _match_title(core[:cut])
                if hits:
                    return _TitleHit(hits, line.index[0], line.index[cut - 1] + 1)
    end = line.index[len(core) - 1] + 1
    prefix = _AGENCY_PREFIX.match(core)  # "××市公安局受案登记表" on one line
    if prefix and len(core) - prefix.end() >= 2:
        hits = _match_title(core[prefix.end() :])
        if hits:
            return _TitleHit(hits, line.index[prefix.end()], end)
    return None


def _title_of_window(lines: list[_Line], i: int) -> _TitleHit | None:
    """A title printed over several short lines: wrapped ("立案" / "决定书") or as a brace layout

    决 定
    取保候审      ->  取保候审决定书 (or 取保候审执行通知书)
    书
    执行通知
    """
    window: list[_Line] = []
    for line in lines[i : i + 4]:
        if line.noise or line.agency or len(line.norm) > FRAGMENT_LEN:
            break
        window.append(line)
    if len(window) < 2:
        return None
    candidates: list[tuple[str, int]] = []  # (joined title, number of lines used)
    for size in range(2, len(window) + 1):
        candidates.append(("".join(w.norm for w in window[:size]), size))
    if len(window) >= 3:
        a, b, c = (w.norm for w in window[:3])
        # The brace's other branch (通 知 / 执行通知) belongs to the title as written.
        size = 4 if len(window) == 4 and _BRACE_BRANCH.match(window[3].norm) else 3
        candidates.append((b + a + c, size))
        if size == 4:
            candidates.append((b + window[3].norm + c, size))
    for joined, size in candidates:
        core = _TRAILING_MARK.sub("", joined)
        if 2 <= len(core) <= MAX_TITLE_LEN:
            hits = _match_title(core)
            if hits:
                return _TitleHit(hits, window[0].index[0], window[size - 1].index[-1] + 1)
    return None


def _title_run_in(text: str, lines: list[_Line]) -> _TitleHit | None:
    """A title with its text run on after it, in the first line: a judgment flattened to one line reads
    "××市××区人民法院刑事判决书（2020）浙0702刑初662号公诉机关…", often behind a heading of its own
    ("张某盗窃一审刑事判决书××人民法院刑事判决书（2017）…").

    The title must be followed by its 案号/文号 (a bracketed year, or a 文号 prefix ending in one), stand at the
    start of the line or right after an agency name, and come before the first full stop: a sentence that merely
    begins with a document name (立案决定书是…) has no number after it, and one citing a judgment after the
    text has begun (…有前科。××人民法院刑事判决书（2021）…) is prose, so both stay untitled.
    """
    first = next((ln for ln in lines if not (ln.norm and ln.noise)), None)
    if first is None:
        return None
    norm, index = _squeeze(text, first.start, min(first.end, first.start + RUN_IN_CHARS))
    stop = norm.find("。")
    if stop >= 0:
        norm = norm[:stop]
    starts = [0, *(m.end() for m in _AGENCY_WORD.finditer(norm))]
    for year in islice(_NUMBER_YEAR.finditer(norm), RUN_IN_NUMBERS):
        # Longest title first: the characters between it and the year are at most a 文号 prefix (宁鼓检诉).
        for end in range(year.start(), max(year.start() - RUN_IN_PREFIX, 1) - 1, -1):
            for start in starts:
                if not 2 <= end - start <= MAX_TITLE_LEN:
                    continue
                hits = _match_title(norm[start:end])
                if hits:
                    return _TitleHit(hits, index[start], index[end - 1] + 1)
    return None


def _find_title(text: str) -> _TitleHit | None:
    lines = _head_lines(text)
    for i, line in enumerate(lines):
        if not line.norm:
            continue
        # Noise lines are tried too: a 文号 pattern also matches "受案登记表东公(刑)受案字[2022]1号".
        found = _title_of_line(line)
        if found is None and not line.noise and not line.agency and len(line.norm) <= FRAGMENT_LEN:
            found = _title_of_window(lines, i)
        if found is not None:
            return found
    return _title_run_in(text, lines)


# --- markers ----------------------------------------------------------------------------------------------------


def _found(markers: frozenset[str] | set[str], body: str) -> set[str]:
    return {m for m in markers if m in body}


def _exclusive(t: _Type, others: list[_Type], body: str) -> set[str]:
    """Markers of ``t`` that none of ``others`` has, found in ``body``."""
    shared: set[str] = set()
    for o in others:
        shared |= o.markers
    return _found(t.markers - shared, body)


def _result(t: _Type, confidence: float, method: Method, **extra: object) -> Classification:
    return Classification(doc_type=t.key, name_zh=t.spec.name_zh, confidence=confidence, method=method, **extra)


def _from_title(found: _TitleHit, text: str, source_name: str) -> Classification:
    body = text[found.end : found.end + MARKER_CHARS]
    best = found.hits[0]
    tied = [h for h in found.hits if h.rank == best.rank]
    span = {"title": text[found.start : found.end], "title_start": found.start, "title_end": found.end}
    if len(tied) > 1:
        types = [h.type for h in tied]
        scores = [len(_exclusive(t, [o for o in types if o is not t], body)) for t in types]
        top = max(scores)
        if top > 0 and scores.count(top) == 1:
            winner = tied[scores.index(top)]
            others = [h.type.key for h in tied if h is not winner]
            return _result(
                winner.type,
                CONF_TITLE_TIE_RESOLVED,
                "title+markers",
                subject=winner.subject,
                alternatives=others,
                **span,
            )
        named = _by_filename(source_name, body)
        for h in tied:
            if named is not None and named.doc_type == h.type.key:
                others = [o.type.key for o in tied if o is not h]
                return _result(h.type, CONF_TITLE_TIE_FILENAME, "title", subject=h.subject, alternatives=others, **span)
        others = [h.type.key for h in tied[1:]]
        return _result(best.type, CONF_TITLE_TIE, "title", subject=best.subject, alternatives=others, **span)

    t = best.type
    own = _found(t.markers, body)
    rivals = [_by_key()[k] for k in t.spec.contrast]
    if not rivals:
        if own:
            return _result(t, CONF_TITLE_MARKERS, "title+markers", subject=best.subject, **span)
        return _result(t, CONF_TITLE, "title", subject=best.subject, **span)
    own_exclusive = _exclusive(t, rivals, body)
    rival_scores = [(len(_exclusive(r, [t], body)), r.key) for r in rivals]
    rival_best, rival_key = max(rival_scores, key=lambda s: s[0])
    if rival_best > len(own_exclusive):
        # The title wins, but a reviewer should know the body reads like another type.
        return _result(t, CONF_TITLE_CONTRADICTED, "title", subject=best.subject, alternatives=[rival_key], **span)
    if own_exclusive:
        return _result(t, CONF_TITLE_CONFIRMED, "title+markers", subject=best.subject, **span)
    if own:
        return _result(t, CONF_TITLE_MARKERS, "title+markers", subject=best.subject, **span)
    return _result(t, CONF_TITLE, "title", subject=best.subject, **span)


@dataclass(frozen=True)
class _MarkerVote:
    type: _Type
    count: int
    margin: int

    @property
    def strong(self) -> bool:
        return self.count >= 3 and self.margin >= 1

    @property
    def usable(self) -> bool:
        return self.count >= 2 and self.margin >= 1

    @property
    def confidence(self) -> float:
        return min(CONF_MARKERS_MAX, 0.15 + 0.1 * self.count)


def _by_markers(head: str) -> _MarkerVote | None:
    scored = sorted(
        ((len(_found(t.markers, head)), t) for t in _types()),
        key=lambda s: (-s[0], s[1].order),
    )
    if not scored or scored[0][0] == 0:
        return None
    runner_up = scored[1][0] if len(scored) > 1 else 0
    return _MarkerVote(scored[0][1], scored[0][0], scored[0][0] - runner_up)


# --- file name --------------------------------------------------------------------------------------------------


def _filename_hits(source_name: str) -> list[_Hit]:
    name = _PATH_SPLIT.split(source_name.split("#", 1)[0])[-1]
    stem = normalize_title(_EXTENSION.sub("", name))
    if not stem:
        return []
    hits: list[_Hit] = []
    for t in _types():
        longest = max((len(n) for n in t.names if n in stem), default=0)
        subject = ""
        if not longest or t.generic:
            # Names not listed, and the subject of generic titles (呈请拘留报告书 -> 拘留): the title patterns.
            for pattern in t.loose:
                m = pattern.search(stem)
                if m and len(m.group(0)) >= longest and not any(n.search(stem) for n in t.negatives):
                    longest, subject = len(m.group(0)), m.groupdict().get("subject") or ""
                    break
        if longest:
            hits.append(_Hit(t, longest, subject))
    hits.sort(key=lambda h: (-h.rank[0], -h.rank[1], h.type.order))
    return hits


def _by_filename(source_name: str, head: str) -> Classification | None:
    hits = _filename_hits(source_name) if source_name else []
    if not hits:
        return None
    tied = [h for h in hits if h.rank == hits[0].rank]
    if len(tied) == 1:
        return _result(tied[0].type, CONF_FILENAME, "filename", subject=tied[0].subject)
    types = [h.type for h in tied]
    scores = [len(_exclusive(t, [o for o in types if o is not t], head)) for t in types]
    top = max(scores)
    if top > 0 and scores.count(top) == 1:
        winner = tied[scores.index(top)]
        others = [h.type.key for h in tied if h is not winner]
        return _result(winner.type, CONF_FILENAME, "filename", subject=winner.subject, alternatives=others)
    others = [h.type.key for h in tied[1:]]
    return _result(tied[0].type, CONF_FILENAME_TIE, "filename", subject=tied[0].subject, alternatives=others)


# --- entry point ------------------------------------------------------------------------------------------------


def classify(text: str, source_name: str = "") -> Classification:
    """The document type of ``text``: the rules below, then the trained fallback where they are unsure."""
    from nlp.classify.doctype import refine  # the model (models/doctype) answers only below the rules' confidence

    return refine(text, classify_rules(text, source_name))


def classify_rules(text: str, source_name: str = "") -> Classification:
    """The document type of ``text`` by title rules and markers; ``source_name`` (a file name) is the last resort."""
    found = _find_title(text)
    if found is not None:
        return _from_title(found, text, source_name)
    head = text[:MARKER_CHARS]
    vote = _by_markers(head)
    by_name = _by_filename(source_name, head)
    if vote is not None and vote.strong:
        confidence = vote.confidence
        if by_name is not None and by_name.doc_type == vote.type.key:
            confidence = min(0.8, confidence + 0.15)  # two independent signals agree
        return _result(vote.type, confidence, "markers")
    if by_name is not None:
        return by_name
    if vote is not None and vote.usable:
        return _result(vote.type, vote.confidence, "markers")
    return Classification()
