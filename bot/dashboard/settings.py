"""A group's settings over the API: everything the /settings panel shows (with the tags and the
roles), the audit log, and changing the group's language and time zone through the services of
/language and /timezone, audited as theirs (contract: api.py)."""

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
from bot.dashboard.routes import group_id
from bot.domain.tagging import TagRule
from bot.domain.timezones import TimezoneError, parse_timezone
from bot.i18n import Html, Texts, locale_of
from bot.services.audit_log import AuditLog
from bot.services.console import Console
from bot.services.digest_delivery import DigestSubscriptions
from bot.services.group_settings import GroupSettingsReader
from bot.services.languages import Languages
from bot.services.tags import TagService, shown_tag
from bot.services.timezones import GroupTimezones
from handlers.audit_log import AUDIT
from handlers.language import GROUP_LANGUAGE
from handlers.settings import SETTINGS
from handlers.timezone import TIMEZONE

ECHO_LIMIT = 64


def add_routes(router: web.UrlDispatcher) -> None:
    base = "/api/groups/{chat_id}"
    router.add_get(base + "/settings", settings)
    router.add_get(base + "/audit", audit)
    router.add_post(base + "/settings/language", language)
    router.add_post(base + "/settings/timezone", timezone)


async def settings(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    await authorize(request, chat_id, SETTINGS)
    return json_response(await settings_document(request, chat_id))


async def settings_document(request: web.Request, chat_id: int) -> dict[str, object]:
    found = (
        await services_of(request).feature("group_settings", GroupSettingsReader).of_group(chat_id)
    )
    texts = texts_of(request)
    subscribed = await (
        services_of(request)
        .feature("digest_subscriptions", DigestSubscriptions)
        .is_subscribed(chat_id, login_of(request).user_id)
    )
    tag_set = await services_of(request).feature("tags", TagService).tag_set(chat_id)
    # Where the digest may go: the caller's other groups, as /digest_chat typed there offers.
    operated = (
        await services_of(request).feature("console", Console).groups(login_of(request).user_id)
    )
    return {
        "language": found.language,
        "timezone": found.timezone,
        "digest": {
            "time": found.digest_time,
            "days": sorted(found.digest_days),  # 0 = Monday
            "subscribed": subscribed,  # the caller receives it
            "chat": (
                {"id": found.digest_chat_id, "title": found.digest_chat_title}
                if found.digest_chat_id is not None
                else None
            ),
            "chat_choices": [
                {"id": group.chat_id, "title": group.title}
                for group in operated.groups
                if group.chat_id != chat_id
            ],
        },
        "retention_days": found.retention_days,
        "tags": [
            {"tag": rule.tag, "name": shown_tag(texts, rule.tag), "terms": _terms(rule)}
            for rule in tag_set.rules
        ],
        "roles": [
            {"user_id": holder.user_id, "name": holder.name, "role": holder.role}
            for holder in found.holders
        ],
    }


def _terms(rule: TagRule) -> list[str]:
    """The words a tag matches, as /tag_add takes them: hashtags written with '#'."""
    return [*rule.keywords, *(f"#{tag.removeprefix('#')}" for tag in rule.hashtags)]


async def audit(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    await authorize(request, chat_id, AUDIT)
    raw = request.query.get("page", "0")
    if not raw.isdigit():
        raise ApiError(400, "dashboard-bad-number")
    view = await services_of(request).feature("audit_log", AuditLog).page(chat_id, int(raw))
    return json_response(
        {
            "timezone": view.timezone,
            "page": view.page.page,
            "pages": view.page.pages,
            "entries": [
                {
                    "at": entry.at.isoformat(),
                    "actor": entry.actor,
                    "anonymous_admin": entry.by_anonymous_admin,
                    "action": entry.action,
                    "subject": entry.subject,
                    "detail": entry.detail,
                }
                for entry in view.entries
            ],
        }
    )


async def language(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    authorized = await authorize(request, chat_id, GROUP_LANGUAGE)
    body = await json_body(request)
    locale = locale_of(str(body.get("language") or ""))
    if locale is None:
        raise ApiError(400, "dashboard-bad-language")
    await (
        services_of(request)
        .feature("languages", Languages)
        .choose_for_group(chat_id, authorized.actor, locale)
    )
    return json_response(await settings_document(request, chat_id))


async def timezone(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    authorized = await authorize(request, chat_id, TIMEZONE)
    body = await json_body(request)
    typed = str(body.get("timezone") or "")
    try:
        zone = parse_timezone(typed)
    except TimezoneError as error:
        raise ApiError(
            400, "timezone-unknown", said=_zone_refusal(texts_of(request), typed, error)
        ) from None
    await (
        services_of(request)
        .feature("timezones", GroupTimezones)
        .choose(chat_id, authorized.actor, zone)
    )
    return json_response(await settings_document(request, chat_id))


def _zone_refusal(texts: Texts, typed: str, error: TimezoneError) -> Html:
    # The reasons /timezone gives, in its words.
    typed = typed[:ECHO_LIMIT]
    if error.code == "half-hour":
        return texts("timezone-half-hour")
    if error.suggestions:
        return texts("timezone-unknown-near", typed=typed, suggestions=", ".join(error.suggestions))
    return texts("timezone-unknown", typed=typed)
