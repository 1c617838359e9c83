"""Loops closed (asks answered) and the time from ask to answer, as the digest and the
dashboard's overview count them, through the real dispatcher and API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.db.models import AskNotice
from bot.i18n import Translator
from bot.services.ask_notices import loop_stats, wait_text
from tests.dashboard.support import Dashboard
from tests.notices.support import ask, operator_does
from tests.support.cast import ADMIN, FAN, MEMBER, VICTIM
from tests.support.scene import Scene

TRANSLATOR = Translator.load()


async def answered_two(scene: Scene) -> None:
    """Two asks answered, one asked 3 hours before, one 5 hours before."""
    await operator_does(scene, "/mark done", await ask(scene, MEMBER, "a cat vlog"))
    await operator_does(scene, "/link v1", await ask(scene, FAN, "猫咪"))
    async with scene.session_factory() as session, session.begin():
        for user, hours in ((MEMBER["id"], 3), (FAN["id"], 5)):
            notice = await session.scalar(select(AskNotice).where(AskNotice.user_id == user))
            assert notice is not None
            notice.asked_at = notice.answered_at - timedelta(hours=hours)


async def test_the_digest_counts_loops_closed_and_the_median_wait(scene: Scene) -> None:
    await answered_two(scene)
    await scene.send(VICTIM, ADMIN, "/digest")
    said = "\n".join(scene.replies() + scene.photos())
    en = TRANSLATOR.bind("en")
    assert en.plain("digest-section-name-loops") in said
    assert en("ask-notice-digest", count=2, wait="4 hours") in said


async def test_the_overview_counts_loops_per_week(scene: Scene, dashboard: Dashboard) -> None:
    await answered_two(scene)
    overview = await dashboard.json(ADMIN, f"/app/api/groups/{VICTIM['id']}/overview?days=7")
    loops = overview["loops"]
    assert loops["closed"] == 2 and loops["median_wait_seconds"] == 4 * 3600
    year, week, _ = datetime.now(UTC).isocalendar()
    assert [w["week"] for w in loops["weeks"]][-1] == f"{year}-W{week:02d}"
    assert sum(w["closed"] for w in loops["weeks"]) == 2


def test_waits_read_as_people_say_them() -> None:
    en, zh, hant = (TRANSLATOR.bind(locale) for locale in ("en", "zh", "zh-Hant"))
    assert wait_text(en, timedelta(minutes=1)) == "1 minute"
    assert wait_text(zh, timedelta(hours=5)) == "5 小时"
    assert wait_text(hant, timedelta(days=3)) == "3 天"
    assert loop_stats([]).median_wait is None
    assert loop_stats([timedelta(hours=1), timedelta(hours=3)]).median_wait == timedelta(hours=2)
