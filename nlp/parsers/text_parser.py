"""Plain-text (.txt) parser: one PARAGRAPH block per non-empty line.

Encodings, tried in this order: a BOM (UTF-8, UTF-32, UTF-16), BOM-less UTF-16 recognised by its NUL bytes,
strict UTF-8, then GB18030 (a superset of GBK and GB2312, what Chinese Windows Notepad writes as "ANSI").
"""

from __future__ import annotations

import codecs
import re

from nlp import registry
from nlp.labels import BlockKind, FileFormat
from nlp.parsers.base import ParsedFile, ParseError
from nlp.parsers.normalize import TextBuilder, normalize
from nlp.schema import Block

_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")  # C0 controls other than tab and line breaks
MAX_CONTROL_SHARE = 0.05  # more control characters than this and the "text" is a binary file renamed .txt


def _guess_bomless_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    # ASCII-heavy UTF-16 has a NUL in every other byte; CJK-only UTF-16 has none and is left to the strict decoders.
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode text bytes; returns (text, encoding name). Raises ParseError for bytes that are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeDecodeError:
                raise ParseError(f"文本文件编码错误（{encoding.upper()}标记与内容不符），无法读取") from None
    candidates = ["utf-8", "gb18030"]
    utf16 = _guess_bomless_utf16(data)
    if utf16:
        candidates.insert(0, utf16)
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ParseError("无法识别文本文件的编码（不是UTF-8、GBK/GB18030或UTF-16），无法读取")


@registry.parsers.register("txt")
def parse_txt(data: bytes, source: str = "") -> ParsedFile:
    """Parse a .txt file's bytes into one block per non-empty line."""
    raw, encoding = decode_text(data)
    if raw:
        controls = len(_CONTROL.findall(raw))
        if controls > MAX_CONTROL_SHARE * len(raw):
            raise ParseError("文件内容不是文本（疑似二进制文件），无法读取")
    builder = TextBuilder()
    blocks: list[Block] = []
    for line in normalize(raw).split("\n"):
        if line:
            ((start, end),) = builder.add_line([line])
            blocks.append(Block(start=start, end=end, kind=BlockKind.PARAGRAPH))
    return ParsedFile(format=FileFormat.TXT, text=builder.text, blocks=blocks, method=f"text:{encoding}")
