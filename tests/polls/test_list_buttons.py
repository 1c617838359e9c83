"""/polls answers with one card, a page at a time, with buttons per poll as the caller's role
allows: analysts read (results, export), operators also act (close, asked first and said to be
final; cancel). Every tap edits the card, re-checks the role at the press, goes through the
command's own service into the audit log, and refuses forged or stale buttons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiogram.methods import StopPoll
from sqlalchemy import select

from bot.db import polls as store
from bot.db.chat_settings import set_group_language
from bot.db.models import AuditRecord, PollRecord
from bot.db.operators import grant_role, revoke_role
from bot.domain.polls import parse_poll
from handlers.callbacks import PollItemCb, PollListCb, PollTap
from tests.polls.support import ADMIN, FANS, GROUP, MEMBER, stored_polls
from tests.support import updates as u
from tests.support.cards import Card, card
from tests.support.cast import register
from tests.support.drafts import send_confirmed
from tests.support.scene import Scene

ANALYST = MEMBER
OPERATOR = FANS[0]
OTHER_GROUP = u.group(-1001000000999, "Dog fans")

# (results, close, cancel, export, page, "cannot be undone", cancelled notice) per language.
SAYS = {
    "en": (
        "📊 Results #{n}",
        "⏹ Close #{n}",
        "✖ Cancel #{n}",
        "⬇ Export #{n}",
        "Page 1 of 1",
        "This cannot be undone",
        "cancelled",
    ),
    "zh": (
        "📊 结果 #{n}",
        "⏹ 结束 #{n}",
        "✖ 取消 #{n}",
        "⬇ 导出 #{n}",
        "",
        "此操作无法撤销",
        "取消",
    ),
    "zh-Hant": (
        "📊 結果 #{n}",
        "⏹ 結束 #{n}",
        "✖ 取消 #{n}",
        "⬇ 匯出 #{n}",
        "",
        "此操作無法復原",
        "取消",
    ),
}


@pytest.fixture
async def cast(scene: Scene) -> Scene:
    """An analyst and a granted operator besides the group's administrators."""
    scene.telegram.set_status(GROUP["id"], ANALYST["id"], "member")
    scene.telegram.set_status(GROUP["id"], OPERATOR["id"], "member")
    async with scene.session_factory() as session, session.begin():
        for person, role in ((ANALYST, "analyst"), (OPERATOR, "operator")):
            await grant_role(
                session,
                chat_id=GROUP["id"],
                user_id=person["id"],
                role=role,
                granted_by_user_id=ADMIN["id"],
                now=datetime.now(UTC),
            )
    return scene


async def speak(scene: Scene, locale: str) -> None:
    async with scene.session_factory() as session, session.begin():
        await set_group_language(session, GROUP["id"], locale, datetime.now(UTC))


async def open_and_scheduled(scene: Scene) -> tuple[int, int]:
    """Poll #1 open (sent in the group), poll #2 scheduled for tomorrow."""
    await send_confirmed(scene, GROUP, ADMIN, "/poll Next video? | Cat vlog | Street food")
    await send_confirmed(scene, GROUP, ADMIN, "/poll Live? | Yes | No --start 1d")
    first, second = await stored_polls(scene)
    assert (first.status, second.status) == ("open", "scheduled")
    return first.id, second.id


async def audit_actions(scene: Scene) -> list[str]:
    async with scene.session_factory() as session:
        rows = await session.scalars(select(AuditRecord.action).order_by(AuditRecord.id))
        return list(rows.all())


async def polls_card(scene: Scene, person: dict[str, object]) -> Card:
    await scene.send(GROUP, person, "/polls")
    return card(scene, GROUP)


def tap_data(poll_id: int, tap: PollTap, chat_id: int = GROUP["id"]) -> str:
    return PollItemCb(chat_id=chat_id, poll_id=poll_id, tap=tap).pack()


@pytest.mark.parametrize("locale", ["en", "zh", "zh-Hant"])
async def test_operators_get_actions_and_analysts_only_read_in_the_groups_language(
    cast: Scene, locale: str
) -> None:
    scene = cast
    await speak(scene, locale)
    opened, scheduled = await open_and_scheduled(scene)
    results, close, cancel, export, *_ = SAYS[locale]
    shown = await polls_card(scene, OPERATOR)
    assert shown.labels() == [  # newest first
        cancel.format(n=scheduled),
        results.format(n=opened),
        close.format(n=opened),
        export.format(n=opened),
    ]
    assert "(Asia/Shanghai)" in shown.text  # the scheduled start, in the group's time zone
    shown = await polls_card(scene, ANALYST)
    assert shown.labels() == [results.format(n=opened), export.format(n=opened)]


