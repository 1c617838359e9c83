"""Where a feedback item stands, as operators set it; words in either language."""

from __future__ import annotations

import difflib
import unicodedata
from enum import StrEnum

from bot.domain.arguments import parse_number


class Status(StrEnum):
    NEW = "new"
    TRIAGED = "triaged"
    PLANNED = "planned"
    DONE = "done"
    WONT_DO = "wontdo"


# The English keys, and the words the bot itself shows for each status (bot/locales/*/
# feedback.ftl and inbox.ftl) with their bare forms, in both Chinese scripts: an operator types
# back what they read.
_WORDS = {
    "new": Status.NEW,
    "新": Status.NEW,
    "新的": Status.NEW,
    "未处理": Status.NEW,
    "未處理": Status.NEW,
    "triaged": Status.TRIAGED,
    "triage": Status.TRIAGED,
    "已分拣": Status.TRIAGED,
    "已分揀": Status.TRIAGED,
    "分拣": Status.TRIAGED,
    "分揀": Status.TRIAGED,
    "planned": Status.PLANNED,
    "plan": Status.PLANNED,
    "计划": Status.PLANNED,
    "計劃": Status.PLANNED,
    "計畫": Status.PLANNED,
    "已计划": Status.PLANNED,
    "已計劃": Status.PLANNED,
    "已計畫": Status.PLANNED,
    "done": Status.DONE,
    "完成": Status.DONE,
    "已完成": Status.DONE,
    "wontdo": Status.WONT_DO,
    "won't_do": Status.WONT_DO,
    "wont_do": Status.WONT_DO,
    "won't": Status.WONT_DO,
    "不做": Status.WONT_DO,
    "不会做": Status.WONT_DO,
    "不會做": Status.WONT_DO,
}


def parse_status(word: str) -> Status | None:
    return _WORDS.get(_plain(word))


def suggest_status(word: str) -> str | None:
    """The status key closest to a mistyped word (`plannd` -> `planned`), if one is close."""
    close = difflib.get_close_matches(_plain(word), list(_WORDS), n=1, cutoff=0.6)
    return _WORDS[close[0]].value if close else None


def _plain(word: str) -> str:
    return unicodedata.normalize("NFKC", word).strip().lower().replace(" ", "_").replace("’", "'")


def parse_message_ref(word: str) -> int | None:
    """A message id (`8`, `#8`, `＃８`), or a t.me message link whose last part is one."""
    tail = word.strip().rstrip("/").rsplit("/", 1)[-1]
    number = parse_number(tail)
    if number is not None and 0 < number < 2**53:
        return number
    return None
