"""/giveaways answers with one card, a page at a time, with buttons per giveaway as the caller's
role allows: analysts read (details, transcript), operators also act (end now; cancel, with its
reason and asked first; reroll of a drawn one, with the winner's place and a reason). Every tap
edits the card, re-checks the role at the press, goes through the command's own service into
the audit log, and refuses forged or stale buttons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.db import giveaways as store
from bot.db.chat_settings import set_group_language, set_group_timezone
from bot.db.models import AuditRecord, GiveawayRecord
from bot.db.operators import grant_role, revoke_role
from bot.db.user_settings import set_user_language
from bot.domain.giveaway import Rules
from bot.domain.transcript import Transcript
from handlers.callbacks import (
    GiveawayCancelCb,
    GiveawayItemCb,
    GiveawayListCb,
    GiveawayRerollCb,
    GiveawayTap,
)
from tests.giveaways.support import GROUP, PEOPLE, draws_of, end_and_tick, giveaways
from tests.support.cards import Card, card
from tests.support.cast import ADMIN, FAN, MEMBER, OTHER
from tests.support.drafts import send_confirmed
from tests.support.scene import Scene

ANALYST = MEMBER
OPERATOR = FAN

# (details, end now, cancel, reroll, transcript, the reason "prize", the cancel's question)
SAYS = {
    "en": (
        "🎁 Details #{n}",
        "⏹ End now #{n}",
        "✖ Cancel #{n}",
        "🔄 Reroll #{n}",
        "⬇ Transcript #{n}",
        "The prize is not available",
        "nobody wins",
    ),
    "zh": (
        "🎁 详情 #{n}",
        "⏹ 立即结束 #{n}",
        "✖ 取消 #{n}",
        "🔄 重抽 #{n}",
        "⬇ 记录 #{n}",
        "奖品无法提供",
        "没有人中奖",
    ),
    "zh-Hant": (
        "🎁 詳情 #{n}",
        "⏹ 立即結束 #{n}",
        "✖ 取消 #{n}",
        "🔄 重抽 #{n}",
        "⬇ 紀錄 #{n}",
        "獎品無法提供",
        "沒有人中獎",
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
    """The group and every one of its people read `locale`."""
    now = datetime.now(UTC)
    async with scene.session_factory() as session, session.begin():
        await set_group_language(session, GROUP["id"], locale, now)
        for person in (ADMIN, ANALYST, OPERATOR):
            await set_user_language(session, person["id"], locale, now)


async def open_giveaway(scene: Scene, prize: str = "Poster") -> int:
    await send_confirmed(scene, GROUP, ADMIN, f"/giveaway 1 2h {prize}")
    return max(record.id for record in await giveaways(scene.session_factory))


async def drawn_giveaway(scene: Scene) -> int:
    """A giveaway of two winners among the cast's fans, drawn by the clock."""
    giveaway_id = await open_giveaway(scene, "Signed CD")
    [record] = [r for r in await giveaways(scene.session_factory) if r.id == giveaway_id]
    for person in PEOPLE:
        await scene.tap(person, GROUP, f"ge1:{giveaway_id}", message_id=record.message_id or 0)
    async with scene.session_factory() as session, session.begin():
        await store.set_fields(session, giveaway_id, winner_count=2)
    await end_and_tick(scene, draws_of(scene), giveaway_id)
    return giveaway_id


async def giveaway_cards(scene: Scene, person: dict[str, object]) -> Card:
    await scene.send(GROUP, person, "/giveaways")
    return card(scene, GROUP)


async def audit_actions(scene: Scene) -> list[str]:
    async with scene.session_factory() as session:
        rows = await session.scalars(
            select(AuditRecord.action)
            .where(AuditRecord.chat_id == GROUP["id"])
            .order_by(AuditRecord.id)
        )
        return list(rows.all())


async def status_of(scene: Scene, giveaway_id: int) -> str:
    [record] = [r for r in await giveaways(scene.session_factory) if r.id == giveaway_id]
    return record.status


def tap_data(giveaway_id: int, tap: GiveawayTap, chat_id: int = GROUP["id"]) -> str:
    return GiveawayItemCb(chat_id=chat_id, giveaway_id=giveaway_id, tap=tap).pack()


