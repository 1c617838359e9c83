"""Giveaways: /giveaway (create, in the group or from private chat for the current group), the
Enter button, /giveaways (list), /giveaway_end, /giveaway_cancel, /giveaway_reroll; the Telegram
side of the draw (announcements, private messages, the transcript file, count edits).

/giveaway 3 2h Signed poster | member joined comments:5/7 channel:@creator
/giveaway 1 2026-12-01 20:00 Concert ticket
"""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import UTC, datetime
from typing import cast

import structlog
from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramForbiddenError
from aiogram.filters import CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.db import audit
from bot.db import giveaways as store
from bot.db.chat_settings import group
from bot.db.models import GiveawayRecord
from bot.db.user_settings import user_language
from bot.domain import fairness
from bot.domain.giveaway import (
    MAX_WINNERS,
    CreateError,
    Rules,
    SkipReason,
    is_person,
    parse_create,
    parse_reason,
)
from bot.domain.html_split import split_html
from bot.domain.roles import OperatorCommand, Role
from bot.domain.transcript import Transcript
from bot.i18n import Html, Locale, Texts, Translator, choose_locale, moment
from bot.services.beacon import BeaconClient, BeaconError, ChainInfo
from bot.services.clock import Clock
from bot.services.giveaway_draw import (
    GiveawayDraws,
    Outcome,
    Person,
    RerollRefused,
    Send,
    transcript_file,
)
from bot.services.health import FeatureStatus
from bot.telegram.admins import status_of
from handlers.authority import operator_command, public_callback
from handlers.callbacks import BigInt
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext, group_locale

log = structlog.get_logger(__name__)

GIVEAWAY = OperatorCommand("giveaway", Role.OPERATOR)
GIVEAWAYS = OperatorCommand("giveaways", Role.ANALYST)
GIVEAWAY_END = OperatorCommand("giveaway_end", Role.OPERATOR, destructive=True)
GIVEAWAY_CANCEL = OperatorCommand("giveaway_cancel", Role.OPERATOR, destructive=True)
GIVEAWAY_REROLL = OperatorCommand("giveaway_reroll", Role.OPERATOR, destructive=True)
LIST_LIMIT = 10
ADMIN_STATUSES = ("creator", "administrator")


class GiveawayEnterCb(CallbackData, prefix="ge1"):
    giveaway_id: BigInt


# Fan-facing buttons: anyone may press them; they are not operator buttons.
PUBLIC_CALLBACKS: tuple[type[CallbackData], ...] = (GiveawayEnterCb,)


class TelegramLookup:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def status(self, chat_id: int, user_id: int) -> str:
        try:
            member = await self._bot.get_chat_member(chat_id, user_id)
        except TelegramBadRequest:
            return "left"
        status = status_of(member)
        if status == "restricted" and not getattr(member, "is_member", True):
            return "left"
        return status


