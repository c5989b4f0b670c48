"""LAW_CITATION: article citations such as 《中华人民共和国治安管理处罚法》第四十三条第一款, 刑法第264条,
《中华人民共和国刑事诉讼法》第八十二条第（四）项, 第二百六十四条之一.

One entity per cited article, 款 or 项: 《…》第二十三条第一款第二项、第四十三条 gives two, as do
第一百三十三条之一、之二, 第一款、第二款 and 第（一）、（二）项 (the first entity then ends at its own item, the last
at 项). The span runs from the law name (for a continuation: from its own 第/之/（) to the end of the article/款/项.
The law carries over within such a list, to 同法/该法/本法第X条 when that earlier law is a known one, and to
该条/同条/本条第X款 (the previous citation's article). A bare 第X条 needs a law named earlier in the same sentence
and that law must be a known one (it is then cited with score 0.7 and attrs inferred=True); otherwise it is too
ambiguous and is skipped.
Law names: 《…》 (one nested 《》/〈〉 allowed, an issuer such as 最高人民法院、最高人民检察院 in front kept), the
bundled laws' names and aliases written bare, and bare 中华人民共和国…法/条例. Unknown laws are kept with law None.

value: "law|article[suffix]|paragraph|item" (empty parts blank; law blank when unknown).
attrs: law (canonical or None), law_as_written, article, suffix ("之一" or None), paragraph, item, versions (labels
of the bundled versions in which that article/款/项 exists; [] = none, or law unknown), and where they apply
version_as_written ('2018年修正' from 《…》（2018年修正）), via ('同法', '该条' …) and inferred.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Any

from nlp import registry
from nlp.extractors.numerals import cn_to_int
from nlp.labels import EntityType
from nlp.schema import Entity
from nlp.statutes.db import StatuteDB

SOURCE = "pattern:law_citation"

_N = r"[零〇○一二三四五六七八九十百千两\d]+"
_ARTICLE_RE = re.compile(rf"第\s*(?P<art>{_N})\s*条(?:\s*之\s*(?P<suf>[一二三四五六七八九十]+))?")
_PARA = rf"\s*第\s*(?P<para>{_N})\s*款"
_ITEM = rf"\s*(?:第\s*[（(]\s*(?P<i1>{_N})\s*[）)]|[（(]\s*(?P<i2>{_N})\s*[）)]|第\s*(?P<i3>{_N}))\s*项"
# Right after 条, judgments also write 款 without 第: 第二百三十四条一款.
_FULL_RE = re.compile(rf"{_ARTICLE_RE.pattern}(?:\s*第?\s*(?P<para>{_N})\s*款)?(?:{_ITEM})?")
# Continuations that keep the article: 、之二 / 、第二款 / 、第（三）项.
_SUFFIX_RE = re.compile(rf"之\s*(?P<suf>[一二三四五六七八九十]+)(?:{_PARA})?(?:{_ITEM})?")
_PARA_RE = re.compile(rf"{_PARA}(?:{_ITEM})?")
_ITEM_RE = re.compile(_ITEM)
# Lists sharing one 款/项: 第一、三款 / 第（一）、（二）项 / 第（一）（四）项 / 第一、二项.
_PARA_LIST_RE = re.compile(rf"\s*第\s*(?P<bare>{_N}(?:\s*[、，,和及或与]\s*{_N})+)\s*款")
_ITEM_LIST_RE = re.compile(
    rf"\s*第?\s*(?P<paren>[（(]\s*{_N}\s*[）)](?:\s*[、，,和及或与]?\s*[（(]\s*{_N}\s*[）)])+)\s*项"
    rf"|\s*第\s*(?P<bare>{_N}(?:\s*[、，,和及或与]\s*{_N})+)\s*项"
)
_ITEM_TOKEN_RE = re.compile(rf"[（(]\s*(?P<n>{_N})\s*[）)]|(?P<m>{_N})")
_SEP_RE = re.compile(r"\s*(?:以及|或者|、|，|,|和|及|与|或|至)\s*")
# Between a law name and its first article: whitespace and at most one note like （2018年修正）.
_VERSION_NOTE_RE = re.compile(r"\s*(?:[（(](?P<note>[^（）()\n]{1,24})[）)])?\s*")
_VERSIONISH = re.compile(r"\d{4}|[〇一二][〇零一二三四五六七八九]{3}|修正|修订|修改|版|施行")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
# A bare 第X条 must look like a citation, not '第一条短信': what may follow it.
_CITATION_TAIL = re.compile(r"\s*(?:第|之|的|规定|、|，|,|。|；|;|和|及|与|或|至|[)）]|$)")
_LAWISH = re.compile(r"(法|条例|规定|解释|办法|规则|决定|意见|标准|通知|细则|规范|批复|纪要)$")
_TRAILING_NOTE = re.compile(r"[（(][^（）()]*[）)]$")
_ISSUER = r"(?:最高人民法院、最高人民检察院|最高人民法院|最高人民检察院|最高法|最高检|两高|公安部)"


@dataclass
class _Law:
    start: int
    end: int
    written: str
    canonical: str | None
    lawish: bool


@functools.cache
def _db() -> StatuteDB:
    return StatuteDB.load()


@functools.cache
def _head_re() -> re.Pattern[str]:
    """Law-name heads: 《title》 (with an optional issuer in front), known names written bare, bare
    中华人民共和国X法/条例, and the anaphors 本法/该法/同法 (law) and 该条/同条/本条 (article)."""
    names: set[str] = set()
    for law in _db().laws():
        for name in (law.name, law.short, *law.aliases):
            for variant in (name, name.replace("《", "〈").replace("》", "〉")):
                names.add(variant)
                if variant.startswith("中华人民共和国"):
                    names.add(variant.removeprefix("中华人民共和国"))
                elif law.name.startswith("中华人民共和国"):
                    names.add("中华人民共和国" + variant)
    known = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    title = r"《(?P<title>(?:[^《》\n]|《[^《》\n]{1,60}》){1,80})[》〉]"  # OCR may read 》 as 〉
    return re.compile(
        rf"(?P<book>(?:{_ISSUER}\s*)?{title})"
        rf"|(?P<bare>{known})"
        r"|(?P<prc>中华人民共和国[\u4e00-\u9fff]{1,20}?(?:法|条例))"
        r"|(?P<ana>本法|该法|同法)"
        r"|(?P<same>该条|同条|本条)"
    )


def _num(text: str | None) -> int | None:
    if text is None:
        return None
    value = cn_to_int(text)
    return value if value is not None and 0 < value < 10_000 else None


def _resolve(written: str, title: str | None) -> str | None:
    db = _db()
    return db.resolve_law(written) or (db.resolve_law(title) if title else None)


def _lawish(written: str, canonical: str | None) -> bool:
    name = written.strip("《》")
    while _TRAILING_NOTE.search(name):
        name = _TRAILING_NOTE.sub("", name)
    return canonical is not None or bool(_LAWISH.search(name))


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: list[Entity] = []

    def emit(
        self,
        start: int,
        end: int,
        law: _Law,
        article: int,
        suffix: str | None,
        paragraph: int | None,
        item: int | None,
        score: float,
        extra: dict[str, Any],
    ) -> None:
        suffix = (suffix if suffix.startswith("之") else f"之{suffix}") if suffix else None
        versions = (
            _db().versions_with(law.canonical, article, suffix, paragraph, item) if law.canonical is not None else []
        )
        attrs: dict[str, Any] = {
            "law": law.canonical,
            "law_as_written": law.written,
            "article": article,
            "suffix": suffix,
            "paragraph": paragraph,
            "item": item,
            "versions": versions,
            **extra,
        }
        value = f"{law.canonical or ''}|{article}{suffix or ''}|{paragraph or ''}|{item or ''}"
        self.entities.append(
            Entity(
                type=EntityType.LAW_CITATION,
                start=start,
                end=end,
                text=self.text[start:end],
                value=value,
                score=score,
                source=SOURCE,
                attrs=attrs,
            )
        )

    def chain(self, pos: int, law: _Law, start: int, score: float, extra: dict[str, Any]) -> int:
        """Parse 第X条[之Y][第Z款][第W项] at ``pos`` and its 、/，/和 … continuations, emitting one entity per
        article, 款 or 项; return the end offset (``pos`` when no article follows)."""
        m = _FULL_RE.match(self.text, pos)
        if not m or (article := _num(m.group("art"))) is None:
            return pos
        ref = [article, m.group("suf"), _num(m.group("para")), _item(m)]
        end = self._emit_unit(start, m.end(), law, ref, score, extra)
        while sep := _SEP_RE.match(self.text, end):
            at = sep.end()
            if (m := _FULL_RE.match(self.text, at)) and (number := _num(m.group("art"))) is not None:
                ref = [number, m.group("suf"), _num(m.group("para")), _item(m)]
            elif m := _SUFFIX_RE.match(self.text, at):
                ref = [ref[0], m.group("suf"), _num(m.group("para")), _item(m)]
            elif members := _number_list(self.text, at, _PARA_LIST_RE):  # 、第二、三款
                end = self._emit_list(at, members, 2, law, [ref[0], ref[1], None, None], score, extra)
                continue
            elif members := _number_list(self.text, at, _ITEM_LIST_RE):  # 、第（一）、（二）项
                end = self._emit_list(at, members, 3, law, [ref[0], ref[1], ref[2], None], score, extra)
                continue
            elif (m := _PARA_RE.match(self.text, at)) and _num(m.group("para")) is not None:
                ref = [ref[0], ref[1], _num(m.group("para")), _item(m)]
            elif (m := _ITEM_RE.match(self.text, at)) and _item(m) is not None:
                ref = [ref[0], ref[1], ref[2], _item(m)]
            else:
                break
            end = self._emit_unit(at, m.end(), law, ref, score, extra)
        return end

    def _emit_unit(self, start: int, end: int, law: _Law, ref: list[Any], score: float, extra: dict[str, Any]) -> int:
        """Emit one article/款/项 reference, or one entity per member of a following list like 第一、三款 or
        第（一）、（二）项 (the first spans up to its own number, each further one its own, the last up to 款/项)."""
        article, suffix, paragraph, item = ref
        members, slot = None, 3
        if paragraph is None and item is None:
            members, slot = _number_list(self.text, end, _PARA_LIST_RE), 2
        if members is None and item is None:
            members, slot = _number_list(self.text, end, _ITEM_LIST_RE), 3
        if not members:
            self.emit(start, end, law, article, suffix, paragraph, item, score, extra)
            return end
        return self._emit_list(start, members, slot, law, ref, score, extra)

    def _emit_list(
        self,
        start: int,
        members: list[tuple[int, int, int]],
        slot: int,
        law: _Law,
        ref: list[Any],
        score: float,
        extra: dict[str, Any],
    ) -> int:
        """One entity per list member, written into ``ref[slot]`` (2: 款, 3: 项); ``ref`` keeps the last."""
        for i, (number, tok_start, tok_end) in enumerate(members):
            ref[slot] = number
            self.emit(start if i == 0 else tok_start, tok_end, law, ref[0], ref[1], ref[2], ref[3], score, extra)
        return members[-1][2]


def _number_list(text: str, pos: int, pattern: re.Pattern[str]) -> list[tuple[int, int, int]] | None:
    """[(number, start, end)] of a 款/项 list at ``pos``; the last member's span includes 款/项."""
    m = pattern.match(text, pos)
    if not m:
        return None
    group = "paren" if m.groupdict().get("paren") else "bare"
    out = []
    for tok in _ITEM_TOKEN_RE.finditer(text, m.start(group), m.end(group)):
        number = _num(tok.group("n") or tok.group("m"))
        if number is None:
            return None
        out.append((number, tok.start(), tok.end()))
    if len(out) < 2:
        return None
    out[-1] = (out[-1][0], out[-1][1], m.end())
    return out


