"""A giveaway's preview: the announcement fans will see (prize, winners, end in the group's time
zone, rules), before anything is posted. Its number and seed commitment exist only once sent."""

from __future__ import annotations

from bot.i18n import Html, Texts, moment
from bot.services.giveaways import CheckedGiveaway
from bot.services.giveaways_render import rule_lines


def preview_text(texts: Texts, title: str, checked: CheckedGiveaway) -> Html:
    draft = checked.draft
    return texts.lines(
        [
            texts("giveaway-preview-title", title=title),
            texts("giveaway-preview-prize", prize=draft.prize),
            texts("giveaway-announce-winners", count=draft.winner_count),
            texts("giveaway-announce-ends", when=moment(draft.ends_at, checked.timezone)),
            texts("giveaway-announce-rules"),
            *rule_lines(texts, checked.rules),
            texts("giveaway-preview-commitment"),
            texts("draft-preview-hint"),
        ]
    )
