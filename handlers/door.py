"""The door (issue 18): newcomers welcomed and checked, join requests decided, the rules shown.

Joins and leaves arrive as chat_member updates; the door acts on them, then lets them go on to
the membership feature (SkipHandler), which keeps the administrators' cache and roles true.
A newcomer answers their check with a button under the prompt, in private chat through the
prompt's link, or by replying to the prompt in the group. Operators set it all with /door,
/door_question, /welcome_set and /rules_set, or on the /settings panel's Door screen.
"""

from __future__ import annotations

from typing import Any, cast

from aiogram import Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import CommandObject, Filter
from aiogram.types import (
    CallbackQuery,
    ChatJoinRequest,
    ChatMemberUpdated,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    User,
)
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.door import (
    MAX_TEXT,
    MAX_WELCOME,
    SETTING_NAMES,
    TOGGLES,
    CheckMode,
    DoorSettings,
    SettingError,
)
from bot.domain.roles import GONE_STATUSES, TELEGRAM_ADMIN_STATUSES, OperatorCommand, Role
from bot.domain.spam import SpamMode
from bot.i18n import Html, Locale, Texts, Translator
from bot.services.authority import Authority
from bot.services.door import Door, DoorButton, DoorJobs, Newcomer
from bot.services.languages import Languages
from bot.telegram.admins import membership_status, status_of
from bot.telegram.door_courier import TelegramDoorCourier
from bot.telegram.filters import GROUP_CHAT_TYPES
from bot.telegram.show_in_place import show_in_place
from handlers.authority import (
    operator_callback,
    operator_command,
    public_callback,
    public_command,
)
from handlers.callbacks import DoorCb, DoorPanelCb, SettingsCb
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext, personal_texts

DOOR = OperatorCommand("door", Role.OPERATOR)
DOOR_QUESTION = OperatorCommand("door_question", Role.OPERATOR)
WELCOME_SET = OperatorCommand("welcome_set", Role.OPERATOR)
RULES_SET = OperatorCommand("rules_set", Role.OPERATOR)
DOOR_START = "door-"
PANEL_SWITCHES = (*TOGGLES, "check", "spam")
CHECK_CYCLE = {CheckMode.OFF: "button", CheckMode.BUTTON: "question", CheckMode.QUESTION: "off"}
SPAM_CYCLE = {SpamMode.OFF: "report", SpamMode.REPORT: "act", SpamMode.ACT: "off"}


def display_name(user: User) -> str:
    return f"@{user.username}" if user.username else user.full_name


def newcomer(user: User) -> Newcomer:
    return Newcomer(user.id, display_name(user), user.language_code, user.is_bot)


# joins, leaves, requests


class Joined(Filter):
    """Someone came in: from outside the group to a member (restricted counts, if inside)."""

    async def __call__(self, update: ChatMemberUpdated) -> bool:
        if update.chat.type not in GROUP_CHAT_TYPES:
            return False
        was = membership_status(update.old_chat_member)
        now = membership_status(update.new_chat_member)
        return was in GONE_STATUSES and now not in GONE_STATUSES


class Left(Filter):
    async def __call__(self, update: ChatMemberUpdated) -> bool:
        if update.chat.type not in GROUP_CHAT_TYPES:
            return False
        was = membership_status(update.old_chat_member)
        now = membership_status(update.new_chat_member)
        return was not in GONE_STATUSES and now in GONE_STATUSES


async def on_join(update: ChatMemberUpdated, *, door: Door, authority: Authority) -> None:
    person = update.new_chat_member.user
    # An administrator or an operator coming (back) in is never held at the door.
    staff = status_of(update.new_chat_member) in TELEGRAM_ADMIN_STATUSES or (
        await authority.role(update.chat.id, person.id, live=False) >= Role.OPERATOR
    )
    title = update.chat.title or str(update.chat.id)
    await door.joined(update.chat.id, title, [newcomer(person)], checked=not staff)
    raise SkipHandler  # membership sees every chat_member update too


async def on_leave(update: ChatMemberUpdated, *, door: Door) -> None:
    await door.left(update.chat.id, update.new_chat_member.user.id)
    raise SkipHandler


async def on_join_request(request: ChatJoinRequest, *, door: Door) -> None:
    title = request.chat.title or str(request.chat.id)
    await door.requested(request.chat.id, title, newcomer(request.from_user))


# a newcomer's answers


async def cb_door(
    query: CallbackQuery,
    *,
    callback_data: DoorCb,
    door: Door,
    translator: Translator,
    languages: Languages,
) -> None:
    user = query.from_user
    # The answer is the presser's alone: in their language, not the group's.
    texts = await personal_texts(translator, languages, user.id, user.language_code)
    answer = await door.pressed(callback_data.check_id, user.id, callback_data.action)
    await query.answer(
        texts.plain(answer.key, title=answer.title, request=answer.request), show_alert=True
    )


