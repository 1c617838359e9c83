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


class InboxLinkCb(CallbackData, prefix="il1"):
    """Linking feedback on an inbox page to a video: no message yet, pick the feedback; no video
    yet, pick the video; both, link."""

    chat_id: BigInt
    query: BigInt
    page: BigInt
    message_id: BigInt = 0
    video: BigInt = 0


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


class SettingsCb(CallbackData, prefix="st1"):
    """A screen of the settings panel: `home`, or one setting's choices."""

    chat_id: BigInt
    screen: Annotated[str, Field(max_length=8)]


class SettingChoiceCb(CallbackData, prefix="sc1"):
    """A value chosen on the panel; `value` is data, read again like typed input at the press."""

    chat_id: BigInt
    setting: Annotated[str, Field(max_length=8)]
    value: Annotated[str, Field(max_length=16)]


class RolesPanelCb(CallbackData, prefix="sr1"):
    """The roles screen and its person pickers: administrators only."""

    chat_id: BigInt
    action: Annotated[str, Field(max_length=8)]


class RevokePickCb(CallbackData, prefix="rv1"):
    """Revoke this person's role, from the roles screen (asked first): administrators only."""

    chat_id: BigInt
    user_id: BigInt


class DigestHereCb(CallbackData, prefix="dh1"):
    """Send the digest of `chat_id` to `target`, the chat /digest_chat was typed in."""

    chat_id: BigInt
    target: BigInt


class ConfirmCb(CallbackData, prefix="cf1"):
    """Yes or No to a destructive action an operator asked for (bot/services/undo.py); the
    action must belong to `chat_id` and be of an operator's kind."""

    chat_id: BigInt
    action: BigInt
    yes: bool


class UndoCb(CallbackData, prefix="ud1"):
    chat_id: BigInt
    action: BigInt


class AdminConfirmCb(CallbackData, prefix="cfa1"):
    """As ConfirmCb, for the actions only administrators take (revoking a role)."""

    chat_id: BigInt
    action: BigInt
    yes: bool


class AdminUndoCb(CallbackData, prefix="uda1"):
    chat_id: BigInt
    action: BigInt


class VideoAgainCb(CallbackData, prefix="va1"):
    """Post the announcement of a video already announced once more (`post`), or not."""

    chat_id: BigInt
    number: BigInt
    channel: bool
    post: bool


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


class PollListCb(CallbackData, prefix="pl1"):
    """A page of the /polls card."""

    chat_id: BigInt
    page: BigInt


class PollTap(StrEnum):
    RESULTS = "res"
    EXPORT = "exp"
    CLOSE = "cls"
    CANCEL = "cnl"


class PollItemCb(CallbackData, prefix="pi1"):
    """A poll's button on the /polls card (Back returns to the page the poll is on)."""

    chat_id: BigInt
    poll_id: BigInt
    tap: PollTap


class GiveawayListCb(CallbackData, prefix="gl1"):
    """A page of the /giveaways card."""

    chat_id: BigInt
    page: BigInt


class GiveawayTap(StrEnum):
    RESULTS = "res"
    EXPORT = "exp"
    END = "end"
    CANCEL = "cnl"
    REROLL = "rr"


class GiveawayItemCb(CallbackData, prefix="gi1"):
    """A giveaway's button on the /giveaways card."""

    chat_id: BigInt
    giveaway_id: BigInt
    tap: GiveawayTap


class GiveawayCancelCb(CallbackData, prefix="gk1"):
    """The reason picked for a cancel (a key of the offered reasons, read again at the press)."""

    chat_id: BigInt
    giveaway_id: BigInt
    reason: Annotated[str, Field(max_length=12)]


class GiveawayRerollCb(CallbackData, prefix="gx1"):
    """A reroll's steps: `choice` is the winner's place (`2`), then the place and the reason
    picked (`2.silent`); the 64-byte cap leaves room for no more fields."""

    chat_id: BigInt
    giveaway_id: BigInt
    choice: Annotated[str, Field(pattern=r"^[1-9][0-9]{0,2}(\.[a-z]{1,10})?$")]


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
# From a group's /start or /help (operators), and from /mydata or /forget in a group when the
# fan had never started the bot.
CONSOLE_START = "console"
MYDATA_START = "mydata"
FORGET_START = "forget"


class FeedbackGroupCb(CallbackData, prefix="fbg1"):
    chat_id: BigInt
    message_id: BigInt


class ForgetCb(CallbackData, prefix="fg1"):
    """A fan's own confirmation: only the person it was sent to may press it."""

    user_id: BigInt
    confirm: bool


class DoorCb(CallbackData, prefix="dr1"):
    """A newcomer's press at the door: only the person the check was put to may pass it."""

    check_id: BigInt
    action: Annotated[str, Field(max_length=8)]  # pass, rules


class DoorPanelCb(CallbackData, prefix="dp1"):
    """A door setting switched on the /settings panel; `value` is read again like typed input."""

    chat_id: BigInt
    setting: Annotated[str, Field(max_length=16)]
    value: Annotated[str, Field(max_length=16)]


class ReportCb(CallbackData, prefix="rp1"):
    """An operator's decision on a fan's /report: ban, mute or dismiss."""

    chat_id: BigInt
    report_id: BigInt
    action: Annotated[str, Field(max_length=8)]


class SpamCb(CallbackData, prefix="sp1"):
    """An operator's decision on a spam report: undo, ban or clear (not spam)."""

    chat_id: BigInt
    report_id: BigInt
    action: Annotated[str, Field(max_length=8)]


PUBLIC_CALLBACKS: tuple[type[CallbackData], ...] = (
    DoorCb,
    GiveawayEnterCb,
    GiveawayCheckCb,
    FeedbackGroupCb,
    ForgetCb,
)


# Guided flows in private chat (handlers/flow_steps.py): one layout per flow. `act` names the
# button (the machinery's own are "back" and "cancel"), `value` what it picks.


class PollFlowCb(CallbackData, prefix="pf1"):
    chat_id: BigInt
    act: str
    value: BigInt = 0


class GiveawayFlowCb(CallbackData, prefix="gf1"):
    chat_id: BigInt
    act: str
    value: BigInt = 0


class VideoLinkCb(CallbackData, prefix="vl1"):
    """A tap on the /video_links card: rename or revoke a link (asked first), or back to the
    card; the link is looked up in `chat_id` again, where the role is re-checked."""

    chat_id: BigInt
    link_id: BigInt
    act: str  # rename, revoke, revoke-yes, list


class TagProposalCb(CallbackData, prefix="kp1"):
    """Accept (`take`) or decline a keyword the group's corrections propose; `key` names the
    proposal (bot/domain/tagging/keyword_learning.py), which is looked up again at the tap."""

    chat_id: BigInt
    key: str
    take: bool
