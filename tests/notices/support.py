"""What the notices tests share: fans in three languages (one never started the bot), two
videos, and the moves: a fan asks, an operator answers by reply, the clock's passes run."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.devtools.recording_session import BOT_USER
from tests.support import updates as u
from tests.support.cast import ADMIN, VICTIM, cast_the_groups
from tests.support.clock import FakeClock
from tests.support.scene import Scene

BOT = BOT_USER.model_dump(exclude_none=True)
HANT_FAN = u.user(9011, "Wen", username="wen", language_code="zh-hant")
HANS_FAN = u.user(9012, "Hua", username="hua", language_code="zh-hans")
SHY_FAN = u.user(9013, "Kit", username="kit", language_code="en")  # never started the bot
VIDEO_URL = "https://youtu.be/dQw4w9WgXcQ"


async def notices_scene(session_factory: async_sessionmaker[AsyncSession]) -> Scene:
    scene = Scene.create(session_factory, home=VICTIM)
    await cast_the_groups(scene.telegram, session_factory)
    scene.telegram.started.update({HANT_FAN["id"], HANS_FAN["id"]})
    await scene.send(VICTIM, ADMIN, f"/video_add {VIDEO_URL} | Cat vlog")
    await scene.send(VICTIM, ADMIN, "/video_add BV1xx411c7mD | Dog vlog")
    return scene


def reply_to(update: dict[str, Any]) -> dict[str, Any]:
    message = update["message"]
    return {key: value for key, value in message.items() if key != "reply_to_message"}


async def ask(scene: Scene, fan: dict[str, Any], text: str) -> dict[str, Any]:
    return reply_to(await scene.say(VICTIM, fan, text))


async def operator_does(scene: Scene, command: str, asked: dict[str, Any]) -> None:
    await scene.send(VICTIM, ADMIN, command, reply_to_message=asked)


async def tick(scene: Scene, later: timedelta = timedelta()) -> None:
    """The clock's passes at `later`: the private tries, then a minute on, the group's turn."""
    for after in (later, later + timedelta(minutes=2)):
        await scene.clock(FakeClock(datetime.now(UTC) + after)).tick()


def notices_to(scene: Scene, person: dict[str, Any]) -> list[str]:
    return [text for text in scene.replies(person["id"]) if "/notices off" in text]


def group_notices(scene: Scene) -> list[str]:
    return [text for text in scene.replies() if "tg://user?id=" in text]
