"""Digests count fans only, through the real dispatcher: the owner's, administrators' and
operators' messages and everyone's commands are stored but counted apart as staff activity,
never as fan messages, active or new fans, sentiment, tags or quotes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from aiogram.methods import SendDocument, SendMessage
from aiogram.types import BufferedInputFile
from sqlalchemy import func, select

from bot.db.models import Comment
from bot.db.operators import select_group
from bot.i18n import Translator
from tests.support import updates as u
from tests.support.cast import FAN, MEMBER, OTHER, OTHER_ADMIN
from tests.support.scene import Scene

EN = Translator.load().bind("en")
ZH = Translator.load().bind("zh")
NEWCOMER = u.user(9300, "Xiao", username="xiao")
STAFF_BUG = "Heads up: the new video has a bug, the sound is out of sync"


async def digest_csv(scene: Scene, person: dict[str, Any]) -> tuple[dict[str, str], str]:
    """`/digest csv` in private for OTHER: the CSV's metric -> value, and the digest's text."""
    async with scene.session_factory() as session, session.begin():
        await select_group(session, person["id"], OTHER["id"], datetime.now(UTC))
    scene.telegram.calls.clear()
    await scene.send(u.private(person), person, "/digest csv")
    (document,) = scene.telegram.methods(SendDocument)
    assert isinstance(document.document, BufferedInputFile)
    rows = document.document.data.decode("utf-8-sig").splitlines()[1:]
    values = {row.split(",")[0]: row.split(",")[1] for row in rows}
    text = "\n".join(str(c.text) for c in scene.telegram.methods(SendMessage))
    return values, text


async def test_staff_and_commands_are_counted_apart_from_the_fans(scene: Scene) -> None:
    scene.updates.clock = int(datetime.now(UTC).timestamp())
    await scene.send(OTHER, OTHER_ADMIN, "/grant operator @max")  # the owner, and a command
    await scene.say(OTHER, OTHER_ADMIN, STAFF_BUG)
    await scene.say(OTHER, MEMBER, "视频有问题，我们正在修复，太棒了大家的反馈")  # an operator now
    await scene.send(OTHER, MEMBER, "/help")
    await scene.say(OTHER, FAN, "视频有问题，音画不同步")
    await scene.send(OTHER, NEWCOMER, "/feedback 希望出一期新手教程")
    await scene.say(OTHER, NEWCOMER, "太棒了，我很喜欢")
    async with scene.session_factory() as session:
        stored = await session.scalar(
            select(func.count()).select_from(Comment).where(Comment.chat_id == OTHER["id"])
        )
    assert stored == 7, "everything is still stored"

    values, text = await digest_csv(scene, OTHER_ADMIN)
    assert values["messages"] == "3"  # the fans': FAN's, and NEWCOMER's feedback and praise
    assert values["active_fans"] == "2"
    assert values["new_fans"] == "2"  # the owner's first message is today too: not a fan
    assert (values["staff_messages"], values["commands"]) == ("2", "2")
    assert values["tag:bug"] == "1"  # the staff's two bug reports are not the fans' feedback
    assert values["sentiment:positive"] == "1" and values["sentiment:negative"] == "1"
    assert str(EN("digest-staff", messages=2, commands=2)) in text.splitlines()
    assert str(EN("digest-new-fans", count=2)) in text.splitlines()
    assert STAFF_BUG not in text
    assert "/feedback" not in text and "/grant" not in text
