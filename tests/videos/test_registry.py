"""Registering, listing, editing, archiving and announcing videos through the real dispatcher:
every platform's link forms, every bad input refused with a clear message and nothing changed,
every change audited."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from aiogram.exceptions import TelegramForbiddenError
from aiogram.methods import EditMessageText, SendMessage
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import videos as store
from bot.db.models import AuditRecord, ChatSettings, FailedUpdate
from bot.db.operators import grant_role, select_group
from bot.db.videos import next_number, resolve_videos
from bot.devtools.recording_session import BOT_USER
from bot.domain.html_split import TELEGRAM_LIMIT, visible_length
from bot.domain.videos import VideoErrorCode
from bot.i18n import Translator
from handlers.callbacks import VideoPageCb
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, OTHER, OTHER_ADMIN, OWNER, VICTIM
from tests.support.scene import Scene
from tests.videos.support import CHANNEL, dump, stored_video

EN = Translator.load().bind("en")
ZH = Translator.load().bind("zh")

# (what the operator types, platform, platform id) for every link form the registry reads.
SOURCES = [
    ("https://www.douyin.com/video/7312345678901234567", "douyin", "7312345678901234567"),
    ("https://www.iesdouyin.com/share/video/7312345678901234568/", "douyin", "7312345678901234568"),
    (
        "https://www.douyin.com/discover?modal_id=7312345678901234569",
        "douyin",
        "7312345678901234569",
    ),
    ("https://v.douyin.com/iRNBho6u/", "douyin", None),
    ("https://www.kuaishou.com/short-video/3xg9avuebhtfcku", "kuaishou", "3xg9avuebhtfcku"),
    ("https://v.kuaishou.com/KxYz12", "kuaishou", None),
    ("https://www.bilibili.com/video/BV1xx411c7mD/?spm_id_from=333", "bilibili", "BV1xx411c7mD"),
    ("https://m.bilibili.com/video/BV1GJ411x7h7", "bilibili", "BV1GJ411x7h7"),
    ("https://b23.tv/BV1Q541167Qg", "bilibili", "BV1Q541167Qg"),
    ("BV1uT4y1P7CX", "bilibili", "BV1uT4y1P7CX"),
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s", "youtube", "dQw4w9WgXcQ"),
    ("https://youtu.be/9bZkp7q19f0?si=abc", "youtube", "9bZkp7q19f0"),
    ("https://www.youtube.com/shorts/aqz-KE-bpKQ", "youtube", "aqz-KE-bpKQ"),
    ("https://m.youtube.com/watch?v=kJQP7kiw5Fk", "youtube", "kJQP7kiw5Fk"),
    ("https://www.tiktok.com/@mei/video/7312345678901234570", "tiktok", "7312345678901234570"),
    ("https://vm.tiktok.com/ZMabcdef/", "tiktok", None),
    (
        "https://www.xiaohongshu.com/explore/64a1b2c3000000001e03a1b2",
        "xiaohongshu",
        "64a1b2c3000000001e03a1b2",
    ),
    (
        "https://www.xiaohongshu.com/discovery/item/64a1b2c3000000001e03a1b3",
        "xiaohongshu",
        "64a1b2c3000000001e03a1b3",
    ),
    ("http://xhslink.com/a/Ab12Cd", "xiaohongshu", None),
    ("https://channels.weixin.qq.com/web/pages/feed?eid=x", "weixin", None),
    ("https://example.com/my-video", "other", None),
    ("douyin 7312345678901234571", "douyin", "7312345678901234571"),
    ("抖音 7312345678901234572", "douyin", "7312345678901234572"),
    ("youtube https://youtu.be/OPf0YbXqDm0", "youtube", "OPf0YbXqDm0"),
    ("weixin", "weixin", None),
]


async def test_every_link_form_registers_with_its_platform_and_id(scene: Scene) -> None:
    for number, (source, platform, video_id) in enumerate(SOURCES, start=1):
        await scene.send(VICTIM, ADMIN, f"/video_add {source} | Video {number}")
        assert f"<b>v{number}</b>" in scene.last(), (source, scene.last())
        video = await stored_video(scene, number)
        assert (video.platform, video.platform_video_id, video.title) == (
            platform,
            video_id,
            f"Video {number}",
        ), source
        assert video.created_by == ADMIN["id"]
    async with scene.session_factory() as session:
        actions = (await session.scalars(select(AuditRecord.action))).all()
    assert actions.count("video-added") == len(SOURCES)
    await check_publish_time(scene, len(SOURCES) + 1)


async def check_publish_time(scene: Scene, first: int) -> None:
    """The publish time is read in the group's time zone."""
    async with scene.session_factory() as session, session.begin():
        await session.execute(
            update(ChatSettings)
            .where(ChatSettings.chat_id == VICTIM["id"])
            .values(timezone="Asia/Shanghai")
        )
    await scene.send(
        VICTIM, OWNER, "/video_add https://youtu.be/dQw4w9WgXcR | MV | 2026-01-02 18:30"
    )
    video = await stored_video(scene, first)
    assert video.published_at == datetime(2026, 1, 2, 10, 30, tzinfo=UTC)
    await scene.send(VICTIM, OWNER, "/video_add BV1uT4y1P7CY | 新歌 | 2026年1月3日")
    assert (await stored_video(scene, first + 1)).published_at == datetime(
        2026, 1, 2, 16, 0, tzinfo=UTC
    )


