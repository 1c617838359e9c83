"""What is over budget reaches the operator as a clear message in their language, through the
real dispatcher, and changes nothing (issue 20, Low): a history export nested 100,000 deep, an
export Telegram fails to hand over, and an id past 64 bits in every command that takes one. The
CSV cell past 128 KiB and the failed download of a video-stats file are answered in
tests/video_metrics/test_hostile_files.py."""

from __future__ import annotations

import pytest
from aiogram.exceptions import TelegramNetworkError
from aiogram.methods import GetFile

from bot.i18n import Translator
from tests.privacy.test_history_import import send_file
from tests.support.cast import ADMIN, OWNER, VICTIM
from tests.support.feedback import dump
from tests.support.scene import Scene

EN = Translator.load().bind("en")
ZH = Translator.load().bind("zh")
DEEP = (
    b'{"name": "G", "type": "private_supergroup", "id": 1000000111, "messages": ['
    + (b"[" * 100_000 + b"]" * 100_000)
    + b"]}"
)
PAST_64_BITS = str(2**64 + 1)
# Every command that reads an id or a page number, and the answer that says how to write one.
ID_COMMANDS = {
    "poll_close": "poll-close-usage",
    "poll_cancel": "poll-cancel-usage",
    "poll_delete": "poll-delete-usage",
    "poll_export": "poll-export-usage",
    "giveaway_end": "giveaway-end-usage",
    "giveaway_cancel": "giveaway-cancel-usage",
    "giveaway_delete": "giveaway-delete-usage",
    "giveaway_reroll": "giveaway-reroll-usage",
    "forget_user": "forget-user-usage",
    "revoke": "revoke-usage",
    "videos": "videos-usage",
}


async def test_an_export_nested_100000_deep_is_answered_and_stores_nothing(scene: Scene) -> None:
    await scene.choose(ADMIN, VICTIM)
    before = await dump(scene.session_factory)
    said = await send_file(scene, ADMIN, DEEP)
    assert said[-1] == str(EN("import-refused", code="too_deep"))
    assert await dump(scene.session_factory) == before


async def test_an_export_telegram_fails_to_hand_over_is_answered_in_chinese(scene: Scene) -> None:
    await scene.choose(OWNER, VICTIM)
    before = await dump(scene.session_factory)
    scene.telegram.fail(GetFile, TelegramNetworkError, "HTTP Client says - connection reset")
    said = await send_file(scene, OWNER, b"{}")
    assert said[-1] == str(ZH("import-refused", code="download_failed"))
    assert "无法从 Telegram 下载" in said[-1]
    assert await dump(scene.session_factory) == before


@pytest.mark.parametrize("argument", [PAST_64_BITS, f"#{PAST_64_BITS}", f"-{PAST_64_BITS}"])
async def test_an_id_past_64_bits_gets_the_usage_of_each_command(
    scene: Scene, argument: str
) -> None:
    for person, texts in ((ADMIN, EN), (OWNER, ZH)):
        private = await scene.choose(person, VICTIM)
        before = await dump(scene.session_factory)
        for command, usage in ID_COMMANDS.items():
            await scene.send(private, person, f"/{command} {argument}")
            assert scene.last(private) == str(texts(usage)), command
        assert await dump(scene.session_factory) == before
