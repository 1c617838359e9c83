"""A /feedback message is stored as the feedback; other commands and bare /feedback as typed."""

from __future__ import annotations

import pytest

from bot.domain.feedback_command import stored_text


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("/feedback 希望出一期新手教程", "希望出一期新手教程"),
        ("/feedback@fanpulse_bot 建議加繁體字幕", "建議加繁體字幕"),
        ("/feedback\n\nthe intro is too loud  ", "the intro is too loud"),
        ("/feedback", "/feedback"),
        ("/feedback   ", "/feedback   "),
        ("/feedbacks are welcome", "/feedbacks are welcome"),
        ("/feedback_export 7d", "/feedback_export 7d"),
        ("/Feedback hi", "/Feedback hi"),
        ("please /feedback here", "please /feedback here"),
        (None, None),
    ],
)
def test_only_the_feedback_command_is_taken_off(typed: str | None, stored: str | None) -> None:
    assert stored_text(typed) == stored
