"""The draw through the clock: announcement with mentions, the transcript file that verifies,
private messages, skips with reasons; then reroll, end now and cancel through the dispatcher."""

from __future__ import annotations

import asyncio
import html
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendDocument, SendMessage
from aiogram.types import BufferedInputFile, InlineKeyboardMarkup

from bot.db import giveaways as store
from bot.domain import fairness
from bot.domain.transcript import Transcript
from bot.services.clock import Clock
from tests.giveaways.support import (
    GROUP,
    PEOPLE,
    audit_actions,
    draws_of,
    end_and_tick,
    entries,
    giveaways,
    transcript_sent,
)
from tests.support.cast import ADMIN, FAN, MEMBER, OWNER
from tests.support.drafts import send_confirmed
from tests.support.scene import Scene
from tests.support.telegram import ScriptedTelegram


async def giveaway_with_entrants(scene: Scene, winners: int, rules: str = "") -> int:
    suffix = f" | {rules}" if rules else ""
    await send_confirmed(scene, GROUP, ADMIN, f"/giveaway {winners} 2h Poster{suffix}")
    [record] = await giveaways(scene.session_factory)
    assert record.message_id is not None
    for person in PEOPLE:
        data = f"ge1:{record.id}"
        await scene.tap(person, GROUP, data, message_id=record.message_id)
    assert len(await entries(scene.session_factory)) == len(PEOPLE)
    return record.id


async def test_the_draw_announces_verifiable_winners_once(scene: Scene) -> None:
    draws = draws_of(scene)
    giveaway_id = await giveaway_with_entrants(scene, winners=3)
    scene.telegram.started.update({PEOPLE[0]["id"], PEOPLE[1]["id"], PEOPLE[2]["id"]})
    scene.telegram.calls.clear()
    await end_and_tick(scene, draws, giveaway_id)
    transcript = transcript_sent(scene)
    result = fairness.verify(transcript.to_dict(), expect_digest=transcript.digest)
    assert result.ok, result.problems
    assert len(transcript.winners) == 3 and len(transcript.entrants) == len(PEOPLE)
    ids = fairness.entrant_ids(transcript.seed_bytes, [p["id"] for p in PEOPLE])
    winners = [next(p for p in PEOPLE if ids[p["id"]] == w) for w in transcript.winners]
    [announcement] = [m for m in scene.telegram.methods(SendMessage) if m.chat_id == GROUP["id"]]
    for person in winners:
        name = html.escape(f"{person['first_name']} Ng", quote=False)
        assert f'<a href="tg://user?id={person["id"]}">{name}</a>' in announcement.text
    assert transcript.seed in announcement.text and transcript.digest in announcement.text
    edits = scene.telegram.methods(EditMessageText)
    assert edits and edits[-1].reply_markup is None, "the announcement loses its button"
    private = {m.chat_id for m in scene.telegram.methods(SendMessage) if m.chat_id > 0}
    assert {w["id"] for w in winners if w["id"] in scene.telegram.started} <= private
    assert ADMIN["id"] in private, "the creator hears about the draw"
    [record] = await giveaways(scene.session_factory)
    assert record.status == "done"
    scene.telegram.calls.clear()
    await Clock(scene.session_factory, [draws]).run_due(datetime.now(UTC))
    await draws.draw(giveaway_id)
    assert scene.telegram.methods(SendMessage) == [], "a second pass or run sends nothing"


async def test_entrants_who_left_are_skipped_with_a_published_reason(scene: Scene) -> None:
    draws = draws_of(scene)
    giveaway_id = await giveaway_with_entrants(scene, winners=len(PEOPLE) - 2, rules="member")
    assert isinstance(scene.telegram, ScriptedTelegram)
    for person in PEOPLE[:3]:
        scene.telegram.left.add((GROUP["id"], person["id"]))
    await end_and_tick(scene, draws, giveaway_id)
    transcript = transcript_sent(scene)
    assert fairness.verify(transcript.to_dict()).ok
    ids = fairness.entrant_ids(transcript.seed_bytes, [p["id"] for p in PEOPLE[:3]])
    skipped = {skip.entrant: skip.reason for skip in transcript.skips}
    assert set(skipped) <= set(ids.values()) and skipped
    assert set(skipped.values()) == {"left-group"}
    assert not set(transcript.winners) & set(ids.values())
    announcement = [m for m in scene.telegram.methods(SendMessage) if m.chat_id == GROUP["id"]][-1]
    assert "not a member of the group" in announcement.text


