"""Polls: /poll (create, see bot/domain/polls.py for the syntax), /polls (open and recent),
/poll_close <n>, /poll_cancel <n>, /poll_export <n>, /poll_topics [period] [picks]; the Telegram
courier the clock sends and closes through; and tracking of `poll` and `poll_answer` updates.

`poll` and `poll_answer` are their own update types, not group messages: they never touch the
ingest path. Their rows go into the batch's write buffer (idempotent on the poll id, and on
(poll id, voter) for answers), durable with the batch before Telegram is told it was received.
Their handlers sit on the dispatcher (`install`), so no router is walked for them.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import cast

from aiogram import Bot, Dispatcher, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import CommandObject
from aiogram.types import (
    BufferedInputFile,
    InputPollOption,
    Message,
    Poll,
    PollAnswer,
    ReplyParameters,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.db import polls as store
from bot.db.audit import record
from bot.db.polls import TALLY_UPSERT, VOTE_UPSERT, PollStatus, StoredPoll, Tally
from bot.db.write_buffer import UpdateWrites
from bot.domain.poll_topics import TopicCandidate, topic_candidates
from bot.domain.polls import (
    OPEN_PERIOD_MAX,
    OPEN_PERIOD_MIN,
    PollDraft,
    PollInputError,
    parse_poll,
)
from bot.domain.recurrence import ScheduleError, parse_duration
from bot.domain.roles import OperatorCommand, Role
from bot.domain.tagging import DEFAULT_RULES, Tagger
from bot.i18n import Html, Locale, Texts, Translator, moment
from bot.services.clock import Clock, JobFailed
from bot.services.poll_lifecycle import (
    PollDigestSection,
    PollService,
    SentPoll,
    open_polls_probe,
    results_csv,
)
from handlers.authority import operator_command
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext

POLL = OperatorCommand("poll", Role.OPERATOR)
POLLS = OperatorCommand("polls", Role.ANALYST)
POLL_CLOSE = OperatorCommand("poll_close", Role.OPERATOR, destructive=True)
POLL_CANCEL = OperatorCommand("poll_cancel", Role.OPERATOR, destructive=True)
POLL_EXPORT = OperatorCommand("poll_export", Role.ANALYST, destructive=True)
POLL_TOPICS = OperatorCommand("poll_topics", Role.OPERATOR)

UPDATE_TYPES = ("poll", "poll_answer")
CHART_NAME = "poll.png"
TOPICS_PERIOD = timedelta(days=7)
TOPICS_PERIOD_MAX = timedelta(days=90)
_PICKS = re.compile(r"^\d+(?:[,，]\d+)*$")
_TAGGER: list[Tagger] = []


def default_tagger() -> Tagger:
    """Built once per process: the default rules' automaton is shared by every caller."""
    if not _TAGGER:
        _TAGGER.append(Tagger.build(DEFAULT_RULES))
    return _TAGGER[0]


class TelegramPollCourier:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def send_poll(self, chat_id: int, poll: StoredPoll, now: datetime) -> SentPoll:
        # The deadline also goes to Telegram when it is within the Bot API's bounds, so the poll
        # shows its countdown and closes on time even if the bot is down then.
        close_date = None
        if poll.close_at is not None and (
            OPEN_PERIOD_MIN <= poll.close_at - now <= OPEN_PERIOD_MAX
        ):
            close_date = poll.close_at
        sent = await self._bot.send_poll(
            chat_id,
            poll.question,
            [InputPollOption(text=option, text_parse_mode=None) for option in poll.options],
            question_parse_mode=None,
            is_anonymous=poll.is_anonymous,
            type="quiz" if poll.correct_option_ids else "regular",
            allows_multiple_answers=poll.allows_multiple,
            correct_option_ids=list(poll.correct_option_ids) or None,
            explanation=poll.explanation,
            explanation_parse_mode=None,
            close_date=close_date,
        )
        assert sent.poll is not None, "sendPoll answers with the poll"
        return SentPoll(sent.message_id, sent.poll.id)

    async def stop_poll(self, chat_id: int, message_id: int) -> Tally | None:
        try:
            stopped = await self._bot.stop_poll(chat_id, message_id)
        except TelegramBadRequest as error:
            text = error.message.lower()
            # Telegram closed it at its close_date, or the poll message is gone: our stored
            # counts are the last word.
            if "already been closed" in text or "not found" in text:
                return None
            raise
        return tally_of(stopped)

    async def post_results_text(self, chat_id: int, text: Html, reply_to: int | None) -> int:
        reply = (
            ReplyParameters(message_id=reply_to, allow_sending_without_reply=True)
            if reply_to
            else None
        )
        sent = await self._bot.send_message(chat_id, text, reply_parameters=reply)
        return sent.message_id

    async def post_results_chart(self, chat_id: int, chart: bytes, caption: str) -> None:
        await self._bot.send_photo(chat_id, BufferedInputFile(chart, CHART_NAME), caption=caption)


