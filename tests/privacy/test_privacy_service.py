"""PrivacyService and RetentionService on their own (the scene only provides a fan who wrote in
the victim group): whom an operator may forget, and when a retention change is audited."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import AuditRecord
from bot.domain.roles import Actor
from bot.services.privacy import NoSuchPerson, NotInGroup, Person, PrivacyService
from bot.services.retention import RetentionService
from tests.support.cast import ADMIN, FAN, OTHER, VICTIM
from tests.support.scene import Scene


async def audited(session_factory: async_sessionmaker[AsyncSession]) -> list[str]:
    async with session_factory() as session:
        return list((await session.scalars(select(AuditRecord.action))).all())


async def test_only_a_fan_of_the_group_is_a_candidate(scene: Scene) -> None:
    privacy = PrivacyService(scene.session_factory)
    fan = Person(FAN["id"], "@lin_fan")
    assert await privacy.forget_candidate(VICTIM["id"], "@lin_fan") == fan
    assert await privacy.forget_candidate(VICTIM["id"], str(FAN["id"])) == fan
    assert await privacy.forget_candidate(VICTIM["id"], "@nobody") == NoSuchPerson("@nobody")
    assert await privacy.forget_candidate(VICTIM["id"], "-5") == NoSuchPerson("-5")
    assert await privacy.forget_candidate(OTHER["id"], "@lin_fan") == NotInGroup("@lin_fan")
    assert await privacy.forget_for_operator(OTHER["id"], Actor(ADMIN["id"]), FAN["id"]) is None
    assert await audited(scene.session_factory) == []
    assert await privacy.forget_for_operator(VICTIM["id"], Actor(ADMIN["id"]), FAN["id"]) == 1
    assert await audited(scene.session_factory) == ["fan-forgotten"]


async def test_clearing_a_retention_never_set_is_not_audited(scene: Scene) -> None:
    retention = RetentionService(scene.session_factory)
    await retention.set(VICTIM["id"], Actor(ADMIN["id"]), None)
    assert await audited(scene.session_factory) == []
    await retention.set(VICTIM["id"], Actor(ADMIN["id"]), 30)
    assert await retention.days(VICTIM["id"]) == 30
    await retention.set(VICTIM["id"], Actor(ADMIN["id"]), None)
    assert await retention.days(VICTIM["id"]) is None
    assert await audited(scene.session_factory) == ["retention-set", "retention-set"]
