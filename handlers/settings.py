"""/settings: one panel of buttons for everything operators set for a group (language, time
zone, digest time and days, where digests go, retention, tags, roles), in the group or from the
private console. Each choice is made by the feature's own service (audited there) and confirmed
by editing the panel in place.

Telegram's pickers (a reply keyboard's KeyboardButtonRequestChat / KeyboardButtonRequestUsers)
work in private chat only: there the panel offers them, and the chat or people shared come back
as a `chat_shared` / `users_shared` message, acting on the group chosen in the console.
"""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram import Router
from aiogram.filters import Filter
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    KeyboardButtonRequestChat,
    KeyboardButtonRequestUsers,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.roles import OperatorCommand, Role
from bot.domain.weekdays import EVERY_DAY, toggled
from bot.i18n import LOCALES, Html, Texts, Translator, locale_of
from bot.services.digest_delivery import DigestSubscriptions, parse_local_time
from bot.services.door import Door
from bot.services.group_settings import GroupSettings, GroupSettingsReader
from bot.services.languages import Languages
from bot.services.retention import RetentionService, parse_retention
from bot.services.roles import NoSubject, Person, Roles, Typed
from bot.services.tags import BUILT_IN, shown_tag
from bot.services.undo import Payload
from bot.telegram.show_in_place import show_in_place
from handlers.authority import operator_callback, operator_command, operator_message
from handlers.callbacks import RevokePickCb, RolesPanelCb, SettingChoiceCb, SettingsCb
from handlers.confirm import RETENTION as RETENTION_KIND
from handlers.confirm import ROLE_REVOKE, TAG_DELETE, Confirmations
from handlers.digest import DIGEST_CHAT
from handlers.door import show_door_panel
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext
from handlers.operators import GRANT
from handlers.timezone import zone_buttons

SETTINGS = OperatorCommand("settings", Role.OPERATOR)

SCREENS = ("home", "lang", "tz", "time", "days", "chat", "ret", "tags", "door")
DIGEST_TIMES = ("07:00", "08:00", "09:00", "12:00", "18:00", "20:00", "21:00", "22:00")
RETENTION_CHOICES = ("30", "90", "180", "365", "off")

# What a picker's answer is for: Telegram sends the request_id back with the chat or people.
PICK_DIGEST_CHAT = 1
PICK_OPERATOR = 2
PICK_ANALYST = 3
PICKED_ROLES = {PICK_OPERATOR: Role.OPERATOR, PICK_ANALYST: Role.ANALYST}


async def cmd_settings(
    message: Message,
    *,
    operator: OperatorContext,
    texts: Texts,
    group_settings: GroupSettingsReader,
) -> None:
    settings = await group_settings.of_group(operator.chat_id)
    await message.reply(home_text(texts, operator, settings), reply_markup=home(texts, operator))


def home_text(
    texts: Texts, operator: OperatorContext, settings: GroupSettings, done: Html | None = None
) -> Html:
    """The panel: every setting's current value, after what was just changed."""
    roles = ", ".join(
        texts.plain("settings-role-holder", name=holder.name, role=holder.role)
        for holder in settings.holders
    )
    lines = [] if done is None else [done]
    lines.append(
        texts(
            "settings-panel",
            title=operator.title,
            language=settings.language,
            timezone=settings.timezone,
            time=settings.digest_time,
            days=days_text(texts, settings.digest_days),
            chat=chat_text(texts, settings),
            retention=settings.retention_days or 0,
            tags=", ".join(shown_tag(texts, tag) for tag in settings.tags) or "—",
            roles=roles or "—",
        )
    )
    return texts.lines(lines)


def days_text(texts: Texts, days: frozenset[int]) -> str:
    if days >= EVERY_DAY:
        return texts.plain("settings-days-every")
    if days == frozenset(range(5)):
        return texts.plain("settings-days-weekdays")
    return ", ".join(texts.plain("weekday", day=day) for day in sorted(days))


