"""What Telegram reads from uploaded bytes: image dimensions, MIME types, file objects."""

from __future__ import annotations

import mimetypes
import struct
from typing import Any

from aiogram import types

from bot.emulator.errors import bad_request
from bot.emulator.world import StoredFile, World

THUMBNAIL_SIDE = 90


def image_size(content: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG, GIF, JPEG or WebP image; None when it is not an image."""
    if content.startswith(b"\x89PNG\r\n\x1a\n") and len(content) >= 24:
        width, height = struct.unpack(">II", content[16:24])
        return int(width), int(height)
    if content[:6] in (b"GIF87a", b"GIF89a") and len(content) >= 10:
        width, height = struct.unpack("<HH", content[6:10])
        return int(width), int(height)
    if content.startswith(b"\xff\xd8"):
        return _jpeg_size(content)
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return 512, 512
    return None


def _jpeg_size(content: bytes) -> tuple[int, int] | None:
    index = 2
    while index + 9 < len(content):
        if content[index] != 0xFF:
            return None
        marker = content[index + 1]
        length = int.from_bytes(content[index + 2 : index + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", content[index + 5 : index + 9])
            return int(width), int(height)
        index += 2 + length
    return None


def store_photo(world: World, content: bytes) -> list[types.PhotoSize]:
    size = image_size(content)
    if size is None:
        raise bad_request("IMAGE_PROCESS_FAILED")
    width, height = size
    full = world.store_file(content, kind="photo", width=width, height=height)
    scale = THUMBNAIL_SIDE / max(width, height, 1)
    thumb_size = (max(1, round(width * scale)), max(1, round(height * scale)))
    thumb = world.store_file(content, kind="photo", width=thumb_size[0], height=thumb_size[1])
    return [photo_size(thumb), photo_size(full)]


def photo_size(stored: StoredFile) -> types.PhotoSize:
    return types.PhotoSize(
        file_id=stored.file_id,
        file_unique_id=stored.file_unique_id,
        width=stored.width,
        height=stored.height,
        file_size=len(stored.content),
    )


def store_document(
    world: World, content: bytes, file_name: str, mime_type: str | None = None
) -> types.Document:
    # Telegram trusts the file name over the part's generic Content-Type.
    guessed = mimetypes.guess_type(file_name)[0]
    mime = guessed or mime_type or "application/octet-stream"
    stored = world.store_file(content, kind="document", file_name=file_name, mime_type=mime)
    return document(stored)


def document(stored: StoredFile) -> types.Document:
    return types.Document(
        file_id=stored.file_id,
        file_unique_id=stored.file_unique_id,
        file_name=stored.file_name,
        mime_type=stored.mime_type,
        file_size=len(stored.content),
    )


def store_video(world: World, content: bytes, duration: int = 15) -> types.Video:
    stored = world.store_file(
        content, kind="video", file_name="video.mp4", mime_type="video/mp4", width=1080, height=1920
    )
    return types.Video(
        file_id=stored.file_id,
        file_unique_id=stored.file_unique_id,
        width=stored.width,
        height=stored.height,
        duration=duration,
        mime_type=stored.mime_type,
        file_size=len(stored.content),
    )


def file_object(stored: StoredFile) -> types.File:
    return types.File(
        file_id=stored.file_id,
        file_unique_id=stored.file_unique_id,
        file_size=len(stored.content),
        file_path=stored.file_path,
    )


def reuse(world: World, file_id: str, kind: str) -> dict[str, Any]:
    """The message field for a file sent again by file_id."""
    stored = world.files.get(file_id)
    if stored is None or stored.kind != kind:
        raise bad_request("wrong file identifier/HTTP URL specified")
    if kind == "photo":
        return {"photo": [photo_size(stored)]}
    return {kind: document(stored)}
