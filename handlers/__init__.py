"""Routers, one per feature, built fresh for each dispatcher (tests and instances run several).

Parent routers carry the scope filter once, so feature routers never repeat it. Ingest is not a
router: `setup` installs it on the dispatcher itself, ahead of every router.

The parent routers also carry `ContextMiddleware`: a handler registered through
handlers/authority.py gets the reader's `texts` and, for an operator command, the authorization
decision, before it runs.
"""

from __future__ import annotations

from collections.abc import Iterable

from aiogram import Dispatcher, Router

from bot.telegram.commands_menu import CommandMenus
from handlers import (
    audit_log,
    console,
    digest,
    feedback,
    giveaways,
    history_import,
    inbox,
    ingest,
    language,
    membership,
    operators,
    polls,
    privacy,
    status,
    video_metrics,
    video_report,
    videos,
)
from handlers import tags as feedback_tags
from handlers.authority import declared_commands
from handlers.filters import InGroup, LooksLikeCommand
from handlers.middlewares import ContextMiddleware

GROUP_ROUTER = "group"
PRIVATE_ROUTER = "private"


def _operator_routers() -> list[Router]:
    """Operator commands that work in a group and, against the current group, in private chat."""
    return [
        status.create_router(),
        audit_log.create_router(),
        operators.create_router(),
        digest.create_router(),
        feedback_tags.create_router(),
        feedback.create_router(),
        inbox.create_router(),
        polls.create_router(),
        giveaways.create_router(),
        privacy.create_router(),
        videos.create_router(),
        video_metrics.create_router(),
        video_report.create_router(),
    ]


def get_routers() -> list[Router]:
    context = ContextMiddleware()
    group = Router(name=GROUP_ROUTER)
    group.message.filter(InGroup())
    group.edited_message.filter(InGroup())
    commands = Router(name="group-commands")
    commands.message.filter(LooksLikeCommand())
    commands.message.middleware(context)
    commands.include_routers(
        console.create_group_router(),
        *_operator_routers(),
        language.create_group_router(),
        feedback.create_public_router(),
    )
    group.include_router(commands)
    group.include_router(feedback.create_reply_router())
    group.include_router(videos.create_forward_router())

    private = Router(name=PRIVATE_ROUTER)
    private.message.filter(console.InPrivate())
    private.message.middleware(context)
    private.include_routers(
        console.create_private_router(),
        language.create_private_router(),
        privacy.create_private_router(),
        history_import.create_router(),
        video_metrics.create_private_document_router(),
        *_operator_routers(),
        feedback.create_public_router(),
    )

    buttons = Router(name="buttons")
    buttons.callback_query.middleware(context)
    buttons.include_routers(
        console.create_callback_router(),
        audit_log.create_callback_router(),
        giveaways.create_callback_router(),
        privacy.create_callback_router(),
        feedback.create_callback_router(),
        inbox.create_callback_router(),
        videos.create_callback_router(),
    )
    return [group, private, buttons, membership.create_router()]


def setup(dispatcher: Dispatcher) -> None:
    dispatcher.include_routers(*get_routers())
    ingest.install(dispatcher)
    digest.install(dispatcher)
    polls.install(dispatcher)
    giveaways.install(dispatcher)
    video_report.install(dispatcher)


def allowed_updates(dispatcher: Dispatcher) -> list[str]:
    """What to ask Telegram for: what the handlers use, plus everything ingest stores."""
    return sorted(
        set(dispatcher.resolve_used_update_types())
        | set(ingest.UPDATE_TYPES)
        | set(digest.UPDATE_TYPES)
        | set(polls.UPDATE_TYPES)
    )


def command_menus(root: Router) -> CommandMenus:
    """Menus from what is registered: fans see the group's public commands, administrators also
    every operator command, private chat its public commands and the console's operator ones."""
    scopes = {router.name: router for router in root.sub_routers}
    in_group = declared_commands(scopes[GROUP_ROUTER])
    in_private = declared_commands(scopes[PRIVATE_ROUTER])
    fans = _unique(c.name for c in in_group if c.public)
    administrators = _unique([*fans, *(c.name for c in in_group if c.operator)])
    private = _unique(c.name for c in in_private if c.public or c.operator)
    return CommandMenus(fans=fans, administrators=administrators, private=private)


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))
