"""Per-person locks that order a batch's writes against that person's `/forget` (SQL only).

On PostgreSQL (read committed) a batch that read no tombstone before a concurrent `/forget`
committed would write the fan's rows after that forget deleted them. A batch holds a shared
transaction lock on each person it may store before reading tombstones; `/forget` takes the
person's lock exclusively before writing the tombstone. So a forget waits for the batches
already past their tombstone read, and a batch waits for a forget in progress, then sees its
tombstone. SQLite has one writer at a time, but its driver begins a transaction only at the first
write: a batch takes the write lock before it reads tombstones, and a forget's tombstone is its
first write.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection

from sqlalchemy import BigInteger, bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

_SHARED = text(
    "SELECT count(pg_advisory_xact_lock_shared(key)) FROM unnest(:keys) AS key"
).bindparams(bindparam("keys", type_=ARRAY(BigInteger)))
_EXCLUSIVE = text("SELECT pg_advisory_xact_lock(:key)")
# A write that changes nothing: SQLite's write lock, held to the end of the transaction.
_SQLITE_WRITE_LOCK = text("UPDATE forgotten_users SET user_id = user_id WHERE 0 = 1")


def lock_key(user_id: int) -> int:
    """The person's advisory lock key: namespaced, so no other advisory lock can collide."""
    digest = hashlib.blake2b(f"fanpulse.forget:{user_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


async def _on_postgres(session: AsyncSession) -> bool:
    return (await session.connection()).dialect.name == "postgresql"


async def hold_people(session: AsyncSession, user_ids: Collection[int]) -> None:
    """Until the caller's transaction ends, no `/forget` of these people can commit."""
    if not user_ids:
        return
    if not await _on_postgres(session):
        await session.execute(_SQLITE_WRITE_LOCK)
        return
    # One array parameter however many people, always in the same order.
    await session.execute(_SHARED, {"keys": sorted({lock_key(u) for u in user_ids})})


async def hold_person_exclusively(session: AsyncSession, user_id: int) -> None:
    """Wait for the batches that may store the person, and hold off new ones until the
    caller's transaction ends."""
    if await _on_postgres(session):
        await session.execute(_EXCLUSIVE, {"key": lock_key(user_id)})
