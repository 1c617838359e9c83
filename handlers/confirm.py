"""Ask first, then offer Undo: the Yes/No question of a destructive action, its outcome edited
in place with an Undo button for 10 minutes, and the Undo itself (bot/services/undo.py).

Commands that destroy (/tag_delete, /tag_rename, /revoke, /retention shorter than what is
stored) validate their input as before, then call `Confirmations.ask` instead of acting. The
question and every answer to it are in the language of the operator who reads them.
"""

from __future__ import annotations

from typing import Any

from aiogram import Router
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Html, Texts, Translator, locale_of
from bot.services.languages import Languages
from bot.services.tags import shown_tag
from bot.services.undo import ConfirmedActions, Outcome, Payload, Status, Undoable
from bot.services.undoable_retention import RetentionShortening
from bot.services.undoable_roles import RoleRevocation
from bot.services.undoable_tags import TagDeletion, TagRenaming, TagUsage
from bot.telegram.personal_menus import PersonalMenus
from bot.telegram.show_in_place import show_in_place
from handlers.authority import operator_callback
from handlers.callbacks import AdminConfirmCb, AdminUndoCb, ConfirmCb, UndoCb
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext, personal_texts

CONFIRM = OperatorCommand("confirm", Role.OPERATOR, destructive=True)
ADMIN_CONFIRM = OperatorCommand("confirm", Role.ADMINISTRATOR, destructive=True)

TAG_DELETE = "tag-delete"
TAG_RENAME = "tag-rename"
ROLE_REVOKE = "role-revoke"
RETENTION = "retention"


class Confirmations:
    """What handlers of destructive commands call instead of acting."""

    def __init__(
        self,
        actions: ConfirmedActions,
        translator: Translator,
        languages: Languages,
        tag_usage: TagUsage,
    ) -> None:
        self.actions = actions
        self.tag_usage = tag_usage
        self._translator = translator
        self._languages = languages

    async def texts_for(
        self, operator: OperatorContext, texts: Texts, language: str | None
    ) -> Texts:
        """The acting operator's own language (an anonymous administrator reads the group's)."""
        user_id = operator.actor.user_id
        if user_id is None:
            return texts
        return await personal_texts(self._translator, self._languages, user_id, language)

    async def reader(
        self, event: Message | CallbackQuery, operator: OperatorContext, texts: Texts
    ) -> Texts:
        """The texts a question to this operator (who sent or pressed `event`) is written in."""
        return await self.texts_for(operator, texts, _language(event))

    async def ask(
        self,
        message: Message,
        operator: OperatorContext,
        said: Texts,
        *,
        kind: str,
        payload: Payload,
        question: str,
        subject_user_id: int | None = None,
        **args: str | int,
    ) -> None:
        """Store the action as asked and put the question, with Yes and No, to the operator;
        `said` are the operator's texts (`reader`)."""
        action_id = await self.actions.ask(
            operator.chat_id, operator.actor, kind, payload, subject_user_id=subject_user_id
        )
        role = self.actions.role_of(kind)
        await message.reply(
            said(question, title=operator.title, **args),
            reply_markup=_question(said, operator.chat_id, action_id, role),
        )


def _language(event: Message | CallbackQuery) -> str | None:
    return event.from_user.language_code if event.from_user else None


def _question(texts: Texts, chat_id: int, action_id: int, role: Role) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for yes in (True, False):
        data: CallbackData = (
            AdminConfirmCb(chat_id=chat_id, action=action_id, yes=yes)
            if role is Role.ADMINISTRATOR
            else ConfirmCb(chat_id=chat_id, action=action_id, yes=yes)
        )
        builder.button(text=texts.plain("confirm-yes" if yes else "confirm-no"), callback_data=data)
    return builder.as_markup()


def _undo_button(texts: Texts, chat_id: int, action_id: int, role: Role) -> InlineKeyboardMarkup:
    data: CallbackData = (
        AdminUndoCb(chat_id=chat_id, action=action_id)
        if role is Role.ADMINISTRATOR
        else UndoCb(chat_id=chat_id, action=action_id)
    )
    builder = InlineKeyboardBuilder()
    builder.button(text=texts.plain("confirm-undo"), callback_data=data)
    return builder.as_markup()


def _args(texts: Texts, operator: OperatorContext, outcome: Outcome) -> dict[str, Any]:
    """What the outcome's texts say, from the action's payload."""
    payload = outcome.payload
    return {
        "kind": outcome.kind,
        "title": operator.title,
        "tag": shown_tag(texts, str(payload.get("tag", ""))),
        "old": shown_tag(texts, str(payload.get("old", ""))),
        "new": str(payload.get("new", "")),
        "name": str(payload.get("name", "")),
        "role": str(payload.get("role", "")),
        "days": int(payload.get("days", 0) or 0),
        "count": int(payload.get("count", 0) or 0),
    }


def _refusal(texts: Texts, operator: OperatorContext, outcome: Outcome) -> Html:
    assert outcome.refusal is not None
    return texts(outcome.refusal.key, title=operator.title, **outcome.refusal.args_)


async def _menu_follows(outcome: Outcome, personal_menus: PersonalMenus) -> None:
    """A revoked (or restored) role changes the person's own command menu."""
    if outcome.kind == ROLE_REVOKE:
        await personal_menus.refresh(int(str(outcome.payload["user_id"])), changed=True)


