"""Building blocks of the generated documents: gold-labelled segments, the case lexicon, dates, templates, lines.

Every piece of text goes into a document as ``Seg``s. Entities the builder knows (a person's name in a form field,
a date it formats) are made explicitly with their tags; free text (笔录 answers, the 简要案情, template wording) is
split by ``CaseContext.segment``: the case's own names, places, agencies and numbers (the lexicon) and patterns for
dates, amounts, citations, phones and ID numbers. Text is written so that our normaliser leaves it unchanged:
half-width digits, single spaces, no tabs or line breaks inside a segment, no empty cells.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from corpora.generator.model import CaseFacts, DocSpec, Line, Person, Seg
from corpora.generator.textutil import cn_small, cn_year
from nlp.parsers.normalize import normalize

PHRASING_PATH = Path(__file__).parent / "data" / "phrasing_documents.yaml"

# Gold entity types (nlp.labels.EntityType values).
PERSON = "PERSON"
ID_NUMBER = "ID_NUMBER"
PHONE = "PHONE"
DATETIME = "DATETIME"
MONEY = "MONEY"
DOC_NUMBER = "DOC_NUMBER"
CASE_NUMBER = "CASE_NUMBER"
LAW_CITATION = "LAW_CITATION"
ORG = "ORG"
LOCATION = "LOCATION"

Part = str | Seg | Sequence[Seg] | None


@cache
def phrasing() -> dict[str, Any]:
    with PHRASING_PATH.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def clean(text: str) -> str:
    """Text as the normaliser would leave it on one line (scenario text may carry stray whitespace)."""
    return normalize(text, single_line=True).strip()


# --- dates ---------------------------------------------------------------------------------------------------------


def cn_date(day: date) -> str:
    """二〇二四年三月五日."""
    return f"{cn_year(day.year)}年{cn_small(day.month)}月{cn_small(day.day)}日"


@dataclass
class DateStyle:
    """How one case's papers write dates: the 执法办案系统 prints them all alike."""

    pad: bool = False  # 2024年03月01日09时05分

    def day(self, d: date) -> str:
        return f"{d.year}年{d.month:02d}月{d.day:02d}日" if self.pad else f"{d.year}年{d.month}月{d.day}日"

    def minute(self, dt: datetime) -> str:
        hour = f"{dt.hour:02d}" if self.pad else str(dt.hour)
        return f"{self.day(dt.date())}{hour}时{dt.minute:02d}分"

    def hour(self, dt: datetime) -> str:
        hour = f"{dt.hour:02d}" if self.pad else str(dt.hour)
        return f"{self.day(dt.date())}{hour}时"

    def clock(self, dt: datetime) -> str:
        hour = f"{dt.hour:02d}" if self.pad else str(dt.hour)
        return f"{hour}时{dt.minute:02d}分"


# --- segments --------------------------------------------------------------------------------------------------------


def seg(text: str, type: str | None = None, role: str | None = None, tag: str | None = None) -> Seg:
    return Seg(text, type, role, tag)


def person_seg(name: str, role: str | None, tag: str | None = None) -> Seg:
    return Seg(name, PERSON, role, tag)


def as_segs(part: Part) -> list[Seg]:
    if part is None:
        return []
    if isinstance(part, Seg):
        return [part]
    if isinstance(part, str):
        return [Seg(part)] if part else []
    return list(part)


def with_tag(segs: Iterable[Seg], tag: str) -> list[Seg]:
    """Give ``tag`` to every segment of a value that has no more specific tag (id:, act:, session_ …)."""
    out = list(segs)
    for s in out:
        if s.tag is None:
            s.tag = tag
    return out


def merge_plain(segs: Iterable[Seg]) -> list[Seg]:
    """Join neighbouring plain segments (no type, no tag); drop empty ones."""
    out: list[Seg] = []
    for s in segs:
        if not s.text:
            continue
        if out and s.type is None and s.tag is None and out[-1].type is None and out[-1].tag is None:
            out[-1] = Seg(out[-1].text + s.text)
        else:
            out.append(s)
    return out


def joined(parts: Sequence[Part], sep: str = "、") -> list[Seg]:
    out: list[Seg] = []
    for i, part in enumerate(parts):
        if i:
            out.append(Seg(sep))
        out.extend(as_segs(part))
    return out


