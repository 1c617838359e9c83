"""After /forget, every kind of update the fan sends stores nothing of her: messages, edits,
/feedback (in the group and in private), poll votes (counted by Telegram, not attributed to
her), button presses (a giveaway entry is refused in her language), reactions, joins and
private messages."""

from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery, SetMessageReaction
from sqlalchemy import select

from bot.db.models import PollTally
from bot.domain import fairness
from bot.i18n import Translator
from bot.services.giveaways_render import result_text
from tests.giveaways.support import draws_of, end_and_tick, entries, giveaways, transcript_sent
from tests.privacy.support import FAN_PRIVATE, fan_history, person_rows
from tests.support.cast import ADMIN, FAN, MEMBER, VICTIM
from tests.support.drafts import send_confirmed
from tests.support.scene import Scene, keyboard

TRANSLATOR = Translator.load()
ZH = TRANSLATOR.bind("zh")


async def forgotten(scene: Scene) -> dict[str, int]:
    await fan_history(scene)
    await scene.send(FAN_PRIVATE, FAN, "/forget")
    confirm, _ = keyboard(scene.last_with_buttons(FAN["id"]))
    await scene.tap(FAN, FAN_PRIVATE, confirm)
    gone = await person_rows(scene.session_factory, FAN["id"])
    assert set(gone.values()) == {0}
    return gone


async def test_every_update_kind_after_forget_stores_nothing_of_her(scene: Scene) -> None:
    gone = await forgotten(scene)
    await send_confirmed(scene, VICTIM, ADMIN, "/giveaway 1 2h Poster")
    [record] = await giveaways(scene.session_factory)
    scene.telegram.calls.clear()

    said = await scene.say(VICTIM, FAN, "视频又闪退了")
    await scene.edit(said, "视频又闪退了，改过")
    await scene.send(VICTIM, FAN, "/feedback 字幕太小")
    await scene.send(FAN_PRIVATE, FAN, "/feedback 私下的意见")
    await scene.say(FAN_PRIVATE, FAN, "你好")
    await scene.send(FAN_PRIVATE, FAN, "/language en")
    await scene.vote("p1", FAN, [1])
    await scene.deliver(scene.poll_update("p1", "Q?", [0, 1], 1))
    await scene.react(VICTIM, FAN, said["message"]["message_id"])
    await scene.leave(VICTIM, FAN)
    await scene.join(VICTIM, FAN)
    await scene.tap(FAN, VICTIM, f"ge1:{record.id}", message_id=record.message_id)

    assert await person_rows(scene.session_factory, FAN["id"]) == gone
    assert await entries(scene.session_factory) == []
    # Her vote still counts, in Telegram's anonymous tally.
    async with scene.session_factory() as session:
        tally = await session.scalar(select(PollTally).where(PollTally.telegram_poll_id == "p1"))
    assert tally is not None and tally.voters == 1
    # /feedback is neither thanked in the group nor acknowledged in private.
    assert scene.telegram.methods(SetMessageReaction) == []
    not_stored = str(ZH("feedback-not-stored"))
    language_kept = str(TRANSLATOR.bind("en")("language-private-forgotten"))
    # Her "你好" in private is answered with the pointer to /help, and stored nowhere.
    pointer = str(ZH("private-plain-text"))
    assert scene.telegram.sent(FAN["id"]) == [not_stored, not_stored, pointer, language_kept]
    (alert,) = scene.telegram.methods(AnswerCallbackQuery)
    assert alert.text == ZH.plain("giveaway-enter-forgotten") and alert.show_alert


async def test_others_still_enter_and_are_stored_after_she_is_forgotten(scene: Scene) -> None:
    await forgotten(scene)
    await send_confirmed(scene, VICTIM, ADMIN, "/giveaway 1 2h Poster")
    [record] = await giveaways(scene.session_factory)
    await scene.tap(MEMBER, VICTIM, f"ge1:{record.id}", message_id=record.message_id)
    await scene.vote("p1", MEMBER, [0])
    [entry] = await entries(scene.session_factory)
    assert entry.user_id == MEMBER["id"]
    assert (await person_rows(scene.session_factory, MEMBER["id"]))["poll_votes.user_id"] == 1


async def test_a_drawn_giveaway_keeps_her_entrant_number_not_her_name(scene: Scene) -> None:
    await fan_history(scene)
    draws = draws_of(scene)
    await send_confirmed(scene, VICTIM, ADMIN, "/giveaway 2 2h Poster")
    [record] = await giveaways(scene.session_factory)
    for person in (FAN, MEMBER):
        await scene.tap(person, VICTIM, f"ge1:{record.id}", message_id=record.message_id)
    await end_and_tick(scene, draws, record.id)
    transcript = transcript_sent(scene)
    await scene.send(FAN_PRIVATE, FAN, "/forget")
    confirm, _ = keyboard(scene.last_with_buttons(FAN["id"]))
    await scene.tap(FAN, FAN_PRIVATE, confirm)

    [kept] = [e for e in await entries(scene.session_factory) if e.user_id == FAN["id"]]
    assert (kept.first_name, kept.last_name) == ("", None)
    assert fairness.verify(transcript.to_dict(), expect_digest=transcript.digest).ok
    entrant = fairness.entrant_ids(transcript.seed_bytes, [FAN["id"]])[FAN["id"]]
    shown = result_text(TRANSLATOR.bind("en"), await draws.outcome(record.id))
    assert f"<code>{entrant}</code>" in shown and FAN["first_name"] not in shown
    assert f"tg://user?id={FAN['id']}" not in shown
    assert f"tg://user?id={MEMBER['id']}" in shown
