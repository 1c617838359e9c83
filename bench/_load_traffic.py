"""bench/load.py's community and traffic: groups of fans in the emulator, and a paced update mix."""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any

from aiogram import types

from bot.emulator.entities import detect_entities
from bot.emulator.server import Emulator
from bot.emulator.world import Member, dump, now

PHRASES = (
    "下一期拍猫咪吧！",
    "More behind-the-scenes please",
    "剪辑节奏太快了，看不清",
    "the audio is too quiet in the last video",
    "#建议 出一期教程",
    "love this series ❤️",
    "字幕有错别字，第二分钟那里",
    "when is the next live?",
    "这个滤镜叫什么名字？",
    "can you review the new camera next time",
    "好喜欢这个配乐 🎵",
    "first! 第一！",
)
REACTIONS = ("👍", "❤", "🔥", "🎉", "😁")
OPERATOR_COMMANDS = ("polls", "tags")
# Of every 1,000 updates a group receives: mostly fan comments, then replies between fans,
# votes in the group's poll (each vote is two updates: poll_answer and the poll's new tally),
# edits, reactions, and two operator commands that make the bot answer in the group.
MIX = {
    "comment": 780,
    "reply": 80,
    "vote": 40,  # x2 updates
    "edit": 50,
    "reaction": 48,
    "command": 2,
}
UPDATE_TYPES = {
    "comment": ("message",),
    "reply": ("message",),
    "command": ("message",),
    "edit": ("edited_message",),
    "reaction": ("message_reaction",),
    "vote": ("poll_answer", "poll"),
}
RECENT = 100  # fan messages per group that replies, edits and reactions pick from
CHECK_FIRST = 20  # hand-built updates of each kind validated against aiogram's Update ...
CHECK_EVERY = 100  # ... and then one in this many


@dataclass
class Group:
    chat_id: int
    owner_id: int
    fans: list[int]
    chat: dict[str, Any]  # the chat as Bot API JSON
    people: dict[int, dict[str, Any]]  # fans as Bot API JSON
    poll_id: str | None = None
    recent: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=RECENT))
    edited: int = 0  # highest message id edited so far
    reacted: int = 0  # highest message id reacted to so far
    voted: int = 0


def kinds_schedule(seed: int) -> list[str]:
    """One group's 1,000 update slots in a shuffled but fixed order (a vote takes two)."""
    slots: list[str] = []
    for kind, count in MIX.items():
        slots += [kind] * count
    random.Random(seed).shuffle(slots)
    return slots


class Community:
    """`groups` supergroups where the bot is an administrator (it sees every message), each
    with an owner who operates it and `fans` fans speaking English or Chinese."""

    def __init__(self, emulator: Emulator, groups: int, fans: int) -> None:
        self.emulator = emulator
        world = emulator.world
        self.groups: list[Group] = []
        for number in range(groups):
            owner = world.add_user(first_name=f"Owner{number}", language_code="en")
            chat = world.add_chat(
                chat_type="supergroup", title=f"Fans {number}", bot_status="administrator"
            )
            world.set_member(chat, owner.id, Member("creator"))
            people: dict[int, dict[str, Any]] = {}
            for n in range(fans):
                language = ("en", "zh")[n % 2]
                fan = world.add_user(first_name=f"Fan{number}-{n}", language_code=language)
                world.set_member(chat, fan.id, Member("member"))
                people[fan.id] = dump(fan)
            chat_json = dump(world.chat_object(chat))
            self.groups.append(Group(chat.id, owner.id, list(people), chat_json, people))

    async def open_polls(self) -> None:
        """Each owner starts a public poll with /poll, as an operator would."""
        for group in self.groups:
            await self.emulator.events.command(
                group.chat_id,
                group.owner_id,
                "poll",
                "下一期拍什么？ | Cat vlog | 街头美食 | Q&A --anonymous no",
            )

    def previews_shown(self) -> int:
        return len(self._previews())

    async def send_previews(self) -> None:
        """Each owner taps Send under their poll's preview: nothing goes live before it."""
        previews = self._previews()
        for group in self.groups:
            message_id, data = previews[group.chat_id]
            await self.emulator.events.callback_query(
                group.chat_id, message_id, group.owner_id, data
            )

    def _previews(self) -> dict[int, tuple[int, str]]:
        """Per group's chat id: the bot's poll preview (message id, Send's callback data)."""
        found: dict[int, tuple[int, str]] = {}
        for group in self.groups:
            chat = self.emulator.world.chat(group.chat_id)
            for message in chat.messages.values():
                markup = message.reply_markup
                if not self.emulator.world.sent_by_bot(message) or markup is None:
                    continue
                data = markup.inline_keyboard[0][0].callback_data or ""
                if data.startswith("pd1:"):
                    found[group.chat_id] = (message.message_id, data)
        return found

    def polls_sent(self) -> int:
        wanted = {group.chat_id for group in self.groups}
        return sum(1 for state in self.emulator.world.polls.values() if state.chat_id in wanted)

    def adopt_polls(self) -> None:
        by_chat = {state.chat_id: poll_id for poll_id, state in self.emulator.world.polls.items()}
        for group in self.groups:
            group.poll_id = by_chat.get(group.chat_id)


