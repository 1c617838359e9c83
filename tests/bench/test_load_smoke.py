"""bench/load.py end to end, tiny: two groups for a few seconds; its accounting, not its speed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.load import UPDATE_TYPES, Load, run_leg, summary_line

pytestmark = pytest.mark.e2e

# Most of this test is the bot process starting (imports, migrations): once per CI run is enough;
# `python3 tasks.py bench load` runs the real thing on both databases.
ONCE_PER_CI_RUN = "the load smoke runs on the SQLite leg only"


async def test_a_short_load_is_delivered_stored_and_reported(
    database_url: str, tmp_path: Path
) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip(ONCE_PER_CI_RUN)
    load = Load(
        groups=2,
        per_group_per_minute=900,
        fans=10,
        seconds=4.0,
        drain_timeout=60.0,
        lag_window_seconds=1.0,
    )

    result = await run_leg("smoke", load, tmp_path, database_url)

    offered = sum(result.expected.values())
    assert result.expected["message"] >= load.groups  # the owners' /poll, then fan comments
    assert result.confirmed == offered
    assert result.stored is not None
    assert {kind: result.stored[kind] for kind in UPDATE_TYPES} == {
        kind: result.expected[kind] for kind in UPDATE_TYPES
    }
    assert result.stored["failed_updates"] == 0
    assert result.backlog == 0
    assert result.stored_total == result.confirmed_storing
    assert result.accounted
    # Every update of the load phase was timed from queued to confirmed (the setup's were not).
    assert result.latency.unconfirmed == 0
    # The setup: each owner's /poll and their tap on Send under its preview.
    assert result.latency.count == offered - load.groups - result.expected["callback_query"]
    assert result.log is not None
    assert result.log.lag_windows >= 1
    assert result.log.locked_errors == 0
    assert result.sends is not None
    assert result.sends.sends >= load.groups  # one poll per group at least
    assert re.fullmatch(
        r"bench load smoke: p95_ms=\d+ loop_lag_ms=\d+ locked_errors=0", summary_line(result)
    )
