"""The ``juanshen`` command line: review a case file, list the rules, serve the API."""

from __future__ import annotations

import json
import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help="卷审 JuanShen：公安案卷智能预审")


class Format(StrEnum):
    json = "json"
    text = "text"


def _emit(content: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(content)
        sys.stdout.flush()
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(content, encoding="utf-8")
        typer.echo(f"已写入 {out}", err=True)


@app.command()
def review(
    path: Annotated[Path, typer.Argument(help="案卷：文件夹、zip 压缩包，或单个 .docx/.pdf/.txt 文件")],
    format: Annotated[Format, typer.Option("--format", "-f", help="输出格式")] = Format.text,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="写入文件而不是标准输出")] = None,
    entities: Annotated[bool, typer.Option("--entities", help="在 JSON 中附带每份文书的实体")] = False,
) -> None:
    """审查一个案卷，输出发现的问题。"""
    from nlp.report import build_report, render_text, report_json
    from nlp.reviewer import Reviewer

    if not path.exists():
        typer.echo(f"找不到案卷：{path}", err=True)
        raise typer.Exit(code=2)
    case = Reviewer().review_path(path)
    report = build_report(case, include_entities=entities)
    _emit(report_json(report) + "\n" if format == Format.json else render_text(report), out)


@app.command()
def rules(
    format: Annotated[Format, typer.Option("--format", "-f", help="输出格式")] = Format.text,
) -> None:
    """列出审查规则目录及其法律依据。"""
    from nlp.labels import CATEGORY_ZH, GATE_ZH, SEVERITY_ZH
    from nlp.rules.engine import load_rules

    catalog = load_rules()
    if format == Format.json:
        data = [r.model_dump(mode="json", exclude={"examples"}) for r in catalog]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    for r in catalog:
        gates = "、".join(GATE_ZH[g] for g in r.gates)
        typer.echo(f"{r.id}  {r.title_zh}  [{CATEGORY_ZH[r.category]}｜{gates}｜{SEVERITY_ZH[r.severity]}]")
        for b in r.legal_basis:
            typer.echo(f"    《{b.law}》{b.article}（{b.version}）：{b.quote}")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="监听地址")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="端口")] = 8000,
) -> None:
    """启动 API 服务（含 OpenAPI 文档 /docs）。"""
    import uvicorn

    uvicorn.run("api.main:app", host=host, port=port, log_level="info")


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()


if __name__ == "__main__":
    main()
