"""Giveaways' operator and fan use cases: check for the preview, send once the operator taps
Send (channel rule resolved, beacon round pinned, announced with its Enter button), enter, list,
end now, cancel, delete, reroll; and the digest section
and /status probe. Each opens and commits its own sessions, writes its audit entry, and asks the
clock to re-plan after changing what it runs; the draw itself is bot/services/giveaway_draw.py.
Telegram stays behind `GiveawayCourier` (bot/telegram/giveaway_courier.py implements it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.db import audit, drafts
from bot.db import giveaways as store
from bot.db.chat_settings import group
from bot.db.drafts import DraftStatus, StoredDraft
from bot.db.models import GiveawayRecord
from bot.db.privacy import is_forgotten
from bot.domain import fairness
from bot.domain.audit import AuditEvent, clamp_page, page_count
from bot.domain.giveaway import CreateError, Draft, Rules, SkipReason, is_person, parse_create
from bot.domain.roles import Actor
from bot.domain.transcript import Transcript
from bot.i18n import Html, Texts
from bot.services.beacon import BeaconClient, BeaconError, ChainInfo
from bot.services.clock import Clock
from bot.services.giveaway_draw import GiveawayDraws, Outcome, RerollRefused
from bot.services.health import FeatureStatus

LIST_LIMIT = 10


class GiveawayCourier(Protocol):
    async def resolve_channel(self, rules: Rules) -> Rules | str:
        """The rules with the channel's id, or the error code (the giveaway-error variant)."""
        ...

    async def post_announcement(self, record: GiveawayRecord) -> int:
        """The announcement with its Enter button, in the group; its message id."""
        ...

    async def post_cancelled(self, record: GiveawayRecord, count: int, reason: str) -> None: ...

    async def post_reopened(self, record: GiveawayRecord, count: int) -> None:
        """The announcement open again with its Enter button, and a notice in the group."""
        ...

    async def delete_message(self, chat_id: int, message_id: int) -> None:
        """Gone from the group; a message already gone is fine."""
        ...


@dataclass(frozen=True, slots=True)
class Entrant:
    user_id: int
    is_bot: bool
    first_name: str
    last_name: str | None


class Entry(StrEnum):
    NOT_A_PERSON = "not-a-person"
    CLOSED = "closed"
    ALREADY = "already"
    UNMET = "unmet"
    ENTERED = "entered"
    FORGOTTEN = "forgotten"  # they asked to be forgotten: an entry would store them again


@dataclass(frozen=True, slots=True)
class EntryResult:
    entry: Entry
    giveaway_id: int | None = None
    unmet: SkipReason | None = None


class Standing(StrEnum):
    NOT_ENTERED = "not-entered"  # no entry counted in the draw (or not drawn yet)
    WON = "won"
    REPLACED = "replaced"  # drawn, then replaced by a reroll
    SKIPPED = "skipped"  # reached in the draw order, but a rule was not met
    NOT_DRAWN = "not-drawn"


@dataclass(frozen=True, slots=True)
class EntryCheck:
    standing: Standing
    entrant: str = ""
    place: int = 0
    reason: SkipReason | None = None


@dataclass(frozen=True, slots=True)
class GiveawayListing:
    timezone: str
    records: list[GiveawayRecord]
    entrants: dict[int, int]


@dataclass(frozen=True, slots=True)
class GiveawayPage:
    timezone: str
    records: list[GiveawayRecord]
    entrants: dict[int, int]
    page: int  # from 0
    pages: int


@dataclass(frozen=True, slots=True)
class Eligible:
    """An entrant as the dashboard lists them: before the draw whether the rules hold now,
    after it what the transcript says of them."""

    user_id: int
    first_name: str
    last_name: str | None
    entered_at: datetime
    unmet: SkipReason | None  # open: the first rule not met now
    standing: EntryCheck | None  # drawn: their place in the draw


@dataclass(frozen=True, slots=True)
class EntrantPage:
    record: GiveawayRecord
    total: int
    entrants: list[Eligible]
    after: int | None  # the user id to go on after; None: the end


@dataclass(frozen=True, slots=True)
class CheckedGiveaway:
    """A giveaway as the preview shows it, nothing stored yet."""

    draft: Draft
    rules: Rules
    timezone: str


@dataclass(frozen=True, slots=True)
class Pin:
    url: str
    round: int
    chain: ChainInfo


