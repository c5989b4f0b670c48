"""Document types of a 公安案卷: recognising a document (classify) and reading its labelled form fields.

The catalogue of types lives in ``doctypes.yaml`` (validated by ``specs``).
"""

from __future__ import annotations

from nlp.doctypes.classify import Classification, classify
from nlp.doctypes.fields import extract_fields
from nlp.doctypes.specs import DocTypeCatalog, DocTypeSpec, FieldKind, FieldSpec, get_spec, load_specs

__all__ = [
    "Classification",
    "DocTypeCatalog",
    "DocTypeSpec",
    "FieldKind",
    "FieldSpec",
    "classify",
    "extract_fields",
    "get_spec",
    "load_specs",
]
