"""The spam check's reads, folded into the batch's one lookup (bot/db/feedback_ingest.py).

Ingest reads once per batch; a second read for the spam check would cost it more than the
check itself (`bench spam`). So the texts of groups known to have the check on are read before
the lookup (`pre_read`), and the lookup brings, in the same round trip, the window's copies of
their fingerprints and how many messages their senders wrote before. Which groups have the
check on is only a hint here: the lookup's modes decide, and a group the hint missed (just
turned on, or first seen by this process) is read in one statement of its own.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Select, String, case, cast, exists, func, literal, select

from bot.db.models import Comment, DoorSettingsRecord, SpamFingerprint, SpamVerdict
from bot.domain.attribution import AuthorKind
from bot.domain.records import IncomingComment
from bot.domain.spam import FINGERPRINT_WINDOW, NEWCOMER_MESSAGES, TextSignals, read_text

COPY, PRIOR = 5, 6  # the kinds of the lookup's rows these parts add
# Groups this process last saw with the check on: whose texts are read before the lookup.
CHECKED_GROUPS: set[int] = set()


@dataclass(frozen=True, slots=True)
class Copy:
    """A fingerprinted message of the window, in any group of this instance."""

    fingerprint: str
    chat_id: int
    message_id: int
    user_id: int
    judged: bool


@dataclass(slots=True)
class SpamReads:
    """What the batch's texts show, and what to ask the database about them."""

    signals: dict[tuple[int, int], TextSignals] = field(default_factory=dict)
    fingerprints: set[str] = field(default_factory=set)
    since: datetime | None = None
    # Per (group, sender) who could be a newcomer: their first message id in the batch.
    senders: dict[tuple[int, int], int] = field(default_factory=dict)

    def add(self, comment: IncomingComment, signals: TextSignals) -> None:
        self.signals[(comment.chat_id, comment.message_id)] = signals
        if signals.fingerprint is not None:
            self.fingerprints.add(signals.fingerprint)
            start = comment.created_at - FINGERPRINT_WINDOW
            self.since = start if self.since is None else min(self.since, start)
        if (signals.links or signals.mentions or comment.is_forwarded) and (
            user_id := comment.author.user_id
        ) is not None:
            key = (comment.chat_id, user_id)
            self.senders[key] = min(self.senders.get(key, comment.message_id), comment.message_id)

    @property
    def asks(self) -> bool:
        return bool(self.fingerprints or self.senders)


def judgeable(comment: IncomingComment) -> bool:
    return (
        comment.author.kind is AuthorKind.FAN
        and comment.author.user_id is not None
        and (bool(comment.text) or comment.is_forwarded)
        and not (comment.text or "").startswith("/")
    )


def pre_read(comments: Iterable[IncomingComment], chat_ids: Collection[int]) -> SpamReads:
    reads = SpamReads()
    for comment in comments:
        if comment.chat_id in chat_ids and judgeable(comment):
            reads.add(comment, read_text(comment.text))
    return reads


def spam_parts(reads: SpamReads) -> list[Select[int, int, str]]:
    """The union parts: (COPY, message id, "fingerprint chat user judged") per copy of the
    window, and (PRIOR, count up to NEWCOMER_MESSAGES, "chat user") per sender."""
    parts: list[Select[int, int, str]] = []
    if reads.fingerprints and reads.since is not None:
        judged = exists().where(
            SpamVerdict.chat_id == SpamFingerprint.chat_id,
            SpamVerdict.message_id == SpamFingerprint.message_id,
        )
        parts.append(
            select(
                literal(COPY),
                SpamFingerprint.message_id,
                SpamFingerprint.fingerprint
                + " "
                + cast(SpamFingerprint.chat_id, String)
                + " "
                + cast(SpamFingerprint.user_id, String)
                + " "
                + case((judged, "1"), else_="0"),
            ).where(
                SpamFingerprint.fingerprint.in_(sorted(reads.fingerprints)),
                SpamFingerprint.seen_at >= reads.since,
            )
        )
    for (chat_id, user_id), first in reads.senders.items():
        # Counted up to NEWCOMER_MESSAGES only: a regular's thousands of messages are never read.
        earlier = (
            select(Comment.id)
            .where(
                Comment.chat_id == chat_id,
                Comment.author_user_id == user_id,
                Comment.message_id < first,
            )
            .limit(NEWCOMER_MESSAGES)
            .subquery()
        )
        parts.append(
            select(
                literal(PRIOR),
                select(func.count()).select_from(earlier).scalar_subquery(),
                literal(f"{chat_id} {user_id}"),
            )
        )
    return parts


def copies_modes_part(reads: SpamReads) -> Select[int, int, str] | None:
    """The modes of the other groups the window's copies were sent in (a wave across groups
    is marked in each)."""
    if not reads.fingerprints or reads.since is None:
        return None
    return select(literal(2), DoorSettingsRecord.chat_id, DoorSettingsRecord.spam_mode).where(
        DoorSettingsRecord.spam_mode != "off",
        DoorSettingsRecord.chat_id.in_(
            select(SpamFingerprint.chat_id).where(
                SpamFingerprint.fingerprint.in_(sorted(reads.fingerprints)),
                SpamFingerprint.seen_at >= reads.since,
            )
        ),
    )


def read_row(
    kind: int, key: int, value: str, copies: list[Copy], priors: dict[tuple[int, int], int]
) -> None:
    if kind == COPY:
        fingerprint, chat_id, user_id, judged = value.split(" ")
        copies.append(Copy(fingerprint, int(chat_id), int(key), int(user_id), judged == "1"))
    else:
        chat_id, user_id = value.split(" ")
        priors[(int(chat_id), int(user_id))] = int(key)


def batch_priors(
    comments: Sequence[IncomingComment], stored: dict[tuple[int, int], int]
) -> dict[tuple[int, int], int]:
    """Per message: the sender's messages before it, those stored before the batch's first
    plus the batch's own earlier ones."""
    seen: dict[tuple[int, int], set[int]] = {}
    for comment in comments:
        if comment.author.user_id is not None:
            seen.setdefault((comment.chat_id, comment.author.user_id), set()).add(
                comment.message_id
            )
    found: dict[tuple[int, int], int] = {}
    for comment in comments:
        key = (comment.chat_id, comment.author.user_id or 0)
        if key in stored:
            earlier = sum(1 for m in seen[key] if m < comment.message_id)
            found[(comment.chat_id, comment.message_id)] = min(
                NEWCOMER_MESSAGES, stored[key] + earlier
            )
    return found
