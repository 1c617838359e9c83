"""Every transport path failing on the network, and an invalid token: the token stays out of log
lines, raised errors (and so the traceback `python -m bot` would print), replies and rows.

The failures are real aiohttp errors (TooManyRedirects from tests/secrets/hostile_proxy.py),
whose text carries the request URL with the token; each test first shows that the URL reached the
error (the redaction marker is there), then that the token did not. The secret watch checks the
same after every test of the suite; here it is asked explicitly.
"""

from __future__ import annotations

import asyncio
import traceback
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram import Bot
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramNetworkError, TelegramUnauthorizedError
from aiogram.types import Update
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.__main__ import StartupError, _run_webhook, build_bot, serve
from bot.config import Settings, load_settings
from bot.db.models import FailedUpdate
from bot.db.operators import select_group
from bot.emulator.server import Emulator
from bot.redact import REDACTED
from bot.telegram.batch_store import BatchStore
from bot.telegram.lifecycle import StoredChatLifecycle
from bot.telegram.outbound import OutboundMiddleware, RetryPolicy
from bot.telegram.polling import DurablePolling
from bot.telegram.processing import UpdateProcessor
from tests.secrets.hostile_proxy import FILE_DOWNLOADS, HostileProxy
from tests.support import updates as u
from tests.support.cast import ADMIN, VICTIM
from tests.support.e2e import free_port
from tests.support.loopback import LoopbackSession
from tests.support.pipeline import Pipeline
from tests.support.scene import Scene
from tests.support.secret_watch import WATCH

# Retries stay on (the production path) but do not wait.
FAST = RetryPolicy(failure_attempts=2, backoff_base=0.001, backoff_cap=0.001)
FAN = u.user(7001, "Lin", language_code="en")


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    emulator = Emulator()
    await emulator.start()
    yield emulator
    await emulator.stop()


@pytest.fixture
async def proxy(emulator: Emulator) -> AsyncIterator[HostileProxy]:
    async with HostileProxy(emulator.base_url) as proxy:
        yield proxy


def production_bot(settings: Settings, session_factory: async_sessionmaker[AsyncSession]) -> Bot:
    """As bot.__main__ builds it: the aiohttp session and the outbound middleware."""
    bot = build_bot(settings)
    bot.session.middleware(
        OutboundMiddleware(StoredChatLifecycle(session_factory), token=settings.token, policy=FAST)
    )
    return bot


def processor_for(
    settings: Settings, bot: Bot, session_factory: async_sessionmaker[AsyncSession]
) -> UpdateProcessor:
    return Pipeline.over(session_factory, bot, settings=settings).processor


def logged(event: str) -> list[str]:
    return [line for line in WATCH.sink.lines if event in line]


async def eventually(condition: Callable[[], bool], limit: float = 20.0) -> None:
    deadline = asyncio.get_running_loop().time() + limit
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition never held"
        await asyncio.sleep(0.01)


def rendered(error: BaseException) -> str:
    """What the interpreter prints for an uncaught error: the message and every chained cause."""
    return "".join(traceback.format_exception(error))


def secret_of(token: str) -> str:
    return token.partition(":")[2]


async def failed_errors(session_factory: async_sessionmaker[AsyncSession]) -> list[str]:
    async with session_factory() as session:
        return list((await session.scalars(select(FailedUpdate.error))).all())


async def assert_nothing_leaked(engine: AsyncEngine) -> None:
    await WATCH.scan_engine(engine)
    assert [leak.describe() for leak in WATCH.take_leaks()] == []


