"""bench/load.py's measurements: update latency, the bot's log, its sends, and what it stored."""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from bot.db.engine import create_engine
from bot.db.models import Comment, CommentVersion, FailedUpdate, GroupEvent, PollTally, PollVote
from bot.emulator.calls import Call
from bot.emulator.updates import UpdateQueue

# Bot API methods that put a new message in a chat: what Telegram's send limits count.
SEND_METHODS = frozenset(
    name.lower()
    for name in (
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "sendVideo",
        "sendAnimation",
        "sendAudio",
        "sendVoice",
        "sendSticker",
        "sendPoll",
        "sendMediaGroup",
        "sendLocation",
        "sendContact",
        "sendDice",
        "copyMessage",
        "forwardMessage",
    )
)
LOCKED = "database is locked"


def percentile(ordered: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile of an ascending sequence (0 when it is empty)."""
    if not ordered:
        return 0.0
    return ordered[max(1, math.ceil(fraction * len(ordered))) - 1]


class Timeline:
    """Per update: when the emulator made it available, and when the bot confirmed it.

    The bot asks for the next batch (whose offset confirms this one) only after the batch's
    writes committed (ARCHITECTURE section 2), so confirmed means durable.
    """

    def __init__(self, queue: UpdateQueue) -> None:
        self.measuring = False
        self.queued_at: dict[int, float] = {}
        self.latencies: list[float] = []
        self.queued_times: list[float] = []  # beside latencies: when each was queued
        self.confirmed = 0
        queue.on_queued = self._queued
        queue.on_confirmed = self._confirmed

    def _queued(self, update_id: int) -> None:
        if self.measuring:
            self.queued_at[update_id] = time.perf_counter()

    def _confirmed(self, update_ids: list[int]) -> None:
        at = time.perf_counter()
        self.confirmed += len(update_ids)
        for update_id in update_ids:
            queued = self.queued_at.pop(update_id, None)
            if queued is not None:
                self.latencies.append(at - queued)
                self.queued_times.append(queued)

    def p95_by_minute(self, start: float) -> list[float]:
        """p95 in ms of the confirmed updates queued in each minute from `start` (perf_counter):
        when a backlog began, and whether it cleared."""
        minutes: dict[int, list[float]] = {}
        for queued, latency in zip(self.queued_times, self.latencies, strict=True):
            minutes.setdefault(int((queued - start) // 60), []).append(latency)
        return [
            percentile(sorted(minutes.get(minute, [])), 0.95) * 1000
            for minute in range(max(minutes, default=-1) + 1)
        ]

    def summary(self, now: float) -> Latency:
        """Percentiles over every timed update; one still unconfirmed at `now` (perf_counter)
        counts as waiting until then, so a backlog makes the figures lower bounds, never
        flattering."""
        waited = [now - queued for queued in self.queued_at.values()]
        ordered = sorted(self.latencies + waited)
        return Latency(
            count=len(ordered),
            p50_ms=percentile(ordered, 0.50) * 1000,
            p95_ms=percentile(ordered, 0.95) * 1000,
            max_ms=(ordered[-1] if ordered else 0.0) * 1000,
            unconfirmed=len(waited),
        )


@dataclass(frozen=True)
class Latency:
    count: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    unconfirmed: int


@dataclass
class BotLog:
    """What the bot's JSON log says about the load phase."""

    lag_p95_ms: float = 0.0  # the worst window's p95
    lag_max_ms: float = 0.0
    lag_windows: int = 0
    lag_samples: int = 0
    locked_errors: int = 0
    database_retries: int = 0
    failed_updates: int = 0
    warnings: Counter[str] = field(default_factory=Counter)


def read_bot_log(path: Path, since: datetime) -> BotLog:
    """Loop-lag windows that ended after `since`, and every database error in the whole log."""
    result = BotLog()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        result.locked_errors += line.lower().count(LOCKED)
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # a stdlib logging line (aiogram, SQLAlchemy): counted above
        if not isinstance(entry, dict):
            continue
        event = str(entry.get("event", ""))
        if event == "batch.retry":
            result.database_retries += 1
        elif event in ("update.failed", "update.unstorable"):
            result.failed_updates += 1
        if entry.get("level") in ("warning", "error", "critical"):
            result.warnings[event] += 1
        if event == "loop.lag" and datetime.fromisoformat(entry["timestamp"]) > since:
            result.lag_windows += 1
            result.lag_samples += int(entry["samples"])
            result.lag_p95_ms = max(result.lag_p95_ms, float(entry["p95_ms"]))
            result.lag_max_ms = max(result.lag_max_ms, float(entry["max_ms"]))
    return result


@dataclass(frozen=True)
class SendRates:
    sends: int
    failed: int
    max_per_second: int  # most sends in any 1 s window, every chat together
    max_per_group_minute: int  # most sends to one group in any 60 s window


def max_in_window(times: Iterable[float], window: float) -> int:
    ordered = sorted(times)
    best = start = 0
    for end, at in enumerate(ordered):
        while at - ordered[start] >= window:
            start += 1
        best = max(best, end - start + 1)
    return best


def send_rates(calls: Sequence[Call]) -> SendRates:
    sends = [call for call in calls if call.method.lower() in SEND_METHODS]
    per_group: dict[int, list[float]] = {}
    for call in sends:
        chat_id = call.params.get("chat_id")
        if isinstance(chat_id, int) and chat_id < 0:
            per_group.setdefault(chat_id, []).append(call.timestamp)
    return SendRates(
        sends=len(sends),
        failed=sum(1 for call in sends if call.ok is False),
        max_per_second=max_in_window((call.timestamp for call in sends), 1.0),
        max_per_group_minute=max(
            (max_in_window(times, 60.0) for times in per_group.values()), default=0
        ),
    )


async def stored_counts(
    database_url: str, chat_ids: Sequence[int], poll_ids: Sequence[str]
) -> Counter[str]:
    """Rows the bot stored for the groups' updates, keyed by the update type that wrote them.

    message: comments; edited_message: comment versions (each message is edited once);
    message_reaction: reaction events; poll_answer: votes; poll: the tallies' voter counts
    (each poll update carries one more voter than the last).
    """
    engine = create_engine(database_url)
    counts: Counter[str] = Counter()
    try:
        async with engine.connect() as connection:
            queries = {
                "message": select(func.count())
                .select_from(Comment)
                .where(Comment.chat_id.in_(chat_ids)),
                "edited_message": select(func.count())
                .select_from(CommentVersion)
                .where(CommentVersion.chat_id.in_(chat_ids)),
                "message_reaction": select(func.count())
                .select_from(GroupEvent)
                .where(GroupEvent.chat_id.in_(chat_ids), GroupEvent.kind == "reaction"),
                "poll_answer": select(func.count())
                .select_from(PollVote)
                .where(PollVote.telegram_poll_id.in_(poll_ids)),
                "poll": select(func.coalesce(func.sum(PollTally.voters), 0)).where(
                    PollTally.telegram_poll_id.in_(poll_ids)
                ),
                "failed_updates": select(func.count()).select_from(FailedUpdate),
            }
            for name, query in queries.items():
                counts[name] = int(await connection.scalar(query) or 0)
    except DBAPIError as error:
        raise RuntimeError(f"cannot count stored rows: {error}") from error
    finally:
        await engine.dispose()
    return counts
