"""A real, throwaway PostgreSQL server for the test suite (standard library only).

`tasks.py` imports this with the system Python, before any virtualenv exists, so it must not
import anything outside the standard library.
"""

from __future__ import annotations

import getpass
import os
import pwd
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

SEARCH_ROOT = Path("/usr/lib/postgresql")
SCRATCH_BASES = ("/dev/shm", "/tmp")  # noqa: S108
# A container's /dev/shm is often 64 MiB: too small for a cluster and its WAL.
MIN_FREE = 1 << 30
READY_TIMEOUT_S = 30
START_ATTEMPTS = 3
# initdb and postgres refuse to run as root: as root we hand the server to one of these users.
SERVER_USERS = ("postgres", "nobody")
# A throwaway server: durability is worth nothing here, speed is.
SERVER_SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
    "shared_buffers": "128MB",
}


class PostgresUnavailableError(RuntimeError):
    """No PostgreSQL server binaries were found on this machine."""


class PostgresStartError(RuntimeError):
    """The server binaries exist but the server could not be started."""


def find_bin_dir() -> Path | None:
    """The directory holding `initdb` and `pg_ctl`: PATH first, then the highest Debian version."""
    on_path = [shutil.which(name) for name in ("initdb", "pg_ctl", "postgres")]
    if all(on_path):
        return Path(str(on_path[1])).resolve().parent
    candidates = [
        path.parent
        for path in SEARCH_ROOT.glob("*/bin/pg_ctl")
        if (path.parent / "initdb").exists() and (path.parent / "postgres").exists()
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda path: _version_key(path.parent.name))


def server_version(bin_dir: Path) -> str:
    output = subprocess.run(
        [str(bin_dir / "postgres"), "--version"], capture_output=True, text=True, check=True
    ).stdout
    return output.strip()


@contextmanager
def running_postgres() -> Iterator[str]:
    """Start a fresh server on a free loopback port; yield its SQLAlchemy URL; always clean up."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise PostgresUnavailableError(
            f"no PostgreSQL server binaries (initdb, pg_ctl) on PATH or under {SEARCH_ROOT}"
        )
    server = _Server(bin_dir)
    try:
        server.init()
        yield server.start()
    finally:
        server.stop_and_remove()


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", name)) or (0,)


class _Server:
    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.user = _server_user()
        self.root = Path(tempfile.mkdtemp(prefix="fanpulse-pg-", dir=_scratch_base()))
        self.data_dir = self.root / "data"
        self.socket_dir = self.root / "socket"
        self.log_file = self.root / "server.log"
        self.started = False

    def init(self) -> None:
        self.socket_dir.mkdir()
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            for path in (self.root, self.socket_dir):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        self._run(
            "initdb",
            "--pgdata",
            str(self.data_dir),
            "--username",
            "postgres",
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--locale",
            "C",
            "--no-sync",
            "--no-instructions",
        )

    def start(self) -> str:
        last_error = ""
        for _ in range(START_ATTEMPTS):
            port = _free_port()
            result = self._run_unchecked(
                "pg_ctl",
                "--pgdata",
                str(self.data_dir),
                "--log",
                str(self.log_file),
                "--options",
                self._server_options(port),
                "--wait",
                "--timeout",
                str(READY_TIMEOUT_S),
                "start",
            )
            if result.returncode == 0:
                self.started = True
                _wait_for_tcp(port)
                return f"postgresql+asyncpg://postgres@127.0.0.1:{port}/postgres"
            # Another process may have taken the port between our probe and the bind: retry.
            last_error = f"{result.stdout}{result.stderr}\n{self._log_tail()}"
            self._stop()
        raise PostgresStartError(f"PostgreSQL did not start:\n{last_error}")

    def stop_and_remove(self) -> None:
        try:
            if self.started:
                self._stop()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def _stop(self) -> None:
        self._run_unchecked(
            "pg_ctl", "--pgdata", str(self.data_dir), "--mode", "immediate", "--wait", "stop"
        )
        self.started = False

    def _server_options(self, port: int) -> str:
        settings = {
            **SERVER_SETTINGS,
            "port": str(port),
            "unix_socket_directories": str(self.socket_dir),
        }
        return " ".join(f"-c {key}={shlex.quote(value)}" for key, value in settings.items())

    def _log_tail(self, lines: int = 20) -> str:
        with suppress(OSError):
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        return ""

    def _run(self, tool: str, *args: str) -> None:
        result = self._run_unchecked(tool, *args)
        if result.returncode != 0:
            raise PostgresStartError(f"{tool} failed:\n{result.stdout}{result.stderr}")

    def _run_unchecked(self, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
        command = _as_user(self.user, [str(self.bin_dir / tool), *args])
        return subprocess.run(
            command,
            cwd=self.root,
            capture_output=True,
            text=True,
            check=False,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "LC_ALL": "C", "LANG": "C"},
        )


def _scratch_base() -> str:
    """Memory first: on disk, CREATE DATABASE takes 150-250 ms instead of 10-20 ms.

    Never $TMPDIR: when we are root, the server user must be able to reach the directory.
    """
    for base in SCRATCH_BASES:
        if (
            os.path.isdir(base)
            and os.access(base, os.W_OK | os.X_OK)
            and _free_bytes(base) > MIN_FREE
        ):
            return base
    return tempfile.gettempdir()


def _free_bytes(path: str) -> int:
    stats = os.statvfs(path)
    return stats.f_bavail * stats.f_frsize


def _server_user() -> str | None:
    """None when we may run the server ourselves; the OS user to run it as when we are root."""
    if os.geteuid() != 0:
        return None
    for name in SERVER_USERS:
        with suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise PostgresStartError(
        f"running as {getpass.getuser()}: PostgreSQL refuses root and none of the users "
        f"{', '.join(SERVER_USERS)} exists"
    )


def _as_user(user: str | None, command: Sequence[str]) -> list[str]:
    if user is None:
        return list(command)
    runuser = shutil.which("runuser") or next(
        (path for path in ("/usr/sbin/runuser", "/sbin/runuser") if Path(path).exists()), None
    )
    if runuser is not None:
        return [runuser, "-u", user, "--", *command]
    return ["su", user, "-s", "/bin/sh", "-c", shlex.join(command)]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_for_tcp(port: int) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise PostgresStartError(f"PostgreSQL is not accepting TCP on {port}") from None
            time.sleep(0.05)
