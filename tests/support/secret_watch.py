"""A pytest plugin: no test may leak a bot token into a log line, an outbound call, a database row
or a bot process's log file (ARCHITECTURE section 4).

Registered from tests/conftest.py. What it watches, per test:
- log lines: structlog and stdlib logging are configured once, as `bot.logs.configure_logging`
  configures a production process (same processors, same scrubbing formatter), but written to a
  sink that keeps the test's lines (and still forwards them to stderr for pytest's report). Every
  structlog level is kept, so a debug event cannot hide a leak.
- outbound calls: every method recorded by a `RecordingSession` (and subclasses) or by the
  outbound tests' `ScriptedSession`, and every call the in-process emulator records
  (parameters, result, error envelope).
- database rows: every text column of every table, at the end of each test that used the
  `engine` fixture or an e2e `World` (one statement: a UNION of LIKE filters, so only leaks come
  back).
- files: bot process log files registered with `watch_directory` / `watch_file` (e2e `World.logs`).

Tokens: the dispatcher-level, fake-session, settings-test and emulator tokens, plus any a test
registers with `register_token`. A token's secret part (after the colon) is what is searched: it
survives URL-encoding, and the bot id alone is not a secret.

A leak fails the test that made it (the call phase when seen by then, else the teardown), naming
what leaked and where.
"""

from __future__ import annotations

import functools
import importlib
import logging
import sys
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import structlog
from aiogram.types import BufferedInputFile
from pydantic import BaseModel
from sqlalchemy import String, TextClause, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.db.engine import create_engine
from bot.db.models import Base
from bot.logs import configure_logging

# module: name of the token constant the tests in that module use
TOKEN_SOURCES = (
    ("bot.devtools.recording_session", "TOKEN"),
    ("tests.support.transport", "TOKEN"),
    ("tests.test_config", "TOKEN"),
)


@dataclass(frozen=True, slots=True)
class Leak:
    token: str
    where: str
    excerpt: str

    def describe(self) -> str:
        shown = self.excerpt.replace(self.token.partition(":")[2], "<SECRET>")
        return f"token {mask(self.token)} in {self.where}: {shown!r}"


def mask(token: str) -> str:
    bot_id, _, secret = token.partition(":")
    return f"{bot_id}:{secret[:4]}…"


def excerpt_around(text: str, secret: str, width: int = 80) -> str:
    at = text.find(secret)
    start = max(0, at - width)
    return text[start : at + len(secret) + width]


