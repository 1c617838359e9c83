"""Typed tables. Telegram ids are 64-bit: BIGINT everywhere. Times are UTC."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.db.types import UtcDateTime
from bot.domain.tagging.normalization import normalize

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a real BIGINT identity.
SurrogateKey = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UtcDateTime()}


class Chat(Base):
    __tablename__ = "chats"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    type: Mapped[str] = mapped_column(String(16))
    title: Mapped[str | None] = mapped_column(String(255))
    username: Mapped[str | None] = mapped_column(String(64))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    inactive_reason: Mapped[str | None] = mapped_column(String(32))
    migrated_to_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    first_seen_at: Mapped[datetime]
    last_update_at: Mapped[datetime]


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    is_bot: Mapped[bool] = mapped_column(Boolean, default=False)
    first_name: Mapped[str] = mapped_column(String(255))
    last_name: Mapped[str | None] = mapped_column(String(255))
    username: Mapped[str | None] = mapped_column(String(64))
    language_code: Mapped[str | None] = mapped_column(String(16))
    first_seen_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]


def _folded_text(context: DefaultExecutionContext) -> str | None:
    text = context.get_current_parameters().get("text")  # type: ignore[no-untyped-call]
    return None if text is None else normalize(text)


class Comment(Base):
    """Every group message the bot can see, service messages included, stored once."""

    __tablename__ = "comments"
    __table_args__ = (
        UniqueConstraint("chat_id", "message_id"),
        Index("ix_comments_chat_id_created_at", "chat_id", "created_at"),
        Index("ix_comments_author_user_id", "author_user_id"),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chats.id"))
    message_id: Mapped[int] = mapped_column(BigInteger)
    thread_id: Mapped[int | None] = mapped_column(BigInteger)
    # Who the message belongs to (ARCHITECTURE section 3): a person, or the chat in sender_chat.
    author_kind: Mapped[str] = mapped_column(String(24))
    author_user_id: Mapped[int | None] = mapped_column(BigInteger)
    sender_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    is_fan: Mapped[bool] = mapped_column(Boolean)
    text: Mapped[str | None] = mapped_column(Text)
    media_kind: Mapped[str | None] = mapped_column(String(24))
    service_kind: Mapped[str | None] = mapped_column(String(32))
    reply_to_message_id: Mapped[int | None] = mapped_column(BigInteger)
    is_automatic_forward: Mapped[bool] = mapped_column(Boolean, default=False)
    is_forwarded: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    edited_at: Mapped[datetime | None]
    edit_count: Mapped[int] = mapped_column(Integer, default=0)
    # The text in the tagger's normal form, which the search index covers (bot/db/search_index.py);
    # filled from `text` by any insert through SQLAlchemy, set explicitly by edits and ingest.
    search_text: Mapped[str | None] = mapped_column(Text, default=_folded_text)
    # Decided at ingest (bot/db/spam.py): spam never counts in digests, feedback, topics or
    # giveaway rules. A server default, because ingest's bulk insert does not name it.
    is_spam: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class CommentVersion(Base):
    """The text a comment had before each edit, keyed by the edit's own date."""

    __tablename__ = "comment_versions"
    __table_args__ = (
        UniqueConstraint("chat_id", "message_id", "edited_at"),
        ForeignKeyConstraint(
            ["chat_id", "message_id"],
            ["comments.chat_id", "comments.message_id"],
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    edited_at: Mapped[datetime]
    previous_text: Mapped[str | None] = mapped_column(Text)


class FailedUpdate(Base):
    """An update whose handler raised: kept whole so that it can be replayed, never lost.
    `user_id` is the person who sent it, so that /forget can find it."""

    __tablename__ = "failed_updates"
    __table_args__ = (
        UniqueConstraint("update_id", "payload_sha256"),
        Index("ix_failed_updates_user_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    update_id: Mapped[int] = mapped_column(BigInteger)
    payload_sha256: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)
    error: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[datetime]
    user_id: Mapped[int | None] = mapped_column(BigInteger)


class ChatSettings(Base):
    """What operators chose for a group: its language and timezone; who added the bot."""

    __tablename__ = "chat_settings"

    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("chats.id"), primary_key=True, autoincrement=False
    )
    language: Mapped[str | None] = mapped_column(String(8))
    timezone: Mapped[str | None] = mapped_column(String(64))
    added_by_user_id: Mapped[int | None] = mapped_column(BigInteger)
    updated_at: Mapped[datetime]
    # When the bot told the group, once, what it does with its messages (bot/db/introductions.py).
    introduced_at: Mapped[datetime | None]


class UserSettings(Base):
    """A person's own choices in private chat (no foreign key: people who only talk in private
    are not stored as users)."""

    __tablename__ = "user_settings"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    language: Mapped[str | None] = mapped_column(String(8))
    updated_at: Mapped[datetime]


class ChatRole(Base):
    """A fanpulse role (operator, analyst) that a group's administrators granted to someone."""

    __tablename__ = "chat_roles"

    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chats.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    granted_by_user_id: Mapped[int | None] = mapped_column(BigInteger)
    granted_at: Mapped[datetime]


class ConsoleSelection(Base):
    """The group an operator's private-chat commands act on."""

    __tablename__ = "console_selections"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chats.id"))
    selected_at: Mapped[datetime]


class AuditRecord(Base):
    """One state-changing operator action: who (a person or an anonymous admin's chat), what,
    when, in which group."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_chat_id_created_at", "chat_id", "created_at"),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chats.id"))
    actor_user_id: Mapped[int | None] = mapped_column(BigInteger)
    actor_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(48))
    subject_user_id: Mapped[int | None] = mapped_column(BigInteger)
    detail: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]


class ConfirmedAction(Base):
    """A destructive operator action asked with Yes/No, then done and undoable for a while:
    `payload` holds what the action needs, and after it ran what Undo restores."""

    __tablename__ = "confirmed_actions"
    __table_args__ = (Index("ix_confirmed_actions_chat_id_created_at", "chat_id", "created_at"),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chats.id"))
    kind: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16))  # asked, declined, done, undone
    payload: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[int | None] = mapped_column(BigInteger)
    actor_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    subject_user_id: Mapped[int | None] = mapped_column(BigInteger)  # whom it is about
    created_at: Mapped[datetime]
    done_at: Mapped[datetime | None]


class JobRun(Base):
    """One occurrence (period) of a scheduled job; the row is claimed before the action runs, so
    a run happens at most once across restarts and instances (ARCHITECTURE section 5)."""

    __tablename__ = "job_runs"
    # By status: every pass looks for runs a dead instance left `claimed` (few) among a
    # history that grows by each series' every period.
    __table_args__ = (UniqueConstraint("job", "period"), Index("ix_job_runs_status", "status"))

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    job: Mapped[str] = mapped_column(String(160))
    period: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16))  # claimed, done, missed, failed
    instance: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    detail: Mapped[str | None] = mapped_column(Text)


class SchedulerLease(Base):
    """Who runs the clock: only the instance holding an unexpired lease (ARCHITECTURE section 7)."""

    __tablename__ = "scheduler_leases"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    holder: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime]


class ClockChange(Base):
    """A counter every change of what should run bumps (`Clock.rebuild`, on any instance): the
    clock's holder re-plans on a heartbeat only when it moved or a planned instant came."""

    __tablename__ = "clock_changes"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
    changed_at: Mapped[datetime]


class DigestSettings(Base):
    """When a group's digest goes out (its local time) and the operators' chat that also gets it."""

    __tablename__ = "digest_settings"

    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("chats.id"), primary_key=True, autoincrement=False
    )
    local_time: Mapped[str] = mapped_column(String(5))  # "09:00", in the group's timezone
    operators_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    # The weekdays the daily digest goes out, Monday 0 ("01234": weekdays); None: every day.
    days: Mapped[str | None] = mapped_column(String(7))
    updated_at: Mapped[datetime]


class DigestSubscription(Base):
    """A person who asked for a group's digest in private chat; `blocked_at`: they blocked us."""

    __tablename__ = "digest_subscriptions"

    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chats.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    subscribed_at: Mapped[datetime]
    blocked_at: Mapped[datetime | None]


class GroupEvent(Base):
    """What a digest counts that is not a stored message: joins and leaves from chat_member,
    replies to the bot, reactions. Idempotent on its natural key (0 where a part is absent)."""

    __tablename__ = "group_events"
    __table_args__ = (
        UniqueConstraint("chat_id", "kind", "user_id", "message_id", "happened_at"),
        Index("ix_group_events_chat_id_happened_at", "chat_id", "happened_at"),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))  # join, leave, bot_reply, reaction
    user_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    amount: Mapped[int] = mapped_column(Integer, default=1)
    happened_at: Mapped[datetime]


