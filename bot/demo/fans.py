"""Demo chapter: a fan who reads Traditional Chinese starts the bot in private and asks what it
holds about her; every answer is in her language."""

from __future__ import annotations

import html
import re

from bot.demo.community import Community, Narrate
from bot.demo.process import bot_messages, wait_until_delivered
from bot.emulator.client import EmulatorClient

TAG = re.compile(r"<[^>]+>")


async def fan_asks_for_her_data(
    client: EmulatorClient, community: Community, bot_id: int, say: Narrate
) -> None:
    fan = next(fan for fan in community.fans if fan.get("language_code") == "zh-hant")
    private = fan["id"]
    say("")
    say(f"A fan who reads Traditional Chinese ({fan['first_name']}) asks what the bot holds:")
    for command in ("start", "mydata"):
        seen = len(await bot_messages(client, private, bot_id))
        await client.send_command(private, private, command)
        await wait_until_delivered(client)
        for message in (await bot_messages(client, private, bot_id))[seen:]:
            shown = str(message.get("text") or message.get("caption") or "")
            first = html.unescape(TAG.sub("", shown)).splitlines()
            say(f"  /{command} -> {first[0] if first else '(a file)'}")
