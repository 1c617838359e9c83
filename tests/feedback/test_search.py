"""/inbox text search through the real dispatcher, as a Chinese and English community types it:
full-width forms, Traditional for Simplified and back, any case, emoji, one- and two-character
words; and the index follows every comment through edits, /forget and retention."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Boolean, column, insert, select, table, text, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.db import inbox as store
from bot.db.engine import create_engine, create_session_factory
from bot.db.migrate import upgrade
from bot.db.models import Chat, Comment
from bot.db.search_index import POSTGRES_INDEX, SQLITE_TABLE, text_search, trigram_query
from bot.db.types import UtcDateTime
from bot.domain.inbox import SHORT_TEXT_WINDOW, InboxFilter
from bot.i18n import LOCALES, Locale, Translator
from bot.services.retention import RetentionService
from tests.privacy.support import FAN_PRIVATE
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, OWNER, VICTIM
from tests.support.many_items import store_items
from tests.support.query_plans import plans_of
from tests.support.scene import Scene

TEXTS = Translator.load()

COMMENTS = [
    "视频有问题，闪退了",  # Simplified
    "影片閃退了，視頻也卡",  # Traditional
    "The App CRASHES on ＵＰＬＯＡＤ 🎮 again",  # mixed case, full-width, an emoji
    "一个 bug: the sound lags",
]

MEMBERS = "the app crashes, the sound lags for me too"


async def post(scene: Scene) -> list[dict[str, Any]]:
    """The fan's comments, as the updates that delivered them."""
    sent = [scene.updates.message(VICTIM, FAN, comment) for comment in COMMENTS]
    await scene.pipeline.deliver(*sent)
    return sent


async def search(scene: Scene, words: str) -> str:
    me = await scene.choose(ADMIN, VICTIM)
    await scene.send(me, ADMIN, f"/inbox {words}")
    return scene.last(ADMIN["id"])


def found(page: str) -> set[str]:
    return {comment for comment in COMMENTS if comment in page}


async def test_forms_a_chinese_and_english_community_types_find_each_other(
    scene: Scene,
) -> None:
    await post(scene)
    simplified, traditional, crashes, short = COMMENTS
    cases = {
        "閃退": {simplified, traditional},  # Traditional finds Simplified
        "视频": {simplified, traditional},  # and back
        "視頻也": {traditional},
        "upload": {crashes},  # a full-width text found by a plain query
        "ｃｒａｓｈｅｓ　ｏｎ": {crashes},  # a full-width query (and ideographic space)
        "the APP crashes": {crashes},
        "🎮 again": {crashes},
        "🎮": {crashes},
        "一个": {short},  # two characters: shorter than a trigram
        "個": {short},  # one Traditional character
        "a": {crashes, short},
        "视频有问题，闪退了": {simplified},  # the whole comment
        "闪退了视频": set(),  # every word present, but not as one substring
        "ＢＵＧ：": {short},
    }
    for words, wanted in cases.items():
        page = await search(scene, words)
        assert found(page) == wanted, (words, page)
        if not wanted:
            assert "Nothing matches." in page, words


async def test_an_edit_moves_the_comment_in_the_index(scene: Scene) -> None:
    messages = await post(scene)
    await scene.edit(messages[3], "一個 bug: the picture freezes")
    assert "Nothing matches." in await search(scene, "sound lags")
    assert "the picture freezes" in await search(scene, "PICTURE")
    assert "the picture freezes" in await search(scene, "一个")
    await assert_index_matches_the_comments(scene.session_factory)


async def test_forget_takes_the_fan_out_of_the_index(scene: Scene) -> None:
    await post(scene)
    await scene.say(VICTIM, MEMBER, MEMBERS)
    scene.telegram.started.add(FAN["id"])
    await scene.send(FAN_PRIVATE, FAN, "/forget")
    await scene.confirm(FAN, FAN_PRIVATE)

    assert MEMBERS in await search(scene, "sound lags")
    assert "Nothing matches." in await search(scene, "闪退")
    assert await indexed(scene.session_factory, "闪退了") == set()
    assert await indexed(scene.session_factory, "sound lags") == {MEMBERS}
    await assert_index_matches_the_comments(scene.session_factory)


