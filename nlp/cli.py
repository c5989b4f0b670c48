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
    campaign: Annotated[
        str | None,
        typer.Option("--campaign", "-c", help="只运行某个专项规则集，如 受立案专项整治（juanshen campaigns 列出全部）"),
    ] = None,
) -> None:
    """审查一个案卷，输出发现的问题。"""
    from nlp.report import build_report, render_text, report_json
    from nlp.reviewer import Reviewer
    from nlp.rules.campaigns import UnknownCampaignError, get_campaign

    if not path.exists():
        typer.echo(f"找不到案卷：{path}", err=True)
        raise typer.Exit(code=2)
    if campaign:
        try:
            get_campaign(campaign)
        except UnknownCampaignError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(code=2) from None
    case = Reviewer().review_path(path, campaign=campaign)
    report = build_report(case, include_entities=entities)
    _emit(report_json(report) + "\n" if format == Format.json else render_text(report), out)


@app.command()
def rules(
    format: Annotated[Format, typer.Option("--format", "-f", help="输出格式")] = Format.text,
    campaign: Annotated[str | None, typer.Option("--campaign", "-c", help="只列出某个专项规则集的规则")] = None,
) -> None:
    """列出审查规则目录及其法律依据。"""
    from nlp.labels import CATEGORY_ZH, GATE_ZH, SEVERITY_ZH
    from nlp.rules.campaigns import UnknownCampaignError, select_rules
    from nlp.rules.engine import load_rules

    try:
        catalog = select_rules(load_rules(), campaign)
    except UnknownCampaignError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2) from None
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
def campaigns() -> None:
    """列出专项规则集（--campaign 可用的名称）及各含多少条规则。"""
    from nlp.rules.campaigns import load_campaigns, select_rules
    from nlp.rules.engine import load_rules

    all_rules = load_rules()
    for c in load_campaigns().values():
        typer.echo(f"{c.name}（{len(select_rules(all_rules, c.name))} 条规则）：{c.description}")


corpus_app = typer.Typer(no_args_is_help=True, help="生成带标注的虚构案卷语料（评测与训练用）")
app.add_typer(corpus_app, name="corpus")


@corpus_app.command("generate")
def corpus_generate(
    out: Annotated[Path, typer.Option("--out", "-o", help="输出目录")],
    cases: Annotated[int, typer.Option("--cases", "-n", min=1, help="案卷数")] = 100,
    seed: Annotated[int, typer.Option("--seed", "-s", help="随机种子（同种子同结果）")] = 0,
    clean_share: Annotated[float, typer.Option(help="无缺陷案卷比例")] = 0.3,
    combined_share: Annotated[float, typer.Option(help="整卷合并为一个PDF的比例")] = 0.1,
    zip_share: Annotated[float, typer.Option(help="部分文件打包为zip的比例")] = 0.15,
    formats: Annotated[
        str, typer.Option(help="各格式比例，如 docx=0.55,pdf=0.25,scanned_pdf=0.1,txt=0.1")
    ] = "docx=0.55,pdf=0.25,scanned_pdf=0.1,txt=0.1",
    defects: Annotated[
        str, typer.Option(help="只植入这些缺陷类型（逗号分隔的类型键或规则编号，如 CON-07-2,late_family_notice）")
    ] = "",
) -> None:
    """生成虚构案卷（含植入缺陷与 gold 标注）。"""
    # The generator is development tooling in corpora/, not part of the review library.
    from corpora.generator.corpus import CorpusConfig, defect_kinds_for, generate_corpus

    shares = {k.strip(): float(v) for k, v in (item.split("=") for item in formats.split(",") if item.strip())}
    try:
        kinds = defect_kinds_for([w.strip() for w in defects.split(",") if w.strip()]) if defects else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--defects") from None
    cfg = CorpusConfig(
        defect_kinds=kinds,
        cases=cases,
        seed=seed,
        clean_share=clean_share,
        combined_share=combined_share,
        zip_share=zip_share,
        formats=shares,
    )

    def progress(done: int, total: int) -> None:
        if done % 50 == 0 or done == total:
            typer.echo(f"已生成 {done}/{total}", err=True)

    manifest = generate_corpus(cfg, out, progress)
    typer.echo(json.dumps(manifest["summary"], ensure_ascii=False))


@app.command("eval")
def evaluate(
    corpus: Annotated[Path, typer.Argument(help="语料目录（每个案卷一个文件夹，旁边是 <案卷>.gold.json）")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="把评测结果写成 JSON")] = None,
    limit: Annotated[int | None, typer.Option(help="只评测前 N 个案卷")] = None,
) -> None:
    """在带标注的语料上评测：各类别、各规则的精确率/召回率，实体，文书类型，吞吐量。"""
    from corpora.evaluate import evaluate_corpus, format_eval

    if not corpus.is_dir():
        typer.echo(f"找不到语料目录：{corpus}", err=True)
        raise typer.Exit(code=2)

    def progress(done: int, total: int) -> None:
        if done % 50 == 0 or done == total:
            typer.echo(f"已评测 {done}/{total}", err=True)

    result = evaluate_corpus(corpus, limit=limit, progress=progress)
    sys.stdout.write(format_eval(result))
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(result.model_dump_json(indent=2), encoding="utf-8")
        typer.echo(f"已写入 {out}", err=True)


@app.command("extract")
def extract_cmd(
    jsonl: Annotated[Path, typer.Option("--jsonl", help="输入：每行一个 JSON 对象 {id, text}")],
    out: Annotated[Path, typer.Option("--out", "-o", help="输出：每行 {id, entities: [{label, start, end, text}]}")],
) -> None:
    """抽取文本中的实体（CAIL2021 盗窃要素标签 + 本系统实体类型），按行读写 JSON。"""
    from nlp.ner.extract import extract_jsonl
    from nlp.ner.select import extract_backend

    if not jsonl.is_file():
        typer.echo(f"找不到输入文件：{jsonl}", err=True)
        raise typer.Exit(code=2)
    out.parent.mkdir(parents=True, exist_ok=True)
    with jsonl.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in extract_jsonl(src):
            dst.write(line + "\n")
    backend = extract_backend()  # the same (cached) backend that ran
    typer.echo(f"已写入 {out}（CAIL 标签由 {backend.name} {backend.version} 抽取）", err=True)


@app.command("classify-charge")
def classify_charge(
    jsonl: Annotated[Path, typer.Option("--jsonl", "-i", help="输入 JSONL：每行 {id, fact}")],
    out: Annotated[Path, typer.Option("--out", "-o", help="输出 JSONL：每行 {id, charge, score}")],
    model: Annotated[Path | None, typer.Option(help="罪名模型文件（默认见 models/charge）")] = None,
) -> None:
    """按案情（事实描述）预测涉嫌罪名，附 0–1 的模型分数（仅供参考）。"""
    from nlp.classify.charge import ModelLoadError, predict

    if not jsonl.is_file():
        typer.echo(f"找不到输入文件：{jsonl}", err=True)
        raise typer.Exit(code=2)
    rows = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines() if line.strip()]
    try:
        predictions = predict([str(r.get("fact", "")) for r in rows], model)
    except ModelLoadError as exc:
        typer.echo(f"罪名模型不可用：{exc}", err=True)
        raise typer.Exit(code=2) from exc
    lines = [
        json.dumps({"id": r.get("id"), "charge": charge, "score": round(score, 4)}, ensure_ascii=False)
        for r, (charge, score) in zip(rows, predictions, strict=True)
    ]
    _emit("".join(line + "\n" for line in lines), out)


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
