"""`python -m bot import <file> --chat <id>`: the history import on the server, for exports
above the Bot API's 20 MB download limit. Validates the whole file first (nothing is stored
from a damaged or wrong export), then streams it in chunks with constant memory."""

from __future__ import annotations

import sys
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.db import migrate
from bot.db.chat_settings import group
from bot.db.engine import create_engine, create_session_factory
from bot.domain.history import ImportFileError, open_history
from bot.services.history_import import import_chunks

PROGRESS_EVERY = 10_000


def _say(text: str, *, error: bool = False) -> None:
    stream = sys.stderr if error else sys.stdout
    stream.write(text + "\n")
    stream.flush()


async def run_import(settings: Settings, path: str, chat_id: int) -> int:
    engine = create_engine(settings.database_url)
    try:
        await migrate.upgrade(engine)
        session_factory = create_session_factory(engine)
        async with session_factory() as session:
            record = await group(session, chat_id)
        if record is None:
            _say(f"fanpulse: group {chat_id} is unknown: add the bot to it first", error=True)
            return 2
        timezone = ZoneInfo(record.timezone or settings.default_timezone)
        try:
            stream = open_history(path, local_timezone=timezone)
        except ImportFileError as error:
            _say(f"fanpulse: nothing imported: {error}", error=True)
            return 1
        if not stream.chat.matches(chat_id):
            _say(
                f"fanpulse: nothing imported: the export is of chat {stream.chat.chat_id} "
                f"({stream.chat.name}), not {chat_id}",
                error=True,
            )
            return 1
        total = stream.stats.messages

        async def progress(done: int) -> None:
            if done % PROGRESS_EVERY < 1_000 or done == total:
                _say(f"imported {done:,} of {total:,} messages")

        # The server's owner runs this: trusted with ids past what the group has reached.
        outcome = await import_chunks(
            session_factory, chat_id, stream.chunks(), progress, reached_only=False
        )
    finally:
        await engine.dispose()
    _say(
        f"done: {outcome.messages:,} messages into {chat_id} "
        f"({outcome.new:,} new, {outcome.already:,} already stored, "
        f"{outcome.forgotten:,} of forgotten people left out, "
        f"{outcome.ahead:,} past the newest message the group had left out)"
    )
    return 0
