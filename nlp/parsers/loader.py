"""Loading a case (案卷): a folder, a .zip, a single file, or the files of an API upload.

Every readable file becomes a ``LoadedFile``; every file that cannot be read becomes a ``FileError`` with a
Chinese reason. One bad file never stops the others. Sources are paths relative to the case root with "/"
separators, sorted in natural order ("2.docx" before "10.docx").

Archives: .zip only, expanded in memory. Members of an archive inside the case are named
"<archive path>/<member path>"; an archive nested in that one is expanded too, one level deeper is refused.
Member names without the UTF-8 flag are decoded from the bytes Windows wrote (GBK/GB18030, which zipfile
shows as CP437 mojibake). A case's archives may unpack to at most ``max_archive_bytes`` in total — members
past that are refused as a zip bomb — and no single file may exceed ``max_file_bytes``.

Parsers are chosen by the content's magic bytes first (a PDF named .docx is read as a PDF, with a warning)
and by the suffix otherwise, through ``registry.parsers``.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from pydantic import BaseModel, ConfigDict, Field

from nlp import registry
from nlp.parsers import pdf_parser, text_parser  # noqa: F401  (imported to register their parsers)
from nlp.parsers.base import ParsedFile, ParseError
from nlp.parsers.docx_parser import OLE_MAGIC, is_encrypted_ole
from nlp.schema import FileError

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024  # total uncompressed size of all archive members of one case
MAX_ARCHIVE_MEMBERS = 10_000
_MB = 1024 * 1024

_JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}
_ZIP_UTF8_FLAG = 0x800
_ZIP_ENCRYPTED_FLAG = 0x1
_UNICODE_PATH_EXTRA = 0x7075  # Info-ZIP Unicode Path extra field: a UTF-8 copy of a legacy-encoded name

_UNSUPPORTED: dict[str, str] = {
    ".doc": ".doc 旧版Word格式暂不支持，请另存为.docx",
    ".dot": ".dot 旧版Word模板暂不支持，请另存为.docx",
    ".docm": ".docm 启用宏的Word文档暂不支持，请另存为.docx",
    ".wps": ".wps WPS文字格式暂不支持，请另存为.docx",
    ".rtf": ".rtf 格式暂不支持，请另存为.docx",
    ".odt": ".odt 格式暂不支持，请另存为.docx",
    ".ofd": ".ofd 版式文件暂不支持，请转换为PDF",
    ".xls": ".xls 表格文件暂不支持",
    ".xlsx": ".xlsx 表格文件暂不支持",
    ".et": ".et 表格文件暂不支持",
    ".ppt": ".ppt 演示文稿暂不支持",
    ".pptx": ".pptx 演示文稿暂不支持",
    ".rar": ".rar 压缩包暂不支持，请改用.zip",
    ".7z": ".7z 压缩包暂不支持，请改用.zip",
    ".tar": ".tar 压缩包暂不支持，请改用.zip",
    ".gz": ".gz 压缩包暂不支持，请改用.zip",
}
_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".heic"}
_KIND_REASONS: dict[str, str] = {
    "image": "文件内容为图片，暂不支持（未做OCR），请提供文字版PDF或.docx",
    "rtf": "文件内容为RTF格式，暂不支持，请另存为.docx",
    "ofd": "文件内容为OFD版式文件，暂不支持，请转换为PDF",
    "xlsx": "文件内容为Excel表格，暂不支持",
    "pptx": "文件内容为PowerPoint演示文稿，暂不支持",
    "rar": "文件内容为RAR压缩包，暂不支持，请改用.zip",
    "7z": "文件内容为7z压缩包，暂不支持，请改用.zip",
}
_KIND_ZH = {"pdf": "PDF", "docx": "Word（.docx）"}


class LoadedFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str  # path relative to the case root, "/" separators
    sha256: str  # of the file's bytes as found (inside the archive for archive members)
    size: int
    parsed: ParsedFile


class LoadedCase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    root: str = ""
    files: list[LoadedFile] = Field(default_factory=list)
    errors: list[FileError] = Field(default_factory=list)


def natural_key(source: str) -> tuple[list[list[str | int]], str]:
    """Sort key comparing paths part by part, digit runs as numbers: "2.docx" < "10.docx", "a/b" < "a1".

    The source itself breaks ties ("1.txt" vs "01.txt"), so the order never depends on the file system's.
    """
    # re.split with a group alternates text (even) and digits (odd), so compared items always share a type.
    parts = [
        [int(token) if i % 2 else token.casefold() for i, token in enumerate(re.split(r"(\d+)", part))]
        for part in source.split("/")
    ]
    return parts, source


def sniff(data: bytes) -> str | None:
    """What the bytes are, whatever the name says: pdf, docx, zip, ole, rtf, image, ofd, xlsx, pptx, rar, 7z."""
    head = data[:16]
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, ValueError, OSError, EOFError):
            return "zip"  # damaged; the archive reader reports it
        if "[Content_Types].xml" in names:
            prefixes = {name.split("/", 1)[0] for name in names}
            for folder, kind in (("word", "docx"), ("xl", "xlsx"), ("ppt", "pptx")):
                if folder in prefixes:
                    return kind
            return "zip"
        return "ofd" if "OFD.xml" in names else "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")):
        return "image"
    if head.startswith(b"Rar!\x1a\x07"):
        return "rar"
    if head.startswith(b"7z\xbc\xaf\x27\x1c"):
        return "7z"
    return None


def _suffix(source: str) -> str:
    return PurePosixPath(source).suffix.lower()


def _is_junk(path: str) -> bool:
    """OS and editor debris that is never a case document: __MACOSX, .DS_Store, Thumbs.db, ~$ lock files …"""
    parts = path.split("/")
    if any(part == "__MACOSX" or part.startswith(".") for part in parts):
        return True
    name = parts[-1]
    return name.lower() in _JUNK_NAMES or name.startswith("~$") or name.lower().endswith(".tmp")


def _clean_path(name: str) -> str:
    """A safe relative POSIX path: backslashes as separators, no drive, no "." / ".." / empty parts."""
    name = name.replace("\\", "/")
    name = re.sub(r"^[A-Za-z]:", "", name)
    return "/".join(part for part in name.split("/") if part not in ("", ".", ".."))


def _member_name(info: zipfile.ZipInfo) -> str:
    """The member's real name: UTF-8 when flagged, else the Unicode Path extra field, else UTF-8 or GB18030."""
    if info.flag_bits & _ZIP_UTF8_FLAG:
        return info.filename
    try:
        raw = info.filename.encode("cp437")  # zipfile decoded the legacy bytes as CP437; undo that
    except UnicodeEncodeError:
        return info.filename
    extra = info.extra
    while len(extra) >= 4:
        header_id, size = struct.unpack("<HH", extra[:4])
        body = extra[4 : 4 + size]
        # Only trusted while its CRC matches the legacy name, i.e. no tool renamed the member without updating it.
        if (
            header_id == _UNICODE_PATH_EXTRA
            and len(body) > 5
            and body[0] == 1
            and struct.unpack("<I", body[1:5])[0] == zlib.crc32(raw)
        ):
            try:
                return body[5:].decode("utf-8")
            except UnicodeDecodeError:
                break
        extra = extra[4 + size :]
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def _unsupported_reason(suffix: str) -> str:
    if suffix in _UNSUPPORTED:
        return _UNSUPPORTED[suffix]
    if suffix in _IMAGE_SUFFIXES:
        return f"{suffix} 图片文件暂不支持（未做OCR），请提供文字版PDF或.docx"
    if not suffix:
        return "文件没有扩展名，无法识别文件类型"
    return f"{suffix} 文件类型暂不支持（支持.docx、.pdf、.txt和.zip）"


