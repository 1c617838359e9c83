"""The bot joining and leaving groups (my_chat_member) and administrators changing
(chat_member, which Telegram sends only while the bot is an administrator)."""

from __future__ import annotations

from typing import cast

import structlog
from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Filter
from aiogram.types import ChatMemberUpdated, InlineKeyboardMarkup

from bot.domain.attribution import ANONYMOUS_ADMIN_BOT_ID
from bot.domain.roles import GONE_STATUSES, TELEGRAM_ADMIN_STATUSES, Actor
from bot.i18n import Html, Locale, Texts, Translator
from bot.services.health import missing_requirements
from bot.services.languages import Languages
from bot.services.membership import Changer, Chat, JoinReport, Membership
from bot.telegram.admins import AdminCache, TelegramAdmins, membership_status, plain, status_of
from bot.telegram.filters import GROUP_CHAT_TYPES
from bot.telegram.personal_menus import PersonalMenus
from handlers.features import Built, Feature, Wiring
from handlers.timezone import zone_buttons

log = structlog.get_logger(__name__)


class InGroupUpdate(Filter):
    async def __call__(self, update: ChatMemberUpdated) -> bool:
        return update.chat.type in GROUP_CHAT_TYPES


async def on_bot_membership(
    update: ChatMemberUpdated,
    *,
    bot: Bot,
    translator: Translator,
    membership: Membership,
    personal_menus: PersonalMenus,
) -> None:
    chat, actor = update.chat, update.from_user
    report = await membership.bot_status_changed(
        Chat(chat.id, plain(chat.type), chat.title, chat.username),
        Changer(actor.id, actor.is_bot, actor.language_code),
        old_status=status_of(update.old_chat_member),
        status=status_of(update.new_chat_member),
    )
    if report is not None:
        text = _join_report(translator.bind(report.locale), chat.title or str(chat.id), report)
        # A group that has just been added has no zone of its own yet: ask for it with the
        # zones its adder's language suggests, rather than leave digests on the default one.
        keyboard = zone_buttons(chat.id, report.locale) if report.joined else None
        await _tell(bot, actor.id, chat.id, text, keyboard)
        await personal_menus.refresh(actor.id, actor.language_code)
    if status_of(update.new_chat_member) not in GONE_STATUSES:
        await _introduce(bot, translator, membership, chat.id)


async def _introduce(
    bot: Bot, translator: Translator, membership: Membership, chat_id: int
) -> None:
    locale = await membership.introduce_once(chat_id)
    if locale is None:
        return
    texts = translator.bind(locale)
    try:
        await bot.send_message(chat_id, texts("join-introduction"))
    except TelegramAPIError as error:
        log.info("join.introduction_failed", chat_id=chat_id, error=type(error).__name__)
        await membership.introduction_failed(chat_id)


def _join_report(texts: Texts, title: str, report: JoinReport) -> Html:
    missing = missing_requirements(report.rights)
    lines = [texts("join-title" if report.joined else "rights-changed-title", title=title)]
    if missing:
        lines.append(texts("join-missing"))
        lines.extend(texts(f"requirement-{requirement}") for requirement in missing)
    else:
        lines.append(texts("join-all-set"))
    lines.append(texts("join-next-step"))
    if report.joined:
        lines.append(texts("join-timezone-ask"))
    return texts.lines(lines)


async def _tell(
    bot: Bot, user_id: int, chat_id: int, text: str, keyboard: InlineKeyboardMarkup | None
) -> None:
    """Privately if the person started the bot (Telegram refuses otherwise), else in the group."""
    try:
        await bot.send_message(user_id, text, reply_markup=keyboard)
        return
    except TelegramAPIError as error:
        log.info("join.private_refused", user_id=user_id, error=type(error).__name__)
    try:
        await bot.send_message(chat_id, text, reply_markup=keyboard)
    except TelegramAPIError as error:
        log.warning("join.report_undelivered", chat_id=chat_id, error=type(error).__name__)


async def on_member_changed(
    update: ChatMemberUpdated,
    admins: AdminCache,
    membership: Membership,
    personal_menus: PersonalMenus,
) -> None:
    person = update.new_chat_member.user
    status = membership_status(update.new_chat_member)
    await admins.member_changed(update.chat.id, person.id, status)
    changer = (
        Actor(user_id=None, anonymous_chat_id=update.chat.id)
        if update.from_user.id == ANONYMOUS_ADMIN_BOT_ID
        else Actor(user_id=update.from_user.id)
    )
    ended = await membership.member_status_changed(update.chat.id, person.id, changer, status)
    was, now = status_of(update.old_chat_member), status_of(update.new_chat_member)
    promoted_or_demoted = TELEGRAM_ADMIN_STATUSES & {was, now} and was != now
    if not person.is_bot and (ended or promoted_or_demoted):
        # Their own menu follows a role that ended or a Telegram promotion, like a grant.
        await personal_menus.refresh(person.id, person.language_code, changed=True)


def create_router() -> Router:
    router = Router(name=__name__)
    router.my_chat_member.register(on_bot_membership, InGroupUpdate())
    router.chat_member.register(on_member_changed, InGroupUpdate())
    return router


def build(wiring: Wiring) -> Built:
    languages = Languages(wiring.session_factory, cast(Locale, wiring.settings.default_language))
    groups = TelegramAdmins(wiring.bot, wiring.admins)
    return Built(services={"membership": Membership(wiring.session_factory, groups, languages)})


FEATURE = Feature(name="membership", chat_updates=(create_router,), build=build)
