"""The write-behind buffer: what handlers observed, flushed in one transaction per batch.

Every write is idempotent on its natural key, so flushing the same update twice changes nothing
(ARCHITECTURE section 2). Nothing here commits: the delivery loop owns the transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.bulk_insert import BulkUpsert
from bot.db.chat_migration import migrate_chat
from bot.db.digest import dated_events, forget_rollups_of_late
from bot.db.feedback_ingest import (
    IngestLookup,
    ingest_lookup,
    person_index,
    retag_edited,
    tag_new_comments,
)
from bot.db.message_keys import among_messages
from bot.db.models import Chat, Comment, CommentVersion, FailedUpdate, User
from bot.db.recent_profiles import RecentProfiles
from bot.db.search_index import folded
from bot.db.spam import judge_new_comments
from bot.db.spam_lookup import CHECKED_GROUPS, pre_read
from bot.db.upsert import insert_for
from bot.db.video_linking import link_new_comments, relink_edited
from bot.domain.attribution import AuthorKind
from bot.domain.records import ChatMigration, ChatSeen, CommentEdit, IncomingComment, UserSeen
from bot.domain.update_redaction import dump, load, people_in, redact_person


@dataclass(slots=True)
class UpdateWrites:
    """The writes of one update. Handlers add to it; the delivery loop flushes many at once."""

    update_id: int
    chats: list[ChatSeen] = field(default_factory=list)
    users: list[UserSeen] = field(default_factory=list)
    comments: list[IncomingComment] = field(default_factory=list)
    edits: list[CommentEdit] = field(default_factory=list)
    migrations: list[ChatMigration] = field(default_factory=list)
    rows: list[tuple[BulkUpsert, tuple[Any, ...]]] = field(default_factory=list)
    failure: FailedUpdateRecord | None = None
    # The record this update was parked under while it ran too long (bot/telegram/lanes.py):
    # now that it finished, that row is taken back in the same transaction as its writes.
    parked: FailedUpdateRecord | None = None

    def add(self, statement: BulkUpsert, row: tuple[Any, ...]) -> None:
        """A feature's own idempotent row, written in the batch's transaction."""
        self.rows.append((statement, row))

    def failed(self, record: FailedUpdateRecord) -> UpdateWrites:
        """The update with a failure on record. What it observed (the fan's message, chats,
        people) is kept, so a crashing feature handler never costs a stored comment."""
        return UpdateWrites(
            update_id=self.update_id,
            chats=self.chats,
            users=self.users,
            comments=self.comments,
            edits=self.edits,
            migrations=self.migrations,
            failure=record,
            parked=self.parked,
        )


@dataclass(frozen=True, slots=True)
class FailedUpdateRecord:
    payload: str
    error: str
    failed_at: datetime
    user_id: int | None = None

    @property
    def payload_sha256(self) -> str:
        return hashlib.sha256(self.payload.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class WrittenProfiles:
    chats: list[ChatSeen]
    users: list[UserSeen]


async def flush_writes(
    session: AsyncSession, batch: Sequence[UpdateWrites], profiles: RecentProfiles | None = None
) -> WrittenProfiles:
    """Apply a batch of updates' writes, in update order, inside the caller's transaction.

    Returns the chat and user profiles it wrote: the caller tells `profiles` once committed.
    """
    chats = [chat for writes in batch for chat in writes.chats]
    users = [user for writes in batch for user in writes.users]
    comments = [c for writes in batch for c in writes.comments]
    edits = [edit for writes in batch for edit in writes.edits]
    failures = [(writes.update_id, writes.failure) for writes in batch if writes.failure]
    spam_reads = pre_read(comments, CHECKED_GROUPS)
    lookup = await ingest_lookup(
        session,
        {c.chat_id for c in comments} | {e.comment.chat_id for e in edits},
        {user.id for user in users} | _authors(comments, edits) | _people_named(batch, failures),
        spam_reads,
    )
    if lookup.forgotten:
        users = [user for user in users if user.id not in lookup.forgotten]
        comments = [c for c in comments if c.author.user_id not in lookup.forgotten]
        edits = [e for e in edits if e.comment.author.user_id not in lookup.forgotten]
        # A failed update's payload is the person's own message: not kept for a replay either.
        failures = [(key, f) for key, f in failures if f.user_id not in lookup.forgotten]
        # Someone else's that quotes them is kept, without their names and words.
        failures = [(key, _without(f, lookup.forgotten)) for key, f in failures]
    written = WrittenProfiles(
        chats=profiles.chats_to_write(chats) if profiles else chats,
        users=profiles.users_to_write(users) if profiles else users,
    )
    await _upsert_chats(session, written.chats)
    await _upsert_users(session, written.users)
    now = datetime.now(UTC)
    # Judged before it is stored, so a spam message is stored marked (no update after).
    spam = await judge_new_comments(session, comments, lookup, spam_reads, now)
    await _insert_comments(session, comments, {(j.chat_id, j.message_id) for j in spam})
    await tag_new_comments(session, comments, lookup.fingerprints, now)
    await link_new_comments(session, comments, now)
    if edits:
        edited = await _apply_edits(session, edits)
        await retag_edited(session, edited, lookup.fingerprints, now)
        await relink_edited(session, edited, now)
    dated = [(c.chat_id, c.created_at) for c in comments]
    dated += [(e.comment.chat_id, e.comment.created_at) for e in edits]
    dated += dated_events(row for writes in batch for row in writes.rows)
    await forget_rollups_of_late(session, dated, now)
    for migration in (m for writes in batch for m in writes.migrations):
        await migrate_chat(session, migration)
    await _write_feature_rows(session, batch, lookup)
    if failures:
        await _insert_failures(session, failures)
    parked = [(writes.update_id, writes.parked) for writes in batch if writes.parked]
    if parked:
        await _take_back_parked(session, parked)
    return written


def _authors(comments: Sequence[IncomingComment], edits: Sequence[CommentEdit]) -> set[int]:
    people = {c.author.user_id for c in comments} | {e.comment.author.user_id for e in edits}
    return {person for person in people if person is not None}


def _people_named(
    batch: Sequence[UpdateWrites], failures: Sequence[tuple[int, FailedUpdateRecord]]
) -> set[int]:
    """Everyone a feature row or a failure names: a vote or a reaction carries no user profile,
    and its voter's tombstone must be looked up all the same."""
    people = {record.user_id for _, record in failures if record.user_id is not None}
    for _, record in failures:
        people |= people_in(load(record.payload))
    for writes in batch:
        for statement, row in writes.rows:
            index = person_index(statement)
            if index is not None and row[index] is not None:
                people.add(row[index])
    return people


