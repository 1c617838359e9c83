"""/status: a group's health, for analysts and up (in the group or from the private console)."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import Message

from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Html, Texts, moment
from bot.services.health import FeatureStatus, GroupHealth, Health, HealthBoard
from bot.telegram.admins import TelegramAdmins
from handlers.authority import operator_command
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext

STATUS = OperatorCommand("status", Role.ANALYST)


async def cmd_status(
    message: Message,
    *,
    operator: OperatorContext,
    texts: Texts,
    health: Health,
    health_board: HealthBoard,
) -> None:
    report = await health.of_group(operator.chat_id, health_board)
    timezone = report.timezone
    lines = [
        texts("status-title", title=operator.title),
        texts("status-timezone", timezone=timezone),
        *_rights_lines(texts, report),
    ]
    lines.append(
        texts("status-last-update", when=moment(report.last_comment_at, timezone))
        if report.last_comment_at
        else texts("status-last-update-never")
    )
    lines.append(texts("status-comments-today", count=report.comments_today, timezone=timezone))
    lines.extend(_feature_line(texts, feature, timezone) for feature in report.features)
    await message.answer(texts.lines(lines))


def _rights_lines(texts: Texts, report: GroupHealth) -> list[Html]:
    rights = report.rights
    if rights is None:
        return [texts("status-bot-unreachable")]
    lines = [
        texts("status-bot-member", status=rights.status),
        texts("status-reads", how=rights.reading),
    ]
    if not report.missing:
        lines.append(texts("status-rights-ok"))
    else:
        lines.append(texts("status-rights-missing"))
        lines.extend(texts(f"requirement-{requirement}") for requirement in report.missing)
    return lines


def _feature_line(texts: Texts, feature: FeatureStatus | str, timezone: str) -> Html:
    if isinstance(feature, str):
        return texts("status-feature-none-yet", feature=feature)
    if feature.next_at is not None:
        return texts(
            "status-feature-next", feature=feature.feature, when=moment(feature.next_at, timezone)
        )
    return texts("status-feature-count", feature=feature.feature, count=feature.count or 0)


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, STATUS, cmd_status)
    return router


def build(wiring: Wiring) -> Built:
    rights = TelegramAdmins(wiring.bot, wiring.admins)
    health = Health(wiring.session_factory, rights, wiring.settings.default_timezone)
    return Built(services={"health": health})


FEATURE = Feature(name="status", operator=(create_router,), build=build)
