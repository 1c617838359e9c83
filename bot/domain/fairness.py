"""Verifiable giveaway draws: the pure core and the standalone verifier.

This file depends on the Python 3.11 standard library only, so that anyone can copy it and run

    python fairness.py transcript.json [--check-entrant USER_ID] [--expect-digest HEX]

without installing fanpulse. It prints the recomputed winners and OK or MISMATCH (exit 0 or 1).

Protocol (algorithm "fanpulse-draw-v1"; every hash is SHA-256, every hex string lowercase):

1. Creation. The bot draws a 32-byte secret ``seed`` and publishes
   ``commitment = SHA-256(b"fanpulse/commitment/v1\\x00" || seed)``. If a beacon is configured, the
   round is fixed by the end time alone: the first round published strictly after ``ends_at``,
   ``round = floor((ends_at - genesis_time) / period) + 2`` (round r is published at
   ``genesis_time + (r - 1) * period``), so there is no round to choose and none to grind.
2. Entrant ids. A fan's pseudonymous id is
   ``HMAC-SHA256(key=K, msg=ascii(decimal user id))[:16]`` as 32 hex characters, with
   ``K = HMAC-SHA256(key=seed, msg=b"fanpulse/entrant-key/v1")``.
   Why the key comes from the secret seed: Telegram user ids are below 2**40, so an id keyed by
   a public salt could be reversed by anyone in minutes by trying every user id. Keyed by the
   seed, the ids are unlinkable to users until the reveal, and the list can be frozen and its
   digest announced before anyone but the bot knows who is in it. After the reveal, anyone who
   holds a user id can check whether that user entered: that is the point (a fan checks their own
   entry with ``--check-entrant``), and the price is that someone who enumerates every plausible
   user id (for instance the members of the chat) can de-pseudonymise the list. We accept it:
   entering a giveaway in a public chat is not a secret worth more than a verifiable draw.
3. Entrant list. The ids are sorted ascending, de-duplicated, and serialised as
   ``b"fanpulse/entrants/v1\\n"`` followed by each id in ASCII and ``b"\\n"``;
   ``entrant_digest`` is the SHA-256 of those bytes.
4. Randomness. ``key = SHA-256(b"fanpulse/drbg/v1\\x00" || u32be(len(seed)) || seed ||
   u32be(32) || bytes(entrant_digest) || u32be(len(beacon)) || beacon)`` where ``beacon`` is the
   beacon round's randomness (raw bytes) or empty. The stream is ``SHA-256(key || u64be(0)) ||
   SHA-256(key || u64be(1)) || ...`` read as consecutive big-endian 64-bit integers.
   ``uniform_below(n)`` rejects a value ``v >= 2**64 - (2**64 mod n)`` and draws again, then
   returns ``v mod n``: the accepted range is an exact multiple of ``n``, so there is no bias.
5. Shuffle. Forward Fisher-Yates over the sorted list: for ``i`` in ``0 .. n-2``,
   ``j = i + uniform_below(n - i)``, swap positions ``i`` and ``j``. Position ``i`` is final
   after step ``i``, so the first positions can be read without shuffling the rest.
6. Winners. The permutation is read from position 0; an entrant with a skip reason (ineligible at
   draw time, decided by the caller) is recorded as skipped with that reason, the others win,
   until ``winner_count`` winners or the end of the list. A reroll continues from the first
   position not yet read, so it can never pick a previous winner or a skipped entrant. A reroll
   may name in ``replaces`` the standing winners it replaces (as many as its ``count``, each a
   winner at that point); its new winners take their places in order, and a place nobody was
   left for is gone.
7. Transcript digests. ``digest = SHA-256(b"fanpulse/transcript/v1\\n" || canonical JSON of the
   transcript without "digest" and "rerolls")``; reroll i carries ``SHA-256(b"fanpulse/reroll/v1\\n"
   || previous digest in hex || b"\\n" || canonical JSON of the reroll without "digest")``.
   Canonical JSON is ``json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False)``
   in UTF-8 (RFC 8785 for the strings, integers and nulls used here). The bot posts each digest
   in the chat when it announces the result; ``--expect-digest`` checks that the transcript you
   hold is the one announced. Without it, the digests only show the file is self-consistent.

What the verifier cannot check: that the entrant list holds exactly the fans who entered (each
fan can check their own entry), that skip reasons are true, and the beacon's BLS signature (it
checks ``randomness == SHA-256(signature)``, which is how drand derives it; verify the signature
with a drand client, or compare with ``{beacon url}/public/{round}``). Without a beacon, the bot
knows the seed from the start and must be trusted not to add fake entrants to steer the result;
with a beacon, the bot should announce ``entrant_digest`` when entries close, before the round
is published.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import secrets
import struct
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

ALGORITHM = "fanpulse-draw-v1"
VERSION = 1
SEED_BYTES = 32
ENTRANT_ID_HEX_CHARS = 32

_COMMITMENT_TAG = b"fanpulse/commitment/v1\x00"
_ENTRANT_KEY_TAG = b"fanpulse/entrant-key/v1"
_ENTRANTS_TAG = b"fanpulse/entrants/v1\n"
_DRBG_TAG = b"fanpulse/drbg/v1\x00"
_TRANSCRIPT_TAG = b"fanpulse/transcript/v1\n"
_REROLL_TAG = b"fanpulse/reroll/v1\n"
_HEX_DIGITS = frozenset("0123456789abcdef")
_TWO_64 = 1 << 64
_FOUR_U64 = struct.Struct(">4Q")
_THIRTY_TWO = (32).to_bytes(4, "big")


def new_seed() -> bytes:
    return secrets.token_bytes(SEED_BYTES)


def commitment(seed: bytes) -> str:
    _require_seed(seed)
    return hashlib.sha256(_COMMITMENT_TAG + seed).hexdigest()


def entrant_ids(seed: bytes, user_ids: Iterable[int]) -> dict[int, str]:
    """Pseudonymous id of each user, keyed by user id (see the module docstring, step 2)."""
    _require_seed(seed)
    key = hmac.new(seed, _ENTRANT_KEY_TAG, hashlib.sha256).digest()
    return {
        user_id: hmac.new(key, str(user_id).encode("ascii"), hashlib.sha256).hexdigest()[
            :ENTRANT_ID_HEX_CHARS
        ]
        for user_id in user_ids
    }


def entrant_id(seed: bytes, user_id: int) -> str:
    return entrant_ids(seed, [user_id])[user_id]


def canonical_entrants(ids: Iterable[str]) -> list[str]:
    entrants = sorted(set(ids))
    for entrant in entrants:
        if not is_entrant_id(entrant):
            raise ValueError(f"not an entrant id: {entrant!r}")
    return entrants


def entrant_list_bytes(entrants: Sequence[str]) -> bytes:
    _require_canonical(entrants)
    return _ENTRANTS_TAG + "".join(f"{entrant}\n" for entrant in entrants).encode("ascii")


def entrant_digest(entrants: Sequence[str]) -> str:
    return hashlib.sha256(entrant_list_bytes(entrants)).hexdigest()


def is_entrant_id(value: str) -> bool:
    return len(value) == ENTRANT_ID_HEX_CHARS and _HEX_DIGITS.issuperset(value)


def beacon_round_after(ends_at: datetime, genesis_time: int, period: int) -> int:
    """The first beacon round published strictly after ``ends_at``."""
    if period <= 0:
        raise ValueError("the beacon period must be positive")
    genesis = datetime.fromtimestamp(genesis_time, UTC)
    if ends_at < genesis:
        return 1
    return (ends_at - genesis) // timedelta(seconds=period) + 2


def beacon_round_time(round_number: int, genesis_time: int, period: int) -> datetime:
    return datetime.fromtimestamp(genesis_time + (round_number - 1) * period, UTC)


class Drbg:
    """SHA-256 in counter mode, read as big-endian 64-bit integers."""

    __slots__ = ("_counter", "_index", "_key", "_words")

    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError("the DRBG key is 32 bytes")
        self._key = key
        self._counter = 0
        self._words: tuple[int, ...] = ()
        self._index = 0

    @classmethod
    def for_draw(cls, seed: bytes, entrant_digest: str, beacon: bytes = b"") -> Drbg:
        _require_seed(seed)
        digest = bytes.fromhex(entrant_digest)
        if len(digest) != 32:
            raise ValueError("the entrant digest is 32 bytes of hex")
        # The length prefixes of the fixed-size seed and digest are constants: u32be(32).
        material = _THIRTY_TWO + seed + _THIRTY_TWO + digest + len(beacon).to_bytes(4, "big")
        return cls(hashlib.sha256(_DRBG_TAG + material + beacon).digest())

    def next_u64(self) -> int:
        if self._index == len(self._words):
            block = hashlib.sha256(self._key + self._counter.to_bytes(8, "big")).digest()
            self._counter += 1
            self._words = _FOUR_U64.unpack(block)
            self._index = 0
        word = self._words[self._index]
        self._index += 1
        return word

    def uniform_below(self, n: int) -> int:
        """A uniform integer in ``[0, n)`` by rejection sampling: no modulo bias."""
        if not 1 <= n <= _TWO_64:
            raise ValueError(f"n must be in [1, 2**64], got {n}")
        limit = _TWO_64 - _TWO_64 % n
        while True:
            value = self.next_u64()
            if value < limit:
                return value % n


def shuffled(entrants: Sequence[str], drbg: Drbg) -> Iterator[str]:
    """The Fisher-Yates permutation of ``entrants``, position by position, lazily."""
    pool = list(entrants)
    size = len(pool)
    for i in range(size - 1):
        j = i + drbg.uniform_below(size - i)
        pool[i], pool[j] = pool[j], pool[i]
        yield pool[i]
    if size:
        yield pool[-1]


def permutation(seed: bytes, entrants: Sequence[str], beacon: bytes = b"") -> list[str]:
    _require_canonical(entrants)
    return list(shuffled(entrants, Drbg.for_draw(seed, entrant_digest(entrants), beacon)))


def candidates(
    seed: bytes, entrants: Sequence[str], beacon: bytes = b"", start: int = 0
) -> Iterator[tuple[int, str]]:
    """``(position, entrant)`` in draw order from ``start``: check eligibility lazily with it."""
    _require_canonical(entrants)
    if not 0 <= start <= len(entrants):
        raise ValueError(f"start {start} is outside the permutation of {len(entrants)}")
    order = shuffled(entrants, Drbg.for_draw(seed, entrant_digest(entrants), beacon))
    for position, entrant in enumerate(order):
        if position >= start:
            yield position, entrant


@dataclass(frozen=True)
class Skip:
    position: int
    entrant: str
    reason: str


@dataclass(frozen=True)
class Pick:
    """Winners in order, the entrants skipped on the way, and where the next reroll starts."""

    winners: tuple[str, ...]
    skips: tuple[Skip, ...]
    next_position: int


def pick(
    seed: bytes,
    entrants: Sequence[str],
    count: int,
    skip_reasons: Mapping[str, str | None],
    *,
    beacon: bytes = b"",
    start: int = 0,
) -> Pick:
    """The next ``count`` eligible entrants from ``start``; absent from the mapping = eligible."""
    if count < 1:
        raise ValueError("pick at least one winner")
    winners: list[str] = []
    skips: list[Skip] = []
    next_position = start
    for position, entrant in candidates(seed, entrants, beacon, start):
        if len(winners) == count:
            break
        next_position = position + 1
        reason = skip_reasons.get(entrant)
        if reason is None:
            winners.append(entrant)
        elif not reason.strip():
            raise ValueError(f"empty skip reason for {entrant}")
        else:
            skips.append(Skip(position, entrant, reason))
    return Pick(tuple(winners), tuple(skips), next_position)


def draw(
    seed: bytes,
    entrants: Sequence[str],
    winner_count: int,
    skip_reasons: Mapping[str, str | None],
    *,
    beacon: bytes = b"",
) -> Pick:
    return pick(seed, entrants, winner_count, skip_reasons, beacon=beacon)


def reroll(
    seed: bytes,
    entrants: Sequence[str],
    count: int,
    skip_reasons: Mapping[str, str | None],
    *,
    after: Pick,
    beacon: bytes = b"",
) -> Pick:
    """Replacement winners, continuing the permutation where ``after`` stopped."""
    return pick(seed, entrants, count, skip_reasons, beacon=beacon, start=after.next_position)


def canonical_json(value: object) -> bytes:
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def transcript_digest(transcript: Mapping[str, object]) -> str:
    body = {key: value for key, value in transcript.items() if key not in ("digest", "rerolls")}
    return hashlib.sha256(_TRANSCRIPT_TAG + canonical_json(body)).hexdigest()


def reroll_digest(previous_digest: str, reroll_entry: Mapping[str, object]) -> str:
    body = {key: value for key, value in reroll_entry.items() if key != "digest"}
    message = _REROLL_TAG + previous_digest.encode("ascii") + b"\n" + canonical_json(body)
    return hashlib.sha256(message).hexdigest()


def beacon_randomness(signature: bytes) -> str:
    """drand's randomness for a round is the SHA-256 of its signature."""
    return hashlib.sha256(signature).hexdigest()


