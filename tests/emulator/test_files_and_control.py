"""Uploads, getFile and downloads; injected messages as Telegram shapes them."""

from __future__ import annotations

import struct
import zlib

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import (
    BufferedInputFile,
    KeyboardButton,
    KeyboardButtonRequestChat,
    ReplyKeyboardMarkup,
)

from bot.emulator.client import EmulatorClient, EmulatorControlError
from bot.emulator.world import CHANNEL_BOT_ID, GROUP_ANONYMOUS_BOT_ID, TELEGRAM_SERVICE_ID


def _png(width: int, height: int) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(header))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
    )


async def test_upload_get_file_and_download(bot: Bot, control: EmulatorClient) -> None:
    fan = await control.create_user("Ann", started=True)
    csv = "name,votes\n小明,3\n".encode("utf-8-sig")
    sent = await bot.send_document(
        fan["id"], BufferedInputFile(csv, "votes.csv"), caption="<b>Export</b>", parse_mode="HTML"
    )
    assert sent.document is not None
    assert (sent.document.file_name, sent.document.mime_type) == ("votes.csv", "text/csv")
    assert sent.caption == "Export"
    file = await bot.get_file(sent.document.file_id)
    assert file.file_path is not None
    downloaded = await bot.download_file(file.file_path)
    assert downloaded is not None
    assert downloaded.read() == csv

    photo = await bot.send_photo(fan["id"], BufferedInputFile(_png(640, 480), "chart.png"))
    assert photo.photo is not None
    assert (photo.photo[-1].width, photo.photo[-1].height) == (640, 480)
    again = await bot.send_photo(fan["id"], photo.photo[-1].file_id)
    assert again.photo is not None
    assert again.photo[0].file_unique_id == photo.photo[-1].file_unique_id
    with pytest.raises(TelegramBadRequest, match="IMAGE_PROCESS_FAILED"):
        await bot.send_photo(fan["id"], BufferedInputFile(b"not an image", "x.png"))
    with pytest.raises(TelegramBadRequest, match="message caption is too long"):
        await bot.send_document(fan["id"], BufferedInputFile(b"x", "a.txt"), caption="c" * 1025)
    with pytest.raises(TelegramBadRequest, match="invalid file_id"):
        await bot.get_file("nope")


async def test_injected_media_can_be_downloaded(bot: Bot, control: EmulatorClient) -> None:
    fan = await control.create_user("Ann")
    group = await control.create_chat("supergroup", bot_status="administrator")
    update = await control.inject_message(
        group["id"], fan["id"], photo=_png(1080, 1920), caption="my #edit"
    )
    message = update["message"]
    assert message["caption_entities"] == [{"type": "hashtag", "offset": 3, "length": 5}]
    file = await bot.get_file(message["photo"][-1]["file_id"])
    assert file.file_path is not None
    downloaded = await bot.download_file(file.file_path)
    assert downloaded is not None
    assert downloaded.read() == _png(1080, 1920)


async def test_messages_with_sender_chat(control: EmulatorClient) -> None:
    fan = await control.create_user("Ann")
    channel = await control.create_chat("channel", title="Creator", username="creator")
    group = await control.create_chat(
        "supergroup", title="Discussion", linked_chat_id=channel["id"], bot_status="administrator"
    )
    anonymous = await control.send_text(group["id"], None, "admin here", sender="anonymous_admin")
    assert anonymous["message"]["from"]["id"] == GROUP_ANONYMOUS_BOT_ID
    assert anonymous["message"]["sender_chat"]["id"] == group["id"]
    as_channel = await control.send_text(
        group["id"], None, "posting as channel", sender="channel", sender_chat_id=channel["id"]
    )
    assert as_channel["message"]["from"]["id"] == CHANNEL_BOT_ID
    assert as_channel["message"]["sender_chat"]["id"] == channel["id"]
    forward = await control.send_text(group["id"], None, "new video", sender="automatic_forward")
    assert forward["message"]["from"]["id"] == TELEGRAM_SERVICE_ID
    assert forward["message"]["is_automatic_forward"] is True
    assert forward["message"]["sender_chat"]["id"] == channel["id"]
    post = await control.send_text(channel["id"], None, "in the channel")
    assert "channel_post" in post
    assert "from" not in post["channel_post"]
    reply = await control.send_text(
        group["id"], fan["id"], "love it", reply_to_message_id=forward["message"]["message_id"]
    )
    assert reply["message"]["reply_to_message"]["message_id"] == 3
    assert reply["message"]["message_id"] == 4