def _without(record: FailedUpdateRecord, forgotten: Collection[int]) -> FailedUpdateRecord:
    document = load(record.payload)
    changed = False
    for user_id in people_in(document) & set(forgotten):
        changed |= redact_person(document, user_id)
    return replace(record, payload=dump(document)) if changed else record


async def _write_feature_rows(
    session: AsyncSession, batch: Sequence[UpdateWrites], lookup: IngestLookup
) -> None:
    by_statement: dict[BulkUpsert, list[tuple[Any, ...]]] = {}
    for writes in batch:
        for statement, row in writes.rows:
            by_statement.setdefault(statement, []).append(row)
    if lookup.forgotten:
        for statement, rows in by_statement.items():
            index = person_index(statement)
            if index is not None:
                rows[:] = [row for row in rows if row[index] not in lookup.forgotten]
    for statement, rows in by_statement.items():
        await statement.execute(session, rows)


async def _insert_failures(
    session: AsyncSession, failures: Sequence[tuple[int, FailedUpdateRecord]]
) -> None:
    statement = insert_for(session, FailedUpdate.__table__).on_conflict_do_nothing(
        index_elements=[FailedUpdate.update_id, FailedUpdate.payload_sha256]
    )
    rows = [
        {
            "update_id": update_id,
            "payload_sha256": record.payload_sha256,
            "payload": record.payload,
            "error": record.error,
            "failed_at": record.failed_at,
            "user_id": record.user_id,
        }
        for update_id, record in failures
    ]
    await session.execute(statement, rows)


async def _take_back_parked(
    session: AsyncSession, parked: Sequence[tuple[int, FailedUpdateRecord]]
) -> None:
    for update_id, record in parked:
        await session.execute(
            delete(FailedUpdate).where(
                FailedUpdate.update_id == update_id,
                FailedUpdate.payload_sha256 == record.payload_sha256,
            )
        )


CHAT_UPSERT = BulkUpsert(
    Chat.__table__,  # type: ignore[arg-type]
    columns=("id", "type", "title", "username", "is_active", "first_seen_at", "last_update_at"),
    conflict=("id",),
    update=("type", "title", "username", "last_update_at"),
)

USER_UPSERT = BulkUpsert(
    User.__table__,  # type: ignore[arg-type]
    columns=(
        "id",
        "is_bot",
        "first_name",
        "last_name",
        "username",
        "language_code",
        "first_seen_at",
        "last_seen_at",
    ),
    conflict=("id",),
    update=("first_name", "last_name", "username", "language_code", "last_seen_at"),
)


async def _upsert_chats(session: AsyncSession, chats: Iterable[ChatSeen]) -> None:
    latest = {chat.id: chat for chat in chats}
    await CHAT_UPSERT.execute(
        session,
        [(c.id, c.type, c.title, c.username, True, c.seen_at, c.seen_at) for c in latest.values()],
    )