async def _decide(
    query: CallbackQuery,
    *,
    action_id: int,
    yes: bool,
    role: Role,
    operator: OperatorContext,
    texts: Texts,
    confirmations: Confirmations,
    personal_menus: PersonalMenus,
) -> None:
    said = await confirmations.texts_for(operator, texts, _language(query))
    outcome = await confirmations.actions.decide(
        action_id, operator.chat_id, operator.actor, role, yes=yes
    )
    if outcome.status is Status.DONE:
        await _menu_follows(outcome, personal_menus)
        args = _args(said, operator, outcome)
        text = said.lines([said("confirm-done", **args), said("confirm-undo-offer", **args)])
        await show_in_place(query, text, _undo_button(said, operator.chat_id, action_id, role))
    elif outcome.status is Status.DECLINED:
        await show_in_place(query, said("confirm-declined"))
    elif outcome.status is Status.REFUSED:
        await show_in_place(query, _refusal(said, operator, outcome))
    elif outcome.status is Status.EXPIRED:
        await show_in_place(query, said("confirm-expired"))
    elif outcome.status is Status.SETTLED:
        await query.answer(said.plain("confirm-settled"), show_alert=True)
    else:
        await query.answer(said.plain("settings-stale"), show_alert=True)


async def _undo(
    query: CallbackQuery,
    *,
    action_id: int,
    role: Role,
    operator: OperatorContext,
    texts: Texts,
    confirmations: Confirmations,
    personal_menus: PersonalMenus,
) -> None:
    said = await confirmations.texts_for(operator, texts, _language(query))
    outcome = await confirmations.actions.undo(action_id, operator.chat_id, operator.actor, role)
    if outcome.status is Status.UNDONE:
        await _menu_follows(outcome, personal_menus)
        await show_in_place(query, said("confirm-undone", **_args(said, operator, outcome)))
    elif outcome.status is Status.EXPIRED:
        await show_in_place(query, said("undo-expired"))
    elif outcome.status is Status.REFUSED:
        await show_in_place(query, _refusal(said, operator, outcome))
    elif outcome.status is Status.SETTLED:
        await query.answer(said.plain("confirm-settled"), show_alert=True)
    else:
        await query.answer(said.plain("settings-stale"), show_alert=True)


async def cb_confirm(
    query: CallbackQuery,
    *,
    callback_data: ConfirmCb,
    operator: OperatorContext,
    texts: Texts,
    confirmations: Confirmations,
    personal_menus: PersonalMenus,
) -> None:
    await _decide(
        query,
        action_id=callback_data.action,
        yes=callback_data.yes,
        role=Role.OPERATOR,
        operator=operator,
        texts=texts,
        confirmations=confirmations,
        personal_menus=personal_menus,
    )


async def cb_admin_confirm(
    query: CallbackQuery,
    *,
    callback_data: AdminConfirmCb,
    operator: OperatorContext,
    texts: Texts,
    confirmations: Confirmations,
    personal_menus: PersonalMenus,
) -> None:
    await _decide(
        query,
        action_id=callback_data.action,
        yes=callback_data.yes,
        role=Role.ADMINISTRATOR,
        operator=operator,
        texts=texts,
        confirmations=confirmations,
        personal_menus=personal_menus,
    )


async def cb_undo(
    query: CallbackQuery,
    *,
    callback_data: UndoCb,
    operator: OperatorContext,
    texts: Texts,
    confirmations: Confirmations,
    personal_menus: PersonalMenus,
) -> None:
    await _undo(
        query,
        action_id=callback_data.action,
        role=Role.OPERATOR,
        operator=operator,
        texts=texts,
        confirmations=confirmations,
        personal_menus=personal_menus,
    )


async def cb_admin_undo(
    query: CallbackQuery,
    *,
    callback_data: AdminUndoCb,
    operator: OperatorContext,
    texts: Texts,
    confirmations: Confirmations,
    personal_menus: PersonalMenus,
) -> None:
    await _undo(
        query,
        action_id=callback_data.action,
        role=Role.ADMINISTRATOR,
        operator=operator,
        texts=texts,
        confirmations=confirmations,
        personal_menus=personal_menus,
    )


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.callbacks")
    operator_callback(router, CONFIRM, ConfirmCb, cb_confirm)
    operator_callback(router, ADMIN_CONFIRM, AdminConfirmCb, cb_admin_confirm)
    operator_callback(router, CONFIRM, UndoCb, cb_undo)
    operator_callback(router, ADMIN_CONFIRM, AdminUndoCb, cb_admin_undo)
    return router


def build(wiring: Wiring) -> Built:
    kinds: dict[str, Undoable] = {
        TAG_DELETE: TagDeletion(),
        TAG_RENAME: TagRenaming(),
        ROLE_REVOKE: RoleRevocation(),
        RETENTION: RetentionShortening(),
    }
    actions = ConfirmedActions(wiring.session_factory, kinds, now=wiring.clock.now)
    languages = Languages(
        wiring.session_factory, locale_of(wiring.settings.default_language) or "en"
    )
    confirmations = Confirmations(
        actions, wiring.translator, languages, TagUsage(wiring.session_factory)
    )
    return Built(services={"confirmations": confirmations})


FEATURE = Feature(name="confirm", buttons=(create_callback_router,), build=build)