def _is_archive(source: str, kind: str | None) -> bool:
    suffix = _suffix(source)
    # A damaged or foreign zip named .docx is left to the docx parser, which words the reason for a Word file.
    return (kind == "zip" and suffix != ".docx") or (suffix == ".zip" and kind is None)


def parse_bytes(data: bytes, source: str, kind: str | None = None) -> ParsedFile:
    """Parse one file's bytes, choosing the parser by content first and by suffix second. Raises ParseError.

    ``kind`` is ``sniff(data)`` when the caller already has it.
    """
    suffix = _suffix(source)
    kind = kind or sniff(data)
    declared = suffix.lstrip(".")
    if kind in ("pdf", "docx"):
        parsed: ParsedFile = registry.parsers.get(kind)(data, source)
        if declared != kind:
            shown = suffix or "（无扩展名）"
            parsed.warnings.insert(0, f"文件扩展名为{shown}，实际为{_KIND_ZH[kind]}文件，已按{_KIND_ZH[kind]}读取")
        return parsed
    if kind == "ole":
        if is_encrypted_ole(data):
            raise ParseError("Office文档已加密，无法读取，请解除密码后重新提供")
        if suffix == ".docx":  # a .doc renamed .docx: the docx parser words the reason
            return registry.parsers.get("docx")(data, source)
        raise ParseError(_UNSUPPORTED.get(suffix, "旧版Office（.doc/.wps/.xls）格式暂不支持，请另存为.docx"))
    if kind in _KIND_REASONS:
        raise ParseError(_KIND_REASONS[kind])
    if declared in registry.parsers and declared != "zip":
        return registry.parsers.get(declared)(data, source)
    raise ParseError(_unsupported_reason(suffix))


