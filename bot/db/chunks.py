"""Argument lists cut to a size every database takes.

asyncpg refuses a statement with more than 32,767 parameters and SQLite more than 32,766 (999
where it was built with the old default); an `IN` list made from stored data grows with the
data, so such lists are sent in chunks and the answers combined by the caller.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Final, TypeVar

# Below SQLite's old 999 with room for the few other parameters of the statement.
CHUNK: Final = 900

T = TypeVar("T")


def chunks(values: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    """`values` in lists of at most `size`, in order; nothing for nothing."""
    iterator = iter(values)
    while chunk := list(islice(iterator, size)):
        yield chunk
