"""Linking fans' comments to videos at flush time: by code, by reply to the announcement or to
the automatic forward of the channel post, by sitting in that post's thread; edits add and
remove mentions; redelivery adds nothing; operators' links and unlinks stick; /forget removes
a fan's links. All through the real dispatcher and batch store."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.db.models import VideoCommentLink
from bot.devtools.recording_session import BOT_USER
from bot.i18n import Translator
from handlers.callbacks import ForgetCb
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, OTHER, OTHER_ADMIN, VICTIM
from tests.support.scene import Scene
from tests.videos.support import CHANNEL, dump, links, stored_video

EN = Translator.load().bind("en")
BOT = BOT_USER.model_dump(exclude_none=True)
PHOTO = [{"file_id": "p1", "file_unique_id": "up1", "width": 90, "height": 90}]


def reply_to(message: dict[str, Any]) -> dict[str, Any]:
    """A `reply_to_message` field as Telegram nests it (without its own reply)."""
    return {key: value for key, value in message.items() if key != "reply_to_message"}


async def announced(scene: Scene) -> tuple[dict[str, Any], dict[str, Any]]:
    """v1 announced in the group, v2 in the linked channel, whose post came back into the
    group as an automatic forward: (the group announcement, the automatic forward)."""
    await scene.send(VICTIM, ADMIN, "/video_add https://youtu.be/dQw4w9WgXcQ | One")
    await scene.send(VICTIM, ADMIN, "/video_add BV1xx411c7mD | Two")
    await scene.send(VICTIM, ADMIN, "/video_announce v1")
    await scene.send(VICTIM, ADMIN, "/video_announce v2 channel")
    one, two = await stored_video(scene, 1), await stored_video(scene, 2)
    assert one.announcement_message_id is not None and two.channel_message_id is not None
    announcement = {
        "message_id": one.announcement_message_id,
        "date": scene.updates.clock,
        "chat": VICTIM,
        "from": BOT,
        "text": "🎬",
    }
    origin = {
        "type": "channel",
        "chat": CHANNEL,
        "message_id": two.channel_message_id,
        "date": scene.updates.clock,
    }
    forward = scene.updates.message(
        VICTIM,
        u.TELEGRAM_SERVICE,
        "🎬 Two",
        sender_chat=CHANNEL,
        is_automatic_forward=True,
        forward_origin=origin,
    )
    await scene.pipeline.deliver(forward)
    assert (await stored_video(scene, 2)).thread_message_id == forward["message"]["message_id"]
    return announcement, forward["message"]


async def test_each_linking_path_and_redelivery(scene: Scene) -> None:
    announcement, forward = await announced(scene)
    root = forward["message_id"]
    await scene.send(OTHER, OTHER_ADMIN, "/video_add BV1GJ411x7h7 | Other's one")
    first_in_thread = scene.updates.message(
        VICTIM, MEMBER, "first!", message_thread_id=root, reply_to_message=reply_to(forward)
    )
    batch = [
        scene.updates.message(VICTIM, FAN, "love #V1 so much"),
        scene.updates.message(VICTIM, FAN, "＃ｖ２好看"),
        scene.updates.message(VICTIM, FAN, "great", reply_to_message=announcement),
        first_in_thread,
        scene.updates.message(
            VICTIM,
            FAN,
            "agreed",
            message_thread_id=root,
            reply_to_message=reply_to(first_in_thread["message"]),
        ),
        scene.updates.message(VICTIM, FAN, "#v9 and #v1x and #v are nobody's"),
        scene.updates.message(OTHER, FAN, "#v2 is not a video of that group"),
        scene.updates.raw_message(VICTIM, FAN, photo=PHOTO, caption="a still of #v2"),
        scene.updates.as_channel(VICTIM, CHANNEL, "the channel itself says #v1"),
    ]
    await scene.pipeline.deliver(*batch)
    ids = [update["message"]["message_id"] for update in batch]
    expected = {
        (ids[0], 1, "code", True),
        (ids[1], 2, "code", True),
        (ids[2], 1, "reply", True),
        (ids[3], 2, "reply", True),
        (ids[4], 2, "thread", True),
        (ids[7], 2, "code", True),
    }
    assert await links(scene) == expected
    async with scene.session_factory() as session:
        created = sorted((await session.scalars(select(VideoCommentLink.created_at))).all())
    await scene.pipeline.deliver(*batch)  # Telegram sends the batch again
    assert await links(scene) == expected
    async with scene.session_factory() as session:
        again = sorted((await session.scalars(select(VideoCommentLink.created_at))).all())
    assert again == created

    await scene.send(VICTIM, ADMIN, "/video_archive v1")
    late = await scene.say(VICTIM, FAN, "#v1 after it was archived")
    late_reply = await scene.say(VICTIM, FAN, "late", reply_to_message=announcement)
    linked = {link[0] for link in await links(scene)}
    assert late["message"]["message_id"] not in linked
    assert late_reply["message"]["message_id"] not in linked


async def test_edits_add_and_remove_mentions_but_not_operators_choices(scene: Scene) -> None:
    announcement, _ = await announced(scene)
    comment = await scene.say(VICTIM, FAN, "nice")
    message_id = comment["message"]["message_id"]
    assert await links(scene) == set()
    await scene.pipeline.deliver(scene.updates.edit(comment, "nice #v1", after=10))
    assert await links(scene) == {(message_id, 1, "code", True)}
    await scene.pipeline.deliver(scene.updates.edit(comment, "actually #v2", after=20))
    assert await links(scene) == {(message_id, 2, "code", True)}

    # An operator unlinks v2 and links v1 by hand: edits never undo either.
    await scene.send(VICTIM, ADMIN, "/unlink v2", reply_to_message=comment["message"])
    assert scene.last() == str(EN("video-link-done", code="v2", linked="no"))
    await scene.send(VICTIM, ADMIN, "/link v1", reply_to_message=comment["message"])
    assert scene.last() == str(EN("video-link-done", code="v1", linked="yes"))
    await scene.pipeline.deliver(scene.updates.edit(comment, "still #v2", after=30))
    await scene.pipeline.deliver(scene.updates.edit(comment, "no codes at all", after=40))
    assert await links(scene) == {(message_id, 2, "code", False), (message_id, 1, "manual", True)}

    # A reply keeps its link when an edit takes a mention out.
    reply = await scene.say(VICTIM, FAN, "great #v2", reply_to_message=announcement)
    reply_id = reply["message"]["message_id"]
    assert {link for link in await links(scene) if link[0] == reply_id} == {
        (reply_id, 1, "reply", True),
        (reply_id, 2, "code", True),
    }
    await scene.pipeline.deliver(scene.updates.edit(reply, "great", after=10))
    assert {link for link in await links(scene) if link[0] == reply_id} == {
        (reply_id, 1, "reply", True)
    }

    # An edit that takes the only mention out leaves nothing; an archived video keeps its links.
    loose = await scene.say(VICTIM, FAN, "#v2 wow")
    kept = await scene.say(VICTIM, FAN, "#v1 wow")
    await scene.send(VICTIM, ADMIN, "/video_archive v1")
    await scene.pipeline.deliver(
        scene.updates.edit(loose, "wow", after=10), scene.updates.edit(kept, "#v1 wow!", after=10)
    )
    loose_id, kept_id = loose["message"]["message_id"], kept["message"]["message_id"]
    assert {link for link in await links(scene) if link[0] in (loose_id, kept_id)} == {
        (kept_id, 1, "code", True)
    }


async def test_link_and_unlink_explain_bad_input_and_change_nothing(scene: Scene) -> None:
    await announced(scene)
    comment = (await scene.say(VICTIM, FAN, "a comment"))["message"]
    bot_message = {"message_id": 99_001, "date": scene.updates.clock, "chat": VICTIM, "from": BOT}
    unknown = {"message_id": 88_001, "date": scene.updates.clock, "chat": VICTIM, "from": FAN}
    await scene.send(VICTIM, ADMIN, "/link v1", reply_to_message=comment)
    before = await dump(scene)
    cases = [
        ("/link v1", None, EN("video-link-usage")),
        ("/link", comment, EN("video-link-usage")),
        ("/unlink v1 v2", comment, EN("video-unlink-usage")),
        ("/link v9", comment, EN("video-unknown", code="v9")),
        ("/link one", comment, EN("video-error-bad-code", value="one")),
        ("/link v1", bot_message, EN("video-link-not-a-comment")),
        ("/link v2", unknown, EN("video-link-unknown-comment")),
        ("/link v1", comment, EN("video-link-unchanged", code="v1", linked="yes")),
        ("/unlink v2", comment, EN("video-link-unchanged", code="v2", linked="no")),
    ]
    for text, replied, expected in cases:
        fields = {"reply_to_message": replied} if replied else {}
        await scene.send(VICTIM, ADMIN, text, **fields)
        assert scene.last() == str(expected), text
    await scene.send(VICTIM, ADMIN, "/video_archive v2")
    before = await dump(scene)
    await scene.send(VICTIM, ADMIN, "/link v2", reply_to_message=comment)
    assert scene.last() == str(EN("video-link-archived", code="v2"))
    # Without a role, or from private chat (where there is nothing to reply to): refused.
    await scene.send(VICTIM, MEMBER, "/unlink v1", reply_to_message=comment)
    await scene.send(u.private(ADMIN), ADMIN, "/link v1")
    assert scene.last(u.private(ADMIN)) == str(EN("refused-group-only", command="link"))
    assert await dump(scene) == before


async def test_forget_removes_a_fans_links(scene: Scene) -> None:
    announcement, _ = await announced(scene)
    await scene.say(VICTIM, FAN, "#v1 from the fan", reply_to_message=announcement)
    kept = await scene.say(VICTIM, MEMBER, "#v2 from someone else")
    assert len(await links(scene)) == 2
    private = u.private(FAN)
    bot_message = scene.updates.message_payload(private, BOT, text="…")
    forget = ForgetCb(user_id=FAN["id"], confirm=True).pack()
    await scene.pipeline.deliver(scene.updates.click(FAN, bot_message, forget))
    assert await links(scene) == {(kept["message"]["message_id"], 2, "code", True)}
