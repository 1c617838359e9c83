"""Demo chapter: the operator registers three videos and announces one; fans talk about them
(#v codes, a reply to the announcement) and their comments are linked; the operator sends the
platform numbers as a GBK-encoded CSV from a Chinese spreadsheet (with a bad row, reported) and a
UTF-8 file of the next day, types one more row, and reads the first video's report card, whose
text and chart are written to demo-output/."""

from __future__ import annotations

import asyncio
import csv
import html
import io
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.demo.community import Community, Narrate
from bot.demo.process import wait_until_delivered
from bot.emulator.client import EmulatorClient, Json
from bot.emulator.server import Emulator

OUTPUT_DIR = Path("demo-output")
ANSWER_TIMEOUT_S = 60
TAG = re.compile(r"<[^>]+>")
CODE = re.compile(r"\bv\d+\b")
VIDEOS = [
    ("https://www.douyin.com/video/7301234567890123456", "猫咪的一天 A day of the cats"),
    ("https://www.bilibili.com/video/BV1xx411c7mD", "城市夜景延时摄影"),
    ("https://youtu.be/dQw4w9WgXcQ", "Behind the scenes"),
]
COMMENTS = [  # (index of the video, text with {code})
    (0, "#{code} 太可爱了！猫咪的表情绝了"),
    (0, "#{code} the music is too loud, I could not hear the cats"),
    (1, "#{code} 夜景拍得太美了，求教程"),
    (2, "#{code} love the behind-the-scenes, more please"),
]
REPLY = "这期剪辑节奏很棒，期待下一期"


def _plain(text: str) -> str:
    return html.unescape(TAG.sub("", text))


async def _from_bot(client: EmulatorClient, chat_id: int, bot_id: int) -> list[Json]:
    return [m for m in await client.messages(chat_id) if m.get("from", {}).get("id") == bot_id]


@dataclass(frozen=True)
class _Desk:
    """The operator at the group: sends commands and reads what the bot answered."""

    client: EmulatorClient
    bot_id: int
    chat_id: int
    user_id: int

    async def bot_messages(self) -> list[Json]:
        return await _from_bot(self.client, self.chat_id, self.bot_id)

    async def command(self, command: str, args: str, *, photo: bool = False) -> list[Json]:
        """The bot's answers to a command. With `photo`, until one of them is a picture: an
        update still drawing after a few seconds is confirmed (parked) before it answers."""
        seen = len(await self.bot_messages())
        await self.client.send_command(self.chat_id, self.user_id, command, args)
        await wait_until_delivered(self.client)
        deadline = time.monotonic() + ANSWER_TIMEOUT_S
        answers = (await self.bot_messages())[seen:]
        while photo and not any("photo" in m for m in answers) and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
            answers = (await self.bot_messages())[seen:]
        return answers

    async def document(self, content: bytes, name: str, caption: str) -> list[Json]:
        seen = len(await self.bot_messages())
        await self.client.inject_message(
            self.chat_id,
            self.user_id,
            caption=caption,
            document=content,
            file_name=name,
            mime_type="text/csv",
        )
        await wait_until_delivered(self.client)
        return (await self.bot_messages())[seen:]


def numbers_file(codes: list[str], yesterday: str, before: str) -> bytes:
    """What a Chinese spreadsheet exports: GBK, Chinese headers, 万 units, one bad row."""
    rows = [
        ["视频编号", "平台", "日期", "播放量", "点赞", "评论", "收藏", "分享"],
        [codes[0], "抖音", before, "1.2万", "860", "41", "95", "12"],
        [codes[0], "抖音", yesterday, "2.35万", "1,720", "88", "190", "31"],
        [codes[0], "B站", yesterday, "4,210", "233", "19", "71", "6"],
        [codes[1], "B站", before, "3,300", "402", "35", "260", "22"],
        [codes[1], "B站", yesterday, "5,120", "611", "52", "398", "37"],
        [codes[1], "抖音", yesterday, "-30", "1", "1", "1", "1"],  # refused: negative
        ["v99", "快手", yesterday, "100", "1", "1", "1", "1"],  # refused: unknown video
    ]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("gbk")


