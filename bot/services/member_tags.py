"""Recognition (issue 19, section 3): a group's fans wear Telegram member tags computed from what
fanpulse records, refreshed daily by one clock job per group that has the feature on (or still
has tags to clear). Only changed tags are sent; a refusal for one member (an administrator,
someone who left) is noted and the refresh goes on; a missing can_manage_tags right stops the
refresh and is told to the administrators once."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from enum import StrEnum
from typing import Protocol

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import member_tags as store
from bot.db.chat_settings import ensure_chat
from bot.db.job_runs import last_periods
from bot.db.member_tags import TagChoice
from bot.domain.member_tags import Earned, TagKind, changes, earned_tags, fits
from bot.domain.recurrence import zone
from bot.i18n import Texts
from bot.services.clock import Action, PlannedJob, utc_now
from bot.services.languages import Languages
from bot.services.timezones import GroupTimezones

log = structlog.get_logger(__name__)

REFRESH_JOB = "member-tags:"


class TagOutcome(StrEnum):
    DONE = "done"
    REFUSED = "refused"  # this member: an administrator, not in the group
    NO_RIGHT = "no-right"  # the bot cannot manage tags in this group at all


class TagCourier(Protocol):
    async def set_tag(self, chat_id: int, user_id: int, tag: str | None) -> TagOutcome: ...

    async def can_manage_tags(self, chat_id: int) -> bool: ...

    async def staff(self, chat_id: int) -> frozenset[int]: ...

    async def tell_administrators(self, chat_id: int, texts: Texts) -> None: ...


class MemberTags:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        courier: TagCourier,
        *,
        languages: Languages,
        timezones: GroupTimezones,
        texts_for: Callable[[str], Texts],
        wake: Callable[[], Awaitable[None] | None],
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self._session_factory = session_factory
        self._courier = courier
        self._languages = languages
        self._timezones = timezones
        self._texts_for = texts_for
        self._wake = wake
        self._now = now

    async def choice(self, chat_id: int) -> TagChoice:
        async with self._session_factory() as session:
            return await store.choice(session, chat_id)

    async def choose(
        self,
        chat_id: int,
        *,
        enabled: bool | None = None,
        kinds: tuple[TagKind, ...] | None = None,
    ) -> tuple[TagChoice, bool]:
        """The group's new choice, and whether the bot may manage tags there now."""
        now = self._now()
        async with self._session_factory() as session, session.begin():
            await ensure_chat(session, chat_id, "supergroup", None, now)
            chosen = await store.save_choice(session, chat_id, now, enabled=enabled, kinds=kinds)
        woken = self._wake()
        if woken is not None:
            await woken
        return chosen, await self._courier.can_manage_tags(chat_id)

    # the clock

    async def planned(self, session: AsyncSession, now: datetime) -> list[PlannedJob]:
        chats = {*await store.enabled_groups(session), *await store.groups_with_tags(session)}
        if not chats:
            return []
        jobs = [f"{REFRESH_JOB}{chat_id}" for chat_id in sorted(chats)]
        done = await last_periods(session, jobs)
        planned: list[PlannedJob] = []
        for chat_id, job in zip(sorted(chats), jobs, strict=True):
            timezone = await self._timezones.of_group(chat_id)
            today = now.astimezone(zone(timezone)).date().isoformat()
            if done.get(job) != today:
                planned.append(PlannedJob(job, today, now, self._refresh_action(chat_id)))
        return planned

    def _refresh_action(self, chat_id: int) -> Action:
        async def run() -> str | None:
            return await self.refresh(chat_id)

        return run

    async def refresh(self, chat_id: int) -> str:
        """Send what changed; a detail for the run's record."""
        now = self._now()
        async with self._session_factory() as session:
            chosen = await store.choice(session, chat_id)
            stored = await store.stored_tags(session, chat_id)
            facts = await store.facts(session, chat_id, now) if chosen.enabled else None
        texts = self._texts_for(await self._languages.of_group(chat_id))
        wanted: dict[int, str] = {}
        if facts is not None:
            staff = await self._courier.staff(chat_id)
            earned = earned_tags(facts, chosen.kinds, staff)
            wanted = {user_id: _words(texts, tag) for user_id, tag in earned.items()}
        sent = refused = 0
        for change in changes(wanted, {user: tag for user, (tag, _) in stored.items()}):
            applied = stored.get(change.user_id, ("", False))[1]
            if change.tag is None and not applied:
                async with self._session_factory() as session, session.begin():
                    await store.drop_tag(session, chat_id, change.user_id)
                continue
            outcome = await self._courier.set_tag(chat_id, change.user_id, change.tag)
            if outcome is TagOutcome.NO_RIGHT:
                return await self._right_missing(chat_id, texts, sent)
            async with self._session_factory() as session, session.begin():
                if change.tag is None:
                    await store.drop_tag(session, chat_id, change.user_id)
                else:
                    done = outcome is TagOutcome.DONE
                    await store.store_tag(session, (chat_id, change.user_id), change.tag, done, now)
            sent += outcome is TagOutcome.DONE
            refused += outcome is TagOutcome.REFUSED
        async with self._session_factory() as session, session.begin():
            await store.note_right_present(session, chat_id)
        return f"sent={sent} refused={refused}"

    async def _right_missing(self, chat_id: int, texts: Texts, sent: int) -> str:
        async with self._session_factory() as session, session.begin():
            first = await store.note_right_missing(session, chat_id, self._now())
        if first:
            await self._courier.tell_administrators(chat_id, texts)
        log.info("member_tags.right_missing", chat_id=chat_id, told=first)
        return f"sent={sent} right-missing"

    # a fan forgotten

    async def clear_person(self, user_id: int, chat_id: int | None = None) -> None:
        """Take the person's tags off Telegram and forget them (before their /forget runs)."""
        async with self._session_factory() as session:
            tags = await store.tags_of_person(session, user_id, chat_id)
        for chat, applied in tags:
            if applied:
                await self._courier.set_tag(chat, user_id, None)
            async with self._session_factory() as session, session.begin():
                await store.drop_tag(session, chat, user_id)


def _words(texts: Texts, earned: Earned) -> str:
    return fits(texts.plain(f"member-tag-{earned.kind}", year=str(earned.year or "")))
