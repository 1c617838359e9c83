"""setMessageReaction: the bot's acknowledgement of a fan's message, as Telegram answers it."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.types import ReactionTypeCustomEmoji, ReactionTypeEmoji, ReactionTypeUnion

from bot.emulator.client import EmulatorClient


async def _fan_message(control: EmulatorClient) -> tuple[int, int]:
    fan = await control.create_user("Mei", username="mei")
    owner = await control.create_user("Owner", username="owner")
    group = await control.create_chat(
        "supergroup", title="Fans", owner_id=owner["id"], member_ids=[fan["id"]]
    )
    await control.set_bot_membership(group["id"], "administrator", emit=False)
    update = await control.send_text(group["id"], fan["id"], "希望出一期新手教程")
    return int(group["id"]), int(update["message"]["message_id"])


async def test_a_reaction_on_a_fans_message_is_kept_and_can_be_taken_back(
    bot: Bot, control: EmulatorClient
) -> None:
    chat_id, message_id = await _fan_message(control)
    assert await bot.set_message_reaction(chat_id, message_id, [ReactionTypeEmoji(emoji="👍")])
    assert (await control.chat(chat_id))["bot_reactions"] == {str(message_id): ["👍"]}
    assert await bot.set_message_reaction(chat_id, message_id, [])
    assert (await control.chat(chat_id))["bot_reactions"] == {str(message_id): []}


@pytest.mark.parametrize(
    ("reaction", "error"),
    [
        ([ReactionTypeEmoji(emoji="🐈")], "REACTION_INVALID"),
        ([ReactionTypeCustomEmoji(custom_emoji_id="5368324170671202286")], "REACTION_INVALID"),
        ([ReactionTypeEmoji(emoji="👍"), ReactionTypeEmoji(emoji="🔥")], "REACTIONS_TOO_MANY"),
    ],
)
async def test_a_reaction_a_bot_cannot_set_is_a_bad_request(
    bot: Bot, control: EmulatorClient, reaction: list[ReactionTypeUnion], error: str
) -> None:
    chat_id, message_id = await _fan_message(control)
    with pytest.raises(TelegramBadRequest, match=error):
        await bot.set_message_reaction(chat_id, message_id, reaction)
    assert (await control.chat(chat_id))["bot_reactions"] == {}


async def test_a_reaction_on_a_missing_message_or_outside_the_chat_fails(
    bot: Bot, control: EmulatorClient
) -> None:
    chat_id, message_id = await _fan_message(control)
    with pytest.raises(TelegramBadRequest, match="message to react not found"):
        await bot.set_message_reaction(chat_id, message_id + 100, [ReactionTypeEmoji(emoji="👍")])
    owner = next(
        int(uid)
        for uid, status in (await control.chat(chat_id))["members"].items()
        if status == "creator"
    )
    await control.kick_bot(chat_id, actor_id=owner)
    with pytest.raises((TelegramForbiddenError, TelegramBadRequest)):
        await bot.set_message_reaction(chat_id, message_id, [ReactionTypeEmoji(emoji="👍")])
