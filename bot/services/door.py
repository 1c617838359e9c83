"""The door (issue 18): a group's newcomers welcomed, shown the rules, and checked before they
write; join requests checked before they are approved.

What should happen lives in the database: the settings (`door_settings`), each newcomer's check
with its deadline (`door_checks`), each welcome post with the moment it is removed
(`door_posts`). The clock (`DoorJobs`) reads them on every pass, so a deadline or a removal
still happens after a restart. A check moves only from pending (`decide`), so a late answer, a
second tap and the deadline act once. In dry run the door restricts, removes and decides
nothing: it tells the operators what it would have done.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Protocol, cast

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db import digest as digests
from bot.db import door as store
from bot.db import giveaways as giveaway_store
from bot.db.chat_settings import group
from bot.db.models import DoorCheck, DoorPost
from bot.domain.audit import AuditEvent
from bot.domain.door import (
    SPIKE_WINDOW,
    WELCOME_COLLAPSE,
    WELCOME_LIFETIME,
    CheckKind,
    CheckMode,
    CheckState,
    DoorSettings,
    accepted,
    changed,
    fill,
    is_spike,
    names_line,
    parse_question,
)
from bot.domain.roles import Actor
from bot.i18n import Html, Locale, Translator
from bot.services.clock import Action, Clock, PlannedJob
from bot.services.languages import Languages

log = structlog.get_logger(__name__)

CHECK_JOB = "door:check:"
DELETE_JOB = "door:delete:"
DOOR_SET = "door-set"
RULES_SET = "rules-set"
WELCOME_SET = "welcome-set"
QUESTION_SET = "door-question-set"


@dataclass(frozen=True, slots=True)
class DoorButton:
    """A button under a door message: a press on `action` for check `check_id`, or a link."""

    label: str
    check_id: int
    action: str = "pass"  # pass, rules
    url: str | None = None


class DoorCourier(Protocol):
    """What the door asks of Telegram; each answers False (or None) where Telegram refused."""

    async def post(
        self, chat_id: int, text: str, button: DoorButton | None = None
    ) -> int | None: ...

    async def edit(self, chat_id: int, message_id: int, text: str) -> None: ...

    async def delete(self, chat_id: int, message_id: int) -> None: ...

    async def tell(self, user_id: int, text: str, button: DoorButton | None = None) -> bool: ...

    async def whisper(
        self, chat_id: int, user_id: int, text: str, button: DoorButton | None = None
    ) -> bool:
        """An ephemeral message in the group, shown to `user_id` only (Bot API 10.3)."""
        ...

    async def hold(self, chat_id: int, user_id: int, *, text_only: bool) -> bool: ...

    async def release(self, chat_id: int, user_id: int) -> bool: ...

    async def kick(self, chat_id: int, user_id: int) -> bool: ...

    async def approve(self, chat_id: int, user_id: int) -> bool: ...

    async def decline(self, chat_id: int, user_id: int) -> bool: ...

    async def start_link(self, payload: str) -> str: ...


@dataclass(frozen=True, slots=True)
class Newcomer:
    user_id: int
    name: str
    language: str | None
    is_bot: bool = False


@dataclass(frozen=True, slots=True)
class Answer:
    """What became of a press or an answer: the reader's key and the group's title."""

    key: str
    title: str = ""
    request: str = "false"  # "true" when it was a join request


class Door:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        clock: Clock,
        courier: DoorCourier,
        translator: Translator,
        languages: Languages,
    ) -> None:
        self._session_factory = session_factory
        self._clock = clock
        self._courier = courier
        self._translator = translator
        self._languages = languages

    # settings

    async def settings(self, chat_id: int) -> DoorSettings:
        async with self._session_factory() as session:
            return await store.settings_of(session, chat_id)

    async def change(self, chat_id: int, actor: Actor, name: str, typed: str) -> DoorSettings:
        """One setting changed (SettingError before anything is written), audited."""
        return await self._save(
            chat_id, actor, lambda s: changed(s, name, typed), f"{name}={typed}"
        )

    async def set_rules(self, chat_id: int, actor: Actor, text: str) -> DoorSettings:
        rules = html.escape(text.strip()) or None
        return await self._save(chat_id, actor, lambda s: replace(s, rules=rules), RULES_SET)

    async def set_welcome(self, chat_id: int, actor: Actor, text: str) -> DoorSettings:
        typed = html.escape(text.strip()) or None
        return await self._save(
            chat_id, actor, lambda s: replace(s, welcome_text=typed), WELCOME_SET
        )

    async def set_question(self, chat_id: int, actor: Actor, text: str) -> DoorSettings:
        question, answers = parse_question(text)
        return await self._save(
            chat_id,
            actor,
            lambda s: replace(s, question=html.escape(question), answers=answers),
            QUESTION_SET,
        )

    async def _save(
        self,
        chat_id: int,
        actor: Actor,
        change: Callable[[DoorSettings], DoorSettings],
        detail: str,
    ) -> DoorSettings:
        now = self._clock.now()
        async with self._session_factory() as session, session.begin():
            before = await store.settings_of(session, chat_id)
            after = change(before)
            await store.save_settings(session, chat_id, after, now)
            await audit.record(
                session,
                AuditEvent(chat_id=chat_id, actor=actor, action=DOOR_SET, at=now, detail=detail),
            )
        return after

    # joins

    async def joined(
        self, chat_id: int, title: str, people: Sequence[Newcomer], *, checked: bool = True
    ) -> None:
        """Newcomers came in: their checks (unless `checked` is False: the group's own staff),
        then a welcome."""
        people = [person for person in people if not person.is_bot]
        if not people:
            return
        now = self._clock.now()
        async with self._session_factory() as session:
            settings = await store.settings_of(session, chat_id)
            giveaway_open = (await giveaway_store.open_summary(session, chat_id))[0] > 0
        mode = settings.check_during(giveaway_open)
        for person in people if checked else ():
            await self._at_the_door(
                chat_id, title, person, settings, mode=mode, now=now, request=False
            )
        if giveaway_open and settings.giveaway_guard:
            await self._watch_spike(chat_id, title, settings, now)
        if settings.welcome:
            await self._welcome(chat_id, title, settings, people, now)

    async def requested(self, chat_id: int, title: str, person: Newcomer) -> None:
        """A join request: the check in private, then approve or decline."""
        if person.is_bot:
            return
        now = self._clock.now()
        async with self._session_factory() as session:
            settings = await store.settings_of(session, chat_id)
            giveaway_open = (await giveaway_store.open_summary(session, chat_id))[0] > 0
        mode = settings.check_during(giveaway_open)
        if mode is CheckMode.OFF:
            return  # the operators decide themselves, as without the bot
        await self._at_the_door(chat_id, title, person, settings, mode=mode, now=now, request=True)

    async def left(self, chat_id: int, user_id: int) -> None:
        """They left: whatever they were asked is void (a new join starts afresh)."""
        now = self._clock.now()
        async with self._session_factory() as session, session.begin():
            for check in await store.pending_of(session, chat_id, user_id):
                await store.decide(session, check.id, CheckState.LEFT, now)

    async def _at_the_door(
        self,
        chat_id: int,
        title: str,
        person: Newcomer,
        settings: DoorSettings,
        *,
        mode: CheckMode,
        now: datetime,
        request: bool,
    ) -> None:
        locale = await self._languages.of_person(person.user_id, person.language)
        async with self._session_factory() as session, session.begin():
            for stale in await store.pending_of(session, chat_id, person.user_id):
                await store.decide(session, stale.id, CheckState.LEFT, now)
            trusted = settings.trust_other_groups and await store.passed_elsewhere(
                session, person.user_id, chat_id
            )
            kind: CheckKind | None = None
            if mode is not CheckMode.OFF and not trusted:
                kind = CheckKind.HUMAN
            elif settings.rules_required and settings.rules and not request:
                kind = CheckKind.RULES
            if kind is None:
                if request:
                    await self._decide_request(chat_id, person.user_id, True, settings.dry_run)
                return
            check = await store.open_check(
                session,
                DoorCheck(
                    chat_id=chat_id,
                    user_id=person.user_id,
                    kind=kind.value,
                    mode=(mode if kind is CheckKind.HUMAN else CheckMode.BUTTON).value,
                    via_request=request,
                    state=CheckState.PENDING.value,
                    locale=locale,
                    dry_run=settings.dry_run,
                    deadline=now + timedelta(minutes=settings.check_minutes),
                    created_at=now,
                ),
            )
        await self._ask(check, title, person.name, settings)
        await self._clock.rebuild()

    async def _ask(self, check: DoorCheck, title: str, name: str, settings: DoorSettings) -> None:
        """Restrict the newcomer (not in dry run) and put the check to them."""
        texts = self._translator.bind(cast(Locale, check.locale))
        if check.dry_run:
            # The newcomer is neither held nor asked: the operators only read what would be.
            await self._report(
                check.chat_id,
                "door-dry-would-check",
                name=name,
                user_id=str(check.user_id),
                kind=check.kind,
            )
            return
        if not check.via_request:
            await self._courier.hold(
                check.chat_id, check.user_id, text_only=check.mode == CheckMode.QUESTION
            )
        minutes = settings.check_minutes
        if check.kind == CheckKind.RULES:
            text = texts("door-rules-accept", name=name, title=title, rules=settings.rules or "")
            button = DoorButton(texts.plain("door-button-accept"), check.id, "rules")
        elif check.mode == CheckMode.QUESTION:
            text = texts(
                "door-question-ask",
                name=name,
                title=title,
                question=settings.question or "",
                minutes=minutes,
                request=str(check.via_request).lower(),
            )
            link = await self._courier.start_link(f"door-{check.id}")
            button = DoorButton(texts.plain("door-button-answer"), check.id, url=link)
        else:
            text = texts(
                "door-button-ask",
                name=name,
                title=title,
                minutes=minutes,
                request=str(check.via_request).lower(),
            )
            button = DoorButton(texts.plain("door-button-human"), check.id)
        shown: DoorButton | None = button
        if check.via_request:
            if check.mode == CheckMode.QUESTION:
                shown = None  # they answer right there, in the private chat
            await self._courier.tell(check.user_id, text, shown)
            return
        # A button is pressed where it is shown: only the newcomer sees it, where Telegram
        # allows. A question is answered by replying, which an ephemeral message cannot carry.
        pressed_here = check.mode != CheckMode.QUESTION or check.kind == CheckKind.RULES
        if pressed_here and await self._courier.whisper(check.chat_id, check.user_id, text, shown):
            return
        message_id = await self._courier.post(check.chat_id, text, shown)
        if message_id is not None:
            async with self._session_factory() as session, session.begin():
                await store.note_prompt(session, check.id, check.chat_id, message_id)

    # answers

    async def pressed(self, check_id: int, user_id: int, action: str) -> Answer:
        """A press on a check's button: only the newcomer it was put to may pass it."""
        now = self._clock.now()
        async with self._session_factory() as session, session.begin():
            check = await store.check(session, check_id)
            if check is None or check.user_id != user_id:
                return Answer("door-not-yours")
            expected = "rules" if check.kind == CheckKind.RULES else "pass"
            if check.state != CheckState.PENDING or action != expected:
                return Answer("door-already-decided")
            if check.mode == CheckMode.QUESTION:
                return Answer("door-answer-instead")
            if not await store.decide(session, check.id, CheckState.PASSED, now):
                return Answer("door-already-decided")
        return await self._passed(check)

    async def answered(
        self, user_id: int, text: str, *, check_id: int | None = None
    ) -> Answer | None:
        """A typed answer (in private, or a reply in the group): to the check named, else the
        oldest one waiting for them. None: nothing waits for an answer from them."""
        now = self._clock.now()
        async with self._session_factory() as session, session.begin():
            waiting = await store.pending_questions_of(session, user_id)
            if check_id is not None:
                waiting = [check for check in waiting if check.id == check_id]
            if not waiting:
                return None
            check = waiting[0]
            settings = await store.settings_of(session, check.chat_id)
            passed = accepted(text, settings.answers)
            state = CheckState.PASSED if passed else CheckState.FAILED
            if not await store.decide(session, check.id, state, now):
                return Answer("door-already-decided")
        if passed:
            return await self._passed(check)
        return await self._failed(check, "wrong", tell=False)

    async def waiting_in_private(self, user_id: int) -> int | None:
        """The check their next private text answers: the oldest question waiting on them."""
        async with self._session_factory() as session:
            waiting = await store.pending_questions_of(session, user_id)
        return waiting[0].id if waiting else None

    async def waiting_in_group(self, user_id: int, chat_id: int, replied_to: int) -> int | None:
        """The check a reply in the group answers: theirs, under that very prompt."""
        async with self._session_factory() as session:
            waiting = await store.pending_questions_of(session, user_id)
        for check in waiting:
            if check.prompt_chat_id == chat_id and check.prompt_message_id == replied_to:
                return check.id
        return None

    async def tidy_answer(self, chat_id: int, message_id: int) -> None:
        await self._courier.delete(chat_id, message_id)

    async def tell(self, user_id: int, text: str) -> bool:
        return await self._courier.tell(user_id, text)

    async def question_for(self, check_id: int, user_id: int) -> Html | None:
        """The question behind a deep link, to the newcomer it was put to; None otherwise."""
        async with self._session_factory() as session:
            check = await store.check(session, check_id)
            if check is None or check.user_id != user_id or check.state != CheckState.PENDING:
                return None
            settings = await store.settings_of(session, check.chat_id)
            title = await _title(session, check.chat_id)
        texts = self._translator.bind(cast(Locale, check.locale))
        return texts("door-question-private", title=title, question=settings.question or "")

    async def _passed(self, check: DoorCheck) -> Answer:
        async with self._session_factory() as session:
            settings = await store.settings_of(session, check.chat_id)
            title = await _title(session, check.chat_id)
        await self._clear_prompt(check)
        if (
            check.kind == CheckKind.HUMAN
            and settings.rules_required
            and settings.rules
            and not check.via_request
        ):
            await self._rules_next(check, title, settings)
            return Answer("door-passed-rules-next", title)
        if check.via_request:
            await self._decide_request(check.chat_id, check.user_id, True, check.dry_run)
        elif check.dry_run:
            await self._report(check.chat_id, "door-dry-would-release", user_id=str(check.user_id))
        else:
            await self._courier.release(check.chat_id, check.user_id)
        return Answer("door-passed", title)

    async def _rules_next(self, check: DoorCheck, title: str, settings: DoorSettings) -> None:
        now = self._clock.now()
        async with self._session_factory() as session, session.begin():
            rules = await store.open_check(
                session,
                DoorCheck(
                    chat_id=check.chat_id,
                    user_id=str(check.user_id),
                    kind=CheckKind.RULES.value,
                    mode=CheckMode.BUTTON.value,
                    via_request=False,
                    state=CheckState.PENDING.value,
                    locale=check.locale,
                    dry_run=check.dry_run,
                    deadline=now + timedelta(minutes=settings.check_minutes),
                    created_at=now,
                ),
            )
        texts = self._translator.bind(cast(Locale, check.locale))
        text = texts("door-rules-accept", name="", title=title, rules=settings.rules or "")
        button = DoorButton(texts.plain("door-button-accept"), rules.id, "rules")
        message_id = await self._courier.post(check.chat_id, text, button)
        if message_id is not None:
            async with self._session_factory() as session, session.begin():
                await store.note_prompt(session, rules.id, check.chat_id, message_id)

    async def _failed(self, check: DoorCheck, why: str, *, tell: bool) -> Answer:
        """Wrong answer or out of time: removed (kicked, not banned) or declined, told why."""
        async with self._session_factory() as session:
            title = await _title(session, check.chat_id)
        await self._clear_prompt(check)
        texts = self._translator.bind(cast(Locale, check.locale))
        if check.dry_run:
            await self._report(
                check.chat_id, "door-dry-would-remove", user_id=str(check.user_id), why=why
            )
        elif check.via_request:
            await self._courier.decline(check.chat_id, check.user_id)
        else:
            await self._courier.kick(check.chat_id, check.user_id)
        told = texts("door-removed", title=title, why=why, request=str(check.via_request).lower())
        if tell and not check.dry_run:
            await self._courier.tell(check.user_id, told)
        return Answer("door-failed", title, str(check.via_request).lower())

    async def expire(self, check_id: int) -> str:
        """The deadline: a newcomer still pending is removed. Run by the clock."""
        now = self._clock.now()
        async with self._session_factory() as session, session.begin():
            check = await store.check(session, check_id)
            if check is None or not await store.decide(session, check_id, CheckState.EXPIRED, now):
                return "decided"
        await self._failed(check, "time", tell=True)
        return "removed"

    async def _decide_request(self, chat_id: int, user_id: int, approve: bool, dry: bool) -> None:
        if dry:
            key = "door-dry-would-approve" if approve else "door-dry-would-decline"
            await self._report(chat_id, key, user_id=str(user_id))
        elif approve:
            await self._courier.approve(chat_id, user_id)
        else:
            await self._courier.decline(chat_id, user_id)

    async def _clear_prompt(self, check: DoorCheck) -> None:
        if check.prompt_chat_id is not None and check.prompt_message_id is not None:
            await self._courier.delete(check.prompt_chat_id, check.prompt_message_id)

    # welcome

    async def _welcome(
        self,
        chat_id: int,
        title: str,
        settings: DoorSettings,
        people: Sequence[Newcomer],
        now: datetime,
    ) -> None:
        """Each newcomer greeted by an ephemeral message only they see, in their language;
        where Telegram refuses one, the shared welcome post the clock removes after minutes."""
        names = [
            person.name
            for person in people
            if not await self._whisper_welcome(chat_id, title, settings, person)
        ]
        if not names:
            return
        group_locale = await self._languages.of_group(chat_id)
        async with self._session_factory() as session, session.begin():
            recent = await store.recent_post(session, chat_id, now - WELCOME_COLLAPSE)
            everyone = [*(recent.names.split("\n") if recent else []), *names]
            text = self._welcome_text(group_locale, title, settings, everyone)
            if recent is not None:
                recent.names = "\n".join(everyone)
        if recent is not None:
            await self._courier.edit(chat_id, recent.message_id, text)
            return
        message_id = await self._courier.post(chat_id, text)
        if message_id is None:
            return
        async with self._session_factory() as session, session.begin():
            await store.add_post(
                session,
                DoorPost(
                    chat_id=chat_id,
                    message_id=message_id,
                    names="\n".join(everyone),
                    sent_at=now,
                    delete_at=now + WELCOME_LIFETIME,
                ),
            )
        await self._clock.rebuild()

    async def _whisper_welcome(
        self, chat_id: int, title: str, settings: DoorSettings, person: Newcomer
    ) -> bool:
        locale = await self._languages.of_person(person.user_id, person.language)
        text = self._welcome_text(locale, title, settings, [person.name])
        return await self._courier.whisper(chat_id, person.user_id, text)

    def _welcome_text(
        self, locale: Locale, title: str, settings: DoorSettings, names: list[str]
    ) -> Html:
        texts = self._translator.bind(locale)
        shown, more = names_line(names)
        who = texts.plain("door-names", names=", ".join(shown), more=more)
        if settings.welcome_text:
            filled = fill(
                settings.welcome_text,
                name=html.escape(who),
                group=html.escape(title),
                rules=settings.rules or texts.plain("rules-none"),
            )
            return texts.lines([Html(filled), texts("door-welcome-footer")])
        return texts(
            "door-welcome",
            names=who,
            title=title,
            rules="yes" if settings.rules else "no",
        )

    async def remove_post(self, post_id: int, chat_id: int, message_id: int) -> str:
        await self._courier.delete(chat_id, message_id)
        async with self._session_factory() as session, session.begin():
            await store.post_deleted(session, post_id, self._clock.now())
        return "deleted"

    # rules

    async def rules(self, chat_id: int) -> str | None:
        return (await self.settings(chat_id)).rules

    # giveaway guard

    async def _watch_spike(
        self, chat_id: int, title: str, settings: DoorSettings, now: datetime
    ) -> None:
        async with self._session_factory() as session:
            recent = await store.joins_since(session, chat_id, now - SPIKE_WINDOW)
        # Reported once per spike: when the count reaches the threshold, not on every join after.
        if len(recent) == settings.spike_joins and is_spike(len(recent), settings):
            accounts = ", ".join(str(user_id) for user_id in recent)
            await self._report(
                chat_id, "door-spike", title=title, count=len(recent), accounts=accounts
            )

    # reports

    async def _report(self, chat_id: int, key: str, **args: str | int) -> None:
        """To the operators' chat (where digests go), else to the group's chat itself."""
        async with self._session_factory() as session:
            _, operators_chat = await digests.digest_settings(session, chat_id)
            locale = await self._group_locale(session, chat_id)
            title = await _title(session, chat_id)
        texts = self._translator.bind(locale)
        args.setdefault("title", title)
        await self._courier.post(operators_chat or chat_id, texts(key, **args))

    async def _group_locale(self, session: AsyncSession, chat_id: int) -> Locale:
        del session
        return await self._languages.of_group(chat_id)


async def _title(session: AsyncSession, chat_id: int) -> str:
    record = await group(session, chat_id)
    return (record.title if record else None) or str(chat_id)


class DoorJobs:
    """The door's deadlines and removals on the clock: overdue ones run now, never missed."""

    def __init__(self, door: Door) -> None:
        self._door = door

    async def planned(self, session: AsyncSession, now: datetime) -> list[PlannedJob]:
        jobs = [
            PlannedJob(
                f"{CHECK_JOB}{check.id}",
                "deadline",
                max(check.deadline, now),
                _expire_action(self._door, check.id),
            )
            for check in await store.all_pending(session)
            if check.kind == CheckKind.HUMAN
        ]
        jobs.extend(
            PlannedJob(
                f"{DELETE_JOB}{post.id}",
                "delete",
                max(post.delete_at, now),
                _remove_action(self._door, post),
            )
            for post in await store.posts_to_delete(session)
        )
        return jobs


def _expire_action(door: Door, check_id: int) -> Action:
    async def run() -> str | None:
        return await door.expire(check_id)

    return run


def _remove_action(door: Door, post: DoorPost) -> Action:
    post_id, chat_id, message_id = post.id, post.chat_id, post.message_id

    async def run() -> str | None:
        return await door.remove_post(post_id, chat_id, message_id)

    return run
