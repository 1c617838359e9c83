"""A basic group became a supergroup: the stored chat and what operators set up move to the new id.

Telegram gives the supergroup a fresh message-id space, so history stays keyed by the old chat
(comments, edits, feedback, events, audit: their (chat_id, message_id) stays unique and true), and
the old chat row points at the new one. What belongs to the group rather than to a message moves:
settings, granted roles, digest settings and subscriptions, the tag set, retention, videos and
their invite links (which lead to the supergroup now), the operators' console choices, saved
inbox queries and their decisions on proposed keywords (corrections, being about messages, stay
with the history). A row the new chat already has (an operator acted in the supergroup first)
wins over the old one, which then stays behind. Joins stay with the chat they happened in; a join
is matched to its video by the link, whichever chat id it was recorded under.

Polls and giveaways not yet finished move too, so that they are sent, closed, drawn and listed in
the group they belong to. Their message stays in the old chat, where nothing can be stopped or
edited any more: its id is dropped (closing then skips stopPoll and the stored counts are the
result; a giveaway's entry message is no longer edited), since the same id in the supergroup's
fresh id space is another message. Finished ones stay with the history.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, and_, exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.giveaways import UNFINISHED as UNFINISHED_GIVEAWAYS
from bot.db.models import (
    Base,
    Chat,
    ChatRole,
    ChatSettings,
    ConsoleSelection,
    DigestSettings,
    DigestSubscription,
    FeedbackTag,
    FeedbackTagSet,
    GiveawayRecord,
    InboxQuery,
    KeywordProposal,
    PollRecord,
    RetentionSetting,
    Video,
    VideoLink,
)
from bot.db.polls import PollStatus
from bot.db.upsert import insert_for
from bot.domain.records import ChatMigration

# table -> the columns that, with chat_id, identify a row within a group
MOVES_WITH_THE_GROUP: tuple[tuple[type[Base], tuple[str, ...]], ...] = (
    (ChatSettings, ()),
    (ChatRole, ("user_id",)),
    (DigestSettings, ()),
    (DigestSubscription, ("user_id",)),
    (FeedbackTagSet, ()),
    (FeedbackTag, ("name",)),
    (RetentionSetting, ()),
    (Video, ("number",)),
    (VideoLink, ("id",)),
    (ConsoleSelection, ("user_id",)),
    (InboxQuery, ("id",)),
    (KeywordProposal, ("tag", "keyword")),
)


async def migrate_chat(session: AsyncSession, migration: ChatMigration) -> None:
    old = await session.get(Chat, migration.old_chat_id)
    statement = insert_for(session, Chat.__table__).on_conflict_do_nothing(index_elements=[Chat.id])
    await session.execute(
        statement,
        [
            {
                "id": migration.new_chat_id,
                "type": "supergroup",
                "title": old.title if old else None,
                "username": None,
                "is_active": True,
                "first_seen_at": migration.seen_at,
                "last_update_at": migration.seen_at,
            }
        ],
    )
    await session.execute(
        update(Chat)
        .where(Chat.id == migration.old_chat_id)
        .values(
            migrated_to_chat_id=migration.new_chat_id,
            is_active=False,
            inactive_reason="migrated",
        )
    )
    for model, keys in MOVES_WITH_THE_GROUP:
        await _move_rows(session, cast(Table, model.__table__), keys, migration)
    unfinished_polls = (PollStatus.SCHEDULED.value, PollStatus.OPEN.value)
    for table, unfinished in (
        (cast(Table, PollRecord.__table__), unfinished_polls),
        (cast(Table, GiveawayRecord.__table__), UNFINISHED_GIVEAWAYS),
    ):
        await session.execute(
            update(table)
            .where(table.c.chat_id == migration.old_chat_id, table.c.status.in_(unfinished))
            .values(chat_id=migration.new_chat_id, message_id=None)
        )


async def _move_rows(
    session: AsyncSession, table: Table, keys: tuple[str, ...], migration: ChatMigration
) -> None:
    other = table.alias("already_there")
    taken = exists(
        select(1)
        .select_from(other)
        .where(
            and_(
                other.c.chat_id == migration.new_chat_id,
                *(other.c[key] == table.c[key] for key in keys),
            )
        )
    )
    await session.execute(
        update(table)
        .where(table.c.chat_id == migration.old_chat_id, ~taken)
        .values(chat_id=migration.new_chat_id)
    )