def join_articles(articles: list[str]) -> str:
    """《法》第二十六条第四项、第十二条: a law named once for its run of articles."""
    out: list[str] = []
    previous = ""
    for art in articles:
        m = re.match(r"(《[^》]+》)(.*)", art)
        law, rest = (m.group(1), m.group(2)) if m else ("", art)
        out.append(rest if law and law == previous else art)
        previous = law or previous
    return "、".join(out)


# --- the case lexicon and free-text segmentation ---------------------------------------------------------------------

_N_CN = "零〇一二三四五六七八九十"
_YEAR = r"(?:\d{4}|[〇零一二三四五六七八九]{4})年"
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月"
_DAY = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])日"
_PERIOD = r"(?:凌晨|清晨|早晨|早上|上午|中午|午后|下午|傍晚|晚上|晚间|夜间|夜里|深夜|半夜)"
_HOUR = rf"(?:2[0-4]|[01]?\d|[{_N_CN}]{{1,3}})(?:时|点)"
_MINUTE = rf"(?:[0-5]?\d|[{_N_CN}]{{1,3}})分"
_CLOCK = rf"{_HOUR}(?:{_MINUTE}|半|整|钟|多钟|多)?"
_APPROX = r"(?:许|左右)?"
# Day words relative to the events (not 今天/昨天, which point at the moment of speaking).
_RELDAY = r"(?:当天|当晚|当夜|当日|同日|同天|次日|翌日|第二天|第二日|隔天|隔日|前一天|前一日)"
_DATE_RE = re.compile(
    rf"(?<!\d)(?:"
    rf"(?:{_YEAR}{_MONTH}{_DAY}|{_MONTH}{_DAY})(?:{_PERIOD}?{_CLOCK}|{_PERIOD})?{_APPROX}"
    rf"|{_YEAR}{_MONTH}|{_YEAR}(?![\d份])"
    rf"|{_RELDAY}{_PERIOD}?{_CLOCK}{_APPROX}|{_RELDAY}{_PERIOD}?"
    rf"|{_PERIOD}{_CLOCK}{_APPROX}"
    rf")"
)
# A bare clock time or month ends a range: 10时00分至11时20分, 2023年12月至2月间.
_RANGE_END_RE = re.compile(rf"(?<=[至到])(?:{_PERIOD}?{_CLOCK}|{_MONTH})")
_MONEY_RE = re.compile(
    r"(?:人民币)?(?:\d+(?:\.\d+)?万?元|\d+块钱)(?![旦件素宵])"
    r"|(?:人民币)?[一二三四五六七八九十两][一二三四五六七八九十百千万零两]*元(?![旦件素宵])"
)
_ARTICLE = (
    r"第[零〇一二三四五六七八九十百千\d]+条(?:之[一二三四五六七八九十]+)?"
    r"(?:第[一二三四五六七八九十\d]+款)?(?:第[一二三四五六七八九十\d]+项)?"
)
_CITATION_RE = re.compile(rf"《[^《》\n]{{2,40}}》{_ARTICLE}")
# A list goes on with another article, 款 or 项 of the same law: 第八十一条、第八十七条 / 第一款第二项、第二款.
_CITATION_MORE_RE = re.compile(
    rf"(?:、|和|以及|及)({_ARTICLE}|第[一二三四五六七八九十\d]+款(?:第[一二三四五六七八九十\d]+项)?|第[一二三四五六七八九十\d]+项)"
)
_ID_RE = re.compile(r"(?<![\dA-Za-z])\d{17}[\dX](?![\dA-Za-z])")
_PHONE_RE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-\d{7,8})(?!\d)")
_AMOUNT_DIGITS = re.compile(r"\d+(?:\.\d+)?")

# Words right before a name that say which role the text gives that person.
_ROLE_WORDS: tuple[tuple[str, str], ...] = (
    ("犯罪嫌疑人", "suspect"),
    ("违法嫌疑人", "suspect"),
    ("违法行为人", "suspect"),
    ("被讯问人", "suspect"),
    ("被处罚人", "suspect"),
    ("被拘留人", "suspect"),
    ("被侵害人", "victim"),
    ("被害人", "victim"),
    ("报案人", "reporter"),
    ("报警人", "reporter"),
    ("证人", "witness"),
    ("侦查人员", "officer"),
    ("民警", "officer"),
    ("法定代理人", "guardian"),
)


@dataclass
class _Entry:
    type: str
    role: str | None = None
    tag: str | None = None


