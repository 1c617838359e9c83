"""A person's data: everything stored about them (/mydata) and forgetting it (/forget).

`PERSON_COLUMNS` names every column that holds a Telegram user id and what forgetting does to
its rows; a test enumerates the models and fails when a new person column is not listed here.
Forgetting runs in the caller's transaction, together with the tombstone that keeps ingest from
storing the person again (bot/db/feedback_ingest.py checks it per batch).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, delete, exists, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import KeyedColumnElement

from bot.db.chunks import chunks
from bot.db.failed_updates import payload_chat_id, redact_person_everywhere
from bot.db.message_keys import among_messages
from bot.db.models import (
    AskNotice,
    AskNoticeOptOut,
    AuditRecord,
    Base,
    ChatRole,
    ChatSettings,
    Comment,
    CommentVersion,
    ConfirmedAction,
    ConsoleSelection,
    DigestRollup,
    DigestSubscription,
    DoorCheck,
    Draft,
    FailedUpdate,
    FeedbackItem,
    FeedbackItemTag,
    FeedbackQuestion,
    ForgottenUser,
    GiveawayEntry,
    GiveawayRecord,
    GroupEvent,
    InboxQuery,
    InviteJoin,
    MemberReport,
    MemberTag,
    MemberWarning,
    PollRecord,
    PollVote,
    PrivateFeedback,
    SpamFingerprint,
    SpamVerdict,
    User,
    UserSettings,
    Video,
    VideoCommentLink,
    VideoLink,
)
from bot.db.person_locks import hold_person_exclusively
from bot.db.upsert import insert_for
from bot.domain.update_redaction import load

# A drawn giveaway's published transcript commits to its entrant list: removing an entry would
# make the draw unverifiable, so only entries of giveaways not drawn yet are removed.
UNDRAWN_GIVEAWAYS = ("open", "cancelled")


class OnForget(StrEnum):
    DELETE = "delete"  # the row is the person's: removed
    NULLIFY = "nullify"  # the row is someone else's record that mentions them: the id is cleared
    KEEP = "keep"  # kept on purpose (the tombstone; who changed what as an operator)
    DELETE_UNDRAWN = "delete_undrawn"


@dataclass(frozen=True, slots=True)
class PersonColumn:
    model: type[Base]
    column: str
    on_forget: OnForget

    @property
    def table(self) -> str:
        return str(self.model.__tablename__)

    @property
    def key(self) -> KeyedColumnElement[Any]:
        return self.model.__table__.c[self.column]


PERSON_COLUMNS: tuple[PersonColumn, ...] = (
    PersonColumn(User, "id", OnForget.DELETE),
    PersonColumn(Comment, "author_user_id", OnForget.DELETE),
    PersonColumn(FailedUpdate, "user_id", OnForget.DELETE),
    PersonColumn(FeedbackItem, "author_user_id", OnForget.DELETE),
    PersonColumn(PrivateFeedback, "user_id", OnForget.DELETE),
    PersonColumn(UserSettings, "user_id", OnForget.DELETE),
    PersonColumn(ConsoleSelection, "user_id", OnForget.DELETE),
    PersonColumn(ChatRole, "user_id", OnForget.DELETE),
    PersonColumn(DigestSubscription, "user_id", OnForget.DELETE),
    PersonColumn(GroupEvent, "user_id", OnForget.DELETE),
    PersonColumn(InviteJoin, "user_id", OnForget.DELETE),
    PersonColumn(InboxQuery, "user_id", OnForget.DELETE),
    PersonColumn(Draft, "owner_user_id", OnForget.DELETE),
    PersonColumn(PollVote, "user_id", OnForget.DELETE),
    PersonColumn(GiveawayEntry, "user_id", OnForget.DELETE_UNDRAWN),
    PersonColumn(AskNotice, "user_id", OnForget.DELETE),
    PersonColumn(DoorCheck, "user_id", OnForget.DELETE),
    PersonColumn(MemberWarning, "user_id", OnForget.DELETE),
    # A report names who wrote it and whom it is about: either one forgotten, it goes.
    PersonColumn(MemberReport, "reporter_user_id", OnForget.DELETE),
    PersonColumn(MemberReport, "subject_user_id", OnForget.DELETE),
    PersonColumn(AskNoticeOptOut, "user_id", OnForget.DELETE),
    # A spam decision and a recent text's fingerprint name their sender.
    PersonColumn(SpamVerdict, "user_id", OnForget.DELETE),
    PersonColumn(SpamFingerprint, "user_id", OnForget.DELETE),
    # The tag a fan wears (the forget first takes it off Telegram: handlers/privacy.py).
    PersonColumn(MemberTag, "user_id", OnForget.DELETE),
    PersonColumn(ChatRole, "granted_by_user_id", OnForget.NULLIFY),
    PersonColumn(ChatSettings, "added_by_user_id", OnForget.NULLIFY),
    PersonColumn(AuditRecord, "subject_user_id", OnForget.NULLIFY),
    PersonColumn(FeedbackQuestion, "asked_by_user_id", OnForget.NULLIFY),
    PersonColumn(GiveawayRecord, "creator_user_id", OnForget.NULLIFY),
    PersonColumn(PollRecord, "created_by_user_id", OnForget.NULLIFY),
    PersonColumn(Video, "created_by", OnForget.NULLIFY),
    PersonColumn(VideoLink, "created_by_user_id", OnForget.NULLIFY),
    # A pending or undoable action names its actor and subject (and holds their name): gone.
    PersonColumn(ConfirmedAction, "actor_user_id", OnForget.DELETE),
    PersonColumn(ConfirmedAction, "subject_user_id", OnForget.DELETE),
    PersonColumn(AuditRecord, "actor_user_id", OnForget.KEEP),
    PersonColumn(ForgottenUser, "user_id", OnForget.KEEP),
)


def is_person_column(table: str, column: str) -> bool:
    """How the coverage test recognises a user id column."""
    return (
        column in ("user_id", "author_user_id")
        or column.endswith("_user_id")
        or column == "created_by"
        or (table == "users" and column == "id")
    )


async def is_known_in(session: AsyncSession, user_id: int, chat_id: int) -> bool:
    """Whether a person wrote in a group (an operator may forget only the group's own fans)."""
    return bool(
        await session.scalar(
            select(exists().where(Comment.chat_id == chat_id, Comment.author_user_id == user_id))
        )
    )


async def is_forgotten(session: AsyncSession, user_id: int) -> bool:
    """Whether the person asked to be forgotten: a feature that would store them refuses."""
    return bool(await session.scalar(select(exists().where(ForgottenUser.user_id == user_id))))


def _row(model: type[Base], row: Any) -> dict[str, Any]:
    return {column.name: row[index] for index, column in enumerate(model.__table__.c)}


async def _rows(
    session: AsyncSession, model: type[Base], where: ColumnElement[bool]
) -> list[dict[str, Any]]:
    columns = list(model.__table__.c)
    result = await session.execute(select(*columns).where(where).order_by(*columns[:2]))
    return [_row(model, row) for row in result.all()]


def person_tables() -> list[tuple[type[Base], list[PersonColumn]]]:
    """The tables /mydata lists under "tables", each with its person columns, in the order of
    PERSON_COLUMNS (users and comments have their own places in the document)."""
    tables: dict[type[Base], list[PersonColumn]] = {}
    for person in PERSON_COLUMNS:
        if person.model not in (User, Comment):
            tables.setdefault(person.model, []).append(person)
    return list(tables.items())


async def person_profile(session: AsyncSession, user_id: int) -> dict[str, Any] | None:
    profile = await _rows(session, User, User.id == user_id)
    return profile[0] if profile else None


async def person_table_rows(
    session: AsyncSession, model: type[Base], user_id: int, size: int
) -> AsyncIterator[list[dict[str, Any]]]:
    """The table's rows that name the person in any of its person columns (each row once, by
    one OR that each column's index answers), `size` at a time from a server-side cursor."""
    columns = list(model.__table__.c)
    keys = [person.key == user_id for person in PERSON_COLUMNS if person.model is model]
    result = await session.stream(
        select(*columns).where(or_(*keys)).order_by(*columns[:2]).execution_options(yield_per=size)
    )
    async for partition in result.partitions(size):
        yield [_row(model, row) for row in partition]


async def person_comments(
    session: AsyncSession, user_id: int, after: int | None, size: int
) -> tuple[list[dict[str, Any]], int | None]:
    """The next `size` of the person's comments (by row id, after `after`), each with its earlier
    versions, tags, status and sentiment; and where the next chunk starts (None: the last)."""
    where = Comment.author_user_id == user_id
    if after is not None:
        where = where & (Comment.id > after)
    columns = list(Comment.__table__.c)
    found = await session.execute(select(*columns).where(where).order_by(Comment.id).limit(size))
    comments = [_row(Comment, row) for row in found.all()]
    for comment in comments:
        del comment["search_text"]  # a folded copy of the text, not something more they said
    if not comments:
        return [], None
    await _describe(session, comments)
    return comments, (int(comments[-1]["id"]) if len(comments) == size else None)


async def _describe(session: AsyncSession, comments: list[dict[str, Any]]) -> None:
    keys = [(c["chat_id"], c["message_id"]) for c in comments]
    versions: dict[tuple[int, int], list[dict[str, Any]]] = {}
    tags: dict[tuple[int, int], list[str]] = {}
    items: dict[tuple[int, int], dict[str, Any]] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        for version in await _rows(session, CommentVersion, _in(CommentVersion, chunk)):
            key = (version["chat_id"], version["message_id"])
            versions.setdefault(key, []).append(
                {"edited_at": version["edited_at"], "previous_text": version["previous_text"]}
            )
        for tag in await _rows(session, FeedbackItemTag, _in(FeedbackItemTag, chunk)):
            if tag["source"] != "removed":
                tags.setdefault((tag["chat_id"], tag["message_id"]), []).append(tag["tag"])
        for item in await _rows(session, FeedbackItem, _in(FeedbackItem, chunk)):
            items[item["chat_id"], item["message_id"]] = item
    for comment in comments:
        key = (comment["chat_id"], comment["message_id"])
        item = items.get(key, {})
        comment["tags"] = sorted(tags.get(key, []))
        comment["status"] = item.get("status")
        comment["sentiment"] = item.get("sentiment")
        comment["versions"] = versions.get(key, [])


def _in(model: type[Base], keys: Sequence[tuple[int, int]]) -> ColumnElement[bool]:
    table = model.__table__
    return among_messages(table.c.chat_id, table.c.message_id, keys)


@dataclass(frozen=True, slots=True)
class Forgotten:
    comments: int
    rows: int


async def forget_person(session: AsyncSession, user_id: int, now: datetime) -> Forgotten:
    """Delete or anonymise everything of a person and write their tombstone, in the caller's
    transaction (one unit: all of it or none)."""
    await hold_person_exclusively(session, user_id)
    tombstone = _tombstone(session, user_id, now)
    await session.execute(tombstone)
    keys = (
        await session.execute(
            select(Comment.chat_id, Comment.message_id).where(Comment.author_user_id == user_id)
        )
    ).all()
    pairs = [(row.chat_id, row.message_id) for row in keys]
    for start in range(0, len(pairs), 500):
        chunk = pairs[start : start + 500]
        for model in (FeedbackItemTag, FeedbackItem, CommentVersion, VideoCommentLink):
            await session.execute(delete(model).where(_in(model, chunk)))
    rows = 0
    for person in PERSON_COLUMNS:
        rows += await _forget_column(session, person, user_id)
    # Their own failed updates went with the column; others' may still quote them.
    await redact_person_everywhere(session, user_id)
    # Rolled-up days counted the person's messages: recomputed from what is left.
    chats = {chat_id for chat_id, _ in pairs}
    for chunk in chunks(chats):
        await session.execute(delete(DigestRollup).where(DigestRollup.chat_id.in_(chunk)))
    return Forgotten(comments=len(pairs), rows=rows)


def _tombstone(session: AsyncSession, user_id: int, now: datetime) -> Any:
    return (
        insert_for(session, ForgottenUser.__table__)
        .values(user_id=user_id, forgotten_at=now)
        .on_conflict_do_nothing(index_elements=["user_id"])
    )


async def _forget_column(session: AsyncSession, person: PersonColumn, user_id: int) -> int:
    key = person.key
    if person.on_forget is OnForget.KEEP:
        return 0
    if person.on_forget is OnForget.NULLIFY:
        result = await session.execute(
            update(person.model).where(key == user_id).values({person.column: None})
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
    statement = delete(person.model).where(key == user_id)
    if person.on_forget is OnForget.DELETE_UNDRAWN:
        undrawn = select(GiveawayRecord.id).where(GiveawayRecord.status.in_(UNDRAWN_GIVEAWAYS))
        statement = statement.where(GiveawayEntry.giveaway_id.in_(undrawn))
        # The drawn ones keep the id the transcript commits to, not the name: a later reroll
        # that picks the person announces their entrant number instead.
        await session.execute(
            update(GiveawayEntry)
            .where(GiveawayEntry.user_id == user_id, GiveawayEntry.giveaway_id.not_in(undrawn))
            .values(first_name="", last_name=None)
        )
    result = await session.execute(statement)
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def forget_in_group(session: AsyncSession, user_id: int, chat_id: int) -> Forgotten:
    """What one group holds of a person, deleted in the caller's transaction: their comments
    there with everything derived from them, their votes, reactions and undrawn entries there,
    and their failed updates from there. Their profile, the other groups' data and the right to
    be stored again stay: only the person's own /forget reaches every group."""
    keys = (
        await session.execute(
            select(Comment.message_id).where(
                Comment.chat_id == chat_id, Comment.author_user_id == user_id
            )
        )
    ).scalars()
    pairs = [(chat_id, message_id) for message_id in keys]
    for start in range(0, len(pairs), 500):
        chunk = pairs[start : start + 500]
        for model in (FeedbackItemTag, FeedbackItem, CommentVersion, VideoCommentLink):
            await session.execute(delete(model).where(_in(model, chunk)))
    rows = 0
    for table, where in _group_rows(user_id, chat_id):
        result = await session.execute(delete(table).where(where))
        rows += int(result.rowcount or 0)  # type: ignore[attr-defined]
    drawn = select(GiveawayRecord.id).where(
        GiveawayRecord.chat_id == chat_id, GiveawayRecord.status.not_in(UNDRAWN_GIVEAWAYS)
    )
    await session.execute(
        update(GiveawayEntry)
        .where(GiveawayEntry.user_id == user_id, GiveawayEntry.giveaway_id.in_(drawn))
        .values(first_name="", last_name=None)
    )
    failed = await session.execute(
        select(FailedUpdate.id, FailedUpdate.payload).where(FailedUpdate.user_id == user_id)
    )
    from_group = [row.id for row in failed.all() if payload_chat_id(load(row.payload)) == chat_id]
    for chunk in chunks(from_group):
        await session.execute(delete(FailedUpdate).where(FailedUpdate.id.in_(chunk)))
    rows += len(from_group)
    await redact_person_everywhere(session, user_id, chat_id=chat_id)
    if pairs:
        await session.execute(delete(DigestRollup).where(DigestRollup.chat_id == chat_id))
    return Forgotten(comments=len(pairs), rows=rows)


def _group_rows(user_id: int, chat_id: int) -> list[tuple[type[Base], ColumnElement[bool]]]:
    polls = select(PollRecord.telegram_poll_id).where(
        PollRecord.chat_id == chat_id, PollRecord.telegram_poll_id.is_not(None)
    )
    undrawn = select(GiveawayRecord.id).where(
        GiveawayRecord.chat_id == chat_id, GiveawayRecord.status.in_(UNDRAWN_GIVEAWAYS)
    )
    return [
        (Comment, (Comment.chat_id == chat_id) & (Comment.author_user_id == user_id)),
        (
            FeedbackItem,
            (FeedbackItem.chat_id == chat_id) & (FeedbackItem.author_user_id == user_id),
        ),
        (GroupEvent, (GroupEvent.chat_id == chat_id) & (GroupEvent.user_id == user_id)),
        (AskNotice, (AskNotice.chat_id == chat_id) & (AskNotice.user_id == user_id)),
        (InviteJoin, (InviteJoin.chat_id == chat_id) & (InviteJoin.user_id == user_id)),
        (SpamVerdict, (SpamVerdict.chat_id == chat_id) & (SpamVerdict.user_id == user_id)),
        (
            SpamFingerprint,
            (SpamFingerprint.chat_id == chat_id) & (SpamFingerprint.user_id == user_id),
        ),
        (
            PrivateFeedback,
            (PrivateFeedback.chat_id == chat_id) & (PrivateFeedback.user_id == user_id),
        ),
        (PollVote, (PollVote.user_id == user_id) & PollVote.telegram_poll_id.in_(polls)),
        (
            GiveawayEntry,
            (GiveawayEntry.user_id == user_id) & GiveawayEntry.giveaway_id.in_(undrawn),
        ),
    ]
