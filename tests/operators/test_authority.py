"""Every operator command and button of the product, sent by people without authority: nothing
changes and nothing privileged is called. The commands come from the dispatcher itself, so a
command registered without a declared role fails here."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram import Dispatcher, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.methods import AnswerCallbackQuery, SendMessage
from aiogram.types import Message

from bot.db.operators import grant_role, select_group
from bot.domain.roles import OperatorCommand
from handlers.authority import declared_callbacks, declared_commands, operator_commands
from handlers.callbacks import (
    PUBLIC_CALLBACKS,
    AdminConfirmCb,
    AdminUndoCb,
    AuditPageCb,
    ConfirmCb,
    DigestHereCb,
    DoorPanelCb,
    DraftAct,
    ForgetUserCb,
    GiveawayCancelCb,
    GiveawayDraftCb,
    GiveawayFlowCb,
    GiveawayItemCb,
    GiveawayListCb,
    GiveawayRerollCb,
    GiveawayTap,
    GroupPickCb,
    InboxLinkCb,
    InboxPageCb,
    PollDraftCb,
    PollFlowCb,
    PollItemCb,
    PollListCb,
    PollTap,
    ReportCb,
    RetagCb,
    RevokePickCb,
    RolesPanelCb,
    SettingChoiceCb,
    SettingsCb,
    SpamCb,
    TagProposalCb,
    UndoCb,
    VideoAgainCb,
    VideoLinkCb,
    VideoPageCb,
    ZonePickCb,
)
from tests.operators.support import dump
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, OTHER, OTHER_ADMIN, OWNER, VICTIM
from tests.support.scene import Scene

# Arguments that would change something if the gate let them through.
ARGUMENTS = {
    "grant": "operator @lin_fan",
    "revoke": "@lin_fan",
    "language": "zh",
    "audit": "",
    "status": "",
    "forget_user": "@lin_fan",
    "retention": "30d",
    "video_add": "BV1xx411c7mD | MV",
    "video_archive": "v1",
}
FORGED: dict[type[CallbackData], CallbackData] = {
    GroupPickCb: GroupPickCb(chat_id=VICTIM["id"]),
    AuditPageCb: AuditPageCb(chat_id=VICTIM["id"], page=0),
    ForgetUserCb: ForgetUserCb(chat_id=VICTIM["id"], user_id=FAN["id"], confirm=True),
    InboxPageCb: InboxPageCb(chat_id=VICTIM["id"], query=1, page=1),
    InboxLinkCb: InboxLinkCb(chat_id=VICTIM["id"], query=1, page=0, message_id=5, video=1),
    VideoPageCb: VideoPageCb(chat_id=VICTIM["id"], page=1, archived=True),
    ZonePickCb: ZonePickCb(chat_id=VICTIM["id"], zone="Asia/Tokyo"),
    SettingsCb: SettingsCb(chat_id=VICTIM["id"], screen="ret"),
    SettingChoiceCb: SettingChoiceCb(chat_id=VICTIM["id"], setting="ret", value="30"),
    RolesPanelCb: RolesPanelCb(chat_id=VICTIM["id"], action="show"),
    DigestHereCb: DigestHereCb(chat_id=VICTIM["id"], target=OTHER["id"]),
    ConfirmCb: ConfirmCb(chat_id=VICTIM["id"], action=1, yes=True),
    UndoCb: UndoCb(chat_id=VICTIM["id"], action=1),
    AdminConfirmCb: AdminConfirmCb(chat_id=VICTIM["id"], action=1, yes=True),
    AdminUndoCb: AdminUndoCb(chat_id=VICTIM["id"], action=1),
    RevokePickCb: RevokePickCb(chat_id=VICTIM["id"], user_id=FAN["id"]),
    VideoAgainCb: VideoAgainCb(chat_id=VICTIM["id"], number=1, channel=False, post=True),
    PollDraftCb: PollDraftCb(chat_id=VICTIM["id"], draft_id=1, act=DraftAct.GO),
    GiveawayDraftCb: GiveawayDraftCb(chat_id=VICTIM["id"], draft_id=1, act=DraftAct.GO),
    RetagCb: RetagCb(chat_id=VICTIM["id"], run_id=1, go=True),
    TagProposalCb: TagProposalCb(chat_id=VICTIM["id"], key="0123456789", take=True),
    PollFlowCb: PollFlowCb(chat_id=VICTIM["id"], act="group"),
    GiveawayFlowCb: GiveawayFlowCb(chat_id=VICTIM["id"], act="group"),
    PollListCb: PollListCb(chat_id=VICTIM["id"], page=1),
    PollItemCb: PollItemCb(chat_id=VICTIM["id"], poll_id=1, tap=PollTap.CLOSE),
    GiveawayListCb: GiveawayListCb(chat_id=VICTIM["id"], page=1),
    GiveawayItemCb: GiveawayItemCb(chat_id=VICTIM["id"], giveaway_id=1, tap=GiveawayTap.CANCEL),
    GiveawayCancelCb: GiveawayCancelCb(chat_id=VICTIM["id"], giveaway_id=1, reason="prize"),
    GiveawayRerollCb: GiveawayRerollCb(chat_id=VICTIM["id"], giveaway_id=1, choice="1.silent"),
    DoorPanelCb: DoorPanelCb(chat_id=VICTIM["id"], setting="dry_run", value="on"),
    ReportCb: ReportCb(chat_id=VICTIM["id"], report_id=1, action="ban"),
    VideoLinkCb: VideoLinkCb(chat_id=VICTIM["id"], link_id=1, act="revoke-yes"),
    SpamCb: SpamCb(chat_id=VICTIM["id"], report_id=1, action="ban"),
}


def assert_every_command_declared(dispatcher: Dispatcher) -> None:
    undeclared = [
        (c.name, c.router) for c in declared_commands(dispatcher) if not (c.operator or c.public)
    ]
    assert undeclared == [], f"commands registered without a required role: {undeclared}"
    loose = [
        (c.callback, c.router)
        for c in declared_callbacks(dispatcher)
        if c.operator is None and c.callback not in PUBLIC_CALLBACKS
    ]
    assert loose == [], f"buttons registered without a required role: {loose}"
    for command in operator_commands(dispatcher):
        assert command.role.value > 0, command


def command_text(spec: OperatorCommand) -> str:
    return f"/{spec.name} {ARGUMENTS.get(spec.name, '')}".strip()


async def prepare_victim(scene: Scene) -> None:
    """A granted analyst whom /revoke could remove, and consoles pointing at the victim group
    (as if chosen back when these people had a role there)."""
    now = datetime.now(UTC)
    async with scene.session_factory() as session, session.begin():
        await grant_role(
            session,
            chat_id=VICTIM["id"],
            user_id=FAN["id"],
            role="analyst",
            granted_by_user_id=OWNER["id"],
            now=now,
        )
        for person in (MEMBER, OTHER_ADMIN):
            await select_group(session, person["id"], VICTIM["id"], now)


async def test_every_command_and_button_declares_a_role(scene: Scene) -> None:
    assert_every_command_declared(scene.pipeline.dispatcher)
    declared = {c.callback for c in declared_callbacks(scene.pipeline.dispatcher)}
    # Fan-facing buttons (Enter) are anyone's to press: their own tests cover who may use them.
    assert declared - set(PUBLIC_CALLBACKS) == set(FORGED), (
        "add a forged example of every operator button to FORGED"
    )


def test_a_command_registered_without_a_role_fails_the_check(scene: Scene) -> None:
    rogue = Router(name="rogue feature")

    async def cmd_draw(message: Message) -> None:
        return None

    rogue.message.register(cmd_draw, Command("draw"))
    scene.pipeline.dispatcher.sub_routers[0].include_router(rogue)
    with pytest.raises(AssertionError, match="draw"):
        assert_every_command_declared(scene.pipeline.dispatcher)


def attempts(scene: Scene) -> list[tuple[str, dict[str, Any], set[int]]]:
    """(who, update, chats a refusal may go to) for every command and button."""
    specs = operator_commands(scene.pipeline.dispatcher)
    assert {spec.name for spec in specs} >= set(ARGUMENTS)
    updates = scene.updates
    table: list[tuple[str, dict[str, Any], set[int]]] = []
    for spec in specs:
        text = command_text(spec)
        table += [
            ("plain member", updates.command(VICTIM, MEMBER, text), {VICTIM["id"]}),
            ("admin of another group", updates.command(VICTIM, OTHER_ADMIN, text), {VICTIM["id"]}),
            (
                "forged anonymous admin",
                updates.command(VICTIM, u.GROUP_ANONYMOUS_BOT, text, sender_chat=OTHER),
                {VICTIM["id"]},
            ),
            (
                "posting as a channel",
                updates.command(VICTIM, u.CHANNEL_BOT, text, sender_chat=u.channel()),
                {VICTIM["id"]},
            ),
        ]
        if spec.console:
            for person in (MEMBER, OTHER_ADMIN):
                private = u.private(person)
                table.append(
                    ("from private", updates.command(private, person, text), {person["id"]})
                )
    for forged in FORGED.values():
        for person in (MEMBER, OTHER_ADMIN):
            table.append(
                ("forged button", scene.button(person, u.private(person), forged.pack()), set())
            )
    return table


async def test_no_one_without_authority_changes_anything(scene: Scene) -> None:
    await prepare_victim(scene)
    before = await dump(scene.session_factory)
    for who, update, reply_chats in attempts(scene):
        scene.telegram.calls.clear()
        await scene.pipeline.deliver(update)
        privileged = scene.telegram.privileged(allowed_chats=reply_chats)
        assert privileged == [], (who, update, privileged)
        refusals = [
            c for c in scene.telegram.calls if isinstance(c, (SendMessage, AnswerCallbackQuery))
        ]
        assert refusals, f"{who}: the command reached no handler at all: {update}"
        assert await dump(scene.session_factory) == before, (who, update)


async def test_the_owner_and_administrators_can_run_them(scene: Scene) -> None:
    await prepare_victim(scene)
    before = await dump(scene.session_factory)
    await scene.send(VICTIM, OWNER, "/grant operator @lin_fan")
    await scene.send(VICTIM, ADMIN, "/language zh")
    after = await dump(scene.session_factory)
    assert after["chat_roles"] != before["chat_roles"]
    assert [row[4] for row in after["audit_log"]] == ["role-granted", "group-language-set"]
    await scene.pipeline.deliver(scene.updates.as_anonymous_admin(VICTIM, "/revoke @lin_fan"))
    await scene.confirm(OWNER)  # whoever presses Yes is an administrator too
    roles = (await dump(scene.session_factory))["chat_roles"]
    assert FAN["id"] not in [row[1] for row in roles]
