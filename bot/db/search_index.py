"""Finding a substring in the group's comments through an index, on SQLite and PostgreSQL.

Every comment stores `search_text`: its text in the tagger's normal form (`normalize`: NFKC,
case fold, Traditional -> Simplified), so ＢＵＧ finds bug and 視頻 finds 视频. The query is
folded the same way and looked for as a substring of it:

- SQLite: `comment_search`, an FTS5 table with the trigram tokenizer over `comments.search_text`
  (external content, keyed by the comment's row id), kept in step by triggers on `comments`, so
  the batch transaction that stores, edits, forgets or purges a comment changes its entry too.
- PostgreSQL: a GIN pg_trgm index on `comments.search_text`, which answers `LIKE '%...%'`.

On SQLite a query whose trigrams at most FEW comments hold reads those by id; a more common one
walks the group's comments newest first (the inbox's index), checking the folded column, and
stops at the page or the count's cap, which a common word reaches soon. A trigram index cannot
answer a query shorter than three characters (一个, "ok"): it walks the same way, among the
group's newest SHORT_TEXT_WINDOW comments only, and the inbox says so. The folded column is
always checked with LIKE: the index (`detail=none`, no positions, the smallest) only knows
which trigrams a comment holds, not where.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, Select, func, literal, literal_column, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Comment
from bot.domain.inbox import SHORT_TEXT_WINDOW, searches_recent_only
from bot.domain.tagging.normalization import normalize

TRIGRAM = 3
# At most this many comments in all groups hold the query's trigrams: read by id, then sorted.
FEW = 2_000
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
SQLITE_TABLE = "comment_search"
POSTGRES_INDEX = "ix_comments_search_text_trgm"
# SQLite keeps an FTS5 table in shadow tables named after it.
SQLITE_TABLES = frozenset(
    {SQLITE_TABLE, *(f"{SQLITE_TABLE}_{part}" for part in ("data", "idx", "docsize", "config"))}
)

SQLITE_CREATE = (
    f"CREATE VIRTUAL TABLE {SQLITE_TABLE} USING fts5(search_text, content='comments', "
    "content_rowid='id', tokenize='trigram case_sensitive 1', detail=none)",
    f"INSERT INTO {SQLITE_TABLE}({SQLITE_TABLE}) VALUES ('rebuild')",
    # Every row has an entry, a NULL text an empty one, as 'rebuild' makes them: FTS5 then
    # holds exactly what the table holds (its integrity-check with rank=1 verifies that).
    f"""CREATE TRIGGER comments_search_insert AFTER INSERT ON comments BEGIN
        INSERT INTO {SQLITE_TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    f"""CREATE TRIGGER comments_search_delete AFTER DELETE ON comments BEGIN
        INSERT INTO {SQLITE_TABLE}({SQLITE_TABLE}, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
    END""",
    f"""CREATE TRIGGER comments_search_update AFTER UPDATE OF search_text ON comments BEGIN
        INSERT INTO {SQLITE_TABLE}({SQLITE_TABLE}, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
        INSERT INTO {SQLITE_TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
)
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS comments_search_update",
    "DROP TRIGGER IF EXISTS comments_search_delete",
    "DROP TRIGGER IF EXISTS comments_search_insert",
    f"DROP TABLE IF EXISTS {SQLITE_TABLE}",
)
POSTGRES_CREATE = (
    # Trusted since PostgreSQL 13: the database's owner may create it.
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX IF NOT EXISTS {POSTGRES_INDEX} ON comments USING gin (search_text gin_trgm_ops)",
)
POSTGRES_DROP = (f"DROP INDEX IF EXISTS {POSTGRES_INDEX}",)


def folded(text: str | None) -> str | None:
    """What `search_text` holds for a comment's text (the models' default computes the same)."""
    return None if text is None else normalize(text)


def is_index_object(name: str | None, kind: str) -> bool:
    """Whether schema comparison should leave this out: the index lives beside the models
    (a virtual table and its shadow tables, a GIN index the models cannot express portably)."""
    return (kind == "table" and name in SQLITE_TABLES) or (
        kind == "index" and name == POSTGRES_INDEX
    )


@dataclass(frozen=True, slots=True)
class TextSearch:
    """How one query's text is looked for in a group."""

    condition: ColumnElement[bool]
    # The index names few comments: read them by id instead of walking the group's index.
    by_id: bool


async def text_search(session: AsyncSession, chat_id: int, wanted: str) -> TextSearch:
    needle = normalize(wanted)
    substring = Comment.search_text.contains(needle, autoescape=True)
    if searches_recent_only(wanted):
        return TextSearch(substring & (Comment.created_at >= _window_start(chat_id)), False)
    if session.get_bind().dialect.name != "sqlite":
        return TextSearch(substring, False)  # PostgreSQL's planner weighs the GIN index itself
    hits: Select[int] = (
        select(literal_column("rowid"))
        .select_from(text(SQLITE_TABLE))
        .where(text(f"{SQLITE_TABLE} MATCH :trigrams").bindparams(trigrams=trigram_query(needle)))
    )
    few = select(func.count()).select_from(hits.limit(FEW + 1).subquery())
    if int(await session.scalar(few) or 0) <= FEW:
        return TextSearch(Comment.id.in_(hits) & substring, True)
    # Common words: the walk newest first meets enough of them soon, and stops at the cap.
    return TextSearch(substring, False)


def _window_start(chat_id: int) -> ColumnElement[datetime]:
    """When the group's SHORT_TEXT_WINDOW-th newest comment was written (the epoch when the
    group has fewer): one seek on ix_comments_chat_id_created_at."""
    nth = (
        select(Comment.created_at)
        .where(Comment.chat_id == chat_id)
        .order_by(Comment.created_at.desc())
        .offset(SHORT_TEXT_WINDOW - 1)
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(nth, literal(EPOCH, Comment.created_at.type))


def trigram_query(needle: str) -> str:
    """An FTS5 query for rows holding trigrams that cover `needle` (every third one and the
    last): with `detail=none` there are no positions, so LIKE confirms the substring."""
    starts = sorted({*range(0, len(needle) - TRIGRAM + 1, TRIGRAM), len(needle) - TRIGRAM})
    return " AND ".join(_quoted(needle[start : start + TRIGRAM]) for start in starts)


def _quoted(trigram: str) -> str:
    return '"' + trigram.replace('"', '""') + '"'
