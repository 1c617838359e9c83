"""Invite links through a real aiogram Bot, as the Bot API documents them: named links made,
edited and revoked by the bot (with can_invite_users), and people joining through them, the
chat_member update carrying the link."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest

from bot.emulator.client import EmulatorClient, EmulatorControlError, Json

INVITER = {"can_invite_users": True}


async def _group(
    control: EmulatorClient, rights: dict[str, bool] | None = INVITER, kind: str = "supergroup"
) -> tuple[int, int, int]:
    owner = await control.create_user("Ann")
    fan = await control.create_user("Bo")
    group = await control.create_chat(
        kind, owner_id=owner["id"], bot_status="administrator", bot_rights=rights
    )
    return int(group["id"]), int(owner["id"]), int(fan["id"])


async def _joins(control: EmulatorClient) -> list[Json]:
    return [u["chat_member"] for u in await control.pending_updates() if "chat_member" in u]


async def test_a_named_link_is_made_and_a_join_through_it_carries_it(
    bot: Bot, control: EmulatorClient
) -> None:
    chat_id, _, fan = await _group(control)
    await bot.get_updates(allowed_updates=["chat_member"])
    link = await bot.create_chat_invite_link(chat_id, name="v12·douyin")
    assert link.name == "v12·douyin"
    assert link.invite_link.startswith("https://t.me/+")
    assert (link.is_revoked, link.is_primary, link.creates_join_request) == (False, False, False)
    assert link.creator.id == (await bot.get_me()).id
    await control.join_by_link(chat_id, fan, link.invite_link)
    (join,) = await _joins(control)
    assert join["new_chat_member"]["status"] == "member"
    assert join["invite_link"]["invite_link"] == link.invite_link
    assert join["invite_link"]["name"] == "v12·douyin"
    assert (await bot.get_chat_member(chat_id, fan)).status == "member"


async def test_a_link_another_administrator_made_reaches_the_bot_cut_short(
    bot: Bot, control: EmulatorClient
) -> None:
    chat_id, owner, fan = await _group(control)
    await bot.get_updates(allowed_updates=["chat_member"])
    theirs = await control.create_invite_link(chat_id, owner, name="owner's")
    await control.join_by_link(chat_id, fan, theirs)
    (join,) = await _joins(control)
    shown = join["invite_link"]["invite_link"]
    assert shown.endswith("…") and shown != theirs
    assert join["invite_link"]["creator"]["id"] == owner
    with pytest.raises(TelegramBadRequest, match="CHAT_ADMIN_REQUIRED"):
        await bot.revoke_chat_invite_link(chat_id, theirs)


async def test_edit_renames_and_revoke_closes_the_link(bot: Bot, control: EmulatorClient) -> None:
    chat_id, _, fan = await _group(control)
    link = await bot.create_chat_invite_link(chat_id, name="v1·bilibili")
    edited = await bot.edit_chat_invite_link(chat_id, link.invite_link, name="v1·b站")
    assert (edited.invite_link, edited.name) == (link.invite_link, "v1·b站")
    revoked = await bot.revoke_chat_invite_link(chat_id, link.invite_link)
    assert revoked.is_revoked is True and revoked.name == "v1·b站"
    with pytest.raises(EmulatorControlError, match="INVITE_HASH_EXPIRED"):
        await control.join_by_link(chat_id, fan, link.invite_link)
    with pytest.raises(TelegramBadRequest, match="INVITE_HASH_EXPIRED"):
        await bot.edit_chat_invite_link(chat_id, link.invite_link, name="again")
    with pytest.raises(TelegramBadRequest, match="INVITE_HASH_INVALID"):
        await bot.revoke_chat_invite_link(chat_id, "https://t.me/+nothing")


async def test_what_telegram_refuses(bot: Bot, control: EmulatorClient) -> None:
    chat_id, _, _ = await _group(control)
    with pytest.raises(TelegramBadRequest, match="name is too long"):
        await bot.create_chat_invite_link(chat_id, name="x" * 33)
    with pytest.raises(TelegramBadRequest, match="administrator approval"):
        await bot.create_chat_invite_link(chat_id, member_limit=5, creates_join_request=True)
    with pytest.raises(TelegramBadRequest, match="MEMBER_LIMIT_INVALID"):
        await bot.create_chat_invite_link(chat_id, member_limit=100_000)
    without_right, _, _ = await _group(control, rights={"can_invite_users": False})
    with pytest.raises(TelegramBadRequest, match="not enough rights"):
        await bot.create_chat_invite_link(without_right, name="v1·douyin")


async def test_a_member_limit_lets_that_many_in(bot: Bot, control: EmulatorClient) -> None:
    chat_id, _, fan = await _group(control)
    other = await control.create_user("Cy")
    link = await bot.create_chat_invite_link(chat_id, member_limit=1)
    await control.join_by_link(chat_id, fan, link.invite_link)
    with pytest.raises(EmulatorControlError, match="USERS_TOO_MUCH"):
        await control.join_by_link(chat_id, other["id"], link.invite_link)


async def test_a_link_needing_approval_carries_through_the_request(
    bot: Bot, control: EmulatorClient
) -> None:
    chat_id, _, fan = await _group(control)
    await bot.get_updates(allowed_updates=["chat_member", "chat_join_request"])
    link = await bot.create_chat_invite_link(chat_id, name="ask", creates_join_request=True)
    await control.join_by_link(chat_id, fan, link.invite_link)
    (request,) = [u for u in await control.pending_updates() if "chat_join_request" in u]
    assert request["chat_join_request"]["invite_link"]["invite_link"] == link.invite_link
    await bot.approve_chat_join_request(chat_id, fan)
    (join,) = await _joins(control)
    assert join["invite_link"]["invite_link"] == link.invite_link
    assert join["via_join_request"] is True


async def test_links_lead_to_the_supergroup_after_an_upgrade(
    bot: Bot, control: EmulatorClient
) -> None:
    chat_id, owner, fan = await _group(control, kind="group")
    link = await bot.create_chat_invite_link(chat_id, name="v3·kuaishou")
    upgraded = await control.migrate_group(chat_id, owner)
    new_id = int(upgraded["chat"]["id"])
    await bot.get_updates(allowed_updates=["chat_member"])
    await control.join_by_link(new_id, fan, link.invite_link)
    (join,) = await _joins(control)
    assert join["chat"]["id"] == new_id
    assert join["invite_link"]["invite_link"] == link.invite_link
