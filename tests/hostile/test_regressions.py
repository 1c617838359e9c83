"""Bugs the hostile updates found, each as the explicit example that showed it."""

from __future__ import annotations

from aiogram.methods import SendMessage, SendPhoto
from sqlalchemy import select

from bot.db.models import FailedUpdate, GroupEvent
from bot.devtools.recording_session import BOT_USER
from handlers.authority import declared_callbacks
from tests.support import updates as u
from tests.support.cast import OWNER, VICTIM
from tests.support.scene import Scene
from tests.support.telegram_html import check_call


async def failed(scene: Scene) -> list[str]:
    async with scene.session_factory() as session:
        return list((await session.scalars(select(FailedUpdate.error))).all())


async def test_a_reply_to_the_bot_by_an_anonymous_admin_or_a_channel_is_no_persons_event(
    scene: Scene,
) -> None:
    """handlers/digest.py recorded a `bot_reply` event for user 1087968824 / 136817688."""
    bot_message = scene.updates.message_payload(
        VICTIM, BOT_USER.model_dump(exclude_none=True), text="What next?"
    )
    await scene.pipeline.deliver(
        scene.updates.message(
            VICTIM, u.GROUP_ANONYMOUS_BOT, "cats", sender_chat=VICTIM, reply_to_message=bot_message
        ),
        scene.updates.message(
            VICTIM, u.CHANNEL_BOT, "dogs", sender_chat=u.channel(), reply_to_message=bot_message
        ),
        scene.updates.message(VICTIM, OWNER, "birds", reply_to_message=bot_message),
    )
    async with scene.session_factory() as session:
        events = (await session.execute(select(GroupEvent.kind, GroupEvent.user_id))).all()
    assert [tuple(event) for event in events] == [("bot_reply", OWNER["id"])]


async def test_the_digest_chart_caption_is_plain_text_for_a_title_with_html(
    scene: Scene,
) -> None:
    """The caption (the chart's plain-text title with the group title in it) went out as HTML:
    a group called "Victim fans <b>" made Telegram refuse the photo."""
    await scene.send(VICTIM, OWNER, "/digest")
    (photo,) = scene.telegram.methods(SendPhoto)
    assert photo.parse_mode is None
    assert photo.caption.startswith(VICTIM["title"])
    for call in scene.telegram.calls:
        check_call(call)
    assert await failed(scene) == []


async def test_an_inbox_filter_of_fifteen_thousand_characters_is_refused_not_crashed(
    scene: Scene,
) -> None:
    """Quoting the whole filter back exceeded Fluent's 1000-character placeable: MissingText."""
    junk = "繁體中文測試，" * 2_100
    await scene.send(VICTIM, OWNER, f"/inbox_counts {junk}")
    await scene.send(VICTIM, OWNER, f"/inbox {junk}")
    assert await failed(scene) == []
    replies = [call for call in scene.telegram.methods(SendMessage) if call.chat_id == VICTIM["id"]]
    assert len(replies) == 2
    for reply in replies:
        check_call(reply)
        assert len(reply.text) < 1_000


async def test_forged_button_numbers_past_bigint_are_not_buttons(scene: Scene) -> None:
    """Python's int() reads a number of any length, so a forged `a1:<2**63>:0` reached the
    database (OverflowError on SQLite, a DataError on PostgreSQL) through every operator and
    fan button. Out of BIGINT range the data now does not parse, like any other forgery."""
    callbacks = {
        c.callback for c in declared_callbacks(scene.pipeline.dispatcher) if c.callback is not None
    }
    bot = BOT_USER.model_dump(exclude_none=True)
    for callback in sorted(callbacks, key=lambda c: c.__prefix__):
        for first in (str(2**63), str(-(2**63) - 1), "1_000", "٣"):
            values = [
                "1" if field.annotation is bool else (first if index == 0 else str(2**63))
                for index, field in enumerate(callback.model_fields.values())
            ]
            # Telegram carries at most 64 bytes: where every field past BIGINT does not fit, the
            # later ones are forged one at a time (the others a plain 1).
            forgeries = (
                [values]
                if _fits(callback.__prefix__, values)
                else [
                    [value if at in (0, index) else "1" for at, value in enumerate(values)]
                    for index in range(len(values))
                ]
            )
            for forged in forgeries:
                data = ":".join([callback.__prefix__, *forged])
                assert _fits(callback.__prefix__, forged), data
                for chat in (u.private(OWNER), VICTIM):
                    on = scene.updates.message_payload(chat, bot, text="buttons")
                    await scene.pipeline.deliver(scene.updates.click(OWNER, on, data))
    assert await failed(scene) == []
    for call in scene.telegram.calls:
        check_call(call)


def _fits(prefix: str, values: list[str]) -> bool:
    return len(":".join([prefix, *values]).encode()) <= 64
