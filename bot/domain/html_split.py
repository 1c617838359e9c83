"""Telegram HTML: escaping user text and splitting long messages at the 4,096-character limit.

How Telegram counts: the limit applies to the message text *after* entity parsing, in UTF-16
code units. So tags count for nothing, an entity counts as the character it stands for (``&amp;``
is one unit, ``&#128512;`` is two), a character outside the Basic Multilingual Plane (most emoji,
rare CJK) counts two, and everything else one. ``visible_length`` counts exactly that.

``split_html`` cuts only between user-perceived characters: never inside a tag, an entity or a
surrogate pair, and, conservatively, never before a combining mark, a variation selector, a skin
tone modifier, an emoji tag character or a zero-width (non-)joiner, never after a zero-width
joiner, never between the two regional indicators of a flag or inside ``\\r\\n``. It prefers, in
order, a paragraph break, a line break, a space, then CJK or Latin punctuation, as long as the
part stays at least half full; otherwise it cuts at the last character boundary that fits. Tags
open at a cut are closed at the end of the part and reopened, attributes included, at the start
of the next.

Input must be valid Telegram HTML: user text goes through ``escape``; only Telegram's tags are
accepted, properly nested; a ``<`` or ``&`` that starts no tag or supported entity raises
``ValueError`` (Telegram would refuse the message, so we fail where the bug is).
"""

from __future__ import annotations

import bisect
import html
import itertools
import re
import unicodedata
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import IntEnum

TELEGRAM_LIMIT = 4096
ALLOWED_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "code",
        "pre",
        "blockquote",
        "tg-emoji",
    }
)

_TAG = re.compile(
    r"""<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9-]*)"""
    r"""(?P<attrs>(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?)*)\s*>"""
)
# Telegram supports every numeric entity and only these named ones.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|lt|gt|amp|quot);")
_PLAIN = re.compile(r"[^<&]+")

_ZWJ = "\u200d"
_ZWNJ = "\u200c"
_PUNCTUATION = frozenset("。！？；，、：.!?;,:）)」』】")


def escape(text: str) -> str:
    """User text for Telegram HTML: ``& < >`` and both quotes (safe in attribute values too)."""
    return html.escape(text, quote=True)


def utf16_length(text: str) -> int:
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def visible_length(markup: str) -> int:
    """The length Telegram checks against its limit: visible text in UTF-16 code units."""
    return sum(_width(char) for char in _parse(markup).chars)