async def test_reroll_continues_the_permutation_and_is_announced(scene: Scene) -> None:
    draws = draws_of(scene)
    giveaway_id = await giveaway_with_entrants(scene, winners=2)
    await end_and_tick(scene, draws, giveaway_id)
    drawn = transcript_sent(scene)
    scene.telegram.calls.clear()
    await scene.send(GROUP, MEMBER, f"/giveaway_reroll {giveaway_id} 1 winner unreachable")
    assert len(transcript_sent(scene).rerolls) == 0, "a plain member cannot reroll"
    await scene.send(GROUP, OWNER, f"/giveaway_reroll {giveaway_id} #1 #2 winner unreachable")
    after = transcript_sent(scene)
    [reroll] = after.rerolls
    assert reroll.reason == "winner unreachable" and len(reroll.winners) == 2
    assert reroll.replaces == drawn.winners
    assert not set(reroll.winners) & set(drawn.winners)
    result = fairness.verify(after.to_dict(), expect_digest=reroll.digest)
    assert result.ok, result.problems
    assert result.rerolls == (reroll.winners,)
    group_texts = [m.text for m in scene.telegram.methods(SendMessage) if m.chat_id == GROUP["id"]]
    assert any("reroll 1" in text and "winner unreachable" in text for text in group_texts)
    assert (await audit_actions(scene.session_factory))[-1] == "giveaway-rerolled"


async def test_reroll_needs_a_reason_and_a_drawn_giveaway(scene: Scene) -> None:
    draws_of(scene)
    giveaway_id = await giveaway_with_entrants(scene, winners=1)
    await scene.send(GROUP, OWNER, f"/giveaway_reroll {giveaway_id}")
    await scene.send(GROUP, OWNER, f"/giveaway_reroll {giveaway_id} 1 too early")
    assert isinstance(scene.telegram, ScriptedTelegram)
    replies = scene.telegram.sent(GROUP["id"])[-2:]
    assert replies[0].startswith("Usage: /giveaway_reroll")
    assert "has not been drawn" in replies[1]


async def test_end_now_closes_entries_and_the_clock_draws(scene: Scene) -> None:
    draws = draws_of(scene)
    giveaway_id = await giveaway_with_entrants(scene, winners=1)
    await scene.send(GROUP, OWNER, f"/giveaway_end {giveaway_id}")
    [record] = await giveaways(scene.session_factory)
    assert record.ends_at <= datetime.now(UTC)
    await Clock(scene.session_factory, [draws]).run_due(datetime.now(UTC))
    assert fairness.verify(transcript_sent(scene).to_dict()).ok
    assert "giveaway-ended" in await audit_actions(scene.session_factory)


async def test_cancel_with_a_reason_stops_the_draw(scene: Scene) -> None:
    draws = draws_of(scene)
    giveaway_id = await giveaway_with_entrants(scene, winners=1)
    await scene.send(GROUP, OWNER, f"/giveaway_cancel {giveaway_id}")
    assert isinstance(scene.telegram, ScriptedTelegram)
    assert scene.telegram.sent(GROUP["id"])[-1].startswith("The reason is missing")
    await send_confirmed(
        scene, GROUP, OWNER, f"/giveaway_cancel {giveaway_id} prize sponsor withdrew"
    )
    [record] = await giveaways(scene.session_factory)
    assert (record.status, record.cancel_reason) == ("cancelled", "prize sponsor withdrew")
    await end_and_tick(scene, draws, giveaway_id)
    assert isinstance(scene.telegram, ScriptedTelegram)
    assert scene.telegram.documents == []
    assert (await audit_actions(scene.session_factory))[-1] == "giveaway-cancelled"
    await scene.tap(FAN, GROUP, f"ge1:{giveaway_id}", message_id=record.message_id or 0)
    assert len(await entries(scene.session_factory)) == len(PEOPLE)


