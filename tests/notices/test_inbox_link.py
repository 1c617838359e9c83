"""Linking feedback to a video from the /inbox card, through the real dispatcher: Link, the
feedback, the video; the link is the one `/link v12` makes, so the fan who asked is told once;
a stale or forged choice is refused and links nothing; an analyst gets no Link button."""

from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage
from sqlalchemy import select

from bot.db.models import VideoCommentLink
from bot.i18n import Translator
from handlers.callbacks import InboxLinkCb
from tests.dashboard.support import Dashboard
from tests.notices.support import HANS_FAN, VIDEO_URL, ask, notices_to, tick
from tests.support.cast import ADMIN, MEMBER, VICTIM
from tests.support.scene import Scene

EN = Translator.load().bind("en")


def buttons(call: SendMessage | EditMessageText) -> list[tuple[str, str]]:
    markup = call.reply_markup
    assert markup is not None
    return [
        (button.text, str(button.callback_data))
        for row in markup.inline_keyboard  # type: ignore[union-attr]
        for button in row
    ]


def pressed(call: SendMessage | EditMessageText, label: str) -> str:
    (data,) = [data for text, data in buttons(call) if label in text]
    return data


async def links(scene: Scene) -> list[int]:
    async with scene.session_factory() as session:
        return list(await session.scalars(select(VideoCommentLink.message_id)))


async def test_an_operator_links_feedback_from_the_card_and_the_fan_is_told(
    scene: Scene,
) -> None:
    asked = await ask(scene, HANS_FAN, "please add subtitles")
    await ask(scene, MEMBER, "the app crashes for me")
    await scene.send(VICTIM, ADMIN, "/inbox")
    card = scene.messages(VICTIM["id"])[-1]
    link = pressed(card, EN.plain("inbox-link-button"))

    await scene.tap(ADMIN, VICTIM, link)
    which = scene.telegram.methods(EditMessageText)[-1]
    assert str(which.text) == EN.plain("inbox-link-which-feedback")
    await scene.tap(ADMIN, VICTIM, pressed(which, "please add subtitles"))
    videos = scene.telegram.methods(EditMessageText)[-1]
    assert "please add subtitles" in str(videos.text)
    labels = [text for text, _ in buttons(videos)]
    assert labels[:2] == ["v2 Dog vlog", "v1 Cat vlog"]  # newest first

    await scene.tap(ADMIN, VICTIM, pressed(videos, "v1 Cat vlog"))
    assert await links(scene) == [asked["message_id"]]
    back = scene.telegram.methods(EditMessageText)[-1]
    assert str(back.text).startswith(EN.plain("inbox-link-done", code="v1"))
    assert "please add subtitles" in str(back.text)  # the inbox page again, Link on it
    assert EN.plain("inbox-link-button") in [text for text, _ in buttons(back)]

    await tick(scene)
    (told,) = notices_to(scene, HANS_FAN)
    assert "Cat vlog" in told or "v1" in told
    assert VIDEO_URL in told

    # The same choice again (a second tap): linked already, nobody told twice.
    await scene.tap(ADMIN, VICTIM, pressed(videos, "v1 Cat vlog"))
    again = scene.telegram.methods(EditMessageText)[-1]
    assert str(again.text).startswith(EN.plain("inbox-link-unchanged", code="v1"))
    await tick(scene)
    assert len(notices_to(scene, HANS_FAN)) == 1


async def test_a_stale_choice_links_nothing(scene: Scene) -> None:
    await ask(scene, MEMBER, "the app crashes for me")
    await scene.send(VICTIM, ADMIN, "/inbox")
    card = scene.messages(VICTIM["id"])[-1]
    data = InboxLinkCb.unpack(pressed(card, EN.plain("inbox-link-button")))
    forged = data.model_copy(update={"message_id": 999_999, "video": 1}).pack()
    await scene.tap(ADMIN, VICTIM, forged)
    assert scene.telegram.methods(AnswerCallbackQuery)[-1].text == EN.plain("inbox-link-gone")
    assert await links(scene) == []


async def test_an_analyst_gets_no_link_button(scene: Scene) -> None:
    await ask(scene, MEMBER, "the app crashes for me")
    await scene.send(VICTIM, ADMIN, f"/grant analyst @{MEMBER['username']}")
    await scene.send(VICTIM, MEMBER, "/inbox")
    card = scene.messages(VICTIM["id"])[-1]
    assert "the app crashes for me" in str(card.text)
    assert card.reply_markup is None


async def test_the_dashboard_inbox_links_to_a_video_and_the_fan_is_told(
    scene: Scene, dashboard: Dashboard
) -> None:
    asked = await ask(scene, HANS_FAN, "please add subtitles")
    actions = f"/app/api/groups/{VICTIM['id']}/inbox/actions"
    body = {"action": "video", "message_ids": [asked["message_id"]], "video": "v1"}
    response = await dashboard.post(ADMIN, actions, body)
    assert response.status == 200
    assert await links(scene) == [asked["message_id"]]
    await tick(scene)
    assert len(notices_to(scene, HANS_FAN)) == 1

    refused = await dashboard.post(ADMIN, actions, {**body, "video": "v99"})
    assert refused.status == 400
    assert (await refused.json())["error"] == "video-unknown"
