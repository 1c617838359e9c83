"""Restricting, banning, unbanning and join requests through a real aiogram Bot: the emulator
checks the bot's rights and the target like Telegram, and each change is a chat_member update."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import ChatMemberBanned, ChatMemberLeft, ChatMemberRestricted, ChatPermissions

from bot.emulator.client import EmulatorClient

MODERATOR = {"can_restrict_members": True, "can_invite_users": True, "can_delete_messages": True}
SILENT = ChatPermissions(can_send_messages=False)
OPEN = ChatPermissions(
    **{
        name: True
        for name in ChatPermissions.model_fields
        if name.startswith("can_send") or name == "can_add_web_page_previews"
    }
)


async def _group(
    control: EmulatorClient, rights: dict[str, bool] | None = MODERATOR
) -> tuple[int, int, int]:
    owner = await control.create_user("Ann")
    fan = await control.create_user("Bo")
    group = await control.create_chat(
        "supergroup",
        owner_id=owner["id"],
        member_ids=[fan["id"]],
        bot_status="administrator",
        bot_rights=rights,
    )
    return int(group["id"]), int(owner["id"]), int(fan["id"])


async def test_restrict_then_lift_is_two_chat_member_updates(
    bot: Bot, control: EmulatorClient
) -> None:
    chat_id, _, fan = await _group(control)
    await bot.get_updates(allowed_updates=["chat_member"])  # Telegram sends it only if asked
    until = datetime.now(UTC) + timedelta(hours=1)
    assert await bot.restrict_chat_member(chat_id, fan, SILENT, until_date=until) is True
    member = await bot.get_chat_member(chat_id, fan)
    assert isinstance(member, ChatMemberRestricted)
    assert member.can_send_messages is False and member.is_member is True
    assert abs(member.until_date.timestamp() - until.timestamp()) < 2
    await bot.restrict_chat_member(chat_id, fan, OPEN)
    assert (await bot.get_chat_member(chat_id, fan)).status == "member"
    updates = [u for u in await control.pending_updates() if "chat_member" in u]
    moves = [
        (
            u["chat_member"]["old_chat_member"]["status"],
            u["chat_member"]["new_chat_member"]["status"],
        )
        for u in updates
    ]
    assert moves == [("member", "restricted"), ("restricted", "member")]


async def test_ban_and_unban_kick_without_banning(bot: Bot, control: EmulatorClient) -> None:
    chat_id, _, fan = await _group(control)
    await bot.ban_chat_member(chat_id, fan)
    assert isinstance(await bot.get_chat_member(chat_id, fan), ChatMemberBanned)
    await bot.unban_chat_member(chat_id, fan, only_if_banned=True)
    assert isinstance(await bot.get_chat_member(chat_id, fan), ChatMemberLeft)
    # only_if_banned on someone not banned changes nothing.
    await bot.unban_chat_member(chat_id, fan, only_if_banned=True)
    assert isinstance(await bot.get_chat_member(chat_id, fan), ChatMemberLeft)


async def test_the_owner_the_bot_and_missing_rights_are_refused(
    bot: Bot, control: EmulatorClient
) -> None:
    chat_id, owner, fan = await _group(control)
    with pytest.raises(TelegramBadRequest, match="can't remove chat owner"):
        await bot.ban_chat_member(chat_id, owner)
    with pytest.raises(TelegramBadRequest, match="can't restrict self"):
        await bot.restrict_chat_member(chat_id, bot.id, SILENT)
    weak, _, other = await _group(control, rights={"can_delete_messages": True})
    with pytest.raises(TelegramBadRequest, match="not enough rights"):
        await bot.restrict_chat_member(weak, other, SILENT)
    with pytest.raises(TelegramBadRequest, match="not enough rights"):
        await bot.ban_chat_member(weak, other)
    assert (await bot.get_chat_member(chat_id, fan)).status == "member"


async def test_a_join_request_is_approved_or_declined_once(
    bot: Bot, control: EmulatorClient
) -> None:
    chat_id, _, _ = await _group(control)
    asker = await control.create_user("Cy")
    other = await control.create_user("Di")
    request = await control.request_to_join(chat_id, asker["id"])
    assert request["chat_join_request"]["user_chat_id"] == asker["id"]
    await control.request_to_join(chat_id, other["id"])
    await bot.approve_chat_join_request(chat_id, asker["id"])
    assert (await bot.get_chat_member(chat_id, asker["id"])).status == "member"
    with pytest.raises(TelegramBadRequest, match="HIDE_REQUESTER_MISSING"):
        await bot.approve_chat_join_request(chat_id, asker["id"])
    await bot.decline_chat_join_request(chat_id, other["id"])
    assert (await bot.get_chat_member(chat_id, other["id"])).status == "left"
    with pytest.raises(TelegramBadRequest, match="HIDE_REQUESTER_MISSING"):
        await bot.decline_chat_join_request(chat_id, other["id"])


async def test_joins_and_leaves_are_injected_as_chat_member_updates(
    control: EmulatorClient,
) -> None:
    chat_id, _, _ = await _group(control)
    newcomer = await control.create_user("Ed")
    joined = await control.join(chat_id, newcomer["id"])
    assert joined["chat_member"]["new_chat_member"]["status"] == "member"
    left = await control.leave(chat_id, newcomer["id"])
    assert left["chat_member"]["old_chat_member"]["status"] == "member"
    assert left["chat_member"]["new_chat_member"]["status"] == "left"
