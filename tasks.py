"""The project's commands, the same for people and for CI (standard library only, Python 3.11+).

    python3 tasks.py run [args...]          run the bot (`python -m bot`) from .venv
    python3 tasks.py test [options] [pytest args...]
        ruff, mypy, then pytest on SQLite and on a throwaway PostgreSQL server
        --sqlite-only / --postgres-only      run one pytest leg (the checks still run)
        --serial                             run the two legs one after the other (by default
                                             they run side by side, each printed when it ends)
        FANPULSE_REQUIRE_POSTGRES=1          a missing PostgreSQL fails instead of skipping
    python3 tasks.py bench <name> [args...] run bench/<name>.py (as bench.<name>) from .venv

Every command first makes sure .venv exists and holds the project with its dev extras.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
VENV_PYTHON = VENV / "bin" / "python"
INSTALL_STAMP = VENV / ".fanpulse-installed"
REQUIRE_POSTGRES_ENV = "FANPULSE_REQUIRE_POSTGRES"
TEST_DATABASE_ENV = "FANPULSE_TEST_DATABASE_URL"
PYTEST_NO_TESTS = 5
USAGE = "usage: python3 tasks.py {run,test,bench} [args...]"

sys.path.insert(0, str(ROOT))
from bot.devtools.postgres import (  # noqa: E402 - needs ROOT on sys.path first
    PostgresStartError,
    find_bin_dir,
    running_postgres,
    server_version,
)


@dataclass
class Step:
    name: str
    outcome: str
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.outcome.startswith("failed")


def main(argv: Sequence[str]) -> int:
    # The system python3 runs this file: say so plainly when it is too old for the project.
    if sys.version_info < (3, 11):  # noqa: UP036
        return _fail("fanpulse needs Python 3.11 or newer")
    # SIGTERM (a CI timeout, a killed terminal) must unwind like Ctrl-C, so servers are stopped.
    signal.signal(signal.SIGTERM, lambda _signum, _frame: sys.exit(143))
    if not argv:
        return _fail(USAGE)
    command, args = argv[0], list(argv[1:])
    if command == "run":
        ensure_venv()
        return _exec([str(VENV_PYTHON), "-m", "bot", *args])
    if command == "test":
        return test(args)
    if command == "bench":
        return bench(args)
    return _fail(f"unknown command {command!r}\n{USAGE}")


def ensure_venv() -> None:
    if not VENV_PYTHON.exists():
        _phase(f"creating {VENV.relative_to(ROOT)}")
        venv.create(VENV, with_pip=True)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if INSTALL_STAMP.exists() and INSTALL_STAMP.read_text().strip() == digest:
        return
    _phase("installing fanpulse[dev] into .venv (pyproject.toml is new or changed)")
    subprocess.run(
        [
            str(VENV_PYTHON),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--editable",
            ".[dev]",
        ],
        cwd=ROOT,
        check=True,
    )
    INSTALL_STAMP.write_text(f"{digest}\n")


def test(args: list[str]) -> int:
    sqlite_only = _take_flag(args, "--sqlite-only")
    postgres_only = _take_flag(args, "--postgres-only")
    if sqlite_only and postgres_only:
        return _fail("choose at most one of --sqlite-only and --postgres-only")
    started = time.monotonic()
    ensure_venv()
    steps = [
        Step(".venv", "ready", time.monotonic() - started),
        _checked("ruff check", [_tool("ruff"), "check", "."]),
        _checked("ruff format", [_tool("ruff"), "format", "--check", "."]),
        _checked("mypy", [_tool("mypy"), "."]),
    ]
    serial = _take_flag(args, "--serial")
    with contextlib.ExitStack() as servers:
        legs = []
        if not postgres_only:
            legs.append(Leg("pytest on SQLite", database_url=None))
        if not sqlite_only:
            postgres = _start_postgres(servers)
            if isinstance(postgres, Step):
                steps.append(postgres)
            else:
                legs.append(Leg("pytest on PostgreSQL", database_url=postgres))
        if serial or len(legs) < 2:
            steps += [_pytest_leg(leg, args) for leg in legs]
        else:
            steps += _side_by_side(legs, args)
    return _summary(steps)


def bench(args: list[str]) -> int:
    available = sorted(path.stem for path in (ROOT / "bench").glob("*.py") if path.stem[0] != "_")
    if not args or args[0] not in available:
        names = ", ".join(available) or "none yet"
        return _fail(f"usage: python3 tasks.py bench <name> [args...]; benchmarks: {names}")
    ensure_venv()
    # As a module from the root, so that a benchmark can import its siblings (bench.ingest).
    return _exec([str(VENV_PYTHON), "-m", f"bench.{args[0]}", *args[1:]])


@dataclass
class Leg:
    """One run of the whole suite against one database."""

    name: str
    database_url: str | None
    log: Path = field(init=False)

    def command(self, args: list[str]) -> list[str]:
        # Each leg its own pytest cache: two legs side by side must not write one file.
        cache = f"cache_dir=.pytest_cache/{'postgresql' if self.database_url else 'sqlite'}"
        return [str(VENV_PYTHON), "-m", "pytest", "-o", cache, *args]

    def env(self) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if key != TEST_DATABASE_ENV}
        if self.database_url is not None:
            env[TEST_DATABASE_ENV] = self.database_url
        return env

    def step(self, returncode: int, seconds: float) -> Step:
        if returncode == PYTEST_NO_TESTS:
            return Step(self.name, "failed: no tests collected (check the pytest arguments)")
        outcome = "passed" if returncode == 0 else f"failed (exit {returncode})"
        return Step(self.name, outcome, seconds)


def _start_postgres(servers: contextlib.ExitStack) -> str | Step:
    """A throwaway server's URL (stopped when `servers` closes), or the step that says why not."""
    name = "pytest on PostgreSQL"
    bin_dir = find_bin_dir()
    if bin_dir is None:
        reason = "no PostgreSQL server binaries (initdb, pg_ctl) found"
        if os.environ.get(REQUIRE_POSTGRES_ENV) == "1":
            return Step(name, f"failed: {reason}, and {REQUIRE_POSTGRES_ENV}=1")
        print(f"PostgreSQL leg skipped: {reason} (install the postgresql package)", flush=True)
        return Step(name, f"skipped: {reason}")
    _phase(f"starting a throwaway {server_version(bin_dir)} server")
    started = time.monotonic()
    try:
        url = servers.enter_context(running_postgres())
    except PostgresStartError as error:
        print(error, file=sys.stderr, flush=True)
        return Step(name, "failed: the PostgreSQL server did not start")
    print(f"PostgreSQL ready at {url} in {time.monotonic() - started:.1f}s", flush=True)
    return url