class GiveawayService:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        draws: GiveawayDraws,
        courier: GiveawayCourier,
        clock: Clock,
        settings: Settings,
    ) -> None:
        self._session_factory = session_factory
        self._draws = draws
        self._courier = courier
        self._clock = clock
        self._settings = settings

    async def timezone(self, chat_id: int) -> str:
        async with self._session_factory() as session:
            record = await group(session, chat_id)
        return (record.timezone if record else None) or self._settings.default_timezone

    async def check(self, chat_id: int, arguments: str, now: datetime) -> CheckedGiveaway:
        """The giveaway `arguments` describe, its channel rule resolved (raises CreateError):
        what the preview shows. Nothing is stored."""
        timezone = await self.timezone(chat_id)
        draft = parse_create(arguments, now, timezone)
        rules = await self._courier.resolve_channel(draft.rules)
        if isinstance(rules, str):
            raise CreateError(rules, draft.rules.channel or "")
        return CheckedGiveaway(draft, rules, timezone)

    async def channel_problem(self, channel: str) -> str | None:
        """Why the channel rule cannot be checked (the giveaway-error code), or None: it can."""
        resolved = await self._courier.resolve_channel(Rules(channel=channel))
        return resolved if isinstance(resolved, str) else None

    async def send_draft(
        self, draft: StoredDraft, actor: Actor, now: datetime
    ) -> GiveawayRecord | None:
        """The previewed giveaway, read as it was previewed, checked again (raises CreateError),
        the beacon round pinned, stored with its audit entry and announced in the group. None
        when another tap sent or dropped it first."""
        checked = await self.check(draft.chat_id, draft.arguments, draft.created_at)
        if checked.draft.ends_at <= now:
            raise CreateError("end-past")
        try:
            pin = await self._beacon_pin(checked.draft.ends_at)
        except BeaconError:
            raise CreateError("beacon") from None
        seed = fairness.new_seed()
        async with self._session_factory() as session, session.begin():
            if not await drafts.finish(session, draft.id, DraftStatus.DONE, now):
                return None
            record = await store.create(
                session,
                chat_id=draft.chat_id,
                creator_user_id=actor.user_id,
                creator_chat_id=actor.anonymous_chat_id,
                prize=checked.draft.prize,
                winner_count=checked.draft.winner_count,
                rules=checked.rules.to_json(),
                seed=seed.hex(),
                commitment=fairness.commitment(seed),
                beacon_url=pin.url if pin else None,
                beacon_round=pin.round if pin else None,
                beacon_genesis_time=pin.chain.genesis_time if pin else None,
                beacon_period=pin.chain.period if pin else None,
                created_at=now,
                ends_at=checked.draft.ends_at,
            )
            await drafts.set_result(session, draft.id, record.id)
            await audit.record(
                session,
                _audit(
                    draft.chat_id,
                    actor,
                    "giveaway-created",
                    now,
                    f"#{record.id} {checked.draft.prize}",
                ),
            )
        message_id = await self._courier.post_announcement(record)
        async with self._session_factory() as session, session.begin():
            await store.set_fields(session, record.id, message_id=message_id)
        await self._clock.rebuild()
        return record

    async def find(self, chat_id: int, giveaway_id: int) -> GiveawayRecord | None:
        async with self._session_factory() as session:
            return await store.in_chat(session, chat_id, giveaway_id)

    async def delete(self, chat_id: int, actor: Actor, giveaway_id: int, now: datetime) -> bool:
        """An open giveaway made by mistake: it never draws, its announcement is removed from the
        group, audited. False when the chat has no such open giveaway (a drawn one stays: its
        result is what entrants verify)."""
        async with self._session_factory() as session, session.begin():
            record = await store.in_chat(session, chat_id, giveaway_id)
            deleted = record is not None and await store.delete(session, giveaway_id, now)
            if deleted:
                await audit.record(
                    session,
                    _audit(chat_id, actor, "giveaway-deleted", now, f"#{giveaway_id}"),
                )
        if not deleted or record is None:
            return False
        if record.message_id is not None:
            await self._courier.delete_message(chat_id, record.message_id)
        await self._clock.rebuild()
        return True

    async def _beacon_pin(self, ends_at: datetime) -> Pin | None:
        url = self._settings.giveaway_beacon_url
        if url is None:
            return None
        genesis = self._settings.giveaway_beacon_genesis_time
        period = self._settings.giveaway_beacon_period
        chain = ChainInfo(genesis, period) if genesis is not None and period is not None else None
        async with BeaconClient(url, chain=chain) as client:
            info = await client.chain_info()
            return Pin(client.base_url, info.round_after(ends_at), info)

    async def enter(
        self, giveaway_id: int, entrant: Entrant, where: int | None, now: datetime
    ) -> EntryResult:
        """A press of the Enter button (in chat `where`, when known). The rules are checked
        against Telegram here: a failed look-up raises, nothing stored."""
        if not is_person(entrant.user_id, entrant.is_bot):
            return EntryResult(Entry.NOT_A_PERSON)
        async with self._session_factory() as session:
            if await is_forgotten(session, entrant.user_id):
                return EntryResult(Entry.FORGOTTEN)
            record = await store.get(session, giveaway_id)
            entered = record is not None and await store.has_entry(
                session, record.id, entrant.user_id
            )
        if record is None or (where is not None and where != record.chat_id):
            return EntryResult(Entry.CLOSED)
        if entered:
            return EntryResult(Entry.ALREADY, record.id)
        if record.status != "open" or now >= record.ends_at:
            return EntryResult(Entry.CLOSED)
        unmet = await self._draws.eligibility.check(record, entrant.user_id, now)
        if unmet is not None:
            return EntryResult(Entry.UNMET, record.id, unmet)
        async with self._session_factory() as session, session.begin():
            current = await store.get(session, record.id)
            still_open = current is not None and current.status == "open"
            added = still_open and await store.add_entry(
                session,
                record.id,
                entrant.user_id,
                first_name=entrant.first_name,
                last_name=entrant.last_name,
                now=now,
            )
        if not still_open:
            return EntryResult(Entry.CLOSED)
        return EntryResult(Entry.ENTERED if added else Entry.ALREADY, record.id)

    async def check_entry(self, giveaway_id: int, user_id: int, where: int | None) -> EntryCheck:
        """What the draw's transcript says of one person's entry (the result's button)."""
        async with self._session_factory() as session:
            record = await store.get(session, giveaway_id)
        if record is None or record.transcript is None or where not in (None, record.chat_id):
            return EntryCheck(Standing.NOT_ENTERED)
        return _standing(Transcript.from_json(record.transcript), user_id)

    async def entrants(
        self, chat_id: int, giveaway_id: int, after: int | None, limit: int, now: datetime
    ) -> EntrantPage | None:
        """A page of a giveaway's entrants with their eligibility, checked like the draw checks
        it (one page at a time: the rules may ask Telegram); None when not this chat's."""
        async with self._session_factory() as session:
            record = await store.in_chat(session, chat_id, giveaway_id)
            if record is None:
                return None
            total = await store.entry_count(session, giveaway_id)
            entries = await store.entries_page(session, giveaway_id, after, limit)
        # Drawn: the transcript (every entrant's id) is read once for the page, not per person.
        drawn = Transcript.from_json(record.transcript) if record.transcript else None
        users = [entry.user_id for entry in entries]
        unmet = {} if drawn else await self._draws.eligibility.check_many(record, users, now)
        listed = [
            Eligible(
                entry.user_id,
                entry.first_name,
                entry.last_name,
                entry.entered_at,
                unmet.get(entry.user_id),
                _standing(drawn, entry.user_id) if drawn else None,
            )
            for entry in entries
        ]
        following = entries[-1].user_id if len(entries) == limit else None
        return EntrantPage(record, total, listed, following)

    async def listing(self, chat_id: int) -> GiveawayListing:
        """The chat's latest giveaways with their entrant counts."""
        timezone = await self.timezone(chat_id)
        async with self._session_factory() as session:
            records = await store.recent(session, chat_id, LIST_LIMIT)
            counts = await store.entry_counts(session, [record.id for record in records])
        return GiveawayListing(timezone, records, counts)

    async def end(self, chat_id: int, actor: Actor, giveaway_id: int, now: datetime) -> bool:
        """End an open giveaway of the chat now (the clock draws it); False when not open."""
        async with self._session_factory() as session, session.begin():
            record = await store.in_chat(session, chat_id, giveaway_id)
            ended = record is not None and await store.end_now(session, giveaway_id, now)
            if ended:
                await audit.record(
                    session, _audit(chat_id, actor, "giveaway-ended", now, f"#{giveaway_id}")
                )
        if ended:
            await self._clock.rebuild()
        return ended

    async def cancel(
        self, chat_id: int, actor: Actor, giveaway_id: int, reason: str, now: datetime
    ) -> bool:
        """Cancel an open giveaway of the chat, closing its announcement and telling the group
        why; False when it was not open."""
        async with self._session_factory() as session, session.begin():
            cancelled = await cancel_in(
                session, chat_id, actor, giveaway_id, reason=reason, now=now
            )
        if not cancelled:
            return False
        await announce_cancelled(self._session_factory, self._courier, giveaway_id)
        await self._clock.rebuild()
        return True

    async def page(self, chat_id: int, wanted: int, size: int) -> GiveawayPage:
        """Page `wanted` (from 0) of the /giveaways card, or the nearest one that exists."""
        timezone = await self.timezone(chat_id)
        async with self._session_factory() as session:
            pages = page_count(await store.count_in_chat(session, chat_id), size)
            number = clamp_page(wanted, pages)
            records = await store.page_in_chat(session, chat_id, number * size, size)
            counts = await store.entry_counts(session, [record.id for record in records])
        return GiveawayPage(timezone, records, counts, number, pages)

    async def page_of(self, chat_id: int, giveaway_id: int, size: int) -> int:
        """The page of the /giveaways card a giveaway is on."""
        async with self._session_factory() as session:
            return await store.listed_before(session, chat_id, giveaway_id) // size

    async def entrant_count(self, giveaway_id: int) -> int:
        async with self._session_factory() as session:
            return await store.entry_count(session, giveaway_id)

    async def reroll(
        self,
        chat_id: int,
        actor: Actor,
        giveaway_id: int,
        *,
        ranks: Sequence[int],
        reason: str,
        now: datetime,
    ) -> Outcome:
        """Replacements for the winners at `ranks` of a drawn giveaway of the chat; raises
        RerollRefused."""
        async with self._session_factory() as session:
            record = await store.in_chat(session, chat_id, giveaway_id)
        if record is None:
            raise RerollRefused("not-drawn")
        event = _audit(
            chat_id, actor, "giveaway-rerolled", now, f"#{giveaway_id} {list(ranks)}: {reason}"
        )
        return await self._draws.reroll(giveaway_id, ranks, reason, event)


