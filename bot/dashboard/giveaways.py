"""Giveaways over the API: the list, a giveaway's entrants with their eligibility, end, cancel,
reroll with a reason, and the transcript, through GiveawayService as the /giveaway_* commands
(contract: api.py). Authority is each command's own declaration."""

from __future__ import annotations

from aiohttp import web

from bot.dashboard.frame import (
    ApiError,
    authorize,
    json_body,
    json_response,
    plain,
    services_of,
    texts_of,
)
from bot.dashboard.routes import group_id, number_in
from bot.db.models import GiveawayRecord
from bot.domain.giveaway import MAX_WINNERS, Rules, parse_reason
from bot.i18n import Texts
from bot.services.giveaway_draw import RerollRefused
from bot.services.giveaways import Eligible, GiveawayService
from bot.services.giveaways_render import reason_text, rule_lines
from handlers.giveaways import GIVEAWAY_CANCEL, GIVEAWAY_END, GIVEAWAY_REROLL, GIVEAWAYS

DEFAULT_ENTRANTS = 100
MAX_ENTRANTS = 500


def add_routes(router: web.UrlDispatcher) -> None:
    base = "/api/groups/{chat_id}/giveaways"
    router.add_get(base, listing)
    router.add_get(base + "/{number}/entrants", entrants)
    router.add_get(base + "/{number}/transcript", transcript)
    router.add_post(base + "/{number}/end", end)
    router.add_post(base + "/{number}/cancel", cancel)
    router.add_post(base + "/{number}/reroll", reroll)


def _giveaways(request: web.Request) -> GiveawayService:
    return services_of(request).feature("giveaways", GiveawayService)


def giveaway_json(texts: Texts, record: GiveawayRecord, entrants: int) -> dict[str, object]:
    return {
        "number": record.id,
        "prize": record.prize,
        "winners": record.winner_count,
        "status": record.status,
        "created_at": record.created_at.isoformat(),
        "ends_at": record.ends_at.isoformat(),
        "drawn_at": record.drawn_at.isoformat() if record.drawn_at else None,
        "entrants": entrants,
        "rules": [plain(line) for line in rule_lines(texts, Rules.from_json(record.rules))],
        "commitment": record.commitment,
        "cancel_reason": record.cancel_reason,
    }


async def listing(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    await authorize(request, chat_id, GIVEAWAYS)
    found = await _giveaways(request).listing(chat_id)
    texts = texts_of(request)
    return json_response(
        {
            "timezone": found.timezone,
            "giveaways": [
                giveaway_json(texts, record, found.entrants.get(record.id, 0))
                for record in found.records
            ],
        }
    )


async def entrants(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    number = number_in(request)
    await authorize(request, chat_id, GIVEAWAYS)
    limit = _bounded(request.query.get("limit"), DEFAULT_ENTRANTS, MAX_ENTRANTS)
    after = request.query.get("after")
    if after is not None and not after.isdigit():
        raise ApiError(400, "dashboard-bad-cursor")
    services = services_of(request)
    page = await _giveaways(request).entrants(
        chat_id, number, int(after) if after else None, limit, services.now()
    )
    if page is None:
        raise ApiError(404, "giveaway-not-open", id=str(number))
    texts = texts_of(request)
    return json_response(
        {
            "giveaway": giveaway_json(texts, page.record, page.total),
            "entrants": [_entrant(texts, entrant) for entrant in page.entrants],
            "after": page.after,
        }
    )


def _entrant(texts: Texts, entrant: Eligible) -> dict[str, object]:
    standing = entrant.standing
    reason = entrant.unmet or (standing.reason if standing else None)
    return {
        "user_id": entrant.user_id,
        "name": " ".join(filter(None, (entrant.first_name, entrant.last_name))),
        "entered_at": entrant.entered_at.isoformat(),
        "eligible": entrant.unmet is None if standing is None else None,
        "standing": standing.standing.value if standing else None,
        "place": standing.place if standing and standing.place else None,
        "reason": reason.code if reason else None,
        "reason_text": reason_text(texts, reason, plain=True) if reason else None,
    }


def _bounded(raw: str | None, default: int, most: int) -> int:
    if raw is None:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= most:
        raise ApiError(400, "dashboard-bad-limit", most=most)
    return int(raw)


async def transcript(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    number = number_in(request)
    await authorize(request, chat_id, GIVEAWAYS)
    record = await _giveaways(request).find(chat_id, number)
    if record is None or record.transcript is None:
        raise ApiError(404, "dashboard-no-transcript", id=str(number))
    # The transcript is the draw's public proof, published as it is (bot/domain/transcript.py).
    return web.Response(
        text=record.transcript,
        content_type="application/json",
        headers={
            "Cache-Control": "no-store",
            "Content-Disposition": f'attachment; filename="giveaway-{number}-transcript.json"',
        },
    )


async def end(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    number = number_in(request)
    authorized = await authorize(request, chat_id, GIVEAWAY_END)
    now = services_of(request).now()
    if not await _giveaways(request).end(chat_id, authorized.actor, number, now):
        raise ApiError(409, "giveaway-not-open", id=str(number))
    return await one_giveaway(request, chat_id, number)


async def cancel(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    number = number_in(request)
    authorized = await authorize(request, chat_id, GIVEAWAY_CANCEL)
    body = await json_body(request)
    reason = parse_reason(str(body.get("reason") or ""))
    if reason is None:
        raise ApiError(400, "dashboard-no-reason")
    now = services_of(request).now()
    if not await _giveaways(request).cancel(chat_id, authorized.actor, number, reason, now):
        raise ApiError(409, "giveaway-not-open", id=str(number))
    return await one_giveaway(request, chat_id, number)


async def reroll(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    number = number_in(request)
    authorized = await authorize(request, chat_id, GIVEAWAY_REROLL)
    body = await json_body(request)
    reason = parse_reason(str(body.get("reason") or ""))
    if reason is None:
        raise ApiError(400, "dashboard-no-reason")
    places = body.get("places")
    if (
        not isinstance(places, list)
        or not 1 <= len(places) <= MAX_WINNERS
        or not all(type(place) is int and place > 0 for place in places)
    ):
        raise ApiError(400, "dashboard-bad-places")
    now = services_of(request).now()
    try:
        outcome = await _giveaways(request).reroll(
            chat_id, authorized.actor, number, ranks=places, reason=reason, now=now
        )
    except RerollRefused as refused:
        raise ApiError(409, "giveaway-reroll-refused", code=refused.code, id=str(number)) from None
    return json_response(
        {
            "giveaway": giveaway_json(texts_of(request), outcome.record, outcome.entrants),
            "winners": [
                {
                    "entrant": person.entrant,
                    "user_id": person.user_id,
                    "name": " ".join(filter(None, (person.first_name, person.last_name))),
                    "place": outcome.place(n),
                }
                for n, person in enumerate(outcome.winners)
            ],
            "replaced": [person.entrant for person in outcome.replaced],
            "digest": outcome.round_digest,
        }
    )


async def one_giveaway(request: web.Request, chat_id: int, number: int) -> web.Response:
    found = await _giveaways(request).listing(chat_id)
    texts = texts_of(request)
    for record in found.records:
        if record.id == number:
            return json_response(
                {"giveaway": giveaway_json(texts, record, found.entrants.get(record.id, 0))}
            )
    return json_response({"giveaway": None})
