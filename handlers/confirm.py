"""Ask first, then offer Undo: the Yes/No question of a destructive action, its outcome edited
in place with an Undo button for 10 minutes, and the Undo itself (bot/services/undo.py).

Commands that destroy (/tag_delete, /tag_rename, /revoke, /retention shorter than what is
stored, /giveaway_cancel) validate their input as before, then call `Confirmations.ask` instead
of acting (a button, `ask_in_place`). The question and every answer to it are in the language of
the operator who reads them. Yes, No and Undo of both tiers take one path (`cb_answer`), the
tier read from the button's type.
"""

from __future__ import annotations

from dataclasses import dataclass
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
from bot.services.undoable_giveaways import GIVEAWAY_CANCEL, GiveawayCancellation
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
        text, keyboard = await self._asked(
            operator, said, kind, payload, question, subject_user_id=subject_user_id, args=args
        )
        await message.reply(text, reply_markup=keyboard)

    async def ask_in_place(
        self,
        query: CallbackQuery,
        operator: OperatorContext,
        said: Texts,
        *,
        kind: str,
        payload: Payload,
        question: str,
        **args: str | int,
    ) -> None:
        """As `ask`, from a button: the pressed message becomes the question."""
        text, keyboard = await self._asked(operator, said, kind, payload, question, args=args)
        await show_in_place(query, text, keyboard)

    async def _asked(
        self,
        operator: OperatorContext,
        said: Texts,
        kind: str,
        payload: Payload,
        question: str,
        *,
        subject_user_id: int | None = None,
        args: dict[str, str | int],
    ) -> tuple[Html, InlineKeyboardMarkup]:
        action_id = await self.actions.ask(
            operator.chat_id, operator.actor, kind, payload, subject_user_id=subject_user_id
        )
        role = self.actions.role_of(kind)
        text = said(question, title=operator.title, **args)
        return text, _question(said, operator.chat_id, action_id, role)


def _language(event: Message | CallbackQuery) -> str | None:
    return event.from_user.language_code if event.from_user else None


@dataclass(frozen=True, slots=True)
class Tier:
    """The buttons of the actions one role takes: a button of one tier cannot answer another's."""

    role: Role
    spec: OperatorCommand
    confirm: type[ConfirmCb | AdminConfirmCb]
    undo: type[UndoCb | AdminUndoCb]


TIERS = (
    Tier(Role.OPERATOR, CONFIRM, ConfirmCb, UndoCb),
    Tier(Role.ADMINISTRATOR, ADMIN_CONFIRM, AdminConfirmCb, AdminUndoCb),
)
_TIER_OF_ROLE = {tier.role: tier for tier in TIERS}
_TIER_OF_BUTTON: dict[type[CallbackData], Tier] = {
    button: tier for tier in TIERS for button in (tier.confirm, tier.undo)
}


@dataclass(frozen=True, slots=True)
class KindTexts:
    """What a kind's outcome says; most kinds share confirm.ftl's selects on `kind`."""

    done: str = "confirm-done"
    undone: str = "confirm-undone"


_KIND_TEXTS = {GIVEAWAY_CANCEL: KindTexts("giveaway-cancel-done", "giveaway-cancel-undone")}


def _question(texts: Texts, chat_id: int, action_id: int, role: Role) -> InlineKeyboardMarkup:
    confirm = _TIER_OF_ROLE[role].confirm
    builder = InlineKeyboardBuilder()
    for yes in (True, False):
        builder.button(
            text=texts.plain("confirm-yes" if yes else "confirm-no"),
            callback_data=confirm(chat_id=chat_id, action=action_id, yes=yes),
        )
    return builder.as_markup()


def _undo_button(texts: Texts, chat_id: int, action_id: int, role: Role) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.plain("confirm-undo"),
        callback_data=_TIER_OF_ROLE[role].undo(chat_id=chat_id, action=action_id),
    )
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
        "id": str(payload.get("giveaway_id", "")),
        "prize": str(payload.get("prize", "")),
        "reason": str(payload.get("reason", "")),
    }


def _refusal(texts: Texts, operator: OperatorContext, outcome: Outcome) -> Html:
    assert outcome.refusal is not None
    return texts(outcome.refusal.key, title=operator.title, **outcome.refusal.args_)


async def _menu_follows(outcome: Outcome, personal_menus: PersonalMenus) -> None:
    """A revoked (or restored) role changes the person's own command menu."""
    if outcome.kind == ROLE_REVOKE:
        await personal_menus.refresh(int(str(outcome.payload["user_id"])), changed=True)


# What the pressed message says for each outcome that replaces it; the others are alerts.
_SHOWN_DECIDED = {Status.DECLINED: "confirm-declined", Status.EXPIRED: "confirm-expired"}
_SHOWN_UNDONE = {Status.EXPIRED: "undo-expired"}
_ALERTS = {Status.SETTLED: "confirm-settled"}


async def cb_answer(
    query: CallbackQuery,
    *,
    callback_data: ConfirmCb | AdminConfirmCb | UndoCb | AdminUndoCb,
    operator: OperatorContext,
    texts: Texts,
    confirmations: Confirmations,
    personal_menus: PersonalMenus,
) -> None:
    """Yes, No or Undo, of either tier: one path, the tier read from the button's type."""
    tier = _TIER_OF_BUTTON[type(callback_data)]
    said = await confirmations.texts_for(operator, texts, _language(query))
    actions = confirmations.actions
    if isinstance(callback_data, ConfirmCb | AdminConfirmCb):
        outcome = await actions.decide(
            callback_data.action, operator.chat_id, operator.actor, tier.role, yes=callback_data.yes
        )
        shown = _SHOWN_DECIDED
    else:
        outcome = await actions.undo(
            callback_data.action, operator.chat_id, operator.actor, tier.role
        )
        shown = _SHOWN_UNDONE
    kind_texts = _KIND_TEXTS.get(outcome.kind, KindTexts())
    if outcome.status in (Status.DONE, Status.UNDONE):
        await _menu_follows(outcome, personal_menus)
    if outcome.status is Status.DONE:
        args = _args(said, operator, outcome)
        text = said.lines([said(kind_texts.done, **args), said("confirm-undo-offer", **args)])
        undo = _undo_button(said, operator.chat_id, callback_data.action, tier.role)
        await show_in_place(query, text, undo)
    elif outcome.status is Status.UNDONE:
        await show_in_place(query, said(kind_texts.undone, **_args(said, operator, outcome)))
    elif outcome.status is Status.REFUSED:
        await show_in_place(query, _refusal(said, operator, outcome))
    elif outcome.status in shown:
        await show_in_place(query, said(shown[outcome.status]))
    else:
        alert = _ALERTS.get(outcome.status, "settings-stale")
        await query.answer(said.plain(alert), show_alert=True)


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.callbacks")
    for tier in TIERS:
        operator_callback(router, tier.spec, tier.confirm, cb_answer)
        operator_callback(router, tier.spec, tier.undo, cb_answer)
    return router


def build(wiring: Wiring) -> Built:
    # Imported here: handlers.giveaways asks its cancel through this module's Confirmations.
    from handlers.giveaways import giveaway_courier  # noqa: PLC0415

    kinds: dict[str, Undoable] = {
        TAG_DELETE: TagDeletion(),
        TAG_RENAME: TagRenaming(),
        ROLE_REVOKE: RoleRevocation(),
        RETENTION: RetentionShortening(),
        GIVEAWAY_CANCEL: GiveawayCancellation(
            wiring.session_factory,
            giveaway_courier(
                wiring.bot, wiring.session_factory, wiring.translator, wiring.settings
            ),
            wiring.clock,
        ),
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
