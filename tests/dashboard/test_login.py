"""Reading a Mini App login (bot/dashboard/login.py): only Telegram's signature for this bot,
recent enough, naming a person, lets anyone in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, quote, urlencode

from bot.dashboard.login import Login, LoginRefusal, read_login
from bot.devtools.recording_session import TOKEN
from bot.emulator.init_data import mint_init_data, sign
from bot.redact import redact

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)
ANN = {"id": 42, "first_name": "Ann", "username": "ann", "language_code": "zh-hans"}
OTHER_TOKEN = "123456789:" + "B" * 35


def read(header: str | None, now: datetime = NOW) -> Login | LoginRefusal:
    return read_login(header, token=TOKEN, now=now, max_age=DAY)


def header(**fields: object) -> str:
    return "tma " + mint_init_data(TOKEN, **{"user": ANN, "auth_date": NOW, **fields})  # type: ignore[arg-type]


def test_a_fresh_login_signed_for_this_bot_names_its_person() -> None:
    login = read(header(start_param="g-1001"))
    assert login == Login(
        user_id=42,
        first_name="Ann",
        username="ann",
        language_code="zh-hans",
        start_param="g-1001",
        auth_date=NOW,
    )


def test_a_tampered_login_is_refused() -> None:
    fields = dict(parse_qsl(header().removeprefix("tma ")))
    fields["user"] = fields["user"].replace('"id":42', '"id":43')
    assert read("tma " + urlencode(fields)) is LoginRefusal.INVALID


def test_a_login_signed_with_another_bots_token_is_refused() -> None:
    foreign = mint_init_data(OTHER_TOKEN, user=ANN, auth_date=NOW)
    assert read("tma " + foreign) is LoginRefusal.INVALID


def test_an_old_login_is_refused_and_one_from_the_future_too() -> None:
    assert isinstance(read(header(), now=NOW + DAY - timedelta(seconds=1)), Login)
    assert read(header(), now=NOW + DAY + timedelta(seconds=1)) is LoginRefusal.EXPIRED
    assert read(header(auth_date=NOW + timedelta(hours=1))) is LoginRefusal.EXPIRED


def test_missing_pieces_are_refused() -> None:
    assert read(None) is LoginRefusal.MISSING
    assert read("") is LoginRefusal.MISSING
    assert read("tma ") is LoginRefusal.MISSING
    assert read("Bearer " + header().removeprefix("tma ")) is LoginRefusal.MISSING
    # Signed correctly, but Telegram said nothing of who opened it.
    assert read(header(user=None)) is LoginRefusal.NO_USER
    # No hash, no auth_date, or not even a query string.
    unsigned = urlencode({"auth_date": "1", "user": '{"id":1,"first_name":"x"}'})
    assert read("tma " + unsigned) is LoginRefusal.INVALID
    no_date = {"user": '{"id":1,"first_name":"x"}'}
    assert read("tma " + urlencode({**no_date, "hash": sign(no_date, TOKEN)})) is (
        LoginRefusal.INVALID
    )
    assert read("tma %%%") is LoginRefusal.INVALID


def test_a_user_of_the_wrong_shape_under_a_valid_signature_is_refused() -> None:
    fields = {"auth_date": str(int(NOW.timestamp())), "user": '{"id":"not a number"}'}
    assert read("tma " + urlencode({**fields, "hash": sign(fields, TOKEN)})) is (
        LoginRefusal.INVALID
    )


def test_a_login_is_scrubbed_from_log_lines_raw_or_percent_encoded() -> None:
    raw = header().removeprefix("tma ")
    line = f"request failed: Authorization=tma {raw} at /app/api/me"
    assert redact(line, TOKEN) == (
        "request failed: Authorization=tma <redacted-init-data> at /app/api/me"
    )
    in_url = "GET /app/#tgWebAppData=" + quote(raw, safe="") + "&tgWebAppVersion=8.0"
    assert "auth_date" not in redact(in_url, TOKEN)
    assert redact("a #hashtag and a hash browns order", TOKEN) == (
        "a #hashtag and a hash browns order"
    )
