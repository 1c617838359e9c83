"""A group's tag set: reading it, and changing it with an audit entry in the same transaction;
the built-in tags' display names per language (`tag-name-<key>` in bot/locales/*/feedback.ftl),
shown instead of the key and accepted as input next to it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db.tag_sets import load_tag_set, save_tag_set
from bot.domain.audit import AuditEvent
from bot.domain.roles import Actor
from bot.domain.tag_set import TagSet, TagSetError, tag_name
from bot.domain.tagging import DEFAULT_RULES
from bot.i18n import LOCALES, Texts, Translator
from bot.services.clock import utc_now

BUILT_IN: Final = frozenset(rule.tag for rule in DEFAULT_RULES)


def tag_aliases(translator: Translator) -> dict[str, str]:
    """Every language's display name of each built-in tag (as `tag_name` stores a typed name),
    to the tag's key: 建议, 建議 and suggestion all mean `suggestion`."""
    found: dict[str, str] = {}
    for key in sorted(BUILT_IN):
        for locale in LOCALES:
            try:
                found.setdefault(tag_name(translator.text(locale, f"tag-name-{key}")), key)
            except TagSetError:
                continue  # a display name with a space cannot be typed as one word
    return found


def shown_tag(texts: Texts, key: str) -> str:
    """A tag as the reader sees it: a built-in tag by its name in their language."""
    return texts.plain(f"tag-name-{key}") if key in BUILT_IN else key


NO_ALIASES: Final[Mapping[str, str]] = {}


@dataclass(frozen=True, slots=True)
class TagChange:
    """A validated edit of the tag set, with what the audit log and the reply say about it."""

    apply: Callable[[TagSet], TagSet]
    action: str
    tag: str
    detail: str
    renamed: tuple[str, str] | None = None
    deleted: str | None = None


class TagService:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        now: Callable[[], datetime] = utc_now,
        aliases: Mapping[str, str] = NO_ALIASES,
    ) -> None:
        self._session_factory = session_factory
        self._now = now
        self.aliases = aliases  # display names of built-in tags, to their keys

    async def tag_set(self, chat_id: int) -> TagSet:
        """The group's own set, or the default one until its first change."""
        async with self._session_factory() as session:
            return await load_tag_set(session, chat_id)

    async def change(self, chat_id: int, actor: Actor, change: TagChange) -> None:
        """Apply and store the change; `TagSetError` (nothing stored) when it does not fit."""
        now = self._now()
        async with self._session_factory() as session, session.begin():
            changed = change.apply(await load_tag_set(session, chat_id))
            await save_tag_set(
                session, chat_id, changed, now, renamed=change.renamed, deleted=change.deleted
            )
            await audit.record(
                session,
                AuditEvent(
                    chat_id=chat_id,
                    actor=actor,
                    action=change.action,
                    at=now,
                    detail=f"{change.tag}: {change.detail}"[:500],
                ),
            )
