"""What every dashboard API handler shares: the services, the caller's login and language,
per-group authorization, and JSON answers (errors as localized JSON, fans' texts inert)."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar, cast

from aiogram import Dispatcher
from aiohttp import web

from bot.config import Settings
from bot.dashboard.in_flight import InFlight
from bot.dashboard.limits import RateLimit, UserRateLimit
from bot.dashboard.login import Login
from bot.domain.roles import OperatorCommand
from bot.i18n import Html, Locale, Texts, Translator
from bot.services.authority import Authority, Authorized, Pressed, Refusal
from bot.services.clock import Clock
from bot.services.console import Console
from bot.services.languages import Languages
from bot.services.overview import Overviews

FeatureService = TypeVar("FeatureService")
STATIC_DIR = Path(__file__).parent / "static"
API_CACHE = "no-store"

# Characters a JSON string carries escaped, so that a fan's text stays inert even where a
# careless reader pastes the body into HTML, and bidi controls cannot reorder what an operator
# reads in a raw view. JSON.parse gives the very same string back.
_INERT = re.compile("[<>&\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def inert_json(document: object) -> str:
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return _INERT.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def json_response(document: object, status: int = 200) -> web.Response:
    return web.Response(
        text=inert_json(document),
        status=status,
        content_type="application/json",
        headers={"Cache-Control": API_CACHE},
    )


def plain(text: Html | str) -> str:
    """A Fluent message (HTML for chat) as plain text for JSON."""
    return html.unescape(re.sub(r"<[^>]+>", "", str(text)))


class ApiError(Exception):
    """Answered as `{"error": key, "message": <the key in the reader's language>}`; `said` is
    the message already rendered (a reason the chat commands give in the same words)."""

    def __init__(
        self, status: int, key: str, *, said: Html | None = None, **args: str | int
    ) -> None:
        super().__init__(key)
        self.status = status
        self.key = key
        self.said = said
        self.args_ = args


async def json_body(request: web.Request) -> dict[str, object]:
    try:
        body = await request.json()
    except ValueError:
        raise ApiError(400, "dashboard-bad-body") from None
    if not isinstance(body, dict):
        raise ApiError(400, "dashboard-bad-body")
    return body


@dataclass(frozen=True, slots=True)
class DashboardServices:
    """One of each per process, as the handlers get them (handlers/__init__.py `wire`)."""

    token: str
    login_max_age: timedelta
    translator: Translator
    default_locale: Locale
    authority: Authority
    console: Console
    languages: Languages
    overviews: Overviews
    clock: Clock
    limiter: RateLimit
    # Every feature's services by name (the dispatcher's workflow data), for the actions.
    features: Mapping[str, object]
    static_dir: Path = STATIC_DIR
    in_flight: InFlight = field(default_factory=InFlight)

    @classmethod
    def from_dispatcher(
        cls, dispatcher: Dispatcher, settings: Settings, limiter: RateLimit | None = None
    ) -> DashboardServices:
        data = dispatcher.workflow_data
        return cls(
            token=settings.token,
            login_max_age=timedelta(seconds=settings.dashboard_login_max_age),
            translator=data["translator"],
            default_locale=cast(Locale, settings.default_language),
            authority=data["authority"],
            console=data["console"],
            languages=data["languages"],
            overviews=data["overviews"],
            clock=data["clock"],
            limiter=limiter or UserRateLimit(),
            features=data,
        )

    def now(self) -> datetime:
        return self.clock.now()

    def feature(self, name: str, kind: type[FeatureService]) -> FeatureService:
        """A feature's service as `wire` built it for the handlers."""
        service = self.features[name]
        assert isinstance(service, kind), f"{name} is {type(service).__name__}"
        return service


SERVICES = web.AppKey("dashboard_services", DashboardServices)
LOGIN = web.RequestKey("dashboard_login", Login)
TEXTS = web.RequestKey("dashboard_texts", Texts)


def services_of(request: web.Request) -> DashboardServices:
    return request.app[SERVICES]


def login_of(request: web.Request) -> Login:
    return request[LOGIN]


def texts_of(request: web.Request) -> Texts:
    return request[TEXTS]


async def authorize(request: web.Request, chat_id: int, spec: OperatorCommand) -> Authorized:
    """The caller's authority in `chat_id` now, checked like the command `spec` (a group id in
    a URL is data: this is where it meets the caller's role)."""
    services = services_of(request)
    decision = await services.authority.authorize(
        Pressed(chat_id=chat_id, user_id=login_of(request).user_id, in_private=True), spec
    )
    if isinstance(decision, Refusal):
        refused = ApiError(403, decision.key or "refused-group-inactive")
        refused.args_ = dict(decision.args)
        raise refused
    return decision
