"""The operator use cases on their own: no dispatcher, no aiogram, Telegram's side scripted."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.chat_settings import mark_group_removed, register_group
from bot.db.models import AuditRecord, ChatRole
from bot.db.operators import grant_role
from bot.domain.roles import Actor, OperatorCommand, Role
from bot.services.audit_log import AuditLog
from bot.services.authority import Authority, Authorized, FromConsole, FromGroup, Pressed, Refusal
from bot.services.console import Console
from bot.services.roles import NoSubject, Person, Revoked, Roles, Typed

GROUP = -1001000000111
OWNER = 9001
HELPER = 9002
STRANGER = 9003
BOOTSTRAP = 9999
STATUS = OperatorCommand("status", Role.ANALYST)
GRANT = OperatorCommand("grant", Role.ADMINISTRATOR, destructive=True)


@dataclass
class Directory:
    """Telegram as the cache sees it, and as it answers when asked live."""

    cached: dict[int, str] = field(default_factory=dict)
    live: dict[int, str] = field(default_factory=dict)
    asked_live: list[int] = field(default_factory=list)

    async def status(self, chat_id: int, user_id: int) -> str | None:
        return self.cached.get(user_id)

    async def live_status(self, chat_id: int, user_id: int) -> str | None:
        self.asked_live.append(user_id)
        return self.live.get(user_id)

    async def groups_of(self, user_id: int) -> set[int]:
        return {GROUP} if user_id in self.cached else set()


async def a_group(
    session_factory: async_sessionmaker[AsyncSession], chat_id: int = GROUP, title: str = "Fans"
) -> None:
    async with session_factory() as session, session.begin():
        await register_group(
            session,
            chat_id=chat_id,
            chat_type="supergroup",
            title=title,
            username=None,
            added_by_user_id=None,
            now=datetime.now(UTC),
        )


async def grant(session_factory: async_sessionmaker[AsyncSession], user_id: int, role: str) -> None:
    async with session_factory() as session, session.begin():
        await grant_role(
            session,
            chat_id=GROUP,
            user_id=user_id,
            role=role,
            granted_by_user_id=OWNER,
            now=datetime.now(UTC),
        )


def authority(session_factory: async_sessionmaker[AsyncSession], directory: Directory) -> Authority:
    return Authority(session_factory, directory, bootstrap={BOOTSTRAP})


async def test_a_granted_role_counts_only_while_telegram_says_the_person_is_still_there(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await a_group(session_factory)
    await grant(session_factory, HELPER, "operator")
    directory = Directory(live={HELPER: "left"})
    rules = authority(session_factory, directory)
    assert await rules.role(GROUP, HELPER, live=False) == Role.OPERATOR
    assert await rules.role(GROUP, HELPER, live=True) == Role.NONE
    assert directory.asked_live == [HELPER]
    assert await rules.role(GROUP, BOOTSTRAP, live=False) == Role.OPERATOR
    assert await rules.role(GROUP, STRANGER, live=False) == Role.NONE


async def test_a_destructive_command_asks_telegram_live_and_a_plain_one_trusts_the_cache(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await a_group(session_factory)
    directory = Directory(cached={OWNER: "creator"}, live={})
    rules = authority(session_factory, directory)
    typed = FromGroup(GROUP, "supergroup", "Fans", Actor(user_id=OWNER))
    allowed = await rules.authorize(typed, STATUS)
    assert allowed == Authorized(GROUP, "Fans", Actor(user_id=OWNER), Role.ADMINISTRATOR, False)
    refused = await rules.authorize(typed, GRANT)
    assert refused == Refusal(
        "refused-role", {"required": "administrator", "title": "Fans", "command": "grant"}
    )
    assert directory.asked_live == [OWNER]


async def test_the_console_needs_a_chosen_group_and_a_group_still_ours(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await a_group(session_factory)
    rules = authority(session_factory, Directory(cached={OWNER: "creator"}))
    assert await rules.authorize(FromConsole(OWNER), STATUS) == Refusal("console-no-group")
    async with session_factory() as session, session.begin():
        await mark_group_removed(session, GROUP, "kicked")
    pressed_in_private = Pressed(GROUP, OWNER, in_private=True)
    assert await rules.authorize(pressed_in_private, STATUS) == Refusal("refused-group-inactive")
    pressed_in_group = Pressed(GROUP, OWNER, in_private=False)
    assert await rules.authorize(pressed_in_group, STATUS) == Refusal(None)


async def test_a_group_command_stores_its_chat_before_deciding(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    rules = authority(session_factory, Directory(cached={OWNER: "creator"}))
    typed = FromGroup(-1001000000333, "supergroup", "New fans", Actor(user_id=OWNER))
    decided = await rules.authorize(typed, STATUS)
    assert isinstance(decided, Authorized)
    assert (decided.title, decided.role) == ("New fans", Role.ADMINISTRATOR)


async def test_an_anonymous_administrator_acts_only_for_its_own_group(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await a_group(session_factory)
    rules = authority(session_factory, Directory())
    own = Actor(user_id=None, anonymous_chat_id=GROUP)
    foreign = Actor(user_id=None, anonymous_chat_id=-1001000000999)
    decided = await rules.authorize(FromGroup(GROUP, "supergroup", "Fans", own), GRANT)
    assert isinstance(decided, Authorized) and decided.role == Role.ADMINISTRATOR
    refused = await rules.authorize(FromGroup(GROUP, "supergroup", "Fans", foreign), STATUS)
    assert isinstance(refused, Refusal) and refused.key == "refused-role"


async def test_grant_and_revoke_change_the_role_and_write_the_audit_log(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await a_group(session_factory)
    roles = Roles(session_factory)
    actor = Actor(user_id=OWNER)
    assert await roles.grant(GROUP, actor, Typed("@nobody"), Role.OPERATOR) == NoSubject(
        "subject-unknown", who="@nobody"
    )
    assert await roles.grant(GROUP, actor, Typed("operator"), Role.OPERATOR) == NoSubject(
        "subject-missing"
    )
    helper = Person(HELPER, "Helper")
    assert await roles.grant(GROUP, actor, helper, Role.ANALYST) == helper
    assert await roles.revoke(GROUP, actor, Typed(str(HELPER))) == Revoked(
        Person(HELPER, str(HELPER)), revoked=True
    )
    assert await roles.revoke(GROUP, actor, helper) == Revoked(helper, revoked=False)
    async with session_factory() as session:
        assert (await session.scalars(select(ChatRole))).all() == []
        logged = (await session.execute(select(AuditRecord.action, AuditRecord.detail))).all()
    assert sorted(tuple(row) for row in logged) == [
        ("role-granted", "analyst"),
        ("role-revoked", None),
    ]


async def test_the_audit_log_reads_a_page_that_exists(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await a_group(session_factory)
    roles = Roles(session_factory)
    for user_id in range(1, 12):
        await roles.grant(GROUP, Actor(user_id=OWNER), Person(user_id, "x"), Role.ANALYST)
    log = AuditLog(session_factory, default_timezone="UTC")
    last = await log.page(GROUP, wanted=99)
    assert (last.page.page, last.page.pages, len(last.entries)) == (1, 2, 1)
    first = await log.page(GROUP, wanted=-3)
    assert (first.page.page, len(first.entries)) == (0, 10)
    assert {entry.actor for entry in first.entries} == {str(OWNER)}
    assert first.timezone == "UTC"


async def test_the_console_lists_the_groups_a_person_operates_and_remembers_the_choice(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await a_group(session_factory)
    await a_group(session_factory, -1001000000222, "Other")
    directory = Directory(cached={OWNER: "creator"})
    console = Console(
        session_factory, authority(session_factory, directory), directory, {BOOTSTRAP}
    )
    assert (await console.groups(STRANGER)).groups == []
    operated = await console.groups(OWNER)
    assert [(g.chat_id, g.title) for g in operated.groups] == [(GROUP, "Fans")]
    assert operated.current is None
    await console.choose(OWNER, GROUP)
    assert (await console.groups(OWNER)).current == GROUP
    everything = await console.groups(BOOTSTRAP)
    assert [g.title for g in everything.groups] == ["Fans", "Other"]
