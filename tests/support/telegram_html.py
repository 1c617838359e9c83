"""A strict reading of Telegram's HTML parse mode and the Bot API's size limits, for tests.

From the Bot API's "Formatting options" (HTML style):
- only these tags: b strong i em u ins s strike del, span class="tg-spoiler", tg-spoiler,
  a href, tg-emoji emoji-id, tg-time unix [format], code, pre, code class="language-x" directly
  in pre, blockquote [expandable];
- every `<`, `>` and `&` that is not part of a tag or an entity is escaped; all numeric entities,
  and only the named entities &lt; &gt; &amp; &quot;;
- entities nest only so: bold, italic, underline, strikethrough and spoiler may contain and be
  inside anything except pre and code; blockquotes do not nest; other entities do not contain
  each other.
Stricter than Telegram where Telegram is lenient (a stray `>`, an unknown attribute): the bot
should never rely on leniency. Lengths are counted after entity parsing, in UTF-16 code units as
`bot/domain/html_split.py` counts them (at least as strict as counting characters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from aiogram.client.default import Default
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageCaption,
    EditMessageReplyMarkup,
    EditMessageText,
    SendAnimation,
    SendAudio,
    SendDocument,
    SendMessage,
    SendPhoto,
    SendPoll,
    SendVideo,
    SendVoice,
    TelegramMethod,
)
from aiogram.types import InlineKeyboardMarkup, InputPollOption

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_BYTES = 64
CALLBACK_ANSWER_LIMIT = 200
POLL_QUESTION_LIMIT = 300
POLL_OPTION_LIMIT = 100
POLL_OPTIONS = range(1, 13)  # "1-12 answer options" (aiogram 3.31 / Bot API)

FORMATTING = frozenset(
    {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler"}
)
OTHER = frozenset({"a", "tg-emoji", "tg-time", "code", "pre", "blockquote"})
TIME_FORMAT = re.compile(r"r|w?[dD]?[tT]?")

_NAME = r"[a-z][a-z0-9-]*"
_OPEN = re.compile(rf"<({_NAME})((?:\s+[a-z][a-z0-9-]*(?:=\"[^\"<>]*\"|='[^'<>]*')?)*)\s*>")
_CLOSE = re.compile(rf"</({_NAME})\s*>")
_ATTRIBUTE = re.compile(r"\s+([a-z][a-z0-9-]*)(?:=\"([^\"<>]*)\"|='([^'<>]*)')?")
_ENTITY = re.compile(r"&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot));")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


class TelegramHtmlError(ValueError):
    """The markup Telegram would refuse (or render other than meant), with where and why."""


@dataclass(frozen=True, slots=True)
class Entity:
    tag: str
    start: int  # in the parsed text, characters
    end: int


@dataclass(frozen=True, slots=True)
class Parsed:
    text: str
    entities: tuple[Entity, ...]


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", errors="surrogatepass")) // 2


def parse(markup: str) -> Parsed:
    """The text and entities Telegram makes of `markup`, or TelegramHtmlError."""
    _check_encodable(markup, "markup")
    text: list[str] = []
    length = 0
    stack: list[tuple[str, int]] = []
    entities: list[Entity] = []
    position = 0
    while position < len(markup):
        char = markup[position]
        if char == "<":
            if (closing := _CLOSE.match(markup, position)) is not None:
                name = closing.group(1)
                if not stack or stack[-1][0] != name:
                    raise _error(markup, position, f"</{name}> closes nothing open")
                _, start = stack.pop()
                entities.append(Entity(name, start, length))
                position = closing.end()
                continue
            opening = _OPEN.match(markup, position)
            if opening is None:
                raise _error(markup, position, "a '<' that is not a tag (escape it as &lt;)")
            name = opening.group(1)
            _check_tag(name, _attributes(markup, opening), [tag for tag, _ in stack])
            stack.append((name, length))
            position = opening.end()
        elif char == "&":
            entity = _ENTITY.match(markup, position)
            if entity is None:
                raise _error(markup, position, "a '&' that is not an entity (escape it as &amp;)")
            decoded = _decode(entity)
            text.append(decoded)
            length += len(decoded)
            position = entity.end()
        elif char == ">":
            raise _error(markup, position, "a '>' outside a tag (escape it as &gt;)")
        else:
            end = position
            while end < len(markup) and markup[end] not in "<&>":
                end += 1
            text.append(markup[position:end])
            length += end - position
            position = end
    if stack:
        raise TelegramHtmlError(f"<{stack[-1][0]}> is never closed")
    return Parsed("".join(text), tuple(entities))


def _attributes(markup: str, opening: re.Match[str]) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for attribute in _ATTRIBUTE.finditer(opening.group(2)):
        name, double, single = attribute.groups()
        if name in found:
            raise _error(markup, opening.start(), f"attribute {name} twice")
        raw = double if double is not None else single
        found[name] = None if raw is None else _decode_all(raw, markup, opening.start())
    return found


def _check_tag(name: str, attributes: dict[str, str | None], open_tags: list[str]) -> None:
    where = f"<{name}>"
    allowed: dict[str, set[str]] = {
        "a": {"href"},
        "span": {"class"},
        "tg-emoji": {"emoji-id"},
        "tg-time": {"unix", "format"},
        "code": {"class"},
        "blockquote": {"expandable"},
    }
    if name not in FORMATTING | OTHER:
        raise TelegramHtmlError(f"{where} is not a tag Telegram supports")
    unknown = set(attributes) - allowed.get(name, set())
    if unknown:
        raise TelegramHtmlError(f"{where} has unsupported attributes {sorted(unknown)}")
    if name == "a" and not attributes.get("href"):
        raise TelegramHtmlError("<a> without href")
    if name == "span" and attributes.get("class") != "tg-spoiler":
        raise TelegramHtmlError('<span> other than class="tg-spoiler"')
    if name == "tg-emoji" and not (attributes.get("emoji-id") or "").isdigit():
        raise TelegramHtmlError("<tg-emoji> without a numeric emoji-id")
    if name == "tg-time":
        if not (attributes.get("unix") or "").isdigit():
            raise TelegramHtmlError("<tg-time> without a numeric unix")
        if "format" in attributes and not TIME_FORMAT.fullmatch(attributes["format"] or ""):
            raise TelegramHtmlError("<tg-time> with an invalid format")
    if name == "blockquote" and attributes.get("expandable") is not None:
        raise TelegramHtmlError("<blockquote expandable> takes no value")
    _check_nesting(name, attributes, open_tags)


def _check_nesting(name: str, attributes: dict[str, str | None], open_tags: list[str]) -> None:
    parent = open_tags[-1] if open_tags else None
    if (
        name == "code"
        and "class" in attributes
        and (parent != "pre" or not (attributes["class"] or "").startswith("language-"))
    ):
        raise TelegramHtmlError('<code class="language-..."> only directly inside <pre>')
    if any(tag in ("pre", "code") for tag in open_tags) and not (
        name == "code" and parent == "pre"
    ):
        raise TelegramHtmlError(f"<{name}> inside <pre>/<code>")
    if name == "blockquote" and "blockquote" in open_tags:
        raise TelegramHtmlError("<blockquote> inside <blockquote>")
    if name in OTHER - {"blockquote", "code"} or (name == "code" and parent != "pre"):
        containers = [tag for tag in open_tags if tag in OTHER - {"blockquote"}]
        if containers:
            raise TelegramHtmlError(f"<{name}> inside <{containers[-1]}>")


def _decode(entity: re.Match[str]) -> str:
    decimal, hexadecimal, named = entity.groups()
    if named is not None:
        return _NAMED[named]
    code = int(decimal) if decimal is not None else int(hexadecimal, 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise TelegramHtmlError(f"entity {entity.group(0)} is not a character")
    return chr(code)


def _decode_all(raw: str, markup: str, position: int) -> str:
    out: list[str] = []
    index = 0
    while index < len(raw):
        if raw[index] == "&":
            entity = _ENTITY.match(raw, index)
            if entity is None:
                raise _error(markup, position, "a '&' in an attribute that is not an entity")
            out.append(_decode(entity))
            index = entity.end()
        else:
            out.append(raw[index])
            index += 1
    return "".join(out)


def _check_encodable(text: str, what: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise TelegramHtmlError(f"{what} has a lone surrogate at {error.start}") from None


def _error(markup: str, position: int, reason: str) -> TelegramHtmlError:
    context = markup[max(0, position - 30) : position + 30]
    return TelegramHtmlError(f"{reason} at {position}: {context!r}")


# the Bot API's limits, per outbound method


def check_text(markup: str, limit: int, *, html: bool, what: str) -> None:
    """A message text or caption: Telegram HTML when `html`, non-empty, within `limit`."""
    _check_encodable(markup, what)
    text = parse(markup).text if html else markup
    if not text.strip():
        raise TelegramHtmlError(f"{what} is empty after entity parsing")
    if utf16_length(text) > limit:
        raise TelegramHtmlError(f"{what} is {utf16_length(text)} long, over {limit}")


def check_markup(markup: Any) -> None:
    if not isinstance(markup, InlineKeyboardMarkup):
        return
    for row in markup.inline_keyboard:
        for button in row:
            _check_encodable(button.text, "button text")
            if not button.text.strip():
                raise TelegramHtmlError("a button without text")
            data = button.callback_data
            if data is not None and not 1 <= len(data.encode("utf-8")) <= CALLBACK_DATA_BYTES:
                raise TelegramHtmlError(f"callback data {data!r} is not 1-64 bytes")


def is_html(parse_mode: Any) -> bool:
    """The bot runs with DefaultBotProperties(parse_mode=HTML): a default means HTML."""
    return isinstance(parse_mode, Default) or (
        isinstance(parse_mode, str) and parse_mode.lower() == "html"
    )


CAPTIONED = (SendDocument, SendPhoto, SendVideo, SendAudio, SendAnimation, SendVoice)


def check_call(call: TelegramMethod[Any]) -> None:
    """Raise TelegramHtmlError if Telegram would refuse this outbound call's text or sizes."""
    if isinstance(call, SendMessage | EditMessageText):
        check_text(call.text or "", MESSAGE_LIMIT, html=is_html(call.parse_mode), what="text")
    elif isinstance(call, (*CAPTIONED, EditMessageCaption)):
        if call.caption is not None:
            html = is_html(call.parse_mode)
            _check_encodable(call.caption, "caption")
            text = parse(call.caption).text if html else call.caption
            if utf16_length(text) > CAPTION_LIMIT:
                raise TelegramHtmlError(f"caption is {utf16_length(text)} long, over 1024")
    elif isinstance(call, AnswerCallbackQuery):
        if call.text is not None:
            _check_encodable(call.text, "callback answer")
            if len(call.text) > CALLBACK_ANSWER_LIMIT:
                raise TelegramHtmlError(f"callback answer is {len(call.text)} long, over 200")
    elif isinstance(call, SendPoll):
        _check_poll(call)
    if isinstance(call, EditMessageReplyMarkup) or hasattr(call, "reply_markup"):
        check_markup(getattr(call, "reply_markup", None))


def _check_poll(call: SendPoll) -> None:
    _check_encodable(call.question, "poll question")
    if not 1 <= len(call.question.strip()) <= POLL_QUESTION_LIMIT:
        raise TelegramHtmlError(f"poll question of {len(call.question)} characters")
    if len(call.options) not in POLL_OPTIONS:
        raise TelegramHtmlError(f"poll with {len(call.options)} options")
    for option in call.options:
        text = option.text if isinstance(option, InputPollOption) else str(option)
        _check_encodable(text, "poll option")
        if not 1 <= len(text.strip()) <= POLL_OPTION_LIMIT:
            raise TelegramHtmlError(f"poll option of {len(text)} characters: {text[:40]!r}")