def split_html(markup: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Parts of at most ``limit`` visible UTF-16 units each, balanced, none without text.

    An input without visible text gives no parts. A single character cluster longer than the
    limit (a letter with hundreds of combining marks) is cut between code points.
    """
    if limit < 2:
        raise ValueError("limit must be at least 2 (an astral character is two units)")
    document = _parse(markup)
    if not document.chars:
        return []
    return list(_Splitter(document, limit).parts())


@dataclass(frozen=True)
class _Tag:
    name: str
    raw: str
    closing: bool


_NO_TAGS: list[_Tag] = []


@dataclass
class _Document:
    chars: list[str] = field(default_factory=list)
    raws: list[str] = field(default_factory=list)
    # tags[i] are the tags written just before visible character i; tags[len(chars)] end it.
    # Sparse: a list per character made the garbage collector rescan one container per
    # character, and splitting grew faster than the text (bench hostile_input).
    tags: dict[int, list[_Tag]] = field(default_factory=dict)

    def tags_before(self, index: int) -> list[_Tag]:
        return self.tags.get(index, _NO_TAGS)


def _parse(markup: str) -> _Document:
    document = _Document()
    stack: list[str] = []
    position = 0
    while position < len(markup):
        if plain := _PLAIN.match(markup, position):
            for char in plain[0]:
                _add_char(document, char, char)
            position = plain.end()
        elif entity := _ENTITY.match(markup, position):
            _add_char(document, html.unescape(entity[0]), entity[0])
            position = entity.end()
        elif tag := _TAG.match(markup, position):
            document.tags.setdefault(len(document.chars), []).append(_checked_tag(tag, stack))
            position = tag.end()
        else:
            raise ValueError(f"unescaped {markup[position]!r} at offset {position}: use escape()")
    if stack:
        raise ValueError(f"unclosed tags: {', '.join(stack)}")
    return document


def _add_char(document: _Document, char: str, raw: str) -> None:
    document.chars.append(char)
    document.raws.append(raw)


def _checked_tag(found: re.Match[str], stack: list[str]) -> _Tag:
    name = found["name"].lower()
    if name not in ALLOWED_TAGS:
        raise ValueError(f"Telegram does not support the tag <{name}>")
    if not found["close"]:
        stack.append(name)
        return _Tag(name, found[0], closing=False)
    if found["attrs"] or not stack or stack[-1] != name:
        raise ValueError(f"misplaced closing tag {found[0]!r}")
    stack.pop()
    return _Tag(name, found[0], closing=True)


def _width(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


def _is_regional_indicator(char: str) -> bool:
    return "\U0001f1e6" <= char <= "\U0001f1ff"


def _extends(char: str) -> bool:
    """Belongs to the character before it: never cut just before it."""
    if char < "\u0300":  # Latin-1 and friends: the common case, no marks there
        return False
    return (
        unicodedata.category(char) in {"Mn", "Mc", "Me"}
        or char in {_ZWJ, _ZWNJ}
        or "\ufe00" <= char <= "\ufe0f"
        or "\U000e0100" <= char <= "\U000e01ef"
        or "\U0001f3fb" <= char <= "\U0001f3ff"
        or "\U000e0020" <= char <= "\U000e007f"
        or "\u1160" <= char <= "\u11ff"
        or "\ud7b0" <= char <= "\ud7ff"
    )


def _cuttable(chars: list[str]) -> list[bool]:
    """cuttable[i]: a part may end just before chars[i] (index len(chars) is the end)."""
    cuttable = [True] * (len(chars) + 1)
    flag_run = 0
    for index in range(1, len(chars)):
        previous, char = chars[index - 1], chars[index]
        flag_run = flag_run + 1 if _is_regional_indicator(previous) else 0
        cuttable[index] = not (
            _extends(char)
            or previous == _ZWJ
            or (previous == "\r" and char == "\n")
            or (_is_regional_indicator(char) and flag_run % 2 == 1)
        )
    return cuttable


class _Break(IntEnum):
    PARAGRAPH = 0
    LINE = 1
    SPACE = 2
    PUNCTUATION = 3
    ANY = 4


def _break_kind(chars: list[str], end: int) -> _Break:
    last = chars[end - 1]
    if last == "\n":
        return _Break.PARAGRAPH if end >= 2 and chars[end - 2] == "\n" else _Break.LINE
    if last.isspace():
        return _Break.SPACE
    if last in _PUNCTUATION:
        return _Break.PUNCTUATION
    return _Break.ANY


class _Splitter:
    def __init__(self, document: _Document, limit: int) -> None:
        self.document = document
        self.limit = limit
        self.cuttable = _cuttable(document.chars)
        # An array, not a list: a list held one int object per character, and the cache misses
        # of walking them made splitting grow faster than the text.
        self.offsets = array("q", itertools.accumulate(map(_width, document.chars), initial=0))
        self.stack: list[_Tag] = []

    def parts(self) -> Iterator[str]:
        chars = self.document.chars
        start, carried = 0, self.document.tags_before(0)
        while start < len(chars):
            end = self._cut(start)
            tags_at_end = self.document.tags_before(end)
            closing = len(tags_at_end) if end == len(chars) else _leading_closers(tags_at_end)
            yield self._render(start, end, carried, tags_at_end[:closing])
            start, carried = end, tags_at_end[closing:]

    def _cut(self, start: int) -> int:
        # offsets[i] is the UTF-16 length of the first i characters.
        end = bisect.bisect_right(self.offsets, self.offsets[start] + self.limit) - 1
        if end == len(self.document.chars):
            return end
        return self._best_cut(start, end)

    def _best_cut(self, start: int, end: int) -> int:
        chars = self.document.chars
        text_from = next((i for i in range(start, end) if not chars[i].isspace()), start)
        half = max(start + (end - start) // 2, start + 1)
        best: dict[_Break, int] = {}
        latest: int | None = None
        for candidate in range(end, text_from, -1):
            if not self.cuttable[candidate]:
                continue
            latest = candidate if latest is None else latest
            if candidate < half:
                break
            kind = _break_kind(chars, candidate)
            if kind is _Break.PARAGRAPH:
                return candidate
            best.setdefault(kind, candidate)
        for kind in (_Break.LINE, _Break.SPACE, _Break.PUNCTUATION):
            if kind in best:
                return best[kind]
        if latest is not None:
            return latest
        return end  # one cluster wider than the limit: cut between its code points

    def _render(self, start: int, end: int, carried: list[_Tag], trailing: list[_Tag]) -> str:
        out = [tag.raw for tag in self.stack]
        self._write_tags(out, carried)
        for index in range(start, end):
            if index > start:
                self._write_tags(out, self.document.tags_before(index))
            out.append(self.document.raws[index])
        self._write_tags(out, trailing)
        out.extend(f"</{tag.name}>" for tag in reversed(self.stack))
        return "".join(out)

    def _write_tags(self, out: list[str], tags: list[_Tag]) -> None:
        for tag in tags:
            out.append(tag.raw)
            if tag.closing:
                self.stack.pop()
            else:
                self.stack.append(tag)


def _leading_closers(tags: list[_Tag]) -> int:
    count = 0
    while count < len(tags) and tags[count].closing:
        count += 1
    return count