@dataclass
class CaseContext:
    """What every document builder of one case shares: facts, random stream, date style, lexicon."""

    facts: CaseFacts
    rng: random.Random
    style: DateStyle
    lexicon: dict[str, _Entry] = field(default_factory=dict)
    extra_names: list[str] = field(default_factory=list)
    memo: dict[str, Any] = field(default_factory=dict)  # people drawn once per case (家属, 见证人 …)
    _lexicon_re: re.Pattern[str] | None = None

    # --- lexicon -------------------------------------------------------------------------------------------------
    def add(self, text: str, type: str, role: str | None = None, tag: str | None = None) -> None:
        text = clean(text)
        if len(text) < 2 or text in self.lexicon:
            return
        self.lexicon[text] = _Entry(type, role, tag)
        self._lexicon_re = None

    def _regex(self) -> re.Pattern[str] | None:
        if self._lexicon_re is None and self.lexicon:
            alternatives = sorted(self.lexicon, key=len, reverse=True)
            self._lexicon_re = re.compile("|".join(map(re.escape, alternatives)))
        return self._lexicon_re

    # --- segmentation ----------------------------------------------------------------------------------------------
    def segment(self, text: str) -> list[Seg]:
        """Split free text into segments with gold types for the entities it contains.

        One leading and one trailing space survive (they separate this text from its neighbours on the line).
        """
        if not text.strip():
            return [Seg(" ")] if text else []
        lead = " " if text[0].isspace() else ""
        trail = " " if text[-1].isspace() else ""
        core = self._segment(clean(text))
        return merge_plain([Seg(lead), *core, Seg(trail)])

    def _segment(self, text: str) -> list[Seg]:
        found: list[tuple[int, int, Seg]] = []
        lex = self._regex()
        if lex is not None:
            for m in lex.finditer(text):
                entry = self.lexicon[m.group()]
                role = entry.role
                if entry.type == PERSON:
                    role = _role_before(text, m.start()) or role
                found.append((m.start(), m.end(), Seg(m.group(), entry.type, role, entry.tag)))
        for m in _CITATION_RE.finditer(text):
            found.append((m.start(), m.end(), Seg(m.group(), LAW_CITATION, tag="citation")))
            pos = m.end()
            while more := _CITATION_MORE_RE.match(text, pos):
                found.append((more.start(1), more.end(1), Seg(more.group(1), LAW_CITATION, tag="citation")))
                pos = more.end()
        for m in _DATE_RE.finditer(text):
            found.append((m.start(), m.end(), Seg(m.group(), DATETIME)))
        for m in _RANGE_END_RE.finditer(text):
            found.append((m.start(), m.end(), Seg(m.group(), DATETIME)))
        for m in _MONEY_RE.finditer(text):
            found.append((m.start(), m.end(), self.money(m.group())))
        for m in _ID_RE.finditer(text):
            found.append((m.start(), m.end(), Seg(m.group(), ID_NUMBER, tag=self._id_tag(m.group()))))
        for m in _PHONE_RE.finditer(text):
            found.append((m.start(), m.end(), Seg(m.group(), PHONE)))
        # Longest first, then leftmost: an address wins over a date inside it, a citation over its numbers.
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
        taken: list[tuple[int, int, Seg]] = []
        for item in found:
            if all(item[1] <= s or item[0] >= e for s, e, _ in taken):
                taken.append(item)
        taken.sort(key=lambda f: f[0])
        out: list[Seg] = []
        pos = 0
        for s, e, sg in taken:
            if s > pos:
                out.append(Seg(text[pos:s]))
            out.append(sg)
            pos = e
        if pos < len(text):
            out.append(Seg(text[pos:]))
        return out

    def money(self, text: str, tag: str | None = None) -> Seg:
        """A MONEY segment; the case's own amount (written in digits) is tagged ``amount``."""
        if tag is None and self.facts.amount:
            m = _AMOUNT_DIGITS.search(text)
            if m and "万" not in text and float(m.group()) == float(self.facts.amount):
                tag = "amount"
        return Seg(text, MONEY, tag=tag)

    def _id_tag(self, number: str) -> str | None:
        for p in self.people():
            if p.id_number == number:
                return f"id:{p.name}"
        return None

    def fill(self, template: str, **values: Part) -> list[Seg]:
        """A template with {placeholders}: literal text is segmented, values are put in as given."""
        out: list[Seg] = []
        for i, piece in enumerate(re.split(r"\{(\w+)\}", template)):
            if i % 2:
                value = values[piece]
                out.extend(self.segment(value) if isinstance(value, str) else as_segs(value))
            elif piece:
                out.extend(self.segment(piece))
        return merge_plain(out)

    # --- people ------------------------------------------------------------------------------------------------------
    def people(self) -> list[Person]:
        f = self.facts
        seen: list[Person] = []
        for p in [*f.suspects, *f.victims, *f.witnesses, *([f.reporter] if f.reporter else [])]:
            for q in (p, p.guardian):
                if q is not None and all(q is not r for r in seen):
                    seen.append(q)
        return seen

    def role_of(self, person: Person) -> str:
        """The person's standing in the case, as the case file states it."""
        f = self.facts
        if any(person is p or person.name == p.name for p in f.suspects):
            return "suspect"
        if any(person is p or person.name == p.name for p in f.victims):
            return "victim"
        if any(person is p or person.name == p.name for p in f.witnesses):
            return "witness"
        if f.reporter is not None and person.name == f.reporter.name:
            return "reporter"
        return person.role or "guardian"

    def surname_of(self, name: str) -> str:
        return name[:2] if len(name) >= 3 and name[:2] in _compound_surnames() else name[0]

    def new_name(self, surname: str | None = None, gender: str | None = None) -> str:
        """A fictional name for someone the facts do not carry (看守所民警, 见证人, 家属 …), unique in the case."""
        used = {p.name for p in self.people()} | {o.name for o in self.facts.officers} | set(self.extra_names)
        used |= {o.name for s in self.facts.sessions for o in (*s.officers, s.recorder)}
        used.add(self.facts.approver)
        surnames = (
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢"
            "钟姜崔谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛"
        )
        male = (
            "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁健亮俊峰建国志文海东兵晨阳宇博胜德成旭振宏永庆立新荣忠栋祥良顺春生光"
        )
        female = "芳娜敏静丽艳娟霞燕玲桂丹萍红梅琳雪慧莉颖倩婷琴云洁秀英兰凤菊玉珍美月春晶欣怡悦蕾薇佳露雯瑶涵琪"
        for _ in range(500):
            sur = surname or self.rng.choice(surnames)
            pool = female if gender == "女" else male if gender == "男" else male + female
            given = self.rng.choice(pool) + (self.rng.choice(pool) if self.rng.random() < 0.7 else "")
            name = sur + given
            if name not in used and not any(name in u or u in name for u in used):
                self.extra_names.append(name)
                self.add(name, PERSON)
                return name
        raise RuntimeError("no unused name left")


