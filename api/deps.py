from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.settings import ApiSettings
from nlp.reviewer import Reviewer


def get_reviewer(request: Request) -> Reviewer:
    reviewer: Reviewer = request.app.state.reviewer
    return reviewer


def get_settings(request: Request) -> ApiSettings:
    settings: ApiSettings = request.app.state.settings
    return settings


ReviewerDep = Annotated[Reviewer, Depends(get_reviewer)]
SettingsDep = Annotated[ApiSettings, Depends(get_settings)]
