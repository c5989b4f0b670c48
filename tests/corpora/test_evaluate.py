"""The corpus evaluator on a tiny hand-made corpus of .txt cases with gold files built from the GoldCase model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpora.evaluate import EvalResult, align_texts, evaluate_corpus, format_eval, main
from corpora.generator.model import GoldCase, GoldDefect, GoldDocument, GoldEntity, GoldEvidence
from nlp.reviewer import Reviewer
from nlp.schema import CaseFile

INTERROGATION = (
    "讯问笔录\n时间：2024年3月2日14时10分至2024年3月2日15时30分\n地点：某派出所\n讯问人：李明\n记录人：李明\n"
    "被讯问人：王某某\n问：你因何事被传唤？\n答：偷电动车的事。"
)
# The same record as a clerk typed it: indented, CRLF, blank line, spaces after a label. Only whitespace differs.
INTERROGATION_FILE = (
    "　　讯问笔录\r\n\r\n时间：2024年3月2日14时10分至2024年3月2日15时30分\r\n地点：某派出所\r\n讯问人：  李明\r\n"
    "记录人：李明\r\n被讯问人：王某某\r\n　　问：你因何事被传唤？\r\n　　答：偷电动车的事。\r\n"
)
INTERVIEW = (
    "询问笔录\n时间：2024年3月1日10时00分至2024年3月1日10时40分\n地点：某派出所\n询问人：李明、赵刚\n记录人：赵刚\n"
    "被询问人：陈某某\n问：你来派出所有什么事？\n答：我的电动车被偷了。"
)
LONE_OFFICER = (
    "讯问笔录\n时间：2024年3月5日9时00分至2024年3月5日10时00分\n地点：某派出所\n讯问人：赵刚\n记录人：赵刚\n"
    "被讯问人：张某某\n问：你为什么打人？\n答：他先骂我。"
)
ADMIN_INTERVIEW = (
    "询问笔录\n时间：2024年4月1日10时00分至2024年4月1日10时40分\n地点：某派出所\n询问人：李明、赵刚\n记录人：赵刚\n"
    "被询问人：刘某某\n问：你来派出所有什么事？\n答：我被人打了。"
)
DETENTION = (
    "拘留证\n宁公玄拘字〔2024〕15号\n根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对王某某执行拘留。\n"
    "2024年3月2日16时30分"
)


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _doc(
    doc_id: str, source: str, fmt: str, doc_type: str, text: str, entities: list[tuple[str, str, str | None, int]]
) -> GoldDocument:
    """``entities``: (type, text, role, nth occurrence)."""
    ents = []
    for etype, needle, role, nth in entities:
        start, end = _span(text, needle, nth)
        ents.append(GoldEntity(type=etype, start=start, end=end, text=needle, role=role))
    return GoldDocument(
        id=doc_id, source=source, format=fmt, doc_type=doc_type, title=text.split("\n")[0], text=text, entities=ents
    )


def _defect(kind: str, category: str, rule_id: str, doc: GoldDocument, needle: str) -> GoldDefect:
    start, end = _span(doc.text, needle)
    evidence = [GoldEvidence(document=doc.id, start=start, end=end, text=needle)]
    return GoldDefect(kind=kind, category=category, rule_id=rule_id, document=doc.id, evidence=evidence)


def _write_case(root: Path, gold: GoldCase, files: dict[str, str | bytes]) -> None:
    folder = root / gold.case_id
    folder.mkdir(parents=True)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    (root / f"{gold.case_id}.gold.json").write_text(gold.model_dump_json(indent=2), encoding="utf-8")


def _case(case_id: str, kind: str, clean: bool, docs: list[GoldDocument], defects: list[GoldDefect]) -> GoldCase:
    return GoldCase(case_id=case_id, seed=1, kind=kind, case_type="theft", clean=clean, documents=docs, defects=defects)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    # C001: a detected defect (PER-01), a defect no rule detects, and one on a scan the reviewer cannot read.
    d1 = _doc(
        "D01",
        "01_讯问笔录.txt",
        "txt",
        "interrogation_record",
        INTERROGATION,
        [
            ("PERSON", "李明", "officer", 0),
            ("PERSON", "李明", "recorder", 1),
            ("PERSON", "王某某", "suspect", 0),
            ("DATETIME", "2024年3月2日14时10分", None, 0),  # the end time is left out: one false positive
        ],
    )
    d2 = _doc(
        "D02",
        "02_询问笔录.txt",
        "txt",
        "interview_record",
        INTERVIEW,
        [
            ("PERSON", "李明", "officer", 0),
            ("PERSON", "赵刚", "officer", 0),
            ("PERSON", "陈某某", "victim", 0),  # the reviewer says interviewee: a role error
            ("DATETIME", "2024年3月1日10时00分", None, 0),
            ("DATETIME", "2024年3月1日10时40分", None, 0),
        ],
    )
    d3 = _doc("D03", "03_拘留证.pdf", "scanned_pdf", "detention_warrant", DETENTION, [])
    c1 = _case(
        "C001",
        "criminal",
        False,
        [d1, d2, d3],
        [
            _defect("single_interrogator", "procedure", "PER-01", d1, "讯问人：李明"),
            _defect("interview_time_mismatch", "inconsistency", "CON-05", d2, "2024年3月1日10时40分"),
            _defect("detention_late", "time_limit", "CR-04", d3, "2024年3月2日16时30分"),
        ],
    )
    _write_case(
        root,
        c1,
        {"01_讯问笔录.txt": INTERROGATION_FILE, "02_询问笔录.txt": INTERVIEW, "03_拘留证.pdf": b"not a pdf at all\n"},
    )
    # C002: clean by gold, yet the reviewer flags PER-01: a false alarm.
    d = _doc(
        "D01",
        "01_讯问笔录.txt",
        "txt",
        "interrogation_record",
        LONE_OFFICER,
        [
            ("PERSON", "赵刚", "officer", 0),
            ("PERSON", "赵刚", "recorder", 1),
            ("PERSON", "张某某", "suspect", 0),
            ("DATETIME", "2024年3月5日9时00分", None, 0),
            ("DATETIME", "2024年3月5日10时00分", None, 0),
        ],
    )
    _write_case(root, _case("C002", "criminal", True, [d], []), {"01_讯问笔录.txt": LONE_OFFICER})
    # C003: clean and quiet; LOCATION is a gold type the reviewer does not produce.
    d = _doc(
        "D01",
        "01_询问笔录.txt",
        "txt",
        "interview_record",
        ADMIN_INTERVIEW,
        [
            ("PERSON", "李明", "officer", 0),
            ("PERSON", "刘某某", "interviewee", 0),
            ("DATETIME", "2024年4月1日10时00分", None, 0),
            ("DATETIME", "2024年4月1日10时40分", None, 0),
            ("LOCATION", "某派出所", None, 0),
        ],
    )
    _write_case(root, _case("C003", "administrative", True, [d], []), {"01_询问笔录.txt": ADMIN_INTERVIEW})
    # C004: a broken gold file; C005: gold without a folder; C006: a folder without gold.
    (root / "C004").mkdir()
    (root / "C004" / "01_询问笔录.txt").write_text(ADMIN_INTERVIEW, encoding="utf-8")
    (root / "C004.gold.json").write_text('{"case_id": "C004", "seed": ', encoding="utf-8")
    (root / "C005.gold.json").write_text(_case("C005", "criminal", True, [], []).model_dump_json(), encoding="utf-8")
    (root / "C006").mkdir()
    (root / "C006" / "01_询问笔录.txt").write_text(ADMIN_INTERVIEW, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def result(corpus: Path, reviewer: Reviewer) -> EvalResult:
    return evaluate_corpus(corpus, reviewer)


def test_findings_against_defects(result: EvalResult) -> None:
    d = result.defects
    assert (d.tp, d.fp, d.fn, d.fn_unreadable) == (1, 1, 2, 1)
    assert d.precision == 0.5
    assert d.recall == pytest.approx(1 / 3, abs=1e-4)
    assert d.recall_readable == 0.5
    assert d.f1 == 0.4
    cat = result.by_category
    assert set(cat) == {
        "missing_element",
        "missing_document",
        "time_limit",
        "procedure",
        "inconsistency",
        "citation",
        "qualification",
    }
    assert (cat["procedure"].tp, cat["procedure"].fp, cat["procedure"].fn) == (1, 1, 0)
    assert (cat["inconsistency"].tp, cat["inconsistency"].fn, cat["inconsistency"].fn_unreadable) == (0, 1, 0)
    assert (cat["time_limit"].fn, cat["time_limit"].fn_unreadable) == (1, 1)
    assert cat["citation"].gold == 0 and cat["citation"].precision is None


def test_per_rule_and_agreement(result: EvalResult) -> None:
    rules = result.by_rule
    assert set(rules) == {"PER-01", "CON-05", "CR-04"}
    per01 = rules["PER-01"]
    assert (per01.tp, per01.fp, per01.fn, per01.agree) == (1, 1, 0, 1)
    assert per01.precision == 0.5 and per01.recall == 1.0
    assert (rules["CON-05"].fn, rules["CON-05"].recall) == (1, 0.0)
    assert (rules["CR-04"].fn_unreadable, rules["CR-04"].recall_readable) == (1, None)
    assert (result.rule_agreement.matched, result.rule_agreement.agree, result.rule_agreement.rate) == (1, 1, 1.0)


def test_false_alarms_on_clean_cases(result: EvalResult) -> None:
    fa = result.false_alarms
    assert (fa.clean_cases, fa.findings, fa.per_clean_case) == (2, 1, 0.5)
    assert fa.rules == {"PER-01": 1}
    assert result.by_kind["criminal"].false_alarms.per_clean_case == 1.0
    assert result.by_kind["administrative"].false_alarms.per_clean_case == 0.0


def test_alignment_and_unreadable_evidence_are_visible(result: EvalResult) -> None:
    al = result.alignment
    assert (al.gold_documents, al.aligned) == (5, 4)
    assert al.by_method == {"exact": 4, "none": 1}
    assert al.unaligned_by_reason == {"file_error": 1}
    assert al.unaligned_by_format == {"scanned_pdf": 1}
    assert [(u.case_id, u.document) for u in al.unaligned_documents] == [("C001", "D03")]
    assert (al.evidence_spans, al.evidence_mapped) == (3, 2)
    assert result.by_format["scanned_pdf"].defects.fn_unreadable == 1
    assert (result.by_format["txt"].defects.tp, result.by_format["txt"].defects.fn) == (1, 1)
    assert result.by_format["txt"].defects.fp == 1


def test_entities_strict_spans_and_roles(result: EvalResult) -> None:
    person = result.entities["PERSON"]
    # Gold: 3 + 3 + 3 + 2; the reviewer finds them all (C001's 李明 one character later: whitespace) plus three more.
    assert (person.tp, person.fn, person.fp) == (11, 0, 3)
    assert (person.role_correct, person.role_total) == (10, 11)
    assert [(c.gold, c.predicted, c.count) for c in person.role_confusions] == [("victim", "interviewee", 1)]
    dt = result.entities["DATETIME"]
    assert (dt.tp, dt.fn, dt.fp) == (7, 0, 1)
    location = result.entities["LOCATION"]
    assert (location.tp, location.fn, location.precision, location.recall) == (0, 1, None, 0.0)
    assert "ID_NUMBER" not in result.entities  # only gold types are scored


def test_doc_types(result: EvalResult) -> None:
    assert (result.doc_types.correct, result.doc_types.total) == (4, 5)
    assert [(c.gold, c.predicted, c.count) for c in result.doc_types.confusions] == [
        ("detention_warrant", "(missing)", 1)
    ]
    assert result.by_format["txt"].doc_types.accuracy == 1.0
    assert result.by_format["scanned_pdf"].doc_types.accuracy == 0.0


def test_throughput_errors_and_problems(result: EvalResult) -> None:
    tp = result.throughput
    assert (tp.cases, tp.documents) == (3, 4)
    assert tp.characters > 0 and tp.seconds > 0 and tp.docs_per_s and tp.chars_per_s
    assert tp.file_errors == {"文件已损坏或不是PDF，无法作为PDF打开": 1}
    assert (result.gold_files, result.cases_evaluated, result.cases_failed) == (5, 3, 2)
    problems = {(p.case_id, p.problem) for p in result.problems}
    assert problems == {("C004", "gold_invalid"), ("C005", "case_folder_missing"), ("C006", "gold_missing")}
    assert [(c.case_id, c.tp, c.fp, c.fn) for c in result.cases] == [
        ("C001", 1, 0, 2),
        ("C002", 0, 1, 0),
        ("C003", 0, 0, 0),
    ]


def test_json_round_trip_and_text(result: EvalResult) -> None:
    data = json.loads(result.model_dump_json())
    assert data["defects"]["precision"] == 0.5
    assert data["by_rule"]["PER-01"]["agree"] == 1
    assert data["entities"]["PERSON"]["role_accuracy"] == pytest.approx(10 / 11, abs=1e-4)
    assert EvalResult.model_validate_json(result.model_dump_json()).defects.tp == 1
    text = format_eval(result)
    for expected in (
        "程序违规 procedure",
        "PER-01",
        "平均每案误报 0.50",
        "C004：金标文件无效",
        "文件无法读取",
    ):
        assert expected in text, expected


def test_whitespace_only_difference_maps_offsets() -> None:
    al = align_texts(INTERROGATION, INTERROGATION_FILE)
    assert al.method == "exact"
    start, end = _span(INTERROGATION, "讯问人：李明")
    mapped = al.map_span(start, end)
    assert mapped is not None
    assert INTERROGATION_FILE[mapped[0] : mapped[1]] == "讯问人：  李明"
    start, end = _span(INTERROGATION, "王某某")
    mapped = al.map_span(start, end)
    assert mapped is not None and INTERROGATION_FILE[mapped[0] : mapped[1]] == "王某某"


def test_part_located_in_combined_text_and_fuzzy_ocr() -> None:
    combined = INTERVIEW + "\n" + INTERROGATION
    al = align_texts(INTERROGATION, combined)
    assert al.method == "located"
    mapped = al.map_span(*_span(INTERROGATION, "讯问人：李明"))
    assert mapped is not None and combined[mapped[0] : mapped[1]] == "讯问人：李明"
    # OCR: a misread character, a dropped one, full-width digits.
    ocr = (
        INTERROGATION.replace("传唤", "传换")
        .replace("某派出所", "某派出")
        .replace("2024年3月2日14", "２０２４年3月2日14")
    )
    al = align_texts(INTERROGATION, ocr)
    assert al.method == "fuzzy" and al.coverage > 0.9
    mapped = al.map_span(*_span(INTERROGATION, "王某某"))
    assert mapped is not None and ocr[mapped[0] : mapped[1]] == "王某某"
    assert align_texts(INTERROGATION, "完全无关的一段文字").method == "none"
    assert align_texts(INTERROGATION, "").method == "none"


def test_combined_file_parts_align_into_the_unsplit_document(tmp_path: Path, reviewer: Reviewer) -> None:
    # The reviewer reads 卷宗.txt as one document; the gold has two parts of it, located inside it in file order.
    # The 笔录 carries its 核对 line: unsplit, the one interrogation_record is past EL-CR-06-2's min_chars (the
    # 笔录 alone is not), and a 笔录 without that line is a true EL-CR-06-2 finding, not an alignment problem.
    record = INTERROGATION + "\n以上笔录我看过，和我说的相符。\n被讯问人：王某某"
    d1 = _doc("D01", "卷宗.txt#pages=1-1", "pdf", "interrogation_record", record, [("PERSON", "王某某", "suspect", 0)])
    d2 = _doc("D02", "卷宗.txt#pages=2-2", "pdf", "detention_warrant", DETENTION, [("PERSON", "王某某", "suspect", 0)])
    gold = _case("K1", "criminal", False, [d1, d2], [_defect("single_interrogator", "procedure", "PER-01", d1, "李明")])
    _write_case(tmp_path, gold, {"卷宗.txt": record + "\n\n" + DETENTION})
    result = evaluate_corpus(tmp_path, reviewer)
    assert result.alignment.by_method == {"located": 2}
    assert (result.defects.tp, result.defects.fp, result.defects.fn) == (1, 0, 0)
    assert result.entities["PERSON"].tp == 2
    # The unsplit file has one type, so the second part is a confusion.
    assert [(c.gold, c.predicted) for c in result.doc_types.confusions] == [
        ("detention_warrant", "interrogation_record")
    ]


def test_reviewer_crash_is_reported_not_fatal(corpus: Path, reviewer: Reviewer) -> None:
    class Flaky:
        def review_path(self, path: Path) -> CaseFile:
            if path.name == "C002":
                raise RuntimeError("boom")
            return reviewer.review_path(path)

    seen: list[tuple[int, int]] = []
    result = evaluate_corpus(corpus, Flaky(), limit=2, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]
    assert [c.case_id for c in result.cases] == ["C001"]
    crashed = [p for p in result.problems if p.problem == "reviewer_crashed"]
    assert [(p.case_id, p.detail) for p in crashed] == [("C002", "RuntimeError: boom")]


def test_main_writes_json(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "eval.json"
    assert main([str(corpus), "--limit", "1", "--json", str(out), "--quiet"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["cases_evaluated"] == 1
    assert "卷审语料评测" in capsys.readouterr().out
    assert main([str(tmp_path / "nope")]) == 2
