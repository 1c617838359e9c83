"""One authorization mechanism for every operator command and button of the product.

Register with `operator_command` / `operator_callback` (a declared `OperatorCommand`: name, least
role, destructive) or `public_command` (anyone may run it, it changes nothing of a group). The
declaration travels in the handler's flags; `ContextMiddleware` reads it and refuses before the
handler runs. `declared_commands(dispatcher)` lists every command handler of a dispatcher, so a
test fails when one is registered without a declaration.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any

from aiogram import Router
from aiogram.filters import Command, Filter
from aiogram.filters.callback_data import CallbackData, CallbackQueryFilter
from magic_filter import MagicFilter

from bot.domain.roles import OperatorCommand

OPERATOR_FLAG = "operator_command"
PUBLIC_FLAG = "public_command"
# The effect a button has once per message it sits under (handlers/once.py).
ONCE_FLAG = "once"
# The effect a button has once per tap: the same tap delivered twice acts once, while the card
# it sits under stays usable for the next tap (handlers/once.py).
ONCE_PER_TAP_FLAG = "once_per_tap"
# A public command that only people with a role need (/groups): in their menu, not in fans'.
OPERATORS_MENU_FLAG = "operators_menu"
# A public command answered but not offered in menus (/start in a group).
UNLISTED_FLAG = "unlisted"

Handler = Callable[..., Awaitable[Any]]


def operator_command(
    router: Router, spec: OperatorCommand, handler: Handler, *filters: Filter
) -> None:
    router.message.register(handler, Command(spec.name), *filters, flags={OPERATOR_FLAG: spec})


def operator_message(
    router: Router, spec: OperatorCommand, handler: Handler, *filters: Filter
) -> None:
    """An operator action that arrives as a message other than a command (what Telegram's
    chat and people pickers send back)."""
    router.message.register(handler, *filters, flags={OPERATOR_FLAG: spec})


def operator_callback(
    router: Router,
    spec: OperatorCommand,
    callback: type[CallbackData],
    handler: Handler,
    *,
    once: str | None = None,
    once_per_tap: str | None = None,
    rule: MagicFilter | None = None,
) -> None:
    """`once`: the button posts (a preview's Send); it acts once per message it sits under.
    `once_per_tap`: it acts on a card that stays (a reroll); a redelivered tap acts once.
    `rule`: only the presses of this callback whose data match it (one role per kind of tap)."""
    flags: dict[str, Any] = {OPERATOR_FLAG: spec}
    if once is not None:
        flags[ONCE_FLAG] = once
    if once_per_tap is not None:
        flags[ONCE_PER_TAP_FLAG] = once_per_tap
    router.callback_query.register(handler, callback.filter(rule), flags=flags)


def public_command(
    router: Router,
    name: str,
    handler: Handler,
    *filters: Filter,
    for_operators: bool = False,
    listed: bool = True,
) -> None:
    flags: dict[str, object] = {PUBLIC_FLAG: name}
    if for_operators:
        flags[OPERATORS_MENU_FLAG] = True
    if not listed:
        flags[UNLISTED_FLAG] = True
    router.message.register(handler, Command(name), *filters, flags=flags)


def public_message(router: Router, name: str, handler: Handler, *filters: Filter) -> None:
    """A message handler that is no command (what is left unanswered in private chat): anyone's,
    answered in the reader's language."""
    router.message.register(handler, *filters, flags={PUBLIC_FLAG: name})


def public_callback(
    router: Router,
    name: str,
    callback: type[CallbackData],
    handler: Handler,
    *,
    once: str | None = None,
) -> None:
    """A fan-facing button: no role, so the handler itself checks who may press it."""
    flags: dict[str, Any] = {PUBLIC_FLAG: name}
    if once is not None:
        flags[ONCE_FLAG] = once
    router.callback_query.register(handler, callback.filter(), flags=flags)


@dataclass(frozen=True, slots=True)
class DeclaredCommand:
    name: str
    router: str
    operator: OperatorCommand | None
    public: bool
    for_operators: bool = False
    listed: bool = True


@dataclass(frozen=True, slots=True)
class DeclaredCallback:
    callback: type[CallbackData] | None
    router: str
    operator: OperatorCommand | None


def _routers(root: Router) -> Iterator[Router]:
    yield root
    for child in root.sub_routers:
        yield from _routers(child)


def declared_commands(root: Router) -> list[DeclaredCommand]:
    """Every command any message handler under `root` answers, with what it declared."""
    found: list[DeclaredCommand] = []
    for router in _routers(root):
        for handler in router.message.handlers:
            spec = handler.flags.get(OPERATOR_FLAG)
            public = PUBLIC_FLAG in handler.flags
            for_operators = OPERATORS_MENU_FLAG in handler.flags
            listed = UNLISTED_FLAG not in handler.flags
            for command in handler.flags.get("commands", ()):
                assert isinstance(command, Command)
                found.extend(
                    DeclaredCommand(str(name), router.name, spec, public, for_operators, listed)
                    for name in command.commands
                )
    return found


def declared_callbacks(root: Router) -> list[DeclaredCallback]:
    found: list[DeclaredCallback] = []
    for router in _routers(root):
        for handler in router.callback_query.handlers:
            callback = next(
                (
                    f.callback.callback_data
                    for f in handler.filters or ()
                    if isinstance(f.callback, CallbackQueryFilter)
                ),
                None,
            )
            found.append(DeclaredCallback(callback, router.name, handler.flags.get(OPERATOR_FLAG)))
    return found


def operator_commands(root: Router) -> list[OperatorCommand]:
    unique: dict[str, OperatorCommand] = {}
    for declared in declared_commands(root):
        if declared.operator is not None:
            unique.setdefault(declared.operator.name, declared.operator)
    return sorted(unique.values(), key=lambda spec: spec.name)
