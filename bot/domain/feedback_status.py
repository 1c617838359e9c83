"""Where a feedback item stands, as operators set it; words in either language."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    NEW = "new"
    TRIAGED = "triaged"
    PLANNED = "planned"
    DONE = "done"
    WONT_DO = "wontdo"


_WORDS = {
    "new": Status.NEW,
    "新": Status.NEW,
    "triaged": Status.TRIAGED,
    "triage": Status.TRIAGED,
    "已分拣": Status.TRIAGED,
    "planned": Status.PLANNED,
    "plan": Status.PLANNED,
    "计划": Status.PLANNED,
    "done": Status.DONE,
    "完成": Status.DONE,
    "wontdo": Status.WONT_DO,
    "won't_do": Status.WONT_DO,
    "wont_do": Status.WONT_DO,
    "不做": Status.WONT_DO,
}


def parse_status(word: str) -> Status | None:
    return _WORDS.get(word.strip().lower().replace(" ", "_").replace("’", "'"))


def parse_message_ref(word: str) -> int | None:
    """A message id, or a t.me message link whose last part is one."""
    tail = word.strip().rstrip("/").rsplit("/", 1)[-1]
    if tail.isdigit() and 0 < int(tail) < 2**53:
        return int(tail)
    return None
