"""The record of every Bot API call the bot made, in order."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class Call:
    index: int
    method: str
    params: dict[str, Any]
    timestamp: float
    ok: bool | None = None
    result: Any = None
    error: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class CallLog:
    def __init__(self) -> None:
        self.calls: list[Call] = []

    def start(self, method: str, params: dict[str, Any]) -> Call:
        call = Call(len(self.calls), method, params, time.time())
        self.calls.append(call)
        return call

    def select(self, method: str | None = None, since: int = 0) -> list[Call]:
        wanted = method.lower() if method else None
        return [
            call for call in self.calls[since:] if wanted is None or call.method.lower() == wanted
        ]

    def clear(self) -> None:
        self.calls.clear()
