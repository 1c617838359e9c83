"""Finding a substring in the group's comments through an index, on SQLite and PostgreSQL.

Every comment stores `search_text`: its text in the tagger's normal form (`normalize`: NFKC,
case fold, Traditional -> Simplified), so ＢＵＧ finds bug and 視頻 finds 视频. The query is
folded the same way and looked for as a substring of it:

- SQLite: `comment_search`, an FTS5 table with the trigram tokenizer over `comments.search_text`
  (external content, keyed by the comment's row id), kept in step by triggers on `comments`, so
  the batch transaction that stores, edits, forgets or purges a comment changes its entry too.
- PostgreSQL: a GIN pg_trgm index on `comments.search_text`, which answers `LIKE '%...%'`.

A trigram index cannot answer a query shorter than three characters (一个, "ok"): such a query
walks the group's comments newest first over the folded column, stopping at the page or the
count's cap, which a common short word reaches quickly. Either way the folded column is checked
with LIKE: the index (`detail=none`, a third of the size with positions) only knows which
trigrams a comment holds, not where.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, literal_column, select, text

from bot.db.models import Comment
from bot.domain.tagging.normalization import normalize

TRIGRAM = 3
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


def contains(dialect: str, wanted: str) -> ColumnElement[bool]:
    """Comments whose folded text contains the folded `wanted`, through the index where the
    query is long enough for trigrams."""
    needle = normalize(wanted)
    substring = Comment.search_text.contains(needle, autoescape=True)
    if dialect != "sqlite" or len(needle) < TRIGRAM:
        return substring
    found: Select[tuple[int]] = (
        select(literal_column("rowid"))
        .select_from(text(SQLITE_TABLE))
        .where(text(f"{SQLITE_TABLE} MATCH :trigrams").bindparams(trigrams=trigram_query(needle)))
    )
    return Comment.id.in_(found) & substring


def trigram_query(needle: str) -> str:
    """An FTS5 query for rows holding trigrams that cover `needle` (every third one and the
    last): with `detail=none` there are no positions, so LIKE confirms the substring."""
    starts = sorted({*range(0, len(needle) - TRIGRAM + 1, TRIGRAM), len(needle) - TRIGRAM})
    return " AND ".join(_quoted(needle[start : start + TRIGRAM]) for start in starts)


def _quoted(trigram: str) -> str:
    return '"' + trigram.replace('"', '""') + '"'
