"""The outbound middleware through a real Bot, real middleware chain and a scripted transport."""

from __future__ import annotations

import traceback

import pytest
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramBadRequest,
    TelegramConflictError,
    TelegramEntityTooLarge,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.types import Message
from structlog.testing import capture_logs

from bot.telegram.outbound import RetryPolicy, unreachable_reason
from tests.support.transport import (
    TOKEN,
    NetworkFailure,
    Reply,
    failure,
    flood,
    migrated,
    ok,
)
from tests.telegram.fake_outbound import Harness, build_harness

GROUP = -1001234567890
OLD_GROUP = -4567
PRIVATE = 424242
MEMBER = {"status": "member", "user": {"id": PRIVATE, "is_bot": False, "first_name": "Fan"}}


@pytest.fixture
def h() -> Harness:
    return build_harness()


# 429: a global pause


async def test_flood_pauses_every_chat_then_retries(h: Harness) -> None:
    h.session.queue(flood(5), chat_id=GROUP)
    with capture_logs() as logs:
        first, second = await h.clock.run(
            h.bot.send_message(GROUP, "one"),
            h.clock.after(1, h.bot.send_message(PRIVATE, "two")),
        )
    assert isinstance(first, Message)
    assert isinstance(second, Message)
    assert h.times() == [0, 5, 5]
    assert {call.chat_id for call in h.session.calls[1:]} == {GROUP, PRIVATE}
    assert logs[0]["event"] == "telegram.retry_after"
    assert logs[0]["method"] == "sendMessage"
    assert logs[0]["chat_id"] == GROUP
    assert logs[0]["retry_after"] == 5


async def test_flood_pause_holds_calls_that_are_not_rate_limited(h: Harness) -> None:
    h.session.queue(flood(5), chat_id=GROUP)
    h.session.queue(ok(MEMBER), chat_id=PRIVATE)
    await h.clock.run(
        h.bot.send_message(GROUP, "one"),
        h.clock.after(1, h.bot.get_chat_member(PRIVATE, PRIVATE)),
    )
    assert [(call.api_method, call.at - h.clock.start) for call in h.session.calls[1:]] == [
        ("sendMessage", 5),
        ("getChatMember", 5),
    ]


async def test_flood_pause_never_holds_get_updates_or_callback_answers(h: Harness) -> None:
    h.session.queue(flood(30), chat_id=GROUP)
    await h.clock.run(
        h.bot.send_message(GROUP, "one"),
        h.clock.after(1, h.bot.get_updates(offset=7, timeout=0)),
        h.clock.after(2, h.bot.answer_callback_query("query-id")),
    )
    assert [(call.api_method, call.at - h.clock.start) for call in h.session.calls] == [
        ("sendMessage", 0),
        ("getUpdates", 1),
        ("answerCallbackQuery", 2),
        ("sendMessage", 30),
    ]


async def test_a_flooded_get_updates_waits_its_own_retry_after(h: Harness) -> None:
    h.session.queue(flood(3))
    assert await h.run_one(h.bot.get_updates(offset=7, timeout=0)) == []
    assert h.times() == [0, 3]


async def test_flood_retries_are_bounded(h: Harness) -> None:
    h.session.queue(*[flood(2)] * 6, chat_id=PRIVATE)
    with capture_logs() as logs:
        error = await h.run_one(h.bot.send_message(PRIVATE, "one"))
    assert isinstance(error, TelegramRetryAfter)
    assert h.times() == [0, 2, 4, 6, 8]
    assert [entry["event"] for entry in logs] == ["telegram.retry_after"] * 4 + ["telegram.gave_up"]


async def test_a_longer_flood_extends_the_pause_for_everyone(h: Harness) -> None:
    h.session.queue(flood(5), chat_id=GROUP)
    h.session.queue(flood(20), chat_id=PRIVATE)
    await h.clock.run(
        h.bot.send_message(GROUP, "one"),
        h.bot.send_message(PRIVATE, "two"),
    )
    assert sorted(h.times()) == [0, 0, 20, 20]


# 5xx and network failures: bounded backoff


async def test_server_errors_back_off_exponentially_then_raise(h: Harness) -> None:
    h.session.queue(*[failure(502, "Bad Gateway")] * 4)
    error = await h.run_one(h.bot.send_message(PRIVATE, "hi"))
    assert isinstance(error, TelegramServerError)
    assert h.times() == [0, 0.5, 1.5, 3.5]


async def test_backoff_is_jittered_and_capped() -> None:
    policy = RetryPolicy(backoff_base=0.5, backoff_cap=8.0)
    assert [policy.backoff(failure, 1.0) for failure in range(1, 8)] == [
        0.5,
        1.0,
        2.0,
        4.0,
        8.0,
        8.0,
        8.0,
    ]
    assert policy.backoff(3, 0.25) == 0.5
    assert policy.backoff(3, 0.0) == 0.0