class TelegramCourier:
    """The draw's messages: the group's language for the group, each person's in private."""

    def __init__(
        self,
        bot: Bot,
        session_factory: async_sessionmaker[AsyncSession],
        translator: Translator,
        settings: Settings,
    ) -> None:
        self._bot = bot
        self._session_factory = session_factory
        self._translator = translator
        self._settings = settings

    async def group_texts(self, chat_id: int) -> tuple[Texts, str]:
        locale = await group_locale(self._session_factory, chat_id, self._settings)
        return self._translator.bind(locale), await _timezone(
            self._session_factory, chat_id, self._settings
        )

    async def person_texts(self, user_id: int) -> Texts:
        async with self._session_factory() as session:
            chosen = await user_language(session, user_id)
        default = cast(Locale, self._settings.default_language)
        return self._translator.bind(choose_locale(chosen, None, default))

    async def announce(self, outcome: Outcome) -> int | None:
        first_id: int | None = None
        for send in await self.announcement(outcome):
            sent = await send()
            first_id = first_id or sent
        return first_id

    async def announcement(self, outcome: Outcome) -> list[Send]:
        """The result's text parts, the transcript file, then the closed announcement (an
        edit): one message each, so that a draw resumed after a crash sends only the rest."""
        record = outcome.record
        texts, timezone = await self.group_texts(record.chat_id)

        def text(part: str) -> Send:
            async def send() -> int | None:
                return (await self._bot.send_message(record.chat_id, part)).message_id

            return send

        async def document() -> int | None:
            name = f"giveaway-{record.id}-transcript.json"
            sent = await self._bot.send_document(
                record.chat_id,
                BufferedInputFile(transcript_file(outcome.transcript), name),
                caption=texts("giveaway-transcript-caption", digest=outcome.round_digest),
            )
            return sent.message_id

        async def closed() -> int | None:
            assert record.message_id is not None
            await self._edit(
                record.chat_id,
                record.message_id,
                announcement_text(texts, record, outcome.entrants, timezone, closed=True),
                None,
            )
            return None

        sends = [text(part) for part in split_html(result_text(texts, outcome))]
        sends.append(document)
        if outcome.reroll is None and record.message_id is not None:
            sends.append(closed)
        return sends

    async def tell_winner(self, person: Person, outcome: Outcome) -> bool:
        texts = await self.person_texts(person.user_id)
        record = outcome.record
        return await self._private(
            person.user_id,
            texts(
                "giveaway-you-won",
                id=str(record.id),
                prize=record.prize,
                title=await self._title(record),
            ),
        )

    async def tell_creator(self, user_id: int, outcome: Outcome) -> bool:
        texts = await self.person_texts(user_id)
        record = outcome.record
        return await self._private(
            user_id,
            texts(
                "giveaway-creator-drawn",
                id=str(record.id),
                prize=record.prize,
                title=await self._title(record),
                winners=len(outcome.winners),
                entrants=outcome.entrants,
                digest=outcome.transcript.digest,
            ),
        )

    async def show_count(self, record: GiveawayRecord, count: int) -> None:
        if record.message_id is None:
            return
        texts, timezone = await self.group_texts(record.chat_id)
        await self._edit(
            record.chat_id,
            record.message_id,
            announcement_text(texts, record, count, timezone),
            enter_keyboard(texts, record.id),
        )

    async def show_cancelled(self, record: GiveawayRecord, count: int) -> None:
        if record.message_id is None:
            return
        texts, timezone = await self.group_texts(record.chat_id)
        await self._edit(
            record.chat_id,
            record.message_id,
            announcement_text(texts, record, count, timezone, closed=True),
            None,
        )

    async def _title(self, record: GiveawayRecord) -> str:
        async with self._session_factory() as session:
            found = await group(session, record.chat_id)
        return (found.title if found else None) or str(record.chat_id)

    async def _private(self, user_id: int, text: str) -> bool:
        try:
            await self._bot.send_message(user_id, text)
        except (TelegramForbiddenError, TelegramBadRequest):
            return False  # never started the bot, or blocked it
        return True

    async def _edit(
        self, chat_id: int, message_id: int, text: str, markup: InlineKeyboardMarkup | None
    ) -> None:
        try:
            await self._bot.edit_message_text(
                text=text, chat_id=chat_id, message_id=message_id, reply_markup=markup
            )
        except TelegramBadRequest as error:
            # "message is not modified" and deleted announcements are not worth a retry.
            log.info("giveaway.edit_skipped", chat_id=chat_id, reason=error.message)


def build_draws(
    bot: Bot,
    session_factory: async_sessionmaker[AsyncSession],
    translator: Translator,
    settings: Settings,
) -> GiveawayDraws:
    return GiveawayDraws(
        session_factory,
        TelegramLookup(bot),
        TelegramCourier(bot, session_factory, translator, settings),
    )


def enter_keyboard(texts: Texts, giveaway_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.plain("giveaway-enter-button"),
        callback_data=GiveawayEnterCb(giveaway_id=str(giveaway_id)),
    )
    return builder.as_markup()


