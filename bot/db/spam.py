"""Spam at ingest and after it (SQL only; the caller commits).

`judge_new_comments` runs inside the batch's transaction (bot/db/write_buffer.py), so a verdict
is stored with the message it is about, whichever instance took the update; the clock's pass
(bot/services/spam.py) then acts on pending verdicts. Groups with the spam check off (the
default) cost one small read per batch. A text seen from enough accounts or groups within the
window also marks the earlier copies: a wave is stopped as a whole, not from its third message.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, exists, func, select, union_all, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.bulk_insert import BulkUpsert
from bot.db.feedback_ingest import IngestLookup
from bot.db.message_keys import among_messages
from bot.db.models import (
    Comment,
    DoorSettingsRecord,
    SpamFingerprint,
    SpamPhrase,
    SpamReport,
    SpamVerdict,
)
from bot.db.spam_lookup import (
    CHECKED_GROUPS,
    Copy,
    SpamReads,
    batch_priors,
    judgeable,
    read_row,
    spam_parts,
)
from bot.db.upsert import insert_for
from bot.domain.records import IncomingComment
from bot.domain.spam import (
    FINGERPRINT_WINDOW,
    NEWCOMER_MESSAGES,
    Context,
    SpamMode,
    TextSignals,
    Verdict,
    decide,
    read_text,
)

PENDING, REPORTED, ACTED, EXEMPT = "pending", "reported", "acted", "exempt"
UNDONE, BANNED, NOT_SPAM = "undone", "banned", "not_spam"
OPEN = "open"

FINGERPRINT_INSERT = BulkUpsert(
    SpamFingerprint.__table__,  # type: ignore[arg-type]
    columns=("fingerprint", "chat_id", "message_id", "user_id", "seen_at"),
    conflict=("chat_id", "message_id"),
)


@dataclass(frozen=True, slots=True)
class Judged:
    chat_id: int
    message_id: int
    user_id: int
    verdict: Verdict


async def spam_modes(session: AsyncSession, chat_ids: Collection[int]) -> dict[int, SpamMode]:
    """The groups among `chat_ids` whose spam check is on, with its mode."""
    if not chat_ids:
        return {}
    rows = await session.execute(
        select(DoorSettingsRecord.chat_id, DoorSettingsRecord.spam_mode).where(
            DoorSettingsRecord.chat_id.in_(list(chat_ids)),
            DoorSettingsRecord.spam_mode != SpamMode.OFF.value,
        )
    )
    return {int(chat_id): SpamMode(mode) for chat_id, mode in rows.all()}


async def judge_new_comments(
    session: AsyncSession,
    comments: Sequence[IncomingComment],
    lookup: IngestLookup,
    reads: SpamReads,
    now: datetime,
) -> list[Judged]:
    """Decide every new fan message of a group with the check on; store the spam found.
    The groups' modes, taught phrases, roles, the window's copies and the senders' earlier
    messages come with the batch's lookup; plain chat then costs no statement at all."""
    batch_chats = {c.chat_id for c in comments}
    CHECKED_GROUPS.difference_update(batch_chats - set(lookup.spam_modes))
    CHECKED_GROUPS.update(batch_chats & set(lookup.spam_modes))
    if not lookup.spam_modes:
        return []
    modes = {chat_id: SpamMode(mode) for chat_id, mode in lookup.spam_modes.items()}
    candidates = [
        c
        for c in comments
        if c.chat_id in modes
        and judgeable(c)
        and (c.chat_id, c.author.user_id) not in lookup.granted
    ]
    copies, stored_priors = list(lookup.copies), dict(lookup.priors)
    missed = SpamReads()
    for c in candidates:
        if (c.chat_id, c.message_id) not in reads.signals:
            missed.add(c, read_text(c.text))
    if missed.asks:
        # A group the hint did not know: its reads in one statement of their own.
        more_copies, more_priors = await spam_reads(session, missed)
        copies += more_copies
        stored_priors.update(more_priors)
    signals = {**reads.signals, **missed.signals}
    learned = lookup.learned
    telling = [
        (c, s)
        for c in candidates
        if (s := signals[(c.chat_id, c.message_id)]).telling
        or c.is_forwarded
        or any(p in s.folded for p in learned.get(c.chat_id, ()))
    ]
    if not telling:
        return []
    repeats = await _repeats(session, telling, copies)
    priors = batch_priors(comments, stored_priors)
    judged: list[Judged] = []
    for comment, text_signals in telling:
        accounts, groups = repeats.get(text_signals.fingerprint or "", (1, 1))
        user_id = comment.author.user_id
        assert user_id is not None
        verdict = decide(
            text_signals,
            Context(
                prior_messages=priors.get((comment.chat_id, comment.message_id), NEWCOMER_MESSAGES),
                is_forwarded=comment.is_forwarded,
                accounts_with_text=accounts,
                groups_with_text=groups,
                learned=learned.get(comment.chat_id, ()),
            ),
        )
        if verdict.is_spam:
            judged.append(Judged(comment.chat_id, comment.message_id, user_id, verdict))
    earlier = _earlier_copies(judged, telling, copies, modes)
    # The batch's own spam is stored marked by the caller; the earlier copies are marked here.
    await store_verdicts(session, [*judged, *earlier], modes, now, marked=earlier)
    return judged


