"""Walk a top-level JSON object whose one big array is decoded an element at a time.

`json.load` of a 100,000-message export costs several hundred megabytes of dicts. Here only
one message's dict is alive at a time: the C scanner (`JSONDecoder.raw_decode`) decodes each
array element from a text window that is refilled as it is consumed, and the rest of the
object (a few small header values) is decoded whole.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator
from typing import Final

from bot.domain.history.errors import ImportErrorCode, ImportFileError
from bot.domain.history.source import Reader

CHUNK_BYTES: Final = 1024 * 1024
# A decode error this close to the end of the window may be a value cut by the window edge.
EDGE_MARGIN: Final = 16
_WHITESPACE: Final = re.compile(r"[ \t\n\r]*")
_DECODER: Final = json.JSONDecoder()
_LITERALS: Final = ("true", "false", "null", "-", "NaN", "Infinity", "-Infinity")


class JsonCursor:
    def __init__(self, read: Reader) -> None:
        self._read = read
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self._buffer = ""
        self._pos = 0
        self._eof = False
        self._started = False
        self.header: dict[str, object] = {}
        self.streamed = False

    def walk_object(self, stream_key: str, on_key: Callable[[str], None]) -> Iterator[object]:
        """Yield the elements of `stream_key`'s array; `on_key` sees every key first.

        The other keys' values are decoded and kept in `header`. `on_key` may raise to stop
        early (an account export is recognised by its first key, before its huge body).
        """
        self._expect_top_level_object()
        if self._peek() == "}":
            self._pos += 1
        else:
            while True:
                key = self.value()
                if not isinstance(key, str):
                    raise ImportFileError(ImportErrorCode.NOT_JSON, "object key is not a string")
                on_key(key)
                self._expect(":", ImportErrorCode.NOT_JSON)
                if key == stream_key and self._peek() == "[":
                    self.streamed = True
                    yield from self._array()
                else:
                    self.header[key] = self.value()
                if self._next_separator("}"):
                    break
        self._expect_end()

    def value(self) -> object:
        self._skip_whitespace()
        # Each retry reads twice as much, so a huge value costs linear, not quadratic, time.
        want = CHUNK_BYTES
        while True:
            try:
                decoded, end = _DECODER.raw_decode(self._buffer, self._pos)
            except json.JSONDecodeError as error:
                if self._may_be_cut(error) and self._fill(want):
                    want *= 2
                    continue
                raise self._decode_failure(error) from error
            except RecursionError as error:
                raise ImportFileError(ImportErrorCode.TOO_DEEP, "nested too deep") from error
            # A number or literal ending exactly at the window edge may continue past it.
            if end == len(self._buffer) and self._fill(want):
                want *= 2
                continue
            self._pos = end
            return decoded

    def _array(self) -> Iterator[object]:
        self._pos += 1
        if self._peek() == "]":
            self._pos += 1
            return
        while True:
            yield self.value()
            if self._next_separator("]"):
                return

    def _next_separator(self, closing: str) -> bool:
        char = self._peek()
        if char == ",":
            self._pos += 1
            return False
        if char == closing:
            self._pos += 1
            return True
        raise self._syntax_error(f"expected ',' or {closing!r}")

    def _expect_top_level_object(self) -> None:
        found = self._peek()
        if found == "{":
            self._pos += 1
            return
        if found is None:
            raise ImportFileError(ImportErrorCode.NOT_JSON, "empty file")
        # Other JSON (an array, a number...) is JSON but not an export; anything else is not JSON.
        code = (
            ImportErrorCode.NOT_AN_EXPORT
            if found in '["-0123456789tfn'
            else ImportErrorCode.NOT_JSON
        )
        raise ImportFileError(code, f"starts with {found!r}")

    def _expect(self, char: str, code: ImportErrorCode) -> None:
        found = self._peek()
        if found != char:
            if found is None:
                raise ImportFileError(ImportErrorCode.TRUNCATED, f"expected {char!r}")
            raise ImportFileError(code, f"expected {char!r}, found {found!r}")
        self._pos += 1

    def _expect_end(self) -> None:
        if self._peek() is not None:
            raise ImportFileError(ImportErrorCode.NOT_JSON, "data after the top-level object")

    def _peek(self) -> str | None:
        self._skip_whitespace()
        return self._buffer[self._pos] if self._pos < len(self._buffer) else None

    def _skip_whitespace(self) -> None:
        while True:
            match = _WHITESPACE.match(self._buffer, self._pos)
            self._pos = match.end() if match else self._pos
            if self._pos < len(self._buffer) or not self._fill(CHUNK_BYTES):
                return

    def _fill(self, size: int) -> bool:
        """Append the next chunk to the window, dropping what was consumed; False at the end."""
        while not self._eof:
            raw = self._read(size)
            self._eof = not raw
            try:
                text = self._decoder.decode(raw, final=self._eof)
            except UnicodeDecodeError as error:
                cut = self._eof and error.reason == "unexpected end of data"
                code = ImportErrorCode.TRUNCATED if cut else ImportErrorCode.NOT_JSON
                raise ImportFileError(code, f"not UTF-8: {error}") from error
            if not self._started and text:
                self._started = True
                text = text.removeprefix("\ufeff")
            if text:
                self._buffer = self._buffer[self._pos :] + text
                self._pos = 0
                return True
        return False

    def _may_be_cut(self, error: json.JSONDecodeError) -> bool:
        return error.msg.startswith("Unterminated string") or (
            error.pos >= len(self._buffer) - EDGE_MARGIN
        )

    def _decode_failure(self, error: json.JSONDecodeError) -> ImportFileError:
        if self._eof and self._cut_at_end(error):
            return ImportFileError(ImportErrorCode.TRUNCATED, error.msg)
        return self._syntax_error(error.msg)

    def _cut_at_end(self, error: json.JSONDecodeError) -> bool:
        """At the end of the data: is this error a value cut short, rather than bad JSON?"""
        if error.msg.startswith("Unterminated string"):
            return True
        rest = self._buffer[error.pos :].rstrip()
        if not rest:
            return True
        if error.msg.startswith("Expecting value"):
            return any(literal.startswith(rest) for literal in _LITERALS)
        return "escape" in error.msg and '"' not in rest and len(rest) < EDGE_MARGIN

    def _syntax_error(self, message: str) -> ImportFileError:
        if self._eof and self._pos >= len(self._buffer):
            return ImportFileError(ImportErrorCode.TRUNCATED, message)
        return ImportFileError(ImportErrorCode.NOT_JSON, message)
