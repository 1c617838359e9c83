"""The operators' toolkit (issue 18, section 4): /warn, /mute, /ban, /unban and fans' /report.

Every action is checked live against Telegram (getChatMember) just before it happens: the
caller's own right to restrict members (an anonymous administrator is vouched for by Telegram),
the bot's, and the target's standing, never an administrator or the bot itself. Each action is
audited in the same transaction as what it changed. A report's state moves only from open, so
two operators' taps act once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db import digest as digests
from bot.db import door as store
from bot.db.models import MemberReport
from bot.db.operators import user_by_username, user_name
from bot.domain.arguments import parse_number
from bot.domain.audit import AuditEvent
from bot.domain.moderation import MemberRights, Sanction, refusal
from bot.domain.roles import Actor
from bot.services.clock import Clock

AUDITED = {
    Sanction.WARN: "member-warned",
    Sanction.MUTE: "member-muted",
    Sanction.BAN: "member-banned",
    Sanction.UNBAN: "member-unbanned",
}


class ModerationCourier(Protocol):
    async def rights(self, chat_id: int, user_id: int) -> MemberRights | None: ...

    async def bot_rights(self, chat_id: int) -> MemberRights | None: ...

    async def mute(self, chat_id: int, user_id: int, until: datetime) -> bool: ...

    async def ban(self, chat_id: int, user_id: int) -> bool: ...

    async def unban(self, chat_id: int, user_id: int) -> bool: ...


@dataclass(frozen=True, slots=True)
class Target:
    user_id: int
    name: str
    is_bot: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    """The Fluent key of the answer; `done` when something changed."""

    key: str
    done: bool = False
    warnings: int = 0
    limit: int = 0
    minutes: int = 0
    who: str = ""  # whom it was about, when the caller did not name them


@dataclass(frozen=True, slots=True)
class Filed:
    report_id: int
    operators_chat: int | None


class Moderation:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        clock: Clock,
        courier: ModerationCourier,
        bot_id: int,
    ) -> None:
        self._session_factory = session_factory
        self._clock = clock
        self._courier = courier
        self._bot_id = bot_id

    async def act(
        self,
        chat_id: int,
        actor: Actor,
        target: Target,
        sanction: Sanction,
        duration: timedelta | None = None,
    ) -> Outcome:
        refused = await self._refusal(chat_id, actor, target, sanction)
        if refused is not None:
            return Outcome(refused)
        now = self._clock.now()
        async with self._session_factory() as session:
            settings = await store.settings_of(session, chat_id)
        if sanction is Sanction.WARN:
            return await self._warn(
                chat_id,
                actor,
                target,
                settings.warn_limit,
                timedelta(minutes=settings.warn_mute_minutes),
            )
        if sanction is Sanction.MUTE:
            length = duration or timedelta(minutes=settings.warn_mute_minutes)
            if not await self._courier.mute(chat_id, target.user_id, now + length):
                return Outcome("mod-telegram-refused")
            minutes = int(length.total_seconds() // 60)
            await self._audit(chat_id, actor, sanction, target, f"{minutes} min")
            return Outcome("mod-muted", done=True, minutes=minutes)
        action = self._courier.ban if sanction is Sanction.BAN else self._courier.unban
        if not await action(chat_id, target.user_id):
            return Outcome("mod-telegram-refused")
        await self._audit(chat_id, actor, sanction, target, None)
        return Outcome("mod-banned" if sanction is Sanction.BAN else "mod-unbanned", done=True)

    async def _warn(
        self, chat_id: int, actor: Actor, target: Target, limit: int, mute_for: timedelta
    ) -> Outcome:
        now = self._clock.now()
        async with self._session_factory() as session, session.begin():
            count = await store.add_warning(session, chat_id, target.user_id, now)
            await self._record(
                session, chat_id, actor, Sanction.WARN, target, detail=f"{count}/{limit}"
            )
            if count >= limit:
                await store.reset_warnings(session, chat_id, target.user_id, now)
        if count < limit:
            return Outcome("mod-warned", done=True, warnings=count, limit=limit)
        minutes = int(mute_for.total_seconds() // 60)
        if not await self._courier.mute(chat_id, target.user_id, now + mute_for):
            return Outcome("mod-telegram-refused")
        await self._audit(chat_id, actor, Sanction.MUTE, target, f"{minutes} min")
        return Outcome("mod-warned-muted", done=True, warnings=count, limit=limit, minutes=minutes)

    async def _refusal(
        self, chat_id: int, actor: Actor, target: Target, sanction: Sanction
    ) -> str | None:
        if target.is_bot or target.user_id == self._bot_id:
            return "mod-not-the-bot"
        caller = (
            None
            if actor.is_anonymous_admin or actor.user_id is None
            else await self._courier.rights(chat_id, actor.user_id) or MemberRights("left")
        )
        bot = await self._courier.bot_rights(chat_id)
        subject = await self._courier.rights(chat_id, target.user_id)
        return refusal(sanction, caller, bot, subject, target_is_bot=False)

    async def _audit(
        self, chat_id: int, actor: Actor, sanction: Sanction, target: Target, detail: str | None
    ) -> None:
        async with self._session_factory() as session, session.begin():
            await self._record(session, chat_id, actor, sanction, target, detail=detail)

    async def _record(
        self,
        session: AsyncSession,
        chat_id: int,
        actor: Actor,
        sanction: Sanction,
        target: Target,
        *,
        detail: str | None,
    ) -> None:
        await audit.record(
            session,
            AuditEvent(
                chat_id=chat_id,
                actor=actor,
                action=AUDITED[sanction],
                at=self._clock.now(),
                subject_user_id=target.user_id,
                detail=detail,
            ),
        )

    async def find(self, word: str) -> Target | None:
        """Someone typed as @username or a numeric id, as the bot knows them."""
        async with self._session_factory() as session:
            if word.startswith("@") and len(word) > 1:
                user_id = await user_by_username(session, word[1:])
            else:
                user_id = parse_number(word)
            if user_id is None or user_id <= 0:
                return None
            name = await user_name(session, user_id)
        return Target(user_id, name or str(user_id))

    # reports

    async def file_report(
        self, chat_id: int, reporter_id: int, target: Target, message_id: int
    ) -> Filed | str:
        """A fan's report of a message: stored, for the operators' chat; or the refusal's key."""
        if target.is_bot or target.user_id == self._bot_id:
            return "mod-report-bot"
        if target.user_id == reporter_id:
            return "mod-report-self"
        subject = await self._courier.rights(chat_id, target.user_id)
        if subject is not None and subject.is_staff:
            return "mod-report-admin"
        now = self._clock.now()
        async with self._session_factory() as session, session.begin():
            report = await store.add_report(
                session,
                MemberReport(
                    chat_id=chat_id,
                    reporter_user_id=reporter_id,
                    subject_user_id=target.user_id,
                    message_id=message_id,
                    state="open",
                    created_at=now,
                ),
            )
            _, operators_chat = await digests.digest_settings(session, chat_id)
        return Filed(report.id, operators_chat)

    async def decide_report(
        self, chat_id: int, report_id: int, actor: Actor, action: str
    ) -> Outcome:
        """Ban, mute or dismiss, by an operator's tap; checked live like the commands."""
        async with self._session_factory() as session:
            report = await store.report(session, report_id)
        if report is None or report.chat_id != chat_id or report.state != "open":
            return Outcome("mod-report-decided")
        target = await self.find(str(report.subject_user_id)) or Target(
            report.subject_user_id, str(report.subject_user_id)
        )
        if action == "dismiss":
            outcome = Outcome("mod-report-dismissed", done=True)
            state = "dismissed"
        else:
            sanction = Sanction.BAN if action == "ban" else Sanction.MUTE
            outcome = await self.act(chat_id, actor, target, sanction)
            state = "banned" if sanction is Sanction.BAN else "muted"
        outcome = replace(outcome, who=target.name)
        if not outcome.done:
            return outcome
        async with self._session_factory() as session, session.begin():
            if not await store.decide_report(session, report_id, state, self._clock.now()):
                return Outcome("mod-report-decided")
            if state == "dismissed":
                await self._record_dismissal(session, chat_id, actor, target)
        return outcome

    async def _record_dismissal(
        self, session: AsyncSession, chat_id: int, actor: Actor, target: Target
    ) -> None:
        await audit.record(
            session,
            AuditEvent(
                chat_id=chat_id,
                actor=actor,
                action="report-dismissed",
                at=self._clock.now(),
                subject_user_id=target.user_id,
            ),
        )
