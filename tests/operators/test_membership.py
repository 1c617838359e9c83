"""The bot joining a group: it registers it, checks its own rights and tells whoever added it,
in their language, what is missing; removed, the group is inactive and hears nothing more."""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram.methods import EditMessageText, SendMessage
from aiogram.types import InlineKeyboardMarkup
from sqlalchemy import select

from bot.db.models import AuditRecord, Chat, ChatSettings
from bot.db.operators import select_group
from bot.devtools.recording_session import BOT_USER
from bot.domain.timezones import likely_zones
from bot.i18n import Translator
from handlers.callbacks import ZonePickCb
from tests.operators.support import dump
from tests.support import updates as u
from tests.support.cast import MEMBER, OWNER
from tests.support.scene import Scene
from tests.support.updates import member_update

TEXTS = Translator.load()
NEW = u.group(-1001000000333, "New & <shiny> fans")
BOT = {"id": BOT_USER.id, "is_bot": True, "first_name": "fanpulse", "username": "fanpulse_bot"}


async def add_bot(
    scene: Scene, actor: dict[str, object], *, old: str = "left", new: str = "member"
) -> None:
    await scene.pipeline.deliver(
        member_update(
            scene.updates, NEW, actor=actor, user=BOT, old=old, new=new, kind="my_chat_member"
        )
    )


async def test_added_without_rights_tells_a_chinese_owner_privately_what_is_missing(
    scene: Scene,
) -> None:
    await add_bot(scene, OWNER)
    (report,) = scene.telegram.sent(OWNER["id"])
    assert report.splitlines()[0] == "fanpulse 已加入 <b>New &amp; &lt;shiny&gt; fans</b>。"
    assert "读取所有消息" in report and "/setprivacy" in report
    assert "置顶" not in report  # it never pins, so it does not ask to
    # The group itself hears only the introduction, in its language (its adder's).
    assert scene.telegram.sent(NEW["id"]) == [TEXTS.text("zh", "join-introduction")]
    async with scene.session_factory() as session:
        chat = await session.get(Chat, NEW["id"])
        settings = await session.get(ChatSettings, NEW["id"])
    assert chat is not None and chat.is_active
    assert settings is not None and settings.added_by_user_id == OWNER["id"]


async def test_someone_who_never_started_the_bot_is_told_in_the_group_in_english(
    scene: Scene,
) -> None:
    stranger = u.user(9100, "Sam", language_code="en-GB")
    await add_bot(scene, stranger)
    report, introduction = scene.telegram.sent(NEW["id"])
    assert introduction == TEXTS.text("en", "join-introduction")
    assert report.startswith("fanpulse was added to <b>New &amp; &lt;shiny&gt; fans</b>.")
    assert "Read every message." in report and "@BotFather (/setprivacy" in report


async def test_privacy_off_and_promoted_means_all_set(scene: Scene) -> None:
    await add_bot(scene, OWNER)
    scene.telegram.set_status(NEW["id"], BOT_USER.id, "administrator")
    await add_bot(scene, OWNER, old="member", new="administrator")
    reports = scene.telegram.sent(OWNER["id"])
    assert len(reports) == 2
    assert "一切就绪" in reports[1] and "读取所有消息" not in reports[1]


async def test_privacy_mode_off_is_enough_to_read_everything(scene: Scene) -> None:
    scene.telegram.privacy_off = True
    await add_bot(scene, u.user(9101, "Eve", language_code="en"))
    report, _ = scene.telegram.sent(NEW["id"])
    assert "Read every message" not in report and "Pin messages" not in report
    assert "Everything is in place" in report


async def test_removed_the_group_is_inactive_and_nothing_is_sent_to_it(scene: Scene) -> None:
    await add_bot(scene, OWNER)
    async with scene.session_factory() as session, session.begin():
        await select_group(session, OWNER["id"], NEW["id"], datetime.now(UTC))
    scene.telegram.set_status(NEW["id"], OWNER["id"], "creator")
    scene.telegram.calls.clear()
    await add_bot(scene, OWNER, old="member", new="kicked")
    async with scene.session_factory() as session:
        chat = (await session.execute(select(Chat).where(Chat.id == NEW["id"]))).scalar_one()
    assert (chat.is_active, chat.inactive_reason) == (False, "kicked")

    before = await dump(scene.session_factory)
    await scene.send(NEW, OWNER, "/status")  # a late redelivery from the group
    await scene.send(NEW, OWNER, "/language zh")
    await scene.send(u.private(OWNER), OWNER, "/status")
    await scene.send(u.private(OWNER), OWNER, "/groups")
    assert [c for c in scene.telegram.methods(SendMessage) if c.chat_id == NEW["id"]] == []
    private = scene.telegram.sent(OWNER["id"])
    assert private[0] == "fanpulse 已不在那个群里。请用 /groups 选择其他群。"
    assert "New" not in private[1]
    assert await dump(scene.session_factory) == before


