"""Platform numbers in: a CSV/XLSX file, or one typed line, per video, platform and day.

`/video_stats` as a document's caption imports the file (in the group or in private chat); in
private chat a .csv/.xlsx document without a caption is taken as well (the prompt says so).
`/video_stats v12 bilibili 2026-11-27 plays=12000 ...` stores one row. `/video_template` sends
the file to fill in, with headers in the operator's language. The file is read and checked
completely before anything is stored, and stored in one transaction: a refused row is reported,
a file that cannot be read changes nothing.
"""

from __future__ import annotations

import io

import structlog
from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.filters import CommandObject, Filter
from aiogram.types import BufferedInputFile, Document, Message

from bot.domain.arguments import ArgumentError, split_flags
from bot.domain.roles import OperatorCommand, Role
from bot.domain.video_metrics_csv import refused_csv, template_csv
from bot.domain.video_metrics_import import ImportReport, Reason, Refused, StoredRow
from bot.domain.video_metrics_line import LineError
from bot.domain.video_metrics_read import MAX_FILE_BYTES, MetricsFileError
from bot.domain.video_metrics_values import METRICS, Field
from bot.domain.video_report import count
from bot.i18n import Html, Texts
from bot.services.bounded_parse import ParseBudgetExceeded
from bot.services.video_metrics import VideoMetrics
from bot.services.video_report_render import platform_name
from handlers.authority import OPERATOR_FLAG, operator_command
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext

log = structlog.get_logger(__name__)