async def test_the_list_shows_status_and_entrants(scene: Scene) -> None:
    await giveaway_with_entrants(scene, winners=1)
    await scene.send(GROUP, ADMIN, "/giveaways")
    assert isinstance(scene.telegram, ScriptedTelegram)
    listing = scene.telegram.sent(GROUP["id"])[-1]
    assert "#1 · Poster · open · 12 entrants · 1 winner(s)" in listing


async def test_the_transcript_file_is_the_json_fans_verify(scene: Scene) -> None:
    draws = draws_of(scene)
    giveaway_id = await giveaway_with_entrants(scene, winners=1)
    await end_and_tick(scene, draws, giveaway_id)
    document = [c for c in scene.telegram.calls if isinstance(c, SendDocument)][-1]
    assert isinstance(document.document, BufferedInputFile)
    assert document.document.filename == f"giveaway-{giveaway_id}-transcript.json"
    assert isinstance(scene.telegram, ScriptedTelegram)
    data = json.loads(scene.telegram.documents[-1][1])
    membership = fairness.membership(data, PEOPLE[4]["id"])
    assert membership.listed


async def test_status_and_digest_show_giveaways(scene: Scene) -> None:
    draws = draws_of(scene)
    giveaway_id = await giveaway_with_entrants(scene, winners=1)
    await scene.send(GROUP, ADMIN, "/status")
    assert isinstance(scene.telegram, ScriptedTelegram)
    assert "Next draw" in scene.telegram.sent(GROUP["id"])[-1]
    await end_and_tick(scene, draws, giveaway_id)
    section = scene.pipeline.dispatcher["digest_sections"].providers["giveaways"]
    texts = scene.pipeline.dispatcher["translator"].bind("en")
    day = datetime.now(UTC)
    async with scene.session_factory() as session:
        lines = await section.lines(
            session, GROUP["id"], day - timedelta(days=1), day + timedelta(days=1), texts
        )
    assert lines == [
        "🎁 #1 Poster: started, 12 entrants so far",
        "🎉 #1 Poster: drawn, 1 winner(s) among 12 entrants",
    ]


async def test_two_instances_at_the_deadline_draw_and_announce_once(scene: Scene) -> None:
    first, second = draws_of(scene), draws_of(scene)
    giveaway_id = await giveaway_with_entrants(scene, winners=2)
    async with scene.session_factory() as session, session.begin():
        ends_at = datetime.now(UTC)
        await store.set_fields(
            session, giveaway_id, created_at=ends_at - timedelta(hours=1), ends_at=ends_at
        )
    scene.telegram.calls.clear()
    due = datetime.now(UTC) + timedelta(seconds=1)
    await asyncio.gather(
        Clock(scene.session_factory, [first]).run_due(due),
        Clock(scene.session_factory, [second]).run_due(due),
        first.draw(giveaway_id),
        second.draw(giveaway_id),
    )
    announcements = [m for m in scene.telegram.methods(SendMessage) if m.chat_id == GROUP["id"]]
    assert len(announcements) == 1
    assert isinstance(scene.telegram, ScriptedTelegram)
    assert len(scene.telegram.documents) == 1
    transcript = transcript_sent(scene)
    assert fairness.verify(transcript.to_dict(), expect_digest=transcript.digest).ok
    [record] = await giveaways(scene.session_factory)
    assert record.status == "done"


