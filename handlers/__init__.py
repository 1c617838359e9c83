"""The bot's features, and the dispatcher, clock wiring and menus built from their declarations.

A feature module declares what it contributes in `FEATURE` (handlers/features.py); this module
is the only list of features. Parent routers carry the scope filter once, so feature routers
never repeat it, and they carry `ContextMiddleware`: a handler registered through
handlers/authority.py gets the reader's `texts` and, for an operator command, the authorization
decision, before it runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from aiogram import Dispatcher, Router

from bot.domain.roles import Role
from bot.services.digest_render import DigestSections
from bot.services.health import HealthBoard
from bot.telegram.commands_menu import CommandMenus
from bot.telegram.filters import InGroup
from handlers import (
    audit_log,
    confirm,
    console,
    dashboard,
    digest,
    door,
    drafts,
    feedback,
    giveaway_flow,
    giveaways,
    history_import,
    inbox,
    inbox_link,
    ingest,
    language,
    member_tags,
    membership,
    moderation,
    notices,
    operators,
    poll_flow,
    polls,
    privacy,
    retag,
    settings,
    spam,
    status,
    tag_suggestions,
    tags,
    timezone,
    video_links,
    video_metrics,
    video_report,
    videos,
)
from handlers.authority import declared_commands
from handlers.features import Feature, RouterFactory, Wiring
from handlers.filters import LooksLikeCommand
from handlers.middlewares import ContextMiddleware
from handlers.once import OnceMiddleware

# The order routers are tried in, within each scope (ingest first: its middleware stores a
# message before any other feature sees it).
FEATURES: tuple[Feature, ...] = (
    ingest.FEATURE,
    # Before console (its /start) and feedback (replies to the bot): a newcomer's answer.
    door.FEATURE,
    console.FEATURE,
    status.FEATURE,
    audit_log.FEATURE,
    operators.FEATURE,
    language.FEATURE,
    timezone.FEATURE,
    digest.FEATURE,
    settings.FEATURE,
    confirm.FEATURE,
    # Before feedback, which takes every other reply to the bot: the answer to a link's
    # rename prompt is one.
    video_links.FEATURE,
    tags.FEATURE,
    retag.FEATURE,
    tag_suggestions.FEATURE,
    feedback.FEATURE,
    inbox.FEATURE,
    inbox_link.FEATURE,
    drafts.FEATURE,
    poll_flow.FEATURE,
    polls.FEATURE,
    giveaway_flow.FEATURE,
    giveaways.FEATURE,
    privacy.FEATURE,
    history_import.FEATURE,
    videos.FEATURE,
    notices.FEATURE,
    video_metrics.FEATURE,
    video_report.FEATURE,
    moderation.FEATURE,
    spam.FEATURE,
    member_tags.FEATURE,
    membership.FEATURE,
    dashboard.FEATURE,
)

GROUP_ROUTER = "group"
PRIVATE_ROUTER = "private"


def get_routers(features: Sequence[Feature] = FEATURES) -> list[Router]:
    context = ContextMiddleware()
    once = OnceMiddleware()
    group = Router(name=GROUP_ROUTER)
    group.message.filter(InGroup())
    group.edited_message.filter(InGroup())
    commands = Router(name="group-commands")
    commands.message.filter(LooksLikeCommand())
    commands.message.middleware(context)
    commands.message.middleware(once)
    commands.include_routers(
        *_built(f.group_commands for f in features),
        *_built(f.operator for f in features),
        *_built(f.fallback_commands for f in features),
    )
    group.include_router(commands)
    group.include_routers(*_built(f.group for f in features))

    private = Router(name=PRIVATE_ROUTER)
    private.message.filter(console.InPrivate())
    private.message.middleware(context)
    private.message.middleware(once)
    private.include_routers(
        *_built(f.private for f in features),
        *_built(f.operator for f in features),
        *_built(f.fallback_commands for f in features),
        *_built(f.private_fallback for f in features),
    )

    buttons = Router(name="buttons")
    buttons.callback_query.middleware(context)
    buttons.callback_query.middleware(once)
    buttons.include_routers(*_built(f.buttons for f in features))
    return [group, private, buttons, *_built(f.chat_updates for f in features)]


def _built(factories: Iterable[Sequence[RouterFactory]]) -> list[Router]:
    return [factory() for scope in factories for factory in scope]


def setup(dispatcher: Dispatcher, features: Sequence[Feature] = FEATURES) -> None:
    """Routers, the dispatcher's own observers, digest sections and static health probes."""
    dispatcher.include_routers(*get_routers(features))
    sections: DigestSections = dispatcher["digest_sections"]
    board: HealthBoard = dispatcher["health_board"]
    for feature in features:
        if feature.observers is not None:
            feature.observers(dispatcher)
        for name, section in feature.digest_sections.items():
            sections.register(name, section())
        for name, probe in feature.health_probes.items():
            board.register(name, probe)


def wire(dispatcher: Dispatcher, wiring: Wiring, features: Sequence[Feature] = FEATURES) -> None:
    """Build every feature's services once: injected into handlers by name, their job sources
    added to the clock, their probes to the health board."""
    board: HealthBoard = dispatcher["health_board"]
    dispatcher.workflow_data["session_factory"] = wiring.session_factory
    dispatcher.workflow_data["clock"] = wiring.clock
    dispatcher.workflow_data["authority"] = wiring.authority
    for feature in features:
        if feature.build is None:
            continue
        built = feature.build(wiring)
        dispatcher.workflow_data.update(built.services)
        for source in built.clock_sources:
            wiring.clock.add_source(source)
        for name, probe in built.health_probes.items():
            board.register(name, probe)


def allowed_updates(dispatcher: Dispatcher, features: Sequence[Feature] = FEATURES) -> list[str]:
    """What to ask Telegram for: what the handlers use, plus what the features observe."""
    declared = {update for feature in features for update in feature.update_types}
    return sorted(set(dispatcher.resolve_used_update_types()) | declared)


def command_menus(root: Router) -> CommandMenus:
    """Menus from what is registered: fans see the group's public commands, administrators also
    every operator command; everyone's private chat shows the fans' public commands, and an
    operator's own private chat also the console's operator commands their role allows (never a
    command that works only in the group)."""
    scopes = {router.name: router for router in root.sub_routers}
    in_group = [c for c in declared_commands(scopes[GROUP_ROUTER]) if c.listed]
    in_private = [c for c in declared_commands(scopes[PRIVATE_ROUTER]) if c.listed]
    fans = _unique(c.name for c in in_group if c.public)
    administrators = _unique([*fans, *(c.name for c in in_group if c.operator)])
    private = _unique(c.name for c in in_private if c.public and not c.for_operators)
    consoles = {
        role: _unique(
            [
                *private,
                *(c.name for c in in_private if c.public and c.for_operators),
                *(
                    c.operator.name
                    for c in in_private
                    if c.operator and c.operator.console and c.operator.role <= role
                ),
            ]
        )
        for role in (Role.ANALYST, Role.OPERATOR, Role.ADMINISTRATOR)
    }
    return CommandMenus(
        fans=fans, administrators=administrators, private=private, consoles=consoles
    )


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))
