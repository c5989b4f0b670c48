"""The FastAPI app. One Reviewer is loaded at start-up and shared by all requests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api.routes import catalog, reviews
from api.settings import ApiSettings
from nlp import __version__
from nlp.reviewer import Reviewer


def create_app(settings: ApiSettings | None = None, reviewer: Reviewer | None = None) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings or ApiSettings()
        app.state.reviewer = reviewer or Reviewer()
        yield

    app = FastAPI(
        title="卷审 JuanShen",
        version=__version__,
        description="公安案卷智能预审：上传案卷，返回按六关归类、附法律依据与原文证据的审查发现。",
        lifespan=lifespan,
    )
    app.include_router(reviews.router)
    app.include_router(catalog.router)

    @app.get("/health", tags=["service"], summary="服务状态")
    def health() -> dict[str, object]:
        ready = hasattr(app.state, "reviewer")
        versions = app.state.reviewer.versions() if ready else {}
        return {"status": "ok" if ready else "starting", "versions": versions}

    return app


app = create_app()