async def spam_reads(
    session: AsyncSession, reads: SpamReads
) -> tuple[list[Copy], dict[tuple[int, int], int]]:
    copies: list[Copy] = []
    priors: dict[tuple[int, int], int] = {}
    parts = spam_parts(reads)
    rows = await session.execute(parts[0] if len(parts) == 1 else union_all(*parts))
    for kind, key, value in rows.all():
        read_row(kind, key, value, copies, priors)
    return copies, priors


async def _repeats(
    session: AsyncSession,
    read: Sequence[tuple[IncomingComment, TextSignals]],
    copies: Sequence[Copy],
) -> dict[str, tuple[int, int]]:
    """Per fingerprint of the batch: distinct accounts and groups within the window, the
    batch's own copies (now stored) with the earlier ones."""
    printed = [(c, s.fingerprint) for c, s in read if s.fingerprint is not None]
    if not printed:
        return {}
    await FINGERPRINT_INSERT.execute(
        session,
        [(f, c.chat_id, c.message_id, c.author.user_id, c.created_at) for c, f in printed],
    )
    accounts: dict[str, set[int]] = {}
    groups: dict[str, set[int]] = {}
    for fingerprint, chat_id, user_id in [
        *((f, c.chat_id, c.author.user_id or 0) for c, f in printed),
        *((c.fingerprint, c.chat_id, c.user_id) for c in copies),
    ]:
        accounts.setdefault(fingerprint, set()).add(user_id)
        groups.setdefault(fingerprint, set()).add(chat_id)
    return {f: (len(accounts[f]), len(groups[f])) for f in accounts}


def _earlier_copies(
    judged: Sequence[Judged],
    read: Sequence[tuple[IncomingComment, TextSignals]],
    copies: Sequence[Copy],
    modes: dict[int, SpamMode],
) -> list[Judged]:
    """The earlier copies of the window, in any group of this instance with the check on,
    of texts just judged spam that no verdict covers yet."""
    printed = {(c.chat_id, c.message_id): s.fingerprint for c, s in read}
    by_print = {f: j for j in judged if (f := printed.get((j.chat_id, j.message_id))) is not None}
    waves = {
        f: j
        for f, j in by_print.items()
        if any(r.startswith(("repeat-accounts", "repeat-groups")) for r in j.verdict.reasons)
    }
    fresh = {(j.chat_id, j.message_id) for j in judged}
    found = {
        (c.chat_id, c.message_id): Judged(
            c.chat_id, c.message_id, c.user_id, waves[c.fingerprint].verdict
        )
        for c in copies
        if c.fingerprint in waves
        and not c.judged
        and c.chat_id in modes
        and (c.chat_id, c.message_id) not in fresh
    }
    return list(found.values())


async def store_verdicts(
    session: AsyncSession,
    judged: Sequence[Judged],
    modes: dict[int, SpamMode],
    now: datetime,
    marked: Sequence[Judged] | None = None,
) -> None:
    """Pending verdicts and their messages marked spam; a message already judged keeps its
    first verdict (a redelivered update, a copy found again)."""
    if not judged:
        return
    await session.execute(
        insert_for(session, SpamVerdict.__table__).on_conflict_do_nothing(
            index_elements=[SpamVerdict.chat_id, SpamVerdict.message_id]
        ),
        [
            {
                "chat_id": j.chat_id,
                "message_id": j.message_id,
                "user_id": j.user_id,
                "score": j.verdict.score,
                "reasons": "\n".join(j.verdict.reasons),
                "mode": modes.get(j.chat_id, SpamMode.REPORT).value,
                "state": PENDING,
                "created_at": now,
            }
            for j in judged
        ],
    )
    marked = judged if marked is None else marked
    await mark_comments(session, [(j.chat_id, j.message_id) for j in marked], spam=True)


async def mark_comments(
    session: AsyncSession, keys: Iterable[tuple[int, int]], *, spam: bool
) -> None:
    keys = list(keys)
    if keys:
        await session.execute(
            update(Comment)
            .where(among_messages(Comment.chat_id, Comment.message_id, keys))
            .values(is_spam=spam)
        )


