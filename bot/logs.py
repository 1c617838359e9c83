"""structlog set-up: key-value events, console or JSON, and the token scrubbed from every line."""

from __future__ import annotations

import logging
import sys
from typing import Any

import structlog

from bot.redact import redact, redact_processor


def scrub(text: str) -> str:
    """Remove anything shaped like a bot token (for text built before the token is known)."""
    return redact(text, "")


class _ScrubbingFormatter(logging.Formatter):
    def __init__(self, fmt: str, token: str) -> None:
        super().__init__(fmt)
        self.token = token

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self.token)


def configure_logging(level: str = "INFO", fmt: str = "console", token: str = "") -> None:
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
        redact_processor(token),
    ]
    structlog.configure(
        processors=[*shared, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        _ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", token)
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # aiogram logs one INFO line per update; on the ingest path that costs more than the handler.
    logging.getLogger("aiogram.event").setLevel(max(logging.WARNING, root.level))
    # APScheduler logs every wake-up (the lease heartbeat: twice every 10 s); our clock logs runs.
    logging.getLogger("apscheduler").setLevel(max(logging.WARNING, root.level))
