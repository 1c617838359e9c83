"""Traditional Chinese as a language of its own: readers in Taiwan and Hong Kong, /language."""

from __future__ import annotations

from bot.i18n import Translator
from tests.support import updates as u
from tests.support.cast import ADMIN, VICTIM
from tests.support.scene import Scene

HK_FAN = u.user(9101, "Wing", username="wing_hk", language_code="zh-hk")
TEXTS = Translator.load()


async def test_a_fan_whose_telegram_is_traditional_chinese_is_answered_in_it(scene: Scene) -> None:
    await scene.send(u.private(HK_FAN), HK_FAN, "/help")
    assert scene.telegram.sent(HK_FAN["id"])[-1] == TEXTS.text("zh-Hant", "help-fan")
    assert "粉絲" in scene.telegram.sent(HK_FAN["id"])[-1]


async def test_choosing_traditional_in_private_chat_changes_every_later_answer(
    scene: Scene,
) -> None:
    me = u.private(ADMIN)
    await scene.say(VICTIM, ADMIN, "hello")  # known as the group's administrator
    await scene.send(me, ADMIN, "/language zh-TW")
    assert scene.telegram.sent(ADMIN["id"])[-1] == "我會用繁體中文和你交流。"
    await scene.send(me, ADMIN, "/help")
    assert scene.telegram.sent(ADMIN["id"])[-1] == TEXTS.text("zh-Hant", "help-private")
    await scene.send(me, ADMIN, "/language 简体")
    assert scene.telegram.sent(ADMIN["id"])[-1] == "我会用简体中文和你交流。"


async def test_an_operator_sets_the_group_to_traditional_chinese_by_its_name(
    scene: Scene,
) -> None:
    await scene.send(VICTIM, ADMIN, "/language 繁體")
    assert scene.telegram.sent(VICTIM["id"])[-1] == "本群的 fanpulse 訊息將使用繁體中文。"
    await scene.send(VICTIM, ADMIN, "/language klingon")
    assert scene.telegram.sent(VICTIM["id"])[-1] == TEXTS.text("zh-Hant", "language-group-usage")
