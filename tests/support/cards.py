"""The /polls and /giveaways cards as a test reads them: the last card the bot sent or edited in
a chat, its text and its buttons (label and callback data)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiogram.methods import EditMessageText, SendMessage
from aiogram.types import InlineKeyboardMarkup

from tests.support.scene import Scene


@dataclass(frozen=True)
class Card:
    text: str
    buttons: list[tuple[str, str]]  # (label, callback data), row by row

    def labels(self) -> list[str]:
        return [label for label, _ in self.buttons]

    def data(self, label: str) -> str:
        """The callback data of the button whose label is `label` (exactly)."""
        found = [data for shown, data in self.buttons if shown == label]
        assert found, f"no button {label!r} in {self.labels()}"
        return found[0]


def card(scene: Scene, chat: dict[str, Any] | int) -> Card:
    """What the chat's latest card shows now: the last message sent or edited there."""
    chat_id = chat if isinstance(chat, int) else int(chat["id"])
    calls = [
        call
        for call in scene.telegram.calls
        if isinstance(call, SendMessage | EditMessageText) and call.chat_id == chat_id
    ]
    assert calls, f"nothing was sent to {chat_id}"
    last = calls[-1]
    markup = last.reply_markup
    buttons = (
        [
            (button.text, str(button.callback_data))
            for row in markup.inline_keyboard
            for button in row
        ]
        if isinstance(markup, InlineKeyboardMarkup)
        else []
    )
    return Card(str(last.text), buttons)
