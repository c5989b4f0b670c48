"""The bundled statute database: loads from package data alone, and its texts, versions, aliases and maps are right."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from nlp.statutes.db import DATA_DIR, StatuteDB, normalize_quote, split_paragraphs

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO / ".." / "shared"
SHARED_STATUTES = SHARED / "data" / "statutes"
needs_shared = pytest.mark.skipif(
    not (SHARED_STATUTES / "index.json").is_file(),
    reason=f"{SHARED_STATUTES} is absent: the bundled data cannot be compared with a fresh build from ../shared",
)

PSAPL = "中华人民共和国治安管理处罚法"
CL = "中华人民共和国刑法"
CPL = "中华人民共和国刑事诉讼法"


@pytest.fixture(scope="module")
def db() -> StatuteDB:
    return StatuteDB.load()


# --- loading ----------------------------------------------------------------------------------------------------


def test_loads_from_package_data_only(db: StatuteDB) -> None:
    assert DATA_DIR.is_relative_to(REPO / "nlp" / "statutes")
    for name in ("articles.jsonl", "texts.jsonl", "laws.yaml", "psapl_map.csv", "SOURCES.md"):
        assert (DATA_DIR / name).is_file(), name
    assert StatuteDB.load() is db  # cached
    fresh = StatuteDB.load(DATA_DIR.parent / "data")
    assert len(fresh.laws()) == len(db.laws())


def test_bundle_is_small() -> None:
    size = sum(p.stat().st_size for p in DATA_DIR.rglob("*") if p.is_file())
    assert size < 5 * 1024 * 1024


def test_every_law_has_articles_or_clauses(db: StatuteDB) -> None:
    assert len(db.laws()) == 26
    for law in db.laws():
        assert law.versions, law.name
        for version in law.versions:
            if law.structure == "articles":
                arts = db.articles(law.name, version.label)
                assert arts, f"{law.name} {version.label} has no articles"
                numbers = sorted({a.number for a in arts})
                assert numbers == list(range(1, numbers[-1] + 1)), f"{law.name}: gaps in numbering"
                assert all(a.paragraphs and a.text for a in arts)
            else:
                assert db.blocks(law.name, version.label, kind="clause"), law.name
            assert version.source_repo and version.source_path


def test_addendum_texts_are_bundled(db: StatuteDB) -> None:
    counts = {
        "中华人民共和国禁毒法": 71,
        "中华人民共和国行政复议法": 90,
        "中华人民共和国行政诉讼法": 103,
        "中华人民共和国未成年人保护法": 132,
        "中华人民共和国居民身份证法": 23,
        "最高人民法院关于审理毒品犯罪案件适用法律若干问题的解释": 14,
        "最高人民法院、最高人民检察院关于办理寻衅滋事刑事案件适用法律若干问题的解释": 8,
        "最高人民法院、最高人民检察院关于办理抢夺刑事案件适用法律若干问题的解释": 7,
        "最高人民法院、最高人民检察院关于办理敲诈勒索刑事案件适用法律若干问题的解释": 9,
        "最高人民法院、最高人民检察院关于办理赌博刑事案件具体应用法律若干问题的解释": 9,
    }
    for law, count in counts.items():
        assert len(db.articles(law)) == count, law
    assert db.clause("人体损伤程度鉴定标准", "5.1.4").label.endswith("5.1.4 轻伤二级")
    assert db.clause("人体损伤程度鉴定标准", "6.12").text == "本标准幼女或者儿童是指年龄不满14周岁的个体。"
    assert db.clause("人体损伤程度鉴定标准", "9.9") is None


# --- articles -----------------------------------------------------------------------------------------------------


def test_psapl_versions_have_119_and_144_articles(db: StatuteDB) -> None:
    assert len(db.articles(PSAPL, "2012")) == 119
    assert len(db.articles(PSAPL, "2025")) == 144
    assert [v.label for v in db.versions(PSAPL)] == ["2012", "2025"]
    assert db.article(PSAPL, 144, version="2025").text == "本法自2026年1月1日起施行。"
    assert db.article(PSAPL, 120, version="2012") is None
    assert db.article(PSAPL, 144).version == "2025"  # no version: the latest


def test_criminal_law_articles_and_suffixes(db: StatuteDB) -> None:
    assert db.exists(CL, 264)
    assert not db.exists(CL, 264, "之一")
    assert db.exists(CL, 133, "之一")
    assert db.exists(CL, 133, "一")  # suffix without 之
    assert not db.exists(CL, 453)
    art = db.article(CL, 133, "之一")
    assert art is not None
    assert (art.article_no, art.number, art.suffix) == ("第一百三十三条之一", 133, "之一")
    assert art.chapter == "第二章 危害公共安全罪"
    assert db.article(CL, 264).article_no == "第二百六十四条"
    assert db.article("不存在的法", 1) is None


def test_paragraphs_and_items(db: StatuteDB) -> None:
    art = db.article(CL, 133, "之一")
    assert len(art.paragraphs) == 3
    assert art.paragraphs[1].startswith("机动车所有人、管理人对前款第三项、第四项行为负有直接责任的")
    assert len(art.items(1)) == 4 and art.items(2) == []
    assert db.exists(CL, 133, "之一", paragraph=3)
    assert not db.exists(CL, 133, "之一", paragraph=4)
    assert db.exists(CPL, 82, item=7)
    assert not db.exists(CPL, 82, item=8)
    assert db.exists(PSAPL, 23, paragraph=1, item=2, version="2012")
    assert not db.exists(PSAPL, 23, paragraph=2, item=1, version="2012")
    assert db.versions_with(PSAPL, 43, paragraph=1) == ["2012", "2025"]
    assert db.versions_with(PSAPL, 140) == ["2025"]
    assert split_paragraphs("甲：\n（一）乙；\n（二）丙。\n丁。") == ["甲：\n（一）乙；\n（二）丙。", "丁。"]


def test_heading_wrapped_onto_two_lines_is_joined(db: StatuteDB) -> None:
    art = db.article(CPL, 298)
    assert art.chapter == "第四章 犯罪嫌疑人、被告人逃匿、死亡案件违法所得的没收程序"
    assert "附则" not in db.article(CPL, 307).text
    assert "惩治军人违反职责罪暂行条例" not in db.article(CL, 452).text  # 附件一 is a separate block
    assert [b.label for b in db.blocks(CL, kind="appendix")] == ["附件一", "附件二"]


# --- versions -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("law", "day", "label"),
    [
        ("治安管理处罚法", date(2025, 12, 31), "2012"),
        ("治安管理处罚法", date(2026, 1, 1), "2025"),
        ("治安管理处罚法", date(2006, 3, 1), "2012"),
        ("治安管理处罚法", date(2006, 2, 28), None),
        ("刑事诉讼法", date(2018, 10, 26), "2018"),
        ("刑事诉讼法", date(2017, 6, 1), None),  # 2012 numbering: not bundled
        ("刑法", date(2024, 5, 1), "2023"),
        ("公安机关办理行政案件程序规定", date(2000, 1, 1), "2018"),  # unknown dates: treated as in force
        ("未知法", date(2024, 5, 1), None),
    ],
)
def test_version_in_force(db: StatuteDB, law: str, day: date, label: str | None) -> None:
    found = db.version_in_force(law, day)
    assert (found.label if found else None) == label


def test_version_dates(db: StatuteDB) -> None:
    v2012, v2025 = db.versions(PSAPL)
    assert (v2012.effective_from, v2012.effective_to) == (date(2006, 3, 1), date(2025, 12, 31))
    assert (v2025.effective_from, v2025.effective_to) == (date(2026, 1, 1), None)
    unknown = db.version("公安机关办理行政案件程序规定")
    assert unknown.effective_from is None and "UNKNOWN" in unknown.dates_basis
    for law in db.laws():
        for v in law.versions:
            assert v.dates_basis, f"{law.name} {v.label}: no basis for its dates"


# --- aliases ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("《中华人民共和国治安管理处罚法》", PSAPL),
        ("《治安管理处罚法》", PSAPL),
        ("治安管理处罚法", PSAPL),
        ("《中华人民共和国治安管理处罚法》（2012年修正）", PSAPL),
        ("刑法", CL),
        ("《刑法》", CL),
        ("中华人民共和国刑法", CL),
        ("刑事诉讼法", CPL),
        ("刑诉法", CPL),
        ("《公安机关办理刑事案件程序规定》", "公安机关办理刑事案件程序规定"),
        ("公安机关办理行政案件程序规定", "公安机关办理行政案件程序规定"),
        ("行政处罚法", "中华人民共和国行政处罚法"),
        ("《行政强制法》", "中华人民共和国行政强制法"),
        ("人民警察法", "中华人民共和国人民警察法"),
        ("看守所条例", "中华人民共和国看守所条例"),
        ("两高盗窃解释", "最高人民法院、最高人民检察院关于办理盗窃刑事案件适用法律若干问题的解释"),
        (
            "《最高人民法院、最高人民检察院关于办理盗窃刑事案件适用法律若干问题的解释》",
            "最高人民法院、最高人民检察院关于办理盗窃刑事案件适用法律若干问题的解释",
        ),
        (
            "关于办理诈骗刑事案件具体应用法律若干问题的解释",
            "最高人民法院、最高人民检察院关于办理诈骗刑事案件具体应用法律若干问题的解释",
        ),
        (
            "《最高人民法院关于适用〈中华人民共和国刑事诉讼法〉的解释》",
            "最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释",
        ),
        ("《程序规定》", None),
        ("司法解释", None),
        ("本法", None),
        ("《中华人民共和国道路交通安全法》", None),
        ("", None),
    ],
)
def test_resolve_law(db: StatuteDB, written: str, canonical: str | None) -> None:
    assert db.resolve_law(written) == canonical


def test_every_alias_resolves_to_its_own_law(db: StatuteDB) -> None:
    for law in db.laws():
        for name in (law.name, law.short, *law.aliases):
            assert db.resolve_law(name) == law.name, name


# --- quotes -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("law", "quote", "found"),
    [
        ("刑事诉讼法", "讯问的时候，侦查人员不得少于二人。", True),
        ("刑事诉讼法", "讯问的时候，侦查人员不得少于三人。", False),
        ("刑事诉讼法", "讯问的时候， 侦查人员\n不得少于二人", True),  # whitespace
        ("治安管理处罚法", "询问查证的时间不得超过八小时", True),
        ("刑法", "盗窃公私财物，数额较大的，或者多次盗窃、入户盗窃、携带凶器盗窃、扒窃的", True),
        ("刑法", "盗窃公私财物，数额较小的", False),
        ("两高盗窃解释", '应当分别认定为刑法第二百六十四条规定的"数额较大"、"数额巨大"', True),  # ASCII quotes
        ("两高盗窃解释", "「数额较大」、「数额巨大」、「数额特别巨大」", True),
        ("公安机关办理行政案件程序规定", "本规定自2013年1月1日起施行", True),  # full-width digits in the source
        ("最高法毒品犯罪解释", "本解释自2016年4月11日起施行", True),  # closing paragraph, not an article
        ("人体损伤程度鉴定标准", "包括轻伤一级和轻伤二级", True),
        ("刑事诉讼法", "公安机关对于现行犯或者重大嫌疑分子……犯罪后企图自杀、逃跑或者在逃的", True),  # ellipsis
        ("刑事诉讼法", "犯罪后企图自杀、逃跑或者在逃的……公安机关对于现行犯或者重大嫌疑分子", False),  # wrong order
        ("不存在的法", "讯问的时候", False),
        ("刑法", "", False),
    ],
)
def test_quote_found(db: StatuteDB, law: str, quote: str, found: bool) -> None:
    assert db.quote_found(law, quote) is found


def test_quote_versions_and_location(db: StatuteDB) -> None:
    quote = "殴打他人的，或者故意伤害他人身体的，处五日以上十日以下拘留，并处五百元以上一千元以下罚款"  # 2025 amounts
    assert db.locate_quote(PSAPL, quote) == [("2025", "第五十一条")]
    assert db.quote_found(PSAPL, quote, version="2025")
    assert not db.quote_found(PSAPL, quote, version="2012")
    assert normalize_quote("“甲” 乙\u3000丙，") == "甲乙丙,"


# --- 治安管理处罚法 2012 <-> 2025 map --------------------------------------------------------------------------------


def test_psapl_map_one_row_per_2012_article(db: StatuteDB) -> None:
    rows = db.psapl_rows()
    assert [m.art_2012 for m in rows] == list(range(1, 120))
    for m in rows:
        for target in m.targets_2025:
            assert db.article(PSAPL, target, version="2025") is not None


def test_psapl_map_plain_split_deleted_merged_new(db: StatuteDB) -> None:
    assault = db.psapl_map_2012_to_2025(43)
    assert (assault.art_2025, assault.targets_2025, assault.method) == (51, (51,), "auto")
    theft = db.psapl_map_2012_to_2025(49)
    assert theft.split and theft.art_2025 == 58 and theft.targets_2025 == (58, 59)
    assert [m.art_2012 for m in db.psapl_map_2025_to_2012(59)] == [49]
    for deleted in (61, 62, 76):
        row = db.psapl_map_2012_to_2025(deleted)
        assert row.deleted and row.targets_2025 == () and row.method == "deleted in 2025"
    assert db.psapl_deleted_in_2025() == [61, 62, 76]
    assert [m.art_2012 for m in db.psapl_map_2025_to_2012(90)] == [77, 78]  # merged
    assert db.psapl_map_2025_to_2012(19) == []  # new in 2025 (正当防卫)
    new = db.psapl_new_in_2025()
    assert {19, 21, 24, 27, 34, 46, 48, 56, 60, 70, 74, 86, 108, 114, 136} <= set(new)
    assert 59 not in new and 90 not in new
    assert db.psapl_map_2012_to_2025(120) is None
    assert db.psapl_map_2025_to_2012(145) is None


# --- against ../shared --------------------------------------------------------------------------------------------


@pytest.mark.shared
@needs_shared
def test_bundle_equals_a_fresh_build() -> None:
    from nlp.statutes.build import GENERATED_FILES, build

    files, _notes = build(SHARED.resolve())
    assert sorted(files) == sorted(GENERATED_FILES)
    for name, text in files.items():
        with open(DATA_DIR / name, encoding="utf-8", newline="") as fh:
            assert fh.read() == text, f"{name} is stale: run python -m nlp.statutes.build --shared ../shared"


@pytest.mark.shared
@needs_shared
def test_shared_rule_quotes_are_found_in_their_articles(db: StatuteDB) -> None:
    """Every quote ../shared/docs/rules.yaml marks as machine-checked is in the article it names."""
    import re

    import yaml

    rules_file = SHARED / "docs" / "rules.yaml"
    if not rules_file.is_file():
        pytest.skip(f"{rules_file} is absent")

    def walk(node: object) -> list[dict[str, object]]:
        if isinstance(node, dict):
            here = [node] if "quote" in node and "law" in node else []
            return here + [b for v in node.values() for b in walk(v)]
        if isinstance(node, list):
            return [b for v in node for b in walk(v)]
        return []

    checked = 0
    for basis in walk(yaml.safe_load(rules_file.read_text(encoding="utf-8"))):
        verification = str(basis.get("verification", ""))
        if "machine-checked" not in verification or "not machine" in verification:
            continue
        law = db.resolve_law(str(basis["law"]))
        if law is None:  # a text that is not in shared/data/statutes either
            continue
        version = None
        if law == PSAPL:
            version = "2025" if str(basis.get("version", "")).startswith("2025") else "2012"
        where = [w for _, w in db.locate_quote(law, str(basis["quote"]), version)]
        assert where, f"{law}: {basis['quote']!r}"
        m = re.match(r"第[^条]+条(之[一二三四五六七八九十]+)?", str(basis.get("article", "")))
        if m:
            assert m.group(0) in where, f"{law} {basis['article']}: quote found only in {where}"
        checked += 1
    assert checked >= 280
