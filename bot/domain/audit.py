"""The audit log's vocabulary: what an operator changed, by whom, where and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.domain.roles import Actor

PAGE_SIZE = 10


class AuditAction(StrEnum):
    """Action names are identifiers; the Fluent files say them in each language. Features add
    their own names (a plain string works too) and a matching `audit-action` variant."""

    ROLE_GRANTED = "role-granted"
    ROLE_REVOKED = "role-revoked"
    ROLE_ENDED = "role-ended"  # its holder left or was removed: detail is "left" or "kicked"
    GROUP_LANGUAGE_SET = "group-language-set"
    GROUP_TIMEZONE_SET = "group-timezone-set"
    DIGEST_TIME_SET = "digest-time-set"
    DIGEST_CHAT_SET = "digest-chat-set"
    DIGEST_CHAT_CLEARED = "digest-chat-cleared"
    DIGEST_DAYS_SET = "digest-days-set"


@dataclass(frozen=True, slots=True)
class AuditEvent:
    chat_id: int
    actor: Actor
    action: str
    at: datetime
    subject_user_id: int | None = None
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class AuditPage:
    events: list[AuditEvent]
    page: int
    pages: int

    @property
    def has_previous(self) -> bool:
        return self.page > 0

    @property
    def has_next(self) -> bool:
        return self.page + 1 < self.pages


def page_count(total: int, size: int = PAGE_SIZE) -> int:
    return max(1, -(-total // size))


def clamp_page(page: int, pages: int) -> int:
    return min(max(page, 0), pages - 1)
