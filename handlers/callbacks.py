"""Typed, versioned callback data (64-byte cap). The chat id inside is data, never authority:
every operator button re-checks the clicker's role in that chat."""

from __future__ import annotations

from enum import StrEnum
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


class DraftAct(StrEnum):
    GO = "go"  # Send a preview, Yes to a question
    EDIT = "edit"
    DROP = "drop"  # Cancel a preview, No to a question


class PollDraftCb(CallbackData, prefix="pd1"):
    """A tap on a poll's preview or question: only the operator who made it acts (the handler
    checks the presser against the draft's owner)."""

    chat_id: BigInt
    draft_id: BigInt
    act: DraftAct


class GiveawayDraftCb(CallbackData, prefix="gd1"):
    """A tap on a giveaway's preview or question: only the operator who made it acts."""

    chat_id: BigInt
    draft_id: BigInt
    act: DraftAct


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
