"""Typed, versioned callback data (64-byte cap). The chat id inside is data, never authority:
every operator button re-checks the clicker's role in that chat."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class GroupPickCb(CallbackData, prefix="g1"):
    chat_id: int


class AuditPageCb(CallbackData, prefix="a1"):
    chat_id: int
    page: int


OPERATOR_CALLBACKS: tuple[type[CallbackData], ...] = (GroupPickCb, AuditPageCb)
