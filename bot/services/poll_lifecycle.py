"""Polls on the clock: scheduled sends and closes at the deadline, each exactly once.

Jobs: `poll:send:<id>` (period "send", at start_at) and `poll:close:<id>` (period "close", at
close_at). The clock claims `job_runs(job, period)` before running either, so two instances or a
restart never repeat one. A deadline that passed while the bot was down runs at the next pass,
however late: a poll closes late rather than never (Telegram itself closed it on time, since the
deadline was also sent as the poll's close_date; what remains is our results message). A send
whose deadline has already passed is cancelled instead of sent.

Closing, from the clock or `/poll_close`: stopPoll (Telegram's "already closed" is fine), then
the conditional open -> closed UPDATE: only the caller that changed the row posts the results.
A new open poll's close job is planned on the clock's next pass (its heartbeat, 15 s).

A clock close is resumable step by step: the open -> closed UPDATE notes "closed" on the claimed
run in the same transaction, and each results message (the text, then the chart) is noted once
Telegram accepted it. A close left `claimed` by an instance that died is listed again (`resumes`)
and the lease holder continues it: nothing noted yet means stopPoll again (Telegram answers
"already closed" if the dead one got that far) and the conditional UPDATE; "closed" means post
the results; the text noted means post only the chart. A poll closed, but not noted, was closed
by someone else. `/poll_close` closes through the same run (`close_now`), claimed for its
instance as `command@<instance>`, so a close it left half done is resumed like the clock's; since
the command may still be running on another instance, only once COMMAND_CLOSE_GRACE has passed
since its claim. A kill costs at most one results message sent twice (Telegram accepted it, the
note was not written).

Telegram stays behind the `PollCourier` protocol (bot/telegram/poll_courier.py implements it).
"""

from __future__ import annotations

import asyncio
import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import job_runs, lease
from bot.db import polls as store
from bot.db.chat_settings import group
from bot.db.polls import PollStatus, StoredPoll, Tally, Vote
from bot.domain.chart_data import PollOption
from bot.domain.chart_jobs import draw
from bot.domain.export import neutralize
from bot.domain.polls import OPEN_PERIOD_MIN, OptionResult, PollResults, results
from bot.i18n import Html, Locale, Texts, Translator, locale_of, moment
from bot.services.clock import LEASE_NAME, Action, JobFailed, PlannedJob
from bot.services.health import FeatureStatus

log = structlog.get_logger(__name__)

JOB_PREFIX = "poll:"
CLOSE_JOB = f"{JOB_PREFIX}close:"
CLOSE_PERIOD = "close"
RESULTS_MESSAGES = 2  # the text, then the chart
CLOSE_PROGRESS = re.compile(r"closed, results (\d+) of \d+ messages sent")
# Far longer than a close takes (stopPoll, two messages, a chart): a `/poll_close` run claimed
# longer ago than this is not still running anywhere.
COMMAND_CLOSE_GRACE = timedelta(minutes=2)
COMMAND_INSTANCE = "command@"
CAPTION_LIMIT = 1024
BAR_WIDTH = 10


@dataclass(frozen=True, slots=True)
class SentPoll:
    message_id: int
    telegram_poll_id: str


class PollCourier(Protocol):
    async def send_poll(self, chat_id: int, poll: StoredPoll, now: datetime) -> SentPoll: ...

    async def stop_poll(self, chat_id: int, message_id: int) -> Tally | None:
        """The final counts, or None when Telegram had closed the poll already."""
        ...

    async def post_results_text(self, chat_id: int, text: Html, reply_to: int | None) -> int:
        """The results message's id."""
        ...

    async def post_results_chart(self, chat_id: int, chart: bytes, caption: str) -> None: ...

    async def delete_message(self, chat_id: int, message_id: int) -> None:
        """Gone from the group; a message already gone is fine."""
        ...


@dataclass(frozen=True, slots=True)
class Closed:
    poll: StoredPoll
    results: PollResults
    by_us: bool  # False: someone else (the clock, another instance) closed it first


