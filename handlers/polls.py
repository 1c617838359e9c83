"""Polls: /poll (a preview with Send / Edit / Cancel, see bot/domain/polls.py for the syntax),
/polls (a card with buttons per poll, handlers/poll_list.py), /poll_close <n> and
/poll_delete <n> (each asked first, Yes / No), /poll_cancel <n>, /poll_export <n>,
/poll_topics [period] [picks].

Nothing goes to the group before the operator who typed it taps Send on the preview
(bot/services/drafts.py keeps it, and its expiry).

The use cases are bot/services/polls.py; the clock sends and closes through
bot/services/poll_lifecycle.py and its Telegram courier (bot/telegram/poll_courier.py); votes and
tallies are tracked on the dispatcher itself (bot/telegram/poll_tracking.py).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import cast

from aiogram import Bot, Router
from aiogram.filters import CommandObject
from aiogram.types import CallbackQuery, Message

from bot.db.drafts import StoredDraft
from bot.db.polls import PollStatus
from bot.domain.arguments import parse_number, syntax
from bot.domain.poll_topics import TopicCandidate
from bot.domain.polls import PollInputError
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Html, Locale, Texts, Translator, moment
from bot.services.drafts import DraftKind, DraftService, Refused
from bot.services.languages import Languages
from bot.services.poll_lifecycle import (
    PollDigestSection,
    PollLifecycle,
    open_polls_probe,
)
from bot.services.poll_preview import preview_text
from bot.services.polls import PollService, Sending
from bot.telegram import poll_tracking
from bot.telegram.poll_courier import TelegramPollCourier
from handlers import poll_list
from handlers.authority import operator_callback, operator_command
from handlers.callbacks import DraftAct, PollDraftCb
from handlers.drafts import question_keyboard, refusal_text, show_preview
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext
from handlers.poll_list import export_document, poll_card

POLL = OperatorCommand("poll", Role.OPERATOR)
POLLS = OperatorCommand("polls", Role.ANALYST)
POLL_CLOSE = OperatorCommand("poll_close", Role.OPERATOR, destructive=True)
POLL_CANCEL = OperatorCommand("poll_cancel", Role.OPERATOR, destructive=True)
POLL_EXPORT = OperatorCommand("poll_export", Role.ANALYST, destructive=True)
POLL_TOPICS = OperatorCommand("poll_topics", Role.OPERATOR)
POLL_DELETE = OperatorCommand("poll_delete", Role.OPERATOR, destructive=True)
# A tap on a poll's preview or question: what it sends, closes or deletes is checked live.
POLL_DRAFT = OperatorCommand("poll-draft", Role.OPERATOR, destructive=True)

DEFAULT_TOPICS_PERIOD = "7d"
TOPICS_PERIOD_MAX = timedelta(days=90)
ECHO_LIMIT = 100  # what was typed, quoted back
# Picks as a Chinese keyboard types them too: "1，3、4", "＃1,＃3" (read after `syntax`).
_PICKS = re.compile(r"^#?\d+(?:[,、]#?\d+)*$")


# creating


async def cmd_poll(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    polls: PollService,
    drafts: DraftService,
) -> None:
    arguments = (command.args or "").strip()
    if not arguments or arguments.lower() in ("help", "帮助", "幫助"):
        await message.reply(texts("poll-help"))
        return
    await create_poll(
        message,
        arguments,
        source="command",
        polls=polls,
        drafts=drafts,
        operator=operator,
        texts=texts,
    )


async def create_poll(
    message: Message,
    arguments: str,
    *,
    source: str,
    polls: PollService,
    drafts: DraftService,
    operator: OperatorContext,
    texts: Texts,
    reply: bool = True,
) -> None:
    """The preview, to the operator who typed it (`reply`: quoting their message); nothing is
    sent before their Send."""
    now = datetime.now(UTC)
    try:
        checked = await polls.check(operator.chat_id, arguments, now)
    except PollInputError as error:
        await message.reply(_input_error(texts, error))
        return
    await show_preview(
        message,
        preview_text(texts, operator.title, checked),
        kind=DraftKind.POLL,
        callback=PollDraftCb,
        arguments=arguments,
        source=source,
        operator=operator,
        texts=texts,
        drafts=drafts,
        now=now,
        reply=reply,
    )


def _input_error(texts: Texts, error: PollInputError) -> Html:
    return texts.lines(
        [texts(f"poll-error-{error.code.value}", **error.args_for_text), texts("poll-error-hint")]
    )


async def cb_poll_draft(
    query: CallbackQuery,
    *,
    callback_data: PollDraftCb,
    operator: OperatorContext,
    texts: Texts,
    polls: PollService,
    drafts: DraftService,
) -> None:
    """Send / Edit / Cancel on a preview, Yes / No on a question: only the operator who made it,
    once."""
    now = datetime.now(UTC)
    draft = await drafts.for_tap(callback_data.draft_id, operator.chat_id, query.from_user.id, now)
    if isinstance(draft, Refused):
        await query.answer(refusal_text(texts, draft), show_alert=True)
        return
    if callback_data.act is DraftAct.DROP or (
        callback_data.act is DraftAct.EDIT and draft.kind != DraftKind.POLL
    ):
        if not await drafts.drop(draft.id, now):
            await query.answer(refusal_text(texts, Refused.DONE), show_alert=True)
            return
        key = "draft-cancelled" if draft.kind == DraftKind.POLL else "draft-nothing-changed"
        await drafts.settle(draft, texts(key))
        await query.answer(texts.plain(key))
        return
    if callback_data.act is DraftAct.EDIT:
        if await drafts.drop(draft.id, now):
            await drafts.settle(draft, texts("poll-edit-line", line=f"/poll {draft.arguments}"))
        await query.answer()
        return
    if draft.kind == DraftKind.POLL:
        await _send(
            query, draft, operator=operator, texts=texts, polls=polls, drafts=drafts, now=now
        )
        return
    if not await drafts.answer(draft.id, now):
        await query.answer(refusal_text(texts, Refused.DONE), show_alert=True)
        return
    number = draft.subject_id or 0
    if draft.kind == DraftKind.POLL_CLOSE:
        closed = await polls.close(operator.chat_id, operator.actor, number, now)
        outcome = (
            texts("poll-closed-now", number=number, title=operator.title)
            if closed
            else texts("poll-not-open", number=number)
        )
    else:
        deleted = await polls.delete(operator.chat_id, operator.actor, number, now)
        outcome = (
            texts("poll-deleted", number=number, title=operator.title)
            if deleted
            else texts("poll-not-deletable", number=number)
        )
    await drafts.settle(draft, outcome)
    await query.answer()


async def _send(
    query: CallbackQuery,
    draft: StoredDraft,
    *,
    operator: OperatorContext,
    texts: Texts,
    polls: PollService,
    drafts: DraftService,
    now: datetime,
) -> None:
    try:
        created = await polls.send_draft(draft, operator.actor, now)
    except PollInputError as error:
        await query.answer(texts.plain("draft-refused-invalid"), show_alert=True)
        await drafts.settle(draft, _input_error(texts, error))
        return
    if created is None:
        await query.answer(refusal_text(texts, Refused.DONE), show_alert=True)
        return
    poll, poll_draft, timezone = created.poll, created.draft, created.timezone
    if created.sending is Sending.FAILED:
        lines = [texts("poll-send-failed", title=operator.title)]
    elif created.sending is Sending.SCHEDULED:
        assert poll_draft.start_at is not None
        lines = [
            texts(
                "poll-scheduled",
                number=poll.id,
                title=operator.title,
                when=moment(poll_draft.start_at, timezone),
            )
        ]
    else:
        lines = [texts("poll-sent", number=poll.id, title=operator.title)]
    if poll_draft.close_at is not None and created.sending is not Sending.FAILED:
        lines.append(
            texts("poll-closes", number=poll.id, when=moment(poll_draft.close_at, timezone))
        )
    await drafts.settle(draft, texts.lines(lines))
    await query.answer(texts.plain("draft-sent"))


# managing


async def cmd_polls(
    message: Message, *, operator: OperatorContext, texts: Texts, polls: PollService
) -> None:
    """One card, a page at a time, with buttons per poll (handlers/poll_list.py)."""
    text, keyboard = await poll_card(operator, texts, polls)
    await message.reply(text, reply_markup=keyboard)


def _number(command: CommandObject) -> int | None:
    words = (command.args or "").split()
    return parse_number(words[0]) if len(words) == 1 else None


async def cmd_poll_close(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    polls: PollService,
    drafts: DraftService,
) -> None:
    """Asked first: closing early stops the voting for everyone."""
    number = _number(command)
    if number is None:
        await message.reply(texts("poll-close-usage"))
        return
    poll = await polls.find(operator.chat_id, number)
    if poll is None or poll.status is not PollStatus.OPEN:
        await message.reply(texts("poll-not-open", number=number))
        return
    question = texts("poll-close-confirm", number=number, question=poll.question)
    await _ask(
        message,
        DraftKind.POLL_CLOSE,
        number,
        question,
        operator=operator,
        texts=texts,
        drafts=drafts,
    )


async def cmd_poll_delete(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    polls: PollService,
    drafts: DraftService,
) -> None:
    """A poll made by mistake: asked first, then stopped, its messages removed, audited."""
    number = _number(command)
    if number is None:
        await message.reply(texts("poll-delete-usage"))
        return
    poll = await polls.find(operator.chat_id, number)
    if poll is None or poll.status in (PollStatus.CANCELLED, PollStatus.DELETED):
        await message.reply(texts("poll-not-deletable", number=number))
        return
    question = texts("poll-delete-confirm", number=number, question=poll.question)
    await _ask(
        message,
        DraftKind.POLL_DELETE,
        number,
        question,
        operator=operator,
        texts=texts,
        drafts=drafts,
    )


async def _ask(
    message: Message,
    kind: DraftKind,
    number: int,
    question: Html,
    *,
    operator: OperatorContext,
    texts: Texts,
    drafts: DraftService,
) -> None:
    draft = await drafts.open(
        kind,
        operator.chat_id,
        operator.actor.user_id,
        arguments="",
        locale=texts.locale,
        now=datetime.now(UTC),
        subject_id=number,
    )
    shown = await message.reply(
        question, reply_markup=question_keyboard(texts, PollDraftCb, operator.chat_id, draft.id)
    )
    await drafts.shown(draft.id, shown.chat.id, shown.message_id)


async def cmd_poll_cancel(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    polls: PollService,
) -> None:
    number = _number(command)
    if number is None:
        await message.reply(texts("poll-cancel-usage"))
        return
    if not await polls.cancel(operator.chat_id, operator.actor, number, datetime.now(UTC)):
        await message.reply(texts("poll-not-scheduled", number=number))
        return
    await message.reply(texts("poll-cancelled", number=number))


async def cmd_poll_export(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    polls: PollService,
) -> None:
    number = _number(command)
    if number is None:
        await message.reply(texts("poll-export-usage"))
        return
    export = await polls.export(operator.chat_id, number)
    if export is None:
        await message.reply(texts("poll-not-found", number=number))
        return
    document, caption = export_document(texts, export)
    await bot.send_document(message.chat.id, document, caption=caption)


# topic polls


async def cmd_poll_topics(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    translator: Translator,
    languages: Languages,
    polls: PollService,
    drafts: DraftService,
) -> None:
    """`/poll_topics [7d]` lists the period's most mentioned topic ideas and a ready /poll line
    to edit; `/poll_topics 7d 1,3,4 [--close 1d ...]` sends a poll of the picked ones."""
    words, flags = _topics_arguments(command.args or "")
    typed = DEFAULT_TOPICS_PERIOD
    if words and not _PICKS.match(syntax(words[0])):
        typed = words.pop(0)
    picks = syntax(words.pop(0)) if words and _PICKS.match(syntax(words[0])) else None
    if words:
        await message.reply(texts("poll-topics-usage"))
        return
    now = datetime.now(UTC)
    period = await polls.period(operator.chat_id, typed, now, TOPICS_PERIOD_MAX)
    if period is None:
        refused = texts("poll-topics-bad-period", value=typed[:ECHO_LIMIT])
        await message.reply(texts.lines([refused, texts("poll-topics-usage")]))
        return
    candidates = await polls.topics(operator.chat_id, period.start, period.end)
    if not candidates:
        await message.reply(texts("poll-topics-none", period=typed, title=operator.title))
        return
    # The poll is posted in the group: its default question is in the group's language, even
    # when the operator reads in another one in private.
    group_texts = translator.bind(await languages.of_group(operator.chat_id))
    question = group_texts.plain("poll-topics-question")
    if picks is None:
        await message.reply(_topics_listing(texts, candidates, question, typed))
        return
    chosen = [int(word.removeprefix("#")) for word in re.split(r"[,、]", picks)]
    if any(not 1 <= number <= len(candidates) for number in chosen):
        await message.reply(texts("poll-topics-bad-pick", count=len(candidates)))
        return
    line = _poll_line(question, [candidates[number - 1].label for number in chosen], flags)
    await create_poll(
        message,
        line,
        source="topics",
        polls=polls,
        drafts=drafts,
        operator=operator,
        texts=texts,
    )


def _topics_arguments(arguments: str) -> tuple[list[str], str]:
    head, separator, flags = arguments.partition("--")
    return head.split(), (separator + flags) if separator else ""


def _topics_listing(
    texts: Texts, candidates: list[TopicCandidate], question: str, period: str
) -> Html:
    lines = [texts("poll-topics-title", period=period)]
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


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, POLL, cmd_poll)
    operator_command(router, POLLS, cmd_polls)
    operator_command(router, POLL_CLOSE, cmd_poll_close)
    operator_command(router, POLL_CANCEL, cmd_poll_cancel)
    operator_command(router, POLL_EXPORT, cmd_poll_export)
    operator_command(router, POLL_TOPICS, cmd_poll_topics)
    operator_command(router, POLL_DELETE, cmd_poll_delete)
    return router


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.buttons")
    operator_callback(router, POLL_DRAFT, PollDraftCb, cb_poll_draft)
    return router


def _build(wiring: Wiring) -> Built:
    lifecycle = PollLifecycle(
        wiring.session_factory,
        wiring.translator,
        TelegramPollCourier(wiring.bot),
        default_timezone=wiring.settings.default_timezone,
        default_language=cast(Locale, wiring.settings.default_language),
    )
    polls = PollService(wiring.session_factory, lifecycle, wiring.clock)
    return Built(services={"polls": polls}, clock_sources=[lifecycle])


FEATURE = Feature(
    name="polls",
    operator=(create_router,),
    buttons=(create_callback_router, poll_list.create_callback_router),
    observers=poll_tracking.observe,
    update_types=poll_tracking.UPDATE_TYPES,
    digest_sections={"polls": PollDigestSection},
    health_probes={"polls": open_polls_probe},
    build=_build,
)