class DigestRollup(Base):
    """A finished local day's digest numbers (JSON), so that comparisons and the 14-day chart
    read one row per day instead of the day's comments."""

    __tablename__ = "digest_rollups"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    timezone: Mapped[str] = mapped_column(String(64), primary_key=True)
    metrics: Mapped[str] = mapped_column(Text)
    computed_at: Mapped[datetime]


class FeedbackTagSet(Base):
    """A group's own tag set exists once an operator first edits it (until then the default
    set applies). `fingerprint` is a digest of the rules: ingest rebuilds its cached tagger
    when it changes, on any instance, with one small read per batch."""

    __tablename__ = "feedback_tag_sets"

    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("chats.id"), primary_key=True, autoincrement=False
    )
    fingerprint: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime]


class FeedbackTag(Base):
    """One tag of a group: keywords and hashtag aliases as JSON arrays of strings."""

    __tablename__ = "feedback_tags"
    __table_args__ = (UniqueConstraint("chat_id", "name"),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chats.id"))
    name: Mapped[str] = mapped_column(String(32))
    keywords: Mapped[str] = mapped_column(Text)
    hashtags: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class FeedbackItem(Base):
    """What tagging and operators know about a stored comment: sentiment, triage status, the
    dupe link. A row exists for tagged, non-neutral or explicit feedback only."""

    __tablename__ = "feedback_items"
    __table_args__ = (Index("ix_feedback_items_chat_id_status", "chat_id", "status"),)

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    message_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    author_user_id: Mapped[int | None] = mapped_column(BigInteger)
    sentiment: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(12), default="new")
    explicit: Mapped[bool] = mapped_column(Boolean, default=False)
    question_message_id: Mapped[int | None] = mapped_column(BigInteger)
    duplicate_of: Mapped[int | None] = mapped_column(BigInteger)
    tagged_at: Mapped[datetime]
    # The words that decided the automatic sentiment, a JSON array (bot/domain/tagging/evidence.py).
    evidence: Mapped[str | None] = mapped_column(Text)


