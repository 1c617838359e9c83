"""The same update delivered twice (a webhook retry, a redelivery after a crash) acts once
(issue 20, Medium): a command message's effects are claimed before anything is sent
(handlers/once.py), across restarts, whatever the command."""

from __future__ import annotations

from typing import Any

from aiogram.methods import SendMessage, SendPoll
from sqlalchemy import func, select

from bot.db.models import FeedbackQuestion, Video
from bot.services.command_effects import EffectKey, claim_effect
from tests.support.cast import ADMIN, MEMBER, VICTIM
from tests.support.scene import Scene

POSTING = (SendMessage, SendPoll)


def posted(scene: Scene) -> int:
    return sum(1 for call in scene.telegram.calls if isinstance(call, POSTING))


async def delivered_twice(scene: Scene, update: dict[str, Any], *, restart: bool) -> int:
    """What the second delivery posted."""
    await scene.deliver(update)
    before = posted(scene)
    assert before > 0, "the first delivery answered"
    if restart:
        scene.restart()
    await scene.deliver(update)
    return posted(scene) - before


async def count(scene: Scene, model: type[Any]) -> int:
    async with scene.session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_a_question_delivered_twice_is_asked_once(scene: Scene) -> None:
    ask = scene.updates.command(VICTIM, ADMIN, "/ask topic_idea What should we film next?")
    assert await delivered_twice(scene, ask, restart=False) == 0
    assert await count(scene, FeedbackQuestion) == 1


async def test_a_poll_redelivered_after_a_restart_is_posted_once(scene: Scene) -> None:
    poll = scene.updates.command(VICTIM, ADMIN, "/poll Next video? | Cats | Dogs")
    assert await delivered_twice(scene, poll, restart=True) == 0


async def test_a_video_announced_twice_is_added_once(scene: Scene) -> None:
    add = scene.updates.command(VICTIM, ADMIN, "/video_add https://youtu.be/dQw4w9WgXcQ | One")
    assert await delivered_twice(scene, add, restart=False) == 0
    assert await count(scene, Video) == 1


async def test_a_refused_command_claims_nothing(scene: Scene) -> None:
    refused = scene.updates.command(VICTIM, MEMBER, "/ask topic_idea Anything?")
    await scene.deliver(refused)
    await scene.deliver(refused)
    key = EffectKey(VICTIM["id"], refused["message"]["message_id"], "command:ask")
    assert await claim_effect(scene.session_factory, key), "still unclaimed after two refusals"


async def test_a_tap_under_one_preview_claims_once(scene: Scene) -> None:
    preview = EffectKey(VICTIM["id"], 4242, "poll-send")
    assert await claim_effect(scene.session_factory, preview)
    assert not await claim_effect(scene.session_factory, preview)
    other = EffectKey(VICTIM["id"], 4243, "poll-send")
    assert await claim_effect(scene.session_factory, other)