def _pytest_leg(leg: Leg, args: list[str]) -> Step:
    _phase(leg.name)
    started = time.monotonic()
    returncode = subprocess.run(leg.command(args), cwd=ROOT, env=leg.env(), check=False).returncode
    return leg.step(returncode, time.monotonic() - started)


def _side_by_side(legs: list[Leg], args: list[str]) -> list[Step]:
    """Both legs at once (the suite is mostly one busy core each); each leg's output is printed
    whole when it ends, so the two never interleave."""
    _phase(f"{' and '.join(leg.name for leg in legs)}, side by side (--serial: one at a time)")
    started = time.monotonic()
    steps: dict[str, Step] = {}
    with tempfile.TemporaryDirectory(prefix="fanpulse-legs-") as tmp:
        running: dict[str, tuple[Leg, subprocess.Popen[bytes]]] = {}
        for leg in legs:
            leg.log = Path(tmp) / f"{len(running)}.log"
            with leg.log.open("wb") as log:
                running[leg.name] = (
                    leg,
                    subprocess.Popen(
                        leg.command(args), cwd=ROOT, env=leg.env(), stdout=log, stderr=log
                    ),
                )
        try:
            while running:
                for name, (leg, process) in list(running.items()):
                    if process.poll() is None:
                        continue
                    del running[name]
                    steps[name] = leg.step(process.returncode, time.monotonic() - started)
                    _phase(f"{name}: {steps[name].outcome} in {steps[name].seconds:.0f}s")
                    sys.stdout.flush()
                    sys.stdout.buffer.write(leg.log.read_bytes())
                    sys.stdout.flush()
                time.sleep(0.5)
        finally:
            for _leg, process in running.values():
                process.terminate()
                process.wait()
    return [steps[leg.name] for leg in legs]


def _checked(name: str, command: list[str], env: Mapping[str, str] | None = None) -> Step:
    _phase(name)
    started = time.monotonic()
    returncode = subprocess.run(command, cwd=ROOT, env=env, check=False).returncode
    outcome = "passed" if returncode == 0 else f"failed (exit {returncode})"
    return Step(name, outcome, time.monotonic() - started)


def _summary(steps: list[Step]) -> int:
    _phase("summary")
    width = max(len(step.name) for step in steps)
    for step in steps:
        took = f"{step.seconds:6.1f}s" if step.seconds else "       "
        print(f"  {step.name:<{width}}  {took}  {step.outcome}")
    failed = [step.name for step in steps if step.failed]
    print(f"FAILED: {', '.join(failed)}" if failed else "all checks passed", flush=True)
    return 1 if failed else 0


def _take_flag(args: list[str], flag: str) -> bool:
    found = flag in args
    args[:] = [arg for arg in args if arg != flag]
    return found


def _tool(name: str) -> str:
    return str(VENV / "bin" / name)


def _phase(title: str) -> None:
    print(f"\n==> {title}", flush=True)


def _exec(command: list[str]) -> NoReturn:
    sys.stdout.flush()
    os.chdir(ROOT)
    os.execv(command[0], command)


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