@pytest.mark.parametrize("locale", ["en", "zh", "zh-Hant"])
async def test_operators_get_actions_and_analysts_only_read(cast: Scene, locale: str) -> None:
    scene = cast
    await speak(scene, locale)
    drawn = await drawn_giveaway(scene)
    opened = await open_giveaway(scene)
    details, end, cancel, reroll, transcript, *_ = SAYS[locale]
    shown = await giveaway_cards(scene, OPERATOR)
    assert shown.labels() == [
        details.format(n=opened),
        end.format(n=opened),
        cancel.format(n=opened),
        details.format(n=drawn),
        reroll.format(n=drawn),
        transcript.format(n=drawn),
    ]
    shown = await giveaway_cards(scene, ANALYST)
    assert shown.labels() == [
        details.format(n=opened),
        details.format(n=drawn),
        transcript.format(n=drawn),
    ]


@pytest.mark.parametrize("locale", ["en", "zh", "zh-Hant"])
async def test_details_show_the_entrants_in_place_with_back(cast: Scene, locale: str) -> None:
    scene = cast
    await speak(scene, locale)
    drawn = await drawn_giveaway(scene)
    [record] = await giveaways(scene.session_factory)
    for person in (ANALYST, OPERATOR):
        await scene.tap(person, GROUP, tap_data(drawn, GiveawayTap.RESULTS))
        shown = card(scene, GROUP)
        assert f"#{drawn}" in shown.text and f"{len(PEOPLE)} " in shown.text
        assert record.commitment in shown.text
        [(_, back)] = shown.buttons
        assert back == GiveawayListCb(chat_id=GROUP["id"], page=0).pack()
        await scene.tap(person, GROUP, back)
        assert SAYS[locale][0].format(n=drawn) in card(scene, GROUP).labels()


async def test_the_transcript_is_sent_and_verifies(cast: Scene) -> None:
    scene = cast
    drawn = await drawn_giveaway(scene)
    documents = len(scene.documents(GROUP))
    for person in (ANALYST, OPERATOR):
        await scene.tap(person, GROUP, tap_data(drawn, GiveawayTap.EXPORT))
        content, caption = scene.documents(GROUP)[-1]
        assert Transcript.from_json(content.decode()).verify().ok
        assert f"#{drawn}" in caption and f"#{drawn}" in card(scene, GROUP).text.splitlines()[0]
    assert len(scene.documents(GROUP)) == documents + 2


@pytest.mark.parametrize("locale", ["en", "zh", "zh-Hant"])
async def test_end_now_closes_the_entries_and_is_audited(cast: Scene, locale: str) -> None:
    scene = cast
    await speak(scene, locale)
    opened = await open_giveaway(scene)
    await scene.tap(OPERATOR, GROUP, tap_data(opened, GiveawayTap.END))
    [record] = await giveaways(scene.session_factory)
    assert record.ends_at.replace(tzinfo=UTC) <= datetime.now(UTC)
    assert (await audit_actions(scene))[-1] == "giveaway-ended"
    assert SAYS[locale][1].format(n=opened) not in card(scene, GROUP).labels()


@pytest.mark.parametrize("locale", ["en", "zh", "zh-Hant"])
async def test_cancel_takes_a_reason_then_asks_first(cast: Scene, locale: str) -> None:
    scene = cast
    await speak(scene, locale)
    opened = await open_giveaway(scene)
    *_, prize_reason, nobody_wins = SAYS[locale]
    shown = await giveaway_cards(scene, OPERATOR)
    await scene.tap(OPERATOR, GROUP, shown.data(SAYS[locale][2].format(n=opened)))
    reasons = card(scene, GROUP)
    assert reasons.labels()[0] == prize_reason and len(reasons.labels()) == 4  # and Back
    await scene.tap(OPERATOR, GROUP, reasons.data(prize_reason))
    question = card(scene, GROUP)
    assert nobody_wins in question.text and prize_reason in question.text
    assert await status_of(scene, opened) == "open"  # nothing yet
    await scene.tap(OPERATOR, GROUP, question.buttons[0][1])
    assert await status_of(scene, opened) == "cancelled"
    [record] = await giveaways(scene.session_factory)
    assert record.cancel_reason == prize_reason  # what the group was told, in its language
    assert (await audit_actions(scene))[-1] == "giveaway-cancelled"


