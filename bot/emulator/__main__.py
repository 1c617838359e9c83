"""`python -m bot.emulator --port 8081`: run the emulator alone and print its base URL."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys

from bot.emulator.server import Emulator


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bot.emulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--bot-id", type=int, default=7_000_000_001)
    parser.add_argument("--bot-username", default="fanpulse_test_bot")
    parser.add_argument("--bot-name", default="fanpulse")
    parser.add_argument(
        "--privacy-off",
        action="store_true",
        help="the bot reads all group messages (can_read_all_group_messages)",
    )
    return parser.parse_args(argv)


async def serve(args: argparse.Namespace) -> None:
    emulator = Emulator(
        bot_id=args.bot_id,
        bot_username=args.bot_username,
        bot_first_name=args.bot_name,
        can_read_all_group_messages=args.privacy_off,
    )
    base_url = await emulator.start(args.host, args.port)
    sys.stdout.write(f"{base_url}\ntoken: {emulator.token}\n")
    sys.stdout.flush()
    stopped = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, stopped.set)
    try:
        await stopped.wait()
    finally:
        await emulator.stop()


def main(argv: list[str] | None = None) -> None:
    asyncio.run(serve(parse_args(argv)))


if __name__ == "__main__":
    main()
