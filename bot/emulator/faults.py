"""Fault injection: the next N calls of a method (or of every method) fail or slow down."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from bot.emulator.errors import TelegramError, for_status


@dataclass
class Fault:
    method: str | None = None
    count: int = 1
    status: int | None = None
    description: str | None = None
    retry_after: int | None = None
    drop_connection: bool = False
    delay: float = 0.0

    def matches(self, method: str) -> bool:
        return self.count > 0 and (self.method is None or self.method.lower() == method.lower())

    def error(self) -> TelegramError | None:
        if self.status is None:
            return None
        return for_status(self.status, self.description, self.retry_after)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class Faults:
    def __init__(self) -> None:
        self.rules: list[Fault] = []

    def add(self, fault: Fault) -> Fault:
        if fault.count < 1:
            raise ValueError("a fault applies to at least one call")
        if fault.status is None and not fault.drop_connection and fault.delay <= 0:
            raise ValueError("a fault needs a status, drop_connection or a delay")
        self.rules.append(fault)
        return fault

    def take(self, method: str) -> Fault | None:
        """The first rule for this call; each call uses up one of the rule's count."""
        for rule in self.rules:
            if rule.matches(method):
                rule.count -= 1
                if rule.count == 0:
                    self.rules.remove(rule)
                return rule
        return None

    def clear(self) -> None:
        self.rules.clear()
