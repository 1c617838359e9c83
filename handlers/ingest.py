"""Ingest as a feature: it observes the dispatcher itself (bot/telegram/ingest.py) ahead of
every router, and asks Telegram for messages and their edits."""

from __future__ import annotations

from bot.telegram.ingest import UPDATE_TYPES, observe
from handlers.features import Feature

FEATURE = Feature(name="ingest", observers=observe, update_types=UPDATE_TYPES)