BAD_INPUTS: list[tuple[str, str, dict[str, str | int]]] = [
    ("/video_add https://youtu.be/dQw4w9WgXcQ", "video-error-usage", {}),
    ("/video_add https://youtu.be/dQw4w9WgXcQ |  ", "video-error-no-title", {}),
    ("/video_add a | b | c | d", "video-error-usage", {}),
    ("/video_add myspace | title", "video-error-unknown-platform", {"value": "myspace"}),
    (
        "/video_add douyin https://youtu.be/dQw4w9WgXcQ | t",
        "video-error-platform-mismatch",
        {"platform": "Douyin", "found": "YouTube"},
    ),
    ("/video_add douyin <b>x</b> | t", "video-error-bad-platform-id", {"value": "<b>x</b>"}),
    ("/video_add douyin 1 2 | t", "video-error-usage", {}),
    (
        "/video_add youtube https://youtu.be/dQw4w9WgXcQ | " + "x" * 201,
        "video-error-title-too-long",
        {"length": 201, "limit": 200},
    ),
    (
        "/video_add BV1xx411c7mD | t | yesterday-ish",
        "video-error-bad-time",
        {"value": "yesterday-ish"},
    ),
    (
        "/video_add BV1xx411c7mD | t | 2999-01-01",
        "video-error-time-in-the-future",
        {"value": "2999-01-01"},
    ),
    ("/video_add BV1xx411c7mD | t | 2026-02-30", "video-error-bad-time", {"value": "2026-02-30"}),
    (
        "/video_add https://exa mple.com/x | t",
        "video-error-bad-url",
        {"url": "https://exa mple.com/x"},
    ),
    ("/video_add https://" + "a" * 1001 + ".com | t", "video-error-url-too-long", {"limit": 1000}),
]


