"""Applying a created or changed tag to the stored history, through the real dispatcher: the
offer under the tag command's answer, the run in the background in small batches, the progress
message edited in place, the final count, a second run that tags nothing twice, a restart in
the middle that resumes from the last batch, and fans' comments stored all the while."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText
from sqlalchemy import func, select

from bot.db.chat_settings import set_group_language
from bot.db.models import Comment, FeedbackItemTag
from bot.db.retag_runs import RetagRecord, RetagStatus
from bot.i18n import Translator
from bot.services.retag import Retagger
from handlers.callbacks import RetagCb
from tests.support.cast import ADMIN, FAN, MEMBER, VICTIM
from tests.support.feedback import tags_of
from tests.support.scene import Scene, keyboard

TRANSLATOR = Translator.load()
PROGRESS_MESSAGE = 4242
WISHES = [f"I would love video {n}" for n in range(7)] + ["我想要猫咪", "我想要狗狗"]
UNRELATED = ["nice weather", "first!", "see you tomorrow"]
SLOW = {"retag_batch_size": 2, "retag_pause_seconds": 0, "retag_progress_seconds": 0}


def retagger(scene: Scene) -> Retagger:
    service = scene.pipeline.dispatcher["retag"]
    assert isinstance(service, Retagger)
    return service


async def stored_history(scene: Scene) -> None:
    for text in [*WISHES, *UNRELATED]:
        await scene.say(VICTIM, FAN, text)


async def offered(scene: Scene) -> tuple[str, str]:
    """The (apply, skip) buttons under the tag command's answer."""
    apply, skip = keyboard(scene.last_with_buttons(VICTIM))
    assert RetagCb.unpack(apply).go and not RetagCb.unpack(skip).go
    return apply, skip


async def apply(scene: Scene, data: str) -> None:
    await scene.tap(ADMIN, VICTIM, data, message_id=PROGRESS_MESSAGE)


def progress_edits(scene: Scene) -> list[str]:
    return [
        str(call.text)
        for call in scene.calls(EditMessageText)
        if call.chat_id == VICTIM["id"] and call.message_id == PROGRESS_MESSAGE
    ]


async def run_of(scene: Scene, data: str) -> RetagRecord:
    run = await retagger(scene).status(RetagCb.unpack(data).run_id)
    assert run is not None
    return run


async def wish_rows(scene: Scene) -> int:
    async with scene.session_factory() as session:
        count = await session.scalar(
            select(func.count()).where(
                FeedbackItemTag.chat_id == VICTIM["id"], FeedbackItemTag.tag == "wish"
            )
        )
    return int(count or 0)


def done_text(locale: str, run: RetagRecord, tagged: int) -> str:
    texts = TRANSLATOR.bind(locale)  # type: ignore[arg-type]
    return str(
        texts(
            "retag-done",
            tag="wish",
            every=0,
            scanned=run.scanned,
            total=run.total,
            tagged=tagged,
            untagged=0,
        )
    )


@pytest.mark.parametrize("locale", ["en", "zh", "zh-Hant"])
async def test_a_new_tag_is_applied_to_the_stored_history(scene: Scene, locale: str) -> None:
    scene.restart(**SLOW)
    if locale != "en":
        async with scene.session_factory() as session, session.begin():
            await set_group_language(session, VICTIM["id"], locale, datetime.now(UTC))
    await stored_history(scene)
    await scene.send(VICTIM, ADMIN, "/tag_new wish 想要, would love")
    assert await tags_of(scene.session_factory, VICTIM["id"], "我想要猫咪") == set()

    go, _ = await offered(scene)
    texts = TRANSLATOR.bind(locale)  # type: ignore[arg-type]
    assert scene.last_with_buttons(VICTIM).reply_markup.inline_keyboard[0][0].text == (  # type: ignore[union-attr]
        texts.plain("retag-offer-apply")
    )
    await apply(scene, go)
    await retagger(scene).settle()

    run = await run_of(scene, go)
    assert run.status is RetagStatus.DONE
    assert run.scanned == run.total and run.tagged == len(WISHES)
    edits = progress_edits(scene)
    assert len(edits) >= 3, edits  # in place, batch after batch, then the count
    assert edits[-1] == done_text(locale, run, len(WISHES))
    assert all("wish" in edit for edit in edits)
    assert scene.calls(AnswerCallbackQuery)[-1].text == texts.plain("retag-started")
    for text in WISHES:
        assert await tags_of(scene.session_factory, VICTIM["id"], text) == {"wish"}
    for text in UNRELATED:
        assert "wish" not in await tags_of(scene.session_factory, VICTIM["id"], text)


