"""History import records: every kind of exported message becomes what the live path stores."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from bot.domain.attribution import AuthorKind
from bot.domain.history import (
    ChatIdForm,
    ImportedMessage,
    SenderKind,
    bot_api_chat_id,
    flatten_text,
    json_stream,
    open_history,
    read_history,
)

FIXTURE = Path(__file__).parent / "fixtures" / "history" / "result.json"
GROUP_ID = -1001987654321
BASE = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def by_id() -> dict[int, ImportedMessage]:
    return {message.message_id: message for message in read_history(FIXTURE).messages}


def export(messages: list[dict[str, Any]], **header: object) -> bytes:
    document = {"name": "G", "type": "private_supergroup", "id": 42, **header}
    document["messages"] = messages
    return json.dumps(document, ensure_ascii=False).encode()


def test_the_chat_maps_to_its_bot_api_id() -> None:
    parsed = read_history(FIXTURE)
    chat = parsed.chat
    assert (chat.name, chat.export_type, chat.export_id) == (
        "剪辑粉丝群",
        "private_supergroup",
        1987654321,
    )
    assert (chat.chat_id, chat.id_form, chat.is_public) == (GROUP_ID, ChatIdForm.SUPERGROUP, False)
    assert chat.matches(GROUP_ID)
    assert not chat.matches(-1987654321)


def test_basic_and_public_groups_map_by_their_type() -> None:
    basic = read_history(export([], type="private_group", id=4012345)).chat
    assert (basic.chat_id, basic.id_form) == (-4012345, ChatIdForm.BASIC_GROUP)
    public = read_history(export([], type="public_supergroup", id=1500000001)).chat
    assert (public.chat_id, public.is_public) == (-1001500000001, True)
    assert bot_api_chat_id(1234567890, ChatIdForm.SUPERGROUP) == -1001234567890


def test_stats_count_every_kind() -> None:
    stats = read_history(FIXTURE).stats
    assert stats.messages == 22
    assert stats.service_messages == 5
    assert stats.skipped == 1
    assert stats.migrated == 3
    assert stats.local_dates == 0
    assert stats.first_date == BASE - timedelta(days=30)
    assert stats.last_date == BASE + timedelta(seconds=1080)
    assert stats.member is None


def test_plain_text_message(by_id: dict[int, ImportedMessage]) -> None:
    message = by_id[2]
    assert message.text == "下一期拍猫咪吧！"
    assert message.date == BASE
    assert (message.sender_kind, message.sender_id, message.display_name) == (
        SenderKind.USER,
        100001,
        "小明",
    )
    assert (message.media_kind, message.service_kind, message.action) == (None, None, None)
    assert not message.is_forwarded
    assert message.edited_at is None
    assert message.author(GROUP_ID).kind is AuthorKind.FAN


def test_rich_text_is_flattened_keeping_differing_link_targets(
    by_id: dict[int, ImportedMessage],
) -> None:
    assert by_id[3].text == (
        "Loved the night timelapse! #建议 more like this one (https://example.com/v/42)"
        " and https://example.com/v/43 cc @editor_bob Bob 🎬"
    )


def test_flatten_text_edge_cases() -> None:
    assert flatten_text("plain") == "plain"
    assert flatten_text(None) == ""
    assert flatten_text(["a", {"type": "bold"}, 7, {"type": "italic", "text": "b"}]) == "ab"
    link = {"type": "text_link", "text": "see https://x.example", "href": "https://x.example"}
    assert flatten_text([link]) == "see https://x.example"


@pytest.mark.parametrize(
    ("message_id", "media_kind", "text"),
    [
        (4, "photo", "封面配色建议换成暖色"),
        (5, "sticker", None),
        (6, "voice", None),
        (18, "poll", None),
        (19, "video", "成片预览 草稿"),
        (20, "document", "清单在这里\n第二行"),
    ],
)
def test_media_kinds_and_captions(
    by_id: dict[int, ImportedMessage], message_id: int, media_kind: str, text: str | None
) -> None:
    assert (by_id[message_id].media_kind, by_id[message_id].text) == (media_kind, text)


@pytest.mark.parametrize(
    ("message_id", "service_kind", "action", "sender_id"),
    [
        (7, "new_chat_members", "invite_members", 100001),
        (8, "new_chat_members", "join_group_by_link", 100005),
        (9, "pinned_message", "pin_message", GROUP_ID),
        (1, "migrate_from_chat_id", "migrate_from_group", GROUP_ID),
        (-999999998, "group_chat_created", "create_group", 100001),
    ],
)
def test_service_messages(
    by_id: dict[int, ImportedMessage],
    message_id: int,
    service_kind: str,
    action: str,
    sender_id: int,
) -> None:
    message = by_id[message_id]
    assert (message.service_kind, message.action, message.sender_id) == (
        service_kind,
        action,
        sender_id,
    )
    assert (message.text, message.media_kind, message.reply_to_message_id) == (None, None, None)


def test_forwarded_reply_and_edited(by_id: dict[int, ImportedMessage]) -> None:
    forwarded = by_id[10]
    assert (forwarded.is_forwarded, forwarded.forwarded_from) == (True, "Short Video Daily")
    assert by_id[11].reply_to_message_id == 4
    assert by_id[11].text == "+1 暖色好看"
    edited = by_id[12]
    assert edited.edited_at == BASE + timedelta(seconds=900)
    assert edited.date == BASE + timedelta(seconds=600)


def test_a_reply_into_another_chat_is_not_a_reply_here(by_id: dict[int, ImportedMessage]) -> None:
    assert by_id[17].reply_to_message_id is None


def test_the_group_posting_as_itself_is_an_anonymous_admin(
    by_id: dict[int, ImportedMessage],
) -> None:
    message = by_id[13]
    assert (message.sender_kind, message.sender_id) == (SenderKind.CHANNEL, GROUP_ID)
    assert message.signature == "管理员小王"
    author = message.author(GROUP_ID)
    assert (author.kind, author.user_id, author.sender_chat_id) == (
        AuthorKind.ANONYMOUS_ADMIN,
        None,
        GROUP_ID,
    )
    assert not author.is_fan


def test_a_channel_posting_in_the_group_is_not_a_fan(by_id: dict[int, ImportedMessage]) -> None:
    author = by_id[14].author(GROUP_ID)
    assert (author.kind, author.sender_chat_id) == (AuthorKind.CHANNEL, -1001555000111)


def test_a_deleted_account_has_no_name_but_keeps_its_id(by_id: dict[int, ImportedMessage]) -> None:
    message = by_id[15]
    assert (message.display_name, message.sender_id) == (None, 100009)
    assert message.text == '=HYPERLINK("http://evil.example")'


def test_unsupported_messages_are_skipped(by_id: dict[int, ImportedMessage]) -> None:
    assert 16 not in by_id


def test_migrated_basic_group_history_keeps_shifted_ids(by_id: dict[int, ImportedMessage]) -> None:
    reply = by_id[-999999996]
    assert reply.from_migrated_group
    assert reply.original_message_id == 4
    assert reply.reply_to_message_id == -999999997
    assert by_id[-999999997].original_message_id == 3
    assert not by_id[2].from_migrated_group
    assert by_id[2].original_message_id == 2


def test_records_become_the_live_paths_incoming_comments(
    by_id: dict[int, ImportedMessage],
) -> None:
    comment = by_id[11].as_incoming_comment(GROUP_ID)
    assert (comment.chat_id, comment.message_id, comment.reply_to_message_id) == (
        GROUP_ID,
        11,
        4,
    )
    assert (comment.text, comment.created_at, comment.author.user_id) == (
        "+1 暖色好看",
        BASE + timedelta(seconds=540),
        100003,
    )
    assert (comment.thread_id, comment.is_automatic_forward, comment.is_forwarded) == (
        None,
        False,
        False,
    )
    service = by_id[7].as_incoming_comment(GROUP_ID)
    assert (service.service_kind, service.text) == ("new_chat_members", None)


def test_old_exports_without_unix_times_use_the_given_timezone() -> None:
    messages = [
        {"id": 1, "type": "message", "date": "2019-05-01T20:00:00", "from_id": 7, "text": "hi"},
        {
            "id": 2,
            "type": "message",
            "date": "2019-05-01T21:00:00",
            "edited": "2019-05-01T21:05:00",
            "from": "X",
            "from_id": "user7",
            "text": "yo",
        },
    ]
    parsed = read_history(export(messages), local_timezone=timezone(timedelta(hours=8)))
    first, second = parsed.messages
    assert first.date == datetime(2019, 5, 1, 12, 0, tzinfo=UTC)
    assert (first.sender_kind, first.sender_id) == (SenderKind.USER, 7)
    assert second.edited_at == datetime(2019, 5, 1, 13, 5, tzinfo=UTC)
    assert parsed.stats.local_dates == 3


def test_service_kinds_follow_the_export_details() -> None:
    base = {"type": "service", "date_unixtime": "1709280000", "actor_id": "user1"}
    messages = [
        {**base, "id": 1, "action": "group_call", "duration": 60},
        {**base, "id": 2, "action": "group_call"},
        {**base, "id": 3, "action": "some_future_action_with_a_very_long_name_indeed"},
        {**base, "id": 4, "information_text": "custom"},
        {**base, "id": 5, "actor_id": "chat777", "action": "edit_group_title"},
    ]
    kinds = [
        (message.service_kind, message.sender_kind, message.sender_id)
        for message in read_history(export(messages)).messages
    ]
    assert kinds == [
        ("video_chat_ended", SenderKind.USER, 1),
        ("video_chat_started", SenderKind.USER, 1),
        ("some_future_action_with_a_very_l", SenderKind.USER, 1),
        ("service", SenderKind.USER, 1),
        ("new_chat_title", SenderKind.GROUP, -777),
    ]


def test_unknown_sender_ids_have_no_sender() -> None:
    message = {"id": 1, "type": "message", "date_unixtime": "1709280000", "from_id": "bot²"}
    parsed = read_history(export([message])).messages[0]
    assert (parsed.sender_kind, parsed.sender_id) == (SenderKind.NONE, None)
    assert parsed.author(-100142).kind is AuthorKind.UNKNOWN


@pytest.mark.parametrize("chunk_bytes", [1, 7, 64, 1000])
def test_any_read_window_gives_the_same_records(
    monkeypatch: pytest.MonkeyPatch, chunk_bytes: int
) -> None:
    expected = read_history(FIXTURE)
    monkeypatch.setattr(json_stream, "CHUNK_BYTES", chunk_bytes)
    assert read_history(FIXTURE) == expected


def test_open_history_validates_then_streams_the_same_records_in_chunks() -> None:
    expected = read_history(FIXTURE)
    stream = open_history(FIXTURE)
    assert (stream.chat, stream.stats) == (expected.chat, expected.stats)
    chunks = list(stream.chunks(5))
    assert [len(chunk) for chunk in chunks] == [5, 5, 5, 5, 2]
    assert tuple(message for chunk in chunks for message in chunk) == expected.messages
    assert list(expected.chunks(10)) == [
        expected.messages[:10],
        expected.messages[10:20],
        expected.messages[20:],
    ]


def test_key_order_does_not_matter() -> None:
    message = {"id": 1, "type": "message", "date_unixtime": "1709280000", "text": "x"}
    reordered = json.dumps(
        {"messages": [message], "id": 42, "type": "private_supergroup", "extra": {"a": [1]}}
    ).encode()
    parsed = read_history(reordered)
    assert (parsed.chat.chat_id, parsed.stats.messages) == (-1000000000042, 1)
