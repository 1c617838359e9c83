"""The door: what a group's operators chose for newcomers, and the pure rules around it.

Every part is a per-group setting, off by default except the welcome. A setting is a name and a
typed value (`DOOR_SETTINGS`), so a later part of the door (a spam mode) is one more entry and one
more column, and the command, the panel and the audit log pick it up without new code paths.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import timedelta
from enum import StrEnum
from typing import Any

from bot.domain.recurrence import ScheduleError, parse_duration
from bot.domain.spam import SpamMode, parse_mode
from bot.domain.tagging.normalization import normalize

WELCOME_LIFETIME = timedelta(minutes=5)  # a welcome in the chat is removed after this
WELCOME_COLLAPSE = timedelta(seconds=60)  # joins within this share one welcome message
MAX_WELCOMED_NAMES = 20  # past this the welcome says "and N more"
MAX_TEXT = 2000  # the rules or a question, as operators write them
MAX_WELCOME = 1000  # with the rules and 20 names it stays within one message
MAX_ANSWERS = 20
MIN_CHECK_MINUTES, MAX_CHECK_MINUTES = 1, 1440
MIN_WARNS, MAX_WARNS = 1, 20
# Telegram treats a restriction shorter than 30 s or longer than 366 days as forever.
MIN_MUTE, MAX_MUTE = timedelta(seconds=30), timedelta(days=366)
SPIKE_WINDOW = timedelta(minutes=1)
PLACEHOLDERS = ("name", "group", "rules")


class CheckMode(StrEnum):
    OFF = "off"
    BUTTON = "button"
    QUESTION = "question"


class CheckState(StrEnum):
    PENDING = "pending"
    PASSED = "passed"
    FAILED = "failed"  # a wrong answer, or a join request declined
    EXPIRED = "expired"  # the time ran out: removed
    LEFT = "left"  # they left before deciding


class CheckKind(StrEnum):
    RULES = "rules"  # accept the rules with a button
    HUMAN = "human"  # the human check: a button or the question


@dataclass(frozen=True, slots=True)
class DoorSettings:
    welcome: bool = True
    welcome_text: str | None = None  # None: the built-in text in the group's language
    rules: str | None = None
    rules_required: bool = False
    check: CheckMode = CheckMode.OFF
    question: str | None = None
    answers: tuple[str, ...] = ()  # normalised with `normalise_answer`
    check_minutes: int = 5
    trust_other_groups: bool = False  # a pass in another group of this instance counts here
    dry_run: bool = False  # report what the door would do, do nothing
    giveaway_guard: bool = False  # while a giveaway is open: check required, spikes reported
    spike_joins: int = 10  # joins in a minute that make a spike
    warn_limit: int = 3
    warn_mute_minutes: int = 60
    spam: SpamMode = SpamMode.OFF

    def check_during(self, giveaway_open: bool) -> CheckMode:
        """The check that applies now: a giveaway with the guard on requires one."""
        if self.check is CheckMode.OFF and giveaway_open and self.giveaway_guard:
            return CheckMode.QUESTION if self.question and self.answers else CheckMode.BUTTON
        return self.check


class SettingError(ValueError):
    """A setting or a value the door does not know; `code` names the Fluent message."""

    def __init__(self, code: str, typed: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.typed = typed


_ON = frozenset({"on", "yes", "true", "1", "开", "開", "开启", "開啟", "是", "打开", "打開"})
_OFF = frozenset({"off", "no", "false", "0", "关", "關", "关闭", "關閉", "否"})
TOGGLES = ("welcome", "rules_required", "trust", "dry_run", "giveaway")
NUMBERS = {
    "minutes": (MIN_CHECK_MINUTES, MAX_CHECK_MINUTES),
    "warns": (MIN_WARNS, MAX_WARNS),
    "spike": (2, 1000),
}
SETTING_NAMES = (*TOGGLES, "check", *NUMBERS, "mute", "spam")
_FIELD = {
    "welcome": "welcome",
    "rules_required": "rules_required",
    "trust": "trust_other_groups",
    "dry_run": "dry_run",
    "giveaway": "giveaway_guard",
    "minutes": "check_minutes",
    "warns": "warn_limit",
    "spike": "spike_joins",
}


def parse_switch(typed: str) -> bool:
    word = unicodedata.normalize("NFKC", typed).strip().casefold()
    if word in _ON:
        return True
    if word in _OFF:
        return False
    raise SettingError("door-bad-switch", typed)


def changed(settings: DoorSettings, name: str, typed: str) -> DoorSettings:
    """`settings` with `name` set to what was typed, or SettingError saying what is wrong."""
    name = unicodedata.normalize("NFKC", name).strip().casefold().replace("-", "_")
    if name in TOGGLES:
        values: dict[str, Any] = {_FIELD[name]: parse_switch(typed)}
        return replace(settings, **values)
    if name == "check":
        mode = _check_mode(typed)
        if mode is CheckMode.QUESTION and not settings.answers:
            raise SettingError("door-question-missing")
        return replace(settings, check=mode)
    if name in NUMBERS:
        low, high = NUMBERS[name]
        digits = unicodedata.normalize("NFKC", typed).strip()
        if not digits.isdigit() or not low <= int(digits) <= high:
            raise SettingError("door-bad-number", typed)
        number: dict[str, Any] = {_FIELD[name]: int(digits)}
        return replace(settings, **number)
    if name == "spam":
        spam = parse_mode(typed)
        if spam is None:
            raise SettingError("spam-bad-mode", typed)
        return replace(settings, spam=spam)
    if name == "mute":
        duration = parse_mute(typed)
        return replace(settings, warn_mute_minutes=max(1, int(duration.total_seconds() // 60)))
    raise SettingError("door-unknown-setting", name)


_CHECK_WORDS = {
    "off": CheckMode.OFF,
    "关": CheckMode.OFF,
    "關": CheckMode.OFF,
    "button": CheckMode.BUTTON,
    "按钮": CheckMode.BUTTON,
    "按鈕": CheckMode.BUTTON,
    "question": CheckMode.QUESTION,
    "问题": CheckMode.QUESTION,
    "問題": CheckMode.QUESTION,
}


def _check_mode(typed: str) -> CheckMode:
    mode = _CHECK_WORDS.get(unicodedata.normalize("NFKC", typed).strip().casefold())
    if mode is None:
        raise SettingError("door-bad-check", typed)
    return mode


def normalise_answer(text: str) -> str:
    """The form answers are compared in: the tagger's (NFKC, case-folded, Traditional folded to
    Simplified), spaces collapsed and the punctuation around it dropped."""
    folded = " ".join(normalize(text).split())
    return folded.strip(" .,!?;:'\"。，！？；：、「」『』“”‘’")


def parse_question(text: str) -> tuple[str, tuple[str, ...]]:
    """`Question? | answer | another answer` (bars of any width) into the question and its
    normalised answers."""
    question, *answers = (part.strip() for part in re.split(r"[|｜│￨]", text))
    accepted = tuple(dict.fromkeys(a for a in map(normalise_answer, answers) if a))
    if not question or not accepted:
        raise SettingError("door-question-usage")
    if len(question) > MAX_TEXT or len(accepted) > MAX_ANSWERS:
        raise SettingError("door-too-long")
    return question, accepted


def accepted(answer: str, answers: tuple[str, ...]) -> bool:
    return normalise_answer(answer) in answers


def parse_mute(typed: str) -> timedelta:
    """`1h`, `30m`, `1小时`, `30分钟`, `１ｈ`, `两天`: within what Telegram keeps as a mute."""
    try:
        return parse_duration(typed, minimum=MIN_MUTE, maximum=MAX_MUTE)
    except ScheduleError as error:
        raise SettingError("door-bad-duration", typed) from error


def fill(template: str, **values: str) -> str:
    """The operators' welcome with {name} {group} {rules} filled in, each once (a template of
    repeated {rules} cannot outgrow Telegram's message limit); any other brace stays as
    written (the template is theirs, never a format string)."""
    for name in PLACEHOLDERS:
        if name in values:
            template = template.replace("{" + name + "}", values[name], 1)
    return template


def names_line(names: list[str]) -> tuple[list[str], int]:
    """The names a welcome shows, and how many more joined with them."""
    return names[:MAX_WELCOMED_NAMES], max(0, len(names) - MAX_WELCOMED_NAMES)


def is_spike(joins_in_window: int, settings: DoorSettings) -> bool:
    return joins_in_window >= settings.spike_joins
