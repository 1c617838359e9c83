"""Typed, versioned callback data (64-byte cap). The chat id inside is data, never authority:
every operator button re-checks the clicker's role in that chat."""

from __future__ import annotations

from typing import Annotated

from aiogram.filters.callback_data import CallbackData
from pydantic import Field

# Python's int() reads any length (and "1_000", "٣"): a forged number past BIGINT would reach
# the database and fail there. Out of range, the data does not parse and the filter skips it.
BigInt = Annotated[int, Field(ge=-(2**63), le=2**63 - 1)]


# Operator buttons: the middleware re-checks the role in `chat_id` at every press.


class GroupPickCb(CallbackData, prefix="g1"):
    chat_id: BigInt


class AuditPageCb(CallbackData, prefix="a1"):
    chat_id: BigInt
    page: BigInt


class InboxPageCb(CallbackData, prefix="ib1"):
    chat_id: BigInt
    query: BigInt
    page: BigInt


class VideoPageCb(CallbackData, prefix="vp1"):
    chat_id: BigInt
    page: BigInt
    archived: bool


class ForgetUserCb(CallbackData, prefix="fu1"):
    """An operator's confirmation; the role in `chat_id` is re-checked live at the press."""

    chat_id: BigInt
    user_id: BigInt
    confirm: bool


class ZonePickCb(CallbackData, prefix="tz1"):
    """A time zone suggested to whoever added the bot; `zone` is read again at the press."""

    chat_id: BigInt
    zone: Annotated[str, Field(max_length=40)]


class RetagCb(CallbackData, prefix="rt1"):
    """Apply a tag change to the stored history (`go`), or leave it to new comments."""

    chat_id: BigInt
    run_id: BigInt
    go: bool


# Fans' buttons: anyone may press them; each handler checks who pressed.


class GiveawayEnterCb(CallbackData, prefix="ge1"):
    giveaway_id: BigInt


class GiveawayCheckCb(CallbackData, prefix="gc1"):
    giveaway_id: BigInt


# The /start payload of the announcement's link: `gw<giveaway id>` (t.me links allow
# A-Z, a-z, 0-9, _ and - only).
GIVEAWAY_START = "gw"


class FeedbackGroupCb(CallbackData, prefix="fbg1"):
    chat_id: BigInt
    message_id: BigInt


class ForgetCb(CallbackData, prefix="fg1"):
    """A fan's own confirmation: only the person it was sent to may press it."""

    user_id: BigInt
    confirm: bool


PUBLIC_CALLBACKS: tuple[type[CallbackData], ...] = (
    GiveawayEnterCb,
    GiveawayCheckCb,
    FeedbackGroupCb,
    ForgetCb,
)
