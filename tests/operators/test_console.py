"""The private console: /groups, choosing a group, operator commands against it, re-checked
every time; an administrator demoted through chat_member is refused at once."""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram.methods import EditMessageText, GetChatAdministrators, SendMessage

from bot.db.operators import select_group
from handlers.callbacks import GroupPickCb
from tests.operators.support import dump
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, OTHER, OTHER_ADMIN, OWNER, VICTIM
from tests.support.scene import Scene, keyboard
from tests.support.updates import member_update


async def test_an_operator_of_two_groups_works_both_from_private_chat(scene: Scene) -> None:
    scene.telegram.set_status(OTHER["id"], OWNER["id"], "administrator")
    await scene.say(OTHER, OWNER, "hello other group")
    await scene.say(VICTIM, ADMIN, "hi, Ada here")  # known by @ada from now on
    # The owner grants Ada (already an admin of the victim group) the operator role in OTHER.
    await scene.send(OTHER, OWNER, "/grant operator @ada")
    me = u.private(ADMIN)
    await scene.send(me, ADMIN, "/groups")
    (listing,) = [c for c in scene.telegram.methods(SendMessage) if c.chat_id == ADMIN["id"]]
    assert keyboard(listing) == sorted(
        [GroupPickCb(chat_id=OTHER["id"]).pack(), GroupPickCb(chat_id=VICTIM["id"]).pack()],
        key=lambda data: data.endswith(str(VICTIM["id"])),
    )

    await scene.pipeline.deliver(
        scene.button(ADMIN, u.private(ADMIN), GroupPickCb(chat_id=OTHER["id"]).pack())
    )
    (chosen,) = scene.telegram.methods(EditMessageText)
    assert "Other fans" in chosen.text and "operator" in chosen.text
    await scene.send(me, ADMIN, "/status")
    assert "Health of Other fans" in scene.telegram.sent(ADMIN["id"])[-1]

    await scene.pipeline.deliver(
        scene.button(ADMIN, u.private(ADMIN), GroupPickCb(chat_id=VICTIM["id"]).pack())
    )
    await scene.send(me, ADMIN, "/grant analyst @lin_fan")
    assert (
        "Lin" in scene.telegram.sent(ADMIN["id"])[-1]
        or "lin_fan" in scene.telegram.sent(ADMIN["id"])[-1]
    )
    await scene.send(me, ADMIN, "/audit")
    audit = scene.telegram.sent(ADMIN["id"])[-1]
    assert "Victim fans &lt;b&gt;" in audit  # the group title is escaped
    assert "granted the analyst (read-only) role to @lin_fan" in audit
    roles = (await dump(scene.session_factory))["chat_roles"]
    assert {(row[0], row[1], row[2]) for row in roles} == {
        (OTHER["id"], ADMIN["id"], "operator"),
        (VICTIM["id"], FAN["id"], "analyst"),
    }


async def test_private_commands_against_a_group_the_caller_does_not_operate_are_refused(
    scene: Scene,
) -> None:
    async with scene.session_factory() as session, session.begin():
        await select_group(session, OTHER_ADMIN["id"], VICTIM["id"], datetime.now(UTC))
    before = await dump(scene.session_factory)
    me = u.private(OTHER_ADMIN)
    await scene.send(me, OTHER_ADMIN, "/groups")
    (listing,) = scene.telegram.sent(OTHER_ADMIN["id"])
    assert "Victim" not in listing  # only the groups they run are offered
    await scene.send(me, OTHER_ADMIN, "/grant operator @lin_fan")
    await scene.send(me, OTHER_ADMIN, "/status")
    replies = scene.telegram.sent(OTHER_ADMIN["id"])[1:]
    assert len(replies) == 2
    assert all("do not have it there" in reply for reply in replies)
    assert scene.telegram.sent(VICTIM["id"]) == []
    assert await dump(scene.session_factory) == before


async def test_private_commands_need_a_chosen_group(scene: Scene) -> None:
    await scene.send(u.private(ADMIN), ADMIN, "/status")
    assert scene.telegram.sent(ADMIN["id"]) == ["Choose a group first with /groups."]


async def test_an_administrator_demoted_through_chat_member_is_refused_next_time(
    scene: Scene,
) -> None:
    await scene.send(VICTIM, ADMIN, "/status")
    assert "Health of" in scene.telegram.sent(VICTIM["id"])[-1]
    scene.telegram.set_status(VICTIM["id"], ADMIN["id"], "member")
    await scene.pipeline.deliver(
        member_update(
            scene.updates, VICTIM, actor=OWNER, user=ADMIN, old="administrator", new="member"
        )
    )
    before = await dump(scene.session_factory)
    await scene.send(VICTIM, ADMIN, "/language zh")
    assert "do not have it there" in scene.telegram.sent(VICTIM["id"])[-1]
    assert await dump(scene.session_factory) == before
    # The administrator list was read once: the refusal came from the chat_member update,
    # not from a refreshed cache.
    assert len(scene.telegram.methods(GetChatAdministrators)) == 1


async def test_a_member_promoted_through_chat_member_may_act_at_once(scene: Scene) -> None:
    await scene.send(VICTIM, MEMBER, "/status")
    assert "do not have it there" in scene.telegram.sent(VICTIM["id"])[-1]
    scene.telegram.set_status(VICTIM["id"], MEMBER["id"], "administrator")
    await scene.pipeline.deliver(
        member_update(
            scene.updates, VICTIM, actor=OWNER, user=MEMBER, old="member", new="administrator"
        )
    )
    await scene.send(VICTIM, MEMBER, "/language zh")
    assert scene.telegram.sent(VICTIM["id"])[-1] == "本群的 fanpulse 消息将使用简体中文。"