class FeedbackItemTag(Base):
    """A tag on a stored comment. source: auto (tagging), manual (an operator, a question's
    topic), removed (an operator took an automatic tag off: re-tagging never brings it back)."""

    __tablename__ = "feedback_item_tags"
    # (chat_id, tag, message_id): a period of one tag is a range of it (bot/db/polls.py).
    __table_args__ = (
        Index("ix_feedback_item_tags_chat_id_tag_message_id", "chat_id", "tag", "message_id"),
    )

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    message_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    tag: Mapped[str] = mapped_column(String(32), primary_key=True)
    source: Mapped[str] = mapped_column(String(8))
    # The words that gave an automatic tag, a JSON array; NULL for an operator's tag.
    evidence: Mapped[str | None] = mapped_column(Text)


class TagCorrection(Base):
    """An operator's manual tag, untag or status change on a comment: a label the group's tagger
    learns keywords from (bot/services/tag_learning.py). `value` is the tag or the status."""

    __tablename__ = "tag_corrections"
    __table_args__ = (Index("ix_tag_corrections_chat_id_created_at", "chat_id", "created_at"),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(8))  # tag, untag, status
    value: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime]


class KeywordProposal(Base):
    """A keyword the group's corrections proposed for one of its tags, once an operator decided:
    accepted (added to the group's own set) or declined (never proposed again)."""

    __tablename__ = "keyword_proposals"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    tag: Mapped[str] = mapped_column(String(32), primary_key=True)
    keyword: Mapped[str] = mapped_column(String(64), primary_key=True)
    decision: Mapped[str] = mapped_column(String(8))  # accepted, declined
    decided_at: Mapped[datetime]


class FeedbackQuestion(Base):
    """A question the bot posted for operators: replies to it are feedback on its topic."""

    __tablename__ = "feedback_questions"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    message_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    topic: Mapped[str] = mapped_column(String(32))
    asked_by_user_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime]


class PrivateFeedback(Base):
    """/feedback sent in private chat: stored as a comment of the group with message id -id
    (no Telegram message there), idempotent on the private message."""

    __tablename__ = "private_feedback"
    __table_args__ = (UniqueConstraint("user_id", "private_message_id"),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(BigInteger)
    private_message_id: Mapped[int] = mapped_column(BigInteger)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime]


