"""Settings, read from the environment and `.env` once, in main()."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.i18n import LOCALES

TOKEN_PATTERN = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{20,}$")
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/fanpulse.sqlite3"


class Mode(StrEnum):
    POLLING = "polling"
    WEBHOOK = "webhook"


class LogFormat(StrEnum):
    CONSOLE = "console"
    JSON = "json"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    bot_token: SecretStr | None = None
    database_url: str = DEFAULT_DATABASE_URL
    telegram_api_base: str | None = None
    mode: Mode = Mode.POLLING

    webhook_url: str | None = None
    webhook_host: str = "0.0.0.0"  # noqa: S104 - a webhook server listens on all interfaces
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    webhook_path: str = "/telegram/webhook"
    webhook_secret: SecretStr | None = None

    # The operators' dashboard (bot/dashboard/): its public https base, e.g.
    # https://bot.example.com/app/ (unset: no dashboard buttons, and no dashboard server in
    # polling mode); where polling mode serves it; how old a Mini App login may be; and the Mini
    # App's short name from BotFather's /newapp, for t.me links from groups.
    dashboard_url: str | None = None
    dashboard_host: str = "127.0.0.1"
    dashboard_port: int = Field(default=8081, ge=1, le=65535)
    dashboard_login_max_age: int = Field(default=86400, ge=60, le=7 * 86400)
    miniapp_short_name: str | None = None

    redis_url: str | None = None
    default_timezone: str = "UTC"
    default_language: str = "en"
    operator_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)

    log_level: str = "INFO"
    log_format: LogFormat = LogFormat.CONSOLE

    polling_timeout: int = Field(default=25, ge=0, le=50)
    polling_limit: int = Field(default=100, ge=1, le=100)

    # Log the event loop's lag (`loop.lag`, bot/telegram/loop_lag.py) every this many seconds;
    # 0 turns the monitor off.
    loop_lag_log_seconds: float = Field(default=0, ge=0, le=3600)

    # An uploaded file (video numbers, a history export) is read in a worker process killed
    # after this many seconds (bot/services/bounded_parse.py): no file may hold the bot longer.
    upload_parse_seconds: float = Field(default=30, gt=0, le=600)

    # A scheduled run (digest, poll close, draw) missed while the bot was down still happens at
    # start-up if it is at most this old; older ones are recorded as missed, never sent late.
    scheduler_catch_up_minutes: int = Field(default=60, ge=0, le=720)
    # With several instances only the holder of the scheduler lease (a database row) runs the
    # clock; every instance renews or tries to take it each heartbeat, so a dead holder's jobs
    # move to another instance within lease + heartbeat seconds.
    scheduler_lease_seconds: float = Field(default=30, ge=1, le=600)
    scheduler_heartbeat_seconds: float = Field(default=10, gt=0, le=300)

    # Re-tagging the stored history (bot/services/retag.py): comments per batch (one short
    # transaction each), the pause between batches that leaves the writer to ingest, and how
    # often the progress message may be edited (Telegram limits edits too).
    # Charts are drawn in this many worker processes (bot/services/chart_pool.py).
    chart_workers: int = Field(default=1, ge=1, le=8)

    retag_batch_size: int = Field(default=500, ge=1, le=500)
    retag_pause_seconds: float = Field(default=0.01, ge=0, le=60)
    retag_progress_seconds: float = Field(default=5, ge=0, le=600)

    # Giveaways: an optional drand-style public randomness beacon mixed into every draw (the
    # round is pinned at creation). Without genesis time and period the bot asks {url}/info.
    giveaway_beacon_url: str | None = None
    giveaway_beacon_genesis_time: int | None = Field(default=None, ge=0)
    giveaway_beacon_period: int | None = Field(default=None, ge=1)

    @field_validator("bot_token", mode="before")
    @classmethod
    def _token_shape(cls, value: object) -> object:
        if value in (None, ""):
            return None
        if not isinstance(value, str) or not TOKEN_PATTERN.fullmatch(value.strip()):
            # Never echo the value: it may be a real token with a typo.
            raise ValueError("is not a Telegram bot token (expected '<digits>:<secret>')")
        return value.strip()

    @field_validator("operator_ids", mode="before")
    @classmethod
    def _comma_separated_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("giveaway_beacon_genesis_time", "giveaway_beacon_period", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("database_url")
    @classmethod
    def _database_url_shape(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("must start with sqlite+aiosqlite:// or postgresql+asyncpg://")
        return value

    @field_validator("dashboard_url")
    @classmethod
    def _dashboard_base(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        assert value is not None
        if not re.fullmatch(r"https?://[^\s/]+(/\S*)?", value):
            raise ValueError("must be an https:// URL (http:// only for local tests)")
        return value if value.endswith("/") else f"{value}/"

    @field_validator("miniapp_short_name")
    @classmethod
    def _short_name(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        assert value is not None
        if not re.fullmatch(r"[A-Za-z0-9_]{3,30}", value):
            raise ValueError(
                "must be the Mini App's short name from BotFather (3-30 of A-Z a-z 0-9 _)"
            )
        return value

    @field_validator("telegram_api_base", "webhook_url", "giveaway_beacon_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        assert value is not None
        if not re.fullmatch(r"https?://[^\s/]+(/\S*)?", value):
            raise ValueError("must be an http:// or https:// URL")
        return value.rstrip("/")

    @field_validator("redis_url")
    @classmethod
    def _redis_url(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        assert value is not None
        if not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must start with redis://, rediss:// or unix://")
        return value

    @field_validator("default_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown timezone {value!r}") from None
        return value

    @field_validator("default_language")
    @classmethod
    def _supported_language(cls, value: str) -> str:
        if value not in LOCALES:
            raise ValueError("must be 'en', 'zh' or 'zh-Hant'")
        return value

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        level = value.upper()
        if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
            raise ValueError("must be DEBUG, INFO, WARNING or ERROR")
        return level

    @field_validator("webhook_path")
    @classmethod
    def _webhook_path(cls, value: str) -> str:
        return value if value.startswith("/") else f"/{value}"

    @model_validator(mode="after")
    def _heartbeat_inside_lease(self) -> Settings:
        if self.scheduler_heartbeat_seconds >= self.scheduler_lease_seconds:
            raise ValueError(
                "SCHEDULER_HEARTBEAT_SECONDS must be shorter than SCHEDULER_LEASE_SECONDS"
                " (the holder must renew before its lease expires)"
            )
        return self

    @model_validator(mode="after")
    def _webhook_needs_url_and_secret(self) -> Settings:
        if self.mode is Mode.WEBHOOK:
            if not self.webhook_url:
                raise ValueError("MODE=webhook needs WEBHOOK_URL")
            secret = self.webhook_secret.get_secret_value() if self.webhook_secret else ""
            if not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", secret):
                raise ValueError(
                    "MODE=webhook needs WEBHOOK_SECRET: 16-256 characters of A-Z a-z 0-9 _ -"
                )
        return self

    @property
    def token(self) -> str:
        if self.bot_token is None:
            raise RuntimeError("BOT_TOKEN is not set")
        return self.bot_token.get_secret_value()


class SettingsError(Exception):
    """Settings could not be loaded; the message is one line, safe to print."""


def load_settings(**overrides: object) -> Settings:
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        problems = []
        for item in error.errors():
            field = ".".join(str(part) for part in item["loc"]).upper() or "settings"
            message = str(item["msg"]).removeprefix("Value error, ")
            problems.append(f"{field}: {message}")
        raise SettingsError("; ".join(problems)) from None
