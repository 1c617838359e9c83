"""Demo chapter: the operator subscribes to the main group's digest and asks for today's from
private chat; the bot process renders and sends it (text and chart), and the demo reads both
back from the emulator and writes them to a folder."""

from __future__ import annotations

import html
import re
from pathlib import Path

from bot.demo.community import Community, Narrate
from bot.demo.process import wait_until_delivered
from bot.emulator.client import EmulatorClient, Json
from bot.emulator.server import Emulator

OUTPUT_DIR = Path("demo-output")
TAG = re.compile(r"<[^>]+>")


async def _from_bot(client: EmulatorClient, chat_id: int, bot_id: int) -> list[Json]:
    return [m for m in await client.messages(chat_id) if m.get("from", {}).get("id") == bot_id]


async def _pick_group(client: EmulatorClient, private: int, bot_id: int, title: str) -> None:
    seen = len(await _from_bot(client, private, bot_id))
    await client.send_command(private, private, "groups")
    await wait_until_delivered(client)
    listing = (await _from_bot(client, private, bot_id))[seen]
    for row in listing["reply_markup"]["inline_keyboard"]:
        if title in row[0]["text"]:
            await client.click(private, listing["message_id"], private, row[0]["callback_data"])
            await wait_until_delivered(client)
            return
    raise RuntimeError(f"the operator's console does not list {title!r}")


async def deliver_digest(
    client: EmulatorClient, emulator: Emulator, community: Community, say: Narrate
) -> Path:
    """The operators' digest of the main group, as the bot sent it, written to OUTPUT_DIR."""
    bot_id = emulator.world.bot_id
    operator, group = community.operator, community.main_group
    private = operator["id"]
    say("")
    say(f"The day's numbers come to the operator ({operator['first_name']}), in private chat:")
    await _pick_group(client, private, bot_id, str(group["title"]))
    await client.send_command(private, private, "digest_subscribe")
    await wait_until_delivered(client)
    subscribed = (await _from_bot(client, private, bot_id))[-1]
    say(f"    fanpulse -> {operator['first_name']}: {_plain(str(subscribed.get('text', '')))}")
    seen = len(await _from_bot(client, private, bot_id))
    await client.send_command(private, private, "digest")
    await wait_until_delivered(client)
    sent = (await _from_bot(client, private, bot_id))[seen:]
    parts = [str(m["text"]) for m in sent if "text" in m]
    photos = [m for m in sent if "photo" in m]
    if not parts or not photos:
        raise RuntimeError("the bot did not send the digest text and chart")
    largest = max(photos[-1]["photo"], key=lambda size: size.get("width", 0))
    chart = emulator.world.files[largest["file_id"]].content
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    text_path, chart_path = OUTPUT_DIR / "digest.txt", OUTPUT_DIR / "digest.png"
    text_path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    chart_path.write_bytes(chart)
    for line in "\n".join(parts).splitlines():
        say(f"      {line}")
    say(f"  the bot sent {len(parts)} text part(s) and a {len(chart):,}-byte chart")
    say(f"  written to {OUTPUT_DIR.resolve()}: {text_path.name} (text), {chart_path.name} (chart)")
    return OUTPUT_DIR


def _plain(text: str) -> str:
    return html.unescape(TAG.sub("", text)).splitlines()[0]
