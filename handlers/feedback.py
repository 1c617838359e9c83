"""Explicit feedback and triage.

Fans:      /feedback <text>   in the group (acknowledged with a reaction, not a message) or in
                              private chat (stored for the group they write in)
           (reply) /feedback  in the group: files the replied-to message, as its author's
                              feedback (like /report); filed once however often reported
           a reply to a question the bot posted: feedback on that question's topic
Operators: /ask <tag> <question>     the bot posts the question; replies are collected
           (reply) /tag <tag>, /untag <tag>, /mark new|triaged|planned|done|wontdo,
           /dupe <message id or link>
"""

from __future__ import annotations

import structlog
from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import CommandObject, Filter
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, ReactionTypeEmoji
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.db.write_buffer import UpdateWrites
from bot.domain.feedback_status import Status, parse_message_ref, parse_status, suggest_status
from bot.domain.roles import OperatorCommand, Role
from bot.domain.tag_set import TagSetError
from bot.i18n import Texts, Translator
from bot.services.ask_notices import AskNotices
from bot.services.feedback import (
    BatchWrites,
    FeedbackService,
    GroupChoice,
    NoGroup,
    PickGroup,
    PrivateFeedback,
    Stored,
)
from bot.services.languages import Languages
from bot.services.tags import shown_tag, tag_aliases
from bot.telegram.feedback_courier import TelegramQuestionCourier
from bot.telegram.filters import GROUP_CHAT_TYPES
from bot.telegram.message_records import incoming_comment, observe_message
from handlers.authority import operator_command, public_callback, public_command
from handlers.callbacks import FeedbackGroupCb
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext, personal_texts
from handlers.tags import tag_error

log = structlog.get_logger(__name__)

ASK = OperatorCommand("ask", Role.OPERATOR)
TAG = OperatorCommand("tag", Role.OPERATOR, console=False)
UNTAG = OperatorCommand("untag", Role.OPERATOR, console=False)
MARK = OperatorCommand("mark", Role.OPERATOR, console=False)
DUPE = OperatorCommand("dupe", Role.OPERATOR, console=False)
MAX_FEEDBACK = 2_000
MAX_QUESTION = 1_000
ACK = "👍"
ECHO_LIMIT = 100  # what was typed, quoted back


async def acknowledge(bot: Bot, message: Message) -> None:
    """A reaction says "received" without adding a message to the group's chat."""
    try:
        await bot.set_message_reaction(
            message.chat.id, message.message_id, reaction=[ReactionTypeEmoji(emoji=ACK)]
        )
    except TelegramAPIError as error:
        log.info("feedback.ack_failed", chat_id=message.chat.id, error=error.message)


async def tell_privately(bot: Bot, user_id: int, text: str) -> None:
    try:
        await bot.send_message(user_id, text)
    except TelegramAPIError as error:
        log.info("feedback.private_failed", error=error.message)


def _person(message: Message) -> int | None:
    if message.sender_chat is not None or message.from_user is None:
        return None
    return None if message.from_user.is_bot else message.from_user.id


def _thanks(stored: Stored) -> str:
    return "feedback-thanks" if stored is Stored.STORED else "feedback-not-stored"


async def cmd_feedback(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    texts: Texts,
    feedback: FeedbackService,
    translator: Translator,
    languages: Languages,
    writes: UpdateWrites | None = None,
) -> None:
    text = (command.args or "").strip()
    person = _person(message)
    if person is None:
        await message.reply(texts("feedback-not-a-person"))
        return
    reported = _reported(message)
    if reported is not None and not text:
        assert writes is not None, "ingest gives every group message its write buffer"
        await _file_reported(
            message,
            reported,
            bot=bot,
            texts=texts,
            feedback=feedback,
            writes=writes,
            translator=translator,
            languages=languages,
        )
        return
    if not text:
        await message.reply(texts("feedback-usage"))
        return
    if len(text) > MAX_FEEDBACK:
        await message.reply(texts("feedback-too-long", limit=MAX_FEEDBACK))
        return
    if message.chat.type in GROUP_CHAT_TYPES:
        assert writes is not None, "ingest gives every group message its write buffer"
        if await feedback.forgotten(person):
            # Told in private: a reply in the group would say to everyone that she asked.
            assert message.from_user is not None
            own = await personal_texts(
                translator, languages, person, message.from_user.language_code
            )
            await tell_privately(bot, person, own("feedback-not-stored"))
            return
        feedback.in_group(writes, message.chat.id, message.message_id, person)
        await acknowledge(bot, message)
        return
    outcome = await feedback.from_private(
        PrivateFeedback(person, message.message_id, text, message.date)
    )
    if isinstance(outcome, NoGroup):
        await message.answer(texts("feedback-no-group"))
    elif isinstance(outcome, PickGroup):
        await message.reply(
            texts("feedback-pick-group"),
            reply_markup=group_picker(outcome.choices, message.message_id),
        )
    else:
        await message.answer(texts(_thanks(outcome)))


