"""Hypothesis strategies for hostile Bot API updates: real update JSON, shaped as Telegram sends
it, with everything a person controls made hostile (text, names, titles, captions, callback data,
command arguments, entity offsets).

What Telegram itself controls stays genuine: update kinds and their required fields, ids of the
placeholder senders (GroupAnonymousBot, Channel_Bot, 777000) with their `sender_chat`, migrations
only out of basic groups, callback data at most 64 bytes, an inaccessible message's date 0.

`World` names the chats and people; `updates(world, commands, callbacks)` draws one update.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from aiogram.filters.callback_data import CallbackData
from hypothesis import strategies as st

from tests.support import updates as u

Json = dict[str, Any]

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
ZWJ_EMOJI = ("👨‍👩‍👧‍👦", "🏳️‍🌈", "👩🏽‍💻", "🧑‍🤝‍🧑", "🇨🇳", "❤️‍🔥", "🫶🏿")
CJK = (
    "下一期拍猫咪吧！",
    "繁體中文測試，",
    "日本語のテキスト",
    "한국어",
    "𠜎𠜱𠝹",
    "ｆｕｌｌ－ｗｉｄｔｈ",
)
HTML_BITS = (
    "<", ">", "&", '"', "'", "<b>", "</b>", "<i>", "</a>", "<a href='javascript:x'>", "&amp;",
    "&lt;", "&#0;", "&#xD800;", "&nbsp;", "<tg-spoiler>", "<pre><code>", "<!--", "]]>", "\\",
)  # fmt: skip
COMMAND_NOISE = ("@", "#", "/", "@fanpulse_bot", "@other_bot", "--", "=", "\n", "\t", " ")
NUMBERS = ("0", "-1", "9" * 30, "1e309", "NaN", "-0", "0x10", "２３", "٣", "1_000", "+7")


def _any_text(max_size: int) -> st.SearchStrategy[str]:
    # JSON cannot carry lone surrogates, so neither can an update.
    return st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=max_size)


PIECE = st.one_of(
    _any_text(40),
    st.sampled_from(BIDI + INVISIBLE),
    st.sampled_from(ZWJ_EMOJI),
    st.sampled_from(CJK),
    st.sampled_from(HTML_BITS),
    st.sampled_from(COMMAND_NOISE),
    st.sampled_from(NUMBERS),
)


def hostile_text(min_size: int = 0, max_size: int = 20_000) -> st.SearchStrategy[str]:
    """Mostly short mixes of the pieces above; sometimes a piece repeated up to `max_size`."""
    short = st.lists(PIECE, max_size=8).map("".join)
    long = st.builds(
        lambda piece, count: (piece * count)[:max_size],
        st.lists(PIECE, min_size=1, max_size=4).map("".join).filter(bool),
        st.integers(1, max_size),
    )
    return (
        st.one_of(short, short, short, long)
        .map(lambda text: text[:max_size])
        .filter(lambda text: len(text) >= min_size)
    )


def name_text(max_size: int) -> st.SearchStrategy[str]:
    """Names and titles: Telegram requires them non-empty and caps their length."""
    return hostile_text(1, max_size).filter(lambda text: text.strip() != "")


# the world


@dataclass(frozen=True)
class World:
    """Chats and people the generated updates happen among (see tests/hostile/conftest.py)."""

    groups: Sequence[Json]  # supergroups the bot knows
    basic_group: Json
    unknown_group: Json
    channel: Json
    people: Sequence[Json]  # users with roles set up by the test
    bot_user: Json
    migrated_to: int

    def chats(self) -> list[Json]:
        return [*self.groups, self.basic_group, self.unknown_group]


@st.composite
def strangers(draw: st.DrawFn) -> Json:
    person: Json = {
        "id": draw(st.integers(1, 2**40)),
        "is_bot": draw(st.booleans()),
        "first_name": draw(name_text(64)),
    }
    if draw(st.booleans()):
        person["last_name"] = draw(name_text(64))
    if draw(st.booleans()):
        person["username"] = draw(st.from_regex(r"[a-zA-Z][a-zA-Z0-9_]{4,31}", fullmatch=True))
    if draw(st.booleans()):
        person["language_code"] = draw(st.sampled_from(["en", "zh-hans", "zh-hant", "xx", "ar"]))
    return person


def people(world: World) -> st.SearchStrategy[Json]:
    return st.one_of(st.sampled_from(list(world.people)), strangers())


def entities(text: str) -> st.SearchStrategy[list[Json]]:
    """Entities whose offsets and lengths may be wrong (past the end, overlapping, split
    surrogate pairs): the bot must not trust them."""
    size = len(text.encode("utf-16-le")) // 2
    entity = st.fixed_dictionaries(
        {
            "type": st.sampled_from(
                [
                    "bot_command",
                    "mention",
                    "hashtag",
                    "url",
                    "bold",
                    "italic",
                    "code",
                    "pre",
                    "spoiler",
                    "cashtag",
                    "email",
                    "blockquote",
                ]
            ),  # fmt: skip
            "offset": st.integers(0, size + 5),
            "length": st.integers(1, size + 5),
        }
    )
    return st.lists(entity, max_size=4)


@st.composite
def sender_in(draw: st.DrawFn, world: World, chat: Json) -> Json:
    """`from` and `sender_chat` as Telegram fills them for a group message."""
    kind = draw(
        st.sampled_from(
            ["person", "person", "person", "no from", "anonymous admin", "forged anonymous",
             "linked channel", "as channel", "placeholder without sender_chat"]
        )
    )  # fmt: skip
    other = draw(st.sampled_from([g for g in world.chats() if g["id"] != chat["id"]]))
    if kind == "person":
        return {"from": draw(people(world))}
    if kind == "no from":
        return {}
    if kind == "anonymous admin":
        return {"from": u.GROUP_ANONYMOUS_BOT, "sender_chat": chat}
    if kind == "forged anonymous":
        return {"from": u.GROUP_ANONYMOUS_BOT, "sender_chat": other}
    if kind == "linked channel":
        return {
            "from": u.TELEGRAM_SERVICE,
            "sender_chat": world.channel,
            "is_automatic_forward": True,
        }
    if kind == "as channel":
        return {"from": u.CHANNEL_BOT, "sender_chat": world.channel}
    placeholder = draw(st.sampled_from([u.GROUP_ANONYMOUS_BOT, u.CHANNEL_BOT, u.TELEGRAM_SERVICE]))
    return {"from": placeholder}


def _file(prefix: str) -> st.SearchStrategy[Json]:
    return st.integers(1, 10**6).map(
        lambda n: {"file_id": f"{prefix}{n}", "file_unique_id": f"u{prefix}{n}"}
    )


@st.composite
def content(draw: st.DrawFn, world: World, chat: Json, commands: Sequence[str]) -> Json:
    """The content of a message: text, a command, media with a caption, a sticker, a service
    message or a poll."""
    kind = draw(
        st.sampled_from(
            ["text", "text", "command", "command", "command", "photo", "video", "document",
             "sticker", "new members", "left member", "new title", "pinned", "migration", "poll"]
        )
    )  # fmt: skip
    if kind == "text":
        text = draw(hostile_text(1, 20_000))
        return {"text": text, "entities": draw(entities(text))}
    if kind == "command":
        return draw(command_content(commands))
    if kind in ("photo", "video", "document"):
        return draw(media_content(kind))
    if kind == "sticker":
        sticker = {
            **draw(_file("s")),
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        }
        if draw(st.booleans()):
            sticker["emoji"] = draw(st.sampled_from(ZWJ_EMOJI))
        return {"sticker": sticker}
    if kind == "new members":
        return {"new_chat_members": draw(st.lists(people(world), min_size=1, max_size=3))}
    if kind == "left member":
        return {"left_chat_member": draw(people(world))}
    if kind == "new title":
        return {"new_chat_title": draw(name_text(128))}
    if kind == "pinned":
        return {"pinned_message": draw(pinned(world, chat))}
    if kind == "migration":
        if chat["type"] == "group":
            return {"migrate_to_chat_id": world.migrated_to}
        return {"migrate_from_chat_id": world.basic_group["id"]}
    return {"poll": draw(poll())}


@st.composite
def command_content(draw: st.DrawFn, commands: Sequence[str]) -> Json:
    """A registered command (mostly) addressed to this bot (mostly), with hostile arguments."""
    # Registered names, and a few that only look like them (case, suffix, unknown).
    name = draw(st.sampled_from([*commands, "HELP", "start_", "nosuchcommand", "_"]))
    mention = draw(
        st.sampled_from(["", "", "", "", "@fanpulse_bot", "@FANPULSE_BOT", "@other_bot"])
    )
    arguments = draw(hostile_text(0, 20_000))
    separator = draw(st.sampled_from([" ", " ", " ", "\n", "\u00a0", ""]))
    text = f"/{name}{mention}{separator}{arguments}"
    length = len(f"/{name}{mention}".encode("utf-16-le")) // 2
    command = {"type": "bot_command", "offset": 0, "length": length}
    return {"text": text, "entities": [command, *draw(entities(text))]}


@st.composite
def media_content(draw: st.DrawFn, kind: str) -> Json:
    body: Json
    if kind == "photo":
        body = {"photo": [{**draw(_file("p")), "width": 90, "height": 90}]}
    elif kind == "video":
        body = {"video": {**draw(_file("v")), "width": 1, "height": 1, "duration": 3}}
    else:
        document = draw(_file("d"))
        if draw(st.booleans()):
            document["file_name"] = draw(name_text(255))
        if draw(st.booleans()):
            document["mime_type"] = draw(st.sampled_from(["application/json", "text/plain"]))
        body = {"document": document}
    if draw(st.booleans()):
        caption = draw(hostile_text(1, 1024))
        body["caption"] = caption
        body["caption_entities"] = draw(entities(caption))
    return body


@st.composite
def pinned(draw: st.DrawFn, world: World, chat: Json) -> Json:
    if draw(st.booleans()):
        return {"chat": chat, "message_id": draw(st.integers(1, 60)), "date": 0}
    return {
        "message_id": draw(st.integers(1, 60)),
        "date": 1_700_000_000,
        "chat": chat,
        "from": draw(st.one_of(people(world), st.just(world.bot_user))),
        "text": draw(hostile_text(1, 300)),
    }


@st.composite
def poll(draw: st.DrawFn) -> Json:
    options = draw(st.lists(name_text(100), min_size=2, max_size=12))
    return {
        "id": draw(st.from_regex(r"[0-9]{1,19}", fullmatch=True)),
        "question": draw(name_text(300)),
        "options": [
            {"persistent_id": str(index), "text": text, "voter_count": draw(st.integers(0, 9))}
            for index, text in enumerate(options)
        ],
        "total_voter_count": draw(st.integers(0, 50)),
        "is_closed": draw(st.booleans()),
        "is_anonymous": draw(st.booleans()),
        "type": "regular",
        "allows_multiple_answers": draw(st.booleans()),
        "allows_revoting": True,
        "members_only": False,
    }


@st.composite
def message(draw: st.DrawFn, world: World, commands: Sequence[str]) -> Json:
    """A message in a group, a supergroup or a private chat."""
    where = draw(st.sampled_from(["group", "group", "group", "private"]))
    if where == "private":
        person = draw(people(world))
        chat = u.private(person)
        sender: Json = {"from": person}
    else:
        chat = draw(st.sampled_from(world.chats()))
        sender = draw(sender_in(world, chat))
    body: Json = {
        "message_id": draw(st.integers(1, 60)),
        "date": 1_700_000_000 + draw(st.integers(0, 10**6)),
        "chat": chat,
        **sender,
        **draw(content(world, chat, commands)),
    }
    if draw(st.integers(0, 3)) == 0:
        body["reply_to_message"] = draw(reply_target(world, chat))
    if draw(st.integers(0, 5)) == 0:
        body["message_thread_id"] = draw(st.integers(1, 60))
    return body


@st.composite
def reply_target(draw: st.DrawFn, world: World, chat: Json) -> Json:
    """Often the bot's own message: replies to the bot reach the feature routers."""
    return {
        "message_id": draw(st.integers(1, 60)),
        "date": 1_700_000_000,
        "chat": chat,
        "from": draw(st.one_of(st.just(world.bot_user), people(world))),
        "text": draw(hostile_text(1, 200)),
    }


