"""Every group message is stored once, through the real dispatcher and batch store."""

from __future__ import annotations

from typing import Any

import pytest
from aiogram import Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import Command
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import Chat, Comment, CommentVersion, FailedUpdate, User
from bot.devtools.recording_session import BOT_USER
from tests.support import updates as u
from tests.support.pipeline import Pipeline

FAN = u.user(5001, "Lin", username="lin_fan", language_code="zh-hans")
OTHER_FAN = u.user(5002, "Ava", language_code="en")
GROUP = u.group()


@pytest.fixture
def pipeline(session_factory: async_sessionmaker[AsyncSession]) -> Pipeline:
    return Pipeline.create(session_factory)


async def rows(session_factory: async_sessionmaker[AsyncSession], model: Any) -> list[Any]:
    async with session_factory() as session:
        return list((await session.scalars(select(model))).all())


async def count(session_factory: async_sessionmaker[AsyncSession], model: Any) -> int:
    async with session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_group_messages_are_stored_with_chat_and_author(
    pipeline: Pipeline, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    updates = u.Updates()
    await pipeline.deliver(
        updates.message(GROUP, FAN, "下一期拍猫咪吧！"),
        updates.message(GROUP, OTHER_FAN, "More behind-the-scenes please"),
    )
    comments = sorted(await rows(session_factory, Comment), key=lambda c: c.message_id)
    assert [(c.message_id, c.text, c.author_user_id, c.is_fan) for c in comments] == [
        (1, "下一期拍猫咪吧！", 5001, True),
        (2, "More behind-the-scenes please", 5002, True),
    ]
    assert comments[0].author_kind == "fan"
    assert comments[0].created_at.tzinfo is not None
    (chat,) = await rows(session_factory, Chat)
    assert (chat.id, chat.type, chat.title, chat.is_active) == (
        GROUP["id"],
        "supergroup",
        "Fans",
        True,
    )
    users = {user.id: user for user in await rows(session_factory, User)}
    assert users[5001].username == "lin_fan"
    assert users[5001].language_code == "zh-hans"


async def test_the_same_update_delivered_twice_adds_nothing(
    pipeline: Pipeline, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    updates = u.Updates()
    first = updates.message(GROUP, FAN, "hello")
    await pipeline.deliver(first)
    await pipeline.deliver(first)
    await pipeline.deliver(first, first)
    assert await count(session_factory, Comment) == 1
    assert await count(session_factory, User) == 1


async def test_an_edit_keeps_the_previous_text_and_an_unchanged_edit_adds_nothing(
    pipeline: Pipeline, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    updates = u.Updates()
    original = updates.message(GROUP, FAN, "the lighting is bad")
    unchanged = updates.edit(original, "the lighting is bad", after=30)
    changed = updates.edit(original, "the lighting is great", after=60)
    await pipeline.deliver(original)
    await pipeline.deliver(unchanged)
    assert await count(session_factory, CommentVersion) == 0
    (comment,) = await rows(session_factory, Comment)
    assert (comment.text, comment.edit_count, comment.edited_at) == ("the lighting is bad", 0, None)

    await pipeline.deliver(changed)
    await pipeline.deliver(changed)  # redelivered
    await pipeline.deliver(unchanged)  # an older edit arriving late changes nothing either
    (comment,) = await rows(session_factory, Comment)
    assert (comment.text, comment.edit_count) == ("the lighting is great", 1)
    (version,) = await rows(session_factory, CommentVersion)
    assert version.previous_text == "the lighting is bad"
    assert version.edited_at == comment.edited_at


async def test_an_edit_of_a_message_never_seen_stores_it_once(
    pipeline: Pipeline, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    updates = u.Updates()
    original = updates.message(GROUP, FAN, "sent before the bot joined")
    edited = updates.edit(original, "edited after the bot joined")
    await pipeline.deliver(edited)
    await pipeline.deliver(edited)
    (comment,) = await rows(session_factory, Comment)
    assert comment.text == "edited after the bot joined"
    assert await count(session_factory, CommentVersion) == 0


async def test_several_edits_in_one_batch_apply_in_order(
    pipeline: Pipeline, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    updates = u.Updates()
    original = updates.message(GROUP, FAN, "v1")
    await pipeline.deliver(
        original, updates.edit(original, "v2", after=10), updates.edit(original, "v3", after=20)
    )
    (comment,) = await rows(session_factory, Comment)
    assert (comment.text, comment.edit_count) == ("v3", 2)
    versions = sorted(await rows(session_factory, CommentVersion), key=lambda v: v.edited_at)
    assert [v.previous_text for v in versions] == ["v1", "v2"]


@pytest.mark.parametrize(
    ("build", "kind", "sender_chat"),
    [
        (lambda up: up.as_anonymous_admin(GROUP, "pinned rules"), "anonymous_admin", GROUP["id"]),
        (
            lambda up: up.as_channel(GROUP, u.channel(), "posting as a channel"),
            "channel",
            -1002000000001,
        ),
        (
            lambda up: up.automatic_forward(GROUP, u.channel(), "new video is out"),
            "linked_channel",
            -1002000000001,
        ),
    ],
)
async def test_messages_sent_on_behalf_of_a_chat_belong_to_that_chat(
    pipeline: Pipeline,
    session_factory: async_sessionmaker[AsyncSession],
    build: Any,
    kind: str,
    sender_chat: int,
) -> None:
    await pipeline.deliver(build(u.Updates()))
    (comment,) = await rows(session_factory, Comment)
    assert (comment.author_kind, comment.sender_chat_id) == (kind, sender_chat)
    assert comment.author_user_id is None
    assert comment.is_fan is False
    # The placeholder `from` (GroupAnonymousBot, Channel_Bot, Telegram) is never stored as a person.
    assert await count(session_factory, User) == 0


async def test_captions_media_and_service_messages_are_stored(
    pipeline: Pipeline, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    updates = u.Updates()
    photo = [{"file_id": "p1", "file_unique_id": "u1", "width": 90, "height": 90}]
    newcomer = u.user(5003, "Kai")
    await pipeline.deliver(
        updates.raw_message(GROUP, FAN, photo=photo, caption="封面这样可以吗 #建议"),
        updates.raw_message(GROUP, newcomer, new_chat_members=[newcomer]),
        updates.raw_message(GROUP, FAN, new_chat_title="Fans 2.0"),
        updates.raw_message(GROUP, OTHER_FAN, sticker=_sticker()),
    )
    comments = sorted(await rows(session_factory, Comment), key=lambda c: c.message_id)
    assert [(c.text, c.media_kind, c.service_kind) for c in comments] == [
        ("封面这样可以吗 #建议", "photo", None),
        (None, None, "new_chat_members"),
        (None, None, "new_chat_title"),
        (None, "sticker", None),
    ]
    assert {user.id for user in await rows(session_factory, User)} == {5001, 5002, 5003}


async def test_replies_keep_what_they_reply_to(
    pipeline: Pipeline, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    updates = u.Updates()
    question = updates.message(GROUP, FAN, "which song is this?")
    answer = updates.message(GROUP, OTHER_FAN, "周杰伦的晴天", reply_to_message=question["message"])
    await pipeline.deliver(question, answer)
    by_id = {c.message_id: c for c in await rows(session_factory, Comment)}
    assert by_id[2].reply_to_message_id == 1


async def test_private_chats_are_not_stored_as_comments(
    pipeline: Pipeline, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await pipeline.deliver(u.Updates().message(u.private(FAN), FAN, "hi bot"))
    assert await count(session_factory, Comment) == 0


async def test_a_basic_group_upgraded_to_a_supergroup_moves_the_chat(
    pipeline: Pipeline, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    updates = u.Updates()
    old = u.basic_group()
    new_id = -1009999000001
    await pipeline.deliver(
        updates.message(old, FAN, "before the upgrade"),
        updates.raw_message(old, FAN, migrate_to_chat_id=new_id),
    )
    chats = {chat.id: chat for chat in await rows(session_factory, Chat)}
    assert chats[old["id"]].migrated_to_chat_id == new_id
    assert chats[old["id"]].is_active is False
    assert (chats[new_id].type, chats[new_id].title, chats[new_id].is_active) == (
        "supergroup",
        "Small fans",
        True,
    )


async def test_a_handler_that_raises_loses_nothing(
    pipeline: Pipeline, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    feature = Router(name="a feature that crashes")

    @feature.message(Command("boom"))
    async def explode(message: Any) -> None:
        raise RuntimeError("boom")

    pipeline.dispatcher.include_router(feature)
    updates = u.Updates()
    await pipeline.deliver(
        updates.command(GROUP, FAN, "/boom this breaks a feature handler"),
        updates.message(GROUP, FAN, "this one is fine"),
    )
    (failure,) = await rows(session_factory, FailedUpdate)
    assert "RuntimeError: boom" in failure.error
    assert failure.user_id == FAN["id"], "/forget finds a fan's failed updates by this"
    assert "this breaks a feature handler" in failure.payload
    # The fan's message was observed before the feature failed: it is stored all the same.
    assert sorted(c.text for c in await rows(session_factory, Comment)) == [
        "/boom this breaks a feature handler",
        "this one is fine",
    ]


def test_allowed_updates_come_from_the_handlers(pipeline: Pipeline) -> None:
    allowed = set(pipeline.processor.allowed_updates)
    assert {"message", "edited_message"} <= allowed


def _sticker() -> dict[str, Any]:
    return {
        "file_id": "s1",
        "file_unique_id": "su1",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    }


async def test_plain_chat_ends_at_ingest_while_commands_and_replies_to_the_bot_go_on(
    pipeline: Pipeline, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    seen: list[str] = []

    # Registered on the dispatcher itself, right after ingest's own handler: it sees exactly
    # what ingest lets through to the routers, whatever the features below do with it.
    @pipeline.dispatcher.message()
    async def record(message: Any) -> None:
        seen.append(message.text)
        raise SkipHandler

    updates = u.Updates()
    bot_message = updates.message_payload(GROUP, BOT_USER.model_dump(), text="what next?")
    await pipeline.deliver(
        updates.message(GROUP, FAN, "just chatting"),
        updates.command(GROUP, FAN, "/unknown_command"),
        updates.message(GROUP, FAN, "a cat video!", reply_to_message=bot_message),
        updates.message(
            GROUP, FAN, "a reply to a fan", reply_to_message=bot_message | {"from": FAN}
        ),
    )
    assert seen == ["/unknown_command", "a cat video!"]
    assert await count(session_factory, Comment) == 4
