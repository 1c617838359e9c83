"""Nothing goes live before its preview's Send (or a question's Yes): the operator's tap, as the
feature tests make it after a command that asks first."""

from __future__ import annotations

from typing import Any

from aiogram.methods import EditMessageText

from tests.support.scene import Scene, keyboard


def draft_buttons(scene: Scene, chat: dict[str, Any]) -> list[str]:
    """The callback data of the last preview or question in `chat`: Send, Edit, Cancel, or Yes,
    No."""
    return keyboard(scene.last_with_buttons(chat))


async def confirm(scene: Scene, person: dict[str, Any], chat: dict[str, Any]) -> None:
    """`person` taps Send (or Yes) on the last preview or question in `chat`."""
    await scene.tap(person, chat, draft_buttons(scene, chat)[0])


async def send_confirmed(
    scene: Scene, chat: dict[str, Any], person: dict[str, Any], text: str
) -> None:
    """A command that asks first, then the same person's Send (or Yes)."""
    await scene.send(chat, person, text)
    await confirm(scene, person, chat)


def settled(scene: Scene, chat: dict[str, Any] | int) -> list[str]:
    """What previews and questions in `chat` became after a tap or their expiry (the message
    edited in place), in order."""
    chat_id = chat if isinstance(chat, int) else int(chat["id"])
    return [str(call.text) for call in scene.calls(EditMessageText) if call.chat_id == chat_id]
