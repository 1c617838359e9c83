"""A conversation with the bot through the real dispatcher, as every feature's tests hold it:
people send commands, say things, tap the bot's buttons, edit, join and leave, vote and react;
the scene tells what the bot answered (the recorded Bot API calls), and the scripted Telegram
(tests/support/telegram.py) answers what the bot asks. Time is the real one unless a test asks
for an instance's clock on a FakeClock (tests/support/clock.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from aiogram.methods import EditMessageText, SendMessage, SendPhoto, TelegramMethod
from aiogram.types import InlineKeyboardMarkup
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.operators import select_group
from bot.devtools.recording_session import BOT_USER
from bot.services.clock import Clock
from bot.telegram.redis_state import SharedState
from tests.support import updates as u
from tests.support.pipeline import Pipeline
from tests.support.telegram import ScriptedTelegram

Chat = dict[str, Any] | int


def keyboard(call: SendMessage) -> list[str]:
    """The callback data of a message's inline buttons, row by row."""
    markup = call.reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    return [str(button.callback_data) for row in markup.inline_keyboard for button in row]


@dataclass
class Scene:
    pipeline: Pipeline
    telegram: ScriptedTelegram
    updates: u.Updates
    session_factory: async_sessionmaker[AsyncSession]
    home: dict[str, Any] | None = None  # the chat `replies` and `last` read when given none

    @classmethod
    def create(
        cls,
        session_factory: async_sessionmaker[AsyncSession],
        *,
        home: dict[str, Any] | None = None,
        shared: SharedState | None = None,
        **settings: Any,
    ) -> Scene:
        """A new bot over the database and a new scripted Telegram, `settings` over the
        defaults; `shared`: the scale-out profile's Redis state."""
        telegram = ScriptedTelegram()
        pipeline = Pipeline.create(session_factory, telegram, shared=shared, **settings)
        return cls(pipeline, telegram, u.Updates(), session_factory, home)

    def restart(self, **settings: Any) -> None:
        """The bot restarts with `settings` over the defaults: a new dispatcher and services
        over the same database and Telegram."""
        self.pipeline = Pipeline.create(self.session_factory, self.telegram, **settings)

    # what people do

    async def deliver(self, *raw_updates: dict[str, Any]) -> None:
        await self.pipeline.deliver(*raw_updates)

    async def send(
        self, chat: dict[str, Any], sender: dict[str, Any], text: str, **fields: Any
    ) -> dict[str, Any]:
        """A command (`/name args`), as Telegram marks one."""
        update = self.updates.command(chat, sender, text, **fields)
        await self.deliver(update)
        return update

    async def say(
        self, chat: dict[str, Any], sender: dict[str, Any], text: str, **fields: Any
    ) -> dict[str, Any]:
        """A plain message."""
        update = self.updates.message(chat, sender, text, **fields)
        await self.deliver(update)
        return update

    async def edit(self, original: dict[str, Any], text: str) -> dict[str, Any]:
        update = self.updates.edit(original, text)
        await self.deliver(update)
        return update

    def button(
        self, person: dict[str, Any], chat: dict[str, Any], data: str, **message: Any
    ) -> dict[str, Any]:
        """A press on a button of a message the bot sent in `chat` (not delivered); `message`
        fields (e.g. `message_id`) override the made-up message's."""
        bot_message = self.updates.message_payload(
            chat, BOT_USER.model_dump(exclude_none=True), text="…", **message
        )
        return self.updates.click(person, bot_message, data)

    async def tap(
        self, person: dict[str, Any], chat: dict[str, Any], data: str, **message: Any
    ) -> dict[str, Any]:
        update = self.button(person, chat, data, **message)
        await self.deliver(update)
        return update

    async def confirm(self, person: dict[str, Any], chat: dict[str, Any] | None = None) -> None:
        """`person` taps the first button (Yes) of the bot's last question with buttons in
        `chat` (the home chat if none)."""
        question = self.last_with_buttons(chat)
        where = chat if chat is not None else self.home
        assert where is not None
        await self.tap(person, where, keyboard(question)[0])

    async def choose(self, person: dict[str, Any], chat: dict[str, Any]) -> dict[str, Any]:
        """The person has picked `chat` in the private console (as /groups would leave it);
        returns their private chat, where they go on."""
        async with self.session_factory() as session, session.begin():
            await select_group(session, person["id"], chat["id"], datetime.now(UTC))
        return u.private(person)

    async def share_chat(
        self, person: dict[str, Any], request_id: int, chat: dict[str, Any]
    ) -> dict[str, Any]:
        """`person` picks `chat` with the chat picker the bot offered them in private."""
        update = self.updates.chat_shared(person, request_id, chat)
        await self.deliver(update)
        return update

    async def share_people(
        self, person: dict[str, Any], request_id: int, people: Sequence[dict[str, Any]]
    ) -> dict[str, Any]:
        """`person` picks `people` with the people picker the bot offered them in private."""
        update = self.updates.users_shared(person, request_id, people)
        await self.deliver(update)
        return update

    async def join(
        self, chat: dict[str, Any], person: dict[str, Any], *, was: str = "left"
    ) -> dict[str, Any]:
        update = u.member_update(
            self.updates, chat, actor=person, user=person, old=was, new="member"
        )
        await self.deliver(update)
        return update

    async def leave(
        self, chat: dict[str, Any], person: dict[str, Any], *, was: str = "member"
    ) -> dict[str, Any]:
        update = u.member_update(self.updates, chat, actor=person, user=person, old=was, new="left")
        await self.deliver(update)
        return update

    async def vote(self, poll_id: str, voter: dict[str, Any], option_ids: list[int]) -> None:
        await self.deliver(self.answer(poll_id, voter, option_ids))

    async def react(
        self,
        chat: dict[str, Any],
        person: dict[str, Any],
        message_id: int,
        new: Sequence[str] = ("👍",),
        old: Sequence[str] = (),
    ) -> dict[str, Any]:
        update = self.updates.reaction(chat, person, message_id, new, old)
        await self.deliver(update)
        return update

    # what the bot did

    def calls(self, kind: type[TelegramMethod[Any]]) -> list[Any]:
        return self.telegram.methods(kind)

    def replies(self, chat: Chat | None = None) -> list[str]:
        """The texts the bot sent to `chat` (the scene's home chat if none), in order."""
        return self.telegram.sent(self._chat_id(chat))

    def last(self, chat: Chat | None = None) -> str:
        return self.replies(chat)[-1]

    def photos(self, chat: Chat | None = None) -> list[str]:
        """The captions of the photos (charts) sent to a chat, in order."""
        chat_id = self._chat_id(chat)
        return [str(call.caption) for call in self.calls(SendPhoto) if call.chat_id == chat_id]

    def documents(self, chat: Chat | None = None) -> list[tuple[bytes, str]]:
        """(content, caption) of the documents sent to a chat, in order."""
        chat_id = self._chat_id(chat)
        return [
            (content, caption) for to, content, caption in self.telegram.documents if to == chat_id
        ]

    def messages(self, chat: Chat | None = None) -> list[SendMessage]:
        chat_id = self._chat_id(chat)
        return [call for call in self.calls(SendMessage) if call.chat_id == chat_id]

    def edits(self, chat: Chat | None = None) -> list[EditMessageText]:
        """The bot's edits of its own messages in a chat (a panel changed in place), in order."""
        chat_id = self._chat_id(chat)
        return [call for call in self.calls(EditMessageText) if call.chat_id == chat_id]

    def last_with_buttons(self, chat: Chat | None = None) -> SendMessage:
        """The last message with buttons the bot sent to a chat."""
        sent = [call for call in self.messages(chat) if call.reply_markup]
        assert sent, f"no message with buttons went to {self._chat_id(chat)}"
        return sent[-1]

    def _chat_id(self, chat: Chat | None) -> int:
        chosen = self.home if chat is None else chat
        assert chosen is not None, "this scene has no home chat: name one"
        return chosen if isinstance(chosen, int) else int(chosen["id"])

    # time

    def clock(self, now: Callable[[], datetime], instance: str = "one") -> Clock:
        """An instance's clock on `now` with every feature's job sources, never started."""
        return self.pipeline.instance(now, instance)

    # polls, as Telegram reports them

    def poll_update(
        self, poll_id: str, question: str, counts: list[int], voters: int, *, closed: bool = False
    ) -> dict[str, Any]:
        """Telegram's `poll` update; the scripted Telegram's poll gets the same counts, so that
        stopPoll answers with them as Telegram would."""
        for key, sent in self.telegram.polls.items():
            if sent.id == poll_id:
                options = [
                    option.model_copy(update={"voter_count": count})
                    for option, count in zip(sent.options, counts, strict=True)
                ]
                self.telegram.polls[key] = sent.model_copy(
                    update={"options": options, "total_voter_count": voters}
                )
        return self.updates.poll(poll_id, question, counts, voters, closed=closed)

    def answer(self, poll_id: str, voter: dict[str, Any], option_ids: list[int]) -> dict[str, Any]:
        """A `poll_answer` update (not delivered)."""
        return self.updates.poll_answer(poll_id, voter, option_ids)
