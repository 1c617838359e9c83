"""The express lane writes exactly what the full path (parse + dispatcher + ingest) writes, and
sends everything a feature could act on, or that it does not fully understand, the full path."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from aiogram.types import Update
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import Comment, FailedUpdate
from bot.db.write_buffer import UpdateWrites
from bot.telegram.express_lane import express_writes
from bot.telegram.filters import PlainGroupChat
from tests.support.pipeline import Pipeline
from tests.support.updates import (
    CHANNEL_BOT,
    GROUP_ANONYMOUS_BOT,
    Updates,
    basic_group,
    channel,
    group,
    private,
    user,
)

FAN = user(501, "Lin", last_name="Wei", username="linwei", language_code="zh")
OTHER = user(502, "Sam")
GROUP = group()
PHOTO = [{"file_id": "p1", "file_unique_id": "u1", "width": 90, "height": 90}]
VIDEO = {"file_id": "v1", "file_unique_id": "u2", "width": 9, "height": 9, "duration": 3}
STICKER = {
    "file_id": "s1",
    "file_unique_id": "u3",
    "type": "regular",
    "width": 9,
    "height": 9,
    "is_animated": False,
    "is_video": False,
}
DOCUMENT = {"file_id": "d1", "file_unique_id": "u4"}
HASHTAG = [{"type": "hashtag", "offset": 0, "length": 4}]


@pytest.fixture
def pipeline(session_factory: async_sessionmaker[AsyncSession]) -> Pipeline:
    return Pipeline.create(session_factory)


async def full_path(pipeline: Pipeline, raw: dict[str, Any]) -> UpdateWrites:
    """The full path's writes, after checking that the full path too would end the update at
    the dispatcher: the express lane never takes what a feature's router would see."""
    update = Update.model_validate(copy.deepcopy(raw), context={"bot": pipeline.bot})
    if update.message is not None:
        assert await PlainGroupChat()(update.message, pipeline.bot), raw
    return await pipeline.processor.process(update)


def bot_user(pipeline: Pipeline) -> dict[str, Any]:
    return {"id": pipeline.bot.id, "is_bot": True, "first_name": "fanpulse"}


def plain_updates(pipeline: Pipeline) -> list[dict[str, Any]]:
    updates = Updates()
    first = updates.message(GROUP, FAN, "下一期拍猫咪吧！")
    fan_message = first["message"]
    return [
        first,
        updates.message(GROUP, OTHER, "#建议 more tutorials", entities=HASHTAG),
        updates.message(basic_group(), FAN, "small group chat"),
        updates.raw_message(GROUP, FAN, photo=PHOTO, caption="look at this"),
        updates.raw_message(GROUP, FAN, photo=PHOTO),
        updates.raw_message(GROUP, FAN, video=VIDEO, caption="clip", has_media_spoiler=True),
        updates.raw_message(GROUP, FAN, sticker=STICKER),
        updates.raw_message(GROUP, FAN, document=DOCUMENT, caption="notes.pdf"),
        updates.raw_message(
            GROUP,
            FAN,
            animation=DOCUMENT | {"width": 1, "height": 1, "duration": 1},
            document=DOCUMENT,
        ),
        updates.message(GROUP, OTHER, "agreed", reply_to_message=fan_message),
        updates.message(GROUP, OTHER, "in a topic", message_thread_id=7, is_topic_message=True),
        updates.message(
            GROUP,
            FAN,
            "forwarded",
            forward_origin={"type": "user", "date": 1, "sender_user": OTHER},
        ),
        updates.as_anonymous_admin(GROUP, "admins speaking"),
        updates.as_channel(GROUP, channel(), "posting as a channel"),
        updates.message(GROUP, None, "no sender"),
        updates.message(GROUP, FAN, "a" * 20_000),
        updates.message(GROUP, FAN, "\u202eevil\u200d👨‍👩‍👧 <b>&amp;</b>"),
        updates.edit(first, "下一期拍狗狗吧！"),
        {"update_id": 90, "edited_message": fan_message | {"text": "no edit date"}},
    ]