@pytest.mark.parametrize("locale", ["en", "zh", "zh-Hant"])
async def test_close_asks_first_says_it_is_final_and_yes_closes_once(
    cast: Scene, locale: str
) -> None:
    scene = cast
    await speak(scene, locale)
    opened, _ = await open_and_scheduled(scene)
    _, close, *_, final, _ = SAYS[locale]
    shown = await polls_card(scene, OPERATOR)
    await scene.tap(OPERATOR, GROUP, shown.data(close.format(n=opened)))
    question = card(scene, GROUP)
    assert final in question.text  # stopPoll is final: the question says so plainly
    assert len(question.buttons) == 2  # Yes, No
    assert scene.calls(StopPoll) == []
    await scene.tap(OPERATOR, GROUP, question.buttons[0][1])
    await scene.tap(OPERATOR, GROUP, question.buttons[0][1])
    assert len(scene.calls(StopPoll)) == 1
    first, _ = await stored_polls(scene)
    assert first.status == "closed"
    assert (await audit_actions(scene)).count("poll-closed") == 1


async def test_no_to_the_close_keeps_the_poll_open(cast: Scene) -> None:
    scene = cast
    opened, _ = await open_and_scheduled(scene)
    await scene.tap(OPERATOR, GROUP, tap_data(opened, PollTap.CLOSE))
    _yes, no = card(scene, GROUP).buttons
    await scene.tap(OPERATOR, GROUP, no[1])
    assert scene.calls(StopPoll) == []
    first, _ = await stored_polls(scene)
    assert first.status == "open"


@pytest.mark.parametrize("locale", ["en", "zh", "zh-Hant"])
async def test_cancel_a_scheduled_poll_edits_the_card_and_is_audited(
    cast: Scene, locale: str
) -> None:
    scene = cast
    await speak(scene, locale)
    _, scheduled = await open_and_scheduled(scene)
    await scene.tap(OPERATOR, GROUP, tap_data(scheduled, PollTap.CANCEL))
    shown = card(scene, GROUP)
    assert SAYS[locale][6] in shown.text.splitlines()[0]
    assert SAYS[locale][2].format(n=scheduled) not in shown.labels()  # nothing left to cancel
    _, second = await stored_polls(scene)
    assert second.status == "cancelled"
    assert (await audit_actions(scene))[-1] == "poll-cancelled"


@pytest.mark.parametrize("locale", ["en", "zh", "zh-Hant"])
async def test_results_show_in_place_and_back_returns_to_the_page(cast: Scene, locale: str) -> None:
    scene = cast
    await speak(scene, locale)
    opened, _ = await open_and_scheduled(scene)
    for person in (ANALYST, OPERATOR):
        await scene.tap(person, GROUP, tap_data(opened, PollTap.RESULTS))
        shown = card(scene, GROUP)
        assert "Next video?" in shown.text and "Cat vlog" in shown.text
        [(_, back)] = shown.buttons
        assert back == PollListCb(chat_id=GROUP["id"], page=0).pack()
        await scene.tap(person, GROUP, back)
        assert SAYS[locale][0].format(n=opened) in card(scene, GROUP).labels()


@pytest.mark.parametrize("locale", ["en", "zh", "zh-Hant"])
async def test_export_sends_the_csv_and_notes_it_on_the_card(cast: Scene, locale: str) -> None:
    scene = cast
    await speak(scene, locale)
    opened, _ = await open_and_scheduled(scene)
    for person in (ANALYST, OPERATOR):
        await scene.tap(person, GROUP, tap_data(opened, PollTap.EXPORT))
        content, _caption = scene.documents(GROUP)[-1]
        assert "Cat vlog" in content.decode("utf-8-sig")
        assert f"#{opened}" in card(scene, GROUP).text.splitlines()[0]
    assert len(scene.documents(GROUP)) == 2


@pytest.mark.parametrize("tap", [PollTap.CLOSE, PollTap.CANCEL])
async def test_an_analysts_forged_action_is_refused_and_changes_nothing(
    cast: Scene, tap: PollTap
) -> None:
    scene = cast
    opened, scheduled = await open_and_scheduled(scene)
    edits = len(scene.edits(GROUP))
    await scene.tap(ANALYST, GROUP, tap_data(opened if tap is PollTap.CLOSE else scheduled, tap))
    assert "needs the operator role in Cat fans" in scene.telegram.answers()[-1]
    assert len(scene.edits(GROUP)) == edits
    assert [poll.status for poll in await stored_polls(scene)] == ["open", "scheduled"]


