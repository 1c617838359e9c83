"""/tag_suggest: the keywords the group's own corrections propose, each accepted or declined by
a tap. Accepting adds the keyword to that tag in this group's set (as /tag_add would) and offers
to apply it to the stored history; the built-in set and other groups are never touched."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Html, Texts
from bot.services.retag import Retagger
from bot.services.tag_learning import Proposals, TagLearning, TagLearningDigestSection
from bot.services.tags import shown_tag
from bot.telegram.show_in_place import show_in_place
from handlers.authority import operator_callback, operator_command
from handlers.callbacks import TagProposalCb
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext
from handlers.retag import retag_offer

TAG_SUGGEST = OperatorCommand("tag_suggest", Role.OPERATOR)
TAG_SUGGEST_DECIDE = OperatorCommand("tag-suggest-decide", Role.OPERATOR)


async def cmd_tag_suggest(
    message: Message, *, operator: OperatorContext, texts: Texts, tag_learning: TagLearning
) -> None:
    text, keyboard = _card(operator, texts, await tag_learning.proposals(operator.chat_id))
    await message.answer(text, reply_markup=keyboard)


async def cb_tag_suggest(
    query: CallbackQuery,
    *,
    callback_data: TagProposalCb,
    operator: OperatorContext,
    texts: Texts,
    tag_learning: TagLearning,
    retag: Retagger,
) -> None:
    chat_id = operator.chat_id
    if callback_data.take:
        decided = await tag_learning.accept(chat_id, operator.actor, callback_data.key)
    else:
        decided = await tag_learning.decline(chat_id, callback_data.key)
    if decided is None:
        await query.answer(texts.plain("tag-suggest-gone"), show_alert=True)
        return
    note = texts(
        "tag-suggest-decided",
        taken=str(callback_data.take).lower(),
        tag=shown_tag(texts, decided.tag),
        keyword=decided.keyword,
    )
    text, keyboard = _card(operator, texts, await tag_learning.proposals(chat_id), note)
    await show_in_place(query, text, keyboard)
    if callback_data.take and isinstance(query.message, Message):
        offer = await retag_offer(retag, operator, texts, decided.tag)
        await query.message.answer(texts("tag-suggest-apply"), reply_markup=offer)


def _card(
    operator: OperatorContext, texts: Texts, found: Proposals, note: Html | None = None
) -> tuple[Html, InlineKeyboardMarkup | None]:
    lines = [] if note is None else [note]
    lines.append(texts("tag-suggest-title", title=operator.title, labels=found.labels))
    if not found.proposals:
        lines.append(texts("tag-suggest-none"))
        return texts.lines(lines), None
    builder = InlineKeyboardBuilder()
    for proposal in found.proposals:
        tag = shown_tag(texts, proposal.tag)
        lines.append(
            texts(
                "tag-suggest-line",
                tag=tag,
                keyword=proposal.keyword,
                support=proposal.support,
                against=proposal.against,
            )
        )
        for take, label in ((True, "tag-suggest-accept"), (False, "tag-suggest-decline")):
            builder.button(
                text=texts.plain(label, tag=tag, keyword=proposal.keyword),
                callback_data=TagProposalCb(chat_id=operator.chat_id, key=proposal.key, take=take),
            )
    builder.adjust(2)
    return texts.lines(lines), builder.as_markup()


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, TAG_SUGGEST, cmd_tag_suggest)
    return router


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.callbacks")
    operator_callback(router, TAG_SUGGEST_DECIDE, TagProposalCb, cb_tag_suggest)
    return router


def _build(wiring: Wiring) -> Built:
    return Built(services={"tag_learning": TagLearning(wiring.session_factory)})


FEATURE = Feature(
    name="tag_suggestions",
    operator=(create_router,),
    buttons=(create_callback_router,),
    digest_sections={"tag-learning": TagLearningDigestSection},
    build=_build,
)
