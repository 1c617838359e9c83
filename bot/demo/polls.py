"""Demo chapter: fans suggest topics, the operator turns three of the most requested into a poll
from private chat with the guided /poll (the question typed, the ideas picked by taps), fans vote
through the emulator (one changes their mind, one takes the vote back), the bot's clock closes
the poll at its deadline and posts the results message and chart in the group; the demo reads
both back from the emulator into a folder."""

from __future__ import annotations

import asyncio
import html
import re
import time
from pathlib import Path

from bot.demo.community import Community, Narrate
from bot.demo.digest import _pick_group
from bot.demo.previews import tap_send
from bot.demo.process import wait_until_delivered
from bot.demo.taps import label_now, tap, type_line
from bot.emulator.client import EmulatorClient, Json
from bot.emulator.server import Emulator
from handlers.callbacks import PollFlowCb
from handlers.poll_flow_steps import ANONYMOUS, TOGGLED

OUTPUT_DIR = Path("demo-output")
TAG = re.compile(r"<[^>]+>")
IDEAS = [
    "下期拍猫咪的一天吧",
    "想看猫咪的一天",
    "next video about street food please",
    "#选题 猫咪的一天",
    "please cover street food",
    "想看开箱评测",
]
QUESTION = "下期拍什么？· Which video next?"
CLOSE_AFTER = "20s"
RESULTS_TIMEOUT = 60.0


async def _from_bot(client: EmulatorClient, chat_id: int, bot_id: int) -> list[Json]:
    return [m for m in await client.messages(chat_id) if m.get("from", {}).get("id") == bot_id]


async def run_topic_poll(
    client: EmulatorClient, emulator: Emulator, community: Community, say: Narrate
) -> Path:
    bot_id = emulator.world.bot_id
    group, operator = community.main_group, community.operator
    say("")
    say("Fans suggest topics for the next video:")
    for fan, idea in zip(community.fans, IDEAS, strict=False):
        await client.send_text(group["id"], fan["id"], idea)
        say(f"  [{group['title']}] {fan['first_name']}: {idea}")
    await wait_until_delivered(client)
    in_group = len(await _from_bot(client, group["id"], bot_id))
    await _set_up_step_by_step(client, group, operator, bot_id, say)
    polls = [m for m in (await _from_bot(client, group["id"], bot_id))[in_group:] if "poll" in m]
    if not polls:
        raise RuntimeError("the bot did not send the topic poll")
    poll = polls[-1]["poll"]
    options = [option["text"] for option in poll["options"]]
    say(f"  in the group, closing in {CLOSE_AFTER}: {poll['question']} {options}")
    await _vote(client, community, poll["id"], len(options), say)
    results, chart = await _results(client, emulator, group["id"], bot_id, in_group)
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    text_path, chart_path = OUTPUT_DIR / "poll-results.txt", OUTPUT_DIR / "poll.png"
    text_path.write_text(results + "\n", encoding="utf-8")
    chart_path.write_bytes(chart)
    say("  the deadline passes; the bot's clock closes the poll and posts in the group:")
    for line in results.splitlines():
        say(f"      {line}")
    say(f"  and a {len(chart):,}-byte chart; written to {OUTPUT_DIR.resolve()}: {chart_path.name}")
    return chart_path


async def _set_up_step_by_step(
    client: EmulatorClient, group: Json, operator: Json, bot_id: int, say: Narrate
) -> None:
    """The guided /poll in the operator's private chat, as they would go through it: the
    question typed, three of the group's topic ideas picked, the vote made public, opened now,
    closed after CLOSE_AFTER; each tap narrated."""
    private = operator["id"]

    def button(act: str, value: int = 0) -> str:
        return PollFlowCb(chat_id=group["id"], act=act, value=value).pack()

    await _pick_group(client, private, bot_id, str(group["title"]))
    say(f"  {operator['first_name']}, in private chat: /groups, picks {group['title']!r}, /poll")
    await client.send_command(private, private, "poll")
    await wait_until_delivered(client)
    await type_line(client, private, QUESTION)
    say(f"    types the question: {QUESTION}")
    ideas = await tap(client, private, bot_id, button("ideas"))
    picked = [await tap(client, private, bot_id, button("idea", index)) for index in range(3)]
    say(f"    taps {ideas!r} and picks three: " + ", ".join(repr(idea) for idea in picked))
    done = [await tap(client, private, bot_id, button(act)) for act in ("ideas-done", "done")]
    anonymous = button("toggle", TOGGLED.index(ANONYMOUS))
    await tap(client, private, bot_id, anonymous)
    public = await label_now(client, private, bot_id, anonymous)
    then = [await tap(client, private, bot_id, button(act)) for act in ("next", "start")]
    say(
        "    taps " + " → ".join(repr(label) for label in done)
        + f", turns anonymity off ({public!r}), taps "
        + " → ".join(repr(label) for label in then)
    )  # fmt: skip
    await type_line(client, private, CLOSE_AFTER)
    say(f"    types when it closes: {CLOSE_AFTER}")
    await tap_send(client, private, bot_id, private)
    say("    the bot shows the poll's preview in private; they tap Send")


async def _vote(
    client: EmulatorClient, community: Community, poll_id: str, options: int, say: Narrate
) -> None:
    fans = community.fans
    for index, fan in enumerate(fans):
        await client.vote(poll_id, fan["id"], [0 if index % 3 else min(1, options - 1)])
    await client.vote(poll_id, fans[1]["id"], [options - 1])  # changes their mind
    await client.vote(poll_id, fans[2]["id"], [])  # takes the vote back
    await wait_until_delivered(client)
    state = (await client.poll(poll_id))["poll"]
    say(
        f"  {len(fans)} fans vote; {fans[1]['first_name']} changes their vote, "
        f"{fans[2]['first_name']} retracts: {state['total_voter_count']} voters"
    )


async def _results(
    client: EmulatorClient, emulator: Emulator, chat_id: int, bot_id: int, since: int
) -> tuple[str, bytes]:
    deadline = time.monotonic() + RESULTS_TIMEOUT
    while time.monotonic() < deadline:
        sent = (await _from_bot(client, chat_id, bot_id))[since:]
        texts = [str(m["text"]) for m in sent if "text" in m]
        photos = [m for m in sent if "photo" in m]
        if texts and photos:
            largest = max(photos[-1]["photo"], key=lambda size: size.get("width", 0))
            return _plain(texts[-1]), emulator.world.files[largest["file_id"]].content
        await asyncio.sleep(0.5)
    raise RuntimeError("the poll was not closed with a results message in time")


def _plain(text: str) -> str:
    return html.unescape(TAG.sub("", text))
