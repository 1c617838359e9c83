"""Typed, versioned callback data (64-byte cap). The chat id inside is data, never authority:
every operator button re-checks the clicker's role in that chat."""

from __future__ import annotations

from typing import Annotated

from aiogram.filters.callback_data import CallbackData
from pydantic import Field

# Python's int() reads any length (and "1_000", "٣"): a forged number past BIGINT would reach
# the database and fail there. Out of range, the data does not parse and the filter skips it.
BigInt = Annotated[int, Field(ge=-(2**63), le=2**63 - 1)]


class GroupPickCb(CallbackData, prefix="g1"):
    chat_id: BigInt


class AuditPageCb(CallbackData, prefix="a1"):
    chat_id: BigInt
    page: BigInt