def chat_text(texts: Texts, settings: GroupSettings) -> str:
    if settings.digest_chat_id is None:
        return texts.plain("settings-chat-none")
    return settings.digest_chat_title or str(settings.digest_chat_id)


def home(texts: Texts, operator: OperatorContext) -> InlineKeyboardMarkup:
    """The panel's buttons, as the viewer's role allows: roles only for administrators."""
    builder = InlineKeyboardBuilder()
    for screen in SCREENS[1:]:
        builder.button(
            text=texts.plain("settings-button", screen=screen),
            callback_data=SettingsCb(chat_id=operator.chat_id, screen=screen),
        )
    if operator.role >= Role.ADMINISTRATOR:
        builder.button(
            text=texts.plain("settings-button", screen="roles"),
            callback_data=RolesPanelCb(chat_id=operator.chat_id, action="show"),
        )
    builder.adjust(2)
    return builder.as_markup()


def with_back(
    texts: Texts, chat_id: int, rows: list[list[InlineKeyboardButton]]
) -> InlineKeyboardMarkup:
    back = InlineKeyboardButton(
        text=texts.plain("settings-back"),
        callback_data=SettingsCb(chat_id=chat_id, screen="home").pack(),
    )
    return InlineKeyboardMarkup(inline_keyboard=[*rows, [back]])


def choice(text: str, chat_id: int, setting: str, value: str) -> InlineKeyboardButton:
    data = SettingChoiceCb(chat_id=chat_id, setting=setting, value=value)
    return InlineKeyboardButton(text=text, callback_data=data.pack())


def rows_of(buttons: list[InlineKeyboardButton], width: int) -> list[list[InlineKeyboardButton]]:
    return [buttons[start : start + width] for start in range(0, len(buttons), width)]


def screen_of(
    texts: Texts, operator: OperatorContext, settings: GroupSettings, screen: str
) -> tuple[Html, InlineKeyboardMarkup]:
    chat_id = operator.chat_id
    if screen == "lang":
        buttons = [
            choice(texts.plain("settings-language-name", locale=locale), chat_id, "lang", locale)
            for locale in LOCALES
        ]
        return texts("settings-lang", current=settings.language), with_back(
            texts, chat_id, [buttons]
        )
    if screen == "tz":
        zones = zone_buttons(chat_id, settings.language).inline_keyboard
        return texts("settings-tz", current=settings.timezone), with_back(texts, chat_id, zones)
    if screen == "time":
        buttons = [choice(at, chat_id, "time", at.replace(":", "")) for at in DIGEST_TIMES]
        text = texts("settings-time", current=settings.digest_time, timezone=settings.timezone)
        return text, with_back(texts, chat_id, rows_of(buttons, 4))
    if screen == "days":
        buttons = [
            choice(
                texts.plain(
                    "settings-day", day=day, on="yes" if day in settings.digest_days else "no"
                ),
                chat_id,
                "day",
                str(day),
            )
            for day in range(7)
        ]
        every = choice(texts.plain("settings-days-every"), chat_id, "day", "all")
        text = texts("settings-days", current=days_text(texts, settings.digest_days))
        return text, with_back(texts, chat_id, [*rows_of(buttons, 4), [every]])
    if screen == "chat":
        return chat_screen(texts, operator, settings)
    if screen == "ret":
        buttons = [
            choice(texts.plain("settings-retention-choice", days=days), chat_id, "ret", days)
            for days in RETENTION_CHOICES
        ]
        text = texts("settings-ret", days=settings.retention_days or 0)
        return text, with_back(texts, chat_id, rows_of(buttons, 3))
    if screen == "tags":
        shown = ", ".join(shown_tag(texts, tag) for tag in settings.tags) or "—"
        deletions = [
            choice(
                texts.plain("settings-tag-delete", tag=shown_tag(texts, tag)),
                chat_id,
                "deltag",
                str(index),
            )
            for index, tag in enumerate(settings.tags)
        ]
        return texts("settings-tags", tags=shown), with_back(texts, chat_id, rows_of(deletions, 3))
    return home_text(texts, operator, settings), home(texts, operator)


