"""Re-tagging runs (SQL only; the caller commits). A run is offered, started (a new generation
from the first comment), advanced one committed batch at a time and finished. Advancing is a
compare-and-set on (generation, cursor): two workers on one run cannot both commit the same
batch, and a run started again stops the worker of the generation before."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Comment, RetagRun
from bot.db.upsert import insert_for


class RetagStatus(StrEnum):
    OFFERED = "offered"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class RetagRecord:
    id: int
    chat_id: int
    reason: str
    tag: str | None
    status: RetagStatus
    generation: int
    cursor: int
    last_message_id: int
    total: int
    scanned: int
    tagged: int
    untagged: int
    locale: str
    progress_chat_id: int | None
    progress_message_id: int | None


@dataclass(frozen=True, slots=True)
class BatchProgress:
    cursor: int
    scanned: int
    tagged: int
    untagged: int


async def offer(
    session: AsyncSession,
    chat_id: int,
    reason: str,
    *,
    tag: str | None,
    locale: str,
    now: datetime,
) -> int:
    """The run for (chat, reason), created as offered; an existing run keeps its state."""
    statement = insert_for(session, RetagRun.__table__)
    await session.execute(
        statement.values(
            chat_id=chat_id,
            reason=reason,
            tag=tag,
            status=RetagStatus.OFFERED.value,
            generation=0,
            cursor=0,
            last_message_id=0,
            total=0,
            scanned=0,
            tagged=0,
            untagged=0,
            locale=locale,
            created_at=now,
            updated_at=now,
        ).on_conflict_do_update(
            index_elements=["chat_id", "reason"], set_={"tag": tag, "updated_at": now}
        )
    )
    run_id = await session.scalar(
        select(RetagRun.id).where(RetagRun.chat_id == chat_id, RetagRun.reason == reason)
    )
    assert run_id is not None, "the run was just written"
    return int(run_id)


async def load(session: AsyncSession, run_id: int) -> RetagRecord | None:
    row = await session.get(RetagRun, run_id, populate_existing=True)
    return None if row is None else _record(row)


async def start(
    session: AsyncSession,
    run_id: int,
    *,
    locale: str,
    progress: tuple[int, int] | None,
    requested_by: int | None,
    now: datetime,
) -> RetagRecord | None:
    """Start the run over the comments stored so far (later ones are tagged by ingest); None
    when it is already running."""
    run = await load(session, run_id)
    if run is None or run.status is RetagStatus.RUNNING:
        return None
    last, total = (
        await session.execute(
            select(func.coalesce(func.max(Comment.message_id), 0), func.count()).where(
                Comment.chat_id == run.chat_id
            )
        )
    ).one()
    progress_chat, progress_message = progress or (None, None)
    result = await session.execute(
        update(RetagRun)
        .where(RetagRun.id == run_id, RetagRun.status != RetagStatus.RUNNING.value)
        .values(
            status=RetagStatus.RUNNING.value,
            generation=RetagRun.generation + 1,
            cursor=0,
            last_message_id=int(last),
            total=int(total),
            scanned=0,
            tagged=0,
            untagged=0,
            locale=locale,
            progress_chat_id=progress_chat,
            progress_message_id=progress_message,
            requested_by=requested_by,
            updated_at=now,
            finished_at=None,
        )
    )
    if not result.rowcount:  # type: ignore[attr-defined]
        return None
    return await load(session, run_id)


async def hold(session: AsyncSession, run: RetagRecord, now: datetime) -> bool:
    """Claim the next batch of `run` as it was read; False when the run moved on without us.
    The first write of the batch's transaction: on SQLite it takes the writer here, so what
    the batch checks next (edits, tags, tombstones) cannot change before it commits."""
    result = await session.execute(
        update(RetagRun)
        .where(
            RetagRun.id == run.id,
            RetagRun.generation == run.generation,
            RetagRun.cursor == run.cursor,
            RetagRun.status == RetagStatus.RUNNING.value,
        )
        .values(updated_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def advance(
    session: AsyncSession, run: RetagRecord, step: BatchProgress, now: datetime
) -> None:
    """Record one batch (held with `hold` in the same transaction)."""
    result = await session.execute(
        update(RetagRun)
        .where(
            RetagRun.id == run.id,
            RetagRun.generation == run.generation,
            RetagRun.cursor == run.cursor,
            RetagRun.status == RetagStatus.RUNNING.value,
        )
        .values(
            cursor=step.cursor,
            scanned=RetagRun.scanned + step.scanned,
            tagged=RetagRun.tagged + step.tagged,
            untagged=RetagRun.untagged + step.untagged,
            updated_at=now,
        )
    )
    assert result.rowcount == 1, "advance only a run held in this transaction"  # type: ignore[attr-defined]


async def finish(
    session: AsyncSession, run: RetagRecord, status: RetagStatus, now: datetime
) -> None:
    await session.execute(
        update(RetagRun)
        .where(
            RetagRun.id == run.id,
            RetagRun.generation == run.generation,
            RetagRun.status == RetagStatus.RUNNING.value,
        )
        .values(status=status.value, updated_at=now, finished_at=now)
    )


async def running(session: AsyncSession) -> list[int]:
    """Every run started and not finished (a restart or another instance left it)."""
    rows = await session.scalars(
        select(RetagRun.id)
        .where(RetagRun.status == RetagStatus.RUNNING.value)
        .order_by(RetagRun.id)
    )
    return [int(run_id) for run_id in rows.all()]


def _record(row: RetagRun) -> RetagRecord:
    return RetagRecord(
        id=row.id,
        chat_id=row.chat_id,
        reason=row.reason,
        tag=row.tag,
        status=RetagStatus(row.status),
        generation=row.generation,
        cursor=row.cursor,
        last_message_id=row.last_message_id,
        total=row.total,
        scanned=row.scanned,
        tagged=row.tagged,
        untagged=row.untagged,
        locale=row.locale,
        progress_chat_id=row.progress_chat_id,
        progress_message_id=row.progress_message_id,
    )
