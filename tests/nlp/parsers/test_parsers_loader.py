from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from nlp import registry
from nlp.labels import FileFormat
from nlp.parsers.loader import LoadedCase, load_case, load_uploads, natural_key, sniff

TXT = "询问笔录\n被询问人：张某某".encode()


def _sources(case: LoadedCase) -> list[str]:
    return [f.source for f in case.files]


def _errors(case: LoadedCase) -> dict[str, str]:
    return {e.source: e.reason for e in case.errors}


def test_loader_folder_bad_file_does_not_stop_good_ones(
    write_files: Callable[[dict[str, bytes]], Path], form_docx: bytes
) -> None:
    root = write_files(
        {
            "01受案登记表.docx": form_docx,
            "02询问笔录.txt": TXT,
            "03损坏.docx": b"PK\x03\x04 broken",
            "04旧格式.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
            ".DS_Store": b"\x00\x00",
            "~$受案登记表.docx": b"lock",
            "Thumbs.db": b"\x00",
            "__MACOSX/._01受案登记表.docx": b"\x00",
        }
    )
    case = load_case(root)
    assert _sources(case) == ["01受案登记表.docx", "02询问笔录.txt"]
    assert _errors(case) == {
        "03损坏.docx": "文件已损坏，无法作为Word文档打开",
        "04旧格式.doc": ".doc 旧版Word格式暂不支持，请另存为.docx",
    }
    docx_file = case.files[0]
    assert docx_file.parsed.format == FileFormat.DOCX
    assert docx_file.sha256 == hashlib.sha256(form_docx).hexdigest()
    assert docx_file.size == len(form_docx)
    assert case.root == str(root)


def test_loader_folder_recursive_natural_order(write_files: Callable[[dict[str, bytes]], Path]) -> None:
    root = write_files({name: TXT for name in ["10.txt", "2.txt", "卷二/1.txt", "卷10/1.txt", "卷2/3.txt", "1.txt"]})
    assert _sources(load_case(root)) == ["1.txt", "2.txt", "10.txt", "卷2/3.txt", "卷10/1.txt", "卷二/1.txt"]


@pytest.mark.parametrize(
    ("names", "ordered"),
    [
        (["10.docx", "2.docx", "1.docx"], ["1.docx", "2.docx", "10.docx"]),
        (["笔录10.pdf", "笔录9.pdf", "笔录09a.pdf"], ["笔录9.pdf", "笔录09a.pdf", "笔录10.pdf"]),
        (["B.txt", "a.txt"], ["a.txt", "B.txt"]),
        (["a/10.txt", "a/2.txt", "a.txt"], ["a/2.txt", "a/10.txt", "a.txt"]),
    ],
)
def test_loader_natural_key_orders(names: list[str], ordered: list[str]) -> None:
    assert sorted(names, key=natural_key) == ordered


def test_loader_zip_with_gbk_names_and_nested_folders(
    tmp_path: Path, make_zip: Callable[..., bytes], form_docx: bytes
) -> None:
    data = make_zip(
        [
            ("案卷/".encode("gbk"), b""),  # a folder entry
            ("案卷/受案登记表.docx".encode("gbk"), form_docx),
            ("案卷/笔录/询问笔录（张某某）.txt".encode("gbk"), TXT),
            ("案卷/笔录/第2次询问笔录.txt", TXT),  # UTF-8 flagged name in the same archive
            ("__MACOSX/案卷/._受案登记表.docx", b"\x00"),
            ("案卷/.DS_Store".encode(), b"\x00"),
        ]
    )
    path = tmp_path / "案卷.zip"
    path.write_bytes(data)
    case = load_case(path)
    assert case.errors == []
    assert _sources(case) == ["案卷/受案登记表.docx", "案卷/笔录/第2次询问笔录.txt", "案卷/笔录/询问笔录（张某某）.txt"]
    assert case.files[2].parsed.text == "询问笔录\n被询问人：张某某"


