"""Spam in the room (issue 18, section 3): what happens to the spam ingest found.

Ingest stores a pending verdict with the message (bot/db/spam.py). The clock (`SpamJobs`) runs
one pass per group and wave (`spam:<chat id>`, period the newest verdict), on whichever instance
holds the lease: each sender is checked live with Telegram (an administrator's message is never
touched, however it reads), then in `act` mode the message is deleted and the sender restricted,
and one report goes to the operators with Undo / Ban / Not spam; in `report` mode (dry run) the
report says what was found and nothing is touched. A report's state moves only from open, so
two operators' taps act once. Operators teach the check with /spam on a message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db import digest as digests
from bot.db import spam as store
from bot.db.chat_settings import group
from bot.db.models import SpamVerdict
from bot.db.operators import user_name
from bot.domain.audit import AuditEvent
from bot.domain.moderation import MemberRights
from bot.domain.roles import Actor
from bot.domain.spam import (
    WEIGHTS,
    Reason,
    SpamMode,
    Verdict,
    learned_phrase,
)
from bot.i18n import Html, Texts, Translator
from bot.services.clock import Action, Clock, PlannedJob
from bot.services.languages import Languages

log = structlog.get_logger(__name__)

PASS_JOB = "spam:"
PRUNE_JOB = "spam:prune"
PRUNE_EVERY = timedelta(minutes=10)
MAX_LISTED = 20  # senders a report names; past this it says how many more
EXCERPT = 80
DECISIONS = {"undo": store.UNDONE, "ban": store.BANNED, "clear": store.NOT_SPAM}
AUDITED = {
    store.UNDONE: "spam-undone",
    store.BANNED: "spam-banned",
    store.NOT_SPAM: "spam-not-spam",
}


class SpamCourier(Protocol):
    async def rights(self, chat_id: int, user_id: int) -> MemberRights | None: ...

    async def delete(self, chat_id: int, message_id: int) -> None: ...

    async def hold(self, chat_id: int, user_id: int, *, text_only: bool) -> bool: ...

    async def release(self, chat_id: int, user_id: int) -> bool: ...

    async def ban(self, chat_id: int, user_id: int) -> bool: ...

    async def report(
        self,
        chat_id: int,
        operators_chat: int | None,
        text: Html,
        report: tuple[int, str],
        texts: Texts,
    ) -> None: ...


@dataclass(frozen=True, slots=True)
class Decision:
    """What became of an operator's tap: the Fluent key and how many senders it concerned."""

    key: str
    count: int = 0
    done: bool = False