@pytest.mark.parametrize("locale", ["en", "zh", "zh-Hant"])
async def test_reroll_picks_the_place_and_the_reason(cast: Scene, locale: str) -> None:
    scene = cast
    await speak(scene, locale)
    drawn = await drawn_giveaway(scene)
    await scene.tap(OPERATOR, GROUP, tap_data(drawn, GiveawayTap.REROLL))
    places = card(scene, GROUP)
    assert len(places.buttons) == 3  # two winners' places, and Back
    await scene.tap(OPERATOR, GROUP, places.buttons[1][1])
    reasons = card(scene, GROUP)
    assert len(reasons.buttons) == 4
    await scene.tap(OPERATOR, GROUP, reasons.buttons[0][1])
    [record] = await giveaways(scene.session_factory)
    assert record.transcript is not None
    [reroll] = Transcript.from_json(record.transcript).rerolls
    assert len(reroll.replaces) == 1
    assert (await audit_actions(scene))[-1] == "giveaway-rerolled"
    assert f"#{drawn}" in card(scene, GROUP).text


async def test_a_reroll_tap_delivered_twice_rerolls_once(cast: Scene) -> None:
    """Issue 20: the same tap delivered twice (a webhook retry) replaces the winner once; the
    card stays usable for the next reroll."""
    scene = cast
    drawn = await drawn_giveaway(scene)
    await scene.tap(OPERATOR, GROUP, tap_data(drawn, GiveawayTap.REROLL))
    await scene.tap(OPERATOR, GROUP, card(scene, GROUP).buttons[1][1])
    reason = scene.button(OPERATOR, GROUP, card(scene, GROUP).buttons[0][1])

    await scene.deliver(reason)
    await scene.deliver(reason)

    [record] = await giveaways(scene.session_factory)
    assert record.transcript is not None
    assert len(Transcript.from_json(record.transcript).rerolls) == 1
    assert (await audit_actions(scene)).count("giveaway-rerolled") == 1


@pytest.mark.parametrize(
    "forged",
    [
        GiveawayItemCb(chat_id=GROUP["id"], giveaway_id=1, tap=GiveawayTap.END),
        GiveawayItemCb(chat_id=GROUP["id"], giveaway_id=1, tap=GiveawayTap.CANCEL),
        GiveawayItemCb(chat_id=GROUP["id"], giveaway_id=1, tap=GiveawayTap.REROLL),
        GiveawayCancelCb(chat_id=GROUP["id"], giveaway_id=1, reason="prize"),
        GiveawayRerollCb(chat_id=GROUP["id"], giveaway_id=1, choice="1.silent"),
    ],
)
async def test_an_analysts_forged_action_is_refused_and_changes_nothing(
    cast: Scene, forged: GiveawayItemCb | GiveawayCancelCb | GiveawayRerollCb
) -> None:
    scene = cast
    opened = await open_giveaway(scene)
    assert opened == 1
    edits = len(scene.edits(GROUP))
    await scene.tap(ANALYST, GROUP, forged.pack())
    assert scene.telegram.answers()[-1] == (
        "This needs the operator role in Victim fans <b>, and you do not have it there."
    )
    assert len(scene.edits(GROUP)) == edits
    assert await status_of(scene, opened) == "open"
    assert await audit_actions(scene) == ["giveaway-created"]


async def test_a_revoked_operators_tap_is_refused(cast: Scene) -> None:
    scene = cast
    opened = await open_giveaway(scene)
    shown = await giveaway_cards(scene, OPERATOR)
    end = shown.data(SAYS["en"][1].format(n=opened))
    async with scene.session_factory() as session, session.begin():
        await revoke_role(session, GROUP["id"], OPERATOR["id"])
    await scene.tap(OPERATOR, GROUP, end)
    assert "needs the operator role" in scene.telegram.answers()[-1]
    assert "giveaway-ended" not in await audit_actions(scene)


