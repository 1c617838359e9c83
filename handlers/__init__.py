"""Routers, one per feature, built fresh for each dispatcher (tests and instances run several).

Parent routers carry the scope filter once, so feature routers never repeat it.
"""

from __future__ import annotations

from aiogram import Router

from handlers import ingest
from handlers.filters import InGroup


def get_routers() -> list[Router]:
    group = Router(name="group")
    group.message.filter(InGroup())
    group.edited_message.filter(InGroup())
    group.include_router(ingest.create_router())
    return [group]
