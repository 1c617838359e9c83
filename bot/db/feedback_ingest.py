"""What ingest does for feedback at flush time, inside the batch's transaction.

Per batch, one read answers two questions: each group's tag-set fingerprint (its cached tagger
is rebuilt only when that changes, on whichever instance) and which of the batch's people asked
to be forgotten (the database is the source of truth, so every instance honours a tombstone at
once). Then every fan text is tagged and its tags and sentiment stored idempotently on
(chat_id, message_id); an edit replaces the automatic tags and the sentiment.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import String, cast, delete, literal, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.bulk_insert import BulkUpsert
from bot.db.message_keys import among_messages
from bot.db.models import (
    ChatRole,
    DoorSettingsRecord,
    FeedbackItem,
    FeedbackItemTag,
    FeedbackTagSet,
    ForgottenUser,
    SpamPhrase,
)
from bot.db.person_locks import hold_people
from bot.db.spam_lookup import COPY, PRIOR, Copy, SpamReads, copies_modes_part, read_row, spam_parts
from bot.db.tag_sets import load_tag_set
from bot.domain.attribution import AuthorKind
from bot.domain.feedback_command import FEEDBACK_COMMAND
from bot.domain.records import IncomingComment
from bot.domain.tag_set import DEFAULT_FINGERPRINT
from bot.domain.tagging import DEFAULT_RULES, Sentiment, Tagger
from bot.domain.tagging.evidence import encode, evidence_of

AUTO, MANUAL, REMOVED = "auto", "manual", "removed"
TAGGER_CACHE_SIZE = 512
PERSON_COLUMNS = ("user_id", "author_user_id")


class TaggerCache:
    """Taggers by tag-set fingerprint. Content-addressed: a hit is right for any database."""

    def __init__(self, size: int = TAGGER_CACHE_SIZE) -> None:
        self._size = size
        self._taggers: OrderedDict[str, Tagger] = OrderedDict()

    async def for_groups(
        self, session: AsyncSession, fingerprints: dict[int, str]
    ) -> dict[int, Tagger]:
        taggers: dict[int, Tagger] = {}
        for chat_id, key in fingerprints.items():
            tagger = self._taggers.get(key)
            if tagger is None:
                tagger = await self._build(session, chat_id, key)
            else:
                self._taggers.move_to_end(key)
            taggers[chat_id] = tagger
        return taggers

    async def _build(self, session: AsyncSession, chat_id: int, key: str) -> Tagger:
        if key == DEFAULT_FINGERPRINT:
            tagger = Tagger.build(DEFAULT_RULES, learned_tags=True)
        else:
            tagger = Tagger.build((await load_tag_set(session, chat_id)).rules, learned_tags=True)
        self._taggers[key] = tagger
        while len(self._taggers) > self._size:
            self._taggers.popitem(last=False)
        return tagger


TAGGERS = TaggerCache()


@dataclass(frozen=True, slots=True)
class IngestLookup:
    fingerprints: dict[int, str]
    forgotten: frozenset[int]
    # The spam check (bot/db/spam.py): groups with it on and their mode, the phrases their
    # operators taught it, and who among the batch's people holds a role there.
    spam_modes: dict[int, str] = field(default_factory=dict)
    learned: dict[int, tuple[str, ...]] = field(default_factory=dict)
    granted: frozenset[tuple[int, int]] = frozenset()
    # For the texts read before the lookup (bot/db/spam_lookup.py): the window's copies of
    # their fingerprints, and per (group, sender) the messages stored before the batch's.
    copies: tuple[Copy, ...] = ()
    priors: dict[tuple[int, int], int] = field(default_factory=dict)


async def ingest_lookup(
    session: AsyncSession,
    chat_ids: Collection[int],
    user_ids: Collection[int],
    spam: SpamReads | None = None,
) -> IngestLookup:
    if not chat_ids and not user_ids:
        return IngestLookup({}, frozenset())
    await hold_people(session, user_ids)
    sets = select(literal(0), FeedbackTagSet.chat_id, FeedbackTagSet.fingerprint).where(
        FeedbackTagSet.chat_id.in_(chat_ids)
    )
    tombstones = select(literal(1), ForgottenUser.user_id, literal("")).where(
        ForgottenUser.user_id.in_(user_ids)
    )
    # In the same round trip: a second read per batch would cost ingest more than the check.
    spam_on = select(literal(2), DoorSettingsRecord.chat_id, DoorSettingsRecord.spam_mode).where(
        DoorSettingsRecord.chat_id.in_(chat_ids), DoorSettingsRecord.spam_mode != "off"
    )
    taught = select(literal(3), SpamPhrase.chat_id, SpamPhrase.phrase).where(
        SpamPhrase.chat_id.in_(chat_ids)
    )
    roles = select(literal(4), ChatRole.chat_id, cast(ChatRole.user_id, String)).where(
        ChatRole.chat_id.in_(chat_ids), ChatRole.user_id.in_(user_ids)
    )
    extra = spam_parts(spam) if spam is not None else []
    copies_modes = copies_modes_part(spam) if spam is not None else None
    if copies_modes is not None:
        extra.append(copies_modes)
    found: dict[int, str] = {}
    forgotten: set[int] = set()
    copies: list[Copy] = []
    priors: dict[tuple[int, int], int] = {}
    modes: dict[int, str] = {}
    learned: dict[int, list[str]] = {}
    granted: set[tuple[int, int]] = set()
    rows = await session.execute(union_all(sets, tombstones, spam_on, taught, roles, *extra))
    for kind, key, value in rows.all():
        if kind == 0:
            found[key] = value
        elif kind == 1:
            forgotten.add(key)
        elif kind == 2:  # noqa: PLR2004
            modes[key] = value
        elif kind == 3:  # noqa: PLR2004
            learned.setdefault(key, []).append(value)
        elif kind in (COPY, PRIOR):
            read_row(kind, key, value, copies, priors)
        else:
            granted.add((key, int(value)))
    fingerprints = {chat_id: found.get(chat_id, DEFAULT_FINGERPRINT) for chat_id in chat_ids}
    return IngestLookup(
        fingerprints,
        frozenset(forgotten),
        spam_modes=modes,
        learned={chat_id: tuple(phrases) for chat_id, phrases in learned.items()},
        granted=frozenset(granted),
        copies=tuple(copies),
        priors=priors,
    )


def is_taggable(comment: IncomingComment) -> bool:
    text = comment.text
    if not text or comment.author.kind is not AuthorKind.FAN:
        return False
    return not text.startswith("/") or text.startswith(FEEDBACK_COMMAND)


def person_index(statement: BulkUpsert) -> int | None:
    """Where a feature row names a person, so a forgotten person's rows are never written."""
    for name in PERSON_COLUMNS:
        if name in statement.columns:
            return statement.columns.index(name)
    return None


