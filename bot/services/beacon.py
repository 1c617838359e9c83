"""A client for a drand-style public randomness beacon (HTTP JSON API, v1 paths).

``GET {base}/info`` gives the chain's ``genesis_time`` and ``period`` (seconds);
``GET {base}/public/{round}`` and ``GET {base}/public/latest`` give
``{"round": N, "randomness": "<hex>", "signature": "<hex>", ...}``. Round ``r`` is published at
``genesis_time + (r - 1) * period``. For a chain other than the relay's default, put the chain
hash in the base URL (``https://api.drand.sh/<chain hash>``).

At creation a giveaway pins the first round published strictly after its end time; at the draw
the bot fetches that round and mixes its randomness into the draw, so nobody, the bot included,
knows the outcome before entries close. A round whose time has not come is refused without a
request (``BeaconNotYetPublished`` says when to try again); an unreachable or failing beacon
raises ``BeaconUnavailable``. Retrying is the caller's decision: the draw simply waits.

Out of scope: the BLS signature of the round is NOT verified. We check only what is cheap and
catches a wrong or garbled answer: the round number, and that ``randomness`` is the SHA-256 of
``signature`` (how drand derives it). The transcript carries the signature so anyone can verify
it against the chain's public key with a drand client.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Self, TypeGuard

import aiohttp

from bot.domain import fairness
from bot.domain.transcript import Beacon


class BeaconError(Exception):
    """The beacon could not give the round; the message is one line, safe to log."""


class BeaconUnavailable(BeaconError):
    """Unreachable, timed out or failing (5xx): retry later."""


class BeaconNotYetPublished(BeaconError):
    def __init__(self, message: str, available_at: datetime) -> None:
        super().__init__(message)
        self.available_at = available_at


class BeaconInvalidResponse(BeaconError):
    """The beacon answered, but not with the round asked for in the expected shape."""


@dataclass(frozen=True)
class ChainInfo:
    genesis_time: int
    period: int

    def round_after(self, moment: datetime) -> int:
        return fairness.beacon_round_after(moment, self.genesis_time, self.period)

    def round_time(self, round_number: int) -> datetime:
        return fairness.beacon_round_time(round_number, self.genesis_time, self.period)


@dataclass(frozen=True)
class BeaconRound:
    round: int
    randomness: str
    signature: str


def _utcnow() -> datetime:
    return datetime.now(UTC)


class BeaconClient:
    def __init__(
        self,
        base_url: str,
        *,
        chain: ChainInfo | None = None,
        timeout: float = 10.0,
        session: aiohttp.ClientSession | None = None,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._chain = chain
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session = session
        self._owns_session = session is None
        self._clock = clock

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        if self._owns_session and self._session is not None:
            await self._session.close()
            self._session = None

    async def chain_info(self) -> ChainInfo:
        if self._chain is None:
            data = await self._get_json("/info")
            genesis_time, period = data.get("genesis_time"), data.get("period")
            if not _is_int(genesis_time) or not _is_int(period) or period <= 0:
                raise BeaconInvalidResponse(
                    f"beacon {self.base_url}/info has no integer genesis_time and period"
                )
            self._chain = ChainInfo(genesis_time, period)
        return self._chain

    async def pin_round(self, ends_at: datetime) -> int:
        """The round to use for a giveaway ending at ``ends_at``: first published after it."""
        return (await self.chain_info()).round_after(ends_at)

    async def fetch_round(self, round_number: int) -> BeaconRound:
        if round_number < 1:
            raise ValueError("beacon rounds start at 1")
        available_at = (await self.chain_info()).round_time(round_number)
        if self._clock() < available_at:
            raise BeaconNotYetPublished(
                f"beacon round {round_number} is published at {available_at.isoformat()}",
                available_at,
            )
        answer = self._parse_round(await self._get_json(f"/public/{round_number}", available_at))
        if answer.round != round_number:
            raise BeaconInvalidResponse(
                f"beacon {self.base_url} answered round {answer.round} for round {round_number}"
            )
        return answer

    async def latest(self) -> BeaconRound:
        return self._parse_round(await self._get_json("/public/latest"))

    async def evidence(self, round_number: int) -> Beacon:
        """The pinned round as it goes into the transcript."""
        chain = await self.chain_info()
        answer = await self.fetch_round(round_number)
        return Beacon(
            url=self.base_url,
            round=answer.round,
            genesis_time=chain.genesis_time,
            period=chain.period,
            randomness=answer.randomness,
            signature=answer.signature,
        )

    def _parse_round(self, data: dict[str, object]) -> BeaconRound:
        round_number, randomness, signature = (
            data.get("round"),
            data.get("randomness"),
            data.get("signature"),
        )
        if not _is_int(round_number) or not isinstance(randomness, str):
            raise BeaconInvalidResponse(f"beacon {self.base_url} answered without round/randomness")
        if not isinstance(signature, str):
            raise BeaconInvalidResponse(f"beacon {self.base_url} answered without a signature")
        randomness, signature = randomness.lower(), signature.lower()
        try:
            derived = fairness.beacon_randomness(bytes.fromhex(signature))
            valid_randomness = len(bytes.fromhex(randomness)) == 32
        except ValueError:
            raise BeaconInvalidResponse(
                f"beacon {self.base_url} round {round_number}: randomness/signature are not hex"
            ) from None
        if not valid_randomness or derived != randomness:
            raise BeaconInvalidResponse(
                f"beacon {self.base_url} round {round_number}: randomness is not the SHA-256 "
                f"of the signature"
            )
        return BeaconRound(round_number, randomness, signature)

    async def _get_json(self, path: str, due: datetime | None = None) -> dict[str, object]:
        url = f"{self.base_url}{path}"
        session = self._ensure_session()
        try:
            async with session.get(url, timeout=self._timeout) as response:
                if response.status in (404, 425) and due is not None:
                    # The round's time has passed but this relay has not caught up yet.
                    raise BeaconNotYetPublished(
                        f"beacon {url} is not published yet (HTTP {response.status})", due
                    )
                if response.status >= 500:
                    raise BeaconUnavailable(f"beacon {url} failed with HTTP {response.status}")
                if response.status != 200:
                    raise BeaconInvalidResponse(f"beacon {url} answered HTTP {response.status}")
                data = await response.json(content_type=None)
        except TimeoutError:
            raise BeaconUnavailable(
                f"beacon {url} did not answer within {self._timeout.total} s"
            ) from None
        except aiohttp.ClientError as error:
            raise BeaconUnavailable(f"beacon {url} is unreachable: {error}") from None
        except ValueError:
            raise BeaconInvalidResponse(f"beacon {url} answered with invalid JSON") from None
        if not isinstance(data, dict):
            raise BeaconInvalidResponse(f"beacon {url} answered with a non-object")
        return data

    def _ensure_session(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession()
        return self._session


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)