def test_loader_zip_unicode_path_extra_field_wins(
    tmp_path: Path, raw_name_info: Callable[[bytes], zipfile.ZipInfo]
) -> None:
    legacy = "旧名.txt".encode("gbk")
    unicode_name = "询问笔录.txt".encode()
    extra = (
        (0x7075).to_bytes(2, "little")
        + (5 + len(unicode_name)).to_bytes(2, "little")
        + b"\x01"
        + zipfile.crc32(legacy).to_bytes(4, "little")
        + unicode_name
    )
    info = raw_name_info(legacy)
    info.extra = extra
    path = tmp_path / "case.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(info, TXT)
    assert _sources(load_case(path)) == ["询问笔录.txt"]


def test_loader_nested_zip_one_level_deep(
    write_files: Callable[[dict[str, bytes]], Path], make_zip: Callable[..., bytes]
) -> None:
    innermost = make_zip([("c.txt", TXT)])
    inner = make_zip([("b.txt", TXT), ("深层.zip", innermost)])
    outer = make_zip([("a.txt", TXT), ("补充材料.zip", inner)])
    case = load_case(write_files({"材料.zip": outer}))
    assert _sources(case) == ["材料.zip/a.txt", "材料.zip/补充材料.zip/b.txt"]
    assert _errors(case) == {"材料.zip/补充材料.zip/深层.zip": "压缩包嵌套超过一层，未展开，请解压后重新提供"}


@pytest.mark.parametrize(
    "members",
    [[], [("空文件夹/", b"")], [("__MACOSX/._x.txt", b"\x00"), (".DS_Store", b"\x00")]],
    ids=["no-members", "only-folders", "only-junk"],
)
def test_loader_empty_zip_is_an_error(tmp_path: Path, make_zip: Callable[..., bytes], members: list) -> None:  # type: ignore[type-arg]
    path = tmp_path / "空.zip"
    path.write_bytes(make_zip(members))
    case = load_case(path)
    assert case.files == []
    assert _errors(case) == {"空.zip": "压缩包为空"}


def test_loader_zip_bomb_guard_refuses_members_over_the_limit(tmp_path: Path, make_zip: Callable[..., bytes]) -> None:
    path = tmp_path / "case.zip"
    path.write_bytes(make_zip([("1.txt", TXT), ("2.txt", "填充".encode() * 100_000), ("3.txt", TXT)]))
    case = load_case(path, max_archive_bytes=100_000)
    assert _sources(case) == ["1.txt", "3.txt"]
    assert "压缩炸弹" in _errors(case)["2.txt"]


def test_loader_file_size_limit(write_files: Callable[[dict[str, bytes]], Path]) -> None:
    case = load_case(write_files({"大.txt": b"a" * 2000, "小.txt": TXT}), max_file_bytes=1000)
    assert _sources(case) == ["小.txt"]
    assert "超过单个文件" in _errors(case)["大.txt"]