async def test_the_organiser_hears_who_won_and_who_could_not_be_told(scene: Scene) -> None:
    draws = draws_of(scene)
    giveaway_id = await giveaway_with_entrants(scene, winners=3)
    scene.telegram.started.update(p["id"] for p in PEOPLE[:6])
    await end_and_tick(scene, draws, giveaway_id)
    transcript = transcript_sent(scene)
    ids = fairness.entrant_ids(transcript.seed_bytes, [p["id"] for p in PEOPLE])
    winners = [next(p for p in PEOPLE if ids[p["id"]] == w) for w in transcript.winners]
    [summary] = [m.text for m in scene.telegram.methods(SendMessage) if m.chat_id == ADMIN["id"]]
    links = [f'<a href="tg://user?id={p["id"]}">' for p in winners]
    assert all(link in summary for link in links)
    untold = [p for p in winners if p["id"] not in scene.telegram.started]
    told = [p for p in winners if p["id"] in scene.telegram.started]
    if untold:
        head, tail = summary.split("contact them yourself:")
        assert all(f'tg://user?id={p["id"]}"' in tail for p in untold)
        assert not any(f'tg://user?id={p["id"]}"' in tail for p in told)
    else:
        assert "Every winner was told privately." in summary
    [record] = await giveaways(scene.session_factory)
    assert json.loads(record.untold_winners or "[]") == [ids[p["id"]] for p in untold]


async def test_a_summary_with_nobody_told_names_every_winner_as_untold(scene: Scene) -> None:
    draws = draws_of(scene)
    giveaway_id = await giveaway_with_entrants(scene, winners=2)
    scene.telegram.started.difference_update(p["id"] for p in PEOPLE)
    await end_and_tick(scene, draws, giveaway_id)
    transcript = transcript_sent(scene)
    ids = fairness.entrant_ids(transcript.seed_bytes, [p["id"] for p in PEOPLE])
    [summary] = [m.text for m in scene.telegram.methods(SendMessage) if m.chat_id == ADMIN["id"]]
    _, tail = summary.split("contact them yourself:")
    for entrant in transcript.winners:
        person = next(p for p in PEOPLE if ids[p["id"]] == entrant)
        assert f'<a href="tg://user?id={person["id"]}">' in tail


def person_of(transcript: Transcript, entrant: str) -> dict[str, Any]:
    ids = fairness.entrant_ids(transcript.seed_bytes, [p["id"] for p in PEOPLE])
    return next(p for p in PEOPLE if ids[p["id"]] == entrant)


async def test_a_reroll_names_whom_it_replaces_and_stays_within_the_prize(scene: Scene) -> None:
    draws = draws_of(scene)
    giveaway_id = await giveaway_with_entrants(scene, winners=3)
    await end_and_tick(scene, draws, giveaway_id)
    drawn = transcript_sent(scene)
    scene.telegram.calls.clear()
    for words in ("#4 gone", "#1 #2 #3 #4 gone", "gone", "0 gone"):
        await scene.send(GROUP, OWNER, f"/giveaway_reroll {giveaway_id} {words}")
    replies = scene.telegram.sent(GROUP["id"])
    assert replies == [
        "Giveaway #1 has no winner with that number: use the numbers in its results.",
        "Giveaway #1: a reroll cannot replace more winners than the prize has.",
        replies[2],
        "Giveaway #1 has no winner with that number: use the numbers in its results.",
    ]
    assert replies[2].startswith("Usage: /giveaway_reroll ID WINNER")
    assert transcript_sent(scene).rerolls == ()

    scene.telegram.calls.clear()
    await scene.send(GROUP, OWNER, f"/giveaway_reroll {giveaway_id} #2 never answered")
    after = transcript_sent(scene)
    [reroll] = after.rerolls
    assert reroll.replaces == (drawn.winners[1],) and len(reroll.winners) == 1
    assert after.standing_winners == (drawn.winners[0], reroll.winners[0], drawn.winners[2])
    assert fairness.verify(after.to_dict(), expect_digest=reroll.digest).ok
    [announcement] = [m.text for m in scene.telegram.methods(SendMessage) if m.chat_id < 0][:1]
    replaced, new = person_of(after, drawn.winners[1]), person_of(after, reroll.winners[0])
    head, winners = announcement.split("Winners")
    assert "Replaces:" in head and f'tg://user?id={replaced["id"]}"' in head
    assert f'2. <a href="tg://user?id={new["id"]}">' in winners
    rerolled, untold = scene.telegram.sent(GROUP["id"])[-2:]
    assert "1 replacement winner(s) for 1 drawn" in rerolled
    # The replacement never started the bot: the organiser is told whom to contact.
    assert new["id"] not in scene.telegram.started
    assert "contact them yourself" in untold and f'tg://user?id={new["id"]}"' in untold

    # The replacement now holds place 2: replacing #2 again replaces them.
    await scene.send(GROUP, OWNER, f"/giveaway_reroll {giveaway_id} 2 also silent")
    again = transcript_sent(scene)
    assert again.rerolls[-1].replaces == (reroll.winners[0],)
    assert fairness.verify(again.to_dict(), expect_digest=again.rerolls[-1].digest).ok


