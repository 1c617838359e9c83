"""The giveaway draw as resumable steps keyed by the database, run by the clock.

A draw is one job series per giveaway (``giveaway:<id>``); each attempt is a new period
(``attempt-000000``, ``attempt-000001`` ...): an attempt that failed (an outage, a beacon round
not yet published) is followed by another one, and an overdue draw runs as soon as the bot is
back, however long it was down: a draw is late, never missed. What makes the attempts safe to
repeat is the giveaway row itself; each step is claimed there before it acts:

1. claim        open -> drawing (entries close; the button answers "closed" from now on)
2. transcript   entrants frozen, eligibility re-checked, winners drawn and the transcript stored,
                in one transaction, only while no transcript is stored
3. announce     announce_claimed_at set, then the result is sent once (its text parts, the
                transcript file, the closed announcement: one message each, see PartedCourier)
4. winners      winners_claimed_at set, then winners who started the bot get a private message
5. creator      creator_claimed_at set, then the creator gets a private message
6. done         status done

Under the clock, the attempt notes on its claimed run which of steps 3-5 it claimed (in the
claim's transaction) and how many of that step's messages went out. An attempt left `claimed` by
an instance that died is listed again (`resumes`): the lease holder takes it over and sends what
the dead one claimed and had not noted, so a kill inside a step neither loses the rest of it nor
repeats what was noted (at most one message twice: Telegram accepted it, the note was not
written). Without a lease holder (a lone process's pass) a new attempt follows instead, and a
step claimed by the dead attempt is not repeated.

The transcript is the record: a resumed attempt reads it back, so the winners announced are
always the winners stored, whatever the eligibility checks say on the second try.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Protocol, runtime_checkable

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit, job_runs, lease
from bot.db import giveaways as store
from bot.db.models import GiveawayEntry, GiveawayRecord
from bot.db.operators import granted_among, granted_role
from bot.domain import fairness
from bot.domain.audit import AuditEvent
from bot.domain.giveaway import (
    STAFF_STATUSES,
    Facts,
    Rules,
    SkipReason,
    count_edit_due,
    first_unmet,
)
from bot.domain.transcript import Beacon, Giveaway, Transcript, record_draw
from bot.services.beacon import BeaconClient, BeaconError, BeaconNotYetPublished, ChainInfo
from bot.services.clock import LEASE_NAME, JobFailed, PlannedJob
from bot.services.recent_statuses import RecentStatuses

log = structlog.get_logger(__name__)

RETRY_AFTER = timedelta(minutes=1)
COUNT_INTERVAL = timedelta(seconds=30)
DRAW_JOB = "giveaway:"
COUNT_JOB = "giveaway-count:"
# Telegram's membership reads for a page of entrants, in flight at once: one round trip for the
# page instead of one per person, without a burst that Telegram would answer with 429.
LOOKUPS_AT_ONCE = 20
STEPS = ("claimed", "transcript", "announced", "winners", "creator", "done")
SENDING_STEPS = ("announce", "winners", "creator")  # noted on the run as they go
PROGRESS = re.compile(r"(announce|winners|creator) (\d+) of \d+ sent")


class Lookup(Protocol):
    async def status(self, chat_id: int, user_id: int) -> str:
        """A person's membership status in a chat ("left" when not found); raises on outages."""
        ...


@dataclass(frozen=True)
class Person:
    user_id: int
    first_name: str
    last_name: str | None
    entrant: str


@dataclass(frozen=True)
class Outcome:
    """One round to announce: the draw (reroll None) or a reroll (its 1-based number)."""

    record: GiveawayRecord
    transcript: Transcript
    winners: tuple[Person, ...]
    skips: tuple[tuple[int, str, SkipReason], ...]  # position, entrant, reason
    entrants: int
    reroll: int | None = None
    untold: tuple[Person, ...] = ()  # winners the private message did not reach
    replaced: tuple[Person, ...] = ()  # the winners a reroll replaces
    places: tuple[int, ...] = ()  # each winner's number among the standing winners

    def place(self, index: int) -> int:
        return self.places[index] if index < len(self.places) else index + 1

    @property
    def round_digest(self) -> str:
        if self.reroll is None:
            return self.transcript.digest
        return self.transcript.rerolls[self.reroll - 1].digest