def tally_of(poll: Poll) -> Tally:
    return Tally(
        tuple(option.voter_count for option in poll.options),
        poll.total_voter_count,
        poll.is_closed,
    )


def poll_service(
    bot: Bot,
    *,
    session_factory: async_sessionmaker[AsyncSession],
    translator: Translator,
    settings: Settings,
) -> PollService:
    return PollService(
        session_factory,
        translator,
        TelegramPollCourier(bot),
        default_timezone=settings.default_timezone,
        default_language=cast(Locale, settings.default_language),
    )


# creating


async def cmd_poll(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    translator: Translator,
    settings: Settings,
    clock: Clock | None = None,
) -> None:
    arguments = (command.args or "").strip()
    if not arguments or arguments.lower() in ("help", "帮助"):
        await message.reply(texts("poll-help"))
        return
    service = poll_service(
        bot, session_factory=session_factory, translator=translator, settings=settings
    )
    await create_poll(
        message,
        arguments,
        source="command",
        service=service,
        operator=operator,
        texts=texts,
        clock=clock,
    )


async def create_poll(
    message: Message,
    arguments: str,
    *,
    source: str,
    service: PollService,
    operator: OperatorContext,
    texts: Texts,
    clock: Clock | None,
) -> None:
    """Validate, store (with its audit entry), then send now or leave it to the clock."""
    now = datetime.now(UTC)
    timezone = await service.timezone(operator.chat_id)
    try:
        draft = parse_poll(arguments, timezone=timezone, now=now)
    except PollInputError as error:
        await message.reply(
            texts.lines(
                [
                    texts(f"poll-error-{error.code.value}", **error.args_for_text),
                    texts("poll-error-hint"),
                ]
            )
        )
        return
    poll = await _store_new(service, operator, draft, source, now)
    if draft.start_at is not None:
        await message.reply(
            texts(
                "poll-scheduled",
                number=poll.id,
                title=operator.title,
                when=moment(draft.start_at, timezone),
            )
        )
    else:
        try:
            await service.send(poll.id, now)
        except JobFailed:
            async with service.session_factory() as session, session.begin():
                await store.cancel(session, poll.id, now)
            await message.reply(texts("poll-send-failed", title=operator.title))
            return
        if operator.in_private:
            await message.reply(texts("poll-sent", number=poll.id, title=operator.title))
    if draft.close_at is not None:
        await message.reply(
            texts("poll-closes", number=poll.id, when=moment(draft.close_at, timezone))
        )
    if clock is not None:
        await clock.rebuild()


async def _store_new(
    service: PollService,
    operator: OperatorContext,
    draft: PollDraft,
    source: str,
    now: datetime,
) -> StoredPoll:
    async with service.session_factory() as session, session.begin():
        poll = await store.create(
            session,
            operator.chat_id,
            draft,
            created_by_user_id=operator.actor.user_id,
            source=source,
            now=now,
        )
        await record(
            session,
            operator.audit("poll-created", now, detail=f"#{poll.id} {draft.question}"[:200]),
        )
    return poll


# managing


async def cmd_polls(
    message: Message,
    *,
    bot: Bot,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    translator: Translator,
    settings: Settings,
) -> None:
    service = poll_service(
        bot, session_factory=session_factory, translator=translator, settings=settings
    )
    timezone = await service.timezone(operator.chat_id)
    async with session_factory() as session:
        polls = await store.open_and_recent(session, operator.chat_id)
    if not polls:
        await message.reply(texts("poll-list-none", title=operator.title))
        return
    lines = [texts("poll-list-title", title=operator.title)]
    for poll in polls:
        outcome = await service.results_of(poll)
        when = poll.close_at if poll.status is PollStatus.OPEN else poll.start_at
        lines.append(
            texts(
                "poll-list-line",
                number=poll.id,
                status=poll.status.value,
                question=poll.question,
                voters=outcome.voters,
                anonymous="yes" if poll.is_anonymous else "no",
                when=moment(when, timezone) if when else "-",
            )
        )
    lines.append(texts("poll-list-hint"))
    await message.reply(texts.lines(lines))