def _require_seed(seed: bytes) -> None:
    if len(seed) != SEED_BYTES:
        raise ValueError(f"the seed is {SEED_BYTES} bytes, got {len(seed)}")


def _require_canonical(entrants: Sequence[str]) -> None:
    for index, entrant in enumerate(entrants):
        if not is_entrant_id(entrant):
            raise ValueError(f"entrant {index} is not an entrant id: {entrant!r}")
        if index and entrants[index - 1] >= entrant:
            raise ValueError(f"entrants are not sorted and unique at index {index}")


# Verification: everything below reads an untrusted dict and reports problems, never raises.


class TranscriptFormatError(ValueError):
    pass


@dataclass(frozen=True)
class VerificationResult:
    ok: bool
    problems: tuple[str, ...]
    winners: tuple[str, ...]
    rerolls: tuple[tuple[str, ...], ...]
    digests: tuple[str, ...]


@dataclass(frozen=True)
class Membership:
    entrant: str
    listed: bool
    outcome: str


@dataclass(frozen=True)
class _Round:
    label: str
    count: int
    winners: tuple[str, ...]
    skips: tuple[Skip, ...]
    next_position: int


def verify(
    transcript: Mapping[str, object], expect_digest: str | None = None
) -> VerificationResult:
    try:
        return _verify(transcript, expect_digest)
    except TranscriptFormatError as error:
        return VerificationResult(False, (f"malformed transcript: {error}",), (), (), ())


