"""An operator's private chat with the bot in a guided flow, read like a chat: they type, they
tap a button by its label; `screen` is what the flow's current step message says now (sent, or
edited in place) and `buttons` its labels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from aiogram.methods import EditMessageReplyMarkup, EditMessageText, SendMessage
from aiogram.types import InlineKeyboardMarkup
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.operators import select_group
from bot.db.user_settings import set_user_language
from bot.telegram.redis_state import SharedState
from tests.support import updates as u
from tests.support.cast import register
from tests.support.scene import Scene

GROUP = u.group(-1001000000515, "Cat fans")
SECOND_GROUP = u.group(-1001000000516, "Dog fans")
OWNER = u.user(9501, "Mei", username="mei", language_code="zh-hans")
ADMIN = u.user(9502, "Ada", username="ada", language_code="en")
OTHER_ADMIN = u.user(9503, "Bo", username="bo", language_code="en")
FAN = u.user(9504, "Fan", username="fan1", language_code="en")


async def flow_scene(
    session_factory: async_sessionmaker[AsyncSession], shared: SharedState | None = None
) -> Scene:
    """A group with its owner and two administrators who chose it in their private console;
    the group reads Asia/Shanghai time."""
    scene = Scene.create(
        session_factory, home=GROUP, shared=shared, default_timezone="Asia/Shanghai"
    )
    telegram = scene.telegram
    telegram.set_status(GROUP["id"], OWNER["id"], "creator")
    for admin in (ADMIN, OTHER_ADMIN):
        telegram.set_status(GROUP["id"], admin["id"], "administrator")
    telegram.set_status(GROUP["id"], scene.pipeline.bot.id, "administrator")
    telegram.started.update(person["id"] for person in (OWNER, ADMIN, OTHER_ADMIN, FAN))
    async with session_factory() as session, session.begin():
        await register(session, GROUP)
        for person in (ADMIN, OTHER_ADMIN):
            await select_group(session, person["id"], GROUP["id"], datetime.now(UTC))
    return scene


async def reads(scene: Scene, person: dict[str, Any], language: str) -> None:
    """`person` chose `language` for what the bot tells them."""
    async with scene.session_factory() as session, session.begin():
        await set_user_language(session, person["id"], language, datetime.now(UTC))


@dataclass
class Shown:
    message_id: int
    text: str
    markup: InlineKeyboardMarkup | None


@dataclass
class FlowChat:
    scene: Scene
    person: dict[str, Any]

    @property
    def chat(self) -> dict[str, Any]:
        return u.private(self.person)

    async def send(self, text: str) -> None:
        """A command."""
        await self.scene.send(self.chat, self.person, text)

    async def type(self, text: str) -> None:
        """A plain message: an answer to the step."""
        await self.scene.say(self.chat, self.person, text)

    async def tap(self, label: str) -> None:
        """The button whose text is `label` on the current step message."""
        shown = self.current()
        assert shown.markup is not None, f"no buttons under {shown.text!r}"
        for row in shown.markup.inline_keyboard:
            for button in row:
                if button.text == label:
                    await self.scene.tap(
                        self.person, self.chat, str(button.callback_data),
                        message_id=shown.message_id,
                    )  # fmt: skip
                    return
        raise AssertionError(f"no button {label!r} in {self.buttons}")

    def current(self) -> Shown:
        """The message with buttons the bot showed or changed last in this chat."""
        shown = self._shown()
        with_buttons = [item for item in shown.values() if item.markup is not None]
        assert with_buttons, "no message with buttons in this chat"
        return with_buttons[-1]

    @property
    def screen(self) -> str:
        return self.current().text

    @property
    def buttons(self) -> list[str]:
        markup = self.current().markup
        assert markup is not None
        return [button.text for row in markup.inline_keyboard for button in row]

    @property
    def last(self) -> str:
        """The last text the bot sent or edited in this chat."""
        shown = self._shown()
        return list(shown.values())[-1].text

    @property
    def alerts(self) -> list[str]:
        return self.scene.telegram.answers()

    def _shown(self) -> dict[int, Shown]:
        """Message id -> what it shows now, ordered by when it last changed."""
        chat_id = self.person["id"]
        telegram = self.scene.telegram
        returned = iter(m for m in telegram.returned_messages if m.chat.id == chat_id)
        shown: dict[int, Shown] = {}
        for call in telegram.calls:
            if getattr(call, "chat_id", None) != chat_id:
                continue
            if isinstance(call, SendMessage):
                message_id = next(returned).message_id
                shown[message_id] = Shown(message_id, str(call.text), _markup(call.reply_markup))
            elif isinstance(call, EditMessageText) and call.message_id is not None:
                shown.pop(call.message_id, None)
                markup = _markup(call.reply_markup)
                shown[call.message_id] = Shown(call.message_id, str(call.text), markup)
            elif isinstance(call, EditMessageReplyMarkup) and call.message_id in shown:
                shown[call.message_id].markup = _markup(call.reply_markup)
        return shown


def _markup(markup: object) -> InlineKeyboardMarkup | None:
    return markup if isinstance(markup, InlineKeyboardMarkup) else None
