"""The spam mode on the /settings panel's Door screen: one button cycles off -> report only ->
delete and restrict -> off, each tap saved and audited."""

from __future__ import annotations

from sqlalchemy import select

from bot.db.models import DoorSettingsRecord
from handlers.callbacks import DoorPanelCb, SettingsCb
from tests.support.cast import ADMIN, VICTIM
from tests.support.scene import Scene


async def stored_mode(scene: Scene) -> str | None:
    async with scene.session_factory() as session:
        return await session.scalar(
            select(DoorSettingsRecord.spam_mode).where(DoorSettingsRecord.chat_id == VICTIM["id"])
        )


async def test_the_door_screen_cycles_the_spam_mode(scene: Scene) -> None:
    await scene.tap(ADMIN, VICTIM, SettingsCb(chat_id=VICTIM["id"], screen="door").pack())
    assert "Spam check: off" in str(scene.edits()[-1].text)
    for following in ("report", "act", "off"):
        tap = DoorPanelCb(chat_id=VICTIM["id"], setting="spam", value=following).pack()
        markup = scene.edits()[-1].reply_markup
        assert markup is not None
        assert tap in [b.callback_data for row in markup.inline_keyboard for b in row]
        await scene.tap(ADMIN, VICTIM, tap)
        assert await stored_mode(scene) == following
    assert "Spam check: off" in str(scene.edits()[-1].text)