async def learned_phrases(
    session: AsyncSession, chat_ids: Collection[int]
) -> dict[int, tuple[str, ...]]:
    rows = await session.execute(
        select(SpamPhrase.chat_id, SpamPhrase.phrase).where(SpamPhrase.chat_id.in_(chat_ids))
    )
    found: dict[int, list[str]] = {}
    for chat_id, phrase in rows.all():
        found.setdefault(int(chat_id), []).append(str(phrase))
    return {chat_id: tuple(phrases) for chat_id, phrases in found.items()}


async def learn(
    session: AsyncSession, chat_id: int, phrase: str, added_by: int | None, now: datetime
) -> None:
    await session.execute(
        insert_for(session, SpamPhrase.__table__).on_conflict_do_nothing(
            index_elements=[SpamPhrase.chat_id, SpamPhrase.phrase]
        ),
        [{"chat_id": chat_id, "phrase": phrase, "added_by": added_by, "added_at": now}],
    )


async def unlearn(session: AsyncSession, chat_id: int, phrases: Collection[str]) -> None:
    if phrases:
        await session.execute(
            delete(SpamPhrase).where(
                SpamPhrase.chat_id == chat_id, SpamPhrase.phrase.in_(list(phrases))
            )
        )


async def comment_text(session: AsyncSession, chat_id: int, message_id: int) -> str | None:
    text: str | None = await session.scalar(
        select(Comment.text).where(Comment.chat_id == chat_id, Comment.message_id == message_id)
    )
    return text


# after ingest


async def chats_with_pending(session: AsyncSession) -> dict[int, int]:
    """Per group with undecided verdicts: the newest verdict's id (a pass per new wave)."""
    rows = await session.execute(
        select(SpamVerdict.chat_id, func.max(SpamVerdict.id))
        .where(SpamVerdict.state == PENDING)
        .group_by(SpamVerdict.chat_id)
    )
    return {int(chat_id): int(newest) for chat_id, newest in rows.all()}


async def pending_of(session: AsyncSession, chat_id: int) -> list[SpamVerdict]:
    rows = await session.scalars(
        select(SpamVerdict)
        .where(SpamVerdict.chat_id == chat_id, SpamVerdict.state == PENDING)
        .order_by(SpamVerdict.id)
    )
    return list(rows)


async def settle(
    session: AsyncSession, verdict_id: int, state: str, report_id: int | None, now: datetime
) -> bool:
    """Pending -> `state`; False when another pass settled it first."""
    result = await session.execute(
        update(SpamVerdict)
        .where(SpamVerdict.id == verdict_id, SpamVerdict.state == PENDING)
        .values(state=state, report_id=report_id, decided_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def open_report(session: AsyncSession, chat_id: int, mode: str, now: datetime) -> int:
    report = SpamReport(chat_id=chat_id, mode=mode, state=OPEN, created_at=now)
    session.add(report)
    await session.flush()
    return report.id


async def report_of(session: AsyncSession, report_id: int) -> SpamReport | None:
    return await session.get(SpamReport, report_id)


async def verdicts_of_report(session: AsyncSession, report_id: int) -> list[SpamVerdict]:
    rows = await session.scalars(
        select(SpamVerdict).where(SpamVerdict.report_id == report_id).order_by(SpamVerdict.id)
    )
    return list(rows)


async def decide_report(session: AsyncSession, report_id: int, state: str, now: datetime) -> bool:
    """Open -> `state`, with its verdicts; False when another operator decided first."""
    result = await session.execute(
        update(SpamReport)
        .where(SpamReport.id == report_id, SpamReport.state == OPEN)
        .values(state=state, decided_at=now)
    )
    if not result.rowcount:  # type: ignore[attr-defined]
        return False
    await session.execute(
        update(SpamVerdict)
        .where(SpamVerdict.report_id == report_id, SpamVerdict.state != EXEMPT)
        .values(state=state, decided_at=now)
    )
    return True


def _stale(now: datetime) -> ColumnElement[bool]:
    return SpamFingerprint.seen_at < now - FINGERPRINT_WINDOW - timedelta(minutes=5)


async def has_stale_fingerprints(session: AsyncSession, now: datetime) -> bool:
    """Whether a prune has anything to do (read on the seen_at index)."""
    return bool(await session.scalar(select(exists().where(_stale(now)))))


async def prune_fingerprints(session: AsyncSession, now: datetime) -> int:
    result = await session.execute(delete(SpamFingerprint).where(_stale(now)))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
