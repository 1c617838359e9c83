"""Two stored people with the same @username (Telegram moved it from one to the other): /grant
and /forget_user act on the one seen most recently, and the answer names that person with a
mention, so the operator can see whom they acted on (issue 20, Low)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from bot.db.models import ChatRole, User
from tests.support import updates as u
from tests.support.cast import OWNER, VICTIM
from tests.support.scene import Scene

OLD = u.user(9301, "Old Holder", username="star")
NEW = u.user(9302, "New Holder", username="star")


async def _both_seen(scene: Scene) -> None:
    await scene.say(VICTIM, OLD, "I had it before")
    await scene.say(VICTIM, NEW, "I have the name now")
    # The old holder was stored first and seen long ago: Telegram moved the name since.
    async with scene.session_factory() as session, session.begin():
        long_ago = datetime.now(UTC) - timedelta(days=30)
        await session.execute(
            update(User).where(User.id == OLD["id"]).values(last_seen_at=long_ago)
        )


async def test_grant_picks_the_most_recently_seen_holder_and_names_them(scene: Scene) -> None:
    await _both_seen(scene)
    await scene.send(VICTIM, OWNER, "/grant operator @star")
    async with scene.session_factory() as session:
        holders = (await session.scalars(select(ChatRole.user_id))).all()
    assert holders == [NEW["id"]]
    assert f'<a href="tg://user?id={NEW["id"]}">@star</a>' in scene.telegram.sent(VICTIM["id"])[-1]


async def test_forget_user_asks_about_the_most_recently_seen_holder(scene: Scene) -> None:
    await _both_seen(scene)
    await scene.send(VICTIM, OWNER, "/forget_user @star")
    ask = scene.last_with_buttons(VICTIM["id"])
    assert f'<a href="tg://user?id={NEW["id"]}">@star</a>' in str(ask.text)
    assert f"fu1:{VICTIM['id']}:{NEW['id']}:" in str(ask.reply_markup)
