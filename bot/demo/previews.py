"""The operator's Send under a preview: nothing the demo creates goes live before it."""

from __future__ import annotations

from bot.demo.process import wait_until_delivered
from bot.emulator.client import EmulatorClient

PREVIEW_PREFIXES = ("pd1:", "gd1:")


async def tap_send(client: EmulatorClient, chat_id: int, bot_id: int, user_id: int) -> str:
    """`user_id` taps Send on the bot's last preview in `chat_id`; the preview's text."""
    for message in reversed(await client.messages(chat_id)):
        if message.get("from", {}).get("id") != bot_id:
            continue
        rows = message.get("reply_markup", {}).get("inline_keyboard", [])
        data = str(rows[0][0].get("callback_data", "")) if rows else ""
        if data.startswith(PREVIEW_PREFIXES):
            await client.click(chat_id, message["message_id"], user_id, data)
            await wait_until_delivered(client)
            return str(message.get("text", ""))
    raise RuntimeError("the bot showed no preview to send")
