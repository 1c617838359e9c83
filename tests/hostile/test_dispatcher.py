"""Hostile updates through the real dispatcher and write path (tests/support/hostile_updates.py).

After every example: the pipeline did not raise; no update landed in failed_updates (every
generated update is one Telegram could send, so a failure there is a bug, not a malformed
update: updates aiogram cannot parse are never generated); the database invariants hold
(tests/hostile/invariants.py); every call the bot made parses as Telegram HTML and fits the Bot
API's limits (tests/support/telegram_html.py).

Examples are derandomized (CI reruns the same ones). SQLite runs the large count; PostgreSQL,
slower per transaction, a smaller one of the same examples.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from aiogram.types import Update
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from handlers.authority import declared_callbacks, declared_commands
from tests.hostile.invariants import violations
from tests.hostile.support import EXAMPLES_RUN
from tests.support import databases
from tests.support.hostile_updates import World, command_content, updates
from tests.support.scene import Scene
from tests.support.telegram_html import TelegramHtmlError, check_call

SQLITE = databases.backend() == "sqlite"
HOSTILE = settings(
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    deadline=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        HealthCheck.large_base_example,
    ],
)
GROUP_TYPES = ("group", "supergroup")


class Run:
    """Delivers examples one after another into one scene, checking everything after each.

    The database carries over from example to example (a message, later its edit, a button on
    it...), so shrinking is off: a failing example is reported as it was generated, and the
    derandomized run replays it."""

    def __init__(self, scene: Scene) -> None:
        self.scene = scene
        dispatcher = scene.pipeline.dispatcher
        self.commands = sorted({c.name for c in declared_commands(dispatcher)})
        self.callbacks = sorted(
            {c.callback for c in declared_callbacks(dispatcher) if c.callback is not None},
            key=lambda c: c.__prefix__,
        )

    async def deliver(self, raw: dict[str, Any]) -> None:
        EXAMPLES_RUN.append(1)
        Update.model_validate(raw)  # a strategy bug, not a finding, if Telegram could not send it
        self._started_by(raw)
        calls = self.scene.telegram.calls
        before = len(calls)
        await self.scene.pipeline.deliver(raw)
        for call in calls[before:]:
            try:
                check_call(call)
            except TelegramHtmlError as error:
                raise AssertionError(f"{type(call).__name__} refused: {error}") from error
        message = raw.get("message")
        stored = []
        if message and message["chat"]["type"] == "supergroup":
            stored.append((message["chat"]["id"], message["message_id"]))
        found = await violations(self.scene.session_factory, stored)
        assert found == [], found

    def _started_by(self, raw: dict[str, Any]) -> None:
        """Whoever writes to the bot in private has started it: the bot may answer them."""
        for kind in ("message", "edited_message"):
            event = raw.get(kind)
            if event and event["chat"]["type"] == "private":
                self.scene.telegram.started.add(event["chat"]["id"])


@pytest.fixture
def run(scene: Scene) -> Run:
    """One per test: the database (and what it must hold) carries over from example to example."""
    return Run(scene)


# FANPULSE_HOSTILE_EXAMPLES=5000 for a deeper run by hand.
EVERY_KIND = int(os.environ.get("FANPULSE_HOSTILE_EXAMPLES", "500")) if SQLITE else 100


@settings(HOSTILE, max_examples=EVERY_KIND)
@given(data=st.data())
async def test_updates_of_every_kind(run: Run, world: World, data: st.DataObject) -> None:
    await run.deliver(data.draw(updates(world, run.commands, run.callbacks), label="update"))


@settings(HOSTILE, max_examples=200 if SQLITE else 50)
@given(data=st.data())
async def test_every_command_with_hostile_arguments(
    run: Run, world: World, data: st.DataObject
) -> None:
    chat = data.draw(st.sampled_from([*world.groups, world.basic_group]), label="chat")
    person = data.draw(st.sampled_from(list(world.people)), label="sender")
    where = data.draw(st.sampled_from([chat, {"id": person["id"], "type": "private",
                                              "first_name": person["first_name"]}]))  # fmt: skip
    body = data.draw(command_content(run.commands), label="command")
    raw = run.scene.updates.raw_message(where, person, **body)
    await run.deliver(raw)


# Arguments every command gets, whatever hypothesis draws: the longest, markup, direction
# overrides and joined emoji, numbers that are not numbers.
FIXED_ARGUMENTS = (
    "繁體中文測試，<b>&amp;" * 1_500,
    "\u202e@lin_fan 30d 2026-01-01 </i><a href='x'>&#0;",
    "👨\u200d👩\u200d👧\u200d👦 -1 9999999999999999999999 NaN ٣ #tag",
)


async def test_every_registered_command_with_fixed_hostile_arguments(
    run: Run, world: World
) -> None:
    """Every command the dispatcher registers, from the owner in the group (past the gate, into
    the handler) and from a plain member in private chat."""
    owner, member = world.people[0], world.people[3]
    for command in run.commands:
        for arguments in FIXED_ARGUMENTS:
            text = f"/{command} {arguments}"
            entity = [{"type": "bot_command", "offset": 0, "length": len(command) + 1}]
            private = {"id": member["id"], "type": "private", "first_name": member["first_name"]}
            for chat, person in ((world.groups[0], owner), (private, member)):
                updates = run.scene.updates
                await run.deliver(updates.raw_message(chat, person, text=text, entities=entity))
