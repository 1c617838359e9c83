"""The published record of a giveaway draw, as typed dataclasses and its JSON form.

The JSON is what fans download and re-run with ``python fairness.py transcript.json``; that
verifier reads the dict directly and never imports this module, so the field names and encodings
here are the contract (documented step by step in ``bot.domain.fairness``). Times are ISO 8601
in UTC with a ``Z``; the seed, commitment, digests and beacon values are lowercase hex.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TypeVar

from bot.domain import fairness
from bot.domain.fairness import ALGORITHM, VERSION, Pick, Skip, VerificationResult

T = TypeVar("T")


@dataclass(frozen=True)
class Giveaway:
    id: int
    chat_id: int
    prize: str
    winner_count: int
    rules: str
    created_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class Beacon:
    """The public randomness round pinned at creation, with the value fetched at the draw."""

    url: str
    round: int
    genesis_time: int
    period: int
    randomness: str
    signature: str


@dataclass(frozen=True)
class Reroll:
    at: datetime
    reason: str
    count: int
    winners: tuple[str, ...]
    skips: tuple[Skip, ...]
    next_position: int
    digest: str
    # The standing winners this round replaces, in the order the new winners take their places
    # (empty in rerolls recorded before it was kept).
    replaces: tuple[str, ...] = ()


@dataclass(frozen=True)
class Transcript:
    giveaway: Giveaway
    commitment: str
    seed: str
    beacon: Beacon | None
    drawn_at: datetime
    entrants: tuple[str, ...]
    entrant_digest: str
    winners: tuple[str, ...]
    skips: tuple[Skip, ...]
    next_position: int
    digest: str
    rerolls: tuple[Reroll, ...] = ()
    version: int = VERSION
    algorithm: str = ALGORITHM

    @property
    def seed_bytes(self) -> bytes:
        return bytes.fromhex(self.seed)

    @property
    def beacon_bytes(self) -> bytes:
        return bytes.fromhex(self.beacon.randomness) if self.beacon else b""

    @property
    def last_pick(self) -> Pick:
        if self.rerolls:
            last = self.rerolls[-1]
            return Pick(last.winners, last.skips, last.next_position)
        return Pick(self.winners, self.skips, self.next_position)

    @property
    def all_winners(self) -> tuple[str, ...]:
        """Everyone who won, in the draw and in any reroll, in order."""
        return self.winners + tuple(w for entry in self.rerolls for w in entry.winners)

    @property
    def standing_winners(self) -> tuple[str, ...]:
        return self.standing_after(len(self.rerolls))

    def standing_after(self, rerolls: int) -> tuple[str, ...]:
        """The winners as they stand after the first `rerolls` rerolls: each reroll's winners
        take the places of those it replaces (a place nobody was left for is gone)."""
        standing = list(self.winners)
        for entry in self.rerolls[:rerolls]:
            if not entry.replaces:
                standing.extend(entry.winners)
                continue
            for index, replaced in enumerate(entry.replaces):
                place = standing.index(replaced)
                if index < len(entry.winners):
                    standing[place] = entry.winners[index]
                else:
                    del standing[place]
        return tuple(standing)

    def with_reroll(
        self,
        count: int,
        skip_reasons: Mapping[str, str | None],
        reason: str,
        at: datetime,
        replaces: Sequence[str] = (),
    ) -> Transcript:
        """Append a reroll that continues the permutation; previous winners cannot come back."""
        if not reason.strip():
            raise ValueError("a reroll needs a reason")
        if replaces and (len(replaces) != count or not set(replaces) <= set(self.standing_winners)):
            raise ValueError("a reroll replaces standing winners, one per new winner")
        if at.tzinfo is None:
            raise ValueError("naive datetime: transcript times are aware UTC")
        if at < (self.rerolls[-1].at if self.rerolls else self.drawn_at):
            raise ValueError("a reroll cannot be dated before the draw or an earlier reroll")
        chosen = fairness.reroll(
            self.seed_bytes,
            self.entrants,
            count,
            skip_reasons,
            after=self.last_pick,
            beacon=self.beacon_bytes,
        )
        entry = Reroll(
            at,
            reason,
            count,
            chosen.winners,
            chosen.skips,
            chosen.next_position,
            "",
            tuple(replaces),
        )
        digest = fairness.reroll_digest(self._chain_tip(), _reroll_to_dict(entry))
        return replace(self, rerolls=(*self.rerolls, replace(entry, digest=digest)))

    def verify(self, expect_digest: str | None = None) -> VerificationResult:
        return fairness.verify(self.to_dict(), expect_digest)

    def to_dict(self) -> dict[str, object]:
        return {
            "version": self.version,
            "algorithm": self.algorithm,
            "giveaway": _giveaway_to_dict(self.giveaway),
            "commitment": self.commitment,
            "beacon": _beacon_to_dict(self.beacon) if self.beacon else None,
            "seed": self.seed,
            "drawn_at": _iso(self.drawn_at),
            "entrant_digest": self.entrant_digest,
            "entrants": list(self.entrants),
            "winners": list(self.winners),
            "skips": [_skip_to_dict(skip) for skip in self.skips],
            "next_position": self.next_position,
            "digest": self.digest,
            "rerolls": [_reroll_to_dict(entry) for entry in self.rerolls],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str) -> Transcript:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("a transcript is a JSON object")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Transcript:
        beacon = data.get("beacon")
        return cls(
            giveaway=_giveaway_from_dict(_mapping(data, "giveaway")),
            commitment=_typed(data, "commitment", str),
            seed=_typed(data, "seed", str),
            beacon=None if beacon is None else _beacon_from_dict(_mapping(data, "beacon")),
            drawn_at=_time(data, "drawn_at"),
            entrants=_strings(data, "entrants"),
            entrant_digest=_typed(data, "entrant_digest", str),
            winners=_strings(data, "winners"),
            skips=_skips(data),
            next_position=_integer(data, "next_position"),
            digest=_typed(data, "digest", str),
            rerolls=tuple(_reroll_from_dict(item) for item in _mappings(data, "rerolls")),
            version=_integer(data, "version"),
            algorithm=_typed(data, "algorithm", str),
        )

    def _chain_tip(self) -> str:
        return self.rerolls[-1].digest if self.rerolls else self.digest


def record_draw(
    giveaway: Giveaway,
    seed: bytes,
    entrants: Iterable[str],
    skip_reasons: Mapping[str, str | None],
    *,
    drawn_at: datetime,
    beacon: Beacon | None = None,
) -> Transcript:
    """Freeze the entrant list, draw the winners and build the transcript with its digest."""
    frozen = fairness.canonical_entrants(entrants)
    randomness = bytes.fromhex(beacon.randomness) if beacon else b""
    chosen = fairness.draw(seed, frozen, giveaway.winner_count, skip_reasons, beacon=randomness)
    transcript = Transcript(
        giveaway=giveaway,
        commitment=fairness.commitment(seed),
        seed=seed.hex(),
        beacon=beacon,
        drawn_at=drawn_at,
        entrants=tuple(frozen),
        entrant_digest=fairness.entrant_digest(frozen),
        winners=chosen.winners,
        skips=chosen.skips,
        next_position=chosen.next_position,
        digest="",
    )
    return replace(transcript, digest=fairness.transcript_digest(transcript.to_dict()))


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: transcript times are aware UTC")
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _giveaway_to_dict(giveaway: Giveaway) -> dict[str, object]:
    return {
        "id": giveaway.id,
        "chat_id": giveaway.chat_id,
        "prize": giveaway.prize,
        "winner_count": giveaway.winner_count,
        "rules": giveaway.rules,
        "created_at": _iso(giveaway.created_at),
        "ends_at": _iso(giveaway.ends_at),
    }


def _beacon_to_dict(beacon: Beacon) -> dict[str, object]:
    return {
        "url": beacon.url,
        "round": beacon.round,
        "genesis_time": beacon.genesis_time,
        "period": beacon.period,
        "randomness": beacon.randomness,
        "signature": beacon.signature,
    }


def _skip_to_dict(skip: Skip) -> dict[str, object]:
    return {"position": skip.position, "entrant": skip.entrant, "reason": skip.reason}


def _reroll_to_dict(entry: Reroll) -> dict[str, object]:
    return {
        "at": _iso(entry.at),
        "reason": entry.reason,
        "count": entry.count,
        "winners": list(entry.winners),
        "skips": [_skip_to_dict(skip) for skip in entry.skips],
        "next_position": entry.next_position,
        "digest": entry.digest,
        # Only when kept, so the digests of rerolls recorded before stay what was published.
        **({"replaces": list(entry.replaces)} if entry.replaces else {}),
    }


def _giveaway_from_dict(data: Mapping[str, object]) -> Giveaway:
    return Giveaway(
        id=_integer(data, "id"),
        chat_id=_integer(data, "chat_id"),
        prize=_typed(data, "prize", str),
        winner_count=_integer(data, "winner_count"),
        rules=_typed(data, "rules", str),
        created_at=_time(data, "created_at"),
        ends_at=_time(data, "ends_at"),
    )


def _beacon_from_dict(data: Mapping[str, object]) -> Beacon:
    return Beacon(
        url=_typed(data, "url", str),
        round=_integer(data, "round"),
        genesis_time=_integer(data, "genesis_time"),
        period=_integer(data, "period"),
        randomness=_typed(data, "randomness", str),
        signature=_typed(data, "signature", str),
    )


def _reroll_from_dict(data: Mapping[str, object]) -> Reroll:
    return Reroll(
        at=_time(data, "at"),
        reason=_typed(data, "reason", str),
        count=_integer(data, "count"),
        winners=_strings(data, "winners"),
        skips=_skips(data),
        next_position=_integer(data, "next_position"),
        digest=_typed(data, "digest", str),
        replaces=_strings(data, "replaces") if "replaces" in data else (),
    )


def _skips(data: Mapping[str, object]) -> tuple[Skip, ...]:
    return tuple(
        Skip(_integer(item, "position"), _typed(item, "entrant", str), _typed(item, "reason", str))
        for item in _mappings(data, "skips")
    )


def _typed(data: Mapping[str, object], key: str, kind: type[T]) -> T:
    value = data.get(key)
    if not isinstance(value, kind):
        raise ValueError(f"transcript field {key!r} must be {kind.__name__}")
    return value


def _integer(data: Mapping[str, object], key: str) -> int:
    value = _typed(data, key, int)
    if isinstance(value, bool):
        raise ValueError(f"transcript field {key!r} must be int")
    return value


def _time(data: Mapping[str, object], key: str) -> datetime:
    moment = datetime.fromisoformat(_typed(data, key, str))
    if moment.tzinfo is None:
        raise ValueError(f"transcript field {key!r} must carry a UTC offset")
    return moment.astimezone(UTC)


def _mapping(data: Mapping[str, object], key: str) -> Mapping[str, object]:
    value = data.get(key)
    if not isinstance(value, Mapping):
        raise ValueError(f"transcript field {key!r} must be an object")
    return value


def _strings(data: Mapping[str, object], key: str) -> tuple[str, ...]:
    items = _typed(data, key, list)
    if not all(isinstance(item, str) for item in items):
        raise ValueError(f"transcript field {key!r} must hold strings")
    return tuple(items)


def _mappings(data: Mapping[str, object], key: str) -> tuple[Mapping[str, object], ...]:
    items = _typed(data, key, list)
    if not all(isinstance(item, Mapping) for item in items):
        raise ValueError(f"transcript field {key!r} must hold objects")
    return tuple(items)
