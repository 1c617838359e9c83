"""A spam wave through the real dispatcher: stopped and reported once per group in act mode,
only reported in a dry run, undone by an operator's tap, and never touching an administrator's
or an operator's message."""

from __future__ import annotations

from aiogram.methods import BanChatMember, DeleteMessage, RestrictChatMember

from tests.spam.support import (
    WAVE_TEXT,
    accounts,
    clock_pass,
    deleted,
    restricted,
    spam_marked,
    spam_reports,
    stored_reports,
    verdict_states,
    wave,
)
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, OTHER, OTHER_ADMIN, OWNER, VICTIM
from tests.support.scene import Scene, keyboard


async def test_a_wave_from_20_accounts_across_two_groups_is_stopped_once_per_group(
    scene: Scene,
) -> None:
    await scene.send(VICTIM, ADMIN, "/door spam act")
    await scene.send(OTHER, OTHER_ADMIN, "/door spam act")
    senders = accounts(20)
    here = await wave(scene, VICTIM, senders[:10])
    there = await wave(scene, OTHER, senders[10:])
    await scene.say(VICTIM, FAN, "the new single is lovely, can't stop listening")
    await clock_pass(scene)
    assert sorted(deleted(scene, VICTIM)) == sorted(m["message_id"] for m in here)
    assert sorted(deleted(scene, OTHER)) == sorted(m["message_id"] for m in there)
    assert sorted(restricted(scene, VICTIM)) == [s["id"] for s in senders[:10]]
    assert sorted(restricted(scene, OTHER)) == [s["id"] for s in senders[10:]]
    assert set(await stored_reports(scene)) == {
        (VICTIM["id"], "act", "open"),
        (OTHER["id"], "act", "open"),
    }
    # One report per group, to each of its administrators (no operators' chat is set).
    for person in (ADMIN, OWNER, OTHER_ADMIN):
        [report] = spam_reports(scene, person)
        assert "10 messages from 10 accounts" in str(report.text)
    here_report = str(spam_reports(scene, ADMIN)[0].text)
    assert "a link in a newcomer's first messages" in here_report
    assert "the same text from 10 accounts" in here_report
    # Only this instance sees both groups: the second one's report says so.
    assert "the same text in 2 groups" in str(spam_reports(scene, OTHER_ADMIN)[0].text)
    # The next pass finds nothing new: no second report, nothing acted on twice.
    await clock_pass(scene)
    assert len(spam_reports(scene, ADMIN)) == 1 and len(scene.calls(DeleteMessage)) == 20


async def test_the_dry_run_reports_and_changes_nothing(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/door spam report")
    messages = await wave(scene, VICTIM, accounts(4))
    await clock_pass(scene)
    assert scene.calls(DeleteMessage) == [] and scene.calls(RestrictChatMember) == []
    [report] = spam_reports(scene, ADMIN)
    assert "Dry run: nothing was deleted" in str(report.text)
    assert all("sp1" in data for data in keyboard(report))
    assert len(keyboard(report)) == 2  # Ban and Not spam: nothing to undo
    assert await spam_marked(scene, VICTIM) == [m["message_id"] for m in messages]


async def test_with_the_check_off_nothing_is_judged(scene: Scene) -> None:
    await wave(scene, VICTIM, accounts(5))
    await clock_pass(scene)
    assert await verdict_states(scene) == [] and spam_reports(scene, ADMIN) == []


async def test_undo_restores_the_members_once(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/door spam act")
    senders = accounts(3)
    await wave(scene, VICTIM, senders)
    await clock_pass(scene)
    [report] = spam_reports(scene, ADMIN)
    undo, _ban, _clear = keyboard(report)
    await scene.tap(MEMBER, u.private(MEMBER), undo)  # a fan's forged tap: refused
    assert len(scene.calls(RestrictChatMember)) == 3
    await scene.tap(ADMIN, u.private(ADMIN), undo)
    released = scene.calls(RestrictChatMember)[3:]
    assert sorted(c.user_id for c in released) == [s["id"] for s in senders]
    assert all(c.permissions.can_send_messages for c in released)
    assert "3 senders may write again" in str(scene.edits(ADMIN["id"])[-1].text)
    await scene.tap(OWNER, u.private(OWNER), undo)  # the other administrator's copy
    assert "已经处理了" in scene.telegram.answers()[-1]
    assert len(scene.calls(RestrictChatMember)) == 6
    assert {state for _, state in await verdict_states(scene)} == {"undone"}


async def test_not_spam_lets_the_messages_count_again_and_ban_bans(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/door spam report")
    await wave(scene, VICTIM, accounts(3))
    await clock_pass(scene)
    _ban, clear = keyboard(spam_reports(scene, ADMIN)[0])
    await scene.tap(ADMIN, u.private(ADMIN), clear)
    assert await spam_marked(scene, VICTIM) == []
    assert scene.calls(RestrictChatMember) == []  # a dry run restricted nobody to release
    await wave(scene, VICTIM, accounts(3, first_id=7100), text=WAVE_TEXT + " again")
    await clock_pass(scene)
    ban, _clear = keyboard(spam_reports(scene, ADMIN)[-1])
    await scene.tap(ADMIN, u.private(ADMIN), ban)
    assert sorted(c.user_id for c in scene.calls(BanChatMember)) == [7100, 7101, 7102]


async def test_an_administrators_and_an_operators_messages_are_never_touched(
    scene: Scene,
) -> None:
    await scene.send(VICTIM, ADMIN, "/door spam act")
    await scene.send(VICTIM, OWNER, "/grant operator @lin_fan")
    spammy = "加微信 领取福利 https://t.me/promo_deals"
    own = [(await scene.say(VICTIM, person, spammy))["message"] for person in (ADMIN, OWNER, FAN)]
    await clock_pass(scene)
    assert scene.calls(DeleteMessage) == [] and scene.calls(RestrictChatMember) == []
    assert await spam_marked(scene, VICTIM) == []
    assert spam_reports(scene, ADMIN) == []
    assert own  # the administrators' verdicts were exempted live; the operator's never made
    assert {state for _, state in await verdict_states(scene)} <= {"exempt"}
