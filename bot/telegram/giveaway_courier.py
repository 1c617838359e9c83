"""The Bot API side of giveaways: membership look-ups for the rules, the announcement and its
count edits, the draw's messages (the group's language for the group, each person's in
private), the transcript file, and the cancellation notice (and the reopening, when a cancel is
undone)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import cast

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.types import BufferedInputFile, InlineKeyboardMarkup
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.db.chat_settings import group, group_language
from bot.db.models import GiveawayRecord
from bot.db.user_settings import person_languages
from bot.domain.giveaway import Rules
from bot.domain.html_split import split_html
from bot.i18n import Locale, Texts, Translator, choose_locale, locale_of
from bot.services.giveaway_draw import Outcome, Person, Send, transcript_file
from bot.services.giveaways_render import announcement_text, mention, result_text
from bot.telegram.admins import status_of

log = structlog.get_logger(__name__)

ADMIN_STATUSES = ("creator", "administrator")
# Winners named in the organiser's private summary; the group's result lists them all.
LISTED = 50
# The Enter button under an announcement, made by the feature that answers it.
EnterKeyboard = Callable[[Texts, int, str | None], InlineKeyboardMarkup]
# The "Check my entry" button under a result.
CheckKeyboard = Callable[[Texts, int], InlineKeyboardMarkup]


class TelegramLookup:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def status(self, chat_id: int, user_id: int) -> str:
        try:
            member = await self._bot.get_chat_member(chat_id, user_id)
        except TelegramBadRequest:
            return "left"
        status = status_of(member)
        if status == "restricted" and not getattr(member, "is_member", True):
            return "left"
        return status


class TelegramGiveawayCourier:
    def __init__(
        self,
        bot: Bot,
        session_factory: async_sessionmaker[AsyncSession],
        translator: Translator,
        settings: Settings,
        enter_keyboard: EnterKeyboard,
        *,
        check_keyboard: CheckKeyboard,
    ) -> None:
        self._bot = bot
        self._session_factory = session_factory
        self._translator = translator
        self._settings = settings
        self._enter_keyboard = enter_keyboard
        self._check_keyboard = check_keyboard

    async def _group_texts(self, chat_id: int) -> tuple[Texts, str]:
        async with self._session_factory() as session:
            chosen = await group_language(session, chat_id)
            record = await group(session, chat_id)
        locale = locale_of(chosen) or cast(Locale, self._settings.default_language)
        timezone = (record.timezone if record else None) or self._settings.default_timezone
        return self._translator.bind(locale), timezone

    async def _person_texts(self, user_id: int, chat_id: int) -> Texts:
        """A private message: the person's chosen language, else their Telegram client's, else
        the group's."""
        async with self._session_factory() as session:
            chosen, telegram = await person_languages(session, user_id)
        group_texts, _ = await self._group_texts(chat_id)
        return self._translator.bind(choose_locale(chosen, telegram, group_texts.locale))

    # creating and cancelling

    async def resolve_channel(self, rules: Rules) -> Rules | str:
        """The channel's id, or the error code: unknown channel, or the bot cannot see members."""
        if rules.channel is None:
            return rules
        try:
            chat = await self._bot.get_chat(rules.channel)
        except (TelegramBadRequest, TelegramForbiddenError):
            return "channel-unknown"
        try:
            me = await self._bot.get_chat_member(chat.id, self._bot.id)
        except (TelegramBadRequest, TelegramForbiddenError):
            return "channel-no-bot"
        if status_of(me) not in ADMIN_STATUSES:
            # getChatMember about other people in a channel needs the bot as its administrator.
            return "channel-no-bot"
        return replace(rules, channel_id=chat.id)

    async def post_announcement(self, record: GiveawayRecord) -> int:
        """The new giveaway's announcement with its Enter button; its message id."""
        texts, timezone = await self._group_texts(record.chat_id)
        sent = await self._bot.send_message(
            record.chat_id,
            announcement_text(texts, record, 0, timezone),
            reply_markup=await self._keyboard(texts, record.id),
        )
        return sent.message_id

    async def post_cancelled(self, record: GiveawayRecord, count: int, reason: str) -> None:
        """The announcement closed as cancelled, and a notice in the group."""
        texts, timezone = await self._group_texts(record.chat_id)
        if record.message_id is not None:
            await self._edit(
                record.chat_id,
                record.message_id,
                announcement_text(texts, record, count, timezone, closed=True),
                None,
            )
        await self._bot.send_message(
            record.chat_id,
            texts("giveaway-cancelled-notice", id=str(record.id), reason=reason),
        )

    async def post_reopened(self, record: GiveawayRecord, count: int) -> None:
        """A cancel undone: the announcement open again with its Enter button, and a notice."""
        texts, timezone = await self._group_texts(record.chat_id)
        if record.message_id is not None:
            await self._edit(
                record.chat_id,
                record.message_id,
                announcement_text(texts, record, count, timezone),
                await self._keyboard(texts, record.id),
            )
        await self._bot.send_message(
            record.chat_id, texts("giveaway-reopened-notice", id=str(record.id))
        )

    async def delete_message(self, chat_id: int, message_id: int) -> None:
        try:
            await self._bot.delete_message(chat_id, message_id)
        except TelegramBadRequest as error:
            # Deleted by hand already, or older than Telegram lets a bot delete (48 hours): the
            # giveaway still never draws, which is what matters.
            log.info("giveaway.message_not_deleted", chat_id=chat_id, reason=error.message)

    # the draw

    async def announce(self, outcome: Outcome) -> int | None:
        first_id: int | None = None
        for send in await self.announcement(outcome):
            sent = await send()
            first_id = first_id or sent
        return first_id

    async def announcement(self, outcome: Outcome) -> list[Send]:
        """The result's text parts, the transcript file, then the closed announcement (an
        edit): one message each, so that a draw resumed after a crash sends only the rest."""
        record = outcome.record
        texts, timezone = await self._group_texts(record.chat_id)

        def text(part: str, markup: InlineKeyboardMarkup | None = None) -> Send:
            async def send() -> int | None:
                sent = await self._bot.send_message(record.chat_id, part, reply_markup=markup)
                return sent.message_id

            return send

        async def document() -> int | None:
            name = f"giveaway-{record.id}-transcript.json"
            sent = await self._bot.send_document(
                record.chat_id,
                BufferedInputFile(transcript_file(outcome.transcript), name),
                caption=texts("giveaway-transcript-caption", digest=outcome.round_digest),
            )
            return sent.message_id

        async def closed() -> int | None:
            assert record.message_id is not None
            await self._edit(
                record.chat_id,
                record.message_id,
                announcement_text(texts, record, outcome.entrants, timezone, closed=True),
                None,
            )
            return None

        parts = split_html(result_text(texts, outcome))
        check = self._check_keyboard(texts, record.id)
        sends = [text(part, check if n == len(parts) - 1 else None) for n, part in enumerate(parts)]
        sends.append(document)
        if outcome.reroll is None and record.message_id is not None:
            sends.append(closed)
        return sends

    async def tell_winner(self, person: Person, outcome: Outcome) -> bool:
        texts = await self._person_texts(person.user_id, outcome.record.chat_id)
        record = outcome.record
        return await self._private(
            person.user_id,
            texts(
                "giveaway-you-won",
                id=str(record.id),
                prize=record.prize,
                title=await self._title(record),
            ),
        )

    async def tell_creator(self, user_id: int, outcome: Outcome) -> bool:
        texts = await self._person_texts(user_id, outcome.record.chat_id)
        record = outcome.record
        lines = [
            texts(
                "giveaway-creator-drawn",
                id=str(record.id),
                prize=record.prize,
                title=await self._title(record),
                winners=len(outcome.winners),
                entrants=outcome.entrants,
                digest=outcome.transcript.digest,
            ),
            *(
                texts("giveaway-creator-winner", rank=rank, mention=mention(person))
                for rank, person in enumerate(outcome.winners[:LISTED], start=1)
            ),
        ]
        if len(outcome.winners) > LISTED:
            lines.append(texts("giveaway-creator-more", count=len(outcome.winners) - LISTED))
        if outcome.untold:
            lines.append(texts("giveaway-creator-untold"))
            lines.extend(
                texts("giveaway-creator-untold-one", mention=mention(person))
                for person in outcome.untold[:LISTED]
            )
            if len(outcome.untold) > LISTED:
                lines.append(texts("giveaway-creator-more", count=len(outcome.untold) - LISTED))
        elif outcome.winners:
            lines.append(texts("giveaway-creator-all-told"))
        told = True
        for part in split_html(texts.lines(lines)):  # a hundred winners exceed one message
            told = await self._private(user_id, part) and told
        return told

    async def show_count(self, record: GiveawayRecord, count: int) -> None:
        if record.message_id is None:
            return
        texts, timezone = await self._group_texts(record.chat_id)
        await self._edit(
            record.chat_id,
            record.message_id,
            announcement_text(texts, record, count, timezone),
            await self._keyboard(texts, record.id),
        )

    async def _keyboard(self, texts: Texts, giveaway_id: int) -> InlineKeyboardMarkup:
        me = await self._bot.me()  # aiogram asks Telegram once, then remembers
        return self._enter_keyboard(texts, giveaway_id, me.username)

    async def _title(self, record: GiveawayRecord) -> str:
        async with self._session_factory() as session:
            found = await group(session, record.chat_id)
        return (found.title if found else None) or str(record.chat_id)

    async def _private(self, user_id: int, text: str) -> bool:
        try:
            await self._bot.send_message(user_id, text)
        except (TelegramForbiddenError, TelegramBadRequest):
            return False  # never started the bot, or blocked it
        return True

    async def _edit(
        self, chat_id: int, message_id: int, text: str, markup: InlineKeyboardMarkup | None
    ) -> None:
        try:
            await self._bot.edit_message_text(
                text=text, chat_id=chat_id, message_id=message_id, reply_markup=markup
            )
        except TelegramBadRequest as error:
            # "message is not modified" and deleted announcements are not worth a retry.
            log.info("giveaway.edit_skipped", chat_id=chat_id, reason=error.message)