async def test_jitter_scales_the_wait() -> None:
    h = build_harness(jitter=0.5)
    h.session.queue(
        failure(500, "Internal Server Error: restart"),
        failure(503, "Service Unavailable"),
        ok(MEMBER),
        chat_id=PRIVATE,
    )
    member = await h.run_one(h.bot.get_chat_member(PRIVATE, PRIVATE))
    assert member.user.id == PRIVATE
    assert h.times() == [0, 0.25, 0.75]


async def test_network_errors_are_retried_and_raised_without_the_token(h: Harness) -> None:
    h.session.queue(*[NetworkFailure()] * 4)
    with capture_logs() as logs:
        error = await h.run_one(h.bot.send_message(PRIVATE, "hi"))
    assert isinstance(error, TelegramNetworkError)
    assert len(h.session.calls) == 4
    assert "sendMessage" in str(error)
    assert TOKEN not in str(error)
    assert error.__cause__ is None
    assert TOKEN not in "".join(traceback.format_exception(error))
    assert logs
    assert all(TOKEN not in str(value) for entry in logs for value in entry.values())


async def test_a_network_error_then_success(h: Harness) -> None:
    h.session.queue(NetworkFailure())
    assert isinstance(await h.run_one(h.bot.send_message(PRIVATE, "hi")), Message)
    assert h.times() == [0, 0.5]


async def test_an_html_error_page_from_a_proxy_is_retried(h: Harness) -> None:
    h.session.queue(Reply(502, "<html><h1>502 Bad Gateway</h1></html>"))
    assert isinstance(await h.run_one(h.bot.send_message(PRIVATE, "hi")), Message)
    assert len(h.session.calls) == 2


async def test_a_well_formed_answer_of_the_wrong_shape_is_not_retried(h: Harness) -> None:
    h.session.queue(ok("not a message"))
    assert isinstance(await h.run_one(h.bot.send_message(PRIVATE, "hi")), ClientDecodeError)
    assert len(h.session.calls) == 1


@pytest.mark.parametrize(
    ("status", "description", "expected"),
    [
        (400, "Bad Request: chat not found", TelegramBadRequest),
        (401, "Unauthorized", TelegramUnauthorizedError),
        (403, "Forbidden: bot can't initiate conversation with a user", TelegramForbiddenError),
        (404, "Not Found", TelegramNotFound),
        (409, "Conflict: terminated by other getUpdates request", TelegramConflictError),
        (413, "Request Entity Too Large", TelegramEntityTooLarge),
    ],
)
async def test_client_errors_are_never_retried(
    h: Harness, status: int, description: str, expected: type[Exception]
) -> None:
    h.session.queue(failure(status, description))
    assert type(await h.run_one(h.bot.send_message(PRIVATE, "hi"))) is expected
    assert len(h.session.calls) == 1
    assert h.lifecycle.unreachable == []


# group -> supergroup migration


async def test_migration_rekeys_the_chat_and_resends_once(h: Harness) -> None:
    h.session.queue(migrated(GROUP), chat_id=OLD_GROUP)
    with capture_logs() as logs:
        message = await h.run_one(h.bot.send_message(OLD_GROUP, "hello", parse_mode=None))
    assert isinstance(message, Message)
    assert message.chat.id == GROUP
    assert h.lifecycle.migrations == [(OLD_GROUP, GROUP)]
    assert [call.chat_id for call in h.session.calls] == [OLD_GROUP, GROUP]
    resent = h.session.calls[1].method
    assert getattr(resent, "text", None) == "hello"
    assert [entry["event"] for entry in logs] == ["telegram.chat_migrated"]
    assert logs[0]["new_chat_id"] == GROUP


async def test_a_second_migration_is_raised_not_followed(h: Harness) -> None:
    h.session.queue(migrated(GROUP), chat_id=OLD_GROUP)
    h.session.queue(migrated(-1009999), chat_id=GROUP)
    error = await h.run_one(h.bot.send_message(OLD_GROUP, "hello"))
    assert isinstance(error, TelegramMigrateToChat)
    assert error.migrate_to_chat_id == -1009999
    assert h.lifecycle.migrations == [(OLD_GROUP, GROUP)]
    assert len(h.session.calls) == 2


async def test_a_migration_with_a_different_source_chat_is_ambiguous(h: Harness) -> None:
    h.session.queue(migrated(GROUP))
    error = await h.run_one(h.bot.forward_message(PRIVATE, OLD_GROUP, message_id=5))
    assert isinstance(error, TelegramMigrateToChat)
    assert h.lifecycle.migrations == []
    assert len(h.session.calls) == 1