class InboxQuery(Base):
    """An operator's inbox filters, kept so that page buttons carry only a short id."""

    __tablename__ = "inbox_queries"

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(BigInteger)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    filters: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class ForgottenUser(Base):
    """A tombstone: this person asked to be forgotten; ingest never stores them again."""

    __tablename__ = "forgotten_users"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    forgotten_at: Mapped[datetime]


class RetentionSetting(Base):
    """Comment text older than `days` is purged daily; counts, tags and sentiment stay."""

    __tablename__ = "retention_settings"

    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("chats.id"), primary_key=True, autoincrement=False
    )
    days: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime]


# New fans: "is this the person's first message in this group?" is one index seek.
Index(
    "ix_comments_chat_id_author_user_id_created_at",
    Comment.chat_id,
    Comment.author_user_id,
    Comment.created_at,
)


class GiveawayRecord(Base):
    """A giveaway and its draw's progress. The draw is resumable: each step is claimed by a
    conditional UPDATE of its own column (ARCHITECTURE section 6). `seed` is secret until the
    transcript reveals it: never logged, never sent."""

    __tablename__ = "giveaways"
    __table_args__ = (Index("ix_giveaways_chat_id_status", "chat_id", "status"),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chats.id"))
    creator_user_id: Mapped[int | None] = mapped_column(BigInteger)
    creator_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    prize: Mapped[str] = mapped_column(Text)
    winner_count: Mapped[int] = mapped_column(Integer)
    rules: Mapped[str] = mapped_column(Text)  # canonical JSON, published in the transcript
    seed: Mapped[str] = mapped_column(String(64))
    commitment: Mapped[str] = mapped_column(String(64))
    beacon_url: Mapped[str | None] = mapped_column(String(255))
    beacon_round: Mapped[int | None] = mapped_column(BigInteger)
    beacon_genesis_time: Mapped[int | None] = mapped_column(BigInteger)
    beacon_period: Mapped[int | None] = mapped_column(Integer)
    # open -> drawing (claimed) -> drawn (transcript stored) -> done; or open -> cancelled
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    shown_count: Mapped[int] = mapped_column(Integer, default=0)
    count_shown_at: Mapped[datetime | None]
    retry_at: Mapped[datetime | None]
    transcript: Mapped[str | None] = mapped_column(Text)
    drawn_at: Mapped[datetime | None]
    announce_claimed_at: Mapped[datetime | None]
    result_message_id: Mapped[int | None] = mapped_column(BigInteger)
    winners_claimed_at: Mapped[datetime | None]
    creator_claimed_at: Mapped[datetime | None]
    # Entrant ids (JSON list) of the draw's winners a private message did not reach.
    untold_winners: Mapped[str | None] = mapped_column(Text)
    rerolls_announced: Mapped[int] = mapped_column(Integer, default=0)
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    finished_at: Mapped[datetime | None]


class GiveawayEntry(Base):
    """One entry per person and giveaway, whatever the number of presses (natural key)."""

    __tablename__ = "giveaway_entries"
    __table_args__ = (UniqueConstraint("giveaway_id", "user_id"),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    giveaway_id: Mapped[int] = mapped_column(
        SurrogateKey, ForeignKey("giveaways.id", ondelete="CASCADE")
    )
    user_id: Mapped[int] = mapped_column(BigInteger)
    first_name: Mapped[str] = mapped_column(String(255))
    last_name: Mapped[str | None] = mapped_column(String(255))
    entered_at: Mapped[datetime]


class PollRecord(Base):
    """A poll operators created: scheduled (start_at ahead), open (sent), closed or cancelled.
    Options and correct options are JSON arrays. `telegram_poll_id` links Telegram's updates."""

    __tablename__ = "polls"
    __table_args__ = (
        Index("ix_polls_chat_id_status", "chat_id", "status"),
        UniqueConstraint("telegram_poll_id"),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chats.id"))
    question: Mapped[str] = mapped_column(Text)
    options: Mapped[str] = mapped_column(Text)
    is_anonymous: Mapped[bool] = mapped_column(Boolean)
    allows_multiple: Mapped[bool] = mapped_column(Boolean)
    correct_option_ids: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12))
    source: Mapped[str] = mapped_column(String(12))  # command, topics
    start_at: Mapped[datetime | None]
    close_at: Mapped[datetime | None]
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    telegram_poll_id: Mapped[str | None] = mapped_column(String(64))
    results_message_id: Mapped[int | None] = mapped_column(BigInteger)
    created_by_user_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]


