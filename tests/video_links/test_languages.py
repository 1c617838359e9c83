"""Video links in the operator's language: the link, the card's funnel and the refusals in
Simplified and Traditional Chinese, with the platforms' Chinese names accepted and shown."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.emulator.client import EmulatorClient
from bot.emulator.server import Emulator
from tests.video_links.support import emulated_group
from tests.video_links.test_attribution import LINK

CASES = {
    "zh-hans": (
        "请把它贴到该视频在抖音的简介里",
        "<b>新粉丝从哪里来</b>",
        "<b>抖音</b>：播放 – → 入群 1（占播放 –）→ 0 人中 0 人留满 7 天 → 0 人发言"
        " · 1 人仍在第一周",
        "不认识平台“脸书”",
        "🔗 <b>Fans 的视频链接</b>（1 个）",
    ),
    "zh-hant": (
        "請把它貼到該影片在抖音的簡介裡",
        "<b>新粉絲從哪裡來</b>",
        "<b>抖音</b>：播放 – → 入群 1（佔播放 –）→ 0 人中 0 人留滿 7 天 → 0 人發言"
        " · 1 人仍在第一週",
        "不認識平臺「脸书」",
        "🔗 <b>Fans 的影片連結</b>（1 個）",
    ),
}


@pytest.mark.parametrize("language", sorted(CASES))
async def test_links_and_the_funnel_speak_the_operators_language(
    language: str,
    emulator: Emulator,
    control: EmulatorClient,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    made, title, line, refusal, card = CASES[language]
    fans = await emulated_group(emulator, control, session_factory, language=language)
    try:
        await fans.command(fans.owner, "/video_add BV1uT4y1P7CY | 新歌")
        (answer,) = await fans.command(fans.owner, "/video_link v1 抖音")
        assert made in answer
        found = LINK.search(answer)
        assert found is not None
        await fans.join_by_link(await fans.fan("阿明"), found[0])
        text = "\n".join(await fans.command(fans.owner, "/video v1"))
        assert title in text and line in text
        (refused,) = await fans.command(fans.owner, "/video_link v1 脸书")
        assert refusal in refused
        assert card in (await fans.command(fans.owner, "/video_links"))[-1]
    finally:
        await fans.bot.session.close()
