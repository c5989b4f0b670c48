"""Labelled form fields of a document: the values written after the labels its spec lists.

Layouts read (the canonical text: one paragraph or table row per line, cells joined by a tab):

* colon forms          接报时间：2022年5月3日9时20分
* table cells          接报时间<TAB>2022年5月3日9时20分, several label/value pairs per row
* several on one line  讯问人：李某、王某 记录人：王某  (labels after a space, followed by a colon)
* space-separated rows 被讯问人 张某某 性别 男 出生日期 1990年1月1日  (PDF lines of a printed form)
* blanks               接报时间：  接报时间<TAB>  接报时间 ＿＿＿＿  接报时间：______
                       -> value "" with start == end right after the label
* check boxes          案件来源 □110指令 ☑报案 …  -> the checked option's text ("" when none is checked)

Only the spec's labels are read, and only where a label stands as a label: at the start of a line or cell, or
after a space or punctuation and followed by a separator. A label glued to running text ("报案人张某某称") is prose.
Every field satisfies ``text[start:end] == value`` and ``text[label_start:label_end]`` is the label as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.doctypes.specs import FieldKind, FieldSpec, get_spec
from nlp.schema import FormField

_SPACES = " \u3000\xa0"
_UNCHECKED = "□☐◻▢"
_CHECKED = "☑☒■▣√✓✔✅"
_BOXES = _UNCHECKED + _CHECKED
_GAP = "[ \u3000\xa0]{0,2}"  # letter-spacing inside a printed label: 姓  名
_ENUM = r"(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．](?!\d))"  # "一、价格认定标的"
_SUFFIX = re.compile(r"[ \u3000\xa0]*[（(](?:签名|签字|盖章|签名捺指印|签名或盖章|捺指印)[）)]")
_DATE_START = re.compile(r"[0-9一二〇○零]")
_LEAD = set(_SPACES + "\t\n_＿:：")
_TRAIL = set(_SPACES + "\t\n_＿，,；;、。")
_TRAIL_PROSE = _TRAIL - {"。"}  # a narrative keeps its full stop
# Printed reminders after a blank: (捺指印), （签名）, (看守所印), （公安局印）.
_SIGN_TAIL = re.compile(r"[（(][^（()）]{0,8}(?:签名|签字|盖章|捺指印|按捺印|按指印|印)[）)]$")
_TEMPLATE = re.compile(r"[\s_＿年月日时分秒至起止\-—~～:：]*")  # "年 月 日 时 分" left unfilled
_CLAUSE_END = re.compile(r"[，。；,;]")
_BLANK_END = re.compile(r"[，。；,;)）(（]")  # "住址＿＿)于＿＿到＿＿接受讯问": the blank ends at the bracket
# A label the spec does not list still ends the value before it: "承办人：＿＿ 撤销案件原因：＿＿".
_OTHER_LABEL = re.compile(r"(?<=[ \u3000\xa0])[\u4e00-\u9fff（）()]{2,12}[：:]|[|｜]")
_BOXED_LINE = re.compile(rf"[ \t\u3000\xa0]*[{_BOXES}]")  # used with match(text, line_start)

SPACE_ROW_MAX = 60  # a label followed by a space starts a form row only if its value is this short
NARRATIVE_MAX_LINES = 40
NARRATIVE_MAX_CHARS = 4000


@dataclass(frozen=True)
class _Compiled:
    regex: re.Pattern[str]
    groups: dict[str, FieldSpec]


def _spaced(label: str) -> str:
    return _GAP.join(re.escape(ch) for ch in label)


@lru_cache(maxsize=128)
def _compiled(doc_type: str) -> _Compiled | None:
    spec = get_spec(doc_type)
    if spec is None or not spec.fields:
        return None
    # Leftmost-first alternation: regex patterns (long variable labels) first, then literals longest first, so
    # "身份证件种类及号码" wins over "身份证件种类" and "被取保候审人" over "取保候审人".
    alternatives: list[tuple[int, str, FieldSpec]] = []
    for field in spec.fields:
        alternatives.extend((10_000, pattern, field) for pattern in field.patterns)
        alternatives.extend((len(s), _spaced(s), field) for s in field.spellings)
    alternatives.sort(key=lambda a: -a[0])
    groups: dict[str, FieldSpec] = {}
    parts: list[str] = []
    for n, (_, pattern, field) in enumerate(alternatives):
        groups[f"g{n}"] = field
        parts.append(f"(?P<g{n}>{pattern})")
    boundary = rf"(?:^[ \u3000\xa0]*{_ENUM}?|(?<=[\t \u3000\xa0，,；;。、＿_]))"
    return _Compiled(re.compile(f"{boundary}(?:{'|'.join(parts)})", re.MULTILINE), groups)


@dataclass
class _Label:
    field: FieldSpec
    label_start: int
    label_end: int
    delim: str  # colon | tab | eol | blank | suffix | glued | space
    value_start: int
    boundary: str  # what precedes the label: cell (line or cell start) | space | punct (，；、＿ inside a sentence)
    cell_end: int  # where the value must end: the next tab or the line end

    @property
    def cell_start(self) -> bool:
        return self.boundary == "cell"


def _delimiter(text: str, field: FieldSpec, label_end: int, line_end: int) -> tuple[str | None, int]:
    """How the label is separated from its value, and where the value may begin."""
    suffix = _SUFFIX.match(text, label_end, line_end)
    end = suffix.end() if suffix else label_end
    j = end
    while j < line_end and text[j] in _SPACES:
        j += 1
    if j >= line_end:
        return "eol", j
    ch = text[j]
    if ch in "：:":
        return "colon", j + 1
    if ch == "\t":
        return "tab", j + 1
    if ch in "_＿":
        return "blank", j
    if suffix:
        return "suffix", j  # 讯问人（签名）李某
    if j > end:
        return "space", j
    if field.kind is FieldKind.DATE and _DATE_START.match(ch):
        return "glued", j  # 拘传到案时间2022年5月3日 (underlined blank filled in)
    return None, j


def _cell_bounds(text: str, line_start: int, line_end: int, pos: int) -> tuple[int, int]:
    """The table cell (tab-separated segment) of the line that holds ``pos``."""
    tab_before = text.rfind("\t", line_start, pos)
    tab_after = text.find("\t", pos, line_end)
    return (line_start if tab_before < 0 else tab_before + 1), (line_end if tab_after < 0 else tab_after)


def _line_labels(text: str, compiled: _Compiled, line_start: int, line_end: int) -> list[_Label]:
    """The labels standing as labels on one line, in order."""
    candidates: list[_Label] = []
    for m in compiled.regex.finditer(text, line_start, line_end):
        group = m.lastgroup
        if group is None:
            continue
        field = compiled.groups[group]
        label_start, label_end = m.span(group)
        delim, value_start = _delimiter(text, field, label_end, line_end)
        if delim is None:
            continue
        cell_begin, cell_end = _cell_bounds(text, line_start, line_end, label_start)
        before = text[cell_begin:label_start].strip(_SPACES)
        if not before or re.fullmatch(_ENUM, before):
            boundary = "cell"
        else:
            boundary = "space" if text[label_start - 1] in _SPACES else "punct"
        if delim == "tab":
            # The value is the next cell.
            nxt = text.find("\t", value_start, line_end)
            cell_end = line_end if nxt < 0 else nxt
        candidates.append(_Label(field, label_start, label_end, delim, value_start, boundary, cell_end))

    accepted: list[_Label] = []
    space_row_cells: set[int] = set()  # cells read as "label value label value" rows
    narrative_until = -1
    for k, cand in enumerate(candidates):
        if cand.label_start < narrative_until and not cand.cell_start:
            continue  # inside a narrative value: words there are not labels
        cell_key = _cell_bounds(text, line_start, line_end, cand.label_start)[0]
        if cand.boundary == "cell":
            if cand.delim == "space" and not _row_like(cand, candidates[k + 1 :]):
                continue
            if cand.delim in ("space", "suffix"):
                space_row_cells.add(cell_key)
        elif cand.boundary == "space":
            if cand.delim == "space" and cell_key not in space_row_cells:
                continue
        elif cand.delim not in ("colon", "blank"):  # after ，；、＿: only "label：" or "label＿＿"
            continue
        accepted.append(cand)
        if cand.field.kind is FieldKind.NARRATIVE:
            narrative_until = cand.cell_end
    return accepted


def _row_like(cand: _Label, later: list[_Label]) -> bool:
    """A label + space at a cell start is a form row, not the first word of prose, if its value is short."""
    if cand.cell_end - cand.value_start <= SPACE_ROW_MAX:
        return True
    return any(
        c.label_start - cand.value_start <= SPACE_ROW_MAX and c.label_start < cand.cell_end and c.delim != "tab"
        for c in later
    )


def _trim(text: str, start: int, end: int, keep_period: bool = False) -> tuple[int, int]:
    trail = _TRAIL_PROSE if keep_period else _TRAIL
    while True:
        while start < end and text[start] in _LEAD:
            start += 1
        while end > start and text[end - 1] in trail:
            end -= 1
        tail = _SIGN_TAIL.search(text, start, end)
        if not tail:
            break
        end = tail.start()
    if _TEMPLATE.fullmatch(text, start, end):
        return start, start  # only the printed "年 月 日 时 分" of an unfilled blank
    return start, end


def _field(label: _Label, text: str, start: int, end: int) -> FormField:
    start, end = _trim(text, start, end, keep_period=label.field.kind is FieldKind.NARRATIVE)
    if start == end:
        start = end = label.label_end
    return FormField(
        label=label.field.label,
        value=text[start:end],
        start=start,
        end=end,
        label_start=label.label_start,
        label_end=label.label_end,
    )


def _blank(label: _Label) -> FormField:
    return FormField(
        label=label.field.label,
        value="",
        start=label.label_end,
        end=label.label_end,
        label_start=label.label_start,
        label_end=label.label_end,
    )


def _options(label: _Label, text: str, spans: list[tuple[int, int]]) -> list[FormField]:
    """One field per checked option; a single blank field when nothing is checked."""
    out: list[FormField] = []
    for start, end in spans:
        positions = [i for i in range(start, end) if text[i] in _BOXES]
        for n, pos in enumerate(positions):
            stop = positions[n + 1] if n + 1 < len(positions) else end
            for sep in ("\t", "\n"):
                cut = text.find(sep, pos, stop)
                if cut >= 0:
                    stop = cut
            if text[pos] in _CHECKED:
                option = _field(label, text, pos + 1, stop)
                if option.value:
                    out.append(option)
    return out or [_blank(label)]


def _inline_blank_end(text: str, start: int, end: int) -> int:
    """A blank inside a sentence holds a value only between underscores (＿张某某＿); text after an unclosed blank
    is the sentence going on ("被逮捕人＿＿＿已于……送至我所")."""
    i = start
    while i < end and text[i] in "_＿":
        i += 1
    j = i
    while j < end and text[j] not in "_＿":
        j += 1
    k = j
    while k < end and text[k] in "_＿":
        k += 1
    # Filled: the closing underscores end the clause. Unfilled: the sentence goes on ("＿＿已于＿＿年").
    closed = j < end and (k == end or text[k] in "，。；,;(（)） \t")
    return j if closed else i


def _has_box(text: str, start: int, end: int) -> bool:
    return any(text[i] in _BOXES for i in range(start, end))


def _boxed_line(text: str, line: tuple[int, int]) -> bool:
    return bool(_BOXED_LINE.match(text, *line))


def _blank_value(text: str, start: int, end: int) -> bool:
    trimmed = _trim(text, start, end)
    return trimmed[0] == trimmed[1]


def extract_fields(text: str, doc_type: str) -> list[FormField]:
    """The labelled fields of ``text`` that the spec of ``doc_type`` lists, in text order."""
    compiled = _compiled(doc_type)
    if compiled is None or not text:
        return []
    lines: list[tuple[int, int]] = []
    pos = 0
    while pos <= len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        lines.append((pos, end))
        pos = end + 1
    labels = [_line_labels(text, compiled, s, e) for s, e in lines]

    out: list[FormField] = []
    consumed_until = 0  # lines before this index were taken by a narrative or checkbox value
    for li, ((_, line_end), line_labels) in enumerate(zip(lines, labels, strict=True)):
        if li < consumed_until:
            continue
        for k, label in enumerate(line_labels):
            nxt = line_labels[k + 1].label_start if k + 1 < len(line_labels) else line_end
            region_end = min(nxt, label.cell_end)
            if label.field.kind is not FieldKind.NARRATIVE:
                other = _OTHER_LABEL.search(text, label.value_start, region_end)
                if other:
                    region_end = other.start()
            if label.delim == "blank" and not label.cell_start:
                region_end = _inline_blank_end(text, label.value_start, region_end)
            if label.boundary == "punct" or label.delim == "blank":
                # "（性别＿＿，出生日期＿＿，住址＿＿）": a blank in a sentence ends at the clause.
                stop = (_BLANK_END if label.delim == "blank" else _CLAUSE_END).search(
                    text, label.value_start, region_end
                )
                if stop:
                    region_end = stop.start()
            kind = label.field.kind
            last_on_line = k + 1 == len(line_labels)
            if kind is FieldKind.CHECKBOX:
                spans = [(label.value_start, min(nxt, line_end))]
                same_line = _has_box(text, *spans[0])
                if same_line or _blank_value(text, label.value_start, region_end):
                    # Options may continue (or be printed one per line) below the label.
                    more = li + 1
                    while last_on_line and more < len(lines) and not labels[more] and _boxed_line(text, lines[more]):
                        more += 1
                    spans.extend(lines[li + 1 : more])
                    if same_line or more > li + 1:
                        consumed_until = max(consumed_until, more)
                        out.extend(_options(label, text, spans))
                        continue
            elif kind is FieldKind.NARRATIVE and last_on_line and _blank_value(text, label.value_start, region_end):
                # The narrative is written on the lines below its label.
                last = _narrative_lines(text, lines, labels, li)
                if last > li:
                    consumed_until = last + 1
                    region_end = lines[last][1]
            field = _field(label, text, label.value_start, region_end)
            if kind is FieldKind.GROUP and not field.value:
                continue  # a row header such as 报案人 | 姓名 …
            out.append(field)
    return out


def _row_after_narrative(label: _Label, line_start: int) -> bool:
    """A check-box or signature row opening a line ("受案意见 ☑…", "受案民警 李明"): a table row whose cells a
    plain-text copy joined with spaces, not a word of the narrative above it."""
    return label.label_start == line_start and label.field.kind in (FieldKind.CHECKBOX, FieldKind.SIGNATURE)


def _narrative_lines(text: str, lines: list[tuple[int, int]], labels: list[list[_Label]], li: int) -> int:
    """The last line of a narrative value written below its label; ``li`` when there is none."""
    last = li
    chars = 0
    for j in range(li + 1, min(len(lines), li + 1 + NARRATIVE_MAX_LINES)):
        start, end = lines[j]
        if any(lab.cell_start and (lab.delim != "space" or _row_after_narrative(lab, start)) for lab in labels[j]):
            break  # the next labelled row
        chars += end - start
        if chars > NARRATIVE_MAX_CHARS:
            break
        if text[start:end].strip():
            last = j
    return last
