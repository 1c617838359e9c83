"""Command line and composition root: settings -> logging -> engine -> bot -> dispatcher ->
clock."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import signal
import sys
from collections.abc import Sequence
from datetime import timedelta

import structlog
from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramNetworkError, TelegramUnauthorizedError
from aiogram.fsm.storage.base import BaseStorage
from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

import handlers
from bot.config import Mode, Settings, SettingsError, load_settings
from bot.dashboard.app import mount_dashboard, standalone_application
from bot.dashboard.frame import DashboardServices
from bot.dashboard.limits import RateLimit, RedisUserRateLimit
from bot.db import migrate
from bot.db.engine import create_engine, create_session_factory
from bot.domain import fairness
from bot.i18n import Translator
from bot.logs import configure_logging, scrub
from bot.services.authority import Authority
from bot.services.chart_pool import ChartPool
from bot.services.clock import Clock
from bot.services.digest_render import DigestSections
from bot.services.health import HealthBoard
from bot.telegram.admins import AdminCache, TelegramAdmins
from bot.telegram.batch_store import BatchStore
from bot.telegram.commands_menu import set_command_menus
from bot.telegram.group_commit import GroupCommitter
from bot.telegram.lifecycle import StoredChatLifecycle
from bot.telegram.loop_lag import logged_loop_lag
from bot.telegram.outbound import OutboundMiddleware
from bot.telegram.polling import DurablePolling
from bot.telegram.processing import UpdateProcessor
from bot.telegram.redis_state import KEY_PREFIX as REDIS_KEY_PREFIX
from bot.telegram.redis_state import RedisUnreachableError, SharedState
from bot.telegram.sql_storage import SqlStorage
from bot.telegram.webhook import WebhookReceiver
from handlers.features import Wiring

log = structlog.get_logger("bot")

WEBHOOK_STORE_ATTEMPTS = 3


class StartupError(Exception):
    """The bot cannot start; the message is one line, safe to print."""


def build_bot(settings: Settings) -> Bot:
    session = (
        AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_base))
        if settings.telegram_api_base
        else AiohttpSession()
    )
    return Bot(
        settings.token, session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML)
    )


def build_clock(
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    bot: Bot,
    dispatcher: Dispatcher,
    charts: ChartPool | None = None,
) -> Clock:
    """The clock, and every feature's services built once around it (handlers/__init__.py);
    `charts`: a pool of chart workers to share (tests share one; a bot process makes its own)."""
    clock = Clock(
        session_factory,
        catch_up=timedelta(minutes=settings.scheduler_catch_up_minutes),
        lease_ttl=timedelta(seconds=settings.scheduler_lease_seconds),
        heartbeat=timedelta(seconds=settings.scheduler_heartbeat_seconds),
    )
    directory = TelegramAdmins(bot, dispatcher["admins"])
    charts = charts or ChartPool(settings.chart_workers)
    dispatcher["charts"] = charts
    wiring = Wiring(
        bot=bot,
        settings=settings,
        session_factory=session_factory,
        translator=dispatcher["translator"],
        admins=dispatcher["admins"],
        directory=directory,
        authority=Authority(session_factory, directory, settings.operator_ids),
        clock=clock,
        digest_sections=dispatcher["digest_sections"],
        menus=handlers.command_menus(dispatcher),
        charts=charts,
    )
    handlers.wire(dispatcher, wiring)
    return clock


def build_dispatcher(
    settings: Settings,
    shared: SharedState | None = None,
    *,
    session_factory: async_sessionmaker[AsyncSession] | None = None,
) -> Dispatcher:
    """With `shared` (REDIS_URL), FSM state, event locks and the admins cache live in Redis;
    without it, guided flows' FSM state lives in the database (`session_factory`), so a flow
    survives a restart. Only a dispatcher that never runs a flow (menus, benchmarks) is built
    with neither, on aiogram's memory storage."""
    storage: BaseStorage | None = shared.storage if shared else None
    if storage is None and session_factory is not None:
        storage = SqlStorage(session_factory)
    dispatcher = Dispatcher(
        storage=storage,
        events_isolation=shared.events_isolation if shared else None,
        settings=settings,
        translator=Translator.load(),
        admins=AdminCache(store=shared.admins if shared else None),
        health_board=HealthBoard(),
        digest_sections=DigestSections(),
    )
    handlers.setup(dispatcher)
    return dispatcher


