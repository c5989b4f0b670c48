"""Text with some of its newlines removed (a PDF's printed line wraps), and the way back to the original offsets.

A sentence a PDF wrapped mid-word ("决定对某某行\\n政拘留五日") is one line in the view; patterns run on the view and
``span`` maps what they found back to the document's text, so evidence still points at what the reviewer sees.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Protocol


class _HasSoftBreaks(Protocol):
    text: str
    soft_breaks: list[int]


class TextView:
    def __init__(self, text: str, drop: Iterable[int]) -> None:
        """``drop``: offsets of "\\n" characters of ``text`` to remove."""
        self.breaks = sorted(set(drop))
        pieces, previous = [], 0
        for offset in self.breaks:
            pieces.append(text[previous:offset])
            previous = offset + 1
        pieces.append(text[previous:])
        self.text = "".join(pieces)
        # shifted[j]: where the character after the j-th removed newline sits in the view.
        self._shifted = [offset - n for n, offset in enumerate(self.breaks)]

    @classmethod
    def unwrapped(cls, doc: _HasSoftBreaks) -> TextView:
        """``doc.text`` without its soft line breaks (``Document.soft_breaks``; other offsets are ignored)."""
        text = doc.text
        return cls(text, (b for b in doc.soft_breaks if 0 <= b < len(text) and text[b] == "\n"))

    def original(self, offset: int) -> int:
        return offset + bisect.bisect_right(self._shifted, offset)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A view span in the original text; the end maps through its last character, so a break just after it
        stays outside."""
        if end <= start:
            return self.original(start), self.original(start)
        return self.original(start), self.original(end - 1) + 1
