"""A role ends when its holder is no longer a member (issue 20, High): a granted operator who is
banned or leaves loses the role when Telegram's chat_member update says so, audited; when that
update never arrives, the live check before anything destructive and before each digest ends it
just the same. A demoted administrator is refused by every destructive command at once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from aiogram.methods import GetChatMember
from aiogram.types import ChatMemberRestricted
from sqlalchemy import select

from bot.db.models import AuditRecord, ChatRole, RetentionSetting
from bot.domain.charts import Bar, DayActivity, DigestLabels
from bot.i18n import Translator
from bot.services.clock import Clock
from bot.services.digest_delivery import DigestService
from bot.telegram.digest_courier import TelegramDigestCourier
from handlers.authority import operator_commands
from tests.support import updates as u
from tests.support.cast import ADMIN, MEMBER, OWNER, VICTIM
from tests.support.clock import FakeClock
from tests.support.scene import Scene

EN = Translator.load().bind("en")


async def _operator(scene: Scene, role: str = "operator") -> None:
    await scene.say(VICTIM, MEMBER, "hi all")
    await scene.send(VICTIM, OWNER, f"/grant {role} @max")
    assert await _roles(scene) == [(MEMBER["id"], role)]


async def _roles(scene: Scene) -> list[tuple[int, str]]:
    async with scene.session_factory() as session:
        rows = await session.execute(
            select(ChatRole.user_id, ChatRole.role).where(ChatRole.chat_id == VICTIM["id"])
        )
    return [(row.user_id, row.role) for row in rows]


async def _endings(scene: Scene) -> list[tuple[int | None, int | None, str | None]]:
    async with scene.session_factory() as session:
        rows = await session.execute(
            select(AuditRecord.actor_user_id, AuditRecord.subject_user_id, AuditRecord.detail)
            .where(AuditRecord.chat_id == VICTIM["id"], AuditRecord.action == "role-ended")
            .order_by(AuditRecord.id)
        )
    return [(row.actor_user_id, row.subject_user_id, row.detail) for row in rows]


def _refused(scene: Scene, required: str = "analyst") -> bool:
    refusal = EN("refused-role", required=required, title=VICTIM["title"], command="")
    return scene.telegram.sent(VICTIM["id"])[-1] == str(refusal)


async def test_a_banned_operator_loses_the_role_when_telegram_says_so(scene: Scene) -> None:
    await _operator(scene)
    await scene.send(VICTIM, MEMBER, "/inbox")
    assert not _refused(scene)

    await scene.deliver(
        u.member_update(scene.updates, VICTIM, actor=OWNER, user=MEMBER, old="member", new="kicked")
    )
    assert await _roles(scene) == []
    assert await _endings(scene) == [(OWNER["id"], MEMBER["id"], "kicked")]
    await scene.send(VICTIM, MEMBER, "/inbox")
    assert _refused(scene)
    await scene.send(VICTIM, OWNER, "/audit")
    assert "ended the role of @max: removed from the group" in scene.replies(VICTIM["id"])[-1]


async def test_an_operator_who_leaves_loses_the_role(scene: Scene) -> None:
    await _operator(scene, "analyst")
    await scene.leave(VICTIM, MEMBER)
    assert await _roles(scene) == []
    assert await _endings(scene) == [(MEMBER["id"], MEMBER["id"], "left")]


async def test_a_restricted_person_no_longer_in_the_group_has_left(scene: Scene) -> None:
    await _operator(scene)
    update = u.member_update(
        scene.updates, VICTIM, actor=OWNER, user=MEMBER, old="member", new="restricted"
    )
    restricted = update["chat_member"]["new_chat_member"]
    restricted.update({"is_member": False, "until_date": 0})
    restricted.update(dict.fromkeys(_RESTRICTED_RIGHTS, False))
    await scene.deliver(update)
    assert await _roles(scene) == []
    assert await _endings(scene) == [(OWNER["id"], MEMBER["id"], "left")]


# Every right a restricted member's record must state (aiogram's ChatMemberRestricted).
_RESTRICTED_RIGHTS = [
    name
    for name, field in ChatMemberRestricted.model_fields.items()
    if name.startswith("can_") and field.is_required()
]


async def test_without_the_update_a_destructive_command_checks_live_and_ends_the_role(
    scene: Scene,
) -> None:
    await _operator(scene)
    scene.telegram.left.add((VICTIM["id"], MEMBER["id"]))  # banned, and no chat_member came
    scene.telegram.calls.clear()
    await scene.send(VICTIM, MEMBER, "/retention 1d")
    assert scene.telegram.methods(GetChatMember), "retention purges text: asked live"
    assert _refused(scene, "operator")
    async with scene.session_factory() as session:
        assert await session.get(RetentionSetting, VICTIM["id"]) is None
    assert await _roles(scene) == []
    assert await _endings(scene) == [(MEMBER["id"], MEMBER["id"], "left")]


async def test_no_digest_for_someone_who_left_without_an_update(scene: Scene) -> None:
    await _operator(scene, "analyst")
    scene.telegram.started.add(MEMBER["id"])
    await scene.send(VICTIM, MEMBER, "/digest_subscribe")
    scene.telegram.left.add((VICTIM["id"], MEMBER["id"]))
    now = FakeClock(datetime(2026, 6, 10, 9, 0, tzinfo=UTC))
    reports = await _digest_clock(scene, now).tick()
    assert [
        r.detail for r in reports if r.job == f"digest:daily:{VICTIM['id']}:u{MEMBER['id']}"
    ] == ["skipped: no longer an operator of the group"]
    assert scene.photos(MEMBER["id"]) == [] and scene.telegram.sent(MEMBER["id"]) == []
    assert await _roles(scene) == []


def _digest_clock(scene: Scene, now: FakeClock) -> Clock:
    def chart(
        activity: Sequence[DayActivity], feedback: Sequence[Bar], labels: DigestLabels
    ) -> bytes:
        return b"\x89PNG"

    service = DigestService(
        scene.session_factory,
        Translator.load(),
        TelegramDigestCourier(scene.pipeline.bot, scene.pipeline.dispatcher["authority"]),
        default_timezone="UTC",
        default_language="en",
        chart=chart,
    )
    return Clock(scene.session_factory, [service], now=now, catch_up=timedelta(hours=1))


async def test_a_demoted_administrator_is_refused_by_every_destructive_command(
    scene: Scene,
) -> None:
    await scene.send(VICTIM, ADMIN, "/inbox")  # Telegram's list of administrators is cached
    scene.telegram.set_status(VICTIM["id"], ADMIN["id"], "member")  # demoted, no update came
    destructive = [
        spec for spec in operator_commands(scene.pipeline.dispatcher) if spec.destructive
    ]
    assert {"forget_user", "retention", "revoke", "poll_close", "giveaway_cancel"} <= {
        spec.name for spec in destructive
    }
    for spec in destructive:
        scene.telegram.calls.clear()
        await scene.send(VICTIM, ADMIN, f"/{spec.name}")
        assert scene.telegram.methods(GetChatMember), spec.name
        refusal = scene.telegram.sent(VICTIM["id"])[-1]
        assert refusal == str(
            EN("refused-role", required=spec.role.key, title=VICTIM["title"], command=spec.name)
        ), spec.name
