"""The tables feedback writes, for before/after comparisons (the operators' authority test)."""

from __future__ import annotations

from bot.db.models import (
    FeedbackItem,
    FeedbackItemTag,
    FeedbackQuestion,
    FeedbackTag,
    FeedbackTagSet,
    ForgottenUser,
    InboxQuery,
    PrivateFeedback,
    RetentionSetting,
)

FEEDBACK_TABLES = (
    FeedbackTagSet,
    FeedbackTag,
    FeedbackItem,
    FeedbackItemTag,
    FeedbackQuestion,
    PrivateFeedback,
    InboxQuery,
    ForgottenUser,
    RetentionSetting,
)
