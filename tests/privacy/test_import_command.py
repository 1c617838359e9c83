"""`python -m bot import <file> --chat <id>`: the import for exports above 20 MB, on the server."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bench.history_import import make_export
from bot.__main__ import main
from bot.db.chat_settings import register_group
from bot.db.engine import create_engine, create_session_factory
from bot.db.migrate import upgrade
from bot.db.models import Comment

CHAT_ID = -1_001_000_000_111


async def prepare(url: str, *, register: bool) -> None:
    engine = create_engine(url)
    try:
        await upgrade(engine, "head")
        if register:
            async with create_session_factory(engine)() as session, session.begin():
                await register_group(session, chat_id=CHAT_ID, chat_type="supergroup",
                                     title="Fans", username=None, added_by_user_id=None,
                                     now=datetime.now(UTC))  # fmt: skip
    finally:
        await engine.dispose()


async def stored(url: str) -> int:
    engine = create_engine(url)
    try:
        async with create_session_factory(engine)() as session:
            return int(await session.scalar(select(func.count()).select_from(Comment)) or 0)
    finally:
        await engine.dispose()


def test_the_command_line_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    # main() configures process-wide logging onto the captured streams: not in a test process.
    monkeypatch.setattr("bot.__main__.configure_logging", lambda *args: None)
    export = make_export(1_500)
    export["id"] = -CHAT_ID - 1_000_000_000_000
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export, ensure_ascii=False), "utf-8")
    asyncio.run(prepare(url, register=False))
    assert main(["import", str(path), "--chat", str(CHAT_ID)]) == 2
    assert "unknown" in capsys.readouterr().err
    asyncio.run(prepare(url, register=True))
    damaged = tmp_path / "damaged.json"
    damaged.write_bytes(path.read_bytes()[:5_000])
    assert main(["import", str(damaged), "--chat", str(CHAT_ID)]) == 1
    assert "truncated" in capsys.readouterr().err
    assert asyncio.run(stored(url)) == 0
    for _ in range(2):
        assert main(["import", str(path), "--chat", str(CHAT_ID)]) == 0
    assert "done: 1,500 messages" in capsys.readouterr().out
    assert asyncio.run(stored(url)) == 1_500
