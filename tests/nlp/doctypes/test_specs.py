"""The document-type catalogue (doctypes.yaml): it validates, is complete, and its sources check out."""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from nlp.doctypes.classify import classify
from nlp.doctypes.specs import SPEC_PATH, DocTypeCatalog, FieldKind, get_spec, load_specs

REPO = Path(__file__).resolve().parents[3]


SHARED_DATA = REPO.parent / "shared" / "data"
POLICE_FORMS = SHARED_DATA / "police_forms"
needs_police_forms = pytest.mark.skipif(
    not (POLICE_FORMS / "index.json").is_file(),
    reason=f"{POLICE_FORMS} is absent (the shared data folder is not checked out beside the repository)",
)

# The 23 skeletons, then the other types the reviewer must know, then keys other modules already use.
REQUIRED_KEYS = [
    "case_acceptance_register",
    "case_filing_decision",
    "detention_warrant",
    "compelled_appearance_warrant",
    "criminal_summons",
    "administrative_summons",
    "arrest_warrant",
    "custody_period_change_notice",
    "detention_extension_notice",
    "release_notice",
    "bail_decision",
    "bail_release_decision",
    "residential_surveillance_decision",
    "residential_surveillance_release_decision",
    "seizure_decision",
    "evidence_preservation_decision",
    "case_solved_register",
    "case_closing_approval",
    "prosecution_recommendation",
    "arrest_request",
    "administrative_penalty_decision",
    "compulsory_isolation_rehab_decision",
    "community_rehab_order",
    "interview_record",
    "interrogation_record",
    "penalty_notice_record",
    "case_acceptance_receipt",
    "service_receipt",
    "request_report",
    "expert_opinion",
    "expert_opinion_notice",
    "seizure_list",
    "detention_notice",
    "arrest_notice",
    "non_filing_notice",
    "report_record",
    "price_assessment",
    "scene_inspection_record",
    "identification_record",
    "on_the_spot_penalty_decision",
    "mediation_agreement",
    "arrival_account",
    "household_registration",
]


@lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    with open(SPEC_PATH, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def raw_yaml() -> dict[str, Any]:
    return copy.deepcopy(_raw())


def test_catalogue_validates() -> None:
    catalog = DocTypeCatalog.model_validate(raw_yaml())
    assert catalog == load_specs()
    assert load_specs() is load_specs()  # cached


def test_required_types_present() -> None:
    missing = [key for key in REQUIRED_KEYS if key not in load_specs().doc_types]
    assert missing == []


@pytest.mark.parametrize("key", load_specs().keys())
def test_every_type_is_complete(key: str) -> None:
    spec = load_specs().doc_types[key]
    assert spec.key == key
    assert re.search(r"[\u4e00-\u9fff]", spec.name_zh)
    assert len(spec.title_patterns) >= 1
    assert spec.case_type in ("criminal", "administrative", "both")
    assert spec.source
    assert spec.body_markers, "markers settle look-alikes and untitled documents"
    for field in spec.fields:
        assert field.source, f"{key}.{field.label} has no source"
        if field.kind is FieldKind.CHECKBOX:
            assert field.options
    assert get_spec(key) is spec


@pytest.mark.parametrize("key", load_specs().keys())
def test_every_name_classifies_to_its_type(key: str) -> None:
    spec = load_specs().doc_types[key]
    # A generic name (呈请报告书, 审批表) is not itself a title; its first alias is.
    generic = any("(?P<subject>" in p for p in spec.title_patterns)
    name = spec.aliases_zh[0] if generic else spec.name_zh
    assert classify(f"{name}\n").doc_type == key


def test_keys_for_name() -> None:
    catalog = load_specs()
    assert catalog.keys_for_name("受案登记表") == ["case_acceptance_register"]
    assert catalog.keys_for_name("传唤证") == ["criminal_summons", "administrative_summons"]
    assert catalog.keys_for_name("报案笔录") == ["report_record"]
    assert catalog.keys_for_name("接受案件笔录") == ["report_record"]
    assert catalog.keys_for_name("呈请取保候审报告书") == ["request_report"]
    assert catalog.keys_for_name("呈请没收保证金报告书") == ["request_report"]  # by its title pattern
    assert catalog.keys_for_name("常住人口信息") == ["household_registration"]
    assert catalog.keys_for_name("不存在的文书") == []


def test_required_labels() -> None:
    spec = load_specs().doc_types["case_acceptance_register"]
    for label in ("案件来源", "接报民警", "接报时间", "接报地点", "简要案情", "受案意见", "受案民警", "受案部门负责人"):
        assert label in spec.required_labels
    assert spec.field("报案记录") is spec.field("简要案情")
    interrogation = load_specs().doc_types["interrogation_record"]
    assert {"时间", "地点", "讯问人", "记录人", "被讯问人"} <= set(interrogation.required_labels)


# --- the schema rejects broken entries ------------------------------------------------------------------------


def _with(change: dict[str, Any], key: str = "case_acceptance_register") -> dict[str, Any]:
    data = raw_yaml()
    data["doc_types"][key].update(change)
    return data


BROKEN = [
    ("bad regex", _with({"title_patterns": ["^受案(登记表$"]})),
    ("no title pattern", _with({"title_patterns": []})),
    ("foreign named group", _with({"title_patterns": ["^(?P<kind>受案)登记表$"]})),
    ("no Chinese name", _with({"name_zh": "register"})),
    ("unknown case type", _with({"case_type": "civil"})),
    ("unknown contrast", _with({"contrast": ["no_such_type"]})),
    ("unknown key", _with({"colour": "red"})),
    ("duplicate label", _with({"fields": [{"label": "接报时间"}, {"label": "报案时间", "aliases": ["接报时间"]}]})),
    ("options on a text field", _with({"fields": [{"label": "案件来源", "options": ["报案"]}]})),
    ("required group", _with({"fields": [{"label": "报案人", "kind": "group", "required": True}]})),
    ("capturing field pattern", _with({"fields": [{"label": "简要案情", "patterns": ["简要(案情)"]}]})),
    ("label with a space", _with({"fields": [{"label": "接报 时间"}]})),
    ("unknown field kind", _with({"fields": [{"label": "接报时间", "kind": "number"}]})),
]


@pytest.mark.parametrize("data", [b[1] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_broken_entries_are_rejected(data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        DocTypeCatalog.model_validate(data)


def test_bad_keys_are_rejected() -> None:
    for bad in ("CaseRegister", "unknown", "case-register"):
        data = raw_yaml()
        data["doc_types"][bad] = data["doc_types"]["case_acceptance_register"]
        with pytest.raises(ValidationError):
            DocTypeCatalog.model_validate(data)


def test_load_specs_from_another_path(tmp_path: Path) -> None:
    path = tmp_path / "one.yaml"
    path.write_text(
        "version: 1\ndoc_types:\n  demo:\n    name_zh: 演示文书\n    case_type: both\n    source: test\n"
        "    title_patterns: ['^演示文书$']\n",
        encoding="utf-8",
    )
    catalog = load_specs(path)
    assert catalog.keys() == ["demo"]
    assert catalog.doc_types["demo"].fields == ()


# --- sources in ../shared/data/police_forms ---------------------------------------------------------------------


def _skeleton(source: str) -> Path:
    return SHARED_DATA / source.split()[0]


@pytest.mark.shared
@needs_police_forms
def test_every_skeleton_is_the_source_of_a_type() -> None:
    sources = {_skeleton(s.source).name for s in load_specs().doc_types.values() if s.source.startswith("police_")}
    assert sources == {p.name for p in POLICE_FORMS.glob("*.txt")}


@pytest.mark.shared
@needs_police_forms
@pytest.mark.parametrize("key", load_specs().keys())
def test_skeleton_field_labels_are_printed_in_the_skeleton(key: str) -> None:
    for field in load_specs().doc_types[key].fields:
        if not field.source.startswith("police_forms/"):
            continue
        path = _skeleton(field.source)
        assert path.is_file(), field.source
        flat = "".join(path.read_text(encoding="utf-8").split())  # vertical labels (承\n办\n人) read flat
        found = any(s in flat for s in field.spellings) or any(re.search(p, flat) for p in field.patterns)
        assert found, f"{key}.{field.label} is not in {path.name}"