def rule_lines(texts: Texts, rules: Rules) -> list[Html]:
    lines = []
    if rules.member:
        lines.append(texts("giveaway-rule-member"))
    if rules.joined_before:
        lines.append(texts("giveaway-rule-joined"))
    if rules.min_comments:
        lines.append(
            texts("giveaway-rule-comments", count=rules.min_comments, days=rules.comment_days)
        )
    if rules.channel:
        lines.append(texts("giveaway-rule-channel", channel=rules.channel))
    return lines or [texts("giveaway-rule-none")]


def announcement_text(
    texts: Texts, record: GiveawayRecord, count: int, timezone: str, *, closed: bool = False
) -> Html:
    lines = [
        texts("giveaway-announce-title", id=str(record.id), prize=record.prize),
        texts("giveaway-announce-winners", count=record.winner_count),
        texts("giveaway-announce-ends", when=moment(record.ends_at, timezone)),
        texts("giveaway-announce-rules"),
        *rule_lines(texts, Rules.from_json(record.rules)),
        texts("giveaway-announce-entrants", count=count),
        texts("giveaway-announce-commitment", commitment=record.commitment),
    ]
    if record.beacon_round is not None:
        lines.append(
            texts(
                "giveaway-announce-beacon",
                round=str(record.beacon_round),
                url=record.beacon_url or "",
            )
        )
    if record.status == "cancelled":
        lines.append(texts("giveaway-announce-cancelled", reason=record.cancel_reason or ""))
    elif closed:
        lines.append(texts("giveaway-announce-closed"))
    return texts.lines(lines)


def mention(person: Person) -> Html:
    name = " ".join(part for part in (person.first_name, person.last_name) if part)
    # tg://user?id= links work for people without a username.
    return Html(f'<a href="tg://user?id={person.user_id}">{html.escape(name, quote=False)}</a>')


def reason_text(texts: Texts, reason: SkipReason, *, plain: bool = False) -> str:
    args: dict[str, str | int] = {
        "code": reason.code,
        "count": reason.count,
        "days": reason.days,
        "channel": reason.channel,
    }
    return texts.plain("giveaway-reason", **args) if plain else texts("giveaway-reason", **args)


def result_text(texts: Texts, outcome: Outcome) -> Html:
    record, transcript = outcome.record, outcome.transcript
    if outcome.reroll is None:
        lines = [texts("giveaway-result-title", id=str(record.id), prize=record.prize)]
    else:
        reason = transcript.rerolls[outcome.reroll - 1].reason
        lines = [
            texts(
                "giveaway-reroll-title",
                id=str(record.id),
                prize=record.prize,
                number=outcome.reroll,
                reason=reason,
            )
        ]
    if outcome.winners:
        lines.append(
            texts("giveaway-result-winners", count=len(outcome.winners), entrants=outcome.entrants)
        )
        lines.extend(
            texts("giveaway-result-winner", rank=rank, mention=mention(person))
            for rank, person in enumerate(outcome.winners, start=1)
        )
    else:
        lines.append(texts("giveaway-result-none", entrants=outcome.entrants))
    if outcome.skips:
        lines.append(texts("giveaway-result-skipped"))
        lines.extend(
            texts(
                "giveaway-result-skip",
                position=position + 1,
                entrant=entrant,
                reason=Html(reason_text(texts, reason)),
            )
            for position, entrant, reason in outcome.skips
        )
    lines.append(
        texts(
            "giveaway-result-proof",
            seed=transcript.seed,
            commitment=transcript.commitment,
            digest=outcome.round_digest,
            entrant_digest=transcript.entrant_digest,
        )
    )
    lines.append(texts("giveaway-result-verify"))
    return texts.lines(lines)


async def _timezone(
    session_factory: async_sessionmaker[AsyncSession], chat_id: int, settings: Settings
) -> str:
    async with session_factory() as session:
        record = await group(session, chat_id)
    return (record.timezone if record else None) or settings.default_timezone


