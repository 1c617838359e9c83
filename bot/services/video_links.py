"""Video links: `/video_link v12 douyin` makes a named invite link for the group, to paste into
that video's description on that platform; links are listed, renamed and revoked; the funnel
from a video's plays to the fans who joined through its links (bot/domain/video_links.py says
what each number means) joins its report card, the digest and the dashboard.

Telegram stays behind `InviteLinkCourier` (bot/telegram/invite_link_courier.py). Each change is
one transaction with its audit entry, written only after Telegram agreed.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db import video_links as store
from bot.db.video_links import StoredLink
from bot.db.video_report import video_by_number
from bot.domain.audit import AuditEvent
from bot.domain.roles import Actor
from bot.domain.video_links import (
    NEWCOMER_WINDOW,
    Funnel,
    JoinSources,
    LinkJoin,
    funnels,
    parse_link_ask,
    parse_link_name,
)
from bot.domain.video_report import ReportedVideo
from bot.domain.videos import code


class LinksUnavailable(Exception):
    """Telegram refused: the bot is not an administrator allowed to invite users."""


class LinkGone(Exception):
    """Telegram no longer knows the link as the bot's (revoked or removed there)."""


class InviteLinkCourier(Protocol):
    async def create(self, chat_id: int, name: str) -> str:
        """The new link's URL; LinksUnavailable when the bot may not make one."""

    async def rename(self, chat_id: int, invite_link: str, name: str) -> None:
        """LinksUnavailable, or LinkGone when Telegram no longer has the link."""

    async def revoke(self, chat_id: int, invite_link: str) -> None:
        """LinksUnavailable, or LinkGone when Telegram no longer has the link."""


class UnknownLinkVideo(Exception):
    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.code = code(number)


class LinkRevoked(Exception):
    """A revoked link cannot be renamed: Telegram refuses to edit it."""


@dataclass(frozen=True, slots=True)
class MadeLink:
    link: StoredLink
    made: bool  # False: the video already had a live link on that platform, shown again


class VideoLinks:
    def __init__(
        self, session_factory: async_sessionmaker[AsyncSession], courier: InviteLinkCourier
    ) -> None:
        self._session_factory = session_factory
        self._courier = courier

    async def make(self, chat_id: int, actor: Actor, arguments: str, now: datetime) -> MadeLink:
        """LinkRefused (bad input), UnknownLinkVideo, LinksUnavailable: nothing changed."""
        ask = parse_link_ask(arguments)
        async with self._session_factory() as session:
            video = await video_by_number(session, chat_id, ask.number)
            if video is None:
                raise UnknownLinkVideo(ask.number)
            live = await store.live_link(session, chat_id, video.id, ask.platform)
        if live is not None:
            return MadeLink(live, made=False)
        url = await self._courier.create(chat_id, ask.name)
        async with self._session_factory() as session, session.begin():
            link_id = await store.add_link(
                session,
                chat_id=chat_id,
                video_id=video.id,
                platform=ask.platform,
                name=ask.name,
                invite_link=url,
                by=actor.user_id,
                at=now,
            )
            await _record(session, chat_id, actor, "video-link-created", at=now, detail=ask.name)
            made = await store.link_in(session, chat_id, link_id)
        assert made is not None
        return MadeLink(made, made=True)

    async def links(self, chat_id: int) -> list[StoredLink]:
        async with self._session_factory() as session:
            return await store.links_of(session, chat_id)

    async def sources(self, chat_id: int, start: datetime, end: datetime) -> JoinSources:
        """The window's joins: through a video's link, another link, none."""
        async with self._session_factory() as session:
            return await join_sources(session, chat_id, start, end)

    async def link(self, chat_id: int, link_id: int) -> StoredLink | None:
        async with self._session_factory() as session:
            return await store.link_in(session, chat_id, link_id)

    async def rename(
        self, chat_id: int, actor: Actor, link_id: int, typed: str, now: datetime
    ) -> StoredLink | None:
        """None for a link the group does not have; LinkRefused for a bad name, LinkRevoked,
        LinksUnavailable, LinkGone: nothing changed."""
        name = parse_link_name(typed)
        link = await self.link(chat_id, link_id)
        if link is None:
            return None
        if link.revoked_at is not None:
            raise LinkRevoked
        await self._courier.rename(chat_id, link.invite_link, name)
        async with self._session_factory() as session, session.begin():
            await store.rename_link(session, chat_id, link_id, name)
            detail = f"{link.name} → {name}"
            await _record(session, chat_id, actor, "video-link-renamed", at=now, detail=detail)
        return replace(link, name=name)

    async def revoke(
        self, chat_id: int, actor: Actor, link_id: int, now: datetime
    ) -> StoredLink | None:
        """The link as revoked (its history kept); None for a link the group does not have.
        A link Telegram no longer has is marked revoked all the same."""
        link = await self.link(chat_id, link_id)
        if link is None:
            return None
        if link.revoked_at is not None:
            return link
        with suppress(LinkGone):
            await self._courier.revoke(chat_id, link.invite_link)
        async with self._session_factory() as session, session.begin():
            if await store.revoke_link(session, chat_id, link_id, now):
                await _record(
                    session, chat_id, actor, "video-link-revoked", at=now, detail=link.name
                )
        return replace(link, revoked_at=link.revoked_at or now)


async def _record(
    session: AsyncSession, chat_id: int, actor: Actor, action: str, *, at: datetime, detail: str
) -> None:
    await audit.record(
        session, AuditEvent(chat_id=chat_id, actor=actor, action=action, at=at, detail=detail)
    )


async def with_funnels(
    session: AsyncSession,
    chat_id: int,
    videos: list[ReportedVideo],
    now: datetime,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[ReportedVideo]:
    """The videos with their funnels (newcomers who joined in [start, end) when given)."""
    ids = [item.video.id for item in videos]
    platforms = await store.link_platforms(session, ids)
    if not platforms:
        return videos
    joins = [
        join
        for join in await store.video_joins(session, list(platforms))
        if (start is None or join.joined_at >= start) and (end is None or join.joined_at < end)
    ]
    activity = {}
    if joins:
        chat_ids = await store.lineage(session, chat_id)
        since = min(join.joined_at for join in joins)
        activity = await store.newcomer_activity(
            session, chat_ids, {join.user_id for join in joins}, since
        )
    by_video: dict[int, list[LinkJoin]] = {}
    for join in joins:
        by_video.setdefault(join.video_id, []).append(join)
    found = []
    for item in videos:
        if item.video.id not in platforms:
            found.append(item)
            continue
        plays = {line.platform: line.numbers.plays for line in item.card.platforms}
        card = replace(
            item.card,
            funnels=funnels(
                by_video.get(item.video.id, []), activity, plays, platforms[item.video.id], now
            ),
        )
        found.append(ReportedVideo(item.video, card))
    return found


async def joined_videos(
    session: AsyncSession, chat_id: int, start: datetime, end: datetime
) -> set[int]:
    """The group's videos people joined through in [start, end)."""
    return await store.videos_joined(session, await store.lineage(session, chat_id), start, end)


async def join_sources(
    session: AsyncSession, chat_id: int, start: datetime, end: datetime
) -> JoinSources:
    return await store.join_sources(session, await store.lineage(session, chat_id), start, end)


__all__ = [
    "NEWCOMER_WINDOW",
    "Funnel",
    "InviteLinkCourier",
    "LinkGone",
    "LinkRevoked",
    "LinksUnavailable",
    "MadeLink",
    "UnknownLinkVideo",
    "VideoLinks",
    "join_sources",
    "joined_videos",
    "with_funnels",
]
