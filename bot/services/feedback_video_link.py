"""Linking a fan's feedback to a registered video: the one use case behind `/link v12` by reply,
the inbox card's Link button and the dashboard inbox's action. The link is filed by the video
registry; the fans who asked are then told once (bot/services/ask_notices.py)."""

from __future__ import annotations

from datetime import datetime

from bot.domain.roles import Actor
from bot.services.ask_notices import AskNotices
from bot.services.videos import Changed, VideoRegistry


async def link_feedback(
    videos: VideoRegistry,
    ask_notices: AskNotices,
    chat_id: int,
    actor: Actor,
    *,
    reference: str,
    message_id: int,
    now: datetime,
) -> Changed:
    """Raises what `VideoRegistry.link` raises (unknown or archived video, unknown comment)."""
    done = await videos.link(chat_id, actor, reference, message_id, now)
    await ask_notices.feedback_linked(chat_id, message_id, done.code)
    return done
