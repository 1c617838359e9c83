"""The transcript schema: JSON round trip, stable layout, rerolls and the digest chain."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain import fairness
from bot.domain.transcript import Beacon, Giveaway, Transcript, record_draw

SEED = bytes(range(100, 132))
CREATED = datetime(2026, 5, 1, 8, 30, tzinfo=UTC)
ENDS = CREATED + timedelta(days=2)
SIGNATURE = bytes(range(96)).hex()
BEACON = Beacon(
    url="https://beacon.example/chain",
    round=fairness.beacon_round_after(ENDS, 1_692_803_367, 3),
    genesis_time=1_692_803_367,
    period=3,
    randomness=fairness.beacon_randomness(bytes.fromhex(SIGNATURE)),
    signature=SIGNATURE,
)
TOP_LEVEL_KEYS = [
    "version",
    "algorithm",
    "giveaway",
    "commitment",
    "beacon",
    "seed",
    "drawn_at",
    "entrant_digest",
    "entrants",
    "winners",
    "skips",
    "next_position",
    "digest",
    "rerolls",
]


def giveaway(winner_count: int = 2) -> Giveaway:
    return Giveaway(
        id=11,
        chat_id=-1009876543210,
        prize="限量周边 <b>limited merch</b>",
        winner_count=winner_count,
        rules="members only",
        created_at=CREATED,
        ends_at=ENDS,
    )


def entrant_list(count: int) -> list[str]:
    return list(fairness.entrant_ids(SEED, range(50, 50 + count)).values())


def drawn(count: int = 12, winner_count: int = 2, beacon: Beacon | None = BEACON) -> Transcript:
    return record_draw(
        giveaway(winner_count),
        SEED,
        entrant_list(count),
        {},
        drawn_at=ENDS + timedelta(seconds=30),
        beacon=beacon,
    )


def test_json_round_trip_keeps_everything() -> None:
    transcript = drawn().with_reroll(1, {}, "winner declined", ENDS + timedelta(days=1))
    assert Transcript.from_json(transcript.to_json()) == transcript
    assert Transcript.from_json(transcript.to_json(indent=None)) == transcript


def test_layout_is_stable_and_readable() -> None:
    transcript = drawn()
    text = transcript.to_json()
    assert list(json.loads(text)) == TOP_LEVEL_KEYS
    assert text == drawn().to_json()
    assert "限量周边" in text
    assert '"drawn_at": "2026-05-03T08:30:30Z"' in text


def test_the_verifier_accepts_what_the_schema_writes() -> None:
    transcript = drawn().with_reroll(2, {}, "no reply", ENDS + timedelta(days=1))
    result = transcript.verify(expect_digest=transcript.digest)
    assert result.ok, result.problems
    assert result.winners == transcript.winners
    assert result.digests == (transcript.digest, transcript.rerolls[0].digest)


def test_record_draw_freezes_a_canonical_list() -> None:
    entrants = entrant_list(12)
    transcript = record_draw(
        giveaway(),
        SEED,
        [*reversed(entrants), entrants[0]],
        {},
        drawn_at=ENDS,
    )
    assert list(transcript.entrants) == sorted(entrants)
    assert transcript.entrant_digest == fairness.entrant_digest(sorted(entrants))
    assert transcript.commitment == fairness.commitment(SEED)
    assert transcript.beacon is None


def test_skips_are_recorded_with_their_reasons() -> None:
    entrants = fairness.canonical_entrants(entrant_list(12))
    first = fairness.permutation(SEED, entrants, bytes.fromhex(BEACON.randomness))[0]
    transcript = record_draw(
        giveaway(),
        SEED,
        entrants,
        {first: "left the chat"},
        drawn_at=ENDS,
        beacon=BEACON,
    )
    assert transcript.skips == (fairness.Skip(0, first, "left the chat"),)
    assert first not in transcript.winners
    assert transcript.next_position == 3


def test_rerolls_chain_their_digests_and_never_repeat_a_winner() -> None:
    transcript = drawn(count=5, winner_count=2)
    later = ENDS + timedelta(days=1)
    transcript = transcript.with_reroll(1, {}, "first reroll", later)
    transcript = transcript.with_reroll(1, {}, "second reroll", later)
    first, second = transcript.rerolls
    assert first.digest == fairness.reroll_digest(transcript.digest, json_of(transcript, 0))
    assert second.digest == fairness.reroll_digest(first.digest, json_of(transcript, 1))
    assert len(set(transcript.all_winners)) == 4
    assert transcript.last_pick.next_position == 4


def test_a_reroll_past_the_end_finds_nobody() -> None:
    later = ENDS + timedelta(days=1)
    transcript = drawn(count=2, winner_count=2).with_reroll(1, {}, "declined", later)
    assert transcript.rerolls[0].winners == ()
    assert transcript.verify().ok


def test_a_reroll_needs_a_reason() -> None:
    with pytest.raises(ValueError, match="needs a reason"):
        drawn().with_reroll(1, {}, "  ", ENDS)


def test_a_reroll_cannot_predate_the_draw() -> None:
    with pytest.raises(ValueError, match="before the draw"):
        drawn().with_reroll(1, {}, "declined", ENDS)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="naive datetime"):
        drawn().with_reroll(1, {}, "declined", datetime(2026, 5, 4))  # noqa: DTZ001


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda data: data.pop("seed"), "'seed' must be str"),
        (lambda data: data.update(next_position=True), "'next_position' must be int"),
        (lambda data: data.update(winners=[1]), "'winners' must hold strings"),
        (lambda data: data.update(skips=["x"]), "'skips' must hold objects"),
        (lambda data: data.update(beacon=[]), "'beacon' must be an object"),
    ],
)
def test_from_json_rejects_a_wrong_shape(change: object, message: str) -> None:
    data = json.loads(drawn().to_json())
    change(data)  # type: ignore[operator]
    with pytest.raises(ValueError, match=message):
        Transcript.from_json(json.dumps(data))


def test_from_json_rejects_a_non_object() -> None:
    with pytest.raises(ValueError, match="JSON object"):
        Transcript.from_json("[]")


def json_of(transcript: Transcript, index: int) -> dict[str, object]:
    rerolls = transcript.to_dict()["rerolls"]
    assert isinstance(rerolls, list)
    entry = rerolls[index]
    assert isinstance(entry, dict)
    return entry
