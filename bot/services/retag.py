"""Re-tagging the stored history: the one mechanism for a tag an operator created or changed
and for a change of the built-in tagger. A run is keyed by (chat, reason); it reads the
group's comments in message order, a small batch per short transaction, and writes only the
tags that change (bot/db/retag_batch.py).

It runs beside ingest, never in its way: a batch reads and tags without a lock, then holds
the writer only for a few indexed checks (a comment edited or erased since it was read is left
to ingest) and its writes, and the worker sleeps between batches so the writer and the event
loop are free for fans' messages. Progress is the run's cursor, committed
with each batch; the lease holder's clock passes (`RetagSource`) adopt a run nobody is working
on, so a restart or a dead instance costs at most the batch in flight. The progress message is
edited in place, at most every `progress_seconds` (Telegram's limits), and ends with the count.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Final, Protocol

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import retag_batch, retag_runs
from bot.db.feedback_ingest import TAGGERS
from bot.db.retag_runs import BatchProgress, RetagRecord, RetagStatus
from bot.domain.tagging.evidence import evidence_of
from bot.i18n import Html, Locale, Translator, locale_of
from bot.services.clock import PlannedJob, utc_now
from bot.services.tags import shown_tag

log = structlog.get_logger(__name__)

TAGGER_REASON: Final = "tagger"
MAX_BATCH: Final = 500  # the page's ids go into one IN list
FAILURES_BEFORE_GIVING_UP: Final = 5


def tag_reason(tag: str) -> str:
    return f"tag:{tag}"


class RetagCourier(Protocol):
    async def show(self, chat_id: int, message_id: int, text: Html) -> None: ...


@dataclass(frozen=True, slots=True)
class RetagPace:
    batch_size: int = 500
    pause_seconds: float = 0.01
    progress_seconds: float = 5.0


class Outcome(StrEnum):
    STARTED = "started"
    RUNNING = "running"
    UNKNOWN = "unknown"


class _Superseded(Exception):
    """The run moved on without this worker (restarted, or another worker took the batch)."""


class Retagger:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        courier: RetagCourier,
        translator: Translator,
        *,
        pace: RetagPace = RetagPace(),
        now: Callable[[], datetime] = utc_now,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._session_factory = session_factory
        self._courier = courier
        self._translator = translator
        self._pace = RetagPace(
            min(max(1, pace.batch_size), MAX_BATCH), pace.pause_seconds, pace.progress_seconds
        )
        self._now = now
        self._monotonic = monotonic
        self._workers: dict[int, asyncio.Task[None]] = {}

    async def offer(self, chat_id: int, reason: str, tag: str | None, locale: str) -> int:
        """The run an operator may start with a button; its id goes into the button."""
        async with self._session_factory() as session, session.begin():
            return await retag_runs.offer(
                session, chat_id, reason, tag=tag, locale=locale, now=self._now()
            )

    async def start(
        self,
        run_id: int,
        chat_id: int,
        *,
        locale: str,
        progress: tuple[int, int] | None = None,
        requested_by: int | None = None,
    ) -> Outcome:
        """Start (or start again) the run over what is stored now, in the background."""
        async with self._session_factory() as session, session.begin():
            run = await retag_runs.load(session, run_id)
            if run is None or run.chat_id != chat_id:
                return Outcome.UNKNOWN
            started = await retag_runs.start(
                session,
                run_id,
                locale=locale,
                progress=progress,
                requested_by=requested_by,
                now=self._now(),
            )
        if started is None:
            self.adopt([run_id])
            return Outcome.RUNNING
        log.info("retag.start", run=run_id, chat=chat_id, reason=run.reason, total=started.total)
        self._spawn(run_id)
        return Outcome.STARTED

    async def request(self, chat_id: int, reason: str, tag: str | None, locale: str) -> int:
        """Start a run no one was offered (a new built-in tagger): no progress message."""
        run_id = await self.offer(chat_id, reason, tag, locale)
        await self.start(run_id, chat_id, locale=locale)
        return run_id

    async def status(self, run_id: int) -> RetagRecord | None:
        async with self._session_factory() as session:
            return await retag_runs.load(session, run_id)

    def adopt(self, run_ids: Sequence[int]) -> None:
        """Work on these runs unless this process already does."""
        for run_id in run_ids:
            if run_id not in self._workers:
                log.info("retag.resume", run=run_id)
                self._spawn(run_id)

    async def settle(self) -> None:
        """Wait until every run this process works on has finished."""
        while self._workers:
            await asyncio.gather(*self._workers.values(), return_exceptions=True)

    async def stop(self) -> None:
        """Stop working (what stays unfinished is resumed by the next lease holder)."""
        workers = list(self._workers.values())
        for worker in workers:
            worker.cancel()
        for worker in workers:
            with contextlib.suppress(asyncio.CancelledError):
                await worker

    def _spawn(self, run_id: int) -> None:
        task = asyncio.create_task(self._work(run_id), name=f"retag:{run_id}")
        self._workers[run_id] = task
        task.add_done_callback(lambda _: self._workers.pop(run_id, None))

    async def _work(self, run_id: int) -> None:
        failures = 0
        shown_at: float | None = None
        while True:
            try:
                run = await self._batch(run_id)
            except _Superseded:
                return
            except Exception:
                failures += 1
                log.exception("retag.batch_failed", run=run_id, failures=failures)
                if failures >= FAILURES_BEFORE_GIVING_UP:
                    await self._give_up(run_id)
                    return
                await asyncio.sleep(self._pace.pause_seconds * 2**failures)
                continue
            failures = 0
            if run is None:
                return
            if run.status is not RetagStatus.RUNNING:
                await self._show(run)
                log.info("retag.done", run=run_id, tagged=run.tagged, untagged=run.untagged)
                return
            due = shown_at is None or self._monotonic() - shown_at >= self._pace.progress_seconds
            if due and run.scanned:
                await self._show(run)
                shown_at = self._monotonic()
            await asyncio.sleep(self._pace.pause_seconds)

    async def _batch(self, run_id: int) -> RetagRecord | None:
        """One batch in one transaction; the run as it stands after it (None: not running).

        Reading and tagging come first and take no lock (SQLite begins the write transaction
        at the first write); the writer is held only from `hold` to the commit, for the
        checks that what was read still stands and for the writes."""
        now = self._now()
        async with self._session_factory() as session, session.begin():
            run = await retag_runs.load(session, run_id)
            if run is None or run.status is not RetagStatus.RUNNING:
                return None
            page = await retag_batch.next_page(
                session, run.chat_id, run.cursor, run.last_message_id, self._pace.batch_size
            )
            key = await retag_batch.fingerprint_of(session, run.chat_id)
            tagger = (await TAGGERS.for_groups(session, {run.chat_id: key}))[run.chat_id]
            tagged = [(stored, tagger.tag(stored.text)) for stored in page.texts]
            if not await retag_runs.hold(session, run, now):
                raise _Superseded
            standing = await retag_batch.still_as_read(session, run.chat_id, page.texts)
            forgotten = await retag_batch.forgotten_among(
                session, {text.author_user_id for text in page.texts if text.author_user_id}
            )
            wanted = [
                retag_batch.Retagged(
                    stored.message_id,
                    stored.author_user_id,
                    result.tags,
                    result.sentiment.value,
                    evidence_of(stored.text, result),
                )
                for stored, result in tagged
                if stored.message_id in standing and stored.author_user_id not in forgotten
            ]
            automatic, existing = await retag_batch.auto_tags(
                session, run.chat_id, [row.message_id for row in wanted], run.tag
            )
            change = retag_batch.difference(wanted, automatic, existing, run.tag)
            await retag_batch.write(
                session, run.chat_id, wanted, change, with_sentiment=run.tag is None, now=now
            )
            step = BatchProgress(page.cursor, page.scanned, change.tagged, change.untagged)
            await retag_runs.advance(session, run, step, now)
            if page.cursor >= run.last_message_id:
                await retag_runs.finish(session, run, RetagStatus.DONE, now)
            return await retag_runs.load(session, run_id)

    async def _give_up(self, run_id: int) -> None:
        async with self._session_factory() as session, session.begin():
            run = await retag_runs.load(session, run_id)
            if run is None:
                return
            await retag_runs.finish(session, run, RetagStatus.FAILED, self._now())
            run = await retag_runs.load(session, run_id)
        if run is not None:
            await self._show(run)

    async def _show(self, run: RetagRecord) -> None:
        if run.progress_chat_id is None or run.progress_message_id is None:
            return
        try:
            await self._courier.show(run.progress_chat_id, run.progress_message_id, self.text(run))
        except Exception:
            # The message may be gone; the run goes on, and its count stays on the run.
            log.warning("retag.progress_failed", run=run.id, exc_info=True)

    def text(self, run: RetagRecord) -> Html:
        texts = self._translator.bind(_locale(run.locale))
        tag = shown_tag(texts, run.tag) if run.tag is not None else None
        key = {
            RetagStatus.RUNNING: "retag-progress",
            RetagStatus.DONE: "retag-done",
            RetagStatus.FAILED: "retag-failed",
        }.get(run.status, "retag-progress")
        return texts(
            key,
            tag=tag or "",
            every=0 if tag else 1,
            scanned=run.scanned,
            total=max(run.total, run.scanned),
            tagged=run.tagged,
            untagged=run.untagged,
        )


def _locale(value: str) -> Locale:
    return locale_of(value) or "en"


class RetagSource:
    """Lists no jobs: on the lease holder's passes it hands the runs left unfinished (a restart,
    an instance that died) to this process's worker, so they resume from their cursor."""

    def __init__(self, retagger: Retagger) -> None:
        self._retagger = retagger

    async def planned(self, session: AsyncSession, now: datetime) -> Sequence[PlannedJob]:
        self._retagger.adopt(await retag_runs.running(session))
        return ()