def membership(transcript: Mapping[str, object], user_id: int) -> Membership:
    """Whether ``user_id`` is in the entrant list, and what happened to them."""
    seed = _hex_bytes(transcript, "seed", SEED_BYTES)
    entrant = entrant_id(seed, user_id)
    if entrant not in set(_entrant_list(transcript)):
        return Membership(entrant, False, "not in the entrant list")
    for round_ in _rounds(transcript):
        if entrant in round_.winners:
            rank = round_.winners.index(entrant) + 1
            return Membership(entrant, True, f"{round_.label}: winner #{rank}")
        for skip in round_.skips:
            if skip.entrant == entrant:
                return Membership(entrant, True, f"{round_.label}: skipped ({skip.reason})")
    return Membership(entrant, True, "entered, not drawn")


def _verify(transcript: Mapping[str, object], expect_digest: str | None) -> VerificationResult:
    problems: list[str] = []
    if transcript.get("version") != VERSION:
        problems.append(f"unsupported version {transcript.get('version')!r}, expected {VERSION}")
    if transcript.get("algorithm") != ALGORITHM:
        problems.append(f"unknown algorithm {transcript.get('algorithm')!r}")
    giveaway = _mapping(transcript, "giveaway")
    seed = _hex_bytes(transcript, "seed", SEED_BYTES)
    promised = _hex(transcript, "commitment", 32)
    if commitment(seed) != promised:
        problems.append(
            f"commitment mismatch: the revealed seed hashes to {commitment(seed)}, "
            f"but the published commitment is {promised}"
        )
    entrants = _entrant_list(transcript)
    canonical = sorted(set(entrants))
    if entrants != canonical:
        problems.append(_order_problem(entrants))
    recorded_digest = _hex(transcript, "entrant_digest", 32)
    if entrant_digest(canonical) != recorded_digest:
        problems.append(
            f"entrant digest mismatch: the list hashes to {entrant_digest(canonical)}, "
            f"the transcript says {recorded_digest}"
        )
    ends_at = _time(giveaway, "ends_at")
    beacon, beacon_problems = _beacon(transcript, ends_at)
    problems.extend(beacon_problems)
    problems.extend(_time_problems(transcript, giveaway))

    recomputed: list[tuple[str, ...]] = []
    start = 0
    for round_ in _rounds(transcript):
        expected = _replay(seed, canonical, beacon, round_, start)
        problems.extend(_round_problems(round_, expected))
        recomputed.append(expected.winners)
        start = expected.next_position
    problems.extend(_replacement_problems(transcript))

    digests = _digest_chain(transcript)
    recorded = [_hex(transcript, "digest", 32)] + [
        _hex(entry, "digest", 32) for entry in _reroll_entries(transcript)
    ]
    for index, (computed, stored) in enumerate(zip(digests, recorded, strict=True)):
        if computed != stored:
            where = "transcript" if index == 0 else f"reroll {index}"
            problems.append(
                f"{where} digest mismatch: the content hashes to {computed}, the transcript "
                f"says {stored} (it was changed after the digest was computed)"
            )
    if expect_digest is not None and expect_digest.lower() not in digests:
        problems.append(
            f"the announced digest {expect_digest} is not in this transcript's digest chain "
            f"({', '.join(digests)}): this is not the transcript that was announced"
        )
    return VerificationResult(
        not problems,
        tuple(problems),
        recomputed[0],
        tuple(recomputed[1:]),
        tuple(digests),
    )


