"""History imports that used to end in an exception and no answer (issue 20, Low): an export
nested 100,000 deep, and a file Telegram fails to hand over. Each is refused with its own
reason, which the handler turns into a localized message; nothing is stored."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramNetworkError
from aiogram.methods import GetFile
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.devtools.recording_session import TOKEN
from bot.domain.history import ImportErrorCode, ImportFileError, read_history
from bot.domain.roles import Actor
from bot.services.history_import import HistoryImportService, Refused
from bot.telegram.history_import_courier import TelegramHistoryCourier
from tests.support.telegram import ScriptedTelegram

DEEP = (
    b'{"name": "G", "type": "private_supergroup", "id": 42, "messages": ['
    + (b"[" * 100_000 + b"]" * 100_000)
    + b"]}"
)


def test_an_export_nested_100000_deep_is_refused_as_too_deep() -> None:
    with pytest.raises(ImportFileError) as refused:
        read_history(DEEP)
    assert refused.value.code is ImportErrorCode.TOO_DEEP


async def test_a_failed_download_is_refused_with_its_reason(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    telegram = ScriptedTelegram()
    telegram.fail(GetFile, TelegramNetworkError, "HTTP Client says - connection reset")
    service = HistoryImportService(
        session_factory, TelegramHistoryCourier(Bot(TOKEN, session=telegram)), "UTC"
    )

    async def progress(done: int, total: int) -> None:
        raise AssertionError("nothing to import")

    outcome = await service.import_file(-1001000000111, Actor(user_id=1), "f1", progress)
    assert outcome == Refused(ImportErrorCode.DOWNLOAD_FAILED)
