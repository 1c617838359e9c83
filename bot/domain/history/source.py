"""Where result.json comes from: the JSON file itself, or the zipped export folder.

Nothing is ever extracted to disk: the chosen zip member is decompressed as a stream, so entry
names matter only as a sign of a hostile archive. The archive is refused when:
- an entry name is absolute, has a drive letter or a ``..`` component, or is a symlink
  (`unsafe_zip`);
- it has more than `max_zip_entries` entries, or result.json declares a compression ratio above
  `max_compression_ratio` (`zip_bomb`); the declared size is also enforced while reading, since
  it can lie;
- result.json is larger than `max_json_bytes` (`too_large`), encrypted (`encrypted_zip`), or
  fails to decompress or its CRC (`damaged_zip`);
- several result.json sit at the same, shallowest depth (`ambiguous_export`); a deeper one next
  to a shallower one is ignored and the chosen member is reported.
"""

from __future__ import annotations

import io
import lzma
import os
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import BinaryIO, Final

from bot.domain.history.errors import ImportErrorCode, ImportFileError

ZIP_MAGICS: Final = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
RESULT_NAME: Final = "result.json"
HTML_EXPORT_NAME: Final = "messages.html"
MIB: Final = 1024 * 1024

HistorySource = bytes | bytearray | memoryview | str | os.PathLike[str] | BinaryIO
Reader = Callable[[int], bytes]


@dataclass(frozen=True, slots=True)
class ImportLimits:
    max_file_bytes: int = 4 * 1024 * MIB
    max_json_bytes: int = 4 * 1024 * MIB
    max_compression_ratio: float = 100.0
    # Below this size a high ratio is harmless (and common: JSON's repeated keys compress well).
    ratio_floor_bytes: int = 16 * MIB
    max_zip_entries: int = 200_000
    max_messages: int = 10_000_000


@dataclass(frozen=True, slots=True)
class OpenedSource:
    read: Reader
    member: str | None


@contextmanager
def open_source(source: HistorySource, limits: ImportLimits) -> Iterator[OpenedSource]:
    with _binary(source) as stream:
        size = stream.seek(0, io.SEEK_END)
        stream.seek(0)
        if size > limits.max_file_bytes:
            raise ImportFileError(ImportErrorCode.TOO_LARGE, f"file is {size} bytes")
        magic = stream.read(4)
        stream.seek(0)
        if magic in ZIP_MAGICS:
            with _zip_member(stream, limits) as opened:
                yield opened
        else:
            yield OpenedSource(_limited(stream.read, limits.max_json_bytes, None), None)


@contextmanager
def _binary(source: HistorySource) -> Iterator[BinaryIO]:
    if isinstance(source, bytes | bytearray | memoryview):
        yield io.BytesIO(source)
    elif isinstance(source, str | os.PathLike):
        with open(source, "rb") as stream:
            yield stream
    else:
        if not source.seekable():
            raise ValueError("the export source must be seekable")
        yield source


@contextmanager
def _zip_member(stream: BinaryIO, limits: ImportLimits) -> Iterator[OpenedSource]:
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, EOFError, ValueError) as error:
        raise ImportFileError(ImportErrorCode.DAMAGED_ZIP, str(error)) from error
    with archive:
        info = _choose_member(archive.infolist(), limits)
        try:
            member = archive.open(info)
        except NotImplementedError as error:
            raise ImportFileError(ImportErrorCode.DAMAGED_ZIP, str(error)) from error
        except (zipfile.BadZipFile, EOFError, zlib.error) as error:
            raise ImportFileError(ImportErrorCode.DAMAGED_ZIP, str(error)) from error
        with member:
            cap = min(info.file_size, limits.max_json_bytes)
            yield OpenedSource(_limited(member.read, cap, info.filename), info.filename)


def _choose_member(entries: list[zipfile.ZipInfo], limits: ImportLimits) -> zipfile.ZipInfo:
    if len(entries) > limits.max_zip_entries:
        raise ImportFileError(ImportErrorCode.ZIP_BOMB, f"{len(entries)} entries")
    for entry in entries:
        _check_name(entry)
    files = [entry for entry in entries if not entry.is_dir()]
    results = [entry for entry in files if _basename(entry) == RESULT_NAME]
    if not results:
        if any(_basename(entry) == HTML_EXPORT_NAME for entry in files):
            raise ImportFileError(ImportErrorCode.HTML_EXPORT, "HTML export, not JSON")
        raise ImportFileError(ImportErrorCode.NOT_AN_EXPORT, "no result.json in the archive")
    shallowest = min(_depth(entry) for entry in results)
    top = [entry for entry in results if _depth(entry) == shallowest]
    if len(top) > 1:
        names = ", ".join(entry.filename for entry in top)
        raise ImportFileError(ImportErrorCode.AMBIGUOUS_EXPORT, f"several result.json: {names}")
    chosen = top[0]
    _check_member(chosen, limits)
    return chosen


def _check_name(entry: zipfile.ZipInfo) -> None:
    name = entry.filename.replace("\\", "/")
    parts = PurePosixPath(name).parts
    unsafe = (
        name.startswith("/")
        or (len(name) > 1 and name[1] == ":")
        or ".." in parts
        or stat.S_ISLNK(entry.external_attr >> 16)
    )
    if unsafe:
        raise ImportFileError(ImportErrorCode.UNSAFE_ZIP, f"unsafe entry {entry.filename!r}")


def _check_member(entry: zipfile.ZipInfo, limits: ImportLimits) -> None:
    if entry.flag_bits & 0x1:
        raise ImportFileError(ImportErrorCode.ENCRYPTED_ZIP, f"{entry.filename} is encrypted")
    if entry.file_size > limits.max_json_bytes:
        raise ImportFileError(ImportErrorCode.TOO_LARGE, f"result.json is {entry.file_size} bytes")
    ratio = entry.file_size / max(entry.compress_size, 1)
    if entry.file_size > limits.ratio_floor_bytes and ratio > limits.max_compression_ratio:
        raise ImportFileError(ImportErrorCode.ZIP_BOMB, f"compression ratio {ratio:.0f}")


def _basename(entry: zipfile.ZipInfo) -> str:
    return entry.filename.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1].lower()


def _depth(entry: zipfile.ZipInfo) -> int:
    return entry.filename.replace("\\", "/").strip("/").count("/")


def _limited(read: Reader, cap: int, member: str | None) -> Reader:
    """`read` that refuses to return more than `cap` bytes and names zip damage in our terms."""
    total = 0
    # Decompressors report bad data as these (bz2 as OSError); a plain file's OSError is real.
    damage = (zipfile.BadZipFile, EOFError, zlib.error, lzma.LZMAError, OSError) if member else ()

    def limited_read(size: int) -> bytes:
        nonlocal total
        try:
            data = read(size)
        except damage as error:
            raise ImportFileError(ImportErrorCode.DAMAGED_ZIP, str(error)) from error
        total += len(data)
        if total > cap:
            code = ImportErrorCode.ZIP_BOMB if member else ImportErrorCode.TOO_LARGE
            raise ImportFileError(code, f"more than {cap} bytes of JSON")
        return data

    return limited_read