async def _resolve_channel(bot: Bot, rules: Rules) -> Rules | str:
    """The channel's id, or the error code: unknown channel, or the bot cannot see members."""
    if rules.channel is None:
        return rules
    try:
        chat = await bot.get_chat(rules.channel)
    except (TelegramBadRequest, TelegramForbiddenError):
        return "channel-unknown"
    try:
        me = await bot.get_chat_member(chat.id, bot.id)
    except (TelegramBadRequest, TelegramForbiddenError):
        return "channel-no-bot"
    if status_of(me) not in ADMIN_STATUSES:
        # getChatMember about other people in a channel needs the bot as its administrator.
        return "channel-no-bot"
    return replace(rules, channel_id=chat.id)


async def _beacon_pin(settings: Settings, ends_at: datetime) -> tuple[str, int, ChainInfo] | None:
    url = settings.giveaway_beacon_url
    if url is None:
        return None
    genesis, period = settings.giveaway_beacon_genesis_time, settings.giveaway_beacon_period
    chain = ChainInfo(genesis, period) if genesis is not None and period is not None else None
    async with BeaconClient(url, chain=chain) as client:
        info = await client.chain_info()
        return client.base_url, info.round_after(ends_at), info


async def cmd_giveaway(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    translator: Translator,
    clock: Clock | None = None,
) -> None:
    now = datetime.now(UTC)
    timezone = await _timezone(session_factory, operator.chat_id, settings)
    try:
        draft = parse_create(command.args or "", now, timezone)
    except CreateError as error:
        await message.reply(_create_error(texts, error.code, error.detail))
        return
    rules = await _resolve_channel(bot, draft.rules)
    if isinstance(rules, str):
        await message.reply(_create_error(texts, rules, draft.rules.channel or ""))
        return
    try:
        beacon = await _beacon_pin(settings, draft.ends_at)
    except BeaconError:
        await message.reply(_create_error(texts, "beacon", ""))
        return
    seed = fairness.new_seed()
    async with session_factory() as session, session.begin():
        record = await store.create(
            session,
            chat_id=operator.chat_id,
            creator_user_id=operator.actor.user_id,
            creator_chat_id=operator.actor.anonymous_chat_id,
            prize=draft.prize,
            winner_count=draft.winner_count,
            rules=rules.to_json(),
            seed=seed.hex(),
            commitment=fairness.commitment(seed),
            beacon_url=beacon[0] if beacon else None,
            beacon_round=beacon[1] if beacon else None,
            beacon_genesis_time=beacon[2].genesis_time if beacon else None,
            beacon_period=beacon[2].period if beacon else None,
            created_at=now,
            ends_at=draft.ends_at,
        )
        await audit.record(
            session,
            operator.audit("giveaway-created", now, detail=f"#{record.id} {draft.prize}"),
        )
    group_texts = translator.bind(await group_locale(session_factory, operator.chat_id, settings))
    sent = await bot.send_message(
        operator.chat_id,
        announcement_text(group_texts, record, 0, timezone),
        reply_markup=enter_keyboard(group_texts, record.id),
    )
    async with session_factory() as session, session.begin():
        await store.set_fields(session, record.id, message_id=sent.message_id)
    if operator.in_private:
        await message.reply(
            texts(
                "giveaway-created",
                id=str(record.id),
                title=operator.title,
                commitment=record.commitment,
            )
        )
    if clock is not None:
        await clock.rebuild()


def _create_error(texts: Texts, code: str, detail: str) -> Html:
    return texts(
        "giveaway-error",
        code=code,
        detail=detail,
        max=MAX_WINNERS,
    )


