"""Tag commands through the real dispatcher: the default set on first use, every change, every
bad input refused with a clear message and nothing changed; stored tags follow the group's set."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.db.chat_settings import set_group_language
from bot.i18n import Translator
from tests.support.cast import ADMIN, FAN, MEMBER, OWNER, VICTIM
from tests.support.feedback import dump, sentiment_of, tags_of
from tests.support.scene import Scene

EN = Translator.load().bind("en")


def last_reply(scene: Scene) -> str:
    return scene.telegram.sent(VICTIM["id"])[-1]


async def test_a_group_starts_with_the_default_set(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/tags")
    listing = last_reply(scene)
    assert "(9)" in listing
    for tag in ("suggestion", "bug", "praise", "complaint", "question", "topic_idea"):
        assert f"#{tag}</b>" in listing
    await scene.say(VICTIM, FAN, "视频有问题，闪退了")
    assert await tags_of(scene.session_factory, VICTIM["id"], "视频有问题，闪退了") == {"bug"}


async def test_create_add_remove_rename_delete(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/tag_new wish 想要, would love, #wish")
    assert last_reply(scene) == str(
        EN("tag-changed", action="tag-created", tag="wish", title=VICTIM["title"])
    )
    await scene.say(VICTIM, FAN, "I would love a cat video")
    await scene.say(VICTIM, FAN, "我想要猫咪")
    await scene.say(VICTIM, FAN, "#wish more cats")
    for text in ("I would love a cat video", "我想要猫咪", "#wish more cats"):
        assert "wish" in await tags_of(scene.session_factory, VICTIM["id"], text)

    await scene.send(VICTIM, ADMIN, "/tag_add wish 想看, dream")
    await scene.say(VICTIM, FAN, "my dream is a vlog")
    assert await tags_of(scene.session_factory, VICTIM["id"], "my dream is a vlog") == {"wish"}
    await scene.send(VICTIM, ADMIN, "/tag_remove wish dream")
    await scene.say(VICTIM, FAN, "a dream again")
    assert await tags_of(scene.session_factory, VICTIM["id"], "a dream again") == set()

    await scene.send(VICTIM, ADMIN, "/tag_rename wish desire")
    await scene.confirm(ADMIN)
    assert await tags_of(scene.session_factory, VICTIM["id"], "我想要猫咪") == {"desire"}
    await scene.send(VICTIM, OWNER, "/tag_delete desire")
    await scene.confirm(OWNER)
    assert await tags_of(scene.session_factory, VICTIM["id"], "我想要猫咪") == set()
    await scene.send(VICTIM, ADMIN, "/tags")
    assert "#desire" not in last_reply(scene) and "(9)" in last_reply(scene)
    actions = [row[4] for row in (await dump(scene.session_factory))["audit_log"]]
    assert sorted(actions) == sorted(
        [
            "tag-created",
            "tag-terms-added",
            "tag-terms-removed",
            "tag-renamed",
            "tag-deleted",
        ]
    )


LONG = "x" * 65
BAD_INPUTS = [
    ("/tag_add nosuch crash", "tags-error", {"code": "unknown_tag", "value": "nosuch"}),
    ("/tag_add bug a,,b", "tags-error", {"code": "empty_term", "value": ""}),
    ("/tag_add bug  ,", "tags-error", {"code": "empty_term", "value": ""}),
    (f"/tag_add bug {LONG}", "tags-error", {"code": "term_too_long", "value": "x" * 64 + "…"}),
    ("/tag_add bug #no-way", "tags-error", {"code": "hashtag_invalid", "value": "#no-way"}),
    ("/tag_remove bug never-a-keyword", "tags-error", {"code": "term_absent",
                                                       "value": "never-a-keyword"}),
    ("/tag_new bug crash", "tags-error", {"code": "name_taken", "value": "bug"}),
    ("/tag_new no-dash x", "tags-error", {"code": "name_invalid", "value": "no-dash"}),
    ("/tag_new " + "n" * 33, "tags-error", {"code": "name_invalid", "value": "n" * 33}),
    ("/tag_rename nosuch other", "tags-error", {"code": "unknown_tag", "value": "nosuch"}),
    ("/tag_rename bug praise", "tags-error", {"code": "name_taken", "value": "praise"}),
    ("/tag_delete nosuch", "tags-error", {"code": "unknown_tag", "value": "nosuch"}),
    ("/tag_add bug " + "a, " * 1000, "tags-error", {"code": "too_long", "value": "2000"}),
    ("/tag_new", "tag-new-usage", {}),
    ("/tag_add bug", "tag-add-usage", {}),
    ("/tag_remove", "tag-remove-usage", {}),
    ("/tag_rename bug", "tag-rename-usage", {}),
    ("/tag_delete", "tag-delete-usage", {}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "key", "args"), BAD_INPUTS)
async def test_bad_input_is_refused_and_changes_nothing(
    scene: Scene, text: str, key: str, args: dict[str, str]
) -> None:
    before = await dump(scene.session_factory)
    await scene.send(VICTIM, OWNER, text)
    assert last_reply(scene) == str(EN(key, **args))
    assert await dump(scene.session_factory) == before


async def test_a_plain_member_cannot_edit_tags(scene: Scene) -> None:
    before = await dump(scene.session_factory)
    await scene.send(VICTIM, MEMBER, "/tag_new wish 想要")
    assert "administrator" in last_reply(scene) or "operator" in last_reply(scene)
    assert await dump(scene.session_factory) == before


async def test_an_edit_retags_and_redelivery_changes_nothing(scene: Scene) -> None:
    original = scene.updates.message(VICTIM, FAN, "great video, love it")
    await scene.pipeline.deliver(original)
    message_id = original["message"]["message_id"]
    assert await tags_of(scene.session_factory, VICTIM["id"], "great video, love it") == {"praise"}
    assert await sentiment_of(scene.session_factory, VICTIM["id"], message_id) == "positive"
    await scene.pipeline.deliver(scene.updates.edit(original, "the app crashes, boring"))
    tags = await tags_of(scene.session_factory, VICTIM["id"], "the app crashes, boring")
    assert tags == {"bug", "complaint"}
    assert await sentiment_of(scene.session_factory, VICTIM["id"], message_id) == "negative"
    before = await dump(scene.session_factory)
    await scene.pipeline.deliver(original)
    assert await dump(scene.session_factory) == before


async def test_a_change_on_another_instance_reaches_this_ones_tagger(scene: Scene) -> None:
    other = Scene.create(scene.session_factory).pipeline
    await other.deliver(scene.updates.message(VICTIM, FAN, "warmup 想要"))
    await scene.send(VICTIM, ADMIN, "/tag_new wish 想要")
    await other.deliver(scene.updates.message(VICTIM, FAN, "我想要猫"))
    assert await tags_of(scene.session_factory, VICTIM["id"], "我想要猫") == {"wish"}


async def test_built_in_tags_go_by_their_names_in_each_language(scene: Scene) -> None:
    async with scene.session_factory() as session, session.begin():
        await set_group_language(session, VICTIM["id"], "zh", datetime.now(UTC))
    await scene.send(VICTIM, ADMIN, "/tags")
    listing = last_reply(scene)
    assert "#建议（suggestion）</b>" in listing and "#问题（bug）</b>" in listing
    assert "suggestion</b>" not in listing.replace("（suggestion）</b>", "")

    # Added words under the Traditional name land on the built-in tag.
    await scene.send(VICTIM, ADMIN, "/tag_add 問題 卡成幻灯片")
    assert "<b>#问题</b>" in last_reply(scene)
    await scene.say(VICTIM, FAN, "又卡成幻灯片了")
    assert await tags_of(scene.session_factory, VICTIM["id"], "又卡成幻灯片了") == {"bug"}

    comment = scene.updates.message(VICTIM, FAN, "下期做猫咪吧")
    await scene.pipeline.deliver(comment)
    await scene.pipeline.deliver(
        scene.updates.command(VICTIM, ADMIN, "/tag 建議", reply_to_message=comment["message"])
    )
    assert "#建议" in last_reply(scene)
    assert "suggestion" in await tags_of(scene.session_factory, VICTIM["id"], "下期做猫咪吧")

    await scene.send(VICTIM, ADMIN, "/tag_delete 合作")
    assert "collab</b>, one of fanpulse's built-in tags" in last_reply(scene)  # Ada reads English
    await scene.confirm(ADMIN)
    await scene.send(VICTIM, ADMIN, "/tags")
    assert "#合作" not in last_reply(scene) and "（8 个）" in last_reply(scene)


async def test_the_inbox_takes_a_built_in_tag_by_any_of_its_names(scene: Scene) -> None:
    for text in ("please add subtitles", "建议出一期猫咪视频", "the app crashes"):
        await scene.say(VICTIM, FAN, text)
    async with scene.session_factory() as session, session.begin():
        await set_group_language(session, VICTIM["id"], "zh-Hant", datetime.now(UTC))
    counts = []
    for typed in ("#suggestion", "#建议", "#建議", "tag:建議", "標籤:建议"):
        await scene.send(VICTIM, ADMIN, f"/inbox {typed}")
        counts.append(last_reply(scene))
    assert all("共 2 條" in reply for reply in counts), counts
    items = counts[0].split("\n", 2)[-1]  # below the title and the filters line
    assert "#建議" in items and "#suggestion" not in items
    await scene.send(VICTIM, ADMIN, "/inbox_counts")
    assert "• #建議：2" in last_reply(scene)


async def test_a_misspelt_tag_is_refused_with_the_one_probably_meant(scene: Scene) -> None:
    before = await dump(scene.session_factory)
    await scene.send(VICTIM, OWNER, "/tag_delete sugestion")
    assert last_reply(scene) == "\n".join(
        [
            str(EN("tags-error", code="unknown_tag", value="sugestion")),
            str(EN("tags-did-you-mean", tag="suggestion")),
        ]
    )
    async with scene.session_factory() as session, session.begin():
        await set_group_language(session, VICTIM["id"], "zh", datetime.now(UTC))
    await scene.send(VICTIM, OWNER, "/tag_add complian 烦死了")
    assert last_reply(scene).endswith("你是不是想写 <b>#抱怨</b>？")
    assert await dump(scene.session_factory) == before
