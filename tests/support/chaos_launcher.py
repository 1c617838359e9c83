"""A fork server for chaos tests: imports the bot once, then forks a real bot process per request.

`python -m bot run` spends about 5 s of CPU importing aiogram before it does anything; twenty
kill -9 cycles would spend most of their time there. This process pays the import once and
forks a child per bot start. Each child is an ordinary OS process that runs the same
`bot.__main__.main(["run"])` as `python -m bot run` (settings from its environment, its own
event loop, engine and connections, all created after the fork), and the test SIGKILLs it by pid.

Protocol: one JSON object per line on stdin, one JSON answer per line on stdout.
    {"op": "spawn", "log": "<path>", "env": {...}}  -> {"pid": N}   (env replaces the environment)
    {"op": "wait", "pid": N}                       -> {"code": exit code, or -signal}
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import sys
from typing import Any

import bot.__main__ as bot_main

PR_SET_PDEATHSIG = 1


def _child(log_path: str, env: dict[str, str]) -> None:
    """In the forked child: own stdio and environment, then what `python -m bot run` does."""
    code = 1
    try:
        _die_with_the_launcher()
        log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.environ.clear()
        os.environ.update(env)
        code = bot_main.main(["run"])
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    except BaseException:  # noqa: BLE001 - report anything, then leave without the parent's atexit
        import traceback  # noqa: PLC0415

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _die_with_the_launcher() -> None:
    """Linux: SIGKILL this bot when the launcher dies (it exits when the test session ends), so
    a test run that is itself killed leaves no bot behind polling a stopped emulator."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (AttributeError, OSError):
        return


def _answer(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload) + "\n")
    sys.stdout.flush()


def serve() -> None:
    for line in sys.stdin:
        request = json.loads(line)
        if request["op"] == "spawn":
            pid = os.fork()
            if pid == 0:
                _child(str(request["log"]), dict(request.get("env") or {}))
            _answer({"pid": pid})
        elif request["op"] == "wait":
            _, status = os.waitpid(int(request["pid"]), 0)
            _answer({"code": os.waitstatus_to_exitcode(status)})
        else:
            _answer({"error": f"unknown op {request['op']!r}"})


if __name__ == "__main__":
    serve()