class DrawCourier(Protocol):
    async def announce(self, outcome: Outcome) -> int | None: ...

    async def tell_winner(self, person: Person, outcome: Outcome) -> bool: ...

    async def tell_creator(self, user_id: int, outcome: Outcome) -> bool: ...

    async def show_count(self, record: GiveawayRecord, count: int) -> None: ...


Send = Callable[[], Awaitable[int | None]]


@runtime_checkable
class PartedCourier(Protocol):
    """A courier whose announcement is several messages (text parts, the transcript file):
    each `Send` sends one and answers its message id (None for an edit); the draw notes each, so
    a resumed draw sends only the ones not noted. Other couriers announce in one `announce`."""

    async def announcement(self, outcome: Outcome) -> Sequence[Send]: ...


StepHook = Callable[[str, int], Awaitable[None]]
BeaconFactory = Callable[[str, ChainInfo], BeaconClient]


async def _log_step(step: str, giveaway_id: int) -> None:
    log.info("giveaway.step", giveaway_id=giveaway_id, step=step)


def _beacon_client(url: str, chain: ChainInfo) -> BeaconClient:
    return BeaconClient(url, chain=chain)


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a draw attempt stood, from its run's note: the last sending step it claimed and how
    many of that step's messages went out."""

    step: str
    sent: int

    @classmethod
    def parse(cls, detail: str | None) -> Progress | None:
        found = PROGRESS.fullmatch(detail or "")
        return cls(found[1], int(found[2])) if found else None

    def note(self, total: int) -> str:
        return f"{self.step} {self.sent} of {total} sent"


@dataclass(frozen=True, slots=True)
class Attempt:
    """The clock's claimed run of a draw: where progress is noted; `resumed` is the dead
    instance's progress when this run was taken over from it."""

    job: str
    period: str
    resumed: Progress | None = None


class RerollRefused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class Eligibility:
    """Looks up only what the giveaway's rules need, then names the first rule not met."""

    def __init__(self, session_factory: async_sessionmaker[AsyncSession], lookup: Lookup) -> None:
        self._session_factory = session_factory
        self._lookup = lookup
        self._listing_lookup = RecentStatuses(lookup)

    async def check(self, record: GiveawayRecord, user_id: int, at: datetime) -> SkipReason | None:
        rules = Rules.from_json(record.rules)
        if not rules.any:
            return None
        group_status = staff = None
        if rules.member or rules.staff_excluded:
            group_status = await self._lookup.status(record.chat_id, user_id)
        joined_at = comments = None
        if rules.staff_excluded:
            staff = group_status in STAFF_STATUSES or user_id == record.creator_user_id
            if not staff:
                async with self._session_factory() as session:
                    staff = await granted_role(session, record.chat_id, user_id) is not None
        if rules.joined_before or rules.min_comments:
            async with self._session_factory() as session:
                if rules.joined_before:
                    joined_at = await store.last_join(session, record.chat_id, user_id)
                if rules.min_comments:
                    since = at - timedelta(days=rules.comment_days)
                    comments = await store.comment_count(
                        session, record.chat_id, user_id, since, at
                    )
        channel_status = None
        if rules.channel_id is not None:
            channel_status = await self._lookup.status(rules.channel_id, user_id)
        facts = Facts(group_status, joined_at, comments, channel_status, staff)
        return first_unmet(rules, facts, record.created_at)

    async def check_many(
        self, record: GiveawayRecord, user_ids: Sequence[int], at: datetime
    ) -> dict[int, SkipReason | None]:
        """`check` for a page of people: the database asked once for all of them, Telegram for
        each of them at the same time (a page of 100 asked one by one took seconds), its
        answers of the last minute reused (bot/services/recent_statuses.py): this lists, the
        draw checks with `check`."""
        rules = Rules.from_json(record.rules)
        if not rules.any:
            return dict.fromkeys(user_ids)
        group_statuses: dict[int, str | None] = dict.fromkeys(user_ids)
        channel_statuses: dict[int, str | None] = dict.fromkeys(user_ids)
        if rules.member or rules.staff_excluded:
            group_statuses = await self._statuses(record.chat_id, user_ids)
        if rules.channel_id is not None:
            channel_statuses = await self._statuses(rules.channel_id, user_ids)
        roles: set[int] = set()
        joins: dict[int, datetime] = {}
        comments: dict[int, int] = {}
        async with self._session_factory() as session:
            if rules.staff_excluded:
                roles = await granted_among(session, record.chat_id, user_ids)
            if rules.joined_before:
                joins = await store.last_joins(session, record.chat_id, user_ids)
            if rules.min_comments:
                since = at - timedelta(days=rules.comment_days)
                comments = await store.comment_counts(session, record.chat_id, user_ids, since, at)
        checked: dict[int, SkipReason | None] = {}
        for user_id in user_ids:
            status = group_statuses[user_id]
            staff = None
            if rules.staff_excluded:
                staff = (
                    status in STAFF_STATUSES
                    or user_id == record.creator_user_id
                    or user_id in roles
                )
            facts = Facts(
                status,
                joins.get(user_id),
                comments.get(user_id, 0) if rules.min_comments else None,
                channel_statuses[user_id],
                staff,
            )
            checked[user_id] = first_unmet(rules, facts, record.created_at)
        return checked

    async def _statuses(self, chat_id: int, user_ids: Sequence[int]) -> dict[int, str | None]:
        limit = asyncio.Semaphore(LOOKUPS_AT_ONCE)

        async def one(user_id: int) -> str:
            async with limit:
                return await self._listing_lookup.status(chat_id, user_id)

        found = await asyncio.gather(*(one(user_id) for user_id in user_ids))
        return dict(zip(user_ids, found, strict=True))


