"""Making a giveaway from the dashboard, as the guided /giveaway does: the prize, the number of
winners, the end (1 h, 1 day, 20:00 or anything the one-line form reads) and the rules, each
read by the guided flow's own readers (bot/domain/giveaway_flow.py) into its plan, previewed as
a draft of the plan's one-line arguments, then Send on that draft, through GiveawayService and
DraftService exactly as the preview's Send button in chat (contract: api.py)."""

from __future__ import annotations

from dataclasses import replace

from aiohttp import web

from bot.dashboard.frame import (
    ApiError,
    authorize,
    json_body,
    json_response,
    login_of,
    plain,
    services_of,
    texts_of,
)
from bot.dashboard.giveaways import giveaway_json
from bot.dashboard.routes import group_id, number_in
from bot.db.drafts import StoredDraft
from bot.domain.giveaway import CreateError
from bot.domain.giveaway_flow import (
    GiveawayPlan,
    QuickEnd,
    StepError,
    quick_end,
    read_channel,
    read_comments,
    read_end,
    read_joined_day,
    read_prize,
    read_winners,
)
from bot.i18n import Texts
from bot.services.drafts import DraftKind, DraftService, Refused
from bot.services.giveaways import CheckedGiveaway, GiveawayService
from bot.services.giveaways_render import rule_lines
from handlers.giveaway_flow import step_error_text
from handlers.giveaways import GIVEAWAY, GIVEAWAY_DRAFT, create_error_text

DASHBOARD_SOURCE = "dashboard"


def add_routes(router: web.UrlDispatcher) -> None:
    base = "/api/groups/{chat_id}/giveaways"
    router.add_post(base + "/preview", preview)
    router.add_post(base + "/drafts/{number}/send", send)


def _giveaways(request: web.Request) -> GiveawayService:
    return services_of(request).feature("giveaways", GiveawayService)


def _drafts(request: web.Request) -> DraftService:
    return services_of(request).feature("drafts", DraftService)


async def preview(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    authorized = await authorize(request, chat_id, GIVEAWAY)
    texts = texts_of(request)
    giveaways = _giveaways(request)
    try:
        plan = await _plan(request, giveaways, chat_id)
    except StepError as error:
        raise ApiError(400, "giveaway-step", said=step_error_text(texts, error)) from None
    arguments = plan.arguments()
    now = services_of(request).now()
    try:
        checked = await giveaways.check(chat_id, arguments, now)
    except CreateError as error:
        said = create_error_text(texts, error.code, error.detail)
        raise ApiError(400, "giveaway-input", said=said) from None
    draft = await _drafts(request).open(
        DraftKind.GIVEAWAY,
        chat_id,
        authorized.actor.user_id,
        arguments=arguments,
        locale=texts.locale,
        now=now,
        source=DASHBOARD_SOURCE,
    )
    return json_response(
        {
            "draft": draft.id,
            "expires_at": draft.expires_at.isoformat(),
            "preview": _shown(texts, checked),
        }
    )


async def _plan(request: web.Request, giveaways: GiveawayService, chat_id: int) -> GiveawayPlan:
    """The guided flow's plan from the form: every answer read as the flow reads it when typed
    (raises StepError with the flow's own codes)."""
    body = await json_body(request)
    now = services_of(request).now()
    timezone = await giveaways.timezone(chat_id)
    typed_end = _text(body.get("end"))
    quick = next((choice for choice in QuickEnd if choice.value == typed_end), None)
    end = quick_end(quick, now, timezone) if quick else read_end(typed_end, now, timezone)
    plan = GiveawayPlan(
        prize=read_prize(_text(body.get("prize"))),
        winners=read_winners(_text(body.get("winners"))),
        member=body.get("member") is True,
        staff_excluded=body.get("staff_excluded", True) is not False,
    ).with_end(end)
    if body.get("joined") is True:
        typed_day = _text(body.get("joined_day"))
        day = read_joined_day(typed_day, now, timezone).isoformat() if typed_day else None
        plan = replace(plan, joined=True, joined_day=day)
    typed_comments = _text(body.get("comments"))
    if typed_comments:
        count, days = read_comments(typed_comments)
        plan = replace(plan, min_comments=count, comment_days=days)
    typed_channel = _text(body.get("channel"))
    if typed_channel:
        channel = read_channel(typed_channel)
        problem = await giveaways.channel_problem(channel)
        if problem is not None:
            raise StepError(problem, channel)
        plan = replace(plan, channel=channel)
    return plan


def _text(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return " ".join(value.split()) if isinstance(value, str) else ""


def _shown(texts: Texts, checked: CheckedGiveaway) -> dict[str, object]:
    draft = checked.draft
    return {
        "prize": draft.prize,
        "winners": draft.winner_count,
        "ends_at": draft.ends_at.isoformat(),
        "rules": [plain(line) for line in rule_lines(texts, checked.rules)],
        "timezone": checked.timezone,
    }


async def send(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    draft_id = number_in(request)
    authorized = await authorize(request, chat_id, GIVEAWAY_DRAFT)
    draft = await _claimable(request, chat_id, draft_id)
    texts = texts_of(request)
    try:
        record = await _giveaways(request).send_draft(
            draft, authorized.actor, services_of(request).now()
        )
    except CreateError as error:
        said = create_error_text(texts, error.code, error.detail)
        raise ApiError(400, "giveaway-input", said=said) from None
    if record is None:
        raise ApiError(409, f"draft-refused-{Refused.DONE.value}")
    return json_response({"giveaway": giveaway_json(texts, record, 0)})


async def _claimable(request: web.Request, chat_id: int, draft_id: int) -> StoredDraft:
    """The caller's own pending giveaway draft in this group, as a Send tap may take it."""
    found = await _drafts(request).for_tap(
        draft_id, chat_id, login_of(request).user_id, services_of(request).now()
    )
    if isinstance(found, Refused):
        raise ApiError(409, f"draft-refused-{found.value}")
    if found.kind != DraftKind.GIVEAWAY.value:
        raise ApiError(409, f"draft-refused-{Refused.GONE.value}")
    return found
