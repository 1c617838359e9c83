"""The secret watch itself: a planted token is found in each place it watches, so a suite that
passes under it has really been scanned. Each test takes what it planted back out."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import structlog
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.db.models import FailedUpdate
from bot.devtools.recording_session import TOKEN, recording_bot
from bot.emulator.server import Emulator
from tests.support.secret_watch import WATCH, Leak

URL_WITH_TOKEN = f"https://api.telegram.org/bot{TOKEN}/getMe"
UNSHAPED_TOKEN = "4242:short-secret"


def planted(leaks: list[Leak], where: str) -> list[Leak]:
    return [leak for leak in leaks if where in leak.where]


def test_every_token_the_tests_use_is_known() -> None:
    from tests.support.transport import TOKEN as FAKE_SESSION_TOKEN  # noqa: PLC0415
    from tests.test_config import TOKEN as SETTINGS_TOKEN  # noqa: PLC0415

    emulator = Emulator()
    assert {TOKEN, FAKE_SESSION_TOKEN, SETTINGS_TOKEN, emulator.token} <= WATCH.tokens


def test_a_logged_string_is_scrubbed_as_in_production_and_not_reported() -> None:
    structlog.get_logger("watch-test").warning("telegram.failed", url=URL_WITH_TOKEN)
    logging.getLogger("watch-test").warning("failed %s", URL_WITH_TOKEN)
    assert WATCH.take_leaks() == []


def test_a_token_that_slips_past_the_scrubbing_is_reported_with_its_line() -> None:
    # Too short to have a bot token's shape, and not the token logging was configured with:
    # production scrubbing cannot know it, the watch must.
    WATCH.register_token(UNSHAPED_TOKEN)
    structlog.get_logger("watch-test").warning("telegram.failed", url=f"/bot{UNSHAPED_TOKEN}/x")
    (leak,) = WATCH.take_leaks()
    assert leak.token == UNSHAPED_TOKEN
    assert leak.where.startswith("log line")
    assert "telegram.failed" in leak.excerpt
    assert UNSHAPED_TOKEN not in leak.describe()  # the report itself shows only a prefix


async def test_an_outbound_payload_with_the_token_is_reported() -> None:
    bot, _session = recording_bot()
    await bot.send_message(chat_id=5, text=f"error: {URL_WITH_TOKEN}")
    leaks = WATCH.take_leaks()
    assert [leak.where for leak in leaks] == ["outbound SendMessage"]


async def test_an_emulator_call_with_the_token_is_reported() -> None:
    emulator = Emulator()
    await emulator.start()
    try:
        emulator.calls.start("getMe", {})
        call = emulator.calls.start("sendMessage", {"chat_id": 1, "text": "hello"})
        call.error = {"description": f"Bad Request: {emulator.token}"}
    finally:
        await emulator.stop()
    leaks = WATCH.take_leaks()
    assert [leak.where for leak in leaks] == ["emulator sendMessage"]


async def test_a_database_row_with_the_token_is_reported(
    engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    async with session_factory() as session, session.begin():
        session.add(
            row := FailedUpdate(
                update_id=1,
                payload_sha256="0" * 64,
                payload="{}",
                error=f"ClientError: {URL_WITH_TOKEN.replace(':', '%3A')}",
                failed_at=datetime.now(UTC),
            )
        )
    await WATCH.scan_engine(engine)
    (leak,) = WATCH.take_leaks()
    assert leak.where == "database row, column failed_updates.error"
    async with session_factory() as session, session.begin():
        await session.delete(await session.merge(row))


async def test_a_clean_database_reports_nothing(engine: AsyncEngine) -> None:
    await WATCH.scan_engine(engine)
    assert WATCH.take_leaks() == []


def test_a_bot_log_file_with_the_token_is_reported(tmp_path: Path) -> None:
    (tmp_path / "bot.log").write_text(f"Traceback ...\nOSError: {URL_WITH_TOKEN}\n", "utf-8")
    (tmp_path / "clean.log").write_text("bot.start username=fanpulse_bot\n", "utf-8")
    WATCH.watch_directory(tmp_path)
    WATCH.collect_files()
    leaks = WATCH.take_leaks()
    assert [leak.where for leak in leaks] == [f"file {tmp_path / 'bot.log'}"]


def test_a_token_registered_by_a_test_is_watched() -> None:
    token = "7777777:registered-by-the-test"
    WATCH.register_token(token)
    structlog.get_logger("watch-test").info("odd", value=f"http://x/{token}")
    assert [leak.token for leak in WATCH.take_leaks()] == [token]


async def test_a_scripted_session_payload_with_the_token_is_reported() -> None:
    from tests.support.transport import TOKEN as SCRIPTED_TOKEN  # noqa: PLC0415
    from tests.support.transport import ScriptedSession, make_bot  # noqa: PLC0415

    bot = make_bot(ScriptedSession())
    await bot.send_message(chat_id=5, text=f"see /bot{SCRIPTED_TOKEN}/getMe")
    assert [leak.where for leak in WATCH.take_leaks()] == ["outbound SendMessage"]