async def cancel_in(
    session: AsyncSession,
    chat_id: int,
    actor: Actor,
    giveaway_id: int,
    *,
    reason: str,
    now: datetime,
) -> bool:
    """open -> cancelled in the caller's transaction, audited; False when the chat has no such
    open giveaway (nothing written)."""
    record = await store.in_chat(session, chat_id, giveaway_id)
    if record is None or not await store.cancel(session, giveaway_id, reason, now):
        return False
    await audit.record(
        session, _audit(chat_id, actor, "giveaway-cancelled", now, f"#{giveaway_id} {reason}")
    )
    return True


async def announce_cancelled(
    session_factory: async_sessionmaker[AsyncSession], courier: GiveawayCourier, giveaway_id: int
) -> None:
    """Once the cancel is committed: its announcement closed, and the group told why."""
    async with session_factory() as session:
        record = await store.get(session, giveaway_id)
        count = await store.entry_count(session, giveaway_id)
    if record is not None:
        await courier.post_cancelled(record, count, record.cancel_reason or "")


async def announce_reopened(
    session_factory: async_sessionmaker[AsyncSession], courier: GiveawayCourier, giveaway_id: int
) -> None:
    """Once the undo is committed: the announcement open again, and the group told."""
    async with session_factory() as session:
        record = await store.get(session, giveaway_id)
        count = await store.entry_count(session, giveaway_id)
    if record is not None and record.status == store.OPEN:
        await courier.post_reopened(record, count)