def chat_screen(
    texts: Texts, operator: OperatorContext, settings: GroupSettings
) -> tuple[Html, InlineKeyboardMarkup]:
    chat_id = operator.chat_id
    rows: list[list[InlineKeyboardButton]] = []
    if operator.in_private:
        rows.append([choice(texts.plain("settings-chat-pick"), chat_id, "chat", "pick")])
    if settings.digest_chat_id is not None:
        rows.append([choice(texts.plain("settings-chat-stop"), chat_id, "chat", "off")])
    text = texts(
        "settings-chat",
        current=chat_text(texts, settings),
        private=str(operator.in_private).lower(),
    )
    return text, with_back(texts, chat_id, rows)


async def cb_screen(
    query: CallbackQuery,
    *,
    callback_data: SettingsCb,
    operator: OperatorContext,
    texts: Texts,
    group_settings: GroupSettingsReader,
    door: Door,
) -> None:
    if callback_data.screen == "door":
        await show_door_panel(query, operator, texts, door)
        return
    settings = await group_settings.of_group(operator.chat_id)
    text, keyboard = screen_of(texts, operator, settings, callback_data.screen)
    await show_in_place(query, text, keyboard)


async def cb_choice(
    query: CallbackQuery,
    *,
    callback_data: SettingChoiceCb,
    operator: OperatorContext,
    texts: Texts,
    translator: Translator,
    group_settings: GroupSettingsReader,
    languages: Languages,
    digest_subscriptions: DigestSubscriptions,
    retention: RetentionService,
    confirmations: Confirmations,
) -> None:
    now = datetime.now(UTC)
    setting, value, chat_id = callback_data.setting, callback_data.value, operator.chat_id
    done: Html | None = None
    if setting == "lang" and (locale := locale_of(value)) is not None:
        await languages.choose_for_group(chat_id, operator.actor, locale)
        if not operator.in_private:
            texts = translator.bind(locale)  # the group now reads its new language
        done = texts("settings-done-lang", language=locale)
    elif setting == "time" and (local := parse_local_time(f"{value[:2]}:{value[2:]}")):
        when = await digest_subscriptions.set_time(chat_id, operator.actor, local, now)
        done = texts("settings-done-time", time=when.local_time, timezone=when.timezone)
    elif setting == "day" and (value == "all" or value in tuple("0123456")):
        current = await digest_subscriptions.days(chat_id)
        days = EVERY_DAY if value == "all" else toggled(current, int(value))
        if days is None:
            await query.answer(texts.plain("settings-days-none"), show_alert=True)
            return
        chosen = await digest_subscriptions.set_days(chat_id, operator.actor, days, now)
        settings = await group_settings.of_group(chat_id)
        text, keyboard = screen_of(texts, operator, settings, "days")
        done = texts("settings-done-days", days=days_text(texts, chosen))
        await show_in_place(query, texts.lines([done, text]), keyboard)
        return
    elif setting == "ret" and not isinstance(days_kept := parse_retention(value), str):
        if days_kept is not None and (erased := await retention.would_erase(chat_id, days_kept)):
            await _ask_in_panel(
                query,
                operator,
                texts,
                confirmations,
                kind=RETENTION_KIND,
                payload={"days": days_kept, "count": erased},
                question="confirm-retention",
                days=days_kept,
                count=erased,
            )
            return
        await retention.set(chat_id, operator.actor, days_kept)
        done = texts("settings-done-ret", days=days_kept or 0)
    elif setting == "deltag" and value.isdigit():
        names = (await group_settings.of_group(chat_id)).tags
        if int(value) >= len(names):
            await query.answer(texts.plain("settings-stale"), show_alert=True)
            return
        key = names[int(value)]
        said = await confirmations.reader(query, operator, texts)
        await _ask_in_panel(
            query,
            operator,
            texts,
            confirmations,
            kind=TAG_DELETE,
            payload={"tag": key},
            question="confirm-tag-delete",
            tag=shown_tag(said, key),
            builtin="yes" if key in BUILT_IN else "no",
            count=await confirmations.tag_usage.carrying(chat_id, key),
        )
        return
    elif setting == "chat" and value == "off":
        await digest_subscriptions.stop_sending_to_chat(chat_id, operator.actor, now)
        done = texts("digest-chat-cleared", title=operator.title)
    elif setting == "chat" and value == "pick" and isinstance(query.message, Message):
        await query.message.answer(texts("settings-chat-picking"), reply_markup=chat_picker(texts))
        await query.answer()
        return
    else:
        await query.answer(texts.plain("settings-stale"), show_alert=True)
        return
    settings = await group_settings.of_group(chat_id)
    await show_in_place(query, home_text(texts, operator, settings, done), home(texts, operator))