@st.composite
def channel_post(draw: st.DrawFn, world: World) -> Json:
    return {
        "message_id": draw(st.integers(1, 60)),
        "date": 1_700_000_000,
        "chat": world.channel,
        "sender_chat": world.channel,
        "text": draw(hostile_text(1, 4096)),
    }


def forged_data(callback: type[CallbackData]) -> st.SearchStrategy[str]:
    """Data for a button of this class as a client could forge it: the right prefix and field
    count with hostile values, the wrong count, or garbage; at most 64 bytes as Telegram caps."""
    prefix = callback.__prefix__
    separator = callback.__separator__

    def value(annotation: Any) -> st.SearchStrategy[str]:
        # Mostly values the class parses (so the press reaches its gate and handler), some not.
        ids = st.sampled_from([-1001000000111, -1001000000222, -4001, 9001, 9005, 1, 0])
        numbers = st.integers(-(2**63), 2**63 - 1).map(str)
        if annotation is bool:
            return st.sampled_from(["1", "0", "1", "0", "", "true", "2"])
        if annotation is int:
            past_bigint = st.sampled_from([str(2**63), str(-(2**63) - 1), "9" * 30])
            return st.one_of(
                ids.map(str), ids.map(str), numbers, past_bigint, st.sampled_from(NUMBERS)
            )
        return hostile_text(0, 20)

    fields = [value(f.annotation) for f in callback.model_fields.values()]
    well_formed = st.tuples(*fields).map(lambda parts: separator.join([prefix, *parts]))
    garbage = st.lists(hostile_text(0, 12), max_size=6).map(
        lambda parts: separator.join([prefix, *parts])
    )
    return st.one_of(well_formed, well_formed, well_formed, garbage).map(_cap_64_bytes)