class _Collector:
    """Accumulates results across folders and archives and enforces the case-wide limits."""

    def __init__(self, root: str, max_file_bytes: int, max_archive_bytes: int) -> None:
        self.case = LoadedCase(root=root)
        self.max_file_bytes = max_file_bytes
        self.max_archive_bytes = max_archive_bytes
        self.archive_bytes = 0
        self._sources: set[str] = set()

    def _unique(self, source: str) -> str:
        candidate, n = source, 1
        path = PurePosixPath(source)
        while candidate in self._sources:
            n += 1
            candidate = str(path.with_name(f"{path.stem}({n}){path.suffix}")) if path.name else f"{source}({n})"
        self._sources.add(candidate)
        return candidate

    def error(self, source: str, reason: str) -> None:
        self.case.errors.append(FileError(source=self._unique(source), reason=reason))

    def too_big(self, source: str, size: int) -> bool:
        if size > self.max_file_bytes:
            self.error(source, f"文件过大（{size / _MB:.1f}MB），超过单个文件{self.max_file_bytes / _MB:g}MB的上限")
            return True
        return False

    def add(self, source: str, data: bytes, depth: int = 0) -> None:
        """Parse one file, or expand it when it is an archive. ``depth`` counts enclosing archives."""
        kind = sniff(data)
        if _is_archive(source, kind):
            self.add_archive(source, data, depth)
            return
        try:
            parsed = parse_bytes(data, source, kind)
        except ParseError as exc:
            self.error(source, exc.reason)
            return
        except Exception:  # a parser bug must not lose the rest of the case
            # File names often carry people's names: log the content hash, never the name.
            log.exception("parser crashed on file sha256=%s", hashlib.sha256(data).hexdigest()[:16])
            self.error(source, "文件解析失败（程序内部错误），请联系管理员")
            return
        digest = hashlib.sha256(data).hexdigest()
        self.case.files.append(LoadedFile(source=self._unique(source), sha256=digest, size=len(data), parsed=parsed))

    def add_archive(self, source: str, data: bytes, depth: int, prefix: str | None = None) -> None:
        """Expand a .zip; members are named ``prefix + member path`` (``prefix`` defaults to "<source>/")."""
        if depth > 1:
            self.error(source, "压缩包嵌套超过一层，未展开，请解压后重新提供")
            return
        prefix = f"{source}/" if prefix is None else prefix
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, OSError, EOFError):
            self.error(source, "压缩包已损坏，无法打开")
            return
        with archive:
            members = [(name, info) for name, info in _archive_members(archive) if not _is_junk(name)]
            if not members:
                self.error(source, "压缩包为空")
                return
            if len(members) > MAX_ARCHIVE_MEMBERS:
                self.error(source, f"压缩包内文件数超过{MAX_ARCHIVE_MEMBERS}个，已拒绝")
                return
            for name, info in sorted(members, key=lambda item: natural_key(item[0])):
                member_source = prefix + name
                if info.flag_bits & _ZIP_ENCRYPTED_FLAG:
                    self.error(member_source, "压缩包内文件已加密（有密码），无法解压")
                    continue
                if self.too_big(member_source, info.file_size):
                    continue
                if self.archive_bytes + info.file_size > self.max_archive_bytes:
                    limit = f"{self.max_archive_bytes / _MB:g}"
                    self.error(member_source, f"压缩包解压后总大小超过{limit}MB上限（疑似压缩炸弹），此文件未解压")
                    continue
                # zipfile stops at the declared size (and fails the CRC if the data is longer), so counting
                # declared sizes bounds what is really unpacked.
                self.archive_bytes += info.file_size
                try:
                    member = archive.read(info)
                except NotImplementedError:
                    self.error(member_source, "压缩包使用了不支持的压缩方式，无法解压")
                    continue
                except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, ValueError):
                    self.error(member_source, "压缩包内文件已损坏，无法解压")
                    continue
                self.add(member_source, member, depth + 1)


