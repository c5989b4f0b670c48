"""POST /v1/reviews: upload a case file (files and/or zips), get the report."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, HTTPException, Query, UploadFile, status
from fastapi.concurrency import run_in_threadpool

from api.deps import ReviewerDep, SettingsDep
from nlp.report import Report, build_report
from nlp.rules.campaigns import UnknownCampaignError, get_campaign

router = APIRouter(prefix="/v1", tags=["reviews"])

_CHUNK = 1024 * 1024


@router.post(
    "/reviews",
    response_model=Report,
    summary="审查一个案卷",
    description="以 multipart/form-data 上传案卷的全部文件（.docx / .pdf / .txt，或一个/多个 zip 压缩包），"
    "返回审查报告。无法读取的文件列入 errors，其余文件照常审查。",
    responses={
        400: {"description": "没有上传文件"},
        413: {"description": "文件或请求过大"},
    },
)
async def create_review(
    reviewer: ReviewerDep,
    settings: SettingsDep,
    files: Annotated[list[UploadFile], File(description="案卷文件，可多个")],
    case_id: Annotated[str, Query(max_length=200, description="案卷编号或名称，原样写入报告")] = "upload",
    entities: Annotated[bool, Query(description="报告中附带每份文书的实体")] = False,
    campaign: Annotated[
        str | None, Query(max_length=100, description="只运行某个专项规则集（GET /v1/campaigns 列出名称）")
    ] = None,
) -> Report:
    if campaign:
        try:
            get_campaign(campaign)
        except UnknownCampaignError as exc:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None
    if not files:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "没有上传文件")
    if len(files) > settings.max_files:
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, f"一次最多上传 {settings.max_files} 个文件")
    items: list[tuple[str, bytes]] = []
    total = 0
    for upload in files:
        name = upload.filename or "未命名文件"
        data = bytearray()
        while chunk := await upload.read(_CHUNK):
            data.extend(chunk)
            total += len(chunk)
            if len(data) > settings.max_file_bytes:
                raise HTTPException(
                    status.HTTP_413_CONTENT_TOO_LARGE,
                    f"文件“{name}”超过单个文件上限 {settings.max_file_bytes // (1024 * 1024)} MB",
                )
            if total > settings.max_upload_bytes:
                raise HTTPException(
                    status.HTTP_413_CONTENT_TOO_LARGE,
                    f"上传总量超过上限 {settings.max_upload_bytes // (1024 * 1024)} MB",
                )
        items.append((name, bytes(data)))
    case = await run_in_threadpool(reviewer.review_uploads, items, case_id, campaign)
    return build_report(case, include_entities=entities)
