"""People named in a document, with the role their label gives them and the attributes written beside them.

Forms and 笔录 headers name people after labels (讯问人：李某、王某; 报案人\t姓名\t张某某\t性别\t男 …) and
文书 prose after role words (犯罪嫌疑人张某某，男，1990年1月1日出生 …). Both are read here from data in
persons.yaml; a free-text NER model is a later, separate extractor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path

import yaml

from nlp.labels import EntityType, Role
from nlp.schema import Document, Entity
from nlp.textview import TextView

_DATA = Path(__file__).with_name("persons.yaml")
_SURNAMES = Path(__file__).with_name("surnames.txt")

# A name as written in a value: Han characters, 某/×/X placeholders and the middle dot of minority names.
_NAME = r"[\u4e00-\u9fa5][\u4e00-\u9fa5·•×Xx*＊]{1,5}"
# Prose mentions (no colon) need a clear end: a 某/× pseudonym, or a delimiter right after a short name.
_PROSE_END = r"[，,。、（(\s；;：:]"
_PROSE_NAME = rf"[\u4e00-\u9fa5](?:某某|某|××|×|XX|X)|[\u4e00-\u9fa5]{{2,3}}(?={_PROSE_END})"
_SEP = r"[：:]"
_BLANK = "＿_ \u3000"
_SPLIT = re.compile(r"[、，,;；/\s]+|和|及")
_NOT_NAMES = {"本人", "未知", "不详", "无", "签名", "捺指印", "年月日", "民警", "侦查员"}


@dataclass
class PersonMention:
    doc_id: str
    name: str
    role: Role | None  # None: named without a role (扣押决定书: 姓名文刚，性别男 …)
    label: str
    start: int  # the name's span in the document text
    end: int
    label_start: int
    gender: str | None = None
    gender_span: tuple[int, int] | None = None
    birth_date: date | None = None
    birth_date_span: tuple[int, int] | None = None
    id_number: str | None = None
    id_valid: bool | None = None
    id_span: tuple[int, int] | None = None
    id_gender: str | None = None  # what the ID number itself says (17th digit), from the ID extractor
    id_birth: date | None = None  # the birth date coded in the ID number
    age: int | None = None
    extra: dict[str, str] = field(default_factory=dict)
    person_id: str | None = None  # set by nlp.case.linking: the same person across the case's documents


@dataclass(frozen=True)
class _Config:
    label_role: dict[str, Role]
    attribute_labels: dict[str, list[str]]
    name_labels: list[str]
    prose_patterns: list[tuple[Role, re.Pattern[str]]]


@cache
def _config() -> _Config:
    raw = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    label_role = {label: Role(role) for role, labels in raw["role_labels"].items() for label in labels}
    prose = [(Role(p["role"]), re.compile(p["regex"])) for p in raw.get("prose_patterns", [])]
    return _Config(label_role, raw["attribute_labels"], raw["name_labels"], prose)


@cache
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    words = [
        w
        for line in _SURNAMES.read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
        for w in line.split()
    ]
    return frozenset(w for w in words if len(w) == 1), frozenset(w for w in words if len(w) == 2)


def plausible_name(name: str) -> bool:
    """A surname, then one or two characters or a 某/× placeholder: what running text offers as a name."""
    single, double = _surnames()
    if name[:2] in double and 3 <= len(name) <= 4:
        return True
    return name[:1] in single and 2 <= len(name) <= 3


@cache
def _label_words() -> frozenset[str]:
    """Every label we know: a value that is itself a label ('报案人 姓名 …') names nobody."""
    cfg = _config()
    words = set(cfg.label_role) | set(cfg.name_labels)
    words.update(label for labels in cfg.attribute_labels.values() for label in labels)
    return frozenset(words)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cfg = _config()
    labels = sorted(cfg.label_role, key=len, reverse=True)
    alt = "|".join(map(re.escape, labels))
    # Labelled form: at a line start, after a tab or a wide gap; then a colon/tab/space; then the value.
    # A single space also separates label and value in PDF and plain-text renderings of form rows
    # ("犯罪嫌疑人 王某某 性别 男"); then the value is one token.
    labelled = re.compile(
        rf"(?:(?<=^)|(?<=[\t\n ])|(?<=[。；;]))(?P<label>{alt})(?:[（(]签[名字][）)])?"
        rf"(?:\s*(?:{_SEP}|\t)[ \t]*(?P<value>[^\t\n]*)| (?P<token>[^\s：:]+))",
        re.M,
    )
    # Prose form: 犯罪嫌疑人张某某 / 被害人李某某报称 — only with an unambiguous name ending.
    prose = re.compile(rf"(?P<label>{alt})(?P<name>{_PROSE_NAME})")
    name_alt = "|".join(map(re.escape, cfg.name_labels))
    name_field = re.compile(
        rf"(?P<label>{name_alt})(?:\s*(?:{_SEP}|\t|\s)[ \t]*(?P<value>[^\t\n]*)"
        rf"|(?P<inline>[\u4e00-\u9fa5·]{{2,5}}?)(?=[，,]))"  # 姓名文刚，性别男 … (prose forms without a colon)
    )
    return labelled, prose, name_field


def _cut_value(value: str) -> str:
    """A labelled value ends at the next label-looking 'X：' or a wide gap."""
    value = re.split(r"\s{2,}|[\u4e00-\u9fa5]{2,8}[：:]", value, maxsplit=1)[0]
    return value.rstrip(" " + _BLANK)


def _names_in(value: str, base: int) -> list[tuple[str, int, int]]:
    """Split a labelled value ('李某、王某（警号001234）') into names with absolute offsets."""
    out: list[tuple[str, int, int]] = []
    # Drop parentheticals (警号, 性别 …) but keep offsets by blanking them out.
    masked = re.sub(r"[（(][^）)]*[）)]", lambda m: " " * len(m.group()), value)
    pos = 0
    for piece in _SPLIT.split(masked):
        idx = masked.find(piece, pos)
        pos = idx + len(piece)
        piece_clean = piece.strip(_BLANK)
        if not piece_clean:
            continue
        m = re.fullmatch(_NAME, piece_clean)
        if m and piece_clean not in _NOT_NAMES and piece_clean not in _label_words():
            s = base + idx + piece.find(piece_clean)
            out.append((piece_clean, s, s + len(piece_clean)))
    return out


def find_mentions(doc: Document) -> list[PersonMention]:
    """People named in ``doc`` with their roles, attributes bound from the text that follows each name."""
    text = doc.text
    cfg = _config()
    labelled, prose, name_field = _patterns()
    mentions: list[PersonMention] = []
    taken: list[tuple[int, int]] = []

    for m in labelled.finditer(text):
        label = m.group("label")
        group = "value" if m.group("value") is not None else "token"
        value = _cut_value(m.group(group))
        for name, s, e in _names_in(value, m.start(group)):
            if group == "token" and not plausible_name(name):
                continue
            mentions.append(PersonMention(doc.id, name, cfg.label_role[label], label, s, e, m.start("label")))
            taken.append((m.start(), m.end()))
    # 姓名 fields take the role of the nearest role label on the same line before them.
    for m in name_field.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        head = text[line_start : m.start()]
        role_label = None
        for label in sorted(cfg.label_role, key=len, reverse=True):
            if label in head:
                pos = head.rfind(label)
                if role_label is None or pos > head.rfind(role_label):
                    role_label = label
        group = "value" if m.group("value") is not None else "inline"
        value = _cut_value(m.group(group))
        for name, s, e in _names_in(value, m.start(group))[:1]:
            if group == "inline" and not plausible_name(name):
                continue
            role = cfg.label_role[role_label] if role_label else None
            mentions.append(PersonMention(doc.id, name, role, role_label or m.group("label"), s, e, m.start()))
            taken.append((m.start(), m.end()))
    soft = set(doc.soft_breaks)
    for m in prose.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        name = m.group("name")
        if name in _NOT_NAMES or not plausible_name(name):
            continue
        if m.end("name") in soft and not re.match(_PROSE_END, text[m.end("name") + 1 : m.end("name") + 2]):
            continue  # a PDF's printed wrap is no delimiter: 被处罚人应当\n自收到 names nobody
        label = m.group("label")
        mentions.append(
            PersonMention(doc.id, name, cfg.label_role[label], label, m.start("name"), m.end("name"), m.start())
        )

    # The phrases run over a PDF's printed line wraps (将涉嫌寻衅滋\n事罪的某某逮捕); a name itself cut by a wrap is
    # left to the labelled fields, since its span would not read as the name.
    view = TextView.unwrapped(doc)
    for role, pattern in cfg.prose_patterns:
        for m in pattern.finditer(view.text):
            s, e = view.span(*m.span("name"))
            if text[s:e] != m.group("name") or any(p.start <= s < p.end for p in mentions):
                continue
            mentions.append(PersonMention(doc.id, m.group("name"), role, "", s, e, view.original(m.start())))

    # A notice's 被告知人 is whoever it was addressed to: one the same paper calls 被害人 (a 鉴定意见通知书 to the
    # victim: 被害人周某：… 被告知人：周某) signs as the victim, not as a suspect.
    victims = {p.name for p in mentions if p.role == Role.VICTIM}
    for p in mentions:
        if p.label == "被告知人" and p.name in victims:
            p.role = Role.VICTIM
    mentions.sort(key=lambda p: p.start)
    _bind_attributes(doc, mentions)
    # NER persons (nlp/ner) stay document entities only, so the rules still read labelled persons alone; one that
    # stands where a labelled person is found is dropped, the others take the role of a same-named person.
    from nlp.ner.entities import merge_persons

    cues = cfg.label_role | {"民警": Role.OFFICER}
    doc.entities = merge_persons(doc.entities, [(p.name, p.role, p.start, p.end) for p in mentions], text, cues)
    return mentions


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _bind_attributes(doc: Document, mentions: list[PersonMention]) -> None:
    from nlp.extractors.datetimes import parse_datetime

    text = doc.text
    cfg = _config()
    ids = [e for e in doc.entities if e.type == EntityType.ID_NUMBER]
    for i, p in enumerate(mentions):
        # The attribute window: from the name to the next mention of a different name, at most 300 chars.
        nxt = next((q.label_start for q in mentions[i + 1 :] if q.name != p.name and q.label_start > p.end), len(text))
        window_end = min(nxt, p.end + 300)
        window = text[p.end : window_end]
        # Inline prose: 张某某，男，1990年1月1日出生
        g = re.match(r"\s*[，,（(]\s*(男|女)\s*[，,）)、]", window)
        if g:
            p.gender, p.gender_span = g.group(1), (p.end + g.start(1), p.end + g.end(1))
        for kind, labels in cfg.attribute_labels.items():
            alt = "|".join(map(re.escape, sorted(labels, key=len, reverse=True)))
            m = re.search(rf"(?:{alt})\s*(?:[：:]|\t|\s)?[ \t]*([^\t\n，,；;]*)", window)
            if not m:
                continue
            raw = re.split(r"\s{2,}", m.group(1).strip(" " + _BLANK), maxsplit=1)[0]
            s = p.end + m.start(1)
            if kind == "gender" and p.gender is None:
                gm = re.match(r"[男女]", raw)
                if gm:
                    p.gender, p.gender_span = gm.group(), (s, s + 1)
            elif kind == "birth_date" and raw:
                value = parse_datetime(raw)
                if value is not None:
                    p.birth_date = _as_date(value)
                    p.birth_date_span = (s + m.group(1).find(raw), s + m.group(1).find(raw) + len(raw))
            elif kind == "age" and raw:
                am = re.match(r"(\d{1,3})", raw)
                if am:
                    p.age = int(am.group(1))
        inline_birth = re.match(r"\s*[，,（(]\s*[男女]\s*[，,、]\s*([^，,）)]{6,20}?)出生", window)
        if p.birth_date is None and inline_birth:
            value = parse_datetime(inline_birth.group(1))
            if value is not None:
                p.birth_date = _as_date(value)
                p.birth_date_span = (p.end + inline_birth.start(1), p.end + inline_birth.end(1))
        for ent in ids:
            if p.end <= ent.start < window_end:
                p.id_number, p.id_valid, p.id_span = ent.value, ent.valid, (ent.start, ent.end)
                p.id_gender = ent.attrs.get("gender")
                birth = ent.attrs.get("birth_date")
                p.id_birth = date.fromisoformat(birth) if birth else None
                break


def mention_entities(mentions: list[PersonMention]) -> list[Entity]:
    """PERSON (and GENDER) entities for the document model."""
    out: list[Entity] = []
    for p in mentions:
        out.append(
            Entity(
                type=EntityType.PERSON,
                start=p.start,
                end=p.end,
                text=p.name,
                value=p.name,
                role=p.role,
                label=p.label,
                source="rule:person_label",
            )
        )
    return out