VIDEO_STATS = OperatorCommand("video_stats", Role.OPERATOR)
VIDEO_TEMPLATE = OperatorCommand("video_template", Role.OPERATOR)
SHOWN_REFUSED = 10
SHOWN_WRITTEN = 10
CONFIRM = "confirm"
SUFFIXES = (".csv", ".tsv", ".xlsx")
MIME_TYPES = frozenset(
    {
        "text/csv",
        "text/tab-separated-values",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
)
TEMPLATE_COLUMNS = (Field.VIDEO, Field.PLATFORM, Field.DATE, *METRICS)


class MetricsDocument(Filter):
    """A spreadsheet-like document (by name or type); other files are not ours to answer."""

    async def __call__(self, message: Message) -> bool:
        document = message.document
        if document is None:
            return False
        name = (document.file_name or "").lower()
        return name.endswith(SUFFIXES) or document.mime_type in MIME_TYPES


class NoCaption(Filter):
    async def __call__(self, message: Message) -> bool:
        return not message.caption


async def cmd_video_stats(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    video_metrics: VideoMetrics,
) -> None:
    try:
        arguments = split_flags(command.args or "", (CONFIRM,))
    except ArgumentError as error:
        await message.reply(texts("video-stats-flag-error", flag=error.flag))
        return
    confirmed = CONFIRM in arguments
    # A flag takes the text after it as its value: here that text is still the line.
    line = " ".join(filter(None, (arguments.body, arguments.get(CONFIRM))))
    if message.document is not None:
        await on_document(
            message,
            bot=bot,
            operator=operator,
            texts=texts,
            video_metrics=video_metrics,
            confirmed=confirmed,
        )
        return
    if not line:
        await message.reply(texts("video-stats-prompt", limit=MAX_FILE_BYTES // (1024 * 1024)))
        return
    try:
        report = await video_metrics.import_line(
            operator.chat_id, operator.actor, line, confirmed=confirmed
        )
    except LineError as error:
        await message.reply(texts("video-stats-line-error", code=error.code.value, word=error.word))
        return
    await _answer(message, texts, report)


async def on_document(
    message: Message,
    *,
    bot: Bot,
    operator: OperatorContext,
    texts: Texts,
    video_metrics: VideoMetrics,
    confirmed: bool = False,
) -> None:
    document = message.document
    assert document is not None, "only documents reach here"
    limit_mb = MAX_FILE_BYTES // (1024 * 1024)
    if document.file_size is not None and document.file_size > MAX_FILE_BYTES:
        await message.reply(texts("video-stats-file-error", code="too_large", limit=limit_mb))
        return
    try:
        content = await _download(bot, document)
    except TelegramAPIError as error:
        log.warning("video_stats.download_failed", error=type(error).__name__)
        await message.reply(texts("video-stats-file-error", code="download", limit=limit_mb))
        return
    if content is None:
        await message.reply(texts("video-stats-file-error", code="too_large", limit=limit_mb))
        return
    try:
        report = await video_metrics.import_file(
            operator.chat_id, operator.actor, content, confirmed=confirmed
        )
    except MetricsFileError as error:
        await message.reply(texts("video-stats-file-error", code=error.code.value, limit=limit_mb))
        return
    except ParseBudgetExceeded as error:
        await message.reply(texts("upload-over-budget", seconds=error.seconds))
        return
    await _answer(message, texts, report)


async def _answer(message: Message, texts: Texts, report: ImportReport) -> None:
    await message.reply(report_text(texts, report))
    if len(report.refused) > SHOWN_REFUSED:
        await message.reply_document(
            BufferedInputFile(refused_file(texts, report.refused), "refused-rows.csv")
        )


def report_text(texts: Texts, report: ImportReport) -> Html:
    lines = [
        texts(
            "video-stats-report",
            taken=report.taken,
            updated=report.updated,
            unchanged=report.unchanged,
            refused=len(report.refused),
        )
    ]
    lines.extend(_written_line(texts, row) for row in report.written[:SHOWN_WRITTEN])
    if len(report.written) > SHOWN_WRITTEN:
        lines.append(texts("video-stats-more-written", count=len(report.written) - SHOWN_WRITTEN))
    lines.extend(_refused_line(texts, item) for item in report.refused[:SHOWN_REFUSED])
    if len(report.refused) > SHOWN_REFUSED:
        lines.append(texts("video-stats-more-refused", count=len(report.refused) - SHOWN_REFUSED))
    if any(item.reason is Reason.DECREASING for item in report.refused):
        lines.append(texts("video-stats-confirm-hint"))
    return texts.lines(lines)


def _written_line(texts: Texts, row: StoredRow) -> Html:
    plays, likes, comments, favourites, shares = (count(value) for value in row.counts)
    return texts(
        "video-stats-written-row",
        video=row.video,
        platform=platform_name(texts, row.platform),
        day=row.day.isoformat(),
        plays=plays,
        likes=likes,
        comments=comments,
        favourites=favourites,
        shares=shares,
    )


def _refused_line(texts: Texts, item: Refused) -> Html:
    return texts(
        "video-stats-refused-row",
        line=item.line,
        reason=item.reason.value,
        column=item.column or "-",
        value=item.value or "-",
    )


def refused_file(texts: Texts, refused: list[Refused]) -> bytes:
    headers = [texts.plain("video-stats-refused-header", column=name) for name in _REFUSED_COLUMNS]
    rows = (
        (
            item.line,
            texts.plain("video-stats-reason", reason=item.reason.value),
            item.column,
            item.value,
        )
        for item in refused
    )
    return refused_csv(headers, rows)


_REFUSED_COLUMNS = ("line", "reason", "column", "value")


def template_file(texts: Texts) -> bytes:
    """The file to fill in, its headers in the reader's language."""
    headers = [texts.plain("video-stats-column", column=field.value) for field in TEMPLATE_COLUMNS]
    return template_csv(texts.plain("video-stats-template-note"), headers)


async def cmd_video_template(message: Message, *, texts: Texts) -> None:
    content = template_file(texts)
    await message.reply_document(
        BufferedInputFile(content, texts.plain("video-stats-template-name")),
        caption=texts("video-stats-template-caption"),
    )


async def _download(bot: Bot, document: Document) -> bytes | None:
    buffer = io.BytesIO()
    try:
        await bot.download(document, destination=buffer)
    except TelegramBadRequest as error:
        # The declared size can be missing; Telegram then refuses getFile itself.
        if "too big" in error.message.lower():
            return None
        raise
    content = buffer.getvalue()
    return content if len(content) <= MAX_FILE_BYTES else None


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, VIDEO_STATS, cmd_video_stats)
    operator_command(router, VIDEO_TEMPLATE, cmd_video_template)
    return router


def create_private_document_router() -> Router:
    """Private chat: a spreadsheet sent without a caption, for the operator's current group."""
    router = Router(name=f"{__name__}.documents")
    router.message.register(
        on_document,
        MetricsDocument(),
        NoCaption(),
        flags={OPERATOR_FLAG: VIDEO_STATS},
    )
    return router


def _build(wiring: Wiring) -> Built:
    metrics = VideoMetrics(
        wiring.session_factory,
        default_timezone=wiring.settings.default_timezone,
        parse_seconds=wiring.settings.upload_parse_seconds,
    )
    return Built(services={"video_metrics": metrics})


FEATURE = Feature(
    name="video_metrics",
    private=(create_private_document_router,),
    operator=(create_router,),
    build=_build,
)
