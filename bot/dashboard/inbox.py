"""The inbox over the API: the filters and search of /inbox, read by keyset cursor, and the
triage actions of /tag, /untag, /mark and /dupe on one or several items (contract: api.py)."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import UTC, datetime

from aiohttp import web

from bot.dashboard.frame import (
    ApiError,
    authorize,
    json_body,
    json_response,
    services_of,
    texts_of,
)
from bot.dashboard.routes import ACT, READ, group_id
from bot.db.inbox import After
from bot.domain.export import FeedbackRow
from bot.domain.feedback_status import Status, parse_message_ref, parse_status, suggest_status
from bot.domain.inbox import InboxError
from bot.domain.roles import Actor
from bot.domain.tag_set import TagSetError
from bot.domain.videos import VideoInputError
from bot.i18n import Texts
from bot.services.ask_notices import AskNotices
from bot.services.feedback import FeedbackService
from bot.services.feedback_video_link import link_feedback
from bot.services.inbox import InboxService
from bot.services.tags import shown_tag
from bot.services.videos import UnknownComment, UnknownVideo, VideoArchived, VideoRegistry
from handlers.inbox import inbox_error
from handlers.tag_evidence import evidence_text
from handlers.tags import tag_error

DEFAULT_LIMIT = 20
MAX_LIMIT = 50
MAX_ITEMS = 50  # items one action may change
ECHO_LIMIT = 64
# Filters given apart from the typed line become the words /inbox reads for them.
FILTER_PARAMS = {
    "tag": "tag:",
    "status": "status:",
    "sentiment": "sentiment:",
    "author": "from:",
    "period": "period:",
}
ACTIONS = ("tag", "untag", "status", "duplicate", "video")


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/api/groups/{chat_id}/inbox", inbox)
    router.add_post("/api/groups/{chat_id}/inbox/actions", act)


def _inbox(request: web.Request) -> InboxService:
    return services_of(request).feature("inbox", InboxService)


def _feedback(request: web.Request) -> FeedbackService:
    return services_of(request).feature("feedback", FeedbackService)


def _ask_notices(request: web.Request) -> AskNotices:
    return services_of(request).feature("ask_notices", AskNotices)


async def inbox(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    await authorize(request, chat_id, READ)
    texts = texts_of(request)
    typed = _typed_filters(request)
    limit = _limit(request.query.get("limit"))
    after = _cursor(request.query.get("cursor"))
    try:
        browsed = await _inbox(request).browse(chat_id, typed, after, limit)
    except InboxError as error:
        raise ApiError(400, "inbox-error", said=inbox_error(texts, error)) from None
    # The first page also names the tags an item may be given, for the screen's chips.
    tags = [] if after is not None else await _inbox(request).tag_names(chat_id)
    return json_response(
        {
            "filters": browsed.filters.describe(),
            "tags": [{"tag": tag, "name": shown_tag(texts, tag)} for tag in tags],
            "total": browsed.total,
            "more": browsed.more,
            "timezone": browsed.timezone,
            "items": [item_json(texts, row) for row in browsed.rows],
            "cursor": _encode(browsed.after),
        }
    )


def item_json(texts: Texts, row: FeedbackRow) -> dict[str, object]:
    return {
        "message_id": row.message_id,
        "at": row.created_at.isoformat(),
        "author": {"name": row.author_name, "id": row.author_id},
        "text": row.text,
        "tags": [{"tag": tag, "name": shown_tag(texts, tag)} for tag in row.tags],
        "sentiment": row.sentiment,
        "status": row.status,
        "duplicate_of": row.duplicate_of,
        "edited": row.edited,
        "link": row.link,
        "evidence": {
            "sentiment": list(row.sentiment_evidence),
            "tags": [
                {"tag": tag, "name": shown_tag(texts, tag), "words": list(words)}
                for tag, words in row.tag_evidence
                if tag in row.tags
            ],
            "said": evidence_text(texts, row),
        },
    }


def _typed_filters(request: web.Request) -> str:
    words = [request.query.get("q", "")]
    for name, prefix in FILTER_PARAMS.items():
        value = request.query.get(name, "").strip()
        if value:
            words.append(prefix + value)
    return " ".join(word for word in words if word)


def _limit(raw: str | None) -> int:
    if raw is None:
        return DEFAULT_LIMIT
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
        raise ApiError(400, "dashboard-bad-limit", most=MAX_LIMIT)
    return int(raw)


def _encode(after: After | None) -> str | None:
    if after is None:
        return None
    raw = f"{after.created_at.isoformat()}|{after.comment_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _cursor(raw: str | None) -> After | None:
    """The cursor is the last item's position, opaque to the screens; a forged one only moves
    where the walk starts within the group's own items."""
    if not raw:
        return None
    try:
        decoded = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode()
        when, comment_id = decoded.rsplit("|", 1)
        at = datetime.fromisoformat(when)
        if at.tzinfo is None:
            raise ValueError("naive")
        return After(at, int(comment_id))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise ApiError(400, "dashboard-bad-cursor") from None


