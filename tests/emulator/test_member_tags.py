"""Member tags (setChatMemberTag, Bot API 9.5) through a real aiogram Bot: the emulator keeps a
regular member's tag, shows it on getChatMember, and refuses what Telegram refuses (no
can_manage_tags right, an administrator or the owner, someone not in the chat, a tag too long
or with emoji, a private chat)."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import ChatMemberMember, ChatMemberRestricted, ChatPermissions

from bot.emulator.client import EmulatorClient

TAGGER = {"can_manage_tags": True, "can_restrict_members": True}


async def _group(
    control: EmulatorClient, rights: dict[str, bool] | None = TAGGER
) -> tuple[int, int, int, int]:
    owner = await control.create_user("Ann")
    fan = await control.create_user("Bo")
    stranger = await control.create_user("Cy")
    group = await control.create_chat(
        "supergroup",
        owner_id=owner["id"],
        member_ids=[fan["id"]],
        bot_status="administrator",
        bot_rights=rights,
    )
    return int(group["id"]), int(owner["id"]), int(fan["id"]), int(stranger["id"])


async def test_a_tag_is_set_changed_and_removed(bot: Bot, control: EmulatorClient) -> None:
    chat_id, _, fan, _ = await _group(control)
    assert await bot.set_chat_member_tag(chat_id, fan, "giveaway winner") is True
    member = await bot.get_chat_member(chat_id, fan)
    assert isinstance(member, ChatMemberMember) and member.tag == "giveaway winner"
    await bot.set_chat_member_tag(chat_id, fan, "自2024年")
    assert (await bot.get_chat_member(chat_id, fan)).tag == "自2024年"  # type: ignore[union-attr]
    await bot.set_chat_member_tag(chat_id, fan)
    assert (await bot.get_chat_member(chat_id, fan)).tag is None  # type: ignore[union-attr]


async def test_a_restricted_member_keeps_a_tag(bot: Bot, control: EmulatorClient) -> None:
    chat_id, _, fan, _ = await _group(control)
    await bot.restrict_chat_member(chat_id, fan, ChatPermissions(can_send_messages=False))
    await bot.set_chat_member_tag(chat_id, fan, "top feedback")
    member = await bot.get_chat_member(chat_id, fan)
    assert isinstance(member, ChatMemberRestricted) and member.tag == "top feedback"


async def test_what_telegram_refuses(bot: Bot, control: EmulatorClient) -> None:
    chat_id, owner, fan, stranger = await _group(control)
    with pytest.raises(TelegramBadRequest, match="administrator"):
        await bot.set_chat_member_tag(chat_id, owner, "boss")
    with pytest.raises(TelegramBadRequest, match="USER_NOT_PARTICIPANT"):
        await bot.set_chat_member_tag(chat_id, stranger, "fan")
    with pytest.raises(TelegramBadRequest, match="TAG_INVALID"):
        await bot.set_chat_member_tag(chat_id, fan, "x" * 17)
    with pytest.raises(TelegramBadRequest, match="TAG_INVALID"):
        await bot.set_chat_member_tag(chat_id, fan, "winner 🏆")
    with pytest.raises(TelegramBadRequest, match="only for groups and supergroups"):
        await bot.set_chat_member_tag(fan, fan, "fan")  # their private chat
    assert (await bot.get_chat_member(chat_id, fan)).tag is None  # type: ignore[union-attr]


async def test_without_can_manage_tags_the_bot_is_refused(
    bot: Bot, control: EmulatorClient
) -> None:
    chat_id, _, fan, _ = await _group(control, {"can_restrict_members": True})
    with pytest.raises(TelegramBadRequest, match="not enough rights to manage chat member tags"):
        await bot.set_chat_member_tag(chat_id, fan, "fan")