def _item(m: re.Match[str]) -> int | None:
    return _num(m.group("i1") or m.group("i2") or m.group("i3"))


def extract_citations(text: str) -> list[Entity]:
    """LAW_CITATION entities in ``text`` (see the module docstring)."""
    builder = _Builder(text)
    laws: list[_Law] = []  # every law name met so far (cited or only mentioned), for 同法/该法 and bare articles
    consumed = 0
    for head in _head_re().finditer(text):
        if head.start() < consumed:
            continue
        kind = head.lastgroup
        if kind in ("book", "bare", "prc"):
            written = head.group(0)
            title = head.group("title") if kind == "book" else None
            canonical = _resolve(written, title)
            law = _Law(head.start(), head.end(), written, canonical, _lawish(title or written, canonical))
            note = _VERSION_NOTE_RE.match(text, head.end())
            pos = note.end() if note else head.end()
            version_note = note.group("note") if note else None
            extra = {"version_as_written": version_note} if version_note and _VERSIONISH.search(version_note) else {}
            # An unknown name is cited only if it looks like a law: not 《煤炭供销合同》第三条, not 《最高人民法院》.
            end = builder.chain(pos, law, head.start(), 1.0, extra) if law.lawish else pos
            # Any 《title》 ends the previous law's reach, even one we cannot read (《…解某》, a typo): a 第X条 right
            # after it belongs to that title, never to a law named earlier in the sentence.
            if law.lawish or kind == "book":
                laws.append(law)
            consumed = max(consumed, end, head.end())
        elif kind == "ana":
            previous = next((law for law in reversed(laws) if law.end <= head.start()), None)
            if previous is None or previous.canonical is None:
                continue
            end = builder.chain(head.end(), previous, head.start(), 0.9, {"via": head.group(0)})
            consumed = max(consumed, end)
        elif kind == "same":  # 该条第二款: the article of the previous citation
            if not builder.entities:
                continue
            last = builder.entities[-1]
            m = _PARA_RE.match(text, head.end()) or _ITEM_RE.match(text, head.end())
            if not m:
                continue
            a = last.attrs
            paragraph = _num(m.groupdict().get("para")) or a["paragraph"]
            item = _item(m)
            law = _Law(0, 0, a["law_as_written"], a["law"], True)
            extra = {"via": head.group(0)}
            builder.emit(head.start(), m.end(), law, a["article"], a["suffix"], paragraph, item, 0.9, extra)
            consumed = max(consumed, m.end())

    _bare_articles(builder, laws)
    return sorted(builder.entities, key=lambda e: (e.start, e.end))


