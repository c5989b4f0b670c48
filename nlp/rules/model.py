"""The validated shape of a rule, as written in the YAML rule files."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from nlp.labels import Category, Gate, Severity
from nlp.schema import LegalBasis


class ExampleDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str  # a file name; its suffix picks the parser (examples are .txt)
    text: str


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = ""
    documents: list[ExampleDocument] = Field(min_length=1)


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid")

    positive: list[Example] = Field(min_length=2)  # the rule must fire on each
    negative: list[Example] = Field(min_length=2)  # the rule must stay silent on each


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[A-Z]{2,4}(-[A-Z]{2})?-\d{2}(-\d)?$")
    catalog: str | None = None  # the id in ../shared/docs/RULES.md this rule implements
    version: int = 1
    title_zh: str
    category: Category
    gates: list[Gate] = Field(min_length=1)
    severity: Severity
    case_type: Literal["criminal", "administrative", "both"] = "both"
    check: str
    params: dict[str, Any] = Field(default_factory=dict)
    message: str  # a Chinese template; {placeholders} are filled by the check
    legal_basis: list[LegalBasis] = Field(min_length=1)
    examples: Examples
    enabled: bool = True

    @field_validator("legal_basis")
    @classmethod
    def _quotes_present(cls, value: list[LegalBasis]) -> list[LegalBasis]:
        for basis in value:
            if not basis.quote.strip():
                raise ValueError(f"legal basis {basis.law} {basis.article} has no quote")
        return value

    @property
    def gate(self) -> Gate:
        return self.gates[0]


class RuleFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pack: str
    title_zh: str
    rules: list[Rule]
