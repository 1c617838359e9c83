"""Settings: every documented key loads, and bad values stop the bot with one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Mode, SettingsError, load_settings

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "123456789:AAExampleTokenThatIsLongEnough_abcdef"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key in (
        "BOT_TOKEN",
        "DATABASE_URL",
        "TELEGRAM_API_BASE",
        "MODE",
        "WEBHOOK_URL",
        "WEBHOOK_SECRET",
        "REDIS_URL",
        "OPERATOR_IDS",
        "DEFAULT_TIMEZONE",
    ):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)


def test_env_example_documents_every_setting_and_loads(tmp_path: Path) -> None:
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    (tmp_path / ".env").write_text(example, encoding="utf-8")
    settings = load_settings()
    documented = {
        line.split("=", 1)[0].strip().lower()
        for line in example.splitlines()
        if "=" in line and not line.lstrip().startswith("#")
    }
    assert documented == set(type(settings).model_fields)
    assert settings.bot_token is None
    assert settings.redis_url is None
    assert settings.mode is Mode.POLLING
    assert settings.database_url.startswith("sqlite+aiosqlite:///")


def test_operator_ids_are_comma_separated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPERATOR_IDS", "1001, 2002,3003")
    assert load_settings().operator_ids == [1001, 2002, 3003]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"bot_token": "123:short"}, "BOT_TOKEN: is not a Telegram bot token"),
        ({"database_url": "mysql://x"}, "DATABASE_URL: must start with"),
        ({"telegram_api_base": "ftp://x"}, "TELEGRAM_API_BASE: must be an http"),
        ({"mode": "webhook"}, "MODE=webhook needs WEBHOOK_URL"),
        (
            {"mode": "webhook", "webhook_url": "https://bot.example", "webhook_secret": "short"},
            "MODE=webhook needs WEBHOOK_SECRET",
        ),
        ({"default_timezone": "Mars/Olympus"}, "unknown timezone"),
        ({"redis_url": "http://cache"}, "REDIS_URL: must start with redis://"),
    ],
)
def test_bad_settings_give_one_clear_line(overrides: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError) as raised:
        load_settings(**overrides)
    text = str(raised.value)
    assert message in text
    assert "\n" not in text


def test_a_malformed_token_is_never_echoed() -> None:
    almost = TOKEN.replace(":", "-")
    with pytest.raises(SettingsError) as raised:
        load_settings(bot_token=almost)
    assert almost not in str(raised.value)
    assert "AAExample" not in str(raised.value)


def test_the_token_is_secret_in_reprs() -> None:
    settings = load_settings(bot_token=TOKEN)
    assert settings.token == TOKEN
    assert TOKEN not in repr(settings)
    assert TOKEN not in str(settings.model_dump())