def _cap_64_bytes(data: str) -> str:
    while len(data.encode("utf-8")) > 64:
        data = data[:-1]
    return data


@st.composite
def callback_query(draw: st.DrawFn, world: World, callbacks: Sequence[type[CallbackData]]) -> Json:
    person = draw(people(world))
    data = draw(
        st.one_of(
            *(forged_data(callback) for callback in callbacks),
            hostile_text(1, 64).map(_cap_64_bytes).filter(bool),
        )
    )
    query: Json = {
        "id": str(draw(st.integers(1, 2**60))),
        "from": person,
        "chat_instance": str(draw(st.integers(-(2**62), 2**62))),
        "data": data,
    }
    chat = draw(st.sampled_from([*world.chats(), u.private(person)]))
    where = draw(st.sampled_from(["accessible", "inaccessible", "inline"]))
    if where == "accessible":
        query["message"] = {
            "message_id": draw(st.integers(1, 60)),
            "date": 1_700_000_000,
            "chat": chat,
            "from": world.bot_user,
            "text": draw(hostile_text(1, 200)),
        }
    elif where == "inaccessible":
        # InaccessibleMessage: older than 48 hours or deleted; Telegram sends date 0.
        query["message"] = {"chat": chat, "message_id": draw(st.integers(1, 60)), "date": 0}
    else:
        query["inline_message_id"] = draw(st.from_regex(r"[A-Za-z0-9_-]{1,30}", fullmatch=True))
    return query