async def serve(settings: Settings) -> None:
    engine = create_engine(settings.database_url)
    try:
        await migrate.upgrade(engine)
        async with logged_loop_lag(settings.loop_lag_log_seconds):
            await _serve_with(settings, engine)
    finally:
        await engine.dispose()


def _dashboard_limit(shared: SharedState | None, bot_id: int) -> RateLimit | None:
    """With Redis, one person's dashboard budget is shared by every instance."""
    if shared is None:
        return None
    return RedisUserRateLimit(shared.redis, prefix=f"{REDIS_KEY_PREFIX}:{bot_id}")


async def _serve_with(settings: Settings, engine: AsyncEngine) -> None:
    session_factory = create_session_factory(engine)
    bot = build_bot(settings)
    shared = await _shared_state(settings, bot.id)
    bot.session.middleware(
        OutboundMiddleware(
            StoredChatLifecycle(session_factory),
            token=settings.token,
            limiter=shared.limiter if shared else None,
            shared_pause=shared.pause if shared else None,
        )
    )
    try:
        me = await _check_token(bot)
        log.info("bot.start", username=me, mode=settings.mode.value, shared=shared is not None)
        dispatcher = build_dispatcher(settings, shared, session_factory=session_factory)
        await set_command_menus(bot, dispatcher["translator"], handlers.command_menus(dispatcher))
        processor = UpdateProcessor(dispatcher, bot, handlers.allowed_updates(dispatcher))
        clock = build_clock(settings, session_factory, bot, dispatcher)
        await clock.start()
        settle_heap()
        try:
            dashboard = DashboardServices.from_dispatcher(
                dispatcher, settings, limiter=_dashboard_limit(shared, bot.id)
            )
            await _deliver_updates(settings, bot, processor, session_factory, dashboard)
        finally:
            await clock.stop()
            dispatcher["charts"].close()
    finally:
        await bot.session.close()
        if shared is not None:
            await shared.close()


async def _shared_state(settings: Settings, bot_id: int) -> SharedState | None:
    """The scale-out profile's Redis state when REDIS_URL is set (checked before serving)."""
    if settings.redis_url is None:
        return None
    shared = SharedState.from_url(settings.redis_url, bot_id)
    try:
        await shared.check()
    except RedisUnreachableError as error:
        await shared.close()
        raise StartupError(str(error)) from None
    return shared


def settle_heap() -> None:
    """Move everything start-up built (modules, schemas, models) out of the collector's sight.

    Those objects live as long as the process; without this every full collection walks them
    again, which costs ingest about a sixth of its time (bench/ingest.py)."""
    gc.collect()
    gc.freeze()


async def _deliver_updates(
    settings: Settings,
    bot: Bot,
    processor: UpdateProcessor,
    session_factory: async_sessionmaker[AsyncSession],
    dashboard: DashboardServices,
) -> None:
    if settings.mode is Mode.WEBHOOK:
        await _run_webhook(
            settings,
            bot,
            processor,
            BatchStore(session_factory, max_attempts=WEBHOOK_STORE_ATTEMPTS),
            dashboard,
        )
        return
    await bot.delete_webhook(drop_pending_updates=False)
    polling = DurablePolling(
        bot,
        processor,
        BatchStore(session_factory),
        timeout=settings.polling_timeout,
        limit=settings.polling_limit,
    )
    _on_stop_signal(polling.stop)
    if settings.dashboard_url is None:
        await polling.run()
        return
    # Polling has no web server of its own: the dashboard gets one beside the loop.
    runner = web.AppRunner(standalone_application(dashboard), access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, settings.dashboard_host, settings.dashboard_port).start()
        log.info("dashboard.start", host=settings.dashboard_host, port=settings.dashboard_port)
        await polling.run()
    finally:
        await runner.cleanup()


