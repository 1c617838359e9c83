"""Feedback export: CSV a spreadsheet opens safely and a program reads back, JSON likewise."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.domain.export import (
    BOM,
    CHUNK_ROWS,
    COLUMNS,
    DEFAULT_HEADERS,
    ExportMeta,
    FeedbackRow,
    csv_chunks,
    json_chunks,
    message_link,
    neutralize,
    write_csv,
    write_json,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
CREATED = datetime(2026, 3, 1, 23, 30, 5, tzinfo=UTC)
TRICKY_TEXT = '第一行 "引号", 逗号\n第二行 🎬✨\r\n第三行'


def row(**changes: object) -> FeedbackRow:
    values: dict[str, object] = {
        "chat_id": -1001234567890,
        "chat_title": "剪辑粉丝群",
        "message_id": 42,
        "created_at": CREATED,
        "author_name": "小明",
        "author_id": 555,
        "text": "下一期拍猫咪吧！",
        "tags": ("建议", "选题"),
        "sentiment": "positive",
        "status": "new",
    }
    values.update(changes)
    return FeedbackRow(**values)  # type: ignore[arg-type]


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(BOM)
    return list(csv.reader(io.StringIO(data[len(BOM) :].decode(), newline="")))


def csv_bytes(rows: list[FeedbackRow], **kwargs: object) -> bytes:
    return b"".join(csv_chunks(rows, SHANGHAI, **kwargs))  # type: ignore[arg-type]


def test_message_links_for_private_and_public_supergroups() -> None:
    assert message_link(-1001234567890, 42) == "https://t.me/c/1234567890/42"
    assert message_link(-1001234567890, 42, "fanclub") == "https://t.me/fanclub/42"
    assert message_link(-1001234567890, 42, "@fanclub") == "https://t.me/fanclub/42"
    assert message_link(-1000000000123, 7) == "https://t.me/c/123/7"


def test_no_message_links_where_telegram_has_none() -> None:
    assert message_link(-4012345678, 42) is None
    assert message_link(-123456, 42) is None
    assert message_link(-1001234567890, -999999958) is None


def test_csv_round_trips_through_the_csv_module() -> None:
    rows = [
        row(),
        row(message_id=43, text=TRICKY_TEXT, edited=True, duplicate_of=42, tags=()),
        row(message_id=44, text=None, author_id="fan-7f3a", chat_username="fanclub"),
    ]
    table = read_csv(csv_bytes(rows))
    assert table[0] == [DEFAULT_HEADERS[column] for column in COLUMNS]
    records = [dict(zip(COLUMNS, line, strict=True)) for line in table[1:]]
    assert records[0] == {
        "chat_id": "-1001234567890",
        "chat_title": "剪辑粉丝群",
        "message_id": "42",
        "link": "https://t.me/c/1234567890/42",
        "created_at": "2026-03-02T07:30:05+08:00",
        "author_name": "小明",
        "author_id": "555",
        "text": "下一期拍猫咪吧！",
        "tags": "建议, 选题",
        "sentiment": "positive",
        "status": "new",
        "duplicate_of": "",
        "edited": "false",
    }
    assert records[1]["text"] == TRICKY_TEXT
    assert (records[1]["duplicate_of"], records[1]["edited"], records[1]["tags"]) == (
        "42",
        "true",
        "",
    )
    assert (records[2]["text"], records[2]["author_id"]) == ("", "fan-7f3a")
    assert records[2]["link"] == "https://t.me/fanclub/44"


def test_csv_is_utf8_with_bom_and_crlf_records() -> None:
    data = csv_bytes([row(), row(message_id=43)])
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.endswith(b"\r\n")
    body = data[len(BOM) :].decode("utf-8")
    assert body.count("\r\n") == 3
    assert "\n" not in body.replace("\r\n", "")


def test_embedded_quotes_and_newlines_are_quoted_per_rfc_4180() -> None:
    data = csv_bytes([row(text='say "hi"\nbye')]).decode("utf-8-sig")
    assert '"say ""hi""\nbye"' in data


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.example","x")',
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\tcmd",
        "\rcmd",
        "  =1+1",
        "\u3000=1+1",
        "＝1+1",
        "－1",
    ],
)
def test_formula_triggers_are_neutralised_in_every_text_cell(text: str) -> None:
    rows = [
        row(
            text=text,
            chat_title=text,
            author_name=text,
            author_id=text,
            tags=(text,),
            sentiment=text,
            status=text,
        )
    ]
    line = dict(zip(COLUMNS, read_csv(csv_bytes(rows))[1], strict=True))
    for column in ("text", "chat_title", "author_name", "author_id", "sentiment", "status"):
        assert line[column] == "'" + text, column
    assert line["tags"] == "'" + text


def test_harmless_text_and_our_own_numbers_are_left_alone() -> None:
    assert neutralize("好评 = 5 stars") == "好评 = 5 stars"
    assert neutralize("") == ""
    line = dict(zip(COLUMNS, read_csv(csv_bytes([row()]))[1], strict=True))
    assert line["chat_id"] == "-1001234567890"


def test_a_header_label_that_looks_like_a_formula_is_neutralised_too() -> None:
    header = read_csv(csv_bytes([], headers={"text": "=evil()"}))[0]
    assert header[COLUMNS.index("text")] == "'=evil()"


def test_localized_headers_replace_the_english_ones() -> None:
    zh = {"text": "内容", "tags": "标签", "created_at": "时间"}
    header = read_csv(csv_bytes([row()], headers=zh))[0]
    assert header[COLUMNS.index("text")] == "内容"
    assert header[COLUMNS.index("tags")] == "标签"
    assert header[COLUMNS.index("status")] == "Status"


def test_unknown_header_columns_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown export columns"):
        csv_bytes([], headers={"nope": "x"})


def test_an_empty_export_is_the_header_only() -> None:
    table = read_csv(csv_bytes([]))
    assert table == [[DEFAULT_HEADERS[column] for column in COLUMNS]]


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        csv_bytes([row(created_at=datetime(2026, 3, 1))])  # noqa: DTZ001


def test_csv_is_produced_in_chunks_without_building_one_string() -> None:
    rows = (row(message_id=n) for n in range(1, CHUNK_ROWS * 2 + 2))
    chunks = list(csv_chunks(rows, UTC))
    assert len(chunks) == 4
    assert chunks[0].startswith(BOM)
    assert all(not chunk.startswith(BOM) for chunk in chunks[1:])
    assert len(read_csv(b"".join(chunks))) == CHUNK_ROWS * 2 + 2


def test_write_csv_into_a_binary_file_object() -> None:
    target = io.BytesIO()
    written = write_csv(target, [row()], UTC)
    assert written == len(target.getvalue())
    assert (
        read_csv(target.getvalue())[1][COLUMNS.index("created_at")] == "2026-03-01T23:30:05+00:00"
    )


def meta() -> ExportMeta:
    return ExportMeta(
        group_id=-1001234567890,
        group_title="剪辑粉丝群",
        filters="tag=建议, period=7d",
        generated_at=datetime(2026, 3, 2, 1, 0, tzinfo=UTC),
        timezone=SHANGHAI,
    )


def test_json_has_metadata_items_and_row_count() -> None:
    rows = [row(), row(message_id=43, text=TRICKY_TEXT, author_id="fan-7f3a", edited=True)]
    data = b"".join(json_chunks(rows, meta()))
    assert "剪辑粉丝群".encode() in data
    document = json.loads(data)
    assert document["format"] == "fanpulse.feedback.v1"
    assert document["group"] == {"id": -1001234567890, "title": "剪辑粉丝群"}
    assert document["filters"] == "tag=建议, period=7d"
    assert document["generated_at"] == "2026-03-02T09:00:00+08:00"
    assert document["timezone"] == "Asia/Shanghai"
    assert document["row_count"] == 2
    first, second = document["items"]
    assert first["link"] == "https://t.me/c/1234567890/42"
    assert first["tags"] == ["建议", "选题"]
    assert first["created_at"] == "2026-03-02T07:30:05+08:00"
    assert (second["text"], second["author_id"], second["edited"]) == (
        TRICKY_TEXT,
        "fan-7f3a",
        True,
    )
    assert second["duplicate_of"] is None


def test_json_keeps_formula_like_text_verbatim() -> None:
    document = json.loads(b"".join(json_chunks([row(text="=1+1")], meta())))
    assert document["items"][0]["text"] == "=1+1"


def test_empty_json_export() -> None:
    document = json.loads(b"".join(json_chunks([], meta())))
    assert (document["items"], document["row_count"]) == ([], 0)


def test_json_is_streamed_in_chunks_and_offsets_follow_the_timezone() -> None:
    fixed = timezone(timedelta(hours=-5))
    rows = (row(message_id=n) for n in range(1, CHUNK_ROWS + 2))
    target = io.BytesIO()
    write_json(target, rows, ExportMeta(1, "t", "", CREATED, fixed))
    chunks = list(json_chunks((row(message_id=n) for n in range(1, CHUNK_ROWS + 2)), meta()))
    assert len(chunks) == 2
    document = json.loads(target.getvalue())
    assert document["row_count"] == CHUNK_ROWS + 1
    assert document["items"][0]["created_at"] == "2026-03-01T18:30:05-05:00"
