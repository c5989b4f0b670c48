"""Administrative papers as the generator writes them must show what the gold says, and nothing it does not: a
witness questioned while the suspect is held under a 传唤 is not the 被传唤人 (a witness on the 传唤证 reads as a
second suspect and hides AD-15, ACC-11 …), and a raised theft amount is gold wherever the decision writes it."""

from __future__ import annotations

import random
import re
from datetime import timedelta

from corpora.generator.corpus import CorpusConfig, generate_case
from corpora.generator.defects import CATALOGUE, docs_of, tagged
from corpora.generator.documents import build_documents
from corpora.generator.model import CaseFacts
from corpora.generator.scenarios import generate_facts


def _facts_with_witness_and_summons() -> CaseFacts:
    """An administrative case whose suspect came under a written 传唤 and whose file questions a witness too."""
    for index in range(60):
        facts = generate_facts("assault_admin", random.Random(f"side-effects-{index}"), f"S5803-{index:05d}")
        windows, issued = facts.extras.get("summons_windows"), facts.extras.get("summons_issued")
        witnesses = {p.name for p in facts.witnesses}
        if (
            windows
            and issued
            and issued[0] is not None
            and any(s.kind == "inquiry" and s.person.name in witnesses for s in facts.sessions)
        ):
            return facts
    raise AssertionError("no administrative case with a 传唤证 and a witness")


def test_witness_questioned_in_the_summons_window_is_not_summoned() -> None:
    facts = _facts_with_witness_and_summons()
    arrived, ended = facts.extras["summons_windows"][0]
    suspect = facts.suspects[0].name
    witnesses = {p.name for p in facts.witnesses}
    witness = next(s for s in facts.sessions if s.kind == "inquiry" and s.person.name in witnesses)
    # the witness is heard first, while the suspect waits at the station under the 传唤
    length = witness.end - witness.start
    witness.start = arrived + timedelta(minutes=5)
    witness.end = witness.start + length
    ended = max(ended, witness.end + timedelta(hours=1))
    facts.extras["summons_windows"][0] = (arrived, ended)
    for s in facts.sessions:
        if s.kind == "inquiry" and s.person.name == suspect:
            s.start, s.end = witness.end + timedelta(minutes=10), witness.end + timedelta(minutes=50)
    facts.sessions.sort(key=lambda s: s.start)
    docs = build_documents(facts, random.Random(1))
    summons = [d for d in docs if d.doc_type == "administrative_summons"]
    assert summons
    for doc in summons:
        named = set(re.findall(r"被传唤人[：:]\s*([\u4e00-\u9fa5·]+)", doc.text()))
        assert named == {suspect}, doc.text()


def test_raised_theft_amount_is_gold_in_every_mention_of_the_decision() -> None:
    cfg = CorpusConfig(seed=5802, clean_share=1.0, hard_negative_share=0.0, case_types=["theft_admin"])
    case = next(
        c
        for c in (generate_case(cfg, i) for i in range(60))
        if len(tagged(c, "amount", "administrative_penalty_decision")) >= 2
    )
    planted = CATALOGUE["theft_over_threshold"].apply(case, random.Random(3))
    assert planted is not None
    decision = docs_of(case, "administrative_penalty_decision")[0]
    mentions = [s for _, s in tagged(case, "amount", "administrative_penalty_decision")]
    assert planted.doc is decision
    # 现金人民币X元盗走 and 被盗物品价值人民币X元 both state the raised amount: a finding at either is right
    assert [id(s) for s in planted.evidence] == [id(s) for s in mentions]