def test_loader_corrupt_zip_is_an_error(write_files: Callable[[dict[str, bytes]], Path]) -> None:
    case = load_case(write_files({"坏.zip": b"PK\x03\x04 not really", "好.txt": TXT}))
    assert _sources(case) == ["好.txt"]
    assert _errors(case) == {"坏.zip": "压缩包已损坏，无法打开"}


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("笔录.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".doc 旧版Word格式暂不支持，请另存为.docx"),
        ("笔录.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".wps WPS文字格式暂不支持，请另存为.docx"),
        ("现场照片.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100, "图片"),
        ("卷宗.rar", b"Rar!\x1a\x07\x00" + b"\x00" * 50, "请改用.zip"),
        ("说明.md", b"# notes", ".md 文件类型暂不支持"),
        ("无扩展名", b"some bytes", "没有扩展名"),
    ],
)
def test_loader_unsupported_files_are_named_errors(
    write_files: Callable[[dict[str, bytes]], Path], name: str, data: bytes, reason: str
) -> None:
    case = load_case(write_files({name: data}))
    assert case.files == []
    assert [e.source for e in case.errors] == [name]
    assert reason in case.errors[0].reason


def test_loader_sniffs_a_pdf_named_docx(write_files: Callable[[dict[str, bytes]], Path], three_page_pdf: bytes) -> None:
    case = load_case(write_files({"受案登记表.docx": three_page_pdf}))
    (loaded,) = case.files
    assert loaded.parsed.format == FileFormat.PDF
    assert loaded.parsed.warnings[0] == "文件扩展名为.docx，实际为PDF文件，已按PDF读取"


def test_loader_reads_a_docx_named_doc(write_files: Callable[[dict[str, bytes]], Path], form_docx: bytes) -> None:
    case = load_case(write_files({"受案登记表.doc": form_docx}))
    assert case.errors == []
    assert case.files[0].parsed.format == FileFormat.DOCX


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n", "pdf"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
        (b"{\\rtf1\\ansi", "rtf"),
        (b"\x89PNG\r\n\x1a\n", "image"),
        (b"plain text", None),
    ],
)
def test_loader_sniff_magic_bytes(data: bytes, kind: str | None) -> None:
    assert sniff(data) == kind


def test_loader_single_file(tmp_path: Path, three_page_pdf: bytes) -> None:
    path = tmp_path / "询问笔录.pdf"
    path.write_bytes(three_page_pdf)
    case = load_case(path)
    assert _sources(case) == ["询问笔录.pdf"]
    assert case.files[0].parsed.pages == 3


def test_loader_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="案卷路径不存在"):
        load_case(tmp_path / "不存在")


def test_loader_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "空卷").mkdir()
    case = load_case(tmp_path / "空卷")
    assert _errors(case) == {"空卷": "文件夹中没有文件"}


def test_loader_parser_crash_is_contained(
    write_files: Callable[[dict[str, bytes]], Path], monkeypatch: pytest.MonkeyPatch, form_docx: bytes
) -> None:
    def crash(data: bytes, source: str) -> None:
        raise RuntimeError("boom")

    monkeypatch.setitem(registry.parsers._items, "txt", crash)
    case = load_case(write_files({"a.txt": TXT, "b.docx": form_docx}))
    assert _sources(case) == ["b.docx"]
    assert "内部错误" in _errors(case)["a.txt"]


def test_loader_uploads_mixed_files_and_zip(
    make_zip: Callable[..., bytes], form_docx: bytes, three_page_pdf: bytes
) -> None:
    archive = make_zip([("笔录/询问笔录.txt".encode("gbk"), TXT), ("空.txt", b"")])
    case = load_uploads(
        [
            ("受案登记表.docx", form_docx),
            ("C:\\Users\\民警\\询问笔录.pdf", three_page_pdf),
            ("补充材料.zip", archive),
            ("现场照片.png", b"\x89PNG\r\n\x1a\n"),
            ("受案登记表.docx", form_docx),  # the same name twice
        ]
    )
    assert _sources(case) == [
        "Users/民警/询问笔录.pdf",
        "受案登记表(2).docx",
        "受案登记表.docx",
        "补充材料.zip/空.txt",
        "补充材料.zip/笔录/询问笔录.txt",
    ]
    assert list(_errors(case)) == ["现场照片.png"]


def test_loader_uploads_single_zip_is_the_case_root(make_zip: Callable[..., bytes]) -> None:
    case = load_uploads([("案卷.zip", make_zip([("卷一/1.txt", TXT), ("卷一/2.txt", TXT)]))])
    assert _sources(case) == ["卷一/1.txt", "卷一/2.txt"]


def test_loader_uploads_path_traversal_is_cleaned() -> None:
    case = load_uploads([("../../etc/笔录.txt", TXT)])
    assert _sources(case) == ["etc/笔录.txt"]
