"""Command menus per scope, role and language: the shared menus of groups, administrators and
private chats from what the dispatcher registered, and each operator's own private menu
(BotCommandScopeChat) following their role as it is granted, revoked or changed by Telegram."""

from __future__ import annotations

from aiogram.methods import DeleteMyCommands, SetMyCommands
from aiogram.types import BotCommandScopeChat

from bot.__main__ import build_dispatcher
from bot.config import load_settings
from bot.devtools.recording_session import TOKEN, recording_bot
from bot.i18n import Locale, Translator
from bot.telegram.commands_menu import set_command_menus
from handlers import command_menus
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, OWNER, VICTIM
from tests.support.scene import Scene

DIGEST_COMMANDS = ("digest", "digest_subscribe", "digest_unsubscribe", "digest_time", "digest_chat")
POLL_COMMANDS = (
    "poll",
    "polls",
    "poll_close",
    "poll_cancel",
    "poll_export",
    "poll_topics",
    "poll_delete",
)
FEEDBACK_COMMANDS = (
    "tags",
    "tag_new",
    "tag_rename",
    "tag_delete",
    "tag_add",
    "tag_remove",
    "tag_suggest",
    "ask",
    "feedback",
)
FEEDBACK_GROUP_COMMANDS = ("tag", "untag", "mark", "dupe")
PRIVACY_COMMANDS = ("forget_user", "retention")
INBOX_COMMANDS = ("inbox", "inbox_counts", "export")
GIVEAWAY_COMMANDS = (
    "giveaway",
    "giveaways",
    "giveaway_end",
    "giveaway_cancel",
    "giveaway_reroll",
    "giveaway_delete",
)
VIDEO_COMMANDS = (
    "video_add",
    "videos",
    "video_edit",
    "video_archive",
    "video_unarchive",
    "video_announce",
    "link",
    "unlink",
    "video_stats",
    "video_template",
    "video",
    "video_link",
    "video_links",
)
DOOR_COMMANDS = ("door", "door_question", "welcome_set", "rules_set")
RECOGNITION_COMMANDS = ("member_tags",)
MODERATION_COMMANDS = ("warn", "mute", "ban", "unban", "spam")
GROUP_ONLY = {*FEEDBACK_GROUP_COMMANDS, *MODERATION_COMMANDS, "link", "unlink"}
FAN_PRIVATE = {"start", "help", "language", "feedback", "notices", "mydata", "forget"}
ANALYST_COMMANDS = {
    "status",
    "digest",
    "digest_subscribe",
    "digest_unsubscribe",
    "polls",
    "poll_export",
    "tags",
    "inbox",
    "inbox_counts",
    "giveaways",
    "videos",
    "video",
    "video_links",
}
ADMINISTRATOR_ONLY = {"grant", "revoke"}
OPERATOR_CONSOLE = {
    "audit",
    "timezone",
    "settings",
    *DIGEST_COMMANDS,
    *POLL_COMMANDS,
    *FEEDBACK_COMMANDS,
    *INBOX_COMMANDS,
    *GIVEAWAY_COMMANDS,
    *PRIVACY_COMMANDS,
    *VIDEO_COMMANDS,
    *DOOR_COMMANDS,
    *RECOGNITION_COMMANDS,
    *MODERATION_COMMANDS,
    *ANALYST_COMMANDS,
} - GROUP_ONLY
TEXTS = Translator.load()
HK_MEMBER = u.user(9106, "Wing", username="wing_hk", language_code="zh-hk")


async def test_fans_administrators_and_private_chats_get_their_menus_in_two_languages() -> None:
    bot, session = recording_bot()
    dispatcher = build_dispatcher(load_settings(bot_token=TOKEN))
    await set_command_menus(bot, Translator.load(), command_menus(dispatcher))
    menus = {
        (call.scope.type, call.language_code): {c.command: c.description for c in call.commands}
        for call in session.methods(SetMyCommands)
    }
    assert set(menus) == {
        (scope, language)
        for scope in ("default", "all_group_chats", "all_chat_administrators", "all_private_chats")
        for language in (None, "zh")
    }
    assert list(menus["all_group_chats", None]) == [
        "rules",
        "help",
        "report",
        "feedback",
        "notices",
    ]
    assert set(menus["all_chat_administrators", None]) == {
        "help",
        "status",
        "dashboard",
        "audit",
        "grant",
        "revoke",
        "language",
        "timezone",
        "settings",
        *DIGEST_COMMANDS,
        *POLL_COMMANDS,
        *FEEDBACK_COMMANDS,
        *FEEDBACK_GROUP_COMMANDS,
        *INBOX_COMMANDS,
        *GIVEAWAY_COMMANDS,
        *PRIVACY_COMMANDS,
        *VIDEO_COMMANDS,
        *DOOR_COMMANDS,
        *RECOGNITION_COMMANDS,
        *MODERATION_COMMANDS,
        "rules",
        "report",
        "notices",
    }
    # Every private chat, and the default: fans' commands only, no operator's, no group's.
    for scope in ("all_private_chats", "default"):
        for language in (None, "zh"):
            assert set(menus[scope, language]) == FAN_PRIVATE
    assert menus["all_private_chats", "zh"]["mydata"] == TEXTS.text("zh", "menu-mydata", False)
    assert menus["all_private_chats", None]["forget"] == TEXTS.text("en", "menu-forget", False)


