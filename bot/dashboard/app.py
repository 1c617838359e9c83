"""The dashboard's aiohttp sub-application, mounted at /app/ (ARCHITECTURE section 11).

Stateless: every API call carries its own login (Telegram's initData, `login.py`) and is
authorized again, so any instance of the scale-out profile serves any request. This module is
the frame around the API (`api.py`): login, the per-person rate limit, errors as localized JSON,
security headers on everything, and the static screens in `static/` (owned by the screens, not
by this code).
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import structlog
from aiohttp import web

from bot.dashboard import (
    api,
    charts,
    giveaway_creation,
    giveaways,
    inbox,
    poll_creation,
    polls,
    screen_texts,
    settings,
    settings_actions,
    tag_edits,
    video_import,
    videos,
)
from bot.dashboard.frame import (
    LOGIN,
    SERVICES,
    TEXTS,
    ApiError,
    DashboardServices,
    json_response,
    plain,
    services_of,
)
from bot.dashboard.in_flight import RETRY_AFTER_SECONDS
from bot.dashboard.limits import retry_after_header
from bot.dashboard.login import LoginRefusal, read_login
from bot.i18n import Locale, Texts, locale_of

log = structlog.get_logger(__name__)

PREFIX = "/app"
API = "/api"
INDEX = "index.html"
# index.html names its scripts and styles under `v/__VERSION__/`, replaced by a digest of the
# static files: the other files can then be cached for a year and still change on a deploy. A
# path rather than a query, because the ES modules import each other by relative paths, which
# keep the version directory and drop a query.
VERSION_MARK = "__VERSION__"
VERSIONED = re.compile(r"^v/[^/]+/")
TELEGRAM_SDK = "https://telegram.org/js/telegram-web-app.js"
# Telegram's web clients frame a Mini App; the mobile and desktop apps show it in a web view.
TELEGRAM_WEB_CLIENTS = (
    "https://web.telegram.org",
    "https://webk.telegram.org",
    "https://webz.telegram.org",
)
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        f"script-src 'self' {TELEGRAM_SDK}",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        f"frame-ancestors {' '.join(TELEGRAM_WEB_CLIENTS)}",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
STATIC_CACHE = "public, max-age=31536000, immutable"
INDEX_CACHE = "no-cache"
MAX_INIT_DATA = 4096  # Telegram's are under 1 KB

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as error:
        error.headers.update(SECURITY_HEADERS)
        raise
    response.headers.update(SECURITY_HEADERS)
    return response


@web.middleware
async def api_frame(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Login, rate limit and errors for /api/ calls; static files pass straight through."""
    if not request.path.startswith(PREFIX + API + "/"):
        return await handler(request)
    services = services_of(request)
    texts = services.translator.bind(_header_locale(request, services.default_locale))
    request[TEXTS] = texts
    if not await services.in_flight.enter():
        response = _error(texts, 503, "dashboard-busy")
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    try:
        return await _framed(request, handler, services, texts)
    finally:
        services.in_flight.leave()


async def _framed(
    request: web.Request, handler: Handler, services: DashboardServices, texts: Texts
) -> web.StreamResponse:
    try:
        header = request.headers.get("Authorization")
        if header is not None and len(header) > MAX_INIT_DATA:
            raise ApiError(401, LoginRefusal.INVALID.value)
        login = read_login(
            header, token=services.token, now=services.now(), max_age=services.login_max_age
        )
        if isinstance(login, LoginRefusal):
            raise ApiError(401, login.value)
        request[LOGIN] = login
        wait = await services.limiter.take(login.user_id)
        if wait > 0:
            response = _error(texts, 429, "dashboard-rate-limited")
            response.headers["Retry-After"] = retry_after_header(wait)
            return response
        locale = await services.languages.of_person(login.user_id, login.language_code)
        request[TEXTS] = texts = services.translator.bind(locale)
        return await handler(request)
    except ApiError as error:
        if error.said is not None:
            body = {"error": error.key, "message": plain(error.said)}
            return json_response(body, status=error.status)
        return _error(texts, error.status, error.key, **error.args_)
    except web.HTTPNotFound:
        return _error(texts, 404, "dashboard-not-found")
    except web.HTTPMethodNotAllowed:
        return _error(texts, 405, "dashboard-not-found")
    except web.HTTPException:
        raise
    except Exception as error:  # a bug must not leak a traceback (or initData) to the client
        log.exception("dashboard.api_failed", path=request.path, error=type(error).__name__)
        return _error(texts, 500, "dashboard-failed")


def _error(texts: Texts, status: int, key: str, **args: Any) -> web.Response:
    return json_response({"error": key, "message": plain(texts(key, **args))}, status=status)


def _header_locale(request: web.Request, default: Locale) -> Locale:
    """Before the login is read, the browser's language is all there is to go by."""
    first = request.headers.get("Accept-Language", "").split(",")[0].split(";")[0]
    return locale_of(first) or default


class StaticFiles:
    """The screens' files: index.html never cached stale, everything else for a year."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory.resolve()
        self._version = _digest(self._directory)

    async def index(self, _request: web.Request) -> web.StreamResponse:
        path = self._directory / INDEX
        if not path.is_file():
            raise web.HTTPNotFound()
        body = path.read_text(encoding="utf-8").replace(VERSION_MARK, self._version)
        return web.Response(
            text=body, content_type="text/html", headers={"Cache-Control": INDEX_CACHE}
        )

    async def file(self, request: web.Request) -> web.StreamResponse:
        name = VERSIONED.sub("", request.match_info["name"], count=1)
        if name == INDEX:
            return await self.index(request)
        path = (self._directory / name).resolve()
        if not path.is_relative_to(self._directory) or not path.is_file():
            raise web.HTTPNotFound()
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return web.FileResponse(
            path, headers={"Cache-Control": STATIC_CACHE, "Content-Type": content_type}
        )


def _digest(directory: Path) -> str:
    digest = hashlib.sha256()
    if directory.is_dir():
        for path in sorted(directory.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(directory).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def dashboard_application(services: DashboardServices) -> web.Application:
    """The sub-application; mount it with `mount_dashboard` (its routes assume PREFIX)."""
    app = web.Application(middlewares=[security_headers, api_frame])
    app[SERVICES] = services
    api.add_routes(app.router)
    charts.add_routes(app.router)
    inbox.add_routes(app.router)
    polls.add_routes(app.router)
    poll_creation.add_routes(app.router)
    giveaways.add_routes(app.router)
    giveaway_creation.add_routes(app.router)
    # Before videos' /videos/{number}, which would take `template` for a number.
    video_import.add_routes(app.router)
    videos.add_routes(app.router)
    settings.add_routes(app.router)
    settings_actions.add_routes(app.router)
    tag_edits.add_routes(app.router)
    app.router.add_get(screen_texts.ROUTE, screen_texts.screen_texts)
    files = StaticFiles(services.static_dir)
    app.router.add_get("/", files.index)
    app.router.add_get("/{name:.+}", files.file)
    return app


def mount_dashboard(root: web.Application, services: DashboardServices) -> None:
    """/app/ on `root`, beside whatever else it serves (the webhook, /healthz)."""
    root.add_subapp(PREFIX, dashboard_application(services))


def standalone_application(services: DashboardServices) -> web.Application:
    """Polling mode has no webhook server: the dashboard gets one of its own."""
    root = web.Application()
    mount_dashboard(root, services)
    root.router.add_get("/healthz", _healthy)
    return root


async def _healthy(_request: web.Request) -> web.Response:
    return web.json_response({"ok": True})