def full_path_only(pipeline: Pipeline) -> list[dict[str, Any]]:
    updates = Updates()
    fan_message = updates.message(GROUP, FAN, "hi")["message"]
    bot_message = updates.message(GROUP, bot_user(pipeline), "question?")["message"]
    return [
        updates.command(GROUP, FAN, "/mydata"),
        updates.raw_message(GROUP, FAN, photo=PHOTO, caption="/feedback with a photo"),
        updates.message(GROUP, FAN, "an answer", reply_to_message=bot_message),
        updates.automatic_forward(GROUP, channel(), "channel post"),
        updates.raw_message(GROUP, GROUP_ANONYMOUS_BOT, new_chat_members=[FAN]),
        updates.raw_message(GROUP, FAN, left_chat_member=FAN),
        updates.raw_message(GROUP, FAN, new_chat_title="renamed"),
        updates.raw_message(GROUP, FAN, pinned_message=fan_message),
        updates.message(private(FAN), FAN, "hello bot"),
        {"update_id": 91, "channel_post": updates.message(channel(), None, "post")["message"]},
        updates.message(GROUP, FAN, "unknown field", some_future_field=1),
        updates.message(GROUP, FAN, "mystery", reply_to_message={"message_id": "x"}),
        updates.raw_message(GROUP, FAN, text=12),
        updates.raw_message(GROUP, FAN, dice={"emoji": "🎲", "value": 3}),
        updates.message(GROUP, {"id": 5, "first_name": "no is_bot"}, "odd sender"),
        updates.message(
            GROUP, CHANNEL_BOT, "x", sender_chat={"id": "not an int", "type": "channel"}
        ),
        {"update_id": 92, "message": {**fan_message, "message_id": True}},
        {"update_id": "93", "message": fan_message},
        {"update_id": 94, "message": fan_message, "edited_message": fan_message},
        updates.message(GROUP, FAN, "bad entities", entities=[{"type": "bold"}]),
        updates.message(GROUP, FAN, ""),
        updates.edit(updates.command(GROUP, FAN, "/poll a b"), "/poll a b c"),
    ]


async def test_express_lane_writes_what_the_full_path_writes(pipeline: Pipeline) -> None:
    for raw in plain_updates(pipeline):
        express = express_writes(copy.deepcopy(raw), pipeline.bot.id)
        assert express is not None, raw
        assert express == await full_path(pipeline, raw), raw


async def test_what_a_feature_could_act_on_takes_the_full_path(pipeline: Pipeline) -> None:
    for raw in full_path_only(pipeline):
        assert express_writes(copy.deepcopy(raw), pipeline.bot.id) is None, raw


TEXTS = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["/", "/start", " /x", "#v12 好看", "＃建议", "<i>&", "\u202e\u200d"]),
)
OPTIONAL_FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "message_thread_id": st.integers(1, 10**6),
        "entities": st.just(HASHTAG),
        "forward_origin": st.just({"type": "hidden_user", "date": 1, "sender_user_name": "x"}),
        "reply_to_message": st.sampled_from(["fan", "bot", "anonymous"]),
        "sender_chat": st.sampled_from(["self", "channel"]),
        "media_group_id": st.just("g1"),
        "author_signature": st.text(max_size=5),
    },
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=TEXTS,
    as_caption=st.booleans(),
    fields=OPTIONAL_FIELDS,
    sender=st.sampled_from([FAN, OTHER, GROUP_ANONYMOUS_BOT, CHANNEL_BOT, None]),
    edited=st.booleans(),
)
async def test_generated_messages_agree_on_both_paths(
    pipeline: Pipeline,
    *,
    text: str,
    as_caption: bool,
    fields: dict[str, Any],
    sender: dict[str, Any] | None,
    edited: bool,
) -> None:
    updates = Updates()
    replies = {
        "fan": updates.message(GROUP, OTHER, "earlier")["message"],
        "bot": updates.message(GROUP, bot_user(pipeline), "earlier")["message"],
        "anonymous": updates.message(GROUP, None, "earlier")["message"],
    }
    senders = {"self": GROUP, "channel": channel()}
    to_the_bot = fields.get("reply_to_message") == "bot"
    if "reply_to_message" in fields:
        fields["reply_to_message"] = replies[fields["reply_to_message"]]
    if "sender_chat" in fields:
        fields["sender_chat"] = senders[fields["sender_chat"]]
    content = {"photo": PHOTO, "caption": text} if as_caption else {"text": text}
    raw = updates.raw_message(GROUP, sender, **content, **fields)
    if edited:
        raw = {"update_id": raw["update_id"], "edited_message": raw["message"] | {"edit_date": 9}}
    express = express_writes(copy.deepcopy(raw), pipeline.bot.id)
    routed = text.startswith("/") or to_the_bot or (text == "" and not as_caption)
    assert (express is None) == routed
    if express is not None:
        assert express == await full_path(pipeline, raw)


async def test_an_update_that_does_not_parse_is_kept_with_its_sender(
    pipeline: Pipeline, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    updates = Updates()
    broken = updates.raw_message(GROUP, FAN, text="fine", poll={"not": "a poll"})
    plain = updates.message(GROUP, OTHER, "next message")
    await pipeline.deliver(broken, plain)
    async with session_factory() as session:
        failed = (await session.scalars(select(FailedUpdate))).one()
        stored = (await session.scalars(select(Comment.text))).all()
    assert failed.update_id == broken["update_id"]
    assert failed.user_id == FAN["id"]
    assert "ValidationError" in failed.error
    assert stored == ["next message"]
