"""Tracking of `poll` and `poll_answer` updates.

They are their own update types, not group messages: they never touch the ingest path. Their
rows go into the batch's write buffer (idempotent on the poll id, and on (poll id, voter) for
answers), durable with the batch before Telegram is told it was received. Their handlers sit on
the dispatcher (`observe`), so no router is walked for them.
"""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram import Dispatcher
from aiogram.types import Poll, PollAnswer

from bot.db import polls as store
from bot.db.polls import TALLY_UPSERT, VOTE_UPSERT
from bot.db.write_buffer import UpdateWrites
from bot.telegram.poll_courier import tally_of

UPDATE_TYPES = ("poll", "poll_answer")


async def on_poll(poll: Poll, writes: UpdateWrites) -> None:
    writes.add(TALLY_UPSERT, store.tally_row(poll.id, tally_of(poll), datetime.now(UTC)))


async def on_poll_answer(answer: PollAnswer, writes: UpdateWrites) -> None:
    # An answer given on behalf of a chat (voter_chat) is nobody's personal vote.
    if answer.user is None:
        return
    writes.add(
        VOTE_UPSERT,
        store.vote_row(answer.poll_id, answer.user.id, answer.option_ids, datetime.now(UTC)),
    )


def observe(dispatcher: Dispatcher) -> None:
    # On the dispatcher itself, tried before any router: a busy poll sends an update per vote,
    # and walking every feature's router for each costs twenty times the vote itself.
    dispatcher.poll.register(on_poll)
    dispatcher.poll_answer.register(on_poll_answer)
