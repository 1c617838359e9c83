"""Recognition (issue 19, section 3): which Telegram member tag each fan earns from what fanpulse
records, and the words of /member_tags. Telegram shows one tag per member, at most 16
characters, no emoji (setChatMemberTag, Bot API 9.5), so a fan gets the first kind they earn in
`KINDS` order."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.domain.ask_notices import parse_switch

TAG_LIMIT = 16
TOP_COUNT = 10  # the "top feedback" tag: the N fans with the most feedback in the window
WINDOW_DAYS = 30  # feedback and giveaway wins count over the last 30 days


class TagKind(StrEnum):
    WINNER = "winner"
    TOP = "top"
    SINCE = "since"


KINDS: tuple[TagKind, ...] = (TagKind.WINNER, TagKind.TOP, TagKind.SINCE)
DEFAULT_KINDS: tuple[TagKind, ...] = KINDS

_WORDS: dict[str, TagKind] = {
    "winner": TagKind.WINNER,
    "winners": TagKind.WINNER,
    "giveaway": TagKind.WINNER,
    "中奖": TagKind.WINNER,
    "中獎": TagKind.WINNER,
    "top": TagKind.TOP,
    "feedback": TagKind.TOP,
    "反馈": TagKind.TOP,
    "回饋": TagKind.TOP,
    "since": TagKind.SINCE,
    "year": TagKind.SINCE,
    "老粉": TagKind.SINCE,
}
_SEPARATORS = re.compile(r"[\s,，、;；|｜]+")


@dataclass(frozen=True, slots=True)
class Switch:
    enabled: bool


@dataclass(frozen=True, slots=True)
class Kinds:
    kinds: tuple[TagKind, ...]


@dataclass(frozen=True, slots=True)
class Unknown:
    """What was typed that names no switch and no kind."""

    word: str


Choice = Switch | Kinds | Unknown


def parse_choice(typed: str) -> Choice:
    """`on`, `off`, or the kinds that exist (`winner top since`, `winner，since`)."""
    plain = unicodedata.normalize("NFKC", typed).strip()
    switch = parse_switch(plain)
    if switch is not None:
        return Switch(switch)
    kinds: list[TagKind] = []
    for word in _SEPARATORS.split(plain):
        if not word:
            continue
        kind = _WORDS.get(word.lower().lstrip("-—–"))
        if kind is None:
            return Unknown(word)
        if kind not in kinds:
            kinds.append(kind)
    if not kinds:
        return Unknown(plain)
    return Kinds(tuple(kind for kind in KINDS if kind in kinds))


def kinds_text(kinds: Iterable[TagKind]) -> str:
    return ",".join(kinds)


def kinds_of(stored: str | None) -> tuple[TagKind, ...]:
    if stored is None:
        return DEFAULT_KINDS
    names = set(stored.split(","))
    return tuple(kind for kind in KINDS if kind in names)


@dataclass(frozen=True, slots=True)
class Facts:
    """What the group's records say, for the kinds to read."""

    winners: frozenset[int]
    feedback_counts: Mapping[int, int]
    first_seen: Mapping[int, datetime]
    this_year: int


@dataclass(frozen=True, slots=True)
class Earned:
    kind: TagKind
    year: int | None = None


def earned_tags(facts: Facts, kinds: Sequence[TagKind], staff: frozenset[int]) -> dict[int, Earned]:
    """Each fan's one tag. "since" only for those first seen before this year: a tag that every
    newcomer wears says nothing."""
    top = sorted(facts.feedback_counts.items(), key=lambda item: (-item[1], item[0]))
    top_fans = {user_id for user_id, count in top[:TOP_COUNT] if count > 0}
    earned: dict[int, Earned] = {}
    for kind in reversed(kinds):  # the first kind in KINDS order wins, so it is written last
        if kind is TagKind.SINCE:
            for user_id, seen in facts.first_seen.items():
                if seen.year < facts.this_year:
                    earned[user_id] = Earned(kind, seen.year)
        elif kind is TagKind.TOP:
            earned.update((user_id, Earned(kind)) for user_id in top_fans)
        else:
            earned.update((user_id, Earned(kind)) for user_id in facts.winners)
    return {user_id: tag for user_id, tag in earned.items() if user_id not in staff}


@dataclass(frozen=True, slots=True)
class Change:
    user_id: int
    tag: str | None  # None: clear it


def changes(wanted: Mapping[int, str], stored: Mapping[int, str]) -> list[Change]:
    """Only what differs: the new and changed tags set, the ones no longer earned cleared."""
    found = [
        Change(user_id, tag)
        for user_id, tag in sorted(wanted.items())
        if stored.get(user_id) != tag
    ]
    found.extend(Change(user_id, None) for user_id in sorted(stored) if user_id not in wanted)
    return found


def fits(tag: str) -> str:
    return tag[:TAG_LIMIT]