def _audit(chat_id: int, actor: Actor, action: str, at: datetime, detail: str) -> AuditEvent:
    return AuditEvent(chat_id=chat_id, actor=actor, action=action, at=at, detail=detail)


async def open_giveaways_probe(session: AsyncSession, chat_id: int, now: datetime) -> FeatureStatus:
    count, next_at = await store.open_summary(session, chat_id)
    return FeatureStatus("giveaways", count=count, next_at=next_at)


class GiveawayDigestSection:
    """The digest's giveaways section: created and drawn in the period."""

    async def lines(
        self, session: AsyncSession, chat_id: int, start: datetime, end: datetime, texts: Texts
    ) -> list[Html]:
        created, drawn = await store.between(session, chat_id, start, end)
        counts = await store.entry_counts(session, [record.id for record in created + drawn])
        lines = [
            texts(
                "giveaway-digest-created",
                id=str(record.id),
                prize=record.prize,
                entrants=counts.get(record.id, 0),
            )
            for record in created
        ]
        for record in drawn:
            winners = (
                len(Transcript.from_json(record.transcript).winners) if record.transcript else 0
            )
            lines.append(
                texts(
                    "giveaway-digest-drawn",
                    id=str(record.id),
                    prize=record.prize,
                    entrants=counts.get(record.id, 0),
                    winners=winners,
                )
            )
        return lines


def _standing(transcript: Transcript, user_id: int) -> EntryCheck:
    entrant = fairness.entrant_id(transcript.seed_bytes, user_id)
    if entrant not in transcript.entrants:
        return EntryCheck(Standing.NOT_ENTERED)
    standing = transcript.standing_winners
    if entrant in standing:
        return EntryCheck(Standing.WON, entrant, standing.index(entrant) + 1)
    if entrant in transcript.all_winners:
        return EntryCheck(Standing.REPLACED, entrant)
    skips = [*transcript.skips, *(skip for entry in transcript.rerolls for skip in entry.skips)]
    for skip in reversed(skips):
        if skip.entrant == entrant:
            return EntryCheck(Standing.SKIPPED, entrant, reason=SkipReason.parse(skip.reason))
    return EntryCheck(Standing.NOT_DRAWN, entrant)
