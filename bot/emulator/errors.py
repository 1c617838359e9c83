"""Telegram error envelopes: the status codes and descriptions the real Bot API answers with."""

from __future__ import annotations

from typing import Any


class TelegramError(Exception):
    """An error answer; raised anywhere inside a method, turned into an envelope by the server."""

    def __init__(
        self, status: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def envelope(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(reason: str) -> TelegramError:
    return TelegramError(400, f"Bad Request: {reason}")


def unauthorized() -> TelegramError:
    return TelegramError(401, "Unauthorized")


def forbidden(reason: str) -> TelegramError:
    return TelegramError(403, f"Forbidden: {reason}")


def not_found() -> TelegramError:
    return TelegramError(404, "Not Found")


def conflict(reason: str) -> TelegramError:
    return TelegramError(409, f"Conflict: {reason}")


def too_many_requests(retry_after: int) -> TelegramError:
    return TelegramError(
        429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
    )


def migrated(to_chat_id: int) -> TelegramError:
    return TelegramError(
        400,
        "Bad Request: group chat was upgraded to a supergroup chat",
        {"migrate_to_chat_id": to_chat_id},
    )


def server_error(status: int) -> TelegramError:
    reasons = {
        500: "Internal Server Error",
        502: "Bad Gateway",
        503: "Service Unavailable",
        504: "Gateway Timeout",
    }
    return TelegramError(status, reasons.get(status, "Internal Server Error"))


def chat_not_found() -> TelegramError:
    return bad_request("chat not found")


DEFAULT_DESCRIPTIONS: dict[int, str] = {
    400: "Bad Request: chat not found",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running",
}


def for_status(
    status: int, description: str | None = None, retry_after: int | None = None
) -> TelegramError:
    """The error a fault rule answers with: realistic defaults for each status."""
    if status == 429:
        error = too_many_requests(retry_after if retry_after is not None else 1)
        if description:
            error.description = description
        return error
    if status >= 500 and description is None:
        return server_error(status)
    return TelegramError(status, description or DEFAULT_DESCRIPTIONS.get(status, "Unknown error"))
