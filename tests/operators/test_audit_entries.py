"""The audit log speaks the reader's language: every action the bot records has its own
sentence in each language, and the values inside it (roles, languages, statuses) are translated
too, never the raw key."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.db.chat_settings import set_group_language
from bot.i18n import Locale, Translator
from bot.services.audit_log import Entry
from handlers.audit_log import entry_line
from tests.support.cast import ADMIN, FAN, OWNER, VICTIM
from tests.support.scene import Scene

# Every action the services record, with a detail as they store it.
ACTIONS = {
    "role-granted": "analyst",
    "role-revoked": "",
    "group-language-set": "zh-Hant",
    "group-timezone-set": "UTC → Asia/Taipei",
    "digest-time-set": "08:30",
    "digest-chat-set": "-1001000000999",
    "digest-chat-cleared": "",
    "poll-created": "#3 下期做什么？",
    "poll-closed": "#3 下期做什么？",
    "poll-cancelled": "#3 下期做什么？",
    "giveaway-created": "#2 签名照",
    "giveaway-ended": "#2",
    "giveaway-cancelled": "#2 重复",
    "giveaway-rerolled": "#2 1: 中奖者未回复",
    "fan-forgotten": "12",
    "retention-set": "30",
    "history-imported": "1200",
    "feedback-exported": "csv, 4: #bug",
    "video-metrics-imported": "3+1/0",
    "video-added": "V1",
    "video-edited": "V1",
    "video-archived": "V1",
    "video-unarchived": "V1",
    "video-announced": "V1 group",
    "video-linked": "V1",
    "video-unlinked": "V1",
    "tag-created": "字幕: 字幕, subtitles",
    "tag-renamed": "字幕组: 字幕",
    "tag-deleted": "字幕: ",
    "tag-terms-added": "bug: 卡了",
    "tag-terms-removed": "bug: lag",
    "feedback-asked": "suggestion: 下期想看什么？",
    "feedback-tagged": "42: bug",
    "feedback-untagged": "42: bug",
    "feedback-status-set": "42: planned",
    "feedback-duplicate": "43 -> 42",
}
ENGLISH_VALUES = ("analyst", "operator", "planned", "zh-Hant", "Traditional")
AT = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("language", ["en", "zh", "zh-Hant"])
def test_every_recorded_action_has_its_own_sentence(language: Locale) -> None:
    texts = Translator.load().bind(language)
    for action, detail in ACTIONS.items():
        entry = Entry(AT, False, "Mei", action, "Lin", detail)
        said = str(entry_line(texts, entry, "Asia/Taipei"))
        assert action not in said, (language, said)
        if language != "en":
            assert not any(word in said for word in ENGLISH_VALUES), (language, said)


def test_values_are_translated_and_tag_details_read_as_sentences() -> None:
    zh = Translator.load().bind("zh")
    hant = Translator.load().bind("zh-Hant")

    def said(texts: object, action: str) -> str:
        entry = Entry(AT, False, "Mei", action, "Lin", ACTIONS[action])
        return str(entry_line(zh if texts == "zh" else hant, entry, "Asia/Taipei"))

    assert said("zh", "tag-deleted").endswith("删除了标签 #字幕")
    assert said("zh", "tag-renamed").endswith("把标签 #字幕 改名为 #字幕组")
    assert said("zh", "role-granted").endswith("授予 Lin 分析师（只读）角色")
    assert said("zh", "feedback-status-set").endswith("把消息 42 的状态设为已计划")
    assert said("zh-Hant", "group-language-set").endswith("將群語言設為繁體中文")
    assert said("zh-Hant", "feedback-duplicate").endswith("把訊息 43 標為 42 的重複")
    assert said("zh", "feedback-tagged").endswith("给消息 42 打上了 #问题")
    assert said("zh-Hant", "tag-terms-added").endswith("給標籤 #問題 新增了關鍵詞：卡了")
    assert said("zh", "feedback-asked").endswith("就 #建议 向粉丝提问：下期想看什么？")


async def test_a_chinese_group_reads_its_audit_log_in_chinese(scene: Scene) -> None:
    async with scene.session_factory() as session, session.begin():
        await set_group_language(session, VICTIM["id"], "zh", datetime.now(UTC))
    await scene.say(VICTIM, FAN, "大家好")
    await scene.send(VICTIM, OWNER, "/grant analyst @lin_fan")
    await scene.send(VICTIM, ADMIN, "/tag_delete collab")
    await scene.confirm(ADMIN)
    await scene.send(VICTIM, OWNER, "/audit")
    audit = scene.replies(VICTIM["id"])[-1]
    assert "删除了标签 #合作" in audit
    assert "分析师（只读）角色" in audit
    assert "tag-deleted" not in audit and "analyst" not in audit and "collab" not in audit


async def test_ids_and_pages_are_read_as_numbers_however_written(scene: Scene) -> None:
    await scene.say(VICTIM, FAN, "大家好")
    await scene.send(VICTIM, OWNER, f"/grant analyst ＃{FAN['id']}")
    await scene.send(VICTIM, OWNER, "/audit #1")
    first = scene.replies(VICTIM["id"])[-1]
    assert "granted the analyst (read-only) role to @lin_fan" in first
    # int() refuses what str.isdigit accepts ("²"); read as 2, past the last page: the last.
    await scene.send(VICTIM, OWNER, "/audit ²")
    assert scene.replies(VICTIM["id"])[-1] == first
