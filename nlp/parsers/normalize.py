"""The one text normaliser. Every parser runs its raw text through it exactly once.

Only changes that cannot move meaning are made, so an offset into the normalised text still points at the
same words a reviewer sees in the original:

* full-width ASCII letters and digits (０-９ Ａ-Ｚ ａ-ｚ) become half-width; full-width punctuation
  (（）：，。〔〕％－ …) and 〇 are kept, because statute and form text quotes them literally;
* U+3000, no-break and the other Unicode spaces, and tabs become a plain space; runs of spaces collapse to one
  and a line loses its leading and trailing spaces (Chinese documents indent with "　　");
* "\\r\\n", "\\r" and the other line separators become "\\n";
* zero-width and bidi format characters, C0/C1 control characters and private-use glyphs (symbol-font
  leftovers that render as boxes) are removed.

``normalize_map`` also returns, for every output character, the index of the source character it came from;
the PDF parser uses it to keep exactly one character box per output character.
"""

from __future__ import annotations

import re

_SPACE = " "
_NEWLINE = "\n"
_DROP = ""


def _build_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for code in range(0xFF10, 0xFF1A):  # ０-９
        table[chr(code)] = chr(code - 0xFEE0)
    for code in range(0xFF21, 0xFF3B):  # Ａ-Ｚ
        table[chr(code)] = chr(code - 0xFEE0)
    for code in range(0xFF41, 0xFF5B):  # ａ-ｚ
        table[chr(code)] = chr(code - 0xFEE0)
    for code in (0x09, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000):
        table[chr(code)] = _SPACE
    for code in (0x0B, 0x0C, 0x85, 0x2028, 0x2029):
        table[chr(code)] = _NEWLINE
    # Invisible format characters: zero-width space/joiners, word joiner, BOM, soft hyphen, bidi controls.
    for code in (0xAD, 0x180E, *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2070), 0xFEFF):
        table[chr(code)] = _DROP
    for code in (*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0)):
        table[chr(code)] = _DROP
    return table


_TABLE = _build_table()
# A line that matches none of these is already normal; most lines are, so they skip the per-character loop.
_SPECIALS = "".join(re.escape(ch) for ch in sorted(_TABLE)) + "\r\ue000-\uf8ff\U000f0000-\U0010ffff"
_DIRTY_MULTI = re.compile(f"[{_SPECIALS}]|  |^ | $| \n|\n ")
_DIRTY_SINGLE = re.compile(f"[{_SPECIALS}\n]|  |^ | $")


def normalize(text: str, *, single_line: bool = False) -> str:
    """Normalise ``text``. With ``single_line`` every line break also becomes a space (one paragraph, one cell)."""
    dirty = _DIRTY_SINGLE if single_line else _DIRTY_MULTI
    if not dirty.search(text):
        return text
    return normalize_map(text, single_line=single_line)[0]


def normalize_map(text: str, *, single_line: bool = False) -> tuple[str, list[int]]:
    """Normalise ``text`` and map each output character to the index of its source character in ``text``.

    A collapsed run of spaces maps to its first space; "\\r\\n" maps to the "\\r".
    """
    dirty = _DIRTY_SINGLE if single_line else _DIRTY_MULTI
    if not dirty.search(text):
        return text, list(range(len(text)))
    out: list[str] = []
    src: list[int] = []
    pending_space = -1  # source index of a space run not yet written (dropped if the line ends first)
    line_has_text = False
    previous_cr = False
    table = _TABLE
    for index, ch in enumerate(text):
        if ch == "\n" and previous_cr:
            previous_cr = False
            continue  # the "\n" of "\r\n": the "\r" already ended the line
        previous_cr = ch == "\r"
        mapped = _NEWLINE if previous_cr else table.get(ch, ch)
        if mapped == _NEWLINE:
            if single_line:
                mapped = _SPACE
            else:
                pending_space = -1
                line_has_text = False
                out.append(_NEWLINE)
                src.append(index)
                continue
        if mapped == _SPACE:
            if line_has_text and pending_space < 0:
                pending_space = index
            continue
        if not mapped or "\ue000" <= mapped <= "\uf8ff" or mapped >= "\U000f0000":
            continue  # private-use glyph
        if pending_space >= 0:
            out.append(_SPACE)
            src.append(pending_space)
            pending_space = -1
        out.append(mapped)
        src.append(index)
        line_has_text = True
    return "".join(out), src


class TextBuilder:
    """Builds a document's canonical text line by line and hands out the exact offsets of each segment.

    Segments must already be normalised single-line text; lines are joined with "\\n" and the segments of one
    line with ``sep`` (a table row's cells with "\\t"). The builder never normalises, so offsets stay exact.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def add_line(self, segments: list[str], sep: str = "\t") -> list[tuple[int, int]]:
        """Append one line; returns the (start, end) of every segment in the final text."""
        if self._parts:
            self._write(_NEWLINE)
        spans: list[tuple[int, int]] = []
        for position, segment in enumerate(segments):
            if "\n" in segment:
                raise ValueError("a segment must be a single line")
            if position:
                self._write(sep)
            start = self._length
            self._write(segment)
            spans.append((start, self._length))
        return spans

    def _write(self, piece: str) -> None:
        self._parts.append(piece)
        self._length += len(piece)

    @property
    def text(self) -> str:
        return "".join(self._parts)
