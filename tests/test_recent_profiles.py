"""Chat and user rows are rewritten only when they change or grow stale."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.db.recent_profiles import RecentProfiles
from bot.domain.records import ChatSeen, UserSeen

T0 = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def chat(title: str = "Fans", at: datetime = T0) -> ChatSeen:
    return ChatSeen(id=-100, type="supergroup", title=title, username=None, seen_at=at)


def user(name: str = "Lin", at: datetime = T0) -> UserSeen:
    return UserSeen(
        id=7,
        is_bot=False,
        first_name=name,
        last_name=None,
        username=None,
        language_code="zh",
        seen_at=at,
    )


def test_unknown_profiles_are_written_once_per_batch_with_the_latest_state() -> None:
    profiles = RecentProfiles()
    latest = chat("Fans 2", T0 + timedelta(seconds=5))
    assert profiles.chats_to_write([chat(), latest]) == [latest]


def test_remembered_profiles_are_skipped_until_they_change_or_grow_stale() -> None:
    profiles = RecentProfiles(refresh_after=timedelta(minutes=10))
    profiles.remember([chat()], [user()])
    assert profiles.chats_to_write([chat(at=T0 + timedelta(minutes=1))]) == []
    assert profiles.users_to_write([user(at=T0 + timedelta(minutes=1))]) == []
    renamed = user("Lin ✨", T0 + timedelta(minutes=1))
    assert profiles.users_to_write([renamed]) == [renamed]
    later = chat(at=T0 + timedelta(minutes=10))
    assert profiles.chats_to_write([later]) == [later]


def test_nothing_is_remembered_unless_told_after_a_commit() -> None:
    profiles = RecentProfiles()
    assert profiles.chats_to_write([chat()]) == [chat()]
    assert profiles.chats_to_write([chat()]) == [chat()]


def test_capacity_bounds_memory() -> None:
    profiles = RecentProfiles(capacity=2)
    profiles.remember([], [user(str(n)) for n in range(1)])
    many = [
        UserSeen(
            id=n,
            is_bot=False,
            first_name="x",
            last_name=None,
            username=None,
            language_code=None,
            seen_at=T0,
        )
        for n in range(5)
    ]
    profiles.remember([], many)
    assert len(profiles.users_to_write(many)) == 3
