"""The session middleware every Bot API call passes through.

Install once: `bot.session.middleware(OutboundMiddleware(lifecycle, token=settings.token))`.
It paces message-posting calls, pauses everything after a 429, retries 5xx and network
failures with jittered backoff, follows group -> supergroup migrations once, reports chats
that blocked or removed the bot, and keeps the token out of every error it raises.
"""

from __future__ import annotations

import asyncio
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Protocol

import structlog
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramAPIError,
    TelegramEntityTooLarge,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import CopyMessages, ForwardMessages, SendMediaGroup
from aiogram.methods.base import TelegramType
from pydantic import ValidationError

from bot.redact import redact
from bot.telegram.rate_limit import (
    ChatId,
    Clock,
    FloodPause,
    InMemoryRateLimiter,
    RateLimiter,
    SharedPause,
    Sleep,
)

if TYPE_CHECKING:
    from aiogram.client.bot import Bot
    from aiogram.methods import Response, TelegramMethod

log = structlog.get_logger()


class ChatLifecycle(Protocol):
    async def chat_migrated(self, old_chat_id: int, new_chat_id: int) -> None: ...

    async def chat_unreachable(self, chat_id: int, reason: str) -> None: ...


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Attempt counts include the first try.

    A call never waits out a flood pause longer than `max_flood_wait`: it fails at once with
    TelegramRetryAfter instead, so a broadcast flood of an hour does not hang every handler.
    """

    flood_attempts: int = 5
    max_flood_wait: float = 60.0
    failure_attempts: int = 4
    backoff_base: float = 0.5
    backoff_cap: float = 8.0

    def backoff(self, failure: int, jitter: float) -> float:
        """Full jitter: a uniform pick below the capped exponential step for this failure."""
        return jitter * min(self.backoff_cap, self.backoff_base * 2.0 ** (failure - 1))


class Pacing(Enum):
    NONE = "none"
    OVERALL = "overall"
    CHAT = "chat"


_COPIES = frozenset({"copyMessage", "copyMessages", "forwardMessage", "forwardMessages"})
# send* methods that post no message: a typing indicator, ephemeral drafts, a Mini App prompt.
_SENDS_WITHOUT_MESSAGE = frozenset(
    {"sendChatAction", "sendMessageDraft", "sendRichMessageDraft", "sendChatJoinRequestWebApp"}
)
# Edits post nothing new, so they skip the per-chat buckets: queueing them behind a group's
# 20/min would build a backlog of stale edits (a busy poll re-rendering on every vote). They
# still spend the overall budget; code that edits often should coalesce its edits instead.
_EDITS_BY_OTHER_NAMES = frozenset({"stopPoll", "stopMessageLiveLocation"})


def pacing_of(api_method: str) -> Pacing:
    if api_method in _COPIES or (
        api_method.startswith("send") and api_method not in _SENDS_WITHOUT_MESSAGE
    ):
        return Pacing.CHAT
    if api_method.startswith("editMessage") or api_method in _EDITS_BY_OTHER_NAMES:
        return Pacing.OVERALL
    return Pacing.NONE


def is_paused_by_flood(api_method: str) -> bool:
    # Answers to queries expire within seconds and getUpdates feeds the delivery loop: holding
    # them in the pause would only turn them into timeouts or stall ingest.
    return api_method != "getUpdates" and not api_method.startswith("answer")


def messages_posted(method: TelegramMethod[TelegramType]) -> int:
    """An album or a batch copy posts one message per item, and Telegram counts each.

    (sendPaidMedia also takes a list of media, but posts them as one message.)
    """
    if isinstance(method, SendMediaGroup):
        return max(1, len(method.media))
    if isinstance(method, CopyMessages | ForwardMessages):
        return max(1, len(method.message_ids))
    return 1


_UNREACHABLE_REASONS = (
    ("blocked by the user", "blocked"),
    ("user is deactivated", "deactivated"),
    ("was kicked", "kicked"),
    ("not a member", "not_member"),
)
_USER_REASONS = frozenset({"blocked", "deactivated"})


def unreachable_reason(description: str) -> str | None:
    lowered = description.lower()
    for phrase, reason in _UNREACHABLE_REASONS:
        if phrase in lowered:
            return reason
    return None


def _chat_id(method: TelegramMethod[TelegramType]) -> ChatId | None:
    chat_id = getattr(method, "chat_id", None)
    return chat_id if isinstance(chat_id, int | str) else None


def _only_chat(method: TelegramMethod[TelegramType]) -> int | None:
    """The chat an error is about, unless a different source chat makes it ambiguous."""
    chat_id = _chat_id(method)
    if not isinstance(chat_id, int):
        return None
    source = getattr(method, "from_chat_id", None)
    return chat_id if source is None or source == chat_id else None


def _unreachable_chat(method: TelegramMethod[TelegramType], reason: str) -> int | None:
    chat_id = _chat_id(method)
    # Only users block or get deactivated, so for a copy or forward it is the private target.
    if reason in _USER_REASONS and isinstance(chat_id, int) and chat_id > 0:
        return chat_id
    return _only_chat(method)


def _is_transient(error: Exception) -> bool:
    if isinstance(error, TelegramEntityTooLarge):
        return False  # a 413 is the request's fault, though aiogram files it as a network error
    if isinstance(error, ClientDecodeError):
        # A proxy's HTML 502 page is transient; a body that is JSON but the wrong shape is not.
        return not isinstance(error.original, ValidationError)
    return isinstance(error, TelegramServerError | TelegramNetworkError)


class OutboundMiddleware(BaseRequestMiddleware):
    def __init__(
        self,
        lifecycle: ChatLifecycle,
        *,
        token: str,
        limiter: RateLimiter | None = None,
        shared_pause: SharedPause | None = None,
        policy: RetryPolicy | None = None,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self._lifecycle = lifecycle
        self._token = token
        self._limiter = limiter or InMemoryRateLimiter(clock=clock, sleep=sleep)
        self._policy = policy or RetryPolicy()
        self._pause = FloodPause(clock=clock, sleep=sleep)
        self._shared_pause = shared_pause
        self._sleep = sleep
        self._jitter = jitter

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        try:
            return await self._follow_migration(make_request, bot, method)
        except TelegramForbiddenError as error:
            await self._report_unreachable(error)
            raise

    async def _follow_migration(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        try:
            return await self._deliver(make_request, bot, method)
        except TelegramMigrateToChat as error:
            old_chat_id = _only_chat(method)
            if old_chat_id is None:
                raise
            new_chat_id = error.migrate_to_chat_id
            log.info(
                "telegram.chat_migrated",
                method=method.__api_method__,
                chat_id=old_chat_id,
                new_chat_id=new_chat_id,
            )
            await self._lifecycle.chat_migrated(old_chat_id, new_chat_id)
        # Resent once, outside the except block: a second migration propagates, never loops.
        resend = method.model_copy(update={"chat_id": new_chat_id})
        return await self._deliver(make_request, bot, resend)

    async def _deliver(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        floods = failures = 0
        while True:
            await self._admit(method)
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as error:
                floods += 1
                self._pause.extend(error.retry_after)
                if self._shared_pause is not None:
                    await self._shared_pause.extend(error.retry_after)
                if (
                    floods >= self._policy.flood_attempts
                    or error.retry_after > self._policy.max_flood_wait
                ):
                    self._log_gave_up(method, error, floods)
                    raise
                await self._pause_for(method, error, floods)
            except (TelegramAPIError, ClientDecodeError) as error:
                if not _is_transient(error):
                    raise
                failures += 1
                if failures >= self._policy.failure_attempts:
                    self._log_gave_up(method, error, failures)
                    if isinstance(error, TelegramNetworkError):
                        raise self._scrubbed(error) from None
                    raise
                await self._back_off(method, error, failures)

    async def _admit(self, method: TelegramMethod[TelegramType]) -> None:
        api_method = method.__api_method__
        if not is_paused_by_flood(api_method):
            return
        pacing = pacing_of(api_method)
        chat_id = _chat_id(method) if pacing is Pacing.CHAT else None
        count = messages_posted(method) if pacing is Pacing.CHAT else 1
        while True:
            await self._follow_shared_pause()
            await self._wait_out_pause(method)
            if pacing is not Pacing.NONE:
                for _ in range(count):
                    await self._limiter.acquire(chat_id)
                # A 429 that arrived while we queued for a slot still holds us back.
                await self._follow_shared_pause()
            if not self._pause.is_active():
                return

    async def _follow_shared_pause(self) -> None:
        """Another instance's 429 pauses this one too: mirror the shared pause locally."""
        if self._shared_pause is not None:
            remaining = await self._shared_pause.remaining()
            if remaining > 0:
                self._pause.extend(remaining)

    async def _wait_out_pause(self, method: TelegramMethod[TelegramType]) -> None:
        remaining = self._pause.remaining()
        if remaining > self._policy.max_flood_wait:
            raise TelegramRetryAfter(
                method=method,
                message="Flood pause in force (outbound middleware)",
                retry_after=math.ceil(remaining),
            )
        await self._pause.wait()

    async def _pause_for(
        self, method: TelegramMethod[TelegramType], error: TelegramRetryAfter, attempt: int
    ) -> None:
        log.warning(
            "telegram.retry_after",
            method=method.__api_method__,
            chat_id=_chat_id(method),
            retry_after=error.retry_after,
            attempt=attempt,
        )
        if not is_paused_by_flood(method.__api_method__):
            # Others skip the pause, but the flooded call itself honours it.
            await self._wait_out_pause(method)

    async def _back_off(
        self,
        method: TelegramMethod[TelegramType],
        error: TelegramAPIError | ClientDecodeError,
        failure: int,
    ) -> None:
        delay = self._policy.backoff(failure, self._jitter())
        log.warning(
            "telegram.retry",
            method=method.__api_method__,
            chat_id=_chat_id(method),
            error=self._describe(error),
            attempt=failure,
            delay=round(delay, 3),
        )
        await self._sleep(delay)

    def _log_gave_up(
        self,
        method: TelegramMethod[TelegramType],
        error: TelegramAPIError | ClientDecodeError,
        attempts: int,
    ) -> None:
        log.error(
            "telegram.gave_up",
            method=method.__api_method__,
            chat_id=_chat_id(method),
            error=self._describe(error),
            attempts=attempts,
        )

    async def _report_unreachable(self, error: TelegramForbiddenError) -> None:
        reason = unreachable_reason(error.message)
        chat_id = None if reason is None else _unreachable_chat(error.method, reason)
        if reason is None or chat_id is None:
            return
        log.info(
            "telegram.chat_unreachable",
            method=error.method.__api_method__,
            chat_id=chat_id,
            reason=reason,
        )
        await self._lifecycle.chat_unreachable(chat_id, reason)

    def _describe(self, error: Exception) -> str:
        return redact(f"{type(error).__name__}: {error}", self._token)

    def _scrubbed(self, error: TelegramNetworkError) -> TelegramNetworkError:
        """The same error with the token removed and without the chained original.

        aiohttp's exceptions can carry the request URL `.../bot<TOKEN>/method`; chaining them
        would print it in every traceback, so a network error is rebuilt, never wrapped.
        """
        return type(error)(method=error.method, message=redact(error.message, self._token))
