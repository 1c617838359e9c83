"""Platform numbers imported from the dashboard: a CSV/XLSX file uploaded from the Videos screen
goes through VideoMetrics.import_file exactly as a document sent with /video_stats, and the
answer is the chat's own report; the template is /video_template's file (contract: api.py)."""

from __future__ import annotations

import base64
from urllib.parse import quote

from aiohttp import BodyPartReader, web

from bot.dashboard.frame import ApiError, authorize, json_response, plain, services_of, texts_of
from bot.dashboard.routes import group_id
from bot.domain.video_metrics_import import Reason
from bot.domain.video_metrics_read import MAX_FILE_BYTES, MetricsFileError
from bot.services.bounded_parse import ParseBudgetExceeded
from bot.services.video_metrics import VideoMetrics
from handlers.video_metrics import (
    SHOWN_REFUSED,
    VIDEO_STATS,
    VIDEO_TEMPLATE,
    refused_file,
    report_text,
    template_file,
)

FILE_FIELD = "file"
LIMIT_MB = MAX_FILE_BYTES // (1024 * 1024)
CHUNK = 64 * 1024


def add_routes(router: web.UrlDispatcher) -> None:
    base = "/api/groups/{chat_id}/videos"
    router.add_post(base + "/import", import_numbers)
    router.add_get(base + "/template", template)


async def import_numbers(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    authorized = await authorize(request, chat_id, VIDEO_STATS)
    texts = texts_of(request)
    content = await _uploaded(request)
    confirmed = request.query.get("confirmed") == "1"
    try:
        report = (
            await services_of(request)
            .feature("video_metrics", VideoMetrics)
            .import_file(chat_id, authorized.actor, content, confirmed=confirmed)
        )
    except MetricsFileError as error:
        said = texts("video-stats-file-error", code=error.code.value, limit=LIMIT_MB)
        raise ApiError(400, "video-stats-file-error", said=said) from None
    except ParseBudgetExceeded as error:
        raise ApiError(400, "upload-over-budget", seconds=round(error.seconds)) from None
    many_refused = len(report.refused) > SHOWN_REFUSED
    return json_response(
        {
            "taken": report.taken,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "refused": len(report.refused),
            "decreasing": any(item.reason is Reason.DECREASING for item in report.refused),
            "report": plain(report_text(texts, report)),
            # Beyond the first rows, the refused ones as the CSV chat sends beside the report.
            "refused_csv": (
                base64.b64encode(refused_file(texts, report.refused)).decode()
                if many_refused
                else None
            ),
        }
    )


async def _uploaded(request: web.Request) -> bytes:
    """The uploaded file's bytes, read no further than the limit chat has (Telegram's)."""
    too_large = ApiError(
        400,
        "video-stats-file-error",
        said=texts_of(request)("video-stats-file-error", code="too_large", limit=LIMIT_MB),
    )
    if not request.content_type.startswith("multipart/"):
        raise ApiError(400, "dashboard-no-file")
    reader = await request.multipart()
    while (part := await reader.next()) is not None:
        if isinstance(part, BodyPartReader) and part.name == FILE_FIELD:
            content = bytearray()
            while chunk := await part.read_chunk(CHUNK):
                content.extend(chunk)
                if len(content) > MAX_FILE_BYTES:
                    raise too_large
            if not content:
                raise ApiError(400, "dashboard-no-file")
            return bytes(content)
    raise ApiError(400, "dashboard-no-file")


async def template(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    await authorize(request, chat_id, VIDEO_TEMPLATE)
    texts = texts_of(request)
    name = texts.plain("video-stats-template-name")
    return web.Response(
        body=template_file(texts),
        content_type="text/csv",
        charset="utf-8",
        headers={
            "Cache-Control": "no-store",
            # The name is the chat's, in the reader's language: RFC 5987 for non-ASCII.
            "Content-Disposition": f"attachment; filename*=UTF-8''{_quoted(name)}",
        },
    )


def _quoted(name: str) -> str:
    return quote(name, safe="")
