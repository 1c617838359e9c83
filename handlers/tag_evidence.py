"""The line under an inbox item that says what decided it: "↳ why: negative: 太慢, 凉了 · bug:
闪退". Shared by /inbox and the dashboard's inbox API (as plain text there)."""

from __future__ import annotations

from bot.domain.export import FeedbackRow
from bot.i18n import Html, Texts
from bot.services.tags import shown_tag

DECISION_SEPARATOR = " · "


def evidence_line(texts: Texts, row: FeedbackRow) -> Html | None:
    """The evidence of `row`'s automatic decisions, HTML-escaped; None when there is none (a
    neutral comment, or tags an operator gave)."""
    decisions = _decisions(texts, row, plain=False)
    if not decisions:
        return None
    return texts("evidence-line", decisions=Html(DECISION_SEPARATOR.join(decisions)))


def evidence_text(texts: Texts, row: FeedbackRow) -> str | None:
    """The same line as plain text, for JSON."""
    decisions = _decisions(texts, row, plain=True)
    if not decisions:
        return None
    return texts.plain("evidence-line", decisions=DECISION_SEPARATOR.join(decisions))


def _decisions(texts: Texts, row: FeedbackRow, *, plain: bool) -> list[str]:
    say = texts.plain if plain else texts
    joiner = texts.plain("evidence-joiner")
    decisions: list[str] = []
    if row.sentiment in ("positive", "negative") and row.sentiment_evidence:
        words = joiner.join(row.sentiment_evidence)
        decisions.append(say("evidence-sentiment", sentiment=row.sentiment, words=words))
    shown = set(row.tags)
    for tag, tag_words in row.tag_evidence:
        if tag in shown:
            joined = joiner.join(tag_words)
            decisions.append(say("evidence-tag", tag=shown_tag(texts, tag), words=joined))
    return decisions
