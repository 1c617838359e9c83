"""Demo chapter: the operator runs a giveaway among the simulated fans, set up step by step in
private chat (the guided /giveaway: prize typed, then taps). Fans press Enter (one of them three
times), the operator ends it early, the bot draws, announces the winners with the transcript, and
the demo re-runs the draw from that file with the standalone verifier."""

from __future__ import annotations

import asyncio
import json
import re
import time
from typing import Any

from bot.demo.community import Community, Narrate
from bot.demo.previews import tap_send
from bot.demo.process import wait_until_delivered
from bot.demo.taps import tap, type_line
from bot.domain import fairness
from bot.domain.giveaway_flow import QuickEnd, Rule
from bot.emulator.client import EmulatorClient, Json
from bot.emulator.server import Emulator
from handlers.callbacks import GiveawayFlowCb, GroupPickCb

COMMITMENT = re.compile(r"(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])")

PRIZE = "Signed poster"
WINNERS = 2


async def _bot_messages(client: EmulatorClient, chat_id: int, bot_id: int) -> list[Json]:
    return [m for m in await client.messages(chat_id) if m.get("from", {}).get("id") == bot_id]


async def _announcement(client: EmulatorClient, chat_id: int, bot_id: int) -> Json:
    for message in reversed(await _bot_messages(client, chat_id, bot_id)):
        for row in message.get("reply_markup", {}).get("inline_keyboard", []):
            if str(row[0].get("callback_data", "")).startswith("ge1:"):
                return message
    raise RuntimeError("the bot did not announce the giveaway with an Enter button")


async def run_giveaway(
    client: EmulatorClient, emulator: Emulator, community: Community, say: Narrate
) -> None:
    bot_id = emulator.world.bot_id
    group, operator = community.main_group, community.operator
    say("")
    say(f"A giveaway in {group['title']}, run by {operator['first_name']}:")
    await _set_up_step_by_step(client, group, operator["id"], bot_id, say)
    announced = await _announcement(client, group["id"], bot_id)
    data = announced["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    giveaway_id = data.split(":")[1]
    text = str(announced.get("text", ""))
    # The commitment is the one 64-digit hex word, whatever language the group reads.
    found = COMMITMENT.search(text)
    if found is None:
        raise RuntimeError(f"the announcement shows no seed commitment: {text!r}")
    commitment = found[0]
    say(f"    fanpulse announces giveaway #{giveaway_id}, seed commitment {commitment[:16]}…")
    presses = [*community.fans, community.fans[0], community.fans[0]]
    before = len(await client.calls("answerCallbackQuery"))
    for fan in presses:
        await client.click(group["id"], announced["message_id"], fan["id"], data)
    await wait_until_delivered(client)
    answered = len(await client.calls("answerCallbackQuery")) - before
    say(f"    {len(presses)} presses by {len(community.fans)} fans, {answered} answers")
    await client.send_command(group["id"], operator["id"], "giveaway_end", giveaway_id)
    await wait_until_delivered(client)
    transcript = await _published(client, emulator, group["id"], bot_id)
    result = fairness.verify(transcript, expect_digest=str(transcript["digest"]))
    say(
        f"    drawn: {len(result.winners)} winners among {len(transcript['entrants'])} entrants;"
        f" the transcript re-runs to the same winners: {'OK' if result.ok else 'MISMATCH'}"
    )
    if not result.ok or len(transcript["entrants"]) != len(community.fans):
        raise RuntimeError(f"the giveaway transcript does not verify: {result.problems}")
    member = fairness.membership(transcript, community.fans[0]["id"])
    say(f"    {community.fans[0]['first_name']} checks their own entry: {member.outcome}")


async def _set_up_step_by_step(
    client: EmulatorClient, group: Json, private: int, bot_id: int, say: Narrate
) -> None:
    """The guided /giveaway in the operator's private chat, each tap narrated."""
    pick = GroupPickCb(chat_id=group["id"]).pack()
    await client.send_command(private, private, "groups")
    await wait_until_delivered(client)
    title = await tap(client, private, bot_id, pick)
    say(f"    in private chat: /groups, taps {title!r}, then /giveaway with no arguments")
    await client.send_command(private, private, "giveaway")
    await wait_until_delivered(client)
    await type_line(client, private, PRIZE)
    steps = [
        ("winners", WINNERS),
        ("end", list(QuickEnd).index(QuickEnd.HOUR)),
        ("rule", list(Rule).index(Rule.MEMBER)),
        ("preview", 0),
    ]
    taps = []
    for act, value in steps:
        data = GiveawayFlowCb(chat_id=group["id"], act=act, value=value).pack()
        taps.append(await tap(client, private, bot_id, data))
    say(f"    types the prize ({PRIZE}), taps " + " → ".join(repr(tap) for tap in taps))
    await tap_send(client, private, bot_id, private)
    say("    the preview is the announcement, sent by no one but the operator: they tap Send")


async def _published(
    client: EmulatorClient, emulator: Emulator, chat_id: int, bot_id: int, timeout: float = 30
) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in reversed(await _bot_messages(client, chat_id, bot_id)):
            document = message.get("document")
            if document is not None and "transcript" in str(document.get("file_name", "")):
                data: dict[str, Any] = json.loads(emulator.world.files[document["file_id"]].content)
                return data
        await asyncio.sleep(0.2)
    raise RuntimeError("the bot did not publish the draw's transcript")
