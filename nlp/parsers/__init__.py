"""File parsers (.docx, .pdf, .txt) and the case loader.

Importing this package registers the parsers in ``nlp.registry.parsers`` under their suffixes.
"""

from nlp.parsers.base import ParsedFile, ParseError
from nlp.parsers.docx_parser import parse_docx
from nlp.parsers.loader import LoadedCase, LoadedFile, load_case, load_uploads, parse_bytes
from nlp.parsers.normalize import TextBuilder, normalize, normalize_map
from nlp.parsers.pdf_parser import parse_pdf
from nlp.parsers.text_parser import parse_txt

__all__ = [
    "LoadedCase",
    "LoadedFile",
    "ParseError",
    "ParsedFile",
    "TextBuilder",
    "load_case",
    "load_uploads",
    "normalize",
    "normalize_map",
    "parse_bytes",
    "parse_docx",
    "parse_pdf",
    "parse_txt",
]