def corrected_file(codes: list[str], yesterday: str) -> bytes:
    """The next export, in English and UTF-8: one row changed, one the same."""
    return (
        "video;platform;date;plays;likes;comments;favourites;shares\n"
        f"{codes[0]};douyin;{yesterday};23500;1750;90;192;31\n"
        f"{codes[1]};bilibili;{yesterday};5120;611;52;398;37\n"
    ).encode()


async def run_videos(
    client: EmulatorClient, emulator: Emulator, community: Community, say: Narrate
) -> Path:
    group, operator = community.main_group, community.operator
    desk = _Desk(client, emulator.world.bot_id, group["id"], operator["id"])
    name = operator["first_name"]
    say("")
    say("Videos: registered, talked about, measured:")
    codes = []
    for link, title in VIDEOS:
        sent = await desk.command("video_add", f"{link} | {title}")
        found = CODE.search(_plain(sent[-1].get("text", ""))) if sent else None
        if found is None:
            raise RuntimeError(f"the bot did not register {link}")
        codes.append(found.group())
        say(f"  {name}: /video_add {link} | {title}  ->  {codes[-1]}")
    announced = await desk.command("video_announce", codes[0])
    announcement = next((m for m in announced if codes[0] in _plain(m.get("text", ""))), None)
    say(f"  {name}: /video_announce {codes[0]} (the bot posts it in the group)")
    for (index, text), fan in zip(COMMENTS, community.fans, strict=False):
        line = text.format(code=codes[index])
        await client.send_text(group["id"], fan["id"], line)
        say(f"  [{group['title']}] {fan['first_name']}: {line}")
    if announcement is not None:
        fan = community.fans[len(COMMENTS)]
        await client.send_text(
            group["id"], fan["id"], REPLY, reply_to_message_id=announcement["message_id"]
        )
        say(f"  [{group['title']}] {fan['first_name']} (replying to the announcement): {REPLY}")
    await wait_until_delivered(client)
    await _import_numbers(desk, name, codes, say)
    return await _report(desk, emulator, name, codes[0], say)


async def _import_numbers(desk: _Desk, name: str, codes: list[str], say: Narrate) -> None:
    today = datetime.now(UTC).date()
    yesterday, before = (today - timedelta(days=1)).isoformat(), (today - timedelta(days=2))
    shown_before = f"{before.year}年{before.month}月{before.day}日"
    files = [
        ("抖音B站数据.csv", numbers_file(codes, yesterday.replace("-", "/"), shown_before),
         "a GBK-encoded CSV exported from a Chinese spreadsheet"),
        ("numbers-corrected.csv", corrected_file(codes, yesterday),
         "the corrected export, in English and UTF-8, semicolon-separated"),
    ]  # fmt: skip
    for file_name, content, what in files:
        sent = await desk.document(content, file_name, "/video_stats")
        say(f"  {name} sends {what} ({file_name}) with the caption /video_stats:")
        for message in sent:
            for line in _plain(message.get("text", "")).splitlines():
                say(f"    {line}")
    numbers = "plays=8800 likes=640 comments=57 favourites=80 shares=25"
    args = f"{codes[2]} youtube {yesterday} {numbers}"
    typed = await desk.command("video_stats", args)
    say(f"  {name}: /video_stats {args}")
    for message in typed:
        say(f"    {_plain(message.get('text', '')).splitlines()[-1]}")


async def _report(desk: _Desk, emulator: Emulator, name: str, code: str, say: Narrate) -> Path:
    sent = await desk.command("video", code, photo=True)
    texts = [_plain(m["text"]) for m in sent if "text" in m]
    photos = [m for m in sent if "photo" in m]
    if not texts or not photos:
        raise RuntimeError(f"the bot sent no report card for {code}")
    say(f"  {name}: /video {code}")
    for line in "\n".join(texts).splitlines():
        say(f"    {line}")
    largest = max(photos[-1]["photo"], key=lambda size: size.get("width", 0))
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    text_path, chart_path = OUTPUT_DIR / "video.txt", OUTPUT_DIR / "video.png"
    text_path.write_text("\n".join(texts) + "\n", encoding="utf-8")
    chart_path.write_bytes(emulator.world.files[largest["file_id"]].content)
    say(f"  written to {OUTPUT_DIR.resolve()}: {text_path.name} (card), {chart_path.name} (chart)")
    return OUTPUT_DIR
