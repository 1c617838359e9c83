"""The screens' texts come from the bot's Fluent files (bot/i18n/patterns.py): every key the
static scripts ask for exists in the three languages, and no script builds markup from strings,
so a fan's text can only ever become a text node."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.i18n import LOCALES, Locale
from bot.i18n.patterns import patterns

STATIC = Path(__file__).resolve().parents[2] / "bot" / "dashboard" / "static"
SCRIPTS = sorted(STATIC.rglob("*.js"))
# Keys built from a name at run time: each prefix with the names it is built from.
BUILT_KEYS = {
    "ui-tab-": ("overview", "inbox", "polls", "giveaways", "videos", "settings"),
    "ui-sentiment-": ("positive", "neutral", "negative"),
    "ui-status-": ("new", "triaged", "planned", "done", "wontdo"),
    "ui-period-": ("24h", "7d", "30d", "90d"),
    "ui-inbox-filter-": ("tag", "status", "sentiment", "period"),
    "ui-inbox-any-": ("tag", "status", "sentiment", "period"),
    "ui-inbox-done-": ("tag", "untag", "status", "duplicate"),
    "ui-error-": ("400", "401", "403", "404", "409", "429"),
    "ui-overview-": ("messages", "active-fans", "new-fans", "joins", "leaves", "feedback"),
    "ui-poll-state-": ("open", "scheduled", "deleted", "closed", "cancelled"),
    "ui-giveaway-state-": ("open", "drawing", "drawn", "done", "cancelled"),
    "ui-giveaway-standing-": ("won", "replaced", "skipped", "not-drawn", "not-entered"),
    "ui-settings-": ("language", "timezone", "retention", "digest"),
    "ui-video-": ("plays", "likes", "favourites", "shares"),
    "ui-language-": ("en", "zh", "zh-Hant"),
    "ui-role-": ("analyst", "operator", "administrator"),
}
LITERAL_KEY = re.compile(r"""["'`](ui-[a-z0-9-]+[a-z0-9])["'`]""")
MARKUP_SINKS = ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "DOMParser")


def keys_in_scripts() -> set[str]:
    found = {key for path in SCRIPTS for key in LITERAL_KEY.findall(path.read_text("utf-8"))}
    for prefix, names in BUILT_KEYS.items():
        found.update(prefix + name for name in names)
    return found


def test_the_screens_have_scripts() -> None:
    assert (STATIC / "index.html").is_file()
    assert {path.name for path in SCRIPTS} >= {"app.js", "dom.js", "overview.js", "inbox.js"}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_key_the_scripts_use_is_translated(locale: Locale) -> None:
    missing = keys_in_scripts() - set(patterns(locale))
    assert not missing, f"{locale} lacks {sorted(missing)}"


def test_the_languages_send_the_same_keys() -> None:
    english = set(patterns("en"))
    assert english
    for locale in LOCALES:
        assert set(patterns(locale)) == english, locale


def test_patterns_are_sent_as_fluent_source() -> None:
    total = patterns("en")["ui-inbox-total"]
    assert "{ $more ->" in total and "*[other] { $count } items" in total
    assert "<" not in "".join(patterns("zh").values()), "the screens' texts carry no markup"


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda path: path.name)
def test_no_script_turns_strings_into_markup(path: Path) -> None:
    source = path.read_text("utf-8")
    for sink in MARKUP_SINKS:
        assert sink not in source, f"{path.name} uses {sink}"


def test_only_telegrams_sdk_comes_from_elsewhere() -> None:
    index = (STATIC / "index.html").read_text("utf-8")
    outside = re.findall(r"""(?:src|href)="(https?://[^"]+)\"""", index)
    assert outside == ["https://telegram.org/js/telegram-web-app.js"]
    for path in SCRIPTS:
        # SVG's namespace is a name, not a request.
        source = path.read_text("utf-8").replace('"http://www.w3.org/2000/svg"', "")
        assert not re.search(r"https?://", source), path.name