@cache
def _compound_surnames() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "names.yaml"
    try:
        with path.open(encoding="utf-8") as fh:
            return frozenset(yaml.safe_load(fh).get("surnames_double", []))
    except OSError:
        return frozenset({"欧阳", "司马", "诸葛", "上官", "皇甫", "令狐", "东方", "慕容", "尉迟", "公孙", "端木"})


def _role_before(text: str, start: int) -> str | None:
    head = text[max(0, start - 6) : start]
    for word, role in _ROLE_WORDS:
        if head.endswith(word):
            return role
    return None


def build_context(facts: CaseFacts, rng: random.Random) -> CaseContext:
    """The case context with its lexicon: names, places, agencies and numbers the documents will write."""
    ctx = CaseContext(facts=facts, rng=rng, style=DateStyle(pad=rng.random() < 0.25))
    f = facts
    a = f.agency
    # Officers and people: longer names first is handled by the regex; roles are the case roles.
    for p in ctx.people():
        ctx.add(p.name, PERSON, ctx.role_of(p))
    for o in f.officers:
        ctx.add(o.name, PERSON, "officer")
    for s in f.sessions:
        for o in (*s.officers, s.recorder):
            ctx.add(o.name, PERSON, "officer")
    ctx.add(f.approver, PERSON, "approver")
    # Agencies and units.
    for name in (
        a.name,
        a.name + a.station,
        a.station,
        a.detention_center,
        a.custody_center,
        a.procuratorate,
        a.court,
        a.government,
        *(o.unit for o in f.officers),
        *(o.unit for s in f.sessions for o in (*s.officers, s.recorder)),
    ):
        ctx.add(name, ORG)
    # Places, and the part after the district that people say (兴华路88号翠竹苑小区地下车库内).
    places = [f.incident_place, *(p.address for p in ctx.people()), *(s.place for s in f.sessions), a.address]
    for place in places:
        ctx.add(place, LOCATION)
    for place in places:
        for cut in (a.city + a.district, a.district):
            if cut in place:
                local = place.split(cut, 1)[1]
                if len(local) >= 5:
                    ctx.add(local, LOCATION)
                break
    # Numbers.
    ctx.add(f.case_number, CASE_NUMBER)
    for number in f.doc_numbers.values():
        ctx.add(number, DOC_NUMBER)
    for p in ctx.people():
        ctx.add(p.phone, PHONE)
    return ctx


