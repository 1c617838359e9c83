"""Demo chapter: fans' feedback in two languages is tagged as it arrives (a tag the operator
creates with /tag_new included), the operator asks a question with /ask and fans' replies are
tagged with its topic; then the operator works the inbox from private chat (a page, the Older
button, a filter, counts per tag) and exports the set, read back into demo-output/."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from bot.demo.community import Community, Narrate
from bot.demo.digest import _pick_group
from bot.demo.process import wait_until_delivered
from bot.emulator.client import EmulatorClient, Json
from bot.emulator.server import Emulator

OUTPUT_DIR = Path("demo-output")
TAG = re.compile(r"<[^>]+>")
NEW_TAG = "wish 想要, 想看, would love, #wish"
FEEDBACK = [
    "字幕有问题，建议加个英文字幕",
    "視頻又閃退了，問題還在",  # Traditional Chinese: matched like Simplified
    "I would love a behind-the-scenes video",
    "the sound lags behind the picture, please fix this bug",
    "太棒了！剪辑超级用心",
    "ＢＵＧ：播放到一半黑屏",  # full-width letters
    "我想要看猫咪的一天 #wish",
    "amazing editing, love it",
]
QUESTION = "topic_idea 下期视频拍什么？ What should the next video be about?"
ANSWERS = ["城市夜景延时摄影", "a day in the life of the cats"]


async def _from_bot(client: EmulatorClient, chat_id: int, bot_id: int) -> list[Json]:
    return [m for m in await client.messages(chat_id) if m.get("from", {}).get("id") == bot_id]


def _plain(text: str) -> str:
    return html.unescape(TAG.sub("", text))


async def run_feedback(
    client: EmulatorClient, emulator: Emulator, community: Community, say: Narrate
) -> Path:
    bot_id = emulator.world.bot_id
    group, operator = community.main_group, community.operator
    private = operator["id"]
    say("")
    say("Feedback, tagged as it arrives:")
    await client.send_command(group["id"], operator["id"], "tag_new", NEW_TAG)
    await wait_until_delivered(client)
    say(f"  {operator['first_name']} adds a tag in the group: /tag_new {NEW_TAG}")
    for fan, text in zip(community.fans, FEEDBACK, strict=False):
        await client.send_text(group["id"], fan["id"], text)
        say(f"  [{group['title']}] {fan['first_name']}: {text}")
    await wait_until_delivered(client)
    await _ask(client, community, bot_id, say)
    await _pick_group(client, private, bot_id, str(group["title"]))
    await _inbox(client, private, bot_id, say)
    return await _export(client, emulator, private, bot_id, say)


async def _ask(client: EmulatorClient, community: Community, bot_id: int, say: Narrate) -> None:
    group, operator = community.main_group, community.operator
    seen = len(await _from_bot(client, group["id"], bot_id))
    await client.send_command(group["id"], operator["id"], "ask", QUESTION)
    await wait_until_delivered(client)
    posted = (await _from_bot(client, group["id"], bot_id))[seen:]
    if not posted:
        raise RuntimeError("the bot did not post the /ask question")
    question = posted[-1]
    asked = _plain(str(question["text"])).splitlines()[0]
    say(f"  {operator['first_name']} asks the fans (/ask): {asked}")
    for fan, answer in zip(reversed(community.fans), ANSWERS, strict=False):
        await client.send_text(
            group["id"], fan["id"], answer, reply_to_message_id=question["message_id"]
        )
        say(f"    {fan['first_name']} replies: {answer}  (tagged #topic_idea)")
    await wait_until_delivered(client)


async def _inbox(client: EmulatorClient, private: int, bot_id: int, say: Narrate) -> None:
    say("  the operator opens the inbox from private chat (/inbox):")
    seen = len(await _from_bot(client, private, bot_id))
    await client.send_command(private, private, "inbox")
    await wait_until_delivered(client)
    sent = (await _from_bot(client, private, bot_id))[seen:]
    if not sent:
        raise RuntimeError("the bot did not answer /inbox")
    page = sent[-1]
    for line in _plain(str(page["text"])).splitlines():
        say(f"      {line}")
    buttons = [b for row in page.get("reply_markup", {}).get("inline_keyboard", []) for b in row]
    if buttons:
        await client.click(private, page["message_id"], private, buttons[-1]["callback_data"])
        await wait_until_delivered(client)
        edited = next(
            m for m in await client.messages(private) if m["message_id"] == page["message_id"]
        )
        title = _plain(str(edited["text"])).splitlines()[0]
        say(f"  presses “{buttons[-1]['text']}”; the same message now shows {title}")
    for command, args in (("inbox", "#bug"), ("inbox_counts", "7d")):
        seen = len(await _from_bot(client, private, bot_id))
        await client.send_command(private, private, command, args)
        await wait_until_delivered(client)
        answer = _plain(str((await _from_bot(client, private, bot_id))[seen:][-1]["text"]))
        say(f"  /{command} {args}:")
        shown = answer.splitlines() if command == "inbox_counts" else answer.splitlines()[:1]
        for line in shown:
            say(f"      {line}")


async def _export(
    client: EmulatorClient, emulator: Emulator, private: int, bot_id: int, say: Narrate
) -> Path:
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for kind in ("csv", "json"):
        seen = len(await _from_bot(client, private, bot_id))
        await client.send_command(private, private, "export", kind)
        await wait_until_delivered(client)
        documents = [
            m for m in (await _from_bot(client, private, bot_id))[seen:] if "document" in m
        ]
        if not documents:
            raise RuntimeError(f"the bot did not send the {kind} export")
        content = emulator.world.files[documents[-1]["document"]["file_id"]].content
        path = OUTPUT_DIR / f"feedback.{kind}"
        path.write_bytes(content)
        written.append(path)
        caption = _plain(str(documents[-1].get("caption", "")))
        say(f"  /export {kind}: {caption} {len(content):,} bytes -> {path}")
    rows = json.loads(written[-1].read_text(encoding="utf-8"))["items"]
    for row in rows[:4]:
        say(f"      {', '.join(row['tags']) or '-':<22} {row['sentiment']:<8} {row['text']}")
    say(f"  written to {OUTPUT_DIR.resolve()}: {', '.join(p.name for p in written)}")
    return written[0]