class PollTally(Base):
    """The latest counts Telegram reported for a poll (`poll` updates and stopPoll's answer)."""

    __tablename__ = "poll_tallies"

    telegram_poll_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    counts: Mapped[str] = mapped_column(Text)  # JSON array, one count per option
    voters: Mapped[int] = mapped_column(Integer)
    is_closed: Mapped[bool] = mapped_column(Boolean)
    updated_at: Mapped[datetime]


class PollVote(Base):
    """A voter's current choice in a non-anonymous poll (`poll_answer`); "" once retracted.
    Telegram sends no answers for anonymous polls, so those are never attributed."""

    __tablename__ = "poll_votes"
    __table_args__ = (UniqueConstraint("telegram_poll_id", "user_id"),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    telegram_poll_id: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int] = mapped_column(BigInteger)
    option_ids: Mapped[str] = mapped_column(String(64))  # "0,2"
    answered_at: Mapped[datetime]


class Video(Base):
    """A video operators registered for a group; its code is f"v{number}". The announcement
    columns remember the bot's post about it (in the group, or in the linked channel and its
    automatic forward into the group, the root of the discussion thread)."""

    __tablename__ = "videos"
    __table_args__ = (UniqueConstraint("chat_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chats.id"))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    # douyin, kuaishou, bilibili, youtube, tiktok, xiaohongshu, weixin, other
    platform: Mapped[str] = mapped_column(String(32))
    url: Mapped[str | None] = mapped_column(Text)
    platform_video_id: Mapped[str | None] = mapped_column(String(128))
    published_at: Mapped[datetime | None]
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime]
    archived_at: Mapped[datetime | None]
    announcement_message_id: Mapped[int | None] = mapped_column(BigInteger)
    channel_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    channel_message_id: Mapped[int | None] = mapped_column(BigInteger)
    thread_message_id: Mapped[int | None] = mapped_column(BigInteger)


class VideoCommentLink(Base):
    """A stored comment that talks about a video. source: code (#v12), reply (to the
    announcement or its automatic forward), thread (in the channel post's discussion), manual.
    active=false: an operator unlinked it; automatic linking never re-activates it."""

    __tablename__ = "video_comment_links"
    __table_args__ = (Index("ix_video_comment_links_video_id", "video_id"),)

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    message_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    video_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("videos.id", ondelete="CASCADE"), primary_key=True
    )
    source: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime]


