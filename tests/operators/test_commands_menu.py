"""Command menus per audience and language, from what the dispatcher registered."""

from __future__ import annotations

from aiogram.methods import SetMyCommands

from bot.__main__ import build_dispatcher
from bot.config import load_settings
from bot.devtools.recording_session import TOKEN, recording_bot
from bot.i18n import Translator
from bot.telegram.commands_menu import set_command_menus
from handlers import command_menus

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
)


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
        for scope in ("all_group_chats", "all_chat_administrators", "all_private_chats")
        for language in (None, "zh")
    }
    assert list(menus["all_group_chats", None]) == ["help", "feedback"]
    assert set(menus["all_chat_administrators", None]) == {
        "help",
        "status",
        "audit",
        "grant",
        "revoke",
        "language",
        "timezone",
        *DIGEST_COMMANDS,
        *POLL_COMMANDS,
        *FEEDBACK_COMMANDS,
        *FEEDBACK_GROUP_COMMANDS,
        *INBOX_COMMANDS,
        *GIVEAWAY_COMMANDS,
        *PRIVACY_COMMANDS,
        *VIDEO_COMMANDS,
    }
    assert set(menus["all_private_chats", None]) == {
        "start",
        "help",
        "groups",
        "language",
        "timezone",
        "status",
        "audit",
        "grant",
        "revoke",
        *DIGEST_COMMANDS,
        *POLL_COMMANDS,
        *FEEDBACK_COMMANDS,
        *FEEDBACK_GROUP_COMMANDS,
        *INBOX_COMMANDS,
        *GIVEAWAY_COMMANDS,
        *PRIVACY_COMMANDS,
        *VIDEO_COMMANDS,
        "mydata",
        "forget",
    }
    assert menus["all_private_chats", "zh"]["groups"] == "你运营的群：选择要管理的群"
    assert menus["all_private_chats", None]["groups"] == "The groups you run: choose one to work on"