@st.composite
def poll_answer(draw: st.DrawFn, world: World) -> Json:
    chosen = draw(st.lists(st.integers(0, 20), max_size=4))
    answer: Json = {
        "poll_id": draw(
            st.one_of(st.from_regex(r"[0-9]{1,19}", fullmatch=True), hostile_text(1, 64))
        ),
        "option_ids": chosen,
        "option_persistent_ids": [str(option) for option in chosen],
    }
    if draw(st.booleans()):
        answer["user"] = draw(people(world))
    else:
        answer["voter_chat"] = draw(st.sampled_from([*world.chats(), world.channel]))
    return answer


@st.composite
def member_state(draw: st.DrawFn, user: Json) -> Json:
    status = draw(st.sampled_from(["member", "left", "kicked", "administrator", "creator"]))
    body: Json = {"status": status, "user": user}
    if status == "administrator":
        body.update(u.ADMIN_RIGHTS)
    elif status == "kicked":
        body["until_date"] = 0
    elif status == "creator":
        body["is_anonymous"] = draw(st.booleans())
    return body


@st.composite
def member_update(draw: st.DrawFn, world: World) -> Json:
    user = draw(st.one_of(people(world), st.just(world.bot_user)))
    return {
        "chat": draw(st.sampled_from(world.chats())),
        "from": draw(people(world)),
        "date": 1_700_000_000,
        "old_chat_member": draw(member_state(user)),
        "new_chat_member": draw(member_state(user)),
    }


@st.composite
def reaction(draw: st.DrawFn, world: World) -> Json:
    emoji = st.sampled_from(["👍", "❤", "🔥", "🤡", "😁"]).map(
        lambda e: {"type": "emoji", "emoji": e}
    )
    body: Json = {
        "chat": draw(st.sampled_from(world.chats())),
        "message_id": draw(st.integers(1, 60)),
        "date": 1_700_000_000,
        "old_reaction": draw(st.lists(emoji, max_size=2)),
        "new_reaction": draw(st.lists(emoji, max_size=2)),
    }
    if draw(st.booleans()):
        body["user"] = draw(people(world))
    else:
        body["actor_chat"] = draw(st.sampled_from([*world.chats(), world.channel]))
    return body


@st.composite
def updates(
    draw: st.DrawFn,
    world: World,
    commands: Sequence[str],
    callbacks: Sequence[type[CallbackData]],
) -> Json:
    """One update of any kind the bot asks for."""
    kind = draw(
        st.sampled_from(
            ["message"] * 6
            + ["edited_message"] * 2
            + ["channel_post", "edited_channel_post", "callback_query", "callback_query"]
            + ["poll_answer", "chat_member", "my_chat_member", "message_reaction"]
        )
    )
    payload: Json
    if kind == "message":
        payload = draw(message(world, commands))
    elif kind == "edited_message":
        payload = draw(message(world, commands))
        payload["edit_date"] = payload["date"] + draw(st.integers(0, 10**5))
    elif kind == "channel_post":
        payload = draw(channel_post(world))
    elif kind == "edited_channel_post":
        payload = {**draw(channel_post(world)), "edit_date": 1_700_000_100}
    elif kind == "callback_query":
        payload = draw(callback_query(world, callbacks))
    elif kind == "poll_answer":
        payload = draw(poll_answer(world))
    elif kind in ("chat_member", "my_chat_member"):
        payload = draw(member_update(world))
    else:
        payload = draw(reaction(world))
    return {"update_id": draw(st.integers(1, 2**31 - 1)), kind: payload}