def _number(command: CommandObject) -> int | None:
    words = (command.args or "").split()
    if len(words) != 1:
        return None
    try:
        return int(words[0].lstrip("#"))
    except ValueError:
        return None


async def cmd_poll_close(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    translator: Translator,
    settings: Settings,
    clock: Clock | None = None,
) -> None:
    number = _number(command)
    if number is None:
        await message.reply(texts("poll-close-usage"))
        return
    async with session_factory() as session:
        poll = await store.in_chat(session, operator.chat_id, number)
    if poll is None or poll.status is not PollStatus.OPEN:
        await message.reply(texts("poll-not-open", number=number))
        return
    service = poll_service(
        bot, session_factory=session_factory, translator=translator, settings=settings
    )
    now = datetime.now(UTC)
    closed = await service.close(poll.id, now)
    if closed is None or not closed.by_us:
        await message.reply(texts("poll-not-open", number=number))
        return
    async with session_factory() as session, session.begin():
        await record(
            session,
            operator.audit("poll-closed", now, detail=f"#{poll.id} {poll.question}"[:200]),
        )
    if operator.in_private:
        await message.reply(texts("poll-closed-now", number=number, title=operator.title))
    if clock is not None:
        await clock.rebuild()


async def cmd_poll_cancel(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    clock: Clock | None = None,
) -> None:
    number = _number(command)
    if number is None:
        await message.reply(texts("poll-cancel-usage"))
        return
    now = datetime.now(UTC)
    async with session_factory() as session, session.begin():
        poll = await store.in_chat(session, operator.chat_id, number)
        cancelled = poll is not None and await store.cancel(session, poll.id, now)
        if poll is not None and cancelled:
            await record(
                session,
                operator.audit("poll-cancelled", now, detail=f"#{poll.id} {poll.question}"[:200]),
            )
    if not cancelled:
        await message.reply(texts("poll-not-scheduled", number=number))
        return
    await message.reply(texts("poll-cancelled", number=number))
    if clock is not None:
        await clock.rebuild()


async def cmd_poll_export(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    translator: Translator,
    settings: Settings,
) -> None:
    number = _number(command)
    if number is None:
        await message.reply(texts("poll-export-usage"))
        return
    async with session_factory() as session:
        poll = await store.in_chat(session, operator.chat_id, number)
        votes = await store.votes(session, poll.telegram_poll_id) if poll else []
    if poll is None or poll.telegram_poll_id is None:
        await message.reply(texts("poll-not-found", number=number))
        return
    service = poll_service(
        bot, session_factory=session_factory, translator=translator, settings=settings
    )
    outcome = await service.results_of(poll)
    timezone = await service.timezone(operator.chat_id)
    content = results_csv(texts, poll, outcome, [] if poll.is_anonymous else votes, timezone)
    note = "poll-export-anonymous" if poll.is_anonymous else "poll-export-voters"
    await bot.send_document(
        message.chat.id,
        BufferedInputFile(content, f"poll-{poll.id}.csv"),
        caption=texts(note, number=poll.id, voters=len(votes)),
    )


# topic polls


