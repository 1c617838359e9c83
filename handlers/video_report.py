"""`/video v12`: one video's report card (numbers per platform, change, engagement, the fans'
feedback, where new fans came from) and its charts; the digest's videos section is installed
from here."""

from __future__ import annotations

import asyncio

from aiogram import Bot, Router
from aiogram.filters import CommandObject
from aiogram.types import BufferedInputFile, Message

from bot.domain.html_split import split_html
from bot.domain.roles import OperatorCommand, Role
from bot.domain.videos import code_number
from bot.i18n import Texts
from bot.services.video_report import VideoReports
from bot.services.video_report_render import VideoDigestSection
from handlers.authority import operator_command
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext
from handlers.video_report_render import card_chart, card_text, funnel_chart

VIDEO = OperatorCommand("video", Role.ANALYST)
CHART_NAME = "video.png"
FUNNEL_CHART_NAME = "video-funnel.png"


async def cmd_video(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    video_reports: VideoReports,
) -> None:
    words = (command.args or "").split()
    number = code_number(words[0]) if len(words) == 1 else None
    if number is None:
        await message.reply(texts("video-report-usage"))
        return
    found = await video_reports.card(operator.chat_id, number)
    if found is None:
        await message.reply(texts("video-report-unknown", code=f"v{number}"))
        return
    for part in split_html(card_text(texts, found.video, found.card)):
        await bot.send_message(message.chat.id, part)
    if found.card.platforms:
        chart = await asyncio.to_thread(card_chart, texts, found.video, found.card)
        await bot.send_photo(message.chat.id, BufferedInputFile(chart, CHART_NAME))
    if found.card.funnels:
        chart = await asyncio.to_thread(funnel_chart, texts, found.video, found.card)
        await bot.send_photo(message.chat.id, BufferedInputFile(chart, FUNNEL_CHART_NAME))


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, VIDEO, cmd_video)
    return router


def _build(wiring: Wiring) -> Built:
    return Built(services={"video_reports": VideoReports(wiring.session_factory, wiring.clock.now)})


FEATURE = Feature(
    name="video_report",
    operator=(create_router,),
    digest_sections={"videos": VideoDigestSection},
    build=_build,
)