async def _ask_in_panel(
    query: CallbackQuery,
    operator: OperatorContext,
    texts: Texts,
    confirmations: Confirmations,
    *,
    kind: str,
    payload: Payload,
    question: str,
    subject_user_id: int | None = None,
    **args: str | int,
) -> None:
    """A destructive choice on the panel is asked first, under the panel, like its command."""
    if not isinstance(query.message, Message):
        await query.answer(texts.plain("settings-stale"), show_alert=True)
        return
    said = await confirmations.reader(query, operator, texts)
    await confirmations.ask(
        query.message,
        operator,
        said,
        kind=kind,
        payload=payload,
        question=question,
        subject_user_id=subject_user_id,
        **args,
    )
    await query.answer()


def chat_picker(texts: Texts) -> ReplyKeyboardMarkup:
    request = KeyboardButtonRequestChat(
        request_id=PICK_DIGEST_CHAT, chat_is_channel=False, bot_is_member=True, request_title=True
    )
    button = KeyboardButton(text=texts.plain("settings-chat-pick"), request_chat=request)
    return ReplyKeyboardMarkup(keyboard=[[button]], resize_keyboard=True, one_time_keyboard=True)


def people_picker(texts: Texts, request_id: int) -> ReplyKeyboardMarkup:
    request = KeyboardButtonRequestUsers(
        request_id=request_id,
        user_is_bot=False,
        max_quantity=10,
        request_name=True,
        request_username=True,
    )
    label = texts.plain("settings-roles-pick", role=PICKED_ROLES[request_id].key)
    button = KeyboardButton(text=label, request_users=request)
    return ReplyKeyboardMarkup(keyboard=[[button]], resize_keyboard=True, one_time_keyboard=True)


async def cb_roles(
    query: CallbackQuery,
    *,
    callback_data: RolesPanelCb,
    operator: OperatorContext,
    texts: Texts,
    group_settings: GroupSettingsReader,
) -> None:
    action = callback_data.action
    if action in ("operator", "analyst") and isinstance(query.message, Message):
        request_id = PICK_OPERATOR if action == "operator" else PICK_ANALYST
        await query.message.answer(
            texts("settings-roles-picking", role=action),
            reply_markup=people_picker(texts, request_id),
        )
        await query.answer()
        return
    settings = await group_settings.of_group(operator.chat_id)
    holders = [
        texts.plain("settings-role-holder", name=holder.name, role=holder.role)
        for holder in settings.holders
    ]
    rows: list[list[InlineKeyboardButton]] = [
        [
            InlineKeyboardButton(
                text=texts.plain("settings-revoke", name=holder.name),
                callback_data=RevokePickCb(chat_id=operator.chat_id, user_id=holder.user_id).pack(),
            )
        ]
        for holder in settings.holders
    ]
    if operator.in_private:
        rows.append(
            [
                InlineKeyboardButton(
                    text=texts.plain("settings-roles-pick", role=role),
                    callback_data=RolesPanelCb(chat_id=operator.chat_id, action=role).pack(),
                )
                for role in ("operator", "analyst")
            ]
        )
    text = texts(
        "settings-roles",
        holders=", ".join(holders) or "—",
        private=str(operator.in_private).lower(),
    )
    await show_in_place(query, text, with_back(texts, operator.chat_id, rows))


