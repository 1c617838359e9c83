"""structlog set-up: key-value events, console or JSON, and the token scrubbed from every line."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog

# Any Telegram bot token shape, wherever it appears (URLs in network errors, repr of settings ...).
TOKEN_SHAPE = re.compile(r"\d{3,20}:[A-Za-z0-9_-]{30,}")
REDACTED = "<redacted-token>"


def scrub(value: str) -> str:
    return TOKEN_SHAPE.sub(REDACTED, value)


def _scrub_event(_logger: Any, _name: str, event: MutableMapping[str, Any]) -> Any:
    for key, value in event.items():
        if isinstance(value, str):
            event[key] = scrub(value)
        elif isinstance(value, BaseException):
            event[key] = scrub(f"{type(value).__name__}: {value}")
    return event


class _ScrubbingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def configure_logging(level: str = "INFO", fmt: str = "console") -> None:
    renderer: Any = (
        structlog.processors.JSONRenderer(ensure_ascii=False)
        if fmt == "json"
        else structlog.dev.ConsoleRenderer(colors=sys.stderr.isatty())
    )
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,
        _scrub_event,
    ]
    structlog.configure(
        processors=[*shared, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # aiogram logs one INFO line per update; on the ingest path that costs more than the handler.
    logging.getLogger("aiogram.event").setLevel(max(logging.WARNING, root.level))
