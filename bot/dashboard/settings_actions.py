"""Changing a group's settings from the dashboard, each through the service of its command and
audited there: the digest's time and days (/digest_time, the /settings panel) and the caller's
own subscription (/digest_subscribe, /digest_unsubscribe), retention (/retention), the group's
tags (/tag_new, /tag_delete) with applying a tag to the stored history (the retag offer's
button), and roles (/grant, /revoke). What chat asks first (a shorter retention that erases,
deleting a tag, revoking) is the same confirmed action (bot/services/undo.py) answered Yes at
once: the screen has asked in Telegram's own popup (contract: api.py)."""

from __future__ import annotations

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
from bot.dashboard.routes import group_id, number_in
from bot.dashboard.settings import settings_document
from bot.domain.roles import parse_grantable_role
from bot.domain.tag_set import TagSetError, resolve_tag
from bot.services.authority import Authorized
from bot.services.digest_delivery import DigestSubscriptions, parse_local_time
from bot.services.retag import Outcome, Retagger, tag_reason
from bot.services.retention import RetentionService, parse_retention
from bot.services.roles import NoSubject, Roles, Typed
from bot.services.tags import TagService
from bot.services.undo import Payload, Status
from bot.telegram.personal_menus import PersonalMenus
from handlers.confirm import RETENTION as RETENTION_KIND
from handlers.confirm import ROLE_REVOKE, TAG_DELETE, Confirmations
from handlers.digest import DIGEST_CHAT, DIGEST_SUBSCRIBE, DIGEST_TIME
from handlers.operators import GRANT, REVOKE
from handlers.privacy import RETENTION
from handlers.retag import RETAG
from handlers.tags import TAG_DELETE as TAG_DELETE_COMMAND
from handlers.tags import TAG_NEW, delete_tag_change, new_tag_change, tag_error

TAG_WORDS_MAX = 300


def add_routes(router: web.UrlDispatcher) -> None:
    base = "/api/groups/{chat_id}/settings"
    router.add_post(base + "/digest", digest)
    router.add_post(base + "/retention", retention)
    router.add_post(base + "/tags", tags)
    router.add_post(base + "/retag/{number}", retag)
    router.add_get(base + "/retag/{number}", retag_status)
    router.add_post(base + "/roles", roles)


async def settings_answer(request: web.Request, chat_id: int, **extra: object) -> web.Response:
    return json_response({**await settings_document(request, chat_id), **extra})


async def confirmed_action(
    request: web.Request,
    authorized: Authorized,
    kind: str,
    payload: Payload,
    subject_user_id: int | None = None,
) -> Payload:
    """The action chat asks first, asked and answered Yes in one go (the screen asked)."""
    actions = services_of(request).feature("confirmations", Confirmations).actions
    chat_id, actor = authorized.chat_id, authorized.actor
    action_id = await actions.ask(chat_id, actor, kind, payload, subject_user_id=subject_user_id)
    outcome = await actions.decide(action_id, chat_id, actor, actions.role_of(kind), yes=True)
    if outcome.status is Status.REFUSED and outcome.refusal is not None:
        refusal = outcome.refusal
        refused = ApiError(409, refusal.key)
        refused.args_ = {"title": authorized.title, **refusal.args_}
        raise refused
    if outcome.status is not Status.DONE:
        raise ApiError(409, "confirm-settled")
    return outcome.payload