async def test_edits_service_messages_and_commands(control: EmulatorClient) -> None:
    fan = await control.create_user("Ann")
    newcomer = await control.create_user("Bo")
    group = await control.create_chat("supergroup", owner_id=fan["id"], bot_status="administrator")
    sent = await control.send_text(group["id"], fan["id"], "frist")
    edited = await control.edit_message(group["id"], sent["message"]["message_id"], "first")
    assert edited["edited_message"]["text"] == "first"
    assert edited["edited_message"]["edit_date"] >= sent["message"]["date"]
    [joined] = await control.add_members(group["id"], [newcomer["id"]])
    assert joined["message"]["new_chat_members"][0]["id"] == newcomer["id"]
    left = await control.remove_member(group["id"], newcomer["id"])
    assert left["message"]["left_chat_member"]["id"] == newcomer["id"]
    title = await control.set_title(group["id"], "Renamed", fan["id"])
    assert title["message"]["new_chat_title"] == "Renamed"
    pinned = await control.pin_message(group["id"], 1, fan["id"])
    assert pinned["message"]["pinned_message"]["text"] == "first"
    command = await control.send_command(group["id"], fan["id"], "top", "week", mention=True)
    assert command["message"]["text"] == "/top@fanpulse_test_bot week"
    assert command["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 22}]
    ids = [u["update_id"] for u in (sent, edited, joined, left, title, pinned, command)]
    assert ids == list(range(ids[0], ids[0] + 7))


async def test_what_the_chat_and_people_pickers_send_back(control: EmulatorClient) -> None:
    operator = await control.create_user("Ann", username="ann", started=True)
    newcomer = await control.create_user("Bo", username="bo")
    quiet = await control.create_user("Cy")
    group = await control.create_chat("supergroup", title="Ops", owner_id=operator["id"])
    chat = await control.share_chat(operator["id"], 1, group["id"])
    message = chat["message"]
    assert message["chat"] == {
        "id": operator["id"],
        "type": "private",
        "first_name": "Ann",
        "username": "ann",
    }
    assert message["chat_shared"] == {"request_id": 1, "chat_id": group["id"], "title": "Ops"}
    people = await control.share_users(operator["id"], 2, [newcomer["id"], quiet["id"]])
    assert people["message"]["users_shared"] == {
        "request_id": 2,
        "users": [
            {"user_id": newcomer["id"], "first_name": "Bo", "username": "bo"},
            {"user_id": quiet["id"], "first_name": "Cy"},
        ],
    }
    assert people["update_id"] == chat["update_id"] + 1


async def test_privacy_mode_hides_plain_group_messages(control: EmulatorClient) -> None:
    fan = await control.create_user("Ann")
    group = await control.create_chat("supergroup")
    hidden = await control.send_text(group["id"], fan["id"], "just chatting")
    assert "update_id" not in hidden
    assert "update_id" in await control.send_command(group["id"], fan["id"], "help")
    await control.set_privacy_mode(False)
    assert "update_id" in await control.send_text(group["id"], fan["id"], "now visible")


async def test_bot_added_and_promoted(control: EmulatorClient) -> None:
    admin = await control.create_user("Admin")
    group = await control.create_chat("group", owner_id=admin["id"], bot_status="left")
    state = await control.state()
    added, service = await control.add_members(group["id"], [state["bot"]["id"]], admin["id"])
    assert added["my_chat_member"]["old_chat_member"]["status"] == "left"
    assert added["my_chat_member"]["new_chat_member"]["status"] == "member"
    assert service["message"]["new_chat_members"][0]["id"] == state["bot"]["id"]
    promoted = await control.set_bot_membership(
        group["id"], "administrator", rights={"can_delete_messages": True}, actor_id=admin["id"]
    )
    assert promoted["my_chat_member"]["new_chat_member"]["can_delete_messages"] is True


async def test_control_errors_are_reported(control: EmulatorClient) -> None:
    with pytest.raises(EmulatorControlError, match="chat not found"):
        await control.send_text(-1, 1, "x")
    await control.create_user("Ann", user_id=5)
    await control.reset()
    with pytest.raises(EmulatorControlError, match="user not found"):
        await control.create_chat("supergroup", owner_id=5)


async def test_pickers_are_offered_in_private_chats_only(bot: Bot, control: EmulatorClient) -> None:
    operator = await control.create_user("Ann", started=True)
    group = await control.create_chat("supergroup", owner_id=operator["id"], bot_status="member")
    picker = ReplyKeyboardMarkup(
        keyboard=[
            [
                KeyboardButton(
                    text="Pick",
                    request_chat=KeyboardButtonRequestChat(request_id=1, chat_is_channel=False),
                )
            ]
        ]
    )
    sent = await bot.send_message(operator["id"], "choose", reply_markup=picker)
    assert sent.chat.id == operator["id"]
    with pytest.raises(TelegramBadRequest, match="BUTTON_TYPE_INVALID"):
        await bot.send_message(group["id"], "choose", reply_markup=picker)