class DoorStart(Filter):
    async def __call__(self, message: Message, command: CommandObject | None = None) -> Any:
        payload = (command.args if command else None) or ""
        number = payload.removeprefix(DOOR_START)
        if payload.startswith(DOOR_START) and number.isdecimal():
            return {"check_id": int(number)}
        return False


async def cmd_start_door(message: Message, *, check_id: int, texts: Texts, door: Door) -> None:
    assert message.from_user is not None
    question = await door.question_for(check_id, message.from_user.id)
    await message.answer(question or texts("door-nothing-to-answer"))


class AnswersAQuestion(Filter):
    """A text from someone the door is waiting on for a typed answer."""

    async def __call__(self, message: Message, door: Door) -> Any:
        if message.from_user is None or not message.text or message.text.startswith("/"):
            return False
        if message.chat.type in GROUP_CHAT_TYPES:
            reply = message.reply_to_message
            if reply is None:
                return False
            waiting = await door.waiting_in_group(
                message.from_user.id, message.chat.id, reply.message_id
            )
        else:
            waiting = await door.waiting_in_private(message.from_user.id)
        return False if waiting is None else {"check_id": waiting}


async def on_answer(
    message: Message,
    *,
    check_id: int,
    door: Door,
    translator: Translator,
    languages: Languages,
) -> None:
    user = message.from_user
    assert user is not None and message.text is not None
    texts = await personal_texts(translator, languages, user.id, user.language_code)
    answer = await door.answered(user.id, message.text, check_id=check_id)
    if answer is None:
        return
    verdict = texts(answer.key, title=answer.title, request=answer.request)
    if message.chat.type in GROUP_CHAT_TYPES:
        # The answer itself is not chat: it goes, and the verdict goes to them alone if it can.
        await door.tidy_answer(message.chat.id, message.message_id)
        if not await door.tell(user.id, verdict):
            await message.answer(verdict)
        return
    await message.answer(verdict)


# rules


async def cmd_rules(message: Message, *, texts: Texts, door: Door) -> None:
    rules = await door.rules(message.chat.id) if message.chat.type in GROUP_CHAT_TYPES else None
    await message.reply(texts("rules-show", rules=Html(rules)) if rules else texts("rules-none"))


def _typed_or_replied(message: Message, command: CommandObject) -> str:
    typed = (command.args or "").strip()
    reply = message.reply_to_message
    if not typed and reply is not None:
        typed = (reply.text or reply.caption or "").strip()
    return typed


async def cmd_rules_set(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    door: Door,
) -> None:
    typed = _typed_or_replied(message, command)
    if not typed or len(typed) > MAX_TYPED:
        await message.reply(texts("rules-set-usage", limit=MAX_TYPED))
        return
    await door.set_rules(operator.chat_id, operator.actor, typed)
    await message.reply(texts("rules-set-done", title=operator.title))


async def cmd_welcome_set(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    door: Door,
) -> None:
    typed = _typed_or_replied(message, command)
    if not typed or len(typed) > MAX_WELCOME:
        await message.reply(texts("welcome-set-usage", limit=MAX_WELCOME))
        return
    await door.set_welcome(operator.chat_id, operator.actor, typed)
    await message.reply(texts("welcome-set-done", title=operator.title))


MAX_TYPED = MAX_TEXT


# settings


async def cmd_door(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    door: Door,
) -> None:
    name, _, value = (command.args or "").strip().partition(" ")
    if not name:
        settings = await door.settings(operator.chat_id)
        await message.reply(settings_text(texts, operator.title, settings))
        return
    if not value.strip():
        await message.reply(texts("door-usage", names=", ".join(SETTING_NAMES)))
        return
    try:
        settings = await door.change(operator.chat_id, operator.actor, name, value.strip())
    except SettingError as error:
        await message.reply(_refusal(texts, error))
        return
    done = texts("door-changed", setting=name.lower())
    await message.reply(texts.lines([done, settings_text(texts, operator.title, settings)]))


async def cmd_door_question(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    door: Door,
) -> None:
    try:
        settings = await door.set_question(
            operator.chat_id, operator.actor, (command.args or "").strip()
        )
    except SettingError as error:
        await message.reply(_refusal(texts, error))
        return
    await message.reply(
        texts("door-question-done", question=settings.question or "", count=len(settings.answers))
    )


def _refusal(texts: Texts, error: SettingError) -> Html:
    return texts(error.code, typed=error.typed[:64], names=", ".join(SETTING_NAMES))


def settings_text(texts: Texts, title: str, settings: DoorSettings) -> Html:
    def switch(on: bool) -> str:
        return texts.plain("door-switch", on="on" if on else "off")

    door = texts(
        "door-settings",
        title=title,
        welcome=switch(settings.welcome),
        custom=switch(settings.welcome_text is not None),
        rules=switch(settings.rules is not None),
        rules_required=switch(settings.rules_required),
        check=settings.check.value,
        question=settings.question or "—",
        answers=len(settings.answers),
        minutes=settings.check_minutes,
        trust=switch(settings.trust_other_groups),
        dry_run=switch(settings.dry_run),
        giveaway=switch(settings.giveaway_guard),
        spike=settings.spike_joins,
        warns=settings.warn_limit,
        mute=settings.warn_mute_minutes,
    )
    return texts.lines([door, texts("spam-settings-line", mode=settings.spam.value)])


