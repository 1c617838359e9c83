"""The README's first command with no token: the whole demo, start to digest, exits cleanly."""

from __future__ import annotations

import asyncio
import json
import os
import re
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
    rows = _transcript(tmp_path / "demo-output" / "conversation.jsonl")
    chinese = [row for row in rows if row["by"] == "bot" and row["language"] in ("zh", "zh-Hant")]
    assert len(chinese) >= 20, "the demo's Chinese readers heard almost nothing"
    assert any(row["language"] == "zh-Hant" for row in chinese), "no reader of Traditional"
    assert _english_in(chinese, _words_people_wrote(rows)) == []


# Words a Chinese answer may carry in Latin letters: names of things that have no Chinese name,
# and BotFather's own button ("Disable"), which is English in every client.
_UNTRANSLATED = frozenset(
    {
        "fanpulse", "telegram", "botfather", "disable", "python", "utc", "sha", "csv", "json",
        "png", "xlsx", "youtube", "tiktok", "id", "ok", "vlog",
    }
)  # fmt: skip
_MARKUP = re.compile(r"<code>.*?</code>|<pre>.*?</pre>|<[^>]+>", re.DOTALL)
_NOT_PROSE = re.compile(
    r"(?:https?|tg)://\S+|[\w.-]+\.(?:com|cn|be|tv)\S*|[/@#][\w/]+|\b[A-Z][a-z]+/[A-Za-z_/]+"
)
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _transcript(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _latin_words(text: str) -> set[str]:
    return {
        word.lower() for word in _LATIN_WORD.findall(_NOT_PROSE.sub(" ", _MARKUP.sub(" ", text)))
    }


def _words_people_wrote(rows: list[dict[str, object]]) -> set[str]:
    """Every Latin word people typed, links and ids included: the bot may quote any of it."""
    return {
        word.lower()
        for row in rows
        if row["by"] == "people"
        for word in _LATIN_WORD.findall(str(row["text"]))
    }


def _english_in(rows: list[dict[str, object]], quoted: set[str]) -> list[str]:
    """Each Chinese answer or button that holds Latin words the bot wrote itself."""
    found = []
    for row in rows:
        buttons = row["buttons"]
        assert isinstance(buttons, list)
        for shown in [str(row["text"]), *map(str, buttons)]:
            english = _latin_words(shown) - quoted - _UNTRANSLATED
            if english:
                found.append(f"{row['method']} to {row['chat_id']}: {sorted(english)} in {shown!r}")
    return found


def test_the_english_check_finds_english_but_not_what_people_wrote() -> None:
    rows: list[dict[str, object]] = [
        {
            "by": "bot",
            "method": "sendMessage",
            "chat_id": -1,
            "language": "zh",
            "text": "<b>投票结束：Which topic next?</b> Winners announced",
            "buttons": ["查看", "Enter"],
        },
        {
            "by": "bot",
            "method": "sendMessage",
            "chat_id": -1,
            "language": "zh",
            "text": "在 @BotFather 设置 /setprivacy，见 https://t.me/x 和 <code>/poll a | b</code>",
            "buttons": ["Asia/Shanghai"],
        },
        {"by": "people", "text": "/poll Which topic next? | cats | dogs"},
    ]
    found = _english_in(rows[:2], _words_people_wrote(rows))
    assert found == [
        "sendMessage to -1: ['announced', 'winners'] in "
        "'<b>投票结束：Which topic next?</b> Winners announced'",
        "sendMessage to -1: ['enter'] in 'Enter'",
    ]
