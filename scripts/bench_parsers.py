"""Benchmark the file parsers on generated, fictional documents (single process, so figures are per core).

    python scripts/bench_parsers.py [--pages 20] [--repeat 3] [--cpu 0]

PDF: a dense A4 Chinese text PDF (reportlab, CID font STSong-Light, ~52 lines × ~43 characters a page) parsed
by JuanShen's pypdfium2 parser (text, lines, boxes), by bare pypdfium2 text extraction and by pdfplumber
``extract_text``; the script also checks that the parser and pdfplumber give the same characters.
The parser's pdfplumber fallback (pages where PDFium drops text) is timed by forcing it on every page.
DOCX: a long 询问笔录-like document with form tables, parsed by the python-docx parser.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import random
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp.parsers.docx_parser import parse_docx
from nlp.parsers.pdf_parser import parse_pdf

_PHRASES = [
    "报案人张某某称",
    "于2024年3月1日9时20分许",
    "在某市某区某路某小区门口",
    "发现其停放的电动自行车被盗",
    "价值人民币三千元",
    "接报后民警李某某、王某某立即赶赴现场",
    "经现场勘查，",
    "调取周边监控视频，",
    "犯罪嫌疑人赵某某（男，身份证号码略）",
    "对上述事实供认不讳，",
    "以上笔录我看过，和我说的相符。",
    "根据《中华人民共和国治安管理处罚法》第四十九条之规定，",
    "决定给予行政拘留十日的处罚。",
    "问：你把当时的情况讲一下。",
    "答：当天晚上我下班回家，",
    "（一）受案登记表；（二）询问笔录；",
    "〔2024〕第０１２号",
]


def _out(line: str = "") -> None:
    sys.stdout.write(line + "\n")


def make_pdf(pages: int, seed: int = 7) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    rng = random.Random(seed)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    for _ in range(pages):
        pdf.setFont("STSong-Light", 10.5)
        y = height - 60
        while y > 50:
            line = ""
            while pdfmetrics.stringWidth(line, "STSong-Light", 10.5) < width - 150:
                line += rng.choice(_PHRASES)
            pdf.drawString(72, y, line[:43])
            y -= 14
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_docx(paragraphs: int, seed: int = 7) -> bytes:
    import docx

    rng = random.Random(seed)
    document = docx.Document()
    for index in range(paragraphs):
        document.add_paragraph("".join(rng.choice(_PHRASES) for _ in range(4)))
        if index % 50 == 0:
            table = document.add_table(rows=10, cols=4)
            for row in table.rows:
                for cell in row.cells:
                    cell.text = rng.choice(_PHRASES)[:8]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def best_of(repeat: int, func: Callable[[], object]) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def pdfium_text_only(data: bytes) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    parts = []
    for page in pdf:
        textpage = page.get_textpage()
        parts.append(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    return "\n".join(parts)


def pdfplumber_text(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _time_fallback(data: bytes, repeat: int) -> tuple[float, str]:
    """The parser's worst case: every page read through the pdfplumber fallback (see pdf_parser._drops_text)."""
    from nlp.parsers import pdf_parser

    original = pdf_parser._drops_text
    pdf_parser._drops_text = lambda page: True  # type: ignore[assignment]
    try:
        parsed = parse_pdf(data)
        assert parsed.method == "pypdfium2+pdfplumber"
        return best_of(repeat, lambda: parse_pdf(data))[0], parsed.text
    finally:
        pdf_parser._drops_text = original


def _squeeze(text: str) -> str:
    from nlp.parsers.normalize import normalize

    return "".join(normalize(text).split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cpu", type=int, default=None, help="pin the process to this CPU (Linux)")
    args = parser.parse_args()
    if args.cpu is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {args.cpu})

    data = make_pdf(args.pages)
    parse_pdf(data)  # warm-up: imports, PDFium initialisation, font loading
    t_parser, parsed = best_of(args.repeat, lambda: parse_pdf(data))
    t_raw, raw_text = best_of(args.repeat, lambda: pdfium_text_only(data))
    t_plumber, plumber = best_of(args.repeat, lambda: pdfplumber_text(data))
    t_fallback, fallback_text = _time_fallback(data, args.repeat)
    ours = _squeeze(parsed.text)  # type: ignore[attr-defined]
    theirs = _squeeze(plumber)  # type: ignore[arg-type]
    chars = len(parsed.text)  # type: ignore[attr-defined]
    lines = len(parsed.blocks)  # type: ignore[attr-defined]

    docx_data = make_docx(1000)
    parse_docx(docx_data)
    t_docx, parsed_docx = best_of(args.repeat, lambda: parse_docx(docx_data))

    _out(f"# bench_parsers {date.today().isoformat()}  python {platform.python_version()}  {platform.machine()}")
    _out(f"# cpu: {_cpu_name()}  pinned: {args.cpu if args.cpu is not None else 'no'}")
    _out(f"PDF: {args.pages} pages, {chars} characters, {lines} lines, {len(data) // 1024} KiB; best of {args.repeat}")
    _out(f"  pypdfium2 parser (text+lines+boxes)  {t_parser * 1000:8.1f} ms  {args.pages / t_parser:7.1f} pages/s")
    _out(f"  pypdfium2 text only                  {t_raw * 1000:8.1f} ms  {args.pages / t_raw:7.1f} pages/s")
    _out(f"  pdfplumber extract_text              {t_plumber * 1000:8.1f} ms  {args.pages / t_plumber:7.1f} pages/s")
    _out(f"  parser, all pages via fallback       {t_fallback * 1000:8.1f} ms  {args.pages / t_fallback:7.1f} pages/s")
    _out(f"  fallback gives the same text as the pypdfium2 path: {fallback_text == parsed.text}")  # type: ignore[attr-defined]
    same = ours == theirs
    _out(f"  same non-space text as pdfplumber: {same} ({len(ours)} vs {len(theirs)} characters)")
    if not same:
        import difflib

        ratio = difflib.SequenceMatcher(None, ours, theirs, autojunk=False).ratio()
        _out(f"  similarity {ratio:.4f}; pypdfium2 text only equal: {_squeeze(raw_text) == theirs}")  # type: ignore[arg-type]
    docx_chars = len(parsed_docx.text)  # type: ignore[attr-defined]
    docx_blocks = len(parsed_docx.blocks)  # type: ignore[attr-defined]
    _out(f"DOCX: {docx_blocks} blocks, {docx_chars} characters, {len(docx_data) // 1024} KiB")
    _out(f"  python-docx parser                   {t_docx * 1000:8.1f} ms  {1 / t_docx:7.1f} docs/s")


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


if __name__ == "__main__":
    main()
