"""An operator's tap on one of the bot's inline buttons, found as a person finds it: on the
latest message that shows it."""

from __future__ import annotations

from bot.demo.process import wait_until_delivered
from bot.emulator.client import EmulatorClient, Json


async def tap(client: EmulatorClient, chat_id: int, bot_id: int, data: str) -> str:
    """The button carrying `data` on the bot's latest message in `chat_id` that has it, tapped
    by the chat's own person (a private chat); its label, to narrate."""
    message, label = await _find(client, chat_id, bot_id, data)
    await client.click(chat_id, message["message_id"], chat_id, data)
    await wait_until_delivered(client)
    return label


async def label_now(client: EmulatorClient, chat_id: int, bot_id: int, data: str) -> str:
    """What the button carrying `data` says now: a toggle's label after it was tapped."""
    return (await _find(client, chat_id, bot_id, data))[1]


async def _find(client: EmulatorClient, chat_id: int, bot_id: int, data: str) -> tuple[Json, str]:
    for message in reversed(await client.messages(chat_id)):
        if message.get("from", {}).get("id") != bot_id:
            continue
        for row in message.get("reply_markup", {}).get("inline_keyboard", []):
            for button in row:
                if button.get("callback_data") == data:
                    return message, str(button.get("text", ""))
    raise RuntimeError(f"the bot showed no button {data!r}")


async def type_line(client: EmulatorClient, chat_id: int, text: str) -> None:
    """The chat's person types `text` (an answer to the step shown)."""
    await client.send_text(chat_id, chat_id, text)
    await wait_until_delivered(client)
