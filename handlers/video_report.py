"""`/video v12`: one video's report card (numbers per platform, change, engagement, the fans'
feedback) and its chart; the digest's videos section is installed from here."""

from __future__ import annotations

import asyncio

from aiogram import Bot, Router
from aiogram.filters import CommandObject
from aiogram.types import BufferedInputFile, Message
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.video_report import report, video_by_number
from bot.domain.html_split import split_html
from bot.domain.roles import OperatorCommand, Role
from bot.domain.videos import code_number
from bot.i18n import Texts
from bot.services.video_report_render import VideoDigestSection, card_chart, card_text
from handlers.authority import operator_command
from handlers.features import Feature
from handlers.middlewares import OperatorContext

VIDEO = OperatorCommand("video", Role.ANALYST)
CHART_NAME = "video.png"


async def cmd_video(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    words = (command.args or "").split()
    number = code_number(words[0]) if len(words) == 1 else None
    if number is None:
        await message.reply(texts("video-report-usage"))
        return
    async with session_factory() as session:
        video = await video_by_number(session, operator.chat_id, number)
        card = await report(session, video) if video is not None else None
    if video is None or card is None:
        await message.reply(texts("video-report-unknown", code=f"v{number}"))
        return
    for part in split_html(card_text(texts, video, card)):
        await bot.send_message(message.chat.id, part)
    if card.platforms:
        chart = await asyncio.to_thread(card_chart, texts, video, card)
        await bot.send_photo(message.chat.id, BufferedInputFile(chart, CHART_NAME))


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, VIDEO, cmd_video)
    return router


FEATURE = Feature(
    name="video_report",
    operator=(create_router,),
    digest_sections={"videos": VideoDigestSection},
)
