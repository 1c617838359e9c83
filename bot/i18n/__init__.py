"""Every user-visible text comes from the Fluent files in bot/locales: English, Simplified Chinese
(`zh`) and Traditional Chinese (`zh-Hant`).

`Translator` holds one Fluent bundle per language; `Texts` is a translator bound to the language
of one reader. Arguments are escaped for Telegram's HTML parse mode on the way in, so a fan's name
or a group title can never inject markup; the Fluent files themselves may use HTML tags.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import ast as fluent_ast

Locale = Literal["en", "zh", "zh-Hant"]
LOCALES: tuple[Locale, ...] = ("en", "zh", "zh-Hant")
LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"

Arg = str | int | float


class Html(str):
    """Text that is already safe HTML (a translated fragment): passed through unescaped."""

    __slots__ = ()


class MissingText(LookupError):
    """A key that is not in the Fluent files, or a message that failed to format."""


# Telegram's language_code is an IETF tag (`zh-hans`, `zh-TW`); people type names or scripts.
_TRADITIONAL_TAGS = ("zh-hant", "zh-tw", "zh-hk", "zh-mo")
_WORDS: dict[str, Locale] = {
    "english": "en",
    "英文": "en",
    "英語": "en",
    "英语": "en",
    "中文": "zh",
    "简体": "zh",
    "簡體": "zh",
    "简体中文": "zh",
    "簡體中文": "zh",
    "繁體": "zh-Hant",
    "繁体": "zh-Hant",
    "正體": "zh-Hant",
    "繁體中文": "zh-Hant",
    "繁体中文": "zh-Hant",
    "正體中文": "zh-Hant",
    "traditional": "zh-Hant",
}


def locale_of(value: str | None) -> Locale | None:
    """`zh`, `zh-hans`, `zh-CN` read Simplified Chinese; `zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO`
    Traditional; `en*` English; the languages' names (`繁體`, `简体`, `English`) too; anything
    else None."""
    if not value:
        return None
    language = value.strip().lower().replace("_", "-")
    if language in _WORDS:
        return _WORDS[language]
    if language.startswith(_TRADITIONAL_TAGS):
        return "zh-Hant"
    if language.startswith("zh"):
        return "zh"
    if language.startswith("en"):
        return "en"
    return None


def _escaped(value: Arg) -> Arg:
    if isinstance(value, Html):
        return str(value)
    if isinstance(value, str):
        return html.escape(value, quote=False)
    return value


@functools.lru_cache(maxsize=4096)
def _parsed(source: str) -> fluent_ast.Resource:
    # Parsing every .ftl file was most of a dispatcher's build (half a second); a bundle only
    # reads the syntax tree, so every Translator of the process shares one parse per file text.
    return FluentResource(source)


class Translator:
    def __init__(self, bundles: Mapping[Locale, FluentBundle]) -> None:
        self._bundles = dict(bundles)

    @classmethod
    def load(cls, directory: Path = LOCALES_DIR) -> Translator:
        bundles: dict[Locale, FluentBundle] = {}
        for locale in LOCALES:
            bundle = FluentBundle([locale], use_isolating=False)
            for path in sorted((directory / locale).glob("*.ftl")):
                bundle.add_resource(_parsed(path.read_text(encoding="utf-8")))
            bundles[locale] = bundle
        return cls(bundles)

    def text(self, locale: Locale, key: str, escape: bool = True, /, **args: Arg) -> Html:
        bundle = self._bundles[locale]
        if not bundle.has_message(key):
            raise MissingText(f"{locale}: no message {key!r}")
        message = bundle.get_message(key)
        if message.value is None:
            raise MissingText(f"{locale}: message {key!r} has no value")
        values = {name: _escaped(value) for name, value in args.items()} if escape else args
        result, errors = bundle.format_pattern(message.value, values)
        if errors:
            raise MissingText(f"{locale}: {key!r}: {errors[0]}")
        return Html(result)

    def has(self, locale: Locale, key: str) -> bool:
        return self._bundles[locale].has_message(key)

    def keys(self, locale: Locale, prefix: str) -> list[str]:
        """The message keys starting with `prefix` (the dashboard's screens take theirs whole)."""
        messages: Mapping[str, object] = self._bundles[locale]._messages
        return sorted(key for key in messages if key.startswith(prefix))

    def bind(self, locale: Locale) -> Texts:
        return Texts(self, locale)


@dataclass(frozen=True, slots=True)
class Texts:
    """The translator in one reader's language: `texts("status-title", title=chat.title)`."""

    translator: Translator
    locale: Locale

    def __call__(self, key: str, /, **args: Arg) -> Html:
        return self.translator.text(self.locale, key, **args)

    def plain(self, key: str, /, **args: Arg) -> str:
        """For plain-text places (button labels, callback alerts): nothing is escaped, so these
        messages carry no HTML tags."""
        return str(self.translator.text(self.locale, key, False, **args))

    def lines(self, parts: Iterable[str]) -> Html:
        """Translated fragments, one per line (each already safe)."""
        return Html("\n".join(parts))


def choose_locale(chosen: str | None, telegram_language: str | None, default: Locale) -> Locale:
    """A reader's language: what they chose, else their Telegram language, else the default."""
    return locale_of(chosen) or locale_of(telegram_language) or default


def moment(value: datetime, timezone: str) -> str:
    """A stored UTC time as the group reads it: `2026-01-02 11:04 (Asia/Shanghai)`."""
    local = value.astimezone(ZoneInfo(timezone))
    return f"{local:%Y-%m-%d %H:%M} ({timezone})"