async def cb_revoke_pick(
    query: CallbackQuery,
    *,
    callback_data: RevokePickCb,
    operator: OperatorContext,
    texts: Texts,
    roles: Roles,
    confirmations: Confirmations,
) -> None:
    held = await roles.held(operator.chat_id, Typed(str(callback_data.user_id)))
    if isinstance(held, NoSubject):
        await query.answer(texts.plain("settings-stale"), show_alert=True)
        return
    person, role = held
    if role is None:  # revoked since the screen was drawn
        await query.answer(texts.plain("settings-stale"), show_alert=True)
        return
    await _ask_in_panel(
        query,
        operator,
        texts,
        confirmations,
        kind=ROLE_REVOKE,
        payload={"user_id": person.user_id, "name": person.name},
        question="confirm-revoke",
        subject_user_id=person.user_id,
        name=person.name,
        role=role,
    )


async def on_chat_shared(
    message: Message,
    *,
    operator: OperatorContext,
    texts: Texts,
    digest_subscriptions: DigestSubscriptions,
) -> None:
    shared = message.chat_shared
    assert shared is not None
    if shared.request_id != PICK_DIGEST_CHAT:
        await message.answer(texts("settings-stale"), reply_markup=ReplyKeyboardRemove())
        return
    now = datetime.now(UTC)
    if not await digest_subscriptions.send_to_chat(
        operator.chat_id, operator.actor, shared.chat_id, now
    ):
        await message.answer(texts("digest-chat-refused"), reply_markup=ReplyKeyboardRemove())
        return
    chat = shared.title or str(shared.chat_id)
    await message.answer(
        texts("digest-chat-set", title=operator.title, chat=chat),
        reply_markup=ReplyKeyboardRemove(),
    )


async def on_users_shared(
    message: Message, *, operator: OperatorContext, texts: Texts, roles: Roles
) -> None:
    shared = message.users_shared
    assert shared is not None
    role = PICKED_ROLES.get(shared.request_id)
    if role is None:
        await message.answer(texts("settings-stale"), reply_markup=ReplyKeyboardRemove())
        return
    lines = []
    for user in shared.users:
        name = f"@{user.username}" if user.username else (user.first_name or str(user.user_id))
        granted = await roles.grant(
            operator.chat_id, operator.actor, Person(user.user_id, name), role
        )
        assert isinstance(granted, Person)  # a Person needs no lookup
        lines.append(texts("grant-done", who=granted.name, role=role.key, title=operator.title))
    await message.answer(texts.lines(lines), reply_markup=ReplyKeyboardRemove())


class Shared(Filter):
    """A message carrying what a picker shared (an async filter: no thread per message)."""

    def __init__(self, field: str) -> None:
        self.field = field

    async def __call__(self, message: Message) -> bool:
        return getattr(message, self.field, None) is not None


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, SETTINGS, cmd_settings)
    return router


def create_private_router() -> Router:
    """What Telegram's pickers send back, in private chat, for the console's group."""
    router = Router(name=f"{__name__}.pickers")
    operator_message(router, DIGEST_CHAT, on_chat_shared, Shared("chat_shared"))
    operator_message(router, GRANT, on_users_shared, Shared("users_shared"))
    return router


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.callbacks")
    operator_callback(router, SETTINGS, SettingsCb, cb_screen)
    operator_callback(router, SETTINGS, SettingChoiceCb, cb_choice)
    operator_callback(router, GRANT, RolesPanelCb, cb_roles)
    operator_callback(router, GRANT, RevokePickCb, cb_revoke_pick)
    return router


def build(wiring: Wiring) -> Built:
    reader = GroupSettingsReader(
        wiring.session_factory,
        default_language=locale_of(wiring.settings.default_language) or "en",
        default_timezone=wiring.settings.default_timezone,
    )
    return Built(services={"group_settings": reader})


FEATURE = Feature(
    name="settings",
    operator=(create_router,),
    private=(create_private_router,),
    buttons=(create_callback_router,),
    build=build,
)