async def test_running_again_tags_nothing_twice(scene: Scene) -> None:
    scene.restart(**SLOW)
    await stored_history(scene)
    await scene.send(VICTIM, ADMIN, "/tag_new wish would love")
    first, _ = await offered(scene)
    await apply(scene, first)
    await retagger(scene).settle()
    assert (await run_of(scene, first)).tagged == 7
    assert await wish_rows(scene) == 7

    # The same button again: the run starts over and finds everything already tagged.
    await apply(scene, first)
    await retagger(scene).settle()
    again = await run_of(scene, first)
    assert again.tagged == 0 and again.scanned == again.total
    assert progress_edits(scene)[-1] == done_text("en", again, 0)
    assert await wish_rows(scene) == 7

    # A new keyword: only the comments it adds are counted, none is tagged twice.
    await scene.send(VICTIM, ADMIN, "/tag_add wish 想要")
    second, _ = await offered(scene)
    assert RetagCb.unpack(second).run_id == RetagCb.unpack(first).run_id  # keyed by the tag
    await apply(scene, second)
    await retagger(scene).settle()
    assert (await run_of(scene, second)).tagged == 2
    assert await wish_rows(scene) == len(WISHES)


async def test_removed_keywords_come_off_and_operators_tags_stay(scene: Scene) -> None:
    scene.restart(**SLOW)
    await stored_history(scene)
    await scene.send(VICTIM, ADMIN, "/tag_new wish would love, 想要")
    go, _ = await offered(scene)
    await apply(scene, go)
    await retagger(scene).settle()
    await scene.send(VICTIM, ADMIN, "/tag_remove wish 想要")
    go, _ = await offered(scene)
    await apply(scene, go)
    await retagger(scene).settle()
    run = await run_of(scene, go)
    assert (run.tagged, run.untagged) == (0, 2)
    assert await tags_of(scene.session_factory, VICTIM["id"], "我想要猫咪") == set()
    assert await tags_of(scene.session_factory, VICTIM["id"], "I would love video 0") == {"wish"}


async def test_not_now_leaves_the_history_alone(scene: Scene) -> None:
    scene.restart(**SLOW)
    await stored_history(scene)
    await scene.send(VICTIM, ADMIN, "/tag_new wish would love")
    _, skip = await offered(scene)
    await scene.tap(ADMIN, VICTIM, skip, message_id=PROGRESS_MESSAGE)
    await retagger(scene).settle()
    assert await wish_rows(scene) == 0
    [edited] = progress_edits(scene)
    assert edited.endswith(str(TRANSLATOR.bind("en")("retag-skipped")))


async def test_only_operators_may_start_it(scene: Scene) -> None:
    scene.restart(**SLOW)
    await stored_history(scene)
    await scene.send(VICTIM, ADMIN, "/tag_new wish would love")
    go, _ = await offered(scene)
    await scene.tap(MEMBER, VICTIM, go, message_id=PROGRESS_MESSAGE)
    await retagger(scene).settle()
    assert await wish_rows(scene) == 0
    assert (await run_of(scene, go)).status is RetagStatus.OFFERED


async def wait_for_first_batch(scene: Scene, data: str) -> RetagRecord:
    for _ in range(1000):
        run = await run_of(scene, data)
        if run.scanned:
            return run
        await asyncio.sleep(0.01)
    raise AssertionError("the run never committed a batch")


async def test_a_restart_in_the_middle_resumes_from_the_last_batch(scene: Scene) -> None:
    # The first process sleeps after its first batch: killed there, mid-run.
    scene.restart(retag_batch_size=2, retag_pause_seconds=60, retag_progress_seconds=0)
    await stored_history(scene)
    await scene.send(VICTIM, ADMIN, "/tag_new wish 想要, would love")
    go, _ = await offered(scene)
    await apply(scene, go)
    before = await wait_for_first_batch(scene, go)
    await retagger(scene).stop()
    assert before.status is RetagStatus.RUNNING and before.scanned == 2

    scene.restart(**SLOW)
    await scene.say(VICTIM, FAN, "while it was down: would love more")
    await scene.pipeline.clock.tick()  # the lease holder's pass adopts the unfinished run
    await retagger(scene).settle()

    after = await run_of(scene, go)
    assert after.status is RetagStatus.DONE and after.generation == before.generation
    assert after.scanned == after.total  # resumed, not started over: no batch read twice
    assert after.tagged == len(WISHES)
    assert progress_edits(scene)[-1] == done_text("en", after, len(WISHES))
    assert await wish_rows(scene) == len(WISHES) + 1  # the new comment, tagged by ingest


async def test_fans_comments_are_stored_while_it_runs(scene: Scene) -> None:
    scene.restart(retag_batch_size=1, retag_pause_seconds=0, retag_progress_seconds=0)
    await stored_history(scene)
    await scene.send(VICTIM, ADMIN, "/tag_new wish 想要, would love")
    go, _ = await offered(scene)
    await apply(scene, go)

    async def fans_write() -> None:
        for n in range(20):
            await scene.say(VICTIM, FAN, f"during the run, would love {n}")

    await asyncio.gather(retagger(scene).settle(), fans_write())
    run = await run_of(scene, go)
    assert run.status is RetagStatus.DONE and run.tagged == len(WISHES)
    async with scene.session_factory() as session:
        during = await session.scalar(
            select(func.count()).where(
                Comment.chat_id == VICTIM["id"], Comment.text.like("during the run%")
            )
        )
    assert during == 20
    assert await wish_rows(scene) == len(WISHES) + 20
