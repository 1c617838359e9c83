"""The operators' dashboard from the chat side: /dashboard opens it (a web_app button in
private chat; from a group, where Telegram refuses web_app buttons, a t.me direct link when
MINIAPP_SHORT_NAME is set, else the button in a private message), and the services its API
reads (bot/dashboard/)."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.exceptions import TelegramForbiddenError
from aiogram.types import Message

from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Texts
from bot.services.overview import Overviews
from bot.telegram.dashboard_links import DashboardLinks
from handlers.authority import operator_command, public_command
from handlers.deep_links import open_in_private
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext

DASHBOARD = OperatorCommand("dashboard", Role.ANALYST, console=False)


async def cmd_dashboard_private(
    message: Message, *, bot: Bot, texts: Texts, dashboard_links: DashboardLinks
) -> None:
    # Anyone may ask; the dashboard shows only the groups they hold a role in, checked there.
    markup = await dashboard_links.button(
        bot, texts.plain("dashboard-open-button"), message.chat.id, None
    )
    if markup is None:
        await message.answer(texts("dashboard-not-configured"))
        return
    await message.answer(texts("dashboard-open"), reply_markup=markup)


async def cmd_dashboard_group(
    message: Message,
    *,
    bot: Bot,
    operator: OperatorContext,
    texts: Texts,
    dashboard_links: DashboardLinks,
) -> None:
    if not dashboard_links.enabled:
        await message.reply(texts("dashboard-not-configured"))
        return
    label = texts.plain("dashboard-open-button")
    link = await dashboard_links.button(bot, label, message.chat.id, operator.chat_id)
    if link is not None:
        await message.reply(texts("dashboard-open-group", title=operator.title), reply_markup=link)
        return
    person = operator.actor.user_id
    private = await dashboard_links.button(bot, label, person, operator.chat_id) if person else None
    if person is None or private is None:
        await message.reply(texts("dashboard-open-private-only"))
        return
    try:
        await bot.send_message(
            person, texts("dashboard-open-group", title=operator.title), reply_markup=private
        )
    except TelegramForbiddenError:
        # They never started the bot: a private chat cannot be opened from our side.
        await message.reply(
            texts("dashboard-start-me"),
            reply_markup=await open_in_private(bot, texts, "dashboard"),
        )
        return
    await message.reply(texts("dashboard-sent-privately"))


def create_private_router() -> Router:
    router = Router(name=f"{__name__}.private")
    public_command(router, "dashboard", cmd_dashboard_private, for_operators=True)
    return router


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, DASHBOARD, cmd_dashboard_group)
    return router


def build(wiring: Wiring) -> Built:
    overviews = Overviews(
        wiring.session_factory, wiring.directory, wiring.settings.default_timezone
    )
    links = DashboardLinks.from_settings(wiring.settings)
    return Built(services={"overviews": overviews, "dashboard_links": links})


FEATURE = Feature(
    name="dashboard",
    operator=(create_router,),
    private=(create_private_router,),
    build=build,
)
