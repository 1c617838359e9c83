"""/video_links' buttons through the emulator: Rename asks for the new name by a reply and
renames the link at Telegram; Revoke asks first, closes the link and keeps its history; a
link survives a group -> supergroup upgrade, joins before and after counted for it."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.emulator.client import EmulatorClient, EmulatorControlError, Json
from bot.emulator.server import Emulator
from tests.video_links.support import EmulatedGroup, emulated_group
from tests.video_links.test_attribution import make_link, register_videos


def buttons(message: Json) -> dict[str, str]:
    """Button text -> callback data."""
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return {button["text"]: button["callback_data"] for row in rows for button in row}


async def card(fans: EmulatedGroup, user: Json | None = None) -> Json:
    await fans.command(user or fans.owner, "/video_links")
    return (await fans.bot_messages())[-1]


async def test_revoke_asks_first_then_stops_counting_and_keeps_the_history(
    fans: EmulatedGroup,
) -> None:
    await register_videos(fans)
    link = await make_link(fans, "/video_link v1 douyin")
    await fans.join_by_link(await fans.fan("Ann"), link)
    shown = await card(fans)
    await fans.tap(fans.owner, shown, buttons(shown)["⛔ v1·douyin"])
    (question,) = [m for m in await fans.bot_messages() if m["message_id"] == shown["message_id"]]
    assert question["text"].startswith("Revoke <b>v1·douyin</b>? Nobody can join")
    assert (await fans.control.invite_links(fans.chat_id))[0]["is_revoked"] is False
    await fans.tap(fans.owner, question, buttons(question)["Yes, revoke"])
    (after,) = [m for m in await fans.bot_messages() if m["message_id"] == shown["message_id"]]
    assert after["text"].startswith("⛔ Revoked <b>v1·douyin</b>; its join stays")
    assert "<b>v1·douyin</b> · v1 New song · Douyin · 1 joined · revoked" in after["text"]
    assert buttons(after) == {}
    assert (await fans.control.invite_links(fans.chat_id))[0]["is_revoked"] is True
    with pytest.raises(EmulatorControlError, match="INVITE_HASH_EXPIRED"):
        await fans.control.join_by_link(fans.chat_id, int((await fans.fan("Bo"))["id"]), link)
    # A join Telegram reports through the link after all (a request approved late) is not the
    # video's any more: it counts as another link's.
    late = await fans.fan("Cy")
    await asyncio.sleep(1.1)  # Telegram's dates are whole seconds: a second after the revoke
    await fans.control.inject_raw(late_join(fans, late, link))
    await fans.settle()
    text = (await card(fans))["text"]
    assert "Douyin · 1 joined · revoked" in text
    assert "3 people joined — 1 through video links, 1 through other links, 1 without" not in text
    assert "2 people joined — 1 through video links, 1 through other links, 0 without" in text


def late_join(fans: EmulatedGroup, person: Json, link: str) -> dict[str, Any]:
    bot = fans.emulator.world.bot_user().model_dump(exclude_none=True)
    user = {k: v for k, v in person.items() if k in ("id", "is_bot", "first_name")}
    return {
        "chat_member": {
            "chat": {"id": fans.chat_id, "type": "supergroup", "title": "Fans"},
            "from": user,
            "date": int(time.time()),
            "old_chat_member": {"status": "left", "user": user},
            "new_chat_member": {"status": "member", "user": user},
            "invite_link": {
                "invite_link": link,
                "creator": bot,
                "creates_join_request": True,
                "is_primary": False,
                "is_revoked": True,
            },
            "via_join_request": True,
        }
    }


async def test_rename_asks_for_a_reply_and_renames_the_link_at_telegram(
    fans: EmulatedGroup,
) -> None:
    await register_videos(fans)
    await make_link(fans, "/video_link v2 youtube")
    shown = await card(fans)
    await fans.tap(fans.owner, shown, buttons(shown)["✏️ v2·youtube"])
    prompt = (await fans.bot_messages())[-1]
    assert prompt["text"].startswith("✏️ Reply to this message with the new name for <b>v2·")
    asked = (await fans.control.calls("sendMessage"))[-1]["params"]
    assert asked["reply_markup"] == {"force_reply": True, "selective": True}
    too_long = "x" * 33
    await fans.say(fans.owner, too_long, reply_to_message_id=prompt["message_id"])
    assert "longer than the 32 characters" in (await fans.bot_messages())[-1]["text"]
    await fans.say(fans.owner, "  v2 · 油管 简介 ", reply_to_message_id=prompt["message_id"])
    assert (await fans.bot_messages())[-1]["text"] == (
        "✏️ The link of v2 is now called <b>v2 · 油管 简介</b>."
    )
    (link,) = await fans.control.invite_links(fans.chat_id)
    assert link["name"] == "v2 · 油管 简介"
    assert (
        "<b>v2 · 油管 简介</b> · v2 Dance cover · YouTube · 0 joined" in (await card(fans))["text"]
    )
    # The question is answered: a later reply to the prompt renames nothing.
    await fans.say(fans.owner, "again", reply_to_message_id=prompt["message_id"])
    assert (await fans.control.invite_links(fans.chat_id))[0]["name"] == "v2 · 油管 简介"


async def test_a_fan_sees_no_card_and_a_forwarded_tap_changes_nothing(
    fans: EmulatedGroup,
) -> None:
    await register_videos(fans)
    await make_link(fans, "/video_link v1 douyin")
    shown = await card(fans)
    fan = await fans.fan("Eve")
    await fans.join(fan)
    await fans.tap(fan, shown, buttons(shown)["⛔ v1·douyin"])
    await fans.tap(fan, shown, buttons(shown)["⛔ v1·douyin"].replace(":revoke", ":revoke-yes"))
    assert (await fans.control.invite_links(fans.chat_id))[0]["is_revoked"] is False


async def test_a_link_counts_across_the_upgrade_to_a_supergroup(
    emulator: Emulator,
    control: EmulatorClient,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    small = await emulated_group(emulator, control, session_factory, kind="group")
    try:
        await register_videos(small)
        link = await make_link(small, "/video_link v1 kuaishou")
        await small.join_by_link(await small.fan("Ann"), link)
        upgraded = await control.migrate_group(small.chat_id, int(small.owner["id"]))
        await small.settle()
        small.group = upgraded["chat"]
        await small.join_by_link(await small.fan("Bo"), link)
        text = (await card(small))["text"]
        assert "<b>v1·kuaishou</b> · v1 New song · Kuaishou · 2 joined" in text
        assert "2 people joined — 2 through video links, 0 through other links" in text
    finally:
        await small.bot.session.close()
