"""Hostile updates happen in the operators' scene: a victim group with its owner and an
administrator, another group with its own administrator, a plain member and a known fan."""

from __future__ import annotations

from typing import Any

import pytest

from bot.devtools.recording_session import BOT_USER
from tests.hostile.support import EXAMPLES_RUN
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, OTHER, OTHER_ADMIN, OWNER, VICTIM
from tests.support.hostile_updates import World


@pytest.fixture
def world() -> World:
    return World(
        groups=(VICTIM, OTHER),
        basic_group=u.basic_group(-4001, "Small <fans> & co"),
        unknown_group=u.group(-1001999999999, "\u202eUnknown"),
        channel=u.channel(),
        people=(OWNER, ADMIN, OTHER_ADMIN, MEMBER, FAN),
        bot_user=BOT_USER.model_dump(exclude_none=True),
        migrated_to=-1001000000777,
    )


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if EXAMPLES_RUN:
        terminalreporter.write_line(f"hostile updates: {len(EXAMPLES_RUN)} examples run")
