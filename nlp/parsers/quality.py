"""Text-layer quality: is what a PDF page's text layer says worth reading, or should the page be OCRed?

A text layer can be present and still useless: glyphs without a Unicode mapping (PDFium's map errors, pdfminer's
"(cid:n)"), private-use code points from a subset font, or mojibake — UTF-8 or GBK bytes decoded as Latin-1
("å\x85¬å®\x89"), which fills a Chinese page with accented Latin letters and control characters. A page whose
text is mostly such characters is read by OCR instead (``nlp.parsers.pdf_parser``), and so is a scan whose text
layer (from an earlier OCR or a partial retype) holds far fewer lines than the page image shows (``is_short``).
"""

from __future__ import annotations

import re
from functools import cache

GARBLED_SHARE = 0.3  # a page whose visible characters are at least this share suspicious is OCRed
UNMAPPED_SHARE = 0.5  # … or whose sampled glyphs lack a Unicode mapping this often
MIN_CHARS = 8  # too few characters to judge: left to the scan checks
SHORT_SHARE = 0.5  # a text layer with fewer lines than this share of the printed lines is incomplete …
SHORT_MIN_INK_LINES = 3  # … judged only when the image shows at least this many lines


def _suspicious(code: int) -> bool:
    return (
        code < 0x20  # C0 controls (a text layer's real line breaks are not characters here)
        or 0x7F <= code <= 0x24F  # C1 controls, Latin-1 Supplement, Latin Extended-A/B: mojibake of CJK bytes
        or 0xE000 <= code <= 0xF8FF  # private use: glyph ids of a subset font leaked as text
        or code >= 0xF0000  # supplementary private use
        or code in (0xFFFD, 0xFFFE, 0xFFFF)
    )


def garbled_share(chars: str) -> float:
    """Share of the non-space characters of ``chars`` that are not plausible text of a Chinese document."""
    seen = bad = 0
    for ch in chars:
        if ch.isspace():
            continue
        seen += 1
        bad += _suspicious(ord(ch))
    return bad / seen if seen else 0.0


def is_garbled(chars: str, unmapped_share: float = 0.0) -> bool:
    """Whether a page's text layer is too broken to trust (see the module doc)."""
    if unmapped_share >= UNMAPPED_SHARE:
        return True
    visible = sum(1 for ch in chars if not ch.isspace())
    return visible >= MIN_CHARS and garbled_share(chars) >= GARBLED_SHARE


def is_short(layer_lines: int, ink_lines: int) -> bool:
    """Whether a page's text layer (``layer_lines`` lines) covers much less than the ``ink_lines`` lines its image
    shows."""
    return ink_lines >= SHORT_MIN_INK_LINES and layer_lines < SHORT_SHARE * ink_lines


@cache
def _label_pattern() -> re.Pattern[str]:
    """Every form label the document-type specs know (nlp/doctypes/doctypes.yaml), longest first, followed by a
    colon."""
    from nlp.doctypes.specs import load_specs

    spellings = {s for spec in load_specs().doc_types.values() for f in spec.fields for s in f.spellings}
    ordered = sorted((s for s in spellings if len(s) >= 2), key=lambda s: (-len(s), s))
    return re.compile("(?:" + "|".join(re.escape(s) for s in ordered) + ")[：:]")


def space_glued_labels(text: str) -> tuple[str, list[int]]:
    """Put a space before a form label that OCR glued to the value before it ("被询问人：张三性别：男" →
    "被询问人：张三 性别：男"): a scan shows the cells apart, but the recogniser reads a narrow cell gap as nothing,
    and the value would then run into the next label. Only after an earlier label's colon on the same line (so a
    line that starts with a long label is never cut inside it). Returns the text and, for each of its characters,
    the index of the source character (-1 for an added space)."""
    out: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _label_pattern().finditer(text):
        start = m.start()
        before = text[start - 1] if start else ""
        if start and not before.isspace() and before not in "：:（(、，," and re.search("[：:]", text[:start]):
            out.append(text[pos:start])
            index.extend(range(pos, start))
            out.append(" ")
            index.append(-1)
            pos = start
    out.append(text[pos:])
    index.extend(range(pos, len(text)))
    return "".join(out), index
