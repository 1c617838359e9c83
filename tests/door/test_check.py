"""The human check at an open group's door: a newcomer is restricted until they pass a button or
the operators' question (in private through the prompt's link, or by replying in the group);
a wrong answer or the time limit removes them (banned and unbanned at once: free to come back)
and tells them why in their own language. Only the newcomer may press their button."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiogram.methods import (
    BanChatMember,
    DeleteMessage,
    RestrictChatMember,
    SendMessage,
    UnbanChatMember,
)
from aiogram.types import InlineKeyboardMarkup

from handlers.callbacks import DoorCb
from tests.door.support import KAI, NIA, WEI, checks, moderation, prompt_message
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, OTHER, OTHER_ADMIN, OWNER, VICTIM
from tests.support.clock import FakeClock
from tests.support.scene import Scene, keyboard


def prompt(
    scene: Scene, person: dict[str, object], chat: dict[str, object] = VICTIM
) -> SendMessage:
    """The door's message to `person` in the group: the one with a door button."""
    return [
        call
        for call in scene.messages(chat)
        if call.reply_markup is not None and shown_name(person) in str(call.text)
    ][-1]


def shown_name(person: dict[str, object]) -> str:
    return f"@{person['username']}" if "username" in person else str(person["first_name"])


def link(call: SendMessage) -> str:
    markup = call.reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    return str(markup.inline_keyboard[0][0].url)


async def started(scene: Scene, *people: dict[str, object]) -> None:
    scene.telegram.started.update(int(str(person["id"])) for person in people)


async def with_question(scene: Scene, chat: dict[str, object] = VICTIM) -> None:
    admin = ADMIN if chat is VICTIM else OTHER_ADMIN
    await scene.send(
        chat, admin, "/door_question What is the new single called? | Starlight | 星光"
    )
    await scene.send(chat, admin, "/door check question")


