"""/inbox text search through the real dispatcher, as a Chinese and English community types it:
full-width forms, Traditional for Simplified and back, any case, emoji, one- and two-character
words; and the index follows every comment through edits, /forget and retention."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import Comment
from bot.db.search_index import SQLITE_TABLE, trigram_query
from bot.services.retention import RetentionService
from tests.privacy.support import FAN_PRIVATE
from tests.support.cast import ADMIN, FAN, MEMBER, VICTIM
from tests.support.scene import Scene

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
