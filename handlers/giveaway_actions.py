"""What cancelling and rerolling a giveaway say, alike whether the operator typed the command
(handlers/giveaways.py) or tapped the giveaway's card (handlers/giveaway_list.py): the cancel is
asked first (bot/services/undoable_giveaways.py undoes it), the reroll runs and is reported."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from aiogram.types import CallbackQuery, Message

from bot.i18n import Html, Texts
from bot.services.giveaway_draw import Outcome, RerollRefused
from bot.services.giveaways import GiveawayService
from bot.services.giveaways_render import mention
from bot.services.undoable_giveaways import GIVEAWAY_CANCEL, cancel_payload
from handlers.confirm import Confirmations
from handlers.middlewares import OperatorContext


async def ask_to_cancel(
    event: Message | CallbackQuery,
    operator: OperatorContext,
    texts: Texts,
    confirmations: Confirmations,
    *,
    giveaway_id: int,
    prize: str,
    reason: str,
) -> None:
    """Yes or No, below the command, or in place of the card tapped."""
    said = await confirmations.reader(event, operator, texts)
    asked: dict[str, Any] = {
        "kind": GIVEAWAY_CANCEL,
        "payload": cancel_payload(giveaway_id, prize, reason),
        "question": "giveaway-cancel-confirm",
        "id": str(giveaway_id),
        "prize": prize,
        "reason": reason,
    }
    if isinstance(event, CallbackQuery):
        await confirmations.ask_in_place(event, operator, said, **asked)
    else:
        await confirmations.ask(event, operator, said, **asked)


async def reroll(
    giveaways: GiveawayService,
    operator: OperatorContext,
    texts: Texts,
    *,
    giveaway_id: int,
    ranks: Sequence[int],
    reason: str,
) -> list[Html]:
    """The places redrawn; what to tell the operator, part by part (or why it was refused)."""
    try:
        outcome = await giveaways.reroll(
            operator.chat_id,
            operator.actor,
            giveaway_id,
            ranks=ranks,
            reason=reason,
            now=datetime.now(UTC),
        )
    except RerollRefused as refused:
        return [texts("giveaway-reroll-refused", code=refused.code, id=str(giveaway_id))]
    return _rerolled_text(texts, giveaway_id, outcome)


def _rerolled_text(texts: Texts, giveaway_id: int, outcome: Outcome) -> list[Html]:
    """What a reroll did; then, if any, the winners only the organiser can reach now (named
    with mention links)."""
    parts = [
        texts(
            "giveaway-rerolled",
            id=str(giveaway_id),
            count=len(outcome.winners),
            replaced=len(outcome.replaced),
            digest=outcome.round_digest,
        )
    ]
    if outcome.untold:
        untold = [
            texts("giveaway-creator-untold"),
            *(texts("giveaway-creator-untold-one", mention=mention(p)) for p in outcome.untold),
        ]
        parts.append(texts.lines(untold))
    return parts
