"""A fan's /feedback in a group is acknowledged with a reaction, by the real bot process."""

from __future__ import annotations

import pytest

from bot.demo.process import wait_until_delivered
from tests.support.e2e import World

pytestmark = pytest.mark.e2e


async def test_feedback_in_a_group_gets_the_bots_reaction_and_no_message(world: World) -> None:
    fan = world.fans[0]
    sent = await world.client.send_command(
        world.group["id"], fan["id"], "feedback", "希望出一期新手教程"
    )
    message_id = sent["message"]["message_id"]
    bot = world.bot()
    await bot.start()
    await bot.wait_ready(world.client, "getUpdates")
    await wait_until_delivered(world.client)
    assert await bot.stop() == 0

    reactions = await world.client.calls("setMessageReaction")
    assert [call["ok"] for call in reactions] == [True]
    assert reactions[0]["params"]["message_id"] == message_id
    chat = await world.client.chat(world.group["id"])
    assert chat["bot_reactions"] == {str(message_id): ["👍"]}
    # The acknowledgement is the reaction alone: the group's chat gets no message from the bot.
    assert await world.client.calls("sendMessage") == []