async def cmd_poll_topics(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    translator: Translator,
    settings: Settings,
    clock: Clock | None = None,
) -> None:
    """`/poll_topics [7d]` lists the period's most mentioned topic ideas and a ready /poll line
    to edit; `/poll_topics 7d 1,3,4 [--close 1d ...]` sends a poll of the picked ones."""
    words, flags = _topics_arguments(command.args or "")
    period = TOPICS_PERIOD
    if words and not _PICKS.match(words[0]):
        try:
            period = parse_duration(words.pop(0), maximum=TOPICS_PERIOD_MAX)
        except ScheduleError:
            await message.reply(texts("poll-topics-usage"))
            return
    picks = words.pop(0) if words and _PICKS.match(words[0]) else None
    if words:
        await message.reply(texts("poll-topics-usage"))
        return
    now = datetime.now(UTC)
    async with session_factory() as session:
        comments = await store.topic_comments(session, operator.chat_id, now - period, now)
    candidates = topic_candidates(
        ((author, text) for author, text, _ in comments),
        default_tagger(),
        is_topic=_stored_tags(comments),
    )
    days = max(1, round(period / timedelta(days=1)))
    if not candidates:
        await message.reply(texts("poll-topics-none", days=days, title=operator.title))
        return
    question = texts.plain("poll-topics-question")
    if picks is None:
        await message.reply(_topics_listing(texts, candidates, question, days))
        return
    chosen = [int(word) for word in re.split(r"[,，]", picks)]
    if any(not 1 <= number <= len(candidates) for number in chosen):
        await message.reply(texts("poll-topics-bad-pick", count=len(candidates)))
        return
    line = _poll_line(question, [candidates[number - 1].label for number in chosen], flags)
    service = poll_service(
        bot, session_factory=session_factory, translator=translator, settings=settings
    )
    await create_poll(
        message,
        line,
        source="topics",
        service=service,
        operator=operator,
        texts=texts,
        clock=clock,
    )


def _topics_arguments(arguments: str) -> tuple[list[str], str]:
    head, separator, flags = arguments.partition("--")
    return head.split(), (separator + flags) if separator else ""


def _stored_tags(
    comments: list[tuple[int | None, str, bool | None]],
) -> store.TopicCheck | None:
    """With stored tags (feedback's table), a comment counts when it was tagged a topic idea;
    without them the default tagger decides."""
    if not comments or comments[0][2] is None:
        return None
    topical = {text for _, text, tagged in comments if tagged}
    return topical.__contains__


def _topics_listing(
    texts: Texts, candidates: list[TopicCandidate], question: str, days: int
) -> Html:
    lines = [texts("poll-topics-title", days=days)]
    lines.extend(
        texts(
            "poll-topics-line",
            number=number,
            label=candidate.label,
            fans=candidate.fans,
            mentions=candidate.mentions,
        )
        for number, candidate in enumerate(candidates, start=1)
    )
    suggestion = _poll_line(question, [c.label for c in candidates[:4]], "--close 1d")
    lines.append(texts("poll-topics-suggestion", command=f"/poll {suggestion}"))
    lines.append(texts("poll-topics-pick-hint"))
    return texts.lines(lines)


def _poll_line(question: str, labels: list[str], flags: str) -> str:
    # A label is a fan's words: keep it from reading as our separators or flags.
    safe = [label.replace("|", "/").replace("｜", "/").replace("--", "—") for label in labels]
    return " | ".join([question, *safe]) + (f" {flags}" if flags else "")


# tracking


async def on_poll(poll: Poll, writes: UpdateWrites) -> None:
    writes.add(TALLY_UPSERT, store.tally_row(poll.id, tally_of(poll), datetime.now(UTC)))


async def on_poll_answer(answer: PollAnswer, writes: UpdateWrites) -> None:
    # An answer given on behalf of a chat (voter_chat) is nobody's personal vote.
    if answer.user is None:
        return
    writes.add(
        VOTE_UPSERT,
        store.vote_row(answer.poll_id, answer.user.id, answer.option_ids, datetime.now(UTC)),
    )


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, POLL, cmd_poll)
    operator_command(router, POLLS, cmd_polls)
    operator_command(router, POLL_CLOSE, cmd_poll_close)
    operator_command(router, POLL_CANCEL, cmd_poll_cancel)
    operator_command(router, POLL_EXPORT, cmd_poll_export)
    operator_command(router, POLL_TOPICS, cmd_poll_topics)
    return router


def observe(dispatcher: Dispatcher) -> None:
    # On the dispatcher itself, tried before any router: a busy poll sends an update per vote,
    # and walking every feature's router for each costs twenty times the vote itself.
    dispatcher.poll.register(on_poll)
    dispatcher.poll_answer.register(on_poll_answer)


def _build(wiring: Wiring) -> Built:
    polls = poll_service(
        wiring.bot,
        session_factory=wiring.session_factory,
        translator=wiring.translator,
        settings=wiring.settings,
    )
    return Built(services={"polls": polls}, clock_sources=[polls])


FEATURE = Feature(
    name="polls",
    operator=(create_router,),
    observers=observe,
    update_types=UPDATE_TYPES,
    digest_sections={"polls": PollDigestSection},
    health_probes={"polls": open_polls_probe},
    build=_build,
)
