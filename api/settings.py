from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class ApiSettings(BaseSettings):
    """Service limits, from ``JUANSHEN_API_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="JUANSHEN_API_", extra="ignore")

    max_file_bytes: int = 100 * 1024 * 1024  # one uploaded file
    max_upload_bytes: int = 300 * 1024 * 1024  # one request, all files together
    max_files: int = 500