def _replay(
    seed: bytes, entrants: Sequence[str], beacon: bytes, round_: _Round, start: int
) -> Pick:
    reasons: dict[str, str | None] = {skip.entrant: skip.reason for skip in round_.skips}
    if round_.count < 1:
        raise TranscriptFormatError(f"{round_.label}: the winner count must be at least 1")
    if start > len(entrants):
        raise TranscriptFormatError(f"{round_.label}: starts past the end of the entrant list")
    try:
        return pick(seed, entrants, round_.count, reasons, beacon=beacon, start=start)
    except ValueError as error:
        raise TranscriptFormatError(f"{round_.label}: {error}") from None


def _round_problems(recorded: _Round, expected: Pick) -> list[str]:
    problems: list[str] = []
    label = recorded.label
    if recorded.winners != expected.winners:
        problems.append(
            f"{label}: winners mismatch: recomputed {_short_list(expected.winners)}, "
            f"the transcript says {_short_list(recorded.winners)}"
            + _first_difference(expected.winners, recorded.winners)
        )
    unexpected = [skip for skip in recorded.skips if skip not in expected.skips]
    problems.extend(
        f"{label}: skip of {skip.entrant} at position {skip.position} does not match "
        f"the permutation (it is not reached there, or it sits at another position)"
        for skip in unexpected
    )
    if not unexpected and recorded.skips != expected.skips:
        problems.append(f"{label}: the skips are not listed once each in permutation order")
    if recorded.next_position != expected.next_position:
        problems.append(
            f"{label}: next_position is {recorded.next_position}, recomputed "
            f"{expected.next_position}"
        )
    return problems


