"""Uploaded files are read in a worker process with a deadline and a memory limit
(bot/services/bounded_parse.py): a file that is more work than any file may be is stopped, and
the event loop every group shares goes on meanwhile."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.domain.video_metrics_import import parse_metrics
from bot.domain.video_metrics_read import FileErrorCode, MetricsFileError
from bot.services.bounded_parse import ParseBudgetExceeded, parse_bounded


async def test_a_parse_past_its_deadline_is_stopped_while_the_loop_goes_on() -> None:
    ticks = 0

    async def other_groups() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    beside = asyncio.create_task(other_groups())
    try:
        with pytest.raises(ParseBudgetExceeded) as stopped:
            await parse_bounded(time.sleep, 120, deadline=0.5)
    finally:
        beside.cancel()
    assert stopped.value.seconds == 0.5
    assert ticks > 0, "the event loop was free while the worker ran"


async def test_a_parse_over_its_memory_is_stopped() -> None:
    with pytest.raises(ParseBudgetExceeded):
        await parse_bounded(bytearray, 1024**3, memory=256 * 1024**2)


async def test_what_the_parser_returns_or_raises_comes_back_as_it_was() -> None:
    parsed = await parse_bounded(parse_metrics, b"video,date,plays\r\nv1,2026-11-27,12\r\n")
    assert parsed == parse_metrics(b"video,date,plays\r\nv1,2026-11-27,12\r\n")
    with pytest.raises(MetricsFileError) as refused:
        await parse_bounded(parse_metrics, b"")
    assert refused.value.code is parse_error_code(b"")


def parse_error_code(content: bytes) -> FileErrorCode:
    try:
        parse_metrics(content)
    except MetricsFileError as error:
        return error.code
    raise AssertionError("the file was expected to be refused")
