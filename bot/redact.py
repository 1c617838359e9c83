"""Keep the bot token, and Mini App logins (Telegram's initData), out of log lines and error
messages."""

from __future__ import annotations

import re
from collections.abc import Callable, MutableMapping
from typing import Any
from urllib.parse import quote

REDACTED = "<redacted-token>"

# `<bot id>:<secret>`, also with the colon percent-encoded as it appears in some request URLs.
# The look-behind starts a match only at the first digit of a run: without it a long run of
# digits (a stranger's message quoted in an error) is rescanned from every digit, quadratically.
TOKEN_SHAPE = re.compile(r"(?<![0-9])[0-9]+(?::|%3[Aa])[A-Za-z0-9_-]{30,}")

REDACTED_INIT_DATA = "<redacted-init-data>"
# initData is a query string holding `auth_date=` and `hash=` (either may be percent-encoded);
# whatever unbroken run of characters holds one is dropped whole. Runs are found first and
# checked after, so a long run without a match costs one pass, not one per character.
_RUN = re.compile(r"[^\s\"'<>]+")
_INIT_DATA_FIELD = re.compile(r"(?:auth_date|hash|signature)(?:=|%3[Dd])")

Processor = Callable[[Any, str, MutableMapping[str, Any]], MutableMapping[str, Any]]


def redact(text: str, token: str) -> str:
    if token:
        for form in {token, quote(token, safe=""), quote(token)}:
            text = text.replace(form, REDACTED)
    if "auth_date" in text or "hash" in text or "signature" in text:
        text = _RUN.sub(_init_data_run, text)
    return TOKEN_SHAPE.sub(REDACTED, text)


def _init_data_run(match: re.Match[str]) -> str:
    run = match.group()
    return REDACTED_INIT_DATA if _INIT_DATA_FIELD.search(run) else run


def redact_processor(token: str) -> Processor:
    """A structlog processor; place it after format_exc_info so tracebacks are scrubbed too."""

    def processor(
        _logger: Any, _method_name: str, event_dict: MutableMapping[str, Any]
    ) -> MutableMapping[str, Any]:
        for key, value in event_dict.items():
            event_dict[key] = _scrub(value, token)
        return event_dict

    return processor


# Values a renderer prints as they are, with no room for a token.
PLAIN_VALUES = (bool, int, float, type(None))


def _scrub(value: Any, token: str) -> Any:
    if isinstance(value, str):
        return redact(value, token)
    if isinstance(value, PLAIN_VALUES):
        return value
    if isinstance(value, BaseException):
        return redact(f"{type(value).__name__}: {value}", token)
    if isinstance(value, dict):
        return {_scrub(key, token): _scrub(item, token) for key, item in value.items()}
    if isinstance(value, list):
        return [_scrub(item, token) for item in value]
    if isinstance(value, tuple):
        return tuple(_scrub(item, token) for item in value)
    # Anything else (a yarl.URL, a TelegramMethod, a dataclass) is rendered from its str():
    # render it here, scrubbed, so that no object's own formatting carries the token out.
    return redact(str(value), token)