def _first_difference(expected: Sequence[str], recorded: Sequence[str]) -> str:
    for index, (left, right) in enumerate(zip(expected, recorded, strict=False)):
        if left != right:
            return f" (first difference at winner #{index + 1}: expected {left}, got {right})"
    return f" (recomputed {len(expected)} winners, the transcript lists {len(recorded)})"


def _short_list(values: Sequence[str]) -> str:
    return "[" + ", ".join(values) + "]"


def _order_problem(entrants: Sequence[str]) -> str:
    index = next(i for i in range(1, len(entrants)) if entrants[i - 1] >= entrants[i])
    return f"the entrant list is not sorted and de-duplicated at index {index}"


def _beacon(transcript: Mapping[str, object], ends_at: datetime) -> tuple[bytes, list[str]]:
    if transcript.get("beacon") is None:
        return b"", []
    beacon = _mapping(transcript, "beacon")
    randomness = _hex_bytes(beacon, "randomness", 32)
    round_number = _int(beacon, "round")
    genesis_time = _int(beacon, "genesis_time")
    period = _int(beacon, "period")
    if period <= 0:
        raise TranscriptFormatError("beacon.period must be positive")
    problems: list[str] = []
    expected_round = beacon_round_after(ends_at, genesis_time, period)
    if round_number != expected_round:
        problems.append(
            f"beacon round {round_number} is not the first round after the end time "
            f"({expected_round}): the round must be fixed by ends_at"
        )
    signature = _str(beacon, "signature")
    if signature:
        from_signature = beacon_randomness(_hex_bytes(beacon, "signature", None))
        if from_signature != randomness.hex():
            problems.append(
                f"beacon randomness {randomness.hex()} is not the SHA-256 of the beacon "
                f"signature ({from_signature})"
            )
    return randomness, problems