def _reported(message: Message) -> Message | None:
    """The group message a /feedback replies to; in a forum topic, not the topic's own opening
    (every message of a topic replies to it)."""
    replied = message.reply_to_message
    if message.chat.type not in GROUP_CHAT_TYPES or replied is None:
        return None
    return None if replied.forum_topic_created is not None else replied


async def _file_reported(
    message: Message,
    reported: Message,
    *,
    bot: Bot,
    texts: Texts,
    feedback: FeedbackService,
    writes: UpdateWrites,
    translator: Translator,
    languages: Languages,
) -> None:
    comment = incoming_comment(reported)
    author = comment.author.user_id
    if not comment.author.is_fan or author is None:
        await message.reply(texts("feedback-report-not-a-fan"))
        return
    if await feedback.forgotten(author):
        # Told to the reporter in private: a reply in the group would say to everyone that the
        # author asked to be forgotten.
        reporter = message.from_user
        assert reporter is not None
        own = await personal_texts(translator, languages, reporter.id, reporter.language_code)
        await tell_privately(bot, reporter.id, own("feedback-report-forgotten"))
        return
    # The bot may not have seen it (privacy mode, or written before it joined): stored now,
    # once, like any message; then marked as its author's feedback.
    observe_message(writes, reported)
    feedback.in_group(writes, message.chat.id, reported.message_id, author)
    await acknowledge(bot, message)


