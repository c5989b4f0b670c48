"""Review settings. Provincial amount standards differ, so they are configuration with documented defaults."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ReviewSettings(BaseSettings):
    """Read from ``JUANSHEN_*`` environment variables; the API and CLI pass overrides explicitly."""

    model_config = SettingsConfigDict(env_prefix="JUANSHEN_", extra="ignore")

    # 两高盗窃解释 第一条: 数额较大 is 1000–3000元 as each province sets it. The default is the top of the range, so
    # a flag holds in every province; set your province's figure (e.g. 2000) to screen more tightly.
    theft_threshold_yuan: Decimal = Field(default=Decimal(3000), gt=0)
    # 两高诈骗解释 第一条: 数额较大 is 3000–10000元 as each province sets it; same reasoning.
    fraud_threshold_yuan: Decimal = Field(default=Decimal(10000), gt=0)
    # Upload and archive limits (also used by the CLI for zips).
    max_file_bytes: int = 100 * 1024 * 1024
    max_case_bytes: int = 500 * 1024 * 1024
