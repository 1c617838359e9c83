"""The beacon client against a fake drand relay on loopback, and draws that use a pinned round."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiohttp.test_utils import TestServer

from bot.domain import fairness
from bot.domain.transcript import Giveaway, record_draw
from bot.services.beacon import (
    BeaconClient,
    BeaconInvalidResponse,
    BeaconNotYetPublished,
    BeaconRound,
    BeaconUnavailable,
    ChainInfo,
)
from tests.support.beacon import GENESIS, PERIOD, FakeRelay, synthetic_round
from tests.support.clock import FakeClock

# The League of Entropy mainnet chain's real first round (randomness = SHA-256(signature)).
ROUND_ONE = {
    "round": 1,
    "randomness": "101297f1ca7dc44ef6088d94ad5fb7ba03455dc33d53ddb412bbc4564ed986ec",
    "signature": "8d61d9100567de44682506aea1a7a6fa6e5491cd27a0a0ed349ef6910ac5ac20ff7bc3e09d7c04"
    "6566c9f7f3c6f3b10104990e7cb424998203d8f7de586fb7fa5f60045417a432684f85093b06ca91c769f0e7"
    "ca19268375e659c2a2352b4655",
    "previous_signature": "176f93498eac9ca337150b46d21dd58673ea4e3581185f869672e59fa4cb390a",
}
ENDS = datetime(2026, 6, 1, 18, 0, 10, tzinfo=UTC)
PINNED = fairness.beacon_round_after(ENDS, GENESIS, PERIOD)
AFTER_PINNED = fairness.beacon_round_time(PINNED, GENESIS, PERIOD) + timedelta(seconds=5)
SEED = bytes(range(7, 39))


@pytest.fixture
async def relay() -> AsyncIterator[tuple[FakeRelay, str]]:
    fake = FakeRelay(rounds={1: ROUND_ONE, PINNED: synthetic_round(PINNED)})
    async with TestServer(fake.app(), host="127.0.0.1") as server:
        yield fake, str(server.make_url("")).rstrip("/")


def client_for(base: str, *, now: datetime = AFTER_PINNED, timeout: float = 5.0) -> BeaconClient:
    return BeaconClient(base, timeout=timeout, clock=FakeClock(now))


def test_round_math_follows_drand() -> None:
    chain = ChainInfo(GENESIS, PERIOD)
    assert chain.round_time(1) == datetime.fromtimestamp(GENESIS, UTC)
    assert chain.round_after(chain.round_time(1)) == 2
    assert chain.round_time(PINNED) > ENDS >= chain.round_time(PINNED - 1)


async def test_chain_info_is_fetched_once(relay: tuple[FakeRelay, str]) -> None:
    fake, base = relay
    async with client_for(base) as client:
        assert await client.chain_info() == ChainInfo(GENESIS, PERIOD)
        assert await client.pin_round(ENDS) == PINNED
    assert fake.requests == ["/info"]


async def test_a_real_drand_round_passes_the_randomness_check(
    relay: tuple[FakeRelay, str],
) -> None:
    _, base = relay
    async with client_for(base) as client:
        answer = await client.fetch_round(1)
    assert answer == BeaconRound(1, str(ROUND_ONE["randomness"]), str(ROUND_ONE["signature"]))


async def test_latest(relay: tuple[FakeRelay, str]) -> None:
    _, base = relay
    async with client_for(base) as client:
        assert (await client.latest()).round == PINNED


async def test_a_draw_with_the_pinned_round_is_reproducible(
    relay: tuple[FakeRelay, str], tmp_path: Path
) -> None:
    _, base = relay
    async with client_for(base) as client:
        pinned = await client.pin_round(ENDS)
        evidence = await client.evidence(pinned)
    assert evidence.url == base
    entrants = fairness.entrant_ids(SEED, range(500, 540)).values()
    giveaway = Giveaway(3, -100777, "prize", 3, "rules", ENDS - timedelta(days=1), ENDS)
    drawn_at = AFTER_PINNED + timedelta(seconds=1)
    transcript = record_draw(giveaway, SEED, entrants, {}, drawn_at=drawn_at, beacon=evidence)
    without_beacon = record_draw(giveaway, SEED, entrants, {}, drawn_at=drawn_at)
    assert transcript.winners != without_beacon.winners

    path = tmp_path / "transcript.json"
    path.write_text(transcript.to_json(), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-I", fairness.__file__, str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout
    assert f"beacon: round {PINNED} of {base}" in result.stdout
    for rank, winner in enumerate(transcript.winners, start=1):
        assert f"  {rank}. {winner}\n" in result.stdout


async def test_a_swapped_beacon_round_fails_verification(relay: tuple[FakeRelay, str]) -> None:
    _, base = relay
    async with client_for(base) as client:
        evidence = await client.evidence(PINNED)
    giveaway = Giveaway(3, -100777, "prize", 1, "", ENDS - timedelta(days=1), ENDS)
    entrants = fairness.entrant_ids(SEED, range(10)).values()
    data = json.loads(
        record_draw(giveaway, SEED, entrants, {}, drawn_at=AFTER_PINNED, beacon=evidence).to_json()
    )
    data["beacon"].update(round=1, randomness=ROUND_ONE["randomness"])
    problems = "\n".join(fairness.verify(data).problems)
    assert f"beacon round 1 is not the first round after the end time ({PINNED})" in problems
    assert "beacon randomness" in problems


async def test_a_future_round_is_refused_without_asking(relay: tuple[FakeRelay, str]) -> None:
    fake, base = relay
    due = fairness.beacon_round_time(PINNED, GENESIS, PERIOD)
    async with client_for(base, now=due - timedelta(seconds=1)) as client:
        with pytest.raises(BeaconNotYetPublished, match=f"round {PINNED} is published at"):
            await client.fetch_round(PINNED)
    assert fake.requests == ["/info"]


async def test_a_lagging_relay_means_not_yet(relay: tuple[FakeRelay, str]) -> None:
    fake, base = relay
    del fake.rounds[PINNED]
    async with client_for(base) as client:
        with pytest.raises(BeaconNotYetPublished, match="HTTP 404") as caught:
            await client.fetch_round(PINNED)
    assert caught.value.available_at == fairness.beacon_round_time(PINNED, GENESIS, PERIOD)


async def test_a_failing_relay_is_unavailable(relay: tuple[FakeRelay, str]) -> None:
    fake, base = relay
    async with client_for(base) as client:
        await client.chain_info()
        fake.status = 503
        with pytest.raises(BeaconUnavailable, match="failed with HTTP 503"):
            await client.fetch_round(PINNED)


async def test_a_slow_relay_times_out(relay: tuple[FakeRelay, str]) -> None:
    fake, base = relay
    fake.delay = 1.0
    async with client_for(base, timeout=0.05) as client:
        with pytest.raises(BeaconUnavailable, match=r"did not answer within 0\.05 s"):
            await client.chain_info()


async def test_an_unreachable_beacon_is_a_clear_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    async with client_for(base) as client:
        with pytest.raises(BeaconUnavailable, match=f"beacon {base}/info is unreachable"):
            await client.pin_round(ENDS)


async def test_a_wrong_round_is_rejected(relay: tuple[FakeRelay, str]) -> None:
    fake, base = relay
    fake.rounds[PINNED] = synthetic_round(PINNED - 1)
    async with client_for(base) as client:
        with pytest.raises(BeaconInvalidResponse, match=f"round {PINNED - 1} for round {PINNED}"):
            await client.fetch_round(PINNED)


async def test_randomness_must_come_from_the_signature(relay: tuple[FakeRelay, str]) -> None:
    fake, base = relay
    fake.rounds[PINNED] = {**synthetic_round(PINNED), "randomness": "ab" * 32}
    async with client_for(base) as client:
        with pytest.raises(BeaconInvalidResponse, match="not the SHA-256 of the signature"):
            await client.fetch_round(PINNED)


async def test_garbage_is_rejected(relay: tuple[FakeRelay, str]) -> None:
    fake, base = relay
    fake.body = "<html>"
    async with client_for(base) as client:
        with pytest.raises(BeaconInvalidResponse, match="invalid JSON"):
            await client.chain_info()


async def test_a_given_chain_skips_the_info_request(relay: tuple[FakeRelay, str]) -> None:
    fake, base = relay
    chain = ChainInfo(GENESIS, PERIOD)
    async with BeaconClient(base, chain=chain, clock=FakeClock(AFTER_PINNED)) as client:
        await client.fetch_round(PINNED)
    assert fake.requests == [f"/public/{PINNED}"]