async def test_a_removed_group_is_active_again_when_the_bot_is_added_back(scene: Scene) -> None:
    await add_bot(scene, MEMBER)
    await add_bot(scene, MEMBER, old="member", new="left")
    await add_bot(scene, MEMBER)
    async with scene.session_factory() as session:
        chat = await session.get(Chat, NEW["id"])
    assert chat is not None and (chat.is_active, chat.inactive_reason) == (True, None)


async def test_a_new_group_speaks_the_language_of_whoever_added_the_bot(scene: Scene) -> None:
    await add_bot(scene, OWNER)  # Mei's Telegram is in Simplified Chinese
    scene.telegram.set_status(NEW["id"], OWNER["id"], "creator")
    await scene.send(NEW, OWNER, "/help")
    assert scene.telegram.sent(NEW["id"])[-1] == "请在私聊中打开我来管理本群。"
    async with scene.session_factory() as session:
        settings = await session.get(ChatSettings, NEW["id"])
    assert settings is not None and settings.language == "zh"


async def test_a_language_the_operators_chose_outlives_the_bot_being_added_back(
    scene: Scene,
) -> None:
    await add_bot(scene, OWNER)
    scene.telegram.set_status(NEW["id"], OWNER["id"], "creator")
    await scene.send(NEW, OWNER, "/language en")
    await add_bot(scene, OWNER, old="member", new="left")
    await add_bot(scene, u.user(9102, "Wing", language_code="zh-hk"))
    async with scene.session_factory() as session:
        settings = await session.get(ChatSettings, NEW["id"])
    assert settings is not None and settings.language == "en"


def zone_buttons(scene: Scene, chat_id: int) -> list[tuple[str, str]]:
    (call,) = [
        m for m in scene.telegram.methods(SendMessage) if m.chat_id == chat_id and m.reply_markup
    ]
    markup = call.reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    return [(b.text, str(b.callback_data)) for row in markup.inline_keyboard for b in row]


async def test_the_join_report_suggests_zones_for_the_adders_language_and_one_tap_sets_it(
    scene: Scene,
) -> None:
    await add_bot(scene, OWNER)
    report = scene.telegram.sent(OWNER["id"])[0]
    assert report.splitlines()[-1].startswith("这个群用哪个时区？")
    buttons = zone_buttons(scene, OWNER["id"])
    assert [text for text, _ in buttons] == list(likely_zones("zh"))
    taipei = next(data for text, data in buttons if text == "Asia/Taipei")
    assert ZonePickCb.unpack(taipei).chat_id == NEW["id"]

    scene.telegram.set_status(NEW["id"], OWNER["id"], "creator")
    scene.telegram.calls.clear()
    await scene.tap(OWNER, u.private(OWNER), taipei)
    (edited,) = scene.telegram.methods(EditMessageText)
    assert "<b>Asia/Taipei</b>" in str(edited.text) and edited.reply_markup is None
    async with scene.session_factory() as session:
        settings = await session.get(ChatSettings, NEW["id"])
        entries = (await session.scalars(select(AuditRecord.action))).all()
    assert settings is not None and settings.timezone == "Asia/Taipei"
    assert "group-timezone-set" in entries


async def test_a_zone_button_is_refused_to_a_member_and_a_forged_zone_changes_nothing(
    scene: Scene,
) -> None:
    stranger = u.user(9100, "Sam", language_code="en-GB")
    await add_bot(scene, stranger)
    buttons = zone_buttons(scene, NEW["id"])
    assert [text for text, _ in buttons] == list(likely_zones("en"))
    scene.telegram.set_status(NEW["id"], OWNER["id"], "creator")
    before = await dump(scene.session_factory)
    scene.telegram.calls.clear()
    await scene.tap(MEMBER, NEW, buttons[0][1])
    forged = ZonePickCb(chat_id=NEW["id"], zone="Mars/Olympus").pack()
    await scene.tap(OWNER, NEW, forged)
    assert scene.telegram.methods(EditMessageText) == []
    assert len(scene.telegram.answers()) == 2
    assert await dump(scene.session_factory) == before