class VideoMetric(Base):
    """A video's numbers on one platform as of one day: cumulative snapshots, as the platforms
    export them (the latest day is the total so far; the change is between two snapshots)."""

    __tablename__ = "video_metrics"
    __table_args__ = (
        CheckConstraint(
            "plays >= 0 AND likes >= 0 AND comments >= 0 AND favourites >= 0 AND shares >= 0",
            name="counts_non_negative",
        ),
    )

    video_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("videos.id", ondelete="CASCADE"), primary_key=True
    )
    platform: Mapped[str] = mapped_column(String(32), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    # NULL: the platform's number was never given, which is not the same as 0.
    plays: Mapped[int | None] = mapped_column(BigInteger)
    likes: Mapped[int | None] = mapped_column(BigInteger)
    comments: Mapped[int | None] = mapped_column(BigInteger)
    favourites: Mapped[int | None] = mapped_column(BigInteger)
    shares: Mapped[int | None] = mapped_column(BigInteger)
    updated_at: Mapped[datetime]


class CommandEffect(Base):
    """What a command message (or a button under a preview) has already caused: claimed before
    the outbound call, so the same update delivered twice (a webhook retry, a redelivery after a
    crash) posts once. `effect` names the action ("command:ask", "poll-send")."""

    __tablename__ = "command_effects"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    message_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    effect: Mapped[str] = mapped_column(String(64), primary_key=True)
    claimed_at: Mapped[datetime]


# /mydata and /forget find a person's rows in every table by these columns (bot/db/privacy.py
# PERSON_COLUMNS); without an index each one read the whole table for every request.
Index("ix_feedback_items_author_user_id", FeedbackItem.author_user_id)
Index("ix_chat_roles_user_id", ChatRole.user_id)
Index("ix_chat_roles_granted_by_user_id", ChatRole.granted_by_user_id)
Index("ix_digest_subscriptions_user_id", DigestSubscription.user_id)
Index("ix_group_events_user_id", GroupEvent.user_id)
Index("ix_inbox_queries_user_id", InboxQuery.user_id)
Index("ix_poll_votes_user_id", PollVote.user_id)
Index("ix_giveaway_entries_user_id", GiveawayEntry.user_id)
Index("ix_chat_settings_added_by_user_id", ChatSettings.added_by_user_id)
Index("ix_audit_log_subject_user_id", AuditRecord.subject_user_id)
Index("ix_audit_log_actor_user_id", AuditRecord.actor_user_id)
Index("ix_feedback_questions_asked_by_user_id", FeedbackQuestion.asked_by_user_id)
Index("ix_giveaways_creator_user_id", GiveawayRecord.creator_user_id)
Index("ix_polls_created_by_user_id", PollRecord.created_by_user_id)
Index("ix_videos_created_by", Video.created_by)
Index("ix_confirmed_actions_actor_user_id", ConfirmedAction.actor_user_id)
Index("ix_confirmed_actions_subject_user_id", ConfirmedAction.subject_user_id)


class Draft(Base):
    """An operator's action waiting for their own tap: a poll or giveaway shown as a preview
    (Send), or a destructive step asked first (Yes). Pending until tapped, dropped or expired;
    the pending -> done UPDATE is the claim, so a double tap acts once."""

    __tablename__ = "drafts"
    __table_args__ = (Index("ix_drafts_status_expires_at", "status", "expires_at"),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(24))  # poll, giveaway, poll-close, poll-delete, ...
    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chats.id"))
    owner_user_id: Mapped[int | None] = mapped_column(BigInteger)
    subject_id: Mapped[int | None] = mapped_column(BigInteger)  # the poll or giveaway acted on
    arguments: Mapped[str] = mapped_column(Text)  # the one-line form, or a cancel's reason
    source: Mapped[str] = mapped_column(String(12))
    locale: Mapped[str] = mapped_column(String(8))
    preview_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    preview_message_id: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(12))  # pending, done, dropped, expired
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    result_id: Mapped[int | None] = mapped_column(BigInteger)


class ConversationState(Base):
    """aiogram FSM state of a guided flow in embedded mode (one row per storage key), so a flow
    survives a restart without Redis."""

    __tablename__ = "conversation_states"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    state: Mapped[str | None] = mapped_column(String(255))
    data: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]


# /mydata and /forget find a person's drafts by their owner (bot/db/privacy.py PERSON_COLUMNS).
Index("ix_drafts_owner_user_id", Draft.owner_user_id)


class RetagRun(Base):
    """Applying the current tagging to a group's stored comments, in batches, keyed by why
    (`reason`: a tag that changed, or the built-in tagger). Progress is the cursor: a restart
    or another instance continues after the last committed batch."""

    __tablename__ = "retag_runs"
    __table_args__ = (UniqueConstraint("chat_id", "reason"),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(80))
    # The one tag this run adds and removes; NULL: every automatic tag and the sentiment.
    tag: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(12))  # offered, running, done, failed
    generation: Mapped[int] = mapped_column(Integer, default=0)
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)  # last message id done
    last_message_id: Mapped[int] = mapped_column(BigInteger, default=0)  # where the run ends
    total: Mapped[int] = mapped_column(Integer, default=0)
    scanned: Mapped[int] = mapped_column(Integer, default=0)
    tagged: Mapped[int] = mapped_column(Integer, default=0)
    untagged: Mapped[int] = mapped_column(Integer, default=0)
    locale: Mapped[str] = mapped_column(String(16))
    progress_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    progress_message_id: Mapped[int | None] = mapped_column(BigInteger)
    requested_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]


