"""Learning from the operators: their manual tags and untags (tag_corrections) propose keywords
for the group's own tags; an operator accepts one by tap, which adds it to that group's set only
(the built-in set and other groups never change), or declines it for good. The digest says how
many corrections there were (TagLearningDigestSection)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit, tag_corrections
from bot.db.tag_sets import load_tag_set, save_tag_set
from bot.domain.audit import AuditEvent
from bot.domain.roles import Actor
from bot.domain.tag_set import TagSet, parse_terms
from bot.domain.tagging import Tagger, normalize
from bot.domain.tagging.keyword_learning import Proposal, propose
from bot.i18n import Html, Texts
from bot.services.clock import utc_now

MAX_SHOWN = 8  # proposals on one card


@dataclass(frozen=True, slots=True)
class Proposals:
    proposals: list[Proposal]
    labels: int  # the manual tags and untags they were learned from


class TagLearning:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self._session_factory = session_factory
        self._now = now

    async def proposals(self, chat_id: int) -> Proposals:
        """What the group's corrections propose now, most supported first."""
        async with self._session_factory() as session:
            return await _proposals(session, chat_id)

    async def accept(self, chat_id: int, actor: Actor, key: str) -> Proposal | None:
        """Add the proposal named `key` to its tag in the group's own set, audited; None when
        it is no longer proposed (decided meanwhile, the tag gone, the labels changed)."""
        now = self._now()
        async with self._session_factory() as session, session.begin():
            proposal = await _find(session, chat_id, key)
            if proposal is None:
                return None
            tag_set = await load_tag_set(session, chat_id)
            changed = tag_set.add_terms(proposal.tag, parse_terms(proposal.keyword))
            await save_tag_set(session, chat_id, changed, now)
            await tag_corrections.decide(
                session,
                chat_id,
                proposal.tag,
                normalize(proposal.keyword),
                tag_corrections.ACCEPTED,
                now=now,
            )
            await audit.record(
                session,
                AuditEvent(
                    chat_id=chat_id,
                    actor=actor,
                    action="tag-keyword-learned",
                    at=now,
                    detail=f"{proposal.tag}: {proposal.keyword}"[:500],
                ),
            )
        return proposal

    async def decline(self, chat_id: int, key: str) -> Proposal | None:
        """Never propose it again; None when it is no longer proposed."""
        now = self._now()
        async with self._session_factory() as session, session.begin():
            proposal = await _find(session, chat_id, key)
            if proposal is None:
                return None
            await tag_corrections.decide(
                session,
                chat_id,
                proposal.tag,
                normalize(proposal.keyword),
                tag_corrections.DECLINED,
                now=now,
            )
        return proposal


async def _find(session: AsyncSession, chat_id: int, key: str) -> Proposal | None:
    found = await _proposals(session, chat_id)
    return next((p for p in found.proposals if p.key == key), None)


async def _proposals(session: AsyncSession, chat_id: int) -> Proposals:
    labels = await tag_corrections.tag_labels(session, chat_id)
    if not labels.tagged:
        return Proposals([], sum(len(ids) for ids in labels.untagged.values()))
    tag_set = await load_tag_set(session, chat_id)
    tagger = Tagger.build(tag_set.rules, learned_tags=True)
    decided = await tag_corrections.decided(session, chat_id)
    labelled = set().union(*labels.tagged.values(), *labels.untagged.values())
    texts = await tag_corrections.texts_of(session, chat_id, labelled)
    background = await tag_corrections.recent_texts(session, chat_id)
    found: list[Proposal] = []
    for tag, message_ids in sorted(labels.tagged.items()):
        if not tag_set.has(tag):
            continue  # deleted since
        missed = [
            texts[m]
            for m in sorted(message_ids)
            if m in texts and tag not in tagger.tag(texts[m]).tags
        ]
        if not missed:
            continue
        others = [texts[m] for m in labels.untagged.get(tag, ()) if m in texts]
        others += [
            text
            for message_id, text in background.items()
            if message_id not in message_ids and tag not in tagger.tag(text).tags
        ]
        found.extend(propose(tag, missed, others, _known(tag_set, tag) | decided.get(tag, set())))
    found.sort(key=lambda p: (-p.support, p.against, p.tag))
    count = sum(len(ids) for ids in labels.tagged.values()) + sum(
        len(ids) for ids in labels.untagged.values()
    )
    return Proposals(found[:MAX_SHOWN], count)


def _known(tag_set: TagSet, tag: str) -> set[str]:
    return {normalize(keyword) for keyword in tag_set.get(tag).keywords}


class TagLearningDigestSection:
    """The digest's line on learning: how many corrections operators made in the window, and
    how many keyword proposals wait for them."""

    async def lines(
        self, session: AsyncSession, chat_id: int, start: datetime, end: datetime, texts: Texts
    ) -> list[Html]:
        corrections = await tag_corrections.count_between(session, chat_id, start, end)
        if not corrections:
            return []
        waiting = len((await _proposals(session, chat_id)).proposals)
        return [texts("tag-learning-digest", corrections=corrections, proposals=waiting)]
