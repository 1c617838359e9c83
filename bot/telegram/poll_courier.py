"""The Bot API side of polls: sending and stopping them, posting results, reading counts."""

from __future__ import annotations

from datetime import datetime

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import BufferedInputFile, InputPollOption, Poll, ReplyParameters

from bot.db.polls import StoredPoll, Tally
from bot.domain.polls import OPEN_PERIOD_MAX, OPEN_PERIOD_MIN
from bot.i18n import Html
from bot.services.poll_lifecycle import SentPoll

log = structlog.get_logger(__name__)

CHART_NAME = "poll.png"


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

    async def delete_message(self, chat_id: int, message_id: int) -> None:
        try:
            await self._bot.delete_message(chat_id, message_id)
        except TelegramBadRequest as error:
            # Deleted by hand already, or older than Telegram lets a bot delete (48 hours): the
            # poll is still stopped, which is what matters.
            log.info("poll.message_not_deleted", chat_id=chat_id, reason=error.message)


def tally_of(poll: Poll) -> Tally:
    return Tally(
        tuple(option.voter_count for option in poll.options),
        poll.total_voter_count,
        poll.is_closed,
    )
