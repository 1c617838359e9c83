"""The Mini App side of the emulator: each private chat's menu button as setChatMenuButton left
it, web_app buttons where Telegram takes them, and logins (initData) minted with the bot's own
token that the dashboard accepts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    MenuButtonDefault,
    MenuButtonWebApp,
    WebAppInfo,
)

from bot.dashboard.login import Login, read_login
from bot.emulator.client import EmulatorClient
from bot.emulator.server import Emulator

APP = WebAppInfo(url="https://fans.example.com/app/")


async def test_a_private_chats_menu_button_is_set_read_and_put_back(
    bot: Bot, control: EmulatorClient
) -> None:
    ann = await control.create_user("Ann", started=True)
    assert isinstance(await bot.get_chat_menu_button(chat_id=ann["id"]), MenuButtonDefault)
    await bot.set_chat_menu_button(
        chat_id=ann["id"], menu_button=MenuButtonWebApp(text="Dashboard", web_app=APP)
    )
    shown = await bot.get_chat_menu_button(chat_id=ann["id"])
    assert isinstance(shown, MenuButtonWebApp) and shown.web_app.url == APP.url
    assert (await control.menu_button(ann["id"]))["type"] == "web_app"
    await bot.set_chat_menu_button(chat_id=ann["id"], menu_button=MenuButtonDefault())
    assert isinstance(await bot.get_chat_menu_button(chat_id=ann["id"]), MenuButtonDefault)


async def test_web_apps_need_https_and_a_private_chat(bot: Bot, control: EmulatorClient) -> None:
    ann = await control.create_user("Ann", started=True)
    group = await control.create_chat("supergroup", title="Fans", member_ids=[ann["id"]])
    plain = MenuButtonWebApp(text="Dashboard", web_app=WebAppInfo(url="http://fans.example/app/"))
    with pytest.raises(TelegramBadRequest, match="WEBAPP_URL_INVALID"):
        await bot.set_chat_menu_button(chat_id=ann["id"], menu_button=plain)
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.set_chat_menu_button(
            chat_id=group["id"], menu_button=MenuButtonWebApp(text="D", web_app=APP)
        )
    button = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="Open", web_app=APP)]]
    )
    await bot.send_message(ann["id"], "here", reply_markup=button)
    with pytest.raises(TelegramBadRequest, match="BUTTON_TYPE_INVALID"):
        await bot.send_message(group["id"], "here", reply_markup=button)
    local = WebAppInfo(url="http://127.0.0.1:8081/app/")
    await bot.set_chat_menu_button(
        chat_id=ann["id"], menu_button=MenuButtonWebApp(text="Local", web_app=local)
    )


async def test_a_minted_login_is_accepted_for_its_person_group_and_time(
    emulator: Emulator, control: EmulatorClient
) -> None:
    ann = await control.create_user("Ann", username="ann", language_code="zh-hans")
    minted = await control.mint_init_data(ann["id"], group=-1001234)
    now = datetime.now(UTC)
    login = read_login(f"tma {minted}", token=emulator.token, now=now, max_age=timedelta(days=1))
    assert isinstance(login, Login)
    assert (login.user_id, login.username, login.language_code) == (ann["id"], "ann", "zh-hans")
    assert login.start_param == "g-1001234"
    old = await control.mint_init_data(
        ann["id"], auth_date=int((now - timedelta(days=2)).timestamp())
    )
    late = read_login(f"tma {old}", token=emulator.token, now=now, max_age=timedelta(days=1))
    assert not isinstance(late, Login)