class Traffic:
    """Offers updates at `per_group_per_minute` per group, evenly paced in real time.

    Update n of the run is due at start + n / rate; every tick emits what is due, group by group
    in turn, so each group gets exactly its share. `offered` counts them by update type.

    Fan messages, replies, edits and reactions are built here as Bot API JSON and queued without
    the emulator's validation round trip (about 0.5 ms an update, which at 833 a second would
    make the emulator the bottleneck); a sample of them is validated against aiogram's Update.
    They share the chat's message ids with what goes through the emulator's world: commands
    and votes (the bot answers those, so the world must know them) and the bot's own messages.
    """

    def __init__(self, community: Community, per_group_per_minute: int, *, seed: int = 11) -> None:
        self.community = community
        self.emulator = community.emulator
        self.rate = per_group_per_minute * len(community.groups) / 60.0
        self.rng = random.Random(seed)
        self.schedules = [kinds_schedule(seed + i) for i in range(len(community.groups))]
        self.offered: Counter[str] = Counter()  # by update type
        self.actions: Counter[str] = Counter()  # by MIX kind
        self.emitted = 0
        self.late_ticks = 0
        self._built: Counter[str] = Counter()

    async def run(self, seconds: float, tick: float = 0.005) -> float:
        """Offer updates for `seconds`; returns the wall time it really took."""
        total = int(self.rate * seconds)
        started = time.monotonic()
        while self.emitted < total:
            due = min(total, int((time.monotonic() - started) * self.rate) + 1)
            if due - self.emitted > self.rate * 0.1:
                self.late_ticks += 1  # the generator itself fell 100 ms behind
            while self.emitted < due:
                await self.emit(self.emitted)
                self.emitted += 1
            await asyncio.sleep(tick)
        return time.monotonic() - started

    async def emit(self, n: int) -> None:
        groups = self.community.groups
        group = groups[n % len(groups)]
        schedule = self.schedules[n % len(groups)]
        kind = schedule[(n // len(groups)) % len(schedule)]
        if not await self._emit_kind(group, kind):
            kind = "comment"
            await self._comment(group)
        self.actions[kind] += 1
        for update_type in UPDATE_TYPES[kind]:
            self.offered[update_type] += 1

    async def _emit_kind(self, group: Group, kind: str) -> bool:
        if kind == "comment":
            await self._comment(group)
            return True
        if kind == "reply":
            return await self._reply(group)
        if kind == "edit":
            return await self._edit(group)
        if kind == "reaction":
            return await self._reaction(group)
        if kind == "vote":
            return await self._vote(group)
        await self.emulator.events.command(
            group.chat_id, group.owner_id, self.rng.choice(OPERATOR_COMMANDS)
        )
        return True

    async def _comment(self, group: Group, reply_to: dict[str, Any] | None = None) -> None:
        state = self.emulator.world.chat(group.chat_id)
        message_id = state.next_message_id
        state.next_message_id += 1
        text = self.rng.choice(PHRASES)
        message: dict[str, Any] = {
            "message_id": message_id,
            "from": group.people[self.rng.choice(group.fans)],
            "date": now(),
            "chat": group.chat,
            "text": text,
        }
        if entities := detect_entities(text, []):
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        await self._push("message", message)
        quoted = dict(message)
        quoted.pop("reply_to_message", None)
        group.recent.append(quoted)

    async def _reply(self, group: Group) -> bool:
        if not group.recent:
            return False
        await self._comment(group, reply_to=self.rng.choice(group.recent))
        return True

    async def _edit(self, group: Group) -> bool:
        # Each message is edited at most once: a comment's versions are keyed by the edit's
        # second, so one edit is one stored row.
        original = self._next_untouched(group, group.edited)
        if original is None:
            return False
        group.edited = original["message_id"]
        text = f"{self.rng.choice(PHRASES)} (edit)"
        edited = {**original, "text": text, "edit_date": now()}
        edited.pop("entities", None)
        if entities := detect_entities(text, []):
            edited["entities"] = entities
        await self._push("edited_message", edited)
        return True

    async def _reaction(self, group: Group) -> bool:
        # One reaction per message, by one fan: group events are keyed by (message, user, second).
        original = self._next_untouched(group, group.reacted)
        if original is None:
            return False
        group.reacted = original["message_id"]
        payload: dict[str, Any] = {
            "chat": group.chat,
            "message_id": original["message_id"],
            "user": group.people[self.rng.choice(group.fans)],
            "date": now(),
            "old_reaction": [],
            "new_reaction": [{"type": "emoji", "emoji": self.rng.choice(REACTIONS)}],
        }
        await self._push("message_reaction", payload)
        return True

    async def _vote(self, group: Group) -> bool:
        # Every fan votes once: a vote is stored per (poll, voter).
        if group.poll_id is None or group.voted >= len(group.fans):
            return False
        voter = group.fans[group.voted]
        group.voted += 1
        await self.emulator.events.poll_answer(group.poll_id, voter, [self.rng.randrange(3)])
        return True

    @staticmethod
    def _next_untouched(group: Group, after: int) -> dict[str, Any] | None:
        """The oldest recent fan message newer than `after` (not the newest: leave it be)."""
        return next(
            (m for m in list(group.recent)[:-1] if m["message_id"] > after),
            None,
        )

    async def _push(self, kind: str, payload: dict[str, Any]) -> None:
        self._built[kind] += 1
        if self._built[kind] <= CHECK_FIRST or self._built[kind] % CHECK_EVERY == 0:
            types.Update.model_validate({"update_id": 1, kind: payload})
        if await self.emulator.queue.push_prebuilt(kind, payload) is None:
            raise RuntimeError(f"the bot does not ask for {kind} updates (allowed_updates)")
