"""What the bot said during the demo, to whom, in which language: demo-output/conversation.jsonl.

One JSON object per line. What the bot said (`"by": "bot"`): the Bot API method, the chat, the
language the bot chose for that reader (a group's chosen language, a person's own), the text or
caption and the button labels. What people wrote or are called (`"by": "people"`): names, chat
titles, messages and captions, since the bot quotes them back. People read it to review the
product's words; the e2e test reads it to check that Chinese readers got no English but what
people wrote themselves.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.db.engine import create_engine, create_session_factory
from bot.emulator.server import Emulator
from bot.services.languages import Languages

OUTPUT_DIR = Path("demo-output")
TRANSCRIPT = OUTPUT_DIR / "conversation.jsonl"

# The parameter that carries what a reader sees, per method that shows text in a chat.
_TEXT_PARAMETER = {
    "sendmessage": "text",
    "editmessagetext": "text",
    "sendphoto": "caption",
    "senddocument": "caption",
    "editmessagecaption": "caption",
    "sendpoll": "question",
    "answercallbackquery": "text",
}


@dataclass(frozen=True)
class Said:
    method: str
    chat_id: int
    private: bool
    text: str
    buttons: list[str]


def heard(emulator: Emulator) -> list[str]:
    """What people wrote and what they and their chats are called."""
    bot_id = emulator.world.bot_id
    names = [
        part
        for user in emulator.world.users.values()
        if user.id != bot_id
        for part in (user.first_name, user.last_name, user.username)
        if part
    ]
    titles = [chat.title for chat in emulator.world.chats.values() if chat.title]
    written = [
        text
        for chat in emulator.world.chats.values()
        for message in chat.messages.values()
        if message.from_user is None or message.from_user.id != bot_id
        for text in (message.text, message.caption)
        if text
    ]
    return names + titles + written


def collect(emulator: Emulator) -> list[Said]:
    """Everything the bot showed in a chat, read from the emulator's call log (while it runs)."""
    said: list[Said] = []
    for call in emulator.calls.calls:
        parameter = _TEXT_PARAMETER.get(call.method.lower())
        if parameter is None or call.ok is False:
            continue
        params = call.params
        chat_id = _chat_of(emulator, call.method.lower(), params)
        text = str(params.get(parameter) or "")
        if chat_id is None or not (text or params.get("reply_markup")):
            continue
        options = [_option_text(option) for option in _as_list(params.get("options"))]
        said.append(
            Said(
                method=call.method,
                chat_id=chat_id,
                private=chat_id > 0,
                text=text,
                buttons=_button_labels(params.get("reply_markup")) + options,
            )
        )
    return said


async def write(said: list[Said], people: list[str], emulator: Emulator, database_url: str) -> Path:
    """Write the transcript with each reader's language as the stopped bot's database holds it."""
    engine = create_engine(database_url)
    languages = Languages(create_session_factory(engine), default="en")
    readers: dict[int, str] = {}
    try:
        for chat_id in {entry.chat_id for entry in said}:
            if chat_id < 0:
                readers[chat_id] = await languages.of_group(chat_id)
            else:
                user = emulator.world.users.get(chat_id)
                client_language = user.language_code if user is not None else None
                readers[chat_id] = await languages.of_person(chat_id, client_language)
    finally:
        await engine.dispose()
    OUTPUT_DIR.mkdir(exist_ok=True)
    with TRANSCRIPT.open("w", encoding="utf-8") as out:
        for entry in said:
            row = {
                "by": "bot",
                "method": entry.method,
                "chat_id": entry.chat_id,
                "private": entry.private,
                "language": readers[entry.chat_id],
                "text": entry.text,
                "buttons": entry.buttons,
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        for text in people:
            out.write(json.dumps({"by": "people", "text": text}, ensure_ascii=False) + "\n")
    return TRANSCRIPT


def _chat_of(emulator: Emulator, method: str, params: dict[str, Any]) -> int | None:
    if method == "answercallbackquery":
        state = emulator.world.callbacks.get(str(params.get("callback_query_id")))
        if state is None or state.query.message is None:
            return None
        return int(state.query.message.chat.id)
    chat_id = params.get("chat_id")
    try:
        return int(chat_id) if chat_id is not None else None
    except (TypeError, ValueError):
        return None  # an @channel username: not a reader the demo checks


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    return value if isinstance(value, list) else []


def _option_text(option: Any) -> str:
    return str(option.get("text", "")) if isinstance(option, dict) else str(option)


def _button_labels(markup: Any) -> list[str]:
    if isinstance(markup, str):
        try:
            markup = json.loads(markup)
        except ValueError:
            return []
    if not isinstance(markup, dict):
        return []
    rows = markup.get("inline_keyboard") or markup.get("keyboard") or []
    return [
        str(button.get("text", "")) if isinstance(button, dict) else str(button)
        for row in rows
        for button in row
    ]