def group_picker(groups: list[GroupChoice], message_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for group in groups:
        builder.button(
            text=group.title or str(group.id),
            callback_data=FeedbackGroupCb(chat_id=group.id, message_id=message_id),
        )
    builder.adjust(1)
    return builder.as_markup()


async def cb_feedback_group(
    query: CallbackQuery,
    *,
    callback_data: FeedbackGroupCb,
    texts: Texts,
    feedback: FeedbackService,
) -> None:
    """The fan picked the group for feedback sent in private chat. The button's data is only a
    claim: the feedback is the /feedback message the picker replies to, sent by this fan, and the
    group must be one they write in now."""
    picker = query.message
    original = picker.reply_to_message if isinstance(picker, Message) else None
    person = None if query.from_user.is_bot else query.from_user.id
    text = _feedback_text(original)
    if (
        original is None
        or text is None
        or person is None
        or original.from_user is None
        or original.from_user.id != person
        or original.message_id != callback_data.message_id
    ):
        await query.answer(texts.plain("feedback-pick-stale"), show_alert=True)
        return
    stored = await feedback.for_group(
        callback_data.chat_id, PrivateFeedback(person, original.message_id, text, original.date)
    )
    if stored is Stored.STALE:
        await query.answer(texts.plain("feedback-pick-stale"), show_alert=True)
        return
    await query.answer()
    await picker.edit_text(texts(_thanks(stored)), reply_markup=None)  # type: ignore[union-attr]


def _feedback_text(message: Message | None) -> str | None:
    if message is None or message.text is None:
        return None
    command, _, rest = message.text.partition(" ")
    if not command.startswith("/feedback"):
        return None
    text = rest.strip()
    return text if 0 < len(text) <= MAX_FEEDBACK else None


async def cmd_ask(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    feedback: FeedbackService,
) -> None:
    name, _, question = (command.args or "").strip().partition(" ")
    question = question.strip()
    if not name or not question:
        await message.reply(texts("ask-usage"))
        return
    if len(question) > MAX_QUESTION:
        await message.reply(texts("feedback-too-long", limit=MAX_QUESTION))
        return
    try:
        topic = await feedback.ask(
            operator.chat_id,
            operator.actor,
            name,
            question,
            texts("ask-question", question=question),
        )
    except TagSetError as error:
        await message.reply(tag_error(texts, error))
        return
    if operator.in_private:
        await message.answer(texts("ask-posted", title=operator.title, tag=shown_tag(texts, topic)))


class RepliesToBot(Filter):
    async def __call__(self, message: Message, bot: Bot) -> bool:
        replied = message.reply_to_message
        return (
            replied is not None and replied.from_user is not None and replied.from_user.id == bot.id
        )


async def on_reply_to_bot(
    message: Message,
    *,
    bot: Bot,
    feedback: FeedbackService,
    writes: BatchWrites,
) -> None:
    """A fan's answer to a question: feedback on its topic, in the batch's transaction."""
    replied = message.reply_to_message
    person = _person(message)
    if replied is None or person is None:
        return
    if await feedback.answer(
        writes, message.chat.id, message.message_id, person, replied.message_id
    ):
        await acknowledge(bot, message)


async def cmd_tag(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    feedback: FeedbackService,
) -> None:
    await _manual_tag(message, command, operator, texts, feedback, present=True)


async def cmd_untag(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    feedback: FeedbackService,
) -> None:
    await _manual_tag(message, command, operator, texts, feedback, present=False)


async def _manual_tag(
    message: Message,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    feedback: FeedbackService,
    *,
    present: bool,
) -> None:
    replied = message.reply_to_message
    words = (command.args or "").split()
    if replied is None or len(words) != 1:
        await message.reply(texts("tag-reply-usage" if present else "untag-reply-usage"))
        return
    try:
        tag = await feedback.tag(
            operator.chat_id, operator.actor, replied.message_id, words[0], present=present
        )
    except TagSetError as error:
        await message.reply(tag_error(texts, error))
        return
    await message.reply(
        texts("tag-manual-done", tag=shown_tag(texts, tag), present=str(present).lower())
    )


async def cmd_mark(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    feedback: FeedbackService,
    ask_notices: AskNotices,
) -> None:
    replied = message.reply_to_message
    typed = (command.args or "").strip()
    status = parse_status(typed)
    if replied is None or not typed:
        await message.reply(texts("mark-usage"))
        return
    if status is None:
        lines = [texts("mark-bad-status", value=typed[:ECHO_LIMIT])]
        if (meant := suggest_status(typed)) is not None:
            lines.append(texts("mark-did-you-mean", suggestion=f"/mark {meant}"))
        await message.reply(texts.lines(lines))
        return
    await feedback.mark(operator.chat_id, operator.actor, replied.message_id, status)
    if status is Status.DONE:
        await ask_notices.feedback_done(operator.chat_id, replied.message_id)
    await message.reply(texts("mark-done", status=status.value))


async def cmd_dupe(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    feedback: FeedbackService,
) -> None:
    replied = message.reply_to_message
    original = parse_message_ref(command.args or "")
    if replied is None or original is None:
        await message.reply(texts("dupe-usage"))
        return
    if original == replied.message_id:
        await message.reply(texts("dupe-itself"))
        return
    if not await feedback.link_duplicate(
        operator.chat_id, operator.actor, replied.message_id, original
    ):
        await message.reply(texts("dupe-unknown", original=original))
        return
    await message.reply(texts("dupe-done", original=original))


def create_router() -> Router:
    """Operator commands (in the group; /ask also from private chat)."""
    router = Router(name=__name__)
    operator_command(router, ASK, cmd_ask)
    operator_command(router, TAG, cmd_tag)
    operator_command(router, UNTAG, cmd_untag)
    operator_command(router, MARK, cmd_mark)
    operator_command(router, DUPE, cmd_dupe)
    return router


def create_public_router() -> Router:
    """/feedback, for fans, in the group and in private chat."""
    router = Router(name=f"{__name__}.public")
    public_command(router, "feedback", cmd_feedback)
    return router


def create_callback_router() -> Router:
    """The group picker under a /feedback sent in private chat (only its fan can use it)."""
    router = Router(name=f"{__name__}.buttons")
    public_callback(router, "feedback", FeedbackGroupCb, cb_feedback_group)
    return router


def create_reply_router() -> Router:
    """Replies to the bot in a group (they reach routers; plain chat does not)."""
    router = Router(name=f"{__name__}.replies")
    router.message.register(on_reply_to_bot, RepliesToBot())
    return router


def _build(wiring: Wiring) -> Built:
    courier = TelegramQuestionCourier(wiring.bot)
    feedback = FeedbackService(
        wiring.session_factory, courier, tag_aliases=tag_aliases(wiring.translator)
    )
    return Built(services={"feedback": feedback})


FEATURE = Feature(
    name="feedback",
    operator=(create_router,),
    group=(create_reply_router,),
    buttons=(create_callback_router,),
    # /feedback is anyone's, in a group and in private chat: tried after every operator command.
    fallback_commands=(create_public_router,),
    build=_build,
)
