"""Who is calling the dashboard: Telegram's signed initData, checked for signature and age.

A Mini App receives initData from the Telegram client; the dashboard's script sends it back on
every API call as `Authorization: tma <initData>`. aiogram checks the signature (HMAC keyed
from the bot token) but not the age: a leaked initData would otherwise work forever.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from aiogram.utils.web_app import safe_parse_webapp_init_data

SCHEME = "tma "
# Clocks of phones and servers disagree a little; an initData from further ahead is forged.
CLOCK_SKEW = timedelta(minutes=5)


class LoginRefusal(StrEnum):
    MISSING = "dashboard-login-missing"
    INVALID = "dashboard-login-invalid"
    EXPIRED = "dashboard-login-expired"
    NO_USER = "dashboard-login-no-user"


@dataclass(frozen=True, slots=True)
class Login:
    user_id: int
    first_name: str
    username: str | None
    language_code: str | None
    start_param: str | None  # data from a t.me link (`g<chat id>`), never authority
    auth_date: datetime


def read_login(
    authorization: str | None, *, token: str, now: datetime, max_age: timedelta
) -> Login | LoginRefusal:
    if not authorization or not authorization.startswith(SCHEME):
        return LoginRefusal.MISSING
    raw = authorization.removeprefix(SCHEME).strip()
    if not raw:
        return LoginRefusal.MISSING
    try:
        data = safe_parse_webapp_init_data(token, raw)
    except (ValueError, TypeError):
        # aiogram raises ValueError on a bad signature; pydantic's errors (a field of the wrong
        # shape under a valid signature) are ValueErrors too.
        return LoginRefusal.INVALID
    signed_at = data.auth_date
    if signed_at.tzinfo is None:
        return LoginRefusal.INVALID
    if signed_at > now + CLOCK_SKEW or now - signed_at > max_age:
        return LoginRefusal.EXPIRED
    user = data.user
    if user is None:
        return LoginRefusal.NO_USER
    return Login(
        user_id=user.id,
        first_name=user.first_name,
        username=user.username,
        language_code=user.language_code,
        start_param=data.start_param,
        auth_date=signed_at,
    )
