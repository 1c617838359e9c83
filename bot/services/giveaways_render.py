"""A giveaway's texts: the announcement (with its entrant count, closed or cancelled), the
result of a draw or reroll with its proof, and the reason a rule was not met."""

from __future__ import annotations

import html

from bot.db.models import GiveawayRecord
from bot.domain.giveaway import Rules, SkipReason
from bot.i18n import Html, Texts, moment
from bot.services.giveaway_draw import Outcome, Person


def rule_lines(texts: Texts, rules: Rules) -> list[Html]:
    lines = []
    if rules.member:
        lines.append(texts("giveaway-rule-member"))
    if rules.joined_before and rules.joined_before_day:
        lines.append(texts("giveaway-rule-joined-day", day=rules.joined_before_day))
    elif rules.joined_before:
        lines.append(texts("giveaway-rule-joined"))
    if rules.min_comments:
        lines.append(
            texts("giveaway-rule-comments", count=rules.min_comments, days=rules.comment_days)
        )
    if rules.channel:
        lines.append(texts("giveaway-rule-channel", channel=rules.channel))
    if rules.staff_excluded:
        lines.append(texts("giveaway-rule-staff"))
    return lines or [texts("giveaway-rule-none")]


def announcement_text(
    texts: Texts, record: GiveawayRecord, count: int, timezone: str, *, closed: bool = False
) -> Html:
    lines = [
        texts("giveaway-announce-title", id=str(record.id), prize=record.prize),
        texts("giveaway-announce-winners", count=record.winner_count),
        texts("giveaway-announce-ends", when=moment(record.ends_at, timezone)),
        texts("giveaway-announce-rules"),
        *rule_lines(texts, Rules.from_json(record.rules)),
        texts("giveaway-announce-entrants", count=count),
        texts("giveaway-announce-commitment", commitment=record.commitment),
    ]
    if record.beacon_round is not None:
        lines.append(
            texts(
                "giveaway-announce-beacon",
                round=str(record.beacon_round),
                url=record.beacon_url or "",
            )
        )
    if record.status == "cancelled":
        lines.append(texts("giveaway-announce-cancelled", reason=record.cancel_reason or ""))
    elif closed:
        lines.append(texts("giveaway-announce-closed"))
    return texts.lines(lines)


def mention(person: Person) -> Html:
    name = " ".join(part for part in (person.first_name, person.last_name) if part)
    if not name:
        # A person forgotten after the draw: only the transcript's entrant number is left.
        return Html(f"<code>{html.escape(person.entrant)}</code>")
    # tg://user?id= links work for people without a username.
    return Html(f'<a href="tg://user?id={person.user_id}">{html.escape(name, quote=False)}</a>')


def reason_text(texts: Texts, reason: SkipReason, *, plain: bool = False) -> str:
    if reason.code == "joined-after-date":
        key, day = "giveaway-reason-joined-day", reason.day
        return texts.plain(key, day=day) if plain else texts(key, day=day)
    args: dict[str, str | int] = {
        "code": reason.code,
        "count": reason.count,
        "days": reason.days,
        "channel": reason.channel,
    }
    return texts.plain("giveaway-reason", **args) if plain else texts("giveaway-reason", **args)


def result_text(texts: Texts, outcome: Outcome) -> Html:
    record, transcript = outcome.record, outcome.transcript
    if outcome.reroll is None:
        lines = [texts("giveaway-result-title", id=str(record.id), prize=record.prize)]
    else:
        reason = transcript.rerolls[outcome.reroll - 1].reason
        lines = [
            texts(
                "giveaway-reroll-title",
                id=str(record.id),
                prize=record.prize,
                number=outcome.reroll,
                reason=reason,
            )
        ]
        if outcome.replaced:
            lines.append(texts("giveaway-reroll-replaces"))
            lines.extend(
                texts("giveaway-reroll-replaced", mention=mention(person))
                for person in outcome.replaced
            )
    if outcome.winners:
        lines.append(
            texts("giveaway-result-winners", count=len(outcome.winners), entrants=outcome.entrants)
        )
        lines.extend(
            texts("giveaway-result-winner", rank=outcome.place(index), mention=mention(person))
            for index, person in enumerate(outcome.winners)
        )
    else:
        lines.append(texts("giveaway-result-none", entrants=outcome.entrants))
    if outcome.skips:
        lines.append(texts("giveaway-result-skipped"))
        lines.extend(
            texts(
                "giveaway-result-skip",
                position=position + 1,
                entrant=entrant,
                reason=Html(reason_text(texts, reason)),
            )
            for position, entrant, reason in outcome.skips
        )
    lines.append(
        texts(
            "giveaway-result-proof",
            seed=transcript.seed,
            commitment=transcript.commitment,
            digest=outcome.round_digest,
            entrant_digest=transcript.entrant_digest,
        )
    )
    lines.append(texts("giveaway-result-verify"))
    return texts.lines(lines)