async def test_get_updates_failing_on_the_network(
    emulator: Emulator,
    proxy: HostileProxy,
    engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    settings = load_settings(bot_token=emulator.token, telegram_api_base=proxy.url)
    bot = production_bot(settings, session_factory)
    polling = DurablePolling(
        bot,
        processor_for(settings, bot, session_factory),
        BatchStore(session_factory),
        timeout=0,
        error_delay=0.01,
        max_error_delay=0.01,
    )
    proxy.break_method("getUpdates")
    running = asyncio.create_task(polling.run())
    try:
        await eventually(lambda: len(logged("polling.fetch_failed")) >= 2)
    finally:
        polling.stop()
        await running
        await bot.session.close()
    for line in logged("polling.fetch_failed"):
        assert "TooManyRedirects" in line
        assert REDACTED in line
    await assert_nothing_leaked(engine)


async def test_a_reply_failing_on_the_network(
    emulator: Emulator,
    proxy: HostileProxy,
    engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    settings = load_settings(bot_token=emulator.token, telegram_api_base=proxy.url)
    bot = production_bot(settings, session_factory)
    processor = processor_for(settings, bot, session_factory)
    proxy.break_method("sendMessage")
    raw = u.Updates().command(u.private(FAN), FAN, "/help")
    try:
        writes = await processor.process(Update.model_validate(raw, context={"bot": bot}))
        await BatchStore(session_factory, max_attempts=1).commit([writes])
    finally:
        await bot.session.close()
    assert proxy.served["sendMessage"] >= FAST.failure_attempts
    (error,) = await failed_errors(session_factory)
    assert error.startswith("TelegramNetworkError: HTTP Client says - TooManyRedirects")
    assert REDACTED in error
    (line,) = logged("update.failed")
    assert REDACTED in line
    await assert_nothing_leaked(engine)


async def test_the_webhook_set_up_failing_on_the_network(
    emulator: Emulator,
    proxy: HostileProxy,
    engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    settings = load_settings(
        bot_token=emulator.token,
        telegram_api_base=proxy.url,
        mode="webhook",
        webhook_url="http://127.0.0.1:9",
        webhook_secret="s3cr3t-webhook-secret",
        webhook_host="127.0.0.1",
        webhook_port=free_port(),
    )
    bot = production_bot(settings, session_factory)
    proxy.break_method("setWebhook")
    try:
        with pytest.raises(TelegramNetworkError) as caught:
            await _run_webhook(
                settings,
                bot,
                processor_for(settings, bot, session_factory),
                BatchStore(session_factory, max_attempts=1),
            )
    finally:
        await bot.session.close()
    assert REDACTED in str(caught.value)
    assert secret_of(emulator.token) not in rendered(caught.value)
    await assert_nothing_leaked(engine)


async def test_an_export_download_failing_on_the_network(
    scene: Scene, proxy: HostileProxy, engine: AsyncEngine
) -> None:
    """The getFile download URL is `/file/bot<TOKEN>/<path>` and does not pass through the
    outbound middleware: the raw aiohttp error reaches the handler and the processor."""
    async with scene.session_factory() as session, session.begin():
        await select_group(session, ADMIN["id"], VICTIM["id"], datetime.now(UTC))
    network = LoopbackSession(api=TelegramAPIServer.from_base(proxy.url))
    telegram: Any = scene.telegram
    telegram.api = network.api
    telegram.stream_content = network.stream_content
    telegram.files["f1"] = b"{}"
    proxy.break_method(FILE_DOWNLOADS)
    document = {"file_id": "f1", "file_unique_id": "uf1", "file_name": "result.json"}
    try:
        await scene.pipeline.deliver(
            scene.updates.raw_message(u.private(ADMIN), ADMIN, document=document)
        )
    finally:
        await network.close()
    assert proxy.served[FILE_DOWNLOADS] > 0
    (error,) = await failed_errors(scene.session_factory)
    assert error.startswith("TooManyRedirects")
    assert REDACTED in error
    (line,) = logged("update.failed")
    assert REDACTED in line
    await assert_nothing_leaked(engine)


async def test_an_invalid_token_stops_start_up_with_a_clean_message(
    emulator: Emulator, database_url: str
) -> None:
    token = "123456:" + "Q" * 35  # well-formed, but not the emulator's bot
    WATCH.register_token(token)
    settings = load_settings(
        bot_token=token, telegram_api_base=emulator.base_url, database_url=database_url
    )
    with pytest.raises(StartupError) as caught:
        await serve(settings)
    assert str(caught.value) == "Telegram rejected BOT_TOKEN (401 Unauthorized)"
    assert secret_of(token) not in rendered(caught.value)
    assert emulator.calls.select() == []  # refused before any method ran
    await WATCH.scan_database_url(database_url)
    assert WATCH.take_leaks() == []


async def test_a_token_revoked_while_running(
    emulator: Emulator, engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    token = f"{emulator.world.bot_id + 1}:" + "R" * 35  # the bot id changed: Telegram says 401
    WATCH.register_token(token)
    settings = load_settings(bot_token=token, telegram_api_base=emulator.base_url)
    bot = production_bot(settings, session_factory)
    try:
        with pytest.raises(TelegramUnauthorizedError) as caught:
            await bot.send_message(chat_id=FAN["id"], text="hello")
    finally:
        await bot.session.close()
    assert secret_of(token) not in rendered(caught.value)
    await assert_nothing_leaked(engine)