async def test_a_revoked_operators_tap_is_refused(cast: Scene) -> None:
    scene = cast
    _, scheduled = await open_and_scheduled(scene)
    shown = await polls_card(scene, OPERATOR)
    cancel = shown.data(SAYS["en"][2].format(n=scheduled))
    async with scene.session_factory() as session, session.begin():
        await revoke_role(session, GROUP["id"], OPERATOR["id"])
    await scene.tap(OPERATOR, GROUP, cancel)
    assert "needs the operator role in Cat fans" in scene.telegram.answers()[-1]
    _, second = await stored_polls(scene)
    assert second.status == "scheduled"


async def test_forged_and_stale_buttons_are_refused(cast: Scene) -> None:
    scene = cast
    opened, scheduled = await open_and_scheduled(scene)
    async with scene.session_factory() as session, session.begin():
        await register(session, OTHER_GROUP)
        theirs = await store.create(
            session,
            OTHER_GROUP["id"],
            parse_poll("Theirs? | a | b", timezone="UTC", now=datetime.now(UTC)),
            created_by_user_id=None,
            source="command",
            now=datetime.now(UTC),
        )
    # Another group's poll named on our group's button: not ours to touch.
    await scene.tap(OPERATOR, GROUP, tap_data(theirs.id, PollTap.CANCEL))
    assert "no longer" in scene.telegram.answers()[-1]
    # Our poll named on a button for a group where the presser holds no role.
    await scene.tap(OPERATOR, GROUP, tap_data(theirs.id, PollTap.CANCEL, OTHER_GROUP["id"]))
    assert scene.telegram.answers()[-1] == (
        "This needs the operator role in Dog fans, and you do not have it there."
    )
    # A poll deleted since the card was drawn.
    await send_confirmed(scene, GROUP, ADMIN, f"/poll_delete {opened}")
    edits = len(scene.edits(GROUP))
    await scene.tap(OPERATOR, GROUP, tap_data(opened, PollTap.RESULTS))
    assert "no longer" in scene.telegram.answers()[-1]
    assert len(scene.edits(GROUP)) == edits
    async with scene.session_factory() as session:
        rows = (await session.execute(select(PollRecord.id, PollRecord.status))).all()
    statuses = {int(poll_id): str(status) for poll_id, status in rows}
    assert statuses == {opened: "deleted", scheduled: "scheduled", theirs.id: "scheduled"}


async def test_twenty_five_polls_page_five_at_a_time_in_place(cast: Scene) -> None:
    scene = cast
    now = datetime.now(UTC)
    async with scene.session_factory() as session, session.begin():
        for n in range(1, 26):
            draft = parse_poll(f"Question {n}? | a | b", timezone="UTC", now=now)
            await store.create(
                session,
                GROUP["id"],
                draft,
                created_by_user_id=ADMIN["id"],
                source="command",
                now=now - timedelta(minutes=n),
            )
    shown = await polls_card(scene, ADMIN)
    assert "Page 1 of 5" in shown.text
    assert [label for label in shown.labels() if label.startswith("✖")] == [
        f"✖ Cancel #{n}" for n in (25, 24, 23, 22, 21)
    ]
    assert shown.labels()[-1] == "Next ▶"
    for page in range(2, 6):
        await scene.tap(ADMIN, GROUP, card(scene, GROUP).data("Next ▶"))
        shown = card(scene, GROUP)
        assert f"Page {page} of 5" in shown.text
    assert "Next ▶" not in shown.labels() and shown.labels()[-1] == "◀ Previous"
    assert "#1 " in shown.text and "#6 " not in shown.text
    await scene.tap(ADMIN, GROUP, shown.data("◀ Previous"))
    assert "Page 4 of 5" in card(scene, GROUP).text
    assert len(scene.messages(GROUP)) == 1  # one card, edited in place


async def test_the_private_console_works_on_the_chosen_group(cast: Scene) -> None:
    scene = cast
    opened, _ = await open_and_scheduled(scene)
    private = u.private(ADMIN)
    await scene.send(private, ADMIN, "/polls")
    shown = card(scene, private)
    assert "Cat fans" in shown.text
    await scene.tap(ADMIN, private, shown.data(f"⏹ Close #{opened}"))
    question = card(scene, private)
    assert "This cannot be undone" in question.text
    await scene.tap(ADMIN, private, question.buttons[0][1])
    assert len(scene.calls(StopPoll)) == 1
    first, _ = await stored_polls(scene)
    assert first.status == "closed"
