""" "You asked, we made it": the fans who asked for something are told, once, when operators
answer it (feedback marked done, feedback linked to a video, a topic poll made into a video).

Answering only records the asks (bot/db/ask_notices.py) and wakes the clock; the telling runs
on the clock (ARCHITECTURE section 5), so an operator's command never waits for a fan-out:
- `notices:private:<id>`: one private message in the fan's language; Telegram refuses it when
  they never started the bot (or blocked it), and the notice waits for the group's message;
- `notices:group:<chat id>`, one run per local day of the group: one message in the group's
  language that mentions the fans not reached privately, grouped by video. A group hears at
  most one such message a day, however many asks are answered.
Telegram stays behind `NoticeCourier` (bot/telegram/ask_notice_courier.py), whose calls pass
the outbound limiter like every other.
"""

from __future__ import annotations

import html
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from statistics import median
from typing import Protocol
from zoneinfo import ZoneInfo

import structlog
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import ask_notices as store
from bot.db import videos as video_store
from bot.db.chat_settings import group, group_language
from bot.db.models import Comment, PollRecord
from bot.db.polls import tally
from bot.db.user_settings import person_languages
from bot.domain.polls import results
from bot.domain.videos import StoredVideo, video_number
from bot.i18n import Html, Locale, Texts, Translator, choose_locale, locale_of
from bot.services.clock import Action, PlannedJob, utc_now

log = structlog.get_logger(__name__)

PRIVATE_JOB = "notices:private:"
GROUP_JOB = "notices:group:"
MENTIONS_PER_MESSAGE = 40  # the rest wait for the next day's message, never a second one today
ASK_EXCERPT = 80
GROUP_AFTER = timedelta(minutes=1)  # the private tries go first; who they miss, the group hears


class NoticeCourier(Protocol):
    async def tell_privately(self, user_id: int, text: Html) -> bool:
        """False when Telegram refused: they never started the bot, or blocked it."""

    async def tell_group(self, chat_id: int, text: Html) -> None: ...


class NotATopicPoll(Exception):
    """The replied message is not one of the group's topic polls."""


class PollStillOpen(Exception):
    """The poll has no winner yet."""


class UnknownVideoCode(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, slots=True)
class PollMade:
    video: StoredVideo
    winners: tuple[str, ...]  # the winning options' labels
    voters: int  # the fans who will hear of it (voters of a winning option)


@dataclass(frozen=True, slots=True)
class LoopStats:
    closed: int
    median_wait: timedelta | None


@dataclass(frozen=True, slots=True)
class LoopsReport:
    total: LoopStats
    weeks: list[tuple[str, LoopStats]]  # ISO week ("2026-W49"), oldest first


def loop_stats(waits: Sequence[timedelta]) -> LoopStats:
    if not waits:
        return LoopStats(0, None)
    return LoopStats(len(waits), timedelta(seconds=median(w.total_seconds() for w in waits)))


