"""Document-type specifications: the validated shape of ``doctypes.yaml``.

A spec says how to recognise a document type (title patterns, body markers) and which labelled form fields a
reviewer expects in it. ``load_specs()`` reads and validates the packaged YAML once; everything else asks it.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SPEC_PATH = Path(__file__).with_name("doctypes.yaml")

_KEY = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Title normalisation shared with classify: whitespace dropped, brackets folded to ASCII.
TITLE_BRACKETS = str.maketrans({"（": "(", "）": ")", "〔": "[", "〕": "]", "【": "[", "】": "]", "［": "[", "］": "]"})
_WS = re.compile(r"\s+")


def normalize_title(text: str) -> str:
    """A title or name as the patterns see it: no whitespace, ASCII brackets."""
    return _WS.sub("", text).translate(TITLE_BRACKETS)


class FieldKind(StrEnum):
    TEXT = "text"
    DATE = "date"  # a date-time; the value may follow the label without a separator ("到案时间2022年…")
    CHECKBOX = "checkbox"  # □/☑ options; the value is the checked option's text
    NARRATIVE = "narrative"  # free text that may continue on the following lines (简要案情)
    SIGNATURE = "signature"  # usually handwritten: often blank in the text layer of a scan or printout
    GROUP = "group"  # a row header (报案人 | 姓名 … 性别 …); reported only when it carries its own value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldSpec(_Model):
    label: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()  # regexes (no capturing groups) for long labels with variable wording
    required: bool = False
    kind: FieldKind = FieldKind.TEXT
    options: tuple[str, ...] = ()
    source: str = ""  # filled from the doc type's source when empty

    @field_validator("label", "aliases")
    @classmethod
    def _no_blank_or_space(cls, value: str | tuple[str, ...]) -> str | tuple[str, ...]:
        for item in (value,) if isinstance(value, str) else value:
            if not item or _WS.search(item):
                raise ValueError(f"label {item!r} is empty or contains whitespace (spacing is matched anyway)")
        return value

    @field_validator("patterns")
    @classmethod
    def _patterns_compile(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in value:
            try:
                compiled = re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"field pattern {pattern!r} does not compile: {exc}") from exc
            if compiled.groups:
                raise ValueError(f"field pattern {pattern!r} must use only non-capturing groups")
        return value

    @model_validator(mode="after")
    def _kind_rules(self) -> FieldSpec:
        if self.options and self.kind is not FieldKind.CHECKBOX:
            raise ValueError(f"field {self.label}: options are only for checkbox fields")
        if self.kind is FieldKind.GROUP and self.required:
            raise ValueError(f"field {self.label}: a group header cannot be required")
        return self

    @property
    def spellings(self) -> tuple[str, ...]:
        """The canonical label and its aliases."""
        return (self.label, *self.aliases)


class DocTypeSpec(_Model):
    key: str = ""  # the YAML key; filled by the catalogue
    name_zh: str
    case_type: Literal["criminal", "administrative", "both"]
    source: str = Field(min_length=1)
    rules: tuple[str, ...] = ()
    aliases_zh: tuple[str, ...] = ()
    title_patterns: tuple[str, ...] = Field(min_length=1)
    negative_patterns: tuple[str, ...] = ()
    body_markers: tuple[str, ...] = ()
    contrast: tuple[str, ...] = ()
    priority: int = 0
    fields: tuple[FieldSpec, ...] = ()

    @field_validator("name_zh")
    @classmethod
    def _chinese_name(cls, value: str) -> str:
        if not _CJK.search(value):
            raise ValueError(f"name_zh {value!r} has no Chinese characters")
        return value

    @field_validator("title_patterns", "negative_patterns")
    @classmethod
    def _regexes_compile(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in value:
            try:
                compiled = re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} does not compile: {exc}") from exc
            extra = set(compiled.groupindex) - {"subject"}
            if extra:
                raise ValueError(f"pattern {pattern!r}: only the named group 'subject' is allowed, not {extra}")
        return value

    @model_validator(mode="after")
    def _fields_consistent(self) -> DocTypeSpec:
        seen: dict[str, str] = {}
        for spec in self.fields:
            for spelling in spec.spellings:
                if spelling in seen:
                    raise ValueError(f"label {spelling!r} belongs to both {seen[spelling]!r} and {spec.label!r}")
                seen[spelling] = spec.label
        return self

    def field(self, label: str) -> FieldSpec | None:
        for spec in self.fields:
            if label in spec.spellings:
                return spec
        return None

    @property
    def required_labels(self) -> list[str]:
        return [f.label for f in self.fields if f.required]


class DocTypeCatalog(_Model):
    version: int
    doc_types: dict[str, DocTypeSpec]

    @model_validator(mode="before")
    @classmethod
    def _fill_keys_and_sources(cls, data: object) -> object:
        # The key and the default field source live outside each entry in YAML; copy them in before validation.
        if isinstance(data, dict) and isinstance(data.get("doc_types"), dict):
            filled: dict[str, object] = {}
            for key, entry in data["doc_types"].items():
                if isinstance(entry, dict):
                    entry = {**entry, "key": key}
                    source = entry.get("source", "")
                    fields = entry.get("fields") or []
                    entry["fields"] = [
                        {**f, "source": f.get("source") or source} if isinstance(f, dict) else f for f in fields
                    ]
                filled[key] = entry
            data = {**data, "doc_types": filled}
        return data

    @model_validator(mode="after")
    def _check_catalogue(self) -> DocTypeCatalog:
        if not self.doc_types:
            raise ValueError("no document types")
        for key, spec in self.doc_types.items():
            if not _KEY.match(key):
                raise ValueError(f"doc type key {key!r} is not snake_case")
            if key == "unknown":
                raise ValueError("'unknown' is reserved for unclassified documents")
            for other in spec.contrast:
                if other not in self.doc_types or other == key:
                    raise ValueError(f"{key}: contrast type {other!r} is unknown")
        return self

    def get(self, key: str) -> DocTypeSpec | None:
        return self.doc_types.get(key)

    def keys(self) -> list[str]:
        return list(self.doc_types)

    def keys_for_name(self, name_zh: str) -> list[str]:
        """Doc type keys for a Chinese document name as rules write it ("受案登记表", "传唤证", "呈请拘留报告书")."""
        name = normalize_title(name_zh)
        exact = [
            key
            for key, spec in self.doc_types.items()
            if name in {normalize_title(n) for n in (spec.name_zh, *spec.aliases_zh)}
        ]
        if exact:
            return exact
        return [
            key
            for key, spec in self.doc_types.items()
            if any(re.search(p, name) for p in spec.title_patterns)
            and not any(re.search(p, name) for p in spec.negative_patterns)
        ]


def load_specs(path: Path | None = None) -> DocTypeCatalog:
    """The validated catalogue (cached per path)."""
    return _load(str(path or SPEC_PATH))


@lru_cache(maxsize=8)
def _load(path: str) -> DocTypeCatalog:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ~10x faster where libyaml exists
    with open(path, encoding="utf-8") as handle:
        raw = yaml.load(handle, Loader=loader)  # a safe loader: plain data only
    return DocTypeCatalog.model_validate(raw)


def get_spec(doc_type: str) -> DocTypeSpec | None:
    return load_specs().get(doc_type)