async def test_forged_and_stale_buttons_are_refused(cast: Scene) -> None:
    scene = cast
    opened = await open_giveaway(scene)
    async with scene.session_factory() as session, session.begin():
        theirs = await store.create(
            session,
            chat_id=OTHER["id"],
            creator_user_id=None,
            creator_chat_id=None,
            prize="Theirs",
            winner_count=1,
            rules=Rules().to_json(),
            seed="00" * 32,
            commitment="11" * 32,
            created_at=datetime.now(UTC),
            ends_at=datetime.now(UTC) + timedelta(hours=2),
        )
    edits = len(scene.edits(GROUP))
    # Another group's giveaway named on our group's buttons.
    await scene.tap(OPERATOR, GROUP, tap_data(theirs.id, GiveawayTap.END))
    await scene.tap(OPERATOR, GROUP, tap_data(theirs.id, GiveawayTap.RESULTS))
    assert all("no longer" in answer for answer in scene.telegram.answers()[-2:])
    # A reason that was never offered.
    forged = GiveawayCancelCb(chat_id=GROUP["id"], giveaway_id=opened, reason="whim")
    await scene.tap(OPERATOR, GROUP, forged.pack())
    assert "no longer" in scene.telegram.answers()[-1]
    # A giveaway deleted since the card was drawn.
    await send_confirmed(scene, GROUP, ADMIN, f"/giveaway_delete {opened}")
    edits = len(scene.edits(GROUP))
    await scene.tap(OPERATOR, GROUP, tap_data(opened, GiveawayTap.CANCEL))
    assert "no longer" in scene.telegram.answers()[-1]
    assert len(scene.edits(GROUP)) == edits
    async with scene.session_factory() as session:
        rows = (await session.execute(select(GiveawayRecord.id, GiveawayRecord.status))).all()
    assert {int(a): str(b) for a, b in rows} == {opened: "deleted", theirs.id: "open"}


async def test_twenty_five_giveaways_page_five_at_a_time_in_place(cast: Scene) -> None:
    scene = cast
    now = datetime.now(UTC)
    async with scene.session_factory() as session, session.begin():
        for n in range(1, 26):
            await store.create(
                session,
                chat_id=GROUP["id"],
                creator_user_id=ADMIN["id"],
                creator_chat_id=None,
                prize=f"Prize {n}",
                winner_count=1,
                rules=Rules().to_json(),
                seed=f"{n:064x}",
                commitment=f"{n:064x}",
                created_at=now,
                ends_at=now + timedelta(hours=n),
            )
    shown = await giveaway_cards(scene, ADMIN)
    assert "Page 1 of 5" in shown.text and "Prize 25" in shown.text
    assert shown.labels()[-1] == "Next ▶"
    for page in range(2, 6):
        await scene.tap(ADMIN, GROUP, card(scene, GROUP).data("Next ▶"))
        shown = card(scene, GROUP)
        assert f"Page {page} of 5" in shown.text
    assert "Prize 1 " in shown.text and "Prize 6 " not in shown.text
    # Details of one on page 5: Back returns to the page it is on.
    await scene.tap(ADMIN, GROUP, shown.data("🎁 Details #3"))
    assert card(scene, GROUP).buttons[-1][1] == GiveawayListCb(chat_id=GROUP["id"], page=4).pack()
    await scene.tap(ADMIN, GROUP, card(scene, GROUP).buttons[-1][1])
    shown = card(scene, GROUP)
    assert "Next ▶" not in shown.labels() and shown.labels()[-1] == "◀ Previous"
    await scene.tap(ADMIN, GROUP, shown.data("◀ Previous"))
    assert "Page 4 of 5" in card(scene, GROUP).text
    assert len([m for m in scene.messages(GROUP) if "Page" in str(m.text)]) == 1  # edited


async def test_the_private_console_works_on_the_chosen_group(cast: Scene) -> None:
    scene = cast
    async with scene.session_factory() as session, session.begin():
        await set_group_timezone(session, GROUP["id"], "Asia/Taipei", datetime.now(UTC))
    opened = await open_giveaway(scene)
    private = await scene.choose(OPERATOR, GROUP)
    await scene.send(private, OPERATOR, "/giveaways")
    shown = card(scene, private)
    assert "Victim fans" in shown.text
    assert "(Asia/Taipei)" in shown.text  # the end, in the group's time zone
    await scene.tap(OPERATOR, private, shown.data(SAYS["zh"][1].format(n=opened)))
    assert "giveaway-ended" in await audit_actions(scene)
    assert f"#{opened}" in card(scene, private).text.splitlines()[0]
