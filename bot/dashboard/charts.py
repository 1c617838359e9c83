"""The Overview's activity chart as SVG: the digest's own chart code (bot/domain/charts.py
`activity_svg`, drawn in the chart pool's worker) with the digest's words, its text left to the
reader's fonts. Route (contract: api.py):

GET /app/api/groups/{chat_id}/overview/activity.svg?days=7|30|90&scheme=light|dark  (analyst)

A drawing costs a worker about 0.2 s, so each instance keeps the latest ones by what they
show (the days' numbers, the words, the scheme): an unchanged group is drawn once.
"""

from __future__ import annotations

from collections import OrderedDict

from aiohttp import web

from bot.dashboard.frame import API_CACHE, ApiError, authorize, services_of, texts_of
from bot.dashboard.routes import READ, group_id
from bot.domain.chart_data import DayActivity, DigestLabels
from bot.services.chart_pool import ChartPool
from bot.services.overview import PERIODS

SCHEMES = ("light", "dark")
KEPT = 256  # drawings of 10-50 KB each


class ActivityCharts:
    def __init__(self) -> None:
        self._drawn: OrderedDict[tuple[object, ...], bytes] = OrderedDict()

    async def activity(self, request: web.Request) -> web.Response:
        chat_id = group_id(request)
        days = _choice(request, "days", tuple(map(str, PERIODS)), "7", "dashboard-bad-days")
        scheme = _choice(request, "scheme", SCHEMES, "light", "dashboard-bad-scheme")
        await authorize(request, chat_id, READ)
        services = services_of(request)
        overview = await services.overviews.of(chat_id, int(days), services.now())
        texts = texts_of(request)
        activity = tuple(DayActivity(d.day, d.messages, d.active_fans) for d in overview.daily)
        labels = DigestLabels(
            title="",
            activity="",
            messages=texts.plain("digest-chart-messages"),
            active_fans=texts.plain("digest-chart-active-fans"),
            feedback="",
            no_feedback="",
        )
        key = (activity, labels, scheme)
        drawn = self._drawn.get(key)
        if drawn is None:
            charts = services.feature("charts", ChartPool)
            drawn = await charts.render("activity_svg", activity, labels, dark=scheme == "dark")
            self._drawn[key] = drawn
            if len(self._drawn) > KEPT:
                self._drawn.popitem(last=False)
        else:
            self._drawn.move_to_end(key)
        return web.Response(
            body=drawn,
            content_type="image/svg+xml",
            charset="utf-8",
            headers={"Cache-Control": API_CACHE},
        )


def _choice(
    request: web.Request, name: str, allowed: tuple[str, ...], default: str, error: str
) -> str:
    value = request.query.get(name, default)
    if value not in allowed:
        raise ApiError(400, error, allowed=", ".join(allowed))
    return value


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/api/groups/{chat_id}/overview/activity.svg", ActivityCharts().activity)
