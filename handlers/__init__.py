"""Routers, one per feature, built fresh for each dispatcher (tests and instances run several).

Parent routers carry the scope filter once, so feature routers never repeat it. Ingest is not a
router: `setup` installs it on the dispatcher itself, ahead of every router.
"""

from __future__ import annotations

from aiogram import Dispatcher, Router

from handlers import ingest
from handlers.filters import InGroup


def get_routers() -> list[Router]:
    group = Router(name="group")
    group.message.filter(InGroup())
    group.edited_message.filter(InGroup())
    return [group]


def setup(dispatcher: Dispatcher) -> None:
    dispatcher.include_routers(*get_routers())
    ingest.install(dispatcher)


def allowed_updates(dispatcher: Dispatcher) -> list[str]:
    """What to ask Telegram for: what the handlers use, plus everything ingest stores."""
    return sorted(set(dispatcher.resolve_used_update_types()) | set(ingest.UPDATE_TYPES))
