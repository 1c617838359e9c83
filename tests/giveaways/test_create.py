"""/giveaway through the real dispatcher: the announcement, and every refusal with nothing
created."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from aiogram.methods import SendMessage

from bot.db.operators import select_group
from bot.domain import fairness
from bot.domain.giveaway import Rules
from tests.giveaways.support import CHANNEL_ID, GROUP, audit_actions, giveaways
from tests.support import updates as u
from tests.support.cast import ADMIN, MEMBER, OWNER
from tests.support.drafts import send_confirmed, settled
from tests.support.scene import Scene
from tests.support.telegram import ScriptedTelegram


def telegram_of(scene: Scene) -> ScriptedTelegram:
    assert isinstance(scene.telegram, ScriptedTelegram)
    return scene.telegram


async def test_an_administrator_announces_a_giveaway_with_its_commitment(scene: Scene) -> None:
    await send_confirmed(
        scene, GROUP, ADMIN, "/giveaway 2 2h Signed <poster> | member comments:3/7"
    )
    [record] = await giveaways(scene.session_factory)
    assert (record.winner_count, record.prize, record.status) == (2, "Signed <poster>", "open")
    assert record.commitment == fairness.commitment(bytes.fromhex(record.seed))
    rules = Rules.from_json(record.rules)
    assert (rules.member, rules.min_comments, rules.comment_days) == (True, 3, 7)
    preview, announcement = scene.telegram.methods(SendMessage)
    assert "Preview" in preview.text and "Signed &lt;poster&gt;" in preview.text
    assert announcement.chat_id == GROUP["id"]
    assert record.commitment in announcement.text
    assert "Signed &lt;poster&gt;" in announcement.text
    assert record.seed not in announcement.text
    button = announcement.reply_markup.inline_keyboard[0][0]
    assert button.callback_data == f"ge1:{record.id}"
    assert record.message_id is not None
    assert await audit_actions(scene.session_factory) == ["giveaway-created"]


async def test_an_operator_creates_one_from_private_chat_for_the_chosen_group(
    scene: Scene,
) -> None:
    async with scene.session_factory() as session, session.begin():
        await select_group(session, OWNER["id"], GROUP["id"], datetime.now(UTC))
    await send_confirmed(
        scene, u.private(OWNER), OWNER, "/giveaway 1 tomorrow 20:00 Concert ticket"
    )
    [record] = await giveaways(scene.session_factory)
    assert record.chat_id == GROUP["id"]
    group_posts = telegram_of(scene).sent(GROUP["id"])
    assert len(group_posts) == 1 and "Concert ticket" in group_posts[0]
    [preview] = telegram_of(scene).sent(OWNER["id"])
    assert "Concert ticket" in preview  # in Mei's language: the preview is hers
    [reply] = settled(scene, OWNER["id"])
    assert f"#{record.id}" in reply and record.commitment in reply


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/giveaway 0 2h Poster", "between 1 and 10,000"),
        ("/giveaway 10001 2h Poster", "between 1 and 10,000"),
        ("/giveaway 1 2020-01-01 20:00 Poster", "in the past"),
        ("/giveaway 1 2h", "Usage"),
        ("/giveaway 1 soon Poster", "cannot read the end"),
        ("/giveaway 1 2h Poster | vip", "Unknown rule"),
        ("/giveaway 1 2h Poster | channel:@nosuchchannel", "cannot find the channel"),
        ("/giveaway 1 2h Poster | channel:@botless", "not an administrator of @botless"),
    ],
)
async def test_bad_input_is_refused_clearly_and_nothing_is_created(
    scene: Scene, text: str, expected: str
) -> None:
    telegram_of(scene).channels["@botless"] = CHANNEL_ID
    await scene.send(GROUP, ADMIN, text)
    [reply] = telegram_of(scene).sent(GROUP["id"])
    assert expected in reply
    assert await giveaways(scene.session_factory) == []
    assert await audit_actions(scene.session_factory) == []


async def test_refusals_follow_the_group_language(scene: Scene) -> None:
    await scene.send(GROUP, OWNER, "/language zh")
    await scene.send(GROUP, ADMIN, "/giveaway 0 2h Poster")
    assert "中奖人数必须在 1 到 10,000 之间" in telegram_of(scene).sent(GROUP["id"])[-1]
    assert await giveaways(scene.session_factory) == []


async def test_a_plain_member_cannot_create_one(scene: Scene) -> None:
    await scene.send(GROUP, MEMBER, "/giveaway 1 2h Poster")
    [refusal] = telegram_of(scene).sent(GROUP["id"])
    assert "operator" in refusal
    assert await giveaways(scene.session_factory) == []


async def test_a_channel_the_bot_administers_is_resolved_to_its_id(scene: Scene) -> None:
    telegram = telegram_of(scene)
    telegram.channels["@creator_news"] = CHANNEL_ID
    telegram.set_status(CHANNEL_ID, 42_000_001, "administrator")
    await send_confirmed(
        scene, GROUP, ADMIN, "/giveaway 1 1d Poster | channel:@creator_news joined"
    )
    [record] = await giveaways(scene.session_factory)
    rules = Rules.from_json(record.rules)
    assert (rules.channel, rules.channel_id, rules.joined_before) == (
        "@creator_news",
        CHANNEL_ID,
        True,
    )
