"""Editing one of a group's tags from the dashboard: renaming it (/tag_rename, which chat asks
first: the same confirmed action answered Yes, the screen asked in Telegram's popup) and setting
the words it matches (what /tag_remove and /tag_add would change, audited as theirs), with the
offer to apply the new words to the stored history (contract: api.py)."""

from __future__ import annotations

from aiohttp import web

from bot.dashboard.frame import ApiError, authorize, json_body, services_of, texts_of
from bot.dashboard.routes import group_id
from bot.dashboard.settings_actions import TAG_WORDS_MAX, confirmed_action, settings_answer
from bot.domain.tag_set import TagSet, TagSetError, parse_terms, resolve_tag
from bot.domain.tagging import normalize
from bot.services.retag import Retagger, tag_reason
from bot.services.tags import TagChange, TagService
from handlers.confirm import TAG_RENAME
from handlers.tags import (
    TAG_ADD,
    TAG_REMOVE,
    Resolve,
    add_terms_change,
    remove_terms_change,
    rename_tag_change,
    tag_error,
)
from handlers.tags import TAG_RENAME as TAG_RENAME_COMMAND


def add_routes(router: web.UrlDispatcher) -> None:
    base = "/api/groups/{chat_id}/settings/tags"
    router.add_post(base + "/rename", rename)
    router.add_post(base + "/words", words)


def _typed(body: dict[str, object], key: str) -> str:
    return " ".join(str(body.get(key) or "").split())


async def rename(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    authorized = await authorize(request, chat_id, TAG_RENAME_COMMAND)
    body = await json_body(request)
    typed, new = _typed(body, "tag"), _typed(body, "name").removeprefix("#")
    if not typed or not new or " " in typed or " " in new:
        raise ApiError(400, "dashboard-bad-tag-rename")
    service = services_of(request).feature("tags", TagService)
    tag_set = await service.tag_set(chat_id)
    change = rename_tag_change(typed, new, _resolver(service, tag_set))
    assert change is not None and change.renamed is not None
    _refused_as_acting(request, change, tag_set)
    old, renamed = change.renamed
    if old != renamed:
        await confirmed_action(request, authorized, TAG_RENAME, {"old": old, "new": renamed})
    return await settings_answer(request, chat_id)


async def words(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    authorized = await authorize(request, chat_id, TAG_ADD)
    await authorize(request, chat_id, TAG_REMOVE)
    body = await json_body(request)
    typed, wanted_text = _typed(body, "tag"), str(body.get("terms") or "").strip()
    if not typed or " " in typed or len(wanted_text) > TAG_WORDS_MAX:
        raise ApiError(400, "dashboard-bad-tag")
    service = services_of(request).feature("tags", TagService)
    tag_set = await service.tag_set(chat_id)
    resolve = _resolver(service, tag_set)
    try:
        rule = tag_set.get(resolve(typed))
        wanted = parse_terms(wanted_text)
    except TagSetError as error:
        raise ApiError(400, "tags-error", said=tag_error(texts_of(request), error)) from None
    have_words = {_key(word): word for word in rule.keywords}
    have_hashtags = {_key(tag): tag.removeprefix("#") for tag in rule.hashtags}
    want_words = {_key(word): word for word in wanted.keywords}
    want_hashtags = {_key(tag): tag for tag in wanted.hashtags}
    gone = [word for key, word in have_words.items() if key not in want_words] + [
        f"#{tag}" for key, tag in have_hashtags.items() if key not in want_hashtags
    ]
    new = [word for key, word in want_words.items() if key not in have_words] + [
        f"#{tag}" for key, tag in want_hashtags.items() if key not in have_hashtags
    ]
    changes = [
        change
        for change in (
            remove_terms_change(rule.tag, ", ".join(gone), resolve) if gone else None,
            add_terms_change(rule.tag, ", ".join(new), resolve) if new else None,
        )
        if change is not None
    ]
    # Both checked together first, so that a refused addition leaves the removal undone too.
    checked = tag_set
    for change in changes:
        checked = _refused_as_acting(request, change, checked)
    for change in changes:
        await service.change(chat_id, authorized.actor, change)
    retag = None
    if new:
        run = (
            await services_of(request)
            .feature("retag", Retagger)
            .offer(chat_id, tag_reason(rule.tag), rule.tag, texts_of(request).locale)
        )
        retag = {"run": run, "tag": rule.tag}
    return await settings_answer(request, chat_id, retag=retag)


def _key(term: str) -> str:
    return normalize(term).strip().removeprefix("#")


def _resolver(service: TagService, tag_set: TagSet) -> Resolve:
    return lambda word: resolve_tag(word, tag_set.names, service.aliases)


def _refused_as_acting(request: web.Request, change: TagChange, tag_set: TagSet) -> TagSet:
    try:
        return change.apply(tag_set)
    except TagSetError as error:
        raise ApiError(400, "tags-error", said=tag_error(texts_of(request), error)) from None