async def test_forget_user_takes_the_fan_out_of_the_index(scene: Scene) -> None:
    await post(scene)
    await scene.send(VICTIM, ADMIN, "/forget_user @lin_fan")
    await scene.confirm(ADMIN, VICTIM)

    assert "Nothing matches." in await search(scene, "upload")
    assert await indexed(scene.session_factory, "upload") == set()
    await assert_index_matches_the_comments(scene.session_factory)


async def test_retention_takes_old_texts_out_of_the_index(scene: Scene) -> None:
    messages = await post(scene)
    now = datetime.now(UTC)
    async with scene.session_factory() as session, session.begin():
        await session.execute(
            update(Comment)
            .where(Comment.message_id.in_([m["message"]["message_id"] for m in messages[:2]]))
            .values(created_at=now - timedelta(days=40))
        )
    await scene.send(VICTIM, ADMIN, "/retention 30d")
    await scene.confirm(ADMIN, VICTIM)  # it would erase two texts
    await RetentionService(scene.session_factory, now=lambda: now).purge_all()

    assert "Nothing matches." in await search(scene, "闪退")
    assert await indexed(scene.session_factory, "闪退了") == set()
    assert found(await search(scene, "a")) == {COMMENTS[2], COMMENTS[3]}
    await assert_index_matches_the_comments(scene.session_factory)


def test_a_query_becomes_the_trigrams_that_cover_it() -> None:
    assert trigram_query("abc") == '"abc"'
    assert trigram_query("abcdefg") == '"abc" AND "def" AND "efg"'
    assert trigram_query('say "hi"') == '"say" AND " ""h" AND "hi"""'


async def indexed(session_factory: async_sessionmaker[AsyncSession], needle: str) -> set[str]:
    """The stored texts the index itself (not the table) names for `needle`."""
    async with session_factory() as session:
        if session.get_bind().dialect.name == "sqlite":
            ids = select(text("rowid")).select_from(text(SQLITE_TABLE))
            ids = ids.where(text(f"{SQLITE_TABLE} MATCH :q").bindparams(q=trigram_query(needle)))
            rows = await session.scalars(select(Comment.text).where(Comment.id.in_(ids)))
        else:
            rows = await session.scalars(
                select(Comment.text).where(Comment.search_text.contains(needle))
            )
        return {str(row) for row in rows}


async def assert_index_matches_the_comments(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """SQLite's FTS5 checks its index against the comments' folded texts; PostgreSQL's index
    is part of the table."""
    async with session_factory() as session, session.begin():
        if session.get_bind().dialect.name == "sqlite":
            table = SQLITE_TABLE
            check = f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)"
            await session.execute(text(check))
        folded = (await session.execute(select(Comment.text, Comment.search_text))).all()
    for original, search_text in folded:
        assert (original is None) == (search_text is None), original


async def test_a_short_word_says_where_it_was_looked_for_in_every_language(scene: Scene) -> None:
    await post(scene)
    note = {
        language: TEXTS.text(language, "inbox-short-text", window=SHORT_TEXT_WINDOW)
        for language in LOCALES
    }
    assert "20,000" in note["en"] and "20,000 条留言" in note["zh"]
    assert "20,000 條留言" in note["zh-Hant"]
    readers: dict[Locale, dict[str, Any]] = {"en": ADMIN, "zh": OWNER}
    for language, reader in readers.items():
        me = await scene.choose(reader, VICTIM)
        await scene.send(me, reader, "/inbox 一个")
        assert note[language] in scene.last(reader["id"])
        await scene.send(me, reader, "/inbox 一个 bug")
        assert note[language] not in scene.last(reader["id"])
    await scene.send(u.private(ADMIN), ADMIN, "/language zh-TW")
    await scene.send(u.private(ADMIN), ADMIN, "/inbox ok")
    assert note["zh-Hant"] in scene.last(ADMIN["id"])


