"""Opening the dashboard from the chat, through the real dispatcher: each operator's menu
button follows their role (set on a grant and on /groups, put back on a revoke), /dashboard
answers with a web_app button in private chat, and from a group with a direct link or a
private message, since Telegram refuses web_app buttons in groups."""

from __future__ import annotations

from typing import Any

import pytest
from aiogram.methods import SendMessage, SendPhoto, SetChatMenuButton
from aiogram.types import InlineKeyboardMarkup, MenuButtonDefault, MenuButtonWebApp
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, OWNER, VICTIM, cast_the_groups
from tests.support.scene import Scene

URL = "https://fans.example.com/app/"


@pytest.fixture
async def scene(session_factory: async_sessionmaker[AsyncSession]) -> Scene:
    scene = Scene.create(session_factory, home=VICTIM, dashboard_url=URL)
    await cast_the_groups(scene.telegram, session_factory)
    await scene.say(VICTIM, FAN, "hello")
    await scene.say(VICTIM, MEMBER, "hi all")
    return scene


def menu_buttons(scene: Scene, person: dict[str, Any]) -> list[object]:
    return [
        call.menu_button for call in scene.calls(SetChatMenuButton) if call.chat_id == person["id"]
    ]


def buttons(call: SendMessage) -> list[Any]:
    markup = call.reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    return [button for row in markup.inline_keyboard for button in row]


async def test_the_menu_button_opens_the_dashboard_after_a_grant_and_goes_on_revoke(
    scene: Scene,
) -> None:
    await scene.send(VICTIM, OWNER, "/grant operator @max")
    [button] = menu_buttons(scene, MEMBER)
    assert isinstance(button, MenuButtonWebApp)
    assert button.web_app.url == URL and button.text == "Dashboard"
    await scene.send(VICTIM, OWNER, "/revoke @max")
    await scene.confirm(OWNER, VICTIM)
    assert isinstance(menu_buttons(scene, MEMBER)[-1], MenuButtonDefault)


async def test_groups_sets_it_in_the_operators_language_and_a_fan_gets_none(
    scene: Scene,
) -> None:
    await scene.say(VICTIM, OWNER, "大家好")
    await scene.send(u.private(OWNER), OWNER, "/groups")
    [button] = menu_buttons(scene, OWNER)
    assert isinstance(button, MenuButtonWebApp) and button.text == "面板"
    await scene.send(u.private(FAN), FAN, "/groups")
    assert menu_buttons(scene, FAN) == []


async def test_dashboard_in_private_chat_answers_with_a_web_app_button(scene: Scene) -> None:
    await scene.send(u.private(ADMIN), ADMIN, "/dashboard")
    [button] = buttons(scene.last_with_buttons(u.private(ADMIN)))
    assert button.web_app is not None and button.web_app.url == URL


async def test_dashboard_in_a_group_sends_the_button_privately_without_a_short_name(
    scene: Scene,
) -> None:
    await scene.send(VICTIM, ADMIN, "/dashboard")
    assert "private chat" in scene.last(VICTIM)
    [button] = buttons(scene.last_with_buttons(u.private(ADMIN)))
    assert button.web_app is not None
    assert button.web_app.url == f"{URL}?group={VICTIM['id']}"
    # A fan is refused like any operator command.
    await scene.send(VICTIM, FAN, "/dashboard")
    assert "role" in scene.last(VICTIM) or "角色" in scene.last(VICTIM)


async def test_dashboard_in_a_group_links_to_the_mini_app_with_a_short_name(
    scene: Scene,
) -> None:
    scene.restart(dashboard_url=URL, miniapp_short_name="board")
    await scene.send(VICTIM, ADMIN, "/dashboard")
    [button] = buttons(scene.last_with_buttons(VICTIM))
    assert button.web_app is None
    assert button.url == f"https://t.me/fanpulse_bot/board?startapp=g{VICTIM['id']}"


async def test_without_a_dashboard_url_nothing_offers_it(scene: Scene) -> None:
    scene.restart()
    await scene.send(VICTIM, OWNER, "/grant operator @max")
    assert menu_buttons(scene, MEMBER) == []
    await scene.send(u.private(ADMIN), ADMIN, "/dashboard")
    assert "not set up" in scene.last(u.private(ADMIN))


async def test_a_digest_comes_with_a_button_that_opens_the_dashboard_on_its_group(
    scene: Scene,
) -> None:
    await scene.choose(ADMIN, VICTIM)
    await scene.send(u.private(ADMIN), ADMIN, "/digest")
    [photo] = [call for call in scene.calls(SendPhoto) if call.chat_id == ADMIN["id"]]
    markup = photo.reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    [[button]] = markup.inline_keyboard
    assert button.web_app is not None
    assert button.web_app.url == f"{URL}?group={VICTIM['id']}"
    # In the group itself Telegram refuses web_app buttons: no button without a short name.
    await scene.send(VICTIM, ADMIN, "/digest")
    [in_group] = [call for call in scene.calls(SendPhoto) if call.chat_id == VICTIM["id"]]
    assert in_group.reply_markup is None
