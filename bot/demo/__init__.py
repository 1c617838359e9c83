"""`python -m bot demo`: the whole product against the local Bot API emulator, narrated.

It starts the emulator, the real bot process pointed at it, and a simulated fan community; it
prints what happens as it goes and ends with what was stored.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from bot.config import Settings
from bot.db.engine import create_engine, create_session_factory
from bot.db.models import Chat, Comment, CommentVersion, FailedUpdate, User
from bot.demo.community import build_community, simulate_chatter, simulate_special_cases
from bot.demo.dashboard import dashboard_settings, free_port, photograph_dashboard
from bot.demo.digest import deliver_digest
from bot.demo.fans import fan_asks_for_her_data
from bot.demo.feedback import run_feedback
from bot.demo.giveaways import run_giveaway
from bot.demo.operators import add_bot_to_groups, operator_console
from bot.demo.polls import run_topic_poll
from bot.demo.process import BotProcess, wait_until_delivered
from bot.demo.transcript import collect, heard, write
from bot.demo.videos import run_videos
from bot.emulator.client import EmulatorClient
from bot.emulator.server import Emulator

DEMO_DIR = Path("data/demo")


@dataclass(frozen=True)
class StoredSummary:
    comments_by_chat: list[tuple[str, int]]
    comments_by_author: list[tuple[str, int]]
    people: int
    edits: int
    failed_updates: int


def say(line: str = "") -> None:
    print(line, flush=True)


async def run_demo(settings: Settings) -> int:
    shutil.rmtree(DEMO_DIR, ignore_errors=True)
    DEMO_DIR.mkdir(parents=True)
    database_url = f"sqlite+aiosqlite:///{DEMO_DIR / 'fanpulse-demo.sqlite3'}"
    emulator = Emulator(bot_username="fanpulse_demo_bot", can_read_all_group_messages=False)
    base_url = await emulator.start()
    say("fanpulse demo")
    say(f"  Bot API emulator on {base_url} (no real Telegram is contacted)")
    dashboard_port = free_port()
    bot = BotProcess.against_emulator(
        base_url,
        emulator.token,
        database_url,
        DEMO_DIR / "bot.log",
        log_level=settings.log_level,
        **dashboard_settings(dashboard_port),
    )
    try:
        async with EmulatorClient(base_url) as client:
            community = await build_community(client)
            say("  a creator, an operator, 10 fans, two groups and a linked channel are set up")
            await bot.start()
            await bot.wait_ready(client, "getUpdates")
            say(f"  the bot is running (pid {bot.pid}), polling the emulator; log: {bot.log_path}")
            await add_bot_to_groups(client, community, emulator.world.bot_id, say)
            say()
            say("The fans talk:")
            sent = await simulate_chatter(client, community, say)
            sent += await simulate_special_cases(client, community, say)
            await wait_until_delivered(client)
            say()
            say(f"  {sent} messages delivered; the bot confirmed every update after storing it")
            await operator_console(client, community, emulator.world.bot_id, say)
            await run_topic_poll(client, emulator, community, say)
            await run_giveaway(client, emulator, community, say)
            await run_feedback(client, emulator, community, say)
            await run_videos(client, emulator, community, say)
            await fan_asks_for_her_data(client, community, emulator.world.bot_id, say)
            await deliver_digest(client, emulator, community, say)
            await photograph_dashboard(client, community, dashboard_port, say)
        code = await bot.stop()
        say(f"  the bot stopped cleanly (exit code {code})")
        said, people = collect(emulator), heard(emulator)
    finally:
        await emulator.stop()
    transcript = await write(said, people, emulator, database_url)
    say(f"  everything the bot said, with each reader's language: {transcript}")
    summary = await summarize(database_url)
    print_summary(summary)
    return 0 if code == 0 and summary.failed_updates == 0 else 1


async def summarize(database_url: str) -> StoredSummary:
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    try:
        async with sessions() as session:
            by_chat = (
                await session.execute(
                    select(Chat.title, func.count(Comment.id))
                    .join(Comment, Comment.chat_id == Chat.id)
                    .group_by(Chat.title)
                    .order_by(Chat.title)
                )
            ).all()
            by_author = (
                await session.execute(
                    select(Comment.author_kind, func.count())
                    .group_by(Comment.author_kind)
                    .order_by(Comment.author_kind)
                )
            ).all()
            people = await session.scalar(select(func.count()).select_from(User))
            edits = await session.scalar(select(func.count()).select_from(CommentVersion))
            failed = await session.scalar(select(func.count()).select_from(FailedUpdate))
    finally:
        await engine.dispose()
    return StoredSummary(
        comments_by_chat=[(str(title), int(count)) for title, count in by_chat],
        comments_by_author=[(str(kind), int(count)) for kind, count in by_author],
        people=int(people or 0),
        edits=int(edits or 0),
        failed_updates=int(failed or 0),
    )


def print_summary(summary: StoredSummary) -> None:
    say()
    say("What fanpulse stored:")
    for title, count in summary.comments_by_chat:
        say(f"  {count:4d} messages in {title}")
    authors = ", ".join(f"{kind} {count}" for kind, count in summary.comments_by_author)
    say(f"  by author: {authors}")
    say(f"  {summary.people} people, {summary.edits} earlier versions of edited messages")
    say(f"  {summary.failed_updates} updates failed")
