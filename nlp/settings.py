"""Review settings. Provincial amount standards differ, so they are configuration with documented defaults."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"


class ReviewSettings(BaseSettings):
    """Read from ``JUANSHEN_*`` environment variables; the API and CLI pass overrides explicitly."""

    model_config = SettingsConfigDict(env_prefix="JUANSHEN_", extra="ignore")

    # 两高盗窃解释 第一条: 数额较大 is 1000–3000元 as each province sets it. The default is the top of the range, so
    # a flag holds in every province; set your province's figure (e.g. 2000) to screen more tightly.
    theft_threshold_yuan: Decimal = Field(default=Decimal(3000), gt=0)
    # 两高诈骗解释 第一条: 数额较大 is 3000–10000元 as each province sets it; same reasoning.
    fraud_threshold_yuan: Decimal = Field(default=Decimal(10000), gt=0)
    # 两高抢夺解释 第一条: 1000–3000元; 两高敲诈勒索解释 第一条: 2000–5000元 — each the top of its range, as above.
    snatch_threshold_yuan: Decimal = Field(default=Decimal(3000), gt=0)
    extortion_threshold_yuan: Decimal = Field(default=Decimal(5000), gt=0)
    # 立案追诉标准（一）第三十三条 (故意毁坏财物): 造成公私财物损失五千元以上 — national, not provincial.
    property_damage_threshold_yuan: Decimal = Field(default=Decimal(5000), gt=0)
    # Upload and archive limits (also used by the CLI for zips).
    max_file_bytes: int = 100 * 1024 * 1024
    max_case_bytes: int = 500 * 1024 * 1024
    # A finding whose evidence lies on OCR text read with a lower mean line confidence is lowered one severity step
    # and says so (nlp.reviewer.flag_low_confidence).
    ocr_low_confidence: float = Field(default=0.85, ge=0, le=1)
    # Trained NER (issue #4): the committed artifact <ner_model_dir>/juanshen_ner-<ner_model_version> (models/ner).
    ner_enabled: bool = True
    ner_model_dir: Path = MODELS_DIR / "ner" / "packages"
    ner_model_version: str = "0.2.0"
    # "auto": the spaCy case layer for the review, the character BERT (nlp/ner/transformer_backend.py, [transformers]
    # extra) for CAIL-label extraction when installed (nlp/ner/select.py says why); "spacy" or "transformers" force
    # one. The BERT's artifact is read from ner_transformer_dir.
    ner_backend: str = "auto"
    ner_transformer_dir: Path = MODELS_DIR / "ner_transformer" / "package"
    # Packaged classifiers (models/*/README.md); a missing file disables what needs it, with a log line.
    charge_model_path: Path = MODELS_DIR / "charge" / "charge_model.npz"
    doctype_model_path: Path = MODELS_DIR / "doctype" / "doctype_model.npz"
