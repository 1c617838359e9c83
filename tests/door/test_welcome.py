"""A newcomer is greeted by an ephemeral message only they see, in their own language; where
Telegram refuses one, once, in the group's language, by a message the clock removes after a few
minutes, and joins close together share that one message. /rules shows the rules operators set
with /rules_set (typed or by reply), and their own welcome replaces the built-in one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aiogram.methods import DeleteMessage, EditMessageText, SendMessage

from bot.domain.door import WELCOME_LIFETIME
from tests.door.support import KAI, NIA, SPAM_BOT, WEI, audited
from tests.support.cast import ADMIN, FAN, MEMBER, VICTIM
from tests.support.clock import FakeClock
from tests.support.scene import Scene


def welcomes(scene: Scene) -> list[SendMessage]:
    """The welcomes Telegram delivered: posts, and ephemeral messages it did not refuse."""
    return [
        call
        for call in scene.messages(VICTIM)
        if "/mydata" in str(call.text) and not refused(scene, call)
    ]


def refused(scene: Scene, call: SendMessage) -> bool:
    only = call.ephemeral_message_parameters
    return only is not None and (
        call.chat_id in scene.telegram.no_ephemeral
        or (call.chat_id, only.receiver_user_id) in scene.telegram.left
    )


async def test_a_newcomer_is_welcomed_and_told_about_feedback_and_their_data(
    scene: Scene,
) -> None:
    await scene.join(VICTIM, NIA)
    [welcome] = welcomes(scene)
    text = str(welcome.text)
    assert "@nia" in text and "Victim fans &lt;b&gt;" in text
    assert "/feedback" in text and "/mydata" in text and "/forget" in text


def whispered(scene: Scene) -> list[tuple[int, str]]:
    """The ephemeral welcomes: whom each was for and what it said."""
    return [
        (call.ephemeral_message_parameters.receiver_user_id, str(call.text))
        for call in welcomes(scene)
        if call.ephemeral_message_parameters is not None
    ]


async def test_each_newcomer_is_welcomed_ephemerally_in_their_own_language(scene: Scene) -> None:
    await scene.join(VICTIM, NIA)
    await scene.join(VICTIM, WEI)
    await scene.join(VICTIM, KAI)
    [(nia, to_nia), (wei, to_wei), (kai, to_kai)] = whispered(scene)
    assert (nia, wei, kai) == (NIA["id"], WEI["id"], KAI["id"])
    assert "@nia" in to_nia and "/mydata" in to_nia and "/forget" in to_nia
    assert "欢迎" in to_wei and "伟" in to_wei and "@nia" not in to_wei
    assert "歡迎" in to_kai and "凱" in to_kai
    assert len(welcomes(scene)) == 3  # no post in the chat besides
    assert scene.edits(VICTIM) == []
    # Nothing for the clock to remove: Telegram shows it to them and lets it expire.
    later = scene.clock(FakeClock(datetime.now(UTC) + WELCOME_LIFETIME + timedelta(minutes=1)))
    await later.tick()
    assert scene.calls(DeleteMessage) == []


async def test_a_refused_ephemeral_welcome_falls_back_to_the_removed_post(scene: Scene) -> None:
    scene.telegram.left.add((VICTIM["id"], WEI["id"]))  # Telegram: USER_NOT_PARTICIPANT
    await scene.join(VICTIM, NIA)
    await scene.join(VICTIM, WEI)
    assert [receiver for receiver, _ in whispered(scene)] == [NIA["id"]]
    assert len(scene.messages(VICTIM)) == 3  # Wei's ephemeral welcome was asked for, refused
    [post] = [call for call in welcomes(scene) if call.ephemeral_message_parameters is None]
    assert "伟" in str(post.text) and "@nia" not in str(post.text)
    later = scene.clock(FakeClock(datetime.now(UTC) + WELCOME_LIFETIME + timedelta(minutes=1)))
    await later.tick()
    [deleted] = scene.calls(DeleteMessage)
    assert deleted.chat_id == VICTIM["id"]


async def test_joins_together_share_one_welcome_and_the_clock_removes_it(scene: Scene) -> None:
    scene.telegram.no_ephemeral.add(VICTIM["id"])  # where Telegram refuses ephemeral messages
    await scene.join(VICTIM, NIA)
    await scene.join(VICTIM, WEI)
    await scene.join(VICTIM, KAI)
    [welcome] = welcomes(scene)  # one message, never a wall of greetings
    edits = scene.edits(VICTIM)
    assert "伟" in str(edits[-1].text) and "凱" in str(edits[-1].text)
    assert "@nia" in str(edits[-1].text)
    clock = scene.clock(FakeClock(datetime.now(UTC) + WELCOME_LIFETIME - timedelta(seconds=30)))
    await clock.tick()
    assert scene.calls(DeleteMessage) == []
    # Another instance after a restart: the removal is in the database, not in memory.
    later = scene.clock(
        FakeClock(datetime.now(UTC) + WELCOME_LIFETIME + timedelta(minutes=1)), "two"
    )
    await later.tick()
    [deleted] = scene.calls(DeleteMessage)
    assert deleted.chat_id == VICTIM["id"]
    await later.tick()
    assert len(scene.calls(DeleteMessage)) == 1


async def test_bots_are_not_welcomed_and_the_welcome_can_be_turned_off(scene: Scene) -> None:
    await scene.join(VICTIM, SPAM_BOT)
    assert welcomes(scene) == []
    await scene.send(VICTIM, ADMIN, "/door welcome off")
    await scene.join(VICTIM, NIA)
    assert welcomes(scene) == []
    assert ("door-set", "welcome=off") in await audited(scene)


async def test_rules_are_set_by_operators_and_shown_to_anyone(scene: Scene) -> None:
    await scene.send(VICTIM, MEMBER, "/rules")
    assert "no rules" in scene.last()
    await scene.send(VICTIM, ADMIN, "/rules_set Be kind. <No> spam.")
    assert "saved" in scene.last()
    await scene.send(VICTIM, FAN, "/rules")
    assert "Be kind. &lt;No&gt; spam." in scene.last()
    rules = await scene.say(VICTIM, ADMIN, "1. Kind words only")
    await scene.send(VICTIM, ADMIN, "/rules_set", reply_to_message=rules["message"])
    await scene.send(VICTIM, MEMBER, "/rules")
    assert "1. Kind words only" in scene.last()
    await scene.join(VICTIM, NIA)
    assert "/rules" in str(welcomes(scene)[-1].text)


async def test_a_fan_cannot_set_the_rules(scene: Scene) -> None:
    await scene.send(VICTIM, MEMBER, "/rules_set I rule now")
    assert "operator role" in scene.last()
    await scene.send(VICTIM, MEMBER, "/rules")
    assert "no rules" in scene.last()


async def test_the_operators_own_welcome_fills_its_placeholders(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/rules_set No spoilers")
    await scene.send(VICTIM, ADMIN, "/welcome_set Hi {name}, this is {group}. {rules} {other}")
    await scene.join(VICTIM, NIA)
    [welcome] = welcomes(scene)
    text = str(welcome.text)
    assert text.startswith("Hi @nia, this is Victim fans &lt;b&gt;. No spoilers {other}")


async def test_the_welcome_post_speaks_the_groups_language(scene: Scene) -> None:
    scene.telegram.no_ephemeral.add(VICTIM["id"])
    await scene.send(VICTIM, ADMIN, "/language zh-TW")
    await scene.join(VICTIM, NIA)
    assert "歡迎" in str(welcomes(scene)[-1].text)
    await scene.send(VICTIM, ADMIN, "/language zh")
    await scene.join(VICTIM, WEI)
    assert any("欢迎" in str(call.text) for call in scene.calls(EditMessageText))
