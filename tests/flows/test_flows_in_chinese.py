"""Both guided flows for operators who read Simplified or Traditional Chinese: a bad answer at
each typed step is refused in their language with how to fix it and changes nothing, Cancel says
what it kept, and a flow left alone expires with a message, all without a word of English."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiogram.methods import SendPoll

from bot.domain.giveaway import MAX_WINNERS
from bot.i18n import Translator
from tests.flows.support import ADMIN, FlowChat, reads
from tests.giveaways.support import giveaways
from tests.support.clock import FakeClock
from tests.support.scene import Scene

TRANSLATOR = Translator.load()
LOCALES = ["zh", "zh-Hant"]
# What a Chinese answer may carry in Latin letters: the examples it gives, commands, and names
# that have no Chinese one.
EXAMPLES = re.compile(r"<code>.*?</code>|\d+[smhd]\b|/\w+|Telegram")


def said(locale: str, key: str, **args: Any) -> str:
    return str(TRANSLATOR.bind(locale)(key, **args))  # type: ignore[arg-type]


def label(locale: str, key: str, **args: Any) -> str:
    return TRANSLATOR.bind(locale).plain(key, **args)  # type: ignore[arg-type]


def english_in(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]{2,}", EXAMPLES.sub(" ", text))


async def operator_reading(scene: Scene, locale: str) -> FlowChat:
    await reads(scene, ADMIN, locale)
    return FlowChat(scene, ADMIN)


@pytest.mark.parametrize("locale", LOCALES)
async def test_the_poll_flow_refuses_bad_answers_in_chinese_and_keeps_nothing_of_them(
    scene: Scene, locale: str
) -> None:
    ada = await operator_reading(scene, locale)
    await ada.send("/poll")
    refusals = []
    refused_typing: list[tuple[str, str, dict[str, Any]]] = [
        ("问题 | 选项", "flow-poll-error-reserved", {}),
        ("问" * 301, "flow-poll-error-question-too-long", {"length": 301, "limit": 300}),
    ]
    for typed, key, args in refused_typing:
        step = ada.current()
        await ada.type(typed)
        assert ada.last == said(locale, key, **args)
        assert ada.current() == step
        refusals.append(ada.last)
    await ada.type("下期拍什么？")
    await ada.type("舞蹈")
    refused_options: list[tuple[str, str, dict[str, Any]]] = [
        ("舞蹈", "flow-poll-error-duplicate", {"label": "舞蹈"}),
        ("舞" * 101, "flow-poll-error-option-too-long", {"length": 101, "limit": 100}),
        ("--multi", "flow-poll-error-reserved", {}),
    ]
    for typed, key, args in refused_options:
        await ada.type(typed)
        assert ada.last == said(locale, key, **args)
        refusals.append(ada.last)
    await ada.type("问答")
    assert "1. 舞蹈" in ada.screen and "2. 问答" in ada.screen and "3." not in ada.screen
    await ada.tap(label(locale, "flow-poll-done"))
    await ada.type("匿名")
    assert ada.last == said(locale, "flow-poll-use-buttons")
    refusals.append(ada.last)
    await ada.tap(label(locale, "flow-poll-next"))
    step = ada.current()
    await ada.type("不久以后")
    assert said(locale, "flow-poll-time-hint", example="20:00") in ada.last
    assert ada.current() == step
    refusals.append(ada.last)
    await ada.tap(label(locale, "flow-poll-now"))
    await ada.type("1s")
    assert said(locale, "flow-poll-time-hint", example="20:00") in ada.last
    refusals.append(ada.last)
    assert [english_in(text) for text in refusals] == [[]] * len(refusals)
    await ada.tap(label(locale, "flow-button-cancel"))
    assert ada.last == said(locale, "flow-cancelled", command="/poll")
    assert scene.calls(SendPoll) == []


@pytest.mark.parametrize("locale", LOCALES)
async def test_the_giveaway_flow_refuses_bad_answers_in_chinese_and_keeps_nothing_of_them(
    scene: Scene, locale: str
) -> None:
    ada = await operator_reading(scene, locale)
    await ada.send("/giveaway")

    def refused(code: str, detail: str = "") -> str:
        return said(locale, "giveaway-flow-error", code=code, detail=detail, max=MAX_WINNERS)

    refusals = []
    for typed, expected in [
        ("海报 | 成员", refused("prize-bar")),
        ("海" * 300, refused("prize-long", "256")),
        ("签名海报", None),
        ("三", refused("winners-not-number", "三")),
        ("０", refused("winners-range", "0")),
        ("２", None),
        ("2020-01-01 20:00", refused("end-past")),
        ("下周五", refused("end", "下周五")),
        ("２小时", None),
        ("随便", said(locale, "giveaway-flow-use-buttons")),
    ]:
        step = ada.current()
        await ada.type(typed)
        if expected is None:
            continue
        assert ada.last == expected
        assert ada.current() == step
        refusals.append(ada.last)
    comments = label(locale, "giveaway-flow-rule-comments")
    await ada.tap(label(locale, "giveaway-flow-toggle", on="no", label=comments))
    for typed, expected in [
        ("５", refused("comments-no-days", "5")),
        ("０／７", refused("comments-count")),
    ]:
        await ada.type(typed)
        assert ada.last == expected
        refusals.append(ada.last)
    assert [english_in(text) for text in refusals] == [[]] * len(refusals)
    await ada.tap(label(locale, "flow-button-back"))
    staff_on = label(
        locale, "giveaway-flow-toggle", on="yes", label=label(locale, "giveaway-flow-rule-staff")
    )
    assert [b for b in ada.buttons if b.startswith("✅")] == [staff_on]
    await ada.tap(label(locale, "flow-button-cancel"))
    assert ada.last == said(locale, "flow-cancelled", command="/giveaway")
    assert await giveaways(scene.session_factory) == []


@pytest.mark.parametrize(
    ("locale", "command"), [(locale, c) for locale in LOCALES for c in ("poll", "giveaway")]
)
async def test_a_flow_left_alone_expires_with_a_message_in_chinese(
    scene: Scene, locale: str, command: str
) -> None:
    clock = FakeClock(datetime.now(UTC))
    scene.pipeline.run_on(clock)
    ada = await operator_reading(scene, locale)
    await ada.send(f"/{command}")
    await ada.type("签名海报" if command == "giveaway" else "下期拍什么？")
    clock.value += timedelta(minutes=31)
    await ada.type("２")
    assert ada.last == said(locale, "flow-expired", command=f"/{command}")
    assert english_in(ada.last) == []
    await ada.type("３")  # no flow any more: a plain line in private, not an answer
    assert await giveaways(scene.session_factory) == []
    assert scene.calls(SendPoll) == []
