"""Incoming Bot API requests: read any encoding Telegram accepts, validate with aiogram's models."""

from __future__ import annotations

import asyncio
import json
import types as pytypes
import typing
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiogram import methods
from aiogram.methods.base import TelegramMethod
from aiohttp import web
from pydantic import ValidationError

from bot.emulator.errors import TelegramError, bad_request

ATTACH = "attach://"
AnyMethod = TelegramMethod[Any]


@dataclass(frozen=True)
class Upload:
    filename: str
    content: bytes
    content_type: str | None = None


def _method_models() -> dict[str, type[AnyMethod]]:
    models: dict[str, type[AnyMethod]] = {}
    for name in methods.__all__:
        model = getattr(methods, name)
        if (
            isinstance(model, type)
            and issubclass(model, TelegramMethod)
            and model is not (TelegramMethod)
        ):
            api_name = getattr(model, "__api_method__", None)
            if isinstance(api_name, str):
                models[api_name.lower()] = model
    return models


METHOD_MODELS = _method_models()


def method_model(name: str) -> type[AnyMethod] | None:
    return METHOD_MODELS.get(name.lower())


async def read_request(request: web.Request) -> tuple[dict[str, Any], dict[str, Upload]]:
    """Fields and uploaded files of a GET query, a urlencoded or JSON body, or multipart."""
    fields: dict[str, Any] = dict(request.query)
    files: dict[str, Upload] = {}
    if request.method != "POST" or not request.can_read_body:
        return fields, files
    content_type = request.content_type
    if content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            raise bad_request("can't parse JSON encoded request") from None
        if not isinstance(body, dict):
            raise bad_request("JSON object expected")
        fields.update(body)
    elif content_type.startswith("multipart/"):
        more_fields, files = await read_multipart(await buffered_multipart(request))
        fields.update(more_fields)
    else:
        fields.update(await request.post())
    return fields, files


class _Unthrottled:
    """A protocol for a stream that already holds the whole body: nothing to pause or resume."""

    _reading_paused = False

    def pause_reading(self) -> None:
        return None

    def resume_reading(self, resume_parser: bool = True) -> None:
        return None


async def buffered_multipart(request: web.Request) -> aiohttp.MultipartReader:
    """A multipart reader over the body read in full first.

    Over a live socket a part's boundary can arrive split across small reads, and aiohttp then
    takes back data with its own deprecated `unread_data` (a DeprecationWarning, an error under
    the tests' warnings-as-errors). From a stream that holds the whole body every read is full.
    """
    body = await request.read()
    stream = aiohttp.StreamReader(
        _Unthrottled(),  # type: ignore[arg-type]
        max(2**16, len(body)),
        loop=asyncio.get_running_loop(),
    )
    stream.feed_data(body)
    stream.feed_eof()
    return aiohttp.MultipartReader(request.headers, stream)


async def read_multipart(
    reader: aiohttp.MultipartReader,
) -> tuple[dict[str, Any], dict[str, Upload]]:
    fields: dict[str, Any] = {}
    files: dict[str, Upload] = {}
    while (part := await reader.next()) is not None:
        if not isinstance(part, aiohttp.BodyPartReader) or part.name is None:
            continue
        if part.filename is not None:
            content = bytes(await part.read())
            files[part.name] = Upload(part.filename, content, part.headers.get("Content-Type"))
        else:
            fields[part.name] = await part.text()
    return fields, files


def _accepts_str(annotation: Any) -> bool:
    if annotation is str:
        return True
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _accepts_str(typing.get_args(annotation)[0])
    if origin in (typing.Union, pytypes.UnionType):
        return any(_accepts_str(arg) for arg in typing.get_args(annotation))
    return False


def _decode(model: type[AnyMethod], fields: dict[str, Any]) -> dict[str, Any]:
    """Form values arrive as strings; JSON-serialized parameters are decoded like Telegram does."""
    decoded: dict[str, Any] = {}
    for key, value in fields.items():
        info = model.model_fields.get(key)
        needs_json = isinstance(value, str) and info is not None
        if needs_json and info is not None and not _accepts_str(info.annotation):
            decoded[key] = _json_value(value)
        else:
            decoded[key] = value
    return decoded


def _json_value(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        # aiogram sends booleans as JSON, other clients send True/False: both are accepted.
        return value.lower() if value in ("True", "False") else value


def _describe(error: ValidationError) -> TelegramError:
    first = error.errors()[0]
    name = str(first["loc"][0]) if first["loc"] else "request"
    if first["type"] == "missing":
        if name == "text":
            return bad_request("message text is empty")
        return bad_request(f"{name} is empty")
    return bad_request(f"invalid {name} specified: {first['msg']}")


def validate(
    name: str, fields: dict[str, Any], files: dict[str, Upload]
) -> tuple[AnyMethod, dict[str, Any]]:
    """The aiogram method object for a request, plus the decoded fields (for the call record)."""
    model = method_model(name)
    if model is None:
        raise TelegramError(404, "Not Found")
    decoded = _decode(model, fields)
    for field_name in files:
        # A file may be uploaded directly under the parameter's name instead of attach://.
        if field_name in model.model_fields and field_name not in decoded:
            decoded[field_name] = ATTACH + field_name
    try:
        return model.model_validate(decoded), decoded
    except ValidationError as error:
        raise _describe(error) from None


def attached(value: Any, files: dict[str, Upload]) -> Upload | None:
    """The upload an attach:// reference points to."""
    if isinstance(value, str) and value.startswith(ATTACH):
        upload = files.get(value.removeprefix(ATTACH))
        if upload is None:
            raise bad_request(f"file {value} not found in the request")
        return upload
    return None