# --- document writer -------------------------------------------------------------------------------------------------


@dataclass
class Writer:
    """Accumulates the lines of one document."""

    ctx: CaseContext
    spec: DocSpec

    @property
    def rng(self) -> random.Random:
        return self.ctx.rng

    def _cell(self, parts: Sequence[Part]) -> list[Seg]:
        out: list[Seg] = []
        for part in parts:
            out.extend(self.ctx.segment(part) if isinstance(part, str) else as_segs(part))
        cell = merge_plain(out)
        _check_cell(cell)
        return cell

    def line(self, *parts: Part, kind: str = "para") -> Line:
        line = Line([self._cell(parts)], kind)  # type: ignore[arg-type]
        self.spec.lines.append(line)
        return line

    def para(self, *parts: Part) -> Line:
        return self.line(*parts, kind="para")

    def sign(self, *parts: Part) -> Line:
        return self.line(*parts, kind="sign")

    def qa(self, *parts: Part) -> Line:
        return self.line(*parts, kind="qa")

    def row(self, *cells: Part | Sequence[Part]) -> Line:
        built = []
        for cell in cells:
            parts = cell if isinstance(cell, list | tuple) and not _is_segs(cell) else [cell]
            built.append(self._cell(parts))  # type: ignore[arg-type]
        line = Line(built, "row")
        self.spec.lines.append(line)
        self.spec.layout = "table"
        return line

    def title(self, text: str, spaced: bool = False) -> Line:
        """The title line; the first one is the document's title (a 存根 form prints it again for its 正本)."""
        shown = " ".join(text) if spaced else text
        if not self.spec.find("title"):
            self.spec.title = shown
        return self.line(Seg(shown, tag="title"), kind="title")

    def agency_header(self, name: str | None = None) -> Line:
        return self.line(Seg(name or self.ctx.facts.agency.name, ORG), kind="title")


def _is_segs(value: object) -> bool:
    return isinstance(value, list | tuple) and all(isinstance(v, Seg) for v in value) and bool(value)


def _check_cell(cell: list[Seg]) -> None:
    text = "".join(s.text for s in cell)
    if not text or text != text.strip() or "  " in text or "\t" in text or "\n" in text:
        raise ValueError(f"cell text would not survive normalisation: {text!r}")
    if normalize(text, single_line=True) != text:
        raise ValueError(f"cell text changes under the normaliser: {text!r}")


def field_segs(
    label: str, value: Part | Sequence[Part], ctx: CaseContext, sep: str = "：", tag: str | None = None
) -> list[Seg]:
    """``label：value`` with the value's segments tagged by the label (unless they carry a more specific tag)."""
    return [Seg(label + sep), *value_segs(value, ctx, tag or label)]


def value_segs(value: Part | Sequence[Part], ctx: CaseContext, tag: str) -> list[Seg]:
    """A field value tagged ``tag``; a closing 。，； stays outside the value, as the form reader trims it."""
    parts = value if isinstance(value, list | tuple) and not _is_segs(value) else [value]
    out: list[Seg] = []
    for part in parts:  # type: ignore[union-attr]
        out.extend(ctx.segment(part) if isinstance(part, str) else as_segs(part))
    out = merge_plain(out)
    tail: list[Seg] = []
    if out and out[-1].type is None and out[-1].tag is None and out[-1].text[-1] in "。，；":
        last = out.pop()
        if len(last.text) > 1:
            out.append(Seg(last.text[:-1]))
        tail.append(Seg(last.text[-1]))
    return [*with_tag(out, tag), *tail]


def yuan(text: str) -> int | None:
    """The amount of '五百元', '人民币4200元', '1.2万元', '300块钱' in yuan (None when unreadable)."""
    from nlp.extractors.numerals import cn_to_int

    body = text.removeprefix("人民币").removesuffix("元").removesuffix("块钱")
    mult = 10000 if body.endswith("万") else 1
    body = body.removesuffix("万")
    if re.fullmatch(r"\d+(?:\.\d+)?", body):
        return int(float(body) * mult)
    try:
        value = cn_to_int(body)
    except (ValueError, KeyError):
        return None
    return None if value is None else int(value) * mult


def amounts_in(text: str) -> list[int | None]:
    return [yuan(m.group()) for m in _MONEY_RE.finditer(text)]