async def test_a_newcomer_passes_the_button_and_may_write(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/door check button")
    await scene.join(VICTIM, NIA)
    [restricted] = scene.calls(RestrictChatMember)
    assert restricted.user_id == NIA["id"] and restricted.permissions.can_send_messages is False
    ask = prompt(scene, NIA)
    assert "within 5 minutes" in str(ask.text)
    await scene.tap(NIA, VICTIM, keyboard(ask)[0])
    assert "You can write" in scene.telegram.answers()[-1]
    released = scene.calls(RestrictChatMember)[-1]
    assert released.permissions.can_send_messages is True
    assert await checks(scene) == [(NIA["id"], "human", "button", "passed")]
    assert scene.calls(BanChatMember) == []


async def test_someone_else_cannot_press_the_newcomers_button(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/door check button")
    await scene.join(VICTIM, NIA)
    button = keyboard(prompt(scene, NIA))[0]
    for forger, says in ((FAN, "不是给你的"), (MEMBER, "not for you"), (KAI, "不是給你的")):
        await scene.tap(forger, VICTIM, button)
        assert says in scene.telegram.answers()[-1]
    # A forged button for a check that does not exist, or with another action, does nothing.
    await scene.tap(NIA, VICTIM, DoorCb(check_id=999, action="pass").pack())
    await scene.tap(NIA, VICTIM, DoorCb(check_id=1, action="rules").pack())
    assert await checks(scene) == [(NIA["id"], "human", "button", "pending")]
    assert moderation(scene) == [("RestrictChatMember", NIA["id"])]


async def test_the_question_is_answered_in_private_through_the_link(scene: Scene) -> None:
    await with_question(scene)
    await scene.join(VICTIM, WEI)
    ask = prompt(scene, WEI)
    assert "What is the new single called?" in str(ask.text) and "5 分钟" in str(ask.text)
    [restricted] = scene.calls(RestrictChatMember)
    assert restricted.permissions.can_send_messages is True  # text only: to reply in the group
    assert restricted.permissions.can_send_photos is False
    payload = link(ask).rsplit("start=", 1)[1]
    await started(scene, WEI)
    await scene.send(u.private(WEI), WEI, f"/start {payload}")
    assert "What is the new single called?" in scene.last(WEI["id"])
    # Full-width, Traditional and case do not matter: 星光 is 星光, ＳＴＡＲＬＩＧＨＴ is starlight.
    await scene.say(u.private(WEI), WEI, "  ＳＴＡＲＬＩＧＨＴ！ ")
    assert "现在你可以在" in scene.last(WEI["id"])
    assert await checks(scene) == [(WEI["id"], "human", "question", "passed")]
    assert scene.calls(RestrictChatMember)[-1].permissions.can_send_photos is True


async def test_the_question_is_answered_by_replying_in_the_group(scene: Scene) -> None:
    await with_question(scene)
    await scene.join(VICTIM, KAI)
    ask = await prompt_message(scene, KAI)
    await scene.say(VICTIM, MEMBER, "星光", reply_to_message=ask)  # not theirs to answer
    assert await checks(scene) == [(KAI["id"], "human", "question", "pending")]
    answer = await scene.say(VICTIM, KAI, "星光", reply_to_message=ask)
    assert await checks(scene) == [(KAI["id"], "human", "question", "passed")]
    # The answer is removed from the chat, and the verdict is in their language.
    removed = {(call.chat_id, call.message_id) for call in scene.calls(DeleteMessage)}
    assert (VICTIM["id"], answer["message"]["message_id"]) in removed
    assert "謝謝" in scene.last()


async def test_a_wrong_answer_removes_them_without_a_ban_and_says_why(scene: Scene) -> None:
    await with_question(scene)
    await started(scene, NIA)
    await scene.join(VICTIM, NIA)
    await scene.say(u.private(NIA), NIA, "Moonlight")
    assert "not the answer" in scene.last(NIA["id"]) and "not banned" in scene.last(NIA["id"])
    assert moderation(scene, NIA["id"])[-2:] == [
        ("BanChatMember", NIA["id"]),
        ("UnbanChatMember", NIA["id"]),
    ]
    [unban] = scene.calls(UnbanChatMember)
    assert unban.only_if_banned is True
    assert await checks(scene) == [(NIA["id"], "human", "question", "failed")]


@pytest.mark.parametrize(
    ("person", "says"),
    [(NIA, "did not finish the check"), (WEI, "没有及时完成"), (KAI, "沒有及時完成")],
)
async def test_out_of_time_they_are_removed_and_told_in_their_language(
    scene: Scene, person: dict[str, object], says: str
) -> None:
    await scene.send(VICTIM, ADMIN, "/door check button")
    await scene.send(VICTIM, ADMIN, "/door minutes 3")
    await started(scene, person)
    await scene.join(VICTIM, person)
    soon = scene.clock(FakeClock(datetime.now(UTC) + timedelta(minutes=2)))
    await soon.tick()
    assert scene.calls(BanChatMember) == []
    # The bot restarted in the meantime: the deadline is in the database, and still fires.
    scene.restart()
    late = scene.clock(FakeClock(datetime.now(UTC) + timedelta(minutes=4)), "after-restart")
    await late.tick()
    user_id = int(str(person["id"]))
    assert moderation(scene, user_id)[-2:] == [
        ("BanChatMember", user_id),
        ("UnbanChatMember", user_id),
    ]
    assert says in scene.last(user_id)
    assert await checks(scene) == [(user_id, "human", "button", "expired")]
    await late.tick()  # it fires once
    assert len(scene.calls(BanChatMember)) == 1


async def test_a_press_after_the_deadline_changes_nothing(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/door check button")
    await scene.join(VICTIM, NIA)
    button = keyboard(prompt(scene, NIA))[0]
    await scene.clock(FakeClock(datetime.now(UTC) + timedelta(minutes=6))).tick()
    await scene.tap(NIA, VICTIM, button)
    assert "already over" in scene.telegram.answers()[-1]
    assert await checks(scene) == [(NIA["id"], "human", "button", "expired")]


async def test_one_who_leaves_and_comes_back_starts_afresh(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/door check button")
    await scene.join(VICTIM, NIA)
    first = keyboard(prompt(scene, NIA))[0]
    await scene.leave(VICTIM, NIA, was="restricted")
    await scene.join(VICTIM, NIA)
    await scene.tap(NIA, VICTIM, first)  # the old prompt is void
    assert "already over" in scene.telegram.answers()[-1]
    await scene.tap(NIA, VICTIM, keyboard(prompt(scene, NIA))[0])
    assert await checks(scene) == [
        (NIA["id"], "human", "button", "left"),
        (NIA["id"], "human", "button", "passed"),
    ]
    # The first deadline no longer removes them.
    await scene.clock(FakeClock(datetime.now(UTC) + timedelta(minutes=10))).tick()
    assert scene.calls(BanChatMember) == []


async def test_administrators_and_operators_are_never_held(scene: Scene) -> None:
    scene.restart(operator_ids=[NIA["id"]])
    await scene.send(VICTIM, ADMIN, "/door check button")
    await scene.deliver(
        u.member_update(
            scene.updates, VICTIM, actor=OWNER, user=ADMIN, old="left", new="administrator"
        )
    )
    await scene.join(VICTIM, NIA)  # an operator of every group, by the settings
    assert moderation(scene) == []
    assert await checks(scene) == []


async def test_a_pass_elsewhere_counts_where_the_operators_allow_it(scene: Scene) -> None:
    for chat, admin in ((VICTIM, ADMIN), (OTHER, OTHER_ADMIN)):
        await scene.send(chat, admin, "/door check button")
    await scene.join(VICTIM, NIA)
    await scene.tap(NIA, VICTIM, keyboard(prompt(scene, NIA))[0])
    await scene.join(OTHER, NIA)  # OTHER does not trust other groups: checked again
    assert await checks(scene) == [
        (NIA["id"], "human", "button", "passed"),
        (NIA["id"], "human", "button", "pending"),
    ]
    await scene.send(OTHER, OTHER_ADMIN, "/door trust on")
    await scene.leave(OTHER, NIA, was="restricted")
    scene.telegram.calls.clear()
    await scene.join(OTHER, NIA)
    assert moderation(scene) == []


async def test_the_rules_must_be_accepted_after_the_check(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/rules_set No spoilers before Friday")
    await scene.send(VICTIM, ADMIN, "/door rules_required on")
    await scene.join(VICTIM, NIA)
    accept = prompt(scene, NIA)
    assert "No spoilers before Friday" in str(accept.text)
    await scene.tap(MEMBER, VICTIM, keyboard(accept)[0])
    assert "not for you" in scene.telegram.answers()[-1]
    await scene.tap(NIA, VICTIM, keyboard(accept)[0])
    assert await checks(scene) == [(NIA["id"], "rules", "button", "passed")]
    assert moderation(scene) == [("RestrictChatMember", NIA["id"])] * 2


async def test_the_button_is_shown_to_the_newcomer_only_where_telegram_allows(
    scene: Scene,
) -> None:
    await scene.send(VICTIM, ADMIN, "/door check button")
    await scene.join(VICTIM, NIA)
    only = prompt(scene, NIA).ephemeral_message_parameters
    assert only is not None and only.receiver_user_id == NIA["id"]
    scene.telegram.no_ephemeral.add(VICTIM["id"])
    await scene.join(VICTIM, WEI)
    ask = prompt(scene, WEI)
    assert ask.ephemeral_message_parameters is None  # refused: the post in the group instead
    await scene.tap(WEI, VICTIM, keyboard(ask)[0])
    assert tuple(state for *_, state in await checks(scene)) == ("pending", "passed")
