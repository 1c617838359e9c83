"""The weekdays a daily digest goes out, stored as the digits of their numbers (Monday 0):
"01234" is Monday to Friday; no value at all is every day."""

from __future__ import annotations

from typing import Final

EVERY_DAY: Final = frozenset(range(7))


def stored_days(days: frozenset[int]) -> str | None:
    """What the database keeps: None for every day, so the default needs no row."""
    if days >= EVERY_DAY:
        return None
    return "".join(str(day) for day in sorted(days) if 0 <= day < 7)


def read_days(stored: str | None) -> frozenset[int]:
    if not stored:
        return EVERY_DAY
    return frozenset(int(digit) for digit in stored if digit.isdigit() and int(digit) < 7)


def toggled(days: frozenset[int], day: int) -> frozenset[int] | None:
    """`days` with `day` switched; None when that would leave no day at all."""
    changed = days - {day} if day in days else days | {day}
    return frozenset(changed) if changed else None
