"""Making a poll from the dashboard, as the guided /poll does: the group's topic ideas to pick
options from, a preview (a draft, checked with the guided flow's own checks and turned into the
one-line form's arguments by its `poll_line`), then Send on that draft, through PollService and
DraftService exactly as the preview's Send button in chat (contract: api.py)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.dashboard.frame import (
    ApiError,
    authorize,
    json_body,
    json_response,
    login_of,
    services_of,
    texts_of,
)
from bot.dashboard.polls import poll_json
from bot.dashboard.routes import group_id, number_in
from bot.db.drafts import StoredDraft
from bot.domain.polls import OPTIONS_MIN, PollInputError
from bot.i18n import Html, Texts
from bot.services.drafts import DraftKind, DraftService, Refused
from bot.services.polls import CheckedPoll, PollService
from handlers.poll_flow import TOPICS_SHOWN, add_options, question_problem, times_problem
from handlers.poll_flow_steps import (
    ANONYMOUS,
    CLOSE,
    CORRECT,
    FRESH,
    MULTI,
    OPTIONS,
    QUESTION,
    QUIZ,
    START,
    TOPICS_PERIOD,
    poll_line,
)
from handlers.polls import POLL, POLL_DRAFT, TOPICS_PERIOD_MAX

DASHBOARD_SOURCE = "dashboard"
TIME_LIMIT = 64  # a typed start or close: `2h`, `20:00`, `12/24 18:00`


def add_routes(router: web.UrlDispatcher) -> None:
    base = "/api/groups/{chat_id}/polls"
    router.add_get(base + "/ideas", ideas)
    router.add_post(base + "/preview", preview)
    router.add_post(base + "/drafts/{number}/send", send)


def _polls(request: web.Request) -> PollService:
    return services_of(request).feature("polls", PollService)


def _drafts(request: web.Request) -> DraftService:
    return services_of(request).feature("drafts", DraftService)


async def ideas(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    await authorize(request, chat_id, POLL)
    polls = _polls(request)
    period = await polls.period(
        chat_id, TOPICS_PERIOD, services_of(request).now(), TOPICS_PERIOD_MAX
    )
    found = [] if period is None else await polls.topics(chat_id, period.start, period.end)
    return json_response(
        {"period": TOPICS_PERIOD, "ideas": [idea.label for idea in found[:TOPICS_SHOWN]]}
    )


async def preview(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    authorized = await authorize(request, chat_id, POLL)
    texts = texts_of(request)
    data = await _flow_data(request, chat_id, texts)
    arguments = poll_line(data)
    now = services_of(request).now()
    try:
        checked = await _polls(request).check(chat_id, arguments, now)
    except PollInputError as error:
        raise ApiError(400, "poll-input", said=_input_error(texts, error)) from None
    draft = await _drafts(request).open(
        DraftKind.POLL,
        chat_id,
        authorized.actor.user_id,
        arguments=arguments,
        locale=texts.locale,
        now=now,
        source=DASHBOARD_SOURCE,
    )
    return json_response(
        {"draft": draft.id, "expires_at": draft.expires_at.isoformat(), "preview": _shown(checked)}
    )


async def _flow_data(request: web.Request, chat_id: int, texts: Texts) -> dict[str, Any]:
    """The guided flow's data from the form, each part checked as the flow checks it."""
    body = await json_body(request)
    question = _text(body.get("question"))
    problem = question_problem(texts, question)
    if problem is not None:
        raise ApiError(400, "poll-question", said=problem)
    typed = body.get("options")
    if not isinstance(typed, list) or not all(isinstance(option, str) for option in typed):
        raise ApiError(400, "poll-options", said=texts("flow-poll-error-empty-option"))
    options, problem = add_options(texts, [], [option.strip() for option in typed])
    if problem is not None:
        raise ApiError(400, "poll-options", said=problem)
    if len(options) < OPTIONS_MIN:
        raise ApiError(
            400, "poll-options", said=texts("flow-poll-error-too-few", limit=OPTIONS_MIN)
        )
    quiz = body.get("quiz") is not None
    correct = body.get("quiz")
    if quiz and (type(correct) is not int or not 1 <= correct <= len(options)):
        raise ApiError(400, "poll-quiz", said=texts("dashboard-poll-quiz-correct"))
    data = {
        **FRESH,
        QUESTION: question,
        OPTIONS: options,
        ANONYMOUS: body.get("anonymous", True) is not False,
        MULTI: body.get("multiple") is True,
        QUIZ: quiz,
        CORRECT: correct - 1 if quiz and type(correct) is int else None,
        START: _text(body.get("start"))[:TIME_LIMIT] or None,
        CLOSE: _text(body.get("close"))[:TIME_LIMIT] or None,
    }
    problems = await times_problem(_polls(request), chat_id, data, services_of(request).now())
    if problems:
        raise ApiError(
            400, "poll-times", said=texts.lines([texts(key, **args) for key, args in problems])
        )
    return data


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _input_error(texts: Texts, error: PollInputError) -> Html:
    return texts(f"poll-error-{error.code.value}", **error.args_for_text)


def _shown(checked: CheckedPoll) -> dict[str, object]:
    poll = checked.draft
    correct = set(poll.correct_option_ids)
    return {
        "question": poll.question,
        "options": [
            {"number": number, "label": label, "correct": number - 1 in correct}
            for number, label in enumerate(poll.options, start=1)
        ],
        "kind": "quiz" if correct else "multiple" if poll.allows_multiple else "single",
        "anonymous": poll.is_anonymous,
        "start_at": poll.start_at.isoformat() if poll.start_at else None,
        "close_at": poll.close_at.isoformat() if poll.close_at else None,
        "timezone": checked.timezone,
    }


async def send(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    draft_id = number_in(request)
    authorized = await authorize(request, chat_id, POLL_DRAFT)
    now = services_of(request).now()
    draft = await _claimable(request, chat_id, draft_id)
    polls = _polls(request)
    try:
        created = await polls.send_draft(draft, authorized.actor, now)
    except PollInputError as error:
        raise ApiError(400, "poll-input", said=_input_error(texts_of(request), error)) from None
    if created is None:
        raise ApiError(409, f"draft-refused-{Refused.DONE.value}")
    listed = await polls.listing(chat_id)
    shown = [
        poll_json(line.poll, line.results)
        for line in listed.polls
        if line.poll.id == created.poll.id
    ]
    return json_response({"sending": created.sending.value, "poll": shown[0] if shown else None})


async def _claimable(request: web.Request, chat_id: int, draft_id: int) -> StoredDraft:
    """The caller's own pending poll draft in this group, as a Send tap may take it."""
    found = await _drafts(request).for_tap(
        draft_id, chat_id, login_of(request).user_id, services_of(request).now()
    )
    if isinstance(found, Refused):
        raise ApiError(409, f"draft-refused-{found.value}")
    if found.kind != DraftKind.POLL.value:
        raise ApiError(409, f"draft-refused-{Refused.GONE.value}")
    return found