async def digest(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    body = await json_body(request)
    services = services_of(request)
    subscriptions = services_of(request).feature("digest_subscriptions", DigestSubscriptions)
    now = services.now()
    if "time" in body or "days" in body:
        authorized = await authorize(request, chat_id, DIGEST_TIME)
        if "time" in body:
            local = parse_local_time(str(body.get("time") or ""))
            if local is None:
                raise ApiError(400, "dashboard-bad-digest-time")
            await subscriptions.set_time(chat_id, authorized.actor, local, now)
        if "days" in body:
            days = body.get("days")
            if (
                not isinstance(days, list)
                or not days
                or not all(type(day) is int and 0 <= day <= 6 for day in days)
            ):
                raise ApiError(400, "settings-days-none")
            await subscriptions.set_days(chat_id, authorized.actor, frozenset(days), now)
    if "chat" in body:
        authorized = await authorize(request, chat_id, DIGEST_CHAT)
        target = body.get("chat")
        if target is None:
            await subscriptions.stop_sending_to_chat(chat_id, authorized.actor, now)
        elif type(target) is not int or target == chat_id:
            raise ApiError(400, "digest-chat-usage")
        elif not await subscriptions.send_to_chat(chat_id, authorized.actor, target, now):
            raise ApiError(400, "digest-chat-refused")
    if "subscribed" in body:
        await authorize(request, chat_id, DIGEST_SUBSCRIBE)
        user_id = login_of(request).user_id
        if body.get("subscribed") is True:
            await subscriptions.subscribe(chat_id, user_id, now)
        else:
            await subscriptions.unsubscribe(chat_id, user_id)
    return await settings_answer(request, chat_id)


async def retention(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    authorized = await authorize(request, chat_id, RETENTION)
    body = await json_body(request)
    parsed = parse_retention(str(body.get("retention") or ""))
    if isinstance(parsed, str):
        raise ApiError(400, "retention-usage")
    service = services_of(request).feature("retention", RetentionService)
    erased = await service.would_erase(chat_id, parsed) if parsed is not None else 0
    if erased:
        # Shorter than what is stored: the purge erases text, as /retention asks first.
        if body.get("confirmed") is not True:
            raise ApiError(
                409, "confirm-retention", title=authorized.title, days=parsed or 0, count=erased
            )
        await confirmed_action(
            request, authorized, RETENTION_KIND, {"days": parsed, "count": erased}
        )
    else:
        await service.set(chat_id, authorized.actor, parsed)
    return await settings_answer(request, chat_id)


async def tags(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    body = await json_body(request)
    action = body.get("action")
    typed = " ".join(str(body.get("tag") or "").split())
    words = " ".join(str(body.get("terms") or "").split())
    if action not in ("add", "remove"):
        raise ApiError(400, "dashboard-bad-action", allowed="add, remove")
    if not typed or " " in typed or len(typed) + len(words) > TAG_WORDS_MAX:
        raise ApiError(400, "dashboard-bad-tag")
    service = services_of(request).feature("tags", TagService)
    texts = texts_of(request)
    if action == "add":
        authorized = await authorize(request, chat_id, TAG_NEW)
        change = new_tag_change(typed, words, lambda word: word)
        assert change is not None
        try:
            await service.change(chat_id, authorized.actor, change)
        except TagSetError as error:
            raise ApiError(400, "tags-error", said=tag_error(texts, error)) from None
        # The created tag may be applied to what is stored, as the chat's offer button does.
        run = (
            await services_of(request)
            .feature("retag", Retagger)
            .offer(chat_id, tag_reason(change.tag), change.tag, texts.locale)
        )
        return await settings_answer(request, chat_id, retag={"run": run, "tag": change.tag})
    authorized = await authorize(request, chat_id, TAG_DELETE_COMMAND)
    tag_set = await service.tag_set(chat_id)
    change = delete_tag_change(
        typed, "", lambda word: resolve_tag(word, tag_set.names, service.aliases)
    )
    assert change is not None and change.deleted is not None
    try:
        change.apply(tag_set)  # refused as deleting would be
    except TagSetError as error:
        raise ApiError(400, "tags-error", said=tag_error(texts, error)) from None
    await confirmed_action(request, authorized, TAG_DELETE, {"tag": change.deleted})
    return await settings_answer(request, chat_id)


async def retag(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    run_id = number_in(request)
    authorized = await authorize(request, chat_id, RETAG)
    outcome = (
        await services_of(request)
        .feature("retag", Retagger)
        .start(
            run_id, chat_id, locale=texts_of(request).locale, requested_by=authorized.actor.user_id
        )
    )
    if outcome is Outcome.UNKNOWN:
        raise ApiError(404, "retag-unknown")
    return await _retag_answer(request, chat_id, run_id, outcome.value)


async def retag_status(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    run_id = number_in(request)
    await authorize(request, chat_id, RETAG)
    return await _retag_answer(request, chat_id, run_id, None)


async def _retag_answer(
    request: web.Request, chat_id: int, run_id: int, outcome: str | None
) -> web.Response:
    run = await services_of(request).feature("retag", Retagger).status(run_id)
    if run is None or run.chat_id != chat_id:
        raise ApiError(404, "retag-unknown")
    return json_response(
        {
            "run": run.id,
            "outcome": outcome,
            "status": run.status.value,
            "tag": run.tag,
            "total": run.total,
            "scanned": run.scanned,
            "tagged": run.tagged,
        }
    )


async def roles(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    body = await json_body(request)
    action = body.get("action")
    service = services_of(request).feature("roles", Roles)
    menus = services_of(request).feature("personal_menus", PersonalMenus)
    if action == "grant":
        authorized = await authorize(request, chat_id, GRANT)
        role = parse_grantable_role(str(body.get("role") or ""))
        who = " ".join(str(body.get("who") or "").split())
        if role is None:
            raise ApiError(400, "grant-usage")
        if not who or " " in who:
            raise ApiError(400, "dashboard-bad-person")
        outcome = await service.grant(chat_id, authorized.actor, Typed(who), role)
        if isinstance(outcome, NoSubject):
            raise ApiError(400, outcome.key, who=outcome.who[:64])
        await menus.refresh(outcome.user_id, changed=True)
        return await settings_answer(request, chat_id)
    if action == "revoke":
        authorized = await authorize(request, chat_id, REVOKE)
        user_id = body.get("user_id")
        if type(user_id) is not int:
            raise ApiError(400, "dashboard-bad-person")
        held = await service.held(chat_id, Typed(str(user_id)))
        if isinstance(held, NoSubject):
            raise ApiError(400, held.key, who=held.who[:64])
        person, held_role = held
        if held_role is None:
            raise ApiError(409, "revoke-nothing", who=person.name, title=authorized.title)
        await confirmed_action(
            request,
            authorized,
            ROLE_REVOKE,
            {"user_id": person.user_id, "name": person.name},
            subject_user_id=person.user_id,
        )
        await menus.refresh(person.user_id, changed=True)
        return await settings_answer(request, chat_id)
    raise ApiError(400, "dashboard-bad-action", allowed="grant, revoke")
