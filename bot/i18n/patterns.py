"""The Fluent patterns a browser formats itself: the dashboard's screens read the same .ftl files
as the bot, sent as source (`{ $count } items`, selections included) rather than copied into
JavaScript. Only messages under a prefix go out, with no attributes or terms."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from fluent.syntax import FluentParser, ast
from fluent.syntax.serializer import serialize_pattern

from bot.i18n import LOCALES, LOCALES_DIR, Locale

DASHBOARD_PREFIX = "ui-"


@cache
def patterns(
    locale: Locale, prefix: str = DASHBOARD_PREFIX, directory: Path = LOCALES_DIR
) -> dict[str, str]:
    """Every message of `locale` whose key starts with `prefix`, key -> pattern source."""
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}")
    found: dict[str, str] = {}
    parser = FluentParser(with_spans=False)
    for path in sorted((directory / locale).glob("*.ftl")):
        for entry in parser.parse(path.read_text(encoding="utf-8")).body:
            if (
                isinstance(entry, ast.Message)
                and entry.value is not None
                and entry.id.name.startswith(prefix)
            ):
                found[entry.id.name] = serialize_pattern(entry.value).strip()
    return found
