"""One batch of re-tagging (SQL only; the caller commits): the next stored fan texts of a
group in message order, the automatic tags they carry, and the difference written back.

Reads walk the (chat_id, message_id) key from the cursor, so a batch costs the same at the
first comment and the millionth. Writes touch only what changes: a tag an operator added or
took off (`manual`, `removed`) is never overwritten, and a comment that already carries a tag
is not counted again, so running the same change twice tags nothing twice.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.feedback_ingest import AUTO, ITEM_INSERT, ITEM_RETAG, TAG_INSERT
from bot.db.models import Comment, FeedbackItemTag, FeedbackTagSet, ForgottenUser
from bot.domain.feedback_command import FEEDBACK_COMMAND
from bot.domain.tag_set import DEFAULT_FINGERPRINT
from bot.domain.tagging.evidence import NO_EVIDENCE, Evidence, encode


@dataclass(frozen=True, slots=True)
class StoredText:
    message_id: int
    author_user_id: int | None
    text: str
    edit_count: int


@dataclass(frozen=True, slots=True)
class Page:
    texts: list[StoredText]
    cursor: int  # the last message id this page covers
    scanned: int


@dataclass(frozen=True, slots=True)
class Retagged:
    """What a batch's tagging wants: per message, its automatic tags and sentiment."""

    message_id: int
    author_user_id: int | None
    tags: frozenset[str]
    sentiment: str
    evidence: Evidence = NO_EVIDENCE

    @property
    def meaningful(self) -> bool:
        """Worth a feedback row, as ingest decides: tagged or not neutral."""
        return bool(self.tags) or self.sentiment != "neutral"


async def fingerprint_of(session: AsyncSession, chat_id: int) -> str:
    found = await session.scalar(
        select(FeedbackTagSet.fingerprint).where(FeedbackTagSet.chat_id == chat_id)
    )
    return found or DEFAULT_FINGERPRINT


async def next_page(session: AsyncSession, chat_id: int, after: int, until: int, size: int) -> Page:
    """The fan texts after message `after` up to `until`, at most `size` stored messages."""
    rows = (
        await session.execute(
            select(
                Comment.message_id,
                Comment.author_user_id,
                Comment.is_fan,
                Comment.text,
                Comment.edit_count,
            )
            .where(
                Comment.chat_id == chat_id,
                Comment.message_id > after,
                Comment.message_id <= until,
            )
            .order_by(Comment.message_id)
            .limit(size)
        )
    ).all()
    cursor = int(rows[-1].message_id) if len(rows) == size else until
    texts = [
        StoredText(int(row.message_id), row.author_user_id, row.text, int(row.edit_count or 0))
        for row in rows
        if row.is_fan and row.text and _is_feedback_text(row.text)
    ]
    return Page(texts, cursor, len(rows))


async def still_as_read(
    session: AsyncSession, chat_id: int, texts: Sequence[StoredText]
) -> set[int]:
    """The message ids among `texts` still stored and not edited since they were read: an
    edit is tagged by ingest with the current tags, a comment gone (/forget, retention) stays
    gone."""
    if not texts:
        return set()
    rows = await session.execute(
        select(Comment.message_id, Comment.edit_count).where(
            Comment.chat_id == chat_id,
            Comment.message_id.in_([text.message_id for text in texts]),
        )
    )
    now = {int(message_id): int(count or 0) for message_id, count in rows.all()}
    return {text.message_id for text in texts if now.get(text.message_id) == text.edit_count}


async def forgotten_among(session: AsyncSession, user_ids: Collection[int]) -> set[int]:
    """Who of these asked to be forgotten: their comments are going, never tag them."""
    if not user_ids:
        return set()
    found = await session.scalars(
        select(ForgottenUser.user_id).where(ForgottenUser.user_id.in_(user_ids))
    )
    return {int(user_id) for user_id in found.all()}


def _is_feedback_text(text: str) -> bool:
    # As ingest decides (bot/db/feedback_ingest.py): commands are not feedback, /feedback is.
    return not text.startswith("/") or text.startswith(FEEDBACK_COMMAND)


async def auto_tags(
    session: AsyncSession, chat_id: int, message_ids: Collection[int], tag: str | None
) -> tuple[set[tuple[int, str]], set[tuple[int, str]]]:
    """(automatic tags, every stored tag) of these messages, as (message id, tag) pairs."""
    if not message_ids:
        return set(), set()
    query = select(FeedbackItemTag.message_id, FeedbackItemTag.tag, FeedbackItemTag.source).where(
        FeedbackItemTag.chat_id == chat_id, FeedbackItemTag.message_id.in_(message_ids)
    )
    if tag is not None:
        query = query.where(FeedbackItemTag.tag == tag)
    automatic: set[tuple[int, str]] = set()
    stored: set[tuple[int, str]] = set()
    for message_id, name, source in (await session.execute(query)).all():
        pair = (int(message_id), str(name))
        stored.add(pair)
        if source == AUTO:
            automatic.add(pair)
    return automatic, stored


@dataclass(frozen=True, slots=True)
class Difference:
    added: set[tuple[int, str]]
    taken_off: set[tuple[int, str]]

    @property
    def tagged(self) -> int:
        return len({message_id for message_id, _ in self.added})

    @property
    def untagged(self) -> int:
        return len({message_id for message_id, _ in self.taken_off})


def difference(
    wanted: Iterable[Retagged],
    automatic: set[tuple[int, str]],
    stored: set[tuple[int, str]],
    tag: str | None,
) -> Difference:
    want = {
        (row.message_id, name) for row in wanted for name in row.tags if tag is None or name == tag
    }
    return Difference(added=want - stored, taken_off=automatic - want)


async def write(
    session: AsyncSession,
    chat_id: int,
    wanted: Sequence[Retagged],
    change: Difference,
    *,
    with_sentiment: bool,
    now: datetime,
) -> None:
    """Take off the automatic tags no longer meant, add the new ones; a run over every tag
    also stores the sentiment the tagger gives now."""
    by_tag: dict[str, list[int]] = {}
    for message_id, name in change.taken_off:
        by_tag.setdefault(name, []).append(message_id)
    for name, message_ids in by_tag.items():
        await session.execute(
            delete(FeedbackItemTag).where(
                FeedbackItemTag.chat_id == chat_id,
                FeedbackItemTag.tag == name,
                FeedbackItemTag.source == AUTO,
                FeedbackItemTag.message_id.in_(message_ids),
            )
        )
    gaining = {message_id for message_id, _ in change.added}
    items = [
        (
            chat_id,
            row.message_id,
            row.author_user_id,
            row.sentiment,
            "new",
            False,
            now,
            encode(row.evidence.sentiment),
        )
        for row in wanted
        if row.message_id in gaining
        or (with_sentiment and (row.tags or row.sentiment != "neutral"))
    ]
    await (ITEM_RETAG if with_sentiment else ITEM_INSERT).execute(session, items)
    evidence = {row.message_id: row.evidence.tags for row in wanted}
    await TAG_INSERT.execute(
        session,
        [
            (chat_id, message_id, name, AUTO, encode(evidence[message_id].get(name, ())))
            for message_id, name in sorted(change.added)
        ],
    )
