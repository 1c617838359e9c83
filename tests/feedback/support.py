"""The feedback the inbox tests post, and choosing the victim group from private chat."""

from __future__ import annotations

from typing import Any

from tests.support.cast import FAN, VICTIM
from tests.support.scene import Scene

FEEDBACK = [
    "the app crashes when I upload",  # bug
    "please add subtitles",  # suggestion
    "视频有问题，闪退了",  # bug
    "love this channel, amazing work",  # praise
    "建议出一期猫咪视频",  # suggestion
    "another bug: the sound lags",  # bug
    "the sound is broken again",  # bug (broken)
]


async def post_feedback(scene: Scene) -> list[dict[str, Any]]:
    sent = [scene.updates.message(VICTIM, FAN, text) for text in FEEDBACK]
    await scene.pipeline.deliver(*sent)
    return [update["message"] for update in sent]