class LogSink:
    """Where the watched logging configuration writes: kept for the scan, forwarded to stderr."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def write(self, text: str) -> int:
        self.lines.append(text)
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()

    def isatty(self) -> bool:
        return False


@dataclass
class Counters:
    tests: int = 0
    log_lines: int = 0
    outbound: int = 0
    database_scans: int = 0
    files: int = 0
    seconds: float = 0.0


@dataclass
class SecretWatch:
    tokens: set[str] = field(default_factory=set)
    sink: LogSink = field(default_factory=LogSink)
    outbound: list[tuple[str, Any]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    directories: list[Path] = field(default_factory=list)
    leaks: list[Leak] = field(default_factory=list)
    counters: Counters = field(default_factory=Counters)
    active: bool = False  # registered (`-p no:secret_watch` turns the whole watch off)
    _handler: logging.Handler | None = None

    # what tests call

    def register_token(self, token: str) -> None:
        if ":" in token and token.partition(":")[2]:
            self.tokens.add(token)

    def watch_file(self, path: Path) -> None:
        self.files.append(path)

    def watch_directory(self, path: Path) -> None:
        self.directories.append(path)

    def record_outbound(self, where: str, payload: Any) -> None:
        self.outbound.append((where, payload))

    def scan_text(self, text: str, where: str) -> None:
        for token in self.tokens:
            secret = token.partition(":")[2]
            if secret in text:
                self.leaks.append(Leak(token, where, excerpt_around(text, secret)))

    async def scan_engine(self, engine: AsyncEngine, where: str = "database") -> None:
        """Every text column of every table, in one statement that returns only matching values.

        The SQL is written by hand and cached: each test has its own engine, and SQLAlchemy's
        compiled cache is per engine, so compiling a hundred-part UNION would cost every test."""
        if not self.active:
            return
        started = time.perf_counter()
        self.counters.database_scans += 1
        async with engine.connect() as connection:
            try:
                rows = await self._scan(connection, None)
            except DBAPIError:
                # Not at head (an e2e bot that stopped before migrating): only what exists.
                await connection.rollback()
                existing = await connection.run_sync(
                    lambda sync: sync.dialect.get_table_names(sync)
                )
                rows = await self._scan(connection, frozenset(existing))
        for column, value in rows:
            self.scan_text(str(value), f"{where} row, column {column}")
        self.counters.seconds += time.perf_counter() - started

    async def _scan(
        self, connection: AsyncConnection, existing: frozenset[str] | None
    ) -> list[tuple[str, Any]]:
        secrets = tuple(sorted(token.partition(":")[2] for token in self.tokens))
        sql = leak_query(connection.dialect.name, secrets, existing)
        if sql is None:
            return []
        parameters = {f"s{index}": secret for index, secret in enumerate(secrets)}
        result = await connection.execute(sql, parameters)
        return [(str(column), value) for column, value in result.all()]

    async def scan_database_url(self, url: str, where: str = "database") -> None:
        engine = create_engine(url)
        try:
            await self.scan_engine(engine, where)
        finally:
            await engine.dispose()

    def take_leaks(self) -> list[Leak]:
        """Everything found so far in this test (the watcher's own tests clear what they plant)."""
        self.collect()
        leaks, self.leaks = self.leaks, []
        return leaks

    # the per-test cycle

    def begin(self) -> None:
        self.ensure_logging()
        self.sink.lines.clear()
        self.outbound.clear()
        self.files.clear()
        self.directories.clear()
        self.leaks.clear()
        self.counters.tests += 1

    def collect(self) -> None:
        started = time.perf_counter()
        self.counters.log_lines += len(self.sink.lines)
        for index, line in enumerate(self.sink.lines):
            self.scan_text(line, f"log line {index + 1}")
        self.sink.lines.clear()
        self.counters.outbound += len(self.outbound)
        for where, payload in self.outbound:
            for found in strings_of(payload):
                self.scan_text(found, where)
        self.outbound.clear()
        self.counters.seconds += time.perf_counter() - started

    def collect_files(self) -> None:
        paths = [*self.files]
        for directory in self.directories:
            paths.extend(p for p in directory.rglob("*.log") if p.is_file())
        for path in dict.fromkeys(paths):
            if path.exists():
                self.counters.files += 1
                text = path.read_bytes().decode("utf-8", errors="replace")
                self.scan_text(text, f"file {path}")
        self.files.clear()
        self.directories.clear()

    # logging as in production, into the sink

    def ensure_logging(self) -> None:
        """(Re)install the watched configuration if a test replaced it."""
        root = logging.getLogger()
        factory = structlog.get_config().get("logger_factory")
        if self._handler in root.handlers and getattr(factory, "_file", None) is self.sink:
            return
        # pytest's own capturing handlers stay; a handler a test installed would escape the scan.
        kept = [h for h in root.handlers if type(h).__module__.startswith("_pytest")]
        real_stderr = sys.stderr
        sys.stderr = self.sink  # configure_logging binds stderr
        try:
            configure_logging("INFO", "console", token="")
        finally:
            sys.stderr = real_stderr
        self._handler = root.handlers[0]
        root.handlers.extend(kept)
        # Keep every structlog level, and no cached loggers: tests swap processors with
        # structlog.testing.capture_logs, which cached loggers would ignore.
        structlog.configure(
            wrapper_class=structlog.make_filtering_bound_logger(logging.NOTSET),
            cache_logger_on_first_use=False,
        )

    def report(self) -> str:
        c = self.counters
        return (
            f"secret watch: {c.tests} tests, {c.log_lines} log lines, {c.outbound} outbound "
            f"calls, {c.database_scans} database scans, {c.files} log files, "
            f"{len(self.tokens)} tokens, {c.seconds:.2f} s scanning"
        )


@functools.cache
def leak_query(
    dialect: str, secrets: tuple[str, ...], existing: frozenset[str] | None
) -> TextClause | None:
    """`SELECT 'table.column', column FROM table WHERE <column contains a secret>` for every
    text column, as one UNION ALL (SQLite and PostgreSQL)."""
    if not secrets:
        return None
    find = (
        "instr({column}, :{name}) > 0" if dialect == "sqlite" else "strpos({column}, :{name}) > 0"
    )
    parts = []
    for table in Base.metadata.sorted_tables:
        if existing is not None and table.name not in existing:
            continue
        for column in table.columns:
            if not isinstance(column.type, String):
                continue
            quoted = f'"{column.name}"'
            where = " OR ".join(
                find.format(column=quoted, name=f"s{index}") for index in range(len(secrets))
            )
            label = f"{table.name}.{column.name}"
            parts.append(
                f"SELECT '{label}' AS place, CAST({quoted} AS TEXT) AS value "
                f'FROM "{table.name}" WHERE {where}'
            )
    return text(" UNION ALL ".join(parts)) if parts else None


def strings_of(value: Any, depth: int = 0) -> Iterator[str]:
    """Every string inside an outbound payload (aiogram method, emulator call record)."""
    if depth > 12:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, bytes | bytearray):
        yield bytes(value).decode("latin-1")
    elif isinstance(value, BufferedInputFile):
        yield value.data.decode("latin-1")
        yield value.filename or ""
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from strings_of(getattr(value, name, None), depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from strings_of(item, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from strings_of(item, depth + 1)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from strings_of(getattr(value, name), depth + 1)


WATCH = SecretWatch()


class WatchedCalls(list[Any]):
    """A RecordingSession's `calls`: every append is also shown to the watcher (tests clear
    `calls` between steps, the watcher keeps its own reference)."""

    def append(self, item: Any) -> None:
        method = getattr(item, "method", item)  # ScriptedSession records Call(method, at)
        WATCH.record_outbound(f"outbound {type(method).__name__}", item)
        super().append(item)


def _wrap(cls: type, name: str, after: Callable[..., None]) -> None:
    original = getattr(cls, name)
    if getattr(original, "__secret_watch__", False):
        return

    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        result = original(self, *args, **kwargs)
        after(self, result)
        return result

    wrapper.__secret_watch__ = True  # type: ignore[attr-defined]
    setattr(cls, name, wrapper)


def _watch_recording_sessions() -> None:
    """The dispatcher-level RecordingSession and the outbound tests' ScriptedSession."""
    from bot.devtools.recording_session import RecordingSession  # noqa: PLC0415
    from tests.support.transport import ScriptedSession  # noqa: PLC0415

    def after_init(session: Any, _result: None) -> None:
        session.calls = WatchedCalls(session.calls)

    _wrap(RecordingSession, "__init__", after_init)
    _wrap(ScriptedSession, "__init__", after_init)


def _watch_emulators() -> None:
    from bot.emulator.calls import CallLog  # noqa: PLC0415
    from bot.emulator.server import Emulator  # noqa: PLC0415

    _wrap(
        CallLog, "start", lambda _log, call: WATCH.record_outbound(f"emulator {call.method}", call)
    )
    _wrap(Emulator, "__init__", lambda emulator, _result: WATCH.register_token(emulator.token))
    Emulator()  # the default emulator's token, registered by the wrapper above


def known_tokens() -> Iterable[str]:
    for module, name in TOKEN_SOURCES:
        yield str(getattr(importlib.import_module(module), name))


def pytest_configure(config: pytest.Config) -> None:
    WATCH.active = True
    for token in known_tokens():
        WATCH.register_token(token)
    _watch_recording_sessions()
    _watch_emulators()
    WATCH.ensure_logging()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    WATCH.begin()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, Any, None]:
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    if report.when == "setup" and not report.passed:
        return
    WATCH.collect()
    if report.when == "teardown":
        WATCH.collect_files()
    if not WATCH.leaks:
        return
    message = "the bot token leaked:\n" + "\n".join(
        f"  - {leak.describe()}" for leak in WATCH.leaks
    )
    WATCH.leaks.clear()
    if report.passed:
        report.outcome = "failed"
        report.longrepr = message
    else:
        report.sections.append(("secret watch", message))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    terminalreporter.write_line(WATCH.report())