async def _check_token(bot: Bot) -> str:
    try:
        me = await bot.get_me()
    except TelegramUnauthorizedError:
        raise StartupError("Telegram rejected BOT_TOKEN (401 Unauthorized)") from None
    except TelegramNetworkError as error:
        raise StartupError(f"cannot reach the Bot API: {scrub(str(error))}") from None
    return me.username or str(me.id)


async def _run_webhook(
    settings: Settings,
    bot: Bot,
    processor: UpdateProcessor,
    store: BatchStore,
    dashboard: DashboardServices | None = None,
) -> None:
    assert settings.webhook_url is not None and settings.webhook_secret is not None
    secret = settings.webhook_secret.get_secret_value()
    committer = GroupCommitter(store)
    receiver = WebhookReceiver(bot, processor, committer, secret)
    application = receiver.application(settings.webhook_path)
    if dashboard is not None:
        mount_dashboard(application, dashboard)
    runner = web.AppRunner(application, access_log=None)
    await committer.start()
    await runner.setup()
    site = web.TCPSite(runner, settings.webhook_host, settings.webhook_port)
    await site.start()
    stop = asyncio.Event()
    _on_stop_signal(stop.set)
    try:
        await bot.set_webhook(
            settings.webhook_url + settings.webhook_path,
            secret_token=secret,
            allowed_updates=processor.allowed_updates,
            drop_pending_updates=False,
        )
        log.info("webhook.start", port=settings.webhook_port, path=settings.webhook_path)
        await stop.wait()
    finally:
        await runner.cleanup()
        await committer.stop()


def _on_stop_signal(callback: object) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, callback)  # type: ignore[arg-type]


async def run_migrations(settings: Settings) -> None:
    engine = create_engine(settings.database_url)
    try:
        await migrate.upgrade(engine)
        revision = await migrate.current_revision(engine)
    finally:
        await engine.dispose()
    print(f"database is at revision {revision}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="fanpulse Telegram bot")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("run", help="run the bot (needs BOT_TOKEN)")
    commands.add_parser("demo", help="run the whole product against the local Bot API emulator")
    commands.add_parser("migrate", help="migrate the database to the latest schema and exit")
    verify = commands.add_parser("verify", help="re-run a giveaway draw from its transcript")
    verify.add_argument("transcript", help="the transcript JSON file")
    verify.add_argument("--check-entrant", metavar="USER_ID", help="a Telegram user id")
    verify.add_argument("--expect-digest", metavar="HEX", help="the digest announced in the chat")
    history = commands.add_parser(
        "import", help="import a group's Telegram Desktop export (result.json or zip)"
    )
    history.add_argument("file", help="result.json or the zipped export folder")
    history.add_argument("--chat", type=int, required=True, help="the group's id (-100...)")
    return parser


def _verify_argv(args: argparse.Namespace) -> list[str]:
    argv = [args.transcript]
    if args.check_entrant is not None:
        argv += ["--check-entrant", args.check_entrant]
    if args.expect_digest is not None:
        argv += ["--expect-digest", args.expect_digest]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "verify":
        # Needs no settings, database or token: anyone holding a transcript can run it.
        return fairness.main(_verify_argv(args))
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"fanpulse: configuration error: {error}", file=sys.stderr)
        return 2
    token = settings.bot_token.get_secret_value() if settings.bot_token else ""
    configure_logging(settings.log_level, settings.log_format.value, token)
    command = args.command or ("run" if settings.bot_token else "demo")
    try:
        if command == "migrate":
            asyncio.run(run_migrations(settings))
        elif command == "import":
            from bot.history_cli import run_import  # noqa: PLC0415 - only this command needs it

            return int(asyncio.run(run_import(settings, args.file, args.chat)))
        elif command == "demo":
            from bot.demo import run_demo  # noqa: PLC0415 - the demo pulls in the emulator

            return int(asyncio.run(run_demo(settings)))
        else:
            if settings.bot_token is None:
                print(
                    "fanpulse: BOT_TOKEN is not set (run `python -m bot demo` to try it locally)",
                    file=sys.stderr,
                )
                return 2
            asyncio.run(serve(settings))
    except StartupError as error:
        print(f"fanpulse: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
