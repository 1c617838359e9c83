"""/tag_delete and /tag_rename ask first (handlers/confirm.py): the question names a built-in
tag as such, in the reader's language, and says how many comments carry the tag."""

from __future__ import annotations

from aiogram.types import Message

from bot.i18n import Texts
from bot.services.tags import BUILT_IN, TagChange, shown_tag
from handlers.confirm import TAG_DELETE, TAG_RENAME, Confirmations
from handlers.middlewares import OperatorContext


def asks_first(change: TagChange) -> bool:
    return change.deleted is not None or change.renamed is not None


async def ask_tag_change(
    message: Message,
    operator: OperatorContext,
    texts: Texts,
    confirmations: Confirmations,
    change: TagChange,
) -> None:
    """Put a validated deletion or rename to the operator instead of doing it."""
    said = await confirmations.reader(message, operator, texts)
    if change.deleted is not None:
        key = change.deleted
        await confirmations.ask(
            message,
            operator,
            said,
            kind=TAG_DELETE,
            payload={"tag": key},
            question="confirm-tag-delete",
            tag=shown_tag(said, key),
            builtin=_yes(key in BUILT_IN),
            count=await confirmations.tag_usage.carrying(operator.chat_id, key),
        )
        return
    assert change.renamed is not None
    old, new = change.renamed
    await confirmations.ask(
        message,
        operator,
        said,
        kind=TAG_RENAME,
        payload={"old": old, "new": new},
        question="confirm-tag-rename",
        old=shown_tag(said, old),
        new=new,
        builtin=_yes(old in BUILT_IN),
    )


def _yes(value: bool) -> str:
    return "yes" if value else "no"
