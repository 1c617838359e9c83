"""Deleting and renaming a tag, asked first and undoable (bot/services/undo.py): a deleted tag
comes back with its rules, in its place, and on the comments that carried it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db.tag_assignments import assignments, restore_assignments
from bot.db.tag_sets import load_tag_set, save_tag_set
from bot.domain.audit import AuditEvent
from bot.domain.roles import Actor, Role
from bot.domain.tag_set import MAX_TAGS, TagSet, TagSetError
from bot.domain.tagging import TagRule
from bot.services.undo import Payload, Refused, Step

UNDONE = "action-undone"


def _event(chat_id: int, actor: Actor, action: str, at: datetime, detail: str) -> AuditEvent:
    return AuditEvent(chat_id=chat_id, actor=actor, action=action, at=at, detail=detail[:500])


class TagDeletion:
    role = Role.OPERATOR

    async def do(self, step: Step, payload: Payload) -> Payload:
        session, chat_id, actor, now = step.session, step.chat_id, step.actor, step.now
        tag = str(payload["tag"])
        tag_set = await load_tag_set(session, chat_id)
        if not tag_set.has(tag):
            raise Refused("confirm-tag-gone", tag=tag)
        rule = tag_set.get(tag)
        carried = await assignments(session, chat_id, tag)
        await save_tag_set(session, chat_id, tag_set.delete(tag), now, deleted=tag)
        await audit.record(session, _event(chat_id, actor, "tag-deleted", now, f"{tag}: "))
        return {
            "tag": tag,
            "position": tag_set.names.index(tag),
            "keywords": list(rule.keywords),
            "hashtags": list(rule.hashtags),
            "items": [list(item) for item in carried],
            "count": len(carried),
        }

    async def undo(self, step: Step, payload: Payload, done_at: datetime) -> None:
        session, chat_id, actor, now = step.session, step.chat_id, step.actor, step.now
        tag = str(payload["tag"])
        tag_set = await load_tag_set(session, chat_id)
        if tag_set.has(tag):
            raise Refused("undo-tag-taken", tag=tag)
        if len(tag_set.rules) >= MAX_TAGS:  # tags were created since
            raise Refused("undo-tag-full", tag=tag, limit=MAX_TAGS)
        rule = TagRule(tag, tuple(payload["keywords"]), tuple(payload["hashtags"]))
        rules = list(tag_set.rules)
        rules.insert(min(int(payload["position"]), len(rules)), rule)
        await save_tag_set(session, chat_id, TagSet(tuple(rules)), now)
        items = [(int(message_id), str(source)) for message_id, source in payload["items"]]
        await restore_assignments(session, chat_id, tag, items)
        await audit.record(session, _event(chat_id, actor, UNDONE, now, f"tag-delete: {tag}"))


class TagRenaming:
    role = Role.OPERATOR

    async def do(self, step: Step, payload: Payload) -> Payload:
        session, chat_id, actor, now = step.session, step.chat_id, step.actor, step.now
        old, new = str(payload["old"]), str(payload["new"])
        tag_set = await load_tag_set(session, chat_id)
        try:
            renamed = tag_set.rename(old, new)
        except TagSetError as error:
            raise Refused("tags-error", code=error.code.value, value=error.value) from error
        await save_tag_set(session, chat_id, renamed, now, renamed=(old, new))
        await audit.record(session, _event(chat_id, actor, "tag-renamed", now, f"{new}: {old}"))
        return payload

    async def undo(self, step: Step, payload: Payload, done_at: datetime) -> None:
        session, chat_id, actor, now = step.session, step.chat_id, step.actor, step.now
        old, new = str(payload["old"]), str(payload["new"])
        tag_set = await load_tag_set(session, chat_id)
        if not tag_set.has(new) or tag_set.has(old):
            raise Refused("undo-tag-changed", tag=new)
        await save_tag_set(session, chat_id, tag_set.rename(new, old), now, renamed=(new, old))
        await audit.record(session, _event(chat_id, actor, UNDONE, now, f"tag-rename: {old}"))


class TagUsage:
    """How many stored comments carry a tag: what the question before deleting it says."""

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._session_factory = session_factory

    async def carrying(self, chat_id: int, tag: str) -> int:
        async with self._session_factory() as session:
            return len(await assignments(session, chat_id, tag))