async def test_bad_input_is_explained_and_changes_nothing(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    await check_registered_twice(scene)
    await check_number_race(scene, monkeypatch)
    await check_hostile_arguments(scene)
    await scene.send(VICTIM, ADMIN, "/video_add")
    assert scene.last() == str(EN("video-help"))
    before = await dump(scene)
    for text, key, args in BAD_INPUTS:
        await scene.send(VICTIM, ADMIN, text)
        expected = EN.lines([EN(key, **args), EN("video-error-hint")])
        assert scene.last() == str(expected), text
    assert await dump(scene) == before


async def test_a_video_is_shown_with_its_platform_named_in_the_readers_language(
    scene: Scene,
) -> None:
    await scene.send(VICTIM, OWNER, "/language zh")
    await scene.send(
        VICTIM, OWNER, "/video_add https://www.douyin.com/video/7312345678901234567 | 猫"
    )
    assert "· 抖音 ·" in scene.last()
    await scene.send(VICTIM, OWNER, "/video_add douyin https://youtu.be/dQw4w9WgXcQ | t")
    assert scene.last().startswith("这是 YouTube 的链接，不是 抖音。")


HOSTILE = ["²", "v²", "1" * 5000, "\u202e<b>", "v0 url http://[::1", "v1 published 99999-99-99"]
COMMANDS = ["video_add", "videos", "video_edit", "video_archive", "video_announce", "link"]


async def check_hostile_arguments(scene: Scene) -> None:
    """Odd arguments get an answer, never a failed update."""
    for command in COMMANDS:
        for argument in HOSTILE:
            scene.telegram.calls.clear()
            await scene.send(VICTIM, ADMIN, f"/{command} {argument}")
            assert scene.telegram.methods(SendMessage), (command, argument)
    async with scene.session_factory() as session:
        assert (await session.scalars(select(FailedUpdate.error))).all() == []


async def check_number_race(scene: Scene, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another operator took the next number meanwhile: the registration tries the next one."""
    stale = iter([1, 1])

    async def taken(session: AsyncSession, chat_id: int) -> int:
        return next(stale, None) or await next_number(session, chat_id)

    monkeypatch.setattr(store, "next_number", taken)
    await scene.send(VICTIM, ADMIN, "/video_add https://example.com/raced | Raced")
    assert "<b>v2</b>" in scene.last()
    assert (await stored_video(scene, 2)).title == "Raced"
    monkeypatch.undo()


async def check_registered_twice(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/video_add https://www.bilibili.com/video/BV1xx411c7mD | MV")
    before = await dump(scene)
    for again in ("https://m.bilibili.com/video/BV1xx411c7mD", "bilibili BV1xx411c7mD"):
        await scene.send(VICTIM, ADMIN, f"/video_add {again} | MV again")
        assert scene.last() == str(EN("video-duplicate", code="v1", title="MV"))
    assert await dump(scene) == before
    # Another group may register the same video: codes and links are per group.
    await scene.send(OTHER, OTHER_ADMIN, "/video_add bilibili BV1xx411c7mD | MV")
    assert (await stored_video(scene, 1, OTHER)).title == "MV"


def test_every_error_code_has_a_message_in_both_languages() -> None:
    for texts in (EN, ZH):
        for code in VideoErrorCode:
            assert texts.translator.has(texts.locale, f"video-error-{code.value}"), code


async def test_list_pages_and_archived_videos(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/videos")
    assert scene.last() == str(EN("videos-none", title=VICTIM["title"]))
    for number in range(1, 13):
        link = f"https://example.com/{'x' * 900}/{number}"
        await scene.send(VICTIM, ADMIN, f"/video_add {link} | Clip {number}")
    await scene.send(VICTIM, ADMIN, "/video_archive v12")
    scene.telegram.calls.clear()
    await scene.send(VICTIM, ADMIN, "/videos")
    listing = scene.telegram.methods(SendMessage)[-1]
    assert "Clip 11 ·" in listing.text and "Clip 2 ·" in listing.text
    assert "Clip 1 ·" not in listing.text
    assert "Clip 12" not in listing.text  # archived: hidden unless asked
    assert "(11; page 1 of 2)" in listing.text
    assert visible_length(listing.text) < TELEGRAM_LIMIT  # long links are cut short
    data = listing.reply_markup.inline_keyboard[0][0].callback_data
    assert VideoPageCb.unpack(data) == VideoPageCb(chat_id=VICTIM["id"], page=1, archived=False)
    bot_message = scene.updates.message_payload(
        VICTIM, BOT_USER.model_dump(exclude_none=True), text="…"
    )
    await scene.pipeline.deliver(scene.updates.click(ADMIN, bot_message, data))
    page = scene.telegram.methods(EditMessageText)[-1]
    assert "Clip 1 ·" in page.text and "Clip 11" not in page.text
    await scene.send(VICTIM, ADMIN, "/videos all")
    assert "Clip 12" in scene.last() and "archived" in scene.last()
    await scene.send(VICTIM, ADMIN, "/videos 2")
    assert "Clip 1 ·" in scene.last()
    await scene.send(VICTIM, ADMIN, "/videos please")
    assert scene.last() == str(EN("videos-usage"))


async def test_edit_each_field(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/video_add https://youtu.be/dQw4w9WgXcQ | Old title")
    await scene.send(VICTIM, ADMIN, "/video_edit v1 title  New   title ")
    assert scene.last() == str(EN("video-edited", code="v1", field="title", value="New title"))
    await scene.send(
        VICTIM, ADMIN, "/video_edit v1 url https://www.bilibili.com/video/BV1xx411c7mD"
    )
    video = await stored_video(scene, 1)
    assert (video.platform, video.platform_video_id, video.title) == (
        "bilibili",
        "BV1xx411c7mD",
        "New title",
    )
    await scene.send(VICTIM, ADMIN, "/video_edit #v1 published 2026-03-01 08:00")
    assert (await stored_video(scene, 1)).published_at == datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    await scene.send(VICTIM, ADMIN, "/video_edit 1 id BV1GJ411x7h7")
    await scene.send(VICTIM, ADMIN, "/video_edit v1 平台 kuaishou")
    await scene.send(VICTIM, ADMIN, "/video_edit v1 url -")
    video = await stored_video(scene, 1)
    assert (video.platform, video.platform_video_id, video.url) == (
        "kuaishou",
        "BV1GJ411x7h7",
        None,
    )
    async with scene.session_factory() as session:
        details = (
            await session.scalars(
                select(AuditRecord.detail).where(AuditRecord.action == "video-edited")
            )
        ).all()
    assert details == ["v1 title", "v1 url", "v1 published", "v1 id", "v1 platform", "v1 url"]
    await check_bad_edits(scene)


async def check_bad_edits(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/video_add https://youtu.be/9bZkp7q19f0 | Two")
    before = await dump(scene)
    cases = [
        ("/video_edit v1 title", EN("video-edit-usage")),
        ("/video_edit v9 title x", EN("video-unknown", code="v9")),
        ("/video_edit x1 title x", EN("video-error-bad-code", value="x1")),
        ("/video_edit v1 colour red", EN("video-error-unknown-field", value="colour")),
        ("/video_edit v1 platform vimeo", EN("video-error-unknown-platform", value="vimeo")),
        ("/video_edit v1 url not a link", EN("video-error-bad-url", url="not a link")),
        (
            "/video_edit v1 published 2999-01-01",
            EN("video-error-time-in-the-future", value="2999-01-01"),
        ),
        (
            "/video_edit v1 url https://youtu.be/9bZkp7q19f0",
            EN("video-duplicate", code="v2", title="Two"),
        ),
        (
            "/video_edit v1 title " + "y" * 201,
            EN("video-error-title-too-long", length=201, limit=200),
        ),
    ]
    for text, expected in cases:
        await scene.send(VICTIM, ADMIN, text)
        assert scene.last() == str(expected), text
    assert await dump(scene) == before
    await check_archive(scene)


async def check_archive(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/video_archive v1")
    assert scene.last() == str(EN("video-archive-done", code="v1", archived="yes"))
    assert (await stored_video(scene, 1)).archived_at is not None
    before = await dump(scene)
    await scene.send(VICTIM, ADMIN, "/video_archive v1")
    assert scene.last() == str(EN("video-archive-unchanged", code="v1", archived="yes"))
    await scene.send(VICTIM, ADMIN, "/video_archive")
    assert scene.last() == str(EN("video-archive-usage"))
    await scene.send(VICTIM, ADMIN, "/video_unarchive v7")
    assert scene.last() == str(EN("video-unknown", code="v7"))
    assert await dump(scene) == before
    await scene.send(VICTIM, ADMIN, "/video_unarchive v1")
    assert (await stored_video(scene, 1)).archived_at is None


async def test_announce_in_the_group_and_in_the_linked_channel(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/video_add https://youtu.be/dQw4w9WgXcQ | <MV>")
    scene.telegram.calls.clear()
    await scene.send(VICTIM, ADMIN, "/video_announce v1")
    post = scene.telegram.methods(SendMessage)[-1]
    assert post.chat_id == VICTIM["id"]
    assert post.text == str(
        EN.lines(
            [
                EN("video-announcement", code="v1", title="<MV>"),
                "https://youtu.be/dQw4w9WgXcQ",
                EN("video-announcement-reply", code="v1"),
            ]
        )
    )
    assert "&lt;MV&gt;" in str(post.text)
    video = await stored_video(scene, 1)
    assert video.announcement_message_id is not None and video.announcement_message_id >= 10_000

    await scene.send(VICTIM, ADMIN, "/video_announce v1 channel")
    channel_post = [m for m in scene.telegram.methods(SendMessage) if m.chat_id == CHANNEL["id"]]
    assert len(channel_post) == 1
    video = await stored_video(scene, 1)
    assert video.channel_chat_id == CHANNEL["id"] and video.channel_message_id is not None
    assert scene.last() == str(EN("video-announced", code="v1", channel="yes"))
    async with scene.session_factory() as session:
        details = (
            await session.scalars(
                select(AuditRecord.detail).where(AuditRecord.action == "video-announced")
            )
        ).all()
    assert details == ["v1 group", "v1 channel"]
    await check_announce_errors(scene)
    await check_from_private_chat(scene)


async def check_announce_errors(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/video_add BV1GJ411x7h7 | Old")
    await scene.send(VICTIM, ADMIN, "/video_archive v2")
    before = await dump(scene)
    await scene.send(VICTIM, ADMIN, "/video_announce")
    assert scene.last() == str(EN("video-announce-usage"))
    await scene.send(VICTIM, ADMIN, "/video_announce v1 somewhere")
    assert scene.last() == str(EN("video-announce-usage"))
    await scene.send(VICTIM, ADMIN, "/video_announce v2")
    assert scene.last() == str(EN("video-announce-archived", code="v2"))
    scene.telegram.fail(
        SendMessage,
        TelegramForbiddenError,
        "Forbidden: bot is not a member of the channel",
        chat_id=CHANNEL["id"],
    )
    # v1 is already in the channel: asked first, then refused when Yes cannot post.
    await scene.send(VICTIM, ADMIN, "/video_announce v1 channel")
    await scene.confirm(ADMIN)
    failed = EN("video-announce-channel-failed", title=VICTIM["title"])
    assert scene.edits()[-1].text == str(failed)
    scene.telegram.linked_channels.clear()
    await scene.send(VICTIM, ADMIN, "/video_announce v1 频道")
    await scene.confirm(ADMIN)
    no_channel = EN("video-announce-no-channel", title=VICTIM["title"])
    assert scene.edits()[-1].text == str(no_channel)
    assert await dump(scene) == before


async def check_from_private_chat(scene: Scene) -> None:
    private = u.private(OWNER)
    async with scene.session_factory() as session, session.begin():
        await select_group(session, OWNER["id"], VICTIM["id"], datetime.now(UTC))
    await scene.send(private, OWNER, "/video_add BV1xx411c7mD | 私聊登记")
    # The owner reads Chinese; the group (no language chosen) gets the default language.
    assert "v3" in scene.last(private)
    await scene.send(private, OWNER, "/video_announce v3")
    assert scene.last(VICTIM) == str(
        EN.lines(
            [
                EN("video-announcement", code="v3", title="私聊登记"),
                EN("video-announcement-reply", code="v3"),
            ]
        )
    )
    assert scene.last(private) == str(ZH("video-announced", code="v3", channel="no"))


async def test_resolve_videos(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/video_add https://www.bilibili.com/video/BV1xx411c7mD | A")
    await scene.send(VICTIM, ADMIN, "/video_add https://example.com/b | B")
    await scene.send(VICTIM, ADMIN, "/video_add https://youtu.be/dQw4w9WgXcQ | C")
    await scene.send(VICTIM, ADMIN, "/video_archive v3")
    await scene.send(OTHER, OTHER_ADMIN, "/video_add https://youtu.be/9bZkp7q19f0 | Other")
    refs = [
        "v1",
        "V2",
        "#v1",
        "＃ｖ２",
        "BV1xx411c7mD",
        "https://example.com/b",
        "https://m.bilibili.com/video/BV1xx411c7mD?p=1",
        " v2 ",
        "v3",
        "dQw4w9WgXcQ",
        "v4",
        "9bZkp7q19f0",
        "",
        "https://example.com/c",
        "nonsense",
    ]
    async with scene.session_factory() as session:
        found = await resolve_videos(session, VICTIM["id"], refs)
    one, two = (await stored_video(scene, 1)).id, (await stored_video(scene, 2)).id
    assert found == {
        "v1": one,
        "V2": two,
        "#v1": one,
        "＃ｖ２": two,
        "BV1xx411c7mD": one,
        "https://example.com/b": two,
        "https://m.bilibili.com/video/BV1xx411c7mD?p=1": one,
        " v2 ": two,
    }


async def test_no_one_without_authority_changes_videos(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/video_add BV1xx411c7mD | MV")
    comment = (await scene.say(VICTIM, FAN, "a comment"))["message"]
    commands = [
        "/video_add BV1GJ411x7h7 | Another",
        "/video_edit v1 title Hijacked",
        "/video_archive v1",
        "/video_announce v1",
        "/video_announce v1 channel",
        "/link v1",
    ]
    before = await dump(scene)
    for text in commands:
        for person in (FAN, MEMBER, OTHER_ADMIN):
            await scene.send(VICTIM, person, text, reply_to_message=comment)
            assert "role" in scene.last() or "角色" in scene.last(), (person, text)
        await scene.pipeline.deliver(
            scene.updates.command(
                VICTIM, u.GROUP_ANONYMOUS_BOT, text, sender_chat=OTHER, reply_to_message=comment
            )
        )
        await scene.send(u.private(MEMBER), MEMBER, text)
    # An analyst may list, not change.
    async with scene.session_factory() as session, session.begin():
        await grant_role(
            session,
            chat_id=VICTIM["id"],
            user_id=MEMBER["id"],
            role="analyst",
            granted_by_user_id=OWNER["id"],
            now=datetime.now(UTC),
        )
    await scene.send(VICTIM, MEMBER, "/videos")
    assert "MV" in scene.last()
    await scene.send(VICTIM, MEMBER, "/video_archive v1")
    assert await dump(scene) == before
    posts = [m for m in scene.telegram.methods(SendMessage) if "New video" in str(m.text)]
    assert posts == []
