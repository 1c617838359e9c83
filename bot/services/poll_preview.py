"""A poll's preview: what fans will see (the question, the options, how they vote) and when it
opens and closes in the group's time zone, before anything is sent."""

from __future__ import annotations

from bot.i18n import Html, Texts, moment
from bot.services.polls import CheckedPoll


def preview_text(texts: Texts, title: str, checked: CheckedPoll) -> Html:
    poll, timezone = checked.draft, checked.timezone
    lines = [
        texts("poll-preview-title", title=title),
        texts("poll-preview-question", question=poll.question),
    ]
    correct = set(poll.correct_option_ids)
    lines.extend(
        texts(
            "poll-preview-option",
            number=number,
            label=label,
            correct="yes" if number - 1 in correct else "no",
        )
        for number, label in enumerate(poll.options, start=1)
    )
    kind = "quiz" if poll.correct_option_ids else "multi" if poll.allows_multiple else "single"
    lines.append(
        texts("poll-preview-kind", kind=kind, anonymous="yes" if poll.is_anonymous else "no")
    )
    if poll.explanation:
        lines.append(texts("poll-preview-explanation", explanation=poll.explanation))
    if poll.start_at is None:
        lines.append(texts("poll-preview-opens-now"))
    else:
        lines.append(texts("poll-preview-opens-at", when=moment(poll.start_at, timezone)))
    if poll.close_at is None:
        lines.append(texts("poll-preview-closes-by-hand"))
    else:
        lines.append(texts("poll-preview-closes-at", when=moment(poll.close_at, timezone)))
    lines.append(texts("draft-preview-hint"))
    return texts.lines(lines)