async def test_check_my_entry_answers_each_fan_privately(scene: Scene) -> None:
    draws = draws_of(scene)
    giveaway_id = await giveaway_with_entrants(scene, winners=2, rules="member")
    assert isinstance(scene.telegram, ScriptedTelegram)
    # Whoever the draw reaches first has left the group: skipped, so the next two win.
    [record] = await giveaways(scene.session_factory)
    seed = bytes.fromhex(record.seed)
    by_entrant = {e: p for p in PEOPLE for u, e in fairness.entrant_ids(seed, [p["id"]]).items()}
    entrants = fairness.canonical_entrants(by_entrant)
    order = [entrant for _, entrant in fairness.candidates(seed, entrants, b"", 0)]
    scene.telegram.left.add((GROUP["id"], by_entrant[order[0]]["id"]))
    await end_and_tick(scene, draws, giveaway_id)
    transcript = transcript_sent(scene)
    ids = fairness.entrant_ids(transcript.seed_bytes, [p["id"] for p in PEOPLE])
    result = [m for m in scene.telegram.methods(SendMessage) if m.chat_id == GROUP["id"]][-1]
    assert isinstance(result.reply_markup, InlineKeyboardMarkup)
    [[button]] = result.reply_markup.inline_keyboard
    assert button.text == "🔍 Check my entry" and button.callback_data == f"gc1:{giveaway_id}"

    [record] = await giveaways(scene.session_factory)

    async def check(person: dict[str, Any]) -> str:
        await scene.tap(person, GROUP, f"gc1:{giveaway_id}", message_id=record.result_message_id)
        answer = scene.telegram.methods(AnswerCallbackQuery)[-1]
        assert answer.show_alert
        return str(answer.text)

    first, second = (person_of(transcript, w) for w in transcript.winners)
    assert await check(first) == (
        f"Giveaway #{giveaway_id}: you are entrant {ids[first['id']]} and you won, as winner 1!"
    )
    skipped = person_of(transcript, transcript.skips[0].entrant)
    assert await check(skipped) == (
        f"Giveaway #{giveaway_id}: you are entrant {ids[skipped['id']]}; the draw reached you "
        "but skipped you: not a member of the group."
    )
    assert transcript.winners == tuple(order[1:3])
    other = by_entrant[order[-1]]
    assert await check(other) == (
        f"Giveaway #{giveaway_id}: you are entrant {ids[other['id']]}; you were not drawn this "
        "time."
    )
    # A fan who never entered reads it in her own language.
    assert await check(FAN) == f"抽奖 #{giveaway_id} 的开奖中没有你的参与记录。"

    await scene.send(GROUP, OWNER, f"/giveaway_reroll {giveaway_id} #1 never answered")
    assert await check(first) == (
        f"Giveaway #{giveaway_id}: you are entrant {ids[first['id']]}; you were drawn, then "
        "replaced by a reroll."
    )
    assert await check(second) == (
        f"Giveaway #{giveaway_id}: you are entrant {ids[second['id']]} and you won, as winner 2!"
    )
