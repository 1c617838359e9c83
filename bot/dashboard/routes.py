"""What the API's routes share: the group named in the URL (data, checked by `authorize`) and
the authority each kind of call needs, declared like the commands' (handlers/authority.py)."""

from __future__ import annotations

from aiohttp import web

from bot.dashboard.frame import ApiError
from bot.domain.roles import OperatorCommand, Role

BIGINT = 2**63
READ = OperatorCommand("dashboard", Role.ANALYST)
ACT = OperatorCommand("dashboard", Role.OPERATOR)
DESTRUCTIVE = OperatorCommand("dashboard", Role.OPERATOR, destructive=True)


def group_id(request: web.Request) -> int:
    raw = request.match_info["chat_id"]
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(400, "dashboard-bad-group") from None
    if not -BIGINT <= value < BIGINT or str(value) != raw.strip():
        raise ApiError(400, "dashboard-bad-group")
    return value


def number_in(request: web.Request) -> int:
    """A poll's or giveaway's number from the URL (data: each service looks it up only within
    the group)."""
    raw = request.match_info["number"]
    if not raw.isdigit() or not 0 < int(raw) < 2**53:
        raise ApiError(400, "dashboard-bad-number")
    return int(raw)
