"""The draw core: the documented encodings, the draw's properties, tampering, the verifier CLI."""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import subprocess
import sys
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.domain import fairness
from bot.domain.fairness import Drbg, Skip
from bot.domain.transcript import Giveaway, Transcript, record_draw

VERIFIER = Path(fairness.__file__)
SEED = bytes(range(32))
CREATED = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
ENDS = CREATED + timedelta(days=7)
DRAWN = ENDS + timedelta(minutes=1)

seeds = st.binary(min_size=32, max_size=32)
user_id_sets = st.sets(st.integers(min_value=1, max_value=2**40), max_size=40)


def giveaway(winner_count: int = 3) -> Giveaway:
    return Giveaway(
        id=7,
        chat_id=-1001234567890,
        prize="签名海报 signed poster",
        winner_count=winner_count,
        rules="one entry per fan",
        created_at=CREATED,
        ends_at=ENDS,
    )


def entrants_of(seed: bytes, user_ids: set[int]) -> list[str]:
    return fairness.canonical_entrants(fairness.entrant_ids(seed, user_ids).values())


def sample_transcript(
    user_count: int = 30, skipped: int = 2, rerolls: int = 1, winner_count: int = 3
) -> Transcript:
    entrants = entrants_of(SEED, set(range(1000, 1000 + user_count)))
    order = fairness.permutation(SEED, entrants)
    reasons = dict.fromkeys(order[:skipped], "left the chat")
    transcript = record_draw(giveaway(winner_count), SEED, entrants, reasons, drawn_at=DRAWN)
    for number in range(rerolls):
        after = transcript.last_pick.next_position
        transcript = transcript.with_reroll(
            1, {order[after]: "banned"}, f"winner {number} did not reply", DRAWN + timedelta(days=1)
        )
    return transcript