def _time_problems(transcript: Mapping[str, object], giveaway: Mapping[str, object]) -> list[str]:
    created_at = _time(giveaway, "created_at")
    ends_at = _time(giveaway, "ends_at")
    drawn_at = _time(transcript, "drawn_at")
    problems: list[str] = []
    if ends_at < created_at:
        problems.append("the giveaway ends before it was created")
    if drawn_at < ends_at:
        problems.append("the draw happened before entries closed")
    previous = drawn_at
    for index, entry in enumerate(_reroll_entries(transcript), start=1):
        at = _time(entry, "at")
        if at < previous:
            problems.append(f"reroll {index} is dated before the round it follows")
        previous = at
    return problems


def _rounds(transcript: Mapping[str, object]) -> list[_Round]:
    giveaway = _mapping(transcript, "giveaway")
    rounds = [
        _Round(
            "draw",
            _int(giveaway, "winner_count"),
            _winners(transcript),
            _skips(transcript, "draw"),
            _int(transcript, "next_position"),
        )
    ]
    for index, entry in enumerate(_reroll_entries(transcript), start=1):
        label = f"reroll {index}"
        _str(entry, "reason")
        rounds.append(
            _Round(
                label,
                _int(entry, "count"),
                _winners(entry),
                _skips(entry, label),
                _int(entry, "next_position"),
            )
        )
    return rounds


def _replacement_problems(transcript: Mapping[str, object]) -> list[str]:
    """A reroll that names the winners it replaces ("replaces") names standing winners, one
    per new winner; each new winner takes the place of the one it replaces."""
    problems: list[str] = []
    standing = list(_winners(transcript))
    for index, entry in enumerate(_reroll_entries(transcript), start=1):
        winners = list(_winners(entry))
        if "replaces" not in entry:
            standing.extend(winners)
            continue
        replaces = [_string_item(item, "replaces") for item in _list(entry, "replaces")]
        if len(replaces) != _int(entry, "count") or len(set(replaces)) != len(replaces):
            problems.append(f"reroll {index} must replace as many winners as its count")
            continue
        for position, replaced in enumerate(replaces):
            if replaced not in standing:
                problems.append(f"reroll {index} replaces {replaced}, who is not a winner then")
                continue
            place = standing.index(replaced)
            if position < len(winners):
                standing[place] = winners[position]
            else:
                del standing[place]
    return problems


def _digest_chain(transcript: Mapping[str, object]) -> list[str]:
    chain = [transcript_digest(transcript)]
    for entry in _reroll_entries(transcript):
        chain.append(reroll_digest(chain[-1], entry))
    return chain


def _winners(container: Mapping[str, object]) -> tuple[str, ...]:
    return tuple(_string_item(item, "winners") for item in _list(container, "winners"))


def _skips(container: Mapping[str, object], label: str) -> tuple[Skip, ...]:
    skips = []
    for item in _list(container, "skips"):
        if not isinstance(item, Mapping):
            raise TranscriptFormatError(f"{label}: each skip must be an object")
        reason = _str(item, "reason")
        if not reason.strip():
            raise TranscriptFormatError(f"{label}: a skip has an empty reason")
        skips.append(Skip(_int(item, "position"), _str(item, "entrant"), reason))
    return tuple(skips)


def _reroll_entries(transcript: Mapping[str, object]) -> list[Mapping[str, object]]:
    entries = []
    for item in _list(transcript, "rerolls"):
        if not isinstance(item, Mapping):
            raise TranscriptFormatError("each reroll must be an object")
        entries.append(item)
    return entries


def _entrant_list(transcript: Mapping[str, object]) -> list[str]:
    entrants = [_string_item(item, "entrants") for item in _list(transcript, "entrants")]
    for index, entrant in enumerate(entrants):
        if not is_entrant_id(entrant):
            raise TranscriptFormatError(
                f"entrant {index} is not a {ENTRANT_ID_HEX_CHARS}-hex-digit id: {entrant!r}"
            )
    return entrants


def _string_item(item: object, key: str) -> str:
    if not isinstance(item, str):
        raise TranscriptFormatError(f"{key} must hold strings")
    return item


def _mapping(container: Mapping[str, object], key: str) -> Mapping[str, object]:
    value = container.get(key)
    if not isinstance(value, Mapping):
        raise TranscriptFormatError(f"{key!r} must be an object")
    return value


def _list(container: Mapping[str, object], key: str) -> list[object]:
    value = container.get(key)
    if not isinstance(value, list):
        raise TranscriptFormatError(f"{key!r} must be a list")
    return value


