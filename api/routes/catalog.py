"""GET /v1/rules (the rule catalog with legal basis), GET /v1/campaigns (campaign rule sets) and
GET /v1/statutes/{law}/{article} (statute text)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, status
from pydantic import BaseModel

from api.deps import ReviewerDep
from nlp.labels import Category, Gate, Severity
from nlp.rules.campaigns import UnknownCampaignError, load_campaigns, select_rules
from nlp.schema import LegalBasis

router = APIRouter(prefix="/v1", tags=["catalog"])


class RulePublic(BaseModel):
    id: str
    catalog: str | None
    version: int
    title_zh: str
    category: Category
    gates: list[Gate]
    severity: Severity
    case_type: str
    check: str
    params: dict[str, Any]
    legal_basis: list[LegalBasis]


@router.get("/rules", response_model=list[RulePublic], summary="审查规则目录（含法律依据）")
def list_rules(
    reviewer: ReviewerDep,
    campaign: Annotated[str | None, Query(max_length=100, description="只列出某个专项规则集的规则")] = None,
) -> list[RulePublic]:
    try:
        chosen = select_rules(reviewer.rules, campaign)
    except UnknownCampaignError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None
    return [RulePublic.model_validate(r.model_dump(exclude={"examples", "message", "enabled"})) for r in chosen]


class CampaignPublic(BaseModel):
    name: str
    description: str
    rules: list[str]  # the rule ids the set runs now


@router.get("/campaigns", response_model=list[CampaignPublic], summary="专项规则集")
def list_campaigns(reviewer: ReviewerDep) -> list[CampaignPublic]:
    return [
        CampaignPublic(
            name=c.name, description=c.description, rules=[r.id for r in select_rules(reviewer.rules, c.name)]
        )
        for c in load_campaigns().values()
    ]


class ArticlePublic(BaseModel):
    law: str
    version: str
    article: str
    text: str


@router.get(
    "/statutes/{law}/{article}",
    response_model=ArticlePublic,
    summary="法条原文",
    description="law 可写全称或简称（如 治安管理处罚法）；"
    "article 可写 264、第264条、第二百六十四条、第一百三十三条之一。不指定 date 时返回现行版本。",
)
def get_statute(
    reviewer: ReviewerDep,
    law: str,
    article: str,
    date: str | None = Query(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="按该日有效的版本"),
) -> ArticlePublic:
    from datetime import date as Date

    from nlp.extractors.numerals import cn_to_int

    db = reviewer.statutes
    canonical = db.resolve_law(law)
    if canonical is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"未收录的法律：{law}")
    raw = article.removeprefix("第")
    suffix = None
    for s in ("之一", "之二", "之三", "之四", "之五"):
        if raw.endswith(s):
            raw, suffix = raw[: -len(s)], s
    raw = raw.removesuffix("条")
    number = int(raw) if raw.isdigit() else cn_to_int(raw)
    if number is None:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, f"无法识别的条文序号：{article}")
    version = None
    if date:
        in_force = db.version_in_force(canonical, Date.fromisoformat(date))
        if in_force is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"{date} 时《{canonical}》尚未施行")
        version = in_force.label
    found = db.article(canonical, number, suffix=suffix, version=version)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"《{canonical}》没有{article}")
    return ArticlePublic(law=canonical, version=found.version, article=found.article_no, text=found.text)
