"""Chat and user rows this process wrote lately, so a busy group does not rewrite them per batch.

A profile is written again when it changes (a new title, name or username) or when its
`last_*_at` is older than the refresh interval. Entries are remembered only after the batch that
wrote them committed, so a rolled-back batch never makes a row look written.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Iterable
from datetime import datetime, timedelta
from typing import TypeVar

from bot.domain.records import ChatSeen, UserSeen

Profile = TypeVar("Profile", ChatSeen, UserSeen)

REFRESH_AFTER = timedelta(minutes=10)
CAPACITY = 200_000


class RecentProfiles:
    def __init__(self, refresh_after: timedelta = REFRESH_AFTER, capacity: int = CAPACITY) -> None:
        self.refresh_after = refresh_after
        self.capacity = capacity
        self._written: OrderedDict[Hashable, tuple[Hashable, datetime]] = OrderedDict()

    def chats_to_write(self, chats: Iterable[ChatSeen]) -> list[ChatSeen]:
        return self._stale(
            {("chat", chat.id): (chat, (chat.type, chat.title, chat.username)) for chat in chats}
        )

    def users_to_write(self, users: Iterable[UserSeen]) -> list[UserSeen]:
        return self._stale(
            {
                ("user", user.id): (
                    user,
                    (
                        user.is_bot,
                        user.first_name,
                        user.last_name,
                        user.username,
                        user.language_code,
                    ),
                )
                for user in users
            }
        )

    def remember(self, chats: Iterable[ChatSeen], users: Iterable[UserSeen]) -> None:
        for chat in chats:
            self._put(("chat", chat.id), (chat.type, chat.title, chat.username), chat.seen_at)
        for user in users:
            state = (
                user.is_bot,
                user.first_name,
                user.last_name,
                user.username,
                user.language_code,
            )
            self._put(("user", user.id), state, user.seen_at)

    def forget(self) -> None:
        self._written.clear()

    def _stale(self, latest: dict[Hashable, tuple[Profile, Hashable]]) -> list[Profile]:
        stale = []
        for key, (profile, state) in latest.items():
            known = self._written.get(key)
            if (
                known is None
                or known[0] != state
                or profile.seen_at - known[1] >= self.refresh_after
            ):
                stale.append(profile)
        return stale

    def _put(self, key: Hashable, state: Hashable, seen_at: datetime) -> None:
        self._written[key] = (state, seen_at)
        self._written.move_to_end(key)
        while len(self._written) > self.capacity:
            self._written.popitem(last=False)