async def test_a_short_word_is_looked_for_among_the_newest_comments(scene: Scene) -> None:
    old = await scene.say(VICTIM, FAN, "一个 bug")
    async with scene.session_factory() as session, session.begin():
        await session.execute(
            update(Comment)
            .where(Comment.message_id == old["message"]["message_id"])
            .values(created_at=datetime.now(UTC) - timedelta(days=30))
        )
    await store_items(scene.session_factory, VICTIM["id"], FAN["id"], SHORT_TEXT_WINDOW)

    assert "Nothing matches." in await search(scene, "一个")
    assert "1 item," in await search(scene, "一个 b")  # three characters: the whole history
    assert "more than 1,000 items" in await search(scene, "cr")  # the newest are found


async def test_the_search_reads_the_index_on_both_databases(
    scene: Scene, engine: AsyncEngine
) -> None:
    await post(scene)
    plans = plans_of(engine)

    async def page(words: str) -> None:
        async with scene.session_factory() as session:
            await store.count_items(session, VICTIM["id"], InboxFilter(text=words))
            await store.items(session, VICTIM["id"], InboxFilter(text=words), offset=0, limit=5)

    long_plans = await plans(lambda: page("视频有"))
    if engine.dialect.name == "sqlite":
        # The few-or-many count on the index alone, then the count and the page, each reading
        # the rows the index names by id (sorting those few, not walking the group).
        few, counted, _, listed, *_ = long_plans
        assert (
            few == f"CO-ROUTINE anon_1 | SCAN {SQLITE_TABLE} VIRTUAL TABLE INDEX 0:M1 | SCAN anon_1"
        )
        for plan in (counted, listed):
            assert f"LIST SUBQUERY 2 | SCAN {SQLITE_TABLE} VIRTUAL TABLE INDEX 0:M1" in plan, plan
            assert "SEARCH comments USING INTEGER PRIMARY KEY (rowid=?)" in plan, plan
            assert "SCAN comments" not in plan, plan
    else:
        # The page's plan follows the statistics (one group here: its own index wins); what is
        # checked is that the text condition alone is one the GIN index answers.
        async def condition_alone() -> None:
            async with scene.session_factory() as session:
                search = await text_search(session, VICTIM["id"], "视频有")
                await session.execute(select(Comment.id).where(search.condition))

        (plan,) = await plans(condition_alone)
        assert f"Bitmap Index Scan on {POSTGRES_INDEX}" in plan, plan
        assert "search_text ~~ '%视频有%'" in plan, plan
    # A short word walks the group's newest comments in index order, from the window's start.
    short_plans = await plans(lambda: page("一个"))
    for plan in short_plans[:2]:
        assert "ix_comments_chat_id_created_at" in plan, plan
        assert "SCAN comments" not in plan and "Seq Scan" not in plan, plan


async def test_the_migration_folds_and_indexes_the_stored_comments(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        await upgrade(engine, "0018_retag_runs")
        now = datetime.now(UTC)
        # The comments table as revision 0018 has it: without search_text.
        comments = table(
            "comments",
            *(column(name) for name in ("chat_id", "message_id", "author_kind", "text")),
            *(column(name, Boolean()) for name in ("is_fan", "is_automatic_forward")),
            column("is_forwarded", Boolean()),
            column("edit_count"),
            column("created_at", UtcDateTime()),
        )
        async with engine.begin() as connection:
            await connection.execute(
                insert(Chat).values(
                    id=-100, type="supergroup", first_seen_at=now, last_update_at=now
                )
            )
            for message_id, said in enumerate(("影片閃退了", "ＳＯＵＮＤ lags", None), start=1):
                await connection.execute(
                    insert(comments).values(
                        chat_id=-100,
                        message_id=message_id,
                        author_kind="fan",
                        text=said,
                        is_fan=True,
                        is_automatic_forward=False,
                        is_forwarded=False,
                        edit_count=0,
                        created_at=now,
                    )  # fmt: skip
                )
        await upgrade(engine, "head")
        factory = create_session_factory(engine)
        async with factory() as session:
            stored = dict((await session.execute(select(Comment.text, Comment.search_text))).all())
        assert stored == {"影片閃退了": "影片闪退了", "ＳＯＵＮＤ lags": "sound lags", None: None}
        assert await indexed(factory, "闪退了") == {"影片閃退了"}
        assert await indexed(factory, "sound") == {"ＳＯＵＮＤ lags"}
        await assert_index_matches_the_comments(factory)
    finally:
        await engine.dispose()
