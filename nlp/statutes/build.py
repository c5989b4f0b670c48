"""(Re)build the bundled statute data in ``nlp/statutes/data`` from the project's sibling ``shared/`` folder.

    python -m nlp.statutes.build --shared /work/shared            # write the data files
    python -m nlp.statutes.build --shared /work/shared --check    # exit 1 if the bundle is stale

Inputs (read-only): ``shared/data/statutes/*.md`` (every statute text, including the ones added after the shared
``articles.jsonl`` was made), ``shared/data/statutes/index.json`` (provenance), ``shared/data/statutes/articles.jsonl``
(only to cross-check this parser) and ``shared/docs/psapl_2012_2025_map.csv`` (copied verbatim).

The curated part (canonical names, aliases as police write them, version labels, effective dates) lives in ``LAWS``
below, so the output is a pure function of ``shared/`` and this file: the product never reads ``shared/`` at run time.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from nlp.extractors.numerals import cn_to_int
from nlp.statutes.db import DATA_DIR

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SHARED = REPO_ROOT.parent / "shared"

GENERATED_FILES = ("articles.jsonl", "texts.jsonl", "laws.yaml", "psapl_map.csv", "SOURCES.md")


@dataclass(frozen=True)
class VersionMeta:
    file: str  # file name under shared/data/statutes
    label: str  # short version label used in the API ("2012", "2025" …)
    effective_from: str | None  # ISO date from which this text's article numbering applies; None = unknown
    effective_to: str | None = None
    basis: str = ""  # where the dates come from (article / header / outside knowledge) and caveats


@dataclass(frozen=True)
class LawMeta:
    name: str  # canonical (official) name, as in index.json
    short: str  # the name police usually write
    kind: str  # 法律 / 行政法规 / 部门规章 / 司法解释 / 鉴定标准
    aliases: tuple[str, ...]
    versions: tuple[VersionMeta, ...]
    structure: str = "articles"  # "articles" (第X条) or "clauses" (numbered sections, e.g. 5.1.1)


# Aliases: unambiguous ways police write the name (with or without 《》; the canonical name and its form without the
# 中华人民共和国 prefix are added automatically). Deliberately absent: 程序规定, 解释, 司法解释, 两高解释 … (ambiguous).
LAWS: tuple[LawMeta, ...] = (
    LawMeta(
        "中华人民共和国刑法",
        "刑法",
        "法律",
        ("刑法",),
        (
            VersionMeta(
                "刑法.md",
                "2023",
                "1997-10-01",
                None,
                "第四百五十二条: 本法自1997年10月1日起施行 (1997 numbering). Text consolidated through 修正案（十二）"
                " (adopted 2023-12-29, in force 2024-03-01); articles inserted by amendments (…之一) exist only since"
                " their amendment took effect, which is not tracked here.",
            ),
        ),
    ),
    LawMeta(
        "中华人民共和国刑事诉讼法",
        "刑事诉讼法",
        "法律",
        ("刑事诉讼法", "刑诉法"),
        (
            VersionMeta(
                "刑事诉讼法_2018.md",
                "2018",
                "2018-10-26",
                None,
                "2018-10-26 修正, in force on promulgation (outside knowledge; the text read has no 施行 article)."
                " Numbering differs from the 2012 text (in force 2013-01-01), which is not bundled.",
            ),
        ),
    ),
    LawMeta(
        "中华人民共和国治安管理处罚法",
        "治安管理处罚法",
        "法律",
        ("治安管理处罚法", "治安处罚法"),
        (
            VersionMeta(
                "治安管理处罚法_2012.md",
                "2012",
                "2006-03-01",
                "2025-12-31",
                "第一百一十九条: 本法自2006年3月1日起施行; the 2012-10-26 amendment kept the numbering."
                " Replaced by the 2025 revision from 2026-01-01.",
            ),
            VersionMeta(
                "治安管理处罚法_2025.md",
                "2025",
                "2026-01-01",
                None,
                "2025-06-27 修订; 第一百四十四条: 本法自2026年1月1日起施行.",
            ),
        ),
    ),
    LawMeta(
        "公安机关办理刑事案件程序规定",
        "公安机关办理刑事案件程序规定",
        "部门规章",
        ("刑事案件程序规定", "公安部刑事案件程序规定"),
        (
            VersionMeta(
                "公安机关办理刑事案件程序规定_2020.md",
                "2020",
                "2020-09-01",
                None,
                "公安部令第159号 (2020-07-20) in force 2020-09-01 — outside knowledge, not in the text read"
                " (第三百八十八条 keeps the 2013-01-01 date of the 2012 text, whose numbering differs).",
            ),
        ),
    ),
    LawMeta(
        "公安机关办理行政案件程序规定",
        "公安机关办理行政案件程序规定",
        "部门规章",
        ("行政案件程序规定", "公安部行政案件程序规定"),
        (
            VersionMeta(
                "公安机关办理行政案件程序规定_2018修正.md",
                "2018",
                None,
                None,
                "UNKNOWN dates, treated as in force: text of the 2018-11-25 公安部令第149号 revision (第二百六十六条"
                " keeps the original 2013-01-01 date); whether the 2014/2018 revisions renumbered is not verified."
                " The 2020-08-06 公安部令第160号 revision (not bundled) supersedes this text.",
            ),
        ),
    ),
    LawMeta(
        "中华人民共和国行政处罚法",
        "行政处罚法",
        "法律",
        ("行政处罚法",),
        (VersionMeta("行政处罚法_2021.md", "2021", "2021-07-15", None, "第八十六条: 本法自2021年7月15日起施行."),),
    ),
    LawMeta(
        "最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释",
        "最高法刑诉法解释",
        "司法解释",
        (
            "最高人民法院关于适用《刑事诉讼法》的解释",
            "最高法刑诉法解释",
            "最高法关于适用刑事诉讼法的解释",
            "刑诉法解释",
            "刑事诉讼法解释",
            "刑诉法司法解释",
            "高法解释",
        ),
        (
            VersionMeta(
                "最高法刑诉法解释_2021.md",
                "2021",
                "2021-03-01",
                None,
                "法释〔2021〕1号; 第六百五十五条: 本解释自2021年3月1日起施行.",
            ),
        ),
    ),
    LawMeta(
        "人民检察院刑事诉讼规则",
        "人民检察院刑事诉讼规则",
        "司法解释",
        ("高检规则", "刑事诉讼规则"),
        (VersionMeta("人民检察院刑事诉讼规则_2019.md", "2019", "2019-12-30", None, "第六百八十四条 and header."),),
    ),
    LawMeta(
        "最高人民法院、最高人民检察院关于办理盗窃刑事案件适用法律若干问题的解释",
        "两高盗窃解释",
        "司法解释",
        ("关于办理盗窃刑事案件适用法律若干问题的解释", "两高盗窃解释", "盗窃解释", "盗窃司法解释"),
        (VersionMeta("两高盗窃解释_2013.md", "2013", "2013-04-04", None, "header: 2013年4月4日 施行."),),
    ),
    LawMeta(
        "最高人民法院、最高人民检察院关于办理诈骗刑事案件具体应用法律若干问题的解释",
        "两高诈骗解释",
        "司法解释",
        ("关于办理诈骗刑事案件具体应用法律若干问题的解释", "两高诈骗解释", "诈骗解释", "诈骗司法解释"),
        (VersionMeta("两高诈骗解释_2011.md", "2011", "2011-04-08", None, "header: 2011年4月8日 施行."),),
    ),
    LawMeta(
        "最高人民法院、最高人民检察院关于办理寻衅滋事刑事案件适用法律若干问题的解释",
        "两高寻衅滋事解释",
        "司法解释",
        ("关于办理寻衅滋事刑事案件适用法律若干问题的解释", "两高寻衅滋事解释", "寻衅滋事解释", "寻衅滋事司法解释"),
        (VersionMeta("两高寻衅滋事解释_2013.md", "2013", "2013-07-22", None, "header: 2013年7月22日 施行."),),
    ),
    LawMeta(
        "最高人民法院、最高人民检察院关于办理抢夺刑事案件适用法律若干问题的解释",
        "两高抢夺解释",
        "司法解释",
        ("关于办理抢夺刑事案件适用法律若干问题的解释", "两高抢夺解释", "抢夺解释", "抢夺司法解释"),
        (VersionMeta("两高抢夺解释_2013.md", "2013", "2013-11-18", None, "header: 2013年11月18日 施行."),),
    ),
    LawMeta(
        "最高人民法院、最高人民检察院关于办理敲诈勒索刑事案件适用法律若干问题的解释",
        "两高敲诈勒索解释",
        "司法解释",
        ("关于办理敲诈勒索刑事案件适用法律若干问题的解释", "两高敲诈勒索解释", "敲诈勒索解释", "敲诈勒索司法解释"),
        (VersionMeta("两高敲诈勒索解释_2013.md", "2013", "2013-04-27", None, "header: 2013年4月27日 施行."),),
    ),
    LawMeta(
        "最高人民法院、最高人民检察院关于办理赌博刑事案件具体应用法律若干问题的解释",
        "两高赌博解释",
        "司法解释",
        ("关于办理赌博刑事案件具体应用法律若干问题的解释", "两高赌博解释", "赌博解释", "赌博司法解释"),
        (VersionMeta("两高赌博解释_2005.md", "2005", "2005-05-13", None, "header: 2005年5月13日 施行."),),
    ),
    LawMeta(
        "最高人民法院关于审理毒品犯罪案件适用法律若干问题的解释",
        "最高法毒品犯罪解释",
        "司法解释",
        ("关于审理毒品犯罪案件适用法律若干问题的解释", "最高法毒品犯罪解释", "毒品犯罪解释", "毒品犯罪司法解释"),
        (
            VersionMeta(
                "最高法毒品犯罪解释_2016.md",
                "2016",
                "2016-04-11",
                None,
                "closing paragraph: 本解释自2016年4月11日起施行.",
            ),
        ),
    ),
    LawMeta(
        "中华人民共和国人民警察法",
        "人民警察法",
        "法律",
        ("人民警察法", "警察法"),
        (
            VersionMeta(
                "人民警察法_2012.md",
                "2012",
                "1995-02-28",
                None,
                "第五十二条: 本法自公布之日起施行 (公布 1995-02-28, 52 articles then and now); the 施行 date of the"
                " 2012-10-26 amendment is not in the text read.",
            ),
        ),
    ),
    LawMeta(
        "中华人民共和国行政强制法",
        "行政强制法",
        "法律",
        ("行政强制法",),
        (VersionMeta("行政强制法_2011.md", "2011", "2012-01-01", None, "第七十一条: 本法自2012年1月1日起施行."),),
    ),
    LawMeta(
        "中华人民共和国看守所条例",
        "看守所条例",
        "行政法规",
        ("看守所条例",),
        (
            VersionMeta(
                "看守所条例_1990.md",
                "1990",
                "1990-03-17",
                None,
                "第五十二条: 自发布之日起施行; header: 1990年3月17日 国务院令第52号发布.",
            ),
        ),
    ),
    LawMeta(
        "拘留所条例",
        "拘留所条例",
        "行政法规",
        ("拘留所条例",),
        (VersionMeta("拘留所条例_2012.md", "2012", "2012-04-01", None, "header: 2012年4月1日 施行."),),
    ),
    LawMeta(
        "公安机关适用继续盘问规定",
        "公安机关适用继续盘问规定",
        "部门规章",
        ("继续盘问规定",),
        (
            VersionMeta(
                "公安机关适用继续盘问规定_2004.md",
                "2004",
                "2004-10-01",
                None,
                "第四十四条: 本规定自二○○四年十月一日起施行.",
            ),
        ),
    ),
    LawMeta(
        "中华人民共和国未成年人保护法",
        "未成年人保护法",
        "法律",
        ("未成年人保护法", "未保法"),
        (
            VersionMeta(
                "未成年人保护法_2024.md",
                "2024",
                "2021-06-01",
                None,
                "第一百三十二条: 本法自2021年6月1日起施行 (2020 revision numbering); the 2024-04-26 amendment's 施行"
                " date is not in the text read.",
            ),
        ),
    ),
    LawMeta(
        "中华人民共和国居民身份证法",
        "居民身份证法",
        "法律",
        ("居民身份证法", "身份证法"),
        (
            VersionMeta(
                "居民身份证法_2011.md",
                "2011",
                "2004-01-01",
                None,
                "第二十三条: 本法自2004年1月1日起施行 (numbering); the 施行 date of the 2011-10-29 amendment is not"
                " in the text read.",
            ),
        ),
    ),
    LawMeta(
        "中华人民共和国禁毒法",
        "禁毒法",
        "法律",
        ("禁毒法",),
        (VersionMeta("禁毒法_2007.md", "2007", "2008-06-01", None, "第七十一条: 本法自2008年6月1日起施行."),),
    ),
    LawMeta(
        "中华人民共和国行政复议法",
        "行政复议法",
        "法律",
        ("行政复议法",),
        (VersionMeta("行政复议法_2023.md", "2023", "2024-01-01", None, "第九十条: 本法自2024年1月1日起施行."),),
    ),
    LawMeta(
        "中华人民共和国行政诉讼法",
        "行政诉讼法",
        "法律",
        ("行政诉讼法",),
        (
            VersionMeta(
                "行政诉讼法_2017.md",
                "2017",
                "2015-05-01",
                None,
                "numbering of the 2014-11-01 amendment, in force 2015-05-01 (outside knowledge; 第一百零三条 keeps the"
                " 1990-10-01 date of the original numbering). The 2017-06-27 amendment added a paragraph only.",
            ),
        ),
    ),
    LawMeta(
        "人体损伤程度鉴定标准",
        "人体损伤程度鉴定标准",
        "鉴定标准",
        ("损伤程度鉴定标准", "人体损伤鉴定标准"),
        (VersionMeta("人体损伤程度鉴定标准_2014.md", "2014", "2014-01-01", None, "index.json: 2014-01-01施行."),),
        structure="clauses",
    ),
)

AMBIGUOUS_NAMES = ("程序规定", "办案程序规定", "解释", "司法解释", "两高解释", "规定", "条例", "本法", "该法", "同法")


# --------------------------------------------------------------------------------------------------- markdown parse

_NUM = "零〇一二三四五六七八九十百千两"
_SUFFIX = "(之[一二三四五六七八九十]+)?"
# '第一条　…' and the source defect '第一百二十八 条侦查人员…' (space before 条, none after).
_ARTICLE_RE = re.compile(rf"^第([{_NUM}]+)(?:条{_SUFFIX}[ \u3000]+|[ \u3000]+条{_SUFFIX}[ \u3000]*)(.*)$")
_STRUCT_RE = re.compile(rf"^第[{_NUM}]+(编|章|节)[ \u3000]")
_STRUCT_KIND = {"编": "part", "章": "chapter", "节": "section"}
_BARE_HEADINGS = {"附则", "总则", "分则"}
_FOOTNOTE_REF_RE = re.compile(r"[ \u3000]*\[\d+\]$")  # LawRefBook footnote markers, e.g. "… 补充鉴定。 [1]"
_NOTE_RE = re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩]")  # editorial footnotes (刑法 ① 施行日期 note)
_CLAUSE_LINE_RE = re.compile(r"^(\d+(?:\.\d+)+)[ \u3000]+(.+)$")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_CLOSING_RE = re.compile(r"^本(解释|规定|法|条例|办法|规则|决定)自.{0,30}施行")


def _heading_text(text: str) -> str:
    """'第一章　总　　则' -> '第一章 总则'; '第一章 通 则' -> '第一章 通则'."""
    text = text.strip()
    m = re.match(rf"^(第[{_NUM}]+[编章节])[ \u3000]*(.*)$", text)
    if m:
        title = re.sub(r"[ \u3000]+", "", m.group(2))
        return f"{m.group(1)} {title}".strip()
    return re.sub(r"[ \u3000]+", " ", text)


@dataclass
class ParsedText:
    title: str = ""
    header: list[str] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    blocks: list[dict[str, Any]] = field(default_factory=list)  # preamble / closing / appendix / note / clause


def parse_markdown(md: str) -> ParsedText:
    """Split a statute markdown file into header lines, articles (第X条, 之一 …) and other text blocks."""
    out = ParsedText()
    lines = [_ZERO_WIDTH.sub("", line).rstrip() for line in md.splitlines()]
    has_info_end = any("INFO END" in line for line in lines)
    has_articles = any(_ARTICLE_RE.match(line.strip()) for line in lines)
    struct: dict[str, str | None] = {"part": None, "chapter": None, "section": None}
    headings: list[tuple[int, str]] = []  # markdown heading stack for clause-structured texts
    current: dict[str, Any] | None = None  # article or block being filled
    in_header = has_info_end
    seen_article = False
    # A 编/章/节 heading wrapped onto the next line (刑事诉讼法 第五编 第四章 … / 违法所得的没收程序).
    after_struct_heading: tuple[str, str] | None = None

    def start_block(kind: str, label: str) -> dict[str, Any]:
        block = {"kind": kind, "label": label, "lines": []}
        out.blocks.append(block)
        return block

    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if line.startswith("# ") and not out.title:
            out.title = line[2:].strip()
            continue
        if in_header:
            if "INFO END" in line:
                in_header = False
            else:
                out.header.append(line)
            continue
        if line.startswith(">"):  # blockquote: the 2025 file's 通过/修订 note and its table of contents
            note = line.lstrip("> ").strip()
            if note.startswith(("（", "(")) and not seen_article:
                out.header.append(note)
            continue
        if not out.title and not line.startswith("第"):  # the 2025 file has a plain title line
            out.title = line
            continue
        if re.sub(r"[ \u3000]", "", line) == "目录":
            continue
        level = len(line) - len(line.lstrip("#"))
        text = line.lstrip("#").strip() if level else line
        if (
            after_struct_heading is not None
            and not level
            and len(text) <= 30
            and not _ARTICLE_RE.match(text)
            and not re.search("[。；;：:，,]", text)
        ):
            kind, heading = after_struct_heading
            struct[kind] = f"{heading}{text}"
            after_struct_heading = None
            continue
        after_struct_heading = None
        if level or _STRUCT_RE.match(text) or (text in _BARE_HEADINGS and has_articles):
            heading = _heading_text(text)
            m = _STRUCT_RE.match(text)
            if m:
                kind = _STRUCT_KIND[m.group(1)]
                struct[kind] = heading
                if kind == "part":
                    struct["chapter"] = struct["section"] = None
                elif kind == "chapter":
                    struct["section"] = None
                current = None
                after_struct_heading = (kind, heading)
            elif text in _BARE_HEADINGS and has_articles:
                struct["chapter"], struct["section"] = heading, None
                current = None
            elif seen_article:  # e.g. '## 附件一' after the last article
                current = start_block("appendix", heading)
            else:  # clause-structured text (人体损伤程度鉴定标准): one block per heading
                while headings and headings[-1][0] >= level:
                    headings.pop()
                headings.append((level, heading))
                current = start_block("clause", " / ".join(h for _, h in headings))
            continue
        m = _ARTICLE_RE.match(line)
        if m:
            number = cn_to_int(m.group(1))
            if number is None:
                raise ValueError(f"unreadable article number: {line[:40]}")
            suffix = m.group(2) or m.group(3)
            current = {
                "number": number,
                "suffix": suffix,
                "article_no": f"第{m.group(1)}条{suffix or ''}",
                **struct,
                "lines": [m.group(4).strip()] if m.group(4).strip() else [],
            }
            out.articles.append(current)
            seen_article = True
            continue
        line = _FOOTNOTE_REF_RE.sub("", line)
        clause = _CLAUSE_LINE_RE.match(line)
        if clause and not has_articles and headings:  # '6.1　伤后因其他原因死亡的…' inside 附则
            parent = " / ".join(h for _, h in headings)
            current = start_block("clause", f"{parent} / {clause.group(1)}")
            line = clause.group(2)
        if _NOTE_RE.match(line):
            start_block("note", "注").setdefault("lines", []).append(line)
            continue
        if seen_article and _CLOSING_RE.match(line) and current is not None and "number" in current:
            current = start_block("closing", "施行")
        if current is None:
            current = start_block("preamble" if not seen_article else "appendix", "")
        current["lines"].append(line)

    for art in out.articles:
        art["text"] = "\n".join(art.pop("lines"))
    for block in out.blocks:
        block["text"] = "\n".join(block.pop("lines"))
    out.blocks = [b for b in out.blocks if b["text"]]
    return out


# --------------------------------------------------------------------------------------------------- build


def _load_index(statutes: Path) -> dict[str, dict[str, Any]]:
    entries = json.loads((statutes / "index.json").read_text(encoding="utf-8"))
    return {Path(e["file"]).name: e for e in entries}


def _cross_check(statutes: Path, parsed: dict[str, ParsedText]) -> list[str]:
    """Compare with the shared articles.jsonl (built by another parser): same articles, same text.

    Accepted differences, where that parser swallowed non-article text into the preceding article: a bare heading
    line (刑事诉讼法 '附则'), an editorial footnote and the appendices after 刑法 第四百五十二条. Here those become
    separate blocks, so the shared text must then start with ours. Returns human-readable notes; raises on others.
    """
    notes: list[str] = []
    ours: dict[tuple[str, int, str | None], str] = {}
    for file, pt in parsed.items():
        for art in pt.articles:
            ours[(file, art["number"], art["suffix"])] = art["text"]
    theirs: dict[tuple[str, int, str | None], str] = {}
    for line in (statutes / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        theirs[(Path(row["file"]).name, row["article_num"], row["article_suffix"])] = row["text"]
    files = {key[0] for key in theirs}
    mine = {key for key in ours if key[0] in files}
    if mine != set(theirs):
        raise SystemExit(f"article sets differ from articles.jsonl: {sorted(mine ^ set(theirs))[:10]}")
    for key, text in sorted(theirs.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "")):
        if ours[key] == text:
            continue
        if text.startswith(ours[key] + "\n"):
            extra = text[len(ours[key]) + 1 :].split("\n")
            notes.append(f"{key[0]} 第{key[1]}条{key[2] or ''}: moved {len(extra)} trailing non-article line(s) out")
            continue
        raise SystemExit(f"text differs from articles.jsonl for {key}")
    notes.append(f"cross-checked {len(theirs)} articles of {len(files)} files against articles.jsonl")
    return notes


def build(shared: Path) -> tuple[dict[str, str], list[str]]:
    """Return {file name: content} for every generated data file, plus build notes."""
    statutes = shared / "data" / "statutes"
    index = _load_index(statutes)
    meta: dict[str, tuple[LawMeta, VersionMeta]] = {v.file: (law, v) for law in LAWS for v in law.versions}
    md_files = sorted(p.name for p in statutes.glob("*.md"))
    unknown = sorted(set(md_files) - set(meta))
    missing = sorted(set(meta) - set(md_files))
    if unknown or missing:
        raise SystemExit(f"statute files not described in LAWS: {unknown}; described but absent: {missing}")
    not_indexed = sorted(set(md_files) - set(index))
    if not_indexed:
        raise SystemExit(f"statute files missing from index.json: {not_indexed}")

    parsed = {f: parse_markdown((statutes / f).read_text(encoding="utf-8")) for f in md_files}
    notes = _cross_check(statutes, parsed)

    article_lines: list[str] = []
    text_lines: list[str] = []
    laws_out: list[dict[str, Any]] = []
    for law in LAWS:
        versions_out = []
        for v in law.versions:
            pt = parsed[v.file]
            entry = index[v.file]
            if law.structure == "articles" and not pt.articles:
                raise SystemExit(f"{v.file}: no articles parsed")
            if law.structure == "clauses" and not any(b["kind"] == "clause" for b in pt.blocks):
                raise SystemExit(f"{v.file}: no clauses parsed")
            for art in pt.articles:
                row = {
                    "law": law.name,
                    "version": v.label,
                    "article_no": art["article_no"],
                    "number": art["number"],
                    "suffix": art["suffix"],
                    "part": art["part"],
                    "chapter": art["chapter"],
                    "section": art["section"],
                    "text": art["text"],
                }
                article_lines.append(json.dumps(row, ensure_ascii=False))
            for block in pt.blocks:
                row = {"law": law.name, "version": v.label, **block}
                text_lines.append(json.dumps(row, ensure_ascii=False))
            numbers = [a["number"] for a in pt.articles if a["suffix"] is None]
            gaps = sorted(set(range(1, max(numbers) + 1)) - set(numbers)) if numbers else []
            if gaps:
                notes.append(f"{v.file}: article numbers missing: {gaps}")
            versions_out.append(
                {
                    "label": v.label,
                    "description": entry["version"],
                    "effective_from": v.effective_from,
                    "effective_to": v.effective_to,
                    "dates_basis": v.basis,
                    "file": v.file,
                    "title": pt.title,
                    "header": pt.header,
                    "articles": len(pt.articles),
                    "max_article": max(numbers) if numbers else None,
                    "clauses": sum(b["kind"] == "clause" for b in pt.blocks),
                    "source": {
                        "repo": entry.get("source_repo"),
                        "path": entry.get("source_path"),
                        "commit": entry.get("commit"),
                    },
                }
            )
            if entry["law"] != law.name:
                raise SystemExit(f"{v.file}: index.json names '{entry['law']}', LAWS names '{law.name}'")
        laws_out.append(
            {
                "name": law.name,
                "short": law.short,
                "kind": law.kind,
                "structure": law.structure,
                "aliases": list(law.aliases),
                "versions": versions_out,
            }
        )
    laws_doc = {
        "about": (
            "Generated by `python -m nlp.statutes.build` from ../shared/data/statutes; do not edit by hand."
            " effective_from/effective_to: the days this text's article numbering applies (inclusive);"
            " null = unknown, treated as in force. dates_basis says where each date comes from."
        ),
        "ambiguous_names": list(AMBIGUOUS_NAMES),
        "laws": laws_out,
    }
    psapl = _read(shared / "docs" / "psapl_2012_2025_map.csv") or ""  # verbatim, CRLF line ends included
    files = {
        "articles.jsonl": "\n".join(article_lines) + "\n",
        "texts.jsonl": "\n".join(text_lines) + "\n",
        "laws.yaml": yaml.safe_dump(laws_doc, allow_unicode=True, sort_keys=False, width=1000),
        "psapl_map.csv": psapl,
    }
    files["SOURCES.md"] = _sources_md(laws_out, files)
    return files, notes


def _sources_md(laws_out: list[dict[str, Any]], files: dict[str, str]) -> str:
    rows = []
    for law in laws_out:
        for v in law["versions"]:
            src = v["source"]
            commit = src["commit"] or "not recorded in index.json"
            count = f"{v['articles']} articles" if law["structure"] == "articles" else "clauses (no 第X条)"
            rows.append(
                f"| {law['name']} | {v['label']} | {v['effective_from'] or 'unknown'} – {v['effective_to'] or ''}"
                f" | {count} | `{src['repo']}` `{src['path']}` @ {commit} |"
            )
    sizes = ", ".join(f"{name} {len(text.encode('utf-8')):,} B" for name, text in sorted(files.items()))
    return "\n".join(
        [
            "# Bundled statute data — provenance",
            "",
            "Generated by `python -m nlp.statutes.build --shared ../shared`; do not edit these files by hand.",
            "The product reads only this folder at run time (``nlp.statutes.StatuteDB.load()``).",
            "",
            "## Rebuild",
            "",
            "```",
            "cd <repo root> && . .venv/bin/activate",
            "python -m nlp.statutes.build --shared ../shared          # rewrite nlp/statutes/data/*",
            "python -m nlp.statutes.build --shared ../shared --check  # exit 1 if the bundle is stale",
            "pytest -q tests/nlp/statutes -m shared                   # the same check as a test",
            "```",
            "",
            "Inputs: `shared/data/statutes/*.md` (all statute texts, parsed here by one parser, including the 11",
            "texts added after the shared `articles.jsonl` was built), `shared/data/statutes/index.json` (provenance",
            "below), `shared/data/statutes/articles.jsonl` (only to cross-check the parser) and",
            "`shared/docs/psapl_2012_2025_map.csv` (copied verbatim as `psapl_map.csv`). Names, aliases, version",
            "labels and effective dates are curated in `nlp/statutes/build.py` (`LAWS`), with the basis of each date",
            "in `laws.yaml` (`dates_basis`).",
            "",
            "## Files",
            "",
            "* `articles.jsonl` — one row per article (第X条, 第X条之一 …): law, version, article_no, number, suffix,",
            "  part/chapter/section, text (lines joined by \\n; 款 are split from it at load time, 项 lines stay",
            "  with their 款).",
            "* `texts.jsonl` — non-article text: preambles, closing 施行 paragraphs, appendices, editorial notes, and",
            "  the numbered clauses of 人体损伤程度鉴定标准 (which has no 第X条).",
            "* `laws.yaml` — canonical names, aliases, versions with effective dates, source provenance.",
            "* `psapl_map.csv` — 治安管理处罚法 2012 → 2025 article map (one row per 2012 article).",
            "",
            "Parser differences from the shared `articles.jsonl`: `article_no` of inserted articles is written",
            "`第一百三十三条之一` (not `…之一条`); the bare heading `附则` (刑事诉讼法), the editorial footnote",
            "`①` and the appendices after 刑法 第四百五十二条 are kept as separate blocks instead of being appended",
            "to the preceding article; a 章 title wrapped onto a second line (刑事诉讼法 第五编第四章) is joined;",
            "footnote markers like ` [1]` and zero-width spaces are dropped.",
            "",
            "index.json records no commit for the 11 texts added after `articles.jsonl` (commit: null below);",
            "`shared/docs/rules.yaml` cites them as `X-STORAGE/Laws@24f29392293c` or `LawRefBook/Laws@2f4c5c237162`",
            "with category folders in the path. Statute texts are not copyright-protected in China (著作权法",
            "第五条); the markdown formatting is the source repositories'.",
            "",
            "## Sources",
            "",
            "| law | version | numbering in force | parsed | source (repo, path, commit) |",
            "|---|---|---|---|---|",
            *rows,
            "",
            f"Sizes: {sizes}.",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared/ folder (default: ../shared)")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="output folder (default: the package data)")
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing; exit 1 if stale")
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "statutes" / "index.json").is_file():
        parser.error(f"{args.shared}/data/statutes/index.json not found")
    files, notes = build(args.shared)
    for note in notes:
        _say(note)
    if args.check:
        stale = [n for n, text in files.items() if _read(args.out / n) != text]
        if stale:
            _say(f"stale: {', '.join(stale)}")
            return 1
        _say("bundle is up to date")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        with open(args.out / name, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        _say(f"wrote {args.out / name} ({len(text.encode('utf-8')):,} B)")
    return 0


def _say(message: str) -> None:
    sys.stderr.write(message + "\n")


def _read(path: Path) -> str | None:
    """File text without newline translation (None if absent)."""
    if not path.is_file():
        return None
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


if __name__ == "__main__":
    raise SystemExit(main())