ITEM_INSERT = BulkUpsert(
    FeedbackItem.__table__,  # type: ignore[arg-type]
    columns=("chat_id", "message_id", "author_user_id", "sentiment", "status", "explicit",
             "tagged_at", "evidence"),
    conflict=("chat_id", "message_id"),
)  # fmt: skip
ITEM_RETAG = BulkUpsert(
    FeedbackItem.__table__,  # type: ignore[arg-type]
    columns=ITEM_INSERT.columns,
    conflict=ITEM_INSERT.conflict,
    update=("sentiment", "tagged_at", "evidence"),
)
TAG_INSERT = BulkUpsert(
    FeedbackItemTag.__table__,  # type: ignore[arg-type]
    columns=("chat_id", "message_id", "tag", "source", "evidence"),
    conflict=("chat_id", "message_id", "tag"),
)


class UneditedTagInsert:
    """Automatic tags of new comments, written only while the stored comment is unedited: a
    redelivered original must not bring back the tags its edit took away."""

    _SQL = (
        "INSERT INTO feedback_item_tags (chat_id, message_id, tag, source, evidence) "
        "SELECT {0}, {1}, {2}, {3}, {4} WHERE EXISTS (SELECT 1 FROM comments "
        "WHERE chat_id = {0} AND message_id = {1} AND edited_at IS NULL) "
        "ON CONFLICT (chat_id, message_id, tag) DO NOTHING"
    )

    async def execute(self, session: AsyncSession, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        connection = await session.connection()
        if connection.dialect.name == "sqlite":
            driver = (await connection.get_raw_connection()).driver_connection
            assert driver is not None, "a checked-out connection has a driver connection"
            await driver.executemany(self._SQL.format("?1", "?2", "?3", "?4", "?5"), rows)
            return
        # asyncpg infers parameter types from use; the select list needs them spelled out.
        sql = self._SQL.format("$1::bigint", "$2::bigint", "$3::varchar", "$4::varchar", "$5::text")
        await connection.exec_driver_sql(sql, list(rows))


NEW_TAG_INSERT = UneditedTagInsert()


@dataclass(frozen=True, slots=True)
class TaggedRows:
    items: list[tuple[Any, ...]]
    tags: list[tuple[Any, ...]]


def tag_rows(
    comments: Iterable[IncomingComment], taggers: dict[int, Tagger], now: datetime
) -> TaggedRows:
    items: list[tuple[Any, ...]] = []
    tags: list[tuple[Any, ...]] = []
    for comment in comments:
        assert comment.text is not None
        result = taggers[comment.chat_id].tag(comment.text)
        if not result.tags and result.sentiment is Sentiment.NEUTRAL:
            continue
        key = (comment.chat_id, comment.message_id)
        found = evidence_of(comment.text, result)
        items.append(
            (*key, comment.author.user_id, result.sentiment.value, "new", False, now,
             encode(found.sentiment))
        )  # fmt: skip
        tags.extend((*key, tag, AUTO, encode(found.tags.get(tag, ()))) for tag in result.tags)
    return TaggedRows(items, tags)


async def tag_new_comments(
    session: AsyncSession,
    comments: Sequence[IncomingComment],
    fingerprints: dict[int, str],
    now: datetime,
) -> None:
    """Tags and sentiment of comments seen for the first time (redelivery changes nothing)."""
    taggable = [comment for comment in comments if is_taggable(comment)]
    if not taggable:
        return
    taggers = await TAGGERS.for_groups(
        session, {c.chat_id: fingerprints[c.chat_id] for c in taggable}
    )
    rows = tag_rows(taggable, taggers, now)
    await ITEM_INSERT.execute(session, rows.items)
    await NEW_TAG_INSERT.execute(session, rows.tags)


async def retag_edited(
    session: AsyncSession,
    edited: Sequence[IncomingComment],
    fingerprints: dict[int, str],
    now: datetime,
) -> None:
    """An edit replaces the automatic tags and the sentiment; manual and removed tags stay."""
    if not edited:
        return
    keys = {(comment.chat_id, comment.message_id) for comment in edited}
    await session.execute(
        delete(FeedbackItemTag).where(
            FeedbackItemTag.source == AUTO,
            among_messages(FeedbackItemTag.chat_id, FeedbackItemTag.message_id, keys),
        )
    )
    taggable = [comment for comment in edited if is_taggable(comment)]
    neutral = [
        (c.chat_id, c.message_id, c.author.user_id, "neutral", "new", False, now, None)
        for c in edited
        if not is_taggable(c)
    ]
    taggers = await TAGGERS.for_groups(
        session, {c.chat_id: fingerprints[c.chat_id] for c in taggable}
    )
    rows = tag_rows(taggable, taggers, now)
    tagged = {(row[0], row[1]) for row in rows.items}
    neutral += [
        (c.chat_id, c.message_id, c.author.user_id, "neutral", "new", False, now, None)
        for c in taggable
        if (c.chat_id, c.message_id) not in tagged
    ]
    await ITEM_RETAG.execute(session, [*rows.items, *neutral])
    await TAG_INSERT.execute(session, rows.tags)