async def test_the_resend_after_a_migration_is_retried_like_any_call(h: Harness) -> None:
    h.session.queue(migrated(GROUP), chat_id=OLD_GROUP)
    h.session.queue(flood(4), chat_id=GROUP)
    assert isinstance(await h.run_one(h.bot.send_message(OLD_GROUP, "hello")), Message)
    assert [call.chat_id for call in h.session.calls] == [OLD_GROUP, GROUP, GROUP]


# blocked / kicked


@pytest.mark.parametrize(
    ("chat_id", "description", "reason"),
    [
        (PRIVATE, "Forbidden: bot was blocked by the user", "blocked"),
        (PRIVATE, "Forbidden: user is deactivated", "deactivated"),
        (GROUP, "Forbidden: bot was kicked from the supergroup chat", "kicked"),
        (OLD_GROUP, "Forbidden: bot was kicked from the group chat", "kicked"),
        (GROUP, "Forbidden: bot is not a member of the channel chat", "not_member"),
    ],
)
async def test_an_unreachable_chat_is_reported_and_the_error_raised(
    h: Harness, chat_id: int, description: str, reason: str
) -> None:
    h.session.queue(failure(403, description))
    with capture_logs() as logs:
        error = await h.run_one(h.bot.send_message(chat_id, "hi"))
    assert isinstance(error, TelegramForbiddenError)
    assert h.lifecycle.unreachable == [(chat_id, reason)]
    assert len(h.session.calls) == 1
    assert logs == [
        {
            "event": "telegram.chat_unreachable",
            "method": "sendMessage",
            "chat_id": chat_id,
            "reason": reason,
            "log_level": "info",
        }
    ]


async def test_a_blocked_copy_target_is_the_private_chat(h: Harness) -> None:
    h.session.queue(failure(403, "Forbidden: bot was blocked by the user"))
    await h.run_one(h.bot.copy_message(PRIVATE, GROUP, message_id=9))
    assert h.lifecycle.unreachable == [(PRIVATE, "blocked")]


async def test_a_kick_is_not_pinned_on_either_chat_of_a_forward(h: Harness) -> None:
    h.session.queue(failure(403, "Forbidden: bot was kicked from the supergroup chat"))
    await h.run_one(h.bot.forward_message(GROUP, -1005555, message_id=9))
    assert h.lifecycle.unreachable == []


async def test_a_kick_after_a_migration_concerns_the_new_chat(h: Harness) -> None:
    h.session.queue(migrated(GROUP), chat_id=OLD_GROUP)
    h.session.queue(failure(403, "Forbidden: bot was kicked from the supergroup chat"))
    error = await h.run_one(h.bot.send_message(OLD_GROUP, "hi"))
    assert isinstance(error, TelegramForbiddenError)
    assert h.lifecycle.unreachable == [(GROUP, "kicked")]


async def test_a_channel_username_is_not_reported(h: Harness) -> None:
    h.session.queue(failure(403, "Forbidden: bot is not a member of the channel chat"))
    assert isinstance(await h.run_one(h.bot.send_message("@fanclub", "hi")), TelegramForbiddenError)
    assert h.lifecycle.unreachable == []


@pytest.mark.parametrize(
    ("description", "reason"),
    [
        ("Forbidden: bot was blocked by the user", "blocked"),
        ("Forbidden: bot was kicked from the channel chat", "kicked"),
        ("Forbidden: USER IS DEACTIVATED", "deactivated"),
        ("Forbidden: bot is not a member of the supergroup chat", "not_member"),
        ("Forbidden: bot can't send messages to bots", None),
        ("Forbidden: not enough rights to send text messages to the chat", None),
    ],
)
def test_unreachable_reason(description: str, reason: str | None) -> None:
    assert unreachable_reason(description) == reason


# a flood too long to wait out


async def test_a_flood_longer_than_the_wait_limit_fails_fast_for_everyone(h: Harness) -> None:
    h.session.queue(flood(3600), chat_id=GROUP)
    with capture_logs() as logs:
        first, second = await h.clock.run(
            h.bot.send_message(GROUP, "one"),
            h.clock.after(1, h.bot.send_message(PRIVATE, "two")),
        )
    assert isinstance(first, TelegramRetryAfter)
    assert first.retry_after == 3600
    assert isinstance(second, TelegramRetryAfter)
    assert second.retry_after == 3599
    assert len(h.session.calls) == 1
    assert h.clock.elapsed() == 1
    assert [entry["event"] for entry in logs] == ["telegram.gave_up"]


async def test_a_pause_within_the_wait_limit_is_waited_out_by_later_calls(h: Harness) -> None:
    h.session.queue(flood(3600), chat_id=GROUP)
    await h.clock.run(h.bot.send_message(GROUP, "one"))
    h.clock.now += 3600 - 30
    assert isinstance(await h.run_one(h.bot.send_message(PRIVATE, "two")), Message)
    assert h.times()[-1] == 3600
