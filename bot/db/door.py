"""The door's tables (SQL only; the caller commits): settings, newcomers' checks, welcome posts,
warnings and reports."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import DoorCheck, DoorPost, DoorSettingsRecord, MemberReport, MemberWarning
from bot.domain.door import CheckMode, CheckState, DoorSettings
from bot.domain.spam import SpamMode


async def settings_of(session: AsyncSession, chat_id: int) -> DoorSettings:
    row = await session.get(DoorSettingsRecord, chat_id)
    if row is None:
        return DoorSettings()
    return DoorSettings(
        welcome=row.welcome,
        welcome_text=row.welcome_text,
        rules=row.rules,
        rules_required=row.rules_required,
        check=CheckMode(row.check_mode),
        question=row.question,
        answers=tuple(line for line in (row.answers or "").split("\n") if line),
        check_minutes=row.check_minutes,
        trust_other_groups=row.trust_other_groups,
        dry_run=row.dry_run,
        giveaway_guard=row.giveaway_guard,
        spike_joins=row.spike_joins,
        warn_limit=row.warn_limit,
        warn_mute_minutes=row.warn_mute_minutes,
        spam=SpamMode(row.spam_mode),
    )


async def save_settings(
    session: AsyncSession, chat_id: int, settings: DoorSettings, now: datetime
) -> None:
    row = await session.get(DoorSettingsRecord, chat_id)
    if row is None:
        row = DoorSettingsRecord(chat_id=chat_id, updated_at=now)
        session.add(row)
    row.welcome = settings.welcome
    row.welcome_text = settings.welcome_text
    row.rules = settings.rules
    row.rules_required = settings.rules_required
    row.check_mode = settings.check.value
    row.question = settings.question
    row.answers = "\n".join(settings.answers) or None
    row.check_minutes = settings.check_minutes
    row.trust_other_groups = settings.trust_other_groups
    row.dry_run = settings.dry_run
    row.giveaway_guard = settings.giveaway_guard
    row.spike_joins = settings.spike_joins
    row.warn_limit = settings.warn_limit
    row.warn_mute_minutes = settings.warn_mute_minutes
    row.spam_mode = settings.spam.value
    row.updated_at = now
    await session.flush()


# checks


async def open_check(session: AsyncSession, check: DoorCheck) -> DoorCheck:
    session.add(check)
    await session.flush()
    return check


async def check(session: AsyncSession, check_id: int) -> DoorCheck | None:
    return await session.get(DoorCheck, check_id)


async def pending_of(session: AsyncSession, chat_id: int, user_id: int) -> list[DoorCheck]:
    rows = await session.scalars(
        select(DoorCheck)
        .where(
            DoorCheck.chat_id == chat_id,
            DoorCheck.user_id == user_id,
            DoorCheck.state == CheckState.PENDING,
        )
        .order_by(DoorCheck.id)
    )
    return list(rows)


async def pending_questions_of(session: AsyncSession, user_id: int) -> list[DoorCheck]:
    """Someone's checks waiting for a typed answer, oldest first, in any group."""
    rows = await session.scalars(
        select(DoorCheck)
        .where(
            DoorCheck.user_id == user_id,
            DoorCheck.state == CheckState.PENDING,
            DoorCheck.mode == CheckMode.QUESTION,
        )
        .order_by(DoorCheck.id)
    )
    return list(rows)


async def all_pending(session: AsyncSession) -> list[DoorCheck]:
    rows = await session.scalars(
        select(DoorCheck).where(DoorCheck.state == CheckState.PENDING).order_by(DoorCheck.id)
    )
    return list(rows)


async def decide(session: AsyncSession, check_id: int, state: CheckState, now: datetime) -> bool:
    """Pending -> `state`; False if someone (the deadline, another tap) decided first."""
    result = await session.execute(
        update(DoorCheck)
        .where(DoorCheck.id == check_id, DoorCheck.state == CheckState.PENDING)
        .values(state=state.value, decided_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def note_prompt(session: AsyncSession, check_id: int, chat_id: int, message_id: int) -> None:
    await session.execute(
        update(DoorCheck)
        .where(DoorCheck.id == check_id)
        .values(prompt_chat_id=chat_id, prompt_message_id=message_id)
    )


async def passed_elsewhere(session: AsyncSession, user_id: int, chat_id: int) -> bool:
    """Whether they proved themselves human at another group's door of this instance."""
    found = await session.scalar(
        select(DoorCheck.id)
        .where(
            DoorCheck.user_id == user_id,
            DoorCheck.chat_id != chat_id,
            DoorCheck.kind == "human",
            DoorCheck.state == CheckState.PASSED,
            DoorCheck.dry_run.is_(False),
        )
        .limit(1)
    )
    return found is not None


async def joins_since(session: AsyncSession, chat_id: int, since: datetime) -> list[int]:
    """Who reached this group's door since `since` (their checks), oldest first."""
    rows = await session.scalars(
        select(DoorCheck.user_id)
        .where(DoorCheck.chat_id == chat_id, DoorCheck.created_at >= since)
        .order_by(DoorCheck.id)
    )
    return list(dict.fromkeys(rows))


# welcome posts


async def recent_post(session: AsyncSession, chat_id: int, since: datetime) -> DoorPost | None:
    return await session.scalar(
        select(DoorPost)
        .where(
            DoorPost.chat_id == chat_id,
            DoorPost.sent_at >= since,
            DoorPost.deleted_at.is_(None),
        )
        .order_by(DoorPost.id.desc())
        .limit(1)
    )


async def add_post(session: AsyncSession, post: DoorPost) -> None:
    session.add(post)
    await session.flush()


async def posts_to_delete(session: AsyncSession) -> list[DoorPost]:
    rows = await session.scalars(
        select(DoorPost).where(DoorPost.deleted_at.is_(None)).order_by(DoorPost.id)
    )
    return list(rows)


async def post_deleted(session: AsyncSession, post_id: int, now: datetime) -> None:
    await session.execute(update(DoorPost).where(DoorPost.id == post_id).values(deleted_at=now))


# warnings and reports


async def add_warning(session: AsyncSession, chat_id: int, user_id: int, now: datetime) -> int:
    row = await session.get(MemberWarning, (chat_id, user_id))
    if row is None:
        row = MemberWarning(chat_id=chat_id, user_id=user_id, count=0, updated_at=now)
        session.add(row)
    row.count += 1
    row.updated_at = now
    await session.flush()
    return row.count


async def reset_warnings(session: AsyncSession, chat_id: int, user_id: int, now: datetime) -> None:
    row = await session.get(MemberWarning, (chat_id, user_id))
    if row is not None:
        row.count = 0
        row.updated_at = now


async def add_report(session: AsyncSession, report: MemberReport) -> MemberReport:
    session.add(report)
    await session.flush()
    return report


async def report(session: AsyncSession, report_id: int) -> MemberReport | None:
    return await session.get(MemberReport, report_id)


async def decide_report(session: AsyncSession, report_id: int, state: str, now: datetime) -> bool:
    result = await session.execute(
        update(MemberReport)
        .where(MemberReport.id == report_id, MemberReport.state == "open")
        .values(state=state, decided_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def open_reports(session: AsyncSession, chat_id: int) -> int:
    total = await session.scalar(
        select(func.count())
        .select_from(MemberReport)
        .where(MemberReport.chat_id == chat_id, MemberReport.state == "open")
    )
    return int(total or 0)
