"""The guided /poll, as an operator walks through it in private chat: question, options,
toggles, times, then the one-line form's own preview and Send."""

from __future__ import annotations

from aiogram.methods import SendPoll

from tests.flows.support import ADMIN, GROUP, FlowChat
from tests.support.scene import Scene


async def test_an_operator_makes_a_poll_step_by_step_in_english(scene: Scene) -> None:
    ada = FlowChat(scene, ADMIN)
    await ada.send("/poll")
    assert "New poll for Cat fans" in ada.screen
    await ada.type("Next video?")
    assert "Send the first option" in ada.screen
    await ada.type("Cat vlog")
    assert "Done ▶" not in ada.buttons  # one option is not a choice
    await ada.type("Street food")
    await ada.tap("Done ▶")
    assert "How do fans answer?" in ada.screen
    await ada.tap("⬜ Several answers allowed")
    assert "✅ Several answers allowed" in ada.buttons
    await ada.tap("Next ▶")
    await ada.tap("Now")
    await ada.tap("In 1 day")
    preview = ada.screen
    assert "Preview" in preview and "Next video?" in preview and "2. Street food" in preview
    await ada.tap("✅ Send")
    [sent] = scene.calls(SendPoll)
    assert sent.chat_id == GROUP["id"] and sent.question == "Next video?"
    assert sent.allows_multiple_answers is True
