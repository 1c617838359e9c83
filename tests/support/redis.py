"""A real, throwaway Redis server for the scale-out tests (standard library only).

`running_redis()` starts `redis-server` on a free loopback port with no persistence, in a
temporary directory of its own, yields its URL (`redis://127.0.0.1:<port>/0`) and stops it.
Redis, unlike PostgreSQL, runs as root without complaint.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

READY_TIMEOUT_S = 15
START_ATTEMPTS = 3
STOP_TIMEOUT_S = 10
REQUIRE_REDIS_ENV = "FANPULSE_REQUIRE_REDIS"


class RedisUnavailableError(RuntimeError):
    """No `redis-server` binary on this machine."""


class RedisStartError(RuntimeError):
    """The binary exists but the server did not start."""


def find_server() -> str | None:
    return shutil.which("redis-server") or next(
        (
            path
            for path in ("/usr/bin/redis-server", "/usr/sbin/redis-server")
            if Path(path).exists()
        ),
        None,
    )


@contextmanager
def running_redis() -> Iterator[str]:
    """Start a fresh server on a free loopback port; yield its URL; always clean up."""
    binary = find_server()
    if binary is None:
        raise RedisUnavailableError("no redis-server binary on PATH (apt-get install redis-server)")
    root = Path(tempfile.mkdtemp(prefix="fanpulse-redis-"))
    process: subprocess.Popen[bytes] | None = None
    try:
        process, port = _start(binary, root)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        if process is not None:
            _stop(process)
        shutil.rmtree(root, ignore_errors=True)


def _start(binary: str, root: Path) -> tuple[subprocess.Popen[bytes], int]:
    last_error = ""
    for _ in range(START_ATTEMPTS):
        port = _free_port()
        log_file = root / "server.log"
        process = subprocess.Popen(  # noqa: S603 - a fixed binary with our own arguments
            [
                binary,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(root),
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--logfile",
                str(log_file),
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if _wait_ready(process, port):
            return process, port
        # Another process may have taken the port between our probe and the bind: retry.
        _stop(process)
        with suppress(OSError):
            last_error = log_file.read_text(errors="replace")[-2000:]
    raise RedisStartError(f"redis-server did not start:\n{last_error}")


def _wait_ready(process: subprocess.Popen[bytes], port: int) -> bool:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        if _pings(port):
            return True
        time.sleep(0.05)
    return False


def _pings(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