class DoorSettingsRecord(Base):
    """What a group's operators chose for newcomers (bot/domain/door.py): no row, the defaults."""

    __tablename__ = "door_settings"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    welcome: Mapped[bool] = mapped_column(Boolean, default=True)
    welcome_text: Mapped[str | None] = mapped_column(Text)
    rules: Mapped[str | None] = mapped_column(Text)
    rules_required: Mapped[bool] = mapped_column(Boolean, default=False)
    check_mode: Mapped[str] = mapped_column(String(12), default="off")
    question: Mapped[str | None] = mapped_column(Text)
    answers: Mapped[str | None] = mapped_column(Text)  # normalised, one a line
    check_minutes: Mapped[int] = mapped_column(Integer, default=5)
    trust_other_groups: Mapped[bool] = mapped_column(Boolean, default=False)
    dry_run: Mapped[bool] = mapped_column(Boolean, default=False)
    giveaway_guard: Mapped[bool] = mapped_column(Boolean, default=False)
    spike_joins: Mapped[int] = mapped_column(Integer, default=10)
    warn_limit: Mapped[int] = mapped_column(Integer, default=3)
    warn_mute_minutes: Mapped[int] = mapped_column(Integer, default=60)
    spam_mode: Mapped[str] = mapped_column(String(8), default="off", server_default="off")
    updated_at: Mapped[datetime]


class DoorCheck(Base):
    """One newcomer at one group's door: what they must do (accept the rules, prove they are
    human) and by when. The deadline is the clock's (`door:check:<id>`), so it survives a
    restart; `state` moves only from pending, so a late answer and the deadline act once."""

    __tablename__ = "door_checks"
    __table_args__ = (Index(None, "chat_id", "user_id"), Index(None, "user_id", "state"))

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(12))  # rules, human
    mode: Mapped[str] = mapped_column(String(12))  # button, question
    via_request: Mapped[bool] = mapped_column(Boolean, default=False)  # a join request
    state: Mapped[str] = mapped_column(String(12))
    locale: Mapped[str] = mapped_column(String(16))
    dry_run: Mapped[bool] = mapped_column(Boolean, default=False)
    prompt_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    prompt_message_id: Mapped[int | None] = mapped_column(BigInteger)
    deadline: Mapped[datetime]
    created_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]


class DoorPost(Base):
    """A message the door posted in a group (a welcome) and when it is removed: joins close
    together share one post, and the clock removes it (`door:delete:<id>`) across restarts."""

    __tablename__ = "door_posts"
    __table_args__ = (Index(None, "chat_id", "sent_at"),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    names: Mapped[str] = mapped_column(Text)  # the newcomers greeted, one a line
    sent_at: Mapped[datetime]
    delete_at: Mapped[datetime]
    deleted_at: Mapped[datetime | None]


class SpamVerdict(Base):
    """A message the spam check (bot/domain/spam.py) found to be spam, with its reasons.
    `state` moves only forward: pending (decided at ingest) -> reported, acted or exempt (the
    sender is staff) on the clock's pass -> undone, banned or not_spam by an operator's tap."""

    __tablename__ = "spam_verdicts"
    __table_args__ = (
        UniqueConstraint("chat_id", "message_id"),
        Index(None, "state", "chat_id"),
        Index(None, "user_id"),  # forgetting a person reads by them
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[int] = mapped_column(BigInteger)
    score: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[str] = mapped_column(Text)  # one a line
    mode: Mapped[str] = mapped_column(String(8))  # the group's mode when decided
    state: Mapped[str] = mapped_column(String(12))
    report_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]


class SpamReport(Base):
    """One report to a group's operators of the spam one pass found, with Undo / Ban / Not
    spam; its state moves only from open, so two operators' taps act once."""

    __tablename__ = "spam_reports"

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    mode: Mapped[str] = mapped_column(String(8))
    state: Mapped[str] = mapped_column(String(12))  # open, undone, banned, not_spam
    created_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]


class SpamFingerprint(Base):
    """A recent text's fingerprint, who sent it and where: the same text from several accounts
    or groups of this instance. In the database so that every instance sees every group; rows
    older than the window are pruned on the clock."""

    __tablename__ = "spam_fingerprints"
    __table_args__ = (
        UniqueConstraint("chat_id", "message_id"),
        Index(None, "fingerprint", "seen_at"),
        Index(None, "seen_at"),
        Index(None, "user_id"),  # forgetting a person reads by them
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    fingerprint: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[int] = mapped_column(BigInteger)
    seen_at: Mapped[datetime]


class SpamPhrase(Base):
    """What an operator's spam mark taught a group: the marked text in the normal form."""

    __tablename__ = "spam_phrases"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    phrase: Mapped[str] = mapped_column(String(200), primary_key=True)
    added_by: Mapped[int | None] = mapped_column(BigInteger)
    added_at: Mapped[datetime]


class MemberWarning(Base):
    """Warnings an operator gave a member; at the group's limit they are muted and it restarts."""

    __tablename__ = "member_warnings"
    __table_args__ = (Index(None, "user_id"),)  # forgetting a person reads by them

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    count: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime]