def personal_menus(scene: Scene, person: dict[str, object]) -> list[dict[str, str] | None]:
    """The menus set (a dict of command -> description) or deleted (None) for a person's own
    private chat, in order."""
    found: list[dict[str, str] | None] = []
    for call in scene.telegram.calls:
        if isinstance(call, (SetMyCommands, DeleteMyCommands)):
            assert isinstance(call.scope, BotCommandScopeChat)
            if call.scope.chat_id != person["id"]:
                continue
            assert call.language_code is None  # written in the reader's own language
            found.append(
                {c.command: c.description for c in call.commands}
                if isinstance(call, SetMyCommands)
                else None
            )
    return found


def described(names: set[str], locale: Locale) -> dict[str, str]:
    return {name: TEXTS.text(locale, f"menu-{name}", False) for name in names}


async def test_an_administrator_who_opens_the_bot_gets_the_console_of_their_role(
    scene: Scene,
) -> None:
    # Telegram's administrators, seen at work in their group, then opening the bot.
    await scene.say(VICTIM, ADMIN, "hello fans")
    await scene.say(VICTIM, OWNER, "大家好")
    await scene.send(u.private(ADMIN), ADMIN, "/start")
    console = {*FAN_PRIVATE, "groups", "dashboard", *OPERATOR_CONSOLE, *ADMINISTRATOR_ONLY}
    assert personal_menus(scene, ADMIN) == [described(console, "en")]
    # The owner's Telegram speaks Simplified Chinese: so does her menu.
    await scene.send(u.private(OWNER), OWNER, "/help")
    assert personal_menus(scene, OWNER) == [described(console, "zh")]
    # Nothing changed: no second call.
    await scene.send(u.private(ADMIN), ADMIN, "/groups")
    assert len(personal_menus(scene, ADMIN)) == 1


async def test_a_fan_keeps_the_fans_menu(scene: Scene) -> None:
    await scene.send(u.private(FAN), FAN, "/start")
    await scene.send(u.private(FAN), FAN, "/help")
    await scene.send(VICTIM, FAN, "/help")
    assert personal_menus(scene, FAN) == []


async def test_a_granted_role_brings_its_menu_and_a_revoked_one_takes_it_away(
    scene: Scene,
) -> None:
    await scene.send(VICTIM, ADMIN, "/grant operator @max")
    operator = {*FAN_PRIVATE, "groups", "dashboard", *OPERATOR_CONSOLE}
    assert personal_menus(scene, MEMBER) == [described(operator, "en")]
    assert not (set(operator) & (GROUP_ONLY | ADMINISTRATOR_ONLY))
    await scene.send(VICTIM, ADMIN, "/revoke @max")
    await scene.confirm(ADMIN, VICTIM)
    assert personal_menus(scene, MEMBER) == [described(operator, "en"), None]


async def test_an_analyst_in_traditional_chinese_gets_the_read_only_console_in_it(
    scene: Scene,
) -> None:
    scene.telegram.started.add(HK_MEMBER["id"])
    await scene.say(VICTIM, HK_MEMBER, "大家好")
    await scene.send(VICTIM, ADMIN, "/grant analyst @wing_hk")
    analyst = {*FAN_PRIVATE, "groups", "dashboard", *ANALYST_COMMANDS}
    assert personal_menus(scene, HK_MEMBER) == [described(analyst, "zh-Hant")]
    assert "poll" not in analyst and "giveaway" not in analyst
    # Set apart from Simplified Chinese: the words differ.
    assert described({"mydata"}, "zh-Hant") != described({"mydata"}, "zh")


async def test_telegram_promoting_or_demoting_an_administrator_changes_their_menu(
    scene: Scene,
) -> None:
    promote = u.member_update(
        scene.updates, VICTIM, actor=OWNER, user=MEMBER, old="member", new="administrator"
    )
    scene.telegram.set_status(VICTIM["id"], MEMBER["id"], "administrator")
    await scene.deliver(promote)
    console = {*FAN_PRIVATE, "groups", "dashboard", *OPERATOR_CONSOLE, *ADMINISTRATOR_ONLY}
    assert personal_menus(scene, MEMBER) == [described(console, "en")]
    demote = u.member_update(
        scene.updates, VICTIM, actor=OWNER, user=MEMBER, old="administrator", new="member"
    )
    scene.telegram.set_status(VICTIM["id"], MEMBER["id"], "member")
    await scene.deliver(demote)
    assert personal_menus(scene, MEMBER) == [described(console, "en"), None]
