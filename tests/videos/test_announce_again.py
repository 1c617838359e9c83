"""/video_announce of a video already announced asks before posting it again."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from aiogram.methods import SendMessage

from bot.db.chat_settings import set_group_language
from handlers.callbacks import VideoAgainCb
from tests.support.cast import ADMIN, FAN, VICTIM
from tests.support.scene import Scene, keyboard
from tests.videos.support import CHANNEL

QUESTIONS = {
    "en": ("v1 was already announced in the group. Post it again?", "Nothing was changed."),
    "zh": ("v1 已经在群里宣布过了。要再发一次吗？", "没有做任何更改。"),
    "zh-Hant": ("v1 已經在群裡宣佈過了。要再發一次嗎？", "沒有做任何變更。"),
}


def posts(scene: Scene, chat_id: int) -> int:
    return sum(
        1
        for call in scene.telegram.methods(SendMessage)
        if call.chat_id == chat_id and "v1" in str(call.text) and call.reply_markup is None
    )


@pytest.mark.parametrize("locale", sorted(QUESTIONS))
async def test_a_second_announcement_is_asked_first(scene: Scene, locale: str) -> None:
    question, declined = QUESTIONS[locale]
    async with scene.session_factory() as session, session.begin():
        await set_group_language(session, VICTIM["id"], locale, datetime.now(UTC))
    await scene.send(VICTIM, ADMIN, "/video_add https://youtu.be/dQw4w9WgXcQ | MV")
    added = posts(scene, VICTIM["id"])
    await scene.send(VICTIM, ADMIN, "/video_announce v1")
    first = posts(scene, VICTIM["id"])
    assert first == added + 1

    await scene.send(VICTIM, ADMIN, "/video_announce #v1")
    asked = scene.last_with_buttons()
    assert str(asked.text) == question
    yes, no = keyboard(asked)
    assert posts(scene, VICTIM["id"]) == first  # nothing posted yet
    await scene.tap(ADMIN, VICTIM, no)
    assert str(scene.edits()[-1].text) == declined
    assert posts(scene, VICTIM["id"]) == first

    await scene.tap(FAN, VICTIM, yes)  # a fan's press is refused
    assert posts(scene, VICTIM["id"]) == first
    await scene.tap(ADMIN, VICTIM, yes)
    assert posts(scene, VICTIM["id"]) == first + 1


async def test_the_channel_is_asked_about_on_its_own(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/video_add https://youtu.be/dQw4w9WgXcQ | MV")
    await scene.send(VICTIM, ADMIN, "/video_announce v1")
    # Announced in the group only: the channel post goes out without a question.
    await scene.send(VICTIM, ADMIN, "/video_announce v1 channel")
    assert posts(scene, CHANNEL["id"]) == 1
    await scene.send(VICTIM, ADMIN, "/video_announce v1 channel")
    again = VideoAgainCb(chat_id=VICTIM["id"], number=1, channel=True, post=True).pack()
    assert keyboard(scene.last_with_buttons())[0] == again
    await scene.tap(ADMIN, VICTIM, again)
    assert posts(scene, CHANNEL["id"]) == 2
    assert "announced in the linked channel" in str(scene.edits()[-1].text)


async def test_a_yes_delivered_twice_posts_once(scene: Scene) -> None:
    """Issue 20: a webhook retry of the tap must not post the announcement a third time."""
    await scene.send(VICTIM, ADMIN, "/video_add https://youtu.be/dQw4w9WgXcQ | MV")
    await scene.send(VICTIM, ADMIN, "/video_announce v1")
    await scene.send(VICTIM, ADMIN, "/video_announce v1")
    before = posts(scene, VICTIM["id"])
    yes, _ = keyboard(scene.last_with_buttons())
    tap = scene.button(ADMIN, VICTIM, yes)

    await scene.deliver(tap)
    await scene.deliver(tap)

    assert posts(scene, VICTIM["id"]) == before + 1