class GiveawayDraws:
    """The clock's job source for draws and count refreshes, and the draw/reroll runner."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        lookup: Lookup,
        courier: DrawCourier,
        *,
        beacon_client: BeaconFactory = _beacon_client,
        count_interval: timedelta = COUNT_INTERVAL,
        on_step: StepHook = _log_step,
        now: Callable[[], datetime] = _utcnow,
    ) -> None:
        self._session_factory = session_factory
        self.eligibility = Eligibility(session_factory, lookup)
        self._courier = courier
        self._beacon_client = beacon_client
        self._count_interval = count_interval
        self._on_step = on_step
        self._now = now

    async def planned(self, session: AsyncSession, now: datetime) -> Sequence[PlannedJob]:
        records = await store.unfinished(session)
        holder = await lease.holder_of(session, LEASE_NAME, now)
        orphans = await job_runs.orphaned(session, DRAW_JOB, holder) if holder else {}
        # A dead attempt of a giveaway since done or cancelled only has its run to finish.
        unfinished = {_draw_job(record.id) for record in records}
        jobs = [
            self._resumed(job, run, now) for job, run in orphans.items() if job not in unfinished
        ]
        if not records:
            return jobs
        attempts = await job_runs.last_periods(session, unfinished)
        counts = await store.entry_counts(session, [r.id for r in records if r.status == "open"])
        for record in records:
            job = _draw_job(record.id)
            orphan = orphans.get(job)
            if orphan is not None and orphan.period == attempts.get(job):
                jobs.append(self._resumed(job, orphan, now))
            else:
                period = _next_attempt(attempts.get(job))
                due = max(record.ends_at, record.retry_at or record.ends_at)
                jobs.append(
                    PlannedJob(
                        job,
                        period,
                        due if due > now else now,
                        self._draw_action(record.id, Attempt(job, period)),
                    )
                )
            live = counts.get(record.id, 0)
            when = count_edit_due(
                record.shown_count, live, record.count_shown_at, now, self._count_interval
            )
            if record.status == "open" and record.message_id and when and when < record.ends_at:
                jobs.append(
                    PlannedJob(
                        f"{COUNT_JOB}{record.id}",
                        f"count-{live:09d}",
                        when,
                        self._count_action(record.id),
                    )
                )
        return jobs

    def _resumed(self, job: str, run: job_runs.JobRunRecord, now: datetime) -> PlannedJob:
        attempt = Attempt(job, run.period, Progress.parse(run.detail))
        giveaway_id = int(job.removeprefix(DRAW_JOB))
        return PlannedJob(
            job, run.period, now, self._draw_action(giveaway_id, attempt), resumes=True
        )

    def _draw_action(
        self, giveaway_id: int, attempt: Attempt
    ) -> Callable[[], Awaitable[str | None]]:
        async def run() -> str | None:
            return await self.draw(giveaway_id, attempt)

        return run

    def _count_action(self, giveaway_id: int) -> Callable[[], Awaitable[str | None]]:
        async def run() -> str | None:
            return await self.refresh_count(giveaway_id)

        return run

    async def refresh_count(self, giveaway_id: int) -> str | None:
        async with self._session_factory() as session, session.begin():
            record = await store.get(session, giveaway_id)
            if record is None or record.status != "open" or record.message_id is None:
                return None
            live = await store.entry_count(session, giveaway_id)
            if live == record.shown_count:
                return None
            await store.set_fields(
                session, giveaway_id, shown_count=live, count_shown_at=self._now()
            )
        await self._courier.show_count(record, live)
        return f"{live} entrants shown"

    async def draw(self, giveaway_id: int, attempt: Attempt | None = None) -> str | None:
        try:
            return await self._draw(giveaway_id, attempt)
        except Exception as error:
            retry_at = error.available_at if isinstance(error, BeaconNotYetPublished) else None
            async with self._session_factory() as session, session.begin():
                await store.set_fields(
                    session, giveaway_id, retry_at=retry_at or self._now() + RETRY_AFTER
                )
            if isinstance(error, BeaconError):
                raise JobFailed(str(error)) from None
            raise

    async def _draw(self, giveaway_id: int, attempt: Attempt | None) -> str | None:
        async with self._session_factory() as session, session.begin():
            record = await store.get(session, giveaway_id)
            if record is None or record.status in ("cancelled", "done"):
                return None
            if record.status == "open":
                await store.start_drawing(session, giveaway_id)
        await self._on_step("claimed", giveaway_id)
        if record.transcript is None:
            transcript = await self._compute(record)
            async with self._session_factory() as session, session.begin():
                await store.store_transcript(
                    session, giveaway_id, transcript.to_json(), transcript.drawn_at
                )
            await self._on_step("transcript", giveaway_id)
        outcome = await self.outcome(giveaway_id)
        record = outcome.record
        sends = await self._announcement(outcome)
        start = await self._own_step(giveaway_id, attempt, "announce", len(sends))
        if start is not None:
            for index in range(start, len(sends)):
                message_id = await sends[index]()
                async with self._session_factory() as session, session.begin():
                    if index == 0:
                        await store.set_fields(session, giveaway_id, result_message_id=message_id)
                    await _note(session, attempt, Progress("announce", index + 1), len(sends))
        await self._on_step("announced", giveaway_id)
        winners = outcome.winners
        start = await self._own_step(giveaway_id, attempt, "winners", len(winners))
        if start is not None:
            for index in range(start, len(winners)):
                if not await self._courier.tell_winner(winners[index], outcome):
                    async with self._session_factory() as session, session.begin():
                        await store.add_untold(session, giveaway_id, winners[index].entrant)
                await self._note(attempt, Progress("winners", index + 1), len(winners))
        await self._on_step("winners", giveaway_id)
        creator = record.creator_user_id
        start = await self._own_step(giveaway_id, attempt, "creator", 1)
        if start == 0 and creator:
            # Read again: the summary says who was not told, also after a resumed winners step.
            await self._courier.tell_creator(creator, await self.outcome(giveaway_id))
            await self._note(attempt, Progress("creator", 1), 1)
        await self._on_step("creator", giveaway_id)
        async with self._session_factory() as session, session.begin():
            await store.set_fields(
                session, giveaway_id, status="done", finished_at=self._now(), retry_at=None
            )
        await self._on_step("done", giveaway_id)
        return f"{len(outcome.winners)} winner(s) of {outcome.entrants}"

    async def _announcement(self, outcome: Outcome) -> Sequence[Send]:
        if isinstance(self._courier, PartedCourier):
            return await self._courier.announcement(outcome)
        return [partial(self._courier.announce, outcome)]

    async def _own_step(
        self, giveaway_id: int, attempt: Attempt | None, step: str, total: int
    ) -> int | None:
        """How many of `step`'s messages this attempt already sent, when the step is its own to
        send; None when it is not (done, or claimed by another attempt).

        A resumed attempt owns the step the dead one noted last, and none before it; later steps
        are claimed on the giveaway row, the claim noted on the run in the same transaction."""
        resumed = attempt.resumed if attempt else None
        if resumed is not None:
            if step == resumed.step:
                return resumed.sent
            if SENDING_STEPS.index(step) < SENDING_STEPS.index(resumed.step):
                return None
        async with self._session_factory() as session, session.begin():
            claimed = await store.claim_step(session, giveaway_id, step, self._now())
            if claimed:
                await _note(session, attempt, Progress(step, 0), total)
        return 0 if claimed else None

    async def _note(self, attempt: Attempt | None, progress: Progress, total: int) -> None:
        if attempt is not None:
            async with self._session_factory() as session, session.begin():
                await _note(session, attempt, progress, total)

    async def _compute(self, record: GiveawayRecord) -> Transcript:
        beacon = await self._beacon(record)
        seed = bytes.fromhex(record.seed)
        async with self._session_factory() as session:
            entries = await store.entries_before(session, record.id, record.ends_at)
        ids = fairness.entrant_ids(seed, [entry.user_id for entry in entries])
        users = {entrant: user_id for user_id, entrant in ids.items()}
        entrants = fairness.canonical_entrants(ids.values())
        randomness = bytes.fromhex(beacon.randomness) if beacon else b""
        reasons = await self._reasons(
            record,
            seed=seed,
            entrants=entrants,
            users=users,
            beacon=randomness,
            start=0,
            count=record.winner_count,
            at=record.ends_at,
        )
        drawn_at = max(self._now(), record.ends_at)
        return record_draw(
            _published(record), seed, entrants, reasons, drawn_at=drawn_at, beacon=beacon
        )

    async def _reasons(
        self,
        record: GiveawayRecord,
        *,
        seed: bytes,
        entrants: Sequence[str],
        users: dict[str, int],
        beacon: bytes,
        start: int,
        count: int,
        at: datetime,
    ) -> dict[str, str | None]:
        """Eligibility of the candidates in draw order, looked up lazily until `count` win."""
        reasons: dict[str, str | None] = {}
        won = 0
        for _, entrant in fairness.candidates(seed, entrants, beacon, start):
            if won == count:
                break
            reason = await self.eligibility.check(record, users[entrant], at)
            if reason is None:
                won += 1
            else:
                reasons[entrant] = reason.published()
        return reasons

    async def _beacon(self, record: GiveawayRecord) -> Beacon | None:
        if record.beacon_url is None or record.beacon_round is None:
            return None
        assert record.beacon_genesis_time is not None and record.beacon_period is not None
        chain = ChainInfo(record.beacon_genesis_time, record.beacon_period)
        async with self._beacon_client(record.beacon_url, chain) as client:
            return await client.evidence(record.beacon_round)

    async def outcome(self, giveaway_id: int, reroll: int | None = None) -> Outcome:
        async with self._session_factory() as session:
            record = await store.get(session, giveaway_id)
            assert record is not None and record.transcript is not None
            entries = await store.entries_before(session, giveaway_id, record.ends_at)
        transcript = Transcript.from_json(record.transcript)
        people = _people(transcript.seed_bytes, entries)
        untold: tuple[str, ...] = ()
        replaced: tuple[str, ...] = ()
        if reroll is None:
            winners, skips = transcript.winners, transcript.skips
            untold = tuple(json.loads(record.untold_winners or "[]"))
        else:
            entry = transcript.rerolls[reroll - 1]
            winners, skips, replaced = entry.winners, entry.skips, entry.replaces
        return Outcome(
            record=record,
            transcript=transcript,
            winners=tuple(people[entrant] for entrant in winners),
            skips=tuple(
                (skip.position, skip.entrant, SkipReason.parse(skip.reason)) for skip in skips
            ),
            entrants=len(transcript.entrants),
            reroll=reroll,
            untold=tuple(people[entrant] for entrant in untold),
            replaced=tuple(people[entrant] for entrant in replaced),
            places=_places(transcript, reroll, winners),
        )

    async def reroll(
        self, giveaway_id: int, ranks: Sequence[int], reason: str, event: AuditEvent
    ) -> Outcome:
        """Replacements for the standing winners at `ranks` (1-based, as the last result lists
        them), continuing the permutation, stored with the audit entry, then announced once and
        told privately."""
        async with self._session_factory() as session:
            record = await store.get(session, giveaway_id)
        if record is None or record.transcript is None or record.status not in ("drawn", "done"):
            raise RerollRefused("not-drawn")
        before = Transcript.from_json(record.transcript)
        if len(ranks) > record.winner_count:
            raise RerollRefused("too-many")
        standing = before.standing_winners
        if not ranks or any(not 1 <= rank <= len(standing) for rank in ranks):
            raise RerollRefused("no-such-winner")
        replaces = [standing[rank - 1] for rank in dict.fromkeys(ranks)]
        count = len(replaces)
        async with self._session_factory() as session:
            entries = await store.entries_before(session, giveaway_id, record.ends_at)
        users = {
            person.entrant: person.user_id
            for person in _people(before.seed_bytes, entries).values()
        }
        start = before.last_pick.next_position
        if start >= len(before.entrants):
            raise RerollRefused("nobody-left")
        at = max(self._now(), before.rerolls[-1].at if before.rerolls else before.drawn_at)
        reasons = await self._reasons(
            record,
            seed=before.seed_bytes,
            entrants=before.entrants,
            users=users,
            beacon=before.beacon_bytes,
            start=start,
            count=count,
            at=at,
        )
        after = before.with_reroll(count, reasons, reason, at, replaces)
        if not after.rerolls[-1].winners:
            raise RerollRefused("nobody-left")
        number = len(after.rerolls)
        async with self._session_factory() as session, session.begin():
            stored = await store.replace_transcript(
                session, giveaway_id, record.transcript, after.to_json()
            )
            if not stored:
                raise RerollRefused("busy")
            await audit.record(session, event)
        outcome = await self.outcome(giveaway_id, number)
        async with self._session_factory() as session, session.begin():
            claimed = await store.claim_reroll_announcement(session, giveaway_id, number)
        if claimed:
            await self._courier.announce(outcome)
            untold = [
                person
                for person in outcome.winners
                if not await self._courier.tell_winner(person, outcome)
            ]
            outcome = replace(outcome, untold=tuple(untold))
        return outcome


async def _note(
    session: AsyncSession, attempt: Attempt | None, progress: Progress, total: int
) -> None:
    if attempt is not None:
        await job_runs.note(session, attempt.job, attempt.period, progress.note(total))


def _places(transcript: Transcript, reroll: int | None, winners: Sequence[str]) -> tuple[int, ...]:
    """Where a round's winners stand: a replacement takes the number of whom it replaces."""
    standing = transcript.standing_after(reroll or 0)
    return tuple(
        standing.index(winner) + 1 if winner in standing else index + 1
        for index, winner in enumerate(winners)
    )


def _draw_job(giveaway_id: int) -> str:
    return f"{DRAW_JOB}{giveaway_id}"


def _next_attempt(last: str | None) -> str:
    number = int(last.removeprefix("attempt-")) + 1 if last else 0
    return f"attempt-{number:06d}"


def _published(record: GiveawayRecord) -> Giveaway:
    return Giveaway(
        id=record.id,
        chat_id=record.chat_id,
        prize=record.prize,
        winner_count=record.winner_count,
        rules=record.rules,
        created_at=record.created_at,
        ends_at=record.ends_at,
    )


def _people(seed: bytes, entries: Sequence[GiveawayEntry]) -> dict[str, Person]:
    ids = fairness.entrant_ids(seed, [entry.user_id for entry in entries])
    return {
        ids[entry.user_id]: Person(
            entry.user_id, entry.first_name, entry.last_name, ids[entry.user_id]
        )
        for entry in entries
    }


def transcript_file(transcript: Transcript) -> bytes:
    return json.dumps(transcript.to_dict(), ensure_ascii=False, indent=2).encode("utf-8")