async def cb_enter(
    query: CallbackQuery,
    *,
    bot: Bot,
    callback_data: GiveawayEnterCb,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    translator: Translator,
    giveaway_draws: GiveawayDraws | None = None,
) -> None:
    """Every press is answered once: entered, already entered, closed, or the rule not met."""
    user, now = query.from_user, datetime.now(UTC)
    if not is_person(user.id, user.is_bot):
        await query.answer(texts.plain("giveaway-enter-not-person"), show_alert=True)
        return
    async with session_factory() as session:
        record = await store.get(session, callback_data.giveaway_id)
        entered = record is not None and await store.has_entry(session, record.id, user.id)
    where = query.message.chat.id if query.message is not None else None
    if record is None or (where is not None and where != record.chat_id):
        await query.answer(texts.plain("giveaway-enter-closed"), show_alert=True)
        return
    if entered:
        await query.answer(texts.plain("giveaway-enter-already"))
        return
    if record.status != "open" or now >= record.ends_at:
        await query.answer(texts.plain("giveaway-enter-closed"), show_alert=True)
        return
    draws = giveaway_draws or build_draws(bot, session_factory, translator, settings)
    try:
        unmet = await draws.eligibility.check(record, user.id, now)
    except TelegramAPIError:
        await query.answer(texts.plain("giveaway-enter-retry"), show_alert=True)
        return
    if unmet is not None:
        reason = reason_text(texts, unmet, plain=True)
        await query.answer(texts.plain("giveaway-enter-unmet", reason=reason), show_alert=True)
        return
    async with session_factory() as session, session.begin():
        current = await store.get(session, record.id)
        still_open = current is not None and current.status == "open"
        added = still_open and await store.add_entry(
            session,
            record.id,
            user.id,
            first_name=user.first_name,
            last_name=user.last_name,
            now=now,
        )
    if not still_open:
        await query.answer(texts.plain("giveaway-enter-closed"), show_alert=True)
        return
    key = "giveaway-enter-done" if added else "giveaway-enter-already"
    await query.answer(texts.plain(key, id=str(record.id)))


async def cmd_giveaways(
    message: Message,
    *,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
) -> None:
    timezone = await _timezone(session_factory, operator.chat_id, settings)
    async with session_factory() as session:
        records = await store.recent(session, operator.chat_id, LIST_LIMIT)
        counts = await store.entry_counts(session, [record.id for record in records])
    if not records:
        await message.reply(texts("giveaway-list-empty", title=operator.title))
        return
    lines = [texts("giveaway-list-title", title=operator.title)]
    lines.extend(
        texts(
            "giveaway-list-line",
            id=str(record.id),
            prize=record.prize,
            status=record.status,
            entrants=counts.get(record.id, 0),
            winners=record.winner_count,
            when=moment(record.ends_at, timezone),
        )
        for record in records
    )
    for part in split_html(texts.lines(lines)):
        await message.reply(part)


def _id_and_rest(args: str | None) -> tuple[int | None, str]:
    head, _, rest = (args or "").strip().partition(" ")
    return (int(head) if head.isdecimal() else None), rest.strip()


async def cmd_giveaway_end(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    clock: Clock | None = None,
) -> None:
    giveaway_id, _ = _id_and_rest(command.args)
    if giveaway_id is None:
        await message.reply(texts("giveaway-end-usage"))
        return
    now = datetime.now(UTC)
    async with session_factory() as session, session.begin():
        record = await store.in_chat(session, operator.chat_id, giveaway_id)
        ended = record is not None and await store.claim(
            session,
            giveaway_id,
            (GiveawayRecord.status == "open") & (GiveawayRecord.ends_at > now),
            ends_at=now,
        )
        if ended:
            await audit.record(
                session,
                operator.audit("giveaway-ended", now, detail=f"#{giveaway_id}"),
            )
    if not ended:
        await message.reply(texts("giveaway-not-open", id=str(giveaway_id)))
        return
    await message.reply(texts("giveaway-ended", id=str(giveaway_id)))
    if clock is not None:
        await clock.rebuild()