def _archive_members(archive: zipfile.ZipFile) -> Iterator[tuple[str, zipfile.ZipInfo]]:
    for info in archive.infolist():
        name = _member_name(info)
        if info.is_dir() or name.endswith(("/", "\\")):
            continue
        cleaned = _clean_path(name)
        if cleaned:
            yield cleaned, info


def _read(collector: _Collector, path: Path, source: str) -> bytes | None:
    try:
        size = path.stat().st_size
        if collector.too_big(source, size):
            return None
        return path.read_bytes()
    except PermissionError:
        collector.error(source, "文件无法读取（没有读取权限）")
    except OSError:
        collector.error(source, "文件无法读取")
    return None


def _walk_folder(collector: _Collector, root: Path) -> None:
    real_root = root.resolve()
    found = False
    for directory, subdirs, names in os.walk(root, followlinks=False):
        subdirs[:] = [d for d in subdirs if not _is_junk(d)]
        for name in names:
            path = Path(directory) / name
            source = path.relative_to(root).as_posix()
            if _is_junk(source):
                continue
            found = True
            if path.is_symlink() and not path.resolve().is_relative_to(real_root):
                collector.error(source, "文件是指向案卷目录以外的链接，已跳过")
                continue
            if not path.is_file():
                collector.error(source, "不是普通文件，已跳过")
                continue
            data = _read(collector, path, source)
            if data is not None:
                collector.add(source, data)
    if not found:
        collector.error(root.name or str(root), "文件夹中没有文件")


def _sorted(case: LoadedCase) -> LoadedCase:
    case.files.sort(key=lambda f: natural_key(f.source))
    case.errors.sort(key=lambda e: natural_key(e.source))
    return case


def load_case(
    path: Path, *, max_file_bytes: int = MAX_FILE_BYTES, max_archive_bytes: int = MAX_ARCHIVE_BYTES
) -> LoadedCase:
    """Load a case from a folder (recursively), a .zip, or a single .docx/.pdf/.txt file.

    Raises FileNotFoundError when ``path`` does not exist and ValueError when it is neither a file nor a folder;
    everything wrong with the files themselves ends up in ``LoadedCase.errors``.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"案卷路径不存在：{path}")
    collector = _Collector(str(path), max_file_bytes, max_archive_bytes)
    if path.is_dir():
        _walk_folder(collector, path)
    elif path.is_file():
        data = _read(collector, path, path.name)
        if data is not None:
            if _is_archive(path.name, sniff(data)):
                collector.add_archive(path.name, data, depth=0, prefix="")
            else:
                collector.add(path.name, data)
    else:
        raise ValueError(f"案卷路径既不是文件也不是文件夹：{path}")
    return _sorted(collector.case)


def load_uploads(
    items: list[tuple[str, bytes]], *, max_file_bytes: int = MAX_FILE_BYTES, max_archive_bytes: int = MAX_ARCHIVE_BYTES
) -> LoadedCase:
    """Load the (filename, bytes) pairs of an API upload as one case.

    A lone uploaded .zip is the case root (its members keep their own paths, as with ``load_case``); with
    several uploads each archive's members are named "<archive name>/<member path>". Uploaded names may carry
    relative folders ("卷一/笔录.docx"); they are cleaned of "..", drives and backslashes.
    """
    collector = _Collector("", max_file_bytes, max_archive_bytes)
    for number, (filename, data) in enumerate(items, start=1):
        source = _clean_path(filename) or f"未命名文件{number}"
        if _is_junk(source):
            continue
        if collector.too_big(source, len(data)):
            continue
        if len(items) == 1 and _is_archive(source, sniff(data)):
            collector.add_archive(source, data, depth=0, prefix="")
        else:
            collector.add(source, data)
    if not items:
        collector.error("", "没有上传任何文件")
    return _sorted(collector.case)
