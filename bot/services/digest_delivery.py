"""Digests on the clock: one job per (group, recipient, cadence), exactly once per period.

Jobs are named `digest:<daily|weekly>:<group id>:<u<user id>|c<chat id>>`; a daily run's period
is the local date it fires on and reports the day before; a weekly run fires on Mondays and
reports the ISO week before, compared with the week before that. The claim in `job_runs` is per
recipient, so one blocked recipient fails alone and the run records why.

A digest goes out as several messages (text parts, then the chart); after each one the run notes
how many went out. A run left `claimed` by an instance that died mid-fan-out is listed again
(`resumes`) and sends only the messages not yet noted: every recipient gets the digest once, a
kill costing at most one message sent twice (Telegram accepted it, the note was not written).

Telegram stays behind the `DigestCourier` protocol (bot/telegram/digest_courier.py implements it
with aiogram). The operators' digest commands are use cases here too: `DigestService.preview`
for /digest, `DigestSubscriptions` for who receives the digest, when and where.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Protocol

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit, job_runs, lease
from bot.db import digest as store
from bot.db.chat_settings import group
from bot.db.digest import DigestTarget
from bot.db.user_settings import person_languages
from bot.domain.arguments import PERIOD_WORDS, parse_period, suggest
from bot.domain.audit import AuditAction, AuditEvent
from bot.domain.chart_data import Bar, DayActivity, DigestLabels
from bot.domain.html_split import split_html
from bot.domain.recurrence import Cadence, Run, Schedule, zone
from bot.domain.roles import Actor
from bot.domain.weekdays import read_days, stored_days
from bot.i18n import Locale, Texts, Translator, choose_locale, locale_of
from bot.services.chart_pool import ChartPool
from bot.services.clock import LEASE_NAME, Action, Clock, JobFailed, PlannedJob, schedule_jobs
from bot.services.digest import Digest, DigestBuilder, DigestKind, local_today
from bot.services.digest_render import (
    DigestSections,
    Visibility,
    chart_inputs,
    render_text,
)
from bot.services.health import FeatureStatus

log = structlog.get_logger(__name__)

DEFAULT_TIME = time(9, 0)
ChartRenderer = Callable[[Sequence[DayActivity], Sequence[Bar], DigestLabels], bytes]
JOB_PREFIX = "digest:"
PROGRESS = re.compile(r"sent (\d+) of \d+ messages")


class RecipientBlocked(Exception):
    """The recipient blocked the bot (or left the operators' chat): skip them from now on."""


@dataclass(frozen=True, slots=True)
class Opener:
    """A button under the digest that opens the dashboard on its group (bot/dashboard/), when
    the bot has one; `label` in the reader's language."""

    label: str
    group_id: int


class DigestCourier(Protocol):
    async def visibility(self, chat_id: int) -> Visibility: ...

    async def may_receive(self, chat_id: int, user_id: int) -> bool: ...

    async def administers(self, chat_id: int, user_id: int) -> bool: ...

    async def administrators(self, chat_id: int) -> frozenset[int]:
        """The group's owner and administrators now; empty when Telegram cannot say."""
        ...

    async def send(
        self,
        recipient: int,
        parts: Sequence[str],
        chart: bytes | None,
        caption: str,
        *,
        opener: Opener | None = None,
    ) -> None:
        """The parts, then the chart; `opener` goes under the chart."""
        ...


@dataclass(frozen=True, slots=True)
class Composed:
    parts: list[str]
    chart: bytes
    caption: str
    digest: Digest
    opener: str = ""  # the dashboard button's label


@dataclass(frozen=True, slots=True)
class DigestAsk:
    """The period /digest asked for: the last finished ISO week, a day, a period as typed (read
    in the group's time zone by bot/domain/arguments.py), or (none of them) today."""

    week: bool = False
    day: date | None = None
    typed: str | None = None


class DigestProblem(StrEnum):
    NO_PERIOD = "no-period"
    NOT_A_PERIOD = "not-a-period"
    FUTURE = "future"
    LENGTH = "length"


class NotADigestDay(Exception):
    """/digest named no period, one it cannot read, one that has not begun in the group's time
    zone, or one that is neither a day nor a week; `suggestion` is the word probably meant."""

    def __init__(
        self,
        problem: DigestProblem = DigestProblem.NO_PERIOD,
        typed: str = "",
        suggestion: str | None = None,
    ) -> None:
        super().__init__(f"{problem.value}: {typed}")
        self.problem = problem
        self.typed = typed
        self.suggestion = suggestion


def digest_days(ask: DigestAsk | None, now: datetime, timezone: str) -> tuple[date, int]:
    """The first local day and the length (1 or 7 days) of what /digest asked for."""
    today = local_today(now, timezone)
    if ask is None:
        raise NotADigestDay
    if ask.typed is not None:
        return _typed_days(ask.typed, now, timezone, today)
    if ask.week:
        return today - timedelta(days=today.weekday() + 7), 7
    if ask.day is not None and ask.day > today:
        raise NotADigestDay(DigestProblem.FUTURE, ask.day.isoformat())
    return ask.day or today, 1


def _typed_days(typed: str, now: datetime, timezone: str, today: date) -> tuple[date, int]:
    period = parse_period(typed, now=now, timezone=timezone)
    if period is None:
        raise NotADigestDay(DigestProblem.NOT_A_PERIOD, typed, suggest(typed, PERIOD_WORDS))
    if period.start > now:
        raise NotADigestDay(DigestProblem.FUTURE, typed)
    if period.days is not None:
        days, first = period.days, period.start.astimezone(zone(timezone)).date()
    else:
        # A duration in whole days ends today: "7d" is the seven days up to now.
        length = period.end - period.start
        days = length.days if length == timedelta(days=length.days) else 0
        first = today - timedelta(days=days - 1)
    if days not in (1, 7):
        raise NotADigestDay(DigestProblem.LENGTH, typed)
    return first, days


def parse_local_time(text: str) -> time | None:
    """ "8:30", "08:30", "08：30" (a Chinese keyboard's colon); None when it is not a time."""
    found = re.fullmatch(r"(\d{1,2})[:：](\d{2})", text.strip())
    if found is None or int(found[1]) > 23 or int(found[2]) > 59:
        return None
    return time(int(found[1]), int(found[2]))


@dataclass(frozen=True, slots=True)
class Recipient:
    key: str  # u<user id> or c<chat id>
    chat_id: int  # where the digest is sent
    user_id: int | None


class DigestService:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        translator: Translator,
        courier: DigestCourier,
        *,
        default_timezone: str,
        default_language: Locale,
        builder: DigestBuilder | None = None,
        sections: DigestSections | None = None,
        chart: ChartRenderer | None = None,
        charts: ChartPool | None = None,
    ) -> None:
        self._session_factory = session_factory
        self._translator = translator
        self._courier = courier
        self._default_timezone = default_timezone
        self._default_language = default_language
        self.builder = builder or DigestBuilder()
        self.sections = sections or DigestSections()
        self._chart = chart
        self._charts = charts or ChartPool()
        # One pass sends the same group's digest to many recipients: compose it once per language.
        self._composed: dict[tuple[int, DigestKind, date, str], Composed] = {}

    # The clock's side: what is planned, and each run's action.

    async def planned(self, session: AsyncSession, now: datetime) -> Sequence[PlannedJob]:
        self._composed.clear()
        return await self._planned(session, now, await store.digest_targets(session))

    def in_group(self, job: str, chat_id: int) -> bool:
        return any(job.startswith(f"{JOB_PREFIX}{cadence.value}:{chat_id}:") for cadence in Cadence)

    async def planned_for_group(
        self, session: AsyncSession, now: datetime, chat_id: int
    ) -> Sequence[PlannedJob]:
        """One group's digest jobs: its settings changed (issue 21: planning every group's took
        252-293 ms at 1,000 groups)."""
        for key in [key for key in self._composed if key[0] == chat_id]:
            del self._composed[key]
        return await self._planned(session, now, await store.digest_targets(session, [chat_id]))

    async def _planned(
        self, session: AsyncSession, now: datetime, targets: Sequence[DigestTarget]
    ) -> list[PlannedJob]:
        series: list[tuple[str, Schedule, DigestTarget, Recipient]] = []
        for target in targets:
            local = parse_local_time(target.local_time or "") or DEFAULT_TIME
            tz = target.timezone or self._default_timezone
            for recipient in _recipients(target):
                for cadence in (Cadence.DAILY, Cadence.WEEKLY):
                    job = job_name(cadence, target.chat_id, recipient)
                    series.append((job, Schedule(local, tz, cadence), target, recipient))
        last = await job_runs.last_periods(session, [job for job, *_ in series])
        holder = await lease.holder_of(session, LEASE_NAME, now)
        orphans = await job_runs.orphaned(session, JOB_PREFIX, holder) if holder else {}
        planned: list[PlannedJob] = []
        for job, schedule, target, recipient in series:
            orphan = orphans.get(job)
            if orphan is not None and orphan.period == last.get(job):
                run = schedule.run_of_period(orphan.period)
                sent = _messages_sent(orphan.detail)
                action = self._action_for(target, recipient, schedule.cadence, now, sent=sent)
                planned.append(PlannedJob(job, run.period, run.at, action(run), resumes=True))
            planned.extend(
                schedule_jobs(
                    job,
                    schedule,
                    last.get(job),
                    now,
                    self._action_for(target, recipient, schedule.cadence, now),
                )
            )
        return planned

    def _action_for(
        self,
        target: DigestTarget,
        recipient: Recipient,
        cadence: Cadence,
        now: datetime,
        *,
        sent: int = 0,
    ) -> Callable[[Run], Action]:
        def action_for(run: Run) -> Action:
            async def action() -> str | None:
                return await self.deliver(target, recipient, cadence, run, now, sent=sent)

            return action

        return action_for

    async def deliver(
        self,
        target: DigestTarget,
        recipient: Recipient,
        cadence: Cadence,
        run: Run,
        now: datetime,
        *,
        sent: int = 0,
    ) -> str | None:
        """Send the digest of `run` to `recipient`, skipping the first `sent` messages (a run
        resumed after a crash)."""
        if recipient.user_id is not None and not await self._courier.may_receive(
            target.chat_id, recipient.user_id
        ):
            return "skipped: no longer an operator of the group"
        if cadence is Cadence.DAILY and run.local_date.weekday() not in read_days(target.days):
            return "skipped: not one of the group's digest days"
        kind = DigestKind.WEEKLY if cadence is Cadence.WEEKLY else DigestKind.DAILY
        reported = run.local_date - timedelta(days=7 if kind is DigestKind.WEEKLY else 1)
        texts = await self.texts_for(target, recipient)
        key = (target.chat_id, kind, reported, texts.locale)
        composed = self._composed.get(key)
        if composed is None:
            composed = await self.compose(target, texts, kind, reported, max(now, run.at))
            self._composed[key] = composed
        messages: list[tuple[list[str], bytes | None]] = [([part], None) for part in composed.parts]
        messages.append(([], composed.chart))
        job = job_name(cadence, target.chat_id, recipient)
        try:
            for index in range(sent, len(messages)):
                text, chart = messages[index]
                await self._courier.send(
                    recipient.chat_id,
                    text,
                    chart,
                    composed.caption,
                    opener=Opener(composed.opener, target.chat_id),
                )
                async with self._session_factory() as session, session.begin():
                    detail = f"sent {index + 1} of {len(messages)} messages"
                    await job_runs.note(session, job, run.period, detail)
        except RecipientBlocked as error:
            if recipient.user_id is not None:
                async with self._session_factory() as session, session.begin():
                    await store.mark_blocked(session, recipient.user_id, now)
            raise JobFailed(f"recipient {recipient.key} blocked the bot: {error}") from error
        parts = len(composed.parts)
        return f"sent {kind.value} {reported.isoformat()} to {recipient.key}: {parts} parts + chart"

    # Shared with /digest.

    async def compose(
        self, target: DigestTarget, texts: Texts, kind: DigestKind, day: date, now: datetime
    ) -> Composed:
        timezone = target.timezone or self._default_timezone
        title = target.title or str(target.chat_id)
        administrators = await self._courier.administrators(target.chat_id)
        async with self._session_factory() as session, session.begin():
            staff = administrators | await store.granted_people(session, target.chat_id)
            if kind is DigestKind.WEEKLY:
                digest = await self.builder.weekly(
                    session,
                    chat_id=target.chat_id,
                    title=title,
                    timezone=timezone,
                    monday=day,
                    now=now,
                    staff=staff,
                )
            else:
                digest = await self.builder.daily(
                    session,
                    chat_id=target.chat_id,
                    title=title,
                    timezone=timezone,
                    day=day,
                    now=now,
                    kind=kind,
                    staff=staff,
                )
            sections = await self.sections.render(session, digest, texts)
        visibility = await self._courier.visibility(target.chat_id)
        text = render_text(digest, texts, visibility=visibility, sections=sections, now=now)
        activity, bars, labels = chart_inputs(digest, texts)
        if self._chart is not None:
            chart = await asyncio.to_thread(self._chart, activity, bars, labels)
        else:
            chart = await self._charts.render("digest_chart", activity, bars, labels)
        opener = texts.plain("dashboard-open-button")
        return Composed(split_html(text), chart, labels.title, digest, opener)

    async def preview(
        self, chat_id: int, texts: Texts, ask: DigestAsk | None, now: datetime
    ) -> Composed | None:
        """/digest: the asked period's digest, so far (None: the group is not known). `ask` is
        None when the command's words named no period."""
        target = await self._target(chat_id)
        if target is None:
            return None
        timezone = target.timezone or self._default_timezone
        day, days = digest_days(ask, now, timezone)
        if days == 7:
            kind = DigestKind.WEEKLY
        elif day < local_today(now, timezone):
            kind = DigestKind.DAILY
        else:
            kind = DigestKind.PREVIEW
        return await self.compose(target, texts, kind, day, now)

    async def _target(self, chat_id: int) -> DigestTarget | None:
        """A group as /digest sees it, whether or not anyone subscribed."""
        async with self._session_factory() as session:
            record = await group(session, chat_id)
            local_time, operators_chat = await store.digest_settings(session, chat_id)
        if record is None:
            return None
        return DigestTarget(
            chat_id=record.id,
            title=record.title,
            timezone=record.timezone,
            language=record.language,
            local_time=local_time,
            operators_chat_id=operators_chat,
            subscribers=(),
        )

    async def probe(self, session: AsyncSession, chat_id: int, now: datetime) -> FeatureStatus:
        """The /status line: how many receive the digest, and when the next daily one goes."""
        targets = await store.digest_targets(session, [chat_id])
        if not targets:
            return FeatureStatus("digest", count=0)
        target = targets[0]
        local = parse_local_time(target.local_time or "") or DEFAULT_TIME
        schedule = Schedule(local, target.timezone or self._default_timezone)
        return FeatureStatus("digest", next_at=schedule.next_run(now).at)

    async def texts_for(self, target: DigestTarget, recipient: Recipient) -> Texts:
        if recipient.user_id is None:
            locale = locale_of(target.language) or self._default_language
            return self._translator.bind(locale)
        async with self._session_factory() as session:
            chosen, telegram = await person_languages(session, recipient.user_id)
        return self._translator.bind(choose_locale(chosen, telegram, self._default_language))