async def cmd_giveaway_cancel(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    translator: Translator,
    clock: Clock | None = None,
) -> None:
    giveaway_id, rest = _id_and_rest(command.args)
    reason = parse_reason(rest)
    if giveaway_id is None or reason is None:
        await message.reply(texts("giveaway-cancel-usage"))
        return
    now = datetime.now(UTC)
    async with session_factory() as session, session.begin():
        record = await store.in_chat(session, operator.chat_id, giveaway_id)
        cancelled = record is not None and await store.claim(
            session,
            giveaway_id,
            GiveawayRecord.status == "open",
            status="cancelled",
            cancel_reason=reason,
            finished_at=now,
        )
        if cancelled:
            await audit.record(
                session,
                operator.audit("giveaway-cancelled", now, detail=f"#{giveaway_id} {reason}"),
            )
        record = await store.get(session, giveaway_id)
        count = await store.entry_count(session, giveaway_id)
    if not cancelled or record is None:
        await message.reply(texts("giveaway-not-open", id=str(giveaway_id)))
        return
    courier = TelegramCourier(bot, session_factory, translator, settings)
    await courier.show_cancelled(record, count)
    group_texts, _ = await courier.group_texts(record.chat_id)
    await bot.send_message(
        record.chat_id, group_texts("giveaway-cancelled-notice", id=str(giveaway_id), reason=reason)
    )
    if operator.in_private:
        await message.reply(texts("giveaway-cancelled", id=str(giveaway_id)))
    if clock is not None:
        await clock.rebuild()


async def cmd_giveaway_reroll(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    translator: Translator,
    giveaway_draws: GiveawayDraws | None = None,
) -> None:
    giveaway_id, rest = _id_and_rest(command.args)
    count_word, _, reason_words = rest.partition(" ")
    count = 1
    if count_word.isdecimal():
        count, rest = int(count_word), reason_words
    reason = parse_reason(rest)
    if giveaway_id is None or reason is None or not 1 <= count <= MAX_WINNERS:
        await message.reply(texts("giveaway-reroll-usage"))
        return
    async with session_factory() as session:
        record = await store.in_chat(session, operator.chat_id, giveaway_id)
    if record is None:
        await message.reply(texts("giveaway-reroll-refused", code="not-drawn", id=str(giveaway_id)))
        return
    draws = giveaway_draws or build_draws(bot, session_factory, translator, settings)
    event = operator.audit(
        "giveaway-rerolled", datetime.now(UTC), detail=f"#{giveaway_id} {count}: {reason}"
    )
    try:
        outcome = await draws.reroll(giveaway_id, count, reason, event)
    except RerollRefused as refused:
        await message.reply(
            texts("giveaway-reroll-refused", code=refused.code, id=str(giveaway_id))
        )
        return
    await message.reply(
        texts(
            "giveaway-rerolled",
            id=str(giveaway_id),
            count=len(outcome.winners),
            digest=outcome.round_digest,
        )
    )


async def probe(session: AsyncSession, chat_id: int, now: datetime) -> FeatureStatus:
    count, next_at = await store.open_summary(session, chat_id)
    return FeatureStatus("giveaways", count=count, next_at=next_at)


class DigestLines:
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


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, GIVEAWAY, cmd_giveaway)
    operator_command(router, GIVEAWAYS, cmd_giveaways)
    operator_command(router, GIVEAWAY_END, cmd_giveaway_end)
    operator_command(router, GIVEAWAY_CANCEL, cmd_giveaway_cancel)
    operator_command(router, GIVEAWAY_REROLL, cmd_giveaway_reroll)
    return router


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.buttons")
    public_callback(router, "giveaway-enter", GiveawayEnterCb, cb_enter)
    return router


def _build(wiring: Wiring) -> Built:
    draws = build_draws(wiring.bot, wiring.session_factory, wiring.translator, wiring.settings)
    return Built(services={"giveaway_draws": draws}, clock_sources=[draws])


FEATURE = Feature(
    name="giveaways",
    operator=(create_router,),
    buttons=(create_callback_router,),
    digest_sections={"giveaways": DigestLines},
    health_probes={"giveaways": probe},
    build=_build,
)
