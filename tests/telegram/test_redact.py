"""The token never survives into a string we log or raise."""

from __future__ import annotations

import structlog
from aiogram.methods import GetMe
from hypothesis import given
from hypothesis import strategies as st
from structlog.testing import capture_logs
from structlog.typing import Processor
from yarl import URL as YarlURL

from bot.redact import REDACTED, redact, redact_processor
from tests.support.transport import TOKEN

URL = f"https://api.telegram.org/bot{TOKEN}/sendMessage"
OTHER_TOKEN = "987654:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0_-x"


def test_the_token_is_removed_from_a_request_url() -> None:
    assert redact(f"ClientResponseError: 502, url='{URL}'", TOKEN) == (
        f"ClientResponseError: 502, url='https://api.telegram.org/bot{REDACTED}/sendMessage'"
    )


def test_a_percent_encoded_token_is_removed() -> None:
    encoded = TOKEN.replace(":", "%3A")
    assert TOKEN.split(":")[1] not in redact(f"/bot{encoded}/getMe", TOKEN)


def test_any_token_shape_is_removed_even_a_different_bot() -> None:
    assert redact(f"token={OTHER_TOKEN};", TOKEN) == f"token={REDACTED};"


def test_a_short_token_that_is_not_bot_shaped_is_still_removed_when_known() -> None:
    assert redact("secret is 1:short", "1:short") == f"secret is {REDACTED}"


def test_ordinary_text_is_left_alone() -> None:
    text = "chat -1001234567890 at 12:30, message 42: hello world"
    assert redact(text, TOKEN) == text
    assert redact(text, "") == text


secrets = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-",
    min_size=30,
    max_size=60,
)
separators = st.text(alphabet=" /'\"=,;()[]<>\n", max_size=5)


@given(
    bot_id=st.integers(min_value=1, max_value=10**12),
    secret=secrets,
    before=separators,
    after=separators,
)
def test_no_token_shape_survives(bot_id: int, secret: str, before: str, after: str) -> None:
    token = f"{bot_id}:{secret}"
    text = f"{before}{token}{after}"
    for known in (token, ""):
        scrubbed = redact(text, known)
        assert secret not in scrubbed
        assert scrubbed == f"{before}{REDACTED}{after}"


def test_the_processor_scrubs_every_string_in_an_event() -> None:
    log = structlog.get_logger()
    with capture_logs(processors=[redact_processor(TOKEN)]) as logs:
        log.warning(
            "telegram.retry",
            url=URL,
            nested={"urls": [URL, (URL, 3)]},
            error=ConnectionError(f"Cannot connect to {URL}"),
            attempt=2,
        )
    (entry,) = logs
    assert TOKEN not in repr(entry)
    assert entry["attempt"] == 2
    assert entry["event"] == "telegram.retry"
    assert entry["nested"]["urls"][1][1] == 3
    assert entry["error"].startswith("ConnectionError: Cannot connect to https://")


def test_the_processor_scrubs_objects_and_keys_that_carry_the_token() -> None:
    log = structlog.get_logger()
    with capture_logs(processors=[redact_processor(TOKEN)]) as logs:
        log.warning("telegram.retry", url=YarlURL(URL), by_url={URL: 1}, method=GetMe())
    (entry,) = logs
    assert TOKEN not in repr(entry)
    assert entry["url"] == f"https://api.telegram.org/bot{REDACTED}/sendMessage"
    assert list(entry["by_url"].values()) == [1]


def test_the_processor_scrubs_a_formatted_traceback() -> None:
    log = structlog.get_logger()
    processors: list[Processor] = [
        structlog.processors.format_exc_info,
        redact_processor(TOKEN),
    ]
    with capture_logs(processors=processors) as logs:
        try:
            raise OSError(f"failed to open {URL}")
        except OSError:
            log.exception("telegram.request_failed")
    (entry,) = logs
    assert "Traceback" in entry["exception"]
    assert TOKEN not in entry["exception"]
    assert REDACTED in entry["exception"]
