"""Records what the outbound middleware reports about chats."""

from __future__ import annotations


class RecordingLifecycle:
    def __init__(self) -> None:
        self.migrations: list[tuple[int, int]] = []
        self.unreachable: list[tuple[int, str]] = []

    async def chat_migrated(self, old_chat_id: int, new_chat_id: int) -> None:
        self.migrations.append((old_chat_id, new_chat_id))

    async def chat_unreachable(self, chat_id: int, reason: str) -> None:
        self.unreachable.append((chat_id, reason))
