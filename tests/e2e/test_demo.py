"""The README's first command with no token: the whole demo, start to digest, exits cleanly."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from tests.support import databases
from tests.support.secret_watch import WATCH

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
DEMO_TIMEOUT_S = 600


@pytest.mark.skipif(
    databases.backend() == "postgresql",
    reason="the demo runs on its own SQLite file: the SQLite leg runs it once",
)
async def test_the_demo_runs_the_product_and_ends_by_delivering_the_digest(
    tmp_path: Path,
) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("BOT_TOKEN", "DATABASE_URL", "TELEGRAM_API_BASE")
    }
    env["PYTHONPATH"] = str(ROOT)
    WATCH.watch_directory(tmp_path)  # the bot's and the demo's log files, read at teardown
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=tmp_path,  # its database, logs and pictures go under the working directory
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), DEMO_TIMEOUT_S)
    text = output.decode()
    assert process.returncode == 0, text[-3000:]
    assert "Traceback" not in text
    assert "the bot stopped cleanly (exit code 0)" in text
    assert "0 updates failed" in text
    pictures = {path.name for path in (tmp_path / "demo-output").iterdir()}
    assert {"digest.png", "digest.txt", "poll.png", "video.png"} <= pictures