def _str(container: Mapping[str, object], key: str) -> str:
    value = container.get(key)
    if not isinstance(value, str):
        raise TranscriptFormatError(f"{key!r} must be a string")
    return value


def _int(container: Mapping[str, object], key: str) -> int:
    value = container.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise TranscriptFormatError(f"{key!r} must be an integer")
    return value


def _hex(container: Mapping[str, object], key: str, size: int | None) -> str:
    return _hex_bytes(container, key, size).hex()


def _hex_bytes(container: Mapping[str, object], key: str, size: int | None) -> bytes:
    text = _str(container, key)
    if not _HEX_DIGITS.issuperset(text):
        raise TranscriptFormatError(f"{key!r} must be lowercase hex")
    try:
        value = bytes.fromhex(text)
    except ValueError:
        raise TranscriptFormatError(f"{key!r} must be whole bytes of hex") from None
    if size is not None and len(value) != size:
        raise TranscriptFormatError(f"{key!r} must be {size} bytes, got {len(value)}")
    return value


def _time(container: Mapping[str, object], key: str) -> datetime:
    text = _str(container, key)
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise TranscriptFormatError(f"{key!r} is not an ISO 8601 time: {text!r}") from None
    if value.utcoffset() != timedelta(0):
        raise TranscriptFormatError(f"{key!r} must be in UTC: {text!r}")
    return value


# The command line: the only place that writes to stdout.


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Re-run a fanpulse giveaway draw from its transcript."
    )
    parser.add_argument("transcript", help="the transcript JSON file")
    parser.add_argument("--check-entrant", type=int, metavar="USER_ID", help="a Telegram user id")
    parser.add_argument("--expect-digest", metavar="HEX", help="the digest announced in the chat")
    args = parser.parse_args(argv)
    try:
        with open(args.transcript, encoding="utf-8") as file:
            transcript = json.load(file)
    except (OSError, ValueError) as error:
        _say(f"cannot read {args.transcript}: {error}", "MISMATCH")
        return 1
    if not isinstance(transcript, dict):
        _say("the transcript must be a JSON object", "MISMATCH")
        return 1
    result = verify(transcript, args.expect_digest)
    lines = _report(transcript, result)
    ok = result.ok
    if args.check_entrant is not None:
        try:
            member = membership(transcript, args.check_entrant)
        except TranscriptFormatError as error:
            lines.append(f"cannot check user {args.check_entrant}: {error}")
            ok = False
        else:
            listed = "in the entrant list" if member.listed else "NOT in the entrant list"
            lines.append(
                f"user {args.check_entrant} -> entrant {member.entrant}: {listed}; {member.outcome}"
            )
            ok = ok and member.listed
    lines.extend(f"problem: {problem}" for problem in result.problems)
    _say(*lines, "OK" if ok else "MISMATCH")
    return 0 if ok else 1


def _report(transcript: Mapping[str, object], result: VerificationResult) -> list[str]:
    lines = [f"algorithm: {transcript.get('algorithm')}"]
    giveaway = transcript.get("giveaway")
    if isinstance(giveaway, Mapping):
        prize = json.dumps(giveaway.get("prize"), ensure_ascii=False)
        lines.append(
            f"giveaway {giveaway.get('id')} in chat {giveaway.get('chat_id')}: {prize}, "
            f"{giveaway.get('winner_count')} winner(s)"
        )
    entrants = transcript.get("entrants")
    if isinstance(entrants, list):
        lines.append(f"entrants: {len(entrants)}, digest {transcript.get('entrant_digest')}")
    beacon = transcript.get("beacon")
    if isinstance(beacon, Mapping):
        lines.append(
            f"beacon: round {beacon.get('round')} of {beacon.get('url')}, "
            f"randomness {beacon.get('randomness')}"
        )
    lines.append("recomputed winners:")
    lines.extend(f"  {rank}. {winner}" for rank, winner in enumerate(result.winners, start=1))
    for index, winners in enumerate(result.rerolls, start=1):
        lines.append(f"reroll {index}: {', '.join(winners) or '(no eligible entrant left)'}")
    if result.digests:
        lines.append(f"digests: {', '.join(result.digests)}")
    return lines


def _say(*lines: str) -> None:
    sys.stdout.write("".join(f"{line}\n" for line in lines))


if __name__ == "__main__":
    sys.exit(main())