class MemberReport(Base):
    """A fan's /report of a message, sent to the operators with Ban / Mute / Dismiss; `state`
    moves only from open, so two operators' taps act once."""

    __tablename__ = "member_reports"
    __table_args__ = (Index(None, "reporter_user_id"), Index(None, "subject_user_id"))

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    reporter_user_id: Mapped[int] = mapped_column(BigInteger)
    subject_user_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(12))  # open, banned, muted, dismissed
    created_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]


class AskNotice(Base):
    """One fan's ask answered (their feedback marked done or linked to a video, a topic poll
    they voted in made into a video) and whether they were told. UNIQUE per ask and fan: marking
    done twice or linking a second video tells no one again. `state` moves forward only:
    pending -> sending -> private | group -> grouped, or off (they turned notices off)."""

    __tablename__ = "ask_notices"
    __table_args__ = (
        UniqueConstraint("chat_id", "ask_kind", "ask_ref", "user_id"),
        Index(None, "user_id"),
        Index(None, "chat_id", "answered_at"),
        Index(None, "state", "chat_id"),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[int] = mapped_column(BigInteger)
    ask_kind: Mapped[str] = mapped_column(String(12))  # feedback (message id), poll (poll id)
    ask_ref: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(8))  # done, video
    video_id: Mapped[int | None] = mapped_column(Integer)
    asked_at: Mapped[datetime]
    answered_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(10))
    told_at: Mapped[datetime | None]


class AskNoticeOptOut(Base):
    """A fan who said /notices off: their asks still count as answered, they are not told."""

    __tablename__ = "ask_notice_opt_outs"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    created_at: Mapped[datetime]


class VideoLink(Base):
    """A named invite link the bot made for one video on one platform (`v12·douyin`), to paste
    into that video's description there. Joins through it count from `created_at` until
    `revoked_at`; a revoked link keeps its history. The row moves with the group on an upgrade
    (the link leads to the supergroup)."""

    __tablename__ = "video_links"
    __table_args__ = (
        UniqueConstraint("invite_link"),
        Index("ix_video_links_chat_id_video_id", "chat_id", "video_id"),
        Index("ix_video_links_created_by_user_id", "created_by_user_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chats.id"))
    video_id: Mapped[int] = mapped_column(Integer, ForeignKey("videos.id", ondelete="CASCADE"))
    platform: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(32))
    invite_link: Mapped[str] = mapped_column(String(256))
    created_by_user_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class InviteJoin(Base):
    """Every join a chat_member update reported, with the invite link Telegram named (None: no
    link, e.g. added by someone or through the public username). Which video it came from is
    read at query time against `video_links`, so a join is stored once whatever the links."""

    __tablename__ = "invite_joins"
    __table_args__ = (
        UniqueConstraint("chat_id", "user_id", "joined_at"),
        Index("ix_invite_joins_invite_link", "invite_link"),
        Index("ix_invite_joins_chat_id_joined_at", "chat_id", "joined_at"),
        Index("ix_invite_joins_user_id", "user_id"),  # forgetting a person reads by them
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[int] = mapped_column(BigInteger)
    invite_link: Mapped[str | None] = mapped_column(String(256))
    via_request: Mapped[bool] = mapped_column(Boolean, default=False)
    joined_at: Mapped[datetime]


class MemberTagSettings(Base):
    """Recognition (bot/domain/member_tags.py): whether a group's fans wear member tags and which
    kinds exist; no row, off. `right_missing_since`: the refresh found the bot without
    can_manage_tags and told the administrators (once, until a refresh works again)."""

    __tablename__ = "member_tag_settings"

    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("chats.id"), primary_key=True, autoincrement=False
    )
    enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    kinds: Mapped[str] = mapped_column(String(32))
    right_missing_since: Mapped[datetime | None]
    updated_at: Mapped[datetime]


class MemberTag(Base):
    """The tag fanpulse gave a fan in a group, so a refresh sends only what changed. `applied`
    false: Telegram refused it (an administrator), so it is not asked again while unchanged."""

    __tablename__ = "member_tags"
    __table_args__ = (Index("ix_member_tags_user_id", "user_id"),)  # /forget reads by person

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    tag: Mapped[str] = mapped_column(String(16))
    applied: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime]