def run_verifier(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-I", str(VERIFIER), str(path), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def winners_printed(stdout: str) -> list[str]:
    lines = stdout.splitlines()
    start = lines.index("recomputed winners:") + 1
    return [line.split(". ", 1)[1] for line in lines[start:] if line.startswith("  ")]


class TestDocumentedEncodings:
    """Re-derive each value from the module docstring, so a third party can rely on it."""

    def test_commitment_is_tagged_sha256_of_the_seed(self) -> None:
        expected = hashlib.sha256(b"fanpulse/commitment/v1\x00" + SEED).hexdigest()
        assert fairness.commitment(SEED) == expected

    def test_entrant_id_is_hmac_keyed_by_the_seed(self) -> None:
        key = hmac.new(SEED, b"fanpulse/entrant-key/v1", hashlib.sha256).digest()
        expected = hmac.new(key, b"123456789", hashlib.sha256).hexdigest()[:32]
        assert fairness.entrant_id(SEED, 123456789) == expected

    def test_entrant_ids_differ_between_giveaways(self) -> None:
        assert fairness.entrant_id(SEED, 42) != fairness.entrant_id(bytes(32), 42)

    def test_entrant_digest_covers_the_sorted_newline_terminated_list(self) -> None:
        entrants = ["0" * 32, "f" * 32]
        expected = hashlib.sha256(
            b"fanpulse/entrants/v1\n" + b"0" * 32 + b"\n" + b"f" * 32 + b"\n"
        ).hexdigest()
        assert fairness.entrant_digest(entrants) == expected

    def test_drbg_is_sha256_in_counter_mode(self) -> None:
        digest = "ab" * 32
        beacon = b"\x01\x02"
        material = b"".join(
            len(part).to_bytes(4, "big") + part for part in (SEED, bytes.fromhex(digest), beacon)
        )
        key = hashlib.sha256(b"fanpulse/drbg/v1\x00" + material).digest()
        stream = b"".join(
            hashlib.sha256(key + counter.to_bytes(8, "big")).digest() for counter in range(2)
        )
        drbg = Drbg.for_draw(SEED, digest, beacon)
        words = [drbg.next_u64() for _ in range(8)]
        assert words == [int.from_bytes(stream[i : i + 8], "big") for i in range(0, 64, 8)]

    def test_known_draw_stays_fixed(self) -> None:
        # A change here breaks every published transcript: bump the algorithm name instead.
        entrants = entrants_of(SEED, set(range(1, 21)))
        chosen = fairness.draw(SEED, entrants, 3, {})
        assert fairness.commitment(SEED)[:16] == KNOWN_COMMITMENT_PREFIX
        assert chosen.winners == KNOWN_WINNERS


KNOWN_COMMITMENT_PREFIX = "ffd3eafd31caf4f4"
KNOWN_WINNERS = (
    "475b3ebf6f5eb855c0e989e07ed68ca0",
    "755dbb35334f1d7330d9243f0daa00b5",
    "1f57d72377ce16d4a0a18e61e56a4905",
)


class ScriptedDrbg(Drbg):
    def __init__(self, values: list[int]) -> None:
        super().__init__(bytes(32))
        self.values = values

    def next_u64(self) -> int:
        return self.values.pop(0)


class TestUniformBelow:
    def test_rejects_values_in_the_incomplete_last_block(self) -> None:
        # 2**64 % 3 == 1, so only 2**64 - 1 is rejected: it would favour 0 (2**64 - 1 % 3 == 0).
        drbg = ScriptedDrbg([2**64 - 1, 2**64 - 1, 5])
        assert drbg.uniform_below(3) == 2
        assert drbg.values == []

    def test_accepts_the_last_value_of_a_complete_block(self) -> None:
        drbg = ScriptedDrbg([2**64 - 2])
        assert drbg.uniform_below(3) == (2**64 - 2) % 3

    def test_power_of_two_never_rejects(self) -> None:
        drbg = ScriptedDrbg([2**64 - 1])
        assert drbg.uniform_below(8) == 7

    @pytest.mark.parametrize("n", [0, -1, 2**64 + 1])
    def test_refuses_an_empty_or_too_large_range(self, n: int) -> None:
        with pytest.raises(ValueError, match="n must be"):
            Drbg(bytes(32)).uniform_below(n)

    def test_one_is_always_zero(self) -> None:
        assert Drbg(bytes(32)).uniform_below(1) == 0


class TestInputs:
    def test_seed_must_be_32_bytes(self) -> None:
        with pytest.raises(ValueError, match="32 bytes"):
            fairness.commitment(b"short")

    def test_new_seeds_are_32_fresh_bytes(self) -> None:
        first, second = fairness.new_seed(), fairness.new_seed()
        assert len(first) == 32
        assert first != second

    def test_entrants_must_be_canonical(self) -> None:
        entrants = entrants_of(SEED, {1, 2, 3})
        with pytest.raises(ValueError, match="not sorted"):
            fairness.draw(SEED, list(reversed(entrants)), 1, {})

    def test_canonical_entrants_rejects_foreign_ids(self) -> None:
        with pytest.raises(ValueError, match="not an entrant id"):
            fairness.canonical_entrants(["not-an-id"])

    def test_an_empty_skip_reason_is_refused(self) -> None:
        entrants = entrants_of(SEED, {1, 2, 3})
        first = fairness.permutation(SEED, entrants)[0]
        with pytest.raises(ValueError, match="empty skip reason"):
            fairness.draw(SEED, entrants, 1, {first: " "})

    def test_no_entrants_no_winners(self) -> None:
        assert fairness.draw(SEED, [], 3, {}) == fairness.Pick((), (), 0)

    def test_beacon_round_is_the_first_published_after_the_end(self) -> None:
        genesis, period = 1_692_803_367, 3
        published = fairness.beacon_round_time(27_946_612, genesis, period)
        assert published == datetime(2026, 4, 20, tzinfo=UTC)
        assert fairness.beacon_round_after(published, genesis, period) == 27_946_613
        just_before = published - timedelta(microseconds=1)
        assert fairness.beacon_round_after(just_before, genesis, period) == 27_946_612
        before_genesis = datetime.fromtimestamp(genesis - 100, UTC)
        assert fairness.beacon_round_after(before_genesis, genesis, period) == 1


def reference_pick(
    order: list[str], reasons: Mapping[str, str | None], start: int, count: int
) -> fairness.Pick:
    """The draw rule read straight off the full permutation."""
    winners: list[str] = []
    skips: list[Skip] = []
    position = start
    while position < len(order) and len(winners) < count:
        reason = reasons.get(order[position])
        if reason is None:
            winners.append(order[position])
        else:
            skips.append(Skip(position, order[position], reason))
        position += 1
    return fairness.Pick(tuple(winners), tuple(skips), position)


@st.composite
def draws(draw: st.DrawFn) -> tuple[bytes, list[str], dict[str, str | None], int]:
    seed = draw(seeds)
    entrants = entrants_of(seed, draw(user_id_sets))
    ineligible = draw(st.sets(st.sampled_from(entrants))) if entrants else set()
    reasons: dict[str, str | None] = dict.fromkeys(ineligible, "not a member")
    return seed, entrants, reasons, draw(st.integers(min_value=1, max_value=12))


class TestDrawProperties:
    @given(draws())
    def test_winners_are_distinct_eligible_and_as_many_as_possible(
        self, case: tuple[bytes, list[str], dict[str, str | None], int]
    ) -> None:
        seed, entrants, reasons, count = case
        chosen = fairness.draw(seed, entrants, count, reasons)
        eligible = set(entrants) - set(reasons)
        assert len(set(chosen.winners)) == len(chosen.winners)
        assert set(chosen.winners) <= eligible
        assert len(chosen.winners) == min(count, len(eligible))
        assert all(skip.entrant in reasons for skip in chosen.skips)
        assert chosen == reference_pick(fairness.permutation(seed, entrants), reasons, 0, count)

    @given(seeds, user_id_sets, st.randoms(use_true_random=False), st.integers(1, 5))
    def test_entry_order_does_not_matter(
        self, seed: bytes, user_ids: set[int], rng: random.Random, count: int
    ) -> None:
        ids = list(fairness.entrant_ids(seed, user_ids).values())
        shuffled = ids.copy()
        rng.shuffle(shuffled)
        duplicated = shuffled + shuffled[: len(shuffled) // 2]
        first = fairness.draw(seed, fairness.canonical_entrants(ids), count, {})
        second = fairness.draw(seed, fairness.canonical_entrants(duplicated), count, {})
        assert first == second

    @given(seeds, user_id_sets)
    def test_the_shuffle_is_a_permutation(self, seed: bytes, user_ids: set[int]) -> None:
        entrants = entrants_of(seed, user_ids)
        assert sorted(fairness.permutation(seed, entrants)) == entrants

    @given(draws(), st.lists(st.integers(1, 4), min_size=1, max_size=4))
    def test_rerolls_continue_the_permutation_and_never_repeat(
        self, case: tuple[bytes, list[str], dict[str, str | None], int], counts: list[int]
    ) -> None:
        seed, entrants, reasons, count = case
        order = fairness.permutation(seed, entrants)
        previous = fairness.draw(seed, entrants, count, reasons)
        already = set(previous.winners) | {skip.entrant for skip in previous.skips}
        for reroll_count in counts:
            again = fairness.reroll(seed, entrants, reroll_count, reasons, after=previous)
            assert again == reference_pick(order, reasons, previous.next_position, reroll_count)
            assert not set(again.winners) & already
            already |= set(again.winners) | {skip.entrant for skip in again.skips}
            previous = again

    @given(seeds, user_id_sets.filter(bool))
    def test_the_beacon_changes_the_order(self, seed: bytes, user_ids: set[int]) -> None:
        entrants = entrants_of(seed, user_ids | {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
        with_beacon = fairness.permutation(seed, entrants, b"\x00" * 32)
        # 12! orders: a collision would be a 1-in-479-million accident, not a flake.
        assert with_beacon != fairness.permutation(seed, entrants)

    @settings(
        max_examples=12,
        deadline=None,  # a process start is slow on a loaded machine; nothing here is timed
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(draws(), st.integers(0, 2))
    def test_a_separate_process_recomputes_the_same_winners(
        self,
        tmp_path: Path,
        case: tuple[bytes, list[str], dict[str, str | None], int],
        reroll_count: int,
    ) -> None:
        seed, entrants, reasons, count = case
        transcript = record_draw(giveaway(count), seed, entrants, reasons, drawn_at=DRAWN)
        for _ in range(reroll_count):
            transcript = transcript.with_reroll(1, reasons, "no reply", DRAWN + timedelta(hours=1))
        path = tmp_path / "transcript.json"
        path.write_text(transcript.to_json(), encoding="utf-8")
        result = run_verifier(path)
        assert result.returncode == 0, result.stdout
        assert result.stdout.rstrip().endswith("\nOK")
        assert winners_printed(result.stdout) == list(transcript.winners)


def tampered(transcript: Transcript) -> dict[str, object]:
    return json.loads(transcript.to_json())  # type: ignore[no-any-return]


def problems_of(data: Mapping[str, object], expect_digest: str | None = None) -> str:
    result = fairness.verify(data, expect_digest)
    assert not result.ok
    return "\n".join(result.problems)


class TestTampering:
    def test_an_honest_transcript_verifies(self) -> None:
        transcript = sample_transcript()
        result = fairness.verify(tampered(transcript), transcript.rerolls[-1].digest)
        assert result.ok, result.problems
        assert result.winners == transcript.winners
        assert result.rerolls == (transcript.rerolls[0].winners,)

    def test_a_changed_winner(self) -> None:
        transcript = sample_transcript()
        data = tampered(transcript)
        data["winners"] = [transcript.entrants[0], *transcript.winners[1:]]
        assert transcript.entrants[0] != transcript.winners[0]
        assert "draw: winners mismatch" in problems_of(data)

    def test_a_swapped_winner_order(self) -> None:
        data = tampered(sample_transcript())
        data["winners"] = list(reversed(data["winners"]))  # type: ignore[call-overload]
        assert "first difference at winner #1" in problems_of(data)

    def test_a_changed_seed(self) -> None:
        data = tampered(sample_transcript())
        data["seed"] = "00" * 32
        assert "commitment mismatch" in problems_of(data)

    def test_a_changed_entrant(self) -> None:
        transcript = sample_transcript()
        data = tampered(transcript)
        outsider = fairness.entrant_id(SEED, 999_999)
        data["entrants"] = sorted([*transcript.entrants[1:], outsider])
        assert "entrant digest mismatch" in problems_of(data)

    def test_an_unsorted_entrant_list(self) -> None:
        data = tampered(sample_transcript())
        data["entrants"] = list(reversed(data["entrants"]))  # type: ignore[call-overload]
        assert "not sorted and de-duplicated at index 1" in problems_of(data)

    def test_a_changed_skip_reason(self) -> None:
        data = tampered(sample_transcript())
        data["skips"][0]["reason"] = "banned"  # type: ignore[index]
        assert "transcript digest mismatch" in problems_of(data)

    def test_a_dropped_skip_makes_the_skipped_entrant_a_winner(self) -> None:
        data = tampered(sample_transcript())
        data["skips"] = data["skips"][1:]  # type: ignore[index]
        assert "draw: winners mismatch" in problems_of(data)

    def test_a_skip_the_permutation_never_reaches(self) -> None:
        transcript = sample_transcript()
        data = tampered(transcript)
        unreached = fairness.permutation(SEED, transcript.entrants)[-1]
        data["skips"].append({"position": 29, "entrant": unreached, "reason": "x"})  # type: ignore[attr-defined]
        assert f"skip of {unreached} at position 29" in problems_of(data)

    def test_a_reroll_that_brings_back_a_previous_winner(self) -> None:
        transcript = sample_transcript()
        data = tampered(transcript)
        data["rerolls"][0]["winners"] = [transcript.winners[0]]  # type: ignore[index]
        assert "reroll 1: winners mismatch" in problems_of(data)

    def test_a_consistent_forgery_is_caught_by_the_announced_digest(self) -> None:
        transcript = sample_transcript(rerolls=0)
        data = tampered(transcript)
        data["skips"][0]["reason"] = "banned"  # type: ignore[index]
        data["digest"] = fairness.transcript_digest(data)
        assert fairness.verify(data).ok
        assert "is not the transcript that was announced" in problems_of(data, transcript.digest)

    def test_an_earlier_announcement_still_matches_after_a_reroll(self) -> None:
        transcript = sample_transcript(rerolls=2)
        assert fairness.verify(tampered(transcript), transcript.digest).ok

    def test_a_draw_before_entries_closed(self) -> None:
        data = tampered(sample_transcript())
        data["drawn_at"] = "2026-03-01T12:00:00Z"
        assert "before entries closed" in problems_of(data)

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("giveaway", None, "'giveaway' must be an object"),
            ("seed", "zz", "'seed' must be lowercase hex"),
            ("seed", "00", "'seed' must be 32 bytes"),
            ("entrants", ["nope"], "entrant 0 is not a 32-hex-digit id"),
            ("winners", "abc", "'winners' must be a list"),
            ("next_position", True, "'next_position' must be an integer"),
            ("drawn_at", "yesterday", "'drawn_at' is not an ISO 8601 time"),
            ("drawn_at", "2026-03-09T12:00:00+02:00", "'drawn_at' must be in UTC"),
        ],
    )
    def test_a_malformed_transcript_is_reported_not_raised(
        self, field: str, value: object, message: str
    ) -> None:
        data = tampered(sample_transcript())
        data[field] = value
        assert f"malformed transcript: {message}" in problems_of(data)

    def test_an_unknown_algorithm(self) -> None:
        data = tampered(sample_transcript())
        data["algorithm"] = "coin-flip"
        assert "unknown algorithm 'coin-flip'" in problems_of(data)


class TestMembership:
    def test_a_winner_finds_their_entry(self) -> None:
        transcript = sample_transcript(rerolls=0, skipped=0)
        user_of = {
            entrant: user for user, entrant in fairness.entrant_ids(SEED, range(1000, 1030)).items()
        }
        member = fairness.membership(tampered(transcript), user_of[transcript.winners[1]])
        assert member == fairness.Membership(transcript.winners[1], True, "draw: winner #2")

    def test_a_stranger_is_not_listed(self) -> None:
        member = fairness.membership(tampered(sample_transcript()), 5)
        assert not member.listed


class TestVerifierCommandLine:
    def test_ok_with_entrant_check(self, tmp_path: Path) -> None:
        transcript = sample_transcript()
        path = tmp_path / "t.json"
        path.write_text(transcript.to_json(), encoding="utf-8")
        result = run_verifier(path, "--check-entrant", "1005", "--expect-digest", transcript.digest)
        assert result.returncode == 0, result.stdout
        entrant = fairness.entrant_id(SEED, 1005)
        assert f"user 1005 -> entrant {entrant}: in the entrant list" in result.stdout
        assert winners_printed(result.stdout)[:3] == list(transcript.winners)
        assert f"reroll 1: {transcript.rerolls[0].winners[0]}" in result.stdout

    def test_mismatch_exits_1_with_the_reason(self, tmp_path: Path) -> None:
        data = tampered(sample_transcript())
        data["seed"] = "11" * 32
        path = tmp_path / "t.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        result = run_verifier(path)
        assert result.returncode == 1
        assert "problem: commitment mismatch" in result.stdout
        assert result.stdout.rstrip().endswith("MISMATCH")

    def test_a_stranger_fails_the_entrant_check(self, tmp_path: Path) -> None:
        path = tmp_path / "t.json"
        path.write_text(sample_transcript().to_json(), encoding="utf-8")
        result = run_verifier(path, "--check-entrant", "5")
        assert result.returncode == 1
        assert "NOT in the entrant list" in result.stdout

    def test_unreadable_json(self, tmp_path: Path) -> None:
        path = tmp_path / "t.json"
        path.write_text("{not json", encoding="utf-8")
        result = run_verifier(path)
        assert result.returncode == 1
        assert "cannot read" in result.stdout
