"""A group's tag set: /tags, /tag_new, /tag_rename, /tag_delete, /tag_add, /tag_remove.

/tag_new idea 想法, would love, #idea        keywords are comma-separated; '#x' is a hashtag
/tag_add bug lag, 卡了                       /tag_remove bug lag
/tag_rename idea wish                        /tag_delete wish
A group starts with the default set; the first change makes it the group's own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiogram import Router
from aiogram.filters import CommandObject
from aiogram.types import Message

from bot.domain.arguments import suggest
from bot.domain.html_split import split_html
from bot.domain.roles import OperatorCommand, Role
from bot.domain.tag_set import TagSetError, TagSetErrorCode, parse_terms, resolve_tag, tag_name
from bot.i18n import Html, Texts
from bot.services.retag import Retagger
from bot.services.tags import TagChange, TagService, shown_tag, tag_aliases
from handlers.authority import operator_command
from handlers.confirm import Confirmations
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext
from handlers.retag import retag_offer
from handlers.tag_questions import ask_tag_change, asks_first

TAGS = OperatorCommand("tags", Role.ANALYST)
TAG_NEW = OperatorCommand("tag_new", Role.OPERATOR)
TAG_RENAME = OperatorCommand("tag_rename", Role.OPERATOR)
TAG_DELETE = OperatorCommand("tag_delete", Role.OPERATOR, destructive=True)
TAG_ADD = OperatorCommand("tag_add", Role.OPERATOR)
TAG_REMOVE = OperatorCommand("tag_remove", Role.OPERATOR)
MAX_ARGUMENTS = 2_000
SHOWN_TERMS = 12
# Changes that alter what the tag matches, so the stored history can be tagged anew.
MATCHING_CHANGES = frozenset({"tag-created", "tag-terms-added", "tag-terms-removed"})


def _split(command: CommandObject) -> tuple[str, str]:
    args = (command.args or "").strip()
    if len(args) > MAX_ARGUMENTS:
        raise TagSetError(TagSetErrorCode.TOO_LONG, str(MAX_ARGUMENTS))
    name, _, rest = args.partition(" ")
    return name, rest.strip()


async def cmd_tags(
    message: Message,
    *,
    operator: OperatorContext,
    texts: Texts,
    tags: TagService,
) -> None:
    tag_set = await tags.tag_set(operator.chat_id)
    lines = [texts("tags-title", title=operator.title, count=len(tag_set.rules))]
    for rule in tag_set.rules:
        terms = [*rule.keywords, *(f"#{h.removeprefix('#')}" for h in rule.hashtags)]
        shown = ", ".join(terms[:SHOWN_TERMS])
        lines.append(
            texts(
                "tags-line",
                tag=_label(texts, rule.tag),
                terms=shown,
                more=max(0, len(terms) - SHOWN_TERMS),
            )
        )
    if not tag_set.rules:
        lines.append(texts("tags-empty"))
    for part in split_html(texts.lines(lines)):
        await message.answer(part)


def _label(texts: Texts, key: str) -> str:
    """A tag by its name in the reader's language, with the key when that differs (both may
    be typed)."""
    shown = shown_tag(texts, key)
    return shown if shown == key else texts("tags-label", tag=shown, key=key)


Resolve = Callable[[str], str]  # a typed tag to its stored name (display names included)
Parse = Callable[[str, str, Resolve], TagChange | None]


def new_tag_change(name: str, rest: str, resolve: Resolve) -> TagChange | None:
    if not name:
        return None
    key = tag_name(name)
    terms = parse_terms(rest) if rest else parse_terms(key)
    return TagChange(lambda s: s.create(key, terms), "tag-created", key, rest or key)


def rename_tag_change(name: str, rest: str, resolve: Resolve) -> TagChange | None:
    if not name or not rest or " " in rest:
        return None
    old, new = resolve(name), tag_name(rest)
    return TagChange(lambda s: s.rename(old, new), "tag-renamed", new, old, renamed=(old, new))


def delete_tag_change(name: str, rest: str, resolve: Resolve) -> TagChange | None:
    if not name or rest:
        return None
    key = resolve(name)
    return TagChange(lambda s: s.delete(key), "tag-deleted", key, "", deleted=key)


def add_terms_change(name: str, rest: str, resolve: Resolve) -> TagChange | None:
    if not name or not rest:
        return None
    key, terms = resolve(name), parse_terms(rest)
    return TagChange(lambda s: s.add_terms(key, terms), "tag-terms-added", key, rest)


def remove_terms_change(name: str, rest: str, resolve: Resolve) -> TagChange | None:
    if not name or not rest:
        return None
    key, terms = resolve(name), parse_terms(rest)
    return TagChange(lambda s: s.remove_terms(key, terms), "tag-terms-removed", key, rest)


async def _change(
    message: Message,
    command: CommandObject,
    *,
    operator: OperatorContext,
    texts: Texts,
    tags: TagService,
    confirmations: Confirmations,
    retag: Retagger,
    parse: Parse,
    usage: str,
) -> None:
    names: tuple[str, ...] = ()
    try:
        name, rest = _split(command)
        names = (await tags.tag_set(operator.chat_id)).names
        change = parse(name, rest, lambda typed: resolve_tag(typed, names, tags.aliases))
        if change is None:
            await message.reply(texts(usage))
            return
        if asks_first(change):
            change.apply(await tags.tag_set(operator.chat_id))  # refused as acting would be
            await ask_tag_change(message, operator, texts, confirmations, change)
            return
        await tags.change(operator.chat_id, operator.actor, change)
    except TagSetError as error:
        said = tag_error(texts, error)
        meant = suggest(error.value, names) if error.code is TagSetErrorCode.UNKNOWN_TAG else None
        if meant is not None:
            said = texts.lines([said, texts("tags-did-you-mean", tag=shown_tag(texts, meant))])
        await message.reply(said)
        return
    offer = None
    if change.action in MATCHING_CHANGES:
        offer = await retag_offer(retag, operator, texts, change.tag)
    await message.reply(
        texts(
            "tag-changed",
            action=change.action,
            tag=shown_tag(texts, change.tag),
            title=operator.title,
        ),
        reply_markup=offer,
    )


def change_command(parse: Parse, usage: str) -> Callable[..., Awaitable[None]]:
    """A tag-set command: `parse` reads its arguments into a change, `usage` explains it."""

    async def handler(
        message: Message,
        *,
        command: CommandObject,
        operator: OperatorContext,
        texts: Texts,
        tags: TagService,
        confirmations: Confirmations,
        retag: Retagger,
    ) -> None:
        await _change(
            message,
            command,
            operator=operator,
            texts=texts,
            tags=tags,
            confirmations=confirmations,
            retag=retag,
            parse=parse,
            usage=usage,
        )

    return handler


def tag_error(texts: Texts, error: TagSetError) -> Html:
    return texts("tags-error", code=error.code.value, value=error.value)


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, TAGS, cmd_tags)
    operator_command(router, TAG_NEW, change_command(new_tag_change, "tag-new-usage"))
    operator_command(router, TAG_RENAME, change_command(rename_tag_change, "tag-rename-usage"))
    operator_command(router, TAG_DELETE, change_command(delete_tag_change, "tag-delete-usage"))
    operator_command(router, TAG_ADD, change_command(add_terms_change, "tag-add-usage"))
    operator_command(router, TAG_REMOVE, change_command(remove_terms_change, "tag-remove-usage"))
    return router


def _build(wiring: Wiring) -> Built:
    return Built(
        services={
            "tags": TagService(wiring.session_factory, aliases=tag_aliases(wiring.translator))
        }
    )


FEATURE = Feature(name="tags", operator=(create_router,), build=_build)
