"""Telegram's Mini App initData, minted the way Telegram signs it (for the emulator and tests).

https://core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app: the fields
sorted as `key=value` lines, HMAC-SHA256 keyed with HMAC-SHA256("WebAppData", bot token)."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from datetime import datetime
from urllib.parse import urlencode


def sign(fields: Mapping[str, str], token: str) -> str:
    check = "\n".join(f"{key}={value}" for key, value in sorted(fields.items()))
    secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    return hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()


def mint_init_data(
    token: str,
    *,
    user: Mapping[str, object] | None,
    auth_date: datetime,
    start_param: str | None = None,
    chat_type: str | None = None,
    query_id: str | None = "AAHdF6IQAAAAAN0XohDhrOrc",
) -> str:
    """The query string a Telegram client hands a Mini App in `Telegram.WebApp.initData`."""
    fields: dict[str, str] = {"auth_date": str(int(auth_date.timestamp()))}
    if query_id is not None:
        fields["query_id"] = query_id
    if user is not None:
        fields["user"] = json.dumps(dict(user), ensure_ascii=False, separators=(",", ":"))
    if start_param is not None:
        fields["start_param"] = start_param
    if chat_type is not None:
        fields["chat_type"] = chat_type
        fields["chat_instance"] = "-1"
    fields["hash"] = sign(fields, token)
    return urlencode(fields)
