"""Redacting a stored update (a failed update's JSON) without changing its shape: the keys stay,
so the update still shows what went wrong, but a forgotten person's names and words, or a
group's text past its retention, are blanked.

The walk is iterative: a payload nested deeper than the interpreter's recursion limit is walked
like any other.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

NAME_FIELDS = ("first_name", "last_name", "username")
TEXT_FIELDS = ("text", "caption")
# A reply carries the words it quotes from the replied message, under the replier's name.
QUOTING_FIELDS = ("reply_to_message", "external_reply")


def _nodes(document: Any) -> Iterator[dict[str, Any]]:
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            yield node
            stack.extend(node.values())


def _is_person(node: dict[str, Any], user_id: int) -> bool:
    """A user (or a private chat) object of this person."""
    return node.get("id") == user_id and any(name in node for name in NAME_FIELDS)


def _by_person(node: Any, user_id: int) -> bool:
    """A message (or reply origin) written by the person."""
    if not isinstance(node, dict):
        return False
    author = node.get("from") or node.get("sender_user")
    origin = node.get("origin")
    if isinstance(origin, dict):
        author = author or origin.get("sender_user")
    return isinstance(author, dict) and author.get("id") == user_id


def _blank(node: dict[str, Any], fields: tuple[str, ...]) -> bool:
    changed = False
    for field in fields:
        if isinstance(node.get(field), str) and node[field]:
            node[field] = ""
            changed = True
    return changed


def redact_person(document: Any, user_id: int) -> bool:
    """Blank the person's names wherever they appear, the text of their messages and the words
    another message quotes from them; whether anything changed."""
    changed = False
    for node in _nodes(document):
        if _is_person(node, user_id):
            changed |= _blank(node, NAME_FIELDS)
        if _by_person(node, user_id):
            changed |= _blank(node, TEXT_FIELDS)
        quoted = node.get("quote")
        if isinstance(quoted, dict) and any(
            _by_person(node.get(field), user_id) for field in QUOTING_FIELDS
        ):
            changed |= _blank(quoted, TEXT_FIELDS)
    return changed


def redact_text(document: Any) -> bool:
    """Blank every text and caption (what retention purges); whether anything changed."""
    changed = False
    for node in _nodes(document):
        changed |= _blank(node, TEXT_FIELDS)
    return changed


def people_in(document: Any) -> set[int]:
    """The ids of every user object in the document."""
    return {
        node["id"]
        for node in _nodes(document)
        if isinstance(node.get("id"), int) and "is_bot" in node and "first_name" in node
    }


def load(payload: str) -> Any:
    """The stored JSON, None when it cannot be read (nested past what the parser takes)."""
    try:
        return json.loads(payload)
    except (ValueError, RecursionError):
        return None


def dump(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False)
