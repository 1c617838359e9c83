"""Telegram's text formatting: the HTML parse mode, checked as strictly as the Bot API checks it.

Offsets and lengths of entities count UTF-16 code units, as in the real API. The text length limit
counts code points after parsing and after Telegram trims surrounding whitespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bot.emulator.errors import TelegramError, bad_request

NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
}
ALLOWED_TAGS = {*SIMPLE_TAGS, "span", "a", "tg-emoji", "tg-time"}
_ENTITY = re.compile(r"&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,9}|[a-zA-Z][a-zA-Z0-9]{0,31});")
_NAME = re.compile(r"[a-zA-Z0-9-]+")
_ATTRIBUTE = re.compile(r"""\s*([a-zA-Z0-9-]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?""")
_AUTO = re.compile(
    r"(?P<bot_command>(?<![\w/])/[a-zA-Z0-9_]{1,32}(?:@[a-zA-Z0-9_]{3,32})?(?![\w/]))"
    r"|(?P<mention>(?<![\w@])@[a-zA-Z0-9_]{4,32}(?!\w))"
    r"|(?P<hashtag>(?<![\w#])#\w*[^\W\d_]\w*)"
    r"|(?P<url>\bhttps?://[^\s<>\"]+[^\s<>\".,;:!?)\]'])"
)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_error(reason: str) -> TelegramError:
    return bad_request(f"can't parse entities: {reason}")


@dataclass
class _Open:
    tag: str
    start: int
    byte_offset: int
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass
class _Parser:
    source: str
    parts: list[str] = field(default_factory=list)
    position: int = 0
    stack: list[_Open] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)

    def byte_offset(self, index: int) -> int:
        return len(self.source[:index].encode("utf-8"))

    def emit(self, text: str) -> None:
        self.parts.append(text)
        self.position += utf16_len(text)

    def run(self) -> tuple[str, list[dict[str, Any]]]:
        index = 0
        while index < len(self.source):
            char = self.source[index]
            if char == "&":
                index = self.entity(index)
            elif char == "<":
                index = self.tag(index)
            else:
                nxt = _next_special(self.source, index)
                self.emit(self.source[index:nxt])
                index = nxt
        if self.stack:
            raise parse_error(
                f'Can\'t find end tag corresponding to start tag "{self.stack[-1].tag}"'
            )
        return "".join(self.parts), self.entities

    def entity(self, index: int) -> int:
        match = _ENTITY.match(self.source, index)
        if match is None:
            self.emit("&")
            return index + 1
        body = match.group(1)
        decoded: str | None
        if body.startswith(("#x", "#X")):
            decoded = _code_point(int(body[2:], 16))
        elif body.startswith("#"):
            decoded = _code_point(int(body[1:]))
        else:
            decoded = NAMED_ENTITIES.get(body)
        if decoded is None:
            # Unknown named entities stay as written, like in the real parser.
            self.emit("&")
            return index + 1
        self.emit(decoded)
        return match.end()

    def tag(self, index: int) -> int:
        if self.source.startswith("</", index):
            return self.end_tag(index)
        return self.start_tag(index)

    def start_tag(self, index: int) -> int:
        offset = self.byte_offset(index)
        name_match = _NAME.match(self.source, index + 1)
        name = name_match.group(0).lower() if name_match else ""
        if name not in ALLOWED_TAGS:
            raise parse_error(f'Unsupported start tag "{name}" at byte offset {offset}')
        cursor = index + 1 + len(name)
        attributes: dict[str, str] = {}
        while True:
            if cursor >= len(self.source):
                raise parse_error(f"Unclosed start tag at byte offset {offset}")
            if self.source[cursor] == ">":
                break
            attribute = _ATTRIBUTE.match(self.source, cursor)
            if attribute is None or attribute.end() == cursor:
                if self.source[cursor].isspace():
                    cursor += 1
                    continue
                raise parse_error(
                    f"Expected equal sign in declaration of an attribute of the tag "
                    f'"{name}" at byte offset {offset}'
                )
            value = attribute.group(2) or ""
            if value[:1] in ("'", '"'):
                value = value[1:-1]
            attributes[attribute.group(1).lower()] = _unescape(value)
            cursor = attribute.end()
        if name == "span" and attributes.get("class") != "tg-spoiler":
            raise parse_error(f'Unsupported start tag "span" at byte offset {offset}')
        self.stack.append(_Open(name, self.position, offset, attributes))
        return cursor + 1

    def end_tag(self, index: int) -> int:
        offset = self.byte_offset(index)
        name_match = _NAME.match(self.source, index + 2)
        name = name_match.group(0).lower() if name_match else ""
        cursor = index + 2 + len(name)
        while cursor < len(self.source) and self.source[cursor].isspace():
            cursor += 1
        if cursor >= len(self.source) or self.source[cursor] != ">":
            raise parse_error(f"Unclosed end tag at byte offset {offset}")
        if not self.stack:
            raise parse_error(f"Unexpected end tag at byte offset {offset}")
        opened = self.stack[-1]
        if name != opened.tag:
            raise parse_error(
                f'Unmatched end tag at byte offset {offset}, expected "</{opened.tag}>", '
                f'found "</{name}>"'
            )
        self.stack.pop()
        self.close(opened)
        return cursor + 1

    def close(self, opened: _Open) -> None:
        length = self.position - opened.start
        if opened.tag == "code" and self.stack and self.stack[-1].tag == "pre":
            # <pre><code class="language-x"> is one pre entity with a language.
            language = opened.attributes.get("class", "")
            if language.startswith("language-"):
                self.stack[-1].attributes["language"] = language.removeprefix("language-")
            return
        entity = _entity_for(opened)
        if entity is None or length == 0:
            return
        entity.update(offset=opened.start, length=length)
        self.entities.append(entity)


def _entity_for(opened: _Open) -> dict[str, Any] | None:
    attributes = opened.attributes
    if opened.tag == "span":
        return {"type": "spoiler"}
    if opened.tag == "a":
        href = attributes.get("href", "")
        return {"type": "text_link", "url": href} if href else None
    if opened.tag == "tg-emoji":
        return {"type": "custom_emoji", "custom_emoji_id": attributes.get("emoji-id", "")}
    if opened.tag == "tg-time":
        entity: dict[str, Any] = {"type": "date_time"}
        if attributes.get("unix", "").isdigit():
            entity["unix_time"] = int(attributes["unix"])
        return entity
    if opened.tag == "pre" and attributes.get("language"):
        return {"type": "pre", "language": attributes["language"]}
    if opened.tag == "blockquote" and "expandable" in attributes:
        return {"type": "expandable_blockquote"}
    return {"type": SIMPLE_TAGS[opened.tag]}


def _next_special(source: str, index: int) -> int:
    positions = [p for p in (source.find("<", index), source.find("&", index)) if p != -1]
    return min(positions) if positions else len(source)


def _code_point(value: int) -> str | None:
    if value == 0 or value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return None
    return chr(value)


def _unescape(value: str) -> str:
    parser = _Parser(value)
    index = 0
    while index < len(value):
        if value[index] == "&":
            index = parser.entity(index)
        else:
            parser.emit(value[index])
            index += 1
    return "".join(parser.parts)


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Telegram HTML -> (plain text, entities); raises the real "can't parse entities" errors."""
    return _Parser(source).run()


def detect_entities(text: str, taken: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entities Telegram finds by itself: commands, mentions, hashtags and links."""
    code_ranges = [
        (e["offset"], e["offset"] + e["length"]) for e in taken if e["type"] in ("code", "pre")
    ]
    found: list[dict[str, Any]] = []
    for match in _AUTO.finditer(text):
        kind = match.lastgroup or "url"
        offset = utf16_len(text[: match.start()])
        length = utf16_len(match.group(0))
        if any(start < offset + length and offset < end for start, end in code_ranges):
            continue
        found.append({"type": kind, "offset": offset, "length": length})
    return found


def trim(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Telegram trims surrounding whitespace and moves entities with the text."""
    stripped = text.strip()
    if not stripped:
        return "", []
    head = utf16_len(text[: len(text) - len(text.lstrip())])
    size = utf16_len(stripped)
    kept: list[dict[str, Any]] = []
    for entity in entities:
        start = max(entity["offset"] - head, 0)
        end = min(entity["offset"] + entity["length"] - head, size)
        if end > start:
            kept.append({**entity, "offset": start, "length": end - start})
    return stripped, kept


def format_text(
    text: str,
    parse_mode: str | None,
    entities: list[dict[str, Any]] | None,
    *,
    limit: int,
    empty_error: str,
    long_error: str,
) -> tuple[str, list[dict[str, Any]]]:
    """The text as Telegram stores it, with its entities; raises what the Bot API raises."""
    if parse_mode is not None and parse_mode.lower() == "html":
        plain, parsed = parse_html(text)
    elif parse_mode:
        if parse_mode not in ("Markdown", "MarkdownV2"):
            raise bad_request(f"unsupported parse_mode {parse_mode!r}")
        raise bad_request(f"emulator supports only HTML parse_mode, got {parse_mode}")
    else:
        plain, parsed = text, list(entities or [])
    plain, parsed = trim(plain, parsed)
    if not plain:
        raise bad_request(empty_error)
    if len(plain) > limit:
        raise bad_request(long_error)
    parsed = parsed + detect_entities(plain, parsed)
    parsed.sort(key=lambda e: (e["offset"], -e["length"]))
    return plain, parsed