async def act(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    authorized = await authorize(request, chat_id, ACT)
    body = await json_body(request)
    texts = texts_of(request)
    action = body.get("action")
    if action not in ACTIONS:
        raise ApiError(400, "dashboard-bad-action", allowed=", ".join(ACTIONS))
    message_ids = _message_ids(body.get("message_ids"))
    feedback = _feedback(request)
    missing = sorted(set(message_ids) - await feedback.stored(chat_id, message_ids))
    if missing:
        raise ApiError(400, "dashboard-unknown-items", ids=", ".join(map(str, missing)))
    triage = Triage(feedback, _ask_notices(request), texts, chat_id, authorized.actor, message_ids)
    if action == "video":
        await _link_to_video(request, triage, body.get("video"))
    elif action in ("tag", "untag"):
        await triage.tag(body.get("tag"), present=action == "tag")
    elif action == "status":
        await triage.mark(body.get("status"))
    else:
        await triage.duplicate(body.get("original"))
    rows = await _inbox(request).items(chat_id, message_ids)
    return json_response({"action": action, "items": [item_json(texts, row) for row in rows]})


async def _link_to_video(request: web.Request, triage: Triage, video: object) -> None:
    """The items linked to a video through the use case of /link v12 (the askers are told)."""
    if not isinstance(video, str) or not video.strip():
        raise ApiError(400, "dashboard-bad-video")
    videos = services_of(request).feature("videos", VideoRegistry)
    for message_id in triage.message_ids:
        try:
            await link_feedback(
                videos,
                triage.notices,
                triage.chat_id,
                triage.actor,
                reference=video.strip()[:ECHO_LIMIT],
                message_id=message_id,
                now=datetime.now(UTC),
            )
        except (VideoInputError, UnknownVideo):
            raise ApiError(400, "video-unknown", code=video.strip()[:ECHO_LIMIT]) from None
        except VideoArchived as error:
            raise ApiError(400, "video-link-archived", code=error.video.code) from None
        except UnknownComment:
            raise ApiError(400, "video-link-unknown-comment") from None


def _message_ids(value: object) -> list[int]:
    if (
        not isinstance(value, list)
        or not 1 <= len(value) <= MAX_ITEMS
        or not all(type(item) is int and 0 < item < 2**53 for item in value)
    ):
        raise ApiError(400, "dashboard-bad-items", most=MAX_ITEMS)
    return list(dict.fromkeys(value))


@dataclass(frozen=True, slots=True)
class Triage:
    """One action on several items, through the service the commands use (each audited)."""

    feedback: FeedbackService
    notices: AskNotices
    texts: Texts
    chat_id: int
    actor: Actor
    message_ids: list[int]

    async def tag(self, tag: object, *, present: bool) -> None:
        if not isinstance(tag, str) or not tag.strip():
            raise ApiError(400, "dashboard-bad-tag")
        for message_id in self.message_ids:
            try:
                await self.feedback.tag(
                    self.chat_id, self.actor, message_id, tag.strip(), present=present
                )
            except TagSetError as error:
                # The tag is read before anything is written: the first item refuses alone.
                raise ApiError(400, "tags-error", said=tag_error(self.texts, error)) from None

    async def mark(self, typed: object) -> None:
        status = parse_status(typed) if isinstance(typed, str) else None
        if status is None:
            value = typed[:ECHO_LIMIT] if isinstance(typed, str) else ""
            lines = [self.texts("mark-bad-status", value=value)]
            if isinstance(typed, str) and (meant := suggest_status(typed)) is not None:
                lines.append(self.texts("dashboard-did-you-mean", suggestion=meant))
            raise ApiError(400, "mark-bad-status", said=self.texts.lines(lines))
        for message_id in self.message_ids:
            await self.feedback.mark(self.chat_id, self.actor, message_id, status)
            if status is Status.DONE:
                await self.notices.feedback_done(self.chat_id, message_id)

    async def duplicate(self, typed: object) -> None:
        if type(typed) is int:
            original: int | None = typed
        else:
            original = parse_message_ref(typed) if isinstance(typed, str) else None
        if original is None or original <= 0:
            raise ApiError(400, "dashboard-bad-original")
        if original in self.message_ids:
            raise ApiError(400, "dupe-itself")
        for message_id in self.message_ids:
            if not await self.feedback.link_duplicate(
                self.chat_id, self.actor, message_id, original
            ):
                raise ApiError(400, "dupe-unknown", original=original)
