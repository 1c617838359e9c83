"""Platform-number files as rows of cells: CSV in any encoding a spreadsheet writes, or XLSX.

CSV encodings, in the order they are recognised: a byte-order mark (UTF-8, UTF-16), then strict
UTF-8, then GB18030 (a superset of GBK, what Chinese Excel and WPS write when told "CSV"). Random
bytes fail both strict decoders or leave control characters behind, so junk is refused rather than
read as mojibake. The delimiter (comma, semicolon, tab) is the one under which the header row
names the most known columns.

XLSX is read with openpyxl in read-only mode and *without* cached values (`data_only=False`): a
formula cell then comes back as its text ("=SUM(...)") and the caller refuses it, instead of
taking a number computed by whoever saved the file. openpyxl never evaluates formulas itself.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from typing import TypeAlias

import openpyxl
from openpyxl.workbook.workbook import Workbook

Cell: TypeAlias = str | int | float | bool | date | datetime | time | None

MAX_FILE_BYTES = 20 * 1024 * 1024  # the Bot API's download limit
MAX_ROWS = 200_000
MAX_XLSX_UNPACKED_BYTES = 256 * 1024 * 1024  # a zip bomb stops here, before openpyxl reads it
HEADER_SEARCH_ROWS = 10
DELIMITERS = (",", ";", "\t")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls: not supported, said so
BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Control characters no spreadsheet writes into a CSV (tab, CR, LF are fine).
_CONTROL = frozenset(chr(code) for code in range(32) if chr(code) not in "\t\r\n") | {"\x7f"}


class FileErrorCode(StrEnum):
    EMPTY = "empty"
    UNREADABLE = "unreadable"
    XLS = "xls"
    TOO_LARGE = "too_large"
    LONG_FIELD = "long_field"  # a CSV cell past the csv module's 128 KiB field limit
    NO_HEADER = "no_header"
    MISSING_COLUMN = "missing_column"


class MetricsFileError(Exception):
    """The file cannot be read at all: nothing of it is imported."""

    def __init__(self, code: FileErrorCode, detail: str = "") -> None:
        super().__init__(f"{code.value}: {detail}" if detail else code.value)
        self.code = code
        self.detail = detail

    def __reduce__(self) -> tuple[type[MetricsFileError], tuple[FileErrorCode, str]]:
        # Raised in the parsing worker (bot/services/bounded_parse.py), raised again here.
        return type(self), (self.code, self.detail)


@dataclass(frozen=True, slots=True)
class Table:
    """Rows with the line number a person sees in their spreadsheet (1-based)."""

    format: str  # "csv" or "xlsx"
    encoding: str  # "" for xlsx
    rows: Iterator[tuple[int, Sequence[Cell]]]


# Scores a candidate header row: how many known columns it names.
HeaderScore = Callable[[Sequence[Cell]], int]


def read_table(content: bytes, header_score: HeaderScore) -> Table:
    if len(content) > MAX_FILE_BYTES:
        raise MetricsFileError(FileErrorCode.TOO_LARGE, f"{len(content)} bytes")
    if not content.strip():
        raise MetricsFileError(FileErrorCode.EMPTY)
    if content.startswith(ZIP_MAGIC):
        return Table("xlsx", "", _xlsx_rows(content))
    if content.startswith(OLE_MAGIC):
        raise MetricsFileError(FileErrorCode.XLS)
    text, encoding = decode_text(content)
    return Table("csv", encoding, _csv_rows(text, header_score))


def decode_text(content: bytes) -> tuple[str, str]:
    for bom, codec in BOMS:
        if content.startswith(bom):
            return _checked(_decode(content, codec), codec)
    for codec in ("utf-8", "gb18030"):
        text = _decode(content, codec)
        if text is not None:
            return _checked(text, codec)
    raise MetricsFileError(FileErrorCode.UNREADABLE, "not text in a known encoding")


def _decode(content: bytes, codec: str) -> str | None:
    try:
        return content.decode(codec)
    except UnicodeDecodeError:
        return None


def _checked(text: str | None, codec: str) -> tuple[str, str]:
    if text is None:
        raise MetricsFileError(FileErrorCode.UNREADABLE, f"damaged {codec}")
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise MetricsFileError(FileErrorCode.EMPTY)
    if not _CONTROL.isdisjoint(text[:65536]):
        raise MetricsFileError(FileErrorCode.UNREADABLE, "control characters")
    return text, codec


def _csv_rows(text: str, header_score: HeaderScore) -> Iterator[tuple[int, Sequence[Cell]]]:
    delimiter = _delimiter(text, header_score)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for count, row in enumerate(reader, start=1):
            if count > MAX_ROWS:
                raise MetricsFileError(FileErrorCode.TOO_LARGE, f"over {MAX_ROWS} rows")
            yield reader.line_num, row
    except csv.Error as error:
        raise MetricsFileError(FileErrorCode.LONG_FIELD, f"line {reader.line_num}") from error


def _delimiter(text: str, header_score: HeaderScore) -> str:
    head = "\n".join(text.splitlines()[:HEADER_SEARCH_ROWS])
    best, best_score = DELIMITERS[0], -1
    for delimiter in DELIMITERS:
        try:
            rows = list(csv.reader(io.StringIO(head, newline=""), delimiter=delimiter))
        except csv.Error:
            continue
        score = max((header_score(row) for row in rows), default=0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _xlsx_rows(content: bytes) -> Iterator[tuple[int, Sequence[Cell]]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as error:
        raise MetricsFileError(FileErrorCode.UNREADABLE, "damaged zip") from error
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise MetricsFileError(FileErrorCode.TOO_LARGE, f"{unpacked} bytes unpacked")
    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(content), read_only=True, data_only=False, keep_links=False
        )
    except Exception as error:  # openpyxl raises many kinds on a damaged or foreign zip
        raise MetricsFileError(FileErrorCode.UNREADABLE, type(error).__name__) from error
    return _sheet_rows(workbook)


def _sheet_rows(workbook: Workbook) -> Iterator[tuple[int, Sequence[Cell]]]:
    try:
        sheet = workbook.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS:
                raise MetricsFileError(FileErrorCode.TOO_LARGE, f"over {MAX_ROWS} rows")
            yield number, [_xlsx_value(value) for value in row]
    except MetricsFileError:
        raise
    except Exception as error:  # a damaged sheet part surfaces only while reading rows
        raise MetricsFileError(FileErrorCode.UNREADABLE, type(error).__name__) from error
    finally:
        workbook.close()


def _xlsx_value(value: object) -> Cell:
    if value is None or isinstance(value, str | int | float | date | time):
        return value  # bool is an int, datetime a date
    if isinstance(value, Decimal):
        return float(value)
    if type(value).__name__.endswith("Formula"):  # array and data-table formulas
        return f"={value}"
    return str(value)  # rich text, durations: text the value parser refuses or reads
