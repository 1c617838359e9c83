"""Videos over the API: the registry a page at a time, and one video's report card data (the
numbers /video shows, for the screen's own chart); contract: api.py."""

from __future__ import annotations

from dataclasses import asdict

from aiohttp import web

from bot.dashboard.frame import ApiError, authorize, json_response, services_of, texts_of
from bot.dashboard.routes import group_id, number_in
from bot.domain.video_report import Numbers
from bot.domain.videos import StoredVideo
from bot.services.tags import shown_tag
from bot.services.video_report import VideoReports
from bot.services.videos import VideoRegistry
from handlers.video_report import VIDEO
from handlers.videos import VIDEOS


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/api/groups/{chat_id}/videos", registry)
    router.add_get("/api/groups/{chat_id}/videos/{number}", report)


def video_json(video: StoredVideo, linked: int | None = None) -> dict[str, object]:
    return {
        "number": video.number,
        "code": video.code,
        "title": video.title,
        "platform": video.platform,
        "url": video.url,
        "published_at": video.published_at.isoformat() if video.published_at else None,
        "archived": video.archived_at is not None,
        "linked_comments": linked,
    }


async def registry(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    await authorize(request, chat_id, VIDEOS)
    raw = request.query.get("page", "0")
    if not raw.isdigit():
        raise ApiError(400, "dashboard-bad-number")
    archived = request.query.get("archived") == "1"
    page = (
        await services_of(request)
        .feature("videos", VideoRegistry)
        .page(chat_id, int(raw), archived=archived)
    )
    return json_response(
        {
            "timezone": page.timezone,
            "page": page.page,
            "pages": page.pages,
            "total": page.total,
            "videos": [video_json(v, page.linked.get(v.id, 0)) for v in page.videos],
        }
    )


def _numbers(numbers: Numbers | None) -> dict[str, object] | None:
    if numbers is None:
        return None
    return {**asdict(numbers), "engagement": numbers.engagement}


async def report(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    number = number_in(request)
    await authorize(request, chat_id, VIDEO)
    found = await services_of(request).feature("video_reports", VideoReports).card(chat_id, number)
    if found is None:
        raise ApiError(404, "dashboard-no-video", number=number)
    card, feedback = found.card, found.card.feedback
    texts = texts_of(request)
    return json_response(
        {
            "video": {
                "number": number,
                "code": found.video.code,
                "title": found.video.title,
                "platform": found.video.platform,
            },
            "latest_day": card.latest_day.isoformat() if card.latest_day else None,
            "totals": _numbers(card.totals),
            "change": _numbers(card.change),
            "platforms": [
                {
                    "platform": line.platform,
                    "day": line.day.isoformat(),
                    "numbers": _numbers(line.numbers),
                    "previous_day": line.previous_day.isoformat() if line.previous_day else None,
                    "change": _numbers(line.change),
                }
                for line in card.platforms
            ],
            "feedback": {
                "volume": feedback.volume,
                "sentiment": {
                    "positive": feedback.positive,
                    "neutral": feedback.neutral,
                    "negative": feedback.negative,
                },
                "mood": feedback.mood,
                "tags": [
                    {"tag": tag, "name": shown_tag(texts, tag), "count": count}
                    for tag, count in feedback.top_tags
                ],
                "quotes": list(feedback.quotes),
            },
            "funnel": [
                {
                    "platform": funnel.platform,
                    "plays": funnel.plays,
                    "joins": funnel.joins,
                    "join_rate": funnel.join_rate,
                    "stayed": funnel.stayed,
                    "settled": funnel.settled,
                    "settling": funnel.settling,
                    "wrote": funnel.wrote,
                    "tags": [
                        {"tag": tag, "name": shown_tag(texts, tag), "count": count}
                        for tag, count in funnel.top_tags
                    ],
                }
                for funnel in card.funnels
            ],
        }
    )