def door_panel(
    texts: Texts, chat_id: int, title: str, settings: DoorSettings
) -> tuple[Html, InlineKeyboardMarkup]:
    """The /settings panel's Door screen: each switch one tap, the check cycling its modes."""
    current = {
        "welcome": settings.welcome,
        "rules_required": settings.rules_required,
        "trust": settings.trust_other_groups,
        "dry_run": settings.dry_run,
        "giveaway": settings.giveaway_guard,
    }
    builder = InlineKeyboardBuilder()
    for name, on in current.items():
        builder.button(
            text=texts.plain("door-panel-switch", setting=name, on="on" if on else "off"),
            callback_data=DoorPanelCb(chat_id=chat_id, setting=name, value="off" if on else "on"),
        )
    following = CHECK_CYCLE[settings.check]
    builder.button(
        text=texts.plain("door-panel-check", mode=settings.check.value),
        callback_data=DoorPanelCb(chat_id=chat_id, setting="check", value=following),
    )
    builder.button(
        text=texts.plain("spam-panel", mode=settings.spam.value),
        callback_data=DoorPanelCb(chat_id=chat_id, setting="spam", value=SPAM_CYCLE[settings.spam]),
    )
    builder.adjust(2)
    back = InlineKeyboardButton(
        text=texts.plain("settings-back"),
        callback_data=SettingsCb(chat_id=chat_id, screen="home").pack(),
    )
    markup = builder.as_markup()
    markup.inline_keyboard.append([back])
    return settings_text(texts, title, settings), markup


async def show_door_panel(
    query: CallbackQuery, operator: OperatorContext, texts: Texts, door: Door
) -> None:
    settings = await door.settings(operator.chat_id)
    text, keyboard = door_panel(texts, operator.chat_id, operator.title, settings)
    await show_in_place(query, text, keyboard)


async def cb_door_panel(
    query: CallbackQuery,
    *,
    callback_data: DoorPanelCb,
    operator: OperatorContext,
    texts: Texts,
    door: Door,
) -> None:
    if callback_data.setting not in PANEL_SWITCHES:
        await query.answer(texts.plain("settings-stale"), show_alert=True)
        return
    try:
        await door.change(
            operator.chat_id, operator.actor, callback_data.setting, callback_data.value
        )
    except SettingError as error:
        await query.answer(texts.plain(error.code, typed="", names=""), show_alert=True)
        return
    await show_door_panel(query, operator, texts, door)


# wiring


def door_keyboard(button: DoorButton) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if button.url is not None:
        builder.button(text=button.label, url=button.url)
    else:
        builder.button(
            text=button.label, callback_data=DoorCb(check_id=button.check_id, action=button.action)
        )
    return builder.as_markup()


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, DOOR, cmd_door)
    operator_command(router, DOOR_QUESTION, cmd_door_question)
    operator_command(router, WELCOME_SET, cmd_welcome_set)
    operator_command(router, RULES_SET, cmd_rules_set)
    return router


def create_group_command_router() -> Router:
    router = Router(name=f"{__name__}.rules")
    public_command(router, "rules", cmd_rules)
    return router


def create_answer_router() -> Router:
    """Replies to a prompt in the group; texts in private from someone the door waits on."""
    router = Router(name=f"{__name__}.answers")
    router.message.register(on_answer, AnswersAQuestion())
    return router


def create_private_router() -> Router:
    router = Router(name=f"{__name__}.start")
    public_command(router, "start", cmd_start_door, DoorStart(), listed=False)
    router.message.register(on_answer, AnswersAQuestion())
    return router


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.callbacks")
    public_callback(router, "door", DoorCb, cb_door)
    operator_callback(router, DOOR, DoorPanelCb, cb_door_panel)
    return router


def create_member_router() -> Router:
    router = Router(name=f"{__name__}.members")
    router.chat_member.register(on_join, Joined())
    router.chat_member.register(on_leave, Left())
    router.chat_join_request.register(on_join_request)
    return router


def build(wiring: Wiring) -> Built:
    courier = TelegramDoorCourier(wiring.bot, door_keyboard)
    languages = Languages(wiring.session_factory, cast(Locale, wiring.settings.default_language))
    door = Door(wiring.session_factory, wiring.clock, courier, wiring.translator, languages)
    return Built(services={"door": door}, clock_sources=[DoorJobs(door)])


FEATURE = Feature(
    name="door",
    operator=(create_router,),
    group_commands=(create_group_command_router,),
    group=(create_answer_router,),
    private=(create_private_router,),
    buttons=(create_callback_router,),
    chat_updates=(create_member_router,),
    update_types=("chat_member", "chat_join_request"),
    build=build,
)
