"""CSV files the bot sends about platform numbers: the template, and the list of refused rows.

UTF-8 with a byte-order mark, so that Excel shows Chinese; cells that a spreadsheet would run
as a formula are neutralised.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from bot.domain.export import neutralize


def template_csv(note: str, headers: Sequence[str]) -> bytes:
    """The file to fill in: a note line (the numbers are cumulative), then the header row.

    UTF-8 with a byte-order mark, so that Excel shows Chinese; the parser skips the note line
    because it names no column.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([note])
    writer.writerow(headers)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def refused_csv(headers: Sequence[str], rows: Iterable[Sequence[str | int]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([neutralize(cell) if isinstance(cell, str) else cell for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
