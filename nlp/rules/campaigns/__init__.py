"""Campaign rule sets (专项整治规则集): named subsets of the rules, chosen per review or batch.

The sets are data (campaigns.yaml): fnmatch patterns over rule ids and catalog ids, so a rule added later joins the
sets its id falls in without editing this file.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from nlp.rules.model import Rule

CAMPAIGNS_FILE = Path(__file__).with_name("campaigns.yaml")


class Campaign(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    description: str
    include: list[str] = Field(min_length=1)
    exclude: list[str] = Field(default_factory=list)

    def selects(self, rule: Rule) -> bool:
        keys = [rule.id] + ([rule.catalog] if rule.catalog else [])

        def hit(patterns: list[str]) -> bool:
            return any(fnmatchcase(k, p) for k in keys for p in patterns)

        return hit(self.include) and not hit(self.exclude)


class UnknownCampaignError(ValueError):
    pass


class _CampaignFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    campaigns: list[Campaign]


@cache
def load_campaigns(path: Path = CAMPAIGNS_FILE) -> dict[str, Campaign]:
    parsed = _CampaignFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    out: dict[str, Campaign] = {}
    for campaign in parsed.campaigns:
        if campaign.name in out:
            raise ValueError(f"{path.name}: campaign {campaign.name} is defined twice")
        out[campaign.name] = campaign
    return out


def get_campaign(name: str) -> Campaign:
    campaigns = load_campaigns()
    if name not in campaigns:
        raise UnknownCampaignError(f"未知的规则集“{name}”。可选：{'、'.join(campaigns)}")
    return campaigns[name]


def select_rules(rules: list[Rule], campaign: str | None) -> list[Rule]:
    """The rules of a campaign, in catalogue order; all rules when no campaign is named."""
    if not campaign:
        return list(rules)
    chosen = get_campaign(campaign)
    return [r for r in rules if chosen.selects(r)]