@dataclass(frozen=True, slots=True)
class DeliveryTime:
    """When the group's daily digest goes out: a local time in the group's timezone."""

    local_time: str
    timezone: str


class DigestSubscriptions:
    """Who receives a group's digest (/digest_subscribe, /digest_unsubscribe), when
    (/digest_time) and in which operators' chat (/digest_chat); each change re-plans the group's
    digests."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        courier: DigestCourier,
        clock: Clock,
        *,
        default_timezone: str,
    ) -> None:
        self._session_factory = session_factory
        self._courier = courier
        self._clock = clock
        self._default_timezone = default_timezone

    async def subscribe(
        self, chat_id: int, user_id: int, now: datetime
    ) -> tuple[bool, DeliveryTime]:
        """Whether `user_id` was newly subscribed, and when the digest goes out."""
        async with self._session_factory() as session, session.begin():
            added = await store.subscribe(session, chat_id, user_id, now)
            local_time, _ = await store.digest_settings(session, chat_id)
            when = await self._when(session, chat_id, local_time or f"{DEFAULT_TIME:%H:%M}")
        await self._clock.rebuild(chat_id)
        return added, when

    async def is_subscribed(self, chat_id: int, user_id: int) -> bool:
        async with self._session_factory() as session:
            return await store.is_subscribed(session, chat_id, user_id)

    async def unsubscribe(self, chat_id: int, user_id: int) -> bool:
        """Whether `user_id` was subscribed."""
        async with self._session_factory() as session, session.begin():
            removed = await store.unsubscribe(session, chat_id, user_id)
        await self._clock.rebuild(chat_id)
        return removed

    async def set_time(
        self, chat_id: int, actor: Actor, local: time, now: datetime
    ) -> DeliveryTime:
        written = f"{local:%H:%M}"
        async with self._session_factory() as session, session.begin():
            await store.set_digest_settings(session, chat_id, now, local_time=written)
            await audit.record(
                session, _audit(chat_id, actor, AuditAction.DIGEST_TIME_SET, now, written)
            )
            when = await self._when(session, chat_id, written)
        await self._clock.rebuild(chat_id)
        return when

    async def days(self, chat_id: int) -> frozenset[int]:
        async with self._session_factory() as session:
            return read_days(await store.digest_days(session, chat_id))

    async def set_days(
        self, chat_id: int, actor: Actor, days: frozenset[int], now: datetime
    ) -> frozenset[int]:
        """The weekdays the daily digest goes out from now on (the weekly one keeps Monday)."""
        written = stored_days(days)
        async with self._session_factory() as session, session.begin():
            await store.set_digest_days(session, chat_id, written, now)
            await audit.record(
                session,
                _audit(chat_id, actor, AuditAction.DIGEST_DAYS_SET, now, written or "0123456"),
            )
        await self._clock.rebuild(chat_id)
        return read_days(written)

    async def send_to_chat(self, chat_id: int, actor: Actor, target: int, now: datetime) -> bool:
        """The digest also goes to `target`; False (nothing changed) when the actor does not
        administer it now."""
        if actor.user_id is None or not await self._courier.administers(target, actor.user_id):
            return False
        async with self._session_factory() as session, session.begin():
            await store.set_digest_settings(session, chat_id, now, operators_chat_id=target)
            await audit.record(
                session, _audit(chat_id, actor, AuditAction.DIGEST_CHAT_SET, now, str(target))
            )
        await self._clock.rebuild(chat_id)
        return True

    async def stop_sending_to_chat(self, chat_id: int, actor: Actor, now: datetime) -> None:
        async with self._session_factory() as session, session.begin():
            await store.set_digest_settings(session, chat_id, now, clear_operators_chat=True)
            await audit.record(
                session, _audit(chat_id, actor, AuditAction.DIGEST_CHAT_CLEARED, now, None)
            )
        await self._clock.rebuild(chat_id)

    async def _when(self, session: AsyncSession, chat_id: int, local_time: str) -> DeliveryTime:
        record = await group(session, chat_id)
        timezone = (record.timezone if record else None) or self._default_timezone
        return DeliveryTime(local_time, timezone)


def _audit(
    chat_id: int, actor: Actor, action: AuditAction, at: datetime, detail: str | None
) -> AuditEvent:
    return AuditEvent(chat_id=chat_id, actor=actor, action=action, at=at, detail=detail)


def job_name(cadence: Cadence, chat_id: int, recipient: Recipient) -> str:
    return f"{JOB_PREFIX}{cadence.value}:{chat_id}:{recipient.key}"


def _messages_sent(detail: str | None) -> int:
    found = PROGRESS.fullmatch(detail or "")
    return int(found[1]) if found else 0


def _recipients(target: DigestTarget) -> list[Recipient]:
    people = [Recipient(f"u{user_id}", user_id, user_id) for user_id in target.subscribers]
    if target.operators_chat_id is not None:
        people.append(Recipient(f"c{target.operators_chat_id}", target.operators_chat_id, None))
    return people
