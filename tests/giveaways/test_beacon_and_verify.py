"""A giveaway with a public randomness beacon (against the fake drand relay of
tests/services/test_beacon.py), and `python -m bot verify` on a published transcript."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiohttp.test_utils import TestServer
from sqlalchemy import update

from bot.db import giveaways as store
from bot.db.models import GiveawayEntry
from bot.domain import fairness
from bot.domain.transcript import Giveaway, Transcript, record_draw
from bot.services.clock import JobFailed
from tests.giveaways.support import GROUP, PEOPLE, draws_of, giveaways
from tests.support.beacon import GENESIS, PERIOD, FakeRelay, synthetic_round
from tests.support.cast import ADMIN
from tests.support.drafts import send_confirmed
from tests.support.scene import Scene
from tests.support.telegram import ScriptedTelegram

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def relay() -> AsyncIterator[tuple[FakeRelay, str]]:
    fake = FakeRelay()
    async with TestServer(fake.app(), host="127.0.0.1") as server:
        yield fake, str(server.make_url("")).rstrip("/")


def use_beacon(scene: Scene, url: str | None) -> None:
    scene.restart(giveaway_beacon_url=url)


async def test_creation_pins_the_first_round_after_the_end(
    scene: Scene, relay: tuple[FakeRelay, str]
) -> None:
    fake, base = relay
    use_beacon(scene, base)
    await send_confirmed(scene, GROUP, ADMIN, "/giveaway 1 2h Poster")
    [record] = await giveaways(scene.session_factory)
    assert record.beacon_url == base
    assert (record.beacon_genesis_time, record.beacon_period) == (GENESIS, PERIOD)
    assert record.beacon_round == fairness.beacon_round_after(record.ends_at, GENESIS, PERIOD)
    assert fake.requests == ["/info"]
    assert isinstance(scene.telegram, ScriptedTelegram)
    assert f"beacon round {record.beacon_round}" in scene.telegram.sent(GROUP["id"])[-1]


async def test_an_unreachable_beacon_refuses_creation(scene: Scene) -> None:
    use_beacon(scene, "http://127.0.0.1:9")
    await send_confirmed(scene, GROUP, ADMIN, "/giveaway 1 2h Poster")
    assert await giveaways(scene.session_factory) == []
    assert isinstance(scene.telegram, ScriptedTelegram)
    assert "beacon is not reachable" in scene.telegram.sent(GROUP["id"])[-1]


async def test_the_draw_waits_for_the_round_then_mixes_it_in(
    scene: Scene, relay: tuple[FakeRelay, str]
) -> None:
    fake, base = relay
    use_beacon(scene, base)
    draws = draws_of(scene)
    await send_confirmed(scene, GROUP, ADMIN, "/giveaway 2 2h Poster")
    [record] = await giveaways(scene.session_factory)
    for person in PEOPLE:
        await scene.tap(person, GROUP, f"ge1:{record.id}", message_id=record.message_id or 0)
    ends_at = datetime.now(UTC) - timedelta(minutes=5)
    pinned = fairness.beacon_round_after(ends_at, GENESIS, PERIOD)
    async with scene.session_factory() as session, session.begin():
        await store.set_fields(
            session,
            record.id,
            created_at=ends_at - timedelta(hours=1),
            ends_at=ends_at,
            beacon_round=pinned,
        )
        await session.execute(
            update(GiveawayEntry).values(entered_at=ends_at - timedelta(minutes=10))
        )
    with pytest.raises(JobFailed, match="not published yet"):
        await draws.draw(record.id)
    [waiting] = await giveaways(scene.session_factory)
    assert waiting.transcript is None and waiting.retry_at is not None
    fake.rounds[pinned] = synthetic_round(pinned)
    await draws.draw(record.id)
    [drawn] = await giveaways(scene.session_factory)
    assert drawn.transcript is not None
    transcript = Transcript.from_json(drawn.transcript)
    assert transcript.beacon is not None and transcript.beacon.round == pinned
    assert len(transcript.entrants) == len(PEOPLE) and len(transcript.winners) == 2
    assert transcript.beacon.randomness == synthetic_round(pinned)["randomness"]
    assert fairness.verify(transcript.to_dict()).ok


def verify_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "verify", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


async def test_python_m_bot_verify_reproduces_the_winners(scene: Scene, tmp_path: Path) -> None:
    draws = draws_of(scene)
    use_beacon(scene, None)
    await send_confirmed(scene, GROUP, ADMIN, "/giveaway 2 2h Poster")
    [record] = await giveaways(scene.session_factory)
    for person in PEOPLE:
        await scene.tap(person, GROUP, f"ge1:{record.id}", message_id=record.message_id or 0)
    async with scene.session_factory() as session, session.begin():
        await store.set_fields(session, record.id, ends_at=datetime.now(UTC))
    await draws.draw(record.id)
    assert isinstance(scene.telegram, ScriptedTelegram)
    content = scene.telegram.documents[-1][1]
    path = tmp_path / "transcript.json"
    path.write_bytes(content)
    transcript = Transcript.from_json(content.decode())
    fan = PEOPLE[5]["id"]
    checked = verify_cli(
        str(path), "--check-entrant", str(fan), "--expect-digest", transcript.digest
    )
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.splitlines()[-1] == "OK"
    assert all(winner in checked.stdout for winner in transcript.winners)
    assert f"user {fan} -> entrant" in checked.stdout
    path.write_bytes(content.replace(transcript.winners[0].encode(), b"0" * 32, 1))
    tampered = verify_cli(str(path))
    assert tampered.returncode == 1 and tampered.stdout.splitlines()[-1] == "MISMATCH"


def test_the_standalone_verifier_checks_whom_a_reroll_replaces(tmp_path: Path) -> None:
    seed = bytes(range(32))
    ends = datetime(2026, 12, 1, tzinfo=UTC)
    giveaway = Giveaway(1, -1, "Poster", 2, "{}", ends - timedelta(hours=1), ends)
    entrants = fairness.canonical_entrants(fairness.entrant_ids(seed, range(1, 11)).values())
    drawn = record_draw(giveaway, seed, entrants, {}, drawn_at=ends)
    rerolled = drawn.with_reroll(1, {}, "never answered", ends + timedelta(hours=1),
                                 [drawn.winners[1]])  # fmt: skip
    assert rerolled.standing_winners == (drawn.winners[0], rerolled.rerolls[0].winners[0])
    good = tmp_path / "good.json"
    good.write_text(rerolled.to_json())
    script = Path(fairness.__file__)
    run = subprocess.run(
        [sys.executable, str(script), str(good)], check=False, capture_output=True, text=True
    )
    assert run.returncode == 0 and run.stdout.strip().endswith("OK"), run.stdout

    # Naming someone who never won, with the digest recomputed to match: still refused.
    data = rerolled.to_dict()
    reroll = data["rerolls"][0]  # type: ignore[index]
    loser = next(e for e in entrants if e not in rerolled.all_winners)
    reroll["replaces"] = [loser]
    reroll["digest"] = fairness.reroll_digest(drawn.digest, reroll)
    result = fairness.verify(data)
    assert not result.ok
    assert any(f"replaces {loser}, who is not a winner" in p for p in result.problems)
