"""The emulator answers every Bot API method the product can call.

The calls are read from the source, not from a run: a method the demo and the tests never reach
(an acknowledgement that only fires on one path) would otherwise answer "not implemented" for the
first time in production. Three shapes reach the Bot API: `bot.send_message(...)`, a shortcut on
an aiogram object (`message.reply(...)`, `query.answer()`, `message.react(...)`), and a method
object passed to the bot (`bot(SendMessage(...))`). Each shortcut's method is read from aiogram's
own return annotations, so a new shortcut needs no entry here.
"""

from __future__ import annotations

import ast
import inspect
import re
from functools import cache
from pathlib import Path

from aiogram import Bot, types
from aiogram import methods as m
from aiogram.methods.base import TelegramMethod

from bot.emulator.methods import HANDLERS

ROOT = Path(__file__).resolve().parents[2]
# The emulator and the test fakes are the other side of the wire, not callers of it.
NOT_CALLERS = ("bot/emulator", "bot/devtools")
SHORTCUT_OWNERS = (
    types.Message,
    types.CallbackQuery,
    types.Chat,
    types.ChatJoinRequest,
    types.ChatMemberUpdated,
    types.User,
    types.InaccessibleMessage,
    types.PollAnswer,
)


def _method_class(annotation: object) -> type[TelegramMethod[object]] | None:
    if isinstance(annotation, str):
        annotation = getattr(m, annotation, None)
    if isinstance(annotation, type) and issubclass(annotation, TelegramMethod):
        return annotation
    return None


@cache
def shortcuts() -> dict[str, frozenset[str]]:
    """Shortcut name -> the API methods it can send (`answer` is a message or a button's)."""
    found: dict[str, set[str]] = {}
    for owner in SHORTCUT_OWNERS:
        for name, function in inspect.getmembers(owner, inspect.isfunction):
            method = _method_class(function.__annotations__.get("return"))
            if method is not None and not name.startswith("_"):
                found.setdefault(name, set()).add(str(method.__api_method__))
    return {name: frozenset(methods) for name, methods in found.items()}


@cache
def bot_methods() -> dict[str, str]:
    """`Bot.send_message` -> "sendMessage", through the method class of the same name."""
    found = {}
    for name, _ in inspect.getmembers(Bot, inspect.iscoroutinefunction):
        camel = "".join(part.capitalize() for part in name.split("_"))
        method = getattr(m, camel, None)
        if _method_class(method) is not None:
            found[name] = str(method.__api_method__)  # type: ignore[union-attr]
    return found


@cache
def method_classes() -> dict[str, str]:
    return {
        name: str(value.__api_method__)
        for name, value in vars(m).items()
        if isinstance(value, type)
        and issubclass(value, TelegramMethod)
        and value is not TelegramMethod
    }


def called_methods(source: str) -> set[str]:
    called: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
        if name in method_classes():
            called.add(method_classes()[name])
        if isinstance(function, ast.Attribute):
            if name in bot_methods():
                called.add(bot_methods()[name])
            called.update(shortcuts().get(name, ()))
    return called


def product_sources() -> list[Path]:
    """Modules that can reach the Bot API: only those that import aiogram (the layering rule
    keeps it at the edge), so `axes.set_title(...)` in a chart is not a chat's new title."""
    paths = [*(ROOT / "bot").rglob("*.py"), *(ROOT / "handlers").rglob("*.py")]
    return [
        path
        for path in paths
        if not path.relative_to(ROOT).as_posix().startswith(NOT_CALLERS)
        and re.search(r"^\s*(from|import) aiogram", path.read_text(encoding="utf-8"), re.M)
    ]


def test_the_emulator_implements_every_method_the_product_calls() -> None:
    called: dict[str, set[str]] = {}
    for path in product_sources():
        for method in called_methods(path.read_text(encoding="utf-8")):
            called.setdefault(method, set()).add(path.relative_to(ROOT).as_posix())
    missing = {
        method: sorted(where) for method, where in called.items() if method.lower() not in HANDLERS
    }
    assert not missing, f"the emulator lacks: {missing}"
    # The scan sees the calls we know of, so an empty scan cannot pass by accident.
    assert {"sendMessage", "setMessageReaction", "answerCallbackQuery", "getUpdates"} <= set(called)


def test_the_scan_reads_all_three_shapes_of_a_call() -> None:
    source = """
async def f(bot, message, query):
    await bot.send_poll(1, "q", ["a", "b"])
    await message.react([])
    await query.answer()
    await bot(GetChatMemberCount(chat_id=1))
    await bot(methods.BanChatMember(chat_id=1, user_id=2))
    session.execute(select(x))
"""
    assert called_methods(source) == {
        "sendPoll",
        "setMessageReaction",
        "answerCallbackQuery",
        "sendMessage",
        "getChatMemberCount",
        "banChatMember",
    }


def test_a_method_the_emulator_lacks_is_named() -> None:
    lacking = "await bot.set_chat_sticker_set(1, 'fans')"
    called = called_methods(lacking)
    assert called == {"setChatStickerSet"}
    assert all(method.lower() not in HANDLERS for method in called)


def test_the_reactions_the_emulator_accepts_are_telegrams() -> None:
    """aiogram's ReactionTypeEmoji documents Telegram's list; ours must be the same."""
    from bot.emulator.methods import REACTION_EMOJI  # noqa: PLC0415

    documented = re.search(r"one of (.*)\.\"\"\"", inspect.getsource(types.ReactionTypeEmoji))
    assert documented is not None
    listed = set(re.findall(r'"([^"]+)"', documented.group(1)))
    assert listed == REACTION_EMOJI