def _bare_articles(builder: _Builder, laws: list[_Law]) -> None:
    """第X条 with no law of its own: cite the last law named earlier in the same sentence, if that is a known one."""
    text = builder.text
    # Sorted spans with bisect keep this linear in the text: a long judgment has thousands of 第X条.
    taken = sorted((e.start, e.end) for e in builder.entities)
    longest = max((e - s for s, e in taken), default=0)
    law_ends = [law.end for law in laws]  # heads are found left to right without overlap, so ends are sorted
    sentence_starts = [0] + [s.end() for s in _SENTENCE_END.finditer(text)]
    for m in _ARTICLE_RE.finditer(text):
        if _overlaps(taken, longest, m.start(), m.end()):
            continue
        sentence_start = sentence_starts[bisect.bisect_right(sentence_starts, m.start()) - 1]
        k = bisect.bisect_right(law_ends, m.start()) - 1
        law = laws[k] if k >= 0 and laws[k].start >= sentence_start else None
        if law is None or law.canonical is None or not _CITATION_TAIL.match(text, m.end()):
            continue
        if text[max(0, m.start() - 2) : m.start()] in ("本法", "该法", "同法"):  # already judged: unresolvable
            continue
        emitted = len(builder.entities)
        builder.chain(m.start(), law, m.start(), 0.7, {"inferred": True})
        for e in builder.entities[emitted:]:
            bisect.insort(taken, (e.start, e.end))
            longest = max(longest, e.end - e.start)


def _overlaps(spans: list[tuple[int, int]], longest: int, start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted ``spans``, none longer than ``longest``."""
    j = bisect.bisect_left(spans, (end,)) - 1
    while j >= 0 and spans[j][0] > start - longest:
        if spans[j][1] > start:
            return True
        j -= 1
    return False


@registry.extractors.register("law_citation")
def law_citations(text: str) -> list[Entity]:
    return extract_citations(text)