async def _upsert_users(session: AsyncSession, users: Iterable[UserSeen]) -> None:
    latest = {user.id: user for user in users}
    await USER_UPSERT.execute(
        session,
        [
            (
                u.id,
                u.is_bot,
                u.first_name,
                u.last_name,
                u.username,
                u.language_code,
                u.seen_at,
                u.seen_at,
            )
            for u in latest.values()
        ],
    )


COMMENT_INSERT = BulkUpsert(
    Comment.__table__,  # type: ignore[arg-type]
    columns=(
        "chat_id",
        "message_id",
        "thread_id",
        "author_kind",
        "author_user_id",
        "sender_chat_id",
        "is_fan",
        "text",
        "media_kind",
        "service_kind",
        "reply_to_message_id",
        "is_automatic_forward",
        "is_forwarded",
        "created_at",
        "edit_count",
        "search_text",
        "is_spam",
    ),
    conflict=("chat_id", "message_id"),
)


def comment_row(comment: IncomingComment, *, spam: bool = False) -> tuple[Any, ...]:
    author = comment.author
    return (
        comment.chat_id,
        comment.message_id,
        comment.thread_id,
        author.kind.value,
        author.user_id,
        author.sender_chat_id,
        author.kind is AuthorKind.FAN,
        comment.text,
        comment.media_kind,
        comment.service_kind,
        comment.reply_to_message_id,
        comment.is_automatic_forward,
        comment.is_forwarded,
        comment.created_at,
        0,
        folded(comment.text),
        spam,
    )


async def _insert_comments(
    session: AsyncSession,
    comments: Sequence[IncomingComment],
    spam: Collection[tuple[int, int]] = frozenset(),
) -> None:
    await COMMENT_INSERT.execute(
        session,
        [comment_row(c, spam=(c.chat_id, c.message_id) in spam) for c in comments],
    )


async def _apply_edits(
    session: AsyncSession, edits: Sequence[CommentEdit]
) -> list[IncomingComment]:
    """Apply the edits that are newer than what is stored; returns the comments as they now
    read (the ones that changed)."""
    # An edit of a message we never saw (sent before the bot joined) stores it as it is now.
    await _insert_comments(session, [edit.comment for edit in edits])
    keys = {(edit.comment.chat_id, edit.comment.message_id) for edit in edits}
    current = {
        (row.chat_id, row.message_id): row
        for row in (
            await session.execute(
                select(
                    Comment.chat_id,
                    Comment.message_id,
                    Comment.text,
                    Comment.media_kind,
                    Comment.edited_at,
                    Comment.edit_count,
                ).where(among_messages(Comment.chat_id, Comment.message_id, keys))
            )
        ).all()
    }
    state = {
        key: (row.text, row.media_kind, row.edited_at, row.edit_count)
        for key, row in current.items()
    }
    versions: list[dict[str, Any]] = []
    changed: dict[tuple[int, int], dict[str, Any]] = {}
    applied: dict[tuple[int, int], IncomingComment] = {}
    for edit in edits:
        key = (edit.comment.chat_id, edit.comment.message_id)
        text, media_kind, edited_at, edit_count = state[key]
        is_stale = edited_at is not None and edited_at >= edit.edited_at
        unchanged = text == edit.comment.text and media_kind == edit.comment.media_kind
        if is_stale or unchanged:
            continue
        versions.append(
            {
                "chat_id": key[0],
                "message_id": key[1],
                "edited_at": edit.edited_at,
                "previous_text": text,
            }
        )
        state[key] = (edit.comment.text, edit.comment.media_kind, edit.edited_at, edit_count + 1)
        applied[key] = edit.comment
        changed[key] = {
            "b_chat_id": key[0],
            "b_message_id": key[1],
            "text": edit.comment.text,
            "search_text": folded(edit.comment.text),
            "media_kind": edit.comment.media_kind,
            "edited_at": edit.edited_at,
            "edit_count": edit_count + 1,
        }
    if not versions:
        return []
    await session.execute(
        insert_for(session, CommentVersion.__table__).on_conflict_do_nothing(
            index_elements=[
                CommentVersion.chat_id,
                CommentVersion.message_id,
                CommentVersion.edited_at,
            ]
        ),
        versions,
    )
    await session.execute(
        update(Comment.__table__)  # type: ignore[arg-type]
        .where(
            Comment.chat_id == bindparam("b_chat_id"),
            Comment.message_id == bindparam("b_message_id"),
        )
        .values(
            text=bindparam("text"),
            search_text=bindparam("search_text"),
            media_kind=bindparam("media_kind"),
            edited_at=bindparam("edited_at"),
            edit_count=bindparam("edit_count"),
        ),
        list(changed.values()),
    )
    return list(applied.values())
