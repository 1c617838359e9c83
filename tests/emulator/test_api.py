"""Methods through a real aiogram Bot: answers parse, bad requests fail like on Telegram."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramNotFound, TelegramUnauthorizedError
from aiogram.methods import GetMe
from aiogram.types import BotCommand, BotCommandScopeAllGroupChats, ChatMemberAdministrator
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.emulator.client import EmulatorClient
from bot.emulator.server import Emulator
from tests.support.loopback import LoopbackSession


async def _started_fan(control: EmulatorClient) -> int:
    fan = await control.create_user("Ann", username="ann", started=True)
    return int(fan["id"])


async def test_get_me_describes_the_configured_bot(bot: Bot, emulator: Emulator) -> None:
    me = await bot.get_me()
    assert me.id == bot.id == emulator.world.bot_id
    assert me.is_bot
    assert me.username == "fanpulse_test_bot"
    assert me.can_read_all_group_messages is False


async def test_wrong_token_is_unauthorized(emulator: Emulator) -> None:
    session = LoopbackSession()
    session.api = session.api.from_base(emulator.base_url)
    other = Bot("123456:" + "x" * 35, session=session)
    try:
        with pytest.raises(TelegramUnauthorizedError, match="Unauthorized"):
            await other.get_me()
    finally:
        await session.close()


async def test_unknown_method_is_not_found(bot: Bot) -> None:
    class GetNothing(GetMe):
        __api_method__ = "getNothing"

    with pytest.raises(TelegramNotFound, match="Not Found"):
        await bot(GetNothing())


async def test_send_message_round_trip_with_html(bot: Bot, control: EmulatorClient) -> None:
    fan_id = await _started_fan(control)
    keyboard = InlineKeyboardBuilder()
    keyboard.button(text="Vote", callback_data="v1:up")
    sent = await bot.send_message(
        fan_id,
        "  <b>Top</b> fan &lt;3 &#128512; <a href='https://e.x/?a=1&amp;b=2'>link</a>  ",
        parse_mode="HTML",
        reply_markup=keyboard.as_markup(),
    )
    assert sent.message_id == 1
    assert sent.text == "Top fan <3 😀 link"
    assert sent.entities is not None
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [
        ("bold", 0, 3),
        ("text_link", 14, 4),  # the emoji counts two UTF-16 units
    ]
    assert sent.entities[1].url == "https://e.x/?a=1&b=2"
    assert sent.from_user is not None
    assert sent.from_user.id == bot.id
    assert sent.reply_markup is not None
    second = await bot.send_message(fan_id, "again", reply_to_message_id=sent.message_id)
    assert second.message_id == 2
    assert second.reply_to_message is not None
    assert second.reply_to_message.message_id == 1


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("<b>open", 'Can\'t find end tag corresponding to start tag "b"'),
        ("line<br>break", 'Unsupported start tag "br" at byte offset 4'),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ('<span class="x">s</span>', 'Unsupported start tag "span" at byte offset 0'),
        ("<b", "Unclosed start tag at byte offset 0"),
    ],
)
async def test_invalid_html_is_rejected_like_telegram(
    bot: Bot, control: EmulatorClient, text: str, description: str
) -> None:
    fan_id = await _started_fan(control)
    with pytest.raises(TelegramBadRequest) as error:
        await bot.send_message(fan_id, text, parse_mode="HTML")
    assert error.value.message == f"Bad Request: can't parse entities: {description}"


async def test_text_length_is_checked_after_parsing(bot: Bot, control: EmulatorClient) -> None:
    fan_id = await _started_fan(control)
    fits = await bot.send_message(fan_id, "<b>" + "a" * 4096 + "</b>", parse_mode="HTML")
    assert fits.text is not None
    assert len(fits.text) == 4096
    with pytest.raises(TelegramBadRequest, match="Bad Request: message is too long"):
        await bot.send_message(fan_id, "a" * 4097)
    with pytest.raises(TelegramBadRequest, match="Bad Request: message text is empty"):
        await bot.send_message(fan_id, "<b> </b>", parse_mode="HTML")


async def test_request_is_validated_with_the_method_model(
    emulator: Emulator, control: EmulatorClient
) -> None:
    session = LoopbackSession()
    client = await session.create_session()
    url = f"{emulator.base_url}/bot{emulator.token}/sendMessage"
    try:
        async with client.post(url, json={"text": "no chat"}) as response:
            assert response.status == 400
            assert await response.json() == {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: chat_id is empty",
            }
        async with client.get(url.replace("sendMessage", "getMe")) as response:
            assert (await response.json())["result"]["id"] == emulator.world.bot_id
    finally:
        await session.close()
    [call] = await control.calls("sendMessage")
    assert call["ok"] is False
    assert call["params"] == {"text": "no chat"}


async def test_edit_and_delete(bot: Bot, control: EmulatorClient) -> None:
    fan_id = await _started_fan(control)
    sent = await bot.send_message(fan_id, "draft")
    edited = await bot.edit_message_text("final", chat_id=fan_id, message_id=sent.message_id)
    assert isinstance(edited, type(sent))
    assert edited.text == "final"
    assert edited.edit_date is not None
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text("final", chat_id=fan_id, message_id=sent.message_id)
    assert await bot.delete_message(fan_id, sent.message_id) is True
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(fan_id, sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=fan_id, message_id=sent.message_id)


async def test_commands_per_scope_and_language(bot: Bot) -> None:
    group_scope = BotCommandScopeAllGroupChats()
    await bot.set_my_commands([BotCommand(command="top", description="Top fans")])
    await bot.set_my_commands(
        [BotCommand(command="poll", description="投票")], scope=group_scope, language_code="zh"
    )
    assert [c.command for c in await bot.get_my_commands()] == ["top"]
    zh = await bot.get_my_commands(scope=group_scope, language_code="zh")
    assert [c.description for c in zh] == ["投票"]
    assert await bot.get_my_commands(scope=group_scope) == []
    assert await bot.delete_my_commands() is True
    assert await bot.get_my_commands() == []
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Bad-Name", description="x")])


async def test_chat_members_and_administrators(bot: Bot, control: EmulatorClient) -> None:
    owner = await control.create_user("Owner")
    fan = await control.create_user("Fan")
    group = await control.create_chat(
        "supergroup",
        title="Fans",
        owner_id=owner["id"],
        member_ids=[fan["id"]],
        bot_status="administrator",
        bot_rights={"can_delete_messages": True},
    )
    info = await bot.get_chat(group["id"])
    assert (info.id, info.type, info.title) == (group["id"], "supergroup", "Fans")
    assert (await bot.get_chat_member(group["id"], owner["id"])).status == "creator"
    assert (await bot.get_chat_member(group["id"], fan["id"])).status == "member"
    admins = await bot.get_chat_administrators(group["id"])
    assert {a.user.id for a in admins} == {owner["id"], bot.id}
    bot_admin = next(a for a in admins if a.user.id == bot.id)
    assert isinstance(bot_admin, ChatMemberAdministrator)
    assert bot_admin.can_delete_messages
    assert await bot.get_chat_member_count(group["id"]) == 3
    with pytest.raises(TelegramBadRequest, match="user not found"):
        await bot.get_chat_member(group["id"], 999)

    assert await bot.leave_chat(group["id"]) is True
    [update] = await bot.get_updates(timeout=0, allowed_updates=["my_chat_member"])
    assert update.my_chat_member is not None
    assert update.my_chat_member.new_chat_member.status == "left"
    assert await bot.get_chat_member_count(group["id"]) == 2


async def test_callback_query_round_trip(bot: Bot, control: EmulatorClient) -> None:
    fan_id = await _started_fan(control)
    keyboard = InlineKeyboardBuilder()
    keyboard.button(text="Join", callback_data="v1:join")
    sent = await bot.send_message(fan_id, "Giveaway", reply_markup=keyboard.as_markup())
    injected = await control.click(fan_id, sent.message_id, fan_id, "v1:join")
    [update] = await bot.get_updates(timeout=0)
    query = update.callback_query
    assert query is not None
    assert query.id == injected["callback_query"]["id"]
    assert query.data == "v1:join"
    assert query.message is not None
    assert query.message.message_id == sent.message_id
    assert await bot.answer_callback_query(query.id, text="You are in") is True
    assert (await control.callback_answer(query.id))["answer"]["text"] == "You are in"
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(query.id)


async def test_polls_votes_and_stop(bot: Bot, control: EmulatorClient) -> None:
    fan_id = await _started_fan(control)
    other = await control.create_user("Bo")
    group = await control.create_chat("supergroup", member_ids=[fan_id, other["id"]])
    sent = await bot.send_poll(group["id"], "Best clip?", ["A", "B", "C"], is_anonymous=False)
    assert sent.poll is not None
    poll_id = sent.poll.id
    answer, state = await control.vote(poll_id, fan_id, [2])
    assert answer["poll_answer"]["option_ids"] == [2]
    assert state["poll"]["options"][2]["voter_count"] == 1
    await control.vote(poll_id, other["id"], [2])
    await control.vote(poll_id, other["id"], [])  # a retracted vote
    stopped = await bot.stop_poll(group["id"], sent.message_id)
    assert stopped.is_closed
    assert [o.voter_count for o in stopped.options] == [0, 0, 1]
    assert stopped.total_voter_count == 1
    with pytest.raises(TelegramBadRequest, match="poll has already been closed"):
        await bot.stop_poll(group["id"], sent.message_id)