class Spam:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        clock: Clock,
        courier: SpamCourier,
        translator: Translator,
        languages: Languages,
    ) -> None:
        self._session_factory = session_factory
        self._clock = clock
        self._courier = courier
        self._translator = translator
        self._languages = languages

    # the clock's pass

    async def handle_pending(self, chat_id: int) -> str:
        """The group's pending verdicts settled, acted on and reported once."""
        async with self._session_factory() as session:
            pending = await store.pending_of(session, chat_id)
        staff = {v.id for v in pending if await self._is_staff(chat_id, v.user_id)}
        now = self._clock.now()
        settled: list[SpamVerdict] = []
        report_id: int | None = None
        async with self._session_factory() as session, session.begin():
            judged = [v for v in pending if v.id not in staff]
            if judged:
                report_id = await store.open_report(session, chat_id, judged[0].mode, now)
            for verdict in pending:
                exempt = verdict.id in staff
                state = store.EXEMPT if exempt else _acted_state(verdict)
                if await store.settle(
                    session, verdict.id, state, None if exempt else report_id, now
                ):
                    if exempt:
                        await store.mark_comments(
                            session, [(chat_id, verdict.message_id)], spam=False
                        )
                    else:
                        settled.append(verdict)
        if not settled or report_id is None:
            return f"exempt {len(staff)}"
        acting = [v for v in settled if v.mode == SpamMode.ACT]
        for verdict in acting:
            await self._courier.delete(chat_id, verdict.message_id)
        for user_id in dict.fromkeys(v.user_id for v in acting):
            await self._courier.hold(chat_id, user_id, text_only=False)
        await self._report(chat_id, report_id, settled)
        return f"{len(settled)} spam, {len(acting)} acted on, {len(staff)} exempt"

    async def _is_staff(self, chat_id: int, user_id: int) -> bool:
        rights = await self._courier.rights(chat_id, user_id)
        return rights is not None and rights.is_staff

    async def _report(self, chat_id: int, report_id: int, verdicts: Sequence[SpamVerdict]) -> None:
        async with self._session_factory() as session:
            _, operators_chat = await digests.digest_settings(session, chat_id)
            record = await group(session, chat_id)
            senders = list(dict.fromkeys(v.user_id for v in verdicts))
            names = {
                user_id: await user_name(session, user_id) or str(user_id)
                for user_id in senders[:MAX_LISTED]
            }
            excerpts = {
                v.id: await store.comment_text(session, chat_id, v.message_id) for v in verdicts
            }
        texts = self._translator.bind(await self._languages.of_group(chat_id))
        first: dict[int, SpamVerdict] = {}
        for verdict in verdicts:
            first.setdefault(verdict.user_id, verdict)
        lines = [
            texts(
                "spam-report-line",
                who=names[user_id],
                user_id=user_id,
                reasons=reasons_text(texts, first[user_id].reasons),
                excerpt=(excerpts[first[user_id].id] or "")[:EXCERPT],
            )
            for user_id in senders[:MAX_LISTED]
        ]
        if len(senders) > MAX_LISTED:
            lines.append(texts("spam-report-more", more=len(senders) - MAX_LISTED))
        text = texts(
            "spam-report",
            title=(record.title if record else None) or str(chat_id),
            mode=verdicts[0].mode,
            messages=len(verdicts),
            senders=len(senders),
            lines=texts.lines(lines),
        )
        await self._courier.report(
            chat_id, operators_chat, text, (report_id, verdicts[0].mode), texts
        )

    # operators' taps

    async def decide(self, chat_id: int, report_id: int, actor: Actor, action: str) -> Decision:
        state = DECISIONS.get(action)
        async with self._session_factory() as session:
            report = await store.report_of(session, report_id)
            verdicts = await store.verdicts_of_report(session, report_id)
        if state is None or report is None or report.chat_id != chat_id:
            return Decision("spam-report-gone")
        if report.state != store.OPEN:
            return Decision("spam-report-decided")
        if state == store.UNDONE and report.mode != SpamMode.ACT:
            return Decision("spam-nothing-to-undo")
        now = self._clock.now()
        senders = list(dict.fromkeys(v.user_id for v in verdicts if v.state != store.EXEMPT))
        async with self._session_factory() as session, session.begin():
            if not await store.decide_report(session, report_id, state, now):
                return Decision("spam-report-decided")
            if state == store.NOT_SPAM:
                keys = [(chat_id, v.message_id) for v in verdicts]
                await store.mark_comments(session, keys, spam=False)
                await store.unlearn(session, chat_id, _learned_in(verdicts))
            for user_id in senders:
                await audit.record(
                    session,
                    AuditEvent(
                        chat_id=chat_id,
                        actor=actor,
                        action=AUDITED[state],
                        at=now,
                        subject_user_id=user_id,
                    ),
                )
        for user_id in senders:
            if state == store.BANNED:
                if not await self._is_staff(chat_id, user_id):
                    await self._courier.ban(chat_id, user_id)
            elif report.mode == SpamMode.ACT:
                await self._courier.release(chat_id, user_id)
        key = {
            store.UNDONE: "spam-undone",
            store.BANNED: "spam-banned",
            store.NOT_SPAM: "spam-cleared",
        }[state]
        return Decision(key, count=len(senders), done=True)

    # operators' marks

    async def mark(
        self, chat_id: int, actor: Actor, user_id: int, message_id: int, text: str | None
    ) -> str:
        """An operator's /spam on a message: it is spam, and its text joins the group's list.
        The clock's next pass acts on it as on any verdict; `clock.rebuild()` makes that now."""
        if await self._is_staff(chat_id, user_id):
            return "spam-mark-staff"
        now = self._clock.now()
        phrase = learned_phrase(text)
        verdict = Verdict(True, WEIGHTS[Reason.OPERATOR], (str(Reason.OPERATOR),))
        async with self._session_factory() as session, session.begin():
            modes = await store.spam_modes(session, [chat_id])
            if chat_id not in modes:
                return "spam-mark-off"
            await store.store_verdicts(
                session, [store.Judged(chat_id, message_id, user_id, verdict)], modes, now
            )
            if phrase is not None:
                await store.learn(session, chat_id, phrase, actor.user_id, now)
            await audit.record(
                session,
                AuditEvent(
                    chat_id=chat_id,
                    actor=actor,
                    action="spam-marked",
                    at=now,
                    subject_user_id=user_id,
                ),
            )
        await self._clock.rebuild()
        return "spam-marked"

    async def prune(self) -> str:
        async with self._session_factory() as session, session.begin():
            removed = await store.prune_fingerprints(session, self._clock.now())
        return f"{removed} fingerprints pruned"


def _acted_state(verdict: SpamVerdict) -> str:
    return store.ACTED if verdict.mode == SpamMode.ACT else store.REPORTED


def _learned_in(verdicts: Sequence[SpamVerdict]) -> list[str]:
    """The learned phrases these verdicts cite: a Not spam unteaches them."""
    prefix = f"{Reason.LEARNED}:"
    return [
        reason.removeprefix(prefix)
        for verdict in verdicts
        for reason in verdict.reasons.split("\n")
        if reason.startswith(prefix)
    ]


def reasons_text(texts: Texts, reasons: str) -> str:
    """The stored reasons ("phrase:加微信") in the reader's words."""
    shown = []
    for reason in reasons.split("\n"):
        code, _, detail = reason.partition(":")
        shown.append(texts.plain("spam-reason", reason=code, detail=detail))
    return ", ".join(shown)


class SpamJobs:
    """One pass per group and wave of pending verdicts, due now; fingerprints pruned."""

    def __init__(self, spam: Spam) -> None:
        self._spam = spam

    async def planned(self, session: AsyncSession, now: datetime) -> list[PlannedJob]:
        jobs = [
            PlannedJob(f"{PASS_JOB}{chat_id}", f"v{newest:012d}", now, _pass(self._spam, chat_id))
            for chat_id, newest in (await store.chats_with_pending(session)).items()
        ]
        # Planned only when there is something to prune: an idle instance records no runs.
        if await store.has_stale_fingerprints(session, now):
            bucket = int(now.timestamp() // PRUNE_EVERY.total_seconds())
            jobs.append(PlannedJob(PRUNE_JOB, f"p{bucket:012d}", now, self._prune))
        return jobs

    async def _prune(self) -> str | None:
        return await self._spam.prune()


def _pass(spam: Spam, chat_id: int) -> Action:
    async def run() -> str | None:
        return await spam.handle_pending(chat_id)

    return run
