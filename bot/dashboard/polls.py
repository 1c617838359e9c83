"""Polls over the API: the list with results, one poll's votes, close, cancel and the CSV
export, through PollService as /polls, /poll_close, /poll_cancel and /poll_export (contract:
api.py). Authority is each command's own declaration."""

from __future__ import annotations

from aiohttp import web

from bot.dashboard.frame import ApiError, authorize, json_response, services_of, texts_of
from bot.dashboard.routes import group_id, number_in
from bot.db.polls import StoredPoll
from bot.domain.polls import PollResults
from bot.services.poll_lifecycle import results_csv
from bot.services.polls import PollService
from handlers.polls import POLL_CANCEL, POLL_CLOSE, POLL_EXPORT, POLLS


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/api/groups/{chat_id}/polls", listing)
    router.add_get("/api/groups/{chat_id}/polls/{number}/export", export)
    router.add_post("/api/groups/{chat_id}/polls/{number}/close", close)
    router.add_post("/api/groups/{chat_id}/polls/{number}/cancel", cancel)


def _polls(request: web.Request) -> PollService:
    return services_of(request).feature("polls", PollService)


def poll_json(poll: StoredPoll, results: PollResults) -> dict[str, object]:
    return {
        "number": poll.id,
        "question": poll.question,
        "status": poll.status.value,
        "anonymous": poll.is_anonymous,
        "multiple": poll.allows_multiple,
        "start_at": poll.start_at.isoformat() if poll.start_at else None,
        "close_at": poll.close_at.isoformat() if poll.close_at else None,
        "sent_at": poll.sent_at.isoformat() if poll.sent_at else None,
        "closed_at": poll.closed_at.isoformat() if poll.closed_at else None,
        "voters": results.voters,
        "options": [
            {
                "number": option.number,
                "label": option.label,
                "votes": option.votes,
                "share": round(option.share, 4),
                "winner": option.is_winner,
                "correct": option.is_correct,
            }
            for option in results.options
        ],
    }


async def listing(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    await authorize(request, chat_id, POLLS)
    found = await _polls(request).listing(chat_id)
    return json_response(
        {
            "timezone": found.timezone,
            "polls": [poll_json(line.poll, line.results) for line in found.polls],
        }
    )


async def export(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    number = number_in(request)
    await authorize(request, chat_id, POLL_EXPORT)
    found = await _polls(request).export(chat_id, number)
    if found is None:
        raise ApiError(404, "poll-not-found", number=number)
    votes = [] if found.poll.is_anonymous else found.votes
    content = results_csv(texts_of(request), found.poll, found.results, votes, found.timezone)
    return web.Response(
        body=content,
        content_type="text/csv",
        charset="utf-8",
        headers={
            "Cache-Control": "no-store",
            "Content-Disposition": f'attachment; filename="poll-{found.poll.id}.csv"',
        },
    )


async def close(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    number = number_in(request)
    authorized = await authorize(request, chat_id, POLL_CLOSE)
    services = services_of(request)
    if not await _polls(request).close(chat_id, authorized.actor, number, services.now()):
        raise ApiError(409, "poll-not-open", number=number)
    return await one_poll(request, chat_id, number)


async def cancel(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    number = number_in(request)
    authorized = await authorize(request, chat_id, POLL_CANCEL)
    services = services_of(request)
    if not await _polls(request).cancel(chat_id, authorized.actor, number, services.now()):
        raise ApiError(409, "poll-not-scheduled", number=number)
    return await one_poll(request, chat_id, number)


async def one_poll(request: web.Request, chat_id: int, number: int) -> web.Response:
    found = await _polls(request).listing(chat_id)
    for line in found.polls:
        if line.poll.id == number:
            return json_response({"poll": poll_json(line.poll, line.results)})
    return json_response({"poll": None})