class PollLifecycle:
    """The clock's job source for polls: scheduled sends and closes, and `/poll_close`'s close."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        translator: Translator,
        courier: PollCourier,
        *,
        default_timezone: str,
        default_language: Locale,
    ) -> None:
        self._session_factory = session_factory
        self._translator = translator
        self._courier = courier
        self._default_timezone = default_timezone
        self._default_language = default_language

    # the clock

    async def planned(self, session: AsyncSession, now: datetime) -> Sequence[PlannedJob]:
        holder = await lease.holder_of(session, LEASE_NAME, now)
        orphans = await job_runs.orphaned(session, CLOSE_JOB, holder) if holder else {}
        orphans = {
            job: run
            for job, run in orphans.items()
            if not run.instance.startswith(COMMAND_INSTANCE)
            or run.claimed_at <= now - COMMAND_CLOSE_GRACE
        }
        # A send whose instance died before the poll was recorded leaves it scheduled with its
        # run claimed: sent again now (at most one poll posted twice), never left unsent.
        sends = await job_runs.orphaned(session, f"{JOB_PREFIX}send:", holder) if holder else {}
        jobs: list[PlannedJob] = [
            PlannedJob(
                job,
                run.period,
                now,
                self._close_action(
                    int(job.removeprefix(CLOSE_JOB)), now, resumed=closed_progress(run.detail)
                ),
                resumes=True,
            )
            for job, run in orphans.items()
        ]
        for poll in await store.pending(session):
            if poll.status is PollStatus.SCHEDULED and poll.start_at is not None:
                job = f"{JOB_PREFIX}send:{poll.id}"
                jobs.append(
                    PlannedJob(
                        job,
                        "send",
                        now if job in sends else max(poll.start_at, now),
                        self._send_action(poll.id, now),
                        resumes=job in sends,
                    )
                )
            elif (
                poll.status is PollStatus.OPEN
                and poll.close_at is not None
                and close_job(poll.id) not in orphans
            ):
                jobs.append(
                    PlannedJob(
                        close_job(poll.id),
                        CLOSE_PERIOD,
                        max(poll.close_at, now),
                        self._close_action(poll.id, now),
                    )
                )
        return jobs

    def _send_action(self, poll_id: int, now: datetime) -> Action:
        async def run() -> str | None:
            return await self.send(poll_id, now)

        return run

    def _close_action(self, poll_id: int, now: datetime, *, resumed: int | None = None) -> Action:
        async def run() -> str | None:
            closed = await self.close(poll_id, now, job=close_job(poll_id), resumed=resumed)
            if closed is None:
                return "not open"
            return "closed" if closed.by_us else "closed elsewhere"

        return run

    # actions

    async def send(self, poll_id: int, now: datetime) -> str:
        """Send a created poll to its group; "sent", "cancelled" or "late"."""
        async with self._session_factory() as session:
            poll = await store.get(session, poll_id)
        if poll is None or poll.status is not PollStatus.SCHEDULED:
            return "cancelled"
        if poll.close_at is not None and poll.close_at - now < OPEN_PERIOD_MIN:
            async with self._session_factory() as session, session.begin():
                await store.cancel(session, poll_id, now)
            log.info("poll.send_too_late", poll=poll_id)
            return "late"
        try:
            sent = await self._courier.send_poll(poll.chat_id, poll, now)
        except Exception as error:
            raise JobFailed(f"sendPoll failed: {type(error).__name__}: {error}") from error
        async with self._session_factory() as session, session.begin():
            await store.mark_sent(
                session,
                poll_id,
                message_id=sent.message_id,
                telegram_poll_id=sent.telegram_poll_id,
                now=now,
            )
            await store.save_tally(
                session, sent.telegram_poll_id, Tally((0,) * len(poll.options), 0, False), now
            )
        log.info("poll.sent", poll=poll_id, chat_id=poll.chat_id)
        return "sent"

    async def close_now(self, poll_id: int, now: datetime, instance: str) -> Closed | None:
        """`/poll_close`: the close as a claimed run of the poll's close job, noted step by step
        like the clock's, so that a crash after stopPoll still ends in its results, once. None
        when the poll was not open."""
        job, claimer = close_job(poll_id), f"{COMMAND_INSTANCE}{instance}"
        async with self._session_factory() as session, session.begin():
            # A clock close that failed (stopPoll refused, Telegram down) left the poll open:
            # the operator's close is its retry.
            claimed = await job_runs.claim(
                session, job, CLOSE_PERIOD, now=now, instance=claimer
            ) or await job_runs.retry(session, job, CLOSE_PERIOD, now=now, instance=claimer)
        if not claimed:
            # A run claimed elsewhere: the clock's, maybe of an instance that died before it
            # closed anything. The conditional UPDATE still lets only one of us post results.
            return await self.close(poll_id, now)
        closed = await self.close(poll_id, now, job=job)
        detail = "not open" if closed is None else "closed" if closed.by_us else "closed elsewhere"
        async with self._session_factory() as session, session.begin():
            await job_runs.finish(
                session, job, CLOSE_PERIOD, status=job_runs.RunStatus.DONE, now=now, detail=detail
            )
        return closed

    async def close(
        self, poll_id: int, now: datetime, *, job: str | None = None, resumed: int | None = None
    ) -> Closed | None:
        """Close an open poll and post its results once; None when it was not open.

        `job`: the clock's claimed run of this close, on which each step is noted. `resumed`: that
        run was taken over from an instance that died after closing the poll and posting
        `resumed` results messages (None: it had not closed the poll, start from the top)."""
        async with self._session_factory() as session:
            poll = await store.get(session, poll_id)
            tally = await store.tally(session, poll.telegram_poll_id) if poll else None
        if poll is None:
            return None
        if resumed is None:
            if poll.status is not PollStatus.OPEN:
                return None
            assert poll.telegram_poll_id is not None
            # No message: it stayed in the chat the group migrated from (bot/db/chat_migration.py),
            # where nothing can be stopped; the stored counts are the result.
            final = (
                None
                if poll.message_id is None
                else await self._courier.stop_poll(poll.chat_id, poll.message_id)
            )
            async with self._session_factory() as session, session.begin():
                if final is not None:
                    await store.save_tally(session, poll.telegram_poll_id, final, now)
                tally = await store.tally(session, poll.telegram_poll_id)
                by_us = await store.mark_closed(session, poll_id, now)
                if by_us and job is not None:
                    await job_runs.note(session, job, CLOSE_PERIOD, _progress_note(0))
            if not by_us:
                return Closed(poll, _results(poll, tally), by_us=False)
        outcome = _results(poll, tally)
        await self._post_results(poll, outcome, job, posted=resumed or 0)
        log.info("poll.closed", poll=poll_id, chat_id=poll.chat_id, voters=outcome.voters)
        return Closed(poll, outcome, by_us=True)

    async def remove_messages(self, poll: StoredPoll, *, was_open: bool) -> None:
        """A deleted poll's messages out of its group: the poll (stopped first, so that it takes
        no votes even where Telegram refuses the delete), and its results if posted."""
        if was_open and poll.message_id is not None:
            await self._courier.stop_poll(poll.chat_id, poll.message_id)
        for message_id in (poll.message_id, poll.results_message_id):
            if message_id is not None:
                await self._courier.delete_message(poll.chat_id, message_id)
        log.info("poll.deleted", poll=poll.id, chat_id=poll.chat_id)

    async def _post_results(
        self, poll: StoredPoll, outcome: PollResults, job: str | None, *, posted: int
    ) -> None:
        """The results messages not yet posted, each noted on the run once Telegram took it."""
        texts = await self._group_texts(poll.chat_id)
        if posted < 1:
            text = results_text(texts, poll, outcome)
            message_id = await self._courier.post_results_text(poll.chat_id, text, poll.message_id)
            async with self._session_factory() as session, session.begin():
                await store.set_results_message(session, poll.id, message_id)
                if job is not None:
                    await job_runs.note(session, job, CLOSE_PERIOD, _progress_note(1))
        if posted < RESULTS_MESSAGES:
            chart = await asyncio.to_thread(
                draw,
                "poll_chart",
                (poll.question, [PollOption(o.label, o.votes) for o in outcome.options]),
                {
                    "voters": outcome.voters if poll.allows_multiple else None,
                    "subtitle": texts.plain("poll-chart-subtitle", voters=outcome.voters),
                },
            )
            caption = texts.plain("poll-chart-caption", question=poll.question)[:CAPTION_LIMIT]
            await self._courier.post_results_chart(poll.chat_id, chart, caption)
            if job is not None:
                async with self._session_factory() as session, session.begin():
                    await job_runs.note(session, job, CLOSE_PERIOD, _progress_note(2))

    async def _group_texts(self, chat_id: int) -> Texts:
        async with self._session_factory() as session:
            record = await group(session, chat_id)
        locale = locale_of(record.language if record else None) or self._default_language
        return self._translator.bind(locale)

    async def timezone(self, chat_id: int) -> str:
        async with self._session_factory() as session:
            record = await group(session, chat_id)
        return (record.timezone if record else None) or self._default_timezone

    # reading

    async def results_of(self, poll: StoredPoll) -> PollResults:
        async with self._session_factory() as session:
            tally = await store.tally(session, poll.telegram_poll_id)
        return _results(poll, tally)


def close_job(poll_id: int) -> str:
    return f"{CLOSE_JOB}{poll_id}"


def closed_progress(detail: str | None) -> int | None:
    """From a claimed close run's note: how many results messages went out after this run
    closed the poll; None when it had not closed it."""
    found = CLOSE_PROGRESS.fullmatch(detail or "")
    return int(found[1]) if found else None


def _progress_note(posted: int) -> str:
    return f"closed, results {posted} of {RESULTS_MESSAGES} messages sent"


def _results(poll: StoredPoll, tally: Tally | None) -> PollResults:
    if tally is None:
        return results(poll.options, (), 0, poll.correct_option_ids)
    return results(poll.options, tally.counts, tally.voters, poll.correct_option_ids)


def results_text(texts: Texts, poll: StoredPoll, outcome: PollResults) -> Html:
    lines = [texts("poll-results-title", question=poll.question)]
    lines.extend(_option_line(texts, option, outcome.voters) for option in outcome.options)
    lines.append(texts("poll-results-voters", voters=outcome.voters))
    winners = outcome.winners
    if not winners:
        lines.append(texts("poll-results-no-votes"))
    else:
        lines.append(
            texts(
                "poll-results-winner",
                count=len(winners),
                labels=texts.plain("poll-list-separator").join(w.label for w in winners),
            )
        )
    return texts.lines(lines)


def _option_line(texts: Texts, option: OptionResult, voters: int) -> Html:
    mark = ""
    if option.is_winner:
        mark = texts.plain("poll-mark-winner")
    elif option.is_correct:
        mark = texts.plain("poll-mark-correct")
    return texts(
        "poll-results-option",
        number=option.number,
        label=option.label,
        bar=_bar(option.share if voters else 0.0),
        votes=option.votes,
        percent=round(option.share * 100),
        mark=mark,
    )


def _bar(share: float) -> str:
    filled = round(min(share, 1.0) * BAR_WIDTH)
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def results_csv(
    texts: Texts, poll: StoredPoll, outcome: PollResults, votes: Sequence[Vote], timezone: str
) -> bytes:
    """UTF-8 with BOM (spreadsheets then read Chinese), formula-like cells neutralised. Option
    totals always; one row per voter only for a non-anonymous poll."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        [texts.plain(f"poll-csv-{name}") for name in ("option", "label", "votes", "share")]
    )
    for option in outcome.options:
        writer.writerow(
            [option.number, neutralize(option.label), option.votes, f"{option.share:.4f}"]
        )
    writer.writerow([texts.plain("poll-csv-voters"), "", outcome.voters, ""])
    if not poll.is_anonymous:
        writer.writerow([])
        writer.writerow(
            [
                texts.plain(f"poll-csv-{name}")
                for name in ("user-id", "name", "username", "choice", "answered-at")
            ]
        )
        for vote in votes:
            writer.writerow(
                [
                    vote.user_id,
                    neutralize(vote.first_name or ""),
                    neutralize(vote.username or ""),
                    " + ".join(str(i + 1) for i in vote.option_ids)
                    if vote.option_ids
                    else texts.plain("poll-csv-retracted"),
                    moment(vote.answered_at, timezone),
                ]
            )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


class PollDigestSection:
    """The digest's polls: opened in the period, closed with participation and winners."""

    async def lines(
        self, session: AsyncSession, chat_id: int, start: datetime, end: datetime, texts: Texts
    ) -> list[Html]:
        opened = await store.sent_between(session, chat_id, start, end)
        closed = await store.closed_between(session, chat_id, start, end)
        lines: list[Html] = []
        if opened:
            lines.append(texts("poll-digest-opened", count=len(opened)))
        for poll in closed:
            outcome = _results(poll, await store.tally(session, poll.telegram_poll_id))
            winners = texts.plain("poll-list-separator").join(w.label for w in outcome.winners)
            lines.append(
                texts(
                    "poll-digest-closed",
                    question=poll.question,
                    voters=outcome.voters,
                    winners=winners or texts.plain("poll-digest-no-winner"),
                )
            )
        return lines


async def open_polls_probe(session: AsyncSession, chat_id: int, now: datetime) -> FeatureStatus:
    return FeatureStatus("polls", count=await store.count_open(session, chat_id))
