"""How a long use case (an export, a fan's data) tells the person waiting how far it got."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Final

# Rows between two notes: a note is a Telegram edit, so they are few even for a million rows.
PROGRESS_EVERY: Final = 10_000

Progress = Callable[[int], Awaitable[None]]  # told how many rows are written so far


def crossed(before: int, after: int) -> bool:
    """Whether writing from `before` to `after` rows passed a multiple of PROGRESS_EVERY."""
    return after // PROGRESS_EVERY > before // PROGRESS_EVERY
