"""A simulated fan community: two groups, operators, and fans who write in English and Chinese."""

from __future__ import annotations

import random
import struct
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.emulator.client import EmulatorClient, Json

Narrate = Callable[[str], None]

FANS = [
    ("林小雨", "zh-hans"),
    ("Ava", "en"),
    ("王浩", "zh-hans"),
    ("Mateo", "es"),
    ("陈思思", "zh-hans"),
    ("Noah", "en"),
    ("刘洋", "zh-hans"),
    ("Priya", "en"),
    ("赵敏", "zh-hant"),
    ("Kenji", "ja"),
]

TALK = [
    "下一期拍猫咪吧！",
    "More behind-the-scenes please 🙏",
    "剪辑节奏太快了，有点看不清",
    "the audio is too quiet in the last video",
    "#建议 出一期新手教程",
    "love this series ❤️",
    "字幕有错别字，第二分钟那里",
    "when is the next live?",
    "这期的配乐是什么歌？",
    "bug: the link in the description is broken",
    "請問下次直播是什麼時候？",
    "Could you review budget cameras next?",
    "好评！画质越来越好了",
    "吐槽一下，广告有点多",
    "The thumbnail was so good I clicked instantly",
    "选题建议：挑战一周只吃早餐店",
]


@dataclass
class Community:
    creator: Json
    operator: Json
    fans: list[Json]
    main_group: Json
    second_group: Json
    channel: Json
    said: list[tuple[str, str, str]] = field(default_factory=list)


async def build_community(emulator: EmulatorClient) -> Community:
    creator = await emulator.create_user(
        "Mei", last_name="(creator)", username="mei_creates", language_code="zh-hans", started=True
    )
    operator = await emulator.create_user(
        "Alex", last_name="(operator)", username="alex_ops", language_code="en", started=True
    )
    fans = [
        await emulator.create_user(name, language_code=language, started=index % 3 == 0)
        for index, (name, language) in enumerate(FANS)
    ]
    fan_ids = [fan["id"] for fan in fans]
    channel = await emulator.create_chat(
        "channel",
        title="Mei Creates 官方频道",
        username="mei_creates_channel",
        owner_id=creator["id"],
    )
    main_group = await emulator.create_chat(
        "supergroup",
        title="Mei 的粉丝群 · Mei's fans",
        owner_id=creator["id"],
        member_ids=[operator["id"], *fan_ids],
        linked_chat_id=channel["id"],
    )
    await emulator.set_member(main_group["id"], operator["id"], "administrator", emit=False)
    second_group = await emulator.create_chat(
        "supergroup",
        title="Mei Creates · EN community",
        owner_id=creator["id"],
        member_ids=[operator["id"], *fan_ids[1::2]],
    )
    return Community(creator, operator, fans, main_group, second_group, channel)


async def simulate_chatter(
    emulator: EmulatorClient,
    community: Community,
    narrate: Narrate,
    *,
    messages: int = 40,
    seed: int = 2026,
    pause: Callable[[], Awaitable[None]] | None = None,
) -> int:
    """Fans talk in both groups; returns how many messages were sent (edits not counted)."""
    rng = random.Random(seed)
    sent = 0
    groups = [community.main_group, community.second_group]
    last: dict[int, Json] = {}
    for step in range(messages):
        group = groups[0] if step % 4 else groups[1]
        fan = rng.choice(community.fans)
        text = rng.choice(TALK)
        reply_to = last.get(group["id"]) if step % 7 == 3 else None
        update = await emulator.send_text(
            group["id"],
            fan["id"],
            text,
            reply_to_message_id=reply_to["message_id"] if reply_to else None,
        )
        message = update["message"]
        last[group["id"]] = message
        sent += 1
        narrate(f"  [{group['title']}] {fan['first_name']}: {text}")
        if pause is not None:
            await pause()
    return sent


async def simulate_special_cases(
    emulator: EmulatorClient, community: Community, narrate: Narrate
) -> int:
    """What a real group also sees: edits, media, admins posting anonymously, the linked channel."""
    group = community.main_group
    fan = community.fans[0]
    sent = 0
    typo = await emulator.send_text(group["id"], fan["id"], "下期能拍vlog吗")
    sent += 1
    await emulator.edit_message(
        group["id"], typo["message"]["message_id"], "下期能拍旅行 vlog 吗？"
    )
    narrate(f"  [{group['title']}] {fan['first_name']} edits a message (the old text is kept)")
    await emulator.inject_message(
        group["id"], community.fans[1]["id"], photo=tiny_png(), caption="my fan art! #praise"
    )
    sent += 1
    narrate(f"  [{group['title']}] {community.fans[1]['first_name']} posts a photo with a caption")
    await emulator.send_text(
        group["id"], None, "群规：请友善交流 · Be kind", sender="anonymous_admin"
    )
    sent += 1
    narrate(f"  [{group['title']}] an anonymous admin posts the rules (attributed to the group)")
    await emulator.inject_message(
        group["id"],
        None,
        text="新视频上线啦！New video is live 🎬",
        sender="automatic_forward",
        sender_chat_id=community.channel["id"],
    )
    sent += 1
    narrate(f"  [{group['title']}] the linked channel's post is forwarded into the group")
    newcomer = await emulator.create_user("Zoe", language_code="en")
    await emulator.add_members(group["id"], [newcomer["id"]])
    sent += 1
    narrate(f"  [{group['title']}] Zoe joins the group")
    return sent


def tiny_png(width: int = 4, height: int = 4) -> bytes:
    """A real (if small) PNG: the Bot API refuses bytes that are not an image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = b"".join(b"\x00" + b"\xff\x80\x40" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )
