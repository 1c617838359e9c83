"""Fans who keep writing through the emulator, and the ledger of everything they did.

`FanWriter` sends messages, edits, poll votes, giveaway presses and commands in a seeded random
mix, in the background, while a test kills and restarts the bot. `Ledger` is what the database
must hold afterwards, exactly; `Ledger.mismatches(database_url)` compares the two.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select

from bot.db.engine import create_engine
from bot.db.models import Comment, CommentVersion, GiveawayEntry, PollVote
from bot.emulator.client import EmulatorClient, Json

# Telegram's edit_date has a resolution of one second, and an edit is applied only when it is
# newer than the stored one: edits of one message are spaced further apart than that.
EDIT_SPACING = 1.2
MAX_EDITS = 2


@dataclass
class Ledger:
    chat_id: int
    poll_id: str
    giveaway_id: int
    texts: dict[int, str] = field(default_factory=dict)  # message id -> text as last sent
    previous: dict[int, list[str]] = field(default_factory=dict)  # texts before each edit
    edited_at: dict[int, float] = field(default_factory=dict)
    votes: dict[int, str] = field(default_factory=dict)  # voter -> "0,2" ("" retracted)
    entries: set[int] = field(default_factory=set)
    commands: list[tuple[int, int]] = field(default_factory=list)  # (chat id, message id)

    def actions(self) -> int:
        edits = sum(len(texts) for texts in self.previous.values())
        return len(self.texts) + edits + len(self.votes) + len(self.entries)

    async def mismatches(self, database_url: str, fans: set[int]) -> list[str]:
        """Every way the database differs from the ledger ([] when it holds exactly this)."""
        engine = create_engine(database_url)
        try:
            async with engine.connect() as connection:
                stored = (
                    await connection.execute(
                        select(Comment.message_id, Comment.text, Comment.edit_count).where(
                            Comment.chat_id == self.chat_id,
                            Comment.author_user_id.in_(fans),
                        )
                    )
                ).all()
                versions = (
                    await connection.execute(
                        select(CommentVersion.message_id, CommentVersion.previous_text)
                        .where(CommentVersion.chat_id == self.chat_id)
                        .order_by(CommentVersion.message_id, CommentVersion.edited_at)
                    )
                ).all()
                votes = (
                    await connection.execute(
                        select(PollVote.user_id, PollVote.option_ids).where(
                            PollVote.telegram_poll_id == self.poll_id
                        )
                    )
                ).all()
                entries = (
                    await connection.scalars(
                        select(GiveawayEntry.user_id).where(
                            GiveawayEntry.giveaway_id == self.giveaway_id
                        )
                    )
                ).all()
        finally:
            await engine.dispose()
        problems: list[str] = []
        if len(stored) != len(self.texts):
            problems.append(f"{len(stored)} comments stored, {len(self.texts)} sent")
        texts = {int(row.message_id): row.text for row in stored}
        wrong = [mid for mid, sent in self.texts.items() if texts.get(mid) != sent]
        if wrong:
            problems.append(f"{len(wrong)} comments missing or with another text: {wrong[:5]}")
        history: dict[int, list[str]] = {}
        for row in versions:
            history.setdefault(int(row.message_id), []).append(str(row.previous_text))
        if history != self.previous:
            problems.append(f"edit history differs: {_diff(history, self.previous)}")
        counts = {int(row.message_id): int(row.edit_count) for row in stored}
        expected_counts = {mid: len(self.previous.get(mid, [])) for mid in self.texts}
        if counts != expected_counts:
            problems.append(f"edit counts differ: {_diff(counts, expected_counts)}")
        stored_votes = {int(user): str(options) for user, options in votes}
        if len(votes) != len(stored_votes) or stored_votes != self.votes:
            problems.append(f"votes differ: {_diff(stored_votes, self.votes)}")
        if len(entries) != len(set(entries)) or set(entries) != self.entries:
            problems.append(
                f"entries differ: stored {sorted(entries)}, sent {sorted(self.entries)}"
            )
        return problems


def _diff(stored: Mapping[int, object], sent: Mapping[int, object]) -> str:
    keys = sorted(set(stored) | set(sent))
    differing = [
        (key, stored.get(key), sent.get(key)) for key in keys if stored.get(key) != sent.get(key)
    ]
    return f"{len(differing)} keys, first (key, stored, sent): {differing[:3]}"


class FanWriter:
    """Writes in the background until stopped; `paused()` holds it for an exact check."""

    def __init__(
        self,
        client: EmulatorClient,
        ledger: Ledger,
        fans: list[Json],
        rng: random.Random,
        *,
        giveaway_message_id: int,
        interval: float = 0.02,
    ) -> None:
        self.client = client
        self.ledger = ledger
        self.fans = fans
        self.rng = rng
        self.giveaway_message_id = giveaway_message_id
        self.interval = interval
        self._running = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._idle = asyncio.Event()
        self.sent = 0

    def start(self) -> None:
        self._running.set()
        self._task = asyncio.create_task(self._loop())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def pause(self) -> None:
        """Return once no write is in flight; nothing is sent until `resume()`."""
        self._running.clear()
        await self._idle.wait()

    def resume(self) -> None:
        self._running.set()

    async def _loop(self) -> None:
        while True:
            if not self._running.is_set():
                self._idle.set()
                await self._running.wait()
            self._idle.clear()
            await self.act()
            self._idle.set()
            await asyncio.sleep(self.interval)

    async def act(self) -> None:
        roll = self.rng.random()
        fan = self.rng.choice(self.fans)["id"]
        if roll < 0.6 or (roll < 0.75 and not await self.edit()):
            await self.message(fan)
        elif roll < 0.75:
            pass
        elif roll < 0.87:
            await self.vote(fan)
        elif roll < 0.97:
            await self.enter(fan)
        else:
            await self.message(fan)
        self.sent += 1

    async def message(self, fan: int) -> None:
        text = f"fan {fan} says #{self.sent} 你好 <b>&amp;"
        sent = await self.client.send_text(self.ledger.chat_id, fan, text)
        self.ledger.texts[int(sent["message"]["message_id"])] = text

    async def edit(self) -> bool:
        now = time.monotonic()
        ready = [
            mid
            for mid in self.ledger.texts
            if len(self.ledger.previous.get(mid, [])) < MAX_EDITS
            and now - self.ledger.edited_at.get(mid, float("-inf")) > EDIT_SPACING
        ]
        if not ready:
            return False
        mid = self.rng.choice(ready[-50:])
        before = self.ledger.texts[mid]
        after = f"{before} (edit {len(self.ledger.previous.get(mid, [])) + 1})"
        await self.client.edit_message(self.ledger.chat_id, mid, after)
        self.ledger.previous.setdefault(mid, []).append(before)
        self.ledger.texts[mid] = after
        self.ledger.edited_at[mid] = time.monotonic()
        return True

    async def vote(self, fan: int) -> None:
        retract = fan in self.ledger.votes and self.rng.random() < 0.1
        options = [] if retract else [self.rng.randrange(3)]
        await self.client.vote(self.ledger.poll_id, fan, options)
        self.ledger.votes[fan] = ",".join(str(option) for option in options)

    async def enter(self, fan: int) -> None:
        data = f"ge1:{self.ledger.giveaway_id}"
        await self.client.click(self.ledger.chat_id, self.giveaway_message_id, fan, data)
        self.ledger.entries.add(fan)

    async def command(self, fan: int, *, in_group: bool) -> None:
        """/help from a fan, in the group (stored as a comment) or in private chat."""
        chat_id = self.ledger.chat_id if in_group else fan
        sent = await self.client.send_command(chat_id, fan, "help")
        message_id = int(sent["message"]["message_id"])
        if in_group:
            self.ledger.texts[message_id] = "/help"
        self.ledger.commands.append((chat_id, message_id))