def wait_text(texts: Texts, wait: timedelta) -> str:
    """A wait as a reader says it: minutes under an hour, hours under two days, else days."""
    minutes = max(int(wait.total_seconds() // 60), 0)
    if minutes < 60:
        return texts.plain("ask-notice-wait-minutes", count=minutes)
    if minutes < 48 * 60:
        return texts.plain("ask-notice-wait-hours", count=minutes // 60)
    return texts.plain("ask-notice-wait-days", count=minutes // (24 * 60))


class AskNotices:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        translator: Translator,
        courier: NoticeCourier,
        *,
        default_language: Locale,
        default_timezone: str,
        wake: Callable[[], Awaitable[None]],
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self._session_factory = session_factory
        self._translator = translator
        self._courier = courier
        self._default_language = default_language
        self._default_timezone = default_timezone
        self._wake = wake
        self._now = now

    # answering

    async def feedback_done(self, chat_id: int, message_id: int) -> None:
        await self._feedback_answered(chat_id, message_id, store.DONE, None)

    async def feedback_linked(self, chat_id: int, message_id: int, video_code: str) -> None:
        async with self._session_factory() as session:
            video = await video_store.by_number(session, chat_id, video_number(video_code))
        if video is not None:
            await self._feedback_answered(chat_id, message_id, store.VIDEO, video.id)

    async def _feedback_answered(
        self, chat_id: int, message_id: int, reason: str, video_id: int | None
    ) -> None:
        async with self._session_factory() as session, session.begin():
            askers = await store.feedback_askers(session, chat_id, message_id)
            await store.record(
                session,
                chat_id,
                store.FEEDBACK,
                askers,
                reason=reason,
                video_id=video_id,
                now=self._now(),
            )
        if askers:
            await self._wake()

    async def poll_made(self, chat_id: int, poll_message_id: int, reference: str) -> PollMade:
        """A closed topic poll's winning option became the video `reference`: its voters are
        told. NotATopicPoll, PollStillOpen, UnknownVideoCode; VideoInputError for a bad code."""
        number = video_number(reference)
        async with self._session_factory() as session, session.begin():
            poll = await store.topic_poll(session, chat_id, poll_message_id)
            if poll is None:
                raise NotATopicPoll
            video = await video_store.by_number(session, chat_id, number)
            if video is None:
                raise UnknownVideoCode(f"v{number}")
            labels, winning = await _winners(session, poll)
            if poll.status != "closed" or not winning:
                raise PollStillOpen
            askers = await store.poll_askers(session, poll, winning)
            await store.record(
                session,
                chat_id,
                store.POLL,
                askers,
                reason=store.VIDEO,
                video_id=video.id,
                now=self._now(),
            )
        if askers:
            await self._wake()
        return PollMade(video, labels, len(askers))

    async def loops(self, chat_id: int, start: datetime, end: datetime, zone: str) -> LoopsReport:
        """Asks answered in [start, end), in all and per ISO week of the group's zone."""
        async with self._session_factory() as session:
            answered = await store.answered_between(session, chat_id, start, end)
        weeks: dict[str, list[timedelta]] = {}
        for one in answered:
            year, week, _ = one.answered_at.astimezone(ZoneInfo(zone)).isocalendar()
            weeks.setdefault(f"{year}-W{week:02d}", []).append(one.answered_at - one.asked_at)
        return LoopsReport(
            loop_stats([one.answered_at - one.asked_at for one in answered]),
            [(week, loop_stats(waits)) for week, waits in sorted(weeks.items())],
        )

    # fans' choice

    async def set_enabled(self, user_id: int, enabled: bool) -> None:
        async with self._session_factory() as session, session.begin():
            if enabled:
                await store.opt_in(session, user_id)
            else:
                await store.opt_out(session, user_id, self._now())

    async def enabled(self, user_id: int) -> bool:
        async with self._session_factory() as session:
            return not await store.opted_out(session, user_id)

    # telling (clock actions)

    async def tell_privately(self, notice_id: int) -> str | None:
        async with self._session_factory() as session, session.begin():
            if not await store.claim(session, notice_id, store.PENDING, store.SENDING):
                return "already told"
            notice = await store.notice(session, notice_id)
        assert notice is not None
        text = await self._private_text(notice)
        try:
            told = await self._courier.tell_privately(notice.user_id, text)
        except Exception:
            told = False  # Telegram kept failing: the group's message names them instead
            log.warning("ask_notices.private_failed", notice=notice_id, exc_info=True)
        async with self._session_factory() as session, session.begin():
            if told:
                await store.settle(session, [notice_id], store.PRIVATE, self._now())
            else:
                await store.claim(session, notice_id, store.SENDING, store.GROUP)
        return "private" if told else "waits for the group"

    async def tell_group(self, chat_id: int) -> str | None:
        async with self._session_factory() as session:
            waiting = await store.waiting_in_group(session, chat_id, MENTIONS_PER_MESSAGE)
            videos = await store.videos(
                session, sorted({n.video_id for n in waiting if n.video_id is not None})
            )
        if not waiting:
            return "nobody waits"
        async with self._session_factory() as session, session.begin():
            claimed = [
                n for n in waiting if await store.claim(session, n.id, store.GROUP, store.TELLING)
            ]
        if not claimed:
            return "nobody waits"
        texts = await self._group_texts(chat_id)
        try:
            await self._courier.tell_group(chat_id, _group_text(texts, claimed, videos))
        except Exception:
            # Not sent: they wait for the next day's message rather than being lost.
            async with self._session_factory() as session, session.begin():
                await store.settle(session, [n.id for n in claimed], store.GROUP, None)
            raise
        async with self._session_factory() as session, session.begin():
            await store.settle(session, [n.id for n in claimed], store.GROUPED, self._now())
        return f"{len(claimed)} mentioned"

    async def _private_text(self, notice: store.Notice) -> Html:
        async with self._session_factory() as session:
            chosen, telegram = await person_languages(session, notice.user_id)
            group_texts = await self._group_texts(notice.chat_id)
            texts = self._translator.bind(choose_locale(chosen, telegram, group_texts.locale))
            record = await group(session, notice.chat_id)
            ask = await _ask_text(session, notice)
            videos = await store.videos(
                session, [notice.video_id] if notice.video_id is not None else []
            )
        title = (record.title if record else None) or str(notice.chat_id)
        lines = []
        video = videos.get(notice.video_id or 0)
        if video is not None:
            lines.append(
                texts("ask-notice-private-video", group=title, title=video.title, code=video.code)
            )
            if video.url:
                lines.append(texts("ask-notice-link", url=video.url))
        else:
            lines.append(texts("ask-notice-private-done", group=title))
        if ask:
            lines.append(texts("ask-notice-you-asked", ask=ask))
        lines.append(texts("ask-notice-turn-off"))
        return texts.lines(lines)

    async def _group_texts(self, chat_id: int) -> Texts:
        async with self._session_factory() as session:
            chosen = await group_language(session, chat_id)
        return self._translator.bind(locale_of(chosen) or self._default_language)

    async def _timezone(self, session: AsyncSession, chat_id: int) -> ZoneInfo:
        record = await group(session, chat_id)
        return ZoneInfo((record.timezone if record else None) or self._default_timezone)

    # the clock

    async def planned(self, session: AsyncSession, now: datetime) -> list[PlannedJob]:
        jobs = [
            PlannedJob(f"{PRIVATE_JOB}{notice_id}", "send", now, self._private_action(notice_id))
            for notice_id in await store.pending_ids(session)
        ]
        for chat_id, latest in (await store.groups_to_tell(session)).items():
            zone = await self._timezone(session, chat_id)
            today = now.astimezone(zone).date()
            tomorrow = today + timedelta(days=1)
            midnight = datetime.combine(tomorrow, time(0), zone)
            action, series = self._group_action(chat_id), f"{GROUP_JOB}{chat_id}"
            # Today's message once the private tries have had their minute (a fixed instant,
            # so passes do not push it on; overdue, it runs now rather than being missed);
            # once today's has gone, tomorrow's, woken at midnight.
            due = max(latest + GROUP_AFTER, now)
            jobs.append(PlannedJob(series, today.isoformat(), due, action))
            jobs.append(PlannedJob(series, tomorrow.isoformat(), max(midnight, due), action))
        return jobs

    def _private_action(self, notice_id: int) -> Action:
        async def run() -> str | None:
            return await self.tell_privately(notice_id)

        return run

    def _group_action(self, chat_id: int) -> Action:
        async def run() -> str | None:
            return await self.tell_group(chat_id)

        return run


class LoopsDigestSection:
    """The digest's loops closed: asks answered in the period, and the median wait."""

    async def lines(
        self, session: AsyncSession, chat_id: int, start: datetime, end: datetime, texts: Texts
    ) -> list[Html]:
        answered = await store.answered_between(session, chat_id, start, end)
        if not answered:
            return []
        stats = loop_stats([a.answered_at - a.asked_at for a in answered])
        assert stats.median_wait is not None
        return [
            texts(
                "ask-notice-digest",
                count=stats.closed,
                wait=wait_text(texts, stats.median_wait),
            )
        ]


async def _winners(session: AsyncSession, poll: PollRecord) -> tuple[tuple[str, ...], list[int]]:
    """The winning options' labels and 0-based indexes (every option with the most votes)."""
    counted = await tally(session, poll.telegram_poll_id)
    options = json.loads(poll.options)
    outcome = results(options, counted.counts if counted else (), counted.voters if counted else 0)
    winners = outcome.winners
    return tuple(w.label for w in winners), [w.number - 1 for w in winners]


async def _ask_text(session: AsyncSession, notice: store.Notice) -> str | None:
    """What the fan asked, shortened: their comment, or the poll's question."""
    if notice.ask_kind == store.POLL:
        text = await session.scalar(
            select(PollRecord.question).where(PollRecord.id == notice.ask_ref)
        )
    else:
        text = await session.scalar(
            select(Comment.text).where(
                Comment.chat_id == notice.chat_id, Comment.message_id == notice.ask_ref
            )
        )
    if not text:
        return None
    return text if len(text) <= ASK_EXCERPT else text[: ASK_EXCERPT - 1] + "\u2026"


def mention(notice: store.Notice) -> Html:
    name = " ".join(part for part in (notice.first_name, notice.last_name) if part) or "\u2022"
    # tg://user?id= reaches people without a username.
    return Html(f'<a href="tg://user?id={notice.user_id}">{html.escape(name, quote=False)}</a>')


def _group_text(
    texts: Texts, notices: Sequence[store.Notice], videos: dict[int, store.ToldVideo]
) -> Html:
    separator = texts.plain("ask-notice-separator")
    by_video: dict[int | None, list[store.Notice]] = {}
    for notice in notices:
        key = notice.video_id if notice.video_id in videos else None
        by_video.setdefault(key, []).append(notice)
    lines = [texts("ask-notice-group-title")]
    for video_id, fans in by_video.items():
        people = Html(separator.join(mention(fan) for fan in fans))
        if video_id is None:
            lines.append(texts("ask-notice-group-done", people=people))
            continue
        video = videos[video_id]
        lines.append(
            texts("ask-notice-group-video", title=video.title, code=video.code, people=people)
        )
        if video.url:
            lines.append(texts("ask-notice-link", url=video.url))
    lines.append(texts("ask-notice-turn-off"))
    return texts.lines(lines)
